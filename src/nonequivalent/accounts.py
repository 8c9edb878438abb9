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
import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from ._validation import as_number, as_vector
from .economy import Economy
from .errors import (
    InvalidGroupError,
    InvalidHouseholdError,
    InvalidPriceError,
    NonequivalentError,
)
from .exchange import Benchmark, ExchangeAccount, Group, exchange_account
from .households import (
    Household,
    HouseholdAccount,
    Worker,
    WorkerAccount,
    _align_goods,
    _retail_vector,
    household_account,
    worker_account,
)

__all__ = [
    "FACTORS",
    "Period",
    "SourcesOfAccumulation",
    "SurplusAccount",
    "shapley_decomposition",
    "sources_of_accumulation",
    "surplus_account",
]

#: Row labels of :attr:`SurplusAccount.table`, in order.
ROWS = ("peasants", "workers", "two-earner households", "state")

#: Columns of :attr:`SurplusAccount.table`, in order (hours first, then money at p^e).
COLUMNS = ("hours_given", "hours_received", "surplus_hours", "taxes", "underpayment",
           "overpayment", "surplus_money", "share_hours", "share_money")

#: Factors of :func:`sources_of_accumulation` and the group each belongs to.
FACTORS: dict[str, str] = {
    "price policy": "peasants",        # actual prices p of the peasants' exchange
    "marketings": "peasants",          # quantities the peasants sell and buy
    "taxes": "peasants",               # direct taxes on the peasants
    "real wage": "workers",            # the per-worker basket b
    "money wage": "workers",           # w
    "retail margins": "workers",       # retail prices p_r
    "employment": "workers",           # one-earner workforce N − X and hours h
    "extra earners": "two-earner households",  # X = H (m1 − m0) and h_f
}

#: A change in the fund smaller than this fraction of the funds' scale counts as zero:
#: shares would be dominated by rounding and are reported as undefined.
ZERO_CHANGE_RTOL = 1e-9

#: Relative tolerance of the reconciliation (groups' net = state's receipts).
RECONCILE_RTOL = 1e-9


def _fmt(x: float) -> str:
    return f"{x:,.4g}"


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
            prices = pd.Series(dict(prices), dtype=float)
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
        return surplus_account(economy, self.prices, benchmark, self.peasants, self.worker,
                               self.n_workers, household=self.household,
                               n_households=self.n_households,
                               counterfactual_earners=self.counterfactual_earners,
                               melt=melt, spend_income=spend_income)


@dataclasses.dataclass(frozen=True)
class _State:
    """A period resolved into numbers (vectors in the economy's goods order)."""

    p: np.ndarray          # actual prices
    s: np.ndarray          # peasants' sales
    dbar: np.ndarray       # peasants' purchases (composition, if spend_income)
    tau: float             # peasants' taxes
    bbar: np.ndarray       # worker basket (composition, if spend_income)
    w: float               # money wage
    pr: np.ndarray         # retail prices
    primary: float         # one-earner workforce N − X
    h: float               # hours per worker
    X: float               # extra earners H (m1 − m0)
    hf: float              # hours per household earner


_FACTOR_FIELDS: dict[str, tuple[str, ...]] = {
    "price policy": ("p",),
    "marketings": ("s", "dbar"),
    "taxes": ("tau",),
    "real wage": ("bbar",),
    "money wage": ("w",),
    "retail margins": ("pr",),
    "employment": ("primary", "h"),
    "extra earners": ("X", "hf"),
}


def _resolve(economy: Economy, period: Period) -> _State:
    goods = economy.sectors
    p = as_vector(period.prices, goods, "actual prices", InvalidPriceError)
    s, d = period.peasants.vectors(goods)
    b = _align_goods(period.worker.basket, economy, "worker basket")
    rp = period.worker.retail_prices
    pr = p if rp is None else _retail_vector(rp, economy)
    hf = period.household.hours_per_earner if period.household is not None else 0.0
    X = period.extra_earners
    return _State(p=p, s=s, dbar=d, tau=period.peasants.taxes, bbar=b, w=period.worker.wage,
                  pr=pr, primary=period.n_workers - X, h=period.worker.hours, X=X, hf=hf)


def _peasant_purchases(st: _State, spend_income: bool, name: str) -> np.ndarray:
    if not spend_income:
        return st.dbar
    proceeds = float(st.p @ st.s) - st.tau
    cost = float(st.p @ st.dbar)
    if proceeds < 0:
        raise InvalidGroupError(
            f"{name}: the peasants' taxes {st.tau:g} exceed their sales proceeds "
            f"{st.p @ st.s:g}, so they cannot spend their income on purchases "
            "(spend_income=True); lower the taxes or raise sales.")
    if not cost > 0:
        raise InvalidGroupError(
            f"{name}: the peasants' purchases cost nothing at the actual prices, so "
            "spend_income=True cannot scale them; give a purchase composition with a price.")
    return st.dbar * (proceeds / cost)


def _worker_basket(st: _State, spend_income: bool) -> np.ndarray:
    if not spend_income:
        return st.bbar
    cost = float(st.pr @ st.bbar)
    if not cost > 0:
        raise InvalidPriceError(
            "the worker's basket costs nothing at retail prices, so spend_income=True "
            "cannot turn the money wage into a basket; give positive retail prices.")
    return st.bbar * (st.w / cost)


def _default_melt(economy: Economy, pe: np.ndarray, b: np.ndarray) -> float:
    vb = float(economy.values_array @ b)
    if not vb > 0:
        raise InvalidHouseholdError(
            "the worker's basket has zero labour value, so the money value of an hour at "
            "the benchmark (p^e·b / λ·b) is undefined; give melt= or a basket with value.")
    return float(pe @ b) / vb


# ============================================================================ account
@dataclasses.dataclass(frozen=True, eq=False)
class SurplusAccount:
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
    exchange : ExchangeAccount
        The peasants' exchange account behind the first row.
    worker : WorkerAccount
        The representative worker (with the basket actually consumed).
    household : HouseholdAccount or None
        The representative household.
    n_workers, extra_earners : float
        ``N`` and ``X = H (m1 − m0)``.
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
    exchange: ExchangeAccount
    worker: WorkerAccount
    household: HouseholdAccount | None
    n_workers: float
    extra_earners: float
    retail_margin: float
    spend_income: bool

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
        """False when a fund is zero, so the share columns are NaN."""
        return bool(np.isfinite(self.table[["share_hours", "share_money"]].to_numpy()).all())

    @property
    def is_reconciled(self) -> bool:
        """Whether the groups' net contributions equal the state's receipts."""
        rec = self.reconciliation
        diff = rec.loc["difference"].abs()
        scale = rec.drop(index="difference").abs().sum() + self.table[
            ["hours_given", "hours_received"]].abs().to_numpy().sum()
        return bool((diff <= RECONCILE_RTOL * scale).all())

    def to_frame(self) -> pd.DataFrame:
        """The table by group (a copy), with the benchmark and μ in ``attrs``."""
        out = self.table.copy()
        out.attrs.update(benchmark=self.benchmark.name,
                         benchmark_description=self.benchmark.description, melt=self.melt)
        return out

    def summary(self) -> str:
        """Readable account: conventions, the table, the reconciliation."""
        fmt = lambda x: f"{x:,.4g}"  # noqa: E731
        lines: list[str | None] = [
            f"Surplus account by group, money at {self.benchmark}",
            f"(hours; money at benchmark prices; one hour = {self.melt:.6g} money at the "
            "benchmark)",
            f"workers N = {self.n_workers:g}, of whom extra earners in two-earner "
            f"households X = {self.extra_earners:g} (carved out of the workers' row)",
            None if not self.spend_income else
            "purchases derived from incomes (peasants spend proceeds net of taxes, workers "
            "their wage)",
            "",
            self.table.to_string(float_format=fmt), "",
            "Reconciliation (groups' net = state's receipts):",
            self.reconciliation.to_string(float_format=fmt), "",
            f"memo: retail margin on workers' baskets N (p_r − p)·b = {fmt(self.retail_margin)} "
            "(inside the transfers above, not added)"]
        if not self.shares_defined:
            lines.append("shares undefined: the accumulation fund is zero")
        return "\n".join(line for line in lines if line is not None)

    def __str__(self) -> str:
        return self.summary()


def _table(rows: dict[str, tuple[float, ...]]) -> pd.DataFrame:
    """The table by group from the groups' rows (numbers in the order of COLUMNS[:7])."""
    g = np.array([[float(x) for x in rows[r]] for r in ROWS[:3]])
    state = g.sum(axis=0)
    state[0], state[1] = state[1], state[0]  # the state gives what the groups receive
    state[2] = state[1] - state[0]
    body = np.vstack([g, state])
    shares = np.full((4, 2), np.nan)
    for j, col in enumerate((2, 6)):
        fund = body[3, col]
        if fund != 0:
            shares[:, j] = body[:, col] / fund
    return pd.DataFrame(np.hstack([body, shares]), index=pd.Index(ROWS, name="group"),
                        columns=list(COLUMNS))


def _reconciliation(table: pd.DataFrame) -> pd.DataFrame:
    """Groups' net contributions against the state's receipts computed from gross flows."""
    g = table.to_numpy()[:3]
    net = g[:, [2, 6]]
    state_h = float(g[:, 0].sum() - g[:, 1].sum())
    state_m = float(g[:, 3:6].sum())
    total = net.sum(axis=0)
    rows = np.vstack([net, total, [state_h, state_m], total - [state_h, state_m]])
    return pd.DataFrame(rows, columns=["hours", "money"], index=pd.Index(
        [*ROWS[:3], "groups give, net", "state receives", "difference"], name="item"))


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
    if not isinstance(benchmark, Benchmark):
        raise InvalidPriceError(
            "benchmark must be a Benchmark (e.g. ne.labour_value_benchmark(eco)); got "
            f"{type(benchmark).__name__}.")
    period = Period(prices, peasants, worker, n_workers, household=household,
                    n_households=n_households, counterfactual_earners=counterfactual_earners)
    st = _resolve(economy, period)
    pe = benchmark.aligned(economy.sectors)
    d = _peasant_purchases(st, spend_income, "surplus account")
    b = _worker_basket(st, spend_income)
    mu = _default_melt(economy, pe, b) if melt is None else _nonneg(
        melt, "melt", InvalidPriceError, positive=True)
    group = Group.from_arrays(peasants.name, st.s, d, economy.sectors, taxes=st.tau)
    exch = exchange_account(economy, group, st.p, benchmark)
    pr_row = exch.by_group.iloc[0]
    # the worker as consumed (basket b, retail prices p_r): its account gives v = λ·b
    wk = dataclasses.replace(worker, basket=pd.Series(b, index=economy.sectors),
                             retail_prices=pd.Series(st.pr, index=economy.sectors))
    wacc = worker_account(economy, wk)
    v = wacc.value_of_labour_power
    N = period.n_workers
    X, hf = st.X, st.hf
    rows = {
        "peasants": (pr_row["labour_given"], pr_row["labour_received"],
                     pr_row["labour_transfer"], pr_row["taxes"], pr_row["underpayment"],
                     pr_row["overpayment"], pr_row["tribute"]),
    }
    w_given = N * st.h - X * hf
    w_under = N * (mu * st.h - st.w) - mu * X * hf
    w_over = N * float((st.pr - pe) @ b)
    rows["workers"] = (w_given, N * v, w_given - N * v, 0.0, w_under, w_over,
                       w_under + w_over)
    rows["two-earner households"] = (X * hf, 0.0, X * hf, 0.0, mu * X * hf, 0.0,
                                     mu * X * hf)
    table = _table(rows)
    recon = _reconciliation(table)
    hh = household_account(economy, household) if household is not None else None
    return SurplusAccount(
        benchmark=benchmark, melt=mu, table=table, reconciliation=recon,
        exchange=exch, worker=wacc, household=hh, n_workers=N,
        extra_earners=X, retail_margin=N * float((st.pr - st.p) @ b),
        spend_income=bool(spend_income))


# ============================================================================ Shapley
def shapley_decomposition(func: Callable[[dict[str, Any]], float],
                          base: Mapping[str, Any], later: Mapping[str, Any]) -> pd.Series:
    """Exact Shapley decomposition of ``func(later) − func(base)`` over named factors.

    Factor ``i`` gets the average, over all orders in which the factors could switch from
    their base to their later values, of the change in ``func`` when ``i`` switches:
    ``φ_i = Σ_{S ⊆ K∖{i}} |S|! (k − |S| − 1)! / k! · [F(S ∪ {i}) − F(S)]``, where ``F(S)``
    evaluates ``func`` with the factors in ``S`` at their later values and the rest at base.
    The contributions add up exactly to the total change for any function (interaction
    terms are shared out, not lost); a factor whose value does not change gets zero.

    Parameters
    ----------
    func : callable
        Takes a dict ``{factor: value}`` and returns a number.
    base, later : mapping
        Factor values in the two periods (the same keys). ``func`` is evaluated
        ``2^k`` times for ``k`` factors.

    Returns
    -------
    pandas.Series
        Contribution of each factor, in the order of ``base``.

    Raises
    ------
    InvalidGroupError
        ``base`` and ``later`` name different factors, or ``func`` returns a non-finite
        number.

    Notes
    -----
    A. F. Shorrocks, "Decomposition procedures for distributional analysis: a unified
    framework based on the Shapley value", *Journal of Economic Inequality* 11 (2013),
    99–126; L. S. Shapley, "A value for n-person games" (1953).

    Examples
    --------
    ``F = x·y`` from ``(1, 1)`` to ``(2, 3)``: the change 5 splits as
    ``φ_x = ½[(2·1 − 1) + (2·3 − 3)] = 2`` and ``φ_y = ½[(3 − 1) + (6 − 2)] = 3``.

    >>> import nonequivalent as ne
    >>> ne.shapley_decomposition(lambda f: f["x"] * f["y"], {"x": 1, "y": 1},
    ...                          {"x": 2, "y": 3}).to_dict()
    {'x': 2.0, 'y': 3.0}
    """
    names = list(base.keys())
    if set(names) != set(later.keys()):
        raise InvalidGroupError(
            f"base and later must name the same factors; got {sorted(map(str, names))} and "
            f"{sorted(map(str, later.keys()))}.")
    k = len(names)
    values: dict[int, float] = {}
    for mask in range(1 << k):
        args = {n: (later[n] if mask >> i & 1 else base[n]) for i, n in enumerate(names)}
        val = float(func(args))
        if not math.isfinite(val):
            raise InvalidGroupError(
                f"the decomposed function returned {val} for factors "
                f"{[n for i, n in enumerate(names) if mask >> i & 1]} at their later values.")
        values[mask] = val
    weights = [math.factorial(s) * math.factorial(k - s - 1) / math.factorial(k)
               for s in range(k)]
    phi = np.zeros(k)
    for i in range(k):
        bit = 1 << i
        total = 0.0
        for mask in range(1 << k):
            if mask & bit:
                continue
            total += weights[mask.bit_count()] * (values[mask | bit] - values[mask])
        phi[i] = total
    return pd.Series(phi, index=pd.Index(names, name="factor"), name="contribution")


@dataclasses.dataclass(frozen=True)
class SourcesOfAccumulation:
    """The change in the accumulation fund between two periods, by source.

    Attributes
    ----------
    measure : str
        ``"hours"`` or ``"money"`` (at the benchmark, one hour = :attr:`melt`).
    benchmark : str
        Name of the benchmark.
    melt : float
        ``μ`` used for money figures (fixed across periods).
    base_label, later_label : str
        Period names.
    base_fund, later_fund, change : float
        The fund in each period and ``later − base``.
    contributions : pandas.Series
        Shapley contribution of each factor (see :data:`FACTORS`); they sum to ``change``.
    by_group : pandas.Series
        Contributions summed by group (peasants, workers, two-earner households).
    shares, group_shares : pandas.Series
        Contributions divided by their sum; they sum to one. NaN when
        :attr:`shares_defined` is false.
    shares_defined : bool
        False when the fund did not change (``|change|`` at most
        :data:`ZERO_CHANGE_RTOL` of the funds' scale): shares of a zero change are
        undefined.
    residual : float
        ``change − Σ contributions`` (rounding only).
    method : str
        The decomposition used.

    Examples
    --------
    >>> import dataclasses
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    >>> base = ne.Period({"grain": 1.0, "cloth": 1.0},
    ...                  ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 8}),
    ...                  ne.Worker(8, 4, {"grain": 2, "cloth": 2}), n_workers=10)
    >>> later = dataclasses.replace(base, n_workers=20)
    >>> res = ne.sources_of_accumulation(eco, ne.labour_value_benchmark(eco), base, later)
    >>> row = res.to_frame().loc["employment"]
    >>> row["group"], float(row["contribution"]), float(row["share"])
    ('workers', 40.0, 1.0)
    """

    measure: str
    benchmark: str
    melt: float
    base_label: str
    later_label: str
    base_fund: float
    later_fund: float
    change: float
    contributions: pd.Series
    by_group: pd.Series
    shares: pd.Series
    group_shares: pd.Series
    shares_defined: bool
    residual: float
    method: str = ("Shapley value over factors (Shorrocks 2013, J. Econ. Inequality 11: "
                   "99-126)")

    def to_frame(self) -> pd.DataFrame:
        """Factors with their group, contribution and share."""
        df = pd.DataFrame({"group": pd.Series(FACTORS).reindex(self.contributions.index),
                           "contribution": self.contributions, "share": self.shares})
        df.index.name = "factor"
        df.attrs.update(measure=self.measure, benchmark=self.benchmark, method=self.method)
        return df

    def summary(self) -> str:
        """Readable decomposition."""
        unit = "hours" if self.measure == "hours" else "money at the benchmark"
        lines = [f"Sources of accumulation {self.base_label} -> {self.later_label} "
                 f"({unit}; benchmark '{self.benchmark}')",
                 f"  method: {self.method}",
                 f"  fund {_fmt(self.base_fund)} -> {_fmt(self.later_fund)}, change "
                 f"{_fmt(self.change)}", ""]
        for grp, val in self.by_group.items():
            share = f"{self.group_shares[grp]:7.1%}" if self.shares_defined else "    n/a"
            lines.append(f"  {grp:<24}{_fmt(val):>14} {share}")
            for fac, c in self.contributions.items():
                if FACTORS[fac] == grp:
                    sh = f"{self.shares[fac]:7.1%}" if self.shares_defined else "    n/a"
                    lines.append(f"    {fac:<22}{_fmt(c):>14} {sh}")
        if not self.shares_defined:
            lines.append("  shares undefined: the accumulation fund did not change")
        return "\n".join(lines)

    __str__ = summary


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
    if measure not in ("hours", "money"):
        raise InvalidGroupError(f"measure must be 'hours' or 'money', got {measure!r}.")
    if not isinstance(benchmark, Benchmark):
        raise InvalidPriceError("benchmark must be a Benchmark; got "
                                f"{type(benchmark).__name__}.")
    for name, per in (("base", base), ("later", later)):
        if not isinstance(per, Period):
            raise InvalidGroupError(f"{name} must be a Period; got {type(per).__name__}.")
    goods = economy.sectors
    pe = benchmark.aligned(goods)
    lam = economy.values_array
    s0, s1 = _resolve(economy, base), _resolve(economy, later)
    if melt is None:
        mu = _default_melt(economy, pe, _worker_basket(s0, spend_income))
    else:
        mu = _nonneg(melt, "melt", InvalidPriceError, positive=True)
    hours = measure == "hours"
    name = base.peasants.name
    peasant_factors = [f for f in FACTORS if FACTORS[f] == "peasants"]
    worker_factors = [f for f in FACTORS if FACTORS[f] != "peasants"]
    cache: dict[tuple, float] = {}

    def state(f: Mapping[str, Any]) -> _State:
        fields: dict[str, Any] = {}
        for fac in FACTORS:
            src = s1 if f.get(fac, False) else s0
            for fld in _FACTOR_FIELDS[fac]:
                fields[fld] = getattr(src, fld)
        return _State(**fields)

    def peasants_part(f: Mapping[str, Any]) -> float:
        key = ("peasants", *(bool(f[k]) for k in peasant_factors))
        if key not in cache:
            st = state(f)
            d = _peasant_purchases(st, spend_income, "sources of accumulation")
            g = Group.from_arrays(name, st.s, d, goods, taxes=st.tau)
            row = exchange_account(economy, g, st.p, benchmark).by_group.iloc[0]
            cache[key] = float(row["labour_transfer"] if hours else row["tribute"])
        return cache[key]

    def workers_part(f: Mapping[str, Any]) -> float:
        key = ("workers", *(bool(f[k]) for k in worker_factors))
        if key not in cache:
            st = state(f)
            b = _worker_basket(st, spend_income)
            n = st.primary + st.X
            cache[key] = (n * (st.h - float(lam @ b)) if hours
                          else n * (mu * st.h - st.w + float((st.pr - pe) @ b)))
        return cache[key]

    def fund(f: dict[str, Any]) -> float:
        # the fund is the sum of a peasants' part (prices, marketings, taxes) and a
        # workers' part (the other factors); each is computed once per combination
        return peasants_part(f) + workers_part(f)

    flags0 = dict.fromkeys(FACTORS, False)
    flags1 = dict.fromkeys(FACTORS, True)
    contrib = shapley_decomposition(fund, flags0, flags1)
    f0, f1 = fund(flags0), fund(flags1)
    change = f1 - f0
    total = float(contrib.sum())
    groups = pd.Index(list(dict.fromkeys(FACTORS.values())), name="group")
    by_group = contrib.groupby(pd.Series(FACTORS)).sum().reindex(groups).rename("contribution")
    scale = max(abs(f0), abs(f1), float(contrib.abs().max()))
    defined = scale > 0 and abs(total) > ZERO_CHANGE_RTOL * scale
    if defined:
        shares = (contrib / total).rename("share")
        gshares = (by_group / total).rename("share")
    else:
        shares = pd.Series(np.nan, index=contrib.index, name="share")
        gshares = pd.Series(np.nan, index=groups, name="share")
    return SourcesOfAccumulation(
        measure=measure, benchmark=benchmark.name, melt=mu, base_label=base.label or "base",
        later_label=later.label or "later", base_fund=f0, later_fund=f1, change=change,
        contributions=contrib, by_group=by_group, shares=shares, group_shares=gshares,
        shares_defined=bool(defined), residual=change - total)

