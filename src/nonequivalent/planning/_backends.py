"""The backends: the one module that calls PuLP and highspy (internal).

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
bundles CBC. The shim functions below use whichever the installed PuLP offers. PuLP and
highspy are imported on first use, not when :mod:`nonequivalent` is imported.
"""

from __future__ import annotations

import math
import time
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from ..errors import SolverNotAvailableError

if TYPE_CHECKING:
    from .lp import LinearProgram

__all__: list[str] = []

_INSTALL = {
    "pulp": "pip install pulp",
    "highspy": "pip install highspy",
    "cbc": ("with PuLP 3 the CBC bundled as PULP_CBC_CMD is used; with PuLP 4 run "
            "`pip install 'pulp[cbc]'` or install a `cbc` executable on PATH "
            "(e.g. `apt-get install coinor-cbc`)"),
}


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


def build_pulp(lp: LinearProgram, minimize: bool = False) -> PulpModel:
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



class _RAW(NamedTuple):
    status: str
    x: np.ndarray
    row_dual: np.ndarray
    method: str
    iterations: int
    build: float
    solve: float
    basis: Any


def highs_option_problem(opts: Mapping[str, Any]) -> str | None:
    """What is wrong with HiGHS options (an unknown name, a bad value), or None.

    Each option is set on a silent ``Highs`` object, which checks the name, the type and
    the range; an unknown name is answered with the closest known names.
    """
    import difflib

    highspy = _import_highspy()
    h = _new_highs(False, {})
    known = [n for n in dir(highspy.HighsOptions()) if not n.startswith("_")]
    for key, val in opts.items():
        if not isinstance(key, str):
            return f"option names must be strings, got {key!r}"
        status, _ = h.getOptionValue(key)
        if status == highspy.HighsStatus.kError:
            near = difflib.get_close_matches(key, known, n=3)
            hint = f" (did you mean {' or '.join(map(repr, near))}?)" if near else ""
            return f"unknown HiGHS option {key!r}{hint}"
        if isinstance(val, bool | np.bool_):
            val = bool(val)
        elif isinstance(val, np.generic):
            val = val.item()
        try:
            status = h.setOptionValue(key, val)
        except (TypeError, OverflowError):  # a value no overload takes (a list, None, 10**400)
            status = highspy.HighsStatus.kError
        if status == highspy.HighsStatus.kError:
            return f"HiGHS option {key!r} cannot take the value {val!r} (wrong type or range)"
    return None


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
    first_order = opts.get("solver") == "pdlp"
    sol = h.getSolution() if status == "optimal" or first_order else None
    if sol is not None and (status == "optimal" or (sol.value_valid and sol.dual_valid)):
        # a first-order point is read whatever HiGHS's status: HiGHS judges it with
        # absolute tolerances and may call it "unknown"; solve_lp measures it instead
        x = np.asarray(sol.col_value, dtype=float)
        y = np.asarray(sol.row_dual, dtype=float)
    if status == "optimal" and not first_order:
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
    model = build_pulp(lp, minimize=True)
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
