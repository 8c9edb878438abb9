# ruff: noqa: RUF009  (ne.param declares a dataclass field, like dataclasses.field)
"""The how-to page "adding a group kind", followed literally: a new kind defined here,
registered, used in a TOML scenario and reported on, with no edit of the library."""

from __future__ import annotations

import dataclasses
import inspect
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest

import nonequivalent as ne
from nonequivalent import scenarios

PAGE = Path(__file__).resolve().parents[1] / "docs" / "howto-group-kind.md"


@ne.register_group_kind
@dataclasses.dataclass(frozen=True, kw_only=True)
class Kolkhoz(ne.GroupKind):
    """Collective farms: compulsory deliveries, payments in kind, purchases, taxes."""

    kind = "kolkhoz"

    deliveries: dict = ne.param("compulsory deliveries", type="sectors", unit="goods")
    in_kind: dict = ne.param("payments in kind to the machine-tractor stations",
                             type="sectors", unit="goods", default=None)
    buys: dict = ne.param("goods bought", type="sectors", unit="goods", default=None)
    taxes: float = ne.param("money taxes", unit="money", default=0.0, minimum=0.0)

    def flows(self, ctx: ne.AccountContext) -> ne.Flows:
        s = ctx.quantities(self.deliveries, f"{self.label} deliveries")
        k = ctx.quantities(self.in_kind, f"{self.label} payments in kind")
        d = ctx.quantities(self.buys, f"{self.label} purchases")
        lam, p, pe = ctx.values, ctx.prices, ctx.pe
        return ne.Flows(hours_given=float(lam @ (s + k)), hours_received=float(lam @ d),
                        taxes=self.taxes, underpayment=float((pe - p) @ s + pe @ k),
                        overpayment=float((p - pe) @ d))


def _page_toml() -> str:
    page = PAGE.read_text(encoding="utf-8")
    return page.split("text = scenarios.dumps(scenarios.load(\"ussr-1932\")) + '''", 1)[1] \
        .split("'''", 1)[0]


def test_the_class_here_is_the_class_on_the_page():
    source = inspect.getsource(Kolkhoz)
    assert source in PAGE.read_text(encoding="utf-8")


def test_a_new_kind_loads_from_toml_and_is_reported(tmp_path):
    ne.register_group_kind(Kolkhoz)    # the same class name again replaces (notebook re-runs)
    path = tmp_path / "kolkhozes.toml"
    path.write_text(scenarios.dumps(scenarios.load("ussr-1932")) + _page_toml(),
                    encoding="utf-8")
    sc = scenarios.load(path)
    assert [g.kind for g in sc.groups] == ["peasants", "workers", "worker-households",
                                           "kolkhoz", "state"]
    assert isinstance(sc.group("kolkhozes"), Kolkhoz)
    rep = ne.report(sc, later=None)
    hours = rep.to_frame("account_hours_base")
    money = rep.to_frame("account_money_base")
    # by hand: λ from (I − A)ᵀ λ = l; hours given λ_agr (3000 + 500), received λ_heavy 600
    A = np.array(sc.A)
    lam = np.linalg.solve((np.eye(3) - A).T, sum(np.array(v) for v in sc.labour.values()))
    assert hours.loc["kolkhozes", "hours_given"] == pytest.approx(lam[0] * 3500, rel=1e-12)
    assert hours.loc["kolkhozes", "hours_received"] == pytest.approx(lam[2] * 600, rel=1e-12)
    pe = sc.equivalence_benchmark().prices.to_numpy()
    p = sc.prices_series().to_numpy()
    assert money.loc["kolkhozes", "underpayment"] == pytest.approx(
        (pe[0] - p[0]) * 3000 + pe[0] * 500, rel=1e-12)
    assert money.loc["kolkhozes", "overpayment"] == pytest.approx((p[2] - pe[2]) * 600,
                                                                  rel=1e-12)
    # the account reconciles with the new row in it
    assert hours.drop(index="state")["surplus_hours"].sum() == pytest.approx(
        hours.loc["state", "surplus_hours"], rel=1e-12)
    assert sc.surplus_account().is_reconciled
    # its parameters are documented and can be varied
    assert sc.parameters().loc["kolkhozes.in_kind", "low"] == 0.5
    later = sc.with_values({"kolkhozes.deliveries": 1.2})
    src = ne.report(sc, later=later).to_frame("sources")
    row = src.loc["kolkhozes.kolkhoz"]
    assert row["change_hours"] == pytest.approx(lam[0] * 600, rel=1e-9)
    assert src[src.index.str.endswith(".total")]["share_hours"].sum() == pytest.approx(100.0)
    # and it writes back
    assert scenarios.loads(scenarios.dumps(sc)) == sc


def test_a_taken_kind_name_is_refused():
    with pytest.raises(ne.InvalidGroupError, match="already registered"):
        @ne.register_group_kind
        @dataclasses.dataclass(frozen=True, kw_only=True)
        class Other(ne.GroupKind):
            kind: ClassVar[str] = "kolkhoz"

            def flows(self, ctx):
                return ne.Flows(0.0, 0.0, 0.0, 0.0, 0.0)
    assert ne.GROUP_KINDS["kolkhoz"].__qualname__ == "Kolkhoz"
