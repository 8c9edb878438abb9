"""Exercise generators: self-consistency, answer checking, agreement with the float library."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
import scipy.optimize
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import nonequivalent as ne
from nonequivalent import exercises

TOPICS = exercises.list()
SEEDS = st.integers(0, 10**6)
PER_TOPIC = settings(max_examples=30)
REL = 1e-9


def f(x) -> float:
    return float(sympy.N(x, 17))


def fv(M) -> np.ndarray:
    return np.array([f(v) for v in M], dtype=float)


def fm(M) -> np.ndarray:
    return np.array(M.tolist(), dtype=float)


# ---------------------------------------------------------------------- float recomputations
def _eco(d, labour=None) -> ne.Economy:
    A = fm(d["A"])
    lab = labour if labour is not None else fv(d["labour"]) if "labour" in d else np.ones(
        A.shape[0])
    return ne.Economy(A, labour=lab, sectors=list(d.get("sectors", range(A.shape[0]))))


def _goods_economy(values, goods) -> ne.Economy:
    n = len(goods)
    return ne.Economy(np.zeros((n, n)), labour=fv(values), sectors=list(goods))


def float_gross_output(d):
    x = _eco(d).gross_output(fv(d["y"])).to_numpy()
    return {f"x_{i + 1}": v for i, v in enumerate(x)}


def float_labour_values(d):
    eco = _eco(d)
    lam = eco.labour_values().to_numpy()
    out = {f"lambda_{i + 1}": v for i, v in enumerate(lam)}
    out["total"] = float(lam @ fv(d["y"]))
    return out


def float_values_by_kind(d):
    eco = _eco(d, labour={k: fv(v) for k, v in d["labour"].items()})
    lp, lw = eco.labour_values("peasant").to_numpy(), eco.labour_values("worker").to_numpy()
    return {"lambda_P_1": lp[0], "lambda_P_2": lp[1], "lambda_W_1": lw[0],
            "lambda_W_2": lw[1], "share": lp[1] / (lp[1] + lw[1])}


def float_cost_push(d):
    p = ne.cost_push_prices(_eco(d), fv(d["v"])).to_numpy()
    return {f"p_{i + 1}": v for i, v in enumerate(p)}


def float_production_prices(d):
    eco = _eco(d)
    first = eco.sectors[0]
    w0 = ne.production_prices(eco, 0.0, numeraire=first).wage
    pp = ne.production_prices(eco, f(d["r"]), numeraire=first)
    return {"R": eco.max_profit_rate, "w_0": w0, "w_r": pp.wage,
            "p_2": float(pp.prices.iloc[1])}


def float_melt(d):
    eco = _eco(d)
    ni = ne.new_interpretation(eco, fv(d["prices"]), fv(d["y"]), wage=f(d["wage"]))
    return {"L": ni.hours, "mu": ni.melt, "S": ni.surplus_value, "profit": ni.profit}


def _account(d, goods, taxes=0.0):
    eco = _goods_economy(d.get("values", sympy.ones(len(goods), 1)), goods)
    group = ne.Group("peasants", sells=dict(zip(goods, fv(d["sells"]), strict=True)),
                     buys=dict(zip(goods, fv(d["buys"]), strict=True)), taxes=taxes)
    bench = d.get("benchmark", d["prices"])
    acc = ne.exchange_account(eco, group, pd.Series(fv(d["prices"]), index=list(goods)),
                              ne.given_benchmark(pd.Series(fv(bench), index=list(goods)),
                                                 "benchmark"))
    return acc.by_group.loc["peasants"]


def float_labour_transfer(d):
    row = _account(d, ("grain", "cloth"))
    return {"given": row["labour_given"], "received": row["labour_received"],
            "transfer": row["labour_transfer"], "ratio": row["nonequivalence_ratio"]}


def float_tribute(d):
    row = _account(d, d["goods"], f(d["taxes"]))
    return {"underpayment": row["underpayment"], "overpayment": row["overpayment"],
            "tribute": row["tribute"]}


def float_scissors(d):
    sigma = ne.scissors_index(pd.Series([100.0, f(d["Pm"])], index=[1913, 1923]),
                              pd.Series([100.0, f(d["Pa"])], index=[1913, 1923]),
                              base=1913).loc[1923]
    return {"sigma": sigma,
            "transfer": ne.two_good_transfer(f(d["benchmark_price"]), f(d["quantity"]), sigma)}


def float_squeeze(d):
    resp = ne.IsoelasticResponse(f(d["q0"]), f(d["p0"]), f(d["elasticity"]))
    opt = ne.squeeze_optimum(resp, f(d["benchmark_price"]))
    return {"p_star": opt.price, "E_star": opt.extraction,
            "E_harsh": float(ne.extraction(resp, f(d["benchmark_price"]),
                                           f(d["harsh_price"])))}


def float_exploitation(d):
    eco = _goods_economy(d["values"], d["goods"])
    basket = dict(zip(d["goods"], fv(d["basket"]), strict=True))
    acc = ne.worker_account(eco, ne.Worker(hours=f(d["hours"]), wage=1.0, basket=basket))
    return {"v": acc.value_of_labour_power, "surplus": acc.surplus_labour,
            "e": acc.rate_of_exploitation}


def float_two_earner(d):
    eco = _goods_economy(d["values"], d["goods"])
    basket = dict(zip(d["goods"], fv(d["family_basket"]), strict=True))
    en = ne.earners_needed(f(d["m0"]), f(d["real_wage_cut"]))
    h = f(d["hours"])

    def e_f(m):
        hh = ne.Household(members=4, earners=m, hours_per_earner=h, basket=basket)
        return ne.household_account(eco, hh).rate_of_exploitation

    return {"m1": en.fractional, "whole": en.whole, "e_before": e_f(f(d["m0"])),
            "e_after": e_f(en.fractional), "extra_hours": en.extra_fractional * h}


def float_accumulation(d):
    base = {"N": f(d["N0"]), "s": f(d["s0"])}
    later = {"N": f(d["N1"]), "s": f(d["s1"])}
    c = ne.shapley_decomposition(lambda v: v["N"] * v["s"], base, later)
    dF = later["N"] * later["s"] - base["N"] * base["s"]
    return {"dF": dF, "C_N": c["N"], "C_s": c["s"], "share_N": c["N"] / dF}


def float_plan(d):
    c, lab = fv(d["c"]), fv(d["labour"])
    res = scipy.optimize.linprog(-c, A_ub=[lab, [1.0, 0.0]], b_ub=[f(d["L"]), f(d["K"])],
                                 bounds=[(0, None), (0, None)], method="highs")
    assert res.status == 0
    duals = -res.ineqlin.marginals  # HiGHS reports d(min)/d(b) <= 0 for a maximization
    return {"x1": res.x[0], "x2": res.x[1], "value": -res.fun, "y_L": duals[0],
            "y_K": duals[1]}


FLOAT = {
    "gross-output": float_gross_output,
    "labour-values": float_labour_values,
    "values-by-kind": float_values_by_kind,
    "cost-push-prices": float_cost_push,
    "production-prices": float_production_prices,
    "melt": float_melt,
    "labour-transfer": float_labour_transfer,
    "tribute": float_tribute,
    "scissors": float_scissors,
    "squeeze": float_squeeze,
    "exploitation": float_exploitation,
    "two-earner": float_two_earner,
    "accumulation-sources": float_accumulation,
    "plan-lp": float_plan,
}


def test_registry_covers_every_model():
    assert set(FLOAT) == set(TOPICS)
    assert len(TOPICS) >= 12
    assert list(exercises.topics()) == TOPICS
    assert all(isinstance(d, str) and d for d in exercises.topics().values())


# ---------------------------------------------------------------------- per-topic properties
def _perturb(value: sympy.Expr) -> sympy.Expr:
    return value + sympy.Rational(1, 7) * (abs(value) + 1)


@pytest.mark.parametrize("topic", TOPICS)
@PER_TOPIC
@given(seed=SEEDS, data=st.data())
def test_exercise_properties(topic, seed, data):
    ex = exercises.generate(topic, seed)
    assert ex.topic == topic and ex.seed == seed
    # the worked answer passes its own check, exactly and as floats, as list, dict, strings
    assert ex.check(ex.answer).correct
    assert ex.check(ex.answer_float)
    assert ex.check([p.value for p in ex.required])
    assert ex.check([str(p.value) for p in ex.parts])  # "p/q" strings read by Fraction
    assert ex.check({p.name.upper(): p.float_value for p in ex.required})
    # a perturbed value fails and names its step
    idx = data.draw(st.integers(0, len(ex.parts) - 1))
    bad = dict(ex.answer)
    target = ex.parts[idx]
    bad[target.name] = _perturb(target.value)
    res = ex.check(bad)
    assert not res.correct and not bool(res)
    assert res.wrong == (target.name,)
    assert res.steps == (target.step,)
    assert f"Step {target.step}: {target.step_title}" in res.message
    assert f"your {target.name} =" in res.message
    # exact and float results agree (library functions where they exist, else numpy)
    ref = FLOAT[topic](ex.data)
    for p in ex.parts:
        assert np.isclose(p.float_value, ref[p.name], rtol=REL, atol=REL), (p.name, ref)
    # determinism
    again = exercises.generate(topic, seed)
    assert again == ex
    assert exercises.render(again, True) == exercises.render(ex, True)


@pytest.mark.parametrize("topic", TOPICS)
def test_render_and_frame(topic):
    ex = exercises.generate(topic, 0)
    text = exercises.render(ex)
    assert text.startswith(f"# {ex.title}") and ex.problem in text
    assert "## Solution" not in text and "Answer with:" in text
    sol = exercises.render(ex, solution=True)
    assert "## Solution" in sol and "**Step 1." in sol and "**Answer.**" in sol
    frame = ex.to_frame()
    assert list(frame.index) == [p.name for p in ex.parts]
    assert np.allclose(frame["value"].to_numpy(), [p.float_value for p in ex.parts])
    assert ex.title in str(ex) and "Answer with:" in ex.summary()
    # every part refers to a step that exists in the solution
    for p in ex.parts:
        assert f"**Step {p.step}. {p.step_title}.**" in ex.solution


def test_different_seeds_differ():
    problems = {exercises.generate("tribute", s).problem for s in range(10)}
    assert len(problems) > 5


# ---------------------------------------------------------------------- answer reading
def test_tolerance_rules():
    ex = exercises.generate("gross-output", 1)
    vals = [p.value for p in ex.parts]
    # floats within the relative tolerance pass ...
    assert ex.check([f(v) * (1 + 1e-8) for v in vals])
    assert ex.check([f"{f(v):.12f}" for v in vals])
    # ... beyond it they fail
    assert not ex.check([f(v) * (1 + 1e-4) for v in vals])
    # fractions are exact: a nearby fraction fails even within the float tolerance
    near = [Fraction(int(v.p), int(v.q)) + Fraction(1, 10**9) for v in vals]
    assert not ex.check(near)
    assert ex.check([Fraction(int(v.p), int(v.q)) for v in vals])


def test_mistake_hints():
    ex = exercises.generate("gross-output", 2)
    y = list(ex.data["y"])
    res = ex.check(y)
    assert not res.correct and "That is final demand" in res.message
    ex = exercises.generate("tribute", 5)
    ans = dict(ex.answer)
    ans["tribute"] = ans["underpayment"] + ans["overpayment"]
    assert "left out the direct taxes" in ex.check(ans).message


def test_optional_parts():
    ex = exercises.generate("plan-lp", 4)
    req = [p.value for p in ex.required]
    assert len(req) == 3 and len(ex.parts) == 5
    assert ex.check(req)
    assert ex.check({"x1": req[0], "x2": req[1], "value": req[2]})
    wrong_dual = dict(ex.answer)
    wrong_dual["y_L"] += 1
    res = ex.check(wrong_dual)
    assert not res and res.wrong == ("y_L",) and "Shadow prices" in res.message


def test_missing_part_is_reported():
    ex = exercises.generate("scissors", 3)
    res = ex.check({"sigma": ex.answer["sigma"]})
    assert not res and res.wrong == ("transfer",) and "transfer is missing" in res.message


@pytest.mark.parametrize("bad", ["2**3", "__import__('os')", "x", True, None, float("nan"),
                                 object()])
def test_unreadable_answers_raise(bad):
    ex = exercises.generate("scissors", 0)
    with pytest.raises(ne.ExerciseError):
        ex.check([bad, 1])


def test_answer_shape_errors():
    ex = exercises.generate("scissors", 0)
    with pytest.raises(ne.ExerciseError, match=r"asks for 2 .*e.g. '3/4, 11 7/8'"):
        ex.check([1, 2, 3])
    with pytest.raises(ne.ExerciseError, match="asks for 2 values"):
        ex.check(5)
    with pytest.raises(ne.ExerciseError, match=r"no part called 'tau'.*sigma, transfer"):
        ex.check({"sigma": 1, "tau": 2})


def test_answer_containers():
    ex = exercises.generate("cost-push-prices", 0)
    vals = [p.value for p in ex.parts]
    assert ex.check(np.array([f(v) for v in vals]))
    assert ex.check(sympy.Matrix(vals))
    assert ex.check(pd.Series({p.name: p.float_value for p in ex.parts}))
    assert ex.check(["\u2212" + str(-v) if v < 0 else str(v) for v in vals])


def test_generate_errors():
    with pytest.raises(ne.ExerciseError, match="gross-output"):
        exercises.generate("no-such-topic", 0)
    for seed in (-1, 1.5, "3", True):
        with pytest.raises(ne.ExerciseError, match="seed"):
            exercises.generate("melt", seed)


def test_exercise_is_frozen():
    ex = exercises.generate("melt", 0)
    with pytest.raises(AttributeError):
        ex.seed = 3
    with pytest.raises(TypeError):
        ex.data["A"] = None


# ---------------------------------------------------------------------- terminal text
@pytest.mark.parametrize("topic", exercises.list())
def test_problems_render_as_readable_unicode_text(topic):
    import re

    for seed in (0, 3):
        ex = exercises.generate(topic, seed)
        for text in (exercises.render(ex, format="text"),
                     exercises.render(ex, solution=True, format="text"), str(ex)):
            assert not re.search(r"\\[A-Za-z]+|\$|[{}]|\*\*", text), text
        assert ex.title in exercises.render(ex, format="text")
        # LaTeX math kept for the latex (and markdown) format; latex is LaTeX, not markdown
        assert exercises.render(ex, format="latex") != exercises.render(ex)
        assert "$" in exercises.render(ex, solution=True, format="latex")


def test_text_rendering_by_hand():
    from nonequivalent.exercises._text import to_text

    assert to_text(r"$\lambda = l(I - A)^{-1}$") == "λ = l(I − A)⁻¹"
    assert to_text(r"$\frac{1}{10}\lambda_1 + x_{12}$") == "(1/10)λ₁ + x₁₂"
    assert to_text(r"$\begin{pmatrix} 1 & \frac{1}{2} \\ 0 & 3 \end{pmatrix}$") \
        == "[1, 1/2; 0, 3]"
    assert to_text(r"$y = \begin{pmatrix} 1 \\ 2 \end{pmatrix}$") == "y = (1, 2)ᵀ"
    assert to_text(r"**Step 1.** $p^e_a$ and $\sqrt{2}$") == "**Step 1.** pᵉₐ and √2"


def test_render_rejects_unknown_formats():
    ex = exercises.generate("scissors", 0)
    with pytest.raises(ne.ExerciseError, match="format"):
        exercises.render(ex, format="html")
    with pytest.raises(ne.ExerciseError):
        exercises.render("scissors")
    assert "\n" not in repr(ex)


# ---------------------------------------------------------------------- checking text answers
def test_check_reads_text_answers_right_and_wrong():
    ex = exercises.generate("exploitation", 0)
    right = ", ".join(str(v) for v in ex.answer.values())
    assert exercises.check("exploitation", 0, right).correct
    named = "; ".join(f"{k} = {v}" for k, v in ex.answer.items())
    assert exercises.check("exploitation", 0, named).correct
    wrong = exercises.check("exploitation", 0, "19/4, 21/4, 0.5")
    assert not wrong.correct and wrong.wrong == ("e",) and "Step 3" in wrong.message


@pytest.mark.parametrize("junk", ["", "   ", "abc", "1e999999999", "1" * 20_000,
                                  "9" * 1200, "x=1, 2", "e = 1; e = 2", "__import__('os')",
                                  "1/0, 2, 3", "nan, inf, 1", "1e-999999999, 1, 1",
                                  "2**10, 1, 1", "(1, 2, 3)", "a = 1 = 2"])
def test_junk_answers_raise_an_exercise_error_quickly(junk):
    import time

    t0 = time.perf_counter()
    with pytest.raises(ne.ExerciseError):
        exercises.check("exploitation", 0, junk)
    assert time.perf_counter() - t0 < 2.0  # a guard against a hang, not a speed target


@pytest.mark.parametrize("junk", [object(), [object()], {"v": [1]}, 1 + 2j, [[1, 2]],
                                  sympy.Symbol("x"), sympy.oo, sympy.nan, sympy.I,
                                  {1: 2}, b"19/4"])
def test_exercise_check_turns_junk_into_an_exercise_error(junk):
    ex = exercises.generate("exploitation", 0)
    with pytest.raises(ne.ExerciseError):
        ex.check(junk)


def test_an_eleven_character_answer_cannot_stall_a_grader():
    ex = exercises.generate("squeeze", 0)
    with pytest.raises(ne.ExerciseError, match=r"exponent .* too large"):
        ex.check({"p_star": "1e999999999"})


def test_text_fraction_before_a_closing_delimiter_is_not_bracketed():
    from nonequivalent.exercises._text import to_text

    assert to_text(r"$l = \left(2, \frac{1}{2}\right)$") == "l = (2, 1/2)"
    # a fraction followed by a symbol keeps its brackets: 1/10λ₁ would read as 1/(10λ₁)
    assert to_text(r"$\frac{1}{10}\lambda_1$") == "(1/10)λ₁"


# ------------------------------------------------------------- the checker accepts every
# right answer: exact, as printed by the solution, rounded to 4 figures
def _printed_answers(ex):
    """The values the text solution prints on its Answer line, part by part (exact text
    and the "≈" decimal where there is one)."""
    line = next(ln for ln in ex.solution_text.splitlines() if ln.startswith("Answer."))
    items = line[len("Answer."):].strip().rstrip(".").split("; ")
    assert len(items) == len(ex.parts), (line, [p.name for p in ex.parts])
    out = []
    for item in items:
        value = item.split(" = ", 1)[1]
        exact, _, approx = value.partition(" (≈ ")
        out.append((exact.strip(), approx.rstrip(")").strip() or None))
    return out


def _mixed(value):
    from fractions import Fraction

    f = Fraction(int(value.p), int(value.q))
    whole, rest = divmod(abs(f), 1)
    sign = "−" if f < 0 else ""
    return f"{sign}{whole} {rest.numerator}/{rest.denominator}" if whole and rest else str(f)


@pytest.mark.parametrize("topic", exercises.list())
def test_checker_accepts_every_right_answer_and_rejects_one_percent_off(topic):
    from nonequivalent.exercises import _parse_answer
    from nonequivalent.exercises._text import to_text

    for seed in range(200):
        ex = exercises.generate(topic, seed)
        parts = ex.parts
        assert ex.check(ex.answer), (topic, seed)
        printed = _printed_answers(ex)
        readable = [exact for exact, _ in printed if "√" not in exact]
        if len(readable) == len(parts):  # the exact values as printed (text format)
            assert ex.check(_parse_answer(", ".join(readable))), (topic, seed, readable)
        decimals = [approx or exact for exact, approx in printed]
        if all("√" not in d for d in decimals):  # the solution's own decimals
            res = ex.check(_parse_answer(", ".join(decimals)))
            assert res, (topic, seed, decimals, res.message)
        four = [f"{p.float_value:.4g}" for p in parts]  # rounded to 4 significant figures
        res = ex.check(_parse_answer("; ".join(four)))
        assert res, (topic, seed, four, res.message)
        mixed = {to_text(f"${p.symbol}$"): (_mixed(p.value) if p.value.is_Rational
                                            else f"{p.float_value:.6g}") for p in parts}
        if len(set(mixed)) == len(parts):  # names as printed, values as mixed numbers
            text = "; ".join(f"{k} = {v}" for k, v in mixed.items())
            assert ex.check(_parse_answer(text)), (topic, seed, text)
        for p in parts:  # one part 1 % off: rejected, with its step named
            if p.float_value == 0:
                continue
            off = {q.name: (f"{q.float_value * 1.01:.10g}" if q is p else q.value)
                   for q in parts}
            res = ex.check(off)
            assert not res and res.wrong == (p.name,) and res.steps == (p.step,), (
                topic, seed, p.name, res.message)
            assert f"Step {p.step}: {p.step_title}" in res.message


def test_rounded_answer_says_so_and_shows_the_exact_value():
    res = exercises.check("tribute", 3, "72, 11 7/8, 98.88")
    assert res and "right to 4 significant figures; exactly 791/8" in res.message
    res = exercises.check("tribute", 3, "72, 11 7/8, 98.9")
    assert not res and "only in the rounding" in res.message
    assert exercises.check("tribute", 3, "72, 11 7/8, 98 7/8")
    with pytest.raises(ne.ExerciseError, match=r"cannot read 'abc' as a number.*e\.g\."):
        exercises.check("values-by-kind", 2, "abc")
    assert exercises.check("values-by-kind", 2,
                           "λᴾ₁ = 25/6; λᴾ₂ = 1.66667; λᵂ₁ = 5/12; λᵂ₂ = 2.167; share = 43.48%")
    with pytest.raises(ne.ExerciseError, match="not a share or a rate"):
        exercises.check("tribute", 3, "72, 11 7/8, 9887.5%")


@pytest.mark.parametrize("text, value", [
    ("11 7/8", "95/8"), ("−2 1/3", "-7/3"), ("1,234.5", "2469/2"), ("1 234", "1234"),
    ("1.2e3", "1200"), ("1.2×10^3", "1200"), ("-.5", "-1/2"), ("45%", "9/20"),
    ("3 / 4", "3/4")])
def test_number_grammar(text, value):
    from fractions import Fraction

    from nonequivalent.exercises._answers import parse_number

    assert parse_number(text).value == Fraction(value)
