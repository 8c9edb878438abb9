"""Exchange accounts between social groups, measured against a named benchmark.

A group ``g`` (peasants, workers, the state, a region, ...) sells a bundle ``s_g``, buys a
bundle ``d_g`` at the actual prices ``p`` and pays taxes ``τ_g``. Whether that exchange is
*equivalent* depends on what "equivalent" means, so every account is measured against an
explicit :class:`Benchmark` ``p^e``: labour-value prices ``μλ`` (with the MELT ``μ`` named),
prices of production at a profit rate, base-period (e.g. 1913) relative prices,
world-market prices at an exchange rate, or prices the user gives.

For every group the account reports

* labour given ``λ·s_g`` and received ``λ·d_g`` (hours), the labour transfer
  ``T_g = λ·s_g − λ·d_g`` and the non-equivalence ratio ``E_g = λ·s_g / λ·d_g``
  (Preobrazhensky, *The New Economics* (1926; transl. B. Pearce, 1965), ch. 2: exchange of
  a smaller quantity of labour of one system for a larger quantity of the other);
* the money transfer at benchmark prices split as Stalin split the 1928 "tribute":
  ``underpayment = (p^e − p)·s_g`` on what the group sells, ``overpayment = (p − p^e)·d_g``
  on what it buys, and ``tribute = τ_g + underpayment + overpayment`` (J. V. Stalin,
  "Industrialisation of the Country and the Right Deviation in the C.P.S.U.(B.)", speech to
  the plenum of the Central Committee, 9 July 1928, *Works* vol. 11).

Background: W. Z. Goldman, "Blood on the Red Banner", *International Review of Social
History* (2022), sections on NEP, the grain crisis and the July 1928 plenum.

>>> import nonequivalent as ne
>>> eco = ne.Economy([[0.0, 0.0], [0.0, 0.0]], labour=[1.0, 1.0],
...                  sectors=["grain", "cloth"])
>>> peasants = ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 5})
>>> state = ne.Group("state", sells={"cloth": 5}, buys={"grain": 10})
>>> bench = ne.labour_value_benchmark(eco)          # μ = 1: prices in hours
>>> acc = ne.exchange_account(eco, [peasants, state], {"grain": 0.5, "cloth": 1.0}, bench)
>>> acc.by_group[["labour_transfer", "underpayment", "overpayment", "tribute"]]
          labour_transfer  underpayment  overpayment  tribute
group
peasants              5.0           5.0          0.0      5.0
state                -5.0           0.0         -5.0     -5.0
>>> acc.is_consistent
True
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Iterable, Mapping, Sequence
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from ._results import FrozenPandas, Result
from ._validation import as_array, as_number, as_vector
from .economy import Economy
from .errors import InvalidGroupError, InvalidPriceError, LabelMismatchError
from .prices import production_prices
from .values import _legacy_order, melt_setting

__all__ = [
    "Benchmark",
    "ConsistencyCheck",
    "ExchangeAccount",
    "Group",
    "TransferSweep",
    "base_period_benchmark",
    "exchange_account",
    "given_benchmark",
    "labour_value_benchmark",
    "production_price_benchmark",
    "scaled_price_matrix",
    "transfer_sweep",
    "world_price_benchmark",
]

#: Columns of :attr:`ExchangeAccount.by_group`, in order.
GROUP_COLUMNS = ("labour_given", "labour_received", "labour_transfer",
                 "nonequivalence_ratio", "underpayment", "overpayment", "taxes", "tribute")

#: Columns of :attr:`ExchangeAccount.by_good`, in order.
GOOD_COLUMNS = ("sold", "bought", "labour_given", "labour_received", "labour_transfer",
                "price_ratio", "underpayment", "overpayment")

_GROUP_COLUMNS_INDEX = pd.Index(GROUP_COLUMNS)

#: Relative tolerance of the flow-consistency check (sales = purchases, good by good).
CONSISTENCY_RTOL = 1e-9


# ============================================================================ helpers
def _labelled_floats(data: Any, what: str, *, error: type[Exception],
                     duplicate_error: type[Exception], expected: str,
                     numeric: str = "numeric") -> pd.Series:
    """A float Series (a copy) from a Series or a mapping ``{good: number}``.

    ``expected`` completes the message "``what`` must be ..." when ``data`` is neither;
    repeated goods raise ``duplicate_error``, non-numbers ``error``.
    """
    if isinstance(data, Mapping) and not isinstance(data, pd.Series):
        data = pd.Series(dict(data), dtype=object)
    if not isinstance(data, pd.Series):
        raise error(f"{what} must be {expected}; got {type(data).__name__}.")
    if not data.index.is_unique:
        dup = data.index[data.index.duplicated()].unique().tolist()
        raise duplicate_error(f"{what}: goods must be unique; repeated: {dup}.")
    # the guarded conversion: a copy; strings, complex, booleans and huge integers refused
    return pd.Series(as_array(data.to_numpy(), f"{what} ({numeric})", error,
                              labels=data.index),
                     index=data.index.copy(), name=data.name)


def _price_series(prices: Any, what: str) -> pd.Series:
    """A float Series of prices from a Series or mapping (labels kept)."""
    return _labelled_floats(
        prices, what, error=InvalidPriceError, duplicate_error=LabelMismatchError,
        expected="a pandas Series or a mapping {good: price} so that every price carries "
                 "its good's label")


def _check_positive(values: np.ndarray, labels: pd.Index, what: str) -> None:
    bad = ~np.isfinite(values)
    if bad.any():
        raise InvalidPriceError(f"{what} contains NaN or infinite prices at "
                                f"{list(labels[bad])[:10]}; give finite prices.")
    nonpos = values <= 0
    if nonpos.any():
        raise InvalidPriceError(
            f"{what} must be strictly positive (a benchmark is a set of exchange ratios); "
            f"zero or negative at {list(labels[nonpos])[:10]}. Drop those goods or give them "
            "a positive benchmark price.")


def _fmt(x: float) -> str:
    return f"{x:.6g}"


# ============================================================================ benchmarks
@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Benchmark(Result):
    """An explicit benchmark of equivalent prices ``p^e``.

    Every exchange account, tribute and sweep is measured against one benchmark and names
    it, because "equivalent exchange" means nothing until its prices are stated
    (Preobrazhensky, *The New Economics*, ch. 2; E. Emmanuel, *Unequal Exchange* (1972),
    ch. 2, for the same question between countries).

    Parameters
    ----------
    name : str
        Short name (``"labour values"``, ``"1913 prices"``, ...).
    prices : Series or mapping
        Benchmark price of every good, strictly positive and finite.
    description : str
        How the prices were obtained (normalization, profit rate, base year, ...).

    Raises
    ------
    InvalidPriceError
        Non-finite, zero or negative benchmark prices, or a non-string name.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> b = ne.Benchmark("parity", {"grain": 1.0, "cloth": 2.0}, "illustrative parity")
    >>> b.prices.to_dict()
    {'grain': 1.0, 'cloth': 2.0}
    >>> print(b)
    Benchmark 'parity': illustrative parity
    """

    name: str
    prices: pd.Series
    description: str = ""

    _title = "Benchmark of equivalent prices"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Number of goods priced."""
        return [("goods", len(self._prices_stored), "")]

    def benchmark_name(self) -> str:
        """The benchmark's name and description."""
        return f"benchmark '{self.name}': {self.description}"

    @property
    def _prices_stored(self) -> pd.Series:
        return object.__getattribute__(self, "prices")

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise InvalidPriceError("a benchmark needs a non-empty name (str) saying what "
                                    "it is, e.g. '1913 prices'.")
        s = _price_series(self.prices, f"benchmark prices '{self.name}'")
        _check_positive(s.to_numpy(), s.index, f"benchmark prices '{self.name}'")
        s.name = self.name
        object.__setattr__(self, "prices", s)
        object.__setattr__(self, "description", str(self.description or self.name))

    def __str__(self) -> str:
        return f"Benchmark '{self.name}': {self.description}"

    def summary(self) -> str:
        """The benchmark's name, description and prices as text (one number format)."""
        return super().summary()

    def to_frame(self) -> pd.DataFrame:
        """The benchmark prices as a one-column DataFrame named after the benchmark."""
        return self.prices.to_frame(self.name)

    def aligned(self, goods: pd.Index) -> np.ndarray:
        """Benchmark prices as a numpy vector in the order of ``goods``.

        Raises :class:`~nonequivalent.LabelMismatchError` unless the benchmark prices
        exactly the goods given.

        >>> import pandas as pd, nonequivalent as ne
        >>> ne.given_benchmark({"a": 1, "b": 2}, "x").aligned(pd.Index(["b", "a"]))
        array([2., 1.])
        """
        if self.prices.index.equals(goods):               # validated at construction
            return self.prices.to_numpy(dtype=float, copy=True)
        return as_vector(self.prices, pd.Index(goods), f"benchmark prices '{self.name}'",
                         InvalidPriceError)


def labour_value_benchmark(economy: Economy, *args: Any, prices: Any = None,
                           final_demand: Any = None, normalization: Any = None,
                           melt: float | None = None) -> Benchmark:
    """Labour-value prices ``p^e = μ λ`` with the MELT ``μ`` named.

    Called as ``labour_value_benchmark(economy, prices, final_demand, normalization,
    *, melt=None)`` — the order of :func:`nonequivalent.melt` and every other function.
    The old order ``labour_value_benchmark(economy, final_demand, prices=...)`` still
    works, with a ``DeprecationWarning``; two positional vectors are read in the new order
    with a ``FutureWarning`` (pass them by keyword) during the transition.

    Parameters
    ----------
    economy : Economy
        Gives the labour values ``λ = l (I − A)^-1`` (total over labour kinds).
    prices, final_demand : vector or Series, optional
        Actual prices ``p`` and final demand ``y``; with prices, ``μ`` is the monetary
        expression of labour time by ``normalization`` (the final demand defaults to the
        one kept on the economy).
    normalization : {"new-interpretation", "total-price"}, default "new-interpretation"
        ``μ = p·y / λ·y`` (Duménil 1980; Foley 1982: the New Interpretation) or
        ``μ = p·x / λ·x`` ("total price = total value"), computed by
        :func:`nonequivalent.melt`.
    melt : float, optional
        A given MELT (money per hour). **Default:** without ``melt`` and without prices,
        ``μ = 1``: the benchmark is in hours.

    Returns
    -------
    Benchmark
        Named ``"labour values"``; its description states ``μ`` and how it was set.

    Raises
    ------
    InvalidPriceError
        A final demand without prices, prices together with ``melt``, a MELT that is not
        a positive finite number (e.g. ``melt="abc"``).

    Notes
    -----
    Marx, *Capital* I, ch. 1; Preobrazhensky, *The New Economics*, ch. 2 (labour value as
    the regulator that non-equivalent exchange departs from); G. Duménil, *De la valeur
    aux prix de production* (1980); D. Foley, "The value of money, the value of labor
    power and the net product", *Review of Radical Political Economics* 14 (1982).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.5]], labour=[1.0], sectors=["grain"])
    >>> b = ne.labour_value_benchmark(eco, melt=3.0)
    >>> b.prices.to_dict(), b.description
    ({'grain': 6.0}, 'labour-value prices μλ with the given MELT μ = 3.000 money per hour')
    >>> ne.labour_value_benchmark(eco, prices=[2.0], final_demand=[1.0]).prices.to_dict()
    {'grain': 2.0}
    """
    prices, final_demand, normalization = _legacy_order(
        "labour_value_benchmark", args, prices, final_demand, normalization)
    mu, how = melt_setting(economy, prices, final_demand, normalization, melt)
    return Benchmark("labour values", pd.Series(mu * economy.values_array,
                                                index=economy.sectors),
                     f"labour-value prices μλ {how}")


def production_price_benchmark(economy: Economy, profit_rate: float,
                               numeraire: Any = None) -> Benchmark:
    """Prices of production ``p = (1 + r) p A + w l`` at a uniform profit rate ``r``.

    Computed by :func:`nonequivalent.production_prices` (wages paid post factum, Sraffa's
    convention); the benchmark's description states ``r``, the wage and the numeraire.

    Parameters
    ----------
    economy : Economy
    profit_rate : float
        Uniform rate of profit ``r`` in ``[0, R)``, ``R = 1/ρ(A) − 1``.
    numeraire : vector or Series, optional
        Bundle ``d`` with ``p·d = 1`` (see :func:`nonequivalent.production_prices`).

    Raises
    ------
    ProfitRateError
        ``r`` outside ``[0, R)``.

    Notes
    -----
    P. Sraffa, *Production of Commodities by Means of Commodities* (1960), ch. II–III;
    Marx, *Capital* III, ch. 9. Emmanuel, *Unequal Exchange* (1972), measures
    international non-equivalence against prices of production.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
    ...                  sectors=["agriculture", "industry"])
    >>> b = ne.production_price_benchmark(eco, 0.0)
    >>> ratio = b.prices / eco.labour_values()      # at r = 0 prices ∝ λ
    >>> bool(abs(ratio.iloc[0] - ratio.iloc[1]) < 1e-12)
    True
    """
    pp = production_prices(economy, profit_rate, numeraire=numeraire)
    num = "p·d = 1 for the given numeraire" if numeraire is not None else "default numeraire"
    desc = (f"prices of production at r = {_fmt(float(profit_rate))} "
            f"(wage w = {_fmt(float(pp.wage))} per hour, {num})")
    return Benchmark("prices of production", pd.Series(pp.prices, index=economy.sectors),
                     desc)


def base_period_benchmark(base_prices: Any, name: str = "1913 prices",
                          scale_to: Any = None, weights: Any = None) -> Benchmark:
    """Base-period relative prices (e.g. 1913) brought to the current price level.

    Parameters
    ----------
    base_prices : Series or mapping
        Prices of the base period ``p_0`` (only their ratios matter for the scissors).
    name : str
        Name of the benchmark.
    scale_to : float or Series, optional
        The current price level: a number ``c`` (``p^e = c p_0``), or the current prices
        ``p`` (then ``c = p·w / p_0·w``, a Laspeyres index with basket ``w``). Default 1.
    weights : Series or mapping, optional
        Basket ``w`` of the Laspeyres index (default one unit of each good).

    Raises
    ------
    InvalidPriceError
        Non-positive base prices, a non-positive level, or a basket with zero value.
    LabelMismatchError
        ``scale_to`` or ``weights`` price other goods than ``base_prices``.

    Notes
    -----
    The price-scissors literature measures against pre-war (1913) relative prices:
    Preobrazhensky, *The New Economics*, ch. 2; A. Nove, *An Economic History of the USSR*,
    ch. 4; E. H. Carr, *The Interregnum 1923–1924*, ch. 1. The Laspeyres level is
    E. Laspeyres (1871).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> b = ne.base_period_benchmark({"grain": 1.0, "cloth": 1.0},
    ...                              scale_to={"grain": 0.89, "cloth": 2.76})
    >>> b.prices.round(3).to_dict()
    {'grain': 1.825, 'cloth': 1.825}
    >>> b.description
    'base-period relative prices (1913 prices) at the current price level c = 1.825 (Laspeyres)'
    """
    p0 = _price_series(base_prices, f"base-period prices '{name}'")
    _check_positive(p0.to_numpy(), p0.index, f"base-period prices '{name}'")
    if scale_to is None:
        c, how = 1.0, "at the base-period level"
    elif isinstance(scale_to, pd.Series | Mapping):
        p = as_vector(_price_series(scale_to, "current prices (scale_to)"), p0.index,
                      "current prices (scale_to)", InvalidPriceError)
        w = (np.ones(len(p0)) if weights is None else
             as_vector(_price_series(weights, "basket weights"), p0.index,
                       "basket weights", InvalidPriceError))
        den = float(p0.to_numpy() @ w)
        if den <= 0:
            raise InvalidPriceError("the Laspeyres basket has zero value at base prices; "
                                    "give weights with at least one positive entry.")
        c = float(p @ w) / den
        if c <= 0:
            raise InvalidPriceError("the current basket has zero value: the price level "
                                    "would be 0; give positive current prices.")
        how = f"at the current price level c = {_fmt(c)} (Laspeyres)"
    else:
        c = float(scale_to)
        if not np.isfinite(c) or c <= 0:
            raise InvalidPriceError(f"scale_to must be a positive price level; got {scale_to}.")
        how = f"at the price level c = {_fmt(c)}"
    return Benchmark(name, p0 * c, f"base-period relative prices ({name}) {how}")


def world_price_benchmark(world_prices: Any, exchange_rate: float,
                          name: str = "world-market prices") -> Benchmark:
    """World-market prices converted at an exchange rate: ``p^e = e p^world``.

    Parameters
    ----------
    world_prices : Series or mapping
        Prices in foreign currency.
    exchange_rate : float
        Domestic currency per unit of foreign currency (``e > 0``).
    name : str

    Notes
    -----
    A. Emmanuel, *Unequal Exchange: A Study of the Imperialism of Trade* (1972), ch. 2
    and appendix V; the foreign-trade monopoly as a channel of primitive socialist
    accumulation: Preobrazhensky, *The New Economics*, ch. 2.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> ne.world_price_benchmark({"grain": 2.0, "cloth": 5.0}, 1.5).prices.to_dict()
    {'grain': 3.0, 'cloth': 7.5}
    """
    e = float(exchange_rate)
    if not np.isfinite(e) or e <= 0:
        raise InvalidPriceError(f"the exchange rate must be positive and finite; got "
                                f"{exchange_rate}.")
    pw = _price_series(world_prices, f"world prices '{name}'")
    _check_positive(pw.to_numpy(), pw.index, f"world prices '{name}'")
    return Benchmark(name, pw * e,
                     f"world-market prices at the exchange rate e = {_fmt(e)}")


def given_benchmark(prices: Any, name: str) -> Benchmark:
    """A benchmark of prices the user gives (e.g. a reform proposal, a parity norm).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> print(ne.given_benchmark({"grain": 1.0, "cloth": 1.0}, "parity"))
    Benchmark 'parity': user-given prices (parity)
    """
    return Benchmark(name, _price_series(prices, f"benchmark prices '{name}'"),
                     f"user-given prices ({name})")


def _as_benchmark(benchmark: Any) -> Benchmark:
    if isinstance(benchmark, Benchmark):
        return benchmark
    if isinstance(benchmark, pd.Series | Mapping):
        return given_benchmark(benchmark, "given prices")
    raise InvalidPriceError(
        "benchmark must be a Benchmark (e.g. ne.labour_value_benchmark(eco)) or a Series "
        f"of prices; got {type(benchmark).__name__}.")


# ============================================================================ groups
def _quantities(data: Any, what: str) -> pd.Series:
    if data is None:
        return pd.Series(dtype=float)
    if not isinstance(data, Mapping | pd.Series):
        raise InvalidGroupError(
            f"{what} must be a Series or a mapping {{good: quantity}}; got "
            f"{type(data).__name__}. For unlabelled arrays use Group.from_arrays(...).")
    s = _labelled_floats(data, what, error=InvalidGroupError,
                         duplicate_error=InvalidGroupError,
                         expected="a Series or a mapping {good: quantity}",
                         numeric="numeric quantities")
    v = s.to_numpy()
    if (~np.isfinite(v)).any():
        raise InvalidGroupError(f"{what} has NaN or infinite quantities at "
                                f"{list(s.index[~np.isfinite(v)])[:10]}.")
    if (v < 0).any():
        raise InvalidGroupError(
            f"{what} has negative quantities at {list(s.index[v < 0])[:10]}; record a "
            "purchase under buys= and a sale under sells=, both >= 0.")
    return s


@dataclasses.dataclass(frozen=True, eq=False)
class Group(FrozenPandas):
    """A social group (peasants, workers, the state, a region) and its market flows.

    Parameters
    ----------
    name : str
        Unique name of the group in an account.
    sells, buys : Series or mapping {good: quantity}
        Quantities sold and bought (>= 0). Goods not listed are zero; labels must be goods
        of the economy the account is computed for.
    taxes : float
        Money paid directly to the state (negative: a net subsidy received).

    Raises
    ------
    InvalidGroupError
        Negative or non-finite quantities, duplicated goods, non-finite taxes, an empty
        name, or a group that neither sells nor buys anything (its exchange has no
        non-equivalence ratio; put a tax-only payer's taxes on a trading group).

    Notes
    -----
    The flows are those of Preobrazhensky's exchange between the state economy and the
    private (peasant) economy, *The New Economics*, ch. 2; taxes are Stalin's third part
    of the tribute (speech of 9 July 1928, *Works* vol. 11).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> g = ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 3}, taxes=2.0)
    >>> g.sells.to_dict(), g.buys.to_dict(), g.taxes
    ({'grain': 10.0}, {'cloth': 3.0}, 2.0)

    ``sells`` and ``buys`` are copies on every access: editing them leaves the group as
    validated (make a new group, or use :func:`dataclasses.replace`, to change it).

    >>> mine = g.sells
    >>> mine["grain"] = -5
    >>> g.sells.to_dict()
    {'grain': 10.0}
    """

    name: str
    sells: pd.Series = dataclasses.field(default_factory=lambda: pd.Series(dtype=float))
    buys: pd.Series = dataclasses.field(default_factory=lambda: pd.Series(dtype=float))
    taxes: float = 0.0

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise InvalidGroupError("a group needs a non-empty name (str).")
        sells = _quantities(self.sells, f"group '{self.name}' sells")
        buys = _quantities(self.buys, f"group '{self.name}' buys")
        sells.name, buys.name = "sells", "buys"
        taxes = as_number(self.taxes, f"group '{self.name}': taxes", InvalidGroupError,
                          allow_negative=True)
        if not (sells.to_numpy() > 0).any() and not (buys.to_numpy() > 0).any():
            raise InvalidGroupError(
                f"group '{self.name}' neither sells nor buys anything; an exchange account "
                "needs at least one good sold or bought.")
        object.__setattr__(self, "sells", sells)
        object.__setattr__(self, "buys", buys)
        object.__setattr__(self, "taxes", taxes)

    @classmethod
    def from_arrays(cls, name: str, sells: Any, buys: Any, goods: Sequence[Hashable],
                    taxes: float = 0.0) -> Group:
        """Build a group from unlabelled arrays in the order of ``goods``.

        >>> import nonequivalent as ne
        >>> g = ne.Group.from_arrays("workers", [0, 0], [2, 1], goods=["grain", "cloth"])
        >>> g.buys.to_dict()
        {'grain': 2.0, 'cloth': 1.0}
        """
        goods = pd.Index(list(goods))
        arrays = []
        for label, arr in (("sells", sells), ("buys", buys)):
            a = as_array(arr, f"group '{name}' {label}", InvalidGroupError)
            if a.shape != (len(goods),):
                raise InvalidGroupError(f"group '{name}' {label} has shape {a.shape}; "
                                        f"expected ({len(goods)},), one entry per good.")
            arrays.append(pd.Series(a, index=goods))
        return cls(name, sells=arrays[0], buys=arrays[1], taxes=taxes)

    def vectors(self, goods: pd.Index) -> tuple[np.ndarray, np.ndarray]:
        """``(s, d)`` as numpy vectors in the order of ``goods`` (missing goods are 0).

        Raises :class:`~nonequivalent.LabelMismatchError` for goods not in ``goods``.

        >>> import pandas as pd, nonequivalent as ne
        >>> ne.Group("g", sells={"a": 1}).vectors(pd.Index(["a", "b"]))
        (array([1., 0.]), array([0., 0.]))
        """
        if not isinstance(goods, pd.Index):
            goods = pd.Index(goods)
        out = []
        for label, s in (("sells", self.sells), ("buys", self.buys)):
            if s.index.equals(goods):                     # already aligned
                out.append(s.to_numpy(dtype=float, copy=True))
                continue
            pos = goods.get_indexer(s.index)              # hash lookup, no Python loop
            if (pos < 0).any():
                unknown = list(s.index[pos < 0])
                raise LabelMismatchError(
                    f"group '{self.name}' {label} goods {unknown[:10]} that the economy does "
                    f"not have; its goods are {list(goods)[:10]}. Rename them to match.")
            vec = np.zeros(len(goods))
            vec[pos] = s.to_numpy(dtype=float)
            out.append(vec)
        return out[0], out[1]

    def __str__(self) -> str:
        sells = ", ".join(f"{k}: {_fmt(v)}" for k, v in self.sells.items() if v) or "nothing"
        buys = ", ".join(f"{k}: {_fmt(v)}" for k, v in self.buys.items() if v) or "nothing"
        return f"Group '{self.name}': sells {sells}; buys {buys}; taxes {_fmt(self.taxes)}"


def _as_groups(groups: Group | Iterable[Group]) -> list[Group]:
    if isinstance(groups, Group):
        groups = [groups]
    out = list(groups)
    if not out:
        raise InvalidGroupError("give at least one Group.")
    for g in out:
        if not isinstance(g, Group):
            raise InvalidGroupError(f"expected Group objects; got {type(g).__name__}.")
    names = [g.name for g in out]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise InvalidGroupError(f"group names must be unique in an account; repeated: {dup}.")
    return out


def _flows(groups: list[Group], goods: pd.Index) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    S = np.empty((len(goods), len(groups)))
    D = np.empty_like(S)
    for j, g in enumerate(groups):
        S[:, j], D[:, j] = g.vectors(goods)
    taxes = np.array([g.taxes for g in groups], dtype=float)
    return S, D, taxes


def _prepare(economy: Economy, groups: Group | Iterable[Group], benchmark: Any) -> tuple[
        Benchmark, pd.Index, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What every account and sweep needs: the benchmark, the group names, ``λ``,
    ``p^e``, the flows ``S``, ``D`` (goods x groups) and the taxes by group."""
    bench = _as_benchmark(benchmark)
    gl = _as_groups(groups)
    names = pd.Index([g.name for g in gl], name="group")
    pe = bench.aligned(economy.sectors)
    S, D, taxes = _flows(gl, economy.sectors)
    return bench, names, economy.values_array, pe, S, D, taxes


def _labour_columns(lam: np.ndarray, S: np.ndarray, D: np.ndarray,
                    names: pd.Index) -> dict[str, np.ndarray]:
    """Labour given ``λ·s``, received ``λ·d``, the transfer and the ratio, by group
    (the first four of :data:`GROUP_COLUMNS`)."""
    given, received = lam @ S, lam @ D
    return {"labour_given": given, "labour_received": received,
            "labour_transfer": given - received,
            "nonequivalence_ratio": _ratio(given, received, names)}


def _ratio(given: np.ndarray, received: np.ndarray, names: pd.Index) -> np.ndarray:
    """``given / received``; ``inf`` where a group gives labour and receives none."""
    undefined = (given == 0) & (received == 0)
    if undefined.any():
        bad = [n for n, u in zip(names, undefined, strict=True) if u]
        raise InvalidGroupError(
            f"groups {bad} trade only goods with zero labour value, so they neither give "
            "nor receive labour and have no non-equivalence ratio.")
    out = np.full(given.shape, np.inf)
    np.divide(given, received, out=out, where=received > 0)
    return out


# ============================================================================ results
@dataclasses.dataclass(frozen=True)
class ConsistencyCheck:
    """Whether the parties' flows are consistent, and if so whether transfers sum to zero.

    Flows are consistent when every sale is some party's purchase: for every good, total
    sold = total bought (relative tolerance :data:`CONSISTENCY_RTOL`). Then the labour
    transfers and the money transfers (underpayment + overpayment) sum to zero exactly,
    because ``Σ_g T_g = λ·(Σ s_g − Σ d_g)`` and ``Σ_g (p^e − p)·(s_g − d_g)`` vanish.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.0]], labour=[1.0], sectors=["grain"])
    >>> acc = ne.exchange_account(eco, ne.Group("p", sells={"grain": 1}), {"grain": 1.0},
    ...                           ne.labour_value_benchmark(eco))
    >>> print(acc.check())
    Flows are NOT consistent: sales - purchases by good {'grain': 1.0}
    """

    is_consistent: bool
    imbalance: pd.Series
    labour_transfer_total: float
    money_transfer_total: float
    taxes_total: float
    labour_scale: float = dataclasses.field(default=1.0, repr=False)
    money_scale: float = dataclasses.field(default=1.0, repr=False)

    @property
    def transfers_sum_to_zero(self) -> bool:
        """Labour and money transfers both sum to zero, to rounding (relative ``1e-9`` of
        the gross flows ``labour_scale`` and ``money_scale``)."""
        return bool(abs(self.labour_transfer_total) <= 1e-9 * max(1.0, self.labour_scale)
                    and abs(self.money_transfer_total) <= 1e-9 * max(1.0, self.money_scale))

    def __str__(self) -> str:
        if not self.is_consistent:
            imb = {k: round(float(v), 6) for k, v in self.imbalance.items() if v != 0}
            return f"Flows are NOT consistent: sales - purchases by good {imb}"
        return ("Flows are consistent (every sale is a purchase); transfers sum to "
                f"{_fmt(self.labour_transfer_total)} hours and "
                f"{_fmt(self.money_transfer_total)} money (taxes total "
                f"{_fmt(self.taxes_total)}).")


@dataclasses.dataclass(frozen=True, eq=False)
class ExchangeAccount:
    """The exchange account of several groups against one named benchmark.

    Attributes
    ----------
    benchmark : Benchmark
        The equivalence benchmark ``p^e`` every money figure is measured against.
    prices : Series
        The actual prices ``p``.
    values : Series
        Labour values ``λ`` (hours per unit, total over labour kinds).
    by_group : DataFrame
        Indexed by group, columns ``labour_given, labour_received, labour_transfer,
        nonequivalence_ratio`` (hours; ratio ``λ·s/λ·d``, ``inf`` for a group that gives
        labour and receives none) and ``underpayment, overpayment, taxes, tribute`` (money
        at benchmark prices).
    is_consistent : bool
        Every sale is some group's purchase (good by good).

    See :attr:`by_good` for the per-good detail and :meth:`check` for the consistency
    report. Source of the decomposition: Stalin, speech of 9 July 1928 (*Works* vol. 11);
    of the labour accounts: Preobrazhensky, *The New Economics*, ch. 2.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.0, 0.0], [0.0, 0.0]], labour=[2.0, 1.0],
    ...                  sectors=["grain", "cloth"])
    >>> g = ne.Group("peasants", sells={"grain": 1}, buys={"cloth": 1}, taxes=1.0)
    >>> acc = ne.exchange_account(eco, g, {"grain": 1.0, "cloth": 2.0},
    ...                           ne.labour_value_benchmark(eco))
    >>> acc.by_group.loc["peasants", ["nonequivalence_ratio", "tribute"]].to_dict()
    {'nonequivalence_ratio': 2.0, 'tribute': 3.0}
    """

    benchmark: Benchmark
    prices: pd.Series
    values: pd.Series
    by_group: pd.DataFrame
    is_consistent: bool
    _S: np.ndarray = dataclasses.field(repr=False)
    _D: np.ndarray = dataclasses.field(repr=False)
    _pe: np.ndarray = dataclasses.field(repr=False)

    @cached_property
    def by_good(self) -> pd.DataFrame:
        """Detail by (group, good): quantities, labour and money, and ``price_ratio``.

        Columns ``sold, bought, labour_given, labour_received, labour_transfer`` (hours
        ``λ_i s_i`` etc.), ``price_ratio = p_i / p^e_i`` (the non-equivalence of the terms
        on that good: 1 equivalent, > 1 dear, < 1 cheap; a per-good labour ratio
        ``λ_i s_i / λ_i d_i`` would reduce to ``s_i / d_i`` and is not reported), and
        ``underpayment = (p^e_i − p_i) s_i``, ``overpayment = (p_i − p^e_i) d_i``.
        """
        goods = self.prices.index
        lam = self.values.to_numpy()
        p = self.prices.to_numpy()
        pe = self._pe
        blocks = []
        for j in range(self._S.shape[1]):
            s, d = self._S[:, j], self._D[:, j]
            blocks.append(np.column_stack([s, d, lam * s, lam * d, lam * (s - d), p / pe,
                                           (pe - p) * s, (p - pe) * d]))
        index = pd.MultiIndex.from_product([self.by_group.index, goods],
                                           names=["group", "good"])
        return pd.DataFrame(np.vstack(blocks), index=index, columns=list(GOOD_COLUMNS))

    @property
    def money_transfer(self) -> pd.Series:
        """Underpayment + overpayment by group (the tribute without taxes)."""
        return (self.by_group["underpayment"] + self.by_group["overpayment"]).rename(
            "money_transfer")

    def check(self) -> ConsistencyCheck:
        """Consistency of the flows and the sums of transfers (see :class:`ConsistencyCheck`).

        >>> import nonequivalent as ne
        >>> eco = ne.Economy([[0.0, 0.0], [0.0, 0.0]], labour=[1.0, 1.0],
        ...                  sectors=["grain", "cloth"])
        >>> acc = ne.exchange_account(
        ...     eco, [ne.Group("a", sells={"grain": 2}, buys={"cloth": 1}),
        ...           ne.Group("b", sells={"cloth": 1}, buys={"grain": 2})],
        ...     {"grain": 1.0, "cloth": 3.0}, ne.labour_value_benchmark(eco))
        >>> acc.check().transfers_sum_to_zero
        True
        """
        imbalance = pd.Series(self._S.sum(axis=1) - self._D.sum(axis=1),
                              index=self.prices.index, name="sales - purchases")
        bg = self.by_group
        return ConsistencyCheck(
            is_consistent=self.is_consistent, imbalance=imbalance,
            labour_transfer_total=float(bg["labour_transfer"].sum()),
            money_transfer_total=float(self.money_transfer.sum()),
            taxes_total=float(bg["taxes"].sum()),
            labour_scale=float(bg[["labour_given", "labour_received"]].to_numpy().sum()),
            money_scale=float((self.prices.to_numpy() + self._pe)
                              @ (self._S + self._D).sum(axis=1)))

    def to_frame(self) -> pd.DataFrame:
        """The account by group (a copy of :attr:`by_group`), benchmark in ``attrs``."""
        out = self.by_group.copy()
        out.attrs["benchmark"] = self.benchmark.name
        out.attrs["benchmark_description"] = self.benchmark.description
        return out

    def summary(self) -> str:
        """Readable account: benchmark, table by group, consistency."""
        lines = [f"Exchange account measured against {self.benchmark}",
                 "(labour in hours; money at benchmark prices)", "",
                 self.by_group.to_string(float_format=lambda x: f"{x:,.4g}"), "",
                 str(self.check())]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()


# ============================================================================ accounts
def exchange_account(economy: Economy, groups: Group | Iterable[Group], prices: Any,
                     benchmark: Benchmark | pd.Series) -> ExchangeAccount:
    """Labour and money transfers of each group at actual prices against a benchmark.

    Parameters
    ----------
    economy : Economy
        Gives labour values ``λ`` (computed once and cached by the economy).
    groups : Group or iterable of Group
        The parties, with unique names.
    prices : Series, mapping or vector
        Actual prices ``p`` (>= 0; a zero price is confiscation: all underpayment).
    benchmark : Benchmark or Series
        The equivalence benchmark ``p^e`` (a Series becomes a user-given benchmark).

    Returns
    -------
    ExchangeAccount
        ``by_group`` with ``labour_given = λ·s``, ``labour_received = λ·d``,
        ``labour_transfer = λ·s − λ·d``, ``nonequivalence_ratio = λ·s / λ·d``,
        ``underpayment = (p^e − p)·s``, ``overpayment = (p − p^e)·d``, ``taxes`` and
        ``tribute = taxes + underpayment + overpayment``.

    Raises
    ------
    LabelMismatchError
        Prices, benchmark or group goods that are not the economy's sectors.
    InvalidPriceError
        Negative or non-finite actual prices; a non-positive benchmark.
    InvalidGroupError
        Duplicate group names, or a group that trades only goods of zero labour value.

    Notes
    -----
    A group that gives labour and receives none has ``nonequivalence_ratio = inf``
    (documented, no division warning); ``0`` when it receives labour and gives none.
    Preobrazhensky, *The New Economics*, ch. 2; Stalin, speech of 9 July 1928, *Works*
    vol. 11; DESIGN §2.3.

    Examples
    --------
    Town and country, two goods, no inputs, one hour per unit of each (so ``λ = (1, 1)``),
    prices in hours. Peasants sell 10 grain at 0.5 and buy 5 cloth at 1.0 (balanced):

    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    >>> acc = ne.exchange_account(eco, ne.Group("peasants", sells={"grain": 10},
    ...                                         buys={"cloth": 5}),
    ...                           {"grain": 0.5, "cloth": 1.0}, ne.labour_value_benchmark(eco))
    >>> acc.by_group.loc["peasants", ["labour_given", "labour_received",
    ...                               "nonequivalence_ratio", "tribute"]].to_dict()
    {'labour_given': 10.0, 'labour_received': 5.0, 'nonequivalence_ratio': 2.0, 'tribute': 5.0}
    """
    bench, names, lam, pe, S, D, taxes = _prepare(economy, groups, benchmark)
    goods = economy.sectors
    p = as_vector(prices, goods, "actual prices", InvalidPriceError)
    # the same product on both sides, so exactly 0 at p = p^e (invariant 4)
    under = pe @ S - p @ S
    over = p @ D - pe @ D
    table = np.column_stack([*_labour_columns(lam, S, D, names).values(), under, over, taxes,
                             taxes + under + over])
    by_group = pd.DataFrame(table, index=names, columns=_GROUP_COLUMNS_INDEX)
    sold, bought = S.sum(axis=1), D.sum(axis=1)
    scale = CONSISTENCY_RTOL * max(1.0, float(sold.max(initial=0.0)))
    consistent = bool(np.all(np.abs(sold - bought) <= scale + CONSISTENCY_RTOL * bought))
    return ExchangeAccount(benchmark=bench, prices=pd.Series(p, index=goods, name="price"),
                           values=pd.Series(lam, index=goods, name="labour value"),
                           by_group=by_group, is_consistent=consistent,
                           _S=S, _D=D, _pe=pe)


# ============================================================================ sweeps
@dataclasses.dataclass(frozen=True, eq=False)
class TransferSweep:
    """Money transfers of each group in many price scenarios, against one benchmark.

    Attributes
    ----------
    benchmark : Benchmark
    underpayment, overpayment : DataFrame
        Scenarios x groups, money at benchmark prices.
    taxes : Series
        Taxes by group (the same in every scenario).
    labour : DataFrame
        By group: ``labour_given, labour_received, labour_transfer,
        nonequivalence_ratio`` — independent of prices, computed once.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    >>> P = ne.scaled_price_matrix({"grain": 1.0, "cloth": 1.0}, ["cloth"], [1.0, 2.0])
    >>> sw = ne.transfer_sweep(eco, ne.Group("peasants", sells={"grain": 10},
    ...                                      buys={"cloth": 5}), P,
    ...                        ne.labour_value_benchmark(eco))
    >>> sw.tribute["peasants"].tolist()
    [0.0, 5.0]
    """

    benchmark: Benchmark
    underpayment: pd.DataFrame
    overpayment: pd.DataFrame
    taxes: pd.Series
    labour: pd.DataFrame

    @property
    def tribute(self) -> pd.DataFrame:
        """Taxes + underpayment + overpayment, scenarios x groups."""
        return self.underpayment + self.overpayment + self.taxes

    def to_frame(self) -> pd.DataFrame:
        """Scenarios x (group, measure) with measures underpayment, overpayment, taxes,
        tribute; the benchmark's name in ``attrs``."""
        taxes = pd.DataFrame(np.broadcast_to(self.taxes.to_numpy(),
                                             self.underpayment.shape).copy(),
                             index=self.underpayment.index, columns=self.underpayment.columns)
        parts = {"underpayment": self.underpayment, "overpayment": self.overpayment,
                 "taxes": taxes, "tribute": self.tribute}
        out = pd.concat(parts, axis=1, names=["measure", "group"])
        out = out.swaplevel(axis=1).sort_index(axis=1, level=0, sort_remaining=False)
        out.attrs["benchmark"] = self.benchmark.name
        return out

    def summary(self) -> str:
        """Scenario count, benchmark and the range of each group's tribute."""
        t = self.tribute
        desc = pd.DataFrame({"min": t.min(), "mean": t.mean(), "max": t.max()})
        return (f"Transfer sweep over {len(t)} price scenarios, measured against "
                f"{self.benchmark}\nTribute (money at benchmark prices):\n"
                f"{desc.to_string(float_format=lambda x: f'{x:,.4g}')}")

    def __str__(self) -> str:
        return self.summary()


def _price_matrix(price_matrix: Any, goods: pd.Index) -> tuple[np.ndarray, pd.Index]:
    if isinstance(price_matrix, pd.DataFrame):
        cols = price_matrix.columns
        if not cols.is_unique or set(cols) != set(goods):
            missing = [g for g in goods if g not in set(cols)]
            extra = [c for c in cols if c not in set(goods)]
            raise LabelMismatchError(
                f"price matrix columns do not match the goods: missing {missing[:10]}, "
                f"unexpected {extra[:10]}. Give one column per good of the economy.")
        P = price_matrix.reindex(columns=goods).to_numpy(dtype=float)
        index = price_matrix.index
    else:
        try:
            P = np.asarray(price_matrix, dtype=float)
        except (TypeError, ValueError) as exc:
            raise InvalidPriceError(f"price matrix must be numeric: {exc}.") from None
        if P.ndim != 2 or P.shape[1] != len(goods):
            raise InvalidPriceError(
                f"price matrix has shape {P.shape}; expected (scenarios, {len(goods)}): one "
                "row per scenario, one column per good.")
        index = pd.RangeIndex(P.shape[0], name="scenario")
    if P.size and not (P.min() >= 0 and P.max() < np.inf):   # two reductions, no temporaries
        if not np.isfinite(P).all():
            raise InvalidPriceError("price matrix contains NaN or infinite prices.")
        rows = np.flatnonzero((P < 0).any(axis=1))[:5].tolist()
        raise InvalidPriceError(f"price matrix has negative prices (scenarios {rows}).")
    return P, index


def transfer_sweep(economy: Economy, group: Group | Iterable[Group], price_matrix: Any,
                   benchmark: Benchmark | pd.Series) -> TransferSweep:
    """Money transfers for many price scenarios in one matrix product.

    Money transfers are linear in prices: for scenario prices ``P`` (K x n) and the
    groups' sales ``S`` and purchases ``D`` (n x G), ``underpayment = p^e S − P S`` and
    ``overpayment = P D − p^e D``. Both come from one product ``P [S | D]``; labour values
    (and so labour transfers, which do not depend on prices) are computed once.

    Parameters
    ----------
    economy : Economy
    group : Group or iterable of Group
    price_matrix : DataFrame (scenarios x goods) or array (K, n)
        Actual prices, one row per scenario (>= 0, finite).
    benchmark : Benchmark or Series

    Returns
    -------
    TransferSweep
        Identical (to rounding) to :func:`exchange_account` evaluated scenario by scenario.

    Notes
    -----
    DESIGN §6 (sweeps are linear in prices); the decomposition is Stalin's (9 July 1928,
    *Works* vol. 11). ``benchmarks/sweep.py`` measures the speed-up over a loop.

    Examples
    --------
    >>> import numpy as np, nonequivalent as ne
    >>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    >>> sw = ne.transfer_sweep(eco, ne.Group("peasants", sells={"grain": 10},
    ...                                      buys={"cloth": 5}),
    ...                        np.array([[1.0, 1.0], [0.5, 1.0]]), ne.labour_value_benchmark(eco))
    >>> sw.underpayment["peasants"].tolist(), sw.overpayment["peasants"].tolist()
    ([0.0, 5.0], [0.0, 0.0])
    """
    bench, names, lam, pe, S, D, taxes = _prepare(economy, group, benchmark)
    P, index = _price_matrix(price_matrix, economy.sectors)
    G = len(names)
    PSD = P @ np.hstack([S, D])                      # one (K x n) @ (n x 2G) product
    under = (pe @ S)[None, :] - PSD[:, :G]
    over = PSD[:, G:] - (pe @ D)[None, :]
    labour = pd.DataFrame(_labour_columns(lam, S, D, names), index=names)
    return TransferSweep(benchmark=bench,
                         underpayment=pd.DataFrame(under, index=index, columns=names),
                         overpayment=pd.DataFrame(over, index=index, columns=names),
                         taxes=pd.Series(taxes, index=names, name="taxes"), labour=labour)


def scaled_price_matrix(prices: Any, goods: Sequence[Hashable] | Hashable,
                        factors: Any) -> pd.DataFrame:
    """Price scenarios: ``prices`` with the prices of ``goods`` multiplied by each factor.

    A sweep over price ratios (e.g. the scissors) in the form :func:`transfer_sweep` takes.

    Parameters
    ----------
    prices : Series or mapping
        Reference prices.
    goods : label or list of labels
        Goods whose prices are scaled (e.g. the manufactures).
    factors : sequence of float
        One scenario per factor (>= 0).

    Notes
    -----
    DESIGN §6: sweeps over price ratios are linear in prices (see :func:`transfer_sweep`).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> ne.scaled_price_matrix({"grain": 1.0, "cloth": 2.0}, "cloth", [1.0, 1.5])
    good    grain  cloth
    factor
    1.0       1.0    2.0
    1.5       1.0    3.0
    """
    p = _price_series(prices, "prices")
    if isinstance(goods, str) or not isinstance(goods, Iterable):
        goods = [goods]
    goods = list(goods)
    unknown = [g for g in goods if g not in p.index]
    if unknown:
        raise LabelMismatchError(f"goods {unknown} are not priced; priced goods are "
                                 f"{list(p.index)[:10]}.")
    f = np.asarray(factors, dtype=float).ravel()
    if not np.isfinite(f).all() or (f < 0).any():
        raise InvalidPriceError("scaling factors must be finite and >= 0.")
    mask = p.index.isin(goods)
    P = np.tile(p.to_numpy(), (len(f), 1))
    P[:, mask] *= f[:, None]
    return pd.DataFrame(P, index=pd.Index(f, name="factor"),
                        columns=pd.Index(p.index, name="good"))
