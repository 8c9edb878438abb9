"""Who the "workers" are: switch a scenario's worker category between definitions.

The TsSU yearbook counts *рабочие и служащие* (workers and employees: 11.4 million in 1928,
24.2 million in 1932) and, among them, *рабочие* (manual workers: 8.7 and 17.8 million;
dataset ``waged_workers``). The real-wage figures behind the 1932 cut concern industrial
workers (Goldman 2022), so which count the scenario uses is a choice that moves the shares of
the sources of accumulation (Harrison, *Journal of Development Studies* 22(1), 1985, on who
bore the cost).
"""

from __future__ import annotations

import dataclasses
from types import MappingProxyType
from typing import Any

from ..datasets import load as load_dataset
from ..errors import ScenarioError
from ..groups.workers import WORKER_DEFINITIONS, WorkerCategory

__all__ = ["WORKER_DEFINITIONS", "with_workers_definition"]


def with_workers_definition(scenario: Any, definition: str, group: str | None = None) -> Any:
    """The scenario with its worker category counted under another definition.

    The number comes from the dataset ``waged_workers`` for the scenario's year (series
    ``workers_and_employees`` or ``workers``); its provenance names that row's source and
    keeps the scenario's relative range (low/value, high/value) around the new number.

    Parameters
    ----------
    scenario : Scenario
    definition : {"workers and employees", "manual workers"}
    group : str, optional
        The worker category's key (default: the scenario's first worker category).

    Returns
    -------
    Scenario

    Raises
    ------
    ScenarioError
        Unknown definition, no worker category, or no count for the scenario's year.

    Examples
    --------
    >>> from nonequivalent import scenarios
    >>> s = scenarios.with_workers_definition(scenarios.load("ussr-1932"), "manual workers")
    >>> s.workers.number, s.group("workers").definition
    (17.8, 'manual workers')
    """
    if not isinstance(definition, str) or definition not in WORKER_DEFINITIONS:
        raise ScenarioError(f"unknown definition of workers {definition!r}; use one of "
                            f"{list(WORKER_DEFINITIONS)}", key="workers.definition")
    cats = [g for g in scenario.groups if isinstance(g, WorkerCategory)
            and (group is None or g.name == group)]
    if not cats:
        raise ScenarioError(f"scenario {scenario.name!r} has no worker category"
                            + ("" if group is None else f" {group!r}"), key="groups")
    g = cats[0]
    series = WORKER_DEFINITIONS[definition]
    rows = load_dataset("waged_workers", series=series).set_index("year")
    if scenario.year not in rows.index:
        raise ScenarioError(f"dataset waged_workers has no {series!r} count for "
                            f"{scenario.year}; years: {sorted(rows.index)}",
                            key=f"{g.name}.number")
    row = rows.loc[scenario.year]
    value = float(row["value"])
    key = f"{g.name}.number"
    new = scenario.with_values({key: value, f"{g.name}.definition": definition})
    old = dict(scenario.provenance.get(key, {}))
    prov = {"kind": "historical",
            "source": f"{row['source']} ({definition}, {scenario.year}; dataset "
                      f"waged_workers, series {series})"}
    if "low" in old and g.number > 0:
        prov["low"] = round(value * old["low"] / g.number, 1)
        prov["high"] = round(value * old["high"] / g.number, 1)
    provenance = dict(new.provenance)
    provenance[key] = prov
    return dataclasses.replace(new, provenance=MappingProxyType(
        {k: MappingProxyType(dict(v)) for k, v in provenance.items()}))
