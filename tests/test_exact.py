"""Exact rational arithmetic (nonequivalent.exact): invariants, agreement with floats, errors."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import nonequivalent as ne
from nonequivalent import exact

REL = 1e-12

# sympy is slow: fewer examples than the default profile keep this file fast.
FAST = settings(max_examples=25)


# ---------------------------------------------------------------------- strategies
@st.composite
def rational_matrices(draw, n: int | None = None, max_n: int = 3) -> list[list[Fraction]]:
    """Productive non-negative rational A by construction: every column sum < 1."""
    if n is None:
        n = draw(st.integers(1, max_n))
    nums = [[draw(st.integers(0, 9)) for _ in range(n)] for _ in range(n)]
    colmax = max(sum(nums[i][j] for i in range(n)) for j in range(n))
    denom = colmax + draw(st.integers(1, 12))
    return [[Fraction(nums[i][j], denom) for j in range(n)] for i in range(n)]


def positive_rationals(n: int):
    return st.lists(st.fractions(min_value=Fraction(1, 12), max_value=5, max_denominator=12),
                    min_size=n, max_size=n)


def nonneg_rationals(n: int):
    return st.lists(st.fractions(min_value=0, max_value=20, max_denominator=12),
                    min_size=n, max_size=n)


@st.composite
def textbook(draw, kinds: int = 1):
    A = draw(rational_matrices())
    n = len(A)
    labour = {f"kind{k}": draw(positive_rationals(n)) for k in range(kinds)}
    return A, labour


def fl(M) -> np.ndarray:
    return np.asarray(exact.to_float(M), dtype=float)


def economy(A, labour) -> ne.Economy:
    return ne.Economy(np.array(A, dtype=float),
                      labour={k: np.array(v, dtype=float) for k, v in labour.items()})


def close(a, b, rel: float = REL) -> bool:
    return np.allclose(np.asarray(a, float), np.asarray(b, float), rtol=rel, atol=rel)


# ---------------------------------------------------------------------- worked examples
def test_worked_example_gross_output_and_values():
    # A = [[1/5, 3/10], [1/10, 2/5]], y = (100, 50), l = (1/2, 1/4).
    # det(I - A) = (4/5)(3/5) - (3/10)(1/10) = 12/25 - 3/100 = 9/20.
    # x1 = ((3/5)100 + (3/10)50) / (9/20) = 75 * 20/9 = 500/3
    # x2 = ((1/10)100 + (4/5)50) / (9/20) = 50 * 20/9 = 1000/9
    # λ1 = ((1/2)(3/5) + (1/10)(1/4)) / (9/20) = (13/40)(20/9) = 13/18
    # λ2 = ((4/5)(1/4) + (1/2)(3/10)) / (9/20) = (7/20)(20/9) = 7/9
    A = [["1/5", "3/10"], ["1/10", "2/5"]]
    x = exact.gross_output(A, [100, 50])
    assert list(x) == [sympy.Rational(500, 3), sympy.Rational(1000, 9)]
    lam = exact.labour_values(A, ["1/2", "1/4"])
    assert list(lam) == [sympy.Rational(13, 18), sympy.Rational(7, 9)]
    # λ·y = l·x: 13/18*100 + 7/9*50 = 650/9 + 350/9 = 1000/9 ; 1/2*500/3 + 1/4*1000/9 = same
    assert (lam * sympy.Matrix([100, 50]))[0] == sympy.Rational(1000, 9)
    L = exact.leontief_inverse(A)
    assert L == sympy.Matrix([[sympy.Rational(4, 3), sympy.Rational(2, 3)],
                              [sympy.Rational(2, 9), sympy.Rational(16, 9)]])


def test_worked_example_production_prices():
    # A = [[1/2]], l = 1, numeraire 1: p = (1 + r) p/2 + w, p = 1 => w = 1 - (1 + r)/2.
    # r = 1/2: w = 1/4; R = 1/ρ - 1 = 1; w(0) = 1/2.
    pp = exact.production_prices([["1/2"]], [1], "1/2", [1])
    assert pp.wage == sympy.Rational(1, 4) and list(pp.prices) == [1]
    assert exact.max_profit_rate([["1/2"]]) == 1
    assert exact.wage_rate([["1/2"]], [1], 0, [1]) == sympy.Rational(1, 2)
    assert "r = 1/2" in str(pp) and pp.to_frame().loc["w", "value"] == 0.25


def test_worked_example_exchange():
    # λ = (2, 1); peasants sell 10 grain, buy 8 cloth at p = (1, 2), benchmark (3/2, 3/2),
    # taxes 1: given 20, received 8, T = 12, E = 5/2; underpayment (1/2)(10) = 5,
    # overpayment (1/2)(8) = 4, tribute 1 + 5 + 4 = 10.
    t = exact.exchange_transfers([2, 1], [10, 0], [0, 8], [1, 2], ["3/2", "3/2"], 1)
    assert (t.labour_given, t.labour_received, t.labour_transfer) == (20, 8, 12)
    assert t.nonequivalence_ratio == sympy.Rational(5, 2)
    assert (t.underpayment, t.overpayment, t.tribute) == (5, 4, 10)
    assert list(t.to_frame().index) == list(t.as_dict())
    assert "tribute" in str(t)


def test_worked_example_households_and_scissors():
    # λ = (1/2, 2), b = (4, 1): v = 4; h = 8 => e = 1.
    assert exact.value_of_labour_power(["1/2", 2], [4, 1]) == 4
    assert exact.rate_of_exploitation(["1/2", 2], [4, 1], 8) == 1
    # family: λ·b_f = 6, m = 2, h = 8 => e_f = (16 - 6)/6 = 5/3
    assert exact.family_exploitation([1, 1], [3, 3], 2, 8) == sympy.Rational(5, 3)
    # δ = 2/5: m1 = 1/(3/5) = 5/3, 2 whole earners
    assert exact.earners_needed(1, "2/5") == sympy.Rational(5, 3)
    assert exact.earners_needed(1, "2/5", whole=True) == 2
    # σ = (150/100)/(90/100) = 5/3; transfer 2 * 100 * (1 - 3/5) = 80
    assert exact.scissors_index(150, 90, 100, 100) == sympy.Rational(5, 3)
    assert exact.scissors_transfer(2, 100, "5/3") == 80
    # ε = 2, p^e = 3: p* = 2*3/3 = 2
    assert exact.squeeze_optimum(2, 3) == 2
    # F = N s: N 10 -> 12, s 3 -> 5: C_N = 2 * 4 = 8, C_s = 2 * 11 = 22, sum 60 - 30 = 30
    assert exact.shapley_two_factor(lambda a, b: a * b, 10, 12, 3, 5) == (8, 22)


# ---------------------------------------------------------------------- exact invariants
@FAST
@given(textbook(kinds=2), st.data())
def test_exact_invariants(tb, data):
    A, labour = tb
    n = len(A)
    Am = exact.matrix(A)
    lam = exact.labour_values(A, labour)
    l_tot = sympy.Matrix([sum((Fraction(labour[k][j]) for k in labour), Fraction(0))
                          for j in range(n)]).T
    # λ = l + λA exactly; λ >= l
    assert lam == l_tot + lam * Am
    assert all(lam[j] >= l_tot[j] for j in range(n))
    # λ·y = l·x exactly
    y = data.draw(nonneg_rationals(n))
    x = exact.gross_output(A, y)
    assert (lam * exact.vector(y))[0, 0] == (l_tot * x)[0, 0]
    # by kind sums to the total
    by_kind = exact.labour_values_by_kind(A, labour)
    assert sum(by_kind.values(), sympy.zeros(1, n)) == lam
    # Leontief inverse is non-negative and inverts I - A
    L = exact.leontief_inverse(A)
    assert all(v >= 0 for v in L)
    assert (sympy.eye(n) - Am) * L == sympy.eye(n)
    # r = 0: prices of production proportional to λ (numeraire Σp = 1)
    pp = exact.production_prices(A, labour, 0)
    assert pp.prices == lam / sum(lam)
    # cost-push prices with v = l are the labour values
    assert exact.cost_push_prices(A, list(l_tot)) == lam


@FAST
@given(textbook(), st.data())
def test_scaling_labour_scales_values(tb, data):
    A, labour = tb
    k = data.draw(st.fractions(min_value=Fraction(1, 7), max_value=10, max_denominator=7))
    lam = exact.labour_values(A, labour)
    scaled = {key: [k * v for v in vec] for key, vec in labour.items()}
    assert exact.labour_values(A, scaled) == sympy.Rational(k.numerator, k.denominator) * lam


@FAST
@given(textbook(), st.data())
def test_wage_falls_with_profit_rate(tb, data):
    A, labour = tb
    R = exact.max_profit_rate(A)
    if R == sympy.oo:
        r_hi = sympy.Rational(3)
    else:
        r_hi = sympy.Rational(int(exact.to_float(R) * 900), 1000)
    r_lo = r_hi / 2
    w0, w_lo, w_hi = (exact.wage_rate(A, labour, r) for r in (0, r_lo, r_hi))
    if any(v != 0 for row in A for v in row):
        # dw/dr < 0 strictly: l M^-1 A M^-1 1 > 0 when l > 0 and A != 0 (M = I - (1+r)A)
        assert w0 > w_lo > w_hi > 0
    else:  # no means of production: the wage does not depend on r
        assert w0 == w_lo == w_hi


# ---------------------------------------------------------------------- agreement with floats
@FAST
@given(textbook(kinds=2), st.data())
def test_agrees_with_economy(tb, data):
    A, labour = tb
    n = len(A)
    eco = economy(A, labour)
    y = data.draw(nonneg_rationals(n))
    assert close(fl(exact.gross_output(A, y)).ravel(), eco.gross_output(np.array(y, float)))
    assert close(fl(exact.leontief_inverse(A)), eco.leontief_inverse().to_numpy())
    by_kind = exact.labour_values_by_kind(A, labour)
    for kind, row in by_kind.items():
        assert close(fl(row).ravel(), eco.labour_values(kind).to_numpy())
    assert close(fl(exact.labour_values(A, labour)).ravel(), eco.values_array)
    R = exact.max_profit_rate(A)
    if R == sympy.oo:
        assert eco.max_profit_rate == float("inf")
    else:
        assert close(exact.to_float(R), eco.max_profit_rate, rel=1e-9)


@FAST
@given(textbook(), st.data())
def test_prices_agree_with_values_module(tb, data):
    A, labour = tb
    n = len(A)
    eco = economy(A, labour)
    v = data.draw(positive_rationals(n))
    assert close(fl(exact.cost_push_prices(A, v)).ravel(),
                 ne.cost_push_prices(eco, np.array(v, float)).to_numpy())
    R = eco.max_profit_rate
    r = Fraction(int(min(R, 5.0) * data.draw(st.integers(0, 90))), 100)
    d = data.draw(positive_rationals(n))
    pp = exact.production_prices(A, labour, r, d)
    fpp = ne.production_prices(eco, float(r), numeraire=np.array(d, float))
    assert close(exact.to_float(pp.wage), fpp.wage, rel=1e-9)
    assert close(fl(pp.prices).ravel(), fpp.prices.to_numpy(), rel=1e-9)
    p = data.draw(positive_rationals(n))
    y = data.draw(positive_rationals(n))
    for norm in ("new-interpretation", "total-price"):
        assert close(exact.to_float(exact.melt(A, labour, p, y, norm)),
                     ne.melt(eco, np.array(p, float), np.array(y, float), norm))


@FAST
@given(st.integers(1, 4).flatmap(lambda n: st.tuples(
    positive_rationals(n), nonneg_rationals(n), nonneg_rationals(n), positive_rationals(n),
    positive_rationals(n), st.fractions(-5, 20, max_denominator=4))))
def test_exchange_agrees_with_exchange_module(args):
    lam, s, d, p, pe, tax = args
    n = len(lam)
    s = [*s[:-1], s[-1] + 1]  # the group sells something: its exchange has labour content
    t = exact.exchange_transfers(lam, s, d, p, pe, tax)
    goods = [f"g{i}" for i in range(n)]
    eco = ne.Economy(np.zeros((n, n)), labour=np.array(lam, float), sectors=goods)
    group = ne.Group("peasants", sells=dict(zip(goods, map(float, s), strict=True)),
                     buys=dict(zip(goods, map(float, d), strict=True)), taxes=float(tax))
    acc = ne.exchange_account(eco, group, pd.Series(np.array(p, float), index=goods),
                              ne.given_benchmark(pd.Series(np.array(pe, float), index=goods),
                                                 "test"))
    row = acc.by_group.loc["peasants"]
    for col, val in t.as_dict().items():
        assert close(exact.to_float(val), row[col]), col


@FAST
@given(st.integers(1, 4).flatmap(lambda n: st.tuples(
    positive_rationals(n), positive_rationals(n), st.integers(1, 16),
    st.fractions(-1, Fraction(9, 10), max_denominator=10))))
def test_households_agree_with_households_module(args):
    lam, b, h, delta = args
    n = len(lam)
    goods = [f"g{i}" for i in range(n)]
    eco = ne.Economy(np.zeros((n, n)), labour=np.array(lam, float), sectors=goods)
    basket = dict(zip(goods, map(float, b), strict=True))
    assert close(exact.to_float(exact.value_of_labour_power(lam, b)),
                 ne.value_of_labour_power(eco, basket))
    acc = ne.worker_account(eco, ne.Worker(hours=float(h), wage=1.0, basket=basket))
    assert close(exact.to_float(exact.rate_of_exploitation(lam, b, h)),
                 acc.rate_of_exploitation)
    en = ne.earners_needed(1, float(delta))
    assert close(exact.to_float(exact.earners_needed(1, delta)), en.fractional)
    assert exact.earners_needed(1, delta, whole=True) == en.whole
    hh = ne.Household(members=4, earners=2, hours_per_earner=float(h), basket=basket)
    assert close(exact.to_float(exact.family_exploitation(lam, b, 2, h)),
                 ne.household_account(eco, hh).rate_of_exploitation)


@given(st.fractions(Fraction(1, 4), 4, max_denominator=4),
       st.fractions(1, 10, max_denominator=4), st.integers(1, 1000),
       st.fractions(Fraction(1, 2), 4, max_denominator=8), st.integers(1, 3))
def test_scissors_agree_with_scissors_module(eps, pe, q, sigma, k):
    assert close(exact.to_float(exact.scissors_transfer(pe, q, sigma)),
                 ne.two_good_transfer(float(pe), float(q), float(sigma)))
    resp = ne.IsoelasticResponse(float(q), 1.0, float(eps))
    opt = ne.squeeze_optimum(resp, float(pe))
    assert close(exact.to_float(exact.squeeze_optimum(eps, pe)), opt.price, rel=1e-9)
    price = pe * Fraction(k, 4)
    assert close(exact.to_float(exact.extraction(q, 1, eps, pe, price)),
                 ne.extraction(resp, float(pe), float(price)), rel=1e-9)
    s = pd.Series([100.0, 100.0 * float(sigma)])
    assert close(exact.to_float(exact.scissors_index(100 * sigma, 100, 100, 100)),
                 ne.scissors_index(s, pd.Series([100.0, 100.0])).iloc[-1])


@given(st.lists(st.fractions(1, 50, max_denominator=5), min_size=4, max_size=4))
def test_shapley_agrees_with_accounts_module(vals):
    a0, a1, b0, b1 = vals
    ca, cb = exact.shapley_two_factor(lambda a, b: a * b + a, a0, a1, b0, b1)
    got = ne.shapley_decomposition(lambda f: f["a"] * f["b"] + f["a"],
                                   {"a": float(a0), "b": float(b0)},
                                   {"a": float(a1), "b": float(b1)})
    assert close([exact.to_float(ca), exact.to_float(cb)], got.to_numpy(), rel=1e-9)
    assert ca + cb == (a1 * b1 + a1) - (a0 * b0 + a0)


@settings(max_examples=40)
@given(st.integers(1, 3).flatmap(lambda n: st.lists(
    st.lists(st.fractions(0, Fraction(3, 2), max_denominator=6), min_size=n, max_size=n),
    min_size=n, max_size=n)))
def test_hawkins_simon_agrees_with_spectral_radius(A):
    rho = float(np.max(np.abs(np.linalg.eigvals(np.array(A, dtype=float)))))
    if abs(rho - 1.0) > 1e-9:  # exactly singular cases are decided exactly, floats cannot
        assert exact.is_productive(A) == (rho < 1.0)


def test_rho_exactly_one_is_not_productive():
    # [[1/2, 1/2], [1/2, 1/2]] has ρ = 1 exactly: I - A is singular.
    with pytest.raises(ne.NotProductiveError) as info:
        exact.gross_output([["1/2", "1/2"], ["1/2", "1/2"]], [1, 1])
    assert info.value.sectors == [0, 1]


# ---------------------------------------------------------------------- input reading
def test_rational_reading():
    assert exact.rational("3/12") == sympy.Rational(1, 4)
    assert exact.rational(" -1 / 4 ") == sympy.Rational(-1, 4)
    assert exact.rational("\u22122") == -2
    assert exact.rational(0.1, allow_float=True) == sympy.Rational(1, 10)
    assert exact.rational(np.int64(3)) == 3
    assert exact.rational(np.float64(0.25), allow_float=True) == sympy.Rational(1, 4)
    assert exact.rational(Fraction(2, 6)) == sympy.Rational(1, 3)
    import decimal
    assert exact.rational(decimal.Decimal("0.125")) == sympy.Rational(1, 8)
    M = exact.matrix(sympy.Matrix([[1, 0], [0, 1]]) / 2)
    assert M == sympy.eye(2) / 2
    assert exact.vector(pd.Series(["1/2", 1])).T == sympy.Matrix([[sympy.Rational(1, 2), 1]])


@pytest.mark.parametrize("bad", ["2**10", "abc", "1/0", "__import__('os')", True, None,
                                 float("nan"), float("inf"), [1], sympy.sqrt(2),
                                 sympy.Symbol("x")])
def test_rational_rejects(bad):
    with pytest.raises(ne.InvalidEconomyError):
        exact.rational(bad)


def test_matrix_and_vector_errors():
    with pytest.raises(ne.InvalidEconomyError, match="square"):
        exact.gross_output([[0, 0]], [1])
    with pytest.raises(ne.InvalidEconomyError, match="negative"):
        exact.gross_output([["-1/2"]], [1])
    with pytest.raises(ne.InvalidEconomyError, match="entries"):
        exact.gross_output([["1/2"]], [1, 2])
    with pytest.raises(ne.InvalidEconomyError, match="by position"):
        exact.gross_output([["1/2"]], {"grain": 1})
    with pytest.raises(ne.InvalidEconomyError, match="2-D"):
        exact.matrix([[[1]]])
    with pytest.raises(ne.InvalidEconomyError, match="shape"):
        exact.labour_values([["1/2", 0], [0, "1/2"]], [[1, 2, 3], [1, 2, 3]])
    with pytest.raises(ne.InvalidEconomyError, match="at least one"):
        exact.labour_values([["1/2"]], {})
    with pytest.raises(ne.NotProductiveError):
        exact.labour_values([[2]], [1])


def test_price_errors():
    A = [["1/2"]]
    with pytest.raises(ne.ProfitRateError, match="negative"):
        exact.production_prices(A, [1], "-1/10")
    with pytest.raises(ne.ProfitRateError, match="maximum profit rate"):
        exact.production_prices(A, [1], 1)  # R = 1
    with pytest.raises(ne.InvalidPriceError, match="zero labour cost"):
        exact.production_prices([["1/2", 0], [0, "1/2"]], [1, 0], 0, numeraire=[0, 1])
    with pytest.raises(ne.InvalidPriceError, match="normalization"):
        exact.melt(A, [1], [1], [1], normalization="average")
    with pytest.raises(ne.InvalidEconomyError, match="no labour"):
        exact.melt(A, [1], [1], [0])
    with pytest.raises(ne.InvalidPriceError):
        exact.scissors_index(0, 1)
    with pytest.raises(ne.InvalidPriceError):
        exact.squeeze_optimum(0, 1)
    with pytest.raises(ne.InvalidPriceError):
        exact.scissors_transfer(1, 1, 0)
    with pytest.raises(ne.InvalidPriceError):
        exact.extraction(1, 0, 1, 1, 1)
    assert exact.max_profit_rate([[0, 1], [0, 0]]) == sympy.oo


def test_group_and_household_errors():
    with pytest.raises(ne.InvalidGroupError, match="neither gives nor receives"):
        exact.exchange_transfers([1, 1], [0, 0], [0, 0], [1, 1], [1, 1])
    t = exact.exchange_transfers([1, 1], [1, 0], [0, 0], [1, 1], [1, 1])
    assert t.nonequivalence_ratio == sympy.oo
    with pytest.raises(ne.InvalidGroupError, match="negative"):
        exact.exchange_transfers([1, 1], [-1, 0], [0, 0], [1, 1], [1, 1])
    with pytest.raises(ne.InvalidPriceError, match="prices"):
        exact.exchange_transfers([1, 1], [1, 0], [0, 0], [1], [1, 1])
    with pytest.raises(ne.InvalidHouseholdError, match="no labour"):
        exact.rate_of_exploitation([1, 1], [0, 0], 8)
    with pytest.raises(ne.InvalidHouseholdError, match="hours"):
        exact.rate_of_exploitation([1, 1], [1, 0], 0)
    with pytest.raises(ne.InvalidHouseholdError):
        exact.family_exploitation([1, 1], [0, 0], 1, 8)
    with pytest.raises(ne.InvalidHouseholdError):
        exact.family_exploitation([1, 1], [1, 0], 0, 8)
    with pytest.raises(ne.InvalidHouseholdError, match="< 1"):
        exact.earners_needed(1, 1)
    with pytest.raises(ne.InvalidHouseholdError, match="m0"):
        exact.earners_needed(0, "1/2")


# ---------------------------------------------------------------------- floats and hangs
def test_floats_are_refused_unless_allowed():
    # 100/300 as a float is 3333333333333333/10^16, not 1/3: a near-miss "exact" answer
    with pytest.raises(ne.InvalidEconomyError, match="'1/3'") as info:
        exact.rational(100 / 300)
    assert "allow_float=True" in str(info.value) and "Fraction" in str(info.value)
    with pytest.raises(ne.InvalidEconomyError, match="float"):
        exact.labour_values([[0.5]], [1])
    with pytest.raises(ne.InvalidEconomyError, match="float"):
        exact.vector(np.array([0.5, 0.25]))
    A = exact.matrix([[0.5, 0.0], [0.25, 0.5]], allow_float=True)
    assert A[1, 0] == sympy.Rational(1, 4)
    assert exact.labour_values(A, ["1/2", "1/2"]) == exact.labour_values(
        [["1/2", 0], ["1/4", "1/2"]], ["1/2", "1/2"])
    assert exact.vector(np.array([0.5]), allow_float=True)[0] == sympy.Rational(1, 2)


@pytest.mark.parametrize("text", ["1e999999999", "1e-999999999", "1E+1001", "1" * 5000,
                                  "9" * 1001 + "/7"])
def test_huge_numbers_as_text_are_refused_quickly(text):
    import time

    t0 = time.perf_counter()
    with pytest.raises(ne.InvalidEconomyError):
        exact.rational(text)
    assert time.perf_counter() - t0 < 1.0  # a guard against a hang, not a speed target


def test_huge_decimals_are_refused():
    import decimal

    with pytest.raises(ne.InvalidEconomyError, match="exponent"):
        exact.rational(decimal.Decimal("1e999999999"))
    assert exact.rational("1e3") == 1000 and exact.rational("1e-3") == sympy.Rational(1, 1000)


def test_exact_names_match_the_float_api():
    # max_profit_rate, spectral_radius, uniform_profit_rate: same names, same numbers
    A = [["1/5", "3/10"], ["1/10", "2/5"]]
    lab = ["1/2", "1/4"]
    eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
                     sectors=["agriculture", "industry"])
    assert close(exact.to_float(exact.max_profit_rate(A)), eco.max_profit_rate, rel=1e-12)
    assert close(exact.to_float(exact.spectral_radius(A)), eco.spectral_radius, rel=1e-12)
    basket = ["2/5", "1/5"]
    r = exact.uniform_profit_rate(A, lab, basket)
    assert close(exact.to_float(r), ne.uniform_profit_rate(eco, {"agriculture": 0.4,
                                                                 "industry": 0.2}), rel=1e-9)
    assert exact.uniform_profit_rate(A, lab, [0, 0]) == exact.max_profit_rate(A)
    with pytest.raises(ne.ProfitRateError):
        exact.uniform_profit_rate(A, lab, [5, 5])
