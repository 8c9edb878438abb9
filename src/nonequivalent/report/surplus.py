"""The surplus report of a scenario (and a later one) as a library object.

:func:`report` computes, from one scenario or from a base and a later one, the surplus
account by group in hours and in money at benchmark prices (Barsov 1969; Ellman 1975;
Harrison 1985), the sources of the change in the accumulation fund (Shapley value,
Shorrocks 2013), Stalin's tribute of each peasant group (9 July 1928), the price scissors,
the grain squeeze against its maximum (DESIGN §2.3) and the figures of the workers and
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
import html
import json
import math
import os
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result, format_number
from ..accounts.surplus import RECONCILE_RTOL, SurplusAccount
from ..errors import ScenarioError
from ..exchange.procurement import TotalResponse, squeeze_diagnostic
from ..exchange.tribute import equivalent_tax_rate, tribute
from ..groups import Peasants, WorkerCategory, WorkerHouseholds
from ..groups.households import earners_needed

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

    def _view(self) -> _SectionView:
        return _SectionView(self)

    def _repr_html_(self) -> str:
        return self._view()._repr_html_()

    def summary(self) -> str:
        """The section as text: title, period, the table in the one number format."""
        return self._view().summary()

    def to_latex(self, **kwargs: Any) -> str:
        """The section as a LaTeX table."""
        return self._view().to_latex(**kwargs)

    def to_markdown(self, **kwargs: Any) -> str:
        """The section as a Markdown table."""
        return self._view().to_markdown(**kwargs)


class _SectionView(Result):
    """Display of one report section through the result base (HTML, LaTeX, Markdown)."""

    __slots__ = ("_section",)

    def __init__(self, section: ReportSection) -> None:
        object.__setattr__(self, "_section", section)

    @property
    def title(self) -> str:
        s = self._section
        return f"{s.title} ({s.period})" if s.period else s.title

    def key_figures(self) -> list[tuple[str, Any, str]]:
        return [("rows", len(self._section.rows), "")]

    def benchmark_name(self) -> str | None:
        return "; ".join(self._section.notes) or None

    def units(self) -> dict[str, str]:
        s = self._section
        return {} if s.by_row else {c.key: c.unit for c in s.columns if c.unit}

    def to_frame(self) -> pd.DataFrame:
        return self._section.to_frame()

    def summary_lines(self) -> list[str]:
        from .._results import _frame_text
        return [_frame_text(self.to_frame(), self.units())]


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

    def summary(self) -> str:
        """A short text: the title, the funds, and the section keys."""
        lines = [self.title]
        for p in self.periods:
            s = self.section(f"account_hours_{'base' if p == self.periods[0] else 'later'}")
            i = [r.key for r in s.rows].index("state")
            j = [c.key for c in s.columns].index("surplus_hours")
            lines.append(f"  accumulation fund {p}: "
                         f"{format_number(float(s.values[i, j]), s.columns[j].unit)}")
        lines.append(f"  sections: {', '.join(self.keys)}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        names = " and ".join(repr(s) for s in self.scenarios)
        return f"Report({names}: {len(self.sections)} sections)"

    def _repr_html_(self) -> str:
        """Every section as an HTML table (the notebook's display of the report)."""
        head = f"<h3>{html.escape(self.title)}</h3>"
        notes = "".join(f"<p><small>{html.escape(n)}</small></p>" for n in self.notes)
        body = "".join(s._repr_html_() for s in self.sections)
        return f"<div class='nonequivalent-report'>{head}{body}{notes}</div>"

    def to_markdown(self, **kwargs: Any) -> str:
        """Every section as a Markdown table under its title."""
        return "\n\n".join(f"### {s._view().title}\n\n{s.to_markdown(**kwargs)}"
                           for s in self.sections) + "\n"

    def to_latex(self, **kwargs: Any) -> str:
        """Every section as a LaTeX table (captions are the section titles)."""
        return "\n".join(s.to_latex(**kwargs) for s in self.sections)

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
    scenario: Any
    account: Any
    label: str


def _load(sc: Any) -> Any:
    from ..scenarios import scenario as scenarios

    if isinstance(sc, scenarios.Scenario):
        return sc
    if not isinstance(sc, str | os.PathLike):
        raise ScenarioError(f"a scenario is a built-in name, a file path or a Scenario; got "
                            f"{type(sc).__name__}. Built-in: {', '.join(scenarios.builtin())}.")
    return scenarios.load(sc)


def _account_sections(per: _Period, which: str) -> list[ReportSection]:
    acc, u = per.account, per.scenario.units
    table = acc.table
    rows = [Line(g.name, g.label) for g in per.scenario.groups]
    hours = [("hours_given", "hours given"), ("hours_received", "hours received"),
             ("surplus_hours", "surplus (hours)")]
    money = [("taxes", "taxes"), ("underpayment", "underpayment"),
             ("overpayment", "overpayment"), ("surplus_money", "surplus (money)")]
    share = "share of fund (%)"
    hcols = [Line(k, lab, u.hours, "hours") for k, lab in hours] + [
        Line("share_of_fund", share, "percent", "%")]
    mcols = [Line(k, lab, u.money, "money") for k, lab in money] + [
        Line("share_of_fund", share, "percent", "%")]
    hv = np.column_stack([table[[k for k, _ in hours]].to_numpy(),
                          100.0 * table["share_hours"].to_numpy()])
    mv = np.column_stack([table[[k for k, _ in money]].to_numpy(),
                          100.0 * table["share_money"].to_numpy()])
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
                     f"{acc.melt:.6g} {currency} at the benchmark (the MELT μ). "
                     + _reconciled_note(acc, u.hours, u.money),)),
    ]


def _reconciled_note(acc: SurplusAccount, hours: str, money: str) -> str:
    """The reconciliation in words, to the precision the account vouches for.

    The difference itself is rounding (its last bits depend on the CPU's SIMD kernels), so
    it is printed only when it exceeds :data:`RECONCILE_RTOL` of the flows, in the units of
    each column.
    """
    if acc.is_reconciled:
        rtol = f"{RECONCILE_RTOL:.0e}".replace("e-0", "e-")
        return f"Reconciled with the state's receipts to {rtol} relative."
    h, m = acc.reconciliation.loc["difference", ["hours", "money"]]
    return (f"NOT reconciled with the state's receipts: the groups' net differs by "
            f"{format_number(h)} {hours} and {format_number(m)} {money}.")


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
        col = []
        for g in per.scenario.groups_of(Peasants):
            account = per.account.flows[g.label].detail["exchange"]
            t = tribute(account)
            rate = equivalent_tax_rate(t) if t.sales_value_benchmark > 0 else math.nan
            exch = account.by_group.iloc[0]
            col += [t.overpayment, t.underpayment, t.taxes, t.total, rate,
                    float(exch["labour_given"]), float(exch["labour_received"]),
                    float(exch["nonequivalence_ratio"])]
        vals.append(col)
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
    vals, notes, method = [], [], ""
    for per in periods:
        col = []
        sc = per.scenario
        for g in [sc.group(g0.name) for g0 in groups]:
            good = g.marketing_good
            pe = float(per.account.benchmark.prices[good])
            resp = _response(sc, g)
            d = squeeze_diagnostic(resp, pe, float(sc.prices[good]))
            col += [pe, d.price, d.extraction, d.optimum.price, d.optimum.extraction,
                    d.shortfall]
            notes.append(f"{per.label}{' ' + g.label if many else ''}: {d.message}")
            method = d.optimum.method
        vals.append(col)
    goods = {g.marketing_good for g in groups}
    if many and len(goods) == 1:
        # one procurement price for every group: the squeeze of the peasantry as a whole
        good = goods.pop()
        rows += [Line(f"all.{k}", f"all groups: {lab}", unit, dim, "")
                 for k, lab, unit, dim in items]
        for col, per in zip(vals, periods, strict=True):
            sc = per.scenario
            pe = float(per.account.benchmark.prices[good])
            total = TotalResponse(tuple(_response(sc, sc.group(g.name)) for g in groups))
            d = squeeze_diagnostic(total, pe, float(sc.prices[good]))
            col += [pe, d.price, d.extraction, d.optimum.price, d.optimum.extraction,
                    d.shortfall]
            notes.append(f"{per.label} all groups (one price, summed marketings): "
                         f"{d.message}")
    eps = ", ".join(f"{g.marketing_elasticity:g}" for g in groups)
    notes.insert(0, f"Marketing response q(p) = q0 (p/p0)^ε with ε = {eps}; optimum by "
                    f"{method}.")
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
    rows = [Line(f"{g.name}.{k}", _prefixed(lab, g.label, many), unit, dim, g.name)
            for g in cats for k, lab, unit, dim in w_items]
    rows += [Line(f"{g.name}.{k}", _prefixed(lab, g.label, many), unit, dim, g.name)
             for g in hhs for k, lab, unit, dim in h_items]
    from ..groups.households import Worker, household_account, worker_account

    vals = []
    for per in periods:
        sc, acc = per.scenario, per.account
        eco = sc.economy()
        gs = {g.name: g for g in sc.groups}
        col = []
        for g0 in cats:
            g = gs[g0.name]
            f = acc.flows[g.label].detail
            wk = worker_account(eco, Worker(g.hours, f["wage"],
                                            pd.Series(f["basket"], index=eco.sectors)))
            en = earners_needed(1.0, g.real_wage_cut)
            col += [g.number, g.hours, wk.value_of_labour_power, wk.surplus_labour,
                    wk.rate_of_exploitation, en.real_wage_cut, en.fractional,
                    float(en.whole)]
        for h0 in hhs:
            h = gs[h0.name]
            from ..groups.households import Household

            hh = Household(h.members, h.earners, h.hours(gs),
                           pd.Series(dict(h.family_basket(gs)), dtype=float),
                           domestic_hours=h.domestic_hours)
            col += [float(h.earners), household_account(eco, hh).rate_of_exploitation,
                    h.extra_earners(gs)]
        vals.append(col)
    cols = [Line(p.label, p.label) for p in periods]
    return _section("workers", "Workers and the two-earner household", "", rows, cols,
                    np.array(vals, dtype=float).T, index_name="workers and households",
                    by_row=True, notes=(
                        "Per worker and per household per year; the family keeps its basket "
                        "after a real-wage cut δ by adding earners (Marx, Capital I, ch. 15 "
                        "§3a).",))


def _sources_section(base: Any, later: Any) -> ReportSection:
    from ..scenarios.scenario import ScenarioPair

    pair = ScenarioPair(base, later)
    hours = pair.sources_of_accumulation(measure="hours")
    money = pair.sources_of_accumulation(measure="money")
    u = base.units
    cols = [Line("change_hours", f"Δ {u.hours}", u.hours, "hours"),
            Line("share_hours", "share (hours, %)", "percent", "%"),
            Line("change_money", f"Δ {u.money}", u.money, "money"),
            Line("share_money", "share (money, %)", "percent", "%")]
    keys = {g.label: g.name for g in base.groups}
    rows = [Line(hours.keys[i], i, group=keys[hours.groups[i]])
            for i in hours.contributions.index]
    vals = [[hours.contributions[i], 100 * hours.shares[i], money.contributions[i],
             100 * money.shares[i]] for i in hours.contributions.index]
    group_col = [hours.groups[i] for i in hours.contributions.index]
    for g in hours.by_group.index:
        rows.append(Line(f"{keys[g]}.total", f"{g} (total)", group=keys[g]))
        vals.append([hours.by_group[g], 100 * hours.group_shares[g], money.by_group[g],
                     100 * money.group_shares[g]])
        group_col.append("total")
    return _section(
        "sources", f"Sources of accumulation {hours.base_label} → {hours.later_label}", "",
        rows, cols, vals, index_name="source", text={"group": tuple(group_col)}, notes=(
            f"Change in the accumulation fund: {hours.change:,.0f} {u.hours}, "
            f"{money.change:,.0f} {u.money} at benchmark prices, split exactly by the "
            f"{hours.method}.",
            "Money is each year's benchmark money at that year's prices: where prices "
            "changed between the years (see each scenario's units) the money change "
            "includes the change in the price level; the hours columns do not."))


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


def _provenance_note(sc: Any) -> str:
    kinds = [v["kind"] for v in sc.provenance.values()]
    return (f"Scenario {sc.name!r}: {kinds.count('historical')} parameters are historical "
            f"records (with sources), {kinds.count('assumption')} are calibration "
            f"assumptions (with reasons); see 'nonequivalent scenario show {sc.name}'.")


def report(scenario: Any, later: Any = None, *, melt: float | None = None) -> Report:
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
    base = _load(scenario)
    scs = [base] + ([] if later is None else [_load(later)])
    kw = {} if melt is None else {"melt": melt}
    same = len(scs) == 2 and scs[0].year == scs[1].year
    periods = [_Period(s, s.surplus_account(**kw),
                       f"{s.year} ({which})" if same else str(s.year))
               for s, which in zip(scs, ("base", "later"), strict=False)]
    sections: list[ReportSection] = []
    for per, which in zip(periods, ("base", "later"), strict=False):
        sections += _account_sections(per, which)
    if len(scs) == 2:
        sections.append(_sources_section(scs[0], scs[1]))
    if base.groups_of(Peasants):
        sections.append(_tribute_section(periods))
    for extra in (_scissors_section(base), _squeeze_section(periods)):
        if extra is not None:
            sections.append(extra)
    if base.groups_of(WorkerCategory):
        sections.append(_workers_section(periods))
    notes = [f"{p.label}: {p.scenario.description}." for p in periods]
    for p in periods:
        bench = p.account.benchmark
        notes.append(f"Benchmark of equivalent exchange ({p.label}): "
                     f"{bench.description or bench.name}.")
    if base.units.description:
        notes.append(f"Units: {base.units.description}.")
    notes += [_provenance_note(p.scenario) for p in periods]
    names = " and ".join(repr(s.name) for s in scs)
    meta = {"benchmark": periods[0].account.benchmark.name,
            "melt": {p.label: p.account.melt for p in periods},
            "units": dataclasses.asdict(base.units)}
    return Report(f"Surplus report: scenario {names}", tuple(s.name for s in scs),
                  tuple(p.label for p in periods), tuple(notes), tuple(sections), meta)
