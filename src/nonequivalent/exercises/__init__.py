"""Exercises with worked solutions and answer checkers, one generator per model.

Every topic generates, from an integer seed, a small textbook problem with friendly rational
numbers, a worked step-by-step solution in exact fractions, and a checker that reads a
student's answer (numbers, fractions, strings like ``"3/4"``; never evaluated) and names the
step to revisit when it is wrong. Answers given as fractions (``int``,
:class:`fractions.Fraction`, ``"3/4"``) must be exactly right; floats and decimal strings
are compared with relative tolerance :data:`RTOL` (``1e-6``).

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

from ..errors import ExerciseError
from . import _exchange, _io, _planning, _workers  # noqa: F401  (registers the topics)
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
    "CheckResult",
    "Exercise",
    "Mistake",
    "Part",
    "Topic",
    "generate",
    "list",
    "render",
    "topics",
]


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


def render(exercise: Exercise, solution: bool = False) -> str:
    """The exercise as markdown: title, problem, and the worked solution if asked.

    Without the solution, the text ends with how to give the answer.

    Examples
    --------
    >>> from nonequivalent import exercises
    >>> text = exercises.render(exercises.generate("scissors", 1), solution=True)
    >>> text.splitlines()[0]
    '# The price scissors'
    >>> "**Step 1. Scissors index.**" in text
    True
    """
    head = [f"# {exercise.title}", "",
            f"*Topic `{exercise.topic}`, seed {exercise.seed}.*", "", exercise.problem, ""]
    if solution:
        head += ["## Solution", "", exercise.solution, ""]
    else:
        head += [exercise.answer_format(), ""]
    return "\n".join(head)
