"""Blocs: groupings of regions (the global North and South), built in or given."""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result
from ..errors import InvalidEconomyError, LabelMismatchError

# ============================================================================ blocs
#: Built-in bloc sets: name -> (data file, one-line description).
_BLOC_FILES = {
    "hickel2024": ("exiobase3_hickel2024.csv",
                   "EXIOBASE 3: the 30-region North with which Hickel, Hanbury Lemos & Barbour "
                   "(2024) are reproduced; LT South while LV and EE are North; KR and TW North"),
    "un-m49": ("exiobase3_north_south.csv",
               "EXIOBASE 3: North = UN M49 'developed regions' (36 regions); not the paper's "
               "split"),
}
#: Older names still accepted.
_BLOC_ALIASES = {"exiobase3-north-south": "un-m49"}

#: The bloc set used for EXIOBASE 3 when none is named: the split that reproduces the study
#: the global account follows (Hickel, Hanbury Lemos & Barbour 2024).
DEFAULT_BLOCS = "hickel2024"


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Blocs(Result):
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

    @classmethod
    def named(cls, name: str = DEFAULT_BLOCS) -> Blocs:
        """A built-in bloc set by name (see :meth:`available`); default ``"hickel2024"``.

        >>> import nonequivalent as ne
        >>> ne.Blocs.named("hickel2024").mapping.value_counts().to_dict()
        {'North': 30, 'South': 19}
        """
        return load_blocs(name)

    @staticmethod
    def available() -> pd.DataFrame:
        """The built-in bloc sets: name, file, regions per bloc, default, description.

        >>> import nonequivalent as ne
        >>> list(ne.Blocs.available().index)
        ['hickel2024', 'un-m49']
        """
        rows = []
        for name, (file, text) in _BLOC_FILES.items():
            counts = load_blocs(name).mapping.value_counts()
            rows.append({"file": file, "North": int(counts.get("North", 0)),
                         "South": int(counts.get("South", 0)),
                         "default": name == DEFAULT_BLOCS, "description": text})
        return pd.DataFrame(rows, index=pd.Index(list(_BLOC_FILES), name="name"))

    @property
    def names(self) -> pd.Index:
        """The blocs, in order of first appearance."""
        return pd.Index(pd.unique(self._mapping.to_numpy()), name="bloc")

    def codes(self, regions: pd.Index) -> np.ndarray:
        """Bloc position of every region; every region must be assigned, and the mapping
        may name no region the table lacks (a bloc without regions in the table would have
        no wage, no hours and NaN value transfers; a misspelt region would be lost)."""
        missing = [r for r in regions if r not in self._mapping.index]
        if missing:
            raise LabelMismatchError(
                f"blocs {self.name!r} assign no bloc to regions {missing[:10]}; add them to "
                "the mapping.")
        extra = [r for r in self._mapping.index if r not in set(regions)]
        if extra:
            raise LabelMismatchError(
                f"blocs {self.name!r} name regions {extra[:10]} that are not regions of the "
                f"table {list(regions)[:10]}; remove them from the mapping or fix their "
                "spelling.")
        names = self.names
        return names.get_indexer(self._mapping.reindex(regions).to_numpy()).astype(np.intp)

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Number of regions and of blocs."""
        return [("regions", len(self._mapping), ""), ("blocs", len(self.names), "")]

    def benchmark_name(self) -> str | None:
        """Name and source of the grouping."""
        return f"{self.name} ({self.source})"

    def to_frame(self) -> pd.DataFrame:
        """The assignment as a DataFrame (a copy)."""
        return self._mapping.to_frame()

    def __repr__(self) -> str:
        counts = self._mapping.value_counts(sort=False)
        return f"Blocs({self.name!r}: " + ", ".join(
            f"{b} {int(c)} regions" for b, c in counts.items()) + ")"


def _bloc_file(name: str) -> pd.DataFrame:
    from importlib import resources

    key = _BLOC_ALIASES.get(name, name) if isinstance(name, str) else None
    if key not in _BLOC_FILES:
        raise InvalidEconomyError(
            f"unknown built-in blocs {name!r}; available: {sorted(_BLOC_FILES)}. Or pass a "
            "mapping {region: bloc} or a CSV file with columns region,bloc.")
    ref = resources.files("nonequivalent") / "data" / "blocs" / _BLOC_FILES[key][0]
    with resources.as_file(ref) as p:
        return pd.read_csv(p, comment="#", dtype=str)


def load_blocs(name: str = DEFAULT_BLOCS) -> Blocs:
    """A built-in bloc set, with its source (see :meth:`Blocs.available`).

    * ``"hickel2024"`` (the default): EXIOBASE 3's 49 regions with the 30-region North
      that reproduces Hickel, Hanbury Lemos & Barbour (2024) (file
      ``data/blocs/exiobase3_hickel2024.csv``; its ``note`` column states the oddities);
    * ``"un-m49"`` (formerly ``"exiobase3-north-south"``): North = the UN M49 "developed
      regions", 36 regions (file ``data/blocs/exiobase3_north_south.csv``, with the basis
      and certainty of every row).

    >>> import nonequivalent as ne
    >>> ne.load_blocs().mapping.value_counts().to_dict()
    {'North': 30, 'South': 19}
    >>> ne.load_blocs("un-m49").mapping.value_counts().to_dict()
    {'North': 36, 'South': 13}
    """
    df = _bloc_file(name)
    src = "; ".join(pd.unique(df["source"].dropna()))
    return Blocs.from_mapping(dict(zip(df["region"], df["bloc"], strict=True)),
                              name=_BLOC_ALIASES.get(name, name), source=src)


def bloc_table(name: str = DEFAULT_BLOCS) -> pd.DataFrame:
    """A built-in bloc set with every column of its file (region, name, bloc, notes,
    source; ``un-m49`` also has basis and certainty)."""
    return _bloc_file(name).set_index("region")


def _as_blocs(blocs: Any, regions: pd.Index) -> Blocs:
    if blocs is None:
        return Blocs.from_mapping({r: r for r in regions}, name="regions",
                                  source="each region its own bloc")
    if isinstance(blocs, Blocs):
        return blocs
    if isinstance(blocs, str | Path):
        if str(blocs) in _BLOC_FILES or str(blocs) in _BLOC_ALIASES:
            return load_blocs(str(blocs))
        return Blocs.from_file(blocs)
    if isinstance(blocs, Mapping | pd.Series):
        return Blocs.from_mapping(blocs)
    raise InvalidEconomyError(
        f"blocs must be a Blocs, a mapping {{region: bloc}}, a built-in name "
        f"{sorted(_BLOC_FILES)} or a CSV path; got {type(blocs).__name__}.")
