"""Tests of the scenario layer: TOML round trips, validation errors, builders, provenance."""

from __future__ import annotations

import copy
import dataclasses
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nonequivalent as ne
from nonequivalent import scenarios

BUILTIN = scenarios.builtin()


def _write(tmp_path, doc, name="scenario.toml"):
    path = tmp_path / name
    path.write_text(scenarios.dumps(doc), encoding="utf-8")
    return path


def _doc(name="ussr-1928"):
    return copy.deepcopy(scenarios.load(name).to_dict())


# ------------------------------------------------------------------ built-ins
@pytest.mark.parametrize("name", BUILTIN)
def test_builtin_round_trip(tmp_path, name):
    s = scenarios.load(name)
    path = scenarios.save(s, tmp_path / f"{name}.toml")
    again = scenarios.load(path)
    assert again == s
    assert scenarios.load(scenarios.save(again, tmp_path / "twice.toml")) == s
    assert scenarios.loads(scenarios.dumps(s)) == s


@pytest.mark.parametrize("name", BUILTIN)
def test_builtin_builds_productive_economy(name):
    s = scenarios.load(name)
    eco = s.economy()
    assert isinstance(eco, ne.Economy)
    assert eco.is_productive and eco.spectral_radius < 1
    assert list(eco.sectors) == list(s.sectors)
    assert list(eco.labour_kinds) == ["peasant", "worker"]
    assert set(s.sectors) >= {"agriculture", "light industry", "heavy industry"}


@pytest.mark.parametrize("name", BUILTIN)
def test_builtin_provenance_complete(name):
    s = scenarios.load(name)
    documented = set(s.provenance)
    expected = {"economy.A", "economy.labour", "economy.final_demand", "prices", "benchmark",
                "scissors", "peasants.sells", "peasants.buys", "peasants.taxes",
                "peasants.marketing.elasticity", "workers.number", "workers.hours",
                "workers.real_wage.base_basket", "workers.real_wage.cut",
                "two_earner_households.members", "two_earner_households.earners",
                "two_earner_households.domestic_hours"}
    if s.workers.retail_prices is not None:
        expected.add("workers.retail_prices")
    if s.group("two_earner_households").number is not None:
        expected.add("two_earner_households.number")
    assert documented == expected
    for key, entry in s.provenance.items():
        if entry["kind"] == "historical":
            assert entry["source"].strip(), key
        else:
            assert entry["kind"] == "assumption" and entry["reason"].strip(), key
            # every assumption but the choice of benchmark has a plausible range
            assert key == "benchmark" or entry["low"] <= entry["high"], key
    frame = s.provenance_frame()
    assert set(frame["kind"]) == {"historical", "assumption"}
    assert frame.loc["workers.number", "kind"] == "historical"


def test_builtin_names_and_unknown_name():
    assert BUILTIN == ("ussr-1928", "ussr-1932")
    with pytest.raises(ne.ScenarioError, match="ussr-1928") as exc:
        scenarios.load("ussr-1929")
    assert "ussr-1929" in str(exc.value)


def test_historical_figures_match_datasets():
    # The scenario figures marked historical are the ones in the datasets.
    from nonequivalent import datasets

    w = datasets.load("waged_workers", series="workers_and_employees").set_index("year")["value"]
    assert scenarios.load("ussr-1928").workers.number == w.loc[1928]
    assert scenarios.load("ussr-1932").workers.number == w.loc[1932]
    sc = datasets.load("scissors_1923").set_index(["series", "period"])["value"]
    spec = scenarios.load("ussr-1928").scissors
    assert spec.industrial[0] == sc[("industrial_price_index", "1923-10")]
    assert spec.agricultural[0] == sc[("agricultural_price_index", "1923-10")]
    # the 1929 retail indices are another series (rationed state and co-operative trade)
    # and are not appended to the 1923-1924 scissors
    assert spec.periods == ("1923-10", "1924-04")
    assert ("retail_general_index", "1929-04-01") in sc.index


def test_scissors_frame_ratio():
    # 276 / 89 = 3.1011..., 131 / 92 = 1.4239...
    f = scenarios.load("ussr-1928").scissors_frame()
    assert f.loc["1923-10", "ratio"] == pytest.approx(276 / 89)
    assert f.loc["1924-04", "ratio"] == pytest.approx(131 / 92)


def test_no_scissors_raises():
    s = dataclasses.replace(scenarios.load("ussr-1928"), scissors=None)
    with pytest.raises(ne.ScenarioError, match="scissors"):
        s.scissors_frame()


def test_summary_and_str():
    s = scenarios.load("ussr-1932")
    text = str(s)
    assert "ussr-1932" in text and "two-earner households (worker-households)" in text
    assert "historical" in text
    assert repr(s).startswith("Scenario('ussr-1932', year=1932, groups=[")


# ------------------------------------------------------------------ builders
def test_benchmark_is_melt_times_labour_values():
    # Hand derivation: λ solves (I - A)ᵀ λ = l_total; the New Interpretation MELT is
    # μ = p·y / λ·y (the value of net output over the labour it contains, since λ·y = l·x).
    s = scenarios.load("ussr-1928")
    A = np.array(s.A)
    lab = sum(np.array(v) for v in s.labour.values())
    lam = np.linalg.solve((np.eye(3) - A).T, lab)
    y = s.final_demand_series().to_numpy()
    p = s.prices_series().to_numpy()
    mu = p @ y / (lam @ y)
    b = s.equivalence_benchmark()
    assert isinstance(b, ne.Benchmark)
    np.testing.assert_allclose(b.prices.to_numpy(), mu * lam, rtol=1e-12)


def test_other_benchmark_kinds_build():
    s = scenarios.load("ussr-1928")
    given = dataclasses.replace(s, benchmark=scenarios.BenchmarkSpec(
        "given", name="free-market grain", prices={"agriculture": 1.83,
                                                   "light industry": 1.0,
                                                   "heavy industry": 1.0}))
    assert given.equivalence_benchmark().prices["agriculture"] == 1.83
    pp = dataclasses.replace(s, benchmark=scenarios.BenchmarkSpec(
        "production-prices", profit_rate=0.1))
    assert isinstance(pp.equivalence_benchmark(), ne.Benchmark)
    base = dataclasses.replace(s, benchmark=scenarios.BenchmarkSpec(
        "base-period", name="1913 prices", prices=dict(s.prices)))
    assert isinstance(base.equivalence_benchmark(), ne.Benchmark)
    world = dataclasses.replace(s, benchmark=scenarios.BenchmarkSpec(
        "world-prices", name="world", prices=dict(s.prices), exchange_rate=2.0))
    assert isinstance(world.equivalence_benchmark(), ne.Benchmark)


def test_group_worker_household_builders():
    s = scenarios.load("ussr-1932")
    g = s.peasants()
    assert isinstance(g, ne.Group) and g.taxes == s.peasants.taxes
    w = s.worker()
    assert isinstance(w, ne.Worker)
    assert (w.hours, w.wage) == (s.workers.hours, s.workers.money_wage)
    # The 1932 money wage is the basket at retail prices: 3*200 + 1.8*125 + 1.4*10 = 839.
    retail = s.workers.retail_prices
    basket = s.workers.basket
    assert sum(retail[k] * basket[k] for k in basket) == pytest.approx(839.0)
    h = s.household()
    assert isinstance(h, ne.Household) and h.earners == 2
    r = s.marketing_response()
    assert r(s.marketing.p0) == pytest.approx(s.marketing.q0)


def test_real_wage_cut_halves_the_basket_per_earner():
    # 1932: the family keeps the 1928 basket with two earners; each wage buys half of it,
    # i.e. the real-wage cut of one half (Goldman 2022).
    s28, s32 = scenarios.load("ussr-1928"), scenarios.load("ussr-1932")
    for good, q in s28.workers.basket.items():
        assert s32.workers.basket[good] == pytest.approx(q * (1 - s32.real_wage_cut))
        assert s32.household.basket[good] == q
    assert s32.household.earners == math.ceil(1 / (1 - s32.real_wage_cut))


def test_surplus_account_and_sources_of_accumulation():
    for name in BUILTIN:
        acc = scenarios.load(name).surplus_account()
        assert isinstance(acc, ne.SurplusAccount)
    res = scenarios.pair("ussr-1928", "ussr-1932").sources_of_accumulation()
    assert isinstance(res, ne.SourcesOfAccumulation)


def test_pair_requires_same_sectors_and_technology():
    s28 = scenarios.load("ussr-1928")
    s32 = scenarios.load("ussr-1932")
    other = dataclasses.replace(s32, sectors=("agriculture", "light", "heavy"))
    with pytest.raises(ne.ScenarioError, match="different sectors"):
        scenarios.pair(s28, other)
    lab = dict(s32.labour)
    lab["peasant"] = (2.25, 0.0, 0.0)
    changed = dataclasses.replace(s32, labour=lab)
    with pytest.raises(ne.ScenarioError, match="technolog"):
        scenarios.pair(s28, changed).sources_of_accumulation()


# ------------------------------------------------------------------ invalid files
def _mutate(doc, path, value=None, *, delete=False):
    parts = path.split("/")
    cur = doc
    for part in parts[:-1]:
        cur = cur[int(part)] if isinstance(cur, list) else cur[part]
    last = parts[-1]
    if delete:
        del cur[last]
    elif isinstance(cur, list):
        cur[int(last)] = value
    else:
        cur[last] = value
    return doc


INVALID = [
    # (mutation path, new value or None for delete, expected key, words in the reason)
    ("groups/workers/number", None, "groups.workers.number", "missing key"),
    ("economy/final_demand", None, "economy.final_demand", "missing key"),
    ("scenario/year", "1928", "scenario.year", "must be an integer"),
    ("groups/workers/hours", "many", "workers.hours", "must be a number"),
    ("economy/labour/worker", [0.0, 0.6], "economy.labour.worker", "wrong length"),
    ("economy/A/1", [0.05, 0.1], "economy.A[1]", "wrong length"),
    ("economy/A/0/1", -0.1, "economy.A[0][1]", "negative"),
    ("groups/peasants/sells/grain", 1.0, "peasants.sells.grain", "unknown sector label"),
    ("prices/tractors", 1.0, "prices.tractors", "unknown sector label"),
    ("economy/A/2/2", 1.2, "economy.A", "not productive"),
    ("benchmark/kind", "fair-prices", "benchmark.kind", "unknown benchmark kind"),
    ("prices/agriculture", 0.0, "prices.agriculture", "must be > 0"),
    ("groups/two_earner_households/earners", 5, "groups.two_earner_households",
     "5 earners in a household of 4"),
    ("groups/workers/real_wage/cut", 1.0, "workers.real_wage.cut", "must be < 1"),
    ("groups/peasants/marketing/good", "grain", "peasants.marketing.good", "unknown sector"),
    ("groups/peasants/kind", "kulaks", "groups.peasants.kind", "unknown group kind"),
    ("groups/two_earner_households/workers", "peasants", "two_earner_households.workers",
     "not a worker category"),
    ("benchmark/normalization", "total-labour", "benchmark.normalization",
     "unknown normalization"),
    ("economy/labour/serf", [1.0, 0.0, 0.0], "economy.labour.serf", "unknown labour kind"),
    ("scissors/industrial", [276.0], "scissors.industrial", "wrong length"),
    ("groups/workers/bonus", 1.0, "groups.workers.bonus", "unknown key"),
    ("tribute", {"x": 1.0}, "tribute", "unknown section"),
    ("schema", 3, "schema", "unsupported schema version"),
]


@pytest.mark.parametrize(("path", "value", "key", "reason"), INVALID)
def test_invalid_file_names_file_key_reason(tmp_path, path, value, key, reason):
    doc = _mutate(_doc(), path, value, delete=value is None)
    file = _write(tmp_path, doc)
    with pytest.raises(ne.ScenarioError) as exc:
        scenarios.load(file)
    err = exc.value
    assert err.file == str(file)
    assert err.key == key
    assert reason in err.reason
    assert str(file) in str(err) and key in str(err)
    assert isinstance(err, ValueError)


def test_non_productive_names_rho_and_sectors(tmp_path):
    doc = _mutate(_doc(), "economy/A/2/2", 1.2)
    with pytest.raises(ne.ScenarioError) as exc:
        scenarios.load(_write(tmp_path, doc))
    assert "rho(A) = 1.2" in exc.value.reason
    assert "heavy industry" in exc.value.reason


def test_missing_provenance_entry(tmp_path):
    doc = _doc()
    del doc["provenance"]["workers.hours"]
    with pytest.raises(ne.ScenarioError) as exc:
        scenarios.load(_write(tmp_path, doc))
    assert exc.value.key == "provenance.workers.hours"


def test_historical_provenance_needs_source(tmp_path):
    doc = _doc()
    doc["provenance"]["workers.number"] = {"kind": "historical", "reason": "I believe so"}
    with pytest.raises(ne.ScenarioError) as exc:
        scenarios.load(_write(tmp_path, doc))
    assert exc.value.key == "provenance.workers.number.reason"
    doc["provenance"]["workers.number"] = {"kind": "rumour", "source": "x"}
    with pytest.raises(ne.ScenarioError) as exc:
        scenarios.load(_write(tmp_path, doc))
    assert exc.value.key == "provenance.workers.number.kind"


def test_benchmark_kind_needs_its_keys(tmp_path):
    doc = _doc()
    doc["benchmark"] = {"kind": "given", "name": "market"}
    with pytest.raises(ne.ScenarioError) as exc:
        scenarios.load(_write(tmp_path, doc))
    assert exc.value.key == "benchmark.prices"
    doc["benchmark"] = {"kind": "labour-values", "normalization": "new-interpretation",
                        "profit_rate": 0.1}
    with pytest.raises(ne.ScenarioError) as exc:
        scenarios.load(_write(tmp_path, doc))
    assert exc.value.key == "benchmark.profit_rate"


def test_toml_syntax_error_names_file(tmp_path):
    file = tmp_path / "broken.toml"
    file.write_text("[scenario\nname = 'x'\n", encoding="utf-8")
    with pytest.raises(ne.ScenarioError, match="not valid TOML") as exc:
        scenarios.load(file)
    assert exc.value.file == str(file)


def test_unreadable_and_unwritable(tmp_path):
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b"name = '\xe9'\n")
    with pytest.raises(ne.ScenarioError, match="cannot read") as exc:
        scenarios.load(bad)
    assert exc.value.file == str(bad)
    with pytest.raises(ne.ScenarioError, match="cannot write"):
        scenarios.save(scenarios.load("ussr-1928"), tmp_path / "no" / "such" / "dir.toml")


def test_code_in_strings_is_only_data(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    payload = "__import__('os').system('touch PWNED')"
    doc = _doc()
    doc["scenario"]["name"] = payload
    doc["scenario"]["description"] = "{0.__class__} $(touch PWNED2) `touch PWNED3` " + payload
    doc["groups"]["peasants"]["label"] = "eval('1+1')"
    s = scenarios.load(_write(tmp_path, doc))
    assert s.name == payload
    assert s.peasants.label == "eval('1+1')"
    assert not any((tmp_path / f).exists() for f in ("PWNED", "PWNED2", "PWNED3"))
    assert scenarios.loads(scenarios.dumps(s)) == s
    # A would-be attribute name as a sector label is just an unknown label.
    doc = _doc()
    doc["prices"]["__class__"] = 1.0
    with pytest.raises(ne.ScenarioError) as exc:
        scenarios.load(_write(tmp_path, doc))
    assert exc.value.key == "prices.__class__"


def test_non_finite_number_cannot_be_written():
    doc = _doc()
    doc["groups"]["workers"]["hours"] = float("nan")
    with pytest.raises(ne.ScenarioError, match="non-finite"):
        scenarios.dumps(doc)


# ------------------------------------------------------------------ property: round trip
_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@given(
    name=_text.filter(lambda t: t.strip() != ""),
    description=_text.filter(lambda t: t.strip() != ""),
    a=st.lists(st.floats(0.0, 0.3, allow_subnormal=True), min_size=9, max_size=9),
    lab=st.lists(st.floats(0.0, 5.0), min_size=3, max_size=3),
    hours=st.floats(1e-6, 1e9),
    cut=st.floats(0.0, 0.99),
)
def test_round_trip_of_arbitrary_valid_scenarios(name, description, a, lab, hours, cut):
    # Columns of A sum to at most 0.9, so every generated A is productive by construction.
    base = scenarios.load("ussr-1928")
    A = tuple(tuple(a[3 * i: 3 * i + 3]) for i in range(3))
    s = dataclasses.replace(
        base, name=name, description=description, A=A,
        labour={"peasant": tuple(lab), "worker": base.labour["worker"]},
        groups=tuple(dataclasses.replace(g, hours=hours, real_wage_cut=cut)
                     if g.kind == "workers" else g for g in base.groups))
    assert scenarios.loads(scenarios.dumps(s)) == s


@pytest.mark.parametrize("bad", [1, None, "x" * 5000])
def test_load_refuses_what_is_not_a_name_or_a_usable_path(bad):
    with pytest.raises(ne.ScenarioError):
        scenarios.load(bad)


def test_with_values_scales_a_table_of_lists_by_a_factor():
    s = scenarios.load("ussr-1928")
    t = s.with_values({"economy.labour": 1.1})
    np.testing.assert_allclose(t.economy().labour, 1.1 * s.economy().labour, rtol=1e-12)
    np.testing.assert_allclose(t.economy().labour_values().to_numpy(),
                               1.1 * s.economy().labour_values().to_numpy(), rtol=1e-12)


# ------------------------------------------------------------ with_values against a file
#: Changes within the documented ranges, each applied to every built-in scenario.
CHANGES = [
    {"workers.real_wage.cut": 0.3},
    {"peasants.taxes": 900.0, "peasants.marketing.elasticity": 0.3},
    {"prices": 1.1},
    {"prices.agriculture": 0.8, "workers.hours": 1800.0},
    {"economy.A": 0.95, "economy.labour": {"peasant": [1.5, 0.5, 0.2]}},
    {"economy.final_demand": {"agriculture": 9000.0}},
    {"workers.real_wage.base_basket": 0.9, "two_earner_households.earners": 3},
    {"peasants.sells": 1.05, "peasants.buys.light industry": 2000.0},
    {"two_earner_households.members": 5, "two_earner_households.domestic_hours": 500.0},
]


@pytest.mark.parametrize("name", BUILTIN)
@pytest.mark.parametrize("change", CHANGES, ids=lambda c: ",".join(c))
def test_with_values_equals_writing_the_change_to_a_file_and_loading_it(name, change):
    from nonequivalent.scenarios.toml_io import set_parameter

    s = scenarios.load(name)
    doc = s.to_dict()
    for key, value in change.items():
        set_parameter(doc, key, value, {g.name for g in s.groups}, list(s.provenance))
    from_file = scenarios.loads(scenarios.dumps(doc), file="changed.toml")
    new = s.with_values(change)
    assert new == from_file
    assert scenarios.dumps(new) == scenarios.dumps(from_file)
    # the same report, but for its identity: a report on a file names the file and what it
    # was written from, a changed scenario keeps its name
    named = ne.report(from_file).to_json()
    assert f"'changed.toml' (written from scenario '{name}')" in named
    named = (named.replace(f"'changed.toml' (written from scenario '{name}')", f"'{name}'")
             .replace("scenario show changed.toml", f"scenario show {name}"))
    assert ne.report(new).to_json() == named
    assert new != s and scenarios.load(name) == s        # the original is left unchanged
