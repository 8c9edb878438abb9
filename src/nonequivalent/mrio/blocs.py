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
_BLOC_FILES = {"exiobase3-north-south": "exiobase3_north_south.csv"}


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
