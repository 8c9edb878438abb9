"""Exercises on non-equivalent exchange, the tribute, the scissors and the squeeze (§2.3)."""

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


# ---------------------------------------------------------------------- 7 labour transfer
@register("labour-transfer",
          "Non-equivalent exchange: labour given and received, transfer and ratio E.",
          "Preobrazhensky's labour transfer T = λ·s − λ·d and the ratio E = λ·s / λ·d",
          "exchange")
def labour_transfer(rng: random.Random, seed: int) -> Exercise:
    """Labour transfer of the peasantry (Preobrazhensky, The New Economics, 1926, ch. 2)."""
    lam = sympy.ImmutableMatrix([choice(rng, (R(1, 2), R(3, 4), R(1), R(5, 4), R(3, 2))),
                                 choice(rng, (R(1), R(3, 2), R(2), R(5, 2), R(3)))])
    # relative price of grain below its labour-value ratio: the peasants are underpaid
    ratio_value = lam[0] / lam[1]
    pc = choice(rng, (R(2), R(3), R(4), R(5), R(6)))
    pg = pc * ratio_value * choice(rng, (R(1, 2), R(2, 3), R(3, 4), R(3, 5), R(4, 5)))
    p = sympy.ImmutableMatrix([pg, pc])
    q = 10 * rng.randint(2, 12)
    sells = sympy.ImmutableMatrix([q, 0])
    cloth = pg * q / pc
    buys = sympy.ImmutableMatrix([0, cloth])
    t = exact.exchange_transfers(lam, sells, buys, p, p)
    lam_tex = vec_tex("\\lambda", lam)
    problem = (
        f"Labour values are ${lam_tex}$ hours per pood of grain and per metre of cloth. The "
        f"peasants sell $q = {q}$ poods of grain at $p_1 = {tex(pg)}$ roubles a pood and spend "
        f"all the proceeds on cloth at $p_2 = {tex(pc)}$ roubles a metre. Find (a) the labour "
        "they give, $\\lambda \\cdot s$; (b) the labour they receive, $\\lambda \\cdot d$; "
        "(c) the labour transfer $T = \\lambda \\cdot s - \\lambda \\cdot d$; (d) the "
        "non-equivalence ratio $E = \\lambda \\cdot s / \\lambda \\cdot d$.")
    s = Steps()
    s.add("What the peasants buy",
          f"Proceeds $p_1 q = {tex(pg)} \\cdot {q} = {tex(pg * q)}$ roubles buy "
          f"$d_2 = {tex(pg * q)}/{num(pc)} = {tex(cloth)}$ metres of cloth, so $s = ({q}, 0)$ "
          f"and $d = (0, {tex(cloth)})$.")
    s2 = s.add("Labour given and received",
               f"$\\lambda \\cdot s = {dot_tex(lam, sells)} = {tex(t.labour_given)}$ hours; "
               f"$\\lambda \\cdot d = {dot_tex(lam, buys)} = {tex(t.labour_received)}$ hours.")
    s3 = s.add("Transfer and ratio",
               f"$T = {tex(t.labour_given)} - {num(t.labour_received)} = "
               f"{tex(t.labour_transfer)}$ hours and $E = {tex(t.labour_given)} / "
               f"{num(t.labour_received)} = {tex(t.nonequivalence_ratio)}$. Since the price "
               f"ratio $p_1/p_2 = {tex(pg / pc)}$ is below the value ratio $\\lambda_1/\\lambda_2"
               f" = {tex(ratio_value)}$, the peasants give more labour than they get back "
               "($E > 1$); in fact $E = (\\lambda_1/\\lambda_2)/(p_1/p_2)$.")
    parts = [part("given", "\\lambda \\cdot s", t.labour_given, s, s2, "hours given"),
             part("received", "\\lambda \\cdot d", t.labour_received, s, s2,
                  "hours received"),
             part("transfer", "T", t.labour_transfer, s, s3, "labour transfer (hours)"),
             part("ratio", "E", t.nonequivalence_ratio, s, s3, "non-equivalence ratio")]
    mistakes = [Mistake("ratio", 1 / t.nonequivalence_ratio,
                        "You inverted it: E = given / received."),
                Mistake("transfer", -t.labour_transfer,
                        "Sign: T = given − received (positive when the group loses labour)."),
                Mistake("received", lam[1] * q, "The peasants buy cloth with their proceeds; "
                        "first find how many metres they buy.")]
    return make_exercise("labour-transfer", seed, "Non-equivalent exchange", problem, s,
                         parts, {"values": lam, "prices": p, "sells": sells, "buys": buys},
                         mistakes)


# ---------------------------------------------------------------------- 8 tribute
@register("tribute", "Stalin's 'tribute': underpayment + overpayment + taxes.",
          "decomposing the money transfer at benchmark prices as Stalin did in July 1928",
          "exchange")
def tribute(rng: random.Random, seed: int) -> Exercise:
    """The tribute (Stalin, July 1928 plenum) measured against a benchmark."""
    goods = ("grain", "cloth", "kerosene")
    pe = sympy.ImmutableMatrix([choice(rng, (R(1), R(3, 2), R(2))),
                                choice(rng, (R(1), R(2), R(3))),
                                choice(rng, (R(1, 2), R(1), R(3, 2)))])
    p = sympy.ImmutableMatrix([pe[0] * choice(rng, (R(1, 2), R(3, 5), R(2, 3), R(3, 4))),
                               pe[1] * choice(rng, (R(5, 4), R(3, 2), R(2), R(6, 5))),
                               pe[2] * choice(rng, (R(5, 4), R(3, 2), R(4, 3)))])
    sells = sympy.ImmutableMatrix([10 * rng.randint(5, 20), 0, 0])
    buys = sympy.ImmutableMatrix([0, 5 * rng.randint(2, 10), 5 * rng.randint(1, 6)])
    taxes = R(5 * rng.randint(1, 8))
    lam = sympy.ImmutableMatrix([1, 1, 1])  # labour side not used here
    t = exact.exchange_transfers(lam, sells, buys, p, pe, taxes)
    problem = (
        "Take as the benchmark of equivalent exchange the prices "
        f"${vec_tex('p^e', pe)}$ roubles per unit of grain, cloth and kerosene (say, 1913 "
        f"relative prices at today's price level). Actual prices are ${vec_tex('p', p)}$. The "
        f"peasants sell ${vec_tex('s', sells)}$ and buy ${vec_tex('d', buys)}$, and pay "
        f"$\\tau = {tex(taxes)}$ roubles of direct taxes. Find, at benchmark prices, "
        "(a) the underpayment on what they sell, (b) the overpayment on what they buy, and "
        "(c) the total tribute (taxes + underpayment + overpayment).")
    s = Steps()
    s1 = s.add("Underpayment on sales",
               f"$(p^e - p) \\cdot s = {dot_tex(pe - p, sells)} = {tex(t.underpayment)}$ "
               "roubles: what the peasants would have received at benchmark prices but did "
               "not.")
    s2 = s.add("Overpayment on purchases",
               f"$(p - p^e) \\cdot d = {dot_tex(p - pe, buys)} = {tex(t.overpayment)}$ "
               "roubles: what they paid above the benchmark.")
    s3 = s.add("Tribute",
               f"$\\tau + \\text{{underpayment}} + \\text{{overpayment}} = {tex(taxes)} + "
               f"{num(t.underpayment)} + {num(t.overpayment)} = {tex(t.tribute)}$ roubles. "
               "Stalin's \"super-tax\" is the price part, "
               f"${tex(t.underpayment + t.overpayment)}$; the rest is ordinary taxation.")
    parts = [part("underpayment", "\\text{underpayment}", t.underpayment, s, s1,
                  "roubles at benchmark prices"),
             part("overpayment", "\\text{overpayment}", t.overpayment, s, s2,
                  "roubles at benchmark prices"),
             part("tribute", "\\text{tribute}", t.tribute, s, s3, "roubles")]
    mistakes = [Mistake("underpayment", -t.underpayment,
                        "Sign: underpayment = (p^e − p)·s, positive when sold below benchmark."),
                Mistake("overpayment", -t.overpayment,
                        "Sign: overpayment = (p − p^e)·d, positive when bought above benchmark."),
                Mistake("tribute", t.underpayment + t.overpayment,
                        "You left out the direct taxes τ."),
                Mistake("tribute", taxes + t.underpayment - t.overpayment,
                        "Both wedges add to the tribute: add the overpayment.")]
    return make_exercise("tribute", seed, "Stalin's tribute", problem, s, parts,
                         {"benchmark": pe, "prices": p, "sells": sells, "buys": buys,
                          "taxes": taxes, "goods": goods}, mistakes)


# ---------------------------------------------------------------------- 9 scissors
@register("scissors", "The scissors index σ and the two-good transfer p^e_a q_a (1 − 1/σ).",
          "price indices against a base period and the transfer hidden in the terms of trade",
          "exchange")
def scissors(rng: random.Random, seed: int) -> Exercise:
    """Scissors index and transfer (Preobrazhensky 1926, ch. 2)."""
    Pm = 10 * rng.randint(13, 30)
    Pa = 10 * rng.randint(8, 14)
    sigma = exact.scissors_index(Pm, Pa, 100, 100)
    pe = choice(rng, (R(1), R(3, 2), R(2), R(5, 2)))
    q = 50 * rng.randint(4, 20)
    transfer = exact.scissors_transfer(pe, q, sigma)
    problem = (
        "With 1913 = 100, the index of industrial retail prices stands at "
        f"$P_m = {Pm}$ and the index of agricultural procurement prices at $P_a = {Pa}$. "
        "(a) Compute the scissors index $\\sigma = (P_{m,t}/P_{m,0}) / (P_{a,t}/P_{a,0})$. "
        f"(b) The peasants sell $q_a = {q}$ million poods of grain and spend the proceeds on "
        "manufactures (balanced trade). Taking 1913 relative prices as the benchmark, with a "
        f"benchmark grain price $p^e_a = {tex(pe)}$ roubles per pood, how much do they "
        "transfer, in benchmark roubles?")
    s = Steps()
    s1 = s.add("Scissors index",
               f"$\\sigma = ({Pm}/100)/({Pa}/100) = {tex(sigma)}$"
               + (": manufactures are dearer relative to grain than in 1913."
                  if sigma > 1 else "."))
    s2 = s.add("Transfer",
               "At benchmark prices the peasants give $p^e_a q_a$ and receive manufactures "
               "worth $p^e_m q_m = p^e_m p_a q_a / p_m = p^e_a q_a / \\sigma$, so the transfer is "
               f"$p^e_a q_a (1 - 1/\\sigma) = {tex(pe)} \\cdot {q} \\cdot (1 - {tex(1 / sigma)})"
               f" = {tex(transfer)}$ million roubles.")
    parts = [part("sigma", "\\sigma", sigma, s, s1, "scissors index"),
             part("transfer", "T", transfer, s, s2, "million benchmark roubles")]
    mistakes = [Mistake("sigma", 1 / sigma, "You inverted it: industrial over agricultural."),
                Mistake("transfer", pe * q * (sigma - 1), "The transfer is p^e_a q_a (1 − 1/σ), "
                        "not p^e_a q_a (σ − 1): the peasants receive p^e_a q_a / σ.")]
    return make_exercise("scissors", seed, "The price scissors", problem, s, parts,
                         {"Pm": sympy.Integer(Pm), "Pa": sympy.Integer(Pa),
                          "benchmark_price": pe, "quantity": sympy.Integer(q)}, mistakes)


# ---------------------------------------------------------------------- 10 squeeze
@register("squeeze", "Marketing response and the squeeze optimum p* = ε p^e / (1 + ε).",
          "why squeezing the peasantry harder can collect less (the 1927–28 grain crisis)",
          "exchange")
def squeeze(rng: random.Random, seed: int) -> Exercise:
    """Squeeze optimum for an isoelastic marketing response (Sah–Stiglitz 1984)."""
    eps = choice(rng, (R(1), R(2), R(3)))
    pe = (1 + eps) * choice(rng, (R(1, 2), R(1), R(3, 2), R(2)))
    q0 = 100 * rng.randint(2, 9)
    pstar = exact.squeeze_optimum(eps, pe)
    p0 = R(1)  # marketings q0 at the reference price 1 (friendly powers of p)
    harsh = pstar * choice(rng, (R(1, 2), R(2, 3), R(3, 4)))
    e_star = exact.extraction(q0, p0, eps, pe, pstar)
    e_harsh = exact.extraction(q0, p0, eps, pe, harsh)
    problem = (
        "Peasants market $q(p) = q_0 (p/p_0)^{\\varepsilon}$ poods of grain at procurement "
        f"price $p$, with $q_0 = {q0}$, $p_0 = {tex(p0)}$ and $\\varepsilon = {tex(eps)}$. The "
        f"benchmark price is $p^e = {tex(pe)}$ roubles a pood, and the state extracts "
        "$E(p) = (p^e - p)\\,q(p)$. (a) Find the price $p^*$ that maximizes the extraction. "
        f"(b) Compute $E(p^*)$. (c) Compute $E$ at the harsher price $p_h = {tex(harsh)}$.")
    s = Steps()
    s.add("First-order condition",
          "$E'(p) = -q(p) + (p^e - p)\\,\\varepsilon\\, q(p)/p = 0$, so "
          "$p = \\varepsilon (p^e - p)$.")
    s2 = s.add("Squeeze optimum",
               f"$p^* = \\varepsilon p^e / (1 + \\varepsilon) = {tex(eps)} \\cdot {tex(pe)} / "
               f"{num(1 + eps)} = {tex(pstar)}$.")
    s3 = s.add("Extraction at the optimum",
               f"$q(p^*) = {q0} \\cdot ({tex(pstar)}/{num(p0)})^{{{tex(eps)}}} = "
               f"{tex(q0 * (pstar / p0) ** eps)}$, so $E(p^*) = ({tex(pe)} - {num(pstar)}) "
               f"\\cdot {num(q0 * (pstar / p0) ** eps)} = {tex(e_star)}$.")
    s4 = s.add("A harsher squeeze",
               f"$q(p_h) = {tex(q0 * (harsh / p0) ** eps)}$ and $E(p_h) = ({tex(pe)} - "
               f"{num(harsh)}) \\cdot {num(q0 * (harsh / p0) ** eps)} = {tex(e_harsh)}$ "
               f"< $E(p^*)$: the peasants market so much less that the state collects less.")
    parts = [part("p_star", "p^*", pstar, s, s2, "extraction-maximizing price"),
             part("E_star", "E(p^*)", e_star, s, s3, "extraction at p*"),
             part("E_harsh", "E(p_h)", e_harsh, s, s4, "extraction at the harsher price")]
    mistakes = [Mistake("p_star", pe / (1 + eps), "Check the first-order condition: "
                        "p* = ε p^e / (1 + ε)."),
                Mistake("p_star", pe / 2, "That ignores the response of marketings "
                        "(it is right only for ε = 1).")]
    return make_exercise("squeeze", seed, "The squeeze optimum", problem, s, parts,
                         {"q0": sympy.Integer(q0), "p0": p0, "elasticity": eps,
                          "benchmark_price": pe, "harsh_price": harsh}, mistakes)
