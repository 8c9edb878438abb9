"""The global exchange account: labour embodied in trade between blocs of regions."""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result, _frame_text, _wrapped
from ..errors import InvalidEconomyError, LabelMismatchError
from ._labels import ALL_SKILLS, _frozen
from .blocs import Blocs, _as_blocs
from .economy import MRIOEconomy


# ============================================================================ the account
def _aggregate(M: np.ndarray, codes: np.ndarray, m: int) -> np.ndarray:
    """``P^T M P`` over the last two axes, ``P`` the region-to-bloc indicator."""
    P = np.zeros((codes.size, m))
    P[np.arange(codes.size), codes] = 1.0
    return np.einsum("ra,...rc,cb->...ab", P, M, P)


def _safe_ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """``num / den``; ``inf`` where only the numerator is positive, NaN where both are 0."""
    out = np.full(np.broadcast(num, den).shape, np.nan)
    np.divide(num, den, out=out, where=den > 0)
    out[(den <= 0) & (num > 0)] = np.inf
    return out


#: Columns of :attr:`GlobalExchangeAccount.by_bloc`, in order.
BLOC_COLUMNS = ("labour_given", "labour_received", "labour_transfer", "nonequivalence_ratio",
                "wage", "transfer_wage_value")

#: Columns of :attr:`GlobalExchangeAccount.pairs`, in order.
PAIR_COLUMNS = ("hours_given", "hours_received", "net_hours", "exchange_ratio",
                "receiver_wage", "wage_value")

#: Columns of :meth:`GlobalExchangeAccount.decomposition`, in order.
DECOMPOSITION_COLUMNS = ("net_hours", "producer_compensation", "recipient_value",
                         "value_transfer")

#: Columns of :meth:`GlobalExchangeAccount.equal_world`, in order.
EQUAL_WORLD_COLUMNS = ("net_hours", "net_value", "net_value_equal_world",
                       "equal_world_transfer", "giver_price_index", "receiver_price_index")

#: Columns of :meth:`GlobalExchangeAccount.size_adjusted`, in order.
SIZE_COLUMNS = ("population", "gdp", "hours_worked", "labour_transfer",
                "transfer_per_capita", "transfer_share_of_hours", "value_transfer",
                "value_transfer_share_of_gdp")

#: The wage rules: how the wage per hour of a skill in a bloc is measured.
WAGE_RULES = {
    "export-embodied": "compensation embodied in the bloc's exports (to the other blocs' "
                       "final demand) per hour embodied in them (Hickel, Hanbury Lemos & "
                       "Barbour 2024)",
    "worked": "compensation per hour worked in the bloc (all its output)",
}

#: Columns of :meth:`GlobalExchangeAccount.drain`, in order.
DRAIN_COLUMNS = ("net_hours", "receiver_export_price", "drain_at_receiver_price",
                 "world_price", "drain_at_world_price")


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class GlobalExchangeAccount(Result):
    """The exchange account of blocs of regions: labour embodied in final demand.

    For skill ``s`` and blocs ``a``, ``b``: ``H^s[a, b]`` = hours worked in ``a`` embodied
    in ``b``'s final demand (the regional matrix summed over the blocs' regions).

    Attributes
    ----------
    skills, regions : Index
    blocs : Blocs
    by_bloc : DataFrame
        Rows (skill, bloc), with the skill ``"all"`` for the total; columns
        ``labour_given`` = ``Σ_{b≠a} H[a, b]``, ``labour_received`` = ``Σ_{b≠a} H[b, a]``,
        ``labour_transfer`` = given − received, ``nonequivalence_ratio`` = given /
        received (the columns of the national :class:`~nonequivalent.ExchangeAccount`),
        ``wage`` (per hour of that skill in the bloc, by the account's ``wage_rule``) and
        ``transfer_wage_value`` (the net flows the bloc gives, at the receivers' wages,
        minus those it receives, at its own wage).
    wage_rule : str
        ``"export-embodied"`` or ``"worked"`` (see :data:`WAGE_RULES`).

    Notes
    -----
    Hickel, Hanbury Lemos & Barbour (2024), *Nat. Commun.* 15:6298: net appropriation,
    exchange ratio and the wage value of the net flow at the receiving bloc's wage, skill
    by skill. The bloc matrices are aggregates of the regional ones, so aggregating regions
    into blocs commutes with the computation.
    """

    skills: pd.Index
    regions: pd.Index
    blocs: Blocs
    _H: np.ndarray = dataclasses.field(repr=False)          # k x R x R
    _hours: np.ndarray = dataclasses.field(repr=False)      # k x R hours worked
    _comp: np.ndarray | None = dataclasses.field(repr=False)  # k x R wage bill
    _V: np.ndarray | None = dataclasses.field(repr=False)     # R x R value added embodied
    _C: np.ndarray | None = dataclasses.field(default=None, repr=False)  # k x R x R wages
    wage_rule: str = "export-embodied"
    _population: pd.Series | None = dataclasses.field(default=None, repr=False)

    # ------------------------------------------------------------------ matrices
    @cached_property
    def _codes(self) -> np.ndarray:
        return self.blocs.codes(self.regions)

    @property
    def bloc_names(self) -> pd.Index:
        """The blocs, in order of first appearance."""
        return self.blocs.names

    @cached_property
    def _HB(self) -> np.ndarray:  # k x B x B
        return _frozen(_aggregate(self._H, self._codes, len(self.bloc_names)))

    @cached_property
    def _CB(self) -> np.ndarray | None:  # k x B x B compensation embodied
        if self._C is None:
            return None
        return _frozen(_aggregate(self._C, self._codes, len(self.bloc_names)))

    @cached_property
    def _wage_parts(self) -> tuple[np.ndarray, np.ndarray] | None:
        """``(compensation, hours)``, k x B, whose ratio is the wage by the wage rule."""
        if self._comp is None:
            return None
        if self.wage_rule == "export-embodied":
            off = ~np.eye(len(self.bloc_names), dtype=bool)
            return ((self._CB * off).sum(axis=2), (self._HB * off).sum(axis=2))
        B = len(self.bloc_names)
        hours = np.zeros((self._hours.shape[0], B))
        comp = np.zeros_like(hours)
        np.add.at(hours.T, self._codes, self._hours.T)
        np.add.at(comp.T, self._codes, self._comp.T)
        return comp, hours

    @cached_property
    def _wages(self) -> np.ndarray | None:  # k x B, money per hour
        parts = self._wage_parts
        return None if parts is None else _frozen(_safe_ratio(*parts))

    def _pick(self, skill: Hashable | None, level: str) -> tuple[np.ndarray, pd.Index]:
        if level not in ("bloc", "region"):
            raise InvalidEconomyError(f"level must be 'bloc' or 'region', got {level!r}.")
        M = self._HB if level == "bloc" else self._H
        labels = self.bloc_names if level == "bloc" else self.regions
        if skill is None or skill == ALL_SKILLS:
            return M.sum(axis=0), labels
        if skill not in self.skills:
            raise LabelMismatchError(
                f"unknown skill {skill!r}; the account has {list(self.skills)} and "
                f"{ALL_SKILLS!r}.")
        return M[self.skills.get_loc(skill)].copy(), labels

    def embodied(self, skill: Hashable | None = None, level: str = "bloc") -> pd.DataFrame:
        """``H[a, b]``: hours worked in ``a`` embodied in ``b``'s final demand.

        Parameters
        ----------
        skill : label, optional
            One skill level; default the total over skills.
        level : ``"bloc"`` or ``"region"``
        """
        M, labels = self._pick(skill, level)
        return pd.DataFrame(M, index=pd.Index(labels, name=f"producing {level}"),
                            columns=pd.Index(labels, name=f"consuming {level}"))

    def net_flows(self, skill: Hashable | None = None, level: str = "bloc") -> pd.DataFrame:
        """Net flow ``F[a, b] = H[a, b] − H[b, a]`` (antisymmetric): hours ``a`` gives ``b``
        net of what it gets back. Hickel, Hanbury Lemos & Barbour (2024)."""
        M, labels = self._pick(skill, level)
        return pd.DataFrame(M - M.T, index=pd.Index(labels, name=f"from {level}"),
                            columns=pd.Index(labels, name=f"to {level}"))

    # ------------------------------------------------------------------ tables
    @cached_property
    def _by_bloc(self) -> pd.DataFrame:
        HB, B = self._HB, len(self.bloc_names)
        k = HB.shape[0]
        W = self._wages
        mats = [*HB, HB.sum(axis=0)]
        keys = [*self.skills, ALL_SKILLS]
        rows = []
        for m, M in enumerate(mats):
            off = M - np.diag(np.diag(M))
            given, received = off.sum(axis=1), off.sum(axis=0)
            F = M - M.T
            Fp = np.where(F > 0, F, 0.0)   # Fp[a, b]: net hours a gives b
            if W is None:
                wage = np.full(B, np.nan)
                value = np.full(B, np.nan)
            elif m < k:
                wage = W[m]
                value = Fp @ wage - Fp.sum(axis=0) * wage
            else:
                comp, hours = self._wage_parts
                wage = _safe_ratio(comp.sum(axis=0), hours.sum(axis=0))
                value = np.zeros(B)
                for s in range(k):
                    Fs = HB[s] - HB[s].T
                    Fsp = np.where(Fs > 0, Fs, 0.0)
                    value += Fsp @ W[s] - Fsp.sum(axis=0) * W[s]
            rows.append(np.column_stack([given, received, given - received,
                                         _safe_ratio(given, received), wage, value]))
        index = pd.MultiIndex.from_product([pd.Index(keys, name="skill", dtype=object),
                                            self.bloc_names], names=["skill", "bloc"])
        return pd.DataFrame(np.vstack(rows), index=index, columns=list(BLOC_COLUMNS))

    @property
    def by_bloc(self) -> pd.DataFrame:
        """The account by (skill, bloc) (a copy); see the class docstring."""
        return self._by_bloc.copy()

    @property
    def pairs(self) -> pd.DataFrame:
        """Every pair of blocs, oriented from the net giver to the net receiver.

        Rows (skill, giver, receiver); columns ``hours_given`` = ``H[g, r]``,
        ``hours_received`` = ``H[r, g]``, ``net_hours`` = their difference (net
        appropriation by ``r``), ``exchange_ratio`` = ``H[g, r] / H[r, g]`` (hours given
        per hour received), ``receiver_wage`` (per hour of that skill; for ``"all"`` the
        receiver's average) and ``wage_value`` = ``net_hours × receiver_wage`` skill by
        skill (for ``"all"``, the sum over skills). Hickel, Hanbury Lemos & Barbour (2024).
        """
        HB, names = self._HB, self.bloc_names
        W = self._wages
        k, B = HB.shape[0], len(names)
        keys = [*self.skills, ALL_SKILLS]
        mats = [*HB, HB.sum(axis=0)]
        avg_wage = self._by_bloc.xs(ALL_SKILLS, level="skill")["wage"].to_numpy()
        records, index = [], []
        for m, M in enumerate(mats):
            for a in range(B):
                for b in range(a + 1, B):
                    g, r = (a, b) if M[a, b] - M[b, a] >= 0 else (b, a)
                    net = M[g, r] - M[r, g]
                    if W is None:
                        wage = value = np.nan
                    elif m < k:
                        wage, value = W[m, r], net * W[m, r]
                    else:
                        wage = avg_wage[r]
                        value = 0.0
                        for s in range(k):
                            d = HB[s, g, r] - HB[s, r, g]
                            value += d * W[s, r] if d >= 0 else d * W[s, g]
                    records.append((M[g, r], M[r, g], net,
                                    float(_safe_ratio(np.array(M[g, r]), np.array(M[r, g]))),
                                    wage, value))
                    index.append((keys[m], names[g], names[r]))
        mi = pd.MultiIndex.from_tuples(index, names=["skill", "giver", "receiver"])
        return pd.DataFrame(records, index=mi, columns=list(PAIR_COLUMNS))

    # ------------------------------------------------------------------ decomposition
    def _need(self, what: str, comp: bool = True, va: bool = False) -> None:
        if comp and self._C is None:
            raise InvalidEconomyError(
                f"{what} needs compensation by skill: build the economy with "
                "compensation=... (EXIOBASE: ne.mrio.EXIOBASE_COMPENSATION).")
        if va and self._V is None:
            raise InvalidEconomyError(
                f"{what} needs value added: build the economy with value_added=... "
                "(EXIOBASE: ne.mrio.EXIOBASE_VALUE_ADDED).")

    @cached_property
    def _indicator(self) -> np.ndarray:  # R x B, region-to-bloc 0/1
        P = np.zeros((len(self.regions), len(self.bloc_names)))
        P[np.arange(len(self.regions)), self._codes] = 1.0
        return P

    def decomposition(self, level: str = "bloc") -> pd.DataFrame:
        """The net flow of each pair of blocs in four parts: hours, what the producers were
        paid, its value at the recipient's wage, and the value transfer.

        For skill ``s`` and the pair giver ``g`` → receiver ``r`` (oriented as in
        :attr:`pairs`), with ``C^s[a, b] = Σ_{i∈a} c^s_i x_{b,i}`` the compensation of
        ``a``'s workers embodied in ``b``'s final demand and ``w^s_r`` the receiver's wage
        by the account's wage rule:

        * ``net_hours = H^s[g, r] − H^s[r, g]``;
        * ``producer_compensation = C^s[g, r] − C^s[r, g]`` (what the workers who made the
          flows were paid, net);
        * ``recipient_value = net_hours × w^s_r`` (the net hours at the recipient's wage);
        * ``value_transfer = recipient_value − producer_compensation``.

        The ``"all"`` rows add the skill rows, each skill computed for the orientation of
        the ``"all"`` pair at the receiver's wage of that skill. With the export-embodied
        wage and two blocs, ``w^s_r H^s[r, g] = C^s[r, g]``, so the transfer is
        ``w^s_r H^s[g, r] − C^s[g, r]``: the giver's hours at the receiver's wage minus
        what they were paid.

        Parameters
        ----------
        level : ``"bloc"`` or ``"region"``
            ``"region"``: rows (skill, region, receiver) for every region of the giving
            bloc; they add up to the bloc rows.

        Raises
        ------
        InvalidEconomyError
            The economy was built without compensation.

        Notes
        -----
        Hickel, Hanbury Lemos & Barbour (2024), *Nat. Commun.* 15:6298: net appropriation
        valued at the North's wages, skill by skill. The split into producer compensation
        and transfer is this library's reading of their valuation.
        """
        self._need("the decomposition")
        if level not in ("bloc", "region"):
            raise InvalidEconomyError(f"level must be 'bloc' or 'region', got {level!r}.")
        HB, CB, W = self._HB, self._CB, self._wages
        P = self._indicator
        k, B = HB.shape[0], len(self.bloc_names)
        # region-by-bloc flows: Hrb[s, p, b] = Σ_{c∈b} H[s, p, c]; Hbr[s, b, p] = Σ_{q∈b} H[s, q, p]
        Hrb, Crb = self._H @ P, self._C @ P
        Hbr = np.einsum("qb,sqp->sbp", P, self._H)
        Cbr = np.einsum("qb,sqp->sbp", P, self._C)
        total = HB.sum(axis=0)
        names, regions = self.bloc_names, self.regions
        keys = [*self.skills, ALL_SKILLS]
        records, index = [], []
        for m, key in enumerate(keys):
            M = HB[m] if m < k else total
            for a in range(B):
                for b in range(a + 1, B):
                    g, r = (a, b) if M[a, b] - M[b, a] >= 0 else (b, a)
                    skills = [m] if m < k else list(range(k))
                    if level == "bloc":
                        h = sum(HB[s, g, r] - HB[s, r, g] for s in skills)
                        c = sum(CB[s, g, r] - CB[s, r, g] for s in skills)
                        v = sum((HB[s, g, r] - HB[s, r, g]) * W[s, r] for s in skills)
                        records.append((h, c, v, v - c))
                        index.append((key, names[g], names[r]))
                        continue
                    for p in np.flatnonzero(self._codes == g):
                        h = sum(Hrb[s, p, r] - Hbr[s, r, p] for s in skills)
                        c = sum(Crb[s, p, r] - Cbr[s, r, p] for s in skills)
                        v = sum((Hrb[s, p, r] - Hbr[s, r, p]) * W[s, r] for s in skills)
                        records.append((h, c, v, v - c))
                        index.append((key, regions[p], names[r]))
        third = "receiver"
        second = "giver" if level == "bloc" else "region"
        mi = pd.MultiIndex.from_tuples(index, names=["skill", second, third]) if index else \
            pd.MultiIndex.from_arrays([[], [], []], names=["skill", second, third])
        return pd.DataFrame(records, index=mi, columns=list(DECOMPOSITION_COLUMNS),
                            dtype=float)

    # ------------------------------------------------------------------ equal world
    def _region_vector(self, values: Any, what: str) -> np.ndarray:
        """A positive finite number for every region, from a mapping or Series."""
        if isinstance(values, pd.DataFrame):
            raise InvalidEconomyError(f"{what}: give a Series or a mapping {{region: value}}.")
        s = pd.Series(dict(values) if not isinstance(values, pd.Series) else values)
        missing = [r for r in self.regions if r not in s.index]
        if missing:
            raise LabelMismatchError(f"{what}: no value for regions {missing[:10]}.")
        try:
            arr = s.reindex(self.regions).to_numpy(dtype=float)
        except (TypeError, ValueError):
            raise InvalidEconomyError(f"{what}: every value must be a number.") from None
        bad = [r for r, v in zip(self.regions, arr, strict=True)
               if not (np.isfinite(v) and v > 0)]
        if bad:
            raise InvalidEconomyError(
                f"{what}: values must be positive and finite; see {bad[:10]}.")
        return arr

    def equal_world_wages(self, ppp: Any = None) -> pd.DataFrame:
        """Wages per hour worked by region and skill, actual and in the equal world.

        The equal-world wage of skill ``s`` in region ``p`` is proportional to the region's
        productivity, value added per hour worked ``π_p = VA_p / h_p`` (divided by the
        price level ``ppp_p`` when ``ppp`` is given):
        ``w*^s_p = ω^s π_p`` with ``ω^s = Σ_p W^s_p / Σ_p π_p h^s_p``, so that the world
        wage bill of each skill is unchanged.

        Parameters
        ----------
        ppp : mapping or Series {region: price level}, optional
            Price level of each region relative to the table's currency (PPP conversion
            factor over the market exchange rate; below 1 where goods are cheap).

        Returns
        -------
        DataFrame
            Rows region; columns ``productivity``, then ``wage <skill>`` and
            ``equal-world wage <skill>`` for every skill.
        """
        self._need("the equal world", va=True)
        wage, new = self._equal_world_wages(ppp)
        cols = {"productivity": self._productivity(ppp)}
        for s, name in enumerate(self.skills):
            cols[f"wage {name}"] = wage[s]
            cols[f"equal-world wage {name}"] = new[s]
        return pd.DataFrame(cols, index=pd.Index(self.regions, name="region"))

    def _productivity(self, ppp: Any) -> np.ndarray:
        va = self._V.sum(axis=1)                       # Σ_c V[p, c] = Σ_{i∈p} v_i x_i
        pi = _safe_ratio(va, self._hours.sum(axis=0))
        if ppp is not None:
            pi = pi / self._region_vector(ppp, "ppp")
        return pi

    def _equal_world_wages(self, ppp: Any) -> tuple[np.ndarray, np.ndarray]:
        pi = self._productivity(ppp)
        if not np.all(np.isfinite(pi)):
            bad = [r for r, v in zip(self.regions, pi, strict=True) if not np.isfinite(v)]
            raise InvalidEconomyError(
                f"the equal world needs hours worked in every region; none in {bad[:10]}.")
        omega = _safe_ratio(self._comp.sum(axis=1), (pi[None, :] * self._hours).sum(axis=1))
        return _safe_ratio(self._comp, self._hours), omega[:, None] * pi[None, :]

    def equal_world(self, ppp: Any = None) -> pd.DataFrame:
        """The trade of every pair of blocs revalued with productivity-adjusted wages.

        Wages are set to ``w*^s_p`` (:meth:`equal_world_wages`), other value added per unit
        of output is kept, prices follow from the Leontief price model and quantities
        (gross outputs ``x_c``) are fixed. The value added of ``a`` embodied in ``b``'s
        final demand becomes

        ``V*[a, b] = V[a, b] − Σ_s C^s[a, b] + Σ_s Σ_{p∈a} w*^s_p H^s[p, b]``

        (the wage is uniform within a region, so ``C*^s[p, b] = w*^s_p H^s[p, b]``). For
        the pair giver ``g`` → receiver ``r`` (all skills, oriented as in :attr:`pairs`):
        ``net_value = V[g, r] − V[r, g]``, ``net_value_equal_world`` the same with ``V*``,
        and ``equal_world_transfer = net_value_equal_world − net_value``: what the giver
        would gain in the net value of its trade were wages paid by productivity (0 when
        they already are). ``giver_price_index`` and ``receiver_price_index`` are the
        prices of the blocs' final demand relative to today, ``Σ_a V*[a, b] / Σ_a V[a, b]``
        (``= p* y_b / p y_b`` with ``p = v (I − A)^{-1}``).

        Parameters
        ----------
        ppp : mapping or Series {region: price level}, optional
            Deflate productivity by the price level (see :meth:`equal_world_wages`).

        Raises
        ------
        InvalidEconomyError
            The economy was built without compensation or value added.

        Notes
        -----
        Price model: W. Leontief; Miller & Blair (2009), *Input-Output Analysis*, 2nd ed.,
        §2.6 (``p = v (I − A)^{-1}``). The counterfactual answers the objection that wage
        gaps only reflect productivity gaps; the normalization (world wage bill of each
        skill unchanged) is this library's choice.
        """
        self._need("the equal world", va=True)
        _, new = self._equal_world_wages(ppp)
        Vr = self._V - self._C.sum(axis=0) + np.einsum("sp,spc->pc", new, self._H)
        B = len(self.bloc_names)
        VB = _aggregate(self._V, self._codes, B)
        VBe = _aggregate(Vr, self._codes, B)
        index = _safe_ratio(VBe.sum(axis=0), VB.sum(axis=0))
        pairs = self.pairs.xs(ALL_SKILLS, level="skill")
        names = list(self.bloc_names)
        rows = []
        for (g, r), row in pairs.iterrows():
            gi, ri = names.index(g), names.index(r)
            now = VB[gi, ri] - VB[ri, gi]
            eq = VBe[gi, ri] - VBe[ri, gi]
            rows.append((row["net_hours"], now, eq, eq - now, index[gi], index[ri]))
        return pd.DataFrame(rows, index=pairs.index, columns=list(EQUAL_WORLD_COLUMNS))

    # ------------------------------------------------------------------ size
    def size_adjusted(self, population: Any = None, gdp: Any = None) -> pd.DataFrame:
        """Net flows relative to the size of each bloc (all skills).

        Parameters
        ----------
        population, gdp : mapping or Series {region: value}, DataFrame or CSV path, optional
            Population (persons) and GDP (the table's money unit) by region. A DataFrame
            or CSV file has the columns ``region``, ``population`` and ``gdp`` (either may
            be missing). Defaults: the population carried by the table (pymrio's
            ``population``, where present) and GDP = the table's value added by region
            (``Σ_{i∈p} v_i x_i``, where value added was given).

        Returns
        -------
        DataFrame
            Rows bloc; columns ``population``, ``gdp``, ``hours_worked``,
            ``labour_transfer`` (given − received), ``transfer_per_capita``,
            ``transfer_share_of_hours`` (of hours worked in the bloc), ``value_transfer``
            (the :meth:`decomposition` transfers the bloc gives minus those it receives;
            positive: drained) and ``value_transfer_share_of_gdp``. NaN where an input is
            missing.

        Notes
        -----
        Hickel, Hanbury Lemos & Barbour (2024) relate the net flows to the hours worked
        and the income of each bloc.
        """
        pop_r, gdp_r = self._size_inputs(population, gdp)
        B = len(self.bloc_names)
        P = self._indicator
        pop = P.T @ pop_r
        g = P.T @ gdp_r
        hours = P.T @ self._hours.sum(axis=0)
        transfer = self._by_bloc.xs(ALL_SKILLS, level="skill")["labour_transfer"].to_numpy()
        value = np.full(B, np.nan)
        if self._C is not None:
            value = np.zeros(B)
            dec = self.decomposition().xs(ALL_SKILLS, level="skill")["value_transfer"]
            names = list(self.bloc_names)
            for (giver, receiver), t in dec.items():
                value[names.index(giver)] += t
                value[names.index(receiver)] -= t
        out = np.column_stack([pop, g, hours, transfer, transfer / pop,
                               _safe_ratio(transfer, hours), value, value / g])
        return pd.DataFrame(out, index=self.bloc_names, columns=list(SIZE_COLUMNS))

    def _size_inputs(self, population: Any, gdp: Any) -> tuple[np.ndarray, np.ndarray]:
        R = len(self.regions)
        if isinstance(population, str | Path) and gdp is None:
            population = _read_size_table(population)
        if isinstance(population, pd.DataFrame):
            table = population
            if "region" in table.columns:
                table = table.set_index("region")
            population = table["population"] if "population" in table else None
            if gdp is None and "gdp" in table:
                gdp = table["gdp"]
        if population is None:
            population = self._population
        pop = (np.full(R, np.nan) if population is None
               else self._region_vector(population, "population"))
        if gdp is None:
            g = (np.full(R, np.nan) if self._V is None
                 else np.asarray(self._V.sum(axis=1), dtype=float))
        else:
            g = self._region_vector(gdp, "gdp")
        return pop, g

    def drain(self) -> pd.DataFrame:
        """The net flow of hours valued at a price per embodied hour, pair by pair.

        For the pair giver ``g`` → receiver ``r`` (all skills): ``V[a, b]`` is the value
        added of ``a`` embodied in ``b``'s final demand (``Σ_{i∈a} v_i x_{b,i}``), and

        * ``receiver_export_price = V[r, g] / H[r, g]``: what the receiver earns per hour
          embodied in its exports to the giver (the North's export price per hour);
        * ``drain_at_receiver_price = net_hours × receiver_export_price``;
        * ``world_price = Σ V / Σ H`` over the whole table (value added per hour worked);
        * ``drain_at_world_price = net_hours × world_price``.

        Raises
        ------
        InvalidEconomyError
            The economy was built without value added.

        Notes
        -----
        The valuation of net appropriated hours at Northern prices follows Hickel,
        Dorninger, Wieland & Suwandi, "Imperialist appropriation in the world economy",
        *Global Environmental Change* 73, 102467 (2022), and Hickel, Hanbury Lemos &
        Barbour (2024); the two prices used here are this library's explicit choices, so
        every figure names its price.
        """
        if self._V is None:
            raise InvalidEconomyError(
                "the drain needs value added: build the economy with value_added=... "
                "(EXIOBASE: the factor_inputs extension).")
        VB = _aggregate(self._V, self._codes, len(self.bloc_names))
        HB = self._HB.sum(axis=0)
        world = float(self._V.sum() / self._H.sum())
        pairs = self.pairs.xs(ALL_SKILLS, level="skill")
        rows = []
        names = list(self.bloc_names)
        for (g, r), row in pairs.iterrows():
            gi, ri = names.index(g), names.index(r)
            price = float(_safe_ratio(np.array(VB[ri, gi]), np.array(HB[ri, gi])))
            net = row["net_hours"]
            rows.append((net, price, net * price, world, net * world))
        return pd.DataFrame(rows, index=pairs.index, columns=list(DRAIN_COLUMNS))

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Regions, blocs, skill levels and the largest transfer over all skills."""
        total = self._by_bloc.xs(ALL_SKILLS, level="skill")["labour_transfer"]
        return [("regions", len(self.regions), ""), ("blocs", len(self.bloc_names), ""),
                ("skills", len(self.skills), ""),
                ("largest transfer", float(total.max()), "hours")]

    def benchmark_name(self) -> str | None:
        """The blocs the regions are grouped into."""
        return f"blocs: {self.blocs.name}"

    def units(self) -> dict[str, str]:
        """Units of the :meth:`to_frame` columns."""
        return {"labour_given": "hours", "labour_received": "hours",
                "labour_transfer": "hours", "wage": "money/hour",
                "transfer_wage_value": "money"}

    def to_frame(self) -> pd.DataFrame:
        """The account by (skill, bloc) (a copy), blocs' name and source in ``attrs``."""
        out = self.by_bloc
        out.attrs["blocs"] = self.blocs.name
        out.attrs["source"] = self.blocs.source
        out.attrs["wage_rule"] = self.wage_rule
        return out

    def __repr__(self) -> str:
        return (f"GlobalExchangeAccount({len(self.regions)} regions in "
                f"{len(self.bloc_names)} blocs {list(self.bloc_names)[:6]}, skills "
                f"{list(self.skills)})")

    def summary(self) -> str:
        """Readable account: by bloc, the pairs, and the drain when value added is known."""
        units = self.units()
        lines = [repr(self), f"Blocs: {self.blocs.name} ({self.blocs.source})",
                 f"Wage rule: {self.wage_rule} ({WAGE_RULES[self.wage_rule]})", "",
                 "By bloc (hours; wage per hour; wage value in money):",
                 _frame_text(self._by_bloc, units), "",
                 "Pairs, from net giver to net receiver:", _frame_text(self.pairs, units)]
        if self._C is not None:
            lines += ["", "Decomposition of the net flows (hours; money):",
                      _frame_text(self.decomposition(), {})]
        if self._V is not None:
            lines += ["", "Drain (all skills; money):", _frame_text(self.drain(), {})]
        return "\n".join(_wrapped(line) for line in lines)

    def __str__(self) -> str:
        return self.summary()

    def figure(self, skill: Hashable | None = None) -> Any:
        """A figure: bloc-to-bloc embodied hours (left) and exchange ratios by skill (right).

        Returns
        -------
        matplotlib.figure.Figure
        """
        from ..plotting._common import _add_source, _new_figure

        fig, axes = _new_figure(1, 2, figsize=(10.0, 4.4))
        ax = axes[0, 0]
        M = self.embodied(skill)
        im = ax.imshow(M.to_numpy(), cmap="Blues")
        labels = [str(b) for b in M.index]
        ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
        ax.set_yticks(range(len(labels)), labels)
        ax.set_xlabel("consuming bloc")
        ax.set_ylabel("producing bloc")
        for i in range(len(labels)):
            for j in range(len(labels)):
                dark = M.iat[i, j] > 0.6 * float(M.to_numpy().max())
                ax.text(j, i, f"{M.iat[i, j]:,.3g}", ha="center", va="center", fontsize=8,
                        color="white" if dark else "black")
        ax.set_title(f"Hours embodied ({skill if skill is not None else 'all skills'})")
        fig.colorbar(im, ax=ax, shrink=0.8)
        ax2 = axes[0, 1]
        pairs = self.pairs
        keys = [*self.skills, ALL_SKILLS]
        pair_labels = pairs.xs(ALL_SKILLS, level="skill").index
        width = 0.8 / max(len(pair_labels), 1)
        for j, (g, r) in enumerate(pair_labels):
            vals = []
            for key in keys:
                sub = pairs.xs(key, level="skill")
                if (g, r) in sub.index:
                    vals.append(sub.loc[(g, r), "exchange_ratio"])
                else:
                    vals.append(1.0 / sub.loc[(r, g), "exchange_ratio"])
            ax2.bar(np.arange(len(keys)) + j * width, vals, width=width, label=f"{g} → {r}")
        ax2.axhline(1.0, color="0.3", lw=0.8)
        ax2.set_xticks(np.arange(len(keys)) + 0.4 - width / 2, [str(k) for k in keys])
        ax2.set_ylabel("hours given per hour received")
        ax2.set_title("Exchange ratio by skill")
        ax2.legend(fontsize=8)
        _add_source(fig, f"Source: computed with nonequivalent; blocs: {self.blocs.source}")
        return fig


def _read_size_table(path: str | Path) -> pd.DataFrame:
    """A CSV with columns ``region`` and ``population`` and/or ``gdp`` (``#`` comments)."""
    try:
        df = pd.read_csv(path, comment="#")
    except (OSError, ValueError) as exc:
        raise InvalidEconomyError(f"cannot read {str(path)!r}: {exc}") from None
    if "region" not in df.columns or not ({"population", "gdp"} & set(df.columns)):
        raise InvalidEconomyError(
            f"{str(path)!r} needs the columns region and population and/or gdp; it has "
            f"{list(df.columns)}.")
    return df


def global_exchange_account(mrio: MRIOEconomy, blocs: Any = None,
                            wage: str = "export-embodied") -> GlobalExchangeAccount:
    """The global exchange account of a multi-regional economy, by bloc and skill.

    Parameters
    ----------
    mrio : MRIOEconomy
    blocs : Blocs, mapping {region: bloc}, built-in name or CSV path, optional
        Default: every region its own bloc. Built-in names: ``"hickel2024"``,
        ``"un-m49"`` (:meth:`Blocs.available`).
    wage : ``"export-embodied"`` (default) or ``"worked"``
        How a bloc's wage per hour of a skill is measured (:data:`WAGE_RULES`): the
        compensation embodied in its exports per hour embodied in them (Hickel, Hanbury
        Lemos & Barbour 2024), or compensation per hour worked in the bloc.

    Returns
    -------
    GlobalExchangeAccount

    Notes
    -----
    ``R`` solves ``(I − A) x_c = y_c`` with one factorization; then
    ``H^s[p, c] = Σ_{i∈p} q^s_i x_{c,i}``, aggregated to blocs (Hickel, Hanbury Lemos &
    Barbour 2024, *Nat. Commun.* 15:6298; Dorninger et al. 2021, *Ecol. Econ.* 179).

    Examples
    --------
    Two regions, one good each, no intermediate inputs. The North's good takes 1 hour a
    unit, the South's 2; the North consumes 3 units of the South's good (6 hours) and the
    South 1 unit of the North's (1 hour):

    >>> import nonequivalent as ne
    >>> mrio = ne.MRIOEconomy([[0, 0], [0, 0]], final_demand=[[5, 1], [3, 4]],
    ...                       labour={"hours": [1.0, 2.0]}, regions=["N", "S"],
    ...                       sectors=["good"])
    >>> acc = ne.global_exchange_account(mrio, {"N": "North", "S": "South"})
    >>> acc.pairs.loc[("all", "South", "North"), ["hours_given", "hours_received",
    ...                                            "net_hours", "exchange_ratio"]].tolist()
    [6.0, 1.0, 5.0, 6.0]
    """
    if not isinstance(mrio, MRIOEconomy):
        raise InvalidEconomyError(
            f"global_exchange_account needs an MRIOEconomy, got {type(mrio).__name__}.")
    if wage not in WAGE_RULES:
        raise InvalidEconomyError(
            f"unknown wage rule {wage!r}; choose one of {sorted(WAGE_RULES)}.")
    b = _as_blocs(blocs, mrio.regions)
    b.codes(mrio.regions)  # every region assigned, or a named error now
    X = mrio._outputs
    H = mrio._embodied
    G = mrio._region_sums
    x = X.sum(axis=1)
    hours = G @ (mrio.economy.labour * x[None, :]).T            # R x k
    comp = None if mrio._compensation is None else G @ (mrio._compensation * x[None, :]).T
    V = None if mrio._value_added is None else G @ (mrio._value_added[:, None] * X)
    C = None if mrio._compensation is None else np.stack(
        [G @ (c[:, None] * X) for c in mrio._compensation])      # k x R x R
    return GlobalExchangeAccount(
        skills=mrio.skills.copy(), regions=mrio.regions.copy(), blocs=b, _H=H,
        _hours=_frozen(np.ascontiguousarray(hours.T)),
        _comp=None if comp is None else _frozen(np.ascontiguousarray(comp.T)),
        _V=None if V is None else _frozen(np.asarray(V)),
        _C=None if C is None else _frozen(C), wage_rule=wage,
        _population=mrio.population)


# ============================================================================ test system
