"""Input checking shared by every module: labels attached at the boundary, numbers inside.

These helpers turn array-likes (lists, numpy arrays, pandas Series/DataFrames) into float
numpy arrays aligned with a given label index, and raise a specific library error naming
the input and the fix when something is wrong.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .errors import LabelMismatchError, NonequivalentError

__all__ = ["as_array", "as_index", "as_matrix", "as_number", "as_vector", "check_finite",
           "reject_negative"]


def as_number(x: Any, what: str, error: type[NonequivalentError], *,
              allow_zero: bool = False) -> float:
    """``x`` as a finite float that is > 0 (or >= 0 with ``allow_zero``), else ``error``."""
    try:
        val = float(x)
    except (TypeError, ValueError):
        raise error(f"{what} must be a number; got {x!r}.") from None
    if not math.isfinite(val) or val < 0 or (val == 0 and not allow_zero):
        raise error(f"{what} must be finite and {'>= 0' if allow_zero else '> 0'}; got {x}.")
    return val


def as_index(labels: Any, n: int, name: str, default_prefix: str) -> pd.Index:
    """Return a unique pandas Index of length ``n`` (default ``prefix0..prefix{n-1}``)."""
    if labels is None:
        return pd.Index([f"{default_prefix}{i}" for i in range(n)], name=name)
    index = pd.Index(list(labels), name=name)
    if len(index) != n:
        raise LabelMismatchError(
            f"{len(index)} {name} labels given for {n} {name}s; give exactly one label each."
        )
    if not index.is_unique:
        dup = index[index.duplicated()].unique().tolist()
        raise LabelMismatchError(f"{name} labels must be unique; repeated: {dup}.")
    return index


def check_finite(values: np.ndarray, what: str, error: type[NonequivalentError],
                 *, nonneg: bool = True, labels: pd.Index | None = None,
                 columns: pd.Index | None = None) -> None:
    """Raise ``error`` if ``values`` has NaN/inf entries, or negative ones when ``nonneg``.

    The message names the offending entries by label: ``labels`` for a vector, or
    ``labels`` (rows) and ``columns`` for a matrix; by position otherwise.
    """
    bad = ~np.isfinite(values)
    if bad.any():
        where = _where(bad, labels, columns)
        raise error(f"{what} contains NaN or infinite entries{where}; "
                    "replace them with finite numbers.")
    if nonneg:
        reject_negative(values < 0, what, error, labels=labels, columns=columns)


def reject_negative(negative: np.ndarray, what: str, error: type[NonequivalentError],
                    *, labels: pd.Index | None = None,
                    columns: pd.Index | None = None) -> None:
    """Raise ``error`` naming the entries where the boolean mask ``negative`` is true.

    The mask may come from floats (``values < 0``) or from exact numbers, so the float
    and the exact (:mod:`nonequivalent.exact`) inputs report negatives in the same words.
    """
    if negative.any():
        where = _where(negative, labels, columns)
        raise error(f"{what} has negative entries{where}; "
                    "coefficients and quantities must be >= 0.")


def _where(mask: np.ndarray, labels: pd.Index | None,
           columns: pd.Index | None = None) -> str:
    if mask.ndim == 1 and labels is not None and len(labels) == mask.size:
        return f" at {list(labels[mask])[:10]}"
    if (mask.ndim == 2 and labels is not None and columns is not None
            and mask.shape == (len(labels), len(columns))):
        pairs = [(labels[i], columns[j]) for i, j in np.argwhere(mask)[:5]]
        return f" at (row, column) {pairs}"
    pos = (np.flatnonzero(mask)[:10] if mask.ndim == 1 else np.argwhere(mask)[:5]).tolist()
    return f" at positions {pos}"


def as_array(data: Any, what: str, error: type[NonequivalentError], *,
             copy: bool = False) -> np.ndarray:
    """Return ``data`` as a float numpy array (always a new array when ``copy``).

    Raises ``error`` naming ``what`` when the entries are not numbers.
    """
    try:
        return np.array(data, dtype=float, copy=True if copy else None)
    except (TypeError, ValueError) as exc:
        raise error(f"{what} must be numeric: {exc}.") from None


def as_vector(data: Any, index: pd.Index, what: str,
              error: type[NonequivalentError], *, nonneg: bool = True) -> np.ndarray:
    """Return ``data`` as a float vector aligned with ``index``.

    A pandas Series (or a mapping) is aligned by label: its labels must be exactly those
    of ``index`` (in any order). Anything else must have length ``len(index)`` and is
    taken in the order of ``index``.
    """
    if isinstance(data, Mapping) and not isinstance(data, pd.Series):
        data = pd.Series(dict(data), dtype=float)
    if isinstance(data, pd.DataFrame):
        if data.shape[1] != 1:
            raise error(f"{what} must be one vector, got a table of shape {data.shape}.")
        data = data.iloc[:, 0]
    if isinstance(data, pd.Series):
        _check_same_labels(data.index, index, what)
        arr = data.reindex(index).to_numpy(dtype=float)
    else:
        arr = as_array(data, what, error)
        if arr.ndim == 0:
            arr = np.full(len(index), float(arr))
        if arr.shape != (len(index),):
            raise error(f"{what} has shape {arr.shape}; expected ({len(index)},), "
                        f"one entry per label in {list(index)[:10]}.")
    check_finite(arr, what, error, nonneg=nonneg, labels=index)
    return arr


def as_matrix(data: Any, rows: pd.Index, cols: pd.Index, what: str,
              error: type[NonequivalentError], *, nonneg: bool = True) -> np.ndarray:
    """Return ``data`` as a float matrix aligned with ``rows`` x ``cols`` (DataFrames by label)."""
    if isinstance(data, pd.DataFrame):
        _check_same_labels(data.index, rows, f"row labels of {what}")
        _check_same_labels(data.columns, cols, f"column labels of {what}")
        arr = data.reindex(index=rows, columns=cols).to_numpy(dtype=float)
    else:
        arr = as_array(data, what, error)
        if arr.shape != (len(rows), len(cols)):
            raise error(f"{what} has shape {arr.shape}; expected ({len(rows)}, {len(cols)}).")
    check_finite(arr, what, error, nonneg=nonneg)
    return arr


def _check_same_labels(got: pd.Index, expected: pd.Index, what: str) -> None:
    if not got.is_unique:
        raise LabelMismatchError(f"{what}: labels must be unique; repeated: "
                                 f"{got[got.duplicated()].unique().tolist()}.")
    if set(got) != set(expected):
        missing = [x for x in expected if x not in set(got)]
        extra = [x for x in got if x not in set(expected)]
        raise LabelMismatchError(
            f"{what} do not match: missing {missing[:10]}, unexpected {extra[:10]}. "
            "Use the same labels as the economy (reindex or rename first)."
        )
