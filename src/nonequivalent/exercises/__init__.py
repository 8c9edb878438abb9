"""Exercises with worked solutions and answer checkers, one generator per model.

Every topic generates, from an integer seed, a small textbook problem with friendly rational
numbers, a worked step-by-step solution in exact fractions, and a checker that reads a
student's answer (numbers, fractions, strings like ``"3/4"``; never evaluated) and names the
step to revisit when it is wrong. Answers given as fractions (``int``,
:class:`fractions.Fraction`, ``"3/4"``, ``"11 7/8"``) must be exactly right; decimals
(``"1.33333"``, ``"98.88"``, ``"1.2e3"``, ``"45%"`` for a share) are right when they agree
with the exact value to :data:`SIG_FIGS` (4) significant figures, and the message then
gives the exact value beside them.

Examples
--------
>>> from nonequivalent import exercises
>>> "gross-output" in exercises.topics()
True
>>> ex = exercises.generate("gross-output", seed=0)
>>> ex.check(ex.answer).correct
True
>>> res = ex.check([1, 2] if len(ex.parts) == 2 else [1, 2, 3])
>>> res.correct, res.message.startswith("Step 2: Solve (I − A)x = y — your x_1")
(False, True)
"""

from __future__ import annotations

import builtins
from typing import Any

from ..errors import ExerciseError
from . import _exchange, _io, _planning, _workers  # noqa: F401  (registers the topics)
from ._answers import SIG_FIGS, split_values
from ._base import ATOL, REGISTRY, RTOL, CheckResult, Exercise, Mistake, Part, Topic

#: Topics in teaching order (the order of :func:`topics` and :func:`list`).
ORDER = ("gross-output", "labour-values", "values-by-kind", "cost-push-prices",
         "production-prices", "melt", "labour-transfer", "tribute", "scissors", "squeeze",
         "exploitation", "two-earner", "accumulation-sources", "plan-lp")
_rest = [k for k in REGISTRY if k not in ORDER]
_ordered = {k: REGISTRY[k] for k in (*ORDER, *_rest)}
REGISTRY.clear()
REGISTRY.update(_ordered)

__all__ = [
    "ATOL",
    "RTOL",
    "SIG_FIGS",
    "CheckResult",
    "Exercise",
    "Mistake",
    "Part",
    "Topic",
    "check",
    "generate",
    "list",
    "render",
    "topics",
]

#: Formats of :func:`render`: markdown and latex keep the LaTeX math, text is Unicode.
FORMATS = ("markdown", "latex", "text")
#: Longest answer text :func:`check` reads (characters).
MAX_ANSWER_CHARS = 10_000


def topics() -> dict[str, str]:
    """All exercise topics with a one-line description, in teaching order.

    Returns
    -------
    dict of str to str
        Topic name to description.

    Examples
    --------
    >>> from nonequivalent import exercises
    >>> exercises.topics()["tribute"]
    "Stalin's 'tribute': underpayment + overpayment + taxes."
    """
    return {name: t.description for name, t in REGISTRY.items()}


def list() -> builtins.list[str]:
    """Names of all exercise topics, in teaching order.

    Returns
    -------
    list of str
        The keys of :func:`topics`, in the same order.

    Examples
    --------
    >>> from nonequivalent import exercises
    >>> names = exercises.list()
    >>> names.index("gross-output"), names.index("labour-values"), len(names) >= 14
    (0, 1, True)
    """
    return builtins.list(REGISTRY)


def generate(topic: str, seed: int = 0) -> Exercise:
    """Generate the exercise of ``topic`` for ``seed`` (same seed, same exercise).

    Parameters
    ----------
    topic : str
        One of :func:`topics`.
    seed : int
        A non-negative integer.

    Raises
    ------
    ExerciseError
        Unknown topic (the message lists the topics) or an invalid seed.

    Examples
    --------
    >>> from nonequivalent import exercises
    >>> ex = exercises.generate("squeeze", seed=3)
    >>> ex.topic, ex.seed, [p.name for p in ex.parts]
    ('squeeze', 3, ['p_star', 'E_star', 'E_harsh'])
    >>> exercises.generate("nope", 0)
    Traceback (most recent call last):
    ...
    nonequivalent.errors.ExerciseError: unknown exercise topic 'nope'; choose one of ...
    """
    if topic not in REGISTRY:
        raise ExerciseError(f"unknown exercise topic {topic!r}; choose one of "
                            f"{', '.join(REGISTRY)}.")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ExerciseError(f"seed must be a non-negative integer, got {seed!r}.")
    return REGISTRY[topic].generator(seed)


def render(exercise: Exercise, solution: bool = False, format: str = "markdown",
           standalone: bool = False) -> str:
    """The exercise as text: title, problem, and the worked solution if asked.

    Without the solution, the text ends with how to give the answer.

    Parameters
    ----------
    exercise : Exercise
    solution : bool
        Include the worked solution.
    format : {"markdown", "latex", "text"}
        ``"markdown"`` (default): markdown with the math in LaTeX (``$\\frac{1}{5}$``),
        for a notebook. ``"latex"``: LaTeX that compiles with pdflatex (``\\section*``,
        ``\\textbf``, the math as written; needs amsmath). ``"text"``: readable Unicode
        for a terminal (``1/5``, ``λ₁``, ``(I − A)⁻¹``, matrices as ``[a, b; c, d]``), no
        markup; ``print(exercises.render(ex, format="text"))`` prints an exercise there.
    standalone : bool
        With ``format="latex"``: a whole document (preamble, ``\\begin{document}``), ready
        for pdflatex; without, a fragment to ``\\input`` into a document that loads
        amsmath.

    Examples
    --------
    >>> from nonequivalent import exercises
    >>> text = exercises.render(exercises.generate("scissors", 1), solution=True)
    >>> text.splitlines()[0]
    '# The price scissors'
    >>> "**Step 1. Scissors index.**" in text
    True
    >>> plain = exercises.render(exercises.generate("labour-values", 1), format="text")
    >>> print(plain.splitlines()[0]); "$" in plain, "λ = l(I − A)⁻¹" in plain
    Labour values
    (False, True)
    """
    if not isinstance(exercise, Exercise):
        raise ExerciseError(f"render needs an Exercise, got {type(exercise).__name__}.")
    if format not in FORMATS:
        raise ExerciseError(f"format must be one of {builtins.list(FORMATS)}, got {format!r}.")
    if standalone and format != "latex":
        raise ExerciseError("standalone=True makes a LaTeX document; use it with "
                            "format='latex'.")
    if format == "text":
        title = exercise.title
        head = [title, "=" * len(title), "",
                f"Topic {exercise.topic}, seed {exercise.seed}.", "", exercise.problem_text,
                ""]
        if solution:
            head += ["Solution", "--------", "", exercise.solution_text, ""]
        else:
            head += [exercise.answer_format(), ""]
        return "\n".join(head)
    head = [f"# {exercise.title}", "",
            f"*Topic `{exercise.topic}`, seed {exercise.seed}.*", "", exercise.problem, ""]
    if solution:
        head += ["## Solution", "", exercise.solution, ""]
    else:
        head += [exercise.answer_format(), ""]
    text = "\n".join(head)
    if format == "latex":
        from ._latex import document, to_latex

        body = to_latex(text) + "\n"
        return document(body, exercise.title) if standalone else body
    return text


def check(topic: str, seed: int, answer: Any) -> CheckResult:
    """Check a student's answer to the exercise ``topic`` of ``seed`` (for a command line).

    Parameters
    ----------
    topic : str
        An exercise topic (see :func:`topics`).
    seed : int
        The seed the exercise was generated with.
    answer : str or anything :meth:`Exercise.check` takes
        A text answer is read without evaluating it: values separated by commas or
        semicolons in the order of the parts (``"19/4, 21/4, 21/19"``), or named
        (``"v = 19/4; e = 21/19"``, names as in the parts or as printed, ``λᴾ₁``). With
        semicolons or new lines between values, commas may group thousands
        (``"1,234.5; 2"``). At most :data:`MAX_ANSWER_CHARS` characters.

    Returns
    -------
    CheckResult
        Truthy when right; its message names the step to revisit for each wrong value.

    Raises
    ------
    ExerciseError
        Unknown topic, bad seed, or an answer that cannot be read (never a bare Python
        exception, and never a hang: numbers are read with bounded length and exponent).

    Examples
    --------
    >>> from nonequivalent import exercises
    >>> exercises.check("exploitation", 0, "19/4, 21/4, 21/19").correct
    True
    >>> print(exercises.check("exploitation", 0, "v = 19/4; surplus = 5.25; e = 0.5"))
    Step 3: Rate of exploitation — your e = 0.5 is off.
    """
    exercise = generate(topic, seed)
    if isinstance(answer, str):
        answer = _parse_answer(answer)
    return exercise.check(answer)


def _parse_answer(text: str) -> Any:
    """A text answer as a list of values or a mapping of names to values (no eval)."""
    if len(text) > MAX_ANSWER_CHARS:
        raise ExerciseError(f"the answer is {len(text):,} characters long; give at most "
                            f"{MAX_ANSWER_CHARS:,}.")
    items = split_values(text)
    if not items:
        raise ExerciseError("the answer is empty; give the values separated by commas, e.g. "
                            "'3/4, 1/2', or by name, e.g. 'x_1 = 3/4; x_2 = 1/2'.")
    named = ["=" in t for t in items]
    if any(named) and not all(named):
        raise ExerciseError("give every value by name (x_1 = 3/4; x_2 = 1/2) or none "
                            "(3/4, 1/2), not a mixture.")
    if all(named):
        pairs = [t.split("=", 1) for t in items]
        keys = [k.strip() for k, _ in pairs]
        if len(set(keys)) != len(keys):
            raise ExerciseError(f"a value is named twice in {keys}.")
        return {k: v.strip() for k, v in zip(keys, (v for _, v in pairs), strict=True)}
    return items if len(items) > 1 else items[0]
