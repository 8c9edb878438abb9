"""The group protocol: parameters, the account context, flows, the registry of kinds."""

from __future__ import annotations

import abc
import dataclasses
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from .._validation import as_float, as_number, as_vector
from ..core.economy import Economy
from ..errors import (
    InvalidGroupError,
    InvalidPriceError,
    LabelMismatchError,
    NonequivalentError,
)
from ..exchange.account import Benchmark

__all__ = [
    "GROUP_KINDS",
    "AccountContext",
    "BatchContext",
    "Flows",
    "GroupKind",
    "Param",
    "flow_row",
    "param",
    "params",
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
        s = pd.Series({str(k): as_float(v, f"{what} ({k!r})", InvalidGroupError)
                       for k, v in table.items()}, dtype=float)
        return s.reindex(self.goods, fill_value=0.0).to_numpy(dtype=float)

    def price_vector(self, table: Mapping[str, float], what: str) -> np.ndarray:
        """Prices of every good as a vector in the order of :attr:`goods`."""
        return as_vector(dict(table), self.goods, what, InvalidPriceError)


class BatchContext:
    """What a group kind's array methods are computed against: a batch of ``D`` draws.

    The arrays have the draws on their first axis (length ``D``, or 1 when no draw moves
    them) and the goods on the last: labour values :attr:`values` ``λ``, actual prices
    :attr:`prices` ``p``, benchmark prices :attr:`pe` ``p^e``; :attr:`melt` ``μ`` is an
    array of draws or a float. :meth:`param` gives a group's parameter in every draw (a
    number: an array of ``D`` values or a float; a table: an array draws x goods).
    :meth:`flag` marks draws that the per-draw report must compute (it raises the precise
    error). Built by the surplus report (:mod:`nonequivalent.report.compute`).
    """

    def __init__(self, D: int, goods: pd.Index, values: np.ndarray, prices: np.ndarray,
                 pe: np.ndarray, melt: Any, groups: Mapping[str, GroupKind],
                 param: Callable[[GroupKind, str], Any], bad: np.ndarray) -> None:
        self.D, self.goods, self.values, self.prices, self.pe = D, goods, values, prices, pe
        self.melt, self.groups, self._param, self.bad = melt, groups, param, bad
        self.cache: dict[Any, Any] = {}

    def param(self, group: GroupKind, field: str) -> Any:
        """A parameter of a group in every draw (drawn, or the group's own value)."""
        return self._param(group, field)

    def flag(self, mask: Any) -> None:
        """Mark draws (a boolean per draw, or one for all) for the per-draw report."""
        self.bad |= np.broadcast_to(np.asarray(mask, dtype=bool), self.bad.shape)

    def with_melt(self, melt: Any) -> BatchContext:
        """The same batch with another ``μ`` (the sources hold the base period's)."""
        out = BatchContext(self.D, self.goods, self.values, self.prices, self.pe, melt,
                           self.groups, self._param, self.bad)
        out.cache = self.cache
        return out


def dot(a: Any, b: Any) -> Any:
    """Dot products over the goods (the last axis), for vectors or batches of draws."""
    return np.einsum("...n,...n->...", a, b)


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

    def __post_init__(self) -> None:
        # real numbers only: a complex flow is refused, never cut to its real part; an
        # array, a string or a boolean is a kind's mistake, named here (NaN and inf pass,
        # for the account to name the group)
        for field in ("hours_given", "hours_received", "taxes", "underpayment",
                      "overpayment"):
            object.__setattr__(self, field, as_float(
                getattr(self, field), f"a group's flows: {field}", InvalidGroupError))
        # frozen all the way down: a read-only mapping, arrays copied and read-only
        frozen = {}
        for k, v in dict(self.detail).items():
            if isinstance(v, np.ndarray):
                v = v.copy()
                v.setflags(write=False)
            frozen[k] = v
        object.__setattr__(self, "detail", MappingProxyType(frozen))

    @property
    def surplus_hours(self) -> float:
        return self.row()[2]

    @property
    def surplus_money(self) -> float:
        return self.row()[6]

    def row(self) -> tuple[float, ...]:
        """``(given, received, surplus_hours, taxes, underpayment, overpayment, surplus)``."""
        return flow_row(self.hours_given, self.hours_received, self.taxes,
                        self.underpayment, self.overpayment, receives=self.receives)


def flow_row(given: Any, received: Any, taxes: Any, underpayment: Any, overpayment: Any,
             receives: bool = False) -> tuple[Any, ...]:
    """A group's account row from its five flows (floats or arrays of draws).

    ``(given, received, surplus_hours, taxes, underpayment, overpayment, taxes +
    underpayment + overpayment)`` with ``surplus_hours = given − received`` for a group that
    gives and ``received − given`` for the state (``receives``): the surplus in hours and
    in money at the benchmark (Barsov 1969; Ellman, *Economic Journal* 85, 1975; Stalin,
    9 July 1928, for the three parts of the money surplus). Used by :class:`Flows` and by
    the batch report.
    """
    surplus = received - given if receives else given - received
    return (given, received, surplus, taxes, underpayment, overpayment,
            taxes + underpayment + overpayment)


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

    #: The error raised for a parameter that is missing or not finite.
    _error: ClassVar[type[NonequivalentError]] = InvalidGroupError

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise InvalidGroupError("a group needs a non-empty key (name).")
        if not isinstance(self.label, str):
            raise InvalidGroupError(f"{self.name}: the label must be a string.")
        if not self.label:
            object.__setattr__(self, "label", self.name)
        for f, meta in params(type(self)):
            value = getattr(self, f.name)
            if value is not None:
                object.__setattr__(self, f.name, self._checked(f.name, meta, value))
            elif not meta.optional:
                raise self._error(f"{self.name}: {meta.doc} ({f.name}) is required: "
                                  f"{meta.allowed()}.")

    def _checked(self, field: str, meta: Param, value: Any) -> Any:
        """A declared parameter through the guarded conversion (the declared bounds are
        those of a scenario file, checked by its loader and by each kind where they hold in
        code too).

        Numbers: strings, complex numbers, booleans, NaN, infinities and integers beyond
        float range are refused; tables go through
        :func:`_frozen`; strings and group keys must be strings.
        """
        what = f"{self.name}: {meta.doc} ({field})"
        if meta.type in ("sectors", "prices"):
            return _frozen(value, what)
        if meta.type in ("string", "group"):
            if not isinstance(value, str):
                raise InvalidGroupError(f"{what} must be a string; got "
                                        f"{type(value).__name__}.")
            return value
        v = as_float(value, what, InvalidGroupError)
        if not np.isfinite(v):
            raise self._error(f"{what} must be a finite number; got {v}.")
        # integers in a scenario file; averages (1.3 earners) are allowed in code
        return int(v) if meta.type == "integer" and v == int(v) else v

    @abc.abstractmethod
    def flows(self, ctx: AccountContext) -> Flows:
        """Hours given and received, taxes, underpayment and overpayment (money at p^e)."""

    def batch_flows(self, bctx: BatchContext) -> tuple[Any, ...] | None:
        """:meth:`flows` for a whole batch of draws: the five flows as arrays of draws.

        Optional. The default returns ``None``: the account then calls :meth:`flows`
        draw by draw. A kind that implements it (with :meth:`batch_factors` and
        :meth:`batch_fund_part`) is computed on the whole batch at once.
        """
        return None

    def batch_factors(self, bctx: BatchContext) -> dict[str, Any] | None:
        """:meth:`factors` for a batch of draws (arrays of draws); ``None``: per draw."""
        return None

    def batch_fund_part(self, bctx: BatchContext, factor: Callable[[str, str], Any],
                        measure: str) -> Any:
        """:meth:`fund_part` for a batch of draws (factor values are arrays of draws)."""
        raise NotImplementedError(f"{type(self).__name__} computes its part of the fund "
                                  "per draw only")

    @classmethod
    def batched(cls) -> bool:
        """Whether the kind computes its flows and factors on a whole batch of draws."""
        return cls.batch_flows is not GroupKind.batch_flows and \
            cls.batch_factors is not GroupKind.batch_factors

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

    A class of the same name registered again (a notebook cell run twice) replaces the
    earlier one.

    Raises
    ------
    InvalidGroupError
        Not a GroupKind subclass, no ``kind``, or the kind is taken by a class of another
        name (``replace=True`` to override).

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
        taken = GROUP_KINDS.get(c.kind)
        # a class defined again under the same name (a re-run notebook cell) replaces
        # its earlier definition; another class needs replace=True
        if taken is not None and taken is not c and not replace \
                and taken.__qualname__ != c.__qualname__:
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


def _frozen(d: Mapping[str, float] | None,
            what: str = "a group's quantities or prices") -> Mapping[str, float] | None:
    """A read-only mapping good -> finite non-negative number (None stays None).

    Through the guarded conversion: strings, complex numbers, booleans, NaN, infinities,
    negative entries and integers beyond float range raise :class:`InvalidGroupError`.
    """
    if d is None:
        return None
    if not isinstance(d, Mapping):
        raise InvalidGroupError(f"{what} must be a mapping good -> number, e.g. "
                                f"{{'grain': 10}}; got {type(d).__name__}.")
    return MappingProxyType({str(k): as_number(v, f"{what} ({k!r})", InvalidGroupError,
                                               allow_zero=True) for k, v in d.items()})


def _close(a: float, b: float, rtol: float = 1e-6) -> bool:
    return abs(a - b) <= rtol * max(abs(a), abs(b), 1e-300)

