"""Same seed, same numbers: locally and on a Dask LocalCluster with one and two workers."""

from __future__ import annotations

import dask
import numpy as np
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import nonequivalent as ne
from nonequivalent.uncertainty import propagation as unc

PARAMS = [ne.ParameterRange("harvest", 70, 73, 78, "pert", group="author"),
          ne.ParameterRange("harvest_1932", 60, 70, 75, "pert", group="author"),
          ne.ParameterRange("real_wage", 0.43, 0.50, 0.57),
          ne.ParameterRange("procurement", 0.8, 1.0, 1.2, "triangular")]


def accounts(p):
    """A small nonlinear account: shares of a fund from two sources (one draw or a batch)."""
    peasants = p["harvest"] * 0.2 * p["procurement"] + 0.01 * p["harvest_1932"] ** 1.5
    workers = 30 * (1 - p["real_wage"]) ** 1.2
    total = peasants + workers
    return {"peasants": peasants / total, "workers": workers / total, "fund": total}


def accounts_batch(frame):
    return pd.DataFrame(accounts(frame))


@pytest.fixture(scope="module", params=[1, 2], ids=["1-worker", "2-workers"])
def cluster(request):
    with LocalCluster(n_workers=request.param, threads_per_worker=1, processes=True,
                      dashboard_address=None) as lc:
        yield lc


def test_same_seed_same_numbers_locally_and_on_a_local_cluster(cluster):
    draws = 2 * unc.CHUNK + 300  # three chunks, the last one shorter
    local = ne.propagate(accounts, PARAMS, draws=draws, seed=17)
    with Client(cluster) as client:
        on_client = ne.propagate(accounts, PARAMS, draws=draws, seed=17, scheduler=client)
        assert len(client.scheduler_info()["workers"]) in (1, 2)
    batch_local = ne.propagate(accounts_batch, PARAMS, draws=draws, seed=17, vectorized=True)
    by_address = ne.propagate(accounts_batch, PARAMS, draws=draws, seed=17, vectorized=True,
                              scheduler=cluster.scheduler_address)
    # the same code on the same inputs: bit for bit, whatever the number of workers
    for res, ref in ((on_client, local), (by_address, batch_local)):
        assert np.array_equal(res.samples.to_numpy(), ref.samples.to_numpy())
        assert np.array_equal(res.inputs.to_numpy(), ref.inputs.to_numpy())
        assert res.to_frame().equals(ref.to_frame())
    # the per-draw and the vectorized model are different code: numpy's SIMD ``power``
    # (AVX-512) and its scalar loop may differ in the last bit. The model's outputs are
    # sums, products, powers (exponents <= 1.5) and ratios of positive numbers, the one
    # difference 1 − w with w <= 0.57 (condition <= 1.4): a few ulps at most, so 16 ulps.
    assert np.array_equal(batch_local.inputs.to_numpy(), local.inputs.to_numpy())
    np.testing.assert_allclose(batch_local.samples.to_numpy(), local.samples.to_numpy(),
                               rtol=16 * np.finfo(float).eps, atol=0)
    sens_local = ne.sobol_sensitivity(accounts, PARAMS, draws=64, seed=3)
    sens_dask = ne.sobol_sensitivity(accounts, PARAMS, draws=64, seed=3,
                                     scheduler=cluster.scheduler_address)
    assert sens_dask.first_order.equals(sens_local.first_order)
    assert sens_dask.total_order.equals(sens_local.total_order)


def test_a_bad_scheduler_is_a_specific_error():
    with pytest.raises(ne.UncertaintyError, match="scheduler must be"):
        ne.propagate(accounts, PARAMS, draws=10, scheduler=42)
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), \
            pytest.raises(ne.UncertaintyError, match="cannot reach the Dask scheduler"):
        ne.propagate(accounts, PARAMS, draws=10, scheduler="tcp://127.0.0.1:9")


def test_the_report_with_intervals_on_a_local_cluster(cluster):
    # the scenarios travel to the workers as TOML text and read back exactly
    local = ne.report_uncertainty("ussr-1928", "ussr-1932", draws=3, seed=8)
    remote = ne.report_uncertainty("ussr-1928", "ussr-1932", draws=3, seed=8,
                                   scheduler=cluster.scheduler_address)
    assert np.array_equal(remote.propagation.samples.to_numpy(),
                          local.propagation.samples.to_numpy())
