"""The solution of a linear program: the plan, its shadow prices and how far to trust them.

:class:`LPSolution` is what :func:`~nonequivalent.planning.solve_lp` returns, for every
backend and method; :class:`DegeneracyWarning` says when the shadow prices (or the plan) are
not unique.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._results import Result, format_number

if TYPE_CHECKING:
    from .lp import LinearProgram

__all__ = ["DegeneracyWarning", "LPSolution"]


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


# ---------------------------------------------------------------------- results
@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class LPSolution(Result):
    """A proven optimum of a :class:`LinearProgram`, with duals and diagnostics.

    Attributes
    ----------
    lp : LinearProgram
    status : str
        ``"optimal"``, or ``"approximately optimal"`` for a first-order result within
        :attr:`tolerance` (see :attr:`residuals`). Other outcomes raise.
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
        A nonbasic variable (a column or a binding row's slack) has a zero reduced cost:
        moving it off its bound keeps the objective, so alternative optimal plans exist
        (Dantzig 1963, §10-2; tolerance ``1e-9 (1 + max|c|)``). See :attr:`alternative_optima`.
    vertex : bool
        Whether ``x`` is a basic (vertex) solution. Large programs are solved by interior
        point without crossover by default (see :func:`solve_lp`): their ``x`` lies inside
        the optimal face and both degeneracy flags are False because there is no basis to
        test; ask for ``vertex=True`` to get a vertex. Always False for a first-order
        result.
    residuals : dict or None
        For a first-order result: the measured relative ``primal`` and ``dual`` residuals
        and duality ``gap`` (:func:`first_order_residuals`); None otherwise.
    tolerance : float or None
        The tolerance a first-order result was checked against; None otherwise.
    method_reason : str
        Why this method ran (asked for, or the library's choice and its rule).

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
    vertex: bool = True
    residuals: dict[str, float] | None = None
    tolerance: float | None = None
    method_reason: str = ""

    _title = "Linear-programming optimum"

    @property
    def approximate(self) -> bool:
        """Whether this is a first-order result (approximate plan and duals)."""
        return self.status != "optimal"

    def key_figures(self, timing: bool = False) -> list[tuple[str, Any, str]]:
        """The optimum, the size of the program and the solver's work; with ``timing``
        the build and solve times too (they change run to run, so they are shown only
        when asked; :attr:`build_seconds` and :attr:`solve_seconds` always hold them)."""
        m, k = self.lp.shape
        word = "approximately optimal" if self.approximate else "optimal"
        out = [(f"{word} {self.lp.sense}", self.objective, ""), ("rows", m, ""),
               ("columns", k, ""), ("iterations", self.iterations, "")]
        if timing:
            out += [("build time", self.build_seconds, "s"),
                    ("solve time", self.solve_seconds, "s")]
        if self.residuals is not None:
            out += [(f"relative {key}", val, "") for key, val in self.residuals.items()]
        return out

    def benchmark_name(self) -> str | None:
        """The program's name, backend and algorithm."""
        return f"{self.lp.name} ({self.solver}, {self.method})"

    def __repr__(self) -> str:
        m, k = self.lp.shape
        return (f"LPSolution({self.lp.name!r}: {self.status} {self.lp.sense} "
                f"{format_number(self.objective)}, "
                f"{m} rows x {k} columns, {self.solver}, {self.method}"
                f"{'' if self.vertex else ', not a vertex'})")

    @property
    def alternative_optima(self) -> bool:
        """Whether other plans reach the same optimum (dual degeneracy of the vertex)."""
        return bool(self.dual_degenerate)

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
        """Shadow prices ``∂z*/∂b_i`` labelled by constraint name.

        The sign rule (one for the whole library): the gain in the objective per unit
        increase of the row's bound. In a maximization a binding limit (labour, capacity)
        has a dual ``>= 0`` and a binding floor or requirement (a commodity balance, a wage
        floor) a dual ``<= 0``. The plans' ``valuations`` of goods are minus the balance
        rows' duals, so they are ``>= 0`` (Kantorovich 1959, ch. 3). From a first-order
        result they are approximate, and the Series is named ``"approximate shadow price"``.
        """
        name = "approximate shadow price" if self.approximate else "shadow price"
        return pd.Series(self.shadow_prices, index=self.lp.row_names, name=name)

    def to_frame(self) -> pd.DataFrame:
        """Rows of the model with activity, bounds and shadow price."""
        return pd.DataFrame({"activity": self.row_activity, "lower": self.lp.row_lower,
                             "upper": self.lp.row_upper,
                             self.duals().name: self.shadow_prices},
                            index=pd.Index(self.lp.row_names, name="constraint"))

    def summary(self, timing: bool = False) -> str:
        """A short printable report (the same on every run; ``timing=True`` adds the
        build and solve times)."""
        warn = ""
        if self.residuals is not None:
            r = self.residuals
            warn += (f"\n  note: first-order solution, not a vertex: relative primal "
                     f"residual {r['primal']:.1e}, dual residual {r['dual']:.1e}, duality "
                     f"gap {r['gap']:.1e} (tolerance {self.tolerance:.0e}); the objective "
                     "and the shadow prices are approximate")
        elif not self.vertex:
            warn += ("\n  note: interior-point solution without crossover (not a vertex); "
                     "solve with vertex=True for a basic solution")
        if self.method_reason:
            warn += f"\n  method: {self.method_reason}"
        if self.primal_degenerate:
            warn += "\n  warning: degenerate optimum, shadow prices are not unique"
        if self.dual_degenerate:
            warn += "\n  note: alternative optimal plans exist (zero reduced costs)"
        return (f"{self.title}\n{self.status} {self.lp.sense} "
                f"{format_number(self.objective)} "
                f"({self.solver}, "
                f"{self.method}, {format_number(self.iterations)} iterations"
                f"{self._timing_text() if timing else ''}){warn}")

    def _timing_text(self) -> str:
        return (f"; build {format_number(self.build_seconds, 's')}, solve "
                f"{format_number(self.solve_seconds, 's')}")

    __str__ = summary
