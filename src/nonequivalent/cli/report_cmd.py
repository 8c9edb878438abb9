"""``nonequivalent report``: the surplus account of a scenario, alone or against a later one."""

from __future__ import annotations

import argparse
import dataclasses
from typing import TextIO

from .options import _file_hints, _hinted, _load_periods, _save_plot, _width
from .render import _write, render, render_report, report_document


def _cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from ..report.surplus import report

    if args.draws is not None:
        if args.employment != "workers" or args.workers_definition is not None:
            from ..errors import UncertaintyError
            raise UncertaintyError("--employment and --workers are not yet available with "
                                   "--draws; drop one of them")
        from .uncertainty_cmd import report_with_intervals
        return report_with_intervals(args, out)

    base, later, later_sc = _load_periods(args)
    if args.workers_definition is not None:
        from ..scenarios import with_workers_definition
        definition = args.workers_definition.replace("-", " ")
        base = with_workers_definition(base, definition)
        if later_sc is not None:
            later_sc = with_workers_definition(later_sc, definition)
    rep = report(base, later=later_sc, employment=args.employment)
    loaded = [(base, args.scenario), (later_sc, later)]
    if args.format not in ("json", "csv"):
        doc = _file_hints(report_document(rep), loaded)
        text = render(doc, args.format, _width(args, out))
    else:   # JSON holds the notes too (CSV holds the numbers only)
        text = render_report(dataclasses.replace(rep, notes=_hinted(rep.notes, loaded)),
                             args.format)
    _write(text, args.output, out)
    if args.plot:
        from ..plotting import figure_of_report

        _save_plot(figure_of_report(rep, [base] + ([] if later_sc is None else [later_sc])),
                   args.plot)
    return 0
