"""Exchange between groups measured against a benchmark of equivalent exchange.

:mod:`~nonequivalent.exchange.benchmarks` names what "equivalent" means (labour values,
prices of production, base-period or world prices); :mod:`~nonequivalent.exchange.account`
computes an exchange account against one; :mod:`~nonequivalent.exchange.scissors`,
:mod:`~nonequivalent.exchange.tribute`, :mod:`~nonequivalent.exchange.procurement`,
:mod:`~nonequivalent.exchange.dual_economy` and :mod:`~nonequivalent.exchange.sweeps` are
the price policies of the 1920s built on it. The names of the account module are importable
from the package (``nonequivalent.exchange.exchange_account``), as before the package.
"""

from .._deprecation import moved_names
from .account import *  # noqa: F403
from .account import _MOVED as _MOVED_FROM_ACCOUNT
from .account import __all__ as __all__

_MOVED = {name: f"exchange.{new}" for name, new in _MOVED_FROM_ACCOUNT.items()}
__getattr__ = moved_names(__name__, _MOVED)
