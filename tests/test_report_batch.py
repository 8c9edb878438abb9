"""The report for a batch of draws: one computation (report/compute.py) on a batch equals
the same computation draw by draw, cell by cell; the batch path equals ne.report per draw."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path
from typing import ClassVar

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nonequivalent as ne
from nonequivalent.uncertainty.batch import BatchModel, batch_cells
from nonequivalent.uncertainty.propagation import sample_parameters
from nonequivalent.uncertainty.report import _model

MANY = str(Path(__file__).resolve().parent / "data" / "many-groups.toml")
CASES = [("ussr-1928", None), ("ussr-1932", None), ("ussr-1928", "ussr-1932"), (MANY, None)]


def _ranges(base, later, shape, correlated):
    names = [r.name for r in ne.scenario_ranges(base, later)]
    whole = {r.name for r in ne.scenario_ranges(base, later) if r.integer}
    shapes = {n: shape for n in names if n not in whole}
    groups = {names[0]: "moved together", names[1]: "moved together"} if correlated else None
    return ne.scenario_ranges(base, later, shape=shapes, groups=groups)


def _frames(base, later, ranges, values):
    model = _model(base, later, ranges, None)[0]
    names = [r.name for r in ranges]
    frame = pd.DataFrame(values, columns=names)
    loop = np.array([model(dict(zip(names, row, strict=True))).to_numpy()
                     for row in values.tolist()])
    return BatchModel(model), frame, loop


#: Relative tolerance of a batch cell against the per-draw report: the batch adds, scales
#: and divides the same quantities in another order (and with numpy's SIMD kernels), so a
#: cell agrees to a few ulps of the operands it is computed from.
RTOL = 1e-9


def _section_scale(index, loop):
    """Per draw and cell, the largest finite magnitude in the cell's section.

    A cell is computed from its section's quantities by sums, differences and ratios; a
    difference of two numbers near 100 (a squeeze shortfall of 2.5e-5) carries an absolute
    rounding error of order eps·100, not eps·2.5e-5. So the tolerance is relative to the
    section's scale, not to the cell's own value (the cell's conditioning).
    """
    sections = [s for s, _, _ in index]
    scale = np.zeros_like(loop)
    mag = np.where(np.isfinite(loop), np.abs(loop), 0.0)
    for name in dict.fromkeys(sections):
        cols = [j for j, s in enumerate(sections) if s == name]
        scale[:, cols] = mag[:, cols].max(axis=1, keepdims=True)
    return scale


def assert_cells_equal(index, batch, loop):
    assert batch.shape == loop.shape
    scale = _section_scale(index, loop)
    for j, (section, row, column) in enumerate(index):
        a, b = batch[:, j], loop[:, j]
        # NaN where the loop gives NaN (undefined shares), inf where it gives inf
        assert np.array_equal(np.isnan(a), np.isnan(b)), (section, row, column)
        assert np.array_equal(np.isinf(a), np.isinf(b)), (section, row, column)
        ok = np.isfinite(b)
        bound = RTOL * np.maximum(np.abs(b[ok]), scale[ok, j])
        assert (np.abs(a[ok] - b[ok]) <= bound).all(), (
            (section, row, column), a[ok], b[ok], bound)
        assert np.array_equal(a[np.isinf(b)], b[np.isinf(b)])


def _scale(cells, key):
    """The size of the operands behind a cell, draw by draw: a cell that is a difference of
    two large numbers (a surplus, a shortfall, a change of the fund) or a ratio of such a
    difference is only as exact as its operands allow, ``eps × |operands|``, not
    ``eps × |cell|``. Example: the kulaks' squeeze shortfall in 1932 in the many-groups
    scenario is the difference of two extractions near 100."""
    section, row, col = key
    a = np.abs

    def cell(r, c=col, s=section):
        return a(cells[(s, r, c)])

    if section.startswith("account_"):
        hours = section.startswith("account_hours")
        parts = (["hours_given", "hours_received"] if hours else
                 ["taxes", "underpayment", "overpayment"])
        gross = sum(a(cells[(section, row, c)]) for c in parts)
        if col != "share_of_fund":
            return np.maximum(a(cells[key]), gross)
        fund = cell("state", "surplus_hours" if hours else "surplus_money")
        with np.errstate(divide="ignore", invalid="ignore"):
            return 100 * gross / fund + a(cells[key])
    if section == "squeeze" and row.endswith(".shortfall"):
        g = row.rsplit(".", 1)[0]
        return cell(f"{g}.maximum_extraction") + cell(f"{g}.extraction")
    if section == "tribute" and row.rsplit(".", 1)[1] in ("total", "equivalent_tax_rate"):
        g = row.rsplit(".", 1)[0]
        gross = sum(cell(f"{g}.{k}") for k in ("taxes", "underpayment", "overpayment"))
        if row.endswith(".total"):
            return gross
        return gross / cell(f"{g}.total") * a(cells[key])
    if section == "workers" and row.rsplit(".", 1)[1] in ("surplus_labour",
                                                          "rate_of_exploitation"):
        g = row.rsplit(".", 1)[0]
        hv = cell(f"{g}.hours") + cell(f"{g}.value_of_labour_power")
        return hv if row.endswith("surplus_labour") else hv / cell(
            f"{g}.value_of_labour_power")
    if section == "sources":
        # changes of the fund: Shapley sums of differences of the two years' funds
        funds = sum(a(v) for k, v in cells.items()
                    if k[0].startswith("account_") and k[1] == "state"
                    and k[2] in ("surplus_hours", "surplus_money")
                    and (k[2] == "surplus_hours") == col.endswith("hours"))
        if col.startswith("change"):
            return funds
        total = sum(cells[k] for k in cells if k[0] == "sources" and k[1].endswith(".total")
                    and k[2] == col.replace("share", "change"))
        with np.errstate(divide="ignore", invalid="ignore"):
            return 100 * funds / a(total) + a(cells[key])
    return a(cells[key])


@pytest.mark.parametrize("case", CASES, ids=["1928", "1932", "pair", "many-groups"])
def test_one_computation_on_a_batch_equals_it_draw_by_draw(case):
    # the same code on the same inputs, once with 64 draws stacked and once per draw: every
    # cell to 1e-12 of its operands (a vectorized sum may round differently from a scalar
    # one on another CPU, so no bitwise equality is asserted)
    base, later = case
    ranges = ne.scenario_ranges(base, later)
    model = _model(base, later, ranges, None)[0]
    names = [r.name for r in ranges]
    D = 64
    values = sample_parameters(ranges, D, 17)
    with np.errstate(all="ignore"):
        cells, bad = batch_cells(model.scenarios, model.targets, model.integers,
                                 {n: values[:, j] for j, n in enumerate(names)}, D, None)
        one = [batch_cells(model.scenarios, model.targets, model.integers,
                           {n: values[i:i + 1, j] for j, n in enumerate(names)}, 1, None)
               for i in range(D)]
    assert not bad.any() and not any(b[0] for _, b in one)
    assert all(set(c) == set(cells) for c, _ in one)
    for key, batch in cells.items():
        each = np.array([c[key][0] for c, _ in one])
        assert np.array_equal(np.isnan(batch), np.isnan(each)), key
        ok = np.isfinite(each)
        scale = _scale(cells, key)
        err = np.abs(batch - each)[ok]
        assert (err <= 1e-12 * np.asarray(scale)[ok]).all(), (key, err.max())


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(CASES), seed=st.integers(0, 2**32 - 1),
       shape=st.sampled_from(["uniform", "triangular", "pert"]), correlated=st.booleans(),
       method=st.sampled_from(["lhs", "random", "sobol"]))
def test_batch_cells_equal_the_per_draw_report(case, seed, shape, correlated, method):
    base, later = case
    ranges = _ranges(base, later, shape, correlated)
    names = [r.name for r in ranges]
    corr = {(names[2], names[3]): 0.6} if correlated else None
    values = sample_parameters(ranges, 12, seed, method, corr)
    bm, frame, loop = _frames(base, later, ranges, values)
    assert_cells_equal(bm.index, bm.values(frame), loop)


@pytest.mark.parametrize("case", CASES, ids=["1928", "1932", "pair", "many-groups"])
def test_each_case_once_on_its_range_ends(case):
    # every input at its low end, then at its high end: the corners of the ranges
    base, later = case
    ranges = ne.scenario_ranges(base, later)
    values = np.array([[r.low for r in ranges], [r.high for r in ranges]])
    bm, frame, loop = _frames(base, later, ranges, values)
    assert_cells_equal(bm.index, bm.values(frame), loop)


def test_the_same_scenario_twice_gives_undefined_shares_as_the_loop_does():
    # nothing changes between the years: shares of a zero change are NaN in both paths
    ranges = ne.scenario_ranges(MANY, MANY)
    values = sample_parameters(ranges, 3, 5)
    bm, frame, loop = _frames(MANY, MANY, ranges, values)
    batch = bm.values(frame)
    shares = [j for j, (s, _, c) in enumerate(bm.index) if s == "sources" and
              c.startswith("share")]
    assert np.isnan(batch[:, shares]).all() and np.isnan(loop[:, shares]).all()
    assert_cells_equal(bm.index, batch, loop)


@pytest.mark.parametrize("case", CASES, ids=["1928", "1932", "pair", "many-groups"])
def test_zero_width_ranges_give_exactly_the_report(case):
    base, later = case
    flat = [ne.ParameterRange(r.name, r.central, r.central, r.central, integer=r.integer)
            for r in ne.scenario_ranges(base, later)]
    res = ne.report_uncertainty(base, later, draws=3, seed=2, parameters=flat,
                                vectorized=True)
    cells = ne.report_cells(ne.report(base, later=later))
    samples = res.propagation.samples.to_numpy()
    # the batch is other code than the report (numpy's SIMD kernels for powers): equal to
    # the tolerance of the cells' conditioning, not bit for bit
    assert_cells_equal(cells.index, samples,
                        np.broadcast_to(cells.to_numpy(), samples.shape))
    # every draw is the same: the same code on the same inputs, bit for bit
    assert np.array_equal(samples, np.broadcast_to(samples[:1], samples.shape), equal_nan=True)


@pytest.mark.parametrize("case", CASES[2:], ids=["pair", "many-groups"])
def test_shares_sum_to_one_in_every_draw_of_the_batch(case):
    base, later = case
    ranges = ne.scenario_ranges(base, later)
    frame = pd.DataFrame(sample_parameters(ranges, 400, 11), columns=[r.name for r in ranges])
    out = ne.report_batch(base, later, draws=frame)
    for which in ("base", "later") if later else ("base",):
        for sec in (f"account_hours_{which}", f"account_money_{which}"):
            part = out[sec].xs("share_of_fund", axis=1, level="column")
            groups = part.drop(columns="state").sum(axis=1)
            np.testing.assert_allclose(groups, 100.0, rtol=1e-9)
            np.testing.assert_allclose(part["state"], 100.0, rtol=1e-12)
    if later:
        src = out["sources"]
        totals = [r for r in src.columns.get_level_values("row").unique()
                  if r.endswith(".total")]
        for col in ("share_hours", "share_money"):
            np.testing.assert_allclose(sum(src[(r, col)] for r in totals), 100.0, rtol=1e-9)


@pytest.mark.parametrize(("name", "value"), [
    ("1932:workers.real_wage.cut", 1.0),       # the schema wants a cut below 1
    ("workers.hours", -5.0),                   # hours must be positive
    ("economy.A", 9.0),                        # I − A is no longer productive
    ("1932:peasants.marketing.elasticity", -0.5),
    ("two_earner_households.members", 1.0),    # fewer members than earners
])
def test_a_draw_the_report_refuses_raises_the_same_error(name, value):
    ranges = ne.scenario_ranges("ussr-1928", "ussr-1932")
    names = [r.name for r in ranges]
    values = sample_parameters(ranges, 4, 3)
    values[2, names.index(name)] = value
    model = _model("ussr-1928", "ussr-1932", ranges, None)[0]
    with pytest.raises(ne.NonequivalentError) as scalar:
        model(dict(zip(names, values[2], strict=True)))
    with pytest.raises(type(scalar.value)) as batch:
        BatchModel(model).values(pd.DataFrame(values, columns=names))
    assert str(batch.value) == str(scalar.value)


@ne.register_group_kind
@dataclasses.dataclass(frozen=True, kw_only=True)
class Pensioners(ne.GroupKind):
    """A group the batch path does not know: it receives a pension in goods."""

    kind: ClassVar[str] = "pensioners-batch-test"

    def flows(self, ctx: ne.AccountContext) -> ne.Flows:
        return ne.Flows(0.0, float(ctx.values[0]), 0.0, 0.0, 0.0)


def test_a_registered_kind_falls_back_and_vectorized_true_says_why():
    sc = ne.scenarios.load("ussr-1928")
    sc = dataclasses.replace(sc, groups=(*sc.groups[:-1], Pensioners(name="pensioners"),
                                         sc.groups[-1]))
    one = [r for r in ne.scenario_ranges(sc) if r.name == "workers.hours"]
    auto = ne.report_uncertainty(sc, draws=2, seed=4, parameters=one)
    loop = ne.report_uncertainty(sc, draws=2, seed=4, parameters=one, vectorized=False)
    assert auto.propagation.samples.equals(loop.propagation.samples)
    with pytest.raises(ne.UncertaintyError, match="pensioners-batch-test"):
        ne.report_uncertainty(sc, draws=2, seed=4, parameters=one, vectorized=True)
    with pytest.raises(ne.UncertaintyError, match="pensioners-batch-test"):
        ne.report_batch(sc, draws=pd.DataFrame({"workers.hours": [1900.0]}))
    with pytest.raises(ne.UncertaintyError, match="pensioners-batch-test"):
        ne.report_sensitivity(sc, draws=16, parameters=one, vectorized=True)


def _total_price(name):
    sc = ne.scenarios.load(name)
    return dataclasses.replace(sc, benchmark=dataclasses.replace(
        sc.benchmark, normalization="total-price"))


@pytest.mark.parametrize(("base", "later", "melt"), [
    ("ussr-1928", "ussr-1932", 2.5),                                 # a given MELT
    (_total_price("ussr-1928"), _total_price("ussr-1932"), None),    # μ = p·x / λ·x
], ids=["melt", "total-price"])
def test_a_given_melt_and_the_total_price_benchmark(base, later, melt):
    ranges = ne.scenario_ranges(base, later)
    values = sample_parameters(ranges, 4, 21)
    model = _model(base, later, ranges, melt)[0]
    names = [r.name for r in ranges]
    loop = np.array([model(dict(zip(names, row, strict=True))).to_numpy()
                     for row in values.tolist()])
    bm = BatchModel(model)
    assert_cells_equal(bm.index, bm.values(pd.DataFrame(values, columns=names)), loop)


def test_same_seed_same_numbers_and_the_batch_travels_as_toml():
    a = ne.report_uncertainty("ussr-1928", "ussr-1932", draws=40, seed=9)
    b = ne.report_uncertainty("ussr-1928", "ussr-1932", draws=40, seed=9)
    assert a.propagation.samples.equals(b.propagation.samples)
    ranges = ne.scenario_ranges("ussr-1928", "ussr-1932")
    model = _model("ussr-1928", "ussr-1932", ranges, None)[0]
    bm = BatchModel(model)
    frame = pd.DataFrame(sample_parameters(ranges, 40, 9), columns=[r.name for r in ranges])
    again = pickle.loads(pickle.dumps(bm))
    assert np.array_equal(again.values(frame), bm.values(frame), equal_nan=True)
    assert np.array_equal(bm.values(frame), a.propagation.samples.to_numpy(), equal_nan=True)


def test_bad_arguments_are_specific_errors():
    with pytest.raises(ne.UncertaintyError, match="DataFrame"):
        ne.report_batch("ussr-1928", draws={"workers.hours": [1.0]})
    with pytest.raises(ne.UncertaintyError, match="unknown uncertain parameters"):
        ne.report_batch("ussr-1928", draws=pd.DataFrame({"no.such": [1.0]}))
    with pytest.raises(ne.UncertaintyError, match="vectorized"):
        ne.report_uncertainty("ussr-1928", draws=2, vectorized="yes")
