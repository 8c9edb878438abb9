"""Labels and satellite rows of a multi-regional table: the (region, sector) index."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._solvers import sparse as sp
from .._validation import as_array, check_finite
from ..errors import InvalidEconomyError, LabelMismatchError

#: Name of the total over skill levels in the account's tables.
ALL_SKILLS = "all"


def _frozen(arr: np.ndarray) -> np.ndarray:
    arr.setflags(write=False)
    return arr


# ============================================================================ labels
def _mrio_index(index: Any, regions: Any, sectors: Any, n: int | None) -> pd.MultiIndex:
    """The (region, sector) MultiIndex, from a MultiIndex or from regions x sectors."""
    if index is not None:
        if not isinstance(index, pd.MultiIndex) or index.nlevels != 2:
            raise LabelMismatchError(
                "the table's labels must be a 2-level pandas MultiIndex (region, sector); "
                f"got {type(index).__name__}. Pass regions= and sectors= for plain arrays.")
        mi = pd.MultiIndex.from_tuples(list(index), names=["region", "sector"])
    else:
        if regions is None or sectors is None:
            raise LabelMismatchError(
                "give the labels of a plain array: regions=[...] and sectors=[...] (every "
                "region has every sector, region-major), or use DataFrames with a "
                "(region, sector) MultiIndex.")
        mi = pd.MultiIndex.from_product([list(regions), list(sectors)],
                                        names=["region", "sector"])
    if n is not None and len(mi) != n:
        raise LabelMismatchError(
            f"{len(mi)} (region, sector) labels for a table of {n} rows; with regions= and "
            "sectors= the table must have len(regions) * len(sectors) rows.")
    if not mi.is_unique:
        dup = mi[mi.duplicated()].unique().tolist()[:5]
        raise LabelMismatchError(f"(region, sector) labels must be unique; repeated: {dup}.")
    return mi


def _region_codes(index: pd.MultiIndex) -> tuple[pd.Index, np.ndarray]:
    """Regions in order of first appearance and the region position of every row."""
    codes, regions = pd.factorize(index.get_level_values(0))
    return pd.Index(regions, name="region"), codes.astype(np.intp)


def _indicator(codes: np.ndarray, m: int) -> sp.csr_array:
    """The ``m x n`` 0/1 matrix that sums rows by group code."""
    n = codes.size
    return sp.csr_array((np.ones(n), (codes, np.arange(n))), shape=(m, n))


# ============================================================================ satellites
def _read_rows(data: Any, index: pd.MultiIndex, what: str,
               nonneg: bool = True) -> tuple[np.ndarray, pd.Index]:
    """Satellite rows (kinds x N) from a DataFrame (columns = (region, sector)), a mapping
    ``{name: vector or Series}`` or a Series (one row)."""
    n = len(index)
    if isinstance(data, pd.Series):
        data = {data.name if data.name is not None else "labour": data}
    if isinstance(data, Mapping):
        if not data:
            raise InvalidEconomyError(f"{what}: give at least one row.")
        rows, names = [], []
        for name, vec in data.items():
            if isinstance(vec, pd.Series):
                if not isinstance(vec.index, pd.MultiIndex):
                    raise LabelMismatchError(
                        f"{what} ({name!r}): a Series must be indexed by (region, sector).")
                _same_pairs(vec.index, index, f"{what} ({name!r})")
                arr = vec.reindex(index).to_numpy(dtype=float)
            else:
                arr = as_array(vec, f"{what} ({name!r})", InvalidEconomyError)
                if arr.shape != (n,):
                    raise InvalidEconomyError(
                        f"{what} ({name!r}) has shape {arr.shape}; expected ({n},), one entry "
                        "per (region, sector).")
            rows.append(arr)
            names.append(name)
        out = np.vstack(rows)
        kinds = pd.Index(names)
    elif isinstance(data, pd.DataFrame):
        if not isinstance(data.columns, pd.MultiIndex):
            raise LabelMismatchError(
                f"{what}: a DataFrame must have (region, sector) MultiIndex columns and one "
                "row per kind.")
        _same_pairs(data.columns, index, what)
        out = data.T.reindex(index).T.to_numpy(dtype=float)
        kinds = pd.Index(data.index)
    else:
        out = np.atleast_2d(as_array(data, what, InvalidEconomyError, copy=True))
        if out.ndim != 2 or out.shape[1] != n:
            raise InvalidEconomyError(
                f"{what} has shape {out.shape}; expected (kinds, {n}).")
        kinds = pd.RangeIndex(out.shape[0])
    if not kinds.is_unique:
        raise LabelMismatchError(f"{what}: row names must be unique; got {list(kinds)}.")
    if isinstance(kinds, pd.MultiIndex) or any(isinstance(k, tuple) for k in kinds):
        raise LabelMismatchError(
            f"{what}: name each row with one label (e.g. 'low female'), not a tuple; got "
            f"{list(kinds)[:4]}.")
    check_finite(out, what, InvalidEconomyError, nonneg=nonneg)
    return np.ascontiguousarray(out), kinds


def _same_pairs(got: pd.Index, expected: pd.MultiIndex, what: str) -> None:
    if not got.is_unique or len(got) != len(expected) or not expected.isin(got).all():
        missing = list(expected[~expected.isin(got)])[:5]
        raise LabelMismatchError(
            f"{what}: labels do not match the table's (region, sector) pairs (missing "
            f"{missing}); use the same MultiIndex as the technical matrix.")
