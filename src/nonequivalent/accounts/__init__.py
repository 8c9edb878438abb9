"""Surplus accounts by group, and the sources of accumulation between two periods.

:mod:`~nonequivalent.accounts.surplus` builds the account of one period (what each group
gives and receives, in hours and in money at a benchmark; the state's row is the
accumulation fund); :mod:`~nonequivalent.accounts.sources` splits the change of the fund
between two periods among its sources by the Shapley value. The names of the surplus module
are importable from the package, as before the package.
"""

from .surplus import *  # noqa: F403
from .surplus import __all__ as __all__
