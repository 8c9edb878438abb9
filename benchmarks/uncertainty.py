"""Uncertainty benchmark: draws through the report, an uncertain technology, a Dask cluster.

Prints one table with the time of each path and checks that the paths compared give the
same numbers:

1. the built-in two-year report (``ussr-1928`` → ``ussr-1932``, all 17 uncertain
   parameters): ``--draws`` draws on the batch path (``ne.report_uncertainty`` with
   ``vectorized=True``, sampling included) against a loop calling ``ne.report`` once per
   draw (timed on ``--loop-draws`` draws and extrapolated to ``--draws``; the output says
   so); the speed-up, whether the targets (≥ 100×, ≤ 10 s) are met, and the largest
   relative difference between the two paths on the loop's draws;
2. an uncertain technology at n = 200: ``A_k = diag(r_k) A diag(s_k)`` with 400 uncertain
   row and column multipliers, ``--draws`` draws of all labour values through
   :func:`nonequivalent.propagate` with the batched GMRES path (one LU), against numpy's
   batched ``solve`` on the stacked systems (timed on a subset, extrapolated);
3. fixed technology, uncertain labour coefficients (one LU for every draw);
4. a job of at least 60 s on one Dask worker (the report per draw, ``vectorized=False``), on a
   ``distributed.LocalCluster`` with one and with two worker processes: the speed-up, and
   the same numbers on both.

Run:  pip install -e ".[dask]" && python benchmarks/uncertainty.py [--draws 10000]
      [--loop-draws 20] [--dask-draws N] [--no-dask] [--report-only]

``--report-only`` runs part 1 alone (no technology, no Dask).

The machine's load average is printed beside each timing: on a shared machine a timing
taken under load is slower than the code is.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import time

import numpy as np
import pandas as pd
from _env import header

import nonequivalent as ne
from nonequivalent.uncertainty.batch import BatchModel
from nonequivalent.uncertainty.report import _ReportModel, _resolve, _targets

ROWS: list[tuple[str, str, str]] = []


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def row(what: str, seconds: float, note: str = "") -> None:
    ROWS.append((what, f"{seconds:10.2f}", f"{note}  [{load()}]".strip()))
    print(f"  {what}: {seconds:.2f} s {note}", flush=True)


def report_loop(draws: int, loop_draws: int) -> float:
    base, later = _resolve("ussr-1928", "ussr-1932")
    ranges = ne.scenario_ranges(base, later)
    model = _ReportModel(base, later, _targets(base, later), None)
    values = ne.uncertainty.sample_parameters(ranges, max(loop_draws, 2), seed=1)
    names = [r.name for r in ranges]
    model(dict(zip(names, values[0], strict=True)))  # warm caches and imports
    t = time.perf_counter()
    loop = [model(dict(zip(names, v, strict=True))).to_numpy() for v in values[:loop_draws]]
    per = (time.perf_counter() - t) / loop_draws
    row(f"report, loop of ne.report, {draws:,} draws", per * draws,
        f"(extrapolated from {loop_draws} draws: {per * 1e3:.0f} ms a draw)")
    t = time.perf_counter()
    ne.report_uncertainty(base, later, draws=draws, seed=1, vectorized=True)
    fast = time.perf_counter() - t
    row(f"report, batch path, {draws:,} draws ({len(ranges)} uncertain parameters, "
        "sampling included)", fast, f"({fast / draws * 1e6:.0f} µs a draw)")
    speed = per * draws / fast
    met = "met" if speed >= 100 and fast <= 10 else "NOT met"
    ROWS.append((f"  speed-up batch / loop (targets ≥ 100×, ≤ 10 s: {met})",
                 f"{speed:10.0f}", ""))
    batch = BatchModel(model).values(pd.DataFrame(values[:loop_draws], columns=names))
    ref = np.array(loop)
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.abs(batch - ref) / np.abs(ref)
    rel[(batch == ref) | (np.isnan(batch) & np.isnan(ref))] = 0.0
    err = float(np.max(rel))
    print(f"  speed-up {speed:.0f}x; targets {met}; largest relative difference between "
          f"the paths on the loop's {loop_draws} draws: {err:.1e}")
    ROWS.append((f"  same numbers on the loop's {loop_draws} draws (largest relative "
                 "difference)", f"{err:10.1e}", ""))
    return per


def technology(draws: int, n: int = 200, stacked_subset: int = 500) -> None:
    rng = np.random.default_rng(1928)
    A = rng.random((n, n)) * (rng.random((n, n)) < 0.3)
    A *= rng.uniform(0.3, 0.8, n) / A.sum(axis=0)
    labour = rng.uniform(0.1, 2.0, n)
    params = ([ne.ParameterRange(f"row{i}", 0.9, 1.0, 1.1) for i in range(n)]
              + [ne.ParameterRange(f"col{j}", 0.9, 1.0, 1.1) for j in range(n)])
    rows_, cols_ = [f"row{i}" for i in range(n)], [f"col{j}" for j in range(n)]
    sectors = [f"s{i:03d}" for i in range(n)]

    def values(frame: pd.DataFrame) -> pd.DataFrame:
        lam = ne.labour_values_batch(A, labour, row_scale=frame[rows_].to_numpy(),
                                     column_scale=frame[cols_].to_numpy())
        return pd.DataFrame(lam, columns=sectors)

    t = time.perf_counter()
    res = ne.propagate(values, params, draws=draws, seed=7, vectorized=True)
    fast = time.perf_counter() - t
    row(f"uncertain A, n = {n}, {draws:,} draws: batched GMRES, one LU (propagate, "
        "sampling included)", fast, f"({2 * n} uncertain multipliers, ±10 %)")
    x = res.inputs.to_numpy()
    k = min(stacked_subset, draws)
    stack = x[:k, :n, None] * A[None] * x[:k, None, n:]
    t = time.perf_counter()
    ref = ne.labour_values_batch(stack, labour)
    slow = (time.perf_counter() - t) * draws / k
    row(f"uncertain A, n = {n}, {draws:,} draws: numpy batched solve on stacked systems",
        slow, f"(extrapolated from {k} draws)")
    err = np.abs(ref - res.samples.to_numpy()[:k]).max() / np.abs(ref).max()
    print(f"  largest relative difference between the two: {err:.1e}")
    ROWS.append(("  same numbers (largest relative difference)", f"{err:10.1e}", ""))
    lab = [ne.ParameterRange(f"l{i}", 0.8, 1.0, 1.2) for i in range(n)]
    names = [f"l{i}" for i in range(n)]

    def fixed(frame: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame(ne.labour_values_batch(A, frame[names].to_numpy() * labour),
                            columns=sectors)

    t = time.perf_counter()
    ne.propagate(fixed, lab, draws=draws, seed=7, vectorized=True)
    row(f"fixed A, n = {n}, {draws:,} draws of the labour coefficients: one LU",
        time.perf_counter() - t)


def dask(draws: int, per_draw: float) -> None:
    from distributed import Client, LocalCluster

    print(f"  Dask job: {draws} report draws (about {draws * per_draw:.0f} s on one "
          "worker expected)", flush=True)
    times, results = {}, {}
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            client.run(lambda: __import__("nonequivalent") and None)  # import once per worker
            t = time.perf_counter()
            res = ne.report_uncertainty("ussr-1928", "ussr-1932", draws=draws, seed=3,
                                         scheduler=client, vectorized=False)
            times[workers] = time.perf_counter() - t
            results[workers] = res.propagation.samples.to_numpy()
        row(f"report, {draws} draws on a LocalCluster of {workers} worker process"
            f"{'es' if workers > 1 else ''}", times[workers])
    same = np.array_equal(results[1], results[2])
    speed = times[1] / times[2]
    long_enough = times[1] >= 60.0
    met = "met" if long_enough and speed >= 1.6 else (
        "NOT met" if long_enough else "not shown: the one-worker job took < 60 s")
    ROWS.append((f"  speed-up 2 workers / 1 worker (same numbers: {'yes' if same else 'NO'}; "
                 f"target >= 1.6x on a job >= 60 s: {met})", f"{speed:10.2f}", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--draws", type=int, default=10_000)
    ap.add_argument("--loop-draws", type=int, default=20)
    ap.add_argument("--dask-draws", type=int, default=None,
                    help="draws of the Dask job (default: enough for about 80 s on "
                         "one worker at the loop's time per draw, a multiple of 64)")
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--report-only", action="store_true",
                    help="time the report alone (no technology, no Dask)")
    args = ap.parse_args()
    header(("nonequivalent", "numpy", "scipy", "pandas", "dask", "distributed"))
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"numpy {np.__version__}; {load()}", flush=True)
    per = report_loop(args.draws, args.loop_draws)
    if not args.report_only:
        technology(args.draws)
    if not (args.no_dask or args.report_only):
        draws = args.dask_draws or max(256, 64 * math.ceil(80.0 / (per * 64)))
        dask(draws, per)
    print()
    w = max(len(r[0]) for r in ROWS)
    print(f"{'path':<{w}}  {'seconds':>10}  note")
    print("-" * (w + 40))
    for what, secs, note in ROWS:
        print(f"{what:<{w}}  {secs}  {note}")


if __name__ == "__main__":
    main()
