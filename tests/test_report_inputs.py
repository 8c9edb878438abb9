"""A report on a scenario file: it names the file, counts values outside their sourced
range as changes from the record, warns of an I − A close to singular, prints no noise."""

from __future__ import annotations

import re

import nonequivalent as ne
from nonequivalent import scenarios
from nonequivalent._document import format_number


def _edited(tmp_path, old: str, new: str, name: str = "my.toml"):
    path = scenarios.save(scenarios.load("ussr-1932"), tmp_path / name)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_report_on_a_file_names_the_file_and_what_it_was_written_from(tmp_path):
    path = _edited(tmp_path, "\ncut = 0.5\n", "\ncut = 0.45\n")
    r = ne.report(path)
    assert r.title == f"Surplus report: scenario {str(path)!r} (written from ussr-1932)"
    note = next(n for n in r.notes if n.startswith("Scenario "))
    assert f"{str(path)!r} (written from ussr-1932)" in note
    assert f"scenario show {path}" in note
    # a built-in scenario is named as before
    assert ne.report("ussr-1932").title == "Surplus report: scenario 'ussr-1932'"


def test_the_written_file_records_its_origin_and_reads_back_equal(tmp_path):
    s = scenarios.load("ussr-1932")
    path = scenarios.save(s, tmp_path / "copy.toml")
    assert 'written_from = "ussr-1932"' in path.read_text(encoding="utf-8")
    back = scenarios.load(path)
    assert back == s and back.written_from == "ussr-1932"
    # a copy of the copy still says where it came from
    again = scenarios.load(scenarios.save(back, tmp_path / "copy2.toml"))
    assert again.written_from == "ussr-1932"


def test_a_value_outside_its_sourced_range_is_a_change_from_the_record(tmp_path):
    t = scenarios.load("ussr-1932").parameters()
    row = t.loc["workers.real_wage.cut"]
    assert row["kind"] == "historical" and not row["low"] <= 0.4 <= row["high"]
    historical = int((t["kind"] == "historical").sum())
    r = ne.report(_edited(tmp_path, "\ncut = 0.5\n", "\ncut = 0.4\n"))
    note = next(n for n in r.notes if n.startswith("Scenario "))
    assert f"{historical - 1} parameters are historical records" in note
    assert ("1 is changed from the record (workers.real_wage.cut = 0.4000 against the "
            "sourced range 0.5000 to 0.5700)") in note
    # inside the range it stays a record
    inside = ne.report(_edited(tmp_path, "\ncut = 0.5\n", "\ncut = 0.55\n", "in.toml"))
    note = next(n for n in inside.notes if n.startswith("Scenario "))
    assert f"{historical} parameters are historical records" in note
    assert "changed from the record" not in note


def test_huge_values_print_in_scientific_notation_not_as_long_integers(tmp_path):
    assert format_number(1e300) == "1.000e+300"
    assert format_number(10**40) == "1.000e+40"
    assert format_number(-0.0) == "0" and format_number(-1e-20 * 0) == "0"
    r = ne.report(_edited(tmp_path, "\nhours = 2000.0\n", "\nhours = 1e300\n"))
    for fmt in ("text", "markdown", "html", "latex"):
        out = r.render(fmt)
        assert not re.search(r"\d[\d,]{25,}", out), fmt
    assert "1.000e+300" in r.render("text")


def test_an_exchange_account_holds_no_negative_zero():
    import numpy as np

    eco = ne.Economy([[0.0, 0.0], [0.0, 0.0]], labour=[1.0, 1.0], sectors=["grain", "cloth"])
    acc = ne.exchange_account(
        eco, [ne.Group("a", sells={"grain": 2}, buys={"cloth": 1}),
              ne.Group("b", sells={"cloth": 1}, buys={"grain": 2})],
        {"grain": 1.0, "cloth": 3.0}, ne.labour_value_benchmark(eco))
    for frame in (acc.by_good, acc.by_group):
        v = frame.to_numpy(dtype=float)
        assert not np.any((v == 0) & np.signbit(v))
        assert "-0.0" not in frame.to_string() and "-0 " not in frame.to_string()
    assert not re.search(r"-0(\.0*)?\b(?!\.\d*[1-9])", str(acc))


def test_plan_summaries_are_the_same_on_every_run_and_show_times_when_asked():
    from nonequivalent.planning import synthetic_national_plan

    plan = synthetic_national_plan(30, seed=0)
    a, b = plan.solve(method="simplex"), plan.solve(method="simplex")
    for x, y in ((a, b), (a.solution, b.solution)):
        assert x.summary() == y.summary() and repr(x) == repr(y)
        assert x._repr_html_() == y._repr_html_() and x.to_markdown() == y.to_markdown()
        assert " time" not in x.summary() and "solve" not in x.summary()
        assert x.build_seconds >= 0
    assert "solve" in a.solution.summary(timing=True)
    assert "build" in a.summary(timing=True) and "solve" in a.summary(timing=True)
    labels = [k for k, _, _ in a.solution.key_figures(timing=True)]
    assert labels[-2:] == ["build time", "solve time"]
    assert a.solution.solve_seconds >= 0


def test_the_surplus_account_summary_prints_labels_not_machine_keys():
    from nonequivalent.accounts.surplus import COLUMNS

    text = scenarios.load("ussr-1932").surplus_account().summary()
    for key in COLUMNS:
        if "_" in key:
            assert key not in text, key
    assert "hours given (hours)" in text and "underpayment (money)" in text
