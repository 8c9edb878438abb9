"""Reproducers of wrong numbers and bare exceptions at the core, each pinned down.

Every case here once returned a wrong or meaningless number, or raised a bare Python
exception; each now raises a specific library error or returns the right number.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import nonequivalent as ne
from nonequivalent.core.economy import PRODUCTIVITY_MARGIN
from tests.strategies import economies, technical_matrices


@pytest.fixture
def eco() -> ne.Economy:
    return ne.Economy([[0.2, 0.3], [0.1, 0.4]], [0.5, 0.25], sectors=["a", "b"])


# ---------------------------------------------------------------------- 1. aliasing
def test_economy_does_not_alias_a_callers_dataframe():
    df = pd.DataFrame([[0.2, 0.3], [0.1, 0.4]], index=["a", "b"], columns=["a", "b"])
    e = ne.Economy(df, [0.5, 0.25])
    lam = e.labour_values().to_numpy().copy()
    df.loc["a", "a"] = 0.9
    assert e.A[0, 0] == 0.2
    np.testing.assert_array_equal(e.labour_values().to_numpy(), lam)
    lab = pd.DataFrame([[0.5, 0.25]], index=["labour"], columns=["a", "b"])
    e2 = ne.Economy(df, lab)
    lab.iloc[0, 0] = 7.0
    assert e2.labour[0, 0] == 0.5


def test_economy_leaves_a_callers_sparse_matrix_untouched():
    data, rows, cols = np.array([0.2, 0.0, 0.1]), np.array([0, 0, 1]), np.array([0, 1, 1])
    csr = sp.csr_array((data, (rows, cols)), shape=(2, 2))
    before = (csr.data.copy(), csr.indices.copy(), csr.indptr.copy())
    e = ne.Economy(csr, [1.0, 1.0])
    assert csr.nnz == 3                                    # the explicit zero is still there
    for got, old in zip((csr.data, csr.indices, csr.indptr), before, strict=True):
        np.testing.assert_array_equal(got, old)
    csr.data[:] = 0.5                                      # later edits do not reach e
    assert e.A.toarray()[0, 0] == 0.2 and not np.shares_memory(e.A.data, csr.data)


def test_group_flows_and_result_frames_are_copies():
    g = ne.Group("g", sells={"a": 10})
    got = g.sells
    got["a"] = -5
    assert g.sells.to_dict() == {"a": 10.0}
    eco = ne.Economy([[0.5]], [1.0], sectors=["a"])
    pp = ne.production_prices(eco, 0.5, numeraire="a")
    prices, parts = pp.prices, pp.components
    prices["a"] = 99.0
    parts.iloc[0, 0] = 99.0
    assert pp.prices["a"] == 1.0 and pp.to_frame().iloc[0, 0] != 99.0


# ---------------------------------------------------------------------- 2. zero totals
def test_accumulation_fund_shares_when_the_channels_cancel():
    f = ne.accumulation_fund(taxes=0.1, price_policy=0.2, loans=-0.3)
    assert abs(f.total) < 1e-15 and not f.shares_defined
    assert f.shares.isna().all()
    assert "shares undefined" in f.summary()
    g = ne.accumulation_fund(taxes=1e-3, price_policy=0.2, loans=-0.2)
    assert g.shares_defined and g.shares["taxes"] == pytest.approx(1.0)


# ---------------------------------------------------------------------- 4. positional
def test_a_list_is_positional_even_with_integer_labels():
    A = pd.DataFrame([[0.2, 0.1, 0.0], [0.1, 0.2, 0.1], [0.0, 0.1, 0.2]])
    e = ne.Economy(A, [1.0, 1.0, 1.0])
    with pytest.raises(ne.InvalidPriceError, match="by position"):
        ne.uniform_profit_rate(e, [0.1, 0.1])              # 2 entries for 3 goods: no padding
    with pytest.raises(ne.InvalidEconomyError):
        e.gross_output([1.0, 2.0])
    rev = ne.Economy(np.array([[0.2, 0.1], [0.3, 0.4]]), [1.0, 2.0], sectors=[1, 0])
    x = rev.gross_output([10.0, 0.0])                      # position 0 is sector 1
    np.testing.assert_allclose(x.to_numpy(), rev.solve(np.array([10.0, 0.0])))
    assert x.index.tolist() == [1, 0]
    by_label = rev.gross_output(pd.Series({0: 0.0, 1: 10.0}))   # a Series is by label
    np.testing.assert_allclose(by_label.to_numpy(), x.to_numpy())


# ---------------------------------------------------------------------- 5. overflow
def test_overflow_raises_a_library_error(eco):
    with pytest.raises(ne.NumericalRangeError):
        ne.scissors_index(pd.Series([1e-300, 1e300]), pd.Series([1e300, 1e-300]))
    with pytest.raises(ne.NumericalRangeError):
        ne.two_good_transfer(1e300, 1e300, 2.0)
    with pytest.raises(ne.NumericalRangeError):
        eco.gross_output([1e308, 1e308])
    with pytest.raises(ne.NumericalRangeError):
        ne.squeeze_optimum(ne.IsoelasticResponse(1e300, 1e-300, 2.0), 1e100)
    with pytest.raises(ne.NumericalRangeError):
        ne.squeeze_optimum(ne.CallableResponse(lambda p: 1e300 + 0 * p), 1e300)


# ---------------------------------------------------------------------- 6. complex
def test_complex_input_is_rejected_everywhere(eco):
    with pytest.raises(ne.InvalidEconomyError, match="real"):
        ne.Economy(np.array([[0.2 + 1e-20j]]), [1.0])
    with pytest.raises(ne.InvalidEconomyError, match="complex"):
        ne.Economy(sp.csr_array(np.array([[0.2 + 1j]])), [1.0])
    with pytest.raises(ne.InvalidEconomyError):
        ne.Economy([[0.2]], np.array([1.0 + 0j]))
    with pytest.raises(ne.InvalidPriceError):
        ne.melt(eco, np.array([1 + 1j, 1.0]), [1.0, 1.0])
    with pytest.raises(ne.MarketingResponseError, match="real"):
        ne.squeeze_optimum(ne.CallableResponse(lambda p: p + 0j), 1.0)
    with pytest.raises(ne.MarketingResponseError):
        ne.CallableResponse(lambda p: complex(p, 1))(0.5)


# ---------------------------------------------------------------------- 8, 19. productivity
def test_productivity_margin_is_one_margin():
    e = ne.Economy([[1 - 1e-13]], [1.0])
    assert not e.is_productive
    assert e.spectral_radius >= 1 - PRODUCTIVITY_MARGIN
    with pytest.raises(ne.NotProductiveError):
        e.gross_output([1.0])
    with pytest.raises(ne.NotProductiveError):
        ne.uniform_profit_rate(ne.Economy([[1.0]], [1.0]), [0.0])
    with pytest.raises(ne.NotProductiveError):
        ne.max_profit_rate([[1.0]])


@pytest.mark.parametrize("A", [
    [[0.5, 0.5], [0.5, 0.5]],                 # column and row sums all exactly 1: ρ = 1
    [[0.0, 1.0], [1.0, 0.0]],                 # a permutation: ρ = 1
    [[0.3, 0.2, 0.0], [0.7, 0.8, 0.0], [0.0, 0.0, 0.5]],   # column sums ≤ 1, max 1: ρ = 1
])
def test_productivity_boundary_sums_at_most_one_with_max_one(A):
    """Column (or row) sums all ≤ 1 with the largest exactly 1 and ρ(A) = 1: not
    productive, on the cheap path as well as on the spectral one."""
    for form in (np.array(A), sp.csr_array(np.array(A))):
        e = ne.Economy(form, np.ones(len(A)))
        assert e.spectral_radius == pytest.approx(1.0, abs=1e-12)
        assert not e.is_productive
        with pytest.raises(ne.NotProductiveError):
            e.require_productive()


@settings(max_examples=60, deadline=None)
@given(A=technical_matrices(max_n=8),
       target=st.sampled_from([0.5, 1 - 1e-6, 1 - 1e-11, 1 - 1e-13, 1.0, 1 + 1e-13, 1.2]))
def test_is_productive_agrees_with_the_spectral_radius(A, target):
    """Cross-check: rescale A to a chosen ρ near the boundary; is_productive must say
    ρ < 1 - margin, whichever path (sums, Collatz–Wielandt, eigenvalues) decides."""
    rho = float(np.max(np.abs(np.linalg.eigvals(A)))) if A.any() else 0.0
    if rho == 0.0:
        A = np.eye(A.shape[0]) * 0.5 + A
        rho = float(np.max(np.abs(np.linalg.eigvals(A))))
    scaled = A * (target / rho)
    rho_scaled = float(np.max(np.abs(np.linalg.eigvals(scaled))))
    e = ne.Economy(scaled, np.ones(A.shape[0]))
    decided = e.is_productive
    # far from the margin the answer is determined by ρ alone; within rounding of the
    # margin either answer is acceptable, but both paths must agree with each other
    if abs(rho_scaled - (1 - PRODUCTIVITY_MARGIN)) > 1e-14 * max(1, A.shape[0]):
        assert decided == (rho_scaled < 1 - PRODUCTIVITY_MARGIN)
    fresh = ne.Economy(scaled, np.ones(A.shape[0]))
    assert decided == (fresh._productivity_check() is None)


# ---------------------------------------------------------------------- 9. households
def test_family_wage_cut_of_zero_adds_no_hours(eco):
    cut = ne.family_wage_cut(eco, ne.Household(4, 1.3, 8, {"a": 3}), 0.0)
    assert cut.extra_hours == 0.0 and cut.earners_after == 1.3
    half = ne.family_wage_cut(eco, ne.Household(4, 1.3, 8, {"a": 3}), 0.5)
    assert half.earners_after == pytest.approx(3.3)        # 1.3 + ⌈2.6 − 1.3⌉ = 1.3 + 2


# ---------------------------------------------------------------------- 10, 11. conversions
@pytest.mark.parametrize("call, error", [
    (lambda e: ne.Economy([[10**400]], [1]), ne.InvalidEconomyError),
    (lambda e: ne.Economy([[0.1]], [10**400]), ne.InvalidEconomyError),
    (lambda e: ne.labour_value_benchmark(e, melt="abc"), ne.InvalidPriceError),
    (lambda e: ne.labour_value_benchmark(e, melt=10**400), ne.InvalidPriceError),
    (lambda e: ne.IsoelasticResponse(1, 1, "abc"), ne.MarketingResponseError),
    (lambda e: ne.LinearResponse(1, 1, 10**400), ne.MarketingResponseError),
    (lambda e: ne.melt(e, {"a": "1.0", "b": 1.0}, [1, 1]), ne.InvalidPriceError),
    (lambda e: ne.terms_of_trade({"a": 1.0, "b": 0.0}, {"a": 1.0, "b": 1.0}, "a"),
     ne.InvalidPriceError),
    (lambda e: e.solve(1.0), ne.InvalidEconomyError),
    (lambda e: e.solve(np.ones((2, 2, 2))), ne.InvalidEconomyError),
    (lambda e: ne.production_prices(e, "0.1"), ne.ProfitRateError),
    (lambda e: ne.production_prices(e, 0.1, wages="later"), ne.InvalidPriceError),
    (lambda e: ne.inflation_tax(10**400, 1.0), ne.InvalidPriceError),
    (lambda e: ne.accumulation_fund(taxes=True), ne.InvalidPriceError),
    (lambda e: ne.Group("g", sells={"a": "10"}), ne.InvalidGroupError),
    (lambda e: ne.Group("g", sells={"a": 1}, taxes=10**400), ne.InvalidGroupError),
    (lambda e: ne.DualEconomy(food_share="0.5"), ne.InvalidGroupError),
    (lambda e: ne.wage_profit_frontier(e, [0.1], method="fast"), ne.InvalidPriceError),
    (lambda e: ne.price_value_deviation([1, 2], [[1], [2, 3]]), ne.InvalidPriceError),
])
def test_unguarded_conversions_now_raise_library_errors(eco, call, error):
    with pytest.raises(error):
        call(eco)


# ---------------------------------------------------------------------- 14 (c). from_flows
def test_from_flows_keeps_final_demand_and_reads_either_orientation():
    Z = pd.DataFrame([[20.0, 30.0], [10.0, 40.0]], index=["a", "b"], columns=["a", "b"])
    x = pd.Series({"a": 100.0, "b": 100.0})
    by_kind = pd.DataFrame({"a": [40.0, 10.0], "b": [5.0, 20.0]}, index=["peasant", "worker"])
    e1 = ne.Economy.from_flows(Z, x, by_kind)
    e2 = ne.Economy.from_flows(Z, x, by_kind.T)           # one row per sector: turned
    pd.testing.assert_frame_equal(e1.labour_coefficients, e2.labour_coefficients)
    assert e1.final_demand.to_dict() == {"a": 50.0, "b": 50.0}      # x - Z 1
    # the MELT then needs only prices
    assert ne.melt(e1, [1.0, 2.0]) == pytest.approx(150.0 / 75.0)
    given = ne.Economy.from_flows(Z, x, by_kind, final_demand=[45.0, 55.0])
    assert given.final_demand.tolist() == [45.0, 55.0]
    with pytest.raises(ne.InvalidEconomyError, match="transpose"):
        ne.Economy.from_flows(Z, x, np.array([[40.0, 10.0, 1.0], [5.0, 20.0, 1.0]]))


def test_from_flows_tells_a_bad_gross_output_cell_from_a_non_productive_table():
    Z = [[20.0, 30.0], [10.0, 40.0]]
    with pytest.raises(ne.InvalidEconomyError, match="gross output is smaller") as bad:
        ne.Economy.from_flows(Z, [100.0, 10.0], [50.0, 25.0], sectors=["a", "b"])
    assert not isinstance(bad.value, ne.NotProductiveError)
    assert "'b'" in str(bad.value)
    # a consistent table whose rows use up all output is non-productive, not a bad cell
    boundary = ne.Economy.from_flows([[50.0, 50.0], [50.0, 50.0]], [100.0, 100.0],
                                     [1.0, 1.0])
    assert not boundary.is_productive
    with pytest.raises(ne.NotProductiveError):
        boundary.gross_output([1.0, 1.0])


# ---------------------------------------------------------------------- 20. capital round trip
@settings(max_examples=40, deadline=None)
@given(eco=economies(max_n=6, sparse=False), seed=st.integers(0, 2**32 - 1))
def test_from_flows_capital_stock_round_trip(eco, seed):
    """from_flows of Z = A diag(x), K = B diag(x) gives back A and B (and l from hours)."""
    rng = np.random.default_rng(seed)
    B = rng.uniform(0.0, 3.0, (eco.n, eco.n))
    x = eco.gross_output(rng.uniform(1.0, 100.0, eco.n)).to_numpy()
    Z = eco.A * x[None, :]
    K = B * x[None, :]
    hours = eco.labour * x[None, :]
    back = ne.Economy.from_flows(Z, x, hours, capital_stock=K)
    np.testing.assert_allclose(back.capital, B, rtol=1e-12, atol=0)
    np.testing.assert_allclose(back.A, eco.A, rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(back.labour, eco.labour, rtol=1e-12)
    # the implied final demand is the one x was computed from: (I - A) x
    np.testing.assert_allclose(back.final_demand.to_numpy(), x - eco.A @ x, rtol=1e-9,
                               atol=1e-9 * x.max())


def test_from_flows_capital_stock_worked_example():
    back = ne.Economy.from_flows([[20.0, 30.0], [10.0, 40.0]], [100.0, 50.0], [50.0, 25.0],
                                 capital_stock=[[200.0, 100.0], [0.0, 50.0]])
    np.testing.assert_allclose(back.capital, [[2.0, 2.0], [0.0, 1.0]])
    assert not math.isnan(back.max_profit_rate)
