"""Exact input-output: productivity, quantities, labour values and prices (sympy).

The exact counterparts of :class:`~nonequivalent.Economy` and :mod:`nonequivalent.core.values`,
under the same names (``max_profit_rate``, ``production_prices``, ``melt`` ...), taking the
technical matrix ``A`` and labour coefficients instead of an ``Economy``.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import sympy

from ..errors import (
    InvalidEconomyError,
    InvalidPriceError,
    NotProductiveError,
    ProfitRateError,
)
from .numbers import Number, _labour_rows, matrix, rational, to_float, vector

__all__ = [
    "ExactPrices",
    "cost_push_prices",
    "gross_output",
    "is_productive",
    "labour_values",
    "labour_values_by_kind",
    "leontief_inverse",
    "max_profit_rate",
    "melt",
    "production_prices",
    "require_productive",
    "spectral_radius",
    "uniform_profit_rate",
    "wage_rate",
]


# ---------------------------------------------------------------------- productivity
def _first_failing_minor(M: sympy.MatrixBase) -> int | None:
    """Order ``k`` of the first non-positive leading principal minor of ``M`` (or None).

    Gaussian elimination without pivoting: the k-th pivot equals ``D_k / D_{k-1}``, so every
    leading principal minor is positive iff every pivot is positive.
    """
    n = M.rows
    U = [[Fraction(int(M[i, j].p), int(M[i, j].q)) for j in range(n)] for i in range(n)]
    for k in range(n):
        piv = U[k][k]
        if piv <= 0:
            return k + 1
        for i in range(k + 1, n):
            f = U[i][k] / piv
            if f:
                Ui, Uk = U[i], U[k]
                for j in range(k, n):
                    Ui[j] -= f * Uk[j]
    return None


def is_productive(A: Any) -> bool:
    """Whether ``A >= 0`` is productive (ρ(A) < 1), decided exactly (Hawkins–Simon).

    Notes
    -----
    D. Hawkins and H. A. Simon, "Note: Some conditions of macroeconomic stability",
    *Econometrica* 17 (1949): every leading principal minor of ``I - A`` is positive.

    >>> from nonequivalent import exact
    >>> exact.is_productive([["1/2", "1/2"], ["1/2", "1/2"]])
    False
    >>> exact.is_productive([["1/2", "1/4"], ["1/4", "1/2"]])
    True
    """
    A = matrix(A, "technical coefficients A")
    return _first_failing_minor(sympy.eye(A.rows) - A) is None


def require_productive(A: Any, what: str = "the economy") -> sympy.ImmutableMatrix:
    """Return ``A`` as an exact matrix, or raise :class:`NotProductiveError` if ρ(A) >= 1.

    >>> from nonequivalent import exact
    >>> exact.require_productive([[1]])
    Traceback (most recent call last):
    ...
    nonequivalent.errors.NotProductiveError: the economy is not productive: ...
    """
    A = A if isinstance(A, sympy.ImmutableMatrix) else matrix(A, "technical coefficients A")
    k = _first_failing_minor(sympy.eye(A.rows) - A)
    if k is not None:
        with np.errstate(all="ignore"):
            M = to_float(A)
            rho = (float(np.max(np.abs(np.linalg.eigvals(M)))) if np.isfinite(M).all()
                   else float("inf"))
        raise NotProductiveError(
            f"{what} is not productive: the leading principal minor of order {k} of I - A is "
            f"<= 0 (Hawkins–Simon fails; ρ(A) ≈ {rho:.6g} >= 1). Sectors 0..{k - 1} use up at "
            "least as much as they produce; lower their input coefficients.",
            spectral_radius=rho, sectors=list(range(k)))
    return A


# ---------------------------------------------------------------------- quantities and values
def leontief_inverse(A: Any) -> sympy.ImmutableMatrix:
    """The Leontief inverse ``(I - A)^-1``, exactly.

    Notes
    -----
    W. Leontief, *Input-Output Economics* (1966), ch. 2; Miller & Blair (2009), eq. (2.11).
    Formed column by column with ``LUsolve`` because it is the product asked for.

    Examples
    --------
    >>> from nonequivalent import exact
    >>> exact.leontief_inverse([["1/2"]])
    Matrix([[2]])
    """
    A = require_productive(A)
    n = A.rows
    return sympy.ImmutableMatrix((sympy.eye(n) - A).LUsolve(sympy.eye(n)))


def gross_output(A: Any, final_demand: Any) -> sympy.ImmutableMatrix:
    """Gross output ``x`` (column) delivering final demand ``y``: solves ``(I - A) x = y``.

    Notes
    -----
    Leontief (1966), ch. 2; Miller & Blair (2009), eq. (2.10).

    Examples
    --------
    >>> from nonequivalent import exact
    >>> exact.gross_output([["1/5", "3/10"], ["1/10", "2/5"]], [100, 50]).T
    Matrix([[500/3, 1000/9]])
    """
    A = require_productive(A)
    y = vector(final_demand, A.rows, "final demand", nonneg=False)
    return sympy.ImmutableMatrix((sympy.eye(A.rows) - A).LUsolve(y))


def labour_values_by_kind(A: Any, labour: Any) -> dict[Any, sympy.ImmutableMatrix]:
    """Labour values by kind ``Λ = Lk (I - A)^-1``: one row vector per labour kind.

    Parameters
    ----------
    A : matrix
        Technical coefficients.
    labour : mapping {kind: vector}, kinds x sectors matrix, or one vector
        Direct labour coefficients (hours per unit of gross output).

    Returns
    -------
    dict
        ``{kind: 1 x n row}``; unnamed rows are keyed 0, 1, ...; one vector is ``"labour"``.

    Notes
    -----
    Marx, *Capital* I, ch. 1; input-output form: Morishima, *Marx's Economics* (1973), ch. 1.
    Solves ``(I - A)^T Λ^T = Lk^T``.

    Examples
    --------
    >>> from nonequivalent import exact
    >>> lam = exact.labour_values_by_kind([["1/2"]], {"peasant": [1], "worker": ["1/2"]})
    >>> lam["peasant"], lam["worker"]
    (Matrix([[2]]), Matrix([[1]]))
    """
    A = require_productive(A)
    kinds, L = _labour_rows(labour, A.rows)
    sol = (sympy.eye(A.rows) - A).T.LUsolve(L.T)  # n x k
    return {k: sympy.ImmutableMatrix(sol[:, i].T) for i, k in enumerate(kinds)}


def labour_values(A: Any, labour: Any) -> sympy.ImmutableMatrix:
    """Total labour values ``λ = l (I - A)^-1`` (row vector), summed over labour kinds.

    Notes
    -----
    Marx, *Capital* I, ch. 1 (value as socially necessary labour time); Morishima (1973);
    Pasinetti, "The notion of vertical integration" (1973). Solves ``(I - A)^T λ^T = l^T``.

    Examples
    --------
    >>> from nonequivalent import exact
    >>> exact.labour_values([["1/2"]], {"peasant": [1], "worker": ["1/2"]})
    Matrix([[3]])
    """
    by_kind = labour_values_by_kind(A, labour)
    total = sympy.zeros(1, next(iter(by_kind.values())).cols)
    for row in by_kind.values():
        total += row
    return sympy.ImmutableMatrix(total)


# ---------------------------------------------------------------------- prices
def cost_push_prices(A: Any, value_added: Any) -> sympy.ImmutableMatrix:
    """Cost-push prices ``p = p A + v`` (row vector), i.e. ``(I - A)^T p^T = v^T``.

    Notes
    -----
    Leontief price model: Miller & Blair (2009), §2.6, eq. (2.30).

    Examples
    --------
    >>> from nonequivalent import exact
    >>> exact.cost_push_prices([["1/2"]], [3])
    Matrix([[6]])
    """
    A = require_productive(A)
    v = vector(value_added, A.rows, "value added", nonneg=False)
    return sympy.ImmutableMatrix((sympy.eye(A.rows) - A).T.LUsolve(v).T)


@dataclasses.dataclass(frozen=True)
class ExactPrices:
    """Exact prices of production at a profit rate ``r`` with numeraire ``p·d = 1``.

    Attributes
    ----------
    prices : sympy row vector (1 x n)
    wage : sympy Rational, the wage per hour ``w(r)``
    profit_rate : sympy Rational
    numeraire : sympy column vector ``d``

    Examples
    --------
    >>> from nonequivalent import exact
    >>> print(exact.production_prices([["1/2"]], [1], "1/2", numeraire=[1]))
    Prices of production at r = 1/2 (numeraire p·d = 1): p = (1), w = 1/4
    """

    prices: sympy.ImmutableMatrix
    wage: sympy.Rational
    profit_rate: sympy.Rational
    numeraire: sympy.ImmutableMatrix

    def __str__(self) -> str:
        p = ", ".join(str(v) for v in self.prices)
        return (f"Prices of production at r = {self.profit_rate} (numeraire p·d = 1): "
                f"p = ({p}), w = {self.wage}")

    summary = __str__

    def to_frame(self) -> pd.DataFrame:
        """Prices as a DataFrame with exact (string) and float columns."""
        idx = pd.Index([f"p_{i + 1}" for i in range(self.prices.cols)] + ["w"], name="item")
        vals = [*list(self.prices), self.wage]
        return pd.DataFrame({"exact": [str(v) for v in vals],
                             "value": [to_float(v) for v in vals]}, index=idx)


def production_prices(A: Any, labour: Any, profit_rate: Number,
                      numeraire: Any = None) -> ExactPrices:
    """Prices of production ``p = (1 + r) p A + w l`` with ``p·d = 1``, exactly.

    Parameters
    ----------
    A : matrix
        Technical coefficients.
    labour : vector, mapping or kinds x sectors matrix
        Direct labour (kinds are summed).
    profit_rate : rational
        ``r`` in ``[0, R)``, ``R = 1/ρ(A) - 1``.
    numeraire : vector, optional
        Bundle ``d`` whose price is 1 (default: one unit of every good, ``Σ p = 1``).

    Returns
    -------
    ExactPrices
        ``p = w l (I - (1 + r) A)^-1`` and ``w(r) = 1 / [l (I - (1 + r) A)^-1 d]``.

    Raises
    ------
    ProfitRateError
        ``r < 0`` or ``r >= R`` (then ``I - (1+r)A`` fails Hawkins–Simon).
    InvalidPriceError
        The numeraire has zero value.

    Notes
    -----
    P. Sraffa, *Production of Commodities by Means of Commodities* (1960), ch. 2–3
    (wages paid post factum, §§9–12); wage–profit frontier as in Pasinetti, *Lectures on
    the Theory of Production* (1977), ch. 5.

    Examples
    --------
    >>> from nonequivalent import exact
    >>> pp = exact.production_prices([["1/2"]], [1], "1/2", numeraire=[1])
    >>> pp.prices, pp.wage
    (Matrix([[1]]), 1/4)
    """
    A = require_productive(A)
    n = A.rows
    r = rational(profit_rate, "profit rate", ProfitRateError)
    if r < 0:
        raise ProfitRateError(f"profit rate r = {r} is negative; give r in [0, R).")
    Ar = sympy.ImmutableMatrix((1 + r) * A)
    if _first_failing_minor(sympy.eye(n) - Ar) is not None:
        raise ProfitRateError(
            f"profit rate r = {r} is at or above the maximum profit rate R = 1/ρ(A) - 1 "
            f"(≈ {to_float(max_profit_rate(A)):.6g}); prices of production exist only for "
            "0 <= r < R.")
    _, L = _labour_rows(labour, n)
    l_tot = sympy.ImmutableMatrix(sympy.ones(1, L.rows) * L)
    d = (sympy.ImmutableMatrix(sympy.ones(n, 1)) if numeraire is None
         else vector(numeraire, n, "numeraire", error=InvalidPriceError))
    z = (sympy.eye(n) - Ar).T.LUsolve(l_tot.T).T  # l (I - (1+r)A)^-1
    zd = (z * d)[0, 0]
    if zd == 0:
        raise InvalidPriceError("the numeraire bundle has zero labour cost at this profit "
                                "rate; choose a numeraire containing a produced good.")
    w = 1 / zd
    return ExactPrices(sympy.ImmutableMatrix(w * z), w, r, d)


def wage_rate(A: Any, labour: Any, profit_rate: Number, numeraire: Any = None) -> sympy.Rational:
    """The wage ``w(r) = 1 / [l (I - (1 + r) A)^-1 d]`` on the wage–profit frontier.

    Notes
    -----
    Sraffa (1960), ch. 3; see :func:`production_prices`.

    >>> from nonequivalent import exact
    >>> exact.wage_rate([["1/2"]], [1], 0, numeraire=[1])
    1/2
    """
    return production_prices(A, labour, profit_rate, numeraire).wage


def max_profit_rate(A: Any) -> sympy.Expr:
    """The maximum profit rate ``R = 1/ρ(A) - 1`` as an exact (algebraic) sympy number.

    ρ(A) is the largest real root of the characteristic polynomial of ``A`` (the
    Perron–Frobenius root); for 2 x 2 matrices it is a radical, for larger ones a ``CRootOf``.
    ``R`` is ``oo`` when ``ρ(A) = 0``.

    Notes
    -----
    Sraffa (1960), §30 (the maximum rate of profits, where wages are zero).

    >>> from nonequivalent import exact
    >>> exact.max_profit_rate([["1/2", 0], [0, "1/4"]])
    1
    """
    A = require_productive(A)
    rho = _perron_root(A)
    if rho == 0:
        return sympy.oo
    return 1 / rho - 1 if rho.is_Rational else sympy.radsimp(1 / rho - 1)


def _perron_root(M: sympy.MatrixBase) -> sympy.Expr:
    """The largest real root of the characteristic polynomial (the Perron root of M >= 0)."""
    roots = M.charpoly().real_roots()
    return max(roots) if roots else sympy.Integer(0)


def spectral_radius(A: Any) -> sympy.Expr:
    """The spectral radius ρ(A) of ``A >= 0``, exactly (its Perron–Frobenius root).

    The exact counterpart of :attr:`nonequivalent.Economy.spectral_radius`: the largest
    real root of the characteristic polynomial, a rational, a radical or a ``CRootOf``
    (O. Perron 1907; G. Frobenius 1912).

    >>> from nonequivalent import exact
    >>> exact.spectral_radius([["1/2", 0], [0, "1/4"]])
    1/2
    """
    return _perron_root(matrix(A, "technical coefficients A"))


def uniform_profit_rate(A: Any, labour: Any, basket: Any) -> sympy.Expr:
    """The uniform profit rate when wages are a real basket ``b`` per hour, advanced.

    The exact counterpart of :func:`nonequivalent.uniform_profit_rate`: prices satisfy
    ``p = (1 + r) p (A + b l)``, hence ``ρ(A + b l) = 1/(1 + r)`` and
    ``r = 1/ρ(A + b l) - 1`` (M. Morishima, *Marx's Economics*, 1973; H. D. Kurz and N.
    Salvadori, *Theory of Production*, 1995, ch. 4). ``l`` adds up the labour kinds.

    Raises
    ------
    ProfitRateError
        ``ρ(A + b l) > 1``: the basket costs more than the net product of an hour.

    Examples
    --------
    >>> from nonequivalent import exact
    >>> exact.uniform_profit_rate([["1/2"]], [1], ["1/4"])
    1/3
    >>> exact.uniform_profit_rate([["1/2", 0], [0, "1/4"]], [1, 1], [0, 0])   # b = 0: R
    1
    """
    A = require_productive(A)
    n = A.rows
    _kinds, L = _labour_rows(labour, n)
    ell = sympy.ImmutableMatrix([[sum(L[:, j]) for j in range(n)]])
    b = vector(basket, n, "wage basket")
    rho = _perron_root(A + b * ell)
    if rho > 1:
        raise ProfitRateError(f"the wage basket costs more than the net product of an hour "
                              f"(ρ(A + b l) = {rho} > 1): no non-negative uniform profit "
                              "rate exists; lower the basket.")
    if rho == 0:
        return sympy.oo
    return 1 / rho - 1 if rho.is_Rational else sympy.radsimp(1 / rho - 1)


def melt(A: Any, labour: Any, prices: Any, final_demand: Any,
         normalization: str = "new-interpretation") -> sympy.Rational:
    """The monetary expression of labour time ``μ`` (money per hour), exactly.

    Parameters
    ----------
    normalization : {"new-interpretation", "total-price"}
        ``"new-interpretation"``: ``μ = p·y / l·x`` (value added over living labour,
        Duménil 1980, Foley 1982); ``"total-price"``: ``μ = p·x / λ·x`` (total price equals
        total value).

    Notes
    -----
    G. Duménil, *De la valeur aux prix de production* (1980); D. Foley, "The value of money,
    the value of labor power and the net product", *Review of Radical Political Economics*
    14 (1982). ``x = (I - A)^-1 y``.

    Examples
    --------
    >>> from nonequivalent import exact
    >>> exact.melt([["1/2"]], [1], [3], [10])
    3/2
    """
    if normalization not in ("new-interpretation", "total-price"):
        raise InvalidPriceError(f"unknown normalization {normalization!r}; use "
                                "'new-interpretation' or 'total-price'.")
    A = require_productive(A)
    n = A.rows
    p = vector(prices, n, "prices", error=InvalidPriceError)
    y = vector(final_demand, n, "final demand")
    lam = labour_values(A, labour)
    # new interpretation: p·y / λ·y (λ·y = l·x); total price: p·x / λ·x
    q = y if normalization == "new-interpretation" else gross_output(A, y)
    num, den = (p.T * q)[0, 0], (lam * q)[0, 0]
    if den == 0:
        raise InvalidEconomyError("the final demand embodies no labour; the MELT is undefined. "
                                  "Give a non-zero final demand of produced goods.")
    return num / den
