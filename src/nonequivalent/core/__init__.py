"""The input–output core: the economy, labour values, prices of production, the frontier.

:mod:`~nonequivalent.core.economy` holds the Leontief economy ``(A, l)`` and what follows
from it alone (gross output, labour values, the maximum profit rate);
:mod:`~nonequivalent.core.values` the MELT and the New Interpretation;
:mod:`~nonequivalent.core.prices` prices of production and uniform profit rates;
:mod:`~nonequivalent.core.frontier` the wage–profit frontier; :mod:`~nonequivalent.core.io_tables`
real national input–output tables shipped with the library. Every other layer builds on
these; they import nothing from the rest of the library.
"""
