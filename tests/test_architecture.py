"""The layers of the package: pyproject.toml's import-linter contracts are kept, would catch a
wrong import, and are the ones docs/architecture.md describes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

pytest.importorskip("importlinter")

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
LINT = ("import sys\nfrom importlinter.cli import lint_imports_command\n"
        "sys.exit(lint_imports_command())")


def _lint(config: Path) -> tuple[int, dict[str, str]]:
    """Run ``lint-imports`` on ``config``; its exit status and each contract's verdict."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run([sys.executable, "-c", LINT, "--no-cache", str(config)],
                         capture_output=True, text=True, env=env, cwd=config.parent)
    verdicts = dict((name.strip(), verdict) for name, verdict in
                    re.findall(r"^(.+?) (KEPT|BROKEN)$", out.stdout, re.M))
    assert verdicts, out.stdout + out.stderr     # the linter ran and reported its contracts
    return out.returncode, verdicts


def _layers() -> list[str]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    (layers,) = [c["layers"] for c in config["contracts"] if c["type"] == "layers"]
    return layers


def test_the_contracts_are_kept() -> None:
    status, verdicts = _lint(PYPROJECT)
    assert len(verdicts) == 2
    assert set(verdicts.values()) == {"KEPT"}, verdicts
    assert status == 0


def test_swapping_two_layers_breaks_the_layers_contract(tmp_path: Path) -> None:
    # exchange imports core: with core above exchange the same code breaks the contract
    text = PYPROJECT.read_text(encoding="utf-8")
    swapped = text.replace('    "exchange",\n    "core",\n', '    "core",\n    "exchange",\n')
    assert swapped != text
    (tmp_path / "pyproject.toml").write_text(swapped, encoding="utf-8")
    status, verdicts = _lint(tmp_path / "pyproject.toml")
    assert verdicts["Layers: each package imports only downward"] == "BROKEN"
    assert status != 0


def test_the_architecture_page_lists_the_layers_in_order() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+) \| (.+?) \|", page, re.M)
    layers = _layers()
    assert [int(n) for n, _ in rows] == list(range(1, len(layers) + 1))
    for (_, packages), layer in zip(rows, layers, strict=True):
        named = re.findall(r"`([\w.]+)`", packages) or None
        expected = re.split(r"\s*[|:]\s*", layer)
        if named is None:       # the foundation row names its modules in the next column
            continue
        assert named == expected
    foundation = re.search(r"^\| \d+ \| foundation modules \| (.+)$", page, re.M)
    assert foundation is not None
    assert set(re.findall(r"`(\w+)`", foundation.group(1))) == set(
        re.split(r"\s*:\s*", layers[-1]))
