"""The ``nonequivalent`` program: its argument parser and :func:`main`.

Each command's handler lives in a module of its own (``report_cmd``, ``compare_cmd``,
``sweep_cmd``, ``data_cmd``, ``scenario_cmd``, ``exercise_cmd``); the options they share in
``options``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TextIO

from ..errors import NonequivalentError
from .compare_cmd import _cmd_compare
from .data_cmd import _cmd_data_list, _cmd_data_show
from .exercise_cmd import _cmd_exercise
from .options import _add_force, _add_output, _add_scenario, _check_targets
from .render import PROG
from .report_cmd import _cmd_report
from .scenario_cmd import (
    _cmd_scenario_keys,
    _cmd_scenario_list,
    _cmd_scenario_show,
    _cmd_scenario_upgrade,
    _cmd_scenario_write,
)
from .sweep_cmd import _cmd_sweep

__all__ = ["EXAMPLES", "build_parser", "main"]

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


# =============================================================================== parser
class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and exits with status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


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
    p.add_argument("--workers", choices=("workers-and-employees", "manual-workers"),
                   default=None, dest="workers_definition",
                   help="who counts as a worker: workers and employees (the built-in "
                        "scenarios' choice) or manual workers, with the TsSU count for each "
                        "scenario's year (dataset waged_workers)")
    p.add_argument("--employment", choices=("workers", "peasants"), default="workers",
                   help="whom the surplus of newly hired workers is credited to in the sources "
                        "of accumulation: the workers (default) or the peasants, as mobilised "
                        "peasant labour (most of the newly hired came from the village)")
    _add_output(p)
    p.add_argument("--plot", metavar="FILE", help="also write the report figure (PNG, PDF, SVG)")
    from .uncertainty_cmd import add_arguments as _add_uncertainty
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
    _add_output(q, fmt=None)
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
    p.add_argument("--standalone", action="store_true",
                   help="with --format latex: a whole LaTeX document for pdflatex (without: "
                        "a fragment for \\input, needs amsmath)")
    # an exercise is prose with mathematics, not a table: LaTeX instead of JSON and CSV
    _add_output(p, choices=("text", "markdown", "latex"),
                format_help="text: readable Unicode for a terminal (default); markdown or "
                            "latex: the math in LaTeX")
    p.set_defaults(handler=_cmd_exercise)

    from . import global_cmd as _cli_global  # the global exchange account (multi-regional tables)

    _cli_global.add_parser(sub)
    return parser


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
