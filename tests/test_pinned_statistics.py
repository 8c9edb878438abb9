"""What users rely on in the uncertainty statistics, pinned exactly where there is an exact
answer; and the squeeze's bisection fast path checked without the grid that backs it up."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import optimize

import nonequivalent as ne
from nonequivalent.exchange.procurement import isoelastic_total_optimum
from nonequivalent.uncertainty import propagation as unc


# ------------------------------------------------------------------ seeds of chunks
@pytest.mark.parametrize("method", ["random", "lhs"])
def test_each_chunk_is_drawn_from_its_own_child_seed(method):
    n = 2 * unc.CHUNK + 5
    u = unc.unit_draws(n, 2, seed=11, method=method)
    children = np.random.SeedSequence(11).spawn(3)
    for k, (a, b) in enumerate(unc.chunk_bounds(n)):
        rng = np.random.default_rng(children[k])
        want = (rng.random((b - a, 2)) if method == "random"
                else unc.qmc.LatinHypercube(2, rng=rng).random(b - a))
        assert np.array_equal(u[a:b], want), k
    # distinct seeds: no chunk repeats another's draws
    assert not np.array_equal(u[:5], u[unc.CHUNK:unc.CHUNK + 5])


# ---------------------------------------------------------------- std: ddof = 1
def test_std_has_n_minus_one_degrees_of_freedom():
    res = ne.propagate(lambda p: {"y": p["a"]}, [ne.ParameterRange("a", 0, 1, 2)],
                       draws=8, seed=3)
    y = res.samples["y"].to_numpy()
    var = ((y - y.mean()) ** 2).sum() / (len(y) - 1)
    assert res.std()["y"] == pytest.approx(np.sqrt(var), rel=1e-12)
    assert res.to_frame().loc["y", "std"] == pytest.approx(np.sqrt(var), rel=1e-12)


# ---------------------------------------------- rank correlation -> copula's correlation
@pytest.mark.parametrize("rho", [-0.7, 0.3, 0.5, 0.9])
def test_rank_correlation_becomes_2_sin_pi_rho_over_6(rho):
    chol = unc._copula(["a", "b"], {("a", "b"): rho})
    normal = chol @ chol.T
    assert normal[0, 1] == pytest.approx(2 * np.sin(np.pi * rho / 6), rel=1e-14)
    # and the draws carry that rank correlation (Spearman), to sampling error
    from scipy.stats import spearmanr

    v = unc.sample_parameters([ne.ParameterRange("a", 0, 1, 2), ne.ParameterRange("b", 0, 1, 2)],
                              20000, 5, "random", {("a", "b"): rho})
    assert spearmanr(v[:, 0], v[:, 1]).statistic == pytest.approx(rho, abs=0.02)


# ------------------------------------------------- whole-number ranges: equal frequencies
@pytest.mark.parametrize("low,high", [(1, 3), (0, 1), (2, 6)])
def test_every_whole_number_of_a_range_is_equally_frequent(low, high):
    r = ne.ParameterRange("n", low, low, high, integer=True)
    k = high - low + 1
    u = (np.arange(1000 * k) + 0.5) / (1000 * k)      # an exact uniform grid on [0, 1)
    values, counts = np.unique(r.ppf(u), return_counts=True)
    assert values.tolist() == list(range(low, high + 1))
    assert counts.tolist() == [1000] * k              # the ends as often as the middle
    assert r.ppf([0.0, 1.0]).tolist() == [low, high]
    assert r.variance == pytest.approx(((k ** 2) - 1) / 12)


# ---------------------------------------------------- asymmetric percentile intervals
def test_intervals_with_asymmetric_ends():
    res = ne.propagate(lambda p: {"y": p["a"]}, [ne.ParameterRange("a", 0, 1, 2)],
                       draws=101, seed=2, percentiles=(10, 50, 99))
    y = res.samples["y"].to_numpy()
    lo, hi = res.interval(10, 99).loc["y"]
    assert (lo, hi) == (np.percentile(y, 10), np.percentile(y, 99))
    frame = res.to_frame()
    assert frame.loc["y", "p10"] == np.percentile(y, 10)
    assert frame.loc["y", "p99"] == np.percentile(y, 99)
    with pytest.raises(ne.UncertaintyError, match="low <= high"):
        res.interval(99, 10)


# ------------------------------------------ fast path: the bisection without the grid
def _foc(p, q0, p0, eps, pe):
    return sum(q * (p / p0) ** e * (e * (pe - p) - p) for q, e in zip(q0, eps, strict=True))


@pytest.mark.parametrize("q0,eps", [
    ([100.0, 40.0], [0.3, 2.0]),
    ([10.0, 80.0, 5.0], [0.1, 0.6, 4.0]),
    ([1.0, 1.0], [0.5, 0.5]),
])
def test_the_squeeze_bisection_finds_the_first_order_root(q0, eps):
    p0, pe = 1.0, 1.3
    p_star, q_star = isoelastic_total_optimum(q0, p0, eps, pe)
    own = [e * pe / (1 + e) for e in eps]
    want = optimize.brentq(_foc, min(own) * (1 - 1e-12), max(own) * (1 + 1e-12),
                           args=(q0, p0, eps, pe), xtol=1e-15, rtol=1e-15)
    assert float(p_star) == pytest.approx(want, rel=1e-12)
    assert float(q_star) == pytest.approx(sum(q * (want / p0) ** e
                                              for q, e in zip(q0, eps, strict=True)), rel=1e-12)


def test_the_squeeze_bisection_over_draws_and_for_one_group():
    q0 = np.array([[100.0, 100.0], [40.0, 10.0]])     # groups x draws
    eps = np.array([[0.3, 0.8], [2.0, 1.5]])
    p0, pe = np.array([1.0, 1.2]), np.array([1.3, 2.0])
    p_star, _ = isoelastic_total_optimum(q0, p0, eps, pe)
    for d in range(2):
        one, _ = isoelastic_total_optimum(q0[:, d], p0[d], eps[:, d], pe[d])
        assert float(p_star[d]) == pytest.approx(float(one), rel=1e-13)
    # one group: the closed form ε pᵉ/(1 + ε)
    p1, _ = isoelastic_total_optimum([5.0], 1.0, [0.7], 1.3)
    assert float(p1) == pytest.approx(0.7 * 1.3 / 1.7, rel=1e-14)
