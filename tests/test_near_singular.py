"""An ``I − A`` close to singular: a warning that names the sectors (Economy and report)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import nonequivalent as ne
from nonequivalent import scenarios
from nonequivalent.core.economy import NEAR_SINGULAR_MULTIPLIER

A_NEAR = [[0.95, 0.35, 0.02], [0.05, 0.1, 0.03], [0.03, 0.1, 0.3]]


def _near_scenario():
    return scenarios.load("ussr-1928").with_values({"economy.A": A_NEAR})


def test_economy_names_the_sectors_with_large_multipliers():
    eco = ne.Economy(A_NEAR, labour=[1, 1, 1],
                     sectors=["agriculture", "light industry", "heavy industry"])
    with pytest.warns(ne.NearSingularWarning, match="agriculture.*light industry") as rec:
        eco.gross_output([1, 1, 1])
    assert rec[0].message.sectors == ["agriculture", "light industry"]
    near = eco.near_singular_sectors
    assert list(near.index) == ["agriculture", "light industry"]
    # the multipliers are the column sums of the Leontief inverse
    L = np.linalg.inv(np.eye(3) - np.array(A_NEAR))
    np.testing.assert_allclose(near.to_numpy(), L.sum(axis=0)[:2], rtol=1e-12)
    assert (near > NEAR_SINGULAR_MULTIPLIER).all()


def test_an_ordinary_economy_gives_no_warning():
    eco = scenarios.load("ussr-1928").economy()
    assert eco.near_singular_sectors.empty
    fresh = ne.Economy(np.array(scenarios.load("ussr-1928").A), labour=[1, 1, 1])
    with warnings.catch_warnings():
        warnings.simplefilter("error", ne.NearSingularWarning)
        fresh.gross_output([1, 1, 1])


def test_the_report_notes_name_the_sector():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ne.NearSingularWarning)
        r = ne.report(_near_scenario())
    lines = [n for n in r.notes if "I − A" in n and "multiplier" in n]
    assert len(lines) == 1
    assert "agriculture" in lines[0] and "0.95" in lines[0]
    assert "heavy industry" not in lines[0]


def test_the_warning_is_a_nonequivalent_user_warning():
    assert issubclass(ne.NearSingularWarning, ne.NonequivalentWarning)
    assert issubclass(ne.NonequivalentWarning, UserWarning)
