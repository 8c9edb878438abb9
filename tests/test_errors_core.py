"""Every error of the core (economy and values) is raised with a message that helps."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

import nonequivalent as ne

A2 = [[0.2, 0.3], [0.1, 0.4]]


@pytest.fixture
def eco() -> ne.Economy:
    return ne.Economy(A2, labour={"peasant": [0.5, 0.0], "worker": [0.0, 0.25]},
                      sectors=["agriculture", "industry"])


# ---------------------------------------------------------------------- shapes
@pytest.mark.parametrize("A", [[[0.1, 0.2]], [0.1, 0.2], np.zeros((2, 2, 2)),
                               sp.csr_array(np.zeros((2, 3)))])
def test_non_square_technology(A):
    with pytest.raises(ne.InvalidEconomyError, match="square"):
        ne.Economy(A, labour=[1.0, 1.0])


def test_labour_of_wrong_length():
    with pytest.raises(ne.InvalidEconomyError, match="3 columns; the economy has 2"):
        ne.Economy(A2, labour=[1.0, 1.0, 1.0])
    with pytest.raises(ne.InvalidEconomyError, match="shape"):
        ne.Economy(A2, labour={"w": [1.0, 1.0, 1.0]})


def test_capital_of_wrong_shape():
    with pytest.raises(ne.InvalidEconomyError, match="capital"):
        ne.Economy(A2, labour=[1.0, 1.0], capital=np.zeros((3, 3)))


def test_final_demand_of_wrong_shape(eco):
    with pytest.raises(ne.InvalidEconomyError, match="final demand"):
        eco.gross_output([1.0, 2.0, 3.0])
    with pytest.raises(ne.InvalidEconomyError, match="right-hand side"):
        eco.solve(np.ones(3))


def test_non_numeric_input():
    with pytest.raises(ne.InvalidEconomyError, match="numeric"):
        ne.Economy([["a", "b"], ["c", "d"]], labour=[1, 1])


# ---------------------------------------------------------------------- labels
def test_technology_rows_and_columns_differ():
    df = pd.DataFrame(A2, index=["a", "b"], columns=["a", "c"])
    with pytest.raises(ne.LabelMismatchError, match="must be the same sectors"):
        ne.Economy(df, labour=[1, 1])


def test_sectors_disagree_with_dataframe_labels():
    df = pd.DataFrame(A2, index=["a", "b"], columns=["a", "b"])
    with pytest.raises(ne.LabelMismatchError, match="differ from the labels"):
        ne.Economy(df, labour=[1, 1], sectors=["x", "y"])


def test_wrong_number_or_repeated_sector_labels():
    with pytest.raises(ne.LabelMismatchError, match="exactly one label each"):
        ne.Economy(A2, labour=[1, 1], sectors=["a", "b", "c"])
    with pytest.raises(ne.LabelMismatchError, match="unique"):
        ne.Economy(A2, labour=[1, 1], sectors=["a", "a"])


def test_labour_series_with_other_labels():
    with pytest.raises(ne.LabelMismatchError, match="missing"):
        ne.Economy(A2, labour=pd.Series({"a": 1.0, "z": 1.0}), sectors=["a", "b"])


def test_labour_kinds_disagree():
    with pytest.raises(ne.LabelMismatchError, match="labour kinds"):
        ne.Economy(A2, labour={"p": [1, 1]}, labour_kinds=["q"])


def test_final_demand_with_other_labels(eco):
    with pytest.raises(ne.LabelMismatchError, match="unexpected"):
        eco.gross_output(pd.Series({"agriculture": 1.0, "steel": 2.0}))


def test_capital_labels_disagree():
    cap = pd.DataFrame(np.eye(2), index=["a", "z"], columns=["a", "b"])
    with pytest.raises(ne.LabelMismatchError, match="capital"):
        ne.Economy(A2, labour=[1, 1], sectors=["a", "b"], capital=cap)


# ---------------------------------------------------------------------- bad numbers
@pytest.mark.parametrize("bad", [-0.1, np.nan, np.inf])
@pytest.mark.parametrize("sparse", [False, True])
def test_bad_technical_coefficients(bad, sparse):
    A = np.array(A2)
    A[0, 1] = bad
    with pytest.raises(ne.InvalidEconomyError, match=r"negative|NaN"):
        ne.Economy(sp.csr_array(A) if sparse else A, labour=[1, 1])


@pytest.mark.parametrize("bad", [-1.0, np.nan, -np.inf])
def test_bad_labour_coefficients(bad):
    with pytest.raises(ne.InvalidEconomyError, match="labour"):
        ne.Economy(A2, labour=[1.0, bad])
    with pytest.raises(ne.InvalidEconomyError, match="labour"):
        ne.Economy(A2, labour={"w": [1.0, bad]})


def test_bad_capital_coefficients():
    with pytest.raises(ne.InvalidEconomyError, match="capital"):
        ne.Economy(A2, labour=[1, 1], capital=[[0.0, -1.0], [0.0, 0.0]])


def test_nan_final_demand(eco):
    with pytest.raises(ne.InvalidEconomyError, match="NaN"):
        eco.gross_output([1.0, np.nan])


# ---------------------------------------------------------------------- from_flows
def test_zero_output_sector_is_named():
    with pytest.raises(ne.InvalidEconomyError, match=r"zero or negative in \['forestry'\]"):
        ne.Economy.from_flows([[1, 0], [0, 0]], [10, 0], [1, 0],
                              sectors=["farming", "forestry"])


def test_negative_or_nan_output_or_flows():
    with pytest.raises(ne.InvalidEconomyError, match="gross output"):
        ne.Economy.from_flows([[1, 0], [0, 1]], [10, -5], [1, 1])
    with pytest.raises(ne.InvalidEconomyError, match="NaN"):
        ne.Economy.from_flows([[1, 0], [0, 1]], [10, np.nan], [1, 1])
    with pytest.raises(ne.InvalidEconomyError, match="negative"):
        ne.Economy.from_flows([[1, -1], [0, 1]], [10, 10], [1, 1])
    with pytest.raises(ne.InvalidEconomyError, match="labour hours"):
        ne.Economy.from_flows([[1, 0], [0, 1]], [10, 10], [1, -1])


# ---------------------------------------------------------------------- not productive
def test_non_productive_message_names_rho_and_sectors():
    # Block-diagonal: "steel" uses 1.5 units of itself per unit (ρ = 1.5), "bread" is fine.
    eco = ne.Economy([[0.5, 0.0], [0.0, 1.5]], labour=[1, 1], sectors=["bread", "steel"])
    with pytest.raises(ne.NotProductiveError) as info:
        eco.labour_values()
    msg = str(info.value)
    assert "ρ(A) = 1.5" in msg
    assert "'steel'" in msg and "'bread'" not in msg
    assert info.value.sectors == ["steel"]
    assert info.value.spectral_radius == pytest.approx(1.5)
    assert isinstance(info.value, ValueError)


def test_non_productive_sparse():
    eco = ne.Economy(sp.csr_array([[0.6, 0.6], [0.6, 0.6]]), labour=[1, 1],
                     sectors=["a", "b"])
    with pytest.raises(ne.NotProductiveError, match=r"ρ\(A\) = 1.2.*\['a', 'b'\]"):
        eco.gross_output([1, 1])


# ---------------------------------------------------------------------- profit rates
@pytest.mark.parametrize("r", [1.0, 1.5, -0.1, np.nan, np.inf])
def test_profit_rate_out_of_range_gives_R(eco, r):
    # R = 1/ρ(A) - 1 = 1 for this economy.
    with pytest.raises(ne.ProfitRateError, match="R = 1/ρ\\(A\\) - 1 = 1"):
        ne.production_prices(eco, r)


def test_profit_rate_not_a_number(eco):
    with pytest.raises(ne.ProfitRateError, match="number"):
        ne.production_prices(eco, "high")


def test_frontier_beyond_R(eco):
    with pytest.raises(ne.ProfitRateError, match=r"\[1.2\] are outside \[0, R\]"):
        ne.wage_profit_frontier(eco, [0.0, 1.2])
    with pytest.raises(ne.ProfitRateError, match="one-dimensional"):
        ne.wage_profit_frontier(eco, [[0.1, 0.2]])


def test_frontier_at_R_undetermined_for_non_basics():
    # Reducible: good "b" is a non-basic (only it uses itself, at ρ = 0.5 = ρ(A)) while
    # the numeraire "a" and labour lie outside that block: l (I - 2A)^-1 d stays finite
    # at R = 1, so w(R) is not the limit 0 and must not be reported as such.
    eco = ne.Economy([[0.1, 0.0], [0.0, 0.5]], labour=[1.0, 0.0], sectors=["a", "b"])
    with pytest.raises(ne.ProfitRateError, match="not determined"):
        ne.wage_profit_frontier(eco, [1.0], numeraire="a")
    assert ne.wage_profit_frontier(eco, [0.99], numeraire="a").iloc[0] > 0


def test_wage_basket_too_large(eco):
    # λ = [13/18, 14/18]; a basket with λ·b > 1 leaves no surplus: ρ(A + b l) > 1.
    with pytest.raises(ne.ProfitRateError, match=r"ρ\(A \+ b l\) = .* > 1"):
        ne.uniform_profit_rate(eco, [1.0, 1.0])


def test_profit_rate_on_non_productive_economy():
    eco = ne.Economy([[1.2]], labour=[1.0])
    with pytest.raises(ne.NotProductiveError):
        ne.production_prices(eco, 0.0)
    with pytest.raises(ne.NotProductiveError):
        ne.wage_profit_frontier(eco, [0.0])


# ---------------------------------------------------------------------- labour kinds
def test_unknown_labour_kind(eco):
    with pytest.raises(ne.LabelMismatchError, match="unknown labour kind 'slave'"):
        eco.labour_values("slave")
    with pytest.raises(ne.LabelMismatchError, match="unexpected"):
        ne.new_interpretation(eco, [1, 1], [1, 1], wage={"peasant": 1.0, "slave": 1.0})


# ---------------------------------------------------------------------- prices and numeraires
def test_numeraire_and_wage_conflict(eco):
    with pytest.raises(ne.InvalidPriceError, match="not both"):
        ne.production_prices(eco, 0.1, numeraire="industry", wage=1.0)
    with pytest.raises(ne.InvalidPriceError, match="positive"):
        ne.production_prices(eco, 0.1, wage=-1.0)


def test_bad_numeraires(eco):
    with pytest.raises(ne.LabelMismatchError, match="neither a sector"):
        ne.production_prices(eco, 0.1, numeraire="gold")
    with pytest.raises(ne.LabelMismatchError, match="not sectors"):
        ne.production_prices(eco, 0.1, numeraire={"gold": 1.0})
    with pytest.raises(ne.InvalidPriceError, match="empty"):
        ne.production_prices(eco, 0.1, numeraire=[0.0, 0.0])
    with pytest.raises(ne.InvalidPriceError, match="negative"):
        ne.production_prices(eco, 0.1, numeraire=[1.0, -1.0])


def test_numeraire_without_labour_content():
    # Good "b" needs no labour directly or indirectly: its price is zero at any r.
    eco = ne.Economy([[0.1, 0.0], [0.0, 0.1]], labour=[1.0, 0.0], sectors=["a", "b"])
    with pytest.raises(ne.InvalidPriceError, match="cost nothing"):
        ne.production_prices(eco, 0.1, numeraire="b")
    with pytest.raises(ne.InvalidPriceError, match="cost nothing"):
        ne.wage_profit_frontier(eco, [0.1], numeraire="b")


def test_bad_prices_and_melt_inputs(eco):
    with pytest.raises(ne.InvalidPriceError, match="negative"):
        ne.melt(eco, [1.0, -1.0], [1, 1])
    with pytest.raises(ne.InvalidPriceError, match="unknown MELT normalization"):
        ne.melt(eco, [1.0, 1.0], [1, 1], normalization="average")
    with pytest.raises(ne.InvalidEconomyError, match="embodies no labour"):
        ne.melt(eco, [1.0, 1.0], [0, 0])
    with pytest.raises(ne.InvalidPriceError, match="no positive price total"):
        ne.melt(eco, [0.0, 0.0], [1, 1])
    with pytest.raises(ne.InvalidPriceError, match="pass final_demand"):
        ne.labour_value_prices(eco, prices=[1.0, 1.0])
    with pytest.raises(ne.InvalidPriceError, match="wage"):
        ne.new_interpretation(eco, [1, 1], [1, 1], wage=-0.5)
    with pytest.raises(ne.InvalidPriceError, match="number or a mapping"):
        ne.new_interpretation(eco, [1, 1], [1, 1], wage="low")


def test_cost_push_value_added_checks(eco):
    with pytest.raises(ne.InvalidPriceError, match="NaN"):
        ne.cost_push_prices(eco, [1.0, math.nan])
    with pytest.raises(ne.LabelMismatchError):
        ne.cost_push_prices(eco, pd.Series({"agriculture": 1.0, "steel": 1.0}))


def test_price_value_deviation_errors():
    with pytest.raises(ne.InvalidPriceError, match="values must be positive"):
        ne.price_value_deviation([1.0, 1.0], [1.0, 0.0])
    with pytest.raises(ne.InvalidPriceError, match="all zero"):
        ne.price_value_deviation([0.0, 0.0], [1.0, 1.0])
    with pytest.raises(ne.InvalidPriceError, match="unknown normalization"):
        ne.price_value_deviation([1.0, 1.0], [1.0, 1.0], normalization="median")
    with pytest.raises(ne.InvalidPriceError, match="weights are all zero"):
        ne.price_value_deviation([1.0, 1.0], [1.0, 1.0], weights=[0.0, 0.0])
    with pytest.raises(ne.LabelMismatchError):
        ne.price_value_deviation(pd.Series({"a": 1.0, "b": 1.0}),
                                 pd.Series({"a": 1.0, "c": 1.0}))
    with pytest.raises(ne.InvalidPriceError, match="shape"):
        ne.price_value_deviation([1.0, 1.0, 1.0], [1.0, 1.0])


def test_input_errors_are_value_errors():
    for cls in (ne.InvalidEconomyError, ne.LabelMismatchError, ne.NotProductiveError,
                ne.ProfitRateError, ne.InvalidPriceError):
        assert issubclass(cls, ValueError) and issubclass(cls, ne.NonequivalentError)


def test_positive_output_check_names_at_most_ten_labels():
    from nonequivalent._validation import check_positive_output
    idx = pd.Index([f"s{i}" for i in range(12)])
    x = np.zeros(12)
    x[0] = 1.0
    with pytest.raises(ne.InvalidEconomyError) as err:
        check_positive_output(x, idx, "in every sector", "Fix the table")
    msg = str(err.value)
    assert "s1'" in msg and "s10'" in msg and "s11'" not in msg and "s0'" not in msg
    assert msg.endswith("Fix the table (A = Z / x is undefined there).")
    check_positive_output(np.ones(12), idx, "in every sector", "Fix the table")
