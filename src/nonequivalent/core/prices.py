"""Prices of production: cost-push prices, prices of production with wages paid post factum
or advanced, the maximum and the uniform profit rate.

Each model reuses the factorization held by :class:`~nonequivalent.Economy` where the matrix
is ``I - A`` itself (cost-push prices) and factorizes ``I - (1 + r) A`` only where the
profit rate changes the matrix. The wage–profit frontier over many profit rates is in
:mod:`nonequivalent.core.frontier` (its old path ``nonequivalent.core.prices.wage_profit_frontier``
still resolves, with a ``DeprecationWarning``).

Labour of several kinds is added up in hours (homogeneous labour, one wage per hour).
Every result says which normalization (numeraire) it uses.

Two wage conventions are offered, named ``wages=`` wherever they matter:

* ``"post-factum"`` (default): ``p = (1 + r) p A + w l``, profit on the means of production
  only, wages paid out of the product (P. Sraffa, *Production of Commodities by Means of
  Commodities* (1960), §9);
* ``"advanced"``: ``p = (1 + r) (p A + w l)``, profit on wages too, as in Marx's
  *Capital* III, ch. 9, L. von Bortkiewicz (1907) and N. Okishio (1961).

Sources: Sraffa (1960), ch. II–IV; L. L. Pasinetti, *Lectures on the Theory of Production*
(1977); H. D. Kurz and N. Salvadori, *Theory of Production: A Long-Period Analysis*
(1995), ch. 4; L. von Bortkiewicz, "Zur Berichtigung der grundlegenden theoretischen
Konstruktion von Marx im dritten Band des *Kapital*", *Jahrbücher für Nationalökonomie und
Statistik* 34 (1907), 319–335 (English in P. M. Sweezy (ed.), *Karl Marx and the Close of
His System* (1949)); P. M. Sweezy, *The Theory of Capitalist Development* (1942), ch. VII.

>>> import nonequivalent as ne
>>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
...                  sectors=["agriculture", "industry"])
>>> pp = ne.production_prices(eco, 0.5, numeraire="agriculture")
>>> round(pp.wage, 6), pp.prices.round(6).to_dict()
(0.894737, {'agriculture': 1.0, 'industry': 1.684211})
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Hashable, Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd
import scipy.linalg as sla

from .._deprecation import moved_names
from .._results import Result, format_number
from .._solvers import _krylov_solve, _spectral_radius_by_block
from .._solvers import sparse as sp
from .._validation import as_array, as_bundle, as_float, as_number, as_vector, require_finite
from ..errors import (
    ConvergenceError,
    InvalidEconomyError,
    InvalidPriceError,
    LabelMismatchError,
    NumericalRangeError,
    ProfitRateError,
)
from .economy import PRODUCTIVITY_MARGIN, Economy

__all__ = [
    "ProductionPrices",
    "UniformProfitRate",
    "cost_push_prices",
    "max_profit_rate",
    "production_prices",
    "uniform_profit_rate",
]

#: Names that moved to their own module; the old paths warn and still resolve.
_MOVED = {"wage_profit_frontier": "frontier"}

__getattr__ = moved_names(__name__, _MOVED)

#: Sparse economies up to this size are converted to dense arrays where a dense
#: factorization (Schur, eigenvalues) is needed; larger ones use iterative methods.
DENSE_LIMIT = 2000

Wages = Literal["post-factum", "advanced"]
_WAGES = ("post-factum", "advanced")


# ---------------------------------------------------------------------- helpers
def _wages(wages: Any) -> str:
    if wages not in _WAGES:
        raise InvalidPriceError(f"wages must be 'post-factum' (Sraffa: p = (1+r) pA + wl) or "
                                f"'advanced' (p = (1+r)(pA + wl)); got {wages!r}.")
    return wages


def _dense(eco: Economy) -> np.ndarray:
    return eco.A.toarray() if eco.is_sparse else np.asarray(eco.A)


def _bundle(data: Any, eco: Economy, what: str) -> np.ndarray:
    """A bundle of goods: a mapping/Series may name only some goods (the rest are zero);
    a list or array is positional with exactly one entry per sector."""
    return as_bundle(data, eco.sectors, what, InvalidPriceError)


#: Rates with ``R - r <= NEAR_R (1 + R)`` (but ``r < R``) are refused. Near ``R`` the
#: resolvent ``(I - (1+r) A)^-1`` has condition about ``(1 + R) / (R - r)``, so the
#: computed wage carries a relative error of about ``eps (1 + R) / (R - r)`` (eps the
#: float spacing at 1); at this distance that is about 1e-6 (Golub and Van Loan 2013,
#: sect. 2.6, the perturbation of a linear system). Closer in, the two frontier methods
#: disagree in the leading digit and the solve may fail outright.
NEAR_R = 1e6 * float(np.finfo(float).eps)


def _refuse_near_R(rates: np.ndarray, R: float) -> None:
    """Raise :class:`NumericalRangeError` for rates below ``R`` within ``NEAR_R (1 + R)``."""
    near = (rates < R) & (R - rates <= NEAR_R * (1.0 + R)) & np.isfinite(R)
    if near.any():
        raise NumericalRangeError(
            f"profit rates {rates[near][:5].tolist()} are too close to R = {R:.17g} for "
            "floating point: at a distance below "
            f"{NEAR_R:.1e} (1 + R) the wage has no digit it can vouch for (I - (1+r) A "
            "is numerically singular). Give a rate farther from R (wage_profit_frontier "
            "also takes r = R itself, where w = 0).")


def _profit_rate(eco: Economy, r: Any, *, allow_max: bool) -> float:
    r = as_float(r, "the profit rate", ProfitRateError)
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
    _refuse_near_R(np.array([r]), R)
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
        import scipy.sparse.linalg as spla

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
                  nonneg=False, broadcast=False)
    p = economy.solve(v, transpose=True)
    out = pd.Series(p, index=economy.sectors, name="cost-push price")
    out.attrs["normalization"] = "prices in the money unit of the given value added"
    return out



# ---------------------------------------------------------------------- prices of production
@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class ProductionPrices(Result):
    """Prices of production at a uniform profit rate, wages post factum or advanced.

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
        The price by sector in parts: columns ``means of production`` (``p A``),
        ``wages`` (``w l``), ``profits`` and ``price``. Profits are ``r p A`` with wages
        post factum and ``r (p A + w l)`` with wages advanced.
    wages : {"post-factum", "advanced"}
        The wage convention (see :func:`production_prices`).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
    ...                  sectors=["agriculture", "industry"])
    >>> pp = ne.production_prices(eco, 0.5, numeraire="agriculture")
    >>> pp.to_frame().round(4)
                 means of production   wages  profits   price
    sector
    agriculture               0.3684  0.4474   0.1842  1.0000
    industry                  0.9737  0.2237   0.4868  1.6842
    >>> pp
    ProductionPrices(profit rate r=0.5000, maximum profit rate R=1.000, wage w=0.8947 per
    hour; numeraire: good 'agriculture' (its price = 1), wages paid post factum)
    """

    prices: pd.Series
    wage: float
    profit_rate: float
    max_profit_rate: float
    numeraire: pd.Series | None
    normalization: str
    components: pd.DataFrame
    wages: str = "post-factum"

    _title = "Prices of production"

    @property
    def title(self) -> str:
        """Title with the profit rate."""
        return f"Prices of production at r = {format_number(self.profit_rate)}"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Profit rate, maximum profit rate and wage."""
        return [("profit rate r", self.profit_rate, ""),
                ("maximum profit rate R", self.max_profit_rate, ""),
                ("wage w", self.wage, "per hour")]

    def benchmark_name(self) -> str:
        """The numeraire and the wage convention."""
        return f"{self.normalization}, wages paid {self.wages.replace('-', ' ')}"

    def to_frame(self) -> pd.DataFrame:
        """The price decomposition by sector (a copy).

        >>> import nonequivalent as ne
        >>> eco = ne.Economy([[0.5]], labour=[1.0], sectors=["corn"])
        >>> ne.production_prices(eco, 0.0, numeraire="corn").to_frame()["wages"].tolist()
        [0.5]
        """
        return self.components

    def summary(self) -> str:
        """A printable summary.

        >>> import nonequivalent as ne
        >>> eco = ne.Economy([[0.5]], labour=[1.0], sectors=["corn"])
        >>> print(ne.production_prices(eco, 0.5, numeraire="corn").summary())
        Prices of production at r = 0.5000
        numeraire: good 'corn' (its price = 1), wages paid post factum
        profit rate r         : 0.5000
        maximum profit rate R : 1.000
        wage w                : 0.2500 per hour
        ...
        """
        return super().summary()


def production_prices(economy: Economy, profit_rate: float, numeraire: Any = None,
                      wage: float | None = None,
                      wages: Wages = "post-factum") -> ProductionPrices:
    """Prices of production at a uniform profit rate ``r``, wages post factum or advanced.

    ``wages="post-factum"`` (Sraffa): ``p = (1 + r) p A + w l``, so
    ``p = w l (I - (1+r) A)^-1`` and the numeraire ``p·d = 1`` fixes
    ``w(r) = 1 / [l (I - (1+r) A)^-1 d]``.

    ``wages="advanced"`` (Marx, Bortkiewicz, Okishio): ``p = (1 + r)(p A + w l)``, profit
    is earned on the wage advance too, so ``p = (1 + r) w l (I - (1+r) A)^-1`` and
    ``w(r) = 1 / [(1 + r) l (I - (1+r) A)^-1 d]``. With a real wage basket ``b`` per hour
    (``w = p·b``) the profit rate is the one :func:`uniform_profit_rate` finds.

    Labour of all kinds is added up in hours and paid one wage.

    Parameters
    ----------
    economy : Economy
    profit_rate : float
        ``0 <= r < R`` with ``R = 1/ρ(A) - 1`` (``ne.max_profit_rate(economy)``).
    numeraire : None, sector label, ``"standard"``, vector, Series or mapping
        What costs 1: None is one unit of every good (``p·1 = 1``); a sector label makes
        that good the numeraire; ``"standard"`` is Sraffa's standard net product (then
        ``w = 1 - r/R`` post factum); a bundle ``d`` (a mapping may list only some goods).
    wage : float, optional
        A money wage per hour instead of a numeraire; prices are then in money.
    wages : {"post-factum", "advanced"}
        When wages are paid: out of the product (default, Sraffa 1960, §9) or advanced
        with the means of production (profit on wages too).

    Returns
    -------
    ProductionPrices

    Raises
    ------
    ProfitRateError
        ``r < 0`` or ``r >= R`` (the message gives ``R``).
    NumericalRangeError
        ``r`` below ``R`` but within :data:`NEAR_R` ``(1 + R)`` of it, where floating
        point cannot resolve the wage (the rule of :func:`wage_profit_frontier`).
    NotProductiveError
        The economy is not productive.
    InvalidPriceError
        Both ``numeraire`` and ``wage`` given, a non-positive wage, a numeraire whose
        price would be zero, or an unknown ``wages`` convention.
    ConvergenceError
        Large sparse economies only: the Krylov solve of ``I - (1+r) A`` did not converge
        (``r`` very close to ``R``).

    Notes
    -----
    P. Sraffa, *Production of Commodities by Means of Commodities* (1960), ch. II (wages as
    a share of the surplus, paid post factum) and ch. IV (the standard commodity,
    ``r = R(1 - w)``); L. L. Pasinetti, *Lectures on the Theory of Production* (1977);
    H. D. Kurz and N. Salvadori, *Theory of Production* (1995), ch. 4. Wages advanced:
    Marx, *Capital* III, ch. 9; Bortkiewicz (1907); N. Okishio, "Technical changes and the
    rate of profit", *Kobe University Economic Review* 7 (1961).

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

    Bortkiewicz's 1907 example, as tabulated by Sweezy (1942, ch. VII): three departments
    (means of production, wage goods, gold) with values ``c + v + s`` of
    ``225 + 90 + 60 = 375``, ``100 + 120 + 80 = 300`` and ``50 + 90 + 60 = 200``, a rate of
    surplus value of 2/3 and wages advanced. Per unit of output (value 1 each):
    ``A`` has the means of production in row 1, hours ``l = (v + s)/x`` and the wage basket
    is 0.6 units of wage goods per hour. At ``r = 25 %`` with gold as numeraire the prices
    are 1.28, 16/15 and 1, and the departments' products sell for 480, 320 and 200
    (total price 1,000 against total value 875; total profit 200 = total surplus value):

    >>> bk = ne.Economy([[0.6, 1/3, 0.25], [0, 0, 0], [0, 0, 0]],
    ...                 labour=[150/375, 200/300, 150/200],
    ...                 sectors=["means of production", "wage goods", "gold"])
    >>> upr = ne.uniform_profit_rate(bk, {"wage goods": 0.6}, numeraire="gold")
    >>> round(upr.profit_rate, 12)
    0.25
    >>> pp = ne.production_prices(bk, 0.25, numeraire="gold", wages="advanced")
    >>> (pp.prices * [375, 300, 200]).round(9).tolist()
    [480.0, 320.0, 200.0]
    >>> round(pp.wage, 12), round(float(pp.prices["wage goods"] * 0.6), 12)  # w = p·b
    (0.64, 0.64)
    >>> round(float((pp.to_frame()["profits"] * [375, 300, 200]).sum()), 9)
    200.0
    """
    wages = _wages(wages)
    r = _profit_rate(economy, profit_rate, allow_max=False)
    lab = economy.total_labour
    z = _integrated_labour(economy, 1.0 + r)
    advance = (1.0 + r) if wages == "advanced" else 1.0
    if wage is not None:
        if numeraire is not None:
            raise InvalidPriceError("give either a numeraire or a money wage, not both.")
        w = as_number(wage, "the money wage", InvalidPriceError)
        d_series = None
        normalization = f"money wage w = {format_number(w)} per hour (prices in money)"
    else:
        d, normalization, _ = _numeraire(economy, numeraire)
        value = float(z @ d) * advance
        if not value > 0:
            raise InvalidPriceError(
                "the numeraire bundle would cost nothing: it consists of goods that need no "
                "labour directly or indirectly. Choose a numeraire containing produced goods "
                "that use labour.")
        w = 1.0 / value
        d_series = pd.Series(d, index=economy.sectors, name="numeraire")
    with np.errstate(over="ignore", invalid="ignore"):
        p = require_finite(advance * w * z, "prices of production")
        pA = economy.A.T @ p
        wl = w * lab
        profits = r * (pA + wl) if wages == "advanced" else r * pA
    require_finite([pA, wl, profits], "the parts of the prices of production")
    comp = pd.DataFrame({"means of production": pA, "wages": wl, "profits": profits,
                         "price": p}, index=economy.sectors)
    return ProductionPrices(
        prices=pd.Series(p, index=economy.sectors, name="price of production"),
        wage=float(w), profit_rate=r, max_profit_rate=economy.max_profit_rate,
        numeraire=d_series, normalization=normalization, components=comp, wages=wages)


def max_profit_rate(economy: Economy | Any) -> float:
    """The maximum profit rate ``R = 1/ρ(A) - 1`` (the profit rate at a zero wage).

    The same number as the property ``economy.max_profit_rate``, as a function like
    :func:`nonequivalent.exact.max_profit_rate`; it also takes a bare matrix ``A``.

    Parameters
    ----------
    economy : Economy or square array-like
        An economy, or its technical matrix ``A`` (non-negative).

    Returns
    -------
    float
        ``R`` (``inf`` for a nilpotent ``A``, e.g. no produced inputs).

    Raises
    ------
    NotProductiveError
        ρ(A) >= 1: no positive profit rate exists.

    Notes
    -----
    Sraffa (1960), ch. IV (the maximum rate of profits ``R``).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> ne.max_profit_rate([[0.5]])
    1.0
    >>> ne.max_profit_rate(ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[1, 1]))
    1.0
    """
    if not isinstance(economy, Economy):
        A = np.asarray(as_array(economy, "technical coefficients A", InvalidEconomyError))
        if A.ndim == 0:
            A = A.reshape(1, 1)
        economy = Economy(A, labour=np.zeros(A.shape[0] if A.ndim == 2 else 0))
    economy.require_productive()
    return economy.max_profit_rate


# ---------------------------------------------------------------------- uniform profit rate
@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class UniformProfitRate(Result):
    """The uniform profit rate of a real wage basket, and the prices that go with it.

    Attributes
    ----------
    profit_rate : float
        ``r = 1/ρ(A + b l) - 1`` (``inf`` when ``A + b l`` is nilpotent).
    prices : pandas.Series or None
        Prices of production with wages advanced, ``p = (1 + r)(p A + (p·b) l)``, in the
        numeraire (None when ``r`` is infinite: prices are then not determined).
    wage : float or None
        The money wage per hour ``w = p·b`` in the numeraire.
    basket : pandas.Series
        The real wage ``b`` per hour.
    max_profit_rate : float
        ``R = 1/ρ(A) - 1``, the rate at ``b = 0``.
    normalization : str
        The numeraire.

    ``float(result)`` is the profit rate.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.5]], labour=[1.0], sectors=["corn"])
    >>> res = ne.uniform_profit_rate(eco, [0.2])
    >>> round(float(res), 6), res.prices.round(6).tolist()
    (0.428571, [1.0])
    """

    profit_rate: float
    prices: pd.Series | None
    wage: float | None
    basket: pd.Series
    max_profit_rate: float
    normalization: str

    _title = "Uniform profit rate (wages advanced)"

    def __float__(self) -> float:
        return float(self.profit_rate)

    def __format__(self, spec: str) -> str:
        """Formats as the profit rate (``f"{res:.4f}"``)."""
        return format(float(self.profit_rate), spec)

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Profit rate, maximum profit rate, wage."""
        figs: list[tuple[str, Any, str]] = [("profit rate r", self.profit_rate, ""),
                                            ("maximum profit rate R", self.max_profit_rate,
                                             "")]
        if self.wage is not None:
            figs.append(("wage w = p·b", self.wage, "per hour"))
        return figs

    def benchmark_name(self) -> str:
        """The numeraire."""
        return self.normalization

    def to_frame(self) -> pd.DataFrame:
        """Basket and price by good."""
        return pd.DataFrame({"basket": self.basket,
                             "price": (self.prices if self.prices is not None
                                       else np.nan)})


def uniform_profit_rate(economy: Economy, basket: Any,
                        numeraire: Any = None) -> UniformProfitRate:
    """The uniform profit rate when wages are a real basket ``b`` per hour, advanced.

    Prices satisfy ``p = (1 + r) p (A + b l)``: the augmented matrix ``A + b l`` counts
    the workers' basket as a means of production. Hence ``ρ(A + b l) = 1/(1 + r)``
    (Perron–Frobenius), ``r = 1/ρ(A + b l) - 1``; with ``b = 0``, ``r = R``. The prices are
    those of :func:`production_prices` at that ``r`` with ``wages="advanced"``; their wage
    buys exactly the basket (``w = p·b``).

    Parameters
    ----------
    economy : Economy
    basket : vector, Series or mapping
        Goods the wage buys per hour of labour (all kinds added up in hours). A mapping
        may list only some goods; a list or array needs one entry per sector.
    numeraire : as in :func:`production_prices`

    Returns
    -------
    UniformProfitRate
        ``.profit_rate`` and ``.prices`` (``float(result)`` is the rate).

    Raises
    ------
    NotProductiveError
        The economy itself is not productive (ρ(A) >= 1): no profit rate is defined.
    ProfitRateError
        ``ρ(A + b l) > 1``: the basket costs more than the net product of an hour, so no
        non-negative uniform profit rate exists.

    Notes
    -----
    M. Morishima, *Marx's Economics* (1973); Pasinetti (1977); Kurz and Salvadori
    (1995), ch. 4 (wages advanced: the augmented input matrix); Bortkiewicz (1907).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
    ...                  sectors=["agriculture", "industry"])
    >>> round(ne.uniform_profit_rate(eco, {"agriculture": 0.4, "industry": 0.2}).profit_rate, 6)
    0.410546
    >>> ne.uniform_profit_rate(eco, {}).profit_rate  # no wage: r = R
    1.0
    """
    b = _bundle(basket, economy, "wage basket")
    economy.require_productive()
    lab = economy.total_labour
    if economy.is_sparse and economy.n > DENSE_LIMIT:
        import scipy.sparse.linalg as spla

        A = sp.csr_array(economy.A)

        def matvec(x: np.ndarray) -> np.ndarray:
            return A @ x + b * (lab @ x)

        op = spla.LinearOperator((economy.n, economy.n), matvec=matvec, dtype=float)
        vals = spla.eigs(op, k=1, which="LM", return_eigenvectors=False, tol=1e-12,
                         maxiter=20_000)
        rho = float(np.abs(vals).max())
    else:
        with np.errstate(over="ignore", invalid="ignore"):
            M = _dense(economy) + np.outer(b, lab)
        require_finite(M, "the augmented matrix A + b l")
        rho = _spectral_radius_by_block(M)[0]
    if rho > 1.0 + PRODUCTIVITY_MARGIN:
        raise ProfitRateError(
            f"the wage basket costs more than the net product per hour: ρ(A + b l) = "
            f"{rho:.6g} > 1, so no non-negative uniform profit rate exists. Reduce the "
            "basket.")
    bs = pd.Series(b, index=economy.sectors, name="basket")
    R = economy.max_profit_rate
    if rho == 0.0:
        return UniformProfitRate(profit_rate=math.inf, prices=None, wage=None, basket=bs,
                                 max_profit_rate=R,
                                 normalization="prices not determined (r infinite)")
    r = max(0.0, 1.0 / rho - 1.0)
    if r >= R:   # b l adds nothing the spectral radius sees: r = R, prices at the limit
        r = R
    if r < R:
        try:
            pp = production_prices(economy, r, numeraire=numeraire, wages="advanced")
            prices, wage, norm = pp.prices, pp.wage, pp.normalization
        except (ConvergenceError, InvalidPriceError, NumericalRangeError) as exc:
            # r is determined; the price level is not (a numeraire without labour, or r
            # too close to R for floating point): say so instead of guessing
            prices, wage, norm = None, None, f"prices not determined: {exc}"
    else:
        prices, wage, norm = None, None, "prices not determined at r = R (zero wage)"
    return UniformProfitRate(profit_rate=r, prices=prices, wage=wage, basket=bs,
                             max_profit_rate=R, normalization=norm)
