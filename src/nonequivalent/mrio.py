"""Global non-equivalent exchange: labour embodied in trade in a multi-regional table.

A multi-regional input-output (MRIO) table describes ``R`` regions with their sectors as
one economy over (region, sector) pairs: a technical matrix ``A`` (``N x N``, ``N`` the
number of (region, sector) pairs), final demand ``y_c`` of every consuming region ``c``
(one column per region, summed over its final-demand categories) and satellite rows: hours
worked per unit of gross output by skill level ``q^s``, compensation of labour per unit of
output by skill ``w^s`` and value added per unit of output ``v``.

The hours of region ``p`` embodied in the final demand of region ``c`` are

    ``H^s[p, c] = Σ_{i∈p} q^s_i [(I − A)^{-1} y_c]_i``,

computed from ``R`` solves ``(I − A) x_c = y_c`` with the one cached factor of the
:class:`~nonequivalent.Economy` engine (dense LU, or the sparse Krylov path), never from the
Leontief inverse. Regions are grouped into blocs (the global North and South, say); the
account of a bloc is the same as the national account of a social group: hours *given*
(embodied in the other blocs' final demand), hours *received* (the other blocs' hours in its
own final demand), the transfer ``given − received`` and the exchange ratio
``given / received``. The wage value of a net flow is its hours times the receiving bloc's
wage per hour of that skill.

Sources: J. Hickel, M. Hanbury Lemos and F. Barbour, "Unequal exchange of labour in the
world economy", *Nature Communications* 15, 6298 (2024) (embodied labour by skill in
EXIOBASE, net appropriation, its wage value at Northern wages); C. Dorninger et al.,
"Global patterns of ecologically unequal exchange: Implications for sustainability in the
21st century", *Ecological Economics* 179, 106824 (2021) (the same footprint accounting of
embodied resources between regions); R. E. Miller and P. D. Blair, *Input-Output Analysis*,
2nd ed. (2009), ch. 3 (multi-regional models). The footprint accounts
(:meth:`MRIOEconomy.footprints`) follow pymrio's definitions (K. Stadler, "Pymrio – a
Python based multi-regional input-output analysis toolbox", *Journal of Open Research
Software* 9 (2021)).

>>> import numpy as np, nonequivalent as ne
>>> mrio = ne.MRIOEconomy(np.zeros((2, 2)), final_demand=[[1.0, 3.0], [2.0, 1.0]],
...                       labour={"hours": [4.0, 1.0]}, regions=["N", "S"], sectors=["x"])
>>> mrio.embodied_hours().to_numpy().tolist()   # producing region x consuming region
[[4.0, 12.0], [2.0, 1.0]]
>>> acc = ne.global_exchange_account(mrio, {"N": "North", "S": "South"})
>>> acc.by_bloc.loc[("all", "North"), ["labour_given", "labour_received"]].tolist()
[12.0, 2.0]
"""

from __future__ import annotations

import dataclasses
import io as _io
from collections.abc import Hashable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._solvers import sparse as sp
from ._validation import as_array, check_finite
from .economy import Economy
from .errors import InvalidEconomyError, LabelMismatchError, NonequivalentError

__all__ = [
    "Blocs",
    "GlobalExchangeAccount",
    "MRIOEconomy",
    "global_exchange_account",
    "illustrative_test_system",
    "load_blocs",
]

#: Name of the total over skill levels in the account's tables.
ALL_SKILLS = "all"

#: The install command named when pymrio is needed and missing.
MRIO_INSTALL = 'pip install "nonequivalent[mrio]"'

#: Row labels of EXIOBASE 3 as pymrio reads them (extension ``employment``: hours in
#: millions; ``factor_inputs``: compensation of employees in million EUR), by skill.
EXIOBASE_HOURS = {
    "low": ("employment", "Employment hours: Low-skilled"),
    "medium": ("employment", "Employment hours: Medium-skilled"),
    "high": ("employment", "Employment hours: High-skilled"),
}
EXIOBASE_COMPENSATION = {
    "low": ("factor_inputs", "Compensation of employees; wages, salaries, & employers' "
            "social contributions: Low-skilled"),
    "medium": ("factor_inputs", "Compensation of employees; wages, salaries, & employers' "
               "social contributions: Medium-skilled"),
    "high": ("factor_inputs", "Compensation of employees; wages, salaries, & employers' "
             "social contributions: High-skilled"),
}


def _require_pymrio() -> Any:
    """Import pymrio on first use, or say how to install it."""
    try:
        import pymrio
    except ImportError:
        raise NonequivalentError(
            f"this needs the optional package pymrio; install it with {MRIO_INSTALL}."
        ) from None
    return pymrio


def _frozen(arr: np.ndarray) -> np.ndarray:
    arr.setflags(write=False)
    return arr


# ============================================================================ labels
def _mrio_index(index: Any, regions: Any, sectors: Any, n: int | None) -> pd.MultiIndex:
    """The (region, sector) MultiIndex, from a MultiIndex or from regions x sectors."""
    if index is not None:
        if not isinstance(index, pd.MultiIndex) or index.nlevels != 2:
            raise LabelMismatchError(
                "the table's labels must be a 2-level pandas MultiIndex (region, sector); "
                f"got {type(index).__name__}. Pass regions= and sectors= for plain arrays.")
        mi = pd.MultiIndex.from_tuples(list(index), names=["region", "sector"])
    else:
        if regions is None or sectors is None:
            raise LabelMismatchError(
                "give the labels of a plain array: regions=[...] and sectors=[...] (every "
                "region has every sector, region-major), or use DataFrames with a "
                "(region, sector) MultiIndex.")
        mi = pd.MultiIndex.from_product([list(regions), list(sectors)],
                                        names=["region", "sector"])
    if n is not None and len(mi) != n:
        raise LabelMismatchError(
            f"{len(mi)} (region, sector) labels for a table of {n} rows; with regions= and "
            "sectors= the table must have len(regions) * len(sectors) rows.")
    if not mi.is_unique:
        dup = mi[mi.duplicated()].unique().tolist()[:5]
        raise LabelMismatchError(f"(region, sector) labels must be unique; repeated: {dup}.")
    return mi


def _region_codes(index: pd.MultiIndex) -> tuple[pd.Index, np.ndarray]:
    """Regions in order of first appearance and the region position of every row."""
    codes, regions = pd.factorize(index.get_level_values(0))
    return pd.Index(regions, name="region"), codes.astype(np.intp)


def _indicator(codes: np.ndarray, m: int) -> sp.csr_array:
    """The ``m x n`` 0/1 matrix that sums rows by group code."""
    n = codes.size
    return sp.csr_array((np.ones(n), (codes, np.arange(n))), shape=(m, n))


# ============================================================================ satellites
def _read_rows(data: Any, index: pd.MultiIndex, what: str,
               nonneg: bool = True) -> tuple[np.ndarray, pd.Index]:
    """Satellite rows (kinds x N) from a DataFrame (columns = (region, sector)), a mapping
    ``{name: vector or Series}`` or a Series (one row)."""
    n = len(index)
    if isinstance(data, pd.Series):
        data = {data.name if data.name is not None else "labour": data}
    if isinstance(data, Mapping):
        if not data:
            raise InvalidEconomyError(f"{what}: give at least one row.")
        rows, names = [], []
        for name, vec in data.items():
            if isinstance(vec, pd.Series):
                if not isinstance(vec.index, pd.MultiIndex):
                    raise LabelMismatchError(
                        f"{what} ({name!r}): a Series must be indexed by (region, sector).")
                _same_pairs(vec.index, index, f"{what} ({name!r})")
                arr = vec.reindex(index).to_numpy(dtype=float)
            else:
                arr = as_array(vec, f"{what} ({name!r})", InvalidEconomyError)
                if arr.shape != (n,):
                    raise InvalidEconomyError(
                        f"{what} ({name!r}) has shape {arr.shape}; expected ({n},), one entry "
                        "per (region, sector).")
            rows.append(arr)
            names.append(name)
        out = np.vstack(rows)
        kinds = pd.Index(names)
    elif isinstance(data, pd.DataFrame):
        if not isinstance(data.columns, pd.MultiIndex):
            raise LabelMismatchError(
                f"{what}: a DataFrame must have (region, sector) MultiIndex columns and one "
                "row per kind.")
        _same_pairs(data.columns, index, what)
        out = data.T.reindex(index).T.to_numpy(dtype=float)
        kinds = pd.Index(data.index)
    else:
        out = np.atleast_2d(as_array(data, what, InvalidEconomyError, copy=True))
        if out.ndim != 2 or out.shape[1] != n:
            raise InvalidEconomyError(
                f"{what} has shape {out.shape}; expected (kinds, {n}).")
        kinds = pd.RangeIndex(out.shape[0])
    if not kinds.is_unique:
        raise LabelMismatchError(f"{what}: row names must be unique; got {list(kinds)}.")
    if isinstance(kinds, pd.MultiIndex) or any(isinstance(k, tuple) for k in kinds):
        raise LabelMismatchError(
            f"{what}: name each row with one label (e.g. 'low female'), not a tuple; got "
            f"{list(kinds)[:4]}.")
    check_finite(out, what, InvalidEconomyError, nonneg=nonneg)
    return np.ascontiguousarray(out), kinds


def _same_pairs(got: pd.Index, expected: pd.MultiIndex, what: str) -> None:
    if not got.is_unique or len(got) != len(expected) or not expected.isin(got).all():
        missing = list(expected[~expected.isin(got)])[:5]
        raise LabelMismatchError(
            f"{what}: labels do not match the table's (region, sector) pairs (missing "
            f"{missing}); use the same MultiIndex as the technical matrix.")


# ============================================================================ the economy
@dataclasses.dataclass(frozen=True, init=False, eq=False, repr=False)
class MRIOEconomy:
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

    def __init__(self, A: Any, final_demand: Any, labour: Any, compensation: Any = None,
                 value_added: Any = None, regions: Any = None, sectors: Any = None) -> None:
        if isinstance(A, pd.DataFrame):
            index = _mrio_index(A.index, None, None, None)
            if not A.columns.equals(A.index):
                _same_pairs(A.columns, index, "columns of A")
                A = A.reindex(columns=A.index)
            A = A.to_numpy(dtype=float)
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

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_flows(cls, Z: Any, final_demand: Any, labour_hours: Any,
                   compensation: Any = None, value_added: Any = None,
                   gross_output: Any = None, regions: Any = None,
                   sectors: Any = None) -> MRIOEconomy:
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

        Raises
        ------
        InvalidEconomyError
            A (region, sector) with zero or negative gross output (named).

        Notes
        -----
        Miller & Blair (2009), eq. (2.4) and ch. 3.
        """
        if isinstance(Z, pd.DataFrame):
            index = _mrio_index(Z.index, None, None, None)
            if not Z.columns.equals(Z.index):
                _same_pairs(Z.columns, index, "columns of Z")
                Z = Z.reindex(columns=Z.index)
            Zarr = Z.to_numpy(dtype=float)
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
            x = g.reindex(index).to_numpy(dtype=float)
        else:
            x = as_array(gross_output, "gross output", InvalidEconomyError)
        if x.shape != (len(index),) or not np.all(np.isfinite(x)):
            raise InvalidEconomyError(f"gross output must be {len(index)} finite numbers.")
        bad = ~(x > 0)
        if bad.any():
            raise InvalidEconomyError(
                f"gross output must be > 0 for every (region, sector); zero or negative at "
                f"{list(index[bad])[:10]}. Drop those rows or give them a small positive "
                "output (A = Z / x is undefined there).")
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
                   value_added=None if va is None else va.iloc[0])

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
            pattern alone when ``extension`` is given; a pattern is a row label, a part of
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
            pymrio is not installed (install with ``pip install "nonequivalent[mrio]"``).
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
        ...     value_added="factor_inputs")                 # doctest: +SKIP
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
            F = _extension_totals(system, ext_name, xs)
            return _select_rows(F, pattern, ext_name, what).reindex(index)

        h = {k: totals(v, f"hours ({k})") for k, v in hours.items()}
        c = None if compensation is None else {
            k: totals(v, f"compensation ({k})") for k, v in compensation.items()}
        va = None
        if value_added is not None:
            spec = value_added
            if isinstance(spec, str) and hasattr(system, spec):
                spec = (spec, None)
            va = totals(spec, "value added")
        Z = getattr(system, "Z", None)
        if Z is not None:
            return cls.from_flows(Z, Y, h, compensation=c, value_added=va, gross_output=xs)
        xv = xs.reindex(index).to_numpy(dtype=float)
        if not np.all(xv > 0):
            raise InvalidEconomyError("gross output must be > 0 for every (region, sector).")

        def per_unit(rows: dict[Hashable, pd.Series] | None) -> Any:
            return None if rows is None else {k: v / xv for k, v in rows.items()}

        return cls(system.A, Y, per_unit(h), compensation=per_unit(c),
                   value_added=None if va is None else va / xv)

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

        h = {k: totals(v, f"hours ({k})") for k, v in hours.items()}
        c = None if compensation is None else {
            k: totals(v, f"compensation ({k})") for k, v in compensation.items()}
        va = None
        if value_added is not None:
            spec = value_added
            if isinstance(spec, str) and (folder / spec).is_dir():
                spec = (spec, None)
            va = totals(spec, "value added")
        if (folder / "Z.txt").exists():
            Z = _read_text_table(folder / "Z.txt")
            return cls.from_flows(Z, Y, h, compensation=c, value_added=va, gross_output=xs)
        if xs is None:
            raise InvalidEconomyError(
                f"{folder}: with A.txt and no Z.txt, x.txt (gross output) is needed to turn "
                "the satellite totals into coefficients.")
        A = _read_text_table(folder / "A.txt")
        xv = xs.reindex(A.index).to_numpy(dtype=float)

        def per_unit(rows: dict[Hashable, pd.Series] | None) -> Any:
            return None if rows is None else {
                k: v.reindex(A.index) / xv for k, v in rows.items()}

        return cls(A, Y, per_unit(h), compensation=per_unit(c),
                   value_added=None if va is None else va.reindex(A.index) / xv)

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
    def has_value_added(self) -> bool:
        """Whether value added was given (prices per embodied hour, the drain)."""
        return self._value_added is not None

    def __repr__(self) -> str:
        kind = "sparse" if self.economy.is_sparse else "dense"
        per = self.n // len(self.regions) if self.n % len(self.regions) == 0 else "~"
        return (f"MRIOEconomy({len(self.regions)} regions x {per} sectors = {self.n}, "
                f"skills {list(self.skills)}, {kind})")

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



def _final_demand(Y: Any, index: pd.MultiIndex, regions: pd.Index) -> np.ndarray:
    """Final demand as an (N x R) array, columns in the order of ``regions``."""
    if isinstance(Y, pd.DataFrame):
        if not isinstance(Y.index, pd.MultiIndex):
            raise LabelMismatchError("final demand rows must be the (region, sector) pairs.")
        _same_pairs(Y.index, index, "final demand rows")
        Y = Y.reindex(index)
        if isinstance(Y.columns, pd.MultiIndex):
            Y = Y.T.groupby(level=0, sort=False).sum().T
        cols = pd.Index(Y.columns)
        if set(cols) != set(regions):
            raise LabelMismatchError(
                f"final demand columns {list(cols)[:10]} must be the consuming regions "
                f"{list(regions)[:10]} (or (region, category) pairs).")
        arr = Y.reindex(columns=regions).to_numpy(dtype=float)
    else:
        arr = as_array(Y, "final demand", InvalidEconomyError, copy=True)
        if arr.ndim == 1:
            arr = arr[:, None]
        if arr.shape != (len(index), len(regions)):
            raise InvalidEconomyError(
                f"final demand has shape {arr.shape}; expected ({len(index)}, "
                f"{len(regions)}), one column per consuming region.")
    check_finite(arr, "final demand", InvalidEconomyError, nonneg=False)
    return np.ascontiguousarray(arr)


def _extension_totals(system: Any, name: str | None, x: pd.Series) -> pd.DataFrame:
    if name is None or not hasattr(system, name):
        raise InvalidEconomyError(
            f"the pymrio system has no extension {name!r}; it has "
            f"{[e for e in dir(system) if hasattr(getattr(system, e, None), 'F')][:20]}.")
    ext = getattr(system, name)
    F = getattr(ext, "F", None)
    if F is None:
        S = getattr(ext, "S", None)
        if S is None:
            raise InvalidEconomyError(f"extension {name!r} has neither F nor S.")
        F = S * x.reindex(S.columns).to_numpy()[None, :]
    return F


def _row_labels(F: pd.DataFrame) -> pd.Index:
    idx = F.index
    if isinstance(idx, pd.MultiIndex):
        return pd.Index([" ".join(str(p) for p in t) for t in idx])
    return pd.Index([str(v) for v in idx])


def _select_rows(F: pd.DataFrame, pattern: Any, ext: Any, what: str) -> pd.Series:
    """Sum the rows of ``F`` chosen by ``pattern`` (None: all rows)."""
    labels = _row_labels(F)
    if pattern is None:
        mask = np.ones(len(labels), dtype=bool)
    elif isinstance(pattern, list | tuple):
        wanted = [str(p) for p in pattern]
        mask = labels.isin(wanted)
        if mask.sum() != len(set(wanted)):
            missing = [p for p in wanted if p not in set(labels)]
            raise InvalidEconomyError(f"{what}: rows {missing} not in extension {ext!r}.")
    else:
        mask = np.asarray(labels.str.contains(str(pattern), regex=False), dtype=bool)
    if not mask.any():
        raise InvalidEconomyError(
            f"{what}: no row of extension {ext!r} contains {pattern!r}; its rows are "
            f"{list(labels)[:12]}.")
    out = F.loc[mask].sum(axis=0)
    out.index = pd.MultiIndex.from_tuples(list(out.index), names=["region", "sector"])
    return out.astype(float)


def _read_text_table(path: Path, header: int = 2, index_cols: int | None = 2) -> pd.DataFrame:
    """A tab-separated table with ``header`` header rows (EXIOBASE/pymrio text layout)."""
    if not path.exists():
        raise InvalidEconomyError(f"{path}: no such file (expected an EXIOBASE-style table).")
    text = path.read_text(encoding="utf-8")
    if index_cols is None:  # an extension: count the empty cells after the first header
        first = text.split("\n", 1)[0].split("\t")
        index_cols = 1
        while index_cols < len(first) and first[index_cols] == "":
            index_cols += 1
    try:
        if header == 1:
            df = pd.read_csv(_io.StringIO(text), sep="\t", index_col=list(range(index_cols)))
        else:
            df = pd.read_csv(_io.StringIO(text), sep="\t", header=list(range(header)),
                             index_col=list(range(index_cols)))
    except (ValueError, pd.errors.ParserError) as exc:
        raise InvalidEconomyError(f"{path}: cannot read the table: {exc}") from None
    if header > 1:
        df.columns = pd.MultiIndex.from_tuples(list(df.columns), names=["region", "sector"])
    return df.astype(float)


# ============================================================================ blocs
_BLOC_FILES = {"exiobase3-north-south": "exiobase3_north_south.csv"}


@dataclasses.dataclass(frozen=True, eq=False)
class Blocs:
    """A grouping of regions into blocs (e.g. the global North and South).

    Attributes
    ----------
    mapping : Series
        Bloc of every region (index: region); a copy on every access.
    name, source : str
        What the grouping is and where it comes from.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> b = ne.Blocs.from_mapping({"US": "North", "IN": "South"})
    >>> list(b.names)
    ['North', 'South']
    """

    _mapping: pd.Series = dataclasses.field(repr=False)
    name: str = "blocs"
    source: str = "given by the user"

    @property
    def mapping(self) -> pd.Series:
        """Bloc of every region (index: region), a copy."""
        return self._mapping.copy()

    @classmethod
    def from_mapping(cls, mapping: Mapping[Hashable, Hashable] | pd.Series,
                     name: str = "blocs", source: str = "given by the user") -> Blocs:
        """Blocs from ``{region: bloc}``."""
        s = pd.Series(dict(mapping)) if not isinstance(mapping, pd.Series) else mapping.copy()
        if s.empty:
            raise InvalidEconomyError("blocs: give at least one region.")
        s.index.name = "region"
        s.name = "bloc"
        return cls(s, name=name, source=source)

    @classmethod
    def from_file(cls, path: str | Path) -> Blocs:
        """Blocs from a CSV file with columns ``region`` and ``bloc`` (others ignored)."""
        try:
            df = pd.read_csv(path, comment="#", dtype=str)
        except (OSError, ValueError) as exc:
            raise InvalidEconomyError(f"cannot read blocs file {str(path)!r}: {exc}") from None
        if not {"region", "bloc"} <= set(df.columns):
            raise InvalidEconomyError(
                f"blocs file {str(path)!r} needs the columns 'region' and 'bloc'; it has "
                f"{list(df.columns)}.")
        if df["region"].duplicated().any():
            dup = df.loc[df["region"].duplicated(), "region"].tolist()
            raise InvalidEconomyError(f"blocs file {str(path)!r}: regions repeated: {dup}.")
        src = (df["source"].dropna().iloc[0] if "source" in df and df["source"].notna().any()
               else f"file {Path(path).name}")
        return cls.from_mapping(dict(zip(df["region"], df["bloc"], strict=True)),
                                name=Path(path).stem, source=str(src))

    @property
    def names(self) -> pd.Index:
        """The blocs, in order of first appearance."""
        return pd.Index(pd.unique(self._mapping.to_numpy()), name="bloc")

    def codes(self, regions: pd.Index) -> np.ndarray:
        """Bloc position of every region; every region must be assigned."""
        missing = [r for r in regions if r not in self._mapping.index]
        if missing:
            raise LabelMismatchError(
                f"blocs {self.name!r} assign no bloc to regions {missing[:10]}; add them to "
                "the mapping.")
        names = self.names
        return names.get_indexer(self._mapping.reindex(regions).to_numpy()).astype(np.intp)

    def to_frame(self) -> pd.DataFrame:
        """The assignment as a DataFrame (a copy)."""
        return self._mapping.to_frame()

    def __repr__(self) -> str:
        counts = self._mapping.value_counts(sort=False)
        return f"Blocs({self.name!r}: " + ", ".join(
            f"{b} {int(c)} regions" for b, c in counts.items()) + ")"


def load_blocs(name: str = "exiobase3-north-south") -> Blocs:
    """A built-in bloc classification, with its source.

    ``"exiobase3-north-south"``: EXIOBASE 3's 49 regions split into North and South
    following the definition stated by Hickel, Hanbury Lemos & Barbour (2024); each row of
    the data file says on what basis it was assigned and which assignments are uncertain
    (see the file ``data/blocs/exiobase3_north_south.csv`` and the docs, "Global exchange").

    >>> import nonequivalent as ne
    >>> b = ne.load_blocs()
    >>> b.mapping.value_counts().to_dict()
    {'North': 36, 'South': 13}
    """
    from importlib import resources

    if name not in _BLOC_FILES:
        raise InvalidEconomyError(
            f"unknown built-in blocs {name!r}; available: {sorted(_BLOC_FILES)}. Or pass a "
            "mapping {region: bloc} or a CSV file with columns region,bloc.")
    ref = resources.files("nonequivalent") / "data" / "blocs" / _BLOC_FILES[name]
    with resources.as_file(ref) as p:
        df = pd.read_csv(p, comment="#", dtype=str)
    src = "; ".join(pd.unique(df["source"].dropna()))
    return Blocs.from_mapping(dict(zip(df["region"], df["bloc"], strict=True)),
                              name=name, source=src)


def bloc_table(name: str = "exiobase3-north-south") -> pd.DataFrame:
    """The built-in classification with every column (region, name, bloc, basis, certainty,
    note, source)."""
    from importlib import resources

    load_blocs(name)  # validates the name
    ref = resources.files("nonequivalent") / "data" / "blocs" / _BLOC_FILES[name]
    with resources.as_file(ref) as p:
        return pd.read_csv(p, comment="#", dtype=str).set_index("region")


def _as_blocs(blocs: Any, regions: pd.Index) -> Blocs:
    if blocs is None:
        return Blocs.from_mapping({r: r for r in regions}, name="regions",
                                  source="each region its own bloc")
    if isinstance(blocs, Blocs):
        return blocs
    if isinstance(blocs, str | Path):
        if str(blocs) in _BLOC_FILES:
            return load_blocs(str(blocs))
        return Blocs.from_file(blocs)
    if isinstance(blocs, Mapping | pd.Series):
        return Blocs.from_mapping(blocs)
    raise InvalidEconomyError(
        f"blocs must be a Blocs, a mapping {{region: bloc}}, a built-in name "
        f"{sorted(_BLOC_FILES)} or a CSV path; got {type(blocs).__name__}.")


# ============================================================================ the account
def _aggregate(M: np.ndarray, codes: np.ndarray, m: int) -> np.ndarray:
    """``P^T M P`` over the last two axes, ``P`` the region-to-bloc indicator."""
    P = np.zeros((codes.size, m))
    P[np.arange(codes.size), codes] = 1.0
    return np.einsum("ra,...rc,cb->...ab", P, M, P)


def _safe_ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """``num / den``; ``inf`` where only the numerator is positive, NaN where both are 0."""
    out = np.full(np.broadcast(num, den).shape, np.nan)
    np.divide(num, den, out=out, where=den > 0)
    out[(den <= 0) & (num > 0)] = np.inf
    return out


#: Columns of :attr:`GlobalExchangeAccount.by_bloc`, in order.
BLOC_COLUMNS = ("labour_given", "labour_received", "labour_transfer", "nonequivalence_ratio",
                "wage", "transfer_wage_value")

#: Columns of :attr:`GlobalExchangeAccount.pairs`, in order.
PAIR_COLUMNS = ("hours_given", "hours_received", "net_hours", "exchange_ratio",
                "receiver_wage", "wage_value")

#: Columns of :meth:`GlobalExchangeAccount.drain`, in order.
DRAIN_COLUMNS = ("net_hours", "receiver_export_price", "drain_at_receiver_price",
                 "world_price", "drain_at_world_price")


@dataclasses.dataclass(frozen=True, eq=False)
class GlobalExchangeAccount:
    """The exchange account of blocs of regions: labour embodied in final demand.

    For skill ``s`` and blocs ``a``, ``b``: ``H^s[a, b]`` = hours worked in ``a`` embodied
    in ``b``'s final demand (the regional matrix summed over the blocs' regions).

    Attributes
    ----------
    skills, regions : Index
    blocs : Blocs
    by_bloc : DataFrame
        Rows (skill, bloc), with the skill ``"all"`` for the total; columns
        ``labour_given`` = ``Σ_{b≠a} H[a, b]``, ``labour_received`` = ``Σ_{b≠a} H[b, a]``,
        ``labour_transfer`` = given − received, ``nonequivalence_ratio`` = given /
        received (the columns of the national :class:`~nonequivalent.ExchangeAccount`),
        ``wage`` (compensation per hour of that skill in the bloc) and
        ``transfer_wage_value`` (the net flows the bloc gives, at the receivers' wages,
        minus those it receives, at its own wage).

    Notes
    -----
    Hickel, Hanbury Lemos & Barbour (2024), *Nat. Commun.* 15:6298: net appropriation,
    exchange ratio and the wage value of the net flow at the receiving bloc's wage, skill
    by skill. The bloc matrices are aggregates of the regional ones, so aggregating regions
    into blocs commutes with the computation.
    """

    skills: pd.Index
    regions: pd.Index
    blocs: Blocs
    _H: np.ndarray = dataclasses.field(repr=False)          # k x R x R
    _hours: np.ndarray = dataclasses.field(repr=False)      # k x R hours worked
    _comp: np.ndarray | None = dataclasses.field(repr=False)  # k x R wage bill
    _V: np.ndarray | None = dataclasses.field(repr=False)     # R x R value added embodied

    # ------------------------------------------------------------------ matrices
    @cached_property
    def _codes(self) -> np.ndarray:
        return self.blocs.codes(self.regions)

    @property
    def bloc_names(self) -> pd.Index:
        """The blocs, in order of first appearance."""
        return self.blocs.names

    @cached_property
    def _HB(self) -> np.ndarray:  # k x B x B
        return _frozen(_aggregate(self._H, self._codes, len(self.bloc_names)))

    @cached_property
    def _wages(self) -> np.ndarray | None:  # k x B, money per hour
        if self._comp is None:
            return None
        B = len(self.bloc_names)
        hours = np.zeros((self._hours.shape[0], B))
        comp = np.zeros_like(hours)
        np.add.at(hours.T, self._codes, self._hours.T)
        np.add.at(comp.T, self._codes, self._comp.T)
        return _frozen(_safe_ratio(comp, hours))

    def _pick(self, skill: Hashable | None, level: str) -> tuple[np.ndarray, pd.Index]:
        if level not in ("bloc", "region"):
            raise InvalidEconomyError(f"level must be 'bloc' or 'region', got {level!r}.")
        M = self._HB if level == "bloc" else self._H
        labels = self.bloc_names if level == "bloc" else self.regions
        if skill is None or skill == ALL_SKILLS:
            return M.sum(axis=0), labels
        if skill not in self.skills:
            raise LabelMismatchError(
                f"unknown skill {skill!r}; the account has {list(self.skills)} and "
                f"{ALL_SKILLS!r}.")
        return M[self.skills.get_loc(skill)].copy(), labels

    def embodied(self, skill: Hashable | None = None, level: str = "bloc") -> pd.DataFrame:
        """``H[a, b]``: hours worked in ``a`` embodied in ``b``'s final demand.

        Parameters
        ----------
        skill : label, optional
            One skill level; default the total over skills.
        level : ``"bloc"`` or ``"region"``
        """
        M, labels = self._pick(skill, level)
        return pd.DataFrame(M, index=pd.Index(labels, name=f"producing {level}"),
                            columns=pd.Index(labels, name=f"consuming {level}"))

    def net_flows(self, skill: Hashable | None = None, level: str = "bloc") -> pd.DataFrame:
        """Net flow ``F[a, b] = H[a, b] − H[b, a]`` (antisymmetric): hours ``a`` gives ``b``
        net of what it gets back. Hickel, Hanbury Lemos & Barbour (2024)."""
        M, labels = self._pick(skill, level)
        return pd.DataFrame(M - M.T, index=pd.Index(labels, name=f"from {level}"),
                            columns=pd.Index(labels, name=f"to {level}"))

    # ------------------------------------------------------------------ tables
    @cached_property
    def _by_bloc(self) -> pd.DataFrame:
        HB, B = self._HB, len(self.bloc_names)
        k = HB.shape[0]
        W = self._wages
        mats = [*HB, HB.sum(axis=0)]
        keys = [*self.skills, ALL_SKILLS]
        rows = []
        for m, M in enumerate(mats):
            off = M - np.diag(np.diag(M))
            given, received = off.sum(axis=1), off.sum(axis=0)
            F = M - M.T
            Fp = np.where(F > 0, F, 0.0)   # Fp[a, b]: net hours a gives b
            if W is None:
                wage = np.full(B, np.nan)
                value = np.full(B, np.nan)
            elif m < k:
                wage = W[m]
                value = Fp @ wage - Fp.sum(axis=0) * wage
            else:
                hours = np.zeros(B)
                comp = np.zeros(B)
                np.add.at(hours, self._codes, self._hours.sum(axis=0))
                np.add.at(comp, self._codes, self._comp.sum(axis=0))
                wage = _safe_ratio(comp, hours)
                value = np.zeros(B)
                for s in range(k):
                    Fs = HB[s] - HB[s].T
                    Fsp = np.where(Fs > 0, Fs, 0.0)
                    value += Fsp @ W[s] - Fsp.sum(axis=0) * W[s]
            rows.append(np.column_stack([given, received, given - received,
                                         _safe_ratio(given, received), wage, value]))
        index = pd.MultiIndex.from_product([pd.Index(keys, name="skill", dtype=object),
                                            self.bloc_names], names=["skill", "bloc"])
        return pd.DataFrame(np.vstack(rows), index=index, columns=list(BLOC_COLUMNS))

    @property
    def by_bloc(self) -> pd.DataFrame:
        """The account by (skill, bloc) (a copy); see the class docstring."""
        return self._by_bloc.copy()

    @property
    def pairs(self) -> pd.DataFrame:
        """Every pair of blocs, oriented from the net giver to the net receiver.

        Rows (skill, giver, receiver); columns ``hours_given`` = ``H[g, r]``,
        ``hours_received`` = ``H[r, g]``, ``net_hours`` = their difference (net
        appropriation by ``r``), ``exchange_ratio`` = ``H[g, r] / H[r, g]`` (hours given
        per hour received), ``receiver_wage`` (per hour of that skill; for ``"all"`` the
        receiver's average) and ``wage_value`` = ``net_hours × receiver_wage`` skill by
        skill (for ``"all"``, the sum over skills). Hickel, Hanbury Lemos & Barbour (2024).
        """
        HB, names = self._HB, self.bloc_names
        W = self._wages
        k, B = HB.shape[0], len(names)
        keys = [*self.skills, ALL_SKILLS]
        mats = [*HB, HB.sum(axis=0)]
        avg_wage = self._by_bloc.xs(ALL_SKILLS, level="skill")["wage"].to_numpy()
        records, index = [], []
        for m, M in enumerate(mats):
            for a in range(B):
                for b in range(a + 1, B):
                    g, r = (a, b) if M[a, b] - M[b, a] >= 0 else (b, a)
                    net = M[g, r] - M[r, g]
                    if W is None:
                        wage = value = np.nan
                    elif m < k:
                        wage, value = W[m, r], net * W[m, r]
                    else:
                        wage = avg_wage[r]
                        value = 0.0
                        for s in range(k):
                            d = HB[s, g, r] - HB[s, r, g]
                            value += d * W[s, r] if d >= 0 else d * W[s, g]
                    records.append((M[g, r], M[r, g], net,
                                    float(_safe_ratio(np.array(M[g, r]), np.array(M[r, g]))),
                                    wage, value))
                    index.append((keys[m], names[g], names[r]))
        mi = pd.MultiIndex.from_tuples(index, names=["skill", "giver", "receiver"])
        return pd.DataFrame(records, index=mi, columns=list(PAIR_COLUMNS))

    def drain(self) -> pd.DataFrame:
        """The net flow of hours valued at a price per embodied hour, pair by pair.

        For the pair giver ``g`` → receiver ``r`` (all skills): ``V[a, b]`` is the value
        added of ``a`` embodied in ``b``'s final demand (``Σ_{i∈a} v_i x_{b,i}``), and

        * ``receiver_export_price = V[r, g] / H[r, g]``: what the receiver earns per hour
          embodied in its exports to the giver (the North's export price per hour);
        * ``drain_at_receiver_price = net_hours × receiver_export_price``;
        * ``world_price = Σ V / Σ H`` over the whole table (value added per hour worked);
        * ``drain_at_world_price = net_hours × world_price``.

        Raises
        ------
        InvalidEconomyError
            The economy was built without value added.

        Notes
        -----
        The valuation of net appropriated hours at Northern prices follows Hickel,
        Dorninger, Wieland & Suwandi, "Imperialist appropriation in the world economy",
        *Global Environmental Change* 73, 102467 (2022), and Hickel, Hanbury Lemos &
        Barbour (2024); the two prices used here are this library's explicit choices, so
        every figure names its price.
        """
        if self._V is None:
            raise InvalidEconomyError(
                "the drain needs value added: build the economy with value_added=... "
                "(EXIOBASE: the factor_inputs extension).")
        VB = _aggregate(self._V, self._codes, len(self.bloc_names))
        HB = self._HB.sum(axis=0)
        world = float(self._V.sum() / self._H.sum())
        pairs = self.pairs.xs(ALL_SKILLS, level="skill")
        rows = []
        names = list(self.bloc_names)
        for (g, r), row in pairs.iterrows():
            gi, ri = names.index(g), names.index(r)
            price = float(_safe_ratio(np.array(VB[ri, gi]), np.array(HB[ri, gi])))
            net = row["net_hours"]
            rows.append((net, price, net * price, world, net * world))
        return pd.DataFrame(rows, index=pairs.index, columns=list(DRAIN_COLUMNS))

    def to_frame(self) -> pd.DataFrame:
        """The account by (skill, bloc) (a copy), blocs' name and source in ``attrs``."""
        out = self.by_bloc
        out.attrs["blocs"] = self.blocs.name
        out.attrs["source"] = self.blocs.source
        return out

    def __repr__(self) -> str:
        return (f"GlobalExchangeAccount({len(self.regions)} regions in "
                f"{len(self.bloc_names)} blocs {list(self.bloc_names)[:6]}, skills "
                f"{list(self.skills)})")

    def summary(self) -> str:
        """Readable account: by bloc, the pairs, and the drain when value added is known."""
        fmt = lambda x: f"{x:,.4g}"  # noqa: E731
        lines = [repr(self), f"Blocs: {self.blocs.name} ({self.blocs.source})", "",
                 "By bloc (hours; wage per hour; wage value in money):",
                 self._by_bloc.to_string(float_format=fmt), "",
                 "Pairs, from net giver to net receiver:",
                 self.pairs.to_string(float_format=fmt)]
        if self._V is not None:
            lines += ["", "Drain (all skills; money):", self.drain().to_string(float_format=fmt)]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def figure(self, skill: Hashable | None = None) -> Any:
        """A figure: bloc-to-bloc embodied hours (left) and exchange ratios by skill (right).

        Returns
        -------
        matplotlib.figure.Figure
        """
        from .plotting._common import _add_source, _new_figure

        fig, axes = _new_figure(1, 2, figsize=(10.0, 4.4))
        ax = axes[0, 0]
        M = self.embodied(skill)
        im = ax.imshow(M.to_numpy(), cmap="Blues")
        labels = [str(b) for b in M.index]
        ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
        ax.set_yticks(range(len(labels)), labels)
        ax.set_xlabel("consuming bloc")
        ax.set_ylabel("producing bloc")
        for i in range(len(labels)):
            for j in range(len(labels)):
                dark = M.iat[i, j] > 0.6 * float(M.to_numpy().max())
                ax.text(j, i, f"{M.iat[i, j]:,.3g}", ha="center", va="center", fontsize=8,
                        color="white" if dark else "black")
        ax.set_title(f"Hours embodied ({skill if skill is not None else 'all skills'})")
        fig.colorbar(im, ax=ax, shrink=0.8)
        ax2 = axes[0, 1]
        pairs = self.pairs
        keys = [*self.skills, ALL_SKILLS]
        pair_labels = pairs.xs(ALL_SKILLS, level="skill").index
        width = 0.8 / max(len(pair_labels), 1)
        for j, (g, r) in enumerate(pair_labels):
            vals = []
            for key in keys:
                sub = pairs.xs(key, level="skill")
                if (g, r) in sub.index:
                    vals.append(sub.loc[(g, r), "exchange_ratio"])
                else:
                    vals.append(1.0 / sub.loc[(r, g), "exchange_ratio"])
            ax2.bar(np.arange(len(keys)) + j * width, vals, width=width, label=f"{g} → {r}")
        ax2.axhline(1.0, color="0.3", lw=0.8)
        ax2.set_xticks(np.arange(len(keys)) + 0.4 - width / 2, [str(k) for k in keys])
        ax2.set_ylabel("hours given per hour received")
        ax2.set_title("Exchange ratio by skill")
        ax2.legend(fontsize=8)
        _add_source(fig, f"Source: computed with nonequivalent; blocs: {self.blocs.source}")
        return fig


def global_exchange_account(mrio: MRIOEconomy, blocs: Any = None) -> GlobalExchangeAccount:
    """The global exchange account of a multi-regional economy, by bloc and skill.

    Parameters
    ----------
    mrio : MRIOEconomy
    blocs : Blocs, mapping {region: bloc}, built-in name or CSV path, optional
        Default: every region its own bloc.

    Returns
    -------
    GlobalExchangeAccount

    Notes
    -----
    ``R`` solves ``(I − A) x_c = y_c`` with one factorization; then
    ``H^s[p, c] = Σ_{i∈p} q^s_i x_{c,i}``, aggregated to blocs (Hickel, Hanbury Lemos &
    Barbour 2024, *Nat. Commun.* 15:6298; Dorninger et al. 2021, *Ecol. Econ.* 179).

    Examples
    --------
    Two regions, one good each, no intermediate inputs. The North's good takes 1 hour a
    unit, the South's 2; the North consumes 3 units of the South's good (6 hours) and the
    South 1 unit of the North's (1 hour):

    >>> import nonequivalent as ne
    >>> mrio = ne.MRIOEconomy([[0, 0], [0, 0]], final_demand=[[5, 1], [3, 4]],
    ...                       labour={"hours": [1.0, 2.0]}, regions=["N", "S"],
    ...                       sectors=["good"])
    >>> acc = ne.global_exchange_account(mrio, {"N": "North", "S": "South"})
    >>> acc.pairs.loc[("all", "South", "North"), ["hours_given", "hours_received",
    ...                                            "net_hours", "exchange_ratio"]].tolist()
    [6.0, 1.0, 5.0, 6.0]
    """
    if not isinstance(mrio, MRIOEconomy):
        raise InvalidEconomyError(
            f"global_exchange_account needs an MRIOEconomy, got {type(mrio).__name__}.")
    b = _as_blocs(blocs, mrio.regions)
    b.codes(mrio.regions)  # every region assigned, or a named error now
    X = mrio._outputs
    H = mrio._embodied
    G = mrio._region_sums
    x = X.sum(axis=1)
    hours = G @ (mrio.economy.labour * x[None, :]).T            # R x k
    comp = None if mrio._compensation is None else G @ (mrio._compensation * x[None, :]).T
    V = None if mrio._value_added is None else G @ (mrio._value_added[:, None] * X)
    return GlobalExchangeAccount(
        skills=mrio.skills.copy(), regions=mrio.regions.copy(), blocs=b, _H=H,
        _hours=_frozen(np.ascontiguousarray(hours.T)),
        _comp=None if comp is None else _frozen(np.ascontiguousarray(comp.T)),
        _V=None if V is None else _frozen(np.asarray(V)))


# ============================================================================ test system
#: Illustrative hourly wages (money per hour) of pymrio's test system, by region and skill,
#: used to give its six regions labour rows. They are assumptions for demonstration, not
#: records: regions 1-3 are given "high-wage" and 4-6 "low-wage" rates.
ILLUSTRATIVE_WAGES = pd.DataFrame(
    {"low": [20.0, 18.0, 16.0, 2.0, 1.5, 1.0],
     "medium": [30.0, 27.0, 24.0, 4.0, 3.0, 2.5],
     "high": [50.0, 45.0, 40.0, 10.0, 8.0, 6.0]},
    index=pd.Index([f"reg{i}" for i in range(1, 7)], name="region"))

#: Illustrative shares of value added paid to each skill (assumption, same everywhere).
ILLUSTRATIVE_SHARES = {"low": 0.20, "medium": 0.25, "high": 0.15}

#: Illustrative blocs of pymrio's test system (assumption).
ILLUSTRATIVE_BLOCS = {"reg1": "North", "reg2": "North", "reg3": "North",
                      "reg4": "South", "reg5": "South", "reg6": "South"}


def add_illustrative_labour(system: Any) -> Any:
    """Give pymrio's test system a ``labour`` extension (illustrative, not data).

    Compensation of skill ``s`` in each (region, sector) is the share
    :data:`ILLUSTRATIVE_SHARES` ``[s]`` of its value added (the test system's
    ``factor_inputs``); hours are compensation divided by the wage
    :data:`ILLUSTRATIVE_WAGES` ``[region, s]``. Rows ``"hours: <skill>"`` and
    ``"compensation: <skill>"``. Returns the same system (with the extension added).
    """
    pymrio = _require_pymrio()
    va = system.factor_inputs.F.sum(axis=0)
    regions = va.index.get_level_values(0)
    rows, units = {}, {}
    for s, share in ILLUSTRATIVE_SHARES.items():
        comp = va * share
        wage = ILLUSTRATIVE_WAGES[s].reindex(regions).to_numpy()
        rows[f"hours: {s}"] = comp / wage
        rows[f"compensation: {s}"] = comp
        units[f"hours: {s}"] = "hours"
        units[f"compensation: {s}"] = "money"
    F = pd.DataFrame(rows).T
    F.index.name = "stressor"
    unit = pd.DataFrame({"unit": pd.Series(units)})
    unit.index.name = "stressor"
    system.labour = pymrio.Extension(name="labour", F=F, unit=unit)
    return system


def illustrative_test_system() -> tuple[MRIOEconomy, Blocs]:
    """pymrio's bundled test system with illustrative labour rows, and its blocs.

    Six regions, eight sectors (pymrio's ``load_test()``, no download), three skill
    levels from :func:`add_illustrative_labour`, value added from ``factor_inputs``; the
    blocs :data:`ILLUSTRATIVE_BLOCS`. The labour rows are assumptions for demonstration.

    >>> import nonequivalent as ne
    >>> mrio, blocs = ne.illustrative_test_system()
    >>> mrio
    MRIOEconomy(6 regions x 8 sectors = 48, skills ['low', 'medium', 'high'], dense)
    """
    pymrio = _require_pymrio()
    system = add_illustrative_labour(pymrio.load_test())
    mrio = MRIOEconomy.from_pymrio(
        system, hours={s: ("labour", f"hours: {s}") for s in ILLUSTRATIVE_SHARES},
        compensation={s: ("labour", f"compensation: {s}") for s in ILLUSTRATIVE_SHARES},
        value_added="factor_inputs")
    blocs = Blocs.from_mapping(ILLUSTRATIVE_BLOCS, name="illustrative North/South",
                               source="illustrative assignment of pymrio's test regions")
    return mrio, blocs

