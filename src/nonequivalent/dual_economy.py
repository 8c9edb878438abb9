"""A dual economy of town and country in the spirit of Sah and Stiglitz.

:class:`DualEconomy` — R. K. Sah and J. E. Stiglitz, "The economics of price scissors",
*AER* 74(1) (1984), 125–138: a price squeeze raises accumulation while it makes peasants and
workers worse off.
"""

from __future__ import annotations

import dataclasses
import math
from functools import cached_property
from typing import Any

import pandas as pd

from ._common import _fmt, _positive
from .errors import (
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

@dataclasses.dataclass(frozen=True)
class DualOutcome:
    """State of the dual economy at a procurement price ``p`` and urban wage ``w``.

    All money is in units of manufactures (``p_m = 1``).

    Attributes
    ----------
    procurement_price, wage, marketed_surplus, retail_price, wedge : float
        ``p``, ``w``, ``q(p)``, the market-clearing retail food price ``p_r``, and
        ``p_r / p``.
    retail_margin, industrial_surplus, accumulation : float
        ``(p_r − p) q``, ``(a − w) L`` and their sum ``S``.
    peasant_welfare, worker_welfare : float
        ``p q / (1 + ε)`` and ``w / p_r^β``.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> out = ne.DualEconomy().outcome(1.0, 1.0)
    >>> out.accumulation == out.retail_margin + out.industrial_surplus
    True
    """

    procurement_price: float
    wage: float
    marketed_surplus: float
    retail_price: float
    wedge: float
    retail_margin: float
    industrial_surplus: float
    accumulation: float
    peasant_welfare: float
    worker_welfare: float

    def to_frame(self) -> pd.DataFrame:
        """One row with every field."""
        return pd.DataFrame([dataclasses.asdict(self)], index=pd.Index(["outcome"]))

    def summary(self) -> str:
        """The outcome as aligned ``name: value`` lines."""
        return "\n".join(f"{k:>20}: {_fmt(v)}" for k, v in dataclasses.asdict(self).items())

    def __str__(self) -> str:
        return self.summary()


@dataclasses.dataclass(frozen=True)
class DualComparativeStatics:
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
        """A lower procurement price lowers workers' real wage (``∂V/∂p > 0``)."""
        return self.dV_dp > 0

    def to_frame(self) -> pd.DataFrame:
        """One row with the five derivatives."""
        return pd.DataFrame([dataclasses.asdict(self)], index=pd.Index(["derivative"]))

    def summary(self) -> str:
        """Derivatives and the three signs of a squeeze (lower ``p`` at fixed ``w``)."""
        d = dataclasses.asdict(self)
        return ("\n".join(f"{k:>6} = {_fmt(v)}" for k, v in d.items())
                + f"\nA squeeze raises accumulation: {self.squeeze_raises_accumulation}; "
                f"hurts peasants: {self.squeeze_hurts_peasants}; hurts workers: "
                f"{self.squeeze_hurts_workers}")

    def __str__(self) -> str:
        return self.summary()


@dataclasses.dataclass(frozen=True)
class DualOptimum:
    """The procurement price and wage that maximize accumulation at a real-wage floor.

    Attributes
    ----------
    real_wage_floor, peasant_weight : float
        ``V̄`` and ``ω``.
    outcome : DualOutcome
        The economy at ``(p*, w*)``; ``outcome.wedge`` is the optimal wedge ``p_r*/p*``.
    method : str

    Examples
    --------
    >>> import nonequivalent as ne
    >>> opt = ne.DualEconomy().optimal_wedge(real_wage_floor=0.5)
    >>> round(opt.outcome.worker_welfare, 12)
    0.5
    """

    real_wage_floor: float
    peasant_weight: float
    outcome: DualOutcome
    method: str

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
        """``p_r* / p*``."""
        return self.outcome.wedge

    def to_frame(self) -> pd.DataFrame:
        """One row: the outcome plus the floor and weight."""
        out = self.outcome.to_frame()
        out.insert(0, "peasant_weight", self.peasant_weight)
        out.insert(0, "real_wage_floor", self.real_wage_floor)
        return out.rename(index={"outcome": "optimum"})

    def summary(self) -> str:
        """The optimum in words and numbers."""
        return (f"Optimal wedge at real-wage floor V = {_fmt(self.real_wage_floor)} "
                f"(peasant weight ω = {_fmt(self.peasant_weight)}) [{self.method}]:\n"
                + self.outcome.summary())

    def __str__(self) -> str:
        return self.summary()


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
    against :mod:`nonequivalent.symbolic`.

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
        beta = float(self.food_share)
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
        return (_positive(p, "procurement price"), _positive(w, "wage"))

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
        return self.workers * self.food_share * w / self.marketed_surplus(p)

    def accumulation(self, p: float, w: float) -> float:
        """State surplus ``S = a L − (1 − β) w L − p q(p)``.

        >>> import nonequivalent as ne
        >>> ne.DualEconomy().accumulation(1.0, 1.0)
        50.0
        """
        p, w = self._pw(p, w)
        L, b = self.workers, self.food_share
        return self.productivity * L - (1 - b) * w * L - p * self.marketed_surplus(p)

    def peasant_welfare(self, p: float) -> float:
        """Peasants' producer surplus ``U_p = p q(p) / (1 + ε)``.

        >>> import nonequivalent as ne
        >>> round(ne.DualEconomy().peasant_welfare(1.0), 4)
        66.6667
        """
        p = _positive(p, "procurement price")
        return p * self.marketed_surplus(p) / (1.0 + self.elasticity)

    def worker_welfare(self, p: float, w: float) -> float:
        """Workers' real wage ``V = w / p_r^β`` (Cobb–Douglas cost of living).

        >>> import nonequivalent as ne
        >>> round(ne.DualEconomy().worker_welfare(1.0, 1.0), 6)
        1.414214
        """
        p, w = self._pw(p, w)
        return w / self.retail_price(p, w) ** self.food_share

    def outcome(self, p: float, w: float) -> DualOutcome:
        """Everything at ``(p, w)``: prices, quantities, the state's surplus, welfare.

        >>> import nonequivalent as ne
        >>> ne.DualEconomy().outcome(1.0, 1.0).wedge
        0.5
        """
        p, w = self._pw(p, w)
        q = self.marketed_surplus(p)
        pr = self.retail_price(p, w)
        margin = (pr - p) * q
        industrial = (self.productivity - w) * self.workers
        return DualOutcome(procurement_price=p, wage=w, marketed_surplus=q, retail_price=pr,
                           wedge=pr / p, retail_margin=margin, industrial_surplus=industrial,
                           accumulation=margin + industrial,
                           peasant_welfare=self.peasant_welfare(p),
                           worker_welfare=self.worker_welfare(p, w))

    def comparative_statics(self, p: float, w: float) -> DualComparativeStatics:
        """Closed-form derivatives at ``(p, w)`` (see :class:`DualComparativeStatics`).

        Derived from the definitions above; checked against sympy in
        :func:`nonequivalent.symbolic.accumulation_derivative`.

        >>> import nonequivalent as ne
        >>> ne.DualEconomy().comparative_statics(1.0, 1.0).dS_dp
        -150.0
        """
        p, w = self._pw(p, w)
        q = self.marketed_surplus(p)
        V = self.worker_welfare(p, w)
        eps, b, L = self.elasticity, self.food_share, self.workers
        return DualComparativeStatics(dS_dp=-(1 + eps) * q, dUp_dp=q,
                                      dV_dp=b * eps * V / p, dS_dw=-(1 - b) * L,
                                      dV_dw=(1 - b) * V / w)

    def wage_for(self, p: float, real_wage: float) -> float:
        """The wage that gives workers the real wage ``V̄`` at procurement price ``p``:
        ``w = (V̄ (L β)^β q(p)^{−β})^{1/(1−β)}``.

        >>> import nonequivalent as ne
        >>> eco = ne.DualEconomy()
        >>> round(eco.worker_welfare(1.0, eco.wage_for(1.0, 0.8)), 12)
        0.8
        """
        p = _positive(p, "procurement price")
        V = _positive(real_wage, "real wage")
        b, L = self.food_share, self.workers
        return (V * (L * b) ** b * self.marketed_surplus(p) ** (-b)) ** (1.0 / (1.0 - b))

    def optimal_wedge(self, real_wage_floor: float, peasant_weight: float = 0.0) -> DualOptimum:
        """Maximize ``S + ω U_p`` over ``p`` with workers held at the real wage ``V̄``.

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

        Parameters
        ----------
        real_wage_floor : float
            ``V̄ > 0``.
        peasant_weight : float
            ``ω`` in ``[0, 1 + ε)``: value of one unit of peasant welfare relative to one
            unit of accumulation (Sah and Stiglitz's welfare weights/intertemporal
            valuation in this library's simplified form).

        Raises
        ------
        MarketingResponseError
            ``ε = 0``: with inelastic marketings accumulation rises all the way to
            ``p = 0``; there is no interior optimum.
        InvalidGroupError
            ``ω`` outside ``[0, 1 + ε)``.

        Examples
        --------
        >>> import nonequivalent as ne
        >>> opt = ne.DualEconomy(elasticity=0.5).optimal_wedge(0.5)
        >>> round(opt.procurement_price, 6), round(opt.wedge, 6)     # wedge (1 + ε)/ε = 3
        (0.144338, 3.0)
        """
        V = _positive(real_wage_floor, "real-wage floor", InvalidGroupError)
        eps, b, L = self.elasticity, self.food_share, self.workers
        if eps == 0:
            raise MarketingResponseError(
                "with elasticity 0 marketings do not respond to price, so accumulation rises "
                "all the way to p = 0: there is no interior optimal wedge.")
        om = float(peasant_weight)
        if not (math.isfinite(om) and 0 <= om < 1 + eps):
            raise InvalidGroupError(f"peasant_weight ω must lie in [0, 1 + ε) = [0, "
                                    f"{_fmt(1 + eps)}); got {peasant_weight}.")
        c = self.q0 * self.p0 ** (-eps)
        gamma = eps * b / (1 - b)
        K = (V * (L * b) ** b) ** (1 / (1 - b)) * c ** (-b / (1 - b))
        p_star = (L * K * eps * b / (c * (1 + eps - om))) ** (1 / (1 + eps + gamma))
        w_star = K * p_star ** (-gamma)
        return DualOptimum(real_wage_floor=V, peasant_weight=om,
                           outcome=self.outcome(p_star, w_star),
                           method="closed form p*^(1+ε+γ) = L K ε β / (c (1 + ε − ω))")

