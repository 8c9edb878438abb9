"""Exercises on workers, the two-earner household and the sources of accumulation (§2.4–2.5)."""

from __future__ import annotations

import random

import sympy

from .. import exact
from ._base import (
    Exercise,
    Mistake,
    R,
    Steps,
    choice,
    dot_tex,
    make_exercise,
    num,
    part,
    register,
    tex,
    vec_tex,
)

_GOODS = ("bread", "cloth", "fuel")


# ---------------------------------------------------------------------- 11 exploitation
@register("exploitation", "Value of labour power v = λ·b and the rate of exploitation e.",
          "surplus labour h − v and e = (h − v)/v for a worker's daily basket",
          "workers")
def exploitation(rng: random.Random, seed: int) -> Exercise:
    """Value of labour power and rate of exploitation (Marx, Capital I, ch. 6 and 9)."""
    lam = sympy.ImmutableMatrix([choice(rng, (R(1, 4), R(1, 2), R(3, 4))),
                                 choice(rng, (R(1), R(3, 2), R(2))),
                                 choice(rng, (R(1, 2), R(1), R(2)))])
    h = choice(rng, (R(8), R(9), R(10)))
    while True:
        b = sympy.ImmutableMatrix([choice(rng, (R(2), R(3), R(4), R(6))),
                                   choice(rng, (R(1, 2), R(1), R(3, 2))),
                                   choice(rng, (R(1), R(2)))])
        v = exact.value_of_labour_power(lam, b)
        if 0 < v < h:
            break
    surplus = h - v
    e = exact.rate_of_exploitation(lam, b, h)
    lam_tex = vec_tex("\\lambda", lam)
    problem = (
        f"Labour values are ${lam_tex}$ hours per unit of bread (kg), "
        "cloth (m) and fuel (kg). A worker works "
        f"$h = {tex(h)}$ hours a day and the daily wage buys the basket ${vec_tex('b', b)}$. "
        "Find (a) the value of labour power $v = \\lambda \\cdot b$ in hours, (b) surplus "
        "labour $h - v$, and (c) the rate of exploitation $e = (h - v)/v$.")
    s = Steps()
    s1 = s.add("Value of labour power",
               f"$v = \\lambda \\cdot b = {dot_tex(lam, b)} = {tex(v)}$ hours: the part of the "
               "day in which the worker produces the equivalent of the wage.")
    s2 = s.add("Surplus labour", f"$h - v = {tex(h)} - {num(v)} = {tex(surplus)}$ hours.")
    s3 = s.add("Rate of exploitation",
               f"$e = (h - v)/v = {tex(surplus)}/{num(v)} = {tex(e)}$.")
    parts = [part("v", "v", v, s, s1, "value of labour power (hours per day)"),
             part("surplus", "h - v", surplus, s, s2, "surplus labour (hours per day)"),
             part("e", "e", e, s, s3, "rate of exploitation")]
    mistakes = [Mistake("e", v / surplus, "You inverted it: e = surplus / necessary labour."),
                Mistake("e", surplus / h, "Divide by the value of labour power v, not by h.")]
    return make_exercise("exploitation", seed, "The rate of exploitation", problem, s, parts,
                         {"values": lam, "basket": b, "hours": h, "goods": _GOODS},
                         mistakes)


# ---------------------------------------------------------------------- 12 two-earner
@register("two-earner",
          "The two-earner household: earners needed m0/(1 − δ) and family exploitation.",
          "how a real-wage cut with the basket kept raises family exploitation",
          "workers")
def two_earner(rng: random.Random, seed: int) -> Exercise:
    """Earners needed and family exploitation (Marx, Capital I, ch. 15 §3a)."""
    lam = sympy.ImmutableMatrix([choice(rng, (R(1, 4), R(1, 2))),
                                 choice(rng, (R(1), R(3, 2))),
                                 choice(rng, (R(1, 2), R(1)))])
    h = R(8)
    m0 = R(1)
    delta = choice(rng, (R(1, 2), R(1, 3), R(2, 5), R(1, 4), R(3, 5), R(2, 3)))
    while True:
        bf = sympy.ImmutableMatrix([choice(rng, (R(4), R(6), R(8))),
                                    choice(rng, (R(1), R(2))),
                                    choice(rng, (R(1), R(2), R(3)))])
        v = exact.value_of_labour_power(lam, bf)
        if 0 < v < m0 * h:
            break
    m1 = exact.earners_needed(m0, delta)
    whole = exact.earners_needed(m0, delta, whole=True)
    e0 = exact.family_exploitation(lam, bf, m0, h)
    e1 = exact.family_exploitation(lam, bf, m1, h)
    extra = (m1 - m0) * h
    lam_tex = vec_tex("\\lambda", lam)
    problem = (
        f"Labour values are ${lam_tex}$ hours per unit of bread, cloth and "
        f"fuel. A worker's family lives on the daily basket ${vec_tex('b_f', bf)}$ and, "
        f"before collectivization, one earner ($m_0 = 1$) working $h = {tex(h)}$ hours a day "
        f"could buy it. The real wage per earner is then cut by $\\delta = {tex(delta)}$ and "
        "the family keeps its basket. Find (a) the earners needed, $m_1 = m_0/(1 - \\delta)$, "
        "and the whole number of earners this means; (b) the family rate of exploitation "
        "$e_f = (m h - \\lambda \\cdot b_f)/\\lambda \\cdot b_f$ before the cut ($m = m_0$) "
        "and (c) after it ($m = m_1$); (d) the extra surplus labour the household supplies, "
        "$(m_1 - m_0) h$ hours a day.")
    s = Steps()
    s1 = s.add("Earners needed",
               f"Each earner's wage now buys ${tex(1 - delta)}$ of the basket, so "
               f"$m_1 = 1/(1 - {tex(delta)}) = {tex(m1)}$"
               + (f"; in whole earners, ${tex(whole)}$ (round up: a fraction of an earner "
                  "means part-time or seasonal waged work)." if whole != m1 else
                  f", exactly ${tex(whole)}$ earners."))
    s2 = s.add("Family exploitation before",
               f"$\\lambda \\cdot b_f = {dot_tex(lam, bf)} = {tex(v)}$ hours, so "
               f"$e_f = ({tex(m0 * h)} - {num(v)})/{num(v)} = {tex(e0)}$.")
    s3 = s.add("Family exploitation after",
               f"$e_f = ({tex(m1)} \\cdot {tex(h)} - {num(v)})/{num(v)} = {tex(e1)}$: the "
               "value of labour power is now spread over more hours sold (Marx, Capital I, "
               "ch. 15 §3a).")
    s4 = s.add("Extra surplus labour",
               f"$(m_1 - m_0) h = ({tex(m1)} - 1) \\cdot {tex(h)} = {tex(extra)}$ hours a day "
               "per household, obtained for the same basket.")
    parts = [part("m1", "m_1", m1, s, s1, "earners needed (exact)"),
             part("whole", "\\lceil m_1 \\rceil", whole, s, s1, "whole earners"),
             part("e_before", "e_f^{\\text{before}}", e0, s, s2, "family exploitation, m0"),
             part("e_after", "e_f^{\\text{after}}", e1, s, s3, "family exploitation, m1"),
             part("extra_hours", "(m_1 - m_0)h", extra, s, s4, "hours per day")]
    mistakes = [Mistake("m1", m0 * (1 + delta), "Not 1 + δ: each wage buys (1 − δ) of the "
                        "basket, so divide by (1 − δ)."),
                Mistake("m1", m0 * (1 - delta), "Divide by (1 − δ), do not multiply."),
                Mistake("e_after", e0, "Use m1 earners after the cut.")]
    return make_exercise("two-earner", seed, "The two-earner household", problem, s, parts,
                         {"values": lam, "family_basket": bf, "hours": h, "m0": m0,
                          "real_wage_cut": delta, "goods": _GOODS}, mistakes)


# ---------------------------------------------------------------------- 13 sources of accumulation
@register("accumulation-sources",
          "Sources of accumulation: a two-factor Shapley decomposition of F = N s.",
          "splitting a change in the accumulation fund into employment and surplus per worker",
          "workers")
def accumulation_sources(rng: random.Random, seed: int) -> Exercise:
    """Shapley decomposition of the change in F = N·s (Shapley 1953; Shorrocks 2013)."""
    N0 = R(rng.randint(8, 13))
    N1 = N0 + rng.randint(4, 12)
    s0 = R(50 * rng.randint(4, 10))
    s1 = s0 + 50 * rng.randint(1, 8)
    F0, F1 = N0 * s0, N1 * s1
    cN, cs = exact.shapley_two_factor(lambda a, b: a * b, N0, N1, s0, s1)
    share = cN / (F1 - F0)
    problem = (
        "The state's accumulation fund from wage labour is $F = N s$: employment $N$ "
        "(million workers) times surplus labour per worker $s$ (hours a year). Between the "
        f"base year and the end of the plan, employment rose from $N_0 = {tex(N0)}$ to "
        f"$N_1 = {tex(N1)}$ (new earners: migrants and women entering waged work) and surplus "
        f"per worker from $s_0 = {tex(s0)}$ to $s_1 = {tex(s1)}$ (the real-wage cut). The "
        "numbers are illustrative. Find (a) the change $\\Delta F$ in million hours; (b) the "
        "Shapley contributions $C_N$ of employment and $C_s$ of surplus per worker; "
        "(c) the share of employment $C_N / \\Delta F$.")
    s = Steps()
    s1_ = s.add("Change in the fund",
                f"$F_0 = {tex(N0)} \\cdot {tex(s0)} = {tex(F0)}$, $F_1 = {tex(N1)} \\cdot "
                f"{tex(s1)} = {tex(F1)}$, so $\\Delta F = {tex(F1 - F0)}$ million hours.")
    s2_ = s.add("Shapley contributions",
                "Average the effect of each factor over both orders of change: "
                "$C_N = \\tfrac12[(N_1 - N_0)s_0 + (N_1 - N_0)s_1] = (N_1 - N_0)"
                f"\\frac{{s_0 + s_1}}{{2}} = {tex(N1 - N0)} \\cdot {tex((s0 + s1) / 2)} = "
                f"{tex(cN)}$ and $C_s = (s_1 - s_0)\\frac{{N_0 + N_1}}{{2}} = "
                f"{tex(s1 - s0)} \\cdot {tex((N0 + N1) / 2)} = {tex(cs)}$. They sum to "
                f"$\\Delta F = {tex(cN + cs)}$ exactly.")
    s3_ = s.add("Shares", f"$C_N / \\Delta F = {tex(share)}$ and $C_s / \\Delta F = "
                f"{tex(1 - share)}$; the shares sum to one.")
    parts = [part("dF", "\\Delta F", F1 - F0, s, s1_, "change in the fund (million hours)"),
             part("C_N", "C_N", cN, s, s2_, "contribution of employment"),
             part("C_s", "C_s", cs, s, s2_, "contribution of surplus per worker"),
             part("share_N", "C_N/\\Delta F", share, s, s3_, "share of employment")]
    mistakes = [Mistake("C_N", (N1 - N0) * s0, "That values the employment change at base-year "
                        "surplus only; average over both orders (s0 and s1)."),
                Mistake("C_N", (N1 - N0) * s1, "That values the employment change at end-year "
                        "surplus only; average over both orders (s0 and s1)."),
                Mistake("C_s", (s1 - s0) * N0, "Average over both orders (N0 and N1)."),
                Mistake("C_s", (s1 - s0) * N1, "Average over both orders (N0 and N1).")]
    return make_exercise("accumulation-sources", seed, "Sources of accumulation", problem, s,
                         parts, {"N0": N0, "N1": N1, "s0": s0, "s1": s1}, mistakes)

