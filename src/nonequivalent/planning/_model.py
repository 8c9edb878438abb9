"""Assembly of planning LPs from named blocks (internal).

A model is a list of column groups (``output``, ``investment`` ...) and row families
(``balance``, ``labour`` ...). Each family gives one sparse block per column group it
touches; the blocks are stacked with :func:`scipy.sparse.bmat` into one CSR matrix, so
building a plan costs a few vectorized sparse operations whatever its size.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .solvers import LinearProgram


@dataclasses.dataclass
class ColGroup:
    name: str
    labels: list[str]
    lower: np.ndarray | float = 0.0
    upper: np.ndarray | float = np.inf
    cost: np.ndarray | float = 0.0
    prefix: str | None = None  # printed name (default: the key ``name``)


@dataclasses.dataclass
class RowFamily:
    name: str
    labels: list[str]
    blocks: dict[str, Any]
    lower: np.ndarray | float = -np.inf
    upper: np.ndarray | float = np.inf


def labels(items: Sequence[Hashable], years: Sequence[Hashable] | None = None) -> list[str]:
    """``["grain", ...]`` or ``["grain,1928", "grain,1929", ...]`` (year-major order)."""
    if years is None:
        return [str(i) for i in items]
    return [f"{i},{y}" for y in years for i in items]


def assemble(groups: list[ColGroup], families: list[RowFamily], sense: str,
             name: str) -> tuple[LinearProgram, dict[str, slice], dict[str, slice]]:
    col_slices: dict[str, slice] = {}
    pos = 0
    for g in groups:
        col_slices[g.name] = slice(pos, pos + len(g.labels))
        pos += len(g.labels)
    ncols = pos
    rows: list[list[Any]] = []
    row_slices: dict[str, slice] = {}
    rpos = 0
    for f in families:
        m = len(f.labels)
        if m == 0:
            continue
        row = []
        for g in groups:
            blk = f.blocks.get(g.name)
            if blk is None:
                row.append(None)
            else:
                blk = sp.coo_array(blk)
                if blk.shape != (m, len(g.labels)):
                    raise ValueError(f"block {f.name}/{g.name} has shape {blk.shape}, "
                                     f"expected {(m, len(g.labels))}")
                row.append(blk)
        if all(b is None for b in row):
            row[0] = sp.coo_array((m, len(groups[0].labels)))
        rows.append(row)
        row_slices[f.name] = slice(rpos, rpos + m)
        rpos += m
    # bmat needs every block column to have a known width: pad a zero first row
    widths = [len(g.labels) for g in groups]
    pad = [sp.coo_array((0, w)) for w in widths]
    A = sp.csr_array(sp.block_array([pad, *rows], format="csr")) if rows else \
        sp.csr_array((0, ncols))

    def cat(values: list[np.ndarray | float], sizes: list[int]) -> np.ndarray:
        return np.concatenate([np.broadcast_to(np.asarray(v, dtype=float), (s,))
                               for v, s in zip(values, sizes, strict=True)]) if sizes \
            else np.empty(0)

    fams = [f for f in families if len(f.labels)]
    rsz = [len(f.labels) for f in fams]
    lp = LinearProgram(
        c=cat([g.cost for g in groups], widths), A=A,
        row_lower=cat([f.lower for f in fams], rsz), row_upper=cat([f.upper for f in fams], rsz),
        col_lower=cat([g.lower for g in groups], widths),
        col_upper=cat([g.upper for g in groups], widths),
        row_names=[f"{f.name}[{lab}]" for f in fams for lab in f.labels],
        col_names=[f"{g.prefix or g.name}[{lab}]" for g in groups for lab in g.labels],
        sense=sense, name=name)
    return lp, col_slices, row_slices


def frame(values: np.ndarray, items: pd.Index, years: pd.Index) -> pd.DataFrame:
    """A year-major vector as an items x years DataFrame."""
    return pd.DataFrame(np.asarray(values).reshape(len(years), len(items)).T,
                        index=items, columns=years)
