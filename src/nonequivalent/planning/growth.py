"""Growth models of the industrialization debate: Feldman–Domar, Mahalanobis, Dobb–Sen.

* Feldman–Domar two-sector model: the capital-goods sector receives a share γ of investment;
  ``K1(t) = K1(0) e^{γ v1 t}``, investment ``I(t) = I0 e^{γ v1 t}`` and consumption
  ``C(t) = C0 + (1 - γ) v2 I0 (e^{γ v1 t} - 1)/(γ v1)`` (G. A. Fel'dman, "K teorii tempov
  narodnogo dokhoda", *Planovoe khozyaistvo* 1928 no. 11-12; E. Domar, "A Soviet model of
  growth", *Essays in the Theory of Economic Growth*, 1957, ch. 9, eqs. 4-9).
* Mahalanobis two-sector (P. C. Mahalanobis, "Some observations on the process of growth of
  national income", *Sankhya* 12, 1953, 307-312) and four-sector models (P. C. Mahalanobis,
  "The approach of operational research to planning in India", *Sankhya* 16, 1955, 3-130).
* Dobb–Sen choice of technique: the reinvestment (surplus) criterion against the output
  criterion, and the period after which a capital-intensive technique gives more
  consumption (M. Dobb, *An Essay on Economic Growth and Planning*, 1960, ch. 3; A. K. Sen,
  *Choice of Techniques*, 1960, ch. 2-5; W. Galenson and H. Leibenstein, *QJE* 69, 1955).
"""

from __future__ import annotations

import dataclasses
import math
import warnings
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result, _frame_text, format_number
from ..errors import ConvergenceError, InvalidPlanError, PlanError
from ._checks import finite_result, real, whole

__all__ = [
    "GrowthPath",
    "choice_of_technique",
    "feldman_domar",
    "mahalanobis_four_sector",
    "mahalanobis_two_sector",
    "overtaking_time",
    "reinvestment_rate",
]


def _positive(value: float, what: str, allow_zero: bool = False) -> float:
    return real(value, what, lower=0.0, lower_open=not allow_zero)


def _share(value: float, what: str) -> float:
    return real(value, what, lower=0.0, upper=1.0)


def _growth_factor(rate: float, t: np.ndarray) -> np.ndarray:
    """``(e^{rate t} - 1)/rate``, equal to ``t`` at rate 0 (no division warning)."""
    t = np.asarray(t, dtype=float)
    x = rate * t
    small = np.abs(x) < 1e-6
    # series t (1 + x/2 + x^2/6) where x is tiny (also for a subnormal rate)
    series = t * (1.0 + x / 2.0 + x * x / 6.0)
    if rate == 0.0 or small.all():
        return series
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(small, series, np.expm1(x) / rate)


#: Inputs shared by the growth models, in one order (see :func:`feldman_domar`).
CONVENTION = ("Y0", "alpha0", "lambda_k", "beta_k", "beta_c")

#: Most Runge–Kutta steps a simulated Feldman–Domar path may take (about 10 s of Python).
MAX_SIMULATION_STEPS = 1_000_000


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class GrowthPath(Result):
    """A path of a growth model (frozen); ``to_frame()`` gives it by date.

    Attributes
    ----------
    model : str
    parameters : mapping
        The inputs under the names of the growth convention (read-only).
    path : DataFrame
        Indexed by time, one column per quantity; every model has ``investment``,
        ``consumption`` and ``income`` (a copy is returned on each access).

    Examples
    --------
    Feldman–Domar with ``λ_k β_k = 0.1``: capital-goods capacity grows by ``e`` in 10 years
    (G. A. Feldman, "On the theory of growth rates of national income", 1928; E. Domar,
    *Essays in the Theory of Economic Growth*, 1957, ch. 9):

    >>> import nonequivalent as ne
    >>> g = ne.feldman_domar(Y0=70.0, alpha0=20 / 70, lambda_k=0.5, beta_k=0.2,
    ...                      beta_c=0.4, times=[0, 10])
    >>> g.model, g.parameters["lambda_k"]
    ('Feldman–Domar', 0.5)
    >>> g.to_frame().round(2)
          investment  consumption  income      K1
    time
    0          20.00        50.00   70.00  100.00
    10         54.37       118.73  173.10  271.83
    """

    model: str
    parameters: Mapping[str, Any]
    _path: pd.DataFrame

    def __post_init__(self) -> None:
        object.__setattr__(self, "parameters", MappingProxyType(dict(self.parameters)))
        object.__setattr__(self, "_path", self._path.copy())

    @property
    def path(self) -> pd.DataFrame:
        """The path (a copy: editing it leaves the result unchanged)."""
        return self._path.copy()

    def to_frame(self) -> pd.DataFrame:
        """The path as a DataFrame indexed by time."""
        return self._path.copy()

    _title = "Growth path"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Dates and the income at the first and the last date."""
        income = self._path["income"]
        return [("dates", len(self._path), ""), ("first income", float(income.iloc[0]), ""),
                ("last income", float(income.iloc[-1]), "")]

    def benchmark_name(self) -> str | None:
        """The model."""
        return self.model

    def __repr__(self) -> str:
        last = self._path.iloc[-1]
        return (f"GrowthPath({self.model!r}, {len(self._path)} dates, income "
                f"{format_number(float(self._path['income'].iloc[0]))} -> "
                f"{format_number(float(last['income']))})")

    def summary(self) -> str:
        """A printable report."""
        params = ", ".join(f"{k}={format_number(v)}" for k, v in self.parameters.items())
        return (f"{self.title}\n{self.model} ({params})\n"
                f"{_frame_text(self._path, {})}")

    __str__ = summary


def _legacy(func: str, args: tuple[Any, ...], old: dict[str, Any], order: tuple[str, ...],
            renames: Mapping[str, str]) -> dict[str, Any]:
    """Old positional arguments and keyword names, with a DeprecationWarning."""
    unknown = [k for k in old if k not in order]
    if unknown:
        raise InvalidPlanError(f"{func}() got unknown arguments {unknown}; its inputs are "
                               f"{list(CONVENTION)} (see the growth convention).")
    if len(args) > len(order):
        raise InvalidPlanError(f"{func}() takes at most {len(order)} positional arguments.")
    got = dict(zip(order, args, strict=False))
    twice = [k for k in old if k in got]
    if twice:
        raise InvalidPlanError(f"{func}() got {twice} both by position and by name.")
    got.update(old)
    if got:
        names = ", ".join(f"{k} -> {renames.get(k, k)}" for k in got)
        warnings.warn(f"{func}(): positional arguments and the old names are deprecated; "
                      f"give the inputs by name in the growth convention ({names}).",
                      DeprecationWarning, stacklevel=3)
    return got


def _need(value: Any, name: str, func: str) -> Any:
    if value is None:
        raise InvalidPlanError(f"{func}() needs {name} (inputs: {', '.join(CONVENTION)}).")
    return value


def feldman_domar(*args: Any, Y0: float | None = None, alpha0: float | None = None,
                  lambda_k: float | None = None, beta_k: float | None = None,
                  beta_c: float | None = None, times: Any = None, simulate: bool = False,
                  steps_per_unit: int = 100, **old: Any) -> GrowthPath:
    """Feldman–Domar two-sector growth: capital goods first.

    The growth models share one convention for their inputs (given by name):

    Parameters
    ----------
    Y0 : float
        Initial income ``Y_0 = I_0 + C_0`` (> 0).
    alpha0 : float
        Initial investment rate ``α_0 = I_0 / Y_0``, in (0, 1].
    lambda_k : float
        Share of investment that goes to the capital-goods (investment-goods) sector, in
        [0, 1] (Feldman's and Domar's γ).
    beta_k, beta_c : float
        Output-capital ratios of the capital-goods and consumer-goods sectors (Domar's
        ``v1``, ``v2``; > 0).
    times : array-like
        Dates at which the path is reported (>= 0).
    simulate : bool
        Integrate ``dK1/dt = λ_k β_k K1``, ``dC/dt = (1 - λ_k) β_c β_k K1`` step by step
        (classical Runge–Kutta, ``steps_per_unit`` steps per unit of time, at most
        :data:`MAX_SIMULATION_STEPS` in all) instead of the closed form.

    Returns
    -------
    GrowthPath
        Columns ``investment``, ``consumption``, ``income`` (as every growth model) and
        ``K1``, the capital-goods capacity ``I / β_k``.

    Raises
    ------
    InvalidPlanError
        Inputs out of range, a path that overflows a float over the dates asked for, or a
        simulation longer than :data:`MAX_SIMULATION_STEPS` steps.

    Notes
    -----
    Domar (1957), ch. 9: ``K1(t) = K1(0) e^{γ v1 t}``; ``I(t) = v1 K1(t)``;
    ``C(t) = C0 + (1 - γ) v2 I0 (e^{γ v1 t} - 1)/(γ v1)``, with ``γ = λ_k``, ``v1 = β_k``,
    ``v2 = β_c``, ``I0 = α_0 Y_0``, ``C0 = (1 - α_0) Y_0`` and ``K1(0) = I0 / β_k``.

    The old inputs ``feldman_domar(gamma, v1, v2, K1_0, C0, times)`` still work, with a
    ``DeprecationWarning``: ``Y0 = v1 K1_0 + C0`` and ``alpha0 = v1 K1_0 / Y0``.

    Examples
    --------
    >>> from nonequivalent.planning import feldman_domar
    >>> p = feldman_domar(Y0=70.0, alpha0=20 / 70, lambda_k=0.5, beta_k=0.2, beta_c=0.4,
    ...                   times=[0, 10])
    >>> p.path.round(3)
          investment  consumption   income       K1
    time
    0         20.000       50.000   70.000  100.000
    10        54.366      118.731  173.097  271.828
    """
    func = "feldman_domar"
    if args or old:
        got = _legacy(func, args, old, ("gamma", "v1", "v2", "K1_0", "C0", "times",
                                        "simulate", "steps_per_unit"),
                      {"gamma": "lambda_k", "v1": "beta_k", "v2": "beta_c",
                       "K1_0": "Y0, alpha0", "C0": "Y0, alpha0"})
        if any(v is not None for v in (Y0, alpha0, lambda_k, beta_k, beta_c)):
            raise InvalidPlanError(f"{func}(): give either the convention's inputs "
                                   f"{list(CONVENTION)} or the old ones, not both.")
        lambda_k, beta_k, beta_c = got.get("gamma"), got.get("v1"), got.get("v2")
        times = got.get("times", times)
        simulate = got.get("simulate", simulate)
        steps_per_unit = got.get("steps_per_unit", steps_per_unit)
        v1 = real(_need(beta_k, "v1", func), "v1", lower=0, lower_open=True)
        K1_0 = real(_need(got.get("K1_0"), "K1_0", func), "K1_0", lower=0, lower_open=True)
        C0 = real(_need(got.get("C0"), "C0", func), "C0", lower=0)
        I0 = v1 * K1_0
        Y0 = I0 + C0
        alpha0 = I0 / Y0 if math.isfinite(Y0) and Y0 > 0 else 1.0
    g = real(_need(lambda_k, "lambda_k", func), "lambda_k", lower=0, upper=1)
    bk = real(_need(beta_k, "beta_k", func), "beta_k", lower=0, lower_open=True)
    bc = real(_need(beta_c, "beta_c", func), "beta_c", lower=0, lower_open=True)
    y0 = real(_need(Y0, "Y0", func), "Y0", lower=0, lower_open=True)
    a0 = real(_need(alpha0, "alpha0", func), "alpha0", lower=0, upper=1, lower_open=True)
    if not isinstance(simulate, bool | np.bool_):
        raise InvalidPlanError(f"simulate must be True or False, got {simulate!r}.")
    t = _times(_need(times, "times", func))
    I0 = a0 * y0
    C0 = y0 - I0 if a0 < 1 else 0.0
    K1_0 = I0 / bk
    with np.errstate(over="ignore", invalid="ignore"):
        if not simulate:
            K1 = K1_0 * np.exp(g * bk * t)
            C = C0 + (1.0 - g) * bc * I0 * _growth_factor(g * bk, t)
        else:
            steps = whole(steps_per_unit, "steps_per_unit", minimum=1)
            total = float(np.max(t, initial=0.0)) * steps
            if total > MAX_SIMULATION_STEPS:
                raise InvalidPlanError(
                    f"simulating up to t = {float(np.max(t)):g} with {steps} steps per unit "
                    f"takes {total:.3g} Runge–Kutta steps, more than {MAX_SIMULATION_STEPS:,}"
                    "; use the closed form (simulate=False), fewer steps or earlier dates.")
            K1, C = _rk4_feldman(g, bk, bc, K1_0, C0, t, steps)
        inv = bk * K1
        Y = inv + C
    finite_result(np.concatenate([K1, C, Y]), "the Feldman–Domar path",
                  f"growth at rate λ_k β_k = {g * bk:g} up to t = {float(np.max(t)):g}; ask "
                  "for earlier dates")
    df = pd.DataFrame({"investment": inv, "consumption": C, "income": Y, "K1": K1},
                      index=_time_index(t, "time"))
    return GrowthPath("Feldman–Domar", {"Y0": y0, "alpha0": a0, "lambda_k": g,
                                        "beta_k": bk, "beta_c": bc, "simulated": bool(simulate)},
                      df)


def _times(times: Any) -> np.ndarray:
    """Dates as a float vector: real, finite, >= 0 (an InvalidPlanError otherwise)."""
    if isinstance(times, str | bytes):
        raise InvalidPlanError(f"times must be numbers, got {times!r}.")
    try:
        arr = np.asarray(times)
        if arr.dtype.kind not in "iuf":
            arr = np.array([real(v, "times") for v in np.ravel(arr)], dtype=float)
        t = np.array(arr, dtype=float).reshape(-1)
    except (TypeError, ValueError, OverflowError):
        raise InvalidPlanError("times must be a sequence of real numbers >= 0.") from None
    if t.size == 0:
        raise InvalidPlanError("times must hold at least one date.")
    if not np.isfinite(t).all() or (t < 0).any():
        raise InvalidPlanError("times must be finite and >= 0.")
    return t


def _time_index(t: np.ndarray, name: str) -> pd.Index:
    """Whole dates as ints (only where ints represent them exactly), else floats."""
    if np.all(t == np.round(t)) and float(np.max(t, initial=0.0)) < 2.0 ** 53:
        return pd.Index(t.astype(np.int64), name=name)
    return pd.Index(t, name=name)


def _rk4_feldman(g: float, v1: float, v2: float, K: float, C: float, t: np.ndarray,
                 steps: int) -> tuple[np.ndarray, np.ndarray]:
    if steps < 1:
        raise InvalidPlanError("steps_per_unit must be >= 1.")

    def f(state: np.ndarray) -> np.ndarray:
        k = state[0]
        return np.array([g * v1 * k, (1.0 - g) * v2 * v1 * k])

    order = np.argsort(t)
    out = np.empty((t.size, 2))
    state = np.array([K, C], dtype=float)
    now = 0.0
    for idx in order:
        span = t[idx] - now
        n = max(1, int(np.ceil(span * steps))) if span > 0 else 0
        h = span / n if n else 0.0
        for _ in range(n):
            k1 = f(state)
            k2 = f(state + 0.5 * h * k1)
            k3 = f(state + 0.5 * h * k2)
            k4 = f(state + h * k3)
            state = state + h / 6.0 * (k1 + 2 * k2 + 2 * k3 + k4)
        now = t[idx]
        out[idx] = state
    return out[:, 0], out[:, 1]


def overtaking_time(gamma_high: float, gamma_low: float, v1: float, v2: float,
                    K1_0: float = 1.0) -> float:
    """Time at which a high investment share γ_H overtakes a low one γ_L in consumption.

    In the Feldman–Domar model with the same start, consumption is
    ``C_γ(t) = C0 + (1 - γ) v2 I0 (e^{γ v1 t} - 1)/(γ v1)``; the higher share starts lower
    and grows faster. The crossing ``t* > 0`` solves ``C_{γH}(t) = C_{γL}(t)``, found by
    bracketing and Brent's method (R. P. Brent, *Algorithms for Minimization without
    Derivatives*, 1973, ch. 4); it does not depend on ``C0``, ``I0`` or ``K1_0``.
    Domar (1957), ch. 9, discusses this trade-off.

    Raises
    ------
    InvalidPlanError
        If ``gamma_high <= gamma_low`` or ``gamma_high`` is 1 (no consumption growth).

    Examples
    --------
    >>> from nonequivalent.planning import overtaking_time
    >>> round(overtaking_time(0.5, 0.2, v1=0.2, v2=0.4), 4)
    13.5589
    """
    gh = _share(gamma_high, "gamma_high")
    gl = _share(gamma_low, "gamma_low")
    v1 = _positive(v1, "v1")
    v2 = _positive(v2, "v2")
    _positive(K1_0, "K1_0")
    if not gh > gl:
        raise InvalidPlanError("gamma_high must exceed gamma_low.")
    if gh >= 1.0:
        raise InvalidPlanError("with gamma_high = 1 consumption never grows; no overtaking.")

    def gap(t: float) -> float:
        # (C_H - C_L) / (v2 I0), with g(t) = (e^{γ v1 t} - 1)/(γ v1)
        return float((1 - gh) * _growth_factor(gh * v1, np.array(t))
                     - (1 - gl) * _growth_factor(gl * v1, np.array(t)))

    hi = 1.0 / (gh * v1)
    for _ in range(200):
        if gap(hi) > 0:
            break
        hi *= 2.0
    else:  # pragma: no cover - gap grows like e^{γH v1 t}
        raise ConvergenceError("could not bracket the overtaking time.")
    from scipy.optimize import brentq  # loaded on first use, not with the package

    with np.errstate(over="ignore", invalid="ignore"):
        ends = [gap(1e-12), gap(hi)]
    finite_result(ends, "the consumption gap of the overtaking time",
                  "rescale v1 (output per unit of investment) towards 1")
    with np.errstate(over="ignore", invalid="ignore"):
        return float(brentq(gap, 1e-12, hi, xtol=1e-12, rtol=1e-14, maxiter=500))


def mahalanobis_two_sector(*args: Any, Y0: float | None = None, alpha0: float | None = None,
                           lambda_k: float | None = None, beta_k: float | None = None,
                           beta_c: float | None = None, periods: int | None = None,
                           simulate: bool = False) -> GrowthPath:
    """Mahalanobis's two-sector model (1953) in discrete time.

    Investment ``I_t`` splits into the investment-goods sector (share ``λ_k``, output-capital
    ratio ``β_k``) and consumer goods (``λ_c = 1 - λ_k``, ``β_c``):
    ``I_{t+1} = I_t (1 + λ_k β_k)``, ``C_{t+1} = C_t + λ_c β_c I_t``, ``Y_t = I_t + C_t``,
    hence ``Y_t = Y_0 [1 + α_0 (λ_k β_k + λ_c β_c)/(λ_k β_k) ((1 + λ_k β_k)^t - 1)]``
    (Mahalanobis 1953, *Sankhya* 12, eq. 2.5), ``α_0 = I_0/Y_0``.

    Parameters
    ----------
    Y0, alpha0, lambda_k, beta_k, beta_c : float
        The growth convention (see :func:`feldman_domar`): initial income, initial
        investment rate (here in [0, 1]), share of investment in investment goods, and the
        two sectors' output-capital ratios.
    periods : int
        Number of periods after the first (>= 0).
    simulate : bool
        Run the recursion period by period instead of the closed form.

    Returns
    -------
    GrowthPath
        Columns ``investment``, ``consumption``, ``income``.

    Notes
    -----
    The old positional order ``(alpha0, lambda_k, beta_k, beta_c, Y0, periods)`` still
    works, with a ``DeprecationWarning``; give the inputs by name.

    Examples
    --------
    >>> from nonequivalent.planning import mahalanobis_two_sector
    >>> p = mahalanobis_two_sector(Y0=100.0, alpha0=0.1, lambda_k=0.3, beta_k=0.2,
    ...                            beta_c=0.5, periods=2)
    >>> p.path["income"].round(4).tolist()
    [100.0, 104.1, 108.446]
    """
    func = "mahalanobis_two_sector"
    if args:
        order = ("alpha0", "lambda_k", "beta_k", "beta_c", "Y0", "periods", "simulate")
        given = {"Y0": Y0, "alpha0": alpha0, "lambda_k": lambda_k, "beta_k": beta_k,
                 "beta_c": beta_c, "periods": periods}
        got = _legacy(func, args, {}, order, {})
        twice = [k for k in got if given.get(k) is not None]
        if twice:
            raise InvalidPlanError(f"{func}() got {twice} both by position and by name.")
        Y0 = got.get("Y0", Y0)
        alpha0 = got.get("alpha0", alpha0)
        lambda_k = got.get("lambda_k", lambda_k)
        beta_k = got.get("beta_k", beta_k)
        beta_c = got.get("beta_c", beta_c)
        periods = got.get("periods", periods)
        simulate = got.get("simulate", simulate)
    a0 = real(_need(alpha0, "alpha0", func), "alpha0", lower=0, upper=1)
    lk = real(_need(lambda_k, "lambda_k", func), "lambda_k", lower=0, upper=1)
    bk = real(_need(beta_k, "beta_k", func), "beta_k", lower=0, lower_open=True)
    bc = real(_need(beta_c, "beta_c", func), "beta_c", lower=0, lower_open=True)
    Y0 = real(_need(Y0, "Y0", func), "Y0", lower=0, lower_open=True)
    T = whole(_need(periods, "periods", func), "periods", minimum=0, maximum=10**6)
    if not isinstance(simulate, bool | np.bool_):
        raise InvalidPlanError(f"simulate must be True or False, got {simulate!r}.")
    lc = 1.0 - lk
    t = np.arange(T + 1)
    I0 = a0 * Y0
    with np.errstate(over="ignore", invalid="ignore"):
        if simulate:
            Inv = np.empty(T + 1)
            C = np.empty(T + 1)
            Inv[0], C[0] = I0, Y0 - I0
            for s in range(T):
                Inv[s + 1] = Inv[s] * (1.0 + lk * bk)
                C[s + 1] = C[s] + lc * bc * Inv[s]
            Y = Inv + C
        else:
            x = lk * bk
            Inv = I0 * (1.0 + x) ** t
            # ((1 + x)^t - 1)/x computed without cancellation; equal to t at x = 0
            growth = np.expm1(t * np.log1p(x)) / x if x > 0 else t.astype(float)
            # C_t = C_0 + λ_c β_c I_0 ((1 + x)^t - 1)/x, and Y_t = I_t + C_t: the same as
            # Y0 (1 + α0 (x + λ_c β_c) growth), without the cancellation of C = Y - I when
            # nearly all of a large income is investment (λ_k = 1)
            C = (Y0 - I0) + lc * bc * I0 * growth
            Y = Inv + C
    finite_result(np.concatenate([Inv, C, Y]), "the Mahalanobis two-sector path",
                  f"growth factor 1 + λ_k β_k = {1 + lk * bk:g} over {T} periods; ask for "
                  "fewer periods")
    df = pd.DataFrame({"investment": Inv, "consumption": C, "income": Y},
                      index=pd.Index(t, name="period"))
    return GrowthPath("Mahalanobis two-sector", {"Y0": Y0, "alpha0": a0, "lambda_k": lk,
                                                 "beta_k": bk, "beta_c": bc,
                                                 "simulated": bool(simulate)}, df)


def mahalanobis_four_sector(investment: float, income_increase: float,
                            employment_increase: float, lambda_k: float,
                            beta: Any, theta: Any) -> pd.DataFrame:
    """Allocate investment over Mahalanobis's four sectors to meet income and jobs targets.

    Sectors: ``k`` investment goods, ``c1`` factory consumer goods, ``c2`` household and
    small industries, ``c3`` services. With investment ``I`` and the share ``λ_k`` fixed,
    the shares ``λ_1, λ_2, λ_3`` solve (Mahalanobis 1955, *Sankhya* 16, §4)

        λ_k + λ_1 + λ_2 + λ_3 = 1,
        I Σ_i λ_i β_i = ΔY          (β_i: income per unit of investment),
        I Σ_i λ_i / θ_i = ΔN        (θ_i: investment per person engaged).

    Returns
    -------
    DataFrame
        Index the four sectors; columns ``share``, ``investment``, ``income``,
        ``employment``.

    Raises
    ------
    PlanError
        Singular system, or targets that need a negative share in some sector.

    Notes
    -----
    Mahalanobis's draft-frame figures: investment Rs 5,600 crores over five years, an
    income increase of about 2,900 crores and 11 million jobs, θ in crores per person
    (Rs 20,000 = 0.002 crores); his published shares were 0.33, 0.17, 0.21, 0.29.

    Examples
    --------
    >>> from nonequivalent.planning import mahalanobis_four_sector
    >>> df = mahalanobis_four_sector(5600, 2900, 1.1e7, 0.33,
    ...                              beta=[0.20, 0.35, 1.25, 0.45],
    ...                              theta=[0.002, 0.000875, 0.00025, 0.000375])
    >>> df["share"].round(3).tolist()
    [0.33, 0.175, 0.21, 0.285]
    """
    inv = real(investment, "investment", lower=0, lower_open=True)
    dY = real(income_increase, "income_increase")
    dN = real(employment_increase, "employment_increase")
    lk = real(lambda_k, "lambda_k", lower=0, upper=1)
    b = _four(beta, "beta")
    th = _four(theta, "theta")
    M = np.array([np.ones(3), inv * b[1:], inv / th[1:]])
    rhs = np.array([1.0 - lk, dY - inv * lk * b[0], dN - inv * lk / th[0]])
    with np.errstate(over="ignore"):
        scale = max(1.0, np.float64(np.abs(M).max()) ** 3)
    finite_result(scale, "the four-sector coefficients (investment × β, investment / θ)",
                  "rescale the investment and the targets")
    if abs(np.linalg.det(M)) < 1e-12 * scale:
        raise PlanError("the sectors' coefficients make the allocation singular.")
    with np.errstate(over="ignore", invalid="ignore"):
        lam = np.concatenate([[lk], np.linalg.solve(M, rhs)])
        out = np.concatenate([lam, inv * lam, inv * lam * b, inv * lam / th])
    finite_result(out, "the four-sector allocation", "rescale the targets")
    if (lam < -1e-12).any():
        raise PlanError(f"no allocation meets these targets with non-negative shares "
                        f"(solution {lam.round(4).tolist()}); lower a target or change "
                        "lambda_k.")
    idx = pd.Index(["k", "c1", "c2", "c3"], name="sector")
    return pd.DataFrame({"share": lam, "investment": inv * lam, "income": inv * lam * b,
                         "employment": inv * lam / th}, index=idx)


def _four(values: Any, what: str) -> np.ndarray:
    """Four finite, positive coefficients (sectors k, c1, c2, c3)."""
    if isinstance(values, str | bytes):
        raise InvalidPlanError(f"{what} needs 4 positive numbers (k, c1, c2, c3).")
    try:
        arr = np.asarray(values)
        ok = arr.dtype.kind in "iuf"
        arr = np.array(arr, dtype=float).reshape(-1) if ok else arr
    except (TypeError, ValueError, OverflowError):
        ok = False
    if not ok or arr.shape != (4,) or not np.isfinite(arr).all() or (arr <= 0).any():
        raise InvalidPlanError(f"{what} needs 4 finite, positive numbers (k, c1, c2, c3); "
                               f"got {values!r}.")
    return arr


def reinvestment_rate(output_per_worker: float, investment_per_worker: float,
                      wage: float) -> float:
    """Surplus per unit of investment ``(p - w)/c``: the reinvestment criterion.

    Galenson and Leibenstein (1955) and Dobb (1960, ch. 3): choose the technique with the
    highest surplus per unit of investment, since the surplus is what is reinvested; Sen
    (1960, ch. 5) shows when this maximizes growth.

    >>> from nonequivalent.planning import reinvestment_rate
    >>> reinvestment_rate(10.0, 20.0, 4.0)
    0.3
    """
    p = _positive(output_per_worker, "output per worker")
    c = _positive(investment_per_worker, "investment per worker")
    w = _positive(wage, "wage", allow_zero=True)
    return (p - w) / c


def choice_of_technique(techniques: pd.DataFrame, wage: float, investment: float = 1.0,
                        horizon: int = 20) -> pd.DataFrame:
    """Compare techniques by output, surplus and cumulative consumption (Dobb–Sen).

    Each technique (row) has ``output_per_worker`` ``p`` and ``investment_per_worker``
    ``c``. An investment fund employs ``N_0 = I/c`` workers at wage ``w``; the surplus
    ``(p - w) N_t`` is reinvested in the same technique, so ``N_{t+1} = N_t (1 + s)``
    with ``s = (p - w)/c``, and consumption is ``w N_t`` (Sen 1960, ch. 3-4; Dobb 1960,
    ch. 3). The output criterion ranks by ``p/c``, the surplus criterion by ``s``; the
    horizon criterion by cumulative consumption over ``horizon`` periods.

    Returns
    -------
    DataFrame
        By technique: ``output_per_investment``, ``reinvestment_rate``,
        ``initial_consumption``, ``cumulative_consumption``, and ``recovery_period`` (first
        period at which its cumulative consumption exceeds that of the technique with the
        highest output per unit of investment; 0 for that technique, NaN if never within the
        horizon).

    Examples
    --------
    >>> import pandas as pd
    >>> from nonequivalent.planning import choice_of_technique
    >>> tech = pd.DataFrame({"output_per_worker": [3.0, 6.0],
    ...                      "investment_per_worker": [2.0, 6.0]}, index=["hand", "machine"])
    >>> choice_of_technique(tech, wage=2.0, horizon=30)["recovery_period"].tolist()
    [0.0, 13.0]
    """
    if not isinstance(techniques, pd.DataFrame) or not {
            "output_per_worker", "investment_per_worker"} <= set(techniques.columns):
        raise InvalidPlanError("techniques must be a DataFrame with columns output_per_worker and "
                        "investment_per_worker.")
    if techniques.empty:
        raise InvalidPlanError("techniques is empty: give at least one technique (a row).")
    p, c = (np.array([real(v, f"{col} of technique {k!r}") for k, v in
                      techniques[col].items()], dtype=float)
            for col in ("output_per_worker", "investment_per_worker"))
    if not np.isfinite(p).all() or not np.isfinite(c).all() or (p <= 0).any() or (c <= 0).any():
        raise InvalidPlanError("output and investment per worker must be finite and > 0.")
    w = _positive(wage, "wage", allow_zero=True)
    inv = _positive(investment, "investment")
    if (p < w).any():
        raise InvalidPlanError("a technique produces less than the wage per worker; it cannot "
                        "sustain itself.")
    H = whole(horizon, "horizon", minimum=1, maximum=10**6)
    s = (p - w) / c
    t = np.arange(H)
    with np.errstate(over="ignore", invalid="ignore"):
        N = (inv / c)[:, None] * (1.0 + s)[:, None] ** t[None, :]
        cum = np.cumsum(w * N, axis=1)
    finite_result(cum, "cumulative consumption", "a shorter horizon")
    ref = int(np.argmax(p / c))
    ahead = cum > cum[ref][None, :]
    rec = np.where(ahead.any(axis=1), np.argmax(ahead, axis=1).astype(float), np.nan)
    rec[ref] = 0.0
    return pd.DataFrame({"output_per_investment": p / c, "reinvestment_rate": s,
                         "initial_consumption": w * inv / c,
                         "cumulative_consumption": cum[:, -1], "recovery_period": rec},
                        index=techniques.index)
