"""Adversarial inputs at the accounting entry points: junk and extreme-but-valid values.

Group constructors, exchange and surplus accounts, sources of accumulation, the tribute,
transfer sweeps and the report. Every call either raises a
:class:`nonequivalent.NonequivalentError` subclass or returns finite results that satisfy
the model's invariants: transfers reconcile (the groups' net contributions are the state's
receipts; consistent flows' transfers sum to zero), the tribute is the sum of its parts,
contributions add up to the change, and shares sum to one whenever they are defined.
Bounded: a few dozen examples per entry point (the report: a handful).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nonequivalent as ne
from nonequivalent import scenarios
from tests.test_adversarial_core import assert_finite, scalars_junk, vectors_junk

BOUNDED = settings(max_examples=30, deadline=None)
FEW = settings(max_examples=8, deadline=None)

GOODS = ["grain", "cloth"]
ECO = ne.Economy([[0.2, 0.3], [0.1, 0.4]], [0.5, 0.25], sectors=GOODS)
BENCH = ne.labour_value_benchmark(ECO, melt=1.5)

#: Valid magnitudes from the tiny to the huge (extreme but valid inputs).
extreme = st.one_of(st.sampled_from([1e-300, 1e-12, 1.0, 1e12, 1e150, 1e300, 1e308]),
                    st.floats(1e-6, 1e6))
#: A quantity: zero, ordinary or extreme.
quantity = st.one_of(st.just(0.0), extreme)


def goods_mapping(values: st.SearchStrategy) -> st.SearchStrategy:
    """A mapping good -> value over some of the goods (possibly with an unknown one)."""
    keys = st.sampled_from([*GOODS, "steel"])
    return st.dictionaries(keys, values, max_size=3)


junk_mapping = st.one_of(goods_mapping(scalars_junk), vectors_junk(), scalars_junk)


def library_error_or(call: Any) -> Any:
    """Run ``call``: a library error (with a message) is fine; else return the result."""
    try:
        return call()
    except ne.NonequivalentError as exc:
        assert str(exc), "a library error must say what is wrong"
        return None


def check_surplus_account(acc: ne.SurplusAccount) -> None:
    """Finite flows, a reconciled account, shares summing to one when defined."""
    body = acc.table.drop(columns=["share_hours", "share_money"])
    assert np.isfinite(body.to_numpy()).all(), body
    assert np.isfinite(acc.reconciliation.to_numpy()).all()
    assert acc.is_reconciled, acc.reconciliation
    shares = acc.table[["share_hours", "share_money"]]
    if acc.shares_defined:
        assert np.isfinite(shares.to_numpy()).all()
        np.testing.assert_allclose(shares.iloc[:-1].sum().to_numpy(), [1.0, 1.0],
                                   rtol=1e-9, atol=1e-9)
    else:
        assert shares.isna().any().any()
    assert "\n" not in repr(acc)
    acc.summary()


def check_exchange_account(acc: ne.ExchangeAccount) -> None:
    bg = acc.by_group
    assert np.isfinite(bg.drop(columns="nonequivalence_ratio").to_numpy()).all(), bg
    np.testing.assert_allclose(bg["labour_given"] - bg["labour_received"],
                               bg["labour_transfer"], rtol=1e-12,
                               atol=1e-12 * float(bg["labour_given"].abs().max() + 1))
    parts = bg["taxes"] + bg["underpayment"] + bg["overpayment"]
    np.testing.assert_allclose(parts, bg["tribute"], rtol=1e-9,
                               atol=1e-9 * float(parts.abs().max() + 1))
    check = acc.check()
    if check.is_consistent:
        assert check.transfers_sum_to_zero


# ------------------------------------------------------------------- group constructors
@BOUNDED
@given(name=st.one_of(st.text(max_size=4), scalars_junk), sells=junk_mapping,
       buys=junk_mapping, taxes=scalars_junk)
def test_group_constructors_reject_junk(name, sells, buys, taxes):
    g = library_error_or(lambda: ne.Group(name, sells=sells, buys=buys, taxes=taxes))
    if g is not None:
        assert np.isfinite(g.sells.to_numpy()).all() and (g.sells.to_numpy() >= 0).all()
        assert np.isfinite(g.taxes)
    p = library_error_or(lambda: ne.Peasants(name="p", sells=sells, buys=buys,
                                             taxes=taxes))
    if p is not None:
        assert all(np.isfinite(v) and v >= 0 for v in p.sells.values())
    library_error_or(lambda: ne.WorkerCategory(name="w", number=taxes, hours=8,
                                               base_basket=sells))
    library_error_or(lambda: ne.WorkerCategory(name="w", number=10, hours=taxes,
                                               base_basket={"grain": 1}, real_wage_cut=taxes))
    library_error_or(lambda: ne.WorkerHouseholds(name="h", members=taxes, earners=2))


@BOUNDED
@given(hours=scalars_junk, wage=scalars_junk, basket=junk_mapping, retail=junk_mapping)
def test_worker_and_household_reject_junk(hours, wage, basket, retail):
    for call in (lambda: ne.Worker(hours, 4, {"grain": 1}),
                 lambda: ne.Worker(8, wage, {"grain": 1}),
                 lambda: ne.Worker(8, 4, basket),
                 lambda: ne.Worker(8, 4, {"grain": 1}, retail_prices=retail),
                 lambda: ne.Household(hours, 1, 8, {"grain": 1}),
                 lambda: ne.Household(4, wage, 8, basket)):
        w = library_error_or(call)
        if w is not None:
            assert_finite(w.basket)
            acc = library_error_or(
                lambda w=w: ne.worker_account(ECO, w) if isinstance(w, ne.Worker)
                else ne.household_account(ECO, w))
            if acc is not None:
                assert np.isfinite(acc.surplus_labour) and np.isfinite(acc.rate_of_exploitation)


@BOUNDED
@given(basket=st.lists(st.floats(0, 10), min_size=1, max_size=4))
def test_positional_baskets_need_one_entry_per_good(basket):
    w = library_error_or(lambda: ne.Worker(8, 4, basket))
    if w is None:
        return
    acc = library_error_or(lambda: ne.worker_account(ECO, w))
    if len(basket) != len(GOODS):
        assert acc is None                    # never padded
    elif acc is not None:
        assert acc.value_of_labour_power == pytest.approx(
            float(ECO.values_array @ np.array(basket)), rel=1e-12)


# --------------------------------------------------------------------------- accounts
@BOUNDED
@given(prices=st.one_of(vectors_junk(), goods_mapping(scalars_junk)), n=scalars_junk,
       melt=scalars_junk)
def test_surplus_account_rejects_junk(prices, n, melt):
    peasants = ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 5})
    worker = ne.Worker(8, 4, {"grain": 2, "cloth": 2})
    for call in (lambda: ne.surplus_account(ECO, prices, BENCH, peasants, worker, 10),
                 lambda: ne.surplus_account(ECO, [1.0, 1.0], BENCH, peasants, worker, n),
                 lambda: ne.surplus_account(ECO, [1.0, 1.0], BENCH, peasants, worker, 10,
                                            melt=melt)):
        acc = library_error_or(call)
        if acc is not None:
            check_surplus_account(acc)


@BOUNDED
@given(sold=quantity, bought=quantity, taxes=quantity, n=extreme, hours=extreme,
       price=extreme, basket=extreme, cut=st.floats(-5, 0.999), spend=st.booleans())
def test_group_account_extreme_but_valid(sold, bought, taxes, n, hours, price, basket, cut,
                                         spend):
    def account():
        groups = [ne.Peasants(name="peasants", sells={"grain": sold},
                              buys={"cloth": bought}, taxes=taxes),
                  ne.WorkerCategory(name="workers", number=n, hours=hours,
                                    base_basket={"grain": basket, "cloth": 1.0},
                                    real_wage_cut=cut),
                  ne.WorkerHouseholds(name="households", members=4, earners=2)]
        return ne.group_account(ECO, {"grain": price, "cloth": 1.0}, BENCH, groups,
                                spend_income=spend)

    acc = library_error_or(account)
    if acc is not None:
        check_surplus_account(acc)


@BOUNDED
@given(s1=quantity, d1=quantity, price=extreme, taxes=quantity)
def test_exchange_accounts_of_consistent_flows_sum_to_zero(s1, d1, price, taxes):
    # the second group buys what the first sells and sells what it buys: consistent
    def account():
        a = ne.Group("a", sells={"grain": s1}, buys={"cloth": d1}, taxes=taxes)
        b = ne.Group("b", sells={"cloth": d1}, buys={"grain": s1})
        return ne.exchange_account(ECO, [a, b], {"grain": price, "cloth": 1.0}, BENCH)

    acc = library_error_or(account)
    if acc is not None:
        assert acc.is_consistent
        check_exchange_account(acc)


# ----------------------------------------------------------------------------- sources
@BOUNDED
@given(n0=extreme, n1=extreme, w1=extreme, p1=extreme,
       measure=st.sampled_from(["hours", "money", "Hours", "", 1]), melt=scalars_junk)
def test_sources_extreme_or_junk(n0, n1, w1, p1, measure, melt):
    retail = {"grain": 1.0, "cloth": 1.0}
    base = ne.Period({"grain": 1.0, "cloth": 1.0},
                     ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 5}),
                     ne.Worker(8, 4, {"grain": 1, "cloth": 1}, retail), n_workers=n0)
    later = library_error_or(lambda: dataclasses.replace(
        base, prices={"grain": p1, "cloth": 1.0}, n_workers=n1,
        worker=ne.Worker(8, w1, {"grain": 1, "cloth": 2}, retail)))
    if later is None:
        return
    for mu in (None, melt):
        res = library_error_or(lambda mu=mu: ne.sources_of_accumulation(
            ECO, BENCH, base, later, measure=measure, melt=mu))
        if res is None:
            continue
        assert np.isfinite([res.base_fund, res.later_fund, res.change]).all()
        assert np.isfinite(res.contributions.to_numpy()).all()
        # rounding relative to the largest term added (contributions may cancel)
        scale = max(abs(res.base_fund), abs(res.later_fund),
                    float(res.contributions.abs().max()), 1.0)
        assert abs(res.contributions.sum() - res.change) <= 1e-9 * scale
        if res.shares_defined:
            assert res.shares.sum() == pytest.approx(1.0, rel=1e-9)
            assert res.group_shares.sum() == pytest.approx(1.0, rel=1e-9)
        else:
            assert res.shares.isna().all()


@BOUNDED
@given(k=st.integers(0, 40), value=st.one_of(scalars_junk, st.floats()))
def test_shapley_rejects_junk_values_and_too_many_factors(k, value):
    res = library_error_or(lambda: ne.shapley_decomposition(
        lambda f: value if f.get("0") else 0.0, dict.fromkeys(map(str, range(k)), 0),
        dict.fromkeys(map(str, range(k)), 1)))
    if res is not None:
        assert k <= 16 and np.isfinite(res.to_numpy()).all()
        assert res.sum() == pytest.approx(value if k else 0.0, rel=1e-12, abs=1e-300)


# ----------------------------------------------------------------------------- tribute
@BOUNDED
@given(prices=st.one_of(vectors_junk(), goods_mapping(scalars_junk)),
       bench=st.one_of(vectors_junk(), goods_mapping(scalars_junk), st.just(BENCH)),
       sold=quantity, bought=quantity, taxes=quantity)
def test_tribute_rejects_junk_or_adds_up(prices, bench, sold, bought, taxes):
    g = library_error_or(lambda: ne.Group("peasants", sells={"grain": sold},
                                          buys={"cloth": bought}, taxes=taxes))
    if g is None:
        return
    for call in (lambda: ne.tribute(g, prices, bench),
                 lambda: ne.tribute(g, {"grain": 0.5, "cloth": 2.0}, bench)):
        t = library_error_or(call)
        if t is None:
            continue
        parts = t.parts
        assert np.isfinite(parts.to_numpy()).all() and np.isfinite(t.total)
        assert t.total == pytest.approx(parts.sum(), rel=1e-12, abs=1e-300)
        if t.shares_defined:
            assert t.shares.sum() == pytest.approx(1.0, rel=1e-9)
        rate = library_error_or(lambda t=t: ne.equivalent_tax_rate(t))
        if rate is not None:
            assert np.isfinite(rate)


# ------------------------------------------------------------------------------ sweeps
@BOUNDED
@given(matrix=st.one_of(vectors_junk(), st.lists(vectors_junk(), max_size=3)),
       factors=st.one_of(vectors_junk(), st.lists(extreme, min_size=1, max_size=4)),
       goods=st.sampled_from([["cloth"], "cloth", ["steel"], [], [1]]))
def test_sweeps_reject_junk_or_add_up(matrix, factors, goods):
    g = ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 5}, taxes=1.0)
    for make in (lambda: matrix,
                 lambda: ne.scaled_price_matrix({"grain": 1.0, "cloth": 1.0}, goods,
                                                factors)):
        P = library_error_or(make)
        if P is None:
            continue
        sw = library_error_or(lambda P=P: ne.transfer_sweep(ECO, g, P, BENCH))
        if sw is None:
            continue
        total = sw.underpayment + sw.overpayment + sw.taxes
        assert np.isfinite(total.to_numpy()).all()
        pd.testing.assert_frame_equal(sw.tribute, total)


# ------------------------------------------------------------------------------ report
@FEW
@given(number=st.sampled_from([1e-300, 1e-6, 1e6, 1e150, 1e300, 1e308]),
       later=st.sampled_from([None, "ussr-1932", "nope", 1]),
       melt=st.one_of(st.none(), scalars_junk))
def test_report_rejects_junk_or_reconciles(number, later, melt):
    doc = scenarios.load("ussr-1928").to_dict()
    doc["groups"]["workers"]["number"] = number
    sc = library_error_or(lambda: scenarios.from_dict(doc))
    if sc is None:
        return
    rep = library_error_or(lambda: ne.report(sc, later=later, melt=melt))
    if rep is None:
        return
    for key in rep.keys:
        if key.startswith("account_"):
            frame = rep.to_frame(key)
            num = frame.drop(columns=["share_of_fund"]).select_dtypes("number")
            assert np.isfinite(num.to_numpy()).all()
            share = frame["share_of_fund"]
            if share.notna().all():
                assert share.drop("state").sum() == pytest.approx(100.0, rel=1e-9)
    assert "\n" not in repr(rep) and "<table" in rep._repr_html_()
