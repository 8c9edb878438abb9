"""The state: the counterpart of every other group; its surplus is the accumulation fund."""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from .base import AccountContext, Flows, GroupKind, register_group_kind

__all__ = ["State"]


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
        return Flows(sum(r.hours_received for r in rows), sum(r.hours_given for r in rows),
                     sum(r.taxes for r in rows), sum(r.underpayment for r in rows),
                     sum(r.overpayment for r in rows), receives=True)

    def factor_names(self) -> tuple[str, ...]:
        return ()

    def factors(self, ctx: AccountContext) -> dict[str, Any]:
        return {}

    def fund_part(self, ctx, factor, measure):
        return 0.0


