"""The exercise result, answer checking, the topic registry and small helpers.

An :class:`Exercise` is frozen: a problem (markdown with LaTeX), a worked solution, the exact
answer as named :class:`Part` objects (each tied to the solution step that produces it), and
:meth:`Exercise.check`, which reads a student's answer and says which step to revisit.

Answers are read without ``eval``: numbers, :class:`fractions.Fraction`, sympy rationals, and
strings read by the small grammar of :mod:`nonequivalent.exercises._answers` (``"3/4"``,
``"11 7/8"``, ``"-2"``, ``"0.75"``, ``"1.2e3"``, ``"1,234.5"``, ``"45%"``). A fraction must
equal the expected value exactly; a decimal (or a float, or an integer for a value that is
not one) is right when it agrees with the exact value to :data:`SIG_FIGS` significant
figures, and the check then says it is rounded and shows the exact value.
"""

from __future__ import annotations

import dataclasses
import math
import random
import re
import types
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import sympy

from ..errors import ExerciseError
from ._answers import EXAMPLES, SIG_FIGS, agreeing_figures, parse_number, tolerance

#: Relative tolerance within which a float or decimal counts as the exact value itself
#: (beyond it, up to :data:`SIG_FIGS` significant figures, it is right but rounded).
RTOL = 1e-6
#: Absolute tolerance used when the expected value is zero (or tiny).
ATOL = 1e-9


# ---------------------------------------------------------------------- result classes
@dataclasses.dataclass(frozen=True)
class Part:
    """One named component of an exercise's answer.

    Attributes
    ----------
    name : str
        Key used in answers given as a mapping (``"x_1"``, ``"tribute"``).
    symbol : str
        LaTeX symbol shown in the problem and solution.
    value : sympy expression
        The exact expected value.
    step, step_title : int, str
        The solution step that produces this value.
    description : str
        What the value is, in words.
    optional : bool
        Optional parts are checked only when given.

    Examples
    --------
    >>> from nonequivalent import exercises
    >>> p = exercises.generate("scissors", 0).parts[0]
    >>> p.name, p.step, p.step_title
    ('sigma', 1, 'Scissors index')
    """

    name: str
    symbol: str
    value: sympy.Expr
    step: int
    step_title: str
    description: str = ""
    optional: bool = False

    @property
    def float_value(self) -> float:
        """The expected value as a float."""
        return float(sympy.N(self.value, 17))


@dataclasses.dataclass(frozen=True)
class Mistake:
    """A common wrong value of one part and the hint to give when it is met.

    Each generator lists the slips its formula invites (e.g. direct labour ``l`` given for
    the labour value ``λ = l (I − A)⁻¹``, Marx, *Capital* I, ch. 1; Morishima 1973);
    :meth:`Exercise.check` adds the hint to its message when an answer equals ``value``.

    Attributes
    ----------
    part : str
        Name of the :class:`Part` the wrong value is given for.
    value : sympy expression
        The wrong value, exactly.
    hint : str
        What the value is and how to correct it.

    Examples
    --------
    >>> from nonequivalent import exercises
    >>> ex = exercises.generate("labour-values", seed=0)
    >>> slip = next(m for m in ex.mistakes if m.part == "lambda_1")
    >>> slip.hint
    'That is direct labour only; add the labour embodied in the inputs (λA).'
    >>> slip.hint in ex.check({"lambda_1": slip.value}).message
    True
    """

    part: str
    value: sympy.Expr
    hint: str


@dataclasses.dataclass(frozen=True)
class CheckResult:
    """Outcome of :meth:`Exercise.check`; true when every (given) part is right.

    Attributes
    ----------
    correct : bool
    message : str
        What is right, or which step to revisit for each wrong value.
    wrong : tuple of str
        Names of the wrong or missing parts.
    steps : tuple of int
        Solution steps to revisit (sorted, unique).

    Examples
    --------
    >>> from nonequivalent import exercises
    >>> ex = exercises.generate("scissors", 0)
    >>> res = ex.check({"sigma": ex.answer["sigma"], "transfer": 0})
    >>> bool(res), res.wrong, res.steps
    (False, ('transfer',), (2,))
    """

    correct: bool
    message: str
    wrong: tuple[str, ...] = ()
    steps: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return self.correct

    def __str__(self) -> str:
        return self.message


@dataclasses.dataclass(frozen=True)
class Exercise:
    """A generated exercise with its worked solution and answer checker.

    Attributes
    ----------
    topic : str
        Registry name (see :func:`nonequivalent.exercises.topics`).
    seed : int
        Seed that reproduces the exercise.
    title : str
    problem : str
        Problem statement (markdown with LaTeX).
    solution : str
        Worked, step-by-step solution with exact fractions (markdown with LaTeX).
    parts : tuple of Part
        Named answer components with their exact values.
    data : mapping
        The exercise's inputs as exact sympy values (read-only).
    mistakes : tuple of Mistake
        Common wrong values recognised by :meth:`check`.

    Examples
    --------
    >>> from nonequivalent import exercises
    >>> ex = exercises.generate("exploitation", 0)
    >>> ex.answer
    {'v': 19/4, 'surplus': 21/4, 'e': 21/19}
    >>> print(ex.check(["19/4", "21/4", 0.5]).message)
    Step 3: Rate of exploitation — your e = 0.5 is off.
    >>> ex.check(["19/4", 5.25, "21/19"]).correct
    True
    """

    topic: str
    seed: int
    title: str
    problem: str
    solution: str
    parts: tuple[Part, ...]
    data: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    mistakes: tuple[Mistake, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "data", types.MappingProxyType(dict(self.data)))

    # -------------------------------------------------------------- answer views
    @property
    def answer(self) -> dict[str, sympy.Expr]:
        """The exact answer, ``{part name: sympy value}`` in the order of the parts."""
        return {p.name: p.value for p in self.parts}

    @property
    def answer_float(self) -> dict[str, float]:
        """The answer as floats, ``{part name: float}``."""
        return {p.name: p.float_value for p in self.parts}

    @property
    def required(self) -> tuple[Part, ...]:
        """The parts a complete answer must give."""
        return tuple(p for p in self.parts if not p.optional)

    def to_frame(self) -> pd.DataFrame:
        """The answer as a DataFrame: exact value (string), float, step, description."""
        return pd.DataFrame(
            {"exact": [str(p.value) for p in self.parts],
             "value": [p.float_value for p in self.parts],
             "step": [p.step for p in self.parts],
             "description": [p.description for p in self.parts]},
            index=pd.Index([p.name for p in self.parts], name="part"))

    def answer_format(self) -> str:
        """One line telling how to give the answer."""
        req = ", ".join(p.name for p in self.required)
        opt = [p.name for p in self.parts if p.optional]
        extra = f" (optional: {', '.join(opt)})" if opt else ""
        return (f"Answer with: {req}{extra}, separated by commas (or by name: "
                f"{self.required[0].name} = 3/4). Fractions like 3/4 and mixed numbers like "
                f"11 7/8 are checked exactly; decimals must agree to {SIG_FIGS} significant "
                "figures.")

    @property
    def problem_text(self) -> str:
        """The problem as readable Unicode text (no LaTeX), for a terminal."""
        from ._text import to_text
        return to_text(self.problem).replace("**", "")

    @property
    def solution_text(self) -> str:
        """The worked solution as readable Unicode text (no LaTeX), for a terminal."""
        from ._text import to_text
        return to_text(self.solution).replace("**", "")

    def __repr__(self) -> str:
        return (f"Exercise({self.topic!r}, seed={self.seed}, {len(self.parts)} parts: "
                f"{', '.join(p.name for p in self.parts)})")

    def __str__(self) -> str:
        return f"{self.title} [{self.topic}, seed {self.seed}]\n\n{self.problem_text}"

    def _repr_markdown_(self) -> str:
        """The problem as markdown with LaTeX math (Jupyter renders the math)."""
        from . import render

        return render(self)

    def summary(self) -> str:
        """Title, problem and answer format (no solution)."""
        return f"{self}\n\n{self.answer_format()}"

    # -------------------------------------------------------------- checking
    def check(self, answer: Any) -> CheckResult:
        """Check an answer and say which step to revisit if it is wrong.

        A value is right when it equals the exact value, or when it agrees with it to
        :data:`SIG_FIGS` significant figures (looser than the six figures the solution
        prints after "≈"); a rounded right value is reported with the exact one beside it.
        Fractions, mixed numbers (``"11 7/8"``), decimals, scientific notation, thousands
        separators and a Unicode minus are read; a percentage (``"45%"``) where the part is
        a share or a rate.

        Parameters
        ----------
        answer : number, str, Fraction, sequence or mapping
            A single value (one-part exercises); a sequence in the order of
            :attr:`parts` (required parts only, or all parts); or a mapping
            ``{part name: value}``. Names may be written as in :attr:`parts`
            (``lambda_P_1``) or as printed in the problem (``λᴾ₁``, ``\\lambda^P_1``);
            case, spaces and underscores are ignored.

        Returns
        -------
        CheckResult
            Truthy when right; ``.message`` names the step of each wrong value.

        Raises
        ------
        ExerciseError
            The answer cannot be read (unknown name, wrong count, not a number).

        Examples
        --------
        >>> from nonequivalent import exercises
        >>> ex = exercises.generate("two-earner", 0)
        >>> ex.check({"m1": "3/2", "whole": 2, "e_before": "3/5", "e_after": 1.4,
        ...           "extra_hours": "4"}).correct
        True
        >>> print(exercises.generate("tribute", 3).check("72, 11 7/8, 98.88").message)
        Correct: underpayment, overpayment, tribute all match.
        tribute = 98.88 is right to 4 significant figures; exactly 791/8 (≈ 98.875).
        """
        given = self._normalise(answer)
        wrong: list[str] = []
        steps: set[int] = set()
        lines: list[str] = []
        rounded: list[str] = []
        for part in self.parts:
            if part.name not in given:
                if part.optional:
                    continue
                wrong.append(part.name)
                steps.add(part.step)
                lines.append(f"Step {part.step}: {part.step_title} — {part.name} is missing.")
                continue
            g = given[part.name]
            if g.percent and not _is_share(part):
                raise ExerciseError(
                    f"{part.name} ({part.description or 'this part'}) is not a share or a "
                    f"rate, so it cannot be given as a percentage ({g.text!r}); give it as a "
                    "number, e.g. 3/4 or 0.75.")
            verdict = _judge(part.value, g)
            if verdict == "exact":
                continue
            if verdict == "rounded":
                agree = _agreeing(part.value, g)
                figures = min(g.figures, agree) if g.figures else agree
                rounded.append(
                    f"{part.name} = {g.text or _show(g.value)} is right to "
                    f"{max(figures, SIG_FIGS)} significant figures; exactly {part.value}"
                    + _approx_text(part.value) + ".")
                continue
            wrong.append(part.name)
            steps.add(part.step)
            line = (f"Step {part.step}: {part.step_title} — your {part.name} = "
                    f"{g.text or _show(g.value)} is off")
            near = _agreeing(part.value, g)
            if 1 <= g.figures <= near < SIG_FIGS:  # every figure written is right
                line += (f" only in the rounding: it is right to {near} significant "
                         f"figure{'s' if near > 1 else ''}; give at least {SIG_FIGS} "
                         f"(≈ {_sig(part.value, SIG_FIGS)}) or the exact fraction.")
            else:
                line += "."
            for m in self.mistakes:
                if m.part == part.name and _judge(m.value, g) != "wrong":
                    line += f" {m.hint}"
                    break
            lines.append(line)
        if not wrong:
            names = [p.name for p in self.parts if p.name in given]
            msg = f"Correct: {', '.join(names)} all match."
            return CheckResult(True, "\n".join([msg, *rounded]))
        return CheckResult(False, "\n".join(lines + rounded), tuple(wrong),
                           tuple(sorted(steps)))

    def part_names(self) -> dict[str, str]:
        """Every accepted spelling of each part's name (normalised) -> the part's name.

        The name (``lambda_P_1``), its symbol in LaTeX (``\\lambda^P_1``) and as printed in
        the text (``λᴾ₁``) all designate the part.
        """
        from ._text import to_text

        out: dict[str, str] = {}
        for p in self.parts:
            for spelling in (p.name, p.symbol, to_text(f"${p.symbol}$")):
                key = _key(spelling)
                if key and key not in out:
                    out[key] = p.name
        return out

    def _example(self) -> str:
        """An example of the expected form, with the parts' names."""
        names = [p.name for p in self.required]
        forms = ["3/4", "11 7/8", "0.75", "2", "1.25e3"]
        return (f"'{', '.join(forms[i % len(forms)] for i in range(len(names)))}' or "
                f"'{names[0]} = 3/4; {names[-1]} = 0.75'")

    def _normalise(self, answer: Any) -> dict[str, Given]:
        keys = self.part_names()
        if isinstance(answer, str):  # "72, 11 7/8, 98.88" or "v = 19/4; e = 21/19"
            from . import _parse_answer

            answer = _parse_answer(answer)
        if isinstance(answer, pd.Series):
            answer = dict(answer.items())
        if isinstance(answer, Mapping):
            out = {}
            for k, v in answer.items():
                name = keys.get(_key(str(k)))
                if name is None:
                    raise ExerciseError(
                        f"there is no part called {str(k)!r} in this exercise; its parts are "
                        f"{', '.join(p.name for p in self.parts)} (or their symbols as "
                        "printed in the problem).")
                if name in out:
                    raise ExerciseError(f"{name} is given twice.")
                out[name] = read_number(v, name)
            return out
        if isinstance(answer, sympy.MatrixBase):
            answer = list(answer)
        if isinstance(answer, np.ndarray):
            answer = answer.reshape(-1).tolist()
        if isinstance(answer, Sequence) and not isinstance(answer, str | bytes):
            req = self.required
            if len(answer) == len(req):
                parts = req
            elif len(answer) == len(self.parts):
                parts = self.parts
            else:
                raise ExerciseError(
                    f"you gave {len(answer)} value{'s' if len(answer) != 1 else ''}; this "
                    f"exercise asks for {len(req)} ({', '.join(p.name for p in req)})"
                    + (f", or {len(self.parts)} with the optional parts"
                       if len(req) != len(self.parts) else "")
                    + f", in that order: e.g. {self._example()}.")
            return {p.name: read_number(v, p.name) for p, v in zip(parts, answer, strict=True)}
        if len(self.required) != 1:
            if isinstance(answer, str):
                try:
                    parse_number(answer)
                except ExerciseError:
                    raise ExerciseError(
                        f"cannot read {answer.strip()[:40]!r} as a number, and this exercise "
                        f"asks for {len(self.required)} values "
                        f"({', '.join(p.name for p in self.required)}); give them separated "
                        f"by commas in that order, or by name: e.g. {self._example()}."
                    ) from None
            raise ExerciseError(
                f"this exercise asks for {len(self.required)} values "
                f"({', '.join(p.name for p in self.required)}); give them separated by "
                f"commas in that order, or by name: e.g. {self._example()}.")
        name = self.required[0].name
        return {name: read_number(answer, name)}


# ---------------------------------------------------------------------- reading answers
_GREEK = {"λ": "lambda", "Λ": "Lambda", "μ": "mu", "σ": "sigma", "ε": "epsilon",
          "π": "pi", "Π": "Pi", "ρ": "rho", "τ": "tau", "θ": "theta", "α": "alpha",
          "β": "beta", "γ": "gamma", "δ": "delta", "Δ": "Delta", "κ": "kappa",
          "ω": "omega", "φ": "phi", "η": "eta", "ν": "nu", "ξ": "xi", "χ": "chi", "ψ": "psi"}


def _key(name: str) -> str:
    """A part name, normalised: Unicode sub/superscripts to ASCII, Greek letters spelt out,
    markup, spaces, underscores and case dropped (``λᴾ₁`` and ``lambda_P_1`` agree)."""
    import unicodedata

    text = "".join(_GREEK.get(c, c) for c in unicodedata.normalize("NFKC", name))
    text = re.sub(r"\\(text|mathrm|operatorname)\b", "", text).replace("varepsilon",
                                                                      "epsilon")
    return re.sub(r"[\s_\-{}\\^$]", "", text).lower()


@dataclasses.dataclass(frozen=True)
class Given:
    """One value of a student's answer as read: the value, whether it was written exactly
    (integer, fraction, mixed number), its significant figures, a percent sign, the text."""

    value: Any
    exact: bool
    figures: int = 0
    percent: bool = False
    text: str = ""
    decimal: Fraction | None = None  # the exact value of a decimal as written


def read_number(value: Any, what: str = "answer") -> Given:
    """Read one answer value without ``eval``.

    Exact values are sympy Rationals (from ints, Fractions, sympy Rationals and strings
    written as integers, fractions or mixed numbers); approximate ones are floats (from
    floats and decimal strings) or sympy numbers that are not rational. Strings follow the
    grammar of :mod:`nonequivalent.exercises._answers`.

    >>> from nonequivalent.exercises._base import read_number
    >>> read_number("3/4").value, read_number("11 7/8").value, read_number("0.75").value
    (3/4, 95/8, 0.75)
    """
    if isinstance(value, bool | np.bool_):
        raise ExerciseError(f"{what}: got a boolean; give a number.")
    if isinstance(value, sympy.Basic):
        if isinstance(value, sympy.Rational):
            return Given(value, True)
        if value.is_number and value.is_real is True and value.count_ops() <= 200:
            return Given(value, True)
        raise ExerciseError(f"{what}: cannot read {value} as a (real, finite) number.")
    if isinstance(value, int | np.integer):
        return Given(sympy.Integer(int(value)), True)
    if isinstance(value, Fraction):
        return Given(sympy.Rational(value.numerator, value.denominator), True)
    if isinstance(value, float | np.floating):
        if not math.isfinite(float(value)):
            raise ExerciseError(f"{what}: {value!r} is not a finite number.")
        text = repr(float(value))
        try:
            n = parse_number(text, what)
        except ExerciseError:  # a float too long or large for the grammar: its binary value
            return Given(float(value), False, 17, False, text, Fraction(float(value)))
        return Given(float(value), False, n.figures, False, text, n.value)
    if isinstance(value, str):
        n = parse_number(value, what)
        if n.exact:
            return Given(sympy.Rational(n.value.numerator, n.value.denominator), True, 0,
                         n.percent, n.text)
        try:
            approx = float(n.value)
        except OverflowError:
            raise ExerciseError(f"{what}: {n.text!r} is too large for a floating-point "
                                "number (at most about 1e308); no answer here is that "
                                "large.") from None
        return Given(approx, False, n.figures, n.percent, n.text, n.value)
    raise ExerciseError(f"{what}: cannot read {value!r} (type {type(value).__name__}) as a "
                        f"number; write it like {EXAMPLES}.")


def _is_share(part: Part) -> bool:
    """Whether a part is a share or a rate (so that a percentage is a natural answer)."""
    words = f"{part.name} {part.description}".lower()
    return bool(re.search(r"share|rate|ratio|index|exploitation", words))


def _judge(expected: sympy.Expr, given: Given) -> str:
    """``"exact"``, ``"rounded"`` (right to SIG_FIGS figures) or ``"wrong"``.

    Exact when the value read equals the expected one exactly (a decimal ``1.4`` is exactly
    7/5); rounded when it agrees to :data:`SIG_FIGS` significant figures; a fraction or a
    mixed number is never rounded, so it is right only when exact.
    """
    value = given.value
    if isinstance(value, sympy.Basic) and not isinstance(value, sympy.Rational):
        # an algebraic answer (a radical): compare at 30 digits, never simplify (which can
        # take unbounded time on an adversarial expression)
        try:
            diff = abs(complex(sympy.N(expected - value, 30)))
        except (TypeError, ValueError, ArithmeticError):
            return "wrong"
        e = float(sympy.N(expected, 17))
        return "exact" if diff <= 1e-25 * max(1.0, abs(e)) else "wrong"
    exact_value = (value if isinstance(value, sympy.Rational) else
                   sympy.Rational(given.decimal.numerator, given.decimal.denominator)
                   if given.decimal is not None else None)
    if exact_value is not None and isinstance(expected, sympy.Rational):
        if expected == exact_value:
            return "exact"
        if given.exact and not (exact_value.q == 1 and "/" not in given.text):
            return "wrong"  # a fraction is judged exactly; an integer may be rounded
    e = float(sympy.N(expected, 17))
    try:
        g = float(sympy.N(value, 17)) if isinstance(value, sympy.Basic) else float(value)
    except (TypeError, ValueError, OverflowError):
        return "wrong"
    if not isinstance(expected, sympy.Rational) and abs(g - e) <= RTOL * abs(e) + ATOL \
            and given.exact:
        return "exact"
    if e == 0:
        return "exact" if abs(g) <= ATOL else "wrong"
    if abs(g - e) <= tolerance(e) * (1 + 1e-9):
        return "rounded"
    return "wrong"


def _agreeing(expected: sympy.Expr, given: Given) -> int:
    try:
        g = float(sympy.N(given.value, 17)) if isinstance(given.value, sympy.Basic) \
            else float(given.value)
    except (TypeError, ValueError, OverflowError):
        return 0
    return agreeing_figures(g, float(sympy.N(expected, 17)))


def _sig(value: sympy.Expr, figures: int) -> str:
    return f"{float(sympy.N(value, 17)):.{figures}g}"


def _approx_text(value: sympy.Expr) -> str:
    return "" if isinstance(value, sympy.Integer) else f" (≈ {_sig(value, 6)})"


def _show(value: Any) -> str:
    return str(value) if isinstance(value, sympy.Basic) else f"{value:g}"


# ---------------------------------------------------------------------- registry
@dataclasses.dataclass(frozen=True)
class Topic:
    """A registered exercise topic: its name, what it practises and its generator.

    The formula each topic practises, and its source, is in the docstring of its
    generator (e.g. the squeeze optimum ``p* = ε pᵉ / (1 + ε)``, Sah & Stiglitz, *AER*
    74, 1984).

    Attributes
    ----------
    name : str
        Key of the topic (``exercises.list()``).
    description : str
        One line, as in :func:`nonequivalent.exercises.topics`.
    practises : str
        The model or skill the exercise practises.
    group : str
        The part of the library it belongs to (``input-output``, ``exchange``, ...).
    generator : callable
        ``generator(seed)`` returns the :class:`Exercise` of that seed.

    Examples
    --------
    >>> from nonequivalent.exercises import REGISTRY
    >>> topic = REGISTRY["squeeze"]
    >>> topic.name, topic.group
    ('squeeze', 'exchange')
    >>> topic.generator(3).parts[0].name
    'p_star'
    """

    name: str
    description: str
    practises: str
    group: str
    generator: Callable[[int], Exercise]


REGISTRY: dict[str, Topic] = {}


def register(name: str, description: str, practises: str,
             group: str) -> Callable[[Callable[[random.Random, int], Exercise]],
                                     Callable[[random.Random, int], Exercise]]:
    """Register a generator ``f(rng, seed) -> Exercise`` under ``name``."""

    def deco(func: Callable[[random.Random, int], Exercise]
             ) -> Callable[[random.Random, int], Exercise]:
        def make(seed: int) -> Exercise:
            # seeded by topic and seed (str seeds hash with SHA-512: stable across runs)
            return func(random.Random(f"{name}:{seed}"), seed)

        make.__doc__ = func.__doc__
        REGISTRY[name] = Topic(name, description, practises, group, make)
        return func

    return deco


# ---------------------------------------------------------------------- writing helpers
class Steps:
    """Accumulates numbered solution steps; :meth:`add` returns the step number."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, title: str, body: str) -> int:
        self.items.append((title, body))
        return len(self.items)

    def title(self, k: int) -> str:
        return self.items[k - 1][0]

    def markdown(self, parts: Sequence[Part]) -> str:
        out = [f"**Step {i}. {t}.** {b}" for i, (t, b) in enumerate(self.items, start=1)]
        ans = "; ".join(f"${p.symbol} = {tex(p.value)}$" + _approx(p.value) for p in parts)
        out.append(f"**Answer.** {ans}.")
        return "\n\n".join(out)


def _approx(value: sympy.Expr) -> str:
    if isinstance(value, sympy.Integer):
        return ""
    return f" ($\\approx {float(sympy.N(value, 17)):.6g}$)"


def tex(x: Any) -> str:
    """LaTeX for a sympy number, vector or matrix (vectors and matrices as pmatrix)."""
    if isinstance(x, sympy.MatrixBase):
        rows = [" & ".join(tex(x[i, j]) for j in range(x.cols)) for i in range(x.rows)]
        return "\\begin{pmatrix} " + " \\\\ ".join(rows) + " \\end{pmatrix}"
    return sympy.latex(sympy.sympify(x))


def num(x: Any) -> str:
    """LaTeX of a number, parenthesised when negative (for use inside products)."""
    s = tex(x)
    return f"\\left({s}\\right)" if sympy.sympify(x) < 0 else s


def make_exercise(topic: str, seed: int, title: str, problem: str, steps: Steps,
                  parts: Sequence[Part], data: Mapping[str, Any],
                  mistakes: Sequence[Mistake] = ()) -> Exercise:
    """Assemble an :class:`Exercise`, rendering the solution from ``steps``."""
    parts = tuple(parts)
    return Exercise(topic=topic, seed=seed, title=title, problem=problem,
                    solution=steps.markdown(parts), parts=parts, data=dict(data),
                    mistakes=tuple(m for m in mistakes
                                   if not _same_value(m.value, _value_of(parts, m.part))))


def _value_of(parts: Sequence[Part], name: str) -> sympy.Expr:
    for p in parts:
        if p.name == name:
            return p.value
    raise KeyError(name)


def _same_value(a: sympy.Expr, b: sympy.Expr) -> bool:
    return abs(float(sympy.N(a - b, 17))) <= RTOL * abs(float(sympy.N(b, 17))) + ATOL


def part(name: str, symbol: str, value: Any, steps: Steps, step: int, description: str = "",
         optional: bool = False) -> Part:
    """Build a :class:`Part` bound to ``step`` of ``steps``."""
    return Part(name, symbol, sympy.sympify(value), step, steps.title(step), description,
                optional)


# ---------------------------------------------------------------------- random helpers
def R(p: int, q: int = 1) -> sympy.Rational:
    """Shorthand for ``sympy.Rational(p, q)``."""
    return sympy.Rational(p, q)


def tenths_matrix(rng: random.Random, n: int, max_col_tenths: int = 6,
                  max_entry: int = 4, friendly: bool = True) -> sympy.ImmutableMatrix:
    """A productive ``n x n`` matrix with entries in tenths, column sums <= 0.6.

    Column sums below 1 make ``A`` productive by construction (ρ(A) <= max column sum).
    Every column has at least one positive entry and the matrix has off-diagonal inputs.
    ``friendly`` keeps only matrices whose ``det(I - A)`` has no prime factors but 2, 3, 5
    (in units of ``10^-n``), so that solutions have short denominators.
    """
    while True:
        cols = []
        for _ in range(n):
            while True:
                col = [rng.randint(0, max_entry) for _ in range(n)]
                if 0 < sum(col) <= max_col_tenths:
                    break
            cols.append(col)
        if not (n == 1 or any(cols[j][i] for i in range(n) for j in range(n) if i != j)):
            continue
        A = sympy.ImmutableMatrix([[R(cols[j][i], 10) for j in range(n)] for i in range(n)])
        if not friendly or _smooth(int((sympy.eye(n) - A).det() * 10**n)):
            return A


def _smooth(k: int) -> bool:
    """Whether ``k`` has no prime factors but 2, 3 and 5 (friendly fractions)."""
    k = abs(k)
    if k == 0:
        return False
    for q in (2, 3, 5):
        while k % q == 0:
            k //= q
    return k == 1


def choice(rng: random.Random, options: Sequence[Any]) -> Any:
    """``rng.choice`` that also works on tuples of sympy values."""
    return options[rng.randrange(len(options))]


def dot(u: sympy.MatrixBase, v: sympy.MatrixBase) -> sympy.Expr:
    """Dot product of two sympy vectors of any orientation."""
    return sum((a * b for a, b in zip(list(u), list(v), strict=True)), sympy.Integer(0))


def dot_tex(u: sympy.MatrixBase, v: sympy.MatrixBase) -> str:
    """``u_1 v_1 + u_2 v_2 + ...`` in LaTeX (terms with a zero factor are dropped)."""
    terms = [f"{num(a)} \\cdot {num(b)}" for a, b in zip(list(u), list(v), strict=True)
             if a != 0 and b != 0]
    return " + ".join(terms) if terms else "0"


def lincomb(coeffs: Sequence[Any], symbols: Sequence[str]) -> str:
    """``c_1 s_1 + c_2 s_2 + ...`` in LaTeX, dropping zero terms (``""`` marks a constant)."""
    terms = [(tex(c) if not sym else f"{num(c)}{sym}" if c != 1 else sym)
             for c, sym in zip(coeffs, symbols, strict=True) if c != 0]
    return " + ".join(terms) if terms else "0"


def vec_tex(name: str, v: sympy.MatrixBase) -> str:
    """``name = (v_1, v_2, ...)`` in LaTeX."""
    return f"{name} = \\left(" + ",\\ ".join(tex(x) for x in list(v)) + "\\right)"
