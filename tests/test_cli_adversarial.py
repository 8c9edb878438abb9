"""Junk and extreme-but-valid input to every subcommand of the ``nonequivalent`` command.

Each run must either succeed (exit 0, output with no non-finite number, nothing on
standard error but the command's own one-line notes) or refuse (exit 2, nothing on
standard output, exactly one line on standard error, no traceback). Runs are in-process
(:func:`nonequivalent.cli.main`); the examples per subcommand are few, so the module runs
in well under a minute.
"""

from __future__ import annotations

import io
import itertools
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nonequivalent import scenarios
from nonequivalent.cli import main

SETTINGS = settings(max_examples=12, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])

#: Tokens a hostile or careless user types for a number, a name or a path.
JUNK = ["", " ", "-", "--", "nan", "NaN", "inf", "-inf", "1e309", "-1e309", "0", "-0", "-1",
        "1e-13", "1e-320", "9" * 400, "0x10", "1_000", "½", "١٢", "\x00", "a\x00b", "../",
        "/", ".", "é", "--help", "=1+2", "@SUM(A1)", "None", "[]", "{}", "$(echo hi)"]
junk = st.one_of(st.sampled_from(JUNK), st.text(max_size=12))
number = st.one_of(
    st.sampled_from(JUNK),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(min_value=1e-6, max_value=1e6).map(repr),
    st.integers(-10**30, 10**30).map(str))
small_int = st.one_of(st.integers(-3, 60).map(str), st.sampled_from(JUNK))

_counter = itertools.count()
_NON_FINITE = re.compile(r"(?<![A-Za-z])(nan|NaN|inf|Infinity)(?![A-Za-z])")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("adversarial")


def scenario_text() -> str:
    return scenarios.dumps(scenarios.load("ussr-1928"))


@st.composite
def scenario_file_text(draw: st.DrawFn) -> str:
    """A scenario file: valid with one number replaced, truncated, or junk."""
    text = scenario_text()
    kind = draw(st.sampled_from(["number", "truncate", "junk", "valid", "deep"]))
    if kind == "valid":
        return text
    if kind == "truncate":
        return text[:draw(st.integers(0, len(text)))]
    if kind == "junk":
        return draw(st.text(max_size=200))
    if kind == "deep":
        depth = draw(st.integers(1, 3000))
        return text + "\nextra = " + "[" * depth + "]" * depth + "\n"
    # a number that is a value, not a digit quoted inside a source or reason string
    spots = [m for m in re.finditer(r"(?<== )-?\d[\d.e+-]*", text)
             if text[text.rfind("\n", 0, m.start()) + 1:m.start()].count('"') % 2 == 0]
    spot = draw(st.sampled_from(spots))
    value = draw(st.sampled_from(["1e308", "-1e308", "0", "-1", "1e-300", "0.0", "nan",
                                  "inf", "9" * 400, "1e15", "-0.5", "2", "\"1\"", "true"]))
    return text[:spot.start()] + value + text[spot.end():]


def write(workdir: Path, text: str, suffix: str = ".toml") -> str:
    path = workdir / f"f{next(_counter)}{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return str(path)


def check(argv: list[str]) -> tuple[int, str, str]:
    """Run the command and assert the contract; return (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    out_s, err_s = out.getvalue(), err.getvalue()
    assert "Traceback" not in err_s, (argv, err_s)
    assert "Warning:" not in err_s, (argv, err_s)          # no raw Python warning lines
    if code == 0:
        assert not _NON_FINITE.search(out_s), (argv, _NON_FINITE.search(out_s))
        for line in err_s.splitlines():
            assert line.startswith("nonequivalent"), (argv, err_s)
    else:
        assert code == 2, (argv, code, err_s)
        assert out_s == "", (argv, out_s[:200])
        lines = err_s.strip("\n").split("\n")
        assert len(lines) == 1 and lines[0].startswith("nonequivalent"), (argv, err_s)
        assert "row_upper" not in err_s and "col_lower" not in err_s, err_s
    return code, out_s, err_s


formats = st.sampled_from(["text", "markdown", "json", "csv"])


@SETTINGS
@given(data=st.data())
def test_report(workdir, data) -> None:
    scen = data.draw(st.one_of(st.sampled_from(["ussr-1928", "ussr-1932"]), junk,
                               scenario_file_text().map(lambda t: write(workdir, t))))
    argv = ["report", "-s", scen, "--later", data.draw(st.sampled_from(["none", "ussr-1932"])),
            "-f", data.draw(formats)]
    if data.draw(st.booleans()):
        argv += ["--width", data.draw(small_int)]
    check(argv)


@pytest.mark.parametrize("value", ["1e308", "1e-300"])
def test_report_with_each_number_of_the_scenario_extreme(workdir, value) -> None:
    """Every number of the scenario file in turn set to an extreme (but valid TOML) value."""
    text = scenario_text()
    spots = list(re.finditer(r"(?<=\n)([a-z_]+ = )(-?\d[\d.e+-]*)\n", text))
    assert len(spots) > 10
    for spot in spots:
        mutated = text[:spot.start(2)] + value + text[spot.end(2):]
        code, out, _ = check(["report", "-s", write(workdir, mutated), "--later", "none"])
        assert code == 2 or "—" not in out      # "—": a number that is not finite


@SETTINGS
@given(lo=number, hi=number, steps=small_int)
def test_sweep(lo, hi, steps) -> None:
    code, out, _ = check(["sweep", "--ratio-min", lo, "--ratio-max", hi, "--steps", steps,
                          "--no-progress"])
    if code == 0:
        rows = out.strip().split("\n")[1:]
        assert len(rows) == int(steps)
        for row in rows:
            for cell in row.split(","):
                assert float(cell) == float(cell) and abs(float(cell)) != float("inf")


@SETTINGS
@given(lo=st.floats(min_value=1e-6, max_value=1e6), factor=st.floats(1.0, 1e3),
       steps=st.integers(2, 50))
def test_sweep_extreme_but_valid_ratios(lo, factor, steps) -> None:
    hi = min(lo * factor, 1e6)
    code, _out, _err = check(["sweep", "--ratio-min", repr(lo), "--ratio-max", repr(hi),
                            "--steps", str(steps), "--no-progress"])
    assert code in (0, 2)


@settings(max_examples=4, deadline=None, derandomize=True)
@given(years=st.one_of(st.integers(-2, 6).map(str), st.sampled_from(JUNK)),
       variant=st.one_of(st.sampled_from(["left", "NEP", "maximum", "course"]), junk))
def test_compare(years, variant) -> None:
    check(["compare", "--years", years, "--variant", variant, "--no-progress", "-f", "csv"])


@settings(max_examples=4, deadline=None, derandomize=True)
@given(data=st.data())
def test_compare_variants_file(workdir, data) -> None:
    value = data.draw(st.sampled_from(["0.9", "-1", "1e308", "nan", "\"x\"", "0", "[]"]))
    key = data.draw(st.sampled_from(["price_ratio", "real_wage_floor", "subsistence",
                                     "discount", "nonsense"]))
    text = data.draw(st.one_of(
        st.just(f'[[variant]]\nname = "v"\nbased_on = "left course"\n{key} = {value}\n'),
        st.text(max_size=80)))
    check(["compare", "--variants", write(workdir, text), "--no-progress", "--years", "5"])


@SETTINGS
@given(data=st.data())
def test_scenario(workdir, data) -> None:
    action = data.draw(st.sampled_from(["list", "show", "write", "upgrade", "keys"]))
    name = data.draw(st.one_of(st.sampled_from(["ussr-1928", "ussr-1932"]), junk,
                               scenario_file_text().map(lambda t: write(workdir, t))))
    if action in ("list", "keys"):
        argv = ["scenario", action]
    elif action == "write":
        target = data.draw(st.one_of(junk, st.just(str(workdir / f"w{next(_counter)}.toml"))))
        argv = ["scenario", "write", name, target]
    else:
        argv = ["scenario", action, name]
    if action in ("list", "show"):
        argv += ["-f", data.draw(formats)]
    check(argv)


@SETTINGS
@given(name=st.one_of(st.sampled_from(["real_wages", "list"]), junk), fmt=formats,
       show=st.booleans())
def test_data(name, fmt, show) -> None:
    check(["data", "show", name, "-f", fmt] if show else ["data", "list", "-f", fmt])


@SETTINGS
@given(topic=st.one_of(st.sampled_from(["exploitation", "tribute", "scissors", "list"]),
                       junk),
       seed=small_int, answer=st.one_of(st.none(), junk, st.sampled_from(
           ["19/4, 21/4, 21/19", "1e999999999", "x = 1", "1/0", "1, 2, 3, 4, 5, 6"])))
def test_exercise(topic, seed, answer) -> None:
    argv = ["exercise", topic, "--seed", seed]
    if answer is not None:
        argv += ["--check", answer]
    check(argv)


@settings(max_examples=6, deadline=None, derandomize=True)
@given(table=st.one_of(junk, st.just("/")), year=small_int)
def test_global(table, year) -> None:
    check(["global", table, "--year", year])


@settings(max_examples=3, deadline=None, derandomize=True)
@given(blocs=st.one_of(st.none(), junk), fmt=formats, width=st.sampled_from(["40", "1000"]))
def test_global_test_system(blocs, fmt, width) -> None:
    argv = ["global", "-f", fmt, "--width", width]
    if blocs is not None:
        argv += ["--blocs", blocs]
    check(argv)


@SETTINGS
@given(argv=st.lists(junk, max_size=4))
def test_top_level_junk(argv) -> None:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    assert "Traceback" not in err.getvalue()
    assert code in (0, 2)
    if code == 2:
        assert len(err.getvalue().strip("\n").split("\n")) == 1
