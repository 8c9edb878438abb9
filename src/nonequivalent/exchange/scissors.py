"""The price scissors and the terms of trade.

* :func:`scissors_index` — ``σ_t = (P_m,t / P_m,0) / (P_a,t / P_a,0)`` from industrial and
  agricultural price indices, against any base period (Trotsky's "scissors", 1923;
  Preobrazhensky, *The New Economics* (1926; transl. 1965), ch. 2).
* :func:`terms_of_trade` — one good's price relative to the others, against a benchmark.
* :func:`two_good_transfer` — with balanced trade the transfer at benchmark prices is
  ``p^e_a q_a (1 − 1/σ)`` (Preobrazhensky, *The New Economics*, ch. 2).

Stalin's tribute and the channels of accumulation are in :mod:`nonequivalent.exchange.tribute`, the
marketing response and the squeeze in :mod:`nonequivalent.exchange.procurement`, the
Sah–Stiglitz dual economy in :mod:`nonequivalent.exchange.dual_economy`.

>>> import pandas as pd, nonequivalent as ne
>>> prices = pd.DataFrame({"industrial": [100, 276], "agricultural": [100, 89]},
...                       index=["1913", "Oct 1923"])
>>> ne.scissors_index(prices["industrial"], prices["agricultural"]).round(2).tolist()
[1.0, 3.1]
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._deprecation import moved_names
from .._validation import as_array, as_vector, require_finite
from ..errors import (
    InvalidPriceError,
    LabelMismatchError,
)

__all__ = [
    "scissors_index",
    "terms_of_trade",
    "two_good_transfer",
]

# ============================================================================ scissors index
def _base_level(series: pd.Series, base: Hashable | None, what: str) -> float:
    if base is None:
        return float(series.iloc[0])
    try:
        sel = series.loc[base]
    except KeyError:
        raise LabelMismatchError(
            f"base period {base!r} is not in the index of the {what} series "
            f"({list(series.index[:3])} ... {list(series.index[-2:])}).") from None
    if isinstance(sel, pd.Series):
        if sel.empty:
            raise LabelMismatchError(f"base period {base!r} selects no {what} observation.")
        return float(sel.mean())
    return float(sel)


def terms_of_trade(prices: Any, benchmark_prices: Any, good: Hashable,
                   weights: Any = None) -> float:
    """A good's terms of trade against the other goods, relative to a benchmark.

    ``T = (p_a / pᵉ_a) / (p·w / pᵉ·w)``: the good's price against its benchmark price,
    divided by the level of the other goods' prices against theirs, weighted by ``w``
    (e.g. what the peasants buy). ``T = 1`` is parity with the benchmark; ``T < 1`` means
    the blades of the scissors are open against the good, and ``1 / T`` is the scissors
    index σ of two goods (Preobrazhensky, *The New Economics*, 1926, ch. 2; Trotsky's
    "scissors" of 1923). The good's own weight is ignored; with no weight on any other
    good, the other goods are weighted equally.

    Parameters
    ----------
    prices, benchmark_prices : Series
        Actual and benchmark prices by good (the same labels), positive.
    good : label
        The good whose terms of trade are measured (e.g. ``"agriculture"``).
    weights : Series or mapping, optional
        Non-negative weights of the other goods (default: equal).

    Examples
    --------
    >>> import pandas as pd, nonequivalent as ne
    >>> p = pd.Series({"grain": 1.0, "cloth": 3.0, "iron": 2.0})
    >>> pe = pd.Series({"grain": 2.0, "cloth": 1.5, "iron": 2.0})
    >>> ne.terms_of_trade(p, pe, "grain", weights={"grain": 5, "cloth": 1, "iron": 0})
    0.25
    """
    if isinstance(prices, Mapping) and not isinstance(prices, pd.Series):
        idx = pd.Index(list(prices))
        prices = pd.Series(as_vector(prices, idx, "prices", InvalidPriceError), index=idx)
    if not isinstance(prices, pd.Series):
        raise InvalidPriceError("prices must be a pandas Series (or a mapping) by good.")
    p = pd.Series(as_vector(prices, prices.index, "prices", InvalidPriceError),
                  index=prices.index)
    pe = as_vector(benchmark_prices, p.index, "benchmark prices", InvalidPriceError)
    try:
        known = good in p.index
    except TypeError:
        known = False
    if not known:
        raise LabelMismatchError(f"unknown good {good!r}; the prices are for {list(p.index)}.")
    k = p.index.get_loc(good)
    if p.iloc[k] <= 0 or pe[k] <= 0:
        raise InvalidPriceError(f"the price and benchmark price of {good!r} must be > 0 "
                                "(the terms of trade are a ratio).")
    others = p.index != good
    w = (np.zeros(len(p)) if weights is None
         else as_vector(weights, p.index, "weights", InvalidPriceError))
    w = np.where(others, w, 0.0)
    if not w.any():
        w = others.astype(float)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        level_e = float(pe @ w)
        level = float(p.to_numpy() @ w)
        if not level_e > 0 or not level > 0:
            which = "benchmark prices" if not level_e > 0 else "prices"
            raise InvalidPriceError(f"the other goods' {which} are all zero where they are "
                                    "weighted; the price level they define is zero and the "
                                    "terms of trade are undefined.")
        out = (float(p.iloc[k]) / float(pe[k])) / (level / level_e)
    return _positive_finite(out, "the terms of trade")


def _positive_finite(value: float, what: str) -> float:
    """``value`` if finite and > 0 (a ratio of positive prices), else NumericalRangeError."""
    require_finite(value, what)
    if not value > 0:
        require_finite(np.inf * np.sign(value) if value else np.nan,
                       f"{what} (underflow to 0)")
    return float(value)


def scissors_index(industrial: pd.Series, agricultural: pd.Series,
                   base: Hashable | None = None) -> pd.Series:
    """The scissors index ``σ_t = (P_m,t / P_m,0) / (P_a,t / P_a,0)``.

    Parameters
    ----------
    industrial, agricultural : Series
        Price indices (or prices) of manufactures and of farm goods, on the same index
        (time: years, dates, any labels), strictly positive.
    base : label, optional
        Base period ``0``: a label of the index; a partial label that selects several
        observations (e.g. ``"1913"`` on a DatetimeIndex) averages them. Default: the first
        observation.

    Returns
    -------
    Series
        ``σ`` by period (1 in the base period; > 1: the scissors open against agriculture),
        with ``attrs["base"]``.

    Raises
    ------
    InvalidPriceError
        Zero, negative or non-finite index values.
    LabelMismatchError
        The two series have different indices, or ``base`` is not in them.

    Notes
    -----
    Trotsky named the scissors at the XII Party Congress (1923); Preobrazhensky,
    *The New Economics*, ch. 2; A. Nove, *An Economic History of the USSR*, ch. 4.
    The widely quoted figures for 1 October 1923 are industrial prices at 276 % and
    agricultural at 89 % of 1913, σ ≈ 3.1 (Wikipedia, "Scissors Crisis").

    Examples
    --------
    >>> import pandas as pd, nonequivalent as ne
    >>> ind = pd.Series([100.0, 276.0, 131.0], index=["1913", "1923-10", "1924-04"])
    >>> agr = pd.Series([100.0, 89.0, 92.0], index=ind.index)
    >>> ne.scissors_index(ind, agr, base="1913").round(3).to_dict()
    {'1913': 1.0, '1923-10': 3.101, '1924-04': 1.424}
    """
    for s, what in ((industrial, "industrial"), (agricultural, "agricultural")):
        if not isinstance(s, pd.Series):
            raise InvalidPriceError(f"the {what} price index must be a pandas Series indexed "
                                    f"by period; got {type(s).__name__}.")
    if not industrial.index.equals(agricultural.index):
        raise LabelMismatchError(
            "the industrial and agricultural series must share one index (the same periods "
            "in the same order); align them first, e.g. with .reindex().")
    if len(industrial) == 0:
        raise InvalidPriceError("the price series are empty.")
    m = pd.Series(as_array(industrial, "the industrial price index", InvalidPriceError),
                  index=industrial.index)
    a = pd.Series(as_array(agricultural, "the agricultural price index", InvalidPriceError),
                  index=agricultural.index)
    for s, what in ((m, "industrial"), (a, "agricultural")):
        v = s.to_numpy()
        bad = ~np.isfinite(v) | (v <= 0)
        if bad.any():
            raise InvalidPriceError(
                f"the {what} price index must be positive and finite (σ is a ratio); bad "
                f"at {list(s.index[bad])[:10]}.")
    m0 = _base_level(m, base, "industrial")
    a0 = _base_level(a, base, "agricultural")
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        out = (m / m0) / (a / a0)
    vals = out.to_numpy()
    require_finite(vals, "the scissors index")
    if not (vals > 0).all():
        require_finite(np.nan, "the scissors index (underflow to 0)")
    out.name = "scissors index"
    out.attrs["base"] = base if base is not None else industrial.index[0]
    return out


def two_good_transfer(benchmark_price: Any, quantity: Any, sigma: Any) -> Any:
    """Transfer at benchmark prices with two goods and balanced trade: ``p^e_a q_a (1 − 1/σ)``.

    Peasants sell ``q_a`` grain and buy manufactures with the proceeds
    (``p_a q_a = p_m q_m``); at benchmark prices ``p^e`` the transfer
    ``(p^e_a − p_a) q_a + (p_m − p^e_m) q_m`` equals ``p^e_a q_a (1 − 1/σ)`` with
    ``σ = (p_m / p^e_m) / (p_a / p^e_a)`` (derivation: :func:`nonequivalent.exact.symbolic.
    two_good_transfer`).

    Parameters
    ----------
    benchmark_price : float or array
        ``p^e_a``, benchmark price of the farm good (> 0).
    quantity : float or array
        ``q_a`` sold (>= 0).
    sigma : float or array
        Scissors index (> 0).

    Notes
    -----
    Preobrazhensky, *The New Economics*, ch. 2.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> round(ne.two_good_transfer(1.0, 100.0, 276 / 89), 4)
    67.75
    """
    pe = as_array(benchmark_price, "the benchmark price", InvalidPriceError)
    q = as_array(quantity, "the quantity sold", InvalidPriceError)
    s = as_array(sigma, "the scissors index", InvalidPriceError)
    if not (np.isfinite(pe).all() and (pe > 0).all()):
        raise InvalidPriceError("the benchmark price must be positive and finite.")
    if not (np.isfinite(q).all() and (q >= 0).all()):
        raise InvalidPriceError("the quantity sold must be >= 0 and finite.")
    if not (np.isfinite(s).all() and (s > 0).all()):
        raise InvalidPriceError("the scissors index must be positive and finite.")
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        out = pe * q * (1.0 - 1.0 / s)
    require_finite(out, "the two-good transfer")
    return float(out) if out.ndim == 0 else out


_MOVED = {**{name: "tribute" for name in ("AccumulationFund", "Tribute", "accumulation_fund",
                                          "equivalent_tax_rate", "foreign_trade_margin",
                                          "inflation_tax", "tribute")},
          **{name: "procurement" for name in ("CallableResponse", "IsoelasticResponse",
                                              "LinearResponse", "MarketingResponse",
                                              "SqueezeDiagnostic", "SqueezeOptimum",
                                              "extraction", "squeeze_diagnostic",
                                              "squeeze_optimum", "GRID_POINTS")},
          **{name: "dual_economy" for name in ("DualComparativeStatics", "DualEconomy",
                                               "DualOptimum", "DualOutcome")}}

__getattr__ = moved_names(__name__, _MOVED)
