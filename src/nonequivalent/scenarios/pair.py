"""Two scenarios on the same sectors, a base and a later period, compared.

:class:`ScenarioPair` holds them and decomposes the change in the accumulation fund from
one to the other into the contributions of each group (Barsov 1969, Ellman
1975, Harrison 1985; see :mod:`nonequivalent.accounts.sources`). Build one with
:func:`nonequivalent.scenarios.pair` (names, paths or scenarios); the class is also
importable as ``nonequivalent.scenarios.ScenarioPair``.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from ..accounts.surplus import SourcesOfAccumulation, group_sources
from ..errors import ScenarioError

if TYPE_CHECKING:  # pragma: no cover - typing only
    from .scenario import Scenario

__all__ = ["ScenarioPair"]


@dataclasses.dataclass(frozen=True)
class ScenarioPair:
    """A base and a later scenario on the same sectors, for comparisons between periods.

    The sources-of-accumulation decomposition (Barsov 1969; Ellman 1975) compares
    the surplus accounts of
    ``base`` and ``later``; both must describe the same sectors and labour kinds.

    Examples
    --------
    >>> from nonequivalent import scenarios
    >>> p = scenarios.pair("ussr-1928", "ussr-1932")
    >>> p.base.year, p.later.year
    (1928, 1932)
    """

    base: Scenario
    later: Scenario

    def __post_init__(self) -> None:
        if self.base.sectors != self.later.sectors:
            raise ScenarioError(
                f"the pair's scenarios have different sectors: {list(self.base.sectors)} and "
                f"{list(self.later.sectors)}; a comparison needs the same goods",
                key="economy.sectors")
        if self.base.labour_kinds != self.later.labour_kinds:
            raise ScenarioError(
                f"the pair's scenarios have different labour kinds: "
                f"{list(self.base.labour_kinds)} and {list(self.later.labour_kinds)}",
                key="economy.labour_kinds")

    def __str__(self) -> str:
        return f"ScenarioPair(base={self.base.name!r}, later={self.later.name!r})"

    def sources_of_accumulation(self, measure: str = "hours",
                                **kwargs: Any) -> SourcesOfAccumulation:
        """Decompose the change in the accumulation fund from ``base`` to ``later``.

        Calls :func:`nonequivalent.sources_of_accumulation` with the base scenario's
        economy and benchmark, both held fixed (as that decomposition requires), and the
        two scenarios' periods (:meth:`Scenario.period`).

        Raises
        ------
        ScenarioError
            The two scenarios have different technologies (``A`` or labour coefficients).

        >>> from nonequivalent import scenarios
        >>> res = scenarios.pair().sources_of_accumulation()
        >>> type(res).__name__
        'SourcesOfAccumulation'
        """
        if self.base.A != self.later.A or dict(self.base.labour) != dict(self.later.labour):
            raise ScenarioError(
                f"scenarios {self.base.name!r} and {self.later.name!r} have different "
                "technologies (A or labour coefficients); the sources-of-accumulation "
                "decomposition holds technology fixed, so give the later scenario the base "
                "scenario's economy (dataclasses.replace(later, A=..., labour=...))",
                key="economy")
        eco = self.base.economy()
        return group_sources(eco, self.base.equivalence_benchmark(eco),
                             self.base.prices_series(), self.base.groups,
                             self.later.prices_series(), self.later.groups,
                             measure=measure, labels=(str(self.base.year),
                                                      str(self.later.year)), **kwargs)
