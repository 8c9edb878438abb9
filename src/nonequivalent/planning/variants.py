"""Investment variants of the industrialization debate, compared on one calibrated model.

A :class:`Variant` is an immutable set of policy parameters applied to a base
:class:`~nonequivalent.MultiYearPlan` (with :func:`dataclasses.replace`); new variants are
derived from the built-in ones the same way. Built in:

* :data:`NEP_CONTINUATION` (Bukharin, "Notes of an Economist", *Pravda* 30 Sept. 1928):
  slow tempo, consumption first, light industry, procurement prices near parity.
* :data:`LEFT_COURSE` (Preobrazhensky, *The New Economics*, 1926, ch. 2): heavy industry
  funded by price policy (procurement prices below parity), consumption floors kept.
* :data:`MAXIMUM_1929` (Stalin, speech of 9 July 1928 on the "tribute"; the optimal variant
  of the first five-year plan adopted in 1929): forced procurement beyond the marketing
  response, livestock losses, the real-wage floor halved.

CALIBRATION: every number in this module is a calibration assumption chosen so that a small
town–country economy (agriculture, light industry, heavy industry; peasant and worker
labour) behaves plausibly. None is a historical fact. The orders of magnitude follow the
late-NEP discussion (agriculture the larger sector, grain marketings a minority of the
harvest, heavy industry's capital-output ratio the highest; R. W. Davies, *The
Industrialisation of Soviet Russia* vol. 1-3, 1980-89; Goldman, "Blood on the Red Banner",
2022, CC BY 4.0, for the later fall of real wages and the entry of women into waged work).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._results import Result, _frame_text, format_frame, format_number
from ..core.economy import Economy
from ..errors import InfeasiblePlanError, InvalidPlanError
from ._checks import real
from .accounting import plan_labour_account
from .multiyear import MultiYearPlan, MultiYearResult
from .solvers import solver_keywords

__all__ = [
    "BUILTIN_VARIANTS",
    "LEFT_COURSE",
    "MAXIMUM_1929",
    "NEP_CONTINUATION",
    "Comparison",
    "Variant",
    "base_plan",
    "compare",
    "find_variant",
    "isoelastic_marketing",
    "load_variants",
    "town_country_economy",
]

#: The sectors of the calibrated town–country plan, in order.
SECTORS = ["agriculture", "light industry", "heavy industry"]

# --- calibration assumptions (not historical facts) --------------------------------------
#: Technical coefficients A (rows: input good; columns: using sector). Calibration.
CAL_A = [[0.15, 0.30, 0.05],
         [0.02, 0.15, 0.02],
         [0.03, 0.05, 0.30]]
#: Hours per unit of gross output: agriculture by peasants, industry by workers. Calibration.
CAL_LABOUR = {"peasant": [1.0, 0.0, 0.0], "worker": [0.0, 0.6, 0.9]}
#: Capital coefficients B: heavy-industry goods per unit of capacity. Calibration.
CAL_CAPITAL = [[0.0, 0.0, 0.0],
               [0.0, 0.0, 0.0],
               [0.8, 1.5, 2.5]]
#: Capacities in the base year (units of output). Calibration.
CAL_CAPACITY = {"agriculture": 120.0, "light industry": 40.0, "heavy industry": 20.0}
#: Labour supply in the base year (hours, arbitrary units). Calibration.
CAL_LABOUR_SUPPLY = {"peasant": 115.0, "worker": 45.0}
#: Natural growth of labour supply per year. Calibration.
CAL_LABOUR_GROWTH = {"peasant": 0.01, "worker": 0.01}
#: Hours a year moving from village to town; hours a year added by women's entry. Calibration.
CAL_MIGRATION, CAL_WOMENS_ENTRY = 2.0, 1.5
#: Workers' basket per hour worked at the base real wage. Calibration.
CAL_WORKER_BASKET = {"agriculture": 0.35, "light industry": 0.25}
#: Peasants' basket per hour of peasant labour supply. Calibration.
CAL_PEASANT_BASKET = {"agriculture": 0.45, "light industry": 0.08}
#: Marketed grain at parity prices and its price elasticity, q(p) = q0 p^ε. Calibration.
CAL_MARKETED_AT_PARITY, CAL_MARKETING_ELASTICITY = 35.0, 0.5
#: Depreciation per year. Calibration.
CAL_DEPRECIATION = 0.04
#: Highest real wage of the NEP variant (index of the base basket per hour worked): wages
#: may rise 10% above the base, as NEP wage policy tied wage rises to productivity.
#: Calibration assumption; with the per-head consumption objective the workers' real wage
#: rises to this cap and the rest of what can be consumed goes to the peasants.
CAL_NEP_REAL_WAGE_CAP = 1.1
#: World prices (grain exports, machinery imports). Calibration.
CAL_WORLD_PRICES = {"agriculture": 1.0, "heavy industry": 2.5}


def town_country_economy() -> Economy:
    """The calibrated three-sector town–country economy (calibration assumptions).

    >>> from nonequivalent.planning import town_country_economy
    >>> eco = town_country_economy()
    >>> list(eco.sectors), list(eco.labour_kinds)
    (['agriculture', 'light industry', 'heavy industry'], ['peasant', 'worker'])
    """
    return Economy(CAL_A, labour=CAL_LABOUR, sectors=SECTORS, capital=CAL_CAPITAL)


def isoelastic_marketing(price_ratio: float, q0: float = CAL_MARKETED_AT_PARITY,
                         elasticity: float = CAL_MARKETING_ELASTICITY) -> float:
    """Marketed grain ``q0 · p^ε`` at a procurement price ratio ``p`` (1 = parity).

    The isoelastic marketing response (Sah and Stiglitz, *AER* 74, 1984),
    evaluated with :class:`nonequivalent.IsoelasticResponse`.

    >>> from nonequivalent.planning import isoelastic_marketing
    >>> isoelastic_marketing(0.64)
    28.0
    """
    from ..exchange.procurement import IsoelasticResponse

    p = real(price_ratio, "price ratio", lower=0.0, lower_open=True)
    q0 = real(q0, "q0 (marketed grain at parity)", lower=0.0)
    elasticity = real(elasticity, "marketing elasticity")
    return float(IsoelasticResponse(q0=q0, p0=1.0, elasticity=elasticity)(p))


def base_plan(years: int = 5, start_year: int = 1928) -> MultiYearPlan:
    """The calibrated multi-year plan every variant starts from (calibration assumptions).

    >>> from nonequivalent.planning import base_plan
    >>> base_plan().year_labels.tolist()
    [1928, 1929, 1930, 1931, 1932]
    """
    return MultiYearPlan(
        town_country_economy(), years=years, start_year=start_year,
        initial_capacity=CAL_CAPACITY, labour_supply=CAL_LABOUR_SUPPLY,
        labour_growth=CAL_LABOUR_GROWTH, migration=CAL_MIGRATION,
        womens_entry=CAL_WOMENS_ENTRY, depreciation=CAL_DEPRECIATION, gestation_lag=1,
        worker_basket=CAL_WORKER_BASKET, peasant_basket=CAL_PEASANT_BASKET,
        real_wage_floor=1.0, subsistence=1.0, marketed_good="agriculture",
        marketed_limit=isoelastic_marketing(1.0), world_prices=CAL_WORLD_PRICES,
        objective="heavy_capacity", heavy_sector="heavy industry", name="base plan")


@dataclasses.dataclass(frozen=True)
class Variant:
    """An investment variant: policy parameters applied to a base plan.

    Parameters
    ----------
    name, description, source : str
    objective : {"heavy_capacity", "consumption", "target"}
    price_ratio : float
        Procurement price of grain relative to parity (1 = equivalent exchange in the
        calibration); sets the marketed grain through the marketing response.
    forced_procurement : float
        Extra share of grain taken beyond the voluntary marketing response.
    real_wage_floor, subsistence : float
        Consumption floors (indexes of the base baskets).
    real_wage_cap : float or None
        Upper limit of the real wage (index of the base basket per hour worked); None for
        no limit. Needed by the ``"consumption"`` objective to divide what is consumed
        between workers and peasants (see :mod:`nonequivalent.planning.multiyear`).
    livestock_loss : float
        Share of agricultural capacity lost a year (slaughtered draught animals).
    max_investment_share : float or None
        The tempo limit (investment at most this share of living labour).
    discount : float
        β for the consumption objective.
    target : mapping, optional
        Terminal-capacity bundle for the ``"target"`` objective.

    Examples
    --------
    >>> import dataclasses
    >>> from nonequivalent.planning import LEFT_COURSE
    >>> milder = dataclasses.replace(LEFT_COURSE, name="milder left", price_ratio=0.9)
    >>> milder.plan().marketed_limit == LEFT_COURSE.plan().marketed_limit
    False
    """

    name: str
    description: str = ""
    source: str = ""
    objective: Literal["heavy_capacity", "consumption", "target"] = "heavy_capacity"
    price_ratio: float = 1.0
    forced_procurement: float = 0.0
    real_wage_floor: float = 1.0
    subsistence: float = 1.0
    real_wage_cap: float | None = None
    livestock_loss: float = 0.0
    max_investment_share: float | None = None
    discount: float = 0.95
    target: Any = None

    def plan(self, base: MultiYearPlan | None = None) -> MultiYearPlan:
        """The base plan with this variant's parameters (a new, immutable plan)."""
        base = base_plan() if base is None else base
        forced = real(self.forced_procurement, "forced_procurement", lower=0.0, upper=5.0,
                      upper_open=True)
        q = isoelastic_marketing(self.price_ratio) * (1.0 + forced)
        return dataclasses.replace(
            base, objective=self.objective, marketed_limit=q,
            real_wage_floor=self.real_wage_floor, subsistence=self.subsistence,
            real_wage_cap=self.real_wage_cap, livestock_loss=self.livestock_loss,
            max_investment_share=self.max_investment_share, discount=self.discount,
            target=self.target if self.target is not None else base.target,
            name=self.name)

    def solve(self, base: MultiYearPlan | None = None, solver: str = "highs",
              **options: Any) -> MultiYearResult:
        """Solve the variant's plan."""
        return self.plan(base).solve(solver, **options)


#: Bukharin's alternative: slow tempo, consumption first, procurement prices at parity.
NEP_CONTINUATION = Variant(
    "NEP continuation",
    "slow tempo, consumption first, light industry, procurement prices at parity",
    "Bukharin, 'Notes of an Economist' (1928)", objective="consumption", price_ratio=1.0,
    real_wage_floor=1.0, subsistence=1.0, real_wage_cap=CAL_NEP_REAL_WAGE_CAP,
    max_investment_share=0.12, discount=0.95)
#: Preobrazhensky's left course: heavy industry funded by price policy, consumption floors
#: kept.
LEFT_COURSE = Variant(
    "left course",
    "heavy industry funded by price policy; consumption floors kept",
    "Preobrazhensky, The New Economics (1926)", objective="heavy_capacity", price_ratio=0.8,
    real_wage_floor=1.0, subsistence=1.0, max_investment_share=0.25)
#: The 1929 maximum variant: forced procurement, livestock losses, real-wage floor halved.
MAXIMUM_1929 = Variant(
    "1929 maximum variant",
    "forced procurement, livestock losses, real-wage floor halved",
    "Stalin (July 1928); first five-year plan, optimal variant (1929)",
    objective="heavy_capacity", price_ratio=0.6, forced_procurement=0.35,
    real_wage_floor=0.5, subsistence=0.85, livestock_loss=0.06, max_investment_share=None)
#: The three built-in variants, in the order ``nonequivalent compare`` shows them.
BUILTIN_VARIANTS = (NEP_CONTINUATION, LEFT_COURSE, MAXIMUM_1929)

def find_variant(name: str) -> Variant:
    """The built-in variant a name designates: its full name, or a unique part of it.

    Case is ignored: ``"left"`` and ``"Left course"`` both give :data:`LEFT_COURSE`. The
    command line's ``--variant`` and a variants file's ``based_on`` read names this way.

    Raises
    ------
    InvalidPlanError
        The name matches no built-in variant, or more than one (the message lists them).

    >>> from nonequivalent.planning import find_variant
    >>> find_variant("left").name, find_variant("NEP").name
    ('left course', 'NEP continuation')
    """
    if not isinstance(name, str) or not name.strip():
        raise InvalidPlanError(f"a variant name must be a non-empty string, got {name!r}.")
    key = name.strip().lower()
    matches = ([v for v in BUILTIN_VARIANTS if v.name.lower() == key]
               or [v for v in BUILTIN_VARIANTS if key in v.name.lower()])
    if len(matches) != 1:
        raise InvalidPlanError(
            f"{name!r} names {'no' if not matches else 'more than one'} built-in variant; "
            f"give one of {', '.join(repr(v.name) for v in BUILTIN_VARIANTS)} (or a unique "
            "part of it, e.g. 'left').")
    return matches[0]


_VARIANT_NUMBERS = {"price_ratio", "forced_procurement", "real_wage_floor", "subsistence",
                    "real_wage_cap", "livestock_loss", "max_investment_share", "discount"}
_VARIANT_TEXT = {"name", "description", "source", "objective"}


def load_variants(path: Any) -> tuple[Variant, ...]:
    r"""Read investment variants from a TOML file (no code is evaluated).

    Each ``[[variant]]`` table gives a ``name`` and any :class:`Variant` parameter; with
    ``based_on`` it starts from a built-in variant (its name or a unique part of it, as
    ``--variant`` reads it: ``"left course"`` or ``"left"``, see :func:`find_variant`) and
    changes only what the table gives. A variant's description and source are its own:
    without them it is described as "a user variant based on X" (or "a user variant") with
    the file as its source, never with the base variant's author. Numbers must be numbers
    (``0.9``, not ``"0.9"``); an unknown key, a wrong type or a value out of range raises
    :class:`~nonequivalent.InvalidPlanError` naming the file, the variant and the key.

    Parameters
    ----------
    path : str or path-like
        The TOML file.

    Returns
    -------
    tuple of Variant
        In file order; pass them to :func:`compare`.

    Examples
    --------
    A file with one variant derived from the left course and one written out in full::

        [[variant]]
        name = "milder left"
        based_on = "left course"
        price_ratio = 0.9

        [[variant]]
        name = "consumption first"
        objective = "consumption"
        real_wage_cap = 1.2
        max_investment_share = 0.1
        target = {}              # optional: terminal capacities for objective "target"

    >>> import pathlib, tempfile
    >>> from nonequivalent.planning import load_variants
    >>> with tempfile.TemporaryDirectory() as d:
    ...     f = pathlib.Path(d, "v.toml")
    ...     _ = f.write_text('[[variant]]\nname = "milder"\nbased_on = "left course"\n'
    ...                      'price_ratio = 0.9\n', encoding="utf-8")
    ...     [(v.name, v.price_ratio, v.objective) for v in load_variants(f)]
    [('milder', 0.9, 'heavy_capacity')]
    """
    import os
    import tomllib

    where = os.fspath(path) if isinstance(path, str | os.PathLike) else None
    if where is None:
        raise InvalidPlanError(f"load_variants needs a file path, got {type(path).__name__}.")
    try:
        with open(where, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise InvalidPlanError(f"cannot read the variants file {where!r}: "
                               f"{exc.strerror or exc}.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise InvalidPlanError(f"{where}: not valid TOML ({exc}).") from None
    unknown_top = [k for k in data if k != "variant"]
    tables = data.get("variant")
    if unknown_top or not isinstance(tables, list) or not tables:
        raise InvalidPlanError(f"{where}: give one or more [[variant]] tables (and nothing "
                               f"else); found keys {sorted(data)}.")
    out: list[Variant] = []
    for i, table in enumerate(tables):
        if not isinstance(table, dict):
            raise InvalidPlanError(f"{where}: variant #{i + 1} must be a table.")
        label = f"{where}, variant {table.get('name', f'#{i + 1}')!r}"
        allowed = _VARIANT_NUMBERS | _VARIANT_TEXT | {"based_on", "target"}
        unknown = sorted(set(table) - allowed)
        if unknown:
            raise InvalidPlanError(f"{label}: unknown keys {unknown}; the keys are "
                                   f"{sorted(allowed)}.")
        if not isinstance(table.get("name"), str) or not table["name"].strip():
            raise InvalidPlanError(f"{label}: every variant needs a name (a string).")
        start = table.get("based_on")
        if start is None:
            variant = Variant(table["name"], description="a user variant",
                              source=f"variants file {where}")
        else:
            try:
                base = find_variant(start)
            except InvalidPlanError as exc:
                raise InvalidPlanError(f"{label}: based_on: {exc}") from None
            variant = dataclasses.replace(
                base, description=f"a user variant based on {base.name!r}",
                source=f"variants file {where}")
        changes: dict[str, Any] = {}
        for key, value in table.items():
            if key == "based_on":
                continue
            if key in _VARIANT_TEXT and not isinstance(value, str):
                raise InvalidPlanError(f"{label}: {key} must be a string, got {value!r}.")
            if key in _VARIANT_NUMBERS:
                value = real(value, f"{label}: {key}", lower=0.0)
            if key == "target" and not (isinstance(value, dict) and all(
                    isinstance(v, int | float) and not isinstance(v, bool)
                    for v in value.values())):
                raise InvalidPlanError(f"{label}: target must be a table of numbers by "
                                       "sector.")
            changes[key] = value
        objective = changes.get("objective", variant.objective)
        if objective not in ("heavy_capacity", "consumption", "target"):
            raise InvalidPlanError(f"{label}: objective must be 'heavy_capacity', "
                                   f"'consumption' or 'target', got {objective!r}.")
        out.append(dataclasses.replace(variant, **changes))
    names = [v.name for v in out]
    if len(set(names)) != len(names):
        raise InvalidPlanError(f"{where}: variant names must be unique, got {names}.")
    return tuple(out)


def _consumption_per_head(res: MultiYearResult) -> pd.Series:
    """Labour value of what workers and peasants consume, per hour of labour supply."""
    plan = res.plan
    lam = plan.economy.values_array
    cons_val = pd.Series(0.0, index=res.output.columns)
    for grp, key in (("workers", "worker_basket"), ("peasants", "peasant_basket")):
        if grp in res.consumption.index:
            cons_val += float(lam @ plan._validated[key]) * res.consumption.loc[grp]
    return cons_val / plan.labour_path().sum(axis=0).to_numpy()


#: Row labels of :func:`compare`'s table whose last-year figure depends on the terminal
#: rule (the "(last year)" measures); the table's notes state the rule.
LAST_YEAR = "last plan year, under the terminal rule"


def _row(res: MultiYearResult) -> dict[str, Any]:
    K = res.capacity.loc[res.plan.heavy_sector]
    per_head = _consumption_per_head(res)
    acc = plan_labour_account(res)
    row: dict[str, Any] = {
        f"heavy capacity {K.index[0]}": float(K.iloc[0]),
        f"heavy capacity {K.index[-1]}": float(K.iloc[-1]),
        "heavy capacity growth": float(K.iloc[-1] / K.iloc[0]),
        "consumption per head (first year)": float(per_head.iloc[0]),
        f"consumption per head ({LAST_YEAR})": float(per_head.iloc[-1]),
        "accumulation, whole plan (hours of labour value)": float(res.accumulation.sum()),
    }
    for year, w in res.real_wage.items():
        row[f"real wage {year}"] = float(w)
    for grp in acc.index:
        row[f"surplus labour: {grp}"] = float(acc.at[grp, "surplus labour"])
        if grp != "state":
            row[f"share: {grp}"] = float(acc.at[grp, "share"])
    return row


#: The parameters a variant sets, as printed in a comparison (they are constraints of the
#: plan, not results).
CONSTRAINT_COLUMNS = {
    "objective": "objective (maximized)",
    "price_ratio": "procurement price / parity",
    "forced_procurement": "forced procurement (share beyond the response)",
    "real_wage_floor": "real-wage floor (index)",
    "real_wage_cap": "real-wage cap (index)",
    "subsistence": "peasant subsistence floor (index)",
    "livestock_loss": "livestock loss (share a year)",
    "max_investment_share": "tempo limit (investment / living labour)",
}


#: The objectives in words, as a comparison prints them.
OBJECTIVE_WORDS = {
    "heavy_capacity": "heavy-industry capacity at the end of the plan",
    "consumption": "discounted consumption per head (capacity kept)",
    "target": "terminal capacities in fixed proportions (Kantorovich)",
}


def _infeasible_hint(constraints: Sequence[str]) -> str:
    """What to relax, from the families of the constraints in conflict."""
    fams = {c.split("[", 1)[0] for c in constraints}
    hints = []
    if fams & {"wage_floor", "subsistence"}:
        hints.append("lower the real-wage floor or the peasants' subsistence floor (the "
                     "floors cannot be met from what the economy produces in that year; a "
                     "longer horizon does not help)")
    if "marketing" in fams:
        hints.append("raise the procurement price ratio or forced procurement (more grain "
                     "marketed)")
    if "tempo" in fams:
        hints.append("raise the tempo limit (max_investment_share)")
    if "post_terminal" in fams:
        hints.append("lower the post-terminal growth rate of the terminal rule "
                     "(MultiYearPlan(post_terminal_growth=...))")
    if fams & {"terminal", "capital"} and not fams & {"wage_floor", "subsistence"}:
        hints.append("use a longer horizon (capacity needs a gestation lag to be built) or "
                     "lower the terminal capacity")
    if not hints:
        hints.append("relax one of the constraints named")
    return "To make it feasible: " + "; or ".join(hints) + "."


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Comparison(Result):
    """Variants solved on the same base plan: the table, the figure and every solution.

    Attributes
    ----------
    table : DataFrame
        One row per variant (see :func:`compare` for the columns); results of the plans.
    figure : matplotlib.figure.Figure
        Heavy capacity, real wage, consumption per head and surplus shares.
    results : mapping
        ``{variant name: MultiYearResult}``, in the order of the table (read-only).
    variants : tuple of Variant
        The variants compared, in the same order.

    Notes
    -----
    Every quantity the table summarizes is shown by :meth:`summary` and available as a
    table: :attr:`constraints` (what each variant sets: floors, caps, prices, the tempo
    limit; these are constraints, not results), :attr:`heavy_capacity` (every year from
    the first to the terminal capacity that "heavy capacity growth" divides by),
    :attr:`real_wages` with :attr:`at_bound` (which real wages sit on the variant's floor
    or cap, i.e. are set by a constraint) and :attr:`alternative_optima`.

    Unpacking gives ``table, figure`` (``table, fig = compare()``), as :func:`compare`
    returned before it kept the solutions. Pandas attributes are returned as copies.

    Examples
    --------
    >>> import dataclasses
    >>> import nonequivalent as ne
    >>> cmp = ne.compare([ne.LEFT_COURSE,
    ...                   dataclasses.replace(ne.LEFT_COURSE, name="milder", price_ratio=0.9)])
    >>> list(cmp.results)
    ['left course', 'milder']
    >>> cmp.results["milder"].capacity.shape
    (3, 6)
    >>> table, figure = cmp          # the table and the figure, as before
    >>> table.index.tolist() == cmp.to_frame().index.tolist()
    True
    >>> cmp.heavy_capacity.index.tolist()      # 1933: the terminal capacity
    [1928, 1929, 1930, 1931, 1932, 1933]
    >>> cmp.constraints.loc["milder", "procurement price / parity"]
    0.9
    """

    table: pd.DataFrame
    figure: Any
    results: Mapping[str, MultiYearResult]
    variants: tuple[Variant, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "results", MappingProxyType(dict(self.results)))
        object.__setattr__(self, "variants", tuple(self.variants))

    _title = "Comparison of plan variants"

    def __iter__(self) -> Iterator[Any]:
        yield self.table
        yield self.figure

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """The number of variants compared."""
        return [("variants", len(self.results), "")]

    def benchmark_name(self) -> str | None:
        """What the variants share."""
        return "one base plan (calibration assumptions, not records)"

    def __repr__(self) -> str:
        return (f"Comparison({len(self.results)} variants: "
                f"{', '.join(map(repr, self.results))})")

    def to_frame(self) -> pd.DataFrame:
        """The comparison table (a copy): one row per variant."""
        return self.table

    @property
    def constraints(self) -> pd.DataFrame:
        """What each variant sets (variant x parameter): constraints of the plan."""
        rows = {}
        for v in self.variants:
            row = {label: "none" if getattr(v, attr) is None else getattr(v, attr)
                   for attr, label in CONSTRAINT_COLUMNS.items()}
            row[CONSTRAINT_COLUMNS["objective"]] = OBJECTIVE_WORDS[v.objective]
            g = self.results[v.name].plan._validated["g_post"]
            row["terminal rule: post-terminal capacity growth (a year)"] = (
                "none" if g is None else g)
            rows[v.name] = row
        df = pd.DataFrame.from_dict(rows, orient="index", dtype=object)
        df.index.name = "variant"
        return df

    @property
    def heavy_capacity(self) -> pd.DataFrame:
        """Capacity of the heavy sector by year (year x variant), terminal year included."""
        df = pd.DataFrame({name: r.capacity.loc[r.plan.heavy_sector]
                           for name, r in self.results.items()})
        df.index.name = "year"
        return df

    @property
    def real_wages(self) -> pd.DataFrame:
        """Workers' real wage by year (year x variant; index of the base basket per hour)."""
        df = pd.DataFrame({name: r.real_wage for name, r in self.results.items()})
        df.index.name = "year"
        return df

    @property
    def terminal_rule(self) -> str:
        """The terminal rule the compared plans share (or each one's, if they differ)."""
        rules = {r.terminal_rule for r in self.results.values()}
        if len(rules) == 1:
            return rules.pop()
        return "; ".join(f"{n}: {r.terminal_rule}" for n, r in self.results.items())

    @property
    def terminal_bound(self) -> pd.DataFrame:
        """Which terminal capacities a constraint holds ("terminal floor" or "").

        Year x variant like :attr:`heavy_capacity`, marked in the last column when the
        plan's terminal-capacity requirement (``terminal[heavy sector]``, ``K_T >= c K_0``)
        binds: the terminal capacity is then an input, not a result.
        """
        out = {}
        for name, r in self.results.items():
            marks = np.full(len(r.capacity.columns), "", dtype=object)
            tc = r.plan._validated["tc"]
            if tc is not None:
                j = r.plan.economy.sectors.get_loc(r.plan.heavy_sector)
                floor = float(np.broadcast_to(tc, (r.plan.economy.n,))[j]
                              * r.plan._validated["K0"][j])
                K = float(r.capacity.iloc[j, -1])
                if abs(K - floor) <= 1e-7 * max(1.0, abs(floor)):
                    marks[-1] = "terminal floor"
            out[name] = marks
        return pd.DataFrame(out, index=self.heavy_capacity.index)

    @property
    def at_bound(self) -> pd.DataFrame:
        """Which real wages sit on the variant's floor or cap ("floor", "cap" or "")."""
        out = {}
        for name, r in self.results.items():
            p = r.plan._validated
            w = r.real_wage.to_numpy()
            tol = 1e-7 * np.maximum(1.0, np.abs(w))
            floor = np.abs(w - p["fw"]) <= tol
            cap = (np.abs(w - p["cap"]) <= tol) if p["cap"] is not None else np.zeros_like(floor)
            out[name] = np.where(floor, "floor", np.where(cap, "cap", ""))
        df = pd.DataFrame(out, index=self.real_wages.index)
        return df

    @property
    def alternative_optima(self) -> pd.Series:
        """Whether each variant's LP has alternative optimal plans.

        Detected from the optimal vertex: a nonbasic column or binding row slack with a
        zero reduced cost can enter the basis without changing the objective (dual
        degeneracy; Dantzig 1963, §10-2; see :attr:`LPSolution.dual_degenerate`). The
        table then shows one optimal plan among several.
        """
        return pd.Series({name: bool(r.solution.alternative_optima)
                          for name, r in self.results.items()}, name="alternative optima")

    def summary(self) -> str:
        """Every quantity compared: constraints, results, capacity and real wage by year."""
        with pd.option_context("display.width", 200, "display.max_columns", 50):
            cons = _frame_text(self.constraints.T, {})
            body = _frame_text(self.table.T, {})
            cap = format_frame(self.heavy_capacity)
            tmarks = self.terminal_bound
            cap = cap.where(tmarks == "", cap.astype(str) + " (" + tmarks + ")").to_string()
            wages = self.real_wages.map(format_number)
            marks = self.at_bound
            wages = wages.where(marks == "", wages + " (" + marks + ")").to_string()
        alt = [n for n, flag in self.alternative_optima.items() if flag]
        lines = [self.title,
                 f"{len(self.table)} plan variants on one base plan (calibration "
                 "assumptions, not records)",
                 "Constraints set by each variant (inputs, not results):", cons,
                 "Results of the optimal plans:", body,
                 "Heavy-industry capacity by year (the last year is the terminal capacity; "
                 "(terminal floor): held there by the plan's terminal requirement):",
                 cap,
                 "Real wage by year ((floor)/(cap): held there by the variant's constraint):",
                 wages]
        if alt:
            lines.append("Alternative optima: the LPs of " + ", ".join(map(repr, alt))
                         + " have other plans with the same objective (a nonbasic variable "
                         "with zero reduced cost); the table shows one of them.")
        else:
            lines.append("Alternative optima: none detected (every optimal vertex is dual "
                         "non-degenerate).")
        lines.append(f"{self.terminal_rule[0].upper()}{self.terminal_rule[1:]}: the last "
                     "year's figures are read under this rule.")
        return "\n".join(lines)

    __str__ = summary


def compare(variants: Sequence[Variant] | None = None, base: MultiYearPlan | None = None,
            solver: str = "highs", **options: Any) -> Comparison:
    """Solve every variant on the same base plan: a table, a figure and the solutions.

    Parameters
    ----------
    variants : sequence of Variant, optional
        Default :data:`BUILTIN_VARIANTS`.
    base : MultiYearPlan, optional
        Default :func:`base_plan` (the calibration).
    solver, **options
        As :func:`~nonequivalent.planning.solve_lp`.

    Returns
    -------
    Comparison
        ``.results``: every variant's :class:`~nonequivalent.MultiYearResult` by name.
        ``.table``: one row per variant with heavy-industry capacity in the first and the
        terminal year and its growth (terminal / initial), consumption per head (labour
        value of consumption per hour of labour supply) in the first and last year, total
        accumulation in hours, the real wage path, and surplus labour by group (hours)
        with the shares of peasants and workers (see :func:`plan_labour_account`).
        ``.figure``: heavy capacity, real wage, consumption per head and surplus shares
        (Agg-safe: built without pyplot). The constraints each variant sets, the capacity
        and real wage by year and alternative optima: see :class:`Comparison`.
        ``table, figure = compare()`` unpacks the first two.

    Examples
    --------
    >>> from nonequivalent.planning import compare
    >>> cmp = compare()
    >>> table = cmp.table
    >>> table.index.tolist()
    ['NEP continuation', 'left course', '1929 maximum variant']
    >>> bool(table.loc["1929 maximum variant", "heavy capacity growth"]
    ...      > table.loc["NEP continuation", "heavy capacity growth"])
    True
    """
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    solver_keywords(options, "compare")
    if isinstance(variants, Variant):
        variants = [variants]
    variants = list(BUILTIN_VARIANTS if variants is None else variants)
    bad = [v for v in variants if not isinstance(v, Variant)]
    if bad:
        raise InvalidPlanError(f"compare takes Variant objects (ne.LEFT_COURSE, or "
                               f"dataclasses.replace of one), got {bad[0]!r}.")
    if not variants:
        raise InvalidPlanError("give at least one variant to compare.")
    names = [v.name for v in variants]
    if len(set(names)) != len(names):
        raise InvalidPlanError(f"variant names must be unique, got {names}.")
    base = base_plan() if base is None else base  # one economy (and λ) for every variant
    results = []
    years = base.year_labels
    for v in variants:
        try:
            results.append(v.solve(base, solver, **options))
        except InfeasiblePlanError as exc:
            raise InfeasiblePlanError(
                f"variant {v.name!r} has no feasible plan over {len(years)} year(s) "
                f"({years[0]}–{years[-1]}): {exc} {_infeasible_hint(exc.constraints)}",
                constraints=exc.constraints) from None
    table = pd.DataFrame([_row(r) for r in results], index=pd.Index(names, name="variant"))
    fig = Figure(figsize=(10, 7), layout="constrained")
    ax = fig.subplots(2, 2)
    for v, r in zip(variants, results, strict=True):
        heavy = r.plan.heavy_sector
        ax[0, 0].plot(r.capacity.columns, r.capacity.loc[heavy], marker="o", label=v.name)
        ax[0, 1].plot(r.real_wage.index, r.real_wage.to_numpy(), marker="o", label=v.name)
        ax[1, 0].plot(r.output.columns, _consumption_per_head(r).to_numpy(), marker="o",
                      label=v.name)
    share_cols = [c for c in table.columns if c.startswith("share: ")]
    bottom = np.zeros(len(table))
    for col in share_cols:
        vals = table[col].fillna(0.0).to_numpy()
        ax[1, 1].bar(range(len(table)), vals, bottom=bottom, label=col[7:])
        bottom += vals
    ax[1, 1].set_xticks(range(len(table)), names, rotation=15)
    for a, title in ((ax[0, 0], "heavy-industry capacity"), (ax[0, 1], "real wage (index)"),
                     (ax[1, 0], "consumption per head (hours)"),
                     (ax[1, 1], "share of surplus labour")):
        a.set_title(title)
        a.legend(fontsize=8)
        if a is not ax[1, 1]:
            a.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.suptitle("Investment variants on the calibrated town–country economy "
                 "(calibration assumptions)")
    return Comparison(table, fig, dict(zip(names, results, strict=True)), tuple(variants))
