"""The surplus report of a scenario (and a later one) as a library object.

:func:`report` computes, from one scenario or from a base and a later one, the surplus
account by group in hours and in money at benchmark prices (Barsov 1969; Ellman 1975;
Harrison 1985), the sources of the change in the accumulation fund (Shapley value,
Shorrocks 2013), Stalin's tribute of each peasant group (9 July 1928), the price scissors,
the grain squeeze against its maximum (Sah & Stiglitz 1984) and the figures of the workers and
their households (Marx, *Capital* I, ch. 15 §3a). It returns a frozen :class:`Report`:
sections with stable snake_case keys, every row and column with its own key, label and
structured unit (from the scenario's ``units`` fields, never from prose), a JSON form whose
schema is documented on the page *Report JSON schema*, and one DataFrame per section.

Section keys: ``account_hours_base``, ``account_money_base`` (and ``_later``),
``sources``, ``tribute``, ``scissors``, ``squeeze``, ``workers``.

Examples
--------
>>> import nonequivalent as ne
>>> r = ne.report("ussr-1928", later="ussr-1932")
>>> r
Report('ussr-1928' and 'ussr-1932': 9 sections)
>>> r.to_frame("account_hours_base").loc["state", "surplus_hours"].round(0)
np.float64(13125.0)
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import shlex
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from .._document import Document, Section, render, render_section
from .._results import format_number, reconciled_text
from ..accounts.surplus import RECONCILE_RTOL
from ..errors import InvalidGroupError, ScenarioError
from ..exchange.procurement import ISOELASTIC_METHOD, squeeze_diagnostic, squeeze_message
from ..exchange.tribute import equivalent_tax_rate, tribute
from ..groups import Peasants, WorkerCategory, WorkerHouseholds

__all__ = ["REPORT_SCHEMA", "Line", "Report", "ReportSection", "report"]

#: Section keys, in the order a report has them (those that apply).
SECTION_KEYS = ("account_hours_base", "account_money_base", "account_hours_later",
                "account_money_later", "sources", "tribute", "scissors", "squeeze",
                "workers")

#: Identifier of the JSON layout written by :meth:`Report.to_json`.
REPORT_SCHEMA = "nonequivalent.report/1"

_LINE = {"type": "object", "required": ["key", "label"],
         "properties": {"key": {"type": "string"}, "label": {"type": "string"},
                        "unit": {"type": "string"}}}

#: JSON Schema (draft 2020-12) of :meth:`Report.to_json`, documented on the page
#: *Report JSON schema*.
JSON_SCHEMA: Mapping[str, Any] = MappingProxyType({
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": REPORT_SCHEMA,
    "type": "object",
    "required": ["schema", "title", "scenarios", "periods", "notes", "benchmark", "melt",
                 "units", "sections"],
    "properties": {
        "schema": {"const": REPORT_SCHEMA},
        "title": {"type": "string"},
        "scenarios": {"type": "array", "items": {"type": "string"}},
        "periods": {"type": "array", "items": {"type": "string"}},
        "notes": {"type": "array", "items": {"type": "string"}},
        "benchmark": {"type": "string"},
        "melt": {"type": "object", "additionalProperties": {"type": "number"}},
        "units": {"type": "object", "required": ["description", "scale", "currency",
                                                 "people"],
                  "additionalProperties": {"type": "string"}},
        "sections": {"type": "array", "items": {
            "type": "object",
            "required": ["key", "title", "period", "units_by", "columns", "rows", "notes"],
            "properties": {
                "key": {"enum": ["account_hours_base", "account_money_base",
                                 "account_hours_later", "account_money_later", "sources",
                                 "tribute", "scissors", "squeeze", "workers"]},
                "title": {"type": "string"},
                "period": {"type": "string"},
                "units_by": {"enum": ["column", "row"]},
                "columns": {"type": "array", "items": _LINE},
                "rows": {"type": "array", "items": {
                    "type": "object", "required": ["key", "label", "values"],
                    "properties": {
                        "key": {"type": "string"}, "label": {"type": "string"},
                        "unit": {"type": "string"}, "group": {"type": "string"},
                        "values": {"type": "object", "additionalProperties": {
                            "type": ["number", "null"]}}}}},
                "notes": {"type": "array", "items": {"type": "string"}}}}},
    },
})



@dataclasses.dataclass(frozen=True)
class Line:
    """A row or column of a section: machine key, printed label, unit.

    ``unit`` is the structured unit (``"million hours"``, ``"percent"``, ``"ratio"``...);
    ``dimension`` groups the quantities printed alike (``hours``, ``money``, ``%``,
    ``price``, ``ratio``, ``people``, ``earners``, ``worker hours``).
    """

    key: str
    label: str
    unit: str = ""
    dimension: str = ""
    group: str = ""
    #: Counts whole things (persons, earners): printed as integers when whole.
    whole: bool = False


@dataclasses.dataclass(frozen=True, eq=False)
class ReportSection:
    """One table of a report.

    Attributes
    ----------
    key : str
        Stable snake_case key.
    title : str
        Printed title.
    period : str
        The period it describes (``""`` when several).
    rows, columns : tuple of Line
        Row and column keys, labels and units. Units are on the columns, or on the rows
        when ``by_row`` (each row a different quantity).
    index_name : str
        Printed name of the row labels.
    notes : tuple of str
    by_row : bool
    exact : bool
        Print numbers as given (historical series).
    text : mapping
        Columns of words printed before the numbers (the sources' group labels).
    """

    key: str
    title: str
    period: str
    rows: tuple[Line, ...]
    columns: tuple[Line, ...]
    values: np.ndarray = dataclasses.field(repr=False)
    index_name: str = ""
    notes: tuple[str, ...] = ()
    by_row: bool = False
    exact: bool = False
    text: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict,
                                                            repr=False)

    def __post_init__(self) -> None:
        v = np.array(self.values, dtype=object, copy=True)
        v.setflags(write=False)
        object.__setattr__(self, "values", v)
        object.__setattr__(self, "text", MappingProxyType(dict(self.text)))

    def to_frame(self) -> pd.DataFrame:
        """The section with machine keys (a new DataFrame each call)."""
        data = {c.key: list(self.values[:, j]) for j, c in enumerate(self.columns)}
        if any(r.group for r in self.rows):
            data = {"group": [r.group for r in self.rows], **data}
        df = pd.DataFrame(data, index=pd.Index([r.key for r in self.rows], name="key"))
        for c in self.columns:
            df[c.key] = pd.to_numeric(df[c.key])
        df.attrs.update(title=self.title, period=self.period,
                        units={r.key: r.unit
                               for r in (self.rows if self.by_row else self.columns)})
        return df

    def __repr__(self) -> str:
        return f"ReportSection({self.key!r}, {len(self.rows)} x {len(self.columns)})"

    # -------------------------------------------------------------- display (labels)
    def document_section(self) -> Section:
        """The section as printed: labels (not keys), units, whole numbers marked."""
        data = {c.label: pd.to_numeric(pd.Series(list(self.values[:, j])))
                for j, c in enumerate(self.columns)}
        table = pd.DataFrame(data)
        for k, col in reversed(list(self.text.items())):
            table.insert(0, k, list(col))
        table.index = pd.Index([r.label for r in self.rows], name=self.index_name or None)
        lines = self.rows if self.by_row else self.columns
        units = {x.label: x.dimension for x in lines if x.dimension}
        return Section(self.title, table, tuple(self.notes), exact=self.exact,
                       rowwise=self.by_row, units=units,
                       whole=frozenset(x.label for x in lines if x.whole))

    def render(self, fmt: str = "text", width: int | None = None) -> str:
        """The section alone as ``"text"``, ``"markdown"``, ``"html"`` or ``"latex"``
        (the same labels, units and numbers in each; see :meth:`Report.render`)."""
        return render_section(self.document_section(), fmt, width)

    def summary(self, width: int | None = None) -> str:
        """The section as text, as ``nonequivalent report`` prints it."""
        return self.render("text", width)

    __str__ = summary

    def _repr_html_(self) -> str:
        return f"<div class='nonequivalent-result'>{self.render('html')}</div>"

    def to_latex(self) -> str:
        """The section as a LaTeX table (escaped; labels, units; needs ``booktabs``)."""
        return self.render("latex")

    def to_markdown(self) -> str:
        """The section as a Markdown table under its title."""
        return self.render("markdown")


@dataclasses.dataclass(frozen=True, eq=False)
class Report:
    """The surplus report: sections with stable keys, notes, the scenarios it is from.

    Build it with :func:`report`. ``str(report)`` or :meth:`summary` is a short text;
    the command line (``nonequivalent report``) renders every section.
    """

    title: str
    scenarios: tuple[str, ...]
    periods: tuple[str, ...]
    notes: tuple[str, ...]
    sections: tuple[ReportSection, ...]
    meta: Mapping[str, Any] = dataclasses.field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "meta", MappingProxyType(dict(self.meta)))

    @property
    def keys(self) -> tuple[str, ...]:
        """The section keys, in order."""
        return tuple(s.key for s in self.sections)

    def section(self, key: str) -> ReportSection:
        """The section with this key (raises KeyError listing the keys)."""
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(f"no section {key!r}; sections: {list(self.keys)}")

    def to_frame(self, section: str) -> pd.DataFrame:
        """One section as a DataFrame with machine keys (rows and columns).

        >>> import nonequivalent as ne
        >>> ne.report("ussr-1928", later=None).to_frame("tribute").columns.tolist()
        ['group', '1928']
        """
        return self.section(section).to_frame()

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data (the layout of :meth:`to_json`)."""
        out: dict[str, Any] = {"schema": REPORT_SCHEMA, "title": self.title,
                               "scenarios": list(self.scenarios),
                               "periods": list(self.periods), "notes": list(self.notes),
                               **{k: _plain(v) for k, v in self.meta.items()},
                               "sections": []}
        for s in self.sections:
            rows = []
            for i, r in enumerate(s.rows):
                rec: dict[str, Any] = {"key": r.key, "label": r.label}
                if r.group:
                    rec["group"] = r.group
                if s.by_row:
                    rec["unit"] = r.unit
                rec["values"] = {c.key: _plain(s.values[i, j])
                                 for j, c in enumerate(s.columns)}
                rows.append(rec)
            cols = [{"key": c.key, "label": c.label, **({} if s.by_row else
                                                         {"unit": c.unit})}
                    for c in s.columns]
            out["sections"].append({"key": s.key, "title": s.title, "period": s.period,
                                    "units_by": "row" if s.by_row else "column",
                                    "columns": cols, "rows": rows, "notes": list(s.notes)})
        return out

    def to_json(self, indent: int | None = 2) -> str:
        """The report as JSON (layout ``nonequivalent.report/1``, see the docs)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False) + "\n"

    # -------------------------------------------------------------- display (labels)
    def document(self) -> Document:
        """The report as printed: every section with labels and units, the notes.

        Text, Markdown, HTML and LaTeX are this document rendered (:meth:`render`); the
        machine keys stay in :meth:`to_frame`, :meth:`to_json` and the CSV.
        """
        return Document(self.title, tuple(s.document_section() for s in self.sections),
                        tuple(self.notes), dict(self.meta))

    def render(self, fmt: str = "text", width: int | None = None) -> str:
        """The report as ``"text"`` (what ``nonequivalent report`` prints), ``"markdown"``,
        ``"html"``, ``"latex"`` (escaped, compiles with pdflatex and ``booktabs``) or
        ``"json"``.

        Parameters
        ----------
        fmt : str
            Output format.
        width : int, optional
            Text only: the longest line (wider tables are wrapped). Default: no limit, as
            the command line writes to a file or a pipe.
        """
        if fmt == "json":
            return self.to_json()
        return render(self.document(), fmt, width)

    def summary(self, width: int | None = None) -> str:
        """The whole report as text: ``str(report)`` is what ``nonequivalent report``
        prints (at the same ``width``)."""
        return self.render("text", width)

    def __repr__(self) -> str:
        names = " and ".join(repr(s) for s in self.scenarios)
        return f"Report({names}: {len(self.sections)} sections)"

    def _repr_html_(self) -> str:
        """The notebook's display: the same document as the text, as HTML tables."""
        return self.render("html")

    def to_markdown(self) -> str:
        """The report as Markdown (what ``nonequivalent report -f markdown`` prints)."""
        return self.render("markdown")

    def to_latex(self) -> str:
        """The report as LaTeX (escaped; a ``table`` per section; needs ``booktabs``)."""
        return self.render("latex")

    __str__ = summary


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _section(key: str, title: str, period: str, rows: list[Line], columns: list[Line],
             values: Any, **kw: Any) -> ReportSection:
    return ReportSection(key, title, period, tuple(rows), tuple(columns),
                         np.asarray(values, dtype=object).reshape(len(rows), len(columns)),
                         **kw)


# ============================================================================ periods
@dataclasses.dataclass(frozen=True)
class _Period:
    """One period of the report: its scenario, column label, and its numbers (the
    computation on a batch of one, :mod:`~nonequivalent.report.compute`)."""

    scenario: Any
    label: str
    index: int
    computed: Any

    def value(self, section: str, row: str, column: str | None = None) -> float:
        """One computed cell (the period's column when no column is named)."""
        return float(self.computed.cells[(section, row, column or self.label)][0])

    @property
    def year(self) -> Any:
        return self.computed.years[self.index]


def _load(sc: Any) -> Any:
    from ..scenarios import scenario as scenarios

    if isinstance(sc, scenarios.Scenario):
        return sc
    if not isinstance(sc, str | os.PathLike):
        raise ScenarioError(f"a scenario is a built-in name, a file path or a Scenario; got "
                            f"{type(sc).__name__}. Built-in: {', '.join(scenarios.builtin())}.")
    return scenarios.load(sc)


def _account_sections(per: _Period, which: str) -> list[ReportSection]:
    from ..accounts.surplus import COLUMNS, _is_reconciled, _reconciliation

    u = per.scenario.units
    acc = per.computed.accounts[per.index]
    groups = list(per.year.groups.values())
    rows = [Line(g.name, g.label) for g in groups]
    hours = [("hours_given", "hours given"), ("hours_received", "hours received"),
             ("surplus_hours", "surplus (hours)")]
    money = [("taxes", "taxes"), ("underpayment", "underpayment"),
             ("overpayment", "overpayment"), ("surplus_money", "surplus (money)")]
    share = "share of fund (%)"
    hcols = [Line(k, lab, u.hours, "hours") for k, lab in hours] + [
        Line("share_of_fund", share, "percent", "%")]
    mcols = [Line(k, lab, u.money, "money") for k, lab in money] + [
        Line("share_of_fund", share, "percent", "%")]
    hv = [[per.value(f"account_hours_{which}", g.name, c.key) for c in hcols] for g in groups]
    mv = [[per.value(f"account_money_{which}", g.name, c.key) for c in mcols] for g in groups]
    table = pd.DataFrame(np.hstack([acc["body"][0], acc["shares"][0]]),
                         index=pd.Index(acc["labels"], name="group"), columns=list(COLUMNS))
    with np.errstate(over="ignore", invalid="ignore"):
        recon = _reconciliation(table)
    diff = recon.loc["difference"].abs().max()
    mu = float(np.ravel(per.year.bctx.melt)[0])
    currency = u.currency
    carve = [g.label for g in per.scenario.groups_of(WorkerHouseholds)]
    hnote = ("surplus = given − received for a group; for the state, received − given: the "
             "accumulation fund." + (
                 f" {', '.join(carve)[0].upper() + ', '.join(carve)[1:]}: hours of the "
                 "earners beyond one per household (carved out of the workers' row)."
                 if carve else ""))
    return [
        _section(f"account_hours_{which}", f"Surplus account by group, {per.label}: "
                 f"{u.hours}", per.label, rows, hcols, hv, index_name="group",
                 notes=(hnote,)),
        _section(f"account_money_{which}", f"Surplus account by group, {per.label}: "
                 f"{u.money} at benchmark prices", per.label, rows, mcols, mv,
                 index_name="group", notes=(
                     "tribute = taxes + underpayment + overpayment. Peasants: underpayment "
                     "on the goods they sell, overpayment on those they buy; workers: "
                     "underpayment on labour power (μ h − w per worker), overpayment on "
                     "their basket at retail prices. One hour = "
                     f"{format_number(mu, currency)} at the benchmark (the MELT μ). "
                     "Against the state's receipts: "
                     + reconciled_text(_is_reconciled(table, recon), diff, u.money,
                                       RECONCILE_RTOL) + ".",
                 )),
    ]


def _prefixed(label: str, group_label: str, many: bool) -> str:
    return f"{group_label}: {label}" if many else label


def _tribute_section(periods: list[_Period]) -> ReportSection:
    u = periods[0].scenario.units
    items = [("overpayment", f"overpayment for dear manufactures ({u.money})", u.money,
              "money"),
             ("underpayment", f"underpayment for cheap grain ({u.money})", u.money, "money"),
             ("taxes", f"direct taxes ({u.money})", u.money, "money"),
             ("total", f"total tribute ({u.money})", u.money, "money"),
             ("equivalent_tax_rate", "equivalent tax rate on sales (share)", "share",
              "ratio"),
             ("labour_given", f"labour given ({u.hours})", u.hours, "hours"),
             ("labour_received", f"labour received ({u.hours})", u.hours, "hours"),
             ("nonequivalence_ratio", "non-equivalence ratio E (ratio)", "ratio", "ratio")]
    groups = periods[0].scenario.groups_of(Peasants)
    many = len(groups) > 1
    rows, vals = [], []
    for g in groups:
        rows += [Line(f"{g.name}.{k}", _prefixed(lab, g.label, many), unit, dim, g.name)
                 for k, lab, unit, dim in items]
    for per in periods:
        vals.append([per.value("tribute", r.key) for r in rows])
    cols = [Line(p.label, p.label) for p in periods]
    return _section("tribute", "Tribute of the peasantry (Stalin, July 1928), at benchmark "
                    "prices", "", rows, cols, np.array(vals, dtype=float).T,
                    index_name=groups[0].label if not many else "peasant groups",
                    by_row=True, notes=(
                        "E = labour given / labour received (1 = equivalent exchange); the "
                        "equivalent tax rate is the rate on the sales' benchmark value that "
                        "would raise the same tribute.",))


def _squeeze_section(periods: list[_Period]) -> ReportSection | None:
    u = periods[0].scenario.units
    groups = [g for g in periods[0].scenario.groups_of(Peasants)
              if g.marketing_good is not None]
    if not groups:
        return None
    many = len(groups) > 1
    items = [("benchmark_price", f"benchmark price pᵉ ({u.price})", u.price, "price"),
             ("procurement_price", f"procurement price p ({u.price})", u.price, "price"),
             ("extraction", f"extraction (pᵉ − p) q(p) ({u.money})", u.money, "money"),
             ("optimal_price", f"optimal price p* ({u.price})", u.price, "price"),
             ("maximum_extraction", f"maximum extraction ({u.money})", u.money, "money"),
             ("shortfall", f"shortfall from maximum ({u.money})", u.money, "money")]
    rows = [Line(f"{g.name}.{k}", _prefixed(lab, g.label, many), unit, dim, g.name)
            for g in groups for k, lab, unit, dim in items]
    goods = {g.marketing_good for g in groups}
    if many and len(goods) == 1:
        # one procurement price for every group: the squeeze of the peasantry as a whole
        rows += [Line(f"all.{k}", f"all groups: {lab}", unit, dim, "")
                 for k, lab, unit, dim in items]
    vals = [[per.value("squeeze", r.key) for r in rows] for per in periods]
    labels = {g.name: g.label for g in groups}
    notes, totals = [], []
    for per in periods:
        for key, p, p_star, shortfall, beyond in per.computed.squeeze[per.index]:
            message = squeeze_message(float(p[0]), float(p_star[0]), float(shortfall[0]),
                                      bool(beyond[0]))
            if key == "all":
                totals.append(f"{per.label} all groups (one price, summed marketings): "
                              f"{message}")
            else:
                notes.append(f"{per.label}{' ' + labels[key] if many else ''}: {message}")
    notes += totals
    eps = ", ".join(f"{g.marketing_elasticity:g}" for g in groups)
    notes.insert(0, f"Marketing response q(p) = q0 (p/p0)^ε with ε = {eps}; optimum by "
                    f"{ISOELASTIC_METHOD}.")
    cols = [Line(p.label, p.label) for p in periods]
    return _section("squeeze", "The grain squeeze: extraction against its maximum", "",
                    rows, cols, np.array(vals, dtype=float).T,
                    index_name=groups[0].marketing_good if not many else "peasant groups",
                    by_row=True, notes=tuple(notes))


def _response(sc: Any, g: Peasants) -> Any:
    from ..exchange.procurement import IsoelasticResponse

    good = g.marketing_good
    return IsoelasticResponse(q0=g.sells[good], p0=float(sc.prices[good]),
                              elasticity=g.marketing_elasticity)


def _workers_section(periods: list[_Period]) -> ReportSection:
    u = periods[0].scenario.units
    people = u.people
    cats = periods[0].scenario.groups_of(WorkerCategory)
    hhs = periods[0].scenario.groups_of(WorkerHouseholds)
    many = len(cats) > 1 or len(hhs) > 1
    w_items = [("workers", f"workers ({people})", people, "people"),
               ("hours", "hours per worker (hours a year)", "hours per year", "worker hours"),
               ("value_of_labour_power", "value of labour power v (hours a year)",
                "hours per year", "worker hours"),
               ("surplus_labour", "surplus labour h − v (hours a year)", "hours per year",
                "worker hours"),
               ("rate_of_exploitation", "rate of exploitation e = (h − v)/v (ratio)",
                "ratio", "ratio"),
               ("real_wage_cut", "real-wage cut δ (share of the base wage)", "share",
                "ratio"),
               ("earners_needed", "earners needed m0/(1−δ), m0 = 1 (persons)", "persons",
                "earners"),
               ("whole_earners", "whole earners, rounded up (persons)", "persons",
                "earners")]
    h_items = [("earners", "earners per household (persons)", "persons", "earners"),
               ("family_rate_of_exploitation", "family rate of exploitation e_f (ratio)",
                "ratio", "ratio"),
               ("extra_earners", f"extra earners in all households ({people})", people,
                "people")]
    whole = {"whole_earners", "earners"}
    rows = [Line(f"{g.name}.{k}", _prefixed(lab, g.label, many), unit, dim, g.name,
                 whole=k in whole) for g in cats for k, lab, unit, dim in w_items]
    rows += [Line(f"{g.name}.{k}", _prefixed(lab, g.label, many), unit, dim, g.name,
                  whole=k in whole) for g in hhs for k, lab, unit, dim in h_items]
    vals = [[per.value("workers", r.key) for r in rows] for per in periods]
    cols = [Line(p.label, p.label) for p in periods]
    return _section("workers", "Workers and the two-earner household", "", rows, cols,
                    np.array(vals, dtype=float).T, index_name="workers and households",
                    by_row=True, notes=(
                        "Per worker and per household per year; the family keeps its basket "
                        "after a real-wage cut δ by adding earners (Marx, Capital I, ch. 15 "
                        "§3a).",))


def _sources_section(periods: list[_Period], employment: str = "workers") -> ReportSection:
    from ..accounts.sources import SHAPLEY_METHOD, _key

    src = periods[0].computed.sources
    base = periods[0].scenario
    groups = src["groups"]
    moved: tuple[str, ...] = ()
    peasants = base.groups_of(Peasants)
    if employment == "peasants" and peasants:
        moved = (f"Employment (the surplus of the newly hired, most of them peasant "
                 f"migrants) is credited to the {peasants[0].label} as mobilised peasant "
                 "labour (report option employment='peasants'); by default it counts with "
                 "the workers.",)
    elif employment == "workers" and peasants and base.groups_of(WorkerCategory):
        moved = ("Employment (the surplus of the newly hired, most of them peasant "
                 "migrants) counts with the workers; employment='peasants' (command line: "
                 "--employment peasants) credits it to the peasants as mobilised labour.",)
    u = base.units
    cols = [Line("change_hours", f"Δ {u.hours}", u.hours, "hours"),
            Line("share_hours", "share (hours, %)", "percent", "%"),
            Line("change_money", f"Δ {u.money}", u.money, "money"),
            Line("share_money", "share (money, %)", "percent", "%")]
    count: dict[str, int] = {}
    for _, f in src["order"]:
        count[f] = count.get(f, 0) + 1
    owner = src["owner"]            # the group each factor is counted with
    rows = [Line(f"{k}.{_key(f)}", f if count[f] == 1 else f"{f} ({groups[k].label})",
                 group=o) for (k, f), o in zip(src["order"], owner, strict=True)]
    group_col = [groups[o].label for o in owner]
    for k in src["hours"]["by_group"]:
        rows.append(Line(f"{k}.total", f"{groups[k].label} (total)", group=k))
        group_col.append("total")
    vals = [[periods[0].value("sources", r.key, c.key) for c in cols] for r in rows]
    change = {m: float(src[m]["change"][0]) for m in ("hours", "money")}
    return _section(
        "sources", f"Sources of accumulation {base.year} → {periods[1].scenario.year}", "",
        rows, cols, vals, index_name="source", text={"group": tuple(group_col)}, notes=(
            f"Change in the accumulation fund: {change['hours']:,.0f} {u.hours}, "
            f"{change['money']:,.0f} {u.money} at benchmark prices, split exactly by the "
            f"{SHAPLEY_METHOD}.",
            "Money is each year's benchmark money at that year's prices: where prices "
            "changed between the years (see each scenario's units) the money change "
            "includes the change in the price level; the hours columns do not.",
            *_joint_wage_note([f"{k}.{_key(f)}" for k, f in src["order"]]), *moved))


def _joint_wage_note(factor_keys: list[str]) -> tuple[str, ...]:
    """The note that says why the workers' wage is one factor (when it is)."""
    if not any(k.endswith(".wage_and_retail_prices") for k in factor_keys):
        return ()
    return ("Wage and retail prices: the scenarios derive the money wage from the basket "
            "(w = p_r·b), so the real wage, the money wage and the retail prices are one "
            "mechanism and one factor here; split into three, the decomposition would "
            "evaluate wages that do not buy their baskets.",)


def _scissors_section(sc: Any) -> ReportSection | None:
    if sc.scissors is None:
        return None
    frame = sc.scissors_frame()
    cols = [Line("industrial", "industrial", "index", ""),
            Line("agricultural", "agricultural", "index", ""),
            Line("scissors", "scissors σ", "ratio", "")]
    rows = [Line(p, p) for p in frame.index]
    return _section("scissors", f"The price scissors (indices, {sc.scissors.base} = 100)",
                    "", rows, cols, frame.to_numpy(), index_name="period", notes=(
                        "σ = industrial index / agricultural index against the same base; "
                        "σ > 1: the blades open against agriculture.",))


#: Hours in a (leap) year: no worker works more.
HOURS_IN_A_YEAR = 366 * 24


def _implausible(sections: list[ReportSection]) -> list[str]:
    """Warnings for numbers a reader should not take at face value: a group's share of the
    fund beyond ±100 % (the fund is small against the flows: an ``I − A`` close to
    singular, or transfers that nearly cancel) and hours per worker beyond a year's."""
    out = []
    for s in sections:
        if s.key.startswith("account_"):
            j = [c.key for c in s.columns].index("share_of_fund")
            big = [f"{r.label} {float(s.values[i, j]):,.1f} %" for i, r in enumerate(s.rows)
                   if r.key != "state" and abs(float(s.values[i, j])) > 100]
            if big:
                out.append(f"Warning ({s.title}): shares of the fund beyond ±100 % "
                           f"({', '.join(big)}): the fund is small against the flows "
                           "(check the technology for an I − A close to singular).")
        if s.key == "workers":
            for i, r in enumerate(s.rows):
                if r.key.endswith(".hours"):
                    over = [float(v) for v in s.values[i] if float(v) > HOURS_IN_A_YEAR]
                    if over:
                        out.append(f"Warning: {r.label} {format_number(over[0])} exceeds the "
                                   f"{HOURS_IN_A_YEAR:,} hours of a year.")
    return out


def _provenance_note(sc: Any) -> str:
    """How many parameters are historical records, how many assumptions, and which
    historical parameters the scenario sets outside their sourced range: those are changes
    from the record, not history, and are named with their value and range."""
    t = sc.parameters()
    lo, hi = t["low"].astype(float), t["high"].astype(float)
    scalar = (t["range"] == "value") & lo.notna() & hi.notna()
    value = pd.to_numeric(t["value"].where(scalar), errors="coerce")
    changed = t.index[(t["kind"] == "historical") & scalar & ((value < lo) | (value > hi))]
    records = int((t["kind"] == "historical").sum()) - len(changed)
    kept = (f"{records} parameters are historical records (with sources), "
            f"{int((t['kind'] == 'assumption').sum())} are calibration assumptions (with "
            "reasons)")
    if len(changed):
        said = "; ".join(f"{k} = {format_number(float(value[k]))} against the sourced "
                         f"range {format_number(float(lo[k]))} to "
                         f"{format_number(float(hi[k]))}" for k in changed)
        kept += (f", {len(changed)} {'is' if len(changed) == 1 else 'are'} changed from "
                 f"the record ({said})")
    where = shlex.quote(sc.file) if sc.source != repr(sc.name) else sc.name
    return (f"Scenario {sc.source}: {kept}; see 'nonequivalent scenario show "
            f"{where}'.")


def _refuse(scs: list[Any], melt: float | None) -> None:
    """Raise the precise error for scenarios the computation flagged: each account, the
    sources, the tribute, the squeeze and the workers through their library functions."""
    from ..groups.households import (
        Household,
        Worker,
        earners_needed,
        household_account,
        worker_account,
    )

    kw = {} if melt is None else {"melt": melt}
    accounts = [s.surplus_account(**kw) for s in scs]
    if len(scs) == 2:
        from ..scenarios.scenario import ScenarioPair

        for measure in ("hours", "money"):
            ScenarioPair(scs[0], scs[1]).sources_of_accumulation(measure=measure)
    for s, acc in zip(scs, accounts, strict=True):
        eco = s.economy()
        gs = {g.name: g for g in s.groups}
        for g in s.groups_of(Peasants):
            t = tribute(acc.flows[g.label].detail["exchange"])
            if t.sales_value_benchmark > 0:
                equivalent_tax_rate(t)
            if g.marketing_good is not None:
                squeeze_diagnostic(_response(s, g), float(acc.benchmark.prices[
                    g.marketing_good]), float(s.prices[g.marketing_good]))
        for g in s.groups_of(WorkerCategory):
            f = acc.flows[g.label].detail
            worker_account(eco, Worker(g.hours, f["wage"],
                                       pd.Series(f["basket"], index=eco.sectors)))
            earners_needed(1.0, g.real_wage_cut)
        for h in s.groups_of(WorkerHouseholds):
            household_account(eco, Household(h.members, h.earners, h.hours(gs),
                                             pd.Series(dict(h.family_basket(gs)), dtype=float),
                                             domestic_hours=h.domestic_hours))


def report(scenario: Any, later: Any = None, *, melt: float | None = None,
           employment: str = "workers") -> Report:
    """The surplus report of a scenario, compared with a later one.

    Parameters
    ----------
    scenario : Scenario or str
        A :class:`~nonequivalent.scenarios.Scenario`, a built-in name or a file path.
    later : Scenario, str or None
        The later scenario (same sectors and technology) for the sources of
        accumulation; ``None`` (the default) for one period alone. (The command line
        compares ``ussr-1928`` with ``ussr-1932`` unless told otherwise.)
    melt : float, optional
        ``μ`` for the accounts (default: from each scenario's workers, see
        :func:`~nonequivalent.group_account`).
    employment : {"workers", "peasants"}
        Whom the sources of accumulation credit the ``employment`` factor to (the surplus
        of the newly hired, most of them peasant migrants): the workers (default), or the
        peasants as mobilised peasant labour (Harrison, *Journal of Development Studies*
        22(1), 1985). Only the totals by group move; the contributions are the same.

    Returns
    -------
    Report

    Raises
    ------
    ScenarioError
        Unknown or invalid scenario; scenarios on different sectors or technologies.

    Notes
    -----
    When both scenarios describe the same year, the periods are labelled ``"<year>
    (base)"`` and ``"<year> (later)"``.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> r = ne.report("ussr-1932", later=None)
    >>> r.keys
    ('account_hours_base', 'account_money_base', 'tribute', 'scissors', 'squeeze', 'workers')
    """
    if employment not in ("workers", "peasants"):
        raise InvalidGroupError(f"employment must be 'workers' or 'peasants', got "
                                f"{employment!r}.")
    from .compute import compute

    base = _load(scenario)
    scs = [base] + ([] if later is None else [_load(later)])
    if len(scs) == 2:
        from ..scenarios.scenario import ScenarioPair

        ScenarioPair(scs[0], scs[1])         # the same goods and labour kinds, or say so
    for s in scs:       # a kind with per-draw flows only: its account checked as written
        if not all(type(g).batched() for g in s.groups):
            s.surplus_account(**({} if melt is None else {"melt": melt}))
    with np.errstate(all="ignore"):
        comp = compute(scs, melt=melt, employment=employment)
    if comp.bad[0]:
        _refuse(scs, melt)
    periods = [_Period(s, label, i, comp)
               for i, (s, label) in enumerate(zip(scs, comp.labels, strict=True))]
    sections: list[ReportSection] = []
    for per, which in zip(periods, ("base", "later"), strict=False):
        sections += _account_sections(per, which)
    if len(scs) == 2:
        sections.append(_sources_section(periods, employment))
    if base.groups_of(Peasants):
        sections.append(_tribute_section(periods))
    for extra in (_scissors_section(base), _squeeze_section(periods)):
        if extra is not None:
            sections.append(extra)
    if base.groups_of(WorkerCategory):
        sections.append(_workers_section(periods))
    notes = [f"{p.label}: {p.scenario.description}." for p in periods]
    for p in periods:
        bench = p.year.bench
        notes.append(f"Benchmark of equivalent exchange ({p.label}): "
                     f"{bench.description or bench.name}.")
    if base.units.description:
        notes.append(f"Units: {base.units.description}.")
    notes += [_provenance_note(p.scenario) for p in periods]
    notes += _implausible(sections)
    notes += list(dict.fromkeys(f"Warning ({p.label}): {msg}" for p in periods
                                if (msg := p.scenario.economy().near_singular_message())))
    notes += [f"Workers ({p.label}): '{g.label}' counts {g.definition} "
              f"({g.number:g}, in {p.scenario.units.people})." for p in periods
              for g in p.scenario.groups_of(WorkerCategory) if g.definition]
    names = " and ".join(s.source for s in scs)
    meta = {"benchmark": periods[0].year.bench.name,
            "melt": {p.label: float(np.ravel(p.year.bctx.melt)[0]) for p in periods},
            "units": dataclasses.asdict(base.units)}
    return Report(f"Surplus report: scenario {names}", tuple(s.name for s in scs),
                  tuple(p.label for p in periods), tuple(notes), tuple(sections), meta)
