"""Old import paths of names that moved to another module: they resolve, with a warning.

A module whose names moved out of it sets its module-level ``__getattr__`` (PEP 562) from
:func:`moved_names`; the moved names stay out of its ``__all__`` and ``dir()``.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["moved_names"]


def moved_names(module_name: str, moved: Mapping[str, str]) -> Callable[[str], Any]:
    """The module ``__getattr__`` that resolves moved names with a ``DeprecationWarning``.

    Parameters
    ----------
    module_name : str
        The old module's ``__name__`` (e.g. ``"nonequivalent.scissors"``).
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
    >>> getattr_ = moved_names("nonequivalent.values", {"melt": "values"})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     f = getattr_("melt")
    >>> f.__name__, caught[0].category.__name__
    ('melt', 'DeprecationWarning')
    >>> getattr_("no_such_name")
    Traceback (most recent call last):
    ...
    AttributeError: module 'nonequivalent.values' has no attribute 'no_such_name'
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
