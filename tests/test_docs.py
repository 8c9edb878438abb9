"""Every ``python`` code block of the documentation runs, page by page, in order."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "docs").rglob("*.md"))
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def test_docs_have_pages() -> None:
    assert (ROOT / "docs" / "getting-started.md") in PAGES


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT / "docs")))
def test_page_code_runs(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "__docs__"}
    for i, block in enumerate(BLOCK.findall(page.read_text(encoding="utf-8"))):
        code = compile(block, f"{page.name}[block {i}]", "exec", dont_inherit=True)
        exec(code, namespace)  # the project's own documentation, not user input
