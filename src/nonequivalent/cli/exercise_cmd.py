"""``nonequivalent exercise``: generated exercises, their solutions and answer checks."""

from __future__ import annotations

import argparse
import textwrap
from typing import TextIO

import pandas as pd

from .options import _width
from .render import PROG, Document, Section, UsageError, _write, render


def _cmd_exercise(args: argparse.Namespace, out: TextIO) -> int:
    from .. import exercises

    if args.topic == "list":
        table = pd.DataFrame({"description": pd.Series(exercises.topics())})
        table.index.name = "topic"
        doc = Document("Exercise topics", (Section("Topics", table, (
            "Generate one with: nonequivalent exercise TOPIC --seed N [--solution]; check "
            "your answer with: nonequivalent exercise TOPIC --seed N --check 'ANSWER'",)),))
        _write(render(doc, "text", _width(args, out)), args.output, out)
        return 0
    if args.seed is not None and args.seed < 0:
        raise UsageError(f"--seed must be a non-negative integer, got {args.seed}.")
    seed = 0 if args.seed is None else args.seed
    if args.check is not None:
        if args.solution:
            raise UsageError("give --check or --solution, not both.")
        result = exercises.check(args.topic, seed, args.check)
        verdict = "right" if result.correct else "wrong"
        text = f"{verdict}: {result.message}\n"
        if not result.correct:
            text += (f"See the worked solution with: {PROG} exercise {args.topic} --seed "
                     f"{seed} --solution\n")
        _write(text, args.output, out)
        return 0
    exercise = exercises.generate(args.topic, seed=seed)
    standalone = getattr(args, "standalone", False)
    if standalone and args.format != "latex":
        raise UsageError("--standalone makes a LaTeX document: use it with --format latex.")
    text = exercises.render(exercise, solution=args.solution, format=args.format,
                            standalone=standalone)
    width = _width(args, out)
    if width is not None and args.format == "text":
        text = "\n".join(_wrap_line(line, width) for line in text.split("\n"))
    _write(text, args.output, out)
    return 0


def _wrap_line(line: str, width: int) -> str:
    """A line of an exercise wrapped to ``width`` (indentation kept; math never cut)."""
    if len(line) <= width:
        return line
    indent = line[:len(line) - len(line.lstrip())]
    return textwrap.fill(line, width=width, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)
