"""``nonequivalent compare``: the plan variants solved on one plan, as tables and a figure."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

import pandas as pd

from .options import _save_plot, _width
from .render import Document, Progress, Section, UsageError, _write, render


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
    from ..errors import InvalidPlanError
    from ..planning import BUILTIN_VARIANTS, find_variant

    if not names:
        return list(BUILTIN_VARIANTS)
    picked = []
    for name in names:
        try:
            variant = find_variant(name)
        except InvalidPlanError as exc:
            raise UsageError(f"--variant {exc}") from None
        if variant not in picked:
            picked.append(variant)
    return picked


def _credit(variant: Any) -> str:
    """``name: description (source).`` with only what the variant gives."""
    text = f"{variant.name}: {variant.description or 'no description given'}"
    return text + (f" ({variant.source})." if variant.source else ".")


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
        _save_plot(_variants_plot(results, base.heavy_sector, years, variants), args.plot)
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
    first = next(iter(results.values()))
    heavy = first.plan.heavy_sector
    supply = float(first.plan.labour_path().sum(axis=0).iloc[0])
    capacity = comparison.heavy_capacity
    tmarks = comparison.terminal_bound
    cap_note = ("(terminal floor): the terminal capacity is held there by the plan's "
                "requirement K_T >= K_0 (an input, not a result of the plan).")
    wages = comparison.real_wages
    marks = comparison.at_bound
    sections = [
        Section("Constraints set by each variant (inputs, not results)", constraints.astype(
            object).map(lambda v: v if isinstance(v, str) else f"{v:g}")),
        Section("Results of the optimal plans", measures, (
            "Heavy capacity growth = terminal / initial capacity (both in the next table); "
            "consumption per head in hours of labour value per hour of labour supply; "
            "accumulation and surplus labour in hours of labour value, on the "
            f"calibration's scale of hours (labour supply {supply:,.0f} hours in "
            f"{capacity.index[0]}); surplus labour and shares by group from the plan's "
            "labour account; the last plan year is read under the terminal rule "
            "(see the notes).",),
            rowwise=True)]
    cap_title = (f"Capacity of {heavy} by year (units of output; the last year is the "
                 "terminal capacity)")
    if fmt in ("text", "markdown"):
        shown_cap = capacity.map(lambda v: f"{v:,.2f}")
        shown_cap = shown_cap.where(tmarks == "", shown_cap + " (" + tmarks + ")")
        sections.append(Section(cap_title, shown_cap, (cap_note,)))
    else:
        sections.append(Section(cap_title, capacity))
        sections.append(Section("Terminal capacity held by a constraint", tmarks,
                                (cap_note,)))
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
    notes = tuple(_credit(v) for v in variants)
    rule = comparison.terminal_rule
    rule_note = (f"{rule[0].upper()}{rule[1:]}. Without it the plans would end with an "
                 "artefact (investment that matures after the plan counts for nothing, so "
                 "heavy output and workers' consumption collapse in the last year); the "
                 "last year's figures are read under this rule.")
    years = capacity.index
    return Document(
        f"Plan variants {years[0]}–{years[-2]} on the calibrated town–country economy",
        tuple(sections),
        notes=(*notes, rule_note, alt_note, "Every parameter of the planning model is a "
               "calibration assumption, not a historical record "
               "(nonequivalent.planning.variants)."),
        meta={"variants": list(results), "years": [int(y) for y in years[:-1]],
              "alternative_optima": alt, "terminal_rule": rule})


def _variants_plot(results: dict[str, Any], heavy: str, years: Any,
                   variants: Sequence[Any] = ()) -> Any:
    from .. import plotting

    credits = "; ".join(f"{v.name}: {v.source or v.description or 'user variant'}"
                        for v in variants) or ", ".join(results)
    rule = next(iter(results.values())).terminal_rule
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
        source=f"Source: nonequivalent.planning variants ({credits}) solved with HiGHS on "
               f"the calibrated town–country economy; {rule}; every parameter is a "
               "calibration assumption.")
