"""Surplus accounts by group and the sources of accumulation (DESIGN §2.5)."""

from __future__ import annotations

import dataclasses
import math
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nonequivalent as ne
from nonequivalent.accounts.surplus import FACTORS, ROWS
from tests.strategies import condition_tolerance, economies

# Town and country: grain takes 2 hours, cloth 1 (A = 0), so λ = (2, 1); the benchmark is
# labour values in hours (μ = 1): p^e = (2, 1).
TC = ne.Economy([[0.0, 0.0], [0.0, 0.0]], labour=[2.0, 1.0], sectors=["grain", "cloth"])
BENCH = ne.labour_value_benchmark(TC)


@st.composite
def periods(draw, eco, spend_income=False, at_benchmark=None, fixed_worker=None):
    """A valid Period for ``eco`` (inputs valid by construction)."""
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    n = eco.n
    goods = eco.sectors

    def vec(lo, hi, positive_somewhere=True):
        v = rng.uniform(lo, hi, size=n)
        if positive_somewhere:
            v[rng.integers(n)] += 0.5
        return pd.Series(v, index=goods)

    prices = at_benchmark if at_benchmark is not None else vec(0.1, 3.0)
    taxes = 0.0 if spend_income else float(rng.uniform(-1.0, 5.0))
    peasants = ne.Group("peasants", sells=vec(0.0, 10.0), buys=vec(0.0, 10.0), taxes=taxes)
    if fixed_worker is not None:
        worker = fixed_worker
    else:
        retail = None if rng.random() < 0.5 else vec(0.1, 3.0)
        worker = ne.Worker(float(rng.uniform(1.0, 50.0)), float(rng.uniform(0.5, 20.0)),
                           vec(0.0, 3.0), retail_prices=retail)
    n_workers = float(rng.uniform(1.0, 100.0))
    if rng.random() < 0.7:
        m1 = float(rng.uniform(1.0, 3.0))
        m0 = float(rng.uniform(0.5, m1))
        household = ne.Household(4, m1, float(rng.uniform(1.0, 50.0)), vec(0.0, 3.0))
        n_households = float(rng.uniform(0.0, n_workers / (m1 - m0 + 1e-9) * 0.9))
        n_households = min(n_households, 1e6)
    else:
        household, n_households, m0 = None, 0.0, 1.0
    return ne.Period(prices, peasants, worker, n_workers, household=household,
                     n_households=n_households, counterfactual_earners=m0)


@st.composite
def economy_and_periods(draw, spend_income=False):
    eco = draw(economies(max_n=5))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    bench = ne.given_benchmark(pd.Series(rng.uniform(0.2, 3.0, eco.n), index=eco.sectors),
                               "test benchmark")
    base = draw(periods(eco, spend_income))
    later = draw(periods(eco, spend_income))
    return eco, bench, base, later


# ---------------------------------------------------------------------------- properties
@given(economy_and_periods(), st.booleans())
def test_account_reconciles_and_rows_add_up(epp, spend_income):
    eco, bench, base, _ = epp
    if spend_income:
        base = dataclasses.replace(base, peasants=dataclasses.replace(base.peasants,
                                                                      taxes=0.0))
    acc = base.account(eco, bench, spend_income=spend_income)
    t = acc.table
    assert list(t.index) == list(ROWS)
    assert acc.is_reconciled
    scale = t[["hours_given", "hours_received"]].abs().to_numpy().sum() + 1.0
    tol = condition_tolerance(eco)
    assert math.isclose(t.loc["state", "surplus_hours"],
                        t.loc[list(ROWS[:3]), "surplus_hours"].sum(), abs_tol=tol * scale)
    # the peasants' row is the exchange account
    ex = acc.exchange.by_group.loc["peasants"]
    assert t.loc["peasants", "surplus_hours"] == ex["labour_transfer"]
    assert t.loc["peasants", "surplus_money"] == ex["tribute"]


@given(economy_and_periods(), st.floats(1e-3, 1e3), st.booleans())
def test_scaling_money_units_changes_no_hour_figure(epp, c, spend_income):
    eco, bench, base, _ = epp
    if spend_income:
        base = dataclasses.replace(base, peasants=dataclasses.replace(base.peasants,
                                                                      taxes=0.0))
    w = base.worker
    scaled = dataclasses.replace(
        base, prices=base.prices * c,
        peasants=dataclasses.replace(base.peasants, taxes=base.peasants.taxes * c),
        worker=dataclasses.replace(w, wage=w.wage * c, retail_prices=None
                                   if w.retail_prices is None else w.retail_prices * c))
    sbench = ne.given_benchmark(bench.prices * c, "scaled")
    a = base.account(eco, bench, spend_income=spend_income)
    b = scaled.account(eco, sbench, spend_income=spend_income)
    hours = ["hours_given", "hours_received", "surplus_hours"]
    money = ["taxes", "underpayment", "overpayment", "surplus_money"]
    tol = condition_tolerance(eco)
    scale = a.table[hours].abs().to_numpy().max() + 1.0
    np.testing.assert_allclose(b.table[hours], a.table[hours], rtol=tol, atol=tol * scale)
    mscale = a.table[money].abs().to_numpy().max() + 1.0
    np.testing.assert_allclose(b.table[money], c * a.table[money], rtol=tol,
                               atol=tol * c * mscale)
    d1 = ne.sources_of_accumulation(eco, sbench, scaled, scaled, spend_income=spend_income)
    assert math.isclose(d1.base_fund, a.accumulation_fund_hours, rel_tol=tol,
                        abs_tol=tol * scale)


@given(economy_and_periods(), st.sampled_from(["hours", "money"]))
def test_decomposition_shares_sum_to_one(epp, measure):
    eco, bench, base, later = epp
    res = ne.sources_of_accumulation(eco, bench, base, later, measure=measure)
    scale = max(abs(res.base_fund), abs(res.later_fund), 1.0)
    assert math.isclose(res.contributions.sum(), res.change, rel_tol=1e-9,
                        abs_tol=1e-9 * scale)
    assert math.isclose(res.by_group.sum(), res.contributions.sum(), rel_tol=1e-12,
                        abs_tol=1e-12 * scale)
    if res.shares_defined:
        bound = 1e-12 * (1.0 + res.shares.abs().sum())
        assert abs(res.shares.sum() - 1.0) <= bound
        assert abs(res.group_shares.sum() - 1.0) <= bound
    else:
        assert res.shares.isna().all()
    # the later fund is the later period's account
    acc = later.account(eco, bench, melt=res.melt)
    col = "surplus_hours" if measure == "hours" else "surplus_money"
    tol = condition_tolerance(eco)
    assert math.isclose(res.later_fund, acc.table.loc["state", col], rel_tol=tol,
                        abs_tol=tol * scale)


@given(economy_and_periods(spend_income=True))
def test_decomposition_shares_sum_to_one_with_incomes_spent(epp):
    eco, bench, base, later = epp
    res = ne.sources_of_accumulation(eco, bench, base, later, spend_income=True)
    scale = max(abs(res.base_fund), abs(res.later_fund), 1.0)
    assert math.isclose(res.contributions.sum(), res.change, abs_tol=1e-9 * scale)
    if res.shares_defined:
        assert abs(res.shares.sum() - 1.0) <= 1e-12 * (1.0 + res.shares.abs().sum())


@st.composite
def benchmark_periods(draw):
    """Two periods at benchmark prices with the same worker (wage, basket, retail)."""
    eco = draw(economies(max_n=5))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    pe = pd.Series(rng.uniform(0.2, 3.0, eco.n), index=eco.sectors)
    worker = ne.Worker(float(rng.uniform(1, 50)), float(rng.uniform(0.5, 20)),
                       pd.Series(rng.uniform(0.1, 3.0, eco.n), index=eco.sectors))
    base = draw(periods(eco, at_benchmark=pe, fixed_worker=worker))
    later = draw(periods(eco, at_benchmark=pe, fixed_worker=worker))
    return eco, ne.given_benchmark(pe, "parity"), base, later


@given(benchmark_periods(), st.sampled_from(["hours", "money"]), st.booleans())
def test_nothing_attributed_to_price_policy_at_benchmark_prices(epp, measure, spend):
    eco, bench, base, later = epp
    if spend:
        base = dataclasses.replace(base, peasants=dataclasses.replace(base.peasants,
                                                                      taxes=0.0))
        later = dataclasses.replace(later, peasants=dataclasses.replace(later.peasants,
                                                                        taxes=0.0))
    res = ne.sources_of_accumulation(eco, bench, base, later, measure=measure,
                                     spend_income=spend)
    for factor in ("price policy", "retail margins", "real wage", "money wage"):
        assert res.contributions[factor] == 0.0
    # and at benchmark prices the peasants' money tribute is their taxes alone
    acc = base.account(eco, bench)
    assert acc.table.loc["peasants", "surplus_money"] == pytest.approx(base.peasants.taxes,
                                                                       abs=1e-9)


@given(st.lists(st.floats(-5, 5), min_size=1, max_size=6), st.data())
def test_shapley_is_exact_for_any_function(base_vals, data):
    k = len(base_vals)
    later_vals = data.draw(st.lists(st.floats(-5, 5), min_size=k, max_size=k))
    coefs = data.draw(st.lists(st.floats(-3, 3), min_size=k + 1, max_size=k + 1))
    names = [f"f{i}" for i in range(k)]

    def f(x):  # a non-additive function: linear terms, a product and a maximum
        vals = [x[n] for n in names]
        return (sum(c * v for c, v in zip(coefs, vals, strict=False))
                + coefs[-1] * math.prod(vals) + max(vals))

    base = dict(zip(names, base_vals, strict=True))
    later = dict(zip(names, later_vals, strict=True))
    phi = ne.shapley_decomposition(f, base, later)
    scale = 1.0 + sum(abs(f({n: (later[n] if (m >> i) & 1 else base[n])
                             for i, n in enumerate(names)})) for m in range(1 << k))
    assert math.isclose(phi.sum(), f(later) - f(base), abs_tol=1e-12 * scale)
    for i, n in enumerate(names):  # a factor that does not change gets exactly zero
        if base[n] == later[n]:
            assert phi.iloc[i] == 0.0


# ---------------------------------------------------------------------------- worked
def test_worked_surplus_account():
    # λ = (2, 1), p^e = (2, 1), μ = 1.
    # Peasants sell 10 grain at 1 (p^e 2) and buy 8 cloth at 1.25 (p^e 1), taxes 2:
    #   hours given 20, received 8, transfer 12;
    #   underpayment (2 − 1)·10 = 10, overpayment (1.25 − 1)·8 = 2, tribute 2 + 10 + 2 = 14.
    # Workers: N = 20 of h = 10 hours, basket 1 grain + 2 cloth: v = 2 + 2 = 4.
    #   μ = p^e·b / λ·b = 4/4 = 1. Wage 5, retail prices (1.5, 1) → p_r·b = 3.5.
    # Households: H = 4 with m1 = 2, m0 = 1, h_f = 10: X = 4 extra earners, 40 hours.
    #   Workers' row: given 20·10 − 40 = 160, received 20·4 = 80, surplus 80.
    #   Money: underpayment 20·(1·10 − 5) − 40 = 60; overpayment 20·(1.5 − 2)·1 = −10;
    #   surplus 50. Households: 40 hours, 40 money.
    # State: 12 + 80 + 40 = 132 hours; 14 + 50 + 40 = 104 money.
    # Memo retail margin N (p_r − p)·b = 20·[(1.5 − 1)·1 + (1 − 1.25)·2] = 0.
    acc = ne.surplus_account(
        TC, {"grain": 1.0, "cloth": 1.25}, BENCH,
        ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 8}, taxes=2.0),
        ne.Worker(10, 5, {"grain": 1, "cloth": 2}, retail_prices={"grain": 1.5, "cloth": 1}),
        n_workers=20, household=ne.Household(5, 2, 10, {"grain": 2, "cloth": 4}),
        n_households=4)
    t = acc.table
    assert acc.melt == pytest.approx(1.0)
    assert t.loc["peasants", ["hours_given", "hours_received", "surplus_hours"]].tolist() == \
        pytest.approx([20, 8, 12])
    assert t.loc["peasants", ["taxes", "underpayment", "overpayment", "surplus_money"]
                 ].tolist() == pytest.approx([2, 10, 2, 14])
    assert t.loc["workers", ["hours_given", "hours_received", "surplus_hours"]].tolist() == \
        pytest.approx([160, 80, 80])
    assert t.loc["workers", ["underpayment", "overpayment", "surplus_money"]].tolist() == \
        pytest.approx([60, -10, 50])
    assert t.loc["two-earner households", ["surplus_hours", "surplus_money"]].tolist() == \
        pytest.approx([40, 40])
    assert t.loc["state", ["hours_given", "hours_received", "surplus_hours"]].tolist() == \
        pytest.approx([88, 220, 132])
    assert acc.accumulation_fund_money == pytest.approx(104)
    assert t["share_hours"].tolist() == pytest.approx([12 / 132, 80 / 132, 40 / 132, 1])
    assert acc.retail_margin == pytest.approx(0.0)
    rec = acc.reconciliation
    assert rec.loc["groups give, net"].tolist() == pytest.approx([132, 104])
    assert rec.loc["state receives"].tolist() == pytest.approx([132, 104])
    assert acc.is_reconciled and acc.shares_defined
    assert acc.to_frame().attrs["benchmark"] == "labour values"
    text = str(acc)
    assert "Reconciliation" in text and "carved out" in text


def test_consistent_households_split_into_counterfactual_and_extra():
    # All 20 workers in H = 10 two-earner households; per-worker basket = family basket
    # / 2. Family basket 2 grain + 4 cloth: λ·b_f = 8; h = 10.
    # Workers' row = H (m0 h − λ·b_f) = 10 (10 − 8) = 20; households = H (2 − 1) 10 = 100.
    acc = ne.surplus_account(
        TC, {"grain": 2.0, "cloth": 1.0}, BENCH,
        ne.Group("peasants", sells={"grain": 1}, buys={"cloth": 2}),
        ne.Worker(10, 4, {"grain": 1, "cloth": 2}), n_workers=20,
        household=ne.Household(4, 2, 10, {"grain": 2, "cloth": 4}), n_households=10)
    assert acc.table.loc["workers", "surplus_hours"] == pytest.approx(20)
    assert acc.table.loc["two-earner households", "surplus_hours"] == pytest.approx(100)
    assert acc.household.rate_of_exploitation == pytest.approx((20 - 8) / 8)


def test_worked_price_squeeze_and_wage_cut_shapley_by_hand():
    # Town and country, λ = (2, 1), hours, spend_income=True (purchases follow incomes).
    #
    # Peasants sell s = 10 grain and spend proceeds net of taxes on cloth (d̄ = 1 cloth):
    #   d = (10 p_g − τ)/p_c cloth, transfer F_p = λ·s − λ·d = 20 − (10 p_g − τ)/p_c.
    #   Base p = (2, 1), τ = 0; later (price squeeze, scissors) p = (1, 2), τ = 4.
    #   F_p: base 20 − 20 = 0; prices only 20 − 10/2 = 15; taxes only 20 − 16 = 4;
    #   both 20 − 6/2 = 17.
    #   Shapley (2 factors): price policy ½[(15 − 0) + (17 − 4)] = 14,
    #                        taxes ½[(4 − 0) + (17 − 15)] = 3.            Sum 17.
    #
    # Workers: h = 8, basket composition b̄ = 1 grain + 2 cloth (λ·b̄ = 4), they spend
    #   the wage w at retail prices r: b = w/(r·b̄) b̄, surplus per worker
    #   s(w, r) = 8 − 4 w/(r·b̄). Base w = 4, r = (2, 1) (r·b̄ = 4): s = 4.
    #   Later: the money wage rises to 6 but retail prices triple, r = (6, 3) (r·b̄ = 12):
    #   the real wage halves, s = 8 − 2 = 6.
    #   s(w only) = 8 − 6 = 2; s(r only) = 8 − 4/3 = 20/3.
    # Households: later H = 5 two-earner households against one earner: X = 5 extra
    #   earners, workforce 10 → 15. Fund from workers F_w = (10 + X) s(w, r).
    #   F_w: ∅ 40; W 20; R 200/3; WR 60; E 60; WE 30; RE 100; WRE 90.  Change 50.
    #   Shapley weights for 3 factors: 1/3 (|S| = 0), 1/6 (|S| = 1), 1/3 (|S| = 2).
    #   money wage:     1/3(20 − 40) + 1/6(60 − 200/3) + 1/6(30 − 60) + 1/3(90 − 100)
    #                 = −20/3 − 10/9 − 5 − 10/3 = −145/9
    #   retail margins: 1/3(200/3 − 40) + 1/6(60 − 20) + 1/6(100 − 60) + 1/3(90 − 30)
    #                 = 80/9 + 20/3 + 20/3 + 20 = 380/9
    #   extra earners:  1/3(60 − 40) + 1/6(30 − 20) + 1/6(100 − 200/3) + 1/3(90 − 60)
    #                 = 20/3 + 5/3 + 50/9 + 10 = 215/9
    #   Sum (−145 + 380 + 215)/9 = 50.
    # Total change 17 + 50 = 67: shares price policy 14/67, taxes 3/67, money wage
    # −145/603, retail margins 380/603, extra earners 215/603; peasants 17/67,
    # workers 235/603 (= (−145 + 380)/603), households 215/603.
    base = ne.Period(
        {"grain": 2.0, "cloth": 1.0},
        ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 1}, taxes=0.0),
        ne.Worker(8, 4, {"grain": 1, "cloth": 2}, retail_prices={"grain": 2, "cloth": 1}),
        n_workers=10, label="1928")
    later = ne.Period(
        {"grain": 1.0, "cloth": 2.0},
        ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 1}, taxes=4.0),
        ne.Worker(8, 6, {"grain": 1, "cloth": 2}, retail_prices={"grain": 6, "cloth": 3}),
        n_workers=15, household=ne.Household(4, 2, 8, {"grain": 2, "cloth": 4}),
        n_households=5, label="1932")
    res = ne.sources_of_accumulation(TC, BENCH, base, later, spend_income=True)
    assert res.base_fund == pytest.approx(40)
    assert res.later_fund == pytest.approx(17 + 90)
    assert res.change == pytest.approx(67)
    expected = {"price policy": Fraction(14), "marketings": Fraction(0),
                "taxes": Fraction(3), "real wage": Fraction(0),
                "money wage": Fraction(-145, 9), "retail margins": Fraction(380, 9),
                "employment": Fraction(0), "extra earners": Fraction(215, 9)}
    for factor, value in expected.items():
        assert res.contributions[factor] == pytest.approx(float(value), abs=1e-12)
        assert res.shares[factor] == pytest.approx(float(value / 67), abs=1e-12)
    assert res.group_shares.to_dict() == pytest.approx(
        {"peasants": 17 / 67, "workers": 235 / 603, "two-earner households": 215 / 603})
    assert res.shares_defined and abs(res.residual) < 1e-12
    frame = res.to_frame()
    assert frame.loc["extra earners", "group"] == "two-earner households"
    assert list(frame.index) == [f for f in FACTORS if f != "wage and retail prices"]
    text = str(res)
    assert "Shapley" in text and "1928 -> 1932" in text


def test_zero_change_gives_undefined_shares():
    p = ne.Period({"grain": 2.0, "cloth": 1.0},
                  ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 5}),
                  ne.Worker(8, 4, {"grain": 1, "cloth": 2}), n_workers=10)
    res = ne.sources_of_accumulation(TC, BENCH, p, p, measure="money")
    assert res.change == 0.0
    assert not res.shares_defined
    assert res.shares.isna().all() and res.group_shares.isna().all()
    assert (res.contributions == 0.0).all()
    assert "undefined" in str(res)


# ---------------------------------------------------------------------------- errors
PEASANTS = ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 5})
WORKER = ne.Worker(8, 4, {"grain": 1, "cloth": 2})
PRICES = {"grain": 1.0, "cloth": 1.0}


def test_mismatched_goods_labels():
    with pytest.raises(ne.LabelMismatchError):
        ne.surplus_account(TC, PRICES, BENCH, ne.Group("p", sells={"steel": 1}), WORKER, 10)
    with pytest.raises(ne.LabelMismatchError):
        ne.surplus_account(TC, PRICES, BENCH, PEASANTS, ne.Worker(8, 4, {"bread": 1}), 10)
    with pytest.raises(ne.LabelMismatchError):
        ne.surplus_account(TC, {"grain": 1.0, "steel": 1.0}, BENCH, PEASANTS, WORKER, 10)
    with pytest.raises(ne.LabelMismatchError):
        ne.surplus_account(TC, PRICES, BENCH, PEASANTS, WORKER, 10,
                           household=ne.Household(3, 2, 8, {"bread": 1}), n_households=1)


def test_bad_groups_and_households():
    with pytest.raises(ne.InvalidGroupError):
        ne.Period(PRICES, "peasants", WORKER, 10)
    with pytest.raises(ne.InvalidHouseholdError):
        ne.Period(PRICES, PEASANTS, WORKER, 0)
    with pytest.raises(ne.InvalidHouseholdError, match="Household"):
        ne.Period(PRICES, PEASANTS, WORKER, 10, n_households=3)
    with pytest.raises(ne.InvalidHouseholdError, match="exceed"):
        ne.Period(PRICES, PEASANTS, WORKER, 10, household=ne.Household(4, 2, 8, {"grain": 1}),
                  n_households=11)
    with pytest.raises(ne.InvalidHouseholdError, match="at most m1"):
        ne.Period(PRICES, PEASANTS, WORKER, 10, household=ne.Household(4, 2, 8, {"grain": 1}),
                  n_households=1, counterfactual_earners=3)
    with pytest.raises(ne.InvalidPriceError):
        ne.surplus_account(TC, PRICES, {"grain": 1.0}, PEASANTS, WORKER, 10)
    with pytest.raises(ne.InvalidPriceError):
        ne.surplus_account(TC, PRICES, BENCH, PEASANTS, WORKER, 10, melt=0.0)


def test_taxes_above_proceeds_when_incomes_are_spent():
    taxed = ne.Group("peasants", sells={"grain": 1}, buys={"cloth": 5}, taxes=5.0)
    with pytest.raises(ne.InvalidGroupError, match="exceed"):
        ne.surplus_account(TC, PRICES, BENCH, taxed, WORKER, 10, spend_income=True)


def test_bad_decomposition_arguments():
    p = ne.Period(PRICES, PEASANTS, WORKER, 10)
    with pytest.raises(ne.InvalidGroupError, match="measure"):
        ne.sources_of_accumulation(TC, BENCH, p, p, measure="roubles")
    with pytest.raises(ne.InvalidGroupError, match="Period"):
        ne.sources_of_accumulation(TC, BENCH, p, "1932")
    with pytest.raises(ne.InvalidGroupError, match="same factors"):
        ne.shapley_decomposition(lambda f: 0.0, {"a": 1}, {"b": 1})
    with pytest.raises(ne.InvalidGroupError, match="returned"):
        ne.shapley_decomposition(lambda f: float("nan"), {"a": 1}, {"a": 2})


# ------------------------------------------------- tolerances, caps and range (issue list)
def test_shares_undefined_when_the_fund_cancels_to_rounding_noise():
    # Surpluses 0.1 + 0.2 − 0.3: the fund is 5.6e-17 in floating point, not 0. Shares of
    # it would be ±1e15; relative to the gross flows (0.6) it is zero.
    eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    groups = [ne.Peasants(name="a", sells={"grain": 0.1}),
              ne.Peasants(name="b", sells={"grain": 0.2}),
              ne.Peasants(name="c", buys={"cloth": 0.3})]
    acc = ne.group_account(eco, {"grain": 1.0, "cloth": 1.0},
                           ne.labour_value_benchmark(eco, melt=1.0), groups, melt=1.0)
    assert acc.accumulation_fund_hours != 0.0          # the noise is there ...
    assert abs(acc.accumulation_fund_hours) < 1e-15
    assert not acc.shares_defined                      # ... and is not divided by
    assert acc.table[["share_hours", "share_money"]].isna().all().all()
    assert "shares undefined" in acc.summary()
    # a fund that does not cancel keeps its shares, summing to one over the groups
    ok = ne.group_account(eco, {"grain": 0.5, "cloth": 1.0},
                          ne.labour_value_benchmark(eco, melt=1.0), groups[:2], melt=1.0)
    assert ok.shares_defined
    assert ok.table["share_hours"].iloc[:-1].sum() == pytest.approx(1.0, rel=1e-12)
    assert ok.table["share_money"].iloc[:-1].sum() == pytest.approx(1.0, rel=1e-12)


def test_shapley_decomposition_caps_the_number_of_factors():
    from nonequivalent.accounts.sources import MAX_SHAPLEY_FACTORS

    calls = []

    def f(x):
        calls.append(1)
        return float(sum(x.values()))

    k = MAX_SHAPLEY_FACTORS
    phi = ne.shapley_decomposition(f, dict.fromkeys(map(str, range(k)), 0),
                                   dict.fromkeys(map(str, range(k)), 1))
    assert len(calls) == 2 ** k and phi.to_numpy() == pytest.approx(np.ones(k))
    calls.clear()
    with pytest.raises(ne.InvalidGroupError, match=r"at most 16 factors.*2\^25"):
        ne.shapley_decomposition(f, dict.fromkeys(map(str, range(25)), 0),
                                 dict.fromkeys(map(str, range(25)), 1))
    assert calls == []                                 # refused before any evaluation


def test_shapley_refuses_a_complex_or_text_value():
    with pytest.raises(ne.InvalidGroupError, match="complex"):
        ne.shapley_decomposition(lambda f: 1j * f["x"], {"x": 0}, {"x": 1})
    with pytest.raises(ne.InvalidGroupError, match="string"):
        ne.shapley_decomposition(lambda f: "abc", {"x": 0}, {"x": 1})


def test_a_huge_workforce_raises_instead_of_printing_nan(tmp_path):
    from importlib.resources import files

    text = files("nonequivalent.data").joinpath("ussr-1928.toml").read_text("utf-8")
    assert "number = 11.4" in text
    path = tmp_path / "huge.toml"
    path.write_text(text.replace("number = 11.4", "number = 1e308"), encoding="utf-8")
    with pytest.raises(ne.ScenarioError, match="surplus account is not finite") as exc:
        ne.report(str(path), later=None)
    assert exc.value.file == str(path) and exc.value.key == "groups.workers"
    # the library call below the scenario layer names the group in its own error
    sc = ne.scenarios.load(str(path))
    eco = sc.economy()
    with pytest.raises(ne.NumericalRangeError, match="group 'workers'"):
        ne.group_account(eco, sc.prices_series(), sc.equivalence_benchmark(eco), sc.groups)


# ---------------------------------------------------- known answers of the report's rows
def _by_hand_peasants_tribute(sc):
    """Taxes + (p^e − p)·s + (p − p^e)·d and p^e·s of the scenario's peasants, computed
    from the scenario's own data (Stalin, 9 July 1928)."""
    pe = sc.equivalence_benchmark().prices
    p = sc.prices_series()
    g = sc.group("peasants")
    s = pd.Series(dict(g.sells), dtype=float).reindex(p.index, fill_value=0.0)
    d = pd.Series(dict(g.buys), dtype=float).reindex(p.index, fill_value=0.0)
    total = g.taxes + float((pe - p) @ s) + float((p - pe) @ d)
    return total, float(pe @ s), float(p @ s)


def test_report_money_share_of_fund_known_answer():
    # 1932: p ≠ p^e, so the money shares differ from the hours shares (34.8 % of hours).
    sc = ne.scenarios.load("ussr-1932")
    rep = ne.report(sc, later=None)
    money = rep.to_frame("account_money_base")
    hours = rep.to_frame("account_hours_base")
    tribute_total, _, _ = _by_hand_peasants_tribute(sc)
    fund = money.loc["state", "surplus_money"]
    assert money.loc[["peasants", "workers", "two_earner_households"],
                     "surplus_money"].sum() == pytest.approx(fund, rel=1e-12)
    assert money.loc["peasants", "surplus_money"] == pytest.approx(tribute_total, rel=1e-12)
    # 11,723.69 / 36,356.79 = 32.25 %
    assert money.loc["peasants", "share_of_fund"] == pytest.approx(
        100 * tribute_total / fund, rel=1e-12)
    assert money.loc["peasants", "share_of_fund"] == pytest.approx(32.246, abs=1e-3)
    assert abs(hours.loc["peasants", "share_of_fund"] - 32.246) > 2.0
    assert money["share_of_fund"].drop("state").sum() == pytest.approx(100.0, rel=1e-12)


def test_report_equivalent_tax_rate_known_answer():
    # t = T / (p^e·s): the tribute over the sales at benchmark prices (not at actual ones)
    for name in ("ussr-1928", "ussr-1932"):
        sc = ne.scenarios.load(name)
        trib = ne.report(sc, later=None).to_frame("tribute").iloc[:, -1]
        total, sales_benchmark, sales_actual = _by_hand_peasants_tribute(sc)
        assert trib["peasants.total"] == pytest.approx(total, rel=1e-12)
        assert trib["peasants.equivalent_tax_rate"] == pytest.approx(
            total / sales_benchmark, rel=1e-12)
        assert abs(total / sales_actual - total / sales_benchmark) > 0.05


# --------------------------------------- sources in money: μ from the base period's basket
def test_sources_in_money_known_answer_with_mu_from_the_base_basket():
    """Benchmark p^e = (2, 1) with λ = (1, 1): not proportional to values. The basket
    changes from (1, 1) to (0, 2), so μ = p^e·b / λ·b is 3/2 on the base basket and 1 on
    the later one; the decomposition must use the base period's μ = 3/2 throughout.

    Workers' money fund F = N (μ h − w + (p_r − p^e)·b) with h = 8, p_r = (1, 1):
    base N = 10, w = 4, b = (1, 1): F0 = 10 (12 − 4 − 1) = 70;
    later N = 20, w = 2, b = (0, 2): F1 = 20 (12 − 2 + 0) = 200; change 130.
    Shapley, with F = 12 N + N·(−w) + N·m(b), m = (p_r − p^e)·b from −1 to 0:
    employment 12·10 + 10·(−3) + 10·(−0.5) = 85; money wage 2·15 = 30;
    real wage 1·15 = 15; retail margins 0. Peasants trade at p = p^e: 0.
    """
    eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    bench = ne.given_benchmark({"grain": 2.0, "cloth": 1.0}, "parity")
    retail = {"grain": 1.0, "cloth": 1.0}
    peasants = ne.Group("peasants", sells={"grain": 3}, buys={"cloth": 6})
    base = ne.Period({"grain": 2.0, "cloth": 1.0}, peasants,
                     ne.Worker(8, 4, {"grain": 1, "cloth": 1}, retail), n_workers=10)
    later = dataclasses.replace(base, worker=ne.Worker(8, 2, {"cloth": 2}, retail),
                                n_workers=20)
    res = ne.sources_of_accumulation(eco, bench, base, later, measure="money")
    assert res.melt == pytest.approx(1.5, rel=1e-15)
    assert (res.base_fund, res.later_fund, res.change) == pytest.approx((70, 200, 130),
                                                                        rel=1e-12)
    c = res.contributions
    assert c["employment"] == pytest.approx(85.0, rel=1e-12)
    assert c["money wage"] == pytest.approx(30.0, rel=1e-12)
    assert c["real wage"] == pytest.approx(15.0, rel=1e-12)
    assert c["retail margins"] == pytest.approx(0.0, abs=1e-12)
    assert res.by_group["peasants"] == pytest.approx(0.0, abs=1e-12)
    assert res.shares["employment"] == pytest.approx(85 / 130, rel=1e-12)


def test_tribute_shares_undefined_when_the_parts_cancel():
    # overpayment 0.1 + underpayment 0.2 + taxes −0.3 = 5.6e-17 in floating point
    t = ne.tribute(ne.Group("p", sells={"grain": 1.0}, buys={"cloth": 1.0}, taxes=-0.3),
                   {"grain": 0.8, "cloth": 1.1}, {"grain": 1.0, "cloth": 1.0})
    assert (t.overpayment, t.underpayment) == pytest.approx((0.1, 0.2), rel=1e-12)
    assert abs(t.total) < 1e-15
    assert not t.shares_defined and t.shares.isna().all()
    assert "shares undefined" in t.summary()
    ok = ne.tribute(ne.Group("p", sells={"grain": 1.0}, buys={"cloth": 1.0}, taxes=0.3),
                    {"grain": 0.8, "cloth": 1.1}, {"grain": 1.0, "cloth": 1.0})
    assert ok.shares_defined and ok.shares.sum() == pytest.approx(1.0, rel=1e-12)


def test_a_surplus_below_the_rounding_error_of_its_flows_is_refused():
    # retail price 1e21 for one good: underpayment and overpayment of about ±2.4e20 net to a
    # surplus of about 1.8e4, far below their rounding error (about 1e5)
    s = ne.scenarios.load("ussr-1932")
    huge = s.with_values({"workers.retail_prices.heavy industry": 1e21})
    with pytest.raises(ne.ScenarioError, match="no correct digits") as exc:
        huge.surplus_account()
    assert exc.value.key == "groups.workers"
    # a large but harmless rescaling of every price still computes and reconciles
    fine = s.with_values({"workers.retail_prices.heavy industry": 1.4e3})
    assert fine.surplus_account().is_reconciled
