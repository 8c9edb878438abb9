"""Planning models: linear-programming plans, investment variants and growth models.

Every public name is re-exported here and in the flat ``nonequivalent`` namespace.
All PuLP and highspy calls live in :mod:`nonequivalent.planning._backends`; PuLP,
highspy and scipy.optimize are imported on first use.
"""

from .accounting import *  # noqa: F403
from .accounting import __all__ as _accounting_all
from .growth import *  # noqa: F403
from .growth import __all__ as _growth_all
from .multiyear import *  # noqa: F403
from .multiyear import __all__ as _multiyear_all
from .solvers import *  # noqa: F403
from .solvers import __all__ as _solvers_all
from .static import *  # noqa: F403
from .static import __all__ as _static_all
from .variants import *  # noqa: F403
from .variants import __all__ as _variants_all

__all__ = [*_solvers_all, *_static_all, *_multiyear_all, *_variants_all,
           *_accounting_all, *_growth_all]
