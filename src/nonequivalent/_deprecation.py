"""Old import paths that moved: they resolve, with a warning naming the new one.

A module whose names moved out of it sets its module-level ``__getattr__`` (PEP 562) from
:func:`moved_names`; the moved names stay out of its ``__all__`` and ``dir()``. A module
that moved as a whole (``nonequivalent.core.values`` is now ``nonequivalent.core.values``) is
found under its old path by the finder :func:`moved_modules` installs: the old path gives
the same module object, after a ``DeprecationWarning``.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import types
import warnings
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["moved_modules", "moved_names"]


def moved_names(module_name: str, moved: Mapping[str, str]) -> Callable[[str], Any]:
    """The module ``__getattr__`` that resolves moved names with a ``DeprecationWarning``.

    Parameters
    ----------
    module_name : str
        The old module's ``__name__`` (e.g. ``"nonequivalent.exchange.scissors"``).
    moved : mapping
        ``{name: new module}``, the new module named relative to the old module's package
        (e.g. ``{"tribute": "tribute"}``).

    Returns
    -------
    callable
        ``__getattr__(name)``: the object from its new module, after a
        ``DeprecationWarning`` that names the old path and the new one (and the short
        ``ne.<name>`` when the package exports the name); ``AttributeError`` for any other
        name.

    Examples
    --------
    >>> import warnings
    >>> getattr_ = moved_names("nonequivalent.core.values", {"melt": "values"})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     f = getattr_("melt")
    >>> f.__name__, caught[0].category.__name__
    ('melt', 'DeprecationWarning')
    >>> getattr_("no_such_name")
    Traceback (most recent call last):
    ...
    AttributeError: module 'nonequivalent.core.values' has no attribute 'no_such_name'
    """
    package = module_name.rpartition(".")[0]
    root = module_name.partition(".")[0]
    table = dict(moved)

    def __getattr__(name: str) -> Any:
        new = table.get(name)
        if new is None:
            raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
        public = name in getattr(sys.modules.get(root), "__all__", ())
        also = f" (also ne.{name})" if public else ""
        warnings.warn(f"{module_name}.{name} has moved to {package}.{new}.{name}{also}; the "
                      "old path will be removed in a future release.", DeprecationWarning,
                      stacklevel=2)
        return getattr(importlib.import_module(f"{package}.{new}"), name)

    __getattr__.__doc__ = (f"Names that moved out of {module_name} still resolve, with a "
                           "DeprecationWarning.")
    return __getattr__


def _caller_stacklevel() -> int:
    """The ``stacklevel`` that points a warning at the first frame outside the import system."""
    frame, level = sys._getframe(1), 1
    while frame is not None and (frame.f_code.co_filename.startswith("<frozen importlib")
                                 or frame.f_code.co_filename == __file__):
        frame, level = frame.f_back, level + 1
    return level


class _MovedModuleFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds a moved module under its old path and loads it as the new module object."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self.table = dict(table)
        self._specs: dict[str, Any] = {}

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if fullname not in self.table:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec: Any) -> types.ModuleType:
        new = self.table[spec.name]
        warnings.warn(f"the module {spec.name} has moved to {new}; the old path will be "
                      "removed in a future release.", DeprecationWarning,
                      stacklevel=_caller_stacklevel())
        module = importlib.import_module(new)
        self._specs[spec.name] = module.__spec__
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        # the import system set the old path's spec on the module: give it back its own
        module.__spec__ = self._specs.pop(module.__spec__.name)


def moved_modules(table: Mapping[str, str]) -> None:
    """Let every old module path in ``table`` (``{old: new}``, full names) import the new module.

    ``import nonequivalent.core.values`` then gives the module object of
    ``nonequivalent.core.values`` (``sys.modules`` holds it under both names), after a
    ``DeprecationWarning`` naming the new path. Installing the same table twice is harmless.

    Examples
    --------
    >>> import importlib, sys, warnings
    >>> import nonequivalent.core.frontier as new
    >>> _ = sys.modules.pop("nonequivalent.frontier", None)  # as in a fresh interpreter
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     old = importlib.import_module("nonequivalent.frontier")
    >>> old is new, caught[0].category.__name__
    (True, 'DeprecationWarning')
    """
    for finder in sys.meta_path:
        if isinstance(finder, _MovedModuleFinder):
            finder.table.update(table)
            return
    sys.meta_path.append(_MovedModuleFinder(table))
