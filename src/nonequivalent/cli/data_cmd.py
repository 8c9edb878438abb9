"""``nonequivalent data``: the historical datasets and their sources."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TextIO

import pandas as pd

from .options import _width
from .render import Document, Section, _write, frame_csv, render


def _source_notes(sources: Sequence[str], start: int = 1) -> tuple[str, ...]:
    return tuple(f"[{i}] {s}" for i, s in enumerate(sources, start=start))


def _cmd_data_list(args: argparse.Namespace, out: TextIO) -> int:
    from .. import datasets

    catalogue = datasets.list()
    citations = [datasets.load(name).attrs.get("citation", []) for name in catalogue.index]
    sources: list[str] = []
    refs = []
    for cited in citations:
        nums = []
        for src in cited:
            if src not in sources:
                sources.append(src)
            nums.append(sources.index(src) + 1)
        refs.append(", ".join(f"[{k}]" for k in nums))
    table = catalogue[["title", "rows", "years"]].copy()
    table.index.name = "dataset"
    if args.format in ("json", "csv"):
        table["description"] = catalogue["description"]
        table["sources"] = ["; ".join(cited) for cited in citations]
        notes: tuple[str, ...] = ()
    else:
        table["sources"] = refs
        notes = ("Sources:", *_source_notes(sources))
    doc = Document("Historical datasets", (Section("Datasets", table, notes),),
                   notes=("Show one with: nonequivalent data show NAME",))
    _write(render(doc, args.format, _width(args, out)), args.output, out)
    return 0


def _cmd_data_show(args: argparse.Namespace, out: TextIO) -> int:
    from .. import datasets

    df = datasets.load(args.name)
    meta = df.attrs
    if args.format == "csv":  # the dataset itself, every column
        _write(frame_csv(df), args.output, out)
        return 0
    cited = list(meta.get("citation", []))
    table = df[["series", "period", "value", "unit", "low", "high", "confidence"]].copy()
    if args.format == "json":
        table = df.copy()
        notes: tuple[str, ...] = ()
    else:
        table["source"] = [f"[{cited.index(s) + 1}]" for s in df["source"]]
        notes = ("Sources:", *_source_notes(cited))
    table.index = pd.RangeIndex(1, len(table) + 1, name="row")
    doc = Document(f"{meta.get('name', args.name)}: {meta.get('title', '')}",
                   (Section("Figures", table, notes, exact=True),),
                   notes=(str(meta.get("description", "")),))
    _write(render(doc, args.format, _width(args, out)), args.output, out)
    return 0
