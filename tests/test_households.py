"""Workers, households, earners needed, workforce dynamics (DESIGN §2.4, invariant 9)."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nonequivalent as ne
from tests.strategies import condition_tolerance, economies

# λ = l (I − A)^-1 with A = diag(0.5, 0.5), l = (1, 2): λ = (1/0.5, 2/0.5) = (2, 4).
ECO = ne.Economy([[0.5, 0.0], [0.0, 0.5]], labour=[1.0, 2.0], sectors=["food", "cloth"])
BASKET = {"food": 10.0, "cloth": 5.0}  # λ·b = 2·10 + 4·5 = 40 hours


@st.composite
def economy_and_basket(draw):
    eco = draw(economies(max_n=8))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    basket = rng.uniform(0.0, 5.0, size=eco.n)
    basket[rng.integers(eco.n)] += 0.5  # at least one good with a positive quantity
    return eco, pd.Series(basket, index=eco.sectors)


# ---------------------------------------------------------------------------- properties
@given(economy_and_basket(), st.floats(0.1, 50.0), st.integers(2, 12), st.data())
def test_family_exploitation_rises_with_earners(eb, hours, members, data):
    eco, basket = eb
    m = data.draw(st.floats(0.1, members - 0.1))
    dm = data.draw(st.floats(0.01, members - m))
    fam = ne.Household(members, m, hours, basket)
    lo = ne.household_account(eco, fam).rate_of_exploitation
    hi = ne.household_account(eco, dataclasses.replace(fam, earners=m + dm))
    assert hi.rate_of_exploitation > lo
    # e_f + 1 = m h / λ·b_f exactly proportional to m
    tol = condition_tolerance(eco)
    assert math.isclose((hi.rate_of_exploitation + 1) / (lo + 1), (m + dm) / m, rel_tol=tol)


@given(economy_and_basket(), st.floats(0.1, 50.0), st.floats(0.1, 6.0),
       st.floats(0.0, 30.0), st.booleans())
def test_value_per_hour_times_hours_sold_is_basket_value(eb, hours, m, dom, count):
    eco, basket = eb
    fam = ne.Household(7, m, hours, basket, domestic_hours=dom, count_domestic=count)
    acc = ne.household_account(eco, fam)
    lam_b = float(eco.labour_values() @ basket)
    tol = condition_tolerance(eco)
    assert math.isclose(acc.basket_value, lam_b, rel_tol=tol)
    # v × m h = λ·b_f (+ the domestic hours when they are counted)
    expected = lam_b + (dom if count else 0.0)
    assert math.isclose(acc.value_per_hour_sold * m * hours, expected, rel_tol=tol)
    assert acc.count_domestic is count


@given(st.floats(0.1, 10.0), st.floats(0.0, 0.95))
def test_real_wage_cut_needs_m0_over_one_minus_delta(m0, delta):
    need = ne.earners_needed(m0, delta)
    assert math.isclose(need.fractional * (1 - delta), m0, rel_tol=1e-12)
    assert need.whole >= need.fractional * (1 - ne.households.ROUNDING_TOLERANCE)
    assert need.whole - 1 < need.fractional


@given(economy_and_basket(), st.floats(1.0, 50.0), st.floats(0.0, 0.9))
def test_fractional_wage_cut_keeps_basket_and_buys_labour_at_one_over_one_minus_delta(
        eb, hours, delta):
    eco, basket = eb
    fam = ne.Household(50, 1.0, hours, basket)
    cut = ne.family_wage_cut(eco, fam, delta, whole_earners=False)
    tol = condition_tolerance(eco)
    assert math.isclose(cut.consumption_after, cut.before.basket_value, rel_tol=tol)
    assert math.isclose(cut.price_of_one_ratio, 1 / (1 - delta), rel_tol=tol)
    assert math.isclose(cut.extra_hours, (1 / (1 - delta) - 1) * hours, rel_tol=tol)
    assert math.isclose(cut.extra_surplus, cut.extra_hours, rel_tol=tol, abs_tol=tol * hours)


@given(economy_and_basket(), st.floats(1.0, 50.0), st.floats(0.01, 100.0))
def test_scaling_money_leaves_worker_hours_unchanged(eb, hours, c):
    eco, basket = eb
    prices = pd.Series(np.linspace(1.0, 2.0, eco.n), index=eco.sectors)
    w = ne.Worker(hours, 10.0, basket, retail_prices=prices)
    w2 = ne.Worker(hours, 10.0 * c, basket, retail_prices=prices * c)
    a, b = ne.worker_account(eco, w, prices * 0.5), ne.worker_account(eco, w2, prices * 0.5 * c)
    assert (a.value_of_labour_power, a.surplus_labour) == (b.value_of_labour_power,
                                                           b.surplus_labour)
    assert math.isclose(b.retail_margin, c * a.retail_margin, rel_tol=1e-12)


# ---------------------------------------------------------------------------- worked
def test_worked_worker_account():
    # h = 100, v = λ·b = 40 → surplus 60, e = 60/40 = 1.5.
    # retail cost 3·10 + 4·5 = 50; margin on food only: (3 − 1)·10 = 20.
    w = ne.Worker(100, 50, BASKET, retail_prices={"food": 3.0, "cloth": 4.0})
    acc = ne.worker_account(ECO, w, procurement_prices={"food": 1.0, "cloth": 4.0},
                            food=["food"])
    assert acc.value_of_labour_power == pytest.approx(40.0)
    assert acc.surplus_labour == pytest.approx(60.0)
    assert acc.rate_of_exploitation == pytest.approx(1.5)
    assert acc.basket_cost == pytest.approx(50.0)
    assert acc.retail_margin == pytest.approx(20.0)
    assert "rate of exploitation" in str(acc)
    assert acc.to_frame().loc["surplus labour h − v", "value"] == pytest.approx(60.0)
    # all goods: (3 − 1)·10 + (4 − 3)·5 = 25
    assert ne.retail_margin(ECO, w, {"food": 1.0, "cloth": 3.0}) == pytest.approx(25.0)


def test_worked_one_earner_family_becomes_two_earner_when_real_wage_halves():
    # Family basket λ·b_f = 40 hours, one earner of 100 hours.
    # Before: e_f = (100 − 40)/40 = 1.5; value per hour sold 40/100 = 0.4.
    # Real wage halves (δ = 0.5): m1 = 1/(1 − 0.5) = 2 earners (whole and fractional).
    # After: hours sold 200, consumption still 40 → e_f = (200 − 40)/40 = 4.
    # Extra hours to the state (2 − 1)·100 = 100 per household.
    # Labour per hour of real wage: 100/40 = 2.5 before, 200/40 = 5 after: ratio 2,
    # two workers for the price of one. Housing: 1 extra earner × 300 = 300 saved.
    fam = ne.Household(members=4, earners=1, hours_per_earner=100, basket=BASKET)
    before = ne.household_account(ECO, fam)
    assert before.rate_of_exploitation == pytest.approx(1.5)
    assert before.value_per_hour_sold == pytest.approx(0.4)
    cut = ne.family_wage_cut(ECO, fam, 0.5, housing_cost_per_migrant=300.0)
    assert cut.earners.fractional == pytest.approx(2.0)
    assert cut.earners.whole == 2
    assert cut.earners_after == 2.0
    assert cut.consumption_after == pytest.approx(40.0)
    assert cut.exploitation_before == pytest.approx(1.5)
    assert cut.exploitation_after == pytest.approx(4.0)
    assert cut.extra_hours == pytest.approx(100.0)
    assert cut.extra_surplus == pytest.approx(100.0)
    assert cut.labour_per_wage_before == pytest.approx(2.5)
    assert cut.labour_per_wage_after == pytest.approx(5.0)
    assert cut.price_of_one_ratio == pytest.approx(2.0)
    assert cut.housing_saving == pytest.approx(300.0)
    frame = cut.to_frame()
    assert frame.loc["family rate of exploitation", "after"] == pytest.approx(4.0)
    assert "whole earners" in str(cut)


def test_worked_rounding_up_gives_the_family_more_than_its_basket():
    # δ = 0.4: m1 = 1/0.6 = 5/3 fractional, 2 whole. With 2 earners each wage buys 0.6 of
    # the old one: consumption 2 · 0.6 · 40 = 48 hours; e_f = (200 − 48)/48 = 19/6.
    # Extra surplus vs before: (200 − 48) − (100 − 40) = 92 < extra hours 100.
    fam = ne.Household(4, 1, 100, BASKET)
    cut = ne.family_wage_cut(ECO, fam, 0.4)
    assert cut.earners.fractional == pytest.approx(5 / 3)
    assert cut.earners.whole == 2
    assert cut.consumption_after == pytest.approx(48.0)
    assert cut.exploitation_after == pytest.approx(19 / 6)
    assert cut.extra_surplus == pytest.approx(92.0)
    assert cut.price_of_one_ratio == pytest.approx(1 / 0.6)
    frac = ne.family_wage_cut(ECO, fam, 0.4, whole_earners=False)
    assert frac.rounding == "fractional"
    assert frac.extra_hours == pytest.approx(200 / 3)


def test_earners_needed_rounding_ignores_float_noise():
    # 0.6/(1 − 0.4) is 1.0000000000000002 in floating point: still one whole earner.
    need = ne.earners_needed(0.6, 0.4)
    assert need.fractional == pytest.approx(1.0)
    assert need.whole == 1
    assert ne.earners_needed(1, 0.0).whole == 1
    assert ne.earners_needed(2, -1.0).fractional == pytest.approx(1.0)  # a real-wage rise


def test_domestic_hours_counted_or_not():
    # D = 20 hours of unpaid domestic labour. Not counted: e_f = 1.5.
    # Counted: reproduction takes 40 + 20 = 60 hours, e_f = (100 − 60)/60 = 2/3.
    fam = ne.Household(4, 1, 100, BASKET, domestic_hours=20.0)
    assert ne.household_account(ECO, fam).rate_of_exploitation == pytest.approx(1.5)
    counted = ne.household_account(ECO, dataclasses.replace(fam, count_domestic=True))
    assert counted.rate_of_exploitation == pytest.approx(2 / 3)
    assert counted.count_domestic
    assert "counted" in str(counted)


def test_worked_real_wage_index():
    # wages 100 → 150 (×1.5), prices 1 → 3 (×3): real wage 1.5/3 = 0.5 (Goldman 2022:
    # about half). Base 1932 instead: 1928 is 2.
    idx = ne.real_wage_index(pd.Series({1928: 100.0, 1932: 150.0}), {1928: 1.0, 1932: 3.0})
    assert idx.to_dict() == pytest.approx({1928: 1.0, 1932: 0.5})
    idx2 = ne.real_wage_index({1928: 100.0, 1932: 150.0}, {1928: 1.0, 1932: 3.0}, base=1932)
    assert idx2[1928] == pytest.approx(2.0)


def test_worked_workforce_dynamics_from_long_table():
    # 1930: 1.0 migrants, 0.6 urban women, 0.4 others; 1931: 2.0, 1.0, 0.0.
    # Workforce from 11.9 (Goldman 2022, 1929): 11.9 + 2.0 = 13.9, then + 3.0 = 16.9.
    # Migrant households at 2 earners each: 0.5 and 1.0. Two-earner households = urban
    # women: 0.6, 1.0, cumulative 1.6. Housing saving at 5 per migrant: 3.0, 5.0.
    long = pd.DataFrame({
        "Year": [1930, 1930, 1930, 1931, 1931],
        "origin": ["peasant migrants", "urban women", "others", "peasant migrants",
                   "urban women"],
        "count": [1.0, 0.6, 0.4, 2.0, 1.0]})
    dyn = ne.workforce_dynamics(long, initial_workforce=11.9, earners_per_migrant_household=2,
                                housing_cost_per_migrant=5.0)
    assert dyn.new_workers.loc[1931, "others"] == 0.0
    assert dyn.workforce.tolist() == pytest.approx([13.9, 16.9])
    assert dyn.households["new migrant households"].tolist() == pytest.approx([0.5, 1.0])
    assert dyn.households["two-earner households (cumulative)"].tolist() == pytest.approx(
        [0.6, 1.6])
    assert dyn.housing_saving.tolist() == pytest.approx([3.0, 5.0])
    assert "new waged workers" in str(dyn)
    assert "workforce" in dyn.to_frame().columns
    # the same table in wide form gives the same result
    wide = dyn.new_workers.copy()
    dyn2 = ne.workforce_dynamics(wide, initial_workforce=11.9,
                                 earners_per_migrant_household=2)
    assert dyn2.households.equals(dyn.households)


def test_goldman_shares_as_parameters():
    # Goldman (2022): women 37% of new hires 1929–35. 10.8 million new workers split with
    # that share: 0.37 · 10.8 = 3.996 million urban women.
    dyn = ne.workforce_dynamics(years=[1932], totals=10.8,
                                shares={"urban women": 0.37, "peasant migrants": 0.63})
    assert dyn.households["second earners"].iloc[0] == pytest.approx(3.996)
    assert dyn.workforce is None and dyn.housing_saving is None


# ---------------------------------------------------------------------------- errors
@pytest.mark.parametrize("hours", [0.0, -5.0, float("nan"), float("inf")])
def test_bad_hours(hours):
    with pytest.raises(ne.InvalidHouseholdError):
        ne.Worker(hours, 10, BASKET)
    with pytest.raises(ne.InvalidHouseholdError):
        ne.Household(4, 1, hours, BASKET)


def test_bad_wage_earners_members():
    with pytest.raises(ne.InvalidHouseholdError, match="wage"):
        ne.Worker(100, 0, BASKET)
    with pytest.raises(ne.InvalidHouseholdError, match="exceed"):
        ne.Household(members=2, earners=3, hours_per_earner=100, basket=BASKET)
    with pytest.raises(ne.InvalidHouseholdError):
        ne.Household(members=0, earners=0.5, hours_per_earner=100, basket=BASKET)
    with pytest.raises(ne.InvalidHouseholdError):
        ne.Household(members=2.5, earners=1, hours_per_earner=100, basket=BASKET)
    with pytest.raises(ne.InvalidHouseholdError):
        ne.Household(members=2, earners=0, hours_per_earner=100, basket=BASKET)
    with pytest.raises(ne.InvalidHouseholdError):
        ne.Household(2, 1, 100, BASKET, domestic_hours=-1.0)


@pytest.mark.parametrize("delta", [1.0, 1.5, float("inf"), float("nan")])
def test_real_wage_cut_of_100_percent_or_more(delta):
    with pytest.raises(ne.InvalidHouseholdError):
        ne.earners_needed(1, delta)
    with pytest.raises(ne.InvalidHouseholdError):
        ne.family_wage_cut(ECO, ne.Household(4, 1, 100, BASKET), delta)


def test_wage_cut_needing_more_earners_than_members():
    # δ = 0.75 needs 4 earners; a family of 3 cannot keep its basket.
    with pytest.raises(ne.InvalidHouseholdError, match="members"):
        ne.family_wage_cut(ECO, ne.Household(3, 1, 100, BASKET), 0.75)


@pytest.mark.parametrize("basket", [{}, {"food": 0.0}, [], [0.0, 0.0]])
def test_empty_basket(basket):
    with pytest.raises(ne.InvalidHouseholdError, match="empty"):
        ne.Worker(100, 10, basket)
    with pytest.raises(ne.InvalidHouseholdError, match="empty"):
        ne.Household(4, 1, 100, basket)


def test_negative_or_nan_basket():
    with pytest.raises(ne.InvalidHouseholdError):
        ne.Worker(100, 10, {"food": -1.0, "cloth": 3.0})
    with pytest.raises(ne.InvalidHouseholdError):
        ne.Worker(100, 10, {"food": float("nan")})


def test_zero_value_basket():
    eco = ne.Economy([[0.0, 0.0], [0.0, 0.0]], labour=[1.0, 0.0], sectors=["food", "cloth"])
    with pytest.raises(ne.InvalidHouseholdError, match="zero labour value"):
        ne.worker_account(eco, ne.Worker(100, 10, {"cloth": 3.0}))
    with pytest.raises(ne.InvalidHouseholdError, match="zero labour value"):
        ne.household_account(eco, ne.Household(3, 1, 100, {"cloth": 3.0}))


def test_mismatched_goods_labels():
    with pytest.raises(ne.LabelMismatchError, match="steel"):
        ne.worker_account(ECO, ne.Worker(100, 10, {"food": 1.0, "steel": 2.0}))
    with pytest.raises(ne.LabelMismatchError):
        ne.household_account(ECO, ne.Household(3, 1, 100, {"bread": 1.0}))
    with pytest.raises(ne.LabelMismatchError):
        ne.value_of_labour_power(ECO, [1.0, 2.0, 3.0])  # three unlabelled goods, two sectors
    w = ne.Worker(100, 10, BASKET, retail_prices={"food": 1.0, "steel": 2.0})
    with pytest.raises(ne.LabelMismatchError):
        ne.worker_account(ECO, w)
    with pytest.raises(ne.LabelMismatchError):
        ne.retail_margin(ECO, w, {"food": 1.0, "cloth": 1.0},
                         retail_prices={"food": 1.0, "cloth": 1.0}, food=["grain"])
    with pytest.raises(ne.LabelMismatchError):
        ne.real_wage_index({1928: 1.0, 1932: 2.0}, {1928: 1.0, 1933: 2.0})


def test_bad_prices_and_wage_index():
    with pytest.raises(ne.InvalidPriceError):
        ne.Worker(100, 10, BASKET, retail_prices={"food": -1.0, "cloth": 1.0})
    with pytest.raises(ne.InvalidPriceError, match="retail prices"):
        ne.retail_margin(ECO, ne.Worker(100, 10, BASKET), {"food": 1.0, "cloth": 1.0})
    with pytest.raises(ne.InvalidHouseholdError):
        ne.real_wage_index({1928: 0.0, 1932: 2.0}, {1928: 1.0, 1932: 2.0})
    with pytest.raises(ne.InvalidHouseholdError, match="base period"):
        ne.real_wage_index({1928: 1.0}, {1928: 1.0}, base=1900)


def test_bad_workforce_tables():
    with pytest.raises(ne.InvalidHouseholdError, match="count"):
        ne.workforce_dynamics(pd.DataFrame({"year": [1930], "origin": ["x"], "n": [1.0]}))
    with pytest.raises(ne.InvalidHouseholdError, match="repeated"):
        ne.workforce_dynamics(pd.DataFrame({"year": [1930, 1930], "origin": ["x", "x"],
                                            "count": [1.0, 2.0]}))
    with pytest.raises(ne.InvalidHouseholdError, match=">= 0"):
        ne.workforce_dynamics(pd.DataFrame({"year": [1930], "origin": ["x"],
                                            "count": [-1.0]}))
    with pytest.raises(ne.InvalidHouseholdError, match="sum to 1"):
        ne.workforce_dynamics(years=[1930], totals=1.0, shares={"a": 0.5})
    with pytest.raises(ne.InvalidHouseholdError, match="not both"):
        ne.workforce_dynamics(pd.DataFrame({"a": [1.0]}), years=[1930])
    with pytest.raises(ne.InvalidHouseholdError, match="DataFrame"):
        ne.workforce_dynamics([1, 2, 3])
    with pytest.raises(ne.InvalidHouseholdError):
        ne.workforce_dynamics()


# ------------------------------------------------ positional baskets (never padded)
def test_a_list_basket_is_positional_with_one_entry_per_good():
    eco = ne.Economy(pd.DataFrame(np.zeros((3, 3))), [1.0, 2.0, 3.0])    # sectors 0, 1, 2
    with pytest.raises(ne.LabelMismatchError, match="2 entries by position"):
        ne.worker_account(eco, ne.Worker(8, 4, [1, 2]))                  # not padded with 0
    with pytest.raises(ne.LabelMismatchError, match="2 entries by position"):
        ne.household_account(eco, ne.Household(4, 1, 8, [1, 2]))
    assert ne.worker_account(eco, ne.Worker(8, 4, [1, 1, 1])).value_of_labour_power == 6.0


def test_a_list_basket_is_read_by_position_not_by_integer_label():
    # sectors [1, 0]: the list [1, 0] is one unit of the first sector (label 1, λ = 1),
    # not one unit of the sector labelled 0 (λ = 2)
    A = pd.DataFrame(np.zeros((2, 2)), index=[1, 0], columns=[1, 0])
    eco = ne.Economy(A, [1.0, 2.0])
    assert ne.worker_account(eco, ne.Worker(8, 4, [1, 0])).value_of_labour_power == 1.0
    assert ne.worker_account(eco, ne.Worker(8, 4, {0: 1})).value_of_labour_power == 2.0
    w = ne.Worker(8, 4, [1, 0], retail_prices=[3.0, 5.0])
    assert ne.worker_account(eco, w).basket_cost == 3.0


@pytest.mark.parametrize("basket", [np.array([1 + 2j, 1.0]), [1j, 1], {"food": 1j},
                                    [10**400, 1], ["1", 2], {"food": "abc"}])
def test_complex_text_and_overflowing_baskets_raise_a_library_error(basket):
    with pytest.raises(ne.InvalidHouseholdError):
        ne.Worker(8, 4, basket)
    with pytest.raises(ne.InvalidHouseholdError):
        ne.Household(4, 1, 8, basket)
    with pytest.raises(ne.InvalidPriceError):
        ne.Worker(8, 4, {"food": 1}, retail_prices=basket)


@given(st.lists(st.floats(0.5, 20.0), min_size=2, max_size=2),
       st.lists(st.floats(0.5, 20.0), min_size=2, max_size=2))
def test_baskets_and_retail_prices_read_alike_as_mapping_series_or_list(q, p):
    # one reading path for goods data: labelled (mapping, Series) or by position (list)
    goods = ["food", "cloth"]
    costs = set()
    for basket, prices in [(dict(zip(goods, q, strict=True)), dict(zip(goods, p, strict=True))),
                           (pd.Series(q, index=goods), pd.Series(p, index=goods)),
                           (list(q), list(p))]:
        acc = ne.worker_account(ECO, ne.Worker(8, 4, basket, retail_prices=prices))
        assert acc.value_of_labour_power == pytest.approx(2 * q[0] + 4 * q[1])
        costs.add(acc.basket_cost)
    assert len(costs) == 1 and costs.pop() == pytest.approx(q[0] * p[0] + q[1] * p[1])


def test_goods_data_of_the_wrong_shape_names_what_it_should_be():
    with pytest.raises(ne.InvalidHouseholdError, match="vector of quantities by good"):
        ne.Worker(8, 4, [[1.0, 2.0]])
    with pytest.raises(ne.InvalidPriceError, match="vector of prices by good"):
        ne.Worker(8, 4, {"food": 1}, retail_prices=[[1.0, 2.0]])
    with pytest.raises(ne.LabelMismatchError, match="repeated"):
        ne.Household(4, 1, 8, pd.Series([1.0, 2.0], index=["food", "food"]))
