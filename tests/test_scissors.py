"""Scissors index, tribute, accumulation channels, squeeze optimum, dual economy."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import optimize

import nonequivalent as ne

# ----------------------------------------------------------------------------- scissors
# Published price indices, 1913 = 100. On 1 October 1923 industrial prices stood at 276 %
# and agricultural prices at 89 % of their 1913 level; by April 1924 the indices were 131
# and 92. Source as verified: Wikipedia, "Scissors Crisis" (text seen on the mirror
# http://everything.explained.today/Scissors_Crisis and others), which cites its own
# sources; A. Marshall's chapter (Routledge, doi 10.4324/9780203847008-11) says "three
# times higher". The figures are usually traced to A. Nove, An Economic History of the
# USSR, ch. 4, and E. H. Carr, The Interregnum 1923–1924 (not seen directly here).
SCISSORS_1923 = pd.DataFrame({"industrial": [100.0, 276.0, 131.0],
                              "agricultural": [100.0, 89.0, 92.0]},
                             index=pd.Index(["1913", "1923-10-01", "1924-04-01"], name="date"))


def test_october_1923_scissors():
    sigma = ne.scissors_index(SCISSORS_1923["industrial"], SCISSORS_1923["agricultural"],
                              base="1913")
    # σ = (276/100) / (89/100) = 3.1011; April 1924: (131/100)/(92/100) = 1.4239
    assert sigma["1923-10-01"] == pytest.approx(276 / 89)
    assert round(sigma["1923-10-01"], 1) == 3.1
    assert sigma["1924-04-01"] == pytest.approx(131 / 92)
    assert sigma["1913"] == 1.0
    assert sigma.attrs["base"] == "1913"


def test_scissors_any_base_and_datetime_average():
    idx = pd.to_datetime(["1913-01-01", "1913-07-01", "1923-10-01"])
    ind = pd.Series([90.0, 110.0, 276.0], index=idx)
    agr = pd.Series([100.0, 100.0, 89.0], index=idx)
    # base = mean of the 1913 observations: P_m,0 = 100, P_a,0 = 100
    sigma = ne.scissors_index(ind, agr, base="1913")
    assert sigma.iloc[-1] == pytest.approx(276 / 89)
    # default base = first observation
    assert ne.scissors_index(ind, agr).iloc[-1] == pytest.approx((276 / 90) / 0.89)
    # rebasing to 1923 gives σ = 1 there
    assert ne.scissors_index(ind, agr, base=idx[-1]).iloc[-1] == pytest.approx(1.0)


def test_scissors_errors():
    ind, agr = SCISSORS_1923["industrial"], SCISSORS_1923["agricultural"]
    with pytest.raises(ne.InvalidPriceError):
        ne.scissors_index(ind, agr.where(agr > 90, 0.0))
    with pytest.raises(ne.InvalidPriceError):
        ne.scissors_index(ind * -1, agr)
    with pytest.raises(ne.LabelMismatchError):
        ne.scissors_index(ind, agr.iloc[::-1])
    with pytest.raises(ne.LabelMismatchError):
        ne.scissors_index(ind, agr, base="1900")
    with pytest.raises(ne.InvalidPriceError):
        ne.scissors_index(ind.to_numpy(), agr)


@given(st.floats(0.1, 10), st.floats(0.1, 10), st.floats(0.1, 10), st.floats(0.1, 10),
       st.floats(0.1, 1000))
def test_two_good_transfer_matches_exchange_account(pe_a, pe_m, p_a, p_m, q_a):
    """With balanced trade, underpayment + overpayment = p^e_a q_a (1 − 1/σ)."""
    eco = ne.Economy(np.zeros((2, 2)), labour=[1.0, 1.0], sectors=["grain", "cloth"])
    q_m = p_a * q_a / p_m
    g = ne.Group("peasants", sells={"grain": q_a}, buys={"cloth": q_m})
    acc = ne.exchange_account(eco, g, {"grain": p_a, "cloth": p_m},
                              ne.given_benchmark({"grain": pe_a, "cloth": pe_m}, "base"))
    sigma = (p_m / pe_m) / (p_a / pe_a)
    got = acc.money_transfer["peasants"]
    assert got == pytest.approx(ne.two_good_transfer(pe_a, q_a, sigma), rel=1e-9,
                                abs=1e-9 * (pe_a * q_a + pe_m * q_m))


# ----------------------------------------------------------------------------- tribute
def test_tribute_worked_example():
    # peasants sell 100 grain at 0.9 (1913 price 1.0) and buy 30 cloth at 3.0 (1913: 2.0),
    # pay 20 in taxes: underpayment (1 − 0.9)·100 = 10, overpayment (3 − 2)·30 = 30.
    g = ne.Group("peasants", sells={"grain": 100}, buys={"cloth": 30}, taxes=20)
    t = ne.tribute(g, {"grain": 0.9, "cloth": 3.0},
                   ne.base_period_benchmark({"grain": 1.0, "cloth": 2.0}))
    assert (t.overpayment, t.underpayment, t.taxes, t.total) == pytest.approx((30, 10, 20, 60))
    assert t.shares.sum() == pytest.approx(1.0)
    assert t.to_frame().loc["overpayment", "share"] == pytest.approx(0.5)
    assert "1913 prices" in t.summary()
    # the sales tax that raises 60 on sales worth p^e·s = 100 is 60 %; on p·s = 90, 2/3;
    # the hidden part alone (40) is a 40 % tax.
    assert ne.equivalent_tax_rate(t) == pytest.approx(0.6)
    assert ne.equivalent_tax_rate(t, base="actual") == pytest.approx(60 / 90)
    assert ne.equivalent_tax_rate(t, include_taxes=False) == pytest.approx(0.4)
    # the tribute equals the money part of the exchange account
    eco = ne.Economy(np.zeros((2, 2)), labour=[1.0, 1.0], sectors=["grain", "cloth"])
    acc = ne.exchange_account(eco, g, {"grain": 0.9, "cloth": 3.0},
                              {"grain": 1.0, "cloth": 2.0})
    assert acc.by_group.loc["peasants", "tribute"] == pytest.approx(t.total)


def test_tribute_errors():
    buyer = ne.Group("workers", buys={"grain": 1})
    t = ne.tribute(buyer, {"grain": 1.0}, {"grain": 1.0})
    assert t.total == 0.0 and t.shares.isna().all() and "undefined" in t.summary()
    with pytest.raises(ne.InvalidGroupError):
        ne.equivalent_tax_rate(t)                      # a group that sells nothing
    with pytest.raises(ne.InvalidPriceError):
        ne.equivalent_tax_rate(t, base="1913")
    with pytest.raises(ne.LabelMismatchError):
        ne.tribute(buyer, {"cloth": 1.0}, {"cloth": 1.0})
    with pytest.raises(ne.InvalidPriceError):
        ne.tribute(buyer, {"grain": -1.0}, {"grain": 1.0})
    with pytest.raises(ne.InvalidGroupError):
        ne.tribute("peasants", {"grain": 1.0}, {"grain": 1.0})


# ----------------------------------------------------------------------------- accumulation
def test_accumulation_channels():
    # inflation tax: π/(1+π) · M/P = 0.5/1.5 · 300/2 = 50
    assert ne.inflation_tax(0.5, 300.0, 2.0) == pytest.approx(50.0)
    # foreign trade: (e p^w − p^proc) X = (2·3 − 4)·10 + (2·1 − 1)·5 = 25
    assert ne.foreign_trade_margin({"grain": 3.0, "timber": 1.0}, {"grain": 4.0, "timber": 1.0},
                                   {"grain": 10, "timber": 5}, 2.0) == pytest.approx(25.0)
    fund = ne.accumulation_fund(taxes=100, price_policy=50, emission=50, foreign_trade=25,
                                loans=25, other={"gold sales": 0.0})
    assert fund.total == 250.0
    assert fund.shares.sum() == pytest.approx(1.0)
    assert fund.shares["taxes"] == pytest.approx(0.4)
    assert list(fund.to_frame().columns) == ["amount", "share"]
    assert "Preobrazhensky" in fund.summary()
    t = ne.tribute(ne.Group("p", sells={"g": 10}, taxes=3), {"g": 0.5}, {"g": 1.0})
    assert ne.accumulation_fund(price_policy=t).channels["price policy"] == 5.0


def test_accumulation_errors():
    with pytest.raises(ne.InvalidPriceError):
        ne.inflation_tax(-1.0, 100.0)
    with pytest.raises(ne.InvalidPriceError):
        ne.inflation_tax(0.1, 100.0, 0.0)
    with pytest.raises(ne.InvalidPriceError):
        ne.accumulation_fund(taxes=float("nan"))
    with pytest.raises(ne.InvalidPriceError):
        ne.accumulation_fund(other={"taxes": 1.0})
    with pytest.raises(ne.InvalidPriceError):
        ne.foreign_trade_margin(1.0, 1.0, 1.0, -1.0)
    with pytest.raises(ne.LabelMismatchError):
        ne.foreign_trade_margin({"grain": 1.0}, {"oil": 1.0}, {"grain": 1.0}, 1.0)


# ----------------------------------------------------------------------------- squeeze
@given(st.floats(0.01, 100), st.floats(0.1, 10), st.floats(0.0, 5.0), st.floats(0.1, 10))
def test_isoelastic_closed_form_equals_numeric(q0, p0, eps, pe):
    r = ne.IsoelasticResponse(q0, p0, eps)
    closed = ne.squeeze_optimum(r, pe)
    assert closed.price == pytest.approx(eps * pe / (1 + eps), abs=1e-15)
    numeric = ne.squeeze_optimum(ne.CallableResponse(r), pe)
    assert numeric.method.startswith("numeric")
    # the maximum value agrees to optimizer precision; the argmax to √precision
    assert numeric.extraction == pytest.approx(closed.extraction, rel=1e-9, abs=1e-12)
    assert numeric.price == pytest.approx(closed.price, rel=1e-4, abs=1e-5 * pe)
    grid = np.linspace(0, pe, 501)
    # The closed form evaluates q(p*) as exp(log q) and the grid as q0 (p/p0)^ε: each
    # carries a relative rounding error of a few units of u = 2^-52 times the condition
    # number of its evaluation, i.e. the magnitude of the logarithms it adds up (an
    # absolute error δ in log q is a relative error δ in q), with ε amplifying the
    # error of p/p0. A near-tie on the grid may exceed the closed form by that much.
    u = np.finfo(float).eps
    cond = 2 + abs(math.log(q0)) + eps * (abs(math.log(eps)) if eps > 0 else 0.0) + eps * (
        abs(math.log(pe)) + abs(math.log1p(eps)) + abs(math.log(p0)) + 1)
    best_on_grid = np.max(ne.extraction(r, pe, grid))
    assert closed.extraction >= best_on_grid * (1 - 8 * u * cond)


@given(st.floats(0.0, 100), st.floats(0.0, 10), st.floats(0.0, 50), st.floats(0.1, 10))
def test_linear_closed_form_equals_numeric(q0, p0, slope, pe):
    r = ne.LinearResponse(q0, p0, slope)
    closed = ne.squeeze_optimum(r, pe)
    numeric = ne.squeeze_optimum(ne.CallableResponse(r), pe)
    scale = 1e-9 * (1 + q0 + slope * (pe + p0)) * pe
    assert numeric.extraction == pytest.approx(closed.extraction, abs=scale)
    grid = np.linspace(0, pe, 501)
    assert closed.extraction >= np.max(ne.extraction(r, pe, grid)) - scale


def test_linear_worked_example():
    # q = 10 + 20 (p − 1): choke price p_min = 1 − 10/20 = 0.5; with p^e = 1.5 the
    # extraction (1.5 − p)·20 (p − 0.5) peaks at the midpoint p* = 1.0, E = 0.5 · 10 = 5.
    opt = ne.squeeze_optimum(ne.LinearResponse(10.0, 1.0, 20.0), 1.5)
    assert (opt.price, opt.quantity, opt.extraction) == pytest.approx((1.0, 10.0, 5.0))
    assert opt.method.startswith("closed form")
    # a flat response: squeeze all the way down
    assert ne.squeeze_optimum(ne.LinearResponse(10.0, 1.0, 0.0), 1.5, lower=0.2).price == 0.2


def test_grain_crisis_diagnostic():
    # ε = 0.5, p^e = 1: p* = 1/3. A squeeze to p = 0.1 collects
    # (0.9)·100·√0.1 = 28.46 < (2/3)·100·√(1/3) = 38.49: beyond the optimum.
    r = ne.IsoelasticResponse(100.0, 1.0, 0.5)
    d = ne.squeeze_diagnostic(r, 1.0, 0.1)
    assert d.beyond_optimum
    assert d.extraction == pytest.approx(0.9 * 100 * np.sqrt(0.1))
    assert d.shortfall == pytest.approx((2 / 3) * 100 * np.sqrt(1 / 3) - d.extraction)
    assert "collects less" in d.message
    above = ne.squeeze_optimum(r, 1.0).diagnose(0.8)
    assert not above.beyond_optimum and "lower price" in above.message
    assert d.to_frame().loc["current", "beyond_optimum"]


def test_extraction_series_and_scalar():
    r = ne.IsoelasticResponse(100.0, 1.0, 0.5)
    s = pd.Series([0.25, 1.0], index=["squeeze", "parity"])
    out = ne.extraction(r, 1.0, s)
    assert list(out.index) == ["squeeze", "parity"]
    assert out.tolist() == pytest.approx([37.5, 0.0])


def test_marketing_response_errors():
    wiggly = ne.CallableResponse(lambda p: 10 + np.sin(20 * p), name="wiggly")
    with pytest.raises(ne.MarketingResponseError, match="not non-decreasing"):
        ne.squeeze_optimum(wiggly, 1.0)
    with pytest.raises(ne.MarketingResponseError):
        ne.squeeze_optimum(ne.IsoelasticResponse(1.0, 1.0, -0.5), 1.0)
    with pytest.raises(ne.MarketingResponseError):
        ne.squeeze_optimum(ne.LinearResponse(1.0, 1.0, -0.5), 1.0)
    with pytest.raises(ne.MarketingResponseError):
        ne.CallableResponse(lambda p: -np.ones_like(p))(1.0)
    with pytest.raises(ne.MarketingResponseError):
        ne.IsoelasticResponse(0.0, 1.0, 0.5)
    with pytest.raises(ne.MarketingResponseError):
        ne.CallableResponse("not callable")       # type: ignore[arg-type]
    with pytest.raises(ne.InvalidPriceError):
        ne.squeeze_optimum(ne.IsoelasticResponse(1.0, 1.0, 0.5), 0.0)
    with pytest.raises(ne.InvalidPriceError):
        ne.squeeze_optimum(ne.IsoelasticResponse(1.0, 1.0, 0.5), 1.0, lower=1.0)
    with pytest.raises(ne.InvalidPriceError):
        ne.extraction(ne.IsoelasticResponse(1.0, 1.0, 0.5), 1.0, -0.1)
    with pytest.raises(ne.InvalidPriceError):
        ne.IsoelasticResponse(1.0, 1.0, -0.5)(0.0)


def test_scalar_only_callable_is_accepted():
    def q(p: float) -> float:
        if not isinstance(p, float):
            raise TypeError("scalar only")
        return 100 * p ** 0.5

    opt = ne.squeeze_optimum(q, 1.0)
    assert opt.price == pytest.approx(1 / 3, rel=1e-4)


# ----------------------------------------------------------------------------- dual economy
dual_params = st.fixed_dictionaries({
    "q0": st.floats(1, 1000), "p0": st.floats(0.1, 10), "elasticity": st.floats(0.05, 3),
    "workers": st.floats(1, 1000), "food_share": st.floats(0.05, 0.95),
    "productivity": st.floats(0.5, 10)})


def test_dual_worked_example():
    # q0 = 100, p0 = 1, ε = 0.5, L = 100, β = 0.5, a = 2; at p = 1, w = 1:
    # q = 100, p_r = 100·0.5·1/100 = 0.5, margin (0.5 − 1)·100 = −50, industry (2 − 1)·100
    # = 100, S = 50 = 200 − 50 − 100; U_p = 100/1.5; V = 1/√0.5 = √2.
    out = ne.DualEconomy().outcome(1.0, 1.0)
    assert (out.marketed_surplus, out.retail_price, out.retail_margin,
            out.industrial_surplus, out.accumulation) == pytest.approx((100, 0.5, -50, 100, 50))
    assert out.peasant_welfare == pytest.approx(100 / 1.5)
    assert out.real_wage == pytest.approx(np.sqrt(2))
    # Cobb–Douglas indirect utility β^β (1 − β)^(1−β) w / p_r^β = 0.5 · √2
    assert out.worker_utility == pytest.approx(0.5 * np.sqrt(2))
    # the ad valorem wedge (p_r − p)/p = −0.5; the ratio p_r/p = 0.5
    assert out.wedge == pytest.approx(-0.5)
    assert out.retail_procurement_ratio == pytest.approx(0.5)
    assert "accumulation" in out.summary()
    with pytest.warns(DeprecationWarning, match="real_wage"):
        assert out.worker_welfare == out.real_wage
    with pytest.warns(DeprecationWarning, match="real_wage"):
        assert ne.DualEconomy().worker_welfare(1.0, 1.0) == out.real_wage


@given(dual_params, st.floats(0.1, 5), st.floats(0.1, 5))
def test_dual_squeeze_raises_accumulation_and_hurts_both(params, p, w):
    """Sah & Stiglitz (1984): a squeeze raises accumulation, both groups lose."""
    eco = ne.DualEconomy(**params)
    cs = eco.comparative_statics(p, w)
    assert cs.squeeze_raises_accumulation
    assert cs.squeeze_hurts_peasants and cs.squeeze_hurts_workers
    # finite differences: a 1 % squeeze
    h = 0.01 * p
    assert eco.accumulation(p - h, w) > eco.accumulation(p, w)
    assert eco.peasant_welfare(p - h) < eco.peasant_welfare(p)
    assert eco.real_wage(p - h, w) < eco.real_wage(p, w)
    # derivatives against central differences
    d = 1e-4 * p          # truncation ~ (d/p)² = 1e-8; round-off ~ 1e-16 S / d stays small
    fd = (eco.accumulation(p + d, w) - eco.accumulation(p - d, w)) / (2 * d)
    # round-off of the difference: a few ulps of the terms of S, divided by 2d
    roundoff = 1e-15 * (eco.productivity * eco.workers + w * eco.workers
                        + p * eco.marketed_surplus(p)) / d
    assert fd == pytest.approx(cs.dS_dp, rel=1e-5, abs=roundoff)
    fd = (eco.real_wage(p + d, w) - eco.real_wage(p - d, w)) / (2 * d)
    assert fd == pytest.approx(cs.dV_dp, rel=1e-5)
    dw = 1e-4 * w
    fd = (eco.real_wage(p, w + dw) - eco.real_wage(p, w - dw)) / (2 * dw)
    assert fd == pytest.approx(cs.dV_dw, rel=1e-5)


@given(dual_params, st.floats(0.1, 5), st.floats(0.0, 0.99))
def test_dual_optimal_wedge_closed_form_equals_numeric(params, V, weight_frac):
    eco = ne.DualEconomy(**params)
    om = weight_frac * (1 + eco.elasticity)
    opt = eco.optimal_wedge(V, peasant_weight=om)
    # the workers are exactly at the floor, p_r/p is (1 + ε − ω)/ε, the wedge (1 − ω)/ε
    assert opt.outcome.real_wage == pytest.approx(V, rel=1e-9)
    assert opt.retail_procurement_ratio == pytest.approx(
        (1 + eco.elasticity - om) / eco.elasticity, rel=1e-9)
    assert opt.wedge == pytest.approx((1 - om) / eco.elasticity, rel=1e-9,
                                      abs=1e-9 / eco.elasticity)

    def objective(logp: float) -> float:
        p = float(np.exp(logp))
        return -(eco.accumulation(p, eco.wage_for(p, V)) + om * eco.peasant_welfare(p))

    lp = np.log(opt.procurement_price)
    res = optimize.minimize_scalar(objective, bounds=(lp - 5, lp + 5), method="bounded",
                                   options={"xatol": 1e-10})
    best = -objective(lp)
    assert -res.fun <= best + 1e-9 * (abs(best) + eco.productivity * eco.workers)
    assert np.exp(res.x) == pytest.approx(opt.procurement_price, rel=1e-4)


@settings(max_examples=30, deadline=None)
@given(dual_params, st.floats(0.05, 5), st.floats(0.0, 0.9))
def test_dual_optimal_wedge_with_worker_weight_is_the_maximum(params, theta, weight_frac):
    """With workers' utility weighted by θ, (p*, w*) maximizes S + ω U_p + θ L u."""
    eco = ne.DualEconomy(**params)
    om = weight_frac * (1 + eco.elasticity)
    opt = eco.optimal_wedge(peasant_weight=om, worker_weight=theta)
    assert opt.retail_procurement_ratio == pytest.approx(
        (1 + eco.elasticity - om) / eco.elasticity, rel=1e-9)

    def objective(x: np.ndarray) -> float:
        p, w = float(np.exp(x[0])), float(np.exp(x[1]))
        return -(eco.accumulation(p, w) + om * eco.peasant_welfare(p)
                 + theta * eco.workers * eco.worker_utility(p, w))

    x0 = np.log([opt.procurement_price, opt.wage])
    best = -objective(x0)
    scale = abs(best) + eco.productivity * eco.workers
    # no point nearby does better (a stationary maximum, not a saddle or a minimum)
    rng = np.random.default_rng(0)
    for step in rng.normal(size=(40, 2)) * 0.05:
        assert -objective(x0 + step) <= best + 1e-9 * scale
    res = optimize.minimize(objective, x0 + 0.2, method="Nelder-Mead",
                            options={"xatol": 1e-10, "fatol": 1e-12 * scale, "maxiter": 4000})
    assert -res.fun <= best + 1e-7 * scale


def test_dual_errors():
    with pytest.raises(ne.InvalidGroupError):
        ne.DualEconomy(food_share=1.0)
    with pytest.raises(ne.InvalidGroupError):
        ne.DualEconomy(workers=0.0)
    with pytest.raises(ne.MarketingResponseError):
        ne.DualEconomy(elasticity=-1.0)
    with pytest.raises(ne.MarketingResponseError):
        ne.DualEconomy(elasticity=0.0).optimal_wedge(1.0)
    with pytest.raises(ne.InvalidGroupError):
        ne.DualEconomy(elasticity=0.5).optimal_wedge(1.0, peasant_weight=1.5)
    with pytest.raises(ne.InvalidPriceError):
        ne.DualEconomy().accumulation(0.0, 1.0)
    with pytest.raises(ne.InvalidGroupError, match="exactly one"):
        ne.DualEconomy().optimal_wedge()
    with pytest.raises(ne.InvalidGroupError, match="exactly one"):
        ne.DualEconomy().optimal_wedge(1.0, worker_weight=1.0)
    with pytest.raises(ne.InvalidGroupError):
        ne.DualEconomy().optimal_wedge(worker_weight="abc")


def test_terms_of_trade_by_hand():
    p = pd.Series({"grain": 1.0, "cloth": 3.0, "iron": 2.0})
    pe = pd.Series({"grain": 2.0, "cloth": 1.5, "iron": 2.0})
    # weights on cloth only: level = 3 / 1.5 = 2; grain at half its benchmark: T = 0.5 / 2
    assert ne.terms_of_trade(p, pe, "grain", weights={"grain": 9, "cloth": 1, "iron": 0}) \
        == pytest.approx(0.25)
    # no weights: cloth and iron equally, level = (3 + 2) / (1.5 + 2) = 10/7; T = 0.5 * 0.7
    assert ne.terms_of_trade(p, pe, "grain") == pytest.approx(0.35)
    # at benchmark prices the terms of trade are at parity
    assert ne.terms_of_trade(pe, pe, "iron") == pytest.approx(1.0)


def test_terms_of_trade_errors():
    p = pd.Series({"grain": 1.0, "cloth": 3.0})
    with pytest.raises(ne.LabelMismatchError):
        ne.terms_of_trade(p, p, "salt")
    with pytest.raises(ne.LabelMismatchError):
        ne.terms_of_trade(p, pd.Series({"grain": 1.0, "iron": 1.0}), "grain")
    with pytest.raises(ne.InvalidPriceError):
        ne.terms_of_trade(p.where(p.index != "grain", 0.0), p, "grain")
    with pytest.raises(ne.InvalidPriceError):
        ne.terms_of_trade([1.0, 3.0], p, "grain")


def test_moved_names_resolve_from_old_module_with_deprecation_warning():
    import warnings

    import nonequivalent as ne
    from nonequivalent.exchange import scissors

    for name, new in [("tribute", ne.tribute), ("DualEconomy", ne.DualEconomy),
                      ("squeeze_optimum", ne.squeeze_optimum)]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert getattr(scissors, name) is new
        assert any(issubclass(w.category, DeprecationWarning) for w in caught)
    with pytest.raises(AttributeError):
        scissors.no_such_name
