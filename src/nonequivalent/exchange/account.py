"""Exchange accounts between social groups, measured against a named benchmark.

A group ``g`` (peasants, workers, the state, a region, ...) sells a bundle ``s_g``, buys a
bundle ``d_g`` at the actual prices ``p`` and pays taxes ``τ_g``. Whether that exchange is
*equivalent* depends on what "equivalent" means, so every account is measured against an
explicit :class:`Benchmark` ``p^e``: labour-value prices ``μλ`` (with the MELT ``μ`` named),
prices of production at a profit rate, base-period (e.g. 1913) relative prices,
world-market prices at an exchange rate, or prices the user gives.

For every group the account reports

* labour given ``λ·s_g`` and received ``λ·d_g`` (hours), the labour transfer
  ``T_g = λ·s_g − λ·d_g`` and the non-equivalence ratio ``E_g = λ·s_g / λ·d_g``
  (Preobrazhensky, *The New Economics* (1926; transl. B. Pearce, 1965), ch. 2: exchange of
  a smaller quantity of labour of one system for a larger quantity of the other);
* the money transfer at benchmark prices split as Stalin split the 1928 "tribute":
  ``underpayment = (p^e − p)·s_g`` on what the group sells, ``overpayment = (p − p^e)·d_g``
  on what it buys, and ``tribute = τ_g + underpayment + overpayment`` (J. V. Stalin,
  "Industrialisation of the Country and the Right Deviation in the C.P.S.U.(B.)", speech to
  the plenum of the Central Committee, 9 July 1928, *Works* vol. 11).

Background: W. Z. Goldman, "Blood on the Red Banner", *International Review of Social
History* (2022), sections on NEP, the grain crisis and the July 1928 plenum.

>>> import nonequivalent as ne
>>> eco = ne.Economy([[0.0, 0.0], [0.0, 0.0]], labour=[1.0, 1.0],
...                  sectors=["grain", "cloth"])
>>> peasants = ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 5})
>>> state = ne.Group("state", sells={"cloth": 5}, buys={"grain": 10})
>>> bench = ne.labour_value_benchmark(eco)          # μ = 1: prices in hours
>>> acc = ne.exchange_account(eco, [peasants, state], {"grain": 0.5, "cloth": 1.0}, bench)
>>> acc.by_group[["labour_transfer", "underpayment", "overpayment", "tribute"]]
          labour_transfer  underpayment  overpayment  tribute
group
peasants              5.0           5.0          0.0      5.0
state                -5.0           0.0         -5.0     -5.0
>>> acc.is_consistent
True
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Iterable, Mapping, Sequence
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from .._deprecation import moved_names
from .._results import FrozenPandas, Result, format_number
from .._validation import as_array, as_number, as_vector, require_finite
from ..core.economy import Economy
from ..errors import InvalidGroupError, InvalidPriceError, LabelMismatchError
from .benchmarks import (
    Benchmark,
    _as_benchmark,
    _fmt,
    _labelled_floats,
    base_period_benchmark,
    given_benchmark,
    labour_value_benchmark,
    production_price_benchmark,
    world_price_benchmark,
)

__all__ = [
    "Benchmark",
    "ConsistencyCheck",
    "ExchangeAccount",
    "Group",
    "base_period_benchmark",
    "exchange_account",
    "given_benchmark",
    "labour_value_benchmark",
    "production_price_benchmark",
    "stalin_parts",
    "world_price_benchmark",
]

#: Columns of :attr:`ExchangeAccount.by_group`, in order.
GROUP_COLUMNS = ("labour_given", "labour_received", "labour_transfer",
                 "nonequivalence_ratio", "underpayment", "overpayment", "taxes", "tribute")

#: Columns of :attr:`ExchangeAccount.by_good`, in order.
GOOD_COLUMNS = ("sold", "bought", "labour_given", "labour_received", "labour_transfer",
                "price_ratio", "underpayment", "overpayment")

_GROUP_COLUMNS_INDEX = pd.Index(GROUP_COLUMNS)

#: Relative tolerance of the flow-consistency check (sales = purchases, good by good).
CONSISTENCY_RTOL = 1e-9




def _quantities(data: Any, what: str) -> pd.Series:
    if data is None:
        return pd.Series(dtype=float)
    if not isinstance(data, Mapping | pd.Series):
        raise InvalidGroupError(
            f"{what} must be a Series or a mapping {{good: quantity}}; got "
            f"{type(data).__name__}. For unlabelled arrays use Group.from_arrays(...).")
    s = _labelled_floats(data, what, error=InvalidGroupError,
                         duplicate_error=InvalidGroupError,
                         expected="a Series or a mapping {good: quantity}",
                         numeric="numeric quantities")
    v = s.to_numpy()
    if (~np.isfinite(v)).any():
        raise InvalidGroupError(f"{what} has NaN or infinite quantities at "
                                f"{list(s.index[~np.isfinite(v)])[:10]}.")
    if (v < 0).any():
        raise InvalidGroupError(
            f"{what} has negative quantities at {list(s.index[v < 0])[:10]}; record a "
            "purchase under buys= and a sale under sells=, both >= 0.")
    return s


@dataclasses.dataclass(frozen=True, eq=False)
class Group(FrozenPandas):
    """A social group (peasants, workers, the state, a region) and its market flows.

    Parameters
    ----------
    name : str
        Unique name of the group in an account.
    sells, buys : Series or mapping {good: quantity}
        Quantities sold and bought (>= 0). Goods not listed are zero; labels must be goods
        of the economy the account is computed for.
    taxes : float
        Money paid directly to the state (negative: a net subsidy received).

    Raises
    ------
    InvalidGroupError
        Negative or non-finite quantities, duplicated goods, non-finite taxes, an empty
        name, or a group that neither sells nor buys anything (its exchange has no
        non-equivalence ratio; put a tax-only payer's taxes on a trading group).

    Notes
    -----
    The flows are those of Preobrazhensky's exchange between the state economy and the
    private (peasant) economy, *The New Economics*, ch. 2; taxes are Stalin's third part
    of the tribute (speech of 9 July 1928, *Works* vol. 11).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> g = ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 3}, taxes=2.0)
    >>> g.sells.to_dict(), g.buys.to_dict(), g.taxes
    ({'grain': 10.0}, {'cloth': 3.0}, 2.0)

    ``sells`` and ``buys`` are copies on every access: editing them leaves the group as
    validated (make a new group, or use :func:`dataclasses.replace`, to change it).

    >>> mine = g.sells
    >>> mine["grain"] = -5
    >>> g.sells.to_dict()
    {'grain': 10.0}
    """

    name: str
    sells: pd.Series = dataclasses.field(default_factory=lambda: pd.Series(dtype=float))
    buys: pd.Series = dataclasses.field(default_factory=lambda: pd.Series(dtype=float))
    taxes: float = 0.0

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise InvalidGroupError("a group needs a non-empty name (str).")
        sells = _quantities(self.sells, f"group '{self.name}' sells")
        buys = _quantities(self.buys, f"group '{self.name}' buys")
        sells.name, buys.name = "sells", "buys"
        taxes = as_number(self.taxes, f"group '{self.name}': taxes", InvalidGroupError,
                          allow_negative=True)
        if not (sells.to_numpy() > 0).any() and not (buys.to_numpy() > 0).any():
            raise InvalidGroupError(
                f"group '{self.name}' neither sells nor buys anything; an exchange account "
                "needs at least one good sold or bought.")
        object.__setattr__(self, "sells", sells)
        object.__setattr__(self, "buys", buys)
        object.__setattr__(self, "taxes", taxes)

    @classmethod
    def from_arrays(cls, name: str, sells: Any, buys: Any, goods: Sequence[Hashable],
                    taxes: float = 0.0) -> Group:
        """Build a group from unlabelled arrays in the order of ``goods``.

        >>> import nonequivalent as ne
        >>> g = ne.Group.from_arrays("workers", [0, 0], [2, 1], goods=["grain", "cloth"])
        >>> g.buys.to_dict()
        {'grain': 2.0, 'cloth': 1.0}
        """
        goods = pd.Index(list(goods))
        arrays = []
        for label, arr in (("sells", sells), ("buys", buys)):
            a = as_array(arr, f"group '{name}' {label}", InvalidGroupError)
            if a.shape != (len(goods),):
                raise InvalidGroupError(f"group '{name}' {label} has shape {a.shape}; "
                                        f"expected ({len(goods)},), one entry per good.")
            arrays.append(pd.Series(a, index=goods))
        return cls(name, sells=arrays[0], buys=arrays[1], taxes=taxes)

    def vectors(self, goods: pd.Index) -> tuple[np.ndarray, np.ndarray]:
        """``(s, d)`` as numpy vectors in the order of ``goods`` (missing goods are 0).

        Raises :class:`~nonequivalent.LabelMismatchError` for goods not in ``goods``.

        >>> import pandas as pd, nonequivalent as ne
        >>> ne.Group("g", sells={"a": 1}).vectors(pd.Index(["a", "b"]))
        (array([1., 0.]), array([0., 0.]))
        """
        if not isinstance(goods, pd.Index):
            goods = pd.Index(goods)
        out = []
        for label, s in (("sells", self.sells), ("buys", self.buys)):
            if s.index.equals(goods):                     # already aligned
                out.append(s.to_numpy(dtype=float, copy=True))
                continue
            pos = goods.get_indexer(s.index)              # hash lookup, no Python loop
            if (pos < 0).any():
                unknown = list(s.index[pos < 0])
                raise LabelMismatchError(
                    f"group '{self.name}' {label} goods {unknown[:10]} that the economy does "
                    f"not have; its goods are {list(goods)[:10]}. Rename them to match.")
            vec = np.zeros(len(goods))
            vec[pos] = s.to_numpy(dtype=float)
            out.append(vec)
        return out[0], out[1]

    def __str__(self) -> str:
        sells = ", ".join(f"{k}: {_fmt(v)}" for k, v in self.sells.items() if v) or "nothing"
        buys = ", ".join(f"{k}: {_fmt(v)}" for k, v in self.buys.items() if v) or "nothing"
        return f"Group '{self.name}': sells {sells}; buys {buys}; taxes {_fmt(self.taxes)}"


def _as_groups(groups: Group | Iterable[Group]) -> list[Group]:
    if isinstance(groups, Group):
        groups = [groups]
    out = list(groups)
    if not out:
        raise InvalidGroupError("give at least one Group.")
    for g in out:
        if not isinstance(g, Group):
            raise InvalidGroupError(f"expected Group objects; got {type(g).__name__}.")
    names = [g.name for g in out]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise InvalidGroupError(f"group names must be unique in an account; repeated: {dup}.")
    return out


def _flows(groups: list[Group], goods: pd.Index) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    S = np.empty((len(goods), len(groups)))
    D = np.empty_like(S)
    for j, g in enumerate(groups):
        S[:, j], D[:, j] = g.vectors(goods)
    taxes = np.array([g.taxes for g in groups], dtype=float)
    return S, D, taxes


def _prepare(economy: Economy, groups: Group | Iterable[Group], benchmark: Any) -> tuple[
        Benchmark, pd.Index, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What every account and sweep needs: the benchmark, the group names, ``λ``,
    ``p^e``, the flows ``S``, ``D`` (goods x groups) and the taxes by group."""
    bench = _as_benchmark(benchmark)
    gl = _as_groups(groups)
    names = pd.Index([g.name for g in gl], name="group")
    pe = bench.aligned(economy.sectors)
    S, D, taxes = _flows(gl, economy.sectors)
    return bench, names, economy.values_array, pe, S, D, taxes


def _dot(a: Any, b: Any) -> Any:
    """Dot products over the goods, the last axis (leading axes broadcast: groups, draws)."""
    return np.einsum("...n,...n->...", a, b)


def exchange_flows(lam: Any, p: Any, pe: Any, s: Any, d: Any) -> tuple[Any, Any, Any, Any]:
    """Labour given ``λ·s`` and received ``λ·d``, underpayment ``p^e·s − p·s`` and
    overpayment ``p·d − p^e·d`` of a group that sells ``s`` and buys ``d``.

    The one computation of a group's exchange with the state sector: vectors with the goods
    on the last axis and any leading axes (several groups, a batch of draws), used by
    :func:`exchange_account`, :func:`stalin_parts` and the peasants' flows of the surplus
    report. The same product stands on both sides of each difference, so both price parts
    are exactly 0 at ``p = p^e`` (invariant 4).

    Notes
    -----
    Preobrazhensky, *The New Economics*, ch. 2 (labour given and received in the exchange);
    Stalin, plenum of 9 July 1928, *Works* vol. 11: "overpayment in the relatively high
    prices for manufactured goods" and "underpayment in the prices for agricultural
    produce".

    Examples
    --------
    >>> import numpy as np
    >>> [float(x) for x in exchange_flows(np.array([1.0, 2.0]), np.array([0.5, 1.0]),
    ...                                   np.array([1.0, 1.0]), np.array([10.0, 0.0]),
    ...                                   np.array([0.0, 5.0]))]
    [10.0, 10.0, 5.0, 0.0]
    """
    return (_dot(lam, s), _dot(lam, d), _dot(pe, s) - _dot(p, s), _dot(p, d) - _dot(pe, d))


def stalin_parts(p: np.ndarray, pe: np.ndarray, S: np.ndarray,
                 D: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Underpayment ``(p^e − p)·s`` and overpayment ``(p − p^e)·d`` of each group.

    Stalin's two price parts of the tribute, from :func:`exchange_flows`, for
    :func:`nonequivalent.exchange.tribute`. ``S`` and ``D`` are goods x groups (or one
    group's vectors); both parts are exactly 0 at ``p = p^e`` (invariant 4).

    Notes
    -----
    Stalin, plenum of 9 July 1928, *Works* vol. 11.

    Examples
    --------
    >>> import numpy as np
    >>> stalin_parts(np.array([0.5, 1.0]), np.array([1.0, 1.0]), np.array([10.0, 0.0]),
    ...              np.array([0.0, 5.0]))
    (np.float64(5.0), np.float64(0.0))
    """
    S, D = np.moveaxis(np.asarray(S, dtype=float), 0, -1), np.moveaxis(
        np.asarray(D, dtype=float), 0, -1)
    return exchange_flows(pe, p, pe, S, D)[2:]


def _labour_columns(given: np.ndarray, received: np.ndarray,
                    names: pd.Index) -> dict[str, np.ndarray]:
    """Labour given, received, the transfer and the ratio, by group (the first four of
    :data:`GROUP_COLUMNS`)."""
    return {"labour_given": given, "labour_received": received,
            "labour_transfer": given - received,
            "nonequivalence_ratio": _ratio(given, received, names)}


def _ratio(given: np.ndarray, received: np.ndarray, names: pd.Index) -> np.ndarray:
    """``given / received``; ``inf`` where a group gives labour and receives none."""
    undefined = (given == 0) & (received == 0)
    if undefined.any():
        bad = [n for n, u in zip(names, undefined, strict=True) if u]
        raise InvalidGroupError(
            f"groups {bad} trade only goods with zero labour value, so they neither give "
            "nor receive labour and have no non-equivalence ratio.")
    return nonequivalence_ratio(given, received)


def nonequivalence_ratio(given: Any, received: Any) -> Any:
    """``E = λ·s / λ·d``, labour given over labour received (1: equivalent exchange),
    ``inf`` where labour is given and none received (Preobrazhensky, *The New Economics*,
    ch. 2); arrays of groups or draws. NaN where neither is given nor received (the caller
    refuses that)."""
    given, received = np.asarray(given, dtype=float), np.asarray(received, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(received > 0, given / np.where(received > 0, received, 1.0),
                        np.where(given > 0, np.inf, np.nan))


# ============================================================================ results
@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class ConsistencyCheck(Result):
    """Whether the parties' flows are consistent, and if so whether transfers sum to zero.

    Flows are consistent when every sale is some party's purchase: for every good, total
    sold = total bought (relative tolerance :data:`CONSISTENCY_RTOL`). Then the labour
    transfers and the money transfers (underpayment + overpayment) sum to zero exactly,
    because ``Σ_g T_g = λ·(Σ s_g − Σ d_g)`` and ``Σ_g (p^e − p)·(s_g − d_g)`` vanish.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.0]], labour=[1.0], sectors=["grain"])
    >>> acc = ne.exchange_account(eco, ne.Group("p", sells={"grain": 1}), {"grain": 1.0},
    ...                           ne.labour_value_benchmark(eco))
    >>> print(acc.check())
    Flows are NOT consistent: sales - purchases by good {grain: 1.000}
    """

    is_consistent: bool
    imbalance: pd.Series
    labour_transfer_total: float
    money_transfer_total: float
    taxes_total: float
    labour_scale: float = 1.0
    money_scale: float = 1.0

    _title = "Consistency of the exchange flows"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Consistency and the sums of the transfers."""
        return [("consistent", self.is_consistent, ""),
                ("labour transfers", self.labour_transfer_total, "hours"),
                ("money transfers", self.money_transfer_total, "money"),
                ("taxes", self.taxes_total, "money")]

    def to_frame(self) -> pd.DataFrame:
        """Sales minus purchases by good (the imbalance)."""
        return self.imbalance.to_frame("sales - purchases")

    def summary_lines(self) -> list[str]:
        """The verdict, the sums and the imbalance by good."""
        return [self._verdict(), "", *super().summary_lines()]

    @property
    def transfers_sum_to_zero(self) -> bool:
        """Labour and money transfers both sum to zero, to rounding (relative ``1e-9`` of
        the gross flows ``labour_scale`` and ``money_scale``)."""
        return bool(abs(self.labour_transfer_total) <= 1e-9 * max(1.0, self.labour_scale)
                    and abs(self.money_transfer_total) <= 1e-9 * max(1.0, self.money_scale))

    def _verdict(self) -> str:
        if not self.is_consistent:
            imb = ", ".join(f"{k}: {format_number(float(v))}"
                            for k, v in self.imbalance.items() if v != 0)
            return f"Flows are NOT consistent: sales - purchases by good {{{imb}}}"
        return ("Flows are consistent (every sale is a purchase); transfers sum to "
                f"{format_number(self.labour_transfer_total, 'hours')} and "
                f"{format_number(self.money_transfer_total, 'money')} (taxes total "
                f"{format_number(self.taxes_total, 'money')}).")

    def __str__(self) -> str:
        return self._verdict()


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class ExchangeAccount(Result):
    """The exchange account of several groups against one named benchmark.

    Attributes
    ----------
    benchmark : Benchmark
        The equivalence benchmark ``p^e`` every money figure is measured against.
    prices : Series
        The actual prices ``p``.
    values : Series
        Labour values ``λ`` (hours per unit, total over labour kinds).
    by_group : DataFrame
        Indexed by group, columns ``labour_given, labour_received, labour_transfer,
        nonequivalence_ratio`` (hours; ratio ``λ·s/λ·d``, ``inf`` for a group that gives
        labour and receives none) and ``underpayment, overpayment, taxes, tribute`` (money
        at benchmark prices).
    is_consistent : bool
        Every sale is some group's purchase (good by good).

    See :attr:`by_good` for the per-good detail and :meth:`check` for the consistency
    report. Source of the decomposition: Stalin, speech of 9 July 1928 (*Works* vol. 11);
    of the labour accounts: Preobrazhensky, *The New Economics*, ch. 2.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.0, 0.0], [0.0, 0.0]], labour=[2.0, 1.0],
    ...                  sectors=["grain", "cloth"])
    >>> g = ne.Group("peasants", sells={"grain": 1}, buys={"cloth": 1}, taxes=1.0)
    >>> acc = ne.exchange_account(eco, g, {"grain": 1.0, "cloth": 2.0},
    ...                           ne.labour_value_benchmark(eco))
    >>> acc.by_group.loc["peasants", ["nonequivalence_ratio", "tribute"]].to_dict()
    {'nonequivalence_ratio': 2.0, 'tribute': 3.0}
    """

    benchmark: Benchmark
    prices: pd.Series
    values: pd.Series
    by_group: pd.DataFrame
    is_consistent: bool
    _S: np.ndarray = dataclasses.field(repr=False)
    _D: np.ndarray = dataclasses.field(repr=False)
    _pe: np.ndarray = dataclasses.field(repr=False)

    _title = "Exchange account"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """What each giving group gives (net labour, hours) and pays (tribute, money),
        largest first, then the number of groups.

        Totals over all groups would say little: between the groups of a closed account
        the transfers cancel by construction.
        """
        bg = object.__getattribute__(self, "by_group")
        giving = bg[bg["labour_transfer"] > 0].sort_values("labour_transfer",
                                                          ascending=False)
        figs: list[tuple[str, Any, str]] = []
        for name, row in giving.iterrows():
            figs += [(f"{name} give", float(row["labour_transfer"]), "hours"),
                     (f"{name} pay", float(row["tribute"]), "money")]
        if not figs:
            figs.append(("no group gives labour", len(bg), "groups"))
        return [*figs, ("groups", len(bg), "")]

    def benchmark_name(self) -> str:
        """The benchmark every money figure is measured against."""
        return f"money at benchmark '{self.benchmark.name}'"

    def units(self) -> dict[str, str]:
        """Hours for the labour columns, money for the money columns."""
        return {**dict.fromkeys(("labour_given", "labour_received", "labour_transfer"),
                                "hours"),
                **dict.fromkeys(("underpayment", "overpayment", "taxes", "tribute"),
                                "money")}

    @cached_property
    def by_good(self) -> pd.DataFrame:
        """Detail by (group, good): quantities, labour and money, and ``price_ratio``.

        Columns ``sold, bought, labour_given, labour_received, labour_transfer`` (hours
        ``λ_i s_i`` etc.), ``price_ratio = p_i / p^e_i`` (the non-equivalence of the terms
        on that good: 1 equivalent, > 1 dear, < 1 cheap; a per-good labour ratio
        ``λ_i s_i / λ_i d_i`` would reduce to ``s_i / d_i`` and is not reported), and
        ``underpayment = (p^e_i − p_i) s_i``, ``overpayment = (p_i − p^e_i) d_i``.
        """
        goods = self.prices.index
        lam = self.values.to_numpy()
        p = self.prices.to_numpy()
        pe = self._pe
        blocks = []
        for j in range(self._S.shape[1]):
            s, d = self._S[:, j], self._D[:, j]
            blocks.append(np.column_stack([s, d, lam * s, lam * d, lam * (s - d), p / pe,
                                           (pe - p) * s, (p - pe) * d]))
        index = pd.MultiIndex.from_product([self.by_group.index, goods],
                                           names=["group", "good"])
        # + 0.0 turns the -0.0 of (pe - p) * 0 into 0: no "-0" printed for a good not traded
        return pd.DataFrame(np.vstack(blocks) + 0.0, index=index, columns=list(GOOD_COLUMNS))

    @property
    def money_transfer(self) -> pd.Series:
        """Underpayment + overpayment by group (the tribute without taxes)."""
        return (self.by_group["underpayment"] + self.by_group["overpayment"]).rename(
            "money_transfer")

    def check(self) -> ConsistencyCheck:
        """Consistency of the flows and the sums of transfers (see :class:`ConsistencyCheck`).

        >>> import nonequivalent as ne
        >>> eco = ne.Economy([[0.0, 0.0], [0.0, 0.0]], labour=[1.0, 1.0],
        ...                  sectors=["grain", "cloth"])
        >>> acc = ne.exchange_account(
        ...     eco, [ne.Group("a", sells={"grain": 2}, buys={"cloth": 1}),
        ...           ne.Group("b", sells={"cloth": 1}, buys={"grain": 2})],
        ...     {"grain": 1.0, "cloth": 3.0}, ne.labour_value_benchmark(eco))
        >>> acc.check().transfers_sum_to_zero
        True
        """
        bg = self.by_group
        with np.errstate(over="ignore", invalid="ignore"):
            # the scales (gross flows) may reach float range at its edge: inf is a scale
            imbalance = pd.Series(self._S.sum(axis=1) - self._D.sum(axis=1),
                                  index=self.prices.index, name="sales - purchases")
            totals = [float(bg["labour_transfer"].sum()), float(self.money_transfer.sum()),
                      float(bg["taxes"].sum())]
            labour_scale = float(bg[["labour_given", "labour_received"]].to_numpy().sum())
            money_scale = float((self.prices.to_numpy() + self._pe)
                                @ (self._S + self._D).sum(axis=1))
        require_finite(np.array(totals), "the sums of the transfers")
        require_finite(imbalance, "sales minus purchases")
        return ConsistencyCheck(
            is_consistent=self.is_consistent, imbalance=imbalance,
            labour_transfer_total=totals[0], money_transfer_total=totals[1],
            taxes_total=totals[2], labour_scale=labour_scale, money_scale=money_scale)

    def to_frame(self) -> pd.DataFrame:
        """The account by group (a copy of :attr:`by_group`), benchmark in ``attrs``."""
        out = self.by_group.copy()
        out.attrs["benchmark"] = self.benchmark.name
        out.attrs["benchmark_description"] = self.benchmark.description
        return out

    def summary_lines(self) -> list[str]:
        """Key figures, the table by group, the consistency verdict."""
        return [str(self.benchmark), *super().summary_lines(), "",
                self.check()._verdict()]


# ============================================================================ accounts
def exchange_account(economy: Economy, groups: Group | Iterable[Group], prices: Any,
                     benchmark: Benchmark | pd.Series) -> ExchangeAccount:
    """Labour and money transfers of each group at actual prices against a benchmark.

    Parameters
    ----------
    economy : Economy
        Gives labour values ``λ`` (computed once and cached by the economy).
    groups : Group or iterable of Group
        The parties, with unique names.
    prices : Series, mapping or vector
        Actual prices ``p`` (>= 0; a zero price is confiscation: all underpayment).
    benchmark : Benchmark or Series
        The equivalence benchmark ``p^e`` (a Series becomes a user-given benchmark).

    Returns
    -------
    ExchangeAccount
        ``by_group`` with ``labour_given = λ·s``, ``labour_received = λ·d``,
        ``labour_transfer = λ·s − λ·d``, ``nonequivalence_ratio = λ·s / λ·d``,
        ``underpayment = (p^e − p)·s``, ``overpayment = (p − p^e)·d``, ``taxes`` and
        ``tribute = taxes + underpayment + overpayment``.

    Raises
    ------
    LabelMismatchError
        Prices, benchmark or group goods that are not the economy's sectors.
    InvalidPriceError
        Negative or non-finite actual prices; a non-positive benchmark.
    InvalidGroupError
        Duplicate group names, or a group that trades only goods of zero labour value.

    Notes
    -----
    A group that gives labour and receives none has ``nonequivalence_ratio = inf``
    (documented, no division warning); ``0`` when it receives labour and gives none.
    Preobrazhensky, *The New Economics*, ch. 2; Stalin, speech of 9 July 1928, *Works*
    vol. 11.

    Examples
    --------
    Town and country, two goods, no inputs, one hour per unit of each (so ``λ = (1, 1)``),
    prices in hours. Peasants sell 10 grain at 0.5 and buy 5 cloth at 1.0 (balanced):

    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    >>> acc = ne.exchange_account(eco, ne.Group("peasants", sells={"grain": 10},
    ...                                         buys={"cloth": 5}),
    ...                           {"grain": 0.5, "cloth": 1.0}, ne.labour_value_benchmark(eco))
    >>> acc.by_group.loc["peasants", ["labour_given", "labour_received",
    ...                               "nonequivalence_ratio", "tribute"]].to_dict()
    {'labour_given': 10.0, 'labour_received': 5.0, 'nonequivalence_ratio': 2.0, 'tribute': 5.0}
    """
    bench, names, lam, pe, S, D, taxes = _prepare(economy, groups, benchmark)
    goods = economy.sectors
    p = as_vector(prices, goods, "actual prices", InvalidPriceError)
    with np.errstate(over="ignore", invalid="ignore"):
        given, received, under, over = exchange_flows(lam, p, pe, S.T, D.T)
        table = np.column_stack([*_labour_columns(given, received, names).values(), under,
                                 over, taxes, taxes + under + over])
        sold, bought = S.sum(axis=1), D.sum(axis=1)
    # every column but the non-equivalence ratio (inf when a group receives no labour)
    require_finite(np.delete(table, 3, axis=1), "the exchange account")
    require_finite(np.concatenate([sold, bought]), "the total quantities sold and bought")
    by_group = pd.DataFrame(table + 0.0, index=names, columns=_GROUP_COLUMNS_INDEX)  # no -0
    scale = CONSISTENCY_RTOL * max(1.0, float(sold.max(initial=0.0)))
    consistent = bool(np.all(np.abs(sold - bought) <= scale + CONSISTENCY_RTOL * bought))
    return ExchangeAccount(benchmark=bench, prices=pd.Series(p, index=goods, name="price"),
                           values=pd.Series(lam, index=goods, name="labour value"),
                           by_group=by_group, is_consistent=consistent,
                           _S=S, _D=D, _pe=pe)




_MOVED = {"TransferSweep": "sweeps", "transfer_sweep": "sweeps",
          "scaled_price_matrix": "sweeps"}

__getattr__ = moved_names(__name__, _MOVED)
