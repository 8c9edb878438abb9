"""Surplus accounts by group, and the sources of accumulation between two periods.

One table says, for peasants, workers, two-earner households and the state, what each
gives and receives, in hours and in money at a named benchmark ``p^e``; the state's row is
the accumulation fund. Between two periods (e.g. 1928 and 1932) the change in the fund is
split exactly among its sources by the Shapley value. This is the accounting question of
A. A. Barsov, *Balans stoimostnykh obmenov mezhdu gorodom i derevnei* (1969); M. Ellman,
"Did the agricultural surplus provide the resources for the increase in investment in the
USSR during the First Five Year Plan?", *Economic Journal* 85 (1975), 844–864; and
M. Harrison, "Primary accumulation in the Soviet transition", *Journal of Development
Studies* 22(1) (1985), 81–103, who found that workers rather than peasants bore most of
the cost (about two thirds, as Goldman 2022 summarizes).

Every group is an object of a *group kind* (:mod:`nonequivalent.groups`): any number of
peasant groups, worker categories and worker households, and the state, each answering the
same protocol (:meth:`~nonequivalent.GroupKind.flows`); :func:`group_account` builds the
table for any list of them. :func:`surplus_account` is the classic three-group account
(peasants, workers, two-earner households), built on the same function.

How each row is computed (``λ`` labour values, ``p`` actual prices, ``p^e`` benchmark
prices, ``μ`` the money value of an hour at the benchmark):

* **peasants** — the exchange account of the group (:func:`nonequivalent.exchange_account`):
  hours given ``λ·s``, received ``λ·d``, surplus = labour transfer ``λ·s − λ·d``; money =
  tribute ``τ + (p^e − p)·s + (p − p^e)·d``.
* **workers** — ``N`` workers of ``h`` hours with basket ``b``: hours given ``N h``
  (less the households' carve-out below), received ``N λ·b``; money: underpayment on
  labour power ``N (μ h − w)`` (less the carve-out) and overpayment at retail
  ``N (p_r − p^e)·b``.
* **two-earner households** — ``H`` households that now have ``m1`` earners of ``h_f``
  hours each against a counterfactual of ``m0`` (default one) earners keeping the same
  family basket: hours given ``X h_f`` with ``X = H (m1 − m0)`` extra earners, received 0
  (the family basket is unchanged), money ``μ X h_f``.
* **state** — receives what the groups give and gives what they receive; its surplus is
  the sum of the groups' surpluses: the accumulation fund.

No double counting: the extra earners are among the ``N`` workers, and their hours are
*carved out* of the workers' row and shown in the households' row, so the rows add up.
When every worker lives in such a household and the per-worker basket is the family
basket shared among the earners (``N = H m1``, ``b = b_f / m1``), the workers' row equals
the surplus the one-earner counterfactual would give, ``H (m0 h − λ·b_f)``, and the
households' row the extra, ``H (m1 − m0) h``.

>>> import nonequivalent as ne
>>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
>>> acc = ne.surplus_account(
...     eco, {"grain": 0.5, "cloth": 1.0}, ne.labour_value_benchmark(eco),
...     peasants=ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 5}),
...     worker=ne.Worker(8, 4, {"grain": 2, "cloth": 2},
...                      retail_prices={"grain": 1.0, "cloth": 1.0}),
...     n_workers=10,
...     household=ne.Household(4, earners=2, hours_per_earner=8, basket={"grain": 4}),
...     n_households=3)
>>> acc.table["surplus_hours"].to_dict()
{'peasants': 5.0, 'workers': 16.0, 'two-earner households': 24.0, 'state': 45.0}
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result, _frame_text, format_number
from .._validation import as_float, as_number, require_finite
from ..core.economy import Economy
from ..errors import (
    InvalidGroupError,
    InvalidHouseholdError,
    InvalidPriceError,
    NonequivalentError,
    NumericalRangeError,
)
from ..exchange.account import Benchmark, ExchangeAccount, Group
from ..groups import (
    Flows,
    GroupKind,
    Peasants,
    State,
    WorkerCategory,
    WorkerHouseholds,
    account_context,
)
from ..groups.households import (
    Household,
    HouseholdAccount,
    Worker,
    WorkerAccount,
    household_account,
    worker_account,
)
from .sources import (
    FACTORS,
    SourcesOfAccumulation,
    group_sources,
    shapley_decomposition,
)

__all__ = [
    "FACTORS",
    "Period",
    "SourcesOfAccumulation",
    "SurplusAccount",
    "group_account",
    "group_sources",
    "shapley_decomposition",
    "sources_of_accumulation",
    "surplus_account",
]

#: Row labels of :attr:`SurplusAccount.table` of :func:`surplus_account`, in order.
ROWS = ("peasants", "workers", "two-earner households", "state")

#: Columns of :attr:`SurplusAccount.table`, in order (hours first, then money at p^e).
COLUMNS = ("hours_given", "hours_received", "surplus_hours", "taxes", "underpayment",
           "overpayment", "surplus_money", "share_hours", "share_money")

#: Relative tolerance of the reconciliation (groups' net = state's receipts).
RECONCILE_RTOL = 1e-9

#: A fund counts as zero (shares undefined) when it is at most this fraction of the gross
#: flows behind it, the sum of the groups' absolute surpluses: the surpluses then cancel
#: to rounding noise and shares of the fund would be ±1e15, not information.
ZERO_FUND_RTOL = 1e-9


def _nonneg(x: Any, what: str, error: type[NonequivalentError] = InvalidHouseholdError,
            positive: bool = False) -> float:
    return as_number(x, what, error, allow_zero=not positive)


# ============================================================================ periods
@dataclasses.dataclass(frozen=True, eq=False)
class Period:
    """The groups of one period (prices, peasants, workers, households) for an account.

    Parameters
    ----------
    prices : Series or mapping
        Actual prices ``p`` of every good (the peasants' terms of trade; also the
        workers' retail prices when their :class:`Worker` has none).
    peasants : Group
        What the peasants sell and buy, and their taxes.
    worker : Worker
        The representative worker (hours, money wage, basket, retail prices).
    n_workers : float
        Number of waged workers ``N`` (> 0), including the households' extra earners.
    household : Household, optional
        The representative two-earner household (its earners are ``m1``).
    n_households : float, default 0
        Number ``H`` of such households.
    counterfactual_earners : float, default 1
        Earners per household ``m0`` in the counterfactual (at most ``m1``).
    label : str
        Name of the period (e.g. ``"1928"``).

    Raises
    ------
    InvalidGroupError
        ``peasants`` is not a :class:`Group`.
    InvalidHouseholdError
        ``n_workers <= 0``; negative households; ``m0`` above ``m1``; households without
        a :class:`Household`; more extra earners ``H (m1 − m0)`` than workers.

    Notes
    -----
    Barsov (1969) and Ellman (1975) compare 1928 with 1932; Harrison (1985) the same
    accounts by class. Variants: :func:`dataclasses.replace`.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> p = ne.Period({"grain": 1.0, "cloth": 1.0},
    ...               ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 8}),
    ...               ne.Worker(8, 4, {"grain": 2, "cloth": 2}), n_workers=10, label="1928")
    >>> p.extra_earners
    0.0
    """

    prices: pd.Series
    peasants: Group
    worker: Worker
    n_workers: float
    household: Household | None = None
    n_households: float = 0.0
    counterfactual_earners: float = 1.0
    label: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.peasants, Group):
            raise InvalidGroupError(
                f"peasants must be a Group (ne.Group('peasants', sells=..., buys=..., "
                f"taxes=...)); got {type(self.peasants).__name__}.")
        if not isinstance(self.worker, Worker):
            raise InvalidHouseholdError(
                f"worker must be a Worker; got {type(self.worker).__name__}.")
        prices = self.prices
        if isinstance(prices, Mapping) and not isinstance(prices, pd.Series):
            items = dict(prices)
            prices = pd.Series([as_float(v, f"prices ({k!r})", InvalidPriceError)
                                for k, v in items.items()], index=pd.Index(list(items)),
                               dtype=float)
        object.__setattr__(self, "prices", prices)
        object.__setattr__(self, "n_workers",
                           _nonneg(self.n_workers, "number of workers", positive=True))
        H = _nonneg(self.n_households, "number of households")
        m0 = _nonneg(self.counterfactual_earners, "counterfactual earners", positive=True)
        if self.household is not None and not isinstance(self.household, Household):
            raise InvalidHouseholdError(
                f"household must be a Household; got {type(self.household).__name__}.")
        if H > 0 and self.household is None:
            raise InvalidHouseholdError(
                f"{H:g} households given without a Household describing them; pass "
                "household=ne.Household(...).")
        if self.household is not None and m0 > self.household.earners:
            raise InvalidHouseholdError(
                f"the counterfactual has {m0:g} earners per household, more than the "
                f"household's {self.household.earners:g}; it must be at most m1.")
        object.__setattr__(self, "n_households", H)
        object.__setattr__(self, "counterfactual_earners", m0)
        if self.extra_earners > self.n_workers * (1 + 1e-12):
            raise InvalidHouseholdError(
                f"the households' extra earners H (m1 − m0) = {self.extra_earners:g} exceed "
                f"the {self.n_workers:g} workers; n_workers must include them.")
        object.__setattr__(self, "label", str(self.label))

    @property
    def extra_earners(self) -> float:
        """``X = H (m1 − m0)``: earners beyond the counterfactual, over all households."""
        if self.household is None:
            return 0.0
        return self.n_households * (self.household.earners - self.counterfactual_earners)

    def account(self, economy: Economy, benchmark: Benchmark, melt: float | None = None,
                spend_income: bool = False) -> SurplusAccount:
        """The :class:`SurplusAccount` of this period (see :func:`surplus_account`).

        >>> import nonequivalent as ne
        >>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
        >>> p = ne.Period({"grain": 1.0, "cloth": 1.0},
        ...               ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 8}),
        ...               ne.Worker(8, 4, {"grain": 2, "cloth": 2}), n_workers=10)
        >>> p.account(eco, ne.labour_value_benchmark(eco)).accumulation_fund_hours
        42.0
        """
        acc = group_account(economy, self.prices, benchmark, self.groups(), melt=melt,
                            spend_income=spend_income)
        return acc if self.household is not None else dataclasses.replace(acc, household=None)

    def groups(self) -> tuple[GroupKind, ...]:
        """The period's groups as group kinds: peasants, workers, households, state.

        Examples
        --------
        >>> import nonequivalent as ne
        >>> p = ne.Period({"grain": 1.0}, ne.Group("peasants", sells={"grain": 10}),
        ...               ne.Worker(8, 4, {"grain": 2}), n_workers=10)
        >>> [g.kind for g in p.groups()]
        ['peasants', 'workers', 'worker-households', 'state']
        """
        w = self.worker
        retail = None if w.retail_prices is None else _labelled(w.retail_prices)
        workers = WorkerCategory(name="workers", label=ROWS[1], number=self.n_workers,
                                 hours=w.hours, basket=_labelled(w.basket),
                                 money_wage=w.wage, retail_prices=retail)
        hh = self.household
        if hh is None:
            households = WorkerHouseholds(name="households", label=ROWS[2],
                                          workers="workers", number=0.0, members=1,
                                          earners=1, hours_per_earner=w.hours)
        else:
            households = WorkerHouseholds(
                name="households", label=ROWS[2], workers="workers",
                number=self.n_households, members=hh.members, earners=hh.earners,
                counterfactual_earners=self.counterfactual_earners,
                hours_per_earner=hh.hours_per_earner, basket=_labelled(hh.basket),
                domestic_hours=hh.domestic_hours)
        p = self.peasants
        peasants = Peasants(name="peasants", label=ROWS[0], sells=_labelled(p.sells),
                            buys=_labelled(p.buys), taxes=p.taxes)
        return (peasants, workers, households, State(name="state"))


def _labelled(s: pd.Series) -> dict:
    """A Series of quantities or prices as a plain mapping (unlabelled: positions)."""
    return {k: float(v) for k, v in s.items()}


# ============================================================================ account
@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class SurplusAccount(Result):
    """The surplus account by group: what each gives and receives; the state's fund.

    Attributes
    ----------
    benchmark : Benchmark
        The benchmark ``p^e`` of every money figure.
    melt : float
        ``μ``: money value of one hour of labour at the benchmark, used for the workers'
        and households' money figures.
    table : pandas.DataFrame
        Rows ``peasants, workers, two-earner households, state``; columns
        ``hours_given, hours_received, surplus_hours`` (hours), ``taxes, underpayment,
        overpayment, surplus_money`` (money at ``p^e``) and ``share_hours, share_money``
        (share of the state's fund; NaN, and :attr:`shares_defined` false, when the fund
        is zero). For the groups ``surplus = given − received``; for the state
        ``surplus = received − given`` = the accumulation fund.
    reconciliation : pandas.DataFrame
        Rows: each group's net contribution, ``groups give, net`` (their sum),
        ``state receives`` (computed separately: gross hours given minus gross hours
        received; taxes + underpayments + overpayments in money) and ``difference``;
        columns ``hours`` and ``money``.
    exchange : ExchangeAccount or None
        The exchange account of the first peasant group.
    worker : WorkerAccount or None
        The first worker category's representative worker (with the basket consumed).
    household : HouseholdAccount or None
        The first household group's representative household.
    n_workers, extra_earners : float
        ``N`` and ``X = H (m1 − m0)``, summed over worker categories and households.
    flows : mapping
        Each row's :class:`~nonequivalent.Flows` by row label.
    retail_margin : float
        Memo: ``N (p_r − p)·b``, the margin between retail and actual prices on the
        workers' baskets. Not added to the fund: it is already inside the workers'
        overpayment and the underpayment of whoever sold the goods at ``p``.
    spend_income : bool
        Whether purchases were derived from incomes (see :func:`surplus_account`).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    >>> acc = ne.surplus_account(eco, {"grain": 0.5, "cloth": 1.0},
    ...     ne.labour_value_benchmark(eco),
    ...     ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 5}),
    ...     ne.Worker(8, 4, {"grain": 2, "cloth": 2}), n_workers=10)
    >>> acc.reconciliation.loc[["groups give, net", "state receives", "difference"], "hours"]
    item
    groups give, net    45.0
    state receives      45.0
    difference           0.0
    Name: hours, dtype: float64
    """

    benchmark: Benchmark
    melt: float
    table: pd.DataFrame
    reconciliation: pd.DataFrame
    exchange: ExchangeAccount | None
    worker: WorkerAccount | None
    household: HouseholdAccount | None
    n_workers: float
    extra_earners: float
    retail_margin: float
    spend_income: bool
    flows: Mapping[str, Flows] = dataclasses.field(default_factory=dict, repr=False)

    _title = "Surplus account by group"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Number of groups and the accumulation fund in hours and money."""
        return [("groups", len(object.__getattribute__(self, "table")) - 1, ""),
                ("fund", self.accumulation_fund_hours, "hours"),
                ("fund", self.accumulation_fund_money, "money")]

    def benchmark_name(self) -> str:
        """The benchmark of the money figures and μ."""
        return (f"money at benchmark '{self.benchmark.name}', one hour = "
                f"{format_number(self.melt)} money")

    def units(self) -> dict[str, str]:
        """Hours, money at the benchmark, or a share, by column."""
        return {**dict.fromkeys(COLUMNS[:3], "hours"), **dict.fromkeys(COLUMNS[3:7], "money")}

    @property
    def accumulation_fund_hours(self) -> float:
        """The state's surplus in hours (sum of the groups' surplus hours)."""
        return float(self.table.loc["state", "surplus_hours"])

    @property
    def accumulation_fund_money(self) -> float:
        """The state's surplus in money at the benchmark."""
        return float(self.table.loc["state", "surplus_money"])

    @property
    def shares_defined(self) -> bool:
        """False when a fund is zero relative to the gross flows (the groups' surpluses
        cancel), so the share columns are NaN (see :data:`ZERO_FUND_RTOL`)."""
        return bool(np.isfinite(self.table[["share_hours", "share_money"]].to_numpy()).all())

    @property
    def is_reconciled(self) -> bool:
        """Whether the groups' net contributions equal the state's receipts."""
        return _is_reconciled(self.table, self.reconciliation)

    def to_frame(self) -> pd.DataFrame:
        """The table by group (a copy), with the benchmark and μ in ``attrs``."""
        out = self.table.copy()
        out.attrs.update(benchmark=self.benchmark.name,
                         benchmark_description=self.benchmark.description, melt=self.melt)
        return out

    def summary_lines(self) -> list[str]:
        """Conventions, the table, the reconciliation, the memo items."""
        fmt = format_number
        lines: list[str | None] = [
            str(self.benchmark),
            f"workers N = {fmt(self.n_workers)}, of whom extra earners in two-earner "
            f"households X = {fmt(self.extra_earners)} (carved out of the workers' row)",
            None if not self.spend_income else
            "purchases derived from incomes (peasants spend proceeds net of taxes, workers "
            "their wage)",
            "",
            _frame_text(self.table, self.units()), "",
            "Reconciliation (groups' net = state's receipts):",
            _frame_text(self.reconciliation, {}), "",
            f"memo: retail margin on workers' baskets N (p_r − p)·b = {fmt(self.retail_margin)} "
            "(inside the transfers above, not added)"]
        if not self.shares_defined:
            lines.append("shares undefined: the accumulation fund is zero relative to the "
                         "gross flows")
        return [line for line in lines if line is not None]


def _reconciliation(table: pd.DataFrame) -> pd.DataFrame:
    """Groups' net contributions against the state's receipts (the state's own row, the
    last: its surplus in hours and in money)."""
    g = table.to_numpy()[:-1]
    net = g[:, [2, 6]]
    state_h, state_m = (float(x) for x in table.to_numpy()[-1, [2, 6]])
    total = net.sum(axis=0)
    rows = np.vstack([net, total, [state_h, state_m], total - [state_h, state_m]])
    return pd.DataFrame(rows, columns=["hours", "money"], index=pd.Index(
        [*table.index[:-1], "groups give, net", "state receives", "difference"],
        name="item"))


def _is_reconciled(table: pd.DataFrame, rec: pd.DataFrame) -> bool:
    """The groups' net equals the state's receipts to :data:`RECONCILE_RTOL` of the flows."""
    diff = rec.loc["difference"].abs()
    with np.errstate(over="ignore"):        # a scale at the edge of float range is inf
        scale = rec.drop(index="difference").abs().sum() + table[
            ["hours_given", "hours_received"]].abs().to_numpy().sum()
    return bool((diff <= RECONCILE_RTOL * scale).all())


def fund_shares(body: np.ndarray) -> np.ndarray:
    """Each row's share of the accumulation fund, in hours and in money.

    ``body`` holds account rows ``(given, received, surplus_hours, taxes, underpayment,
    overpayment, surplus_money)``, the state's row (the fund) last: shape ``(groups, 7)``
    or, for a batch of draws, ``(draws, groups, 7)``. Returns ``(…, groups, 2)``: surplus
    over the fund, NaN where the fund is at most :data:`ZERO_FUND_RTOL` of the gross flows
    behind it (Barsov 1969; Harrison, *Journal of Development Studies* 22(1), 1985: each
    class's share of the fund). Used by :func:`group_account` and the batch report.
    """
    body = np.asarray(body, dtype=float)
    shares = np.full((*body.shape[:-1], 2), np.nan)
    for j, col in enumerate((2, 6)):
        fund = body[..., -1, col]
        gross = np.abs(body[..., :-1, col]).sum(axis=-1)
        ok = np.abs(fund) > ZERO_FUND_RTOL * gross
        with np.errstate(divide="ignore", invalid="ignore"):
            share = body[..., col] / fund[..., None]
        shares[..., j] = np.where(ok[..., None], share, np.nan)
    return shares


def _group_flows(group: Any, ctx: Any) -> Flows:
    """``group.flows(ctx)``, or :class:`InvalidGroupError` naming the group and its kind
    when a (registered) kind returns something other than :class:`Flows` of real numbers."""
    try:
        f = group.flows(ctx)
    except InvalidGroupError as exc:
        if str(exc).startswith("a group's flows"):
            raise InvalidGroupError(f"group {group.label!r} (kind {group.kind!r}): "
                                    f"{exc}") from None
        raise
    if not isinstance(f, Flows):
        raise InvalidGroupError(
            f"group {group.label!r} (kind {group.kind!r}): flows() must return "
            f"nonequivalent.Flows; got {type(f).__name__}.")
    if f.receives and not isinstance(group, State):
        raise InvalidGroupError(
            f"group {group.label!r} (kind {group.kind!r}): only the state receives "
            "(Flows(receives=True)); a group's flows are what it gives and receives from "
            "the state, and the state's row is their counterpart.")
    return f


def _require_reconciled(table: pd.DataFrame, recon: pd.DataFrame,
                        groups: Mapping[str, Any]) -> None:
    """:class:`InvalidGroupError` when the groups' rows do not add up to the state's: the
    shares of the fund would not sum to 100 %, so no account is returned."""
    if _is_reconciled(table, recon):
        return
    kinds = sorted({g.kind for g in groups.values() if not isinstance(g, State)})
    h, m = recon.loc["difference", ["hours", "money"]]
    raise InvalidGroupError(
        f"the groups' rows do not add up to the state's: they differ by {format_number(h)} "
        f"hours and {format_number(m)} money at benchmark prices (beyond "
        f"{RECONCILE_RTOL:g} relative). A group kind's flows() ({', '.join(kinds)}) must "
        "give the same flows every time it is called with the same context.")


def imprecise(body: np.ndarray) -> np.ndarray:
    """Which groups' surpluses are below the rounding error of the flows they net.

    A group's surplus is a difference of gross flows (hours given − received; taxes +
    underpayment + overpayment). When the rounding error of the gross flows (8 ulps of
    their sum) reaches a millionth of the account's net flows, the surplus has no correct
    digits left. ``body`` as in :func:`fund_shares`; returns booleans ``(…, groups, 2)``
    (hours, money), used by :func:`group_account` (which raises) and the batch report
    (which sends the draw to the per-draw report).
    """
    eps = np.finfo(float).eps
    out = []
    for net, parts in ((2, [0, 1]), (6, [3, 4, 5])):
        with np.errstate(over="ignore"):        # flows at the edge of float range sum to inf
            gross = np.abs(body[..., parts]).sum(axis=-1)
            scale = np.maximum(np.abs(body[..., -1, net]),
                               np.abs(body[..., :-1, net]).sum(axis=-1))
        out.append(8 * eps * gross > 1e-6 * scale[..., None])
    return np.stack(out, axis=-1)


def _require_precision(body: np.ndarray, labels: list[str]) -> None:
    """Refuse a surplus that is below the rounding error of the flows it nets
    (:func:`imprecise`)."""
    bad = imprecise(body)
    for k, (net, parts, what) in enumerate(((2, [0, 1], "hours given and received"),
                                            (6, [3, 4, 5], "taxes, underpayment and "
                                             "overpayment"))):
        if bad[:, k].any():
            i = int(np.argmax(bad[:, k]))
            with np.errstate(over="ignore"):
                gross = float(np.abs(body[i, parts]).sum())
            err = NumericalRangeError(
                f"the surplus account has no correct digits for group {labels[i]!r}: its "
                f"{what} (gross {gross:.3g}) net to {body[i, net]:.6g}, below their "
                "rounding error. Rescale the inputs or keep prices and quantities within "
                "a few orders of magnitude of each other.")
            err.group = labels[i]
            raise err


def group_account(economy: Economy, prices: Any, benchmark: Benchmark,
                  groups: Iterable[GroupKind], melt: float | None = None,
                  spend_income: bool = False) -> SurplusAccount:
    """The surplus account of any number of groups of any kinds, and the state.

    Each group answers :meth:`~nonequivalent.GroupKind.flows`; the state's row mirrors
    them (it receives what they give) and its surplus is the accumulation fund. Shares
    are each row's surplus over the fund.

    Parameters
    ----------
    economy : Economy
    prices : Series or mapping
        Actual prices ``p``.
    benchmark : Benchmark
        Equivalent prices ``p^e``.
    groups : iterable of GroupKind
        The groups (keys and labels unique); a :class:`~nonequivalent.State` is added
        last when none is given.
    melt : float, optional
        ``μ``; default ``p^e·b / λ·b`` on the first worker category's basket.
    spend_income : bool, default False
        Purchases follow incomes (see :func:`surplus_account`).

    Returns
    -------
    SurplusAccount
        Rows are the groups' labels, the state last.

    Raises
    ------
    InvalidGroupError
        Not group kinds, duplicate keys or labels, two states, no ``melt`` and no worker
        category.

    Notes
    -----
    Barsov (1969); Ellman, *Economic Journal* 85 (1975), 844–864; Harrison, *Journal of
    Development Studies* 22(1) (1985), 81–103, for the accounts by class.

    Examples
    --------
    Two peasant groups and a category of workers: the state's fund is the sum of what
    they give.

    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    >>> groups = [ne.Peasants(name="kulaks", sells={"grain": 10}, buys={"cloth": 5}),
    ...           ne.Peasants(name="poor", sells={"grain": 2}, buys={"cloth": 2}),
    ...           ne.WorkerCategory(name="workers", number=10, hours=8,
    ...                             base_basket={"grain": 2, "cloth": 2})]
    >>> acc = ne.group_account(eco, {"grain": 1.0, "cloth": 1.0},
    ...                        ne.labour_value_benchmark(eco, melt=1.0), groups)
    >>> acc.table["surplus_hours"].to_dict()
    {'kulaks': 5.0, 'poor': 0.0, 'workers': 40.0, 'state': 45.0}
    >>> acc.is_reconciled
    True
    """
    with np.errstate(over="ignore", invalid="ignore"):
        ctx = account_context(economy, prices, benchmark, groups, melt, spend_income)
        gs = ctx.groups
        flows = {g.label: _group_flows(g, ctx) for g in gs.values()}
        body = np.array([f.row() for f in flows.values()], dtype=float)
    bad = ~np.isfinite(body)
    if bad.any():
        j, i = (int(x[0]) for x in np.nonzero(bad.T))  # first column, then first row
        err = NumericalRangeError(
            f"the surplus account is not finite: {COLUMNS[j]} of group {list(flows)[i]!r} is "
            f"{body[i, j]}, although every input is finite. Rescale the inputs (e.g. money in "
            "thousands, persons in millions) or keep ratios away from 0 and infinity.")
        err.group = list(flows)[i]
        raise err
    _require_precision(body, list(flows))
    shares = fund_shares(body)
    table = pd.DataFrame(np.hstack([body, shares]),
                         index=pd.Index(list(flows), name="group"), columns=list(COLUMNS))
    with np.errstate(over="ignore", invalid="ignore"):
        recon = _reconciliation(table)
    require_finite(recon, "the reconciliation of the surplus account")
    _require_reconciled(table, recon, gs)
    exch = wacc = hacc = None
    N = X = margin = 0.0
    for g in gs.values():
        f = flows[g.label]
        if isinstance(g, Peasants) and exch is None:
            exch = f.detail["exchange"]
        elif isinstance(g, WorkerCategory):
            N += g.number
            X += f.detail["extra_earners"]
            margin += f.detail["retail_margin"]
            if wacc is None:
                wk = Worker(g.hours, f.detail["wage"],
                            pd.Series(f.detail["basket"], index=economy.sectors),
                            retail_prices=pd.Series(f.detail["retail"],
                                                    index=economy.sectors))
                wacc = worker_account(economy, wk)
        elif isinstance(g, WorkerHouseholds) and hacc is None:
            hh = Household(g.members, g.earners, g.hours(gs),
                           pd.Series(dict(g.family_basket(gs)), dtype=float),
                           domestic_hours=g.domestic_hours)
            hacc = household_account(economy, hh)
    return SurplusAccount(
        benchmark=benchmark, melt=ctx.melt, table=table, reconciliation=recon,
        exchange=exch, worker=wacc, household=hacc, n_workers=N, extra_earners=X,
        retail_margin=margin, spend_income=bool(spend_income),
        flows=MappingProxyType(flows))


def surplus_account(economy: Economy, prices: Any, benchmark: Benchmark, peasants: Group,
                    worker: Worker, n_workers: float, household: Household | None = None,
                    n_households: float = 0.0, counterfactual_earners: float = 1.0,
                    melt: float | None = None, spend_income: bool = False) -> SurplusAccount:
    """What peasants, workers and two-earner households give the state, in hours and money.

    See the module documentation for how each row is computed and for the no-double-
    counting convention between workers and households.

    Parameters
    ----------
    economy : Economy
        Gives labour values ``λ``.
    prices : Series or mapping
        Actual prices ``p`` (peasants' terms of trade; workers' retail prices by default).
    benchmark : Benchmark
        Equivalent prices ``p^e`` (e.g. :func:`nonequivalent.labour_value_benchmark`).
    peasants : Group
        Sales, purchases and taxes of the peasantry.
    worker : Worker
        The representative worker.
    n_workers : float
        Number of workers ``N`` (including the extra earners of the households).
    household : Household, optional
        The representative two-earner household (earners ``m1``).
    n_households : float, default 0
        Number of such households ``H``.
    counterfactual_earners : float, default 1
        ``m0``: earners per household in the counterfactual.
    melt : float, optional
        ``μ``, the money value of an hour at the benchmark. Default ``p^e·b / λ·b`` on the
        worker's basket: exactly the benchmark's MELT when ``p^e = μλ``; for other
        benchmarks the value of an hour such that the value of labour power at the
        benchmark, ``μ λ·b``, equals the basket's benchmark price ``p^e·b``.
    spend_income : bool, default False
        If true, purchases follow incomes: the peasants' purchases are
        ``d = (p·s − τ)/(p·d̄) d̄`` (they spend their proceeds net of taxes on the
        composition ``buys``) and the worker's basket ``b = w/(p_r·b̄) b̄``. Price policy
        and wages then change hours as well as money.

    Returns
    -------
    SurplusAccount

    Raises
    ------
    InvalidGroupError, InvalidHouseholdError, InvalidPriceError, LabelMismatchError
        Malformed groups, households, prices, or goods the economy does not have.

    Notes
    -----
    Barsov (1969); Ellman, *Economic Journal* 85 (1975), 844–864; Harrison, *Journal of
    Development Studies* 22(1) (1985), 81–103. Worker: Marx, *Capital* I, ch. 7–9;
    household: *Capital* I, ch. 15 §3a. Peasants: Preobrazhensky, *The New Economics*,
    ch. 2; Stalin, speech of 9 July 1928. With ``p^e = μλ``, balanced budgets and
    ``w = p_r·b`` every money figure is ``μ`` times the hours figure.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    >>> acc = ne.surplus_account(
    ...     eco, {"grain": 0.5, "cloth": 1.0}, ne.labour_value_benchmark(eco, melt=2.0),
    ...     ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 5}),
    ...     ne.Worker(8, 8, {"grain": 2, "cloth": 2},
    ...               retail_prices={"grain": 2.0, "cloth": 2.0}), n_workers=10)
    >>> acc.table.loc[["peasants", "workers", "state"], ["surplus_hours", "surplus_money"]]
              surplus_hours  surplus_money
    group
    peasants            5.0           10.0
    workers            40.0           80.0
    state              45.0           90.0
    >>> acc.is_reconciled
    True
    """
    period = Period(prices, peasants, worker, n_workers, household=household,
                    n_households=n_households, counterfactual_earners=counterfactual_earners)
    return period.account(economy, benchmark, melt=melt, spend_income=spend_income)


def sources_of_accumulation(economy: Economy, benchmark: Benchmark, base: Period,
                            later: Period, measure: str = "hours",
                            melt: float | None = None,
                            spend_income: bool = False) -> SourcesOfAccumulation:
    """Decompose the change in the accumulation fund between two periods by source.

    The fund is the state's row of :func:`surplus_account`. Each period is reduced to the
    factors of :data:`FACTORS` — peasants: ``price policy`` (actual prices ``p``),
    ``marketings`` (quantities sold and bought), ``taxes``; workers: ``real wage``
    (basket), ``money wage``, ``retail margins`` (retail prices), ``employment`` (the
    one-earner workforce ``N − X`` and hours ``h``); two-earner households: ``extra
    earners`` (``X = H (m1 − m0)`` and their hours). The change is split exactly among
    them by the Shapley value (:func:`shapley_decomposition`), and summed by group.

    In the fund, every worker (extra earners included) gives ``h − λ·b`` hours; so in the
    decomposition the extra earners contribute through the change in their number at the
    prevailing per-worker surplus, while the account's households' row measures them
    against the family counterfactual (``(m1 − m0) h``). Both conventions leave the
    total unchanged.

    Parameters
    ----------
    economy : Economy
        Technology (held fixed across the periods).
    benchmark : Benchmark
        Benchmark prices (held fixed).
    base, later : Period
        The two periods.
    measure : {"hours", "money"}
        Decompose the fund in hours or in money at the benchmark.
    melt : float, optional
        ``μ`` for money figures; default ``p^e·b / λ·b`` on the base period's basket,
        held fixed so that a change of basket is not also a change of unit.
    spend_income : bool, default False
        Purchases follow incomes (see :func:`surplus_account`).

    Returns
    -------
    SourcesOfAccumulation

    Raises
    ------
    InvalidGroupError
        Unknown ``measure``; the peasants' taxes exceed their proceeds in some
        combination of the periods' factors (with ``spend_income``).
    InvalidHouseholdError, InvalidPriceError, LabelMismatchError
        Malformed periods.

    Notes
    -----
    Shorrocks (2013), *J. Econ. Inequality* 11, 99–126 (Shapley decomposition, exact for
    any function). The question is Barsov's (1969) and Ellman's (1975, *Economic Journal*
    85, 844–864): did the agricultural surplus finance the rise in investment in
    1928–32? Harrison (1985, *J. Development Studies* 22(1), 81–103) attributes most of it
    to workers.

    Examples
    --------
    Grain and cloth take one hour each (``λ = (1, 1)``). The peasants sell 10 grain and
    spend the proceeds on cloth; 10 workers of 8 hours spend their wage on equal amounts
    of both at retail prices of 1. Later the grain price halves (the peasants get 5 cloth
    instead of 10: +5 hours) and the money wage halves (the basket falls from 4 to 2
    hours: +2 hours from each of 10 workers). The two changes do not interact, so each
    factor gets exactly its own effect:

    >>> import dataclasses
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    >>> bench = ne.labour_value_benchmark(eco)
    >>> retail = {"grain": 1.0, "cloth": 1.0}
    >>> base = ne.Period({"grain": 1.0, "cloth": 1.0},
    ...                  ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 1}),
    ...                  ne.Worker(8, 4, {"grain": 1, "cloth": 1}, retail), n_workers=10)
    >>> later = dataclasses.replace(base, prices={"grain": 0.5, "cloth": 1.0},
    ...                             worker=ne.Worker(8, 2, {"grain": 1, "cloth": 1}, retail))
    >>> res = ne.sources_of_accumulation(eco, bench, base, later, spend_income=True)
    >>> res.change, res.by_group.round(12).to_dict()
    (25.0, {'peasants': 5.0, 'workers': 20.0, 'two-earner households': 0.0})
    >>> res.shares.round(3).to_dict()["money wage"]
    0.8
    """
    for name, per in (("base", base), ("later", later)):
        if not isinstance(per, Period):
            raise InvalidGroupError(f"{name} must be a Period; got {type(per).__name__}.")
    return group_sources(economy, benchmark, base.prices, base.groups(), later.prices,
                         later.groups(), measure=measure, melt=melt,
                         spend_income=spend_income,
                         labels=(base.label or "base", later.label or "later"))
