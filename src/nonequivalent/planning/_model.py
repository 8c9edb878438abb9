"""Assembly of planning LPs from named blocks (internal).

A model is a list of column groups (``output``, ``investment`` ...) and row families
(``balance``, ``labour`` ...). Each family gives one sparse block per column group it
touches; the blocks are stacked with :func:`scipy.sparse.bmat` into one CSR matrix, so
building a plan costs a few vectorized sparse operations whatever its size.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .lp import LinearProgram


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


class Block(NamedTuple):
    """A sparse block as COO triplets (cheap to shift, tile and stack with numpy)."""

    rows: np.ndarray
    cols: np.ndarray
    vals: np.ndarray
    shape: tuple[int, int]


def block(M: Any) -> Block:
    """COO triplets of a dense array or scipy sparse matrix (explicit zeros dropped)."""
    if isinstance(M, Block):
        return M
    if sp.issparse(M):
        C = sp.coo_array(M)
        keep = C.data != 0
        return Block(C.row[keep].astype(np.int64), C.col[keep].astype(np.int64),
                     C.data[keep].astype(float), C.shape)
    D = np.atleast_2d(np.asarray(M, dtype=float))
    r, c = np.nonzero(D)
    return Block(r, c, D[r, c], D.shape)


def kron_eye(T: int, M: Any) -> Block:
    """``I_T ⊗ M``: the block ``M`` repeated on the diagonal for every year."""
    b = block(M)
    if T == 1:
        return b
    m, k = b.shape
    t = np.arange(T)[:, None]
    return Block((b.rows + t * m).ravel(), (b.cols + t * k).ravel(),
                 np.broadcast_to(b.vals, (T, b.vals.size)).ravel(), (T * m, T * k))


def diagonal(values: Any, shape: tuple[int, int], offset: int = 0) -> Block:
    """Entries ``values`` on the diagonal ``col = row - offset`` (offset > 0: below)."""
    v = np.asarray(values, dtype=float).reshape(-1)
    rows = np.arange(v.size) + max(offset, 0)
    cols = np.arange(v.size) + max(-offset, 0)
    keep = v != 0
    return Block(rows[keep], cols[keep], v[keep], shape)


def scaled(b: Block, factor: float | np.ndarray) -> Block:
    """``factor * b`` (a scalar, or one factor per row)."""
    f = factor if np.ndim(factor) == 0 else np.asarray(factor)[b.rows]
    return Block(b.rows, b.cols, b.vals * f, b.shape)


def selector(positions: np.ndarray, n: int, offset: int = 0) -> Block:
    """Rows picking columns ``offset + positions`` of a width-``n`` group."""
    k = len(positions)
    return Block(np.arange(k), np.asarray(positions) + offset, np.ones(k), (k, n))


def assemble(groups: list[ColGroup], families: list[RowFamily], sense: str,
             name: str) -> tuple[LinearProgram, dict[str, slice], dict[str, slice]]:
    col_slices: dict[str, slice] = {}
    pos = 0
    for g in groups:
        col_slices[g.name] = slice(pos, pos + len(g.labels))
        pos += len(g.labels)
    ncols = pos
    rows, cols, vals = [], [], []
    row_slices: dict[str, slice] = {}
    rpos = 0
    fams = [f for f in families if len(f.labels)]
    for f in fams:
        m = len(f.labels)
        for key, blk in f.blocks.items():
            if blk is None:
                continue
            b = block(blk)
            width = col_slices[key].stop - col_slices[key].start
            if b.shape != (m, width):
                raise ValueError(f"block {f.name}/{key} has shape {b.shape}, "
                                 f"expected {(m, width)}")
            rows.append(b.rows + rpos)
            cols.append(b.cols + col_slices[key].start)
            vals.append(b.vals)
        row_slices[f.name] = slice(rpos, rpos + m)
        rpos += m
    if rows:
        A = sp.csr_array((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                         shape=(rpos, ncols))
    else:
        A = sp.csr_array((rpos, ncols))

    def cat(values: list[np.ndarray | float], sizes: list[int]) -> np.ndarray:
        out = np.empty(sum(sizes))
        pos = 0
        for v, s in zip(values, sizes, strict=True):
            out[pos:pos + s] = v  # a scalar or one value per label
            pos += s
        return out

    widths = [len(g.labels) for g in groups]
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
