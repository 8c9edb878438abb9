"""What the static and the multi-year plan share: input checks, blocks, result reading.

A static plan is laid out as a one-year plan whose labels carry no year, so the consumption
and trade columns and the wage-floor, subsistence, marketing and trade-balance rows are
built here once, for ``T`` years (``years=None``: one year, unlabelled).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .._results import Result, format_number
from .._validation import as_vector
from ..core.economy import Economy
from ..errors import InvalidEconomyError, InvalidPlanError, LabelMismatchError
from ._checks import numbers_only, real, whole
from ._model import ColGroup, RowFamily, diagonal, kron_eye, labels, scaled, selector
from .lp import LinearProgram

__all__: list[str] = []


# ---------------------------------------------------------------------- plans
class PlanModelMixin:
    """What the static and the multi-year plan share: inputs checked once, at construction
    (the plan is immutable, so the checked arrays are kept for building), and the program.

    A plan class defines ``_arrays()`` (the checked inputs, errors naming the bad input) and
    ``_build()`` (the program with its column and row slices).
    """

    def __post_init__(self) -> None:
        object.__setattr__(self, "_validated", self._arrays())  # type: ignore[attr-defined]

    def build(self) -> LinearProgram:
        """The plan as a :class:`~nonequivalent.planning.LinearProgram` with named rows."""
        return self._build()[0]  # type: ignore[attr-defined]


# ---------------------------------------------------------------------- inputs
def check_economy(eco: Any) -> Economy:
    """The plan's economy, which must be a productive :class:`~nonequivalent.Economy`."""
    if not isinstance(eco, Economy):
        raise InvalidEconomyError("economy must be a nonequivalent.Economy.")
    eco.require_productive()
    return eco


def kind_vector(data: Any, kinds: pd.Index, what: str) -> np.ndarray:
    """One non-negative number per labour kind (labels must match)."""
    return as_vector(numbers_only(data, what), kinds, what, InvalidPlanError)


def goods(data: Any, eco: Economy, what: str, default: float = 0.0) -> np.ndarray:
    """One non-negative number per good (``default`` for all if ``data`` is None).

    A mapping or Series may omit goods; they get 0.
    """
    if data is None:
        return np.full(eco.n, default)
    numbers_only(data, what)
    if isinstance(data, dict | pd.Series):
        s = pd.Series(data, dtype=float)
        unknown = [g for g in s.index if g not in eco.sectors]
        if unknown:
            raise LabelMismatchError(f"{what}: unknown goods {unknown}; the economy has "
                                     f"{list(eco.sectors)}.")
        data = s.reindex(eco.sectors, fill_value=0.0)
    return as_vector(data, eco.sectors, what, InvalidPlanError)


def whole_number(value: Any, message: str, minimum: int | None = None) -> int:
    """``value`` as an int, if it is a whole number (>= ``minimum``); else InvalidPlanError."""
    try:
        return whole(value, "value", minimum=minimum)
    except InvalidPlanError:
        raise InvalidPlanError(f"{message}, got {value!r}.") from None


def per_year(value: Any, T: int, what: str) -> np.ndarray:
    """One finite non-negative value, or one per year (real numbers only)."""
    if isinstance(value, str | bytes) or np.ndim(value) > 1:
        raise InvalidPlanError(f"{what} needs one number or one per year, got {value!r}.")
    values = [value] if np.ndim(value) == 0 else list(np.asarray(value, dtype=object))
    arr = np.array([real(v, what, lower=0.0) for v in values], dtype=float)
    if arr.size == 1:
        arr = np.full(T, arr[0])
    if arr.shape != (T,):
        raise InvalidPlanError(f"{what} needs one value or one per year ({T}); got "
                               f"{arr.size}.")
    if not np.isfinite(arr).all() or (arr < 0).any():
        raise InvalidPlanError(f"{what} must be finite and >= 0; got {arr.tolist()}.")
    return arr


def marketing_limit(response: float | Callable[[float], float], price_ratio: float) -> float:
    """Marketed surplus at a procurement price ratio, from a number or a response function.

    ``response`` may be a number (the limit itself) or a callable ``q(p)``, e.g. the
    isoelastic ``q(p) = q0 (p/p0)^ε`` (Sah and Stiglitz, "The economics of
    price scissors", *AER* 74, 1984).

    >>> from nonequivalent.planning import marketing_limit
    >>> marketing_limit(lambda p: 30.0 * p ** 0.5, 0.81)
    27.0
    """
    value = response(price_ratio) if callable(response) else response
    return real(value, "marketed quantity", lower=0.0)


def shared_inputs(plan: Any, eco: Economy, T: int) -> dict[str, Any]:
    """Checked baskets, floors, marketing limit, world prices and target of a plan."""
    kinds = eco.labour_kinds
    out: dict[str, Any] = {"g": goods(plan.other_final_use, eco, "other final use")}
    for attr, kind in (("worker_basket", plan.worker_kind),
                       ("peasant_basket", plan.peasant_kind)):
        b = getattr(plan, attr)
        out[attr] = None if b is None else goods(b, eco, attr.replace("_", " "))
        if b is not None and kind not in kinds:
            raise LabelMismatchError(f"{attr} needs the labour kind {kind!r}; the economy "
                                     f"has {list(kinds)}.")
    out["fw"] = per_year(plan.real_wage_floor, T, "real_wage_floor")
    out["fp"] = per_year(plan.subsistence, T, "subsistence")
    out["D_trade"] = per_year(plan.trade_deficit, T, "trade_deficit")
    cap = getattr(plan, "real_wage_cap", None)
    out["cap"] = None if cap is None else per_year(cap, T, "real_wage_cap")
    if out["cap"] is not None and (out["cap"] < out["fw"]).any():
        raise InvalidPlanError("real_wage_cap must not lie below real_wage_floor "
                               f"(cap {out['cap'].tolist()}, floor {out['fw'].tolist()}).")
    if plan.marketed_good is not None:
        if plan.marketed_good not in eco.sectors:
            raise LabelMismatchError(f"marketed_good {plan.marketed_good!r} is not a sector "
                                     f"of the economy {list(eco.sectors)}.")
        if plan.marketed_limit is None:
            raise InvalidPlanError("marketed_good needs a marketed_limit (see "
                                   "marketing_limit).")
        q = plan.marketed_limit
        many = not isinstance(q, str | bytes) and (isinstance(q, Sequence) or np.ndim(q) == 1)
        q = [marketing_limit(v, 1.0) for v in q] if many else marketing_limit(q, 1.0)
        out["q"] = per_year(q, T, "marketed_limit")
    out["pw"] = None
    if plan.world_prices is not None:
        if not isinstance(plan.world_prices, dict | pd.Series):
            raise InvalidPlanError("world_prices must be a mapping or Series of prices by "
                                   "good.")
        pw = pd.Series(numbers_only(plan.world_prices, "world prices"), dtype=float)
        unknown = [g for g in pw.index if g not in eco.sectors]
        if unknown or (pw <= 0).any() or not np.isfinite(pw).all():
            raise InvalidPlanError("world prices must be finite, > 0 and for goods of the "
                                   f"economy; check {unknown or list(pw.index)}.")
        out["pw"] = pw
        out["tradable"] = [g for g in eco.sectors if g in pw.index]
        out["trade_pos"] = eco.sectors.get_indexer(out["tradable"])
        out["pw_vec"] = pw.reindex(out["tradable"]).to_numpy(float)
    if plan.objective == "target":
        t = goods(plan.target, eco, "target bundle")
        if not (t > 0).any():
            raise InvalidPlanError("the target bundle needs at least one positive entry.")
        out["t"] = t
    return out


# ---------------------------------------------------------------------- model blocks
def net_output_block(eco: Economy) -> Any:
    """``I - A``, the output columns' block of the balance rows (sparse stays sparse)."""
    if eco.is_sparse:
        return sp.eye_array(eco.n, format="csr") - eco.A
    return np.eye(eco.n) - eco.A


def use_columns(eco: Economy, p: dict[str, Any], years: Sequence[Hashable] | None,
                groups: list[ColGroup], balance: dict[str, Any],
                cons_cost: dict[str, Any] | None = None) -> None:
    """Consumption (``cw``, ``cp``) and trade columns, with their balance blocks."""
    n = eco.n
    T = 1 if years is None else len(years)
    cost = cons_cost or {}
    for key, group, basket in (("cw", "workers", p["worker_basket"]),
                               ("cp", "peasants", p["peasant_basket"])):
        if basket is not None:
            groups.append(ColGroup(key, labels([group], years), prefix="consumption",
                                   cost=cost.get(key, 0.0)))
            balance[key] = kron_eye(T, -basket.reshape(n, 1))
    if p["pw"] is not None:
        pos = p["trade_pos"]
        E = np.zeros((n, len(pos)))
        E[pos, np.arange(len(pos))] = 1.0
        groups += [ColGroup("exports", labels(p["tradable"], years)),
                   ColGroup("imports", labels(p["tradable"], years))]
        balance["exports"] = kron_eye(T, -E)
        balance["imports"] = kron_eye(T, E)


def floor_market_trade_rows(plan: Any, eco: Economy, p: dict[str, Any],
                            years: Sequence[Hashable] | None,
                            families: list[RowFamily]) -> None:
    """Rows ``wage_floor`` (and ``wage_cap``), ``subsistence``, ``marketing``, ``trade_balance``.

    ``C^w_t >= f^w_t l_w x_t``, ``C^w_t <= cap_t l_w x_t``, ``C^p_t >= f^p_t L^p_t``,
    ``(1 - a_gg) x_g,t - b^p_g C^p_t <= q_t`` and ``p^w (e_t - m_t) >= -D_t``. The labour
    supply ``p["L"]`` is by kind (static plan) or by kind and year (multi-year plan).
    """
    n = eco.n
    T = 1 if years is None else len(years)
    kinds = eco.labour_kinds
    bw, bp = p["worker_basket"], p["peasant_basket"]
    one = diagonal(np.ones(T), (T, T))
    if bw is not None:
        lw = kron_eye(T, -eco.labour[kinds.get_loc(plan.worker_kind)].reshape(1, n))
        families.append(RowFamily("wage_floor", labels(["workers"], years),
                                  {"cw": one, "output": scaled(lw, p["fw"])}, lower=0.0))
        if p["cap"] is not None:
            families.append(RowFamily("wage_cap", labels(["workers"], years),
                                      {"cw": one, "output": scaled(lw, p["cap"])},
                                      upper=0.0))
    if bp is not None:
        peasant_supply = p["L"][kinds.get_loc(plan.peasant_kind)]
        families.append(RowFamily("subsistence", labels(["peasants"], years), {"cp": one},
                                  lower=p["fp"] * peasant_supply))
    if plan.marketed_good is not None:
        gi = eco.sectors.get_loc(plan.marketed_good)
        row = np.zeros((1, n))
        row[0, gi] = 1.0 - float(eco.A[gi, gi])
        blocks: dict[str, Any] = {"output": kron_eye(T, row)}
        if bp is not None:
            blocks["cp"] = diagonal(np.full(T, -float(bp[gi])), (T, T))
        families.append(RowFamily("marketing", labels([plan.marketed_good], years), blocks,
                                  upper=p["q"]))
    if p["pw"] is not None:
        w = p["pw_vec"].reshape(1, -1)
        families.append(RowFamily("trade_balance", labels(["world prices"], years),
                                  {"exports": kron_eye(T, w), "imports": kron_eye(T, -w)},
                                  lower=-p["D_trade"]))


def target_row(eco: Economy, t: np.ndarray, key: str, width: int,
               offset: int) -> RowFamily:
    """Kantorovich's complete sets: ``z_i >= θ t_i`` for the goods of the bundle ``t``."""
    pos = np.flatnonzero(t > 0)
    names = eco.sectors.tolist()
    return RowFamily("target", labels([names[i] for i in pos]),
                     {key: selector(pos, width, offset),
                      "bundles": -t[pos].reshape(-1, 1)}, lower=0.0)


# ---------------------------------------------------------------------- results
def read_uses(eco: Economy, p: dict[str, Any], cs: dict[str, slice], x: np.ndarray
              ) -> tuple[dict[str, np.ndarray], pd.Index, np.ndarray, np.ndarray]:
    """Consumption by group, the tradable goods, exports and imports from a solution."""
    cons = {group: x[cs[key]] for key, group in (("cw", "workers"), ("cp", "peasants"))
            if key in cs}
    tradable = pd.Index(p.get("tradable", []), dtype=object, name="sector")
    if "exports" in cs:
        return cons, tradable, x[cs["exports"]], x[cs["imports"]]
    return cons, tradable, np.empty(0), np.empty(0)


def valuations_from(shadow_prices: pd.Series, sectors: pd.Index,
                    years: Sequence[Hashable] | None) -> pd.Series | pd.DataFrame:
    """Valuations ``-y`` of the balance rows (``>= 0``), by good (and year).

    A shadow price of a ``>=`` row in a maximization is ``<= 0`` (dual feasibility); the
    solver may return ``+1e-15`` for a zero, which is clipped so that no valuation prints
    as ``-0.0`` or ``-1e-15``. A clearly positive one would be a solver error and is kept.
    """
    names = labels(sectors, years)
    y = shadow_prices.reindex([f"balance[{s}]" for s in names]).to_numpy(dtype=float)
    tol = 1e-9 * max(1.0, float(np.max(np.abs(y), initial=0.0)))
    v = np.where((y > 0) & (y <= tol), 0.0, -y) + 0.0
    # duals of a first-order solution carry their mark (LPSolution.duals) onto valuations
    approximate = str(shadow_prices.name).startswith("approximate")
    if years is None:
        return pd.Series(v, index=sectors,
                         name="approximate valuation" if approximate else "valuation")
    return pd.DataFrame(v.reshape(len(years), len(sectors)).T, index=sectors,
                        columns=pd.Index(list(years), name="year (approximate valuations)"
                                         if approximate else "year"))


#: How every plan summary states the sign of the duals it shows.
DUAL_RULE = ("y = ∂objective/∂bound, the gain per unit of the bound: >= 0 on limits "
             "(labour, capacity), <= 0 on floors and requirements (balance, wage floor); "
             "the valuation of a good is -y of its balance row, >= 0")


def binding_duals(solution: Any, top: int = 12) -> pd.Series:
    """The largest non-zero shadow prices (by absolute value), labelled by constraint."""
    y = solution.duals()
    tol = 1e-9 * max(1.0, float(np.max(np.abs(y.to_numpy()), initial=0.0)))
    nz = y[np.abs(y) > tol]
    order = np.argsort(-np.abs(nz.to_numpy()), kind="stable")[:top]
    return nz.iloc[order]


class PlanResultMixin(Result):
    """Properties the static and the multi-year results share.

    Results are immutable all the way down: every pandas attribute is returned as a copy,
    so editing ``res.output`` changes neither the result nor what is derived from it
    (``res.hours``); the arrays of the solution are read-only (:class:`Result`).
    """

    plan: Any
    solution: Any
    #: Marks a solved plan for the accounting functions, which sit above this module.
    is_plan_result = True

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """The objective, the size of the program and the solver."""
        m, k = self.solution.lp.shape
        return [(str(self.plan.objective), self.objective, ""), ("constraints", m, ""),
                ("variables", k, "")]

    def benchmark_name(self) -> str | None:
        """The plan's name and solver."""
        return f"{self.plan.name} ({self.solution.solver})"

    def __repr__(self) -> str:
        sol = self.solution
        return (f"{type(self).__name__}({self.plan.name!r}: {self.plan.objective} = "
                f"{format_number(self.objective)}, {sol.lp.shape[0]} constraints x "
                f"{sol.lp.shape[1]} variables, {sol.solver})")

    def _duals_text(self) -> str:
        duals = binding_duals(self.solution)
        body = (duals.map(format_number).to_string() if len(duals)
                else "(none binding)")
        notes = []
        if self.solution.alternative_optima:
            notes.append("note: the LP has alternative optima (a nonbasic variable with "
                         "zero reduced cost): other plans reach the same objective")
        if self.solution.primal_degenerate:
            notes.append("note: degenerate optimum, the shadow prices are one valid set "
                         "among several")
        if self.solution.approximate:
            notes.append("note: approximate shadow prices and valuations (first-order "
                         f"method, relative dual residual "
                         f"{self.solution.residuals['dual']:.1e})")
        word = "approximate shadow prices" if self.solution.approximate else "shadow prices"
        return "\n".join([f"{word}, largest first (sign rule: {DUAL_RULE}):", body,
                          *notes])

    @property
    def degenerate(self) -> bool:
        """Whether the shadow prices are not unique (primal degeneracy)."""
        return bool(self.solution.primal_degenerate)

    def labour_account(self) -> pd.DataFrame:
        """Hours given and received by group (see ``plan_labour_account``)."""
        from .accounting import plan_labour_account
        return plan_labour_account(self)
