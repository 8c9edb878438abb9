"""Closed forms of the exchange and scissors models, derived with sympy.

Each function builds its symbols itself, derives the result from the model's definitions
(never from a user string) and returns a :class:`ClosedForm` (immutable, so each is derived
once and cached): the sympy expression
(``.expr``), its LaTeX (``.latex()``), the derivation steps (``.derivation``) and a fast
numeric evaluation (``.evaluate(**values)``, through :func:`sympy.lambdify`).

* :func:`two_good_transfer` — ``p^e_a q_a (1 − 1/σ)`` (Preobrazhensky, *The New Economics*, ch. 2).
* :func:`squeeze_optimum_price` — ``p* = ε p^e/(1+ε)`` (isoelastic) and
  ``p* = (p^e + p0 − q0/b)/2`` (linear).
* :func:`accumulation_derivative` — ``∂S/∂p`` in the dual economy of
  :class:`nonequivalent.DualEconomy` (after Sah & Stiglitz, *AER* 74, 1984), at a fixed
  wage or along a real-wage floor.
* :func:`optimal_procurement_price` — the dual economy's optimum at a real-wage floor.

>>> from nonequivalent import symbolic
>>> cf = symbolic.squeeze_optimum_price()
>>> cf.expr
epsilon*p_e/(epsilon + 1)
>>> cf.evaluate(epsilon=0.5, p_e=1.0)
0.3333333333333333
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import cache, cached_property
from typing import Any

import numpy as np
import sympy as sp

from ..errors import InvalidPriceError, MarketingResponseError

__all__ = [
    "ClosedForm",
    "accumulation_derivative",
    "optimal_procurement_price",
    "squeeze_optimum_price",
    "two_good_transfer",
]


@dataclasses.dataclass(frozen=True, eq=False)
class ClosedForm:
    """A closed-form result: a sympy expression with its symbols, derivation and source.

    Attributes
    ----------
    name : str
    expr : sympy.Expr
        The result.
    symbols : tuple of sympy.Symbol
        Its free symbols, in the order :meth:`evaluate` and :attr:`function` take them.
    description : str
    source : str
        Where the formula comes from.
    derivation : tuple of (str, sympy.Expr)
        Steps from the model's definitions to ``expr``.

    Examples
    --------
    >>> from nonequivalent import symbolic
    >>> cf = symbolic.two_good_transfer()
    >>> print(cf.latex())
    p_{e a} q_{a} \\left(1 - \\frac{1}{\\sigma}\\right)
    >>> cf.evaluate(p_e_a=1.0, q_a=100.0, sigma=2.0)
    50.0
    """

    name: str
    expr: sp.Expr
    symbols: tuple[sp.Symbol, ...]
    description: str
    source: str
    derivation: tuple[tuple[str, sp.Expr], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Names of the symbols (keywords of :meth:`evaluate`)."""
        return tuple(s.name for s in self.symbols)

    def latex(self) -> str:
        """The expression in LaTeX."""
        return sp.latex(self.expr)

    @cached_property
    def function(self) -> Callable[..., Any]:
        """The expression as a numpy function of :attr:`symbols` (positional)."""
        return sp.lambdify(self.symbols, self.expr, modules="numpy")

    def evaluate(self, **values: Any) -> Any:
        """Evaluate at numbers (or numpy arrays) given by symbol name.

        Every symbol in :attr:`names` must be given, and nothing else (``TypeError``
        otherwise, as for any Python call with wrong keywords). Values must be real, finite
        numbers or arrays; a string, a complex number, NaN, an infinity, or a point where
        the formula is not finite raises :class:`~nonequivalent.InvalidPriceError`.

        >>> from nonequivalent import symbolic
        >>> symbolic.squeeze_optimum_price().evaluate(epsilon=1.0, p_e=2.0)
        1.0
        """
        missing = [n for n in self.names if n not in values]
        extra = [k for k in values if k not in self.names]
        if missing or extra:
            raise TypeError(f"{self.name}: evaluate() takes exactly the symbols "
                            f"{list(self.names)}; missing {missing}, unexpected {extra}.")
        args = [_real_array(values[n], f"{self.name}: {n}") for n in self.names]
        shapes = {np.shape(a) for a in args if np.ndim(a)}
        try:
            np.broadcast_shapes(*shapes)
        except ValueError:
            raise InvalidPriceError(f"{self.name}: the arrays given have shapes "
                                    f"{sorted(shapes)}, which do not broadcast.") from None
        if any(np.size(a) == 0 for a in args):
            raise InvalidPriceError(f"{self.name}: an empty array was given.")
        args = [np.float64(a) if np.ndim(a) == 0 else a for a in args]  # numpy semantics
        try:
            with np.errstate(all="ignore"):
                out = self.function(*args)
                arr = np.asarray(out)
        except ArithmeticError:
            raise InvalidPriceError(f"{self.name}: the formula is not finite at {values} "
                                    "(outside the model's domain).") from None
        if arr.dtype.kind == "c" or arr.dtype.kind not in "biufc":
            raise InvalidPriceError(f"{self.name}: the formula has no real value at "
                                    f"{values} (outside the model's domain).")
        arr = arr.astype(float)
        if not np.isfinite(arr).all():
            raise InvalidPriceError(f"{self.name}: the formula is not finite at {values} "
                                    "(a division by zero or an overflow: outside the "
                                    "model's domain).")
        return float(arr) if arr.ndim == 0 else arr

    def summary(self) -> str:
        """Name, formula, source and the derivation steps."""
        lines = [f"{self.name}: {self.description}", f"  {sp.sstr(self.expr)}",
                 f"  source: {self.source}"]
        for label, step in self.derivation:
            lines.append(f"  {label}: {sp.sstr(step)}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def to_frame(self) -> Any:
        """The derivation steps as a DataFrame (step, expression, LaTeX)."""
        import pandas as pd

        rows = [*self.derivation, ("result", self.expr)]
        return pd.DataFrame({"expression": [sp.sstr(e) for _, e in rows],
                             "latex": [sp.latex(e) for _, e in rows]},
                            index=pd.Index([label for label, _ in rows], name="step"))


def _ordered(expr: sp.Expr, order: list[sp.Symbol]) -> tuple[sp.Symbol, ...]:
    free = expr.free_symbols
    return tuple(s for s in order if s in free)


@cache
def two_good_transfer() -> ClosedForm:
    """The transfer at benchmark prices with two goods and balanced trade.

    Peasants sell ``q_a`` at ``p_a`` and buy ``q_m = p_a q_a / p_m``. At benchmark prices
    ``p^e`` the transfer (underpayment + overpayment) is
    ``(p^e_a − p_a) q_a + (p_m − p^e_m) q_m``; writing the scissors index
    ``σ = (p_m/p^e_m)/(p_a/p^e_a)`` it simplifies to ``p^e_a q_a (1 − 1/σ)``.

    Notes
    -----
    Preobrazhensky, *The New Economics*, ch. 2; Stalin, speech of 9 July
    1928, *Works* vol. 11 (underpayment + overpayment).

    Examples
    --------
    >>> from nonequivalent import symbolic
    >>> cf = symbolic.two_good_transfer()
    >>> [label for label, _ in cf.derivation]
    ['transfer', 'balanced trade', 'in terms of σ']
    >>> round(cf.evaluate(p_e_a=1.0, q_a=100.0, sigma=276 / 89), 4)
    67.75
    """
    pe_a, pe_m, p_a, p_m, q_a, sigma = sp.symbols("p_e_a p_e_m p_a p_m q_a sigma",
                                                  positive=True)
    q_m = p_a * q_a / p_m
    transfer = (pe_a - p_a) * q_a + (p_m - pe_m) * sp.Symbol("q_m", positive=True)
    balanced = sp.simplify((pe_a - p_a) * q_a + (p_m - pe_m) * q_m)
    # σ = (p_m/pe_m)/(p_a/pe_a)  =>  p_m = σ pe_m p_a / pe_a
    in_sigma = sp.simplify(balanced.subs(p_m, sigma * pe_m * p_a / pe_a))
    target = pe_a * q_a * (1 - 1 / sigma)
    if sp.simplify(in_sigma - target) != 0:  # pragma: no cover - a derivation check
        raise ArithmeticError("two-good transfer derivation failed")
    return ClosedForm(
        name="two-good transfer",
        expr=target,
        symbols=(pe_a, q_a, sigma),
        description="transfer at benchmark prices with balanced trade, p^e_a q_a (1 − 1/σ)",
        source="Preobrazhensky, The New Economics (1926), ch. 2",
        derivation=(("transfer", transfer), ("balanced trade", balanced),
                    ("in terms of σ", in_sigma)))


@cache
def squeeze_optimum_price(kind: str = "isoelastic") -> ClosedForm:
    """The procurement price that maximizes extraction ``(p^e − p) q(p)``.

    ``kind="isoelastic"``: ``q = q0 (p/p0)^ε`` gives ``p* = ε p^e/(1 + ε)``;
    ``kind="linear"``: ``q = q0 + b (p − p0)`` gives ``p* = (p^e + p0 − q0/b)/2`` (where
    ``q > 0``; :func:`nonequivalent.squeeze_optimum` clips it to ``[lower, p^e]``).
    Both are solved by sympy from ``dE/dp = 0``.

    Raises
    ------
    MarketingResponseError
        Unknown ``kind``.

    Notes
    -----
    the 1927–28 grain crisis (Goldman 2022).

    Examples
    --------
    >>> from nonequivalent import symbolic
    >>> symbolic.squeeze_optimum_price("linear").expr
    p0/2 + p_e/2 - q0/(2*b)
    """
    p, pe, q0, p0, eps, b = sp.symbols("p p_e q0 p0 epsilon b", positive=True)
    if kind == "isoelastic":
        q = q0 * (p / p0) ** eps
        order = [eps, pe]
    elif kind == "linear":
        q = q0 + b * (p - p0)
        order = [pe, p0, q0, b]
    else:
        raise MarketingResponseError(f"kind must be 'isoelastic' or 'linear'; got {kind!r}.")
    E = (pe - p) * q
    dE = sp.simplify(sp.diff(E, p))
    sols = sp.solve(sp.Eq(dE, 0), p)
    if len(sols) != 1:  # pragma: no cover - a derivation check
        raise ArithmeticError(f"expected one stationary point, got {sols}")
    p_star = sp.expand(sp.simplify(sols[0])) if kind == "linear" else sp.simplify(sols[0])
    return ClosedForm(
        name=f"squeeze optimum ({kind})", expr=p_star, symbols=_ordered(p_star, order),
        description=f"argmax of (p^e − p) q(p) with {kind} marketed surplus",
        source="Sah & Stiglitz, AER 74 (1984); the 1927–28 grain crisis",
        derivation=(("extraction E(p)", E), ("dE/dp", dE)))


def _dual_symbols() -> dict[str, sp.Symbol]:
    names = "p w q0 p0 epsilon L beta a V omega"
    return dict(zip(names.split(), sp.symbols(names, positive=True), strict=True))


def _dual_model(s: dict[str, sp.Symbol]) -> tuple[sp.Expr, sp.Expr, sp.Expr]:
    """Marketed surplus q(p), accumulation S(p, w) and the wage w(p) at the real-wage floor.

    The model of :class:`nonequivalent.DualEconomy`; ``w(p)`` keeps workers at the real
    wage ``V = w / p_r^β`` with ``p_r = L β w / q``.
    """
    p, w, q0, p0, eps, L, beta, a, V = (
        s[k] for k in "p w q0 p0 epsilon L beta a V".split())
    q = q0 * (p / p0) ** eps
    S = a * L - (1 - beta) * w * L - p * q
    w_floor = (V * (L * beta) ** beta * q ** (-beta)) ** (1 / (1 - beta))
    return q, S, w_floor


@cache
def accumulation_derivative(wage: str = "fixed") -> ClosedForm:
    """``dS/dp`` in the dual economy of :class:`nonequivalent.DualEconomy`.

    ``S = a L − (1 − β) w L − p q(p)``, ``q = q0 (p/p0)^ε``.

    * ``wage="fixed"``: ``∂S/∂p = −(1 + ε) q0 (p/p0)^ε`` (< 0: a squeeze raises
      accumulation).
    * ``wage="real-wage-floor"``: ``w = w(p)`` keeps workers at the real wage ``V``
      (``V = w / p_r^β``, ``p_r = L β w / q``), and ``dS/dp`` then has both signs: it is
      zero at :func:`optimal_procurement_price`.

    Raises
    ------
    MarketingResponseError
        Unknown ``wage``.

    Notes
    -----
    Sah & Stiglitz, *AER* 74(1) (1984), 125–138 (a squeeze raises accumulation); the
    functional forms are this library's (see :class:`nonequivalent.DualEconomy`).

    Examples
    --------
    >>> from nonequivalent import symbolic
    >>> cf = symbolic.accumulation_derivative()
    >>> cf.evaluate(p=1.0, q0=100.0, p0=1.0, epsilon=0.5)
    -150.0
    """
    s = _dual_symbols()
    _, S, w_of_p = _dual_model(s)
    p, w = s["p"], s["w"]
    order = [s[k] for k in "p w q0 p0 epsilon L beta a V".split()]
    if wage == "fixed":
        d = sp.simplify(sp.diff(S, p))
        steps = (("S(p, w)", S),)
    elif wage == "real-wage-floor":
        S_floor = S.subs(w, w_of_p)
        d = sp.simplify(sp.diff(S_floor, p))
        steps = (("S(p, w)", S), ("w(p) at the real-wage floor", w_of_p),
                 ("S(p) at the floor", S_floor))
    else:
        raise MarketingResponseError(
            f"wage must be 'fixed' or 'real-wage-floor'; got {wage!r}.")
    return ClosedForm(name=f"dS/dp ({wage} wage)", expr=d, symbols=_ordered(d, order),
                      description="derivative of the state's accumulation with respect to "
                                  "the procurement price",
                      source="Sah & Stiglitz, AER 74(1) (1984); nonequivalent.DualEconomy",
                      derivation=steps)


@cache
def optimal_procurement_price(peasant_weight: bool = False) -> ClosedForm:
    """The dual economy's optimal procurement price at a real-wage floor ``V``.

    Maximizes ``S(p, w(p)) + ω U_p(p)`` (``U_p = p q/(1+ε)``) where ``w(p)`` holds workers
    at ``V``. The objective and its first-order condition are built by sympy (see
    :attr:`ClosedForm.derivation`); with ``q = c p^ε`` and ``w(p) = K p^{−γ}`` the
    condition ``L (1−β) K γ p^{−γ−1} = c (1 + ε − ω) p^ε`` gives
    ``p* = (L K ε β / (c (1 + ε − ω)))^{1/(1+ε+γ)}``, with ``c = q0 p0^{−ε}``,
    ``γ = εβ/(1−β)`` and ``K = (V (Lβ)^β)^{1/(1−β)} c^{−β/(1−β)}`` (sympy does not solve
    the condition with symbolic exponents; the tests evaluate the first-order condition
    at ``p*`` and check it vanishes). With ``peasant_weight=False``, ``ω = 0``.

    Notes
    -----
    This library's formalization in the spirit of Sah & Stiglitz, *AER* 74(1) (1984); see
    :meth:`nonequivalent.DualEconomy.optimal_wedge`.

    Examples
    --------
    >>> from nonequivalent import symbolic
    >>> cf = symbolic.optimal_procurement_price()
    >>> round(cf.evaluate(q0=100.0, p0=1.0, epsilon=0.5, L=100.0, beta=0.5, V=0.5), 6)
    0.144338
    """
    s = _dual_symbols()
    q, S, w_of_p = _dual_model(s)
    p, w, L, beta, V, eps = (s[k] for k in "p w L beta V epsilon".split())
    q0, p0 = s["q0"], s["p0"]
    weight = s["omega"] if peasant_weight else sp.Integer(0)
    objective = S.subs(w, w_of_p) + weight * p * q / (1 + eps)
    foc = sp.diff(objective, p)
    c = q0 * p0 ** (-eps)
    gamma = eps * beta / (1 - beta)
    K = (V * (L * beta) ** beta) ** (1 / (1 - beta)) * c ** (-beta / (1 - beta))
    p_star = (L * K * eps * beta / (c * (1 + eps - weight))) ** (1 / (1 + eps + gamma))
    order = [s[k] for k in "q0 p0 epsilon L beta V omega".split()]
    return ClosedForm(
        name="optimal procurement price", expr=p_star, symbols=_ordered(p_star, order),
        description="argmax over p of S + ω U_p with workers at the real wage V",
        source="Sah & Stiglitz, AER 74(1) (1984), in this library's formalization",
        derivation=(("objective", objective), ("first-order condition", foc)))


def _real_array(value: Any, what: str) -> Any:
    """A real, finite number or float array (strings, complex, bool, NaN and inf refused)."""
    if isinstance(value, str | bytes | bool | np.bool_ | complex):
        raise InvalidPriceError(f"{what} must be a real number, got {value!r}.")
    try:
        arr = np.asarray(value)
        if arr.dtype.kind not in "iuf":
            raise TypeError
        arr = arr.astype(float)
    except (TypeError, ValueError, OverflowError):
        raise InvalidPriceError(f"{what} must be a real number or array of them, got "
                                f"{value!r}.") from None
    if not np.isfinite(arr).all():
        raise InvalidPriceError(f"{what} must be finite, got {value!r}.")
    return float(arr) if arr.ndim == 0 else arr
