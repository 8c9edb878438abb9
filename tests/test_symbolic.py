"""sympy closed forms checked against the numeric functions."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

import nonequivalent as ne
from nonequivalent import symbolic


@given(st.floats(0.1, 10), st.floats(0.1, 1000), st.floats(0.1, 10))
def test_two_good_transfer_matches_numeric(pe_a, q_a, sigma):
    cf = symbolic.two_good_transfer()
    assert cf.evaluate(p_e_a=pe_a, q_a=q_a, sigma=sigma) == pytest.approx(
        ne.two_good_transfer(pe_a, q_a, sigma), rel=1e-12, abs=1e-12 * pe_a * q_a)


def test_two_good_transfer_derivation():
    cf = symbolic.two_good_transfer()
    labels = [label for label, _ in cf.derivation]
    assert labels == ["transfer", "balanced trade", "in terms of σ"]
    # the last derivation step simplifies to the result
    assert sp.simplify(cf.derivation[-1][1] - cf.expr) == 0
    assert cf.names == ("p_e_a", "q_a", "sigma")
    assert "sigma" in cf.latex()
    assert list(cf.to_frame().index) == [*labels, "result"]
    assert "Preobrazhensky" in str(cf)


@given(st.floats(0.0, 5.0), st.floats(0.1, 10))
def test_isoelastic_squeeze_optimum_matches_numeric(eps, pe):
    cf = symbolic.squeeze_optimum_price("isoelastic")
    got = cf.evaluate(epsilon=eps, p_e=pe)
    r = ne.IsoelasticResponse(50.0, 1.0, eps)
    assert got == pytest.approx(ne.squeeze_optimum(r, pe).price, rel=1e-14, abs=1e-15)
    numeric = ne.squeeze_optimum(ne.CallableResponse(r), pe)
    assert numeric.price == pytest.approx(got, rel=1e-4, abs=1e-5 * pe)


@given(st.floats(1.0, 100), st.floats(0.0, 5), st.floats(1.0, 50), st.floats(0.1, 10))
def test_linear_squeeze_optimum_matches_numeric(q0, p0, b, pe):
    cf = symbolic.squeeze_optimum_price("linear")
    p_star = cf.evaluate(p_e=pe, p0=p0, q0=q0, b=b)
    r = ne.LinearResponse(q0, p0, b)
    opt = ne.squeeze_optimum(r, pe)
    # the unconstrained stationary point equals the library's optimum when it is interior
    if max(0.0, r.choke_price) < p_star < pe:
        assert opt.price == pytest.approx(p_star, rel=1e-12, abs=1e-12)
    else:
        assert opt.price == pytest.approx(min(pe, max(0.0, p_star)), abs=1e-12)


dual = st.fixed_dictionaries({
    "q0": st.floats(1, 1000), "p0": st.floats(0.1, 10), "elasticity": st.floats(0.05, 3),
    "workers": st.floats(1, 1000), "food_share": st.floats(0.05, 0.95),
    "productivity": st.floats(0.5, 10)})


def _sym_values(eco: ne.DualEconomy) -> dict[str, float]:
    return {"q0": eco.q0, "p0": eco.p0, "epsilon": eco.elasticity, "L": eco.workers,
            "beta": eco.food_share, "a": eco.productivity}


@given(dual, st.floats(0.1, 5), st.floats(0.1, 5))
def test_accumulation_derivative_fixed_wage(params, p, w):
    eco = ne.DualEconomy(**params)
    cf = symbolic.accumulation_derivative("fixed")
    vals = {k: v for k, v in _sym_values(eco).items() if k in cf.names}
    vals.update({k: v for k, v in {"p": p, "w": w}.items() if k in cf.names})
    assert cf.evaluate(**vals) == pytest.approx(eco.comparative_statics(p, w).dS_dp,
                                                rel=1e-10)


@given(dual, st.floats(0.1, 5), st.floats(0.0, 0.99))
def test_optimal_price_and_floor_derivative(params, V, frac):
    eco = ne.DualEconomy(**params)
    om = frac * (1 + eco.elasticity)
    base = _sym_values(eco)
    cf = symbolic.optimal_procurement_price(peasant_weight=True)
    vals = {k: v for k, v in {**base, "V": V, "omega": om}.items() if k in cf.names}
    p_star = cf.evaluate(**vals)
    assert p_star == pytest.approx(eco.optimal_wedge(V, om).procurement_price, rel=1e-10)
    # the sympy first-order condition vanishes at p* (scaled by its two terms)
    foc = cf.derivation[-1][1]
    syms = sorted(foc.free_symbols, key=lambda s: s.name)
    given_values = {**base, "V": V, "omega": om, "p": p_star}
    value = float(sp.lambdify(syms, foc)(*(given_values[s.name] for s in syms)))
    q = eco.marketed_surplus(p_star)
    assert abs(value) <= 1e-9 * (1 + eco.elasticity) * q
    # ... and with ω = 0 the real-wage-floor derivative of S vanishes at p*
    d = symbolic.accumulation_derivative("real-wage-floor")
    p0_star = eco.optimal_wedge(V).procurement_price
    dvals = {k: v for k, v in {**base, "V": V, "p": p0_star}.items() if k in d.names}
    assert abs(d.evaluate(**dvals)) <= 1e-9 * (1 + eco.elasticity) * eco.marketed_surplus(
        p0_star)
    # below p* a squeeze (with workers held at V) lowers accumulation: dS/dp > 0
    dvals["p"] = 0.5 * p0_star
    assert d.evaluate(**dvals) > 0


def test_evaluate_arrays_and_errors():
    cf = symbolic.squeeze_optimum_price()
    out = cf.evaluate(epsilon=np.array([0.5, 1.0]), p_e=1.0)
    assert out == pytest.approx([1 / 3, 0.5])
    with pytest.raises(TypeError, match="missing"):
        cf.evaluate(epsilon=1.0)
    with pytest.raises(TypeError, match="unexpected"):
        cf.evaluate(epsilon=1.0, p_e=1.0, q0=3.0)
    with pytest.raises(ne.MarketingResponseError):
        symbolic.squeeze_optimum_price("quadratic")
    with pytest.raises(ne.MarketingResponseError):
        symbolic.accumulation_derivative("sticky")
    assert isinstance(cf.expr, sp.Expr) and cf.latex().startswith("\\frac")


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "1.5", 1 + 1j, True, None,
                                 [], [[1.0], [1.0, 2.0]]])
def test_evaluate_refuses_junk(bad) -> None:
    with pytest.raises(ne.InvalidPriceError):
        symbolic.squeeze_optimum_price().evaluate(epsilon=bad, p_e=2.0)


def test_evaluate_refuses_points_outside_the_domain() -> None:
    # ε = -1: p* = ε pᵉ / (1 + ε) divides by zero
    with pytest.raises(ne.InvalidPriceError, match="not finite"):
        symbolic.squeeze_optimum_price().evaluate(epsilon=-1.0, p_e=2.0)
    with pytest.raises(ne.InvalidPriceError, match="broadcast"):
        symbolic.squeeze_optimum_price().evaluate(epsilon=[1.0, 2.0], p_e=[1.0, 2.0, 3.0])
