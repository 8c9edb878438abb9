"""The model side of the uncertainty engine: what a model returns, and running it in tasks.

A model is any function of a parameter set that returns labelled numbers (see
:func:`~nonequivalent.propagate`). This module flattens its output into cells (a Series,
a DataFrame's (row, column) cells, a mapping, one number), checks that every draw returns
the same labels, evaluates a task of draws (:func:`evaluate_chunk`, the unit of work sent
to a worker) and runs the tasks in this process or on a Dask cluster (:func:`run_chunks`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .._validation import as_float
from ..errors import UncertaintyError

__all__ = ["evaluate_chunk", "run_chunks"]


def _finite(x: Any, what: str) -> float:
    """``x`` as a finite float through the guarded conversion (strings, booleans, complex
    numbers and integers beyond float range refused), or :class:`UncertaintyError`."""
    try:
        val = as_float(x, what, UncertaintyError)
    except (TypeError, ValueError, OverflowError) as exc:
        if isinstance(exc, UncertaintyError):
            raise
        raise UncertaintyError(f"{what} must be a number; got {x!r}.") from None
    if not math.isfinite(val):
        raise UncertaintyError(f"{what} must be finite; got {x!r}.")
    return val


# ------------------------------------------------------------------------------ model
@dataclass(frozen=True)
class _Layout:
    """How a model's output is flattened into cells and rebuilt for one draw."""

    cells: pd.Index
    kind: str  # "series" | "frame" | "scalar"
    rows: pd.Index | None = None
    columns: pd.Index | None = None

    def rebuild(self, values: np.ndarray) -> Any:
        if self.kind == "scalar":
            return float(values[0])
        s = pd.Series(values, index=self.cells)
        if self.kind == "frame":
            return s.unstack().reindex(index=self.rows, columns=self.columns)
        return s


def _flatten(output: Any) -> tuple[pd.Series, _Layout]:
    """A model's output for one draw as a float Series of cells, and how to rebuild it."""
    if hasattr(output, "to_cells") and callable(output.to_cells):
        output = output.to_cells()
    if isinstance(output, pd.DataFrame):
        stacked = output.stack(future_stack=True)
        return (_as_float(stacked),
                _Layout(stacked.index, "frame", output.index.copy(), output.columns.copy()))
    if isinstance(output, Mapping) and not isinstance(output, pd.Series):
        output = pd.Series(dict(output), dtype=object)
    if isinstance(output, pd.Series):
        return _as_float(output), _Layout(output.index.copy(), "series")
    if isinstance(output, int | float | np.number) and not isinstance(output, bool):
        s = pd.Series([_real(output)], index=pd.Index(["value"]))
        return s, _Layout(s.index, "scalar")
    raise UncertaintyError(
        f"a model must return labelled numbers (a pandas Series or DataFrame, a mapping of "
        f"numbers, or one number); got {type(output).__name__}.")


def _real(x: Any) -> Any:
    """``x`` as float (a number or an array), refusing complex numbers: never cut to the
    real part (see the guarantees page)."""
    arr = np.asarray(x)
    if arr.dtype.kind == "c" or (arr.dtype == object and any(
            isinstance(v, complex | np.complexfloating) for v in arr.ravel().tolist())):
        raise UncertaintyError("a model's output must be real numbers; got complex numbers. "
                               "Return the real quantity you mean (abs, .real) explicitly.")
    try:
        return float(arr) if arr.ndim == 0 else arr.astype(float)
    except OverflowError:
        raise UncertaintyError("a number is too large for a float (an integer beyond "
                               "1.8e308); rescale it.") from None


def _as_float(s: pd.Series) -> pd.Series:
    if not s.index.is_unique:
        raise UncertaintyError(f"a model's output labels must be unique; repeated: "
                               f"{s.index[s.index.duplicated()].unique().tolist()[:5]}.")
    try:
        if s.dtype.kind == "c" or s.dtype == object:
            return pd.Series(_real(s.to_numpy()), index=s.index)
        return s.astype(float)
    except UncertaintyError:
        raise
    except (TypeError, ValueError):
        raise UncertaintyError("a model's output must be numeric in every cell; got "
                               f"non-numbers among {s.index.tolist()[:5]}.") from None


def _aligned(s: pd.Series, cells: pd.Index, where: str) -> np.ndarray:
    if not s.index.equals(cells):
        if len(s.index) != len(cells) or not s.index.isin(cells).all():
            raise UncertaintyError(
                f"the model's output labels changed at {where}; a model must return the "
                f"same labels for every draw (first: {cells.tolist()[:5]}, now: "
                f"{s.index.tolist()[:5]}).")
        s = s.reindex(cells)
    return _real(s.to_numpy())


def _vector_output(output: Any, draws: pd.Index, cells: pd.Index | None, where: str
                   ) -> tuple[np.ndarray, pd.Index]:
    """A vectorized model's output for the draws labelled ``draws`` as an (m × cells) array.

    Rows are matched to draws by their index, not by position: a model that sorts or
    filters its rows gets each draw's own result back (or an error), never another's.
    """
    m = len(draws)
    if isinstance(output, Mapping) and not isinstance(output, pd.DataFrame):
        output = pd.DataFrame({k: v.reindex(draws) if isinstance(v, pd.Series)
                               else np.broadcast_to(np.asarray(v), (m,))
                               for k, v in output.items()}, index=draws)
    if isinstance(output, pd.Series):
        output = output.to_frame()
    if not isinstance(output, pd.DataFrame):
        raise UncertaintyError(f"a vectorized model must return a DataFrame (one row per "
                               f"draw, one column per cell); got {type(output).__name__}.")
    if output.shape[0] != m:
        raise UncertaintyError(f"a vectorized model returned {output.shape[0]} rows for "
                               f"{m} draws at {where}; return one row per draw.")
    if not output.index.equals(draws):
        if not (output.index.is_unique and output.index.isin(draws).all()):
            raise UncertaintyError(
                f"a vectorized model's rows must keep the index of the draws it was given "
                f"(one row per draw, labelled as in the input frame) at {where}; got rows "
                f"{output.index.tolist()[:5]}.")
        output = output.reindex(draws)
    if cells is None:
        cells = output.columns.copy()
        if not cells.is_unique:
            raise UncertaintyError("a vectorized model's columns must be unique.")
    elif not output.columns.equals(cells):
        if not (len(output.columns) == len(cells) and output.columns.isin(cells).all()):
            raise UncertaintyError(f"the vectorized model's columns changed at {where}; "
                                   "return the same columns for every batch.")
        output = output.reindex(columns=cells)
    try:
        arr = _real(output.to_numpy())
    except UncertaintyError:
        raise
    except (TypeError, ValueError):
        raise UncertaintyError("a vectorized model's output must be numeric.") from None
    return arr, cells


def _row(output: Any, layout: _Layout, where: str) -> np.ndarray:
    """One draw's output as numbers in the order of ``layout.cells`` (fast when unchanged)."""
    try:
        if layout.kind == "series" and isinstance(output, Mapping) \
                and not isinstance(output, pd.Series):
            if len(output) == len(layout.cells) and all(
                    a == b for a, b in zip(output, layout.cells, strict=False)):
                return np.fromiter(output.values(), dtype=float, count=len(output))
        elif layout.kind == "series" and isinstance(output, pd.Series):
            if output.index.equals(layout.cells):
                return _real(output.to_numpy())
        elif layout.kind == "frame" and isinstance(output, pd.DataFrame):
            if output.index.equals(layout.rows) and output.columns.equals(layout.columns):
                return _real(output.to_numpy()).ravel()
        elif layout.kind == "scalar" and isinstance(output, int | float | np.number):
            return np.array([_real(output)])
    except (TypeError, ValueError):
        pass  # the slow path below names the problem
    return _aligned(_flatten(output)[0], layout.cells, where)


def evaluate_chunk(model: Callable[..., Any], names: Sequence[str], values: np.ndarray,
                   layout: _Layout, vectorized: bool, start: int = 0) -> np.ndarray:
    """Evaluate ``model`` on the draws ``values`` (m × p); return an (m × cells) array.

    This is the unit of work sent to a worker: it depends only on its arguments, so a
    chunk gives the same numbers in any process.
    """
    values = np.asarray(values, dtype=float)
    if vectorized:
        frame = pd.DataFrame(values, columns=list(names))
        return _vector_output(model(frame), frame.index, layout.cells,
                              f"draws {start}–{start + len(values) - 1}")[0]
    out = np.empty((len(values), len(layout.cells)))
    for i, row in enumerate(values):
        params = dict(zip(names, row.tolist(), strict=True))
        out[i] = _row(model(params), layout, f"draw {start + i}")
    return out


def _central_output(model: Callable[..., Any], params: Sequence[Any],
                    vectorized: bool) -> tuple[np.ndarray, _Layout]:
    names = [p.name for p in params]
    central = [p.central for p in params]
    if vectorized:
        frame = pd.DataFrame([central], columns=names)
        arr, cells = _vector_output(model(frame), frame.index, None, "the central values")
        return arr[0], _Layout(cells, "series")
    s, layout = _flatten(model(dict(zip(names, central, strict=True))))
    return s.to_numpy(dtype=float), layout


# ---------------------------------------------------------------------------- running
def _client(scheduler: Any) -> tuple[Any, bool]:
    """A ``distributed.Client`` from a client or an address; True when we opened it."""
    try:
        from distributed import Client
    except ImportError:
        raise UncertaintyError(
            "running on a Dask cluster needs dask.distributed: "
            'pip install ".[dask]" from the top of a clone of the repository (or pip '
            'install "dask[distributed]").') from None
    if isinstance(scheduler, Client):
        return scheduler, False
    if isinstance(scheduler, str):
        timeout = _reachable(scheduler)
        try:
            return Client(scheduler, timeout=timeout), True
        except Exception as exc:  # a foreign server can raise anything
            # (a non-Dask server on the port: MemoryError reading its reply as a length)
            raise UncertaintyError(f"cannot reach the Dask scheduler at {scheduler!r}: "
                                   f"{type(exc).__name__}: {exc}. Start it (dask scheduler) "
                                   "or fix the address.") from None
    raise UncertaintyError(f"scheduler must be a distributed.Client or an address such as "
                           f"'tcp://127.0.0.1:8786'; got {type(scheduler).__name__}.")


#: Seconds to wait for a Dask scheduler (less when dask's own connect timeout is less).
CONNECT_TIMEOUT = 10.0

_ADDRESS = re.compile(r"^(?:(?P<scheme>tcp|tls)://)?(?P<host>\[[0-9a-fA-F:.]+\]|[^\s:/\[\]]+)"
                      r":(?P<port>\d{1,5})/?$")


def _reachable(address: str) -> float:
    """Check a scheduler address before Dask tries it for its whole connect timeout.

    The form is ``tcp://host:port`` (or ``tls://``, or ``host:port``); the host must
    resolve and, for ``tcp``, something must accept connections on the port. Returns the
    connect timeout to give Dask, in seconds.
    """
    import socket

    import dask
    from dask.utils import parse_timedelta

    m = _ADDRESS.match(address.strip())
    if m is None or not 0 < int(m["port"]) < 65536:
        raise UncertaintyError(
            f"scheduler address {address!r} is not of the form 'tcp://host:port' (e.g. "
            "'tcp://127.0.0.1:8786', the address 'dask scheduler' prints; not the "
            "dashboard's http:// address).")
    timeout = min(CONNECT_TIMEOUT, float(parse_timedelta(
        dask.config.get("distributed.comm.timeouts.connect"), "s")))
    host, port = m["host"].strip("[]"), int(m["port"])
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except (OSError, UnicodeError) as exc:
        raise UncertaintyError(f"cannot reach the Dask scheduler at {address!r}: {exc}. "
                               "Start it (dask scheduler) or fix the address.") from None
    return timeout


def run_chunks(func: Callable[..., np.ndarray], chunks: Sequence[tuple[Any, ...]], *,
               scheduler: Any = None, progress: bool = False, label: str = "draws",
               sizes: Sequence[int] | None = None) -> list[np.ndarray]:
    """``[func(*chunk) for chunk in chunks]``, locally or on Dask, in chunk order.

    With ``progress`` a tqdm bar on standard error counts the draws done (``sizes``).
    """
    sizes = list(sizes) if sizes is not None else [1] * len(chunks)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=sum(sizes), desc=label, unit="draw", leave=False)
    try:
        if scheduler is None:
            results = []
            for chunk, size in zip(chunks, sizes, strict=True):
                results.append(func(*chunk))
                if bar is not None:
                    bar.update(size)
            return results
        client, opened = _client(scheduler)
        try:
            from distributed import as_completed

            futures = [client.submit(func, *chunk, pure=False)
                       for chunk in _shared_once(client, chunks)]
            where = {f.key: i for i, f in enumerate(futures)}
            results_by: dict[int, np.ndarray] = {}
            for fut in as_completed(futures):
                i = where[fut.key]
                results_by[i] = fut.result()
                if bar is not None:
                    bar.update(sizes[i])
            return [results_by[i] for i in range(len(chunks))]
        finally:
            if opened:
                client.close()
    finally:
        if bar is not None:
            bar.close()


def _shared_once(client: Any, chunks: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The chunks with each argument they all share (the model) sent to every worker once.

    Without this the model would be pickled with every task and unpickled by the worker
    for each (a scenario pair: about 25 ms a task).
    """
    if len(chunks) < 2:
        return list(chunks)
    shared = [j for j in range(len(chunks[0]))
              if not isinstance(chunks[0][j], int | float | str | bool | type(None))
              and all(c[j] is chunks[0][j] for c in chunks)]
    if not shared:
        return list(chunks)
    sent = {j: client.scatter(chunks[0][j], broadcast=True, hash=False) for j in shared}
    return [tuple(sent.get(j, a) for j, a in enumerate(c)) for c in chunks]
