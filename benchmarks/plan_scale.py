"""Scale benchmark of the multi-year plan: PuLP path, direct HiGHS path and raw highspy.

For (sectors, years) = (5,10), (20,10), (50,20), (100,20), (200,30) a random but
economically valid multi-year plan is built (productive A with about 15% density, peasant
and worker labour, capital coefficients concentrated in the capital-goods sectors, wage and
subsistence floors, a marketing limit, foreign trade, Kantorovich's target objective). It is
solved three ways with the same HiGHS options:

* PuLP path:   ``plan.build()`` + ``LinearProgram.to_pulp()`` (build), ``pulp.HiGHS`` (solve)
* direct path: ``plan.build()`` + one ``passModel`` of the CSR matrix (build), ``run`` (solve)
* raw highspy: a ``HighsLp`` filled from the same matrices by hand, ``passModel`` + ``run``

Build and solve times are printed separately. Assembling the plan's matrices
(``plan.build()``, column ``asm``) is the common first step of all three paths (raw highspy
takes its output), so it is printed on its own; each path's build is what it does after it
(PuLP: the PuLP model; direct: ``passModel``; raw: filling a ``HighsLp`` + ``passModel``). The
ratios compare each path's build + solve (for the library paths the whole ``solve_lp`` call,
i.e. including reading the solution, the duals and the degeneracy check) with raw highspy's;
the ratios with the assembly added to the library paths are printed as well. The HiGHS
method used and the relative difference of the optima are printed too.

Options: interior point without crossover. The synthetic plans are primal degenerate
(many capacities, floors and target rows bind at once, and many investments sit at zero),
and crossover from the interior solution to a vertex is what takes the time on them: at
(100, 20) IPM took 2.3 s and crossover another 0.4 s; at (200, 30) IPM alone finished in
about 40 s while IPM with crossover did not finish in 300 s, and dual simplex had not
finished after 90 s. Without crossover the optimum is the interior-point one, accurate to
the IPM tolerance set here (1e-9), so the three paths agree to about 1e-9 relative.

A last row per size solves the plan with the library defaults, ``plan.solve()`` (PuLP
path, no options): plans above ``nonequivalent.planning.solvers.IPM_COLUMNS`` columns are
then solved by interior point without crossover (the result says so), smaller ones by
HiGHS's default method with a vertex solution. Target: the 200 x 30 plan solves with the
defaults far below the 400 s that the default method with crossover did not finish in.

Run:

    python benchmarks/plan_scale.py [--sizes 5x10,20x10] [--repeats 3] [--budget 300]

Every path, the library defaults included, runs ``--repeats`` times, interleaved (one run
where raw highspy takes more than 30 s: the (200, 30) plan takes about 5 minutes a run on
its four paths); the table prints medians, the lines below each size the lowest and
highest run, and each target is judged run by run ("met", "not met", "met on k of N").
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from statistics import median
from typing import Any

import numpy as np
from _env import add_repeats, check_repeats, header, spread, target

import nonequivalent as ne
from nonequivalent.planning import DegeneracyWarning, LPSolution, solve_lp

SIZES = [(5, 10), (20, 10), (50, 20), (100, 20), (200, 30)]
#: The same HiGHS options for the three paths; a solve longer than 5 minutes is abandoned.
OPTIONS = {"threads": 1, "solver": "ipm", "run_crossover": "off",
           "ipm_optimality_tolerance": 1e-9, "time_limit": 300.0}


def random_plan(n: int, years: int, seed: int = 0) -> ne.MultiYearPlan:
    """A feasible random plan with ``n`` sectors (benchmark assumption, not data)."""
    rng = np.random.default_rng(seed)
    A = rng.random((n, n)) * (rng.random((n, n)) < 0.15)
    np.fill_diagonal(A, rng.uniform(0.05, 0.2, n))
    A *= rng.uniform(0.3, 0.6, n) / A.sum(axis=0)
    n_agr = max(1, n // 5)
    n_cap = max(1, n // 10)
    lp = np.zeros(n)
    lw = np.zeros(n)
    lp[:n_agr] = rng.uniform(0.5, 1.5, n_agr)
    lw[n_agr:] = rng.uniform(0.2, 1.0, n - n_agr)
    B = np.zeros((n, n))
    B[n - n_cap:] = rng.uniform(0.2, 1.0, (n_cap, n)) / n_cap
    sectors = [f"s{i:03d}" for i in range(n)]
    eco = ne.Economy(A, labour={"peasant": lp, "worker": lw}, sectors=sectors, capital=B)
    # base year: final demand y0 > 0, output x0 = (I - A)^-1 y0; capacities 10% above
    y0 = rng.uniform(1.0, 2.0, n)
    x0 = eco.solve(y0)
    K0 = 1.1 * x0
    hours = eco.labour @ x0
    bw = np.zeros(n)
    bw[: n // 2] = 0.3 * y0[: n // 2] / max(hours[1], 1e-9)
    bp = np.zeros(n)
    bp[: n // 2] = 0.2 * y0[: n // 2] / max(hours[0], 1e-9)
    return ne.MultiYearPlan(
        eco, years=years, initial_capacity=dict(zip(sectors, K0, strict=True)),
        labour_supply={"peasant": 1.05 * hours[0], "worker": 1.05 * hours[1]},
        labour_growth={"worker": 0.02}, migration=0.01 * hours[0],
        depreciation=0.05, gestation_lag=1,
        worker_basket=dict(zip(sectors, bw, strict=True)),
        peasant_basket=dict(zip(sectors, bp, strict=True)),
        real_wage_floor=0.8, subsistence=0.8,
        marketed_good=sectors[0], marketed_limit=2.0 * x0[0],
        world_prices={sectors[0]: 1.0, sectors[-1]: 2.0},
        objective="target", target=dict(zip(sectors, K0, strict=True)),
        name=f"random plan {n}x{years}")


def raw_highspy(lp: ne.planning.LinearProgram) -> tuple[float, float, float, str]:
    """Fill a HighsLp from the matrices by hand; return (build s, solve s, optimum, method)."""
    import highspy

    class QuietHighs(highspy.Highs):  # output off before the constructor's first log
        def enableCallbacks(self) -> None:
            self.setOptionValue("output_flag", False)
            super().enableCallbacks()

    inf = highspy.kHighsInf
    t0 = time.perf_counter()
    h = QuietHighs()
    for k, v in OPTIONS.items():
        h.setOptionValue(k, v)
    hl = highspy.HighsLp()
    m, k = lp.shape
    hl.num_col_, hl.num_row_ = k, m
    hl.col_cost_ = lp.c
    hl.col_lower_ = np.where(np.isfinite(lp.col_lower), lp.col_lower, -inf)
    hl.col_upper_ = np.where(np.isfinite(lp.col_upper), lp.col_upper, inf)
    hl.row_lower_ = np.where(np.isfinite(lp.row_lower), lp.row_lower, -inf)
    hl.row_upper_ = np.where(np.isfinite(lp.row_upper), lp.row_upper, inf)
    hl.sense_ = highspy.ObjSense.kMaximize
    hl.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    hl.a_matrix_.start_ = lp.A.indptr.astype(np.int32)
    hl.a_matrix_.index_ = lp.A.indices.astype(np.int32)
    hl.a_matrix_.value_ = lp.A.data
    h.passModel(hl)
    t1 = time.perf_counter()
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        raise TimeoutError(h.modelStatusToString(h.getModelStatus()))
    sol = h.getSolution()
    _ = (list(sol.col_value), list(sol.row_dual))
    t2 = time.perf_counter()
    info = h.getInfo()
    method = ("interior point + crossover" if info.crossover_iteration_count > 0
              else "interior point") if info.ipm_iteration_count > 0 else "simplex"
    iters = info.ipm_iteration_count + info.crossover_iteration_count \
        + info.simplex_iteration_count
    return t1 - t0, t2 - t1, info.objective_function_value, f"{method}, {iters} iterations"


def timed_solve(lp: ne.planning.LinearProgram, solver: str) -> tuple[LPSolution, float]:
    """The whole ``solve_lp`` call with the common options, and its wall time (s)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegeneracyWarning)
        t0 = time.perf_counter()
        sol = solve_lp(lp, solver, options=OPTIONS)
        return sol, time.perf_counter() - t0


def defaults_row(plan: ne.MultiYearPlan) -> tuple[float, str, float]:
    """``plan.solve()`` with the library defaults: (seconds, method, objective)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegeneracyWarning)
        t0 = time.perf_counter()
        res = plan.solve()
        seconds = time.perf_counter() - t0
    sol = res.solution
    method = (f"{sol.method}, {sol.iterations} iterations, "
              f"{'vertex' if sol.vertex else 'not a vertex (no crossover)'}")
    return seconds, method, res.objective


def measure(n: int, years: int, repeat: int) -> tuple[dict[str, Any], dict[str, list[float]]]:
    """The plan's facts (shape, methods) and every timed figure, one value per run."""
    plan = random_plan(n, years)
    best: dict[str, Any] = {}
    runs: dict[str, list[float]] = {}

    def keep(key: str, value: float) -> None:
        runs.setdefault(key, []).append(value)

    for k in range(repeat):
        if k and runs["raw total"][0] > 30.0:
            break  # very large sizes: one run (about 5 minutes at (200, 30))
        t0 = time.perf_counter()
        lp = plan.build()
        t_assemble = time.perf_counter() - t0
        # raw highspy on the same matrices
        rb, rs, zr, meth = raw_highspy(lp)
        keep("raw build", rb)
        keep("raw solve", rs)
        keep("raw total", rb + rs)
        # direct path: assembly + passModel, then run and read (the whole solve_lp call)
        d, t_direct = timed_solve(lp, "highs-direct")
        keep("assemble", t_assemble)
        keep("direct build", d.build_seconds)
        keep("direct solve", t_direct - d.build_seconds)
        keep("direct total", t_direct)
        keep("direct total+asm", t_assemble + t_direct)
        # PuLP path: assembly + PuLP model, then pulp.HiGHS (the whole solve_lp call)
        t0 = time.perf_counter()
        lp.to_pulp()
        t_pulp_model = time.perf_counter() - t0
        pp, t_pulp = timed_solve(lp, "highs")
        keep("pulp model", t_pulp_model)
        keep("pulp build", t_assemble + t_pulp_model)
        keep("pulp solve", t_pulp - pp.build_seconds)
        keep("pulp total", t_pulp)
        keep("pulp total+asm", t_assemble + t_pulp)
        best["method"] = (f"raw: {meth}; direct: {d.method}, {d.iterations} iterations; "
                          f"PuLP: {pp.method}, {pp.iterations} iterations")
        best["rows"], best["cols"], best["nnz"] = lp.shape[0], lp.shape[1], lp.A.nnz
        keep("diff", max(abs(d.objective - zr), abs(pp.objective - zr)) / max(1.0, abs(zr)))
        # the library defaults: plan.solve() with no options
        seconds, method, z = defaults_row(plan)
        keep("defaults total", seconds)
        keep("diff defaults", abs(z - zr) / max(1.0, abs(zr)))
        best["defaults method"] = method
    return best, runs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=",".join(f"{n}x{t}" for n, t in SIZES))
    add_repeats(ap, why="one run where raw highspy takes more than 30 s")
    ap.add_argument("--repeat", dest="repeats", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--budget", type=float, default=300.0,
                    help="skip sizes once the elapsed time exceeds this (s)")
    ap.add_argument("--defaults-only", action="store_true",
                    help="only the row with the library defaults, plan.solve()")
    args = ap.parse_args(argv)
    header(("nonequivalent", "numpy", "scipy", "pulp", "highspy"))
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    if args.defaults_only:
        ok = True
        for n, T in sizes:
            plan = random_plan(n, T)
            seconds, method, z = defaults_row(plan)
            lp = plan.build()
            print(f"{n:>4} x {T:<3} {lp.shape[0]:>6} rows {lp.shape[1]:>6} columns: library "
                  f"defaults, plan.solve(): {seconds:.2f} s, {method}, optimum {z:.10g}")
            if (n, T) == (200, 30):
                ok &= seconds < 400.0
                print(f"          (200, 30) with the library defaults: {seconds:.1f} s "
                      f"(target: far below the 400 s time limit): "
                      f"{'met' if seconds < 400.0 else 'NOT met'}")
        return 0 if ok else 1
    reps = check_repeats(ap, args.repeats)
    start = time.perf_counter()
    head = (f"{'n x T':>9} {'rows':>6} {'cols':>6} {'nnz':>7} | {'asm':>6} | {'raw b':>6} "
            f"{'raw s':>7} | {'dir b':>6} {'dir s':>7} {'dir/raw':>7} | {'pulp b':>6} "
            f"{'pulp s':>7} {'pulp/raw':>8} | {'Δ opt':>8}")
    print(f"HiGHS options {OPTIONS} (same for all three paths); times in seconds, "
          f"median of {reps} interleaved runs; asm = assembling the plan's matrices (common "
          "to all paths); b = build after assembly, s = solve (with reading the results); "
          "ratio = (build + solve) / raw (build + solve), run by run")
    print(head)
    print("-" * len(head))
    ok = True
    for n, T in sizes:
        if time.perf_counter() - start > args.budget:
            print(f"{n:>4} x {T:<3} skipped: time budget of {args.budget:.0f} s used up")
            continue
        try:
            facts, runs = measure(n, T, reps)
        except (TimeoutError, ne.SolverError) as exc:
            print(f"{n:>4} x {T:<3} did not finish: {exc} (HiGHS time limit "
                  f"{OPTIONS['time_limit']:.0f} s)")
            continue

        def per_run(num: str, runs: dict[str, list[float]] = runs) -> list[float]:
            return [a / b for a, b in zip(runs[num], runs["raw total"], strict=True)]

        dir_ratio, pulp_ratio = per_run("direct total"), per_run("pulp total")
        r = {k: median(v) for k, v in runs.items()}
        print(f"{n:>4} x {T:<3} {facts['rows']:>6} {facts['cols']:>6} {facts['nnz']:>7} | "
              f"{r['assemble']:>6.3f} | {r['raw build']:>6.3f} {r['raw solve']:>7.3f} | "
              f"{r['direct build']:>6.3f} {r['direct solve']:>7.3f} {median(dir_ratio):>7.2f} | "
              f"{r['pulp model']:>6.3f} {r['pulp solve']:>7.3f} {median(pulp_ratio):>8.2f} | "
              f"{max(runs['diff']):>8.1e}")
        print(f"          runs: raw total {spread(runs['raw total'])}, direct total "
              f"{spread(runs['direct total'])}, PuLP total {spread(runs['pulp total'])}")
        print(f"          with the assembly added to the library paths: direct/raw "
              f"{spread(per_run('direct total+asm'), '{:.2f}')}, PuLP/raw "
              f"{spread(per_run('pulp total+asm'), '{:.2f}')}")
        print(f"          HiGHS method: {facts['method']}")
        print(f"          library defaults, plan.solve(): {spread(runs['defaults total'])} s "
              f"(assembly and reading included), {facts['defaults method']}, "
              f"Δ opt {max(runs['diff defaults']):.1e}")
        size = f"({n}, {T})"
        ok &= target(f"{size} direct path within 1.2x raw highspy", dir_ratio,
                     lambda x: x <= 1.2, "{:.2f}")
        ok &= target(f"{size} equal optima to 1e-7 relative", runs["diff"],
                     lambda x: x <= 1e-7, "{:.1e}")
        ok &= target(f"{size} library defaults' optimum within 1e-6 relative",
                     runs["diff defaults"], lambda x: x <= 1e-6, "{:.1e}")
        if (n, T) == (200, 30):
            ok &= target(f"{size} library defaults far below the 400 s time limit [s]",
                         runs["defaults total"], lambda x: x < 400.0, "{:.1f}")
        if (n, T) == (100, 20):
            ok &= target(f"{size} PuLP build, assembly included, < 0.5 s", runs["pulp build"],
                         lambda x: x < 0.5)
            ok &= target(f"{size} PuLP total within 1.3x raw highspy", pulp_ratio,
                         lambda x: x <= 1.3, "{:.2f}")
    print("all targets met in every run" if ok else "some targets NOT met in some runs")
    return 0 if ok else 1

if __name__ == "__main__":
    sys.exit(main())
