"""Sweeps: the money transfers of groups over many price scenarios in one matrix product.

Money transfers are linear in prices: for scenario prices ``P`` (K x n) and the
groups' sales ``S`` and purchases ``D`` (n x G), Stalin's two price parts of the tribute
are ``p^e S − P S`` and ``P D − p^e D`` (speech of 9 July 1928, *Works* vol. 11).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result, _frame_text
from .._validation import as_array, require_finite
from ..core.economy import Economy
from ..errors import InvalidPriceError, LabelMismatchError
from .account import Group, _labour_columns, _prepare, exchange_flows
from .benchmarks import Benchmark, _price_series

__all__ = ["TransferSweep", "scaled_price_matrix", "transfer_sweep"]


# ============================================================================ sweeps
@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class TransferSweep(Result):
    """Money transfers of each group in many price scenarios, against one benchmark.

    Attributes
    ----------
    benchmark : Benchmark
    underpayment, overpayment : DataFrame
        Scenarios x groups, money at benchmark prices.
    taxes : Series
        Taxes by group (the same in every scenario).
    labour : DataFrame
        By group: ``labour_given, labour_received, labour_transfer,
        nonequivalence_ratio`` — independent of prices, computed once.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    >>> P = ne.scaled_price_matrix({"grain": 1.0, "cloth": 1.0}, ["cloth"], [1.0, 2.0])
    >>> sw = ne.transfer_sweep(eco, ne.Group("peasants", sells={"grain": 10},
    ...                                      buys={"cloth": 5}), P,
    ...                        ne.labour_value_benchmark(eco))
    >>> sw.tribute["peasants"].tolist()
    [0.0, 5.0]
    """

    benchmark: Benchmark
    underpayment: pd.DataFrame
    overpayment: pd.DataFrame
    taxes: pd.Series
    labour: pd.DataFrame

    _title = "Transfer sweep"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Scenarios, groups, and the range of the total tribute over the scenarios."""
        t = self.tribute.sum(axis=1)
        return [("scenarios", len(t), ""), ("groups", self.tribute.shape[1], ""),
                ("min tribute", float(t.min()), "money"),
                ("max tribute", float(t.max()), "money")]

    def benchmark_name(self) -> str:
        """The benchmark every money figure is measured against."""
        return f"money at benchmark '{self.benchmark.name}'"

    @property
    def tribute(self) -> pd.DataFrame:
        """Taxes + underpayment + overpayment, scenarios x groups."""
        return self.underpayment + self.overpayment + self.taxes

    def to_frame(self) -> pd.DataFrame:
        """Scenarios x (group, measure) with measures underpayment, overpayment, taxes,
        tribute; the benchmark's name in ``attrs``."""
        taxes = pd.DataFrame(np.broadcast_to(self.taxes.to_numpy(),
                                             self.underpayment.shape).copy(),
                             index=self.underpayment.index, columns=self.underpayment.columns)
        parts = {"underpayment": self.underpayment, "overpayment": self.overpayment,
                 "taxes": taxes, "tribute": self.tribute}
        out = pd.concat(parts, axis=1, names=["measure", "group"])
        out = out.swaplevel(axis=1).sort_index(axis=1, level=0, sort_remaining=False)
        out.attrs["benchmark"] = self.benchmark.name
        return out

    def summary_lines(self) -> list[str]:
        """Scenario count and the range of each group's tribute."""
        t = self.tribute
        desc = pd.DataFrame({"min": t.min(), "mean": t.mean(), "max": t.max()})
        return [str(self.benchmark), f"{len(t)} price scenarios",
                "Tribute by group (money at benchmark prices):",
                _frame_text(desc, {})]


def _price_matrix(price_matrix: Any, goods: pd.Index) -> tuple[np.ndarray, pd.Index]:
    if isinstance(price_matrix, pd.DataFrame):
        cols = price_matrix.columns
        if not cols.is_unique or set(cols) != set(goods):
            missing = [g for g in goods if g not in set(cols)]
            extra = [c for c in cols if c not in set(goods)]
            raise LabelMismatchError(
                f"price matrix columns do not match the goods: missing {missing[:10]}, "
                f"unexpected {extra[:10]}. Give one column per good of the economy.")
        P = as_array(price_matrix.reindex(columns=goods).to_numpy(), "price matrix",
                     InvalidPriceError)
        index = price_matrix.index
    else:
        P = as_array(price_matrix, "price matrix", InvalidPriceError)
        if P.ndim != 2 or P.shape[1] != len(goods):
            raise InvalidPriceError(
                f"price matrix has shape {P.shape}; expected (scenarios, {len(goods)}): one "
                "row per scenario, one column per good.")
        index = pd.RangeIndex(P.shape[0], name="scenario")
    if P.size and not (P.min() >= 0 and P.max() < np.inf):   # two reductions, no temporaries
        if not np.isfinite(P).all():
            raise InvalidPriceError("price matrix contains NaN or infinite prices.")
        rows = np.flatnonzero((P < 0).any(axis=1))[:5].tolist()
        raise InvalidPriceError(f"price matrix has negative prices (scenarios {rows}).")
    return P, index


def transfer_sweep(economy: Economy, group: Group | Iterable[Group], price_matrix: Any,
                   benchmark: Benchmark | pd.Series) -> TransferSweep:
    """Money transfers for many price scenarios in one matrix product.

    Money transfers are linear in prices: for scenario prices ``P`` (K x n) and the
    groups' sales ``S`` and purchases ``D`` (n x G), ``underpayment = p^e S − P S`` and
    ``overpayment = P D − p^e D``. Both come from one product ``P [S | D]``; labour values
    (and so labour transfers, which do not depend on prices) are computed once.

    Parameters
    ----------
    economy : Economy
    group : Group or iterable of Group
    price_matrix : DataFrame (scenarios x goods) or array (K, n)
        Actual prices, one row per scenario (>= 0, finite).
    benchmark : Benchmark or Series

    Returns
    -------
    TransferSweep
        Identical (to rounding) to :func:`exchange_account` evaluated scenario by scenario.

    Notes
    -----
    Transfers are linear in prices; the decomposition is Stalin's (9 July 1928,
    *Works* vol. 11). ``benchmarks/sweep.py`` measures the speed-up over a loop.

    Examples
    --------
    >>> import numpy as np, nonequivalent as ne
    >>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    >>> sw = ne.transfer_sweep(eco, ne.Group("peasants", sells={"grain": 10},
    ...                                      buys={"cloth": 5}),
    ...                        np.array([[1.0, 1.0], [0.5, 1.0]]), ne.labour_value_benchmark(eco))
    >>> sw.underpayment["peasants"].tolist(), sw.overpayment["peasants"].tolist()
    ([0.0, 5.0], [0.0, 0.0])
    """
    bench, names, lam, pe, S, D, taxes = _prepare(economy, group, benchmark)
    P, index = _price_matrix(price_matrix, economy.sectors)
    G = len(names)
    with np.errstate(over="ignore", invalid="ignore"):
        PSD = P @ np.hstack([S, D])                  # one (K x n) @ (n x 2G) product
        under = (pe @ S)[None, :] - PSD[:, :G]
        over = PSD[:, G:] - (pe @ D)[None, :]
    require_finite(under, "the underpayments of the sweep")
    require_finite(over, "the overpayments of the sweep")
    given, received = exchange_flows(lam, lam, lam, S.T, D.T)[:2]
    labour = pd.DataFrame(_labour_columns(given, received, names), index=names)
    return TransferSweep(benchmark=bench,
                         underpayment=pd.DataFrame(under, index=index, columns=names),
                         overpayment=pd.DataFrame(over, index=index, columns=names),
                         taxes=pd.Series(taxes, index=names, name="taxes"), labour=labour)


def scaled_price_matrix(prices: Any, goods: Sequence[Hashable] | Hashable,
                        factors: Any) -> pd.DataFrame:
    """Price scenarios: ``prices`` with the prices of ``goods`` multiplied by each factor.

    A sweep over price ratios (e.g. the scissors) in the form :func:`transfer_sweep` takes.

    Parameters
    ----------
    prices : Series or mapping
        Reference prices.
    goods : label or list of labels
        Goods whose prices are scaled (e.g. the manufactures).
    factors : sequence of float
        One scenario per factor (>= 0).

    Notes
    -----
    Sweeps over price ratios are linear in prices (see :func:`transfer_sweep`).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> ne.scaled_price_matrix({"grain": 1.0, "cloth": 2.0}, "cloth", [1.0, 1.5])
    good    grain  cloth
    factor
    1.0       1.0    2.0
    1.5       1.0    3.0
    """
    p = _price_series(prices, "prices")
    if isinstance(goods, str) or not isinstance(goods, Iterable):
        goods = [goods]
    goods = list(goods)
    unknown = [g for g in goods if g not in p.index]
    if unknown:
        raise LabelMismatchError(f"goods {unknown} are not priced; priced goods are "
                                 f"{list(p.index)[:10]}.")
    f = as_array(factors, "scaling factors", InvalidPriceError).ravel()
    if not np.isfinite(f).all() or (f < 0).any():
        raise InvalidPriceError("scaling factors must be finite and >= 0.")
    mask = p.index.isin(goods)
    P = np.tile(p.to_numpy(), (len(f), 1))
    P[:, mask] *= f[:, None]
    return pd.DataFrame(P, index=pd.Index(f, name="factor"),
                        columns=pd.Index(p.index, name="good"))
