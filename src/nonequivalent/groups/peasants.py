"""Peasant households (non-state producers): the exchange with the state sector."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np

from ..errors import InvalidGroupError
from ..exchange.account import Group, exchange_account, exchange_flows
from .base import (
    AccountContext,
    BatchContext,
    Flows,
    GroupKind,
    _frozen,
    flow_row,
    param,
    register_group_kind,
)

__all__ = ["Peasants", "peasant_flows"]


def peasant_flows(lam: Any, p: Any, pe: Any, s: Any, d: Any, taxes: Any) -> tuple[Any, ...]:
    """The five flows of a peasant group (vectors by good, or arrays with a draws axis).

    Hours given ``λ·s``, received ``λ·d``; taxes; underpayment ``p^e·s − p·s`` on what
    the group sells and overpayment ``p·d − p^e·d`` on what it buys, the two price parts
    of Stalin's tribute (9 July 1928; Preobrazhensky, *The New Economics*, ch. 2), from
    :func:`nonequivalent.exchange.account.exchange_flows`, the computation of
    :func:`nonequivalent.exchange_account`.
    """
    given, received, under, over = exchange_flows(lam, p, pe, s, d)
    return (given, received, taxes, under, over)


# ============================================================================ peasants
@register_group_kind
@dataclasses.dataclass(frozen=True, kw_only=True)
class Peasants(GroupKind):
    """Non-state producers (peasant households): sales, purchases, direct taxes.

    Hours given ``λ·s``, received ``λ·d``; money: ``taxes``, underpayment
    ``(p^e − p)·s`` on what they sell, overpayment ``(p − p^e)·d`` on what they buy
    (Preobrazhensky, *The New Economics*, ch. 2; Stalin, 9 July 1928). Their optional
    marketing response ``q(p) = q0 (p/p0)^ε`` passes through the current point: ``q0`` is
    what they sell of ``marketing_good`` and ``p0`` its actual price (derived, not stated).

    Examples
    --------
    >>> Peasants(name="kulaks", sells={"grain": 3.0}, buys={"cloth": 1.0}).label
    'kulaks'
    """

    kind: ClassVar[str] = "peasants"
    rank: ClassVar[int] = 10

    sells: Mapping[str, float] = param("goods sold to the state sector", type="sectors",
                                       unit="goods", default=None)
    buys: Mapping[str, float] = param("goods bought from the state sector", type="sectors",
                                      unit="goods", default=None)
    taxes: float = param("money paid directly to the state", unit="money", default=0.0,
                         minimum=0.0)
    marketing_good: str | None = param("good whose marketings respond to its price",
                                       type="string", key="marketing.good", default=None)
    marketing_elasticity: float | None = param(
        "price elasticity ε of marketings", key="marketing.elasticity", minimum=0.0,
        default=None)

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "sells", _frozen(self.sells or {}))
        object.__setattr__(self, "buys", _frozen(self.buys or {}))
        object.__setattr__(self, "taxes", float(self.taxes))

    def group(self) -> Group:
        """The group as a :class:`nonequivalent.Group` (named by its label)."""
        return Group(self.label, sells=dict(self.sells), buys=dict(self.buys),
                     taxes=self.taxes)

    def __call__(self) -> Group:
        return self.group()

    def normalize(self, sectors, prices, groups):
        if (self.marketing_good is None) != (self.marketing_elasticity is None):
            raise ValueError(f"{self.name}.marketing",
                             "give both marketing.good and marketing.elasticity, or neither")
        if self.marketing_good is not None:
            if self.marketing_good not in sectors:
                raise ValueError(f"{self.name}.marketing.good",
                                 f"unknown sector {self.marketing_good!r}; sectors are "
                                 f"{list(sectors)}")
            if not self.sells.get(self.marketing_good, 0.0) > 0:
                raise ValueError(f"{self.name}.marketing.good",
                                 f"the group sells no {self.marketing_good!r}, so its "
                                 f"marketing response has no current point (q0 = "
                                 f"{self.name}.sells.{self.marketing_good} must be > 0)")
        return self, {}

    def _vectors(self, ctx: AccountContext) -> tuple[np.ndarray, np.ndarray]:
        return self.group().vectors(ctx.goods)

    def _purchases(self, ctx: AccountContext, p: np.ndarray, s: np.ndarray, d: np.ndarray,
                   tau: float) -> np.ndarray:
        if not ctx.spend_income:
            return d
        proceeds = float(p @ s) - tau
        cost = float(p @ d)
        if proceeds < 0:
            raise InvalidGroupError(
                f"{self.label}: the taxes {tau:g} exceed the sales proceeds {p @ s:g}, so "
                "they cannot spend their income on purchases (spend_income=True); lower the "
                "taxes or raise sales.")
        if not cost > 0:
            raise InvalidGroupError(
                f"{self.label}: the purchases cost nothing at the actual prices, so "
                "spend_income=True cannot scale them; give a purchase composition with a "
                "price.")
        return d * (proceeds / cost)

    def _exchange(self, ctx: AccountContext, p: np.ndarray, s: np.ndarray, d: np.ndarray,
                  tau: float) -> Any:
        d = self._purchases(ctx, p, s, d, tau)
        g = Group.from_arrays(self.label, s, d, ctx.goods, taxes=tau)
        return exchange_account(ctx.economy, g, p, ctx.benchmark)

    def flows(self, ctx: AccountContext) -> Flows:
        s, d = self._vectors(ctx)
        exch = self._exchange(ctx, ctx.prices, s, d, self.taxes)
        r = exch.by_group.iloc[0]
        return Flows(float(r["labour_given"]), float(r["labour_received"]),
                     float(r["taxes"]), float(r["underpayment"]), float(r["overpayment"]),
                     detail={"exchange": exch})

    def _batch_trade(self, bctx: BatchContext) -> tuple[Any, Any, Any]:
        """Sales, purchases (draws x goods) and taxes in every draw."""
        return (bctx.param(self, "sells"), bctx.param(self, "buys"),
                bctx.param(self, "taxes"))

    def batch_flows(self, bctx: BatchContext) -> tuple[Any, ...]:
        s, d, tau = self._batch_trade(bctx)
        return peasant_flows(bctx.values, bctx.prices, bctx.pe, s, d, tau)

    def batch_factors(self, bctx: BatchContext) -> dict[str, Any]:
        s, d, tau = self._batch_trade(bctx)
        return {"price policy": bctx.prices, "marketings": (s, d), "taxes": tau}

    def batch_fund_part(self, bctx, factor, measure):
        s, d = factor(self.name, "marketings")
        row = flow_row(*peasant_flows(bctx.values, factor(self.name, "price policy"),
                                      bctx.pe, s, d, factor(self.name, "taxes")))
        return row[2] if measure == "hours" else row[6]

    def factor_names(self) -> tuple[str, ...]:
        return ("price policy", "marketings", "taxes")

    def factors(self, ctx: AccountContext) -> dict[str, Any]:
        return {"price policy": ctx.prices, "marketings": self._vectors(ctx),
                "taxes": self.taxes}

    def fund_part(self, ctx, factor, measure):
        s, d = factor(self.name, "marketings")
        exch = self._exchange(ctx, factor(self.name, "price policy"), s, d,
                              factor(self.name, "taxes"))
        r = exch.by_group.iloc[0]
        return float(r["labour_transfer"] if measure == "hours" else r["tribute"])


