"""Planning LPs: worked examples with hand-derived duals, invariants, backends and errors."""

from __future__ import annotations

import dataclasses
import warnings

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

import nonequivalent as ne
from nonequivalent.planning import (
    DegeneracyWarning,
    LinearProgram,
    available_solvers,
    conflicting_constraints,
    solve_lp,
)
from tests.strategies import economies

BACKENDS = [s for s, ok in available_solvers().items() if ok]

pytestmark = pytest.mark.filterwarnings("ignore::nonequivalent.planning.DegeneracyWarning")


# ---------------------------------------------------------------------- worked examples
def kantorovich_lp() -> LinearProgram:
    """Two machine groups make parts A and B, which are assembled in complete sets 1:1.

    Kantorovich (1939), problem of the first type: maximize the number θ of complete sets.
    Machine 1 makes 4 A or 8 B an hour, machine 2 makes 6 A or 6 B an hour; one hour each.
    Columns: t1A, t1B, t2A, t2B (hours), θ.
    """
    A = [[1, 1, 0, 0, 0],           # hours[m1] <= 1
         [0, 0, 1, 1, 0],           # hours[m2] <= 1
         [4, 0, 6, 0, -1],          # sets[A]: 4 t1A + 6 t2A - θ >= 0
         [0, 8, 0, 6, -1]]          # sets[B]: 8 t1B + 6 t2B - θ >= 0
    return LinearProgram([0, 0, 0, 0, 1.0], A, row_lower=[-np.inf, -np.inf, 0, 0],
                         row_upper=[1, 1, np.inf, np.inf],
                         row_names=["hours[m1]", "hours[m2]", "sets[A]", "sets[B]"],
                         col_names=["t[m1,A]", "t[m1,B]", "t[m2,A]", "t[m2,B]", "sets"])


@pytest.mark.parametrize("backend", BACKENDS)
def test_kantorovich_allocation_by_hand(backend: str) -> None:
    # Machine 1 is relatively better at B (8/4 = 2 > 6/6 = 1): machine 2 makes only A,
    # machine 1 makes B and, to balance the sets, some A: 6 + 4t = 8(1 - t) -> t = 1/6,
    # θ = 20/3. Valuations: the sets' prices y_A + y_B = 1 (θ's column); machine 1 is used
    # on both parts, so 4 y_A = 8 y_B = u1 -> y_A = 2/3, y_B = 1/3, u1 = 8/3; machine 2 on A:
    # u2 = 6 y_A = 4 (on B it would earn only 6 y_B = 2 < 4). Check: u1 + u2 = 20/3 = θ.
    sol = solve_lp(kantorovich_lp(), backend)
    tol = 1e-6 if backend == "cbc" else 1e-9
    assert sol.objective == pytest.approx(20 / 3, rel=tol)
    np.testing.assert_allclose(sol.x, [1 / 6, 5 / 6, 1.0, 0.0, 20 / 3], atol=1e-6)
    # resource rows (upper limits) have positive shadow prices; the set rows are ">= 0"
    # requirements, so their shadow prices are minus the part valuations
    np.testing.assert_allclose(sol.shadow_prices, [8 / 3, 4.0, -2 / 3, -1 / 3], atol=1e-6)
    assert sol.dual_objective == pytest.approx(sol.objective, rel=1e-6)


def two_sector_plan(floor: float = 1.0) -> ne.StaticPlan:
    eco = ne.Economy([[0.2, 0.1], [0.1, 0.2]], sectors=["grain", "steel"],
                     labour={"peasant": [1.0, 0.0], "worker": [0.0, 0.5]})
    return ne.StaticPlan(eco, {"peasant": 80.0, "worker": 30.0},
                         worker_basket={"grain": 0.5}, real_wage_floor=floor,
                         valuation={"grain": 1.0, "steel": 1.0})


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_sector_plan_by_hand(backend: str) -> None:
    # Labour binds: x_grain = 80 (peasant hours), x_steel = 60 (30 worker hours / 0.5).
    # Net output (I - A)x = (0.8*80 - 0.1*60, -0.1*80 + 0.8*60) = (58, 40).
    # Workers eat 0.5 grain per hour at the floor: 0.5 * 30 = 15; accumulation (43, 40),
    # objective 83.
    # Duals (∂z/∂bound): accumulation of both goods is positive, so the balance rows
    # (requirements) have y = -v = (-1, -1). Column x_grain: 0 = 0.8 - 0.1 - μ_p -> μ_p = 0.7.
    # Column C_w: 0 = 0 - (0.5 * 1 + φ) ... i.e. φ = 0.5 y_grain = -0.5 for the wage floor.
    # Column x_steel: 0 = -0.1 + 0.8 - 0.5 μ_w - 0.5 * 0.5 -> μ_w = 0.9.
    # Strong duality: 80 * 0.7 + 30 * 0.9 = 83.
    res = two_sector_plan().solve(backend)
    tol = 1e-6 if backend == "cbc" else 1e-9
    assert res.objective == pytest.approx(83.0, rel=tol)
    assert res.output.to_dict() == pytest.approx({"grain": 80.0, "steel": 60.0}, rel=tol)
    assert res.accumulation.to_dict() == pytest.approx({"grain": 43.0, "steel": 40.0},
                                                       rel=1e-6)
    assert res.labour_valuations.to_dict() == pytest.approx({"peasant": 0.7, "worker": 0.9},
                                                            rel=1e-6)
    assert res.valuations.to_dict() == pytest.approx({"grain": 1.0, "steel": 1.0}, rel=1e-6)
    assert res.shadow_prices["wage_floor[workers]"] == pytest.approx(-0.5, rel=1e-6)
    assert res.real_wage == pytest.approx(1.0)


def test_lowering_the_wage_floor_raises_accumulation_at_the_dual_rate() -> None:
    # Row C_w - f H(x) >= 0: raising f by df is raising the bound by H df, so
    # dz/df = φ H = -0.5 * 30 = -15 (the grain the workers eat).
    base = two_sector_plan(1.0).solve()
    lower = two_sector_plan(0.5).solve()
    phi = base.shadow_prices["wage_floor[workers]"]
    H = base.hours["worker"]
    assert lower.objective - base.objective == pytest.approx(-phi * H * 0.5, rel=1e-9)


# ---------------------------------------------------------------------- invariants
def _random_static(eco: ne.Economy, seed: int, floors: bool = True) -> ne.StaticPlan:
    rng = np.random.default_rng(seed)
    y0 = rng.uniform(1.0, 3.0, eco.n)  # a positive net product; x0 = (I - A)^-1 y0
    x0 = eco.solve(y0)
    hours = eco.labour @ x0
    kinds = list(eco.labour_kinds)
    supply = dict(zip(kinds, hours * rng.uniform(1.0, 1.5, len(kinds)), strict=True))
    kw = {}
    if floors and "worker" in kinds:
        # at x0 the workers' floor basket eats at most 30% of the net product y0
        kw = {"worker_kind": "worker",
              "worker_basket": dict(zip(eco.sectors, 0.3 * y0 / hours[1], strict=True)),
              "real_wage_floor": float(rng.uniform(0.2, 1.0))}
    return ne.StaticPlan(eco, supply, capacity=dict(zip(eco.sectors, 1.5 * x0, strict=True)),
                         objective="target", target=dict(zip(eco.sectors,
                                                             rng.uniform(0.1, 1.0, eco.n),
                                                             strict=True)), **kw)


small_economies = economies(max_n=6, sparse=False)


@settings(max_examples=30)
@given(eco=small_economies, seed=st.integers(0, 2**31))
def test_strong_duality(eco: ne.Economy, seed: int) -> None:
    sol = _random_static(eco, seed).solve("highs-direct").solution
    assert sol.dual_objective == pytest.approx(sol.objective, rel=1e-7, abs=1e-9)


@settings(max_examples=30)
@given(eco=economies(max_n=6, kinds=1, sparse=False), seed=st.integers(0, 2**31))
def test_commodity_duals_proportional_to_labour_values(eco: ne.Economy, seed: int) -> None:
    # One primary input, no capacity limits, a positive target bundle: every sector runs,
    # so for every column 0 = -y(I - A)_j - μ l_j, i.e. valuations = μ λ (non-substitution).
    rng = np.random.default_rng(seed)
    plan = ne.StaticPlan(eco, {eco.labour_kinds[0]: 100.0}, objective="target",
                         target=dict(zip(eco.sectors, rng.uniform(0.1, 1.0, eco.n),
                                         strict=True)))
    res = plan.solve("highs-direct")
    mu = float(res.labour_valuations.iloc[0])
    lam = eco.labour_values().to_numpy()
    np.testing.assert_allclose(res.valuations.to_numpy(), mu * lam, rtol=1e-7,
                               atol=1e-10 * mu * lam.max())


@settings(max_examples=30)
@given(eco=small_economies, seed=st.integers(0, 2**31), which=st.integers(0, 10**6),
       delta=st.floats(1e-3, 10.0))
def test_relaxing_a_constraint_never_lowers_the_optimum(eco: ne.Economy, seed: int,
                                                        which: int, delta: float) -> None:
    lp = _random_static(eco, seed).build()
    base = solve_lp(lp, "highs-direct").objective
    i = which % lp.shape[0]
    lo, up = lp.row_lower.copy(), lp.row_upper.copy()
    if np.isfinite(up[i]):
        up[i] += delta
    if np.isfinite(lo[i]):
        lo[i] -= delta
    relaxed = solve_lp(lp.with_bounds(row_lower=lo, row_upper=up), "highs-direct").objective
    assert relaxed >= base - 1e-9 * max(1.0, abs(base))


@settings(max_examples=15)
@given(eco=economies(max_n=5, sparse=False), seed=st.integers(0, 2**31))
def test_backends_agree(eco: ne.Economy, seed: int) -> None:
    lp = _random_static(eco, seed).build()
    sols = {b: solve_lp(lp, b) for b in BACKENDS}
    ref = sols["highs-direct"]
    sf = lp.standard_form()
    res = linprog(sf.c, A_ub=sf.A_ub, b_ub=sf.b_ub, A_eq=sf.A_eq, b_eq=sf.b_eq,
                  bounds=sf.bounds, method="highs")
    assert sf.objective_sign * res.fun + sf.offset == pytest.approx(ref.objective, rel=1e-7)
    for b, s in sols.items():
        tol = 1e-6 if b == "cbc" else 1e-9
        assert s.objective == pytest.approx(ref.objective, rel=tol, abs=1e-9)
        if not ref.primal_degenerate and not s.primal_degenerate and b != "cbc":
            np.testing.assert_allclose(s.shadow_prices, ref.shadow_prices, rtol=1e-6,
                                       atol=1e-8)


@pytest.mark.parametrize("backend", BACKENDS)
def test_backends_share_statuses(backend: str) -> None:
    unbounded = LinearProgram([1.0, 1.0], [[1.0, -1.0]], row_upper=[1.0])
    with pytest.raises(ne.UnboundedPlanError):
        solve_lp(unbounded, backend)
    infeasible = LinearProgram([1.0, 1.0], [[1.0, 1.0], [1.0, 0.0]],
                               row_lower=[-np.inf, 2.0], row_upper=[1.0, np.inf],
                               row_names=["labour", "floor"])
    with pytest.raises(ne.InfeasiblePlanError) as err:
        solve_lp(infeasible, backend)
    assert {"labour", "floor"} <= set(err.value.constraints)


def test_multiyear_backends_agree_and_duals_by_family() -> None:
    plan = ne.base_plan(years=3)
    sols = [plan.solve(b) for b in BACKENDS]
    for s in sols[1:]:
        assert s.objective == pytest.approx(sols[0].objective, rel=1e-6)
    res = sols[0]
    assert res.solution.dual_objective == pytest.approx(res.objective, rel=1e-7)
    bal = res.duals("balance")
    assert list(bal.columns) == ["1928", "1929", "1930"]
    assert set(bal.index) == set(plan.economy.sectors)
    assert res.output.shape == (3, 3) and res.capacity.shape == (3, 4)
    # capacity dynamics hold: K_{t+1} = (1 - δ) K_t + ΔK_{t - lag}
    K, inv = res.capacity.to_numpy(), res.investment.to_numpy()
    keep = 1 - 0.04
    np.testing.assert_allclose(K[:, 1], keep * K[:, 0], rtol=1e-9)
    np.testing.assert_allclose(K[:, 2], keep * K[:, 1] + inv[:, 0], rtol=1e-7, atol=1e-9)
    assert (res.output.to_numpy() <= K[:, :3] + 1e-7).all()


@settings(max_examples=20)
@given(eco=small_economies, seed=st.integers(0, 2**31))
def test_valuations_are_non_negative_and_minus_the_balance_duals(eco: ne.Economy,
                                                                 seed: int) -> None:
    # balance rows are requirements (>=) of a maximization: y <= 0, valuation -y >= 0
    res = _random_static(eco, seed).solve("highs-direct")
    y = res.shadow_prices[[f"balance[{g}]" for g in eco.sectors]].to_numpy()
    v = res.valuations.to_numpy()
    assert (v >= 0).all()
    np.testing.assert_allclose(v, -y, atol=1e-9 * max(1.0, np.abs(y).max()))
    assert (res.labour_valuations.to_numpy() >= -1e-9).all()  # supplies: upper limits


def test_multiyear_valuations_are_minus_the_balance_duals() -> None:
    res = ne.base_plan(years=3).solve("highs-direct")
    bal = res.duals("balance")
    v = res.valuations
    assert (v.to_numpy() >= 0).all()
    for year in v.columns:
        np.testing.assert_allclose(v[year].to_numpy(),
                                   -bal[str(year)].reindex(v.index).to_numpy(), atol=1e-12)


@pytest.mark.parametrize("solver", ["highs", "highs-direct"])
def test_a_fresh_process_prints_nothing_on_stdout(solver: str) -> None:
    # HiGHS prints a banner from C code when a Highs object with output on registers
    # its callbacks; the solver adapter turns output off before that, on every path.
    import subprocess
    import sys

    code = ("import warnings; warnings.simplefilter('ignore'); import nonequivalent as ne; "
            f"ne.base_plan(years=2).solve({solver!r}); "
            "ne.planning.conflicting_constraints(ne.planning.LinearProgram("
            "[1.0], [[1.0], [1.0]], row_lower=[2.0, -1e30], row_upper=[1e30, 1.0]))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=True)
    assert proc.stdout == ""


@pytest.mark.parametrize("backend", BACKENDS)
def test_money_account_of_a_plan_with_nothing_marketed(backend: str) -> None:
    # marketed_limit = 0: peasants eat all their net grain. Grain is used by no other
    # sector and eaten only by peasants (0.3 per hour of their 10 hours = 3), so
    # 0.9 x_grain = 3 and marketed grain is 0 up to round-off, which must not reach
    # Group (it rejects negative sales) as -1e-12 or, from CBC's 8 digits, -3e-8.
    eco = ne.Economy([[0.1, 0.0], [0.1, 0.2]], sectors=["grain", "cloth"],
                     labour={"peasant": [1.0, 0.0], "worker": [0.0, 1.0]})
    plan = ne.StaticPlan(eco, {"peasant": 10.0, "worker": 10.0},
                         worker_basket={"cloth": 0.2}, real_wage_floor=1.0,
                         peasant_basket={"grain": 0.3, "cloth": 0.1}, subsistence=1.0,
                         marketed_good="grain", marketed_limit=0.0, valuation=[0.0, 1.0])
    res = plan.solve(backend)
    assert res.output["grain"] == pytest.approx(10 / 3, rel=1e-6)
    acc = ne.plan_surplus_account(res, {"grain": 0.5, "cloth": 1.5})
    assert acc.is_reconciled


def test_clearly_negative_sales_are_reported_not_clipped() -> None:
    from nonequivalent.planning.accounting import _clip_roundoff

    assert _clip_roundoff(-1e-12, 1.0, "marketed grain") == 0.0
    assert _clip_roundoff(-3e-8, 1.0, "marketed grain") == 0.0
    assert _clip_roundoff(2.5, 1.0, "marketed grain") == 2.5
    with pytest.raises(ne.PlanError, match="net buyers"):
        _clip_roundoff(-1e-3, 1.0, "marketed grain")


# ---------------------------------------------------------------------- exports
def test_standard_form_and_files(tmp_path) -> None:
    lp = two_sector_plan().build()
    assert "balance[grain]" in lp.row_names and "labour[worker]" in lp.row_names
    assert "output[steel]" in lp.col_names
    sf = lp.standard_form()
    res = linprog(sf.c, A_ub=sf.A_ub, b_ub=sf.b_ub, A_eq=sf.A_eq, b_eq=sf.b_eq,
                  bounds=sf.bounds, method="highs")
    assert sf.objective_sign * res.fun + sf.offset == pytest.approx(83.0)
    assert isinstance(sf.A_ub, sp.csr_array)
    lp.write_lp(tmp_path / "plan.lp")
    lp.write_mps(tmp_path / "plan.mps")
    text = (tmp_path / "plan.lp").read_text()
    assert "balance_grain_" in text and "labour_worker_" in text
    assert (tmp_path / "plan.mps").stat().st_size > 0


def test_pulp_model_is_named_and_built_from_coefficient_lists() -> None:
    model = two_sector_plan().build().to_pulp()
    names = [c.name for c in model.constraints]
    assert "wage_floor_workers_" in names and "balance_grain_" in names
    assert len(model.variables) == two_sector_plan().build().shape[1]


def test_solvers_receive_a_minimization_so_the_dual_sign_is_known() -> None:
    # PuLP 3 and 4 hand a maximization to HiGHS and CBC in different forms (PuLP 4 gives
    # CBC "min -c" and leaves its duals in that sense); a minimization reaches every
    # backend as it is, so the duals of max c·x are minus those of the model solved.
    import pulp

    from nonequivalent.planning._backends import build_pulp as _build_pulp

    lp = kantorovich_lp()
    solved = _build_pulp(lp, minimize=True).problem
    written = lp.to_pulp().problem
    assert solved.sense == pulp.LpMinimize and written.sense == pulp.LpMaximize
    assert [solved.objective.get(v) for v in solved.variables()] == [
        -1.0 if v.name == "sets" else None for v in written.variables()]


def test_degeneracy_is_reported() -> None:
    # The target rows for A and B and a redundant copy of the labour limit: degenerate.
    lp = LinearProgram([1.0, 1.0], [[1.0, 1.0], [1.0, 1.0], [1.0, 0.0]],
                       row_upper=[4.0, 4.0, 4.0])
    with pytest.warns(DegeneracyWarning):
        sol = solve_lp(lp, "highs-direct")
    assert sol.primal_degenerate and not sol.duals_unique
    assert "not unique" in str(sol)


# ---------------------------------------------------------------------- errors
def test_non_productive_economy_is_rejected() -> None:
    eco = ne.Economy([[1.2]], labour=[1.0], sectors=["grain"])
    with pytest.raises(ne.NotProductiveError):
        ne.StaticPlan(eco, {"labour": 1.0})


def test_negative_capacity_supply_and_bad_horizon_raise_invalid_plan_error() -> None:
    eco = ne.Economy([[0.1]], labour=[1.0], sectors=["grain"], capital=[[1.0]])
    with pytest.raises(ne.InvalidPlanError, match="capacity has negative"):
        ne.StaticPlan(eco, {"labour": 1.0}, capacity={"grain": -1.0})
    with pytest.raises(ne.InvalidPlanError, match="capacity has negative"):
        ne.MultiYearPlan(eco, 2, {"grain": -1.0}, {"labour": 1.0}, heavy_sector="grain")
    with pytest.raises(ne.InvalidPlanError, match="labour supply has negative"):
        ne.StaticPlan(eco, {"labour": -5.0})
    with pytest.raises(ne.InvalidPlanError, match="labour supply has negative"):
        ne.MultiYearPlan(eco, 2, {"grain": 1.0}, {"labour": -5.0}, heavy_sector="grain")
    for years in (0, -3, 2.5, "five", 10**6, 10**400):
        with pytest.raises(ne.InvalidPlanError, match=r"years \(the number of plan years\)"):
            ne.MultiYearPlan(eco, years, {"grain": 1.0}, {"labour": 1.0},
                             heavy_sector="grain")
    with pytest.raises(ne.InvalidPlanError, match="gestation_lag"):
        ne.MultiYearPlan(eco, 2, {"grain": 1.0}, {"labour": 1.0}, heavy_sector="grain",
                         gestation_lag=-1)
    with pytest.raises(ne.InvalidPlanError, match="real_wage_cap"):
        dataclasses.replace(ne.base_plan(years=2), real_wage_floor=1.0, real_wage_cap=0.5)
    # the new class is a plan error and, the input being at fault, a ValueError
    assert issubclass(ne.InvalidPlanError, ne.PlanError)
    assert issubclass(ne.InvalidPlanError, ValueError)
    assert not issubclass(ne.InvalidPlanError, ne.InvalidEconomyError)


def test_floors_no_plan_can_meet_name_the_conflict() -> None:
    # peasants must eat 0.5 grain per hour of their 80 hours, 20 times over: 800 grain,
    # but 80 peasant hours grow at most 80 grain. (A wage floor per hour worked alone can
    # always be met by employing nobody; a subsistence floor per head cannot.)
    plan = dataclasses.replace(two_sector_plan(), peasant_basket={"grain": 0.5},
                               subsistence=20.0)
    with pytest.raises(ne.InfeasiblePlanError) as err:
        plan.solve()
    assert {"subsistence[peasants]", "labour[peasant]", "balance[grain]"} <= set(
        err.value.constraints)
    assert "subsistence[peasants]" in str(err.value)
    elastic = conflicting_constraints(plan.build(), method="elastic")
    assert "subsistence[peasants]" in elastic


def test_missing_solver_says_how_to_install(monkeypatch) -> None:
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "highspy":
            raise ImportError("no highspy")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(ne.SolverNotAvailableError, match="pip install highspy"):
        solve_lp(kantorovich_lp(), "highs-direct")
    with pytest.raises(ne.SolverNotAvailableError, match="unknown solver"):
        solve_lp(kantorovich_lp(), "gurobi")


def test_time_and_iteration_limits_are_never_optimal() -> None:
    lp = ne.base_plan(years=5).build()
    for kw in ({"iteration_limit": 1, "options": {"presolve": "off"}},
               {"time_limit": 1e-9}):
        for backend in ("highs", "highs-direct"):
            with pytest.raises(ne.SolverError) as err:
                solve_lp(lp, backend, **kw)
            assert err.value.status in ("iteration limit", "time limit")
            assert not isinstance(err.value, ne.InfeasiblePlanError)


def test_bad_parameters() -> None:
    plan = ne.base_plan(years=2)
    with pytest.raises(ne.PlanError):
        dataclasses.replace(plan, objective="glory")
    with pytest.raises(ne.LabelMismatchError):
        dataclasses.replace(plan, heavy_sector="steelworks")
    with pytest.raises(ne.PlanError):
        dataclasses.replace(plan, depreciation=1.5)
    with pytest.raises(ne.InvalidEconomyError, match="capital"):
        ne.MultiYearPlan(ne.Economy([[0.1]], labour=[1.0]), 2, [1.0], {"labour": 1.0},
                         heavy_sector="s0")


# ---------------------------------------------------------------------- variants
def test_variants_compare_table_figure_and_results() -> None:
    from matplotlib.figure import Figure

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegeneracyWarning)
        cmp = ne.compare()
    table = cmp.table
    assert isinstance(cmp.figure, Figure)
    assert list(table.index) == [v.name for v in ne.BUILTIN_VARIANTS]
    assert list(cmp.results) == list(table.index)
    with pytest.raises(TypeError):
        cmp.results["extra"] = None  # read-only
    with pytest.raises(dataclasses.FrozenInstanceError):
        cmp.table = table
    # the kept solutions are the variants' own optima (no second solve needed)
    for v in ne.BUILTIN_VARIANTS:
        assert cmp.results[v.name].objective == pytest.approx(v.solve().objective, rel=1e-9)
    # backward-compatible unpacking, and the printable summary
    t2, f2 = cmp
    assert t2.equals(table) and f2 is cmp.figure
    assert "NEP continuation" in str(cmp) and cmp.to_frame().equals(table)
    shares = table[[c for c in table.columns if c.startswith("share: ")]]
    np.testing.assert_allclose(shares.sum(axis=1), 1.0)
    nep, left, maximum = (table.loc[v.name] for v in ne.BUILTIN_VARIANTS)
    # heavy capacity grows most under the maximum variant, consumption is highest under NEP
    assert maximum["heavy capacity growth"] > left["heavy capacity growth"] \
        > nep["heavy capacity growth"] >= 1.0 - 1e-9
    for col in ("consumption per head (first year)",
                "consumption per head (last plan year, under the terminal rule)"):
        assert nep[col] > left[col] > maximum[col]
    # NEP: the real wage rises to its cap, not beyond; both groups give surplus labour
    wages = [c for c in table.columns if c.startswith("real wage ")]
    np.testing.assert_allclose(nep[wages].to_numpy(float), ne.NEP_CONTINUATION.real_wage_cap)
    for row in (nep, left, maximum):
        assert row["surplus labour: workers"] > 0 and row["surplus labour: peasants"] > 0
    # the halved real-wage floor is what the maximum variant pays its workers
    assert maximum["real wage 1930"] == pytest.approx(0.5)
    # the maximum variant extracts more surplus labour from workers than the left course
    assert maximum["surplus labour: workers"] > left["surplus labour: workers"]
    custom = dataclasses.replace(ne.LEFT_COURSE, name="user variant", price_ratio=0.9)
    assert list(ne.compare([ne.LEFT_COURSE, custom]).table.index) == ["left course",
                                                                       "user variant"]


def test_consumption_objective_is_per_head_and_respects_the_cap() -> None:
    # Without a cap the per-head weights favour the smaller group (workers); the cap
    # bounds the real wage, and lowering it never raises the optimum.
    capped = ne.NEP_CONTINUATION.solve()
    lower = dataclasses.replace(ne.NEP_CONTINUATION, real_wage_cap=1.05).solve()
    assert lower.objective <= capped.objective + 1e-9
    np.testing.assert_allclose(lower.real_wage.to_numpy(), 1.05, rtol=1e-7)
    assert "wage_cap[workers,1928]" in capped.shadow_prices.index
    assert (capped.duals("wage_cap").to_numpy() >= -1e-9).all()  # upper limits: y >= 0


def test_labour_account_balances() -> None:
    res = ne.MAXIMUM_1929.solve()
    acc = ne.plan_labour_account(res)
    assert acc["surplus labour"].sum() == pytest.approx(0.0, abs=1e-7)
    by_year = ne.plan_labour_account(res, by_year=True)
    assert by_year.index.names == ["year", "group"]
    static = two_sector_plan().solve().labour_account()
    # workers: 30 hours, consume 15 grain at λ_grain; peasants consume nothing here
    lam = two_sector_plan().economy.labour_values()["grain"]
    assert static.at["workers", "surplus labour"] == pytest.approx(30 - 15 * lam)
    assert static["surplus labour"].sum() == pytest.approx(0.0, abs=1e-9)


def test_results_are_frozen_and_labelled() -> None:
    res = two_sector_plan().solve()
    with pytest.raises(dataclasses.FrozenInstanceError):
        res.objective = 0.0
    assert isinstance(res.to_frame(), pd.DataFrame)
    assert "static plan" in str(res)
    m = ne.base_plan(years=2).solve()
    assert isinstance(m.to_frame(), pd.DataFrame) and "capacity" in str(m)


def test_plan_surplus_account_agrees_with_labour_account() -> None:
    eco = ne.Economy([[0.1, 0.2], [0.1, 0.2]], sectors=["grain", "cloth"],
                     labour={"peasant": [1.0, 0.0], "worker": [0.0, 1.0]})
    plan = ne.StaticPlan(eco, {"peasant": 10.0, "worker": 10.0},
                         worker_basket={"grain": 0.3, "cloth": 0.2}, real_wage_floor=1.0,
                         peasant_basket={"grain": 0.4, "cloth": 0.1}, subsistence=1.0,
                         marketed_good="grain", marketed_limit=4.0)
    res = plan.solve()
    money = ne.plan_surplus_account(res, {"grain": 0.5, "cloth": 1.5})
    hours = res.labour_account()
    assert money.is_reconciled
    # workers: hours worked minus the labour value of the basket, in both accounts
    assert money.table.at["workers", "surplus_hours"] == pytest.approx(
        hours.at["workers", "surplus labour"], rel=1e-9)
    with pytest.raises(ne.PlanError, match="marketed good"):
        ne.plan_surplus_account(two_sector_plan().solve(), {"grain": 1.0, "steel": 1.0})


# ---------------------------------------------------------------------- hostile input
def small_lp() -> LinearProgram:
    return LinearProgram([3.0, 5.0], [[1.0, 1.0], [1.0, 3.0]], row_upper=[4.0, 6.0])


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("kwargs", [
    {"time_limit": -1}, {"time_limit": float("nan")}, {"time_limit": "abc"},
    {"time_limit": True}, {"iteration_limit": -1}, {"iteration_limit": 2.5},
    {"iteration_limit": "10"}, {"options": {"time_limt": 0.001}},
    {"options": {"time_limit": -3.0}}, {"options": ["presolve"]}, {"method": "barrier"},
    {"vertex": "yes"},
])
def test_bad_limits_and_options_raise_on_every_backend(backend: str, kwargs: dict) -> None:
    with pytest.raises(ne.InvalidPlanError):
        solve_lp(small_lp(), backend, **kwargs)


def test_misspelt_option_suggests_the_right_name() -> None:
    with pytest.raises(ne.InvalidPlanError, match="did you mean 'time_limit'"):
        solve_lp(small_lp(), options={"time_limt": 0.001})
    with pytest.raises(ne.InvalidPlanError, match="presolve"):
        solve_lp(small_lp(), "highs-direct", options={"presolve": "sometimes"})


def _hard_lp(n: int = 300) -> LinearProgram:
    rng = np.random.default_rng(0)
    return LinearProgram(rng.random(n), rng.random((n, n)), row_upper=np.full(n, 10.0))


@pytest.mark.parametrize("backend", BACKENDS)
def test_time_limit_in_options_is_applied_on_every_backend(backend: str) -> None:
    # as an option or an argument, a tiny time limit stops every backend (never "optimal")
    for kwargs in ({"options": {"time_limit": 1e-4}}, {"time_limit": 1e-4}):
        with pytest.raises(ne.SolverError):
            solve_lp(_hard_lp(), backend, **kwargs)


@pytest.mark.parametrize("backend", [b for b in BACKENDS if b != "cbc"])
def test_iteration_limit_is_applied_on_highs(backend: str) -> None:
    with pytest.raises(ne.SolverError, match="iteration limit"):
        solve_lp(_hard_lp(), backend, iteration_limit=1)


@pytest.mark.skipif("cbc" not in BACKENDS, reason="CBC not installed")
def test_cbc_refuses_what_it_cannot_apply() -> None:
    for kwargs, fragment in (({"iteration_limit": 10}, "iteration_limit"),
                             ({"options": {"presolve": "off"}}, "HiGHS options"),
                             ({"method": "ipm"}, "simplex")):
        with pytest.raises(ne.InvalidPlanError, match=fragment):
            solve_lp(small_lp(), "cbc", **kwargs)


def test_linear_program_rejects_malformed_input() -> None:
    for kwargs in ({"c": [], "A": []}, {"c": [], "A": [[]]}, {"c": ["a"], "A": [[1.0]]},
                   {"c": [1.0], "A": [[1 + 2j]]}, {"c": [1.0], "A": [[10**400]]},
                   {"c": [1.0], "A": [[1.0]], "col_lower": [np.inf]},
                   {"c": [1.0], "A": [[1.0]], "row_upper": [-np.inf]},
                   {"c": [1.0], "A": [[1.0]], "offset": "0"},
                   {"c": [1.0], "A": sp.csr_array(np.array([[1 + 1j]]))}):
        with pytest.raises(ne.InvalidPlanError):
            LinearProgram(**kwargs)


def test_linear_program_does_not_share_the_callers_matrix() -> None:
    M = sp.csr_array(np.array([[1.0, 0.0], [2.0, 3.0]]))
    lp = LinearProgram([1.0, 1.0], M, row_upper=[4.0, 6.0])
    M.data[0] = 100.0
    assert lp.A[0, 0] == 1.0
    with pytest.raises(ValueError):
        lp.A.data[0] = 5.0


@pytest.mark.parametrize("backend", BACKENDS)
def test_coefficients_out_of_range_ask_for_a_rescale(backend: str) -> None:
    for lp in (LinearProgram([1.0], [[1e15]], row_upper=[1.0]),
               LinearProgram([1e16], [[1.0]], row_upper=[1.0]),
               LinearProgram([1.0], [[1.0]], row_upper=[1e20])):
        with pytest.raises(ne.InvalidPlanError, match="rescale"):
            solve_lp(lp, backend)
    # just inside the range: solved
    assert solve_lp(LinearProgram([1.0], [[1.0]], row_upper=[1e14]), backend).objective \
        == pytest.approx(1e14)


def test_plan_parameters_are_read_as_numbers_only() -> None:
    eco = ne.Economy([[0.1, 0.2], [0.1, 0.3]], labour={"peasant": [1.0, 0.0],
                                                      "worker": [0.0, 0.5]},
                     sectors=["grain", "steel"], capital=[[0, 0], [1, 1]])
    supply = {"peasant": 100.0, "worker": 50.0}
    with pytest.raises(ne.InvalidPlanError, match="marketed quantity"):
        ne.StaticPlan(eco, supply, marketed_good="grain", marketed_limit="1.5")
    with pytest.raises(ne.InvalidPlanError, match="real_wage_floor"):
        ne.StaticPlan(eco, supply, worker_basket={"grain": 0.1}, real_wage_floor="1")
    kw = dict(years=2, initial_capacity=[10, 10], labour_supply=supply,
              heavy_sector="steel")
    for bad in ({"discount": "0.9x"}, {"discount": 0.0}, {"discount": float("nan")},
                {"migration": "2"}, {"depreciation": "0.1"}, {"years": "3"},
                {"max_investment_share": "0.1"}, {"terminal_capacity": "1"}):
        with pytest.raises(ne.InvalidPlanError):
            ne.MultiYearPlan(eco, **{**kw, **bad})


def test_discount_enters_the_consumption_objective() -> None:
    # recompute Σ_t β^t Σ_g λ·b_g C_g,t / L_g,t from the result's consumption path
    base = ne.base_plan(years=4)
    for beta in (0.6, 0.95):
        plan = dataclasses.replace(base, objective="consumption", discount=beta,
                                   real_wage_cap=1.2, name=f"beta {beta}")
        res = plan.solve("highs-direct")
        lam = plan.economy.values_array
        path = plan.labour_path()
        total = 0.0
        for group, basket, kind in (("workers", "worker_basket", "worker"),
                                    ("peasants", "peasant_basket", "peasant")):
            per_head = (float(lam @ plan._validated[basket]) * res.consumption.loc[group]
                        / path.loc[kind])
            total += float((beta ** np.arange(4) * per_head.to_numpy()).sum())
        assert res.objective == pytest.approx(total, rel=1e-9)


def test_plan_results_are_immutable_all_the_way_down() -> None:
    eco = ne.Economy([[0.0, 0.5], [0.0, 0.0]], labour=[1.0, 0.5], sectors=["grain", "steel"])
    res = ne.StaticPlan(eco, {"labour": 10.0}, valuation=[1.0, 2.0]).solve()
    out = res.output
    out["steel"] = 1e6
    assert res.output["steel"] == pytest.approx(10.0)
    assert res.hours["labour"] == pytest.approx(10.0)
    duals = res.shadow_prices
    duals.iloc[0] = 99.0
    assert res.shadow_prices.iloc[0] != 99.0
    with pytest.raises(ValueError):
        res.solution.x[0] = 3.0
    assert "\n" not in repr(res)
    my = ne.MultiYearPlan(ne.Economy([[0.0]], labour=[1.0], sectors=["steel"],
                                     capital=[[2.0]]), 2, {"steel": 10.0},
                          {"labour": 100.0}, heavy_sector="steel").solve()
    cap = my.capacity
    cap.iloc[0, 0] = -1.0
    assert my.capacity.iloc[0, 0] == 10.0
    assert "\n" not in repr(my)


def test_plan_summary_shows_duals_with_the_sign_rule() -> None:
    res = two_sector_plan().solve()
    text = res.summary()
    assert "sign rule" in text and "∂objective/∂bound" in text
    for name, y in res.shadow_prices.items():
        if abs(y) > 1e-6:
            assert name in text
    assert "labour[worker]" in text or "labour" in text
    # one rule: valuations are minus the balance duals, duals() gives ∂z*/∂b
    bal = res.solution.duals()[[f"balance[{s}]" for s in res.output.index]]
    np.testing.assert_allclose(res.valuations.to_numpy(), -bal.to_numpy(), atol=1e-12)


def test_large_programs_solve_by_interior_point_without_crossover() -> None:
    from nonequivalent.planning import solvers

    # three rows, each over a third of the columns: no dense row (a full row would send
    # the program to the first-order method, see test_dense_row_chooses_first_order)
    m = solvers.IPM_COLUMNS // 3 + 1
    lp = LinearProgram(np.ones(3 * m), sp.kron(sp.eye(3), np.ones((1, m)), format="csr"),
                       row_upper=[1.0, 1.0, 1.0])
    sol = solve_lp(lp, "highs-direct")
    assert not sol.vertex and "without crossover" in sol.summary()
    assert sol.status == "optimal" and "IPM_COLUMNS" in sol.method_reason
    assert sol.objective == pytest.approx(3.0, rel=1e-6)
    vertex = solve_lp(lp, "highs-direct", vertex=True)
    assert vertex.vertex and vertex.objective == pytest.approx(3.0)
    assert solve_lp(small_lp()).vertex
    assert not solve_lp(small_lp(), vertex=False).vertex
    assert "\n" not in repr(sol) and "not a vertex" in repr(sol)
    with pytest.raises(ne.InvalidPlanError, match="crossover"):
        solve_lp(small_lp(), vertex=True, options={"run_crossover": "off"})


# ---------------------------------------------------------------------- comparison
def test_comparison_shows_every_quantity_it_summarizes() -> None:
    cmp = ne.compare()
    table = cmp.table
    cap = cmp.heavy_capacity
    assert cap.index[-1] == 1933 and cap.index[0] == 1928
    growth = cap.iloc[-1] / cap.iloc[0]
    np.testing.assert_allclose(growth.to_numpy(), table["heavy capacity growth"].to_numpy())
    np.testing.assert_allclose(cap.loc[1933].to_numpy(),
                               table["heavy capacity 1933"].to_numpy())
    text = cmp.summary()
    assert "1933" in text and "Constraints set by each variant" in text
    # NEP's real wage sits on its cap, the others on their floors: constraints, not results
    marks = cmp.at_bound
    assert (marks["NEP continuation"] == "cap").all()
    assert (marks["1929 maximum variant"] == "floor").all()
    assert "(cap)" in text and "(floor)" in text
    assert cmp.constraints.loc["1929 maximum variant", "real-wage floor (index)"] == 0.5
    alt = cmp.alternative_optima
    assert list(alt.index) == list(table.index)
    for name, flag in alt.items():
        assert flag == cmp.results[name].solution.dual_degenerate
    assert "Alternative optima" in text


def test_alternative_optima_are_detected() -> None:
    # two goods with the same weight and the same labour: any split is optimal
    two = LinearProgram([1.0, 1.0], [[1.0, 1.0]], row_upper=[4.0])
    one = LinearProgram([1.0, 2.0], [[1.0, 1.0]], row_upper=[4.0])
    assert solve_lp(two, "highs-direct").alternative_optima
    assert not solve_lp(one, "highs-direct").alternative_optima


@pytest.mark.parametrize("years", [1, 2, 3])
def test_short_horizons_are_feasible_or_rejected_clearly(years: int) -> None:
    try:
        cmp = ne.compare(base=ne.base_plan(years=years))
    except ne.InfeasiblePlanError as exc:
        assert "year(s)" in str(exc) and "longer horizon" in str(exc)
        assert exc.constraints
    else:
        assert len(cmp.table) == 3
    # the one-year NEP plan keeps what depreciation leaves (no time to invest)
    res = ne.NEP_CONTINUATION.solve(ne.base_plan(years=1))
    np.testing.assert_allclose(res.capacity.iloc[:, -1], 0.96 * res.capacity.iloc[:, 0])


def test_variants_load_from_toml(tmp_path) -> None:
    f = tmp_path / "mine.toml"
    f.write_text('[[variant]]\nname = "milder"\nbased_on = "left course"\nprice_ratio = 0.9\n'
                 '\n[[variant]]\nname = "consumption first"\nobjective = "consumption"\n'
                 'real_wage_cap = 1.2\nmax_investment_share = 0.1\n', encoding="utf-8")
    milder, cons = ne.load_variants(f)
    # the left course's parameters, but its own description and source
    assert milder == dataclasses.replace(ne.LEFT_COURSE, name="milder", price_ratio=0.9,
                                         description=milder.description, source=milder.source)
    assert milder.description == "a user variant based on 'left course'"
    assert cons.objective == "consumption" and cons.real_wage_cap == 1.2
    assert list(ne.compare([milder, cons]).table.index) == ["milder", "consumption first"]
    for text, fragment in (('[[variant]]\nname = "x"\nprice_ratio = "0.9"\n', "price_ratio"),
                           ('[[variant]]\nname = "x"\nprice_ratoi = 0.9\n', "unknown keys"),
                           ('[[variant]]\nname = "x"\nbased_on = "nope"\n', "based_on"),
                           ('[[variant]]\nprice_ratio = 0.9\n', "name"),
                           ('[[variant]]\nname = "x"\nobjective = "growth"\n', "objective"),
                           ('name = "x"\n', "[[variant]]"), ("[[variant]\n", "TOML"),
                           ('[[variant]]\nname = "x"\n[[variant]]\nname = "x"\n', "unique")):
        f.write_text(text, encoding="utf-8")
        with pytest.raises(ne.InvalidPlanError, match=fragment.replace("[", r"\[")):
            ne.load_variants(f)
    with pytest.raises(ne.InvalidPlanError, match="cannot read"):
        ne.load_variants(tmp_path / "missing.toml")


def test_planning_names_stay_in_sync_with_their_modules() -> None:
    import importlib

    from nonequivalent import planning

    for module, names in planning.EXPORTS.items():
        mod = importlib.import_module(f"nonequivalent.planning.{module}")
        assert set(names) <= set(mod.__all__), module
    defined = {n for m in planning.EXPORTS
               for n in importlib.import_module(f"nonequivalent.planning.{m}").__all__}
    assert defined == set(planning.__all__)
    assert set(planning.__all__) <= set(ne.__all__)
    for name in planning.__all__:
        assert getattr(ne, name) is getattr(planning, name)


def test_import_loads_no_planning_module_and_no_solver() -> None:
    import subprocess
    import sys

    code = ("import sys, nonequivalent as ne; "
            "print(sorted(m for m in sys.modules if m.startswith('nonequivalent.planning.') "
            "or m.split('.')[0] in ('pulp', 'highspy', 'sympy', 'matplotlib') "
            "or m in ('nonequivalent.exact', 'nonequivalent.exercises', "
            "'nonequivalent.exact.symbolic'))); "
            "ne.StaticPlan; print('nonequivalent.planning.static' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    assert out[0] == "[]"
    assert out[1] == "True"  # loaded on first use


# ---------------------------------------------------------------- terminal rule
@pytest.mark.parametrize("years", [5, 8])
def test_no_end_of_horizon_collapse_in_builtin_variants(years):
    """No sector's output and no group's consumption falls in the final year below 80% of
    the year before (Eckaus & Parikh's post-terminal growth rule); without the rule the
    left course's heavy output drops to 0 and workers' consumption to about a fifth."""
    from nonequivalent.planning import BUILTIN_VARIANTS, base_plan

    for v in BUILTIN_VARIANTS:
        res = v.solve(base_plan(years=years))
        for what, df in (("output", res.output), ("consumption", res.consumption)):
            ratio = df.iloc[:, -1] / df.iloc[:, -2]
            assert (ratio >= 0.8).all(), (v.name, years, what, ratio.to_dict())
        assert "Eckaus & Parikh" in res.terminal_rule
        assert (res.investment.iloc[:, -1] > 0).all()   # the final year invests


def test_without_terminal_rule_the_collapse_is_back():
    import dataclasses

    from nonequivalent.planning import LEFT_COURSE, base_plan

    plain = dataclasses.replace(base_plan(), post_terminal_growth=None)
    res = LEFT_COURSE.solve(plain)
    assert res.output.loc["heavy industry"].iloc[-1] == pytest.approx(0.0, abs=1e-7)
    assert res.terminal_rule.startswith("terminal rule: none")


def test_post_terminal_rows_hold_and_bind_the_rate():
    import dataclasses

    from nonequivalent.planning import NEP_CONTINUATION, base_plan

    for g in (0.0, 0.01):
        plan = NEP_CONTINUATION.plan(dataclasses.replace(base_plan(), post_terminal_growth=g))
        res = plan.solve()
        KT = res.capacity.iloc[:, -1].to_numpy()
        need = (g + 0.04) * KT
        assert (res.investment.iloc[:, -1].to_numpy() >= need - 1e-7).all()
    with pytest.raises(ne.InvalidPlanError, match="post_terminal_growth"):
        dataclasses.replace(base_plan(), post_terminal_growth=-0.1)


def test_wrong_keyword_to_compare_and_solve_raises_at_once():
    from nonequivalent.planning import base_plan

    with pytest.raises(ne.InvalidPlanError, match=r"unknown keyword 'years'.*time_limit"):
        ne.compare([ne.LEFT_COURSE], years=8)
    with pytest.raises(ne.InvalidPlanError, match=r"unknown keyword 'tolerence'.*tolerance"):
        base_plan().solve(tolerence=1e-9)


def test_user_variant_has_its_own_description_and_based_on_reads_short_names(tmp_path):
    from nonequivalent.planning import load_variants

    f = tmp_path / "v.toml"
    f.write_text('[[variant]]\nname = "milder"\nbased_on = "left"\nprice_ratio = 0.9\n\n'
                 '[[variant]]\nname = "own"\nobjective = "consumption"\nreal_wage_cap = 1.2\n',
                 encoding="utf-8")
    milder, own = load_variants(f)
    assert milder.description == "a user variant based on 'left course'"
    assert "Preobrazhensky" not in milder.source and str(f) in milder.source
    assert milder.max_investment_share == ne.LEFT_COURSE.max_investment_share
    assert own.description == "a user variant" and own.source


def test_compare_states_the_terminal_rule_and_marks_the_terminal_floor():
    cmp = ne.compare([ne.NEP_CONTINUATION, ne.LEFT_COURSE])
    text = cmp.summary()
    assert "Eckaus & Parikh" in text and "(terminal floor)" in text
    assert cmp.terminal_bound.loc[1933, "NEP continuation"] == "terminal floor"
    assert cmp.terminal_bound.loc[1933, "left course"] == ""
    assert cmp.constraints.loc["left course", "objective (maximized)"] == (
        "heavy-industry capacity at the end of the plan")


def test_infeasibility_hint_follows_the_conflict():
    import dataclasses

    strict = dataclasses.replace(ne.LEFT_COURSE, real_wage_floor=3.0)
    with pytest.raises(ne.InfeasiblePlanError) as info:
        ne.compare([strict])
    msg = str(info.value)
    assert "real-wage floor" in msg and "longer horizon does not help" in msg
    assert "use a longer horizon" not in msg
