"""``nonequivalent report --draws N``: the report with each number as central [p5–p95].

The command-line side of :func:`~nonequivalent.report_uncertainty`: the options it adds to
``nonequivalent report`` and the document it prints. The numbers come from the library;
this module only lays them out (text and Markdown: ``central [p5–p95]`` per cell; JSON and
CSV: the central value, mean, standard deviation and percentiles as numbers).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, TextIO

__all__ = ["add_arguments", "report_with_intervals"]


class _Methods(Sequence[str]):
    """The library's sampling methods (``uncertainty.propagation.METHODS``), looked up only
    when argparse checks a ``--method`` or prints ``report --help``: building the parser, as
    every command and ``--version`` do, loads no scipy.stats."""

    def _methods(self) -> tuple[str, ...]:
        from ..uncertainty.propagation import METHODS
        return METHODS

    def __getitem__(self, index: Any) -> Any:
        return self._methods()[index]

    def __len__(self) -> int:
        return len(self._methods())


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The uncertainty options of ``nonequivalent report``."""
    g = p.add_argument_group("uncertainty (draws from every parameter's low/high range)")
    g.add_argument("--draws", type=int, metavar="N",
                   help="draw N parameter sets and print each number as central [p5–p95]")
    g.add_argument("--seed", type=int, default=0, metavar="S",
                   help="seed of the draws (default 0): the same seed, the same numbers")
    g.add_argument("--method", choices=_Methods(), default="lhs", metavar="METHOD",
                   help="sampling, one of %(choices)s (default: %(default)s): Latin "
                        "hypercube, scrambled Sobol' or random")
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="run the draws on this Dask scheduler (from a clone: pip install "
                        "'.[dask]')")


def report_with_intervals(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``nonequivalent report --draws N`` and write the document."""
    from ..uncertainty.flags import interval_document
    from ..uncertainty.report import report_uncertainty
    from .options import _file_hints, _load_periods, _save_plot, _width
    from .render import Document, Section, UsageError, _write, render

    if args.draws < 2:
        raise UsageError(f"--draws must be at least 2; got {args.draws}.")
    if args.seed < 0:
        raise UsageError(f"--seed must be >= 0; got {args.seed}.")
    base, later_name, later = _load_periods(args)
    res = report_uncertainty(base, later, draws=args.draws, seed=args.seed,
                             method=args.method, scheduler=args.scheduler,
                             progress=sys.stderr.isatty())
    rep = res.report
    doc = interval_document(res)
    if args.format in ("json", "csv"):   # the numbers, with the same notes and flags
        sections = []
        for key, shown in zip(rep.keys, doc.sections, strict=True):
            table = res.to_frame(key).copy()
            table.index = [f"{r}|{c}" for r, c in table.index]
            table.index.name = key
            sections.append(Section(shown.title, table, notes=shown.notes))
        doc = Document(doc.title, tuple(sections), doc.notes, doc.meta)
    doc = _file_hints(doc, [(base, args.scenario), (later, later_name)])
    _write(render(doc, args.format, _width(args, out)), args.output, out)
    if args.plot:
        key = "sources" if "sources" in rep.keys else "account_hours_base"
        column = "share_hours" if key == "sources" else "share_of_fund"
        _save_plot(res.figure(key, column), args.plot)
    return 0
