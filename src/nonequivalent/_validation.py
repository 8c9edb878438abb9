"""The one guarded conversion path for numbers, vectors and matrices.

Every public entry point turns its numeric inputs into floats here, so that bad input gets
one specific library error (naming the input and the fix) instead of a bare Python
exception or, worse, a wrong number:

* inputs are **copied** (a caller's list, array, DataFrame or sparse matrix is never shared
  with a result, and later edits by the caller cannot change it);
* **complex** numbers are rejected (never silently cut to their real part);
* **booleans** are rejected where a quantity is expected (``True`` is not a price);
* **strings** are rejected (``"1.5"`` is not a number here; parse it first);
* Python integers **beyond float range** (``10**400``) are rejected, not an ``OverflowError``;
* NaN and infinite entries are rejected, negative ones where quantities must be >= 0;
* a plain list or array is **positional** (one entry per label, in order, exactly ``n``
  entries); only a pandas Series, a DataFrame or a mapping is read by label.

Results are checked with :func:`require_finite`: a computation that overflows raises
:class:`~nonequivalent.NumericalRangeError` suggesting a rescale, never returns ``inf``.

Labels are attached at the boundary (pandas Index), numbers computed inside (numpy).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ._solvers import sparse as sp
from .errors import (
    InvalidEconomyError,
    LabelMismatchError,
    NonequivalentError,
    NumericalRangeError,
)

__all__ = ["as_array", "as_bundle", "as_float", "as_index", "as_matrix", "as_number",
           "as_sparse", "as_vector", "check_finite", "reject_negative", "require_finite"]


def as_float(x: Any, what: str, error: type[NonequivalentError], *,
             allow_bool: bool = False) -> float:
    """``x`` as a Python float, or ``error`` naming ``what``; NaN and inf pass through.

    Rejects strings, complex numbers, booleans (unless ``allow_bool``), and integers too
    large for a float (e.g. ``10**400``).

    >>> from nonequivalent.errors import InvalidPriceError
    >>> as_float(3, "price", InvalidPriceError)
    3.0
    >>> as_float(10**400, "price", InvalidPriceError)
    Traceback (most recent call last):
    ...
    nonequivalent.errors.InvalidPriceError: price is too large for a float (about 10^400)...
    """
    if isinstance(x, bool | np.bool_) and not allow_bool:
        raise error(f"{what} must be a number, got the boolean {x!r}.")
    if isinstance(x, str | bytes):
        raise error(f"{what} must be a number, got the string {x!r}; convert it first "
                    "(e.g. float(...)).")
    if isinstance(x, complex | np.complexfloating) or (
            isinstance(x, np.ndarray) and np.iscomplexobj(x)):
        raise error(f"{what} must be a real number, got the complex value {x!r}.")
    if isinstance(x, np.ndarray) and x.ndim != 0:
        raise error(f"{what} must be a single number, got an array of shape {x.shape}.")
    if isinstance(x, numbers.Integral) and not isinstance(x, np.integer):
        try:
            return float(x)
        except OverflowError:
            digits = len(str(abs(int(x))))
            raise error(f"{what} is too large for a float (about 10^{digits - 1}); "
                        "rescale it (e.g. to thousands or millions).") from None
    try:
        return float(x)
    except OverflowError:
        raise error(f"{what} is too large for a float; rescale it.") from None
    except (TypeError, ValueError):
        raise error(f"{what} must be a number; got {x!r}.") from None


def as_number(x: Any, what: str, error: type[NonequivalentError], *,
              allow_zero: bool = False, allow_negative: bool = False) -> float:
    """``x`` as a finite float that is > 0 (>= 0 with ``allow_zero``; any sign with
    ``allow_negative``), else ``error`` naming ``what``.

    >>> from nonequivalent.errors import InvalidPriceError
    >>> as_number("abc", "the MELT", InvalidPriceError)
    Traceback (most recent call last):
    ...
    nonequivalent.errors.InvalidPriceError: the MELT must be a number, got the string 'abc'...
    """
    val = as_float(x, what, error)
    if not math.isfinite(val):
        raise error(f"{what} must be finite; got {x!r}.")
    if allow_negative:
        return val
    if val < 0 or (val == 0 and not allow_zero):
        need = "non-negative (>= 0)" if allow_zero else "positive (> 0)"
        raise error(f"{what} must be {need}; got {x!r}.")
    return val


def require_finite(value: Any, what: str) -> Any:
    """Return ``value`` unchanged if every number in it is finite; else raise.

    ``value`` may be a float, a numpy array, a pandas Series or DataFrame. A NaN or an
    infinity in a *result* means the computation left the range of floating point (huge
    inputs, or a ratio of nearly cancelling totals):
    :class:`~nonequivalent.NumericalRangeError` says so instead of returning it.

    >>> require_finite(1e308 * 10, "the transfer")
    Traceback (most recent call last):
    ...
    nonequivalent.errors.NumericalRangeError: the transfer is not finite (inf): ...
    """
    if type(value) is float:
        if math.isfinite(value):
            return value
        arr = np.asarray(value)
    elif isinstance(value, pd.DataFrame | pd.Series):
        arr = value.to_numpy(dtype=float)
    else:
        arr = np.asarray(value, dtype=float)
    if not np.isfinite(arr).all():
        shown = arr if arr.ndim == 0 else arr[~np.isfinite(arr)][:3]
        raise NumericalRangeError(
            f"{what} is not finite ({shown}): the inputs are outside the range where the "
            "computation is exact in floating point. Rescale them (e.g. money in thousands, "
            "quantities in millions) or keep ratios away from 0 and infinity.")
    return value


def as_index(labels: Any, n: int, name: str, default_prefix: str) -> pd.Index:
    """Return a unique pandas Index of length ``n`` (default ``prefix0..prefix{n-1}``)."""
    if labels is None:
        return pd.Index([f"{default_prefix}{i}" for i in range(n)], name=name)
    if isinstance(labels, str | bytes):
        labels = [labels]
    try:
        index = pd.Index(list(labels), name=name)
    except TypeError:
        raise LabelMismatchError(f"{name} labels must be a sequence of labels; got "
                                 f"{type(labels).__name__}.") from None
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


def check_positive_output(x: np.ndarray, index: pd.Index, cells: str, remedy: str) -> None:
    """Refuse a gross output that is zero or negative anywhere: ``A = Z / x`` is undefined there.

    Parameters
    ----------
    x : ndarray
        Gross output, one entry per label of ``index``.
    index : Index
        The labels named in the message (sectors, or (region, sector) pairs).
    cells : str
        Where output must be positive ("in every sector").
    remedy : str
        How to fix the table, a sentence without its full stop.

    Raises
    ------
    InvalidEconomyError
        Naming the first ten labels with ``x <= 0`` (or NaN).
    """
    bad = ~(x > 0)
    if bad.any():
        raise InvalidEconomyError(
            f"gross output must be > 0 {cells}; zero or negative in {list(index[bad])[:10]}. "
            f"{remedy} (A = Z / x is undefined there).")


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
             copy: bool = True, labels: Any = None) -> np.ndarray:
    """Return ``data`` as a new float numpy array (never a view of the caller's data).

    Rejects complex, boolean and string entries, integers beyond float range, ragged or
    absurdly nested sequences, and sparse matrices (use :func:`as_sparse`), each with
    ``error`` naming ``what``. NaN and inf pass through (see :func:`check_finite`).
    ``copy`` is accepted for compatibility; the result is always a new array. ``labels``
    (one per entry of a vector) name a bad entry in the message.

    >>> import numpy as np
    >>> from nonequivalent.errors import InvalidEconomyError
    >>> as_array(np.array([1 + 2j]), "A", InvalidEconomyError)
    Traceback (most recent call last):
    ...
    nonequivalent.errors.InvalidEconomyError: A must be real; got complex entries...
    """
    del copy
    if sp.issparse(data):
        raise error(f"{what} must be a dense array here, got a sparse matrix; convert it "
                    "with .toarray().")
    if isinstance(data, str | bytes):
        raise error(f"{what} must be numeric, got the string {data!r}.")
    if isinstance(data, pd.Series):
        labels, data = (data.index if labels is None else labels), data.to_numpy()
    elif isinstance(data, pd.DataFrame):
        data = data.to_numpy()
    try:
        raw = np.asarray(data)
    except (TypeError, ValueError, OverflowError, RecursionError) as exc:
        raise error(f"{what} must be a numeric array: {exc}.") from None
    kind = raw.dtype.kind
    if kind == "c":
        raise error(f"{what} must be real; got complex entries (e.g. {raw.flat[0]!r}). "
                    "Take .real explicitly if the imaginary parts are rounding noise.")
    if kind == "b":
        raise error(f"{what} must be numeric; got booleans. Convert them to 0/1 first "
                    "if that is what you mean.")
    if kind in "USV":
        raise error(f"{what} must be numeric; got strings or bytes. Parse them first.")
    if kind == "O":
        flat = raw.ravel()
        out = np.empty(flat.size, dtype=float)
        names = (list(labels) if labels is not None and len(labels) == flat.size
                 else range(flat.size))
        for i, item in enumerate(flat):
            out[i] = as_float(item, f"{what} ({names[i]!r})", error)
        return out.reshape(raw.shape)
    if kind not in "iuf":
        raise error(f"{what} must be numeric; got entries of type {raw.dtype}.")
    return np.array(raw, dtype=float, copy=True)


def as_sparse(data: Any, what: str, error: type[NonequivalentError]) -> sp.csr_array:
    """A scipy sparse matrix as a new float CSR array (its own data; explicit zeros kept
    in the caller's matrix, dropped in the copy). Complex and boolean data are rejected."""
    kind = data.dtype.kind
    if kind == "c":
        raise error(f"{what} must be real; got a complex sparse matrix.")
    if kind == "b":
        raise error(f"{what} must be numeric; got a boolean sparse matrix.")
    if kind not in "iuf":
        raise error(f"{what} must be numeric; got a sparse matrix of type {data.dtype}.")
    arr = sp.csr_array(data, dtype=float, copy=True)
    arr.sum_duplicates()
    return arr


def _mapping_series(data: Mapping, what: str, error: type[NonequivalentError]) -> pd.Series:
    items = dict(data)
    return pd.Series([as_float(v, f"{what} ({k!r})", error) for k, v in items.items()],
                     index=pd.Index(list(items)), dtype=float)


def _series_values(series: pd.Series, what: str,
                   error: type[NonequivalentError]) -> np.ndarray:
    return as_array(series.to_numpy(), what, error, labels=series.index)


def as_vector(data: Any, index: pd.Index, what: str,
              error: type[NonequivalentError], *, nonneg: bool = True,
              broadcast: bool = True) -> np.ndarray:
    """Return ``data`` as a new float vector aligned with ``index``.

    A pandas Series (or a mapping) is aligned by label: its labels must be exactly those
    of ``index`` (in any order). Anything else (list, tuple, numpy array) is positional: it
    must have exactly ``len(index)`` entries, taken in the order of ``index``, whatever
    the labels are (integer labels included). A single number fills every entry when
    ``broadcast``.
    """
    if isinstance(data, Mapping) and not isinstance(data, pd.Series):
        data = _mapping_series(data, what, error)
    if isinstance(data, pd.DataFrame):
        if data.shape[1] != 1:
            raise error(f"{what} must be one vector, got a table of shape {data.shape}.")
        data = data.iloc[:, 0]
    if isinstance(data, pd.Series):
        _check_same_labels(data.index, index, what)
        arr = _series_values(data.reindex(index), what, error)
    else:
        arr = as_array(data, what, error)
        if arr.ndim == 0:
            if not broadcast:
                raise error(f"{what} must have one entry per label in {list(index)[:10]}; "
                            f"got the single number {float(arr)!r}.")
            arr = np.full(len(index), float(arr))
        if arr.shape != (len(index),):
            raise error(f"{what} has shape {arr.shape}; expected ({len(index)},), "
                        f"one entry per label in {list(index)[:10]} (a list or array is "
                        "read by position; use a Series or a mapping to give labels).")
    check_finite(arr, what, error, nonneg=nonneg, labels=index)
    return arr


def as_bundle(data: Any, index: pd.Index, what: str,
              error: type[NonequivalentError], *, nonneg: bool = True) -> np.ndarray:
    """A bundle of goods as a new float vector aligned with ``index``.

    A mapping or Series is read by label and may name only some goods (the others are
    zero); an unknown or repeated good raises
    :class:`~nonequivalent.LabelMismatchError`. A list or array is positional and must
    have exactly ``len(index)`` entries (never padded, never read by label).
    """
    if isinstance(data, Mapping | pd.Series):
        s = (_mapping_series(data, what, error) if isinstance(data, Mapping)
             else pd.Series(_series_values(data, what, error), index=data.index))
        if not s.index.is_unique:
            raise LabelMismatchError(f"{what} names a good twice: "
                                     f"{s.index[s.index.duplicated()].tolist()}.")
        known = set(index)
        unknown = [k for k in s.index if k not in known]
        if unknown:
            raise LabelMismatchError(
                f"{what} names goods {unknown[:10]} that are not sectors of the economy "
                f"{list(index)[:10]}.")
        arr = s.reindex(index, fill_value=0.0).to_numpy(dtype=float, copy=True)
        check_finite(arr, what, error, nonneg=nonneg, labels=index)
        return arr
    return as_vector(data, index, what, error, nonneg=nonneg, broadcast=False)


def as_matrix(data: Any, rows: pd.Index, cols: pd.Index, what: str,
              error: type[NonequivalentError], *, nonneg: bool = True) -> np.ndarray:
    """Return ``data`` as a new float matrix aligned with ``rows`` x ``cols``.

    A DataFrame is aligned by label; anything else is positional and must have the shape
    ``(len(rows), len(cols))``. A sparse matrix is densified (a copy).
    """
    if isinstance(data, pd.DataFrame):
        _check_same_labels(data.index, rows, f"row labels of {what}")
        _check_same_labels(data.columns, cols, f"column labels of {what}")
        arr = as_array(data.reindex(index=rows, columns=cols).to_numpy(), what, error)
    else:
        if sp.issparse(data):
            data = as_sparse(data, what, error).toarray()
        arr = as_array(data, what, error)
        if arr.shape != (len(rows), len(cols)):
            raise error(f"{what} has shape {arr.shape}; expected ({len(rows)}, {len(cols)}).")
    check_finite(arr, what, error, nonneg=nonneg, labels=rows, columns=cols)
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
