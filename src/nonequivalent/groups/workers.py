"""Worker categories and worker households by earner composition."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar

import numpy as np

from ..errors import InvalidHouseholdError, InvalidPriceError, NonequivalentError
from .base import (
    AccountContext,
    BatchContext,
    Flows,
    GroupKind,
    _close,
    _frozen,
    dot,
    param,
    register_group_kind,
)

__all__ = ["WAGE_AND_RETAIL_PRICES", "WorkerCategory", "WorkerHouseholds", "household_flows",
           "worker_flows", "worker_fund_part"]

#: The workers' joint factor when the money wage is derived from the basket (``w = p_r·b``):
#: basket, retail prices and money wage move together, so the sources of accumulation treat
#: them as one factor; split apart, a Shapley coalition would pair a wage with a basket it
#: does not buy (Shorrocks, *J. Econ. Inequality* 11, 2013, on grouping dependent factors).
WAGE_AND_RETAIL_PRICES = "wage and retail prices"

#: What a worker category's number may count, with the TsSU series of each (dataset
#: ``waged_workers``): рабочие и служащие, or рабочие (manual workers, junior service and
#: guard staff included).
WORKER_DEFINITIONS: dict[str, str] = {"workers and employees": "workers_and_employees",
                                      "manual workers": "workers"}


def worker_flows(N: Any, h: Any, mu: Any, w: Any, v: Any, margin: Any,
                 carved: Any) -> tuple[Any, ...]:
    """The five flows of a worker category (floats, or arrays with a draws axis).

    ``N`` workers of ``h`` hours, money wage ``w``, basket value ``v = λ·b`` and
    ``margin = (p_r − p^e)·b``; ``carved = Σ X h_f`` are the hours of the linked
    households' extra earners, shown in their rows. Hours given ``N h − carved``,
    received ``N v``; taxes 0; underpayment on labour power ``N (μ h − w) − μ carved``;
    overpayment at retail ``N margin`` (Marx, *Capital* I, ch. 6–9; Harrison, *Journal of
    Development Studies* 22(1), 1985, for the workers' row of the account).
    """
    return (N * h - carved, N * v, 0.0, N * (mu * h - w) - mu * carved, N * margin)


def worker_fund_part(n: Any, h: Any, x: Any, measure: str, mu: Any = None,
                     w: Any = None) -> Any:
    """A worker category's part of the accumulation fund: every one of its ``n`` workers
    (extra earners included) gives ``h − λ·b`` hours (``x = λ·b``), or in money
    ``μ h − w + (p_r − p^e)·b`` (``x = (p_r − p^e)·b``); floats or arrays with a draws
    axis (Harrison, *Journal of Development Studies* 22(1), 1985; Marx, *Capital* I,
    ch. 9 for surplus labour)."""
    if measure == "hours":
        return n * (h - x)
    return n * (mu * h - w + x)


def household_flows(X: Any, hf: Any, mu: Any) -> tuple[Any, ...]:
    """The five flows of worker households with ``X`` extra earners of ``hf`` hours.

    Hours given ``X h_f``, received 0 (the family basket is unchanged), underpayment
    ``μ X h_f`` (Marx, *Capital* I, ch. 15 §3a); floats or arrays with a draws axis.
    """
    return (X * hf, 0.0, 0.0, mu * X * hf, 0.0)


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
    _error: ClassVar[type[NonequivalentError]] = InvalidHouseholdError
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
    definition: str | None = param(
        "what the number counts: 'workers and employees' or 'manual workers' (switch with "
        "scenarios.with_workers_definition)", type="string", default=None)

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
        if self.definition is not None and self.definition not in WORKER_DEFINITIONS:
            raise InvalidHouseholdError(
                f"{self.name}: definition must be one of {list(WORKER_DEFINITIONS)}, got "
                f"{self.definition!r}.")

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
        return Flows(*worker_flows(N, h, mu, w, v, float((pr - ctx.pe) @ b), XH),
                     detail={"basket": b, "retail": pr, "wage": w, "extra_earners": X,
                             "retail_margin": N * float((pr - ctx.prices) @ b)})

    def batch_wage(self, bctx: BatchContext) -> dict[str, Any]:
        """Workers ``N``, hours ``h``, cut ``δ``, base basket ``b_0``, basket ``b = (1 −
        δ) b_0`` (or the stated one), retail prices ``p_r`` and money wage ``w = p_r·b``
        (or the stated one) in every draw; computed once per batch."""
        key = ("wage", self.name)
        if key not in bctx.cache:
            cut = bctx.param(self, "real_wage_cut")
            base = bctx.param(self, "base_basket")
            if self.basket is not None:
                b = bctx.param(self, "basket")
            else:
                b = (1.0 - np.asarray(cut))[..., None] * base if np.ndim(cut) else \
                    (1.0 - cut) * base
            pr = bctx.param(self, "retail_prices")
            pr = bctx.prices if pr is None else pr
            w = bctx.param(self, "money_wage")
            bctx.cache[key] = {"N": bctx.param(self, "number"), "h": bctx.param(self, "hours"),
                               "cut": cut, "base": base, "b": b, "pr": pr,
                               "w": dot(pr, b) if w is None else w}
        return bctx.cache[key]

    def _batch_extra(self, bctx: BatchContext) -> tuple[Any, Any]:
        """``X`` and ``Σ X h_f`` of the linked households in every draw."""
        linked = [h.batch_earners(bctx) for h in self.households(bctx.groups)]
        return sum(x["X"] for x in linked), sum(x["X"] * x["hf"] for x in linked)

    def batch_flows(self, bctx: BatchContext) -> tuple[Any, ...]:
        c = self.batch_wage(bctx)
        X, XH = self._batch_extra(bctx)
        bctx.flag(X > c["N"] * (1 + 1e-12))        # more extra earners than workers
        return worker_flows(c["N"], c["h"], bctx.melt, c["w"], dot(bctx.values, c["b"]),
                            dot(c["pr"] - bctx.pe, c["b"]), XH)

    def batch_factors(self, bctx: BatchContext) -> dict[str, Any]:
        c = self.batch_wage(bctx)
        X, _ = self._batch_extra(bctx)
        employment = (c["N"] - X, c["h"])
        if self.money_wage is None:
            return {WAGE_AND_RETAIL_PRICES: (c["b"], c["pr"]), "employment": employment}
        return {"real wage": c["b"], "money wage": c["w"], "retail margins": c["pr"],
                "employment": employment}

    def batch_fund_part(self, bctx, factor, measure):
        if self.money_wage is None:       # one factor: the wage follows as w = p_r·b
            b, pr = factor(self.name, WAGE_AND_RETAIL_PRICES)
            w = dot(pr, b)
        else:
            b = factor(self.name, "real wage")
            pr = factor(self.name, "retail margins")
            w = factor(self.name, "money wage")
        primary, h = factor(self.name, "employment")
        n = primary + sum(factor(g.name, "extra earners")[0]
                          for g in self.households(bctx.groups))
        if measure == "hours":
            return worker_fund_part(n, h, dot(bctx.values, b), measure)
        return worker_fund_part(n, h, dot(pr - bctx.pe, b), measure, mu=bctx.melt, w=w)

    def factor_names(self) -> tuple[str, ...]:
        """``wage and retail prices`` (basket b and retail prices p_r, the wage following as
        ``w = p_r·b``) and ``employment`` when the money wage is derived, as scenario files
        derive it; with a money wage stated in code, ``real wage``, ``money wage`` and
        ``retail margins`` are separate factors."""
        if self.money_wage is None:
            return (WAGE_AND_RETAIL_PRICES, "employment")
        return ("real wage", "money wage", "retail margins", "employment")

    def reads(self, groups):
        own = tuple((self.name, f) for f in self.factor_names())
        return own + tuple((g.name, "extra earners") for g in self.households(groups))

    def factors(self, ctx: AccountContext) -> dict[str, Any]:
        bbar, pr, w = self._resolved(ctx)
        X = sum(g.extra_earners(ctx.groups) for g in self.households(ctx.groups))
        employment = (self.number - X, self.hours)
        if self.money_wage is None:
            return {WAGE_AND_RETAIL_PRICES: (bbar, pr), "employment": employment}
        return {"real wage": bbar, "money wage": w, "retail margins": pr,
                "employment": employment}

    def fund_part(self, ctx, factor, measure):
        if self.money_wage is None:
            bbar, pr = factor(self.name, WAGE_AND_RETAIL_PRICES)
            w = float(pr @ bbar)
        else:
            bbar = factor(self.name, "real wage")
            w = factor(self.name, "money wage")
            pr = factor(self.name, "retail margins")
        primary, h = factor(self.name, "employment")
        X = sum(factor(g.name, "extra earners")[0] for g in self.households(ctx.groups))
        b = self._basket(ctx, bbar, w, pr)
        if measure == "hours":
            return worker_fund_part(primary + X, h, float(ctx.values @ b), measure)
        return worker_fund_part(primary + X, h, float((pr - ctx.pe) @ b), measure,
                                mu=ctx.melt, w=w)


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
    _error: ClassVar[type[NonequivalentError]] = InvalidHouseholdError
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
        return Flows(*household_flows(X, hf, ctx.melt), detail={"extra_earners": X})

    def batch_earners(self, bctx: BatchContext) -> dict[str, Any]:
        """``X = H (m1 − m0)`` extra earners, hours per earner ``h_f``, earners ``m1``, the
        family basket and domestic hours in every draw (defaults from the category)."""
        key = ("earners", self.name)
        if key not in bctx.cache:
            cat = self.category(bctx.groups).batch_wage(bctx)
            m1 = bctx.param(self, "earners")
            m0 = bctx.param(self, "counterfactual_earners")
            H = bctx.param(self, "number")
            hf = bctx.param(self, "hours_per_earner")
            basket = bctx.param(self, "basket")
            bctx.flag(~((np.asarray(m1) <= bctx.param(self, "members"))
                        & (np.asarray(m0) <= m1)))
            bctx.cache[key] = {"X": (cat["N"] / m1 if H is None else H) * (m1 - m0),
                               "hf": cat["h"] if hf is None else hf, "m1": m1,
                               "basket": cat["base"] if basket is None else basket,
                               "domestic": bctx.param(self, "domestic_hours")}
        return bctx.cache[key]

    def batch_flows(self, bctx: BatchContext) -> tuple[Any, ...]:
        x = self.batch_earners(bctx)
        return household_flows(x["X"], x["hf"], bctx.melt)

    def batch_factors(self, bctx: BatchContext) -> dict[str, Any]:
        x = self.batch_earners(bctx)
        return {"extra earners": (x["X"], x["hf"])}

    def batch_fund_part(self, bctx, factor, measure):
        return 0.0          # as fund_part: the extra earners count in their category's part

    def factor_names(self) -> tuple[str, ...]:
        return ("extra earners",)

    def factors(self, ctx: AccountContext) -> dict[str, Any]:
        return {"extra earners": (self.extra_earners(ctx.groups), self.hours(ctx.groups))}

    def fund_part(self, ctx, factor, measure):
        # in the fund every earner gives what a worker of the category gives: the extra
        # earners enter through their category's part (WorkerCategory.fund_part)
        return 0.0


