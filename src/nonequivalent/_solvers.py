"""Linear-algebra kernels of the input-output core: the spectral radius of a non-negative
matrix block by block, and the preconditioned Krylov solve of ``(I - M) x = b`` for sparse
tables. :class:`nonequivalent.Economy` uses them; they take and return plain numpy/scipy
objects.

``scipy.sparse`` and ``scipy.sparse.linalg`` are imported only by the sparse paths, so that
``import nonequivalent`` and dense tables never pay for them: :data:`sparse` stands for
``scipy.sparse`` and loads it on first use, except for :meth:`_LazySparse.issparse`, which
answers without loading it.
"""

from __future__ import annotations

import importlib
import math
import sys
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy.linalg as sla

from .errors import ConvergenceError

if TYPE_CHECKING:
    import scipy.sparse as sp


class _LazySparse:
    """``scipy.sparse``, imported on first use of one of its names.

    :meth:`issparse` does not import it: an object can only be a scipy sparse array or
    matrix once ``scipy.sparse`` has been imported (its classes live there), so while it is
    not in ``sys.modules`` the answer is ``False``.
    """

    __slots__ = ()

    @staticmethod
    def issparse(x: Any) -> bool:
        """``scipy.sparse.issparse(x)``, without importing ``scipy.sparse`` to say no."""
        module = sys.modules.get("scipy.sparse")
        return module is not None and bool(module.issparse(x))

    def __getattr__(self, name: str) -> Any:
        return getattr(importlib.import_module("scipy.sparse"), name)

    def __repr__(self) -> str:
        return "<scipy.sparse, imported on first use>"


#: ``scipy.sparse``, imported on first use (``issparse`` never imports it).
sparse = _LazySparse()

#: Largest strong component whose eigenvalues are computed densely (larger: ARPACK).
DENSE_EIG_LIMIT = 1500

#: Relative residual ``||b - (I - A) x|| / ||b||`` required of iterative (sparse) solves.
SPARSE_TOLERANCE = 1e-12


def _spectral_radius_by_block(
    M: np.ndarray | sp.sparray,
) -> tuple[float, list[tuple[float, np.ndarray]]]:
    """Spectral radius of a non-negative matrix, block by block (strong components).

    ρ(M) is the largest ρ of the diagonal blocks of the strongly connected components of
    the graph of ``M`` (Frobenius normal form), so only the blocks need eigenvalues.
    Returns ρ(M) and the list of ``(ρ of the block, positions of its sectors)``.
    A dense matrix with every entry positive is one strong component, found without
    loading ``scipy.sparse``.
    """
    if isinstance(M, np.ndarray) and 0 < M.shape[0] <= DENSE_EIG_LIMIT and bool((M > 0).all()):
        r = float(np.max(np.abs(np.linalg.eigvals(M))))
        return r, [(r, np.arange(M.shape[0]))]
    import scipy.sparse as sp
    from scipy.sparse import csgraph

    S = sp.csr_array(M)
    n = S.shape[0]
    if n == 0:
        return 0.0, []
    ncomp, comp = csgraph.connected_components(S, directed=True, connection="strong")
    blocks: list[tuple[float, np.ndarray]] = []
    for c in range(ncomp):
        idx = np.flatnonzero(comp == c)
        sub = S[idx][:, idx]
        if sub.nnz == 0:
            blocks.append((0.0, idx))
            continue
        if idx.size <= DENSE_EIG_LIMIT:
            r = float(np.max(np.abs(np.linalg.eigvals(sub.toarray()))))
        else:
            # Perron root of an irreducible non-negative block: largest-magnitude eigenvalue.
            import scipy.sparse.linalg as spla

            vals = spla.eigs(sp.csr_matrix(sub), k=1, which="LM", return_eigenvectors=False,
                             tol=1e-12, maxiter=20_000)
            r = float(np.abs(vals).max())
        blocks.append((r, idx))
    return max(b[0] for b in blocks), blocks


def _norm(v: np.ndarray) -> float:
    # Euclidean norm by a plain numpy reduction (no multithreaded BLAS call: on a busy
    # machine, thread start-up on many small BLAS calls costs more than the arithmetic).
    return math.sqrt(float(np.einsum("i,i->", v, v)))


def _krylov_solve(M: sp.csr_array, b: np.ndarray, tol: float = SPARSE_TOLERANCE,
                  degree: int = 3, restart: int = 30, max_cycles: int = 60) -> np.ndarray:
    """Solve ``(I - M) x = b`` for sparse non-negative ``M`` with ρ(M) < 1.

    Restarted GMRES (Saad & Schultz, *SIAM J. Sci. Stat. Comput.* 7 (1986)) with the
    truncated Neumann series ``P = I + M + ... + M^degree`` as right preconditioner (valid
    because ρ(M) < 1). Since ``(I - M) P = I - M^(degree+1)``, one preconditioned
    product costs ``degree + 1`` sparse products. The basis is orthogonalized by classical
    Gram–Schmidt applied twice (CGS2), with plain numpy reductions. Right preconditioning
    keeps the residual GMRES minimizes equal to the true residual; the true relative
    residual ``||b - (I - M) x|| / ||b||`` is recomputed after every cycle, and a
    :class:`ConvergenceError` is raised if it does not reach ``tol``.
    """
    n = b.shape[0]
    bnorm = _norm(b)
    if bnorm == 0.0:
        return np.zeros(n)

    def precondition(v: np.ndarray) -> np.ndarray:
        out = v.copy()
        term = v
        for _ in range(degree):
            term = M @ term
            out += term
        return out

    def operator(v: np.ndarray) -> np.ndarray:  # (I - M) P v = v - M^(degree+1) v
        t = v
        for _ in range(degree + 1):
            t = M @ t
        return v - t

    x = np.zeros(n)
    r = b.copy()
    resid = 1.0
    target = 0.1 * tol * bnorm
    V = np.empty((restart + 1, n))
    H = np.zeros((restart + 1, restart))
    for _ in range(max_cycles):
        beta = _norm(r)
        resid = beta / bnorm
        if resid <= tol:
            return x
        V[0] = r / beta
        H[:] = 0.0
        cs, sn = np.zeros(restart), np.zeros(restart)
        g = np.zeros(restart + 1)
        g[0] = beta
        k = 0
        for j in range(restart):
            w = operator(V[j])
            basis = V[: j + 1]
            h = np.einsum("ij,j->i", basis, w)
            w -= np.einsum("i,ij->j", h, basis)
            h2 = np.einsum("ij,j->i", basis, w)
            w -= np.einsum("i,ij->j", h2, basis)
            H[: j + 1, j] = h + h2
            hn = _norm(w)
            for i in range(j):  # previous Givens rotations
                top = cs[i] * H[i, j] + sn[i] * H[i + 1, j]
                H[i + 1, j] = -sn[i] * H[i, j] + cs[i] * H[i + 1, j]
                H[i, j] = top
            d = math.hypot(H[j, j], hn)
            if d == 0.0:
                break
            cs[j], sn[j] = H[j, j] / d, hn / d
            H[j, j], H[j + 1, j] = d, 0.0
            g[j + 1] = -sn[j] * g[j]
            g[j] = cs[j] * g[j]
            k = j + 1
            if hn == 0.0 or abs(g[j + 1]) <= target:
                break
            V[j + 1] = w / hn
        if k == 0:
            break
        coef = sla.solve_triangular(H[:k, :k], g[:k], check_finite=False)
        x += precondition(np.einsum("i,ij->j", coef, V[:k]))
        r = b - (x - M @ x)
    resid = _norm(r) / bnorm
    if resid > tol:
        raise ConvergenceError(
            f"the sparse solve reached relative residual {resid:.3g} > {tol:.0e} after "
            f"{max_cycles} GMRES cycles; the matrix may be nearly non-productive (ρ(A) "
            "close to 1). Convert A to a dense array to use the direct LU solve.")
    return x
