"""The surplus report with intervals: every scenario range carried through every account.

Each parameter of a scenario is documented as a historical record (with the source's
low/high where historians disagree; dataset ranges are copied into the scenario where a
parameter is read from a dataset) or as an assumption (with a plausible low/high). Those
ranges become :class:`~nonequivalent.ParameterRange` s (:func:`scenario_ranges`), each draw
sets them on the scenarios (:meth:`Scenario.with_values`: a number on a table is a factor on
every entry), and :func:`~nonequivalent.report` is evaluated for the draw. The result, a
:class:`ReportUncertainty`, gives every numeric cell of the report (section, row, column)
with its central value, mean and percentiles, the probability of any event stated as a
function of the report, and interval figures.

Rules, stated once here and on the concept page *Uncertainty*:

* a parameter with no range, or ``low == high``, is certain;
* a table or matrix (``range = "factor"``) is multiplied by one drawn factor (central 1);
* for two scenarios, a parameter with the same value and range in both (the technology, the
  labour coefficients, hours, …) is one input drawn once for both years; parameters that
  differ are drawn independently, named ``"<year>:<key>"``; say otherwise with ``groups``.

Example: how sure is the workers' share of the change in accumulation, in hours?

>>> import nonequivalent as ne
>>> res = ne.report_uncertainty("ussr-1928", "ussr-1932", draws=8, seed=1)  # doctest: +SKIP
>>> res.probability(lambda r: r.value("sources", "workers.total", "share_hours") >= 200 / 3)
... # doctest: +SKIP
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result, format_number
from ..errors import UncertaintyError
from .propagation import ParameterRange, Propagation, propagate

__all__ = [
    "ReportDraw",
    "ReportUncertainty",
    "report_batch",
    "report_cells",
    "report_sensitivity",
    "report_uncertainty",
    "scenario_ranges",
]


# ------------------------------------------------------------------ scenarios, ranges
def _resolve(scenario: Any, later: Any) -> tuple[Any, Any]:
    from ..report.surplus import _load

    return _load(scenario), (None if later is None else _load(later))


def _rows(sc: Any) -> dict[str, tuple[float, float, float, bool]]:
    """``{key: (low, central, high, integer)}`` of the scenario's uncertain parameters."""
    out = {}
    for key, row in sc.parameters().iterrows():
        low, high = row["low"], row["high"]
        if not (math.isfinite(low) and math.isfinite(high)) or low == high:
            continue
        central = 1.0 if row["range"] == "factor" else float(row["value"])
        if not low <= central <= high:
            raise UncertaintyError(
                f"scenario {sc.name!r}, parameter {key!r}: the value {central:g} lies outside "
                f"its range [{low:g}, {high:g}]; correct the range in the scenario file.")
        whole = isinstance(row["value"], int | np.integer) and not isinstance(row["value"], bool)
        out[key] = (float(low), central, float(high), whole)
    return out


def _targets(base: Any, later: Any) -> dict[str, tuple[tuple[int, str], ...]]:
    """Input name → the (scenario index, parameter key) pairs it sets."""
    first = _rows(base)
    if later is None:
        return {k: ((0, k),) for k in first}
    second = _rows(later)
    # a period's own inputs are prefixed by its label, as the report labels it: the year,
    # or "<year> (base)" and "<year> (later)" when both describe the same year (one
    # prefix for both would let the later period's input replace the base's)
    tags = (str(base.year), str(later.year)) if base.year != later.year else (
        f"{base.year} (base)", f"{later.year} (later)")
    out: dict[str, tuple[tuple[int, str], ...]] = {}
    for k in first:
        if k in second and second[k] == first[k]:
            out[k] = ((0, k), (1, k))
        else:
            out[f"{tags[0]}:{k}"] = ((0, k),)
    for k in second:
        if not (k in first and first[k] == second[k]):
            out[f"{tags[1]}:{k}"] = ((1, k),)
    return out


def scenario_ranges(scenario: Any = "ussr-1928", later: Any = None, *,
                    shape: str | Mapping[str, str] = "uniform",
                    groups: Mapping[str, str] | None = None,
                    include: Iterable[str] | None = None,
                    exclude: Iterable[str] = ()) -> tuple[ParameterRange, ...]:
    """The uncertain parameters of a scenario (and a later one) as ranges.

    Parameters
    ----------
    scenario, later
        As in :func:`~nonequivalent.report`.
    shape : str or mapping
        ``"uniform"`` (default), ``"triangular"`` or ``"pert"`` for every parameter, or a
        mapping ``{name: shape}`` (others uniform).
    groups : mapping, optional
        ``{name: group}``: parameters of one group move together (see
        :class:`~nonequivalent.ParameterRange`).
    include, exclude : iterable of str
        Keep only these names, or drop these (names as returned: ``"peasants.taxes"`` when
        shared by both years, ``"1932:workers.real_wage.cut"`` when not).

    Returns
    -------
    tuple of ParameterRange
        Named inputs; ``source`` names the scenario keys each one sets.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> [r.name for r in ne.scenario_ranges("ussr-1932", later=None)][:3]
    ['economy.A', 'economy.labour', 'economy.final_demand']
    """
    base, later_sc = _resolve(scenario, later)
    rows = [_rows(base)] + ([] if later_sc is None else [_rows(later_sc)])
    targets = _targets(base, later_sc)
    names = list(targets)
    for what, given in (("include", include), ("exclude", exclude),
                        ("shape", shape if isinstance(shape, Mapping) else None),
                        ("groups", groups)):
        unknown = [k for k in (given or ()) if k not in targets]
        if unknown:
            raise UncertaintyError(f"{what} names unknown uncertain parameters {unknown}; "
                                   f"they are {names}.")
    if include is not None:
        names = [n for n in names if n in set(include)]
    names = [n for n in names if n not in set(exclude)]
    out = []
    for n in names:
        i, key = targets[n][0]
        low, central, high, whole = rows[i][key]
        kind = shape.get(n, "uniform") if isinstance(shape, Mapping) else shape
        if whole and kind != "uniform":
            raise UncertaintyError(f"{n!r} is a whole number: it is drawn uniformly from "
                                   f"{low:g} to {high:g}; give it no other shape.")
        where = ", ".join(f"{(base, later_sc)[j].name}: {k}" for j, k in targets[n])
        out.append(ParameterRange(n, low, central, high, kind, (groups or {}).get(n),
                                  source=where, integer=whole))
    return tuple(out)


# ------------------------------------------------------------------------- the model
def report_cells(report: Any) -> pd.Series:
    """Every numeric cell of a report as one Series indexed by (section, row, column)."""
    keys: list[tuple[str, str, str]] = []
    vals: list[float] = []
    for s in report.sections:
        v = np.asarray(s.values, dtype=float)
        for i, r in enumerate(s.rows):
            for j, c in enumerate(s.columns):
                keys.append((s.key, r.key, c.key))
                vals.append(v[i, j])
    index = pd.MultiIndex.from_tuples(keys, names=["section", "row", "column"])
    return pd.Series(vals, index=index, dtype=float)


class _ReportModel:
    """One draw → the report's cells. Scenarios travel to Dask workers as TOML text."""

    def __init__(self, base: Any, later: Any, targets: Mapping[str, Sequence[tuple[int, str]]],
                 melt: float | None) -> None:
        self.scenarios = (base,) if later is None else (base, later)
        self.targets = dict(targets)
        self.melt = melt
        self._tables()

    def _tables(self) -> None:
        """The value of every table parameter (a factor scales its every entry)."""
        self.tables, self.integers, self.centrals = [], [], []
        for sc in self.scenarios:
            t = sc.parameters()
            self.tables.append({k: t.loc[k, "value"] for k in t.index
                                if t.loc[k, "range"] == "factor"})
            rows = _rows(sc)
            self.integers.append({k for k, (*_, whole) in rows.items() if whole})
            self.centrals.append({k: central for k, (_, central, *_) in rows.items()})

    def central_value(self, name: str) -> float:
        """The central value of an input (1 for a table's factor)."""
        i, key = self.targets[name][0]
        return self.centrals[i][key]

    def __getstate__(self) -> dict[str, Any]:
        from ..scenarios.scenario import dumps

        return {"toml": tuple(dumps(s) for s in self.scenarios), "targets": self.targets,
                "melt": self.melt}

    def __setstate__(self, state: dict[str, Any]) -> None:
        from ..scenarios.scenario import loads

        self.scenarios = tuple(loads(t) for t in state["toml"])
        self.targets, self.melt = state["targets"], state["melt"]
        self._tables()

    def report(self, params: Mapping[str, float]) -> Any:
        from ..report.surplus import report

        changes: list[dict[str, float]] = [{} for _ in self.scenarios]
        for name, value in params.items():
            for i, key in self.targets[name]:
                table = self.tables[i].get(key)
                if table is not None:
                    changes[i][key] = _scaled(table, value)
                elif key in self.integers[i]:
                    changes[i][key] = round(value)
                else:
                    changes[i][key] = value
        scs = [s.with_values(c) if c else s for s, c in zip(self.scenarios, changes,
                                                               strict=True)]
        return report(scs[0], later=scs[1] if len(scs) > 1 else None, melt=self.melt)

    def __call__(self, params: Mapping[str, float]) -> pd.Series:
        return report_cells(self.report(params))


def _scaled(table: Any, factor: float) -> Any:
    """Every number of a (nested) table times ``factor``."""
    if isinstance(table, Mapping):
        return {k: _scaled(v, factor) for k, v in table.items()}
    if isinstance(table, list | tuple):
        return [_scaled(v, factor) for v in table]
    return float(table) * factor


# ------------------------------------------------------------------------ the result
@dataclass(frozen=True, eq=False, repr=False)
class ReportDraw(Result):
    """The report's numbers in one draw, laid out like the report (what events receive)."""

    _cells: pd.Series = field(repr=False)
    _template: Any = field(repr=False)

    _title = "Report in one draw"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Sections and numeric cells."""
        return [("sections", len(self.keys), ""), ("cells", len(self._cells), "")]

    def benchmark_name(self) -> str | None:
        """The report drawn."""
        return f"{self._template.title} ({self._template.scenarios})"

    @property
    def keys(self) -> tuple[str, ...]:
        """Section keys."""
        return self._template.keys

    def value(self, section: str, row: str, column: str) -> float:
        """One number: section key, row key, column key."""
        try:
            return float(self._cells[(section, row, column)])
        except KeyError:
            raise UncertaintyError(f"no cell ({section!r}, {row!r}, {column!r}) in the "
                                   f"report; sections: {list(self.keys)}.") from None

    def to_frame(self, section: str | None = None) -> pd.DataFrame:
        """One section in this draw, as :meth:`Report.to_frame` gives it.

        Without a section: every numeric cell, indexed by (section, row, column).
        """
        if section is None:
            return self._cells.rename("value").to_frame()
        frame = self._template.to_frame(section)
        part = self._cells.loc[section].unstack("column")
        for col in part.columns:
            frame[col] = part[col].reindex(frame.index)
        return frame


@dataclass(frozen=True, eq=False, repr=False)
class ReportUncertainty(Result):
    """The report with intervals: every numeric cell over the draws.

    Attributes
    ----------
    report : Report
        The report at the central values (the scenarios as written).
    propagation : Propagation
        The generic result: cells indexed by (section, row, column).
    """

    report: Any
    propagation: Propagation

    _title = "Report with uncertainty"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Draws and uncertain parameters."""
        return [("draws", self.draws, ""), ("parameters", len(self.parameters), "")]

    def benchmark_name(self) -> str | None:
        """The report and how the draws were taken."""
        p = self.propagation
        return f"{self.report.title}; {p.method} draws, seed {p.seed}"

    @property
    def parameters(self) -> tuple[ParameterRange, ...]:
        return self.propagation.parameters

    @property
    def draws(self) -> int:
        return self.propagation.draws

    def to_frame(self, section: str | None = None) -> pd.DataFrame:
        """Central, mean, std and percentiles per cell (one section, or every section)."""
        frame = self.propagation.to_frame()
        return frame if section is None else frame.loc[section]

    def interval(self, section: str, low: float = 5, high: float = 95) -> pd.DataFrame:
        """One section as text cells ``central [p_low–p_high]`` (rows × columns)."""
        c = self.propagation.central.loc[section]
        lo = self.propagation.percentile(low).loc[section]
        hi = self.propagation.percentile(high).loc[section]
        text = pd.Series([f"{_num(a)} [{_num(b)}–{_num(d)}]" for a, b, d in zip(c, lo, hi,
                                                                                 strict=True)],
                         index=c.index)
        frame = text.unstack("column")
        sec = self.report.section(section)
        return frame.reindex(index=[r.key for r in sec.rows], columns=[k.key for k in
                                                                        sec.columns])

    def probability(self, event: Callable[[ReportDraw], Any]) -> float:
        """Share of the draws in which ``event(draw)`` is true (see :class:`ReportDraw`)."""
        samples = self.propagation._samples
        cells = self.propagation.cells
        hits = [bool(event(ReportDraw(pd.Series(samples[i], index=cells), self.report)))
                for i in range(self.draws)]
        return float(np.mean(hits))

    # display: one document (uncertainty/flags.py) for text, HTML, Markdown and LaTeX
    @property
    def title(self) -> str:
        """The report's title, with intervals."""
        return f"{self.report.title}, with intervals"

    def summary(self, low: float = 5, high: float = 95, width: int | None = None) -> str:
        """Every section, each number as ``central [p_low–p_high]``, flagged cells noted
        (what ``nonequivalent report --draws N`` prints)."""
        from .flags import render_intervals

        return render_intervals(self, "text", width, low, high)

    def _repr_html_(self) -> str:
        from .flags import render_intervals

        return render_intervals(self, "html")

    def to_markdown(self) -> str:
        """The report with intervals as Markdown."""
        from .flags import render_intervals

        return render_intervals(self, "markdown")

    def to_latex(self) -> str:
        """The report with intervals as LaTeX (escaped; needs ``booktabs``, ``graphicx``)."""
        from .flags import render_intervals

        return render_intervals(self, "latex")

    def flags(self, low: float = 5, high: float = 95) -> tuple[Any, ...]:
        """The cells whose interval needs a word (see :mod:`nonequivalent.uncertainty.flags`)."""
        from .flags import interval_flags

        return interval_flags(self, low, high)

    def figure(self, section: str = "sources", column: str = "share_hours", *,
               low: float = 5, high: float = 95) -> Any:
        """Interval bars of one column of a section (default: the sources' shares)."""
        from ..plotting.uncertainty import interval_figure

        sec = self.report.section(section)
        cells = [(section, r.key, column) for r in sec.rows]
        col = next((c for c in sec.columns if c.key == column), None)
        if col is None:
            raise UncertaintyError(f"no column {column!r} in section {section!r}; columns: "
                                   f"{[c.key for c in sec.columns]}.")
        groups = [(r.group or r.key).replace("_", " ").replace("two earner", "two-earner")
                  for r in sec.rows]
        labels = [r.label if not r.group or g in r.label or r.key == r.group
                  else f"{r.label} ({g})" for r, g in zip(sec.rows, groups, strict=True)]
        return interval_figure(self.propagation, cells, low=low, high=high, unit=col.unit,
                               labels=labels, colour_by=groups,
                               title=f"{sec.title}: {col.label}")

    def __repr__(self) -> str:
        return (f"ReportUncertainty({self.report.scenarios}, {self.draws} draws, "
                f"{len(self.parameters)} parameters)")


def _num(x: float) -> str:
    return format_number(x)


def _model(scenario: Any, later: Any, parameters: Sequence[ParameterRange] | None,
           melt: float | None, names: Sequence[str] | None = None,
           ) -> tuple[_ReportModel, tuple[ParameterRange, ...]]:
    base, later_sc = _resolve(scenario, later)
    targets = _targets(base, later_sc)
    if names is None:
        params = scenario_ranges(base, later_sc) if parameters is None else tuple(parameters)
        names = [p.name for p in params]
    else:
        params = ()
    unknown = [n for n in names if n not in targets]
    if unknown:
        raise UncertaintyError(f"unknown uncertain parameters {unknown}; those of these "
                               f"scenarios are {list(targets)}.")
    return _ReportModel(base, later_sc, {n: targets[n] for n in names}, melt), params


def _choose(model: _ReportModel, vectorized: bool | None,
            central: Any = None) -> tuple[Any, bool]:
    """The batch model when it computes these scenarios (or as forced), else the per-draw
    model; ``vectorized=True`` on scenarios it does not compute raises, saying why."""
    from .batch import BatchModel, why_not_batched

    if vectorized is not None and not isinstance(vectorized, bool):
        raise UncertaintyError(f"vectorized must be True, False or None; got {vectorized!r}.")
    if vectorized is False:
        return model, False
    reason = why_not_batched(model.scenarios, [t for ts in model.targets.values()
                                               for t in ts])
    if reason is None:
        return BatchModel(model, None if central is None else report_cells(central)), True
    if vectorized:
        raise UncertaintyError(f"vectorized=True, but the batch path cannot compute this "
                               f"report: {reason}. Leave vectorized=None to fall back to "
                               "the per-draw loop.")
    return model, False


def report_sensitivity(scenario: Any = "ussr-1928", later: Any = None, *,
                       draws: int = 64, seed: int | None = 0,
                       parameters: Sequence[ParameterRange] | None = None,
                       cells: Sequence[tuple[str, str, str]] | None = None,
                       melt: float | None = None, scheduler: Any = None,
                       progress: bool = False, vectorized: bool | None = None) -> Any:
    """Sobol' indices of report cells: which scenario range moves each number most.

    Parameters
    ----------
    scenario, later, melt, parameters
        As in :func:`report_uncertainty`.
    draws, seed, scheduler, progress
        As in :func:`~nonequivalent.sobol_sensitivity`: the report is computed
        ``draws × (inputs + 2)`` times (about 0.3 s each for the built-in pair per draw;
        well under a millisecond each on the batch path).
    vectorized : bool or None
        As in :func:`report_uncertainty`.
    cells : sequence of (section, row, column), optional
        The cells (default: the group shares of the change in the fund, in hours, when
        there is a later scenario; the groups' shares of the fund otherwise).

    Returns
    -------
    Sensitivity
    """
    from .sensitivity import sobol_sensitivity

    model, params = _model(scenario, later, parameters, melt)
    rep = model.report({})
    if cells is None:
        if "sources" in rep.keys:
            cells = [("sources", r.key, "share_hours") for r in rep.section("sources").rows
                     if r.key.endswith(".total")]
        else:
            cells = [("account_hours_base", r.key, "share_of_fund")
                     for r in rep.section("account_hours_base").rows if r.key != "state"]
    fn, batched = _choose(model, vectorized, rep)
    return sobol_sensitivity(fn, params, draws=draws, seed=seed, cells=list(cells),
                             scheduler=scheduler, progress=progress, vectorized=batched)


def report_uncertainty(scenario: Any = "ussr-1928", later: Any = None, *,
                       draws: int = 1000, seed: int | None = 0, method: str = "lhs",
                       parameters: Sequence[ParameterRange] | None = None,
                       correlation: Mapping[tuple[str, str], float] | None = None,
                       melt: float | None = None, percentiles: Sequence[float] = (5, 50, 95),
                       scheduler: Any = None, progress: bool = False,
                       vectorized: bool | None = None) -> ReportUncertainty:
    """The surplus report with intervals: the scenarios' ranges through every account.

    Parameters
    ----------
    scenario, later, melt
        As in :func:`~nonequivalent.report`.
    draws, seed, method, correlation, percentiles, scheduler, progress
        As in :func:`~nonequivalent.propagate`.
    parameters : sequence of ParameterRange, optional
        The uncertain inputs (default: :func:`scenario_ranges` of the scenarios; pass a
        selection or other shapes from it). Names must be those of :func:`scenario_ranges`.
    vectorized : bool or None
        ``None`` (default): evaluate the draws in batches with plain numpy
        (:mod:`nonequivalent.uncertainty.batch`) when every group is a built-in kind and the
        benchmark is of labour values, else one :func:`~nonequivalent.report` per draw.
        ``True`` forces the batch path (an :class:`~nonequivalent.UncertaintyError` says
        why it cannot), ``False`` the per-draw loop. Both give the same numbers (to
        rounding) and the same draws for a seed.

    Returns
    -------
    ReportUncertainty
    """
    model, params = _model(scenario, later, parameters, melt)
    central_report = model.report({})
    fn, batched = _choose(model, vectorized, central_report)
    prop = propagate(fn, params, draws=draws, seed=seed, method=method, vectorized=batched,
                     correlation=correlation, percentiles=percentiles, scheduler=scheduler,
                     progress=progress)
    return ReportUncertainty(central_report, prop)


def report_batch(scenario: Any = "ussr-1928", later: Any = None, draws: Any = None, *,
                 melt: float | None = None) -> pd.DataFrame:
    """The report's numeric cells for every draw of a DataFrame of parameter values.

    Parameters
    ----------
    scenario, later, melt
        As in :func:`~nonequivalent.report`.
    draws : DataFrame
        One row per draw, one column per uncertain parameter, named as by
        :func:`~nonequivalent.scenario_ranges` (``"workers.hours"``,
        ``"1932:peasants.taxes"``): a table's value is a factor on its every entry.

    Returns
    -------
    DataFrame
        One row per draw; columns the (section, row, column) cells of
        :func:`~nonequivalent.report_cells`, in the same order.

    Raises
    ------
    UncertaintyError
        Unknown parameter names; scenarios the batch path does not compute (a registered
        group kind, another benchmark: use the per-draw loop).
    ScenarioError, NonequivalentError
        A draw the report refuses (the same error as :func:`~nonequivalent.report`).

    Examples
    --------
    >>> import pandas as pd
    >>> import nonequivalent as ne
    >>> d = pd.DataFrame({"workers.hours": [1900.0, 2100.0]})
    >>> out = ne.report_batch("ussr-1928", draws=d)
    >>> out[("workers", "workers.hours", "1928")].tolist()
    [1900.0, 2100.0]
    """
    from .batch import BatchModel, why_not_batched
    from .model import _real

    if not isinstance(draws, pd.DataFrame):
        raise UncertaintyError("draws must be a DataFrame: one row per draw, one column per "
                               "uncertain parameter (names as in ne.scenario_ranges).")
    try:  # real numbers only: a complex draw is refused, never cut to its real part
        _real(draws.to_numpy())
    except UncertaintyError as exc:
        raise UncertaintyError(f"draws: {exc}") from None
    except (TypeError, ValueError):
        raise UncertaintyError("draws must be numbers in every cell.") from None
    model = _model(scenario, later, None, melt, names=list(draws.columns))[0]
    reason = why_not_batched(model.scenarios, [t for n in draws.columns
                                               for t in model.targets[n]])
    if reason is not None:
        raise UncertaintyError(f"the batch path cannot compute this report: {reason}; "
                               "use ne.report per draw.")
    return BatchModel(model)(draws)
