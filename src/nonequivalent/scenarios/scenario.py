"""Calibrated scenarios of the Soviet town–country economy, and TOML scenario files.

A :class:`Scenario` gathers, in one immutable object, everything the other modules need to
compute a surplus account for one year: a small Leontief economy (agriculture, light and
heavy industry; peasant and worker labour), the actual prices, the benchmark of equivalent
exchange, any number of groups (peasant groups, worker categories, worker households by
earner composition, the state, or kinds you register: :mod:`nonequivalent.groups`) and the
price-scissors series. Every parameter carries a *provenance*: either ``historical`` (with
its source and, where historians disagree, a low/high range) or ``assumption`` (with the
reason and a plausible low/high range). A calibrated parameter is never presented as a
record.

Each fact is stated once (schema 2): the worker's basket is the base basket cut by the
real-wage cut, the money wage is that basket at retail prices, a household's hours and
basket default to its workers', the marketing response passes through the peasants' sales
at the current price. A file that states a derived value too is checked, and rejected with
:class:`~nonequivalent.ScenarioError` naming both keys when they disagree.

For uncertainty and what-if analysis: :meth:`Scenario.parameters` lists every documented
parameter with its value, kind, range and source; :meth:`Scenario.with_values` returns a new
scenario with some of them replaced (validated, derived values recomputed).

Built-in scenarios (see :func:`builtin`): ``ussr-1928`` (before the "great turn": one earner
supports a family, grain bought at procurement prices below the free market) and
``ussr-1932`` (the end of the first Five-Year Plan: real wages about half of 1928, two
earners per family, larger compulsory deliveries, wider scissors). :func:`pair` returns
them as a base/later :class:`ScenarioPair` for the sources of accumulation (Barsov 1969,
Ellman 1975, Harrison 1985; see :mod:`nonequivalent.accounts.sources`).

Scenario files are TOML (read with :mod:`tomllib`, which only parses data: nothing in a file
is executed). The keys are declared once in :mod:`nonequivalent.scenarios.schema`.

Examples
--------
>>> from nonequivalent import scenarios
>>> scenarios.builtin()
('ussr-1928', 'ussr-1932')
>>> s = scenarios.load("ussr-1932")
>>> s.economy().is_productive
True
>>> s.provenance["workers.number"]["kind"]
'historical'
>>> t = s.with_values({"workers.real_wage.cut": 0.4})
>>> round(t.workers.money_wage, 6)
1006.8
"""

from __future__ import annotations

import dataclasses
import math
import re
import sys
import tomllib
import warnings
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from ..accounts.surplus import SurplusAccount, group_account
from ..core.economy import Economy
from ..errors import NumericalRangeError, ScenarioError
from ..exchange.account import Benchmark
from ..groups import GroupKind, WorkerCategory
from .pair import ScenarioPair
from .schema import (
    BENCHMARK_KINDS,
    KEYS,
    SCHEMA_VERSION,
    group_values,
    parameter_keys,
    schema_markdown,
    validate,
)
from .specs import (
    BenchmarkSpec,
    GroupSpec,
    HouseholdSpec,
    MarketingSpec,
    ScissorsSpec,
    SingleGroupViews,
    Units,
    WorkerSpec,
)
from .toml_io import _plain as plain
from .toml_io import (
    deepest_key,
    key_at_line,
    long_integer_key,
    scenario_document,
    set_parameter,
    to_toml,
    upgrade_v1,
)

__all__ = [
    "BENCHMARK_KINDS",
    "KEYS",
    "SCHEMA_VERSION",
    "BenchmarkSpec",
    "GroupSpec",
    "HouseholdSpec",
    "MarketingSpec",
    "Scenario",
    "ScenarioPair",
    "ScissorsSpec",
    "Units",
    "WorkerSpec",
    "builtin",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "pair",
    "save",
    "schema_markdown",
    "upgrade",
]

_BUILTIN = ("ussr-1928", "ussr-1932")
_FloatMap = Mapping[str, float]


# ====================================================================== scenario
@dataclasses.dataclass(frozen=True)
class Scenario(SingleGroupViews):
    """A calibrated town–country economy for one year, with the provenance of every parameter.

    Build one with :func:`load` (a built-in name or a TOML file) or :func:`from_dict`; derive
    variants with :meth:`with_values` (or :func:`dataclasses.replace`). The builders return
    the objects of the other modules: :meth:`economy`, :meth:`equivalence_benchmark`,
    :meth:`surplus_account` (all groups), :meth:`marketing_response`; ``peasants``,
    ``workers``, ``household`` give the first group of each kind.

    Attributes
    ----------
    name, description : str
    year : int
    units : Units
        Structured units (scale of flows, currency, how people are counted) and their
        description in words.
    sectors, labour_kinds : tuple of str
    A : tuple of tuples
        Technical coefficients, ``A[i][j]`` = input of good ``i`` per unit output of ``j``.
    labour : mapping kind -> tuple
        Labour coefficients (hours per unit of gross output) by kind.
    final_demand, prices : mapping sector -> float
        Net final output ``y`` and actual prices ``p``.
    benchmark : BenchmarkSpec
        Which benchmark of equivalence (build it with :meth:`equivalence_benchmark`).
    groups : tuple of GroupKind
        The groups, the state last.
    scissors : ScissorsSpec or None
        Scissors series (see :meth:`scissors_frame`).
    provenance : mapping parameter -> mapping
        ``kind`` (historical/assumption), ``source`` or ``reason``, ``low``, ``high``.

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
    units: Units
    sectors: tuple[str, ...]
    labour_kinds: tuple[str, ...]
    A: tuple[tuple[float, ...], ...]
    labour: Mapping[str, tuple[float, ...]]
    final_demand: _FloatMap
    prices: _FloatMap
    benchmark: BenchmarkSpec
    groups: tuple[GroupKind, ...]
    scissors: ScissorsSpec | None
    provenance: Mapping[str, Mapping[str, Any]]
    #: What was converted or derived on loading (e.g. from a schema-1 file).
    notes: tuple[str, ...] = dataclasses.field(default=(), compare=False)
    #: The file (or built-in name) the scenario was read from, named in later errors.
    file: str = dataclasses.field(default="", compare=False, repr=False)
    #: The scenario a file was written from (key ``scenario.written_from``, set by
    #: :func:`save`); ``""`` for a built-in scenario or a file written by hand.
    written_from: str = dataclasses.field(default="", compare=False, repr=False)

    @property
    def source(self) -> str:
        """Where the scenario comes from, as reports name it: the built-in name, or the
        file and what it was written from (``"'my.toml' (written from ussr-1932)"``).

        >>> from nonequivalent import scenarios
        >>> scenarios.load("ussr-1932").source
        "'ussr-1932'"
        """
        if (not self.file or self.file.startswith("<")
                or self.file.endswith((" (built-in)", " (with_values)"))):
            return repr(self.name)
        origin = self.written_from or f"scenario {self.name!r}"
        return f"{self.file!r} (written from {origin})"

    def __repr__(self) -> str:
        kinds = ", ".join(f"{g.name}:{g.kind}" for g in self.groups)
        return f"Scenario({self.name!r}, year={self.year}, groups=[{kinds}])"

    # ---------------------------------------------------------------- groups
    def group(self, key: str) -> GroupKind:
        """The group with this key.

        >>> from nonequivalent import scenarios
        >>> scenarios.load("ussr-1932").group("workers").real_wage_cut
        0.5
        """
        for g in self.groups:
            if g.name == key:
                return g
        raise ScenarioError(f"no group {key!r}; groups: {[g.name for g in self.groups]}",
                            key=f"groups.{key}")

    def groups_of(self, cls: type) -> tuple[Any, ...]:
        """The groups of one kind (a :class:`~nonequivalent.GroupKind` subclass), in order."""
        return tuple(g for g in self.groups if isinstance(g, cls))

    def _group_map(self) -> Mapping[str, GroupKind]:
        return MappingProxyType({g.name: g for g in self.groups})

    # ---------------------------------------------------------------- parameters
    def parameters(self) -> pd.DataFrame:
        """Every documented parameter: value, kind, range, unit and source or reason.

        Returns
        -------
        pandas.DataFrame
            Indexed by ``parameter`` (the key :meth:`with_values` takes, e.g.
            ``"workers.real_wage.cut"``), with columns ``value`` (a number, or a mapping
            for a table), ``kind`` (``historical`` or ``assumption``), ``low``, ``high``
            (NaN when not given), ``range`` (``"value"``: low/high are values;
            ``"factor"``: low/high multiply every entry of a table or matrix; ``"none"``
            for the choice of benchmark), ``unit``
            and ``source`` (the source of a record or the reason of an assumption).

        Examples
        --------
        >>> from nonequivalent import scenarios
        >>> t = scenarios.load("ussr-1932").parameters()
        >>> row = t.loc["workers.real_wage.cut"]
        >>> row["value"], row["kind"], float(row["low"]), float(row["high"])
        (0.5, 'historical', 0.5, 0.57)
        """
        values = self._values()
        schema = parameter_keys(list(self.groups))
        rows = []
        for key, prov in self.provenance.items():
            v = values.get(key)
            scalar = isinstance(v, int | float)
            spec = schema.get(key)
            rows.append({"parameter": key,
                         "value": v if scalar or v is None else plain(v),
                         "kind": prov["kind"],
                         "low": float(prov.get("low", np.nan)),
                         "high": float(prov.get("high", np.nan)),
                         "range": "value" if scalar else (
                             "none" if key == "benchmark" else "factor"),
                         "unit": getattr(spec, "unit", "") or "",
                         "source": prov.get("source", prov.get("reason", ""))})
        return pd.DataFrame(rows).set_index("parameter")

    def _values(self) -> dict[str, Any]:
        out: dict[str, Any] = {"economy.A": self.A, "economy.labour": self.labour,
                               "economy.final_demand": self.final_demand,
                               "prices": self.prices, "benchmark": self.benchmark,
                               "scissors": self.scissors}
        for g in self.groups:
            out.update(group_values(g))
        return out

    def with_values(self, values: Mapping[str, Any]) -> Scenario:
        """A new scenario with some parameters replaced; this one is left unchanged.

        Parameters
        ----------
        values : mapping
            ``{parameter key: new value}``, keys as in :meth:`parameters` (group keys
            first: ``"workers.real_wage.cut"``, ``"peasants.taxes"``; or top-level:
            ``"prices"``, ``"economy.final_demand"``). A table-valued parameter takes a
            mapping (the entries to change) or a number (a factor on every entry); one
            entry can also be named directly (``"prices.agriculture"``).

        Returns
        -------
        Scenario
            Validated like a file (derived values recomputed: a new cut gives a new
            basket and money wage); provenance kept.

        Raises
        ------
        ScenarioError
            An unknown key (listing the parameters), or a value the schema rejects.

        Examples
        --------
        >>> from nonequivalent import scenarios
        >>> s = scenarios.load("ussr-1932")
        >>> t = s.with_values({"workers.real_wage.cut": 0.4, "peasants.taxes": 900.0})
        >>> t.workers.basket["agriculture"], s.workers.basket["agriculture"]
        (240.0, 200.0)
        """
        if not isinstance(values, Mapping):
            raise ScenarioError(f"with_values takes a mapping {{parameter key: value}}, e.g. "
                                f"{{'peasants.taxes': 900.0}}; got {type(values).__name__}.")
        doc = self.to_dict()
        groups = {g.name for g in self.groups}
        for key, val in values.items():
            set_parameter(doc, str(key), val, groups, list(self.provenance))
        return from_dict(doc, file=f"{self.name} (with_values)")

    # ---------------------------------------------------------------- pandas views
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
        period, is the scissors index (Trotsky's "scissors", 1923).

        >>> from nonequivalent import scenarios
        >>> scenarios.load("ussr-1928").scissors_frame().loc["1923-10", "ratio"].round(2)
        np.float64(3.1)
        """
        if self.scissors is None:
            raise ScenarioError("this scenario has no scissors series", key="scissors")
        sc = self.scissors
        ind = np.array(sc.industrial, dtype=float)
        agr = np.array(sc.agricultural, dtype=float)
        with np.errstate(over="ignore", under="ignore", divide="ignore"):
            ratio = ind / agr
        if not (np.isfinite(ratio) & (ratio > 0)).all():
            raise NumericalRangeError(
                "the scissors ratio (industrial / agricultural index) leaves the range of "
                f"floating point ({ratio.tolist()[:5]}); give the indices on a common scale "
                f"(against the base {sc.base} = 100).")
        return pd.DataFrame({"industrial": ind, "agricultural": agr, "ratio": ratio},
                            index=pd.Index(sc.periods, name="period"))

    def provenance_frame(self) -> pd.DataFrame:
        """Every documented parameter with its kind and its source or reason.

        >>> from nonequivalent import scenarios
        >>> f = scenarios.load("ussr-1932").provenance_frame()
        >>> f.loc["workers.number", "kind"]
        'historical'
        """
        rows = [{"parameter": k, "kind": v["kind"],
                 "source or reason": v.get("source", v.get("reason", "")),
                 "low": v.get("low", np.nan), "high": v.get("high", np.nan)}
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
        b = self.benchmark
        lines = [
            f"Scenario {self.name!r} ({self.year}): {self.description}",
            f"  sectors: {', '.join(self.sectors)}; labour kinds: "
            f"{', '.join(self.labour_kinds)}; rho(A) = {eco.spectral_radius:.4f}",
            f"  benchmark: {b.kind}" + (f" ({b.normalization})" if b.normalization else "")
            + (f" '{b.name}'" if b.name else ""),
            "  groups: " + ", ".join(f"{g.label} ({g.kind})" for g in self.groups),
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

    def surplus_account(self, **kwargs: Any) -> SurplusAccount:
        """The surplus account of all the scenario's groups (:func:`~nonequivalent.group_account`).

        Keyword arguments (``melt``, ``spend_income``) are passed on. Every entry of the
        account is checked finite: inputs that are each finite but whose totals overflow
        (e.g. ``workers.number = 1e308``) raise :class:`~nonequivalent.ScenarioError`
        naming the group (so :func:`nonequivalent.report` refuses them too).

        >>> from nonequivalent import scenarios
        >>> acc = scenarios.load("ussr-1928").surplus_account()
        >>> acc.table.index.tolist()
        ['peasants', 'workers', 'two-earner households', 'state']
        """
        eco = self.economy()
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            try:
                acc = group_account(eco, self.prices_series(),
                                    self.equivalence_benchmark(eco), self.groups, **kwargs)
            except NumericalRangeError as exc:
                label = getattr(exc, "group", None)
                key = next((f"groups.{g.name}" for g in self.groups if g.label == label),
                           "groups")
                raise ScenarioError(
                    f"scenario {self.name!r}: the derived totals overflow: {exc}",
                    file=self.file, key=key) from None
        _check_finite_totals(self, acc)
        return acc

    # ---------------------------------------------------------------- serialization
    def to_dict(self) -> dict[str, Any]:
        """The scenario as plain data in the layout of schema 2 (inputs only).

        Written from the declaration of the schema
        (:func:`~nonequivalent.scenarios.toml_io.scenario_document`).

        >>> from nonequivalent import scenarios
        >>> s = scenarios.load("ussr-1928")
        >>> scenarios.from_dict(s.to_dict()) == s
        True
        """
        return scenario_document(self)


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
    >>> scenarios.load("ussr-1932").group("workers").number
    24.2
    >>> scenarios.load("ussr-1999")
    Traceback (most recent call last):
    ...
    nonequivalent.errors.ScenarioError: no built-in scenario or file named 'ussr-1999'; ...
    """
    if isinstance(name_or_path, str) and name_or_path in _BUILTIN:
        res = resources.files("nonequivalent").joinpath("data", f"{name_or_path}.toml")
        return loads(res.read_text(encoding="utf-8"), file=f"{name_or_path} (built-in)")
    if not isinstance(name_or_path, str | Path):
        raise ScenarioError(f"a scenario is named by a string (a built-in name or a file "
                            f"path) or a pathlib.Path; got {type(name_or_path).__name__}.")
    path = Path(name_or_path)
    try:
        is_file = path.is_file()
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte
        raise ScenarioError(f"cannot use {str(name_or_path)[:60]!r} as a file name: "
                            f"{exc.__class__.__name__}") from None
    if not is_file:
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
    except RecursionError:
        key, depth = deepest_key(text)
        raise ScenarioError(f"arrays or tables nested {depth} deep; a scenario file nests "
                            "them at most 2 deep", file=file, key=key) from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise ScenarioError(f"not valid TOML: {exc}", file=file,
                            key=key_at_line(text, int(m.group(1))) if m else "") from None
    except ValueError:     # an integer literal beyond Python's digit limit
        raise ScenarioError(f"integer of more than {sys.get_int_max_str_digits() or 4300} "
                            "digits: too large for a float; rescale the units (e.g. "
                            "millions)", file=file,
                            key=long_integer_key(text, sys.get_int_max_str_digits()
                                                 or 4300)) from None
    return from_dict(doc, file=file)


def from_dict(doc: Mapping[str, Any], file: str = "<dict>") -> Scenario:
    """Validate plain data in the layout of the schema and build a :class:`Scenario`.

    Schema 1 documents are converted first (:func:`nonequivalent.scenarios.toml_io.upgrade_v1`;
    the notes are in :attr:`Scenario.notes`, with the assumptions that still lack a range).

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
    if not isinstance(doc, Mapping):
        raise ScenarioError("a scenario must be a table", file=file)
    version = doc.get("schema", SCHEMA_VERSION if "groups" in doc else 1)
    notes: tuple[str, ...] = ()
    if version == 1:
        doc, notes = upgrade_v1(doc, file)
    elif version != SCHEMA_VERSION:
        raise ScenarioError(f"unsupported schema version {version!r}; this library reads "
                            f"versions 1 and {SCHEMA_VERSION}", file=file, key="schema")
    fields = validate(doc, file)
    open_ranges = [k for k, v in fields["provenance"].items()
                   if v["kind"] == "assumption" and "low" not in v and k != "benchmark"]
    if open_ranges:
        notes += (f"assumptions without a plausible range (add low and high to their "
                  f"provenance for the uncertainty analysis): {', '.join(open_ranges)}",)
    return Scenario(**fields, notes=notes, file=file)


def _check_finite_ratios(scenario: Scenario, acc: SurplusAccount) -> None:
    """Refuse ratios of the report that overflow although both terms are finite.

    The non-equivalence ratio ``E = λ·s / λ·d`` of a group that receives some labour
    (``inf`` only when it receives none, by definition) and the worker's ``h / v`` behind
    the rate of exploitation ``e = (h − v) / v`` (Marx, *Capital* I, ch. 9), for ``v > 0``.
    """
    def fail(g: GroupKind, what: str) -> ScenarioError:
        return ScenarioError(
            f"scenario {scenario.name!r}: {what} overflows (a ratio of finite numbers "
            "too far apart for a float); rescale the group's quantities", file=scenario.file,
            key=f"groups.{g.name}")

    for g in scenario.groups:
        detail = acc.flows[g.label].detail if g.label in acc.flows else {}
        if "exchange" in detail:
            row = detail["exchange"].by_group.iloc[0]
            if row["labour_received"] > 0 and not math.isfinite(row["nonequivalence_ratio"]):
                raise fail(g, "the non-equivalence ratio labour given / labour received")
        if "basket" in detail and isinstance(g, WorkerCategory):
            lam = scenario.economy().values_array
            v = float(np.asarray(lam, dtype=float) @ np.asarray(detail["basket"], dtype=float))
            with np.errstate(all="ignore"):
                if v > 0 and not math.isfinite(g.hours / v):
                    raise fail(g, "the rate of exploitation (hours worked / value of labour "
                                  "power)")


def _check_finite_totals(scenario: Scenario, acc: SurplusAccount) -> None:
    """Refuse an account whose derived totals overflow (every input finite, a total not).

    If any entry of the account's table or reconciliation is not finite, the first group
    with a non-finite entry is named.
    """
    _check_finite_ratios(scenario, acc)
    frames = [("table", acc.table), ("reconciliation", acc.reconciliation)]
    for what, frame in frames:
        values = frame.select_dtypes("number")
        # Flows before shares: a share is non-finite because a flow or the fund is.
        values = values[sorted(values.columns, key=lambda c: str(c).startswith("share"))]
        bad = ~np.isfinite(values.to_numpy(dtype=float))
        if not bad.any():
            continue
        j, i = (int(x[0]) for x in np.nonzero(bad.T))    # first column, then first row
        label, column = values.index[i], values.columns[j]
        key = next((f"groups.{g.name}" for g in scenario.groups if g.label == label),
                   "groups")
        raise ScenarioError(
            f"scenario {scenario.name!r}: the derived totals overflow: {column} of "
            f"{label!r} in the surplus account's "
            f"{what} is {values.iat[i, j]} although every input is finite; the values are "
            "too large to compute with, rescale the units (e.g. millions of persons, "
            "millions of rubles)", file=scenario.file, key=key)


def upgrade(name_or_path: str | Path) -> str:
    """The schema-2 TOML text of a scenario file of any schema version.

    >>> from nonequivalent import scenarios
    >>> "schema = 2" in scenarios.upgrade("ussr-1928")
    True
    """
    return dumps(load(name_or_path))


def dumps(scenario: Scenario | Mapping[str, Any]) -> str:
    """TOML text of a scenario (or of plain data in the layout of the schema).

    Strings are written as TOML basic strings with every special character escaped, floats
    with :func:`repr` (so they read back exactly); non-finite numbers are refused.

    >>> from nonequivalent import scenarios
    >>> print(scenarios.dumps(scenarios.load("ussr-1928")).splitlines()[0])
    # nonequivalent scenario file
    """
    doc = scenario.to_dict() if isinstance(scenario, Scenario) else scenario
    return to_toml(doc)


def save(scenario: Scenario, path: str | Path) -> Path:
    """Write ``scenario`` to a TOML file that :func:`load` reads back to an equal scenario.

    The file records what it was written from (``scenario.written_from``: the scenario's
    own ``written_from``, else its name), so that a report on the edited file names both.

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
    text = dumps(dataclasses.replace(scenario, written_from=scenario.written_from
                                     or scenario.name))
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ScenarioError(f"cannot write the file: {exc}", file=str(path)) from None
    return path
