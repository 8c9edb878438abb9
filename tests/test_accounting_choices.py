"""The accounting choices that move the headline shares: the workers' money wage
as one factor with its basket and retail prices, who counts as a worker, and whom the newly
hired are credited to."""

import numpy as np
import pytest

import nonequivalent as ne
from nonequivalent import scenarios
from nonequivalent.groups import WorkerCategory


def test_derived_wage_is_one_factor_and_every_coalition_buys_its_basket(monkeypatch):
    # Scenario files derive the money wage as the basket at retail prices, w = p_r·b. The
    # sources of accumulation must not evaluate a coalition where the wage of one year meets
    # the basket or the retail prices of the other: record w − p_r·b at every evaluation.
    gaps = []
    original = WorkerCategory._basket

    def spy(self, ctx, bbar, w, pr):
        gaps.append(abs(w - float(pr @ bbar)) / max(abs(w), 1.0))
        return original(self, ctx, bbar, w, pr)

    monkeypatch.setattr(WorkerCategory, "_basket", spy)
    money = scenarios.pair().sources_of_accumulation(measure="money")
    assert len(gaps) >= 8           # 2^3 coalitions: wage and prices, employment, earners
    assert max(gaps) < 1e-12
    factors = list(money.contributions.index)
    assert "wage and retail prices" in factors
    assert not {"real wage", "money wage", "retail margins"} & set(factors)
    assert float(money.shares.sum()) == pytest.approx(1.0, rel=1e-12)
    assert float(money.contributions.sum()) == pytest.approx(money.change, rel=1e-12)
    # in hours the joint factor is the basket's effect alone: 38.3 % on the built-in pair
    hours = scenarios.pair().sources_of_accumulation(measure="hours")
    assert round(100 * hours.shares["wage and retail prices"], 1) == 38.3


def test_report_says_why_the_wage_is_one_factor():
    rep = ne.report("ussr-1928", later="ussr-1932")
    frame = rep.to_frame("sources")
    assert "workers.wage_and_retail_prices" in frame.index
    assert "workers.money_wage" not in frame.index
    notes = " ".join(rep.section("sources").notes)
    assert "w = p_r·b" in notes and "one factor" in notes
    assert frame.loc[[k for k in frame.index if not k.endswith(".total")],
                     "share_money"].sum() == pytest.approx(100.0, rel=1e-9)


def test_stated_wage_keeps_three_factors_and_mixed_periods_are_refused():
    eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    bench = ne.labour_value_benchmark(eco, melt=1.0)
    prices = {"grain": 1.0, "cloth": 1.0}
    derived = ne.WorkerCategory(name="workers", number=10, hours=8, base_basket={"grain": 4})
    stated = ne.WorkerCategory(name="workers", number=10, hours=8, base_basket={"grain": 4},
                               money_wage=5.0)
    res = ne.group_sources(eco, bench, prices, [stated], prices, [stated])
    assert {"real wage", "money wage", "retail margins"} <= set(res.contributions.index)
    with pytest.raises(ne.InvalidGroupError, match="derives its money wage in both"):
        ne.group_sources(eco, bench, prices, [derived], prices, [stated])
    assert np.isfinite(res.change)


def test_employment_credited_to_peasants_moves_only_the_group_totals():
    default = ne.report("ussr-1928", later="ussr-1932").to_frame("sources")
    moved = ne.report("ussr-1928", later="ussr-1932", employment="peasants").to_frame("sources")
    factors = [k for k in default.index if not k.endswith(".total")]
    for col in ("change_hours", "change_money"):
        assert moved.loc[factors, col].to_numpy() == pytest.approx(
            default.loc[factors, col].to_numpy(), rel=1e-12)
    emp = default.loc["workers.employment", "share_hours"]
    assert moved.loc["peasants.total", "share_hours"] == pytest.approx(
        default.loc["peasants.total", "share_hours"] + emp, rel=1e-12)
    assert moved.loc["workers.total", "share_hours"] == pytest.approx(
        default.loc["workers.total", "share_hours"] - emp, rel=1e-12)
    # on the built-in pair: workers 61.7 % -> 38.3 %, peasants 27.7 % -> 51.0 %
    assert round(default.loc["workers.total", "share_hours"], 1) == 61.7
    assert round(moved.loc["workers.total", "share_hours"], 1) == 38.3
    assert round(moved.loc["peasants.total", "share_hours"], 1) == 51.0
    with pytest.raises(ne.InvalidGroupError, match="employment"):
        ne.report("ussr-1928", later="ussr-1932", employment="kulaks")


def test_manual_workers_move_the_workers_share_from_62_to_52_percent():
    base, later = scenarios.load("ussr-1928"), scenarios.load("ussr-1932")
    assert base.group("workers").definition == "workers and employees"
    m28 = scenarios.with_workers_definition(base, "manual workers")
    m32 = scenarios.with_workers_definition(later, "manual workers")
    assert (m28.workers.number, m32.workers.number) == (8.7, 17.8)    # TsSU, рабочие
    assert m32.group("workers").definition == "manual workers"
    prov = m32.parameters().loc["workers.number"]
    assert prov["kind"] == "historical" and "manual workers" in prov["source"]
    assert prov["low"] < 17.8 < prov["high"]
    default = scenarios.pair(base, later).sources_of_accumulation("hours").group_shares
    manual = scenarios.pair(m28, m32).sources_of_accumulation("hours").group_shares
    assert round(100 * default["workers"], 1) == 61.7
    assert round(100 * manual["workers"], 1) == 52.4
    assert round(100 * default["peasants"], 1) == 27.7
    assert round(100 * manual["peasants"], 1) == 34.4
    # the switch survives a round trip through TOML and is refused when unknown
    assert scenarios.loads(scenarios.dumps(m32)).group("workers").definition == \
        "manual workers"
    with pytest.raises(ne.ScenarioError, match="definition"):
        scenarios.with_workers_definition(base, "peasants")
    with pytest.raises(ne.ScenarioError, match="definition"):
        base.with_values({"workers.definition": "kulaks"})
    rep = ne.report(m28, later=m32)
    assert any("counts manual workers" in n for n in rep.notes)
