"""Exact exchange, scissors, squeeze, workers and households (sympy).

The exact counterparts of :mod:`nonequivalent.exchange`,
:mod:`nonequivalent.exchange.scissors`, :mod:`nonequivalent.exchange.procurement` and
:mod:`nonequivalent.groups.households` for textbook cases.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pandas as pd
import sympy

from ..errors import InvalidGroupError, InvalidHouseholdError, InvalidPriceError
from .numbers import Number, rational, to_float, vector

__all__ = [
    "ExactTransfers",
    "earners_needed",
    "exchange_transfers",
    "extraction",
    "family_exploitation",
    "rate_of_exploitation",
    "scissors_index",
    "scissors_transfer",
    "shapley_two_factor",
    "squeeze_optimum",
    "value_of_labour_power",
]


# ---------------------------------------------------------------------- exchange
@dataclasses.dataclass(frozen=True)
class ExactTransfers:
    """One group's exchange account, exactly (Preobrazhensky, *The New Economics*, ch. 2).

    Hours: ``labour_given = λ·s``, ``labour_received = λ·d``, ``labour_transfer`` (given
    minus received), ``nonequivalence_ratio`` (given over received). Money at benchmark
    prices: ``underpayment = (p^e - p)·s``, ``overpayment = (p - p^e)·d``, ``taxes``,
    ``tribute = taxes + underpayment + overpayment``.

    Examples
    --------
    >>> from nonequivalent import exact
    >>> t = exact.exchange_transfers([1, 1], [4, 0], [0, 2], [1, 2], [2, 1])
    >>> t.as_dict()["tribute"], float(t.to_frame().loc["labour_transfer", "value"])
    (6, 2.0)
    """

    labour_given: sympy.Rational
    labour_received: sympy.Rational
    labour_transfer: sympy.Rational
    nonequivalence_ratio: sympy.Expr
    underpayment: sympy.Rational
    overpayment: sympy.Rational
    taxes: sympy.Rational
    tribute: sympy.Rational

    def as_dict(self) -> dict[str, sympy.Expr]:
        """The account as ``{column: exact value}``."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    def to_frame(self) -> pd.DataFrame:
        """The account as a DataFrame with exact (string) and float columns."""
        d = self.as_dict()
        return pd.DataFrame({"exact": [str(v) for v in d.values()],
                             "value": [to_float(v) for v in d.values()]},
                            index=pd.Index(list(d), name="item"))

    def __str__(self) -> str:
        return "\n".join(f"{k:>22}: {v}" for k, v in self.as_dict().items())

    summary = __str__


def exchange_transfers(values: Any, sells: Any, buys: Any, prices: Any, benchmark: Any,
                       taxes: Number = 0) -> ExactTransfers:
    """A group's labour and money transfers, exactly (Preobrazhensky; Stalin 1928).

    Parameters
    ----------
    values : vector
        Labour values ``λ`` (e.g. from :func:`labour_values`).
    sells, buys : vector
        Quantities ``s`` the group sells and ``d`` it buys.
    prices : vector
        Actual prices ``p``.
    benchmark : vector
        Equivalence benchmark prices ``p^e`` (name the benchmark when reporting).
    taxes : rational
        Money paid directly to the state.

    Returns
    -------
    ExactTransfers
        ``nonequivalence_ratio`` is ``oo`` if the group receives no labour; a group that
        neither gives nor receives labour raises :class:`InvalidGroupError`.

    Notes
    -----
    E. Preobrazhensky, *The New Economics* (1926), ch. 2 (non-equivalent exchange);
    J. V. Stalin, speech to the plenum of the Central Committee, July 1928 ("On
    industrialization and the grain problem": the peasant overpays for manufactures and is
    underpaid for grain, a "tribute").

    Examples
    --------
    >>> from nonequivalent import exact
    >>> t = exact.exchange_transfers([2, 1], sells=[10, 0], buys=[0, 8], prices=[1, 2],
    ...                              benchmark=["3/2", "3/2"], taxes=1)
    >>> t.labour_transfer, t.nonequivalence_ratio, t.tribute
    (12, 5/2, 10)
    """
    lam = vector(values, None, "labour values", error=InvalidGroupError)
    n = lam.rows
    s = vector(sells, n, "sells", error=InvalidGroupError)
    d = vector(buys, n, "buys", error=InvalidGroupError)
    p = vector(prices, n, "prices", error=InvalidPriceError)
    pe = vector(benchmark, n, "benchmark prices", error=InvalidPriceError)
    tax = rational(taxes, "taxes", InvalidGroupError)
    given, received = (lam.T * s)[0, 0], (lam.T * d)[0, 0]
    if received == 0:
        if given == 0:
            raise InvalidGroupError("the group neither gives nor receives any labour; the "
                                    "non-equivalence ratio is undefined.")
        ratio = sympy.oo
    else:
        ratio = given / received
    under = ((pe - p).T * s)[0, 0]
    over = ((p - pe).T * d)[0, 0]
    return ExactTransfers(given, received, given - received, ratio, under, over, tax,
                          tax + under + over)


def scissors_index(industrial_price: Number, agricultural_price: Number,
                   base_industrial: Number = 1, base_agricultural: Number = 1) -> sympy.Rational:
    """Scissors index ``σ = (P_m,t / P_m,0) / (P_a,t / P_a,0)`` (1 = base-period parity).

    Notes
    -----
    The "scissors" of Trotsky's report to the 12th Party Congress (1923); index form as in
    Preobrazhensky, *The New Economics* (1926), ch. 2.

    >>> from nonequivalent import exact
    >>> exact.scissors_index(150, 90, 100, 100)
    5/3
    """
    vals = [rational(v, w, InvalidPriceError) for v, w in (
        (industrial_price, "industrial price"), (agricultural_price, "agricultural price"),
        (base_industrial, "base industrial price"),
        (base_agricultural, "base agricultural price"))]
    if any(v <= 0 for v in vals):
        raise InvalidPriceError("price indices must be > 0 for a scissors index.")
    pm, pa, pm0, pa0 = vals
    return (pm / pm0) / (pa / pa0)


def scissors_transfer(benchmark_price: Number, quantity: Number, sigma: Number) -> sympy.Rational:
    """Transfer out of agriculture with two goods and balanced trade: ``p^e_a q_a (1 - 1/σ)``.

    The peasants sell ``q_a`` at ``p_a`` and spend the proceeds on manufactures at ``p_m``;
    at benchmark prices they give ``p^e_a q_a`` and receive ``p^e_m p_a q_a / p_m =
    p^e_a q_a / σ``.

    Notes
    -----
    Preobrazhensky (1926), ch. 2.

    >>> from nonequivalent import exact
    >>> exact.scissors_transfer(2, 100, "5/4")
    40
    """
    pe = rational(benchmark_price, "benchmark price", InvalidPriceError)
    q = rational(quantity, "quantity", InvalidGroupError)
    sig = rational(sigma, "scissors index", InvalidPriceError)
    if sig <= 0 or pe < 0 or q < 0:
        raise InvalidPriceError("need σ > 0, benchmark price >= 0 and quantity >= 0.")
    return pe * q * (1 - 1 / sig)


def squeeze_optimum(elasticity: Number, benchmark_price: Number) -> sympy.Rational:
    """Procurement price maximizing extraction ``(p^e - p) q(p)`` for ``q = q0 (p/p0)^ε``.

    ``p* = ε p^e / (1 + ε)``: below it, squeezing harder collects less.

    Notes
    -----
    the first-order condition ``-q + (p^e - p) ε q / p = 0``. On the grain
    crisis of 1927–28 see R. K. Sah and J. E. Stiglitz, "The economics of price scissors",
    *American Economic Review* 74 (1984).

    >>> from nonequivalent import exact
    >>> exact.squeeze_optimum(1, 10)
    5
    """
    eps = rational(elasticity, "elasticity", InvalidPriceError)
    pe = rational(benchmark_price, "benchmark price", InvalidPriceError)
    if eps <= 0 or pe <= 0:
        raise InvalidPriceError("the squeeze optimum needs elasticity > 0 and benchmark "
                                "price > 0.")
    return eps * pe / (1 + eps)


def extraction(q0: Number, p0: Number, elasticity: Number, benchmark_price: Number,
               price: Number) -> sympy.Expr:
    """Extraction ``(p^e - p) q0 (p/p0)^ε`` at procurement price ``p`` (exact; may be a radical).

    Notes
    -----
    The isoelastic marketing response (Sah & Stiglitz, *AER* 74, 1984).

    >>> from nonequivalent import exact
    >>> exact.extraction(100, 10, 1, 10, 5)
    250
    """
    q0_, p0_, eps, pe, p = (rational(v, w, InvalidPriceError) for v, w in (
        (q0, "q0"), (p0, "p0"), (elasticity, "elasticity"), (benchmark_price, "benchmark"),
        (price, "price")))
    if p0_ <= 0 or p <= 0 or q0_ < 0:
        raise InvalidPriceError("need p0 > 0, p > 0 and q0 >= 0.")
    return (pe - p) * q0_ * (p / p0_) ** eps


# ---------------------------------------------------------------------- workers, households
def value_of_labour_power(values: Any, basket: Any) -> sympy.Rational:
    """Value of labour power ``v = λ·b`` (hours embodied in the wage basket).

    Notes
    -----
    Marx, *Capital* I, ch. 6.

    >>> from nonequivalent import exact
    >>> exact.value_of_labour_power(["1/2", 2], [4, 1])
    4
    """
    lam = vector(values, None, "labour values", error=InvalidHouseholdError)
    b = vector(basket, lam.rows, "basket", error=InvalidHouseholdError)
    return (lam.T * b)[0, 0]


def rate_of_exploitation(values: Any, basket: Any, hours: Number) -> sympy.Rational:
    """Rate of exploitation ``e = (h - v) / v`` with ``v = λ·b``.

    Notes
    -----
    Marx, *Capital* I, ch. 9 (rate of surplus value, s/v).

    >>> from nonequivalent import exact
    >>> exact.rate_of_exploitation(["1/2", 2], [4, 1], 8)
    1
    """
    v = value_of_labour_power(values, basket)
    h = rational(hours, "hours", InvalidHouseholdError)
    if v <= 0:
        raise InvalidHouseholdError("the basket embodies no labour; the rate of exploitation "
                                    "is undefined.")
    if h <= 0:
        raise InvalidHouseholdError(f"hours must be > 0, got {h}.")
    return (h - v) / v


def family_exploitation(values: Any, family_basket: Any, earners: Number,
                        hours_per_earner: Number) -> sympy.Rational:
    """Family rate of exploitation ``e_f = (m h - λ·b_f) / λ·b_f``.

    Notes
    -----
    Marx, *Capital* I, ch. 15 §3a: employing the whole family spreads the value of labour
    power over several workers, so ``e_f`` rises with ``m``.

    >>> from nonequivalent import exact
    >>> exact.family_exploitation([1, 1], [3, 3], 2, 8)
    5/3
    """
    v = value_of_labour_power(values, family_basket)
    m = rational(earners, "earners", InvalidHouseholdError)
    h = rational(hours_per_earner, "hours per earner", InvalidHouseholdError)
    if v <= 0:
        raise InvalidHouseholdError("the family basket embodies no labour.")
    if m <= 0 or h <= 0:
        raise InvalidHouseholdError("earners and hours per earner must be > 0.")
    return (m * h - v) / v


def earners_needed(m0: Number, real_wage_cut: Number, whole: bool = False) -> sympy.Rational:
    """Earners needed to buy the same basket after a real-wage cut ``δ``: ``m0 / (1 - δ)``.

    Parameters
    ----------
    m0 : rational
        Earners before the cut.
    real_wage_cut : rational
        Share ``δ < 1`` by which the real wage per earner falls (negative: a rise).
    whole : bool
        Round up to whole earners (``ceil``).

    Notes
    -----
    Marx, *Capital* I, ch. 15 §3a; W. Z. Goldman, *Women at the Gates* (2002).

    >>> from nonequivalent import exact
    >>> exact.earners_needed(1, "1/2"), exact.earners_needed(1, "2/5")
    (2, 5/3)
    >>> exact.earners_needed(1, "2/5", whole=True)
    2
    """
    m = rational(m0, "m0", InvalidHouseholdError)
    d = rational(real_wage_cut, "real wage cut", InvalidHouseholdError)
    if m <= 0:
        raise InvalidHouseholdError(f"m0 must be > 0 earners, got {m}.")
    if d >= 1:
        raise InvalidHouseholdError(f"real wage cut must be < 1 (1 would leave no wage at "
                                    f"all), got {d}; a negative value is a rise.")
    out = m / (1 - d)
    return sympy.ceiling(out) if whole else out


# ---------------------------------------------------------------------- decomposition
def shapley_two_factor(f: Callable[[Any, Any], Any], a0: Number, a1: Number, b0: Number,
                       b1: Number) -> tuple[sympy.Expr, sympy.Expr]:
    """Shapley decomposition of ``f(a1, b1) - f(a0, b0)`` into two factor contributions.

    ``C_a = ½ [(f(a1, b0) - f(a0, b0)) + (f(a1, b1) - f(a0, b1))]`` and symmetrically for
    ``b``; ``C_a + C_b`` equals the total change exactly.

    Notes
    -----
    L. S. Shapley, "A value for n-person games" (1953); for decompositions A. F. Shorrocks,
    "Decomposition procedures for distributional analysis", *J. Econ. Inequality* 11 (2013).

    >>> from nonequivalent import exact
    >>> exact.shapley_two_factor(lambda a, b: a * b, 10, 12, 3, 5)
    (8, 22)
    """
    a0_, a1_, b0_, b1_ = (rational(v, w, InvalidGroupError) for v, w in (
        (a0, "a0"), (a1, "a1"), (b0, "b0"), (b1, "b1")))
    ca = ((f(a1_, b0_) - f(a0_, b0_)) + (f(a1_, b1_) - f(a0_, b1_))) / 2
    cb = ((f(a0_, b1_) - f(a0_, b0_)) + (f(a1_, b1_) - f(a1_, b0_))) / 2
    return ca, cb
