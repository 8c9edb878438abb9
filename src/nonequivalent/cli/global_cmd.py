"""The ``nonequivalent global`` subcommand: the global exchange account of an MRIO table.

Usage::

    nonequivalent global                                   pymrio's test system (illustrative)
    nonequivalent global PATH [--year YEAR] [--blocs NAME|FILE] [--format F] [--output FILE]
                              [--plot FILE] [--wage RULE]
    nonequivalent global --years 1995-2022 FOLDER [--scheduler S]   the yearly series

``PATH`` is an EXIOBASE 3 archive (``IOT_2021_ixi.zip``), a folder holding such archives
(then ``--year`` picks ``IOT_<YEAR>_*.zip``), or a folder saved by pymrio
(``IOSystem.save_all``). Hours and compensation by skill are read from EXIOBASE 3's
``employment`` and ``factor_inputs`` rows unless ``--hours`` / ``--compensation`` say
otherwise. Without ``PATH`` the account runs on pymrio's bundled test system with the
illustrative labour rows of :func:`nonequivalent.mrio.add_illustrative_labour`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from ..errors import NonequivalentError

__all__ = ["add_parser", "run"]


class _GlobalUsageError(NonequivalentError, ValueError):
    """A bad argument of ``nonequivalent global`` (exit status 2, one line on stderr)."""


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``global`` subcommand to ``subparsers`` (its handler is :func:`run`)."""
    p = subparsers.add_parser(
        "global", help="global exchange account: labour embodied in trade between blocs",
        description="Hours of labour embodied in each bloc's final demand by producing bloc, "
        "skill by skill, from a multi-regional input-output table: gross flows, net "
        "appropriation, exchange ratios and the wage value of the net flows (Hickel, "
        "Hanbury Lemos & Barbour 2024). Without TABLE: pymrio's bundled test system with "
        "illustrative labour rows.")
    p.add_argument("table", nargs="?", metavar="TABLE",
                   help="EXIOBASE 3 zip, a folder of them (with --year), or a pymrio folder")
    p.add_argument("--year", type=int, metavar="YEAR",
                   help="pick IOT_<YEAR>_*.zip in the TABLE folder")
    p.add_argument("--years", metavar="RANGE",
                   help="the yearly series over IOT_<year>_pxp.zip in the TABLE folder, e.g. "
                        "1995-2022 or 2000,2021 (one Dask task per year)")
    p.add_argument("--scheduler", metavar="S",
                   help="with --years: Dask scheduler: threads (default), processes, sync "
                        "or a scheduler address tcp://...")
    p.add_argument("--blocs", metavar="NAME|FILE",
                   help="built-in bloc set: hickel2024 (the default for EXIOBASE: the "
                        "30-region North that reproduces Hickel et al. 2024) or un-m49 (UN "
                        "M49 'developed regions', 36 North); or a CSV file with columns "
                        "region,bloc")
    p.add_argument("--wage", default="export-embodied",
                   choices=("export-embodied", "worked"),
                   help="wage per hour of a bloc: compensation per hour embodied in its "
                        "exports (export-embodied, the paper's rule, default) or per hour "
                        "worked")
    p.add_argument("--hours", action="append", metavar="SKILL=EXTENSION:PATTERN",
                   help="rows of hours worked of one skill (repeatable; every row whose "
                        "label contains PATTERN is summed); default: EXIOBASE 3's "
                        "'Employment hours' rows by skill")
    p.add_argument("--compensation", action="append", metavar="SKILL=EXTENSION:PATTERN",
                   help="rows of compensation of the same skill (repeatable); default: "
                        "EXIOBASE 3's compensation of employees by skill")
    p.add_argument("--value-added", default="factor_inputs", metavar="EXTENSION",
                   help="extension whose rows sum to value added (default: factor_inputs; "
                        "if absent, EXIOBASE 3's nine value-added rows wherever they are)")
    from .options import _add_force, _add_output

    _add_output(p, force=False)
    p.add_argument("--plot", metavar="FILE", help="also write the figure (PNG, PDF, SVG)")
    _add_force(p, never="the TABLE")
    p.set_defaults(handler=run)
    return p


def _rows(specs: list[str] | None, option: str) -> dict[str, tuple[str, str]] | None:
    if not specs:
        return None
    out: dict[str, tuple[str, str]] = {}
    for spec in specs:
        skill, sep, rest = spec.partition("=")
        ext, sep2, pattern = rest.partition(":")
        if not sep or not sep2 or not skill or not ext or not pattern:
            raise _GlobalUsageError(
                f"{option} {spec!r}: write SKILL=EXTENSION:PATTERN, e.g. "
                f"'low=employment:Employment hours: Low-skilled'.")
        out[skill] = (ext, pattern)
    return out


def _resolve_table(table: str, year: int | None) -> Path:
    path = Path(table)
    if not path.exists():
        raise _GlobalUsageError(f"table {table!r} does not exist.")
    if path.is_dir() and year is not None:
        found = sorted(path.glob(f"IOT_{year}_*.zip"))
        if not found:
            raise _GlobalUsageError(
                f"no EXIOBASE archive IOT_{year}_*.zip in {table!r}; download it first "
                "(see the docs, 'Global exchange', EXIOBASE 3).")
        return found[0]
    if year is not None and path.is_file():
        raise _GlobalUsageError("--year needs TABLE to be a folder of EXIOBASE archives.")
    return path


def _load(args: argparse.Namespace) -> tuple[Any, Any, str]:
    from .. import mrio

    if args.table is None:
        if args.year is not None or args.hours or args.compensation:
            raise _GlobalUsageError("--year, --hours and --compensation need a TABLE.")
        economy, blocs = mrio.illustrative_test_system()
        if args.blocs:
            blocs = args.blocs
        return economy, blocs, ("pymrio's bundled test system (6 regions x 8 sectors) with "
                                "illustrative labour rows (assumptions, not data)")
    pymrio = mrio._require_pymrio()
    path = _resolve_table(args.table, args.year)
    hours = _rows(args.hours, "--hours")
    comp = _rows(args.compensation, "--compensation")
    if path.is_dir() and (path / "file_parameters.json").exists():
        system = pymrio.load_all(path)
        what = f"pymrio folder {str(path)!r}"
    else:
        try:
            system = pymrio.parse_exiobase3(path)
        except Exception as exc:  # pymrio raises various errors on a foreign file
            raise _GlobalUsageError(
                f"cannot read {str(path)!r} as an EXIOBASE 3 table: {exc}") from None
        what = f"EXIOBASE 3 table {path.name}"
    economy = mrio.MRIOEconomy.from_pymrio(
        system, hours=hours or mrio.EXIOBASE_HOURS,
        compensation=comp if comp is not None else (None if hours else
                                                     mrio.EXIOBASE_COMPENSATION),
        value_added=(args.value_added if hasattr(system, args.value_added)
                     else _exiobase_value_added(system)))
    return economy, args.blocs or mrio.DEFAULT_BLOCS, what


def _exiobase_value_added(system: Any) -> Any:
    """EXIOBASE 3's nine value-added rows if some extension has them, else None."""
    from .. import mrio
    from .mrio.readers import _find_extension

    try:
        _find_extension(system, mrio.EXIOBASE_VALUE_ADDED[1], "value added")
    except NonequivalentError:
        return None
    return mrio.EXIOBASE_VALUE_ADDED


def _document(acc: Any, what: str, labels: bool = True) -> Any:
    from .render import Document, Section

    notes = (f"Table: {what}.", f"Blocs: {acc.blocs.name} ({acc.blocs.source}).",
             f"Wage rule: {acc.wage_rule}.")
    by_bloc = acc.by_bloc
    by_bloc.index = by_bloc.index.to_flat_index()
    by_bloc.index.name = "skill / bloc"
    pairs = acc.pairs
    pairs.index = pairs.index.to_flat_index()
    pairs.index.name = "skill / giver / receiver"
    sections = [
        Section("Account by bloc", by_bloc, notes=(
            "labour_given: hours worked in the bloc embodied in other blocs' final demand; "
            "labour_received: other blocs' hours in its final demand; labour_transfer = "
            "given - received; nonequivalence_ratio = given / received; wage: compensation "
            "per hour; transfer_wage_value: net hours given valued at the receivers' wages, "
            "skill by skill.",)),
        Section("Pairs of blocs, from net giver to net receiver", pairs, notes=(
            "exchange_ratio: hours given per hour received; wage_value = net_hours x the "
            "receiver's wage for that skill (for 'all': summed over skills).",))]
    for compute, name, title, note in (
            (acc.decomposition, "skill / giver / receiver", "Decomposition of the net flows",
             "producer_compensation: compensation embodied in the giver's flows net of the "
             "return flows; recipient_value: net hours at the receiver's wage; "
             "value_transfer = recipient_value - producer_compensation."),
            (acc.drain, "giver / receiver", "Drain: net hours at a price per embodied hour",
             "receiver_export_price: value added per hour embodied in the receiver's exports "
             "to the giver; world_price: value added per hour worked over the whole table.")):
        try:            # shown when the table has what it needs (compensation, value added)
            frame = compute()
        except NonequivalentError:
            continue
        frame.index = frame.index.to_flat_index()
        frame.index.name = name
        sections.append(Section(title, frame, notes=(note,)))
    if labels:     # labels and units where people read; machine keys in JSON and CSV
        sections = [_labelled(s, acc.units()) for s in sections]
    return Document("Global exchange account", tuple(sections), notes=notes)


def _labelled(section: Any, units: dict[str, str]) -> Any:
    """The section with its columns as labels with units (``labour given (hours)``) and its
    notes naming the columns the same way."""
    import dataclasses

    from .._results import display_label

    table = section.table.rename(columns=lambda c: display_label(c, units.get(str(c), "")))
    notes = tuple(n.replace("_", " ") for n in section.notes)
    return dataclasses.replace(section, table=table, notes=notes)


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run ``nonequivalent global`` with parsed ``args``; return the exit status.

    Bad input raises a :class:`~nonequivalent.NonequivalentError`, which the command
    reports in one line with exit status 2.
    """
    from .. import mrio
    from .options import _save_plot, _width
    from .render import _write, render

    out = out if out is not None else sys.stdout
    if args.years is not None:
        return _run_series(args, out)
    if args.scheduler is not None:
        raise _GlobalUsageError("--scheduler goes with --years.")
    economy, blocs, what = _load(args)
    acc = mrio.global_exchange_account(economy, blocs, wage=args.wage)
    doc = _document(acc, what, labels=args.format not in ("json", "csv"))
    _write(render(doc, args.format, _width(args, out)), args.output, out)
    if args.plot:
        _save_plot(acc.figure(), args.plot)
    return 0


def _run_series(args: argparse.Namespace, out: TextIO) -> int:
    """``nonequivalent global --years RANGE FOLDER``: the yearly series."""
    from .. import mrio
    from .options import _width
    from .render import Document, Section, _write, render

    if args.table is None:
        raise _GlobalUsageError("--years needs TABLE, a folder of IOT_<year>_pxp.zip archives.")
    if args.year is not None or args.plot:
        raise _GlobalUsageError("--years cannot be combined with --year or --plot.")
    if not Path(args.table).is_dir():
        raise _GlobalUsageError(f"--years needs TABLE to be a folder; {args.table!r} is not.")
    frame = mrio.global_exchange_series(
        args.table, years=args.years, scheduler=args.scheduler,
        blocs=args.blocs or mrio.DEFAULT_BLOCS, wage=args.wage,
        hours=_rows(args.hours, "--hours"),
        compensation=_rows(args.compensation, "--compensation"))
    frame.attrs = {}
    doc = Document("Global exchange series", (Section("By year", frame, notes=(
        "net_hours: hours the giver's workers made for the receiver's final demand net of "
        "the return flow (all skills); value_transfer = recipient_value - "
        "producer_compensation; cumulative_*: summed from the first year.",)),),
        notes=(f"Archives: {args.table} (years {args.years}).",
               f"Blocs: {args.blocs or mrio.DEFAULT_BLOCS}. Wage rule: {args.wage}."))
    _write(render(doc, args.format, _width(args, out)), args.output, out)
    return 0
