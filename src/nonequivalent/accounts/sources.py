"""The sources of accumulation: the change in the accumulation fund between two periods.

Between two periods (e.g. 1928 and 1932) the change in the state's accumulation fund (the
state's row of a surplus account, :mod:`nonequivalent.accounts`) is split exactly among its
sources by the Shapley value. Every group contributes its own factors (peasants: price
policy, marketings, taxes; workers: the wage and retail prices as one factor when the wage
is derived from the basket, otherwise real wage, money wage and retail margins, and
employment; households: extra earners; a new kind: what it declares). This is the question of
A. A. Barsov (1969), M. Ellman (*Economic Journal* 85, 1975, 844–864) and M. Harrison
(*Journal of Development Studies* 22(1), 1985, 81–103).

The fund is a sum of the groups' parts, and each part depends only on the factors it reads
(:meth:`~nonequivalent.GroupKind.reads`). The Shapley value is linear in the function and
gives zero to a factor a function does not read, so the decomposition of the sum is the sum
of each part's decomposition over its own factors: exact, with ``2^k`` evaluations per
group (``k`` = the factors it reads) instead of ``2^K`` for all ``K`` factors together.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result, format_number
from .._validation import as_float, require_finite
from ..core.economy import Economy
from ..errors import InvalidGroupError, InvalidPriceError
from ..exchange.account import Benchmark
from ..groups import GroupKind, State, account_context

__all__ = [
    "FACTORS",
    "SourcesOfAccumulation",
    "group_sources",
    "reattribute",
    "shapley_decomposition",
]

#: Factors of :func:`sources_of_accumulation` (the classic three groups) and their group.
FACTORS: dict[str, str] = {
    "price policy": "peasants",        # actual prices p of the peasants' exchange
    "marketings": "peasants",          # quantities the peasants sell and buy
    "taxes": "peasants",               # direct taxes on the peasants
    "wage and retail prices": "workers",   # basket b and retail prices p_r, w = p_r·b
    "real wage": "workers",            # the per-worker basket b (money wage stated in code)
    "money wage": "workers",           # w (stated in code)
    "retail margins": "workers",       # retail prices p_r (money wage stated in code)
    "employment": "workers",           # one-earner workforce N − X and hours h
    "extra earners": "two-earner households",  # X = H (m1 − m0) and h_f
}

#: A change in the fund smaller than this fraction of the funds' scale counts as zero:
#: shares would be dominated by rounding and are reported as undefined.
ZERO_CHANGE_RTOL = 1e-9


#: How the change in the fund is split (the method of :class:`SourcesOfAccumulation`).
SHAPLEY_METHOD = "Shapley value over factors (Shorrocks 2013, J. Econ. Inequality 11: 99-126)"

#: Most factors :func:`shapley_decomposition` takes: it evaluates the function ``2^k``
#: times, so 16 factors already mean 65,536 evaluations (each a full account here).
MAX_SHAPLEY_FACTORS = 16


def _fmt(x: float) -> str:
    return format_number(x)


def _pct(share: float) -> str:
    return format_number(100 * share, "%")


# ============================================================================ Shapley
def shapley_decomposition(func: Callable[[dict[str, Any]], float],
                          base: Mapping[str, Any], later: Mapping[str, Any]) -> pd.Series:
    """Exact Shapley decomposition of ``func(later) − func(base)`` over named factors.

    Factor ``i`` gets the average, over all orders in which the factors could switch from
    their base to their later values, of the change in ``func`` when ``i`` switches:
    ``φ_i = Σ_{S ⊆ K∖{i}} |S|! (k − |S| − 1)! / k! · [F(S ∪ {i}) − F(S)]``, where ``F(S)``
    evaluates ``func`` with the factors in ``S`` at their later values and the rest at base.
    The contributions add up exactly to the total change for any function (interaction
    terms are shared out, not lost); a factor whose value does not change gets zero.

    Parameters
    ----------
    func : callable
        Takes a dict ``{factor: value}`` and returns a number.
    base, later : mapping
        Factor values in the two periods (the same keys). ``func`` is evaluated
        ``2^k`` times for ``k`` factors.

    Returns
    -------
    pandas.Series
        Contribution of each factor, in the order of ``base``.

    Raises
    ------
    InvalidGroupError
        ``base`` and ``later`` name different factors; more than
        :data:`MAX_SHAPLEY_FACTORS` factors (``2^k`` evaluations); ``func`` returns
        something that is not a finite real number.

    Notes
    -----
    A. F. Shorrocks, "Decomposition procedures for distributional analysis: a unified
    framework based on the Shapley value", *Journal of Economic Inequality* 11 (2013),
    99–126; L. S. Shapley, "A value for n-person games" (1953).

    Examples
    --------
    ``F = x·y`` from ``(1, 1)`` to ``(2, 3)``: the change 5 splits as
    ``φ_x = ½[(2·1 − 1) + (2·3 − 3)] = 2`` and ``φ_y = ½[(3 − 1) + (6 − 2)] = 3``.

    >>> import nonequivalent as ne
    >>> ne.shapley_decomposition(lambda f: f["x"] * f["y"], {"x": 1, "y": 1},
    ...                          {"x": 2, "y": 3}).to_dict()
    {'x': 2.0, 'y': 3.0}
    """
    names = list(base.keys())
    if set(names) != set(later.keys()):
        raise InvalidGroupError(
            f"base and later must name the same factors; got {sorted(map(str, names))} and "
            f"{sorted(map(str, later.keys()))}.")
    k = len(names)
    if k > MAX_SHAPLEY_FACTORS:
        raise InvalidGroupError(
            f"the Shapley decomposition takes at most {MAX_SHAPLEY_FACTORS} factors "
            f"(it evaluates the function 2^k times: 2^{k} = {1 << k:,} for {k} factors); "
            "group factors together or decompose in stages.")
    values: dict[int, float] = {}
    for mask in range(1 << k):
        args = {n: (later[n] if mask >> i & 1 else base[n]) for i, n in enumerate(names)}
        val = as_float(func(args), "the decomposed function's value", InvalidGroupError)
        if not math.isfinite(val):
            raise InvalidGroupError(
                f"the decomposed function returned {val} for factors "
                f"{[n for i, n in enumerate(names) if mask >> i & 1]} at their later values.")
        values[mask] = val
    phi = shapley_split([values[mask] for mask in range(1 << k)])
    return pd.Series(phi, index=pd.Index(names, name="factor"), name="contribution")


def shapley_split(values: Any) -> np.ndarray:
    """Shapley contributions from the ``2^k`` evaluations of a function.

    ``values[mask]`` is the function with the factors whose bit is set in ``mask`` at
    their later values (bit ``i`` for factor ``i``), a number or an array (e.g. one value
    per draw). Returns ``φ`` of shape ``(k, …)``: ``φ_i = Σ_{S ∌ i} |S|! (k − |S| − 1)! /
    k! · [F(S ∪ {i}) − F(S)]`` (Shapley 1953; Shorrocks, *J. Econ. Inequality* 11, 2013).
    Used by :func:`shapley_decomposition` and by the batch report.
    """
    n = len(values)
    k = n.bit_length() - 1
    if n != 1 << k:
        raise InvalidGroupError(f"the Shapley split needs 2^k evaluations; got {n}.")
    weights = [math.factorial(s) * math.factorial(k - s - 1) / math.factorial(k)
               for s in range(k)]
    phi = []
    for i in range(k):
        bit = 1 << i
        total = 0.0
        for mask in range(1 << k):
            if mask & bit:
                continue
            total = total + weights[mask.bit_count()] * (values[mask | bit] - values[mask])
        phi.append(total)
    return np.array(phi, dtype=float).reshape((k, *np.shape(values[0])))


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class SourcesOfAccumulation(Result):
    """The change in the accumulation fund between two periods, by source.

    Attributes
    ----------
    measure : str
        ``"hours"`` or ``"money"`` (at the benchmark, one hour = :attr:`melt`).
    benchmark : str
        Name of the benchmark.
    melt : float
        ``μ`` used for money figures (fixed across periods).
    base_label, later_label : str
        Period names.
    base_fund, later_fund, change : float
        The fund in each period and ``later − base``.
    contributions : pandas.Series
        Shapley contribution of each factor; they sum to ``change``. Labelled by factor
        (``"real wage"``), or ``"factor (group)"`` where several groups have the factor.
    by_group : pandas.Series
        Contributions summed by group (by group label).
    shares, group_shares : pandas.Series
        Contributions divided by their sum; they sum to one. NaN when
        :attr:`shares_defined` is false.
    shares_defined : bool
        False when the fund did not change (``|change|`` at most
        :data:`ZERO_CHANGE_RTOL` of the funds' scale): shares of a zero change are
        undefined.
    residual : float
        ``change − Σ contributions`` (rounding only).
    method : str
        The decomposition used.

    Examples
    --------
    >>> import dataclasses
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    >>> base = ne.Period({"grain": 1.0, "cloth": 1.0},
    ...                  ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 8}),
    ...                  ne.Worker(8, 4, {"grain": 2, "cloth": 2}), n_workers=10)
    >>> later = dataclasses.replace(base, n_workers=20)
    >>> res = ne.sources_of_accumulation(eco, ne.labour_value_benchmark(eco), base, later)
    >>> row = res.to_frame().loc["employment"]
    >>> row["group"], float(row["contribution"]), float(row["share"])
    ('workers', 40.0, 1.0)
    """

    measure: str
    benchmark: str
    melt: float
    base_label: str
    later_label: str
    base_fund: float
    later_fund: float
    change: float
    contributions: pd.Series
    by_group: pd.Series
    shares: pd.Series
    group_shares: pd.Series
    shares_defined: bool
    residual: float
    method: str = SHAPLEY_METHOD
    #: Group label of each factor (same index as ``contributions``).
    groups: pd.Series = dataclasses.field(default=None, repr=False)
    #: Machine key ``<group key>.<factor>`` of each factor (snake_case).
    keys: pd.Series = dataclasses.field(default=None, repr=False)

    _title = "Sources of accumulation"

    @property
    def unit(self) -> str:
        """``"hours"`` or ``"money"`` (at the benchmark)."""
        return "hours" if self.measure == "hours" else "money"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """The funds of both periods, the change, the number of factors."""
        return [(f"fund {self.base_label}", self.base_fund, self.unit),
                (f"fund {self.later_label}", self.later_fund, self.unit),
                ("change", self.change, self.unit),
                ("factors", len(object.__getattribute__(self, "contributions")), "")]

    def benchmark_name(self) -> str:
        """Measure and benchmark."""
        unit = "hours" if self.measure == "hours" else (
            f"money at the benchmark, one hour = {format_number(self.melt)}")
        return f"{unit}; benchmark '{self.benchmark}'"

    def units(self) -> dict[str, str]:
        """The contributions' unit."""
        return {"contribution": self.unit}

    def to_frame(self) -> pd.DataFrame:
        """Factors with their group, contribution and share."""
        df = pd.DataFrame({"group": self.groups,
                           "contribution": self.contributions, "share": self.shares})
        df.index.name = "factor"
        df.attrs.update(measure=self.measure, benchmark=self.benchmark, method=self.method)
        return df

    def summary_lines(self) -> list[str]:
        """The periods, the method, the funds, and the contributions by group."""
        lines = [f"{self.base_label} -> {self.later_label}",
                 f"  method: {self.method}",
                 f"  fund {_fmt(self.base_fund)} -> {_fmt(self.later_fund)}, change "
                 f"{_fmt(self.change)} {self.unit}", ""]
        groups, shares, gshares = self.groups, self.shares, self.group_shares
        for grp, val in self.by_group.items():
            share = _pct(gshares[grp]) if self.shares_defined else "n/a"
            lines.append(f"  {grp:<24}{_fmt(val):>14} {share:>9}")
            for fac, c in self.contributions.items():
                if groups[fac] == grp:
                    sh = _pct(shares[fac]) if self.shares_defined else "n/a"
                    lines.append(f"    {fac:<22}{_fmt(c):>14} {sh:>9}")
        if not self.shares_defined:
            lines.append("  shares undefined: the accumulation fund did not change")
        return lines


def change_shares(parts: Any, f0: Any, f1: Any, total: Any = None,
                  defined: Any = None) -> tuple[Any, Any, Any]:
    """The total of the contributions, whether shares of it are defined, and the shares.

    ``parts`` has the contributions (or group totals) on its first axis, and any draws
    after it; ``f0``, ``f1`` are the funds. Shares are undefined (NaN) when the change is
    at most :data:`ZERO_CHANGE_RTOL` of the scale ``max(|f0|, |f1|, max |φ|)``: rounding
    would dominate them. Pass ``total`` and ``defined`` to share other parts of the same
    change (the group totals). Shorrocks (2013) for the decomposition; used by
    :func:`group_sources` and the batch report.
    """
    parts = np.asarray(parts, dtype=float)
    if total is None:
        total = parts.sum(axis=0)
        biggest = np.abs(parts).max(axis=0) if len(parts) else 0.0
        scale = np.maximum(np.maximum(np.abs(f0), np.abs(f1)), biggest)
        defined = (scale > 0) & (np.abs(total) > ZERO_CHANGE_RTOL * scale)
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = np.where(defined, parts / total, np.nan)
    return total, defined, shares


def _key(text: str) -> str:
    return "_".join(text.lower().replace("-", " ").split())


@np.errstate(over="ignore", invalid="ignore")    # overflow is caught by require_finite
def group_sources(economy: Economy, benchmark: Benchmark, base_prices: Any,
                  base_groups: Iterable[GroupKind], later_prices: Any,
                  later_groups: Iterable[GroupKind], measure: str = "hours",
                  melt: float | None = None, spend_income: bool = False,
                  labels: tuple[str, str] = ("base", "later")) -> SourcesOfAccumulation:
    """Decompose the change in the accumulation fund between two periods, for N groups.

    Each group's part of the fund (:meth:`~nonequivalent.GroupKind.fund_part`) is split
    among the factors it reads by the exact Shapley value (:func:`shapley_decomposition`),
    and the splits are added (see the module documentation for why this is exact).

    Parameters
    ----------
    economy, benchmark
        Technology and benchmark prices, both held fixed.
    base_prices, later_prices : Series or mapping
        Actual prices in each period.
    base_groups, later_groups : iterable of GroupKind
        The same group keys (and kinds) in both periods.
    measure : {"hours", "money"}
    melt : float, optional
        ``μ`` for money; default from the base period (held fixed).
    spend_income : bool
        Purchases follow incomes.
    labels : (str, str)
        Names of the periods.

    Returns
    -------
    SourcesOfAccumulation

    Raises
    ------
    InvalidGroupError
        Unknown ``measure``; the periods have different groups.

    Notes
    -----
    Shorrocks (2013), *J. Econ. Inequality* 11, 99–126; Shapley (1953).

    Examples
    --------
    >>> import dataclasses
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    >>> w = ne.WorkerCategory(name="workers", number=10, hours=8, base_basket={"grain": 4})
    >>> res = ne.group_sources(eco, ne.labour_value_benchmark(eco, melt=1.0),
    ...                        {"grain": 1.0, "cloth": 1.0}, [w], {"grain": 1.0, "cloth": 1.0},
    ...                        [dataclasses.replace(w, real_wage_cut=0.5)])
    >>> res.contributions.to_dict()["wage and retail prices"], float(res.shares.sum())
    (20.0, 1.0)
    """
    if measure not in ("hours", "money"):
        raise InvalidGroupError(f"measure must be 'hours' or 'money', got {measure!r}.")
    if not isinstance(benchmark, Benchmark):
        raise InvalidPriceError("benchmark must be a Benchmark; got "
                                f"{type(benchmark).__name__}.")
    ctx0 = account_context(economy, base_prices, benchmark, base_groups, melt, spend_income)
    ctx1 = account_context(economy, later_prices, benchmark, later_groups, ctx0.melt,
                           spend_income)
    g0, g1 = ctx0.groups, ctx1.groups
    if list(g0) != list(g1) or any(type(g0[k]) is not type(g1[k]) for k in g0) \
            or any(g0[k].factor_names() != g1[k].factor_names() for k in g0):
        raise InvalidGroupError(
            f"the two periods must have the same groups (keys, kinds and factors: a "
            f"worker category derives its money wage in both or states it in both); got "
            f"{[(k, g.kind) for k, g in g0.items()]} and "
            f"{[(k, g.kind) for k, g in g1.items()]}.")
    v0 = {(k, f): v for k, g in g0.items() for f, v in g.factors(ctx0).items()}
    v1 = {(k, f): v for k, g in g1.items() for f, v in g.factors(ctx1).items()}
    order = [(k, f) for k, g in g0.items() for f in g.factor_names()]
    contrib = dict.fromkeys(order, 0.0)
    f0 = f1 = 0.0
    for _k, g in g0.items():
        reads = [r for r in g.reads(g0) if r in v0]
        if not reads:
            continue
        names = [f"{a}|{b}" for a, b in reads]

        def part(flags: Mapping[str, bool], g: GroupKind = g,
                 reads: list = reads) -> float:
            def factor(key: str, name: str) -> Any:
                return (v1 if flags[f"{key}|{name}"] else v0)[(key, name)]
            return g.fund_part(ctx0, factor, measure)

        phi = shapley_decomposition(part, dict.fromkeys(names, False),
                                    dict.fromkeys(names, True))
        for (a, b), val in zip(reads, phi.to_numpy(), strict=True):
            contrib[(a, b)] = contrib.get((a, b), 0.0) + float(val)
        f0 += part(dict.fromkeys(names, False))
        f1 += part(dict.fromkeys(names, True))
    count: dict[str, int] = {}
    for _, f in order:
        count[f] = count.get(f, 0) + 1
    idx = [f if count[f] == 1 else f"{f} ({g0[k].label})" for k, f in order]
    index = pd.Index(idx, name="factor")
    contributions = pd.Series([contrib[o] for o in order], index=index, name="contribution")
    group_of = pd.Series([g0[k].label for k, _ in order], index=index, name="group")
    keys = pd.Series([f"{k}.{_key(f)}" for k, f in order], index=index, name="key")
    glabels = [g.label for g in g0.values()
               if not isinstance(g, State) and g.factor_names()]
    groups = pd.Index(glabels, name="group")
    by_group = contributions.groupby(group_of).sum().reindex(groups).rename("contribution")
    require_finite(np.array([f0, f1]), "the accumulation fund of the two periods")
    require_finite(contributions, "the contributions to the change in the fund")
    change = f1 - f0
    C = contributions.to_numpy()
    total, defined, share = change_shares(C, f0, f1)
    _, _, gshare = change_shares(by_group.to_numpy(), f0, f1, total=total, defined=defined)
    defined = bool(defined)
    total = float(total)
    shares = pd.Series(share, index=index, name="share")
    gshares = pd.Series(gshare, index=groups, name="share")
    return SourcesOfAccumulation(
        measure=measure, benchmark=benchmark.name, melt=ctx0.melt, base_label=labels[0],
        later_label=labels[1], base_fund=f0, later_fund=f1, change=change,
        contributions=contributions, by_group=by_group, shares=shares, group_shares=gshares,
        shares_defined=bool(defined), residual=change - total, groups=group_of, keys=keys)


def reattribute(sources: SourcesOfAccumulation, factor_key: str,
                group_label: str) -> SourcesOfAccumulation:
    """The same decomposition with one factor credited to another group.

    The Shapley contributions are unchanged; only the group a factor is counted with moves,
    and the totals by group follow. Used for the employment factor: the surplus of newly
    hired workers, most of them peasant migrants, can be counted with the workers or as
    mobilised peasant labour, the form of primary accumulation Harrison (*Journal of
    Development Studies* 22(1), 1985, 81–103) found more decisive than the mobilisation of
    products.

    Parameters
    ----------
    sources : SourcesOfAccumulation
    factor_key : str
        The factor's machine key, ``"<group key>.<factor>"`` (e.g. ``"workers.employment"``).
    group_label : str
        The label of the group to credit (one of ``sources.by_group``'s).

    Raises
    ------
    InvalidGroupError
        Unknown factor key or group label.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> from nonequivalent import scenarios
    >>> s = scenarios.pair().sources_of_accumulation()
    >>> t = reattribute(s, "workers.employment", "peasants")
    >>> round(100 * float(t.group_shares["peasants"]), 1)
    51.0
    """
    keys = sources.keys
    hits = [i for i in keys.index if keys[i] == factor_key]
    if not hits:
        raise InvalidGroupError(f"unknown factor {factor_key!r}; factors: {list(keys)}.")
    if group_label not in sources.by_group.index:
        raise InvalidGroupError(f"unknown group {group_label!r}; groups: "
                                f"{list(sources.by_group.index)}.")
    groups = sources.groups.copy()
    groups[hits[0]] = group_label
    by_group = sources.contributions.groupby(groups).sum().reindex(
        sources.by_group.index).rename("contribution")
    total = float(sources.contributions.sum())
    gshares = (by_group / total).rename("share") if sources.shares_defined else \
        sources.group_shares
    return dataclasses.replace(sources, groups=groups, by_group=by_group,
                               group_shares=gshares)
