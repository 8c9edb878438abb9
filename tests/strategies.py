"""Hypothesis strategies that build valid inputs by construction (no filtering).

Economies: non-negative ``A`` whose column sums are scaled to at most ``1 - margin`` (so
ρ(A) <= 1 - margin < 1), positive labour coefficients, 1 to 3 labour kinds, dense or sparse.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from hypothesis import strategies as st

import nonequivalent as ne

MARGIN = 0.05


@st.composite
def technical_matrices(draw, n: int | None = None, max_n: int = 40,
                       sparse: bool = False) -> np.ndarray | sp.csr_array:
    """A productive non-negative matrix, column sums in [0, 1 - margin]."""
    if n is None:
        n = draw(st.integers(1, max_n))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    density = draw(st.sampled_from([1.0, 0.5, 0.2]))
    A = rng.random((n, n)) * (rng.random((n, n)) < density)
    target = rng.uniform(0.0, 1.0 - MARGIN, size=n)
    colsum = A.sum(axis=0)
    scale = np.divide(target, colsum, out=np.zeros(n), where=colsum > 0)
    A = A * scale[None, :]
    return sp.csr_array(A) if sparse else A


@st.composite
def economies(draw, n: int | None = None, max_n: int = 40, kinds: int | None = None,
              sparse: bool | None = None) -> ne.Economy:
    """A valid :class:`nonequivalent.Economy` (dense or sparse, 1-3 labour kinds)."""
    if sparse is None:
        sparse = draw(st.booleans())
    A = draw(technical_matrices(n=n, max_n=max_n, sparse=sparse))
    n = A.shape[0]
    k = kinds if kinds is not None else draw(st.integers(1, 3))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    labour = rng.uniform(0.05, 2.0, size=(k, n))
    names = ["peasant", "worker", "other"][:k]
    return ne.Economy(A, labour=dict(zip(names, labour, strict=True)),
                      sectors=[f"sector {i}" for i in range(n)])


def positive_vectors(n: int, low: float = 0.01, high: float = 100.0):
    """Strategy for a positive float vector of length ``n``."""
    return st.lists(st.floats(low, high, allow_nan=False, allow_infinity=False),
                    min_size=n, max_size=n).map(np.array)


def condition_tolerance(eco: ne.Economy, base: float = 1e-10) -> float:
    """A relative tolerance scaled by the condition number of ``I - A``."""
    M = np.eye(eco.n) - (eco.A.toarray() if eco.is_sparse else eco.A)
    return base * max(1.0, float(np.linalg.cond(M)))
