"""The ``nonequivalent`` command, run through its entry point.

Most runs call :func:`nonequivalent.cli.main` in-process (``capsys`` reads what it prints);
a few run the installed script and ``python -m nonequivalent`` in a subprocess. Numbers
printed are checked against the library functions that compute them (never against
copies of the output), and every user error must give exit status 2 and one line on
standard error, without a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nonequivalent import datasets, exercises, scenarios
from nonequivalent.cli import Document, Progress, Section, build_parser, main, render

ROOT = Path(__file__).resolve().parents[1]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_user_error(code: int, out: str, err: str, *fragments: str) -> None:
    """Exit 2, nothing on stdout, exactly one line on stderr naming what is wrong."""
    assert code == 2, err
    assert out == ""
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1, err
    assert lines[0].startswith("nonequivalent"), err
    assert "error" in lines[0]
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def section(doc: dict, key: str) -> pd.DataFrame:
    """A section of a JSON document as a DataFrame.

    A report's section by its key (row keys x column keys); another command's section by
    the start of its title (indexed by its first column).
    """
    if "key" not in doc["sections"][0]:
        (sec,) = [s for s in doc["sections"] if s["title"].startswith(key)]
        frame = pd.DataFrame(sec["rows"])
        return frame.set_index(frame.columns[0])
    (sec,) = [s for s in doc["sections"] if s["key"] == key]
    frame = pd.DataFrame({r["key"]: r["values"] for r in sec["rows"]}).T
    for extra in ("group",):
        if extra in sec["rows"][0]:
            frame.insert(0, extra, [r.get(extra) for r in sec["rows"]])
    return frame


# ------------------------------------------------------------------------- report
def test_report_default_prints_the_1928_and_1932_accounts(capsys) -> None:
    code, out, err = run(capsys, "report")
    assert code == 0, err
    assert err == ""
    assert out.startswith("Surplus report: scenario 'ussr-1928' and 'ussr-1932'")
    for title in ("Surplus account by group, 1928: million hours",
                  "Surplus account by group, 1932: million rubles at benchmark prices",
                  "Sources of accumulation 1928 → 1932",
                  "Tribute of the peasantry", "The price scissors",
                  "The grain squeeze", "Workers and the two-earner household"):
        assert title in out
    for group in ("peasants", "workers", "two-earner households", "state"):
        assert f"\n{group} " in out
    # the aligned table's header and rows have one width per column
    block = out.split("Surplus account by group, 1928: million hours\n")[1].split("\n\n")[0]
    rows = block.splitlines()[1:6]
    assert rows[0].startswith("group") and len({len(r) for r in rows}) == 1


def test_report_json_numbers_are_the_library_results(capsys) -> None:
    code, out, _ = run(capsys, "report", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["scenarios"] == ["ussr-1928", "ussr-1932"]
    assert doc["schema"] == "nonequivalent.report/1"
    for name, which in (("ussr-1928", "base"), ("ussr-1932", "later")):
        sc = scenarios.load(name)
        acc = sc.surplus_account()
        year = str(sc.year)
        hours = section(doc, f"account_hours_{which}")
        money = section(doc, f"account_money_{which}")
        assert list(hours.index) == [g.name for g in sc.groups]
        assert list(hours.index) == ["peasants", "workers", "two_earner_households", "state"]
        np.testing.assert_allclose(hours["surplus_hours"].astype(float),
                                   acc.table["surplus_hours"])
        np.testing.assert_allclose(money["surplus_money"].astype(float),
                                   acc.table["surplus_money"])
        # shares are given in percent, with the unit in its own field
        np.testing.assert_allclose(hours["share_of_fund"].astype(float),
                                   100 * acc.table["share_hours"])
        (sec,) = [s for s in doc["sections"] if s["key"] == f"account_hours_{which}"]
        units = {c["key"]: c["unit"] for c in sec["columns"]}
        assert units == {"hours_given": "million hours", "hours_received": "million hours",
                         "surplus_hours": "million hours", "share_of_fund": "percent"}
        assert doc["melt"][year] == pytest.approx(acc.melt)
    pair = scenarios.pair("ussr-1928", "ussr-1932")
    sources = section(doc, "sources")
    expected = pair.sources_of_accumulation(measure="money")
    for factor, value in expected.contributions.items():
        assert sources.loc[expected.keys[factor], "change_money"] == pytest.approx(value)
    assert "workers.wage_and_retail_prices" in sources.index
    # the group totals add up to the change in the fund (Shapley: exact)
    totals = sources[sources.index.str.endswith(".total")]
    assert list(totals["group"]) == ["peasants", "workers", "two_earner_households"]
    assert totals["change_money"].astype(float).sum() == pytest.approx(expected.change)


def test_report_tribute_and_squeeze_sections_match_the_library(capsys) -> None:
    import nonequivalent as ne

    code, out, _ = run(capsys, "report", "--later", "none", "-f", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["scenarios"] == ["ussr-1928"]
    assert [s["key"] for s in doc["sections"]] == [
        "account_hours_base", "account_money_base", "tribute", "scissors", "squeeze",
        "workers"]
    sc = scenarios.load("ussr-1928")
    bench = sc.surplus_account().benchmark
    trib = ne.tribute(sc.peasants(), sc.prices_series(), bench)
    table = section(doc, "tribute")
    assert table.loc["peasants.total", "1928"] == pytest.approx(trib.total)
    assert table.loc["peasants.underpayment", "1928"] == pytest.approx(trib.underpayment)
    squeeze = section(doc, "squeeze")
    good = "agriculture"
    opt = ne.squeeze_optimum(sc.marketing_response(), float(bench.prices[good]))
    assert squeeze.loc["peasants.optimal_price", "1928"] == pytest.approx(opt.price)
    assert squeeze.loc["peasants.maximum_extraction", "1928"] == pytest.approx(opt.extraction)
    (sq,) = [s for s in doc["sections"] if s["key"] == "squeeze"]
    assert sq["units_by"] == "row"
    assert {r["key"]: r["unit"] for r in sq["rows"]}["peasants.optimal_price"] == \
        "rubles per unit"


def test_report_markdown_and_csv(capsys) -> None:
    code, out, _ = run(capsys, "report", "--format", "markdown", "--later", "none")
    assert code == 0
    assert out.startswith("# Surplus report: scenario 'ussr-1928'")
    assert "## Surplus account by group, 1928: million hours" in out
    assert "| group | hours given | hours received |" in out
    code, out, _ = run(capsys, "report", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert set(rows[0]) == {"section", "row", "column", "value", "unit"}
    fund = [r for r in rows if r["section"] == "account_hours_later"
            and r["row"] == "state" and r["column"] == "surplus_hours"]
    assert fund[0]["unit"] == "million hours"
    assert len(fund) == 1
    acc = scenarios.load("ussr-1932").surplus_account()
    assert float(fund[0]["value"]) == pytest.approx(acc.accumulation_fund_hours)


def test_report_other_scenario_has_no_default_later_period(capsys) -> None:
    code, out, _ = run(capsys, "report", "--scenario", "ussr-1932")
    assert code == 0
    assert out.startswith("Surplus report: scenario 'ussr-1932'\n")
    assert "Sources of accumulation" not in out


def test_report_from_a_scenario_file_and_output_file(capsys, tmp_path: Path) -> None:
    template = tmp_path / "mine.toml"
    assert run(capsys, "scenario", "write", "ussr-1932", str(template))[0] == 0
    target = tmp_path / "report.md"
    code, out, err = run(capsys, "report", "--scenario", str(template), "--later",
                         "ussr-1932", "-f", "markdown", "-o", str(target))
    assert code == 0, err
    assert out == ""
    assert f"wrote {target}" in err
    text = target.read_text(encoding="utf-8")
    # two scenarios of the same year: the periods are told apart as base and later
    assert "## Surplus account by group, 1932 (base): million hours" in text
    assert "## Surplus account by group, 1932 (later): million hours" in text


def test_report_plot_writes_a_png(capsys, tmp_path: Path) -> None:
    png = tmp_path / "report.png"
    code, out, err = run(capsys, "report", "--plot", str(png))
    assert code == 0, err
    assert out.startswith("Surplus report")
    assert f"wrote figure {png}" in err
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 50_000


def test_report_bad_scenario_files_exit_2_with_one_line(capsys, tmp_path: Path) -> None:
    # TOML syntax error
    broken = tmp_path / "broken.toml"
    broken.write_text("[scenario\nname = 1\n", encoding="utf-8")
    code, out, err = run(capsys, "report", "--scenario", str(broken))
    assert_user_error(code, out, err, "broken.toml", "TOML")
    # a valid file with an invalid value: a negative price
    good = tmp_path / "prices.toml"
    assert run(capsys, "scenario", "write", "ussr-1928", str(good))[0] == 0
    text = good.read_text(encoding="utf-8")
    head, rest = text.split("[prices]\n", 1)
    first, tail = rest.split("\n", 1)
    key = first.split("=")[0]
    bad = tmp_path / "negative.toml"
    bad.write_text(f"{head}[prices]\n{key}= -1.0\n{tail}", encoding="utf-8")
    code, out, err = run(capsys, "report", "--scenario", str(bad))
    assert_user_error(code, out, err, "negative.toml", "prices")
    # a missing section
    missing = tmp_path / "missing.toml"
    missing.write_text(text.replace("[benchmark]", "[benchmark_typo]"), encoding="utf-8")
    code, out, err = run(capsys, "report", "--scenario", str(missing))
    assert_user_error(code, out, err, "missing.toml")
    # neither a built-in name nor a file
    code, out, err = run(capsys, "report", "--scenario", "ussr-1999")
    assert_user_error(code, out, err, "ussr-1999")
    # a bad later period is reported the same way
    code, out, err = run(capsys, "report", "--later", str(broken))
    assert_user_error(code, out, err, "broken.toml")


def test_report_bad_options_exit_2(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "report", "--format", "xml")
    assert_user_error(code, out, err, "--format", "xml")
    code, out, err = run(capsys, "report", "--no-such-option")
    assert_user_error(code, out, err, "--no-such-option")
    # unwritable targets are found before any work is done
    code, out, err = run(capsys, "report", "--plot", str(tmp_path / "nodir" / "r.png"))
    assert_user_error(code, out, err, "does not exist")
    code, out, err = run(capsys, "report", "--plot", str(tmp_path / "r.unknown"))
    assert_user_error(code, out, err, ".png")
    code, out, err = run(capsys, "report", "-o", str(tmp_path / "nodir" / "r.txt"))
    assert_user_error(code, out, err, "cannot write", "does not exist")
    code, out, err = run(capsys, "report", "-o", str(tmp_path))
    assert_user_error(code, out, err, "directory")


# ------------------------------------------------------------------------- sweep
def sweep_frame(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text))


def test_sweep_csv_and_progress_bar(capsys) -> None:
    code, out, err = run(capsys, "sweep", "--ratio-min", "0.4", "--ratio-max", "1.2",
                         "--steps", "9")
    assert code == 0, err
    table = sweep_frame(out)
    assert len(table) == 9
    np.testing.assert_allclose(table["terms of trade"], np.linspace(0.4, 1.2, 9))
    np.testing.assert_allclose(table["scissors"], 1 / table["terms of trade"])
    np.testing.assert_allclose(table["tribute"], table["underpayment"] + table["overpayment"]
                               + table["taxes"])
    # DESIGN §4.6: the tribute falls as the price of what the peasants sell rises
    assert (np.diff(table["tribute"]) < 0).all()
    # the marketed quantity responds to the price as the scenario's response says
    sc = scenarios.load("ussr-1928")
    response = sc.marketing_response()
    np.testing.assert_allclose(table["marketed q(p)"],
                               response(table["price of agriculture"].to_numpy()))
    assert "\r" not in err                              # no progress frames off a terminal
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1
    assert lines[0].startswith("nonequivalent: sweep of 9 terms of trade")


def test_sweep_matches_the_scenario_at_its_own_terms_of_trade(capsys) -> None:
    # At the scenario's own terms of trade the price of agriculture is the scenario's, so
    # the tribute is the one of the surplus account. Read that ratio from the JSON meta.
    code, out, _ = run(capsys, "sweep", "--steps", "3", "-f", "json", "--no-progress")
    assert code == 0
    current = json.loads(out)["current_terms_of_trade"]
    code, out, _ = run(capsys, "sweep", "--ratio-min", str(current), "--ratio-max",
                       str(current * 2), "--steps", "2", "--no-progress")
    assert code == 0
    table = sweep_frame(out)
    acc = scenarios.load("ussr-1928").surplus_account()
    assert table.loc[0, "price of agriculture"] == pytest.approx(1.0, rel=1e-9)
    assert table.loc[0, "tribute"] == pytest.approx(acc.table.loc["peasants", "surplus_money"],
                                                    rel=1e-9)


def test_sweep_output_file_text_format_and_no_progress(capsys, tmp_path: Path) -> None:
    target = tmp_path / "sweep.csv"
    code, out, err = run(capsys, "sweep", "--steps", "5", "--no-progress", "-o", str(target),
                         "--scenario", "ussr-1932")
    assert code == 0
    assert out == ""
    assert "sweep [" not in err
    assert len(pd.read_csv(target)) == 5
    code, out, _ = run(capsys, "sweep", "--steps", "3", "-f", "text", "--no-progress")
    assert code == 0
    assert "Tribute by terms of trade" in out


@pytest.mark.parametrize(("args", "fragment"), [
    (["--steps", "1"], "--steps"),
    (["--ratio-min", "0"], "--ratio-min"),
    (["--ratio-min", "nan"], "--ratio-min"),
    (["--ratio-min", "1.5", "--ratio-max", "1.0"], "--ratio-max"),
    (["--steps", "many"], "--steps"),
    (["--scenario", "nowhere.toml"], "nowhere.toml"),
])
def test_sweep_bad_input(capsys, args: list[str], fragment: str) -> None:
    code, out, err = run(capsys, "sweep", "--no-progress", *args)
    assert_user_error(code, out, err, fragment)


# ------------------------------------------------------------------------- compare
def test_compare_table_paths_and_figure(capsys, tmp_path: Path) -> None:
    from nonequivalent.planning import LEFT_COURSE, MAXIMUM_1929, base_plan, compare

    png = tmp_path / "variants.png"
    code, out, err = run(capsys, "compare", "--variant", "left", "--variant", "maximum",
                         "-f", "json", "--plot", str(png))
    assert code == 0, err
    doc = json.loads(out)
    assert doc["variants"] == ["left course", "1929 maximum variant"]
    measures = section(doc, "Results of the optimal plans")
    table, _ = compare([LEFT_COURSE, MAXIMUM_1929])
    results = table.drop(columns=[c for c in table.columns if c.startswith("real wage ")])
    assert measures.index.tolist() == results.columns.tolist()
    for variant in table.index:
        np.testing.assert_allclose(measures[variant].to_numpy(dtype=float),
                                   results.loc[variant].to_numpy(dtype=float))
    wages = section(doc, "Real wage by year")
    for variant in table.index:
        np.testing.assert_allclose(
            wages[variant].to_numpy(dtype=float),
            table.loc[variant, [c for c in table.columns if c.startswith("real wage ")]]
            .to_numpy(dtype=float))
    capacity = section(doc, "Capacity of heavy industry")
    solved = MAXIMUM_1929.solve(base_plan())
    np.testing.assert_allclose(capacity["1929 maximum variant"],
                               solved.capacity.loc["heavy industry"])   # terminal year too
    assert "compare [" not in err and f"wrote figure {png}" in err    # no bar off a TTY
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(("args", "fragment"), [
    (["--variant", "utopia"], "utopia"),
    (["--variant", "c"], "more than one"),       # 'c' is in several names
    (["--years", "0"], "--years"),
    (["--years", "five"], "--years"),
])
def test_compare_bad_input(capsys, args: list[str], fragment: str) -> None:
    assert_user_error(*run(capsys, "compare", "--no-progress", *args), fragment)


# ------------------------------------------------------------------------- data
def test_data_list_names_every_dataset_with_sources(capsys) -> None:
    code, out, _ = run(capsys, "data", "list")
    assert code == 0
    for name in datasets.list().index:
        assert f"\n{name} " in out
    assert "Sources:\n[1] " in out
    code, out, _ = run(capsys, "data", "list", "-f", "json")
    rows = section(json.loads(out), "Datasets")
    assert list(rows.index) == list(datasets.list().index)
    first = rows.index[0]
    assert rows.loc[first, "sources"] == "; ".join(datasets.load(first).attrs["citation"])


def test_data_show_prints_values_and_their_sources(capsys) -> None:
    code, out, _ = run(capsys, "data", "show", "real_wages")
    assert code == 0
    df = datasets.load("real_wages")
    assert out.startswith(f"real_wages: {df.attrs['title']}")
    flat = " ".join(out.split())                      # notes are wrapped at 100 columns
    for i, source in enumerate(df.attrs["citation"], start=1):
        assert " ".join(f"[{i}] {source}".split()) in flat
    code, out, _ = run(capsys, "data", "show", "real_wages", "--format", "csv")
    assert code == 0
    shown = pd.read_csv(io.StringIO(out))
    assert list(shown.columns) == list(datasets.COLUMNS)
    np.testing.assert_allclose(shown["value"], df["value"])
    code, out, _ = run(capsys, "data", "show", "scissors_1923", "-f", "markdown")
    assert "| row | series | period | value |" in out


def test_data_bad_input(capsys) -> None:
    assert_user_error(*run(capsys, "data", "show", "nope"), "nope")
    assert_user_error(*run(capsys, "data"), "ACTION")
    assert_user_error(*run(capsys, "data", "erase"), "erase")


# ------------------------------------------------------------------------- scenario
def test_scenario_list_and_show(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "scenario", "list")
    assert code == 0
    for name in scenarios.builtin():
        assert f"\n{name} " in out
    code, out, _ = run(capsys, "scenario", "show", "ussr-1928")
    assert code == 0
    sc = scenarios.load("ussr-1928")
    assert out.startswith("Scenario 'ussr-1928' (1928)")
    assert "Provenance of every parameter" in out
    for parameter in sc.provenance:
        assert parameter in out
    code, out, _ = run(capsys, "scenario", "show", "ussr-1932", "-f", "json")
    table = section(json.loads(out), "Technical coefficients")
    np.testing.assert_allclose(table.to_numpy(dtype=float),
                               scenarios.load("ussr-1932").technical_matrix().to_numpy())


def test_scenario_write_is_a_template_that_loads_back(capsys, tmp_path: Path) -> None:
    target = tmp_path / "template.toml"
    code, out, err = run(capsys, "scenario", "write", "ussr-1928", str(target))
    assert code == 0
    assert "wrote scenario 'ussr-1928'" in err
    assert scenarios.load(target) == scenarios.load("ussr-1928")
    # show reads the file too
    code, out, _ = run(capsys, "scenario", "show", str(target))
    assert code == 0 and out.startswith("Scenario 'ussr-1928'")
    # no silent overwrite
    code, out, err = run(capsys, "scenario", "write", "ussr-1932", str(target))
    assert_user_error(code, out, err, "exists", "--force")
    assert scenarios.load(target).name == "ussr-1928"
    assert run(capsys, "scenario", "write", "ussr-1932", str(target), "--force")[0] == 0
    assert scenarios.load(target).name == "ussr-1932"


def test_scenario_bad_input(capsys, tmp_path: Path) -> None:
    assert_user_error(*run(capsys, "scenario", "show", "atlantis"), "atlantis")
    assert_user_error(*run(capsys, "scenario", "write", "atlantis", str(tmp_path / "a.toml")),
                      "atlantis")
    assert_user_error(*run(capsys, "scenario", "write", "ussr-1928", str(tmp_path / "a.txt")),
                      "TOML")
    assert_user_error(*run(capsys, "scenario", "write", "ussr-1928"), "FILE")


# ------------------------------------------------------------------------- exercise
def test_exercise_prints_the_generated_exercise(capsys) -> None:
    code, out, _ = run(capsys, "exercise", "tribute", "--seed", "3")
    assert code == 0
    expected = exercises.render(exercises.generate("tribute", seed=3), solution=False,
                                format="text")
    assert out == expected
    code, out, _ = run(capsys, "exercise", "tribute", "--seed", "3", "--solution")
    assert out == exercises.render(exercises.generate("tribute", seed=3), solution=True,
                                   format="text")
    assert "Solution\n--------" in out and "$" not in out     # Unicode text, no LaTeX
    code, out, _ = run(capsys, "exercise", "tribute", "--seed", "3", "--format", "latex")
    assert out == exercises.render(exercises.generate("tribute", seed=3), format="latex")
    code, out, _ = run(capsys, "exercise", "list")
    assert code == 0
    for topic in exercises.topics():
        assert f"\n{topic} " in out


def test_exercise_bad_input(capsys) -> None:
    assert_user_error(*run(capsys, "exercise", "astrology", "--seed", "1"), "astrology")
    assert_user_error(*run(capsys, "exercise", "tribute", "--seed", "-1"), "--seed")
    assert_user_error(*run(capsys, "exercise", "tribute", "--seed", "one"), "--seed")


# ------------------------------------------------------------------------- top level
def test_version_help_and_missing_command(capsys) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("nonequivalent ")
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("report", "compare", "sweep", "data", "scenario", "exercise"):
        assert command in out
    assert_user_error(*run(capsys), "COMMAND")
    assert_user_error(*run(capsys, "forecast"), "forecast")


def test_parser_defaults() -> None:
    args = build_parser().parse_args(["report"])
    assert (args.scenario, args.format, args.output, args.plot) == ("ussr-1928", "text",
                                                                     None, None)
    args = build_parser().parse_args(["sweep"])
    assert args.format == "csv"


def test_render_formats_round_trip() -> None:
    table = pd.DataFrame({"hours": [1234.5, -2.25], "ok": [True, False], "note": ["a", "b|c"]},
                         index=pd.Index(["x", "y"], name="row"))
    doc = Document("Title", (Section("S", table, ("a note",)),), notes=("top",))
    text = render(doc, "text")
    # one rounding per column, from its largest magnitude: 1 decimal from 100 up
    assert "row    hours  ok   note\nx    1,234.5  yes  a\ny       -2.2  no   b|c\n" in text
    md = render(doc, "markdown")
    assert "| x | 1,234.5 | yes | a |" in md and "b\\|c" in md
    back = json.loads(render(doc, "json"))
    assert back["sections"][0]["rows"][1] == {"row": "y", "hours": -2.25, "ok": False,
                                              "note": "b|c"}
    rows = list(csv.reader(io.StringIO(render(doc, "csv"))))
    assert rows[1] == ["S", "x", "hours", "1234.5"]
    nan = Document("N", (Section("S", pd.DataFrame({"v": [np.nan]})),))
    assert "—" in render(nan, "text")
    assert json.loads(render(nan, "json"))["sections"][0]["rows"][0]["v"] is None


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_only() -> None:
    for stream, drawn in ((_Terminal(), True), (io.StringIO(), False)):
        bar = Progress(10, "work", stream=stream)
        for _ in range(10):
            bar.advance()
        bar.close()
        text = stream.getvalue()
        assert ("10/10" in text and "work" in text) is drawn
        assert ("\r" in text) is drawn
    quiet = _Terminal()
    bar = Progress(10, "work", stream=quiet, enabled=False)      # --no-progress
    bar.advance(10)
    bar.close()
    assert quiet.getvalue() == ""


# ------------------------------------------------------------------------- subprocess
def _env() -> dict[str, str]:
    return dict(os.environ, MPLBACKEND="Agg", PYTHONIOENCODING="utf-8")


def test_python_dash_m_runs_the_report(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "nonequivalent", "report", "-f", "json",
                           "--later", "none"], capture_output=True, text=True, env=_env(),
                          cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["scenarios"] == ["ussr-1928"]


def test_solver_output_never_reaches_stdout(tmp_path: Path) -> None:
    # whatever the LP solver's C library prints goes to stderr: stdout stays valid JSON
    proc = subprocess.run([sys.executable, "-m", "nonequivalent", "compare", "--variant",
                           "NEP", "-f", "json", "--no-progress"], capture_output=True,
                          text=True, env=_env(), cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["variants"] == ["NEP continuation"]


def test_installed_script_reports_a_bad_file_in_one_line(tmp_path: Path) -> None:
    script = shutil.which("nonequivalent",
                          path=os.pathsep.join([str(Path(sys.executable).parent),
                                                os.environ.get("PATH", "")]))
    assert script is not None, "the console script 'nonequivalent' is not installed"
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = 1\n[scenario]\nname = 'x'\n", encoding="utf-8")
    proc = subprocess.run([script, "report", "--scenario", str(bad)], capture_output=True,
                          text=True, env=_env(), cwd=tmp_path, timeout=120)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("nonequivalent: error: ")
    assert "bad.toml" in lines[0]
    proc = subprocess.run([script, "data", "list"], capture_output=True, text=True,
                          env=_env(), cwd=tmp_path, timeout=120)
    assert proc.returncode == 0 and "real_wages" in proc.stdout


# ------------------------------------------------------------------------- number format
def test_one_unit_has_one_number_of_decimals_across_sections() -> None:
    # 27,573 >= 10,000 sets whole numbers for the unit "money" everywhere in the document,
    # the rowwise table included; the unitless column keeps its own rounding.
    small = Section("small", pd.DataFrame({"m": [1581.5, 763.0], "x": [1.25, 2.5]},
                                          index=["a", "b"]), units={"m": "money"})
    large = Section("large", pd.DataFrame({"1932": [27573.4, 0.65]}, index=["m row", "r"]),
                    rowwise=True, units={"m row": "money", "r": "ratio"})
    text = render(Document("T", (small, large)), "text")
    assert "1,582" in text and "1,581.5" not in text
    assert "27,573" in text and "27,573.4" not in text
    assert "1.25" in text and "0.65" in text
    md = render(Document("T", (small, large)), "markdown")
    assert "| a | 1,582 | 1.25 |" in md


def test_report_money_rows_share_the_decimals_of_the_money_tables(capsys) -> None:
    code, out, _ = run(capsys, "report")
    assert code == 0
    rows = [line for line in out.splitlines()
            if line.startswith(("peasants  ", "underpayment for cheap grain"))]
    assert rows, out
    # every money cell is printed alike: the 1932 fund exceeds 10,000 million rubles, so
    # whole numbers (no decimal point) in both years and in every section
    for line in rows:
        cells = line.split()[-5:] if line.startswith("peasants") else line.split()[-2:]
        money = [c for c in cells if "," in c or c.lstrip("-").isdigit()]
        assert money and all("." not in c for c in money), line


def test_the_options_table_of_the_cli_page_matches_the_parser() -> None:
    import re

    page = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    table = page.split("Options of each command")[1].split("\n\n")[1]
    documented: dict[str, set[str]] = {}
    for line in table.splitlines()[2:]:
        cells = line.split(" | ")
        options = set(re.findall(r"`(--?[a-z][a-z-]*)`", cells[1]))
        for command in re.findall(r"`([a-z]+(?: [a-z]+)?)[^`]*`", cells[0]):
            documented[command] = options
    sub = build_parser()._subparsers._group_actions[0].choices  # argparse's own table
    actual: dict[str, set[str]] = {}
    for name, parser in sub.items():
        nested = [a for a in parser._actions if getattr(a, "choices", None)
                  and isinstance(a.choices, dict)]
        parsers = nested[0].choices.items() if nested else [(None, parser)]
        for action, p in parsers:
            key = name if action is None else f"{name} {action}"
            actual[key] = {o for a in p._actions for o in a.option_strings} - {"-h", "--help"}
    assert documented == actual


def test_scenario_upgrade_writes_schema_2_and_keys_prints_the_schema(capsys,
                                                                     tmp_path: Path) -> None:
    import tomllib

    old = tmp_path / "old.toml"
    s = scenarios.load("ussr-1928")
    doc = s.to_dict()
    v1 = {"schema": 1, "scenario": {**doc["scenario"], "units": "in words"},
          "economy": doc["economy"], "prices": doc["prices"], "benchmark": doc["benchmark"],
          "peasants": {"name": "peasants", "taxes": 1200.0,
                       "sells": doc["groups"]["peasants"]["sells"],
                       "buys": doc["groups"]["peasants"]["buys"]},
          "workers": {"number": 11.4, "hours": 2000.0, "money_wage": 670.0,
                      "basket": doc["groups"]["workers"]["real_wage"]["base_basket"]},
          "real_wage": {"cut": 0.0},
          "provenance": {k: {"kind": "assumption", "reason": "r"} for k in (
              "economy.A", "economy.labour", "economy.final_demand", "prices", "benchmark",
              "peasants.sells", "peasants.buys", "peasants.taxes", "workers.number",
              "workers.hours", "workers.basket", "real_wage.cut")}}
    old.write_text(scenarios.dumps(v1).replace("schema = 2", "schema = 1"), encoding="utf-8")
    new = tmp_path / "new.toml"
    code, out, err = run(capsys, "scenario", "upgrade", str(old), "-o", str(new))
    assert code == 0, err
    assert "note: schema 1" in err
    assert "note: assumptions without a plausible range" in err and "economy.A" in err
    text = new.read_text(encoding="utf-8")
    parsed = tomllib.loads(text)
    assert parsed["schema"] == 2 and parsed["groups"]["workers"]["kind"] == "workers"
    assert scenarios.load(new) == scenarios.load(old)
    assert "workers.real_wage.cut" in parsed["provenance"]
    code, out, err = run(capsys, "scenario", "keys")
    assert code == 0 and out.startswith("## Top-level keys")
    assert "`real_wage.base_basket`" in out
    code, out, err = run(capsys, "scenario", "upgrade", str(old), "-o", str(tmp_path / "x.txt"))
    assert_user_error(code, out, err, "TOML")


def test_report_on_many_groups(capsys) -> None:
    path = Path(__file__).resolve().parent / "data" / "many-groups.toml"
    code, out, err = run(capsys, "report", "--scenario", str(path), "-f", "json")
    assert code == 0, err
    doc = json.loads(out)
    (hours,) = [s for s in doc["sections"] if s["key"] == "account_hours_base"]
    assert [r["key"] for r in hours["rows"]] == [
        "kulaks", "middle_peasants", "poor_peasants", "skilled", "unskilled",
        "two_earner_families", "three_earner_families", "state"]
    code, out, err = run(capsys, "report", "--scenario", str(path))
    assert code == 0 and "three-earner families" in out and "all groups: optimal price" in out
