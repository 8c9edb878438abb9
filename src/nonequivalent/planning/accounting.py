"""Who bears the cost of a plan: surplus accounts by group for optimal plans.

:func:`plan_labour_account` needs no prices: each group's *surplus labour* is the hours it
works minus the labour value of what it consumes, ``h_g - λ·c_g`` (Marx, *Capital* I,
ch. 9). Because ``λ(I - A) = l`` (labour values are vertically integrated
labour, Pasinetti 1973), the surplus labour of peasants and workers adds up exactly to the
labour value of what the state receives: net output minus consumption (accumulation,
other final uses, net exports and unused product), so the account always balances.

:func:`plan_surplus_account` values the same flows at given prices against a benchmark with
:func:`nonequivalent.surplus_account` (the money account of the concept page *Surplus
accounts and sources of accumulation*).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..accounts.surplus import surplus_account
from ..errors import PlanError
from ..exchange.account import Group, labour_value_benchmark
from ..groups.households import Worker

__all__ = ["plan_labour_account", "plan_surplus_account"]

_COLUMNS = ["hours worked", "labour received", "surplus labour", "share"]


def _year_flows(eco: Any, plan: Any, x: np.ndarray, cw: float | None,
                cp: float | None) -> pd.DataFrame:
    lam = eco.values_array
    hours = eco.labour @ x
    kinds = list(eco.labour_kinds)
    rows: dict[str, list[float]] = {}
    consumed = np.zeros(eco.n)
    for kind, h in zip(kinds, hours, strict=True):
        if kind == plan.peasant_kind:
            name, basket, level = "peasants", plan._validated["peasant_basket"], cp
        elif kind == plan.worker_kind:
            name, basket, level = "workers", plan._validated["worker_basket"], cw
        else:
            name, basket, level = str(kind), None, None
        c = basket * level if basket is not None and level is not None else np.zeros(eco.n)
        consumed += c
        rec = float(lam @ c)
        rows[name] = [float(h), rec, float(h) - rec]
    state = float(lam @ (x - eco.A @ x - consumed))
    rows["state"] = [0.0, state, -state]
    df = pd.DataFrame.from_dict(rows, orient="index", columns=_COLUMNS[:3])
    df.index.name = "group"
    return _with_shares(df)


def _with_shares(df: pd.DataFrame) -> pd.DataFrame:
    """Add each producing group's ``share`` of the surplus labour extracted (NaN for the state)."""
    positive = df["surplus labour"].clip(lower=0.0)
    extracted = positive.drop("state").sum()
    df["share"] = positive / extracted if extracted > 0 else 0.0
    df.loc["state", "share"] = np.nan
    return df


def _check_result(result: Any, func: str) -> None:
    """A solved plan (PlanResult or MultiYearResult), else PlanError naming what was given."""
    if not getattr(type(result), "is_plan_result", False):  # PlanResultMixin's mark
        raise PlanError(f"{func} needs a solved plan (PlanResult or MultiYearResult, from "
                        f"plan.solve()), got {type(result).__name__}.")


def _clip_roundoff(value: float, scale: float, what: str) -> float:
    """An LP quantity that must be >= 0, with solver round-off set to 0.

    Solutions satisfy their constraints only to the solver's primal feasibility tolerance
    (1e-7 in HiGHS and CBC), and CBC writes its solution with eight significant digits, so
    a quantity derived from them, such as marketed grain ``(1 - a_gg) x_g - b_g C_p``, may
    come out as ``-1e-12`` (HiGHS) or ``-3e-8`` (CBC) where it is zero. Values down to
    ``-1e-7 · scale`` are round-off and become 0; anything lower is reported.
    """
    v = float(value)
    if v >= 0.0:
        return v
    if v >= -1e-7 * scale:
        return 0.0
    raise PlanError(f"{what} is {v:.6g} in the optimal plan, below zero beyond solver "
                    "round-off: the peasants are net buyers of the good they are meant to "
                    "sell, and a selling group's money account is undefined. Lower "
                    "peasant_basket for that good or its subsistence floor.")


def plan_labour_account(result: Any, by_year: bool = False) -> pd.DataFrame:
    """Hours worked, labour received and surplus labour by group in an optimal plan.

    Parameters
    ----------
    result : PlanResult or MultiYearResult
    by_year : bool
        For a multi-year plan, one block per year (index ``(year, group)``); otherwise the
        totals over the plan.

    Returns
    -------
    DataFrame
        Index: ``peasants``, ``workers`` (and any other labour kind), ``state``. Columns:
        ``hours worked``; ``labour received`` (labour value of the group's consumption; for
        the state, of net output not consumed); ``surplus labour`` (hours worked minus labour
        received; the state's entry is minus what it receives, so the column sums to zero);
        ``share`` of the surplus labour extracted from the producing groups.

    Notes
    -----
    Surplus labour as in Marx, *Capital* I, ch. 9; labour values ``λ = l (I - A)^-1``;
    the balance identity ``l x = λ (I - A) x`` (Pasinetti, "The notion of vertical
    integration", *Metroeconomica* 25, 1973). Barsov (1969) and Harrison (1985) framed the
    same question, who funded accumulation, in money at base-year prices.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.1, 0.2], [0.1, 0.2]], sectors=["grain", "steel"],
    ...                  labour={"peasant": [1.0, 0.0], "worker": [0.0, 1.0]})
    >>> plan = ne.StaticPlan(eco, {"peasant": 10.0, "worker": 10.0},
    ...                      worker_basket={"grain": 0.5}, real_wage_floor=1.0,
    ...                      peasant_basket={"grain": 0.5}, subsistence=1.0)
    >>> acc = ne.plan_labour_account(plan.solve())
    >>> round(float(acc["surplus labour"].sum()), 9)
    0.0
    """
    _check_result(result, "plan_labour_account")
    plan = result.plan
    eco = plan.economy
    cons = result.consumption
    if isinstance(cons, pd.Series):  # static plan
        return _year_flows(eco, plan, result.output.to_numpy(),
                           cons.get("workers"), cons.get("peasants"))
    blocks = {}
    for year in result.output.columns:
        blocks[year] = _year_flows(
            eco, plan, result.output[year].to_numpy(),
            cons.at["workers", year] if "workers" in cons.index else None,
            cons.at["peasants", year] if "peasants" in cons.index else None)
    long = pd.concat(blocks, names=["year", "group"])
    if by_year:
        return long
    return _with_shares(long.groupby(level="group", sort=False)[_COLUMNS[:3]].sum())


def plan_surplus_account(result: Any, prices: Any, benchmark: Any = None,
                         year: Any = None, taxes: float = 0.0) -> Any:
    """The money surplus account by group of a plan, at given prices against a benchmark.

    Builds the peasants' :class:`~nonequivalent.Group` (they sell the marketed good and buy
    the other goods they consume and use as inputs) and the workforce as one representative
    :class:`~nonequivalent.Worker` (all hours worked by workers, the basket consumed, a
    money wage equal to its cost at ``prices``) from the optimal plan, and calls
    :func:`nonequivalent.surplus_account` with ``n_workers=1``.

    Parameters
    ----------
    result : PlanResult or MultiYearResult
    prices : Series
        Actual prices by good (procurement price of the marketed good, retail prices).
    benchmark : Benchmark, optional
        Default: labour-value prices (:func:`nonequivalent.labour_value_benchmark`).
    year : label, optional
        Year of a multi-year plan (default: its first year).
    taxes : float
        Direct taxes paid by the peasants.

    Returns
    -------
    SurplusAccount
        See :func:`nonequivalent.surplus_account` (``.table``, ``.reconciliation``).

    Raises
    ------
    PlanError
        If the plan has no marketed good or no workers.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.1, 0.2], [0.1, 0.2]], sectors=["grain", "cloth"],
    ...                  labour={"peasant": [1.0, 0.0], "worker": [0.0, 1.0]})
    >>> plan = ne.StaticPlan(eco, {"peasant": 10.0, "worker": 10.0},
    ...                      worker_basket={"grain": 0.3, "cloth": 0.2}, real_wage_floor=1.0,
    ...                      peasant_basket={"grain": 0.4, "cloth": 0.1}, subsistence=1.0,
    ...                      marketed_good="grain", marketed_limit=4.0)
    >>> acc = ne.plan_surplus_account(plan.solve(), {"grain": 0.5, "cloth": 1.5})
    >>> acc.is_reconciled
    True
    """
    _check_result(result, "plan_surplus_account")
    plan = result.plan
    eco = plan.economy
    if plan.marketed_good is None:
        raise PlanError("the plan has no marketed good: peasants' sales are undefined.")
    if isinstance(result.output, pd.DataFrame):
        year = result.output.columns[0] if year is None else year
        x = result.output[year].to_numpy()
        cons = result.consumption[year]
    else:
        x = result.output.to_numpy()
        cons = result.consumption
    gi = eco.sectors.get_loc(plan.marketed_good)
    bp = plan._validated["peasant_basket"]
    bw = plan._validated["worker_basket"]
    cp = float(cons.get("peasants", 0.0)) if bp is not None else 0.0
    cw = float(cons.get("workers", 0.0)) if bw is not None else 0.0
    c_p = bp * cp if bp is not None else np.zeros(eco.n)
    scale = max(1.0, float(x[gi]))
    marketed = _clip_roundoff((1.0 - float(eco.A[gi, gi])) * x[gi] - c_p[gi], scale,
                              f"marketed {plan.marketed_good}")
    x_g = np.zeros(eco.n)
    x_g[gi] = x[gi]
    bought = c_p + eco.A @ x_g  # the marketed good's sector buys its inputs A[:, g] x_g
    bought[gi] = 0.0
    sells = {plan.marketed_good: marketed}
    buys = {g: float(v) for g, v in zip(eco.sectors, bought, strict=True) if v > 0}
    peasants = Group("peasants", sells=sells, buys=buys, taxes=taxes)
    basket = pd.Series(bw * cw if bw is not None else np.zeros(eco.n), index=eco.sectors)
    p = pd.Series(prices, dtype=float)
    retail = p.reindex(eco.sectors)
    hours = float(eco.labour[eco.labour_kinds.get_loc(plan.worker_kind)] @ x)
    if hours <= 0 or not (basket > 0).any():
        raise PlanError("the plan employs no workers (or feeds none): the workers' account "
                        "is undefined.")
    # the whole workforce as one representative worker whose wage buys its basket
    workers = Worker(hours=hours, wage=float(retail.fillna(0.0) @ basket),
                     basket=basket[basket > 0])
    if benchmark is None:
        benchmark = labour_value_benchmark(eco)
    return surplus_account(eco, p, benchmark, peasants, workers, n_workers=1.0)
