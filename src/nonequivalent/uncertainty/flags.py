"""Intervals that say where they jump: the printed cells of a report with intervals, and
the flags on cells whose interval would mislead without a word.

A cell of :class:`~nonequivalent.ReportUncertainty` prints as ``central [p5–p95]``. Three
cases need more than that, and each gets a one-line flag under its table:

* **central outside its interval** — the calibration sits at the edge of an input's range
  (``workers (millions) 24.20 [22.68–24.12]``: the 1932 employment is set at the top of
  its range), so the bulk of the draws lies on one side of it. The flag names the input
  at the edge of its range that moves the cell most (Spearman rank correlation over the
  draws);
* **a whole-number cell** (persons, earners: :attr:`~nonequivalent.report.Line.whole`)
  prints as an integer, with the share of the draws at each value when they vary; when
  the central value is not the value of most draws, it sits **at a step** — for the
  whole earners of a household, the earners needed ``m0/(1 − δ)`` are exactly whole in
  the calibration, and any larger real-wage cut needs one earner more (Marx, *Capital* I,
  ch. 15 §3a);
* **cells that must agree** — the whole earners a wage cut requires and the earners per
  household the scenario states — are compared draw by draw; where they differ, the flag
  says in what share of the draws and why (the household's earners are a number of the
  scenario, not recomputed from the cut).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from .._document import Document, Section, format_number, render

__all__ = ["IntervalFlag", "interval_document", "interval_flags", "interval_table"]

#: Whole-number rows computed as the ceiling of a continuous row of the same group
#: (the continuous quantity whose whole values are the steps).
STEP_OF = {"whole_earners": "earners_needed"}

#: Pairs of rows that count the same thing and must agree in every draw:
#: (row of a worker category, row of a household kind).
AGREE = (("whole_earners", "earners"),)


@dataclass(frozen=True)
class IntervalFlag:
    """A cell whose interval needs a word: ``kind`` is ``"outside"`` (the central value
    lies outside its interval), ``"step"`` (a whole-number cell at a step) or
    ``"disagree"`` (two cells that count the same thing differ in some draws)."""

    section: str
    row: str
    column: str
    kind: str
    text: str


def _pct(share: float) -> str:
    """A share of the draws in whole percent (never "0%" or "100%" for a share between)."""
    if 0 < share < 0.01:
        return "<1%"
    if 0.99 < share < 1:
        return ">99%"
    return f"{100 * share:.0f}%"


def _whole_rows(res: Any) -> set[tuple[str, str]]:
    return {(s.key, r.key) for s in res.report.sections for r in s.rows
            if getattr(r, "whole", False)}


def _samples(res: Any) -> pd.DataFrame:
    p = res.propagation
    return pd.DataFrame(p._samples, columns=p.cells)


def _counts(values: np.ndarray) -> list[tuple[int, float]]:
    vals, counts = np.unique(np.round(values).astype(int), return_counts=True)
    return [(int(v), c / values.size) for v, c in zip(vals, counts, strict=True)]


def _cell_text(res: Any, cell: tuple[str, str, str], central: float, lo: float, hi: float,
               samples: np.ndarray, whole: bool) -> str:
    if whole and math.isfinite(central) and np.all(np.isfinite(samples)) \
            and central == round(central) and np.all(samples == np.round(samples)):
        counts = _counts(samples)
        if len(counts) == 1 and counts[0][0] == round(central):
            return f"{round(central):,}"
        return f"{round(central):,} [" + ", ".join(f"{v:,}: {_pct(s)}"
                                                   for v, s in counts) + "]"
    return f"{format_number(central)} [{format_number(lo)}–{format_number(hi)}]"


def _why_outside(res: Any, cell: tuple[str, str, str], central: float, lo: float,
                 hi: float) -> str:
    """The input at the edge of its own range that moves this cell most, if any."""
    p = res.propagation
    y = p._samples[:, list(p.cells).index(cell)]
    best, best_rho = None, 0.0
    for k, par in enumerate(p.parameters):
        x = p._inputs[:, k]
        if np.ptp(x) == 0 or np.ptp(y) == 0:
            continue
        edge = par.central <= np.percentile(x, 5) or par.central >= np.percentile(x, 95)
        if not edge:
            continue
        rho = stats.spearmanr(x, y).statistic
        if np.isfinite(rho) and abs(rho) > abs(best_rho):
            best, best_rho = par, float(rho)
    side = "above" if central > hi else "below"
    head = (f"the central value {format_number(central)} lies {side} its interval "
            f"[{format_number(lo)}–{format_number(hi)}]")
    if best is None or abs(best_rho) < 0.3:
        return head + ": most draws lie on one side of the calibration."
    end = ("top" if best.central >= best.high else "bottom" if best.central <= best.low
           else "edge")
    return (f"{head}: {best.name} is set at the {end} of its range "
            f"[{best.low:g}, {best.high:g}] (central {best.central:g}), so the draws move "
            f"it one way only.")


def _label_of(res: Any, section: str, row: str, column: str) -> str:
    sec = res.report.section(section)
    r = next(x for x in sec.rows if x.key == row)
    c = next(x for x in sec.columns if x.key == column)
    return f"{r.label}, {c.label}"


def interval_flags(res: Any, low: float = 5, high: float = 95) -> tuple[IntervalFlag, ...]:
    """The flagged cells of a report with intervals (see the module's rules).

    Parameters
    ----------
    res : ReportUncertainty
    low, high : float
        The percentiles of the printed interval.

    Returns
    -------
    tuple of IntervalFlag
        In the order of the report's cells.
    """
    p = res.propagation
    central = p.central
    lo, hi = p.percentile(low), p.percentile(high)
    samples = _samples(res)
    whole = _whole_rows(res)
    flags: list[IntervalFlag] = []
    for cell in p.cells:
        section, row, column = cell
        c, a, b = float(central[cell]), float(lo[cell]), float(hi[cell])
        y = samples[cell].to_numpy()
        if (section, row) in whole and np.all(y == np.round(y)) and c == round(c):
            counts = dict(_counts(y))
            share = counts.get(round(c), 0.0)
            if share < 0.5:
                group, _, key = row.rpartition(".")
                cont = STEP_OF.get(key)
                text = (f"{_label_of(res, *cell)}: at a step: the central value "
                        f"{round(c):,} holds in {_pct(share)} of the draws; "
                        + ", ".join(f"{v:,} in {_pct(s)}" for v, s in counts.items()
                                    if v != round(c)) + ".")
                if cont is not None and (section, f"{group}.{cont}", column) in central:
                    x = float(central[(section, f"{group}.{cont}", column)])
                    if x == math.floor(x):
                        text = (f"{_label_of(res, *cell)}: at a step: the calibration "
                                f"needs exactly {x:g} earners (a whole number), so any "
                                f"move of the real-wage cut upwards needs {int(x) + 1}; "
                                + ", ".join(f"{v:,} in {_pct(s)}"
                                            for v, s in counts.items()) + " of the draws.")
                flags.append(IntervalFlag(section, row, column, "step", text))
            continue
        if np.isfinite([c, a, b]).all() and not a <= c <= b:
            flags.append(IntervalFlag(section, row, column, "outside",
                                      f"{_label_of(res, *cell)}: "
                                      + _why_outside(res, cell, c, a, b)))
    flags += _disagreements(res, samples)
    order = {cell: i for i, cell in enumerate(p.cells)}
    return tuple(sorted(flags, key=lambda f: order.get((f.section, f.row, f.column), 0)))


def _disagreements(res: Any, samples: pd.DataFrame) -> list[IntervalFlag]:
    out = []
    for sec in res.report.sections:
        rows = {r.key: r for r in sec.rows}
        for a_key, b_key in AGREE:
            firsts = [k for k in rows if k.endswith(f".{a_key}")]
            seconds = [k for k in rows if k.endswith(f".{b_key}")]
            if len(firsts) != 1 or len(seconds) != 1:
                continue                    # several kinds: no one pair to compare
            a, b = firsts[0], seconds[0]
            for col in sec.columns:
                x = samples[(sec.key, a, col.key)].to_numpy()
                y = samples[(sec.key, b, col.key)].to_numpy()
                differ = float(np.mean(x != y))
                if differ == 0:
                    continue
                fixed = np.ptp(y) == 0
                stated = int(y[0]) if y[0] == round(y[0]) else float(y[0])
                why = (f"the earners per household are the scenario's number "
                       f"({format_number(stated)}), not recomputed from the wage cut"
                       if fixed else "the household's earners are drawn apart from the cut")
                out.append(IntervalFlag(
                    sec.key, b, col.key, "disagree",
                    f"{rows[b].label}, {col.label}: differs from "
                    f"'{rows[a].label}' in {_pct(differ)} of the draws: {why}; in those "
                    f"draws the household's earners fall short of what the cut requires."))
    return out


def _labels(section: Any, frame: pd.DataFrame) -> pd.DataFrame:
    """Row and column labels of the report (units as the report prints them: in the
    section's title, a row's label or a column's label)."""
    rows = {r.key: r.label for r in section.rows}
    cols = {c.key: c.label for c in section.columns}
    out = frame.rename(index=rows, columns=cols)
    out.index.name = section.index_name or None
    return out


def interval_table(res: Any, section: str, low: float = 5, high: float = 95,
                   flags: tuple[IntervalFlag, ...] | None = None) -> pd.DataFrame:
    """One section as printed cells (labels, units): ``central [p_low–p_high]``, whole
    numbers as integers with the share of the draws at each value, and a mark ``(n)`` on
    each flagged cell (the flag's number in the section's notes)."""
    p = res.propagation
    sec = res.report.section(section)
    central, lo, hi = p.central, p.percentile(low), p.percentile(high)
    samples = _samples(res)
    whole = _whole_rows(res)
    if flags is None:
        flags = interval_flags(res, low, high)
    marks = {(f.row, f.column): i + 1 for i, f in
             enumerate(f for f in flags if f.section == section)}
    data = {}
    for c in sec.columns:
        col = []
        for r in sec.rows:
            cell = (section, r.key, c.key)
            text = _cell_text(res, cell, float(central[cell]), float(lo[cell]),
                              float(hi[cell]), samples[cell].to_numpy(),
                              (section, r.key) in whole)
            mark = marks.get((r.key, c.key))
            col.append(text + (f" ({mark})" if mark else ""))
        data[c.key] = col
    frame = pd.DataFrame(data, index=pd.Index([r.key for r in sec.rows]))
    for k, col in reversed(list(sec.text.items())):
        frame.insert(0, k, list(col))
    return _labels(sec, frame)


def interval_document(res: Any, low: float = 5, high: float = 95) -> Document:
    """The report with intervals as a :class:`~nonequivalent._document.Document`: what
    ``nonequivalent report --draws N`` prints and what ``str``, HTML, Markdown and LaTeX
    of a :class:`~nonequivalent.ReportUncertainty` show."""
    p = res.propagation
    rep = res.report
    flags = interval_flags(res, low, high)
    sections = []
    for key in rep.keys:
        sec = rep.section(key)
        mine = [f for f in flags if f.section == key]
        notes = (*sec.notes, *(f"({i}) {f.text}" for i, f in enumerate(mine, 1)))
        sections.append(Section(sec.title, interval_table(res, key, low, high, flags),
                                notes=notes,
                                numbers_as_text=frozenset(c.label for c in sec.columns)))
    names = ", ".join(f"{r.name} [{r.low:g}, {r.high:g}]" for r in p.parameters)
    notes = (f"Each number: central [p{low:g}–p{high:g}], the central value (the scenarios as "
             f"written) and, in brackets, the {low:g}th and {high:g}th percentiles over "
             f"{p.draws} draws ({p.method}, seed {p.seed}); a whole number: the share of the "
             "draws at each value.",
             f"Uncertain parameters (uniform over their low/high; a table's range is a "
             f"factor on every entry): {names}.",
             *rep.notes)
    return Document(res.title, tuple(sections), notes,
                    {"draws": p.draws, "seed": p.seed, "method": p.method})


def render_intervals(res: Any, fmt: str = "text", width: int | None = None,
                     low: float = 5, high: float = 95) -> str:
    """:func:`interval_document` rendered (text, Markdown, HTML or LaTeX)."""
    return render(interval_document(res, low, high), fmt, width)
