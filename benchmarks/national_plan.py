"""Benchmark: national plans of 10⁴, 10⁵ and 3 × 10⁵ products by the first-order method.

Each size is a seeded synthetic choice-of-technique plan
(:func:`nonequivalent.planning.synthetic_national_plan`: two techniques per product, six
inputs per technique, a capacity on the labour-saving technique, one economy-wide labour
row, maximize the multiple λ of a target bundle). For every size, in a fresh process (so
that the peak memory is that size's own):

* data: ``synthetic_national_plan`` (drawing the random table: what reading a real
  table would be);
* build: ``NationalPlan.to_lp`` (the plan builder: the sparse program with its names);
* solve: ``solve_lp(lp, "highs-direct")`` with the library's choice of method (first-order
  for these plans), timed by the library (``passModel`` + ``run`` + reading the point and
  measuring its residuals);
* peak memory: the process's maximum resident set size (``ru_maxrss``) after the
  first-order solve (and, printed apart, after the exact methods beside it);
* residuals: the relative primal and dual residuals and duality gap measured by
  :func:`nonequivalent.planning.first_order_residuals`;
* beside it, when the size is at most ``--exact-max`` products: dual simplex and interior
  point (with crossover) with a time limit ``--exact-limit`` (seconds); where they finish,
  the largest relative difference of the objective from the first-order one.

Every size runs ``--repeats`` times (default 3), each run in its own fresh process; the
table prints the medians, the lines below it the lowest and highest run, and each target
(build + solve: 10⁴ products ≤ 3 s, 10⁵ ≤ 30 s, 3 × 10⁵ ≤ 120 s; the first-order objective
within 1e-4 relative of simplex where simplex finishes) is judged run by run. The machine
header (CPU, SIMD, BLAS, load, versions) is printed first, the load average again after.

Run:

    python benchmarks/national_plan.py [--sizes 10000,100000,300000] [--exact-max 5000]
                                       [--exact-limit 120] [--threads 0] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from statistics import median

import numpy as np
from _env import add_repeats, check_repeats, header, spread, target

SIZES = [10_000, 100_000, 300_000]
#: Build + solve target (seconds) of each size (idle 2-core machine).
TARGETS = {10_000: 3.0, 100_000: 30.0, 300_000: 120.0}


def loadavg() -> str:
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "n/a"


def one(n: int, exact_max: int, exact_limit: float, threads: int) -> dict:
    from nonequivalent.errors import SolverError
    from nonequivalent.planning import solve_lp, synthetic_national_plan

    t0 = time.perf_counter()
    plan = synthetic_national_plan(n, seed=0)
    t00 = time.perf_counter()
    lp = plan.to_lp()
    build = time.perf_counter() - t00
    data = t00 - t0
    opts = {"threads": threads} if threads else {}
    t1 = time.perf_counter()
    sol = solve_lp(lp, "highs-direct", options=opts)
    solve = time.perf_counter() - t1
    out = {"n": n, "rows": lp.shape[0], "cols": lp.shape[1], "nnz": lp.A.nnz,
           "data": data, "build": build, "solve": solve, "method": sol.method, "status": sol.status,
           "iterations": sol.iterations, "objective": sol.objective,
           "residuals": sol.residuals, "reason": sol.method_reason,
           "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if n <= exact_max:
        for method in ("simplex", "ipm"):
            t2 = time.perf_counter()
            try:
                ex = solve_lp(lp, "highs-direct", method=method, time_limit=exact_limit,
                              options=opts, warn_degenerate=False, vertex=True)
                out[method] = {"seconds": time.perf_counter() - t2,
                               "objective": ex.objective,
                               "rel_diff": abs(ex.objective - sol.objective)
                               / max(abs(ex.objective), 1e-300)}
            except SolverError as exc:
                out[method] = {"seconds": time.perf_counter() - t2, "stopped": exc.status}
        out["peak_exact_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)))
    ap.add_argument("--exact-max", type=int, default=5_000,
                    help="run simplex and interior point beside up to this many products")
    ap.add_argument("--exact-limit", type=float, default=120.0,
                    help="time limit of simplex and interior point (seconds)")
    ap.add_argument("--threads", type=int, default=0, help="HiGHS threads (0: its choice)")
    add_repeats(ap)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.exact_max, args.exact_limit, args.threads)))
        return
    reps = check_repeats(ap, args.repeats)
    header(("nonequivalent", "numpy", "scipy", "highspy"))
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(f"medians of {reps} runs, each in a fresh process")
    print(f"{'products':>9} {'rows':>8} {'columns':>8} {'data s':>7} {'build s':>8} "
          f"{'solve s':>8} "
          f"{'total s':>8} {'peak MB':>8} {'primal':>8} {'dual':>8} {'gap':>8}  method")
    last, lines, verdicts = None, [], []
    for n in sizes:
        cmd = [sys.executable, __file__, "--one", str(n), "--exact-max", str(args.exact_max),
               "--exact-limit", str(args.exact_limit), "--threads", str(args.threads)]
        runs = []
        for _ in range(reps):
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(f"{n:>9,}  failed: {done.stderr.strip().splitlines()[-1:]}")
                break
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        if len(runs) < reps:
            continue
        r = runs[-1]
        last = r
        col = {k: [x[k] for x in runs] for k in ("data", "build", "solve", "peak_mb")}
        total = [x["data"] + x["build"] + x["solve"] for x in runs]
        built = [x["build"] + x["solve"] for x in runs]
        res = r["residuals"] or {"primal": np.nan, "dual": np.nan, "gap": np.nan}
        print(f"{n:>9,} {r['rows']:>8,} {r['cols']:>8,} {median(col['data']):>7.2f} "
              f"{median(col['build']):>8.2f} {median(col['solve']):>8.2f} "
              f"{median(total):>8.2f} {median(col['peak_mb']):>8.0f} {res['primal']:>8.1e} "
              f"{res['dual']:>8.1e} {res['gap']:>8.1e}  {r['method']} ({r['status']}, "
              f"{r['iterations']:,} iterations), λ = {r['objective']:.6g}", flush=True)
        lines.append(f"{n:,} products: build {spread(col['build'], '{:.2f}')}, solve "
                     f"{spread(col['solve'], '{:.2f}')}, total {spread(total, '{:.2f}')} s; "
                     f"peak {spread(col['peak_mb'], '{:.0f}')} MB")
        if "peak_exact_mb" in r:
            print(f"{'':>9} {'peak memory with the exact methods':>17}: "
                  f"{median(x['peak_exact_mb'] for x in runs):.0f} MB")
        for method in ("simplex", "ipm"):
            if method in r:
                done_runs = [x[method] for x in runs if "rel_diff" in x[method]]
                if done_runs:
                    secs = [e["seconds"] for e in done_runs]
                    diffs = [e["rel_diff"] for e in done_runs]
                    print(f"{'':>9} {method:>17}: {spread(secs, '{:.2f}')} s, relative "
                          f"difference of λ {max(diffs):.1e} (stopped in "
                          f"{len(runs) - len(done_runs)} of {len(runs)} runs)")
                    if method == "simplex":
                        verdicts.append((f"{n:,} products: first-order λ within 1e-4 of "
                                         "simplex", diffs, lambda d: d <= 1e-4, "{:.1e}"))
                else:
                    print(f"{'':>9} {method:>17}: stopped in every run after "
                          f"{median(x[method]['seconds'] for x in runs):.0f} s "
                          f"({r[method]['stopped']})")
        if n in TARGETS:
            verdicts.append((f"{n:,} products: build + solve <= {TARGETS[n]:.0f} s", built,
                             lambda t, lim=TARGETS[n]: t <= lim, "{:.2f}"))
    print("median [lowest–highest] of the runs:")
    for line in lines:
        print("  " + line)
    for args_ in verdicts:
        target(*args_)
    print(f"load average after: {loadavg()}")
    if last:
        print(f"method choice: {last['reason']}")

if __name__ == "__main__":
    main()
