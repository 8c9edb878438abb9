"""The commands of the ``nonequivalent`` program: argument parser, handlers, :func:`main`."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import math
import os
import shlex
import shutil
import sys
import textwrap
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

import numpy as np
import pandas as pd

from ..errors import NonequivalentError
from .render import (
    FORMATS,
    PROG,
    Document,
    Progress,
    Section,
    UsageError,
    _is_terminal,
    _write,
    frame_csv,
    render,
    render_report,
    report_document,
)

__all__ = ["EXAMPLES", "build_parser", "main"]

#: Later scenario compared with a built-in one when ``--later`` is not given.
DEFAULT_LATER = {"ussr-1928": "ussr-1932"}

#: Examples printed by ``nonequivalent --help``.
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


#: Arguments that may name an input file (a scenario, variants or a table).
_INPUT_ARGS = ("scenario", "later", "name", "variants_file", "table")


def _resolved(path: str) -> Path:
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError, ValueError):
        return Path(os.path.abspath(path))


def _check_targets(args: argparse.Namespace) -> None:
    """Fail before any work if --output or --plot cannot or must not be written.

    An existing file is overwritten only with ``--force``; a file the command reads
    (``--scenario``, ``--later``, the scenario ``NAME|FILE``, ``--variants``, ``TABLE``) is
    never overwritten, even with ``--force``.
    """
    targets = [(opt, value) for opt, value in (("--output", getattr(args, "output", None)),
                                               ("--plot", getattr(args, "plot", None)))
               if value not in (None, "-", "")]
    if getattr(args, "command", None) == "scenario" and getattr(args, "file", None):
        targets.append(("FILE", args.file))
    inputs = {}
    for name in _INPUT_ARGS:
        value = getattr(args, name, None)
        if isinstance(value, str) and value and os.path.exists(value):
            inputs[_resolved(value)] = value
    seen: dict[Path, str] = {}
    for opt, value in targets:
        where = _resolved(value)
        if where in inputs:
            raise UsageError(f"{opt} {value!r} is the input file {inputs[where]!r}; write to "
                             "another file (an input is never overwritten).")
        if where in seen:
            raise UsageError(f"{opt} and {seen[where]} name the same file {value!r}; give "
                             "two different files.")
        seen[where] = opt
        if where.is_dir():
            raise UsageError(f"cannot write {value!r}: it is a directory.")
        parent = where.parent
        if not parent.is_dir():
            raise UsageError(f"cannot write {value!r}: directory {str(Path(value).parent)!r} "
                             "does not exist.")
        if opt != "FILE" and os.path.lexists(value) and not getattr(args, "force", False):
            raise UsageError(f"{value!r} exists; choose another file or add --force to "
                             "overwrite it.")
    if getattr(args, "plot", None):
        from ..plotting import check_figure_path

        check_figure_path(args.plot)


def _save_plot(fig: Any, path: str) -> None:
    from ..plotting import save_figure

    try:
        save_figure(fig, path)
    except OSError as exc:
        raise UsageError(f"cannot write figure {path!r}: {exc.strerror or exc}.") from None
    print(f"{PROG}: wrote figure {path}", file=sys.stderr)


# =============================================================================== parser
class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and exits with status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _add_output(p: argparse.ArgumentParser, fmt: str | None = "text") -> None:
    if fmt:
        p.add_argument("--format", "-f", choices=FORMATS, default=fmt,
                       help=f"output format (default: {fmt})")
        _add_width(p)
    p.add_argument("--output", "-o", metavar="FILE",
                   help="write the result to FILE instead of standard output")
    _add_force(p)


def _add_width(p: argparse.ArgumentParser) -> None:
    p.add_argument("--width", type=int, metavar="N",
                   help="longest line of text output: wider tables are wrapped (default: "
                        "the terminal's width; no limit when writing to a file or a pipe)")


#: Narrowest and widest --width accepted.
WIDTH_RANGE = (40, 1000)


def _width(args: argparse.Namespace, out: TextIO) -> int | None:
    """The width of text output: ``--width``, else the terminal's, else no limit."""
    width = getattr(args, "width", None)
    if width is not None:
        low, high = WIDTH_RANGE
        if not low <= width <= high:
            raise UsageError(f"--width must be between {low} and {high} characters, got "
                             f"{width}.")
        return width
    if getattr(args, "output", None) in (None, "-") and _is_terminal(out):
        return max(WIDTH_RANGE[0], shutil.get_terminal_size().columns)
    return None


def _add_force(p: argparse.ArgumentParser) -> None:
    p.add_argument("--force", action="store_true",
                   help="overwrite an existing --output/--plot file (never an input file)")


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
    from .. import __version__

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
    from ..uncertainty_cli import add_arguments as _add_uncertainty
    _add_uncertainty(p)
    p.set_defaults(handler=_cmd_report)

    p = sub.add_parser("compare", help="compare plan variants: table and figure",
                       description="Solve the plan variants (NEP continuation, the left "
                       "course, the 1929 maximum variant) on the same calibrated multi-year "
                       "plan and compare capacity, consumption and who bears the cost.")
    p.add_argument("--variant", action="append", metavar="NAME", dest="variants",
                   help="compare only this built-in variant (repeatable; a unique part of "
                        "the name will do, e.g. 'left'; default: all)")
    p.add_argument("--variants", metavar="FILE", dest="variants_file",
                   help="your own variants from a TOML file of [[variant]] tables (see "
                        "nonequivalent.planning.load_variants); compared with the built-in "
                        "ones named by --variant, if any")
    p.add_argument("--years", type=int, default=5, metavar="T",
                   help="length of the plan in years, 1 to 50 (default: 5); a horizon too "
                        "short for new capacity to mature may have no feasible plan, which "
                        "is reported as an error")
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
    q = ssub.add_parser("upgrade", help="print a scenario file in the current schema (2)",
                        description="Read a scenario file of any schema version and write it "
                        "in schema 2 (to standard output, or --output FILE); what the "
                        "conversion changed is noted on standard error.")
    q.add_argument("name", metavar="NAME|FILE")
    q.add_argument("--output", "-o", metavar="FILE", help="write to FILE (*.toml)")
    _add_force(q)
    q.set_defaults(handler=_cmd_scenario_upgrade)
    q = ssub.add_parser("keys", help="the keys of a scenario file, with types and units")
    q.add_argument("--output", "-o", metavar="FILE", help="write to FILE")
    _add_force(q)
    q.set_defaults(handler=_cmd_scenario_keys)

    p = sub.add_parser("exercise", help="generate an exercise (and its worked solution)",
                       description="Generate an exercise on TOPIC from a seed; 'exercise list'"
                       " lists the topics.")
    p.add_argument("topic", metavar="TOPIC", help="exercise topic, or 'list'")
    p.add_argument("--seed", type=int, default=None, metavar="N",
                   help="seed, a non-negative integer: the same seed gives the same "
                        "exercise (default: 0)")
    p.add_argument("--solution", action="store_true", help="print the worked solution too")
    p.add_argument("--check", metavar="ANSWER",
                   help="check your answer instead of printing the problem: the values in "
                        "the order of the parts, separated by commas ('19/4, 21/4, 21/19'), "
                        "or by name ('v = 19/4; e = 21/19')")
    p.add_argument("--format", "-f", choices=("text", "markdown", "latex"), default="text",
                   help="text: readable Unicode for a terminal (default); markdown or latex: "
                        "the math in LaTeX")
    _add_width(p)
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE")
    _add_force(p)
    p.set_defaults(handler=_cmd_exercise)

    from .. import _cli_global  # the global exchange account (multi-regional tables)

    _cli_global.add_parser(sub)
    return parser


# =============================================================================== commands
def _load_scenario(name: str) -> Any:
    from .. import scenarios

    try:
        return scenarios.load(name)
    except NonequivalentError:
        raise
    except (OSError, ValueError) as exc:   # a path the system cannot open (too long, NUL)
        reason = getattr(exc, "strerror", None) or exc
        raise UsageError(f"cannot read scenario {name[:80]!r}: {reason}; give a built-in "
                         "name (nonequivalent scenario list) or a TOML file.") from None


def _later_name(args: argparse.Namespace) -> str | None:
    later = args.later
    if later is None:
        return "default"
    return None if later.lower() == "none" else later


def _cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from ..report import report

    if args.draws is not None:
        from ..uncertainty_cli import report_with_intervals
        return report_with_intervals(args, out)

    base = _load_scenario(args.scenario)
    later = _later_name(args)
    if later == "default":
        later = DEFAULT_LATER.get(args.scenario)
    later_sc = None if later is None else _load_scenario(later)
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
    from ..planning import BUILTIN_VARIANTS

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
    from ..planning import base_plan, compare, load_variants

    if not 1 <= args.years <= 50:
        raise UsageError(f"--years must be between 1 and 50, got {args.years}.")
    if not 1800 <= args.start_year <= 2200:
        raise UsageError(f"--start-year must be between 1800 and 2200, got {args.start_year}.")
    variants = _pick_variants(args.variants)
    if args.variants_file:
        own = list(load_variants(args.variants_file))
        variants = own + (variants if args.variants else [])
    base = base_plan(years=args.years, start_year=args.start_year)
    bar = Progress(1, "compare", enabled=not args.no_progress)
    with _solver_chatter_to_stderr():
        comparison = compare(variants, base=base)
        bar.advance()
    bar.close()
    doc = _comparison_document(comparison, variants, args.format)
    _write(render(doc, args.format, _width(args, out)), args.output, out)
    if args.plot:
        results = comparison.results
        years = next(iter(results.values())).output.columns
        _save_plot(_variants_plot(results, base.heavy_sector, years), args.plot)
    return 0


def _comparison_document(comparison: Any, variants: Sequence[Any], fmt: str) -> Document:
    """Every quantity a comparison summarizes: constraints, results, capacity, real wage.

    What a variant sets (floors, caps, prices) is printed as a constraint, not a result; a
    real wage held on its floor or cap is marked "(floor)" / "(cap)"; alternative optima of
    a variant's LP are named in a note.
    """
    table, results = comparison.table, comparison.results
    wage_rows = [c for c in table.columns if c.startswith("real wage ")]
    measures = table.drop(columns=wage_rows).T
    measures.index.name = "measure"
    constraints = comparison.constraints.T
    constraints.index.name = "constraint"
    heavy = next(iter(results.values())).plan.heavy_sector
    capacity = comparison.heavy_capacity
    wages = comparison.real_wages
    marks = comparison.at_bound
    sections = [
        Section("Constraints set by each variant (inputs, not results)", constraints.astype(
            object).map(lambda v: v if isinstance(v, str) else f"{v:g}")),
        Section("Results of the optimal plans", measures, (
            "Heavy capacity growth = terminal / initial capacity (both in the next table); "
            "consumption per head in hours of labour value per hour of labour supply; "
            "surplus labour and shares by group from the plan's labour account.",),
            rowwise=True),
        Section(f"Capacity of {heavy} by year (units of output; the last year is the "
                "terminal capacity)", capacity)]
    wage_note = ("(floor) / (cap): the real wage is held there by the variant's constraint "
                 "(an input, not a result of the plan).")
    if fmt in ("text", "markdown"):
        shown = wages.map(lambda v: f"{v:.2f}")
        shown = shown.where(marks == "", shown + " (" + marks + ")")
        sections.append(Section("Real wage by year (baskets per hour; 1 = base wage)",
                                shown, (wage_note,)))
    else:
        sections.append(Section("Real wage by year (baskets per hour; 1 = base wage)", wages))
        sections.append(Section("Real wage held by a constraint", marks, (wage_note,)))
    alt = [name for name, flag in comparison.alternative_optima.items() if flag]
    if alt:
        alt_note = ("Alternative optima: the plans of " + ", ".join(map(repr, alt)) + " are "
                    "one optimum among several (a nonbasic variable has a zero reduced cost: "
                    "other plans reach the same objective); the tables show one of them.")
    else:
        alt_note = ("Alternative optima: none detected (every optimal plan is unique at its "
                    "vertex).")
    notes = tuple(f"{v.name}: {v.description} ({v.source})." for v in variants)
    years = capacity.index
    return Document(
        f"Plan variants {years[0]}–{years[-2]} on the calibrated town–country economy",
        tuple(sections),
        notes=(*notes, alt_note, "Every parameter of the planning model is a calibration "
               "assumption, not a historical record (nonequivalent.planning.variants)."),
        meta={"variants": list(results), "years": [int(y) for y in years[:-1]],
              "alternative_optima": alt})


def _variants_plot(results: dict[str, Any], heavy: str, years: Any) -> Any:
    from .. import plotting

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


#: Range of terms of trade a sweep accepts (relative to the benchmark, 1 = parity): prices
#: a million times below or above parity are outside any economic reading and would
#: overflow the tribute columns.
RATIO_RANGE = (1e-6, 1e6)


def _sweep_grid(args: argparse.Namespace) -> np.ndarray:
    lo, hi, steps = args.ratio_min, args.ratio_max, args.steps
    low, high = RATIO_RANGE
    for opt, value in (("--ratio-min", lo), ("--ratio-max", hi)):
        if not (math.isfinite(value) and low <= value <= high):
            raise UsageError(f"{opt} must be a number between {low:g} and {high:g}, got "
                             f"{value}; the terms of trade are a ratio of prices (1 = parity "
                             "with the benchmark).")
    if hi < lo:
        raise UsageError(f"--ratio-max ({hi}) is below --ratio-min ({lo}).")
    if not 2 <= steps <= MAX_STEPS:
        raise UsageError(f"--steps must be between 2 and {MAX_STEPS:,}, got {steps}.")
    grid = np.linspace(lo, hi, steps)
    # 12 significant digits: 0.7, not 0.7000000000000001 (and 1e-06 stays 1e-06): an
    # integer over an exact power of ten is the nearest double to the decimal
    scale = 10.0 ** (11 - np.floor(np.log10(grid)))
    return np.round(grid * scale) / scale


def _cmd_sweep(args: argparse.Namespace, out: TextIO) -> int:
    from ..procurement import extraction
    from ..scissors import terms_of_trade
    from ..sweeps import scaled_price_matrix, transfer_sweep

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
    if not np.isfinite(table.to_numpy(dtype=float)).all():
        raise UsageError(f"the tribute is not a finite number over --ratio-min {ratios[0]:g} "
                         f"to --ratio-max {ratios[-1]:g} for scenario {sc.name!r}; narrow "
                         "the range towards 1 (parity).")
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
        text = frame_csv(table, index=True)
    else:
        text = render(doc, args.format, _width(args, out))
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
    from .. import datasets

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
    _write(render(doc, args.format, _width(args, out)), args.output, out)
    return 0


def _cmd_data_show(args: argparse.Namespace, out: TextIO) -> int:
    from .. import datasets

    df = datasets.load(args.name)
    meta = df.attrs
    if args.format == "csv":  # the dataset itself, every column
        _write(frame_csv(df), args.output, out)
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
    _write(render(doc, args.format, _width(args, out)), args.output, out)
    return 0


def _cmd_scenario_list(args: argparse.Namespace, out: TextIO) -> int:
    from .. import scenarios

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
        "Show one with: nonequivalent scenario show NAME (or FILE); copy one as a template with: "
        "nonequivalent scenario write NAME FILE"),),))
    _write(render(doc, args.format, _width(args, out)), args.output, out)
    return 0


def _scenario_document(sc: Any) -> Document:
    """Every parameter of a scenario, in tables, with its provenance."""
    from ..groups import params

    sectors = pd.Index(sc.sectors, name="sector")

    def col(mapping: Any) -> list[float]:
        return [float(mapping.get(s, 0.0)) for s in sectors]

    goods = pd.DataFrame({"final demand": col(sc.final_demand), "price": col(sc.prices)},
                         index=sectors)
    b, scissors = sc.benchmark, sc.scissors
    if b.prices is not None:
        goods["benchmark price"] = col(b.prices)
    scalars = []
    for g in sc.groups:
        for f, p in params(type(g)):
            v = getattr(g, f.name)
            key = p.key or f.name
            if p.type in ("sectors", "prices") and v is not None:
                goods[f"{g.label}: {key}"] = col(v)
            elif v is not None:
                scalars.append((f"{g.name}.{key}", str(v) if isinstance(v, str)
                                else f"{v:g}", p.unit))
        if hasattr(g, "consumed_basket"):
            goods[f"{g.label}: basket (derived)"] = col(g.consumed_basket())
            scalars.append((f"{g.name}.money_wage (derived)",
                            f"{g.wage(sc.prices):g}", "money"))
    labour = pd.DataFrame({k: list(v) for k, v in sc.labour.items()}, index=sectors).T
    labour.index.name = "labour kind"
    bench = b.kind + (f" ({b.normalization})" if b.normalization else "") + \
        (f", r = {b.profit_rate:g}" if b.profit_rate is not None else "") + \
        (f", exchange rate {b.exchange_rate:g}" if b.exchange_rate is not None else "") + \
        (f" '{b.name}'" if b.name else "")
    rows = [("benchmark", bench, "")]
    rows += [(g.name, f"{g.label} ({g.kind})", "") for g in sc.groups]
    rows += scalars
    ptable = pd.DataFrame(rows, columns=["parameter", "value", "unit"]).set_index("parameter")
    sections = [
        Section("Technical coefficients A (input of row good per unit of column sector)",
                sc.technical_matrix()),
        Section("Labour coefficients (hours per unit of gross output)", labour),
        Section("Goods: final demand, prices, what the groups sell, buy and consume", goods),
        Section("Groups and parameters", ptable),
    ]
    if scissors is not None:
        sections.append(Section(f"Price scissors (indices, {scissors.base} = 100)",
                                sc.scissors_frame()))
    sections.append(Section("Provenance of every parameter", sc.provenance_frame(), (
        "historical = a record with its source; assumption = a calibration choice with its "
        "reason; low/high: the range (for a table or matrix, a factor on every entry).",)))
    notes = [sc.description, f"Units: {sc.units}", *sc.notes]
    return Document(f"Scenario {sc.name!r} ({sc.year})", tuple(sections), notes=tuple(notes))


def _cmd_scenario_show(args: argparse.Namespace, out: TextIO) -> int:
    sc = _load_scenario(args.name)
    _write(render(_scenario_document(sc), args.format, _width(args, out)), args.output, out)
    return 0


def _cmd_scenario_write(args: argparse.Namespace, out: TextIO) -> int:
    from .. import scenarios

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


def _cmd_scenario_upgrade(args: argparse.Namespace, out: TextIO) -> int:
    from .. import scenarios

    sc = _load_scenario(args.name)
    if args.output not in (None, "-") and Path(args.output).suffix.lower() != ".toml":
        raise UsageError(f"scenario files are TOML: name the file '*.toml', not "
                         f"{args.output!r}.")
    _write(scenarios.dumps(sc), args.output, out)
    for note in sc.notes:
        print(f"{PROG}: note: {note}", file=sys.stderr)
    return 0


def _cmd_scenario_keys(args: argparse.Namespace, out: TextIO) -> int:
    from ..scenario_schema import schema_markdown

    _write(schema_markdown(), args.output, out)
    return 0


def _cmd_exercise(args: argparse.Namespace, out: TextIO) -> int:
    from .. import exercises

    if args.topic == "list":
        table = pd.DataFrame({"description": pd.Series(exercises.topics())})
        table.index.name = "topic"
        doc = Document("Exercise topics", (Section("Topics", table, (
            "Generate one with: nonequivalent exercise TOPIC --seed N [--solution]; check "
            "your answer with: nonequivalent exercise TOPIC --seed N --check 'ANSWER'",)),))
        _write(render(doc, "text", _width(args, out)), args.output, out)
        return 0
    if args.seed is not None and args.seed < 0:
        raise UsageError(f"--seed must be a non-negative integer, got {args.seed}.")
    seed = 0 if args.seed is None else args.seed
    if args.check is not None:
        if args.solution:
            raise UsageError("give --check or --solution, not both.")
        result = exercises.check(args.topic, seed, args.check)
        verdict = "right" if result.correct else "wrong"
        text = f"{verdict}: {result.message}\n"
        if not result.correct:
            text += (f"See the worked solution with: {PROG} exercise {args.topic} --seed "
                     f"{seed} --solution\n")
        _write(text, args.output, out)
        return 0
    exercise = exercises.generate(args.topic, seed=seed)
    text = exercises.render(exercise, solution=args.solution, format=args.format)
    width = _width(args, out)
    if width is not None and args.format == "text":
        text = "\n".join(_wrap_line(line, width) for line in text.split("\n"))
    _write(text, args.output, out)
    return 0


def _wrap_line(line: str, width: int) -> str:
    """A line of an exercise wrapped to ``width`` (indentation kept; math never cut)."""
    if len(line) <= width:
        return line
    indent = line[:len(line) - len(line.lstrip())]
    return textwrap.fill(line, width=width, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)


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
    _utf8_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # --help, --version, or a usage error (already reported)
        return int(exc.code) if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    handler: Callable[[argparse.Namespace, TextIO], int] = args.handler
    try:
        _check_targets(args)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            # numpy's overflow / invalid-value warnings mean a number is no longer finite:
            # stop with an error rather than print NaN or inf as a result
            warnings.simplefilter("error", RuntimeWarning)
            status = handler(args, sys.stdout)
        for message in dict.fromkeys(_one_line(w.message) for w in caught):
            print(f"{PROG}: warning: {message}", file=sys.stderr)  # one line, no source
        return status
    except NonequivalentError as exc:
        print(f"{PROG}: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except (RuntimeWarning, FloatingPointError, OverflowError) as exc:
        print(f"{PROG}: error: the computation gave a number that is not finite "
              f"({_one_line(exc)}); a value of the input is too large or too small for it: "
              "check its magnitude and units.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `nonequivalent report | head`: the reader has gone
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())   # no second error when Python exits
        return 0
    except OSError as exc:   # a file the system refuses (permissions, a name too long)
        where = f" {exc.filename!r}" if getattr(exc, "filename", None) else ""
        print(f"{PROG}: error: cannot use the file{where}: {exc.strerror or exc}.",
              file=sys.stderr)
        return 2


def _utf8_streams() -> None:
    """Write standard output and error as UTF-8 whatever the locale (``LC_ALL=C`` too).

    The tables hold "—", "→" and "σ"; a locale's ASCII encoding would make ``report >
    file`` fail half-way. Streams that are not text files (a test's capture) are left as
    they are.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
                stream.reconfigure(encoding="utf-8", errors="backslashreplace")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
