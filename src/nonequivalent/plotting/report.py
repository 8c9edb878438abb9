"""The report figure: the panels of a surplus report in one figure."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..errors import PlotDataError

if TYPE_CHECKING:  # pragma: no cover - typing only
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


from ._common import (
    _WAGE_UNIT,
    _panels,
    _source_text,
)
from .figures import (
    _draw_earners,
    _draw_extraction,
    _draw_scissors,
    _draw_surplus,
)


# ---------------------------------------------------------------------------- report
def report_figure(*, scissors: Any = None, extraction: Mapping[str, Any] | None = None,
                  surplus: Any = None, earners: Mapping[str, Any] | Any = None,
                  title: str | None = None, surplus_unit: str = "hours",
                  source: str | None = None) -> Figure:
    """Combine the panels of a scenario report into one figure (``nonequivalent report``).

    Parameters
    ----------
    scissors : DataFrame or Series, optional
        As for :func:`scissors_figure`.
    extraction : mapping, optional
        Keyword arguments of :func:`extraction_figure` (``curve`` required; also
        ``optimum``, ``current``, ``benchmark_price``, ``unit``, ``price_unit``,
        ``title``).
    surplus : DataFrame or mapping, optional
        As for :func:`surplus_figure`.
    earners : Series, DataFrame or mapping, optional
        As for :func:`earners_figure` (a mapping gives ``data`` and ``observed``).
    title : str, optional
        Overall title (e.g. the scenario name).
    surplus_unit : str
        Unit of the surplus panel.
    source : str, optional
        Source line for the whole figure.

    Returns
    -------
    matplotlib.figure.Figure
        One panel per part given, in a grid of two columns.

    Raises
    ------
    PlotDataError
        No part given, or a part's data is unusable.

    Examples
    --------
    >>> import pandas as pd
    >>> from nonequivalent import plotting
    >>> sigma = pd.Series([1.0, 1.3], index=[1913, 1928])
    >>> table = pd.DataFrame({"1928": [30.0, 50.0]}, index=["peasants", "workers"])
    >>> fig = plotting.report_figure(scissors=sigma, surplus=table, title="Example",
    ...                              source="illustrative")
    >>> [ax.get_title() for ax in fig.axes]
    ['The price scissors', 'Surplus by group']
    """
    parts: list[tuple[str, Any]] = [(k, v) for k, v in (("scissors", scissors),
                                                        ("extraction", extraction),
                                                        ("surplus", surplus),
                                                        ("earners", earners))
                                    if v is not None]
    if not parts:
        raise PlotDataError("report figure: give at least one of scissors, extraction, "
                            "surplus, earners.")
    draws = [_report_panel(kind, value, surplus_unit) for kind, value in parts]
    return _panels(draws, _source_text(source, scissors, surplus), panel_size=(6.2, 4.4),
                   title=title, title_size=13)


_EXTRACTION_KEYS = frozenset({"curve", "optimum", "current", "benchmark_price", "unit",
                              "price_unit", "title"})


def _report_panel(kind: str, value: Any, surplus_unit: str) -> Callable[[Axes], None]:
    """The drawing function of one part of :func:`report_figure` (checked before drawing)."""
    if kind == "scissors":
        return functools.partial(_draw_scissors, data=value, industrial="industrial",
                                 agricultural="agricultural", scissors="scissors")
    if kind == "extraction":
        kw = dict(value)
        if "curve" not in kw:
            raise PlotDataError("report figure: the extraction part needs a 'curve'.")
        unknown = sorted(set(kw) - _EXTRACTION_KEYS)
        if unknown:
            raise PlotDataError(f"report figure: unknown extraction keys {unknown}.")
        return functools.partial(_draw_extraction, **kw)
    if kind == "surplus":
        return functools.partial(_draw_surplus, data=value, unit=surplus_unit,
                                 exclude=("state",))
    if isinstance(value, Mapping) and "data" in value:
        return functools.partial(_draw_earners, data=value["data"],
                                 observed=value.get("observed"),
                                 wage_unit=value.get("wage_unit", _WAGE_UNIT))
    return functools.partial(_draw_earners, data=value, observed=None, wage_unit=_WAGE_UNIT)


def figure_of_report(report: Any, scenarios: Sequence[Any]) -> Figure:
    """The figure of a :class:`~nonequivalent.Report` (``nonequivalent report --plot``).

    Panels: the price scissors of the base scenario, the grain squeeze (extraction
    ``(p^e − p) q(p)`` of the first peasant group with a marketing response, against its
    price), the surplus by group in each period, and the earners a family needs after a
    real-wage cut ``δ``, ``m0 / (1 − δ)`` (Marx, *Capital* I, ch. 15 §3a), with each
    scenario's household.

    Parameters
    ----------
    report : Report
        From :func:`nonequivalent.report`.
    scenarios : sequence of Scenario
        The scenarios of the report, base first.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import nonequivalent as ne
    >>> from nonequivalent import plotting, scenarios
    >>> s = scenarios.load("ussr-1928")
    >>> fig = plotting.figure_of_report(ne.report(s, later=None), [s])
    >>> len([ax for ax in fig.axes if ax.get_visible()])
    4
    """
    from ..exchange.procurement import IsoelasticResponse, extraction, squeeze_diagnostic
    from ..groups.households import earners_needed

    base = scenarios[0]
    u = base.units
    scissors = None
    if base.scissors is not None:
        scissors = base.scissors_frame().rename(columns={"ratio": "scissors"})
    extraction_part = None
    peasants = [g for g in base.groups if getattr(g, "marketing_good", None)]
    if peasants:
        g = peasants[0]
        good = g.marketing_good
        resp = IsoelasticResponse(q0=g.sells[good], p0=float(base.prices[good]),
                                  elasticity=g.marketing_elasticity)
        pe = float(report.to_frame("squeeze").loc[f"{g.name}.benchmark_price",
                                                  report.periods[0]])
        d = squeeze_diagnostic(resp, pe, float(base.prices[good]))
        grid = np.linspace(pe / 50, pe, 200)
        curve = pd.Series(extraction(resp, pe, grid), index=grid)
        extraction_part = {"curve": curve, "optimum": d.optimum,
                           "current": (d.price, d.extraction), "benchmark_price": pe,
                           "unit": f"{u.money} at benchmark prices",
                           "price_unit": f"{good}, {u.price}",
                           "title": f"The grain squeeze, {report.periods[0]}: harder "
                                    "collects less"}
    surplus = {}
    for which, label in zip(("base", "later"), report.periods, strict=False):
        sec = report.section(f"account_hours_{which}")
        j = [c.key for c in sec.columns].index("surplus_hours")
        surplus[label] = pd.Series([float(v) for v in sec.values[:, j]],
                                   index=[r.label for r in sec.rows])
    surplus_frame = pd.DataFrame(surplus)
    surplus_frame.columns.name = "year"
    wage = np.linspace(100.0, 40.0, 121)
    need = [earners_needed(1.0, 1.0 - w / 100.0) for w in wage]
    earners = pd.DataFrame({"earners needed m0/(1−δ)": [e.fractional for e in need],
                            "whole earners": [float(e.whole) for e in need]}, index=wage)
    observed = pd.DataFrame({
        "scenario household": [float(sc.household.earners) for sc in scenarios],
        "label": [str(sc.year) for sc in scenarios]},
        index=[100.0 * (1.0 - sc.real_wage_cut) for sc in scenarios])
    names = ", ".join(f"'{sc.name}'" for sc in scenarios)
    parts = [f"Source: nonequivalent scenarios {names} (calibrated; parameters marked "
             "historical or assumed in each scenario file)"]
    prov = base.provenance
    if "scissors" in prov and prov["scissors"].get("source"):
        parts.append("scissors: " + prov["scissors"]["source"].split(". No later")[0])
    return report_figure(
        scissors=scissors, extraction=extraction_part, surplus=surplus_frame,
        earners={"data": earners, "observed": observed,
                 "wage_unit": f"index, {base.year} = 100"},
        title="Non-equivalent exchange and the sources of accumulation: "
              + " and ".join(report.periods),
        surplus_unit=u.hours, source="; ".join(parts) + ".")
