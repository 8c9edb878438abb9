"""The multi-regional economy and the global exchange account (mrio module)."""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pymrio  # in the test extra: the comparison with pymrio must run, never skip
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import nonequivalent as ne
from nonequivalent._results import Result
from nonequivalent.mrio import ILLUSTRATIVE_SHARES, add_illustrative_labour


# ----------------------------------------------------------------------------- builders
def two_regions(**kw: object) -> ne.MRIOEconomy:
    """North's good uses 0.5 unit of South's good per unit; 1 and 2 hours per unit."""
    A = [[0.0, 0.0], [0.5, 0.0]]          # rows/cols: (N, good), (S, good)
    Y = [[10.0, 2.0], [0.0, 4.0]]         # columns: consumed by N, by S
    return ne.MRIOEconomy(A, Y, labour={"low": [1.0, 2.0]}, regions=["N", "S"],
                          sectors=["good"], **kw)


@st.composite
def mrio_tables(draw, sparse: bool | None = None):
    """A productive MRIO table (regions x sectors), final demand, 1-3 skills, by construction."""
    R = draw(st.integers(2, 4))
    m = draw(st.integers(1, 3))
    k = draw(st.integers(1, 3))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    n = R * m
    A = rng.random((n, n)) * (rng.random((n, n)) < 0.7)
    colsum = A.sum(axis=0)
    target = rng.uniform(0.0, 0.9, size=n)
    A = A * np.divide(target, colsum, out=np.zeros(n), where=colsum > 0)[None, :]
    Y = rng.uniform(0.0, 10.0, size=(n, R))
    Q = rng.uniform(0.1, 3.0, size=(k, n))
    W = rng.uniform(1.0, 30.0, size=(k, n)) * Q
    V = rng.uniform(0.5, 2.0, size=n)
    if sparse is None:
        sparse = draw(st.booleans())
    regions = [f"r{i}" for i in range(R)]
    sectors = [f"s{j}" for j in range(m)]
    skills = [f"k{i}" for i in range(k)]
    return dict(A=sp.csr_array(A) if sparse else A, Y=Y, Q=Q, W=W, V=V, regions=regions,
                sectors=sectors, skills=skills)


def build(t: dict) -> ne.MRIOEconomy:
    return ne.MRIOEconomy(t["A"], t["Y"], labour=dict(zip(t["skills"], t["Q"], strict=True)),
                          compensation=dict(zip(t["skills"], t["W"], strict=True)),
                          value_added=t["V"], regions=t["regions"], sectors=t["sectors"])


def _blocs_of(regions: list[str], cut: int) -> dict[str, str]:
    return {r: ("B0" if i < cut else "B1") for i, r in enumerate(regions)}


# ----------------------------------------------------------------------------- worked examples
def test_two_regions_by_hand() -> None:
    # x for N's demand (10, 0): N makes 10, S makes 5 for N's inputs -> H[N,N]=10, H[S,N]=10;
    # x for S's demand (2, 4): N makes 2, S makes 4 + 0.5*2 = 5 -> H[N,S]=2, H[S,S]=10.
    mrio = two_regions(compensation={"low": [20.0, 4.0]}, value_added=[30.0, 6.0])
    H = mrio.embodied_hours().loc["low"]
    assert H.to_numpy().tolist() == [[10.0, 2.0], [10.0, 10.0]]
    acc = ne.global_exchange_account(mrio, {"N": "North", "S": "South"})
    south = acc.by_bloc.loc[("low", "South")]
    assert south["labour_given"] == 10.0 and south["labour_received"] == 2.0
    assert south["labour_transfer"] == 8.0 and south["nonequivalence_ratio"] == 5.0
    assert south["wage"] == pytest.approx(2.0) and acc.by_bloc.loc[("low", "North"),
                                                                     "wage"] == pytest.approx(20.0)
    pair = acc.pairs.loc[("low", "South", "North")]
    assert pair["net_hours"] == 8.0 and pair["exchange_ratio"] == 5.0
    assert pair["wage_value"] == pytest.approx(8.0 * 20.0)       # at the North's wage
    assert south["transfer_wage_value"] == pytest.approx(160.0)
    # value added: N earns 30/unit, S 6/unit; V[N,S] = 30*2 = 60 for H[N,S] = 2 hours.
    drain = acc.drain().loc[("South", "North")]
    assert drain["receiver_export_price"] == pytest.approx(30.0)
    assert drain["drain_at_receiver_price"] == pytest.approx(8.0 * 30.0)
    total_va = 30.0 * 12 + 6.0 * 10        # x_N total 12, x_S total 10
    assert drain["world_price"] == pytest.approx(total_va / 32.0)


def test_three_regions_two_blocs_by_hand() -> None:
    # no intermediate inputs: H[p, c] = q_p y[p, c]
    Y = np.array([[6.0, 1.0, 2.0], [3.0, 5.0, 1.0], [4.0, 0.0, 7.0]])
    q = np.array([1.0, 3.0, 2.0])
    mrio = ne.MRIOEconomy(np.zeros((3, 3)), Y, labour={"h": q}, regions=["A", "B", "C"],
                          sectors=["g"])
    acc = ne.global_exchange_account(mrio, {"A": "North", "B": "South", "C": "South"})
    HB = acc.embodied("h")
    # North -> South: A's hours for B and C = 1*1 + 1*2 = 3; South -> North: 3*3 + 2*4 = 17
    assert HB.loc["North", "South"] == 3.0 and HB.loc["South", "North"] == 17.0
    assert HB.loc["South", "South"] == 3 * 5 + 3 * 1 + 2 * 0 + 2 * 7
    assert acc.pairs.loc[("h", "South", "North"), "exchange_ratio"] == pytest.approx(17 / 3)
    regional = acc.net_flows("h", level="region")
    assert regional.loc["B", "A"] == 9.0 - 1.0


def test_module_and_docstring_conventions() -> None:
    mrio = two_regions()
    assert repr(mrio).startswith("MRIOEconomy(2 regions")
    acc = ne.global_exchange_account(mrio, {"N": "North", "S": "South"})
    assert "\n" not in repr(acc)
    assert "By bloc" in acc.summary()
    frame = acc.to_frame()
    assert isinstance(frame.index, pd.MultiIndex)
    assert frame.index.names == ["skill", "bloc"]
    assert list(frame.columns[:4]) == ["labour_given", "labour_received", "labour_transfer",
                                       "nonequivalence_ratio"]


def test_results_share_the_library_display_surface() -> None:
    # Economy, blocs and account: one-line repr, HTML, LaTeX and Markdown from the base.
    mrio = two_regions(compensation={"low": [20.0, 4.0]}, value_added=[30.0, 6.0])
    blocs = ne.Blocs.from_mapping({"N": "North", "S": "South"}, name="two")
    acc = ne.global_exchange_account(mrio, blocs)
    for obj, label in [(mrio, "N"), (blocs, "North"), (acc, "North")]:
        assert isinstance(obj, Result)
        assert "\n" not in repr(obj)
        html = obj._repr_html_()
        assert html.startswith("<div") and "<table>" in html and label in html
        assert "\\begin{tabular}" in obj.to_latex()
        md = obj.to_markdown()
        assert md.count("\n") >= 2 and label in md
    # the figures behind them: N consumes 10 of its good and S 2 + 4 = 6 units
    assert mrio.to_frame()["final_demand"].tolist() == [10.0, 6.0]
    assert "(money)" in mrio._repr_html_()
    # the account's largest transfer: S gives 10 hours to N, receives 2 -> 8 (see above)
    figs = dict((k, v) for k, v, _ in acc.key_figures())
    assert figs["largest transfer"] == pytest.approx(8.0)
    assert "blocs: two" in acc._repr_html_()
    # pandas attributes come back as copies
    frame, mapping = acc.by_bloc, blocs.mapping
    frame.iloc[0, 0] = -1.0
    mapping.iloc[0] = "elsewhere"
    assert acc.by_bloc.iloc[0, 0] != -1.0 and blocs.mapping.iloc[0] == "North"


# ----------------------------------------------------------------------------- invariants
@settings(max_examples=25)
@given(mrio_tables())
def test_total_embodied_hours_equal_q_dot_x(t: dict) -> None:
    mrio = build(t)
    x = np.linalg.solve(np.eye(len(t["Y"])) - (t["A"].toarray() if sp.issparse(t["A"])
                                               else t["A"]), t["Y"].sum(axis=1))
    H = mrio.embodied_hours()
    for i, s in enumerate(t["skills"]):
        total = H.loc[s].to_numpy().sum()
        assert total == pytest.approx(t["Q"][i] @ x, rel=1e-9)


@settings(max_examples=25)
@given(mrio_tables(), st.data())
def test_net_flows_antisymmetric_and_transfers_sum_to_zero(t: dict, data: st.DataObject) -> None:
    mrio = build(t)
    cut = data.draw(st.integers(1, len(t["regions"]) - 1))
    acc = ne.global_exchange_account(mrio, _blocs_of(t["regions"], cut))
    for level in ("bloc", "region"):
        F = acc.net_flows(level=level).to_numpy()
        np.testing.assert_array_equal(F, -F.T)
    bb = acc.by_bloc
    scale = bb["labour_given"].abs().max()
    for s in [*t["skills"], "all"]:
        assert abs(bb.loc[s, "labour_transfer"].sum()) <= 1e-12 * max(scale, 1.0)
        vs = bb.loc[s, "transfer_wage_value"]
        assert abs(vs.sum()) <= 1e-10 * max(vs.abs().max(), 1.0)


@settings(max_examples=20)
@given(mrio_tables(sparse=False), st.data())
def test_aggregating_regions_into_blocs_commutes(t: dict, data: st.DataObject) -> None:
    cut = data.draw(st.integers(1, len(t["regions"]) - 1))
    mapping = _blocs_of(t["regions"], cut)
    acc = ne.global_exchange_account(build(t), mapping)
    # the same table with every region relabelled as its bloc (sectors kept distinct)
    index = pd.MultiIndex.from_tuples(
        [(mapping[r], f"{r}:{s}") for r in t["regions"] for s in t["sectors"]])
    A = pd.DataFrame(t["A"], index=index, columns=index)
    Yreg = pd.DataFrame(t["Y"], index=index,
                        columns=pd.MultiIndex.from_tuples([(mapping[r], r)
                                                           for r in t["regions"]]))
    merged = ne.MRIOEconomy(A, Yreg, labour=pd.DataFrame(t["Q"], index=t["skills"],
                                                          columns=index))
    H_merged = merged.embodied_hours()
    for s in t["skills"]:
        got = acc.embodied(s).reindex(index=H_merged.loc[s].index,
                                      columns=H_merged.loc[s].columns)
        np.testing.assert_allclose(got.to_numpy(), H_merged.loc[s].to_numpy(), rtol=1e-10,
                                   atol=1e-12 * float(np.abs(got.to_numpy()).max()))


@settings(max_examples=20)
@given(mrio_tables(), st.randoms(use_true_random=False))
def test_permuting_regions_and_sectors_permutes_the_result(t: dict, rnd) -> None:
    R, m = len(t["regions"]), len(t["sectors"])
    rp = list(range(R))
    sp_ = list(range(m))
    rnd.shuffle(rp)
    rnd.shuffle(sp_)
    order = [r * m + s for r in rp for s in sp_]
    A = t["A"].toarray() if sp.issparse(t["A"]) else t["A"]
    perm = dict(t, A=A[np.ix_(order, order)], Y=t["Y"][order][:, rp], Q=t["Q"][:, order],
                W=t["W"][:, order], V=t["V"][order],
                regions=[t["regions"][i] for i in rp], sectors=[t["sectors"][j] for j in sp_])
    base = ne.global_exchange_account(build(t), None)
    moved = ne.global_exchange_account(build(perm), None)
    for s in t["skills"]:
        a = base.embodied(s, level="region")
        b = moved.embodied(s, level="region").reindex(index=a.index, columns=a.columns)
        np.testing.assert_allclose(b.to_numpy(), a.to_numpy(), rtol=1e-9,
                                   atol=1e-12 * float(np.abs(a.to_numpy()).max()))
    fa = build(t).footprints()["D_pba"]
    fb = build(perm).footprints()["D_pba"].reindex(columns=fa.columns)
    np.testing.assert_allclose(fb.to_numpy(), fa.to_numpy(), rtol=1e-9)


@settings(max_examples=20)
@given(st.integers(1, 4), st.integers(0, 2**32 - 1))
def test_identical_wages_and_technologies_balanced_trade_ratio_is_one(m: int, seed: int) -> None:
    # two mirror regions: same domestic block D, same import block M, same hours and wages;
    # each buys from the other what the other buys from it, so trade is balanced.
    rng = np.random.default_rng(seed)
    D = rng.random((m, m))
    M = rng.random((m, m))
    scale = rng.uniform(0.1, 0.9, m) / (D.sum(axis=0) + M.sum(axis=0))
    D, M = D * scale, M * scale
    A = np.block([[D, M], [M, D]])
    yd, ym = rng.uniform(1, 5, m), rng.uniform(0, 5, m)
    Y = np.column_stack([np.r_[yd, ym], np.r_[ym, yd]])
    q = np.tile(rng.uniform(0.5, 2.0, m), 2)
    mrio = ne.MRIOEconomy(A, Y, labour={"h": q}, compensation={"h": 10.0 * q},
                          regions=["a", "b"], sectors=[f"s{j}" for j in range(m)])
    acc = ne.global_exchange_account(mrio, None)
    ratio = acc.by_bloc.loc[("h", "a"), "nonequivalence_ratio"]
    assert ratio == pytest.approx(1.0, rel=1e-12)
    assert acc.by_bloc.loc[("h", "a"), "transfer_wage_value"] == pytest.approx(0.0, abs=1e-9)


def test_sparse_and_dense_agree() -> None:
    rng = np.random.default_rng(7)
    n, R = 12, 3
    A = rng.random((n, n)) * (rng.random((n, n)) < 0.4)
    A *= 0.8 / max(A.sum(axis=0).max(), 1e-9)
    Y = rng.uniform(0, 5, (n, R))
    kw = dict(labour={"h": rng.uniform(0.1, 2, n)}, regions=["a", "b", "c"],
              sectors=[f"s{j}" for j in range(4)])
    dense = ne.MRIOEconomy(A, Y, **kw).embodied_hours()
    sparse = ne.MRIOEconomy(sp.csr_array(A), Y, **kw).embodied_hours()
    np.testing.assert_allclose(sparse.to_numpy(), dense.to_numpy(), rtol=1e-10)


# ----------------------------------------------------------------------------- pymrio
@pytest.fixture(scope="module")
def test_system() -> tuple:
    io = add_illustrative_labour(pymrio.load_test())
    io.calc_all()
    mrio, blocs = ne.illustrative_test_system()
    return io, mrio, blocs


@pytest.mark.parametrize("account", ["D_cba", "D_pba", "D_imp", "D_exp"])
def test_footprints_agree_with_pymrio(test_system: tuple, account: str) -> None:
    io, mrio, _ = test_system
    ours = mrio.footprints()[account]
    ref = getattr(io.labour, account)
    for s in ILLUSTRATIVE_SHARES:
        r = ref.loc[f"hours: {s}"]
        got = ours.loc[s].reindex(r.index).to_numpy()
        np.testing.assert_allclose(got, r.to_numpy(), rtol=1e-10,
                                   atol=1e-10 * float(np.abs(r.to_numpy()).max()))


def test_regional_account_agrees_with_pymrio_regional_footprints(test_system: tuple) -> None:
    io, mrio, blocs = test_system
    acc = ne.global_exchange_account(mrio, blocs)
    for s in ILLUSTRATIVE_SHARES:
        H = acc.embodied(s, level="region")
        cba = io.labour.D_cba_reg.loc[f"hours: {s}"]
        pba = io.labour.D_pba_reg.loc[f"hours: {s}"]
        imp = io.labour.D_imp_reg.loc[f"hours: {s}"]
        exp = io.labour.D_exp_reg.loc[f"hours: {s}"]
        off = H.to_numpy() - np.diag(np.diag(H.to_numpy()))
        np.testing.assert_allclose(H.sum(axis=0).reindex(cba.index), cba, rtol=1e-10)
        np.testing.assert_allclose(H.sum(axis=1).reindex(pba.index), pba, rtol=1e-10)
        np.testing.assert_allclose(pd.Series(off.sum(axis=0), H.columns).reindex(imp.index),
                                   imp, rtol=1e-10)
        np.testing.assert_allclose(pd.Series(off.sum(axis=1), H.index).reindex(exp.index),
                                   exp, rtol=1e-10)


def test_text_tables_read_like_pymrio(test_system: tuple, tmp_path) -> None:
    io, mrio, _ = test_system
    io.save_all(tmp_path)
    spec = dict(hours={s: ("labour", f"hours: {s}") for s in ILLUSTRATIVE_SHARES},
                compensation={s: ("labour", f"compensation: {s}") for s in ILLUSTRATIVE_SHARES},
                value_added="factor_inputs")
    from_text = ne.MRIOEconomy.from_text_tables(tmp_path, **spec)
    a = from_text.embodied_hours()
    b = mrio.embodied_hours()
    np.testing.assert_allclose(a.to_numpy(), b.to_numpy(), rtol=1e-9)
    assert a.index.equals(b.index)
    assert isinstance(from_text.index, pd.MultiIndex)
    # from A.txt and x.txt only (no Z.txt)
    (tmp_path / "Z.txt").unlink()
    from_a = ne.MRIOEconomy.from_text_tables(tmp_path, **spec)
    np.testing.assert_allclose(from_a.embodied_hours().to_numpy(), b.to_numpy(), rtol=1e-9)


def test_from_pymrio_with_A_only_matches_from_Z(test_system: tuple) -> None:
    _, mrio, _ = test_system
    io2 = add_illustrative_labour(pymrio.load_test())
    io2.calc_system()
    io2.Z = None
    got = ne.MRIOEconomy.from_pymrio(io2, hours={s: ("labour", f"hours: {s}")
                                                for s in ILLUSTRATIVE_SHARES})
    np.testing.assert_allclose(got.embodied_hours().to_numpy(),
                               mrio.embodied_hours().to_numpy(), rtol=1e-9)


def test_figure(test_system: tuple) -> None:
    from matplotlib.figure import Figure

    _, mrio, blocs = test_system
    fig = ne.global_exchange_account(mrio, blocs).figure()
    assert isinstance(fig, Figure) and len(fig.axes) >= 2


# ----------------------------------------------------------------------------- blocs
def test_builtin_blocs_cover_exiobase_with_sources() -> None:
    from nonequivalent.mrio import bloc_table

    table = bloc_table("un-m49")
    assert len(table) == 49 and table.index.is_unique
    assert set(table["bloc"]) == {"North", "South"}
    assert table["source"].str.contains("Hickel").all()
    row = table.loc[["WA", "WE", "WF", "WL", "WM"]]
    assert (row["certainty"] == "uncertain").all()
    blocs = ne.load_blocs()
    assert blocs.mapping.loc["US"] == "North" and blocs.mapping.loc["IN"] == "South"


def test_blocs_from_file(tmp_path) -> None:
    path = tmp_path / "b.csv"
    path.write_text("region,bloc\nN,core\nS,periphery\n")
    acc = ne.global_exchange_account(two_regions(), str(path))
    assert list(acc.bloc_names) == ["core", "periphery"]


# ----------------------------------------------------------------------------- errors
def test_unassigned_region_is_named() -> None:
    with pytest.raises(ne.LabelMismatchError, match="'S'"):
        ne.global_exchange_account(two_regions(), {"N": "North"})


def test_bad_inputs_raise_library_errors() -> None:
    with pytest.raises(ne.InvalidEconomyError, match="final demand has shape"):
        ne.MRIOEconomy(np.zeros((2, 2)), [[1.0], [2.0], [3.0]], labour={"h": [1, 1]},
                       regions=["a", "b"], sectors=["g"])
    with pytest.raises(ne.LabelMismatchError, match="regions="):
        ne.MRIOEconomy(np.zeros((2, 2)), np.ones((2, 2)), labour={"h": [1, 1]})
    with pytest.raises(ne.LabelMismatchError, match="Rename it"):
        ne.MRIOEconomy(np.zeros((2, 2)), np.ones((2, 2)), labour={"all": [1, 1]},
                       regions=["a", "b"], sectors=["g"])
    with pytest.raises(ne.LabelMismatchError, match="not a tuple"):
        ne.MRIOEconomy(np.zeros((2, 2)), np.ones((2, 2)), labour={("low", "f"): [1, 1]},
                       regions=["a", "b"], sectors=["g"])
    with pytest.raises(ne.InvalidEconomyError, match="negative"):
        ne.MRIOEconomy(np.zeros((2, 2)), np.ones((2, 2)), labour={"h": [1, -1]},
                       regions=["a", "b"], sectors=["g"])
    with pytest.raises(ne.InvalidEconomyError, match="value added"):
        ne.global_exchange_account(two_regions(), None).drain()
    with pytest.raises(ne.NotProductiveError):
        ne.MRIOEconomy([[0.0, 1.0], [1.0, 0.0]], np.ones((2, 2)), labour={"h": [1, 1]},
                       regions=["a", "b"], sectors=["g"]).embodied_hours()


def test_unknown_extension_and_pattern(test_system: tuple) -> None:
    io, _, _ = test_system
    with pytest.raises(ne.InvalidEconomyError, match="no extension"):
        ne.MRIOEconomy.from_pymrio(io, hours={"h": ("nope", "x")})
    with pytest.raises(ne.InvalidEconomyError, match="no row"):
        ne.MRIOEconomy.from_pymrio(io, hours={"h": ("labour", "Employment hours")})


def test_missing_pymrio_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pymrio", None)
    with pytest.raises(ne.NonequivalentError, match=r'pip install "\.\[mrio\]"'):
        ne.illustrative_test_system()


def test_pymrio_not_imported_by_the_package() -> None:
    import subprocess

    code = "import sys, nonequivalent; print('pymrio' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


# ----------------------------------------------------------------------------- immutability
def test_results_are_immutable_copies() -> None:
    Y = np.array([[10.0, 2.0], [0.0, 4.0]])
    mrio = ne.MRIOEconomy([[0.0, 0.0], [0.5, 0.0]], Y, labour={"low": [1.0, 2.0]},
                          regions=["N", "S"], sectors=["good"])
    Y[0, 0] = 99.0                               # the caller's array is not shared
    assert mrio.final_demand.iloc[0, 0] == 10.0
    acc = ne.global_exchange_account(mrio, None)
    frame = acc.by_bloc
    frame.iloc[0, 0] = -1.0
    assert acc.by_bloc.iloc[0, 0] != -1.0
    with pytest.raises(ValueError, match="read-only"):
        acc._H[0, 0, 0] = 1.0
    with pytest.raises(dataclasses_error()):
        acc.skills = pd.Index(["x"])
    mapping = acc.blocs.mapping
    mapping.iloc[0] = "elsewhere"
    assert acc.blocs.mapping.iloc[0] != "elsewhere"


def dataclasses_error() -> type[Exception]:
    import dataclasses

    return dataclasses.FrozenInstanceError


# ----------------------------------------------------------------------------- command line
def test_cli_global_on_the_test_system(capsys: pytest.CaptureFixture[str]) -> None:
    from nonequivalent.cli import main

    assert main(["global"]) == 0
    out = capsys.readouterr().out
    assert "Account by bloc" in out and "South / North" in out and "illustrative" in out


def test_cli_global_json_and_plot(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from nonequivalent.cli import main

    out_file, fig = tmp_path / "g.json", tmp_path / "g.png"
    assert main(["global", "-f", "json", "-o", str(out_file), "--plot", str(fig)]) == 0
    doc = json.loads(out_file.read_text())
    assert doc["title"] == "Global exchange account"
    assert fig.stat().st_size > 0


def test_cli_global_on_a_pymrio_folder(test_system: tuple, tmp_path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    from nonequivalent.cli import main

    io, mrio, _ = test_system
    folder = tmp_path / "table"
    io.save_all(folder)
    blocs = tmp_path / "blocs.csv"
    blocs.write_text("region,bloc\n" + "".join(
        f"reg{i},{'core' if i <= 2 else 'periphery'}\n" for i in range(1, 7)))
    args = ["global", str(folder), "--blocs", str(blocs), "-f", "csv"]
    for s in ILLUSTRATIVE_SHARES:
        args += ["--hours", f"{s}=labour:hours: {s}",
                 "--compensation", f"{s}=labour:compensation: {s}"]
    assert main(args) == 0
    out = capsys.readouterr().out
    acc = ne.global_exchange_account(mrio, {f"reg{i}": "core" if i <= 2 else "periphery"
                                            for i in range(1, 7)})
    expected = acc.by_bloc.loc[("all", "periphery"), "labour_given"]
    line = next(x for x in out.splitlines()
                if x.startswith("Account by bloc,all / periphery,labour_given,"))
    assert float(line.rsplit(",", 1)[1]) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("argv, message", [
    (["global", "/no/such/table"], "does not exist"),
    (["global", "--year", "2021"], "need a TABLE"),
    (["global", "--blocs", "/no/such.csv"], "cannot read blocs file"),
    (["global", ".", "--hours", "low"], "SKILL=EXTENSION:PATTERN"),
])
def test_cli_global_bad_input(argv: list[str], message: str,
                              capsys: pytest.CaptureFixture[str]) -> None:
    from nonequivalent.cli import main

    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_cli_global_foreign_file_and_missing_year(tmp_path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from nonequivalent.cli import main

    junk = tmp_path / "not_a_table.zip"
    junk.write_text("this is not an EXIOBASE archive")
    assert main(["global", str(junk)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot read" in err[0] and "EXIOBASE 3" in err[0]
    assert main(["global", str(tmp_path), "--year", "2021"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "IOT_2021_*.zip" in err[0]


def test_zero_gross_output_pair_is_named() -> None:
    Z = np.array([[1.0, 0.0], [0.0, 0.0]])
    with pytest.raises(ne.InvalidEconomyError,
                       match=r"> 0 for every \(region, sector\); zero or negative in "
                             r"\[\('B', 'grain'\)\]\. Drop those rows"):
        ne.MRIOEconomy.from_flows(Z, np.array([[1.0], [0.0]]), {"h": [1.0, 0.0]},
                                  gross_output=[2.0, 0.0], regions=["A", "B"],
                                  sectors=["grain"])
