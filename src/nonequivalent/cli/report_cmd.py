"""``nonequivalent report``: the surplus account of a scenario, alone or against a later one."""

from __future__ import annotations

import argparse
import dataclasses
import os
import shlex
from collections.abc import Sequence
from typing import Any, TextIO

from .options import _load_periods, _save_plot, _width
from .render import Document, _write, render, render_report, report_document


def _cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from ..report import report

    if args.draws is not None:
        from ..uncertainty_cli import report_with_intervals
        return report_with_intervals(args, out)

    base, later, later_sc = _load_periods(args)
    rep = report(base, later=later_sc)
    if args.format in ("text", "markdown"):
        doc = _file_hints(report_document(rep), [(base, args.scenario), (later_sc, later)])
        text = render(doc, args.format, _width(args, out))
    else:
        text = render_report(rep, args.format)
    _write(text, args.output, out)
    if args.plot:
        from ..plotting import figure_of_report

        _save_plot(figure_of_report(rep, [base] + ([] if later_sc is None else [later_sc])),
                   args.plot)
    return 0


def _file_hints(doc: Document, loaded: Sequence[tuple[Any, str | None]]) -> Document:
    """Point the report's ``scenario show NAME`` hints at the file a scenario came from."""
    notes = list(doc.notes)
    for sc, given in loaded:
        if sc is None or not given or not os.path.exists(given):
            continue
        old = f"scenario show {sc.name}'"
        new = f"scenario show {shlex.quote(given)}'"
        notes = [n.replace(old, new) for n in notes]
    return dataclasses.replace(doc, notes=tuple(notes))
