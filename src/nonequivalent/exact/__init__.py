"""Exact rational arithmetic for small textbook economies (sympy).

The float modules (:class:`~nonequivalent.Economy` and the value, exchange and household
models) work in floating point. For the small economies of a textbook or an exercise, the
functions here take **rational** inputs and return **exact** sympy results, so that a
student can compare a hand computation fraction by fraction.

Inputs
------
Every number may be an ``int``, a :class:`fractions.Fraction`, a sympy ``Rational``, a
``Decimal`` or a string such as ``"1/3"`` or ``"0.25"`` (parsed only by
:class:`fractions.Fraction`, never evaluated). A ``float`` is refused with a message
suggesting a string or a fraction, because it is already rounded to binary (``100/300`` is
not ``1/3``); :func:`rational`, :func:`matrix` and :func:`vector` read floats by their
shortest decimal with ``allow_float=True`` (``exact.matrix(A, allow_float=True)`` can then be
passed to every function). Matrices and vectors are nested sequences, numpy arrays or
sympy matrices, taken by position (this module carries no labels; use the float API for
labelled data).

Outputs
-------
Quantities (gross output) are sympy column vectors (n x 1); values and prices are row
vectors (1 x n), as in the notation ``λ = l (I - A)^-1`` and ``p = p A + v``. All matrices
are :class:`sympy.ImmutableMatrix`. Linear systems are solved with ``Matrix.LUsolve``; the
inverse ``(I - A)^-1`` is formed only by :func:`leontief_inverse`.

Names match the float API: ``exact.max_profit_rate``, ``exact.production_prices``,
``exact.uniform_profit_rate``, ``exact.melt`` ... compute what the functions of the same
name in :mod:`nonequivalent` compute, from ``A`` and the labour coefficients instead of an
``Economy``. Modules: :mod:`~nonequivalent.exact.numbers` (reading inputs),
:mod:`~nonequivalent.exact.leontief` (input-output, values, prices) and
:mod:`~nonequivalent.exact.exchange` (exchange, scissors, workers).

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

from .exchange import *  # noqa: F403
from .exchange import __all__ as _exchange_all
from .leontief import *  # noqa: F403
from .leontief import __all__ as _leontief_all
from .numbers import *  # noqa: F403
from .numbers import __all__ as _numbers_all
from .numbers import _fraction_text  # noqa: F401  (the exercises read answers with it)

__all__ = sorted([*_numbers_all, *_leontief_all, *_exchange_all])
