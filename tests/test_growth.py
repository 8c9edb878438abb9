"""Growth models: closed forms equal step-by-step simulation; worked examples; errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nonequivalent as ne

shares = st.floats(0.0, 1.0)
ratios = st.floats(0.05, 1.0)


@given(gamma=shares, v1=ratios, v2=ratios, K=st.floats(1.0, 1e3), C0=st.floats(0.0, 1e3))
def test_feldman_domar_closed_form_equals_simulation(gamma, v1, v2, K, C0) -> None:
    times = [0.0, 1.5, 5.0, 10.0]
    closed = ne.feldman_domar(gamma, v1, v2, K, C0, times).path
    sim = ne.feldman_domar(gamma, v1, v2, K, C0, times, simulate=True,
                           steps_per_unit=200).path
    # RK4 global error ~ (h r)^4 r t / 120 with r = γ v1 <= 1, h = 1/200, t = 10: ~1e-11
    np.testing.assert_allclose(sim.to_numpy(), closed.to_numpy(), rtol=1e-8)


@given(a0=st.floats(0.01, 0.5), lk=shares, bk=ratios, bc=ratios, T=st.integers(0, 30))
def test_mahalanobis_closed_form_equals_recursion(a0, lk, bk, bc, T) -> None:
    closed = ne.mahalanobis_two_sector(a0, lk, bk, bc, 100.0, T).path
    sim = ne.mahalanobis_two_sector(a0, lk, bk, bc, 100.0, T, simulate=True).path
    np.testing.assert_allclose(sim.to_numpy(), closed.to_numpy(), rtol=1e-9)


def test_feldman_domar_by_hand() -> None:
    # γ v1 = 0.1: K1(10) = 100 e; I0 = 20; C(10) = 50 + 0.5 * 0.4 * 20 * (e - 1) / 0.1
    p = ne.feldman_domar(0.5, 0.2, 0.4, 100.0, 50.0, [10]).path
    assert p.at[10, "K1"] == pytest.approx(100 * np.e)
    assert p.at[10, "consumption"] == pytest.approx(50 + 40 * (np.e - 1))
    # γ = 0: no capital-goods growth, consumption grows linearly by v2 I0 a year
    q = ne.feldman_domar(0.0, 0.2, 0.4, 100.0, 50.0, [3]).path
    assert q.at[3, "consumption"] == pytest.approx(50 + 0.4 * 20 * 3)


@given(gl=st.floats(0.0, 0.8), dg=st.floats(0.05, 0.19), v1=ratios, v2=ratios)
def test_overtaking_time_is_where_consumption_paths_cross(gl, dg, v1, v2) -> None:
    gh = gl + dg
    t = ne.overtaking_time(gh, gl, v1, v2)
    hi = ne.feldman_domar(gh, v1, v2, 1.0, 0.0, [0.5 * t, t, 2 * t]).path["consumption"]
    lo = ne.feldman_domar(gl, v1, v2, 1.0, 0.0, [0.5 * t, t, 2 * t]).path["consumption"]
    assert hi.iloc[1] == pytest.approx(lo.iloc[1], rel=1e-8)
    assert hi.iloc[0] < lo.iloc[0] and hi.iloc[2] > lo.iloc[2]


def test_mahalanobis_four_sector_meets_its_targets() -> None:
    df = ne.mahalanobis_four_sector(5600, 2900, 1.1e7, 0.33, beta=[0.2, 0.35, 1.25, 0.45],
                                    theta=[0.002, 0.000875, 0.00025, 0.000375])
    assert df["share"].sum() == pytest.approx(1.0)
    assert df["income"].sum() == pytest.approx(2900)
    assert df["employment"].sum() == pytest.approx(1.1e7)
    with pytest.raises(ne.PlanError, match="non-negative"):
        ne.mahalanobis_four_sector(5600, 9000, 1.1e7, 0.33, beta=[0.2, 0.35, 1.25, 0.45],
                                   theta=[0.002, 0.000875, 0.00025, 0.000375])


def test_choice_of_technique_by_hand() -> None:
    # hand: p/c = 1.5, s = 0.5, N0 = 0.5; machine: p/c = 1, s = 2/3, N0 = 1/6; w = 2.
    # Cumulative consumption to period k: hand 2 (1.5^(k+1) - 1), machine
    # 0.5 ((5/3)^(k+1) - 1). At k = 12: 387.2 vs 382.4; at k = 13: 581.8 vs 637.7.
    tech = pd.DataFrame({"output_per_worker": [3.0, 6.0],
                         "investment_per_worker": [2.0, 6.0]}, index=["hand", "machine"])
    df = ne.choice_of_technique(tech, wage=2.0, horizon=30)
    assert df.at["machine", "recovery_period"] == 13
    assert df.at["machine", "reinvestment_rate"] == pytest.approx(2 / 3)
    assert ne.reinvestment_rate(3.0, 2.0, 2.0) == pytest.approx(0.5)
    assert np.isnan(ne.choice_of_technique(tech, wage=2.0, horizon=5)
                    .at["machine", "recovery_period"])


def test_growth_errors() -> None:
    with pytest.raises(ne.PlanError):
        ne.feldman_domar(1.5, 0.2, 0.4, 1.0, 1.0, [1])
    with pytest.raises(ne.PlanError):
        ne.feldman_domar(0.5, -0.2, 0.4, 1.0, 1.0, [1])
    with pytest.raises(ne.PlanError):
        ne.overtaking_time(0.2, 0.5, 0.2, 0.4)
    with pytest.raises(ne.PlanError):
        ne.choice_of_technique(pd.DataFrame({"x": [1]}), wage=1.0)


def test_periods_and_horizon_must_be_whole_numbers() -> None:
    # a horizon of 0 has no cumulative consumption; 2.7 periods are not a path
    tech = pd.DataFrame({"output_per_worker": [3.0], "investment_per_worker": [2.0]})
    for horizon in (0, 2.7):
        with pytest.raises(ne.InvalidPlanError, match="horizon"):
            ne.choice_of_technique(tech, wage=2.0, horizon=horizon)
    for periods in (-1, 2.5):
        with pytest.raises(ne.InvalidPlanError, match="periods"):
            ne.mahalanobis_two_sector(0.1, 0.3, 0.2, 0.5, Y0=100.0, periods=periods)
