"""Emmanuel's unequal exchange: prices of production with national wages."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nonequivalent as ne
from nonequivalent._results import Result


def test_textbook_case_by_hand() -> None:
    # c = 10 and h = 10 in both; wages 0.8 and 0.2 per hour: v = 8, 2; s = 2, 8.
    # r = 10 / 30; prices (4/3) * 18 = 24 and (4/3) * 12 = 16 against values 20 and 20.
    res = ne.emmanuel_exchange({"centre": 10, "periphery": 10}, {"centre": 10, "periphery": 10},
                               {"centre": 0.8, "periphery": 0.2})
    t = res.table
    assert res.profit_rate == pytest.approx(1 / 3)
    assert t.loc["centre", "price_of_production"] == pytest.approx(24.0)
    assert t.loc["periphery", "price_of_production"] == pytest.approx(16.0)
    assert t.loc["periphery", "transfer"] == pytest.approx(4.0)
    # equal compositions of capital: all of it is unequal exchange in the strict sense
    assert t["transfer_broad"].abs().max() == pytest.approx(0.0, abs=1e-12)
    assert t.loc["periphery", "transfer_strict"] == pytest.approx(4.0)
    assert res.transfers_sum_to_zero
    assert "\n" not in repr(res) and "profit rate" in res.summary()



def test_result_display_surface() -> None:
    res = ne.emmanuel_exchange({"centre": 10, "periphery": 10}, {"centre": 10, "periphery": 10},
                               {"centre": 0.8, "periphery": 0.2})
    assert isinstance(res, Result)
    assert "\n" not in repr(res)
    html = res._repr_html_()
    # prices of production 24 and 16 in the library's number format
    assert ">24.00</td>" in html and ">16.00</td>" in html and ">periphery</th>" in html
    assert "\\begin{tabular}" in res.to_latex() and "periphery" in res.to_latex()
    md = res.to_markdown()
    assert "centre" in md and "24.00" in md
    assert "r = Σs/Σ(c+v) = 0.3333" in res.summary()
    table = res.table
    table.loc["centre", "transfer"] = 99.0
    assert res.table.loc["centre", "transfer"] == pytest.approx(-4.0)

countries = st.integers(2, 6)


@settings(max_examples=40)
@given(countries, st.integers(0, 2**32 - 1))
def test_transfers_sum_to_zero(k: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    names = [f"c{i}" for i in range(k)]
    c = dict(zip(names, rng.uniform(0, 50, k), strict=True))
    h = dict(zip(names, rng.uniform(1, 50, k), strict=True))
    w = dict(zip(names, rng.uniform(0.0, 0.9, k), strict=True))   # Σ w h < Σ h by construction
    res = ne.emmanuel_exchange(c, h, w)
    t = res.table
    total = t["value"].sum()
    for col in ("transfer", "transfer_broad", "transfer_strict"):
        assert abs(t[col].sum()) <= 1e-10 * total
    assert t["price_of_production"].sum() == pytest.approx(total, rel=1e-12)
    # a country with a higher wage (same c and h) gets a higher price
    assert res.transfers_sum_to_zero


@settings(max_examples=30)
@given(countries, st.integers(0, 2**32 - 1), st.floats(0.05, 0.9))
def test_equal_wages_leave_only_the_broad_part(k: int, seed: int, wage: float) -> None:
    rng = np.random.default_rng(seed)
    names = [f"c{i}" for i in range(k)]
    res = ne.emmanuel_exchange(dict(zip(names, rng.uniform(0, 50, k), strict=True)),
                               dict(zip(names, rng.uniform(1, 50, k), strict=True)),
                               dict.fromkeys(names, wage))
    t = res.table
    np.testing.assert_allclose(t["transfer_strict"], 0.0, atol=1e-10 * t["value"].sum())


@settings(max_examples=30)
@given(st.integers(0, 2**32 - 1))
def test_lower_wage_gives_more_value(seed: int) -> None:
    rng = np.random.default_rng(seed)
    c, h = rng.uniform(0, 20), rng.uniform(1, 20)
    lo, hi = sorted(rng.uniform(0.05, 0.9, 2))
    if lo == hi:
        hi = lo + 0.01
    t = ne.emmanuel_exchange({"a": c, "b": c}, {"a": h, "b": h}, {"a": lo, "b": hi}).table
    assert t.loc["a", "transfer"] > 0 > t.loc["b", "transfer"]


def test_bad_inputs() -> None:
    with pytest.raises(ne.InvalidEconomyError, match="no surplus value"):
        ne.emmanuel_exchange({"a": 1}, {"a": 1}, {"a": 1.0})
    with pytest.raises(ne.InvalidEconomyError, match="differ"):
        ne.emmanuel_exchange({"a": 1, "b": 1}, {"a": 1}, {"a": 0.5})
    with pytest.raises(ne.InvalidEconomyError, match="> 0"):
        ne.emmanuel_exchange({"a": 1}, {"a": 0}, {"a": 0.5})
    with pytest.raises(ne.InvalidEconomyError, match="mapping"):
        ne.emmanuel_exchange([1], [1], [0.5])


def test_table_is_a_copy() -> None:
    res = ne.emmanuel_exchange({"a": 1, "b": 2}, {"a": 1, "b": 1}, {"a": 0.5, "b": 0.2})
    t = res.table
    t.iloc[0, 0] = 99.0
    assert res.table.iloc[0, 0] == 1.0
