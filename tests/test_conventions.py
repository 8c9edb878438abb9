"""One convention (docs/conventions.md) and one display surface, checked.

* every public function of the core modules is called here with its documented argument
  order ``(economy, prices, final_demand, ...)``; the list is complete (a new public
  function fails the completeness test until it is added);
* signatures keep ``economy`` before ``prices`` before ``final_demand``;
* every result type has a one-line ``repr``, an HTML table, ``to_frame``, ``to_latex`` and
  ``to_markdown``, and its summary uses the one number format.
"""

from __future__ import annotations

import importlib
import inspect
import re
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

import nonequivalent as ne
from nonequivalent._results import Result, format_number
from tests.display_checks import check_display_surface

ECO = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
                 sectors=["agriculture", "industry"])
P = [1.0, 1.5]
Y = [100.0, 50.0]
RESPONSE = ne.IsoelasticResponse(100.0, 1.0, 0.5)

#: Every public function of the core modules, called in its documented order.
CALLS: dict[str, Callable[[], Any]] = {
    "melt": lambda: ne.melt(ECO, P, Y),
    "labour_value_prices": lambda: ne.labour_value_prices(ECO, prices=P, final_demand=Y),
    "new_interpretation": lambda: ne.new_interpretation(ECO, P, Y, wage=0.9),
    "price_value_deviation": lambda: ne.price_value_deviation(P, ECO.labour_values()
                                                              .to_numpy()),
    "cost_push_prices": lambda: ne.cost_push_prices(ECO, [0.5, 0.25]),
    "max_profit_rate": lambda: ne.max_profit_rate(ECO),
    "production_prices": lambda: ne.production_prices(ECO, 0.5, numeraire="agriculture"),
    "uniform_profit_rate": lambda: ne.uniform_profit_rate(ECO, {"agriculture": 0.4}),
    "wage_profit_frontier": lambda: ne.wage_profit_frontier(ECO, [0.0, 0.5]),
    "scissors_index": lambda: ne.scissors_index(pd.Series([100.0, 276.0]),
                                                pd.Series([100.0, 89.0])),
    "terms_of_trade": lambda: ne.terms_of_trade(pd.Series({"a": 1.0, "b": 3.0}),
                                                pd.Series({"a": 2.0, "b": 1.5}), "a"),
    "two_good_transfer": lambda: ne.two_good_transfer(1.0, 100.0, 3.1),
    "extraction": lambda: ne.extraction(RESPONSE, 1.0, 0.25),
    "squeeze_optimum": lambda: ne.squeeze_optimum(RESPONSE, 1.0),
    "squeeze_diagnostic": lambda: ne.squeeze_diagnostic(RESPONSE, 1.0, 0.1),
    "inflation_tax": lambda: ne.inflation_tax(0.25, 1000.0),
    "foreign_trade_margin": lambda: ne.foreign_trade_margin({"g": 2.0}, {"g": 1.5},
                                                            {"g": 100.0}, 1.0),
    "accumulation_fund": lambda: ne.accumulation_fund(taxes=30, price_policy=50),
    "labour_value_benchmark": lambda: ne.labour_value_benchmark(ECO, prices=P,
                                                                final_demand=Y),
    "family_wage_cut": lambda: ne.family_wage_cut(
        ECO, ne.Household(4, 1, 100, {"agriculture": 10}), 0.5),
}

#: Public functions of the core modules that are not in CALLS, with the reason.
NOT_HERE = {
    "equivalent_tax_rate": "tribute.py's tribute part (another module's convention test)",
    "tribute": "tribute.py's tribute part (another module's convention test)",
}

CORE_MODULES = ("core.economy", "core.values", "core.prices", "core.frontier",
                "exchange.scissors", "exchange.procurement", "exchange.dual_economy",
                "exchange.tribute")


def _public_functions() -> set[str]:
    names = set()
    for m in CORE_MODULES:
        mod = importlib.import_module(f"nonequivalent.{m}")
        names |= {n for n in mod.__all__ if inspect.isfunction(getattr(mod, n))}
    return names


def test_every_core_function_is_called_in_documented_order():
    missing = _public_functions() - set(CALLS) - set(NOT_HERE)
    assert not missing, f"add these to CALLS: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(CALLS))
def test_call_in_documented_order(name):
    with warnings.catch_warnings():
        warnings.simplefilter("error")            # the documented order warns about nothing
        out = CALLS[name]()
    assert out is not None


def test_signatures_put_economy_prices_final_demand_in_that_order():
    for name in _public_functions():
        func = getattr(ne, name)
        params = list(inspect.signature(func).parameters)
        order = [p for p in ("economy", "prices", "final_demand") if p in params]
        assert order == sorted(order, key=params.index), name
        if "economy" in params:
            assert params[0] == "economy", name


def test_old_labour_value_order_is_recognised_and_deprecated():
    with pytest.warns(DeprecationWarning, match="old argument order"):
        old = ne.labour_value_benchmark(ECO, Y, prices=P)
    new = ne.labour_value_benchmark(ECO, prices=P, final_demand=Y)
    np.testing.assert_array_equal(old.prices.to_numpy(), new.prices.to_numpy())


def test_max_profit_rate_is_one_number_in_every_home():
    assert ne.max_profit_rate(ECO) == ECO.max_profit_rate == ne.max_profit_rate(ECO.A)
    exact = float(ne.exact.max_profit_rate([["1/5", "3/10"], ["1/10", "2/5"]]))
    assert exact == pytest.approx(ECO.max_profit_rate, rel=1e-12)


def test_defaults_are_named_in_summary():
    text = ne.Economy([[0.5]], labour=[1.0]).summary()
    assert "s0, s1" in text and "'labour'" in text and "μ = 1" in text


# ---------------------------------------------------------------------- display
RESULTS: dict[str, Callable[[], Result]] = {
    "Economy": lambda: ECO,
    "ProductionPrices": lambda: ne.production_prices(ECO, 0.5, numeraire="agriculture"),
    "ProductionPrices (advanced)": lambda: ne.production_prices(ECO, 0.5, wages="advanced"),
    "UniformProfitRate": lambda: ne.uniform_profit_rate(ECO, {"agriculture": 0.4}),
    "NewInterpretation": lambda: ne.new_interpretation(ECO, P, Y, wage=0.9),
    "PriceValueDeviation": lambda: ne.price_value_deviation([2.0, 2.0], [1.0, 3.0]),
    "Benchmark": lambda: ne.labour_value_benchmark(ECO, melt=2.0),
    "AccumulationFund": lambda: ne.accumulation_fund(taxes=20970.5, price_policy=9399),
    "SqueezeOptimum": lambda: ne.squeeze_optimum(RESPONSE, 1.0),
    "SqueezeDiagnostic": lambda: ne.squeeze_diagnostic(RESPONSE, 1.0, 0.1),
    "DualOutcome": lambda: ne.DualEconomy().outcome(1.0, 1.0),
    "DualComparativeStatics": lambda: ne.DualEconomy().comparative_statics(1.0, 1.0),
    "DualOptimum": lambda: ne.DualEconomy().optimal_wedge(0.5),
}

def _not_our_format(text: str) -> list[str]:
    """Numbers as Python's default formatting prints them and the one format never does:
    an exponent for an ordinary magnitude (``2.097e+04``), or a decimal number with more
    than four significant figures (``0.894737``)."""
    bad = re.findall(r"\b\d\.\d+e[+-]0[0-4]\b", text)
    for token in re.findall(r"(?<![\w.])\d[\d,]*\.\d+(?![\w.])", text):
        digits = token.replace(",", "").replace(".", "").lstrip("0")
        if len(digits) > 4:
            bad.append(token)
    return bad


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_result_display_surface(name):
    res = RESULTS[name]()
    check_display_surface(res)
    text = repr(res)
    assert "\\begin{tabular}" in res.to_latex()
    markdown = res.to_markdown()             # the table under its title, labels for keys
    assert markdown.startswith(f"## {res.title}") and "\n| " in markdown
    summary = res.summary()
    assert summary.splitlines()[0] == res.title
    assert _not_our_format("w = 0.894737, 2.097e+04") == ["2.097e+04", "0.894737"]
    assert not _not_our_format(summary), summary
    assert not _not_our_format(text), text


def test_one_number_format_has_thousands_separators_and_four_figures():
    fund = ne.accumulation_fund(taxes=20970.5, price_policy=9399)
    assert "20,970" in fund.summary() and "9,399" in fund.summary()
    assert "2.097e+04" not in fund.summary()
    assert format_number(0.894737) == "0.8947" and format_number(1234567.8) == "1,234,568"


def test_result_frames_are_copies():
    pp = ne.production_prices(ECO, 0.5, numeraire="agriculture")
    frame = pp.to_frame()
    frame.iloc[0, 0] = -1.0
    assert pp.to_frame().iloc[0, 0] != -1.0
    with pytest.raises(dataclasses_frozen_error()):
        pp.wage = 2.0           # type: ignore[misc]


def dataclasses_frozen_error() -> type[Exception]:
    import dataclasses

    return dataclasses.FrozenInstanceError


@pytest.mark.parametrize(("name", "home"), [("production_prices", "prices"),
                                            ("wage_profit_frontier", "frontier"),
                                            ("uniform_profit_rate", "prices"),
                                            ("cost_push_prices", "prices"),
                                            ("ProductionPrices", "prices")])
def test_moved_names_resolve_from_their_old_module_with_a_warning(name, home):
    import nonequivalent.core.values as values

    with pytest.warns(DeprecationWarning, match=f"nonequivalent.core.{home}.{name}"):
        old = getattr(values, name)
    assert old is getattr(ne, name)
