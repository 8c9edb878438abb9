"""Readers of multi-regional tables: pymrio systems, EXIOBASE 3 rows and text tables."""

from __future__ import annotations

import io as _io
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._validation import as_array, check_finite
from ..errors import InvalidEconomyError, LabelMismatchError, NonequivalentError
from ._labels import _same_pairs

#: The install command named when pymrio is needed and missing (the package is not on the
#: package index: its extra installs from a clone; the second command works anywhere).
MRIO_INSTALL = ('pip install ".[mrio]" from the top of a clone of the repository (or pip '
                'install pymrio country_converter)')

#: Row labels of EXIOBASE 3 as pymrio reads them (extension ``employment``: hours in
#: millions; ``factor_inputs``: compensation of employees in million EUR), by skill.
EXIOBASE_HOURS = {
    "low": ("employment", "Employment hours: Low-skilled"),
    "medium": ("employment", "Employment hours: Medium-skilled"),
    "high": ("employment", "Employment hours: High-skilled"),
}
#: Row labels of EXIOBASE 3 for compensation of employees, by skill (see ``EXIOBASE_HOURS``).
EXIOBASE_COMPENSATION = {
    "low": ("factor_inputs", "Compensation of employees; wages, salaries, & employers' "
            "social contributions: Low-skilled"),
    "medium": ("factor_inputs", "Compensation of employees; wages, salaries, & employers' "
               "social contributions: Medium-skilled"),
    "high": ("factor_inputs", "Compensation of employees; wages, salaries, & employers' "
             "social contributions: High-skilled"),
}


def _require_pymrio() -> Any:
    """Import pymrio on first use, or say how to install it."""
    try:
        import pymrio
    except ImportError:
        raise NonequivalentError(
            f"this needs the optional package pymrio; install it with {MRIO_INSTALL}."
        ) from None
    return pymrio


def _final_demand(Y: Any, index: pd.MultiIndex, regions: pd.Index) -> np.ndarray:
    """Final demand as an (N x R) array, columns in the order of ``regions``."""
    if isinstance(Y, pd.DataFrame):
        if not isinstance(Y.index, pd.MultiIndex):
            raise LabelMismatchError("final demand rows must be the (region, sector) pairs.")
        _same_pairs(Y.index, index, "final demand rows")
        Y = Y.reindex(index)
        if isinstance(Y.columns, pd.MultiIndex):
            Y = Y.T.groupby(level=0, sort=False).sum().T
        cols = pd.Index(Y.columns)
        if set(cols) != set(regions):
            raise LabelMismatchError(
                f"final demand columns {list(cols)[:10]} must be the consuming regions "
                f"{list(regions)[:10]} (or (region, category) pairs).")
        arr = Y.reindex(columns=regions).to_numpy(dtype=float)
    else:
        arr = as_array(Y, "final demand", InvalidEconomyError, copy=True)
        if arr.ndim == 1:
            arr = arr[:, None]
        if arr.shape != (len(index), len(regions)):
            raise InvalidEconomyError(
                f"final demand has shape {arr.shape}; expected ({len(index)}, "
                f"{len(regions)}), one column per consuming region.")
    check_finite(arr, "final demand", InvalidEconomyError, nonneg=False)
    return np.ascontiguousarray(arr)


def _extension_totals(system: Any, name: str | None, x: pd.Series) -> pd.DataFrame:
    if name is None or not hasattr(system, name):
        raise InvalidEconomyError(
            f"the pymrio system has no extension {name!r}; it has "
            f"{[e for e in dir(system) if hasattr(getattr(system, e, None), 'F')][:20]}.")
    ext = getattr(system, name)
    F = getattr(ext, "F", None)
    if F is None:
        S = getattr(ext, "S", None)
        if S is None:
            raise InvalidEconomyError(f"extension {name!r} has neither F nor S.")
        F = S * x.reindex(S.columns).to_numpy()[None, :]
    return F


def _row_labels(F: pd.DataFrame) -> pd.Index:
    idx = F.index
    if isinstance(idx, pd.MultiIndex):
        return pd.Index([" ".join(str(p) for p in t) for t in idx])
    return pd.Index([str(v) for v in idx])


def _select_rows(F: pd.DataFrame, pattern: Any, ext: Any, what: str) -> pd.Series:
    """Sum the rows of ``F`` chosen by ``pattern`` (None: all rows)."""
    labels = _row_labels(F)
    if pattern is None:
        mask = np.ones(len(labels), dtype=bool)
    elif isinstance(pattern, list | tuple):
        wanted = [str(p) for p in pattern]
        mask = labels.isin(wanted)
        if mask.sum() != len(set(wanted)):
            missing = [p for p in wanted if p not in set(labels)]
            raise InvalidEconomyError(f"{what}: rows {missing} not in extension {ext!r}.")
    else:
        mask = np.asarray(labels.str.contains(str(pattern), regex=False), dtype=bool)
    if not mask.any():
        raise InvalidEconomyError(
            f"{what}: no row of extension {ext!r} contains {pattern!r}; its rows are "
            f"{list(labels)[:12]}.")
    out = F.loc[mask].sum(axis=0)
    out.index = pd.MultiIndex.from_tuples(list(out.index), names=["region", "sector"])
    return out.astype(float)


def _read_text_table(path: Path, header: int = 2, index_cols: int | None = 2) -> pd.DataFrame:
    """A tab-separated table with ``header`` header rows (EXIOBASE/pymrio text layout)."""
    if not path.exists():
        raise InvalidEconomyError(f"{path}: no such file (expected an EXIOBASE-style table).")
    text = path.read_text(encoding="utf-8")
    if index_cols is None:  # an extension: count the empty cells after the first header
        first = text.split("\n", 1)[0].split("\t")
        index_cols = 1
        while index_cols < len(first) and first[index_cols] == "":
            index_cols += 1
    try:
        if header == 1:
            df = pd.read_csv(_io.StringIO(text), sep="\t", index_col=list(range(index_cols)))
        else:
            df = pd.read_csv(_io.StringIO(text), sep="\t", header=list(range(header)),
                             index_col=list(range(index_cols)))
    except (ValueError, pd.errors.ParserError) as exc:
        raise InvalidEconomyError(f"{path}: cannot read the table: {exc}") from None
    if header > 1:
        df.columns = pd.MultiIndex.from_tuples(list(df.columns), names=["region", "sector"])
    return df.astype(float)
