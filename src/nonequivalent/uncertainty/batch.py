"""The surplus report for a whole batch of draws at once: the fast path of the intervals.

A table of draws (one row per draw, one column per uncertain parameter, named as by
:func:`~nonequivalent.scenario_ranges`) becomes, for each scenario, arrays of ``D`` values
by parameter key: a table factor stays a factor on the table, whole numbers are rounded as
:func:`~nonequivalent.report_uncertainty` rounds them. The report's numbers are then
computed once for all draws by :func:`nonequivalent.report.compute.compute`, the same
computation that :func:`~nonequivalent.report` runs on a batch of one; this module holds no
formula. No :class:`~nonequivalent.scenarios.Scenario` is built per draw.

What the batch path takes: group kinds with array methods
(:meth:`~nonequivalent.GroupKind.batch_flows`; a kind with per-draw flows only is
computed by the per-draw loop, each draw a :func:`~nonequivalent.report`), labour-value
benchmarks (their MELT recomputed in every draw), and numeric parameters.

Invalid draws: rows outside a parameter's declared bounds, with an unproductive ``A``,
with more extra earners than workers or with any non-finite number are re-run through the
per-draw path, which raises the precise error of :func:`~nonequivalent.report` (or, if
the draw is valid after all, gives its numbers). Draws at exactly the central values
return the report as written, bit for bit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import UncertaintyError
from ..groups import WorkerCategory
from ..groups.base import params as group_params
from ..report.compute import ECONOMY_KEYS, compute

__all__ = ["BatchModel", "batch_cells", "why_not_batched"]

#: Benchmarks the batch path computes: labour values with these MELT normalizations.
BATCH_NORMALIZATIONS = ("new-interpretation", "total-price")


# ============================================================================ support
def why_not_batched(scenarios: Sequence[Any], keys: Sequence[tuple[int, str]]) -> str | None:
    """Why the batch path cannot compute these scenarios (``None`` when it can)."""
    for sc in scenarios:
        for g in sc.groups:
            if not type(g).batched():
                return (f"scenario {sc.name!r} has group {g.name!r} of kind {g.kind!r}, "
                        "which computes its flows per draw only (no batch_flows)")
            if isinstance(g, WorkerCategory) and (g.basket is not None
                                                  or g.money_wage is not None):
                return (f"group {g.name!r} states its basket or money wage in code; only "
                        "the per-draw path computes it")
        b = sc.benchmark
        if b.kind != "labour-values" or (b.normalization or "new-interpretation") \
                not in BATCH_NORMALIZATIONS:
            return (f"scenario {sc.name!r} has a {b.kind!r} benchmark; the batch path "
                    "computes labour-value benchmarks only")
    for i, key in keys:
        if key not in ECONOMY_KEYS and _group_field(scenarios[i], key) is None:
            return f"parameter {key!r} is set only by the per-draw path"
    return None


def _group_field(sc: Any, key: str) -> tuple[Any, str, Any] | None:
    """``(group, field name, Param)`` of a numeric group parameter key, else None."""
    for g in sc.groups:
        for f, p in group_params(type(g)):
            if f"{g.name}.{p.key or f.name}" == key and p.type in (
                    "number", "integer", "sectors", "prices"):
                return g, f.name, p
    return None


def batch_cells(scenarios: Sequence[Any], targets: Mapping[str, Sequence[tuple[int, str]]],
                integers: Sequence[set], draws: Mapping[str, np.ndarray], D: int,
                melt: float | None) -> tuple[dict[tuple[str, str, str], np.ndarray],
                                             np.ndarray]:
    """Every computed cell of the report for ``D`` draws, and the rows to re-run one by one.

    ``draws`` maps input names to arrays of ``D`` values; ``targets`` the names to the
    ``(scenario index, key)`` pairs they set (as the per-draw model).
    """
    changes: list[dict[str, np.ndarray]] = [{} for _ in scenarios]
    for name, vals in draws.items():
        v = np.asarray(vals, dtype=float)
        for i, key in targets[name]:
            changes[i][key] = np.round(v) if key in integers[i] else v
    out = compute(scenarios, changes, D, melt)
    return out.cells, out.bad


# ============================================================================ the model
def _frame(cells: dict, index: pd.MultiIndex, central: np.ndarray, D: int) -> np.ndarray:
    """The cells as a (D x cells) array in the report's order; cells that no draw moves
    (the scissors series) are the central report's."""
    out = np.empty((D, len(index)))
    for j, key in enumerate(index):
        v = cells.get(key)
        out[:, j] = central[j] if v is None else v
    return out


class BatchModel:
    """A batch of draws (DataFrame) → the report's cells (DataFrame), for
    :func:`~nonequivalent.propagate` with ``vectorized=True``.

    Wraps the per-draw model (:class:`~nonequivalent.uncertainty.report._ReportModel`),
    which it uses for the central report and for draws it will not return numbers for.
    Pickled for Dask as the per-draw model is: the scenarios as TOML text.
    """

    def __init__(self, per_draw: Any, central: pd.Series | None = None) -> None:
        self.per_draw = per_draw
        cells = per_draw({}) if central is None else central
        self.index, self.central = cells.index, cells.to_numpy(dtype=float)

    def __getstate__(self) -> dict[str, Any]:
        return {"per_draw": self.per_draw, "index": list(self.index),
                "central": self.central}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.per_draw = state["per_draw"]
        self.index = pd.MultiIndex.from_tuples(state["index"],
                                               names=["section", "row", "column"])
        self.central = state["central"]

    def report(self, params: Mapping[str, float]) -> Any:
        """The report of one draw (the per-draw path)."""
        return self.per_draw.report(params)

    def values(self, frame: pd.DataFrame) -> np.ndarray:
        """The (draws x cells) array of the report's cells for a DataFrame of draws."""
        m = self.per_draw
        names = list(frame.columns)
        unknown = [n for n in names if n not in m.targets]
        if unknown:
            raise UncertaintyError(f"unknown uncertain parameters {unknown}; those of "
                                   f"these scenarios are {list(m.targets)}.")
        X = frame.to_numpy(dtype=float)
        D = len(X)
        if D == 0:
            return np.empty((0, len(self.index)))
        draws = {n: X[:, j] for j, n in enumerate(names)}
        with np.errstate(all="ignore"):   # invalid draws are flagged and re-run below
            cells, bad = batch_cells(m.scenarios, m.targets, m.integers, draws, D, m.melt)
            out = _frame(cells, self.index, self.central, D)
        finite_central = np.isfinite(self.central)
        bad |= ~np.isfinite(out[:, finite_central]).all(axis=1)
        for i in np.flatnonzero(bad):
            # the per-draw path raises the precise error, or gives the draw's numbers
            out[i] = m(dict(zip(names, X[i].tolist(), strict=True))).to_numpy(dtype=float)
        central_in = np.array([m.central_value(n) for n in names])
        at_centre = (X == central_in[None, :]).all(axis=1) if names else np.ones(D, bool)
        out[at_centre] = self.central
        return out

    def __call__(self, frame: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame(self.values(frame), index=frame.index, columns=self.index)
