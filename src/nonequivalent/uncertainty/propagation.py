"""Uncertainty: ranges become distributions, draws run through a model, results become intervals.

Historians disagree about harvests, real wages, procurement and employment, and every
calibration assumption has a plausible range. This module carries such ranges through any
model: each uncertain parameter is a :class:`ParameterRange` (low, central, high and a
shape), draws of all parameters are taken with :mod:`scipy.stats.qmc` (Latin hypercube,
scrambled Sobol' or plain random), the model is evaluated once per draw (or once per batch
of draws when it is vectorized) and the result, a frozen :class:`Propagation`, gives for
every labelled number the central value, the mean, percentiles and the probability of any
event stated as a function of the model's output.

The engine is generic: a model is any function of a parameter set (a ``dict`` of floats, or
a ``DataFrame`` of draws when ``vectorized=True``) that returns labelled numbers (a
``Series``, a ``DataFrame``, a mapping of numbers). It runs locally or on a Dask cluster
(``scheduler=`` a ``distributed.Client`` or a scheduler address; install with
``pip install ".[dask]"`` from a clone). Draws are taken in chunks of fixed size
(:data:`CHUNK`), chunk ``k`` from the ``k``-th child of ``numpy.random.SeedSequence(seed)``,
and evaluated in tasks whose size depends on the number of draws alone
(:func:`task_bounds`), so the same seed gives the same numbers whatever the number of
workers.

Sources: Latin hypercube sampling, McKay, Beckman & Conover, *Technometrics* 21 (1979);
Sobol' sequences, Sobol', *USSR Comput. Math. Math. Phys.* 7 (1967), scrambled after Owen
(1998); the PERT distribution, Malcolm, Roseboom, Clark & Fazar, *Operations Research* 7
(1959), in the modified-beta form of Vose, *Risk Analysis* (3rd ed., 2008), §13.3; the
Gaussian copula for rank correlations, Iman & Conover, *Commun. Statist.* B11 (1982) and
the Spearman–Pearson relation ``r = 2 sin(π ρ_s / 6)`` for normal variables (Pearson 1907;
Kruskal, *JASA* 53, 1958).

>>> import nonequivalent as ne
>>> harvest = ne.ParameterRange("harvest", low=70, central=73, high=78)
>>> share = ne.ParameterRange("marketed_share", low=0.13, central=0.15, high=0.17)
>>> def marketings(p):
...     return {"marketed grain": p["harvest"] * p["marketed_share"]}
>>> res = ne.propagate(marketings, [harvest, share], draws=512, seed=1)
>>> float(round(res.central["marketed grain"], 2))
10.95
>>> lo, hi = res.interval(5, 95).loc["marketed grain"]
>>> bool(lo < 10.95 < hi)
True
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import special
from scipy.stats import qmc

from ..errors import UncertaintyError
from .model import _central_output, _finite, evaluate_chunk, run_chunks
from .result import Propagation

__all__ = [
    "CHUNK",
    "ParameterRange",
    "Propagation",
    "propagate",
    "unit_draws",
]

#: Draws per chunk. Fixed (not derived from the number of workers), so that chunk ``k`` is
#: always the same draws, seeded by the ``k``-th child of ``SeedSequence(seed)``.
CHUNK = 1024

#: Most draws a run takes: the draws and every cell's samples are held in memory (a
#: report of 70 cells at this many draws is about 0.6 GB). Pool runs of several seeds for
#: more.
MAX_DRAWS = 1_000_000

#: Sampling methods: Latin hypercube, scrambled Sobol' (``scipy.stats.qmc``), plain random.
METHODS = ("lhs", "sobol", "random")
#: Shapes of a range's distribution (see :class:`ParameterRange`).
SHAPES = ("uniform", "triangular", "pert")


# ----------------------------------------------------------------------- distributions
@dataclass(frozen=True)
class ParameterRange:
    """One uncertain parameter: its low, central and high values and a distribution shape.

    Parameters
    ----------
    name : str
        The parameter's name, as the model reads it.
    low, central, high : float
        The range (``low <= central <= high``). ``central`` is the point estimate: the
        model's central result is computed there. ``low == high`` makes the parameter
        certain (every draw is exactly ``central``).
    shape : {"uniform", "triangular", "pert"}
        ``uniform`` on ``[low, high]`` (the default: a historian's range says no value in it
        is more likely than another); ``triangular`` with mode ``central``; ``pert``: the
        modified beta with mode ``central`` and ``α = 1 + 4 (central − low)/(high − low)``,
        ``β = 1 + 4 (high − central)/(high − low)``, mean ``(low + 4 central + high)/6``
        (Malcolm et al., *Operations Research* 7, 1959; Vose, *Risk Analysis*, 2008, §13.3).
    integer : bool
        A whole number (earners, family members): drawn uniformly from the integers
        ``low, low + 1, …, high`` (``low`` and ``high`` must be whole; ``shape`` uniform).
    group : str, optional
        Parameters with the same group move together: they share one uniform draw, so each
        sits at the same quantile of its own range in every draw (rank correlation 1; for
        example the 1928 and the 1932 harvest of one author). A group counts as one input
        in the sensitivity indices.
    source : str
        Where the range comes from (author, work) or why it is assumed.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> r = ne.ParameterRange("real_wage", low=0.43, central=0.50, high=0.57, shape="pert")
    >>> round(r.mean, 4), r.ppf([0.5]).round(4).tolist()
    (0.5, [0.5])
    """

    name: str
    low: float
    central: float
    high: float
    shape: str = "uniform"
    group: str | None = None
    source: str = ""
    integer: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise UncertaintyError(f"a parameter name must be a non-empty string; got "
                                   f"{self.name!r}.")
        low = _finite(self.low, f"low of {self.name!r}")
        central = _finite(self.central, f"central of {self.name!r}")
        high = _finite(self.high, f"high of {self.name!r}")
        if not low <= central <= high:
            raise UncertaintyError(
                f"parameter {self.name!r}: need low <= central <= high; got low={low}, "
                f"central={central}, high={high}. Swap or correct the bounds.")
        if not math.isfinite(high - low):
            raise UncertaintyError(
                f"parameter {self.name!r}: the width high - low overflows a float (low={low}, "
                f"high={high}); rescale the parameter (e.g. in millions).")
        if self.shape not in SHAPES:
            raise UncertaintyError(f"parameter {self.name!r}: unknown shape {self.shape!r}; "
                                   f"use one of {list(SHAPES)}.")
        if self.group is not None and (not isinstance(self.group, str) or not self.group):
            raise UncertaintyError(f"parameter {self.name!r}: group must be a non-empty "
                                   f"string or None; got {self.group!r}.")
        if self.integer and (self.shape != "uniform" or not all(
                float(x).is_integer() for x in (low, central, high))):
            raise UncertaintyError(
                f"integer parameter {self.name!r}: low, central and high must be whole "
                f"numbers and the shape uniform; got {low}, {central}, {high}, "
                f"{self.shape!r}.")
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "central", central)
        object.__setattr__(self, "high", high)

    @property
    def width(self) -> float:
        """``high − low``."""
        return self.high - self.low

    def _pert_ab(self) -> tuple[float, float]:
        w = self.width
        return (1 + 4 * (self.central - self.low) / w, 1 + 4 * (self.high - self.central) / w)

    @property
    def mean(self) -> float:
        """The distribution's mean: ``(l+h)/2``, ``(l+m+h)/3`` or ``(l+4m+h)/6`` by shape."""
        lo, m = self.low, self.central
        if self.width == 0:
            return m
        # offsets from low: no overflow where low + high would overflow
        w, d = self.width, m - lo
        if self.shape == "uniform":
            return lo + w / 2
        if self.shape == "triangular":
            return lo + (d + w) / 3
        return lo + (4 * d + w) / 6

    @property
    def variance(self) -> float:
        """The distribution's variance (closed forms of the uniform, triangular and beta;
        ``((w + 1)² − 1)/12`` for whole numbers)."""
        lo, m, hi, w = self.low, self.central, self.high, self.width
        if w == 0:
            return 0.0
        if self.integer:
            return ((w + 1) * (w + 1) - 1) / 12      # inf, not OverflowError, when huge
        if self.shape == "uniform":
            return w * w / 12
        if self.shape == "triangular":
            return (lo * lo + m * m + hi * hi - lo * m - lo * hi - m * hi) / 18
        a, b = self._pert_ab()
        return w * w * a * b / ((a + b) ** 2 * (a + b + 1))

    def ppf(self, u: Any) -> np.ndarray:
        """The quantile function: the parameter's value at uniform draws ``u`` in [0, 1].

        A zero-width range returns ``central`` exactly, whatever ``u``. A ``u`` outside
        [0, 1] (or NaN) raises :class:`~nonequivalent.UncertaintyError`.
        """
        try:
            if np.iscomplexobj(u):      # never cut to the real part
                raise TypeError
            u = np.asarray(u, dtype=float)
        except (TypeError, ValueError):
            raise UncertaintyError(f"ppf of {self.name!r} takes numbers in [0, 1]; got "
                                   f"{u!r}.") from None
        if not ((u >= 0) & (u <= 1)).all():
            raise UncertaintyError(f"ppf of {self.name!r} takes probabilities in [0, 1]; got "
                                   f"values outside it (or NaN).")
        if self.width == 0:
            return np.full(u.shape, self.central)
        lo, m, hi, w = self.low, self.central, self.high, self.width
        if self.integer:
            return np.minimum(lo + np.floor(u * (w + 1)), hi)
        if self.shape == "uniform":
            return lo + u * w
        if self.shape == "triangular":
            fc = (m - lo) / w
            left = lo + np.sqrt(u * w * (m - lo))
            right = hi - np.sqrt((1 - u) * w * (hi - m))
            return np.where(u < fc, left, right)
        a, b = self._pert_ab()
        # scipy's betaincinv returns NaN far in the lower tail; there I_x(a, b) is
        # x^a / (a B(a, b)) to relative order x, so x = (u a B(a, b))^(1/a).
        tail = u < 1e-100
        with np.errstate(divide="ignore"):
            x_tail = np.exp((np.log(np.where(tail, u, 1.0)) + math.log(a) + special.betaln(a, b))
                            / a)
        x = np.where(tail, x_tail * (u > 0), special.betaincinv(a, b, np.where(tail, 0.5, u)))
        return lo + w * x


def _dimensions(parameters: Sequence[ParameterRange]) -> list[str]:
    """Names of the independent inputs: a group's name, or an ungrouped parameter's name."""
    dims: list[str] = []
    for p in parameters:
        key = p.group if p.group is not None else p.name
        if key not in dims:
            dims.append(key)
    return dims


def _check_parameters(parameters: Any) -> tuple[ParameterRange, ...]:
    if isinstance(parameters, ParameterRange):
        parameters = [parameters]
    params = tuple(parameters)
    if not params:
        raise UncertaintyError("no uncertain parameters given; pass at least one "
                               "ParameterRange.")
    for p in params:
        if not isinstance(p, ParameterRange):
            raise UncertaintyError(f"parameters must be ParameterRange objects; got "
                                   f"{type(p).__name__}.")
    names = [p.name for p in params]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise UncertaintyError(f"parameter names must be unique; repeated: {dup}.")
    clash = sorted(set(names) & {p.group for p in params if p.group is not None})
    if clash:
        raise UncertaintyError(f"a group may not share its name with a parameter: {clash}.")
    return params


def _copula(dims: list[str], correlation: Mapping[tuple[str, str], float] | None
            ) -> np.ndarray | None:
    """Lower Cholesky factor of the normal correlation matrix for the rank correlations."""
    if not correlation:
        return None
    d = len(dims)
    rs = np.eye(d)
    for pair, rho in dict(correlation).items():
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise UncertaintyError(f"correlation keys must be pairs of names; got {pair!r}.")
        a, b = pair
        for name in (a, b):
            if name not in dims:
                raise UncertaintyError(
                    f"correlation names {name!r}, which is not an uncertain input; inputs "
                    f"are {dims} (a group is correlated by its group name).")
        rho = _finite(rho, f"rank correlation of {pair!r}")
        if a == b or not -1 < rho < 1:
            raise UncertaintyError(
                f"rank correlation of {pair!r} must be strictly between -1 and 1 for two "
                f"different inputs; got {rho}. Use a group for inputs that move together.")
        i, j = dims.index(a), dims.index(b)
        rs[i, j] = rs[j, i] = rho
    normal = 2 * np.sin(np.pi * rs / 6)  # Spearman -> Pearson for normal margins
    np.fill_diagonal(normal, 1.0)
    try:
        return np.linalg.cholesky(normal)
    except np.linalg.LinAlgError:
        raise UncertaintyError(
            "the rank correlations are not consistent (the correlation matrix is not "
            "positive definite); weaken some of them.") from None


# ------------------------------------------------------------------------------ draws
def _check_method(method: str) -> str:
    if method not in METHODS:
        raise UncertaintyError(f"unknown sampling method {method!r}; use one of "
                               f"{list(METHODS)}.")
    return method


def _check_draws(draws: Any) -> int:
    if isinstance(draws, bool) or not isinstance(draws, int | np.integer) or draws < 2:
        raise UncertaintyError(f"draws must be an integer >= 2; got {draws!r}.")
    if draws > MAX_DRAWS:
        raise UncertaintyError(
            f"draws must be at most {MAX_DRAWS:,} (every draw is held in memory); got "
            f"{int(draws):,}. Run several seeds and pool their samples for more.")
    return int(draws)


def _check_percentiles(percentiles: Any) -> tuple[float, ...]:
    """Percentiles as floats in [0, 100]: a sequence of numbers (a string is refused, not
    read digit by digit)."""
    if isinstance(percentiles, str | bytes) or not isinstance(percentiles, Iterable):
        raise UncertaintyError(f"percentiles must be a sequence of numbers such as (5, 50, "
                               f"95); got {percentiles!r}.")
    pcts = tuple(_finite(q, "percentile") for q in percentiles)
    if any(not 0 <= q <= 100 for q in pcts):
        raise UncertaintyError(f"percentiles must be within [0, 100]; got {list(pcts)}.")
    return pcts


def _check_seed(seed: Any) -> int:
    if seed is None:
        return int(np.random.SeedSequence().entropy)
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise UncertaintyError(f"seed must be a non-negative integer (or None for a fresh "
                               f"one, recorded in the result); got {seed!r}.")
    return int(seed)


#: Most tasks a run is split into for evaluation (fewer when that would make tasks
#: smaller than one draw).
TASKS = 64


def chunk_bounds(n: int, size: int = CHUNK) -> list[tuple[int, int]]:
    """``(start, stop)`` of each chunk of ``size`` draws out of ``n``."""
    return [(a, min(a + size, n)) for a in range(0, n, size)]


def task_bounds(n: int) -> list[tuple[int, int]]:
    """How ``n`` draws of a per-draw model are split into tasks: a function of ``n`` alone.

    Tasks hold ``min(CHUNK, ceil(n / TASKS))`` draws, so expensive models are spread over
    up to :data:`TASKS` tasks (and workers). A vectorized model gets whole chunks of
    :data:`CHUNK` draws, the same batches whatever the number of workers: the same seed
    gives the same numbers everywhere.
    """
    return chunk_bounds(n, min(CHUNK, max(1, -(-n // TASKS))))


def unit_draws(n: int, d: int, seed: int, method: str = "lhs") -> np.ndarray:
    """``n`` draws from the unit cube ``[0, 1)^d``, reproducible from ``seed``.

    ``lhs`` and ``random`` take chunk ``k`` (:data:`CHUNK` draws) from the ``k``-th child
    of ``numpy.random.SeedSequence(seed)``: a Latin hypercube (McKay et al. 1979) within
    each chunk, or independent uniforms. ``sobol`` takes the first ``n`` points of one
    scrambled Sobol' sequence (Owen scrambling seeded by ``SeedSequence(seed)``), so chunk
    ``k`` is the sequence's points ``k·CHUNK`` onwards; powers of two keep its balance.

    >>> u = unit_draws(3000, 2, seed=7)
    >>> u.shape, bool((u >= 0).all() and (u < 1).all())
    ((3000, 2), True)
    >>> bool((unit_draws(3000, 2, seed=7) == u).all())
    True
    """
    method = _check_method(method)
    if method == "sobol":
        engine = qmc.Sobol(d, scramble=True, rng=np.random.default_rng(
            np.random.SeedSequence(seed)))
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*balance properties.*")
            return engine.random(n)
    bounds = chunk_bounds(n)
    children = np.random.SeedSequence(seed).spawn(len(bounds))
    out = np.empty((n, d))
    for (a, b), child in zip(bounds, children, strict=True):
        rng = np.random.default_rng(child)
        if method == "lhs":
            out[a:b] = qmc.LatinHypercube(d, rng=rng).random(b - a)
        else:
            out[a:b] = rng.random((b - a, d))
    return out


def _values(u: np.ndarray, params: Sequence[ParameterRange], dims: list[str],
            chol: np.ndarray | None) -> np.ndarray:
    """Parameter values (n × p) from unit draws (n × d) through the copula and the ppfs."""
    if chol is not None:
        tiny = np.finfo(float).eps
        z = special.ndtri(np.clip(u, tiny, 1 - tiny)) @ chol.T
        u = special.ndtr(z)
    cols = [params[i].ppf(u[:, dims.index(p.group if p.group is not None else p.name)])
            for i, p in enumerate(params)]
    return np.column_stack(cols)


# ------------------------------------------------------------------------------- main
def sample_parameters(parameters: Iterable[ParameterRange], draws: int, seed: int,
                      method: str = "lhs",
                      correlation: Mapping[tuple[str, str], float] | None = None
                      ) -> np.ndarray:
    """Parameter values (draws × parameters) for ``parameters``, reproducible from ``seed``.

    Parameters of one ``group`` share a uniform draw; ``correlation`` maps pairs of input
    names (parameters or groups) to Spearman rank correlations, imposed through a Gaussian
    copula (Iman & Conover 1982) on the unit draws before each parameter's quantile function.
    """
    params = _check_parameters(parameters)
    dims = _dimensions(params)
    chol = _copula(dims, correlation)
    u = unit_draws(_check_draws(draws), len(dims), _check_seed(seed), method)
    return _values(u, params, dims, chol)


def propagate(model: Callable[..., Any], parameters: Iterable[ParameterRange], *,
              draws: int = 1000, seed: int | None = 0, method: str = "lhs",
              vectorized: bool = False,
              correlation: Mapping[tuple[str, str], float] | None = None,
              percentiles: Sequence[float] = (5, 50, 95), scheduler: Any = None,
              progress: bool = False) -> Propagation:
    """Carry uncertain parameters through ``model`` and return every cell's distribution.

    Parameters
    ----------
    model : callable
        A function of one parameter set (a ``dict`` name → float) returning labelled
        numbers: a pandas Series, a DataFrame, a mapping of numbers, or one number. With
        ``vectorized=True`` it takes a DataFrame of draws (one row per draw, one column per
        parameter) and returns a DataFrame with one row per draw and one column per cell.
        To run on Dask the model must be picklable by cloudpickle (plain functions,
        lambdas and closures are).
    parameters : iterable of ParameterRange
        The uncertain parameters.
    draws : int
        Number of draws.
    seed : int or None
        The seed; the same seed gives the same numbers locally and on any number of Dask
        workers. ``None`` takes a fresh one, recorded in the result's ``seed``.
    method : {"lhs", "sobol", "random"}
        Latin hypercube within chunks of :data:`CHUNK` draws, one scrambled Sobol'
        sequence, or independent uniforms (see :func:`unit_draws`).
    vectorized : bool
        Whether ``model`` evaluates a batch of draws at once.
    correlation : mapping, optional
        ``{(name_a, name_b): rank_correlation}`` between inputs (parameters or groups).
    percentiles : sequence of float
        Percentiles reported by ``to_frame()``.
    scheduler : distributed.Client or str, optional
        Run the chunks on this Dask cluster (a client, or a scheduler address). Without
        it the chunks run in this process.
    progress : bool
        Show a progress bar (tqdm) on standard error.

    Returns
    -------
    Propagation
        Frozen: central values, samples, means, percentiles, event probabilities.
    """
    params = _check_parameters(parameters)
    draws = _check_draws(draws)
    seed = _check_seed(seed)
    pcts = _check_percentiles(percentiles)
    if not callable(model):
        raise UncertaintyError(f"model must be callable; got {type(model).__name__}.")
    values = sample_parameters(params, draws, seed, method, correlation)
    central, layout = _central_output(model, params, vectorized)
    names = tuple(p.name for p in params)
    bounds = chunk_bounds(draws) if vectorized else task_bounds(draws)
    chunks = [(model, names, values[a:b], layout, vectorized, a) for a, b in bounds]
    parts = run_chunks(evaluate_chunk, chunks, scheduler=scheduler, progress=progress,
                       sizes=[b - a for a, b in bounds])
    samples = np.vstack(parts)
    return Propagation(params, method, seed, central, values, samples, layout, pcts)
