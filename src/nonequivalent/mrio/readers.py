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

_COMP = "Compensation of employees; wages, salaries, & employers' social contributions: "

#: Row labels of EXIOBASE 3 as pymrio reads them, by skill: hours worked (million hours;
#: the male and female rows of a skill are summed) and compensation of employees (million
#: EUR). The extension is found by its rows (``None``): ``satellite`` in EXIOBASE 3.8.x,
#: ``employment`` and ``factor_inputs`` in later releases.
EXIOBASE_HOURS = {
    "low": (None, "Employment hours: Low-skilled"),
    "medium": (None, "Employment hours: Medium-skilled"),
    "high": (None, "Employment hours: High-skilled"),
}
#: Row labels of EXIOBASE 3 for compensation of employees, by skill (see ``EXIOBASE_HOURS``).
EXIOBASE_COMPENSATION = {
    "low": (None, _COMP + "Low-skilled"),
    "medium": (None, _COMP + "Medium-skilled"),
    "high": (None, _COMP + "High-skilled"),
}
#: The nine value-added rows of EXIOBASE 3 (million EUR), summed into value added.
EXIOBASE_VALUE_ADDED = (None, [
    "Taxes less subsidies on products purchased: Total", "Other net taxes on production",
    _COMP + "Low-skilled", _COMP + "Medium-skilled", _COMP + "High-skilled",
    "Operating surplus: Consumption of fixed capital", "Operating surplus: Rents on land",
    "Operating surplus: Royalties on resources",
    "Operating surplus: Remaining net operating surplus"])


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


def _extension_names(system: Any) -> list[str]:
    return [e for e in dir(system) if not e.startswith("_")
            and (getattr(getattr(system, e, None), "F", None) is not None
                 or getattr(getattr(system, e, None), "S", None) is not None)]


def _find_extension(system: Any, pattern: Any, what: str) -> str:
    """The first extension of ``system`` with rows matching ``pattern`` (see _select_rows)."""
    names = _extension_names(system)
    for name in names:
        ext = getattr(system, name)
        F = ext.F if getattr(ext, "F", None) is not None else ext.S
        labels = _row_labels(F)
        if isinstance(pattern, list | tuple):
            if set(map(str, pattern)) <= set(labels):
                return name
        elif pattern is None or labels.str.contains(str(pattern), regex=False).any():
            return name
    raise InvalidEconomyError(
        f"{what}: no extension of the pymrio system has rows {pattern!r}; its extensions "
        f"are {names}. Name the rows with (extension, pattern).")


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
