"""The input-output economy: technical coefficients, labour by kind, capital.

An :class:`Economy` holds the Leontief technology of ``n`` sectors: the technical matrix
``A`` (``a_ij`` = input of good ``i`` per unit of gross output of sector ``j``), labour
coefficients by labour kind ``Lk`` (k x n, hours per unit of gross output), and optional
capital coefficients ``B``. It is immutable; derive variants with :func:`dataclasses.replace`.

The matrix ``I - A`` is factorized once, on first use, and the factor is reused for gross
outputs (``(I - A) x = y``), labour values (``(I - A)^T lambda^T = l^T``) and prices. A dense
``A`` uses an LU factorization (:func:`scipy.linalg.lu_factor`); a sparse ``A`` is solved
iteratively (GMRES preconditioned by a truncated Neumann series), with the true residual
checked against a stated tolerance. The Leontief inverse is formed only when asked for.

Sources: W. Leontief, *Input-Output Economics* (1966); R. E. Miller and P. D. Blair,
*Input-Output Analysis: Foundations and Extensions*, 2nd ed. (2009), ch. 2 and 6;
D. Hawkins and H. A. Simon, "Note: Some conditions of macroeconomic stability",
*Econometrica* 17 (1949).

>>> import nonequivalent as ne
>>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour={"peasant": [0.5, 0.0],
...                  "worker": [0.0, 0.25]}, sectors=["agriculture", "industry"])
>>> eco.is_productive
True
>>> eco.gross_output([100, 50]).round(3).to_dict()
{'agriculture': 166.667, 'industry': 111.111}
>>> eco.labour_values().round(4).to_dict()
{'agriculture': 0.7222, 'industry': 0.7778}
>>> eco.labour_values(by_kind=True).round(4)
sector       agriculture  industry
labour kind
peasant           0.6667    0.3333
worker            0.0556    0.4444
"""

from __future__ import annotations

import dataclasses
import os
import sys
import warnings
from collections.abc import Hashable, Mapping
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd
import scipy.linalg as sla

from .._results import Result, _frame_text, format_number
from .._solvers import SPARSE_TOLERANCE, _krylov_solve, _spectral_radius_by_block  # noqa: F401
from .._solvers import sparse as sp
from .._validation import (
    _check_same_labels,
    as_array,
    as_index,
    as_matrix,
    as_sparse,
    as_vector,
    check_finite,
    check_positive_output,
    require_finite,
)
from ..errors import (
    InvalidEconomyError,
    LabelMismatchError,
    NearSingularWarning,
    NotProductiveError,
)

__all__ = ["Economy"]


#: A spectral radius within this distance of 1 counts as 1 (not productive): ``I - A`` is
#: then singular to working precision (e.g. Sraffa's subsistence economy, ρ(A) = 1 exactly,
#: computes as 0.9999999999999999).
PRODUCTIVITY_MARGIN = 1e-12

#: An output multiplier (column sum of ``(I - A)^-1``) above this counts as ``I - A`` close
#: to singular, and :class:`~nonequivalent.NearSingularWarning` names the sectors. Observed
#: multipliers of national tables lie between about 1 and 4 (Miller and Blair 2009,
#: §6.2.1); above 10, a unit of final demand needs more than ten units of gross output, so
#: the net product is small against the gross flows (typically: a sector uses up most of
#: its own output, a_jj near 1). A rule on cond(I - A)·eps would not fire here: a11 = 0.95
#: gives a multiplier near 20 and a condition number near 10^2, far from rounding trouble;
#: the trouble is in the reading, not the digits.
NEAR_SINGULAR_MULTIPLIER = 10.0


@dataclasses.dataclass(frozen=True, init=False, eq=False, repr=False)
class Economy(Result):
    """A Leontief economy with labour of one or several kinds.

    Parameters
    ----------
    A : array-like, DataFrame or scipy.sparse matrix, shape (n, n)
        Technical coefficients, ``A[i, j]`` = input of good ``i`` per unit output of ``j``.
        A DataFrame gives the sector labels (its index and columns must agree).
    labour : array-like, Series, DataFrame or mapping
        Labour coefficients (hours per unit of gross output). A vector is one labour kind
        (named ``"labour"`` or the Series name); a 2-D array or DataFrame has one row per
        kind; a mapping ``{kind: vector}`` names the kinds.
    sectors : sequence of labels, optional
        Sector names (default ``s0 .. s{n-1}`` or the DataFrame's labels).
    capital : array-like or DataFrame, shape (n, n), optional
        Capital coefficients ``B[i, j]`` = stock of good ``i`` per unit capacity of ``j``.
    labour_kinds : sequence of labels, optional
        Names of the labour rows when ``labour`` is a plain 2-D array.
    final_demand : vector, Series or mapping, optional
        The table's final demand ``y`` (kept for the MELT and for quantities), or None.

    Defaults
    --------
    Sectors are named ``s0, s1, ...`` and a single labour vector is the labour kind
    ``"labour"`` unless named; :meth:`summary` says which defaults are in use.

    Raises
    ------
    InvalidEconomyError
        Wrong shapes, negative, NaN or infinite coefficients.
    LabelMismatchError
        Labels of ``A``, ``labour`` and ``capital`` disagree.

    Notes
    -----
    A non-productive ``A`` (ρ(A) >= 1) may be constructed and inspected
    (:attr:`spectral_radius`, :attr:`is_productive`); every computation that needs
    ``(I - A)^-1`` raises :class:`~nonequivalent.NotProductiveError`.

    Examples
    --------
    >>> import nonequivalent as ne
    >>> eco = ne.Economy([[0.1, 0.2], [0.3, 0.4]], labour=[1.0, 2.0])
    >>> eco
    Economy(2 sectors ['s0', 's1'], labour kinds ['labour'], dense, ρ(A)=0.5372)
    """

    A: np.ndarray | sp.csr_array
    labour: np.ndarray
    sectors: pd.Index
    labour_kinds: pd.Index
    capital: np.ndarray | None
    final_demand: pd.Series | None

    _title = "Input-output economy"

    def __init__(self, A: Any, labour: Any, sectors: Any = None, capital: Any = None,
                 labour_kinds: Any = None, final_demand: Any = None) -> None:
        A_arr, sector_index = _read_technology(A, sectors)
        lab, kinds = _read_labour(labour, sector_index, labour_kinds)
        cap = None
        if capital is not None:
            # a copy (as_matrix never shares the caller's data), frozen read-only
            cap = as_matrix(capital, sector_index, sector_index,
                            "capital coefficients B", InvalidEconomyError)
            cap.setflags(write=False)
        y = None
        if final_demand is not None:
            y = pd.Series(as_vector(final_demand, sector_index, "final demand",
                                    InvalidEconomyError, nonneg=False, broadcast=False),
                          index=sector_index, name="final demand")
        object.__setattr__(self, "final_demand", y)
        object.__setattr__(self, "A", A_arr)
        object.__setattr__(self, "labour", lab)
        object.__setattr__(self, "sectors", sector_index)
        object.__setattr__(self, "labour_kinds", kinds)
        object.__setattr__(self, "capital", cap)

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_flows(cls, flows: Any, gross_output: Any, labour_hours: Any,
                   sectors: Any = None, capital_stock: Any = None,
                   final_demand: Any = None) -> Economy:
        """Build an economy from a flow table: ``A = Z diag(x)^-1``, ``l = hours / x``.

        Parameters
        ----------
        flows : array-like or DataFrame, shape (n, n)
            Inter-industry flows ``Z[i, j]`` (good ``i`` used by sector ``j``).
        gross_output : array-like or Series, shape (n,)
            Gross output ``x`` of every sector, strictly positive.
        labour_hours : vector, 2-D array, DataFrame or mapping
            Hours worked in each sector, by kind (same forms as ``labour`` in
            :class:`Economy`). A DataFrame may have one row per kind (sectors as columns)
            or one row per sector (kinds as columns): its labels tell which. A plain 2-D
            array must have one row per kind; an array with one row per sector is
            refused with a message to transpose it.
        capital_stock : array-like or DataFrame, optional
            Capital stocks ``K[i, j]``; capital coefficients are ``K diag(x)^-1``.
        final_demand : vector, Series or mapping, optional
            Final demand ``y`` of the table, kept on the economy (``eco.final_demand``).
            Default: the table's own ``y = x - Z 1`` (gross output less deliveries to
            other sectors).

        Raises
        ------
        InvalidEconomyError
            A sector with zero, negative or non-finite gross output (named), a gross-output
            cell smaller than the deliveries of that good to other sectors (named: then
            ``y = x - Z 1`` would be negative, so the cell or the row is wrong; this is a
            data error, told apart from a table that is merely not productive), or bad
            flows.

        Notes
        -----
        Miller & Blair (2009), *Input-Output Analysis*, 2nd ed., eq. (2.4) and (2.1)
        (``x = Z 1 + y``).

        Examples
        --------
        >>> import nonequivalent as ne
        >>> eco = ne.Economy.from_flows([[20, 30], [10, 40]], [100, 100], [50, 25],
        ...                             sectors=["agriculture", "industry"])
        >>> eco.technical_coefficients
        sector       agriculture  industry
        sector
        agriculture          0.2       0.3
        industry             0.1       0.4
        """
        Z, sector_index = _read_technology(flows, sectors, what="flow table",
                                           sparse_ok=True)
        x = as_vector(gross_output, sector_index, "gross output", InvalidEconomyError,
                      nonneg=False, broadcast=False)
        check_positive_output(x, sector_index, "in every sector",
                              "Drop or merge those sectors before computing coefficients")
        deliveries = np.asarray(Z.sum(axis=1)).ravel()
        short = deliveries > x * (1.0 + 1e-9)
        if short.any():
            cells = [f"{sector_index[i]!r}: x = {format_number(x[i])} < "
                     f"{format_number(deliveries[i])}" for i in np.flatnonzero(short)[:5]]
            raise InvalidEconomyError(
                "gross output is smaller than the deliveries of the same good to other "
                f"sectors (row sums of the flow table) in {', '.join(cells)}: the implied "
                "final demand y = x - Z 1 is negative there. Check those gross-output cells "
                "and rows of the flow table (a typo or a unit mismatch), or add the "
                "missing imports to gross output.")
        with np.errstate(over="raise", invalid="raise"):
            try:
                if sp.issparse(Z):
                    A = sp.csr_array(Z @ sp.diags_array(1.0 / x))
                else:
                    A = Z / x[None, :]
            except FloatingPointError:
                raise InvalidEconomyError(
                    "the flow table divided by gross output overflows; rescale the table "
                    "(flows and gross output in the same, larger unit).") from None
        hours, kinds = _read_labour(labour_hours, sector_index, None, what="labour hours",
                                    allow_sector_rows=True)
        cap = None
        if capital_stock is not None:
            K = as_matrix(capital_stock, sector_index, sector_index, "capital stock",
                          InvalidEconomyError)
            cap = K / x[None, :]
        if final_demand is None:
            final_demand = np.clip(x - deliveries, 0.0, None)
        return cls(A, hours / x[None, :], sectors=sector_index, capital=cap,
                   labour_kinds=kinds, final_demand=final_demand)

    # ------------------------------------------------------------------ basic facts
    @property
    def n(self) -> int:
        """Number of sectors."""
        return len(self.sectors)

    @property
    def is_sparse(self) -> bool:
        """Whether ``A`` is stored sparse (solved iteratively)."""
        return sp.issparse(self.A)

    @property
    def technical_coefficients(self) -> pd.DataFrame:
        """``A`` as a labelled DataFrame (dense copy)."""
        dense = self.A.toarray() if self.is_sparse else self.A
        return pd.DataFrame(dense, index=self.sectors, columns=self.sectors)

    @property
    def labour_coefficients(self) -> pd.DataFrame:
        """Labour coefficients by kind (kinds x sectors), hours per unit of gross output."""
        return pd.DataFrame(self.labour, index=self.labour_kinds, columns=self.sectors)

    @property
    def total_labour(self) -> np.ndarray:
        """Total direct labour per unit of output, ``1^T Lk`` (numpy, length n)."""
        return self.labour.sum(axis=0)

    @cached_property
    def _spectral_blocks(self) -> tuple[float, list[tuple[float, np.ndarray]]]:
        # ρ(A) and the strongly connected blocks of A with their own ρ (computed once).
        return _spectral_radius_by_block(self.A)

    @cached_property
    def spectral_radius(self) -> float:
        """Spectral radius ρ(A) (Perron–Frobenius root of the non-negative matrix ``A``).

        Computed block by block over the strongly connected components of ``A``.

        >>> import nonequivalent as ne
        >>> round(ne.Economy([[0.5, 0.0], [0.0, 0.25]], labour=[1, 1]).spectral_radius, 6)
        0.5
        """
        return self._spectral_blocks[0]

    @cached_property
    def is_productive(self) -> bool:
        """Whether ``A`` is productive: ρ(A) < 1 (Hawkins–Simon conditions hold).

        Uses cheap sufficient tests first (column or row sums all below 1; a positive
        solution ``z`` of ``(I - A) z = 1`` with ``max (A z)_i / z_i < 1``, the
        Collatz–Wielandt bound), and the spectral radius only when those fail.
        """
        return self._productivity_check() is None

    @property
    def max_profit_rate(self) -> float:
        """Maximum profit rate ``R = 1/ρ(A) - 1`` (Sraffa, *Production of Commodities*, ch. IV).

        >>> import nonequivalent as ne
        >>> ne.Economy([[0.5]], labour=[1]).max_profit_rate
        1.0
        """
        rho = self.spectral_radius
        return float("inf") if rho == 0 else 1.0 / rho - 1.0

    def __repr__(self) -> str:
        kind = "sparse" if self.is_sparse else "dense"
        sect = list(self.sectors[:6]) + (["..."] if self.n > 6 else [])
        rho = f", ρ(A)={self.spectral_radius:.4f}" if self.n <= 200 else ""
        return (f"Economy({self.n} sectors {sect}, labour kinds {list(self.labour_kinds)}, "
                f"{kind}{rho})")

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Sectors, labour kinds and (up to 200 sectors) ρ(A) and R, for repr and summary."""
        figs: list[tuple[str, Any, str]] = [("sectors", self.n, ""),
                                            ("labour kinds", len(self.labour_kinds), "")]
        if self.n <= 200:
            figs += [("spectral radius ρ(A)", self.spectral_radius, ""),
                     ("maximum profit rate R", self.max_profit_rate, "")]
        return figs

    def defaults_in_use(self) -> list[str]:
        """The library defaults this economy relies on, in words (shown by :meth:`summary`).

        >>> import nonequivalent as ne
        >>> for line in ne.Economy([[0.5]], labour=[1]).defaults_in_use()[:2]:
        ...     print(line)
        sector names s0, s1, ... (none given)
        one labour kind named 'labour'
        """
        out = []
        if list(self.sectors) == [f"s{i}" for i in range(self.n)]:
            out.append("sector names s0, s1, ... (none given)")
        if list(self.labour_kinds) == ["labour"]:
            out.append("one labour kind named 'labour'")
        out.append("labour-value benchmarks in hours (MELT μ = 1) unless melt= or "
                   "prices and final demand are given")
        if self.final_demand is None:
            out.append("no final demand stored (pass final_demand= where a MELT is needed)")
        return out

    def to_frame(self) -> pd.DataFrame:
        """``A`` with the labour coefficients below it (rows: goods, then labour kinds).

        >>> import nonequivalent as ne
        >>> ne.Economy([[0.5]], labour=[1], sectors=["corn"]).to_frame()
        sector   corn
        corn      0.5
        labour    1.0
        """
        return pd.concat([self.technical_coefficients, self.labour_coefficients])

    def summary(self) -> str:
        """A printable description: size, ρ(A), R, coefficients and the defaults in use.

        >>> import nonequivalent as ne
        >>> print(ne.Economy([[0.5]], labour=[1]).summary())
        Input-output economy
        sectors ... : 1
        ...
        defaults in use:
          - sector names s0, s1, ... (none given)
        ...
        """
        figs = self.key_figures()
        width = max(len(k) for k, _, _ in figs)
        lines = [self.title, *(f"{k:<{width}} : {format_number(v, u)}" for k, v, u in figs),
                 f"{'storage':<{width}} : {'sparse' if self.is_sparse else 'dense'}"]
        if self.n <= 12:
            lines += ["", "Technical coefficients A and labour coefficients (hours per "
                      "unit of output):", _frame_text(self.to_frame(), {})]
        if self.final_demand is not None and self.n <= 12:
            lines += ["", "Final demand y:",
                      _frame_text(self.final_demand.to_frame(), {})]
        lines += ["", "defaults in use:", *(f"  - {d}" for d in self.defaults_in_use())]
        return "\n".join(lines)

    def __str__(self) -> str:
        return repr(self)

    # ------------------------------------------------------------------ productivity
    def _productivity_check(self) -> NotProductiveError | None:
        A = self.A
        colmax = float(np.max(np.asarray(A.sum(axis=0)))) if self.n else 0.0
        rowmax = float(np.max(np.asarray(A.sum(axis=1)))) if self.n else 0.0
        if min(colmax, rowmax) < 1.0 - PRODUCTIVITY_MARGIN:
            # ρ(A) <= min(max column sum, max row sum) < 1 - margin: the same margin as
            # the spectral-radius test below, so both paths agree at the boundary.
            return None
        if not self.is_sparse:
            # Collatz–Wielandt: z > 0 with max (A z)_i / z_i < 1 proves ρ(A) < 1. The
            # factor of I - A used here is the one every later solve reuses.
            lu = self._lu_unchecked
            z = None
            if lu is not None:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    z = sla.lu_solve(lu, np.ones(self.n), trans=1, check_finite=False)
            if z is not None and np.all(np.isfinite(z)) and np.all(z > 0):
                if np.max((A @ z) / z) < 1.0 - PRODUCTIVITY_MARGIN:
                    return None
        rho, blocks = self._spectral_blocks
        if rho < 1.0 - PRODUCTIVITY_MARGIN:
            return None
        limit = 1.0 - PRODUCTIVITY_MARGIN
        culprits = [s for r, idx in blocks if r >= limit for s in self.sectors[idx]]
        return NotProductiveError(
            f"the economy is not productive: spectral radius ρ(A) = {rho:.6g} >= 1; the "
            f"sectors {culprits[:20]} use up at least as much as they produce. Lower their "
            "input coefficients (each column's total input per unit of output) so that "
            "ρ(A) < 1.", spectral_radius=rho, sectors=culprits)

    def require_productive(self) -> None:
        """Raise :class:`~nonequivalent.NotProductiveError` unless ρ(A) < 1.

        >>> import nonequivalent as ne
        >>> ne.Economy([[1.2]], labour=[1], sectors=["grain"]).require_productive()
        Traceback (most recent call last):
        ...
        nonequivalent.errors.NotProductiveError: the economy is not productive: ...
        """
        if self.__dict__.get("is_productive"):
            return
        err = self._productivity_check()
        self.__dict__["is_productive"] = err is None
        if err is not None:
            raise err

    # ------------------------------------------------------------------ factorization
    @cached_property
    def _lu_unchecked(self) -> tuple[np.ndarray, np.ndarray] | None:
        # LU factor of (I - A)^T, computed once (None if LAPACK refuses the matrix). The
        # C-ordered I - A is the Fortran-ordered (I - A)^T: LAPACK factors it in place, with
        # no copy; solves with I - A use trans=1 on this factor (see solve).
        M = np.eye(self.n)
        M -= self.A
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a singular I - A is reported as not productive
            try:
                return sla.lu_factor(M.T, overwrite_a=True, check_finite=False)
            except (np.linalg.LinAlgError, ValueError):
                return None

    @cached_property
    def _lu(self) -> tuple[np.ndarray, np.ndarray]:
        self.require_productive()
        lu = self._lu_unchecked
        if lu is None:  # pragma: no cover - productive implies I - A is invertible
            raise NotProductiveError("I - A could not be factorized.")
        self.__dict__["_lu"] = lu           # the diagnostic below solves with it
        near = self.near_singular_sectors
        if not near.empty:                  # said once, when I - A is first factorized
            warnings.warn(NearSingularWarning(self.near_singular_message(),
                                              list(near.index)),
                          stacklevel=_outside_library())
        return lu

    @cached_property
    def near_singular_sectors(self) -> pd.Series:
        """The sectors whose output multiplier exceeds :data:`NEAR_SINGULAR_MULTIPLIER`.

        The output multiplier of sector ``j`` is the column sum of ``(I - A)^-1``: the
        gross output, all sectors together, needed for one unit of final demand for good
        ``j`` (one solve with the cached factor, no inverse). Above 10 ``I - A`` is close
        to singular for the reading of the results: the net product, and any fund carved
        out of it, is small against the gross flows, so shares of it may exceed ±100 %.
        A dense economy says so once, with a :class:`~nonequivalent.NearSingularWarning`,
        when ``I - A`` is first factorized; a sparse one only when asked (here).

        Returns
        -------
        Series
            Those multipliers, largest first, indexed by sector (empty when none).

        Notes
        -----
        Miller and Blair (2009), *Input-Output Analysis*, §6.2.1 (output multipliers).

        Examples
        --------
        >>> import warnings, nonequivalent as ne
        >>> eco = ne.Economy([[0.95, 0.1], [0.02, 0.2]], labour=[1, 1],
        ...                  sectors=["grain", "tools"])
        >>> with warnings.catch_warnings(record=True) as said:
        ...     near = eco.near_singular_sectors
        >>> near.round(1).to_dict(), said[0].message.sectors
        ({'grain': 21.6}, ['grain'])
        """
        m = self.output_multipliers()
        return m[m > NEAR_SINGULAR_MULTIPLIER].sort_values(ascending=False)

    def near_singular_message(self) -> str:
        """The sentence that names the sectors of :attr:`near_singular_sectors` ("" if none).

        >>> import warnings, nonequivalent as ne
        >>> eco = ne.Economy([[0.95]], labour=[1], sectors=["grain"])
        >>> with warnings.catch_warnings(record=True):
        ...     print(eco.near_singular_message()[:72])
        I − A is close to singular: output multipliers above 10 in grain 20 (own
        """
        near = self.near_singular_sectors
        if near.empty:
            return ""
        own = pd.Series(np.asarray(self.A.diagonal()).ravel(), index=self.sectors)
        said = ", ".join(f"{s} {float(m):.3g} (own input a_jj = {float(own[s]):.4g})"
                         for s, m in near.items())
        return (f"I − A is close to singular: output multipliers above "
                f"{NEAR_SINGULAR_MULTIPLIER:g} in {said}; ρ(A) = "
                f"{self.spectral_radius:.4g}. A unit of final demand for these "
                "goods needs that many units of gross output, so the net product (and any "
                "fund carved out of it) is small against the gross flows and shares of it "
                "can exceed ±100 %. Check these sectors' input coefficients (a sector that "
                "uses up most of its own output).")

    @cached_property
    def _sparse_ops(self) -> tuple[sp.csr_array, sp.csr_array]:
        self.require_productive()
        return self.A, sp.csr_array(self.A.T)

    def solve(self, rhs: np.ndarray, transpose: bool = False) -> np.ndarray:
        """Solve ``(I - A) x = rhs`` (or ``(I - A)^T x = rhs``) with the cached factor.

        ``rhs`` is a numpy vector of length n or an (n, m) matrix of right-hand sides.
        This is the low-level numpy path used by every model; labelled wrappers are
        :meth:`gross_output` and :meth:`labour_values`.

        >>> import numpy as np, nonequivalent as ne
        >>> ne.Economy([[0.5]], labour=[1]).solve(np.array([1.0]))
        array([2.])
        """
        if not (type(rhs) is np.ndarray and rhs.dtype == np.float64):
            # anything but a float array goes through the guarded conversion (a copy);
            # a float array is only read (lu_solve does not overwrite it)
            rhs = as_array(rhs, "right-hand side", InvalidEconomyError)
        n = len(self.sectors)
        if rhs.ndim not in (1, 2) or rhs.shape[0] != n:
            raise InvalidEconomyError(
                f"right-hand side has shape {rhs.shape}; expected ({n},) or "
                f"({n}, m) for an economy of {n} sectors.")
        if not np.isfinite(rhs).all():
            check_finite(rhs, "right-hand side", InvalidEconomyError, nonneg=False)
        if not self.is_sparse:
            # the factor is of (I - A)^T (see _lu_unchecked); LAPACK raises no
            # floating-point warnings, an overflow shows as inf below
            out = sla.lu_solve(self._lu, rhs, trans=0 if transpose else 1,
                               check_finite=False)
        else:
            A, AT = self._sparse_ops
            M = AT if transpose else A
            with np.errstate(over="ignore", invalid="ignore"):
                if rhs.ndim == 1:
                    out = _krylov_solve(M, rhs)
                else:
                    out = np.column_stack([_krylov_solve(M, rhs[:, j])
                                           for j in range(rhs.shape[1])])
        return require_finite(out, "the solution of (I - A) x = b")

    # ------------------------------------------------------------------ quantities
    def gross_output(self, final_demand: Any) -> pd.Series | pd.DataFrame:
        """Gross output ``x`` that delivers final demand ``y``: solves ``(I - A) x = y``.

        Parameters
        ----------
        final_demand : vector, Series, 2-D array or DataFrame
            One final-demand vector, or one column per scenario (DataFrame index = sectors).

        Returns
        -------
        Series (or DataFrame with one column per scenario), indexed by sector.

        Notes
        -----
        Leontief (1966), ch. 2; Miller & Blair (2009), eq. (2.10).

        Examples
        --------
        >>> import nonequivalent as ne
        >>> ne.Economy([[0.5]], labour=[1], sectors=["grain"]).gross_output([10]).to_dict()
        {'grain': 20.0}
        """
        if isinstance(final_demand, pd.DataFrame) or (
                not isinstance(final_demand, pd.Series | Mapping)
                and _ndim(final_demand) == 2):
            Y, cols = self._demand_matrix(final_demand)
            return pd.DataFrame(self.solve(Y), index=self.sectors, columns=cols)
        y = as_vector(final_demand, self.sectors, "final demand", InvalidEconomyError,
                      nonneg=False, broadcast=False)
        return pd.Series(self.solve(y), index=self.sectors, name="gross output")

    def _demand_matrix(self, Y: Any) -> tuple[np.ndarray, pd.Index]:
        if isinstance(Y, pd.DataFrame):
            _check_same_labels(Y.index, self.sectors, "final demand row labels")
            cols = Y.columns
            Y = as_array(Y.reindex(self.sectors).to_numpy(), "final demand",
                         InvalidEconomyError)
        else:
            Y = as_array(Y, "final demand", InvalidEconomyError)
            cols = pd.RangeIndex(Y.shape[1], name="scenario") if Y.ndim == 2 else None
        if Y.ndim != 2 or Y.shape[0] != self.n:
            raise InvalidEconomyError(
                f"final demand has shape {Y.shape}; expected ({self.n}, m).")
        check_finite(Y, "final demand", InvalidEconomyError, nonneg=False)
        return Y, cols

    # ------------------------------------------------------------------ values
    @cached_property
    def _values_by_kind(self) -> np.ndarray:
        # Λ = Lk (I - A)^-1  <=>  (I - A)^T Λ^T = Lk^T
        sol = self.solve(self.labour.T, transpose=True)
        return np.atleast_2d(sol.T).reshape(len(self.labour_kinds), self.n)

    def labour_values(self, kind: Hashable | None = None,
                      by_kind: bool = False) -> pd.Series | pd.DataFrame:
        """Labour values (vertically integrated labour) ``λ = l (I - A)^-1``.

        Solves ``(I - A)^T λ^T = l^T`` with the cached factor; never forms the inverse.

        Parameters
        ----------
        kind : label, optional
            One labour kind (e.g. ``"peasant"``); default is the total over kinds.
        by_kind : bool
            Return the DataFrame ``Λ`` (kinds x sectors) instead.

        Notes
        -----
        Marx, *Capital* I, ch. 1 (value as socially necessary labour time); the
        input-output form is from M. Morishima, *Marx's Economics* (1973), ch. 1, and
        L. Pasinetti, "The notion of vertical integration" (1973).

        Examples
        --------
        >>> import nonequivalent as ne
        >>> eco = ne.Economy([[0.5]], labour={"peasant": [1.0], "worker": [0.5]})
        >>> eco.labour_values().tolist()
        [3.0]
        >>> eco.labour_values("worker").tolist()
        [1.0]
        """
        vals = self._values_by_kind
        if by_kind:
            return pd.DataFrame(vals, index=self.labour_kinds, columns=self.sectors)
        if kind is None:
            return pd.Series(vals.sum(axis=0), index=self.sectors, name="labour value")
        if kind not in self.labour_kinds:
            raise LabelMismatchError(
                f"unknown labour kind {kind!r}; the economy has {list(self.labour_kinds)}.")
        pos = self.labour_kinds.get_loc(kind)
        return pd.Series(vals[pos], index=self.sectors, name=f"labour value ({kind})")

    @property
    def values_array(self) -> np.ndarray:
        """Total labour values λ as a numpy vector (cached; read-only view)."""
        v = self._values_by_kind.sum(axis=0)
        v.setflags(write=False)
        return v

    # ------------------------------------------------------------------ inverse and multipliers
    def leontief_inverse(self) -> pd.DataFrame:
        """The Leontief inverse ``L = (I - A)^-1`` as a labelled DataFrame.

        Formed only here, because it was asked for (from the cached factor).

        Notes
        -----
        Leontief (1966); Miller & Blair (2009), eq. (2.11).

        >>> import nonequivalent as ne
        >>> ne.Economy([[0.5]], labour=[1]).leontief_inverse().to_numpy().tolist()
        [[2.0]]
        """
        L = self.solve(np.eye(self.n))
        return pd.DataFrame(L, index=self.sectors, columns=self.sectors)

    def output_multipliers(self) -> pd.Series:
        """Simple output multipliers, the column sums of ``L``: ``1^T (I - A)^-1``.

        Notes
        -----
        Miller & Blair (2009), §6.2.1.

        >>> import nonequivalent as ne
        >>> ne.Economy([[0.5]], labour=[1]).output_multipliers().tolist()
        [2.0]
        """
        m = self.solve(np.ones(self.n), transpose=True)
        return pd.Series(m, index=self.sectors, name="output multiplier")

    def employment_multipliers(self, kind: Hashable | None = None,
                               type_i: bool = False) -> pd.Series:
        """Employment multipliers: hours per unit of final demand (``λ``), or Type I ``λ/l``.

        Parameters
        ----------
        kind : label, optional
            One labour kind; default the total.
        type_i : bool
            Divide by direct labour ``l`` (Type I multiplier); a sector with no direct
            labour of that kind gets NaN there, documented rather than a division warning.

        Notes
        -----
        Miller & Blair (2009), §6.2.3 (simple and Type I employment multipliers).

        >>> import nonequivalent as ne
        >>> ne.Economy([[0.5]], labour=[1]).employment_multipliers(type_i=True).tolist()
        [2.0]
        """
        lam = self.labour_values(kind)
        if not type_i:
            return lam.rename("employment multiplier")
        direct = (self.labour_coefficients.loc[kind] if kind is not None
                  else self.labour_coefficients.sum(axis=0))
        out = lam.to_numpy() / np.where(direct > 0, direct, np.nan)
        return pd.Series(out, index=self.sectors, name="employment multiplier (type I)")


# ---------------------------------------------------------------------- helpers
def _outside_library() -> int:
    """The ``stacklevel`` of the first caller outside this package (and functools)."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    frame, level = sys._getframe(1), 1
    while frame is not None and (frame.f_code.co_filename.startswith(package)
                                 or frame.f_code.co_filename.endswith("functools.py")):
        frame, level = frame.f_back, level + 1
    return level


def _ndim(data: Any) -> int:
    """``np.ndim`` that tolerates ragged input (reported later by the guarded conversion)."""
    try:
        return int(np.ndim(data))
    except (ValueError, TypeError):
        return -1


def _require_sectors(shape: tuple[int, ...], what: str) -> None:
    """Refuse a table without entries: an economy has at least one sector."""
    if 0 in shape:
        raise InvalidEconomyError(
            f"{what} is empty (shape {shape}): an economy needs at least one sector; "
            "give an n x n matrix with n >= 1.")


def _read_technology(A: Any, sectors: Any, what: str = "technical coefficients A",
                     sparse_ok: bool = True) -> tuple[np.ndarray | sp.csr_array, pd.Index]:
    if isinstance(A, pd.DataFrame):
        if not A.index.is_unique or list(A.index) != list(A.columns):
            if set(A.index) != set(A.columns) or not A.index.is_unique:
                raise LabelMismatchError(
                    f"{what}: row labels {list(A.index)[:10]} and column labels "
                    f"{list(A.columns)[:10]} must be the same sectors.")
            A = A.reindex(columns=A.index)
        index = pd.Index(A.index, name="sector")
        if sectors is not None and list(pd.Index(sectors)) != list(index):
            raise LabelMismatchError(
                f"sectors {list(sectors)[:10]} differ from the labels of {what} "
                f"{list(index)[:10]}; pass one or the other.")
        arr = as_array(A.to_numpy(), what, InvalidEconomyError)   # a copy, never a view
    elif sp.issparse(A):
        if not sparse_ok:
            raise InvalidEconomyError(f"{what} must be dense here.")
        arr = as_sparse(A, what, InvalidEconomyError)   # own data: the caller's is untouched
        _require_sectors(arr.shape, what)
        if arr.shape[0] != arr.shape[1]:
            raise InvalidEconomyError(f"{what} must be square, got shape {arr.shape}.")
        check_finite(arr.data, what, InvalidEconomyError)
        arr.eliminate_zeros()
        return arr, as_index(sectors, arr.shape[0], "sector", "s")
    else:
        arr = as_array(A, what, InvalidEconomyError)
        if arr.ndim == 0:
            arr = arr.reshape(1, 1)
        index = None
    _require_sectors(arr.shape, what)
    if arr.ndim != 2 or arr.shape[0] != arr.shape[1]:
        raise InvalidEconomyError(f"{what} must be a square matrix, got shape {arr.shape}.")
    if index is None:
        index = as_index(sectors, arr.shape[0], "sector", "s")
    check_finite(arr, what, InvalidEconomyError, labels=index, columns=index)
    arr.setflags(write=False)
    return arr, index


def _read_labour(labour: Any, sectors: pd.Index, kinds: Any,
                 what: str = "labour coefficients",
                 allow_sector_rows: bool = False) -> tuple[np.ndarray, pd.Index]:
    n = len(sectors)
    if (allow_sector_rows and isinstance(labour, pd.DataFrame)
            and set(labour.index) == set(sectors) and set(labour.columns) != set(sectors)):
        labour = labour.T          # one row per sector: the labels say so, read it turned
    if isinstance(labour, Mapping):
        if not labour:
            raise InvalidEconomyError(f"{what}: give at least one labour kind.")
        rows = [as_vector(v, sectors, f"{what} ({k})", InvalidEconomyError)
                for k, v in labour.items()]
        arr = np.vstack(rows)
        index = as_index(list(labour.keys()), len(rows), "labour kind", "kind")
    elif isinstance(labour, pd.DataFrame):
        if set(labour.index) == set(sectors) and set(labour.columns) != set(sectors):
            raise LabelMismatchError(
                f"{what} has one row per sector; give one row per labour kind with sectors "
                "as columns (transpose it: .T).")
        _check_same_labels(labour.columns, sectors, f"{what} column labels")
        arr = as_array(labour.reindex(columns=sectors).to_numpy(), what, InvalidEconomyError)
        index = as_index(labour.index, arr.shape[0], "labour kind", "kind")
        check_finite(arr, what, InvalidEconomyError, labels=index, columns=sectors)
    elif isinstance(labour, pd.Series):
        arr = as_vector(labour, sectors, what, InvalidEconomyError)[None, :]
        index = pd.Index([labour.name if labour.name is not None else "labour"],
                         name="labour kind")
    else:
        arr = as_array(labour, what, InvalidEconomyError)
        if arr.ndim == 1:
            arr = arr[None, :]
            default = ["labour"]
        elif arr.ndim == 2:
            default = None
        else:
            raise InvalidEconomyError(f"{what} must be a vector or a kinds x sectors matrix.")
        if arr.shape[1] != n:
            hint = (f" It has one row per sector ({arr.shape[0]} rows): transpose it (.T) "
                    "to one row per labour kind." if arr.ndim == 2 and arr.shape[0] == n
                    else "")
            raise InvalidEconomyError(
                f"{what} have {arr.shape[1]} columns; the economy has {n} sectors.{hint}")
        if kinds is None and default is not None:
            kinds = default
        index = as_index(kinds, arr.shape[0], "labour kind", "kind")
        check_finite(arr, what, InvalidEconomyError, labels=index, columns=sectors)
    if kinds is not None and list(pd.Index(kinds)) != list(index):
        raise LabelMismatchError(
            f"labour kinds {list(kinds)} differ from the labels of {what} {list(index)}.")
    index.name = "labour kind"
    arr = np.ascontiguousarray(arr)
    arr.setflags(write=False)
    return arr, index
