"""nonequivalent: non-equivalent exchange and primitive socialist accumulation, computed.

Input-output (Leontief) and linear-programming models of Preobrazhensky's
*non-equivalent exchange*, Stalin's 1928 *tribute*, the price scissors, workers and the
two-earner household, surplus accounts by group, and planning variants.

The namespace is flat: every model, result and error is importable from here.
Submodules ``datasets``, ``scenarios``, ``symbolic``, ``exact``, ``exercises`` and
``plotting`` are loaded on first use, and so are the planning models (``ne.StaticPlan``,
``ne.compare`` ...: the first use of a planning name loads :mod:`nonequivalent.planning`)
and the models that only some work needs: the dual economy, the multi-regional tables,
Emmanuel's unequal exchange and the transfer sweeps (``ne.DualEconomy``,
``ne.MRIOEconomy``, ``ne.emmanuel_exchange``, ``ne.transfer_sweep`` ...). So
``import nonequivalent`` costs little beyond numpy, scipy.linalg and pandas
(``benchmarks/import_time.py`` measures it).

>>> import nonequivalent as ne
>>> eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
...                  sectors=["agriculture", "industry"])
>>> eco.labour_values().round(4).to_dict()
{'agriculture': 0.7222, 'industry': 0.7778}
"""

from __future__ import annotations

import importlib
from typing import Any

from . import accounts as _accounts
from . import economy as _economy
from . import errors as _errors
from . import exchange as _exchange
from . import groups as _groups
from . import households as _households
from . import planning as _planning
from . import prices as _prices
from . import procurement as _procurement
from . import report as _report
from . import scissors as _scissors
from . import tribute as _tribute
from . import values as _values
from .accounts import *  # noqa: F403
from .economy import *  # noqa: F403
from .errors import *  # noqa: F403
from .exchange import *  # noqa: F403
from .groups import *  # noqa: F403
from .households import *  # noqa: F403
from .prices import *  # noqa: F403
from .procurement import *  # noqa: F403
from .report import *  # noqa: F403
from .scissors import *  # noqa: F403
from .tribute import *  # noqa: F403
from .values import *  # noqa: F403

__version__ = "0.1.0"

_PLANNING_NAMES = frozenset(_planning.__all__)

#: Public names of the modules loaded on first use of one of them, by module (the same
#: names, in the same order, as each module's ``__all__``; tests/test_import_time.py checks).
_LAZY_EXPORTS = {
    "sweeps": ("TransferSweep", "scaled_price_matrix", "transfer_sweep"),
    "dual_economy": ("DualComparativeStatics", "DualEconomy", "DualOptimum", "DualOutcome"),
    "mrio": ("Blocs", "GlobalExchangeAccount", "MRIOEconomy", "global_exchange_account",
             "illustrative_test_system", "load_blocs"),
    "emmanuel": ("EmmanuelExchange", "emmanuel_exchange"),
    "uncertainty": ("CHUNK", "ParameterRange", "Propagation", "propagate", "unit_draws"),
    "uncertainty_leontief": ("gross_output_batch", "labour_values_batch"),
    "uncertainty_report": ("ReportDraw", "ReportUncertainty", "report_cells",
                           "report_sensitivity", "report_uncertainty", "scenario_ranges"),
    "uncertainty_sensitivity": ("Sensitivity", "sobol_sensitivity"),
}
_LAZY_WHERE = {name: module for module, names in _LAZY_EXPORTS.items() for name in names}

_SUBMODULES = ("datasets", "scenarios", "symbolic", "exact", "exercises", "plotting", "cli")

__all__ = [
    *_errors.__all__,
    *_economy.__all__,
    *_values.__all__,
    *_prices.__all__,
    *_exchange.__all__,
    *_LAZY_EXPORTS["sweeps"],
    *_scissors.__all__,
    *_tribute.__all__,
    *_procurement.__all__,
    *_LAZY_EXPORTS["dual_economy"],
    *_households.__all__,
    *_groups.__all__,
    *_LAZY_EXPORTS["mrio"],
    *_LAZY_EXPORTS["emmanuel"],
    *_accounts.__all__,
    *_report.__all__,
    *_planning.__all__,
    *_LAZY_EXPORTS["uncertainty"],
    *_LAZY_EXPORTS["uncertainty_leontief"],
    *_LAZY_EXPORTS["uncertainty_report"],
    *_LAZY_EXPORTS["uncertainty_sensitivity"],
    *_SUBMODULES,
]


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES or name in _LAZY_EXPORTS:
        return importlib.import_module(f".{name}", __name__)
    if name in _LAZY_WHERE:
        value = getattr(importlib.import_module(f".{_LAZY_WHERE[name]}", __name__), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    if name in _PLANNING_NAMES:
        value = getattr(_planning, name)  # loads the planning module that defines it
        globals()[name] = value
        return value
    raise AttributeError(f"module 'nonequivalent' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, *_LAZY_EXPORTS})
