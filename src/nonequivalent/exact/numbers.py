"""Reading exact inputs: numbers, vectors and matrices as sympy rationals.

Every number is read by :func:`rational`: ints, :class:`fractions.Fraction`, sympy
``Rational``, ``Decimal`` and strings (parsed by :class:`fractions.Fraction` only, never
evaluated). Floats are refused unless ``allow_float=True``: a float is already rounded to
binary, so ``100/300`` reads as 3333333333333333/10^16 and an "exact" result from it is a
near miss. Strings are limited in length and in their decimal exponent, so that reading a
number such as ``"1e999999999"`` cannot stall the program.
"""

from __future__ import annotations

import decimal
import math
import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import sympy

from .._validation import reject_negative
from ..errors import InvalidEconomyError, NonequivalentError

__all__ = ["matrix", "rational", "to_float", "vector"]

Number = Any  # int | Fraction | str | Decimal | sympy.Rational (float with allow_float)

#: Longest number written as text, and largest decimal exponent, that :func:`rational` reads.
MAX_DIGITS = 1000
#: Largest decimal exponent that :func:`rational` reads (see :data:`MAX_DIGITS`).
MAX_EXPONENT = 1000
#: Most entries of an exact matrix or vector (exact arithmetic is for textbook sizes).
MAX_ENTRIES = 10_000

_EXPONENT = re.compile(r"[eE]([+-]?\d+)")


def rational(value: Number, what: str = "value",
             error: type[NonequivalentError] = InvalidEconomyError, *,
             allow_float: bool = False) -> sympy.Rational:
    """Read one number as an exact sympy ``Rational``.

    Parameters
    ----------
    value : int, Fraction, str, Decimal or sympy Rational (float with ``allow_float``)
        Strings are parsed by :class:`fractions.Fraction` only (``"1/3"``, ``"-2"``,
        ``"0.25"``, ``"1e-2"``; at most 1,000 characters and decimal exponents up to
        ±1,000, so that reading a number cannot stall the program).
    what : str
        Name of the input, for the error message.
    error : exception class
        Raised when the value is not a finite rational number.
    allow_float : bool
        Read a float by its shortest decimal representation (``0.1`` as ``1/10``). Off by
        default: a float is already rounded to binary (``100/300`` is not ``1/3``), so an
        "exact" result from it would be a near miss; give a string (``"1/3"``) or a
        :class:`fractions.Fraction` instead.

    Returns
    -------
    sympy.Rational

    Examples
    --------
    >>> from nonequivalent import exact
    >>> exact.rational("3/12"), exact.rational("0.1"), exact.rational(7)
    (1/4, 1/10, 7)
    >>> exact.rational(0.1, allow_float=True)
    1/10
    >>> exact.rational(100 / 300)
    Traceback (most recent call last):
    ...
    nonequivalent.errors.InvalidEconomyError: value: got the float 0.3333333333333333, ...
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
        if abs(value.adjusted()) > MAX_EXPONENT or len(value.as_tuple().digits) > MAX_DIGITS:
            raise error(f"{what}: {value} has more than {MAX_DIGITS} digits or a decimal "
                        f"exponent beyond ±{MAX_EXPONENT}; rescale it.")
        f = Fraction(value)
        return sympy.Rational(f.numerator, f.denominator)
    if isinstance(value, float | np.floating):
        if not math.isfinite(float(value)):
            raise error(f"{what}: {value!r} is not finite; give a finite number.")
        if not allow_float:
            raise error(f"{what}: got the float {float(value)!r}, which is already rounded "
                        "to binary (100/300 is not 1/3), so an exact result from it would be "
                        f"a near miss. Give a string such as '{_suggest(float(value))}' or a "
                        "fractions.Fraction, or pass allow_float=True to read floats by "
                        "their shortest decimal.")
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
    exponent = _EXPONENT.search(text)
    if len(text) > MAX_DIGITS or (exponent is not None
                                  and abs(int(exponent.group(1))) > MAX_EXPONENT):
        raise error(f"{what}: {value[:40]!r}{'...' if len(value) > 40 else ''} is too long "
                    f"or too large to read ({MAX_DIGITS} characters and decimal exponents up "
                    f"to ±{MAX_EXPONENT} at most); write it like {examples}.")
    try:
        return Fraction(text), text
    except (ValueError, ZeroDivisionError, OverflowError):
        raise error(f"{what}: cannot read {value!r} as {kind}; write it like "
                    f"{examples}.") from None


def _suggest(x: float) -> str:
    """A string for a float: the simple fraction it approximates, else its decimal."""
    f = Fraction(x).limit_denominator(1000)
    if f.denominator > 1 and abs(float(f) - x) <= 1e-12 * max(1.0, abs(x)):
        return f"{f.numerator}/{f.denominator}"
    return repr(x)


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
           error: type[NonequivalentError] = InvalidEconomyError,
           allow_float: bool = False) -> sympy.ImmutableMatrix:
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
    allow_float : bool
        Read float entries by their shortest decimal (see :func:`rational`).

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
    if arr.size > MAX_ENTRIES:
        raise error(f"{what} has {arr.size} entries; exact arithmetic is for small textbook "
                    f"economies (at most {MAX_ENTRIES}); use the float API.")
    rows = [[rational(v, f"{what}[{i}, {j}]", error, allow_float=allow_float)
             for j, v in enumerate(row)] for i, row in enumerate(arr)]
    if nonneg:
        reject_negative(np.array([[v < 0 for v in row] for row in rows], dtype=bool), what,
                        error)
    return sympy.ImmutableMatrix(rows)


def vector(data: Any, n: int | None = None, what: str = "vector", *, nonneg: bool = True,
           error: type[NonequivalentError] = InvalidEconomyError,
           allow_float: bool = False) -> sympy.ImmutableMatrix:
    """Read a vector of rational numbers as a sympy column (n x 1).

    A sympy row or column vector, a flat sequence or a 1-D array are accepted; float
    entries only with ``allow_float=True`` (see :func:`rational`).

    Examples
    --------
    >>> from nonequivalent import exact
    >>> exact.vector(["1/3", 2, "0.5"]).T
    Matrix([[1/3, 2, 1/2]])
    >>> exact.vector([0.25, 0.5], allow_float=True).T
    Matrix([[1/4, 1/2]])
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
    if arr.size > MAX_ENTRIES:
        raise error(f"{what} has {arr.size} entries; exact arithmetic is for small textbook "
                    f"economies (at most {MAX_ENTRIES}); use the float API.")
    vals = [rational(v, f"{what}[{i}]", error, allow_float=allow_float)
            for i, v in enumerate(arr)]
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
