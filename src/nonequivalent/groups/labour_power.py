"""Labour power: the worker's hours, wage and basket, the value of labour power, exploitation.

A **worker** sells ``h`` hours for a money wage ``w`` and buys a consumption basket ``b``
at retail prices ``p_r``. With labour values ``λ`` of the economy:

* value of labour power ``v = λ·b`` (hours), surplus labour ``h − v``, rate of
  exploitation ``e = (h − v)/v`` (Marx, *Capital* I, ch. 7–9);
* real-wage index ``(w_t / w_0) / (P_t / P_0)`` from money wages and a retail price index;
* the state's retail margin on food sold to workers ``(p_r − p_proc)·b_food`` (procurement
  price against retail price), a second channel of extraction from workers.

>>> import nonequivalent as ne
>>> eco = ne.Economy([[0.5, 0.0], [0.0, 0.5]], labour=[1.0, 2.0], sectors=["food", "cloth"])
>>> w = ne.Worker(hours=100, wage=50, basket={"food": 10, "cloth": 5})
>>> acc = ne.worker_account(eco, w)
>>> acc.value_of_labour_power, acc.surplus_labour, acc.rate_of_exploitation
(40.0, 60.0, 1.5)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result, format_number
from .._validation import as_array, as_bundle, as_float, as_number, as_vector, check_finite
from ..core.economy import Economy
from ..errors import (
    InvalidHouseholdError,
    InvalidPriceError,
    LabelMismatchError,
    NonequivalentError,
)

__all__ = [
    "Worker",
    "WorkerAccount",
    "real_wage_index",
    "retail_margin",
    "value_of_labour_power",
    "worker_account",
]


# ---------------------------------------------------------------------------- helpers
def _positive_number(x: Any, what: str, *, allow_zero: bool = False) -> float:
    return as_number(x, what, InvalidHouseholdError, allow_zero=allow_zero)


#: Marks a basket or price vector given as a plain list or array: read by position (it
#: must have one entry per good of the economy), never by label.
_POSITIONAL = "positional"


def _read_goods(data: Any, what: str, error: type[NonequivalentError], noun: str, *,
                unique: bool = False) -> pd.Series:
    """Quantities or prices by good as a float Series, through the guarded conversion.

    A mapping or Series keeps its labels (goods; with ``unique``, a Series with a repeated
    label raises :class:`LabelMismatchError`); a list or array is *positional*: it is
    stored with the mark :data:`_POSITIONAL` and must later have exactly one entry per
    good of the economy (:func:`_align_goods`), never padded or read by label. Complex,
    boolean, string and overflowing entries raise ``error``.
    """
    positional = False
    if isinstance(data, Mapping) and not isinstance(data, pd.Series):
        items = dict(data)
        series = pd.Series([as_float(v, f"{what} ({k!r})", error) for k, v in items.items()],
                           index=pd.Index(list(items)), dtype=float)
    elif isinstance(data, pd.Series):
        if unique and not data.index.is_unique:
            raise LabelMismatchError(
                f"{what}: goods labels must be unique; repeated: "
                f"{data.index[data.index.duplicated()].unique().tolist()}.")
        series = pd.Series(as_array(data.to_numpy(), what, error, labels=data.index),
                           index=data.index.copy())
        positional = bool(data.attrs.get(_POSITIONAL, False))
    else:
        arr = as_array(data, what, error)
        if arr.ndim != 1:
            raise error(f"{what} must be a vector of {noun} by good.")
        series = pd.Series(arr)
        positional = True
    series.name = what
    series.attrs[_POSITIONAL] = positional
    return series


def _read_basket(basket: Any, what: str) -> pd.Series:
    """A basket as a float Series (:func:`_read_goods`), checked non-empty and finite."""
    series = _read_goods(basket, what, InvalidHouseholdError, "quantities", unique=True)
    vals = series.to_numpy(dtype=float)
    if vals.size == 0 or not np.all(np.isfinite(vals)) or np.any(vals < 0) or vals.sum() <= 0:
        if vals.size == 0 or (np.all(np.isfinite(vals)) and np.all(vals >= 0)):
            raise InvalidHouseholdError(
                f"{what} is empty: give at least one good with a positive quantity, e.g. "
                "{'food': 10}.")
        raise InvalidHouseholdError(
            f"{what} must contain finite, non-negative quantities; got {vals.tolist()[:10]}.")
    return series


def _by_position(data: pd.Series, economy: Economy) -> bool:
    """Whether goods data is read by position: marked positional, or a Series with a
    default integer index whose labels are not goods of the economy."""
    return bool(data.attrs.get(_POSITIONAL, False)) or (
        isinstance(data.index, pd.RangeIndex) and not set(data.index) <= set(economy.sectors))


def _align_goods(data: pd.Series, economy: Economy, what: str) -> np.ndarray:
    """Quantities by good as a vector in the economy's sector order.

    A labelled basket may name any subset of the economy's goods (the others are 0); a
    positional one (a list or array, see :func:`_read_basket`) must have one entry per
    sector, in sector order, whatever the sector labels are (integers included). A Series
    with a default integer index whose labels are not goods of the economy is read by
    position too.
    """
    sectors = economy.sectors
    if _by_position(data, economy):
        if len(data) != len(sectors):
            raise LabelMismatchError(
                f"{what} has {len(data)} entries by position; the economy has "
                f"{len(sectors)} goods {list(sectors)[:10]}. Give one entry per good, or "
                "label the quantities by good (a mapping or Series).")
        return data.to_numpy(dtype=float, copy=True)
    return as_bundle(data, sectors, what, InvalidHouseholdError)


def _price_vector(prices: Any, economy: Economy, what: str) -> np.ndarray:
    """Prices by good aligned with the economy (every good needs a price)."""
    return as_vector(prices, economy.sectors, what, InvalidPriceError)


def _retail_vector(retail_prices: Any, economy: Economy) -> np.ndarray:
    """Retail prices aligned with the economy (unlabelled vectors in sector order)."""
    rp = retail_prices
    if isinstance(rp, pd.Series) and _by_position(rp, economy):
        rp = rp.to_numpy()
    return _price_vector(rp, economy, "retail prices")


def _basket_value(economy: Economy, basket: pd.Series, what: str) -> tuple[np.ndarray, float]:
    """A read basket aligned with the economy's goods, and its value ``λ·b`` in hours."""
    b = _align_goods(basket, economy, what)
    return b, float(economy.values_array @ b)


def _fmt(x: float) -> str:
    return format_number(x)


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
            rp = _read_goods(self.retail_prices, "retail prices", InvalidPriceError, "prices")
            check_finite(rp.to_numpy(), "retail prices", InvalidPriceError, labels=rp.index)
            object.__setattr__(self, "retail_prices", rp)

    def __repr__(self) -> str:
        extra = "" if self.retail_prices is None else ", retail_prices=..."
        return (f"Worker(hours={self.hours}, wage={self.wage}, "
                f"basket={self.basket.to_dict()}{extra})")


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class WorkerAccount(Result):
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

    _title = "Worker account (Marx, Capital I, ch. 7-9)"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """The figures with their units (also the rows of :meth:`to_frame`)."""
        rows = [("hours worked h", self.hours, "hours"),
                ("value of labour power v = λ·b", self.value_of_labour_power, "hours"),
                ("surplus labour h − v", self.surplus_labour, "hours"),
                ("rate of exploitation e", self.rate_of_exploitation, "ratio"),
                ("money wage w", self.wage, "money")]
        if self.basket_cost is not None:
            rows.append(("basket cost p_r·b", self.basket_cost, "money"))
        if self.retail_margin is not None:
            rows.append(("retail margin (p_r − p_proc)·b_food", self.retail_margin, "money"))
        return rows

    def to_frame(self) -> pd.DataFrame:
        """The figures as a labelled table (quantity, value, unit)."""
        return super().to_frame()



def surplus_labour(hours: Any, value: Any) -> tuple[Any, Any]:
    """Surplus labour ``h − v`` and the rate of exploitation ``e = (h − v)/v`` of a worker
    of ``h`` hours whose labour power is worth ``v = λ·b`` hours (floats or arrays of
    draws; Marx, *Capital* I, ch. 7–9). Used by :func:`worker_account` and the report."""
    surplus = hours - value
    return surplus, surplus / value


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
    surplus, rate = surplus_labour(worker.hours, v)
    return WorkerAccount(hours=worker.hours, value_of_labour_power=v,
                         surplus_labour=surplus, rate_of_exploitation=rate, wage=worker.wage,
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


