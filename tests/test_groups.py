"""Groups as data: N groups of any kind, schema 2's one system for the real wage,
the parameters API, and the report built on them (the acceptance tests of the design)."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nonequivalent as ne
from nonequivalent import scenarios

DATA = Path(__file__).resolve().parent / "data"


def _lambda(sc: scenarios.Scenario) -> np.ndarray:
    """Labour values by hand: (I − A)ᵀ λ = l, l the sum of the labour rows."""
    A = np.array(sc.A)
    lab = sum(np.array(v) for v in sc.labour.values())
    return np.linalg.solve((np.eye(len(A)) - A).T, lab)


# ------------------------------------------------------------ the real wage, one system
def test_real_wage_cut_moves_workers_hours_and_source_share_by_hand_derivation():
    s28, s32 = scenarios.load("ussr-1928"), scenarios.load("ussr-1932")
    s32b = s32.with_values({"workers.real_wage.cut": 0.4})
    assert s32.real_wage_cut == 0.5 and s32b.real_wage_cut == 0.4   # s32 is unchanged
    lam = _lambda(s32)
    b0 = np.array([s32.group("workers").base_basket[g] for g in s32.sectors])
    vb0 = float(lam @ b0)                    # λ·b0 = 1463.2 hours a year
    assert vb0 == pytest.approx(1463.2, rel=1e-4)
    N28, N32 = 11.4, 24.2                   # workers, extra earners included
    # workers' hours received N λ·b with b = (1 − δ) b0: +N32 λ·b0 (0.5 − 0.4)
    a, b = s32.surplus_account().table, s32b.surplus_account().table
    moved = b.loc["workers", "hours_received"] - a.loc["workers", "hours_received"]
    assert moved == pytest.approx(N32 * vb0 * 0.1, rel=1e-12)
    assert b.loc["workers", "surplus_hours"] - a.loc["workers", "surplus_hours"] == \
        pytest.approx(-N32 * vb0 * 0.1, rel=1e-12)
    # the money wage follows: the basket at retail prices, 0.6 × (3·400 + 1.8·250 + 1.4·20)
    assert s32b.workers.money_wage == pytest.approx(0.6 * 1678.0)
    # Sources 1928 → 1932: the fund's workers' part is N (h − λ·b); the Shapley value of
    # the basket is Δ(−λ·b) at the mean of the workforce over the orders of switching:
    # φ = δ λ·b0 (N28 + N32) / 2. The total change falls by N32 λ·b0 (0.5 − 0.4).
    r5 = scenarios.pair(s28, s32).sources_of_accumulation("hours")
    r4 = scenarios.pair(s28, s32b).sources_of_accumulation("hours")
    for res, delta in ((r5, 0.5), (r4, 0.4)):
        assert res.contributions["wage and retail prices"] == pytest.approx(
            delta * vb0 * (N28 + N32) / 2, rel=1e-12)
    assert r4.change == pytest.approx(r5.change - N32 * vb0 * 0.1, rel=1e-12)
    share5 = 0.5 * vb0 * (N28 + N32) / 2 / r5.change
    share4 = 0.4 * vb0 * (N28 + N32) / 2 / (r5.change - N32 * vb0 * 0.1)
    assert r5.shares["wage and retail prices"] == pytest.approx(share5, rel=1e-12)
    assert r4.shares["wage and retail prices"] == pytest.approx(share4, rel=1e-12)
    assert round(100 * share5, 1) == 38.3 and round(100 * share4, 1) == 34.2
    # and the report says the same
    rep = ne.report(s28, later=s32b)
    assert rep.to_frame("sources").loc["workers.wage_and_retail_prices", "share_hours"] == \
        pytest.approx(100 * share4, rel=1e-12)


def _doc32():
    return copy.deepcopy(scenarios.load("ussr-1932").to_dict())


def test_disagreeing_basket_and_cut_are_rejected_naming_both_keys(tmp_path):
    doc = _doc32()
    w = doc["groups"]["workers"]
    w["basket"] = {"agriculture": 200.0, "light industry": 125.0, "heavy industry": 10.0}
    path = tmp_path / "agree.toml"
    path.write_text(scenarios.dumps(doc), encoding="utf-8")
    assert scenarios.load(path) == scenarios.load("ussr-1932")   # agreeing: accepted
    w["real_wage"]["cut"] = 0.4                                   # now they disagree
    path.write_text(scenarios.dumps(doc), encoding="utf-8")
    with pytest.raises(ne.ScenarioError) as exc:
        scenarios.load(path)
    err = exc.value
    assert err.file == str(path) and err.key == "workers.basket"
    assert "workers.basket" in err.reason and "workers.real_wage.cut" in err.reason
    assert "240" in err.reason and "200" in err.reason


def test_disagreeing_money_wage_is_rejected_naming_both_keys(tmp_path):
    doc = _doc32()
    doc["groups"]["workers"]["money_wage"] = 839.0                 # = basket at retail
    path = tmp_path / "wage.toml"
    path.write_text(scenarios.dumps(doc), encoding="utf-8")
    assert scenarios.load(path).workers.money_wage == pytest.approx(839.0)
    doc["groups"]["workers"]["real_wage"]["cut"] = 0.4            # basket now costs 1006.8
    path.write_text(scenarios.dumps(doc), encoding="utf-8")
    with pytest.raises(ne.ScenarioError) as exc:
        scenarios.load(path)
    assert exc.value.key == "workers.money_wage"
    for key in ("workers.money_wage", "workers.basket", "workers.real_wage.cut"):
        assert key in exc.value.reason
    assert "839" in exc.value.reason and "1006.8" in exc.value.reason


def test_schema_1_file_with_a_wage_that_buys_another_basket_is_rejected(tmp_path):
    text = (Path(ne.__file__).parent / "data" / "ussr-1932.toml").read_text(encoding="utf-8")
    assert "schema = 2" in text
    v1 = {"schema": 1}
    doc = _doc32()
    # a schema-1 document: flat sections
    v1.update(scenario={**doc["scenario"], "units": "some units"}, economy=doc["economy"],
              prices=doc["prices"], benchmark=doc["benchmark"],
              peasants={"name": "peasants", "taxes": 1000.0,
                        "sells": doc["groups"]["peasants"]["sells"],
                        "buys": doc["groups"]["peasants"]["buys"]},
              workers={"number": 24.2, "hours": 2000.0, "money_wage": 900.0,
                       "basket": {"agriculture": 200.0, "light industry": 125.0,
                                  "heavy industry": 10.0},
                       "retail_prices": doc["groups"]["workers"]["retail_prices"]},
              real_wage={"cut": 0.5},
              marketing={"good": "agriculture", "elasticity": 0.2, "q0": 9000.0, "p0": 1.0},
              provenance={})
    with pytest.raises(ne.ScenarioError) as exc:
        scenarios.from_dict(v1, file="old.toml")
    assert exc.value.key == "workers.money_wage" and "900" in exc.value.reason
    v1["workers"]["money_wage"] = 839.0
    v1["provenance"] = {k: {"kind": "assumption", "reason": "test"} for k in (
        "economy.A", "economy.labour", "economy.final_demand", "prices", "benchmark",
        "peasants.sells", "peasants.buys", "peasants.taxes", "workers.number",
        "workers.hours", "workers.basket", "workers.retail_prices", "real_wage.cut",
        "marketing.elasticity", "marketing.q0", "marketing.p0", "workers.money_wage")}
    s = scenarios.from_dict(v1, file="old.toml")
    assert s.notes and "schema 1" in s.notes[0]
    assert s.group("workers").base_basket["agriculture"] == 400.0
    assert "workers.real_wage.base_basket" in s.provenance
    assert "workers.money_wage" not in s.provenance      # derived now


# ------------------------------------------------------------ parameters and with_values
def test_parameters_table_lists_every_documented_parameter_with_its_range():
    s = scenarios.load("ussr-1932")
    t = s.parameters()
    assert list(t.columns) == ["value", "kind", "low", "high", "range", "unit", "source"]
    assert set(t.index) == set(s.provenance)
    row = t.loc["workers.number"]
    assert (row["value"], row["kind"], row["low"], row["high"]) == (24.2, "historical",
                                                                     23.0, 25.4)
    assert t.loc["workers.real_wage.cut", "unit"] == "share"
    assert t.loc["peasants.sells", "range"] == "factor"
    assumed = t[(t["kind"] == "assumption") & (t.index != "benchmark")]
    assert (assumed["low"] <= assumed["high"]).all() and assumed["low"].notna().all()


def test_with_values_is_immutable_validated_and_rescales_tables():
    s = scenarios.load("ussr-1932")
    t = s.with_values({"prices": 2.0, "peasants.sells.agriculture": 8000.0,
                       "economy.final_demand": {"agriculture": 1.0}})
    assert s.prices["light industry"] == 1.8 and t.prices["light industry"] == 3.6
    assert t.peasants.sells["agriculture"] == 8000.0
    assert t.final_demand["agriculture"] == 1.0 and t.final_demand["light industry"] == 12000
    assert t.provenance == s.provenance
    with pytest.raises(ne.ScenarioError, match="unknown parameter"):
        s.with_values({"wokers.number": 3.0})
    with pytest.raises(ne.ScenarioError) as exc:
        s.with_values({"workers.real_wage.cut": 1.5})
    assert exc.value.key == "workers.real_wage.cut"
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.name = "x"  # type: ignore[misc]


@settings(max_examples=15, deadline=None)
@given(cut=st.floats(0.0, 0.9), factor=st.floats(0.5, 2.0))
def test_with_values_round_trips_through_toml(cut, factor):
    s = scenarios.load("ussr-1932").with_values({"workers.real_wage.cut": cut,
                                                 "workers.retail_prices": factor})
    assert scenarios.loads(scenarios.dumps(s)) == s
    w = s.workers
    assert w.money_wage == pytest.approx(sum(w.retail_prices[g] * q
                                             for g, q in w.basket.items()))


# ------------------------------------------------------------ N groups
def test_many_groups_from_toml_reconcile_and_shares_sum_to_one():
    sc = scenarios.load(DATA / "many-groups.toml")
    kinds = [g.kind for g in sc.groups]
    assert kinds.count("peasants") == 3 and kinds.count("workers") == 2
    assert kinds.count("worker-households") == 2 and kinds[-1] == "state"
    base = sc.with_values({"skilled.real_wage.cut": 0.0, "unskilled.real_wage.cut": 0.0,
                           "prices": {"light industry": 1.0, "heavy industry": 1.0},
                           "two_earner_families.earners": 1,
                           "three_earner_families.earners": 1,
                           "kulaks.sells": 0.8, "poor_peasants.taxes": 150.0})
    rep = ne.report(base, later=sc)
    for which, s in (("base", base), ("later", sc)):
        acc = s.surplus_account()
        assert acc.is_reconciled
        rec = acc.reconciliation
        for col in ("hours", "money"):
            net, receipts = rec.loc["groups give, net", col], rec.loc["state receives", col]
            assert abs(net - receipts) <= 1e-9 * abs(receipts)
        hours = rep.to_frame(f"account_hours_{which}")
        groups = hours.drop(index="state")
        assert groups["surplus_hours"].sum() == pytest.approx(
            hours.loc["state", "surplus_hours"], rel=1e-9)
        assert hours["share_of_fund"].drop("state").sum() == pytest.approx(100.0, rel=1e-9)
        money = rep.to_frame(f"account_money_{which}")
        state = money.loc["state"]
        assert state["taxes"] + state["underpayment"] + state["overpayment"] == \
            pytest.approx(money["surplus_money"].drop("state").sum(), rel=1e-9)
    src = rep.to_frame("sources")
    factors = src[~src.index.str.endswith(".total")]
    totals = src[src.index.str.endswith(".total")]
    assert set(totals["group"]) == {g.name for g in sc.groups if g.kind != "state"}
    for col in ("share_hours", "share_money"):
        assert factors[col].sum() == pytest.approx(100.0, rel=1e-9)
        assert totals[col].sum() == pytest.approx(100.0, rel=1e-9)
    assert len(totals) == 7          # every group but the state
    assert "kulaks.price_policy" in factors.index
    assert "skilled.wage_and_retail_prices" in factors.index
    # Shapley: the contributions add up to the change in the fund, exactly
    res = scenarios.pair(base, sc).sources_of_accumulation("money")
    assert res.contributions.sum() == pytest.approx(res.change, rel=1e-12)
    # one group by hand: the poor peasants' hours given λ·s
    lam = _lambda(sc)
    poor = rep.to_frame("account_hours_later").loc["poor_peasants"]
    assert poor["hours_given"] == pytest.approx(lam[0] * 2000.0, rel=1e-12)
    # tribute and squeeze for each peasant group
    assert len(rep.section("tribute").rows) == 3 * 8
    assert rep.section("squeeze").rows[0].key == "kulaks.benchmark_price"


def test_sources_for_n_groups_equal_the_joint_shapley_value():
    # The per-group decomposition equals the Shapley value over all factors at once.
    eco = ne.Economy([[0.1, 0.2], [0.1, 0.1]], labour=[1.0, 0.5], sectors=["grain", "cloth"])
    bench = ne.labour_value_benchmark(eco, melt=1.0)
    g0 = [ne.Peasants(name="a", sells={"grain": 10}, buys={"cloth": 4}, taxes=1.0),
          ne.Peasants(name="b", sells={"grain": 5}, buys={"cloth": 3}),
          ne.WorkerCategory(name="w", number=10, hours=8, base_basket={"grain": 2,
                                                                      "cloth": 1}),
          ne.WorkerHouseholds(name="h", members=4, earners=2, number=2)]
    g1 = [dataclasses.replace(g0[0], taxes=2.0, sells={"grain": 12}),
          dataclasses.replace(g0[1], buys={"cloth": 1}),
          dataclasses.replace(g0[2], number=14, real_wage_cut=0.3),
          dataclasses.replace(g0[3], number=3)]
    p0, p1 = {"grain": 1.0, "cloth": 1.0}, {"grain": 0.8, "cloth": 1.3}
    res = ne.group_sources(eco, bench, p0, g0, p1, g1)

    def fund(flags):
        gs = [(g1[i] if flags[k] else g0[i]) for i, k in enumerate("abwh")]
        prices = p1 if flags["p"] else p0
        return ne.group_account(eco, prices, bench, gs).accumulation_fund_hours

    # with prices as one joint factor the split differs, but the sum is the same
    joint = ne.shapley_decomposition(fund, dict.fromkeys("abwhp", False),
                                     dict.fromkeys("abwhp", True))
    assert joint.sum() == pytest.approx(res.change, rel=1e-12)
    assert res.contributions.sum() == pytest.approx(res.change, rel=1e-12)
    assert float(res.shares.sum()) == pytest.approx(1.0)
    assert res.contributions["wage and retail prices"] == pytest.approx(
        0.3 * float(eco.values_array @ np.array([2.0, 1.0])) * (10 + 14) / 2, rel=1e-12)


def test_group_account_rejects_bad_groups():
    eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    bench = ne.labour_value_benchmark(eco, melt=1.0)
    p = {"grain": 1.0, "cloth": 1.0}
    a = ne.Peasants(name="a", sells={"grain": 1})
    with pytest.raises(ne.InvalidGroupError, match="share the key"):
        ne.group_account(eco, p, bench, [a, a])
    with pytest.raises(ne.InvalidGroupError, match="GroupKind"):
        ne.group_account(eco, p, bench, [ne.Group("x", sells={"grain": 1})])
    with pytest.raises(ne.InvalidGroupError, match="one state"):
        ne.group_account(eco, p, bench, [a, ne.State(name="s"), ne.State(name="t")])
    with pytest.raises(ne.InvalidGroupError, match="pass melt"):
        ne.group_account(eco, p, bench, [a])
    with pytest.raises(ne.InvalidHouseholdError, match="exceed"):
        ne.group_account(eco, p, bench, [
            ne.WorkerCategory(name="w", number=1, hours=8, base_basket={"grain": 1}),
            ne.WorkerHouseholds(name="h", members=4, earners=3, number=1)])


# ------------------------------------------------------------ the report object
def test_report_is_frozen_with_stable_keys_and_units():
    rep = ne.report("ussr-1928", later="ussr-1932")
    assert ne.report("ussr-1928").keys[:2] == ("account_hours_base", "account_money_base")
    assert repr(rep) == "Report('ussr-1928' and 'ussr-1932': 9 sections)"
    assert rep.keys == ("account_hours_base", "account_money_base", "account_hours_later",
                        "account_money_later", "sources", "tribute", "scissors", "squeeze",
                        "workers")
    for sec in rep.sections:
        assert sec.key.replace("_", "").isalnum() and sec.key == sec.key.lower()
        for line in (*sec.rows, *sec.columns):
            assert line.key and " " not in line.key.replace("1928", "").replace("1932", "")
        with pytest.raises(ValueError):
            sec.values[0, 0] = 1.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        rep.title = "x"  # type: ignore[misc]
    frame = rep.to_frame("account_money_later")
    frame.iloc[0, 0] = -1.0
    assert rep.to_frame("account_money_later").iloc[0, 0] != -1.0
    assert "Surplus account by group, 1932: million hours" in rep.summary()
    with pytest.raises(KeyError, match="sections"):
        rep.section("nope")


def test_report_units_come_from_structured_fields():
    s = scenarios.load("ussr-1928")
    doc = s.to_dict()
    doc["scenario"]["units"].update(scale="thousand", currency="roubles", people="thousands")
    t = scenarios.from_dict(doc)
    rep = ne.report(t, later=None)
    assert rep.section("account_hours_base").columns[0].unit == "thousand hours"
    assert rep.section("account_money_base").columns[0].unit == "thousand roubles"
    assert rep.section("squeeze").rows[0].unit == "roubles per unit"
    assert rep.section("workers").rows[0].label == "workers (thousands)"
    # the prose description is printed, never parsed
    doc["scenario"]["units"]["description"] = "rubles, millions, whatever"
    t2 = scenarios.from_dict(doc)
    assert ne.report(t2, later=None).section("account_money_base").columns[0].unit == \
        "thousand roubles"


def test_the_keys_page_is_generated_from_the_schema():
    from nonequivalent.scenarios.schema import schema_markdown

    page = (Path(__file__).resolve().parents[1] / "docs" / "scenario-keys.md").read_text(
        encoding="utf-8")
    assert page.endswith(schema_markdown())
    assert "`real_wage.cut`" in page and "`groups.<key>.kind`" in page


def _check(value, schema, where="$"):
    """A small validator for the subset of JSON Schema the report schema uses."""
    if "const" in schema:
        assert value == schema["const"], where
    if "enum" in schema:
        assert value in schema["enum"], where
    types = schema.get("type")
    if types is not None:
        types = [types] if isinstance(types, str) else types
        ok = {"object": dict, "array": list, "string": str, "null": type(None),
              "number": (int, float)}
        assert any(isinstance(value, ok[t]) and not isinstance(value, bool) for t in types), \
            (where, value, types)
    if isinstance(value, dict):
        for k in schema.get("required", ()):
            assert k in value, (where, k)
        props = schema.get("properties", {})
        for k, v in value.items():
            if k in props:
                _check(v, props[k], f"{where}.{k}")
            elif isinstance(schema.get("additionalProperties"), dict):
                _check(v, schema["additionalProperties"], f"{where}.{k}")
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            _check(v, schema["items"], f"{where}[{i}]")


def test_report_json_follows_the_documented_schema():
    import json

    from nonequivalent.report.surplus import JSON_SCHEMA

    page = (Path(__file__).resolve().parents[1] / "docs" / "report-json.md").read_text(
        encoding="utf-8")
    block = page.split("```json\n", 1)[1].split("```", 1)[0]
    assert json.loads(block) == json.loads(json.dumps(dict(JSON_SCHEMA)))
    for later in ("ussr-1932", None):
        doc = json.loads(ne.report("ussr-1928", later=later).to_json())
        _check(doc, json.loads(block))
        for sec in doc["sections"]:
            assert f"`{sec['key']}" in page
            for col in sec["columns"]:
                if not col["key"][:1].isdigit():
                    assert f"`{col['key']}`" in page, col["key"]
            for row in sec["rows"]:
                if "." in row["key"]:
                    assert f".{row['key'].split('.', 1)[1]}`" in page, row["key"]
    with pytest.raises(AssertionError):
        _check({"schema": "other"}, json.loads(block))


def test_squeeze_of_several_groups_at_one_price():
    sc = scenarios.load(DATA / "many-groups.toml")
    sq = ne.report(sc, later=None).to_frame("squeeze")["1932"]
    groups = ("kulaks", "middle_peasants")          # the two with a marketing response
    # at the current price the whole extraction is the groups' sum
    assert sq["all.extraction"] == pytest.approx(sum(sq[f"{g}.extraction"] for g in groups),
                                                 rel=1e-12)
    # one price for both: the joint maximum is at most the sum of the separate maxima, at
    # least the current extraction, and no price on a fine grid does better
    assert sq["all.maximum_extraction"] <= sum(sq[f"{g}.maximum_extraction"] for g in groups)
    assert sq["all.maximum_extraction"] >= sq["all.extraction"]
    pe = sq["all.benchmark_price"]
    total = ne.TotalResponse(tuple(ne.IsoelasticResponse(
        sc.group(g).sells["agriculture"], 1.0, sc.group(g).marketing_elasticity)
        for g in groups))
    grid = np.linspace(1e-3, pe, 20001)
    assert float(ne.extraction(total, pe, grid).max()) <= \
        sq["all.maximum_extraction"] * (1 + 1e-9)
