"""The multi-regional economy over (region, sector) pairs, with final demand by region."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result
from .._solvers import sparse as sp
from .._validation import as_array, check_finite, check_positive_output
from ..core.economy import Economy
from ..errors import InvalidEconomyError, LabelMismatchError
from ._labels import (
    ALL_SKILLS,
    _frozen,
    _indicator,
    _mrio_index,
    _read_rows,
    _region_codes,
    _same_pairs,
)
from .readers import (
    _extension_totals,
    _final_demand,
    _find_extension,
    _read_text_table,
    _require_pymrio,
    _select_rows,
)


# ============================================================================ helpers
def _square_table(table: pd.DataFrame, name: str) -> tuple[np.ndarray, pd.MultiIndex]:
    """A (region, sector) x (region, sector) DataFrame as a float array with its rows'
    order, columns aligned by label to the rows."""
    index = _mrio_index(table.index, None, None, None)
    if not table.columns.equals(table.index):
        _same_pairs(table.columns, index, f"columns of {name}")
        table = table.reindex(columns=table.index)
    return as_array(table, name, InvalidEconomyError), index


def _satellite_totals(totals: Callable[[Any, str], pd.Series],
                      hours: Mapping[Hashable, Any],
                      compensation: Mapping[Hashable, Any] | None, value_added: Any,
                      is_extension: Callable[[str], bool]) -> tuple[Any, Any, Any]:
    """``(hours, compensation, value added)`` totals by (region, sector): ``{skill: rows}``
    read with ``totals(spec, what)``; ``value_added`` named by an extension alone
    (``is_extension``) sums all its rows."""
    h = {k: totals(v, f"hours ({k})") for k, v in hours.items()}
    c = None if compensation is None else {
        k: totals(v, f"compensation ({k})") for k, v in compensation.items()}
    va = None
    if value_added is not None:
        spec = value_added
        if isinstance(spec, str) and is_extension(spec):
            spec = (spec, None)
        va = totals(spec, "value added")
    return h, c, va


def _per_unit(hours: dict[Hashable, pd.Series], compensation: dict[Hashable, pd.Series] | None,
              value_added: pd.Series | None, index: pd.Index,
              x: np.ndarray) -> tuple[Any, Any, Any]:
    """Satellite totals aligned with ``index`` and divided by gross output ``x``: the
    coefficients per unit of output."""
    def per_unit(rows: dict[Hashable, pd.Series] | None) -> Any:
        return None if rows is None else {k: v.reindex(index) / x for k, v in rows.items()}

    return (per_unit(hours), per_unit(compensation),
            None if value_added is None else value_added.reindex(index) / x)


# ============================================================================ the economy
@dataclasses.dataclass(frozen=True, init=False, eq=False, repr=False)
class MRIOEconomy(Result):
    """A multi-regional economy over (region, sector), with final demand by region.

    Parameters
    ----------
    A : DataFrame, array or scipy.sparse matrix, shape (N, N)
        Technical coefficients over (region, sector) pairs. A DataFrame with a (region,
        sector) MultiIndex gives the labels; otherwise give ``regions`` and ``sectors``
        (every region has every sector, region-major: EXIOBASE's layout).
    final_demand : DataFrame or array, shape (N, C)
        Final demand. DataFrame columns are consuming regions, or (region, category)
        pairs summed by region (pymrio's and EXIOBASE's ``Y``); an array has one column per
        region, in the order of ``regions``.
    labour : mapping, DataFrame or array
        Hours per unit of gross output by skill level (one row per skill, labelled by a
        string such as ``"low"``, or ``"low female"`` to keep genders apart), over the same
        (region, sector) pairs.
    compensation : same forms as ``labour``, optional
        Compensation of labour per unit of gross output, with the same row names as
        ``labour``: gives the wage per hour of every skill in every bloc.
    value_added : vector or Series, optional
        Value added per unit of gross output: gives the money value of the flows (the
        price per embodied hour and the "drain").
    regions, sectors : sequences, optional
        Labels for plain arrays.

    Raises
    ------
    InvalidEconomyError
        Wrong shapes, NaN, infinite or negative coefficients (final demand may be negative:
        changes in inventories).
    LabelMismatchError
        Labels that are not unique or do not match across inputs.

    Notes
    -----
    The technology is held by an :class:`~nonequivalent.Economy` (attribute ``economy``)
    whose labour kinds are the skill levels, so ``(I − A)`` is factorized once and the
    factor reused by every computation (Miller & Blair 2009, ch. 3).

    Examples
    --------
    >>> import nonequivalent as ne
    >>> mrio = ne.MRIOEconomy([[0.1, 0.2], [0.1, 0.1]], final_demand=[[5, 1], [1, 5]],
    ...                       labour={"low": [1.0, 2.0]}, regions=["N", "S"],
    ...                       sectors=["goods"])
    >>> mrio
    MRIOEconomy(2 regions x 1 sectors = 2, skills ['low'], dense)
    """

    economy: Economy
    index: pd.MultiIndex
    regions: pd.Index
    _codes: np.ndarray = dataclasses.field(repr=False)
    _Y: np.ndarray = dataclasses.field(repr=False)
    _compensation: np.ndarray | None = dataclasses.field(repr=False)
    _value_added: np.ndarray | None = dataclasses.field(repr=False)
    _population: pd.Series | None = dataclasses.field(repr=False)

    def __init__(self, A: Any, final_demand: Any, labour: Any, compensation: Any = None,
                 value_added: Any = None, regions: Any = None, sectors: Any = None,
                 population: Any = None) -> None:
        if isinstance(A, pd.DataFrame):
            A, index = _square_table(A, "A")
        else:
            shape = A.shape if sp.issparse(A) else np.shape(A)
            index = _mrio_index(None, regions, sectors, shape[0] if len(shape) else None)
        reg, codes = _region_codes(index)
        q, skills = _read_rows(labour, index, "labour (hours per unit of output)")
        skills.name = "skill"
        if ALL_SKILLS in skills:
            raise LabelMismatchError(
                f"a skill level may not be named {ALL_SKILLS!r}: the account uses that name "
                "for the total over skills. Rename it.")
        comp = None
        if compensation is not None:
            comp, ckinds = _read_rows(compensation, index, "compensation per unit of output")
            if list(ckinds) != list(skills):
                if set(ckinds) != set(skills):
                    raise LabelMismatchError(
                        f"compensation rows {list(ckinds)} must be the labour rows "
                        f"{list(skills)} (one wage bill per skill level).")
                comp = comp[[list(ckinds).index(s) for s in skills]]
            comp = _frozen(comp)
        va = None
        if value_added is not None:
            if not isinstance(value_added, pd.Series):
                value_added = {"value added": value_added}
            va = _frozen(_read_rows(value_added, index, "value added per unit of output",
                                    nonneg=False)[0][0])
        Y = _final_demand(final_demand, index, reg)
        eco = Economy(A, labour=q, labour_kinds=skills)
        object.__setattr__(self, "economy", eco)
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "regions", reg)
        object.__setattr__(self, "_codes", _frozen(codes))
        object.__setattr__(self, "_Y", _frozen(Y))
        object.__setattr__(self, "_compensation", comp)
        object.__setattr__(self, "_value_added", va)
        pop = None
        if population is not None:
            pop = pd.Series(dict(population) if not isinstance(population, pd.Series)
                            else population, dtype=float)
            if set(pop.index) != set(reg):
                raise LabelMismatchError(
                    f"population must have one value per region {list(reg)[:10]}; got "
                    f"{list(pop.index)[:10]}.")
            pop = pop.reindex(reg)
            check_finite(pop.to_numpy(), "population", InvalidEconomyError)
            pop.index.name = "region"
        object.__setattr__(self, "_population", pop)

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_flows(cls, Z: Any, final_demand: Any, labour_hours: Any,
                   compensation: Any = None, value_added: Any = None,
                   gross_output: Any = None, regions: Any = None,
                   sectors: Any = None, population: Any = None) -> MRIOEconomy:
        """Build from flows: ``A = Z diag(x)^-1`` and satellite totals divided by ``x``.

        Parameters
        ----------
        Z : DataFrame or array, shape (N, N)
            Inter-industry flows over (region, sector).
        final_demand : as in :class:`MRIOEconomy`
        labour_hours : mapping or DataFrame
            Hours worked by skill (totals per (region, sector)).
        compensation : mapping or DataFrame, optional
            Compensation of labour by skill (totals).
        value_added : vector or Series, optional
            Value added (totals).
        gross_output : vector or Series, optional
            Gross output ``x``; default ``Z 1 + Y 1`` (row sums, as pymrio computes it).
        population : mapping or Series {region: persons}, optional

        Raises
        ------
        InvalidEconomyError
            A (region, sector) with zero or negative gross output (named).

        Notes
        -----
        Miller & Blair (2009), eq. (2.4) and ch. 3.
        """
        if isinstance(Z, pd.DataFrame):
            Zarr, index = _square_table(Z, "Z")
        else:
            Zarr = as_array(Z, "flows Z", InvalidEconomyError)
            index = _mrio_index(None, regions, sectors, Zarr.shape[0] if Zarr.ndim else None)
        reg, _ = _region_codes(index)
        if gross_output is None:
            x = Zarr.sum(axis=1) + _final_demand(final_demand, index, reg).sum(axis=1)
        elif isinstance(gross_output, pd.Series | pd.DataFrame):
            g = gross_output.iloc[:, 0] if isinstance(gross_output, pd.DataFrame) \
                else gross_output
            _same_pairs(g.index, index, "gross output")
            x = as_array(g.reindex(index), "gross output", InvalidEconomyError)
        else:
            x = as_array(gross_output, "gross output", InvalidEconomyError)
        if x.shape != (len(index),) or not np.all(np.isfinite(x)):
            raise InvalidEconomyError(f"gross output must be {len(index)} finite numbers.")
        check_positive_output(x, index, "for every (region, sector)",
                              "Drop those rows or give them a small positive output")
        A = Zarr / x[None, :]

        def per_unit(rows: Any, what: str, nonneg: bool = True) -> Any:
            if rows is None:
                return None
            if isinstance(rows, pd.Series):
                rows = {rows.name if rows.name is not None else what: rows}
            arr, kinds = _read_rows(rows, index, what, nonneg=nonneg)
            return pd.DataFrame(arr / x[None, :], index=kinds, columns=index)

        va = per_unit(value_added, "value added", nonneg=False)
        return cls(pd.DataFrame(A, index=index, columns=index), final_demand,
                   per_unit(labour_hours, "labour hours"),
                   compensation=per_unit(compensation, "compensation"),
                   value_added=None if va is None else va.iloc[0], population=population)

    @classmethod
    def from_pymrio(cls, system: Any, hours: Mapping[Hashable, Any],
                    compensation: Mapping[Hashable, Any] | None = None,
                    value_added: Any = None, extension: str | None = None) -> MRIOEconomy:
        """Build from a :class:`pymrio.IOSystem` and the labour rows of its extensions.

        Parameters
        ----------
        system : pymrio.IOSystem
            Needs ``Y`` and ``A`` or ``Z`` (``x`` is used when present).
        hours : mapping ``{skill: rows}``
            The hours worked of each skill level. ``rows`` is ``(extension, pattern)``, or a
            pattern alone when ``extension`` is given (extension ``None``: the first
            extension that has such rows); a pattern is a row label, a part of
            the row labels (every row containing it is summed, e.g. the male and female rows
            of one skill) or a list of exact labels.
        compensation : mapping ``{skill: rows}``, optional
            Compensation of labour by skill, in the same form.
        value_added : str or (extension, pattern), optional
            Rows summed into value added; an extension name alone sums all its rows (e.g.
            ``"factor_inputs"`` in EXIOBASE 3 and in pymrio's test system).
        extension : str, optional
            Default extension for patterns given without one.

        Raises
        ------
        NonequivalentError
            pymrio is not installed (install with ``pip install ".[mrio]"`` from a clone).
        InvalidEconomyError
            An unknown extension, or a pattern that matches no row.

        Examples
        --------
        >>> import nonequivalent as ne
        >>> import pymrio                                    # doctest: +SKIP
        >>> io = pymrio.parse_exiobase3("IOT_2021_ixi.zip")   # doctest: +SKIP
        >>> mrio = ne.MRIOEconomy.from_pymrio(
        ...     io, hours=ne.mrio.EXIOBASE_HOURS,
        ...     compensation=ne.mrio.EXIOBASE_COMPENSATION,
        ...     value_added=ne.mrio.EXIOBASE_VALUE_ADDED)    # doctest: +SKIP
        """
        _require_pymrio()
        Y = getattr(system, "Y", None)
        if Y is None:
            raise InvalidEconomyError("the pymrio system has no final demand Y.")
        x = getattr(system, "x", None)
        if x is None:
            Z = getattr(system, "Z", None)
            A = getattr(system, "A", None)
            if Z is not None:
                x = Z.sum(axis=1) + Y.sum(axis=1)
            elif A is not None:
                x = pd.Series(Economy(A.to_numpy(), labour=np.zeros(len(A))).solve(
                    Y.sum(axis=1).to_numpy()), index=A.index)
            else:
                raise InvalidEconomyError("the pymrio system has neither A nor Z.")
        xs = x.iloc[:, 0] if isinstance(x, pd.DataFrame) else x
        index = _mrio_index(xs.index, None, None, None)

        def totals(spec: Any, what: str) -> pd.Series:
            ext_name, pattern = spec if isinstance(spec, tuple) else (extension, spec)
            if ext_name is None:
                ext_name = _find_extension(system, pattern, what)
            F = _extension_totals(system, ext_name, xs)
            return _select_rows(F, pattern, ext_name, what).reindex(index)

        h, c, va = _satellite_totals(totals, hours, compensation, value_added,
                                     lambda name: hasattr(system, name))
        pop = getattr(system, "population", None)
        if isinstance(pop, pd.DataFrame):
            pop = pop.iloc[0] if len(pop) == 1 else None
        Z = getattr(system, "Z", None)
        if Z is not None:
            return cls.from_flows(Z, Y, h, compensation=c, value_added=va, gross_output=xs,
                                  population=pop)
        xv = as_array(xs.reindex(index), "gross output", InvalidEconomyError)
        check_positive_output(xv, index, "for every (region, sector)",
                              "Drop those rows or give them a small positive output")
        h, c, va = _per_unit(h, c, va, index, xv)
        return cls(system.A, Y, h, compensation=c, value_added=va, population=pop)

    @classmethod
    def from_text_tables(cls, path: str | Path, hours: Mapping[Hashable, Any],
                         compensation: Mapping[Hashable, Any] | None = None,
                         value_added: Any = None,
                         extension: str | None = None) -> MRIOEconomy:
        """Read tab-separated tables laid out as EXIOBASE's (and pymrio's) text files.

        ``path`` is a folder holding ``Z.txt`` (or ``A.txt``), ``Y.txt``, optionally
        ``x.txt``, and one subfolder per extension with ``F.txt`` (totals). Core tables have
        two header rows (region, sector or category) and two index columns; an extension's
        ``F.txt`` has two header rows and one or more index columns. Row selection as in
        :meth:`from_pymrio`. pymrio is not needed.

        Raises
        ------
        InvalidEconomyError
            A missing file, or a pattern that matches no row.
        """
        folder = Path(path)
        Y = _read_text_table(folder / "Y.txt")
        xs = None
        if (folder / "x.txt").exists():
            xs = _read_text_table(folder / "x.txt", header=1).iloc[:, 0]

        def totals(spec: Any, what: str) -> pd.Series:
            ext_name, pattern = spec if isinstance(spec, tuple) else (extension, spec)
            if ext_name is None:
                raise InvalidEconomyError(f"{what}: name the extension (subfolder).")
            F = _read_text_table(folder / str(ext_name) / "F.txt", index_cols=None)
            return _select_rows(F, pattern, ext_name, what)

        h, c, va = _satellite_totals(totals, hours, compensation, value_added,
                                     lambda name: (folder / name).is_dir())
        if (folder / "Z.txt").exists():
            Z = _read_text_table(folder / "Z.txt")
            return cls.from_flows(Z, Y, h, compensation=c, value_added=va, gross_output=xs)
        if xs is None:
            raise InvalidEconomyError(
                f"{folder}: with A.txt and no Z.txt, x.txt (gross output) is needed to turn "
                "the satellite totals into coefficients.")
        A = _read_text_table(folder / "A.txt")
        xv = xs.reindex(A.index).to_numpy(dtype=float)
        h, c, va = _per_unit(h, c, va, A.index, xv)
        return cls(A, Y, h, compensation=c, value_added=va)

    # ------------------------------------------------------------------ facts
    @property
    def n(self) -> int:
        """Number of (region, sector) pairs."""
        return len(self.index)

    @property
    def skills(self) -> pd.Index:
        """The skill levels (the economy's labour kinds)."""
        return self.economy.labour_kinds

    @property
    def final_demand(self) -> pd.DataFrame:
        """Final demand by consuming region (a copy), rows (region, sector)."""
        return pd.DataFrame(np.array(self._Y), index=self.index, columns=self.regions)

    @property
    def labour_coefficients(self) -> pd.DataFrame:
        """Hours per unit of gross output, skills x (region, sector) (a copy)."""
        return pd.DataFrame(np.array(self.economy.labour), index=self.skills,
                            columns=self.index)

    @property
    def has_compensation(self) -> bool:
        """Whether compensation by skill was given (wages, wage values)."""
        return self._compensation is not None

    @property
    def population(self) -> pd.Series | None:
        """Population by region, when the table carries it (a copy), else None."""
        return None if self._population is None else self._population.copy()

    @property
    def has_value_added(self) -> bool:
        """Whether value added was given (prices per embodied hour, the drain)."""
        return self._value_added is not None

    def __repr__(self) -> str:
        kind = "sparse" if self.economy.is_sparse else "dense"
        per = self.n // len(self.regions) if self.n % len(self.regions) == 0 else "~"
        return (f"MRIOEconomy({len(self.regions)} regions x {per} sectors = {self.n}, "
                f"skills {list(self.skills)}, {kind})")

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Regions, (region, sector) pairs and skill levels of the table."""
        return [("regions", len(self.regions), ""), ("pairs", self.n, "(region, sector)"),
                ("skills", len(self.skills), "")]

    def to_frame(self) -> pd.DataFrame:
        """By consuming region: its sectors and its total final demand (a copy)."""
        sectors = np.bincount(self._codes, minlength=len(self.regions))
        return pd.DataFrame({"sectors": sectors, "final_demand": self._Y.sum(axis=0)},
                            index=pd.Index(self.regions, name="region"))

    def units(self) -> dict[str, str]:
        """Final demand is in the table's money unit."""
        return {"final_demand": "money"}

    def summary(self) -> str:
        """A short printable description."""
        parts = [repr(self), f"regions: {list(self.regions)[:12]}"
                 + (" ..." if len(self.regions) > 12 else ""),
                 f"compensation by skill: {'yes' if self.has_compensation else 'no'}; "
                 f"value added: {'yes' if self.has_value_added else 'no'}"]
        return "\n".join(parts)

    # ------------------------------------------------------------------ computations
    @cached_property
    def _outputs(self) -> np.ndarray:
        # x_c = (I - A)^-1 y_c for every consuming region: one multi-RHS solve.
        return _frozen(np.asarray(self.economy.solve(self._Y)))

    def gross_output(self) -> pd.DataFrame:
        """Gross output ``x_c = (I − A)^{-1} y_c`` for every consuming region (a copy).

        Notes
        -----
        Miller & Blair (2009), ch. 3; solved with the cached factor, never inverted.
        """
        return pd.DataFrame(np.array(self._outputs), index=self.index, columns=self.regions)

    @cached_property
    def _region_sums(self) -> sp.csr_array:
        return _indicator(self._codes, len(self.regions))

    @cached_property
    def _embodied(self) -> np.ndarray:
        # H[s, p, c] = Σ_{i∈p} q^s_i x_{c,i}
        X, G, Q = self._outputs, self._region_sums, self.economy.labour
        return _frozen(np.stack([G @ (Q[s][:, None] * X) for s in range(Q.shape[0])]))

    def embodied_hours(self) -> pd.DataFrame:
        """Hours of each producing region embodied in each consuming region's final demand.

        ``H^s[p, c] = Σ_{i∈p} q^s_i [(I − A)^{-1} y_c]_i`` (Hickel, Hanbury Lemos &
        Barbour 2024, *Nat. Commun.* 15:6298, Methods; Dorninger et al. 2021).

        Returns
        -------
        DataFrame
            Rows (skill, producing region), columns consuming region (a copy).
        """
        H = self._embodied
        k, R = H.shape[0], H.shape[1]
        rows = pd.MultiIndex.from_product([self.skills, self.regions],
                                          names=["skill", "producing region"])
        cols = pd.Index(self.regions, name="consuming region")
        return pd.DataFrame(H.reshape(k * R, R).copy(), index=rows, columns=cols)

    def footprints(self, skill: Hashable | None = None) -> dict[str, pd.DataFrame]:
        """The footprint accounts of one skill level (or all), as pymrio defines them.

        Returns a dict of DataFrames (rows: skills; columns: (region, sector)):

        * ``D_cba``: hours embodied in region ``c``'s final demand for products of sector
          ``j`` (columns (consuming region, product sector)):
          ``Σ_r λ_{(r,j)} y_{c,(r,j)}`` with ``λ = q (I − A)^{-1}``;
        * ``D_pba``: hours worked in each (region, sector) for all final demand, ``q_i x_i``;
        * ``D_imp``: the part of ``D_cba`` worked outside region ``c``;
        * ``D_exp``: hours worked in each (region, sector) for other regions' final demand.

        Notes
        -----
        pymrio's ``calc_accounts`` (Stadler 2021) forms ``L`` and a diagonalized final
        demand; here ``λ`` comes from transposed solves with the cached factor, one per
        (skill, producing region) for the import split: ``q^{s,(p)} (I − A)^{-1}``.
        """
        skills = self.skills if skill is None else pd.Index([skill], name="skill")
        pos = [self.skills.get_loc(s) for s in skills]
        Q = self.economy.labour[pos]
        R, n = len(self.regions), self.n
        codes = self._codes
        # q^{s,(p)}: skill s hours restricted to region p, as right-hand sides of (I-A)^T.
        rhs = np.zeros((n, len(pos) * R))
        cols = (np.arange(len(pos))[:, None] * R + codes[None, :])
        rhs[np.arange(n)[None, :].repeat(len(pos), 0), cols] = Q
        lam_by_region = np.asarray(self.economy.solve(rhs, transpose=True))  # n x (k R)
        Y = self._Y
        sectors = self.index.get_level_values(1)
        sec_codes, sec_labels = pd.factorize(sectors)
        S = _indicator(sec_codes, len(sec_labels))          # sectors x n
        lam = lam_by_region.reshape(n, len(pos), R).sum(axis=2)  # n x k
        cba = np.empty((len(pos), R, len(sec_labels)))
        imp = np.empty_like(cba)
        for c in range(R):
            yc = Y[:, c]
            cba[:, c, :] = (S @ (lam * yc[:, None])).T
            own = lam_by_region[:, np.arange(len(pos)) * R + c]     # λ^{(c)} by skill
            imp[:, c, :] = cba[:, c, :] - (S @ (own * yc[:, None])).T
        X = self._outputs
        x = X.sum(axis=1)
        foreign = x - X[np.arange(n), codes]
        cols_cr = pd.MultiIndex.from_product([self.regions, sec_labels],
                                             names=["region", "sector"])
        k = len(pos)
        return {
            "D_cba": pd.DataFrame(cba.reshape(k, -1), index=skills, columns=cols_cr),
            "D_pba": pd.DataFrame(Q * x[None, :], index=skills, columns=self.index),
            "D_imp": pd.DataFrame(imp.reshape(k, -1), index=skills, columns=cols_cr),
            "D_exp": pd.DataFrame(Q * foreign[None, :], index=skills, columns=self.index),
        }
