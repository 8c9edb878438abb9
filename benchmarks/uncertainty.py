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

Part 1 also times the public calls behind the issue-18 targets: one
``ne.report("ussr-1928", later="ussr-1932")`` (≤ 120 ms a call) and
``ne.report_uncertainty("ussr-1928", "ussr-1932", draws=10000, vectorized=True)`` (the
batch path, sampling included; ≤ 1 s).

Parts 1 to 3 run ``--repeats`` times (default 3), both sides of each comparison in every
run; part 4 runs ``--dask-repeats`` times (default 1: one run is a job of at least 60 s on
one worker and about 45 s on two). Every time is the median with the lowest and highest run
beside it, and each target is judged run by run ("met", "not met", "met on k of N runs").

Run:  pip install -e ".[dask]" && python benchmarks/uncertainty.py [--draws 10000]
      [--loop-draws 20] [--dask-draws N] [--no-dask] [--report-only] [--repeats 3]
      [--dask-repeats 1]

``--report-only`` runs part 1 alone (no technology, no Dask).

The machine's load average is printed beside each timing: on a shared machine a timing
taken under load is slower than the code is.
"""

from __future__ import annotations

import argparse
import math
import os
import time
from collections.abc import Callable
from statistics import median

import numpy as np
import pandas as pd
from _env import add_repeats, check_repeats, header, spread, target

import nonequivalent as ne
from nonequivalent.uncertainty.batch import BatchModel
from nonequivalent.uncertainty.propagation import sample_parameters
from nonequivalent.uncertainty.report import _ReportModel, _resolve, _targets

ROWS: list[tuple[str, str, str]] = []
#: Each target's line, printed after the table: (label, values run by run, test, format).
TARGETS: list[tuple[str, list[float], Callable[[float], bool], str]] = []


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def row(what: str, seconds: list[float], note: str = "") -> None:
    ROWS.append((what, spread(seconds, "{:.2f}"), f"{note}  [{load()}]".strip()))
    print(f"  {what}: {spread(seconds, '{:.2f}')} s {note}", flush=True)


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def report_loop(draws: int, loop_draws: int, reps: int, calls: int = 5) -> float:
    base, later = _resolve("ussr-1928", "ussr-1932")
    ranges = ne.scenario_ranges(base, later)
    model = _ReportModel(base, later, _targets(base, later), None)
    values = sample_parameters(ranges, max(loop_draws, 2), seed=1)
    names = [r.name for r in ranges]
    model(dict(zip(names, values[0], strict=True)))  # warm caches and imports
    ne.report("ussr-1928", later="ussr-1932")
    pers, fasts, calls_ms = [], [], []
    for _ in range(reps):
        t = time.perf_counter()
        loop = [model(dict(zip(names, v, strict=True))).to_numpy() for v in values[:loop_draws]]
        pers.append((time.perf_counter() - t) / loop_draws)
        fasts.append(timed(lambda: ne.report_uncertainty("ussr-1928", "ussr-1932", draws=draws,
                                                          seed=1, vectorized=True)))
        calls_ms.append(1e3 * sum(timed(lambda: ne.report("ussr-1928", later="ussr-1932"))
                                  for _ in range(calls)) / calls)
    per = median(pers)
    row(f"report, loop of the report model, {draws:,} draws", [p * draws for p in pers],
        f"(extrapolated from {loop_draws} draws: {per * 1e3:.0f} ms a draw)")
    row(f"report, batch path, {draws:,} draws ({len(ranges)} uncertain parameters, "
        "sampling included)", fasts, f"({median(fasts) / draws * 1e6:.0f} µs a draw)")
    ROWS.append((f"  ne.report('ussr-1928', later='ussr-1932'), ms a call (mean of {calls})",
                 spread(calls_ms, "{:.1f}"), ""))
    speed = [p * draws / f for p, f in zip(pers, fasts, strict=True)]
    ROWS.append(("  speed-up batch / loop", spread(speed, "{:.0f}"), ""))
    TARGETS.extend([
        (f"two-year report, {draws:,} draws: batch >= 100x the loop", speed,
         lambda x: x >= 100, "{:.0f}"),
        (f"two-year report, {draws:,} draws through ne.report_uncertainty <= 10 s [s]", fasts,
         lambda x: x <= 10.0, "{:.2f}"),
        ("ne.report('ussr-1928', later='ussr-1932') <= 120 ms a call [ms]", calls_ms,
         lambda x: x <= 120.0, "{:.1f}")])
    if draws == 10_000:
        TARGETS.append(("10,000 draws of the two-year report <= 1 s [s]", fasts,
                        lambda x: x <= 1.0, "{:.2f}"))
    batch = BatchModel(model).values(pd.DataFrame(values[:loop_draws], columns=names))
    ref = np.array(loop)
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.abs(batch - ref) / np.abs(ref)
    rel[(batch == ref) | (np.isnan(batch) & np.isnan(ref))] = 0.0
    err = float(np.max(rel))
    print(f"  largest relative difference between the paths on the loop's {loop_draws} "
          f"draws: {err:.1e}")
    ROWS.append((f"  same numbers on the loop's {loop_draws} draws (largest relative "
                 "difference)", f"{err:.1e}", ""))
    return per


def technology(draws: int, reps: int, n: int = 200, stacked_subset: int = 500) -> None:
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

    k = min(stacked_subset, draws)
    fast, slow, fixed_t = [], [], []
    lab = [ne.ParameterRange(f"l{i}", 0.8, 1.0, 1.2) for i in range(n)]
    names = [f"l{i}" for i in range(n)]

    def fixed(frame: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame(ne.labour_values_batch(A, frame[names].to_numpy() * labour),
                            columns=sectors)

    for _ in range(reps):
        t = time.perf_counter()
        res = ne.propagate(values, params, draws=draws, seed=7, vectorized=True)
        fast.append(time.perf_counter() - t)
        x = res.inputs.to_numpy()
        stack = x[:k, :n, None] * A[None] * x[:k, None, n:]
        t = time.perf_counter()
        ref = ne.labour_values_batch(stack, labour)
        slow.append((time.perf_counter() - t) * draws / k)
        fixed_t.append(timed(lambda: ne.propagate(fixed, lab, draws=draws, seed=7,
                                                  vectorized=True)))
    row(f"uncertain A, n = {n}, {draws:,} draws: batched GMRES, one LU (propagate, "
        "sampling included)", fast, f"({2 * n} uncertain multipliers, ±10 %)")
    row(f"uncertain A, n = {n}, {draws:,} draws: numpy batched solve on stacked systems",
        slow, f"(extrapolated from {k} draws)")
    err = np.abs(ref - res.samples.to_numpy()[:k]).max() / np.abs(ref).max()
    print(f"  largest relative difference between the two: {err:.1e}")
    ROWS.append(("  same numbers (largest relative difference)", f"{err:.1e}", ""))
    row(f"fixed A, n = {n}, {draws:,} draws of the labour coefficients: one LU", fixed_t)
    if draws == 10_000:
        TARGETS.append((f"uncertain A at n = {n}, 10,000 draws <= 5 s [s]", fast,
                        lambda x: x <= 5.0, "{:.2f}"))


def dask(draws: int, per_draw: float, reps: int) -> None:
    from distributed import Client, LocalCluster

    print(f"  Dask job: {draws} report draws (about {draws * per_draw:.0f} s on one "
          f"worker expected), {reps} run(s)", flush=True)
    times: dict[int, list[float]] = {1: [], 2: []}
    same = True
    for _ in range(reps):
        results = {}
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                client.run(lambda: __import__("nonequivalent") and None)  # import once a worker
                t = time.perf_counter()
                res = ne.report_uncertainty("ussr-1928", "ussr-1932", draws=draws, seed=3,
                                             scheduler=client, vectorized=False)
                times[workers].append(time.perf_counter() - t)
                results[workers] = res.propagation.samples.to_numpy()
        same &= bool(np.array_equal(results[1], results[2]))
    for workers in (1, 2):
        row(f"report, {draws} draws on a LocalCluster of {workers} worker process"
            f"{'es' if workers > 1 else ''}", times[workers])
    speed = [a / b for a, b in zip(times[1], times[2], strict=True)]
    ROWS.append((f"  speed-up 2 workers / 1 worker (same numbers: {'yes' if same else 'NO'})",
                 spread(speed, "{:.2f}"), ""))
    TARGETS.append(("Dask: one-worker job >= 60 s (for the speed-up to count) [s]", times[1],
                    lambda x: x >= 60.0, "{:.1f}"))
    TARGETS.append(("Dask: speed-up 2 workers / 1 worker >= 1.6x", speed,
                    lambda x: x >= 1.6, "{:.2f}"))
    TARGETS.append(("Dask: same numbers on 1 and 2 workers", [float(same)],
                    lambda x: x == 1.0, "{:.0f}"))


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
    add_repeats(ap)
    ap.add_argument("--dask-repeats", type=int, default=1,
                    help="runs of the Dask job (default 1: about 2 minutes a run)")
    args = ap.parse_args()
    reps = check_repeats(ap, args.repeats)
    header(("nonequivalent", "numpy", "scipy", "pandas", "dask", "distributed"))
    per = report_loop(args.draws, args.loop_draws, reps)
    if not args.report_only:
        technology(args.draws, reps)
    if not (args.no_dask or args.report_only):
        draws = args.dask_draws or max(256, 64 * math.ceil(80.0 / (per * 64)))
        dask(draws, per, check_repeats(ap, args.dask_repeats))
    print()
    w = max(len(r[0]) for r in ROWS)
    print(f"{'path':<{w}}  {'seconds: median [lowest–highest] (runs)':<34}  note")
    print("-" * (w + 60))
    for what, secs, note in ROWS:
        print(f"{what:<{w}}  {secs:<34}  {note}")
    print()
    for label, values, ok, fmt in TARGETS:
        target(label, values, ok, fmt)


if __name__ == "__main__":
    main()
