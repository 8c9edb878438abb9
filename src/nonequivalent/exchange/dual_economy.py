"""A dual economy of town and country in the spirit of Sah and Stiglitz.

:class:`DualEconomy` — R. K. Sah and J. E. Stiglitz, "The economics of price scissors",
*AER* 74(1) (1984), 125–138: a price squeeze raises accumulation while it makes peasants and
workers worse off.

Names, and where they follow the literature:

* ``wedge`` is the ad valorem wedge ``(p_r − p)/p`` between the retail and the procurement
  price of food, the form in which a tax wedge is quoted in the Ramsey-pricing and
  agricultural-pricing literature; the ratio ``p_r/p`` is ``retail_procurement_ratio``.
  (Before version 0.2 ``wedge`` was the ratio.)
* ``real_wage`` is ``w / p_r^β``, the money wage deflated by the Cobb–Douglas cost of living
  (manufactures are the numeraire); ``worker_utility`` is the Cobb–Douglas indirect utility
  ``β^β (1 − β)^(1−β) w / p_r^β``, which is proportional to it. ``worker_welfare``, the old
  name of ``real_wage``, still works with a ``DeprecationWarning``.
* ``peasant_welfare`` is the peasants' producer surplus ``∫_0^p q``, a money measure (this
  library's choice; Sah and Stiglitz work with indirect utilities).
"""

from __future__ import annotations

import dataclasses
import warnings
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from .._common import _positive
from .._results import Result
from .._results import format_number as _fmt
from .._validation import as_number, require_finite
from ..errors import (
    InvalidGroupError,
    MarketingResponseError,
)
from .procurement import IsoelasticResponse

__all__ = [
    "DualComparativeStatics",
    "DualEconomy",
    "DualOptimum",
    "DualOutcome",
]

def _deprecated_welfare(owner: str) -> None:
    warnings.warn(f"{owner}.worker_welfare is the real wage w / p_r^β and is now called "
                  "real_wage (worker_utility is the Cobb–Douglas indirect utility); the old "
                  "name will be removed in a future release.", DeprecationWarning,
                  stacklevel=3)


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class DualOutcome(Result):
    """State of the dual economy at a procurement price ``p`` and urban wage ``w``.

    All money is in units of manufactures (``p_m = 1``).

    Attributes
    ----------
    procurement_price, wage, marketed_surplus, retail_price : float
        ``p``, ``w``, ``q(p)`` and the market-clearing retail food price ``p_r``.
    wedge : float
        The ad valorem wedge ``(p_r − p)/p``.
    retail_procurement_ratio : float
        ``p_r / p`` (= ``1 + wedge``).
    retail_margin, industrial_surplus, accumulation : float
        ``(p_r − p) q``, ``(a − w) L`` and their sum ``S``.
    peasant_welfare : float
        Producer surplus ``p q / (1 + ε)``.
    real_wage : float
        ``w / p_r^β``.
    worker_utility : float
        Cobb–Douglas indirect utility ``β^β (1 − β)^(1−β) w / p_r^β``.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> out = ne.DualEconomy().outcome(1.0, 1.0)
    >>> out.accumulation == out.retail_margin + out.industrial_surplus
    True
    >>> out.wedge, out.retail_procurement_ratio
    (-0.5, 0.5)
    """

    procurement_price: float
    wage: float
    marketed_surplus: float
    retail_price: float
    wedge: float
    retail_procurement_ratio: float
    retail_margin: float
    industrial_surplus: float
    accumulation: float
    peasant_welfare: float
    real_wage: float
    worker_utility: float

    _title = "Dual economy outcome"

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):      # plain, finite Python floats
            object.__setattr__(self, f.name, float(getattr(self, f.name)))
        require_finite([getattr(self, f.name) for f in dataclasses.fields(self)],
                       "the dual economy's outcome")

    @property
    def worker_welfare(self) -> float:
        """Deprecated name of :attr:`real_wage`."""
        _deprecated_welfare("DualOutcome")
        return self.real_wage

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Prices, wedge, accumulation and welfare."""
        return [("procurement price p", self.procurement_price, "manufactures"),
                ("retail price p_r", self.retail_price, "manufactures"),
                ("wedge (p_r − p)/p", self.wedge, ""),
                ("accumulation S", self.accumulation, "manufactures"),
                ("wage w", self.wage, "manufactures"),
                ("marketed surplus q", self.marketed_surplus, "food"),
                ("retail margin", self.retail_margin, "manufactures"),
                ("industrial surplus", self.industrial_surplus, "manufactures"),
                ("peasant welfare (producer surplus)", self.peasant_welfare, "manufactures"),
                ("real wage w/p_r^β", self.real_wage, ""),
                ("worker utility", self.worker_utility, "")]

    def to_frame(self) -> pd.DataFrame:
        """One row with every field."""
        return pd.DataFrame([dataclasses.asdict(self)], index=pd.Index(["outcome"]))


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class DualComparativeStatics(Result):
    """Derivatives of accumulation and welfare with respect to ``p`` and ``w``.

    Attributes
    ----------
    dS_dp, dUp_dp, dV_dp : float
        ``∂S/∂p = −(1 + ε) q``, ``∂U_p/∂p = q``, ``∂V/∂p = β ε V / p`` (wage fixed).
    dS_dw, dV_dw : float
        ``∂S/∂w = −(1 − β) L``, ``∂V/∂w = (1 − β) V / w``.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> cs = ne.DualEconomy().comparative_statics(1.0, 1.0)
    >>> cs.squeeze_raises_accumulation, cs.squeeze_hurts_peasants, cs.squeeze_hurts_workers
    (True, True, True)
    """

    dS_dp: float
    dUp_dp: float
    dV_dp: float
    dS_dw: float
    dV_dw: float

    _title = "Dual economy: comparative statics"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """The five derivatives."""
        return [(k, v, "") for k, v in dataclasses.asdict(self).items()]

    @property
    def squeeze_raises_accumulation(self) -> bool:
        """A lower procurement price raises accumulation (``∂S/∂p < 0``)."""
        return self.dS_dp < 0

    @property
    def squeeze_hurts_peasants(self) -> bool:
        """A lower procurement price lowers peasants' welfare (``∂U_p/∂p > 0``)."""
        return self.dUp_dp > 0

    @property
    def squeeze_hurts_workers(self) -> bool:
        """A lower procurement price lowers workers' real wage (``∂V/∂p > 0``, ``V`` the
        real wage)."""
        return self.dV_dp > 0

    def to_frame(self) -> pd.DataFrame:
        """One row with the five derivatives."""
        return pd.DataFrame([dataclasses.asdict(self)], index=pd.Index(["derivative"]))

    def summary_lines(self) -> list[str]:
        """Derivatives and the three signs of a squeeze (lower ``p`` at fixed ``w``)."""
        return [*super().summary_lines()[:5],
                f"A squeeze raises accumulation: {self.squeeze_raises_accumulation}; "
                f"hurts peasants: {self.squeeze_hurts_peasants}; hurts workers: "
                f"{self.squeeze_hurts_workers}"]


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class DualOptimum(Result):
    """The procurement price and wage that maximize the planner's objective.

    Attributes
    ----------
    real_wage_floor : float or None
        ``V̄`` when workers are held at a real-wage floor (None with a worker weight).
    peasant_weight : float
        ``ω``.
    worker_weight : float or None
        ``θ`` when workers' utility enters the objective (None with a floor).
    outcome : DualOutcome
        The economy at ``(p*, w*)``.
    method : str

    Examples
    --------
    >>> import nonequivalent as ne
    >>> opt = ne.DualEconomy().optimal_wedge(real_wage_floor=0.5)
    >>> round(opt.outcome.real_wage, 12)
    0.5
    """

    real_wage_floor: float | None
    peasant_weight: float
    outcome: DualOutcome
    method: str
    worker_weight: float | None = None

    _title = "Optimal wedge in the dual economy"

    @property
    def procurement_price(self) -> float:
        """``p*``."""
        return self.outcome.procurement_price

    @property
    def wage(self) -> float:
        """``w*``."""
        return self.outcome.wage

    @property
    def wedge(self) -> float:
        """The optimal ad valorem wedge ``(p_r* − p*)/p*``."""
        return self.outcome.wedge

    @property
    def retail_procurement_ratio(self) -> float:
        """``p_r* / p*``."""
        return self.outcome.retail_procurement_ratio

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Optimal prices, wedge and accumulation."""
        return self.outcome.key_figures()[:4]

    def benchmark_name(self) -> str:
        """The objective."""
        held = (f"workers held at real wage V̄ = {_fmt(self.real_wage_floor)}"
                if self.real_wage_floor is not None
                else f"worker weight θ = {_fmt(self.worker_weight)}")
        return f"max S + ω U_p, ω = {_fmt(self.peasant_weight)}; {held}"

    def summary_lines(self) -> list[str]:
        """Key figures, the method, and the outcome's table."""
        return [*super().summary_lines(), f"method: {self.method}"]

    def to_frame(self) -> pd.DataFrame:
        """One row: the outcome plus the floor and weights."""
        out = self.outcome.to_frame()
        out.insert(0, "worker_weight", self.worker_weight)
        out.insert(0, "peasant_weight", self.peasant_weight)
        out.insert(0, "real_wage_floor", self.real_wage_floor)
        return out.rename(index={"outcome": "optimum"})


@dataclasses.dataclass(frozen=True)
class DualEconomy:
    """A dual economy of peasants, urban workers and the state (after Sah & Stiglitz 1984).

    Manufactures are the numeraire (``p_m = 1``). The state buys the peasants' marketed
    food at the procurement price ``p`` and sells it to ``L`` urban workers at the retail
    price ``p_r`` that clears the urban food market; it pays workers the wage ``w`` and
    keeps what industry produces (``a`` per worker) beyond what workers and peasants buy.

    * Peasants: marketed surplus ``q(p) = q0 (p/p0)^ε``, spent on manufactures; welfare
      is their producer surplus ``U_p = ∫_0^p q = p q(p)/(1 + ε)``.
    * Workers: Cobb–Douglas, food share ``β``: food ``β w / p_r`` per worker, manufactures
      ``(1 − β) w``; welfare the real wage ``V = w / p_r^β``.
    * Food market: ``L β w / p_r = q(p)``, so ``p_r = L β w / q(p)``.
    * State surplus (accumulation): retail margin + industrial surplus,
      ``S = (p_r − p) q + (a − w) L = a L − (1 − β) w L − p q(p)``.

    A squeeze (lower ``p`` at fixed ``w``) raises ``S`` (``∂S/∂p = −(1+ε) q < 0``), lowers
    ``U_p`` (``∂U_p/∂p = q``) and, through a smaller marketed surplus and a dearer retail
    price, lowers ``V`` (``∂V/∂p = β ε V/p > 0``).

    Parameters
    ----------
    q0, p0, elasticity : float
        Peasants' marketed surplus at ``p0`` and its price elasticity ``ε``.
    workers : float
        ``L``, urban workers.
    food_share : float
        ``β`` in (0, 1).
    productivity : float
        ``a``, manufactures per worker.

    Notes
    -----
    Follows R. K. Sah and J. E. Stiglitz, "The economics of price scissors", *American
    Economic Review* 74(1) (1984), 125–138, in its structure — a general-equilibrium dual
    economy in which the state's surplus is industrial output less the manufactures
    consumed by workers and peasants, with the food market cleared between peasants'
    marketings and urban consumption — and in its headline result: a price squeeze on
    peasants raises accumulation (as Preobrazhensky argued) but makes both peasants and
    workers worse off. This library's own formalization (not the paper's notation or
    generality): isoelastic marketings, Cobb–Douglas workers, producer surplus as the
    peasants' welfare, and the optimum of :meth:`optimal_wedge` (accumulation plus weighted
    peasant welfare at a real-wage floor), all derived in closed form here and checked
    against :mod:`nonequivalent.exact.symbolic`.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.DualEconomy(q0=100.0, p0=1.0, elasticity=0.5, workers=100.0,
    ...                      food_share=0.5, productivity=2.0)
    >>> out = eco.outcome(1.0, 1.0)
    >>> out.retail_price, out.accumulation
    (0.5, 50.0)
    """

    q0: float = 100.0
    p0: float = 1.0
    elasticity: float = 0.5
    workers: float = 100.0
    food_share: float = 0.5
    productivity: float = 2.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "q0", _positive(self.q0, "q0", MarketingResponseError))
        object.__setattr__(self, "p0", _positive(self.p0, "p0", MarketingResponseError))
        eps = _positive(self.elasticity, "elasticity", MarketingResponseError, allow_zero=True)
        object.__setattr__(self, "elasticity", eps)
        object.__setattr__(self, "workers", _positive(self.workers, "workers",
                                                      InvalidGroupError))
        beta = as_number(self.food_share, "food_share β", InvalidGroupError)
        if not 0 < beta < 1:
            raise InvalidGroupError(f"food_share β must lie in (0, 1); got {self.food_share}.")
        object.__setattr__(self, "food_share", beta)
        object.__setattr__(self, "productivity", _positive(self.productivity, "productivity",
                                                           InvalidGroupError))

    @cached_property
    def response(self) -> IsoelasticResponse:
        """The peasants' marketing response as an :class:`IsoelasticResponse`."""
        return IsoelasticResponse(self.q0, self.p0, self.elasticity)

    def _pw(self, p: Any, w: Any) -> tuple[float, float]:
        # numpy floats: an overflow gives inf (reported by _finite), never OverflowError
        return (np.float64(_positive(p, "procurement price")),
                np.float64(_positive(w, "wage")))

    def marketed_surplus(self, p: float) -> float:
        """``q(p) = q0 (p/p0)^ε``.

        >>> import nonequivalent as ne
        >>> ne.DualEconomy(q0=100, p0=1, elasticity=0.5).marketed_surplus(4.0)
        200.0
        """
        return float(self.response(_positive(p, "procurement price")))

    def retail_price(self, p: float, w: float) -> float:
        """Market-clearing retail food price ``p_r = L β w / q(p)``.

        >>> import nonequivalent as ne
        >>> ne.DualEconomy().retail_price(1.0, 1.0)
        0.5
        """
        p, w = self._pw(p, w)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            out = self.workers * self.food_share * w / self.marketed_surplus(p)
        return _finite(out, "the retail price")

    def accumulation(self, p: float, w: float) -> float:
        """State surplus ``S = a L − (1 − β) w L − p q(p)``.

        >>> import nonequivalent as ne
        >>> ne.DualEconomy().accumulation(1.0, 1.0)
        50.0
        """
        p, w = self._pw(p, w)
        L, b = self.workers, self.food_share
        with np.errstate(over="ignore", invalid="ignore"):
            out = self.productivity * L - (1 - b) * w * L - p * self.marketed_surplus(p)
        return _finite(out, "accumulation")

    def peasant_welfare(self, p: float) -> float:
        """Peasants' producer surplus ``U_p = p q(p) / (1 + ε)``.

        >>> import nonequivalent as ne
        >>> round(ne.DualEconomy().peasant_welfare(1.0), 4)
        66.6667
        """
        p = _positive(p, "procurement price")
        with np.errstate(over="ignore", invalid="ignore"):
            out = p * self.marketed_surplus(p) / (1.0 + self.elasticity)
        return _finite(out, "peasant welfare")

    def real_wage(self, p: float, w: float) -> float:
        """Workers' real wage ``V = w / p_r^β`` (the wage over the Cobb–Douglas cost of
        living, manufactures the numeraire).

        >>> import nonequivalent as ne
        >>> round(ne.DualEconomy().real_wage(1.0, 1.0), 6)
        1.414214
        """
        p, w = self._pw(p, w)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            out = w / self.retail_price(p, w) ** np.float64(self.food_share)
        return _finite(out, "the real wage")

    def worker_utility(self, p: float, w: float) -> float:
        """Cobb–Douglas indirect utility ``β^β (1 − β)^(1−β) w / p_r^β`` of a worker.

        Proportional to :meth:`real_wage` (the constant is the maximized Cobb–Douglas
        utility of one unit of real income; H. Varian, *Microeconomic Analysis*, 3rd ed.
        (1992), ch. 7).

        >>> import nonequivalent as ne
        >>> round(ne.DualEconomy().worker_utility(1.0, 1.0), 6)      # 0.5 · √2
        0.707107
        """
        b = np.float64(self.food_share)
        with np.errstate(over="ignore", invalid="ignore", under="ignore"):
            out = b ** b * (1 - b) ** (1 - b) * self.real_wage(p, w)
        return _finite(out, "the worker's utility")

    def worker_welfare(self, p: float, w: float) -> float:
        """Deprecated name of :meth:`real_wage` (the number is the real wage)."""
        _deprecated_welfare("DualEconomy")
        return self.real_wage(p, w)

    def outcome(self, p: float, w: float) -> DualOutcome:
        """Everything at ``(p, w)``: prices, quantities, the state's surplus, welfare.

        >>> import nonequivalent as ne
        >>> ne.DualEconomy().outcome(1.0, 1.0).retail_procurement_ratio
        0.5
        """
        p, w = self._pw(p, w)
        q = self.marketed_surplus(p)
        pr = self.retail_price(p, w)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            margin = (pr - p) * q
            industrial = (self.productivity - w) * self.workers
            wedge = _finite((pr - p) / p, "the wedge (p_r − p)/p")
            ratio = _finite(pr / p, "the ratio p_r/p")
        return DualOutcome(procurement_price=p, wage=w, marketed_surplus=q, retail_price=pr,
                           wedge=wedge, retail_procurement_ratio=ratio,
                           retail_margin=margin, industrial_surplus=industrial,
                           accumulation=margin + industrial,
                           peasant_welfare=self.peasant_welfare(p),
                           real_wage=self.real_wage(p, w),
                           worker_utility=self.worker_utility(p, w))

    def comparative_statics(self, p: float, w: float) -> DualComparativeStatics:
        """Closed-form derivatives at ``(p, w)`` (see :class:`DualComparativeStatics`).

        Derived from the definitions above; checked against sympy in
        :func:`nonequivalent.exact.symbolic.accumulation_derivative`.

        >>> import nonequivalent as ne
        >>> ne.DualEconomy().comparative_statics(1.0, 1.0).dS_dp
        -150.0
        """
        p, w = self._pw(p, w)
        q = self.marketed_surplus(p)
        V = self.real_wage(p, w)
        eps, b, L = self.elasticity, self.food_share, self.workers
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            parts = {"dS_dp": -(1 + eps) * q, "dUp_dp": q, "dV_dp": b * eps * V / p,
                     "dS_dw": -(1 - b) * L, "dV_dw": (1 - b) * V / w}
        return DualComparativeStatics(**{k: _finite(v, k) for k, v in parts.items()})

    def wage_for(self, p: float, real_wage: float) -> float:
        """The wage that gives workers the real wage ``V̄`` at procurement price ``p``:
        ``w = (V̄ (L β)^β q(p)^{−β})^{1/(1−β)}``.

        >>> import nonequivalent as ne
        >>> eco = ne.DualEconomy()
        >>> round(eco.real_wage(1.0, eco.wage_for(1.0, 0.8)), 12)
        0.8
        """
        p = _positive(p, "procurement price")
        V = _positive(real_wage, "real wage")
        b, L = np.float64(self.food_share), np.float64(self.workers)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            out = (V * (L * b) ** b * self.marketed_surplus(p) ** (-b)) ** (1.0 / (1.0 - b))
        return _finite(out, "the wage for the real wage")

    def optimal_wedge(self, real_wage_floor: float | None = None, peasant_weight: float = 0.0,
                      *, worker_weight: float | None = None) -> DualOptimum:
        """The optimal wedge: workers held at a real-wage floor, or weighted in the objective.

        Give exactly one of ``real_wage_floor`` and ``worker_weight``.

        **Real-wage floor** ``V̄``: maximize ``S + ω U_p`` over ``p`` with workers held at
        the real wage ``V̄``.

        With ``w = w(p)`` from :meth:`wage_for` (``w = K p^{−γ}``, ``γ = εβ/(1−β)``) and
        ``q = c p^ε`` (``c = q0 p0^{−ε}``), the first-order condition gives the closed form

        ``p*^{1+ε+γ} = L K ε β / (c (1 + ε − ω))``,

        a unique maximum (the objective is strictly concave in ``p``). Substituting back,
        ``(1 + ε − ω) p* q(p*) = ε L β w*``, so the optimal wedge is

        ``p_r* / p* = (1 + ε − ω) / ε``,

        independent of the real-wage floor: with ``ω = 0`` the state prices like a
        monopsonist facing the retail price, ``p* = ε p_r* / (1 + ε)`` — the squeeze
        optimum of :func:`squeeze_optimum` with ``p^e = p_r``. (Sah and Stiglitz likewise
        find an optimal terms of trade that is simple to characterize and, within a range,
        independent of the rural–urban welfare trade-off; this formula is this library's.)
        A squeeze below ``p*`` still raises ``S`` at a fixed wage, but once the wage must
        rise to hold workers at ``V̄`` it lowers accumulation.

        **Worker weight** ``θ`` (Sah and Stiglitz's welfare weights, simplified): maximize
        ``S + ω U_p + θ L u`` over ``p`` and ``w``, with ``u`` the workers' Cobb–Douglas
        indirect utility (:meth:`worker_utility`, ``u = k w p_r^{−β}``,
        ``k = β^β (1 − β)^{1−β}``). The first-order condition in ``w`` gives
        ``θ u = w``, i.e. the retail price ``p_r* = (θ k)^{1/β}``; the one in ``p`` gives
        again ``(1 + ε − ω) p* q(p*) = ε L β w*``, so ``p* = ε p_r* / (1 + ε − ω)`` and the
        same optimal ratio ``p_r*/p* = (1 + ε − ω)/ε``; ``w* = p_r* q(p*) / (L β)``.
        This is the stationary point of the objective (checked against a numeric
        maximization in the tests).

        Parameters
        ----------
        real_wage_floor : float, optional
            ``V̄ > 0``.
        peasant_weight : float
            ``ω`` in ``[0, 1 + ε)``: value of one unit of peasant welfare relative to one
            unit of accumulation (Sah and Stiglitz's welfare weights/intertemporal
            valuation in this library's simplified form).
        worker_weight : float, optional
            ``θ > 0``: value of one unit of a worker's utility relative to one unit of
            accumulation (keyword only).

        Raises
        ------
        MarketingResponseError
            ``ε = 0``: with inelastic marketings accumulation rises all the way to
            ``p = 0``; there is no interior optimum.
        InvalidGroupError
            ``ω`` outside ``[0, 1 + ε)``; both or neither of ``real_wage_floor`` and
            ``worker_weight``.

        Examples
        --------
        >>> import nonequivalent as ne
        >>> opt = ne.DualEconomy(elasticity=0.5).optimal_wedge(0.5)
        >>> round(opt.procurement_price, 6), round(opt.retail_procurement_ratio, 6)
        (0.144338, 3.0)
        >>> round(opt.wedge, 6)                                  # (p_r − p)/p = 1/ε
        2.0
        >>> w = ne.DualEconomy(elasticity=0.5).optimal_wedge(worker_weight=2.0)
        >>> round(w.retail_procurement_ratio, 12), round(w.outcome.retail_price, 6)
        (3.0, 1.0)
        """
        if (real_wage_floor is None) == (worker_weight is None):
            raise InvalidGroupError("give exactly one of real_wage_floor= (workers held at a "
                                    "real wage) and worker_weight= (workers' utility in the "
                                    "objective).")
        eps, b, L = (np.float64(v) for v in (self.elasticity, self.food_share, self.workers))
        if eps == 0:
            raise MarketingResponseError(
                "with elasticity 0 marketings do not respond to price, so accumulation rises "
                "all the way to p = 0: there is no interior optimal wedge.")
        om = as_number(peasant_weight, "peasant_weight ω", InvalidGroupError, allow_zero=True)
        if not om < 1 + eps:
            raise InvalidGroupError(f"peasant_weight ω must lie in [0, 1 + ε) = [0, "
                                    f"{_fmt(1 + eps)}); got {peasant_weight}.")
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            if worker_weight is not None:
                theta = np.float64(as_number(worker_weight, "worker_weight θ",
                                             InvalidGroupError))
                k = b ** b * (1 - b) ** (1 - b)
                pr_star = (theta * k) ** (1 / b)
                p_star = _finite(eps * pr_star / (1 + eps - om), "the optimal price")
                w_star = pr_star * self.marketed_surplus(p_star) / (L * b)
                return DualOptimum(real_wage_floor=None, peasant_weight=om,
                                   worker_weight=theta, outcome=self.outcome(p_star, w_star),
                                   method="closed form p_r* = (θ k)^(1/β), "
                                          "p* = ε p_r*/(1 + ε − ω)")
            V = np.float64(_positive(real_wage_floor, "real-wage floor", InvalidGroupError))
            c = np.float64(self.q0) * self.p0 ** (-eps)
            gamma = eps * b / (1 - b)
            K = (V * (L * b) ** b) ** (1 / (1 - b)) * c ** (-b / (1 - b))
            p_star = (L * K * eps * b / (c * (1 + eps - om))) ** (1 / (1 + eps + gamma))
            w_star = K * p_star ** (-gamma)
        return DualOptimum(real_wage_floor=V, peasant_weight=om,
                           outcome=self.outcome(_finite(p_star, "the optimal price"),
                                                _finite(w_star, "the optimal wage")),
                           method="closed form p*^(1+ε+γ) = L K ε β / (c (1 + ε − ω))")


def _finite(value: float, what: str) -> float:
    """``value`` as a float, or :class:`~nonequivalent.NumericalRangeError` if it is not
    finite, or if it underflowed to 0 where a positive number is meant."""
    require_finite(value, f"{what} in the dual economy")
    return float(value)

