"""Scenario files as TOML: the writer, and the conversion of schema-1 documents.

The writer comes from the declaration of the schema (:mod:`nonequivalent.scenarios.schema`):
:func:`scenario_document` walks :data:`~nonequivalent.scenarios.schema.KEYS` in order,
reading each key's value where the key says it lives on the scenario (its ``attr``), and
writes the groups' tables from their kinds' declared parameters; :func:`to_toml` emits that
plain data as TOML that :mod:`tomllib` reads back exactly (strings escaped, floats by
``repr``, no non-finite numbers). :func:`upgrade_v1` converts a schema-1 document;
:func:`set_parameter` changes one parameter of a document (what
:meth:`Scenario.with_values` does before it validates the result).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import numpy as np

from ..errors import ScenarioError
from ..groups import State
from .schema import KEYS, SCHEMA_VERSION, _Checker, group_table

__all__ = ["scenario_document", "set_parameter", "to_toml", "upgrade_v1"]


# ====================================================================== schema 1
_V1_PROVENANCE = {
    "workers.basket": "workers.real_wage.base_basket",
    "real_wage.cut": "workers.real_wage.cut",
    "marketing.elasticity": "peasants.marketing.elasticity",
    **{f"household.{k}": f"two_earner_households.{k}"
       for k in ("number", "members", "earners", "hours_per_earner", "basket",
                 "domestic_hours")},
}
_V1_DROPPED = ("workers.money_wage", "marketing.q0", "marketing.p0")


def upgrade_v1(doc: Mapping[str, Any], file: str) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Convert a schema-1 document to schema 2; return it with notes on what changed.

    Peasants, workers and the household become the groups ``peasants``, ``workers`` and
    ``two_earner_households``; the worker basket becomes the base basket
    ``basket / (1 − cut)`` with the cut under ``workers.real_wage``; the money wage is
    derived (the basket at retail prices) and checked; the marketing response moves to
    the peasants and its ``q0``, ``p0`` are derived from their sales and the price; the
    units, written in words in schema 1, get structured fields with defaults.
    """
    c = _Checker(file)
    allowed = ("schema", "scenario", "economy", "prices", "benchmark", "peasants", "workers",
               "household", "real_wage", "marketing", "scissors", "provenance")
    extra = [k for k in doc if k not in allowed]
    if extra:
        raise c.fail(extra[0], f"unknown section; allowed sections (schema 1): "
                               f"{list(allowed)}")
    notes: list[str] = []
    out: dict[str, Any] = {"schema": 2}
    sc = dict(c.table(doc, "scenario", allowed=("name", "description", "year", "units")))
    units = sc.pop("units", "")
    sc["units"] = {"description": units} if isinstance(units, str) else units
    notes.append("schema 1 states its units in words only: set scenario.units.scale, "
                 "currency and people for labelled reports")
    out["scenario"] = sc
    for k in ("economy", "prices", "benchmark", "scissors"):
        if k in doc:
            out[k] = doc[k]
    pt = dict(c.table(doc, "peasants", allowed=("name", "sells", "buys", "taxes")))
    peasants: dict[str, Any] = {"kind": "peasants", "label": pt.pop("name", "peasants")}
    peasants.update(pt)
    mt = c.opt_table(doc, "marketing", allowed=("good", "elasticity", "q0", "p0"))
    if mt is not None:
        peasants["marketing"] = {k: mt[k] for k in ("good", "elasticity") if k in mt}
        good = mt.get("good")
        sells = pt.get("sells", {})
        price = doc.get("prices", {}).get(good) if isinstance(doc.get("prices"), Mapping) \
            else None
        if isinstance(sells, Mapping) and "q0" in mt and mt["q0"] != sells.get(good):
            notes.append(f"marketing.q0 = {mt['q0']!r} is now derived: the peasants' sales "
                         f"of {good!r} ({sells.get(good)!r})")
        if "p0" in mt and mt["p0"] != price:
            notes.append(f"marketing.p0 = {mt['p0']!r} is now derived: the price of "
                         f"{good!r} ({price!r})")
    wt = dict(c.table(doc, "workers", allowed=("number", "hours", "money_wage", "basket",
                                              "retail_prices")))
    rt = c.opt_table(doc, "real_wage", allowed=("cut",)) or {}
    cut = rt.get("cut", 0.0)
    workers: dict[str, Any] = {"kind": "workers"}
    for k in ("number", "hours", "retail_prices"):
        if k in wt:
            workers[k] = wt[k]
    workers["real_wage"] = {"cut": cut}
    if "basket" in wt:
        basket = wt["basket"]
        if isinstance(basket, Mapping) and isinstance(cut, int | float) and cut < 1:
            workers["real_wage"]["base_basket"] = {g: q / (1.0 - cut) if isinstance(
                q, int | float) else q for g, q in basket.items()}
        else:
            workers["basket"] = basket
    if "money_wage" in wt:
        workers["money_wage"] = wt["money_wage"]
    notes.append("workers.basket is now (1 − workers.real_wage.cut) × "
                 "workers.real_wage.base_basket and the money wage the basket at retail "
                 "prices: a change of the cut now changes both")
    out["groups"] = {"peasants": peasants, "workers": workers}
    ht = c.opt_table(doc, "household", allowed=("number", "members", "earners",
                                                "hours_per_earner", "basket",
                                                "domestic_hours"))
    if ht is not None:
        hh = {"kind": "worker-households", "label": "two-earner households",
              "workers": "workers", **ht}
        out["groups"]["two_earner_households"] = hh
    prov = dict(doc.get("provenance", {})) if isinstance(doc.get("provenance"), Mapping) \
        else {}
    newprov: dict[str, Any] = {}
    for k, v in prov.items():
        if k in _V1_DROPPED:
            continue
        newprov[_V1_PROVENANCE.get(k, k)] = v
    out["provenance"] = newprov
    return out, tuple(notes)


# ====================================================================== reading
def _string_end(text: str, i: int) -> int:
    """Index just past the TOML string starting at ``text[i]``."""
    for quote in ('"""', "'''", '"', "'"):
        if text.startswith(quote, i):
            j = i + len(quote)
            while j < len(text):
                if quote[0] == '"' and text[j] == "\\":
                    j += 2
                    continue
                if text.startswith(quote, j):
                    return j + len(quote)
                if len(quote) == 1 and text[j] == "\n":
                    return j
                j += 1
            return j
    return i + 1


def deepest_key(text: str) -> tuple[str, int]:
    r"""The key whose value nests arrays or inline tables deepest, and that depth.

    A plain scan of the text (strings and comments skipped), used to name the key when
    :mod:`tomllib` gives up on a value nested too deep for it.

    Examples
    --------
    >>> deepest_key("[economy]\nA = [[1, 2]]\nb = [[[3]]]\n")
    ('economy.b', 3)
    """
    header, key, line_start = "", "", 0
    depth, best, where = 0, 0, ""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "\"'":
            i = _string_end(text, i)
            continue
        if ch == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if ch == "\n":
            line_start = i + 1
        elif ch == "[" and depth == 0 and not text[line_start:i].strip():
            j = text.find("\n", i)
            j = n if j < 0 else j
            header = text[i:j].split("#")[0].strip().strip("[]").strip()
            i = j
            continue
        elif ch in "[{":
            depth += 1
            if depth > best:
                best, where = depth, key
        elif ch in "]}":
            depth = max(depth - 1, 0)
        elif ch == "=" and depth == 0:
            name = text[line_start:i].strip()
            key = f"{header}.{name}" if header else name
        i += 1
    return where, best


def key_at_line(text: str, line: int) -> str:
    r"""The key being read at ``line`` (1-based): the last table header and key above it.

    Used to name the key of a TOML syntax error (the parser gives only line and column).

    >>> key_at_line("[economy]\nA = [\n  [1, 2],\n]\n", 3)
    'economy.A'
    """
    lines = text.splitlines()
    here = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    m = re.match(r"\[+([A-Za-z_\"'][^\]#]*)", here)
    if m:     # the faulty line is a table header
        return m.group(1).strip()
    header, name = "", ""
    for raw in lines[:max(line, 0)]:
        stripped = raw.strip()
        m = re.fullmatch(r"\[+([A-Za-z_\"'][\w\"' .<>-]*)\]+\s*(#.*)?", stripped)
        if m:     # a table header (a row of an array holds numbers and commas)
            header, name = m.group(1).strip(), ""
            continue
        m = re.match(r"\s*([^=#\[\]{}\s][^=#\[\]{}]*?)\s*=", raw)
        if m:
            name = m.group(1).strip()
    return f"{header}.{name}" if header and name else (header or name)


def long_integer_key(text: str, digits: int) -> str:
    r"""The key whose value holds a run of at least ``digits`` decimal digits, or ``""``.

    >>> long_integer_key("[a]\nb = 1\nc = 12345\n", 5)
    'a.c'
    """
    m = re.search(r"\d[\d_]{" + str(digits - 1) + ",}", text)
    if m is None:
        return ""
    head = text[:m.start()]
    headers = re.findall(r"(?m)^\s*\[+([^\]\n]*)\]+", head)
    line = head[head.rfind("\n") + 1:]
    start = head.rfind("\n", 0, max(head.rfind("="), 0)) + 1
    name = head[start:].split("=")[0].strip() if "=" not in line else line.split("=")[0].strip()
    header = headers[-1].strip() if headers else ""
    return f"{header}.{name}" if header and name else (header or name)


# ====================================================================== writing
def _attr(obj: Any, path: str) -> Any:
    for part in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, part)
    return obj


def _put(doc: dict[str, Any], path: str, value: Any) -> None:
    *tables, last = path.split(".")
    for t in tables:
        doc = doc.setdefault(t, {})
    doc[last] = value


def _is_default_state(g: Any) -> bool:
    # The state a file leaves out is added on loading (key and label "state").
    return isinstance(g, State) and g.name == "state" and g.label == "state"


def scenario_document(scenario: Any) -> dict[str, Any]:
    """A scenario as plain data in the layout of the schema, read off the declaration.

    Every key of :data:`~nonequivalent.scenarios.schema.KEYS` with an ``attr`` is read
    from the scenario at that attribute path and written at the key's path, in the
    declared order; an optional key whose value is ``None`` or its declared default is
    left out (the loader fills the default back in). The keyed sections are written entry
    by entry: ``groups.<key>`` from each group's declared parameters
    (:func:`~nonequivalent.scenarios.schema.group_table`; the default state is left
    out), ``provenance.<parameter>`` with the fields the declaration lists for an entry.

    Parameters
    ----------
    scenario : Scenario
        The scenario to write (only its inputs are written; derived values are not).

    Returns
    -------
    dict
        Plain data (dicts, lists, strings, numbers) that
        :func:`nonequivalent.scenarios.from_dict` reads back to an equal scenario.

    Examples
    --------
    >>> from nonequivalent import scenarios
    >>> doc = scenario_document(scenarios.load("ussr-1928"))
    >>> list(doc)
    ['schema', 'scenario', 'economy', 'prices', 'benchmark', 'groups', 'scissors', 'provenance']
    """
    entry_fields = [k.path.rsplit(".", 1)[1] for k in KEYS
                    if k.path.startswith("provenance.<parameter>.")]
    doc: dict[str, Any] = {}
    for k in KEYS:
        section = k.path.split(".")[0]
        if k.path == "schema":
            doc["schema"] = SCHEMA_VERSION
        elif k.attr is not None:
            v = _attr(scenario, k.attr)
            if v is None or (not k.required and v == k.default):
                continue
            _put(doc, k.path, _plain(v))
        elif section == "groups" and "groups" not in doc:
            doc["groups"] = {g.name: group_table(g) for g in scenario.groups
                             if not _is_default_state(g)}
        elif section == "provenance" and "provenance" not in doc:
            doc["provenance"] = {p: {f: e[f] for f in entry_fields if f in e}
                                 for p, e in scenario.provenance.items()}
    return doc


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


def to_toml(doc: Mapping[str, Any]) -> str:
    """TOML text of plain data in the layout of the schema (see :data:`KEYS`).

    >>> print(to_toml({"schema": 2}).splitlines()[1])
    # schema version 2
    """
    out = ["# nonequivalent scenario file", f"# schema version {SCHEMA_VERSION}"]
    _emit(doc, (), out)
    return "\n".join(out) + "\n"


# ====================================================================== parameters
def _plain(v: Any) -> Any:
    if isinstance(v, Mapping):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, tuple | list):
        return [_plain(x) for x in v]
    return v


def _scaled(table: Any, factor: float, key: str) -> Any:
    """Every number of a (nested) table or matrix times ``factor``; the shape is kept."""
    if isinstance(table, dict):
        return {k: _scaled(v, factor, key) for k, v in table.items()}
    if isinstance(table, list):
        return [_scaled(v, factor, key) for v in table]
    if isinstance(table, int | float) and not isinstance(table, bool):
        return float(table) * factor
    raise ScenarioError(f"cannot scale the entry {table!r} by a factor: not a number", key=key)


def set_parameter(doc: dict[str, Any], key: str, value: Any, groups: set[str],
                  parameters: list[str]) -> None:
    """Set the parameter ``key`` of a scenario document, in place.

    ``groups`` are the document's group keys (``"workers.real_wage.cut"`` is in
    ``[groups.workers]``); ``parameters`` are listed in the error for an unknown key. A
    number for a table or matrix multiplies every entry; a mapping for a table updates
    the entries it names; a whole number for an integer parameter stays an integer; a
    stated ``basket`` or ``money_wage`` is replaced (they are checked against the rest).

    Examples
    --------
    >>> doc = {"groups": {"w": {"real_wage": {"cut": 0.5}}}, "prices": {"a": 1.0, "b": 2.0}}
    >>> set_parameter(doc, "w.real_wage.cut", 0.4, {"w"}, [])
    >>> set_parameter(doc, "prices", 2.0, {"w"}, [])
    >>> doc["groups"]["w"]["real_wage"]["cut"], doc["prices"]
    (0.4, {'a': 2.0, 'b': 4.0})
    """
    if isinstance(value, np.generic):   # numpy scalars as the Python numbers they hold
        value = value.item()
    parts = key.split(".")
    if parts[0] in groups:
        cur = doc["groups"][parts[0]]
        parts = parts[1:]
        if not parts:
            raise ScenarioError(
                f"{key!r} is a group, not a parameter; name one of its parameters: "
                f"{[p for p in parameters if p.startswith(key + '.')][:10]}", key=key)
    elif parts[0] in ("economy", "prices", "benchmark", "scissors"):
        cur = doc
    else:
        raise ScenarioError(
            f"unknown parameter {key!r}; parameters: {parameters} (group "
            f"keys: {sorted(groups)})", key=key)
    for i, part in enumerate(parts[:-1]):
        nxt = cur.get(part)
        if nxt is None:
            nxt = cur[part] = {}
        if not isinstance(nxt, dict):
            raise ScenarioError(f"{'.'.join(parts[:i + 1])} is not a table", key=key)
        cur = nxt
    last = parts[-1]
    old = cur.get(last)
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            float(value)
        except OverflowError:
            raise ScenarioError(f"number too large for a float: an integer of "
                                f"{value.bit_length() * 30103 // 100000 + 1} digits; rescale "
                                "the units (e.g. millions)", key=key) from None
    if isinstance(value, int | float) and not isinstance(value, bool) \
            and (isinstance(old, dict) or (isinstance(old, list) and old
                                           and isinstance(old[0], list | dict))):
        value = _scaled(old, float(value), key)
    elif isinstance(value, Mapping) and isinstance(old, dict):
        value = {**old, **{str(k): v for k, v in value.items()}}
    elif isinstance(value, Mapping):
        value = dict(value)
    if isinstance(old, int) and isinstance(value, float) and value.is_integer():
        value = int(value)     # a whole number for an integer parameter (earners, members)
    if key.startswith(tuple(f"{g}." for g in groups)) and last in ("basket", "money_wage"):
        cur.pop(last, None)
    cur[last] = _plain(value)
