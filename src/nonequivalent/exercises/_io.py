"""Exercises on the input-output core, labour values and prices (Leontief 1941; Marx)."""

from __future__ import annotations

import math
import random
from typing import Any

import sympy

from .. import exact
from ._base import (
    Exercise,
    Mistake,
    Part,
    R,
    Steps,
    choice,
    dot,
    dot_tex,
    lincomb,
    make_exercise,
    num,
    part,
    register,
    tenths_matrix,
    tex,
    vec_tex,
)

SECTORS = {2: ("agriculture", "industry"),
           3: ("agriculture", "light industry", "heavy industry")}


def _economy_of(n: int) -> str:
    """``An economy has n sectors (1 = agriculture, ...)``: how a problem opens."""
    names = ", ".join(f"{i + 1} = {s}" for i, s in enumerate(SECTORS[n]))
    return f"An economy has {n} sectors ({names})"


def _random_technology(rng: random.Random) -> tuple[int, sympy.ImmutableMatrix, sympy.Matrix]:
    """``n`` (2 twice as often as 3), a productive ``A`` in tenths, and ``I − A``."""
    n = choice(rng, (2, 2, 3))
    A = tenths_matrix(rng, n)
    return n, A, sympy.eye(n) - A


def _column_equations(symbol: str, A: sympy.MatrixBase, constant: sympy.MatrixBase, *,
                      constant_first: bool) -> str:
    """One equation a good, from column ``j`` of ``A``: ``symbol_j = c_j + Σ_i a_ij symbol_i``
    (``constant_first``) or ``Σ_i a_ij symbol_i + c_j``, in LaTeX, joined by commas."""
    unknowns = [f"{symbol}_{i + 1}" for i in range(A.rows)]

    def equation(j: int) -> str:
        coeffs, names = (([constant[j], *A[:, j]], ["", *unknowns]) if constant_first
                         else ([*A[:, j], constant[j]], [*unknowns, ""]))
        return f"${symbol}_{j + 1} = " + lincomb(coeffs, names) + "$"

    return ", ".join(equation(j) for j in range(A.rows))


def _per_sector_parts(names: list[str], symbols: list[str], values: Any, steps: Steps,
                      step: int, what: str) -> list[Part]:
    """One answer part per sector, described as ``what`` followed by the sector's name."""
    sectors = SECTORS[len(names)]
    return [part(nm, sy, v, steps, step, f"{what} {sectors[i]}")
            for i, (nm, sy, v) in enumerate(zip(names, symbols, values, strict=True))]


def _per_sector_mistakes(names: list[str], wrong: Any, why: str) -> list[Mistake]:
    """The same mistake for every sector: answering ``wrong[i]`` for part ``names[i]``."""
    return [Mistake(nm, wrong[i], why) for i, nm in enumerate(names)]


def solve_tex(M: sympy.MatrixBase, b: sympy.MatrixBase, names: list[str]) -> tuple[list, str]:
    """Solve ``M z = b`` exactly; LaTeX working (Cramer's rule for 2 x 2, inverse for 3 x 3)."""
    z = list(M.LUsolve(sympy.Matrix(b)))
    n = M.rows
    if n == 2:
        D = M.det()
        lines = [f"$\\det = {num(M[0, 0])} \\cdot {num(M[1, 1])} - {num(M[0, 1])} \\cdot "
                 f"{num(M[1, 0])} = {tex(D)}$"]
        lines.append(f"${names[0]} = \\dfrac{{{num(b[0])} \\cdot {num(M[1, 1])} - "
                     f"{num(M[0, 1])} \\cdot {num(b[1])}}}{{{tex(D)}}} = {tex(z[0])}$")
        lines.append(f"${names[1]} = \\dfrac{{{num(M[0, 0])} \\cdot {num(b[1])} - "
                     f"{num(b[0])} \\cdot {num(M[1, 0])}}}{{{tex(D)}}} = {tex(z[1])}$")
        return z, "By Cramer's rule: " + ", ".join(lines) + "."
    Minv = M.LUsolve(sympy.eye(n))
    sol = ", ".join(f"${nm} = {tex(v)}$" for nm, v in zip(names, z, strict=True))
    return z, (f"The inverse is ${tex(Minv)}$ (e.g. by Gauss–Jordan elimination), so the "
               f"solution is {sol}.")


# ---------------------------------------------------------------------- 1 gross output
@register("gross-output", "Leontief gross output: solve (I − A) x = y.",
          "the commodity balance x = Ax + y and solving a small linear system by hand",
          "input-output")
def gross_output(rng: random.Random, seed: int) -> Exercise:
    """Gross output of every sector that delivers a final demand (Leontief 1966, ch. 2)."""
    n, A, M = _random_technology(rng)
    y = sympy.ImmutableMatrix([10 * rng.randint(1, 12) for _ in range(n)])
    x = exact.gross_output(A, y)
    names = [f"x_{i + 1}" for i in range(n)]
    problem = (
        f"{_economy_of(n)}. The technical coefficients "
        f"($a_{{ij}}$ = input of good $i$ per unit of gross output of sector $j$) are\n\n"
        f"$$A = {tex(A)},$$\n\nand final demand is $y = {tex(y)}$. Find the gross output "
        f"$x$ of every sector that delivers $y$, i.e. solve the balance $x = Ax + y$. "
        f"Give {', '.join(f'${v}$' for v in names)} as exact fractions.")
    s = Steps()
    s.add("Form I − A",
          f"The balance $x = Ax + y$ is $(I - A)x = y$ with $I - A = {tex(M)}$. Every "
          "column of $A$ sums to less than 1, so the economy is productive and the "
          "system has a unique non-negative solution.")
    _, body = solve_tex(M, y, names)
    s2 = s.add("Solve (I − A)x = y", body)
    s.add("Check", f"$Ax = {tex(A * x)}$ and $x - Ax = {tex(x - A * x)} = y$: every sector "
          "produces its own final demand plus the inputs the others need.")
    parts = _per_sector_parts(names, names, x, s, s2, "gross output of")
    first = (sympy.eye(n) + A) * y
    mistakes = _per_sector_mistakes(names, y, "That is final demand; gross output must also "
                                    "cover the intermediate inputs Ax.")
    mistakes += _per_sector_mistakes(names, first, "You counted only the first round of "
                                     "inputs (I + A)y; the full requirement is y + Ay + A²y "
                                     "+ … = (I − A)⁻¹y.")
    return make_exercise("gross-output", seed, "Leontief gross output", problem, s, parts,
                         {"A": A, "y": y, "sectors": SECTORS[n]}, mistakes)


# ---------------------------------------------------------------------- 2 labour values
def _labour_vector(rng: random.Random, n: int) -> sympy.ImmutableMatrix:
    return sympy.ImmutableMatrix(
        [choice(rng, (R(1, 2), R(1), R(3, 2), R(2), R(1, 4), R(3, 4), R(5, 2)))
         for _ in range(n)])


@register("labour-values", "Labour values λ = l (I − A)⁻¹ and the labour embodied in y.",
          "vertically integrated labour, the system λ = λA + l, and λ·y = l·x",
          "input-output")
def labour_values(rng: random.Random, seed: int) -> Exercise:
    """Labour values (Marx, Capital I ch. 1; Morishima 1973) of a small economy."""
    n, A, M = _random_technology(rng)
    lab = _labour_vector(rng, n)
    y = sympy.ImmutableMatrix([10 * rng.randint(1, 10) for _ in range(n)])
    lam = exact.labour_values(A, lab)
    x = exact.gross_output(A, y)
    names = [f"lambda_{i + 1}" for i in range(n)]
    syms = [f"\\lambda_{i + 1}" for i in range(n)]
    problem = (
        f"{_economy_of(n)} with technical coefficients\n\n"
        f"$$A = {tex(A)}$$\n\nand direct labour ${vec_tex('l', lab)}$ hours per unit of "
        f"gross output. (a) Find the labour values $\\lambda = l(I - A)^{{-1}}$: the hours "
        f"directly and indirectly needed per unit of each good. (b) How many hours are "
        f"embodied in the final demand $y = {tex(y.T)}^T$? Give "
        f"{', '.join(f'${v}$' for v in syms)} and $\\lambda \\cdot y$.")
    s = Steps()
    eqs = _column_equations("\\lambda", A, lab, constant_first=True)
    s.add("Write λ = λA + l",
          f"Each value is direct labour plus the value of the inputs used up: {eqs}. "
          f"In matrix form $(I - A)^T \\lambda^T = l^T$ with $(I - A)^T = {tex(M.T)}$.")
    _, body = solve_tex(M.T, lab, syms)
    s2 = s.add("Solve (I − A)ᵀλᵀ = lᵀ", body)
    total = dot(lam, y)
    s3 = s.add("Hours embodied in y",
               f"$\\lambda \\cdot y = {dot_tex(lam, y)} = {tex(total)}$. As a check, gross "
               f"output is $x = {tex(x.T)}^T$ and direct labour $l \\cdot x = {tex(dot(lab, x))}"
               f"$ gives the same total: the labour embodied in the net product is the labour "
               f"performed.")
    parts = _per_sector_parts(names, syms, lam, s, s2, "labour value of")
    parts.append(part("total", "\\lambda \\cdot y", total, s, s3,
                      "hours embodied in final demand"))
    mistakes = _per_sector_mistakes(names, lab, "That is direct labour only; add the labour "
                                    "embodied in the inputs (λA).")
    mistakes.append(Mistake("total", dot(lab, y), "That is l·y; the hours embodied in y are "
                            "λ·y (= l·x with x the gross output)."))
    return make_exercise("labour-values", seed, "Labour values", problem, s, parts,
                         {"A": A, "labour": lab, "y": y, "sectors": SECTORS[n]}, mistakes)


# ---------------------------------------------------------------------- 3 values by kind
@register("values-by-kind", "Labour values by kind: peasant and worker hours in each good.",
          "splitting vertically integrated labour by kind, Λ = L_k (I − A)⁻¹",
          "input-output")
def values_by_kind(rng: random.Random, seed: int) -> Exercise:
    """Peasant and worker labour embodied in grain and cloth (Morishima 1973, ch. 1)."""
    A = tenths_matrix(rng, 2)
    while A[0, 1] == 0:  # industry uses grain: peasant labour flows into cloth
        A = tenths_matrix(rng, 2)
    lp = sympy.ImmutableMatrix([choice(rng, (R(1), R(2), R(3, 2), R(5, 2))),
                                choice(rng, (R(0), R(0), R(1, 4), R(1, 2)))])
    lw = sympy.ImmutableMatrix([choice(rng, (R(0), R(1, 4), R(1, 2))),
                                choice(rng, (R(1), R(3, 2), R(2), R(1, 2)))])
    vals = exact.labour_values_by_kind(A, {"peasant": lp, "worker": lw})
    M = sympy.eye(2) - A
    problem = (
        "A two-sector economy (1 = agriculture, producing grain; 2 = industry, producing "
        f"cloth) has technical coefficients $A = {tex(A)}$. Per unit of gross output, "
        f"agriculture and industry employ peasant labour ${vec_tex('l^P', lp)}$ and "
        f"worker labour ${vec_tex('l^W', lw)}$ hours. Find how many hours of peasant "
        "labour ($\\lambda^P_1, \\lambda^P_2$) and of worker labour ($\\lambda^W_1, "
        "\\lambda^W_2$) are embodied, directly and indirectly, in one unit of grain and one "
        "unit of cloth, and the share of peasant labour in the value of cloth.")
    s = Steps()
    s.add("Set up one system per kind",
          "Each kind's values solve $\\lambda^k = \\lambda^k A + l^k$, i.e. "
          f"$(I - A)^T (\\lambda^k)^T = (l^k)^T$ with $(I - A)^T = {tex(M.T)}$; the matrix "
          "is the same for both kinds, only the right-hand side changes.")
    _, bp = solve_tex(M.T, lp, ["\\lambda^P_1", "\\lambda^P_2"])
    sp_ = s.add("Peasant labour", bp)
    _, bw = solve_tex(M.T, lw, ["\\lambda^W_1", "\\lambda^W_2"])
    sw = s.add("Worker labour", bw)
    total2 = vals["peasant"][1] + vals["worker"][1]
    share = vals["peasant"][1] / total2
    s4 = s.add("Peasant share in cloth",
               f"Cloth embodies $\\lambda_2 = \\lambda^P_2 + \\lambda^W_2 = {tex(total2)}$ "
               f"hours, of which the peasant share is $\\lambda^P_2/\\lambda_2 = {tex(share)}$"
               + (": cloth carries peasant labour only through its agricultural inputs."
                  if lp[1] == 0 else
                  ": peasant labour enters cloth directly and through its agricultural "
                  "inputs."))
    parts = [part("lambda_P_1", "\\lambda^P_1", vals["peasant"][0], s, sp_,
                  "peasant hours per unit of grain"),
             part("lambda_P_2", "\\lambda^P_2", vals["peasant"][1], s, sp_,
                  "peasant hours per unit of cloth"),
             part("lambda_W_1", "\\lambda^W_1", vals["worker"][0], s, sw,
                  "worker hours per unit of grain"),
             part("lambda_W_2", "\\lambda^W_2", vals["worker"][1], s, sw,
                  "worker hours per unit of cloth"),
             part("share", "\\lambda^P_2/\\lambda_2", share, s, s4,
                  "share of peasant labour in the value of cloth")]
    mistakes = [Mistake("lambda_P_1", lp[0], "That is direct peasant labour only."),
                Mistake("lambda_P_2", lp[1], "That is direct peasant labour only; cloth also "
                        "uses grain, which embodies peasant labour."),
                Mistake("lambda_W_1", lw[0], "That is direct worker labour only."),
                Mistake("lambda_W_2", lw[1], "That is direct worker labour only.")]
    return make_exercise("values-by-kind", seed, "Labour values by kind", problem, s, parts,
                         {"A": A, "labour": {"peasant": lp, "worker": lw},
                          "sectors": SECTORS[2]}, mistakes)


# ---------------------------------------------------------------------- 4 cost-push prices
@register("cost-push-prices", "Cost-push prices p = pA + v from value added per unit.",
          "the Leontief price model: prices cover inputs plus value added",
          "input-output")
def cost_push_prices(rng: random.Random, seed: int) -> Exercise:
    """Cost-push prices (Leontief price model; Miller & Blair 2009, §2.6)."""
    n, A, M = _random_technology(rng)
    v = sympy.ImmutableMatrix([choice(rng, (R(1), R(2), R(3), R(4), R(5), R(6), R(3, 2)))
                               for _ in range(n)])
    p = exact.cost_push_prices(A, v)
    names = [f"p_{i + 1}" for i in range(n)]
    problem = (
        f"{_economy_of(n)} with technical coefficients\n\n"
        f"$$A = {tex(A)}.$$\n\nValue added (wages plus profits) per unit of gross output is "
        f"${vec_tex('v', v)}$ roubles. Find the prices that just cover the cost of inputs "
        f"plus value added, $p = pA + v$. Give {', '.join(f'${v}$' for v in names)}.")
    s = Steps()
    eqs = _column_equations("p", A, v, constant_first=False)
    s.add("Write one equation per good",
          f"Column $j$ of $A$ lists the inputs of sector $j$: {eqs}. In matrix form "
          f"$(I - A)^T p^T = v^T$ with $(I - A)^T = {tex(M.T)}$.")
    _, body = solve_tex(M.T, v, names)
    s2 = s.add("Solve (I − A)ᵀpᵀ = vᵀ", body)
    s.add("Check", f"$pA + v = {tex(p * A + v.T)}$ equals $p$.")
    parts = _per_sector_parts(names, names, p, s, s2, "price of the good of")
    mistakes = _per_sector_mistakes(names, v, "That is value added only; the price must also "
                                    "cover the inputs pA.")
    return make_exercise("cost-push-prices", seed, "Cost-push prices", problem, s, parts,
                         {"A": A, "v": v, "sectors": SECTORS[n]}, mistakes)


# ---------------------------------------------------------------------- 5 production prices
def _square_disc_matrices() -> list[tuple[int, int, int, int, int]]:
    """2 x 2 matrices in tenths with a rational Perron root: (a-d)² + 4bc a perfect square."""
    out = []
    for a in range(0, 5):
        for b in range(1, 5):
            for c in range(1, 5):
                for d in range(0, 5):
                    if a + c > 6 or b + d > 6:
                        continue
                    disc = (a - d) ** 2 + 4 * b * c
                    k = math.isqrt(disc)
                    if k * k == disc and (a + d + k) <= 12:  # ρ <= 0.6
                        out.append((a, b, c, d, k))
    return out


_RATIONAL_ROOT = _square_disc_matrices()


@register("production-prices",
          "Prices of production p = (1+r)pA + wl, the maximum profit rate R and w(r).",
          "Sraffa's price system, the wage–profit frontier and R = 1/ρ(A) − 1",
          "input-output")
def production_prices(rng: random.Random, seed: int) -> Exercise:
    """Prices of production and the wage–profit frontier (Sraffa 1960, ch. 2–3)."""
    a, b, c, d, k = choice(rng, _RATIONAL_ROOT)
    A = sympy.ImmutableMatrix([[R(a, 10), R(b, 10)], [R(c, 10), R(d, 10)]])
    lab = sympy.ImmutableMatrix([choice(rng, (R(1), R(2), R(1, 2), R(3, 2))),
                                 choice(rng, (R(1), R(2), R(1, 2), R(3)))])
    rho = R(a + d + k, 20)
    Rmax = 1 / rho - 1
    cands = [r for r in (R(1, 10), R(1, 5), R(1, 4), R(1, 2), R(1), R(3, 2), R(2))
             if r <= Rmax * R(3, 4)]
    # prefer profit rates that give short denominators (friendlier hand computation)
    short = [r for r in cands if exact.wage_rate(A, lab, r, [1, 0]).q <= 200]
    r = choice(rng, short or cands)
    e1 = sympy.ImmutableMatrix([1, 0])
    lam = exact.labour_values(A, lab)
    w0 = exact.wage_rate(A, lab, 0, e1)
    pp = exact.production_prices(A, lab, r, e1)
    Mr = sympy.eye(2) - (1 + r) * A
    z = list(Mr.T.LUsolve(lab))
    problem = (
        "Grain (good 1) and cloth (good 2) are produced with technical coefficients "
        f"$A = {tex(A)}$ and direct labour ${vec_tex('l', lab)}$ hours per unit. Wages "
        "are paid at the end of the period and a uniform profit rate $r$ is earned on the "
        "value of inputs: $p = (1 + r)pA + wl$. Grain is the numeraire ($p_1 = 1$). "
        "(a) Find the maximum profit rate $R = 1/\\rho(A) - 1$. (b) Find the wage $w(0)$ at "
        f"$r = 0$. (c) At $r = {tex(r)}$, find the wage $w(r)$ and the price of cloth $p_2$.")
    s = Steps()
    t = sympy.Symbol("t")
    cp = sympy.expand((t - A[0, 0]) * (t - A[1, 1]) - A[0, 1] * A[1, 0])
    s1 = s.add("Maximum profit rate",
               f"The characteristic polynomial of $A$ is ${sympy.latex(cp)}$; its largest root "
               f"is $\\rho(A) = \\frac{{a_{{11}} + a_{{22}} + \\sqrt{{(a_{{11}} - a_{{22}})^2 + "
               f"4a_{{12}}a_{{21}}}}}}{{2}} = {tex(rho)}$, so $R = 1/\\rho(A) - 1 = "
               f"{tex(Rmax)}$: at $r = R$ the whole net product goes to profits and $w = 0$.")
    s2 = s.add("Wage at r = 0",
               f"At $r = 0$ prices are proportional to labour values $\\lambda = "
               f"{tex(lam)}$: $p = w\\lambda$. With $p_1 = 1$, $w(0) = 1/\\lambda_1 = "
               f"{tex(w0)}$.")
    s3 = s.add("Solve at the given r",
               f"Write $p = w\\,z$ with $z = l\\,(I - (1 + r)A)^{{-1}}$, i.e. "
               f"$(I - (1 + r)A)^T z^T = l^T$ where $(I - {tex(1 + r)}A)^T = {tex(Mr.T)}$. "
               f"Solving gives $z = ({tex(z[0])},\\ {tex(z[1])})$. The numeraire "
               f"$p_1 = w z_1 = 1$ gives $w({tex(r)}) = 1/z_1 = {tex(pp.wage)}$, and "
               f"$p_2 = w z_2 = {tex(pp.prices[1])}$.")
    s.add("The frontier", f"The wage falls from $w(0) = {tex(w0)}$ to $w({tex(r)}) = "
          f"{tex(pp.wage)}$ and reaches 0 at $r = R = {tex(Rmax)}$: the wage–profit frontier "
          "slopes down.")
    parts = [part("R", "R", Rmax, s, s1, "maximum profit rate"),
             part("w_0", "w(0)", w0, s, s2, "wage at r = 0 (grain per hour)"),
             part("w_r", f"w({tex(r)})", pp.wage, s, s3, "wage at the given profit rate"),
             part("p_2", "p_2", pp.prices[1], s, s3, "price of cloth in grain")]
    mistakes = [Mistake("R", rho, "That is ρ(A); the maximum profit rate is 1/ρ(A) − 1."),
                Mistake("R", 1 / rho, "That is 1/ρ(A); subtract 1."),
                Mistake("w_0", lam[0], "That is λ₁; the wage is its reciprocal."),
                Mistake("p_2", lam[1] / lam[0], "That is the labour-value ratio, the price at "
                        "r = 0; at r > 0 use (I − (1 + r)A).")]
    return make_exercise("production-prices", seed, "Prices of production", problem, s, parts,
                         {"A": A, "labour": lab, "r": r, "numeraire": e1}, mistakes)


# ---------------------------------------------------------------------- 6 MELT
@register("melt", "MELT μ = p·y / l·x (New Interpretation): surplus value and profit.",
          "the monetary expression of labour time and the identity profit = μ × surplus value",
          "input-output")
def melt(rng: random.Random, seed: int) -> Exercise:
    """The New Interpretation MELT (Duménil 1980; Foley 1982)."""
    A = tenths_matrix(rng, 2)
    lab = _labour_vector(rng, 2)
    y = sympy.ImmutableMatrix([10 * rng.randint(1, 10) for _ in range(2)])
    p = sympy.ImmutableMatrix([rng.randint(2, 9) for _ in range(2)])
    x = exact.gross_output(A, y)
    L = dot(lab, x)
    mu = exact.melt(A, lab, p, y)
    w = mu * choice(rng, (R(1, 2), R(3, 5), R(2, 3), R(3, 4)))  # wage below μ
    S = L - w * L / mu
    profit = dot(p, y) - w * L
    M = sympy.eye(2) - A
    problem = (
        "Grain (1) and cloth (2) are produced with technical coefficients "
        f"$A = {tex(A)}$ and direct labour ${vec_tex('l', lab)}$ hours per unit of gross "
        f"output. Final demand is $y = {tex(y.T)}^T$ and prices are ${vec_tex('p', p)}$ "
        f"roubles per unit; the money wage is $w = {tex(w)}$ roubles per hour. Using the New "
        "Interpretation, find (a) total hours worked $L = l \\cdot x$, (b) the monetary "
        "expression of labour time $\\mu = p \\cdot y / L$, (c) surplus value in hours "
        "$S = L - wL/\\mu$, and (d) total profit $\\Pi = p \\cdot y - wL$.")
    s = Steps()
    _, body = solve_tex(M, y, ["x_1", "x_2"])
    s.add("Gross output", f"Solve $(I - A)x = y$ with $I - A = {tex(M)}$. {body}")
    s2 = s.add("Hours worked", f"$L = l \\cdot x = {dot_tex(lab, x)} = {tex(L)}$.")
    s3 = s.add("MELT", f"The value added is $p \\cdot y = {dot_tex(p, y)} = {tex(dot(p, y))}$,"
               f" so $\\mu = {tex(dot(p, y))} / {num(L)} = {tex(mu)}$ roubles per hour.")
    s4 = s.add("Surplus value",
               f"The wage bill $wL = {tex(w * L)}$ roubles represents $wL/\\mu = "
               f"{tex(w * L / mu)}$ hours (the value of labour power), so "
               f"$S = {tex(L)} - {tex(w * L / mu)} = {tex(S)}$ hours.")
    s5 = s.add("Profit",
               f"$\\Pi = p \\cdot y - wL = {tex(dot(p, y))} - {tex(w * L)} = {tex(profit)}$, "
               f"and indeed $\\mu S = {tex(mu)} \\cdot {num(S)} = {tex(mu * S)}$: with the New "
               "Interpretation total profit equals μ times total surplus value exactly.")
    parts = [part("L", "L", L, s, s2, "total hours worked"),
             part("mu", "\\mu", mu, s, s3, "roubles per hour of labour"),
             part("S", "S", S, s, s4, "surplus value in hours"),
             part("profit", "\\Pi", profit, s, s5, "total profit in roubles")]
    mistakes = [Mistake("L", dot(lab, y), "That is l·y; hours worked are l·x with x the gross "
                        "output."),
                Mistake("mu", dot(p, x) / L, "That uses gross output p·x; the New "
                        "Interpretation uses the net product p·y."),
                Mistake("mu", 1 / mu, "That is 1/μ, the value of money; μ is roubles per hour."),
                Mistake("S", L - w * L, "Convert the wage bill to hours by dividing by μ.")]
    return make_exercise("melt", seed, "The monetary expression of labour time", problem, s,
                         parts, {"A": A, "labour": lab, "y": y, "prices": p, "wage": w},
                         mistakes)
