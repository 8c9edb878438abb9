"""Run every built-in investment variant on the calibrated town–country economy.

Prints the comparison table of :func:`nonequivalent.compare` (growth of heavy-industry
capacity, consumption per head, the real-wage path, accumulation, and surplus labour by
group with shares) and writes the figure. Every parameter is a calibration assumption, not
a historical fact (see ``nonequivalent.planning.variants``).

    python benchmarks/variants.py [--output variants.png] [--solver highs] [--repeats 3]

The time of ``compare`` is the median of ``--repeats`` runs with the lowest and highest
beside it (the table and the figure are those of the last run; no speed target).
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings

import matplotlib

matplotlib.use("Agg")

import pandas as pd
from _env import add_repeats, check_repeats, header, spread

import nonequivalent as ne
from nonequivalent.planning import DegeneracyWarning


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--output", default="variants.png", help="figure path (default: %(default)s)")
    ap.add_argument("--solver", default="highs", choices=["highs", "highs-direct", "cbc"])
    add_repeats(ap)
    args = ap.parse_args(argv)
    reps = check_repeats(ap, args.repeats)
    header(("nonequivalent", "pulp", "highspy"))
    elapsed = []
    for _ in range(reps):
        t0 = time.perf_counter()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", DegeneracyWarning)
            comparison = ne.compare(solver=args.solver)
        elapsed.append(time.perf_counter() - t0)
    table = comparison.table
    with pd.option_context("display.width", 200, "display.max_columns", 50):
        print(table.T.round(3).to_string())
    degenerate = sum(isinstance(w.message, DegeneracyWarning) for w in caught)
    if degenerate:
        print(f"\nnote: {degenerate} variant(s) have degenerate optima; their shadow prices "
              "are not unique")
    comparison.figure.savefig(args.output, dpi=120)
    print(f"\n{len(table)} variants solved with {args.solver} in {spread(elapsed, '{:.2f}')} s; "
          f"figure written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
