"""Parity with Hickel, Hanbury Lemos & Barbour (2024): blocs, wage rules, decomposition,
equal world, size-adjusted indicators and the yearly series (on EXIOBASE 3 archives written
by tests/exiobase3_fixture.py, never downloaded)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nonequivalent as ne
from nonequivalent.mrio import global_exchange_series, load_exiobase3
from tests.exiobase3_fixture import EXIOBASE_REGIONS, exiobase_products, write_exiobase3

HICKEL_NORTH = set("AT AU BE CA CH CY CZ DE DK EE ES FI FR GB GR IE IT JP KR LU LV MT NL NO "
                   "PT SE SI SK TW US".split())


# ----------------------------------------------------------------------------- blocs
def test_hickel2024_is_exactly_the_list() -> None:
    blocs = ne.Blocs.named("hickel2024")
    m = blocs.mapping
    assert set(m.index) == set(EXIOBASE_REGIONS) and len(m) == 49
    assert set(m[m == "North"].index) == HICKEL_NORTH
    assert set(m[m == "South"].index) == set(EXIOBASE_REGIONS) - HICKEL_NORTH
    assert {"WA", "WE", "WF", "WL", "WM"} <= set(m[m == "South"].index)
    # the default, named and loaded the same way
    assert ne.load_blocs().mapping.equals(m) and ne.Blocs.named().mapping.equals(m)
    table = ne.mrio.bloc_table("hickel2024")
    for region in ("LT", "KR", "TW"):
        assert table.loc[region, "note"]           # the oddities are stated
    assert table["source"].str.contains("Hickel").all()


def test_un_m49_kept_under_its_own_name() -> None:
    m = ne.Blocs.named("un-m49").mapping
    assert (m == "North").sum() == 36
    moved = {"BG", "HR", "HU", "LT", "PL", "RO", "RU", "WE"}
    assert set(m[m == "North"].index) == (HICKEL_NORTH - {"KR", "TW"}) | moved
    assert ne.load_blocs("exiobase3-north-south").mapping.equals(m)   # the old name
    avail = ne.Blocs.available()
    assert list(avail.index) == ["hickel2024", "un-m49"]
    assert avail.loc["hickel2024", "default"] and not avail.loc["un-m49", "default"]
    assert avail.loc["hickel2024", "North"] == 30 and avail.loc["un-m49", "North"] == 36
    with pytest.raises(ne.InvalidEconomyError, match="hickel2024"):
        ne.Blocs.named("nope")


# ----------------------------------------------------------------------------- by hand
def three_regions() -> ne.MRIOEconomy:
    """No intermediate inputs: H[p, c] = q_p y[p, c] and C[p, c] = c_p y[p, c]."""
    Y = np.array([[6.0, 1.0, 2.0], [3.0, 5.0, 1.0], [4.0, 0.0, 7.0]])
    return ne.MRIOEconomy(np.zeros((3, 3)), Y,
                          labour={"lo": [1.0, 3.0, 2.0], "hi": [0.5, 1.0, 1.0]},
                          compensation={"lo": [20.0, 3.0, 4.0], "hi": [30.0, 5.0, 6.0]},
                          value_added=[60.0, 10.0, 12.0], regions=["A", "B", "C"],
                          sectors=["g"])


BLOCS3 = {"A": "North", "B": "South", "C": "South"}


def test_export_embodied_wage_by_hand() -> None:
    acc = ne.global_exchange_account(three_regions(), BLOCS3)
    assert acc.wage_rule == "export-embodied"
    w = acc.by_bloc["wage"]
    # North's exports: A's output for B and C, 1 + 2 units: lo 3 h paid 60; hi 1.5 h paid 90
    assert w[("lo", "North")] == pytest.approx(20.0)
    assert w[("hi", "North")] == pytest.approx(60.0)
    # South's exports: B sells A 3 units, C sells A 4 units: lo 9 + 8 h paid 9 + 16
    assert w[("lo", "South")] == pytest.approx(25.0 / 17.0)
    assert w[("hi", "South")] == pytest.approx(39.0 / 7.0)
    assert w[("all", "North")] == pytest.approx(150.0 / 4.5)
    worked = ne.global_exchange_account(three_regions(), BLOCS3, wage="worked")
    # hours worked: B 3*9 = 27 paid 27, C 2*11 = 22 paid 44
    assert worked.by_bloc["wage"][("lo", "South")] == pytest.approx(71.0 / 49.0)
    with pytest.raises(ne.InvalidEconomyError, match="export-embodied"):
        ne.global_exchange_account(three_regions(), BLOCS3, wage="market")


def test_decomposition_by_hand() -> None:
    acc = ne.global_exchange_account(three_regions(), BLOCS3)
    d = acc.decomposition()
    # lo: net 17 - 3 = 14; paid 25 - 60; at the North's 20/h: 280
    assert d.loc[("lo", "South", "North")].tolist() == pytest.approx([14, -35, 280, 315])
    # hi: net 7 - 1.5; paid 39 - 90; at 60/h: 330
    assert d.loc[("hi", "South", "North")].tolist() == pytest.approx([5.5, -51, 330, 381])
    assert d.loc[("all", "South", "North")].tolist() == pytest.approx([19.5, -86, 610, 696])
    r = acc.decomposition(level="region")
    # B: lo 9 h to A, 1 h back; paid 9 vs 20. C: 8 h, 2 back; paid 16 vs 40
    assert r.loc[("lo", "B", "North")].tolist() == pytest.approx([8, -11, 160, 171])
    assert r.loc[("lo", "C", "North")].tolist() == pytest.approx([6, -24, 120, 144])
    # with two blocs and the export-embodied wage: transfer = H[S,N] w_N - C[S,N]
    assert d.loc[("lo", "South", "North"), "value_transfer"] == pytest.approx(17 * 20 - 25)


def test_decomposition_needs_compensation() -> None:
    mrio = ne.MRIOEconomy(np.zeros((2, 2)), [[1.0, 2.0], [3.0, 1.0]], labour={"h": [1, 2]},
                          regions=["N", "S"], sectors=["g"])
    acc = ne.global_exchange_account(mrio, {"N": "North", "S": "South"})
    with pytest.raises(ne.InvalidEconomyError, match="compensation"):
        acc.decomposition()
    with pytest.raises(ne.InvalidEconomyError, match="compensation"):
        acc.equal_world()


@st.composite
def tables(draw):
    R = draw(st.integers(3, 5))
    m = draw(st.integers(1, 3))
    k = draw(st.integers(1, 3))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    n = R * m
    A = rng.random((n, n))
    A *= (rng.uniform(0.0, 0.8, n) / A.sum(axis=0))[None, :]
    Q = rng.uniform(0.1, 3.0, (k, n))
    mrio = ne.MRIOEconomy(A, rng.uniform(0.0, 10.0, (n, R)),
                          labour={f"s{i}": Q[i] for i in range(k)},
                          compensation={f"s{i}": Q[i] * rng.uniform(1, 30, n) for i in range(k)},
                          value_added=rng.uniform(5.0, 50.0, n),
                          regions=[f"r{i}" for i in range(R)], sectors=list(range(m)))
    # r0 in B0, the last region in B1, the others in B0, B1 or B2
    middle = [draw(st.sampled_from(["B0", "B1", "B2"])) for _ in range(R - 2)]
    blocs = dict(zip([f"r{i}" for i in range(R)], ["B0", *middle, "B1"], strict=True))
    return mrio, blocs


@settings(max_examples=25, deadline=None)
@given(tables(), st.sampled_from(["export-embodied", "worked"]))
def test_decomposition_identities(t, wage: str) -> None:
    mrio, blocs = t
    acc = ne.global_exchange_account(mrio, blocs, wage=wage)
    d = acc.decomposition()
    np.testing.assert_allclose(d["value_transfer"], d["recipient_value"]
                               - d["producer_compensation"], rtol=1e-12, atol=1e-9)
    assert (d["net_hours"] >= 0).all()
    # bloc rows are the sums of the rows of their regions
    r = acc.decomposition(level="region")
    region_bloc = pd.Series(blocs)
    summed = r.groupby([r.index.get_level_values(0),
                        region_bloc.reindex(r.index.get_level_values(1)).to_numpy(),
                        r.index.get_level_values(2)]).sum()
    summed.index.names = d.index.names
    pd.testing.assert_frame_equal(summed.reindex(d.index), d, rtol=1e-9, atol=1e-9)
    # "all" is the sum of the skills when every skill flows the same way
    allrows = d.xs("all", level="skill")
    for pair in allrows.index:
        parts = [d.loc[(s, *pair)] for s in acc.skills if (s, *pair) in d.index]
        if len(parts) == len(acc.skills):
            np.testing.assert_allclose(sum(parts), allrows.loc[pair], rtol=1e-9, atol=1e-9)


# ----------------------------------------------------------------------------- equal world
def _productivity_paid(seed: int, ppp: dict | None = None) -> tuple:
    """A table whose wages are exactly proportional to regional productivity."""
    rng = np.random.default_rng(seed)
    R, m, k = 4, 2, 2
    n = R * m
    A = rng.random((n, n))
    A *= (rng.uniform(0.1, 0.6, n) / A.sum(axis=0))[None, :]
    Y = rng.uniform(1.0, 10.0, (n, R))
    Q = rng.uniform(0.1, 3.0, (k, n))
    v = rng.uniform(5.0, 50.0, n)
    x = np.linalg.solve(np.eye(n) - A, Y.sum(axis=1))
    codes = np.repeat(np.arange(R), m)
    va = np.bincount(codes, v * x)
    hours = np.bincount(codes, (Q * x).sum(axis=0))
    pi = va / hours
    if ppp is not None:
        pi = pi / np.array([ppp[f"r{i}"] for i in range(R)])
    skill_level = np.array([0.2, 0.5])
    comp = skill_level[:, None] * pi[codes][None, :] * Q
    mrio = ne.MRIOEconomy(A, Y, labour={"lo": Q[0], "hi": Q[1]},
                          compensation={"lo": comp[0], "hi": comp[1]}, value_added=v,
                          regions=[f"r{i}" for i in range(R)], sectors=["a", "b"])
    return mrio, {"r0": "North", "r1": "North", "r2": "South", "r3": "South"}


@pytest.mark.parametrize("ppp", [None, {"r0": 1.0, "r1": 0.9, "r2": 0.4, "r3": 0.5}])
def test_equal_world_transfer_is_zero_when_wages_follow_productivity(ppp) -> None:
    mrio, blocs = _productivity_paid(3, ppp)
    acc = ne.global_exchange_account(mrio, blocs)
    eq = acc.equal_world(ppp=ppp)
    scale = float(eq["net_value"].abs().max())
    assert float(eq["equal_world_transfer"].abs().max()) <= 1e-12 * scale
    np.testing.assert_allclose(eq[["giver_price_index", "receiver_price_index"]], 1.0,
                               rtol=1e-12)
    wages = acc.equal_world_wages(ppp=ppp)
    np.testing.assert_allclose(wages["equal-world wage lo"], wages["wage lo"], rtol=1e-12)


def test_equal_world_transfer_positive_for_an_underpaid_giver() -> None:
    mrio, blocs = _productivity_paid(3)
    # pay the South half of its productivity wage: the equal world pays it more
    comp = mrio.economy.labour * 0.0
    base = _productivity_paid(3)[0]._compensation
    comp = np.array(base)
    comp[:, 4:] *= 0.5
    cut = ne.MRIOEconomy(mrio.economy.A, mrio.final_demand.to_numpy(),
                         labour={"lo": mrio.economy.labour[0], "hi": mrio.economy.labour[1]},
                         compensation={"lo": comp[0], "hi": comp[1]},
                         value_added=mrio._value_added, regions=list(mrio.regions),
                         sectors=["a", "b"])
    acc = ne.global_exchange_account(cut, blocs)
    eq = acc.equal_world()
    giver = eq.index[0][0]
    assert giver == "South"
    assert eq["equal_world_transfer"].iloc[0] > 0
    with pytest.raises(ne.LabelMismatchError, match="r3"):
        acc.equal_world(ppp={"r0": 1.0, "r1": 1.0, "r2": 1.0})
    with pytest.raises(ne.InvalidEconomyError, match="positive"):
        acc.equal_world(ppp={"r0": 1.0, "r1": 1.0, "r2": 1.0, "r3": -1.0})


# ----------------------------------------------------------------------------- size
def test_size_adjusted_by_hand(tmp_path) -> None:
    acc = ne.global_exchange_account(three_regions(), BLOCS3)
    table = pd.DataFrame({"region": ["A", "B", "C"], "population": [10.0, 30.0, 60.0],
                          "gdp": [1000.0, 200.0, 300.0]})
    s = acc.size_adjusted(table)
    # all skills: South gives 17 + 7 = 24 hours, gets 3 + 1.5 = 4.5: transfer 19.5
    assert s.loc["South", "labour_transfer"] == pytest.approx(19.5)
    assert s.loc["South", "transfer_per_capita"] == pytest.approx(19.5 / 90.0)
    hours_south = 27 + 22 + 1 * 9 + 1 * 11          # lo + hi hours worked in B and C
    assert s.loc["South", "transfer_share_of_hours"] == pytest.approx(19.5 / hours_south)
    assert s.loc["South", "value_transfer"] == pytest.approx(696.0)
    assert s.loc["North", "value_transfer"] == pytest.approx(-696.0)
    assert s.loc["South", "value_transfer_share_of_gdp"] == pytest.approx(696.0 / 500.0)
    path = tmp_path / "size.csv"
    table.to_csv(path, index=False)
    pd.testing.assert_frame_equal(acc.size_adjusted(str(path)), s)
    # GDP by default: the table's value added, Σ_{i∈p} v_i x_i (x = row sums of Y here)
    d = acc.size_adjusted(population={"A": 10.0, "B": 30.0, "C": 60.0})
    assert d.loc["North", "gdp"] == pytest.approx(60.0 * 9)
    assert np.isnan(acc.size_adjusted()["transfer_per_capita"]).all()
    with pytest.raises(ne.InvalidEconomyError, match="region"):
        bad = tmp_path / "bad.csv"
        bad.write_text("country,people\nA,1\n")
        acc.size_adjusted(str(bad))


# ----------------------------------------------------------------------------- EXIOBASE 3
PRODUCTS = 3


@pytest.fixture(scope="module")
def archives(tmp_path_factory) -> tuple:
    folder = tmp_path_factory.mktemp("exiobase")
    products = exiobase_products()[:PRODUCTS]
    tables = {y: write_exiobase3(folder, y, products=products)[1] for y in (2019, 2020, 2021)}
    return folder, tables


def _direct(t: dict) -> ne.MRIOEconomy:
    """The generated numbers straight into the engine (no files)."""
    R, ncat = len(t["regions"]), len(t["categories"])
    Y = t["Y"].reshape(len(t["x"]), R, ncat).sum(axis=2)
    names = ("low", "medium", "high")
    return ne.MRIOEconomy(
        t["A"], Y, labour={s: t["hours"][i] / t["x"] for i, s in enumerate(names)},
        compensation={s: t["comp"][i] / t["x"] for i, s in enumerate(names)},
        value_added=t["F"][:9].sum(axis=0) / t["x"], regions=t["regions"],
        sectors=t["products"])


def test_reader_blocs_and_wages_on_an_exiobase3_archive(archives) -> None:
    folder, tables = archives
    mrio = load_exiobase3(folder / "IOT_2021_pxp.zip")
    assert list(mrio.regions) == EXIOBASE_REGIONS
    assert list(mrio.skills) == ["low", "medium", "high"]
    assert mrio.has_compensation and mrio.has_value_added
    t = tables[2021]
    # Σ H = hours worked: the male and female rows of each skill were summed
    np.testing.assert_allclose(mrio.embodied_hours().groupby(level=0, sort=False).sum()
                               .sum(axis=1).to_numpy(), t["hours"].sum(axis=1), rtol=1e-9)
    acc = ne.global_exchange_account(mrio, "hickel2024")
    ref = ne.global_exchange_account(_direct(t), "hickel2024")
    assert list(acc.bloc_names) == ["North", "South"]
    pd.testing.assert_frame_equal(acc.by_bloc, ref.by_bloc, rtol=1e-9)
    pd.testing.assert_frame_equal(acc.decomposition(), ref.decomposition(), rtol=1e-9)
    pd.testing.assert_frame_equal(acc.equal_world(), ref.equal_world(), rtol=1e-9)


def test_all_200_products_are_read(tmp_path) -> None:
    products = exiobase_products()
    assert len(products) == 200 and products[0] == "Paddy rice"
    path, _ = write_exiobase3(tmp_path, 2021, regions=["DE", "CN", "US"], seed=1)
    mrio = load_exiobase3(path)
    assert mrio.n == 600
    assert list(mrio.index.get_level_values(1)[:200]) == products
    with pytest.raises(ne.LabelMismatchError, match="not regions of the table"):
        ne.global_exchange_account(mrio, "hickel2024")   # 46 of its regions are not here
    split = ne.Blocs.named("hickel2024").mapping
    acc = ne.global_exchange_account(mrio, {r: split[r] for r in ("DE", "CN", "US")})
    assert set(acc.bloc_names) == {"North", "South"}


def test_series_sequential(archives) -> None:
    folder, tables = archives
    s = global_exchange_series(folder, years="2019-2021", scheduler="sync")
    assert list(s.index) == [2019, 2020, 2021] and s.index.name == "year"
    assert (s["giver"] == "South").all() and (s["receiver"] == "North").all()
    np.testing.assert_allclose(s["cumulative_net_hours"], s["net_hours"].cumsum())
    np.testing.assert_allclose(s["cumulative_value_transfer"], s["value_transfer"].cumsum())
    ref = ne.global_exchange_account(_direct(tables[2020]), "hickel2024").decomposition()
    assert s.loc[2020, "value_transfer"] == pytest.approx(
        ref.loc[("all", "South", "North"), "value_transfer"], rel=1e-9)
    assert s.loc[2020, "net_hours low"] == pytest.approx(
        ref.loc[("low", "South", "North"), "net_hours"], rel=1e-9)
    with pytest.raises(ne.InvalidEconomyError, match="2018"):
        global_exchange_series(folder, years=[2018, 2019], scheduler="sync")
    with pytest.raises(ne.InvalidEconomyError, match="1995-2022"):
        global_exchange_series(folder, years="nineties", scheduler="sync")


def test_series_on_a_local_cluster_equals_the_sequential_run(archives) -> None:
    distributed = pytest.importorskip("distributed")  # in the test extra: never skipped in CI
    folder, _ = archives
    seq = global_exchange_series(folder, years="2019-2021", scheduler="sync")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        par = global_exchange_series(folder, years="2019-2021", scheduler=client)
    pd.testing.assert_frame_equal(par, seq, rtol=1e-12)


def test_cli_series(archives, capsys: pytest.CaptureFixture[str]) -> None:
    from nonequivalent.cli import main

    folder, _ = archives
    assert main(["global", "--years", "2020-2021", str(folder), "--scheduler", "sync",
                 "-f", "csv"]) == 0
    out = capsys.readouterr().out
    assert "By year,2021,net_hours," in out and "cumulative_value_transfer" in out
    assert main(["global", "--years", "2020", str(folder), "--year", "2020"]) == 2
    assert "--years" in capsys.readouterr().err
