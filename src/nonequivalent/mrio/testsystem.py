"""pymrio's bundled test system with illustrative labour rows (assumptions, not data)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .blocs import Blocs
from .economy import MRIOEconomy
from .readers import _require_pymrio

#: used to give its six regions labour rows. They are assumptions for demonstration, not
#: records: regions 1-3 are given "high-wage" and 4-6 "low-wage" rates.
ILLUSTRATIVE_WAGES = pd.DataFrame(
    {"low": [20.0, 18.0, 16.0, 2.0, 1.5, 1.0],
     "medium": [30.0, 27.0, 24.0, 4.0, 3.0, 2.5],
     "high": [50.0, 45.0, 40.0, 10.0, 8.0, 6.0]},
    index=pd.Index([f"reg{i}" for i in range(1, 7)], name="region"))

#: Illustrative shares of value added paid to each skill (assumption, same everywhere).
ILLUSTRATIVE_SHARES = {"low": 0.20, "medium": 0.25, "high": 0.15}

#: Illustrative blocs of pymrio's test system (assumption).
ILLUSTRATIVE_BLOCS = {"reg1": "North", "reg2": "North", "reg3": "North",
                      "reg4": "South", "reg5": "South", "reg6": "South"}


def add_illustrative_labour(system: Any) -> Any:
    """Give pymrio's test system a ``labour`` extension (illustrative, not data).

    Compensation of skill ``s`` in each (region, sector) is the share
    :data:`ILLUSTRATIVE_SHARES` ``[s]`` of its value added (the test system's
    ``factor_inputs``); hours are compensation divided by the wage
    :data:`ILLUSTRATIVE_WAGES` ``[region, s]``. Rows ``"hours: <skill>"`` and
    ``"compensation: <skill>"``. Returns the same system (with the extension added).
    """
    pymrio = _require_pymrio()
    va = system.factor_inputs.F.sum(axis=0)
    regions = va.index.get_level_values(0)
    rows, units = {}, {}
    for s, share in ILLUSTRATIVE_SHARES.items():
        comp = va * share
        wage = ILLUSTRATIVE_WAGES[s].reindex(regions).to_numpy()
        rows[f"hours: {s}"] = comp / wage
        rows[f"compensation: {s}"] = comp
        units[f"hours: {s}"] = "hours"
        units[f"compensation: {s}"] = "money"
    F = pd.DataFrame(rows).T
    F.index.name = "stressor"
    unit = pd.DataFrame({"unit": pd.Series(units)})
    unit.index.name = "stressor"
    system.labour = pymrio.Extension(name="labour", F=F, unit=unit)
    return system


def illustrative_test_system() -> tuple[MRIOEconomy, Blocs]:
    """pymrio's bundled test system with illustrative labour rows, and its blocs.

    Six regions, eight sectors (pymrio's ``load_test()``, no download), three skill
    levels from :func:`add_illustrative_labour`, value added from ``factor_inputs``; the
    blocs :data:`ILLUSTRATIVE_BLOCS`. The labour rows are assumptions for demonstration.

    >>> import nonequivalent as ne
    >>> mrio, blocs = ne.illustrative_test_system()
    >>> mrio
    MRIOEconomy(6 regions x 8 sectors = 48, skills ['low', 'medium', 'high'], dense)
    """
    pymrio = _require_pymrio()
    system = add_illustrative_labour(pymrio.load_test())
    mrio = MRIOEconomy.from_pymrio(
        system, hours={s: ("labour", f"hours: {s}") for s in ILLUSTRATIVE_SHARES},
        compensation={s: ("labour", f"compensation: {s}") for s in ILLUSTRATIVE_SHARES},
        value_added="factor_inputs")
    blocs = Blocs.from_mapping(ILLUSTRATIVE_BLOCS, name="illustrative North/South",
                               source="illustrative assignment of pymrio's test regions")
    return mrio, blocs
