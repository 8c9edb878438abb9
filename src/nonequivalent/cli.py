"""The ``nonequivalent`` command: reports, plan comparisons, sweeps, data, scenarios, exercises.

Usage (``nonequivalent --help`` for the whole list)::

    nonequivalent report [--scenario NAME|FILE] [--format text|markdown|json|csv]
                         [--output FILE] [--plot FILE]
    nonequivalent compare [--scenario NAME|FILE] [--output FILE] [--plot FILE]
    nonequivalent sweep [--ratio-min X] [--ratio-max Y] [--steps N] [--output FILE]
    nonequivalent data list | data show NAME
    nonequivalent scenario list | scenario show NAME|FILE | scenario write NAME FILE
    nonequivalent exercise list | exercise TOPIC --seed N [--solution]

Exit status: 0 on success, 2 on bad input (an unknown option, a malformed scenario file, an
unknown dataset...) with one line on standard error that says what is wrong, 1 on an
unexpected failure. The same runs from Python with :func:`main`, which returns the status.

>>> from nonequivalent.cli import main
>>> main(["data", "show", "no-such-dataset"])   # the message goes to standard error
2
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import math
import os
import sys
import textwrap
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TextIO

import numpy as np
import pandas as pd

from .errors import NonequivalentError

__all__ = ["Document", "Section", "build_parser", "main", "render"]

PROG = "nonequivalent"
FORMATS = ("text", "markdown", "json", "csv")
EXAMPLES = """examples:
  nonequivalent report                                  1928 and 1932, as text
  nonequivalent report --later none -f markdown         1928 alone, as Markdown
  nonequivalent report --plot report.png                with the report figure
  nonequivalent scenario write ussr-1928 mine.toml      a template to edit, then
  nonequivalent report --scenario mine.toml             a report on it
  nonequivalent sweep --ratio-min 0.3 --ratio-max 1.2 -o sweep.csv
  nonequivalent compare --plot variants.png
  nonequivalent data show real_wages
  nonequivalent exercise tribute --seed 3 --solution

exit status: 0 success, 2 bad input (one line on standard error), 1 other failure."""


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


def _check_targets(args: argparse.Namespace) -> None:
    """Fail before any work if --output or --plot cannot be written."""
    output = getattr(args, "output", None)
    if output not in (None, "-"):
        parent = Path(output).parent
        if not parent.is_dir():
            raise UsageError(f"cannot write {output!r}: directory {str(parent)!r} does not "
                             "exist.")
        if Path(output).is_dir():
            raise UsageError(f"cannot write {output!r}: it is a directory.")
    if getattr(args, "plot", None):
        from .plotting import check_figure_path

        check_figure_path(args.plot)


def _save_plot(fig: Any, path: str) -> None:
    from .plotting import save_figure

    try:
        save_figure(fig, path)
    except OSError as exc:
        raise UsageError(f"cannot write figure {path!r}: {exc.strerror or exc}.") from None
    print(f"{PROG}: wrote figure {path}", file=sys.stderr)


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


# =============================================================================== parser
class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and exits with status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _add_output(p: argparse.ArgumentParser, fmt: str | None = "text") -> None:
    if fmt:
        p.add_argument("--format", "-f", choices=FORMATS, default=fmt,
                       help=f"output format (default: {fmt})")
    p.add_argument("--output", "-o", metavar="FILE",
                   help="write the result to FILE instead of standard output")


def _add_scenario(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scenario", "-s", default="ussr-1928", metavar="NAME|FILE",
                   help="built-in scenario name or TOML file (default: ussr-1928)")


def _add_list_show(p: argparse.ArgumentParser, list_cmd: tuple[str, Callable[..., Any]],
                   show_cmd: tuple[str, Callable[..., Any]],
                   show_metavar: str) -> argparse._SubParsersAction:
    """Give ``p`` the actions ``list`` and ``show NAME`` (each with its help and handler)."""
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = actions.add_parser("list", help=list_cmd[0])
    _add_output(q)
    q.set_defaults(handler=list_cmd[1])
    q = actions.add_parser("show", help=show_cmd[0])
    q.add_argument("name", metavar=show_metavar)
    _add_output(q)
    q.set_defaults(handler=show_cmd[1])
    return actions


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``nonequivalent`` command.

    Returns
    -------
    argparse.ArgumentParser

    Examples
    --------
    >>> args = build_parser().parse_args(["report", "--format", "json"])
    >>> args.command, args.scenario, args.format
    ('report', 'ussr-1928', 'json')
    """
    from . import __version__

    parser = _Parser(prog=PROG, description=(
        "Non-equivalent exchange, the price scissors and primitive socialist accumulation: "
        "surplus accounts by group, plan variants and sweeps on calibrated scenarios."),
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EXAMPLES)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("report", help="surplus account by group, scissors, tribute, households",
                       description="Report the surplus account of a scenario by group (peasants,"
                       " workers, two-earner households, state), the price scissors, the "
                       "tribute and the household figures.")
    _add_scenario(p)
    p.add_argument("--later", metavar="NAME|FILE|none",
                   help="a later period to compare with, and decompose the sources of "
                        "accumulation against (default: ussr-1932 for ussr-1928, none "
                        "otherwise; 'none' for a single period)")
    _add_output(p)
    p.add_argument("--plot", metavar="FILE", help="also write the report figure (PNG, PDF, SVG)")
    from .uncertainty_cli import add_arguments as _add_uncertainty
    _add_uncertainty(p)
    p.set_defaults(handler=_cmd_report)

    p = sub.add_parser("compare", help="compare plan variants: table and figure",
                       description="Solve the plan variants (NEP continuation, the left "
                       "course, the 1929 maximum variant) on the same calibrated multi-year "
                       "plan and compare capacity, consumption and who bears the cost.")
    p.add_argument("--variant", action="append", metavar="NAME", dest="variants",
                   help="compare only this variant (repeatable; a unique part of the name "
                        "will do, e.g. 'left'; default: all)")
    p.add_argument("--years", type=int, default=5, metavar="T",
                   help="length of the plan in years (default: 5)")
    p.add_argument("--start-year", type=int, default=1928, metavar="YEAR",
                   help="first year of the plan (default: 1928)")
    p.add_argument("--no-progress", action="store_true", help="do not draw the progress bar")
    _add_output(p)
    p.add_argument("--plot", metavar="FILE", help="write the capacity/consumption figure")
    p.set_defaults(handler=_cmd_compare)

    p = sub.add_parser("sweep", help="tribute over a grid of agricultural/industrial price ratios",
                       description="Recompute the peasants' tribute (underpayment, "
                       "overpayment, taxes) over a grid of terms of trade: the price of the "
                       "good they market relative to industrial prices, each against the "
                       "scenario's benchmark (1 = parity). One matrix product per block of the "
                       "grid; results as CSV by default.")
    _add_scenario(p)
    p.add_argument("--ratio-min", type=float, default=0.2, metavar="X",
                   help="lowest terms of trade, relative to the benchmark (default: 0.2)")
    p.add_argument("--ratio-max", type=float, default=1.5, metavar="Y",
                   help="highest terms of trade, relative to the benchmark (default: 1.5)")
    p.add_argument("--steps", type=int, default=131, metavar="N",
                   help="number of grid points (default: 131, a step of 0.01)")
    p.add_argument("--no-progress", action="store_true", help="do not draw the progress bar")
    _add_output(p, fmt="csv")
    p.set_defaults(handler=_cmd_sweep)

    p = sub.add_parser("data", help="historical datasets and their sources")
    _add_list_show(p, ("list the datasets with their sources", _cmd_data_list),
                   ("print one dataset with its sources", _cmd_data_show), "NAME")

    p = sub.add_parser("scenario", help="show scenarios or write one as a template")
    ssub = _add_list_show(p, ("list the built-in scenarios", _cmd_scenario_list),
                          ("print a scenario's parameters and sources", _cmd_scenario_show),
                          "NAME|FILE")
    q = ssub.add_parser("write", help="write a scenario to a TOML file, as a template to edit")
    q.add_argument("name", metavar="NAME|FILE")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    q.set_defaults(handler=_cmd_scenario_write)

    p = sub.add_parser("exercise", help="generate an exercise (and its worked solution)",
                       description="Generate an exercise on TOPIC from a seed; 'exercise list'"
                       " lists the topics.")
    p.add_argument("topic", metavar="TOPIC", help="exercise topic, or 'list'")
    p.add_argument("--seed", type=int, default=None, metavar="N",
                   help="seed, a non-negative integer: the same seed gives the same "
                        "exercise (default: 0)")
    p.add_argument("--solution", action="store_true", help="print the worked solution too")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE")
    p.set_defaults(handler=_cmd_exercise)
    return parser


# =============================================================================== commands
def _load_scenario(name: str) -> Any:
    from . import scenarios

    return scenarios.load(name)


#: Later period compared with a built-in scenario when ``--later`` is not given.
DEFAULT_LATER = {"ussr-1928": "ussr-1932"}

_HOURS_COLUMNS = {"hours_given": "hours given", "hours_received": "hours received",
                  "surplus_hours": "surplus (hours)", "share_hours": "share of fund (%)"}
_MONEY_COLUMNS = {"taxes": "taxes", "underpayment": "underpayment",
                  "overpayment": "overpayment", "surplus_money": "surplus (money)",
                  "share_money": "share of fund (%)"}


@dataclass(frozen=True)
class _Period:
    """One scenario with the results the report prints and draws (all from the library)."""

    scenario: Any
    account: Any          # SurplusAccount
    tribute: Any          # Tribute
    tax_rate: float
    squeeze: Any          # SqueezeDiagnostic
    benchmark_price: float
    earners: Any          # EarnersNeeded

    @property
    def label(self) -> str:
        return str(self.scenario.year)


def _period(sc: Any) -> _Period:
    from .households import earners_needed
    from .procurement import squeeze_diagnostic
    from .tribute import equivalent_tax_rate, tribute

    account = sc.surplus_account()
    bench = account.benchmark
    trib = tribute(sc.peasants(), sc.prices_series(), bench)
    rate = equivalent_tax_rate(trib) if trib.sales_value_benchmark > 0 else math.nan
    good = sc.marketing.good
    pe = float(bench.prices[good])
    squeeze = squeeze_diagnostic(sc.marketing_response(), pe, float(sc.prices[good]))
    earners = earners_needed(1.0, sc.real_wage_cut)
    return _Period(sc, account, trib, rate, squeeze, pe, earners)


def _units(sc: Any) -> tuple[str, str, str]:
    """Units of economy-wide hours, of money and of prices, read from the scenario's units.

    A scenario states its units in words (``units`` in the file); economy-wide flows in
    millions and prices in rubles are recognized, other scenarios get the plain words.
    """
    text = str(sc.units).lower()
    scale = "million " if "million" in text else ""
    currency = "rubles" if "ruble" in text else "money units"
    return f"{scale}hours", f"{scale}{currency}", f"{currency} per unit"


def _later_name(args: argparse.Namespace) -> str | None:
    later = args.later
    if later is None:
        return DEFAULT_LATER.get(args.scenario)
    return None if later.lower() == "none" else later


def _account_sections(per: _Period) -> list[Section]:
    table = per.account.table.copy()
    table[["share_hours", "share_money"]] *= 100.0
    hours = table[list(_HOURS_COLUMNS)].rename(columns=_HOURS_COLUMNS)
    money = table[list(_MONEY_COLUMNS)].rename(columns=_MONEY_COLUMNS)
    rec = per.account.reconciliation
    diff = rec.loc["difference"].abs().max()
    hours_unit, money_unit, _ = _units(per.scenario)
    currency = money_unit.removeprefix("million ")
    share = _HOURS_COLUMNS["share_hours"]
    return [
        Section(f"Surplus account by group, {per.label}: {hours_unit}", hours, (
            "surplus = given − received for a group; for the state, received − given: the "
            "accumulation fund. Two-earner households: hours of the earners beyond one per "
            "household (carved out of the workers' row).",),
            units={**{c: "hours" for c in hours.columns if c != share}, share: "%"}),
        Section(f"Surplus account by group, {per.label}: {money_unit} at benchmark prices",
                money, (
            "tribute = taxes + underpayment + overpayment. Peasants: underpayment on the "
            "goods they sell, overpayment on those they buy; workers: underpayment on labour "
            "power (μ h − w per worker), overpayment on their basket at retail prices. "
            f"One hour = "
            f"{per.account.melt:.6g} {currency} at the benchmark (the MELT μ). Reconciled "
            f"with the state's receipts: {'yes' if per.account.is_reconciled else 'NO'} "
            f"(largest difference {diff:.3g} {money_unit}).",),
            units={**{c: "money" for c in money.columns if c != share}, share: "%"}),
    ]


def _tribute_section(periods: list[_Period]) -> Section:
    cols = {}
    hours_unit, money_unit, _ = _units(periods[0].scenario)
    labels = {"overpayment": f"overpayment for dear manufactures ({money_unit})",
              "underpayment": f"underpayment for cheap grain ({money_unit})",
              "taxes": f"direct taxes ({money_unit})",
              "total": f"total tribute ({money_unit})",
              "rate": "equivalent tax rate on sales (share)",
              "given": f"labour given ({hours_unit})",
              "received": f"labour received ({hours_unit})",
              "E": "non-equivalence ratio E (ratio)"}
    for per in periods:
        t = per.tribute
        exch = per.account.exchange.by_group.iloc[0]
        cols[per.label] = pd.Series({
            labels["overpayment"]: t.overpayment,
            labels["underpayment"]: t.underpayment,
            labels["taxes"]: t.taxes,
            labels["total"]: t.total,
            labels["rate"]: per.tax_rate,
            labels["given"]: float(exch["labour_given"]),
            labels["received"]: float(exch["labour_received"]),
            labels["E"]: float(exch["nonequivalence_ratio"]),
        })
    table = pd.DataFrame(cols)
    table.index.name = "peasants"
    kinds = {"overpayment": "money", "underpayment": "money", "taxes": "money",
             "total": "money", "rate": "ratio", "given": "hours", "received": "hours",
             "E": "ratio"}
    return Section("Tribute of the peasantry (Stalin, July 1928), at benchmark prices",
                   table, rowwise=True, units={labels[k]: u for k, u in kinds.items()}, notes=(
                       "E = labour given / labour received (1 = equivalent exchange); the "
                       "equivalent tax rate is the rate on the sales' benchmark value that "
                       "would raise the same tribute.",))


def _squeeze_section(periods: list[_Period]) -> Section:
    cols = {}
    notes = []
    _, money_unit, price_unit = _units(periods[0].scenario)
    labels = {"pe": (f"benchmark price pᵉ ({price_unit})", "price"),
              "p": (f"procurement price p ({price_unit})", "price"),
              "E": (f"extraction (pᵉ − p) q(p) ({money_unit})", "money"),
              "p*": (f"optimal price p* ({price_unit})", "price"),
              "E*": (f"maximum extraction ({money_unit})", "money"),
              "gap": (f"shortfall from maximum ({money_unit})", "money")}
    for per in periods:
        d = per.squeeze
        cols[per.label] = pd.Series({
            labels["pe"][0]: per.benchmark_price,
            labels["p"][0]: d.price,
            labels["E"][0]: d.extraction,
            labels["p*"][0]: d.optimum.price,
            labels["E*"][0]: d.optimum.extraction,
            labels["gap"][0]: d.shortfall,
        })
        notes.append(f"{per.label}: {d.message}")
    table = pd.DataFrame(cols)
    table.index.name = per.scenario.marketing.good
    m = periods[0].scenario.marketing
    notes.insert(0, f"Marketing response q(p) = q0 (p/p0)^ε with ε = {m.elasticity:g}; "
                    f"optimum by {d.optimum.method}.")
    return Section("The grain squeeze: extraction against its maximum", table, tuple(notes),
                   rowwise=True, units=dict(labels.values()))


def _households_section(periods: list[_Period]) -> Section:
    cols = {}
    text = str(periods[0].scenario.units).lower()
    people = "millions" if "workers in millions" in text else "persons"
    labels = {"N": (f"workers ({people})", "people"),
              "h": ("hours per worker (hours a year)", "worker hours"),
              "v": ("value of labour power v (hours a year)", "worker hours"),
              "s": ("surplus labour h − v (hours a year)", "worker hours"),
              "e": ("rate of exploitation e = (h − v)/v (ratio)", "ratio"),
              "delta": ("real-wage cut δ (share of the base wage)", "ratio"),
              "m": ("earners needed m0/(1−δ), m0 = 1 (persons)", "earners"),
              "whole": ("whole earners, rounded up (persons)", "earners"),
              "hm": ("earners per household (persons)", "earners"),
              "ef": ("family rate of exploitation e_f (ratio)", "ratio"),
              "extra": (f"extra earners in all households ({people})", "people")}
    for per in periods:
        w = per.account.worker
        h = per.account.household
        row = {
            labels["N"][0]: per.account.n_workers,
            labels["h"][0]: w.hours,
            labels["v"][0]: w.value_of_labour_power,
            labels["s"][0]: w.surplus_labour,
            labels["e"][0]: w.rate_of_exploitation,
            labels["delta"][0]: per.earners.real_wage_cut,
            labels["m"][0]: per.earners.fractional,
            labels["whole"][0]: float(per.earners.whole),
        }
        if h is not None:
            row.update({labels["hm"][0]: float(h.earners),
                        labels["ef"][0]: h.rate_of_exploitation,
                        labels["extra"][0]: per.account.extra_earners})
        cols[per.label] = pd.Series(row)
    table = pd.DataFrame(cols)
    table.index.name = "workers and households"
    return Section("Workers and the two-earner household", table, rowwise=True,
                   units=dict(labels.values()), notes=(
        "Per worker and per household per year; the family keeps its basket after a "
        "real-wage cut δ by adding earners (Marx, Capital I, ch. 15 §3a).",))


def _sources_section(pair: Any) -> Section:
    hours = pair.sources_of_accumulation(measure="hours")
    money = pair.sources_of_accumulation(measure="money")
    hours_unit, money_unit, _ = _units(pair.base)
    h, m = f"Δ {hours_unit}", f"Δ {money_unit}"
    table = pd.DataFrame({"group": hours.to_frame()["group"],
                          h: hours.contributions, "share (hours, %)": 100 * hours.shares,
                          m: money.contributions,
                          "share (money, %)": 100 * money.shares})
    by_group = pd.DataFrame({"group": "total", h: hours.by_group,
                             "share (hours, %)": 100 * hours.group_shares,
                             m: money.by_group,
                             "share (money, %)": 100 * money.group_shares})
    by_group.index = [f"{g} (total)" for g in by_group.index]
    table = pd.concat([table, by_group])
    table.index.name = "source"
    return Section(
        f"Sources of accumulation {hours.base_label} → {hours.later_label}", table, (
            f"Change in the accumulation fund: {hours.change:,.0f} {hours_unit}, "
            f"{money.change:,.0f} {money_unit} at benchmark prices, split exactly by the "
            f"{hours.method}.",
            "Money is each year's benchmark money at that year's prices: where prices "
            "changed between the years (see each scenario's units) the money change "
            "includes the change in the price level; the hours columns do not."),
        units={h: "hours", m: "money", "share (hours, %)": "%", "share (money, %)": "%"})


def _scissors_section(sc: Any) -> Section | None:
    if sc.scissors is None:
        return None
    frame = sc.scissors_frame().rename(columns={"ratio": "scissors σ"})
    base = sc.scissors.base
    return Section(f"The price scissors (indices, {base} = 100)", frame, (
        "σ = industrial index / agricultural index against the same base; σ > 1: the "
        "blades open against agriculture.",))


def _provenance_note(sc: Any) -> str:
    kinds = [v["kind"] for v in sc.provenance.values()]
    return (f"Scenario {sc.name!r}: {kinds.count('historical')} parameters are historical "
            f"records (with sources), {kinds.count('assumption')} are calibration "
            f"assumptions (with reasons); see 'nonequivalent scenario show {sc.name}'.")


def _report_document(periods: list[_Period], pair: Any) -> Document:
    base = periods[0]
    names = " and ".join(repr(p.scenario.name) for p in periods)
    sections: list[Section] = []
    for per in periods:
        sections += _account_sections(per)
    if pair is not None:
        sections.append(_sources_section(pair))
    sections.append(_tribute_section(periods))
    sc_section = _scissors_section(base.scenario)
    if sc_section is not None:
        sections.append(sc_section)
    sections.append(_squeeze_section(periods))
    sections.append(_households_section(periods))
    notes = [f"{p.label}: {p.scenario.description}." for p in periods]
    for p in periods:
        bench = p.account.benchmark
        notes.append(f"Benchmark of equivalent exchange ({p.label}): "
                     f"{bench.description or bench.name}.")
    notes.append(f"Units: {base.scenario.units}.")
    notes += [_provenance_note(p.scenario) for p in periods]
    meta = {"scenarios": [p.scenario.name for p in periods],
            "benchmark": base.account.benchmark.name,
            "melt": {p.label: p.account.melt for p in periods}}
    return Document(f"Surplus report: scenario {names}", tuple(sections), tuple(notes), meta)


def _figure_source(periods: list[_Period]) -> str:
    names = ", ".join(f"'{p.scenario.name}'" for p in periods)
    prov = periods[0].scenario.provenance
    parts = [f"Source: nonequivalent scenarios {names} (calibrated; parameters marked "
             "historical or assumed in each scenario file)"]
    if "scissors" in prov and prov["scissors"].get("source"):
        parts.append("scissors: " + prov["scissors"]["source"].split(". No later")[0])
    return "; ".join(parts) + "."


def _report_figure(periods: list[_Period]) -> Any:
    from . import plotting
    from .households import earners_needed
    from .procurement import extraction

    base = periods[0]
    sc = base.scenario
    scissors = None
    if sc.scissors is not None:
        scissors = sc.scissors_frame().rename(columns={"ratio": "scissors"})
    pe = base.benchmark_price
    grid = pd.Series(np.linspace(pe / 50, pe, 200))
    curve = pd.Series(extraction(sc.marketing_response(), pe, grid.to_numpy()),
                      index=grid.to_numpy())
    good = sc.marketing.good
    extraction_part = {"curve": curve, "optimum": base.squeeze.optimum,
                       "current": (base.squeeze.price, base.squeeze.extraction),
                       "benchmark_price": pe, "unit": "money at benchmark prices",
                       "price_unit": f"{good}, money per unit",
                       "title": f"The grain squeeze, {base.label}: harder collects less"}
    surplus = pd.DataFrame({p.label: p.account.table["surplus_hours"] for p in periods})
    surplus.columns.name = "year"
    wage = np.linspace(100.0, 40.0, 121)
    need = [earners_needed(1.0, 1.0 - w / 100.0) for w in wage]
    earners = pd.DataFrame({"earners needed m0/(1−δ)": [e.fractional for e in need],
                            "whole earners": [float(e.whole) for e in need]}, index=wage)
    observed = pd.DataFrame({
        "scenario household": [float(p.scenario.household.earners)
                               for p in periods],
        "label": [p.label for p in periods]},
        index=[100.0 * (1.0 - p.scenario.real_wage_cut) for p in periods])
    unit, _, _ = _units(sc)
    return plotting.report_figure(
        scissors=scissors, extraction=extraction_part, surplus=surplus,
        earners={"data": earners, "observed": observed,
                 "wage_unit": f"index, {sc.year} = 100"},
        title="Non-equivalent exchange and the sources of accumulation: "
              + " and ".join(p.label for p in periods),
        surplus_unit=unit, source=_figure_source(periods))


def _cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from . import scenarios

    if args.draws is not None:
        from .uncertainty_cli import report_with_intervals
        return report_with_intervals(args, out)

    base = _load_scenario(args.scenario)
    later_name = _later_name(args)
    periods = [_period(base)]
    pair = None
    if later_name is not None:
        later = _load_scenario(later_name)
        pair = scenarios.pair(base, later)
        periods.append(_period(later))
    doc = _report_document(periods, pair)
    _write(render(doc, args.format), args.output, out)
    if args.plot:
        _save_plot(_report_figure(periods), args.plot)
    return 0


@contextlib.contextmanager
def _solver_chatter_to_stderr() -> Iterator[None]:
    """Send what a solver's C library prints on file descriptor 1 to standard error.

    Some solver builds print a banner on stdout when they start, which would corrupt a
    CSV or JSON written to standard output.
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):
        yield
        return
    sys.stdout.flush()
    saved = os.dup(fd)
    try:
        os.dup2(sys.stderr.fileno() if _has_fileno(sys.stderr) else os.open(os.devnull,
                                                                          os.O_WRONLY), fd)
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, fd)
        os.close(saved)


def _has_fileno(stream: Any) -> bool:
    try:
        stream.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):
        return False
    return True


def _pick_variants(names: Sequence[str] | None) -> list[Any]:
    from .planning import BUILTIN_VARIANTS

    if not names:
        return list(BUILTIN_VARIANTS)
    known = {v.name.lower(): v for v in BUILTIN_VARIANTS}
    picked = []
    for name in names:
        matches = [v for key, v in known.items() if key == name.lower()] or \
            [v for key, v in known.items() if name.lower() in key]
        if len(matches) != 1:
            raise UsageError(f"--variant {name!r} names {'no' if not matches else 'more than one'}"
                             f" variant; the variants are: "
                             f"{', '.join(repr(v.name) for v in BUILTIN_VARIANTS)}.")
        if matches[0] not in picked:
            picked.append(matches[0])
    return picked


def _cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    from .planning import base_plan, compare

    if not 1 <= args.years <= 50:
        raise UsageError(f"--years must be between 1 and 50, got {args.years}.")
    variants = _pick_variants(args.variants)
    base = base_plan(years=args.years, start_year=args.start_year)
    bar = Progress(1, "compare", enabled=not args.no_progress)
    with _solver_chatter_to_stderr():
        comparison = compare(variants, base=base)
        bar.advance()
    bar.close()
    table, results = comparison.table, comparison.results
    measures = table.T
    measures.index.name = "measure"
    heavy = base.heavy_sector
    years = next(iter(results.values())).output.columns
    capacity = pd.DataFrame({name: r.capacity.loc[heavy, years] for name, r in results.items()})
    capacity.index.name = "year"
    wage = pd.DataFrame({name: r.real_wage for name, r in results.items()})
    wage.index.name = "year"
    notes = tuple(f"{v.name}: {v.description} ({v.source})." for v in variants)
    doc = Document(
        f"Plan variants {years[0]}–{years[-1]} on the calibrated town–country economy",
        (Section("Variants compared", measures, (
            "Heavy capacity growth = terminal / initial capacity; consumption per head in "
            "hours of labour value per hour of labour supply; surplus labour and shares by "
            "group from the plan's labour account.",), rowwise=True),
         Section(f"Capacity of {heavy} by year (units of output)", capacity),
         Section("Real wage by year (baskets per hour; 1 = base wage)", wage)),
        notes=(*notes, "Every parameter of the planning model is a calibration assumption, "
                       "not a historical record (nonequivalent.planning.variants)."),
        meta={"variants": [v.name for v in variants], "years": [int(y) for y in years]})
    _write(render(doc, args.format), args.output, out)
    if args.plot:
        _save_plot(_variants_plot(results, heavy, years), args.plot)
    return 0


def _variants_plot(results: dict[str, Any], heavy: str, years: Any) -> Any:
    from . import plotting

    paths = {}
    for name, r in results.items():
        frame = pd.DataFrame({
            "capacity": r.capacity.loc[heavy, years].to_numpy(dtype=float),
            "workers' consumption": r.consumption.loc["workers"].to_numpy(dtype=float),
            "peasants' consumption": r.consumption.loc["peasants"].to_numpy(dtype=float),
            "real wage": r.real_wage.to_numpy(dtype=float),
        }, index=pd.Index(years, name="year"))
        paths[name] = frame
    panels = [("capacity", f"Capacity of {heavy}", "units of output"),
              ("real wage", "Workers' real wage", "baskets per hour, base = 1"),
              ("workers' consumption", "Workers' consumption", "baskets"),
              ("peasants' consumption", "Peasants' consumption", "baskets")]
    return plotting.variants_figure(
        paths, panels=panels,
        title="Plan variants: capacity and consumption paths",
        source="Source: nonequivalent.planning variants (Bukharin 1928; Preobrazhensky 1926; "
               "Stalin, July 1928 and the 1929 plan) solved with HiGHS on the calibrated "
               "town–country economy; every parameter is a calibration assumption.")


#: Largest grid a sweep accepts (a guard against a mistyped --steps).
MAX_STEPS = 1_000_000
#: Fewest price scenarios evaluated in one matrix product by ``sweep``.
SWEEP_BLOCK = 10_000


def _sweep_grid(args: argparse.Namespace) -> np.ndarray:
    lo, hi, steps = args.ratio_min, args.ratio_max, args.steps
    if not (math.isfinite(lo) and math.isfinite(hi)) or lo <= 0:
        raise UsageError(f"--ratio-min must be a positive number, got {lo}; the terms of "
                         "trade are a ratio of prices (1 = parity with the benchmark).")
    if hi < lo:
        raise UsageError(f"--ratio-max ({hi}) is below --ratio-min ({lo}).")
    if not 2 <= steps <= MAX_STEPS:
        raise UsageError(f"--steps must be between 2 and {MAX_STEPS:,}, got {steps}.")
    return np.round(np.linspace(lo, hi, steps), 12)   # 0.7, not 0.7000000000000001


def _cmd_sweep(args: argparse.Namespace, out: TextIO) -> int:
    from .exchange import scaled_price_matrix, transfer_sweep
    from .procurement import extraction
    from .scissors import terms_of_trade

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
        text = table.reset_index().to_csv(index=False, lineterminator="\n")
    else:
        text = render(doc, args.format)
    _write(text, args.output, out)
    best = table["extraction with response"].idxmax()
    print(f"{PROG}: sweep of {len(ratios)} terms of trade from {ratios[0]:g} to "
          f"{ratios[-1]:g}: tribute {table['tribute'].min():,.6g} to "
          f"{table['tribute'].max():,.6g}; with the marketing response, extraction peaks at "
          f"terms of trade {best:.4g} (scenario: {current:.4g})", file=sys.stderr)
    return 0


def _source_notes(sources: Sequence[str], start: int = 1) -> tuple[str, ...]:
    return tuple(f"[{i}] {s}" for i, s in enumerate(sources, start=start))


def _cmd_data_list(args: argparse.Namespace, out: TextIO) -> int:
    from . import datasets

    catalogue = datasets.list()
    citations = [datasets.load(name).attrs.get("citation", []) for name in catalogue.index]
    sources: list[str] = []
    refs = []
    for cited in citations:
        nums = []
        for src in cited:
            if src not in sources:
                sources.append(src)
            nums.append(sources.index(src) + 1)
        refs.append(", ".join(f"[{k}]" for k in nums))
    table = catalogue[["title", "rows", "years"]].copy()
    table.index.name = "dataset"
    if args.format in ("json", "csv"):
        table["description"] = catalogue["description"]
        table["sources"] = ["; ".join(cited) for cited in citations]
        notes: tuple[str, ...] = ()
    else:
        table["sources"] = refs
        notes = ("Sources:", *_source_notes(sources))
    doc = Document("Historical datasets", (Section("Datasets", table, notes),),
                   notes=("Show one with: nonequivalent data show NAME",))
    _write(render(doc, args.format), args.output, out)
    return 0


def _cmd_data_show(args: argparse.Namespace, out: TextIO) -> int:
    from . import datasets

    df = datasets.load(args.name)
    meta = df.attrs
    if args.format == "csv":  # the dataset itself, every column
        _write(df.to_csv(index=False, lineterminator="\n"), args.output, out)
        return 0
    cited = list(meta.get("citation", []))
    table = df[["series", "period", "value", "unit", "low", "high", "confidence"]].copy()
    if args.format == "json":
        table = df.copy()
        notes: tuple[str, ...] = ()
    else:
        table["source"] = [f"[{cited.index(s) + 1}]" for s in df["source"]]
        notes = ("Sources:", *_source_notes(cited))
    table.index = pd.RangeIndex(1, len(table) + 1, name="row")
    doc = Document(f"{meta.get('name', args.name)}: {meta.get('title', '')}",
                   (Section("Figures", table, notes, exact=True),),
                   notes=(str(meta.get("description", "")),))
    _write(render(doc, args.format), args.output, out)
    return 0


def _cmd_scenario_list(args: argparse.Namespace, out: TextIO) -> int:
    from . import scenarios

    rows = []
    for name in scenarios.builtin():
        sc = scenarios.load(name)
        kinds = [v["kind"] for v in sc.provenance.values()]
        rows.append({"scenario": name, "year": sc.year, "description": sc.description,
                     "historical": kinds.count("historical"),
                     "assumed": kinds.count("assumption")})
    table = pd.DataFrame(rows).set_index("scenario")
    doc = Document("Built-in scenarios", (Section("Scenarios", table, (
        "historical / assumed: how many parameters are records (with a source) and how many "
        "are calibration assumptions (with a reason).",
        "Show one with: nonequivalent scenario show NAME; copy one as a template with: "
        "nonequivalent scenario write NAME FILE"),),))
    _write(render(doc, args.format), args.output, out)
    return 0


def _scenario_document(sc: Any) -> Document:
    """Every parameter of a scenario, in tables, with its provenance."""
    sectors = pd.Index(sc.sectors, name="sector")
    peasants, workers = sc.peasants, sc.workers
    household, marketing = sc.household, sc.marketing
    b, scissors = sc.benchmark, sc.scissors

    def col(mapping: Any) -> list[float]:
        return [float(mapping.get(s, 0.0)) for s in sectors]

    goods = pd.DataFrame({
        "final demand": col(sc.final_demand),
        "price": col(sc.prices),
        "peasants sell": col(peasants.sells),
        "peasants buy": col(peasants.buys),
        "worker basket": col(workers.basket),
        "family basket": col(household.basket),
    }, index=sectors)
    if workers.retail_prices is not None:
        goods["retail price"] = col(workers.retail_prices)
    if b.prices is not None:
        goods["benchmark price"] = col(b.prices)
    labour = pd.DataFrame({k: list(v) for k, v in sc.labour.items()}, index=sectors).T
    labour.index.name = "labour kind"
    bench = b.kind + (f" ({b.normalization})" if b.normalization else "") + \
        (f", r = {b.profit_rate:g}" if b.profit_rate is not None else "") + \
        (f", exchange rate {b.exchange_rate:g}" if b.exchange_rate is not None else "") + \
        (f" '{b.name}'" if b.name else "")
    params = [
        ("benchmark", bench),
        ("peasants.taxes", f"{peasants.taxes:g}"),
        ("workers.number", f"{workers.number:g}"),
        ("workers.hours", f"{workers.hours:g}"),
        ("workers.money_wage", f"{workers.money_wage:g}"),
        ("household.number", f"{household.number:g}"),
        ("household.members", f"{household.members}"),
        ("household.earners", f"{household.earners}"),
        ("household.hours_per_earner", f"{household.hours_per_earner:g}"),
        ("household.domestic_hours", f"{household.domestic_hours:g}"),
        ("real_wage.cut", f"{sc.real_wage_cut:g}"),
        ("marketing", f"{marketing.good}: q0 = {marketing.q0:g} at p0 = {marketing.p0:g}, "
                      f"elasticity {marketing.elasticity:g}"),
    ]
    ptable = pd.DataFrame(params, columns=["parameter", "value"]).set_index("parameter")
    sections = [
        Section("Technical coefficients A (input of row good per unit of column sector)",
                sc.technical_matrix()),
        Section("Labour coefficients (hours per unit of gross output)", labour),
        Section("Goods: final demand, prices, what the groups sell and buy", goods),
        Section("Parameters", ptable),
    ]
    if scissors is not None:
        sections.append(Section(f"Price scissors (indices, {scissors.base} = 100)",
                                sc.scissors_frame()))
    sections.append(Section("Provenance of every parameter", sc.provenance_frame(), (
        "historical = a record with its source; assumption = a calibration choice with its "
        "reason.",)))
    return Document(f"Scenario {sc.name!r} ({sc.year})", tuple(sections),
                    notes=(sc.description, f"Units: {sc.units}"))


def _cmd_scenario_show(args: argparse.Namespace, out: TextIO) -> int:
    sc = _load_scenario(args.name)
    _write(render(_scenario_document(sc), args.format), args.output, out)
    return 0


def _cmd_scenario_write(args: argparse.Namespace, out: TextIO) -> int:
    from . import scenarios

    sc = _load_scenario(args.name)
    target = Path(args.file)
    if target.exists() and not args.force:
        raise UsageError(f"{args.file!r} exists; choose another file or add --force to "
                         "overwrite it.")
    if target.suffix.lower() != ".toml":
        raise UsageError(f"scenario files are TOML: name the file '*.toml', not "
                         f"{args.file!r}.")
    try:
        written = scenarios.save(sc, target)
    except OSError as exc:
        raise UsageError(f"cannot write {args.file!r}: {exc.strerror or exc}.") from None
    print(f"{PROG}: wrote scenario {sc.name!r} to {written}; edit it and run "
          f"'{PROG} report --scenario {written}'", file=sys.stderr)
    return 0


def _cmd_exercise(args: argparse.Namespace, out: TextIO) -> int:
    from . import exercises

    if args.topic == "list":
        table = pd.DataFrame({"description": pd.Series(exercises.topics())})
        table.index.name = "topic"
        doc = Document("Exercise topics", (Section("Topics", table, (
            "Generate one with: nonequivalent exercise TOPIC --seed N [--solution]",)),))
        _write(render(doc, "text"), args.output, out)
        return 0
    if args.seed is not None and args.seed < 0:
        raise UsageError(f"--seed must be a non-negative integer, got {args.seed}.")
    exercise = exercises.generate(args.topic, seed=0 if args.seed is None else args.seed)
    _write(exercises.render(exercise, solution=args.solution), args.output, out)
    return 0


# =============================================================================== main
def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``nonequivalent`` command and return its exit status.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        0 on success, 2 on bad input (one line on standard error), 1 on an unexpected
        failure, 130 when interrupted.

    Examples
    --------
    >>> main(["--version"])                       # doctest: +ELLIPSIS
    nonequivalent ...
    0
    """
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # --help, --version, or a usage error (already reported)
        return int(exc.code) if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    handler: Callable[[argparse.Namespace, TextIO], int] = args.handler
    try:
        _check_targets(args)
        return handler(args, sys.stdout)
    except NonequivalentError as exc:
        print(f"{PROG}: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `nonequivalent report | head`: the reader has gone
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())   # no second error when Python exits
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
