"""Global sensitivity: which uncertain input moves a result most (Sobol' indices).

For a result ``Y = f(X_1, …, X_d)`` of independent inputs, the first-order index
``S_i = Var(E[Y | X_i]) / Var(Y)`` is the share of ``Y``'s variance that ``X_i`` explains
alone, and the total index ``S_Ti = E[Var(Y | X_~i)] / Var(Y)`` the share it has a hand in,
interactions included (Sobol', *Math. Modelling Comput. Experiment* 1, 1993; Homma &
Saltelli, *Reliab. Eng. Syst. Saf.* 52, 1996). They are estimated from two independent
sample matrices ``A`` and ``B`` and the ``d`` matrices ``AB_i`` (``A`` with column ``i`` from
``B``): ``n (d + 2)`` model evaluations, run through the same chunked, seeded, local-or-Dask
engine as :func:`~nonequivalent.propagate`, then handed to :func:`scipy.stats.sobol_indices`
(first order by Saltelli et al., *Comput. Phys. Commun.* 181, 2010; total order by Jansen,
*Comput. Phys. Commun.* 117, 1999).

Parameters of one ``group`` move together and count as one input; inputs must otherwise be
independent (the indices are not defined for correlated inputs).

>>> import nonequivalent as ne
>>> ps = [ne.ParameterRange("a", 0, 1, 2), ne.ParameterRange("b", 0, 1, 2)]
>>> sens = ne.sobol_sensitivity(lambda p: {"y": 3 * p["a"] + p["b"]}, ps, draws=1024, seed=2)
>>> sens.first_order.loc["y"].round(1).to_dict()
{'a': 0.9, 'b': 0.1}
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from .._results import Result, format_number
from ..errors import UncertaintyError
from .model import _central_output, evaluate_chunk, run_chunks
from .propagation import (
    ParameterRange,
    _check_parameters,
    _check_seed,
    _dimensions,
    _values,
    chunk_bounds,
    task_bounds,
    unit_draws,
)
from .result import _readonly

__all__ = ["Sensitivity", "sobol_sensitivity"]


@dataclass(frozen=True, eq=False, repr=False)
class Sensitivity(Result):
    """Sobol' first-order and total indices of every cell with respect to every input.

    Attributes
    ----------
    inputs : tuple of str
        The independent inputs: parameter names, or group names for parameters that move
        together.
    draws, seed : int
        Base sample size ``n`` (the model ran ``n (d + 2)`` times) and the seed.
    first_order, total_order : pandas.DataFrame
        Cells × inputs (copies on access).
    """

    inputs: tuple[str, ...]
    draws: int
    seed: int
    _cells: pd.Index = field(repr=False)
    _first: np.ndarray = field(repr=False)
    _total: np.ndarray = field(repr=False)

    _title = "Sobol' sensitivity indices"

    def __post_init__(self) -> None:
        object.__setattr__(self, "_first", _readonly(self._first))
        object.__setattr__(self, "_total", _readonly(self._total))

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Cells, inputs and base draws."""
        return [("cells", len(self._cells), ""), ("inputs", len(self.inputs), ""),
                ("base draws", self.draws, "")]

    def benchmark_name(self) -> str | None:
        """How the indices were estimated."""
        return f"Saltelli sampling, seed {self.seed}"

    @property
    def first_order(self) -> pd.DataFrame:
        return pd.DataFrame(self._first, index=self._cells.copy(), columns=list(self.inputs))

    @property
    def total_order(self) -> pd.DataFrame:
        return pd.DataFrame(self._total, index=self._cells.copy(), columns=list(self.inputs))

    def to_frame(self) -> pd.DataFrame:
        """Long table: one row per (cell, input) with ``first_order`` and ``total_order``."""
        first = self.first_order.stack(future_stack=True).rename("first_order")
        total = self.total_order.stack(future_stack=True).rename("total_order")
        frame = pd.concat([first, total], axis=1)
        frame.index.names = [*self._cells.names[:-1], "cell", "input"] if \
            self._cells.nlevels > 1 else ["cell", "input"]
        frame.attrs["source"] = (f"Sobol' indices from {self.draws} × ({len(self.inputs)} + 2)"
                                 f" model runs, seed {self.seed} (scipy.stats.sobol_indices)")
        return frame

    def ranking(self, cell: Any) -> pd.DataFrame:
        """The inputs ranked by total index for one cell."""
        if cell not in self._cells:
            raise UncertaintyError(f"unknown cell {cell!r}; cells are "
                                   f"{self._cells.tolist()[:10]}.")
        frame = pd.DataFrame({"first_order": self.first_order.loc[cell],
                              "total_order": self.total_order.loc[cell]})
        return frame.sort_values("total_order", ascending=False)

    def summary(self) -> str:
        """For each cell, the input with the largest total index."""
        lines = [self.title,
                 f"Sobol' indices ({self.draws} base draws, seed {self.seed}): the input "
                 "that moves each number most (total index, first-order index)"]
        total = self.total_order
        first = self.first_order
        for cell in self._cells:
            top = total.loc[cell].idxmax()
            label = " / ".join(map(str, cell)) if isinstance(cell, tuple) else str(cell)
            lines.append(f"  {label}: {top} ({format_number(total.loc[cell, top])}, "
                         f"{format_number(first.loc[cell, top])})")
        return "\n".join(lines)

    def figure(self, cell: Any, source: str | None = None) -> Any:
        """Bar chart of the first-order and total indices of one cell (matplotlib Figure)."""
        from ..plotting.uncertainty import sensitivity_figure

        return sensitivity_figure(self, cell, source=source)

    def __repr__(self) -> str:
        return (f"Sensitivity({len(self._cells)} cells, {len(self.inputs)} inputs, "
                f"{self.draws} base draws, seed={self.seed})")


def sobol_sensitivity(model: Callable[..., Any], parameters: Iterable[ParameterRange], *,
                      draws: int = 1024, seed: int | None = 0, vectorized: bool = False,
                      cells: Sequence[Any] | None = None, scheduler: Any = None,
                      progress: bool = False) -> Sensitivity:
    """Sobol' first-order and total indices of ``model``'s cells for the uncertain inputs.

    Parameters
    ----------
    model, parameters, vectorized, scheduler, progress
        As in :func:`~nonequivalent.propagate`.
    draws : int
        Base sample size ``n``, a power of two (the model runs ``n (d + 2)`` times for
        ``d`` inputs). The inputs are drawn from one scrambled Sobol' sequence of dimension
        ``2d`` seeded by ``seed``: its first ``d`` coordinates give ``A``, the others ``B``.
    seed : int or None
        The seed (``None``: a fresh one, recorded in the result).
    cells : sequence, optional
        Only these cells (default: all the model returns).

    Returns
    -------
    Sensitivity
    """
    params = _check_parameters(parameters)
    if (isinstance(draws, bool) or not isinstance(draws, int | np.integer) or draws < 16
            or draws & (draws - 1)):
        raise UncertaintyError(f"draws must be a power of two >= 16 for Sobol' indices; got "
                               f"{draws!r} (try 1024).")
    seed = _check_seed(seed)
    n = int(draws)
    dims = _dimensions(params)
    d = len(dims)
    u = unit_draws(n, 2 * d, seed, "sobol")
    a, b = u[:, :d], u[:, d:]
    blocks = [a, b]
    for i in range(d):
        ab = a.copy()
        ab[:, i] = b[:, i]
        blocks.append(ab)
    values = _values(np.vstack(blocks), params, dims, None)
    _, layout = _central_output(model, params, vectorized)
    names = tuple(p.name for p in params)
    bounds = chunk_bounds(len(values)) if vectorized else task_bounds(len(values))
    chunks = [(model, names, values[lo:hi], layout, vectorized, lo) for lo, hi in bounds]
    f = np.vstack(run_chunks(evaluate_chunk, chunks, scheduler=scheduler, progress=progress,
                             sizes=[hi - lo for lo, hi in bounds]))
    cell_index = layout.cells
    if cells is not None:
        missing = [c for c in cells if c not in cell_index]
        if missing:
            raise UncertaintyError(f"unknown cells {missing[:5]}; the model returns "
                                   f"{cell_index.tolist()[:10]}.")
        pos = cell_index.get_indexer(list(cells))
        f, cell_index = f[:, pos], cell_index[pos]
    s = f.shape[1]
    f_a, f_b = f[:n].T, f[n:2 * n].T
    f_ab = f[2 * n:].reshape(d, n, s).transpose(0, 2, 1)
    res = stats.sobol_indices(func={"f_A": f_a, "f_B": f_b, "f_AB": f_ab}, n=n)
    first = np.reshape(res.first_order, (s, d))
    total = np.reshape(res.total_order, (s, d))
    return Sensitivity(tuple(dims), n, seed, cell_index.copy(), first, total)
