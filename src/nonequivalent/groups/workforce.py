"""The workforce that industrialization recruited: new waged workers by origin and year.

Background: W. Z. Goldman, "Blood on the Red Banner", *International Review of Social
History* (2022): the number of workers rose from 11.9 million (1929) to 22.6 million (1933);
women were about 37% of all newly hired waged workers in 1929–35.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result, format_number
from .._validation import as_vector
from ..errors import InvalidHouseholdError
from .labour_power import _fmt, _positive_number

__all__ = ["WorkforceDynamics", "workforce_dynamics"]


# ---------------------------------------------------------------------------- workforce
@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class WorkforceDynamics(Result):
    """New waged workers by origin and year, with the households they imply.

    Attributes
    ----------
    new_workers : pandas.DataFrame
        New waged workers, years x origins.
    households : pandas.DataFrame
        By year: ``new migrant households`` (migrants / earners per migrant household),
        ``second earners`` (urban women entering waged work), ``two-earner households``
        (households turned into two-earner households that year), and their cumulative
        ``two-earner households (cumulative)``.
    workforce : pandas.Series or None
        Waged workforce at the end of each year (initial + cumulative new workers) when an
        initial workforce was given.
    housing_saving : pandas.Series or None
        Urban women x housing cost per migrant, by year.
    migrant_origin, urban_women_origin : label
        Which origins are peasant migrants and urban women.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> dyn = ne.workforce_dynamics(years=[1930], totals=1.0,
    ...                             shares={"peasant migrants": 0.6, "urban women": 0.4})
    >>> float(dyn.to_frame().loc[1930, "two-earner households"])
    0.4
    """

    new_workers: pd.DataFrame
    households: pd.DataFrame
    workforce: pd.Series | None
    housing_saving: pd.Series | None
    migrant_origin: Hashable
    urban_women_origin: Hashable

    _title = "Workforce dynamics"

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Years, new waged workers, two-earner households formed."""
        nw = object.__getattribute__(self, "new_workers")
        hh = object.__getattribute__(self, "households")
        return [("years", len(nw), ""), ("new workers", float(nw.to_numpy().sum()), "persons"),
                ("two-earner households", float(hh["two-earner households"].sum()),
                 "households")]

    def to_frame(self) -> pd.DataFrame:
        """Everything by year in one table."""
        parts = [self.new_workers.add_prefix("new: "), self.households]
        if self.workforce is not None:
            parts.append(self.workforce.to_frame())
        if self.housing_saving is not None:
            parts.append(self.housing_saving.to_frame())
        return pd.concat(parts, axis=1)

    def summary_lines(self) -> list[str]:
        """Totals over the years, by origin."""
        tot = self.new_workers.sum()
        grand = float(tot.sum())
        lines = [f"Workforce dynamics {self.new_workers.index.min()}–"
                 f"{self.new_workers.index.max()}: {_fmt(grand)} new waged workers"]
        for origin, n in tot.items():
            share = format_number(100 * n / grand, "%") if grand > 0 else "n/a"
            lines.append(f"  {origin!s:<22} {_fmt(n)} ({share})")
        formed = float(self.households["two-earner households"].sum())
        lines.append(f"  two-earner households formed {_fmt(formed)}")
        if self.workforce is not None:
            lines.append(f"  workforce at the end          {_fmt(self.workforce.iloc[-1])}")
        if self.housing_saving is not None:
            lines.append(f"  housing saving                {_fmt(self.housing_saving.sum())}")
        return lines


def _read_new_workers(data: Any) -> pd.DataFrame:
    if isinstance(data, Mapping) and not isinstance(data, pd.DataFrame):
        data = pd.DataFrame(data)
    if not isinstance(data, pd.DataFrame):
        raise InvalidHouseholdError(
            "new workers must be a DataFrame: long (columns year, origin, count) or wide "
            "(index year, one column per origin).")
    cols = {str(c).lower(): c for c in data.columns}
    if "origin" in cols and "year" in cols:
        count_col = next((cols[c] for c in ("count", "value", "workers", "new_workers")
                          if c in cols), None)
        if count_col is None:
            raise InvalidHouseholdError(
                "a long table of new workers needs a count column named 'count' (or "
                f"'value', 'workers'); got columns {list(data.columns)}.")
        dup = data.duplicated(subset=[cols["year"], cols["origin"]])
        if dup.any():
            rows = data.loc[dup, [cols["year"], cols["origin"]]].values.tolist()[:5]
            raise InvalidHouseholdError(
                f"repeated (year, origin) rows {rows}; give one count per year and origin.")
        wide = data.pivot(index=cols["year"], columns=cols["origin"], values=count_col)
        wide = wide.fillna(0.0)
    else:
        wide = data.copy()
    wide = wide.sort_index()
    wide.index.name = "year"
    wide.columns.name = "origin"
    if not wide.index.is_unique:
        raise InvalidHouseholdError("years must be unique in a wide table of new workers.")
    try:
        vals = wide.to_numpy(dtype=float)
    except (TypeError, ValueError) as exc:
        raise InvalidHouseholdError(f"new-worker counts must be numeric: {exc}.") from None
    if vals.size == 0:
        raise InvalidHouseholdError("the table of new workers is empty.")
    if not np.all(np.isfinite(vals)) or np.any(vals < 0):
        raise InvalidHouseholdError("new-worker counts must be finite and >= 0.")
    return pd.DataFrame(vals, index=wide.index, columns=wide.columns)


def workforce_dynamics(new_workers: Any = None, *, years: Any = None, totals: Any = None,
                       shares: Mapping[Hashable, float] | None = None,
                       migrant_origin: Hashable = "peasant migrants",
                       urban_women_origin: Hashable = "urban women",
                       earners_per_migrant_household: float = 1.0,
                       extra_earners_per_household: float = 1.0,
                       initial_workforce: float | None = None,
                       housing_cost_per_migrant: float | None = None) -> WorkforceDynamics:
    """New waged workers by origin over a sequence of years, and the households implied.

    Give either a table ``new_workers`` or parameters ``years``, ``totals`` (new workers
    per year) and ``shares`` (share of each origin, summing to 1).

    Accepted table formats (for example the output of a dataset loader):

    * long: columns ``year``, ``origin``, ``count`` (``value`` or ``workers`` also accepted
      for the count; column names are case-insensitive), one row per year and origin;
    * wide: index = year, one column per origin.

    Implied households per year: each peasant migrant household brings
    ``earners_per_migrant_household`` workers (so ``migrants / earners`` new households
    to house); each urban woman entering waged work is a second earner in a household
    already in town, and ``urban women / extra_earners_per_household`` households become
    two-earner households. Other origins imply no household change.

    Parameters
    ----------
    new_workers : DataFrame, optional
        The table described above.
    years, totals, shares : optional
        Parameters instead of a table: ``totals`` is a scalar or one number per year.
    migrant_origin, urban_women_origin : label
        Names of the origins that are peasant migrants and urban women.
    earners_per_migrant_household, extra_earners_per_household : float, default 1
        Conversions from workers to households (> 0).
    initial_workforce : float, optional
        Waged workforce before the first year; gives the workforce at each year's end.
    housing_cost_per_migrant : float, optional
        Housing and municipal cost per migrant worker; gives the saving when urban women
        (already housed) are hired instead.

    Raises
    ------
    InvalidHouseholdError
        Malformed table (missing columns, repeated rows, negative counts), shares not
        summing to 1, both or neither of table and parameters.

    Notes
    -----
    Goldman (2022), citing *Trud v SSSR* (1936): women were about 37% of newly hired
    waged workers in 1929–35, and the number of workers rose from 11.9 million in 1929 to
    22.6 million in 1933. The conversions to households are model assumptions.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> dyn = ne.workforce_dynamics(years=[1930, 1931], totals=[2.0, 3.0],
    ...     shares={"peasant migrants": 0.5, "urban women": 0.37, "others": 0.13},
    ...     initial_workforce=11.9, housing_cost_per_migrant=1.0)
    >>> dyn.households["two-earner households"].round(2).tolist()
    [0.74, 1.11]
    >>> dyn.workforce.round(2).tolist()
    [13.9, 16.9]
    """
    if new_workers is not None:
        if years is not None or totals is not None or shares is not None:
            raise InvalidHouseholdError(
                "give either a table of new workers or years/totals/shares, not both.")
        table = _read_new_workers(new_workers)
    else:
        if years is None or totals is None or shares is None:
            raise InvalidHouseholdError(
                "give a table of new workers, or all of years, totals and shares.")
        yrs = pd.Index(list(years), name="year")
        tot = as_vector(totals, yrs, "new workers per year", InvalidHouseholdError)
        sh = pd.Series(dict(shares), dtype=float)
        if sh.empty or not np.all(np.isfinite(sh)) or np.any(sh < 0) or \
                abs(float(sh.sum()) - 1.0) > 1e-9:
            raise InvalidHouseholdError(
                f"origin shares must be >= 0 and sum to 1; got {sh.to_dict()}.")
        table = pd.DataFrame(np.outer(tot, sh.to_numpy()), index=yrs, columns=sh.index)
        table.columns.name = "origin"
    k_mig = _positive_number(earners_per_migrant_household, "earners per migrant household")
    k_extra = _positive_number(extra_earners_per_household, "extra earners per household")
    zero = pd.Series(0.0, index=table.index)
    migrants = table[migrant_origin] if migrant_origin in table.columns else zero
    women = table[urban_women_origin] if urban_women_origin in table.columns else zero
    converted = women / k_extra
    households = pd.DataFrame({
        "new migrant households": migrants / k_mig,
        "second earners": women,
        "two-earner households": converted,
        "two-earner households (cumulative)": converted.cumsum(),
    })
    workforce = None
    if initial_workforce is not None:
        w0 = _positive_number(initial_workforce, "initial workforce", allow_zero=True)
        workforce = (w0 + table.sum(axis=1).cumsum()).rename("workforce")
    saving = None
    if housing_cost_per_migrant is not None:
        cost = _positive_number(housing_cost_per_migrant, "housing cost per migrant",
                                allow_zero=True)
        saving = (women * cost).rename("housing saving")
    return WorkforceDynamics(new_workers=table, households=households, workforce=workforce,
                             housing_saving=saving, migrant_origin=migrant_origin,
                             urban_women_origin=urban_women_origin)
