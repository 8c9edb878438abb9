"""Small helpers shared by the price-policy modules: number formatting and shares of a total."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ._validation import as_number
from .errors import InvalidPriceError, NonequivalentError


def _fmt(x: float) -> str:
    return f"{x:.4g}"


def _shares(amounts: pd.Series, total: float) -> pd.Series:
    """Each amount's share of ``total``; NaN (stated by the caller) when the total is 0."""
    if total == 0:
        return pd.Series(np.nan, index=amounts.index, name="share")
    return (amounts / total).rename("share")


def _amount_share_frame(amounts: pd.Series, total: float, index_name: str) -> pd.DataFrame:
    """Amounts and their shares of ``total`` in one labelled table."""
    out = pd.DataFrame({"amount": amounts, "share": _shares(amounts, total)})
    out.index.name = index_name
    return out


def _positive(x: Any, what: str, error: type[NonequivalentError] = InvalidPriceError,
              allow_zero: bool = False) -> float:
    return as_number(x, what, error, allow_zero=allow_zero)

