"""Junk and extreme-but-valid input to the newer surfaces: the uncertainty engine, the batch
report, the global account, registered group kinds and the report's uncertainty options.

Each call either raises a library error that says what is wrong, or returns finite numbers
that keep the model's invariants (shares sum to 100 %, transfers balance, each draw's
result is that draw's).
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nonequivalent as ne
from nonequivalent.uncertainty.report import report_batch
from tests.test_adversarial_core import outcome, scalars_junk, vectors_junk
from tests.test_cli_adversarial import check, junk, number

FEW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _refuses_or(call, check_result=None):
    try:
        out = call()
    except ne.NonequivalentError as exc:
        assert str(exc)
        return None
    if check_result is not None:
        check_result(out)
    return out


# ------------------------------------------------------------------- ParameterRange
@FEW
@given(low=scalars_junk, central=scalars_junk, high=scalars_junk,
       shape=st.one_of(st.sampled_from(["uniform", "triangular", "pert"]), scalars_junk),
       integer=st.booleans(), u=st.one_of(vectors_junk(2), st.lists(st.floats(), max_size=3)))
def test_parameter_ranges_reject_junk_or_stay_in_range(low, central, high, shape, integer, u):
    r = _refuses_or(lambda: ne.ParameterRange("a", low, central, high, shape, integer=integer))
    if r is None:
        return
    assert np.isfinite([r.mean, r.variance]).all() or r.width > 1e150
    assert r.low <= r.mean <= r.high
    v = _refuses_or(lambda: r.ppf(u))
    if v is not None:
        assert ((r.low <= v) & (v <= r.high)).all()


# ------------------------------------------------------------------------ propagate
def _models() -> st.SearchStrategy:
    outputs = st.sampled_from([
        lambda p: {"y": p["a"]},
        lambda p: {"y": p["a"] + 1j},
        lambda p: {"y": "x"},
        lambda p: None,
        lambda p: {"y": [p["a"], 1]},
        lambda p: pd.Series({"y": p["a"], "z": np.nan}),
        lambda p: {"y" if p["a"] < 1 else "z": 1.0},
        lambda p: pd.DataFrame({"y": [p["a"]], "z": [1.0]}),
        lambda p: 1 / 0,
    ])
    return outputs


@FEW
@given(model=_models(), draws=st.one_of(st.integers(-2, 50), scalars_junk),
       seed=st.one_of(st.integers(0, 2**32), scalars_junk),
       method=st.one_of(st.sampled_from(["lhs", "sobol", "random"]), scalars_junk),
       percentiles=st.one_of(st.just((5, 50, 95)), scalars_junk, st.lists(scalars_junk,
                                                                          max_size=3)),
       correlation=st.one_of(st.none(), st.just({("a", "b"): 0.5}),
                             st.dictionaries(st.tuples(junk, junk), scalars_junk,
                                             max_size=2)))
def test_propagate_rejects_junk_or_returns_each_draws_result(model, draws, seed, method,
                                                             percentiles, correlation):
    params = [ne.ParameterRange("a", 0, 1, 2), ne.ParameterRange("b", 0, 1, 2)]

    def call():
        try:
            return ne.propagate(model, params, draws=draws, seed=seed, method=method,
                                percentiles=percentiles, correlation=correlation)
        except ZeroDivisionError:
            return None        # the model's own error reaches the caller as it is

    res = _refuses_or(call)
    if res is None:
        return
    frame = res.to_frame()
    assert len(frame) == len(res.cells)
    if "y" in res.cells and model(dict(a=1.0, b=1.0)) == {"y": 1.0}:
        assert np.array_equal(res.samples["y"].to_numpy(), res.inputs["a"].to_numpy())


@FEW
@given(order=st.integers(0, 2**32 - 1), extra=st.sampled_from(["none", "index",
                                                                     "rows", "complex"]))
def test_a_vectorized_model_gets_each_draws_row_back(order, extra):
    def model(d):
        out = pd.DataFrame({"y": 3 * d["a"]}).sample(frac=1.0, random_state=order)
        if extra == "index":
            out.index = out.index + 100
        elif extra == "rows":
            out = out.iloc[:-1]
        elif extra == "complex":
            out["y"] = out["y"] + 1j
        return out

    res = _refuses_or(lambda: ne.propagate(model, [ne.ParameterRange("a", 0, 1, 2)],
                                           draws=6, vectorized=True))
    if extra != "none":
        assert res is None
    else:
        np.testing.assert_allclose(res.samples["y"].to_numpy(), 3 * res.inputs["a"].to_numpy())


# ------------------------------------------------------------------------- the batch
@SLOW
@given(value=st.one_of(scalars_junk, st.floats(-1e6, 1e6)),
       name=st.sampled_from(["workers.hours", "peasants.taxes", "prices", "nope"]))
def test_report_batch_rejects_junk_draws_or_gives_shares_summing_to_100(value, name):
    draws = pd.DataFrame({name: [value, 1.0]}) if not isinstance(value, list | dict) else \
        pd.DataFrame({name: [value, value]})

    def shares_sum(out):
        cols = [c for c in out.columns if c[0] == "account_hours_base" and c[2] ==
                "share_of_fund" and c[1] != "state"]
        total = out[cols].sum(axis=1).to_numpy()
        ok = np.isfinite(total)
        np.testing.assert_allclose(total[ok], 100.0, rtol=1e-9)

    _refuses_or(lambda: report_batch("ussr-1928", draws=draws), shares_sum)


# ----------------------------------------------------------------------- group kinds
@ne.register_group_kind
@dataclasses.dataclass(frozen=True, kw_only=True)
class _Hostile(ne.GroupKind):
    kind: ClassVar[str] = "hostile-adversarial-test"
    out: ClassVar[Any] = None

    def flows(self, ctx):
        return _Hostile.out() if callable(_Hostile.out) else _Hostile.out


@SLOW
@given(values=st.lists(st.one_of(scalars_junk, st.floats(-1e9, 1e9)), min_size=5,
                       max_size=5),
       receives=st.booleans(), wrap=st.sampled_from(["flows", "tuple", "none"]))
def test_a_kind_with_junk_flows_is_refused_or_reconciles(values, receives, wrap):
    def make():
        if wrap == "flows":
            return ne.Flows(*values, receives=receives)
        return tuple(values) if wrap == "tuple" else None

    _Hostile.out = make
    sc = ne.scenarios.load("ussr-1928")
    sc = dataclasses.replace(sc, groups=(*sc.groups[:-1], _Hostile(name="h"), sc.groups[-1]))

    def reconciles(rep):
        acc = sc.surplus_account()
        assert acc.is_reconciled
        shares = acc.table["share_hours"].to_numpy()[:-1]
        if np.isfinite(shares).all():
            np.testing.assert_allclose(shares.sum(), 1.0, rtol=1e-9)

    try:
        _refuses_or(lambda: ne.report(sc), reconciles)
    finally:
        _Hostile.out = None


# --------------------------------------------------------------------- global account
def _mrio(A: Any = None, Y: Any = None, labour: Any = None, comp: Any = None) -> Any:
    return ne.MRIOEconomy([[0.0, 0.1], [0.2, 0.0]] if A is None else A,
                          [[4.0, 2.0], [3.0, 5.0]] if Y is None else Y,
                          labour={"low": [1.0, 3.0], "high": [2.0, 1.0]} if labour is None
                          else labour,
                          compensation={"low": [10.0, 3.0], "high": [40.0, 5.0]}
                          if comp is None else comp,
                          value_added=[50.0, 8.0], regions=["N", "S"], sectors=["good"])


@FEW
@given(which=st.sampled_from(["A", "Y", "labour", "comp", "blocs"]),
       junk_value=st.one_of(scalars_junk, vectors_junk(2),
                            st.dictionaries(junk, st.one_of(junk, scalars_junk),
                                            max_size=3)))
def test_the_global_account_rejects_junk_or_balances(which, junk_value):
    def call():
        kw = {which: junk_value} if which != "blocs" else {}
        acc = ne.global_exchange_account(_mrio(**kw),
                                         junk_value if which == "blocs" else None)
        return acc

    acc = _refuses_or(call)
    if acc is None:
        return
    b = acc.by_bloc
    for skill in ("low", "high", "all"):
        part = b.xs(skill, level="skill")
        assert np.isfinite(part[["labour_given", "labour_received"]].to_numpy()).all()
        assert abs(part["labour_transfer"].sum()) <= 1e-9 * part["labour_given"].sum() + 1e-300
        assert np.isfinite(part["transfer_wage_value"].to_numpy()).all()
    outcome(acc.drain)


# ---------------------------------------------------------- the report's uncertainty CLI
@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(draws=st.one_of(number, st.sampled_from(["2", "3", "1000000000"])),
       seed=st.one_of(number, st.just("0")), method=st.one_of(junk, st.just("lhs")),
       scheduler=st.one_of(st.none(), junk, st.sampled_from(["tcp://127.0.0.1:9", "host",
                                                             "http://x:1"])))
def test_report_uncertainty_options(draws, seed, method, scheduler) -> None:
    argv = ["report", "--draws", draws, "--seed", seed, "--method", method]
    if scheduler is not None:
        argv += ["--scheduler", scheduler]
    check(argv)


# ---------------------------------------------------------------------- prices of production near R
def _near_R_economy() -> ne.Economy:
    return ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
                      sectors=["agriculture", "industry"])


@pytest.mark.parametrize("distance", ["nextafter", "1e-15", "1e-12"])
@pytest.mark.parametrize("numeraire", ["agriculture", "standard", None])
def test_production_prices_refuse_a_rate_too_close_to_R(distance, numeraire):
    eco = _near_R_economy()
    R = eco.max_profit_rate
    r = {"nextafter": float(np.nextafter(R, 0)), "1e-15": R * (1 - 1e-15),
         "1e-12": R * (1 - 1e-12)}[distance]
    with pytest.raises(ne.NumericalRangeError, match="too close to R"):
        ne.production_prices(eco, r, numeraire=numeraire)
    # the same rule as the frontier's
    with pytest.raises(ne.NumericalRangeError, match="too close to R"):
        ne.wage_profit_frontier(eco, [r], numeraire=numeraire or "agriculture")


def test_production_prices_just_outside_the_band_agree_with_the_frontier():
    from nonequivalent.core.prices import NEAR_R

    eco = _near_R_economy()
    R = eco.max_profit_rate
    r = R - 4 * NEAR_R * (1 + R)
    w = ne.production_prices(eco, r, numeraire="standard").wage
    np.testing.assert_allclose(w, 1 - r / R, rtol=1e-5)


def test_uniform_profit_rate_next_to_R_says_prices_are_not_determined():
    eco = ne.Economy([[0.5]], labour=[1.0], sectors=["corn"])
    upr = ne.uniform_profit_rate(eco, [1e-11])
    assert upr.profit_rate == pytest.approx(1.0, abs=1e-9)
    assert upr.prices is None and upr.wage is None
    assert "too close to R" in upr.normalization


# ---------------------------------------------------------------------- the newest surfaces
def test_superscripts_are_only_a_power_of_ten():
    """'5.2⁵' was read as 5.25 (the superscript became a digit) and judged right."""
    from nonequivalent import exercises
    from nonequivalent.exercises._answers import parse_number

    with pytest.raises(ne.ExerciseError, match="cannot read"):
        exercises.check("exploitation", 0, "4.75, 5.2⁵, 21/19")
    for text in ("1²", "10²", "²", "2³/4"):
        with pytest.raises(ne.ExerciseError):
            parse_number(text)
    assert parse_number("525×10⁻²").value == parse_number("5.25").value
    assert parse_number("1.2·10³").value == 1200


_TABLE = dict(A=[[0.0, 0.5], [0.0, 0.0]], labour=[1.0, 0.5], target=[1.0, 1.0],
              labour_supply=20.0)
_ALT = {"inputs": [[0.1], [0.1]], "product_of": [0], "labour": [1.0]}


@pytest.mark.parametrize("change", [
    {"A": "abc"}, {"A": [[1, 2], [3]]}, {"labour": "x"}, {"capacity": [1, 2, 3]},
    {"capacity": "x"}, {"alternatives": {"inputs": [[0.1], [0.1]]}},
    {"alternatives": {**_ALT, "product_of": [5]}},
    {"alternatives": {**_ALT, "product_of": [0.5]}},
    {"alternatives": {**_ALT, "labour": [1.0, 2.0]}},
    {"alternatives": {**_ALT, "capacity": [1.0, 2.0]}},
    {"alternatives": {**_ALT, "inputs": "x"}},
    {"alternatives": [1, 2]}, {"alternatives": "abc"},
])
def test_national_plan_from_table_refuses_junk_by_name(change):
    with pytest.raises(ne.InvalidPlanError):
        ne.NationalPlan.from_table(**{**_TABLE, **change})


def test_national_plan_from_economy_refuses_a_non_number_target():
    from nonequivalent import scenarios

    eco = scenarios.load("ussr-1928").economy()
    with pytest.raises(ne.InvalidPlanError, match="target"):
        ne.NationalPlan.from_economy(eco, target={"agriculture": "x"})


def test_national_plan_solve_refuses_an_unknown_option():
    plan = ne.NationalPlan.from_table(**_TABLE)
    with pytest.raises(ne.InvalidPlanError, match="foo"):
        plan.solve(foo=1)


def test_a_plan_with_no_labour_has_multiple_plus_zero():
    res = ne.NationalPlan.from_table(**{**_TABLE, "labour_supply": 0.0}).solve(
        method="simplex")
    assert res.multiple == 0.0 and np.copysign(1.0, res.multiple) == 1.0


@pytest.mark.parametrize("name", [["a"], {"a": 1}, 5.0])
def test_named_definitions_and_blocs_refuse_unhashable_or_odd_names(name):
    from nonequivalent import scenarios

    with pytest.raises(ne.ScenarioError):
        scenarios.with_workers_definition(scenarios.load("ussr-1928"), name)
    with pytest.raises(ne.InvalidEconomyError):
        ne.Blocs.named(name)


@pytest.mark.parametrize("years", [[1.7], True, b"1995", [True], ["19x5"], [1995.5]])
def test_series_years_refuse_what_is_not_a_whole_year(years):
    from nonequivalent.mrio.series import parse_years

    with pytest.raises(ne.InvalidEconomyError, match="years"):
        parse_years(years)


def test_series_years_keep_whole_numbers_written_otherwise():
    from nonequivalent.mrio.series import parse_years

    assert parse_years([1995, np.int64(1996), "1997", 1998.0]) == [1995, 1996, 1997, 1998]
    assert parse_years(range(2000, 2002)) == [2000, 2001]


@pytest.mark.parametrize("change", [
    {"path": None}, {"path": 5}, {"scheduler": 5}, {"wage": ["x"]}, {"system": None},
    {"system": 5}, {"system": "abc"},
])
def test_global_exchange_series_refuses_junk_arguments(tmp_path, change):
    pytest.importorskip("dask")
    (tmp_path / "IOT_1995_pxp").mkdir()
    kwargs = {"path": tmp_path, "years": "1995", **change}
    with pytest.raises(ne.InvalidEconomyError):
        ne.global_exchange_series(**kwargs)


def test_global_exchange_series_says_when_the_scheduler_cannot_be_reached(tmp_path,
                                                                          monkeypatch):
    pytest.importorskip("distributed")
    import distributed

    from nonequivalent.mrio.series import _compute

    def unreachable(address, *args, **kwargs):
        raise OSError(f"Timed out trying to connect to {address}")

    monkeypatch.setattr(distributed, "Client", unreachable)
    with pytest.raises(ne.InvalidEconomyError, match=r"tcp://127\.0\.0\.1:1"):
        _compute([], "tcp://127.0.0.1:1")


@pytest.mark.parametrize("change", [{"inputs_per_technique": -1},
                                    {"inputs_per_technique": 2.5},
                                    {"inputs_per_technique": "x"}, {"seed": "x"},
                                    {"seed": -1}])
def test_synthetic_national_plan_refuses_junk_sizes(change):
    from nonequivalent.planning import synthetic_national_plan

    with pytest.raises(ne.InvalidPlanError):
        synthetic_national_plan(**{"n": 5, **change})
