"""The price scissors, Stalin's tribute, the channels of accumulation and the squeeze.

* :func:`scissors_index` — ``σ_t = (P_m,t / P_m,0) / (P_a,t / P_a,0)`` from industrial and
  agricultural price indices, against any base period (Trotsky's "scissors", 1923;
  Preobrazhensky, *The New Economics* (1926; transl. 1965), ch. 2).
* :func:`two_good_transfer` — with balanced trade the transfer at benchmark prices is
  ``p^e_a q_a (1 − 1/σ)`` (DESIGN §2.3).
* :func:`tribute` and :func:`equivalent_tax_rate` — Stalin's "tribute" or "super-tax"
  (speech to the Central Committee plenum, 9 July 1928, "Industrialisation of the Country
  and the Right Deviation", *Works* vol. 11): overpayment for manufactures, underpayment
  for grain and direct taxes, and the sales-tax rate that would raise the same sum.
* :func:`accumulation_fund` with :func:`inflation_tax` and :func:`foreign_trade_margin` —
  Preobrazhensky's channels of primitive socialist accumulation (*The New Economics*,
  ch. 2): taxes, price policy, currency emission, the foreign-trade monopoly, loans.
* Marketing responses (:class:`IsoelasticResponse`, :class:`LinearResponse`,
  :class:`CallableResponse`), the extraction curve ``(p^e − p) q(p)``,
  :func:`squeeze_optimum` and :func:`squeeze_diagnostic` — the grain-crisis trap of
  1927–28 (W. Z. Goldman, "Blood on the Red Banner", *IRSH* 2022, section on the grain
  crisis): past ``p*`` a harder squeeze collects less.
* :class:`DualEconomy` — a dual economy in the spirit of R. K. Sah and J. E. Stiglitz,
  "The economics of price scissors", *AER* 74(1) (1984), 125–138.

>>> import pandas as pd, nonequivalent as ne
>>> prices = pd.DataFrame({"industrial": [100, 276], "agricultural": [100, 89]},
...                       index=["1913", "Oct 1923"])
>>> ne.scissors_index(prices["industrial"], prices["agricultural"]).round(2).tolist()
[1.0, 3.1]
"""

from __future__ import annotations

import abc
import dataclasses
import math
from collections.abc import Callable, Hashable, Mapping
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd
from scipy import optimize

from ._validation import as_number, as_vector, check_finite
from .errors import (
    InvalidGroupError,
    InvalidPriceError,
    LabelMismatchError,
    MarketingResponseError,
    NonequivalentError,
)
from .exchange import Benchmark, Group, _as_benchmark, _price_series

__all__ = [
    "AccumulationFund",
    "CallableResponse",
    "DualComparativeStatics",
    "DualEconomy",
    "DualOptimum",
    "DualOutcome",
    "IsoelasticResponse",
    "LinearResponse",
    "MarketingResponse",
    "SqueezeDiagnostic",
    "SqueezeOptimum",
    "Tribute",
    "accumulation_fund",
    "equivalent_tax_rate",
    "extraction",
    "foreign_trade_margin",
    "inflation_tax",
    "scissors_index",
    "squeeze_diagnostic",
    "squeeze_optimum",
    "terms_of_trade",
    "tribute",
    "two_good_transfer",
]

#: Grid points used to check monotonicity and to bracket the numeric optimum.
GRID_POINTS = 2001


def _fmt(x: float) -> str:
    return f"{x:.4g}"


def _shares(amounts: pd.Series, total: float) -> pd.Series:
    """Each amount's share of ``total``; NaN (stated by the caller) when the total is 0."""
    if total == 0:
        return pd.Series(np.nan, index=amounts.index, name="share")
    return (amounts / total).rename("share")


def _amount_share_frame(amounts: pd.Series, total: float, index_name: str) -> pd.DataFrame:
    """Amounts and their shares of ``total`` in one labelled table."""
    out = pd.DataFrame({"amount": amounts, "share": _shares(amounts, total)})
    out.index.name = index_name
    return out


def _positive(x: Any, what: str, error: type[NonequivalentError] = InvalidPriceError,
              allow_zero: bool = False) -> float:
    return as_number(x, what, error, allow_zero=allow_zero)


# ============================================================================ scissors index
def _base_level(series: pd.Series, base: Hashable | None, what: str) -> float:
    if base is None:
        return float(series.iloc[0])
    try:
        sel = series.loc[base]
    except KeyError:
        raise LabelMismatchError(
            f"base period {base!r} is not in the index of the {what} series "
            f"({list(series.index[:3])} ... {list(series.index[-2:])}).") from None
    if isinstance(sel, pd.Series):
        if sel.empty:
            raise LabelMismatchError(f"base period {base!r} selects no {what} observation.")
        return float(sel.mean())
    return float(sel)


def terms_of_trade(prices: Any, benchmark_prices: Any, good: Hashable,
                   weights: Any = None) -> float:
    """A good's terms of trade against the other goods, relative to a benchmark.

    ``T = (p_a / pᵉ_a) / (p·w / pᵉ·w)``: the good's price against its benchmark price,
    divided by the level of the other goods' prices against theirs, weighted by ``w``
    (e.g. what the peasants buy). ``T = 1`` is parity with the benchmark; ``T < 1`` means
    the blades of the scissors are open against the good, and ``1 / T`` is the scissors
    index σ of two goods (Preobrazhensky, *The New Economics*, 1926, ch. 2; Trotsky's
    "scissors" of 1923). The good's own weight is ignored; with no weight on any other
    good, the other goods are weighted equally.

    Parameters
    ----------
    prices, benchmark_prices : Series
        Actual and benchmark prices by good (the same labels), positive.
    good : label
        The good whose terms of trade are measured (e.g. ``"agriculture"``).
    weights : Series or mapping, optional
        Non-negative weights of the other goods (default: equal).

    Examples
    --------
    >>> import pandas as pd, nonequivalent as ne
    >>> p = pd.Series({"grain": 1.0, "cloth": 3.0, "iron": 2.0})
    >>> pe = pd.Series({"grain": 2.0, "cloth": 1.5, "iron": 2.0})
    >>> ne.terms_of_trade(p, pe, "grain", weights={"grain": 5, "cloth": 1, "iron": 0})
    0.25
    """
    if isinstance(prices, Mapping) and not isinstance(prices, pd.Series):
        prices = pd.Series(dict(prices), dtype=float)
    if not isinstance(prices, pd.Series):
        raise InvalidPriceError("prices must be a pandas Series (or a mapping) by good.")
    p = pd.Series(as_vector(prices, prices.index, "prices", InvalidPriceError),
                  index=prices.index)
    pe = as_vector(benchmark_prices, p.index, "benchmark prices", InvalidPriceError)
    if good not in p.index:
        raise LabelMismatchError(f"unknown good {good!r}; the prices are for {list(p.index)}.")
    k = p.index.get_loc(good)
    if p.iloc[k] <= 0 or pe[k] <= 0:
        raise InvalidPriceError(f"the price and benchmark price of {good!r} must be > 0 "
                                "(the terms of trade are a ratio).")
    others = p.index != good
    w = (np.zeros(len(p)) if weights is None
         else as_vector(weights, p.index, "weights", InvalidPriceError))
    w = np.where(others, w, 0.0)
    if not w.any():
        w = others.astype(float)
    level_e = float(pe @ w)
    if level_e <= 0:
        raise InvalidPriceError("the other goods' benchmark prices are all zero; the price "
                                "level they define is undefined.")
    return float(p.iloc[k] / pe[k]) / (float(p.to_numpy() @ w) / level_e)


def scissors_index(industrial: pd.Series, agricultural: pd.Series,
                   base: Hashable | None = None) -> pd.Series:
    """The scissors index ``σ_t = (P_m,t / P_m,0) / (P_a,t / P_a,0)``.

    Parameters
    ----------
    industrial, agricultural : Series
        Price indices (or prices) of manufactures and of farm goods, on the same index
        (time: years, dates, any labels), strictly positive.
    base : label, optional
        Base period ``0``: a label of the index; a partial label that selects several
        observations (e.g. ``"1913"`` on a DatetimeIndex) averages them. Default: the first
        observation.

    Returns
    -------
    Series
        ``σ`` by period (1 in the base period; > 1: the scissors open against agriculture),
        with ``attrs["base"]``.

    Raises
    ------
    InvalidPriceError
        Zero, negative or non-finite index values.
    LabelMismatchError
        The two series have different indices, or ``base`` is not in them.

    Notes
    -----
    Trotsky named the scissors at the XII Party Congress (1923); Preobrazhensky,
    *The New Economics*, ch. 2; A. Nove, *An Economic History of the USSR*, ch. 4.
    The widely quoted figures for 1 October 1923 are industrial prices at 276 % and
    agricultural at 89 % of 1913, σ ≈ 3.1 (Wikipedia, "Scissors Crisis").

    Examples
    --------
    >>> import pandas as pd, nonequivalent as ne
    >>> ind = pd.Series([100.0, 276.0, 131.0], index=["1913", "1923-10", "1924-04"])
    >>> agr = pd.Series([100.0, 89.0, 92.0], index=ind.index)
    >>> ne.scissors_index(ind, agr, base="1913").round(3).to_dict()
    {'1913': 1.0, '1923-10': 3.101, '1924-04': 1.424}
    """
    for s, what in ((industrial, "industrial"), (agricultural, "agricultural")):
        if not isinstance(s, pd.Series):
            raise InvalidPriceError(f"the {what} price index must be a pandas Series indexed "
                                    f"by period; got {type(s).__name__}.")
    if not industrial.index.equals(agricultural.index):
        raise LabelMismatchError(
            "the industrial and agricultural series must share one index (the same periods "
            "in the same order); align them first, e.g. with .reindex().")
    if len(industrial) == 0:
        raise InvalidPriceError("the price series are empty.")
    m = industrial.astype(float)
    a = agricultural.astype(float)
    for s, what in ((m, "industrial"), (a, "agricultural")):
        v = s.to_numpy()
        bad = ~np.isfinite(v) | (v <= 0)
        if bad.any():
            raise InvalidPriceError(
                f"the {what} price index must be positive and finite (σ is a ratio); bad "
                f"at {list(s.index[bad])[:10]}.")
    m0 = _base_level(m, base, "industrial")
    a0 = _base_level(a, base, "agricultural")
    out = (m / m0) / (a / a0)
    out.name = "scissors index"
    out.attrs["base"] = base if base is not None else industrial.index[0]
    return out


def two_good_transfer(benchmark_price: Any, quantity: Any, sigma: Any) -> Any:
    """Transfer at benchmark prices with two goods and balanced trade: ``p^e_a q_a (1 − 1/σ)``.

    Peasants sell ``q_a`` grain and buy manufactures with the proceeds
    (``p_a q_a = p_m q_m``); at benchmark prices ``p^e`` the transfer
    ``(p^e_a − p_a) q_a + (p_m − p^e_m) q_m`` equals ``p^e_a q_a (1 − 1/σ)`` with
    ``σ = (p_m / p^e_m) / (p_a / p^e_a)`` (derivation: :func:`nonequivalent.symbolic.
    two_good_transfer`).

    Parameters
    ----------
    benchmark_price : float or array
        ``p^e_a``, benchmark price of the farm good (> 0).
    quantity : float or array
        ``q_a`` sold (>= 0).
    sigma : float or array
        Scissors index (> 0).

    Notes
    -----
    DESIGN §2.3; Preobrazhensky, *The New Economics*, ch. 2.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> round(ne.two_good_transfer(1.0, 100.0, 276 / 89), 4)
    67.75
    """
    pe = np.asarray(benchmark_price, dtype=float)
    q = np.asarray(quantity, dtype=float)
    s = np.asarray(sigma, dtype=float)
    if not (np.isfinite(pe).all() and (pe > 0).all()):
        raise InvalidPriceError("the benchmark price must be positive and finite.")
    if not (np.isfinite(q).all() and (q >= 0).all()):
        raise InvalidPriceError("the quantity sold must be >= 0 and finite.")
    if not (np.isfinite(s).all() and (s > 0).all()):
        raise InvalidPriceError("the scissors index must be positive and finite.")
    out = pe * q * (1.0 - 1.0 / s)
    return float(out) if out.ndim == 0 else out


# ============================================================================ tribute
@dataclasses.dataclass(frozen=True, eq=False)
class Tribute:
    """Stalin's tribute of one group, in its three parts, at benchmark prices.

    Attributes
    ----------
    group : str
    benchmark : Benchmark
    overpayment : float
        ``(p − p^e)·d``: "overpayment in the relatively high prices for manufactured goods".
    underpayment : float
        ``(p^e − p)·s``: "underpayment in the prices for agricultural produce".
    taxes : float
        Direct taxes.
    sales_value : float
        ``p·s``, the group's sales at actual prices.
    sales_value_benchmark : float
        ``p^e·s``, the same sales at benchmark prices.
    by_good : DataFrame
        Underpayment and overpayment by good.

    Notes
    -----
    Stalin, "Industrialisation of the Country and the Right Deviation in the C.P.S.U.(B.)",
    plenum of 9 July 1928, *Works* vol. 11 (the peasantry pays "not only the usual
    taxes, direct and indirect", but also overpays for manufactures and is underpaid for
    grain: "a sort of tribute", a "super-tax").

    Examples
    --------
    >>> import nonequivalent as ne
    >>> t = ne.tribute(ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 4}, taxes=1),
    ...                {"grain": 0.8, "cloth": 2.5}, {"grain": 1.0, "cloth": 2.0})
    >>> t.parts.to_dict()
    {'overpayment': 2.0, 'underpayment': 2.0, 'taxes': 1.0}
    >>> t.total
    5.0
    """

    group: str
    benchmark: Benchmark
    overpayment: float
    underpayment: float
    taxes: float
    sales_value: float
    sales_value_benchmark: float
    by_good: pd.DataFrame = dataclasses.field(repr=False)

    @property
    def total(self) -> float:
        """Overpayment + underpayment + taxes."""
        return self.overpayment + self.underpayment + self.taxes

    @property
    def parts(self) -> pd.Series:
        """The three parts, indexed ``overpayment, underpayment, taxes``."""
        return pd.Series({"overpayment": self.overpayment, "underpayment": self.underpayment,
                          "taxes": self.taxes}, name="tribute")

    @property
    def shares(self) -> pd.Series:
        """Each part's share of the total (NaN, stated in :meth:`summary`, if the total is 0)."""
        return _shares(self.parts, self.total)

    def to_frame(self) -> pd.DataFrame:
        """Parts with amounts and shares; the benchmark's name in ``attrs``."""
        out = _amount_share_frame(self.parts, self.total, "part")
        out.attrs["benchmark"] = self.benchmark.name
        return out

    def summary(self) -> str:
        """Readable statement of the tribute and its parts."""
        lines = [f"Tribute of '{self.group}' measured against {self.benchmark}",
                 f"  overpayment for what it buys (manufactures): {_fmt(self.overpayment)}",
                 f"  underpayment for what it sells (grain):      {_fmt(self.underpayment)}",
                 f"  direct taxes:                                {_fmt(self.taxes)}",
                 f"  total tribute:                               {_fmt(self.total)}"]
        if self.total == 0:
            lines.append("  (shares undefined: the total is zero)")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()


def tribute(group: Group, prices: Any, benchmark: Benchmark | pd.Series | Mapping) -> Tribute:
    """Stalin's tribute of a group: overpayment, underpayment and taxes at benchmark prices.

    Parameters
    ----------
    group : Group
        What the group sells and buys, and its direct taxes.
    prices : Series or mapping
        Actual prices ``p`` of the goods (defines the goods; >= 0).
    benchmark : Benchmark, Series or mapping
        Equivalent prices ``p^e`` of the same goods (a Series/mapping is a user-given
        benchmark).

    Returns
    -------
    Tribute
        ``overpayment = (p − p^e)·d``, ``underpayment = (p^e − p)·s``, ``taxes``.

    Raises
    ------
    LabelMismatchError
        The group trades goods that are not priced, or the benchmark prices other goods.
    InvalidPriceError
        Negative or non-finite prices, or a non-positive benchmark.

    Notes
    -----
    Stalin, plenum of 9 July 1928, *Works* vol. 11; the same decomposition as
    :func:`nonequivalent.exchange_account` (money part), without labour values.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> peasants = ne.Group("peasants", sells={"grain": 100}, buys={"cloth": 30}, taxes=20)
    >>> t = ne.tribute(peasants, {"grain": 0.9, "cloth": 3.0},
    ...                ne.base_period_benchmark({"grain": 1.0, "cloth": 2.0}))
    >>> print(t)
    Tribute of 'peasants' measured against Benchmark '1913 prices': ...
      overpayment for what it buys (manufactures): 30
      underpayment for what it sells (grain):      10
      direct taxes:                                20
      total tribute:                               60
    """
    if not isinstance(group, Group):
        raise InvalidGroupError(f"tribute() needs a Group; got {type(group).__name__}.")
    p_s = _price_series(prices, "actual prices")
    goods = p_s.index
    p = p_s.to_numpy()
    check_finite(p, "actual prices", InvalidPriceError, labels=goods)
    bench = _as_benchmark(benchmark)
    pe = bench.aligned(goods)
    s, d = group.vectors(goods)
    under_g = (pe - p) * s
    over_g = (p - pe) * d
    by_good = pd.DataFrame({"underpayment": under_g, "overpayment": over_g},
                           index=pd.Index(goods, name="good"))
    return Tribute(group=group.name, benchmark=bench, overpayment=float(over_g.sum()),
                   underpayment=float(under_g.sum()), taxes=group.taxes,
                   sales_value=float(p @ s), sales_value_benchmark=float(pe @ s),
                   by_good=by_good)


def equivalent_tax_rate(tribute: Tribute, include_taxes: bool = True,
                        base: str = "benchmark") -> float:
    """The tax rate on the group's sales that would raise the same sum as the tribute.

    ``t = T / (p^e·s)`` (``base="benchmark"``): with exchange at benchmark prices, a tax at
    rate ``t`` on the value of the group's sales would raise the tribute ``T``;
    ``base="actual"`` uses ``p·s``. ``include_taxes=False`` replaces only the hidden part
    (underpayment + overpayment) — the "super-tax" Stalin added to the usual taxes.

    Raises
    ------
    InvalidGroupError
        The group sells nothing (no sales to tax).
    InvalidPriceError
        ``base`` is not ``"benchmark"`` or ``"actual"``.

    Notes
    -----
    Stalin, plenum of 9 July 1928, *Works* vol. 11 ("a sort of tribute", "a super-tax").

    Examples
    --------
    >>> import nonequivalent as ne
    >>> t = ne.tribute(ne.Group("peasants", sells={"grain": 100}, buys={"cloth": 30}, taxes=20),
    ...                {"grain": 0.9, "cloth": 3.0}, {"grain": 1.0, "cloth": 2.0})
    >>> ne.equivalent_tax_rate(t), ne.equivalent_tax_rate(t, include_taxes=False)
    (0.6, 0.4)
    """
    if base == "benchmark":
        sales = tribute.sales_value_benchmark
    elif base == "actual":
        sales = tribute.sales_value
    else:
        raise InvalidPriceError(f"base must be 'benchmark' or 'actual'; got {base!r}.")
    if not sales > 0:
        raise InvalidGroupError(
            f"group '{tribute.group}' has no sales (value {sales:.6g} at {base} prices), so "
            "no tax rate on sales can raise its tribute.")
    amount = tribute.total if include_taxes else tribute.overpayment + tribute.underpayment
    return amount / sales


# ============================================================================ accumulation
def inflation_tax(inflation: float, money_stock: float, price_level: float = 1.0) -> float:
    """Real revenue from currency emission: ``π/(1+π) · M/P``.

    Holders of money balances ``M`` lose ``M/P − M/(P(1+π)) = π/(1+π) · M/P`` in real
    terms when prices rise by ``π`` (``P`` the price level at the start).

    Raises
    ------
    InvalidPriceError
        ``π <= −1``, negative money stock, non-positive price level.

    Notes
    -----
    Preobrazhensky, *The New Economics*, ch. 2 (paper-money emission as a source of
    accumulation); P. Cagan, "The monetary dynamics of hyperinflation" (1956).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> ne.inflation_tax(0.25, 1000.0)
    200.0
    """
    pi = float(inflation)
    if not math.isfinite(pi) or pi <= -1:
        raise InvalidPriceError(f"inflation must be a finite rate > -1; got {inflation}.")
    M = _positive(money_stock, "money stock", allow_zero=True)
    P = _positive(price_level, "price level")
    return pi / (1.0 + pi) * M / P


def foreign_trade_margin(world_prices: Any, procurement_prices: Any, exports: Any,
                         exchange_rate: float) -> float:
    """Margin of the foreign-trade monopoly: ``Σ (e p^world − p^proc) X``.

    Parameters
    ----------
    world_prices, procurement_prices, exports : Series/mapping by good (or numbers)
        World prices (foreign currency), domestic procurement prices, quantities exported.
    exchange_rate : float
        ``e``, domestic currency per unit of foreign currency.

    Notes
    -----
    Preobrazhensky, *The New Economics*, ch. 2 (the monopoly of foreign trade as a channel
    of primitive socialist accumulation).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> ne.foreign_trade_margin({"grain": 2.0}, {"grain": 1.5}, {"grain": 100}, 1.0)
    50.0
    """
    e = _positive(exchange_rate, "exchange rate")
    if all(np.ndim(x) == 0 and not isinstance(x, Mapping)
           for x in (world_prices, procurement_prices, exports)):
        pw = _positive(world_prices, "world price", allow_zero=True)
        pp = _positive(procurement_prices, "procurement price", allow_zero=True)
        X = _positive(exports, "exports", allow_zero=True)
        return (e * pw - pp) * X
    pw_s = _price_series(world_prices, "world prices")
    goods = pw_s.index
    pw = as_vector(pw_s, goods, "world prices", InvalidPriceError)
    pp = as_vector(_price_series(procurement_prices, "procurement prices"), goods,
                   "procurement prices", InvalidPriceError)
    X = as_vector(_price_series(exports, "exports"), goods, "exports", InvalidPriceError)
    return float((e * pw - pp) @ X)


@dataclasses.dataclass(frozen=True, eq=False)
class AccumulationFund:
    """The accumulation fund by channel, with shares.

    Attributes
    ----------
    channels : Series
        Amount by channel (money per period; a negative channel is a net outflow).

    Notes
    -----
    Preobrazhensky, *The New Economics*, ch. 2: taxation, price policy (non-equivalent
    exchange), currency emission, the foreign-trade monopoly and loans.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> f = ne.accumulation_fund(taxes=30, price_policy=50, loans=20)
    >>> f.total, float(f.shares["price policy"])
    (100.0, 0.5)
    """

    channels: pd.Series

    @property
    def total(self) -> float:
        """Sum of the channels."""
        return float(self.channels.sum())

    @property
    def shares(self) -> pd.Series:
        """Each channel's share of the total (NaN, stated in :meth:`summary`, if it is 0)."""
        return _shares(self.channels, self.total)

    def to_frame(self) -> pd.DataFrame:
        """Channels with amounts and shares."""
        return _amount_share_frame(self.channels, self.total, "channel")

    def summary(self) -> str:
        """Readable table of channels, total and shares."""
        text = (f"Accumulation fund (Preobrazhensky's channels), total {_fmt(self.total)}\n"
                + self.to_frame().to_string(float_format=lambda x: f"{x:,.4g}"))
        if self.total == 0:
            text += "\n(shares undefined: the total is zero)"
        return text

    def __str__(self) -> str:
        return self.summary()


def accumulation_fund(taxes: float = 0.0, price_policy: float | Tribute = 0.0,
                      emission: float = 0.0, foreign_trade: float = 0.0, loans: float = 0.0,
                      other: Mapping[str, float] | None = None) -> AccumulationFund:
    """Sum Preobrazhensky's channels of primitive socialist accumulation.

    Parameters
    ----------
    taxes : float
        Direct (and indirect) taxes.
    price_policy : float or Tribute
        Gains from non-equivalent exchange; a :class:`Tribute` contributes its
        underpayment + overpayment (its taxes belong under ``taxes``).
    emission : float
        Inflation tax, e.g. :func:`inflation_tax`.
    foreign_trade : float
        Margin of the foreign-trade monopoly, e.g. :func:`foreign_trade_margin`.
    loans : float
        Internal loans placed with the population.
    other : mapping, optional
        Further named channels.

    Raises
    ------
    InvalidPriceError
        A non-finite amount, or an ``other`` channel that repeats a standard name.

    Notes
    -----
    Preobrazhensky, *The New Economics* (1926; transl. 1965), ch. 2.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> f = ne.accumulation_fund(taxes=100, price_policy=150,
    ...                          emission=ne.inflation_tax(0.25, 200),
    ...                          foreign_trade=ne.foreign_trade_margin(2.0, 1.5, 100, 1.0))
    >>> f.channels.tolist()          # taxes, price policy, emission, foreign trade, loans
    [100.0, 150.0, 40.0, 50.0, 0.0]
    >>> round(float(f.shares["price policy"]), 4)      # 150 / 340
    0.4412
    """
    if isinstance(price_policy, Tribute):
        price_policy = price_policy.overpayment + price_policy.underpayment
    amounts = {"taxes": taxes, "price policy": price_policy, "currency emission": emission,
               "foreign-trade monopoly": foreign_trade, "loans": loans}
    for k, v in (other or {}).items():
        if k in amounts:
            raise InvalidPriceError(f"channel {k!r} is already a standard channel.")
        amounts[str(k)] = v
    out = {}
    for k, v in amounts.items():
        try:
            fv = float(v)
        except (TypeError, ValueError):
            raise InvalidPriceError(f"channel {k!r} must be a number; got {v!r}.") from None
        if not math.isfinite(fv):
            raise InvalidPriceError(f"channel {k!r} must be finite; got {v}.")
        out[k] = fv
    return AccumulationFund(pd.Series(out, name="amount"))


# ============================================================================ marketing response
def _price_array(price: Any, what: str = "price") -> tuple[np.ndarray, bool]:
    if isinstance(price, pd.Series | pd.Index):
        price = price.to_numpy()
    arr = np.asarray(price, dtype=float)
    if not np.isfinite(arr).all() or (arr < 0).any():
        raise InvalidPriceError(f"{what} must be finite and >= 0.")
    return arr, arr.ndim == 0


class MarketingResponse(abc.ABC):
    """Marketed surplus as a function of the procurement price (terms of trade), ``q(p)``.

    An abstract base: subclasses implement :meth:`quantity` on numpy arrays. Calling a
    response returns a float for a scalar price and an array otherwise.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> ne.IsoelasticResponse(100.0, 1.0, 0.5)(4.0)
    200.0
    """

    name = "marketing response"

    @abc.abstractmethod
    def quantity(self, price: np.ndarray) -> np.ndarray:
        """Marketed surplus at each price of a numpy array."""

    def __call__(self, price: Any) -> Any:
        arr, scalar = _price_array(price)
        q = np.asarray(self.quantity(np.atleast_1d(arr)), dtype=float)
        if not np.isfinite(q).all() or (q < 0).any():
            raise MarketingResponseError(
                f"{self.name} returned negative or non-finite marketed surplus; a marketing "
                "response must give finite quantities >= 0 at every price >= 0.")
        return float(q[0]) if scalar else q.reshape(arr.shape)

    def is_nondecreasing(self, lower: float, upper: float, points: int = GRID_POINTS) -> bool:
        """Whether ``q`` is non-decreasing on a grid of ``points`` prices in [lower, upper].

        >>> import nonequivalent as ne
        >>> ne.LinearResponse(10.0, 1.0, 2.0).is_nondecreasing(0.0, 1.0)
        True
        """
        grid = np.linspace(lower, upper, points)
        q = self(grid)
        tol = 1e-12 * max(1.0, float(np.max(np.abs(q))))
        return bool(np.all(np.diff(q) >= -tol))


@dataclasses.dataclass(frozen=True)
class IsoelasticResponse(MarketingResponse):
    """Isoelastic marketed surplus ``q(p) = q0 (p / p0)^ε``.

    Parameters
    ----------
    q0 : float
        Marketed surplus at the reference price ``p0`` (> 0).
    p0 : float
        Reference price (> 0).
    elasticity : float
        ``ε`` (finite; ``ε >= 0`` for :func:`squeeze_optimum`).

    Notes
    -----
    DESIGN §2.3; the price response of marketings in the 1920s debate: Preobrazhensky,
    *The New Economics*, ch. 2; Sah & Stiglitz, *AER* 74 (1984).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> ne.IsoelasticResponse(q0=100.0, p0=1.0, elasticity=0.5)(0.25)
    50.0
    """

    q0: float
    p0: float
    elasticity: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "q0", _positive(self.q0, "q0", MarketingResponseError))
        object.__setattr__(self, "p0", _positive(self.p0, "p0", MarketingResponseError))
        eps = float(self.elasticity)
        if not math.isfinite(eps):
            raise MarketingResponseError("the elasticity must be finite.")
        object.__setattr__(self, "elasticity", eps)

    @property
    def name(self) -> str:  # type: ignore[override]
        return (f"isoelastic response q = {_fmt(self.q0)} (p/{_fmt(self.p0)})"
                f"^{_fmt(self.elasticity)}")

    def quantity(self, price: np.ndarray) -> np.ndarray:
        """``q0 (p/p0)^ε`` (a zero price needs ``ε >= 0``)."""
        if self.elasticity < 0 and (price == 0).any():
            raise InvalidPriceError("with a negative elasticity the marketed surplus is "
                                    "infinite at a zero price; give prices > 0.")
        return self.q0 * np.power(price / self.p0, self.elasticity)


@dataclasses.dataclass(frozen=True)
class LinearResponse(MarketingResponse):
    """Linear marketed surplus ``q(p) = max(0, q0 + slope (p − p0))``.

    The response is zero below the choke price ``p_min = p0 − q0 / slope``.

    Parameters
    ----------
    q0 : float
        Marketed surplus at ``p0`` (>= 0).
    p0 : float
        Reference price (>= 0).
    slope : float
        ``dq/dp`` (finite; ``>= 0`` for :func:`squeeze_optimum`).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> r = ne.LinearResponse(q0=10.0, p0=1.0, slope=20.0)
    >>> r(0.75), r(0.25), r.choke_price
    (5.0, 0.0, 0.5)
    """

    q0: float
    p0: float
    slope: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "q0", _positive(self.q0, "q0", MarketingResponseError,
                                                 allow_zero=True))
        object.__setattr__(self, "p0", _positive(self.p0, "p0", MarketingResponseError,
                                                 allow_zero=True))
        b = float(self.slope)
        if not math.isfinite(b):
            raise MarketingResponseError("the slope must be finite.")
        object.__setattr__(self, "slope", b)

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"linear response q = {_fmt(self.q0)} + {_fmt(self.slope)} (p − {_fmt(self.p0)})"

    @property
    def choke_price(self) -> float:
        """``p_min = p0 − q0/slope`` (−inf for a flat response)."""
        return self.p0 - self.q0 / self.slope if self.slope > 0 else -math.inf

    def quantity(self, price: np.ndarray) -> np.ndarray:
        """``max(0, q0 + slope (p − p0))``."""
        return np.maximum(0.0, self.q0 + self.slope * (price - self.p0))


@dataclasses.dataclass(frozen=True, eq=False)
class CallableResponse(MarketingResponse):
    """A user-given marketing response ``q = func(p)``.

    ``func`` receives a numpy array of prices (or, if it fails on arrays, one float at a
    time) and must return finite quantities >= 0. :func:`squeeze_optimum` checks on a grid
    that it is non-decreasing and raises :class:`~nonequivalent.MarketingResponseError`
    otherwise.

    Examples
    --------
    >>> import numpy as np, nonequivalent as ne
    >>> r = ne.CallableResponse(lambda p: 100 * np.sqrt(p), name="square root")
    >>> r(4.0)
    200.0
    """

    func: Callable[[Any], Any]
    label: str = "user marketing response"

    def __init__(self, func: Callable[[Any], Any], name: str = "user marketing response"):
        if not callable(func):
            raise MarketingResponseError("CallableResponse needs a callable q(p).")
        object.__setattr__(self, "func", func)
        object.__setattr__(self, "label", str(name))

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.label

    def quantity(self, price: np.ndarray) -> np.ndarray:
        """``func`` on the array, falling back to element by element."""
        try:
            q = np.asarray(self.func(price), dtype=float)
            if q.shape == price.shape:
                return q
        except (TypeError, ValueError):
            pass
        try:
            return np.array([float(self.func(float(x))) for x in price.ravel()]).reshape(
                price.shape)
        except (TypeError, ValueError) as exc:
            raise MarketingResponseError(
                f"{self.label}: could not evaluate q(p) ({exc}); it must map a price to a "
                "number.") from None


def _as_response(response: Any) -> MarketingResponse:
    if isinstance(response, MarketingResponse):
        return response
    if callable(response):
        return CallableResponse(response)
    raise MarketingResponseError(
        "give a marketing response: IsoelasticResponse, LinearResponse, CallableResponse "
        f"or a callable; got {type(response).__name__}.")


def extraction(response: MarketingResponse | Callable, benchmark_price: float,
               price: Any) -> Any:
    """Extraction ``E(p) = (p^e − p) q(p)``: what the squeeze collects at price ``p``.

    Parameters
    ----------
    response : MarketingResponse or callable
        Marketed surplus ``q(p)``.
    benchmark_price : float
        Equivalent price ``p^e`` (> 0).
    price : float, array or Series
        Procurement price(s) ``p`` (>= 0). A Series keeps its index.

    Returns
    -------
    float, array or Series

    Notes
    -----
    DESIGN §2.3; Preobrazhensky, *The New Economics*, ch. 2 (the limits of price policy);
    the grain crisis of 1927–28 (Goldman 2022).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> r = ne.IsoelasticResponse(100.0, 1.0, 0.5)
    >>> ne.extraction(r, 1.0, 0.25)          # (1 - 0.25) * 100 * 0.5
    37.5
    """
    r = _as_response(response)
    pe = _positive(benchmark_price, "benchmark price")
    arr, scalar = _price_array(price)
    out = (pe - arr) * r(arr)
    if isinstance(price, pd.Series):
        return pd.Series(out, index=price.index, name="extraction")
    return float(out) if scalar else out


@dataclasses.dataclass(frozen=True, eq=False)
class SqueezeOptimum:
    """The procurement price that maximizes extraction, and what it collects.

    Attributes
    ----------
    price : float
        ``p*``.
    extraction : float
        ``E(p*) = (p^e − p*) q(p*)``.
    quantity : float
        ``q(p*)``.
    benchmark_price : float
    method : str
        ``"closed form ..."`` or ``"numeric ..."``.
    response : MarketingResponse

    Examples
    --------
    >>> import nonequivalent as ne
    >>> opt = ne.squeeze_optimum(ne.IsoelasticResponse(100.0, 1.0, 0.5), 1.0)
    >>> round(opt.price, 6), opt.method
    (0.333333, 'closed form p* = ε pᵉ/(1 + ε) (isoelastic)')
    """

    price: float
    extraction: float
    quantity: float
    benchmark_price: float
    method: str
    response: MarketingResponse = dataclasses.field(repr=False)

    def to_frame(self) -> pd.DataFrame:
        """One row: price, quantity, extraction, benchmark price, method."""
        return pd.DataFrame([{"price": self.price, "quantity": self.quantity,
                              "extraction": self.extraction,
                              "benchmark_price": self.benchmark_price,
                              "method": self.method}], index=pd.Index(["optimum"]))

    def summary(self) -> str:
        """Readable statement of the optimum."""
        return (f"Squeeze optimum for {self.response.name} at benchmark price "
                f"pᵉ = {_fmt(self.benchmark_price)}:\n  p* = {_fmt(self.price)}, "
                f"q(p*) = {_fmt(self.quantity)}, maximum extraction {_fmt(self.extraction)} "
                f"[{self.method}]")

    def __str__(self) -> str:
        return self.summary()

    def diagnose(self, price: float) -> SqueezeDiagnostic:
        """:func:`squeeze_diagnostic` at ``price`` against this optimum."""
        return _diagnostic(self, price)


def squeeze_optimum(response: MarketingResponse | Callable, benchmark_price: float,
                    lower: float = 0.0) -> SqueezeOptimum:
    """The procurement price ``p*`` in ``[lower, p^e]`` that maximizes ``(p^e − p) q(p)``.

    * Isoelastic ``q = q0 (p/p0)^ε``: ``p* = ε p^e / (1 + ε)`` (from ``E'(p) = 0``:
      ``ε (p^e − p)/p = 1``), clipped at ``lower``.
    * Linear ``q = max(0, q0 + b (p − p0))``: ``p* = (p^e + p_min)/2`` with the choke price
      ``p_min = p0 − q0/b``, clipped to ``[lower, p^e]`` (flat ``b = 0``: ``p* = lower``).
    * Otherwise numerically: ``q`` is checked non-decreasing on a grid of
      :data:`GRID_POINTS` prices; the best grid point is refined by
      :func:`scipy.optimize.minimize_scalar` (bounded) on its neighbouring interval, and so
      is the last interval below ``p^e`` (a response that becomes positive only just
      below ``p^e`` collects there).

    Raises
    ------
    MarketingResponseError
        A response that falls with price (negative elasticity or slope, or a user function
        that is not non-decreasing on the grid): the squeeze has no interior optimum.
    InvalidPriceError
        ``p^e <= 0`` or ``lower`` outside ``[0, p^e)``.

    Notes
    -----
    DESIGN §2.3; the grain crisis of 1927–28 (Goldman 2022; Preobrazhensky, *The New
    Economics*, ch. 2, on the limits of price policy); Sah & Stiglitz, *AER* 74 (1984).

    Examples
    --------
    >>> import numpy as np, nonequivalent as ne
    >>> r = ne.IsoelasticResponse(100.0, 1.0, 0.5)
    >>> closed = ne.squeeze_optimum(r, 1.0)
    >>> numeric = ne.squeeze_optimum(ne.CallableResponse(r), 1.0)
    >>> round(closed.price, 6), round(numeric.price, 6)
    (0.333333, 0.333333)
    """
    r = _as_response(response)
    pe = _positive(benchmark_price, "benchmark price")
    lo = _positive(lower, "lower bound", allow_zero=True)
    if lo >= pe:
        raise InvalidPriceError(f"lower bound {lo} must be below the benchmark price {pe}.")
    if isinstance(r, IsoelasticResponse):
        eps = r.elasticity
        if eps < 0:
            raise MarketingResponseError(
                f"elasticity {eps} < 0: marketings rise as the price falls, so the squeeze "
                "has no interior optimum.")
        interior = eps * pe / (1.0 + eps)
        p_star = max(lo, interior)
        method = "closed form p* = ε pᵉ/(1 + ε) (isoelastic)"
        if 0 < eps and interior >= lo:
            # q(p*) in logs, exact even when p* underflows for a tiny ε
            q_star = r.q0 * math.exp(eps * (math.log(eps) + math.log(pe) - math.log1p(eps)
                                            - math.log(r.p0)))
            return SqueezeOptimum(price=float(p_star), extraction=(pe - p_star) * q_star,
                                  quantity=q_star, benchmark_price=pe, method=method,
                                  response=r)
    elif isinstance(r, LinearResponse):
        if r.slope < 0:
            raise MarketingResponseError(
                f"slope {r.slope} < 0: marketings rise as the price falls, so the squeeze "
                "has no interior optimum.")
        p_star = lo if r.slope == 0 else min(pe, max(lo, 0.5 * (pe + r.choke_price)))
        method = "closed form p* = (pᵉ + p_min)/2 (linear)"
    else:
        grid = np.linspace(lo, pe, GRID_POINTS)
        q = r(grid)
        tol = 1e-12 * max(1.0, float(np.max(q)))
        drops = np.flatnonzero(np.diff(q) < -tol)
        if drops.size:
            at = grid[drops[0]]
            raise MarketingResponseError(
                f"{r.name} is not non-decreasing in the price (it falls near p = {at:.6g}); "
                "the squeeze optimizer needs marketings that do not fall as the price rises. "
                "Give a monotone response or evaluate extraction() on a grid instead.")
        e = (pe - grid) * q
        i = int(np.argmax(e))
        p_star, best = float(grid[i]), float(e[i])
        # refine around the best grid point, and on the last interval below p^e (where a
        # response that starts only just below p^e has its whole positive extraction)
        for j in sorted({i, GRID_POINTS - 1}):
            a, b = grid[max(j - 1, 0)], grid[min(j + 1, GRID_POINTS - 1)]
            res = optimize.minimize_scalar(lambda x: -float((pe - x) * r(x)), bounds=(a, b),
                                           method="bounded",
                                           options={"xatol": 1e-12 * max(1.0, pe)})
            if -float(res.fun) > best:
                p_star, best = float(res.x), -float(res.fun)
        method = (f"numeric: grid of {GRID_POINTS} prices + scipy.optimize.minimize_scalar "
                  "(bounded)")
    q_star = float(r(p_star))
    return SqueezeOptimum(price=float(p_star), extraction=(pe - p_star) * q_star,
                          quantity=q_star, benchmark_price=pe, method=method, response=r)


@dataclasses.dataclass(frozen=True, eq=False)
class SqueezeDiagnostic:
    """Whether a procurement price squeezes beyond the extraction maximum.

    Attributes
    ----------
    price : float
        The current procurement price.
    extraction : float
        ``E(p)`` at the current price.
    optimum : SqueezeOptimum
    beyond_optimum : bool
        ``p < p*``: squeezing harder (a lower price) collects less; raising the price
        towards ``p*`` would collect more.
    shortfall : float
        ``E(p*) − E(p)`` (>= 0).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> d = ne.squeeze_diagnostic(ne.IsoelasticResponse(100.0, 1.0, 0.5), 1.0, 0.1)
    >>> d.beyond_optimum
    True
    """

    price: float
    extraction: float
    optimum: SqueezeOptimum
    beyond_optimum: bool
    shortfall: float

    @property
    def message(self) -> str:
        """A sentence saying where the price stands relative to ``p*``."""
        p_star = self.optimum.price
        if self.beyond_optimum:
            return (f"p = {_fmt(self.price)} is beyond the extraction maximum p* = "
                    f"{_fmt(p_star)}: squeezing harder collects less; raising the price to p* "
                    f"would collect {_fmt(self.shortfall)} more (money at benchmark prices).")
        if self.price > p_star:
            return (f"p = {_fmt(self.price)} is above p* = {_fmt(p_star)}: a lower price "
                    f"would still collect more (up to {_fmt(self.shortfall)} more, money at "
                    "benchmark prices).")
        return f"p = {_fmt(self.price)} is at the extraction maximum p* = {_fmt(p_star)}."

    def to_frame(self) -> pd.DataFrame:
        """One row: price, extraction, optimal price, maximum, beyond_optimum, shortfall."""
        return pd.DataFrame([{"price": self.price, "extraction": self.extraction,
                              "optimal_price": self.optimum.price,
                              "max_extraction": self.optimum.extraction,
                              "beyond_optimum": self.beyond_optimum,
                              "shortfall": self.shortfall}], index=pd.Index(["current"]))

    def summary(self) -> str:
        """The diagnostic message with the numbers."""
        return (f"{self.message}\n  extraction at p: {_fmt(self.extraction)}; "
                f"maximum: {_fmt(self.optimum.extraction)} [{self.optimum.method}]")

    def __str__(self) -> str:
        return self.summary()


def _diagnostic(opt: SqueezeOptimum, price: float) -> SqueezeDiagnostic:
    p = _positive(price, "procurement price", allow_zero=True)
    e = (opt.benchmark_price - p) * float(opt.response(p))
    tol = 1e-9 * max(1.0, opt.benchmark_price)
    return SqueezeDiagnostic(price=p, extraction=e, optimum=opt,
                             beyond_optimum=bool(p < opt.price - tol),
                             shortfall=max(0.0, opt.extraction - e))


def squeeze_diagnostic(response: MarketingResponse | Callable, benchmark_price: float,
                       price: float, lower: float = 0.0) -> SqueezeDiagnostic:
    """Say whether a procurement price is beyond the extraction maximum ``p*``.

    With ``p < p*`` the state collects less than it would at ``p*``: the peasants' marketed
    surplus falls faster than the margin per unit rises — the trap of the 1927–28 grain
    crisis, when procurements fell to about half the previous year's (Goldman 2022).

    Raises
    ------
    MarketingResponseError, InvalidPriceError
        As :func:`squeeze_optimum`; a negative price.

    Notes
    -----
    DESIGN §2.3; Preobrazhensky, *The New Economics*, ch. 2.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> r = ne.IsoelasticResponse(100.0, 1.0, 0.5)          # p* = 1/3 at pᵉ = 1
    >>> d = ne.squeeze_diagnostic(r, 1.0, 0.1)
    >>> d.beyond_optimum, round(d.extraction, 4), round(d.optimum.extraction, 4)
    (True, 28.4605, 38.49)
    >>> print(d.message)
    p = 0.1 is beyond the extraction maximum p* = 0.3333: squeezing harder collects less; ...
    """
    return _diagnostic(squeeze_optimum(response, benchmark_price, lower=lower), price)


# ============================================================================ dual economy
@dataclasses.dataclass(frozen=True)
class DualOutcome:
    """State of the dual economy at a procurement price ``p`` and urban wage ``w``.

    All money is in units of manufactures (``p_m = 1``).

    Attributes
    ----------
    procurement_price, wage, marketed_surplus, retail_price, wedge : float
        ``p``, ``w``, ``q(p)``, the market-clearing retail food price ``p_r``, and
        ``p_r / p``.
    retail_margin, industrial_surplus, accumulation : float
        ``(p_r − p) q``, ``(a − w) L`` and their sum ``S``.
    peasant_welfare, worker_welfare : float
        ``p q / (1 + ε)`` and ``w / p_r^β``.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> out = ne.DualEconomy().outcome(1.0, 1.0)
    >>> out.accumulation == out.retail_margin + out.industrial_surplus
    True
    """

    procurement_price: float
    wage: float
    marketed_surplus: float
    retail_price: float
    wedge: float
    retail_margin: float
    industrial_surplus: float
    accumulation: float
    peasant_welfare: float
    worker_welfare: float

    def to_frame(self) -> pd.DataFrame:
        """One row with every field."""
        return pd.DataFrame([dataclasses.asdict(self)], index=pd.Index(["outcome"]))

    def summary(self) -> str:
        """The outcome as aligned ``name: value`` lines."""
        return "\n".join(f"{k:>20}: {_fmt(v)}" for k, v in dataclasses.asdict(self).items())

    def __str__(self) -> str:
        return self.summary()


@dataclasses.dataclass(frozen=True)
class DualComparativeStatics:
    """Derivatives of accumulation and welfare with respect to ``p`` and ``w``.

    Attributes
    ----------
    dS_dp, dUp_dp, dV_dp : float
        ``∂S/∂p = −(1 + ε) q``, ``∂U_p/∂p = q``, ``∂V/∂p = β ε V / p`` (wage fixed).
    dS_dw, dV_dw : float
        ``∂S/∂w = −(1 − β) L``, ``∂V/∂w = (1 − β) V / w``.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> cs = ne.DualEconomy().comparative_statics(1.0, 1.0)
    >>> cs.squeeze_raises_accumulation, cs.squeeze_hurts_peasants, cs.squeeze_hurts_workers
    (True, True, True)
    """

    dS_dp: float
    dUp_dp: float
    dV_dp: float
    dS_dw: float
    dV_dw: float

    @property
    def squeeze_raises_accumulation(self) -> bool:
        """A lower procurement price raises accumulation (``∂S/∂p < 0``)."""
        return self.dS_dp < 0

    @property
    def squeeze_hurts_peasants(self) -> bool:
        """A lower procurement price lowers peasants' welfare (``∂U_p/∂p > 0``)."""
        return self.dUp_dp > 0

    @property
    def squeeze_hurts_workers(self) -> bool:
        """A lower procurement price lowers workers' real wage (``∂V/∂p > 0``)."""
        return self.dV_dp > 0

    def to_frame(self) -> pd.DataFrame:
        """One row with the five derivatives."""
        return pd.DataFrame([dataclasses.asdict(self)], index=pd.Index(["derivative"]))

    def summary(self) -> str:
        """Derivatives and the three signs of a squeeze (lower ``p`` at fixed ``w``)."""
        d = dataclasses.asdict(self)
        return ("\n".join(f"{k:>6} = {_fmt(v)}" for k, v in d.items())
                + f"\nA squeeze raises accumulation: {self.squeeze_raises_accumulation}; "
                f"hurts peasants: {self.squeeze_hurts_peasants}; hurts workers: "
                f"{self.squeeze_hurts_workers}")

    def __str__(self) -> str:
        return self.summary()


@dataclasses.dataclass(frozen=True)
class DualOptimum:
    """The procurement price and wage that maximize accumulation at a real-wage floor.

    Attributes
    ----------
    real_wage_floor, peasant_weight : float
        ``V̄`` and ``ω``.
    outcome : DualOutcome
        The economy at ``(p*, w*)``; ``outcome.wedge`` is the optimal wedge ``p_r*/p*``.
    method : str

    Examples
    --------
    >>> import nonequivalent as ne
    >>> opt = ne.DualEconomy().optimal_wedge(real_wage_floor=0.5)
    >>> round(opt.outcome.worker_welfare, 12)
    0.5
    """

    real_wage_floor: float
    peasant_weight: float
    outcome: DualOutcome
    method: str

    @property
    def procurement_price(self) -> float:
        """``p*``."""
        return self.outcome.procurement_price

    @property
    def wage(self) -> float:
        """``w*``."""
        return self.outcome.wage

    @property
    def wedge(self) -> float:
        """``p_r* / p*``."""
        return self.outcome.wedge

    def to_frame(self) -> pd.DataFrame:
        """One row: the outcome plus the floor and weight."""
        out = self.outcome.to_frame()
        out.insert(0, "peasant_weight", self.peasant_weight)
        out.insert(0, "real_wage_floor", self.real_wage_floor)
        return out.rename(index={"outcome": "optimum"})

    def summary(self) -> str:
        """The optimum in words and numbers."""
        return (f"Optimal wedge at real-wage floor V = {_fmt(self.real_wage_floor)} "
                f"(peasant weight ω = {_fmt(self.peasant_weight)}) [{self.method}]:\n"
                + self.outcome.summary())

    def __str__(self) -> str:
        return self.summary()


@dataclasses.dataclass(frozen=True)
class DualEconomy:
    """A dual economy of peasants, urban workers and the state (after Sah & Stiglitz 1984).

    Manufactures are the numeraire (``p_m = 1``). The state buys the peasants' marketed
    food at the procurement price ``p`` and sells it to ``L`` urban workers at the retail
    price ``p_r`` that clears the urban food market; it pays workers the wage ``w`` and
    keeps what industry produces (``a`` per worker) beyond what workers and peasants buy.

    * Peasants: marketed surplus ``q(p) = q0 (p/p0)^ε``, spent on manufactures; welfare
      is their producer surplus ``U_p = ∫_0^p q = p q(p)/(1 + ε)``.
    * Workers: Cobb–Douglas, food share ``β``: food ``β w / p_r`` per worker, manufactures
      ``(1 − β) w``; welfare the real wage ``V = w / p_r^β``.
    * Food market: ``L β w / p_r = q(p)``, so ``p_r = L β w / q(p)``.
    * State surplus (accumulation): retail margin + industrial surplus,
      ``S = (p_r − p) q + (a − w) L = a L − (1 − β) w L − p q(p)``.

    A squeeze (lower ``p`` at fixed ``w``) raises ``S`` (``∂S/∂p = −(1+ε) q < 0``), lowers
    ``U_p`` (``∂U_p/∂p = q``) and, through a smaller marketed surplus and a dearer retail
    price, lowers ``V`` (``∂V/∂p = β ε V/p > 0``).

    Parameters
    ----------
    q0, p0, elasticity : float
        Peasants' marketed surplus at ``p0`` and its price elasticity ``ε``.
    workers : float
        ``L``, urban workers.
    food_share : float
        ``β`` in (0, 1).
    productivity : float
        ``a``, manufactures per worker.

    Notes
    -----
    Follows R. K. Sah and J. E. Stiglitz, "The economics of price scissors", *American
    Economic Review* 74(1) (1984), 125–138, in its structure — a general-equilibrium dual
    economy in which the state's surplus is industrial output less the manufactures
    consumed by workers and peasants, with the food market cleared between peasants'
    marketings and urban consumption — and in its headline result: a price squeeze on
    peasants raises accumulation (as Preobrazhensky argued) but makes both peasants and
    workers worse off. This library's own formalization (not the paper's notation or
    generality): isoelastic marketings, Cobb–Douglas workers, producer surplus as the
    peasants' welfare, and the optimum of :meth:`optimal_wedge` (accumulation plus weighted
    peasant welfare at a real-wage floor), all derived in closed form here and checked
    against :mod:`nonequivalent.symbolic`.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.DualEconomy(q0=100.0, p0=1.0, elasticity=0.5, workers=100.0,
    ...                      food_share=0.5, productivity=2.0)
    >>> out = eco.outcome(1.0, 1.0)
    >>> out.retail_price, out.accumulation
    (0.5, 50.0)
    """

    q0: float = 100.0
    p0: float = 1.0
    elasticity: float = 0.5
    workers: float = 100.0
    food_share: float = 0.5
    productivity: float = 2.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "q0", _positive(self.q0, "q0", MarketingResponseError))
        object.__setattr__(self, "p0", _positive(self.p0, "p0", MarketingResponseError))
        eps = _positive(self.elasticity, "elasticity", MarketingResponseError, allow_zero=True)
        object.__setattr__(self, "elasticity", eps)
        object.__setattr__(self, "workers", _positive(self.workers, "workers",
                                                      InvalidGroupError))
        beta = float(self.food_share)
        if not 0 < beta < 1:
            raise InvalidGroupError(f"food_share β must lie in (0, 1); got {self.food_share}.")
        object.__setattr__(self, "food_share", beta)
        object.__setattr__(self, "productivity", _positive(self.productivity, "productivity",
                                                           InvalidGroupError))

    @cached_property
    def response(self) -> IsoelasticResponse:
        """The peasants' marketing response as an :class:`IsoelasticResponse`."""
        return IsoelasticResponse(self.q0, self.p0, self.elasticity)

    def _pw(self, p: Any, w: Any) -> tuple[float, float]:
        return (_positive(p, "procurement price"), _positive(w, "wage"))

    def marketed_surplus(self, p: float) -> float:
        """``q(p) = q0 (p/p0)^ε``.

        >>> import nonequivalent as ne
        >>> ne.DualEconomy(q0=100, p0=1, elasticity=0.5).marketed_surplus(4.0)
        200.0
        """
        return float(self.response(_positive(p, "procurement price")))

    def retail_price(self, p: float, w: float) -> float:
        """Market-clearing retail food price ``p_r = L β w / q(p)``.

        >>> import nonequivalent as ne
        >>> ne.DualEconomy().retail_price(1.0, 1.0)
        0.5
        """
        p, w = self._pw(p, w)
        return self.workers * self.food_share * w / self.marketed_surplus(p)

    def accumulation(self, p: float, w: float) -> float:
        """State surplus ``S = a L − (1 − β) w L − p q(p)``.

        >>> import nonequivalent as ne
        >>> ne.DualEconomy().accumulation(1.0, 1.0)
        50.0
        """
        p, w = self._pw(p, w)
        L, b = self.workers, self.food_share
        return self.productivity * L - (1 - b) * w * L - p * self.marketed_surplus(p)

    def peasant_welfare(self, p: float) -> float:
        """Peasants' producer surplus ``U_p = p q(p) / (1 + ε)``.

        >>> import nonequivalent as ne
        >>> round(ne.DualEconomy().peasant_welfare(1.0), 4)
        66.6667
        """
        p = _positive(p, "procurement price")
        return p * self.marketed_surplus(p) / (1.0 + self.elasticity)

    def worker_welfare(self, p: float, w: float) -> float:
        """Workers' real wage ``V = w / p_r^β`` (Cobb–Douglas cost of living).

        >>> import nonequivalent as ne
        >>> round(ne.DualEconomy().worker_welfare(1.0, 1.0), 6)
        1.414214
        """
        p, w = self._pw(p, w)
        return w / self.retail_price(p, w) ** self.food_share

    def outcome(self, p: float, w: float) -> DualOutcome:
        """Everything at ``(p, w)``: prices, quantities, the state's surplus, welfare.

        >>> import nonequivalent as ne
        >>> ne.DualEconomy().outcome(1.0, 1.0).wedge
        0.5
        """
        p, w = self._pw(p, w)
        q = self.marketed_surplus(p)
        pr = self.retail_price(p, w)
        margin = (pr - p) * q
        industrial = (self.productivity - w) * self.workers
        return DualOutcome(procurement_price=p, wage=w, marketed_surplus=q, retail_price=pr,
                           wedge=pr / p, retail_margin=margin, industrial_surplus=industrial,
                           accumulation=margin + industrial,
                           peasant_welfare=self.peasant_welfare(p),
                           worker_welfare=self.worker_welfare(p, w))

    def comparative_statics(self, p: float, w: float) -> DualComparativeStatics:
        """Closed-form derivatives at ``(p, w)`` (see :class:`DualComparativeStatics`).

        Derived from the definitions above; checked against sympy in
        :func:`nonequivalent.symbolic.accumulation_derivative`.

        >>> import nonequivalent as ne
        >>> ne.DualEconomy().comparative_statics(1.0, 1.0).dS_dp
        -150.0
        """
        p, w = self._pw(p, w)
        q = self.marketed_surplus(p)
        V = self.worker_welfare(p, w)
        eps, b, L = self.elasticity, self.food_share, self.workers
        return DualComparativeStatics(dS_dp=-(1 + eps) * q, dUp_dp=q,
                                      dV_dp=b * eps * V / p, dS_dw=-(1 - b) * L,
                                      dV_dw=(1 - b) * V / w)

    def wage_for(self, p: float, real_wage: float) -> float:
        """The wage that gives workers the real wage ``V̄`` at procurement price ``p``:
        ``w = (V̄ (L β)^β q(p)^{−β})^{1/(1−β)}``.

        >>> import nonequivalent as ne
        >>> eco = ne.DualEconomy()
        >>> round(eco.worker_welfare(1.0, eco.wage_for(1.0, 0.8)), 12)
        0.8
        """
        p = _positive(p, "procurement price")
        V = _positive(real_wage, "real wage")
        b, L = self.food_share, self.workers
        return (V * (L * b) ** b * self.marketed_surplus(p) ** (-b)) ** (1.0 / (1.0 - b))

    def optimal_wedge(self, real_wage_floor: float, peasant_weight: float = 0.0) -> DualOptimum:
        """Maximize ``S + ω U_p`` over ``p`` with workers held at the real wage ``V̄``.

        With ``w = w(p)`` from :meth:`wage_for` (``w = K p^{−γ}``, ``γ = εβ/(1−β)``) and
        ``q = c p^ε`` (``c = q0 p0^{−ε}``), the first-order condition gives the closed form

        ``p*^{1+ε+γ} = L K ε β / (c (1 + ε − ω))``,

        a unique maximum (the objective is strictly concave in ``p``). Substituting back,
        ``(1 + ε − ω) p* q(p*) = ε L β w*``, so the optimal wedge is

        ``p_r* / p* = (1 + ε − ω) / ε``,

        independent of the real-wage floor: with ``ω = 0`` the state prices like a
        monopsonist facing the retail price, ``p* = ε p_r* / (1 + ε)`` — the squeeze
        optimum of :func:`squeeze_optimum` with ``p^e = p_r``. (Sah and Stiglitz likewise
        find an optimal terms of trade that is simple to characterize and, within a range,
        independent of the rural–urban welfare trade-off; this formula is this library's.)
        A squeeze below ``p*`` still raises ``S`` at a fixed wage, but once the wage must
        rise to hold workers at ``V̄`` it lowers accumulation.

        Parameters
        ----------
        real_wage_floor : float
            ``V̄ > 0``.
        peasant_weight : float
            ``ω`` in ``[0, 1 + ε)``: value of one unit of peasant welfare relative to one
            unit of accumulation (Sah and Stiglitz's welfare weights/intertemporal
            valuation in this library's simplified form).

        Raises
        ------
        MarketingResponseError
            ``ε = 0``: with inelastic marketings accumulation rises all the way to
            ``p = 0``; there is no interior optimum.
        InvalidGroupError
            ``ω`` outside ``[0, 1 + ε)``.

        Examples
        --------
        >>> import nonequivalent as ne
        >>> opt = ne.DualEconomy(elasticity=0.5).optimal_wedge(0.5)
        >>> round(opt.procurement_price, 6), round(opt.wedge, 6)     # wedge (1 + ε)/ε = 3
        (0.144338, 3.0)
        """
        V = _positive(real_wage_floor, "real-wage floor", InvalidGroupError)
        eps, b, L = self.elasticity, self.food_share, self.workers
        if eps == 0:
            raise MarketingResponseError(
                "with elasticity 0 marketings do not respond to price, so accumulation rises "
                "all the way to p = 0: there is no interior optimal wedge.")
        om = float(peasant_weight)
        if not (math.isfinite(om) and 0 <= om < 1 + eps):
            raise InvalidGroupError(f"peasant_weight ω must lie in [0, 1 + ε) = [0, "
                                    f"{_fmt(1 + eps)}); got {peasant_weight}.")
        c = self.q0 * self.p0 ** (-eps)
        gamma = eps * b / (1 - b)
        K = (V * (L * b) ** b) ** (1 / (1 - b)) * c ** (-b / (1 - b))
        p_star = (L * K * eps * b / (c * (1 + eps - om))) ** (1 / (1 + eps + gamma))
        w_star = K * p_star ** (-gamma)
        return DualOptimum(real_wage_floor=V, peasant_weight=om,
                           outcome=self.outcome(p_star, w_star),
                           method="closed form p*^(1+ε+γ) = L K ε β / (c (1 + ε − ω))")
