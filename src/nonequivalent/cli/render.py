"""Rendering for the command line: titled tables as text, Markdown, JSON or CSV.

A :class:`Document` of :class:`Section` tables is what a command prints; :func:`render`
writes it in any format. :func:`render_report` renders a library
:class:`~nonequivalent.Report` (text and Markdown through a Document with the printed
labels; JSON and CSV with the report's machine keys). No domain logic lives here.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import sys
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import numpy as np
import pandas as pd

from ..errors import NonequivalentError

__all__ = ["Document", "Progress", "Section", "UsageError", "csv_cell", "frame_csv",
           "render", "render_report", "report_document"]

PROG = "nonequivalent"
FORMATS = ("text", "markdown", "json", "csv")


class UsageError(NonequivalentError, ValueError):
    """A command-line argument is unusable (reported in one line, exit status 2)."""


# =============================================================================== tables
@dataclass(frozen=True)
class Section:
    """One titled table of a printed document, with notes under it.

    Examples
    --------
    >>> import pandas as pd
    >>> s = Section("Prices", pd.DataFrame({"price": [1.0, 2.5]}, index=["grain", "cloth"]))
    >>> print(render(Document("Example", (s,)), "text"))
    Example
    =======
    <BLANKLINE>
    Prices
    ------
           price
    grain   1.00
    cloth   2.50
    """

    title: str
    table: pd.DataFrame
    notes: tuple[str, ...] = ()
    #: Print numbers as given (historical data) instead of rounding each column alike.
    exact: bool = False
    #: Round each row alike (rows are different quantities) instead of each column.
    rowwise: bool = False
    #: Unit of each column (of each row when ``rowwise``): every number in one unit, across
    #: all the sections of a document, is printed with the same number of decimals.
    units: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Document:
    """A titled list of sections: what a command prints, in any output format.

    Examples
    --------
    >>> import pandas as pd
    >>> doc = Document("T", (Section("S", pd.DataFrame({"x": [1.5]}, index=["a"])),),
    ...                notes=("a note",))
    >>> print(render(doc, "csv").strip())
    section,row,column,value
    S,a,x,1.5
    """

    title: str
    sections: tuple[Section, ...]
    notes: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)


def _decimals(values: np.ndarray) -> int:
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return 2
    top = float(np.max(np.abs(finite)))
    if top >= 10_000:
        return 0
    if top >= 100:
        return 1
    if top >= 0.1 or top == 0.0:
        return 2
    return max(2, min(6, 1 - math.floor(math.log10(top)) + 1))


def _format_column(col: pd.Series, exact: bool = False,
                   decimals: int | None = None) -> list[str]:
    if pd.api.types.is_bool_dtype(col.dtype):
        return ["yes" if v else "no" for v in col]
    if pd.api.types.is_integer_dtype(col.dtype):
        if _label(col.name).lower().endswith("year"):   # 1928, not 1,928
            return [str(int(v)) for v in col]
        return [f"{int(v):,}" for v in col]
    if pd.api.types.is_float_dtype(col.dtype):
        arr = col.to_numpy(dtype=float)
        if exact:
            return ["—" if not np.isfinite(v) else f"{v:.10g}" for v in arr]
        d = _decimals(arr) if decimals is None else decimals
        return ["—" if not np.isfinite(v) else f"{v:,.{d}f}" for v in arr]
    return ["" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)
            for v in col]


def _row_numbers(row: pd.Series) -> np.ndarray:
    return np.array([float(v) for v in row if isinstance(v, int | float | np.number)
                     and not isinstance(v, bool | np.bool_)], dtype=float)


def _unit_decimals(sections: Sequence[Section]) -> list[dict[str, int]]:
    """For each section, the decimals of each labelled line, alike for all lines of a unit.

    The decimals of a unit follow from the largest number in that unit anywhere in the
    document (:func:`_decimals`), so that "1,581" in one table never stands next to
    "9,036.3" in another.
    """
    pools: dict[str, list[np.ndarray]] = {}
    for sec in sections:
        for lab, unit in sec.units.items():
            if sec.rowwise:
                rows = [r for r in sec.table.index if _label(r) == lab]
                vals = [_row_numbers(sec.table.loc[r]) for r in rows]
            else:
                cols = [c for c in sec.table.columns if _label(c) == lab]
                vals = [sec.table[c].to_numpy(dtype=float) for c in cols
                        if _is_numeric(sec.table[c])]
            pools.setdefault(unit, []).extend(vals)
    per_unit = {u: _decimals(np.concatenate(v)) for u, v in pools.items() if v}
    return [{lab: per_unit[u] for lab, u in sec.units.items() if u in per_unit}
            for sec in sections]


def _cells(table: pd.DataFrame, exact: bool, rowwise: bool,
           decimals: Mapping[str, int] | None = None) -> list[list[str]]:
    """The formatted cells of each column (``decimals`` by label overrides the rounding)."""
    decimals = decimals or {}
    if not rowwise:
        return [_format_column(table[c], exact, decimals.get(_label(c)))
                for c in table.columns]
    cols: list[list[str]] = [[] for _ in table.columns]
    for lab, row in table.iterrows():
        d = decimals.get(_label(lab))
        if d is None:
            d = _decimals(_row_numbers(row))
        for j, v in enumerate(row):
            if isinstance(v, bool | np.bool_):
                cols[j].append("yes" if v else "no")
            elif isinstance(v, int | float | np.number):
                cols[j].append("—" if not np.isfinite(float(v)) else f"{float(v):,.{d}f}")
            else:
                cols[j].append("" if v is None else str(v))
    return cols


def _is_numeric(col: pd.Series) -> bool:
    return (pd.api.types.is_numeric_dtype(col.dtype)
            and not pd.api.types.is_bool_dtype(col.dtype))


def _label(value: Any) -> str:
    if isinstance(value, tuple):
        return " / ".join(str(v) for v in value)
    return str(value)


def _shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, ending in "…" when cut."""
    return text if len(text) <= width else text[:max(width - 1, 0)] + "…"


def _text_table(table: pd.DataFrame, exact: bool = False, rowwise: bool = False,
                decimals: Mapping[str, int] | None = None, width: int | None = None) -> str:
    """An aligned text table; with ``width``, no line is longer than ``width``.

    A table wider than ``width`` is wrapped: its columns are printed in blocks, each block
    under the row labels again; a row label longer than half the width, or a text cell too
    long to fit even alone, is wrapped onto several lines of its row. Numbers are never
    cut; only a column title wider than the whole line is shortened with "…".
    """
    index_name = _label(table.index.name) if table.index.name is not None else ""
    index_cells = [_label(v) for v in table.index]
    columns = [(_label(c), [[cell] for cell in cells], _is_numeric(table[c]) or rowwise)
               for c, cells in zip(table.columns, _cells(table, exact, rowwise, decimals),
                                   strict=True)]
    iw = max([len(index_name), *map(len, index_cells)]) if index_cells else len(index_name)
    index_lines = [[c] for c in index_cells]
    if width is not None:
        iw = min(iw, max(width // 2, 8))
        index_name = _shorten(index_name, iw)
        index_lines = [textwrap.wrap(c, iw, break_on_hyphens=False) or [""]
                       if len(c) > iw else [c] for c in index_cells]
        room = max(width - iw - 2, 1)
        columns = [(_shorten(name, room), cells if numeric else
                    [textwrap.wrap(c[0], room, break_on_hyphens=False) or [""]
                     if len(c[0]) > room else c for c in cells], numeric)
                   for name, cells, numeric in columns]
    widths = [max([len(name), *(len(line) for cell in cells for line in cell)])
              for name, cells, _ in columns]
    blocks: list[list[int]] = [[]]
    used = iw
    for j, w in enumerate(widths):
        if width is not None and blocks[-1] and used + 2 + w > width:
            blocks.append([])
            used = iw
        blocks[-1].append(j)
        used += 2 + w
    out = []
    for block in blocks:
        header = index_name.ljust(iw)
        for j in block:
            name, _, numeric = columns[j]
            header += "  " + (name.rjust(widths[j]) if numeric else name.ljust(widths[j]))
        lines = [header.rstrip()]
        for i, labels in enumerate(index_lines):
            height = max([len(labels), *(len(columns[j][1][i]) for j in block)])
            for k in range(height):
                row = (labels[k] if k < len(labels) else "").ljust(iw)
                for j in block:
                    _, cells, numeric = columns[j]
                    cell = cells[i][k] if k < len(cells[i]) else ""
                    row += "  " + (cell.rjust(widths[j]) if numeric else cell.ljust(widths[j]))
                lines.append(row.rstrip())
        out.append("\n".join(lines))
    return "\n\n".join(out)


def _markdown_table(table: pd.DataFrame, exact: bool = False, rowwise: bool = False,
                    decimals: Mapping[str, int] | None = None) -> str:
    def esc(s: str) -> str:
        return s.replace("|", "\\|")

    index_name = _label(table.index.name) if table.index.name is not None else ""
    cols = [(_label(c), cells, _is_numeric(table[c]) or rowwise)
            for c, cells in zip(table.columns, _cells(table, exact, rowwise, decimals),
                                strict=True)]
    out = ["| " + " | ".join([esc(index_name)] + [esc(c[0]) for c in cols]) + " |",
           "|" + "|".join([" --- "] + [" ---: " if c[2] else " --- " for c in cols]) + "|"]
    for i, lab in enumerate(table.index):
        out.append("| " + " | ".join([esc(_label(lab))] + [esc(c[1][i]) for c in cols])
                   + " |")
    return "\n".join(out)


#: Width at which notes are wrapped in text output.
TEXT_WIDTH = 100


def _wrap(note: str, width: int | None = None) -> str:
    return textwrap.fill(note, width=min(TEXT_WIDTH, width or TEXT_WIDTH),
                         subsequent_indent="  ", break_long_words=width is not None,
                         break_on_hyphens=False)


def _heading(title: str, rule: str, width: int | None) -> list[str]:
    """A title underlined with ``rule``, wrapped to ``width``."""
    lines = [title] if width is None or len(title) <= width else textwrap.wrap(title, width)
    return [*lines, rule * max(map(len, lines))]


#: First characters that make a spreadsheet read a text cell as a formula (OWASP, "CSV
#: Injection"): such cells are written with a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d[\d_]*\.?\d*|\.\d+)([eE][+-]?\d+)?")


def csv_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet executes: text starting like a formula gets a ``'``.

    Numbers (``-1.5`` as a float, or as text that is only a number) are kept as they are,
    so a negative number stays a number.

    >>> [csv_cell(v) for v in ("=1+2", "@SUM(A1)", "-1.5", -1.5, "grain", "+cmd|' /C calc'!A0")]
    ["'=1+2", "'@SUM(A1)", '-1.5', -1.5, 'grain', "'+cmd|' /C calc'!A0"]
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) \
            and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_row(cells: Sequence[Any]) -> list[Any]:
    """One CSV row: floats in full precision (``repr``), missing as empty, text made safe."""
    out = []
    for val in cells:
        val = _plain(val)
        out.append("" if val is None else (repr(val) if isinstance(val, float)
                                           else csv_cell(val)))
    return out


def frame_csv(frame: pd.DataFrame, index: bool = False) -> str:
    """A DataFrame as CSV, every text cell and label made safe by :func:`csv_cell`."""
    if index:
        frame = frame.reset_index()
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(csv_row([_label(c) for c in frame.columns]))
    for row in frame.itertuples(index=False, name=None):
        writer.writerow(csv_row(row))
    return buf.getvalue()


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def render(doc: Document, fmt: str = "text", width: int | None = None) -> str:
    """Render a document as aligned text, Markdown, JSON or tidy CSV.

    ``csv`` is a long table with columns ``section, row, column, value`` (one line per
    number), so every section fits one file; ``json`` keeps full precision.

    Parameters
    ----------
    doc : Document
        What to print.
    fmt : {"text", "markdown", "json", "csv"}
        Output format.
    width : int, optional
        Text only: the longest line (tables wider than that are wrapped in blocks of
        columns; see :func:`_text_table`). Default: no limit.

    Returns
    -------
    str

    Raises
    ------
    UsageError
        An unknown format.

    Examples
    --------
    >>> import pandas as pd
    >>> doc = Document("T", (Section("S", pd.DataFrame({"x": [1.25]}, index=["a"])),))
    >>> print(render(doc, "markdown"))
    # T
    <BLANKLINE>
    ## S
    <BLANKLINE>
    |  | x |
    | --- | ---: |
    | a | 1.25 |
    """
    if fmt == "text":
        parts = _heading(doc.title, "=", width)
        parts += [_wrap(n, width) for n in doc.notes]
        for sec, dec in zip(doc.sections, _unit_decimals(doc.sections), strict=True):
            parts += ["", *_heading(sec.title, "-", width),
                      _text_table(sec.table, sec.exact, sec.rowwise, dec, width)]
            parts += [_wrap(n, width) for n in sec.notes]
        return "\n".join(parts) + "\n"
    if fmt == "markdown":
        parts = [f"# {doc.title}", ""]
        if doc.notes:
            parts += ["  \n".join(doc.notes), ""]
        for sec, dec in zip(doc.sections, _unit_decimals(doc.sections), strict=True):
            parts += [f"## {sec.title}", "",
                      _markdown_table(sec.table, sec.exact, sec.rowwise, dec), ""]
            if sec.notes:
                parts += ["  \n".join(sec.notes), ""]
        return "\n".join(parts).rstrip("\n") + "\n"
    if fmt == "json":
        payload = {"title": doc.title, "notes": list(doc.notes), **doc.meta, "sections": []}
        for sec in doc.sections:
            rows = []
            for lab, row in sec.table.iterrows():
                rec = {str(sec.table.index.name or "row"): _plain(_label(lab))}
                rec.update({_label(k): _plain(v) for k, v in row.items()})
                rows.append(rec)
            payload["sections"].append({"title": sec.title, "notes": list(sec.notes),
                                        "columns": [_label(c) for c in sec.table.columns],
                                        "rows": rows})
        return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["section", "row", "column", "value"])
        for sec in doc.sections:
            for lab, row in sec.table.iterrows():
                for col, val in row.items():
                    writer.writerow(csv_row([sec.title, _label(lab), _label(col), val]))
        return buf.getvalue()
    raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")




def report_document(rep: Any) -> Document:
    """The :class:`Document` that prints a :class:`~nonequivalent.Report` (labels, units).

    >>> import nonequivalent as ne
    >>> doc = report_document(ne.report("ussr-1928", later=None))
    >>> doc.sections[0].title
    'Surplus account by group, 1928: million hours'
    """
    sections = []
    for s in rep.sections:
        data = {c.label: pd.to_numeric(pd.Series(list(s.values[:, j])))
                for j, c in enumerate(s.columns)}
        table = pd.DataFrame(data)
        for k, col in reversed(list(s.text.items())):
            table.insert(0, k, list(col))
        table.index = pd.Index([r.label for r in s.rows], name=s.index_name or None)
        lines = s.rows if s.by_row else s.columns
        units = {x.label: x.dimension for x in lines if x.dimension}
        sections.append(Section(s.title, table, tuple(s.notes), exact=s.exact,
                                rowwise=s.by_row, units=units))
    return Document(rep.title, tuple(sections), tuple(rep.notes), dict(rep.meta))


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
