"""The specifications a scenario holds besides its groups: benchmark, units, scissors.

Also the plain views of a scenario's first group of each classic kind (``GroupSpec``,
``WorkerSpec``, ``HouseholdSpec``, ``MarketingSpec``), kept for code written against the
single-group scenarios.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..accounts.surplus import Period
from ..core.economy import Economy
from ..errors import ScenarioError
from ..exchange.account import (
    Benchmark,
    Group,
    base_period_benchmark,
    given_benchmark,
    labour_value_benchmark,
    production_price_benchmark,
    world_price_benchmark,
)
from ..exchange.procurement import IsoelasticResponse
from ..groups import Peasants, WorkerCategory, WorkerHouseholds
from ..groups.households import Household, Worker

__all__ = ["BenchmarkSpec", "GroupSpec", "HouseholdSpec", "MarketingSpec", "ScissorsSpec",
           "SingleGroupViews", "Units", "WorkerSpec"]

_FloatMap = Mapping[str, float]


# ====================================================================== specifications
@dataclasses.dataclass(frozen=True)
class BenchmarkSpec:
    """Which benchmark of equivalent exchange a scenario uses (Preobrazhensky 1926).

    Parameters
    ----------
    kind : str
        One of :data:`BENCHMARK_KINDS`: ``labour-values`` (μλ, with the MELT μ fixed by
        ``normalization``), ``production-prices`` (Sraffa prices at ``profit_rate``),
        ``base-period`` (relative prices of a base year), ``given`` or ``world-prices``.
    name : str
        Label of the benchmark (required for the kinds that carry ``prices``).
    normalization : str, optional
        ``new-interpretation`` (μ = p·y / l·x, Duménil–Foley) or ``total-price``.
    profit_rate : float, optional
        For ``production-prices``.
    prices : mapping, optional
        Benchmark prices by sector (``base-period``, ``given``, ``world-prices``).
    exchange_rate : float, optional
        For ``world-prices``: rubles per unit of world currency.

    Examples
    --------
    >>> BenchmarkSpec("labour-values", normalization="new-interpretation").kind
    'labour-values'
    """

    kind: str
    name: str = ""
    normalization: str | None = None
    profit_rate: float | None = None
    prices: _FloatMap | None = None
    exchange_rate: float | None = None

    def __call__(self, economy: Economy, final_demand: Any = None,
                 prices: Any = None) -> Benchmark:
        """Build the :class:`nonequivalent.Benchmark` this specification names.

        Parameters
        ----------
        economy : Economy
            Gives labour values (``labour-values``) or prices of production.
        final_demand, prices : Series or mapping, optional
            Net output ``y`` and actual prices ``p`` that fix the MELT of ``labour-values``
            (:meth:`Scenario.equivalence_benchmark` passes the scenario's own).

        Returns
        -------
        Benchmark
            Named after the specification; the formulas are those of the factories of
            :mod:`nonequivalent.exchange`.

        Examples
        --------
        >>> import nonequivalent as ne
        >>> eco = ne.Economy([[0.1]], labour=[1.0], sectors=["grain"])
        >>> BenchmarkSpec("given", name="market", prices={"grain": 2.0})(eco).prices.tolist()
        [2.0]
        """
        if self.kind == "labour-values":
            return labour_value_benchmark(economy, final_demand=final_demand, prices=prices,
                                          normalization=self.normalization
                                          or "new-interpretation")
        if self.kind == "production-prices":
            return production_price_benchmark(economy, self.profit_rate)
        labels = list(economy.sectors)
        bp = pd.Series([float((self.prices or {}).get(g, 0.0)) for g in labels],
                       index=pd.Index(labels, name="sector"), name="benchmark price")
        if self.kind == "base-period":
            return base_period_benchmark(bp, name=self.name)
        if self.kind == "world-prices":
            return world_price_benchmark(bp, self.exchange_rate, name=self.name)
        return given_benchmark(bp, self.name)


@dataclasses.dataclass(frozen=True)
class Units:
    """Structured units of a scenario: economy-wide flows, money, people.

    Examples
    --------
    >>> u = Units("...", "million", "rubles", "millions")
    >>> u.hours, u.money, u.price
    ('million hours', 'million rubles', 'rubles per unit')
    """

    description: str = ""
    scale: str = ""
    currency: str = "money units"
    people: str = "persons"

    @property
    def hours(self) -> str:
        """Unit of economy-wide hours (e.g. ``million hours``)."""
        return f"{self.scale} hours".strip()

    @property
    def money(self) -> str:
        """Unit of economy-wide money (e.g. ``million rubles``)."""
        return f"{self.scale} {self.currency}".strip()

    @property
    def price(self) -> str:
        """Unit of a price (e.g. ``rubles per unit``)."""
        return f"{self.currency} per unit"

    def __str__(self) -> str:
        return self.description


@dataclasses.dataclass(frozen=True)
class GroupSpec:
    """A social group's exchange with the state sector: sales, purchases, direct taxes.

    Examples
    --------
    >>> GroupSpec("peasants", {"agriculture": 3.0}, {"light industry": 2.0}, 0.6).taxes
    0.6
    """

    name: str
    sells: _FloatMap
    buys: _FloatMap
    taxes: float = 0.0

    def __call__(self) -> Group:
        """The group as a :class:`nonequivalent.Group` (so ``scenario.peasants()`` builds it).

        >>> GroupSpec("peasants", {"agriculture": 3.0}, {"light industry": 2.0}, 0.6)().name
        'peasants'
        """
        return Group(self.name, sells=dict(self.sells), buys=dict(self.buys), taxes=self.taxes)


@dataclasses.dataclass(frozen=True)
class WorkerSpec:
    """The representative worker: number, hours, money wage, the basket the wage buys.

    Examples
    --------
    >>> WorkerSpec(11.4, 2000.0, 1000.0, {"agriculture": 600.0}).hours
    2000.0
    """

    number: float
    hours: float
    money_wage: float
    basket: _FloatMap
    retail_prices: _FloatMap | None = None


@dataclasses.dataclass(frozen=True)
class HouseholdSpec:
    """The worker household: members, earners, hours per earner, family basket, and number.

    ``number`` is how many households of this kind there are (in the scenario's units, e.g.
    millions); with ``earners`` above the one-earner counterfactual they supply the extra
    earners ``X = number × (earners − 1)`` of :class:`nonequivalent.Period`.

    Examples
    --------
    >>> HouseholdSpec(4, 2, 2000.0, {"agriculture": 600.0}, number=4.0).earners
    2
    """

    members: int
    earners: int
    hours_per_earner: float
    basket: _FloatMap
    domestic_hours: float = 0.0
    number: float = 0.0

    def __call__(self) -> Household:
        """One household as a :class:`nonequivalent.Household` (``scenario.household()``).

        >>> HouseholdSpec(4, 2, 2000.0, {"agriculture": 600.0})().earners
        2.0
        """
        return Household(self.members, self.earners, self.hours_per_earner,
                         dict(self.basket), domestic_hours=self.domestic_hours)


@dataclasses.dataclass(frozen=True)
class MarketingSpec:
    """Isoelastic marketing response ``q(p) = q0 (p / p0)^ε`` of the peasants (Sah & Stiglitz 1984).

    Examples
    --------
    >>> MarketingSpec("agriculture", 0.5, 3.0, 1.0).elasticity
    0.5
    """

    good: str
    elasticity: float
    q0: float
    p0: float


@dataclasses.dataclass(frozen=True)
class ScissorsSpec:
    """Industrial and agricultural price indices against a base period.

    Examples
    --------
    >>> ScissorsSpec("1913", ("1923-10",), (276.0,), (89.0,)).periods
    ('1923-10',)
    """

    base: str
    periods: tuple[str, ...]
    industrial: tuple[float, ...]
    agricultural: tuple[float, ...]


class SingleGroupViews:
    """The first group of each classic kind as plain views (a mixin of ``Scenario``).

    For code written against scenarios of one peasant group, one worker category and one
    household type: ``peasants`` (call it for a :class:`nonequivalent.Group`), ``workers``,
    ``household``, ``real_wage_cut``, ``marketing``, :meth:`worker`,
    :meth:`marketing_response` and :meth:`period`. A scenario with several groups of a kind
    is read through ``Scenario.groups`` and ``Scenario.groups_of`` instead.
    """

    def _first(self, cls: type, what: str) -> Any:
        found = self.groups_of(cls)
        if not found:
            raise ScenarioError(f"scenario {self.name!r} has no {what} group", key="groups")
        return found[0]

    @property
    def peasants(self) -> Any:
        """The first peasant group (call it for a :class:`nonequivalent.Group`)."""
        return self._first(Peasants, "peasants")

    @property
    def workers(self) -> WorkerSpec:
        """The first worker category as number, hours, money wage, basket, retail prices."""
        w = self._first(WorkerCategory, "workers")
        return WorkerSpec(w.number, w.hours, w.wage(self.prices), w.consumed_basket(),
                          w.retail_prices)

    @property
    def household(self) -> HouseholdSpec:
        """The first household group, its derived values filled in."""
        h = self._first(WorkerHouseholds, "worker-households")
        gs = self._group_map()
        return HouseholdSpec(h.members, h.earners, h.hours(gs), h.family_basket(gs),
                             h.domestic_hours, h.households(gs))

    @property
    def real_wage_cut(self) -> float:
        """The real-wage cut of the first worker category."""
        return self._first(WorkerCategory, "workers").real_wage_cut

    @property
    def marketing(self) -> MarketingSpec:
        """The marketing response of the first peasant group that has one."""
        for g in self.groups_of(Peasants):
            if g.marketing_good is not None:
                good = g.marketing_good
                return MarketingSpec(good, g.marketing_elasticity, g.sells[good],
                                     float(self.prices[good]))
        raise ScenarioError(f"scenario {self.name!r} has no marketing response "
                            "(groups.<peasants>.marketing)", key="groups")

    def worker(self) -> Worker:
        """The representative worker as a :class:`nonequivalent.Worker`.

        The basket and the retail prices (when the scenario gives them) are Series indexed
        by sector; goods missing from the basket are zero.

        >>> from nonequivalent import scenarios
        >>> w = scenarios.load("ussr-1932").worker()
        >>> w.hours, w.wage
        (2000.0, 839.0)
        """
        w = self.workers
        retail = (None if w.retail_prices is None
                  else self._series(w.retail_prices, "retail price"))
        return Worker(w.hours, w.money_wage, self._series(w.basket, "basket"),
                      retail_prices=retail)

    def marketing_response(self) -> IsoelasticResponse:
        """The peasants' marketing response ``q(p) = q0 (p / p0)^ε``.

        >>> from nonequivalent import scenarios
        >>> r = scenarios.load("ussr-1928").marketing_response()
        >>> round(r(0.25), 1)   # a quarter of the price: 6000 * 0.25**0.5
        3000.0
        """
        m = self.marketing
        return IsoelasticResponse(q0=m.q0, p0=m.p0, elasticity=m.elasticity)

    def period(self) -> Period:
        """The first group of each classic kind as a :class:`nonequivalent.Period`.

        >>> from nonequivalent import scenarios
        >>> scenarios.load("ussr-1932").period().extra_earners
        4.0
        """
        h = self.household
        return Period(self.prices_series(), self.peasants(), self.worker(),
                      n_workers=self.workers.number, household=h(),
                      n_households=h.number,
                      counterfactual_earners=self._first(
                          WorkerHouseholds, "households").counterfactual_earners,
                      label=str(self.year))
