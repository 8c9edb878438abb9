"""The report with intervals: scenario ranges through ne.report, the CLI."""

from __future__ import annotations

import io
import math
from contextlib import redirect_stdout

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nonequivalent as ne
from nonequivalent.cli import main
from tests.test_report_batch import assert_cells_equal

RANGES = ne.scenario_ranges("ussr-1928", "ussr-1932")


@pytest.fixture(scope="module")
def drawn():
    return ne.report_uncertainty("ussr-1928", "ussr-1932", draws=6, seed=3)


@settings(max_examples=3)
@given(later=st.sampled_from(["ussr-1932", None]), seed=st.integers(0, 10**6),
       keep=st.lists(st.booleans(), min_size=len(RANGES), max_size=len(RANGES)))
def test_zero_width_ranges_give_exactly_ne_report(later, seed, keep):
    ranges = ne.scenario_ranges("ussr-1928", later)
    flat = [ne.ParameterRange(r.name, r.central, r.central, r.central, integer=r.integer)
            for r, k in zip(ranges, keep, strict=False) if k] or \
        [ne.ParameterRange(ranges[0].name, 1.0, 1.0, 1.0)]
    res = ne.report_uncertainty("ussr-1928", later, draws=2, seed=seed, parameters=flat)
    point = ne.report("ussr-1928", later=later)
    cells = ne.report_cells(point)
    assert res.propagation.central.equals(cells)
    # the draws may run through the batch report, other code than ne.report: equal to
    # the tolerance of each cell's conditioning (see test_report_batch)
    samples = res.propagation.samples.to_numpy()
    assert_cells_equal(cells.index, samples, np.broadcast_to(cells.to_numpy(), samples.shape))
    assert res.report.to_json() == point.to_json()
    draw = ne.ReportDraw(res.propagation.samples.iloc[1], res.report)
    for key in point.keys:
        got, want = draw.to_frame(key), point.to_frame(key)
        num = want.select_dtypes("number").columns
        assert got.drop(columns=num).equals(want.drop(columns=num))
        g, w = got[num].to_numpy(dtype=float), want[num].to_numpy(dtype=float)
        scale = float(np.nanmax(np.abs(w), initial=0.0))
        np.testing.assert_allclose(g, w, rtol=1e-9, atol=1e-9 * scale)


def test_shares_sum_to_one_in_every_draw(drawn):
    s = drawn.propagation.samples
    totals = [r for r in drawn.report.section("sources").rows if r.key.endswith(".total")]
    for col in ("share_hours", "share_money"):
        by_group = sum(s[("sources", r.key, col)] for r in totals)
        np.testing.assert_allclose(by_group, 100.0, rtol=1e-9)
    for which in ("base", "later"):
        for kind in ("hours", "money"):
            key = f"account_{kind}_{which}"
            groups = [r.key for r in drawn.report.section(key).rows if r.key != "state"]
            total = sum(s[(key, g, "share_of_fund")] for g in groups)
            np.testing.assert_allclose(total, 100.0, rtol=1e-9)
    # the parameters did move the report
    assert s[("sources", "workers.total", "share_hours")].std() > 0


def test_cells_linear_in_uniform_parameters_match_the_closed_form():
    # The 1928 peasants' taxes cell is the parameter itself, U(800, 1600); the 1928
    # workers' hours given are N h with N = 11.4 (certain) and h ~ U(1750, 2240). By hand:
    # E = N (1750 + 2240)/2, Var = N^2 (2240 - 1750)^2 / 12; SE(mean) = sqrt(Var/draws).
    n = 12
    res = ne.report_uncertainty("ussr-1928", "ussr-1932", draws=n, seed=5, method="random",
                                parameters=[
        r for r in RANGES if r.name in ("1928:peasants.taxes", "workers.hours")])
    s = res.propagation.samples
    np.testing.assert_allclose(s[("account_money_base", "peasants", "taxes")],
                               res.propagation.inputs["1928:peasants.taxes"], rtol=1e-12)
    hours = s[("account_hours_base", "workers", "hours_given")]
    np.testing.assert_allclose(hours, 11.4 * res.propagation.inputs["workers.hours"],
                               rtol=1e-12)
    for x, mean, var in ((s[("account_money_base", "peasants", "taxes")], 1200.0,
                          800.0 ** 2 / 12),
                         (hours, 11.4 * 1995.0, 11.4 ** 2 * 490.0 ** 2 / 12)):
        assert abs(x.mean() - mean) < 4 * math.sqrt(var / n)


def test_scenario_ranges_share_what_both_years_state_alike():
    names = [r.name for r in RANGES]
    assert "economy.A" in names and "1928:economy.A" not in names
    assert "1932:workers.real_wage.cut" in names
    members = next(r for r in RANGES if r.name == "two_earner_households.members")
    assert members.integer and members.ppf([0.0, 0.5, 0.999]).tolist() == [3.0, 4.0, 5.0]
    with pytest.raises(ne.UncertaintyError, match="unknown uncertain parameters"):
        ne.scenario_ranges(include=["nope"])
    with pytest.raises(ne.UncertaintyError, match="whole number"):
        ne.scenario_ranges("ussr-1928", "ussr-1932",
                           shape={"two_earner_households.members": "pert"})


def test_harrison_event_and_figure(drawn):
    p = drawn.probability(
        lambda r: r.value("sources", "workers.total", "share_hours") >= 200 / 3)
    shares = drawn.propagation.samples[("sources", "workers.total", "share_hours")]
    assert p == float(np.mean(shares >= 200 / 3))
    fig = drawn.figure("sources", "share_hours")
    assert len(fig.axes[0].get_yticklabels()) == len(drawn.report.section("sources").rows)
    assert "central [p5–p95]" in drawn.summary()


def test_cli_prints_intervals_and_rejects_bad_options(capsys):
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(["report", "--later", "none", "--draws", "3", "--seed", "2"]) == 0
    text = buf.getvalue()
    assert "with intervals" in text and "3 draws (lhs, seed 2)" in text
    assert "13,125 [" in text  # the 1928 accumulation fund, central value first
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(["report", "--later", "none", "--draws", "2", "-f", "csv"]) == 0
    assert "p95" in buf.getvalue()
    assert main(["report", "--draws", "1"]) == 2
    assert "--draws must be at least 2" in capsys.readouterr().err


def test_report_sensitivity_names_the_input_that_moves_a_share():
    # two inputs: the 1932 real-wage cut moves the workers' share of the change in hours;
    # the 1928 taxes do not enter the hours at all (their indices are 0)
    ranges = [r for r in RANGES if r.name in ("1932:workers.real_wage.cut",
                                               "1928:peasants.taxes")]
    sens = ne.report_sensitivity("ussr-1928", "ussr-1932", draws=16, seed=2,
                                 parameters=ranges)
    cell = ("sources", "workers.total", "share_hours")
    total = sens.total_order.loc[cell]
    assert total["1928:peasants.taxes"] == 0.0
    assert total["1932:workers.real_wage.cut"] > 0.5
    assert sens.figure(cell).axes[0].get_title().startswith("What moves")
