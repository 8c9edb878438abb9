"""Single figures: the scissors, the extraction curve, surplus by group, earners, variants."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..errors import PlotDataError

if TYPE_CHECKING:  # pragma: no cover - typing only
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


from ._common import (
    _CYCLE,
    _EXTRACTION_TITLE,
    _EXTRACTION_UNIT,
    _PRICE_UNIT,
    _WAGE_UNIT,
    GROUP_COLOURS,
    _as_frame,
    _colour,
    _decorate,
    _num,
    _numeric,
    _panels,
    _require_columns,
    _source_text,
    _thousands,
    _wrong_kind,
)


def _draw_scissors(ax: Axes, data: Any, industrial: str, agricultural: str,
                   scissors: str) -> None:
    if isinstance(data, pd.Series):
        sigma = _numeric(data.to_frame("s"), "scissors index")["s"]
        sigma.index = _time_index(sigma.index)
        ax.plot(sigma.index, sigma.to_numpy(), marker="o", color=_CYCLE[0], lw=2,
                label="scissors index σ")
        ax.axhline(1.0, color="0.4", lw=0.8, ls="--", label="parity (σ = 1)")
        ax.set_ylabel("scissors index σ (base period = 1)")
        last = sigma.iloc[-1]
        ax.annotate(f"σ = {last:.2f}", (sigma.index[-1], last), textcoords="offset points",
                    xytext=(-10, 8), ha="right", fontsize=9)
    else:
        frame = _as_frame(data, "scissors data", "a DataFrame of industrial and "
                          "agricultural price indices, or a Series of the scissors index "
                          "(ne.scissors_index)")
        _require_columns(frame, (industrial, agricultural), "scissors data",
                         f"give price indices in columns {industrial!r} and "
                         f"{agricultural!r} (or a Series of the scissors index)")
        frame = _numeric(frame[[industrial, agricultural]
                               + ([scissors] if scissors in frame.columns else [])],
                         "scissors data")
        x = _time_index(frame.index)
        ind, agr = frame[industrial].to_numpy(), frame[agricultural].to_numpy()
        ax.plot(x, ind, marker="o", lw=2, color=_CYCLE[0],
                label=f"{industrial} prices")
        ax.plot(x, agr, marker="s", lw=2, color=GROUP_COLOURS["peasants"],
                label=f"{agricultural} prices")
        ax.fill_between(x, agr, ind, where=ind >= agr, color=_CYCLE[0], alpha=0.12,
                        interpolate=True, label="the blades apart (industry dearer)")
        ax.fill_between(x, agr, ind, where=ind < agr, color=GROUP_COLOURS["peasants"],
                        alpha=0.12, interpolate=True)
        unit = frame.attrs.get("unit") if hasattr(frame, "attrs") else None
        ax.set_ylabel(f"price index ({unit})" if unit else "price index (base period = 100)")
        if scissors in frame.columns:
            sigma_last = float(frame[scissors].iloc[-1])
            ax.annotate(f"σ = {sigma_last:.2f}", (x[-1], (ind[-1] + agr[-1]) / 2),
                        textcoords="offset points", xytext=(-10, 0), ha="right",
                        va="center", fontsize=10, fontweight="bold",
                        bbox={"boxstyle": "round", "fc": "white", "ec": "0.7"})
    ax.set_xlabel(_index_label(data, "year"))
    _integer_ticks(ax, data.index)
    _decorate(ax, "The price scissors")


def _time_index(index: pd.Index) -> pd.Index:
    """Dates for period labels such as ``"1923-10"`` (so the axis spaces them in time).

    Integer years and anything that does not read as dates are returned unchanged.
    """
    if not (pd.api.types.is_object_dtype(index.dtype)
            or pd.api.types.is_string_dtype(index.dtype)):
        return index
    try:
        return pd.DatetimeIndex(pd.to_datetime(index.astype(str), format="mixed"),
                                name=index.name)
    except (ValueError, TypeError):
        return index


def _integer_ticks(ax: Axes, index: Any, axis: str = "x") -> None:
    """Whole-number ticks (years) when the index is integer-valued."""
    from matplotlib.ticker import MaxNLocator

    if pd.api.types.is_integer_dtype(getattr(index, "dtype", None)):
        getattr(ax, f"{axis}axis").set_major_locator(MaxNLocator(integer=True))


def _index_label(data: Any, default: str) -> str:
    name = getattr(getattr(data, "index", None), "name", None)
    return str(name) if name else default


def scissors_figure(data: pd.DataFrame | pd.Series, *, industrial: str = "industrial",
                    agricultural: str = "agricultural", scissors: str = "scissors",
                    source: str | None = None) -> Figure:
    """Draw the price scissors over time.

    With a DataFrame, draws the industrial and agricultural price indices (the two blades)
    and shades the gap; a ``scissors`` column, if present, labels the last point with σ.
    With a Series, draws the scissors index σ itself against parity (σ = 1). The index is
    ``σ = (P_m,t / P_m,0) / (P_a,t / P_a,0)`` (Preobrazhensky, *The New Economics*, 1926,
    ch. 2), computed by :func:`nonequivalent.scissors_index`.

    Parameters
    ----------
    data : DataFrame or Series
        Indexed by period (e.g. year). DataFrame columns ``industrial`` and
        ``agricultural`` hold price indices; a Series holds σ.
    industrial, agricultural, scissors : str
        Column names to read.
    source : str, optional
        Source line; defaults to ``data.attrs["source"]``.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    PlotDataError
        A column is missing, the data is empty or not numeric.

    Examples
    --------
    >>> import pandas as pd
    >>> from nonequivalent import plotting
    >>> sigma = pd.Series([1.0, 1.21, 1.45], index=pd.Index([1926, 1927, 1928], name="year"))
    >>> ax = plotting.scissors_figure(sigma, source="illustrative").axes[0]
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('year', 'scissors index σ (base period = 1)')
    """
    return _panels([lambda ax: _draw_scissors(ax, data, industrial, agricultural, scissors)],
                   _source_text(source, data))


# ---------------------------------------------------------------------------- extraction
def _point(obj: Any, names: Iterable[str]) -> float | None:
    if obj is None:
        return None
    if isinstance(obj, int | float | np.floating | np.integer):
        return float(obj)
    for name in names:
        if hasattr(obj, name):
            return float(getattr(obj, name))
    return None


def _draw_extraction(ax: Axes, curve: pd.Series, optimum: Any = None, current: Any = None,
                     benchmark_price: float | None = None, unit: str = _EXTRACTION_UNIT,
                     price_unit: str = _PRICE_UNIT, title: str = _EXTRACTION_TITLE) -> None:
    if isinstance(curve, pd.DataFrame):
        if curve.shape[1] != 1:
            raise PlotDataError("extraction curve: give a Series (extraction indexed by "
                                "price) or a one-column DataFrame.")
        curve = curve.iloc[:, 0]
    if not isinstance(curve, pd.Series):
        raise _wrong_kind(curve, "extraction curve", "a Series of extraction indexed by "
                          "the procurement price (ne.extraction on a grid of prices)")
    if curve.empty:
        raise PlotDataError("extraction curve: give a non-empty Series of extraction indexed "
                            "by the procurement price.")
    c = _numeric(curve.to_frame("e"), "extraction curve")["e"]
    price = np.asarray(c.index, dtype=float)
    order = np.argsort(price)
    price, values = price[order], c.to_numpy()[order]
    ax.plot(price, values, lw=2, color=_CYCLE[0], label="extraction (pᵉ − p)·q(p)")
    ax.axhline(0.0, color="0.4", lw=0.8)
    p_star = _point(optimum, ("price", "optimal_price", "p_star"))
    if p_star is not None:
        e_star = (None if isinstance(optimum, int | float | np.number)
                  else _point(optimum, ("extraction", "maximum", "value", "max_extraction")))
        if e_star is None:
            e_star = float(np.interp(p_star, price, values))
        ax.plot([p_star], [e_star], marker="*", ms=14, color=_CYCLE[4], ls="none",
                label=f"maximum: p* = {p_star:.3g}")
        ax.axvline(p_star, color=_CYCLE[4], lw=0.8, ls=":")
    if current is not None:
        if isinstance(current, tuple):
            p_now, e_now = float(current[0]), float(current[1])
        else:
            p_now = float(current)
            e_now = float(np.interp(p_now, price, values))
        ax.plot([p_now], [e_now], marker="o", ms=9, color=GROUP_COLOURS["workers"],
                ls="none", label=f"current price: p = {p_now:.3g}")
    if benchmark_price is not None:
        ax.axvline(float(benchmark_price), color="0.4", lw=0.8, ls="--",
                   label=f"benchmark pᵉ = {float(benchmark_price):.3g}")
    ax.set_xlabel(f"procurement price p ({price_unit})")
    ax.set_ylabel(f"extraction ({unit})")
    _thousands(ax)
    _decorate(ax, title)


def extraction_figure(curve: pd.Series, *, optimum: Any = None, current: Any = None,
                      benchmark_price: float | None = None,
                      unit: str = _EXTRACTION_UNIT, price_unit: str = _PRICE_UNIT,
                      title: str = _EXTRACTION_TITLE,
                      source: str | None = None) -> Figure:
    """Draw the extraction curve with its maximum and the current position.

    The extraction from a group whose marketed surplus responds to price as ``q(p)`` is
    ``E(p) = (p^e - p) q(p)``; with ``q = q0 (p/p0)^ε`` it peaks at ``p* = ε p^e / (1 + ε)``
    (Sah & Stiglitz, *AER* 74, 1984): below ``p*`` a harder squeeze collects
    less, as in the grain crisis of 1927–28.

    Parameters
    ----------
    curve : Series
        Extraction indexed by the procurement price (e.g. from
        :func:`nonequivalent.extraction` evaluated on a grid).
    optimum : float, tuple or result, optional
        The maximizing price ``p*`` (a number), or an object with ``price`` and
        ``extraction`` attributes (e.g. :func:`nonequivalent.squeeze_optimum`'s result).
    current : float or (price, extraction), optional
        The current price; its extraction is read from the curve if not given.
    benchmark_price : float, optional
        The equivalence benchmark ``p^e`` (drawn as a dashed line).
    unit, price_unit : str
        Units of extraction and of price for the axis labels.
    title : str
        Title of the panel.
    source : str, optional
        Source line; defaults to ``curve.attrs["source"]``.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    PlotDataError
        The curve is empty, not a Series or not numeric.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from nonequivalent import plotting
    >>> p = np.linspace(0.05, 1.0, 40)
    >>> curve = pd.Series((1.0 - p) * p ** 0.5, index=p)   # ε = 0.5, pᵉ = 1: p* = 1/3
    >>> fig = plotting.extraction_figure(curve, optimum=1 / 3, current=0.2,
    ...                                  benchmark_price=1.0, source="illustrative")
    >>> fig.axes[0].get_xlabel()
    'procurement price p (money per unit)'
    """
    return _panels([lambda ax: _draw_extraction(ax, curve, optimum, current, benchmark_price,
                                                unit, price_unit, title)],
                   _source_text(source, curve))


# ---------------------------------------------------------------------------- surplus
_SURPLUS_EXPECTED = ("a SurplusAccount (ne.surplus_account or ne.group_account), a "
                     "mapping {period: SurplusAccount or Series by group}, or a DataFrame "
                     "groups x periods")


def _account_column(acc: Any, unit: str) -> pd.Series:
    """The surplus column of a surplus account: money when the unit says money."""
    col = "surplus_money" if "money" in unit.lower() else "surplus_hours"
    return acc.table[col]


def _surplus_table(data: Any, unit: str = "hours") -> pd.DataFrame:
    """Groups x periods table from a DataFrame, a SurplusAccount, or a mapping
    period -> Series/SurplusAccount."""
    from ..accounts.surplus import SurplusAccount

    if isinstance(data, SurplusAccount):
        data = {"surplus": data}
    if isinstance(data, Mapping):
        cols = {}
        for period, item in data.items():
            if isinstance(item, SurplusAccount):
                cols[period] = _account_column(item, unit)
            elif isinstance(item, pd.Series):
                cols[period] = item
            elif isinstance(item, pd.DataFrame):
                if item.shape[1] != 1:
                    raise PlotDataError(
                        f"surplus data for {period!r}: a DataFrame with {item.shape[1]} "
                        "columns; pick the one column to draw.")
                cols[period] = item.iloc[:, 0]
            else:
                raise _wrong_kind(item, f"surplus data for {period!r}",
                                  "a SurplusAccount or a Series by group")
        return pd.DataFrame(cols)
    return _as_frame(data, "surplus data", _SURPLUS_EXPECTED)


def _draw_surplus(ax: Axes, data: Any, unit: str, exclude: Iterable[str]) -> None:
    table = _surplus_table(data, unit)
    drop = [g for g in table.index if str(g) in set(exclude)]
    table = _numeric(table.drop(index=drop), "surplus data")
    if table.empty:
        raise PlotDataError("surplus data: no group left to draw.")
    periods = [str(c) for c in table.columns]
    x = np.arange(len(periods))
    pos_base = np.zeros(len(periods))
    neg_base = np.zeros(len(periods))
    total = np.abs(table.to_numpy()).sum(axis=0).max()   # the tallest bar, for the labels
    for i, (group, row) in enumerate(table.iterrows()):
        vals = row.to_numpy()
        base = np.where(vals >= 0, pos_base, neg_base)
        ax.bar(x, vals, bottom=base, width=0.55, color=_colour(group, i), label=str(group),
               edgecolor="white", lw=0.6)
        for xi, v, b in zip(x, vals, base, strict=True):
            if total > 0 and abs(v) > 0.06 * total:
                ax.text(xi, b + v / 2, _num(v), ha="center", va="center", fontsize=8,
                        color="white")
        pos_base = pos_base + np.where(vals >= 0, vals, 0.0)
        neg_base = neg_base + np.where(vals < 0, vals, 0.0)
    for xi, top, bottom in zip(x, pos_base, neg_base, strict=True):
        ax.text(xi, top, f"total {_num(top + bottom)}", ha="center", va="bottom", fontsize=8)
    ax.axhline(0.0, color="0.3", lw=0.8)
    ax.set_xticks(x, periods)
    ax.set_xlim(-0.7, len(periods) - 0.3)
    ax.set_xlabel(_columns_label(table, "period"))
    ax.set_ylabel(f"surplus given ({unit})")
    _thousands(ax)
    _decorate(ax, "Surplus by group", "upper left", grid_axis="y")
    ax.margins(y=0.12)


def _columns_label(table: pd.DataFrame, default: str) -> str:
    return str(table.columns.name) if table.columns.name else default


def surplus_figure(data: pd.DataFrame | Mapping[Any, Any], *, unit: str = "hours",
                   exclude: Iterable[str] = ("state",), source: str | None = None) -> Figure:
    """Draw the surplus given by each group as stacked bars, one bar per period.

    The account by group (peasants through exchange and taxes, workers through surplus
    labour, two-earner households through the family surplus) is that of
    :func:`nonequivalent.surplus_account` (Barsov 1969; Ellman, *Economic
    Journal* 85, 1975). Negative entries (a group that receives) stack below zero. The
    state, which receives the whole, is left out by default (it would double the bar).

    Parameters
    ----------
    data : SurplusAccount, DataFrame or mapping
        Groups (rows) x periods (columns), ``{period: Series by group}``, a
        :class:`~nonequivalent.SurplusAccount` or ``{period: SurplusAccount}``. Any other
        result (an exchange account, a tribute...) raises :class:`PlotDataError`.
    unit : str
        Unit of the numbers, for the axis label (e.g. ``"million hours"``); for a
        surplus account, a unit naming money draws ``surplus_money``, else
        ``surplus_hours``.
    exclude : iterable of str
        Rows not drawn.
    source : str, optional
        Source line; defaults to ``data.attrs["source"]``.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    PlotDataError
        Empty or non-numeric data, a result of another kind, or nothing left after
        ``exclude``.

    Examples
    --------
    >>> import pandas as pd
    >>> from nonequivalent import plotting
    >>> table = pd.DataFrame({"1928": [30.0, 50.0, 0.0], "1932": [40.0, 90.0, 25.0]},
    ...                      index=["peasants", "workers", "two-earner households"])
    >>> ax = plotting.surplus_figure(table, unit="million hours", source="illustrative").axes[0]
    >>> ax.get_ylabel()
    'surplus given (million hours)'
    """
    return _panels([lambda ax: _draw_surplus(ax, data, unit, exclude)],
                   _source_text(source, data))


# ---------------------------------------------------------------------------- earners
def _draw_earners(ax: Axes, data: Any, observed: pd.DataFrame | None, wage_unit: str) -> None:
    frame = _numeric(_as_frame(data, "earners data", "a Series or DataFrame of earners "
                               "per household indexed by the real wage"),
                     "earners data").sort_index()
    x = np.asarray(frame.index, dtype=float)
    for i, col in enumerate(frame.columns):
        style = {"drawstyle": "steps-mid"} if "whole" in str(col).lower() else {}
        ax.plot(x, frame[col].to_numpy(), lw=2, color=_CYCLE[(i * 3) % len(_CYCLE)],
                label=str(col), **style)
    if observed is not None:
        obs = _as_frame(observed, "observed earners")
        if obs.shape[1] < 1:
            raise PlotDataError("observed earners: need a column of earners per household.")
        ys = _numeric(obs.iloc[:, [0]], "observed earners").iloc[:, 0]
        ax.plot(np.asarray(obs.index, dtype=float), ys.to_numpy(), ls="none", marker="D",
                ms=7, color=GROUP_COLOURS["workers"], label=str(obs.columns[0]))
        if "label" in obs.columns:
            for xi, yi, lab in zip(obs.index, ys, obs["label"], strict=True):
                ax.annotate(str(lab), (float(xi), float(yi)), textcoords="offset points",
                            xytext=(6, 4), fontsize=8)
    ax.invert_xaxis()
    ax.set_xlabel(f"real wage per earner ({wage_unit})" + " → falls")
    ax.set_ylabel("earners per household (persons)")
    _decorate(ax, "Earners needed to keep the family basket", "upper left")


def earners_figure(data: pd.Series | pd.DataFrame, *, observed: pd.DataFrame | None = None,
                   wage_unit: str = _WAGE_UNIT, source: str | None = None) -> Figure:
    """Draw earners per household against the real wage.

    With the family basket kept, a cut of the real wage by a share ``δ`` needs
    ``m1 = m0 / (1 - δ)`` earners (Marx, *Capital* I, ch. 15 §3a;
    :func:`nonequivalent.earners_needed`). The x-axis runs from high to low wages.

    Parameters
    ----------
    data : Series or DataFrame
        Indexed by the real wage; one column per curve (e.g. ``"earners needed"`` and
        ``"whole earners"``, the latter drawn as steps).
    observed : DataFrame, optional
        Historical points, indexed by real wage, first column earners per household,
        optional ``label`` column (e.g. the year).
    wage_unit : str
        Unit of the real wage for the axis label.
    source : str, optional
        Source line; defaults to ``data.attrs["source"]``.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    PlotDataError
        Empty or non-numeric data.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from nonequivalent import plotting
    >>> wage = np.linspace(100, 40, 13)
    >>> need = pd.Series(1.0 * 100 / wage, index=wage, name="earners needed")
    >>> ax = plotting.earners_figure(need, source="illustrative").axes[0]
    >>> ax.get_ylabel()
    'earners per household (persons)'
    """
    return _panels([lambda ax: _draw_earners(ax, data, observed, wage_unit)],
                   _source_text(source, data))


# ---------------------------------------------------------------------------- variants
def _variant_frame(paths: Any) -> pd.DataFrame:
    """Long table indexed by (variant, period) from a mapping or a long/wide DataFrame."""
    if isinstance(paths, Mapping):
        parts = {str(k): _as_frame(v, f"variant {k!r}") for k, v in paths.items()}
        if not parts:
            raise PlotDataError("variant paths: no variant given.")
        period = next(iter(parts.values())).index.name or "year"
        return pd.concat(parts, names=["variant", period])
    frame = _as_frame(paths, "variant paths")
    if isinstance(frame.index, pd.MultiIndex) and frame.index.nlevels == 2:
        return frame
    if "variant" in frame.columns:
        period = next((c for c in ("year", "period", "t") if c in frame.columns), None)
        if period is None:
            raise PlotDataError("variant paths: a long table needs a 'year' or 'period' "
                                "column next to 'variant'.")
        return frame.set_index(["variant", period])
    raise PlotDataError("variant paths: give a mapping {variant: DataFrame by year}, a "
                        "DataFrame indexed by (variant, year), or a long table with "
                        "'variant' and 'year' columns.")


def _draw_variant(ax: Axes, frame: pd.DataFrame, column: str, unit: str, title: str) -> None:
    _require_columns(frame, (column,), "variant paths")
    markers = ["o", "s", "^", "D", "v", "P"]
    for i, variant in enumerate(frame.index.get_level_values(0).unique()):
        sub = frame.xs(variant, level=0)[column]
        sub = _numeric(sub.to_frame(), f"variant {variant!r}").iloc[:, 0]
        ax.plot(np.asarray(sub.index, dtype=float), sub.to_numpy(), lw=2,
                marker=markers[i % len(markers)], color=_CYCLE[i % len(_CYCLE)],
                label=str(variant))
    ax.set_xlabel(str(frame.index.names[1] or "year"))
    _integer_ticks(ax, frame.index.get_level_values(1))
    ax.set_ylabel(f"{column} ({unit})")
    _decorate(ax, title)


def variants_figure(paths: Any, *, capacity: str = "capacity", consumption: str = "consumption",
                    unit: str = "base year = 100",
                    panels: Sequence[tuple[str, str, str]] | None = None,
                    title: str | None = None, source: str | None = None) -> Figure:
    """Draw the paths of capacity and of consumption under each plan variant.

    Variants (NEP continuation, the left course, the 1929 maximum variant, ...) are solved
    on the same multi-year model (see *Planning and variants*); one panel shows productive capacity,
    the other consumption, one line per variant. ``panels`` draws other columns, or more.

    Parameters
    ----------
    paths : mapping, DataFrame or result
        ``{variant: DataFrame indexed by year}`` or a DataFrame indexed by
        ``(variant, year)`` or a long table with ``variant`` and ``year`` columns; columns
        ``capacity`` and ``consumption`` (or those named in ``panels``).
    capacity, consumption : str
        Column names to draw (when ``panels`` is not given).
    unit : str
        Unit of both series (axis labels, when ``panels`` is not given).
    panels : sequence of (column, title, unit), optional
        One panel per entry, in a grid of two columns.
    title : str, optional
        Overall title.
    source : str, optional
        Source line; defaults to ``paths.attrs["source"]``.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    PlotDataError
        A column is missing, or the data cannot be read as (variant, year) paths.

    Examples
    --------
    >>> import pandas as pd
    >>> from nonequivalent import plotting
    >>> years = pd.Index([1928, 1929, 1930], name="year")
    >>> paths = {"NEP": pd.DataFrame({"capacity": [100, 104, 108],
    ...                               "consumption": [100, 103, 106]}, index=years),
    ...          "maximum": pd.DataFrame({"capacity": [100, 115, 135],
    ...                                   "consumption": [100, 92, 80]}, index=years)}
    >>> fig = plotting.variants_figure(paths, source="illustrative")
    >>> [ax.get_title() for ax in fig.axes]
    ['Productive capacity', 'Consumption']
    """
    frame = _variant_frame(paths)
    if panels is None:
        panels = [(capacity, "Productive capacity", unit), (consumption, "Consumption", unit)]
    panels = list(panels)
    if not panels:
        raise PlotDataError("variant paths: give at least one panel.")
    draws = [functools.partial(_draw_variant, frame=frame, column=column, unit=panel_unit,
                               title=panel_title)
             for column, panel_title, panel_unit in panels]
    return _panels(draws, _source_text(source, paths), panel_size=(5.2, 4.0), title=title)


