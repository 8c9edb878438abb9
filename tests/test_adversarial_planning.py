"""Hostile and extreme input at the planning, growth, exact, symbolic and exercise entry points.

Every call either raises a :class:`~nonequivalent.NonequivalentError` subclass or returns
finite results that satisfy the model's invariants. Anything else (a bare ``ValueError``,
``TypeError``, ``OverflowError``, ``AttributeError``, a RuntimeWarning, which the test
configuration turns into an error, or a silent NaN) fails the test. Examples are few per
entry point, so the whole file runs in well under a minute.
"""

from __future__ import annotations

import math
import warnings
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nonequivalent as ne
from nonequivalent import exact, exercises, symbolic
from nonequivalent.planning import LinearProgram, solve_lp

pytestmark = [
    pytest.mark.filterwarnings("ignore::nonequivalent.planning.DegeneracyWarning"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]
FEW = settings(max_examples=40, deadline=None,
               suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------------- strategies
extreme = st.one_of(st.floats(-1e300, 1e300), st.sampled_from(
    [0.0, -0.0, 1e-300, -1e-300, 1e300, 1e15, 1e19, 5e-324, 1.0, 0.5, 2.0]))
junk_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.just(10**400),
    st.just(-10**400), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12), st.sampled_from(["1.5", "0.9x", "nan", "inf", "1e999999999",
                                           "__import__('os')", "", "1/3"]),
    st.complex_numbers(max_magnitude=10), st.just(np.float64("nan")),
    st.just(np.complex128(1 + 1j)), st.lists(st.floats(-2, 2), max_size=3),
    st.dictionaries(st.text(max_size=3), st.floats(-2, 2), max_size=2), st.just(object()))
scalar = st.one_of(junk_scalar, extreme, st.floats(0.0, 2.0))


def outcome(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """The result, or None when the library raised one of its own errors."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return fn(*args, **kwargs)
    except ne.NonequivalentError:
        return None


def finite(values: Any) -> bool:
    return bool(np.isfinite(np.asarray(values, dtype=float)).all())


# ---------------------------------------------------------------------- linear programs
@FEW
@given(c=st.lists(scalar, min_size=0, max_size=3), a=scalar, lo=scalar, up=scalar,
       offset=scalar)
def test_linear_program_constructor(c, a, lo, up, offset) -> None:
    lp = outcome(LinearProgram, c, [[a] * max(len(c), 1)], col_lower=lo, row_upper=up,
                 offset=offset)
    if lp is None:
        return
    assert finite(lp.c) and finite(lp.A.data)
    assert not (lp.col_lower == np.inf).any() and not (lp.row_upper == -np.inf).any()
    sol = outcome(solve_lp, lp, "highs-direct")
    if sol is not None:
        assert math.isfinite(sol.objective) and finite(sol.x) and finite(sol.shadow_prices)
        assert sol.objective == pytest.approx(sol.dual_objective, rel=1e-6, abs=1e-6)


@FEW
@given(time_limit=scalar, iteration_limit=scalar, method=st.one_of(st.text(max_size=6),
       st.sampled_from(["choose", "simplex", "ipm", "pdlp"])),
       options=st.one_of(st.none(), st.dictionaries(
           st.sampled_from(["time_limit", "presolve", "threads", "time_limt", "solver",
                            "run_crossover", "random_seed"]), scalar, max_size=2)),
       solver=st.sampled_from(["highs", "highs-direct", "cbc"]),
       vertex=st.sampled_from([None, True, False, "yes"]))
def test_solve_lp_options(time_limit, iteration_limit, method, options, solver,
                          vertex) -> None:
    lp = LinearProgram([3.0, 5.0], [[1.0, 1.0], [1.0, 3.0]], row_upper=[4.0, 6.0])
    if solver == "cbc" and not ne.planning.available_solvers()["cbc"]:
        return
    try:
        sol = outcome(solve_lp, lp, solver, method=method, time_limit=time_limit,
                      iteration_limit=iteration_limit, options=options, vertex=vertex)
    except Exception as exc:  # a limit reached is a SolverError, already a library error
        raise AssertionError(f"bare {type(exc).__name__}: {exc}") from exc
    if sol is not None:
        assert sol.objective == pytest.approx(14.0, rel=1e-6)


# ---------------------------------------------------------------------- plans
ECO = ne.Economy([[0.1, 0.2], [0.1, 0.3]], labour={"peasant": [1.0, 0.0],
                                                  "worker": [0.0, 0.5]},
                 sectors=["grain", "steel"], capital=[[0.0, 0.0], [1.0, 1.0]])


@FEW
@given(supply=scalar, cap=scalar, floor=scalar, limit=scalar, deficit=scalar)
def test_static_plan(supply, cap, floor, limit, deficit) -> None:
    plan = outcome(ne.StaticPlan, ECO, {"peasant": supply, "worker": 50.0},
                   capacity={"steel": cap}, worker_basket={"grain": 0.1},
                   real_wage_floor=floor, marketed_good="grain", marketed_limit=limit,
                   world_prices={"grain": 1.0}, trade_deficit=deficit)
    if plan is None:
        return
    res = outcome(plan.solve, "highs-direct")
    if res is not None:
        assert math.isfinite(res.objective) and finite(res.output) and finite(res.hours)
        assert (res.valuations >= 0).all()


@settings(max_examples=25, deadline=None)
@given(discount=scalar, migration=scalar, depreciation=scalar, years=scalar, share=scalar)
def test_multiyear_plan(discount, migration, depreciation, years, share) -> None:
    if isinstance(years, float) and math.isfinite(years) and 1 <= years <= 8:
        years = int(years)
    plan = outcome(ne.MultiYearPlan, ECO, years, {"grain": 10.0, "steel": 10.0},
                   {"peasant": 100.0, "worker": 50.0}, migration=migration,
                   depreciation=depreciation, max_investment_share=share,
                   discount=discount, heavy_sector="steel")
    if plan is None:
        return
    res = outcome(plan.solve, "highs-direct")
    if res is not None:
        assert math.isfinite(res.objective) and finite(res.capacity) and finite(res.output)


@settings(max_examples=20, deadline=None)
@given(price=scalar, forced=scalar, floor=st.one_of(scalar, st.floats(0.3, 1.2)))
def test_variants(price, forced, floor) -> None:
    import dataclasses

    v = dataclasses.replace(ne.LEFT_COURSE, name="probe", price_ratio=price,
                            forced_procurement=forced, real_wage_floor=floor)
    plan = outcome(v.plan, ne.base_plan(years=3))
    if plan is None:
        return
    res = outcome(plan.solve, "highs-direct")
    if res is not None:
        assert finite(res.capacity) and (res.real_wage >= 0).all()


# ---------------------------------------------------------------------- growth models
@FEW
@given(Y0=scalar, alpha0=scalar, lambda_k=scalar, beta_k=scalar, beta_c=scalar,
       times=st.one_of(scalar, st.lists(extreme, max_size=3)), simulate=st.booleans())
def test_feldman_domar(Y0, alpha0, lambda_k, beta_k, beta_c, times, simulate) -> None:
    g = outcome(ne.feldman_domar, Y0=Y0, alpha0=alpha0, lambda_k=lambda_k, beta_k=beta_k,
                beta_c=beta_c, times=times, simulate=simulate, steps_per_unit=10)
    if g is None:
        return
    p = g.path
    assert finite(p) and (p.index >= 0).all()
    np.testing.assert_allclose(p["income"], p["investment"] + p["consumption"], rtol=1e-9)


@FEW
@given(args=st.lists(scalar, min_size=6, max_size=6))
def test_feldman_domar_old_inputs(args) -> None:
    g = outcome(ne.feldman_domar, *args)
    if g is not None:
        assert finite(g.path)


@FEW
@given(Y0=scalar, alpha0=scalar, lambda_k=scalar, beta_k=scalar, beta_c=scalar,
       periods=st.one_of(scalar, st.integers(0, 3000)), simulate=st.booleans())
def test_mahalanobis_two_sector(Y0, alpha0, lambda_k, beta_k, beta_c, periods,
                                simulate) -> None:
    g = outcome(ne.mahalanobis_two_sector, Y0=Y0, alpha0=alpha0, lambda_k=lambda_k,
                beta_k=beta_k, beta_c=beta_c, periods=periods, simulate=simulate)
    if g is not None:
        p = g.path
        assert finite(p)
        np.testing.assert_allclose(p["income"], p["investment"] + p["consumption"],
                                   rtol=1e-9)


@FEW
@given(inv=scalar, dY=scalar, dN=scalar, lk=scalar,
       beta=st.one_of(scalar, st.lists(scalar, min_size=4, max_size=4)),
       theta=st.one_of(scalar, st.lists(extreme, min_size=4, max_size=4)))
def test_mahalanobis_four_sector(inv, dY, dN, lk, beta, theta) -> None:
    df = outcome(ne.mahalanobis_four_sector, inv, dY, dN, lk, beta=beta, theta=theta)
    if df is not None:
        assert finite(df) and df["share"].sum() == pytest.approx(1.0)
        assert (df["share"] >= -1e-12).all()


@FEW
@given(gh=scalar, gl=scalar, v1=scalar, v2=scalar, p=scalar, c=scalar, w=scalar,
       horizon=st.one_of(scalar, st.integers(1, 5000)))
def test_dobb_sen_and_overtaking(gh, gl, v1, v2, p, c, w, horizon) -> None:
    import pandas as pd

    t = outcome(ne.overtaking_time, gh, gl, v1, v2)
    if t is not None:
        assert math.isfinite(t) and t > 0
    r = outcome(ne.reinvestment_rate, p, c, w)
    if r is not None:
        assert math.isfinite(r)
    tech = pd.DataFrame({"output_per_worker": [3.0, 6.0], "investment_per_worker": [2.0, 6.0]})
    df = outcome(ne.choice_of_technique, tech, wage=w, horizon=horizon)
    if df is not None:
        assert finite(df.drop(columns="recovery_period"))


# ---------------------------------------------------------------------- exact and symbolic
exact_number = st.one_of(junk_scalar, st.fractions(max_denominator=50),
                         st.integers(-100, 100), st.decimals(allow_nan=True,
                                                             allow_infinity=True))


@FEW
@given(value=exact_number, allow_float=st.booleans())
def test_exact_rational(value, allow_float) -> None:
    r = outcome(exact.rational, value, allow_float=allow_float)
    if r is not None:
        assert isinstance(r, sympy.Rational)
        if isinstance(value, Fraction):
            assert r == sympy.Rational(value.numerator, value.denominator)


@FEW
@given(a=exact_number, b=exact_number, lab=exact_number)
def test_exact_economy(a, b, lab) -> None:
    A = [[a, "1/10"], [b, "1/5"]]
    lam = outcome(exact.labour_values, A, [lab, "1/2"])
    if lam is not None:
        assert all(isinstance(v, sympy.Rational) for v in lam)
        R = outcome(exact.max_profit_rate, A)
        assert R is not None and (R == sympy.oo or float(R) > 0)


@FEW
@given(eps=scalar, pe=scalar)
def test_symbolic_evaluate(eps, pe) -> None:
    out = outcome(symbolic.squeeze_optimum_price().evaluate, epsilon=eps, p_e=pe)
    if out is not None:
        assert finite(out)


# ---------------------------------------------------------------------- exercises
@settings(max_examples=60, deadline=None)
@given(topic=st.one_of(st.sampled_from(exercises.list()), st.text(max_size=8)),
       seed=st.one_of(st.integers(0, 50), junk_scalar),
       answer=st.one_of(junk_scalar, st.text(max_size=40),
                        st.lists(st.one_of(junk_scalar, st.text(max_size=8)), max_size=6),
                        st.dictionaries(st.text(max_size=6), junk_scalar, max_size=3)))
def test_exercise_check(topic, seed, answer) -> None:
    res = outcome(exercises.check, topic, seed, answer)
    if res is not None:
        assert isinstance(res.correct, bool) and isinstance(res.message, str)


@FEW
@given(price=scalar, q0=scalar, eps=scalar, result=junk_scalar)
def test_marketing_and_accounts(price, q0, eps, result) -> None:
    q = outcome(ne.isoelastic_marketing, price, q0, eps)
    if q is not None:
        assert math.isfinite(q) and q >= 0
    assert outcome(ne.plan_labour_account, result) is None
    assert outcome(ne.plan_surplus_account, result, [1.0, 1.0]) is None
    lim = outcome(ne.marketing_limit, q0, price)
    if lim is not None:
        assert math.isfinite(lim) and lim >= 0


@pytest.mark.parametrize("value", [[], None, 10**400])
def test_highs_option_value_of_no_accepted_type_is_named(value) -> None:
    lp = LinearProgram([3.0, 5.0], [[1.0, 1.0], [1.0, 3.0]], row_upper=[4.0, 6.0])
    with pytest.raises(ne.NonequivalentError, match="'presolve' cannot take the value"):
        solve_lp(lp, "highs", options={"presolve": value})
