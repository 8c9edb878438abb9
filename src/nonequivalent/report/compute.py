"""The numbers of the surplus report, computed once, for a batch of parameter draws.

Every input has a leading draws axis (length ``D``, or 1 where no draw moves it), and every
number of :func:`~nonequivalent.report` is computed for all draws at once with plain numpy.
:func:`~nonequivalent.report` is this computation on a batch of one (the scenarios as
written); :func:`~nonequivalent.report_uncertainty` runs it on thousands of draws
(:mod:`nonequivalent.uncertainty.batch` turns a table of draws into the arrays below).

What is computed, and from which source (each formula lives in one function, named here):

* labour values ``λ = l (I − A)^-1`` (Marx, *Capital* I, ch. 1; Morishima 1973), by the
  economy, or, when draws move ``A`` or the labour coefficients, by numpy's batched
  :func:`numpy.linalg.solve` of the stacked systems ``(I − A)^T λ^T = l^T``; the
  benchmark ``p^e = μ λ`` with ``μ = p·y / λ·y`` (Duménil 1980; Foley 1982) or
  ``μ = p·x / λ·x`` when draws move the economy or the prices, else the scenario's own
  benchmark of any kind;
* the surplus account by group (Barsov 1969; Ellman, *Economic Journal* 85, 1975;
  Harrison, *Journal of Development Studies* 22(1), 1985): each group kind's
  :meth:`~nonequivalent.GroupKind.batch_flows` (peasants: the exchange's
  :func:`~nonequivalent.exchange.account.exchange_flows`; workers and households:
  :func:`~nonequivalent.groups.workers.worker_flows`,
  :func:`~nonequivalent.groups.workers.household_flows`; the state:
  :func:`~nonequivalent.groups.state.state_flows`); a kind that has only per-draw
  :meth:`~nonequivalent.GroupKind.flows` is asked draw by draw;
  :func:`~nonequivalent.groups.base.flow_row` for the row,
  :func:`~nonequivalent.accounts.surplus.imprecise` for the precision check and
  :func:`~nonequivalent.accounts.surplus.fund_shares` for the shares of the fund;
* the sources of accumulation by the exact Shapley value (Shorrocks 2013, *J. Econ.
  Inequality* 11): each group's ``2^k`` coalitions of the factors it reads, each evaluated
  once on the whole batch (:meth:`~nonequivalent.GroupKind.batch_fund_part`), split by
  :func:`~nonequivalent.accounts.sources.shapley_split` and shared by
  :func:`~nonequivalent.accounts.sources.change_shares`;
* Stalin's tribute (speech of 9 July 1928), its equivalent tax rate and
  :func:`~nonequivalent.exchange.account.nonequivalence_ratio`;
* the grain squeeze (Preobrazhensky's price policy; Sah & Stiglitz, *AER* 74, 1984):
  :func:`~nonequivalent.exchange.procurement.isoelastic_optimum` for one group,
  :func:`~nonequivalent.exchange.procurement.isoelastic_total_optimum` for several at one
  price (a draw where a grid of prices finds a better price, or a flat response, is solved
  by :func:`~nonequivalent.squeeze_diagnostic` draw by draw), and
  :func:`~nonequivalent.exchange.procurement.squeeze_figures`;
* the workers' figures: :func:`~nonequivalent.groups.labour_power.surplus_labour`
  (Marx, *Capital* I, ch. 7–9), :func:`~nonequivalent.groups.households.earners_for_cut`
  and :func:`~nonequivalent.groups.households.family_exploitation` (ch. 15 §3a).

Draws the report would refuse (outside a parameter's bounds, an unproductive ``A``, more
extra earners than workers, a surplus below its rounding error, a squeeze with no optimum,
any number not finite) are flagged in :attr:`Computed.bad`; :func:`~nonequivalent.report`
then raises the precise error, and the batch path sends such a draw to it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._validation import as_number
from ..accounts.sources import _key, change_shares, shapley_split
from ..accounts.surplus import _group_flows, fund_shares, imprecise
from ..errors import InvalidPriceError, NonequivalentError
from ..exchange.account import nonequivalence_ratio
from ..exchange.procurement import (
    GRID_POINTS,
    IsoelasticResponse,
    TotalResponse,
    isoelastic_optimum,
    isoelastic_total_optimum,
    squeeze_diagnostic,
    squeeze_figures,
)
from ..groups import Peasants, State, WorkerCategory, WorkerHouseholds, account_context
from ..groups.base import BatchContext, dot, flow_row
from ..groups.base import params as group_params
from ..groups.context import _ordered, basket_melt
from ..groups.households import earners_for_cut, family_exploitation
from ..groups.labour_power import surplus_labour

__all__ = ["ECONOMY_KEYS", "Computed", "compute"]

#: Draws of these keys change the labour values or the benchmark (recomputed in arrays).
ECONOMY_KEYS = ("economy.A", "economy.labour", "economy.final_demand", "prices")

Cells = dict[tuple[str, str, str], np.ndarray]


# ============================================================================ one year
class Year:
    """One scenario's inputs for a batch of ``D`` draws (arrays with a draws axis).

    ``changes`` maps parameter keys to arrays of ``D`` drawn values (a table's value is a
    factor on its every entry); without changes, the scenario as written.
    """

    def __init__(self, sc: Any, changes: Mapping[str, np.ndarray], D: int,
                 melt: float | None) -> None:
        self.sc, self.D, self.changes = sc, D, changes
        self.goods = list(sc.sectors)
        self.bad = np.zeros(D, dtype=bool)
        self.eco = eco = sc.economy()
        self.p = self.table("prices", sc.prices, positive=True)
        self.bench = None
        if not any(k in changes for k in ECONOMY_KEYS):
            self.bench = sc.equivalence_benchmark(eco)
            self.lam = np.asarray(eco.values_array, dtype=float)[None, :]
            self.pe = np.asarray(self.bench.aligned(eco.sectors), dtype=float)[None, :]
        else:
            self._labour_value_benchmark(eco)
        self.groups = _ordered(sc.groups)
        self.melt = melt
        self.bctx = BatchContext(D, pd.Index(self.goods), self.lam, self.p, self.pe, None,
                                 self.groups, self.param, self.bad)
        if melt is not None:
            self.bctx.melt = as_number(melt, "melt", InvalidPriceError, allow_zero=False)
        else:
            cats = [g for g in self.groups.values() if isinstance(g, WorkerCategory)]
            if cats:
                b = cats[0].batch_wage(self.bctx)["b"]
                with np.errstate(divide="ignore", invalid="ignore"):
                    self.bctx.melt = basket_melt(self.pe, self.lam, b)
                self.bad |= ~(dot(self.lam, b) > 0)
            else:
                self.bctx.melt = np.nan      # no worker category: the report says pass melt
                self.bad[:] = True
        self._ctx: Any = None

    def _labour_value_benchmark(self, eco: Any) -> None:
        """``λ`` and ``p^e = μ λ`` for draws that move the economy, prices or final demand."""
        sc, D, changes = self.sc, self.D, self.changes
        f_a, f_l = changes.get("economy.A"), changes.get("economy.labour")
        if f_a is None:
            lam0 = np.asarray(eco.values_array, dtype=float)[None, :]
            self.lam = lam0 if f_l is None else lam0 * f_l[:, None]
            M = None
        else:
            A = np.asarray(sc.A, dtype=float)[None] * f_a[:, None, None]
            L = np.array([list(map(float, v)) for v in sc.labour.values()])[None]
            if f_l is not None:
                L = L * f_l[:, None, None]
            L = np.broadcast_to(L, (D, *L.shape[1:]))
            self.bad |= ~(f_a * eco.spectral_radius < 1 - 1e-9) | (f_a < 0)
            M = np.eye(len(self.goods))[None] - A
            M[self.bad] = np.eye(len(self.goods))
            self.lam = np.linalg.solve(np.swapaxes(M, 1, 2), np.swapaxes(L, 1, 2)).sum(axis=2)
        if f_l is not None:
            self.bad |= f_l < 0
        y = self.table("economy.final_demand", sc.final_demand)
        if (sc.benchmark.normalization or "new-interpretation") == "new-interpretation":
            q = y
        elif M is None:
            q = eco.solve(np.ascontiguousarray(y.T)).T
        else:
            q = np.linalg.solve(M, y[..., None] * np.ones((D, 1, 1)))[..., 0]
        money, hours = dot(self.p, q), dot(self.lam, q)
        self.bad |= ~((hours > 0) & (money > 0))
        with np.errstate(divide="ignore", invalid="ignore"):
            self.pe = (money / hours)[..., None] * self.lam

    def table(self, key: str, base: Mapping[str, float] | None,
              positive: bool = False) -> np.ndarray:
        """A table by good as (1 or D, n): the scenario's, times the drawn factor."""
        vec = np.array([[float((base or {}).get(s, 0.0)) for s in self.goods]])
        f = self.changes.get(key)
        if f is None:
            return vec
        self.bad |= ~(f > 0) if positive else f < 0
        return vec * f[:, None]

    def param(self, g: Any, field: str) -> Any:
        """A group parameter: drawn (an array) or the group's (a float, a table, None)."""
        for f, p in group_params(type(g)):
            if f.name != field:
                continue
            key = f"{g.name}.{p.key or f.name}"
            base = getattr(g, field)
            if p.type in ("sectors", "prices"):
                return None if base is None else self.table(key, base, p.type == "prices")
            if p.type in ("string", "group"):
                return base
            if key in self.changes:
                v = self.changes[key]
                self.bad |= ~_within(v, p)
                return v
            return None if base is None else float(base)
        raise NonequivalentError(f"no parameter {field!r} on group {g.name!r}")

    def context(self) -> Any:
        """The per-draw :class:`~nonequivalent.AccountContext` (a batch of one only)."""
        if self.D != 1 or self.bench is None:
            raise NonequivalentError("a group kind without batch_flows is computed draw by "
                                     "draw through ne.report")
        if self._ctx is None:
            self._ctx = account_context(self.eco, self.sc.prices_series(), self.bench,
                                        self.sc.groups, self.melt)
        return self._ctx


def _within(v: np.ndarray, p: Any) -> np.ndarray:
    """Rows of ``v`` within a parameter's declared bounds (and finite)."""
    ok = np.isfinite(v)
    if p.positive:
        ok &= v > 0
    if p.minimum is not None:
        ok &= v >= p.minimum
    if p.maximum is not None:
        ok &= v <= p.maximum
    if p.below is not None:
        ok &= v < p.below
    return ok


def _draws(x: Any, D: int) -> np.ndarray:
    return np.broadcast_to(np.asarray(x, dtype=float), (D,))


# ============================================================================ account
def _account(yr: Year) -> dict[str, Any]:
    """Rows (given, received, surplus, taxes, under, over, surplus money) of every group,
    the state last, and the shares of the fund (as :func:`~nonequivalent.group_account`)."""
    bctx, five = yr.bctx, {}
    for g in yr.groups.values():
        if isinstance(g, State):
            bctx.cache["account rows"] = list(five.values())
        flows = g.batch_flows(bctx) if type(g).batched() else None
        if flows is None:        # a kind with per-draw flows only: ask it draw by draw
            f = _group_flows(g, yr.context())       # Flows of real numbers, or say which
            flows = (f.hours_given, f.hours_received, f.taxes, f.underpayment,
                     f.overpayment)
        five[g.name] = tuple(_draws(v, yr.D) for v in flows)
    body = np.stack([np.stack(flow_row(*five[k], receives=isinstance(yr.groups[k], State)),
                              axis=1) for k in five], axis=1)          # D x groups x 7
    yr.bad |= ~np.isfinite(body).all(axis=(1, 2)) | imprecise(body).any(axis=(1, 2))
    return {"body": body, "shares": fund_shares(body), "five": five, "keys": list(five),
            "labels": [g.label for g in yr.groups.values()]}


# ============================================================================ sources
def _factors(yr: Year, bctx: BatchContext) -> dict[tuple[str, str], Any]:
    return {(k, f): v for k, g in yr.groups.items() if type(g).batched()
            for f, v in g.batch_factors(bctx).items()}


def _sources(y0: Year, y1: Year, credit: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The change in the fund by factor, as :func:`~nonequivalent.group_sources` (base
    economy, benchmark and MELT held fixed), each group's part split by the Shapley value.

    ``credit`` maps a factor's key (``"workers.employment"``) to the group it is counted
    with instead of its own (:func:`~nonequivalent.accounts.sources.reattribute`): the
    contributions are unchanged, the groups' totals follow."""
    D = y0.D
    bad = np.zeros(D, dtype=bool)
    for key in ("economy.A", "economy.labour"):   # the decomposition holds technology fixed
        f0, f1 = y0.changes.get(key), y1.changes.get(key)
        if f0 is not None or f1 is not None:
            bad |= np.broadcast_to((1.0 if f0 is None else f0) != (1.0 if f1 is None else f1),
                                   (D,))
    if y0.sc.A != y1.sc.A or dict(y0.sc.labour) != dict(y1.sc.labour):
        bad[:] = True
    cats = [g for g in y0.groups.values() if isinstance(g, WorkerCategory)]
    mu = np.nan
    if cats:
        with np.errstate(divide="ignore", invalid="ignore"):
            mu = basket_melt(y0.pe, y0.lam, cats[0].batch_wage(y0.bctx)["b"])
    b0 = y0.bctx.with_melt(mu)
    # the later year's factors against the base economy and benchmark (they read neither)
    b1 = BatchContext(D, b0.goods, y0.lam, y1.p, y0.pe, mu, y1.groups, y1.param, y1.bad)
    b1.cache = y1.bctx.cache
    v0, v1 = _factors(y0, b0), _factors(y1, b1)
    scalar: list[Any] = []          # per-draw factors, for kinds without array methods
    groups = y0.groups
    order = [(k, f) for k, g in groups.items() for f in g.factor_names()]
    owner = [(credit or {}).get(f"{k}.{_key(f)}", k) for k, f in order]
    out: dict[str, Any] = {"order": order, "owner": owner, "groups": groups, "bad": bad}
    for measure in ("hours", "money"):
        contrib = {o: np.zeros(D) for o in order}
        f0 = np.zeros(D)
        f1 = np.zeros(D)
        for g in groups.values():
            batched = type(g).batched()
            if not batched and not scalar:
                scalar = _scalar_factors(y0, y1, mu)
            known = v0 if batched else scalar[2]
            reads = [r for r in g.reads(groups) if r in known]
            if not reads:
                continue
            vals = []
            for mask in range(1 << len(reads)):
                later = {r for i, r in enumerate(reads) if mask >> i & 1}
                if batched:
                    def factor(k: str, n: str, later: set = later) -> Any:
                        return (v1 if (k, n) in later else v0)[(k, n)]
                    vals.append(_draws(g.batch_fund_part(b0, factor, measure), D))
                else:
                    def factor(k: str, n: str, later: set = later, sc: list = scalar) -> Any:
                        return (sc[3] if (k, n) in later else sc[2])[(k, n)]
                    vals.append(_draws(float(g.fund_part(scalar[0], factor, measure)), D))
            vals_arr = np.array(vals)
            for r, phi in zip(reads, shapley_split(vals_arr), strict=True):
                contrib[r] = contrib[r] + phi
            f0, f1 = f0 + vals_arr[0], f1 + vals_arr[-1]
        C = np.array([contrib[o] for o in order])           # factors x D
        total, defined, shares = change_shares(C, f0, f1)
        by_group = {k: C[[i for i, a in enumerate(owner) if a == k]].sum(axis=0)
                    for k, g in groups.items()
                    if not isinstance(g, State) and g.factor_names()}
        gparts = np.array(list(by_group.values())).reshape(len(by_group), D)
        _, _, gshares = change_shares(gparts, f0, f1, total=total, defined=defined)
        bad |= ~np.isfinite(C).all(axis=0) | ~np.isfinite(f0 + f1)
        out[measure] = {"C": C, "shares": shares, "by_group": by_group,
                        "group_shares": dict(zip(by_group, gshares, strict=True)),
                        "change": f1 - f0}
    return out


def _scalar_factors(y0: Year, y1: Year, mu: Any) -> list[Any]:
    """Per-draw contexts and factors (a batch of one) for kinds without array methods."""
    ctx0 = account_context(y0.eco, y0.sc.prices_series(), y0.context().benchmark,
                           y0.sc.groups, float(mu[0] if np.ndim(mu) else mu))
    ctx1 = account_context(y0.eco, y1.sc.prices_series(), ctx0.benchmark, y1.sc.groups,
                           ctx0.melt)
    f0 = {(k, f): v for k, g in ctx0.groups.items() for f, v in g.factors(ctx0).items()}
    f1 = {(k, f): v for k, g in ctx1.groups.items() for f, v in g.factors(ctx1).items()}
    return [ctx0, ctx1, f0, f1]


# ============================================================================ tribute
def _tribute_cells(cells: Cells, yr: Year, acc: dict, lab: str) -> None:
    """Stalin's tribute by peasant group (speech of 9 July 1928): over- and underpayment
    at the year's benchmark, taxes, their total, the equivalent tax rate on sales at the
    benchmark (tribute / ``p^e·s``), labour given and received, ``E = λ·s / λ·d``."""
    for g in yr.groups.values():
        if not isinstance(g, Peasants):
            continue
        given, received, taxes, under, over = acc["five"][g.name]
        total = flow_row(given, received, taxes, under, over)[6]
        sales = _draws(dot(yr.pe, yr.param(g, "sells")), yr.D)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            rate = np.where(sales > 0, total / sales, np.nan)
        # a rate out of float range (sales next to nothing): the per-draw report says why
        yr.bad |= ((given == 0) & (received == 0)) | ((sales > 0) & ~np.isfinite(rate))
        for k, v in (("overpayment", over), ("underpayment", under), ("taxes", taxes),
                     ("total", total), ("equivalent_tax_rate", rate),
                     ("labour_given", given), ("labour_received", received),
                     ("nonequivalence_ratio", nonequivalence_ratio(given, received))):
            cells[("tribute", f"{g.name}.{k}", lab)] = _draws(v, yr.D)


# ============================================================================ squeeze
def _squeeze_cells(cells: Cells, yr: Year, base_groups: list[Any], lab: str) -> list:
    """The squeeze of each peasant group, and of all of them at one price (Sah & Stiglitz,
    *AER* 74, 1984). Returns ``(row key, p, p*, shortfall, beyond)`` of each row for the
    report's notes."""
    D, rows, parts = yr.D, [], []
    for g0 in base_groups:
        g = yr.groups[g0.name]
        j = yr.goods.index(g.marketing_good)
        pe, p0 = _draws(yr.pe[:, j], D), _draws(yr.p[:, j], D)
        q0 = _draws(yr.param(g, "sells")[:, j], D)
        eps = _draws(yr.param(g, "marketing_elasticity"), D)
        yr.bad |= ~((pe > 0) & (q0 > 0) & (p0 > 0) & (eps >= 0))
        interior, q_star = isoelastic_optimum(q0, p0, eps, pe)
        p_star, q_star = np.maximum(0.0, interior), np.where(eps > 0, q_star, q0)
        rows.append(_squeeze_row(cells, g.name, lab, pe, p0, q0, p_star, q_star, yr))
        parts.append((q0, p0, eps, pe))
    if len(base_groups) > 1 and len({g.marketing_good for g in base_groups}) == 1:
        q0 = np.array([x[0] for x in parts])
        eps = np.array([x[2] for x in parts])
        p0, pe = parts[0][1], parts[0][3]
        p_star, q_star = isoelastic_total_optimum(q0, p0, eps, pe)
        # a flat response, or a root of the first-order condition that a grid of [0, p^e]
        # beats (several roots): the general search of squeeze_diagnostic, draw by draw
        grid = np.linspace(0.0, 1.0, GRID_POINTS)[:, None] * pe[None, :]
        with np.errstate(over="ignore", invalid="ignore"):
            q_grid = (q0[:, None, :] * np.power(grid[None] / p0, eps[:, None, :])).sum(axis=0)
            best = (pe - p_star) * q_star
            search = ((pe - grid) * q_grid > best * (1 + 1e-12)).any(axis=0)
        search |= ~(eps > 0).all(axis=0)
        for i in np.flatnonzero(search & ~yr.bad):
            opt = squeeze_diagnostic(TotalResponse(tuple(
                IsoelasticResponse(q0=q0[k, i], p0=p0[i], elasticity=eps[k, i])
                for k in range(len(parts)))), pe[i], p0[i]).optimum
            p_star[i], q_star[i] = opt.price, opt.quantity
        rows.append(_squeeze_row(cells, "all", lab, pe, p0, q0.sum(axis=0), p_star, q_star,
                                 yr))
    return rows


def _squeeze_row(cells: Cells, key: str, lab: str, pe: np.ndarray, p: np.ndarray,
                 q_now: np.ndarray, p_star: np.ndarray, q_star: np.ndarray,
                 yr: Year) -> tuple:
    """Benchmark price, price, extraction ``(p^e − p) q(p)``, optimum and shortfall."""
    e, best, shortfall, beyond = squeeze_figures(pe, p, q_now, p_star, q_star)
    yr.bad |= ~(np.isfinite(e) & np.isfinite(best) & np.isfinite(p_star) & (p >= 0))
    for k, v in (("benchmark_price", pe), ("procurement_price", p), ("extraction", e),
                 ("optimal_price", p_star), ("maximum_extraction", best),
                 ("shortfall", shortfall)):
        cells[("squeeze", f"{key}.{k}", lab)] = v
    return key, p, p_star, shortfall, beyond


# ============================================================================ workers
def _workers_cells(cells: Cells, yr: Year, lab: str) -> None:
    """Per worker: ``v = λ·b``, ``h − v``, ``e = (h − v)/v`` (Marx, *Capital* I, ch. 7–9),
    the earners ``m0/(1 − δ)`` that keep the basket; per household ``e_f`` (ch. 15 §3a)."""
    D, bctx = yr.D, yr.bctx
    for g in yr.groups.values():
        if isinstance(g, WorkerCategory):
            c = g.batch_wage(bctx)
            v = _draws(dot(yr.lam, c["b"]), D)
            yr.bad |= ~(v > 0)
            with np.errstate(divide="ignore", invalid="ignore"):
                surplus, rate = surplus_labour(c["h"], v)
                frac, whole = earners_for_cut(1.0, np.asarray(c["cut"], dtype=float))
            for k, val in (("workers", c["N"]), ("hours", c["h"]),
                           ("value_of_labour_power", v), ("surplus_labour", surplus),
                           ("rate_of_exploitation", rate), ("real_wage_cut", c["cut"]),
                           ("earners_needed", frac), ("whole_earners", whole)):
                cells[("workers", f"{g.name}.{k}", lab)] = _draws(val, D)
    for g in yr.groups.values():
        if isinstance(g, WorkerHouseholds):
            x = g.batch_earners(bctx)
            value = _draws(dot(yr.lam, x["basket"]), D)
            yr.bad |= ~(value > 0)
            with np.errstate(divide="ignore", invalid="ignore"):
                _, rate = family_exploitation(x["m1"], x["hf"], value)
            for k, val in (("earners", x["m1"]), ("family_rate_of_exploitation", rate),
                           ("extra_earners", x["X"])):
                cells[("workers", f"{g.name}.{k}", lab)] = _draws(val, D)


# ============================================================================ the report
@dataclasses.dataclass(frozen=True, eq=False)
class Computed:
    """Every number of the report for ``D`` draws.

    Attributes
    ----------
    cells : dict
        ``(section, row, column)`` → array of ``D`` values (the keys of
        :func:`~nonequivalent.report_cells`; the scissors, which no draw moves, are not
        here).
    bad : numpy.ndarray
        Draws the report refuses, or that only the per-draw report computes.
    years : list of Year
    accounts : list of dict
        Each year's rows (``body``: draws x groups x 7), shares, keys and labels.
    sources : dict or None
        Factor order, and per measure the contributions, shares and change.
    squeeze : list
        Per year, ``(row key, p, p*, shortfall, beyond)`` of each squeeze row.
    labels : list of str
        The periods' column labels.
    """

    cells: Cells
    bad: np.ndarray
    years: list[Year]
    accounts: list[dict[str, Any]]
    sources: dict[str, Any] | None
    squeeze: list[list[tuple]]
    labels: list[str]


def compute(scenarios: Sequence[Any], changes: Sequence[Mapping[str, np.ndarray]] | None = None,
            D: int = 1, melt: float | None = None, employment: str = "workers") -> Computed:
    """Every number of the surplus report of one or two scenarios, for ``D`` draws.

    ``changes`` (one mapping per scenario) maps parameter keys to arrays of ``D`` values
    (whole numbers already rounded; a table's value is a factor); ``None``: the scenarios
    as written (``D = 1``). ``employment="peasants"`` counts each worker category's
    employment factor (the surplus of the newly hired, most of them peasant migrants) with
    the first peasant group, as mobilised peasant labour (Harrison, *Journal of
    Development Studies* 22(1), 1985).
    """
    changes = changes or [{} for _ in scenarios]
    years = [Year(sc, ch, D, melt) for sc, ch in zip(scenarios, changes, strict=True)]
    same = len(years) == 2 and scenarios[0].year == scenarios[1].year
    labels = [f"{s.year} ({w})" if same else str(s.year)
              for s, w in zip(scenarios, ("base", "later"), strict=False)]
    cells: Cells = {}
    accs = [_account(yr) for yr in years]
    for acc, which in zip(accs, ("base", "later"), strict=False):
        body, sh = acc["body"], acc["shares"]
        for gi, key in enumerate(acc["keys"]):
            for j, col in enumerate(("hours_given", "hours_received", "surplus_hours")):
                cells[(f"account_hours_{which}", key, col)] = body[:, gi, j]
            cells[(f"account_hours_{which}", key, "share_of_fund")] = 100.0 * sh[:, gi, 0]
            for j, col in enumerate(("taxes", "underpayment", "overpayment",
                                     "surplus_money")):
                cells[(f"account_money_{which}", key, col)] = body[:, gi, 3 + j]
            cells[(f"account_money_{which}", key, "share_of_fund")] = 100.0 * sh[:, gi, 1]
    bad = np.zeros(D, dtype=bool)
    sources = None
    if len(years) == 2:
        groups = years[0].groups
        peasants = [k for k, g in groups.items() if isinstance(g, Peasants)]
        credit = ({f"{k}.employment": peasants[0] for k, g in groups.items()
                   if isinstance(g, WorkerCategory)}
                  if employment == "peasants" and peasants else None)
        sources = _sources(*years, credit)
        bad |= sources["bad"]
        _sources_cells(cells, sources)
    squeeze = []
    base_groups = [g for g in years[0].groups.values()
                   if isinstance(g, Peasants) and g.marketing_good is not None]
    for yr, acc, lab in zip(years, accs, labels, strict=True):
        _tribute_cells(cells, yr, acc, lab)
        squeeze.append(_squeeze_cells(cells, yr, base_groups, lab) if base_groups else [])
        _workers_cells(cells, yr, lab)
    for yr in years:
        bad |= yr.bad
    return Computed(cells, bad, years, accs, sources, squeeze, labels)


def _sources_cells(cells: Cells, src: dict[str, Any]) -> None:
    for measure in ("hours", "money"):
        m = src[measure]
        for i, (k, f) in enumerate(src["order"]):
            row = f"{k}.{_key(f)}"
            cells[("sources", row, f"change_{measure}")] = m["C"][i]
            cells[("sources", row, f"share_{measure}")] = 100 * m["shares"][i]
        for k, part in m["by_group"].items():
            cells[("sources", f"{k}.total", f"change_{measure}")] = part
            cells[("sources", f"{k}.total", f"share_{measure}")] = 100 * m["group_shares"][k]
