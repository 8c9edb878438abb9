"""The global exchange account with two skills flowing both ways, worked by hand.

Two regions, one good each, no intermediate inputs (so each region's output for a
consumer is that consumer's final demand). Final demand (rows: producer, columns:
consumer) N: 4 for N, 2 for S; S: 3 for N, 5 for S. Hours per unit: low skill N 1, S 3;
high skill N 2, S 1. Compensation per unit: low N 10, S 3; high N 40, S 5 (wages per
hour: low N 10, S 1; high N 20, S 5). Value added per unit: N 50, S 8.

Embodied hours ``H^s[producer, consumer] = q^s_producer · y[producer, consumer]``:

* low: ``H[N, S] = 1·2 = 2``, ``H[S, N] = 3·3 = 9``: S gives N 7 hours net;
* high: ``H[N, S] = 2·2 = 4``, ``H[S, N] = 1·3 = 3``: N gives S 1 hour net;
* all: ``H[N, S] = 6``, ``H[S, N] = 12``: S gives N 6 hours net.

Wage values (Hickel, Hanbury Lemos & Barbour 2024: the net flow at the receiver's wage):
low ``7 × 10 = 70`` to S's credit, high ``1 × 5 = 5`` to N's credit; all skills ``70 − 5 =
65`` (skill by skill, not the net hours at an average wage: ``6 × 300/18 = 100``).
Drain: N's export price per hour ``V[N, S] / H[N, S] = 50·2 / 6``, the drain at it ``6 ×
100/6 = 100``; the world price ``Σ V / Σ H = (50·6 + 8·8) / (18 + 32) = 7.28`` and the
drain at it ``6 × 7.28 = 43.68``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import nonequivalent as ne

Y = [[4.0, 2.0], [3.0, 5.0]]
LABOUR = {"low": [1.0, 3.0], "high": [2.0, 1.0]}
COMP = {"low": [10.0, 3.0], "high": [40.0, 5.0]}
VA = [50.0, 8.0]
BLOCS = {"N": "North", "S": "South"}


def _account(compensation=COMP):
    mrio = ne.MRIOEconomy([[0.0, 0.0], [0.0, 0.0]], Y, labour=LABOUR,
                          compensation=compensation, value_added=VA, regions=["N", "S"],
                          sectors=["good"])
    return ne.global_exchange_account(mrio, BLOCS)


def test_by_bloc_worked_by_hand():
    b = _account().by_bloc
    exact = {
        ("low", "North"): (2, 9, -7, 2 / 9, 10, -70),
        ("low", "South"): (9, 2, 7, 9 / 2, 1, 70),
        ("high", "North"): (4, 3, 1, 4 / 3, 20, 5),
        ("high", "South"): (3, 4, -1, 3 / 4, 5, -5),
        ("all", "North"): (6, 12, -6, 0.5, 300 / 18, -65),
        ("all", "South"): (12, 6, 6, 2, 64 / 32, 65),
    }
    for key, row in exact.items():
        np.testing.assert_allclose(b.loc[key].to_numpy(), row, rtol=1e-12, err_msg=str(key))


def test_pairs_worked_by_hand():
    p = _account().pairs
    np.testing.assert_allclose(p.loc[("low", "South", "North")].to_numpy(),
                               [9, 2, 7, 4.5, 10, 70], rtol=1e-12)
    np.testing.assert_allclose(p.loc[("high", "North", "South")].to_numpy(),
                               [4, 3, 1, 4 / 3, 5, 5], rtol=1e-12)
    # all skills: the receiver's average wage, the wage value summed skill by skill
    np.testing.assert_allclose(p.loc[("all", "South", "North")].to_numpy(),
                               [12, 6, 6, 2, 300 / 18, 65], rtol=1e-12)


def test_drain_worked_by_hand():
    d = _account().drain().loc[("South", "North")]
    np.testing.assert_allclose(d.to_numpy(), [6, 100 / 6, 100, 7.28, 43.68], rtol=1e-12)


def test_compensation_rows_in_another_order_than_the_hours_rows():
    swapped = {"high": COMP["high"], "low": COMP["low"]}
    frame = pd.DataFrame([COMP["high"], COMP["low"]], index=["high", "low"],
                         columns=pd.MultiIndex.from_tuples([("N", "good"), ("S", "good")]))
    ref = _account().by_bloc
    for comp in (swapped, frame):
        pd.testing.assert_frame_equal(_account(comp).by_bloc, ref)


def test_from_flows_without_gross_output_takes_row_sums():
    # with intermediate flows: x = Z 1 + Y 1, A = Z diag(x)^-1, coefficients = totals / x
    Z = np.array([[1.0, 2.0], [1.0, 0.0]])
    x = Z.sum(axis=1) + np.sum(Y, axis=1)
    totals = {k: np.asarray(v) * x for k, v in LABOUR.items()}
    comp = {k: np.asarray(v) * x for k, v in COMP.items()}
    flows = ne.MRIOEconomy.from_flows(Z, Y, totals, compensation=comp,
                                      value_added=np.asarray(VA) * x, regions=["N", "S"],
                                      sectors=["good"])
    coeff = ne.MRIOEconomy(Z / x[None, :], Y, labour=LABOUR, compensation=COMP,
                           value_added=VA, regions=["N", "S"], sectors=["good"])
    a, b = (ne.global_exchange_account(m, BLOCS) for m in (flows, coeff))
    np.testing.assert_allclose(a.by_bloc.to_numpy(), b.by_bloc.to_numpy(), rtol=1e-12)
    np.testing.assert_allclose(a.drain().to_numpy(), b.drain().to_numpy(), rtol=1e-12)
    explicit = ne.MRIOEconomy.from_flows(Z, Y, totals, compensation=comp,
                                         value_added=np.asarray(VA) * x, gross_output=x,
                                         regions=["N", "S"], sectors=["good"])
    np.testing.assert_allclose(ne.global_exchange_account(explicit, BLOCS).by_bloc.to_numpy(),
                               b.by_bloc.to_numpy(), rtol=1e-12)


@pytest.mark.parametrize("blocs", [None, BLOCS])
def test_the_transfers_balance(blocs):
    mrio = ne.MRIOEconomy([[0.0, 0.0], [0.0, 0.0]], Y, labour=LABOUR, compensation=COMP,
                          value_added=VA, regions=["N", "S"], sectors=["good"])
    acc = ne.global_exchange_account(mrio, blocs)
    b = acc.by_bloc
    for skill in ("low", "high", "all"):
        assert abs(b.xs(skill, level="skill")["labour_transfer"].sum()) < 1e-12
        assert abs(b.xs(skill, level="skill")["transfer_wage_value"].sum()) < 1e-12
