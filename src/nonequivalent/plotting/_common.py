"""Shared helpers of the figures: new figures, source lines, colours, saving."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..errors import PlotDataError

if TYPE_CHECKING:  # pragma: no cover - typing only
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


#: Colours of the social groups, the same in every figure.
GROUP_COLOURS = {
    "peasants": "#7a8b2f",
    "workers": "#b2282e",
    "two-earner households": "#6a3d9a",
    "households": "#6a3d9a",
    "state": "#5f5f5f",
}
_CYCLE = ["#1f4e79", "#b2282e", "#7a8b2f", "#6a3d9a", "#d48a1c", "#2a9d8f", "#5f5f5f"]

DEFAULT_SOURCE = "Source: computed with nonequivalent."

_EXTRACTION_UNIT = "money at benchmark prices"
_PRICE_UNIT = "money per unit"
_EXTRACTION_TITLE = "Squeezing harder collects less"
_WAGE_UNIT = "index, base = 100"


# ---------------------------------------------------------------------------- helpers
def _new_figure(nrows: int = 1, ncols: int = 1, figsize: tuple[float, float] = (7.5, 4.8),
                **kw: Any) -> tuple[Figure, Any]:
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize, layout="constrained")
    # keep a strip at the bottom for the source line
    fig.get_layout_engine().set(rect=(0.0, 0.045, 1.0, 0.955))
    axes = fig.subplots(nrows, ncols, squeeze=False, **kw)
    return fig, axes


def _source_text(source: str | None, *data: Any) -> str:
    if source:
        text = str(source)
    else:
        text = ""
        for item in data:
            attrs = getattr(item, "attrs", None)
            if isinstance(attrs, Mapping) and attrs.get("source"):
                text = str(attrs["source"])
                break
        text = text or DEFAULT_SOURCE
    if not text.lower().startswith("source"):
        text = f"Source: {text}"
    return text


def _add_source(fig: Figure, source: str) -> None:
    import textwrap

    width = int(fig.get_figwidth() * 17)
    wrapped = "\n".join(textwrap.wrap(source, width=max(width, 40))[:3])
    fig.text(0.01, 0.008, wrapped, ha="left", va="bottom", fontsize=7, color="0.3",
             gid="source")


def _wrong_kind(data: Any, what: str, expected: str) -> PlotDataError:
    """The error for data of the wrong kind, naming what was given and what is drawn."""
    kind = type(data).__name__
    if hasattr(data, "to_frame"):
        kind += " (a result of another kind: its table means something else here)"
    return PlotDataError(f"{what}: expected {expected}; got {kind}.")


def _as_frame(data: Any, what: str,
              expected: str = "a pandas Series or DataFrame") -> pd.DataFrame:
    """``data`` as a non-empty DataFrame; a library result is never read through its
    ``to_frame`` here (its table would be drawn as if it were the data asked for)."""
    if not isinstance(data, pd.Series | pd.DataFrame | Mapping):
        raise _wrong_kind(data, what, expected)
    if isinstance(data, pd.Series):
        data = data.to_frame(name=data.name if data.name is not None else "value")
    if isinstance(data, Mapping):
        data = pd.DataFrame(dict(data))
    if not isinstance(data, pd.DataFrame):
        raise _wrong_kind(data, what, expected)
    if data.empty:
        raise PlotDataError(f"{what}: the data is empty; nothing to draw.")
    return data


def _require_columns(data: pd.DataFrame, columns: Sequence[Any], what: str,
                     fix: str = "") -> None:
    """Raise :class:`PlotDataError` naming the ``columns`` that ``data`` lacks, the columns
    it has, and (``fix``) how to give the data."""
    missing = [c for c in columns if c not in data.columns]
    if missing:
        names = " and ".join(repr(c) for c in missing)
        have = [str(c) for c in data.columns]
        raise PlotDataError(f"{what}: column{'s' if len(missing) > 1 else ''} {names} "
                            f"missing (have {have}){'; ' + fix if fix else ''}.")


def _numeric(frame: pd.DataFrame, what: str) -> pd.DataFrame:
    try:
        out = frame.astype(float)
    except (TypeError, ValueError) as exc:
        raise PlotDataError(f"{what}: every column must be numeric ({exc}).") from None
    if not np.isfinite(out.to_numpy()).all():
        raise PlotDataError(f"{what}: the data holds NaN or infinite values; drop or fill "
                            "them before plotting.")
    return out


def _num(v: float) -> str:
    """A number for a label: thousands separated, about three significant digits."""
    v = float(v)
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:.3g}"


def _thousands(ax: Axes, axis: str = "y") -> None:
    from matplotlib.ticker import FuncFormatter

    fmt = FuncFormatter(lambda v, _pos: f"{v:,.0f}" if abs(v) >= 1000 else f"{v:g}")
    getattr(ax, f"{axis}axis").set_major_formatter(fmt)


def _colour(name: Any, i: int) -> str:
    return GROUP_COLOURS.get(str(name).lower(), _CYCLE[i % len(_CYCLE)])


def _decorate(ax: Axes, title: str, legend_loc: str = "best", grid_axis: str = "both") -> None:
    """Title, light grid and legend: the finish shared by every panel."""
    ax.set_title(title)
    ax.grid(axis=grid_axis, alpha=0.3)
    ax.legend(fontsize=8, loc=legend_loc)


def _panels(draws: Sequence[Callable[[Axes], None]], source: str, *,
            panel_size: tuple[float, float] | None = None, title: str | None = None,
            title_size: int = 12) -> Figure:
    """A figure with one panel per drawing function (two a row) and the source line.

    ``panel_size`` is the (width, height) of one panel in inches; without it the figure
    has the default single-panel size.
    """
    ncols = 1 if len(draws) == 1 else 2
    nrows = -(-len(draws) // ncols)
    figsize = ((7.5, 4.8) if panel_size is None
               else (panel_size[0] * ncols, panel_size[1] * nrows + 0.6))
    fig, axes = _new_figure(nrows, ncols, figsize=figsize)
    flat = list(axes.ravel())
    for ax, draw in zip(flat, draws, strict=False):
        draw(ax)
    for ax in flat[len(draws):]:
        ax.set_visible(False)
    if title:
        fig.suptitle(title, fontsize=title_size, fontweight="bold")
    _add_source(fig, source)
    return fig


def save_figure(fig: Figure, path: str | Path, dpi: int = 150) -> Path:
    """Write a figure to ``path`` (format from the suffix: .png, .pdf, .svg) and return it.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to write.
    path : str or Path
        Target file; its parent directory must exist.
    dpi : int
        Resolution for raster formats.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    PlotDataError
        The suffix names no format matplotlib can write, or the directory is missing.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> from nonequivalent import plotting
    >>> fig = plotting.scissors_figure(pd.Series([1.0, 1.2, 1.4], index=[1926, 1927, 1928]))
    >>> with tempfile.TemporaryDirectory() as d:
    ...     out = plotting.save_figure(fig, pathlib.Path(d) / "s.png")
    ...     out.stat().st_size > 1000
    True
    """
    path = check_figure_path(path)
    fig.savefig(path, dpi=dpi)
    return path


def check_figure_path(path: str | Path) -> Path:
    """Check, before any work, that a figure can be written to ``path``.

    Parameters
    ----------
    path : str or Path
        Target file: a suffix matplotlib can write, in an existing directory.

    Returns
    -------
    Path

    Raises
    ------
    PlotDataError
        Unknown suffix (the message lists the known ones) or missing directory.

    Examples
    --------
    >>> from nonequivalent import plotting
    >>> plotting.check_figure_path("report.png").name
    'report.png'
    >>> plotting.check_figure_path("report.doc")
    Traceback (most recent call last):
    ...
    nonequivalent.errors.PlotDataError: cannot write a figure to 'report.doc': use one of ...
    """
    from matplotlib.figure import Figure

    path = Path(path)
    fmt = path.suffix.lstrip(".").lower()
    supported = Figure().canvas.get_supported_filetypes()
    if fmt not in supported:
        raise PlotDataError(f"cannot write a figure to {str(path)!r}: use one of the suffixes "
                            + ", ".join(f".{k}" for k in sorted(supported)) + ".")
    if not path.parent.is_dir():
        raise PlotDataError(f"cannot write a figure to {str(path)!r}: directory "
                            f"{str(path.parent)!r} does not exist.")
    return path


# ---------------------------------------------------------------------------- scissors
