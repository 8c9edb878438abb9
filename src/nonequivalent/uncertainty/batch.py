"""The surplus report for a whole batch of draws at once: the fast path of the intervals.

:func:`report_batch` evaluates every numeric cell of :func:`~nonequivalent.report` for many
parameter draws together: each draw's parameters become rows of arrays with a leading
draws axis (a table factor times the table, a value replacing the value, whole numbers
rounded as :func:`~nonequivalent.report_uncertainty` rounds them, the basket recomputed
as ``(1 − δ) b_0`` and the money wage as the basket at retail prices, as the scenario
loader derives them), and every account is computed with plain numpy on those arrays. No
:class:`~nonequivalent.scenarios.Scenario` is built per draw.

What is computed, and from which source:

* labour values ``λ = l (I − A)^-1`` (Marx, *Capital* I, ch. 1; Morishima, *Marx's
  Economics*, 1973): when ``A`` or the labour coefficients vary, from numpy's batched
  :func:`numpy.linalg.solve` of the stacked systems ``(I − A)^T λ^T = l^T``;
* the benchmark ``p^e = μ λ`` with the New Interpretation's MELT ``μ = p·y / λ·y``
  (Duménil 1980; Foley 1982) or ``μ = p·x / λ·x``;
* the surplus account by group (Barsov 1969; Ellman, *Economic Journal* 85, 1975;
  Harrison, *Journal of Development Studies* 22(1), 1985) through the groups' own flow
  functions (:func:`~nonequivalent.groups.peasants.peasant_flows`,
  :func:`~nonequivalent.groups.workers.worker_flows`,
  :func:`~nonequivalent.groups.workers.household_flows`), which work on floats and on
  arrays alike;
* the sources of accumulation by the exact Shapley value (Shorrocks 2013, *J. Econ.
  Inequality* 11): each group's ``2^k`` evaluations run once each on the whole batch;
* Stalin's tribute (speech of 9 July 1928) and its equivalent tax rate;
* the grain squeeze (DESIGN §2.3; Sah & Stiglitz, *AER* 74, 1984): the closed form
  ``p* = ε p^e / (1 + ε)`` for one isoelastic response; for several groups at one price
  the first-order condition ``Σ_g q_g(p) (ε_g (p^e − p) − p) = 0`` solved by bisection to
  rounding (:func:`~nonequivalent.exchange.procurement.isoelastic_total_optimum`, which the per-draw
  path uses too); a draw where a grid of prices finds a better one goes to the per-draw
  path;
* the workers' figures (Marx, *Capital* I, ch. 7–9 and ch. 15 §3a).

Each fact once: one function, on floats and on arrays with a leading draws axis, serves
the per-group path and this one for the flows of workers and households and a giving
group's account row (:mod:`nonequivalent.groups`), the shares of the fund
(:func:`~nonequivalent.accounts.fund_shares`), the Shapley split
(:func:`~nonequivalent.accounts.sources.shapley_split`), a worker category's part of the fund, the
isoelastic squeeze optimums (:func:`~nonequivalent.exchange.procurement.isoelastic_optimum`,
:func:`~nonequivalent.exchange.procurement.isoelastic_total_optimum`), the
earners after a cut and the family rate of exploitation (:mod:`nonequivalent.groups.households`).
Written a second time here, in array form: the peasants' flows (the per-group path takes
them from :func:`~nonequivalent.exchange_account`, for several groups at once), the
labour-value benchmark and its MELT, the tribute's total and equivalent tax rate, the
worker's ``v``, ``h − v`` and ``e``, the state's sums, the account's precision check, the
sources' shares and group totals. ``tests/test_report_batch.py`` is their guard: it checks
every cell against the per-draw report for random draws.

Invalid draws: rows outside a parameter's declared bounds, with an unproductive ``A``,
with more extra earners than workers or with any non-finite number are re-run through the
per-draw path, which raises the precise error of :func:`~nonequivalent.report` (or, if
the draw is valid after all, gives its numbers). Draws at exactly the central values
return the report as written, bit for bit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import UncertaintyError
from ..exchange.procurement import GRID_POINTS, isoelastic_optimum, isoelastic_total_optimum
from ..groups import Peasants, State, WorkerCategory, WorkerHouseholds
from ..groups.base import flow_row
from ..groups.base import params as group_params
from ..groups.peasants import peasant_flows
from ..groups.workers import household_flows, worker_flows, worker_fund_part
from .model import _real

__all__ = ["report_batch"]

#: Group kinds the batch path computes (exactly these classes, no subclasses).
BATCH_KINDS = (Peasants, WorkerCategory, WorkerHouseholds, State)
#: Benchmarks the batch path computes: labour values with these MELT normalizations.
BATCH_NORMALIZATIONS = ("new-interpretation", "total-price")
_ECONOMY_KEYS = ("economy.A", "economy.labour", "economy.final_demand", "prices")


def _dot(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row-wise dot product over the goods axis (the last)."""
    return np.einsum("...n,...n->...", a, b)


# ============================================================================ support
def why_not_batched(scenarios: Sequence[Any], keys: Sequence[tuple[int, str]]) -> str | None:
    """Why the batch path cannot compute these scenarios (``None`` when it can)."""
    for sc in scenarios:
        for g in sc.groups:
            if type(g) not in BATCH_KINDS:
                return (f"scenario {sc.name!r} has group {g.name!r} of kind {g.kind!r}, "
                        "which only the per-draw path computes")
            if isinstance(g, WorkerCategory) and (g.basket is not None
                                                  or g.money_wage is not None):
                return (f"group {g.name!r} states its basket or money wage in code; only "
                        "the per-draw path computes it")
        b = sc.benchmark
        if b.kind != "labour-values" or (b.normalization or "new-interpretation") \
                not in BATCH_NORMALIZATIONS:
            return (f"scenario {sc.name!r} has a {b.kind!r} benchmark; the batch path "
                    "computes labour-value benchmarks only")
    for i, key in keys:
        if key not in _ECONOMY_KEYS and _group_field(scenarios[i], key) is None:
            return f"parameter {key!r} is set only by the per-draw path"
    return None


def _group_field(sc: Any, key: str) -> tuple[Any, str, Any] | None:
    """``(group, field name, Param)`` of a numeric group parameter key, else None."""
    for g in sc.groups:
        for f, p in group_params(type(g)):
            if f"{g.name}.{p.key or f.name}" == key and p.type in (
                    "number", "integer", "sectors", "prices"):
                return g, f.name, p
    return None


# ============================================================================ one year
class _Year:
    """One scenario's inputs for a batch of ``D`` draws (arrays with a draws axis)."""

    def __init__(self, sc: Any, changes: Mapping[str, np.ndarray], D: int) -> None:
        self.sc, self.D = sc, D
        self.goods = list(sc.sectors)
        self.changes = changes
        self.bad = np.zeros(D, dtype=bool)
        f_a = changes.get("economy.A")
        f_l = changes.get("economy.labour")
        eco = sc.economy()
        if f_a is None:
            lam0 = np.asarray(eco.values_array, dtype=float)[None, :]
            self.lam = lam0 if f_l is None else lam0 * f_l[:, None]
            self.a_factor = None
        else:
            A = np.asarray(sc.A, dtype=float)[None] * f_a[:, None, None]
            L = np.array([list(map(float, v)) for v in sc.labour.values()])[None]
            if f_l is not None:
                L = L * f_l[:, None, None]
            L = np.broadcast_to(L, (D, *L.shape[1:]))
            self.bad |= ~(f_a * eco.spectral_radius < 1 - 1e-9) | (f_a < 0)
            M = np.eye(len(self.goods))[None] - A
            M[self.bad] = np.eye(len(self.goods))
            self.lam = np.linalg.solve(np.swapaxes(M, 1, 2),
                                       np.swapaxes(L, 1, 2)).sum(axis=2)
            self.a_factor, self._M = f_a, M
        if f_l is not None:
            self.bad |= f_l < 0
        self.p = self.table("prices", sc.prices, positive=True)
        self.y = self.table("economy.final_demand", sc.final_demand)
        norm = sc.benchmark.normalization or "new-interpretation"
        if norm == "new-interpretation":
            q = self.y
        elif self.a_factor is None:
            q = eco.solve(np.ascontiguousarray(self.y.T)).T
        else:
            q = np.linalg.solve(self._M, self.y[..., None] * np.ones((D, 1, 1)))[..., 0]
        money, hours = _dot(self.p, q), _dot(self.lam, q)
        self.bad |= ~((hours > 0) & (money > 0))
        with np.errstate(divide="ignore", invalid="ignore"):
            self.mu_bench = money / hours
        self.pe = self.mu_bench[..., None] * self.lam
        self.groups = {g.name: g for g in sc.groups}

    def table(self, key: str, base: Mapping[str, float] | None,
              positive: bool = False) -> np.ndarray:
        """A table by good as (1 or D, n): the scenario's, times the drawn factor."""
        vec = np.array([[float((base or {}).get(s, 0.0)) for s in self.goods]])
        f = self.changes.get(key)
        if f is None:
            return vec
        self.bad |= ~(f > 0) if positive else f < 0
        return vec * f[:, None]

    def value(self, g: Any, field: str) -> Any:
        """A group parameter: drawn (an array) or the scenario's (a float, None)."""
        for f, p in group_params(type(g)):
            if f.name == field:
                key = f"{g.name}.{p.key or f.name}"
                if p.type in ("sectors", "prices"):
                    base = getattr(g, field)
                    return None if base is None else self.table(key, base,
                                                                p.type == "prices")
                if key in self.changes:
                    v = self.changes[key]
                    self.bad |= ~_within(v, p)
                    return v
                base = getattr(g, field)
                return None if base is None else float(base)
        raise UncertaintyError(f"no parameter {field!r} on group {g.name!r}")  # pragma: no cover

    # ------------------------------------------------------------------ groups
    def category(self, h: WorkerHouseholds) -> WorkerCategory:
        return h.category(self.groups)

    def worker(self, g: WorkerCategory) -> dict[str, Any]:
        cut = self.value(g, "real_wage_cut")
        base = self.value(g, "base_basket")
        bbar = (1.0 - np.asarray(cut))[..., None] * base if np.ndim(cut) else \
            (1.0 - cut) * base
        pr = self.value(g, "retail_prices")
        pr = self.p if pr is None else pr
        return {"N": self.value(g, "number"), "h": self.value(g, "hours"), "cut": cut,
                "base": base, "b": bbar, "pr": pr, "w": _dot(pr, bbar)}

    def household(self, h: WorkerHouseholds, cats: Mapping[str, dict]) -> dict[str, Any]:
        cat = cats[self.category(h).name]
        m1, m0 = self.value(h, "earners"), self.value(h, "counterfactual_earners")
        H = self.value(h, "number")
        H = cat["N"] / m1 if H is None else H
        hf = self.value(h, "hours_per_earner")
        hf = cat["h"] if hf is None else hf
        basket = self.value(h, "basket")
        basket = cat["base"] if basket is None else basket
        members = self.value(h, "members")
        self.bad |= ~((np.asarray(m1) <= members) & (np.asarray(m0) <= m1))
        return {"X": H * (m1 - m0), "hf": hf, "m1": m1, "basket": basket,
                "domestic": self.value(h, "domestic_hours")}


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


# ============================================================================ accounts
def _account(yr: _Year, melt: Any, pe: np.ndarray, lam: np.ndarray, p: np.ndarray
             ) -> dict[str, Any]:
    """The surplus account of one year: rows (given, received, surplus, taxes, under,
    over, surplus money) for every group, the state last (as :func:`group_account`)."""
    sc = yr.sc
    cats = {g.name: yr.worker(g) for g in sc.groups if isinstance(g, WorkerCategory)}
    hhs = {g.name: yr.household(g, cats) for g in sc.groups
           if isinstance(g, WorkerHouseholds)}
    if melt is None:
        first = cats[next(iter(cats))]
        b = first["b"]
        mu = _dot(pe, b) / _dot(lam, b)
    else:
        mu = float(melt)
    rows, detail = {}, {}
    for g in sc.groups:
        if isinstance(g, Peasants):
            s, d = yr.table(f"{g.name}.sells", g.sells), yr.table(f"{g.name}.buys", g.buys)
            tau = yr.value(g, "taxes")
            fl = flow_row(*peasant_flows(lam, p, pe, s, d, tau))
            detail[g.name] = {"s": s, "d": d, "tau": tau}
        elif isinstance(g, WorkerCategory):
            c = cats[g.name]
            linked = [hhs[h.name] for h in g.households(yr.groups)]
            X = sum(x["X"] for x in linked)
            XH = sum(x["X"] * x["hf"] for x in linked)
            yr.bad |= np.broadcast_to(X > c["N"] * (1 + 1e-12), (yr.D,))
            fl = flow_row(*worker_flows(c["N"], c["h"], mu, c["w"], _dot(lam, c["b"]),
                                        _dot(c["pr"] - pe, c["b"]), XH))
        elif isinstance(g, WorkerHouseholds):
            x = hhs[g.name]
            fl = flow_row(*household_flows(x["X"], x["hf"], mu))
        else:  # the state mirrors the others (State.flows)
            others = list(rows.values())
            given = sum(r[0] for r in others)
            received = sum(r[1] for r in others)
            taxes = sum(r[3] for r in others)
            under = sum(r[4] for r in others)
            over = sum(r[5] for r in others)
            fl = flow_row(received, given, taxes, under, over, receives=True)
        rows[g.name] = tuple(np.broadcast_to(np.asarray(v, dtype=float), (yr.D,))
                             for v in fl)
    body = np.stack([np.stack(r, axis=1) for r in rows.values()], axis=1)  # D x G x 7
    # the account refuses a surplus below the rounding error of its gross flows
    eps = np.finfo(float).eps
    for net, parts in ((2, (0, 1)), (6, (3, 4, 5))):
        gross = np.abs(body[:, :, parts]).sum(axis=2)
        scale = np.maximum(np.abs(body[:, -1, net]), np.abs(body[:, :-1, net]).sum(axis=1))
        yr.bad |= (8 * eps * gross > 1e-6 * scale[:, None]).any(axis=1)
    from ..accounts.surplus import fund_shares

    shares = fund_shares(body)
    return {"body": body, "shares": shares, "mu": mu, "cats": cats, "hhs": hhs,
            "peasants": detail, "keys": list(rows)}


# ============================================================================ sources
def _sources(y0: _Year, y1: _Year, a0: dict, a1: dict, measure: str) -> dict[str, Any]:
    """The change in the fund by factor, as :func:`group_sources` (base economy, base
    benchmark and base MELT held fixed), each group's part split by the exact Shapley value
    (:func:`~nonequivalent.accounts.sources.shapley_split`; Shorrocks 2013)."""
    from ..accounts.sources import shapley_split

    lam, pe = y0.lam, y0.pe
    mu = a0["mu_sources"]
    D = y0.D

    def factors(yr: _Year, acc: dict) -> dict[tuple[str, str], Any]:
        out: dict[tuple[str, str], Any] = {}
        for g in yr.sc.groups:
            if isinstance(g, Peasants):
                dt = acc["peasants"][g.name]
                out[(g.name, "price policy")] = yr.p
                out[(g.name, "marketings")] = (dt["s"], dt["d"])
                out[(g.name, "taxes")] = dt["tau"]
            elif isinstance(g, WorkerCategory):
                c = acc["cats"][g.name]
                X = sum(acc["hhs"][h.name]["X"] for h in g.households(yr.groups))
                out[(g.name, "real wage")] = c["b"]
                out[(g.name, "money wage")] = c["w"]
                out[(g.name, "retail margins")] = c["pr"]
                out[(g.name, "employment")] = (c["N"] - X, c["h"])
            elif isinstance(g, WorkerHouseholds):
                x = acc["hhs"][g.name]
                out[(g.name, "extra earners")] = (x["X"], x["hf"])
        return out

    v0, v1 = factors(y0, a0), factors(y1, a1)
    groups = {g.name: g for g in y0.sc.groups}
    order = [(k, f) for k, g in groups.items() for f in g.factor_names()]
    contrib = {o: np.zeros(D) for o in order}
    f0 = np.zeros(D)
    f1 = np.zeros(D)
    for g in groups.values():
        reads = [r for r in g.reads(groups) if r in v0]
        if not reads or isinstance(g, WorkerHouseholds):
            continue  # a household's part of the fund is 0 (WorkerHouseholds.fund_part)
        vals = []
        for mask in range(1 << len(reads)):
            pick = {r: (v1 if mask >> i & 1 else v0)[r] for i, r in enumerate(reads)}
            vals.append(np.broadcast_to(_fund_part(g, pick, groups, lam, pe, mu, measure),
                                        (D,)))
        vals_arr = np.array(vals)
        phi = shapley_split(vals_arr)
        for r, val in zip(reads, phi, strict=True):
            contrib[r] = contrib[r] + val
        f0 = f0 + vals_arr[0]
        f1 = f1 + vals_arr[-1]
    return {"order": order, "contrib": contrib, "f0": f0, "f1": f1, "groups": groups}


def _fund_part(g: Any, pick: Mapping[tuple[str, str], Any], groups: Mapping[str, Any],
               lam: np.ndarray, pe: np.ndarray, mu: Any, measure: str) -> np.ndarray:
    """One group's part of the fund with the factors in ``pick`` (the kinds' fund_part)."""
    if isinstance(g, Peasants):
        s, d = pick[(g.name, "marketings")]
        fl = flow_row(*peasant_flows(lam, pick[(g.name, "price policy")], pe, s, d,
                                     pick[(g.name, "taxes")]))
        return fl[2] if measure == "hours" else fl[6]
    # a worker category: every worker, extra earners included, gives h − λ·b
    b = pick[(g.name, "real wage")]
    w = pick[(g.name, "money wage")]
    pr = pick[(g.name, "retail margins")]
    primary, h = pick[(g.name, "employment")]
    n = primary + sum(pick[(x.name, "extra earners")][0] for x in g.households(groups))
    if measure == "hours":
        return worker_fund_part(n, h, _dot(lam, b), measure)
    return worker_fund_part(n, h, _dot(pr - pe, b), measure, mu=mu, w=w)


# ============================================================================ squeeze
def _isoelastic_optimum(q0: np.ndarray, p0: np.ndarray, eps: np.ndarray,
                        pe: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``p* = ε p^e/(1 + ε)`` and ``q(p*)`` in logs, as :func:`squeeze_optimum` (DESIGN
    §2.3); ``ε = 0``: ``p* = 0``, ``q = q0``."""
    interior, q_star = isoelastic_optimum(q0, p0, eps, pe)
    return np.maximum(0.0, interior), np.where(eps > 0, q_star, q0)


# ============================================================================ the engine
def batch_cells(scenarios: Sequence[Any], targets: Mapping[str, Sequence[tuple[int, str]]],
                integers: Sequence[set], draws: Mapping[str, np.ndarray], D: int,
                melt: float | None) -> tuple[dict[tuple[str, str, str], np.ndarray],
                                             np.ndarray]:
    """Every computed cell of the report for ``D`` draws, and the rows to re-run one by one.

    ``draws`` maps input names to arrays of ``D`` values; ``targets`` the names to the
    ``(scenario index, key)`` pairs they set (as :class:`_ReportModel`).
    """
    changes: list[dict[str, np.ndarray]] = [{} for _ in scenarios]
    for name, vals in draws.items():
        v = np.asarray(vals, dtype=float)
        for i, key in targets[name]:
            changes[i][key] = np.round(v) if key in integers[i] else v
    years = [_Year(sc, ch, D) for sc, ch in zip(scenarios, changes, strict=True)]
    accs = []
    for yr in years:
        acc = _account(yr, melt, yr.pe, yr.lam, yr.p)
        accs.append(acc)
    cells: dict[tuple[str, str, str], np.ndarray] = {}
    same = len(years) == 2 and scenarios[0].year == scenarios[1].year
    labels = [f"{s.year} ({w})" if same else str(s.year)
              for s, w in zip(scenarios, ("base", "later"), strict=False)]
    hours_cols = ("hours_given", "hours_received", "surplus_hours")
    money_cols = ("taxes", "underpayment", "overpayment", "surplus_money")
    for acc, which in zip(accs, ("base", "later"), strict=False):
        body, sh = acc["body"], acc["shares"]
        for gi, key in enumerate(acc["keys"]):
            for j, col in enumerate(hours_cols):
                cells[(f"account_hours_{which}", key, col)] = body[:, gi, j]
            cells[(f"account_hours_{which}", key, "share_of_fund")] = 100.0 * sh[:, gi, 0]
            for j, col in enumerate(money_cols):
                cells[(f"account_money_{which}", key, col)] = body[:, gi, 3 + j]
            cells[(f"account_money_{which}", key, "share_of_fund")] = 100.0 * sh[:, gi, 1]
    bad = np.zeros(D, dtype=bool)
    for yr in years:
        bad |= yr.bad
    if len(years) == 2:
        bad |= _sources_cells(cells, years, accs, scenarios)
    _tribute_cells(cells, years, accs, labels)
    _squeeze_cells(cells, years, accs, labels)
    _workers_cells(cells, years, accs, labels)
    for yr in years:
        bad |= yr.bad
    return cells, bad


def _sources_cells(cells: dict, years: list[_Year], accs: list[dict],
                   scenarios: Sequence[Any]) -> np.ndarray:
    from ..accounts.sources import ZERO_CHANGE_RTOL, _key

    y0, y1 = years
    bad = np.zeros(y0.D, dtype=bool)
    # the decomposition holds technology fixed: draws with different A or labour refused
    for key in ("economy.A", "economy.labour"):
        f0, f1 = y0.changes.get(key), y1.changes.get(key)
        if f0 is not None or f1 is not None:
            bad |= ~np.broadcast_to(
                (1.0 if f0 is None else f0) == (1.0 if f1 is None else f1), (y0.D,))
    # the base MELT of the sources: from the base account's first worker category
    first = accs[0]["cats"][next(iter(accs[0]["cats"]))]
    accs[0]["mu_sources"] = _dot(y0.pe, first["b"]) / _dot(y0.lam, first["b"])
    out = {}
    for measure in ("hours", "money"):
        res = _sources(y0, y1, accs[0], accs[1], measure)
        order, contrib = res["order"], res["contrib"]
        C = np.array([contrib[o] for o in order])          # factors x D
        groups = res["groups"]
        total = C.sum(axis=0)
        scale = np.maximum(np.maximum(np.abs(res["f0"]), np.abs(res["f1"])),
                           np.abs(C).max(axis=0) if len(order) else 0.0)
        defined = (scale > 0) & (np.abs(total) > ZERO_CHANGE_RTOL * scale)
        bad |= ~np.isfinite(C).all(axis=0) | ~np.isfinite(res["f0"] + res["f1"])
        with np.errstate(divide="ignore", invalid="ignore"):
            shares = np.where(defined, C / total, np.nan)
        by_group = {}
        for gk, g in groups.items():
            if isinstance(g, State) or not g.factor_names():
                continue
            rows = [i for i, (k, _) in enumerate(order) if k == gk]
            by_group[gk] = C[rows].sum(axis=0)
        out[measure] = (order, C, shares, by_group, total, defined)
    order, Ch, sh_h, bg_h, tot_h, def_h = out["hours"]
    _, Cm, sh_m, bg_m, tot_m, def_m = out["money"]
    for i, (k, f) in enumerate(order):
        row = f"{k}.{_key(f)}"
        cells[("sources", row, "change_hours")] = Ch[i]
        cells[("sources", row, "share_hours")] = 100 * sh_h[i]
        cells[("sources", row, "change_money")] = Cm[i]
        cells[("sources", row, "share_money")] = 100 * sh_m[i]
    with np.errstate(divide="ignore", invalid="ignore"):
        for gk in bg_h:
            row = f"{gk}.total"
            cells[("sources", row, "change_hours")] = bg_h[gk]
            cells[("sources", row, "share_hours")] = np.where(def_h, 100 * (bg_h[gk] / tot_h),
                                                              np.nan)
            cells[("sources", row, "change_money")] = bg_m[gk]
            cells[("sources", row, "share_money")] = np.where(def_m, 100 * (bg_m[gk] / tot_m),
                                                              np.nan)
    return bad


def _tribute_cells(cells: dict, years: list[_Year], accs: list[dict],
                   labels: list[str]) -> None:
    """Stalin's tribute by peasant group (speech of 9 July 1928): over- and underpayment
    at the year's benchmark, taxes, their total, the equivalent tax rate on sales at the
    benchmark, labour given and received, ``E = λ·s / λ·d``."""
    for yr, acc, lab in zip(years, accs, labels, strict=True):
        for g in yr.sc.groups:
            if not isinstance(g, Peasants):
                continue
            dt = acc["peasants"][g.name]
            s, d, tau = dt["s"], dt["d"], dt["tau"]
            given, received, taxes, under, over = peasant_flows(
                yr.lam, yr.p, yr.pe, s, d, tau)
            total = over + under + taxes
            sales = _dot(yr.pe, s)
            with np.errstate(divide="ignore", invalid="ignore"):
                rate = np.where(sales > 0, total / sales, np.nan)
                ratio = np.where(received > 0, given / received, np.inf)
            yr.bad |= np.broadcast_to((given == 0) & (received == 0), (yr.D,))
            for k, v in (("overpayment", over), ("underpayment", under), ("taxes", taxes),
                         ("total", total), ("equivalent_tax_rate", rate),
                         ("labour_given", given), ("labour_received", received),
                         ("nonequivalence_ratio", ratio)):
                cells[("tribute", f"{g.name}.{k}", lab)] = np.broadcast_to(
                    np.asarray(v, dtype=float), (yr.D,))


def _squeeze_cells(cells: dict, years: list[_Year], accs: list[dict],
                   labels: list[str]) -> None:
    """The squeeze of each peasant group, and of all of them at one price (DESIGN §2.3)."""
    base_groups = [g for g in years[0].sc.groups
                   if isinstance(g, Peasants) and g.marketing_good is not None]
    if not base_groups:
        return
    goods = {g.marketing_good for g in base_groups}
    for yr, acc, lab in zip(years, accs, labels, strict=True):
        parts = []
        for g0 in base_groups:
            g = yr.groups[g0.name]
            j = yr.goods.index(g.marketing_good)
            pe = np.broadcast_to(yr.pe[:, j], (yr.D,))
            p0 = np.broadcast_to(yr.p[:, j], (yr.D,))
            q0 = np.broadcast_to(acc["peasants"][g.name]["s"][:, j], (yr.D,))
            eps = np.broadcast_to(np.asarray(yr.value(g, "marketing_elasticity"),
                                             dtype=float), (yr.D,))
            yr.bad |= ~((pe > 0) & (q0 > 0) & (p0 > 0) & (eps >= 0))
            p_star, q_star = _isoelastic_optimum(q0, p0, eps, pe)
            _squeeze_row(cells, f"{g.name}", lab, pe, p0, q0, p_star, q_star, yr)
            parts.append((q0, p0, eps, pe))
        if len(base_groups) > 1 and len(goods) == 1:
            q0 = np.array([x[0] for x in parts])
            eps = np.array([x[2] for x in parts])
            p0, pe = parts[0][1], parts[0][3]
            yr.bad |= ~(eps > 0).all(axis=0)   # a flat response: the per-draw grid search
            p_star, q_star = isoelastic_total_optimum(q0, p0, eps, pe)
            # a root of the first-order condition that is not the best price on the
            # per-draw path's grid of [0, p^e] (several roots) goes to the per-draw search
            grid = np.linspace(0.0, 1.0, GRID_POINTS)[:, None] * pe[None, :]
            with np.errstate(over="ignore", invalid="ignore"):
                q_grid = (q0[:, None, :] * np.power(grid[None] / p0, eps[:, None, :])
                          ).sum(axis=0)
                best = (pe - p_star) * q_star
                yr.bad |= ((pe - grid) * q_grid > best * (1 + 1e-12)).any(axis=0)
            current = sum(x[0] for x in parts)
            _squeeze_row(cells, "all", lab, pe, p0, current, p_star, q_star, yr)


def _squeeze_row(cells: dict, key: str, lab: str, pe: np.ndarray, p: np.ndarray,
                 q_now: np.ndarray, p_star: np.ndarray, q_star: np.ndarray,
                 yr: _Year) -> None:
    """Benchmark price, price, extraction ``(p^e − p) q(p)``, optimum and shortfall."""
    with np.errstate(over="ignore", invalid="ignore"):
        e = (pe - p) * q_now
        best = (pe - p_star) * q_star
    yr.bad |= ~(np.isfinite(e) & np.isfinite(best) & np.isfinite(p_star) & (p >= 0))
    for k, v in (("benchmark_price", pe), ("procurement_price", p), ("extraction", e),
                 ("optimal_price", p_star), ("maximum_extraction", best),
                 ("shortfall", np.maximum(0.0, best - e))):
        cells[("squeeze", f"{key}.{k}", lab)] = v


def _workers_cells(cells: dict, years: list[_Year], accs: list[dict],
                   labels: list[str]) -> None:
    """Per worker: ``v = λ·b``, ``h − v``, ``e = (h − v)/v`` (Marx, *Capital* I, ch. 7–9),
    the earners ``m0/(1 − δ)`` that keep the basket; per household ``e_f`` (ch. 15 §3a)."""
    from ..groups.households import earners_for_cut, family_exploitation

    for yr, acc, lab in zip(years, accs, labels, strict=True):
        D = yr.D
        for g in yr.sc.groups:
            if isinstance(g, WorkerCategory):
                c = acc["cats"][g.name]
                v = _dot(yr.lam, c["b"])
                yr.bad |= np.broadcast_to(~(v > 0), (D,))
                h = c["h"]
                with np.errstate(divide="ignore", invalid="ignore"):
                    rate = (h - v) / v
                    frac, whole = earners_for_cut(1.0, np.asarray(c["cut"], dtype=float))
                for k, val in (("workers", c["N"]), ("hours", h),
                               ("value_of_labour_power", v), ("surplus_labour", h - v),
                               ("rate_of_exploitation", rate),
                               ("real_wage_cut", c["cut"]), ("earners_needed", frac),
                               ("whole_earners", whole)):
                    cells[("workers", f"{g.name}.{k}", lab)] = np.broadcast_to(
                        np.asarray(val, dtype=float), (D,))
        for g in yr.sc.groups:
            if isinstance(g, WorkerHouseholds):
                x = acc["hhs"][g.name]
                value = _dot(yr.lam, x["basket"])
                yr.bad |= np.broadcast_to(~(value > 0), (D,))
                with np.errstate(divide="ignore", invalid="ignore"):
                    _, rate = family_exploitation(x["m1"], x["hf"], value + 0.0)
                for k, val in (("earners", x["m1"]), ("family_rate_of_exploitation", rate),
                               ("extra_earners", x["X"])):
                    cells[("workers", f"{g.name}.{k}", lab)] = np.broadcast_to(
                        np.asarray(val, dtype=float), (D,))


# ============================================================================ the model
def _frame(cells: dict, index: pd.MultiIndex, central: np.ndarray, D: int) -> np.ndarray:
    """The cells as a (D x cells) array in the report's order; cells that no draw moves
    (the scissors series) are the central report's."""
    out = np.empty((D, len(index)))
    for j, key in enumerate(index):
        v = cells.get(key)
        out[:, j] = central[j] if v is None else v
    return out


class BatchModel:
    """A batch of draws (DataFrame) → the report's cells (DataFrame), for
    :func:`~nonequivalent.propagate` with ``vectorized=True``.

    Wraps the per-draw model (:class:`~nonequivalent.uncertainty.report._ReportModel`),
    which it uses for the central report and for draws it will not return numbers for.
    Pickled for Dask as the per-draw model is: the scenarios as TOML text.
    """

    def __init__(self, per_draw: Any, central: pd.Series | None = None) -> None:
        self.per_draw = per_draw
        cells = per_draw({}) if central is None else central
        self.index, self.central = cells.index, cells.to_numpy(dtype=float)

    def __getstate__(self) -> dict[str, Any]:
        return {"per_draw": self.per_draw, "index": list(self.index),
                "central": self.central}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.per_draw = state["per_draw"]
        self.index = pd.MultiIndex.from_tuples(state["index"],
                                               names=["section", "row", "column"])
        self.central = state["central"]

    def report(self, params: Mapping[str, float]) -> Any:
        """The report of one draw (the per-draw path)."""
        return self.per_draw.report(params)

    def values(self, frame: pd.DataFrame) -> np.ndarray:
        """The (draws x cells) array of the report's cells for a DataFrame of draws."""
        m = self.per_draw
        names = list(frame.columns)
        unknown = [n for n in names if n not in m.targets]
        if unknown:
            raise UncertaintyError(f"unknown uncertain parameters {unknown}; those of "
                                   f"these scenarios are {list(m.targets)}.")
        X = frame.to_numpy(dtype=float)
        D = len(X)
        if D == 0:
            return np.empty((0, len(self.index)))
        draws = {n: X[:, j] for j, n in enumerate(names)}
        with np.errstate(all="ignore"):   # invalid draws are flagged and re-run below
            cells, bad = batch_cells(m.scenarios, m.targets, m.integers, draws, D, m.melt)
            out = _frame(cells, self.index, self.central, D)
        finite_central = np.isfinite(self.central)
        bad |= ~np.isfinite(out[:, finite_central]).all(axis=1)
        for i in np.flatnonzero(bad):
            # the per-draw path raises the precise error, or gives the draw's numbers
            out[i] = m(dict(zip(names, X[i].tolist(), strict=True))).to_numpy(dtype=float)
        central_in = np.array([m.central_value(n) for n in names])
        at_centre = (X == central_in[None, :]).all(axis=1) if names else np.ones(D, bool)
        out[at_centre] = self.central
        return out

    def __call__(self, frame: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame(self.values(frame), index=frame.index, columns=self.index)


def report_batch(scenario: Any = "ussr-1928", later: Any = None, draws: Any = None, *,
                 melt: float | None = None) -> pd.DataFrame:
    """The report's numeric cells for every draw of a DataFrame of parameter values.

    Parameters
    ----------
    scenario, later, melt
        As in :func:`~nonequivalent.report`.
    draws : DataFrame
        One row per draw, one column per uncertain parameter, named as by
        :func:`~nonequivalent.scenario_ranges` (``"workers.hours"``,
        ``"1932:peasants.taxes"``): a table's value is a factor on its every entry.

    Returns
    -------
    DataFrame
        One row per draw; columns the (section, row, column) cells of
        :func:`~nonequivalent.report_cells`, in the same order.

    Raises
    ------
    UncertaintyError
        Unknown parameter names; scenarios the batch path does not compute (a registered
        group kind, another benchmark: use the per-draw loop).
    ScenarioError, NonequivalentError
        A draw the report refuses (the same error as :func:`~nonequivalent.report`).

    Examples
    --------
    >>> import pandas as pd
    >>> import nonequivalent as ne
    >>> d = pd.DataFrame({"workers.hours": [1900.0, 2100.0]})
    >>> out = ne.report_batch("ussr-1928", draws=d)
    >>> out[("workers", "workers.hours", "1928")].tolist()
    [1900.0, 2100.0]
    """
    from .report import _model

    if not isinstance(draws, pd.DataFrame):
        raise UncertaintyError("draws must be a DataFrame: one row per draw, one column per "
                               "uncertain parameter (names as in ne.scenario_ranges).")
    try:  # real numbers only: a complex draw is refused, never cut to its real part
        _real(draws.to_numpy())
    except UncertaintyError as exc:
        raise UncertaintyError(f"draws: {exc}") from None
    except (TypeError, ValueError):
        raise UncertaintyError("draws must be numbers in every cell.") from None
    model = _model(scenario, later, None, melt, names=list(draws.columns))[0]
    reason = why_not_batched(model.scenarios, [t for n in draws.columns
                                               for t in model.targets[n]])
    if reason is not None:
        raise UncertaintyError(f"the batch path cannot compute this report: {reason}; "
                               "use ne.report per draw.")
    return BatchModel(model)(draws)
