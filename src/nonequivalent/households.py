"""Workers, the two-earner household, and the workforce that industrialization recruited.

A **worker** sells ``h`` hours for a money wage ``w`` and buys a consumption basket ``b``
at retail prices ``p_r``. With labour values ``λ`` of the economy:

* value of labour power ``v = λ·b`` (hours), surplus labour ``h − v``, rate of
  exploitation ``e = (h − v)/v`` (Marx, *Capital* I, ch. 7–9);
* real-wage index ``(w_t / w_0) / (P_t / P_0)`` from money wages and a retail price index;
* the state's retail margin on food sold to workers ``(p_r − p_proc)·b_food`` (procurement
  price against retail price), a second channel of extraction from workers.

A **household** of ``M`` members has ``m`` earners working ``h`` hours each and buys the
family basket ``b_f``. The value of labour power per hour sold is ``λ·b_f / (m h)`` and the
family rate of exploitation ``e_f = (m h − λ·b_f) / λ·b_f`` rises with ``m``: the value of
labour power is spread over the whole family (Marx, *Capital* I, ch. 15 §3a). When the real
wage falls by a share ``δ`` and the family keeps its basket, it needs
``m1 = m0 / (1 − δ)`` earners, and the state obtains ``(m1 − m0) h`` more hours per household
for the same family consumption: "two workers for the price of one".

Historical background (W. Z. Goldman, "Blood on the Red Banner", *International Review of
Social History*, 2022): during the first Five-Year Plan real wages of industrial workers
fell by about half; women were about 37% of all newly hired waged workers in 1929–35 (50%
of those entering industry), and the number of workers rose from 11.9 million (1929) to
22.6 million (1933).

>>> import nonequivalent as ne
>>> eco = ne.Economy([[0.5, 0.0], [0.0, 0.5]], labour=[1.0, 2.0], sectors=["food", "cloth"])
>>> w = ne.Worker(hours=100, wage=50, basket={"food": 10, "cloth": 5})
>>> acc = ne.worker_account(eco, w)
>>> acc.value_of_labour_power, acc.surplus_labour, acc.rate_of_exploitation
(40.0, 60.0, 1.5)
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from ._validation import as_number, as_vector, check_finite, require_finite
from .economy import Economy
from .errors import InvalidHouseholdError, InvalidPriceError, LabelMismatchError

__all__ = [
    "EarnersNeeded",
    "FamilyWageCut",
    "Household",
    "HouseholdAccount",
    "Worker",
    "WorkerAccount",
    "WorkforceDynamics",
    "earners_needed",
    "family_wage_cut",
    "household_account",
    "real_wage_index",
    "retail_margin",
    "value_of_labour_power",
    "worker_account",
    "workforce_dynamics",
]

#: Relative tolerance used when rounding a fractional number of earners up to whole earners
#: (so that ``1.0000000000000002`` earners counts as 1, not 2).
ROUNDING_TOLERANCE = 1e-9


# ---------------------------------------------------------------------------- helpers
def _positive_number(x: Any, what: str, *, allow_zero: bool = False) -> float:
    return as_number(x, what, InvalidHouseholdError, allow_zero=allow_zero)


def _read_basket(basket: Any, what: str) -> pd.Series:
    """A basket as a float Series (labels kept; arrays get positions), checked non-empty."""
    if isinstance(basket, Mapping) and not isinstance(basket, pd.Series):
        series = pd.Series(dict(basket), dtype=float)
    elif isinstance(basket, pd.Series):
        if not basket.index.is_unique:
            raise LabelMismatchError(
                f"{what}: goods labels must be unique; repeated: "
                f"{basket.index[basket.index.duplicated()].unique().tolist()}.")
        try:
            series = basket.astype(float)
        except (TypeError, ValueError) as exc:
            raise InvalidHouseholdError(f"{what} must be numeric: {exc}.") from None
    else:
        try:
            arr = np.asarray(basket, dtype=float)
        except (TypeError, ValueError) as exc:
            raise InvalidHouseholdError(f"{what} must be numeric: {exc}.") from None
        if arr.ndim != 1:
            raise InvalidHouseholdError(f"{what} must be a vector of quantities by good.")
        series = pd.Series(arr)
    series = series.copy()
    series.name = what
    vals = series.to_numpy(dtype=float)
    if vals.size == 0 or not np.all(np.isfinite(vals)) or np.any(vals < 0) or vals.sum() <= 0:
        if vals.size == 0 or (np.all(np.isfinite(vals)) and np.all(vals >= 0)):
            raise InvalidHouseholdError(
                f"{what} is empty: give at least one good with a positive quantity, e.g. "
                "{'food': 10}.")
        raise InvalidHouseholdError(
            f"{what} must contain finite, non-negative quantities; got {vals.tolist()[:10]}.")
    return series


def _align_goods(data: pd.Series, economy: Economy, what: str) -> np.ndarray:
    """Quantities by good as a vector in the economy's sector order (missing goods are 0).

    A labelled Series may name any subset of the economy's goods; an unlabelled vector
    (default integer index) must have one entry per sector, in sector order.
    """
    sectors = economy.sectors
    if isinstance(data.index, pd.RangeIndex) and not set(data.index) <= set(sectors):
        if len(data) != len(sectors):
            raise LabelMismatchError(
                f"{what} has {len(data)} unlabelled entries; the economy has {len(sectors)} "
                f"goods {list(sectors)[:10]}. Label the quantities by good.")
        return data.to_numpy(dtype=float)
    unknown = [g for g in data.index if g not in set(sectors)]
    if unknown:
        raise LabelMismatchError(
            f"{what} names goods {unknown[:10]} that are not goods of the economy "
            f"{list(sectors)[:10]}. Use the economy's sector labels.")
    return data.reindex(sectors, fill_value=0.0).to_numpy(dtype=float)


def _price_vector(prices: Any, economy: Economy, what: str) -> np.ndarray:
    """Prices by good aligned with the economy (every good needs a price)."""
    return as_vector(prices, economy.sectors, what, InvalidPriceError)


def _retail_vector(retail_prices: Any, economy: Economy) -> np.ndarray:
    """Retail prices aligned with the economy (unlabelled vectors in sector order)."""
    rp = retail_prices
    if isinstance(rp, pd.Series) and isinstance(rp.index, pd.RangeIndex) \
            and not set(rp.index) <= set(economy.sectors):
        rp = rp.to_numpy()
    return _price_vector(rp, economy, "retail prices")


def _basket_value(economy: Economy, basket: pd.Series, what: str) -> tuple[np.ndarray, float]:
    """A read basket aligned with the economy's goods, and its value ``λ·b`` in hours."""
    b = _align_goods(basket, economy, what)
    return b, float(economy.values_array @ b)


def _fmt(x: float) -> str:
    return f"{x:,.4g}"


def value_of_labour_power(economy: Economy, basket: Any) -> float:
    """Value of a basket in hours, ``λ·b``: the value of labour power it reproduces.

    Parameters
    ----------
    economy : Economy
        Supplies the labour values ``λ`` (total over labour kinds).
    basket : mapping, Series or array
        Quantities by good (a labelled subset of the goods, missing goods are 0, or one
        entry per good in sector order).

    Returns
    -------
    float
        ``λ·b`` in hours.

    Raises
    ------
    InvalidHouseholdError
        Empty, negative or non-finite basket.
    LabelMismatchError
        Goods that the economy does not have.

    Notes
    -----
    Marx, *Capital* I, ch. 6: the value of labour power is the value of the means of
    subsistence needed to reproduce the worker; in input-output form ``v = λ·b`` with
    ``λ = l (I − A)^-1`` (Morishima, *Marx's Economics*, 1973, ch. 4).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.5, 0.0], [0.0, 0.5]], labour=[1.0, 2.0],
    ...                  sectors=["food", "cloth"])
    >>> ne.value_of_labour_power(eco, {"food": 10, "cloth": 5})
    40.0
    """
    return _basket_value(economy, _read_basket(basket, "basket"), "basket")[1]


# ---------------------------------------------------------------------------- workers
@dataclasses.dataclass(frozen=True)
class Worker:
    """A waged worker: hours sold, money wage, the basket the wage buys, retail prices.

    Parameters
    ----------
    hours : float
        Hours worked per period ``h`` (> 0).
    wage : float
        Money wage per period ``w`` (> 0), in the same period as ``hours`` and ``basket``.
    basket : mapping, Series or array
        Consumption basket ``b`` bought per period (quantities by good, at least one > 0).
    retail_prices : mapping, Series or array, optional
        Retail prices ``p_r`` at which the basket is bought; where an account needs them
        and they are not given, the actual prices of that account are used.

    Raises
    ------
    InvalidHouseholdError
        Zero, negative or non-finite hours or wage; an empty basket.

    Notes
    -----
    Marx, *Capital* I, ch. 6–9 (labour power, surplus labour, rate of surplus value).
    Derive variants with :func:`dataclasses.replace` (e.g. a smaller basket after a real
    wage cut).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> ne.Worker(hours=100, wage=50, basket={"food": 10, "cloth": 5})
    Worker(hours=100.0, wage=50.0, basket={'food': 10.0, 'cloth': 5.0})
    """

    hours: float
    wage: float
    basket: pd.Series
    retail_prices: pd.Series | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "hours", _positive_number(self.hours, "worker hours"))
        object.__setattr__(self, "wage", _positive_number(self.wage, "money wage"))
        object.__setattr__(self, "basket", _read_basket(self.basket, "worker basket"))
        if self.retail_prices is not None:
            rp = self.retail_prices
            try:
                if isinstance(rp, Mapping) and not isinstance(rp, pd.Series):
                    rp = pd.Series(dict(rp), dtype=float)
                elif not isinstance(rp, pd.Series):
                    rp = pd.Series(np.asarray(rp, dtype=float))
                rp = rp.astype(float).rename("retail prices")
            except (TypeError, ValueError) as exc:
                raise InvalidPriceError(f"retail prices must be numeric: {exc}.") from None
            check_finite(rp.to_numpy(), "retail prices", InvalidPriceError, labels=rp.index)
            object.__setattr__(self, "retail_prices", rp)

    def __repr__(self) -> str:
        extra = "" if self.retail_prices is None else ", retail_prices=..."
        return (f"Worker(hours={self.hours}, wage={self.wage}, "
                f"basket={self.basket.to_dict()}{extra})")


@dataclasses.dataclass(frozen=True)
class WorkerAccount:
    """Value of labour power, surplus labour and exploitation of one worker.

    Attributes
    ----------
    hours : float
        Hours worked ``h``.
    value_of_labour_power : float
        ``v = λ·b`` (hours).
    surplus_labour : float
        ``h − v`` (hours).
    rate_of_exploitation : float
        ``e = (h − v) / v``.
    wage : float
        Money wage ``w``.
    basket_cost : float or None
        ``p_r·b`` at retail prices (None if no retail prices were given).
    retail_margin : float or None
        ``(p_r − p_proc)·b`` over the food goods (None without procurement prices).
    basket : pandas.Series
        The basket, aligned with the economy's goods.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.5, 0.0], [0.0, 0.5]], labour=[1.0, 2.0],
    ...                  sectors=["food", "cloth"])
    >>> acc = ne.worker_account(eco, ne.Worker(100, 50, {"food": 10, "cloth": 5}))
    >>> float(acc.to_frame().loc["rate of exploitation e", "value"])
    1.5
    """

    hours: float
    value_of_labour_power: float
    surplus_labour: float
    rate_of_exploitation: float
    wage: float
    basket_cost: float | None
    retail_margin: float | None
    basket: pd.Series

    def to_frame(self) -> pd.DataFrame:
        """The figures as a labelled table (quantity, value, unit)."""
        rows = [("hours worked h", self.hours, "hours"),
                ("value of labour power v = λ·b", self.value_of_labour_power, "hours"),
                ("surplus labour h − v", self.surplus_labour, "hours"),
                ("rate of exploitation e", self.rate_of_exploitation, "ratio"),
                ("money wage w", self.wage, "money")]
        if self.basket_cost is not None:
            rows.append(("basket cost p_r·b", self.basket_cost, "money"))
        if self.retail_margin is not None:
            rows.append(("retail margin (p_r − p_proc)·b_food", self.retail_margin, "money"))
        return pd.DataFrame(rows, columns=["quantity", "value", "unit"]).set_index("quantity")

    def summary(self) -> str:
        """A readable account (Marx, *Capital* I, ch. 7–9)."""
        lines = ["Worker account (Marx, Capital I, ch. 7-9)",
                 f"  hours worked h                 {_fmt(self.hours)}",
                 f"  value of labour power v = λ·b  {_fmt(self.value_of_labour_power)} hours",
                 f"  surplus labour h − v           {_fmt(self.surplus_labour)} hours",
                 f"  rate of exploitation e         {self.rate_of_exploitation:.4g}",
                 f"  money wage w                   {_fmt(self.wage)}"]
        if self.basket_cost is not None:
            lines.append(f"  basket cost at retail p_r·b    {_fmt(self.basket_cost)}")
        if self.retail_margin is not None:
            lines.append(f"  retail margin on food          {_fmt(self.retail_margin)}")
        return "\n".join(lines)

    __str__ = summary


def worker_account(economy: Economy, worker: Worker, procurement_prices: Any = None,
                   food: Iterable[Hashable] | None = None) -> WorkerAccount:
    """Value of labour power, surplus labour and rate of exploitation of a worker.

    Parameters
    ----------
    economy : Economy
        Supplies the labour values ``λ``.
    worker : Worker
        Hours, wage, basket and (optionally) retail prices.
    procurement_prices : mapping or Series, optional
        Prices at which the state procures the goods (e.g. grain bought from peasants);
        with the worker's retail prices gives the retail margin.
    food : iterable of goods, optional
        Goods on which the retail margin is counted (default: every good in the basket).

    Returns
    -------
    WorkerAccount

    Raises
    ------
    InvalidHouseholdError
        The basket has zero labour value (the rate of exploitation is undefined).
    LabelMismatchError
        Basket or price labels that are not goods of the economy.

    Notes
    -----
    ``v = λ·b``, surplus labour ``h − v``, ``e = (h − v)/v``: Marx, *Capital* I, ch. 7
    (labour process), ch. 8 (constant and variable capital), ch. 9 §1 (rate of surplus
    value ``s/v`` = surplus labour / necessary labour).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.5, 0.0], [0.0, 0.5]], labour=[1.0, 2.0],
    ...                  sectors=["food", "cloth"])
    >>> w = ne.Worker(100, 50, {"food": 10, "cloth": 5},
    ...               retail_prices={"food": 3.0, "cloth": 4.0})
    >>> acc = ne.worker_account(eco, w, procurement_prices={"food": 1.0, "cloth": 4.0},
    ...                         food=["food"])
    >>> acc.rate_of_exploitation, acc.basket_cost, acc.retail_margin
    (1.5, 50.0, 20.0)
    """
    b, v = _basket_value(economy, worker.basket, "worker basket")
    if not v > 0:
        raise InvalidHouseholdError(
            "the worker's basket has zero labour value, so the rate of exploitation "
            "(h − v)/v is undefined; include goods that take labour to produce.")
    cost = None
    margin = None
    if worker.retail_prices is not None:
        cost = float(_retail_vector(worker.retail_prices, economy) @ b)
    if procurement_prices is not None:
        margin = retail_margin(economy, worker, procurement_prices, food=food)
    return WorkerAccount(hours=worker.hours, value_of_labour_power=v,
                         surplus_labour=worker.hours - v,
                         rate_of_exploitation=(worker.hours - v) / v, wage=worker.wage,
                         basket_cost=cost, retail_margin=margin,
                         basket=pd.Series(b, index=economy.sectors, name="basket"))


def retail_margin(economy: Economy, worker: Worker, procurement_prices: Any,
                  food: Iterable[Hashable] | None = None,
                  retail_prices: Any = None) -> float:
    """The state's retail margin on food sold to a worker, ``Σ_food (p_r − p_proc) b``.

    The state procures food at ``p_proc`` and sells it to workers at retail ``p_r``; the
    margin is surplus taken from the worker's wage at the point of sale (a negative value
    is a subsidy).

    Parameters
    ----------
    economy : Economy
        Gives the goods labels.
    worker : Worker
        The basket (and retail prices, unless ``retail_prices`` is given).
    procurement_prices : mapping or Series
        Procurement prices, one per good of the economy.
    food : iterable of goods, optional
        The goods counted (default: every good).
    retail_prices : mapping or Series, optional
        Overrides the worker's retail prices.

    Raises
    ------
    InvalidPriceError
        No retail prices at all, or negative/non-finite prices.
    LabelMismatchError
        Labels that are not goods of the economy.

    Notes
    -----
    Turnover tax and trade margins on consumer goods were the main channel through which
    the Soviet state recovered the wage bill: Barsov (1969), *Balans stoimostnykh obmenov
    mezhdu gorodom i derevnei*; Ellman, *Economic Journal* 85 (1975), pp. 844–864. With
    procurement prices equal to the prices paid to peasants ``p`` and a benchmark ``p^e``,
    the margin splits exactly into the peasants' underpayment ``(p^e − p)·b`` and the
    workers' overpayment ``(p_r − p^e)·b`` on the same food.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.5, 0.0], [0.0, 0.5]], labour=[1.0, 2.0],
    ...                  sectors=["food", "cloth"])
    >>> w = ne.Worker(100, 50, {"food": 10, "cloth": 5}, retail_prices=[3.0, 4.0])
    >>> ne.retail_margin(eco, w, {"food": 1.0, "cloth": 3.0}, food=["food"])
    20.0
    """
    rp = retail_prices if retail_prices is not None else worker.retail_prices
    if rp is None:
        raise InvalidPriceError(
            "the retail margin needs retail prices: give Worker(retail_prices=...) or "
            "retail_prices=.")
    pr = _retail_vector(rp, economy)
    pp = _price_vector(procurement_prices, economy, "procurement prices")
    b = _align_goods(worker.basket, economy, "worker basket")
    mask = np.ones(economy.n, dtype=bool)
    if food is not None:
        food = list(food)
        unknown = [g for g in food if g not in set(economy.sectors)]
        if unknown:
            raise LabelMismatchError(
                f"food goods {unknown} are not goods of the economy {list(economy.sectors)}.")
        mask = economy.sectors.isin(food)
    return float(((pr - pp) * b)[mask].sum())


def real_wage_index(money_wages: Any, retail_price_index: Any,
                    base: Hashable | None = None) -> pd.Series:
    """Real-wage index ``(w_t / w_0) / (P_t / P_0)`` (1 in the base period).

    Parameters
    ----------
    money_wages : Series or mapping
        Money wages by period (> 0).
    retail_price_index : Series or mapping
        Retail price index by period (> 0), same periods.
    base : label, optional
        Base period (default: the first period of ``money_wages``).

    Raises
    ------
    InvalidHouseholdError
        Zero, negative or non-finite wages or prices; an unknown base period.
    LabelMismatchError
        The two series cover different periods.

    Notes
    -----
    The deflated wage; see J. G. Chapman, *Real Wages in Soviet Russia since 1928* (1963).
    Goldman (2022) reports that real wages of industrial workers fell by about half during
    the first Five-Year Plan.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> ne.real_wage_index({1928: 70.0, 1932: 120.0}, {1928: 1.0, 1932: 3.43}).round(3)
    1928    1.0
    1932    0.5
    Name: real wage index, dtype: float64
    """
    w = money_wages if isinstance(money_wages, pd.Series) else pd.Series(dict(money_wages))
    index = pd.Index(w.index)
    wv = as_vector(w, index, "money wages", InvalidHouseholdError)
    pv = as_vector(retail_price_index, index, "retail price index", InvalidHouseholdError)
    if np.any(wv <= 0) or np.any(pv <= 0):
        raise InvalidHouseholdError("money wages and the retail price index must be > 0.")
    if base is None:
        pos = 0
    elif base in index:
        pos = index.get_loc(base)
    else:
        raise InvalidHouseholdError(f"base period {base!r} is not among {list(index)}.")
    out = (wv / wv[pos]) / (pv / pv[pos])
    return pd.Series(out, index=index, name="real wage index")


# ---------------------------------------------------------------------------- households
@dataclasses.dataclass(frozen=True)
class Household:
    """A working-class family: members, earners, hours per earner, family basket.

    Parameters
    ----------
    members : int
        Number of members (>= 1).
    earners : float
        Waged earners ``m`` (> 0, at most ``members``; averages such as 1.3 are allowed).
    hours_per_earner : float
        Hours each earner sells per period ``h`` (> 0).
    basket : mapping, Series or array
        Family basket ``b_f`` per period (at least one positive quantity).
    domestic_hours : float, default 0
        Unpaid domestic labour per period (>= 0).
    count_domestic : bool, default False
        Whether unpaid domestic hours count in the labour that reproduces the family
        (the results say which convention is used).

    Raises
    ------
    InvalidHouseholdError
        Non-positive hours or earners, more earners than members, empty basket, negative
        domestic hours.

    Notes
    -----
    Marx, *Capital* I, ch. 15 §3a: machinery throws the whole family onto the labour
    market and so spreads the value of the man's labour power over the family. Counting
    domestic labour follows the domestic labour debate (W. Seccombe, "The housewife and
    her labour under capitalism", *New Left Review* 83, 1974).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> ne.Household(members=4, earners=1, hours_per_earner=100, basket={"food": 20})
    Household(members=4, earners=1.0, hours_per_earner=100.0, basket={'food': 20.0})
    """

    members: int
    earners: float
    hours_per_earner: float
    basket: pd.Series
    domestic_hours: float = 0.0
    count_domestic: bool = False

    def __post_init__(self) -> None:
        members = _positive_number(self.members, "household members")
        if members < 1 or members != int(members):
            raise InvalidHouseholdError(
                f"household members must be a whole number >= 1, got {self.members}.")
        earners = _positive_number(self.earners, "earners per household")
        if earners > members:
            raise InvalidHouseholdError(
                f"{earners:g} earners exceed the household's {int(members)} members; "
                "raise members or lower earners.")
        object.__setattr__(self, "members", int(members))
        object.__setattr__(self, "earners", earners)
        object.__setattr__(self, "hours_per_earner",
                           _positive_number(self.hours_per_earner, "hours per earner"))
        object.__setattr__(self, "basket", _read_basket(self.basket, "family basket"))
        object.__setattr__(self, "domestic_hours",
                           _positive_number(self.domestic_hours, "domestic hours",
                                            allow_zero=True))
        if not isinstance(self.count_domestic, bool | np.bool_):
            raise InvalidHouseholdError("count_domestic must be True or False.")
        object.__setattr__(self, "count_domestic", bool(self.count_domestic))

    def __repr__(self) -> str:
        dom = (f", domestic_hours={self.domestic_hours}, count_domestic={self.count_domestic}"
               if self.domestic_hours or self.count_domestic else "")
        return (f"Household(members={self.members}, earners={self.earners}, "
                f"hours_per_earner={self.hours_per_earner}, "
                f"basket={self.basket.to_dict()}{dom})")


@dataclasses.dataclass(frozen=True)
class HouseholdAccount:
    """Family value of labour power and family rate of exploitation.

    Attributes
    ----------
    earners, hours_per_earner : float
        ``m`` and ``h``.
    hours_sold : float
        ``m h``.
    basket_value : float
        ``λ·b_f`` (hours).
    domestic_hours : float
        Unpaid domestic hours of the household.
    count_domestic : bool
        Whether domestic hours are counted in the labour that reproduces the family.
    reproduction_hours : float
        ``λ·b_f`` (+ domestic hours when counted).
    value_per_hour_sold : float
        ``reproduction_hours / (m h)``: the value of labour power per hour sold.
    surplus_labour : float
        ``m h − reproduction_hours``.
    rate_of_exploitation : float
        ``e_f = (m h − reproduction_hours) / reproduction_hours``.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.5, 0.0], [0.0, 0.5]], labour=[1.0, 2.0],
    ...                  sectors=["food", "cloth"])
    >>> acc = ne.household_account(eco, ne.Household(4, 2, 100, {"food": 10, "cloth": 5}))
    >>> acc.hours_sold, acc.basket_value, acc.value_per_hour_sold
    (200.0, 40.0, 0.2)
    """

    earners: float
    hours_per_earner: float
    hours_sold: float
    basket_value: float
    domestic_hours: float
    count_domestic: bool
    reproduction_hours: float
    value_per_hour_sold: float
    surplus_labour: float
    rate_of_exploitation: float

    def to_frame(self) -> pd.DataFrame:
        """The figures as a labelled table (quantity, value, unit)."""
        rows = [("earners m", self.earners, "persons"),
                ("hours per earner h", self.hours_per_earner, "hours"),
                ("hours sold m h", self.hours_sold, "hours"),
                ("family basket value λ·b_f", self.basket_value, "hours"),
                ("domestic hours", self.domestic_hours, "hours"),
                ("domestic hours counted", float(self.count_domestic), "0/1"),
                ("value of labour power per hour sold", self.value_per_hour_sold, "ratio"),
                ("family surplus labour", self.surplus_labour, "hours"),
                ("family rate of exploitation e_f", self.rate_of_exploitation, "ratio")]
        return pd.DataFrame(rows, columns=["quantity", "value", "unit"]).set_index("quantity")

    def summary(self) -> str:
        """A readable account (Marx, *Capital* I, ch. 15 §3a)."""
        dom = ("counted in the labour of reproduction" if self.count_domestic
               else "not counted")
        return "\n".join([
            "Household account (Marx, Capital I, ch. 15 §3a)",
            f"  earners m x hours h            {self.earners:g} x {_fmt(self.hours_per_earner)}"
            f" = {_fmt(self.hours_sold)} hours sold",
            f"  family basket value λ·b_f      {_fmt(self.basket_value)} hours",
            f"  unpaid domestic hours          {_fmt(self.domestic_hours)} ({dom})",
            f"  value per hour sold            {self.value_per_hour_sold:.4g}",
            f"  family surplus labour          {_fmt(self.surplus_labour)} hours",
            f"  family rate of exploitation    {self.rate_of_exploitation:.4g}"])

    __str__ = summary


def household_account(economy: Economy, household: Household) -> HouseholdAccount:
    """Family value of labour power per hour sold and family rate of exploitation.

    ``value per hour sold = λ·b_f / (m h)``, ``e_f = (m h − λ·b_f) / λ·b_f``, so that
    ``value per hour sold × m h = λ·b_f`` and ``e_f`` rises with the number of earners
    ``m``. When ``household.count_domestic`` is true the unpaid domestic hours ``D`` are
    added to the labour that reproduces the family: ``(λ·b_f + D)`` replaces ``λ·b_f``.

    Parameters
    ----------
    economy : Economy
        Supplies the labour values ``λ``.
    household : Household

    Returns
    -------
    HouseholdAccount

    Raises
    ------
    InvalidHouseholdError
        The family basket has zero labour value (and no domestic hours are counted).
    LabelMismatchError
        Basket goods that are not goods of the economy.

    Notes
    -----
    Marx, *Capital* I, ch. 15 §3a ("Appropriation of supplementary labour-power by
    capital. The employment of women and children"): the value of labour power was the
    labour time needed to keep the whole family; spread over several earners it falls per
    earner, and surplus labour rises.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.5, 0.0], [0.0, 0.5]], labour=[1.0, 2.0],
    ...                  sectors=["food", "cloth"])
    >>> fam = ne.Household(4, earners=1, hours_per_earner=100,
    ...                    basket={"food": 10, "cloth": 5})
    >>> ne.household_account(eco, fam).rate_of_exploitation
    1.5
    >>> import dataclasses
    >>> ne.household_account(eco, dataclasses.replace(fam, earners=2)).rate_of_exploitation
    4.0
    """
    _, value = _basket_value(economy, household.basket, "family basket")
    repro = value + (household.domestic_hours if household.count_domestic else 0.0)
    if not repro > 0:
        raise InvalidHouseholdError(
            "the family basket has zero labour value, so the family rate of exploitation "
            "is undefined; include goods that take labour to produce.")
    sold = household.earners * household.hours_per_earner
    return HouseholdAccount(
        earners=household.earners, hours_per_earner=household.hours_per_earner,
        hours_sold=sold, basket_value=value, domestic_hours=household.domestic_hours,
        count_domestic=household.count_domestic, reproduction_hours=repro,
        value_per_hour_sold=repro / sold, surplus_labour=sold - repro,
        rate_of_exploitation=(sold - repro) / repro)


@dataclasses.dataclass(frozen=True)
class EarnersNeeded:
    """Earners a family needs to keep its basket after a real-wage cut.

    Attributes
    ----------
    initial : float
        Earners before the cut ``m0``.
    real_wage_cut : float
        ``δ`` (share of the real wage lost; negative for a rise).
    fractional : float
        ``m0 / (1 − δ)``.
    whole : int
        ``fractional`` rounded up to whole earners (with a relative tolerance of
        :data:`ROUNDING_TOLERANCE`, so float noise does not add an earner).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> need = ne.earners_needed(1, 0.25)
    >>> round(need.fractional, 4), need.whole, round(need.extra_fractional, 4)
    (1.3333, 2, 0.3333)
    """

    initial: float
    real_wage_cut: float
    fractional: float
    whole: int

    @property
    def extra_fractional(self) -> float:
        """``m1 − m0`` with fractional earners."""
        return self.fractional - self.initial

    @property
    def extra_whole(self) -> float:
        """``ceil(m1) − m0``: extra whole earners."""
        return self.whole - self.initial

    def summary(self) -> str:
        """One-line description."""
        return (f"real wage cut {self.real_wage_cut:.1%}: {self.initial:g} earner(s) become "
                f"{self.fractional:.4g} (fractional), {self.whole} whole earner(s) "
                "(rounded up)")

    __str__ = summary


def earners_needed(initial_earners: float, real_wage_cut: float) -> EarnersNeeded:
    """Earners needed to keep the family basket after a real-wage cut ``δ``.

    Each earner's wage buys ``(1 − δ)`` of what it bought before, so ``m1 (1 − δ) = m0``
    and ``m1 = m0 / (1 − δ)``; in whole earners, rounded up.

    Parameters
    ----------
    initial_earners : float
        ``m0`` (> 0).
    real_wage_cut : float
        ``δ`` < 1 (0.5 = the real wage halves; a negative value is a rise).

    Raises
    ------
    InvalidHouseholdError
        ``δ >= 1`` (no number of earners can keep the basket), non-finite input, or
        ``m0 <= 0``.

    Notes
    -----
    Marx, *Capital* I, ch. 15 §3a; Goldman (2022) on Soviet families needing a second
    wage after real wages fell by about half in 1928–32.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> ne.earners_needed(1, 0.5)
    EarnersNeeded(initial=1.0, real_wage_cut=0.5, fractional=2.0, whole=2)
    >>> ne.earners_needed(1, 0.4).fractional, ne.earners_needed(1, 0.4).whole
    (1.6666666666666667, 2)
    """
    m0 = _positive_number(initial_earners, "initial earners")
    try:
        delta = float(real_wage_cut)
    except (TypeError, ValueError):
        raise InvalidHouseholdError(
            f"the real-wage cut must be a number, got {real_wage_cut!r}.") from None
    if not math.isfinite(delta):
        raise InvalidHouseholdError(f"the real-wage cut must be finite, got {delta}.")
    if delta >= 1:
        raise InvalidHouseholdError(
            f"a real-wage cut of {delta:.0%} leaves nothing to live on: no number of "
            "earners keeps the family basket. Give a cut below 1 (e.g. 0.5 for a halving).")
    frac = m0 / (1.0 - delta)
    whole = math.ceil(frac * (1.0 - ROUNDING_TOLERANCE))
    return EarnersNeeded(initial=m0, real_wage_cut=delta, fractional=frac, whole=int(whole))


@dataclasses.dataclass(frozen=True)
class FamilyWageCut:
    """What a real-wage cut does to a family that keeps its basket by adding earners.

    Attributes
    ----------
    before : HouseholdAccount
        The family before the cut (``m0`` earners).
    earners : EarnersNeeded
        ``m1`` fractional and whole.
    rounding : str
        ``"whole"`` or ``"fractional"``: which ``m1`` the figures below use.
    earners_after : float
        The ``m1`` used.
    consumption_after : float
        Value of what the family's wages buy after the cut, ``m1 (1 − δ) λ·b_f / m0``
        (hours); equals ``λ·b_f`` with fractional earners, more when rounded up.
    exploitation_before, exploitation_after : float
        Family rate of exploitation ``(m h − C) / C`` before and after.
    extra_hours : float
        ``(m1 − m0) h``: hours the state gains per household against the one-earner
        (``m0``-earner) counterfactual.
    extra_surplus : float
        Change in family surplus labour, ``(m1 h − C1) − (m0 h − C0)``; equals
        ``extra_hours`` with fractional earners.
    labour_per_wage_before, labour_per_wage_after : float
        Hours of labour the state obtains per hour of value paid as real wages:
        ``m0 h / C0`` and ``m1 h / C1``.
    price_of_one_ratio : float
        ``labour_per_wage_after / labour_per_wage_before`` ``= 1/(1 − δ)``: with
        ``δ = 1/2``, two workers for the price of one.
    housing_saving : float or None
        ``(m1 − m0) × housing_cost_per_migrant``: housing and municipal spending avoided
        because the extra earners are urban women already housed rather than migrants.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.0]], labour=[1.0], sectors=["food"])
    >>> cut = ne.family_wage_cut(eco, ne.Household(3, 1, 10, {"food": 4}), 0.5)
    >>> cut.to_frame().loc["earners"].tolist()
    [1.0, 2.0]
    """

    before: HouseholdAccount
    earners: EarnersNeeded
    rounding: str
    earners_after: float
    consumption_after: float
    exploitation_before: float
    exploitation_after: float
    extra_hours: float
    extra_surplus: float
    labour_per_wage_before: float
    labour_per_wage_after: float
    price_of_one_ratio: float
    housing_saving: float | None

    def to_frame(self) -> pd.DataFrame:
        """Before/after table (rows: quantities; columns: before, after)."""
        b = self.before
        rows = {
            "earners": (b.earners, self.earners_after),
            "hours sold": (b.hours_sold, self.earners_after * b.hours_per_earner),
            "family consumption (hours)": (b.reproduction_hours, self.consumption_after),
            "family surplus labour (hours)": (
                b.surplus_labour,
                self.earners_after * b.hours_per_earner - self.consumption_after),
            "family rate of exploitation": (self.exploitation_before,
                                            self.exploitation_after),
            "labour per hour of real wage": (self.labour_per_wage_before,
                                             self.labour_per_wage_after),
        }
        df = pd.DataFrame(rows, index=["before", "after"]).T
        df.index.name = "quantity"
        return df

    def summary(self) -> str:
        """A readable account of the cut (Marx, *Capital* I, ch. 15 §3a)."""
        lines = [
            "Family wage cut (Marx, Capital I, ch. 15 §3a)",
            f"  real wage cut δ                {self.earners.real_wage_cut:.1%}",
            f"  earners needed m0/(1−δ)        {self.earners.fractional:.4g} fractional, "
            f"{self.earners.whole} whole; figures use {self.rounding} earners "
            f"({self.earners_after:g})",
            f"  family exploitation            {self.exploitation_before:.4g} -> "
            f"{self.exploitation_after:.4g}",
            f"  extra hours to the state       {_fmt(self.extra_hours)} per household",
            f"  extra family surplus labour    {_fmt(self.extra_surplus)} per household",
            f"  labour per hour of real wage   {self.labour_per_wage_before:.4g} -> "
            f"{self.labour_per_wage_after:.4g} (x{self.price_of_one_ratio:.4g})"]
        if self.housing_saving is not None:
            lines.append(f"  housing saving (urban women)   {_fmt(self.housing_saving)} "
                         "per household")
        return "\n".join(lines)

    __str__ = summary


def family_wage_cut(economy: Economy, household: Household, real_wage_cut: float,
                    whole_earners: bool = True,
                    housing_cost_per_migrant: float | None = None) -> FamilyWageCut:
    """A family keeps its basket after a real-wage cut by sending more members to work.

    With ``m0 = household.earners`` earners before the cut, the family needs
    ``m1 = m0 / (1 − δ)`` (see :func:`earners_needed`). The state gains ``(m1 − m0) h``
    hours per household against the ``m0``-earner counterfactual, and obtains
    ``1/(1 − δ)`` times as much labour per unit of real wage.

    Parameters
    ----------
    economy : Economy
        Supplies the labour values ``λ``.
    household : Household
        The family before the cut (its earners are ``m0``).
    real_wage_cut : float
        ``δ`` < 1.
    whole_earners : bool, default True
        Add whole earners, ``m1 = m0 + ⌈m0/(1 − δ) − m0⌉`` (the family then consumes a
        little more than its basket; with a whole ``m0`` this is ``⌈m0/(1 − δ)⌉``, and a
        0 % cut adds nobody), or use the fractional ``m1`` (an average over families).
    housing_cost_per_migrant : float, optional
        Housing and municipal cost of settling one migrant worker in town; the saving is
        ``(m1 − m0) ×`` that cost when the extra earners are urban women already housed.

    Raises
    ------
    InvalidHouseholdError
        ``δ >= 1``; more earners needed than the family has members; a negative housing
        cost.

    Notes
    -----
    Marx, *Capital* I, ch. 15 §3a. The "two workers for the price of one" reading of the
    Soviet 1930s is Goldman's (2022; also *Women at the Gates*, 2002). Real wage bill
    after the cut in hours: each earner's wage buys ``(1 − δ) λ·b_f / m0``, so
    ``C1 = m1 (1 − δ) λ·b_f / m0``.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.5, 0.0], [0.0, 0.5]], labour=[1.0, 2.0],
    ...                  sectors=["food", "cloth"])
    >>> fam = ne.Household(4, earners=1, hours_per_earner=100,
    ...                    basket={"food": 10, "cloth": 5})
    >>> cut = ne.family_wage_cut(eco, fam, 0.5, housing_cost_per_migrant=300)
    >>> cut.earners_after, cut.extra_hours, cut.price_of_one_ratio, cut.housing_saving
    (2.0, 100.0, 2.0, 300.0)
    >>> cut.exploitation_before, cut.exploitation_after
    (1.5, 4.0)
    """
    before = household_account(economy, household)
    # the guarded conversion first: a string, a complex or a 10**400 is refused here
    real_wage_cut = as_number(real_wage_cut, "the real-wage cut δ", InvalidHouseholdError,
                              allow_negative=True)
    need = earners_needed(household.earners, real_wage_cut)
    m0 = household.earners
    if whole_earners:
        # whole *extra* earners: m0 + ⌈m1 − m0⌉, so that a 0 % cut adds nobody even when
        # m0 is an average such as 1.3 (for a whole m0 this is ⌈m0/(1 − δ)⌉)
        extra = need.fractional - m0
        m1 = m0 + float(max(0, math.ceil(extra - ROUNDING_TOLERANCE * max(1.0, m0))))
    else:
        m1 = need.fractional
    if m1 > household.members * (1.0 + ROUNDING_TOLERANCE):
        raise InvalidHouseholdError(
            f"the family would need {m1:g} earners to keep its basket after a "
            f"{need.real_wage_cut:.0%} real-wage cut but has only {household.members} "
            "members; the basket cannot be kept (lower the cut or raise members).")
    h = household.hours_per_earner
    c0 = before.reproduction_hours
    # the domestic hours (if counted) are not bought with wages: only λ·b_f scales
    dom = c0 - before.basket_value
    c1 = m1 * (1.0 - need.real_wage_cut) * before.basket_value / m0 + dom
    e1 = (m1 * h - c1) / c1
    lab0 = m0 * h / c0
    lab1 = m1 * h / c1
    saving = None
    if housing_cost_per_migrant is not None:
        cost = _positive_number(housing_cost_per_migrant, "housing cost per migrant",
                                allow_zero=True)
        saving = float(require_finite((m1 - m0) * cost, "the housing saving"))
    require_finite([m1, c1, e1, lab0, lab1, (m1 - m0) * h, lab1 / lab0],
                   "the family's accounts after the wage change")
    return FamilyWageCut(
        before=before, earners=need, rounding="whole" if whole_earners else "fractional",
        earners_after=m1, consumption_after=c1,
        exploitation_before=before.rate_of_exploitation, exploitation_after=e1,
        extra_hours=(m1 - m0) * h, extra_surplus=(m1 * h - c1) - (m0 * h - c0),
        labour_per_wage_before=lab0, labour_per_wage_after=lab1,
        price_of_one_ratio=lab1 / lab0, housing_saving=saving)


# ---------------------------------------------------------------------------- workforce
@dataclasses.dataclass(frozen=True)
class WorkforceDynamics:
    """New waged workers by origin and year, with the households they imply.

    Attributes
    ----------
    new_workers : pandas.DataFrame
        New waged workers, years x origins.
    households : pandas.DataFrame
        By year: ``new migrant households`` (migrants / earners per migrant household),
        ``second earners`` (urban women entering waged work), ``two-earner households``
        (households turned into two-earner households that year), and their cumulative
        ``two-earner households (cumulative)``.
    workforce : pandas.Series or None
        Waged workforce at the end of each year (initial + cumulative new workers) when an
        initial workforce was given.
    housing_saving : pandas.Series or None
        Urban women x housing cost per migrant, by year.
    migrant_origin, urban_women_origin : label
        Which origins are peasant migrants and urban women.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> dyn = ne.workforce_dynamics(years=[1930], totals=1.0,
    ...                             shares={"peasant migrants": 0.6, "urban women": 0.4})
    >>> float(dyn.to_frame().loc[1930, "two-earner households"])
    0.4
    """

    new_workers: pd.DataFrame
    households: pd.DataFrame
    workforce: pd.Series | None
    housing_saving: pd.Series | None
    migrant_origin: Hashable
    urban_women_origin: Hashable

    def to_frame(self) -> pd.DataFrame:
        """Everything by year in one table."""
        parts = [self.new_workers.add_prefix("new: "), self.households]
        if self.workforce is not None:
            parts.append(self.workforce.to_frame())
        if self.housing_saving is not None:
            parts.append(self.housing_saving.to_frame())
        return pd.concat(parts, axis=1)

    def summary(self) -> str:
        """Totals over the years."""
        tot = self.new_workers.sum()
        grand = float(tot.sum())
        lines = [f"Workforce dynamics {self.new_workers.index.min()}–"
                 f"{self.new_workers.index.max()}: {_fmt(grand)} new waged workers"]
        for origin, n in tot.items():
            share = f"{n / grand:.1%}" if grand > 0 else "n/a"
            lines.append(f"  {origin!s:<22} {_fmt(n)} ({share})")
        formed = float(self.households["two-earner households"].sum())
        lines.append(f"  two-earner households formed {_fmt(formed)}")
        if self.workforce is not None:
            lines.append(f"  workforce at the end          {_fmt(self.workforce.iloc[-1])}")
        if self.housing_saving is not None:
            lines.append(f"  housing saving                {_fmt(self.housing_saving.sum())}")
        return "\n".join(lines)

    __str__ = summary


def _read_new_workers(data: Any) -> pd.DataFrame:
    if isinstance(data, Mapping) and not isinstance(data, pd.DataFrame):
        data = pd.DataFrame(data)
    if not isinstance(data, pd.DataFrame):
        raise InvalidHouseholdError(
            "new workers must be a DataFrame: long (columns year, origin, count) or wide "
            "(index year, one column per origin).")
    cols = {str(c).lower(): c for c in data.columns}
    if "origin" in cols and "year" in cols:
        count_col = next((cols[c] for c in ("count", "value", "workers", "new_workers")
                          if c in cols), None)
        if count_col is None:
            raise InvalidHouseholdError(
                "a long table of new workers needs a count column named 'count' (or "
                f"'value', 'workers'); got columns {list(data.columns)}.")
        dup = data.duplicated(subset=[cols["year"], cols["origin"]])
        if dup.any():
            rows = data.loc[dup, [cols["year"], cols["origin"]]].values.tolist()[:5]
            raise InvalidHouseholdError(
                f"repeated (year, origin) rows {rows}; give one count per year and origin.")
        wide = data.pivot(index=cols["year"], columns=cols["origin"], values=count_col)
        wide = wide.fillna(0.0)
    else:
        wide = data.copy()
    wide = wide.sort_index()
    wide.index.name = "year"
    wide.columns.name = "origin"
    if not wide.index.is_unique:
        raise InvalidHouseholdError("years must be unique in a wide table of new workers.")
    try:
        vals = wide.to_numpy(dtype=float)
    except (TypeError, ValueError) as exc:
        raise InvalidHouseholdError(f"new-worker counts must be numeric: {exc}.") from None
    if vals.size == 0:
        raise InvalidHouseholdError("the table of new workers is empty.")
    if not np.all(np.isfinite(vals)) or np.any(vals < 0):
        raise InvalidHouseholdError("new-worker counts must be finite and >= 0.")
    return pd.DataFrame(vals, index=wide.index, columns=wide.columns)


def workforce_dynamics(new_workers: Any = None, *, years: Any = None, totals: Any = None,
                       shares: Mapping[Hashable, float] | None = None,
                       migrant_origin: Hashable = "peasant migrants",
                       urban_women_origin: Hashable = "urban women",
                       earners_per_migrant_household: float = 1.0,
                       extra_earners_per_household: float = 1.0,
                       initial_workforce: float | None = None,
                       housing_cost_per_migrant: float | None = None) -> WorkforceDynamics:
    """New waged workers by origin over a sequence of years, and the households implied.

    Give either a table ``new_workers`` or parameters ``years``, ``totals`` (new workers
    per year) and ``shares`` (share of each origin, summing to 1).

    Accepted table formats (for example the output of a dataset loader):

    * long: columns ``year``, ``origin``, ``count`` (``value`` or ``workers`` also accepted
      for the count; column names are case-insensitive), one row per year and origin;
    * wide: index = year, one column per origin.

    Implied households per year: each peasant migrant household brings
    ``earners_per_migrant_household`` workers (so ``migrants / earners`` new households
    to house); each urban woman entering waged work is a second earner in a household
    already in town, and ``urban women / extra_earners_per_household`` households become
    two-earner households. Other origins imply no household change.

    Parameters
    ----------
    new_workers : DataFrame, optional
        The table described above.
    years, totals, shares : optional
        Parameters instead of a table: ``totals`` is a scalar or one number per year.
    migrant_origin, urban_women_origin : label
        Names of the origins that are peasant migrants and urban women.
    earners_per_migrant_household, extra_earners_per_household : float, default 1
        Conversions from workers to households (> 0).
    initial_workforce : float, optional
        Waged workforce before the first year; gives the workforce at each year's end.
    housing_cost_per_migrant : float, optional
        Housing and municipal cost per migrant worker; gives the saving when urban women
        (already housed) are hired instead.

    Raises
    ------
    InvalidHouseholdError
        Malformed table (missing columns, repeated rows, negative counts), shares not
        summing to 1, both or neither of table and parameters.

    Notes
    -----
    Goldman (2022), citing *Trud v SSSR* (1936): women were about 37% of newly hired
    waged workers in 1929–35, and the number of workers rose from 11.9 million in 1929 to
    22.6 million in 1933. The conversions to households are model assumptions.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> dyn = ne.workforce_dynamics(years=[1930, 1931], totals=[2.0, 3.0],
    ...     shares={"peasant migrants": 0.5, "urban women": 0.37, "others": 0.13},
    ...     initial_workforce=11.9, housing_cost_per_migrant=1.0)
    >>> dyn.households["two-earner households"].round(2).tolist()
    [0.74, 1.11]
    >>> dyn.workforce.round(2).tolist()
    [13.9, 16.9]
    """
    if new_workers is not None:
        if years is not None or totals is not None or shares is not None:
            raise InvalidHouseholdError(
                "give either a table of new workers or years/totals/shares, not both.")
        table = _read_new_workers(new_workers)
    else:
        if years is None or totals is None or shares is None:
            raise InvalidHouseholdError(
                "give a table of new workers, or all of years, totals and shares.")
        yrs = pd.Index(list(years), name="year")
        tot = as_vector(totals, yrs, "new workers per year", InvalidHouseholdError)
        sh = pd.Series(dict(shares), dtype=float)
        if sh.empty or not np.all(np.isfinite(sh)) or np.any(sh < 0) or \
                abs(float(sh.sum()) - 1.0) > 1e-9:
            raise InvalidHouseholdError(
                f"origin shares must be >= 0 and sum to 1; got {sh.to_dict()}.")
        table = pd.DataFrame(np.outer(tot, sh.to_numpy()), index=yrs, columns=sh.index)
        table.columns.name = "origin"
    k_mig = _positive_number(earners_per_migrant_household, "earners per migrant household")
    k_extra = _positive_number(extra_earners_per_household, "extra earners per household")
    zero = pd.Series(0.0, index=table.index)
    migrants = table[migrant_origin] if migrant_origin in table.columns else zero
    women = table[urban_women_origin] if urban_women_origin in table.columns else zero
    converted = women / k_extra
    households = pd.DataFrame({
        "new migrant households": migrants / k_mig,
        "second earners": women,
        "two-earner households": converted,
        "two-earner households (cumulative)": converted.cumsum(),
    })
    workforce = None
    if initial_workforce is not None:
        w0 = _positive_number(initial_workforce, "initial workforce", allow_zero=True)
        workforce = (w0 + table.sum(axis=1).cumsum()).rename("workforce")
    saving = None
    if housing_cost_per_migrant is not None:
        cost = _positive_number(housing_cost_per_migrant, "housing cost per migrant",
                                allow_zero=True)
        saving = (women * cost).rename("housing saving")
    return WorkforceDynamics(new_workers=table, households=households, workforce=workforce,
                             housing_saving=saving, migrant_origin=migrant_origin,
                             urban_women_origin=urban_women_origin)
