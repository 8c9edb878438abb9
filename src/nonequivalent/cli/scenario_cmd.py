"""``nonequivalent scenario``: list, show, write, upgrade scenarios and print their keys."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

import pandas as pd

from .options import _load_scenario, _width
from .render import PROG, Document, Section, UsageError, _write, render


def _cmd_scenario_list(args: argparse.Namespace, out: TextIO) -> int:
    from ..scenarios import scenario as scenarios

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
    from ..scenarios import scenario as scenarios

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
    from ..scenarios import scenario as scenarios

    sc = _load_scenario(args.name)
    if args.output not in (None, "-") and Path(args.output).suffix.lower() != ".toml":
        raise UsageError(f"scenario files are TOML: name the file '*.toml', not "
                         f"{args.output!r}.")
    _write(scenarios.dumps(sc), args.output, out)
    for note in sc.notes:
        print(f"{PROG}: note: {note}", file=sys.stderr)
    return 0


def _cmd_scenario_keys(args: argparse.Namespace, out: TextIO) -> int:
    from ..scenarios.schema import schema_markdown

    _write(schema_markdown(), args.output, out)
    return 0
