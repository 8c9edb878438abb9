"""Sweep benchmark: 100,000 price scenarios on a 200-sector economy.

Compares :func:`nonequivalent.transfer_sweep` (values computed once, all scenarios as one
matrix product ``P [S | D]``) with a loop that builds a fresh
:func:`nonequivalent.exchange_account` for every scenario, checks that both give the same
numbers, and prints the times and their ratio.

Run:  python benchmarks/sweep.py [--scenarios 100000] [--sectors 200] [--loop-subset K]
      [--repeats 3]

Both sides run ``--repeats`` times, interleaved; each time is the median with the lowest
and highest run beside it, and the 100x target is judged run by run.

By default the loop runs over ALL scenarios. With ``--loop-subset K`` it runs over the first
K scenarios only and the loop time is extrapolated linearly; the output then says so.
"""

from __future__ import annotations

import argparse
import time
from statistics import median

import numpy as np
from _env import add_repeats, check_repeats, header, spread, target

import nonequivalent as ne


def build(n: int, k: int, seed: int = 1928):
    rng = np.random.default_rng(seed)
    A = rng.random((n, n)) * (rng.random((n, n)) < 0.3)
    A *= rng.uniform(0.3, 0.9, n) / A.sum(axis=0)            # column sums < 1: productive
    sectors = [f"s{i:03d}" for i in range(n)]
    eco = ne.Economy(A, labour={"peasant": rng.uniform(0.1, 2.0, n) * (np.arange(n) < n // 4),
                                "worker": rng.uniform(0.1, 2.0, n) * (np.arange(n) >= n // 4)},
                     sectors=sectors)
    farm = np.arange(n) < n // 4
    # peasants sell farm goods to the state, buy manufactures; workers buy both from the state
    sold = np.where(farm, rng.uniform(1, 10, n), 0.0)
    bought_p = np.where(~farm, rng.uniform(0, 3, n), 0.0)
    bought_w = rng.uniform(0, 3, n)
    groups = [
        ne.Group.from_arrays("peasants", sold, bought_p, sectors, taxes=50.0),
        ne.Group.from_arrays("workers", np.zeros(n), bought_w, sectors),
        ne.Group.from_arrays("state", bought_p + bought_w, sold, sectors, taxes=-50.0),
    ]
    bench = ne.labour_value_benchmark(eco, melt=1.0)
    base = bench.prices.to_numpy()
    P = base[None, :] * rng.lognormal(0.0, 0.3, size=(k, n))   # K price scenarios
    return eco, groups, bench, P


def one_run(eco, groups, bench, P, m: int) -> tuple[float, float, float, bool, float]:
    """Sweep s, loop s on ``m`` scenarios, largest difference, same?, largest tribute."""
    t0 = time.perf_counter()
    sweep = ne.transfer_sweep(eco, groups, P, bench)
    tribute_vec = sweep.tribute.to_numpy()
    under_vec = sweep.underpayment.to_numpy()
    t_vec = time.perf_counter() - t0
    t0 = time.perf_counter()
    tribute_loop = np.empty((m, len(groups)))
    under_loop = np.empty((m, len(groups)))
    for k in range(m):
        acc = ne.exchange_account(eco, groups, P[k], bench)
        tribute_loop[k] = acc.by_group["tribute"].to_numpy()
        under_loop[k] = acc.by_group["underpayment"].to_numpy()
    t_loop_run = time.perf_counter() - t0
    diff = max(float(np.max(np.abs(tribute_vec[:m] - tribute_loop))),
               float(np.max(np.abs(under_vec[:m] - under_loop))))
    scale = float(np.max(np.abs(tribute_loop)))
    same = np.allclose(tribute_vec[:m], tribute_loop, rtol=1e-12, atol=1e-12 * scale) and \
        np.allclose(under_vec[:m], under_loop, rtol=1e-12, atol=1e-12 * scale)
    return t_vec, t_loop_run, diff, bool(same), scale


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenarios", type=int, default=100_000)
    ap.add_argument("--sectors", type=int, default=200)
    ap.add_argument("--loop-subset", type=int, default=0,
                    help="time the loop on this many scenarios and extrapolate (0 = all)")
    add_repeats(ap)
    args = ap.parse_args()
    reps = check_repeats(ap, args.repeats)
    header(("nonequivalent", "numpy", "pandas"))
    K, n = args.scenarios, args.sectors
    eco, groups, bench, P = build(n, K)
    _ = eco.values_array                                       # factorize once, for both
    print(f"economy: {n} sectors; {len(groups)} groups; {K:,} price scenarios; "
          f"{reps} interleaved runs of each method")
    m = K if args.loop_subset <= 0 else min(args.loop_subset, K)
    t_vec, t_loop_run, diffs = [], [], []
    for _ in range(reps):
        tv, tl, diff, same, scale = one_run(eco, groups, bench, P, m)
        if not same:
            raise SystemExit(f"MISMATCH: max abs difference {diff:.3e}")
        t_vec.append(tv)
        t_loop_run.append(tl)
        diffs.append(diff)
    t_loop = [t * K / m for t in t_loop_run]
    print(f"results identical in every run: np.allclose(rtol=1e-12, atol=1e-12·max|tribute|) "
          f"on {m:,} scenarios; max abs difference {max(diffs):.3e} (max |tribute| "
          f"{scale:.3e})")
    print()
    print("| method | scenarios | time (s), median [lowest–highest] | per scenario (µs) |")
    print("|---|---:|---:|---:|")
    print(f"| transfer_sweep (one matrix product) | {K:,} | {spread(t_vec)} | "
          f"{1e6 * median(t_vec) / K:.2f} |")
    if m == K:
        print(f"| loop: fresh exchange_account per scenario | {K:,} | "
              f"{spread(t_loop, '{:.2f}')} | {1e6 * median(t_loop) / K:.1f} |")
    else:
        print(f"| loop: fresh exchange_account per scenario (EXTRAPOLATED from {m:,}) | "
              f"{K:,} | {spread(t_loop, '{:.2f}')} (measured {spread(t_loop_run, '{:.2f}')} "
              f"on {m:,}) | {1e6 * median(t_loop) / K:.1f} |")
    print()
    ratios = [lo / v for lo, v in zip(t_loop, t_vec, strict=True)]
    ok = target("speed-up of transfer_sweep over the loop >= 100x"
                + (" [loop extrapolated]" if m < K else ""), ratios, lambda r: r >= 100,
                "{:,.0f}")
    if not ok:
        raise SystemExit("speed-up below the 100x target in some runs")


if __name__ == "__main__":
    main()
