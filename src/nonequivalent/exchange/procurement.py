"""Procurement: the peasants' marketing response, the extraction curve and the squeeze.

Marketing responses (:class:`IsoelasticResponse`, :class:`LinearResponse`,
:class:`CallableResponse`), the extraction curve ``(p^e − p) q(p)``, :func:`squeeze_optimum`
and :func:`squeeze_diagnostic` — the grain-crisis trap of 1927–28 (W. Z. Goldman, "Blood on
the Red Banner", *IRSH* 2022, section on the grain crisis): past ``p*`` a harder squeeze
collects less.
"""

from __future__ import annotations

import abc
import dataclasses
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from .._common import _positive
from .._results import Result
from .._results import format_number as _fmt
from .._validation import as_array, as_float, as_number, require_finite
from ..errors import (
    InvalidPriceError,
    MarketingResponseError,
)

__all__ = [
    "CallableResponse",
    "IsoelasticResponse",
    "LinearResponse",
    "MarketingResponse",
    "SqueezeDiagnostic",
    "SqueezeOptimum",
    "TotalResponse",
    "extraction",
    "squeeze_diagnostic",
    "squeeze_optimum",
]

#: Grid points used to check monotonicity and to bracket the numeric optimum.
GRID_POINTS = 2001


def _price_array(price: Any, what: str = "price") -> tuple[np.ndarray, bool]:
    if isinstance(price, pd.Series | pd.Index):
        price = price.to_numpy()
    arr = as_array(price, what, InvalidPriceError)
    if not np.isfinite(arr).all() or (arr < 0).any():
        raise InvalidPriceError(f"{what} must be finite and >= 0.")
    return arr, arr.ndim == 0


class MarketingResponse(abc.ABC):
    """Marketed surplus as a function of the procurement price (terms of trade), ``q(p)``.

    An abstract base: subclasses implement :meth:`quantity` on numpy arrays. Calling a
    response returns a float for a scalar price and an array otherwise.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> ne.IsoelasticResponse(100.0, 1.0, 0.5)(4.0)
    200.0
    """

    name = "marketing response"

    @abc.abstractmethod
    def quantity(self, price: np.ndarray) -> np.ndarray:
        """Marketed surplus at each price of a numpy array."""

    def __call__(self, price: Any) -> Any:
        arr, scalar = _price_array(price)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            q = as_array(self.quantity(np.atleast_1d(arr)), f"{self.name} (marketed surplus)",
                         MarketingResponseError)
        if not np.isfinite(q).all() or (q < 0).any():
            raise MarketingResponseError(
                f"{self.name} returned negative or non-finite marketed surplus; a marketing "
                "response must give finite quantities >= 0 at every price >= 0.")
        return float(q[0]) if scalar else q.reshape(arr.shape)

    def is_nondecreasing(self, lower: float, upper: float, points: int = GRID_POINTS) -> bool:
        """Whether ``q`` is non-decreasing on a grid of ``points`` prices in [lower, upper].

        >>> import nonequivalent as ne
        >>> ne.LinearResponse(10.0, 1.0, 2.0).is_nondecreasing(0.0, 1.0)
        True
        """
        grid = np.linspace(lower, upper, points)
        q = self(grid)
        tol = 1e-12 * max(1.0, float(np.max(np.abs(q))))
        return bool(np.all(np.diff(q) >= -tol))


@dataclasses.dataclass(frozen=True)
class IsoelasticResponse(MarketingResponse):
    """Isoelastic marketed surplus ``q(p) = q0 (p / p0)^ε``.

    Parameters
    ----------
    q0 : float
        Marketed surplus at the reference price ``p0`` (> 0).
    p0 : float
        Reference price (> 0).
    elasticity : float
        ``ε`` (finite; ``ε >= 0`` for :func:`squeeze_optimum`).

    Notes
    -----
    the price response of marketings in the 1920s debate: Preobrazhensky,
    *The New Economics*, ch. 2; Sah & Stiglitz, *AER* 74 (1984).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> ne.IsoelasticResponse(q0=100.0, p0=1.0, elasticity=0.5)(0.25)
    50.0
    """

    q0: float
    p0: float
    elasticity: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "q0", _positive(self.q0, "q0", MarketingResponseError))
        object.__setattr__(self, "p0", _positive(self.p0, "p0", MarketingResponseError))
        eps = as_number(self.elasticity, "the elasticity", MarketingResponseError,
                        allow_negative=True)
        object.__setattr__(self, "elasticity", eps)

    @property
    def name(self) -> str:  # type: ignore[override]
        return (f"isoelastic response q = {_fmt(self.q0)} (p/{_fmt(self.p0)})"
                f"^{_fmt(self.elasticity)}")

    def quantity(self, price: np.ndarray) -> np.ndarray:
        """``q0 (p/p0)^ε`` (a zero price needs ``ε >= 0``)."""
        if self.elasticity < 0 and (price == 0).any():
            raise InvalidPriceError("with a negative elasticity the marketed surplus is "
                                    "infinite at a zero price; give prices > 0.")
        return self.q0 * np.power(price / self.p0, self.elasticity)


@dataclasses.dataclass(frozen=True)
class LinearResponse(MarketingResponse):
    """Linear marketed surplus ``q(p) = max(0, q0 + slope (p − p0))``.

    The response is zero below the choke price ``p_min = p0 − q0 / slope``.

    Parameters
    ----------
    q0 : float
        Marketed surplus at ``p0`` (>= 0).
    p0 : float
        Reference price (>= 0).
    slope : float
        ``dq/dp`` (finite; ``>= 0`` for :func:`squeeze_optimum`).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> r = ne.LinearResponse(q0=10.0, p0=1.0, slope=20.0)
    >>> r(0.75), r(0.25), r.choke_price
    (5.0, 0.0, 0.5)
    """

    q0: float
    p0: float
    slope: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "q0", _positive(self.q0, "q0", MarketingResponseError,
                                                 allow_zero=True))
        object.__setattr__(self, "p0", _positive(self.p0, "p0", MarketingResponseError,
                                                 allow_zero=True))
        b = as_number(self.slope, "the slope", MarketingResponseError, allow_negative=True)
        object.__setattr__(self, "slope", b)

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"linear response q = {_fmt(self.q0)} + {_fmt(self.slope)} (p − {_fmt(self.p0)})"

    @property
    def choke_price(self) -> float:
        """``p_min = p0 − q0/slope`` (−inf for a flat response)."""
        return self.p0 - self.q0 / self.slope if self.slope > 0 else -math.inf

    def quantity(self, price: np.ndarray) -> np.ndarray:
        """``max(0, q0 + slope (p − p0))``."""
        return np.maximum(0.0, self.q0 + self.slope * (price - self.p0))


@dataclasses.dataclass(frozen=True, eq=False)
class CallableResponse(MarketingResponse):
    """A user-given marketing response ``q = func(p)``.

    ``func`` receives a numpy array of prices (or, if it fails on arrays, one float at a
    time) and must return real, finite quantities >= 0 (a complex result is refused, not
    cut to its real part; an exception inside ``func`` becomes a
    :class:`~nonequivalent.MarketingResponseError`). :func:`squeeze_optimum` checks on a grid
    that it is non-decreasing and raises :class:`~nonequivalent.MarketingResponseError`
    otherwise.

    Examples
    --------
    >>> import numpy as np, nonequivalent as ne
    >>> r = ne.CallableResponse(lambda p: 100 * np.sqrt(p), name="square root")
    >>> r(4.0)
    200.0
    """

    func: Callable[[Any], Any]
    label: str = "user marketing response"

    def __init__(self, func: Callable[[Any], Any], name: str = "user marketing response"):
        if not callable(func):
            raise MarketingResponseError("CallableResponse needs a callable q(p).")
        object.__setattr__(self, "func", func)
        object.__setattr__(self, "label", str(name))

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.label

    def quantity(self, price: np.ndarray) -> np.ndarray:
        """``func`` on the array, falling back to element by element."""
        what = f"{self.label}: q(p)"
        try:
            raw = self.func(price)
        except Exception:  # a user function may fail on arrays; retried element-wise below
            raw = None
        if raw is not None:
            q = as_array(raw, what, MarketingResponseError)
            if q.shape == price.shape:
                return q
        try:
            values = [self.func(float(x)) for x in price.ravel()]
        except Exception as exc:  # the user's q(p) failed: say so, in the library's words
            raise MarketingResponseError(
                f"{self.label}: could not evaluate q(p) ({type(exc).__name__}: {exc}); it "
                "must map a price to a number.") from exc
        return np.array([as_float(v, what, MarketingResponseError) for v in values]
                        ).reshape(price.shape)


@dataclasses.dataclass(frozen=True)
class TotalResponse(MarketingResponse):
    """The marketings of several groups at one price: ``q(p) = Σ_g q_g(p)``.

    With one procurement price for every group (the state's price of the good), the
    squeeze of the peasantry as a whole is that of the summed response; with different
    elasticities its optimum has no closed form and :func:`squeeze_optimum` finds it
    numerically (Sah & Stiglitz, *AER* 74, 1984).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> r = ne.TotalResponse((ne.IsoelasticResponse(100.0, 1.0, 0.5),
    ...                       ne.IsoelasticResponse(50.0, 1.0, 1.0)))
    >>> r(4.0)
    400.0
    """

    parts: tuple[MarketingResponse, ...]

    def __post_init__(self) -> None:
        parts = tuple(self.parts)
        if not parts or not all(isinstance(r, MarketingResponse) for r in parts):
            raise MarketingResponseError("TotalResponse needs one or more marketing "
                                         "responses.")
        object.__setattr__(self, "parts", parts)

    @property
    def name(self) -> str:  # type: ignore[override]
        return "sum of " + ", ".join(r.name for r in self.parts)

    def quantity(self, price: np.ndarray) -> np.ndarray:
        """``Σ_g q_g(p)``."""
        return sum(np.asarray(r.quantity(price), dtype=float) for r in self.parts)


def _as_response(response: Any) -> MarketingResponse:
    if isinstance(response, MarketingResponse):
        return response
    if callable(response):
        return CallableResponse(response)
    raise MarketingResponseError(
        "give a marketing response: IsoelasticResponse, LinearResponse, CallableResponse "
        f"or a callable; got {type(response).__name__}.")


def extraction(response: MarketingResponse | Callable, benchmark_price: float,
               price: Any) -> Any:
    """Extraction ``E(p) = (p^e − p) q(p)``: what the squeeze collects at price ``p``.

    Parameters
    ----------
    response : MarketingResponse or callable
        Marketed surplus ``q(p)``.
    benchmark_price : float
        Equivalent price ``p^e`` (> 0).
    price : float, array or Series
        Procurement price(s) ``p`` (>= 0). A Series keeps its index.

    Returns
    -------
    float, array or Series

    Notes
    -----
    Preobrazhensky, *The New Economics*, ch. 2 (the limits of price policy);
    the grain crisis of 1927–28 (Goldman 2022).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> r = ne.IsoelasticResponse(100.0, 1.0, 0.5)
    >>> ne.extraction(r, 1.0, 0.25)          # (1 - 0.25) * 100 * 0.5
    37.5
    """
    r = _as_response(response)
    pe = _positive(benchmark_price, "benchmark price")
    arr, scalar = _price_array(price)
    with np.errstate(over="ignore", invalid="ignore"):
        out = (pe - arr) * r(arr)
    require_finite(out, "the extraction")
    if isinstance(price, pd.Series):
        return pd.Series(out, index=price.index, name="extraction")
    return float(out) if scalar else out


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class SqueezeOptimum(Result):
    """The procurement price that maximizes extraction, and what it collects.

    Attributes
    ----------
    price : float
        ``p*``.
    extraction : float
        ``E(p*) = (p^e − p*) q(p*)``.
    quantity : float
        ``q(p*)``.
    benchmark_price : float
    method : str
        ``"closed form ..."`` or ``"numeric ..."``.
    response : MarketingResponse

    Examples
    --------
    >>> import nonequivalent as ne
    >>> opt = ne.squeeze_optimum(ne.IsoelasticResponse(100.0, 1.0, 0.5), 1.0)
    >>> round(opt.price, 6), opt.method
    (0.333333, 'closed form p* = ε pᵉ/(1 + ε) (isoelastic)')
    """

    price: float
    extraction: float
    quantity: float
    benchmark_price: float
    method: str
    response: MarketingResponse = dataclasses.field(repr=False)

    _title = "Squeeze optimum"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Optimal price, quantity, maximum extraction."""
        return [("price p*", self.price, ""), ("quantity q(p*)", self.quantity, ""),
                ("maximum extraction", self.extraction, "money"),
                ("benchmark price pᵉ", self.benchmark_price, "")]

    def benchmark_name(self) -> str:
        """The benchmark price and the response."""
        return f"benchmark price pᵉ = {_fmt(self.benchmark_price)}; {self.response.name}"

    def to_frame(self) -> pd.DataFrame:
        """One row: price, quantity, extraction, benchmark price, method."""
        return pd.DataFrame([{"price": self.price, "quantity": self.quantity,
                              "extraction": self.extraction,
                              "benchmark_price": self.benchmark_price,
                              "method": self.method}], index=pd.Index(["optimum"]))

    def summary_lines(self) -> list[str]:
        """Key figures and the method."""
        return [*super().summary_lines()[:4], f"method: {self.method}"]

    def diagnose(self, price: float) -> SqueezeDiagnostic:
        """:func:`squeeze_diagnostic` at ``price`` against this optimum."""
        return _diagnostic(self, price)


#: How :func:`squeeze_optimum` names the closed form for an isoelastic response.
ISOELASTIC_METHOD = "closed form p* = ε pᵉ/(1 + ε) (isoelastic)"


def squeeze_optimum(response: MarketingResponse | Callable, benchmark_price: float,
                    lower: float = 0.0) -> SqueezeOptimum:
    """The procurement price ``p*`` in ``[lower, p^e]`` that maximizes ``(p^e − p) q(p)``.

    * Isoelastic ``q = q0 (p/p0)^ε``: ``p* = ε p^e / (1 + ε)`` (from ``E'(p) = 0``:
      ``ε (p^e − p)/p = 1``), clipped at ``lower``.
    * Linear ``q = max(0, q0 + b (p − p0))``: ``p* = (p^e + p_min)/2`` with the choke price
      ``p_min = p0 − q0/b``, clipped to ``[lower, p^e]`` (flat ``b = 0``: ``p* = lower``).
    * Summed isoelastic responses (:class:`TotalResponse`, every ``ε_g > 0``, no lower
      bound): the root of the first-order condition
      (:func:`isoelastic_total_optimum`) where no price of the grid below does better.
    * Otherwise numerically: ``q`` is checked non-decreasing on a grid of
      :data:`GRID_POINTS` prices; the best grid point is refined by
      :func:`scipy.optimize.minimize_scalar` (bounded) on its neighbouring interval, and so
      is the last interval below ``p^e`` (a response that becomes positive only just
      below ``p^e`` collects there).

    Raises
    ------
    MarketingResponseError
        A response that falls with price (negative elasticity or slope, or a user function
        that is not non-decreasing on the grid): the squeeze has no interior optimum.
    InvalidPriceError
        ``p^e <= 0`` or ``lower`` outside ``[0, p^e)``.

    Notes
    -----
    the grain crisis of 1927–28 (Goldman 2022; Preobrazhensky, *The New
    Economics*, ch. 2, on the limits of price policy); Sah & Stiglitz, *AER* 74 (1984).

    Examples
    --------
    >>> import numpy as np, nonequivalent as ne
    >>> r = ne.IsoelasticResponse(100.0, 1.0, 0.5)
    >>> closed = ne.squeeze_optimum(r, 1.0)
    >>> numeric = ne.squeeze_optimum(ne.CallableResponse(r), 1.0)
    >>> round(closed.price, 6), round(numeric.price, 6)
    (0.333333, 0.333333)
    """
    r = _as_response(response)
    pe = _positive(benchmark_price, "benchmark price")
    lo = _positive(lower, "lower bound", allow_zero=True)
    if lo >= pe:
        raise InvalidPriceError(f"lower bound {lo} must be below the benchmark price {pe}.")
    if isinstance(r, IsoelasticResponse):
        eps = r.elasticity
        if eps < 0:
            raise MarketingResponseError(
                f"elasticity {eps} < 0: marketings rise as the price falls, so the squeeze "
                "has no interior optimum.")
        interior, q_interior = isoelastic_optimum(r.q0, r.p0, eps, pe)
        p_star = max(lo, float(interior))
        method = ISOELASTIC_METHOD
        if 0 < eps and interior >= lo:
            return _optimum(p_star, float(q_interior), pe, method, r)
    elif isinstance(r, LinearResponse):
        if r.slope < 0:
            raise MarketingResponseError(
                f"slope {r.slope} < 0: marketings rise as the price falls, so the squeeze "
                "has no interior optimum.")
        p_star = lo if r.slope == 0 else min(pe, max(lo, 0.5 * (pe + r.choke_price)))
        method = "closed form p* = (pᵉ + p_min)/2 (linear)"
    else:
        grid = np.linspace(lo, pe, GRID_POINTS)
        q = r(grid)
        with np.errstate(over="ignore"):
            e = (pe - grid) * q
        require_finite(e, f"extraction of {r.name} on [{lo:.6g}, {pe:.6g}]")
        tol = 1e-12 * max(1.0, float(np.max(q)))
        drops = np.flatnonzero(np.diff(q) < -tol)
        if drops.size:
            at = grid[drops[0]]
            raise MarketingResponseError(
                f"{r.name} is not non-decreasing in the price (it falls near p = {at:.6g}); "
                "the squeeze optimizer needs marketings that do not fall as the price rises. "
                "Give a monotone response or evaluate extraction() on a grid instead.")
        i = int(np.argmax(e))
        p_star, best = float(grid[i]), float(e[i])
        parts = r.parts if isinstance(r, TotalResponse) else ()
        if parts and lo == 0.0 and all(isinstance(g, IsoelasticResponse) and g.elasticity > 0
                                       for g in parts):
            # summed isoelastic responses: the first-order condition's root, to rounding,
            # where no price of the grid does better (else the search below)
            root, q_root = isoelastic_total_optimum(
                [g.q0 for g in parts], [g.p0 for g in parts],
                [g.elasticity for g in parts], pe)
            if (pe - float(root)) * float(q_root) >= best * (1 - 1e-12):
                return _optimum(float(root), float(q_root), pe,
                                "first-order condition Σ q_g(p)(ε_g(pᵉ − p) − p) = 0 by "
                                "bisection (summed isoelastic responses)", r)
        from scipy import optimize  # only this numeric path needs it

        # refine around the best grid point, and on the last interval below p^e (where a
        # response that starts only just below p^e has its whole positive extraction)
        for j in sorted({i, GRID_POINTS - 1}):
            a, b = grid[max(j - 1, 0)], grid[min(j + 1, GRID_POINTS - 1)]
            res = optimize.minimize_scalar(lambda x: -float((pe - x) * r(x)), bounds=(a, b),
                                           method="bounded",
                                           options={"xatol": 1e-12 * max(1.0, pe)})
            if -float(res.fun) > best:
                p_star, best = float(res.x), -float(res.fun)
        method = (f"numeric: grid of {GRID_POINTS} prices + scipy.optimize.minimize_scalar "
                  "(bounded)")
    return _optimum(p_star, float(r(p_star)), pe, method, r)


def isoelastic_optimum(q0: Any, p0: Any, eps: Any, pe: Any) -> tuple[Any, Any]:
    """The unconstrained squeeze optimum of ``q = q0 (p/p0)^ε``, ``ε > 0``: ``p* = ε
    p^e/(1 + ε)`` and ``q(p*)`` computed in logs (exact even when ``p*`` underflows for a
    tiny ``ε``; ``inf`` beyond float range).

    From ``E'(p) = 0`` for ``E(p) = (p^e − p) q(p)``: ``ε (p^e − p)/p = 1`` (Sah &
    Stiglitz, *AER* 74, 1984). Floats or arrays with a draws axis; used by
    :func:`squeeze_optimum` and the batch report. Undefined (NaN) for ``ε <= 0``.
    """
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        interior = eps * pe / (1.0 + eps)
        log_q = np.log(q0) + eps * (np.log(eps) + np.log(pe) - np.log1p(eps) - np.log(p0))
        q_star = np.where(log_q < 709.0, np.exp(np.minimum(log_q, 709.0)), np.inf)
    return interior, q_star


def isoelastic_total_optimum(q0: Any, p0: Any, eps: Any, pe: Any) -> tuple[Any, Any]:
    """The squeeze optimum of summed isoelastic responses at one price: ``p*`` and ``Σ q_g(p*)``.

    ``p*`` is the root of the first-order condition ``Σ_g q_g(p) (ε_g (p^e − p) − p) = 0``
    of ``E(p) = (p^e − p) Σ_g q0_g (p/p0)^ε_g``, which lies between the groups' own optima
    ``ε_g p^e/(1 + ε_g)``; found by bisection to rounding (Sah & Stiglitz,
    *AER* 74, 1984). Inputs have the groups on the first axis (``G`` or ``G × D`` for
    ``D`` draws; ``p0`` and ``pe`` one per draw), every ``ε_g > 0``. Used by
    :func:`squeeze_optimum` and by the batch report; the caller checks that the root is the
    best price (with several groups ``E`` may have more than one stationary point).
    """
    q0, eps = np.asarray(q0, dtype=float), np.asarray(eps, dtype=float)
    p0, pe = np.asarray(p0, dtype=float), np.asarray(pe, dtype=float)
    own = eps * pe / (1.0 + eps)
    lo, hi = own.min(axis=0), own.max(axis=0)
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        with np.errstate(over="ignore", invalid="ignore"):
            foc = (q0 * np.power(mid / p0, eps) * (eps * (pe - mid) - mid)).sum(axis=0)
        up = foc > 0
        lo, hi = np.where(up, mid, lo), np.where(up, hi, mid)
        if np.all((hi - lo) <= 4 * np.finfo(float).eps * hi):
            break
    p_star = 0.5 * (lo + hi)
    with np.errstate(over="ignore"):
        q_star = (q0 * np.power(p_star / p0, eps)).sum(axis=0)
    return p_star, q_star


def _optimum(p_star: float, q_star: float, pe: float, method: str,
             r: MarketingResponse) -> SqueezeOptimum:
    """The optimum, its figures checked finite (huge q0 or prices overflow: say so)."""
    with np.errstate(over="ignore", invalid="ignore"):
        ext = (pe - p_star) * q_star
    require_finite([p_star, q_star, ext], "the squeeze optimum (price, quantity, extraction)")
    return SqueezeOptimum(price=float(p_star), extraction=float(ext), quantity=float(q_star),
                          benchmark_price=pe, method=method, response=r)


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class SqueezeDiagnostic(Result):
    """Whether a procurement price squeezes beyond the extraction maximum.

    Attributes
    ----------
    price : float
        The current procurement price.
    extraction : float
        ``E(p)`` at the current price.
    optimum : SqueezeOptimum
    beyond_optimum : bool
        ``p < p*``: squeezing harder (a lower price) collects less; raising the price
        towards ``p*`` would collect more.
    shortfall : float
        ``E(p*) − E(p)`` (>= 0).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> d = ne.squeeze_diagnostic(ne.IsoelasticResponse(100.0, 1.0, 0.5), 1.0, 0.1)
    >>> d.beyond_optimum
    True
    """

    price: float
    extraction: float
    optimum: SqueezeOptimum
    beyond_optimum: bool
    shortfall: float

    _title = "Squeeze diagnostic"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Current price and extraction, optimum, shortfall."""
        return [("price p", self.price, ""), ("extraction E(p)", self.extraction, "money"),
                ("optimal price p*", self.optimum.price, ""),
                ("shortfall E(p*) − E(p)", self.shortfall, "money"),
                ("beyond the optimum", self.beyond_optimum, "")]

    def benchmark_name(self) -> str:
        """As the optimum's."""
        return self.optimum.benchmark_name()

    @property
    def message(self) -> str:
        """A sentence saying where the price stands relative to ``p*``."""
        return squeeze_message(self.price, self.optimum.price, self.shortfall,
                               self.beyond_optimum)

    def to_frame(self) -> pd.DataFrame:
        """One row: price, extraction, optimal price, maximum, beyond_optimum, shortfall."""
        return pd.DataFrame([{"price": self.price, "extraction": self.extraction,
                              "optimal_price": self.optimum.price,
                              "max_extraction": self.optimum.extraction,
                              "beyond_optimum": self.beyond_optimum,
                              "shortfall": self.shortfall}], index=pd.Index(["current"]))

    def summary_lines(self) -> list[str]:
        """The message, then the figures."""
        return [self.message, *super().summary_lines()[:5]]


def squeeze_figures(pe: Any, p: Any, q: Any, p_star: Any, q_star: Any) -> tuple[Any, ...]:
    """Extraction ``E(p) = (p^e − p) q(p)`` at the price, at the optimum, the shortfall
    ``max(0, E(p*) − E(p))`` and whether ``p < p*`` (beyond the optimum, past a tolerance
    of ``1e-9 max(1, p^e)``); floats or arrays of draws. Sah & Stiglitz,
    *AER* 74 (1984). Used by :func:`squeeze_diagnostic` and the surplus report.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        e = (pe - p) * q
        best = (pe - p_star) * q_star
    beyond = p < p_star - 1e-9 * np.maximum(1.0, pe)
    return e, best, np.maximum(0.0, best - e), beyond


def squeeze_message(price: float, p_star: float, shortfall: float, beyond: bool) -> str:
    """A sentence saying where the price ``p`` stands relative to ``p*``."""
    if beyond:
        return (f"p = {_fmt(price)} is beyond the extraction maximum p* = "
                f"{_fmt(p_star)}: squeezing harder collects less; raising the price to p* "
                f"would collect {_fmt(shortfall)} more (money at benchmark prices).")
    if price > p_star:
        return (f"p = {_fmt(price)} is above p* = {_fmt(p_star)}: a lower price "
                f"would still collect more (up to {_fmt(shortfall)} more, money at "
                "benchmark prices).")
    return f"p = {_fmt(price)} is at the extraction maximum p* = {_fmt(p_star)}."


def _diagnostic(opt: SqueezeOptimum, price: float) -> SqueezeDiagnostic:
    p = _positive(price, "procurement price", allow_zero=True)
    e, _, _, beyond = squeeze_figures(opt.benchmark_price, p, float(opt.response(p)),
                                      opt.price, opt.quantity)
    require_finite(e, "the extraction at the current price")
    return SqueezeDiagnostic(price=p, extraction=float(e), optimum=opt,
                             beyond_optimum=bool(beyond),
                             shortfall=max(0.0, opt.extraction - float(e)))


def squeeze_diagnostic(response: MarketingResponse | Callable, benchmark_price: float,
                       price: float, lower: float = 0.0) -> SqueezeDiagnostic:
    """Say whether a procurement price is beyond the extraction maximum ``p*``.

    With ``p < p*`` the state collects less than it would at ``p*``: the peasants' marketed
    surplus falls faster than the margin per unit rises — the trap of the 1927–28 grain
    crisis, when procurements fell to about half the previous year's (Goldman 2022).

    Raises
    ------
    MarketingResponseError, InvalidPriceError
        As :func:`squeeze_optimum`; a negative price.

    Notes
    -----
    Preobrazhensky, *The New Economics*, ch. 2.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> r = ne.IsoelasticResponse(100.0, 1.0, 0.5)          # p* = 1/3 at pᵉ = 1
    >>> d = ne.squeeze_diagnostic(r, 1.0, 0.1)
    >>> d.beyond_optimum, round(d.extraction, 4), round(d.optimum.extraction, 4)
    (True, 28.4605, 38.49)
    >>> print(d.message)
    p = 0.1000 is beyond the extraction maximum p* = 0.3333: squeezing harder collects less; ...
    """
    return _diagnostic(squeeze_optimum(response, benchmark_price, lower=lower), price)
