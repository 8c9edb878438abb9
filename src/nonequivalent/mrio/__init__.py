"""Global non-equivalent exchange: labour embodied in trade in a multi-regional table.

A multi-regional input-output (MRIO) table describes ``R`` regions with their sectors as
one economy over (region, sector) pairs: a technical matrix ``A`` (``N x N``, ``N`` the
number of (region, sector) pairs), final demand ``y_c`` of every consuming region ``c``
(one column per region, summed over its final-demand categories) and satellite rows: hours
worked per unit of gross output by skill level ``q^s``, compensation of labour per unit of
output by skill ``w^s`` and value added per unit of output ``v``.

The hours of region ``p`` embodied in the final demand of region ``c`` are

    ``H^s[p, c] = Σ_{i∈p} q^s_i [(I − A)^{-1} y_c]_i``,

computed from ``R`` solves ``(I − A) x_c = y_c`` with the one cached factor of the
:class:`~nonequivalent.Economy` engine (dense LU, or the sparse Krylov path), never from the
Leontief inverse. Regions are grouped into blocs (the global North and South, say); the
account of a bloc is the same as the national account of a social group: hours *given*
(embodied in the other blocs' final demand), hours *received* (the other blocs' hours in its
own final demand), the transfer ``given − received`` and the exchange ratio
``given / received``. The wage value of a net flow is its hours times the receiving bloc's
wage per hour of that skill.

Sources: J. Hickel, M. Hanbury Lemos and F. Barbour, "Unequal exchange of labour in the
world economy", *Nature Communications* 15, 6298 (2024) (embodied labour by skill in
EXIOBASE, net appropriation, its wage value at Northern wages); C. Dorninger et al.,
"Global patterns of ecologically unequal exchange: Implications for sustainability in the
21st century", *Ecological Economics* 179, 106824 (2021) (the same footprint accounting of
embodied resources between regions); R. E. Miller and P. D. Blair, *Input-Output Analysis*,
2nd ed. (2009), ch. 3 (multi-regional models). The footprint accounts
(:meth:`MRIOEconomy.footprints`) follow pymrio's definitions (K. Stadler, "Pymrio – a
Python based multi-regional input-output analysis toolbox", *Journal of Open Research
Software* 9 (2021)).

>>> import numpy as np, nonequivalent as ne
>>> mrio = ne.MRIOEconomy(np.zeros((2, 2)), final_demand=[[1.0, 3.0], [2.0, 1.0]],
...                       labour={"hours": [4.0, 1.0]}, regions=["N", "S"], sectors=["x"])
>>> mrio.embodied_hours().to_numpy().tolist()   # producing region x consuming region
[[4.0, 12.0], [2.0, 1.0]]
>>> acc = ne.global_exchange_account(mrio, {"N": "North", "S": "South"})
>>> acc.by_bloc.loc[("all", "North"), ["labour_given", "labour_received"]].tolist()
[12.0, 2.0]
"""

from __future__ import annotations

# Re-exported for ``nonequivalent.mrio.<name>`` (not in ``__all__``, which lists the names
# ``nonequivalent`` exports).
from ._labels import ALL_SKILLS as ALL_SKILLS
from .account import BLOC_COLUMNS as BLOC_COLUMNS
from .account import DECOMPOSITION_COLUMNS as DECOMPOSITION_COLUMNS
from .account import DRAIN_COLUMNS as DRAIN_COLUMNS
from .account import EQUAL_WORLD_COLUMNS as EQUAL_WORLD_COLUMNS
from .account import PAIR_COLUMNS as PAIR_COLUMNS
from .account import SIZE_COLUMNS as SIZE_COLUMNS
from .account import WAGE_RULES as WAGE_RULES
from .account import GlobalExchangeAccount, global_exchange_account
from .blocs import DEFAULT_BLOCS as DEFAULT_BLOCS
from .blocs import Blocs, load_blocs
from .blocs import bloc_table as bloc_table
from .economy import MRIOEconomy
from .readers import EXIOBASE_COMPENSATION as EXIOBASE_COMPENSATION
from .readers import EXIOBASE_HOURS as EXIOBASE_HOURS
from .readers import EXIOBASE_VALUE_ADDED as EXIOBASE_VALUE_ADDED
from .readers import MRIO_INSTALL as MRIO_INSTALL
from .readers import _require_pymrio as _require_pymrio
from .series import DASK_INSTALL as DASK_INSTALL
from .series import SERIES_COLUMNS as SERIES_COLUMNS
from .series import exiobase_archives as exiobase_archives
from .series import global_exchange_series
from .series import load_exiobase3 as load_exiobase3
from .series import parse_years as parse_years
from .testsystem import ILLUSTRATIVE_BLOCS as ILLUSTRATIVE_BLOCS
from .testsystem import ILLUSTRATIVE_SHARES as ILLUSTRATIVE_SHARES
from .testsystem import ILLUSTRATIVE_WAGES as ILLUSTRATIVE_WAGES
from .testsystem import add_illustrative_labour as add_illustrative_labour
from .testsystem import illustrative_test_system

__all__ = [
    "Blocs",
    "GlobalExchangeAccount",
    "MRIOEconomy",
    "global_exchange_account",
    "global_exchange_series",
    "illustrative_test_system",
    "load_blocs",
]
