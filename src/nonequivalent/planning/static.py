"""The static (one-period) plan: outputs and final uses that maximize accumulation.

Choose gross outputs ``x`` and final uses (accumulation ``a``, workers' and peasants'
consumption, exports ``e`` and imports ``m``) to

    maximize  v·a                     ("accumulation", v = labour values by default)
    or        θ  with  a >= θ t        ("target": Kantorovich's complete sets of a bundle t)

subject to, with readable constraint names,

* ``balance[i]``:      x_i - (A x)_i - b^w_i C_w - b^p_i C_p - a_i - e_i + m_i >= g_i
* ``labour[k]``:       Σ_j l_kj x_j <= L_k                   (labour supply by kind)
* ``capacity[j]``:     x_j <= K_j
* ``wage_floor[workers]``: C_w - f_w Σ_j l_wj x_j >= 0       (real wage per hour >= f_w)
* ``subsistence[peasants]``: C_p >= f_p L_p                  (peasant consumption floor)
* ``marketing[g]``:    (1 - a_gg) x_g - b^p_g C_p <= q(p)    (marketed grain <= response)
* ``trade_balance``:   Σ p^w_i (e_i - m_i) >= -D             (world prices, deficit D)

``C_w`` counts the workers' basket ``b^w`` (goods per hour worked at the base real wage), so
the real wage index is ``C_w / hours worked``; ``C_p`` counts the peasants' basket ``b^p``
(per hour of peasant labour supply). The marketed surplus is what leaves the village: output
of the marketed good net of its own-use input (seed) and of peasant consumption of it.

Sources: L. V. Kantorovich, *Mathematical Methods of Organizing and Planning Production*
(1939; trans. *Management Science* 6, 1960) for the target-bundle objective and the
"objectively determined valuations"; R. Dorfman, P. Samuelson and R. Solow, *Linear
Programming and Economic Analysis* (1958), ch. 9-10 for the open Leontief LP; the
marketing response and the scissors (Sah and Stiglitz, *AER* 74, 1984).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._results import _frame_text, format_number
from ..core.economy import Economy
from ..errors import InvalidPlanError
from ._common import (
    PlanModelMixin,
    PlanResultMixin,
    check_economy,
    floor_market_trade_rows,
    goods,
    kind_vector,
    marketing_limit,
    net_output_block,
    read_uses,
    shared_inputs,
    target_row,
    use_columns,
    valuations_from,
)
from ._model import ColGroup, RowFamily, assemble, diagonal, labels, selector
from .lp import LinearProgram
from .solution import LPSolution
from .solvers import solve_lp, solver_keywords

__all__ = ["PlanResult", "StaticPlan", "marketing_limit", "solve_static_plan"]


@dataclasses.dataclass(frozen=True, eq=False)
class StaticPlan(PlanModelMixin):
    """Parameters of a one-period plan (see the module docstring for the LP).

    Parameters
    ----------
    economy : Economy
        Technology ``A`` and labour by kind (must be productive).
    labour_supply : mapping or Series
        Hours available of every labour kind of the economy.
    capacity : mapping or Series, optional
        Maximum gross output by sector (omitted sectors: no limit). Must be >= 0.
    worker_basket, peasant_basket : mapping or Series, optional
        Goods per hour worked (workers, at the base real wage) and per hour of peasant
        labour supply (peasants). Omitted: the group's consumption is not modelled.
    real_wage_floor : float
        Workers' real wage floor as an index of ``worker_basket`` (1 = base wage).
    subsistence : float
        Peasants' consumption floor as an index of ``peasant_basket``.
    worker_kind, peasant_kind : label
        Labour kinds of the two groups.
    marketed_good : label, optional
        The good peasants market (grain); with ``marketed_limit`` bounds what leaves the
        village.
    marketed_limit : float, optional
        Marketed surplus at the given price ratio (see :func:`marketing_limit`).
    world_prices : mapping or Series, optional
        World prices of tradable goods (exports and imports allowed for those).
    trade_deficit : float
        Foreign credit: imports may exceed exports by this value at world prices.
    other_final_use : mapping or Series, optional
        Fixed final uses (defence, administration) by good.
    objective : {"accumulation", "target"}
    target : mapping or Series, optional
        The target bundle ``t`` (objective ``"target"``).
    valuation : mapping or Series, optional
        Weights ``v`` of accumulation (default: labour values λ).
    name : str

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.1, 0.2], [0.1, 0.3]], labour=[1.0, 0.5],
    ...                  sectors=["grain", "steel"])
    >>> plan = ne.StaticPlan(eco, labour_supply={"labour": 100.0})
    >>> round(plan.solve().objective, 6)    # all labour into accumulation, in hours
    100.0
    """

    economy: Economy
    labour_supply: Any
    capacity: Any = None
    worker_basket: Any = None
    peasant_basket: Any = None
    real_wage_floor: float = 0.0
    subsistence: float = 0.0
    worker_kind: Hashable = "worker"
    peasant_kind: Hashable = "peasant"
    marketed_good: Hashable | None = None
    marketed_limit: float | None = None
    world_prices: Any = None
    trade_deficit: float = 0.0
    other_final_use: Any = None
    objective: Literal["accumulation", "target"] = "accumulation"
    target: Any = None
    valuation: Any = None
    name: str = "static plan"

    # ---------------------------------------------------------------- inputs
    def _arrays(self) -> dict[str, Any]:
        eco = check_economy(self.economy)
        if self.objective not in ("accumulation", "target"):
            raise InvalidPlanError(f"objective must be 'accumulation' or 'target', got "
                                   f"{self.objective!r}.")
        out = shared_inputs(self, eco, 1)
        out["L"] = kind_vector(self.labour_supply, eco.labour_kinds, "labour supply")
        if self.capacity is None:
            out["K"] = np.full(eco.n, np.inf)
        elif isinstance(self.capacity, dict | pd.Series):
            cap = goods(self.capacity, eco, "capacity")
            given = pd.Series(self.capacity).index
            out["K"] = np.where(eco.sectors.isin(given), cap, np.inf)
        else:
            out["K"] = goods(self.capacity, eco, "capacity")
        out["v"] = (eco.values_array if self.valuation is None
                    else goods(self.valuation, eco, "valuation"))
        return out

    # ---------------------------------------------------------------- model
    def _build(self) -> tuple[LinearProgram, dict[str, slice], dict[str, slice]]:
        eco = self.economy
        p = self._validated
        n = eco.n
        goods_ = labels(eco.sectors)
        kinds = eco.labour_kinds
        target = self.objective == "target"
        groups = [ColGroup("output", goods_),
                  ColGroup("accumulation", goods_, cost=0.0 if target else p["v"])]
        balance: dict[str, Any] = {"output": net_output_block(eco),
                                   "accumulation": diagonal(-np.ones(n), (n, n))}
        use_columns(eco, p, None, groups, balance)
        if target:
            groups.append(ColGroup("bundles", ["target"], cost=1.0))
        families = [RowFamily("balance", goods_, balance, lower=p["g"]),
                    RowFamily("labour", labels(kinds), {"output": eco.labour},
                              upper=p["L"])]
        finite = np.flatnonzero(np.isfinite(p["K"]))
        if finite.size:
            families.append(RowFamily("capacity", labels(eco.sectors[finite]),
                                      {"output": selector(finite, n)}, upper=p["K"][finite]))
        floor_market_trade_rows(self, eco, p, None, families)
        if target:
            families.append(target_row(eco, p["t"], "accumulation", n, 0))
        return assemble(groups, families, "max", self.name)

    def solve(self, solver: str = "highs", **options: Any) -> PlanResult:
        """Build and solve the plan; see :func:`~nonequivalent.planning.solve_lp` options."""
        return solve_static_plan(self, solver, **options)


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class PlanResult(PlanResultMixin):
    """The optimal static plan, its shadow prices and the group flows it implies.

    Attributes
    ----------
    plan : StaticPlan
    solution : LPSolution
        The solved program (values, shadow prices, solver diagnostics).
    objective : float
    output, accumulation, exports, imports : Series by good
    consumption : Series by group (baskets)
    shadow_prices : Series by constraint name
        ``y_i = ∂ objective / ∂ b_i``, the gain per unit increase of the row's binding
        bound (the library's one sign rule, :meth:`LPSolution.duals`). Upper limits
        (``labour``, ``capacity``, ``marketing``) have ``y >= 0``; requirements and floors
        (``balance``, ``wage_floor``, ``subsistence``, ``target``) have ``y <= 0``.
        :meth:`summary` prints the largest ones with this rule.

    Every pandas attribute is returned as a copy: edits to ``res.output`` do not reach the
    result (``res.hours`` is still computed from the optimal plan).

    Notes
    -----
    :attr:`valuations` turns the balance rows' shadow prices into Kantorovich's
    "objectively determined valuations" of the goods, which are ``>= 0`` (L. V.
    Kantorovich, *The Best Use of Economic Resources*, 1959, ch. 3).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.0, 0.5], [0.0, 0.0]], labour=[1.0, 0.5],
    ...                  sectors=["grain", "steel"])
    >>> res = ne.StaticPlan(eco, {"labour": 10.0}, valuation=[1.0, 2.0]).solve()
    >>> res.output.to_dict()      # a unit of steel: half an hour and half a unit of grain
    {'grain': 5.0, 'steel': 10.0}
    >>> res.accumulation.to_dict()
    {'grain': 0.0, 'steel': 10.0}
    >>> res.labour_valuations.to_dict()   # an hour makes one unit of steel, worth 2
    {'labour': 2.0}
    >>> res.valuations.to_dict(), float(res.shadow_prices["balance[grain]"])
    ({'grain': 2.0, 'steel': 2.0}, -2.0)

    Grain is valued at 2, not at its weight 1 in the objective: one more unit of grain
    saves the hour that grows it, which makes a unit of steel.
    """

    plan: StaticPlan
    solution: LPSolution
    objective: float
    output: pd.Series
    accumulation: pd.Series
    consumption: pd.Series
    exports: pd.Series
    imports: pd.Series
    shadow_prices: pd.Series

    @property
    def valuations(self) -> pd.Series:
        """Kantorovich's valuations of the goods (``>= 0``), in units of the objective.

        The valuation of a good is the gain in the objective per extra unit of it made
        available (supplied from outside the plan). A balance row requires
        ``supply - uses >= g``; raising the requirement ``g`` by one unit costs exactly
        that gain, so the balance row's shadow price is ``<= 0`` and the valuation is its
        negative, ``v_i = -y_balance[i] >= 0`` (Kantorovich 1959, ch. 3).
        """
        return valuations_from(self.shadow_prices, self.plan.economy.sectors, None)

    @property
    def labour_valuations(self) -> pd.Series:
        """Shadow prices of an hour of each labour kind (``>= 0``: labour rows are limits).

        The gain in the objective per extra hour of each kind (the sign rule of
        :meth:`LPSolution.duals`).
        """
        kinds = self.plan.economy.labour_kinds
        return pd.Series(self.shadow_prices.reindex([f"labour[{k}]" for k in kinds])
                         .to_numpy(), index=kinds, name="valuation")

    @property
    def hours(self) -> pd.Series:
        """Hours worked by labour kind."""
        eco = self.plan.economy
        return pd.Series(eco.labour @ self.output.to_numpy(), index=eco.labour_kinds,
                         name="hours")

    @property
    def real_wage(self) -> float:
        """Workers' real wage index: baskets per hour worked (1 = base wage); NaN if none."""
        if "workers" not in self.consumption.index:
            return float("nan")
        h = float(self.hours[self.plan.worker_kind])
        return float(self.consumption["workers"]) / h if h > 0 else float("nan")

    def to_frame(self) -> pd.DataFrame:
        """By good: output, accumulation, trade, valuation and labour value."""
        eco = self.plan.economy
        return pd.DataFrame({"output": self.output, "accumulation": self.accumulation,
                             "exports": self.exports, "imports": self.imports,
                             "valuation": self.valuations,
                             "labour value": eco.labour_values()})

    def summary(self) -> str:
        """A printable report."""
        cons = ", ".join(f"{k}: {format_number(v)}" for k, v in self.consumption.items())
        lines = [self.title,
                 f"{self.plan.name}: {self.plan.objective} = {format_number(self.objective)}",
                 _frame_text(self.to_frame(), self.units()),
                 f"consumption: {{{cons}}}",
                 self._duals_text(),
                 str(self.solution)]
        return "\n".join(lines)

    __str__ = summary


def solve_static_plan(plan: StaticPlan, solver: str = "highs", **options: Any) -> PlanResult:
    """Solve a :class:`StaticPlan` and label the result.

    Parameters
    ----------
    plan : StaticPlan
    solver : {"highs", "highs-direct", "cbc"}
    **options
        Passed to :func:`~nonequivalent.planning.solve_lp` (``time_limit``, ``method`` ...).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.0]], labour=[2.0], sectors=["grain"])
    >>> res = ne.solve_static_plan(ne.StaticPlan(eco, {"labour": 10.0}))
    >>> res.output.to_dict(), res.labour_valuations.to_dict()
    ({'grain': 5.0}, {'labour': 1.0})
    """
    solver_keywords(options, "solve")
    lp, cs, _ = plan._build()
    sol = solve_lp(lp, solver, **options)
    eco = plan.economy
    x = sol.x
    cons, tradable, exp, imp = read_uses(eco, plan._validated, cs, x)
    exports = pd.Series(0.0, index=eco.sectors, name="exports")
    imports = pd.Series(0.0, index=eco.sectors, name="imports")
    exports[tradable] = exp
    imports[tradable] = imp
    return PlanResult(plan, sol, sol.objective,
                      pd.Series(x[cs["output"]], index=eco.sectors, name="output"),
                      pd.Series(x[cs["accumulation"]], index=eco.sectors, name="accumulation"),
                      pd.Series({g: float(v[0]) for g, v in cons.items()}, dtype=float,
                                name="consumption"),
                      exports, imports, sol.duals())
