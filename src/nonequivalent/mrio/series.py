"""The global account year by year: one task per EXIOBASE 3 year archive, on Dask."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Hashable, Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InvalidEconomyError, NonequivalentError
from ._labels import ALL_SKILLS
from .account import global_exchange_account
from .blocs import DEFAULT_BLOCS, Blocs, _as_blocs
from .economy import MRIOEconomy
from .readers import (
    EXIOBASE_COMPENSATION,
    EXIOBASE_HOURS,
    EXIOBASE_VALUE_ADDED,
    _require_pymrio,
)

#: The install command named when Dask is needed and missing.
DASK_INSTALL = 'pip install "nonequivalent[dask]"'

#: What the series reads of each archive (pymrio's ``load_all(subset=...)``): the
#: coefficients ``A`` (not the flows ``Z``: one ``n x n`` table, not two), final demand,
#: gross output and the extensions' totals.
_SUBSET = ["A", "Y", "x", "F", "F_Y", "F_hh", "unit"]

#: Columns of :func:`global_exchange_series` (then per skill ``net_hours <s>``,
#: ``recipient_value <s>``, ``receiver_wage <s>``).
SERIES_COLUMNS = ("giver", "receiver", "hours_given", "hours_received", "net_hours",
                  "exchange_ratio", "producer_compensation", "recipient_value",
                  "value_transfer", "cumulative_net_hours", "cumulative_value_transfer")


def parse_years(years: Any) -> list[int] | None:
    """Years from ``"1995-2022"``, ``"1995,2000,2021"``, an int or an iterable of ints."""
    if years is None:
        return None
    if isinstance(years, bool | np.bool_ | bytes):
        raise InvalidEconomyError(
            f"years must be ints, a range '1995-2022' or a list; got {years!r}.")
    if isinstance(years, int | np.integer):
        return [int(years)]
    if isinstance(years, str):
        out: list[int] = []
        for part in years.split(","):
            part = part.strip()
            m = re.fullmatch(r"(\d{4})\s*[-:]\s*(\d{4})", part)
            if m:
                lo, hi = int(m.group(1)), int(m.group(2))
                if hi < lo:
                    raise InvalidEconomyError(f"years {part!r}: the range runs backwards.")
                out.extend(range(lo, hi + 1))
            elif re.fullmatch(r"\d{4}", part):
                out.append(int(part))
            else:
                raise InvalidEconomyError(
                    f"years {years!r}: write e.g. '1995-2022' or '1995,2000,2021'.")
        return out
    try:
        return [_whole_year(y) for y in years]
    except (TypeError, ValueError, OverflowError):
        raise InvalidEconomyError(
            f"years must be whole numbers (ints, or strings of digits), a range "
            f"'1995-2022' or a list; got {years!r}.") from None


def _whole_year(y: Any) -> int:
    """One year: an int, a string of digits or a float with no fraction (never a bool)."""
    if isinstance(y, bool | np.bool_ | bytes):
        raise TypeError(y)
    if isinstance(y, float | np.floating) and not float(y).is_integer():
        raise ValueError(y)        # int(1995.5) would silently be 1995
    return int(y)


def exiobase_archives(path: str | Path, years: Any = None,
                      system: str = "pxp") -> dict[int, Path]:
    """The EXIOBASE 3 archives ``IOT_<year>_<system>.zip`` (or extracted folders) in
    ``path``, by year.

    Raises
    ------
    InvalidEconomyError
        ``path`` is not a folder, or a year asked for has no archive (named).
    """
    if not isinstance(path, str | os.PathLike):
        raise InvalidEconomyError(f"path must be a folder (str or Path); got "
                                  f"{type(path).__name__}.")
    if system not in ("pxp", "ixi"):
        raise InvalidEconomyError(f"system {system!r}: EXIOBASE 3 comes as 'pxp' "
                                  "(product by product) or 'ixi' (industry by industry).")
    folder = Path(path)
    if not folder.is_dir():
        raise InvalidEconomyError(f"{str(path)!r} is not a folder of EXIOBASE 3 archives.")
    found: dict[int, Path] = {}
    for p in sorted(folder.iterdir()):
        m = re.fullmatch(rf"IOT_(\d{{4}})_{re.escape(system)}(\.zip)?", p.name)
        if m and (p.is_dir() or m.group(2)):
            found.setdefault(int(m.group(1)), p)
    wanted = parse_years(years)
    if wanted is None:
        if not found:
            raise InvalidEconomyError(
                f"no EXIOBASE 3 archive IOT_<year>_{system}.zip in {str(path)!r}.")
        return found
    missing = [y for y in wanted if y not in found]
    if missing:
        raise InvalidEconomyError(
            f"no archive IOT_<year>_{system}.zip in {str(path)!r} for {missing[:10]}"
            f"{' ...' if len(missing) > 10 else ''}; download them first (docs: "
            "'Reproducing Hickel et al. (2024)').")
    return {y: found[y] for y in wanted}


def load_exiobase3(path: str | Path, hours: Mapping[Hashable, Any] | None = None,
                   compensation: Mapping[Hashable, Any] | None = None,
                   value_added: Any = EXIOBASE_VALUE_ADDED) -> MRIOEconomy:
    """One EXIOBASE 3 archive (zip or extracted folder) as an :class:`MRIOEconomy`.

    Read by pymrio (``pymrio.load_all``, the reader behind ``pymrio.parse_exiobase3``)
    with only ``A``, ``Y``, ``x`` and the extensions' totals, so that the flows ``Z`` are
    never held beside ``A``. Rows: :data:`EXIOBASE_HOURS`, :data:`EXIOBASE_COMPENSATION`
    and :data:`EXIOBASE_VALUE_ADDED` unless given.

    Raises
    ------
    InvalidEconomyError
        The file is not an EXIOBASE 3 archive pymrio can read.
    """
    pymrio = _require_pymrio()
    try:
        system = pymrio.load_all(path, subset=_SUBSET)
    except Exception as exc:  # pymrio raises various errors on a foreign file
        raise InvalidEconomyError(
            f"cannot read {str(path)!r} as an EXIOBASE 3 archive: {exc}") from None
    for ext in system.get_extensions(data=True):      # as pymrio.parse_exiobase3 does
        if getattr(ext, "F_Y", None) is None and getattr(ext, "F_hh", None) is not None:
            ext.F_Y = ext.F_hh
    try:
        va_ok = value_added is not None
        return MRIOEconomy.from_pymrio(
            system, hours=hours or EXIOBASE_HOURS,
            compensation=compensation if compensation is not None else (
                None if hours else EXIOBASE_COMPENSATION),
            value_added=value_added if va_ok else None)
    finally:
        del system


# ============================================================================ one year
def _year_rows(mrio: MRIOEconomy, blocs: Any, wage: str) -> pd.DataFrame:
    """The ``"all"`` pairs of one year's account: flows, decomposition, per-skill parts."""
    acc = global_exchange_account(mrio, blocs, wage=wage)
    pairs = acc.pairs
    allp = pairs.xs(ALL_SKILLS, level="skill")
    out = pd.DataFrame({"hours_given": allp["hours_given"],
                        "hours_received": allp["hours_received"],
                        "net_hours": allp["net_hours"],
                        "exchange_ratio": allp["exchange_ratio"]})
    if mrio.has_compensation:
        dec = acc.decomposition().xs(ALL_SKILLS, level="skill")
        for col in ("producer_compensation", "recipient_value", "value_transfer"):
            out[col] = dec[col].reindex(out.index)
    else:
        for col in ("producer_compensation", "recipient_value", "value_transfer"):
            out[col] = np.nan
    W = acc._wages
    names = list(acc.bloc_names)
    for s, skill in enumerate(acc.skills):
        HB = acc._HB[s]
        net, val, wage_r = [], [], []
        for g, r in out.index:
            gi, ri = names.index(g), names.index(r)
            net.append(HB[gi, ri] - HB[ri, gi])
            wage_r.append(np.nan if W is None else W[s, ri])
            val.append(net[-1] * wage_r[-1])
        out[f"net_hours {skill}"] = net
        out[f"recipient_value {skill}"] = val
        out[f"receiver_wage {skill}"] = wage_r
    return out


def _year_task(load: Callable[[], MRIOEconomy], year: int, blocs: Any,
               wage: str) -> tuple[int, pd.DataFrame, float]:
    """Load one year and compute its rows; returns (year, rows, seconds). Runs on a worker:
    the table lives only inside this call."""
    t0 = time.perf_counter()
    mrio = load()
    rows = _year_rows(mrio, blocs, wage)
    del mrio
    return year, rows, time.perf_counter() - t0


def _compute(tasks: list[Any], scheduler: Any) -> list[Any]:
    try:
        import dask
    except ImportError:
        raise NonequivalentError(
            f"the series runs on Dask; install it with {DASK_INSTALL}.") from None
    if scheduler is None:
        scheduler = "threads"
    if isinstance(scheduler, str) and "://" in scheduler:
        from distributed import Client

        try:
            client = Client(scheduler)
        except OSError as exc:
            raise InvalidEconomyError(
                f"cannot reach the Dask scheduler {scheduler!r} ({exc}); start it, or use "
                "None for Dask's local threads.") from None
        with client:
            return list(dask.compute(*tasks, scheduler=client))
    if not (scheduler is None or isinstance(scheduler, str) or callable(scheduler)
            or callable(getattr(scheduler, "get", None))):
        raise InvalidEconomyError(
            f"scheduler {scheduler!r}: use None (Dask's local threads), 'threads', "
            "'processes', 'sync', a distributed Client or a scheduler address 'tcp://...'.")
    if isinstance(scheduler, str) and scheduler not in (
            "threads", "processes", "sync", "synchronous", "single-threaded"):
        raise InvalidEconomyError(
            f"scheduler {scheduler!r}: use None (Dask's local threads), 'threads', "
            "'processes', 'sync', a distributed Client or a scheduler address 'tcp://...'.")
    return list(dask.compute(*tasks, scheduler=scheduler))


def _run_series(loaders: Mapping[int, Callable[[], MRIOEconomy]], blocs: Any, wage: str,
                scheduler: Any) -> pd.DataFrame:
    """The series from one loader per year: one Dask task per year, then one frame."""
    import dask

    tasks = [dask.delayed(_year_task, pure=False)(load, year, blocs, wage)
             for year, load in loaders.items()]
    results = sorted(_compute(tasks, scheduler), key=lambda t: t[0])
    frames = []
    for year, rows, _secs in results:
        rows = rows.copy()
        rows.insert(0, "year", year)
        frames.append(rows.reset_index())
    frame = pd.concat(frames, ignore_index=True)
    keys = ["giver", "receiver"]
    frame["cumulative_net_hours"] = frame.groupby(keys, sort=False)["net_hours"].cumsum()
    frame["cumulative_value_transfer"] = frame.groupby(keys, sort=False)[
        "value_transfer"].cumsum(skipna=False)
    skill_cols = [c for c in frame.columns if c not in (*SERIES_COLUMNS, "year")]
    frame = frame[["year", *SERIES_COLUMNS, *skill_cols]]
    one_pair = frame[keys].drop_duplicates().shape[0] == 1
    frame = frame.set_index("year" if one_pair else ["year", *keys])
    frame.attrs["seconds_per_year"] = {y: s for y, _r, s in results}
    return frame


def global_exchange_series(path: str | Path, years: Any = None, scheduler: Any = None,
                           blocs: Any = DEFAULT_BLOCS, wage: str = "export-embodied",
                           system: str = "pxp", hours: Mapping[Hashable, Any] | None = None,
                           compensation: Mapping[Hashable, Any] | None = None,
                           value_added: Any = EXIOBASE_VALUE_ADDED) -> pd.DataFrame:
    """The global account for every year of a folder of EXIOBASE 3 archives.

    One Dask task per year reads ``IOT_<year>_<system>.zip`` with pymrio
    (:func:`load_exiobase3`) and computes the account of the pairs of blocs
    (:func:`~nonequivalent.global_exchange_account` and its ``decomposition``). A task
    holds one ``n x n`` table from the archive, the engine's copy of ``A`` and its LU
    factor: at most three ``n x n`` float64 arrays (see ``benchmarks/mrio_series.py``).

    Parameters
    ----------
    path : folder
        Holds ``IOT_<year>_<system>.zip`` (or the extracted ``IOT_<year>_<system>``).
    years : ``"1995-2022"``, list of ints, optional
        Default: every year found.
    scheduler : optional
        ``None`` (Dask's local threads), ``"processes"``, ``"sync"``, a
        ``distributed.Client`` (e.g. on a ``LocalCluster``) or a scheduler address.
    blocs : default ``"hickel2024"``
    wage : ``"export-embodied"`` (default) or ``"worked"``
    system : ``"pxp"`` (default) or ``"ixi"``
    hours, compensation, value_added : rows as in :meth:`MRIOEconomy.from_pymrio`

    Returns
    -------
    DataFrame
        Indexed by year (by year, giver and receiver when there are more than two
        blocs); columns :data:`SERIES_COLUMNS` (all skills; ``cumulative_*`` summed from
        the first year) then ``net_hours <skill>``, ``recipient_value <skill>`` and
        ``receiver_wage <skill>``. ``attrs["seconds_per_year"]``: each task's time.

    Raises
    ------
    InvalidEconomyError
        No archive for a year asked for, or a file pymrio cannot read.
    NonequivalentError
        Dask or pymrio is not installed.

    Notes
    -----
    Hickel, Hanbury Lemos & Barbour (2024), *Nat. Commun.* 15:6298, report the series
    1995–2021 from EXIOBASE 3.
    """
    from .account import WAGE_RULES

    if not isinstance(wage, str) or wage not in WAGE_RULES:
        raise InvalidEconomyError(
            f"unknown wage rule {wage!r}; choose one of {sorted(WAGE_RULES)}.")
    archives = exiobase_archives(path, years, system)
    b = blocs if isinstance(blocs, Blocs) or blocs is None else _as_blocs(blocs, pd.Index([]))
    loaders = {y: partial(load_exiobase3, p, hours, compensation, value_added)
               for y, p in archives.items()}
    frame = _run_series(loaders, b, wage, scheduler)
    frame.attrs.update({"blocs": "regions" if b is None else b.name, "wage_rule": wage,
                        "source": str(path)})
    return frame


def synthetic_loaders(years: Iterable[int], make: Callable[[int], MRIOEconomy]
                      ) -> dict[int, Callable[[], MRIOEconomy]]:
    """One loader per year calling ``make(year)`` on the worker (benchmarks, tests)."""
    return {int(y): partial(make, int(y)) for y in years}
