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


def fd(gamma, v1, v2, K1_0, C0, times, **kw):
    """Feldman–Domar from the textbook inputs (γ, v1, v2, K1(0), C0), in the convention."""
    I0 = v1 * K1_0
    return ne.feldman_domar(Y0=I0 + C0, alpha0=I0 / (I0 + C0), lambda_k=gamma, beta_k=v1,
                            beta_c=v2, times=times, **kw)


@given(gamma=shares, v1=ratios, v2=ratios, K=st.floats(1.0, 1e3), C0=st.floats(0.0, 1e3))
def test_feldman_domar_closed_form_equals_simulation(gamma, v1, v2, K, C0) -> None:
    times = [0.0, 1.5, 5.0, 10.0]
    closed = fd(gamma, v1, v2, K, C0, times).path
    sim = fd(gamma, v1, v2, K, C0, times, simulate=True, steps_per_unit=200).path
    # RK4 global error ~ (h r)^4 r t / 120 with r = γ v1 <= 1, h = 1/200, t = 10: ~1e-11
    np.testing.assert_allclose(sim.to_numpy(), closed.to_numpy(), rtol=1e-8)


@given(a0=st.floats(0.01, 0.5), lk=shares, bk=ratios, bc=ratios, T=st.integers(0, 30))
def test_mahalanobis_closed_form_equals_recursion(a0, lk, bk, bc, T) -> None:
    kw = dict(Y0=100.0, alpha0=a0, lambda_k=lk, beta_k=bk, beta_c=bc, periods=T)
    closed = ne.mahalanobis_two_sector(**kw).path
    sim = ne.mahalanobis_two_sector(**kw, simulate=True).path
    np.testing.assert_allclose(sim.to_numpy(), closed.to_numpy(), rtol=1e-9)


def test_feldman_domar_by_hand() -> None:
    # γ v1 = 0.1: K1(10) = 100 e; I0 = 20; C(10) = 50 + 0.5 * 0.4 * 20 * (e - 1) / 0.1
    p = fd(0.5, 0.2, 0.4, 100.0, 50.0, [10]).path
    assert p.at[10, "K1"] == pytest.approx(100 * np.e)
    assert p.at[10, "consumption"] == pytest.approx(50 + 40 * (np.e - 1))
    # γ = 0: no capital-goods growth, consumption grows linearly by v2 I0 a year
    q = fd(0.0, 0.2, 0.4, 100.0, 50.0, [3]).path
    assert q.at[3, "consumption"] == pytest.approx(50 + 0.4 * 20 * 3)


@given(gl=st.floats(0.0, 0.8), dg=st.floats(0.05, 0.19), v1=ratios, v2=ratios)
def test_overtaking_time_is_where_consumption_paths_cross(gl, dg, v1, v2) -> None:
    gh = gl + dg
    t = ne.overtaking_time(gh, gl, v1, v2)
    hi = fd(gh, v1, v2, 1.0, 0.0, [0.5 * t, t, 2 * t]).path["consumption"]
    lo = fd(gl, v1, v2, 1.0, 0.0, [0.5 * t, t, 2 * t]).path["consumption"]
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
        fd(1.5, 0.2, 0.4, 1.0, 1.0, [1])
    with pytest.raises(ne.PlanError):
        fd(0.5, -0.2, 0.4, 1.0, 1.0, [1])
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
            ne.mahalanobis_two_sector(Y0=100.0, alpha0=0.1, lambda_k=0.3, beta_k=0.2,
                                      beta_c=0.5, periods=periods)


# ---------------------------------------------------------------------- one convention
def test_growth_models_share_inputs_and_columns() -> None:
    kw = dict(Y0=100.0, alpha0=0.2, lambda_k=0.4, beta_k=0.3, beta_c=0.5)
    f = ne.feldman_domar(**kw, times=[0, 1, 2]).path
    m = ne.mahalanobis_two_sector(**kw, periods=2).path
    for path in (f, m):
        assert {"investment", "consumption", "income"} <= set(path.columns)
        np.testing.assert_allclose(path["income"], path["investment"] + path["consumption"])
        assert path["income"].iloc[0] == pytest.approx(100.0)
        assert path["investment"].iloc[0] == pytest.approx(20.0)
    assert f["K1"].iloc[0] == pytest.approx(20.0 / 0.3)
    p = ne.feldman_domar(**kw, times=[1]).parameters
    assert {k: p[k] for k in kw} == kw


def test_old_growth_inputs_still_work_with_a_deprecation_warning() -> None:
    new = fd(0.5, 0.2, 0.4, 100.0, 50.0, [0, 10]).path
    with pytest.warns(DeprecationWarning, match="lambda_k"):
        old = ne.feldman_domar(0.5, 0.2, 0.4, K1_0=100.0, C0=50.0, times=[0, 10]).path
    pd.testing.assert_frame_equal(old, new)
    with pytest.warns(DeprecationWarning):
        old2 = ne.mahalanobis_two_sector(0.1, 0.3, 0.2, 0.5, Y0=100.0, periods=2).path
    new2 = ne.mahalanobis_two_sector(Y0=100.0, alpha0=0.1, lambda_k=0.3, beta_k=0.2,
                                     beta_c=0.5, periods=2).path
    pd.testing.assert_frame_equal(old2, new2)
    with pytest.warns(DeprecationWarning), pytest.raises(ne.InvalidPlanError,
                                                         match="not both"):
        ne.feldman_domar(0.5, 0.2, 0.4, K1_0=1.0, C0=1.0, times=[1], Y0=3.0)


def test_growth_path_is_frozen_all_the_way_down() -> None:
    g = fd(0.5, 0.2, 0.4, 100.0, 50.0, [0, 10])
    for df in (g.path, g.to_frame()):
        df.iloc[0, 0] = -1.0
    assert g.path.iloc[0, 0] == pytest.approx(20.0)
    with pytest.raises(TypeError):
        g.parameters["lambda_k"] = 0.9  # type: ignore[index]
    assert "\n" not in repr(g)


# ---------------------------------------------------------------------- bad and extreme input
def test_four_sector_rejects_nan_and_inf() -> None:
    beta, theta = [0.2, 0.35, 1.25, 0.45], [0.002, 0.000875, 0.00025, 0.000375]
    for args in ((5600, float("nan"), 1.1e7, 0.33), (5600, 2900, float("inf"), 0.33),
                 (float("nan"), 2900, 1.1e7, 0.33), (5600, "2900", 1.1e7, 0.33)):
        with pytest.raises(ne.InvalidPlanError):
            ne.mahalanobis_four_sector(*args, beta=beta, theta=theta)
    for bad in ([0.2, float("nan"), 1.25, 0.45], [0.2, float("inf"), 1.25, 0.45], "abcd"):
        with pytest.raises(ne.InvalidPlanError, match="beta"):
            ne.mahalanobis_four_sector(5600, 2900, 1.1e7, 0.33, beta=bad, theta=theta)


def test_long_horizons_raise_instead_of_overflowing() -> None:
    with pytest.raises(ne.InvalidPlanError, match="overflow"):
        fd(1.0, 1.0, 1.0, 1.0, 1.0, [0, 1e5])
    with pytest.raises(ne.InvalidPlanError, match="overflow"):
        ne.mahalanobis_two_sector(Y0=100.0, alpha0=0.5, lambda_k=1.0, beta_k=5.0, beta_c=1.0,
                                  periods=1000)
    tech = pd.DataFrame({"output_per_worker": [300.0], "investment_per_worker": [1.0]})
    with pytest.raises(ne.InvalidPlanError, match="overflow"):
        ne.choice_of_technique(tech, wage=1.0, horizon=10_000)


def test_huge_dates_keep_their_labels() -> None:
    # no growth (λ_k = 0): finite values at t = 1e19, labelled 1e19 and not -2^63
    p = fd(0.0, 0.2, 0.4, 100.0, 50.0, [0, 1e19]).path
    assert p.index[-1] == 1e19
    assert (p.index >= 0).all()


def test_simulation_length_is_capped() -> None:
    with pytest.raises(ne.InvalidPlanError, match="Runge"):
        fd(0.1, 0.1, 0.1, 1.0, 1.0, [1e12], simulate=True)
    with pytest.raises(ne.InvalidPlanError, match="Runge"):
        fd(0.1, 0.1, 0.1, 1.0, 1.0, [10], simulate=True, steps_per_unit=10**9)
    with pytest.raises(ne.InvalidPlanError, match="steps_per_unit"):
        fd(0.1, 0.1, 0.1, 1.0, 1.0, [10], simulate=True, steps_per_unit="100")
