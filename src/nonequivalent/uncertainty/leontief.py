"""Leontief solves for a batch of draws at once: the fast paths of the uncertainty engine.

Labour values ``λ = l (I − A)^-1`` (solved as ``(I − A)ᵀ λᵀ = lᵀ``) and gross outputs
``x = (I − A)^-1 y`` (Leontief, *The Structure of American Economy*, 1941) for
``m`` draws, never by forming an inverse, in three regimes:

* **fixed technology** (only labour coefficients, final demands, prices or wages vary): one
  LU factorization of ``I − A`` serves every draw as ``m`` right-hand sides of one
  triangular solve;
* **a stack of technologies** ``A_k`` (``m × n × n``): numpy's batched ``solve`` on the
  stacked systems, in chunks that bound the memory used;
* **scaled technology** ``A_k = diag(r_k) A diag(s_k)``, the biproportional (RAS) form in
  which row ``i`` (an input's intensity) and column ``j`` (a sector's input requirements)
  are uncertain (Stone, *Input-Output and National Accounts*, 1961; Bacharach,
  *Biproportional Matrices*, 1970). With ``ν = λ ⊙ r`` the system is
  ``ν (D_k − A) = l / s_k`` with ``D_k = diag(1 / (r_k s_k))``: only a diagonal changes
  between draws, so one factorization of ``D̄ − A`` (``D̄`` the batch's mean) serves as a
  preconditioner for every draw, and restarted GMRES (Saad & Schultz, *SIAM J. Sci. Stat.
  Comput.* 7, 1986), run for all draws at once, needs one triangular solve with all draws
  as right-hand sides per step. Draws that do not converge within ``max_iter``
  steps are solved directly in a stack.

A draw whose technology is not productive gives a solution that is not positive for a
positive right-hand side (a positive ``λ`` with ``λ (I − A) = l > 0`` exists only when
``ρ(A) < 1``: the subinvariance theorem, Seneta, *Non-negative Matrices*, 1981, Thm 1.6)
and raises :class:`~nonequivalent.NotProductiveError` naming the draw.

>>> import numpy as np
>>> A = np.array([[0.2, 0.3], [0.1, 0.4]])
>>> lam = labour_values_batch(A, np.array([[0.5, 0.25], [1.0, 0.5]]))
>>> lam.round(4).tolist()
[[0.7222, 0.7778], [1.4444, 1.5556]]
"""

from __future__ import annotations

import contextlib
from typing import Any

import numpy as np
from scipy import linalg

from ..errors import InvalidEconomyError, NotProductiveError

__all__ = ["gross_output_batch", "labour_values_batch"]

#: Bytes of stacked matrices solved at once (bounds the memory of the stacked path).
STACK_BYTES = 64 * 2**20

#: Up to this many sectors, the batched solves run BLAS on one thread: many small
#: factorizations and solves gain nothing from threads, and on a busy machine a threaded
#: BLAS spends most of its time waiting (measured: a 200 × 200 LU took 97 ms with two
#: threads under load against 0.8 ms with one). Parallelism comes from the draws' tasks.
SMALL = 512


def _blas(n: int) -> Any:
    """One BLAS thread for systems of up to :data:`SMALL` sectors (threadpoolctl)."""
    if n > SMALL:
        return contextlib.nullcontext()
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def _array(x: Any, what: str) -> np.ndarray:
    try:
        arr = np.array(x, dtype=float, copy=True)
    except (TypeError, ValueError):
        raise InvalidEconomyError(f"{what} must be numeric.") from None
    if not np.isfinite(arr).all():
        raise InvalidEconomyError(f"{what} contains NaN or infinite entries.")
    if (arr < 0).any():
        raise InvalidEconomyError(f"{what} has negative entries; coefficients, quantities "
                                  "and scales must be >= 0.")
    return arr


def _rhs(b: Any, m: int | None, n: int, what: str) -> np.ndarray:
    arr = _array(b, what)
    if arr.ndim == 1:
        arr = arr[None, :]
    if arr.ndim != 2 or arr.shape[1] != n or (m is not None and arr.shape[0] not in (1, m)):
        raise InvalidEconomyError(f"{what} has shape {arr.shape}; expected ({n},) or "
                                  f"(draws, {n}).")
    return arr


def _check(sol: np.ndarray, rhs: np.ndarray, what: str) -> np.ndarray:
    bad = ~np.isfinite(sol).all(axis=1) | ((rhs > 0).all(axis=1) & ~(sol > 0).all(axis=1))
    if bad.any():
        raise NotProductiveError(
            f"the technology of draw {int(np.flatnonzero(bad)[0])} is not productive "
            f"(its {what} are not all positive; {int(bad.sum())} draws in all): narrow the "
            "ranges of the technical coefficients so that ρ(A) < 1 in every draw.")
    return sol


def _stacked_left(a: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    """Solve ``λ_k (I − A_k) = b_k`` for a stack ``A`` (m × n × n), in memory-bound chunks."""
    m, n, _ = a.shape
    rhs = np.broadcast_to(rhs, (m, n))
    out = np.empty((m, n))
    step = max(1, STACK_BYTES // (8 * n * n))
    eye = np.eye(n)
    for lo in range(0, m, step):
        hi = min(lo + step, m)
        mt = eye - np.swapaxes(a[lo:hi], 1, 2)
        try:
            out[lo:hi] = np.linalg.solve(mt, rhs[lo:hi, :, None])[..., 0]
        except np.linalg.LinAlgError:
            raise NotProductiveError(f"a technology among draws {lo}–{hi - 1} is singular "
                                     "(I − A has no inverse): it is not productive.") from None
    return out


def _fixed_left(a: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    """Solve ``λ_k (I − A) = b_k`` for many ``b_k`` with one LU factorization."""
    n = a.shape[0]
    try:
        lu = linalg.lu_factor(np.eye(n) - a, check_finite=False)
    except linalg.LinAlgError:
        raise NotProductiveError("I − A is singular: the technology is not productive.",
                                 ) from None
    return linalg.lu_solve(lu, rhs.T, trans=1, check_finite=False).T


def _gmres_rows(apply: Any, rhs: np.ndarray, k: int) -> np.ndarray:
    """``k`` steps of GMRES (Saad & Schultz 1986) for every row at once: ``apply(z) = rhs``.

    Arnoldi with classical Gram–Schmidt applied twice, per row; the small least-squares problems
    ``min ‖β e₁ − H y‖`` are solved by a batched pseudo-inverse, which also covers an early
    (lucky) breakdown where ``H`` loses rank.
    """
    m, n = rhs.shape
    beta = np.linalg.norm(rhs, axis=1)
    safe = np.where(beta > 0, beta, 1.0)
    basis = np.zeros((k + 1, m, n))
    basis[0] = rhs / safe[:, None]
    hess = np.zeros((m, k + 1, k))
    for j in range(k):
        w = apply(basis[j])
        for _ in range(2):  # classical Gram–Schmidt, twice (Giraud et al. 2005)
            h = np.einsum("kmn,mn->mk", basis[:j + 1], w)
            hess[:, :j + 1, j] += h
            w -= np.einsum("mk,kmn->mn", h, basis[:j + 1])
        norm = np.linalg.norm(w, axis=1)
        hess[:, j + 1, j] = norm
        live = norm > 1e-14 * safe
        np.divide(w, np.where(live, norm, 1.0)[:, None], out=basis[j + 1])
        basis[j + 1] *= live[:, None]
    y = beta[:, None] * np.linalg.pinv(hess)[:, :, 0]
    return np.einsum("mk,kmn->mn", y, basis[:k])


def _scaled_left(a: np.ndarray, rhs: np.ndarray, r: np.ndarray, s: np.ndarray,
                 tol: float, max_iter: int, krylov: int = 12) -> np.ndarray:
    """Solve ``λ_k (I − diag(r_k) A diag(s_k)) = b_k`` for every draw with one LU.

    With ``ν = λ ⊙ r`` the system is ``ν (D_k − A) = c_k``, ``c_k = b_k / s_k``,
    ``D_k = diag(1/(r_k s_k))``. Writing ``D_k = D̄ − Δ_k`` (``D̄`` the batch mean) and
    ``z = ν (D̄ − A)``, it becomes ``z − (z (D̄ − A)^-1) ⊙ Δ_k = c_k``: one triangular
    solve per operator step, shared by all draws, solved by restarted GMRES per draw.
    """
    m, n = r.shape
    c = np.broadcast_to(rhs, (m, n)) / s
    d = 1.0 / (r * s)
    d_bar = d.mean(axis=0)
    try:
        lu = linalg.lu_factor(np.diag(d_bar) - a, check_finite=False)
    except linalg.LinAlgError:
        return _stacked_left(r[:, :, None] * a[None] * s[:, None, :], c * s)

    def solve(z: np.ndarray) -> np.ndarray:
        return linalg.lu_solve(lu, z.T, trans=1, check_finite=False).T

    delta = d_bar - d
    out = np.empty((m, n))
    step = max(1, STACK_BYTES // (8 * n * (krylov + 1)))
    for lo in range(0, m, step):
        idx = np.arange(lo, min(lo + step, m))
        z = c[idx].copy()
        scale = np.linalg.norm(c[idx], axis=1)
        for _ in range(max(1, max_iter // krylov)):
            nu = solve(z)
            res = c[idx] - (z - nu * delta[idx])
            done = np.linalg.norm(res, axis=1) <= tol * scale
            out[idx[done]] = nu[done]
            idx, z, res, scale = idx[~done], z[~done], res[~done], scale[~done]
            if not len(idx):
                break
            dlt = delta[idx]
            z = z + _gmres_rows(lambda v, dlt=dlt: v - solve(v) * dlt, res, krylov)
        else:
            stack = r[idx][:, :, None] * a[None] * s[idx][:, None, :]
            out[idx] = _stacked_left(stack, c[idx] * s[idx]) * r[idx]
    return out / r


def _dispatch(a: Any, b: Any, row_scale: Any, column_scale: Any, what: str, transpose: bool,
              tol: float, max_iter: int) -> np.ndarray:
    a = _array(a, "technology A")
    if a.ndim not in (2, 3) or a.shape[-1] != a.shape[-2]:
        raise InvalidEconomyError(f"technology A has shape {a.shape}; expected (n, n) or "
                                  "(draws, n, n).")
    n = a.shape[-1]
    if transpose:  # (I − A) x = y is x (I − Aᵀ) = y: labour values of Aᵀ, scales swapped
        a = np.swapaxes(a, -1, -2)
        row_scale, column_scale = column_scale, row_scale
    scaled = row_scale is not None or column_scale is not None
    if a.ndim == 3:
        if scaled:
            raise InvalidEconomyError("give either a stack of technologies or scales of one "
                                      "technology, not both.")
        rhs = _rhs(b, a.shape[0], n, what)
        return _stacked_left(a, rhs)
    if not scaled:
        rhs = _rhs(b, None, n, what)
        return _fixed_left(a, rhs)
    rhs = _rhs(b, None, n, what)
    scales = [None if sc is None else _rhs(sc, None, n, name)
              for sc, name in ((row_scale, "row_scale"), (column_scale, "column_scale"))]
    m = max(arr.shape[0] for arr in [rhs, *scales] if arr is not None)
    if any(arr is not None and arr.shape[0] not in (1, m) for arr in [rhs, *scales]):
        raise InvalidEconomyError(f"{what}, row_scale and column_scale must each have one "
                                  f"row, or one row per draw ({m}).")
    if any(arr is not None and not (arr > 0).all() for arr in scales):
        raise InvalidEconomyError("row_scale and column_scale must be > 0 everywhere; a zero "
                                  "scale removes a row or column: drop that sector instead.")
    r = np.ones((m, n)) if scales[0] is None else np.broadcast_to(scales[0], (m, n))
    s = np.ones((m, n)) if scales[1] is None else np.broadcast_to(scales[1], (m, n))
    return _scaled_left(a, rhs, np.ascontiguousarray(r), np.ascontiguousarray(s), tol, max_iter)


def labour_values_batch(technology: Any, labour: Any, *, row_scale: Any = None,
                        column_scale: Any = None, tol: float = 1e-12,
                        max_iter: int = 96) -> np.ndarray:
    """Labour values ``λ_k = l_k (I − A_k)^-1`` of ``m`` draws as an (m × n) array.

    Parameters
    ----------
    technology : array (n, n) or (m, n, n)
        One technology ``A`` (with optional scales), or one technology per draw.
    labour : array (n,) or (m, n)
        Hours per unit of gross output, the same in every draw or one row per draw.
    row_scale, column_scale : array (n,) or (m, n), optional
        Multipliers of ``A``'s rows and columns per draw: ``A_k = diag(r_k) A diag(s_k)``.
    tol, max_iter
        Relative residual tolerance of the preconditioned GMRES for scaled technologies
        and its step limit; draws not converged after ``max_iter`` steps are solved
        directly.

    Returns
    -------
    numpy.ndarray
        One row of labour values per draw.

    Raises
    ------
    NotProductiveError
        A draw's technology is not productive.
    """
    with _blas(np.shape(technology)[-1]):
        lam = _dispatch(technology, labour, row_scale, column_scale, "labour coefficients",
                        False, tol, max_iter)
    return _check(lam, _rhs(labour, None, lam.shape[1], "labour"), "labour values")


def gross_output_batch(technology: Any, final_demand: Any, *, row_scale: Any = None,
                       column_scale: Any = None, tol: float = 1e-12,
                       max_iter: int = 96) -> np.ndarray:
    """Gross outputs ``x_k = (I − A_k)^-1 y_k`` of ``m`` draws as an (m × n) array.

    Parameters as in :func:`labour_values_batch`, with ``final_demand`` (n,) or (m, n).

    >>> import numpy as np
    >>> A = np.array([[0.2, 0.3], [0.1, 0.4]])
    >>> gross_output_batch(A, [1.0, 1.0], column_scale=[[1.0, 1.0]]).round(4).tolist()
    [[2.0, 2.0]]
    """
    with _blas(np.shape(technology)[-1]):
        x = _dispatch(technology, final_demand, row_scale, column_scale, "final demand",
                      True, tol, max_iter)
    return _check(x, _rhs(final_demand, None, x.shape[1], "final demand"), "gross outputs")
