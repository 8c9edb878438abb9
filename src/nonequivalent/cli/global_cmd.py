"""The ``nonequivalent global`` subcommand: the global exchange account of an MRIO table.

Usage::

    nonequivalent global                                   pymrio's test system (illustrative)
    nonequivalent global PATH [--year YEAR] [--blocs NAME|FILE] [--format F] [--output FILE]
                              [--plot FILE]

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
    p.add_argument("--blocs", metavar="NAME|FILE",
                   help="built-in bloc classification (exiobase3-north-south, the default "
                        "for EXIOBASE) or a CSV file with columns region,bloc")
    p.add_argument("--hours", action="append", metavar="SKILL=EXTENSION:PATTERN",
                   help="rows of hours worked of one skill (repeatable; every row whose "
                        "label contains PATTERN is summed); default: EXIOBASE 3's "
                        "'Employment hours' rows by skill")
    p.add_argument("--compensation", action="append", metavar="SKILL=EXTENSION:PATTERN",
                   help="rows of compensation of the same skill (repeatable); default: "
                        "EXIOBASE 3's compensation of employees by skill")
    p.add_argument("--value-added", default="factor_inputs", metavar="EXTENSION",
                   help="extension whose rows sum to value added (default: factor_inputs)")
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
        value_added=args.value_added if hasattr(system, args.value_added) else None)
    return economy, args.blocs or "exiobase3-north-south", what


def _document(acc: Any, what: str) -> Any:
    from .render import Document, Section

    notes = (f"Table: {what}.", f"Blocs: {acc.blocs.name} ({acc.blocs.source}).")
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
    try:
        drain = acc.drain()
    except NonequivalentError:
        drain = None
    if drain is not None:
        drain.index = drain.index.to_flat_index()
        drain.index.name = "giver / receiver"
        sections.append(Section("Drain: net hours at a price per embodied hour", drain, notes=(
            "receiver_export_price: value added per hour embodied in the receiver's exports "
            "to the giver; world_price: value added per hour worked over the whole table.",)))
    return Document("Global exchange account", tuple(sections), notes=notes)


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run ``nonequivalent global`` with parsed ``args``; return the exit status.

    Bad input raises a :class:`~nonequivalent.NonequivalentError`, which the command
    reports in one line with exit status 2.
    """
    from .. import mrio
    from .options import _save_plot, _width
    from .render import _write, render

    out = out if out is not None else sys.stdout
    economy, blocs, what = _load(args)
    acc = mrio.global_exchange_account(economy, blocs)
    _write(render(_document(acc, what), args.format, _width(args, out)), args.output, out)
    if args.plot:
        _save_plot(acc.figure(), args.plot)
    return 0
