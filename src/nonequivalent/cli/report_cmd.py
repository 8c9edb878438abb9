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
    loaded = [(base, args.scenario), (later_sc, later)]
    if args.format in ("text", "markdown"):
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


def _hinted(notes: Sequence[str], loaded: Sequence[tuple[Any, str | None]]) -> tuple[str, ...]:
    """The notes with each ``scenario show NAME`` hint pointed at the file ``NAME`` came
    from, for the scenarios ``loaded`` as ``(scenario, name or path given)``."""
    out = list(notes)
    for sc, given in loaded:
        if sc is None or not given or not os.path.exists(given):
            continue
        old = f"scenario show {sc.name}'"
        new = f"scenario show {shlex.quote(given)}'"
        out = [n.replace(old, new) for n in out]
    return tuple(out)


def _file_hints(doc: Document, loaded: Sequence[tuple[Any, str | None]]) -> Document:
    """Point the document's ``scenario show NAME`` hints at the file a scenario came from."""
    return dataclasses.replace(doc, notes=_hinted(doc.notes, loaded))
