"""The command in a terminal and around it: width, progress, encoding, files, students.

Tables fit ``--width``; the progress bar draws only on a terminal; output is UTF-8 under
any locale; ``--output``/``--plot`` never overwrite without ``--force`` and never an
input; every CSV is safe to open in a spreadsheet; ``exercise --check`` grades an answer;
``compare`` shows every quantity it summarizes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import nonequivalent as ne
from nonequivalent import exercises, scenarios
from nonequivalent.cli import main
from nonequivalent.cli.render import csv_cell, frame_csv

ROOT = Path(__file__).resolve().parents[1]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code: int, out: str, err: str, *fragments: str) -> None:
    assert code == 2, err
    assert out == ""
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1, err
    assert lines[0].startswith("nonequivalent") and "error: " in lines[0], err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def numbers(text: str) -> list[str]:
    """Every number printed in ``text``, in order (to check wrapping loses none)."""
    import re

    return re.findall(r"-?\d[\d,]*\.?\d*", text)


# ------------------------------------------------------------------------- width
@pytest.mark.parametrize("width", [60, 200])
@pytest.mark.parametrize("argv", [["report"], ["scenario", "show", "ussr-1928"],
                                  ["scenario", "list"], ["data", "list"],
                                  ["report", "--draws", "4"]])
def test_tables_fit_the_width(capsys, argv, width) -> None:
    code, out, err = run(capsys, *argv, "--width", str(width))
    assert code == 0, err
    assert max(len(line) for line in out.splitlines()) <= width
    _, unlimited, _ = run(capsys, *argv)
    # wrapping moves text, never drops it: every word and number is still printed
    def words(text: str) -> set[str]:
        return {w for w in text.split() if set(w) != {"-"} and set(w) != {"="}
                and len(w) <= width // 2}      # (longer ones are broken across lines)

    assert words(unlimited) <= words(out)
    if max(len(line) for line in unlimited.splitlines()) <= width:
        assert out == unlimited


def test_wrapped_report_keeps_every_number(capsys) -> None:
    _, narrow, _ = run(capsys, "report", "--width", "60")
    _, wide, _ = run(capsys, "report")
    assert max(len(line) for line in wide.splitlines()) > 60    # it had to wrap
    assert sorted(numbers(narrow)) == sorted(numbers(wide))
    # a table too wide for 60 columns is printed in blocks, each under the row labels
    assert narrow.count("\npeasants ") > wide.count("\npeasants ")


def test_width_out_of_range_is_a_user_error(capsys) -> None:
    one_line_error(*run(capsys, "report", "--width", "5"), "--width")
    one_line_error(*run(capsys, "report", "--width", "x"), "--width")


def test_scenario_list_prints_the_year_without_a_separator(capsys) -> None:
    code, out, _ = run(capsys, "scenario", "list")
    assert code == 0
    assert "1,928" not in out and "1,932" not in out
    row = next(line for line in out.splitlines() if line.startswith("ussr-1928"))
    assert " 1928 " in f"{row} "


# ------------------------------------------------------------------------- subprocess
def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONIOENCODING", "LANG", "LC_ALL", "LC_CTYPE", "PYTHONUTF8")}
    env.update(MPLBACKEND="Agg", **extra)
    return env


def test_report_to_a_file_under_the_c_locale_is_utf8(tmp_path) -> None:
    target = tmp_path / "report.txt"
    with target.open("wb") as fh:
        proc = subprocess.run([sys.executable, "-X", "utf8=0", "-m", "nonequivalent", "report"],
                              stdout=fh, stderr=subprocess.PIPE,
                              env=_clean_env(LC_ALL="C", LANG="C", PYTHONCOERCECLOCALE="0"),
                              timeout=120)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert proc.stderr == b""
    text = target.read_bytes().decode("utf-8")         # strict: valid UTF-8
    buf = io.StringIO()
    from contextlib import redirect_stdout

    with redirect_stdout(buf):
        assert main(["report"]) == 0
    assert text == buf.getvalue()                      # "—", "→", "σ" written as UTF-8


def test_sweep_in_a_pipe_draws_no_progress_frames() -> None:
    proc = subprocess.run([sys.executable, "-m", "nonequivalent", "sweep", "--steps", "50"],
                          capture_output=True, env=_clean_env(LC_ALL="C"), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert b"\r" not in proc.stderr and b"\r" not in proc.stdout
    assert proc.stderr.decode("utf-8").count("\n") == 1     # the one summary line
    rows = list(csv.reader(io.StringIO(proc.stdout.decode("utf-8"))))
    assert len(rows) == 51


# ------------------------------------------------------------------------- files
def test_output_and_plot_are_not_overwritten_without_force(capsys, tmp_path) -> None:
    target = tmp_path / "r.txt"
    target.write_text("keep me", encoding="utf-8")
    one_line_error(*run(capsys, "report", "--later", "none", "-o", str(target)),
                   "exists", "--force")
    assert target.read_text(encoding="utf-8") == "keep me"
    code, _, err = run(capsys, "report", "--later", "none", "-o", str(target), "--force")
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("Surplus report")
    figure = tmp_path / "f.png"
    figure.write_bytes(b"keep")
    one_line_error(*run(capsys, "report", "--later", "none", "--plot", str(figure)),
                   "--force")
    assert figure.read_bytes() == b"keep"
    for argv in (["sweep", "--steps", "3"], ["data", "list"], ["scenario", "keys"],
                 ["exercise", "tribute"], ["scenario", "upgrade", "ussr-1928"]):
        one_line_error(*run(capsys, *argv, "-o", str(target)), "--force")
    assert target.read_text(encoding="utf-8").startswith("Surplus report")


def test_the_input_scenario_is_never_overwritten(capsys, tmp_path) -> None:
    mine = tmp_path / "my.toml"
    assert main(["scenario", "write", "ussr-1928", str(mine)]) == 0
    capsys.readouterr()
    before = mine.read_bytes()
    for argv in (["report", "-s", str(mine), "--later", "none", "-o", str(mine), "--force"],
                 ["report", "-s", str(mine), "--later", "none", "--plot",
                  str(tmp_path / "." / "my.toml"), "--force"],
                 ["scenario", "upgrade", str(mine), "-o", str(mine), "--force"],
                 ["scenario", "write", str(mine), str(mine), "--force"],
                 ["sweep", "-s", str(mine), "-o", str(mine), "--force"]):
        one_line_error(*run(capsys, *argv), "input")
        assert mine.read_bytes() == before
    os.chdir(tmp_path)        # the same file named relatively
    one_line_error(*run(capsys, "report", "-s", "my.toml", "--later", "none", "-o",
                        str(mine), "--force"), "input")
    os.chdir(ROOT)


def test_output_and_plot_must_differ(capsys, tmp_path) -> None:
    one_line_error(*run(capsys, "report", "-o", str(tmp_path / "a.png"), "--plot",
                        str(tmp_path / "a.png")), "same file")


# ------------------------------------------------------------------------- CSV safety
def test_csv_cells_that_look_like_formulas_are_neutralized() -> None:
    assert csv_cell("=SUM(A1:A9)") == "'=SUM(A1:A9)"
    assert csv_cell("@cmd") == "'@cmd"
    assert csv_cell("+1+cmd") == "'+1+cmd"
    assert csv_cell("-x") == "'-x"
    assert csv_cell("\tx") == "'\tx"
    assert csv_cell("\rx") == "'\rx"
    assert csv_cell("-1.5e3") == "-1.5e3"        # a number stays a number
    assert csv_cell(-2.0) == -2.0
    frame = pd.DataFrame({"name": ["=evil", "ok"], "value": [-1.5, 2.0]},
                         index=pd.Index(["@row", "b"], name="-idx"))
    rows = list(csv.reader(io.StringIO(frame_csv(frame, index=True))))
    assert rows[0] == ["'-idx", "name", "value"]
    assert rows[1] == ["'@row", "'=evil", "-1.5"]
    assert float(rows[1][2]) == -1.5


def _evil_scenario(tmp_path: Path) -> Path:
    text = scenarios.dumps(scenarios.load("ussr-1928"))
    evil = tmp_path / "evil.toml"
    evil.write_text(text.replace("light industry", "=HYPERLINK(1) light"), encoding="utf-8")
    return evil


@pytest.mark.parametrize("argv", [["scenario", "show"], ["report", "--later", "none", "-s"],
                                  ["sweep", "--steps", "3", "-s"]])
def test_no_csv_cell_the_cli_writes_starts_a_formula(capsys, tmp_path, argv) -> None:
    evil = _evil_scenario(tmp_path)
    code, out, err = run(capsys, *argv, str(evil), "-f", "csv")
    assert code == 0, err
    cells = [c for row in csv.reader(io.StringIO(out)) for c in row]
    assert any("HYPERLINK" in c for c in cells) or argv[0] != "scenario"
    for cell in cells:
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
            float(cell)                              # only numbers may start so
    negatives = [c for c in cells if c.startswith("-")]
    for c in negatives:
        assert np.isfinite(float(c))


# ------------------------------------------------------------------------- messages
def test_sweep_ratio_messages_name_the_option(capsys) -> None:
    one_line_error(*run(capsys, "sweep", "--ratio-max", "inf"), "--ratio-max")
    one_line_error(*run(capsys, "sweep", "--ratio-max", "nan"), "--ratio-max")
    one_line_error(*run(capsys, "sweep", "--ratio-min", "-1"), "--ratio-min")


def test_sweep_with_a_vanishing_ratio_is_refused(capsys) -> None:
    one_line_error(*run(capsys, "sweep", "--ratio-min", "1e-13", "--ratio-max", "1"),
                   "--ratio-min")
    one_line_error(*run(capsys, "sweep", "--ratio-min", "1", "--ratio-max", "1e300"),
                   "--ratio-max")


def test_sweep_at_the_edges_of_its_range_is_finite(capsys) -> None:
    code, out, err = run(capsys, "sweep", "--ratio-min", "1e-6", "--ratio-max", "1e6",
                         "--steps", "5", "-f", "csv")
    assert code == 0, err
    table = pd.read_csv(io.StringIO(out))
    assert np.isfinite(table.select_dtypes("number").to_numpy()).all()
    assert table["terms of trade"].iloc[0] == 1e-6        # not rounded to 0
    np.testing.assert_allclose(table["scissors"], 1 / table["terms of trade"])


# ------------------------------------------------------------------------- hints
def test_report_hint_for_a_file_scenario_is_a_command_that_works(capsys, tmp_path) -> None:
    mine = tmp_path / "my scenario.toml"
    assert main(["scenario", "write", "ussr-1928", str(mine)]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "report", "-s", str(mine), "--later", "none")
    assert code == 0
    hint = " ".join(out.split("see '", 1)[1].split("'.", 1)[0].split())   # (wrapped note)
    assert hint.startswith("nonequivalent scenario show ")
    import shlex

    argv = shlex.split(hint)[1:]
    assert argv[-1] == str(mine)
    code, shown, err = run(capsys, *argv)
    assert code == 0, err
    assert shown.startswith("Scenario 'ussr-1928'")
    code, out, _ = run(capsys, "report", "--later", "none")
    assert "see 'nonequivalent scenario show ussr-1928'" in out



def test_report_json_names_the_file_of_a_file_scenario(capsys, tmp_path) -> None:
    import json
    import shlex

    mine = tmp_path / "my scenario.toml"
    assert main(["scenario", "write", "ussr-1928", str(mine)]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "report", "-s", str(mine), "--later", "none", "-f", "json")
    assert code == 0, err
    hints = [n for n in json.loads(out)["notes"] if "scenario show" in n]
    assert not any("scenario show ussr-1928'" in h for h in hints)
    assert len(hints) == 1 and f"scenario show {shlex.quote(str(mine))}'" in hints[0]
    code, out, err = run(capsys, "report", "--later", "none", "-f", "json")
    assert code == 0, err
    assert any("scenario show ussr-1928'" in n for n in json.loads(out)["notes"])
    # CSV holds the numbers only: no notes, so no hint to point anywhere
    code, out, err = run(capsys, "report", "-s", str(mine), "--later", "none", "-f", "csv")
    assert code == 0, err
    assert "scenario show" not in out
    # with intervals the notes name the file as well
    code, out, err = run(capsys, "report", "-s", str(mine), "--later", "none", "--draws", "2",
                         "-f", "json")
    assert code == 0, err
    hints = [n for n in json.loads(out)["notes"] if "scenario show" in n]
    assert len(hints) == 1 and f"scenario show {shlex.quote(str(mine))}'" in hints[0]

# ------------------------------------------------------------------------- exercises
def test_exercise_check_right_and_wrong(capsys) -> None:
    # worked example: exploitation, seed 0: v = 19/4, surplus = 21/4, e = 21/19
    code, out, err = run(capsys, "exercise", "exploitation", "--seed", "0", "--check",
                         "19/4, 21/4, 21/19")
    assert (code, err) == (0, "")
    assert out.startswith("right")
    assert bool(exercises.check("exploitation", 0, "19/4, 21/4, 21/19"))
    code, out, err = run(capsys, "exercise", "exploitation", "--seed", "0", "--check",
                         "v = 19/4; surplus = 5.25; e = 0.5")
    assert (code, err) == (0, "")
    assert out.startswith("wrong")
    assert "Step 3" in out and "--solution" in out


@pytest.mark.parametrize("junk", ["", "1e999999999", "x" * 100_000, "a=1, 2", "__import__('os')"])
def test_exercise_check_junk_is_one_line(capsys, junk) -> None:
    one_line_error(*run(capsys, "exercise", "exploitation", "--seed", "0", "--check", junk))


def test_exercise_prints_unicode_text_by_default_and_latex_on_request(capsys) -> None:
    code, out, _ = run(capsys, "exercise", "labour-values", "--seed", "1")
    assert code == 0
    assert "$" not in out and "\\frac" not in out
    assert "λ = l(I − A)⁻¹" in out
    code, out, _ = run(capsys, "exercise", "labour-values", "--seed", "1", "-f", "latex")
    assert "$" in out


# ------------------------------------------------------------------------- compare
def test_compare_shows_every_quantity_it_summarizes(capsys) -> None:
    code, out, err = run(capsys, "compare", "--no-progress", "--width", "200")
    assert code == 0, err
    cmp = ne.compare()
    assert "Constraints set by each variant (inputs, not results)" in out
    for label in cmp.constraints.columns:
        assert label in out
    # 1933: the terminal capacity that "heavy capacity growth" divides by
    terminal = cmp.heavy_capacity.index[-1]
    assert f"\n{terminal} " in out
    marks = cmp.at_bound
    floors = int((marks == "floor").to_numpy().sum())
    table_lines = [ln for ln in out.splitlines() if not ln.startswith("(floor) / (cap)")]
    assert sum(ln.count("(floor)") for ln in table_lines) == floors
    caps = int((marks == "cap").to_numpy().sum())
    assert sum(ln.count("(cap)") for ln in table_lines) == caps
    nep = marks["NEP continuation"]
    assert (nep != "").all()            # NEP's real wage is set by its constraint every year
    assert "Alternative optima:" in out
    alt = [n for n, f in cmp.alternative_optima.items() if f]
    for name in alt:
        assert repr(name) in out.split("Alternative optima:", 1)[1]
    code, out, _ = run(capsys, "compare", "--no-progress", "-f", "json")
    doc = json.loads(out)
    assert doc["alternative_optima"] == alt
    titles = [s["title"] for s in doc["sections"]]
    assert "Real wage held by a constraint" in titles


def test_compare_runs_variants_from_a_file(capsys, tmp_path) -> None:
    path = tmp_path / "v.toml"
    path.write_text('[[variant]]\nname = "milder"\nbased_on = "left course"\n'
                    'price_ratio = 0.9\n', encoding="utf-8")
    code, out, err = run(capsys, "compare", "--no-progress", "--variants", str(path),
                         "--variant", "left", "-f", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["variants"] == ["milder", "left course"]
    expected = ne.compare([*list(ne.load_variants(path)), ne.LEFT_COURSE])
    rows = {r["measure"]: r for r in
            next(s for s in doc["sections"] if s["title"] == "Results of the optimal plans")
            ["rows"]}
    assert rows["heavy capacity growth"]["milder"] == pytest.approx(
        expected.table.loc["milder", "heavy capacity growth"], rel=1e-9)
    bad = tmp_path / "bad.toml"
    bad.write_text('[[variant]]\nname = "x"\nprice_ratio = "0.9"\n', encoding="utf-8")
    one_line_error(*run(capsys, "compare", "--variants", str(bad)), "price_ratio")


def test_a_warning_is_one_line_without_its_source(capsys, monkeypatch) -> None:
    import warnings

    from nonequivalent.cli import commands

    def noisy(args, out) -> int:
        warnings.warn("the optimum is degenerate", UserWarning, stacklevel=1)
        out.write("ok\n")
        return 0

    monkeypatch.setattr(commands, "_cmd_scenario_keys", noisy)
    code, out, err = run(capsys, "scenario", "keys")
    assert (code, out) == (0, "ok\n")
    assert err == "nonequivalent: warning: the optimum is degenerate\n"


def test_a_non_finite_computation_is_an_error_not_a_table(capsys, tmp_path) -> None:
    # workers.number = 1e308 overflows the account; the command must not print NaN tables
    text = scenarios.dumps(scenarios.load("ussr-1928"))
    assert "\nnumber = 11.4\n" in text
    big = tmp_path / "big.toml"
    big.write_text(text.replace("\nnumber = 11.4\n", "\nnumber = 1e308\n"), encoding="utf-8")
    one_line_error(*run(capsys, "report", "-s", str(big), "--later", "none"), "not finite")


def test_scenario_list_keeps_the_year_a_number_in_json(capsys) -> None:
    code, out, _ = run(capsys, "scenario", "list", "-f", "json")
    assert code == 0
    rows = json.loads(out)["sections"][0]["rows"]
    assert {r["scenario"]: r["year"] for r in rows}["ussr-1928"] == \
        scenarios.load("ussr-1928").year == 1928


def test_sweep_on_a_terminal_draws_the_progress_bar() -> None:
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.run([sys.executable, "-m", "nonequivalent", "sweep", "--steps", "30",
                           "-o", os.devnull, "--force"], stderr=slave,
                          stdout=subprocess.DEVNULL, env=_clean_env(), timeout=120)
    os.close(slave)
    data = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:          # the terminal is closed: everything was read
            break
        if not chunk:
            break
        data += chunk
    os.close(master)
    assert proc.returncode == 0
    assert b"\rsweep:" in data and b"30/30" in data      # tqdm's frames, on a terminal only
