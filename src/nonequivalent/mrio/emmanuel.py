"""Emmanuel's unequal exchange: prices of production with national wages.

Arghiri Emmanuel's textbook case: capital moves between countries and equalizes the rate
of profit, labour does not, so wages differ between countries. Each country ``k`` advances
constant capital ``c_k`` and wages ``v_k = w_k h_k`` (``h_k`` hours at the money wage
``w_k`` per hour, with one hour creating one unit of value, so new value = ``h_k``) and
produces surplus value ``s_k = h_k − v_k``. Its value is ``c_k + h_k``. With one
international rate of profit

    ``r = Σ s / Σ (c + v)``,

its price of production is ``p_k = (1 + r)(c_k + v_k)``, and the value it transfers to
the rest of the world is ``t_k = (c_k + h_k) − p_k``. Since total price equals total value,
``Σ_k t_k = 0`` (the invariant).

The transfer splits into Emmanuel's two parts: the transfer that equal wages per hour (the
world average ``w̄ = Σ v / Σ h``) would leave, due only to differences in the composition of
capital (unequal exchange "in the broad sense"), and the rest, due to the wage differences
("in the strict sense"). Each part also sums to zero.

Source: A. Emmanuel, *Unequal Exchange: A Study of the Imperialism of Trade* (Monthly
Review Press, 1972; French original *L'échange inégal*, 1969), the numerical comparisons of
values and prices of production between countries with unequal wages.

>>> import nonequivalent as ne
>>> res = ne.emmanuel_exchange(constant_capital={"centre": 10, "periphery": 10},
...                            hours={"centre": 10, "periphery": 10},
...                            wage={"centre": 0.8, "periphery": 0.2})
>>> res.table["transfer"].round(6).to_dict()
{'centre': -4.0, 'periphery': 4.0}
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result, _frame_text, format_number
from ..errors import InvalidEconomyError

__all__ = ["EmmanuelExchange", "emmanuel_exchange"]

#: Columns of :attr:`EmmanuelExchange.table`, in order.
COLUMNS = ("constant_capital", "hours", "wage", "variable_capital", "surplus_value", "value",
           "price_of_production", "transfer", "transfer_broad", "transfer_strict")


def _series(data: Any, what: str, index: pd.Index | None, positive: bool) -> pd.Series:
    if isinstance(data, Mapping) and not isinstance(data, pd.Series):
        data = pd.Series(dict(data), dtype=object)
    if not isinstance(data, pd.Series):
        raise InvalidEconomyError(
            f"{what} must be a mapping {{country: number}} or a Series; got "
            f"{type(data).__name__}.")
    if not data.index.is_unique:
        raise InvalidEconomyError(
            f"{what}: countries {sorted(map(str, data.index[data.index.duplicated()]))[:10]} "
            "are given more than once; give every country once.")
    if data.dtype.kind == "c" or any(isinstance(x, complex | np.complexfloating)
                                     for x in data.tolist()):
        raise InvalidEconomyError(f"{what} must be real numbers; got complex values.")
    try:
        s = data.astype(float).copy()
    except (TypeError, ValueError):
        raise InvalidEconomyError(f"{what} must be numbers; got {list(data)[:5]}.") from None
    if index is not None and set(s.index) != set(index):
        raise InvalidEconomyError(
            f"{what}: countries {sorted(map(str, s.index))} differ from "
            f"{sorted(map(str, index))}; give every country once.")
    if index is not None:
        s = s.reindex(index)
    arr = s.to_numpy()
    bad = ~np.isfinite(arr) | (arr <= 0 if positive else arr < 0)
    if bad.any():
        raise InvalidEconomyError(
            f"{what} must be finite and {'> 0' if positive else '>= 0'}; not at "
            f"{list(s.index[bad])}.")
    return s


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class EmmanuelExchange(Result):
    """Values, prices of production and transfers between countries (Emmanuel 1972).

    Attributes
    ----------
    profit_rate : float
        The international rate of profit ``r = Σ s / Σ (c + v)``.
    average_wage : float
        ``w̄ = Σ v / Σ h``, the wage of the equal-wage comparison.
    table : DataFrame
        By country: ``constant_capital, hours, wage, variable_capital`` (``v = w h``),
        ``surplus_value`` (``h − v``), ``value`` (``c + h``), ``price_of_production``
        (``(1 + r)(c + v)``), ``transfer`` (value − price: positive = gives value away),
        ``transfer_broad`` (the transfer at equal wages ``w̄``) and ``transfer_strict``
        (the rest, due to wage differences). Each transfer column sums to zero.
    """

    profit_rate: float
    average_wage: float
    _table: pd.DataFrame = dataclasses.field(repr=False)

    @property
    def table(self) -> pd.DataFrame:
        """The table by country (a copy)."""
        return self._table.copy()

    def to_frame(self) -> pd.DataFrame:
        """The table by country (a copy)."""
        return self.table

    @property
    def transfers_sum_to_zero(self) -> bool:
        """Whether the transfers sum to zero (relative ``1e-9`` of total value)."""
        tot = float(self._table["value"].sum())
        return all(abs(float(self._table[c].sum())) <= 1e-9 * tot
                   for c in ("transfer", "transfer_broad", "transfer_strict"))

    def __repr__(self) -> str:
        t = self._table["transfer"]
        return (f"EmmanuelExchange({len(t)} countries, r={self.profit_rate:.4g}, "
                f"largest giver {t.idxmax()!r} {t.max():.4g})")

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Countries, the international profit rate and the average wage."""
        return [("countries", len(self._table), ""), ("profit rate", self.profit_rate, ""),
                ("average wage", self.average_wage, "per hour")]

    def summary(self) -> str:
        """Readable table with the profit rate and the invariant, one number format."""
        return "\n".join([
            repr(self),
            f"International profit rate r = Σs/Σ(c+v) = {format_number(self.profit_rate)}; "
            f"average wage w̄ = {format_number(self.average_wage, 'per hour')}",
            "", _frame_text(self._table, {}), "",
            f"transfers sum to zero: {format_number(self.transfers_sum_to_zero)}"])


def _prices(c: np.ndarray, h: np.ndarray, w: np.ndarray) -> tuple[float, np.ndarray]:
    v = w * h
    r = float((h - v).sum() / (c + v).sum())
    return r, (1.0 + r) * (c + v)


def emmanuel_exchange(constant_capital: Mapping[Hashable, float] | pd.Series,
                      hours: Mapping[Hashable, float] | pd.Series,
                      wage: Mapping[Hashable, float] | pd.Series) -> EmmanuelExchange:
    """Emmanuel's values, prices of production and transfers between countries.

    Parameters
    ----------
    constant_capital : mapping {country: c}
        Constant capital used up, in hours of value (``>= 0``).
    hours : mapping {country: h}
        Hours worked (new value created), ``> 0``.
    wage : mapping {country: w}
        Wage per hour in hours of value (``v = w h``), ``>= 0`` and below 1 on average so
        that there is surplus value.

    Returns
    -------
    EmmanuelExchange

    Raises
    ------
    InvalidEconomyError
        Different countries in the inputs, non-finite or negative numbers, or no surplus
        value in total (``Σ w h >= Σ h``: no positive profit rate).

    Notes
    -----
    ``r = Σ(h − w h) / Σ(c + w h)``, ``p_k = (1 + r)(c_k + w_k h_k)``,
    ``t_k = c_k + h_k − p_k``; ``Σ t_k = 0`` because total price = total value.
    Broad part: the same with every ``w_k`` replaced by ``w̄ = Σ w h / Σ h``; strict part:
    ``t − t_broad``. A. Emmanuel, *Unequal Exchange* (1972).

    Examples
    --------
    Equal wages and equal compositions of capital: no transfer.

    >>> import nonequivalent as ne
    >>> res = ne.emmanuel_exchange({"a": 5, "b": 10}, {"a": 5, "b": 10},
    ...                            {"a": 0.5, "b": 0.5})
    >>> bool(res.table["transfer"].abs().max() < 1e-12)
    True
    """
    h = _series(hours, "hours", None, positive=True)
    countries = pd.Index(h.index, name="country")
    c = _series(constant_capital, "constant capital", countries, positive=False)
    w = _series(wage, "wage", countries, positive=False)
    ca, ha, wa = c.to_numpy(), h.to_numpy(), w.to_numpy()
    v = wa * ha
    if v.sum() >= ha.sum():
        raise InvalidEconomyError(
            f"total wages {v.sum():.6g} are at least the hours worked {ha.sum():.6g}: there "
            "is no surplus value and no positive rate of profit. Lower the wages (in hours "
            "of value per hour worked).")
    if not (ca + v).sum() > 0:
        raise InvalidEconomyError(
            "no capital is advanced (Σ(c + w h) = 0: no constant capital and no wages): the "
            "rate of profit r = Σ s / Σ(c + v) is undefined. Give some constant capital or "
            "wages.")
    r, price = _prices(ca, ha, wa)
    value = ca + ha
    transfer = value - price
    wbar = float(v.sum() / ha.sum())
    _, price_eq = _prices(ca, ha, np.full_like(wa, wbar))
    broad = value - price_eq
    table = pd.DataFrame(np.column_stack([ca, ha, wa, v, ha - v, value, price, transfer,
                                          broad, transfer - broad]),
                         index=countries, columns=list(COLUMNS))
    return EmmanuelExchange(profit_rate=r, average_wage=wbar, _table=table)
