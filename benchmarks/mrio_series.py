"""Benchmark of the yearly series of the global account on Dask.

Usage::

    python benchmarks/mrio_series.py                 # 28 years at n = 4,900 (minutes)
    python benchmarks/mrio_series.py --large         # 28 years at n = 9,800 (long, ~GBs)
    python benchmarks/mrio_series.py --n 490 --years 6   # a quick check (seconds)

Every year is a synthetic EXIOBASE-shaped table (49 regions, dense ``A``; the same generator
as ``benchmarks/mrio.py``), made inside its task from the year as seed, so that no table
travels between processes. A task builds the table, the ``MRIOEconomy`` and the account
with its decomposition (:func:`nonequivalent.mrio.series._year_task`, the code of
``global_exchange_series``).

Printed:

* **tasks**: the sum of the per-year task times (each timed inside its task);
* **1 worker**: wall time of the series on a ``LocalCluster`` of one worker with one thread
  (BLAS limited to one thread in the workers); the ratio to the tasks' sum is the
  overhead of Dask (target ≤ 1.2);
* **2 workers**: the same on two workers with one thread each; the speed-up (target ≥ 1.6
  on an idle machine of at least two cores);
* the peak resident memory of each worker, in GiB and in units of one ``n x n`` float64
  matrix (target ≤ 3 beyond the worker's memory before its first task).

Each configuration runs ``--repeats`` times (default 3; 1 with ``--large``, where one run
of the two configurations takes about 10 minutes), the one- and two-worker series
alternating; every figure is the median with the lowest and highest run beside it, and
each target is judged run by run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

# one BLAS thread per worker process (set before numpy is imported, inherited by workers)
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


sys.path.insert(0, str(Path(__file__).parent))
from _env import check_repeats, header, spread, target  # noqa: E402

from nonequivalent.mrio.series import _run_series, synthetic_loaders  # noqa: E402

SKILLS = ("low", "medium", "high")


def make_year(n: int, year: int) -> Any:
    """The synthetic table of one year (seeded by the year), built on the worker."""
    from mrio import dense_table

    from nonequivalent.mrio import MRIOEconomy

    t = dense_table(n, seed=year)
    return MRIOEconomy(t["A"], t["Y"], labour=dict(zip(SKILLS, t["Q"], strict=True)),
                          compensation=dict(zip(SKILLS, t["W"], strict=True)),
                          value_added=t["V"], regions=t["regions"], sectors=t["sectors"])


def blocs(n: int) -> dict[str, str]:
    from mrio import regions_sectors

    regions, _ = regions_sectors(n)
    return {r: ("North" if i < 15 else "South") for i, r in enumerate(regions)}


def worker_memory() -> dict[str, int]:
    """Peak and current resident memory of this worker process (bytes)."""
    out = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(("VmHWM:", "VmRSS:")):
                out[line.split(":")[0]] = int(line.split()[1]) * 1024
    return out


def on_cluster(n: int, years: list[int], workers: int) -> tuple[float, list[float], list[dict]]:
    from functools import partial

    from distributed import Client, LocalCluster

    env = {v: "1" for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, env=env) as cluster, Client(cluster) as client:
        client.run(lambda: sys.path.insert(0, str(Path(__file__).parent)))
        base = client.run(worker_memory)
        t0 = time.perf_counter()
        frame = _run_series(synthetic_loaders(years, partial(make_year, n)), blocs(n),
                            "export-embodied", client)
        wall = time.perf_counter() - t0
        peaks = client.run(worker_memory)
    secs = list(frame.attrs["seconds_per_year"].values())
    mem = [{"before": base[w]["VmRSS"], "peak": peaks[w]["VmHWM"]} for w in peaks]
    return wall, secs, mem


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=4900, help="table size (default 4,900)")
    parser.add_argument("--large", action="store_true", help="n = 9,800")
    parser.add_argument("--years", type=int, default=28, help="years (default 28)")
    parser.add_argument("--repeats", type=int, default=None,
                        help="runs of each configuration; each figure is their median with "
                             "the lowest and highest beside it (default 3; 1 with --large: "
                             "about 10 minutes a run)")
    args = parser.parse_args()
    reps = check_repeats(parser, args.repeats or (1 if args.large else 3))
    n = 9800 if args.large else args.n
    from mrio import regions_sectors

    regions, sectors = regions_sectors(n)
    n = len(regions) * len(sectors)
    years = list(range(1995, 1995 + args.years))
    unit = 8.0 * n * n
    header(("nonequivalent", "numpy", "scipy", "dask", "distributed"))
    print(f"{len(years)} synthetic years at n = {n:,}; one thread per worker; "
          f"{reps} alternating runs of each configuration\n")
    walls: dict[int, list[float]] = {1: [], 2: []}
    tasks: dict[int, list[float]] = {1: [], 2: []}
    extra: list[float] = []
    for _ in range(reps):
        for workers in (1, 2):
            wall, secs, mem = on_cluster(n, years, workers)
            walls[workers].append(wall)
            tasks[workers].append(sum(secs))
            extra += [(m["peak"] - m["before"]) / unit for m in mem]
            print(f"  {workers} worker{'s' if workers > 1 else ' '}: {wall:8.1f} s wall; tasks "
                  f"{sum(secs):8.1f} s; peak RSS above the idle worker "
                  + ", ".join(f"{(m['peak'] - m['before']) / 2**30:.2f} GiB"
                              for m in mem), flush=True)
    overhead = [w / t for w, t in zip(walls[1], tasks[1], strict=True)]
    speed = [a / b for a, b in zip(walls[1], walls[2], strict=True)]
    print(f"\n1 worker : wall {spread(walls[1], '{:.1f}')} s; tasks {spread(tasks[1], '{:.1f}')} s")
    print(f"2 workers: wall {spread(walls[2], '{:.1f}')} s; tasks {spread(tasks[2], '{:.1f}')} s")
    target("1 worker: wall / sum of the task times <= 1.2", overhead, lambda r: r <= 1.2)
    target("speed-up of 2 workers over 1 >= 1.6 (idle machine of >= 2 cores)", speed,
           lambda r: r >= 1.6, "{:.2f}")
    target("peak memory per worker above the idle worker <= 3 n x n (every worker, every run)",
           extra, lambda r: r <= 3.0, "{:.2f}")
    print(f"load average at the end {os.getloadavg()[0]:.2f}")

if __name__ == "__main__":
    main()
