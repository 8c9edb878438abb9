"""Workers, the two-earner household, and the workforce that industrialization recruited.

The **worker** (hours ``h``, money wage ``w``, basket ``b``) and the worker's account —
value of labour power, surplus labour, rate of exploitation, real-wage index, retail
margin — are defined, with their sources and an example, in
:mod:`nonequivalent.groups.labour_power`; this module re-exports them and builds the family on
them.

A **household** of ``M`` members has ``m`` earners working ``h`` hours each and buys the
family basket ``b_f``. The value of labour power per hour sold is ``λ·b_f / (m h)`` and the
family rate of exploitation ``e_f = (m h − λ·b_f) / λ·b_f`` rises with ``m``: the value of
labour power is spread over the whole family (Marx, *Capital* I, ch. 15 §3a). When the real
wage falls by a share ``δ`` and the family keeps its basket, it needs
``m1 = m0 / (1 − δ)`` earners, and the state obtains ``(m1 − m0) h`` more hours per household
for the same family consumption: "two workers for the price of one".

Historical background (W. Z. Goldman, "Blood on the Red Banner", *International Review of
Social History*, 2022): during the first Five-Year Plan real wages of industrial workers
fell by about half; women were about 37% of all newly hired waged workers in 1929–35 (50%
of those entering industry), and the number of workers rose from 11.9 million (1929) to
22.6 million (1933).

Worked examples: :func:`household_account`, :func:`family_wage_cut`.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result, format_number
from .._validation import as_number, require_finite
from ..core.economy import Economy
from ..errors import InvalidHouseholdError
from .labour_power import (
    Worker,
    WorkerAccount,
    _basket_value,
    _positive_number,
    _read_basket,
    real_wage_index,
    retail_margin,
    value_of_labour_power,
    worker_account,
)
from .workforce import WorkforceDynamics, workforce_dynamics

__all__ = [
    "EarnersNeeded",
    "FamilyWageCut",
    "Household",
    "HouseholdAccount",
    "Worker",
    "WorkerAccount",
    "WorkforceDynamics",
    "earners_needed",
    "family_wage_cut",
    "household_account",
    "real_wage_index",
    "retail_margin",
    "value_of_labour_power",
    "worker_account",
    "workforce_dynamics",
]

#: Relative tolerance used when rounding a fractional number of earners up to whole earners
#: (so that ``1.0000000000000002`` earners counts as 1, not 2).
ROUNDING_TOLERANCE = 1e-9


# ---------------------------------------------------------------------------- households
@dataclasses.dataclass(frozen=True)
class Household:
    """A working-class family: members, earners, hours per earner, family basket.

    Parameters
    ----------
    members : int
        Number of members (>= 1).
    earners : float
        Waged earners ``m`` (> 0, at most ``members``; averages such as 1.3 are allowed).
    hours_per_earner : float
        Hours each earner sells per period ``h`` (> 0).
    basket : mapping, Series or array
        Family basket ``b_f`` per period (at least one positive quantity).
    domestic_hours : float, default 0
        Unpaid domestic labour per period (>= 0).
    count_domestic : bool, default False
        Whether unpaid domestic hours count in the labour that reproduces the family
        (the results say which convention is used).

    Raises
    ------
    InvalidHouseholdError
        Non-positive hours or earners, more earners than members, empty basket, negative
        domestic hours.

    Notes
    -----
    Marx, *Capital* I, ch. 15 §3a: machinery throws the whole family onto the labour
    market and so spreads the value of the man's labour power over the family. Counting
    domestic labour follows the domestic labour debate (W. Seccombe, "The housewife and
    her labour under capitalism", *New Left Review* 83, 1974).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> ne.Household(members=4, earners=1, hours_per_earner=100, basket={"food": 20})
    Household(members=4, earners=1.0, hours_per_earner=100.0, basket={'food': 20.0})
    """

    members: int
    earners: float
    hours_per_earner: float
    basket: pd.Series
    domestic_hours: float = 0.0
    count_domestic: bool = False

    def __post_init__(self) -> None:
        members = _positive_number(self.members, "household members")
        if members < 1 or members != int(members):
            raise InvalidHouseholdError(
                f"household members must be a whole number >= 1, got {self.members}.")
        earners = _positive_number(self.earners, "earners per household")
        if earners > members:
            raise InvalidHouseholdError(
                f"{earners:g} earners exceed the household's {int(members)} members; "
                "raise members or lower earners.")
        object.__setattr__(self, "members", int(members))
        object.__setattr__(self, "earners", earners)
        object.__setattr__(self, "hours_per_earner",
                           _positive_number(self.hours_per_earner, "hours per earner"))
        object.__setattr__(self, "basket", _read_basket(self.basket, "family basket"))
        object.__setattr__(self, "domestic_hours",
                           _positive_number(self.domestic_hours, "domestic hours",
                                            allow_zero=True))
        if not isinstance(self.count_domestic, bool | np.bool_):
            raise InvalidHouseholdError("count_domestic must be True or False.")
        object.__setattr__(self, "count_domestic", bool(self.count_domestic))

    def __repr__(self) -> str:
        dom = (f", domestic_hours={self.domestic_hours}, count_domestic={self.count_domestic}"
               if self.domestic_hours or self.count_domestic else "")
        return (f"Household(members={self.members}, earners={self.earners}, "
                f"hours_per_earner={self.hours_per_earner}, "
                f"basket={self.basket.to_dict()}{dom})")


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class HouseholdAccount(Result):
    """Family value of labour power and family rate of exploitation.

    Attributes
    ----------
    earners, hours_per_earner : float
        ``m`` and ``h``.
    hours_sold : float
        ``m h``.
    basket_value : float
        ``λ·b_f`` (hours).
    domestic_hours : float
        Unpaid domestic hours of the household.
    count_domestic : bool
        Whether domestic hours are counted in the labour that reproduces the family.
    reproduction_hours : float
        ``λ·b_f`` (+ domestic hours when counted).
    value_per_hour_sold : float
        ``reproduction_hours / (m h)``: the value of labour power per hour sold.
    surplus_labour : float
        ``m h − reproduction_hours``.
    rate_of_exploitation : float
        ``e_f = (m h − reproduction_hours) / reproduction_hours``.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.5, 0.0], [0.0, 0.5]], labour=[1.0, 2.0],
    ...                  sectors=["food", "cloth"])
    >>> acc = ne.household_account(eco, ne.Household(4, 2, 100, {"food": 10, "cloth": 5}))
    >>> acc.hours_sold, acc.basket_value, acc.value_per_hour_sold
    (200.0, 40.0, 0.2)
    """

    earners: float
    hours_per_earner: float
    hours_sold: float
    basket_value: float
    domestic_hours: float
    count_domestic: bool
    reproduction_hours: float
    value_per_hour_sold: float
    surplus_labour: float
    rate_of_exploitation: float

    _title = "Household account (Marx, Capital I, ch. 15 §3a)"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """The figures with their units (also the rows of :meth:`to_frame`)."""
        return [("earners m", self.earners, "persons"),
                ("hours per earner h", self.hours_per_earner, "hours"),
                ("hours sold m h", self.hours_sold, "hours"),
                ("family basket value λ·b_f", self.basket_value, "hours"),
                ("domestic hours", self.domestic_hours, "hours"),
                ("domestic hours counted", float(self.count_domestic), "0/1"),
                ("value of labour power per hour sold", self.value_per_hour_sold, "ratio"),
                ("family surplus labour", self.surplus_labour, "hours"),
                ("family rate of exploitation e_f", self.rate_of_exploitation, "ratio")]

    def benchmark_name(self) -> str:
        """Whether domestic hours count in the labour of reproduction."""
        return ("domestic hours counted in the labour of reproduction" if self.count_domestic
                else "domestic hours not counted")

    def to_frame(self) -> pd.DataFrame:
        """The figures as a labelled table (quantity, value, unit)."""
        return super().to_frame()


def household_account(economy: Economy, household: Household) -> HouseholdAccount:
    """Family value of labour power per hour sold and family rate of exploitation.

    ``value per hour sold = λ·b_f / (m h)``, ``e_f = (m h − λ·b_f) / λ·b_f``, so that
    ``value per hour sold × m h = λ·b_f`` and ``e_f`` rises with the number of earners
    ``m``. When ``household.count_domestic`` is true the unpaid domestic hours ``D`` are
    added to the labour that reproduces the family: ``(λ·b_f + D)`` replaces ``λ·b_f``.

    Parameters
    ----------
    economy : Economy
        Supplies the labour values ``λ``.
    household : Household

    Returns
    -------
    HouseholdAccount

    Raises
    ------
    InvalidHouseholdError
        The family basket has zero labour value (and no domestic hours are counted).
    LabelMismatchError
        Basket goods that are not goods of the economy.

    Notes
    -----
    Marx, *Capital* I, ch. 15 §3a ("Appropriation of supplementary labour-power by
    capital. The employment of women and children"): the value of labour power was the
    labour time needed to keep the whole family; spread over several earners it falls per
    earner, and surplus labour rises.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.5, 0.0], [0.0, 0.5]], labour=[1.0, 2.0],
    ...                  sectors=["food", "cloth"])
    >>> fam = ne.Household(4, earners=1, hours_per_earner=100,
    ...                    basket={"food": 10, "cloth": 5})
    >>> ne.household_account(eco, fam).rate_of_exploitation
    1.5
    >>> import dataclasses
    >>> ne.household_account(eco, dataclasses.replace(fam, earners=2)).rate_of_exploitation
    4.0
    """
    _, value = _basket_value(economy, household.basket, "family basket")
    repro = value + (household.domestic_hours if household.count_domestic else 0.0)
    if not repro > 0:
        raise InvalidHouseholdError(
            "the family basket has zero labour value, so the family rate of exploitation "
            "is undefined; include goods that take labour to produce.")
    sold, rate = family_exploitation(household.earners, household.hours_per_earner, repro)
    return HouseholdAccount(
        earners=household.earners, hours_per_earner=household.hours_per_earner,
        hours_sold=sold, basket_value=value, domestic_hours=household.domestic_hours,
        count_domestic=household.count_domestic, reproduction_hours=repro,
        value_per_hour_sold=repro / sold, surplus_labour=sold - repro,
        rate_of_exploitation=rate)


def family_exploitation(earners: Any, hours: Any, reproduction: Any) -> tuple[Any, Any]:
    """Hours sold ``m h`` and the family rate of exploitation ``e_f = (m h − R) / R``.

    ``R`` is the labour that reproduces the family (``λ·b_f``, plus domestic hours when
    counted). Marx, *Capital* I, ch. 15 §3a. Floats or arrays with a draws axis; used by
    :func:`household_account` and the batch report.
    """
    sold = earners * hours
    return sold, (sold - reproduction) / reproduction


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class EarnersNeeded(Result):
    """Earners a family needs to keep its basket after a real-wage cut.

    Attributes
    ----------
    initial : float
        Earners before the cut ``m0``.
    real_wage_cut : float
        ``δ`` (share of the real wage lost; negative for a rise).
    fractional : float
        ``m0 / (1 − δ)``.
    whole : int
        ``fractional`` rounded up to whole earners (with a relative tolerance of
        :data:`ROUNDING_TOLERANCE`, so float noise does not add an earner).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> need = ne.earners_needed(1, 0.25)
    >>> round(need.fractional, 4), need.whole, round(need.extra_fractional, 4)
    (1.3333, 2, 0.3333)
    """

    initial: float
    real_wage_cut: float
    fractional: float
    whole: int

    @property
    def extra_fractional(self) -> float:
        """``m1 − m0`` with fractional earners."""
        return self.fractional - self.initial

    @property
    def extra_whole(self) -> float:
        """``ceil(m1) − m0``: extra whole earners."""
        return self.whole - self.initial

    _title = "Earners needed after a real-wage cut"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Cut, earners before, and earners needed (fractional and whole)."""
        return [("real wage cut", 100 * self.real_wage_cut, "%"),
                ("earners before", self.initial, "persons"),
                ("earners needed", self.fractional, "persons"),
                ("whole earners needed", self.whole, "persons")]

    def summary_lines(self) -> list[str]:
        """The statement in words and the figures."""
        return [f"real wage cut {format_number(100 * self.real_wage_cut, '%')}: "
                f"{format_number(self.initial)} earner(s) become "
                f"{format_number(self.fractional)} (fractional), {self.whole} whole "
                "earner(s) (rounded up)", "", *super().summary_lines()]


def earners_needed(initial_earners: float, real_wage_cut: float) -> EarnersNeeded:
    """Earners needed to keep the family basket after a real-wage cut ``δ``.

    Each earner's wage buys ``(1 − δ)`` of what it bought before, so ``m1 (1 − δ) = m0``
    and ``m1 = m0 / (1 − δ)``; in whole earners, rounded up.

    Parameters
    ----------
    initial_earners : float
        ``m0`` (> 0).
    real_wage_cut : float
        ``δ`` < 1 (0.5 = the real wage halves; a negative value is a rise).

    Raises
    ------
    InvalidHouseholdError
        ``δ >= 1`` (no number of earners can keep the basket), non-finite input, or
        ``m0 <= 0``.

    Notes
    -----
    Marx, *Capital* I, ch. 15 §3a; Goldman (2022) on Soviet families needing a second
    wage after real wages fell by about half in 1928–32.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> need = ne.earners_needed(1, 0.5)
    >>> need.fractional, need.whole
    (2.0, 2)
    >>> ne.earners_needed(1, 0.4).fractional, ne.earners_needed(1, 0.4).whole
    (1.6666666666666667, 2)
    """
    m0 = _positive_number(initial_earners, "initial earners")
    delta = as_number(real_wage_cut, "the real-wage cut", InvalidHouseholdError,
                      allow_zero=True, allow_negative=True)
    if not math.isfinite(delta):
        raise InvalidHouseholdError(f"the real-wage cut must be finite, got {delta}.")
    if delta >= 1:
        raise InvalidHouseholdError(
            f"a real-wage cut of {delta:.0%} leaves nothing to live on: no number of "
            "earners keeps the family basket. Give a cut below 1 (e.g. 0.5 for a halving).")
    frac, whole = earners_for_cut(m0, delta)
    frac = require_finite(frac, "the earners needed m0 / (1 − δ)")
    return EarnersNeeded(initial=m0, real_wage_cut=delta, fractional=frac, whole=int(whole))


def earners_for_cut(initial: Any, cut: Any) -> tuple[Any, Any]:
    """``m1 = m0 / (1 − δ)`` earners keep the family basket after a real-wage cut ``δ``, and
    that number rounded up (less :data:`ROUNDING_TOLERANCE`, so 2.0000000001 is 2).

    Marx, *Capital* I, ch. 15 §3a; Goldman (2022). Floats or arrays with a draws axis;
    used by :func:`earners_needed` and the batch report (no checks here).
    """
    frac = initial / (1.0 - cut)
    return frac, np.ceil(frac * (1.0 - ROUNDING_TOLERANCE))


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class FamilyWageCut(Result):
    """What a real-wage cut does to a family that keeps its basket by adding earners.

    Attributes
    ----------
    before : HouseholdAccount
        The family before the cut (``m0`` earners).
    earners : EarnersNeeded
        ``m1`` fractional and whole.
    rounding : str
        ``"whole"`` or ``"fractional"``: which ``m1`` the figures below use.
    earners_after : float
        The ``m1`` used.
    consumption_after : float
        Value of what the family's wages buy after the cut, ``m1 (1 − δ) λ·b_f / m0``
        (hours); equals ``λ·b_f`` with fractional earners, more when rounded up.
    exploitation_before, exploitation_after : float
        Family rate of exploitation ``(m h − C) / C`` before and after.
    extra_hours : float
        ``(m1 − m0) h``: hours the state gains per household against the one-earner
        (``m0``-earner) counterfactual.
    extra_surplus : float
        Change in family surplus labour, ``(m1 h − C1) − (m0 h − C0)``; equals
        ``extra_hours`` with fractional earners.
    labour_per_wage_before, labour_per_wage_after : float
        Hours of labour the state obtains per hour of value paid as real wages:
        ``m0 h / C0`` and ``m1 h / C1``.
    price_of_one_ratio : float
        ``labour_per_wage_after / labour_per_wage_before`` ``= 1/(1 − δ)``: with
        ``δ = 1/2``, two workers for the price of one.
    housing_saving : float or None
        ``(m1 − m0) × housing_cost_per_migrant``: housing and municipal spending avoided
        because the extra earners are urban women already housed rather than migrants.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.0]], labour=[1.0], sectors=["food"])
    >>> cut = ne.family_wage_cut(eco, ne.Household(3, 1, 10, {"food": 4}), 0.5)
    >>> cut.to_frame().loc["earners"].tolist()
    [1.0, 2.0]
    """

    before: HouseholdAccount
    earners: EarnersNeeded
    rounding: str
    earners_after: float
    consumption_after: float
    exploitation_before: float
    exploitation_after: float
    extra_hours: float
    extra_surplus: float
    labour_per_wage_before: float
    labour_per_wage_after: float
    price_of_one_ratio: float
    housing_saving: float | None

    _title = "Family wage cut (Marx, Capital I, ch. 15 §3a)"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Cut, earners after, extra hours, and the price-of-one ratio."""
        return [("real wage cut", 100 * self.earners.real_wage_cut, "%"),
                ("earners after", self.earners_after, "persons"),
                ("extra hours", self.extra_hours, "hours per household"),
                ("labour per wage ratio", self.price_of_one_ratio, "")]

    def to_frame(self) -> pd.DataFrame:
        """Before/after table (rows: quantities; columns: before, after)."""
        b = self.before
        rows = {
            "earners": (b.earners, self.earners_after),
            "hours sold": (b.hours_sold, self.earners_after * b.hours_per_earner),
            "family consumption (hours)": (b.reproduction_hours, self.consumption_after),
            "family surplus labour (hours)": (
                b.surplus_labour,
                self.earners_after * b.hours_per_earner - self.consumption_after),
            "family rate of exploitation": (self.exploitation_before,
                                            self.exploitation_after),
            "labour per hour of real wage": (self.labour_per_wage_before,
                                             self.labour_per_wage_after),
        }
        df = pd.DataFrame(rows, index=["before", "after"]).T
        df.index.name = "quantity"
        return df

    def summary_lines(self) -> list[str]:
        """The cut, the earners, and the before/after table (one number format)."""
        f = format_number
        lines = [
            f"  real wage cut δ                {f(100 * self.earners.real_wage_cut, '%')}",
            f"  earners needed m0/(1−δ)        {f(self.earners.fractional)} fractional, "
            f"{self.earners.whole} whole; figures use {self.rounding} earners "
            f"({f(self.earners_after)})",
            f"  family exploitation            {f(self.exploitation_before)} -> "
            f"{f(self.exploitation_after)}",
            f"  extra hours to the state       {f(self.extra_hours)} per household",
            f"  extra family surplus labour    {f(self.extra_surplus)} per household",
            f"  labour per hour of real wage   {f(self.labour_per_wage_before)} -> "
            f"{f(self.labour_per_wage_after)} (x{f(self.price_of_one_ratio)})"]
        if self.housing_saving is not None:
            lines.append(f"  housing saving (urban women)   {f(self.housing_saving)} "
                         "per household")
        return lines


def family_wage_cut(economy: Economy, household: Household, real_wage_cut: float,
                    whole_earners: bool = True,
                    housing_cost_per_migrant: float | None = None) -> FamilyWageCut:
    """A family keeps its basket after a real-wage cut by sending more members to work.

    With ``m0 = household.earners`` earners before the cut, the family needs
    ``m1 = m0 / (1 − δ)`` (see :func:`earners_needed`). The state gains ``(m1 − m0) h``
    hours per household against the ``m0``-earner counterfactual, and obtains
    ``1/(1 − δ)`` times as much labour per unit of real wage.

    Parameters
    ----------
    economy : Economy
        Supplies the labour values ``λ``.
    household : Household
        The family before the cut (its earners are ``m0``).
    real_wage_cut : float
        ``δ`` < 1.
    whole_earners : bool, default True
        Add whole earners, ``m1 = m0 + ⌈m0/(1 − δ) − m0⌉`` (the family then consumes a
        little more than its basket; with a whole ``m0`` this is ``⌈m0/(1 − δ)⌉``, and a
        0 % cut adds nobody), or use the fractional ``m1`` (an average over families).
    housing_cost_per_migrant : float, optional
        Housing and municipal cost of settling one migrant worker in town; the saving is
        ``(m1 − m0) ×`` that cost when the extra earners are urban women already housed.

    Raises
    ------
    InvalidHouseholdError
        ``δ >= 1``; more earners needed than the family has members; a negative housing
        cost.

    Notes
    -----
    Marx, *Capital* I, ch. 15 §3a. The "two workers for the price of one" reading of the
    Soviet 1930s is Goldman's (2022; also *Women at the Gates*, 2002). Real wage bill
    after the cut in hours: each earner's wage buys ``(1 − δ) λ·b_f / m0``, so
    ``C1 = m1 (1 − δ) λ·b_f / m0``.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.5, 0.0], [0.0, 0.5]], labour=[1.0, 2.0],
    ...                  sectors=["food", "cloth"])
    >>> fam = ne.Household(4, earners=1, hours_per_earner=100,
    ...                    basket={"food": 10, "cloth": 5})
    >>> cut = ne.family_wage_cut(eco, fam, 0.5, housing_cost_per_migrant=300)
    >>> cut.earners_after, cut.extra_hours, cut.price_of_one_ratio, cut.housing_saving
    (2.0, 100.0, 2.0, 300.0)
    >>> cut.exploitation_before, cut.exploitation_after
    (1.5, 4.0)
    """
    before = household_account(economy, household)
    # the guarded conversion first: a string, a complex or a 10**400 is refused here
    real_wage_cut = as_number(real_wage_cut, "the real-wage cut δ", InvalidHouseholdError,
                              allow_negative=True)
    need = earners_needed(household.earners, real_wage_cut)
    m0 = household.earners
    if whole_earners:
        # whole *extra* earners: m0 + ⌈m1 − m0⌉, so that a 0 % cut adds nobody even when
        # m0 is an average such as 1.3 (for a whole m0 this is ⌈m0/(1 − δ)⌉)
        extra = need.fractional - m0
        m1 = m0 + float(max(0, math.ceil(extra - ROUNDING_TOLERANCE * max(1.0, m0))))
    else:
        m1 = need.fractional
    if m1 > household.members * (1.0 + ROUNDING_TOLERANCE):
        raise InvalidHouseholdError(
            f"the family would need {m1:g} earners to keep its basket after a "
            f"{need.real_wage_cut:.0%} real-wage cut but has only {household.members} "
            "members; the basket cannot be kept (lower the cut or raise members).")
    h = household.hours_per_earner
    c0 = before.reproduction_hours
    # the domestic hours (if counted) are not bought with wages: only λ·b_f scales
    dom = c0 - before.basket_value
    c1 = m1 * (1.0 - need.real_wage_cut) * before.basket_value / m0 + dom
    e1 = (m1 * h - c1) / c1
    lab0 = m0 * h / c0
    lab1 = m1 * h / c1
    saving = None
    if housing_cost_per_migrant is not None:
        cost = _positive_number(housing_cost_per_migrant, "housing cost per migrant",
                                allow_zero=True)
        saving = float(require_finite((m1 - m0) * cost, "the housing saving"))
    require_finite([m1, c1, e1, lab0, lab1, (m1 - m0) * h, lab1 / lab0],
                   "the family's accounts after the wage change")
    return FamilyWageCut(
        before=before, earners=need, rounding="whole" if whole_earners else "fractional",
        earners_after=m1, consumption_after=c1,
        exploitation_before=before.rate_of_exploitation, exploitation_after=e1,
        extra_hours=(m1 - m0) * h, extra_surplus=(m1 * h - c1) - (m0 * h - c0),
        labour_per_wage_before=lab0, labour_per_wage_after=lab1,
        price_of_one_ratio=lab1 / lab0, housing_saving=saving)


