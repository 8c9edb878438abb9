"""Planning models: linear-programming plans, investment variants and growth models."""

from .multiyear import *  # noqa: F403
from .multiyear import __all__ as _multiyear_all
from .solvers import *  # noqa: F403
from .solvers import __all__ as _solvers_all
from .static import *  # noqa: F403
from .static import __all__ as _static_all

__all__ = [*_solvers_all, *_static_all, *_multiyear_all]
