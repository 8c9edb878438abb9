"""Planning models: linear-programming plans, investment variants and growth models.

Every public name is re-exported here and in the flat ``nonequivalent`` namespace. The
submodules are loaded on first use of one of their names (``import nonequivalent`` does not
load them). All PuLP and highspy calls live in :mod:`nonequivalent.planning._backends`;
PuLP, highspy and scipy.optimize are imported on first use.

Modules: :mod:`~nonequivalent.planning.lp` (the matrix model),
:mod:`~nonequivalent.planning.solvers` (solving, duals, statuses),
:mod:`~nonequivalent.planning.static` and :mod:`~nonequivalent.planning.multiyear` (plans),
:mod:`~nonequivalent.planning.variants` (the investment variants and their comparison),
:mod:`~nonequivalent.planning.national` (choice-of-technique plans at national scale),
:mod:`~nonequivalent.planning.accounting` (who bears the cost) and
:mod:`~nonequivalent.planning.growth` (Feldman–Domar, Mahalanobis, Dobb–Sen).
"""

from __future__ import annotations

import importlib
from typing import Any

#: Public names by the module that defines them (checked against each module's __all__).
EXPORTS: dict[str, tuple[str, ...]] = {
    "lp": ("LinearProgram", "StandardForm"),
    "solution": ("DegeneracyWarning", "LPSolution"),
    "solvers": ("available_solvers", "conflicting_constraints", "first_order_residuals",
                "solve_lp"),
    "static": ("PlanResult", "StaticPlan", "marketing_limit", "solve_static_plan"),
    "multiyear": ("DEFAULT_POST_TERMINAL_GROWTH", "MultiYearPlan", "MultiYearResult",
                  "solve_multiyear_plan"),
    "variants": ("BUILTIN_VARIANTS", "LEFT_COURSE", "MAXIMUM_1929", "NEP_CONTINUATION",
                 "Comparison", "Variant", "base_plan", "compare", "find_variant",
                 "isoelastic_marketing",
                 "load_variants", "town_country_economy"),
    "national": ("NationalPlan", "NationalPlanResult", "synthetic_national_plan"),
    "accounting": ("plan_labour_account", "plan_surplus_account"),
    "growth": ("GrowthPath", "choice_of_technique", "feldman_domar",
               "mahalanobis_four_sector", "mahalanobis_two_sector", "overtaking_time",
               "reinvestment_rate"),
}

_WHERE = {name: module for module, names in EXPORTS.items() for name in names}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
