"""The scenario-file schema, declared once: keys, types, units, defaults and documentation.

The top-level keys are declared in :data:`KEYS`; the keys of each group are the
:func:`~nonequivalent.param` fields of its kind (:mod:`nonequivalent.groups`). From these
declarations come the validation of a file (:func:`validate`, errors naming the file, the
key, the value and what is allowed), the defaults, the key documentation
(:func:`schema_markdown`, the page *Scenario file keys*) and the writer
(:func:`nonequivalent.scenarios.toml_io.scenario_document` reads each declared key's value off
the scenario at the key's ``attr``, and the group tables come from :func:`group_table`).
Schema 1 files are converted (:func:`nonequivalent.scenarios.toml_io.upgrade_v1`) with a note
for every change; the TOML text is written by :func:`nonequivalent.scenarios.toml_io.to_toml`.

A declarative table of our own rather than a validation library: the keys of a group are
declared by its kind, which a user may register at run time, so the schema is open; and
every parameter carries provenance (historical or assumption, with a range) that the
uncertainty analysis reads. Plain dataclasses with field metadata express both directly.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

import numpy as np

from ..core.economy import Economy
from ..errors import InvalidEconomyError, NonequivalentError, NotProductiveError, ScenarioError
from ..groups import GROUP_KINDS, GroupKind, Param, State, params
from .specs import BenchmarkSpec, ScissorsSpec, Units

#: Version of the scenario-file schema written by the writer.
SCHEMA_VERSION = 2

#: Benchmarks of equivalent exchange a scenario can name, with their required keys.
BENCHMARK_KINDS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "labour-values": ("normalization",),
    "production-prices": ("profit_rate",),
    "base-period": ("name", "prices"),
    "given": ("name", "prices"),
    "world-prices": ("name", "prices", "exchange_rate"),
})

_NORMALIZATIONS = ("new-interpretation", "total-price")

#: Scales of economy-wide flows a scenario can state in ``scenario.units.scale``.
SCALES = ("", "thousand", "million", "billion")

#: Largest integer a scenario file may hold (2**53: every such integer is an exact float).
MAX_INTEGER = 2**53

_FloatMap = Mapping[str, float]


def _digits(value: int) -> str:
    """A huge integer shown by its size, not its thousand digits."""
    text = str(abs(value)) if value.bit_length() < 14_000 else ""
    if text and len(text) <= 20:
        return str(value)
    size = f"{len(text)} digits" if text else f"about {int(value.bit_length() * 0.30103)} digits"
    return f"an integer of {size}"


def _freeze(d: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(d))


@dataclasses.dataclass(frozen=True)
class Key:
    """One top-level key of a scenario file.

    ``parameter`` names the provenance entry the key belongs to (``None``: not a
    parameter, e.g. a name or a label). ``attr`` is where the writer
    (:func:`scenario_document`) finds the value on a scenario: a dotted attribute path
    such as ``"benchmark.profit_rate"``; ``None`` for ``schema`` (the version written)
    and for the keys of the keyed sections (groups and provenance, written entry by
    entry). An optional key whose value is ``None`` or its default is not written.
    """

    path: str
    type: str
    doc: str
    unit: str = ""
    required: bool = True
    default: Any = None
    parameter: str | None = None
    attr: str | None = None


#: The top-level keys of a schema-2 scenario file, in the order they are written.
KEYS: tuple[Key, ...] = (
    Key("schema", "integer", "schema version (2; files of version 1 are converted)"),
    Key("scenario.name", "string", "short name of the scenario", attr="name"),
    Key("scenario.description", "string", "one sentence saying what the scenario is",
        attr="description"),
    Key("scenario.year", "integer", "the year it describes", attr="year"),
    Key("scenario.written_from", "string", "the scenario this file was written from "
        "(set by `nonequivalent scenario write` and `scenarios.save`; reports on the file "
        "name both)", required=False, default="", attr="written_from"),
    Key("scenario.units.description", "string", "the units in words (printed in reports)",
        required=False, default="", attr="units.description"),
    Key("scenario.units.scale", "string", f"scale of economy-wide flows, one of {SCALES}",
        required=False, default="", attr="units.scale"),
    Key("scenario.units.currency", "string", "the money unit, plural (e.g. 'rubles')",
        required=False, default="money units", attr="units.currency"),
    Key("scenario.units.people", "string",
        "how workers and households are counted (e.g. 'millions')", required=False,
        default="persons", attr="units.people"),
    Key("economy.sectors", "labels", "n unique sector labels", attr="sectors"),
    Key("economy.labour_kinds", "labels", "k unique labour kinds", attr="labour_kinds"),
    Key("economy.A", "matrix", "n x n technical coefficients, `A[i][j]` = input of good i "
        "per unit of gross output of sector j", parameter="economy.A", attr="A"),
    Key("economy.labour", "labour", "table kind -> n hours per unit of gross output",
        unit="hours", parameter="economy.labour", attr="labour"),
    Key("economy.final_demand", "demand", "net final output y of every sector (>= 0)",
        unit="goods", parameter="economy.final_demand", attr="final_demand"),
    Key("prices", "prices", "actual price p of every sector (> 0)", unit="price",
        parameter="prices", attr="prices"),
    Key("benchmark.kind", "string", f"one of {sorted(BENCHMARK_KINDS)}",
        parameter="benchmark", attr="benchmark.kind"),
    Key("benchmark.name", "string", "label (required for base-period, given, world-prices)",
        required=False, default="", parameter="benchmark", attr="benchmark.name"),
    Key("benchmark.normalization", "string", "labour-values: 'new-interpretation' or "
        "'total-price'", required=False, parameter="benchmark",
        attr="benchmark.normalization"),
    Key("benchmark.profit_rate", "number", "production-prices: uniform profit rate r >= 0",
        required=False, parameter="benchmark", attr="benchmark.profit_rate"),
    Key("benchmark.exchange_rate", "number", "world-prices: money per unit of world "
        "currency (> 0)", required=False, parameter="benchmark",
        attr="benchmark.exchange_rate"),
    Key("benchmark.prices", "prices", "benchmark prices of every sector (> 0)",
        required=False, unit="price", parameter="benchmark", attr="benchmark.prices"),
    Key("groups.<key>.kind", "string", "the group's kind: one of the registered kinds "
        "(peasants, workers, worker-households, state, or a kind you register)"),
    Key("groups.<key>.label", "string", "name printed in reports (default: the key)",
        required=False),
    Key("scissors.base", "string", "base period of the indices", required=False,
        parameter="scissors", attr="scissors.base"),
    Key("scissors.periods", "labels", "period labels", required=False, parameter="scissors",
        attr="scissors.periods"),
    Key("scissors.industrial", "numbers", "industrial price index per period (> 0)",
        required=False, parameter="scissors", attr="scissors.industrial"),
    Key("scissors.agricultural", "numbers", "agricultural price index per period (> 0)",
        required=False, parameter="scissors", attr="scissors.agricultural"),
    Key("provenance.<parameter>.kind", "string", "'historical' or 'assumption'"),
    Key("provenance.<parameter>.source", "string", "historical: the source (author, work, "
        "page or table)", required=False),
    Key("provenance.<parameter>.reason", "string", "assumption: why this value",
        required=False),
    Key("provenance.<parameter>.low", "number", "lower end of the range (a value; for a "
        "table or matrix a factor on every entry); an assumption should have one",
        required=False),
    Key("provenance.<parameter>.high", "number", "upper end of the range (likewise)",
        required=False),
)

_TOP = ("schema", "scenario", "economy", "prices", "benchmark", "groups", "scissors",
        "provenance")


def _section_keys(section: str) -> tuple[str, ...]:
    pre = section + "."
    return tuple(dict.fromkeys(k.path[len(pre):].split(".")[0] for k in KEYS
                               if k.path.startswith(pre)))


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
            raise self.fail(key, "missing table; see the page Scenario file keys")
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
        if abs(value) > MAX_INTEGER:
            raise self.fail(key, f"integer too large: {_digits(value)}; integers must lie "
                                 f"within +-{MAX_INTEGER} (2**53)")
        if minimum is not None and value < minimum:
            raise self.fail(key, f"must be >= {minimum}, got {value}")
        return value

    def number(self, value: Any, key: str, *, positive: bool = False,
               nonneg: bool = True) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, f"must be a number, got {type(value).__name__}")
        try:
            x = float(value)
        except OverflowError:
            raise self.fail(key, f"number too large for a float: {_digits(value)}; "
                                 "rescale the units (e.g. millions)") from None
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




def _group(c: _Checker, key: str, table: Any, sectors: tuple[str, ...]) -> GroupKind:
    """Build one group from its table through its kind's declared parameters."""
    where = f"groups.{key}"
    if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
        raise c.fail(where, f"group keys are snake_case (a-z, 0-9, _), got {key!r}")
    if key in _TOP:
        raise c.fail(where, f"the group key {key!r} is a section name; choose another")
    t = c._as_table(table, where, None)
    kind = c.string(c.get(t, "kind", where), f"{where}.kind")
    cls = GROUP_KINDS.get(kind)
    if cls is None:
        raise c.fail(f"{where}.kind", f"unknown group kind {kind!r}; registered kinds: "
                                      f"{sorted(GROUP_KINDS)} (register a new one with "
                                      "nonequivalent.register_group_kind)")
    decl = params(cls)
    flat = _flatten(t)
    allowed = {"kind", "label", *(p.key or f.name for f, p in decl)}
    extra = [k for k in flat if k not in allowed]
    if extra:
        raise c.fail(f"{where}.{extra[0]}", f"unknown key for a group of kind {kind!r}; "
                                            f"allowed keys: {sorted(allowed)}")
    kwargs: dict[str, Any] = {"name": key}
    if "label" in flat:
        kwargs["label"] = c.string(flat["label"], f"{where}.label")
    for f, p in decl:
        k = p.key or f.name
        if k not in flat:
            if f.default is dataclasses.MISSING:
                raise c.fail(f"{where}.{k}", f"missing key: {p.doc} ({p.allowed()})")
            continue
        kwargs[f.name] = _param_value(c, flat[k], f"{key}.{k}", p, sectors)
    try:
        return cls(**kwargs)
    except NonequivalentError as exc:
        raise c.fail(where, str(exc).rstrip(".")) from None


def _flatten(t: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in t.items():
        if isinstance(v, Mapping) and (prefix + k) in ("real_wage", "marketing"):
            out.update(_flatten(v, prefix + k + "."))
        else:
            out[prefix + k] = v
    return out


def _param_value(c: _Checker, value: Any, key: str, p: Param,
                 sectors: tuple[str, ...]) -> Any:
    if p.type == "sectors":
        return c.sector_table(value, key, sectors)
    if p.type == "prices":
        return c.sector_table(value, key, sectors, complete=True, positive=True)
    if p.type in ("string", "group"):
        return c.string(value, key)
    if p.type == "integer":
        x = c.integer(value, key)
    else:
        x = c.number(value, key, positive=p.positive, nonneg=False)
    if p.positive and not x > 0:
        raise c.fail(key, f"must be > 0, got {x!r} ({p.doc}: {p.allowed()})")
    if p.minimum is not None and x < p.minimum:
        raise c.fail(key, f"must be >= {p.minimum:g}, got {x!r} ({p.doc}: {p.allowed()})")
    if p.maximum is not None and x > p.maximum:
        raise c.fail(key, f"must be <= {p.maximum:g}, got {x!r} ({p.doc}: {p.allowed()})")
    if p.below is not None and not x < p.below:
        raise c.fail(key, f"must be < {p.below:g}, got {x!r} ({p.doc}: {p.allowed()})")
    return x


def group_parameters(g: GroupKind) -> dict[str, Any]:
    """``{"<key>.<param key>": value}`` for every stated (non-default) parameter of ``g``."""
    out: dict[str, Any] = {}
    for f, p in params(type(g)):
        v = getattr(g, f.name)
        if v is None or (f.default is not dataclasses.MISSING and v == f.default):
            continue
        out[f"{g.name}.{p.key or f.name}"] = v
    return out


def group_values(g: GroupKind) -> dict[str, Any]:
    """``{"<key>.<param key>": value}`` for every parameter of ``g`` with a value."""
    return {f"{g.name}.{p.key or f.name}": getattr(g, f.name) for f, p in params(type(g))
            if getattr(g, f.name) is not None}


def group_table(g: GroupKind) -> dict[str, Any]:
    """The TOML table of a group (stated parameters only; derived ones are left out)."""
    t: dict[str, Any] = {"kind": g.kind}
    if g.label != g.name:
        t["label"] = g.label
    for path, v in group_parameters(g).items():
        parts = path.split(".")[1:]
        cur = t
        for part in parts[:-1]:
            cur = cur.setdefault(part, {})
        cur[parts[-1]] = dict(v) if isinstance(v, Mapping) else v
    return t


def parameter_keys(doc_groups: Sequence[GroupKind]) -> dict[str, Param | Key]:
    """Every parameter path a scenario with these groups can document, with its schema."""
    out: dict[str, Param | Key] = {}
    for k in KEYS:
        if k.parameter and k.parameter not in out:
            out[k.parameter] = k
    for g in doc_groups:
        for f, p in params(type(g)):
            if p.type in ("number", "integer", "sectors", "prices"):
                out[f"{g.name}.{p.key or f.name}"] = p
    return out


def _provenance(c: _Checker, doc: Mapping[str, Any], stated: Sequence[str],
                known: Mapping[str, Any], values: Mapping[str, Any],
                ) -> Mapping[str, Mapping[str, Any]]:
    pv = c.table(doc, "provenance")
    extra = [k for k in pv if k not in known]
    if extra:
        raise c.fail(f"provenance.{extra[0]}", f"unknown parameter; parameters of this "
                                               f"scenario: {list(known)}")
    for p in stated:
        if p not in pv:
            raise c.fail(f"provenance.{p}", "missing key: every parameter must say whether it "
                                            "is historical (with source) or an assumption "
                                            "(with reason and a low/high range)")
    out: dict[str, Mapping[str, Any]] = {}
    for p in [q for q in known if q in pv]:
        key = f"provenance.{p}"
        entry = pv[p]
        if not isinstance(entry, Mapping):
            raise c.fail(key, f"must be a table, got {type(entry).__name__}")
        kind = c.string(c.get(entry, "kind", key), f"{key}.kind")
        if kind not in ("historical", "assumption"):
            raise c.fail(f"{key}.kind", f"must be 'historical' or 'assumption', got {kind!r}")
        need = "source" if kind == "historical" else "reason"
        extra_keys = [k for k in entry if k not in ("kind", need, "low", "high")]
        if extra_keys:
            raise c.fail(f"{key}.{extra_keys[0]}", f"unknown key for a {kind} parameter; "
                                                   f"give 'kind', '{need}', 'low', 'high'")
        rec: dict[str, Any] = {"kind": kind,
                               need: c.string(c.get(entry, need, key), f"{key}.{need}")}
        if ("low" in entry) != ("high" in entry):
            raise c.fail(f"{key}.{'high' if 'low' in entry else 'low'}",
                         "missing key: give both low and high")
        if "low" in entry:
            lo = c.number(entry["low"], f"{key}.low", nonneg=False)
            hi = c.number(entry["high"], f"{key}.high", nonneg=False)
            if not lo <= hi:
                raise c.fail(f"{key}.low", f"low {lo:g} is above high {hi:g}")
            rec["low"], rec["high"] = lo, hi
        out[p] = _freeze(rec)
    return _freeze(out)


def _sectionwise_allowed(c: _Checker, doc: Mapping[str, Any]) -> None:
    extra = [k for k in doc if k not in _TOP]
    if extra:
        raise c.fail(extra[0], f"unknown section; allowed sections: {list(_TOP)}")


def validate(doc: Mapping[str, Any], file: str) -> dict[str, Any]:
    """Validate a schema-2 document; return the fields of a :class:`Scenario`.

    Raises
    ------
    ScenarioError
        Naming the file, the key, the value and what is allowed.
    """
    c = _Checker(file)
    _sectionwise_allowed(c, doc)
    sc = c.table(doc, "scenario", allowed=_section_keys("scenario"))
    name = c.string(c.get(sc, "name", "scenario"), "scenario.name")
    description = c.string(c.get(sc, "description", "scenario"), "scenario.description")
    year = c.integer(c.get(sc, "year", "scenario"), "scenario.year")
    written_from = c.string(sc.get("written_from", ""), "scenario.written_from",
                            nonempty=False)
    ut = c.opt_table(sc, "units", allowed=("description", "scale", "currency", "people")) \
        if isinstance(sc.get("units", {}), Mapping) else None
    if "units" in sc and ut is None:
        raise c.fail("scenario.units", "must be a table with keys description, scale, "
                                       "currency, people (schema 2)")
    ut = ut or {}
    kw = {k.path.rsplit(".", 1)[1]: c.string(ut.get(k.path.rsplit(".", 1)[1], k.default),
                                              k.path, nonempty=False)
          for k in KEYS if k.path.startswith("scenario.units.")}
    if kw["scale"] not in SCALES:
        raise c.fail("scenario.units.scale", f"unknown scale {kw['scale']!r}; use one of "
                                             f"{list(SCALES)}")
    units = Units(**kw)

    ec = c.table(doc, "economy", allowed=_section_keys("economy"))
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
        raise c.fail("prices", "missing table: the actual price of every sector")
    prices = c.sector_table(doc["prices"], "prices", sectors, complete=True, positive=True)
    bt = c.table(doc, "benchmark", allowed=_section_keys("benchmark"))
    benchmark = _benchmark(c, bt, sectors)

    gt = c.table(doc, "groups")
    if not gt:
        raise c.fail("groups", "a scenario needs at least one group")
    groups = {k: _group(c, k, v, sectors) for k, v in gt.items()}
    states = [k for k, g in groups.items() if isinstance(g, State)]
    if len(states) > 1:
        raise c.fail(f"groups.{states[1]}", f"a scenario has one state; got {states}")
    if not states:
        if "state" in groups:
            raise c.fail("groups.state", "the key 'state' is kept for the state")
        groups["state"] = State(name="state")
    labels = [g.label for g in groups.values()]
    dup = sorted({x for x in labels if labels.count(x) > 1})
    if dup:
        raise c.fail("groups", f"two groups have the label {dup[0]!r}; labels must be unique")
    canon: dict[str, GroupKind] = {}
    checked: dict[str, str] = {}
    for k, g in groups.items():
        try:
            g2, ch = g.normalize(sectors, prices, groups)
        except ValueError as exc:
            key, msg = exc.args if len(exc.args) == 2 else (f"groups.{k}", str(exc))
            raise c.fail(key, msg) from None
        canon[k] = g2
        checked.update(ch)
    groups = canon
    for k, g in groups.items():
        try:
            g.normalize(sectors, prices, groups)
        except ValueError as exc:
            raise c.fail(exc.args[0] if len(exc.args) == 2 else f"groups.{k}",
                         exc.args[-1]) from None

    st = c.opt_table(doc, "scissors", allowed=_section_keys("scissors"))
    scissors = None if st is None else _scissors(c, st)

    known = parameter_keys(list(groups.values()))
    if scissors is None:
        known.pop("scissors", None)
    values: dict[str, Any] = {"economy.A": A, "economy.labour": labour,
                              "economy.final_demand": final_demand, "prices": prices,
                              "benchmark": benchmark, "scissors": scissors}
    for g in groups.values():
        values.update(group_values(g))
    raw_stated = [f"{k}.{p}" for k, t in gt.items() for p in _flatten(t)
                  if f"{k}.{p}" in known]
    stated = [p for p in known if p in values and values[p] is not None
              and (p in raw_stated or "." not in p or p.split(".")[0] not in groups)]
    for p in checked:
        known.setdefault(p, None)
    provenance = _provenance(c, doc, stated, known, values)
    provenance = _freeze({k: v for k, v in provenance.items() if k not in checked})
    return dict(name=name, description=description, year=year, units=units,
                written_from=written_from,
                sectors=sectors, labour_kinds=kinds, A=A, labour=labour,
                final_demand=final_demand, prices=prices, benchmark=benchmark,
                groups=tuple(groups.values()), scissors=scissors, provenance=provenance)


# ====================================================================== documentation
def schema_markdown() -> str:
    """The keys of a scenario file as Markdown tables (top level, then each group kind).

    >>> print(schema_markdown().splitlines()[0])
    ## Top-level keys
    """
    lines = ["## Top-level keys", "", "| key | type | unit | required | default | meaning |",
             "| --- | --- | --- | --- | --- | --- |"]
    for k in KEYS:
        default = "" if k.required or k.default is None else repr(k.default)
        lines.append(f"| `{k.path}` | {k.type} | {k.unit} | "
                     f"{'yes' if k.required else 'no'} | {default} | {k.doc} |")
    for kind, cls in sorted(GROUP_KINDS.items()):
        if not cls.__module__.startswith("nonequivalent."):
            continue
        lines += ["", f"## Group kind `{kind}` ({cls.__name__})", "",
                  "| key | allowed | unit | default | meaning |",
                  "| --- | --- | --- | --- | --- |"]
        for f, p in params(cls):
            if f.default is dataclasses.MISSING:
                default = "required"
            elif f.default is None:
                default = "optional"
            else:
                default = repr(f.default)
            lines.append(f"| `{p.key or f.name}` | {p.allowed()} | {p.unit} | {default} | "
                         f"{p.doc} |")
    return "\n".join(lines) + "\n"


