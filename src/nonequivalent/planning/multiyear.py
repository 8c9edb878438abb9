"""The multi-year plan: capacities, investment through capital coefficients, labour growth.

For years ``t = 0 .. T-1`` (labelled ``start_year + t``) choose gross outputs ``x_t``,
capacity started ``ΔK_t`` (investment), consumption of workers ``C^w_t`` and peasants
``C^p_t``, and exports/imports, subject to

* ``balance[i,y]``:        x_t - A x_t - B ΔK_t - b^w C^w_t - b^p C^p_t - e_t + m_t >= g
* ``capacity_limit[j,y]``: x_{j,t} <= K_{j,t}
* ``capital[j,y+1]``:      K_{t+1} = (1 - δ_t) K_t + ΔK_{t-τ}     (gestation lag τ years)
* ``labour[k,y]``:         Σ_j l_kj x_{j,t} <= L_{k,t}
* ``wage_floor[y]``:       C^w_t >= f^w_t · (hours worked by workers in t)
* ``subsistence[y]``:      C^p_t >= f^p_t · L^p_t
* ``marketing[g,y]``:      (1 - a_gg) x_{g,t} - b^p_g C^p_t <= q_t
* ``trade_balance[y]``:    p^w·(e_t - m_t) >= -D_t
* ``tempo[y]`` (optional): λ B ΔK_t <= s · l x_t   (investment, in labour values, at most a
  share s of living labour; note λ(I - A) = l, so l x_t is net output in labour values)

* ``wage_cap[workers,y]`` (optional): C^w_t <= cap_t · (hours worked by workers in t)
* ``post_terminal[j,y]`` (the terminal rule, for the last τ years y = T-τ .. T-1, whose
  investment matures after the plan): ΔK_{j,y} >= (g + δ_j)(1 + g)^{k-1} K_{j,T}, k = y -
  (T - τ) + 1, so that capacity keeps growing at the post-terminal rate g after the plan

The terminal rule. Capacity started in the last τ years of a plan is ready only after it,
so a plan that counts nothing beyond its horizon stops investing there: heavy industry's
output drops to zero in the final year, and with it worker hours and workers' consumption
(an end-of-horizon artefact, not a property of the variant). Following the planning
literature, investment in the final years must sustain a stated post-terminal growth rate
``g`` of every sector's capacity (the terminal condition of R. S. Eckaus and K. S. Parikh,
*Planning for Growth*, 1968, ch. 2; S. Chakravarty, "Optimal savings with finite planning
horizon", *International Economic Review* 3, 1962), and the capacity objectives value the
terminal stock with the capacity under construction at the end of the plan (capacity
started in the last τ years counts as capacity, before its depreciation after T). The
default ``g`` is :data:`DEFAULT_POST_TERMINAL_GROWTH`; ``post_terminal_growth=None`` drops
the rule (the plan then ends with the artefact). With no gestation lag (τ = 0) every
investment matures within the plan and the rule adds nothing.

with the objective of the variant: terminal capacity of heavy industry ``K_{h,T}`` (plus
the heavy capacity under construction, under the terminal rule)
(Feldman's priority, the 1929 "maximum variant"); discounted consumption per head,
``Σ_t β^t Σ_g λ·b^g C^g_t / L^g_t`` (the labour value of each group's consumption per hour
of its labour supply, summed over the two groups) with terminal capacities kept; or
Kantorovich's target: the largest ``θ`` with ``K_T >= θ k`` for a bundle ``k`` of terminal
capacities.

The consumption objective counts consumption *per head* of each group, not in total: a
total weights every hour of labour value alike, so the optimum is indifferent between
feeding workers and peasants and lands on an arbitrary vertex (in the calibrated plan, a
real wage of 1.3-1.9 times the base with negative surplus labour of workers). Per head,
an hour of labour value given to the smaller group counts for more, so consumption is
spread over both groups; with a ``real_wage_cap`` the workers' real wage rises up to the
cap and the rest of what can be consumed goes to the peasants. The per-head weighting and
any cap are modelling assumptions of the variant, not records.

Labour supply by kind grows as ``L_{k,t} = L_{k,0} (1 + g_k)^t``, plus ``migration`` hours a
year moved from peasants to workers and ``womens_entry`` hours a year added to workers
(cumulative), or is given year by year as a DataFrame.

Sources: the dynamic Leontief model with capital coefficients, W. Leontief et al., *Studies
in the Structure of the American Economy* (1953), ch. 3, and Dorfman, Samuelson and Solow,
*Linear Programming and Economic Analysis* (1958), ch. 11-12; capacity planning with
gestation lags, L. V. Kantorovich, *The Best Use of Economic Resources* (1959), ch. 4; the
first five-year plan variants, E. Zaleski, *Planning for Economic Growth in the Soviet Union,
1918-1932* (1971), and R. W. Davies, *The Industrialisation of Soviet Russia* vol. 3 (1989).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._results import _frame_text, format_number
from ..core.economy import Economy
from ..errors import InvalidEconomyError, InvalidPlanError, LabelMismatchError
from ._checks import finite_result, real, whole
from ._common import (
    PlanModelMixin,
    PlanResultMixin,
    check_economy,
    floor_market_trade_rows,
    goods,
    kind_vector,
    net_output_block,
    per_year,
    read_uses,
    shared_inputs,
    target_row,
    use_columns,
    valuations_from,
)
from ._model import (
    Block,
    ColGroup,
    RowFamily,
    assemble,
    diagonal,
    frame,
    kron_eye,
    labels,
    selector,
)
from .lp import LinearProgram
from .solution import LPSolution
from .solvers import solve_lp, solver_keywords

__all__ = ["DEFAULT_POST_TERMINAL_GROWTH", "MultiYearPlan", "MultiYearResult",
           "solve_multiyear_plan"]

Objective = Literal["heavy_capacity", "consumption", "target"]

#: Longest plan accepted (years): far beyond any planning horizon, small enough to build.
MAX_YEARS = 1000
#: Default post-terminal growth rate g of capacity in the terminal rule (a year). A
#: modelling choice, not a record: capacity keeps growing after the plan at the natural
#: growth of the labour supply in the calibration (1% a year,
#: ``variants.CAL_LABOUR_GROWTH``). With the capacity under construction valued it removes
#: the end-of-horizon collapse from every built-in variant (tests/test_planning.py pins
#: this for horizons of 5 and 8 years); 3% a year is more than the NEP variant's tempo
#: limit allows (its plan becomes infeasible).
DEFAULT_POST_TERMINAL_GROWTH = 0.01


@dataclasses.dataclass(frozen=True, eq=False)
class MultiYearPlan(PlanModelMixin):
    """Parameters of a T-year plan (see the module docstring for the LP).

    Parameters
    ----------
    economy : Economy
        Must carry capital coefficients ``B`` (``Economy(..., capital=B)``).
    years : int
        Number of plan years T (1 to :data:`MAX_YEARS`).
    initial_capacity : mapping or Series
        Capacities ``K_0`` by sector (>= 0).
    labour_supply : mapping, Series or DataFrame
        Hours by kind in year 0, or a kinds x years DataFrame of the whole path.
    start_year : int
        Label of year 0 (e.g. 1928).
    depreciation : float or mapping
        δ by sector (share of capacity lost a year), in [0, 1).
    gestation_lag : int
        Years between starting capacity and its use (0: ready next year; at most
        :data:`MAX_YEARS`).
    labour_growth : mapping, optional
        Natural growth rate of every kind's supply (e.g. ``{"worker": 0.02}``), each
        above -1; kinds not named do not grow.
    migration : float
        Hours a year moved from ``peasant_kind`` to ``worker_kind`` (cumulative).
    womens_entry : float
        Hours a year added to ``worker_kind`` by women entering waged work (cumulative).
    worker_basket, peasant_basket, real_wage_floor, subsistence, worker_kind,
    peasant_kind, marketed_good, world_prices, other_final_use :
        As in :class:`~nonequivalent.StaticPlan`; floors may be one value per year.
    marketed_limit : float or sequence
        Marketed surplus per year (see :func:`~nonequivalent.planning.marketing_limit`).
    livestock_loss : float or sequence
        Extra share of the marketed good's capacity lost a year (draught animals
        slaughtered), on top of its depreciation.
    trade_deficit : float or sequence
    max_investment_share : float, optional
        The tempo limit ``s`` (row ``tempo``).
    objective : {"heavy_capacity", "consumption", "target"}
    heavy_sector : label
        Sector whose terminal capacity is maximized by ``"heavy_capacity"``.
    real_wage_cap : float or sequence, optional
        Upper limit of the workers' real wage (index of ``worker_basket`` per hour
        worked), one value or one per year; must not lie below ``real_wage_floor``.
    discount : float
        β in the ``"consumption"`` objective, in (0, 1].
    terminal_capacity : float, optional
        Require ``K_T >= terminal_capacity · K_0``. Default for ``"consumption"``: keep
        capacity, ``K_T >= K_0``; a plan no longer than the gestation lag τ (``T <= τ``)
        cannot invest in time, so it keeps what depreciation leaves,
        ``K_T >= Π_t (1 - δ_t) K_0``. None for the other objectives.
    target : mapping or Series, optional
        Bundle of terminal capacities for ``"target"``.
    post_terminal_growth : float or None
        The terminal rule's post-terminal growth rate ``g`` of capacity (a year, >= 0;
        default :data:`DEFAULT_POST_TERMINAL_GROWTH`): investment in the last τ years
        must let every sector's capacity grow at ``g`` after the plan (Eckaus and Parikh
        1968), and the capacity objectives count capacity under construction. None drops
        the rule. See the module docstring and :attr:`MultiYearResult.terminal_rule`.
    name : str

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.0]], labour=[1.0], sectors=["steel"], capital=[[2.0]])
    >>> plan = ne.MultiYearPlan(eco, years=2, initial_capacity={"steel": 10.0},
    ...                         labour_supply={"labour": 100.0}, heavy_sector="steel")
    >>> res = plan.solve()
    >>> res.capacity.round(6)     # 10 -> +5 -> +7.5 (half of output invested, B = 2)
    year   0     1      2
    sector
    steel  10.0  15.0  22.5
    """

    economy: Economy
    years: int
    initial_capacity: Any
    labour_supply: Any
    start_year: int = 0
    depreciation: Any = 0.0
    gestation_lag: int = 0
    labour_growth: Any = None
    migration: float = 0.0
    womens_entry: float = 0.0
    worker_basket: Any = None
    peasant_basket: Any = None
    real_wage_floor: Any = 0.0
    subsistence: Any = 0.0
    worker_kind: Hashable = "worker"
    peasant_kind: Hashable = "peasant"
    marketed_good: Hashable | None = None
    marketed_limit: Any = None
    livestock_loss: Any = 0.0
    world_prices: Any = None
    trade_deficit: Any = 0.0
    other_final_use: Any = None
    max_investment_share: float | None = None
    real_wage_cap: Any = None
    objective: Objective = "heavy_capacity"
    heavy_sector: Hashable | None = None
    discount: float = 1.0
    terminal_capacity: float | None = None
    target: Any = None
    post_terminal_growth: float | None = DEFAULT_POST_TERMINAL_GROWTH
    name: str = "multi-year plan"

    @property
    def year_labels(self) -> pd.Index:
        """Labels of the plan years."""
        return pd.Index([self.start_year + t for t in range(self._horizon())], name="year")

    def _horizon(self) -> int:
        """The number of plan years, checked (a positive integer)."""
        whole(self.start_year, "start_year", minimum=-10**6, maximum=10**6)
        return whole(self.years, "years (the number of plan years)", minimum=1,
                     maximum=MAX_YEARS)

    # ---------------------------------------------------------------- inputs
    def labour_path(self) -> pd.DataFrame:
        """Labour supply by kind and year (hours), with growth, migration and women's entry.

        >>> import nonequivalent as ne
        >>> eco = ne.Economy([[0.0, 0.0], [0.0, 0.0]], sectors=["grain", "steel"],
        ...                  labour={"peasant": [1, 0], "worker": [0, 1]},
        ...                  capital=[[0, 0], [1, 1]])
        >>> ne.MultiYearPlan(eco, 3, [1, 1], {"peasant": 100, "worker": 50},
        ...                  migration=5, womens_entry=2, heavy_sector="steel").labour_path()
        year             0     1     2
        labour kind
        peasant      100.0  95.0  90.0
        worker        50.0  57.0  64.0
        """
        eco = self.economy
        T = self._horizon()
        kinds = eco.labour_kinds
        yl = self.year_labels
        if isinstance(self.labour_supply, pd.DataFrame):
            df = self.labour_supply
            if set(df.index) != set(kinds) or len(df.columns) != T:
                raise LabelMismatchError(
                    f"labour supply table must have the kinds {list(kinds)} as rows and "
                    f"{T} year columns; got {list(df.index)} x {len(df.columns)}.")
            arr = df.reindex(kinds).to_numpy(dtype=float)
            if not np.isfinite(arr).all() or (arr < 0).any():
                raise InvalidPlanError("labour supply must be finite and >= 0 in every year.")
            return pd.DataFrame(arr, index=kinds, columns=yl)
        L0 = kind_vector(self.labour_supply, kinds, "labour supply")
        growth = np.zeros(len(kinds))
        if self.labour_growth is not None:
            lg = self.labour_growth
            if not isinstance(lg, dict | pd.Series):
                raise InvalidPlanError(
                    "labour_growth must be a mapping of labour kind to growth rate "
                    f"(e.g. {{{kinds[0]!r}: 0.02}}), got {lg!r}.")
            rates = {k: real(v, f"labour_growth[{k!r}]", lower=-1.0, lower_open=True)
                     for k, v in lg.items()}
            bad = [k for k in rates if k not in kinds]
            if bad:
                raise LabelMismatchError(f"labour_growth names unknown kinds {bad}.")
            growth = pd.Series(rates, dtype=float).reindex(kinds, fill_value=0.0).to_numpy()
        t = np.arange(T)
        with np.errstate(over="ignore"):
            path = L0[:, None] * (1.0 + growth[:, None]) ** t[None, :]
        finite_result(path, "the labour supply grown at labour_growth",
                      "give a growth rate that keeps the supply below about 1e308")
        for amount, src, dst in ((real(self.migration, "migration", lower=0.0),
                                  self.peasant_kind, self.worker_kind),
                                 (real(self.womens_entry, "womens_entry", lower=0.0), None,
                                  self.worker_kind)):
            if amount == 0:
                continue
            for kind in (src, dst):
                if kind is not None and kind not in kinds:
                    raise LabelMismatchError(f"labour kind {kind!r} is not in the economy "
                                             f"{list(kinds)}.")
            if src is not None:
                path[kinds.get_loc(src)] -= amount * t
            path[kinds.get_loc(dst)] += amount * t
        if (path < 0).any():
            raise InvalidPlanError("migration exhausts the peasant labour supply within the plan; "
                            "lower migration or shorten the plan.")
        return pd.DataFrame(path, index=kinds, columns=yl)

    def _arrays(self) -> dict[str, Any]:
        eco = check_economy(self.economy)
        if eco.capital is None:
            raise InvalidEconomyError(
                "the multi-year plan needs capital coefficients B: build the economy with "
                "Economy(A, labour, capital=B) (B[i, j] = stock of good i per unit capacity "
                "of sector j).")
        T = self._horizon()
        lag = whole(self.gestation_lag, "gestation_lag (years)", minimum=0, maximum=MAX_YEARS)
        if self.objective not in ("heavy_capacity", "consumption", "target"):
            raise InvalidPlanError("objective must be 'heavy_capacity', 'consumption' or "
                                   f"'target', got {self.objective!r}.")
        out = shared_inputs(self, eco, T)
        out.update(T=T, lag=lag, K0=goods(self.initial_capacity, eco, "initial capacity"),
                   L=self.labour_path().to_numpy())
        dep = self.depreciation
        delta = (goods(dep, eco, "depreciation") if isinstance(dep, dict | pd.Series)
                 or np.ndim(dep) == 1 else np.full(eco.n, real(dep, "depreciation")))
        if not np.isfinite(delta).all() or (delta < 0).any() or (delta >= 1).any():
            raise InvalidPlanError("depreciation must lie in [0, 1) for every sector.")
        loss = per_year(self.livestock_loss, T, "livestock_loss")
        D = np.tile(delta, (T, 1))  # D[t, j]: depreciation of K_t during year t
        if loss.any():
            if self.marketed_good is None:
                raise InvalidPlanError("livestock_loss applies to the marketed good's "
                                       "capacity; set marketed_good.")
            D[:, eco.sectors.get_loc(self.marketed_good)] += loss
            if (D >= 1).any():
                raise InvalidPlanError("depreciation plus livestock loss reaches 100% of "
                                       "capacity.")
        out["D"] = D
        if self.max_investment_share is not None:
            out["s"] = real(self.max_investment_share, "max_investment_share", lower=0.0)
        if self.objective == "heavy_capacity" and self.heavy_sector not in eco.sectors:
            raise LabelMismatchError(f"heavy_sector {self.heavy_sector!r} is not a sector "
                                     f"{list(eco.sectors)}.")
        if self.objective == "consumption" and (out["worker_basket"] is None
                                                and out["peasant_basket"] is None):
            raise InvalidPlanError("the consumption objective needs worker_basket or "
                                   "peasant_basket.")
        out["beta"] = real(self.discount, "discount", lower=0.0, upper=1.0, lower_open=True)
        tc = self.terminal_capacity
        if tc is not None:
            out["tc"] = real(tc, "terminal_capacity", lower=0.0)
        elif self.objective == "consumption":
            # keep capacity (K_T >= K_0); within the gestation lag (T <= lag) no investment
            # can reach K_T, so only what depreciation leaves can be kept
            out["tc"] = np.prod(1.0 - D, axis=0) if T <= lag else 1.0
        else:
            out["tc"] = None
        g = self.post_terminal_growth
        out["g_post"] = None if g is None else real(g, "post_terminal_growth", lower=0.0,
                                                    upper=1.0)
        return out

    def terminal_rule(self) -> str:
        """The terminal rule of this plan, in words (with its parameter).

        >>> from nonequivalent.planning import base_plan
        >>> print(base_plan().terminal_rule())  # doctest: +NORMALIZE_WHITESPACE
        terminal rule: investment in the last year sustains 1% a year growth of every
        sector's capacity after the plan (Eckaus & Parikh 1968); capacity under
        construction counts as capacity
        """
        p = self._validated
        g, lag, T = p["g_post"], p["lag"], p["T"]
        if g is None:
            return ("terminal rule: none (investment that matures after the plan counts for "
                    "nothing; the final years show an end-of-horizon artefact)")
        if lag == 0:
            return (f"terminal rule: post-terminal growth {g:.0%} a year (no gestation lag: "
                    "every investment matures within the plan, so the rule adds nothing)")
        years = "year" if min(lag, T) == 1 else f"{min(lag, T)} years"
        return (f"terminal rule: investment in the last {years} sustains {g:.0%} a year "
                "growth of every sector's capacity after the plan (Eckaus & Parikh 1968); "
                "capacity under construction counts as capacity")

    def _post_terminal_years(self) -> range:
        """Plan years (0-based) whose investment matures after the plan (the last τ)."""
        p = self._validated
        if p["g_post"] is None:
            return range(0)
        return range(max(p["T"] - p["lag"], 0), p["T"])

    # ---------------------------------------------------------------- model
    def _build(self) -> tuple[LinearProgram, dict[str, slice], dict[str, slice]]:
        eco = self.economy
        p = self._validated
        n, T, lag = eco.n, p["T"], p["lag"]
        nT = n * T
        yl = [self.start_year + t for t in range(T)]
        kl = [self.start_year + t + 1 for t in range(T)]  # K_{t+1} labels
        B = eco.capital
        sec = eco.sectors.tolist()
        lam = eco.values_array
        kinds = eco.labour_kinds

        cost_out = np.zeros(nT)
        cost_inv = np.zeros(nT)
        late = self._post_terminal_years()  # investment maturing after the plan
        if self.objective == "heavy_capacity":
            h = eco.sectors.get_loc(self.heavy_sector)
            cost_out[(T - 1) * n + h] = 1.0
            cost_inv[[t * n + h for t in late]] = 1.0  # capacity under construction
        sec_yl = labels(sec, yl)  # "good,year" labels, made once
        groups = [ColGroup("output", sec_yl),
                  ColGroup("investment", sec_yl, cost=cost_inv),
                  ColGroup("capacity", labels(sec, kl), cost=cost_out)]
        bal: dict[str, Any] = {"output": kron_eye(T, net_output_block(eco)),
                               "investment": kron_eye(T, -B)}
        cons_cost: dict[str, Any] = {}
        if self.objective == "consumption":
            # consumption per head: labour value per hour of the group's labour supply
            beta_t = p["beta"] ** np.arange(T)
            for key, basket, kind in (("cw", "worker_basket", self.worker_kind),
                                      ("cp", "peasant_basket", self.peasant_kind)):
                if p[basket] is not None:
                    heads = p["L"][kinds.get_loc(kind)]
                    cons_cost[key] = np.divide(beta_t * float(lam @ p[basket]), heads,
                                               out=np.zeros(T), where=heads > 0)
        use_columns(eco, p, yl, groups, bal, cons_cost)
        if self.objective == "target":
            groups.append(ColGroup("bundles", ["target"], cost=1.0))

        fams = [RowFamily("balance", sec_yl, bal, lower=np.tile(p["g"], T))]
        # output <= capacity: x_t - K_t <= 0 (t >= 1), x_0 <= K_0
        up = np.zeros(nT)
        up[:n] = p["K0"]
        fams.append(RowFamily("capacity_limit", sec_yl,
                              {"output": diagonal(np.ones(nT), (nT, nT)),
                               "capacity": diagonal(-np.ones(nT - n), (nT, nT), n)},
                              upper=up))
        # K_{t+1} - (1 - δ_t) K_t - ΔK_{t-lag} = 0 ;  t = 0: rhs (1 - δ_0) K_0
        keep = 1.0 - p["D"]  # (T, n)
        cap_blk = diagonal(np.ones(nT), (nT, nT))
        sub = diagonal(-keep[1:].reshape(-1), (nT, nT), n)
        cap_blk = Block(np.concatenate([cap_blk.rows, sub.rows]),
                        np.concatenate([cap_blk.cols, sub.cols]),
                        np.concatenate([cap_blk.vals, sub.vals]), (nT, nT))
        rhs = np.zeros(nT)
        rhs[:n] = keep[0] * p["K0"]
        fams.append(RowFamily("capital", labels(sec, kl),
                              {"capacity": cap_blk,
                               "investment": diagonal(-np.ones(max(nT - lag * n, 0)),
                                                      (nT, nT), lag * n)},
                              lower=rhs, upper=rhs))
        fams.append(RowFamily("labour", labels(kinds, yl),
                              {"output": kron_eye(T, eco.labour)},
                              upper=p["L"].T.reshape(-1)))
        floor_market_trade_rows(self, eco, p, yl, fams)
        if self.max_investment_share is not None:
            s = p["s"]
            fams.append(RowFamily(
                "tempo", [str(y) for y in yl],
                {"investment": kron_eye(T, (lam @ B).reshape(1, n)),
                 "output": kron_eye(T, -s * eco.total_labour.reshape(1, n))}, upper=0.0))
        if self.objective == "target":
            fam = target_row(eco, p["t"], "capacity", nT, (T - 1) * n)
            pos = np.flatnonzero(p["t"] > 0)
            if len(late):  # capacity under construction counts toward the bundle
                fam.blocks["investment"] = Block(
                    np.tile(np.arange(len(pos)), len(late)),
                    np.concatenate([pos + t * n for t in late]),
                    np.ones(len(pos) * len(late)), (len(pos), nT))
            fams.append(fam)
        if len(late):
            g = p["g_post"]
            k = np.arange(1, len(late) + 1)
            # (g + δ_j)(1 + g)^(k-1): sector-major within each late year
            coef = ((g + p["D"][T - 1])[None, :] * ((1.0 + g) ** (k - 1))[:, None]).ravel()
            m = len(late) * n
            inv_cols = np.concatenate([np.arange(n) + t * n for t in late])
            cap_cols = np.tile(np.arange(n) + (T - 1) * n, len(late))
            fams.append(RowFamily(
                "post_terminal", labels(sec, [yl[t] for t in late]),
                {"investment": Block(np.arange(m), inv_cols, np.ones(m), (m, nT)),
                 "capacity": Block(np.arange(m), cap_cols, -coef, (m, nT))}, lower=0.0))
        if p["tc"] is not None:
            fams.append(RowFamily("terminal", labels(sec),
                                  {"capacity": selector(np.arange(n), nT, (T - 1) * n)},
                                  lower=p["tc"] * p["K0"]))
        return assemble(groups, fams, "max", self.name)

    def solve(self, solver: str = "highs", **options: Any) -> MultiYearResult:
        """Build and solve; options as :func:`~nonequivalent.planning.solve_lp`."""
        return solve_multiyear_plan(self, solver, **options)


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class MultiYearResult(PlanResultMixin):
    """The optimal multi-year plan: paths as labelled DataFrames, and shadow prices.

    Attributes
    ----------
    plan : MultiYearPlan
    solution : LPSolution
    objective : float
    output, investment : DataFrame (sector x year)
    capacity : DataFrame (sector x year, from ``start_year`` to ``start_year + T``)
    consumption : DataFrame (group x year, in baskets)
    exports, imports : DataFrame (tradable good x year; empty without world prices)
    shadow_prices : Series by constraint name
        ``∂ objective / ∂ bound`` (sign convention of :mod:`nonequivalent.planning.solvers`:
        ``>= 0`` for upper limits such as ``labour`` and ``capacity_limit``, ``<= 0`` for
        requirements and floors such as ``balance`` and ``wage_floor``); by family and year
        with :meth:`duals`, and the goods' valuations (``>= 0``) with :attr:`valuations`.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.0]], labour=[1.0], sectors=["steel"], capital=[[2.0]])
    >>> res = ne.MultiYearPlan(eco, 2, {"steel": 10.0}, {"labour": 100.0},
    ...                        heavy_sector="steel").solve()
    >>> res.output.round(6)
    year      0     1
    sector
    steel  10.0  15.0
    >>> res.investment.round(6)   # all output becomes capacity (2 units of steel each)
    year     0    1
    sector
    steel  5.0  7.5
    >>> res.valuations.round(6)   # terminal capacity gained per unit of steel, by year
    year      0    1
    sector
    steel  0.75  0.5
    """

    plan: MultiYearPlan
    solution: LPSolution
    objective: float
    output: pd.DataFrame
    investment: pd.DataFrame
    capacity: pd.DataFrame
    consumption: pd.DataFrame
    exports: pd.DataFrame
    imports: pd.DataFrame
    shadow_prices: pd.Series

    @property
    def terminal_rule(self) -> str:
        """The plan's terminal rule and its parameter, in words (see the module docstring).

        >>> from nonequivalent.planning import LEFT_COURSE
        >>> LEFT_COURSE.solve().terminal_rule.startswith("terminal rule: investment in the last")
        True
        """
        return self.plan.terminal_rule()

    @property
    def hours(self) -> pd.DataFrame:
        """Hours worked by kind and year."""
        eco = self.plan.economy
        return pd.DataFrame(eco.labour @ self.output.to_numpy(), index=eco.labour_kinds,
                            columns=self.output.columns)

    @property
    def real_wage(self) -> pd.Series:
        """Workers' real wage index by year (baskets per hour worked; 1 = base wage)."""
        if "workers" not in self.consumption.index:
            return pd.Series(np.nan, index=self.output.columns, name="real wage")
        h = self.hours.loc[self.plan.worker_kind].to_numpy()
        c = self.consumption.loc["workers"].to_numpy()
        with np.errstate(divide="ignore", invalid="ignore"):
            rw = np.where(h > 0, c / np.where(h > 0, h, 1.0), np.nan)
        return pd.Series(rw, index=self.output.columns, name="real wage")

    @property
    def accumulation(self) -> pd.Series:
        """Gross investment ``λ B ΔK_t`` by year, in hours of labour value."""
        eco = self.plan.economy
        lb = eco.values_array @ eco.capital
        return pd.Series(lb @ self.investment.to_numpy(), index=self.output.columns,
                         name="accumulation (hours)")

    @property
    def valuations(self) -> pd.DataFrame:
        """Kantorovich's valuations of the goods by year (``>= 0``), in objective units.

        Minus the shadow prices of the ``balance`` rows: the gain in the objective per
        extra unit of a good available in a year (see :attr:`PlanResult.valuations`;
        Kantorovich 1959, ch. 3 and 4).
        """
        return valuations_from(self.shadow_prices, self.plan.economy.sectors,
                               list(self.output.columns))

    def duals(self, family: str) -> pd.DataFrame | pd.Series:
        """Shadow prices of one constraint family as items x years (e.g. ``"balance"``).

        Families: balance, capacity_limit, capital, labour, wage_floor, subsistence,
        marketing, trade_balance, tempo, target, terminal, post_terminal. Sign rule (the
        library's one):
        ``∂ objective / ∂ bound``, ``>= 0`` for limits (labour, capacity_limit, marketing,
        tempo), ``<= 0`` for floors and requirements (balance, wage_floor, subsistence,
        terminal, post_terminal); :attr:`valuations` are minus the balance duals.
        """
        sp_ = self.shadow_prices
        names = [s for s in sp_.index if s.startswith(f"{family}[")]
        if not names:
            raise InvalidPlanError(f"no constraint family {family!r} in this plan.")
        keys = [s[len(family) + 1:-1] for s in names]
        if all("," in k for k in keys):
            items = [k.rsplit(",", 1) for k in keys]
            df = pd.DataFrame({"item": [a for a, _ in items], "year": [b for _, b in items],
                               "v": sp_[names].to_numpy()})
            out = df.pivot(index="item", columns="year", values="v")
            return out.reindex(columns=sorted(out.columns, key=int))
        return pd.Series(sp_[names].to_numpy(), index=keys, name=family)

    def to_frame(self) -> pd.DataFrame:
        """Long table: one row per (sector, year) with output, investment and capacity."""
        df = pd.concat({"output": self.output.stack(), "investment": self.investment.stack(),
                        "capacity": self.capacity.iloc[:, :-1].stack()}, axis=1)
        df.index.names = ["sector", "year"]
        return df

    def summary(self) -> str:
        """A printable report."""
        return "\n".join([self.title,
                          f"{self.plan.name}: {self.plan.objective} = "
                          f"{format_number(self.objective)}",
                          self.terminal_rule,
                          "capacity:", _frame_text(self.capacity, {}),
                          "real wage:", self.real_wage.map(format_number).to_string(),
                          self._duals_text(),
                          str(self.solution)])

    __str__ = summary


def solve_multiyear_plan(plan: MultiYearPlan, solver: str = "highs",
                         **options: Any) -> MultiYearResult:
    """Solve a :class:`MultiYearPlan` and label the paths.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.0]], labour=[1.0], sectors=["steel"], capital=[[1.0]])
    >>> plan = ne.MultiYearPlan(eco, 1, {"steel": 4.0}, {"labour": 10.0},
    ...                         heavy_sector="steel", depreciation=0.5)
    >>> ne.solve_multiyear_plan(plan, "highs-direct").objective   # 0.5*4 + 4
    6.0
    """
    solver_keywords(options, "solve")
    lp, cs, _ = plan._build()
    sol = solve_lp(lp, solver, **options)
    eco = plan.economy
    yl = plan.year_labels
    x = sol.x
    out = frame(x[cs["output"]], eco.sectors, yl)
    inv = frame(x[cs["investment"]], eco.sectors, yl)
    K = frame(x[cs["capacity"]], eco.sectors,
              pd.Index([plan.start_year + t + 1 for t in range(len(yl))], name="year"))
    K0 = plan._validated["K0"]
    cap = pd.concat([pd.DataFrame({plan.start_year: K0}, index=eco.sectors), K], axis=1)
    cap.columns.name = "year"
    cap.index.name = "sector"
    rows, tradable, e, m = read_uses(eco, plan._validated, cs, x)
    cons = pd.DataFrame(rows, index=yl).T if rows else pd.DataFrame(columns=yl)
    cons.index.name = "group"
    exp, imp = frame(e, tradable, yl), frame(m, tradable, yl)
    return MultiYearResult(plan, sol, sol.objective, out, inv, cap, cons, exp, imp,
                           sol.duals())
