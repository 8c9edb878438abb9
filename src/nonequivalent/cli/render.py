"""Rendering for the command line: titled tables as text, Markdown, HTML, LaTeX, JSON or CSV.

A :class:`Document` of :class:`Section` tables is what a command prints; :func:`render`
writes it in any format (the renderer is :mod:`nonequivalent._document`, shared with the
library's result objects). :func:`render_report` renders a library
:class:`~nonequivalent.Report` (text and Markdown through a Document with the printed
labels; JSON and CSV with the report's machine keys). No domain logic lives here.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import Any, TextIO

from .._document import (  # noqa: F401  (the renderer, shared with the library)
    TEXT_WIDTH,
    Document,
    Section,
    _text_table,
    csv_cell,
    csv_row,
    frame_csv,
)
from .._document import render as _render
from ..errors import NonequivalentError

__all__ = ["Document", "Progress", "Section", "UsageError", "csv_cell", "frame_csv",
           "render", "render_report", "report_document"]

PROG = "nonequivalent"
FORMATS = ("text", "markdown", "latex", "html", "json", "csv")


class UsageError(NonequivalentError, ValueError):
    """A command-line argument is unusable (reported in one line, exit status 2)."""


def render(doc: Document, fmt: str = "text", width: int | None = None) -> str:
    """:func:`nonequivalent._document.render` for a command: an unknown format is a usage
    error (exit status 2)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
    return _render(doc, fmt, width)


def report_document(rep: Any) -> Document:
    """The :class:`Document` that prints a :class:`~nonequivalent.Report` (labels, units).

    >>> import nonequivalent as ne
    >>> doc = report_document(ne.report("ussr-1928", later=None))
    >>> doc.sections[0].title
    'Surplus account by group, 1928: million hours'
    """
    return rep.document()


def render_report(rep: Any, fmt: str = "text", width: int | None = None) -> str:
    """A :class:`~nonequivalent.Report` as text, Markdown, JSON or CSV.

    JSON is :meth:`~nonequivalent.Report.to_json` (layout ``nonequivalent.report/1``);
    CSV is one line per number: ``section,row,column,value,unit`` with machine keys.

    >>> import nonequivalent as ne
    >>> print(render_report(ne.report("ussr-1928", later=None), "csv").splitlines()[1])
    ... # doctest: +ELLIPSIS
    account_hours_base,peasants,hours_given,14983.57848...,million hours
    """
    if fmt == "json":
        return rep.to_json()
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["section", "row", "column", "value", "unit"])
        for s in rep.sections:
            for i, r in enumerate(s.rows):
                for j, c in enumerate(s.columns):
                    writer.writerow(csv_row([s.key, r.key, c.key, s.values[i, j],
                                             r.unit if s.by_row else c.unit]))
        return buf.getvalue()
    return render(report_document(rep), fmt, width)


# =============================================================================== output
def _write(text: str, output: str | None, stdout: TextIO) -> None:
    if output in (None, "-"):
        stdout.write(text)
        stdout.flush()
        return
    path = Path(output)
    try:
        path.write_text(text, encoding="utf-8")
    except (OSError, ValueError) as exc:   # ValueError: a NUL in the name
        raise UsageError(f"cannot write {output!r}: "
                         f"{getattr(exc, 'strerror', None) or exc}.") from None
    print(f"{PROG}: wrote {output}", file=sys.stderr)


class Progress:
    """A progress bar on standard error, drawn (by tqdm) only when that is a terminal.

    Written to a file or a pipe (a log, CI), the bar draws nothing: no ``\\r`` frames.
    ``enabled=False`` turns it off on a terminal too (``--no-progress``).

    Examples
    --------
    >>> import io
    >>> err = io.StringIO()                 # not a terminal: nothing is drawn
    >>> bar = Progress(4, "sweep", stream=err)
    >>> for _ in range(4):
    ...     bar.advance()
    >>> bar.close()
    >>> err.getvalue()
    ''
    """

    def __init__(self, total: int, label: str, stream: TextIO | None = None,
                 enabled: bool = True) -> None:
        self.total, self.label = max(int(total), 1), label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(enabled) and _is_terminal(self.stream)
        self._bar: Any = None
        if self.enabled:
            from tqdm import tqdm

            self._bar = tqdm(total=self.total, desc=label, file=self.stream, leave=True,
                             dynamic_ncols=True)

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more steps done."""
        if self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        """End the bar (leaves its last state on the terminal)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False
