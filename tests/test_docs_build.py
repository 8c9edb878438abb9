"""The built documentation: ``mkdocs build --strict`` passes, the API reference has a page per
package with its roles as links and its examples as code, and math renders without a network.

Needs the docs extra (``pip install -e ".[docs]"``); ``.ci/extra`` runs it after installing it.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mkdocs")
pytest.importorskip("mkdocstrings_handlers.python")
griffe = pytest.importorskip("griffe")

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("core", "exchange", "groups", "accounts", "scenarios", "report", "uncertainty",
            "exact", "plotting", "mrio", "planning", "exercises", "cli")
RAW_ROLE = re.compile(r":(?:class|func|meth|mod|attr|data|exc|obj|const):(?=[`~\w])")

sys.path.insert(0, str(ROOT / "docs" / "_ext"))
import sphinx_roles  # noqa: E402  (the extension under test, from the docs' folder)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                          str(out)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    return out


def _text(page: Path) -> str:
    """The page's text as a reader sees it (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


def test_one_api_page_per_package(site: Path) -> None:
    for package in PACKAGES:
        page = site / "api" / package / "index.html"
        assert page.exists(), package
        assert f'id="nonequivalent.{package}' in page.read_text(encoding="utf-8")


def test_no_raw_role_and_no_design_document_in_the_html(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = _text(page)
        assert not RAW_ROLE.search(text), (page, RAW_ROLE.search(text))
        assert "DESIGN §" not in text, page


def test_roles_became_links(site: Path) -> None:
    page = (site / "api" / "exchange" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="autorefs autorefs-internal"[^>]*href="([^"]+)"', page)
    assert len(links) > 20
    assert any("nonequivalent.core.economy.Economy" in href for href in links)


def test_doctests_are_code_blocks_not_quotes(site: Path) -> None:
    # Markdown reads an unfenced ``>>>`` as three nested block quotes
    for page in (site / "api").rglob("*.html"):
        text = re.sub(r"\s+", "", page.read_text(encoding="utf-8"))
        assert "<blockquote><blockquote>" not in text, page
    assert "&gt;&gt;&gt;" in (site / "api" / "core" / "index.html").read_text(
        encoding="utf-8")


def test_parameters_are_tables_and_constants_documented(site: Path) -> None:
    page = (site / "api" / "planning" / "index.html").read_text(encoding="utf-8")
    assert "doc-section-item" in page or "<table>" in page
    text = _text(site / "api" / "planning" / "index.html")
    assert "LEFT_COURSE" in text and "Preobrazhensky's left course" in text
    assert "BUILTIN_VARIANTS" in text


def test_math_needs_no_network(site: Path) -> None:
    for page in site.rglob("*.html"):
        for src in re.findall(r'<script[^>]+src="([^"]+)"', page.read_text(encoding="utf-8")):
            assert not re.match(r"(https?:)?//", src), (page, src)
    mathjax = site / "javascripts" / "mathjax" / "tex-svg.js"
    assert mathjax.stat().st_size > 1_000_000
    assert "arithmatex" in (site / "concepts" / "exchange" / "index.html").read_text(
        encoding="utf-8")


# ---------------------------------------------------------------- the extension alone
def _module() -> griffe.Module:
    return griffe.load("nonequivalent.exchange.tribute", search_paths=[str(ROOT / "src")],
                       docstring_parser="numpy")


def test_a_role_resolves_to_where_the_object_is_defined() -> None:
    mod = _module()
    out = sphinx_roles.rewrite("See :class:`~nonequivalent.Economy` and :func:`tribute`.",
                               mod["tribute"])
    assert 'identifier="nonequivalent.core.economy.Economy"' in out
    assert "<code>Economy</code>" in out
    assert 'identifier="nonequivalent.exchange.tribute.tribute"' in out
    assert not RAW_ROLE.search(out)


def test_an_unknown_target_stays_code() -> None:
    out = sphinx_roles.rewrite(":func:`no_such_function`", _module())
    assert 'identifier="no_such_function" optional' in out


def test_doctests_outside_examples_are_fenced_inside_are_left() -> None:
    text = "Intro.\n\n>>> 1 + 1\n2\n\nExamples\n--------\n>>> 2 + 2\n4"
    out = sphinx_roles._fence_doctests(text)
    assert out.count("```pycon") == 1
    assert out.index("```pycon") < out.index(">>> 1 + 1") < out.index("Examples")
    assert out.endswith("Examples\n--------\n>>> 2 + 2\n4")
