"""The uncertainty engine: distributions, draws, propagation, probabilities, Sobol' indices."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

import nonequivalent as ne
from nonequivalent.plotting.uncertainty import interval_figure, sensitivity_figure
from nonequivalent.uncertainty import propagation as unc

SHAPES = st.sampled_from(["uniform", "triangular", "pert"])


@st.composite
def ranges(draw, name: str, zero_width: bool = False, shape=SHAPES) -> ne.ParameterRange:
    """A valid range by construction: low, then a width, then the central value inside."""
    low = draw(st.floats(-50, 50))
    width = 0.0 if zero_width else draw(st.floats(0.01, 20))
    frac = draw(st.floats(0, 1))
    return ne.ParameterRange(name, low, low + frac * width, low + width, shape=draw(shape))


@st.composite
def range_sets(draw, zero_width: bool = False, max_size: int = 4):
    k = draw(st.integers(1, max_size))
    return [draw(ranges(f"x{i}", zero_width)) for i in range(k)]


def table_model(p):
    """A model with a table output: two rows, two columns, nonlinear in the parameters."""
    xs = np.array(list(p.values()))
    return pd.DataFrame({"sum": [xs.sum(), 2 * xs.sum()], "square": [xs @ xs, np.exp(-xs @ xs)]},
                        index=pd.Index(["a", "b"], name="row"))


# ------------------------------------------------------------------ distributions
@settings(max_examples=25)
@given(r=ranges("x"), u=st.lists(st.floats(0, 1), min_size=1, max_size=20))
def test_ppf_stays_in_range_and_is_monotone(r, u):
    v = r.ppf(np.sort(u))
    assert ((v >= r.low - 1e-12) & (v <= r.high + 1e-12)).all()
    assert (np.diff(v) >= -1e-12).all()


@pytest.mark.parametrize("shape", ["uniform", "triangular", "pert"])
def test_distribution_moments_match_closed_forms(shape):
    r = ne.ParameterRange("x", 2.0, 3.0, 7.0, shape=shape)
    v = unc.sample_parameters([r], 8192, seed=3, method="lhs")[:, 0]
    assert abs(v.mean() - r.mean) < 0.01 * r.width
    assert abs(v.var() - r.variance) < 0.02 * r.variance
    # against scipy's own distributions (PERT as the modified beta of Vose 2008)
    ref = {"uniform": stats.uniform(2, 5), "triangular": stats.triang(0.2, 2, 5),
           "pert": stats.beta(1 + 4 * 0.2, 1 + 4 * 0.8, loc=2, scale=5)}[shape]
    assert r.mean == pytest.approx(ref.mean())
    assert r.variance == pytest.approx(ref.var())
    np.testing.assert_allclose(r.ppf([0.1, 0.5, 0.9]), ref.ppf([0.1, 0.5, 0.9]))


def test_bad_ranges_raise_specific_errors():
    with pytest.raises(ne.UncertaintyError, match="low <= central <= high"):
        ne.ParameterRange("x", 2, 1, 3)
    with pytest.raises(ne.UncertaintyError, match="unknown shape"):
        ne.ParameterRange("x", 0, 1, 2, shape="normal")
    with pytest.raises(ne.UncertaintyError, match="finite"):
        ne.ParameterRange("x", 0, 1, math.inf)
    with pytest.raises(ne.UncertaintyError, match="unique"):
        ne.propagate(lambda p: 1.0, [ne.ParameterRange("x", 0, 1, 2)] * 2)
    with pytest.raises(ne.UncertaintyError, match="sampling method"):
        ne.propagate(lambda p: 1.0, [ne.ParameterRange("x", 0, 1, 2)], method="halton")
    with pytest.raises(ne.UncertaintyError, match="draws"):
        ne.propagate(lambda p: 1.0, [ne.ParameterRange("x", 0, 1, 2)], draws=1)
    with pytest.raises(ne.UncertaintyError, match="seed"):
        ne.propagate(lambda p: 1.0, [ne.ParameterRange("x", 0, 1, 2)], seed=-1)


# ------------------------------------------------------------------ properties
@settings(max_examples=20)
@given(params=range_sets(zero_width=True), method=st.sampled_from(unc.METHODS))
def test_zero_width_ranges_give_exactly_the_point_result(params, method):
    res = ne.propagate(table_model, params, draws=40, seed=5, method=method)
    point = table_model({p.name: p.central for p in params}).stack(future_stack=True)
    assert res.central.to_numpy().tolist() == point.to_numpy().tolist()
    assert (res.samples.to_numpy() == point.to_numpy()[None, :]).all()
    assert res.draw(7).equals(table_model({p.name: p.central for p in params}))


@settings(max_examples=20)
@given(params=range_sets(), data=st.data())
def test_intervals_contain_the_central_value_for_monotone_models(params, data):
    # Parameters that move together, each central value inside its own [p10, p90], and a
    # model non-decreasing in each: then Y = g(U) with g non-decreasing, so
    # p5(Y) = g(p5(U)) <= f(central) <= g(p95(U)) = p95(Y).
    moved = []
    for p in params:
        u = data.draw(st.floats(0.1, 0.9))
        moved.append(ne.ParameterRange(p.name, p.low, float(p.ppf(u)), p.high, shape=p.shape,
                                       group="together"))
    weights = [data.draw(st.floats(0.1, 3)) for _ in moved]

    def monotone(p):
        xs = [p[q.name] for q in moved]
        return {"linear": sum(w * x for w, x in zip(weights, xs, strict=True)),
                "cubic": sum(x ** 3 for x in xs), "max": max(xs)}

    res = ne.propagate(monotone, moved, draws=600, seed=data.draw(st.integers(0, 99)))
    lo, hi = res.percentile(5), res.percentile(95)
    tol = 1e-9 * (1 + res.central.abs())
    assert (lo - tol <= res.central).all() and (res.central <= hi + tol).all()


@settings(max_examples=15)
@given(params=range_sets(max_size=3), seed=st.integers(0, 1000))
def test_shares_sum_to_one_in_every_draw(params, seed):
    shifted = [ne.ParameterRange(p.name, p.low + 60, p.central + 60, p.high + 60, p.shape)
               for p in params]

    def shares(p):
        v = pd.Series(p)
        return v / v.sum()

    res = ne.propagate(shares, shifted, draws=64, seed=seed)
    np.testing.assert_allclose(res.samples.sum(axis=1), 1.0, rtol=1e-12)


@pytest.mark.parametrize("method", ["random", "lhs", "sobol"])
def test_linear_cell_mean_and_variance_match_the_closed_form(method):
    # y = c0 + sum a_i x_i with independent x_i ~ U(l_i, h_i). By hand:
    #   E[y] = c0 + sum a_i (l_i + h_i) / 2,   Var[y] = sum a_i^2 (h_i - l_i)^2 / 12.
    # Standard errors: SE(mean) = sqrt(Var/N); for the variance, with z_i = a_i (x_i - m_i)
    # (E z_i^4 = a_i^4 w_i^4 / 80), E (sum z)^4 = sum E z_i^4 + 3 [(sum s_i)^2 - sum s_i^2],
    # s_i = a_i^2 w_i^2 / 12, and SE(s^2) = sqrt((mu4 - Var^2) / N).
    a = np.array([1.5, -2.0, 0.7])
    lo, hi = np.array([0.0, 10.0, -3.0]), np.array([2.0, 14.0, 5.0])
    c0 = 4.0
    params = [ne.ParameterRange(f"x{i}", lo[i], (lo[i] + hi[i]) / 2, hi[i]) for i in range(3)]
    n = 4096
    res = ne.propagate(lambda p: {"y": c0 + sum(a[i] * p[f"x{i}"] for i in range(3))},
                       params, draws=n, seed=11, method=method)
    w = hi - lo
    mean = c0 + a @ (lo + hi) / 2
    s = a ** 2 * w ** 2 / 12
    var = s.sum()
    mu4 = (a ** 4 * w ** 4 / 80).sum() + 3 * (var ** 2 - (s ** 2).sum())
    assert abs(res.mean()["y"] - mean) < 4 * math.sqrt(var / n)
    assert abs(res.std()["y"] ** 2 - var) < 4 * math.sqrt((mu4 - var ** 2) / n)


# ------------------------------------------------------------------ results
def test_result_is_frozen_and_copies_on_access():
    res = ne.propagate(table_model, [ne.ParameterRange("x", 0, 1, 2)], draws=50, seed=1)
    with pytest.raises(AttributeError):
        res.seed = 2
    s = res.samples
    s.iloc[0, 0] = 1e9
    assert res.samples.iloc[0, 0] != 1e9
    with pytest.raises(ValueError):
        res._samples[0, 0] = 1.0
    assert repr(res).startswith("Propagation(4 cells, 50 draws")
    frame = res.to_frame()
    assert list(frame.columns) == ["central", "mean", "std", "p5", "p50", "p95"]
    assert "central [p5–p95]" in res.summary()


def test_probability_of_an_event_per_draw_and_vectorized():
    params = [ne.ParameterRange("x", 0, 0.5, 1)]
    res = ne.propagate(lambda p: {"x": p["x"], "y": 1 - p["x"]}, params, draws=2000, seed=4)
    p = res.probability(lambda out: out["x"] >= 2 / 3)
    assert abs(p - 1 / 3) < 0.01
    assert res.probability(lambda s: s["x"] >= 2 / 3, vectorized=True) == p
    with pytest.raises(ne.UncertaintyError, match="one boolean per draw"):
        res.probability(lambda s: True, vectorized=True)


def test_vectorized_and_per_draw_models_agree():
    params = [ne.ParameterRange("a", 1, 2, 4, "pert"), ne.ParameterRange("b", 0, 1, 3)]

    def one(p):
        return {"ab": p["a"] * p["b"], "a": p["a"]}

    def many(frame):
        return pd.DataFrame({"ab": frame["a"] * frame["b"], "a": frame["a"]})

    r1 = ne.propagate(one, params, draws=3000, seed=9)
    r2 = ne.propagate(many, params, draws=3000, seed=9, vectorized=True)
    np.testing.assert_allclose(r1.samples.to_numpy(), r2.samples.to_numpy(), rtol=1e-15)
    assert r1.central.equals(r2.central)


def test_model_whose_labels_change_is_rejected():
    calls = []

    def fickle(p):
        calls.append(1)
        return {"a": 1.0} if len(calls) < 3 else {"b": 1.0}

    with pytest.raises(ne.UncertaintyError, match="labels changed"):
        ne.propagate(fickle, [ne.ParameterRange("x", 0, 1, 2)], draws=10)
    with pytest.raises(ne.UncertaintyError, match="labelled numbers"):
        ne.propagate(lambda p: "text", [ne.ParameterRange("x", 0, 1, 2)], draws=10)
    with pytest.raises(ne.UncertaintyError, match="one row per draw"):
        ne.propagate(lambda f: pd.DataFrame({"y": [1.0]}), [ne.ParameterRange("x", 0, 1, 2)],
                     draws=10, vectorized=True)


# ------------------------------------------------------------------ reproducibility
def test_same_seed_same_numbers_and_chunks_do_not_depend_on_size():
    params = [ne.ParameterRange("a", 0, 1, 2), ne.ParameterRange("b", 5, 6, 9, "triangular")]
    for method in unc.METHODS:
        u1 = unc.unit_draws(3000, 2, 42, method)
        u2 = unc.unit_draws(3000, 2, 42, method)
        assert np.array_equal(u1, u2)
        # the first chunks are the same draws whatever the total
        u3 = unc.unit_draws(unc.CHUNK + 5, 2, 42, method)
        assert np.array_equal(u1[:unc.CHUNK], u3[:unc.CHUNK])
        assert not np.array_equal(u1, unc.unit_draws(3000, 2, 43, method))
    r1 = ne.propagate(table_model, params, draws=unc.CHUNK + 100, seed=3)
    r2 = ne.propagate(table_model, params, draws=unc.CHUNK + 100, seed=3)
    assert np.array_equal(r1.samples.to_numpy(), r2.samples.to_numpy())


def test_latin_hypercube_is_stratified_within_each_chunk():
    u = unc.unit_draws(unc.CHUNK, 3, 0, "lhs")
    for j in range(3):
        counts = np.bincount((u[:, j] * unc.CHUNK).astype(int), minlength=unc.CHUNK)
        assert (counts == 1).all()


def test_groups_move_together_and_correlations_are_imposed():
    params = [ne.ParameterRange("h1928", 70, 73, 78, group="author"),
              ne.ParameterRange("h1932", 60, 70, 75, group="author"),
              ne.ParameterRange("wage", 0.4, 0.5, 0.6),
              ne.ParameterRange("prices", 1, 2, 3)]
    v = unc.sample_parameters(params, 4096, seed=1, correlation={("author", "wage"): 0.6})
    rho = stats.spearmanr(v).statistic
    assert rho[0, 1] == pytest.approx(1.0)
    assert rho[0, 2] == pytest.approx(0.6, abs=0.04)
    assert abs(rho[2, 3]) < 0.05
    with pytest.raises(ne.UncertaintyError, match="positive definite"):
        unc.sample_parameters(params, 64, 1, correlation={("author", "wage"): 0.9,
                                                          ("author", "prices"): 0.9,
                                                          ("wage", "prices"): -0.9})
    with pytest.raises(ne.UncertaintyError, match="not an uncertain input"):
        unc.sample_parameters(params, 64, 1, correlation={("h1928", "wage"): 0.5})


# ------------------------------------------------------------------ sensitivity
def test_sobol_indices_of_a_linear_model_match_the_closed_form():
    # y = sum a_i x_i, x_i ~ U(l_i, h_i): S_i = S_Ti = a_i^2 w_i^2 / sum_j a_j^2 w_j^2.
    a = np.array([3.0, 1.0, 0.5])
    w = np.array([1.0, 2.0, 2.0])
    params = [ne.ParameterRange(f"x{i}", 0, w[i] / 2, w[i]) for i in range(3)]
    sens = ne.sobol_sensitivity(lambda p: {"y": sum(a[i] * p[f"x{i}"] for i in range(3)),
                                           "const": 1.0}, params, draws=2048, seed=5)
    exact = a ** 2 * w ** 2 / (a ** 2 * w ** 2).sum()
    np.testing.assert_allclose(sens.first_order.loc["y"], exact, atol=0.03)
    np.testing.assert_allclose(sens.total_order.loc["y"], exact, atol=0.03)
    assert (sens.total_order.loc["const"] == 0).all()
    assert sens.ranking("y").index[0] == "x0"
    assert "x0" in sens.summary()
    with pytest.raises(ne.UncertaintyError, match="power of two"):
        ne.sobol_sensitivity(lambda p: 1.0, params, draws=1000)


def test_sobol_total_index_sees_an_interaction():
    # y = x0 * x1 on [-1, 1]^2: no first-order effect, all variance from the interaction.
    params = [ne.ParameterRange("x0", -1, 0, 1), ne.ParameterRange("x1", -1, 0, 1),
              ne.ParameterRange("x2", -1, 0, 1)]
    sens = ne.sobol_sensitivity(lambda p: p["x0"] * p["x1"], params, draws=2048, seed=1)
    first, total = sens.first_order.iloc[0], sens.total_order.iloc[0]
    assert abs(first["x0"]) < 0.05 and total["x0"] == pytest.approx(1.0, abs=0.05)
    assert abs(total["x2"]) < 0.01


def test_figures_draw_intervals_and_indices():
    params = [ne.ParameterRange("a", 0, 1, 2), ne.ParameterRange("b", 0, 1, 4)]
    res = ne.propagate(lambda p: {"sum": p["a"] + p["b"], "a": p["a"]}, params, draws=200)
    fig = interval_figure(res, unit="hours")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "hours"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["sum", "a"][::-1] or \
        {t.get_text() for t in ax.get_yticklabels()} == {"sum", "a"}
    with pytest.raises(ne.PlotDataError):
        interval_figure(res, ["nope"])
    sens = ne.sobol_sensitivity(lambda p: {"sum": p["a"] + p["b"]}, params, draws=64)
    fig = sensitivity_figure(sens, "sum")
    assert fig.axes[0].get_title() == "What moves sum"
    with pytest.raises(ne.PlotDataError):
        sensitivity_figure(sens, "nope")
