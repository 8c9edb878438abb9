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
import sys
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import numpy as np
import pandas as pd

from ..errors import NonequivalentError

__all__ = ["Document", "Progress", "Section", "UsageError", "render", "render_report",
           "report_document"]

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


def _text_table(table: pd.DataFrame, exact: bool = False, rowwise: bool = False,
                decimals: Mapping[str, int] | None = None) -> str:
    index_name = _label(table.index.name) if table.index.name is not None else ""
    index_cells = [_label(v) for v in table.index]
    columns = [(_label(c), cells, _is_numeric(table[c]) or rowwise)
               for c, cells in zip(table.columns, _cells(table, exact, rowwise, decimals),
                                   strict=True)]
    iw = max([len(index_name), *map(len, index_cells)]) if index_cells else len(index_name)
    lines = []
    header = index_name.ljust(iw)
    widths = []
    for name, cells, numeric in columns:
        w = max([len(name), *map(len, cells)])
        widths.append(w)
        header += "  " + (name.rjust(w) if numeric else name.ljust(w))
    lines.append(header.rstrip())
    for i, lab in enumerate(index_cells):
        row = lab.ljust(iw)
        for (_, cells, numeric), w in zip(columns, widths, strict=True):
            row += "  " + (cells[i].rjust(w) if numeric else cells[i].ljust(w))
        lines.append(row.rstrip())
    return "\n".join(lines)


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


def _wrap(note: str) -> str:
    return textwrap.fill(note, width=TEXT_WIDTH, subsequent_indent="  ",
                         break_long_words=False, break_on_hyphens=False)


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def render(doc: Document, fmt: str = "text") -> str:
    """Render a document as aligned text, Markdown, JSON or tidy CSV.

    ``csv`` is a long table with columns ``section, row, column, value`` (one line per
    number), so every section fits one file; ``json`` keeps full precision.

    Parameters
    ----------
    doc : Document
        What to print.
    fmt : {"text", "markdown", "json", "csv"}
        Output format.

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
        parts = [doc.title, "=" * len(doc.title)]
        parts += [_wrap(n) for n in doc.notes]
        for sec, dec in zip(doc.sections, _unit_decimals(doc.sections), strict=True):
            parts += ["", sec.title, "-" * len(sec.title),
                      _text_table(sec.table, sec.exact, sec.rowwise, dec)]
            parts += [_wrap(n) for n in sec.notes]
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
                    val = _plain(val)
                    writer.writerow([sec.title, _label(lab), _label(col),
                                     "" if val is None else (repr(val)
                                                             if isinstance(val, float)
                                                             else val)])
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


def render_report(rep: Any, fmt: str = "text") -> str:
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
                    val = _plain(s.values[i, j])
                    writer.writerow([s.key, r.key, c.key,
                                     "" if val is None else (repr(val) if isinstance(val, float)
                                                             else val),
                                     r.unit if s.by_row else c.unit])
        return buf.getvalue()
    return render(report_document(rep), fmt)


# =============================================================================== output
def _write(text: str, output: str | None, stdout: TextIO) -> None:
    if output in (None, "-"):
        stdout.write(text)
        stdout.flush()
        return
    path = Path(output)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {output!r}: {exc.strerror or exc}.") from None
    print(f"{PROG}: wrote {output}", file=sys.stderr)


class Progress:
    """A plain-text progress bar on standard error: ``sweep [#####.....]  50/100``.

    Examples
    --------
    >>> import io
    >>> err = io.StringIO()
    >>> bar = Progress(4, "sweep", stream=err, width=4)
    >>> for _ in range(4):
    ...     bar.advance()
    >>> bar.close()
    >>> err.getvalue().splitlines()[-1].strip()
    'sweep [####] 4/4'
    """

    def __init__(self, total: int, label: str, stream: TextIO | None = None,
                 width: int = 30, enabled: bool = True) -> None:
        self.total, self.label, self.width = max(int(total), 1), label, width
        self.stream = stream if stream is not None else sys.stderr
        self.enabled, self.done, self._shown = enabled, 0, -1

    def _draw(self) -> None:
        filled = self.width * self.done // self.total
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total}")
        self.stream.flush()

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more steps done and redraw when the bar moves."""
        self.done = min(self.total, self.done + n)
        step = self.width * self.done // self.total
        if self.enabled and step != self._shown:
            self._shown = step
            self._draw()

    def close(self) -> None:
        """Draw the final state and end the line."""
        if self.enabled:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()


