"""Benchmarks of equivalent exchange: what "equivalent" prices are, named and explained.

Every exchange account, tribute and sweep is measured against an explicit
:class:`Benchmark` ``p^e``: labour-value prices ``μλ`` (with the MELT ``μ`` named), prices
of production at a profit rate, base-period (e.g. 1913) relative prices, world-market prices
at an exchange rate, or prices the user gives (Preobrazhensky, *The New Economics*, ch. 2;
E. Emmanuel, *Unequal Exchange* (1972), ch. 2).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result
from .._validation import as_array, as_float, as_number, as_vector
from ..core.economy import Economy
from ..core.prices import production_prices
from ..core.values import _legacy_order, melt_setting
from ..errors import InvalidPriceError, LabelMismatchError

__all__ = [
    "Benchmark",
    "base_period_benchmark",
    "given_benchmark",
    "labour_value_benchmark",
    "production_price_benchmark",
    "world_price_benchmark",
]


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
        c = as_number(scale_to, "scale_to (the price level)", InvalidPriceError)
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
    e = as_float(exchange_rate, "the exchange rate", InvalidPriceError)
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
