"""Plans at national scale: choice of technique over many products (Cockshott's plan).

A :class:`NationalPlan` is the plan of W. P. Cockshott and A. Cottrell, *Towards a New
Socialism* (1993), ch. 3, in the choice-of-technique form of L. V. Kantorovich,
*Mathematical Methods of Organizing and Planning Production* (1939): ``n`` products, ``k``
techniques (each makes one product from inputs of others and labour), a capacity per
technique, one economy-wide labour row and a target bundle ``d``. Choose the activity
levels ``x`` of the techniques and the multiple ``λ`` of the bundle to

    maximize  λ
    subject to  balance[i]:  (P − A) x − λ d >= g      (net output covers λ bundles + g)
                labour:      l·x <= L
                0 <= x_j <= K_j                          (capacity of technique j)

where ``P`` (n x k) has a 1 where technique ``j`` makes product ``i`` and ``A`` (n x k)
holds the inputs per unit of activity. The labour row touches every column: it is what
makes the interior-point normal equations dense, and why large plans are solved by the
first-order method (``method="first-order"``, see :func:`~nonequivalent.planning.solve_lp`).

The program is assembled from sparse arrays with vectorized numpy and scipy operations
only (no Python loop over products or techniques), so building it is a small part of
solving it (``benchmarks/national_plan.py``).

>>> import nonequivalent as ne
>>> plan = ne.NationalPlan.from_table([[0.0, 0.5], [0.0, 0.0]], labour=[1.0, 0.5],
...                                   target=[1.0, 1.0], labour_supply=20.0,
...                                   products=["grain", "steel"])
>>> res = plan.solve(method="simplex")
>>> round(res.multiple, 6)   # a bundle needs 1.5 grain (1 + 0.5 for steel) and 1 steel: 2 h
10.0
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .._results import Result, format_number
from ..errors import InvalidPlanError, LabelMismatchError
from .lp import LinearProgram
from .solution import LPSolution
from .solvers import solve_lp

__all__ = ["NationalPlan", "NationalPlanResult", "synthetic_national_plan"]


def _vector(data: Any, n: int, what: str, *, allow_inf: bool = False,
            default: float | None = None) -> np.ndarray:
    """A float copy of ``n`` non-negative numbers (one number is repeated), read-only."""
    if data is None:
        if default is None:
            raise InvalidPlanError(f"{what} is required.")
        data = default
    try:
        arr = np.array(data, dtype=float).reshape(-1)
    except (TypeError, ValueError) as exc:
        raise InvalidPlanError(f"{what} must hold real numbers ({exc}).") from None
    if arr.size == 1 and n != 1:
        arr = np.full(n, arr[0])
    if arr.shape != (n,):
        raise InvalidPlanError(f"{what} has {arr.size} entries; the plan needs {n}.")
    bad = np.isnan(arr) | (arr < 0) | (~np.isfinite(arr) if not allow_inf else False)
    if bad.any():
        where = np.flatnonzero(bad)[:5].tolist()
        raise InvalidPlanError(f"{what} must be finite and >= 0"
                               f"{' (inf for no limit)' if allow_inf else ''}; "
                               f"check positions {where}.")
    arr.setflags(write=False)
    return arr


def _matrix(data: Any, what: str) -> sp.csc_array:
    """A sparse float copy of a 2-D table (dense or sparse input)."""
    try:
        return (sp.csc_array(data, dtype=float, copy=True) if sp.issparse(data)
                else sp.csc_array(np.atleast_2d(np.asarray(data, dtype=float))))
    except (TypeError, ValueError) as exc:
        raise InvalidPlanError(f"{what} must be a matrix of real numbers ({exc}).") from None


def _positions(data: Any, k: int, n: int, what: str) -> np.ndarray:
    """``k`` whole-number product positions in ``0 .. n-1``."""
    try:
        pof = np.array(data).reshape(-1)
    except (TypeError, ValueError):
        pof = np.array([], dtype=float)
    if pof.shape != (k,) or pof.dtype.kind not in "iu":
        raise InvalidPlanError(f"{what} needs one whole-number product position per "
                               f"technique ({k}), got {pof.size} of type {pof.dtype}.")
    if pof.size and (pof.min() < 0 or pof.max() >= n):
        raise InvalidPlanError(f"{what} must hold positions 0..{n - 1} of the products.")
    return pof.astype(np.int64)


@dataclasses.dataclass(frozen=True, eq=False, init=False, repr=False)
class NationalPlan:
    """A choice-of-technique plan over many products (see the module docstring).

    Parameters
    ----------
    inputs : array-like or scipy.sparse, shape (n, k)
        ``a_ij``: units of product ``i`` used per unit of activity of technique ``j``.
    product_of : array-like of int, shape (k,)
        The product (row position, ``0 <= p < n``) each technique makes, one unit per unit
        of activity.
    labour : array-like, shape (k,)
        Labour per unit of activity (hours, or another one labour unit).
    target : array-like, shape (n,)
        The target bundle ``d`` (at least one positive entry).
    labour_supply : float
        ``L``, the labour available.
    capacity : array-like, shape (k,), optional
        Largest activity of each technique (``inf``: none; default none).
    other_final_use : array-like, shape (n,), optional
        Fixed requirements ``g`` (defence, exports) met before the bundle (default 0).
    products, techniques : sequences of str, optional
        Names (default ``p0, p1 ...`` and ``t0, t1 ...``).
    name : str

    Examples
    --------
    Two techniques for cloth: the second saves labour but has a capacity of 4.

    >>> import nonequivalent as ne
    >>> plan = ne.NationalPlan(inputs=[[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]],
    ...                        product_of=[0, 1, 1], labour=[1.0, 2.0, 1.0],
    ...                        capacity=[float("inf"), float("inf"), 4.0],
    ...                        target=[1.0, 1.0], labour_supply=20.0,
    ...                        products=["grain", "cloth"],
    ...                        techniques=["grain", "cloth (hand)", "cloth (machine)"])
    >>> res = plan.solve(method="simplex")
    >>> round(res.multiple, 6), res.activity.round(6).to_dict()
    (8.0, {'grain': 8.0, 'cloth (hand)': 4.0, 'cloth (machine)': 4.0})
    """

    inputs: sp.csc_array
    product_of: np.ndarray
    labour: np.ndarray
    target: np.ndarray
    labour_supply: float
    capacity: np.ndarray
    other_final_use: np.ndarray
    products: pd.Index
    techniques: pd.Index
    name: str

    def __init__(self, inputs: Any, product_of: Any, labour: Any, target: Any,
                 labour_supply: float, capacity: Any = None, other_final_use: Any = None,
                 products: Sequence[str] | None = None,
                 techniques: Sequence[str] | None = None, name: str = "national plan"
                 ) -> None:
        M = _matrix(inputs, "inputs (n products x k techniques)")
        n, k = M.shape
        if n == 0 or k == 0:
            raise InvalidPlanError("a national plan needs at least one product and one "
                                   "technique (inputs is n products x k techniques).")
        M.sum_duplicates()
        M.eliminate_zeros()
        if not np.isfinite(M.data).all() or (M.data < 0).any():
            raise InvalidPlanError("inputs must be finite and >= 0.")
        pof = _positions(product_of, k, n, "product_of")
        made = np.bincount(pof, minlength=n)
        if (made == 0).any():
            missing = np.flatnonzero(made == 0)[:5].tolist()
            raise InvalidPlanError(f"every product needs a technique that makes it; none "
                                   f"makes products at positions {missing}.")
        lab = _vector(labour, k, "labour")
        d = _vector(target, n, "target bundle")
        if not (d > 0).any():
            raise InvalidPlanError("the target bundle needs at least one positive entry.")
        cap = _vector(capacity, k, "capacity", allow_inf=True, default=np.inf)
        g = _vector(other_final_use, n, "other final use", default=0.0)
        L = _vector(labour_supply, 1, "labour supply")[0]
        pnames = _names(products, n, "p", "products")
        tnames = _names(techniques, k, "t", "techniques")
        for arr in (M.data, M.indices, M.indptr, pof):
            arr.setflags(write=False)
        for attr, val in (("inputs", M), ("product_of", pof), ("labour", lab),
                          ("target", d), ("labour_supply", float(L)), ("capacity", cap),
                          ("other_final_use", g), ("products", pnames),
                          ("techniques", tnames), ("name", str(name))):
            object.__setattr__(self, attr, val)

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_table(cls, A: Any, labour: Any, target: Any, labour_supply: float,
                   capacity: Any = None, products: Sequence[str] | None = None,
                   alternatives: dict[str, Any] | None = None, **kwargs: Any
                   ) -> NationalPlan:
        """One technique per product from an input-output table, plus alternatives.

        Parameters
        ----------
        A : array-like or scipy.sparse, shape (n, n)
            Technical coefficients (the table's own technique of every product).
        labour : array-like, shape (n,)
            Labour per unit of gross output.
        target, labour_supply, capacity
            As for :class:`NationalPlan` (``capacity`` of the table's techniques).
        alternatives : dict, optional
            Further techniques: ``inputs`` (n x k'), ``product_of`` (k'), ``labour`` (k'),
            optional ``capacity`` (k') and ``names``.
        **kwargs
            ``other_final_use``, ``name``.

        Examples
        --------
        With one technique per product, ``λ = L / (l (I − A)^-1 d)`` (W. Leontief,
        *Input-Output Economics*, 1966): here the bundle costs 2 hours.

        >>> import nonequivalent as ne
        >>> plan = ne.NationalPlan.from_table([[0.0, 0.5], [0.0, 0.0]], [1.0, 0.5],
        ...                                   target=[1.0, 1.0], labour_supply=20.0)
        >>> round(plan.solve(method="simplex").multiple, 6)
        10.0
        """
        from ..core.economy import Economy

        if isinstance(A, Economy):
            raise InvalidPlanError("give an Economy to NationalPlan.from_economy, not "
                                   "from_table.")
        M = _matrix(A, "the table's coefficients A")
        n = M.shape[0]
        if M.shape != (n, n):
            raise InvalidPlanError(f"the table's coefficients must be square, got {M.shape}.")
        pof = np.arange(n)
        lab = _vector(labour, n, "labour")
        cap = _vector(capacity, n, "capacity", allow_inf=True, default=np.inf)
        pnames = _names(products, n, "p", "products")
        tnames = list(pnames)
        if alternatives:
            if not isinstance(alternatives, Mapping):
                raise InvalidPlanError("alternatives is a mapping with inputs, product_of, "
                                       f"labour (and capacity, names); got "
                                       f"{type(alternatives).__name__}.")
            keys = {"inputs", "product_of", "labour", "capacity", "names"}
            unknown = set(alternatives) - keys
            missing = {"inputs", "product_of", "labour"} - set(alternatives)
            if unknown or missing:
                raise InvalidPlanError(f"alternatives take inputs, product_of, labour, "
                                       f"capacity and names; unknown {sorted(unknown)}, "
                                       f"missing {sorted(missing)}.")
            Malt = _matrix(alternatives["inputs"], "alternative inputs")
            if Malt.shape[0] != n:
                raise InvalidPlanError(f"alternative inputs need {n} rows (products), got "
                                       f"{Malt.shape[0]}.")
            k2 = Malt.shape[1]
            M = sp.hstack([M, Malt], format="csc")
            apof = _positions(alternatives["product_of"], k2, n, "alternatives' product_of")
            pof = np.concatenate([pof, apof])
            lab = np.concatenate([lab, _vector(alternatives["labour"], k2,
                                               "alternatives' labour")])
            cap = np.concatenate([cap, _vector(alternatives.get("capacity"), k2,
                                               "alternatives' capacity", allow_inf=True,
                                               default=np.inf)])
            names = alternatives.get("names")
            tnames += (list(map(str, names)) if names is not None
                       else [f"{pnames[p]} (alternative {j})"
                             for j, p in enumerate(apof.tolist())])
        return cls(M, pof, lab, target, labour_supply, capacity=cap, products=pnames,
                   techniques=tnames, **kwargs)

    @classmethod
    def from_economy(cls, economy: Any, target: Any, labour_supply: float | None = None,
                     capacity: Any = None, labour_kind: Any = None, **kwargs: Any
                     ) -> NationalPlan:
        """The plan of an :class:`~nonequivalent.Economy` (one technique per sector).

        ``target`` and ``capacity`` may be Series or mappings by sector (missing sectors: 0
        in the target, no limit in the capacity). The labour row is the one labour kind
        ``labour_kind`` (default: the economy's only kind, or their sum when there are
        several). ``labour_supply`` defaults to the hours that the economy's final demand
        needs (so that ``λ = 1`` reproduces it when the target is that final demand).
        """
        from ..core.economy import Economy

        if not isinstance(economy, Economy):
            raise InvalidPlanError("from_economy needs a nonequivalent.Economy.")
        sectors = economy.sectors
        if labour_kind is None:
            lab = np.asarray(economy.labour, dtype=float).sum(axis=0)
        elif labour_kind in economy.labour_kinds:
            lab = np.asarray(economy.labour, dtype=float)[
                economy.labour_kinds.get_loc(labour_kind)]
        else:
            raise LabelMismatchError(f"labour kind {labour_kind!r} is not one of "
                                     f"{list(economy.labour_kinds)}.")

        def by_sector(data: Any, fill: float, what: str) -> Any:
            if isinstance(data, Mapping | pd.Series):
                try:
                    s = pd.Series(data, dtype=float)
                except (TypeError, ValueError) as exc:
                    raise InvalidPlanError(f"{what} must map sectors to real numbers "
                                           f"({exc}).") from None
                unknown = [str(i) for i in s.index if i not in sectors][:5]
                if unknown:
                    raise LabelMismatchError(f"{what}: unknown sectors {unknown}.")
                return s.reindex(sectors, fill_value=fill).to_numpy(float)
            return data

        d = by_sector(target, 0.0, "target")
        if labour_supply is None:
            if economy.final_demand is None:
                raise InvalidPlanError("labour_supply is required when the economy carries "
                                       "no final demand.")
            y = economy.final_demand.to_numpy(float)
            labour_supply = float(lab @ economy.gross_output(y).to_numpy(float))
        return cls.from_table(economy.A, lab, d, labour_supply,
                              capacity=by_sector(capacity, np.inf, "capacity"),
                              products=[str(s) for s in sectors], **kwargs)

    # ------------------------------------------------------------------ the program
    @property
    def shape(self) -> tuple[int, int]:
        """``(products, techniques)``."""
        return self.inputs.shape

    def __repr__(self) -> str:
        n, k = self.shape
        return (f"NationalPlan({self.name!r}: {n} products, {k} techniques, "
                f"{self.inputs.nnz} input coefficients)")

    def to_lp(self) -> LinearProgram:
        """The linear program (rows ``balance[product]`` and ``labour``).

        Columns are ``activity[technique]`` and ``target multiple``; built by sparse
        array operations (``P − A`` from the ``product_of`` positions, the ``−d`` column
        and the labour row stacked with :func:`scipy.sparse.bmat`).
        """
        n, k = self.shape
        P = sp.csc_array((np.ones(k), (self.product_of, np.arange(k))), shape=(n, k))
        net = (P - self.inputs).tocsr()
        d = -self.target[self.target != 0]
        dcol = sp.csr_array((d, (np.flatnonzero(self.target), np.zeros(d.size, int))),
                            shape=(n, 1))
        lrow = sp.csr_array(self.labour.reshape(1, k))
        A = sp.bmat([[net, dcol], [lrow, None]], format="csr")
        inf = np.inf
        row_lower = np.concatenate([self.other_final_use, [-inf]])
        row_upper = np.concatenate([np.full(n, inf), [self.labour_supply]])
        c = np.zeros(k + 1)
        c[k] = 1.0
        row_names = np.char.add(np.char.add("balance[", self.products.to_numpy(str)), "]")
        col_names = np.char.add(np.char.add("activity[", self.techniques.to_numpy(str)), "]")
        return LinearProgram(c, A, row_lower, row_upper,
                             np.zeros(k + 1), np.concatenate([self.capacity, [inf]]),
                             [*row_names.tolist(), "labour"],
                             [*col_names.tolist(), "target multiple"], sense="max",
                             name=self.name)

    def solve(self, solver: str = "highs-direct", **options: Any) -> NationalPlanResult:
        """Build and solve; options as :func:`~nonequivalent.planning.solve_lp`.

        The default backend passes the sparse matrices to HiGHS in one call; the method
        is chosen by :func:`~nonequivalent.planning.solve_lp` (first-order above its
        documented size or with the dense labour row).
        """
        import inspect
        import time

        allowed = [p for p in inspect.signature(solve_lp).parameters
                   if p not in ("lp", "solver")]
        unknown = sorted(set(options) - set(allowed))
        if unknown:
            raise InvalidPlanError(f"unknown solve options {unknown}; solve takes the "
                                   f"solver and {', '.join(allowed)}.")
        t0 = time.perf_counter()
        lp = self.to_lp()
        build = time.perf_counter() - t0
        sol = solve_lp(lp, solver, **options)
        return NationalPlanResult(self, sol, build)


def _names(names: Sequence[str] | None, n: int, prefix: str, what: str) -> pd.Index:
    if names is None:
        out = np.char.add(prefix, np.arange(n).astype(str)).tolist()
    else:
        out = [str(s) for s in names]
    if len(out) != n:
        raise InvalidPlanError(f"{len(out)} {what} names for {n} {what}; give one each.")
    idx = pd.Index(out, dtype=object, name=what[:-1])
    if not idx.is_unique:
        raise InvalidPlanError(f"{what} names must be unique.")
    return idx


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class NationalPlanResult(Result):
    """The solved national plan: the multiple of the bundle, activities and valuations.

    Attributes
    ----------
    plan : NationalPlan
    solution : LPSolution
        The solved program; ``solution.status`` is ``"optimal"`` (a vertex, or an
        interior point of the optimal face) or ``"approximately optimal"`` (first-order
        method, with its measured residuals).
    build_seconds : float
        Time to assemble the linear program.
    """

    plan: NationalPlan
    solution: LPSolution
    build_seconds: float

    _title = "National plan"

    @property
    def multiple(self) -> float:
        """``λ``, the number of target bundles the plan delivers."""
        return float(self.solution.x[-1]) + 0.0     # + 0.0: no -0 when nothing is made

    @property
    def approximate(self) -> bool:
        """Whether the plan and its valuations come from the first-order method."""
        return self.solution.approximate

    @property
    def activity(self) -> pd.Series:
        """Activity level of every technique."""
        return pd.Series(self.solution.x[:-1], index=self.plan.techniques, name="activity")

    @property
    def output(self) -> pd.Series:
        """Gross output of every product (sum over the techniques that make it)."""
        n = self.plan.shape[0]
        out = np.bincount(self.plan.product_of, weights=self.solution.x[:-1], minlength=n)
        return pd.Series(out, index=self.plan.products, name="output")

    @property
    def valuations(self) -> pd.Series:
        """Kantorovich's valuations of the products, ``−y`` of the balance rows (``>= 0``).

        The gain in ``λ`` per extra unit of a product made available (L. V. Kantorovich,
        *The Best Use of Economic Resources*, 1959, ch. 3). From the first-order method
        they are approximate (the Series is named ``"approximate valuation"``).
        """
        n = self.plan.shape[0]
        v = -np.asarray(self.solution.shadow_prices[:n]) + 0.0
        name = "approximate valuation" if self.approximate else "valuation"
        return pd.Series(v, index=self.plan.products, name=name)

    @property
    def labour_valuation(self) -> float:
        """Gain in ``λ`` per extra hour of labour (the labour row's dual, ``>= 0``)."""
        return float(self.solution.shadow_prices[-1])

    def key_figures(self, timing: bool = False) -> list[tuple[str, Any, str]]:
        """The multiple and the size; with ``timing`` the build and solve times (shown
        only when asked: they change run to run)."""
        n, k = self.plan.shape
        out = [("target multiple", self.multiple, ""), ("products", n, ""),
               ("techniques", k, "")]
        if timing:
            out += [("build time", self.build_seconds, "s"),
                    ("solve time", self.solution.solve_seconds, "s")]
        return out

    def to_frame(self) -> pd.DataFrame:
        """By product: output, target bundle and valuation."""
        v = self.valuations
        return pd.DataFrame({"output": self.output,
                             "target": pd.Series(self.plan.target, index=self.plan.products),
                             v.name: v})

    def __repr__(self) -> str:
        n, k = self.plan.shape
        return (f"NationalPlanResult({self.plan.name!r}: λ = {format_number(self.multiple)}, "
                f"{n} products, {k} techniques, {self.solution.status})")

    def summary(self, timing: bool = False) -> str:
        """A printable report: λ, the status, the most valued products (the same on every
        run; ``timing=True`` adds the build and solve times)."""
        v = self.valuations
        top = v.sort_values(ascending=False).head(8)
        lines = [self.title,
                 f"{self.plan.name}: {format_number(self.multiple)} target bundles "
                 f"({self.solution.status})",
                 f"labour valuation: {format_number(self.labour_valuation)} bundles per "
                 "unit of labour",
                 f"most valued products ({v.name}, bundles per unit):",
                 top.map(format_number).to_string(),
                 *([f"build {format_number(self.build_seconds, 's')}"] if timing else []),
                 self.solution.summary(timing)]
        return "\n".join(lines)

    __str__ = summary


def synthetic_national_plan(n: int, techniques: int = 2, inputs_per_technique: int = 6,
                            seed: int = 0) -> NationalPlan:
    """A seeded random choice-of-technique plan of ``n`` products (for benchmarks).

    Every product has ``techniques`` techniques; each draws ``inputs_per_technique``
    input products at random, with coefficients scaled so that every technique uses
    inputs worth at most 0.6 of a unit of its product (a productive economy; Hawkins and
    Simon 1949). The first technique of each product uses more labour (U(1, 2) hours)
    and has no capacity limit; the others use less (U(0.3, 1)) but have a capacity of
    U(0.2, 1) of the product's target share of output, so that the choice matters. The
    target bundle is U(0.5, 1.5) per product and the labour supply is ``n`` hours.

    Built with vectorized numpy (no loop over products).

    >>> from nonequivalent.planning import synthetic_national_plan
    >>> plan = synthetic_national_plan(1000, seed=1)
    >>> plan.shape, plan.inputs.nnz <= 2000 * 6
    ((1000, 2000), True)
    """
    if not isinstance(n, int | np.integer) or n < 2:
        raise InvalidPlanError(f"n must be a whole number >= 2, got {n!r}.")
    if not isinstance(techniques, int | np.integer) or techniques < 1:
        raise InvalidPlanError(f"techniques must be a whole number >= 1, got {techniques!r}.")
    if (not isinstance(inputs_per_technique, int | np.integer)
            or isinstance(inputs_per_technique, bool) or inputs_per_technique < 0):
        raise InvalidPlanError(f"inputs_per_technique must be a whole number >= 0, got "
                               f"{inputs_per_technique!r}.")
    if not isinstance(seed, int | np.integer) or isinstance(seed, bool) or seed < 0:
        raise InvalidPlanError(f"seed must be a whole number >= 0, got {seed!r}.")
    m = min(int(inputs_per_technique), n - 1)
    rng = np.random.default_rng(seed)
    k = n * techniques
    pof = np.tile(np.arange(n), techniques)
    rows = rng.integers(0, n - 1, size=(k, m))
    rows += rows >= pof[:, None]  # no product is its own input
    vals = rng.uniform(0.0, 1.0, size=(k, m))
    vals *= rng.uniform(0.2, 0.6, size=(k, 1)) / vals.sum(axis=1, keepdims=True)
    cols = np.repeat(np.arange(k), m)
    inputs = sp.csc_array((vals.ravel(), (rows.ravel(), cols)), shape=(n, k))
    labour = np.concatenate([rng.uniform(1.0, 2.0, n),
                             rng.uniform(0.3, 1.0, k - n)])
    target = rng.uniform(0.5, 1.5, n)
    capacity = np.concatenate([np.full(n, np.inf),
                               rng.uniform(0.2, 1.0, k - n) * np.tile(target, techniques - 1)])
    return NationalPlan(inputs, pof, labour, target, float(n), capacity=capacity,
                        name=f"synthetic plan ({n:,} products)")
