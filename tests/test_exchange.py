"""Exchange accounts, benchmarks and sweeps (DESIGN §2.3, invariants 3–6)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nonequivalent as ne
from tests.strategies import economies

# ----------------------------------------------------------------------------- fixtures
# Town and country: A = [[0.2, 0.3], [0.1, 0.4]], l = (0.5, 0.25).
# λ solves λ1 = 0.5 + 0.2 λ1 + 0.1 λ2 and λ2 = 0.25 + 0.3 λ1 + 0.4 λ2:
# from the first, λ2 = 8 λ1 − 5; into the second, 0.6 (8 λ1 − 5) = 0.25 + 0.3 λ1,
# 4.5 λ1 = 3.25, so λ = (13/18, 14/18) hours per unit.
LAM = np.array([13 / 18, 14 / 18])


@pytest.fixture
def town_country() -> ne.Economy:
    return ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
                      sectors=["agriculture", "industry"])


@pytest.fixture
def parties() -> list[ne.Group]:
    # peasants sell 90 grain for 30 manufactures (90 money each way at p = (1, 3))
    return [ne.Group("peasants", sells={"agriculture": 90}, buys={"industry": 30}, taxes=10),
            ne.Group("state", sells={"industry": 30}, buys={"agriculture": 90}, taxes=-10)]


P = {"agriculture": 1.0, "industry": 3.0}


def _random_groups(eco: ne.Economy, seed: int, n_groups: int, consistent: bool):
    rng = np.random.default_rng(seed)
    n = eco.n
    S = rng.uniform(0, 10, size=(n, n_groups)) * (rng.random((n, n_groups)) < 0.7)
    S[0, 0] += 1.0                                        # somebody sells something
    if consistent:
        shares = rng.dirichlet(np.ones(n_groups), size=n)  # who buys each good's sales
        D = S.sum(axis=1, keepdims=True) * shares
    else:
        D = rng.uniform(0, 10, size=(n, n_groups))
    D[:, :] += 0.0
    D[1 % n, :] += 0.5                                    # everybody buys something
    if consistent:
        S[1 % n, 0] += 0.5 * n_groups                     # ... and it is sold
    taxes = rng.uniform(-5, 5, size=n_groups)
    groups = [ne.Group.from_arrays(f"g{j}", S[:, j], D[:, j], eco.sectors, taxes=taxes[j])
              for j in range(n_groups)]
    return groups, S, D, taxes


def _scale(eco: ne.Economy) -> float:
    return float(np.abs(eco.values_array).max())


# ----------------------------------------------------------------------------- worked
def test_town_country_labour_account(town_country, parties):
    bench = ne.labour_value_benchmark(town_country)              # μ = 1: hours
    acc = ne.exchange_account(town_country, parties, P, bench)
    bg = acc.by_group
    # peasants give 90 · 13/18 = 65 hours, receive 30 · 14/18 = 23 1/3 hours
    assert bg.loc["peasants", "labour_given"] == pytest.approx(65.0)
    assert bg.loc["peasants", "labour_received"] == pytest.approx(70 / 3)
    assert bg.loc["peasants", "labour_transfer"] == pytest.approx(65 - 70 / 3)
    assert bg.loc["peasants", "nonequivalence_ratio"] == pytest.approx(65 / (70 / 3))  # 39/14
    # money at p^e = λ: underpayment (13/18 − 1)·90 = −25, overpayment (3 − 7/9)·30 = 200/3
    assert bg.loc["peasants", "underpayment"] == pytest.approx(-25.0)
    assert bg.loc["peasants", "overpayment"] == pytest.approx(200 / 3)
    assert bg.loc["peasants", "tribute"] == pytest.approx(10 - 25 + 200 / 3)
    assert list(bg.columns) == list(ne.exchange.account.GROUP_COLUMNS)
    assert acc.is_consistent and acc.check().transfers_sum_to_zero
    assert bg["labour_transfer"].sum() == pytest.approx(0.0, abs=1e-12)
    assert "labour values" in acc.summary() and "μ = 1" in acc.summary()


def test_town_country_1913_benchmark(town_country, parties):
    # 1913 relative prices (1, 1) at the current Laspeyres level c = (1 + 3)/(1 + 1) = 2:
    # p^e = (2, 2); underpayment (2 − 1)·90 = 90, overpayment (3 − 2)·30 = 30.
    bench = ne.base_period_benchmark({"agriculture": 1.0, "industry": 1.0}, scale_to=P)
    acc = ne.exchange_account(town_country, parties, P, bench)
    row = acc.by_group.loc["peasants"]
    assert (row["underpayment"], row["overpayment"], row["tribute"]) == pytest.approx(
        (90.0, 30.0, 130.0))
    # two goods, balanced trade (90 = 90): transfer = p^e_a q_a (1 − 1/σ), σ = 3/1 = 3
    assert row["underpayment"] + row["overpayment"] == pytest.approx(
        ne.two_good_transfer(2.0, 90.0, 3.0))
    assert acc.to_frame().attrs["benchmark"] == "1913 prices"


def test_by_good_detail(town_country, parties):
    acc = ne.exchange_account(town_country, parties, P, ne.labour_value_benchmark(town_country))
    bd = acc.by_good
    assert list(bd.columns) == list(ne.exchange.account.GOOD_COLUMNS)
    assert bd.loc[("peasants", "agriculture"), "labour_given"] == pytest.approx(65.0)
    assert bd.loc[("peasants", "industry"), "price_ratio"] == pytest.approx(3 / (7 / 9))
    # per-good money sums to the group totals
    sums = bd.groupby(level="group")[["underpayment", "overpayment"]].sum()
    pd.testing.assert_frame_equal(sums.loc[acc.by_group.index],
                                  acc.by_group[["underpayment", "overpayment"]],
                                  check_names=False)


def test_labour_value_benchmark_melt(town_country):
    # New Interpretation: μ = p·y / λ·y = (100 + 75) / (100·13/18 + 50·14/18) = 175/111.1 = 1.575
    b = ne.labour_value_benchmark(town_country, final_demand=[100, 50], prices=[1.0, 1.5])
    assert b.prices.to_numpy() == pytest.approx(1.575 * LAM)
    assert "New Interpretation" in b.description and "1.575" in b.description
    # Total price = total value: μ = p·x / λ·x with x = (I − A)^-1 y. Here
    # (I − A)^-1 = [[0.6, 0.3], [0.1, 0.8]] / 0.45, so x = (75, 50) / 0.45;
    # p·x = (75 + 1.5·50) / 0.45 = 150 / 0.45 and λ·x = (13·75 + 14·50) / (18 · 0.45),
    # so μ = 150 · 18 / 1675 = 108/67 ≈ 1.612.
    bt = ne.labour_value_benchmark(town_country, prices=[1.0, 1.5], final_demand=[100, 50],
                                   normalization="total-price")
    assert "total price = total value" in bt.description
    assert bt.prices.to_numpy() == pytest.approx(108 / 67 * LAM, rel=1e-12)
    assert ne.labour_value_benchmark(town_country, melt=2.0).prices.to_numpy() == \
        pytest.approx(2 * LAM)


def test_production_price_benchmark_at_zero_profit_is_proportional_to_values(town_country):
    b = ne.production_price_benchmark(town_country, 0.0, numeraire="agriculture")
    ratio = b.prices.to_numpy() / LAM
    assert ratio[0] == pytest.approx(ratio[1])
    assert "r = 0" in b.description


def test_world_and_given_benchmarks():
    b = ne.world_price_benchmark({"grain": 2.0, "cloth": 4.0}, 0.5)
    assert b.prices.to_dict() == {"grain": 1.0, "cloth": 2.0}
    assert "e = 0.5" in b.description
    g = ne.given_benchmark(pd.Series({"grain": 1.0}), "parity")
    assert g.name == "parity" and g.to_frame().columns.tolist() == ["parity"]


def test_ratio_is_inf_for_a_group_that_receives_no_labour(town_country):
    g = ne.Group("requisitioned", sells={"agriculture": 5})
    acc = ne.exchange_account(town_country, g, P, ne.labour_value_benchmark(town_country))
    assert acc.by_group.loc["requisitioned", "nonequivalence_ratio"] == np.inf
    buyer = ne.Group("buyer", buys={"industry": 1})
    acc = ne.exchange_account(town_country, buyer, P, ne.labour_value_benchmark(town_country))
    assert acc.by_group.loc["buyer", "nonequivalence_ratio"] == 0.0


def test_zero_price_is_confiscation(town_country):
    g = ne.Group("peasants", sells={"agriculture": 10})
    acc = ne.exchange_account(town_country, g, {"agriculture": 0.0, "industry": 1.0},
                              ne.labour_value_benchmark(town_country))
    assert acc.by_group.loc["peasants", "underpayment"] == pytest.approx(10 * LAM[0])


# ----------------------------------------------------------------------------- errors
def test_errors(town_country, parties):
    bench = ne.labour_value_benchmark(town_country)
    with pytest.raises(ne.InvalidPriceError):
        ne.exchange_account(town_country, parties, {"agriculture": -1.0, "industry": 1.0}, bench)
    with pytest.raises(ne.LabelMismatchError):
        ne.exchange_account(town_country, parties, {"grain": 1.0, "industry": 1.0}, bench)
    with pytest.raises(ne.LabelMismatchError):
        ne.exchange_account(town_country, [ne.Group("x", sells={"grain": 1})], P, bench)
    with pytest.raises(ne.LabelMismatchError):
        ne.exchange_account(town_country, parties, P, ne.given_benchmark({"grain": 1}, "x"))
    with pytest.raises(ne.InvalidGroupError):
        ne.exchange_account(town_country, [parties[0], parties[0]], P, bench)
    with pytest.raises(ne.InvalidPriceError):
        ne.given_benchmark({"agriculture": 0.0, "industry": 1.0}, "zero")
    with pytest.raises(ne.InvalidPriceError):
        ne.Benchmark("", {"a": 1.0})
    with pytest.raises(ne.InvalidPriceError):
        ne.labour_value_benchmark(town_country, prices=[1, 1])       # MELT needs y too
    with pytest.raises(ne.InvalidPriceError):
        ne.labour_value_benchmark(town_country, melt=-1.0)
    with pytest.raises(ne.InvalidPriceError):
        ne.world_price_benchmark({"a": 1.0}, 0.0)
    with pytest.raises(ne.InvalidPriceError):
        ne.base_period_benchmark({"a": 1.0}, scale_to=-2.0)
    with pytest.raises(ne.LabelMismatchError):
        ne.base_period_benchmark({"a": 1.0}, scale_to={"b": 1.0})
    with pytest.raises(ne.ProfitRateError):
        ne.production_price_benchmark(town_country, 10.0)


def test_group_errors():
    with pytest.raises(ne.InvalidGroupError):
        ne.Group("g", sells={"a": -1.0})
    with pytest.raises(ne.InvalidGroupError):
        ne.Group("g", sells={"a": float("nan")})
    with pytest.raises(ne.InvalidGroupError):
        ne.Group("g")                                  # trades nothing
    with pytest.raises(ne.InvalidGroupError):
        ne.Group("g", sells={"a": 1.0}, taxes=float("inf"))
    with pytest.raises(ne.InvalidGroupError):
        ne.Group("g", sells=[1.0, 2.0])                # unlabelled: use from_arrays
    with pytest.raises(ne.InvalidGroupError):
        ne.Group.from_arrays("g", [1.0], [0.0, 1.0], goods=["a", "b"])
    with pytest.raises(ne.InvalidGroupError):
        ne.Group("", sells={"a": 1.0})


def test_group_trading_only_zero_value_goods_has_no_ratio():
    eco = ne.Economy(np.zeros((2, 2)), labour=[1.0, 0.0], sectors=["grain", "air"])
    g = ne.Group("g", sells={"air": 1.0}, buys={"air": 1.0})
    with pytest.raises(ne.InvalidGroupError, match="zero labour value"):
        ne.exchange_account(eco, g, {"grain": 1.0, "air": 1.0},
                            ne.given_benchmark({"grain": 1.0, "air": 1.0}, "x"))


def test_inconsistent_flows_are_reported(town_country):
    acc = ne.exchange_account(town_country, ne.Group("p", sells={"agriculture": 2}), P,
                              ne.labour_value_benchmark(town_country))
    chk = acc.check()
    assert not chk.is_consistent and chk.imbalance["agriculture"] == 2.0
    assert "NOT consistent" in str(chk)


# ----------------------------------------------------------------------------- invariants
@given(economies(max_n=8), st.integers(0, 2**32 - 1), st.integers(1, 4),
       st.floats(0.01, 100.0))
def test_invariant3_scaling_prices(eco, seed, n_groups, c):
    """All prices (actual and benchmark) × c: money transfers × c, labour unchanged."""
    groups, *_ = _random_groups(eco, seed, n_groups, consistent=False)
    rng = np.random.default_rng(seed + 1)
    p = rng.uniform(0.1, 10, eco.n)
    pe = rng.uniform(0.1, 10, eco.n)
    a = ne.exchange_account(eco, groups, p, ne.given_benchmark(
        pd.Series(pe, index=eco.sectors), "b"))
    b = ne.exchange_account(eco, groups, c * p, ne.given_benchmark(
        pd.Series(c * pe, index=eco.sectors), "b"))
    money = ["underpayment", "overpayment"]
    np.testing.assert_allclose(b.by_group[money], c * a.by_group[money], rtol=1e-9,
                               atol=1e-9 * c * (1 + np.abs(a.by_group[money]).to_numpy().max()))
    labour = ["labour_given", "labour_received", "labour_transfer", "nonequivalence_ratio"]
    pd.testing.assert_frame_equal(b.by_group[labour], a.by_group[labour])
    # the tribute less taxes scales by c (taxes are money paid, given as data)
    np.testing.assert_allclose(b.by_group["tribute"] - b.by_group["taxes"],
                               c * (a.by_group["tribute"] - a.by_group["taxes"]),
                               rtol=1e-9, atol=1e-8 * c * (1 + a.by_group[money].abs().max().max()))


@given(economies(max_n=8, sparse=False), st.integers(0, 2**32 - 1))
def test_invariant3_permuting_goods_permutes_results(eco, seed):
    groups, *_ = _random_groups(eco, seed, 3, consistent=True)
    rng = np.random.default_rng(seed)
    p = pd.Series(rng.uniform(0.1, 10, eco.n), index=eco.sectors)
    perm = rng.permutation(eco.n)
    eco2 = ne.Economy(eco.A[np.ix_(perm, perm)], labour=eco.labour[:, perm],
                      sectors=eco.sectors[perm], labour_kinds=eco.labour_kinds)
    bench = ne.labour_value_benchmark(eco)
    a = ne.exchange_account(eco, groups, p, bench)
    b = ne.exchange_account(eco2, groups, p, bench)      # labelled: order does not matter
    tol = 1e-9 * (1 + a.by_group.abs().replace(np.inf, 0).to_numpy().max())
    np.testing.assert_allclose(b.by_group.to_numpy(), a.by_group.to_numpy(), rtol=1e-8,
                               atol=tol)
    np.testing.assert_allclose(b.by_good.loc[a.by_good.index].to_numpy(),
                               a.by_good.to_numpy(), rtol=1e-8, atol=tol)


@given(economies(max_n=8), st.integers(0, 2**32 - 1), st.integers(1, 4))
def test_invariant4_at_benchmark_prices(eco, seed, n_groups):
    """p = p^e: every group's money transfer is zero and the tribute equals its taxes."""
    groups, *_ = _random_groups(eco, seed, n_groups, consistent=False)
    bench = ne.labour_value_benchmark(eco, melt=1.7)
    acc = ne.exchange_account(eco, groups, bench.prices, bench)
    assert (acc.by_group["underpayment"] == 0).all()
    assert (acc.by_group["overpayment"] == 0).all()
    assert (acc.by_group["tribute"] == acc.by_group["taxes"]).all()


@given(economies(max_n=8), st.integers(0, 2**32 - 1))
def test_labour_ratio_is_one_when_labour_given_equals_received(eco, seed):
    """Precisely: E_g = 1 and T_g = 0 iff λ·s = λ·d (here d is s's labour rescaled)."""
    rng = np.random.default_rng(seed)
    s = rng.uniform(0, 5, eco.n) + 0.1
    d = rng.uniform(0, 5, eco.n) + 0.1
    lam = eco.values_array
    d = d * (lam @ s) / (lam @ d)
    g = ne.Group.from_arrays("g", s, d, eco.sectors)
    acc = ne.exchange_account(eco, g, lam, ne.labour_value_benchmark(eco))
    assert acc.by_group.loc["g", "nonequivalence_ratio"] == pytest.approx(1.0, rel=1e-12)
    assert acc.by_group.loc["g", "labour_transfer"] == pytest.approx(
        0.0, abs=1e-12 * (lam @ s))
    # at benchmark prices the money transfer is zero as well
    assert acc.money_transfer["g"] == 0.0


@given(economies(max_n=8), st.integers(0, 2**32 - 1), st.integers(2, 5))
def test_invariant5_consistent_flows_sum_to_zero(eco, seed, n_groups):
    groups, S, _, taxes = _random_groups(eco, seed, n_groups, consistent=True)
    rng = np.random.default_rng(seed)
    p = rng.uniform(0.1, 10, eco.n)
    acc = ne.exchange_account(eco, groups, p, ne.labour_value_benchmark(eco, melt=0.8))
    assert acc.is_consistent
    chk = acc.check()
    assert chk.transfers_sum_to_zero
    scale = float(eco.values_array @ S.sum(axis=1))
    assert abs(acc.by_group["labour_transfer"].sum()) <= 1e-9 * scale
    assert acc.by_group["tribute"].sum() == pytest.approx(taxes.sum(), abs=1e-8 * (
        scale + float(p @ S.sum(axis=1))))


@given(economies(max_n=8), st.integers(0, 2**32 - 1), st.floats(0.01, 10.0))
def test_invariant6_tribute_and_prices(eco, seed, delta):
    """∂tribute/∂p_i = d_i − s_i: rises with what the group buys, falls with what it sells."""
    rng = np.random.default_rng(seed)
    n = eco.n
    s = rng.uniform(0, 5, n) * (rng.random(n) < 0.5)
    d = np.where(s > 0, 0.0, rng.uniform(0.1, 5, n))        # disjoint bundles
    s[0], d[0] = (s[0] + 1.0, 0.0) if n > 1 else (s[0] + 1.0, 0.5)
    g = ne.Group.from_arrays("g", s, d, eco.sectors, taxes=1.0)
    p = rng.uniform(0.1, 10, n)
    bench = ne.labour_value_benchmark(eco)
    base = ne.exchange_account(eco, g, p, bench).by_group.loc["g", "tribute"]
    for i in range(n):
        q = p.copy()
        q[i] += delta
        t = ne.exchange_account(eco, g, q, bench).by_group.loc["g", "tribute"]
        assert t - base == pytest.approx(delta * (d[i] - s[i]), rel=1e-9,
                                         abs=1e-9 * (1 + abs(base)))
        if d[i] > 0 and s[i] == 0:
            assert t > base
        if s[i] > 0 and d[i] == 0:
            assert t < base


# ----------------------------------------------------------------------------- sweeps
@given(economies(max_n=10), st.integers(0, 2**32 - 1), st.integers(1, 3),
       st.integers(1, 12))
def test_sweep_equals_loop(eco, seed, n_groups, k):
    groups, *_ = _random_groups(eco, seed, n_groups, consistent=False)
    rng = np.random.default_rng(seed)
    P = rng.uniform(0.0, 10.0, size=(k, eco.n))
    bench = ne.labour_value_benchmark(eco, melt=1.3)
    sw = ne.transfer_sweep(eco, groups, P, bench)
    for j in range(k):
        acc = ne.exchange_account(eco, groups, P[j], bench).by_group
        np.testing.assert_allclose(sw.tribute.iloc[j].to_numpy(), acc["tribute"].to_numpy(),
                                   rtol=1e-12, atol=1e-10 * (1 + acc["tribute"].abs().max()))
        np.testing.assert_allclose(sw.underpayment.iloc[j].to_numpy(),
                                   acc["underpayment"].to_numpy(), rtol=1e-12,
                                   atol=1e-10 * (1 + acc["underpayment"].abs().max()))
    pd.testing.assert_frame_equal(sw.labour, acc[list(sw.labour.columns)], check_names=False)


def test_sweep_frame_and_ratio_matrix(town_country, parties):
    P = ne.scaled_price_matrix(P_SERIES, "industry", [1.0, 2.0, 3.0])
    sw = ne.transfer_sweep(town_country, parties, P, ne.labour_value_benchmark(town_country))
    frame = sw.to_frame()
    assert frame.shape == (3, 8)
    assert frame[("peasants", "tribute")].tolist() == pytest.approx(
        sw.tribute["peasants"].tolist())
    # the industry price goes 3 -> 6 -> 9; each step of 3 costs peasants 3 · 30 = 90
    assert np.diff(sw.tribute["peasants"].to_numpy()) == pytest.approx([90.0, 90.0])
    assert "3 price scenarios" in sw.summary()


P_SERIES = pd.Series(P)


def test_sweep_errors(town_country, parties):
    bench = ne.labour_value_benchmark(town_country)
    with pytest.raises(ne.InvalidPriceError):
        ne.transfer_sweep(town_country, parties, np.ones((3, 5)), bench)
    with pytest.raises(ne.InvalidPriceError):
        ne.transfer_sweep(town_country, parties, -np.ones((3, 2)), bench)
    with pytest.raises(ne.LabelMismatchError):
        ne.transfer_sweep(town_country, parties,
                          pd.DataFrame([[1.0, 1.0]], columns=["a", "b"]), bench)
    with pytest.raises(ne.LabelMismatchError):
        ne.scaled_price_matrix(P, "steel", [1.0])


def test_results_are_frozen(town_country, parties):
    acc = ne.exchange_account(town_country, parties, P, ne.labour_value_benchmark(town_country))
    with pytest.raises(dataclasses.FrozenInstanceError):
        acc.is_consistent = False  # type: ignore[misc]
