"""The state: the counterpart of every other group; its surplus is the accumulation fund."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from .base import AccountContext, BatchContext, Flows, GroupKind, register_group_kind

__all__ = ["State", "state_flows"]


def state_flows(rows: Iterable[Sequence[Any]]) -> tuple[Any, ...]:
    """The state's five flows from the other groups' ``(given, received, taxes,
    underpayment, overpayment)``: it receives the hours they give and gives the hours they
    receive; the money parts are theirs, summed (floats or arrays of draws).

    Preobrazhensky, *The New Economics*, ch. 2: the state's row is the accumulation fund.
    """
    rows = list(rows)
    return (sum(r[1] for r in rows), sum(r[0] for r in rows), sum(r[2] for r in rows),
            sum(r[3] for r in rows), sum(r[4] for r in rows))


@register_group_kind
@dataclasses.dataclass(frozen=True, kw_only=True)
class State(GroupKind):
    """The state: receives what the other groups give and gives what they receive.

    Its surplus, ``received − given`` in hours and the sum of the others' money
    surpluses, is the accumulation fund (Preobrazhensky, *The New Economics*, ch. 2).
    """

    kind: ClassVar[str] = "state"
    rank: ClassVar[int] = 1000

    def flows(self, ctx: AccountContext) -> Flows:
        rows = [g.flows(ctx) for g in ctx.groups.values() if not isinstance(g, State)]
        return Flows(*state_flows((r.hours_given, r.hours_received, r.taxes, r.underpayment,
                                   r.overpayment) for r in rows), receives=True)

    def batch_flows(self, bctx: BatchContext) -> tuple[Any, ...]:
        # the account puts the other groups' five flows in the cache before the state's
        return state_flows(bctx.cache["account rows"])

    def batch_factors(self, bctx: BatchContext) -> dict[str, Any]:
        return {}

    def batch_fund_part(self, bctx, factor, measure):
        return 0.0

    def factor_names(self) -> tuple[str, ...]:
        return ()

    def factors(self, ctx: AccountContext) -> dict[str, Any]:
        return {}

    def fund_part(self, ctx, factor, measure):
        return 0.0


