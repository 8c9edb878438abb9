"""In a real Jupyter kernel (nbclient, no browser), every result type renders HTML.

One notebook builds one result of each core and accounting type; the kernel's display
data must carry ``text/html`` with a table for each, and the plain-text repr must be one
line. The accounting results are also checked outside the kernel for the whole display
surface (one-line repr, HTML, frame, LaTeX, Markdown) and for the one number format.
"""

from __future__ import annotations

import sys

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from tests.display_checks import check_display_surface
from tests.test_conventions import _not_our_format

SETUP = """
import nonequivalent as ne
eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
                 sectors=["agriculture", "industry"])
r = ne.IsoelasticResponse(100.0, 1.0, 0.5)
import dataclasses
two = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
bench = ne.labour_value_benchmark(two, melt=1.5)
peasants = ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 5}, taxes=1.25)
worker = ne.Worker(8, 4, {"grain": 2, "cloth": 2}, retail_prices={"grain": 1.2, "cloth": 1.1})
home = ne.Household(4, 2, 8, {"grain": 4})
base = ne.Period({"grain": 0.9, "cloth": 1.3}, peasants, worker, n_workers=12345,
                 household=home, n_households=3)
later = dataclasses.replace(base, prices={"grain": 0.5, "cloth": 1.7}, n_workers=20970.5)
acc = ne.surplus_account(two, {"grain": 0.9, "cloth": 1.3}, bench, peasants, worker,
                         n_workers=12345, household=home, n_households=3)
xacc = ne.exchange_account(two, peasants, {"grain": 0.9, "cloth": 1.3}, bench)
sweep = ne.transfer_sweep(two, peasants, ne.scaled_price_matrix(
    {"grain": 1.0, "cloth": 1.0}, ["cloth"], [1.0, 1.5, 2.0]), bench)
"""

#: Planning and uncertainty results (built by PLAN_SETUP after SETUP).
PLAN_SETUP = """
import matplotlib
matplotlib.use("Agg")
steel = ne.Economy([[0.0, 0.5], [0.0, 0.0]], labour=[1.0, 0.5], sectors=["grain", "steel"])
static = ne.StaticPlan(steel, {"labour": 10.0}, valuation=[1.0, 2.0]).solve()
yearly = ne.MultiYearPlan(ne.Economy([[0.0]], labour=[1.0], sectors=["steel"],
                                     capital=[[2.0]]), 2, {"steel": 10.0},
                          {"labour": 100.0}, heavy_sector="steel").solve()
growth = ne.feldman_domar(Y0=70.0, alpha0=20 / 70, lambda_k=0.5, beta_k=0.2, beta_c=0.4,
                          times=[0, 10])
cmp = ne.compare([ne.LEFT_COURSE])
moves = [ne.ParameterRange("a", 0.5, 1.0, 2.0), ne.ParameterRange("b", 1000.0, 20970.5, 30000.0)]
spread = ne.propagate(lambda p: {"sum": p["a"] + p["b"], "ratio": p["a"] / p["b"]}, moves,
                      draws=64, seed=2)
sens = ne.sobol_sensitivity(lambda p: {"sum": p["a"] + p["b"]}, moves, draws=64, seed=2)
unc = ne.report_uncertainty("ussr-1928", "ussr-1932", draws=4, seed=3)
seen = []
unc.probability(lambda d: seen.append(d) or True)
"""

PLAN_RESULTS = [
    "static",
    "static.solution",
    "yearly",
    "growth",
    "cmp",
    "spread",
    "sens",
    "unc",
    "seen[0]",
]

RESULTS = [
    "eco",
    "ne.production_prices(eco, 0.5, numeraire='agriculture')",
    "ne.uniform_profit_rate(eco, {'agriculture': 0.4})",
    "ne.new_interpretation(eco, [1.0, 1.5], [100, 50], wage=0.9)",
    "ne.price_value_deviation([2.0, 2.0], [1.0, 3.0])",
    "ne.labour_value_benchmark(eco, melt=2.0)",
    "ne.accumulation_fund(taxes=20970.5, price_policy=9399)",
    "ne.squeeze_optimum(r, 1.0)",
    "ne.squeeze_diagnostic(r, 1.0, 0.1)",
    "ne.DualEconomy().outcome(1.0, 1.0)",
    "ne.DualEconomy().comparative_statics(1.0, 1.0)",
    "ne.DualEconomy().optimal_wedge(0.5)",
]

#: One of each accounting result type (built by SETUP in the kernel and in this process).
ACCOUNT_RESULTS = [
    "acc",
    "xacc",
    "xacc.check()",
    "ne.tribute(xacc)",
    "sweep",
    "ne.worker_account(two, worker)",
    "ne.household_account(two, home)",
    "ne.earners_needed(1, 0.25)",
    "ne.family_wage_cut(two, home, 0.5, housing_cost_per_migrant=1234.5)",
    "ne.workforce_dynamics(years=[1930, 1931], totals=[1.5e6, 2.25e6], "
    "shares={'peasant migrants': 0.6, 'urban women': 0.4}, initial_workforce=11e6)",
    "ne.sources_of_accumulation(two, bench, base, later)",
    "ne.sources_of_accumulation(two, bench, base, later, measure='money')",
    "ne.group_account(two, {'grain': 0.9, 'cloth': 1.3}, bench, base.groups())",
    "ne.report('ussr-1928', later='ussr-1932')",
    "ne.report('ussr-1928').section('tribute')",
]


def test_every_core_result_renders_html_in_a_kernel(tmp_path):
    nb = nbformat.v4.new_notebook()
    shown = RESULTS + ACCOUNT_RESULTS + PLAN_RESULTS
    nb.cells = [nbformat.v4.new_code_cell(SETUP + PLAN_SETUP)] + [
        nbformat.v4.new_code_cell(expr) for expr in shown]
    client = NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.km_kwargs = {"kernel_cmd": [sys.executable, "-m", "ipykernel_launcher", "-f",
                                       "{connection_file}"]}
    client.execute()
    for expr, cell in zip(shown, nb.cells[1:], strict=True):
        outputs = [o for o in cell.outputs if o.output_type == "execute_result"]
        assert outputs, f"{expr}: no result displayed ({cell.outputs})"
        data = outputs[0]["data"]
        assert "<table" in data.get("text/html", ""), expr
        assert "\n" not in data["text/plain"], expr


def _build(expr: str, setup: str = SETUP):
    import nonequivalent as ne

    env = {"ne": ne}
    exec(setup, env)                      # the notebook's setup, run here as well
    return eval(expr, env)


@pytest.fixture(scope="module")
def plan_env():
    """The planning and uncertainty results, built once for the tests below."""
    import nonequivalent as ne

    env = {"ne": ne}
    exec(SETUP + PLAN_SETUP, env)
    return env


@pytest.mark.parametrize("expr", PLAN_RESULTS)
def test_planning_and_uncertainty_display_surface(expr, plan_env):
    """One-line repr, a styled HTML table, LaTeX, Markdown, a labelled frame, and one
    number format in summary and repr."""
    res = eval(expr, plan_env)
    frame = check_display_surface(res)
    text = repr(res)
    assert frame.index.tolist() == res.to_frame().index.tolist()
    latex = res.to_latex()
    assert "\\begin{tabular}" in latex and res.title in latex
    assert res.to_markdown().count("\n|") >= 2
    summary = res.summary()
    assert summary.splitlines()[0] == res.title
    assert not _not_our_format(summary), _not_our_format(summary)
    assert not _not_our_format(text), text


def test_planning_and_uncertainty_results_are_frozen(plan_env):
    """Editing what an attribute returned never changes the result."""
    static = plan_env["static"]
    got = static.output
    got.iloc[0] = -1.0
    assert static.output.iloc[0] != -1.0
    sol = static.solution
    with pytest.raises(ValueError):
        sol.x[0] = -1.0
    growth = plan_env["growth"]
    got = growth.path
    got.iloc[0, 0] = -1.0
    assert growth.path.iloc[0, 0] != -1.0
    cmp = plan_env["cmp"]
    got = cmp.table
    got.iloc[0, 0] = -1.0
    assert (cmp.table.iloc[0, 0] != -1.0)
    spread = plan_env["spread"]
    got = spread.to_frame()
    got.iloc[0, 0] = -1.0
    assert spread.to_frame().iloc[0, 0] != -1.0


def test_report_draw_frame_covers_every_cell(plan_env):
    draw = plan_env["seen"][0]
    frame = draw.to_frame()
    assert frame.index.names == ["section", "row", "column"]
    assert len(frame) == draw.key_figures()[1][1]
    section = draw.keys[0]
    assert not draw.to_frame(section).empty


@pytest.mark.parametrize("expr", ACCOUNT_RESULTS)
def test_accounting_result_display_surface(expr):
    res = _build(expr)
    text = repr(res)
    assert "\n" not in text and len(text) < 250, text
    html = res._repr_html_()
    assert "<table" in html and "text-align:right" in html
    assert "\\begin{tabular}" in res.to_latex()
    assert res.to_markdown().count("\n|") >= 2
    if hasattr(res, "key_figures"):
        frame = res.to_frame()
        assert isinstance(frame, pd.DataFrame) and not frame.empty
        assert res.summary().splitlines()[0] == res.title


@pytest.mark.parametrize("expr", ACCOUNT_RESULTS)
def test_accounting_summaries_use_one_number_format(expr):
    """No Python default float formatting (``2.097e+04``, ``0.894737``) in any summary or
    repr: every number goes through the library's one format."""
    res = _build(expr)
    if not hasattr(res, "key_figures"):
        # the report prints each unit with one number of decimals across the whole report,
        # as the command line does (tests/test_display_formats.py checks they are equal)
        return
    for text in (res.summary(), repr(res)):
        assert not _not_our_format(text), text


def test_the_number_format_check_catches_default_formatting():
    assert _not_our_format("w = 0.894737, 2.097e+04, 12345.678") == [
        "2.097e+04", "0.894737", "12345.678"]
    assert not _not_our_format("12,345 hours, 0.8947, 20,970 money, 1.500e+16")


def test_accounting_results_are_frozen_all_the_way_down():
    """What an attribute returns is a copy (pandas) or read-only (numpy): editing it in
    place never changes the result."""
    acc = _build("acc")
    fund = acc.accumulation_fund_hours
    for got in (acc.table, acc.to_frame(), acc.reconciliation):
        got.iloc[:, :] = -1.0
    assert acc.accumulation_fund_hours == fund and acc.is_reconciled
    xacc = _build("xacc")
    for got in (xacc.by_group, xacc.by_good, xacc.prices, xacc.values):
        got.iloc[0] = -7.0
    assert (xacc.by_group.iloc[0] != -7.0).any() and xacc.prices.iloc[0] != -7.0
    assert (xacc.by_good.iloc[0] != -7.0).any() and xacc.values.iloc[0] != -7.0
    src = _build("ne.sources_of_accumulation(two, bench, base, later)")
    got = src.contributions
    got.iloc[0] = 1e9
    assert src.contributions.iloc[0] != 1e9
    sweep = _build("sweep")
    got = sweep.underpayment
    got.iloc[0, 0] = 1e9
    assert sweep.underpayment.iloc[0, 0] != 1e9
    w = _build("ne.worker_account(two, worker)")
    got = w.basket
    got.iloc[0] = 99.0
    assert w.basket.iloc[0] != 99.0
    t = _build("ne.tribute(xacc)")
    got = t.by_good
    got.iloc[:, :] = 99.0
    assert (t.by_good != 99.0).any().any()
    flows = acc.flows["workers"]
    with pytest.raises(TypeError):
        flows.detail["wage"] = 0.0                         # type: ignore[index]
    with pytest.raises(ValueError):
        flows.detail["basket"][0] = -1.0
    sec = _build("ne.report('ussr-1928').section('tribute')")
    with pytest.raises(ValueError):
        sec.values[0, 1] = 0
