"""One display and export surface for every result object.

Every result of the library shows the same face in a terminal and in a notebook:

* ``repr(result)`` is **one line** with the key figures and their units;
* ``result.summary()`` is a printable text with **one number format** (thousands
  separators, four significant figures, units), produced by :func:`format_number` alone;
* ``result._repr_html_()`` is a styled HTML table for Jupyter: numbers right-aligned in the
  same format, units in the column headers, the benchmark or normalization named in the
  caption;
* ``result.to_frame()`` is a pandas DataFrame (a copy, labels kept);
* ``result.to_latex()`` and ``result.to_markdown()`` export that frame (pandas needs
  ``jinja2`` and ``tabulate``, both installed with the library).

Results are frozen "all the way down": attributes holding pandas objects return a copy on
every access, and numpy arrays come back as read-only views, so editing what you got never
changes the result (:class:`FrozenPandas`).

How a result class adopts the base
----------------------------------
Derive from :class:`Result` and declare the dataclass with ``repr=False`` (a dataclass
would otherwise write its own multi-line ``__repr__`` over the one-line one)::

    @dataclasses.dataclass(frozen=True, eq=False, repr=False)
    class MyResult(Result):
        _title = "My result"                      # shown first in repr and summary

        total: float
        table: pd.DataFrame

        def key_figures(self):                    # (label, value, unit) for repr/summary
            return [("total", self.total, "hours")]

        def benchmark_name(self):                 # optional: benchmark or normalization
            return "labour values"

        def to_frame(self):                       # optional: default is the key figures
            return self.table                     # (a copy already: see FrozenPandas)

        def units(self):                          # optional: unit per to_frame column
            return {"amount": "hours"}

Nothing else is needed: ``__repr__``, ``__str__``, ``summary``, ``_repr_html_``,
``to_latex`` and ``to_markdown`` come from the base. A class whose summary needs more than
its key figures and its table overrides :meth:`Result.summary_lines` and formats numbers
with :func:`format_number` only.
"""

from __future__ import annotations

import dataclasses
import numbers
import textwrap
from typing import Any, ClassVar

import numpy as np
import pandas as pd

__all__ = ["FrozenPandas", "Result", "format_frame", "format_number", "reconciled_text"]

from ._document import (  # noqa: F401  (the one format)
    SIGNIFICANT_FIGURES,
    TEXT_WIDTH,
    Section,
    _grid,
    _text_table,
    format_number,
    render_section,
)


def reconciled_text(reconciled: bool, difference: float, unit: str, rtol: float) -> str:
    """How a reconciliation reads in every output: its tolerance when it holds, the
    difference only when it does not (a rounding residue is never printed).

    >>> reconciled_text(True, 3.64e-12, "million rubles", 1e-9)
    'reconciled to 1e-9 relative'
    >>> reconciled_text(False, 12.5, "million rubles", 1e-9)
    'NOT reconciled: the largest difference is 12.50 million rubles'
    """
    if reconciled:
        return f"reconciled to {rtol:.0e} relative".replace("e-0", "e-")
    return f"NOT reconciled: the largest difference is {format_number(difference, unit)}"


def format_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every number formatted by :func:`format_number` (strings stay)."""
    return frame.map(lambda v: format_number(v) if isinstance(v, numbers.Number) else v)


_PANDAS = (pd.Series, pd.DataFrame)
#: Types returned as they are without further checks (immutable, or the common methods).
_PLAIN = frozenset({float, int, str, bool, type(None), tuple, pd.Index, pd.RangeIndex})


class FrozenPandas:
    """Attribute access that returns copies of pandas objects and read-only numpy arrays.

    A frozen dataclass cannot be rebound, but a pandas Series it holds can be edited in
    place. With this mixin, ``result.prices["a"] = 0`` edits a copy and leaves the result
    (and anything computed from it) unchanged. Names starting with ``_`` are returned as
    stored, for the class's own use.
    """

    __slots__ = ()

    def __getattribute__(self, name: str) -> Any:
        value = object.__getattribute__(self, name)
        if name[0] == "_" or type(value) in _PLAIN:
            return value
        if isinstance(value, _PANDAS):              # (an Index is immutable)
            return value.copy()
        if isinstance(value, np.ndarray) and value.flags.writeable:
            view = value.view()
            view.flags.writeable = False
            return view
        return value


class Result(FrozenPandas):
    """Base of every result object: one-line repr, summary, HTML, frame, LaTeX, Markdown."""

    __slots__ = ()

    #: Title shown first in ``repr`` and ``summary`` (default: the class name).
    _title: ClassVar[str] = ""

    # ------------------------------------------------------------------ to override
    def key_figures(self) -> list[tuple[str, Any, str]]:
        """``(label, value, unit)`` of the figures shown in ``repr`` and ``summary``."""
        return []

    def benchmark_name(self) -> str | None:
        """The benchmark or normalization the numbers are measured against, if any."""
        return None

    def units(self) -> dict[str, str]:
        """Unit of each column of :meth:`to_frame` (columns not listed have none shown)."""
        return {}

    def to_frame(self) -> pd.DataFrame:
        """The result as a labelled DataFrame (default: the key figures with units)."""
        figs = self.key_figures()
        return pd.DataFrame({"value": [v for _, v, _ in figs],
                             "unit": [u for _, _, u in figs]},
                            index=pd.Index([k for k, _, _ in figs], name="quantity"))

    def summary_lines(self) -> list[str]:
        """Lines of :meth:`summary` after the title and benchmark (override to add)."""
        figs = self.key_figures()
        width = max((len(k) for k, _, _ in figs), default=0)
        lines = [f"{k:<{width}} : {format_number(v, u)}" for k, v, u in figs]
        frame = self.to_frame()
        if not _is_key_figure_frame(frame, figs):
            lines += ["", _frame_text(frame, self.units())]
        return lines

    # ------------------------------------------------------------------ provided
    @property
    def title(self) -> str:
        """The result's title."""
        return type(self)._title or type(self).__name__

    def __repr__(self) -> str:
        figs = ", ".join(f"{k}={format_number(v, u)}" for k, v, u in self.key_figures()[:4])
        bench = self.benchmark_name()
        tail = f"; {bench}" if bench else ""
        text = f"{type(self).__name__}({figs}{tail})"
        return text.replace("\n", " ")

    def summary(self) -> str:
        """A printable text: title, benchmark, key figures and table, one number format."""
        head = [self.title]
        bench = self.benchmark_name()
        if bench:
            head.append(bench)
        return "\n".join(_wrapped(line) for line in [*head, *self.summary_lines()]).rstrip()

    def __str__(self) -> str:
        return self.summary()

    def document_section(self) -> Section:
        """The result's table as printed: labels for keys (``labour_given`` reads "labour
        given"), each column's unit in its title, a multi-level index as levels, every
        number in the one format. The benchmark is the table's note."""
        frame = self.to_frame()
        units = self.units()
        shown = frame.rename(columns=lambda c: display_label(c, units.get(str(c), "")))
        shown = shown.rename(index=lambda v: display_label(v) if isinstance(v, str) else v)
        shown.index = shown.index.set_names([display_label(n) if n is not None else None
                                             for n in shown.index.names])
        bench = self.benchmark_name()
        return Section(self.title, shown, (bench,) if bench else (), significant=True)

    def _figure_notes(self) -> list[str]:
        """The key figures, when the table does not already show them."""
        figs = self.key_figures()
        if _is_key_figure_frame(self.to_frame(), figs):
            return []
        return [f"{k}: {format_number(v, u)}" for k, v, u in figs]

    def _repr_html_(self) -> str:
        import html  # only notebooks need it

        sec = self.document_section()
        figs = "".join(f"<li>{html.escape(f)}</li>" for f in self._figure_notes())
        return (f"<div class='nonequivalent-result'>{render_section(sec, 'html')}"
                + (f"<ul>{figs}</ul>" if figs else "") + "</div>")

    def to_latex(self) -> str:
        """The result as a LaTeX table: labels, units, the one number format, escaped (it
        compiles with pdflatex and ``booktabs``, ``graphicx``; see
        :func:`nonequivalent._document.latex_document`)."""
        sec = self.document_section()
        notes = (*sec.notes, *self._figure_notes())
        return render_section(dataclasses.replace(sec, notes=notes), "latex")

    def to_markdown(self) -> str:
        """The result as a Markdown table under its title (labels, units, one format)."""
        sec = self.document_section()
        notes = (*sec.notes, *self._figure_notes())
        return render_section(dataclasses.replace(sec, notes=notes), "markdown")


def display_label(key: Any, unit: str = "") -> str:
    """How a key prints: underscores as spaces, the unit in parentheses.

    >>> display_label("labour_given", "hours"), display_label(("low", "North"))
    ('labour given (hours)', 'low / North')
    """
    text = " / ".join(map(str, key)) if isinstance(key, tuple) else str(key)
    text = text.replace("_", " ")
    return f"{text} ({unit})" if unit and f"({unit})" not in text else text


def _is_key_figure_frame(frame: pd.DataFrame, figs: list[tuple[str, Any, str]]) -> bool:
    return list(frame.columns) == ["value", "unit"] and list(frame.index) == [
        k for k, _, _ in figs]


def _wrapped(line: str, width: int = TEXT_WIDTH) -> str:
    """A line of prose wrapped to ``width`` (a table, already wrapped, passes through)."""
    if len(line) <= width or "\n" in line:
        return line
    return textwrap.fill(line, width, subsequent_indent="  ", break_on_hyphens=False)


def _frame_text(frame: pd.DataFrame, units: dict[str, str], width: int = TEXT_WIDTH) -> str:
    """A frame as an aligned text table with labels and units (as in HTML and LaTeX),
    wrapped in blocks of columns to ``width``."""
    shown = frame.rename(columns=lambda c: display_label(c, units.get(str(c), "")))
    shown = shown.rename(index=lambda v: display_label(v) if isinstance(v, str) else v)
    shown.index = shown.index.set_names([display_label(n) if n is not None else None
                                         for n in shown.index.names])
    grid = _grid(Section("", shown, significant=True))
    return _text_table(grid, width)
