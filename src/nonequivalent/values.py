"""Prices and value: cost-push prices, prices of production, the wage–profit frontier,
the monetary expression of labour time (MELT) and price–value deviations.

All models here reuse the factorization held by :class:`~nonequivalent.Economy` where the
matrix is ``I - A`` itself (labour values, cost-push prices) and factorize ``I - (1 + r) A``
only where the profit rate changes the matrix. The wage–profit frontier for many profit
rates is evaluated from one complex Schur decomposition ``A = Z T Z^H``: each rate then
costs one triangular solve, O(n^2), instead of a new O(n^3) factorization.

Labour of several kinds is added up in hours (homogeneous labour, one wage per hour)
unless a function says otherwise.

Every result says which normalization (numeraire, MELT definition) it uses: result
objects carry a ``normalization`` field, Series carry it in ``Series.attrs``.

Sources: P. Sraffa, *Production of Commodities by Means of Commodities* (1960), ch. II–IV;
L. L. Pasinetti, *Lectures on the Theory of Production* (1977); H. D. Kurz and
N. Salvadori, *Theory of Production: A Long-Period Analysis* (1995), ch. 4;
G. Duménil, *De la valeur aux prix de production* (1980); D. K. Foley, "The value of
money, the value of labor power and the net product", *Review of Radical Political
Economics* 14(2) (1982); A. Shaikh, "The empirical strength of the labour theory of
value" (1998); I. Steedman and J. Tomkins, "On measuring the deviation of prices from
values", *Cambridge Journal of Economics* 22(3) (1998).

>>> import nonequivalent as ne
>>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
...                  sectors=["agriculture", "industry"])
>>> pp = ne.production_prices(eco, 0.5, numeraire="agriculture")
>>> round(pp.wage, 6), pp.prices.round(6).to_dict()
(0.894737, {'agriculture': 1.0, 'industry': 1.684211})
>>> ne.melt(eco, prices=[1.0, 1.5], final_demand=[100, 50])
1.575
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Hashable, Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd
import scipy.linalg as sla
import scipy.sparse as sp
import scipy.sparse.linalg as spla

from ._validation import as_vector, check_finite
from .economy import Economy, _krylov_solve, _spectral_radius_by_block
from .errors import (
    InvalidEconomyError,
    InvalidPriceError,
    LabelMismatchError,
    ProfitRateError,
)

__all__ = [
    "NewInterpretation",
    "PriceValueDeviation",
    "ProductionPrices",
    "cost_push_prices",
    "labour_value_prices",
    "melt",
    "new_interpretation",
    "price_value_deviation",
    "production_prices",
    "uniform_profit_rate",
    "wage_profit_frontier",
]

#: Sparse economies up to this size are converted to dense arrays where a dense
#: factorization (Schur, eigenvalues) is needed; larger ones use iterative methods.
DENSE_LIMIT = 2000

MeltNormalization = Literal["new-interpretation", "total-price"]
_MELT_NORMALIZATIONS = ("new-interpretation", "total-price")


# ---------------------------------------------------------------------- helpers
def _dense(eco: Economy) -> np.ndarray:
    return eco.A.toarray() if eco.is_sparse else np.asarray(eco.A)


def _prices(prices: Any, eco: Economy, what: str = "prices") -> np.ndarray:
    return as_vector(prices, eco.sectors, what, InvalidPriceError)


def _bundle(data: Any, eco: Economy, what: str) -> np.ndarray:
    """A bundle of goods: a mapping/Series may name only some goods (the rest are zero)."""
    if isinstance(data, Mapping | pd.Series):
        s = pd.Series(dict(data) if isinstance(data, Mapping) else data, dtype=float)
        unknown = [k for k in s.index if k not in eco.sectors]
        if unknown:
            raise LabelMismatchError(
                f"{what} names goods {unknown[:10]} that are not sectors of the economy "
                f"{list(eco.sectors)[:10]}.")
        if not s.index.is_unique:
            raise LabelMismatchError(f"{what} names a good twice: "
                                     f"{s.index[s.index.duplicated()].tolist()}.")
        arr = s.reindex(eco.sectors, fill_value=0.0).to_numpy(dtype=float)
        check_finite(arr, what, InvalidPriceError, labels=eco.sectors)
        return arr
    return as_vector(data, eco.sectors, what, InvalidPriceError)


def _profit_rate(eco: Economy, r: Any, *, allow_max: bool) -> float:
    try:
        r = float(r)
    except (TypeError, ValueError):
        raise ProfitRateError(f"the profit rate must be a number, got {r!r}.") from None
    eco.require_productive()
    R = eco.max_profit_rate
    if not math.isfinite(r) or r < 0:
        raise ProfitRateError(
            f"profit rate r = {r!r} is outside [0, R) with R = 1/ρ(A) - 1 = {R:.6g} "
            "(the maximum rate of profits); give 0 <= r < R.")
    if r > R or (r == R and not allow_max):
        raise ProfitRateError(
            f"profit rate r = {r:.6g} is at or beyond the maximum rate of profits "
            f"R = 1/ρ(A) - 1 = {R:.6g}: at r >= R the wage would be zero or negative and "
            "prices are not determined by this system. Give 0 <= r < R.")
    return r


def _integrated_labour(eco: Economy, s: float,
                       dense: np.ndarray | None = None) -> np.ndarray:
    """``z = l (I - s A)^-1`` for total labour ``l``: solve ``(I - s A)^T z^T = l^T``.

    ``s = 1 + r``. At ``s = 1`` this is the economy's cached labour values ``λ``. A sparse
    economy is solved iteratively unless ``dense`` (its ``A`` as a dense array) is given,
    which is then factorized.
    """
    lab = eco.total_labour
    if dense is None:
        if s == 1.0:
            return eco.values_array
        if eco.is_sparse:
            _, AT = eco._sparse_ops
            return _krylov_solve(sp.csr_array(AT * s), lab)
        dense = eco.A
    lu = sla.lu_factor(np.eye(eco.n) - s * dense, overwrite_a=True, check_finite=False)
    return sla.lu_solve(lu, lab, trans=1, check_finite=False)


def _standard_net_product(eco: Economy) -> np.ndarray:
    """Sraffa's standard net product ``d = (I - A) q*`` with ``l q* = 1``.

    ``q*`` is the right Perron–Frobenius eigenvector of ``A`` (the standard system,
    Sraffa 1960, ch. IV); with ``d`` as numeraire the wage is ``w = 1 - r/R``.
    """
    eco.require_productive()
    lab = eco.total_labour
    if eco.is_sparse and eco.n > DENSE_LIMIT:
        vals, vecs = spla.eigs(sp.csr_matrix(eco.A), k=1, which="LR", tol=1e-12,
                               maxiter=20_000)
        q = np.real(vecs[:, 0])
        rho = float(np.real(vals[0]))
    else:
        vals, vecs = np.linalg.eig(_dense(eco))
        j = int(np.argmax(vals.real))
        rho = float(vals[j].real)
        q = np.real(vecs[:, j])
    q = q / q[np.argmax(np.abs(q))]
    scale = max(1.0, float(np.abs(q).max()))
    if q.min() < -1e-8 * scale:
        raise InvalidEconomyError(
            "the standard commodity is not defined here: A is reducible and its dominant "
            "root has no single non-negative eigenvector. Give an explicit numeraire bundle.")
    q = np.clip(q, 0.0, None)
    lq = float(lab @ q)
    if not lq > 0:
        raise InvalidEconomyError(
            "the standard commodity uses no labour (l q* = 0), so it cannot be normalized "
            "to one unit of labour. Give an explicit numeraire bundle.")
    return (1.0 - rho) * q / lq


def _is_sector(eco: Economy, label: Hashable) -> bool:
    try:
        return bool(label in eco.sectors)
    except (TypeError, ValueError):
        return False


def _numeraire(eco: Economy, numeraire: Any) -> tuple[np.ndarray, str, bool]:
    """Return ``(d, description, is_standard)`` for a numeraire specification."""
    if numeraire is None:
        return (np.ones(eco.n), "numeraire: one unit of every good (p·1 = 1)", False)
    if isinstance(numeraire, Hashable) and _is_sector(eco, numeraire):
        d = np.zeros(eco.n)
        d[eco.sectors.get_loc(numeraire)] = 1.0
        return d, f"numeraire: good {numeraire!r} (its price = 1)", False
    if isinstance(numeraire, str) or (
            not isinstance(numeraire, Mapping | pd.Series) and np.ndim(numeraire) == 0):
        if numeraire == "standard":
            return (_standard_net_product(eco),
                    "numeraire: Sraffa's standard net product (w = 1 - r/R)", True)
        raise LabelMismatchError(
            f"numeraire {numeraire!r} is neither a sector {list(eco.sectors)[:10]} nor "
            "'standard'; give a sector label, 'standard', or a bundle of goods.")
    d = _bundle(numeraire, eco, "numeraire bundle")
    if not d.any():
        raise InvalidPriceError("the numeraire bundle is empty (all zero); give at least "
                                "one good with a positive quantity.")
    return d, "numeraire: the given bundle d (p·d = 1)", False


def _schur_resolvent_forms(A: np.ndarray, lab: np.ndarray,
                           d: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Complex Schur form ``A = Z T Z^H`` and the projections ``l Z``, ``Z^H d``."""
    T, Z = sla.schur(A.astype(complex), output="complex", check_finite=False)
    return T, lab @ Z, Z.conj().T @ d


# ---------------------------------------------------------------------- cost-push prices
def cost_push_prices(economy: Economy, value_added: Any) -> pd.Series:
    """Cost-push prices from value added per unit: ``p = p A + v``.

    Solves ``(I - A)^T p^T = v^T`` with the economy's cached factor (no inverse).

    Parameters
    ----------
    economy : Economy
    value_added : vector, Series or mapping
        Value added per unit of gross output of each sector (wages, profits, taxes), in
        money. Negative entries (net subsidies) are allowed.

    Returns
    -------
    pandas.Series
        Prices by sector, in the money unit of ``value_added``
        (``attrs["normalization"]`` says so).

    Notes
    -----
    Leontief's price model: W. Leontief, *Input-Output Economics* (1966), ch. 2;
    R. E. Miller and P. D. Blair, *Input-Output Analysis* (2009), ch. 2 (the price model).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
    ...                  sectors=["agriculture", "industry"])
    >>> ne.cost_push_prices(eco, [0.5, 0.25]).round(4).to_dict()  # v = l: p = λ
    {'agriculture': 0.7222, 'industry': 0.7778}
    """
    v = as_vector(value_added, economy.sectors, "value added", InvalidPriceError,
                  nonneg=False)
    p = economy.solve(v, transpose=True)
    out = pd.Series(p, index=economy.sectors, name="cost-push price")
    out.attrs["normalization"] = "prices in the money unit of the given value added"
    return out


# ---------------------------------------------------------------------- prices of production
@dataclasses.dataclass(frozen=True, eq=False)
class ProductionPrices:
    """Prices of production at a uniform profit rate (Sraffa, wages paid post factum).

    Attributes
    ----------
    prices : pandas.Series
        Price of each good.
    wage : float
        Wage per hour of labour (in the numeraire, or the money wage that was given).
    profit_rate : float
        The uniform rate of profits ``r``.
    max_profit_rate : float
        ``R = 1/ρ(A) - 1``.
    numeraire : pandas.Series or None
        The numeraire bundle ``d`` (``p·d = 1``), or None when a money wage was given.
    normalization : str
        What fixes the price level.
    components : pandas.DataFrame
        ``p = p A + r p A + w l`` by sector: columns ``means of production``,
        ``profits``, ``wages``, ``price``.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
    ...                  sectors=["agriculture", "industry"])
    >>> pp = ne.production_prices(eco, 0.5, numeraire="agriculture")
    >>> pp.to_frame().round(4)
                 means of production  profits   wages   price
    sector
    agriculture               0.3684   0.1842  0.4474  1.0000
    industry                  0.9737   0.4868  0.2237  1.6842
    """

    prices: pd.Series
    wage: float
    profit_rate: float
    max_profit_rate: float
    numeraire: pd.Series | None
    normalization: str
    components: pd.DataFrame = dataclasses.field(repr=False)

    def to_frame(self) -> pd.DataFrame:
        """The price decomposition by sector (a copy).

        >>> import nonequivalent as ne
        >>> eco = ne.Economy([[0.5]], labour=[1.0], sectors=["corn"])
        >>> ne.production_prices(eco, 0.0, numeraire="corn").to_frame()["wages"].tolist()
        [0.5]
        """
        return self.components.copy()

    def summary(self) -> str:
        """A printable summary.

        >>> import nonequivalent as ne
        >>> eco = ne.Economy([[0.5]], labour=[1.0], sectors=["corn"])
        >>> print(ne.production_prices(eco, 0.5, numeraire="corn").summary())
        Prices of production at r = 0.5 (R = 1)
        numeraire: good 'corn' (its price = 1)
        wage per hour w = 0.25
        ...
        """
        return "\n".join([
            f"Prices of production at r = {self.profit_rate:.6g} "
            f"(R = {self.max_profit_rate:.6g})",
            self.normalization,
            f"wage per hour w = {self.wage:.6g}",
            self.components.round(6).to_string(),
        ])

    def __str__(self) -> str:
        return self.summary()


def production_prices(economy: Economy, profit_rate: float, numeraire: Any = None,
                      wage: float | None = None) -> ProductionPrices:
    """Prices of production ``p = (1 + r) p A + w l`` (wages paid post factum).

    With the profit rate ``r`` given, ``p = w l (I - (1+r) A)^-1``; the numeraire
    ``p·d = 1`` fixes the wage ``w(r) = 1 / [l (I - (1+r) A)^-1 d]``. Labour of all kinds
    is added up in hours and paid one wage.

    Parameters
    ----------
    economy : Economy
    profit_rate : float
        ``0 <= r < R`` with ``R = 1/ρ(A) - 1`` (``economy.max_profit_rate``).
    numeraire : None, sector label, ``"standard"``, vector, Series or mapping
        What costs 1: None is one unit of every good (``p·1 = 1``); a sector label makes
        that good the numeraire; ``"standard"`` is Sraffa's standard net product (then
        ``w = 1 - r/R``); a bundle ``d`` (a mapping may list only some goods).
    wage : float, optional
        A money wage per hour instead of a numeraire; prices are then in money.

    Returns
    -------
    ProductionPrices

    Raises
    ------
    ProfitRateError
        ``r < 0`` or ``r >= R`` (the message gives ``R``).
    NotProductiveError
        The economy is not productive.
    InvalidPriceError
        Both ``numeraire`` and ``wage`` given, a non-positive wage, or a numeraire whose
        price would be zero.
    ConvergenceError
        Large sparse economies only: the Krylov solve of ``I - (1+r) A`` did not converge
        (``r`` very close to ``R``).

    Notes
    -----
    P. Sraffa, *Production of Commodities by Means of Commodities* (1960), ch. II (wages as
    a share of the surplus, paid post factum) and ch. IV (the standard commodity,
    ``r = R(1 - w)``); L. L. Pasinetti, *Lectures on the Theory of Production* (1977);
    H. D. Kurz and N. Salvadori, *Theory of Production* (1995), ch. 4.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
    ...                  sectors=["agriculture", "industry"])
    >>> eco.max_profit_rate
    1.0
    >>> pp = ne.production_prices(eco, 0.5, numeraire="standard")
    >>> round(pp.wage, 12)
    0.5
    >>> ne.production_prices(eco, 0.0, wage=1.0).prices.round(4).to_dict()  # = λ
    {'agriculture': 0.7222, 'industry': 0.7778}
    """
    r = _profit_rate(economy, profit_rate, allow_max=False)
    lab = economy.total_labour
    z = _integrated_labour(economy, 1.0 + r)
    if wage is not None:
        if numeraire is not None:
            raise InvalidPriceError("give either a numeraire or a money wage, not both.")
        try:
            w = float(wage)
        except (TypeError, ValueError):
            raise InvalidPriceError(f"the wage must be a number, got {wage!r}.") from None
        if not (math.isfinite(w) and w > 0):
            raise InvalidPriceError(f"the money wage must be positive and finite, got {w!r}.")
        d_series = None
        normalization = f"money wage w = {w:.6g} per hour (prices in money)"
    else:
        d, normalization, _ = _numeraire(economy, numeraire)
        value = float(z @ d)
        if not value > 0:
            raise InvalidPriceError(
                "the numeraire bundle would cost nothing: it consists of goods that need no "
                "labour directly or indirectly. Choose a numeraire containing produced goods "
                "that use labour.")
        w = 1.0 / value
        d_series = pd.Series(d, index=economy.sectors, name="numeraire")
    p = w * z
    pA = economy.A.T @ p
    comp = pd.DataFrame({"means of production": pA, "profits": r * pA,
                         "wages": w * lab, "price": p}, index=economy.sectors)
    return ProductionPrices(
        prices=pd.Series(p, index=economy.sectors, name="price of production"),
        wage=float(w), profit_rate=r, max_profit_rate=economy.max_profit_rate,
        numeraire=d_series, normalization=normalization, components=comp)


# ---------------------------------------------------------------------- wage-profit frontier
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
                         method: Literal["auto", "schur", "direct"] = "auto") -> pd.Series:
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

    Returns
    -------
    pandas.Series
        Wage per hour, indexed by profit rate; ``attrs["normalization"]`` names the
        numeraire.

    Raises
    ------
    ProfitRateError
        A rate below 0 or above ``R`` (or at ``R`` when the limit is not determined).
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
        raise ValueError(f"unknown method {method!r}; use 'auto', 'schur' or 'direct'.")
    rates = np.atleast_1d(np.asarray(profit_rates, dtype=float))
    if rates.ndim != 1:
        raise ProfitRateError("profit rates must be a number or a one-dimensional array.")
    economy.require_productive()
    R = economy.max_profit_rate
    bad = ~np.isfinite(rates) | (rates < 0) | (rates > R)
    if bad.any():
        raise ProfitRateError(
            f"profit rates {rates[bad][:5].tolist()} are outside [0, R] with "
            f"R = 1/ρ(A) - 1 = {R:.6g}; give rates 0 <= r <= R.")
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
    out = pd.Series(w, index=pd.Index(rates, name="profit rate"), name="wage")
    out.attrs["normalization"] = normalization
    return out


# ---------------------------------------------------------------------- uniform profit rate
def uniform_profit_rate(economy: Economy, basket: Any) -> float:
    """The uniform profit rate when wages are a real basket ``b`` per hour, advanced.

    Prices satisfy ``p = (1 + r) p (A + b l)``: the augmented matrix ``A + b l`` counts
    the workers' basket as a means of production. Hence ``ρ(A + b l) = 1/(1 + r)``
    (Perron–Frobenius), ``r = 1/ρ(A + b l) - 1``; with ``b = 0``, ``r = R``.

    Parameters
    ----------
    economy : Economy
    basket : vector, Series or mapping
        Goods the wage buys per hour of labour (all kinds added up in hours). A mapping
        may list only some goods.

    Returns
    -------
    float
        The profit rate (``inf`` if ``A + b l`` is nilpotent, e.g. ``A = 0`` and ``b = 0``).

    Raises
    ------
    ProfitRateError
        ``ρ(A + b l) > 1``: the basket costs more than the net product of an hour, so no
        non-negative uniform profit rate exists.

    Notes
    -----
    M. Morishima, *Marx's Economics* (1973); Pasinetti (1977); Kurz and Salvadori
    (1995), ch. 4 (wages advanced: the augmented input matrix).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
    ...                  sectors=["agriculture", "industry"])
    >>> round(ne.uniform_profit_rate(eco, {"agriculture": 0.4, "industry": 0.2}), 6)
    0.410546
    >>> ne.uniform_profit_rate(eco, {})  # no wage: r = R
    1.0
    """
    b = _bundle(basket, economy, "wage basket")
    lab = economy.total_labour
    if economy.is_sparse and economy.n > DENSE_LIMIT:
        A = sp.csr_array(economy.A)

        def matvec(x: np.ndarray) -> np.ndarray:
            return A @ x + b * (lab @ x)

        op = spla.LinearOperator((economy.n, economy.n), matvec=matvec, dtype=float)
        vals = spla.eigs(op, k=1, which="LM", return_eigenvectors=False, tol=1e-12,
                         maxiter=20_000)
        rho = float(np.abs(vals).max())
    else:
        rho = _spectral_radius_by_block(_dense(economy) + np.outer(b, lab))[0]
    if rho > 1.0:
        raise ProfitRateError(
            f"the wage basket costs more than the net product per hour: ρ(A + b l) = "
            f"{rho:.6g} > 1, so no non-negative uniform profit rate exists. Reduce the "
            "basket.")
    if rho == 0.0:
        return math.inf
    return 1.0 / rho - 1.0


# ---------------------------------------------------------------------- MELT
def _melt_parts(economy: Economy, p: np.ndarray, final_demand: Any,
                normalization: str) -> tuple[float, float, float, np.ndarray]:
    """``(μ, money, hours, y)``: the MELT, its numerator and denominator, the checked ``y``."""
    if normalization not in _MELT_NORMALIZATIONS:
        raise InvalidPriceError(
            f"unknown MELT normalization {normalization!r}; use 'new-interpretation' "
            "(μ = p·y / l·x) or 'total-price' (p·x = μ λ·x).")
    y = as_vector(final_demand, economy.sectors, "final demand", InvalidEconomyError,
                  nonneg=False)
    lam = economy.values_array
    if normalization == "new-interpretation":
        money, hours = float(p @ y), float(lam @ y)  # λ·y = l·x
        what = "net product"
    else:
        x = economy.solve(y)
        money, hours = float(p @ x), float(lam @ x)
        what = "gross output"
    if not hours > 0:
        raise InvalidEconomyError(
            f"the {what} embodies no labour (total {hours:.6g} hours); the MELT is "
            "undefined. Give a final demand that requires labour.")
    if not money > 0:
        raise InvalidPriceError(
            f"the {what} has no positive price total (p·{'y' if what == 'net product' else 'x'}"
            f" = {money:.6g}); the MELT is undefined. Check the prices.")
    return money / hours, money, hours, y


def melt(economy: Economy, prices: Any, final_demand: Any,
         normalization: MeltNormalization = "new-interpretation") -> float:
    """The monetary expression of labour time μ (money per hour).

    ``"new-interpretation"``: μ = p·y / l·x, the money value of the net product per hour
    of living labour (``l·x = λ·y`` for ``x = (I - A)^-1 y``).
    ``"total-price"``: μ = p·x / λ·x, so that total price equals μ times total value of
    gross output.

    Parameters
    ----------
    economy : Economy
    prices : vector, Series or mapping
        Actual prices by good.
    final_demand : vector, Series or mapping
        Net product ``y``; gross output is ``x = (I - A)^-1 y``.
    normalization : {"new-interpretation", "total-price"}

    Returns
    -------
    float

    Notes
    -----
    New Interpretation: G. Duménil, *De la valeur aux prix de production* (1980);
    D. K. Foley, "The value of money, the value of labor power and the net product",
    *Review of Radical Political Economics* 14(2) (1982), 37–47. Total price = total
    value: Marx, *Capital* III, ch. 9; A. Shaikh, "The empirical strength of the labour
    theory of value" (1998).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25])
    >>> ne.melt(eco, [1.0, 1.5], [100, 50])             # 175 / 111.11 hours
    1.575
    >>> round(ne.melt(eco, [1.0, 1.5], [100, 50], "total-price"), 6)   # 324/201
    1.61194
    """
    p = _prices(prices, economy)
    return _melt_parts(economy, p, final_demand, normalization)[0]


def labour_value_prices(economy: Economy, final_demand: Any = None, prices: Any = None,
                        normalization: MeltNormalization = "new-interpretation",
                        ) -> pd.Series:
    """Labour-value prices ``μ λ``: labour values in money at the MELT.

    Parameters
    ----------
    economy : Economy
    final_demand : vector, Series or mapping, optional
        Net product ``y`` (needed with ``prices``).
    prices : vector, Series or mapping, optional
        Actual prices; μ is computed from them with ``normalization``. Without prices,
        μ = 1 and the result is λ in hours.
    normalization : {"new-interpretation", "total-price"}

    Returns
    -------
    pandas.Series
        ``μ λ`` by good; ``attrs`` hold ``melt`` and ``normalization``.

    Notes
    -----
    Duménil (1980); Foley (1982); Shaikh (1998) — see :func:`melt`.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
    ...                  sectors=["agriculture", "industry"])
    >>> lvp = ne.labour_value_prices(eco, [100, 50], prices=[1.0, 1.5])
    >>> lvp.round(4).to_dict(), lvp.attrs["melt"]
    ({'agriculture': 1.1375, 'industry': 1.225}, 1.575)
    """
    lam = economy.values_array
    if prices is None:
        mu, how = 1.0, "μ = 1 (prices in hours)"
    else:
        if final_demand is None:
            raise InvalidPriceError("labour-value prices from actual prices need the final "
                                    "demand y to compute the MELT; pass final_demand.")
        p = _prices(prices, economy)
        mu = _melt_parts(economy, p, final_demand, normalization)[0]
        how = (f"MELT by the New Interpretation, μ = p·y / l·x = {mu:.6g}"
               if normalization == "new-interpretation"
               else f"MELT by total price = total value, μ = p·x / λ·x = {mu:.6g}")
    out = pd.Series(mu * lam, index=economy.sectors, name="labour-value price")
    out.attrs.update(melt=mu, normalization=how)
    return out


# ---------------------------------------------------------------------- New Interpretation
@dataclasses.dataclass(frozen=True, eq=False)
class NewInterpretation:
    """The New Interpretation accounts of an economy at given prices and wages.

    Attributes
    ----------
    melt : float
        μ = p·y / l·x, money per hour.
    hours : float
        Living labour ``l·x`` (= ``λ·y``), hours.
    net_product : float
        ``p·y``, money.
    wages : float
        Wage bill ``W = sum_k w_k l_k·x``, money.
    profit : float
        Total profit ``Π = p·y - W``, money.
    value_of_labour_power : float
        ``W / (μ l·x)``: hours of value received per hour worked (``w/μ`` for one wage).
    value_of_labour_power_by_kind : pandas.Series
        ``w_k / μ`` for each labour kind.
    surplus_value : float
        ``S = l·x - W/μ``, hours.
    rate_of_surplus_value : float
        ``S / (W/μ)`` (``inf`` when no wages are paid).
    normalization : str

    Notes
    -----
    The identity ``Π = μ S`` holds by construction: ``μ S = μ l·x - W = p·y - W``.
    Duménil (1980); Foley (1982); D. K. Foley, *Understanding Capital* (1986), ch. 2.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25])
    >>> ni = ne.new_interpretation(eco, [1.0, 1.5], [100, 50], wage=0.9)
    >>> round(ni.profit, 9), round(ni.melt * ni.surplus_value, 9)
    (75.0, 75.0)
    >>> round(ni.rate_of_surplus_value, 12)
    0.75
    """

    melt: float
    hours: float
    net_product: float
    wages: float
    profit: float
    value_of_labour_power: float
    value_of_labour_power_by_kind: pd.Series
    surplus_value: float
    rate_of_surplus_value: float
    normalization: str

    @property
    def identity_gap(self) -> float:
        """``Π - μ S`` (zero up to rounding).

        >>> import nonequivalent as ne
        >>> eco = ne.Economy([[0.5]], labour=[1.0])
        >>> abs(ne.new_interpretation(eco, [2.0], [1.0], wage=1.0).identity_gap) < 1e-12
        True
        """
        return self.profit - self.melt * self.surplus_value

    def to_frame(self) -> pd.DataFrame:
        """The accounts as a table with columns ``hours`` and ``money``.

        >>> import nonequivalent as ne
        >>> eco = ne.Economy([[0.5]], labour=[1.0])
        >>> ne.new_interpretation(eco, [2.0], [1.0], wage=0.5).to_frame()
                            hours  money
        net product           2.0    2.0
        variable capital      1.0    1.0
        surplus value         1.0    1.0
        """
        mu = self.melt
        v_hours = self.wages / mu
        return pd.DataFrame(
            {"hours": [self.hours, v_hours, self.surplus_value],
             "money": [self.net_product, self.wages, self.profit]},
            index=pd.Index(["net product", "variable capital", "surplus value"]))

    def summary(self) -> str:
        """A printable summary.

        >>> import nonequivalent as ne
        >>> eco = ne.Economy([[0.5]], labour=[1.0])
        >>> print(ne.new_interpretation(eco, [2.0], [1.0], wage=1.0).summary())
        New Interpretation accounts
        MELT by the New Interpretation, μ = p·y / l·x = 1
        ...
        """
        return "\n".join([
            "New Interpretation accounts",
            self.normalization,
            self.to_frame().round(6).to_string(),
            f"value of labour power per hour: {self.value_of_labour_power:.6g}",
            f"rate of surplus value: {self.rate_of_surplus_value:.6g}",
            f"profit - μ × surplus value = {self.identity_gap:.3g}",
        ])

    def __str__(self) -> str:
        return self.summary()


def new_interpretation(economy: Economy, prices: Any, final_demand: Any,
                       wage: float | Mapping[Hashable, float] | pd.Series,
                       ) -> NewInterpretation:
    """New Interpretation accounts: MELT, value of labour power, surplus value, profit.

    μ = p·y / l·x; the value of labour power is the wage divided by μ; surplus value is
    living labour minus the value of labour power; total profit equals μ times total
    surplus value exactly.

    Parameters
    ----------
    economy : Economy
    prices : vector, Series or mapping
        Actual prices.
    final_demand : vector, Series or mapping
        Net product ``y``.
    wage : float or mapping {labour kind: wage}
        Money wage per hour, one for all kinds or one per kind.

    Returns
    -------
    NewInterpretation

    Raises
    ------
    InvalidPriceError
        Negative or non-finite wage; prices that give no positive net product.
    LabelMismatchError
        Wages for unknown labour kinds (or missing kinds).

    Notes
    -----
    Duménil (1980); Foley (1982), *Review of Radical Political Economics* 14(2).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]],
    ...                  labour={"peasant": [0.5, 0.0], "worker": [0.0, 0.25]})
    >>> ni = ne.new_interpretation(eco, [1.0, 1.5], [100, 50],
    ...                            wage={"peasant": 0.5, "worker": 1.5})
    >>> ni.value_of_labour_power_by_kind.round(4).to_dict()
    {'peasant': 0.3175, 'worker': 0.9524}
    """
    p = _prices(prices, economy)
    mu, money, hours, y = _melt_parts(economy, p, final_demand, "new-interpretation")
    kinds = economy.labour_kinds
    if isinstance(wage, Mapping | pd.Series):
        w = as_vector(wage, kinds, "wages by labour kind", InvalidPriceError)
    else:
        try:
            wf = float(wage)
        except (TypeError, ValueError):
            raise InvalidPriceError(f"the wage must be a number or a mapping by labour "
                                    f"kind, got {wage!r}.") from None
        w = as_vector(np.full(len(kinds), wf), kinds, "wage", InvalidPriceError)
    hours_by_kind = economy.labour_values(by_kind=True).to_numpy() @ y  # Λ y = Lk x
    wages = float(w @ hours_by_kind)
    profit = money - wages
    v_hours = wages / mu
    surplus = hours - v_hours
    rate = surplus / v_hours if v_hours > 0 else math.inf
    return NewInterpretation(
        melt=mu, hours=hours, net_product=money, wages=wages, profit=profit,
        value_of_labour_power=v_hours / hours,
        value_of_labour_power_by_kind=pd.Series(w / mu, index=kinds,
                                                name="value of labour power"),
        surplus_value=surplus, rate_of_surplus_value=rate,
        normalization=f"MELT by the New Interpretation, μ = p·y / l·x = {mu:.6g}")


# ---------------------------------------------------------------------- deviations
@dataclasses.dataclass(frozen=True, eq=False)
class PriceValueDeviation:
    """How far prices deviate from labour values, after a named normalization.

    Attributes
    ----------
    normalization : str
        How the prices were scaled to the values before comparing.
    prices : pandas.Series
        The normalized prices ``p̃``.
    values : pandas.Series
        The labour values ``λ``.
    weights : pandas.Series or None
        Output weights ``x`` (None: every good counts equally).
    mean_absolute_deviation : float
        ``sum_j s_j |p̃_j/λ_j - 1|`` with shares ``s_j = 1/n`` or, weighted,
        ``s_j = x_j λ_j / λ·x`` (Shaikh's mean absolute weighted deviation).
    rms_percent : float
        ``100 sqrt(sum_j s_j (p̃_j/λ_j - 1)^2)``.
    angle : float
        Angle between ``p`` and ``λ`` in radians (independent of the normalization).
    d_distance : float
        Steedman–Tomkins ``d = sqrt(2 (1 - cos θ))``, θ the angle between the vector of
        price–value ratios ``p_j/λ_j`` and the unit vector; numeraire-free. This is the
        form in which the measure is usually quoted; it was implemented from that form,
        not checked against the 1998 article itself.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> dev = ne.price_value_deviation([2.0, 2.0], [1.0, 3.0])
    >>> dev.prices.tolist()                          # scaled so that Σp̃ = Σλ
    [2.0, 2.0]
    >>> round(dev.mean_absolute_deviation, 6)        # (|2/1-1| + |2/3-1|)/2
    0.666667
    """

    normalization: str
    prices: pd.Series
    values: pd.Series
    weights: pd.Series | None
    mean_absolute_deviation: float
    rms_percent: float
    angle: float
    d_distance: float

    @property
    def angle_degrees(self) -> float:
        """The angle between ``p`` and ``λ`` in degrees.

        >>> import nonequivalent as ne
        >>> round(ne.price_value_deviation([1.0, 2.0], [2.0, 1.0]).angle_degrees, 4)
        36.8699
        """
        return math.degrees(self.angle)

    def to_frame(self) -> pd.DataFrame:
        """Per good: value, normalized price, ratio and relative deviation.

        >>> import nonequivalent as ne
        >>> ne.price_value_deviation([2.0, 2.0], [1.0, 3.0]).to_frame()
           value  price     ratio  deviation
        0    1.0    2.0  2.000000   1.000000
        1    3.0    2.0  0.666667  -0.333333
        """
        ratio = self.prices / self.values
        return pd.DataFrame({"value": self.values, "price": self.prices,
                             "ratio": ratio, "deviation": ratio - 1.0})

    def summary(self) -> str:
        """A printable summary.

        >>> import nonequivalent as ne
        >>> print(ne.price_value_deviation([2.0, 2.0], [1.0, 3.0]).summary())
        Price–value deviation (prices scaled so that Σ p̃ = Σ λ (unweighted))
        mean absolute deviation: 0.666667
        ...
        """
        return "\n".join([
            f"Price–value deviation ({self.normalization})",
            f"mean absolute deviation: {self.mean_absolute_deviation:.6g}",
            f"root mean square deviation: {self.rms_percent:.6g} %",
            f"angle between p and λ: {self.angle_degrees:.6g}°",
            f"d-distance (Steedman–Tomkins): {self.d_distance:.6g}",
        ])

    def __str__(self) -> str:
        return self.summary()


def _angle(u: np.ndarray, v: np.ndarray) -> float:
    """Angle between two non-zero vectors, accurate near 0 (Kahan's formula)."""
    a = u / np.linalg.norm(u)
    b = v / np.linalg.norm(v)
    return float(2.0 * math.atan2(float(np.linalg.norm(a - b)), float(np.linalg.norm(a + b))))


def price_value_deviation(prices: Any, values: Any, weights: Any = None,
                          normalization: Literal["total", "mean-ratio", "none"] = "total",
                          ) -> PriceValueDeviation:
    """Measures of the deviation of prices from labour values.

    Prices are first scaled to the values by ``normalization``:
    ``"total"`` — total price = total value, ``p̃·x = λ·x`` with the output weights ``x``
    (``Σ p̃ = Σ λ`` unweighted); ``"mean-ratio"`` — the (share-weighted) mean of
    ``p̃_j/λ_j`` is 1; ``"none"`` — prices are already comparable (e.g. ``μ λ`` prices at
    the MELT). The angle and the d-distance do not depend on the normalization.

    Parameters
    ----------
    prices, values : vector or Series
        Prices and positive labour values by good (Series are aligned by label).
    weights : vector or Series, optional
        Gross outputs ``x`` to weight goods by the value of their output.
    normalization : {"total", "mean-ratio", "none"}

    Returns
    -------
    PriceValueDeviation

    Raises
    ------
    InvalidPriceError
        Negative, non-finite or all-zero prices; values not all positive; bad weights.
    LabelMismatchError
        Labels of prices, values and weights differ.

    Notes
    -----
    A. Shaikh, "The empirical strength of the labour theory of value", in R. Bellofiore
    (ed.), *Marxian Economics: A Reappraisal*, vol. 2 (1998) (mean absolute weighted
    deviation); I. Steedman and J. Tomkins, "On measuring the deviation of prices from
    values", *Cambridge Journal of Economics* 22(3) (1998), 379–385 (the d-distance).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> dev = ne.price_value_deviation([1.0, 2.0], [2.0, 1.0], weights=[1.0, 1.0])
    >>> round(dev.rms_percent, 4), round(dev.d_distance, 6)
    (70.7107, 0.533867)
    """
    if isinstance(values, pd.Series):
        index = pd.Index(values.index)
    elif isinstance(prices, pd.Series):
        index = pd.Index(prices.index)
    else:
        index = pd.RangeIndex(int(np.size(values)))
    lam = as_vector(values, index, "values", InvalidPriceError)
    if not np.all(lam > 0):
        raise InvalidPriceError(
            f"values must be positive to compare prices with them; zero at "
            f"{list(index[lam <= 0])[:10]}.")
    p = as_vector(prices, index, "prices", InvalidPriceError)
    if not p.any():
        raise InvalidPriceError("prices are all zero; nothing to compare.")
    if weights is None:
        shares = np.full(lam.size, 1.0 / lam.size)
        wser = None
        wdesc = "unweighted"
        wvec = np.ones(lam.size)
    else:
        wvec = as_vector(weights, index, "weights (gross output)", InvalidPriceError)
        if not wvec.any():
            raise InvalidPriceError("weights are all zero; give gross outputs.")
        shares = wvec * lam / float(wvec @ lam)
        wser = pd.Series(wvec, index=index, name="weight")
        wdesc = "weighted by output"
    if normalization == "total":
        total = float(wvec @ p)
        if not total > 0:
            raise InvalidPriceError("the weighted goods have zero total price; cannot "
                                    "normalize total price to total value.")
        scale = float(wvec @ lam) / total
        desc = (f"prices scaled so that total price = total value, p̃·x = λ·x ({wdesc})"
                if weights is not None else f"prices scaled so that Σ p̃ = Σ λ ({wdesc})")
    elif normalization == "mean-ratio":
        scale = 1.0 / float(shares @ (p / lam))
        desc = f"prices scaled so that the mean price–value ratio is 1 ({wdesc})"
    elif normalization == "none":
        scale = 1.0
        desc = f"prices compared as given ({wdesc})"
    else:
        raise InvalidPriceError(f"unknown normalization {normalization!r}; use 'total', "
                                "'mean-ratio' or 'none'.")
    pt = p * scale
    dev = pt / lam - 1.0
    mad = float(shares @ np.abs(dev))
    rms = 100.0 * math.sqrt(float(shares @ dev**2))
    theta = _angle(p, lam)
    ratios = p / lam
    e = np.ones(lam.size)
    d = float(np.linalg.norm(ratios / np.linalg.norm(ratios) - e / np.linalg.norm(e)))
    return PriceValueDeviation(
        normalization=desc,
        prices=pd.Series(pt, index=index, name="price"),
        values=pd.Series(lam, index=index, name="value"),
        weights=wser, mean_absolute_deviation=mad, rms_percent=rms, angle=theta,
        d_distance=d)
