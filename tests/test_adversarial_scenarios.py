"""Adversarial inputs to the scenario loader: junk values, wrong types, missing and extra
keys, extreme but valid numbers, oversized integers and deep nesting.

Each load either raises a library error (``NonequivalentError``; for a file,
``ScenarioError`` naming the file and the key) or gives a scenario whose report is finite
and whose surplus account reconciles.
"""

from __future__ import annotations

import copy
import datetime
import math
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nonequivalent as ne
from nonequivalent import scenarios

from .test_scenarios_writer import scenario_docs

_SETTINGS = settings(max_examples=40, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow,
                                            HealthCheck.data_too_large])


# ------------------------------------------------------------------ the outcome
def _check_outcome(load: Any, file: str | None = None) -> None:
    """Either a library error, or a finite report whose account reconciles.

    With ``file``, a refusal must be a ``ScenarioError`` naming that file and a key.
    """
    try:
        s = load()
    except ne.ScenarioError as exc:
        if file is not None:
            assert exc.file == file and exc.key and exc.reason, str(exc)
        return
    except ne.NonequivalentError:
        assert file is None
        return
    try:
        rep = ne.report(s)
        acc = s.surplus_account()
    except ne.NonequivalentError:
        return
    _check_report_finite(rep)
    assert acc.is_reconciled
    rec = acc.reconciliation
    for col in ("hours", "money"):
        net, receipts = rec.loc["groups give, net", col], rec.loc["state receives", col]
        assert math.isfinite(net) and math.isfinite(receipts)
    if acc.shares_defined:
        shares = acc.table.drop(index=acc.table.index[-1])["share_hours"]
        assert float(shares.sum()) == pytest.approx(1.0, rel=1e-6, abs=1e-9)


def _check_report_finite(rep: Any) -> None:
    """Every number of the report is finite, except the documented undefined entries."""
    for key in rep.keys:
        frame = rep.to_frame(key).select_dtypes("number")
        for row, values in frame.iterrows():
            for column, v in values.items():
                if not math.isfinite(v):
                    _documented_non_finite(frame, str(row), float(v), str(column))


def _documented_non_finite(frame: Any, row: str, v: float, column: str) -> None:
    """The documented non-finite entries of a report, each in its own case only.

    The non-equivalence ratio ``E = given / received`` is ``inf`` for a group that gives
    labour and receives none (:func:`nonequivalent.exchange_account`); the equivalent tax
    rate is NaN (undefined) for a group whose sales have no benchmark value; the shares of
    the sources of accumulation are NaN, all of them, when the change they would divide
    is zero within the tolerance relative to the gross flows (the changes stay finite).
    """
    group, _, item = row.rpartition(".")
    col = frame.columns[0]
    if column.startswith("share_") and math.isnan(v):
        assert frame[column].isna().all()
        changes = frame[column.replace("share_", "change_")].to_numpy(dtype=float)
        assert np.isfinite(changes).all()
    elif item == "nonequivalence_ratio" and v == math.inf:
        assert frame.loc[f"{group}.labour_received", col] == 0
        assert frame.loc[f"{group}.labour_given", col] > 0
    elif item == "equivalent_tax_rate" and math.isnan(v):
        assert frame.loc[f"{group}.labour_given", col] == 0
    else:
        raise AssertionError(f"non-finite report entry {row} = {v}")


# ------------------------------------------------------------------ mutations of documents
_junk_scalar = st.one_of(
    st.none(), st.booleans(), st.text(max_size=8),
    st.integers(), st.sampled_from([10**400, -(10**400), 2**53 + 1, 10**30]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e308, -1e308, 5e-324, -0.0, 1e-300, 1e300]),
    st.just(datetime.date(1932, 1, 1)), st.just(datetime.time(12, 0)),
)
_junk = st.recursive(_junk_scalar,
                     lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.text(max_size=6), inner, max_size=3),
                     max_leaves=8)


def _paths(doc: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path (tuple of keys and list indices) into a document."""
    out = [prefix] if prefix else []
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, (*prefix, i))
    return out


def _parent(doc: Any, path: tuple) -> Any:
    for p in path[:-1]:
        doc = doc[p]
    return doc


@st.composite
def mutated_docs(draw: Any) -> dict[str, Any]:
    """A valid document with one to three mutations (replace, delete, add, rescale)."""
    doc = copy.deepcopy(draw(scenario_docs()))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        parent = _parent(doc, path)
        what = draw(st.sampled_from(["replace", "delete", "add", "rescale"]))
        if what == "replace":
            parent[path[-1]] = draw(_junk)
        elif what == "delete":
            if isinstance(parent, list):
                parent.pop(path[-1])
            else:
                del parent[path[-1]]
        elif what == "add" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=8))] = draw(_junk)
        elif what == "rescale":
            old = parent[path[-1]]
            if isinstance(old, int | float) and not isinstance(old, bool):
                # Extreme but valid: still a finite float.
                parent[path[-1]] = float(old) * 10.0 ** draw(st.integers(-300, 300))
    return doc


@_SETTINGS
@given(doc=mutated_docs())
def test_mutated_documents_raise_library_errors_or_load_finite(doc):
    _check_outcome(lambda: scenarios.from_dict(doc, file="mutated.toml"), "mutated.toml")


@_SETTINGS
@given(doc=scenario_docs(), scale=st.integers(-300, 300),
       key=st.sampled_from(["workers.number", "workers.hours", "peasants.taxes",
                            "peasants.sells", "peasants.buys", "prices",
                            "economy.final_demand", "workers.real_wage.base_basket"]))
def test_extreme_but_valid_parameters(doc, scale, key):
    s = scenarios.from_dict(doc, file="generated")
    _check_outcome(lambda: s.with_values({key: 10.0 ** scale}))


# ------------------------------------------------------------------ TOML text
_JUNK_TOML = ["nan", "inf", "-inf", "1e400", "-1e400", '"text"', "true", "[]", "{}",
              "1979-05-27T07:32:00Z", "07:32:00", "[1, [2]]", "{a = 1}", "0x7fffffff",
              "9" * 400, "-" + "9" * 400, "9" * 5000, "[" * 3000 + "]" * 3000,
              "{a = " * 500 + "1" + "}" * 500, '"' + "x" * 10_000 + '"', "1e-320",
              "0", "-1", "1_000_000_000_000_000_000"]


def _builtin_lines() -> list[tuple[int, str]]:
    text = scenarios.dumps(scenarios.load("ussr-1932"))
    return [(i, line) for i, line in enumerate(text.splitlines())
            if " = " in line and not line.startswith(("#", "source", "reason"))]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line=st.sampled_from(_builtin_lines()), junk=st.sampled_from(_JUNK_TOML))
def test_junk_toml_values(line, junk):
    i, text_line = line
    lines = scenarios.dumps(scenarios.load("ussr-1932")).splitlines()
    key = text_line.split(" = ")[0]
    lines[i] = f"{key} = {junk}"
    text = "\n".join(lines) + "\n"
    _check_outcome(lambda: scenarios.loads(text, file="junk.toml"), "junk.toml")


@pytest.mark.parametrize(("junk", "reason"), [
    ("9" * 400, "too large"),
    ("-" + "9" * 400, "too large"),
    ("9" * 5000, "digits"),
    ("[" * 3000 + "]" * 3000, "nested 3000 deep"),
    ("{a = " * 3000 + "1" + "}" * 3000, "nested 3000 deep"),
])
def test_oversized_values_name_file_and_key(junk, reason):
    text = scenarios.dumps(scenarios.load("ussr-1932"))
    assert "\nnumber = 24.2\n" in text
    with pytest.raises(ne.ScenarioError, match=reason) as exc:
        scenarios.loads(text.replace("\nnumber = 24.2\n", f"\nnumber = {junk}\n"),
                        file="big.toml")
    assert exc.value.file == "big.toml"
    assert exc.value.key.endswith("workers.number")


def test_oversized_year_is_refused():
    text = scenarios.dumps(scenarios.load("ussr-1932"))
    with pytest.raises(ne.ScenarioError, match="integer too large") as exc:
        scenarios.loads(text.replace("year = 1932", "year = " + "9" * 400), file="y.toml")
    assert (exc.value.file, exc.value.key) == ("y.toml", "scenario.year")


def test_overflowing_totals_are_refused_naming_the_group():
    s = scenarios.load("ussr-1932").with_values({"workers.number": 1e308})
    with pytest.raises(ne.ScenarioError, match="overflow") as exc:
        ne.report(s)
    assert exc.value.key == "groups.workers"
    # Large but representable totals are computed, finite and reconciled.
    _check_outcome(lambda: scenarios.load("ussr-1932").with_values(
        {"workers.number": 1e250}))


def test_with_values_of_a_huge_integer_is_a_library_error():
    s = scenarios.load("ussr-1932")
    for key in ("workers.number", "prices", "economy.A"):
        with pytest.raises(ne.ScenarioError):
            s.with_values({key: 10**400})


@pytest.mark.parametrize(("old", "new", "key"), [
    ("number = 24.2", "number = 24.2.2", "groups.workers.number"),
    ("A = [", "A = nan", "economy.A"),
    ("[groups.workers]", "[groups.workers", "groups.workers"),
])
def test_toml_syntax_error_names_file_and_key(old, new, key):
    text = scenarios.dumps(scenarios.load("ussr-1932"))
    assert old in text
    with pytest.raises(ne.ScenarioError, match="not valid TOML") as exc:
        scenarios.loads(text.replace(old, new, 1), file="bad.toml")
    assert (exc.value.file, exc.value.key) == ("bad.toml", key)


def test_file_is_named_when_totals_overflow(tmp_path):
    text = scenarios.dumps(scenarios.load("ussr-1932"))
    path = tmp_path / "big.toml"
    path.write_text(text.replace("number = 24.2", "number = 1e308"), encoding="utf-8")
    s = scenarios.load(path)
    with pytest.raises(ne.ScenarioError, match="overflow") as exc:
        s.surplus_account()
    assert (exc.value.file, exc.value.key) == (str(path), "groups.workers")


@settings(max_examples=25, deadline=None)
@given(scale=st.integers(-300, 300),
       key=st.sampled_from(["workers.number", "workers.hours", "peasants.taxes",
                            "peasants.sells", "peasants.buys", "prices",
                            "economy.final_demand", "workers.real_wage.base_basket"]))
def test_two_period_report_at_extreme_scales(scale, key):
    # The sources of accumulation compare two periods: their differences must stay finite
    # too, or the scenarios be refused.
    try:
        base = scenarios.load("ussr-1928").with_values({key: 10.0 ** scale})
        later = scenarios.load("ussr-1932").with_values({key: 10.0 ** scale})
        rep = ne.report(base, later=later)
    except ne.NonequivalentError:
        return
    _check_report_finite(rep)
