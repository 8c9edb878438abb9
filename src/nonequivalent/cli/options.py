"""Options shared by the commands: output and figure files, text width, the scenario to load."""

from __future__ import annotations

import argparse
import dataclasses
import os
import shlex
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from ..errors import NonequivalentError
from .render import FORMATS, PROG, Document, UsageError, _is_terminal

#: Later scenario compared with a built-in one when ``--later`` is not given.
DEFAULT_LATER = {"ussr-1928": "ussr-1932"}


#: Arguments that may name an input file (a scenario, variants or a table).
_INPUT_ARGS = ("scenario", "later", "name", "variants_file", "table", "blocs")


def _resolved(path: str) -> Path:
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError, ValueError):
        return Path(os.path.abspath(path))


def _input_at(where: Path, inputs: dict[Path, str]) -> str | None:
    """What input ``where`` would overwrite: an input file (also through another name, a
    hard or symbolic link) or a file inside an input folder (a table folder); else None."""
    for path, value in inputs.items():
        if where == path or path in where.parents:
            return (f"the input file {value!r}" if where == path
                    else f"inside the input folder {value!r}")
        try:
            if where.exists() and os.path.samefile(where, path):
                return f"the input file {value!r} (under another name)"
        except OSError:
            continue
    return None


def _check_targets(args: argparse.Namespace) -> None:
    """Fail before any work if --output or --plot cannot or must not be written.

    An existing file is overwritten only with ``--force``; a file the command reads
    (``--scenario``, ``--later``, the scenario ``NAME|FILE``, ``--variants``, ``TABLE``) is
    never overwritten, even with ``--force``.
    """
    targets = [(opt, value) for opt, value in (("--output", getattr(args, "output", None)),
                                               ("--plot", getattr(args, "plot", None)))
               if value not in (None, "-", "")]
    if getattr(args, "command", None) == "scenario" and getattr(args, "file", None):
        targets.append(("FILE", args.file))
    inputs = {}
    for name in _INPUT_ARGS:
        value = getattr(args, name, None)
        if isinstance(value, str) and value and os.path.exists(value):
            inputs[_resolved(value)] = value
    seen: dict[Path, str] = {}
    for opt, value in targets:
        where = _resolved(value)
        read = _input_at(where, inputs)
        if read is not None:
            raise UsageError(f"{opt} {value!r} is {read}; write to another file (an input is "
                             "never overwritten).")
        if where in seen:
            raise UsageError(f"{opt} and {seen[where]} name the same file {value!r}; give "
                             "two different files.")
        seen[where] = opt
        if where.is_dir():
            raise UsageError(f"cannot write {value!r}: it is a directory.")
        parent = where.parent
        if not parent.is_dir():
            raise UsageError(f"cannot write {value!r}: directory {str(Path(value).parent)!r} "
                             "does not exist.")
        if opt != "FILE" and os.path.lexists(value) and not getattr(args, "force", False):
            raise UsageError(f"{value!r} exists; choose another file or add --force to "
                             "overwrite it.")
    if getattr(args, "plot", None):
        from ..plotting import check_figure_path

        check_figure_path(args.plot)


def _save_plot(fig: Any, path: str) -> None:
    from ..plotting import save_figure

    try:
        save_figure(fig, path)
    except OSError as exc:
        raise UsageError(f"cannot write figure {path!r}: {exc.strerror or exc}.") from None
    print(f"{PROG}: wrote figure {path}", file=sys.stderr)


def _add_output(p: argparse.ArgumentParser, fmt: str | None = "text", *,
                force: bool = True, choices: tuple[str, ...] = FORMATS,
                format_help: str | None = None) -> None:
    """``--format``/``-f`` (with default ``fmt``; none when ``fmt`` is None), ``--width``,
    ``--output``/``-o`` and, unless ``force`` is False (to add it after other options),
    ``--force``. A command whose output is not a table passes its own format ``choices``
    and ``format_help``."""
    if fmt:
        p.add_argument("--format", "-f", choices=choices, default=fmt,
                       help=format_help or f"output format (default: {fmt})")
        _add_width(p)
    p.add_argument("--output", "-o", metavar="FILE",
                   help="write the result to FILE instead of standard output")
    if force:
        _add_force(p)


def _add_width(p: argparse.ArgumentParser) -> None:
    p.add_argument("--width", type=int, metavar="N",
                   help="longest line of text output: wider tables are wrapped (default: "
                        "the terminal's width; no limit when writing to a file or a pipe)")


#: Narrowest and widest --width accepted.
WIDTH_RANGE = (40, 1000)


def _width(args: argparse.Namespace, out: TextIO) -> int | None:
    """The width of text output: ``--width``, else the terminal's, else no limit."""
    width = getattr(args, "width", None)
    if width is not None:
        low, high = WIDTH_RANGE
        if not low <= width <= high:
            raise UsageError(f"--width must be between {low} and {high} characters, got "
                             f"{width}.")
        return width
    if getattr(args, "output", None) in (None, "-") and _is_terminal(out):
        return max(WIDTH_RANGE[0], shutil.get_terminal_size().columns)
    return None


def _add_force(p: argparse.ArgumentParser, never: str = "an input file") -> None:
    p.add_argument("--force", action="store_true",
                   help=f"overwrite an existing --output/--plot file (never {never})")


def _add_scenario(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scenario", "-s", default="ussr-1928", metavar="NAME|FILE",
                   help="built-in scenario name or TOML file (default: ussr-1928)")


def _load_scenario(name: str) -> Any:
    from ..scenarios import scenario as scenarios

    try:
        return scenarios.load(name)
    except NonequivalentError:
        raise
    except (OSError, ValueError) as exc:   # a path the system cannot open (too long, NUL)
        reason = getattr(exc, "strerror", None) or exc
        raise UsageError(f"cannot read scenario {name[:80]!r}: {reason}; give a built-in "
                         "name (nonequivalent scenario list) or a TOML file.") from None


def _later_name(args: argparse.Namespace) -> str | None:
    later = args.later
    if later is None:
        return "default"
    return None if later.lower() == "none" else later


def _load_periods(args: argparse.Namespace) -> tuple[Any, str | None, Any]:
    """``(base, later name, later)`` of ``report``: ``--scenario`` and ``--later`` loaded
    (the later one ``None`` for a single period; :data:`DEFAULT_LATER` when not given)."""
    base = _load_scenario(args.scenario)
    later = _later_name(args)
    if later == "default":
        later = DEFAULT_LATER.get(args.scenario)
    return base, later, None if later is None else _load_scenario(later)


def _hinted(notes: Sequence[str], loaded: Sequence[tuple[Any, str | None]]) -> tuple[str, ...]:
    """The notes with each ``scenario show NAME`` hint pointed at the file ``NAME`` came
    from, for the scenarios ``loaded`` as ``(scenario, name or path given)``."""
    out = list(notes)
    for sc, given in loaded:
        if sc is None or not given or not os.path.exists(given):
            continue
        old = f"scenario show {sc.name}'"
        new = f"scenario show {shlex.quote(given)}'"
        out = [n.replace(old, new) for n in out]
    return tuple(out)


def _file_hints(doc: Document, loaded: Sequence[tuple[Any, str | None]]) -> Document:
    """Point the document's ``scenario show NAME`` hints at the file a scenario came from."""
    return dataclasses.replace(doc, notes=_hinted(doc.notes, loaded))
