"""Adversarial inputs at the core entry points: junk and extreme-but-valid values.

Every call either raises a :class:`nonequivalent.NonequivalentError` subclass or returns
finite results that satisfy the model's invariants. No bare Python exception, no
RuntimeWarning (the test configuration turns those into errors), no NaN or inf.
Bounded: a few dozen examples per entry point.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import nonequivalent as ne
from tests.strategies import economies

BOUNDED = settings(max_examples=40, deadline=None)

# ------------------------------------------------------------------------------- junk
scalars_junk = st.one_of(
    st.none(), st.booleans(), st.text(max_size=5), st.just("1.5"), st.just("abc"),
    st.complex_numbers(allow_nan=False, allow_infinity=False, max_magnitude=10),
    st.just(10**400), st.just(-(10**400)), st.just(float("nan")), st.just(float("inf")),
    st.just(-float("inf")), st.just(1e308), st.just(-1e308), st.just(1e-308), st.just(0),
    st.just(-1), st.just(np.complex128(1 + 1e-30j)), st.just([1, 2]), st.just({}),
    st.just(object()), st.floats(),
)


@st.composite
def vectors_junk(draw: Any, n: int = 2) -> Any:
    """A vector-like input that is wrong in some way, or extreme but valid."""
    kind = draw(st.integers(0, 11))
    if kind == 0:
        return [draw(scalars_junk) for _ in range(n)]
    if kind == 1:
        return np.array([1.0 + 1j] * n)
    if kind == 2:
        return [1.0] * draw(st.sampled_from([0, n - 1, n + 1]))
    if kind == 3:
        return {"a": draw(scalars_junk), "b": 1.0}
    if kind == 4:
        return np.full(n, draw(st.sampled_from([1e308, 1e-308, 1e300, 5e-324])))
    if kind == 5:
        return pd.Series([1.0] * n, index=draw(st.sampled_from([[0, 1], ["b", "a"],
                                                                 ["a", "a"]]))[:n])
    if kind == 6:
        return [[[1.0]] * n]
    if kind == 7:
        return [10**400] * n
    if kind == 8:
        return [True] * n
    if kind == 9:
        return "ab"
    if kind == 10:
        return draw(scalars_junk)
    return np.array([draw(st.floats(-1e308, 1e308)) for _ in range(n)])


@st.composite
def matrices_junk(draw: Any, n: int = 2) -> Any:
    kind = draw(st.integers(0, 8))
    if kind == 0:
        return np.array([[0.2 + 1j, 0.1], [0.1, 0.2]])
    if kind == 1:
        return sp.csr_array(np.array([[0.2 + 1j, 0.0], [0.0, 0.2]]))
    if kind == 2:
        return [[10**400, 0], [0, 0.1]]
    if kind == 3:
        return [[draw(scalars_junk), 0.1], [0.1, 0.2]]
    if kind == 4:
        return np.full((n, n), draw(st.sampled_from([1e-308, 1e300, 0.5, 1 - 1e-13])))
    if kind == 5:
        return [[0.1, 0.2, 0.3], [0.1, 0.2]]
    if kind == 6:
        return np.array([[True, False], [False, True]])
    if kind == 7:
        return pd.DataFrame([[0.1, 0.2], [0.3, 0.1]], index=["a", "b"], columns=["b", "c"])
    return draw(vectors_junk(n))


# ------------------------------------------------------------------------------- checks
def assert_finite(value: Any, depth: int = 0) -> None:
    """Every number reachable in ``value`` is finite (infinite profit rates excepted)."""
    if depth > 4 or value is None or isinstance(value, str | bool):
        return
    if isinstance(value, pd.DataFrame | pd.Series):
        num = value.select_dtypes("number") if isinstance(value, pd.DataFrame) else value
        if isinstance(num, pd.Series) and not pd.api.types.is_numeric_dtype(num):
            return
        assert np.isfinite(num.to_numpy(dtype=float)).all(), value
    elif isinstance(value, np.ndarray):
        assert np.isfinite(value).all(), value
    elif isinstance(value, float | int | np.floating | np.integer):
        assert math.isfinite(float(value)), value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            if f.name in ("profit_rate", "max_profit_rate", "rate_of_surplus_value",
                          "choke_price"):
                continue     # documented: inf when A is nilpotent or no wages are paid
            assert_finite(getattr(value, f.name), depth + 1)


def outcome(call: Callable[[], Any]) -> Any:
    """Run ``call``: a library error is fine; otherwise the result must be finite."""
    try:
        out = call()
    except ne.NonequivalentError as exc:
        assert str(exc), "a library error must say what is wrong"
        return None
    assert_finite(out)
    return out


ECO = ne.Economy([[0.2, 0.3], [0.1, 0.4]], [0.5, 0.25], sectors=["a", "b"])


# ------------------------------------------------------------------------------- economy
@BOUNDED
@given(A=matrices_junk(), labour=vectors_junk())
def test_economy_constructor_rejects_junk_or_is_valid(A, labour):
    eco = outcome(lambda: ne.Economy(A, labour))
    if eco is not None:
        outcome(lambda: eco.is_productive)
        lam = outcome(lambda: eco.labour_values())
        if lam is not None:    # λ = l + λA >= l
            assert (lam.to_numpy() >= eco.total_labour * (1 - 1e-12)).all()


@BOUNDED
@given(y=vectors_junk(), rhs=st.one_of(vectors_junk(), st.just(1.0), st.just([[1.0]])))
def test_quantities_reject_junk_or_satisfy_the_balance(y, rhs):
    x = outcome(lambda: ECO.gross_output(y))
    if x is not None:
        yv = x.to_numpy() - ECO.A @ x.to_numpy()      # (I - A) x = y
        assert np.all(np.isfinite(yv))
    outcome(lambda: ECO.solve(rhs))


@BOUNDED
@given(Z=matrices_junk(), x=vectors_junk(), h=vectors_junk(), K=matrices_junk())
def test_from_flows_rejects_junk(Z, x, h, K):
    outcome(lambda: ne.Economy.from_flows(Z, x, h))
    outcome(lambda: ne.Economy.from_flows([[20, 30], [10, 40]], [100, 100], [50, 25],
                                          capital_stock=K))


# ------------------------------------------------------------------------------- prices
@BOUNDED
@given(r=scalars_junk, num=st.one_of(scalars_junk, vectors_junk()), w=scalars_junk,
       wages=st.sampled_from(["post-factum", "advanced", "junk", 1]))
def test_production_prices_reject_junk_or_satisfy_their_equation(r, num, w, wages):
    pp = outcome(lambda: ne.production_prices(ECO, r, numeraire=num, wages=wages))
    if pp is not None:
        comp = pp.to_frame()
        np.testing.assert_allclose(comp.drop(columns="price").sum(axis=1), comp["price"],
                                   rtol=1e-12)
    outcome(lambda: ne.production_prices(ECO, 0.5, wage=w))
    outcome(lambda: ne.wage_profit_frontier(ECO, num))
    outcome(lambda: ne.cost_push_prices(ECO, num))


@BOUNDED
@given(b=vectors_junk(), A=matrices_junk())
def test_profit_rates_reject_junk(b, A):
    res = outcome(lambda: ne.uniform_profit_rate(ECO, b))
    if res is not None:
        assert 0 <= res.profit_rate <= ECO.max_profit_rate * (1 + 1e-12)
    try:
        R = ne.max_profit_rate(A)
    except ne.NonequivalentError:
        return
    assert R > 0 or R == 0.0         # inf (nilpotent A, documented) or a positive rate


@BOUNDED
@given(p=vectors_junk(), y=vectors_junk(), mu=scalars_junk, w=scalars_junk)
def test_melt_and_value_prices_reject_junk(p, y, mu, w):
    m = outcome(lambda: ne.melt(ECO, p, y))
    if m is not None:
        assert m > 0
    outcome(lambda: ne.labour_value_prices(ECO, melt=mu))
    outcome(lambda: ne.labour_value_benchmark(ECO, melt=mu))
    outcome(lambda: ne.labour_value_benchmark(ECO, prices=p, final_demand=y))
    ni = outcome(lambda: ne.new_interpretation(ECO, p, y, wage=w))
    if ni is not None:    # Π = μ S
        assert ni.identity_gap == pytest.approx(0.0, abs=1e-9 * abs(ni.net_product))
    outcome(lambda: ne.price_value_deviation(p, y))


# ------------------------------------------------------------------------------- scissors
@BOUNDED
@given(a=vectors_junk(), b=vectors_junk(), good=st.one_of(scalars_junk, st.just("a")),
       s=scalars_junk, q=scalars_junk)
def test_scissors_reject_junk_or_are_finite(a, b, good, s, q):
    if isinstance(a, pd.Series) and isinstance(b, pd.Series):
        sig = outcome(lambda: ne.scissors_index(a, b))
        if sig is not None:
            assert (sig > 0).all()
    if isinstance(a, list):
        outcome(lambda: ne.scissors_index(pd.Series(a, dtype=object),
                                          pd.Series([1.0] * len(a))))
    outcome(lambda: ne.terms_of_trade(a, b, good))
    outcome(lambda: ne.two_good_transfer(q, s, q))


@BOUNDED
@given(x=scalars_junk, y=scalars_junk, z=scalars_junk)
def test_channels_of_accumulation_reject_junk(x, y, z):
    outcome(lambda: ne.inflation_tax(x, y, z))
    outcome(lambda: ne.foreign_trade_margin(x, y, z, 1.0))
    f = outcome(lambda: ne.accumulation_fund(taxes=x, price_policy=y, loans=z))
    if f is not None and f.shares_defined:
        assert f.shares.sum() == pytest.approx(1.0, rel=1e-9)


# ------------------------------------------------------------------------------- squeeze
@BOUNDED
@given(q0=scalars_junk, eps=scalars_junk, pe=scalars_junk, p=scalars_junk)
def test_responses_and_squeeze_reject_junk(q0, eps, pe, p):
    r = outcome(lambda: ne.IsoelasticResponse(q0, 1.0, eps))
    outcome(lambda: ne.LinearResponse(q0, 1.0, eps))
    if r is not None:
        opt = outcome(lambda: ne.squeeze_optimum(r, pe))
        if opt is not None:
            assert opt.extraction >= 0
        outcome(lambda: ne.extraction(r, pe, p))
    outcome(lambda: ne.squeeze_optimum(ne.CallableResponse(lambda x: x * (1 + 1j)), 1.0))
    outcome(lambda: ne.squeeze_optimum(ne.CallableResponse(lambda x: 1 / 0), 1.0))
    outcome(lambda: ne.squeeze_optimum(ne.CallableResponse(lambda x: q0), 1.0))


@BOUNDED
@given(params=st.fixed_dictionaries({"q0": scalars_junk, "elasticity": scalars_junk}),
       p=scalars_junk, w=scalars_junk, floor=scalars_junk)
def test_dual_economy_rejects_junk_or_is_finite(params, p, w, floor):
    d = outcome(lambda: ne.DualEconomy(**params))
    if d is None:
        return
    out = outcome(lambda: d.outcome(p, w))
    if out is not None:
        assert out.accumulation == pytest.approx(out.retail_margin + out.industrial_surplus,
                                                 rel=1e-12, abs=1e-12)
    outcome(lambda: d.optimal_wedge(floor))
    outcome(lambda: d.optimal_wedge(worker_weight=floor))


# ------------------------------------------------------------------------------- groups
@BOUNDED
@given(sells=st.one_of(vectors_junk(), st.dictionaries(st.text(max_size=2), scalars_junk,
                                                       max_size=3)),
       taxes=scalars_junk)
def test_group_rejects_junk(sells, taxes):
    g = outcome(lambda: ne.Group("g", sells=sells, buys={"a": 1.0}, taxes=taxes))
    if g is not None:
        assert (g.sells.to_numpy() >= 0).all()


@BOUNDED
@given(cut=scalars_junk, cost=scalars_junk)
def test_family_wage_cut_rejects_junk(cut, cost):
    fam = ne.Household(4, 1.3, 8, {"a": 3})
    res = outcome(lambda: ne.family_wage_cut(ECO, fam, cut))
    if res is not None:
        assert res.extra_hours >= 0 and res.earners_after <= fam.members * (1 + 1e-9)
    outcome(lambda: ne.family_wage_cut(ECO, fam, 0.5, housing_cost_per_migrant=cost))


# ------------------------------------------------------------------------------- extremes
@settings(max_examples=25, deadline=None)
@given(eco=economies(max_n=6, sparse=False),
       scale=st.sampled_from([1e-150, 1e-100, 1e100, 1e150, 1e300]))
def test_extreme_but_valid_scales_give_finite_results_or_a_range_error(eco, scale):
    """Labour and final demand at extreme magnitudes: finite and consistent, or a
    NumericalRangeError; never inf."""
    y = np.full(eco.n, scale)
    x = outcome(lambda: eco.gross_output(y))
    scaled = outcome(lambda: dataclasses.replace(eco, labour=eco.labour * scale))
    if scaled is not None:
        lam = outcome(lambda: scaled.labour_values())
        if lam is not None and np.all(lam.to_numpy() > 0):
            ratio = lam.to_numpy() / eco.labour_values().to_numpy()
            np.testing.assert_allclose(ratio, scale, rtol=1e-9)
    if x is not None:
        outcome(lambda: ne.melt(eco, np.ones(eco.n), y))


def test_dual_economy_wedge_overflow_is_a_library_error():
    eco = ne.DualEconomy(q0=1e-308, elasticity=1e-308)
    with pytest.raises(ne.NumericalRangeError, match="wedge"):
        eco.outcome(1e-308, 1e-308)
