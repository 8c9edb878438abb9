"""A small linear-programming plan solved by hand (Kantorovich 1939)."""

from __future__ import annotations

import itertools
import random

import sympy

from ._base import Exercise, Mistake, R, Steps, make_exercise, part, register, tex


def vertices(lines: list[tuple[sympy.Rational, sympy.Rational, sympy.Rational]],
             feasible) -> list[tuple[sympy.Rational, sympy.Rational]]:
    """Intersections of pairs of lines ``a x1 + b x2 = c`` that satisfy ``feasible``."""
    out: list[tuple[sympy.Rational, sympy.Rational]] = []
    for (a1, b1, c1), (a2, b2, c2) in itertools.combinations(lines, 2):
        det = a1 * b2 - a2 * b1
        if det == 0:
            continue
        x1 = (c1 * b2 - c2 * b1) / det
        x2 = (a1 * c2 - a2 * c1) / det
        if feasible(x1, x2) and (x1, x2) not in out:
            out.append((x1, x2))
    return sorted(out)


@register("plan-lp", "A two-good plan: maximize output value under a labour constraint.",
          "linear programming by vertex enumeration with exact fractions, and the shadow "
          "price of labour (Kantorovich)", "planning")
def plan_lp(rng: random.Random, seed: int) -> Exercise:
    """Two-good plan by vertex enumeration (Kantorovich 1939/1959; Dantzig 1963, ch. 3)."""
    while True:
        l1, l2 = R(rng.randint(2, 4)), R(rng.randint(1, 3))
        K = R(5 * rng.randint(2, 6))
        L = l1 * K + l2 * 5 * rng.randint(1, 6)
        c1, c2 = R(rng.randint(3, 10)), R(rng.randint(1, 6))
        if c1 / l1 == c2 / l2:
            continue
        lines = [(R(1), R(0), R(0)), (R(0), R(1), R(0)), (R(1), R(0), K), (l1, l2, L)]

        def feasible(x1, x2, l1=l1, l2=l2, K=K, L=L):
            return x1 >= 0 and x2 >= 0 and x1 <= K and l1 * x1 + l2 * x2 <= L

        verts = vertices(lines, feasible)
        vals = [c1 * a + c2 * b for a, b in verts]
        best = max(vals)
        if vals.count(best) == 1:
            break
    x1, x2 = verts[vals.index(best)]
    yL = c2 / l2
    yK = c1 - l1 * yL if x1 == K else R(0)
    problem = (
        "A planning board chooses the output of machines $x_1$ and of consumer goods $x_2$ "
        f"(thousand units). Machines need {tex(l1)} and consumer goods {tex(l2)} thousand "
        f"hours of labour per unit, and $L = {tex(L)}$ thousand hours are available. Existing "
        f"plant can make at most $K = {tex(K)}$ machines. The plan values a machine at "
        f"$c_1 = {tex(c1)}$ and a unit of consumer goods at $c_2 = {tex(c2)}$:\n\n"
        f"$$\\max\\ {tex(c1)}x_1 + {tex(c2)}x_2 \\quad \\text{{s.t.}}\\quad {tex(l1)}x_1 + "
        f"{tex(l2)}x_2 \\le {tex(L)},\\ x_1 \\le {tex(K)},\\ x_1, x_2 \\ge 0.$$\n\n"
        "Find the optimal plan $(x_1, x_2)$ and its value by enumerating the vertices of the "
        "feasible region. Optionally, find the shadow price of labour $y_L$ and of plant "
        "capacity $y_K$.")
    s = Steps()
    s.add("Draw the feasible region",
          "The region is bounded by the axes, the capacity line $x_1 = "
          f"{tex(K)}$ and the labour line ${tex(l1)}x_1 + {tex(l2)}x_2 = {tex(L)}$. Since "
          f"${tex(l1)} \\cdot {tex(K)} = {tex(l1 * K)} < {tex(L)}$, capacity binds before "
          "labour on the $x_1$ axis.")
    listing = ", ".join(f"$({tex(a)}, {tex(b)})$" for a, b in verts)
    s.add("List the vertices",
          f"Intersecting the lines pairwise and keeping the feasible points gives {listing}.")
    table = "; ".join(f"$({tex(a)}, {tex(b)}) \\mapsto {tex(v)}$"
                      for (a, b), v in zip(verts, vals, strict=True))
    s3 = s.add("Evaluate the objective",
               f"{table}. The best vertex is $x_1 = {tex(x1)}$, $x_2 = {tex(x2)}$ with value "
               f"${tex(best)}$.")
    if x1 == K:
        dual = (f"Both constraints bind. As $x_2 > 0$, its dual constraint holds with "
                f"equality: ${tex(l2)} y_L = {tex(c2)}$, so $y_L = {tex(yL)}$; as $x_1 > 0$, "
                f"${tex(l1)} y_L + y_K = {tex(c1)}$, so $y_K = {tex(yK)}$.")
    else:
        dual = (f"Only labour binds, so $y_K = 0$; as $x_2 > 0$, ${tex(l2)} y_L = {tex(c2)}$ "
                f"and $y_L = {tex(yL)}$ (machines earn ${tex(c1)} < {tex(l1)} y_L = "
                f"{tex(l1 * yL)}$ per unit, so none are made).")
    s4 = s.add("Shadow prices (dual)",
               f"{dual} Strong duality: ${tex(L)} y_L + {tex(K)} y_K = {tex(L * yL + K * yK)}$, "
               "the value of the plan. One more thousand hours of labour would raise the "
               f"value by $y_L = {tex(yL)}$ (Kantorovich's objectively determined valuation).")
    parts = [part("x1", "x_1", x1, s, s3, "machines"),
             part("x2", "x_2", x2, s, s3, "consumer goods"),
             part("value", "c \\cdot x", best, s, s3, "value of the plan"),
             part("y_L", "y_L", yL, s, s4, "shadow price of labour", optional=True),
             part("y_K", "y_K", yK, s, s4, "shadow price of capacity", optional=True)]
    alt = verts[vals.index(sorted(vals)[-2])] if len(vals) > 1 else (x1, x2)
    mistakes = [Mistake("x1", alt[0], "That vertex is feasible but not the best: evaluate the "
                        "objective at every vertex."),
                Mistake("x2", alt[1], "That vertex is feasible but not the best: evaluate the "
                        "objective at every vertex."),
                Mistake("x2", L / l2, "x2 = L/l2 ignores the labour used by the machines.")]
    return make_exercise("plan-lp", seed, "A two-good plan", problem, s, parts,
                         {"c": sympy.ImmutableMatrix([c1, c2]),
                          "labour": sympy.ImmutableMatrix([l1, l2]), "L": L, "K": K},
                         mistakes)
