"""Exact rational arithmetic for small textbook economies (sympy).

The float modules (:class:`~nonequivalent.Economy` and the value, exchange and household
models) work in floating point. For the small economies of a textbook or an exercise, the
functions here take **rational** inputs and return **exact** sympy results, so that a
student can compare a hand computation fraction by fraction.

Inputs
------
Every number may be an ``int``, a :class:`fractions.Fraction`, a sympy ``Rational``, a
string such as ``"1/3"`` or ``"0.25"`` (parsed only by :class:`fractions.Fraction`, never
evaluated), or a ``float`` (read by its shortest decimal representation, so ``0.1`` is
``1/10``). Matrices and vectors are nested sequences, numpy arrays or sympy matrices, taken
by position (this module carries no labels; use the float API for labelled data).

Outputs
-------
Quantities (gross output) are sympy column vectors (n x 1); values and prices are row
vectors (1 x n), as in the notation ``λ = l (I - A)^-1`` and ``p = p A + v``. All matrices
are :class:`sympy.ImmutableMatrix`. Linear systems are solved with ``Matrix.LUsolve``; the
inverse ``(I - A)^-1`` is formed only by :func:`leontief_inverse`.

Productivity is decided exactly by the Hawkins–Simon condition: for ``A >= 0``, ``ρ(A) < 1``
if and only if every leading principal minor of ``I - A`` is positive (Hawkins and Simon,
*Econometrica* 17, 1949; Fiedler and Pták 1962).

>>> from nonequivalent import exact
>>> A = [["1/5", "3/10"], ["1/10", "2/5"]]
>>> exact.gross_output(A, [100, 50]).T
Matrix([[500/3, 1000/9]])
>>> exact.labour_values(A, ["1/2", "1/4"])
Matrix([[13/18, 7/9]])
"""

from __future__ import annotations

import dataclasses
import decimal
import math
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import sympy

from ._validation import reject_negative
from .errors import (
    InvalidEconomyError,
    InvalidGroupError,
    InvalidHouseholdError,
    InvalidPriceError,
    NonequivalentError,
    NotProductiveError,
    ProfitRateError,
)

__all__ = [
    "ExactPrices",
    "ExactTransfers",
    "cost_push_prices",
    "earners_needed",
    "exchange_transfers",
    "extraction",
    "family_exploitation",
    "gross_output",
    "is_productive",
    "labour_values",
    "labour_values_by_kind",
    "leontief_inverse",
    "matrix",
    "max_profit_rate",
    "melt",
    "production_prices",
    "rate_of_exploitation",
    "rational",
    "require_productive",
    "scissors_index",
    "scissors_transfer",
    "shapley_two_factor",
    "squeeze_optimum",
    "to_float",
    "value_of_labour_power",
    "vector",
    "wage_rate",
]

Number = Any  # int | Fraction | str | float | sympy.Rational


# ---------------------------------------------------------------------- reading inputs
def rational(value: Number, what: str = "value",
             error: type[NonequivalentError] = InvalidEconomyError) -> sympy.Rational:
    """Read one number as an exact sympy ``Rational``.

    Parameters
    ----------
    value : int, Fraction, str, float, Decimal or sympy Rational
        Strings are parsed by :class:`fractions.Fraction` only (``"1/3"``, ``"-2"``,
        ``"0.25"``, ``"1e-2"``); floats by their shortest decimal representation.
    what : str
        Name of the input, for the error message.
    error : exception class
        Raised when the value is not a finite rational number.

    Returns
    -------
    sympy.Rational

    Examples
    --------
    >>> from nonequivalent import exact
    >>> exact.rational("3/12"), exact.rational(0.1), exact.rational(7)
    (1/4, 1/10, 7)
    >>> exact.rational("2**10")
    Traceback (most recent call last):
    ...
    nonequivalent.errors.InvalidEconomyError: value: cannot read '2**10' as a rational ...
    """
    if isinstance(value, bool | np.bool_):
        raise error(f"{what}: got a boolean {value!r}; give a number.")
    if isinstance(value, sympy.Basic):
        if isinstance(value, sympy.Rational):
            return value
        raise error(f"{what}: {value} is not a rational number; give an int, a Fraction or "
                    "a string such as '1/3'.")
    if isinstance(value, int | np.integer):
        return sympy.Integer(int(value))
    if isinstance(value, Fraction):
        return sympy.Rational(value.numerator, value.denominator)
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise error(f"{what}: {value} is not finite.")
        f = Fraction(value)
        return sympy.Rational(f.numerator, f.denominator)
    if isinstance(value, float | np.floating):
        if not math.isfinite(float(value)):
            raise error(f"{what}: {value!r} is not finite; give a finite number.")
        f = Fraction(repr(float(value)))
        return sympy.Rational(f.numerator, f.denominator)
    if isinstance(value, str):
        f, _ = _fraction_text(value, what, error, "a rational number", "'3', '-1/4' or '0.25'")
        return sympy.Rational(f.numerator, f.denominator)
    raise error(f"{what}: cannot read {value!r} (type {type(value).__name__}) as a rational "
                "number; give an int, a Fraction or a string such as '1/3'.")


def _fraction_text(value: str, what: str, error: type[Exception], kind: str,
                   examples: str) -> tuple[Fraction, str]:
    """Read a number written as text (``'3'``, ``'-1/4'``, ``'0.25'``, a Unicode minus).

    Returns the exact fraction and the normalized text; an unreadable string raises
    ``error`` with a message that shows ``examples`` of what can be read. No ``eval``.
    """
    text = value.strip().replace("\u2212", "-").replace(" ", "")
    try:
        return Fraction(text), text
    except (ValueError, ZeroDivisionError):
        raise error(f"{what}: cannot read {value!r} as {kind}; write it like "
                    f"{examples}.") from None


def _entries(data: Any, what: str, error: type[NonequivalentError]) -> np.ndarray:
    if isinstance(data, sympy.MatrixBase):
        return np.array(data.tolist(), dtype=object)
    if isinstance(data, pd.DataFrame | pd.Series):
        data = data.to_numpy(dtype=object)
    if isinstance(data, str | bytes) or isinstance(data, Mapping):
        raise error(f"{what} must be a sequence or array of numbers, not {type(data).__name__}"
                    " (this exact module takes vectors by position).")
    try:
        arr = np.array(data, dtype=object)
    except (TypeError, ValueError) as exc:
        raise error(f"{what} must be a sequence or array of numbers: {exc}") from None
    return arr


def matrix(data: Any, what: str = "matrix", *, square: bool = True, nonneg: bool = True,
           error: type[NonequivalentError] = InvalidEconomyError) -> sympy.ImmutableMatrix:
    """Read a matrix of rational numbers (nested sequence, numpy array or sympy matrix).

    Parameters
    ----------
    data : array-like
        Entries readable by :func:`rational`.
    what : str
        Name of the input, for error messages.
    square, nonneg : bool
        Require a square matrix / non-negative entries.
    error : exception class
        Raised on malformed input.

    Examples
    --------
    >>> from nonequivalent import exact
    >>> exact.matrix([["1/2", 0], [0, "1/4"]])
    Matrix([
    [1/2,   0],
    [  0, 1/4]])
    """
    arr = _entries(data, what, error)
    if arr.ndim == 0:
        arr = arr.reshape(1, 1)
    if arr.ndim != 2 or 0 in arr.shape:
        raise error(f"{what} must be a non-empty 2-D matrix, got shape {arr.shape}.")
    if square and arr.shape[0] != arr.shape[1]:
        raise error(f"{what} must be square, got shape {arr.shape}.")
    rows = [[rational(v, f"{what}[{i}, {j}]", error) for j, v in enumerate(row)]
            for i, row in enumerate(arr)]
    if nonneg:
        reject_negative(np.array([[v < 0 for v in row] for row in rows], dtype=bool), what,
                        error)
    return sympy.ImmutableMatrix(rows)


def vector(data: Any, n: int | None = None, what: str = "vector", *, nonneg: bool = True,
           error: type[NonequivalentError] = InvalidEconomyError) -> sympy.ImmutableMatrix:
    """Read a vector of rational numbers as a sympy column (n x 1).

    A sympy row or column vector, a flat sequence or a 1-D array are accepted.

    Examples
    --------
    >>> from nonequivalent import exact
    >>> exact.vector(["1/3", 2, 0.5]).T
    Matrix([[1/3, 2, 1/2]])
    """
    arr = _entries(data, what, error)
    if arr.ndim == 2 and 1 in arr.shape:
        arr = arr.reshape(-1)
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim != 1:
        raise error(f"{what} must be a vector, got shape {arr.shape}.")
    if n is not None and arr.shape[0] != n:
        raise error(f"{what} has {arr.shape[0]} entries; expected {n}, one per sector.")
    vals = [rational(v, f"{what}[{i}]", error) for i, v in enumerate(arr)]
    if nonneg:
        reject_negative(np.array([v < 0 for v in vals], dtype=bool), what, error)
    return sympy.ImmutableMatrix(vals)


def _labour_rows(labour: Any, n: int) -> tuple[list[Any], sympy.ImmutableMatrix]:
    """Labour by kind: mapping {kind: vector}, 2-D kinds x sectors, or one vector."""
    if isinstance(labour, Mapping):
        if not labour:
            raise InvalidEconomyError("labour: give at least one labour kind.")
        kinds = list(labour)
        rows = [vector(v, n, f"labour coefficients ({k})").T for k, v in labour.items()]
        return kinds, sympy.ImmutableMatrix.vstack(*rows)
    arr = _entries(labour, "labour coefficients", InvalidEconomyError)
    if arr.ndim == 2 and arr.shape[1] == n:
        return list(range(arr.shape[0])) if arr.shape[0] > 1 else ["labour"], matrix(
            arr, "labour coefficients", square=False)
    if arr.ndim == 2 and arr.shape != (n, 1):
        raise InvalidEconomyError(f"labour coefficients have shape {arr.shape}; expected a "
                                  f"vector of {n} or a kinds x {n} matrix.")
    return ["labour"], vector(arr, n, "labour coefficients").T


def to_float(value: Any) -> float | np.ndarray:
    """Convert an exact sympy number or matrix to a float or a float numpy array.

    >>> import sympy
    >>> from nonequivalent import exact
    >>> exact.to_float(sympy.Rational(1, 4))
    0.25
    >>> exact.to_float(sympy.Matrix([[1, sympy.Rational(1, 2)]]))
    array([[1. , 0.5]])
    """
    if isinstance(value, sympy.MatrixBase):
        return np.array(value.evalf(17).tolist(), dtype=float)
    return float(sympy.N(value, 17))


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
        rho = float(np.max(np.abs(np.linalg.eigvals(to_float(A)))))
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
    roots = A.charpoly().real_roots()
    rho = max(roots) if roots else sympy.Integer(0)
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


# ---------------------------------------------------------------------- exchange
@dataclasses.dataclass(frozen=True)
class ExactTransfers:
    """One group's exchange account, exactly (DESIGN §2.3).

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
    DESIGN §2.3; Preobrazhensky (1926), ch. 2.

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
    DESIGN §2.3; the first-order condition ``-q + (p^e - p) ε q / p = 0``. On the grain
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
    DESIGN §2.3 (isoelastic marketing response).

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
    DESIGN §2.4; Marx, *Capital* I, ch. 15 §3a; W. Z. Goldman, *Women at the Gates* (2002).

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

