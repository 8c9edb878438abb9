"""Labour values in money: the monetary expression of labour time (MELT), labour-value
prices, the New Interpretation accounts and price–value deviations.

Labour values themselves are :meth:`nonequivalent.Economy.labour_values`
(``λ = l (I - A)^-1``, solved with the economy's cached factor). Prices of production and
the profit rates are in :mod:`nonequivalent.core.prices`, the wage–profit frontier in
:mod:`nonequivalent.core.frontier` (their old paths ``nonequivalent.core.values.production_prices``
etc. still resolve, with a ``DeprecationWarning``).

Labour of several kinds is added up in hours (homogeneous labour, one wage per hour)
unless a function says otherwise. Every result says which normalization (MELT definition)
it uses: result objects carry a ``normalization`` field, Series carry it in
``Series.attrs``. Argument order everywhere: ``(economy, prices, final_demand, ...)``.

Sources: G. Duménil, *De la valeur aux prix de production* (1980); D. K. Foley, "The value
of money, the value of labor power and the net product", *Review of Radical Political
Economics* 14(2) (1982); A. Shaikh, "The empirical strength of the labour theory of value"
(1998); I. Steedman and J. Tomkins, "On measuring the deviation of prices from values",
*Cambridge Journal of Economics* 22(3) (1998).

>>> import nonequivalent as ne
>>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
...                  sectors=["agriculture", "industry"])
>>> ne.melt(eco, prices=[1.0, 1.5], final_demand=[100, 50])
1.575
"""

from __future__ import annotations

import dataclasses
import math
import warnings
from collections.abc import Hashable, Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._deprecation import moved_names
from .._results import Result, format_number, reconciled_text
from .._validation import as_number, as_vector, require_finite
from ..errors import (
    InvalidEconomyError,
    InvalidPriceError,
)
from .economy import Economy

__all__ = [
    "NewInterpretation",
    "PriceValueDeviation",
    "labour_value_prices",
    "melt",
    "new_interpretation",
    "price_value_deviation",
]

#: A derived total counts as zero when it is below this fraction of the gross flows it sums
#: (e.g. ``|p·y| <= ZERO_TOLERANCE * p·|y|``): it cancelled to rounding noise.
ZERO_TOLERANCE = 1e-12

MeltNormalization = Literal["new-interpretation", "total-price"]
_MELT_NORMALIZATIONS = ("new-interpretation", "total-price")

#: Names that moved to :mod:`nonequivalent.core.prices`; the old paths warn and still resolve.
_MOVED = {**{name: "prices" for name in ("DENSE_LIMIT", "ProductionPrices",
                                          "UniformProfitRate", "cost_push_prices",
                                          "max_profit_rate", "production_prices",
                                          "uniform_profit_rate")},
          "wage_profit_frontier": "frontier"}

__getattr__ = moved_names(__name__, _MOVED)


# ---------------------------------------------------------------------- helpers
def _prices(prices: Any, eco: Economy, what: str = "prices") -> np.ndarray:
    return as_vector(prices, eco.sectors, what, InvalidPriceError, broadcast=False)


# ---------------------------------------------------------------------- MELT
def _melt_parts(economy: Economy, p: np.ndarray, final_demand: Any,
                normalization: str) -> tuple[float, float, float, np.ndarray]:
    """``(μ, money, hours, y)``: the MELT, its numerator and denominator, the checked ``y``."""
    if normalization not in _MELT_NORMALIZATIONS:
        raise InvalidPriceError(
            f"unknown MELT normalization {normalization!r}; use 'new-interpretation' "
            "(μ = p·y / l·x) or 'total-price' (p·x = μ λ·x).")
    if final_demand is None:
        if economy.final_demand is None:
            raise InvalidPriceError(
                "the MELT needs a final demand y: pass final_demand=, or build the economy "
                "with Economy.from_flows(...) or Economy(..., final_demand=y) to keep it.")
        final_demand = economy.final_demand
    y = as_vector(final_demand, economy.sectors, "final demand", InvalidEconomyError,
                  nonneg=False, broadcast=False)
    lam = economy.values_array
    q = y if normalization == "new-interpretation" else economy.solve(y)
    what = "net product" if normalization == "new-interpretation" else "gross output"
    with np.errstate(over="ignore", invalid="ignore"):
        money, hours = float(p @ q), float(lam @ q)        # λ·y = l·x
        # zero tests relative to the gross flows: totals that cancel to rounding noise
        # are zero, not a tiny denominator
        money_scale, hours_scale = float(p @ np.abs(q)), float(lam @ np.abs(q))
    require_finite([money, hours, money_scale, hours_scale],
                   f"the price and labour totals of the {what}")
    if not hours > ZERO_TOLERANCE * hours_scale:
        raise InvalidEconomyError(
            f"the {what} embodies no labour (total {hours:.6g} hours); the MELT is "
            "undefined. Give a final demand that requires labour.")
    if not money > ZERO_TOLERANCE * money_scale:
        raise InvalidPriceError(
            f"the {what} has no positive price total (p·{'y' if what == 'net product' else 'x'}"
            f" = {money:.6g}); the MELT is undefined. Check the prices.")
    return require_finite(money / hours, "the MELT"), money, hours, y


def melt(economy: Economy, prices: Any, final_demand: Any = None,
         normalization: MeltNormalization = "new-interpretation") -> float:
    """The monetary expression of labour time μ (money per hour).

    ``"new-interpretation"``: μ = p·y / l·x, the money value of the net product per hour
    of living labour (``l·x = λ·y`` for ``x = (I - A)^-1 y``).
    ``"total-price"``: μ = p·x / λ·x, so that total price equals μ times total value of
    gross output.

    Parameters
    ----------
    economy : Economy
    prices : vector, Series or mapping
        Actual prices by good.
    final_demand : vector, Series or mapping, optional
        Net product ``y``; gross output is ``x = (I - A)^-1 y``. Default: the final
        demand kept on the economy (``economy.final_demand``).
    normalization : {"new-interpretation", "total-price"}

    Returns
    -------
    float

    Raises
    ------
    InvalidEconomyError
        A final demand that embodies no labour (its total hours cancel to zero relative to
        the gross hours).
    InvalidPriceError
        No final demand given or kept; prices that give no positive price total.

    Notes
    -----
    New Interpretation: G. Duménil, *De la valeur aux prix de production* (1980);
    D. K. Foley, "The value of money, the value of labor power and the net product",
    *Review of Radical Political Economics* 14(2) (1982), 37–47. Total price = total
    value: Marx, *Capital* III, ch. 9; A. Shaikh, "The empirical strength of the labour
    theory of value" (1998).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25])
    >>> ne.melt(eco, [1.0, 1.5], [100, 50])             # 175 / 111.11 hours
    1.575
    >>> round(ne.melt(eco, [1.0, 1.5], [100, 50], "total-price"), 6)   # 324/201
    1.61194
    """
    p = _prices(prices, economy)
    return _melt_parts(economy, p, final_demand, normalization)[0]


def _legacy_order(func: str, args: tuple, prices: Any, final_demand: Any,
                  normalization: Any) -> tuple[Any, Any, Any]:
    """Resolve ``(prices, final_demand, normalization)`` from positional ``args``.

    The documented order is ``(economy, prices, final_demand, normalization)``. The old
    order ``(economy, final_demand, prices=...)`` is recognised when one positional
    argument comes with ``prices=`` given by keyword: it is read as the final demand, with
    a ``DeprecationWarning``. Two positional vectors cannot be told apart from the old
    order ``(final_demand, prices)``: they are read in the new order with a
    ``FutureWarning`` asking for keywords, during the transition.
    """
    if len(args) > 3:
        raise InvalidPriceError(f"{func}() takes (economy, prices, final_demand, "
                                f"normalization); got {len(args) + 1} positional arguments.")
    if len(args) == 1 and prices is not None and final_demand is None:
        warnings.warn(f"{func}(economy, final_demand, prices=...) is the old argument order; "
                      f"write {func}(economy, prices, final_demand) (the order of melt and "
                      "every other function).", DeprecationWarning, stacklevel=3)
        return prices, args[0], normalization
    if len(args) >= 2:
        warnings.warn(f"{func}(economy, prices, final_demand, ...) reads its positional "
                      "arguments in this order since version 0.2 (before: final demand "
                      "first); pass prices= and final_demand= by keyword to make the call "
                      "unambiguous and silence this warning.", FutureWarning, stacklevel=3)
    names = ("prices", "final_demand", "normalization")
    given = {"prices": prices, "final_demand": final_demand, "normalization": normalization}
    for name, value in zip(names, args, strict=False):
        if given[name] is not None:
            raise InvalidPriceError(f"{func}(): {name} given twice (by position and by "
                                    "keyword).")
        given[name] = value
    return given["prices"], given["final_demand"], given["normalization"]


def labour_value_prices(economy: Economy, *args: Any, prices: Any = None,
                        final_demand: Any = None, normalization: Any = None,
                        melt: Any = None) -> pd.Series:
    """Labour-value prices ``μ λ``: labour values in money at the MELT.

    Called as ``labour_value_prices(economy, prices, final_demand, normalization,
    *, melt=None)``, positionally or by keyword, in the order of :func:`melt`. (The old
    order ``labour_value_prices(economy, final_demand, prices=...)`` still works with a
    ``DeprecationWarning``.)

    Parameters
    ----------
    economy : Economy
    prices : vector, Series or mapping, optional
        Actual prices; μ is computed from them with ``normalization``.
    final_demand : vector, Series or mapping, optional
        Net product ``y`` for the MELT (default: ``economy.final_demand`` if kept).
    normalization : {"new-interpretation", "total-price"}, default "new-interpretation"
    melt : float, optional
        A given MELT μ (money per hour) instead of prices.

    Returns
    -------
    pandas.Series
        ``μ λ`` by good; ``attrs`` hold ``melt`` and ``normalization``. **Default:** with
        neither prices nor ``melt``, μ = 1 and the result is λ in hours.

    Raises
    ------
    InvalidPriceError
        ``melt`` together with prices; a MELT that is not a positive finite number.

    Notes
    -----
    Duménil (1980); Foley (1982); Shaikh (1998) — see :func:`melt`.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
    ...                  sectors=["agriculture", "industry"])
    >>> lvp = ne.labour_value_prices(eco, prices=[1.0, 1.5], final_demand=[100, 50])
    >>> lvp.round(4).to_dict(), lvp.attrs["melt"]
    ({'agriculture': 1.1375, 'industry': 1.225}, 1.575)
    >>> ne.labour_value_prices(eco, melt=2.0).round(4).to_dict()
    {'agriculture': 1.4444, 'industry': 1.5556}
    """
    prices, final_demand, normalization = _legacy_order(
        "labour_value_prices", args, prices, final_demand, normalization)
    mu, how = melt_setting(economy, prices, final_demand, normalization, melt)
    lam = economy.values_array
    out = pd.Series(require_finite(mu * lam, "labour-value prices"), index=economy.sectors,
                    name="labour-value price")
    out.attrs.update(melt=mu, normalization=how)
    return out


def melt_setting(economy: Economy, prices: Any = None, final_demand: Any = None,
                 normalization: Any = None, melt: Any = None) -> tuple[float, str]:
    """``(μ, description)``: the MELT from a given value, from prices, or the default 1.

    The one place where a labour-value benchmark's MELT is chosen and described:
    ``melt`` given (a positive finite number); else from ``prices`` (and the final demand)
    by ``normalization``; else the default μ = 1 (hours).

    >>> import nonequivalent as ne
    >>> melt_setting(ne.Economy([[0.5]], labour=[1]), melt=3)
    (3.0, 'with the given MELT μ = 3.000 money per hour')
    """
    normalization = "new-interpretation" if normalization is None else normalization
    if melt is not None:
        if prices is not None or final_demand is not None:
            raise InvalidPriceError(
                "give either melt= or (prices=, final_demand=) to set the MELT, not both.")
        mu = as_number(melt, "the MELT", InvalidPriceError)
        return mu, f"with the given MELT μ = {format_number(mu)} money per hour"
    if prices is None:
        if final_demand is not None:
            raise InvalidPriceError(
                "the MELT needs prices= as well as final_demand= (or give melt= directly, "
                "or neither for values in hours).")
        return 1.0, "in hours (μ = 1, no MELT normalization)"
    p = _prices(prices, economy)
    mu = _melt_parts(economy, p, final_demand, normalization)[0]
    how = ("MELT by the New Interpretation, μ = p·y / l·x" if normalization ==
           "new-interpretation" else "MELT by total price = total value, μ = p·x / λ·x")
    return mu, f"{how} = {format_number(mu)}"


# ---------------------------------------------------------------------- New Interpretation
@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class NewInterpretation(Result):
    """The New Interpretation accounts of an economy at given prices and wages.

    Attributes
    ----------
    melt : float
        μ = p·y / l·x, money per hour.
    hours : float
        Living labour ``l·x`` (= ``λ·y``), hours.
    net_product : float
        ``p·y``, money.
    wages : float
        Wage bill ``W = sum_k w_k l_k·x``, money.
    profit : float
        Total profit ``Π = p·y - W``, money.
    value_of_labour_power : float
        ``W / (μ l·x)``: hours of value received per hour worked (``w/μ`` for one wage).
    value_of_labour_power_by_kind : pandas.Series
        ``w_k / μ`` for each labour kind.
    surplus_value : float
        ``S = l·x - W/μ``, hours.
    rate_of_surplus_value : float
        ``S / (W/μ)`` (``inf`` when no wages are paid).
    normalization : str

    Notes
    -----
    The identity ``Π = μ S`` holds by construction: ``μ S = μ l·x - W = p·y - W``.
    Duménil (1980); Foley (1982); D. K. Foley, *Understanding Capital* (1986), ch. 2.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25])
    >>> ni = ne.new_interpretation(eco, [1.0, 1.5], [100, 50], wage=0.9)
    >>> round(ni.profit, 9), round(ni.melt * ni.surplus_value, 9)
    (75.0, 75.0)
    >>> round(ni.rate_of_surplus_value, 12)
    0.75
    """

    melt: float
    hours: float
    net_product: float
    wages: float
    profit: float
    value_of_labour_power: float
    value_of_labour_power_by_kind: pd.Series
    surplus_value: float
    rate_of_surplus_value: float
    normalization: str

    _title = "New Interpretation accounts"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """MELT, value of labour power, surplus value and its rate."""
        return [("MELT μ", self.melt, "money per hour"),
                ("value of labour power", self.value_of_labour_power, "per hour worked"),
                ("surplus value", self.surplus_value, "hours"),
                ("rate of surplus value", self.rate_of_surplus_value, ""),
                ("profit", self.profit, "money")]

    def benchmark_name(self) -> str:
        """How μ is defined."""
        return self.normalization


    @property
    def identity_gap(self) -> float:
        """``Π - μ S`` (zero up to rounding).

        >>> import nonequivalent as ne
        >>> eco = ne.Economy([[0.5]], labour=[1.0])
        >>> abs(ne.new_interpretation(eco, [2.0], [1.0], wage=1.0).identity_gap) < 1e-12
        True
        """
        return self.profit - self.melt * self.surplus_value

    def to_frame(self) -> pd.DataFrame:
        """The accounts as a table with columns ``hours`` and ``money``.

        >>> import nonequivalent as ne
        >>> eco = ne.Economy([[0.5]], labour=[1.0])
        >>> ne.new_interpretation(eco, [2.0], [1.0], wage=0.5).to_frame()
                            hours  money
        net product           2.0    2.0
        variable capital      1.0    1.0
        surplus value         1.0    1.0
        """
        mu = self.melt
        v_hours = self.wages / mu
        return pd.DataFrame(
            {"hours": [self.hours, v_hours, self.surplus_value],
             "money": [self.net_product, self.wages, self.profit]},
            index=pd.Index(["net product", "variable capital", "surplus value"]))

    def summary_lines(self) -> list[str]:
        """Key figures, the accounts table and the identity check.

        >>> import nonequivalent as ne
        >>> eco = ne.Economy([[0.5]], labour=[1.0])
        >>> print(ne.new_interpretation(eco, [2.0], [1.0], wage=1.0).summary())
        New Interpretation accounts
        MELT by the New Interpretation, μ = p·y / l·x = 1.000
        MELT μ                : 1.000 money per hour
        ...
        """
        gap = self.identity_gap
        scale = abs(self.profit) + abs(self.melt * self.surplus_value)
        ok = abs(gap) <= IDENTITY_RTOL * scale
        return [*super().summary_lines(), "profit = μ × surplus value: "
                + reconciled_text(ok, gap, "money", IDENTITY_RTOL)]


#: Relative tolerance within which ``profit = μ × surplus value`` is reported as holding
#: (the gap is a rounding residue of the sums; a larger one is printed).
IDENTITY_RTOL = 1e-9


def new_interpretation(economy: Economy, prices: Any, final_demand: Any,
                       wage: float | Mapping[Hashable, float] | pd.Series,
                       ) -> NewInterpretation:
    """New Interpretation accounts: MELT, value of labour power, surplus value, profit.

    μ = p·y / l·x; the value of labour power is the wage divided by μ; surplus value is
    living labour minus the value of labour power; total profit equals μ times total
    surplus value exactly.

    Parameters
    ----------
    economy : Economy
    prices : vector, Series or mapping
        Actual prices.
    final_demand : vector, Series or mapping
        Net product ``y``.
    wage : float or mapping {labour kind: wage}
        Money wage per hour, one for all kinds or one per kind.

    Returns
    -------
    NewInterpretation

    Raises
    ------
    InvalidPriceError
        Negative or non-finite wage; prices that give no positive net product.
    LabelMismatchError
        Wages for unknown labour kinds (or missing kinds).

    Notes
    -----
    Duménil (1980); Foley (1982), *Review of Radical Political Economics* 14(2).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]],
    ...                  labour={"peasant": [0.5, 0.0], "worker": [0.0, 0.25]})
    >>> ni = ne.new_interpretation(eco, [1.0, 1.5], [100, 50],
    ...                            wage={"peasant": 0.5, "worker": 1.5})
    >>> ni.value_of_labour_power_by_kind.round(4).to_dict()
    {'peasant': 0.3175, 'worker': 0.9524}
    """
    p = _prices(prices, economy)
    mu, money, hours, y = _melt_parts(economy, p, final_demand, "new-interpretation")
    kinds = economy.labour_kinds
    if isinstance(wage, Mapping | pd.Series):
        w = as_vector(wage, kinds, "wages by labour kind", InvalidPriceError)
    else:
        wf = as_number(wage, "the wage (a number or a mapping by labour kind)",
                       InvalidPriceError, allow_zero=True)
        w = as_vector(np.full(len(kinds), wf), kinds, "wage", InvalidPriceError)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        hours_by_kind = economy.labour_values(by_kind=True).to_numpy() @ y  # Λ y = Lk x
        wages = float(w @ hours_by_kind)
        profit = money - wages
        v_hours = wages / mu
        surplus = hours - v_hours
        rate = surplus / v_hours if v_hours > 0 else math.inf
        vlp = w / mu
    require_finite([wages, profit, v_hours, surplus, v_hours / hours],
                   "the New Interpretation accounts")
    require_finite(vlp, "the value of labour power by kind")
    return NewInterpretation(
        melt=mu, hours=hours, net_product=money, wages=wages, profit=profit,
        value_of_labour_power=v_hours / hours,
        value_of_labour_power_by_kind=pd.Series(vlp, index=kinds,
                                                name="value of labour power"),
        surplus_value=surplus, rate_of_surplus_value=rate,
        normalization=f"MELT by the New Interpretation, μ = p·y / l·x = {format_number(mu)}")


# ---------------------------------------------------------------------- deviations
@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class PriceValueDeviation(Result):
    """How far prices deviate from labour values, after a named normalization.

    Attributes
    ----------
    normalization : str
        How the prices were scaled to the values before comparing.
    prices : pandas.Series
        The normalized prices ``p̃``.
    values : pandas.Series
        The labour values ``λ``.
    weights : pandas.Series or None
        Output weights ``x`` (None: every good counts equally).
    mean_absolute_deviation : float
        ``sum_j s_j |p̃_j/λ_j - 1|`` with shares ``s_j = 1/n`` or, weighted,
        ``s_j = x_j λ_j / λ·x`` (Shaikh's mean absolute weighted deviation).
    rms_percent : float
        ``100 sqrt(sum_j s_j (p̃_j/λ_j - 1)^2)``.
    angle : float
        Angle between ``p`` and ``λ`` in radians (independent of the normalization).
    d_distance : float
        Steedman–Tomkins ``d = sqrt(2 (1 - cos θ))``, θ the angle between the vector of
        price–value ratios ``p_j/λ_j`` and the unit vector; numeraire-free. This is the
        form in which the measure is usually quoted; it was implemented from that form,
        not checked against the 1998 article itself.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> dev = ne.price_value_deviation([2.0, 2.0], [1.0, 3.0])
    >>> dev.prices.tolist()                          # scaled so that Σp̃ = Σλ
    [2.0, 2.0]
    >>> round(dev.mean_absolute_deviation, 6)        # (|2/1-1| + |2/3-1|)/2
    0.666667
    """

    normalization: str
    prices: pd.Series
    values: pd.Series
    weights: pd.Series | None
    mean_absolute_deviation: float
    rms_percent: float
    angle: float
    d_distance: float

    _title = "Price–value deviation"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """The four deviation measures."""
        return [("mean absolute deviation", self.mean_absolute_deviation, ""),
                ("root mean square deviation", self.rms_percent, "%"),
                ("angle between p and λ", self.angle_degrees, "degrees"),
                ("d-distance (Steedman–Tomkins)", self.d_distance, "")]

    def benchmark_name(self) -> str:
        """The normalization of the prices."""
        return self.normalization

    @property
    def angle_degrees(self) -> float:
        """The angle between ``p`` and ``λ`` in degrees.

        >>> import nonequivalent as ne
        >>> round(ne.price_value_deviation([1.0, 2.0], [2.0, 1.0]).angle_degrees, 4)
        36.8699
        """
        return math.degrees(self.angle)

    def to_frame(self) -> pd.DataFrame:
        """Per good: value, normalized price, ratio and relative deviation.

        >>> import nonequivalent as ne
        >>> ne.price_value_deviation([2.0, 2.0], [1.0, 3.0]).to_frame()
           value  price     ratio  deviation
        0    1.0    2.0  2.000000   1.000000
        1    3.0    2.0  0.666667  -0.333333
        """
        ratio = self.prices / self.values
        return pd.DataFrame({"value": self.values, "price": self.prices,
                             "ratio": ratio, "deviation": ratio - 1.0})

    def summary(self) -> str:
        """A printable summary.

        >>> import nonequivalent as ne
        >>> print(ne.price_value_deviation([2.0, 2.0], [1.0, 3.0]).summary())
        Price–value deviation
        prices scaled so that Σ p̃ = Σ λ (unweighted)
        mean absolute deviation       : 0.6667
        ...
        """
        return super().summary()


def _angle(u: np.ndarray, v: np.ndarray) -> float:
    """Angle between two non-zero vectors, accurate near 0 (Kahan's formula)."""
    a = u / np.linalg.norm(u)
    b = v / np.linalg.norm(v)
    return float(2.0 * math.atan2(float(np.linalg.norm(a - b)), float(np.linalg.norm(a + b))))


def price_value_deviation(prices: Any, values: Any, weights: Any = None,
                          normalization: Literal["total", "mean-ratio", "none"] = "total",
                          ) -> PriceValueDeviation:
    """Measures of the deviation of prices from labour values.

    Prices are first scaled to the values by ``normalization``:
    ``"total"`` — total price = total value, ``p̃·x = λ·x`` with the output weights ``x``
    (``Σ p̃ = Σ λ`` unweighted); ``"mean-ratio"`` — the (share-weighted) mean of
    ``p̃_j/λ_j`` is 1; ``"none"`` — prices are already comparable (e.g. ``μ λ`` prices at
    the MELT). The angle and the d-distance do not depend on the normalization.

    Parameters
    ----------
    prices, values : vector or Series
        Prices and positive labour values by good (Series are aligned by label).
    weights : vector or Series, optional
        Gross outputs ``x`` to weight goods by the value of their output.
    normalization : {"total", "mean-ratio", "none"}

    Returns
    -------
    PriceValueDeviation

    Raises
    ------
    InvalidPriceError
        Negative, non-finite or all-zero prices; values not all positive; bad weights.
    LabelMismatchError
        Labels of prices, values and weights differ.

    Notes
    -----
    A. Shaikh, "The empirical strength of the labour theory of value", in R. Bellofiore
    (ed.), *Marxian Economics: A Reappraisal*, vol. 2 (1998) (mean absolute weighted
    deviation); I. Steedman and J. Tomkins, "On measuring the deviation of prices from
    values", *Cambridge Journal of Economics* 22(3) (1998), 379–385 (the d-distance).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> dev = ne.price_value_deviation([1.0, 2.0], [2.0, 1.0], weights=[1.0, 1.0])
    >>> round(dev.rms_percent, 4), round(dev.d_distance, 6)
    (70.7107, 0.533867)
    """
    if isinstance(values, pd.Series):
        index = pd.Index(values.index)
    elif isinstance(prices, pd.Series):
        index = pd.Index(prices.index)
    else:
        try:
            index = pd.RangeIndex(int(np.size(values)))
        except (ValueError, TypeError):
            raise InvalidPriceError("values must be a vector of numbers (or a Series); got "
                                    "a ragged or non-numeric sequence.") from None
    lam = as_vector(values, index, "values", InvalidPriceError)
    if not np.all(lam > 0):
        raise InvalidPriceError(
            f"values must be positive to compare prices with them; zero at "
            f"{list(index[lam <= 0])[:10]}.")
    p = as_vector(prices, index, "prices", InvalidPriceError)
    if not p.any():
        raise InvalidPriceError("prices are all zero; nothing to compare.")
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        if weights is None:
            shares = np.full(lam.size, 1.0 / lam.size)
            wser = None
            wdesc = "unweighted"
            wvec = np.ones(lam.size)
        else:
            wvec = as_vector(weights, index, "weights (gross output)", InvalidPriceError)
            if not wvec.any():
                raise InvalidPriceError("weights are all zero; give gross outputs.")
            shares = wvec * lam / float(wvec @ lam)
            wser = pd.Series(wvec, index=index, name="weight")
            wdesc = "weighted by output"
        if normalization == "total":
            total = float(wvec @ p)
            if not total > 0:
                raise InvalidPriceError("the weighted goods have zero total price; cannot "
                                        "normalize total price to total value.")
            scale = float(wvec @ lam) / total
            desc = (f"prices scaled so that total price = total value, p̃·x = λ·x ({wdesc})"
                    if weights is not None else f"prices scaled so that Σ p̃ = Σ λ ({wdesc})")
        elif normalization == "mean-ratio":
            scale = 1.0 / float(shares @ (p / lam))
            desc = f"prices scaled so that the mean price–value ratio is 1 ({wdesc})"
        elif normalization == "none":
            scale = 1.0
            desc = f"prices compared as given ({wdesc})"
        else:
            raise InvalidPriceError(f"unknown normalization {normalization!r}; use 'total', "
                                    "'mean-ratio' or 'none'.")
        pt = p * scale
        dev = pt / lam - 1.0
        mad = float(shares @ np.abs(dev))
        rms = 100.0 * math.sqrt(float(shares @ dev**2))
        theta = _angle(p, lam)
        ratios = p / lam
        e = np.ones(lam.size)
        d = float(np.linalg.norm(ratios / np.linalg.norm(ratios) - e / np.linalg.norm(e)))
    require_finite([mad, rms, theta, d], "the price–value deviation measures")
    require_finite(pt, "the normalized prices")
    return PriceValueDeviation(
        normalization=desc,
        prices=pd.Series(pt, index=index, name="price"),
        values=pd.Series(lam, index=index, name="value"),
        weights=wser, mean_absolute_deviation=mad, rms_percent=rms, angle=theta,
        d_distance=d)
