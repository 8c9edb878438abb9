"""Calibrated scenarios, their files and pairs of them.

:mod:`~nonequivalent.scenarios.scenario` holds :class:`Scenario`, the built-in scenarios and
the loader; :mod:`~nonequivalent.scenarios.schema` declares the file's keys once;
:mod:`~nonequivalent.scenarios.specs` the specifications a scenario holds besides its
groups; :mod:`~nonequivalent.scenarios.toml_io` writes and upgrades TOML files;
:mod:`~nonequivalent.scenarios.pair` compares a base and a later scenario;
:mod:`~nonequivalent.scenarios.definitions` switches who counts as a worker. The names of the
scenario module are importable from the package, as before the package.
"""

from .definitions import WORKER_DEFINITIONS, with_workers_definition
from .scenario import *  # noqa: F403
from .scenario import __all__ as _scenario_all

__all__ = [*_scenario_all, "WORKER_DEFINITIONS", "with_workers_definition"]
