"""Calibrated scenarios of the Soviet town–country economy, and TOML scenario files.

A :class:`Scenario` gathers, in one immutable object, everything the other modules need to
compute a surplus account for one year: a small Leontief economy (agriculture, light and
heavy industry; peasant and worker labour), the actual prices, the benchmark of equivalent
exchange, the peasantry's sales, purchases and taxes, the worker and the worker household,
the real-wage cut, the peasants' marketing response and the price-scissors series. Every
parameter carries a *provenance*: either ``historical`` (with its source) or ``assumption``
(with the reason for the value chosen). A calibrated parameter is never presented as a record.

Built-in scenarios (see :func:`builtin`):

``ussr-1928``
    the economy before the "great turn": one earner supports a family, peasants sell grain at
    state procurement prices below the free-market price (Stalin's "tribute", July 1928);
``ussr-1932``
    the end of the first Five-Year Plan: real wages about half the 1928 level, two earners per
    family, larger compulsory grain deliveries, wider scissors.

:func:`pair` returns the two as a base/later :class:`ScenarioPair` for the decomposition of
the sources of accumulation (Barsov 1969, Ellman 1975, Harrison 1985; see
:mod:`nonequivalent.accounts`).

Scenario files are TOML (read with :mod:`tomllib`, which only parses data: nothing in a file
is ever executed or evaluated). :func:`load` validates a file and raises
:class:`~nonequivalent.ScenarioError` naming the file, the key and the reason; :func:`save`
writes a file that :func:`load` reads back to an equal scenario. The schema is described in
:data:`SCHEMA` and in the documentation page *Scenarios*.

Examples
--------
>>> from nonequivalent import scenarios
>>> scenarios.builtin()
('ussr-1928', 'ussr-1932')
>>> s = scenarios.load("ussr-1928")
>>> s.economy().is_productive
True
>>> workers = s.provenance.get("workers.number")
>>> workers.get("kind")
'historical'
>>> s.provenance.get("economy.A").get("kind")
'assumption'
"""

from __future__ import annotations

import dataclasses
import math
import re
import tomllib
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from .accounts import Period, SourcesOfAccumulation, SurplusAccount, sources_of_accumulation
from .economy import Economy
from .errors import InvalidEconomyError, NotProductiveError, ScenarioError
from .exchange import (
    Benchmark,
    Group,
    base_period_benchmark,
    given_benchmark,
    labour_value_benchmark,
    production_price_benchmark,
    world_price_benchmark,
)
from .households import Household, Worker
from .procurement import IsoelasticResponse

__all__ = [
    "BENCHMARK_KINDS",
    "PARAMETERS",
    "SCHEMA",
    "SCHEMA_VERSION",
    "BenchmarkSpec",
    "GroupSpec",
    "HouseholdSpec",
    "MarketingSpec",
    "Scenario",
    "ScenarioPair",
    "ScissorsSpec",
    "WorkerSpec",
    "builtin",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "pair",
    "save",
]

#: Version of the scenario-file schema written by :func:`save`.
SCHEMA_VERSION = 1

#: Benchmarks of equivalent exchange a scenario can name, with their required keys.
BENCHMARK_KINDS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "labour-values": ("normalization",),
    "production-prices": ("profit_rate",),
    "base-period": ("name", "prices"),
    "given": ("name", "prices"),
    "world-prices": ("name", "prices", "exchange_rate"),
})

_NORMALIZATIONS = ("new-interpretation", "total-price")

#: Parameters every scenario must document in its ``[provenance]`` table.
PARAMETERS: tuple[str, ...] = (
    "economy.A", "economy.labour", "economy.final_demand", "prices", "benchmark",
    "peasants.sells", "peasants.buys", "peasants.taxes",
    "workers.number", "workers.hours", "workers.money_wage", "workers.basket",
    "workers.retail_prices",
    "household.number", "household.members", "household.earners",
    "household.hours_per_earner",
    "household.basket", "household.domestic_hours",
    "real_wage.cut", "marketing.elasticity", "marketing.q0", "marketing.p0", "scissors",
)

#: The TOML schema: section -> {key: description}. ``sector`` tables are keyed by sector label.
SCHEMA: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "": {"schema": "integer, schema version (1)"},
    "scenario": {"name": "string", "description": "string", "year": "integer",
                 "units": "string: the units of quantities, prices and hours"},
    "economy": {"sectors": "array of n unique strings",
                "labour_kinds": "array of k unique strings",
                "A": "n x n array of arrays, A[i][j] = input of good i per unit of sector j",
                "labour": "table kind -> array of n hours per unit of gross output",
                "final_demand": "sector table of net final output y"},
    "prices": {"<sector>": "actual price (> 0) of every sector's good"},
    "benchmark": {"kind": f"one of {sorted(BENCHMARK_KINDS)}",
                  "name": "string (required for base-period, given, world-prices)",
                  "normalization": "labour-values: 'new-interpretation' or 'total-price'",
                  "profit_rate": "production-prices: uniform profit rate r >= 0",
                  "exchange_rate": "world-prices: rubles per unit of world currency",
                  "prices": "sector table of benchmark prices"},
    "peasants": {"name": "string", "sells": "sector table >= 0", "buys": "sector table >= 0",
                 "taxes": "money paid directly to the state, >= 0"},
    "workers": {"number": "workers (> 0)", "hours": "hours worked per worker (> 0)",
                "money_wage": "money wage per worker (> 0)",
                "basket": "sector table: what the wage buys (>= 0)",
                "retail_prices": "optional sector table: retail prices paid by workers"},
    "household": {"number": "how many such households (>= 0, same unit as workers.number)",
                  "members": "integer >= 1", "earners": "integer, 1 <= earners <= members",
                  "hours_per_earner": "> 0", "basket": "sector table: family basket",
                  "domestic_hours": "unpaid domestic hours (>= 0)"},
    "real_wage": {"cut": "share of the real wage lost against the base year, 0 <= cut < 1"},
    "marketing": {"good": "sector marketed by the peasants", "elasticity": ">= 0",
                  "q0": "marketed quantity at p0 (> 0)", "p0": "reference price (> 0)"},
    "scissors": {"base": "string, base period of the indices",
                 "periods": "array of strings", "industrial": "array of index numbers > 0",
                 "agricultural": "array of index numbers > 0"},
    "provenance": {"<parameter>": "table {kind = 'historical', source = ...} or "
                                  "{kind = 'assumption', reason = ...}"},
})

_BUILTIN = ("ussr-1928", "ussr-1932")
_FloatMap = Mapping[str, float]


def _freeze(d: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(d))


# ====================================================================== specifications
@dataclasses.dataclass(frozen=True)
class BenchmarkSpec:
    """Which benchmark of equivalent exchange a scenario uses (DESIGN §2.3).

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
            :mod:`nonequivalent.exchange` (DESIGN §2.3).

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
    """Isoelastic marketing response ``q(p) = q0 (p / p0)^ε`` of the peasants (DESIGN §2.3).

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


# ====================================================================== scenario
@dataclasses.dataclass(frozen=True)
class Scenario:
    """A calibrated town–country economy for one year, with the provenance of every parameter.

    Build one with :func:`load` (a built-in name or a TOML file) or :func:`from_dict`; derive
    variants with :func:`dataclasses.replace`. The builders return the objects of the other
    modules: :meth:`economy`, ``peasants()`` (calling the :class:`GroupSpec` gives a
    :class:`nonequivalent.Group`), :meth:`worker`, ``household()`` (calling the
    :class:`HouseholdSpec` gives a :class:`nonequivalent.Household`),
    :meth:`equivalence_benchmark`, :meth:`marketing_response`, :meth:`period` and
    :meth:`surplus_account`.

    Attributes
    ----------
    name, description, units : str
    year : int
    sectors, labour_kinds : tuple of str
    A : tuple of tuples
        Technical coefficients, ``A[i][j]`` = input of good ``i`` per unit output of ``j``.
    labour : mapping kind -> tuple
        Labour coefficients (hours per unit of gross output) by kind.
    final_demand, prices : mapping sector -> float
        Net final output ``y`` and actual prices ``p``.
    benchmark : BenchmarkSpec
        Which benchmark of equivalence (build it with :meth:`equivalence_benchmark`).
    peasants : GroupSpec
        The peasantry's sales, purchases and taxes; ``peasants()`` builds the Group.
    workers : WorkerSpec
        Number, hours, money wage, basket (build one worker with :meth:`worker`).
    household : HouseholdSpec
        Members, earners, hours, family basket, number; ``household()`` builds one.
    real_wage_cut : float
        Share of the real wage lost against the base year.
    marketing : MarketingSpec
        Marketing response (build with :meth:`marketing_response`).
    scissors : ScissorsSpec or None
        Scissors series (see :meth:`scissors_frame`).
    provenance : mapping parameter -> mapping
        ``{"kind": "historical", "source": ...}`` or ``{"kind": "assumption", "reason": ...}``
        for every name in :data:`PARAMETERS`.

    Examples
    --------
    >>> from nonequivalent import scenarios
    >>> s = scenarios.load("ussr-1932")
    >>> s.household.earners, s.real_wage_cut
    (2, 0.5)
    >>> s.prices_series().index.tolist()
    ['agriculture', 'light industry', 'heavy industry']
    """

    name: str
    description: str
    year: int
    units: str
    sectors: tuple[str, ...]
    labour_kinds: tuple[str, ...]
    A: tuple[tuple[float, ...], ...]
    labour: Mapping[str, tuple[float, ...]]
    final_demand: _FloatMap
    prices: _FloatMap
    benchmark: BenchmarkSpec
    peasants: GroupSpec
    workers: WorkerSpec
    household: HouseholdSpec
    real_wage_cut: float
    marketing: MarketingSpec
    scissors: ScissorsSpec | None
    provenance: Mapping[str, Mapping[str, str]]

    # ---------------------------------------------------------------- pandas views
    def _series(self, data: Mapping[str, float], name: str) -> pd.Series:
        return pd.Series([float(data.get(s, 0.0)) for s in self.sectors],
                         index=pd.Index(self.sectors, name="sector"), name=name)

    def technical_matrix(self) -> pd.DataFrame:
        """``A`` as a labelled DataFrame (rows: inputs, columns: using sectors).

        >>> from nonequivalent import scenarios
        >>> float(scenarios.load("ussr-1928").technical_matrix().loc["agriculture",
        ...                                                          "light industry"])
        0.35
        """
        idx = pd.Index(self.sectors, name="sector")
        return pd.DataFrame(np.array(self.A, dtype=float), index=idx, columns=idx)

    def prices_series(self) -> pd.Series:
        """Actual prices ``p`` as a Series indexed by sector.

        >>> from nonequivalent import scenarios
        >>> scenarios.load("ussr-1928").prices_series().tolist()
        [1.0, 1.0, 1.0]
        """
        return self._series(self.prices, "price")

    def final_demand_series(self) -> pd.Series:
        """Net final output ``y`` as a Series indexed by sector.

        >>> from nonequivalent import scenarios
        >>> float(scenarios.load("ussr-1928").final_demand_series().sum())
        43000.0
        """
        return self._series(self.final_demand, "final demand")

    def scissors_frame(self) -> pd.DataFrame:
        """The scissors series: indices and their ratio ``σ = P_m / P_a`` by period.

        The ratio of the industrial to the agricultural index, both against the same base
        period, is the scissors index of DESIGN §2.3 (Trotsky's "scissors", 1923).

        >>> from nonequivalent import scenarios
        >>> scenarios.load("ussr-1928").scissors_frame().loc["1923-10", "ratio"].round(2)
        np.float64(3.1)
        """
        if self.scissors is None:
            raise ScenarioError("this scenario has no scissors series", key="scissors")
        sc = self.scissors
        ind = np.array(sc.industrial, dtype=float)
        agr = np.array(sc.agricultural, dtype=float)
        return pd.DataFrame({"industrial": ind, "agricultural": agr, "ratio": ind / agr},
                            index=pd.Index(sc.periods, name="period"))

    def provenance_frame(self) -> pd.DataFrame:
        """Every documented parameter with its kind and its source or reason.

        >>> from nonequivalent import scenarios
        >>> f = scenarios.load("ussr-1932").provenance_frame()
        >>> f.loc["workers.number", "kind"]
        'historical'
        """
        rows = [{"parameter": k, "kind": v["kind"],
                 "source or reason": v.get("source", v.get("reason", ""))}
                for k, v in self.provenance.items()]
        return pd.DataFrame(rows).set_index("parameter")

    def to_frame(self) -> pd.DataFrame:
        """Alias of :meth:`provenance_frame` (the scenario's parameters and their status).

        >>> from nonequivalent import scenarios
        >>> "economy.A" in scenarios.load("ussr-1928").to_frame().index
        True
        """
        return self.provenance_frame()

    def summary(self) -> str:
        """A readable summary: the economy, the groups and how many parameters are records.

        >>> from nonequivalent import scenarios
        >>> print(scenarios.load("ussr-1928").summary())  # doctest: +ELLIPSIS
        Scenario 'ussr-1928' (1928): ...
        """
        kinds = [v["kind"] for v in self.provenance.values()]
        eco = self.economy()
        b, p = self.benchmark, self.peasants
        w, h = self.workers, self.household
        lines = [
            f"Scenario {self.name!r} ({self.year}): {self.description}",
            f"  sectors: {', '.join(self.sectors)}; labour kinds: "
            f"{', '.join(self.labour_kinds)}; rho(A) = {eco.spectral_radius:.4f}",
            f"  benchmark: {b.kind}" + (f" ({b.normalization})" if b.normalization else "")
            + (f" '{b.name}'" if b.name else ""),
            f"  peasants: sell {dict(p.sells)}, buy {dict(p.buys)}, taxes {p.taxes:g}",
            f"  workers: {w.number:g} x {w.hours:g} h, wage {w.money_wage:g}; household: "
            f"{h.earners} earner(s) of {h.members} members; real-wage cut "
            f"{self.real_wage_cut:g}",
            f"  provenance: {kinds.count('historical')} historical, "
            f"{kinds.count('assumption')} assumed parameters",
            f"  units: {self.units}",
        ]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    # ---------------------------------------------------------------- builders
    def economy(self) -> Economy:
        """The Leontief economy ``(A, labour by kind)`` of the scenario.

        >>> from nonequivalent import scenarios
        >>> eco = scenarios.load("ussr-1928").economy()
        >>> list(eco.labour_kinds)
        ['peasant', 'worker']
        """
        # Built once per scenario (a frozen Economy), so that every account, benchmark and
        # decomposition of the scenario reuses the same factorization of (I - A).
        eco = self.__dict__.get("_economy")
        if eco is None:
            eco = Economy(np.array(self.A, dtype=float),
                          labour={k: list(v) for k, v in self.labour.items()},
                          sectors=list(self.sectors))
            object.__setattr__(self, "_economy", eco)
        return eco

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

    def equivalence_benchmark(self, economy: Economy | None = None) -> Benchmark:
        """The benchmark of equivalent prices as a :class:`nonequivalent.Benchmark`.

        Builds :attr:`benchmark` (the specification) with the scenario's economy, final
        demand and actual prices: ``labour-values`` calls
        :func:`nonequivalent.labour_value_benchmark` with them, so that the MELT follows the
        named normalization; the other kinds call the matching factory of
        :mod:`nonequivalent.exchange`.

        Parameters
        ----------
        economy : Economy, optional
            The economy giving labour values (default :meth:`economy`).

        Returns
        -------
        Benchmark

        Examples
        --------
        >>> from nonequivalent import scenarios
        >>> b = scenarios.load("ussr-1928").equivalence_benchmark()
        >>> b.prices.index.tolist()
        ['agriculture', 'light industry', 'heavy industry']
        """
        eco = economy if economy is not None else self.economy()
        return self.benchmark(eco, final_demand=self.final_demand_series(),
                              prices=self.prices_series())

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
        """The scenario as a :class:`nonequivalent.Period` for surplus accounts.

        Workers number ``workers.number``; the households are ``household.number``
        households of ``household.earners`` earners against a one-earner
        counterfactual.

        >>> from nonequivalent import scenarios
        >>> scenarios.load("ussr-1932").period().extra_earners
        4.0
        """
        h = self.household
        return Period(self.prices_series(), self.peasants(), self.worker(),
                      n_workers=self.workers.number, household=self.household(),
                      n_households=h.number, counterfactual_earners=1.0,
                      label=str(self.year))

    def surplus_account(self, **kwargs: Any) -> SurplusAccount:
        """The surplus account of the scenario (:func:`nonequivalent.surplus_account`).

        Uses :meth:`economy`, :meth:`benchmark` and :meth:`period`; keyword arguments
        (``melt``, ``spend_income``) are passed on.

        >>> from nonequivalent import scenarios
        >>> acc = scenarios.load("ussr-1928").surplus_account()
        >>> type(acc).__name__
        'SurplusAccount'
        """
        eco = self.economy()
        return self.period().account(eco, self.equivalence_benchmark(eco), **kwargs)

    # ---------------------------------------------------------------- serialization
    def to_dict(self) -> dict[str, Any]:
        """The scenario as plain data in the layout of the TOML schema (:data:`SCHEMA`).

        >>> from nonequivalent import scenarios
        >>> s = scenarios.load("ussr-1928")
        >>> scenarios.from_dict(s.to_dict()) == s
        True
        """
        b = self.benchmark
        bench: dict[str, Any] = {"kind": b.kind}
        if b.name:
            bench["name"] = b.name
        if b.normalization is not None:
            bench["normalization"] = b.normalization
        if b.profit_rate is not None:
            bench["profit_rate"] = b.profit_rate
        if b.exchange_rate is not None:
            bench["exchange_rate"] = b.exchange_rate
        if b.prices is not None:
            bench["prices"] = dict(b.prices)
        ws = self.workers
        workers: dict[str, Any] = {"number": ws.number, "hours": ws.hours,
                                   "money_wage": ws.money_wage, "basket": dict(ws.basket)}
        if self.workers.retail_prices is not None:
            workers["retail_prices"] = dict(self.workers.retail_prices)
        doc: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "scenario": {"name": self.name, "description": self.description,
                         "year": self.year, "units": self.units},
            "economy": {"sectors": list(self.sectors), "labour_kinds": list(self.labour_kinds),
                        "A": [list(r) for r in self.A],
                        "labour": {k: list(v) for k, v in self.labour.items()},
                        "final_demand": dict(self.final_demand)},
            "prices": dict(self.prices),
            "benchmark": bench,
            "peasants": {"name": self.peasants.name, "taxes": self.peasants.taxes,
                         "sells": dict(self.peasants.sells),
                         "buys": dict(self.peasants.buys)},
            "workers": workers,
            "household": {"number": self.household.number,
                          "members": self.household.members,
                          "earners": self.household.earners,
                          "hours_per_earner": self.household.hours_per_earner,
                          "domestic_hours": self.household.domestic_hours,
                          "basket": dict(self.household.basket)},
            "real_wage": {"cut": self.real_wage_cut},
            "marketing": {"good": self.marketing.good,
                          "elasticity": self.marketing.elasticity,
                          "q0": self.marketing.q0, "p0": self.marketing.p0},
        }
        if self.scissors is not None:
            doc["scissors"] = {"base": self.scissors.base,
                               "periods": list(self.scissors.periods),
                               "industrial": list(self.scissors.industrial),
                               "agricultural": list(self.scissors.agricultural)}
        doc["provenance"] = {k: dict(v) for k, v in self.provenance.items()}
        return doc


@dataclasses.dataclass(frozen=True)
class ScenarioPair:
    """A base and a later scenario on the same sectors, for comparisons between periods.

    The sources-of-accumulation decomposition (DESIGN §2.5) compares the surplus accounts of
    ``base`` and ``later``; both must describe the same sectors and labour kinds.

    Examples
    --------
    >>> from nonequivalent import scenarios
    >>> p = scenarios.pair("ussr-1928", "ussr-1932")
    >>> p.base.year, p.later.year
    (1928, 1932)
    """

    base: Scenario
    later: Scenario

    def __post_init__(self) -> None:
        if self.base.sectors != self.later.sectors:
            raise ScenarioError(
                f"the pair's scenarios have different sectors: {list(self.base.sectors)} and "
                f"{list(self.later.sectors)}; a comparison needs the same goods",
                key="economy.sectors")
        if self.base.labour_kinds != self.later.labour_kinds:
            raise ScenarioError(
                f"the pair's scenarios have different labour kinds: "
                f"{list(self.base.labour_kinds)} and {list(self.later.labour_kinds)}",
                key="economy.labour_kinds")

    def __str__(self) -> str:
        return f"ScenarioPair(base={self.base.name!r}, later={self.later.name!r})"

    def sources_of_accumulation(self, measure: str = "hours",
                                **kwargs: Any) -> SourcesOfAccumulation:
        """Decompose the change in the accumulation fund from ``base`` to ``later``.

        Calls :func:`nonequivalent.sources_of_accumulation` with the base scenario's
        economy and benchmark, both held fixed (as that decomposition requires), and the
        two scenarios' periods (:meth:`Scenario.period`).

        Raises
        ------
        ScenarioError
            The two scenarios have different technologies (``A`` or labour coefficients).

        >>> from nonequivalent import scenarios
        >>> res = scenarios.pair().sources_of_accumulation()
        >>> type(res).__name__
        'SourcesOfAccumulation'
        """
        if self.base.A != self.later.A or dict(self.base.labour) != dict(self.later.labour):
            raise ScenarioError(
                f"scenarios {self.base.name!r} and {self.later.name!r} have different "
                "technologies (A or labour coefficients); the sources-of-accumulation "
                "decomposition holds technology fixed, so give the later scenario the base "
                "scenario's economy (dataclasses.replace(later, A=..., labour=...))",
                key="economy")
        eco = self.base.economy()
        return sources_of_accumulation(eco, self.base.equivalence_benchmark(eco),
                                       self.base.period(),
                                       self.later.period(), measure=measure, **kwargs)


def pair(base: str | Scenario = "ussr-1928", later: str | Scenario = "ussr-1932",
         ) -> ScenarioPair:
    """A base/later pair of scenarios (names, paths or :class:`Scenario` objects).

    Raises
    ------
    ScenarioError
        Unknown or invalid scenario, or scenarios on different sectors or labour kinds.

    Examples
    --------
    >>> from nonequivalent import scenarios
    >>> str(scenarios.pair())
    "ScenarioPair(base='ussr-1928', later='ussr-1932')"
    """
    b = base if isinstance(base, Scenario) else load(base)
    lt = later if isinstance(later, Scenario) else load(later)
    return ScenarioPair(b, lt)


# ====================================================================== loading
def builtin() -> tuple[str, ...]:
    """Names of the built-in scenarios.

    >>> from nonequivalent import scenarios
    >>> "ussr-1932" in scenarios.builtin()
    True
    """
    return _BUILTIN


def load(name_or_path: str | Path) -> Scenario:
    """Load a built-in scenario by name, or a scenario file by path, and validate it.

    Parameters
    ----------
    name_or_path : str or Path
        A name from :func:`builtin`, or the path of a TOML scenario file.

    Raises
    ------
    ScenarioError
        Unknown name (listing the built-ins), unreadable file, TOML syntax error, or an
        invalid scenario (naming the file, the key and the reason).

    Examples
    --------
    >>> from nonequivalent import scenarios
    >>> scenarios.load("ussr-1932").workers.number
    24.2
    >>> scenarios.load("ussr-1999")
    Traceback (most recent call last):
    ...
    nonequivalent.errors.ScenarioError: no built-in scenario or file named 'ussr-1999'; ...
    """
    if isinstance(name_or_path, str) and name_or_path in _BUILTIN:
        res = resources.files("nonequivalent").joinpath("data", f"{name_or_path}.toml")
        return loads(res.read_text(encoding="utf-8"), file=f"{name_or_path} (built-in)")
    path = Path(name_or_path)
    if not path.is_file():
        raise ScenarioError(
            f"no built-in scenario or file named {str(name_or_path)!r}; built-in scenarios: "
            f"{list(_BUILTIN)}")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"cannot read the file: {exc}", file=str(path)) from None
    return loads(text, file=str(path))


def loads(text: str, file: str = "<string>") -> Scenario:
    """Parse and validate the TOML text of a scenario (data only: nothing is executed).

    >>> from nonequivalent import scenarios
    >>> s = scenarios.load("ussr-1928")
    >>> scenarios.loads(scenarios.dumps(s)) == s
    True
    """
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"not valid TOML: {exc}", file=file) from None
    return from_dict(doc, file=file)


# ====================================================================== validation
class _Checker:
    """Reads a parsed document, raising ScenarioError(reason, file, key) on the first fault."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, key: str, reason: str) -> ScenarioError:
        return ScenarioError(reason, file=self.file, key=key)

    def table(self, doc: Mapping[str, Any], key: str, *,
              allowed: Sequence[str] | None = None) -> dict[str, Any]:
        if key not in doc:
            raise self.fail(key, "missing table; see nonequivalent.scenarios.SCHEMA")
        return self._as_table(doc[key], key, allowed)

    def opt_table(self, doc: Mapping[str, Any], key: str, *,
                  allowed: Sequence[str] | None = None) -> dict[str, Any] | None:
        if key not in doc:
            return None
        return self._as_table(doc[key], key, allowed)

    def _as_table(self, cur: Any, key: str, allowed: Sequence[str] | None) -> dict[str, Any]:
        if not isinstance(cur, Mapping):
            raise self.fail(key, f"must be a table, got {type(cur).__name__}")
        if allowed is not None:
            extra = [k for k in cur if k not in allowed]
            if extra:
                raise self.fail(f"{key}.{extra[0]}",
                                f"unknown key; allowed keys here: {list(allowed)}")
        return dict(cur)

    def get(self, tbl: Mapping[str, Any], key: str, prefix: str, *,
            required: bool = True) -> Any:
        if key not in tbl:
            if required:
                raise self.fail(f"{prefix}.{key}", "missing key")
            return None
        return tbl[key]

    def string(self, value: Any, key: str, *, nonempty: bool = True) -> str:
        if not isinstance(value, str):
            raise self.fail(key, f"must be a string, got {type(value).__name__}")
        if nonempty and not value.strip():
            raise self.fail(key, "must not be empty")
        return value

    def integer(self, value: Any, key: str, *, minimum: int | None = None) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, f"must be an integer, got {type(value).__name__}")
        if minimum is not None and value < minimum:
            raise self.fail(key, f"must be >= {minimum}, got {value}")
        return value

    def number(self, value: Any, key: str, *, positive: bool = False,
               nonneg: bool = True) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, f"must be a number, got {type(value).__name__}")
        x = float(value)
        if not math.isfinite(x):
            raise self.fail(key, f"must be finite, got {x}")
        if positive and x <= 0:
            raise self.fail(key, f"must be > 0, got {x:g}")
        if nonneg and x < 0:
            raise self.fail(key, f"must be >= 0 (a negative coefficient or quantity), "
                                 f"got {x:g}")
        return x

    def vector(self, value: Any, key: str, n: int) -> tuple[float, ...]:
        if not isinstance(value, list):
            raise self.fail(key, f"must be an array of {n} numbers, got "
                                 f"{type(value).__name__}")
        if len(value) != n:
            raise self.fail(key, f"wrong length: {len(value)} entries for {n} sectors")
        return tuple(self.number(v, f"{key}[{i}]") for i, v in enumerate(value))

    def labels(self, value: Any, key: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail(key, "must be a non-empty array of strings")
        out = tuple(self.string(v, f"{key}[{i}]") for i, v in enumerate(value))
        dup = sorted({x for x in out if out.count(x) > 1})
        if dup:
            raise self.fail(key, f"labels must be unique; repeated: {dup}")
        return out

    def sector_table(self, value: Any, key: str, sectors: Sequence[str], *,
                     complete: bool = False, positive: bool = False) -> Mapping[str, float]:
        if not isinstance(value, Mapping):
            raise self.fail(key, f"must be a table keyed by sector, got {type(value).__name__}")
        out: dict[str, float] = {}
        for label, v in value.items():
            if label not in sectors:
                raise self.fail(f"{key}.{label}",
                                f"unknown sector label {label!r}; sectors are {list(sectors)}")
            out[label] = self.number(v, f"{key}.{label}", positive=positive)
        if complete:
            missing = [s for s in sectors if s not in out]
            if missing:
                raise self.fail(f"{key}.{missing[0]}", "missing key: give a value for every "
                                                       f"sector; missing {missing}")
            out = {s: out[s] for s in sectors}
        return _freeze(out)


_TOP = ("schema", "scenario", "economy", "prices", "benchmark", "peasants", "workers",
        "household", "real_wage", "marketing", "scissors", "provenance")


def from_dict(doc: Mapping[str, Any], file: str = "<dict>") -> Scenario:
    """Validate plain data in the layout of :data:`SCHEMA` and build a :class:`Scenario`.

    Checks: missing keys, wrong types, wrong lengths, negative coefficients, unknown sector
    labels, a non-productive ``A`` (naming ρ(A) and the sectors), unknown benchmark kinds,
    and a provenance entry (historical with source, or assumption with reason) for every
    parameter in :data:`PARAMETERS`.

    Raises
    ------
    ScenarioError
        With ``file``, ``key`` and ``reason`` set.

    Examples
    --------
    >>> from nonequivalent import scenarios
    >>> doc = scenarios.load("ussr-1928").to_dict()
    >>> doc["benchmark"]["kind"] = "fair-prices"
    >>> scenarios.from_dict(doc, file="mine.toml")
    Traceback (most recent call last):
    ...
    nonequivalent.errors.ScenarioError: file 'mine.toml', key 'benchmark.kind': unknown ...
    """
    c = _Checker(file)
    if not isinstance(doc, Mapping):
        raise c.fail("", "a scenario must be a table")
    extra = [k for k in doc if k not in _TOP]
    if extra:
        raise c.fail(extra[0], f"unknown section; allowed sections: {list(_TOP)}")
    version = c.integer(doc["schema"], "schema") if "schema" in doc else SCHEMA_VERSION
    if version != SCHEMA_VERSION:
        raise c.fail("schema", f"unsupported schema version {version}; this library reads "
                               f"version {SCHEMA_VERSION}")

    sc = c.table(doc, "scenario", allowed=("name", "description", "year", "units"))
    name = c.string(c.get(sc, "name", "scenario"), "scenario.name")
    description = c.string(c.get(sc, "description", "scenario"), "scenario.description")
    year = c.integer(c.get(sc, "year", "scenario"), "scenario.year")
    units = c.string(c.get(sc, "units", "scenario", required=False) or "", "scenario.units",
                     nonempty=False)

    # ---- economy
    ec = c.table(doc, "economy",
                 allowed=("sectors", "labour_kinds", "A", "labour", "final_demand"))
    sectors = c.labels(c.get(ec, "sectors", "economy"), "economy.sectors")
    kinds = c.labels(c.get(ec, "labour_kinds", "economy"), "economy.labour_kinds")
    n = len(sectors)
    rawA = c.get(ec, "A", "economy")
    if not isinstance(rawA, list):
        raise c.fail("economy.A", "must be an array of arrays (one row per input good)")
    if len(rawA) != n:
        raise c.fail("economy.A", f"wrong length: {len(rawA)} rows for {n} sectors")
    A = tuple(c.vector(row, f"economy.A[{i}]", n) for i, row in enumerate(rawA))
    lab = c.get(ec, "labour", "economy")
    if not isinstance(lab, Mapping):
        raise c.fail("economy.labour", "must be a table: labour kind -> array of hours")
    for k in lab:
        if k not in kinds:
            raise c.fail(f"economy.labour.{k}",
                         f"unknown labour kind {k!r}; economy.labour_kinds are {list(kinds)}")
    missing = [k for k in kinds if k not in lab]
    if missing:
        raise c.fail(f"economy.labour.{missing[0]}", "missing key: one row per labour kind")
    labour = _freeze({k: c.vector(lab[k], f"economy.labour.{k}", n) for k in kinds})
    final_demand = c.sector_table(c.get(ec, "final_demand", "economy"),
                                  "economy.final_demand", sectors, complete=True)
    _check_productive(c, A, labour, sectors)

    if "prices" not in doc:
        raise c.fail("prices", "missing table; see nonequivalent.scenarios.SCHEMA")
    prices = c.sector_table(doc["prices"], "prices", sectors, complete=True, positive=True)

    # ---- benchmark
    bt = c.table(doc, "benchmark", allowed=("kind", "name", "normalization", "profit_rate",
                                            "prices", "exchange_rate"))
    benchmark = _benchmark(c, bt, sectors)

    # ---- peasants
    pt = c.table(doc, "peasants", allowed=("name", "sells", "buys", "taxes"))
    peasants = GroupSpec(
        c.string(pt.get("name", "peasants"), "peasants.name"),
        c.sector_table(c.get(pt, "sells", "peasants"), "peasants.sells", sectors),
        c.sector_table(c.get(pt, "buys", "peasants"), "peasants.buys", sectors),
        c.number(c.get(pt, "taxes", "peasants"), "peasants.taxes"),
    )

    # ---- workers
    wt = c.table(doc, "workers",
                 allowed=("number", "hours", "money_wage", "basket", "retail_prices"))
    retail = wt.get("retail_prices")
    workers = WorkerSpec(
        c.number(c.get(wt, "number", "workers"), "workers.number", positive=True),
        c.number(c.get(wt, "hours", "workers"), "workers.hours", positive=True),
        c.number(c.get(wt, "money_wage", "workers"), "workers.money_wage", positive=True),
        c.sector_table(c.get(wt, "basket", "workers"), "workers.basket", sectors),
        None if retail is None else c.sector_table(retail, "workers.retail_prices", sectors,
                                                   complete=True, positive=True),
    )

    # ---- household
    ht = c.table(doc, "household", allowed=("number", "members", "earners",
                                            "hours_per_earner", "basket", "domestic_hours"))
    members = c.integer(c.get(ht, "members", "household"), "household.members", minimum=1)
    earners = c.integer(c.get(ht, "earners", "household"), "household.earners", minimum=1)
    if earners > members:
        raise c.fail("household.earners",
                     f"{earners} earners in a household of {members} members")
    household = HouseholdSpec(
        members, earners,
        c.number(c.get(ht, "hours_per_earner", "household"), "household.hours_per_earner",
                 positive=True),
        c.sector_table(c.get(ht, "basket", "household"), "household.basket", sectors),
        c.number(ht.get("domestic_hours", 0.0), "household.domestic_hours"),
        c.number(c.get(ht, "number", "household"), "household.number"),
    )

    rt = c.table(doc, "real_wage", allowed=("cut",))
    cut = c.number(c.get(rt, "cut", "real_wage"), "real_wage.cut")
    if cut >= 1:
        raise c.fail("real_wage.cut", f"must be < 1 (a share of the real wage), got {cut:g}")

    mt = c.table(doc, "marketing", allowed=("good", "elasticity", "q0", "p0"))
    good = c.string(c.get(mt, "good", "marketing"), "marketing.good")
    if good not in sectors:
        raise c.fail("marketing.good", f"unknown sector label {good!r}; sectors are "
                                       f"{list(sectors)}")
    marketing = MarketingSpec(
        good,
        c.number(c.get(mt, "elasticity", "marketing"), "marketing.elasticity"),
        c.number(c.get(mt, "q0", "marketing"), "marketing.q0", positive=True),
        c.number(c.get(mt, "p0", "marketing"), "marketing.p0", positive=True),
    )

    st = c.opt_table(doc, "scissors",
                 allowed=("base", "periods", "industrial", "agricultural"))
    scissors = None if st is None else _scissors(c, st)

    provenance = _provenance(c, doc, scissors is not None, retail is not None)

    return Scenario(
        name=name, description=description, year=year, units=units, sectors=sectors,
        labour_kinds=kinds, A=A, labour=labour, final_demand=final_demand, prices=prices,
        benchmark=benchmark, peasants=peasants, workers=workers,
        household=household, real_wage_cut=cut, marketing=marketing,
        scissors=scissors, provenance=provenance,
    )


def _check_productive(c: _Checker, A: tuple[tuple[float, ...], ...],
                      labour: Mapping[str, tuple[float, ...]], sectors: tuple[str, ...],
                      ) -> None:
    try:
        eco = Economy(np.array(A, dtype=float), labour={k: list(v) for k, v in labour.items()},
                      sectors=list(sectors))
        eco.require_productive()
    except NotProductiveError as exc:
        raise c.fail("economy.A", f"the technical matrix is not productive: "
                                  f"rho(A) = {exc.spectral_radius:.6g} >= 1, carried by "
                                  f"sectors {exc.sectors}; reduce their input "
                                  "coefficients") from None
    except InvalidEconomyError as exc:
        raise c.fail("economy", f"invalid economy: {exc}") from None


def _benchmark(c: _Checker, bt: Mapping[str, Any], sectors: tuple[str, ...]) -> BenchmarkSpec:
    kind = c.string(c.get(bt, "kind", "benchmark"), "benchmark.kind")
    if kind not in BENCHMARK_KINDS:
        raise c.fail("benchmark.kind", f"unknown benchmark kind {kind!r}; known kinds: "
                                       f"{sorted(BENCHMARK_KINDS)}")
    for req in BENCHMARK_KINDS[kind]:
        if req not in bt:
            raise c.fail(f"benchmark.{req}", f"missing key (required for kind {kind!r})")
    allowed = {"kind", "name", *BENCHMARK_KINDS[kind]}
    extra = [k for k in bt if k not in allowed]
    if extra:
        raise c.fail(f"benchmark.{extra[0]}", f"not used by benchmark kind {kind!r}; keys "
                                              f"for this kind: {sorted(allowed)}")
    name = c.string(bt.get("name", ""), "benchmark.name",
                    nonempty="name" in BENCHMARK_KINDS[kind])
    norm = None
    if "normalization" in bt:
        norm = c.string(bt["normalization"], "benchmark.normalization")
        if norm not in _NORMALIZATIONS:
            raise c.fail("benchmark.normalization", f"unknown normalization {norm!r}; use one "
                                                    f"of {list(_NORMALIZATIONS)}")
    r = None if "profit_rate" not in bt else c.number(bt["profit_rate"], "benchmark.profit_rate")
    prices = None if "prices" not in bt else c.sector_table(
        bt["prices"], "benchmark.prices", sectors, complete=True, positive=True)
    xr = None if "exchange_rate" not in bt else c.number(
        bt["exchange_rate"], "benchmark.exchange_rate", positive=True)
    return BenchmarkSpec(kind, name, norm, r, prices, xr)


def _scissors(c: _Checker, st: Mapping[str, Any]) -> ScissorsSpec:
    base = c.string(c.get(st, "base", "scissors"), "scissors.base")
    periods = c.labels(c.get(st, "periods", "scissors"), "scissors.periods")
    m = len(periods)
    ind = c.get(st, "industrial", "scissors")
    agr = c.get(st, "agricultural", "scissors")
    industrial = c.vector(ind, "scissors.industrial", m)
    agricultural = c.vector(agr, "scissors.agricultural", m)
    for key, vals in (("scissors.industrial", industrial),
                      ("scissors.agricultural", agricultural)):
        for i, v in enumerate(vals):
            if v <= 0:
                raise c.fail(f"{key}[{i}]", f"index numbers must be > 0, got {v:g}")
    return ScissorsSpec(base, periods, industrial, agricultural)


def _provenance(c: _Checker, doc: Mapping[str, Any], has_scissors: bool,
                has_retail: bool) -> Mapping[str, Mapping[str, str]]:
    pv = c.table(doc, "provenance")
    needed = [p for p in PARAMETERS
              if (p != "scissors" or has_scissors)
              and (p != "workers.retail_prices" or has_retail)]
    extra = [k for k in pv if k not in PARAMETERS]
    if extra:
        raise c.fail(f"provenance.{extra[0]}", f"unknown parameter; documented parameters "
                                               f"are {list(PARAMETERS)}")
    out: dict[str, Mapping[str, str]] = {}
    for p in needed:
        if p not in pv:
            raise c.fail(f"provenance.{p}", "missing key: every parameter must say whether it "
                                            "is historical (with source) or an assumption "
                                            "(with reason)")
    for p in [q for q in PARAMETERS if q in pv]:
        key = f"provenance.{p}"
        entry = pv[p]
        if not isinstance(entry, Mapping):
            raise c.fail(key, f"must be a table, got {type(entry).__name__}")
        kind = c.string(c.get(entry, "kind", key), f"{key}.kind")
        if kind not in ("historical", "assumption"):
            raise c.fail(f"{key}.kind", f"must be 'historical' or 'assumption', got {kind!r}")
        need = "source" if kind == "historical" else "reason"
        extra_keys = [k for k in entry if k not in ("kind", need)]
        if extra_keys:
            raise c.fail(f"{key}.{extra_keys[0]}", f"unknown key for a {kind} parameter; "
                                                   f"give 'kind' and '{need}'")
        text = c.string(c.get(entry, need, key), f"{key}.{need}")
        out[p] = _freeze({"kind": kind, need: text})
    return _freeze(out)


# ====================================================================== writing
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _key(k: str) -> str:
    return k if _BARE_KEY.fullmatch(k) else _string(k)


def _string(s: str) -> str:
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif o < 0x20 or o == 0x7F:
            out.append(f"\\u{o:04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ScenarioError(f"cannot write the non-finite number {v}")
        return repr(v)
    if isinstance(v, str):
        return _string(v)
    if isinstance(v, list | tuple):
        if v and all(isinstance(x, list | tuple) for x in v):
            inner = ",\n".join(f"    {_value(x)}" for x in v)
            return f"[\n{inner},\n]"
        return "[" + ", ".join(_value(x) for x in v) + "]"
    raise ScenarioError(f"cannot write a value of type {type(v).__name__}")


def _emit(tbl: Mapping[str, Any], path: tuple[str, ...], out: list[str]) -> None:
    scalars = [(k, v) for k, v in tbl.items() if not isinstance(v, Mapping)]
    subtables = [(k, v) for k, v in tbl.items() if isinstance(v, Mapping)]
    if path and (scalars or not subtables):
        out.append("")
        out.append("[" + ".".join(_key(p) for p in path) + "]")
    for k, v in scalars:
        out.append(f"{_key(k)} = {_value(v)}")
    for k, v in subtables:
        _emit(v, (*path, k), out)


def dumps(scenario: Scenario | Mapping[str, Any]) -> str:
    """TOML text of a scenario (or of plain data in the layout of :data:`SCHEMA`).

    Strings are written as TOML basic strings with every special character escaped, floats
    with :func:`repr` (so they read back exactly); non-finite numbers are refused.

    >>> from nonequivalent import scenarios
    >>> print(scenarios.dumps(scenarios.load("ussr-1928")).splitlines()[0])
    # nonequivalent scenario file
    """
    doc = scenario.to_dict() if isinstance(scenario, Scenario) else scenario
    out = ["# nonequivalent scenario file", f"# schema version {SCHEMA_VERSION}"]
    _emit(doc, (), out)
    return "\n".join(out) + "\n"


def save(scenario: Scenario, path: str | Path) -> Path:
    """Write ``scenario`` to a TOML file that :func:`load` reads back to an equal scenario.

    Returns
    -------
    Path
        The path written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from nonequivalent import scenarios
    >>> s = scenarios.load("ussr-1932")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = scenarios.save(s, pathlib.Path(d) / "copy.toml")
    ...     scenarios.load(p) == s
    True
    """
    path = Path(path)
    text = dumps(scenario)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ScenarioError(f"cannot write the file: {exc}", file=str(path)) from None
    return path
