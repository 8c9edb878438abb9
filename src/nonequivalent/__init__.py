"""nonequivalent: non-equivalent exchange and primitive socialist accumulation, computed.

Input-output (Leontief) and linear-programming models of Preobrazhensky's
*non-equivalent exchange*, Stalin's 1928 *tribute*, the price scissors, workers and the
two-earner household, surplus accounts by group, and planning variants.

The namespace is flat: every model, result and error is importable from here.
``import nonequivalent`` loads only the errors, :class:`Economy` and the planning names'
table; every other module is loaded on first use of one of its names (``ne.tribute``
loads :mod:`nonequivalent.exchange.tribute`, ``ne.report`` the report and the modules it needs,
``ne.StaticPlan`` the planning model ...), and so are the submodules ``datasets``,
``scenarios``, ``symbolic``, ``exact``, ``exercises`` and ``plotting``. So
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
import sys
import types
from typing import Any

from . import _deprecation
from . import errors as _errors
from . import planning as _planning
from .core import economy as _economy
from .core.economy import *  # noqa: F403
from .errors import *  # noqa: F403

__version__ = "0.1.0"

_PLANNING_NAMES = frozenset(_planning.__all__)

#: Public names of the modules loaded on first use of one of them, by module (the same
#: names, in the same order, as each module's ``__all__``; tests/test_import_time.py checks).
_LAZY_EXPORTS = {
    "core.values": ("NewInterpretation", "PriceValueDeviation", "labour_value_prices", "melt",
               "new_interpretation", "price_value_deviation"),
    "core.prices": ("ProductionPrices", "UniformProfitRate", "cost_push_prices", "max_profit_rate",
               "production_prices", "uniform_profit_rate"),
    "core.frontier": ("wage_profit_frontier",),
    "exchange.account": ("Benchmark", "ConsistencyCheck", "ExchangeAccount", "Group",
                 "base_period_benchmark", "exchange_account", "given_benchmark",
                 "labour_value_benchmark", "production_price_benchmark", "stalin_parts",
                 "world_price_benchmark"),
    "exchange.sweeps": ("TransferSweep", "scaled_price_matrix", "transfer_sweep"),
    "exchange.scissors": ("scissors_index", "terms_of_trade", "two_good_transfer"),
    "exchange.tribute": ("AccumulationFund", "Tribute", "accumulation_fund", "equivalent_tax_rate",
                "foreign_trade_margin", "inflation_tax", "tribute"),
    "exchange.procurement": ("CallableResponse", "IsoelasticResponse", "LinearResponse",
                    "MarketingResponse", "SqueezeDiagnostic", "SqueezeOptimum",
                    "TotalResponse", "extraction", "squeeze_diagnostic", "squeeze_optimum"),
    "exchange.dual_economy": ("DualComparativeStatics", "DualEconomy", "DualOptimum",
                              "DualOutcome"),
    "groups.households": ("EarnersNeeded", "FamilyWageCut", "Household", "HouseholdAccount",
                          "Worker", "WorkerAccount", "WorkforceDynamics", "earners_needed",
                          "family_wage_cut", "household_account", "real_wage_index",
                          "retail_margin", "value_of_labour_power", "worker_account",
                          "workforce_dynamics"),
    "groups": ("GROUP_KINDS", "AccountContext", "Flows", "GroupKind", "Peasants", "State",
               "WorkerCategory", "WorkerHouseholds", "account_context", "param",
               "register_group_kind"),
    "mrio": ("Blocs", "GlobalExchangeAccount", "MRIOEconomy", "global_exchange_account",
             "global_exchange_series", "illustrative_test_system", "load_blocs"),
    "mrio.emmanuel": ("EmmanuelExchange", "emmanuel_exchange"),
    "accounts.surplus": ("FACTORS", "Period", "SourcesOfAccumulation", "SurplusAccount",
                 "group_account", "group_sources", "shapley_decomposition",
                 "sources_of_accumulation", "surplus_account"),
    "report.surplus": ("REPORT_SCHEMA", "Line", "Report", "ReportSection", "report"),
    "uncertainty.propagation": ("CHUNK", "ParameterRange", "Propagation", "propagate",
                                "unit_draws"),
    "uncertainty.leontief": ("gross_output_batch", "labour_values_batch"),
    "uncertainty.report": ("ReportDraw", "ReportUncertainty", "report_batch", "report_cells",
                           "report_sensitivity", "report_uncertainty", "scenario_ranges"),
    "uncertainty.sensitivity": ("Sensitivity", "sobol_sensitivity"),
}
_LAZY_WHERE = {name: module for module, names in _LAZY_EXPORTS.items() for name in names}

#: Subpackages loaded on first use (``ne.scenarios`` ...), and ``datasets``.
_SUBMODULES = ("datasets", "scenarios", "symbolic", "exact", "exercises", "plotting", "cli")
_PACKAGES = ("core", "exchange", "groups", "accounts", "scenarios", "report", "uncertainty",
             "mrio", "planning", "exact", "exercises", "plotting", "cli")

#: Modules that moved into the packages: the old path resolves to the new module, with a
#: DeprecationWarning (``nonequivalent.core.values`` is ``nonequivalent.core.values``).
_MOVED_MODULES = {
    "economy": "core.economy", "values": "core.values", "prices": "core.prices",
    "frontier": "core.frontier", "benchmarks": "exchange.benchmarks",
    "scissors": "exchange.scissors", "tribute": "exchange.tribute",
    "procurement": "exchange.procurement", "dual_economy": "exchange.dual_economy",
    "sweeps": "exchange.sweeps", "labour_power": "groups.labour_power",
    "households": "groups.households", "workforce": "groups.workforce",
    "sources": "accounts.sources", "scenario_schema": "scenarios.schema",
    "scenario_specs": "scenarios.specs", "scenario_toml": "scenarios.toml_io",
    "scenario_pair": "scenarios.pair", "report_batch": "uncertainty.report",
    "uncertainty_model": "uncertainty.model", "uncertainty_result": "uncertainty.result",
    "uncertainty_leontief": "uncertainty.leontief", "uncertainty_report": "uncertainty.report",
    "uncertainty_sensitivity": "uncertainty.sensitivity",
    "uncertainty_figures": "plotting.uncertainty", "emmanuel": "mrio.emmanuel",
    "symbolic": "exact.symbolic", "_cli_global": "cli.global_cmd",
    "uncertainty_cli": "cli.uncertainty_cmd",
}
#: Names that are both a module (or an old module path) and the function it exports
#: (``ne.tribute``, ``ne.report``, ``ne.report_batch``): on the package they always stand
#: for the function, also after the module is imported under that name.
_SHADOWED = frozenset(_LAZY_WHERE) & {*_PACKAGES, *_MOVED_MODULES}
_deprecation.moved_modules({f"{__name__}.{old}": f"{__name__}.{new}"
                            for old, new in _MOVED_MODULES.items()})

#: Names that are both a module and the function it exports (``ne.tribute``, ``ne.report``):
#: on the package they always stand for the function.
_SHADOWED = frozenset(name for name in _LAZY_WHERE
                      if name in _MOVED_MODULES or name in _PACKAGES)

_BEFORE_PLANNING = ("core.values", "core.prices", "core.frontier", "exchange.account",
                    "exchange.sweeps", "exchange.scissors", "exchange.tribute",
                    "exchange.procurement", "exchange.dual_economy", "groups.households",
                    "groups", "mrio", "mrio.emmanuel", "accounts.surplus", "report.surplus")
_AFTER_PLANNING = ("uncertainty.propagation", "uncertainty.leontief", "uncertainty.report",
                   "uncertainty.sensitivity")

__all__ = [
    *_errors.__all__,
    *_economy.__all__,
    *(name for module in _BEFORE_PLANNING for name in _LAZY_EXPORTS[module]),
    *_planning.__all__,
    *(name for module in _AFTER_PLANNING for name in _LAZY_EXPORTS[module]),
    *_SUBMODULES,
]


class _Package(types.ModuleType):
    """The package module: importing submodule ``tribute`` or ``report`` binds it on the
    package, which here keeps the function of that name instead."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _SHADOWED and isinstance(value, types.ModuleType):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    if name in _LAZY_WHERE:  # before the modules: ``tribute`` and ``report`` are functions
        value = getattr(importlib.import_module(f".{_LAZY_WHERE[name]}", __name__), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    if name == "symbolic":  # the flat namespace keeps its shortcut to exact.symbolic
        return importlib.import_module(".exact.symbolic", __name__)
    if name in _SUBMODULES or name in _PACKAGES or name in _MOVED_MODULES:
        return importlib.import_module(f".{name}", __name__)
    if name in _PLANNING_NAMES:
        value = getattr(_planning, name)  # loads the planning module that defines it
        globals()[name] = value
        return value
    raise AttributeError(f"module 'nonequivalent' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, *_PACKAGES})
