"""Batched Leontief solves for draws agree with one solve per draw."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nonequivalent as ne

from .strategies import technical_matrices


@st.composite
def batches(draw, max_n: int = 12):
    """A productive A, positive labour, and row/column scales keeping every draw productive.

    Column sums of A are at most 1 - margin (= 0.95); scales in [1 - s, 1 + s] with
    (1 + s)^2 * 0.95 < 1 keep every scaled column sum below 1, so ρ(A_k) < 1 by construction.
    """
    A = draw(technical_matrices(max_n=max_n))
    n = A.shape[0]
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    m = draw(st.integers(1, 30))
    spread = draw(st.floats(0.0, 0.02))
    r = rng.uniform(1 - spread, 1 + spread, (m, n))
    s = rng.uniform(1 - spread, 1 + spread, (m, n))
    labour = rng.uniform(0.1, 2.0, (m, n))
    return A, labour, r, s


def one_by_one(A, b, r, s, transpose):
    out = []
    for k in range(len(r)):
        Ak = r[k][:, None] * A * s[k][None, :]
        M = np.eye(len(A)) - Ak
        out.append(np.linalg.solve(M if transpose else M.T, b[k]))
    return np.array(out)


@settings(max_examples=30)
@given(batch=batches())
def test_scaled_technology_matches_one_solve_per_draw(batch):
    A, labour, r, s = batch
    lam = ne.labour_values_batch(A, labour, row_scale=r, column_scale=s)
    np.testing.assert_allclose(lam, one_by_one(A, labour, r, s, False), rtol=1e-9)
    x = ne.gross_output_batch(A, labour, row_scale=r, column_scale=s)
    np.testing.assert_allclose(x, one_by_one(A, labour, r, s, True), rtol=1e-9)
    stack = r[:, :, None] * A[None] * s[:, None, :]
    np.testing.assert_allclose(ne.labour_values_batch(stack, labour), lam, rtol=1e-9)
    # invariant 1 of the design, per draw: λ = l + λ A_k and λ >= l
    lam_a = np.einsum("mi,mij->mj", lam, stack)
    np.testing.assert_allclose(lam, labour + lam_a, rtol=1e-9, atol=1e-12)
    assert (lam >= labour * (1 - 1e-12)).all()


@settings(max_examples=20)
@given(A=technical_matrices(max_n=15), seed=st.integers(0, 2**32 - 1))
def test_fixed_technology_reuses_one_factorization(A, seed):
    n = A.shape[0]
    rng = np.random.default_rng(seed)
    labour = rng.uniform(0.1, 2, (7, n))
    eco_values = np.array([ne.Economy(A, labour=row).labour_values().to_numpy()
                           for row in labour])
    np.testing.assert_allclose(ne.labour_values_batch(A, labour), eco_values, rtol=1e-10)
    # unit scales are the fixed technology exactly (no iteration is taken)
    ones = np.ones((7, n))
    assert np.array_equal(ne.labour_values_batch(A, labour, row_scale=ones),
                          ne.labour_values_batch(A, labour))


def test_large_scales_converge_or_fall_back_to_stacked_solves():
    rng = np.random.default_rng(0)
    n, m = 30, 50
    A = rng.random((n, n))
    A *= 0.6 / A.sum(axis=0)
    r = rng.uniform(0.6, 1.5, (m, n))
    s = rng.uniform(0.6, 1.05, (m, n))
    lam = ne.labour_values_batch(A, np.ones(n), row_scale=r, column_scale=s, max_iter=2)
    np.testing.assert_allclose(lam, one_by_one(A, np.ones((m, n)), r, s, False), rtol=1e-9)


def test_a_draw_that_is_not_productive_is_named():
    A = np.array([[0.5, 0.2], [0.3, 0.5]])
    s = np.array([[1.0, 1.0], [1.0, 1.0], [1.9, 1.9]])
    with pytest.raises(ne.NotProductiveError, match="draw 2"):
        ne.labour_values_batch(A, [1.0, 1.0], column_scale=s)
    with pytest.raises(ne.InvalidEconomyError, match="> 0"):
        ne.labour_values_batch(A, [1.0, 1.0], column_scale=[[0.0, 1.0]])
    with pytest.raises(ne.InvalidEconomyError, match="shape"):
        ne.labour_values_batch(A, [1.0, 1.0, 1.0])
