"""The solver adapter: the one module that calls PuLP and highspy.

Every planning model is first assembled as a :class:`LinearProgram`, a sparse matrix model

    optimize  c·x + offset   subject to   row_lower <= A x <= row_upper,
                                          col_lower <=  x  <= col_upper,

with a readable name for every row (``balance[grain,1930]``) and column
(``output[grain,1930]``). It is then handed to a backend:

``"highs"`` (default)
    a PuLP model (named variables and constraints, built from coefficient lists) solved by
    PuLP's HiGHS interface (``pulp.HiGHS``, which runs ``highspy``);
``"cbc"``
    the same PuLP model solved by CBC (``COIN_CMD`` when a ``cbc`` executable is on the
    path, else the CBC bundled with PuLP 3 as ``PULP_CBC_CMD``);
``"highs-direct"``
    the matrices passed to ``highspy.Highs`` in one ``passModel`` call (row-wise CSR), for
    large plans.

PuLP 3.3 and PuLP 4 differ: PuLP 4 (Python >= 3.12) creates variables through the problem
(``prob.add_variable``), builds expressions with ``LpAffineExpression.from_list`` and no longer
bundles CBC. The shim functions below use whichever the installed PuLP offers.

Sign convention (all backends)
------------------------------
The *shadow price* of a row is the rate of change of the optimal objective per unit increase
of the row's binding bound (its right-hand side), ``y_i = ∂z*/∂b_i``, in the objective's own
sense. In a maximization a binding upper limit (a scarce resource: labour, capacity) has
``y_i >= 0`` and a binding lower limit (a floor) has ``y_i <= 0``. These are Kantorovich's
"objectively determined valuations" (L. V. Kantorovich, *The Best Use of Economic
Resources*, 1959, ch. 1 and 3; *Mathematical Methods of Organizing and Planning
Production*, 1939). Reduced costs are ``d = c - Aᵀy`` with the same meaning for the bounds
of the columns. The dual objective is ``Σ y_i b_i + Σ d_j g_j + offset`` with ``b_i`` and
``g_j`` the bounds on the side where the dual is non-zero; strong duality says it equals the
primal optimum (G. B. Dantzig, *Linear Programming and Extensions*, 1963, ch. 6).

Statuses
--------
Only a proven optimum is returned. Infeasible -> :class:`~nonequivalent.InfeasiblePlanError`
naming the conflicting constraints (an irreducible infeasible subsystem from HiGHS, or, without
highspy, the support of the elastic relaxation's dual, see :func:`conflicting_constraints`);
unbounded -> :class:`~nonequivalent.UnboundedPlanError`; a time or iteration limit or any other
stop -> :class:`~nonequivalent.SolverError` carrying the solver's status.

>>> import numpy as np, scipy.sparse as sp
>>> from nonequivalent.planning import LinearProgram, solve_lp
>>> lp = LinearProgram(c=[3.0, 5.0], A=sp.csr_array([[1.0, 1.0], [1.0, 3.0]]),
...                    row_lower=[-np.inf, -np.inf], row_upper=[4.0, 6.0],
...                    row_names=["labour[worker]", "capacity[mill]"],
...                    col_names=["output[grain]", "output[cloth]"])
>>> sol = solve_lp(lp)
>>> sol.objective, sol.shadow_prices.round(6).tolist()
(14.0, [2.0, 1.0])
"""

from __future__ import annotations

import dataclasses
import math
import time
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal, NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..errors import (
    InfeasiblePlanError,
    InvalidPlanError,
    SolverError,
    SolverNotAvailableError,
    UnboundedPlanError,
)

__all__ = [
    "DegeneracyWarning",
    "LPSolution",
    "LinearProgram",
    "StandardForm",
    "available_solvers",
    "conflicting_constraints",
    "solve_lp",
]

#: Backends accepted by :func:`solve_lp`.
SOLVERS = ("highs", "highs-direct", "cbc")

_INSTALL = {
    "pulp": "pip install pulp",
    "highspy": "pip install highspy",
    "cbc": ("with PuLP 3 the CBC bundled as PULP_CBC_CMD is used; with PuLP 4 run "
            "`pip install 'pulp[cbc]'` or install a `cbc` executable on PATH "
            "(e.g. `apt-get install coinor-cbc`)"),
}


class DegeneracyWarning(UserWarning):
    """The optimal basis is degenerate: shadow prices (or the optimal plan) are not unique.

    Primal degeneracy (a basic variable at one of its bounds) means the duals are not unique:
    the shadow prices reported are one valid set among several. Dual degeneracy (a nonbasic
    variable with zero reduced cost) means alternative optimal plans exist (G. B. Dantzig,
    *Linear Programming and Extensions*, 1963, §10-2).

    Examples
    --------
    Two copies of one labour limit: either copy can carry the shadow price.

    >>> import warnings
    >>> from nonequivalent.planning import DegeneracyWarning, LinearProgram, solve_lp
    >>> lp = LinearProgram([1.0], [[1.0], [1.0]], row_upper=[4.0, 4.0])
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     sol = solve_lp(lp, "highs-direct")
    >>> [type(w.message).__name__ for w in caught], sol.duals_unique
    (['DegeneracyWarning'], False)
    >>> issubclass(DegeneracyWarning, UserWarning)
    True
    """


# ---------------------------------------------------------------------- the matrix model
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


def _vec(data: Any, n: int, what: str, fill: float) -> np.ndarray:
    if data is None:
        arr = np.full(n, fill)
    else:
        arr = np.array(data, dtype=float).reshape(-1)
        if arr.size == 1 and n != 1:
            arr = np.full(n, float(arr[0]))
    if arr.shape != (n,):
        raise InvalidPlanError(f"{what} has {arr.size} entries; the program needs {n}.")
    if np.isnan(arr).any():
        raise InvalidPlanError(f"{what} contains NaN; give finite numbers or ±inf for no bound.")
    arr.setflags(write=False)
    return arr


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
        M = sp.csr_array(A, dtype=float)
        M.sum_duplicates()
        m, k = M.shape
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
            bad = lo > up
            if bad.any():
                raise InfeasiblePlanError(
                    f"{what} bounds cross (lower > upper) for {list(names[bad])[:10]}.",
                    constraints=list(names[bad]))
        if sense not in ("max", "min"):
            raise InvalidPlanError(f"sense must be 'max' or 'min', got {sense!r}.")
        if not math.isfinite(offset):
            raise InvalidPlanError("objective offset must be finite.")
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
        return float(self.c @ np.asarray(x, dtype=float)) + self.offset

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
        return _build_pulp(self)

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


# ---------------------------------------------------------------------- PuLP shim
class PulpModel(NamedTuple):
    """A PuLP problem with its variables (column order) and constraints.

    ``rows[i]`` lists the constraints made from row ``i`` of the matrix model.
    """

    problem: Any
    variables: list[Any]
    constraints: list[Any]
    rows: list[tuple[int, int]]  # (row index, side: -1 lower, +1 upper, 0 equality)


def _import(module: str, what: str) -> Any:
    """Import an optional solver package, or say how to install it."""
    try:
        return __import__(module)
    except ImportError:
        raise SolverNotAvailableError(
            f"{what} is not installed; install it with `{_INSTALL[module]}`.",
            status="not installed") from None


def _import_pulp() -> Any:
    return _import("pulp", "PuLP")


def _import_highspy() -> Any:
    return _import("highspy", "HiGHS (highspy)")


def _unique_pulp_names(names: pd.Index) -> list[str]:
    """PuLP-safe names (``-+[] ->/`` become ``_``), made unique if that collides."""
    trans = str.maketrans("-+[] ->/", "________")
    out: list[str] = []
    seen: set[str] = set()
    for s in names:
        t = s.translate(trans)
        if t in seen:
            k = 1
            while f"{t}#{k}" in seen:
                k += 1
            t = f"{t}#{k}"
        seen.add(t)
        out.append(t)
    return out


def _new_variables(pulp: Any, prob: Any, names: list[str], lower: np.ndarray,
                   upper: np.ndarray) -> list[Any]:
    """Create variables through the problem (PuLP 4, and 3.3) or as LpVariable (older)."""
    lo = [None if not math.isfinite(v) else v for v in lower.tolist()]
    up = [None if not math.isfinite(v) else v for v in upper.tolist()]
    add = getattr(prob, "add_variable", None)
    if add is not None:
        return [add(nm, a, b) for nm, a, b in zip(names, lo, up, strict=True)]
    return [pulp.LpVariable(nm, a, b) for nm, a, b in zip(names, lo, up, strict=True)]


def _expression(pulp: Any, pairs: list[tuple[Any, float]]) -> Any:
    from_list = getattr(pulp.LpAffineExpression, "from_list", None)
    if from_list is not None:  # PuLP 4: the constructor only wraps internal objects
        return from_list(pairs)
    return pulp.LpAffineExpression(pairs)


def _add_constraint(pulp: Any, prob: Any, expr: Any, side: int, rhs: float,
                    name: str) -> Any:
    if getattr(pulp.LpAffineExpression, "from_list", None) is not None:
        con = expr <= rhs if side > 0 else (expr >= rhs if side < 0 else expr == rhs)
        prob.addConstraint(con, name)
        return prob.get_constraint_by_name(name) or con
    sense = (pulp.LpConstraintLE if side > 0 else
             pulp.LpConstraintGE if side < 0 else pulp.LpConstraintEQ)
    con = pulp.LpConstraint(expr, sense, name, rhs)
    prob.addConstraint(con)
    return con


def _build_pulp(lp: LinearProgram, minimize: bool = False) -> PulpModel:
    """The PuLP model of ``lp``; with ``minimize``, a maximization becomes ``min -c·x``.

    Solving always goes through the minimization: PuLP versions and backends hand a
    maximization to the solver in different forms (PuLP 3 gives HiGHS ``min -c`` and CBC
    ``-max``; PuLP 4 gives HiGHS a maximization and CBC ``min -c`` without flipping the
    duals back), so only a minimization returns duals whose sign is known.
    """
    pulp = _import_pulp()
    negate = minimize and lp.sense == "max"
    sense = pulp.LpMaximize if lp.sense == "max" and not negate else pulp.LpMinimize
    prob = pulp.LpProblem(lp.name.replace(" ", "_"), sense)
    variables = _new_variables(pulp, prob, _unique_pulp_names(lp.col_names),
                               lp.col_lower, lp.col_upper)
    rnames = _unique_pulp_names(lp.row_names)
    indptr = lp.A.indptr.tolist()
    indices = lp.A.indices.tolist()
    data = lp.A.data.tolist()
    rlo = lp.row_lower.tolist()
    rup = lp.row_upper.tolist()
    getv = variables.__getitem__
    constraints: list[Any] = []
    rows: list[tuple[int, int]] = []
    inf = math.inf
    for i in range(lp.shape[0]):
        s, e = indptr[i], indptr[i + 1]
        lo, up = rlo[i], rup[i]
        if lo == up:
            sides = ((0, lo),)
        elif lo > -inf and up < inf:
            sides = ((-1, lo), (1, up))
        elif up < inf:
            sides = ((1, up),)
        elif lo > -inf:
            sides = ((-1, lo),)
        else:
            continue  # a free row constrains nothing
        for side, rhs in sides:
            pairs = list(zip(map(getv, indices[s:e]), data[s:e], strict=True))
            name = rnames[i] if len(sides) == 1 or side < 0 else f"{rnames[i]}~upper"
            constraints.append(_add_constraint(pulp, prob, _expression(pulp, pairs),
                                               side, rhs, name))
            rows.append((i, side))
    c = -lp.c if negate else lp.c
    nz = np.flatnonzero(c)
    prob += _expression(pulp, [(variables[j], float(c[j])) for j in nz.tolist()])
    return PulpModel(prob, variables, constraints, rows)


def _highs_class(pulp: Any) -> Any:
    """``pulp.HiGHS`` made silent and, with PuLP 3, handing the model over in one call.

    * ``createAndConfigureSolver`` creates the ``Highs`` object with ``output_flag`` off
      before anything is passed to it (see :func:`_quiet_highs_class`): PuLP's own
      ``highspy.Highs()`` prints the HiGHS banner on standard output even with
      ``msg=False``, because PuLP turns the log off only after construction.
    * PuLP 3.3's HiGHS interface adds the columns one by one in name order and the rows one
      by one; ``buildSolverModel`` keeps the model's column order and passes the columns
      with one ``addCols`` and the rows with one ``addRows`` (CSR arrays), as PuLP 4.0.1
      does. Only the handoff changes: the PuLP model, the solve and the reading of results
      are PuLP's.
    """
    base = pulp.HiGHS
    cached = _HIGHS_CLASS.get(id(base))
    if cached is not None:
        return cached
    one_call = ("buildSolverModel" in vars(base)
                and getattr(pulp.LpAffineExpression, "from_list", None) is None)

    class QuietHiGHS(base):  # type: ignore[misc, valid-type]
        def createAndConfigureSolver(self, lp: Any) -> None:
            opts = dict(getattr(self, "optionsDict", {}))
            if getattr(self, "threads", None) is not None:
                opts["threads"] = self.threads
            if self.timeLimit is not None:
                opts["time_limit"] = float(self.timeLimit)
            lp.solverModel = _new_highs(bool(self.msg), opts)

        if one_call:
            def buildSolverModel(self, lp: Any) -> None:
                cols = getattr(lp, "_ne_columns", None)
                if cols is None or any(v.cat != pulp.LpContinuous for v in cols):
                    return super().buildSolverModel(lp)
                _pass_pulp_model(pulp, lp, cols)
                return None

    _HIGHS_CLASS[id(base)] = QuietHiGHS
    return QuietHiGHS


def _pass_pulp_model(pulp: Any, lp: Any, cols: list[Any]) -> None:
    """Columns in model order with one ``addCols``, rows with one ``addRows`` (CSR)."""
    highspy = _import_highspy()
    inf = highspy.kHighsInf
    obj = lp.objective if lp.objective is not None else {}
    mult = -1.0 if lp.sense == pulp.LpMaximize else 1.0
    for i, v in enumerate(cols):
        v.index = i
    cost = np.fromiter((obj.get(v, 0.0) for v in cols), float, len(cols)) * mult
    lo = np.array([-inf if v.lowBound is None else v.lowBound for v in cols], float)
    up = np.array([inf if v.upBound is None else v.upBound for v in cols], float)
    h = lp.solverModel
    empty_i = np.empty(0, dtype=np.int32)
    h.addCols(len(cols), cost, lo, up, 0, empty_i, empty_i, np.empty(0))
    starts = [0]
    idx: list[int] = []
    val: list[float] = []
    rlo: list[float] = []
    rup: list[float] = []
    for i, con in enumerate(lp._constraints.values()):
        con.index = i
        idx.extend([v.index for v in con])
        val.extend(con.values())
        starts.append(len(idx))
        lb, ub = con.getLb(), con.getUb()
        rlo.append(-inf if lb is None else lb)
        rup.append(inf if ub is None else ub)
    h.addRows(len(rlo), np.array(rlo, float), np.array(rup, float), len(idx),
              np.array(starts[:-1], dtype=np.int32), np.array(idx, dtype=np.int32),
              np.array(val, dtype=float))


_HIGHS_CLASS: dict[int, Any] = {}


# ---------------------------------------------------------------------- availability
def available_solvers() -> dict[str, bool]:
    """Which backends can run here.

    >>> from nonequivalent.planning import available_solvers
    >>> available_solvers()["highs-direct"]
    True
    """
    out = {"highs": False, "highs-direct": False, "cbc": False}
    try:
        _import_highspy()
        out["highs-direct"] = True
        pulp = _import_pulp()
        out["highs"] = bool(pulp.HiGHS(msg=False).available())
    except SolverNotAvailableError:
        pass
    try:
        _cbc_solver(msg=False, time_limit=None)
        out["cbc"] = True
    except SolverNotAvailableError:
        pass
    return out


def _cbc_solver(msg: bool, time_limit: float | None) -> Any:
    pulp = _import_pulp()
    kwargs: dict[str, Any] = {"msg": msg}
    if time_limit is not None:
        kwargs["timeLimit"] = time_limit
    coin = getattr(pulp, "COIN_CMD", None)
    if coin is not None:
        solver = coin(**kwargs)
        if solver.available():
            return solver
    bundled = getattr(pulp, "PULP_CBC_CMD", None)
    if bundled is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            solver = bundled(**kwargs)
        if solver.available():
            return solver
    raise SolverNotAvailableError(f"the CBC solver is not available: {_INSTALL['cbc']}.",
                                  status="not installed")


# ---------------------------------------------------------------------- results
@dataclasses.dataclass(frozen=True, eq=False)
class LPSolution:
    """A proven optimum of a :class:`LinearProgram`, with duals and diagnostics.

    Attributes
    ----------
    lp : LinearProgram
    status : str
        Always ``"optimal"`` (other outcomes raise).
    objective : float
        Optimal value ``c·x + offset``.
    x : ndarray
        Optimal column values.
    row_activity : ndarray
        ``A x``.
    shadow_prices : ndarray
        ``∂z*/∂b_i`` for every row (see the module's sign convention).
    reduced_costs : ndarray
        ``c - Aᵀy``.
    solver, method : str
        Backend and the HiGHS algorithm that ran (``"simplex"``, ``"interior point"`` ...).
    iterations : int
    build_seconds, solve_seconds : float
        Time to build the backend's model and to solve it (including reading results).
    primal_degenerate : bool
        A basic variable sits at a bound: shadow prices are not unique.
    dual_degenerate : bool
        A nonbasic variable has zero reduced cost: the optimal plan is not unique.

    Examples
    --------
    Kantorovich's valuations of two scarce resources (``y = ∂z*/∂b``, see the module
    docstring): labour 4 hours, machine capacity 6; grain uses 1 of each, cloth 1 hour and 3
    machine units.

    >>> import numpy as np
    >>> from nonequivalent.planning import LinearProgram, solve_lp
    >>> lp = LinearProgram([3.0, 5.0], [[1.0, 1.0], [1.0, 3.0]], row_upper=[4.0, 6.0],
    ...                    row_names=["labour", "machines"], col_names=["grain", "cloth"])
    >>> sol = solve_lp(lp, "highs-direct")
    >>> sol.objective, sol.values().round(6).to_dict()
    (14.0, {'grain': 3.0, 'cloth': 1.0})
    >>> sol.duals().round(6).to_dict(), sol.dual_objective    # 4·2 + 6·1 = 14
    ({'labour': 2.0, 'machines': 1.0}, 14.0)
    """

    lp: LinearProgram
    status: str
    objective: float
    x: np.ndarray
    row_activity: np.ndarray
    shadow_prices: np.ndarray
    reduced_costs: np.ndarray
    solver: str
    method: str
    iterations: int
    build_seconds: float
    solve_seconds: float
    primal_degenerate: bool
    dual_degenerate: bool

    @property
    def duals_unique(self) -> bool:
        """Whether the shadow prices are unique (no primal degeneracy detected)."""
        return not self.primal_degenerate

    @property
    def dual_objective(self) -> float:
        """``Σ y_i b_i + Σ d_j g_j + offset`` on the active bounds (equals the optimum).

        A dual whose bound is infinite must be zero; its term is dropped.
        """
        lp = self.lp
        hi_side = 1.0 if lp.sense == "max" else -1.0
        total = lp.offset
        for duals, lo, up in ((self.shadow_prices, lp.row_lower, lp.row_upper),
                              (self.reduced_costs, lp.col_lower, lp.col_upper)):
            bound = np.where(duals * hi_side > 0, up, lo)
            ok = np.isfinite(bound) & (duals != 0)
            total += float(duals[ok] @ bound[ok])
        return total

    def values(self) -> pd.Series:
        """Optimal column values labelled by variable name."""
        return pd.Series(self.x, index=self.lp.col_names, name="value")

    def duals(self) -> pd.Series:
        """Shadow prices labelled by constraint name."""
        return pd.Series(self.shadow_prices, index=self.lp.row_names, name="shadow price")

    def to_frame(self) -> pd.DataFrame:
        """Rows of the model with activity, bounds and shadow price."""
        return pd.DataFrame({"activity": self.row_activity, "lower": self.lp.row_lower,
                             "upper": self.lp.row_upper,
                             "shadow price": self.shadow_prices},
                            index=self.lp.row_names)

    def summary(self) -> str:
        """A short printable report."""
        warn = ""
        if self.primal_degenerate:
            warn += "\n  warning: degenerate optimum, shadow prices are not unique"
        if self.dual_degenerate:
            warn += "\n  note: alternative optimal plans exist (zero reduced costs)"
        return (f"optimal {self.lp.sense} {self.objective:.10g} ({self.solver}, "
                f"{self.method}, {self.iterations} iterations; build "
                f"{self.build_seconds:.3f} s, solve {self.solve_seconds:.3f} s){warn}")

    __str__ = summary


# ---------------------------------------------------------------------- solving
class _RAW(NamedTuple):
    status: str
    x: np.ndarray
    row_dual: np.ndarray
    method: str
    iterations: int
    build: float
    solve: float
    basis: Any


def _highs_options(method: str, time_limit: float | None, iteration_limit: int | None,
                   options: Mapping[str, Any] | None) -> dict[str, Any]:
    opts: dict[str, Any] = {}
    if method != "choose":
        if method not in ("simplex", "ipm", "pdlp"):
            raise InvalidPlanError(f"method must be 'choose', 'simplex', 'ipm' or 'pdlp', "
                            f"got {method!r}.")
        opts["solver"] = method
    if time_limit is not None:
        opts["time_limit"] = float(time_limit)
    if iteration_limit is not None:
        opts["simplex_iteration_limit"] = int(iteration_limit)
        opts["ipm_iteration_limit"] = int(iteration_limit)
    opts.update(options or {})
    return opts


_HIGHS_STATUS = {
    "kOptimal": "optimal", "kInfeasible": "infeasible", "kUnbounded": "unbounded",
    "kUnboundedOrInfeasible": "infeasible or unbounded", "kTimeLimit": "time limit",
    "kIterationLimit": "iteration limit", "kObjectiveBound": "objective bound",
    "kObjectiveTarget": "objective target", "kInterrupt": "interrupted",
    "kSolutionLimit": "solution limit", "kMemoryLimit": "memory limit",
}


def _highs_status(h: Any) -> str:
    st = h.getModelStatus()
    return _HIGHS_STATUS.get(getattr(st, "name", str(st)), h.modelStatusToString(st))


def _highs_method(h: Any) -> tuple[str, int]:
    info = h.getInfo()
    ipm = int(getattr(info, "ipm_iteration_count", 0) or 0)
    spx = int(getattr(info, "simplex_iteration_count", 0) or 0)
    pdlp = int(getattr(info, "pdlp_iteration_count", 0) or 0)
    cross = int(getattr(info, "crossover_iteration_count", 0) or 0)
    if pdlp > 0:
        return "first-order (PDLP)", pdlp
    if ipm > 0:
        return ("interior point + crossover" if cross > 0 else "interior point"), ipm + cross
    if spx > 0:
        return "simplex", spx
    return "presolve", 0


def highs_lp(lp: LinearProgram) -> Any:
    """The model as a ``highspy.HighsLp`` (row-wise CSR), with names."""
    highspy = _import_highspy()
    inf = highspy.kHighsInf
    m, k = lp.shape
    hl = highspy.HighsLp()
    hl.num_col_ = k
    hl.num_row_ = m
    hl.col_cost_ = np.asarray(lp.c, dtype=np.float64)
    hl.col_lower_ = np.where(np.isfinite(lp.col_lower), lp.col_lower, -inf)
    hl.col_upper_ = np.where(np.isfinite(lp.col_upper), lp.col_upper, inf)
    hl.row_lower_ = np.where(np.isfinite(lp.row_lower), lp.row_lower, -inf)
    hl.row_upper_ = np.where(np.isfinite(lp.row_upper), lp.row_upper, inf)
    hl.offset_ = lp.offset
    hl.sense_ = highspy.ObjSense.kMaximize if lp.sense == "max" else highspy.ObjSense.kMinimize
    hl.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    hl.a_matrix_.num_col_ = k
    hl.a_matrix_.num_row_ = m
    hl.a_matrix_.start_ = lp.A.indptr.astype(np.int32)
    hl.a_matrix_.index_ = lp.A.indices.astype(np.int32)
    hl.a_matrix_.value_ = np.asarray(lp.A.data, dtype=np.float64)
    return hl


def _quiet_highs_class() -> Any:
    """A ``highspy.Highs`` whose constructor leaves standard output alone.

    HiGHS prints its banner ("Running HiGHS ...") from C code the first time a ``Highs``
    object with ``output_flag`` on registers its callbacks, which the Python constructor
    does; a CSV or JSON written to standard output would be corrupted. This subclass turns
    ``output_flag`` off just before that registration, so nothing is printed unless
    ``msg=True`` turns the log back on.
    """
    highspy = _import_highspy()
    base = highspy.Highs
    cached = _QUIET_HIGHS.get(id(base))
    if cached is not None:
        return cached

    class QuietHighs(base):  # type: ignore[misc, valid-type]
        def enableCallbacks(self) -> None:
            self.setOptionValue("output_flag", False)
            super().enableCallbacks()

    _QUIET_HIGHS[id(base)] = QuietHighs
    return QuietHighs


_QUIET_HIGHS: dict[int, Any] = {}


def _new_highs(msg: bool, opts: Mapping[str, Any]) -> Any:
    """A silent ``Highs`` (log on only with ``msg``) with the options set."""
    h = _quiet_highs_class()()
    if msg:
        h.setOptionValue("output_flag", True)
    for key, val in opts.items():
        h.setOptionValue(key, val)
    return h


def _loaded_highs(lp: LinearProgram, msg: bool = False,
                  opts: Mapping[str, Any] | None = None) -> Any:
    """A silent ``Highs`` with the options set and the model passed in one call."""
    h = _new_highs(msg, opts or {})
    h.passModel(highs_lp(lp))
    return h


def _solve_direct(lp: LinearProgram, msg: bool, opts: Mapping[str, Any]) -> _RAW:
    t0 = time.perf_counter()
    h = _loaded_highs(lp, msg, opts)
    t1 = time.perf_counter()
    h.run()
    status = _highs_status(h)
    method, iters = _highs_method(h)
    x = y = np.empty(0)
    basis = None
    if status == "optimal":
        sol = h.getSolution()
        x = np.asarray(sol.col_value, dtype=float)
        y = np.asarray(sol.row_dual, dtype=float)

        def basis() -> tuple[np.ndarray, np.ndarray] | None:
            return _highs_basis(h)  # read only when the counting test cannot decide
    t2 = time.perf_counter()
    return _RAW(status, x, y, method, iters, t1 - t0, t2 - t1, basis)


def _highs_basis(h: Any) -> tuple[np.ndarray, np.ndarray] | None:
    """(column is basic, row is basic) from a HiGHS basis, if valid."""
    try:
        b = h.getBasis()
        if not b.valid:
            return None
        basic = type(b.col_status[0] if len(b.col_status) else b.row_status[0]).kBasic
        cb = np.asarray(b.col_status) == basic
        rb = np.asarray(b.row_status) == basic
    except (AttributeError, IndexError, RuntimeError):  # pragma: no cover - older highspy
        return None
    return cb.astype(bool), rb.astype(bool)


def _pulp_status(prob: Any, ret: Any, solver: Any) -> str:
    model = getattr(prob, "solverModel", None)
    if solver.name == "HiGHS" and model is not None and hasattr(model, "getModelStatus"):
        return _highs_status(model)  # PuLP 3 maps HiGHS time limits to "Optimal"
    code = int(getattr(ret, "status", ret))
    names = {1: "optimal", 0: "not solved", -1: "infeasible", -2: "unbounded",
             -3: "undefined", -4: "time limit", -5: "memory limit",
             -8: "iteration limit", -10: "interrupted", -12: "numerical error"}
    status = names.get(code, f"status {code}")
    sol_status = getattr(prob, "sol_status", None)
    if status == "optimal" and sol_status is not None and sol_status != 1:
        status = "stopped with a feasible, unproven solution (limit reached)"
    return status


def _solve_pulp(lp: LinearProgram, backend: str, msg: bool, time_limit: float | None,
                opts: Mapping[str, Any]) -> _RAW:
    pulp = _import_pulp()
    t0 = time.perf_counter()
    model = _build_pulp(lp, minimize=True)
    t1 = time.perf_counter()
    if backend == "highs":
        _import_highspy()
        hopts = {k: v for k, v in opts.items() if k != "time_limit"}
        solver = _highs_class(pulp)(msg=msg, timeLimit=time_limit, **hopts)
        if not solver.available():
            raise SolverNotAvailableError(
                f"PuLP cannot find HiGHS; install it with `{_INSTALL['highspy']}`.",
                status="not installed")
    else:
        solver = _cbc_solver(msg, time_limit)
    prob = model.problem
    prob._ne_columns = model.variables  # column order for the one-call handoff
    ret = prob.solve(solver)
    status = _pulp_status(prob, ret, solver)
    hmodel = getattr(prob, "solverModel", None)
    hm = hmodel if backend == "highs" and hasattr(hmodel, "getInfo") else None
    meth, iters = _highs_method(hm) if hm is not None else (
        "simplex (CLP)" if backend == "cbc" else "unknown", 0)
    x = y = np.empty(0)
    basis = None
    if status == "optimal":
        x = np.array([v.varValue if v.varValue is not None else 0.0
                      for v in model.variables], dtype=float)
        y = np.zeros(lp.shape[0])
        flip = -1.0 if lp.sense == "max" else 1.0  # duals of min -c·x (see _build_pulp)
        for (i, _side), con in zip(model.rows, model.constraints, strict=True):
            if con.pi is not None:
                y[i] += flip * float(con.pi)
        if hm is not None and len(model.rows) == lp.shape[0]:
            # (ranged or free rows: the basis rows would not map one to one)
            def basis() -> tuple[np.ndarray, np.ndarray] | None:
                # HiGHS holds the columns in model order (the one-call handoff with PuLP 3,
                # PuLP's own with PuLP 4), but PuLP 4 leaves out columns used nowhere:
                # then the degeneracy check counts instead
                b = _highs_basis(hm)
                return b if b is not None and len(b[0]) == lp.shape[1] else None
    t2 = time.perf_counter()
    return _RAW(status, x, y, meth, iters, t1 - t0, t2 - t1, basis)


def solve_lp(lp: LinearProgram, solver: str = "highs", *, method: str = "choose",
             time_limit: float | None = None, iteration_limit: int | None = None,
             msg: bool = False, options: Mapping[str, Any] | None = None,
             warn_degenerate: bool = True) -> LPSolution:
    """Solve a :class:`LinearProgram` to proven optimality, or raise.

    Parameters
    ----------
    lp : LinearProgram
    solver : {"highs", "highs-direct", "cbc"}
        ``"highs"``: PuLP model, PuLP's HiGHS interface (default). ``"highs-direct"``: one
        sparse matrix to ``highspy``. ``"cbc"``: PuLP model, CBC.
    method : {"choose", "simplex", "ipm", "pdlp"}
        HiGHS algorithm (ignored by CBC).
    time_limit : float, optional
        Seconds; reaching it raises :class:`~nonequivalent.SolverError`.
    iteration_limit : int, optional
        Simplex/IPM iteration limit (HiGHS); reaching it raises ``SolverError``.
    msg : bool
        Show the solver log.
    options : mapping, optional
        Further HiGHS options (``{"presolve": "off", "threads": 1}``).
    warn_degenerate : bool
        Emit a :class:`DegeneracyWarning` when the shadow prices are not unique.

    Returns
    -------
    LPSolution

    Raises
    ------
    InfeasiblePlanError
        With ``.constraints``, the names of a conflicting set (see
        :func:`conflicting_constraints`).
    UnboundedPlanError
    SolverError
        Any stop without a proven optimum (time or iteration limit, numerical trouble).
    SolverNotAvailableError
        The backend is not installed (the message says how to install it).

    Notes
    -----
    Shadow prices follow the convention of the module docstring (``∂z*/∂b``), whatever the
    backend reports natively (a maximization reaches PuLP's backends as the minimization
    of ``-c``, so their duals are negated here).

    Examples
    --------
    >>> from nonequivalent.planning import LinearProgram, solve_lp
    >>> lp = LinearProgram([1.0, 1.0], [[1.0, 2.0]], row_upper=[4.0])
    >>> solve_lp(lp, "highs-direct").objective
    4.0
    """
    if solver not in SOLVERS:
        raise SolverNotAvailableError(
            f"unknown solver {solver!r}; choose one of {list(SOLVERS)}.", status="unknown")
    opts = _highs_options(method, time_limit, iteration_limit, options)
    if solver == "highs-direct":
        raw = _solve_direct(lp, msg, opts)
    else:
        raw = _solve_pulp(lp, solver, msg, time_limit, opts)
    if raw.status != "optimal":
        _raise_for_status(lp, raw.status, solver)
    return _finish(lp, raw, solver, warn_degenerate)


def _raise_for_status(lp: LinearProgram, status: str, solver: str) -> None:
    if status in ("infeasible", "unbounded", "infeasible or unbounded"):
        if status != "unbounded" and not _is_feasible(lp):
            names = conflicting_constraints(lp)
            raise InfeasiblePlanError(
                f"no plan satisfies every constraint of {lp.name!r}; these constraints "
                f"conflict: {names[:20]}{' ...' if len(names) > 20 else ''}. Relax one of "
                "them (lower a floor, raise a supply or capacity).", constraints=names)
        raise UnboundedPlanError(
            f"the objective of {lp.name!r} can grow without limit ({solver}): a bound or "
            "constraint is missing (e.g. labour supply or capacity for some sector).")
    raise SolverError(f"{solver} stopped without a proven optimum: status {status!r}. "
                      "Raise the time or iteration limit, or try another method.",
                      status=status)


def _is_feasible(lp: LinearProgram) -> bool:
    """Whether any point satisfies the constraints (HiGHS on a zero objective)."""
    try:
        h = _loaded_highs(lp.with_bounds(c=np.zeros(lp.shape[1])))
    except SolverNotAvailableError:
        return _solve_elastic(lp)[0] <= 1e-9
    h.run()
    return _highs_status(h) == "optimal"


def _finish(lp: LinearProgram, raw: _RAW, solver: str, warn_degenerate: bool) -> LPSolution:
    x = raw.x
    y = raw.row_dual
    act = lp.A @ x
    d = lp.c - lp.A.T @ y
    primal_deg, dual_deg = _degeneracy(lp, x, act, y, d, raw.basis)
    sol = LPSolution(lp, "optimal", lp.evaluate(x), x, act, y, d, solver, raw.method,
                     raw.iterations, raw.build, raw.solve, primal_deg, dual_deg)
    for arr in (x, act, y, d):
        arr.setflags(write=False)
    if primal_deg and warn_degenerate:
        warnings.warn(DegeneracyWarning(
            f"the optimum of {lp.name!r} is primal degenerate (a basic variable sits at a "
            "bound): its shadow prices are one valid set among several, not unique."),
            stacklevel=3)
    return sol


def _at_bound(v: np.ndarray, lo: np.ndarray, up: np.ndarray) -> np.ndarray:
    tol = 1e-7 * np.maximum(1.0, np.abs(v))
    return (np.abs(v - lo) <= tol) | (np.abs(v - up) <= tol)


def _degeneracy(lp: LinearProgram, x: np.ndarray, act: np.ndarray, y: np.ndarray,
                d: np.ndarray, basis: Callable[[], tuple[np.ndarray, np.ndarray] | None] | None
                ) -> tuple[bool, bool]:
    """Primal and dual degeneracy of an optimal vertex.

    A vertex has ``m`` basic entries (columns and row slacks) and every entry strictly
    inside its bounds is basic. So when exactly ``m`` entries are inside, they are the
    basis: the vertex is primal non-degenerate, and dual degenerate iff an entry at a
    bound has a zero reduced cost (or dual). Otherwise the solver's basis, when there is
    one (``basis()``, read only then), decides: primal degenerate iff a basic column or
    row slack is at a bound; dual degenerate iff a nonbasic one has zero reduced cost.
    Without a basis (CBC) the same by counting: fewer than ``m`` entries inside means some
    basic entry is at a bound (Dantzig 1963, §10-2).
    """
    col_at = _at_bound(x, lp.col_lower, lp.col_upper)
    row_at = _at_bound(act, lp.row_lower, lp.row_upper)
    dscale = 1e-9 * (1.0 + float(np.max(np.abs(lp.c), initial=0.0)))
    col_zero = np.abs(d) <= dscale
    row_zero = np.abs(y) <= dscale
    m = lp.shape[0]
    inside = int((~col_at).sum() + (~row_at).sum())
    free_at_zero = (np.isinf(lp.col_lower) & np.isinf(lp.col_upper)
                    & (np.abs(x) <= 1e-9)).any()  # may be nonbasic though "inside"
    if inside == m and not free_at_zero:
        return False, bool((col_at & col_zero).any() or (row_at & row_zero).any())
    b = basis() if basis is not None else None
    if b is not None:
        cb, rb = b
        primal = bool((cb & col_at).any() or (rb & row_at).any())
        dual = bool((~cb & col_zero).any() or (~rb & row_zero & row_at).any())
        return primal, dual
    basic_at_bound = m - inside
    zero_at_bound = int((col_at & col_zero).sum() + (row_at & row_zero).sum())
    return basic_at_bound > 0, zero_at_bound > max(basic_at_bound, 0)


# ---------------------------------------------------------------------- infeasibility
def conflicting_constraints(lp: LinearProgram, method: str = "iis") -> list[str]:
    """Names of constraints (and column bounds) that cannot hold together.

    Parameters
    ----------
    method : {"iis", "elastic"}
        ``"iis"``: an irreducible infeasible subsystem computed by HiGHS
        (``Highs.getIis`` with ``iis_strategy`` = irreducible; J. W. Chinneck,
        *Feasibility and Infeasibility in Optimization*, 2008, ch. 6). Dropping any one of
        the named constraints makes the rest feasible. ``"elastic"``: every row gets
        non-negative violation variables and their sum is minimized; the rows with a
        non-zero dual in that phase-one problem carry a Farkas certificate of
        infeasibility (Chinneck 2008, §6.3) and are returned; without highspy this is used.

    Returns
    -------
    list of str
        Row names, and column bounds written ``"output[grain] >= 0"``.
        Empty when the program is feasible.

    Examples
    --------
    >>> import numpy as np
    >>> from nonequivalent.planning import LinearProgram, conflicting_constraints
    >>> lp = LinearProgram([1.0, 1.0], [[1.0, 1.0], [1.0, 0.0], [0.0, 1.0], [1.0, -1.0]],
    ...                    row_lower=[-np.inf, 3.0, 2.0, -np.inf],
    ...                    row_upper=[4.0, np.inf, np.inf, 100.0],
    ...                    row_names=["labour", "floor[a]", "floor[b]", "spare"])
    >>> conflicting_constraints(lp)
    ['labour', 'floor[a]', 'floor[b]']
    """
    if method not in ("iis", "elastic"):
        raise InvalidPlanError(f"method must be 'iis' or 'elastic', got {method!r}.")
    if method == "iis":
        try:
            names = _iis(lp)
        except SolverNotAvailableError:
            names = None
        if names is not None:
            return names
    viol, rows = _solve_elastic(lp)
    return [lp.row_names[i] for i in rows] if viol > 1e-9 else []


def _iis(lp: LinearProgram) -> list[str] | None:
    highspy = _import_highspy()
    strategy = getattr(getattr(highspy, "IisStrategy", None), "kIisStrategyIrreducible", None)
    if strategy is None or not hasattr(highspy.Highs, "getIis"):
        return None
    h = _loaded_highs(lp, opts={"iis_strategy": int(strategy)})
    h.run()
    _status, iis = h.getIis()
    if not getattr(iis, "valid_", False):
        return None
    # bound status: -1 dropped, 0 null, 1 free (not part of the conflict), 2 lower,
    # 3 upper, 4 boxed (HighsIis in HiGHS >= 1.10)
    rbound = [int(b) for b in getattr(iis, "row_bound_", [])]
    cbound = [int(b) for b in getattr(iis, "col_bound_", [])]
    names = [lp.row_names[i] for pos, i in enumerate(iis.row_index_)
             if pos >= len(rbound) or rbound[pos] >= 2]
    for pos, j in enumerate(iis.col_index_):
        b = cbound[pos] if pos < len(cbound) else 2
        lo, up = lp.col_lower[j], lp.col_upper[j]
        if b == 2:
            names.append(f"{lp.col_names[j]} >= {lo:g}")
        elif b == 3:
            names.append(f"{lp.col_names[j]} <= {up:g}")
        elif b == 4:
            names.append(f"{lo:g} <= {lp.col_names[j]} <= {up:g}")
    return names or None


def _solve_elastic(lp: LinearProgram) -> tuple[float, list[int]]:
    """Minimal total violation of the rows, and the rows carrying its dual certificate."""
    m, k = lp.shape
    lo_f = np.isfinite(lp.row_lower)
    up_f = np.isfinite(lp.row_upper)
    # rows: lo <= A x + e_plus - e_minus <= up;  min Σ e
    eye = sp.identity(m, format="csr")
    A = sp.hstack([lp.A, eye[:, lo_f], -eye[:, up_f]], format="csr")
    ne = int(lo_f.sum() + up_f.sum())
    c = np.concatenate([np.zeros(k), np.ones(ne)])
    elastic = LinearProgram(c, A, lp.row_lower, lp.row_upper,
                            np.concatenate([lp.col_lower, np.zeros(ne)]),
                            np.concatenate([lp.col_upper, np.full(ne, np.inf)]),
                            lp.row_names, [*lp.col_names, *(f"~e{i}" for i in range(ne))],
                            sense="min", name=f"{lp.name}-elastic")
    try:
        sol = solve_lp(elastic, "highs-direct", warn_degenerate=False)
    except SolverNotAvailableError:
        sol = solve_lp(elastic, "cbc", warn_degenerate=False)
    rows = np.flatnonzero(np.abs(sol.shadow_prices) > 1e-9).tolist()
    return sol.objective, rows
