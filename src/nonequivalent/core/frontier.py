"""The wage–profit frontier ``w(r) = 1 / [l (I - (1+r) A)^-1 d]`` over many profit rates.

For a dense economy the frontier is evaluated from one complex Schur decomposition
``A = Z T Z^H``: each profit rate then costs one triangular solve, O(n^2), instead of a new
O(n^3) factorization. The numeraire, the wage conventions and the single-rate prices of
production are those of :mod:`nonequivalent.core.prices` (this function's old path
``nonequivalent.core.prices.wage_profit_frontier`` still resolves, with a
``DeprecationWarning``).

Sources: P. Sraffa, *Production of Commodities by Means of Commodities* (1960), ch. III–IV;
L. L. Pasinetti, *Lectures on the Theory of Production* (1977); H. D. Kurz and
N. Salvadori, *Theory of Production: A Long-Period Analysis* (1995), ch. 4; G. H. Golub and
C. F. Van Loan, *Matrix Computations* (4th ed., 2013), ch. 7.

>>> import nonequivalent as ne
>>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
...                  sectors=["agriculture", "industry"])
>>> ne.wage_profit_frontier(eco, [0.0, 0.25], numeraire="standard").round(12).tolist()
[1.0, 0.75]
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd
import scipy.linalg as sla

from .._validation import as_array, require_finite
from ..errors import InvalidPriceError, ProfitRateError
from .economy import Economy
from .prices import (  # noqa: F401  (NEAR_R: the rule shared with production_prices)
    DENSE_LIMIT,
    NEAR_R,
    Wages,
    _dense,
    _integrated_labour,
    _numeraire,
    _refuse_near_R,
    _wages,
)

__all__ = ["wage_profit_frontier"]


def _schur_resolvent_forms(A: np.ndarray, lab: np.ndarray,
                           d: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Complex Schur form ``A = Z T Z^H`` and the projections ``l Z``, ``Z^H d``."""
    T, Z = sla.schur(A.astype(complex), output="complex", check_finite=False)
    return T, lab @ Z, Z.conj().T @ d


def _limit_at_R_is_zero(eco: Economy, d: np.ndarray, standard: bool) -> bool:
    """Whether ``l (I - (1+r) A)^-1 d`` diverges as ``r -> R`` (then ``w(R) = 0``).

    It does when labour and the numeraire both "see" the dominant root: always for the
    standard commodity; for an irreducible ``A`` (Perron vectors strictly positive);
    and for any ``A`` when ``l > 0`` and ``d > 0`` in every sector, since then
    ``l A^k d >= c 1^T A^k 1 >= c ρ(A)^k`` and the series ``sum (1+R)^k l A^k d``
    diverges.
    """
    if standard:
        return True
    irreducible = len(eco._spectral_blocks[1]) == 1
    return (irreducible or bool(np.all(d > 0))) and (
        irreducible or bool(np.all(eco.total_labour > 0)))


def wage_profit_frontier(economy: Economy, profit_rates: Any, numeraire: Any = None,
                         method: Literal["auto", "schur", "direct"] = "auto",
                         wages: Wages = "post-factum") -> pd.Series:
    """The wage–profit frontier ``w(r) = 1 / [l (I - (1+r) A)^-1 d]`` on many profit rates.

    For a dense economy one complex Schur decomposition ``A = Z T Z^H`` (O(n^3), once)
    turns every rate into a triangular solve ``(I - (1+r) T) u = Z^H d``,
    ``w = 1 / Re(l Z u)`` (O(n^2) each). ``method="direct"`` factorizes
    ``I - (1+r) A`` afresh for each rate (cheaper for a handful of rates on a large
    table; ``"auto"`` picks by operation count). Large sparse economies are solved
    iteratively, one Krylov solve per rate.

    At ``r = R`` the frontier is evaluated as its limit, ``w(R) = 0``: it is zero when the
    series ``sum (1+R)^k l A^k d`` diverges, which holds for the standard numeraire, for
    an irreducible ``A``, and whenever labour and the numeraire are positive in every
    sector. Otherwise (non-basic goods only in the numeraire or labour) the limit is not
    determined here and ``r = R`` raises.

    Parameters
    ----------
    economy : Economy
    profit_rates : float or array-like
        Profit rates in ``[0, R]``.
    numeraire : as in :func:`production_prices`
    method : {"auto", "schur", "direct"}
    wages : {"post-factum", "advanced"}
        Wage convention (see :func:`production_prices`); wages advanced give
        ``w(r) / (1 + r)`` of the post-factum wage.

    Returns
    -------
    pandas.Series
        Wage per hour, indexed by profit rate; ``attrs["normalization"]`` names the
        numeraire.

    Raises
    ------
    ProfitRateError
        A rate below 0 or above ``R`` (or at ``R`` when the limit is not determined).
    NumericalRangeError
        A rate below ``R`` but within :data:`NEAR_R` ``(1 + R)`` of it, where floating
        point cannot resolve the wage.
    ConvergenceError
        Large sparse economies only: a Krylov solve very close to ``R`` did not converge.

    Notes
    -----
    Sraffa (1960), ch. III and IV (``w`` falls as ``r`` rises; with the standard
    commodity ``r = R(1 - w)``); Pasinetti (1977); Kurz and Salvadori (1995), ch. 4
    (the w–r relationship). Schur method: G. H. Golub and C. F. Van Loan, *Matrix
    Computations* (4th ed., 2013), ch. 7 (the Schur decomposition).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
    ...                  sectors=["agriculture", "industry"])
    >>> ne.wage_profit_frontier(eco, [0.0, 0.5, 1.0], numeraire="agriculture").round(6)
    profit rate
    0.0    1.384615
    0.5    0.894737
    1.0    0.000000
    Name: wage, dtype: float64
    >>> ne.wage_profit_frontier(eco, [0.0, 0.25], numeraire="standard").round(12).tolist()
    [1.0, 0.75]
    """
    if method not in ("auto", "schur", "direct"):
        raise InvalidPriceError(f"unknown method {method!r}; use 'auto', 'schur' or "
                                "'direct'.")
    wages = _wages(wages)
    rates = np.atleast_1d(as_array(profit_rates, "profit rates", ProfitRateError))
    if rates.ndim != 1:
        raise ProfitRateError("profit rates must be a number or a one-dimensional array.")
    economy.require_productive()
    R = economy.max_profit_rate
    bad = ~np.isfinite(rates) | (rates < 0) | (rates > R)
    if bad.any():
        raise ProfitRateError(
            f"profit rates {rates[bad][:5].tolist()} are outside [0, R] with "
            f"R = 1/ρ(A) - 1 = {R:.6g}; give rates 0 <= r <= R.")
    _refuse_near_R(rates, R)
    d, normalization, standard = _numeraire(economy, numeraire)
    lab = economy.total_labour
    at_R = rates == R
    if at_R.any() and not _limit_at_R_is_zero(economy, d, standard):
        raise ProfitRateError(
            f"the wage at r = R = {R:.6g} is not determined here: A is reducible and labour "
            "or the numeraire lies outside the sectors that carry ρ(A). Evaluate the "
            "frontier at rates below R.")
    inner = ~at_R
    f = np.empty(int(inner.sum()))
    s = 1.0 + rates[inner]
    n, m = economy.n, s.size
    iterative = economy.is_sparse and n > DENSE_LIMIT
    if m and not iterative and (method == "schur" or (method == "auto" and m > 24)):
        T, lz, zd = _schur_resolvent_forms(_dense(economy), lab, d)
        eye = np.eye(n)
        for i, si in enumerate(s):
            u = sla.solve_triangular(eye - si * T, zd, check_finite=False)
            f[i] = (lz @ u).real
    else:
        # one solve per rate: iterative for a large sparse table, else a fresh LU
        dense = _dense(economy) if m and economy.is_sparse and not iterative else None
        for i, si in enumerate(s):
            f[i] = _integrated_labour(economy, si, dense) @ d
    if np.any(~(f > 0)):
        raise InvalidPriceError(
            "the numeraire bundle would cost nothing at some profit rate: it consists of "
            "goods that need no labour directly or indirectly. Choose another numeraire.")
    w = np.zeros(rates.size)
    w[inner] = 1.0 / f
    if wages == "advanced":
        w /= 1.0 + rates
    require_finite(w, "the wage–profit frontier")
    out = pd.Series(w, index=pd.Index(rates, name="profit rate"), name="wage")
    out.attrs["normalization"] = f"{normalization}, wages paid {wages.replace('-', ' ')}"
    return out
