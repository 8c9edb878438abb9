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
marketing response and the scissors as in DESIGN §2.3 (Sah and Stiglitz, *AER* 74, 1984).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable
from typing import Any, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .._validation import as_vector
from ..economy import Economy
from ..errors import InvalidEconomyError, LabelMismatchError, PlanError
from ._model import ColGroup, RowFamily, assemble, labels
from .solvers import LinearProgram, LPSolution, solve_lp

__all__ = ["PlanResult", "StaticPlan", "marketing_limit", "solve_static_plan"]


def _kind_vector(data: Any, kinds: pd.Index, what: str) -> np.ndarray:
    return as_vector(data, kinds, what, InvalidEconomyError)


def _goods(data: Any, eco: Economy, what: str, default: float = 0.0) -> np.ndarray:
    if data is None:
        return np.full(eco.n, default)
    if isinstance(data, dict | pd.Series):
        s = pd.Series(data, dtype=float)
        unknown = [g for g in s.index if g not in eco.sectors]
        if unknown:
            raise LabelMismatchError(f"{what}: unknown goods {unknown}; the economy has "
                                     f"{list(eco.sectors)}.")
        data = s.reindex(eco.sectors, fill_value=0.0)
    return as_vector(data, eco.sectors, what, InvalidEconomyError)


def marketing_limit(response: float | Callable[[float], float], price_ratio: float) -> float:
    """Marketed surplus at a procurement price ratio, from a number or a response function.

    ``response`` may be a number (the limit itself) or a callable ``q(p)``, e.g. the
    isoelastic ``q(p) = q0 (p/p0)^ε`` of DESIGN §2.3.

    >>> from nonequivalent.planning import marketing_limit
    >>> marketing_limit(lambda p: 30.0 * p ** 0.5, 0.81)
    27.0
    """
    q = float(response(price_ratio)) if callable(response) else float(response)
    if not np.isfinite(q) or q < 0:
        raise PlanError(f"marketed quantity must be finite and >= 0, got {q}.")
    return q


@dataclasses.dataclass(frozen=True, eq=False)
class StaticPlan:
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

    def __post_init__(self) -> None:
        # validate once (errors name the bad input); the plan is immutable, keep the arrays
        object.__setattr__(self, "_validated", self._arrays())

    # ---------------------------------------------------------------- inputs
    def _arrays(self) -> dict[str, Any]:
        eco = self.economy
        if not isinstance(eco, Economy):
            raise InvalidEconomyError("economy must be a nonequivalent.Economy.")
        eco.require_productive()
        kinds = eco.labour_kinds
        out: dict[str, Any] = {
            "L": _kind_vector(self.labour_supply, kinds, "labour supply"),
            "g": _goods(self.other_final_use, eco, "other final use"),
        }
        if self.capacity is None:
            out["K"] = np.full(eco.n, np.inf)
        elif isinstance(self.capacity, dict | pd.Series):
            cap = _goods(self.capacity, eco, "capacity", default=np.inf)
            given = pd.Series(self.capacity).index
            out["K"] = np.where(eco.sectors.isin(given), cap, np.inf)
        else:
            out["K"] = _goods(self.capacity, eco, "capacity")
        for attr, kind in (("worker_basket", self.worker_kind),
                           ("peasant_basket", self.peasant_kind)):
            b = getattr(self, attr)
            out[attr] = None if b is None else _goods(b, eco, attr.replace("_", " "))
            if b is not None and kind not in kinds:
                raise LabelMismatchError(f"{attr} needs the labour kind {kind!r}; the "
                                         f"economy has {list(kinds)}.")
        for attr in ("real_wage_floor", "subsistence", "trade_deficit"):
            v = float(getattr(self, attr))
            if not np.isfinite(v) or v < 0:
                raise PlanError(f"{attr} must be finite and >= 0, got {v}.")
        if self.marketed_good is not None:
            if self.marketed_good not in eco.sectors:
                raise LabelMismatchError(f"marketed_good {self.marketed_good!r} is not a "
                                         f"sector of the economy {list(eco.sectors)}.")
            if self.marketed_limit is None:
                raise PlanError("marketed_good needs a marketed_limit (see marketing_limit).")
            marketing_limit(self.marketed_limit, 1.0)
        out["pw"] = None
        if self.world_prices is not None:
            pw = pd.Series(self.world_prices, dtype=float)
            unknown = [g for g in pw.index if g not in eco.sectors]
            if unknown or (pw <= 0).any() or not np.isfinite(pw).all():
                raise PlanError(f"world prices must be finite, > 0 and for goods of the "
                                f"economy; check {unknown or list(pw.index)}.")
            out["pw"] = pw
        if self.objective not in ("accumulation", "target"):
            raise PlanError(f"objective must be 'accumulation' or 'target', got "
                            f"{self.objective!r}.")
        if self.objective == "target":
            t = _goods(self.target, eco, "target bundle")
            if not (t > 0).any():
                raise PlanError("the target bundle needs at least one positive entry.")
            out["t"] = t
        out["v"] = (eco.values_array if self.valuation is None
                    else _goods(self.valuation, eco, "valuation"))
        return out

    # ---------------------------------------------------------------- model
    def build(self) -> LinearProgram:
        """The plan as a :class:`~nonequivalent.planning.LinearProgram` with named rows."""
        return self._build()[0]

    def _build(self) -> tuple[LinearProgram, dict[str, slice], dict[str, slice]]:
        eco = self.economy
        p = self._validated
        n = eco.n
        goods = labels(eco.sectors)
        A = eco.A.toarray() if eco.is_sparse else np.asarray(eco.A)
        Lk = eco.labour
        kinds = eco.labour_kinds
        eye = sp.identity(n, format="csr")
        groups = [ColGroup("output", goods)]
        balance: dict[str, Any] = {"output": sp.csr_array(np.eye(n) - A)}
        families: list[RowFamily] = []
        target = self.objective == "target"
        groups.append(ColGroup("accumulation", goods,
                               cost=0.0 if target else p["v"]))
        balance["accumulation"] = -eye
        bw, bp = p["worker_basket"], p["peasant_basket"]
        if bw is not None:
            groups.append(ColGroup("cw", ["workers"], prefix="consumption"))
        if bp is not None:
            groups.append(ColGroup("cp", ["peasants"], prefix="consumption"))
        if bw is not None:
            balance["cw"] = -bw.reshape(n, 1)
        if bp is not None:
            balance["cp"] = -bp.reshape(n, 1)
        pw = p["pw"]
        if pw is not None:
            tradable = [g for g in eco.sectors if g in pw.index]
            pos = eco.sectors.get_indexer(tradable)
            E = sp.csr_array((np.ones(len(pos)), (pos, np.arange(len(pos)))),
                             shape=(n, len(pos)))
            groups += [ColGroup("exports", labels(tradable)),
                       ColGroup("imports", labels(tradable))]
            balance["exports"] = -E
            balance["imports"] = E
        if target:
            groups.append(ColGroup("bundles", ["target"], cost=1.0))
        families.append(RowFamily("balance", goods, balance, lower=p["g"]))
        families.append(RowFamily("labour", labels(kinds), {"output": Lk},
                                  upper=p["L"]))
        finite = np.flatnonzero(np.isfinite(p["K"]))
        if finite.size:
            sel = sp.csr_array((np.ones(finite.size), (np.arange(finite.size), finite)),
                               shape=(finite.size, n))
            families.append(RowFamily("capacity", labels(eco.sectors[finite]),
                                      {"output": sel}, upper=p["K"][finite]))
        if bw is not None:
            lw = Lk[kinds.get_loc(self.worker_kind)]
            families.append(RowFamily(
                "wage_floor", ["workers"],
                {"cw": np.ones((1, 1)),
                 "output": -float(self.real_wage_floor) * lw.reshape(1, n)}, lower=0.0))
        if bp is not None:
            Lp = p["L"][kinds.get_loc(self.peasant_kind)]
            families.append(RowFamily("subsistence", ["peasants"],
                                      {"cp": np.ones((1, 1))},
                                      lower=float(self.subsistence) * Lp))
        if self.marketed_good is not None:
            gi = eco.sectors.get_loc(self.marketed_good)
            row = np.zeros((1, n))
            row[0, gi] = 1.0 - A[gi, gi]
            blocks: dict[str, Any] = {"output": row}
            if bp is not None:
                blocks["cp"] = np.array([[-bp[gi]]])
            families.append(RowFamily("marketing", labels([self.marketed_good]), blocks,
                                      upper=marketing_limit(self.marketed_limit, 1.0)))
        if pw is not None:
            w = pw.reindex(tradable).to_numpy(float).reshape(1, -1)
            families.append(RowFamily("trade_balance", ["world prices"],
                                      {"exports": w, "imports": -w},
                                      lower=-float(self.trade_deficit)))
        if target:
            t = p["t"]
            pos = np.flatnonzero(t > 0)
            sel = sp.csr_array((np.ones(pos.size), (np.arange(pos.size), pos)),
                               shape=(pos.size, n))
            families.append(RowFamily("target", labels(eco.sectors[pos]),
                                      {"accumulation": sel,
                                       "bundles": -t[pos].reshape(-1, 1)}, lower=0.0))
        return assemble(groups, families, "max", self.name)

    def solve(self, solver: str = "highs", **options: Any) -> PlanResult:
        """Build and solve the plan; see :func:`~nonequivalent.planning.solve_lp` options."""
        return solve_static_plan(self, solver, **options)


@dataclasses.dataclass(frozen=True, eq=False)
class PlanResult:
    """The optimal static plan, its shadow prices and the group flows it implies.

    Attributes
    ----------
    plan : StaticPlan
    solution : LPSolution
        The solved program (values, shadow prices, solver diagnostics).
    objective : float
    output, accumulation, exports, imports : Series by good
    consumption : Series by group (baskets)
    shadow_prices : Series by constraint name (``∂ objective / ∂ bound``; see
        :mod:`nonequivalent.planning.solvers` for the sign convention)
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
        """Kantorovich's valuations of the goods (>= 0): objective gained per extra unit.

        A balance row requires ``supply - uses >= g``; raising the requirement ``g`` lowers
        the optimum, so its shadow price is <= 0 and the valuation of the good is minus
        that shadow price (Kantorovich 1959, ch. 3, "objectively determined valuations").
        """
        eco = self.plan.economy
        y = self.shadow_prices.reindex([f"balance[{g}]" for g in eco.sectors]).to_numpy()
        return pd.Series(-y + 0.0, index=eco.sectors, name="valuation")

    @property
    def labour_valuations(self) -> pd.Series:
        """Shadow prices of an hour of each labour kind."""
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

    @property
    def degenerate(self) -> bool:
        """Whether the shadow prices are not unique (primal degeneracy)."""
        return self.solution.primal_degenerate

    def to_frame(self) -> pd.DataFrame:
        """By good: output, accumulation, trade, valuation and labour value."""
        eco = self.plan.economy
        return pd.DataFrame({"output": self.output, "accumulation": self.accumulation,
                             "exports": self.exports, "imports": self.imports,
                             "valuation": self.valuations,
                             "labour value": eco.labour_values()})

    def labour_account(self) -> pd.DataFrame:
        """Hours given and received by group in the plan (see :func:`plan_labour_account`)."""
        from .accounting import plan_labour_account
        return plan_labour_account(self)

    def summary(self) -> str:
        """A printable report."""
        lines = [f"{self.plan.name}: {self.plan.objective} = {self.objective:.6g}",
                 self.to_frame().round(4).to_string(),
                 f"consumption: {self.consumption.round(4).to_dict()}",
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
    lp, cs, _ = plan._build()
    sol = solve_lp(lp, solver, **options)
    eco = plan.economy
    x = sol.x
    out = pd.Series(x[cs["output"]], index=eco.sectors, name="output")
    acc = pd.Series(x[cs["accumulation"]], index=eco.sectors, name="accumulation")
    cons = {}
    if "cw" in cs:
        cons["workers"] = float(x[cs["cw"]][0])
    if "cp" in cs:
        cons["peasants"] = float(x[cs["cp"]][0])
    zeros = pd.Series(0.0, index=eco.sectors)
    exp, imp = zeros.rename("exports"), zeros.rename("imports")
    if "exports" in cs:
        tradable = [g for g in eco.sectors if g in pd.Series(plan.world_prices).index]
        exp = zeros.copy()
        exp[tradable] = x[cs["exports"]]
        imp = zeros.copy()
        imp[tradable] = x[cs["imports"]]
        exp, imp = exp.rename("exports"), imp.rename("imports")
    return PlanResult(plan, sol, sol.objective, out, acc,
                      pd.Series(cons, dtype=float, name="consumption"), exp, imp,
                      sol.duals())
