"""The surplus report of a scenario (and a later one) as a library object.

:mod:`~nonequivalent.report.surplus` computes it (:func:`report`) and holds the frozen
:class:`Report` with its sections. The names are importable from the package.
"""

from .surplus import *  # noqa: F403
from .surplus import __all__ as __all__
