"""Start-up: what ``import nonequivalent`` loads, and the namespace it still offers.

Each check runs in a fresh Python process, since this test session has long since loaded
the heavy modules. The time itself is measured by ``benchmarks/import_time.py``, not here.
"""

from __future__ import annotations

import importlib
import subprocess
import sys

import numpy as np
import pytest

import nonequivalent as ne

#: Modules that only some paths need; ``import nonequivalent`` must load none of them.
NOT_AT_IMPORT = ("scipy.optimize", "scipy.sparse", "scipy.sparse.linalg", "scipy.stats",
                 "sympy", "matplotlib", "pulp", "highspy", "tomllib", "jinja2", "tabulate",
                 "tqdm", "rich", "nonequivalent.planning.static", "nonequivalent.exact",
                 "nonequivalent.exact.symbolic", "nonequivalent.exercises", "nonequivalent.mrio",
                 "nonequivalent.exchange.dual_economy")


def _loaded_after(code: str, modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh interpreter has loaded after running ``code``."""
    probe = f"import sys\n{code}\nprint(' '.join(m for m in {modules!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                         text=True)
    return out.stdout.split()


def test_import_loads_no_heavy_module() -> None:
    assert _loaded_after("import nonequivalent", NOT_AT_IMPORT) == []


def test_the_probe_sees_a_loaded_module() -> None:
    # the probe is not blind: importing a module it looks for is reported
    assert _loaded_after("import nonequivalent, tomllib", NOT_AT_IMPORT) == ["tomllib"]


def test_dense_positive_economy_never_loads_scipy_sparse() -> None:
    # a dense table with a zero coefficient needs the strong components of its graph
    # (scipy.sparse.csgraph) for the spectral radius; an all-positive one does not
    code = ("import nonequivalent as ne\n"
            "eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25])\n"
            "eco.labour_values(); eco.max_profit_rate\n"
            "ne.production_prices(eco, 0.1); ne.uniform_profit_rate(eco, [0.4, 0.2])")
    assert _loaded_after(code, ("scipy.sparse", "scipy.sparse.linalg")) == []


def test_sparse_input_still_recognized() -> None:
    sp = pytest.importorskip("scipy.sparse")
    A = [[0.2, 0.3], [0.1, 0.4]]
    dense = ne.Economy(A, labour=[0.5, 0.25])
    sparse = ne.Economy(sp.csr_array(A), labour=[0.5, 0.25])
    assert sparse.is_sparse and not dense.is_sparse
    assert sparse.labour_values().tolist() == pytest.approx(dense.labour_values().tolist(),
                                                            rel=1e-10)


def test_squeeze_optimum_loads_scipy_optimize_on_first_use() -> None:
    code = ("import nonequivalent as ne\n"
            "r = ne.CallableResponse(lambda p: 100 * p ** 0.5, name='square root')\n"
            "ne.squeeze_optimum(r, 3.0)")
    assert _loaded_after("import nonequivalent", ("scipy.optimize",)) == []
    assert _loaded_after(code, ("scipy.optimize",)) == ["scipy.optimize"]


def test_positive_shortcut_gives_the_block_by_block_radius() -> None:
    from nonequivalent._solvers import _spectral_radius_by_block

    sp = pytest.importorskip("scipy.sparse")
    M = np.array([[0.2, 0.3, 0.1], [0.1, 0.4, 0.2], [0.05, 0.1, 0.3]])
    rho, blocks = _spectral_radius_by_block(M)
    rho_sparse, blocks_sparse = _spectral_radius_by_block(sp.csr_array(M))
    assert rho == rho_sparse
    assert len(blocks) == len(blocks_sparse) == 1
    assert blocks[0][1].tolist() == blocks_sparse[0][1].tolist() == [0, 1, 2]
    Z = M.copy()
    Z[0, 1] = Z[0, 2] = 0.0  # sector 0 now buys from itself only: two strong components
    rho_z, blocks_z = _spectral_radius_by_block(Z)
    assert len(blocks_z) == 2
    assert rho_z == pytest.approx(float(np.max(np.abs(np.linalg.eigvals(Z)))), rel=1e-12)


@pytest.mark.parametrize("module", sorted(ne._LAZY_EXPORTS))
def test_lazy_names_match_their_module(module: str) -> None:
    mod = importlib.import_module(f"nonequivalent.{module}")
    assert ne._LAZY_EXPORTS[module] == tuple(mod.__all__)
    for name in mod.__all__:
        assert getattr(ne, name) is getattr(mod, name)
        assert name in ne.__all__
    tail = module.rpartition(".")[2]
    if tail in mod.__all__:  # ``ne.tribute`` and ``ne.report_batch`` are the functions
        assert getattr(ne, tail) is getattr(mod, tail)
        assert callable(getattr(ne, tail))
    package = module.partition(".")[0]
    if package not in ne._SHADOWED:    # ``ne.report`` is the function, not the package
        assert getattr(ne, package) is importlib.import_module(f"nonequivalent.{package}")
    assert package in dir(ne)


def test_every_public_name_resolves() -> None:
    for name in ne.__all__:
        assert getattr(ne, name) is not None, name
    assert set(ne.__all__) <= set(dir(ne))
    assert len(set(ne.__all__)) == len(ne.__all__)


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        ne.no_such_name


def test_import_loads_only_the_core_modules() -> None:
    lazy = tuple(f"nonequivalent.{m}" for m in ne._LAZY_EXPORTS)
    assert _loaded_after("import nonequivalent", lazy) == []
    assert _loaded_after("import nonequivalent as ne; ne.tribute", lazy) == [
        "nonequivalent.core.values", "nonequivalent.core.prices",
        "nonequivalent.exchange.account", "nonequivalent.exchange.tribute"]


def test_function_named_like_its_module_stays_the_function() -> None:
    # importing the submodule binds it on the package; the package keeps the function
    code = ("import nonequivalent.exchange.tribute, nonequivalent.report, nonequivalent as ne\n"
            "import nonequivalent.uncertainty.batch\n"
            "print(ne.tribute.__module__, ne.report.__module__, callable(ne.report),\n"
            "      callable(ne.report_batch))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout.split()
    assert out == ["nonequivalent.exchange.tribute", "nonequivalent.report.surplus", "True",
                   "True"]


def test_group_kinds_registered_before_a_scenario_names_one() -> None:
    code = ("import nonequivalent as ne\n"
            "r = ne.report('ussr-1928')\n"
            "print(sorted(ne.GROUP_KINDS))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout
    assert "peasants" in out and "state" in out and "workers" in out


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_version_and_help_load_no_heavy_module(option: str) -> None:
    # building the parser must not load what only some commands use (scipy.stats for the
    # draws of `report --draws`, matplotlib for --plot, the planning models for compare ...)
    code = ("import contextlib, io\nfrom nonequivalent.cli import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()):\n    main([{option!r}])")
    assert _loaded_after(code, (*NOT_AT_IMPORT, "nonequivalent.uncertainty",
                                "scipy.special")) == []


def test_report_method_is_still_checked_and_listed() -> None:
    from nonequivalent.cli import build_parser
    from nonequivalent.uncertainty.propagation import METHODS

    parser = build_parser()
    report = parser._subparsers._group_actions[0].choices["report"]
    assert all(m in report.format_help() for m in METHODS)
    with pytest.raises(SystemExit):
        parser.parse_args(["report", "--method", "no-such-method"])
    assert parser.parse_args(["report", "--method", METHODS[-1]]).method == METHODS[-1]
