"""Benchmark of the global exchange account on synthetic EXIOBASE-shaped tables.

Usage::

    python benchmarks/mrio.py                      # full run: n = 2,009, 4,900, 9,800 and
                                                   # the sparse ~20,000 table (minutes, GBs)
    python benchmarks/mrio.py --quick              # n = 490 and 980, sparse 4,900: seconds
    python benchmarks/mrio.py --sizes 4900 --no-sparse
    python benchmarks/mrio.py --no-pymrio          # skip pymrio (the slowest part)

Tables have 49 regions (as EXIOBASE 3) and ``n / 49`` sectors each (n = 2,000 is not a
multiple of 49: the run uses 49 x 41 = 2,009). ``A`` is dense, with domestic blocks ten
times the import blocks and column sums uniform in [0.3, 0.8]; final demand has one column
per region, domestic demand dominant; three skill levels of hours, their compensation, and
value added.

Timed for every dense size: the median of ``--repeats`` interleaved runs of each side
(ours, the raw LU and pymrio alike; the first run of each under ``tracemalloc`` for the
peak memory), with the lowest and highest run printed below the table, so that neither
side's figure is one lucky or unlucky run:

* **account**: ``MRIOEconomy(...)`` (construction and input checks included) +
  ``global_exchange_account`` with every bloc result (``by_bloc``, ``pairs``, ``drain``);
* **+fp**: then ``footprints()`` (pymrio's four footprint accounts, sector by sector, all
  skills: 3 x 49 more transposed solves with the same factor);
* **raw LU**: one ``scipy.linalg.lu_factor(I - A)`` + ``lu_solve`` of the 49 final-demand
  columns, default options, ``I - A`` formed beforehand (not timed, not counted in its
  memory);
* **pymrio**: ``IOSystem.calc_all()`` on the same table (flows ``Z = A diag(x)``, ``Y``,
  an extension with the three hours rows), computing the same footprints. The largest
  relative difference between its footprints and ours is printed.

Sparse case: ~20,000 sectors (49 x 408) with 1 % of ``A`` non-zero, the account (bloc
results; no sector footprints) in a fresh process, with its peak resident memory.
Peak memory is given in bytes and in units of one dense ``n x n`` float64 matrix.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import scipy.linalg as sla
import scipy.sparse as sp
from _env import header, spread, target

import nonequivalent as ne

REGIONS = 49
SKILLS = ("low", "medium", "high")


def regions_sectors(n: int) -> tuple[list[str], list[str]]:
    m = max(1, round(n / REGIONS))
    return [f"R{i:02d}" for i in range(REGIONS)], [f"s{j:03d}" for j in range(m)]


def dense_table(n_target: int, seed: int = 0) -> dict[str, Any]:
    """A dense EXIOBASE-shaped table (49 regions), demand, hours, compensation, value added."""
    regions, sectors = regions_sectors(n_target)
    m = len(sectors)
    n = REGIONS * m
    rng = np.random.default_rng(seed)
    A = rng.random((n, n))
    A *= 0.1
    for r in range(REGIONS):                     # domestic blocks ten times the imports
        A[r * m:(r + 1) * m, r * m:(r + 1) * m] *= 10.0
    A *= (rng.uniform(0.3, 0.8, n) / A.sum(axis=0))[None, :]
    return _satellites(A, regions, sectors, rng)


def sparse_table(n_target: int, density: float = 0.01, seed: int = 0) -> dict[str, Any]:
    """A sparse table with ``density`` of ``A`` non-zero (column sums in [0.3, 0.8])."""
    regions, sectors = regions_sectors(n_target)
    n = REGIONS * len(sectors)
    rng = np.random.default_rng(seed)
    nnz = int(density * n * n)
    A = sp.csr_array(sp.coo_array((rng.random(nnz), (rng.integers(0, n, nnz),
                                                     rng.integers(0, n, nnz))), shape=(n, n)))
    colsum = np.asarray(A.sum(axis=0)).ravel()
    colsum[colsum == 0] = 1.0
    A = sp.csr_array(A @ sp.diags_array(rng.uniform(0.3, 0.8, n) / colsum))
    return _satellites(A, regions, sectors, rng)


def _satellites(A: Any, regions: list[str], sectors: list[str],
                rng: np.random.Generator) -> dict[str, Any]:
    m, n = len(sectors), A.shape[0]
    Y = rng.uniform(0.0, 1.0, (n, REGIONS))
    for r in range(REGIONS):
        Y[r * m:(r + 1) * m, r] += rng.uniform(20.0, 100.0, m)
    # hours per unit: regions 0-14 "high-wage" (few hours, high wages), the rest many hours
    low_wage = np.repeat(np.arange(REGIONS) >= 15, m)
    Q = rng.uniform(0.05, 0.5, (len(SKILLS), n)) * np.where(low_wage, 8.0, 1.0)
    wage = rng.uniform(5.0, 40.0, (len(SKILLS), n)) * np.where(low_wage, 0.1, 1.0)
    return {"A": A, "Y": Y, "Q": Q, "W": Q * wage, "V": rng.uniform(0.2, 0.6, n),
            "regions": regions, "sectors": sectors,
            "blocs": {r: ("North" if i < 15 else "South") for i, r in enumerate(regions)}}


def ours(t: dict[str, Any], footprints: bool = True) -> tuple[float, float, Any]:
    """Seconds for the account (construction included), then for the sector footprints."""
    t0 = time.perf_counter()
    mrio = ne.MRIOEconomy(t["A"], t["Y"], labour=dict(zip(SKILLS, t["Q"], strict=True)),
                          compensation=dict(zip(SKILLS, t["W"], strict=True)),
                          value_added=t["V"], regions=t["regions"], sectors=t["sectors"])
    acc = ne.global_exchange_account(mrio, t["blocs"])
    results = (acc.by_bloc, acc.pairs, acc.drain())
    t1 = time.perf_counter()
    fp = mrio.footprints() if footprints else None
    del results
    return t1 - t0, time.perf_counter() - t1, fp


def raw_lu(M: np.ndarray, Y: np.ndarray) -> float:
    """One ``lu_factor`` + ``lu_solve`` with default options (``M = I - A`` given)."""
    t0 = time.perf_counter()
    sla.lu_solve(sla.lu_factor(M), Y)
    return time.perf_counter() - t0


def pymrio_inputs(t: dict[str, Any]) -> Any:
    """Flows, final demand and the hours extension as pymrio takes them (built untimed)."""
    import pymrio

    A, Y = t["A"], t["Y"]
    n = A.shape[0]
    x = sla.lu_solve(sla.lu_factor(np.eye(n) - A), Y.sum(axis=1))
    idx = pd.MultiIndex.from_product([t["regions"], t["sectors"]], names=["region", "sector"])
    ycols = pd.MultiIndex.from_product([t["regions"], ["final demand"]],
                                       names=["region", "category"])
    Z = pd.DataFrame(A * x[None, :], index=idx, columns=idx)
    Ydf = pd.DataFrame(Y, index=idx, columns=ycols)
    F = pd.DataFrame(t["Q"] * x[None, :], index=pd.Index(list(SKILLS), name="stressor"),
                     columns=idx)
    FY = pd.DataFrame(np.zeros((len(SKILLS), REGIONS)), index=F.index, columns=ycols)
    io = pymrio.IOSystem(Z=Z, Y=Ydf, unit=None)
    io.labour = pymrio.Extension(name="labour", F=F, F_Y=FY)
    return io


def traced(fn: Callable[[], Any]) -> tuple[Any, int]:
    gc.collect()
    tracemalloc.start()
    try:
        out = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return out, peak


def agreement(fp: dict[str, pd.DataFrame], io: Any) -> float:
    worst = 0.0
    for name in ("D_cba", "D_pba", "D_imp", "D_exp"):
        ref = getattr(io.labour, name)
        got = fp[name].reindex(columns=ref.columns).to_numpy()
        r = ref.to_numpy()
        worst = max(worst, float(np.max(np.abs(got - r)) / np.max(np.abs(r))))
    return worst


def peak_rss() -> int:
    """Peak resident memory of this process (``VmHWM``), bytes."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def sparse_probe(n: int) -> None:
    """The sparse case alone, in this (fresh) process: print time and memory as JSON."""
    t = sparse_table(n)
    nnz = t["A"].nnz
    base = peak_rss()
    (secs, _, _), peak = traced(lambda: ours(t, footprints=False))
    print(json.dumps({"n": t["A"].shape[0], "nnz": nnz, "seconds": secs, "traced_peak": peak,
                      "rss_before": base, "max_rss": peak_rss()}))


def gib(b: float) -> str:
    return f"{b / 2**30:.2f} GiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (seconds)")
    parser.add_argument("--sizes", default=None,
                        help="comma-separated dense sizes (default 2000,4900,9800; rounded "
                             "to 49 regions x n/49 sectors)")
    parser.add_argument("--sparse", type=int, default=None,
                        help="sparse size (default 20000; quick: 4900)")
    parser.add_argument("--no-sparse", action="store_true", help="skip the sparse case")
    parser.add_argument("--no-pymrio", action="store_true", help="skip pymrio")
    parser.add_argument("--repeats", type=int, default=3,
                        help="interleaved runs of ours, raw LU and pymrio at every size; each "
                             "figure is their median with the lowest and highest beside it "
                             "(default 3)")
    parser.add_argument("--sparse-probe", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.sparse_probe:
        sparse_probe(args.sparse_probe)
        return
    sizes = ([int(s) for s in args.sizes.split(",")] if args.sizes
             else [490, 980] if args.quick else [2000, 4900, 9800])
    sparse_n = args.sparse or (4900 if args.quick else 20_000)
    header(("nonequivalent", "numpy", "scipy", "pandas", "pymrio"))
    spreads = []
    verdicts: list[tuple] = []
    print("account = construction + global account (3 skills, by_bloc, pairs, drain); "
          "+fp = also the sector footprints D_cba, D_pba, D_imp, D_exp;\n"
          "raw LU = one lu_factor + lu_solve (49 columns); pymrio = calc_all (same "
          "footprints), compared with account + fp;\n"
          "peak memory by tracemalloc in units of one n x n float64 matrix (ours: account + "
          "fp)\n")
    head = (f"{'n':>6} {'account':>8} {'+fp [s]':>8} {'raw LU':>7} {'acct/raw':>8} "
            f"{'pymrio [s]':>10} {'pymrio/(acct+fp)':>16} {'ours mem':>8} {'raw mem':>8} "
            f"{'pymrio mem':>10} {'agree':>8}")
    print(head)
    print("-" * len(head))
    for size in sizes:
        t = dense_table(size)
        n = t["A"].shape[0]
        unit = 8.0 * n * n
        reps = args.repeats
        M = np.eye(n) - t["A"]
        # ours and raw LU interleaved, median of `reps`; memory from the first run of each
        (a, f, fp), mem_ours = traced(lambda t=t: ours(t))
        r0, mem_raw = traced(lambda t=t, M=M: raw_lu(M, t["Y"]))
        accs, fps, raws = [a], [f], [r0]
        for _ in range(reps - 1):
            gc.collect()
            a, f, _fp = ours(t, footprints=True)
            del _fp
            accs.append(a)
            fps.append(f)
            gc.collect()
            raws.append(raw_lu(M, t["Y"]))
        del M
        t_acc, t_fp, t_raw = (statistics.median(v) for v in (accs, fps, raws))
        spreads.append(f"n = {n}: account {spread(accs, '{:.2f}')}, +fp {spread(fps, '{:.2f}')}, "
                       f"raw LU {spread(raws, '{:.2f}')}")
        if n >= 4000:
            verdicts.append((f"n = {n}: account <= 1.5x one raw LU + solve",
                             [a / r for a, r in zip(accs, raws, strict=True)],
                             lambda x: x <= 1.5, "{:.2f}"))
        if args.no_pymrio:
            pm = f"{'n/a':>10} {'n/a':>16}"
            pm_mem, agree = f"{'n/a':>10}", f"{'n/a':>8}"
        else:
            pms = []
            for r in range(reps):
                io = pymrio_inputs(t)
                gc.collect()

                def run_pymrio(io: Any = io) -> float:
                    t0 = time.perf_counter()
                    io.calc_all()
                    return time.perf_counter() - t0

                if r == 0:
                    secs, mem_pm = traced(run_pymrio)
                    agree = f"{agreement(fp, io):8.1e}"
                else:
                    secs = run_pymrio()
                pms.append(secs)
                del io
            t_pm = statistics.median(pms)
            ratios = [p / (a + f) for p, a, f in zip(pms, accs, fps, strict=True)]
            if n >= 4000:
                verdicts.append((f"n = {n}: account + footprints >= 4x faster than pymrio",
                                 ratios, lambda x: x >= 4.0, "{:.1f}"))
            spreads.append(f"n = {n}: pymrio {spread(pms, '{:.2f}')}, pymrio/(account+fp) "
                           f"run by run {spread(ratios, '{:.1f}')}")
            pm = f"{t_pm:10.2f} {t_pm / (t_acc + t_fp):16.1f}"
            pm_mem = f"{mem_pm / unit:10.2f}"
        if n >= 4000:
            verdicts.append((f"n = {n}: peak memory (account + fp) <= 3 n x n (first run)",
                             [mem_ours / unit], lambda x: x <= 3.0, "{:.2f}"))
        print(f"{n:6d} {t_acc:8.2f} {t_fp:8.2f} {t_raw:7.2f} {t_acc / t_raw:8.2f} {pm} "
              f"{mem_ours / unit:8.2f} {mem_raw / unit:8.2f} {pm_mem} {agree}", flush=True)
        del t, fp
        gc.collect()
    print("\nmedian [lowest–highest] of the runs of each size:")
    for line in spreads:
        print("  " + line)
    if not args.no_sparse:
        probe = subprocess.run([sys.executable, __file__, "--sparse-probe", str(sparse_n)],
                               capture_output=True, text=True, check=True)
        info = json.loads(probe.stdout.strip().splitlines()[-1])
        print(f"\nsparse n = {info['n']:,} ({info['nnz']:,} non-zeros, "
              f"{info['nnz'] / info['n'] ** 2:.2%}) in a fresh process: account (3 skills, "
              f"bloc results) {info['seconds']:.2f} s; peak allocated by it (tracemalloc) "
              f"{gib(info['traced_peak'])}; peak RSS of the whole process {gib(info['max_rss'])}"
              f" (of which {gib(info['rss_before'])} before the account: interpreter, imports,"
              " table)")
        if info["n"] >= 15_000:
            verdicts.append((f"sparse n = {info['n']:,}: account <= 30 s (one run)",
                             [info["seconds"]], lambda x: x <= 30.0, "{:.2f}"))
            verdicts.append((f"sparse n = {info['n']:,}: peak RSS <= 4 GiB (one run) [GiB]",
                             [info["max_rss"] / 2**30], lambda x: x <= 4.0, "{:.2f}"))
    print()
    for v in verdicts:
        target(*v)
    if not verdicts:
        print("targets are judged at n = 4,900, 9,800 and the sparse ~20,000 only")


if __name__ == "__main__":
    main()
