"""Solving a :class:`~nonequivalent.planning.LinearProgram`: :func:`solve_lp` and its result.

:func:`solve_lp` checks the program's coefficient range and the solver options (on every
backend: an option that cannot be applied is an error, never silently ignored), hands the
program to a backend (``"highs"``, ``"highs-direct"`` or ``"cbc"``; see
:mod:`nonequivalent.planning._backends`) and returns an :class:`LPSolution` only for a
proven optimum.

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
``"optimal"``: a proven optimum (simplex, or interior point). ``"approximately optimal"``:
the first-order method (``method="first-order"``, HiGHS's PDLP: D. Applegate et al.,
"Practical large-scale linear programming using primal-dual hybrid gradient", *NeurIPS*
2021; H. Lu and J. Yang, "cuPDLP.jl", 2023) returned a point whose relative primal and
dual residuals and duality gap, measured here (:func:`first_order_residuals`), are within
the tolerance asked for; it is never a vertex, and its duals are approximate. A first-order
point outside the tolerance raises :class:`~nonequivalent.ToleranceNotMetError` with the
measured residuals. Otherwise only a proven optimum is returned.
Infeasible -> :class:`~nonequivalent.InfeasiblePlanError`
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

import warnings
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import scipy.sparse as sp

from ..errors import (
    InfeasiblePlanError,
    InvalidPlanError,
    SolverError,
    SolverNotAvailableError,
    ToleranceNotMetError,
    UnboundedPlanError,
)
from ._backends import (
    _RAW,
    _cbc_solver,
    _highs_status,
    _import_highspy,
    _import_pulp,
    _loaded_highs,
    _solve_direct,
    _solve_pulp,
    highs_option_problem,
)
from ._checks import real, whole
from .lp import LinearProgram, StandardForm
from .solution import DegeneracyWarning, LPSolution

__all__ = [
    "LinearProgram",
    "StandardForm",
    "available_solvers",
    "conflicting_constraints",
    "first_order_residuals",
    "solve_lp",
]

#: Backends accepted by :func:`solve_lp`.
SOLVERS = ("highs", "highs-direct", "cbc")

#: Plans with more columns than this are solved by interior point without crossover when
#: the method is left to the library (``method="choose"``, ``vertex=None``). Measured on
#: the random multi-year plans of ``benchmarks/plan_scale.py`` (one thread, HiGHS 1.16):
#: 661 columns, simplex 0.11 s / interior point 0.06 s; 3,121 columns, 2.4 s / 0.8 s;
#: 6,121 columns, 29 s / 3.4 s; at 18,000 columns crossover does not finish in 300 s.
IPM_COLUMNS = 5_000

#: With ``method="choose"`` (and ``vertex=None``), programs with more columns than this are
#: solved by the first-order method (PDLP). Measured on the choice-of-technique plans of
#: ``benchmarks/national_plan.py`` (HiGHS 1.16, 2 cores, load average 0.7): 200,001
#: columns, PDLP 11.4 s; at 20,001 columns neither simplex nor interior point finished
#: in 60 s (load average about 4; docs/performance.md).
FIRST_ORDER_COLUMNS = 100_000

#: A row with non-zeros in at least :data:`DENSE_ROW_SHARE` of the columns is *dense*
#: (an economy-wide labour row); with one, programs above :data:`DENSE_ROW_COLUMNS`
#: columns are solved by the first-order method when the method is left to the library:
#: a dense row makes the interior-point normal equations ``A D Aᵀ`` dense. Measured on the
#: national plans (4,001 columns): PDLP 0.25 s, dual simplex 5.3 s, interior point 9.7 s.
DENSE_ROW_SHARE = 0.5
DENSE_ROW_COLUMNS = 2_000

#: Default tolerance of first-order results: the largest accepted relative primal
#: residual, relative dual residual and relative duality gap (see
#: :func:`first_order_residuals`).
FIRST_ORDER_TOLERANCE = 1e-4

#: Largest absolute coefficient (objective or matrix entry) and finite bound accepted: HiGHS
#: reads bounds of 1e20 or more as infinite, and coefficients of 1e15 or more break its
#: tolerances (feasibility 1e-7 relative to entries of order 1).
MAX_COEFFICIENT = 1e15
#: Largest finite bound accepted (see :data:`MAX_COEFFICIENT`).
MAX_BOUND = 1e20


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




def solve_lp(lp: LinearProgram, solver: str = "highs", *, method: str = "choose",
             time_limit: float | None = None, iteration_limit: int | None = None,
             msg: bool = False, options: Mapping[str, Any] | None = None,
             warn_degenerate: bool = True, vertex: bool | None = None,
             tolerance: float | None = None) -> LPSolution:
    """Solve a :class:`LinearProgram` to proven (or, first-order, measured) optimality.

    Parameters
    ----------
    lp : LinearProgram
    solver : {"highs", "highs-direct", "cbc"}
        ``"highs"``: PuLP model, PuLP's HiGHS interface (default). ``"highs-direct"``: one
        sparse matrix to ``highspy``. ``"cbc"``: PuLP model, CBC.
    method : {"choose", "simplex", "ipm", "first-order", "pdlp"}
        HiGHS algorithm. ``"first-order"`` (also called ``"pdlp"``) is HiGHS's PDLP; it
        always runs on ``highspy`` directly (``solver="highs"`` included) and returns an
        ``"approximately optimal"`` solution (module docstring). ``"choose"``: first-order
        for programs above :data:`FIRST_ORDER_COLUMNS` columns, or above
        :data:`DENSE_ROW_COLUMNS` columns with a dense row (one touching at least
        :data:`DENSE_ROW_SHARE` of the columns, like an economy-wide labour row), when
        ``vertex`` is None and no ``options["solver"]`` is given; otherwise HiGHS's simplex,
        or interior point above :data:`IPM_COLUMNS` (see ``vertex``). The solution's
        :attr:`~LPSolution.method_reason` says which ran and why. CBC runs its own simplex
        and accepts only ``"choose"`` and ``"simplex"``.
    time_limit : float, optional
        Seconds (> 0; ``inf`` for none); reaching it raises
        :class:`~nonequivalent.SolverError`. May also be given as ``options["time_limit"]``.
    iteration_limit : int, optional
        Simplex/IPM/PDLP iteration limit (>= 0, HiGHS only: CBC cannot apply it, so it raises
        :class:`~nonequivalent.InvalidPlanError` there); reaching it raises ``SolverError``.
    msg : bool
        Show the solver log.
    options : mapping, optional
        Further HiGHS options (``{"presolve": "off", "threads": 1}``), checked by name and
        value before solving (a misspelt name raises ``InvalidPlanError`` with the closest
        names). CBC takes none.
    warn_degenerate : bool
        Emit a :class:`DegeneracyWarning` when the shadow prices are not unique.
    vertex : bool, optional
        ``True``: a basic (vertex) solution, with crossover after an interior-point solve.
        ``False``: interior point without crossover (HiGHS). ``None`` (default): a vertex for
        programs up to :data:`IPM_COLUMNS` columns, interior point without crossover above
        (crossover takes most of the time on large degenerate plans); the solution says
        which in :attr:`LPSolution.vertex` and its summary.
    tolerance : float, optional
        First-order results only: the largest accepted relative primal residual, dual
        residual and duality gap (default :data:`FIRST_ORDER_TOLERANCE`, 1e-4), passed to
        PDLP as its optimality tolerance and checked on the returned point (PDLP runs
        without HiGHS's presolve unless ``options`` set it: postsolve can spoil the
        duals of a first-order point). With
        ``method="choose"`` it applies if the first-order method is chosen; with simplex or
        interior point (exact methods) it raises ``InvalidPlanError``.

    Returns
    -------
    LPSolution

    Raises
    ------
    InfeasiblePlanError
        With ``.constraints``, the names of a conflicting set (see
        :func:`conflicting_constraints`).
    UnboundedPlanError
    ToleranceNotMetError
        A first-order point outside the tolerance (with its measured residuals and what to
        try).
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
    if not isinstance(lp, LinearProgram):
        raise InvalidPlanError(f"solve_lp needs a LinearProgram, got {type(lp).__name__}.")
    if not isinstance(solver, str) or solver not in SOLVERS:
        raise SolverNotAvailableError(
            f"unknown solver {solver!r}; choose one of {list(SOLVERS)}.", status="unknown")
    check_range(lp)
    if isinstance(method, str) and method == "pdlp":
        method = "first-order"
    method, reason = _choose_method(lp, solver, method, options, vertex)
    tol = _tolerance(tolerance, method)
    opts, tl, is_vertex = _solver_options(lp, solver, method, time_limit, iteration_limit,
                                          options, vertex)
    first_order = opts.get("solver") == "pdlp"
    if first_order:
        opts.setdefault("pdlp_optimality_tolerance", tol)
        # HiGHS's postsolve of a first-order point can spoil its duals: on the UK
        # five-year plan of examples/uk_national_plan.py the duality gap is 7e-3 after
        # presolve and 2.5e-8 without it, in the same PDLP iterations
        opts.setdefault("presolve", "off")
        if solver == "highs":
            solver = "highs-direct"
            reason += "; run on highspy directly (PuLP cannot read a first-order point)"
    if solver == "highs-direct":
        raw = _solve_direct(lp, bool(msg), opts)
    else:
        raw = _solve_pulp(lp, solver, bool(msg), tl, opts)
    if first_order and raw.x.size and raw.status not in ("infeasible", "unbounded",
                                                         "infeasible or unbounded"):
        _check_finite(lp, raw, solver)
        return _finish_first_order(lp, raw, solver, tol, reason, raw.status)
    if raw.status != "optimal":
        _raise_for_status(lp, raw.status, solver)
    _check_finite(lp, raw, solver)
    sol = _finish(lp, raw, solver, warn_degenerate, is_vertex)
    object.__setattr__(sol, "method_reason", reason)
    return sol


def _check_finite(lp: LinearProgram, raw: _RAW, solver: str) -> None:
    if not np.isfinite(raw.x).all() or not np.isfinite(raw.row_dual).all():
        raise SolverError(f"{solver} returned non-finite values for {lp.name!r}; rescale "
                          "the program (coefficients near 1) and solve again.",
                          status="numerical error")


def _tolerance(tolerance: Any, method: str) -> float:
    if tolerance is None:
        return FIRST_ORDER_TOLERANCE
    if method in ("simplex", "ipm"):
        raise InvalidPlanError(f"tolerance applies to the first-order method only; "
                               f"method={method!r} solves exactly. Drop tolerance or use "
                               "method='first-order'.")
    return real(tolerance, "tolerance", lower=1e-10, upper=0.1)


def dense_row_share(lp: LinearProgram) -> float:
    """The largest share of the columns that one row touches (1.0: a full row)."""
    k = lp.shape[1]
    if lp.shape[0] == 0:
        return 0.0
    return float(np.diff(lp.A.indptr).max()) / k


def _choose_method(lp: LinearProgram, solver: str, method: Any, options: Any,
                   vertex: Any) -> tuple[Any, str]:
    """The method to run and why (the rule of :func:`solve_lp`'s ``method="choose"``)."""
    if not isinstance(method, str) or method != "choose":
        return method, f"{method!r} asked for"
    if solver == "cbc":
        return method, "CBC's simplex (the only method of CBC)"
    given = isinstance(options, Mapping) and any(
        key in options for key in ("solver", "run_crossover"))
    if given and "solver" in options:
        return method, f"options['solver'] = {options['solver']!r} asked for"
    k = lp.shape[1]
    if vertex is None and not given:
        if k > FIRST_ORDER_COLUMNS:
            return "first-order", (f"first-order chosen: {k:,} columns, more than "
                                   f"FIRST_ORDER_COLUMNS = {FIRST_ORDER_COLUMNS:,}")
        share = dense_row_share(lp)
        if k > DENSE_ROW_COLUMNS and share >= DENSE_ROW_SHARE:
            return "first-order", (
                f"first-order chosen: {k:,} columns (more than DENSE_ROW_COLUMNS = "
                f"{DENSE_ROW_COLUMNS:,}) and a dense row touching {share:.0%} of them "
                "(an economy-wide row makes interior point's normal equations dense)")
        if k > IPM_COLUMNS:
            return method, (f"interior point without crossover chosen: {k:,} columns, more "
                            f"than IPM_COLUMNS = {IPM_COLUMNS:,}")
    return method, "HiGHS's own choice (simplex for linear programs)"


def first_order_residuals(lp: LinearProgram, x: np.ndarray, y: np.ndarray
                          ) -> dict[str, float]:
    """Relative primal and dual residuals and duality gap of a candidate point.

    With ``r_p`` the violations of the row and column bounds by ``x``, ``r_d`` the duals
    (``y`` of the rows, ``d = c − Aᵀy`` of the columns) whose sign needs a bound that is
    infinite (the library's sign rule, module docstring), ``b`` the finite bounds, and
    ``p``, ``q`` the primal objective and the dual objective
    (:attr:`LPSolution.dual_objective`):

        primal = ‖r_p‖₂ / (1 + ‖b‖₂),   dual = ‖r_d‖₂ / (1 + ‖c‖₂),
        gap = |p − q| / (1 + |p| + |q|),

    the relative termination criteria of PDLP (D. Applegate et al., "Practical large-scale
    linear programming using primal-dual hybrid gradient", *NeurIPS* 2021, §3; H. Lu and
    J. Yang, "cuPDLP.jl", 2023). Computed here from the returned point, in the program's
    own units, not taken from the solver.

    Examples
    --------
    >>> import numpy as np
    >>> from nonequivalent.planning import LinearProgram, first_order_residuals
    >>> lp = LinearProgram([3.0, 5.0], [[1.0, 1.0], [1.0, 3.0]], row_upper=[4.0, 6.0])
    >>> r = first_order_residuals(lp, np.array([3.0, 1.0]), np.array([2.0, 1.0]))
    >>> {k: round(v, 12) for k, v in r.items()}     # the exact optimum
    {'primal': 0.0, 'dual': 0.0, 'gap': 0.0}
    >>> round(first_order_residuals(lp, np.array([3.0, 1.1]), np.array([2.0, 1.0]))["primal"], 4)
    0.0385
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    act = lp.A @ x
    d = lp.c - lp.A.T @ y
    hi = 1.0 if lp.sense == "max" else -1.0

    def violation(v: np.ndarray, lo: np.ndarray, up: np.ndarray) -> np.ndarray:
        below = np.where(np.isfinite(lo), np.maximum(lo - v, 0.0), 0.0)
        above = np.where(np.isfinite(up), np.maximum(v - up, 0.0), 0.0)
        return below + above

    def dual_sign(v: np.ndarray, lo: np.ndarray, up: np.ndarray) -> np.ndarray:
        needs_up = (v * hi > 0) & ~np.isfinite(up)
        needs_lo = (v * hi < 0) & ~np.isfinite(lo)
        return np.where(needs_up | needs_lo, np.abs(v), 0.0)

    rp = np.concatenate([violation(act, lp.row_lower, lp.row_upper),
                         violation(x, lp.col_lower, lp.col_upper)])
    rd = np.concatenate([dual_sign(y, lp.row_lower, lp.row_upper),
                         dual_sign(d, lp.col_lower, lp.col_upper)])
    bounds = np.concatenate([lp.row_lower, lp.row_upper])
    b = np.where(np.isfinite(bounds), bounds, 0.0)
    p = float(lp.c @ x) + lp.offset
    q = lp.offset
    for duals, lo, up in ((y, lp.row_lower, lp.row_upper), (d, lp.col_lower, lp.col_upper)):
        bound = np.where(duals * hi > 0, up, lo)
        ok = np.isfinite(bound) & (duals != 0)
        q += float(duals[ok] @ bound[ok])
    return {"primal": float(np.linalg.norm(rp) / (1.0 + np.linalg.norm(b))),
            "dual": float(np.linalg.norm(rd) / (1.0 + np.linalg.norm(lp.c))),
            "gap": float(abs(p - q) / (1.0 + abs(p) + abs(q)))}


def _finish_first_order(lp: LinearProgram, raw: _RAW, solver: str, tol: float,
                        reason: str, highs_status: str) -> LPSolution:
    """An ``"approximately optimal"`` solution, or ToleranceNotMetError."""
    x = np.array(raw.x, dtype=float)
    y = np.array(raw.row_dual, dtype=float)
    res = first_order_residuals(lp, x, y)
    worst = max(res.values())
    if not worst <= tol:
        raise ToleranceNotMetError(
            f"the first-order method stopped ({highs_status}) at relative primal residual "
            f"{res['primal']:.1e}, dual residual {res['dual']:.1e} and duality gap "
            f"{res['gap']:.1e}, {worst / tol:.3g} times the tolerance {tol:.0e} of "
            f"{lp.name!r}. Try: a larger time_limit or iteration_limit, a looser "
            "tolerance=, rescaling the program (entries near 1), or an exact method "
            "(method='ipm' or 'simplex', slower on large plans).", residuals=res,
            tolerance=tol)
    act = lp.A @ x
    d = lp.c - lp.A.T @ y
    for arr in (x, act, y, d):
        arr.setflags(write=False)
    return LPSolution(lp, "approximately optimal", lp.evaluate(x), x, act, y, d, solver,
                      raw.method, raw.iterations, raw.build, raw.solve, False, False,
                      False, res, tol, reason)


def check_range(lp: LinearProgram) -> None:
    """Raise :class:`~nonequivalent.InvalidPlanError` for coefficients a solver cannot trust.

    Objective and matrix entries of :data:`MAX_COEFFICIENT` (1e15) or more in absolute value
    and finite bounds of :data:`MAX_BOUND` (1e20, HiGHS's infinity) or more are refused
    before solving: HiGHS reads such bounds as infinite (a false "unbounded") and the
    feasibility tolerance (1e-7) is meaningless next to such entries. National totals in
    kopeks reach 1e15: measure them in millions of roubles instead.

    >>> import numpy as np
    >>> from nonequivalent.planning import LinearProgram, solve_lp
    >>> solve_lp(LinearProgram([1.0], [[1.0]], row_upper=[1e21]))
    Traceback (most recent call last):
    ...
    nonequivalent.errors.InvalidPlanError: ... rescale ...
    """
    big_c = float(np.max(np.abs(lp.c), initial=0.0))
    big_a = float(np.max(np.abs(lp.A.data), initial=0.0))
    bounds = np.concatenate([lp.row_lower, lp.row_upper, lp.col_lower, lp.col_upper])
    finite = bounds[np.isfinite(bounds)]
    big_b = float(np.max(np.abs(finite), initial=0.0))
    if max(big_c, big_a) >= MAX_COEFFICIENT or big_b >= MAX_BOUND:
        raise InvalidPlanError(
            f"the coefficients of {lp.name!r} span too wide a range for a solver (largest "
            f"objective entry {big_c:.3g}, matrix entry {big_a:.3g}, finite bound "
            f"{big_b:.3g}; limits {MAX_COEFFICIENT:.0e} and {MAX_BOUND:.0e}): rescale the "
            "units (e.g. millions of roubles instead of kopeks, thousands of hours) so that "
            "entries are near 1.")


def _solver_options(lp: LinearProgram, solver: str, method: Any, time_limit: Any,
                    iteration_limit: Any, options: Any, vertex: Any
                    ) -> tuple[dict[str, Any], float | None, bool]:
    """The checked HiGHS options, the time limit and whether a vertex is asked for.

    Every limit and option is validated for the chosen backend: one that the backend cannot
    apply raises :class:`~nonequivalent.InvalidPlanError` instead of being ignored.
    """
    if options is None:
        opts: dict[str, Any] = {}
    elif isinstance(options, Mapping):
        opts = dict(options)
    else:
        raise InvalidPlanError(f"options must be a mapping of HiGHS option names to values, "
                               f"got {type(options).__name__}.")
    if "time_limit" in opts:
        if time_limit is not None:
            raise InvalidPlanError("time_limit is given twice (argument and options); give "
                                   "it once.")
        time_limit = opts.pop("time_limit")
    tl = None
    if time_limit is not None:
        tl = real(time_limit, "time_limit (seconds)", lower=0.0, lower_open=True,
                  allow_inf=True)
        tl = None if tl == np.inf else tl
    it = None
    if iteration_limit is not None:
        it = whole(iteration_limit, "iteration_limit", minimum=0)
    methods = ("choose", "simplex", "ipm", "first-order", "pdlp")
    if not isinstance(method, str) or method not in methods:
        raise InvalidPlanError(f"method must be one of {list(methods)}, got {method!r}.")
    if vertex is not None and not isinstance(vertex, bool | np.bool_):
        raise InvalidPlanError(f"vertex must be True, False or None, got {vertex!r}.")
    if solver == "cbc":
        if opts:
            raise InvalidPlanError(
                f"CBC cannot apply the HiGHS options {sorted(map(str, opts))}; use "
                "solver='highs' for them (CBC takes time_limit only).")
        if it is not None:
            raise InvalidPlanError("CBC cannot apply an iteration_limit through PuLP; use "
                                   "time_limit, or solver='highs'.")
        if method not in ("choose", "simplex") or vertex is False:
            raise InvalidPlanError("CBC solves linear programs by simplex only; for "
                                   f"method={method!r} or vertex=False use solver='highs'.")
        return {}, tl, True
    if "solver" in opts:
        if method != "choose":
            raise InvalidPlanError("the method is given twice (method= and "
                                   "options['solver']); give it once.")
        method = opts.pop("solver")
    if method == "first-order":
        method = "pdlp"
    if method != "choose":
        opts["solver"] = method
    if tl is not None:
        opts["time_limit"] = tl
    if it is not None:
        opts["simplex_iteration_limit"] = it
        opts["ipm_iteration_limit"] = it
        opts["pdlp_iteration_limit"] = it
    asked = vertex
    if vertex is None:
        vertex = not (lp.shape[1] > IPM_COLUMNS and method in ("choose", "ipm")
                      and "run_crossover" not in opts)
    if not vertex:
        if method not in ("choose", "ipm") or opts.get("run_crossover", "off") != "off":
            raise InvalidPlanError("vertex=False means interior point without crossover; "
                                   f"it cannot go with method={method!r} or run_crossover.")
        opts.update(solver="ipm", run_crossover="off")
    elif opts.get("run_crossover") == "off" or method == "pdlp":
        if asked:
            raise InvalidPlanError("vertex=True needs crossover; it cannot go with "
                                   "run_crossover='off' or the first-order method.")
        vertex = False
    elif method == "ipm":
        opts.setdefault("run_crossover", "on")
    problem = highs_option_problem(opts)
    if problem is not None:
        raise InvalidPlanError(f"{problem} (option names and values: "
                               "https://ergo-code.github.io/HiGHS/stable/options/definitions/).")
    return opts, tl, bool(vertex)


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


def _finish(lp: LinearProgram, raw: _RAW, solver: str, warn_degenerate: bool,
            vertex: bool = True) -> LPSolution:
    x = np.array(raw.x, dtype=float)
    y = np.array(raw.row_dual, dtype=float)
    act = lp.A @ x
    d = lp.c - lp.A.T @ y
    if vertex:
        primal_deg, dual_deg = _degeneracy(lp, x, act, y, d, raw.basis)
    else:  # an interior point of the optimal face: no basis to test
        primal_deg = dual_deg = False
    sol = LPSolution(lp, "optimal", lp.evaluate(x), x, act, y, d, solver, raw.method,
                     raw.iterations, raw.build, raw.solve, primal_deg, dual_deg, vertex)
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


def solver_keywords(options: dict[str, Any], caller: str) -> None:
    """Refuse, before any work, keywords that :func:`solve_lp` does not take.

    ``caller`` names the function the keywords were given to (``"compare"``), and the
    message lists the keywords it accepts: a misspelt option (or a keyword meant for
    another function, such as ``years``) would otherwise surface as a bare ``TypeError``
    from deep inside the solver call.
    """
    import inspect

    accepted = [name for name, prm in inspect.signature(solve_lp).parameters.items()
                if prm.kind is inspect.Parameter.KEYWORD_ONLY]
    unknown = sorted(set(options) - set(accepted))
    if unknown:
        hint = (" (the number of plan years belongs to the plan: base_plan(years=8) or "
                "MultiYearPlan(..., years=8); compare takes it as base=)"
                if "years" in unknown else "")
        raise InvalidPlanError(
            f"{caller}() got unknown keyword{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(map(repr, unknown))}; it accepts solver, "
            f"{', '.join(accepted)}{hint}.")
