"""Groups as data: the one protocol every social group of a surplus account implements.

A surplus account (:mod:`nonequivalent.accounts`) asks every group the same five questions:
how many hours it gives and receives, and, in money at the benchmark prices ``p^e``, what
it pays in direct taxes, how much it is underpaid on what it sells and how much it
overpays on what it buys (Stalin's three parts of the "tribute", speech of 9 July 1928,
*Works* vol. 11; Preobrazhensky, *The New Economics*, ch. 2, for the exchange). Each kind
of group answers them in its own way, through :meth:`GroupKind.flows`:

``peasants`` (:class:`Peasants`)
    non-state producers who sell goods to the state sector and buy manufactures from it
    (the exchange account, :func:`nonequivalent.exchange_account`);
``workers`` (:class:`WorkerCategory`)
    a category of waged workers: ``N`` workers of ``h`` hours whose wage buys the basket
    ``b = (1 − δ) b_0`` (the base basket cut by the real-wage cut ``δ``) at retail prices
    (Marx, *Capital* I, ch. 6–9);
``worker-households`` (:class:`WorkerHouseholds`)
    worker families by earner composition: ``H`` households with ``m1`` earners against a
    counterfactual of ``m0`` who keep the same family basket (Marx, *Capital* I, ch. 15
    §3a); their extra earners' hours are carved out of their workers' category;
``state`` (:class:`State`)
    the counterpart: it receives what the others give; its surplus is the accumulation
    fund.

A new kind is one subclass registered with :func:`register_group_kind`; scenario files then
name it in ``kind = "..."`` (see the documentation page *Adding a group kind*). The fields of
a kind, declared with :func:`param`, are its schema: the scenario loader validates them,
fills defaults, documents them and writes them back from the same declaration.

Examples
--------
>>> import nonequivalent as ne
>>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
>>> groups = [ne.Peasants(name="peasants", sells={"grain": 10}, buys={"cloth": 5})]
>>> acc = ne.group_account(eco, {"grain": 0.5, "cloth": 1.0},
...                        ne.labour_value_benchmark(eco), groups, melt=1.0)
>>> acc.table["surplus_hours"].to_dict()
{'peasants': 5.0, 'state': 5.0}
"""

from __future__ import annotations

import abc
import dataclasses
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from ._validation import as_vector
from .economy import Economy
from .errors import (
    InvalidGroupError,
    InvalidHouseholdError,
    InvalidPriceError,
    LabelMismatchError,
)
from .exchange import Benchmark, Group, exchange_account

__all__ = [
    "GROUP_KINDS",
    "AccountContext",
    "Flows",
    "GroupKind",
    "Peasants",
    "State",
    "WorkerCategory",
    "WorkerHouseholds",
    "param",
    "register_group_kind",
]

#: Value types a parameter can declare (see :func:`param`).
PARAM_TYPES = ("number", "integer", "string", "sectors", "prices", "group")


@dataclasses.dataclass(frozen=True)
class Param:
    """The schema of one parameter: what it is, its type, unit, bounds and TOML key.

    Built by :func:`param`; read by the scenario loader, writer and key documentation.
    """

    doc: str
    type: str = "number"
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    below: float | None = None
    positive: bool = False
    key: str | None = None
    optional: bool = False

    def allowed(self) -> str:
        """What values are allowed, in words (used in error messages and in the docs)."""
        words = {"number": "a number", "integer": "a whole number", "string": "a string",
                 "sectors": "a table sector -> number >= 0",
                 "prices": "a table giving every sector a price > 0",
                 "group": "the key of another group"}[self.type]
        bounds = []
        if self.positive:
            bounds.append("> 0")
        if self.minimum is not None:
            bounds.append(f">= {self.minimum:g}")
        if self.maximum is not None:
            bounds.append(f"<= {self.maximum:g}")
        if self.below is not None:
            bounds.append(f"< {self.below:g}")
        return words + (" " + " and ".join(bounds) if bounds else "")


def param(doc: str, *, type: str = "number", unit: str = "", default: Any = dataclasses.MISSING,
          minimum: float | None = None, maximum: float | None = None,
          below: float | None = None, positive: bool = False,
          key: str | None = None) -> Any:
    """Declare a field of a group kind as a scenario parameter (a dataclass field).

    Parameters
    ----------
    doc : str
        What the parameter is (shown in ``nonequivalent scenario keys`` and the docs).
    type : {"number", "integer", "string", "sectors", "prices", "group"}
        ``sectors``: a table sector -> quantity (missing sectors are 0); ``prices``: a
        table with a positive price for every sector; ``group``: another group's key.
    unit : str
        Structured unit: ``hours``, ``money``, ``goods``, ``people``, ``share``,
        ``persons`` or ``""`` (a pure number).
    default : optional
        Default value; ``None`` makes the parameter optional (derived when absent).
    minimum, maximum, below : float, optional
        Bounds ``>= minimum``, ``<= maximum``, ``< below``.
    positive : bool
        ``> 0``.
    key : str, optional
        Dotted TOML key inside the group's table when it differs from the field name
        (``"real_wage.cut"`` for the field ``real_wage_cut``).

    Returns
    -------
    dataclasses.Field

    Examples
    --------
    >>> import dataclasses
    >>> f = param("number of workers", unit="people", positive=True)
    >>> f.metadata["param"].allowed()
    'a number > 0'
    """
    if type not in PARAM_TYPES:
        raise InvalidGroupError(f"param type must be one of {PARAM_TYPES}, got {type!r}.")
    meta = Param(doc, type, unit, minimum, maximum, below, positive, key,
                 optional=default is None)
    return dataclasses.field(default=default, metadata={"param": meta})


@dataclasses.dataclass(frozen=True)
class AccountContext:
    """What every group's :meth:`GroupKind.flows` is computed against.

    Attributes
    ----------
    economy : Economy
    goods : pandas.Index
        The goods (sectors), in the order of every vector.
    values : numpy.ndarray
        Labour values ``λ``.
    prices : numpy.ndarray
        Actual prices ``p``.
    benchmark : Benchmark
    pe : numpy.ndarray
        Benchmark prices ``p^e``.
    melt : float
        ``μ``, the money value of an hour at the benchmark.
    groups : mapping
        Every group of the account by key (for links between groups).
    spend_income : bool
        Purchases follow incomes (see :func:`nonequivalent.surplus_account`).
    """

    economy: Economy
    goods: pd.Index
    values: np.ndarray
    prices: np.ndarray
    benchmark: Benchmark
    pe: np.ndarray
    melt: float
    groups: Mapping[str, GroupKind]
    spend_income: bool = False

    def quantities(self, table: Mapping[str, float] | None, what: str) -> np.ndarray:
        """Quantities by good as a vector in the order of :attr:`goods` (missing goods 0).

        Raises :class:`~nonequivalent.LabelMismatchError` for goods the economy lacks.
        """
        if table is None:
            return np.zeros(len(self.goods))
        unknown = [g for g in table if g not in set(self.goods)]
        if unknown:
            raise LabelMismatchError(
                f"{what} names goods {unknown[:10]} that are not goods of the economy "
                f"{list(self.goods)[:10]}. Use the economy's sector labels.")
        s = pd.Series({str(k): float(v) for k, v in table.items()}, dtype=float)
        return s.reindex(self.goods, fill_value=0.0).to_numpy(dtype=float)

    def price_vector(self, table: Mapping[str, float], what: str) -> np.ndarray:
        """Prices of every good as a vector in the order of :attr:`goods`."""
        return as_vector(dict(table), self.goods, what, InvalidPriceError)


@dataclasses.dataclass(frozen=True)
class Flows:
    """One group's answers to the account's five questions (hours; money at ``p^e``).

    ``surplus_hours = hours_given − hours_received`` and ``surplus_money = taxes +
    underpayment + overpayment`` for a group that gives; for the state (``receives``)
    ``surplus_hours = hours_received − hours_given``.
    """

    hours_given: float
    hours_received: float
    taxes: float
    underpayment: float
    overpayment: float
    receives: bool = False
    detail: Mapping[str, Any] = dataclasses.field(default_factory=dict, compare=False)

    @property
    def surplus_hours(self) -> float:
        d = self.hours_given - self.hours_received
        return -d if self.receives else d

    @property
    def surplus_money(self) -> float:
        return self.taxes + self.underpayment + self.overpayment

    def row(self) -> tuple[float, ...]:
        """``(given, received, surplus_hours, taxes, underpayment, overpayment, surplus)``."""
        return (self.hours_given, self.hours_received, self.surplus_hours, self.taxes,
                self.underpayment, self.overpayment, self.surplus_money)


#: Registered group kinds by their ``kind`` string (see :func:`register_group_kind`).
GROUP_KINDS: dict[str, type[GroupKind]] = {}


@dataclasses.dataclass(frozen=True, kw_only=True)
class GroupKind(abc.ABC):
    """The protocol of a group in a surplus account.

    Subclass it as a frozen, keyword-only dataclass, give it a ``kind`` string, declare
    its parameters with :func:`param` and implement :meth:`flows`; register it with
    :func:`register_group_kind`. :meth:`factors` and :meth:`fund_part` (the group's part of
    the accumulation fund, split among its factors by the Shapley value in
    :func:`nonequivalent.group_sources`) have defaults that treat the whole group as one
    factor.

    Attributes
    ----------
    name : str
        The group's key: snake_case, unique in a scenario (its table ``[groups.<name>]``).
    label : str
        Name printed in reports (default: the key).
    """

    kind: ClassVar[str] = ""
    #: Order of rows in a report (groups of lower rank first; the state last).
    rank: ClassVar[int] = 50

    name: str
    label: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise InvalidGroupError("a group needs a non-empty key (name).")
        if not self.label:
            object.__setattr__(self, "label", self.name)

    @abc.abstractmethod
    def flows(self, ctx: AccountContext) -> Flows:
        """Hours given and received, taxes, underpayment and overpayment (money at p^e)."""

    def factors(self, ctx: AccountContext) -> dict[str, Any]:
        """The group's factors for the sources of accumulation: ``{factor: value}``.

        Default: one factor, named after the kind, holding the group and the prices.
        """
        return {self.kind: (self, ctx.prices)}

    def reads(self, groups: Mapping[str, GroupKind]) -> tuple[tuple[str, str], ...]:
        """``(group key, factor)`` pairs :meth:`fund_part` reads (default: its own)."""
        return tuple((self.name, f) for f in self.factor_names())

    def factor_names(self) -> tuple[str, ...]:
        """Names of the group's own factors (default: the kind)."""
        return (self.kind,)

    def fund_part(self, ctx: AccountContext, factor: Callable[[str, str], Any],
                  measure: str) -> float:
        """The group's part of the accumulation fund with the factors given by ``factor``.

        ``factor(group_key, name)`` returns that factor's value (base or later period).
        Default: the surplus of the group as evaluated in the chosen period.
        """
        group, prices = factor(self.name, self.kind)
        fl = group.flows(dataclasses.replace(ctx, prices=prices))
        return fl.surplus_hours if measure == "hours" else fl.surplus_money

    def normalize(self, sectors: tuple[str, ...], prices: Mapping[str, float],
                  groups: Mapping[str, GroupKind]) -> tuple[GroupKind, dict[str, str]]:
        """Check links with other groups once a scenario is loaded; return the canonical
        group (derived values dropped) and the over-determined keys that were checked.

        Raise :class:`ValueError` with ``(key, message)`` arguments on a disagreement.
        Default: the group unchanged.
        """
        return self, {}


def register_group_kind(cls: type[GroupKind] | None = None, *,
                        replace: bool = False) -> Any:
    """Register a :class:`GroupKind` subclass under its ``kind`` string (a decorator).

    Raises
    ------
    InvalidGroupError
        Not a GroupKind subclass, no ``kind``, or the kind is taken (``replace=True`` to
        override).

    Examples
    --------
    >>> import dataclasses
    >>> import nonequivalent as ne
    >>> @ne.register_group_kind
    ... @dataclasses.dataclass(frozen=True, kw_only=True)
    ... class Pensioners(ne.GroupKind):
    ...     kind = "pensioners-doc"
    ...     def flows(self, ctx):
    ...         return ne.Flows(0.0, 0.0, 0.0, 0.0, 0.0)
    >>> "pensioners-doc" in ne.GROUP_KINDS
    True
    """
    def deco(c: type[GroupKind]) -> type[GroupKind]:
        if not (isinstance(c, type) and issubclass(c, GroupKind)):
            raise InvalidGroupError(f"only GroupKind subclasses can be registered; got {c!r}.")
        if not c.kind or not isinstance(c.kind, str):
            raise InvalidGroupError(f"{c.__name__} needs a class attribute kind = '...'.")
        if c.kind in GROUP_KINDS and GROUP_KINDS[c.kind] is not c and not replace:
            raise InvalidGroupError(
                f"group kind {c.kind!r} is already registered ({GROUP_KINDS[c.kind].__name__});"
                " pass replace=True to override it.")
        GROUP_KINDS[c.kind] = c
        return c

    return deco if cls is None else deco(cls)


def params(cls: type[GroupKind]) -> list[tuple[dataclasses.Field, Param]]:
    """The declared parameters of a group kind, in declaration order."""
    return [(f, f.metadata["param"]) for f in dataclasses.fields(cls)
            if "param" in f.metadata]


def _frozen(d: Mapping[str, float] | None) -> Mapping[str, float] | None:
    return None if d is None else MappingProxyType({str(k): float(v) for k, v in d.items()})


def _close(a: float, b: float, rtol: float = 1e-6) -> bool:
    return abs(a - b) <= rtol * max(abs(a), abs(b), 1e-300)


# ============================================================================ peasants
@register_group_kind
@dataclasses.dataclass(frozen=True, kw_only=True)
class Peasants(GroupKind):
    """Non-state producers (peasant households): sales, purchases, direct taxes.

    Hours given ``λ·s``, received ``λ·d``; money: ``taxes``, underpayment
    ``(p^e − p)·s`` on what they sell, overpayment ``(p − p^e)·d`` on what they buy
    (Preobrazhensky, *The New Economics*, ch. 2; Stalin, 9 July 1928). Their optional
    marketing response ``q(p) = q0 (p/p0)^ε`` passes through the current point: ``q0`` is
    what they sell of ``marketing_good`` and ``p0`` its actual price (derived, not stated).

    Examples
    --------
    >>> Peasants(name="kulaks", sells={"grain": 3.0}, buys={"cloth": 1.0}).label
    'kulaks'
    """

    kind: ClassVar[str] = "peasants"
    rank: ClassVar[int] = 10

    sells: Mapping[str, float] = param("goods sold to the state sector", type="sectors",
                                       unit="goods", default=None)
    buys: Mapping[str, float] = param("goods bought from the state sector", type="sectors",
                                      unit="goods", default=None)
    taxes: float = param("money paid directly to the state", unit="money", default=0.0,
                         minimum=0.0)
    marketing_good: str | None = param("good whose marketings respond to its price",
                                       type="string", key="marketing.good", default=None)
    marketing_elasticity: float | None = param(
        "price elasticity ε of marketings", key="marketing.elasticity", minimum=0.0,
        default=None)

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "sells", _frozen(self.sells or {}))
        object.__setattr__(self, "buys", _frozen(self.buys or {}))
        object.__setattr__(self, "taxes", float(self.taxes))

    def group(self) -> Group:
        """The group as a :class:`nonequivalent.Group` (named by its label)."""
        return Group(self.label, sells=dict(self.sells), buys=dict(self.buys),
                     taxes=self.taxes)

    def __call__(self) -> Group:
        return self.group()

    def normalize(self, sectors, prices, groups):
        if (self.marketing_good is None) != (self.marketing_elasticity is None):
            raise ValueError(f"{self.name}.marketing",
                             "give both marketing.good and marketing.elasticity, or neither")
        if self.marketing_good is not None:
            if self.marketing_good not in sectors:
                raise ValueError(f"{self.name}.marketing.good",
                                 f"unknown sector {self.marketing_good!r}; sectors are "
                                 f"{list(sectors)}")
            if not self.sells.get(self.marketing_good, 0.0) > 0:
                raise ValueError(f"{self.name}.marketing.good",
                                 f"the group sells no {self.marketing_good!r}, so its "
                                 f"marketing response has no current point (q0 = "
                                 f"{self.name}.sells.{self.marketing_good} must be > 0)")
        return self, {}

    def _vectors(self, ctx: AccountContext) -> tuple[np.ndarray, np.ndarray]:
        return self.group().vectors(ctx.goods)

    def _purchases(self, ctx: AccountContext, p: np.ndarray, s: np.ndarray, d: np.ndarray,
                   tau: float) -> np.ndarray:
        if not ctx.spend_income:
            return d
        proceeds = float(p @ s) - tau
        cost = float(p @ d)
        if proceeds < 0:
            raise InvalidGroupError(
                f"{self.label}: the taxes {tau:g} exceed the sales proceeds {p @ s:g}, so "
                "they cannot spend their income on purchases (spend_income=True); lower the "
                "taxes or raise sales.")
        if not cost > 0:
            raise InvalidGroupError(
                f"{self.label}: the purchases cost nothing at the actual prices, so "
                "spend_income=True cannot scale them; give a purchase composition with a "
                "price.")
        return d * (proceeds / cost)

    def _exchange(self, ctx: AccountContext, p: np.ndarray, s: np.ndarray, d: np.ndarray,
                  tau: float) -> Any:
        d = self._purchases(ctx, p, s, d, tau)
        g = Group.from_arrays(self.label, s, d, ctx.goods, taxes=tau)
        return exchange_account(ctx.economy, g, p, ctx.benchmark)

    def flows(self, ctx: AccountContext) -> Flows:
        s, d = self._vectors(ctx)
        exch = self._exchange(ctx, ctx.prices, s, d, self.taxes)
        r = exch.by_group.iloc[0]
        return Flows(float(r["labour_given"]), float(r["labour_received"]),
                     float(r["taxes"]), float(r["underpayment"]), float(r["overpayment"]),
                     detail={"exchange": exch})

    def factor_names(self) -> tuple[str, ...]:
        return ("price policy", "marketings", "taxes")

    def factors(self, ctx: AccountContext) -> dict[str, Any]:
        return {"price policy": ctx.prices, "marketings": self._vectors(ctx),
                "taxes": self.taxes}

    def fund_part(self, ctx, factor, measure):
        s, d = factor(self.name, "marketings")
        exch = self._exchange(ctx, factor(self.name, "price policy"), s, d,
                              factor(self.name, "taxes"))
        r = exch.by_group.iloc[0]
        return float(r["labour_transfer"] if measure == "hours" else r["tribute"])


# ============================================================================ workers
@register_group_kind
@dataclasses.dataclass(frozen=True, kw_only=True)
class WorkerCategory(GroupKind):
    """A category of waged workers: number, hours, and the real wage as one system.

    The basket is ``b = (1 − δ) b_0``: the base-year basket ``b_0`` cut by the real-wage
    cut ``δ``; the money wage buys it at the retail prices, ``w = p_r·b`` (the actual
    prices when no retail prices are given). A scenario file states ``b_0`` and ``δ``;
    a file that also states ``basket`` or ``money_wage`` is checked against them.
    In code, ``money_wage`` may be given to decouple the wage from the basket.

    Hours given ``N h`` (less the extra earners of linked households), received
    ``N λ·b``; money: underpayment on labour power ``N (μ h − w)`` (less the carve-out),
    overpayment at retail ``N (p_r − p^e)·b`` (Marx, *Capital* I, ch. 6–9).

    Examples
    --------
    >>> w = WorkerCategory(name="workers", number=10, hours=8, base_basket={"grain": 4},
    ...                    real_wage_cut=0.5)
    >>> dict(w.consumed_basket())
    {'grain': 2.0}
    """

    kind: ClassVar[str] = "workers"
    rank: ClassVar[int] = 20

    number: float = param("number of workers N (households' extra earners included)",
                          unit="people", positive=True)
    hours: float = param("hours worked per worker h", unit="hours", positive=True)
    base_basket: Mapping[str, float] = param(
        "basket b_0 the wage bought in the base year", type="sectors", unit="goods",
        key="real_wage.base_basket", default=None)
    real_wage_cut: float = param("share δ of the real wage lost against the base year",
                                 unit="share", key="real_wage.cut", default=0.0,
                                 minimum=0.0, below=1.0)
    retail_prices: Mapping[str, float] | None = param(
        "retail prices p_r paid by workers (default: the actual prices)", type="prices",
        unit="price", default=None)
    basket: Mapping[str, float] | None = param(
        "basket b (derived: (1 − cut) × base_basket; checked if stated)", type="sectors",
        unit="goods", default=None)
    money_wage: float | None = param(
        "money wage w (derived: the basket at retail prices; checked if stated)",
        unit="money", positive=True, default=None)

    def __post_init__(self) -> None:
        super().__post_init__()
        cut = float(self.real_wage_cut)
        if not 0.0 <= cut < 1.0:
            raise InvalidHouseholdError(f"{self.name}: the real-wage cut must be in [0, 1), "
                                        f"got {cut:g}.")
        object.__setattr__(self, "real_wage_cut", cut)
        base, basket = _frozen(self.base_basket), _frozen(self.basket)
        if base is None and basket is None:
            raise InvalidHouseholdError(
                f"{self.name}: give the base basket (real_wage.base_basket) and the cut, "
                "or the basket.")
        if base is None:
            base = _frozen({k: v / (1.0 - cut) for k, v in basket.items()})
        object.__setattr__(self, "base_basket", base)
        object.__setattr__(self, "basket", basket)
        object.__setattr__(self, "retail_prices", _frozen(self.retail_prices))
        object.__setattr__(self, "number", float(self.number))
        object.__setattr__(self, "hours", float(self.hours))
        if self.money_wage is not None:
            object.__setattr__(self, "money_wage", float(self.money_wage))

    def consumed_basket(self) -> Mapping[str, float]:
        """``b = (1 − δ) b_0`` (or the stated basket when given in code)."""
        if self.basket is not None:
            return self.basket
        return MappingProxyType({k: (1.0 - self.real_wage_cut) * v
                                 for k, v in self.base_basket.items()})

    def wage(self, prices: Mapping[str, float]) -> float:
        """The money wage: stated, or the basket at retail (or actual) prices."""
        if self.money_wage is not None:
            return self.money_wage
        pr = self.retail_prices if self.retail_prices is not None else prices
        return float(sum(q * float(pr.get(g, 0.0)) for g, q in self.consumed_basket().items()))

    def normalize(self, sectors, prices, groups):
        checked: dict[str, str] = {}
        base = self.base_basket
        derived = {k: (1.0 - self.real_wage_cut) * v for k, v in base.items()}
        if self.basket is not None and self.base_basket is not None:
            stated = dict(self.basket)
            goods = sorted(set(stated) | set(derived))
            bad = [g for g in goods if not _close(stated.get(g, 0.0), derived.get(g, 0.0))]
            if bad:
                g = bad[0]
                raise ValueError(
                    f"{self.name}.basket",
                    f"{self.name}.basket.{g} = {stated.get(g, 0.0):g} disagrees with "
                    f"(1 − {self.name}.real_wage.cut) × {self.name}.real_wage.base_basket."
                    f"{g} = (1 − {self.real_wage_cut:g}) × {base.get(g, 0.0):g} = "
                    f"{derived.get(g, 0.0):g}; state the base basket and the cut (the basket "
                    "follows), or make them agree")
            checked[f"{self.name}.basket"] = "(1 − real_wage.cut) × real_wage.base_basket"
        canon = dataclasses.replace(self, basket=None, money_wage=None,
                                    base_basket=base) if self.basket is not None else \
            dataclasses.replace(self, money_wage=None)
        if self.money_wage is not None:
            w = canon.wage(prices)
            if not _close(self.money_wage, w):
                where = (f"{self.name}.retail_prices" if self.retail_prices is not None
                         else "prices")
                raise ValueError(
                    f"{self.name}.money_wage",
                    f"{self.name}.money_wage = {self.money_wage:g} disagrees with "
                    f"{self.name}.basket (= (1 − {self.name}.real_wage.cut) × "
                    f"{self.name}.real_wage.base_basket, cut {self.real_wage_cut:g}) at "
                    f"{where} = {w:g}; the money wage buys the basket: drop one of them "
                    "or make them agree")
            checked[f"{self.name}.money_wage"] = "basket at retail prices"
        return canon, checked

    def households(self, groups: Mapping[str, GroupKind]) -> list[WorkerHouseholds]:
        """The household groups whose extra earners belong to this category."""
        return [g for g in groups.values()
                if isinstance(g, WorkerHouseholds) and g.category(groups) is self]

    def _retail(self, ctx: AccountContext) -> np.ndarray:
        if self.retail_prices is None:
            return ctx.prices
        return ctx.price_vector(self.retail_prices, f"{self.label} retail prices")

    def _basket(self, ctx: AccountContext, bbar: np.ndarray, w: float,
                pr: np.ndarray) -> np.ndarray:
        if not ctx.spend_income:
            return bbar
        cost = float(pr @ bbar)
        if not cost > 0:
            raise InvalidPriceError(
                f"{self.label}: the basket costs nothing at retail prices, so spend_income="
                "True cannot turn the money wage into a basket; give positive retail prices.")
        return bbar * (w / cost)

    def _resolved(self, ctx: AccountContext) -> tuple[np.ndarray, np.ndarray, float]:
        bbar = ctx.quantities(self.consumed_basket(), f"{self.label} basket")
        pr = self._retail(ctx)
        w = self.money_wage if self.money_wage is not None else float(pr @ bbar)
        return bbar, pr, w

    def flows(self, ctx: AccountContext) -> Flows:
        bbar, pr, w = self._resolved(ctx)
        b = self._basket(ctx, bbar, w, pr)
        N, h, mu = self.number, self.hours, ctx.melt
        hh = self.households(ctx.groups)
        X = sum(g.extra_earners(ctx.groups) for g in hh)
        XH = sum(g.extra_earners(ctx.groups) * g.hours(ctx.groups) for g in hh)
        if X > N * (1 + 1e-12):
            raise InvalidHouseholdError(
                f"the extra earners H (m1 − m0) = {X:g} of the households linked to "
                f"'{self.label}' exceed its {N:g} workers; the number must include them.")
        v = float(ctx.values @ b)
        given = N * h - XH
        under = N * (mu * h - w) - mu * XH
        over = N * float((pr - ctx.pe) @ b)
        return Flows(given, N * v, 0.0, under, over,
                     detail={"basket": b, "retail": pr, "wage": w, "extra_earners": X,
                             "retail_margin": N * float((pr - ctx.prices) @ b)})

    def factor_names(self) -> tuple[str, ...]:
        return ("real wage", "money wage", "retail margins", "employment")

    def reads(self, groups):
        own = tuple((self.name, f) for f in self.factor_names())
        return own + tuple((g.name, "extra earners") for g in self.households(groups))

    def factors(self, ctx: AccountContext) -> dict[str, Any]:
        bbar, pr, w = self._resolved(ctx)
        X = sum(g.extra_earners(ctx.groups) for g in self.households(ctx.groups))
        return {"real wage": bbar, "money wage": w, "retail margins": pr,
                "employment": (self.number - X, self.hours)}

    def fund_part(self, ctx, factor, measure):
        bbar = factor(self.name, "real wage")
        w = factor(self.name, "money wage")
        pr = factor(self.name, "retail margins")
        primary, h = factor(self.name, "employment")
        X = sum(factor(g.name, "extra earners")[0] for g in self.households(ctx.groups))
        b = self._basket(ctx, bbar, w, pr)
        n = primary + X
        if measure == "hours":
            return n * (h - float(ctx.values @ b))
        return n * (ctx.melt * h - w + float((pr - ctx.pe) @ b))


@register_group_kind
@dataclasses.dataclass(frozen=True, kw_only=True)
class WorkerHouseholds(GroupKind):
    """Worker households by earner composition, against a counterfactual of fewer earners.

    ``H`` households with ``m1`` earners of ``h_f`` hours keep the family basket that
    ``m0`` earners bought before (Marx, *Capital* I, ch. 15 §3a; Goldman 2022 for the
    two-earner Soviet family after 1929). Hours given ``X h_f`` with ``X = H (m1 − m0)``
    extra earners, received 0; money ``μ X h_f``. The extra earners are among the workers
    of the linked category ``workers``, and their hours are carved out of its row.

    Derived when absent: ``workers`` (the scenario's only worker category), ``number``
    (every worker of the category in such a household: ``N / m1``), ``hours_per_earner``
    (the category's hours) and ``basket`` (the category's base basket).

    Examples
    --------
    >>> WorkerHouseholds(name="families", earners=2, members=4).counterfactual_earners
    1.0
    """

    kind: ClassVar[str] = "worker-households"
    rank: ClassVar[int] = 30

    workers: str | None = param("key of the worker category the earners belong to",
                                type="group", default=None)
    number: float | None = param("number of households H (default: workers / earners)",
                                 unit="people", minimum=0.0, default=None)
    members: int = param("members per household", type="integer", unit="persons",
                         minimum=1)
    earners: int = param("earners per household m1", type="integer", unit="persons",
                         minimum=1)
    counterfactual_earners: float = param("earners m0 in the counterfactual",
                                          unit="persons", positive=True, default=1.0)
    hours_per_earner: float | None = param("hours per earner (default: the workers' hours)",
                                           unit="hours", positive=True, default=None)
    basket: Mapping[str, float] | None = param(
        "family basket (default: the workers' base basket)", type="sectors", unit="goods",
        default=None)
    domestic_hours: float = param("unpaid domestic hours per household", unit="hours",
                                  minimum=0.0, default=0.0)

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.earners > self.members:
            raise InvalidHouseholdError(f"{self.name}: {self.earners} earners in a household "
                                        f"of {self.members} members.")
        if self.counterfactual_earners > self.earners:
            raise InvalidHouseholdError(
                f"{self.name}: the counterfactual has {self.counterfactual_earners:g} "
                f"earners per household, more than the {self.earners:g}; it must be at "
                "most m1.")
        object.__setattr__(self, "counterfactual_earners", float(self.counterfactual_earners))
        object.__setattr__(self, "basket", _frozen(self.basket))

    def category(self, groups: Mapping[str, GroupKind]) -> WorkerCategory:
        """The worker category the earners belong to."""
        if self.workers is not None:
            g = groups.get(self.workers)
            if not isinstance(g, WorkerCategory):
                raise InvalidHouseholdError(
                    f"{self.name}.workers = {self.workers!r} is not a worker category; "
                    f"worker categories: "
                    f"{[k for k, v in groups.items() if isinstance(v, WorkerCategory)]}.")
            return g
        cats = [g for g in groups.values() if isinstance(g, WorkerCategory)]
        if len(cats) != 1:
            raise InvalidHouseholdError(
                f"{self.name}: say which worker category the earners belong to "
                f"(workers = ...); there are {len(cats)}.")
        return cats[0]

    def normalize(self, sectors, prices, groups):
        try:
            self.category(groups)
        except InvalidHouseholdError as exc:
            raise ValueError(f"{self.name}.workers", str(exc).rstrip(".")) from None
        return self, {}

    def households(self, groups: Mapping[str, GroupKind]) -> float:
        """``H``: stated, or the category's workers divided by the earners."""
        if self.number is not None:
            return float(self.number)
        return self.category(groups).number / self.earners

    def hours(self, groups: Mapping[str, GroupKind]) -> float:
        """Hours per earner: stated, or the category's hours."""
        if self.hours_per_earner is not None:
            return float(self.hours_per_earner)
        return self.category(groups).hours

    def family_basket(self, groups: Mapping[str, GroupKind]) -> Mapping[str, float]:
        """The family basket: stated, or the category's base basket."""
        return self.basket if self.basket is not None else \
            self.category(groups).base_basket

    def extra_earners(self, groups: Mapping[str, GroupKind]) -> float:
        """``X = H (m1 − m0)``."""
        return self.households(groups) * (self.earners - self.counterfactual_earners)

    def flows(self, ctx: AccountContext) -> Flows:
        X = self.extra_earners(ctx.groups)
        hf = self.hours(ctx.groups)
        return Flows(X * hf, 0.0, 0.0, ctx.melt * X * hf, 0.0, detail={"extra_earners": X})

    def factor_names(self) -> tuple[str, ...]:
        return ("extra earners",)

    def factors(self, ctx: AccountContext) -> dict[str, Any]:
        return {"extra earners": (self.extra_earners(ctx.groups), self.hours(ctx.groups))}

    def fund_part(self, ctx, factor, measure):
        # in the fund every earner gives what a worker of the category gives: the extra
        # earners enter through their category's part (WorkerCategory.fund_part)
        return 0.0


@register_group_kind
@dataclasses.dataclass(frozen=True, kw_only=True)
class State(GroupKind):
    """The state: receives what the other groups give and gives what they receive.

    Its surplus, ``received − given`` in hours and the sum of the others' money
    surpluses, is the accumulation fund (Preobrazhensky, *The New Economics*, ch. 2).
    """

    kind: ClassVar[str] = "state"
    rank: ClassVar[int] = 1000

    def flows(self, ctx: AccountContext) -> Flows:
        rows = [g.flows(ctx) for g in ctx.groups.values() if not isinstance(g, State)]
        return Flows(sum(r.hours_received for r in rows), sum(r.hours_given for r in rows),
                     sum(r.taxes for r in rows), sum(r.underpayment for r in rows),
                     sum(r.overpayment for r in rows), receives=True)

    def factor_names(self) -> tuple[str, ...]:
        return ()

    def factors(self, ctx: AccountContext) -> dict[str, Any]:
        return {}

    def fund_part(self, ctx, factor, measure):
        return 0.0
