"""The frozen result of a propagation: every cell's distribution over the draws."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._results import Result, format_number
from ..errors import UncertaintyError
from .model import _finite, _Layout

if TYPE_CHECKING:  # pragma: no cover - typing only
    from .propagation import ParameterRange

__all__ = ["Propagation"]


# ----------------------------------------------------------------------------- result
def _readonly(a: np.ndarray) -> np.ndarray:
    """A read-only C-ordered copy (one memory layout, so reductions sum in one order)."""
    a = np.array(a, dtype=float, copy=True, order="C")
    a.flags.writeable = False
    return a


@dataclass(frozen=True, eq=False, repr=False)
class Propagation(Result):
    """The frozen result of :func:`propagate`: every cell's distribution over the draws.

    Attributes
    ----------
    parameters : tuple of ParameterRange
        The uncertain inputs.
    method, seed, draws : str, int, int
        How the draws were taken (enough to reproduce them).
    central : pandas.Series
        Each cell at the parameters' central values (a copy on each access).
    inputs : pandas.DataFrame
        The parameter values of each draw (draws × parameters; a copy).
    samples : pandas.DataFrame
        Each cell in each draw (draws × cells; a copy).
    """

    parameters: tuple[ParameterRange, ...]
    method: str
    seed: int
    _central: np.ndarray = field(repr=False)
    _inputs: np.ndarray = field(repr=False)
    _samples: np.ndarray = field(repr=False)
    _layout: _Layout = field(repr=False)
    percentiles: tuple[float, ...] = (5.0, 50.0, 95.0)

    _title = "Propagated uncertainty"

    def __post_init__(self) -> None:
        for name in ("_central", "_inputs", "_samples"):
            object.__setattr__(self, name, _readonly(getattr(self, name)))

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Cells, draws and uncertain parameters."""
        return [("cells", len(self._layout.cells), ""), ("draws", self.draws, ""),
                ("parameters", len(self.parameters), "")]

    def benchmark_name(self) -> str | None:
        """How the draws were taken."""
        return f"{self.method} draws, seed {self.seed}"

    @property
    def draws(self) -> int:
        """Number of draws."""
        return self._samples.shape[0]

    @property
    def cells(self) -> pd.Index:
        """Labels of the numbers the model returns (a MultiIndex for table outputs)."""
        return self._layout.cells.copy()

    @property
    def central(self) -> pd.Series:
        return pd.Series(self._central, index=self.cells, name="central")

    @property
    def inputs(self) -> pd.DataFrame:
        return pd.DataFrame(self._inputs, columns=[p.name for p in self.parameters])

    @property
    def samples(self) -> pd.DataFrame:
        return pd.DataFrame(self._samples, columns=self.cells)

    def mean(self) -> pd.Series:
        """Mean of each cell over the draws."""
        return pd.Series(self._samples.mean(axis=0), index=self.cells, name="mean")

    def std(self) -> pd.Series:
        """Standard deviation (ddof = 1) of each cell over the draws."""
        return pd.Series(self._samples.std(axis=0, ddof=1), index=self.cells, name="std")

    def percentile(self, q: float) -> pd.Series:
        """The ``q``-th percentile (0–100) of each cell over the draws."""
        q = _finite(q, "percentile")
        if not 0 <= q <= 100:
            raise UncertaintyError(f"percentile must be within [0, 100]; got {q}.")
        return pd.Series(np.percentile(self._samples, q, axis=0), index=self.cells,
                         name=f"p{q:g}")

    def interval(self, low: float = 5, high: float = 95) -> pd.DataFrame:
        """Each cell's ``[p_low, p_high]`` interval as two columns (the ends need not be
        symmetric: ``interval(10, 99)``)."""
        if _finite(low, "percentile") > _finite(high, "percentile"):
            raise UncertaintyError(f"an interval needs low <= high; got {low} and {high}.")
        return pd.concat([self.percentile(low), self.percentile(high)], axis=1)

    def draw(self, i: int) -> Any:
        """The model's output in draw ``i``, in the shape the model returned it."""
        if not 0 <= i < self.draws:
            raise UncertaintyError(f"draw {i} does not exist; there are {self.draws}.")
        return self._layout.rebuild(self._samples[i].copy())

    def probability(self, event: Callable[[Any], Any], *, vectorized: bool = False) -> float:
        """Share of the draws in which ``event`` holds.

        ``event`` is called with each draw's output, in the shape the model returned it
        (see :meth:`draw`), and returns True or False. With ``vectorized=True`` it is
        called once with :attr:`samples` (draws × cells) and returns one boolean per draw.
        The Monte Carlo standard error is about ``sqrt(p (1 − p) / draws)``.
        """
        if vectorized:
            hits = np.asarray(event(self.samples), dtype=bool)
            if hits.shape != (self.draws,):
                raise UncertaintyError(f"a vectorized event must return one boolean per "
                                       f"draw ({self.draws}); got shape {hits.shape}.")
            return float(hits.mean())
        return float(np.mean([bool(event(self.draw(i))) for i in range(self.draws)]))

    def to_frame(self) -> pd.DataFrame:
        """One row per cell: central, mean, std and the percentiles."""
        cols = [self.central, self.mean(), self.std(),
                *(self.percentile(q) for q in self.percentiles)]
        frame = pd.concat(cols, axis=1)
        frame.attrs["source"] = (f"{self.draws} draws ({self.method}, seed {self.seed}) of "
                                 f"{len(self.parameters)} uncertain parameters")
        return frame

    def summary(self, low: float = 5, high: float = 95) -> str:
        """Each cell as ``central [p_low–p_high]``, one line per cell."""
        lo, hi = self.percentile(low), self.percentile(high)
        lines = [self.title, f"{self.draws} draws ({self.method}, seed {self.seed}) of "
                 f"{len(self.parameters)} uncertain parameters: central [p{low:g}–p{high:g}]"]
        for cell, c in self.central.items():
            label = " / ".join(map(str, cell)) if isinstance(cell, tuple) else str(cell)
            lines.append(f"  {label}: {format_number(c)} [{format_number(lo[cell])}–"
                         f"{format_number(hi[cell])}]")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (f"Propagation({len(self._layout.cells)} cells, {self.draws} draws, "
                f"{len(self.parameters)} parameters, method={self.method!r}, "
                f"seed={self.seed})")
