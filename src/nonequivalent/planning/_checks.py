"""Guarded reading of scalar parameters for the planning models (internal).

Every scalar a planning function takes (a discount factor, a time limit, a marketed
quantity, a growth parameter) is read here, never by a bare ``float()`` or ``int()``:
strings, booleans, complex numbers, values that overflow a float, NaN and infinities are
rejected with the caller's library error, naming the parameter and the range it must lie in.
"""

from __future__ import annotations

import math
import numbers
from typing import Any

import numpy as np

from ..errors import InvalidPlanError, NonequivalentError

__all__: list[str] = []


def real(value: Any, what: str, *, lower: float | None = None, upper: float | None = None,
         lower_open: bool = False, upper_open: bool = False, allow_inf: bool = False,
         error: type[NonequivalentError] = InvalidPlanError) -> float:
    """``value`` as a float in the given range, or ``error`` naming ``what``.

    Only real numbers are read (int, float, numpy scalars, Fraction, Decimal): a string
    (``"0.9"``), a boolean, a complex number, a sequence or ``None`` is refused, as are NaN,
    infinities (unless ``allow_inf``) and ints too large for a float.

    >>> real(0.5, "discount", lower=0, upper=1, lower_open=True)
    0.5
    >>> real("0.9x", "discount")
    Traceback (most recent call last):
    ...
    nonequivalent.errors.InvalidPlanError: discount must be a real number, got '0.9x' (str).
    """
    if (isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real)
            or isinstance(value, complex | np.complexfloating)):
        raise error(f"{what} must be a real number, got {value!r} "
                    f"({type(value).__name__}).")
    try:
        v = float(value)
    except (OverflowError, ValueError, TypeError):
        raise error(f"{what} is too large for a floating-point number: give at most "
                    "about 1e308 (or rescale the units).") from None
    if math.isnan(v) or (math.isinf(v) and not allow_inf):
        raise error(f"{what} must be finite, got {value!r}.")
    bad_lo = lower is not None and (v < lower or (lower_open and v == lower))
    bad_up = upper is not None and (v > upper or (upper_open and v == upper))
    if bad_lo or bad_up:
        lo = "" if lower is None else f"{'>' if lower_open else '>='} {lower:g}"
        up = "" if upper is None else f"{'<' if upper_open else '<='} {upper:g}"
        rule = " and ".join(s for s in (lo, up) if s)
        raise error(f"{what} must be {rule}, got {value!r}.")
    return v


def whole(value: Any, what: str, *, minimum: int | None = None, maximum: int | None = None,
          error: type[NonequivalentError] = InvalidPlanError) -> int:
    """``value`` as an int (a whole number, not a string or bool) in the given range.

    >>> whole(3.0, "years", minimum=1)
    3
    """
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        raise error(f"{what} must be a whole number, got {value!r} "
                    f"({type(value).__name__}).")
    try:
        k = int(value)
    except (OverflowError, ValueError, TypeError):
        raise error(f"{what} must be a finite whole number, got {value!r}.") from None
    if k != value:
        raise error(f"{what} must be a whole number, got {value!r}.")
    if (minimum is not None and k < minimum) or (maximum is not None and k > maximum):
        lo = "" if minimum is None else f">= {minimum}"
        up = "" if maximum is None else f"<= {maximum}"
        raise error(f"{what} must be {' and '.join(s for s in (lo, up) if s)}, got {k}.")
    return k


def numbers_only(data: Any, what: str,
                 error: type[NonequivalentError] = InvalidPlanError) -> Any:
    """``data`` unchanged if every entry is a real number, else ``error``.

    Checks mappings, Series and sequences entry by entry (strings, booleans, complex
    numbers, nested lists and ints beyond the float range are refused) before the shared
    vector conversion reads them.
    """
    import pandas as pd

    if data is None:
        return data
    if isinstance(data, str | bytes):
        raise error(f"{what} must be numbers (one per label), got the string {data!r}.")
    if isinstance(data, pd.Series | pd.DataFrame):
        values = data.to_numpy().ravel().tolist()
    elif isinstance(data, dict):
        values = list(data.values())
    else:
        try:
            arr = np.asarray(data)
        except (TypeError, ValueError, OverflowError):
            raise error(f"{what} must be a flat list of numbers, got {data!r}.") from None
        if arr.dtype.kind in "iuf":
            return data
        values = arr.ravel().tolist() if arr.dtype.kind == "O" else [data]
    for v in values:
        real(v, f"{what} (entry {v!r})", error=error)
    return data


def finite_result(values: Any, what: str, hint: str,
                  error: type[NonequivalentError] = InvalidPlanError) -> None:
    """Raise ``error`` if a computed result overflowed to ±inf or became NaN."""
    arr = np.asarray(values, dtype=float)
    if not np.isfinite(arr).all():
        raise error(f"{what} overflows a floating-point number ({hint}).")


def frozen_array(values: Any) -> np.ndarray:
    """A read-only float copy of ``values``."""
    arr = np.array(values, dtype=float)
    arr.setflags(write=False)
    return arr
