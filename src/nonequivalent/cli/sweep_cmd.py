"""``nonequivalent sweep``: the peasants' tribute over a grid of terms of trade."""

from __future__ import annotations

import argparse
import math
import sys
from typing import TextIO

import numpy as np
import pandas as pd

from .options import _load_scenario, _width
from .render import PROG, Document, Progress, Section, UsageError, _write, frame_csv, render

#: Largest grid a sweep accepts (a guard against a mistyped --steps).
MAX_STEPS = 1_000_000
#: Fewest price scenarios evaluated in one matrix product by ``sweep``.
SWEEP_BLOCK = 10_000


#: Range of terms of trade a sweep accepts (relative to the benchmark, 1 = parity): prices
#: a million times below or above parity are outside any economic reading and would
#: overflow the tribute columns.
RATIO_RANGE = (1e-6, 1e6)


def _sweep_grid(args: argparse.Namespace) -> np.ndarray:
    lo, hi, steps = args.ratio_min, args.ratio_max, args.steps
    low, high = RATIO_RANGE
    for opt, value in (("--ratio-min", lo), ("--ratio-max", hi)):
        if not (math.isfinite(value) and low <= value <= high):
            raise UsageError(f"{opt} must be a number between {low:g} and {high:g}, got "
                             f"{value}; the terms of trade are a ratio of prices (1 = parity "
                             "with the benchmark).")
    if hi < lo:
        raise UsageError(f"--ratio-max ({hi}) is below --ratio-min ({lo}).")
    if not 2 <= steps <= MAX_STEPS:
        raise UsageError(f"--steps must be between 2 and {MAX_STEPS:,}, got {steps}.")
    grid = np.linspace(lo, hi, steps)
    # 12 significant digits: 0.7, not 0.7000000000000001 (and 1e-06 stays 1e-06): an
    # integer over an exact power of ten is the nearest double to the decimal
    scale = 10.0 ** (11 - np.floor(np.log10(grid)))
    return np.round(grid * scale) / scale


def _cmd_sweep(args: argparse.Namespace, out: TextIO) -> int:
    from ..exchange.procurement import extraction
    from ..exchange.scissors import terms_of_trade
    from ..exchange.sweeps import scaled_price_matrix, transfer_sweep

    ratios = _sweep_grid(args)
    sc = _load_scenario(args.scenario)
    eco = sc.economy()
    bench = sc.equivalence_benchmark(eco)
    group = sc.peasants()
    good = sc.marketing.good
    prices = sc.prices_series()
    pe = bench.prices.reindex(prices.index).to_numpy(dtype=float)
    p = prices.to_numpy(dtype=float)
    k = prices.index.get_loc(good)
    # industrial prices weighted by what the peasants buy (equally if they buy none)
    _, buys = group.vectors(prices.index)
    current = terms_of_trade(prices, bench.prices, good,
                             weights=pd.Series(buys, index=prices.index))
    parity_price = p[k] / current           # p_a at which the terms of trade are at parity
    target = ratios * parity_price
    factors = target / p[k]
    P = scaled_price_matrix(prices, [good], factors)
    bar = Progress(len(ratios), "sweep", enabled=not args.no_progress)
    # Blocks of at least SWEEP_BLOCK scenarios (so a small grid is one product), at most
    # about 100 of them (so the bar moves on a large grid).
    chunk = max(SWEEP_BLOCK, -(-len(ratios) // 100))
    parts = []
    for start in range(0, len(ratios), chunk):
        sw = transfer_sweep(eco, group, P.iloc[start:start + chunk], bench)
        parts.append(sw.to_frame()[group.name])
        bar.advance(len(parts[-1]))
    bar.close()
    money = pd.concat(parts, ignore_index=True)
    response = sc.marketing_response()
    table = pd.DataFrame({
        "scissors": 1.0 / ratios,
        f"price of {good}": target,
        **{c: money[c].to_numpy() for c in money.columns},
        "marketed q(p)": np.asarray(response(target), dtype=float),
        "extraction with response": np.asarray(extraction(response, pe[k], target),
                                               dtype=float),
    }, index=pd.Index(ratios, name="terms of trade"))
    if not np.isfinite(table.to_numpy(dtype=float)).all():
        raise UsageError(f"the tribute is not a finite number over --ratio-min {ratios[0]:g} "
                         f"to --ratio-max {ratios[-1]:g} for scenario {sc.name!r}; narrow "
                         "the range towards 1 (parity).")
    labour = sw.labour.iloc[0]
    notes = (
        f"terms of trade = (p_{good} / pᵉ_{good}) / (industrial prices / their benchmark), "
        f"industrial prices weighted by what the peasants buy; 1 = parity with the "
        f"benchmark; scissors = 1 / terms of trade. The scenario's own terms of trade: "
        f"{current:.4g}.",
        f"Money at benchmark prices ({bench.name}); quantities fixed at the scenario's "
        f"(labour transfer {float(labour['labour_transfer']):,.6g} hours at every ratio); "
        "'extraction with response' lets the marketed quantity respond to the price "
        "(the scenario's marketing response).")
    doc = Document(f"Sweep of the peasants' terms of trade: scenario {sc.name!r}",
                   (Section("Tribute by terms of trade", table, notes),),
                   meta={"scenario": sc.name, "benchmark": bench.name,
                         "current_terms_of_trade": current})
    if args.format == "csv":
        text = frame_csv(table, index=True)
    else:
        text = render(doc, args.format, _width(args, out))
    _write(text, args.output, out)
    best = table["extraction with response"].idxmax()
    print(f"{PROG}: sweep of {len(ratios)} terms of trade from {ratios[0]:g} to "
          f"{ratios[-1]:g}: tribute {table['tribute'].min():,.6g} to "
          f"{table['tribute'].max():,.6g}; with the marketing response, extraction peaks at "
          f"terms of trade {best:.4g} (scenario: {current:.4g})", file=sys.stderr)
    return 0
