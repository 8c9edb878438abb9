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

import numbers
from typing import Any, ClassVar

import numpy as np
import pandas as pd

__all__ = ["FrozenPandas", "Result", "format_frame", "format_number", "reconciled_text"]

from ._document import SIGNIFICANT_FIGURES, format_number  # noqa: F401  (the one format)


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
        return "\n".join([*head, *self.summary_lines()]).rstrip()

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        import html  # only notebooks need it

        frame = self.to_frame()
        units = self.units()
        bench = self.benchmark_name()
        caption = html.escape(self.title) + (
            f"<br><small>{html.escape(bench)}</small>" if bench else "")
        head_cells = "".join(
            f"<th style='text-align:right'>{html.escape(str(c))}"
            + (f" <small>({html.escape(units[str(c)])})</small>" if str(c) in units else "")
            + "</th>" for c in frame.columns)
        index_name = html.escape(str(frame.index.name or ""))
        rows = []
        for label, row in frame.iterrows():
            cells = "".join(
                f"<td style='text-align:right;font-variant-numeric:tabular-nums'>"
                f"{html.escape(format_number(v))}</td>" if isinstance(v, numbers.Number)
                else f"<td style='text-align:left'>{html.escape(str(v))}</td>"
                for v in row)
            rows.append(f"<tr><th style='text-align:left'>{html.escape(str(label))}</th>"
                        f"{cells}</tr>")
        figs = "".join(
            f"<li>{html.escape(k)}: {html.escape(format_number(v, u))}</li>"
            for k, v, u in self.key_figures()
        ) if not _is_key_figure_frame(frame, self.key_figures()) else ""
        return (f"<div class='nonequivalent-result'>"
                f"<table><caption style='text-align:left'>{caption}</caption>"
                f"<thead><tr><th style='text-align:left'>{index_name}</th>{head_cells}"
                f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
                + (f"<ul>{figs}</ul>" if figs else "") + "</div>")

    def to_latex(self, **kwargs: Any) -> str:
        """:meth:`to_frame` as a LaTeX table (pandas ``DataFrame.to_latex``)."""
        kwargs.setdefault("float_format", lambda v: format_number(v).replace(",", "{,}"))
        kwargs.setdefault("caption", self.title)
        return self.to_frame().to_latex(**kwargs)

    def to_markdown(self, **kwargs: Any) -> str:
        """:meth:`to_frame` as a Markdown table (pandas ``DataFrame.to_markdown``)."""
        frame = self.to_frame()
        kwargs.setdefault("disable_numparse", True)      # keep the library's number format
        kwargs.setdefault("colalign", ("left", *(
            "right" if pd.api.types.is_numeric_dtype(frame[c]) else "left"
            for c in frame.columns)))
        return format_frame(frame).to_markdown(**kwargs)


def _is_key_figure_frame(frame: pd.DataFrame, figs: list[tuple[str, Any, str]]) -> bool:
    return list(frame.columns) == ["value", "unit"] and list(frame.index) == [
        k for k, _, _ in figs]


def _frame_text(frame: pd.DataFrame, units: dict[str, str]) -> str:
    shown = format_frame(frame)
    shown.columns = [f"{c} ({units[str(c)]})" if str(c) in units else str(c)
                     for c in frame.columns]
    return shown.to_string(justify="right")
