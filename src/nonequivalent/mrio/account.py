"""The global exchange account: labour embodied in trade between blocs of regions."""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable
from functools import cached_property
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
        ``wage`` (compensation per hour of that skill in the bloc) and
        ``transfer_wage_value`` (the net flows the bloc gives, at the receivers' wages,
        minus those it receives, at its own wage).

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
    def _wages(self) -> np.ndarray | None:  # k x B, money per hour
        if self._comp is None:
            return None
        B = len(self.bloc_names)
        hours = np.zeros((self._hours.shape[0], B))
        comp = np.zeros_like(hours)
        np.add.at(hours.T, self._codes, self._hours.T)
        np.add.at(comp.T, self._codes, self._comp.T)
        return _frozen(_safe_ratio(comp, hours))

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
                hours = np.zeros(B)
                comp = np.zeros(B)
                np.add.at(hours, self._codes, self._hours.sum(axis=0))
                np.add.at(comp, self._codes, self._comp.sum(axis=0))
                wage = _safe_ratio(comp, hours)
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
        return out

    def __repr__(self) -> str:
        return (f"GlobalExchangeAccount({len(self.regions)} regions in "
                f"{len(self.bloc_names)} blocs {list(self.bloc_names)[:6]}, skills "
                f"{list(self.skills)})")

    def summary(self) -> str:
        """Readable account: by bloc, the pairs, and the drain when value added is known."""
        units = self.units()
        lines = [repr(self), f"Blocs: {self.blocs.name} ({self.blocs.source})", "",
                 "By bloc (hours; wage per hour; wage value in money):",
                 _frame_text(self._by_bloc, units), "",
                 "Pairs, from net giver to net receiver:", _frame_text(self.pairs, units)]
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


def global_exchange_account(mrio: MRIOEconomy, blocs: Any = None) -> GlobalExchangeAccount:
    """The global exchange account of a multi-regional economy, by bloc and skill.

    Parameters
    ----------
    mrio : MRIOEconomy
    blocs : Blocs, mapping {region: bloc}, built-in name or CSV path, optional
        Default: every region its own bloc.

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
    b = _as_blocs(blocs, mrio.regions)
    b.codes(mrio.regions)  # every region assigned, or a named error now
    X = mrio._outputs
    H = mrio._embodied
    G = mrio._region_sums
    x = X.sum(axis=1)
    hours = G @ (mrio.economy.labour * x[None, :]).T            # R x k
    comp = None if mrio._compensation is None else G @ (mrio._compensation * x[None, :]).T
    V = None if mrio._value_added is None else G @ (mrio._value_added[:, None] * X)
    return GlobalExchangeAccount(
        skills=mrio.skills.copy(), regions=mrio.regions.copy(), blocs=b, _H=H,
        _hours=_frozen(np.ascontiguousarray(hours.T)),
        _comp=None if comp is None else _frozen(np.ascontiguousarray(comp.T)),
        _V=None if V is None else _frozen(np.asarray(V)))


# ============================================================================ test system
