"""Titled tables as text, Markdown, HTML, LaTeX, JSON or CSV: one renderer for every output.

A :class:`Document` of :class:`Section` tables is what the library and the command line
print; :func:`render` writes it in any format. Every format shows the same labels, the same
units and the same number format (each unit printed with one number of decimals across the
whole document); only JSON and CSV keep full precision. The report
(:meth:`~nonequivalent.Report.document`), the report with intervals and the command line
all print through here. No domain logic lives here.
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
import numbers
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .errors import OutputFormatError

__all__ = ["FORMATS", "Document", "Section", "csv_cell", "csv_row", "fixed", "format_number",
           "frame_csv", "latex_text", "render", "render_section"]

#: Output formats of :func:`render`.
FORMATS = ("text", "markdown", "html", "latex", "json", "csv")


#: Significant figures of every number the library prints.
SIGNIFICANT_FIGURES = 4

#: Magnitudes from here on print in scientific notation, in every format and in tables
#: too (a float has about 16 significant digits: the digits of 1e300 written out would be
#: noise).
SCIENTIFIC_FROM = 1e15


def format_number(x: Any, unit: str = "", sig: int = SIGNIFICANT_FIGURES) -> str:
    """The library's one number format: thousands separators, ``sig`` significant figures.

    Whole parts are never rounded away (``20,970`` and ``9,399`` alike); smaller numbers
    keep ``sig`` significant figures; magnitudes below 1e-4 or from 1e15
    (:data:`SCIENTIFIC_FROM`) on use scientific notation, integers too (below that,
    integers print whole). Never ``-0``. ``unit`` follows after a space.

    >>> format_number(20970.123), format_number(9399), format_number(0.894737)
    ('20,970', '9,399', '0.8947')
    >>> format_number(1.5, "hours"), format_number(-0.00001234), format_number(float("inf"))
    ('1.500 hours', '-1.234e-05', '∞')
    >>> format_number(1e300), format_number(10**30), format_number(-0.0)
    ('1.000e+300', '1.000e+30', '0')
    """
    suffix = f" {unit}" if unit else ""
    if isinstance(x, bool | np.bool_):
        return ("yes" if x else "no") + suffix
    if isinstance(x, numbers.Integral) and abs(int(x)) < SCIENTIFIC_FROM:
        return f"{int(x):,}{suffix}"
    if not isinstance(x, numbers.Real):
        return f"{x}{suffix}"
    try:
        v = float(x)
    except OverflowError:           # an integer beyond the range of a float
        return ("∞" if x > 0 else "−∞") + suffix
    if math.isnan(v):
        return "n/a"
    if math.isinf(v):
        return ("∞" if v > 0 else "−∞") + suffix
    if v == 0:
        return f"0{suffix}"
    mag = math.floor(math.log10(abs(v)))
    if abs(v) >= SCIENTIFIC_FROM or mag < -4:
        return f"{v:.{sig - 1}e}{suffix}"
    decimals = max(0, sig - 1 - mag)
    text = f"{v:,.{decimals}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]
    if decimals and float(text.replace(",", "")) != 0 and len(text.replace(",", "").replace(
            "-", "").replace(".", "").lstrip("0")) > sig:
        # rounding carried into a new digit (9.9996 -> 10.000): one decimal fewer
        text = f"{v:,.{decimals - 1}f}"
    return f"{text}{suffix}"



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
    #: Labels of the lines (rows when ``rowwise``, else columns) that count whole things
    #: (persons, earners): printed as integers when every value is whole.
    whole: frozenset[str] = frozenset()
    #: Print every number in the library's one format (:func:`format_number`, four
    #: significant figures) instead of a fixed number of decimals per unit.
    significant: bool = False
    #: Labels of text columns that hold numbers written out (intervals): right-aligned.
    numbers_as_text: frozenset[str] = frozenset()


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


def fixed(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals and thousands separators; never ``-0``;
    magnitudes from :data:`SCIENTIFIC_FROM` on in scientific notation (:func:`format_number`).

    >>> fixed(-0.0000001, 2), fixed(-1234.5, 0), fixed(float("nan"), 2), fixed(1e300, 0)
    ('0.00', '-1,234', '—', '1.000e+300')
    """
    if not math.isfinite(value):
        return "—"
    if abs(value) >= SCIENTIFIC_FROM:
        return format_number(value)
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]
    return text


def _format_column(col: pd.Series, exact: bool = False,
                   decimals: int | None = None) -> list[str]:
    if pd.api.types.is_bool_dtype(col.dtype):
        return ["yes" if v else "no" for v in col]
    if pd.api.types.is_integer_dtype(col.dtype):
        if _label(col.name).lower().endswith("year"):   # 1928, not 1,928
            return [str(int(v)) for v in col]
        return [format_number(int(v)) for v in col]
    if pd.api.types.is_float_dtype(col.dtype):
        arr = col.to_numpy(dtype=float)
        if exact:
            return ["—" if not np.isfinite(v) else f"{v:.10g}" for v in arr]
        d = _decimals(arr) if decimals is None else decimals
        return [fixed(v, d) for v in arr]
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
    out = []
    for sec in sections:
        dec = {lab: per_unit[u] for lab, u in sec.units.items() if u in per_unit}
        for lab in sec.whole:
            if sec.rowwise:
                vals = [_row_numbers(sec.table.loc[r]) for r in sec.table.index
                        if _label(r) == lab]
            else:
                vals = [sec.table[c].to_numpy(dtype=float) for c in sec.table.columns
                        if _label(c) == lab and _is_numeric(sec.table[c])]
            if vals and all(np.all(v[np.isfinite(v)] == np.round(v[np.isfinite(v)]))
                            for v in vals):
                dec[lab] = 0
        out.append(dec)
    return out


def _cells(table: pd.DataFrame, exact: bool, rowwise: bool,
           decimals: Mapping[str, int] | None = None,
           significant: bool = False) -> list[list[str]]:
    """The formatted cells of each column (``decimals`` by label overrides the rounding)."""
    decimals = decimals or {}
    if significant:
        return [[format_number(v) if isinstance(v, numbers.Number) and not (
                    isinstance(v, float) and math.isnan(v)) else
                 ("—" if isinstance(v, float) else "" if v is None else str(v))
                 for v in table[c]] for c in table.columns]
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
                cols[j].append(fixed(float(v), d))
            else:
                cols[j].append("" if v is None else str(v))
    return cols


def _is_numeric(col: pd.Series) -> bool:
    return (pd.api.types.is_numeric_dtype(col.dtype)
            and not pd.api.types.is_bool_dtype(col.dtype))


def _all_numbers(col: pd.Series) -> bool:
    """A column of mixed numbers (an object column of ints and floats) prints as numbers."""
    return len(col) > 0 and all(isinstance(v, numbers.Number) and not isinstance(
        v, bool | np.bool_) for v in col)


def _label(value: Any) -> str:
    if isinstance(value, tuple):
        return " / ".join(str(v) for v in value)
    return str(value)


def _shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, ending in "…" when cut."""
    return text if len(text) <= width else text[:max(width - 1, 0)] + "…"


@dataclass(frozen=True)
class _Grid:
    """A section's table as printed cells: row labels, then (title, cells, numeric) columns.

    A multi-level row index becomes one text column per outer level (a label repeated
    from the row above is left blank), so every format shows the levels as levels.
    """

    index_name: str
    index: list[str]
    columns: list[tuple[str, list[str], bool]]


def _grid(sec: Section, decimals: Mapping[str, int] | None = None) -> _Grid:
    table = sec.table
    cells = _cells(table, sec.exact, sec.rowwise, decimals, sec.significant)
    columns = [(_label(c), col, _is_numeric(table[c]) or sec.rowwise or _all_numbers(table[c])
                or _label(c) in sec.numbers_as_text)
               for c, col in zip(table.columns, cells, strict=True)]
    idx = table.index
    if isinstance(idx, pd.MultiIndex):
        outer = []
        for level in range(idx.nlevels - 1):
            values = [str(v[level]) for v in idx]
            shown = [v if i == 0 or any(str(idx[i - 1][k]) != str(idx[i][k])
                                        for k in range(level + 1)) else ""
                     for i, v in enumerate(values)]
            outer.append((str(idx.names[level] or ""), shown, False))
        return _Grid(str(idx.names[-1] or ""), [str(v[-1]) for v in idx], outer + columns)
    name = _label(idx.name) if idx.name is not None else ""
    return _Grid(name, [_label(v) for v in idx], columns)


def _text_table(grid: _Grid, width: int | None = None) -> str:
    """An aligned text table; with ``width``, no line is longer than ``width``.

    A table wider than ``width`` is wrapped: its columns are printed in blocks, each block
    under the row labels again; a row label longer than half the width, or a text cell too
    long to fit even alone, is wrapped onto several lines of its row. Numbers are never
    cut; only a column title wider than the whole line is shortened with "…".
    """
    index_name, index_cells = grid.index_name, grid.index
    columns = [(name, [[cell] for cell in cells], numeric)
               for name, cells, numeric in grid.columns]
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


def _markdown_table(grid: _Grid) -> str:
    def esc(s: str) -> str:
        return s.replace("|", "\\|")

    cols = grid.columns
    out = ["| " + " | ".join([esc(grid.index_name)] + [esc(c[0]) for c in cols]) + " |",
           "|" + "|".join([" --- "] + [" ---: " if c[2] else " --- " for c in cols]) + "|"]
    for i, lab in enumerate(grid.index):
        out.append("| " + " | ".join([esc(lab)] + [esc(c[1][i]) for c in cols]) + " |")
    return "\n".join(out)


def _html_table(grid: _Grid, caption: str, notes: Sequence[str]) -> str:
    esc = html.escape
    num = "text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap"
    head = "".join(f"<th style='text-align:{'right' if n else 'left'}'>{esc(name)}</th>"
                   for name, _, n in grid.columns)
    rows = []
    for i, lab in enumerate(grid.index):
        cells = "".join(f"<td style='{num if n else 'text-align:left'}'>{esc(c[i])}</td>"
                        for _, c, n in grid.columns)
        rows.append(f"<tr><th style='text-align:left'>{esc(lab)}</th>{cells}</tr>")
    foot = "".join(f"<p><small>{esc(n)}</small></p>" for n in notes)
    return (f"<table><caption style='text-align:left'><b>{esc(caption)}</b></caption>"
            f"<thead><tr><th style='text-align:left'>{esc(grid.index_name)}</th>{head}"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>{foot}")


#: Characters outside LaTeX's default input encoding, as LaTeX (after escaping).
_LATEX_SYMBOLS = {
    "−": r"\ensuremath{-}", "→": r"\ensuremath{\to}", "←": r"\ensuremath{\leftarrow}",
    "×": r"\ensuremath{\times}", "·": r"\ensuremath{\cdot}", "≥": r"\ensuremath{\geq}",
    "≤": r"\ensuremath{\leq}", "≈": r"\ensuremath{\approx}", "±": r"\ensuremath{\pm}",
    "∞": r"\ensuremath{\infty}", "…": r"\ldots{}", "—": "---", "–": "--", "§": r"\S{}",
    "‘": "`", "’": "'", "“": "``", "”": "''", "ᵉ": r"\textsuperscript{e}",
    "⁰": r"\textsuperscript{0}", "¹": r"\textsuperscript{1}", "²": r"\textsuperscript{2}",
    "³": r"\textsuperscript{3}", "₀": r"\ensuremath{_0}", "₁": r"\ensuremath{_1}",
    "ₖ": r"\ensuremath{_k}", "€": "EUR", "√": r"\ensuremath{\surd}", "∑": r"\ensuremath{\sum}",
    "Δ": r"\ensuremath{\Delta}", "Λ": r"\ensuremath{\Lambda}", "Σ": r"\ensuremath{\Sigma}",
    "Π": r"\ensuremath{\Pi}", "Ω": r"\ensuremath{\Omega}", "Φ": r"\ensuremath{\Phi}",
    "α": r"\ensuremath{\alpha}", "β": r"\ensuremath{\beta}", "γ": r"\ensuremath{\gamma}",
    "δ": r"\ensuremath{\delta}", "ε": r"\ensuremath{\varepsilon}",
    "η": r"\ensuremath{\eta}", "θ": r"\ensuremath{\theta}", "κ": r"\ensuremath{\kappa}",
    "λ": r"\ensuremath{\lambda}", "μ": r"\ensuremath{\mu}", "ν": r"\ensuremath{\nu}",
    "π": r"\ensuremath{\pi}", "ρ": r"\ensuremath{\rho}", "σ": r"\ensuremath{\sigma}",
    "τ": r"\ensuremath{\tau}", "φ": r"\ensuremath{\varphi}", "χ": r"\ensuremath{\chi}",
    "ψ": r"\ensuremath{\psi}", "ω": r"\ensuremath{\omega}", "ζ": r"\ensuremath{\zeta}",
    "ξ": r"\ensuremath{\xi}", "ι": r"\ensuremath{\iota}", "ϕ": r"\ensuremath{\phi}",
    "\u00a0": "~", "\u2009": r"\,", "\u202f": r"\,",
}


def latex_text(text: str) -> str:
    r"""``text`` as LaTeX that pdflatex compiles: special characters escaped (by pandas'
    own escaper, the one ``DataFrame.to_latex(escape=True)`` applies), Greek letters and
    symbols as LaTeX commands.

    >>> latex_text("surplus_money, share (%) σ → μ")
    'surplus\\_money, share (\\%) \\ensuremath{\\sigma} \\ensuremath{\\to} \\ensuremath{\\mu}'
    """
    from pandas.io.formats.style_render import _escape_latex

    out = _escape_latex(str(text))
    return "".join(_LATEX_SYMBOLS.get(ch, ch) for ch in out)


def _latex_table(grid: _Grid, caption: str, notes: Sequence[str]) -> str:
    align = "l" + "".join("r" if n else "l" for _, _, n in grid.columns)
    head = " & ".join([latex_text(grid.index_name)]
                      + [latex_text(name) for name, _, _ in grid.columns])
    rows = [" & ".join([latex_text(lab)] + [latex_text(c[i]) for _, c, _ in grid.columns])
            + r" \\" for i, lab in enumerate(grid.index)]
    out = [r"\begin{table}[htbp]", r"\centering", r"\small",
           rf"\caption{{{latex_text(caption)}}}",
           # a table wider than the text is scaled down to the text's width
           r"\resizebox{\ifdim\width>\linewidth\linewidth\else\width\fi}{!}{%",
           rf"\begin{{tabular}}{{{align}}}",
           r"\toprule", head + r" \\", r"\midrule", *rows, r"\bottomrule", r"\end{tabular}}"]
    if notes:
        out += [r"\par\smallskip\parbox{\linewidth}{\footnotesize "
                + r"\par ".join(latex_text(n) for n in notes) + "}"]
    out.append(r"\end{table}")
    return "\n".join(out)


def render_section(sec: Section, fmt: str = "text", width: int | None = None,
                   decimals: Mapping[str, int] | None = None) -> str:
    """One section alone, in any format of :func:`render` but JSON and CSV."""
    if decimals is None:
        decimals = _unit_decimals([sec])[0]
    grid = _grid(sec, decimals)
    if fmt == "text":
        parts = [*_heading(sec.title, "-", width), _text_table(grid, width)]
        return "\n".join(parts + [_wrap(n, width) for n in sec.notes]) + "\n"
    if fmt == "markdown":
        parts = [f"## {sec.title}", "", _markdown_table(grid)]
        if sec.notes:
            parts += ["", "  \n".join(sec.notes)]
        return "\n".join(parts) + "\n"
    if fmt == "html":
        return _html_table(grid, sec.title, sec.notes)
    if fmt == "latex":
        return _latex_table(grid, sec.title, sec.notes) + "\n"
    raise OutputFormatError(f"unknown format {fmt!r} for a table; use one of text, "
                            "markdown, html, latex.")



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
    """Render a document as aligned text, Markdown, HTML, LaTeX, JSON or tidy CSV.

    Text, Markdown, HTML and LaTeX print the same labels, units and numbers (each unit with
    one number of decimals across the document). ``csv`` is a long table with columns
    ``section, row, column, value`` (one line per number), so every section fits one file;
    ``json`` keeps full precision. LaTeX is escaped (it compiles with pdflatex and the
    ``booktabs`` and ``graphicx`` packages: see :data:`LATEX_PREAMBLE`).

    Parameters
    ----------
    doc : Document
        What to print.
    fmt : {"text", "markdown", "html", "latex", "json", "csv"}
        Output format.
    width : int, optional
        Text only: the longest line (tables wider than that are wrapped in blocks of
        columns; see :func:`_text_table`). Default: no limit.

    Returns
    -------
    str

    Raises
    ------
    OutputFormatError
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
    if fmt in ("text", "markdown", "html", "latex"):
        decimals = _unit_decimals(doc.sections)
        parts = [render_section(sec, fmt, width, dec)
                 for sec, dec in zip(doc.sections, decimals, strict=True)]
    if fmt == "text":
        head = _heading(doc.title, "=", width) + [_wrap(n, width) for n in doc.notes]
        return "\n".join(head) + "\n" + "".join("\n" + p for p in parts)
    if fmt == "markdown":
        head = [f"# {doc.title}", ""]
        if doc.notes:
            head += ["  \n".join(doc.notes), ""]
        return "\n".join(head + [p for part in parts for p in (part.rstrip("\n"), "")]).rstrip(
            "\n") + "\n"
    if fmt == "html":
        notes = "".join(f"<p><small>{html.escape(n)}</small></p>" for n in doc.notes)
        return (f"<div class='nonequivalent-document'><h3>{html.escape(doc.title)}</h3>"
                f"{notes}{''.join(parts)}</div>")
    if fmt == "latex":
        head = [rf"\section*{{{latex_text(doc.title)}}}",
                *(latex_text(n) + "\n" for n in doc.notes)]
        return "\n".join(head) + "\n" + "\n".join(parts)
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
    raise OutputFormatError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")


#: What a LaTeX document needs to compile the tables of :func:`render` with pdflatex.
LATEX_PREAMBLE = r"""\usepackage{booktabs}
\usepackage{graphicx}
"""


def latex_document(body: str) -> str:
    r"""A complete LaTeX document around ``body`` (output of :func:`render` or ``to_latex``).

    >>> print(latex_document("x").splitlines()[0])
    \documentclass{article}
    """
    return ("\\documentclass{article}\n" + LATEX_PREAMBLE + "\\begin{document}\n" + body
            + "\n\\end{document}\n")
