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
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

# one BLAS thread per worker process (set before numpy is imported, inherited by workers)
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
import nonequivalent as ne  # noqa: E402
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
    args = parser.parse_args()
    n = 9800 if args.large else args.n
    from mrio import regions_sectors

    regions, sectors = regions_sectors(n)
    n = len(regions) * len(sectors)
    years = list(range(1995, 1995 + args.years))
    unit = 8.0 * n * n
    print(f"nonequivalent {ne.__version__}, numpy {np.__version__}, python "
          f"{platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M')}, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    print(f"{len(years)} synthetic years at n = {n:,}; one thread per worker\n")
    wall1, secs1, mem1 = on_cluster(n, years, 1)
    print(f"1 worker : {wall1:8.1f} s wall; tasks {sum(secs1):8.1f} s "
          f"(mean {np.mean(secs1):.2f} s/year); overhead ratio {wall1 / sum(secs1):.3f}",
          flush=True)
    wall2, secs2, mem2 = on_cluster(n, years, 2)
    print(f"2 workers: {wall2:8.1f} s wall; tasks {sum(secs2):8.1f} s; "
          f"speed-up {wall1 / wall2:.2f}x")
    for label, mem in (("1 worker", mem1), ("2 workers", mem2)):
        for i, m in enumerate(mem):
            extra = m["peak"] - m["before"]
            print(f"{label}, worker {i}: peak RSS {m['peak'] / 2**30:.2f} GiB, of which "
                  f"{extra / 2**30:.2f} GiB = {extra / unit:.2f} n x n above the idle worker")
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
