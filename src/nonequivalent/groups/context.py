"""The context a surplus account is computed in: groups in order, prices, benchmark, MELT."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import pandas as pd

from .._validation import as_number, as_vector
from ..core.economy import Economy
from ..errors import InvalidGroupError, InvalidHouseholdError, InvalidPriceError
from ..exchange.account import Benchmark
from .base import AccountContext, GroupKind, dot
from .state import State
from .workers import WorkerCategory

__all__ = ["account_context", "basket_melt"]


def basket_melt(pe: Any, lam: Any, b: Any) -> Any:
    """``μ = p^e·b / λ·b``: the money value of an hour at the benchmark on a basket ``b``
    (exactly the benchmark's MELT when ``p^e = μλ``); vectors or arrays of draws.

    The value of labour power at the benchmark, ``μ λ·b``, then equals the basket's
    benchmark price ``p^e·b`` (Marx, *Capital* I, ch. 6; Foley 1982 for the MELT).
    """
    return dot(pe, b) / dot(lam, b)


def _ordered(groups: Iterable[GroupKind]) -> dict[str, GroupKind]:
    """Groups by key, the state last (one added when none is given)."""
    out: dict[str, GroupKind] = {}
    for g in groups:
        if not isinstance(g, GroupKind):
            raise InvalidGroupError(
                f"every group must be a GroupKind (ne.Peasants, ne.WorkerCategory, "
                f"ne.WorkerHouseholds, ne.State or a registered kind); got "
                f"{type(g).__name__}.")
        if g.name in out:
            raise InvalidGroupError(f"two groups share the key {g.name!r}; keys must be "
                                    "unique.")
        out[g.name] = g
    states = [k for k, g in out.items() if isinstance(g, State)]
    if len(states) > 1:
        raise InvalidGroupError(f"an account has one state; got {states}.")
    state = out.pop(states[0]) if states else State(name="state")
    out[state.name] = state
    labels = [g.label for g in out.values()]
    dup = sorted({x for x in labels if labels.count(x) > 1})
    if dup:
        raise InvalidGroupError(f"two groups share the label {dup[0]!r}; labels must be "
                                "unique.")
    return out


def account_context(economy: Economy, prices: Any, benchmark: Benchmark,
                    groups: Iterable[GroupKind], melt: float | None = None,
                    spend_income: bool = False) -> AccountContext:
    """The :class:`~nonequivalent.AccountContext` the groups' flows are computed in.

    ``melt`` defaults to ``p^e·b / λ·b`` on the first worker category's basket (exactly
    the benchmark's MELT when ``p^e = μλ``).
    """
    if not isinstance(benchmark, Benchmark):
        raise InvalidPriceError(
            "benchmark must be a Benchmark (e.g. ne.labour_value_benchmark(eco)); got "
            f"{type(benchmark).__name__}.")
    gs = _ordered(groups)
    goods = economy.sectors
    if isinstance(prices, Mapping) and not isinstance(prices, pd.Series):
        prices = pd.Series(dict(prices), dtype=float)
    p = as_vector(prices, goods, "actual prices", InvalidPriceError)
    pe = benchmark.aligned(goods)
    ctx = AccountContext(economy=economy, goods=goods, values=economy.values_array,
                         prices=p, benchmark=benchmark, pe=pe, melt=1.0,
                         groups=MappingProxyType(gs), spend_income=bool(spend_income))
    if melt is not None:
        mu = as_number(melt, "melt", InvalidPriceError, allow_zero=False)
    else:
        cats = [g for g in gs.values() if isinstance(g, WorkerCategory)]
        if not cats:
            raise InvalidGroupError("no worker category gives the money value of an hour "
                                    "at the benchmark; pass melt=.")
        bbar, pr, w = cats[0]._resolved(ctx)
        b = cats[0]._basket(ctx, bbar, w, pr)
        vb = float(economy.values_array @ b)
        if not vb > 0:
            raise InvalidHouseholdError(
                "the worker's basket has zero labour value, so the money value of an hour "
                "at the benchmark (p^e·b / λ·b) is undefined; give melt= or a basket with "
                "value.")
        mu = float(basket_melt(pe, economy.values_array, b))
    return dataclasses.replace(ctx, melt=mu)


