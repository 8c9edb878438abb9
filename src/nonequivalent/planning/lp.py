"""The matrix model of a linear program: :class:`LinearProgram` and :class:`StandardForm`.

Every planning model is first assembled as a :class:`LinearProgram`, a sparse matrix model

    optimize  c·x + offset   subject to   row_lower <= A x <= row_upper,
                                          col_lower <=  x  <= col_upper,

with a readable name for every row (``balance[grain,1930]``) and column
(``output[grain,1930]``). :func:`~nonequivalent.planning.solve_lp` hands it to a backend.

Inputs are checked when the program is built: the matrix and vectors must hold real, finite
numbers (bounds may be ``-inf``/``inf`` on the side without a limit, never ``+inf`` as a
lower or ``-inf`` as an upper bound), names must be unique, and the arrays are copied and
made read-only, so a program never shares memory with its caller.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..errors import InfeasiblePlanError, InvalidPlanError
from ._checks import real

if TYPE_CHECKING:
    from ._backends import PulpModel

__all__ = ["LinearProgram", "StandardForm"]


class StandardForm(NamedTuple):
    """An LP in the form of :func:`scipy.optimize.linprog` (always a minimization).

    ``minimize c @ x  s.t.  A_ub @ x <= b_ub,  A_eq @ x == b_eq,  bounds``. A maximization
    is exported with ``c`` negated (``objective_sign = -1``), so the original objective of a
    point is ``objective_sign * (c @ x) + offset`` and the optimum is
    ``objective_sign * res.fun + offset``. ``ub_names``/``eq_names`` name the rows.

    Examples
    --------
    >>> import numpy as np
    >>> from scipy.optimize import linprog
    >>> from nonequivalent.planning import LinearProgram
    >>> lp = LinearProgram([1.0, 1.0], [[1.0, 1.0], [1.0, 0.0]],
    ...                    row_lower=[-np.inf, 1.0], row_upper=[4.0, np.inf],
    ...                    row_names=["labour", "floor"])
    >>> sf = lp.standard_form()
    >>> sf.ub_names, sf.b_ub.tolist(), sf.objective_sign
    (['labour (upper)', 'floor (lower)'], [4.0, -1.0], -1.0)
    >>> res = linprog(sf.c, A_ub=sf.A_ub, b_ub=sf.b_ub, bounds=sf.bounds)
    >>> float(sf.objective_sign * res.fun + sf.offset)
    4.0
    """

    c: np.ndarray
    A_ub: sp.csr_array
    b_ub: np.ndarray
    A_eq: sp.csr_array
    b_eq: np.ndarray
    bounds: list[tuple[float | None, float | None]]
    objective_sign: float
    offset: float
    ub_names: list[str]
    eq_names: list[str]


def _numbers(data: Any, what: str) -> np.ndarray:
    """A float copy of array-like real numbers (no strings, complex, booleans or overflow)."""
    try:
        arr = np.asarray(data)
    except (TypeError, ValueError, OverflowError):
        arr = np.asarray([], dtype=object)
    if arr.dtype.kind not in "iuf" or (arr.dtype.kind == "f" and arr.dtype.itemsize > 8):
        if arr.dtype.kind == "O":
            flat = [real(v, f"{what} entry", allow_inf=True, error=InvalidPlanError)
                    if not (isinstance(v, float) and v != v) else v for v in arr.ravel()]
            arr = np.array(flat, dtype=float).reshape(arr.shape)
        else:
            raise InvalidPlanError(f"{what} must hold real numbers, got {arr.dtype} "
                                   "entries (no strings, booleans or complex numbers).")
    return np.array(arr, dtype=float)


def _vec(data: Any, n: int, what: str, fill: float) -> np.ndarray:
    if data is None:
        arr = np.full(n, fill)
    else:
        arr = _numbers(data, what).reshape(-1)
        if arr.size == 1 and n != 1:
            arr = np.full(n, float(arr[0]))
    if arr.shape != (n,):
        raise InvalidPlanError(f"{what} has {arr.size} entries; the program needs {n}.")
    if np.isnan(arr).any():
        raise InvalidPlanError(f"{what} contains NaN; give finite numbers or ±inf for no bound.")
    arr.setflags(write=False)
    return arr


def _matrix(A: Any) -> sp.csr_array:
    """A's entries as a float CSR copy (never sharing ``data`` with the caller)."""
    if sp.issparse(A):
        if A.dtype.kind not in "iuf":
            raise InvalidPlanError(f"constraint matrix A must hold real numbers, got {A.dtype}.")
        M = sp.csr_array(A, dtype=float, copy=True)
    else:
        D = _numbers(A, "constraint matrix A")
        if D.ndim != 2:
            raise InvalidPlanError(f"constraint matrix A must be 2-D (rows x columns), got "
                                   f"{D.ndim} dimension(s); for no rows give np.zeros((0, k)).")
        M = sp.csr_array(D)
    M.sum_duplicates()
    M.eliminate_zeros()
    return M


@dataclasses.dataclass(frozen=True, eq=False, init=False)
class LinearProgram:
    """A linear program with named rows and columns, stored as one sparse matrix.

    ``optimize c·x + offset  s.t.  row_lower <= A x <= row_upper,  col_lower <= x <= col_upper``.

    Parameters
    ----------
    c : array-like, shape (m_cols,)
        Objective coefficients.
    A : array-like or scipy.sparse, shape (m_rows, m_cols)
        Constraint matrix (stored as CSR).
    row_lower, row_upper : array-like
        Row bounds (``-inf``/``inf`` for none; defaults ``-inf`` and ``inf``).
    col_lower, col_upper : array-like
        Column bounds (defaults 0 and ``inf``).
    row_names, col_names : sequences of str
        Unique readable names (defaults ``r0..``, ``x0..``).
    sense : {"max", "min"}
        Direction of optimization (default ``"max"``).
    offset : float
        Constant added to the objective.
    name : str
        Name of the model (used in written files).

    Notes
    -----
    The bounded-row form is HiGHS's own (J. A. J. Hall and Q. Huangfu, "Parallelizing the
    dual revised simplex method", *Math. Prog. Comp.* 10, 2018); PuLP receives one
    constraint per finite side.

    Examples
    --------
    >>> import numpy as np
    >>> from nonequivalent.planning import LinearProgram
    >>> lp = LinearProgram([1.0], [[2.0]], row_upper=[4.0], row_names=["labour"],
    ...                    col_names=["output"])
    >>> lp
    LinearProgram('plan': max, 1 rows x 1 columns, 1 non-zeros)
    """

    c: np.ndarray
    A: sp.csr_array
    row_lower: np.ndarray
    row_upper: np.ndarray
    col_lower: np.ndarray
    col_upper: np.ndarray
    row_names: pd.Index
    col_names: pd.Index
    sense: Literal["max", "min"]
    offset: float
    name: str

    def __init__(self, c: Any, A: Any, row_lower: Any = None, row_upper: Any = None,
                 col_lower: Any = None, col_upper: Any = None,
                 row_names: Sequence[str] | None = None,
                 col_names: Sequence[str] | None = None,
                 sense: Literal["max", "min"] = "max", offset: float = 0.0,
                 name: str = "plan") -> None:
        M = _matrix(A)
        m, k = M.shape
        if k == 0:
            raise InvalidPlanError("a linear program needs at least one column (variable); "
                                   "A has none.")
        cvec = _vec(c, k, "objective c", 0.0)
        if not np.isfinite(cvec).all():
            raise InvalidPlanError("objective coefficients must be finite.")
        if not np.isfinite(M.data).all():
            raise InvalidPlanError("constraint matrix A must be finite.")
        rl = _vec(row_lower, m, "row_lower", -np.inf)
        ru = _vec(row_upper, m, "row_upper", np.inf)
        cl = _vec(col_lower, k, "col_lower", 0.0)
        cu = _vec(col_upper, k, "col_upper", np.inf)
        rlist = ([f"r{i}" for i in range(m)] if row_names is None
                 else [s if isinstance(s, str) else str(s) for s in row_names])
        clist = ([f"x{j}" for j in range(k)] if col_names is None
                 else [s if isinstance(s, str) else str(s) for s in col_names])
        if len(rlist) != m or len(clist) != k:
            raise InvalidPlanError(f"{len(rlist)} row names / {len(clist)} column names for a "
                            f"{m} x {k} program; give one name each.")
        if len(set(rlist)) != m or len(set(clist)) != k:
            raise InvalidPlanError("row and column names must be unique.")
        rn = pd.Index(rlist, dtype=object, name="constraint")
        cn = pd.Index(clist, dtype=object, name="variable")
        for lo, up, names, what in ((rl, ru, rn, "row"), (cl, cu, cn, "column")):
            wrong = (lo == np.inf) | (up == -np.inf)
            if wrong.any():
                raise InvalidPlanError(
                    f"{what} bounds of {list(names[wrong])[:10]} are +inf as a lower or -inf "
                    "as an upper bound, which no value satisfies; use -inf for no lower and "
                    "+inf for no upper bound.")
            bad = lo > up
            if bad.any():
                raise InfeasiblePlanError(
                    f"{what} bounds cross (lower > upper) for {list(names[bad])[:10]}.",
                    constraints=list(names[bad]))
        if sense not in ("max", "min"):
            raise InvalidPlanError(f"sense must be 'max' or 'min', got {sense!r}.")
        offset = real(offset, "objective offset")
        for arr in (M.data, M.indices, M.indptr):
            arr.setflags(write=False)
        for attr, val in (("c", cvec), ("A", M), ("row_lower", rl), ("row_upper", ru),
                          ("col_lower", cl), ("col_upper", cu), ("row_names", rn),
                          ("col_names", cn), ("sense", sense), ("offset", float(offset)),
                          ("name", str(name))):
            object.__setattr__(self, attr, val)

    @property
    def shape(self) -> tuple[int, int]:
        """``(rows, columns)``."""
        return self.A.shape

    def __repr__(self) -> str:
        m, k = self.shape
        return (f"LinearProgram({self.name!r}: {self.sense}, {m} rows x {k} columns, "
                f"{self.A.nnz} non-zeros)")

    def evaluate(self, x: Any) -> float:
        """Objective ``c·x + offset`` of a candidate plan ``x`` (numpy vector)."""
        xv = _vec(x, self.shape[1], "plan x", 0.0)
        return float(self.c @ xv) + self.offset

    # -------------------------------------------------------------- exports
    def standard_form(self) -> StandardForm:
        """Export as ``(c, A_ub, b_ub, A_eq, b_eq, bounds)`` for :func:`scipy.optimize.linprog`.

        Equality rows go to ``A_eq``; each finite upper bound gives a row of ``A_ub``; each
        finite lower bound ``l <= a x`` gives ``-a x <= -l``. A maximization is turned into
        a minimization of ``-c``.

        Examples
        --------
        >>> import numpy as np
        >>> from scipy.optimize import linprog
        >>> from nonequivalent.planning import LinearProgram
        >>> lp = LinearProgram([3.0, 5.0], [[1.0, 1.0], [1.0, 3.0]],
        ...                    row_upper=[4.0, 6.0])
        >>> sf = lp.standard_form()
        >>> res = linprog(sf.c, A_ub=sf.A_ub, b_ub=sf.b_ub, bounds=sf.bounds)
        >>> float(sf.objective_sign * res.fun + sf.offset)
        14.0
        """
        sign = -1.0 if self.sense == "max" else 1.0
        eq = self.row_lower == self.row_upper
        up = np.isfinite(self.row_upper) & ~eq
        lo = np.isfinite(self.row_lower) & ~eq
        A = self.A
        A_ub = sp.csr_array(sp.vstack([A[np.flatnonzero(up)], -A[np.flatnonzero(lo)]]))
        b_ub = np.concatenate([self.row_upper[up], -self.row_lower[lo]])
        names = ([f"{s} (upper)" for s in self.row_names[up]]
                 + [f"{s} (lower)" for s in self.row_names[lo]])
        bounds = [(None if not np.isfinite(a) else float(a),
                   None if not np.isfinite(b) else float(b))
                  for a, b in zip(self.col_lower, self.col_upper, strict=True)]
        return StandardForm(sign * self.c, A_ub, b_ub, sp.csr_array(A[np.flatnonzero(eq)]),
                            self.row_lower[eq].copy(), bounds, sign, self.offset, names,
                            list(self.row_names[eq]))

    def to_pulp(self) -> PulpModel:
        """Build the PuLP model (named variables and constraints) from coefficient lists.

        Each row becomes one ``LpAffineExpression`` made from its (variable, coefficient)
        pairs and one constraint per finite side (a ranged row gives two constraints,
        ``name`` and ``name~upper``). PuLP replaces ``-+[] ->/`` in names by ``_`` when it
        writes files (so ``balance[grain]`` is written ``balance_grain_``).

        Examples
        --------
        >>> from nonequivalent.planning import LinearProgram
        >>> lp = LinearProgram([1.0], [[2.0]], row_upper=[4.0], row_names=["labour[worker]"],
        ...                    col_names=["output[grain]"])
        >>> model = lp.to_pulp()
        >>> [c.name for c in model.constraints], [v.name for v in model.variables]
        (['labour_worker_'], ['output_grain_'])
        """
        from ._backends import build_pulp
        return build_pulp(self)

    def write_lp(self, path: str) -> None:
        """Write the model in CPLEX LP format (through PuLP's ``writeLP``)."""
        self.to_pulp().problem.writeLP(str(path))

    def write_mps(self, path: str) -> None:
        """Write the model in MPS format (through PuLP's ``writeMPS``)."""
        self.to_pulp().problem.writeMPS(str(path))

    def with_bounds(self, *, row_lower: Any = None, row_upper: Any = None,
                    col_lower: Any = None, col_upper: Any = None,
                    c: Any = None) -> LinearProgram:
        """A copy with some bounds (or the objective) replaced."""
        return LinearProgram(self.c if c is None else c, self.A,
                             self.row_lower if row_lower is None else row_lower,
                             self.row_upper if row_upper is None else row_upper,
                             self.col_lower if col_lower is None else col_lower,
                             self.col_upper if col_upper is None else col_upper,
                             self.row_names, self.col_names, self.sense, self.offset,
                             self.name)
