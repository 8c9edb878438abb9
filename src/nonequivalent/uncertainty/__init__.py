"""Uncertainty: ranges become distributions, draws run through a model, results intervals.

:mod:`~nonequivalent.uncertainty.propagation` draws parameters and propagates them through
any model (:func:`propagate`); :mod:`~nonequivalent.uncertainty.model` runs a model's draws
in tasks, here or on Dask; :mod:`~nonequivalent.uncertainty.result` holds the intervals;
:mod:`~nonequivalent.uncertainty.leontief` the batched input–output kernels;
:mod:`~nonequivalent.uncertainty.report` and :mod:`~nonequivalent.uncertainty.sensitivity`
carry the surplus report's ranges through it. The names of the propagation module are
importable from the package, as before the package.
"""

from .propagation import *  # noqa: F403
from .propagation import __all__ as __all__
