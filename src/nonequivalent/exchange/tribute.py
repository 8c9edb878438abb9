"""Stalin's tribute and Preobrazhensky's channels of primitive socialist accumulation.

* :func:`tribute` and :func:`equivalent_tax_rate` — Stalin's "tribute" or "super-tax"
  (speech to the Central Committee plenum, 9 July 1928, "Industrialisation of the Country
  and the Right Deviation", *Works* vol. 11): overpayment for manufactures, underpayment
  for grain and direct taxes, and the sales-tax rate that would raise the same sum.
* :func:`accumulation_fund` with :func:`inflation_tax` and :func:`foreign_trade_margin` —
  Preobrazhensky's channels of primitive socialist accumulation (*The New Economics*,
  ch. 2): taxes, price policy, currency emission, the foreign-trade monopoly, loans.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._common import _amount_share_frame, _positive, _shares
from .._results import Result, format_number
from .._validation import as_number, as_vector, check_finite, require_finite
from ..errors import (
    InvalidGroupError,
    InvalidPriceError,
)
from .account import ExchangeAccount, Group, stalin_parts
from .benchmarks import Benchmark, _as_benchmark, _price_series

__all__ = [
    "AccumulationFund",
    "Tribute",
    "accumulation_fund",
    "equivalent_tax_rate",
    "foreign_trade_margin",
    "inflation_tax",
    "tribute",
]

@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Tribute(Result):
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

    _title = "Tribute (Stalin, 9 July 1928)"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """The total and its three parts."""
        return [("total", self.total, "money"), ("overpayment", self.overpayment, "money"),
                ("underpayment", self.underpayment, "money"), ("taxes", self.taxes, "money")]

    def benchmark_name(self) -> str:
        """The group and the benchmark the tribute is measured against."""
        return f"group '{self.group}', money at benchmark '{self.benchmark.name}'"

    def units(self) -> dict[str, str]:
        """Amounts in money."""
        return {"amount": "money"}

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
    def shares_defined(self) -> bool:
        """Whether the total is non-zero relative to the gross parts ``Σ |part|`` (at
        most :data:`ZERO_TOLERANCE` of them counts as zero: the parts cancel)."""
        gross = abs(self.overpayment) + abs(self.underpayment) + abs(self.taxes)
        return abs(self.total) > ZERO_TOLERANCE * gross

    @property
    def shares(self) -> pd.Series:
        """Each part's share of the total (NaN, stated in :meth:`summary`, when the parts
        cancel: see :attr:`shares_defined`)."""
        return _shares(self.parts, self.total if self.shares_defined else 0.0)

    def to_frame(self) -> pd.DataFrame:
        """Parts with amounts and shares; the benchmark's name in ``attrs``."""
        out = _amount_share_frame(self.parts, self.total if self.shares_defined else 0.0,
                                  "part")
        out.attrs["benchmark"] = self.benchmark.name
        return out

    def summary_lines(self) -> list[str]:
        """The three parts in words, the total, and a note when shares are undefined."""
        f = format_number
        lines = [str(self.benchmark),
                 f"overpayment for what it buys (manufactures): {f(self.overpayment)}",
                 f"underpayment for what it sells (grain):      {f(self.underpayment)}",
                 f"direct taxes:                                {f(self.taxes)}",
                 f"total tribute:                               {f(self.total)}"]
        if not self.shares_defined:
            lines.append("(shares undefined: the parts cancel, the total is zero)")
        return lines


def tribute(group: Group | ExchangeAccount, prices: Any = None,
            benchmark: Benchmark | pd.Series | Mapping | None = None, *,
            name: str | None = None) -> Tribute:
    """Stalin's tribute of a group: overpayment, underpayment and taxes at benchmark prices.

    The one function for the tribute: give a group with prices and a benchmark, or an
    :class:`~nonequivalent.ExchangeAccount` (and the ``name`` of one of its groups), whose
    prices, benchmark and flows are then used. Both go through
    :func:`nonequivalent.exchange.stalin_parts`, so the parts of a tribute and the money
    columns of an exchange account are the same numbers.

    Parameters
    ----------
    group : Group or ExchangeAccount
        What the group sells and buys, and its direct taxes; or an exchange account.
    prices : Series or mapping
        Actual prices ``p`` of the goods (defines the goods; >= 0). Not with an account.
    benchmark : Benchmark, Series or mapping
        Equivalent prices ``p^e`` of the same goods (a Series/mapping is a user-given
        benchmark). Not with an account.
    name : str, optional
        With an account: which group (default: its only group).

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
    InvalidGroupError
        Not a group or account; prices or benchmark missing; an unknown ``name``.

    Notes
    -----
    Stalin, plenum of 9 July 1928, *Works* vol. 11; the money part of
    :func:`nonequivalent.exchange_account`, without labour values.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> peasants = ne.Group("peasants", sells={"grain": 100}, buys={"cloth": 30}, taxes=20)
    >>> t = ne.tribute(peasants, {"grain": 0.9, "cloth": 3.0},
    ...                ne.base_period_benchmark({"grain": 1.0, "cloth": 2.0}))
    >>> print(t)
    Tribute (Stalin, 9 July 1928)
    group 'peasants', money at benchmark '1913 prices'
    Benchmark '1913 prices': ...
    overpayment for what it buys (manufactures): 30.00
    underpayment for what it sells (grain):      10.00
    direct taxes:                                20.00
    total tribute:                               60.00
    >>> repr(t)[:40]
    'Tribute(total=60.00 money, overpayment=3'

    From an exchange account, the same numbers as its money columns:

    >>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    >>> acc = ne.exchange_account(eco, peasants, {"grain": 0.9, "cloth": 3.0},
    ...                           ne.base_period_benchmark({"grain": 1.0, "cloth": 2.0}))
    >>> t = ne.tribute(acc)
    >>> row = acc.by_group.loc["peasants"]
    >>> bool(t.underpayment == row["underpayment"] and t.overpayment == row["overpayment"])
    True
    """
    if isinstance(group, ExchangeAccount):
        if prices is not None or benchmark is not None:
            raise InvalidGroupError("with an exchange account, give no prices or benchmark: "
                                    "the account's are used.")
        return _from_account(group, name)
    if not isinstance(group, Group):
        raise InvalidGroupError(f"tribute() needs a Group or an ExchangeAccount; got "
                                f"{type(group).__name__}.")
    if prices is None or benchmark is None:
        raise InvalidGroupError("tribute(group, prices, benchmark): give the actual prices "
                                "and the benchmark.")
    p_s = _price_series(prices, "actual prices")
    goods = p_s.index
    p = p_s.to_numpy()
    check_finite(p, "actual prices", InvalidPriceError, labels=goods)
    bench = _as_benchmark(benchmark)
    pe = bench.aligned(goods)
    s, d = group.vectors(goods)
    return _tribute(group.name, bench, goods, p, pe, s, d, group.taxes)


def _from_account(acc: ExchangeAccount, name: str | None) -> Tribute:
    names = acc.by_group.index
    if name is None:
        if len(names) != 1:
            raise InvalidGroupError(f"the account has groups {list(names)}; say which with "
                                    "name=.")
        name = names[0]
    if name not in names:
        raise InvalidGroupError(f"no group {name!r} in the account; groups: {list(names)}.")
    j = names.get_loc(name)
    goods = acc.prices.index
    return _tribute(str(name), acc.benchmark, goods, acc.prices.to_numpy(), acc._pe,
                    acc._S[:, j], acc._D[:, j], float(acc.by_group.loc[name, "taxes"]))


def _tribute(name: str, bench: Benchmark, goods: pd.Index, p: np.ndarray, pe: np.ndarray,
             s: np.ndarray, d: np.ndarray, taxes: float) -> Tribute:
    with np.errstate(over="ignore", invalid="ignore"):
        under, over = stalin_parts(p, pe, s, d)
        by_good = pd.DataFrame({"underpayment": (pe - p) * s, "overpayment": (p - pe) * d},
                               index=pd.Index(goods, name="good"))
        figures = np.array([over, under, taxes, over + under + taxes, p @ s, pe @ s],
                           dtype=float)
    require_finite(figures, f"the tribute of '{name}'")
    require_finite(by_good, f"the tribute of '{name}' by good")
    return Tribute(group=name, benchmark=bench, overpayment=float(over),
                   underpayment=float(under), taxes=float(taxes),
                   sales_value=float(figures[4]), sales_value_benchmark=float(figures[5]),
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
    with np.errstate(over="ignore"):
        rate = amount / sales
    return float(require_finite(rate, "the equivalent tax rate (tribute / sales)"))


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
    pi = as_number(inflation, "inflation", InvalidPriceError, allow_negative=True)
    if pi <= -1:
        raise InvalidPriceError(f"inflation must be a finite rate > -1; got {inflation}.")
    M = _positive(money_stock, "money stock", allow_zero=True)
    P = _positive(price_level, "price level")
    with np.errstate(over="ignore", invalid="ignore"):
        out = pi / (1.0 + pi) * M / P
    return float(require_finite(out, "the inflation tax"))


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
        with np.errstate(over="ignore", invalid="ignore"):
            out = (e * pw - pp) * X
        return float(require_finite(out, "the foreign-trade margin"))
    pw_s = _price_series(world_prices, "world prices")
    goods = pw_s.index
    pw = as_vector(pw_s, goods, "world prices", InvalidPriceError)
    pp = as_vector(_price_series(procurement_prices, "procurement prices"), goods,
                   "procurement prices", InvalidPriceError)
    X = as_vector(_price_series(exports, "exports"), goods, "exports", InvalidPriceError)
    with np.errstate(over="ignore", invalid="ignore"):
        out = float((e * pw - pp) @ X)
    return float(require_finite(out, "the foreign-trade margin"))


#: A total counts as zero when it is at most this fraction of the gross flows (the sum of
#: the absolute channels): the channels then cancel to rounding noise and shares of it
#: are undefined (NaN), never ±1e15.
ZERO_TOLERANCE = 1e-12


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class AccumulationFund(Result):
    """The accumulation fund by channel, with shares.

    Attributes
    ----------
    channels : Series
        Amount by channel (money per period; a negative channel is a net outflow).

    Shares of the total are defined only when the total is not zero relative to the gross
    flows: ``|total| > ZERO_TOLERANCE * Σ |channel|`` (:attr:`shares_defined`); otherwise
    they are NaN and the summary says so.

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
    >>> f
    AccumulationFund(total=100.0 money, channels=5)
    """

    channels: pd.Series

    _title = "Accumulation fund (Preobrazhensky's channels)"

    def __post_init__(self) -> None:
        ch = self._channels_checked()
        object.__setattr__(self, "channels", ch)
        _ = self.total, self.gross     # overflowing sums raise here, not on later access

    def _channels_checked(self) -> pd.Series:
        raw = object.__getattribute__(self, "channels")
        if not isinstance(raw, pd.Series):
            raise InvalidPriceError("channels must be a pandas Series of amounts by channel; "
                                    "build the fund with ne.accumulation_fund(...).")
        vals = as_vector(raw, raw.index, "accumulation channels", InvalidPriceError,
                         nonneg=False)
        return pd.Series(vals, index=raw.index.copy(), name="amount")

    @property
    def total(self) -> float:
        """Sum of the channels."""
        with np.errstate(over="ignore", invalid="ignore"):
            total = float(self.channels.sum())
        return float(require_finite(total, "the accumulation fund's total"))

    @property
    def gross(self) -> float:
        """Sum of the absolute channels, the scale against which the total is judged zero."""
        with np.errstate(over="ignore"):
            gross = float(np.abs(self.channels).sum())
        return float(require_finite(gross, "the accumulation fund's gross flows"))

    @property
    def shares_defined(self) -> bool:
        """Whether the total is non-zero relative to the gross flows (shares defined)."""
        return abs(self.total) > ZERO_TOLERANCE * self.gross

    @property
    def shares(self) -> pd.Series:
        """Each channel's share of the total (NaN, stated in :meth:`summary`, when the
        total is zero relative to the gross flows).

        >>> import nonequivalent as ne
        >>> ne.accumulation_fund(taxes=0.1, price_policy=0.2, loans=-0.3).shares.isna().all()
        np.True_
        """
        return _shares(self.channels, self.total if self.shares_defined else 0.0)

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Total and number of channels."""
        return [("total", self.total, "money"), ("channels", len(self.channels), "")]

    def to_frame(self) -> pd.DataFrame:
        """Channels with amounts and shares."""
        return _amount_share_frame(self.channels,
                                   self.total if self.shares_defined else 0.0, "channel")

    def summary_lines(self) -> list[str]:
        """Key figures, the channel table, and a note when shares are undefined."""
        lines = super().summary_lines()
        if not self.shares_defined:
            lines.append("(shares undefined: the channels cancel, the total is zero "
                         f"relative to gross flows of {format_number(self.gross)})")
        return lines


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
    out = {k: as_number(v, f"channel {k!r}", InvalidPriceError, allow_negative=True)
           for k, v in amounts.items()}
    return AccumulationFund(pd.Series(out, name="amount"))
