"""Tests of the input-output core (DESIGN §2.1; invariants 1, 2 and 3 of §4)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
import scipy.linalg as sla
import scipy.sparse as sp
from hypothesis import given
from hypothesis import strategies as st

import nonequivalent as ne
from tests.strategies import condition_tolerance, economies, technical_matrices


def dense_of(eco: ne.Economy) -> np.ndarray:
    return eco.A.toarray() if eco.is_sparse else np.asarray(eco.A)


def demand_for(eco: ne.Economy, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).uniform(0.1, 100.0, eco.n)


# ---------------------------------------------------------------------- worked examples
def test_miller_blair_two_sector_example():
    # Miller & Blair (2009), Input-Output Analysis, 2nd ed., ch. 2, numerical example with
    # hypothetical figures (flows table):
    # Z = [[150, 500], [200, 100]], x = [1000, 2000].
    # By hand: A = Z / x = [[0.15, 0.25], [0.20, 0.05]];
    # final demand f = x - Z 1 = [1000 - 650, 2000 - 300] = [350, 1700];
    # I - A = [[0.85, -0.25], [-0.20, 0.95]], det = 0.8075 - 0.05 = 0.7575;
    # L = (1/0.7575) [[0.95, 0.25], [0.20, 0.85]] = [[1.2541, 0.3300], [0.2640, 1.1221]].
    eco = ne.Economy.from_flows([[150, 500], [200, 100]], [1000, 2000],
                                labour_hours=[100, 400], sectors=["1", "2"])
    np.testing.assert_allclose(eco.technical_coefficients.to_numpy(),
                               [[0.15, 0.25], [0.20, 0.05]], rtol=1e-15)
    L = eco.leontief_inverse().to_numpy()
    np.testing.assert_allclose(L, np.array([[0.95, 0.25], [0.20, 0.85]]) / 0.7575,
                               rtol=1e-13)
    # The original final demand gives back the original outputs.
    np.testing.assert_allclose(eco.gross_output([350, 1700]).to_numpy(), [1000, 2000],
                               rtol=1e-13)
    # New final demand f = [600, 1500]: x1 = (0.95*600 + 0.25*1500)/0.7575 = 945/0.7575,
    # x2 = (0.20*600 + 0.85*1500)/0.7575 = 1395/0.7575, i.e. 1247.52 and 1841.58.
    x = eco.gross_output({"1": 600, "2": 1500})
    np.testing.assert_allclose(x.to_numpy(), [945 / 0.7575, 1395 / 0.7575], rtol=1e-13)
    assert x.round(2).tolist() == [1247.52, 1841.58]
    # Labour: l = hours / x = [0.1, 0.2]; λ = l L:
    # λ1 = (0.1*0.95 + 0.2*0.20)/0.7575 = 0.135/0.7575, λ2 = (0.1*0.25 + 0.2*0.85)/0.7575.
    np.testing.assert_allclose(eco.labour_values().to_numpy(),
                               [0.135 / 0.7575, 0.195 / 0.7575], rtol=1e-13)
    # Output multipliers (column sums of L): (0.95+0.20)/0.7575, (0.25+0.85)/0.7575.
    np.testing.assert_allclose(eco.output_multipliers().to_numpy(),
                               [1.15 / 0.7575, 1.10 / 0.7575], rtol=1e-13)


def test_two_kind_example_by_hand():
    # A = [[0.2, 0.3], [0.1, 0.4]]; det(I - A) = 0.8*0.6 - 0.3*0.1 = 0.45;
    # (I - A)^-1 = (1/0.45) [[0.6, 0.3], [0.1, 0.8]].
    # Peasant labour [0.5, 0]: λ_p = [0.5*0.6, 0.5*0.3]/0.45 = [2/3, 1/3];
    # worker labour [0, 0.25]: λ_w = [0.25*0.1, 0.25*0.8]/0.45 = [1/18, 4/9].
    eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]],
                     labour={"peasant": [0.5, 0.0], "worker": [0.0, 0.25]},
                     sectors=["agriculture", "industry"])
    by_kind = eco.labour_values(by_kind=True)
    np.testing.assert_allclose(by_kind.loc["peasant"], [2 / 3, 1 / 3], rtol=1e-14)
    np.testing.assert_allclose(by_kind.loc["worker"], [1 / 18, 4 / 9], rtol=1e-14)
    np.testing.assert_allclose(eco.labour_values(), [13 / 18, 14 / 18], rtol=1e-14)
    # ρ(A): trace 0.6, det 0.05, roots 0.3 ± 0.2 -> ρ = 0.5, R = 1.
    assert eco.spectral_radius == pytest.approx(0.5, rel=1e-14)
    assert eco.max_profit_rate == pytest.approx(1.0, rel=1e-13)
    # Type I employment multipliers λ/l for the peasant kind: industry has no direct
    # peasant labour, so it is NaN there (documented).
    m = eco.employment_multipliers("peasant", type_i=True)
    assert m["agriculture"] == pytest.approx((2 / 3) / 0.5)
    assert np.isnan(m["industry"])


def test_productive_despite_large_column_sum_uses_collatz_wielandt():
    # Column sums 0.51 and 2.5 (and row sums 2.5, 0.51) defeat the cheap tests; by hand
    # ρ = 0.5 + sqrt(2 * 0.01) = 0.6414 < 1, so the economy is productive.
    eco = ne.Economy([[0.5, 2.0], [0.01, 0.5]], labour=[1.0, 1.0])
    assert eco.is_productive
    assert eco.spectral_radius == pytest.approx(0.5 + np.sqrt(0.02), rel=1e-13)
    # (I - A) x = y with y = [1, 1]: det = 0.25 - 0.02 = 0.23,
    # x = [0.5*1 + 2*1, 0.01*1 + 0.5*1]/0.23.
    np.testing.assert_allclose(eco.gross_output([1, 1]), [2.5 / 0.23, 0.51 / 0.23],
                               rtol=1e-13)


def test_sraffa_subsistence_economy_is_not_productive():
    # Sraffa (1960), Production of Commodities, ch. I: 280 qr wheat + 12 t iron -> 400 qr wheat;
    # 120 qr wheat + 8 t iron -> 20 t iron. It just replaces itself: ρ(A) = 1 exactly
    # (trace 1.1, det 0.7*0.4 - 6*0.03 = 0.1, roots 0.55 ± 0.45), which rounds to
    # 0.9999999999999999 in floating point and must still count as non-productive.
    eco = ne.Economy.from_flows([[280, 120], [12, 8]], [400, 20], [1, 1],
                                sectors=["wheat", "iron"])
    assert not eco.is_productive
    with pytest.raises(ne.NotProductiveError):
        eco.labour_values()


def test_sparse_input_forms_agree_with_dense():
    A = np.array([[0.1, 0.0, 0.3], [0.2, 0.1, 0.0], [0.0, 0.4, 0.2]])
    dense = ne.Economy(A, labour=[1.0, 0.5, 0.2])
    for form in (sp.csr_array, sp.csc_array, sp.coo_matrix, sp.lil_matrix):
        eco = ne.Economy(form(A), labour=[1.0, 0.5, 0.2])
        assert eco.is_sparse
        np.testing.assert_allclose(eco.labour_values(), dense.labour_values(), rtol=1e-12)
        np.testing.assert_allclose(eco.gross_output([1, 2, 3]), dense.gross_output([1, 2, 3]),
                                   rtol=1e-12)
    # Duplicate COO entries are summed; explicit zeros dropped.
    coo = sp.coo_array(([0.05, 0.05, 0.0], ([0, 0, 1], [0, 0, 1])), shape=(2, 2))
    eco = ne.Economy(coo, labour=[1.0, 1.0])
    assert eco.A.nnz == 1 and eco.A[0, 0] == pytest.approx(0.1)


def test_from_flows_sparse_and_labelled():
    Z = pd.DataFrame([[10.0, 20.0], [30.0, 0.0]], index=["a", "b"], columns=["a", "b"])
    x = pd.Series({"b": 100.0, "a": 50.0})           # any order: aligned by label
    eco = ne.Economy.from_flows(Z, x, {"w": pd.Series({"a": 5.0, "b": 10.0})})
    np.testing.assert_allclose(eco.technical_coefficients.to_numpy(),
                               [[0.2, 0.2], [0.6, 0.0]])
    np.testing.assert_allclose(eco.labour_coefficients.to_numpy(), [[0.1, 0.1]])
    eco_sp = ne.Economy.from_flows(sp.csr_array(Z.to_numpy()), [50.0, 100.0], [5.0, 10.0],
                                   sectors=["a", "b"])
    assert eco_sp.is_sparse
    np.testing.assert_allclose(eco_sp.labour_values(), eco.labour_values(), rtol=1e-12)


def test_several_final_demand_scenarios_at_once():
    eco = ne.Economy([[0.5]], labour=[1.0], sectors=["grain"])
    Y = pd.DataFrame({"low": [1.0], "high": [3.0]}, index=["grain"])
    out = eco.gross_output(Y)
    assert list(out.columns) == ["low", "high"]
    np.testing.assert_allclose(out.to_numpy(), [[2.0, 6.0]])


def test_no_path_forms_an_inverse_except_leontief_inverse(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("an explicit inverse was formed")

    monkeypatch.setattr(np.linalg, "inv", forbidden)
    monkeypatch.setattr(sla, "inv", forbidden)
    monkeypatch.setattr(np.linalg, "pinv", forbidden)
    for A in (np.array([[0.2, 0.3], [0.1, 0.4]]), sp.csr_array([[0.2, 0.3], [0.1, 0.4]])):
        eco = ne.Economy(A, labour={"p": [0.5, 0.0], "w": [0.0, 0.25]},
                         sectors=["agr", "ind"])
        eco.gross_output([1, 1])
        eco.labour_values(by_kind=True)
        eco.output_multipliers()
        eco.employment_multipliers()
        ne.cost_push_prices(eco, [1, 1])
        ne.production_prices(eco, 0.3)
        ne.wage_profit_frontier(eco, np.linspace(0, 1, 30), method="schur")
        ne.wage_profit_frontier(eco, [0.1, 0.2], method="direct")
        ne.uniform_profit_rate(eco, [0.1, 0.1])
        ne.new_interpretation(eco, [1, 1], [1, 1], wage=0.5)


# ---------------------------------------------------------------------- invariant 1
@given(eco=economies(), seed=st.integers(0, 2**32 - 1))
def test_values_satisfy_lambda_equals_l_plus_lambda_A(eco, seed):
    tol = condition_tolerance(eco)
    lam = eco.labour_values().to_numpy()
    lab = eco.total_labour
    A = dense_of(eco)
    scale = max(1.0, float(np.abs(lam).max()))
    np.testing.assert_allclose(lam, lab + lam @ A, rtol=tol, atol=tol * scale)
    assert np.all(lam >= lab - tol * scale)                      # λ >= lab
    y = demand_for(eco, seed)
    x = eco.gross_output(y).to_numpy()
    np.testing.assert_allclose(x, A @ x + y, rtol=tol, atol=tol * float(np.abs(x).max()))
    assert float(lam @ y) == pytest.approx(float(lab @ x), rel=tol)   # λ·y = lab·x
    # By kind: the rows of Λ add up to λ, and each satisfies Λ_k = l_k + Λ_k A.
    by_kind = eco.labour_values(by_kind=True).to_numpy()
    np.testing.assert_allclose(by_kind.sum(axis=0), lam, rtol=tol, atol=tol * scale)
    np.testing.assert_allclose(by_kind, eco.labour + by_kind @ A, rtol=tol, atol=tol * scale)


@given(eco=economies(sparse=False), seed=st.integers(0, 2**32 - 1))
def test_sparse_and_dense_storage_give_the_same_results(eco, seed):
    tol = condition_tolerance(eco)
    twin = dataclasses.replace(eco, A=sp.csr_array(eco.A))
    assert twin.is_sparse
    y = demand_for(eco, seed)
    np.testing.assert_allclose(twin.gross_output(y), eco.gross_output(y), rtol=tol)
    np.testing.assert_allclose(twin.labour_values(), eco.labour_values(), rtol=tol)


# ---------------------------------------------------------------------- invariant 2
@given(eco=economies())
def test_productive_economies_have_nonnegative_leontief_inverse(eco):
    assert eco.spectral_radius < 1
    assert eco.is_productive
    eco.require_productive()
    L = eco.leontief_inverse().to_numpy()
    tol = condition_tolerance(eco)
    assert L.min() >= -tol * float(np.abs(L).max())
    # L >= I (L = I + A + A^2 + ...).
    assert np.all(np.diag(L) >= 1 - tol * float(np.abs(L).max()))


@st.composite
def non_productive(draw):
    """A valid A made positive, then scaled so that ρ = k >= 1 (k drawn; no filtering)."""
    sparse = draw(st.booleans())
    A = draw(technical_matrices(sparse=False))
    n = A.shape[0]
    A = A + 0.01 / n                                # positive, so ρ > 0 and irreducible
    rho = float(np.max(np.abs(np.linalg.eigvals(A))))
    k = draw(st.floats(1.001, 3.0))
    A = A * (k / rho)
    return (sp.csr_array(A) if sparse else A), k


@given(case=non_productive())
def test_non_productive_economies_raise(case):
    A, k = case
    n = A.shape[0]
    eco = ne.Economy(A, labour=np.ones(n), sectors=[f"s{i}" for i in range(n)])
    assert not eco.is_productive
    assert eco.spectral_radius == pytest.approx(k, rel=1e-9)
    for call in (lambda: eco.gross_output(np.ones(n)), eco.labour_values,
                 eco.leontief_inverse, eco.require_productive,
                 lambda: ne.production_prices(eco, 0.0),
                 lambda: ne.cost_push_prices(eco, np.ones(n))):
        with pytest.raises(ne.NotProductiveError) as info:
            call()
        assert "ρ(A)" in str(info.value)
        assert info.value.spectral_radius == pytest.approx(k, rel=1e-9)
        assert info.value.sectors           # the sectors involved are named
    # Conversely, (I - A)^-1 is not non-negative when ρ(A) > 1: in the Perron direction
    # q > 0, (I - A)^-1 q = q / (1 - ρ) < 0.
    M = np.eye(n) - (A.toarray() if sp.issparse(A) else A)
    inv = np.linalg.solve(M, np.eye(n))
    assert inv.min() < 0


# ---------------------------------------------------------------------- invariant 3
@given(eco=economies(), k=st.floats(0.01, 100.0))
def test_scaling_labour_scales_values(eco, k):
    tol = condition_tolerance(eco)
    scaled = dataclasses.replace(eco, labour=eco.labour * k)
    np.testing.assert_allclose(scaled.labour_values(), k * eco.labour_values(), rtol=tol)
    np.testing.assert_allclose(scaled.labour_values(by_kind=True),
                               k * eco.labour_values(by_kind=True), rtol=tol,
                               atol=tol * k * float(eco.values_array.max()))


@given(eco=economies(), data=st.data())
def test_permuting_sectors_permutes_quantities_and_values(eco, data):
    tol = condition_tolerance(eco)
    perm = np.array(data.draw(st.permutations(range(eco.n))))
    A = eco.A[perm][:, perm] if eco.is_sparse else eco.A[np.ix_(perm, perm)]
    permuted = ne.Economy(A, labour=eco.labour[:, perm], sectors=eco.sectors[perm],
                          labour_kinds=eco.labour_kinds)
    y = demand_for(eco, 7)
    x = eco.gross_output(y)
    x_p = permuted.gross_output(pd.Series(y, index=eco.sectors))   # aligned by label
    pd.testing.assert_series_equal(x_p.reindex(eco.sectors), x, rtol=tol)
    pd.testing.assert_series_equal(permuted.labour_values().reindex(eco.sectors),
                                   eco.labour_values(), rtol=tol)
    assert permuted.spectral_radius == pytest.approx(eco.spectral_radius, rel=1e-9, abs=1e-12)
    pd.testing.assert_frame_equal(
        permuted.leontief_inverse().loc[eco.sectors, eco.sectors], eco.leontief_inverse(),
        rtol=tol, atol=tol)
