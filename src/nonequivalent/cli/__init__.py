"""The ``nonequivalent`` command: reports, plan comparisons, sweeps, data, scenarios, exercises.

Usage (``nonequivalent --help`` for the whole list)::

    nonequivalent report [--scenario NAME|FILE] [--format text|markdown|json|csv]
                         [--output FILE] [--plot FILE]
    nonequivalent compare [--scenario NAME|FILE] [--output FILE] [--plot FILE]
    nonequivalent sweep [--ratio-min X] [--ratio-max Y] [--steps N] [--output FILE]
    nonequivalent data list | data show NAME
    nonequivalent scenario list | scenario show NAME|FILE | scenario write NAME FILE
    nonequivalent scenario upgrade FILE [--output FILE] | scenario keys
    nonequivalent exercise list | exercise TOPIC --seed N [--solution]

Exit status: 0 on success, 2 on bad input (an unknown option, a malformed scenario file, an
unknown dataset...) with one line on standard error that says what is wrong, 1 on an
unexpected failure. The same runs from Python with :func:`main`, which returns the status.
The report itself is computed by :func:`nonequivalent.report`; this package only renders it
(:mod:`nonequivalent.cli.render`), parses the command line (:mod:`nonequivalent.cli.commands`)
and runs each command (``report_cmd``, ``compare_cmd``, ``sweep_cmd``, ``data_cmd``,
``scenario_cmd``, ``exercise_cmd``, with the shared :mod:`nonequivalent.cli.options`).

>>> from nonequivalent.cli import main
>>> main(["data", "show", "no-such-dataset"])   # the message goes to standard error
2
"""

from __future__ import annotations

from .commands import EXAMPLES, build_parser, main
from .render import (
    FORMATS,
    PROG,
    Document,
    Progress,
    Section,
    UsageError,
    render,
    render_report,
    report_document,
)

__all__ = ["EXAMPLES", "FORMATS", "PROG", "Document", "Progress", "Section", "UsageError",
           "build_parser", "main", "render", "render_report", "report_document"]
