"""Groups as data: the one protocol every social group of a surplus account implements.

A surplus account (:mod:`nonequivalent.accounts`) asks every group the same five questions:
how many hours it gives and receives, and, in money at the benchmark prices ``p^e``, what
it pays in direct taxes, how much it is underpaid on what it sells and how much it
overpays on what it buys (Stalin's three parts of the "tribute", speech of 9 July 1928,
*Works* vol. 11; Preobrazhensky, *The New Economics*, ch. 2, for the exchange). Each kind
of group answers them in its own way, through :meth:`GroupKind.flows`:

``peasants`` (:class:`Peasants`)
    non-state producers who sell goods to the state sector and buy manufactures from it
    (the exchange account, :func:`nonequivalent.exchange_account`);
``workers`` (:class:`WorkerCategory`)
    a category of waged workers: ``N`` workers of ``h`` hours whose wage buys the basket
    ``b = (1 − δ) b_0`` (the base basket cut by the real-wage cut ``δ``) at retail prices
    (Marx, *Capital* I, ch. 6–9);
``worker-households`` (:class:`WorkerHouseholds`)
    worker families by earner composition: ``H`` households with ``m1`` earners against a
    counterfactual of ``m0`` who keep the same family basket (Marx, *Capital* I, ch. 15
    §3a); their extra earners' hours are carved out of their workers' category;
``state`` (:class:`State`)
    the counterpart: it receives what the others give; its surplus is the accumulation
    fund.

A new kind is one subclass registered with :func:`register_group_kind`; scenario files then
name it in ``kind = "..."`` (see the documentation page *Adding a group kind*). The fields of
a kind, declared with :func:`param`, are its schema: the scenario loader validates them,
fills defaults, documents them and writes them back from the same declaration.

Examples
--------
>>> import nonequivalent as ne
>>> eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
>>> groups = [ne.Peasants(name="peasants", sells={"grain": 10}, buys={"cloth": 5})]
>>> acc = ne.group_account(eco, {"grain": 0.5, "cloth": 1.0},
...                        ne.labour_value_benchmark(eco), groups, melt=1.0)
>>> acc.table["surplus_hours"].to_dict()
{'peasants': 5.0, 'state': 5.0}
"""

from __future__ import annotations

from .base import (
    GROUP_KINDS,
    AccountContext,
    Flows,
    GroupKind,
    param,
    register_group_kind,
)
from .base import Param as Param
from .base import params as params
from .context import account_context
from .peasants import Peasants
from .state import State
from .workers import WorkerCategory, WorkerHouseholds

__all__ = [
    "GROUP_KINDS",
    "AccountContext",
    "Flows",
    "GroupKind",
    "Peasants",
    "State",
    "WorkerCategory",
    "WorkerHouseholds",
    "account_context",
    "param",
    "register_group_kind",
]
