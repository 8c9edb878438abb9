"""Figures of uncertain results: interval bars and the Sobol' sensitivity chart.

Built like every figure of :mod:`nonequivalent.plotting`: the object-oriented matplotlib
API, a title, axis labels and a source line. The intervals are percentiles over the draws
of :func:`~nonequivalent.propagate`; the indices are Sobol' first-order and total indices
(Sobol' 1993; Saltelli et al. 2010; Jansen 1999) from
:func:`~nonequivalent.sobol_sensitivity`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import PlotDataError
from ._common import _add_source, _colour, _new_figure, _source_text

if TYPE_CHECKING:  # pragma: no cover - typing only
    from matplotlib.figure import Figure

    from ..uncertainty.propagation import Propagation
    from ..uncertainty.sensitivity import Sensitivity

__all__ = ["interval_figure", "sensitivity_figure"]


def _label(cell: Any) -> str:
    return " / ".join(map(str, cell)) if isinstance(cell, tuple) else str(cell)


def interval_figure(result: Propagation, cells: Sequence[Any] | None = None, *,
                    low: float = 5, high: float = 95, unit: str = "",
                    labels: Sequence[str] | None = None,
                    colour_by: Sequence[str] | None = None,
                    title: str = "Central values and intervals over the draws",
                    source: str | None = None) -> Figure:
    """Horizontal interval bars: each cell's ``[p_low, p_high]`` with its central value.

    Parameters
    ----------
    result : Propagation
        The result of :func:`~nonequivalent.propagate`.
    cells : sequence, optional
        The cells to draw, top to bottom (default: all).
    low, high : float
        Percentiles of the bar's ends.
    unit : str
        Unit of the horizontal axis.
    labels : sequence of str, optional
        Printed label of each cell (default: the cell's labels joined by " / ").
    colour_by : sequence of str, optional
        A name per cell choosing its colour (social groups have fixed colours; default:
        the cell's first label).
    """
    central = result.central
    chosen = list(central.index) if cells is None else list(cells)
    missing = [c for c in chosen if c not in central.index]
    if missing or not chosen:
        raise PlotDataError(f"interval figure: unknown or no cells {missing[:5]}; cells are "
                            f"{central.index.tolist()[:10]}.")
    lo = result.percentile(low).loc[chosen].to_numpy()
    hi = result.percentile(high).loc[chosen].to_numpy()
    mid = central.loc[chosen].to_numpy()
    if not np.isfinite(np.concatenate([lo, hi, mid])).all():
        raise PlotDataError("interval figure: some cells are NaN or infinite in the draws.")
    fig, axes = _new_figure(figsize=(7.5, 1.2 + 0.38 * len(chosen)))
    ax = axes[0, 0]
    y = np.arange(len(chosen))[::-1]
    groups = list(colour_by) if colour_by is not None else \
        [c[0] if isinstance(c, tuple) else c for c in chosen]
    colours = [_colour(g, i) for i, g in enumerate(groups)]
    ax.hlines(y, lo, hi, colors=colours, linewidth=6, alpha=0.45,
              label=f"p{low:g}–p{high:g} of {result.draws} draws")
    ax.scatter(mid, y, color="black", zorder=3, s=18, label="central value")
    names = list(labels) if labels is not None else [_label(c) for c in chosen]
    if len(names) != len(chosen) or len(groups) != len(chosen):
        raise PlotDataError("interval figure: give one label and one colour name per cell.")
    ax.set_yticks(y, names, fontsize=8)
    ax.set_xlabel(unit or "value")
    ax.set_title("\n".join(textwrap.wrap(title, 60)), fontsize=11)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(fontsize=8, loc="best")
    _add_source(fig, _source_text(source, result.to_frame()))
    return fig


def sensitivity_figure(sensitivity: Sensitivity, cell: Any, *,
                       source: str | None = None) -> Figure:
    """Bars of the Sobol' first-order and total indices of one cell, largest total on top."""
    try:
        table = sensitivity.ranking(cell)
    except Exception as exc:
        raise PlotDataError(f"sensitivity figure: {exc}") from None
    table = table.iloc[::-1]
    fig, axes = _new_figure(figsize=(7.5, 1.4 + 0.4 * len(table)))
    ax = axes[0, 0]
    y = np.arange(len(table))
    ax.barh(y + 0.2, table["total_order"], height=0.4, color="#1f4e79", label="total")
    ax.barh(y - 0.2, table["first_order"], height=0.4, color="#d48a1c", label="first order")
    ax.set_yticks(y, [str(i) for i in table.index], fontsize=8)
    ax.set_xlabel("share of the variance (Sobol' index)")
    ax.set_title(f"What moves {_label(cell)}")
    ax.grid(axis="x", alpha=0.3)
    ax.legend(fontsize=8, loc="lower right")
    text = source or (f"Source: Sobol' indices, {sensitivity.draws} base draws, seed "
                      f"{sensitivity.seed} (Saltelli et al. 2010; Jansen 1999).")
    _add_source(fig, _source_text(text))
    return fig
