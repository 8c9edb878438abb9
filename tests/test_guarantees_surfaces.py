"""One test per known reproducer on the newer surfaces (the uncertainty engine, the batch
report, the global account, registered group kinds, scenario pairs, the commands).

Each test failed before its fix: a wrong number, a bare exception or a hang became a
specific library error or the right number.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import os
import socket
import threading
import time
from contextlib import redirect_stderr, redirect_stdout
from typing import ClassVar

import numpy as np
import pandas as pd
import pytest

import nonequivalent as ne
from nonequivalent.cli import main
from nonequivalent.uncertainty.report import report_batch

A = [ne.ParameterRange("a", 0, 1, 2)]


# ------------------------------------------------------ 1. rows matched by index
@pytest.mark.parametrize("model", [
    lambda d: pd.DataFrame({"y": 10 * d["a"]}).sort_values("y", ascending=False),
    lambda d: {"y": (10 * d["a"]).sort_values(ascending=False)},
], ids=["frame", "mapping"])
def test_a_vectorized_model_that_reorders_its_rows_keeps_each_draws_result(model):
    res = ne.propagate(model, A, draws=8, vectorized=True)
    np.testing.assert_allclose(res.samples["y"].to_numpy(), 10 * res.inputs["a"].to_numpy())


def test_a_vectorized_model_with_foreign_row_labels_is_refused():
    with pytest.raises(ne.UncertaintyError, match="index of the draws"):
        ne.propagate(lambda d: pd.DataFrame({"y": 10 * d["a"].to_numpy()},
                                            index=range(100, 100 + len(d))),
                     A, draws=8, vectorized=True)


# ------------------------------------------------ 2. two scenarios of one year
def test_two_scenarios_of_the_same_year_draw_both_periods_inputs():
    s = ne.scenarios.load("ussr-1928")
    t = s.with_values({"peasants.taxes": 1500.0})
    names = [r.name for r in ne.scenario_ranges(s, t)]
    assert "1928 (base):peasants.taxes" in names and "1928 (later):peasants.taxes" in names
    res = ne.report_uncertainty(s, t, draws=16, seed=1,
                                parameters=[r for r in ne.scenario_ranges(s, t)
                                            if r.name.endswith("peasants.taxes")])
    spread = res.propagation.inputs.std()
    assert (spread > 0).all(), spread


# ----------------------------------------------------- 3. a bloc outside the table
def test_blocs_naming_a_region_outside_the_table_are_refused():
    eco, _ = ne.mrio.illustrative_test_system()
    with pytest.raises(ne.LabelMismatchError, match="mars"):
        ne.global_exchange_account(eco, {**ne.mrio.ILLUSTRATIVE_BLOCS, "mars": "Space"})


# ------------------------------------------------------- 4. --force and inputs
def _cli(argv):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def test_force_never_overwrites_an_input(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    blocs = "region,bloc\n" + "".join(f"reg{i},{'North' if i < 4 else 'South'}\n"
                                      for i in range(1, 7))
    (tmp_path / "b.csv").write_text(blocs)
    code, _, err = _cli(["global", "--blocs", "b.csv", "-o", "b.csv", "--force"])
    assert code == 2 and "input" in err
    assert (tmp_path / "b.csv").read_text() == blocs
    (tmp_path / "tab").mkdir()
    code, _, err = _cli(["global", "tab", "-o", "tab/out.csv", "--force"])
    assert code == 2 and "input folder" in err
    assert _cli(["scenario", "write", "ussr-1928", "s.toml"])[0] == 0
    os.link(tmp_path / "s.toml", tmp_path / "hard.toml")
    before = (tmp_path / "s.toml").read_text()
    code, _, err = _cli(["report", "-s", "s.toml", "-o", "hard.toml", "--force"])
    assert code == 2 and "another name" in err
    assert (tmp_path / "s.toml").read_text() == before


# ---------------------------------------------------------- 5. complex numbers
@pytest.mark.parametrize("model,vectorized", [
    (lambda p: {"y": p["a"] + 5j}, False),
    (lambda p: pd.Series({"y": p["a"] + 5j}), False),
    (lambda p: np.complex128(p["a"] + 1j), False),
    (lambda p: pd.DataFrame({"y": [p["a"] + 1j]}), False),
    (lambda d: pd.DataFrame({"y": d["a"] + 5j}), True),
], ids=["mapping", "series", "scalar", "frame", "vectorized"])
def test_complex_model_outputs_are_refused(model, vectorized):
    with pytest.raises(ne.UncertaintyError, match="complex"):
        ne.propagate(model, A, draws=4, vectorized=vectorized)


def test_complex_draws_flows_and_tables_are_refused():
    with pytest.raises(ne.UncertaintyError, match="complex"):
        report_batch("ussr-1928", draws=pd.DataFrame({"workers.hours": [2000 + 5j]}))
    with pytest.raises(ne.InvalidGroupError, match="complex"):
        ne.Flows(1 + 2j, 0.0, 0.0, 0.0, 0.0)
    idx = pd.MultiIndex.from_product([["N", "S"], ["good"]])
    A_ = pd.DataFrame([[0.1 + 1j, 0.0], [0.2, 0.1]], index=idx, columns=idx)
    with pytest.raises(ne.InvalidEconomyError, match="complex"):
        ne.MRIOEconomy(A_, [[1.0, 1.0], [1.0, 1.0]], labour={"low": [1.0, 1.0]})


# --------------------------------------------------------------- 6. Emmanuel
def test_emmanuel_refuses_no_capital_advanced_and_repeated_countries():
    with pytest.raises(ne.InvalidEconomyError, match="no capital"):
        ne.emmanuel_exchange({"a": 0, "b": 0}, {"a": 1, "b": 1}, {"a": 0, "b": 0})
    twice = pd.Series([1.0, 2.0, 3.0], index=["a", "a", "b"])
    with pytest.raises(ne.InvalidEconomyError, match="more than once"):
        ne.emmanuel_exchange(twice, twice, twice / 10)


# ---------------------------------------------------- 7. kinds the account refuses
_calls = itertools.count()


@ne.register_group_kind
@dataclasses.dataclass(frozen=True, kw_only=True)
class _Drifting(ne.GroupKind):
    kind: ClassVar[str] = "drifting-guarantee-test"

    def flows(self, ctx):
        return ne.Flows(10.0 + next(_calls) * 2e7, 0.0, 0.0, 0.0, 0.0)


@ne.register_group_kind
@dataclasses.dataclass(frozen=True, kw_only=True)
class _Receiving(ne.GroupKind):
    kind: ClassVar[str] = "receiving-guarantee-test"

    def flows(self, ctx):
        return ne.Flows(0.0, 2e7, 0.0, 0.0, 0.0, receives=True)


@ne.register_group_kind
@dataclasses.dataclass(frozen=True, kw_only=True)
class _Junk(ne.GroupKind):
    kind: ClassVar[str] = "junk-guarantee-test"
    out: ClassVar[object] = None

    def flows(self, ctx):
        return _Junk.out


def _with(group):
    sc = ne.scenarios.load("ussr-1928")
    return dataclasses.replace(sc, groups=(*sc.groups[:-1], group, sc.groups[-1]))


@pytest.mark.parametrize("group,match", [
    (_Drifting(name="d"), "do not add up.*hours"),
    (_Receiving(name="r"), "only the state receives"),
], ids=["drifting", "receiving"])
def test_a_kind_the_account_cannot_reconcile_is_refused(group, match):
    with pytest.raises(ne.InvalidGroupError, match=match):
        ne.report(_with(group))


@pytest.mark.parametrize("out", [None, (1.0, 2.0), "flows", {"hours_given": 1.0}],
                         ids=["none", "tuple", "string", "dict"])
def test_a_kind_returning_no_flows_is_named(out, monkeypatch):
    monkeypatch.setattr(_Junk, "out", out)
    with pytest.raises(ne.InvalidGroupError, match=r"'j'.*must return"):
        ne.report(_with(_Junk(name="j")))


def test_flows_of_the_wrong_shape_are_refused():
    with pytest.raises(ne.InvalidGroupError, match="single number"):
        ne.Flows(np.array([1.0, 2.0]), 0.0, 0.0, 0.0, 0.0)


# ------------------------------------------------------- 8. scheduler addresses
@pytest.mark.parametrize("address", ["", "host", "http://127.0.0.1:8787",
                                     "tcp://127.0.0.1:99999"])
def test_malformed_scheduler_addresses_are_refused(address):
    with pytest.raises(ne.UncertaintyError, match="form 'tcp://host:port'"):
        ne.propagate(lambda p: {"y": p["a"]}, A, draws=4, scheduler=address)


def _junk_server():
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(5)

    def answer():
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            conn.sendall(b"\xff" * 64 + b"HTTP/1.1 200 OK\r\n\r\n")
            conn.close()

    threading.Thread(target=answer, daemon=True).start()
    return srv


@pytest.mark.parametrize("which", ["refused", "unresolvable", "foreign"])
def test_unreachable_schedulers_fail_fast_with_a_specific_error(which):
    pytest.importorskip("distributed")
    srv = _junk_server() if which == "foreign" else None
    address = {"refused": "tcp://127.0.0.1:9", "unresolvable": "tcp://no-such-host.invalid:8786",
               "foreign": f"tcp://127.0.0.1:{srv.getsockname()[1] if srv else 0}"}[which]
    t0 = time.monotonic()
    try:
        with pytest.raises(ne.UncertaintyError, match="cannot reach the Dask scheduler"):
            ne.propagate(lambda p: {"y": p["a"]}, A, draws=4, scheduler=address)
    finally:
        if srv is not None:
            srv.close()
    assert time.monotonic() - t0 < 15


def test_the_cli_names_a_bad_scheduler_without_a_traceback():
    code, _, err = _cli(["report", "--draws", "4", "--scheduler", "host"])
    assert code == 2 and "Traceback" not in err and "tcp://host:port" in err


# ------------------------------------------------------------- 9. draws capped
def test_draws_are_capped_before_anything_is_allocated():
    from nonequivalent.uncertainty.propagation import MAX_DRAWS

    with pytest.raises(ne.UncertaintyError, match="at most"):
        ne.propagate(lambda p: {"y": p["a"]}, A, draws=MAX_DRAWS + 1)
    code, _, err = _cli(["report", "--draws", "1000000000"])
    assert code == 2 and "at most" in err and "Traceback" not in err


# ------------------------------------------------------- 10. smaller wrong numbers
def test_percentiles_as_a_string_are_refused():
    with pytest.raises(ne.UncertaintyError, match="sequence of numbers"):
        ne.propagate(lambda p: {"y": p["a"]}, A, draws=4, percentiles="50")


def test_a_range_whose_width_overflows_is_refused():
    with pytest.raises(ne.UncertaintyError, match="overflows"):
        ne.ParameterRange("a", -1e308, 0, 1e308)
    # a wide but representable range has a finite mean (no overflow of low + high)
    r = ne.ParameterRange("a", 8e307, 8.5e307, 9e307)
    assert r.mean == pytest.approx(8.5e307)


@pytest.mark.parametrize("u", [[1.5], [-0.5], [np.nan]])
def test_ppf_refuses_probabilities_outside_0_1(u):
    with pytest.raises(ne.UncertaintyError, match=r"\[0, 1\]"):
        ne.ParameterRange("a", 0, 1, 2).ppf(u)


def test_a_scissors_ratio_out_of_range_is_refused():
    s = ne.scenarios.load("ussr-1928")
    tiny = dataclasses.replace(s.scissors, agricultural=(1e-320,) * len(s.scissors.periods))
    with pytest.raises(ne.NumericalRangeError, match="scissors"):
        ne.report(dataclasses.replace(s, scissors=tiny))


def test_with_values_arguments():
    s = ne.scenarios.load("ussr-1928")
    with pytest.raises(ne.ScenarioError, match="mapping"):
        s.with_values(None)
    with pytest.raises(ne.ScenarioError, match="is a group"):
        s.with_values({"workers": 5})
    assert s.with_values({"peasants.taxes": np.int64(900)}).to_dict() == \
        s.with_values({"peasants.taxes": 900}).to_dict()


# ------------------------------------------------------- 11. left from the first probes
def test_overtaking_time_and_four_sector_overflow_are_specific_errors():
    with pytest.raises(ne.InvalidPlanError, match="overflows"):
        ne.overtaking_time(0.1, 0.05, 1e308, 1.0)
    with pytest.raises(ne.InvalidPlanError, match="overflows"):
        ne.mahalanobis_four_sector(1e308, 1.0, 1.0, 0.5, [0.1, 0.2, 0.3, 0.4], [1, 1, 1, 1])


_ONE_SECTOR = dict(years=2, initial_capacity={"steel": 10.0}, labour_supply={"labour": 100.0},
                   heavy_sector="steel")


def _one_sector_plan(**kw):
    eco = ne.Economy([[0.0]], labour=[1.0], sectors=["steel"], capital=[[2.0]])
    return ne.MultiYearPlan(eco, **_ONE_SECTOR, **kw)


@pytest.mark.parametrize("growth", [
    "x", 0.1, -1, float("nan"), [0.1],                   # not a mapping of kind -> rate
    {"labour": "x"}, {"labour": 10**400}, {"labour": float("nan")},
    {"labour": float("inf")}, {"labour": -1.5}, {"labour": -1.0}, {"labour": True},
    {"labour": 1e308},                                   # the labour path overflows
])
def test_multiyear_labour_growth_is_read_guarded(growth):
    with pytest.raises(ne.InvalidPlanError, match="labour_growth"):
        _one_sector_plan(labour_growth=growth).solve()


@pytest.mark.parametrize("lag", ["x", None, 10**400, float("nan"), -1, 1e308,
                                 float("inf"), 2.5, True])
def test_multiyear_gestation_lag_is_read_guarded(lag):
    with pytest.raises(ne.InvalidPlanError, match="gestation_lag"):
        _one_sector_plan(gestation_lag=lag).solve()


def test_multiyear_good_labour_growth_still_solves():
    res = _one_sector_plan(labour_growth={"labour": 0.02}, gestation_lag=1).solve()
    assert res.capacity.shape == (1, 3)


@pytest.mark.parametrize("column", [
    ["3", "6"], ["x", "6"], [3, 10**400], [True, 6], [3 + 0j, 6.0], [3 + 1j, 6.0]])
def test_choice_of_technique_reads_numbers_only(column):
    from nonequivalent.planning import choice_of_technique

    tech = pd.DataFrame({"output_per_worker": column, "investment_per_worker": [2.0, 6.0]})
    with pytest.raises(ne.InvalidPlanError, match="output_per_worker"):
        choice_of_technique(tech, wage=0.5)


def test_choice_of_technique_without_techniques():
    from nonequivalent.planning import choice_of_technique

    empty = pd.DataFrame({"output_per_worker": [], "investment_per_worker": []})
    with pytest.raises(ne.InvalidPlanError, match="at least one technique"):
        choice_of_technique(empty, wage=2.0)


def test_transfer_sweep_ragged_and_account_with_a_2d_benchmark():
    eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[1.0, 0.5], sectors=["a", "b"])
    g = ne.Group("p", sells={"a": 1.0}, buys={"b": 1.0})
    bench = ne.labour_value_benchmark(eco)
    assert ne.transfer_sweep(eco, g, [[1.0, 2.0], [2.0, 1.0]], bench) is not None
    with pytest.raises(ne.InvalidPriceError):
        ne.transfer_sweep(eco, g, [[1.0, 2.0], [1.0]], bench)
    with pytest.raises(ne.InvalidPriceError):
        ne.exchange_account(eco, g, [1.0, 1.0], pd.DataFrame([[1.0, 2.0], [3.0, 4.0]]))


@pytest.mark.parametrize("A, labour", [
    ([], []), (np.zeros((0, 0)), []), (np.zeros((0, 0)), {}), ([[]], []),
    (pd.DataFrame(), pd.Series(dtype=float))])
def test_an_empty_economy_is_refused(A, labour):
    with pytest.raises(ne.InvalidEconomyError, match="at least one sector"):
        ne.Economy(A, labour=labour)


@pytest.mark.parametrize("A, labour", [([[0.2, 0.3], [0.1, 0.4]], [1.0, 0.5]),
                                       ([[0.5, 0.0], [0.0, 0.2]], [1.0, 1.0])])
@pytest.mark.parametrize("method", ["schur", "direct"])
def test_frontier_just_below_R_is_refused_or_right(A, labour, method):
    eco = ne.Economy(A, labour=labour)
    R = eco.max_profit_rate
    for r in (np.nextafter(R, 0), R * (1 - 1e-15), R * (1 - 1e-12)):
        with pytest.raises(ne.NumericalRangeError, match="too close to R"):
            ne.wage_profit_frontier(eco, [0.1, r], method=method)
    # far enough from R the two methods agree with the limit slope w ≈ w'(R) (R - r)
    w = ne.wage_profit_frontier(eco, [R * (1 - 1e-6), R * (1 - 1e-8)], method=method)
    assert w.iloc[1] == pytest.approx(w.iloc[0] / 100, rel=1e-4)


@pytest.mark.parametrize("answer", ["1e400", "-1e400", "inf", "nan", "1e400, 1, 2",
                                    "72, 1e400, 98.88", "72, -1e400, 98.88",
                                    "72, nan, 98.88", [72, 10**400, 98.88]])
def test_exercise_check_with_values_beyond_a_float(answer):
    from nonequivalent import exercises

    ex = exercises.generate("tribute", 3)
    try:
        out = ex.check(answer)
    except ne.ExerciseError as exc:
        assert str(exc)
    else:
        assert not out.correct and out.message
