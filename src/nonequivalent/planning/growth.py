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
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import brentq

from .._validation import as_number
from ..errors import ConvergenceError, InvalidPlanError, PlanError
from ._common import whole_number

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
    return as_number(value, what, InvalidPlanError, allow_zero=allow_zero)


def _share(value: float, what: str) -> float:
    v = as_number(value, what, InvalidPlanError, allow_zero=True)
    if v > 1.0:
        raise InvalidPlanError(f"{what} must lie in [0, 1], got {value}.")
    return v


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


@dataclasses.dataclass(frozen=True)
class GrowthPath:
    """A path of a growth model (frozen); ``to_frame()`` gives it by date.

    Attributes
    ----------
    model : str
    parameters : dict
    path : DataFrame
        Indexed by time, one column per quantity.

    Examples
    --------
    Feldman–Domar with ``γ v1 = 0.1``: capital-goods capacity grows by ``e`` in 10 years
    (G. A. Feldman, "On the theory of growth rates of national income", 1928; E. Domar,
    *Essays in the Theory of Economic Growth*, 1957, ch. 9):

    >>> import nonequivalent as ne
    >>> g = ne.feldman_domar(0.5, 0.2, 0.4, K1_0=100.0, C0=50.0, times=[0, 10])
    >>> g.model, g.parameters["gamma"]
    ('Feldman–Domar', 0.5)
    >>> g.to_frame().round(2)
              K1  investment  consumption
    time
    0     100.00       20.00        50.00
    10    271.83       54.37       118.73
    """

    model: str
    parameters: dict[str, Any]
    path: pd.DataFrame

    def to_frame(self) -> pd.DataFrame:
        """The path as a DataFrame indexed by time."""
        return self.path.copy()

    def summary(self) -> str:
        """A printable report."""
        params = ", ".join(f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}"
                           for k, v in self.parameters.items())
        return f"{self.model} ({params})\n{self.path.round(4).to_string()}"

    __str__ = summary


def feldman_domar(gamma: float, v1: float, v2: float, K1_0: float, C0: float,
                  times: Any, simulate: bool = False, steps_per_unit: int = 100
                  ) -> GrowthPath:
    """Feldman–Domar two-sector growth: capital goods first.

    Parameters
    ----------
    gamma : float
        Share γ of investment allocated to the capital-goods sector, in [0, 1].
    v1, v2 : float
        Output-capital ratios of the capital-goods and consumer-goods sectors.
    K1_0 : float
        Initial capacity of the capital-goods sector; investment ``I0 = v1 K1_0``.
    C0 : float
        Initial consumption.
    times : array-like
        Dates at which the path is reported (>= 0).
    simulate : bool
        Integrate ``dK1/dt = γ v1 K1``, ``dC/dt = (1 - γ) v2 v1 K1`` step by step
        (classical Runge–Kutta, ``steps_per_unit`` steps per unit of time) instead of the
        closed form.

    Returns
    -------
    GrowthPath
        Columns ``K1``, ``investment``, ``consumption``.

    Notes
    -----
    Domar (1957), ch. 9: ``K1(t) = K1(0) e^{γ v1 t}``; ``I(t) = v1 K1(t)``;
    ``C(t) = C0 + (1 - γ) v2 I0 (e^{γ v1 t} - 1)/(γ v1)``.

    Examples
    --------
    >>> from nonequivalent.planning import feldman_domar
    >>> p = feldman_domar(0.5, 0.2, 0.4, K1_0=100.0, C0=50.0, times=[0, 10])
    >>> p.path.round(3)
               K1  investment  consumption
    time
    0     100.000      20.000       50.000
    10    271.828      54.366      118.731
    """
    g = _share(gamma, "gamma")
    v1 = _positive(v1, "v1")
    v2 = _positive(v2, "v2")
    K1_0 = _positive(K1_0, "K1_0")
    C0 = _positive(C0, "C0", allow_zero=True)
    t = np.asarray(times, dtype=float).reshape(-1)
    if (t < 0).any() or not np.isfinite(t).all():
        raise InvalidPlanError("times must be finite and >= 0.")
    I0 = v1 * K1_0
    if not simulate:
        K1 = K1_0 * np.exp(g * v1 * t)
        C = C0 + (1.0 - g) * v2 * I0 * _growth_factor(g * v1, t)
    else:
        K1, C = _rk4_feldman(g, v1, v2, K1_0, C0, t, int(steps_per_unit))
    df = pd.DataFrame({"K1": K1, "investment": v1 * K1, "consumption": C},
                      index=pd.Index(t, name="time"))
    if np.all(t == np.round(t)):
        df.index = pd.Index(t.astype(int), name="time")
    return GrowthPath("Feldman–Domar", {"gamma": g, "v1": v1, "v2": v2, "K1_0": K1_0,
                                        "C0": C0, "simulated": simulate}, df)


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
    return float(brentq(gap, 1e-12, hi, xtol=1e-12, rtol=1e-14, maxiter=500))


def mahalanobis_two_sector(alpha0: float, lambda_k: float, beta_k: float, beta_c: float,
                           Y0: float, periods: int, simulate: bool = False) -> GrowthPath:
    """Mahalanobis's two-sector model (1953) in discrete time.

    Investment ``I_t`` splits into the investment-goods sector (share ``λ_k``, output-capital
    ratio ``β_k``) and consumer goods (``λ_c = 1 - λ_k``, ``β_c``):
    ``I_{t+1} = I_t (1 + λ_k β_k)``, ``C_{t+1} = C_t + λ_c β_c I_t``, ``Y_t = I_t + C_t``,
    hence ``Y_t = Y_0 [1 + α_0 (λ_k β_k + λ_c β_c)/(λ_k β_k) ((1 + λ_k β_k)^t - 1)]``
    (Mahalanobis 1953, *Sankhya* 12, eq. 2.5), ``α_0 = I_0/Y_0``.

    Examples
    --------
    >>> from nonequivalent.planning import mahalanobis_two_sector
    >>> p = mahalanobis_two_sector(0.1, 0.3, 0.2, 0.5, Y0=100.0, periods=2)
    >>> p.path["income"].round(4).tolist()
    [100.0, 104.1, 108.446]
    """
    a0 = _share(alpha0, "alpha0")
    lk = _share(lambda_k, "lambda_k")
    bk = _positive(beta_k, "beta_k")
    bc = _positive(beta_c, "beta_c")
    Y0 = _positive(Y0, "Y0")
    T = whole_number(periods, "periods must be an integer >= 0", minimum=0)
    lc = 1.0 - lk
    t = np.arange(T + 1)
    I0 = a0 * Y0
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
    df = pd.DataFrame({"investment": Inv, "consumption": C, "income": Y},
                      index=pd.Index(t, name="period"))
    return GrowthPath("Mahalanobis two-sector", {"alpha0": a0, "lambda_k": lk, "beta_k": bk,
                                                 "beta_c": bc, "Y0": Y0,
                                                 "simulated": simulate}, df)


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
    inv = _positive(investment, "investment")
    dY = float(income_increase)
    dN = float(employment_increase)
    lk = _share(lambda_k, "lambda_k")
    b = np.asarray(beta, dtype=float).reshape(-1)
    th = np.asarray(theta, dtype=float).reshape(-1)
    if b.shape != (4,) or th.shape != (4,) or (b <= 0).any() or (th <= 0).any():
        raise InvalidPlanError("beta and theta need 4 positive entries (k, c1, c2, c3).")
    M = np.array([np.ones(3), inv * b[1:], inv / th[1:]])
    rhs = np.array([1.0 - lk, dY - inv * lk * b[0], dN - inv * lk / th[0]])
    if abs(np.linalg.det(M)) < 1e-12 * max(1.0, float(np.abs(M).max()) ** 3):
        raise PlanError("the sectors' coefficients make the allocation singular.")
    lam = np.concatenate([[lk], np.linalg.solve(M, rhs)])
    if (lam < -1e-12).any():
        raise PlanError(f"no allocation meets these targets with non-negative shares "
                        f"(solution {lam.round(4).tolist()}); lower a target or change "
                        "lambda_k.")
    idx = pd.Index(["k", "c1", "c2", "c3"], name="sector")
    return pd.DataFrame({"share": lam, "investment": inv * lam, "income": inv * lam * b,
                         "employment": inv * lam / th}, index=idx)


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
    p = techniques["output_per_worker"].to_numpy(dtype=float)
    c = techniques["investment_per_worker"].to_numpy(dtype=float)
    if not np.isfinite(p).all() or not np.isfinite(c).all() or (p <= 0).any() or (c <= 0).any():
        raise InvalidPlanError("output and investment per worker must be finite and > 0.")
    w = _positive(wage, "wage", allow_zero=True)
    inv = _positive(investment, "investment")
    if (p < w).any():
        raise InvalidPlanError("a technique produces less than the wage per worker; it cannot "
                        "sustain itself.")
    H = whole_number(horizon, "horizon must be an integer >= 1", minimum=1)
    s = (p - w) / c
    t = np.arange(H)
    N = (inv / c)[:, None] * (1.0 + s)[:, None] ** t[None, :]
    cum = np.cumsum(w * N, axis=1)
    ref = int(np.argmax(p / c))
    ahead = cum > cum[ref][None, :]
    rec = np.where(ahead.any(axis=1), np.argmax(ahead, axis=1).astype(float), np.nan)
    rec[ref] = 0.0
    return pd.DataFrame({"output_per_investment": p / c, "reinvestment_rate": s,
                         "initial_consumption": w * inv / c,
                         "cumulative_consumption": cum[:, -1], "recovery_period": rec},
                        index=techniques.index)
