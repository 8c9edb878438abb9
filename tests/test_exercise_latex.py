"""The LaTeX of every exercise and its solution compiles with pdflatex.

Under CI (``CI=true``) pdflatex must be there (``.ci/extra`` installs Debian's TeX
packages): the test fails without it. Elsewhere it is skipped, saying why.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from nonequivalent import exercises
from nonequivalent.exercises._latex import document

SEEDS = (0, 1, 7)


def _pdflatex() -> str:
    exe = shutil.which("pdflatex")
    if exe is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("pdflatex is not installed but CI is set: install Debian's TeX "
                        "packages (texlive-latex-base, -recommended, -extra; .ci/extra does).")
        pytest.skip("pdflatex is not installed (apt-get install texlive-latex-base "
                    "texlive-latex-recommended texlive-latex-extra); CI runs this test.")
    return exe


def _compile(tex: str, tmp_path) -> str:
    exe = _pdflatex()
    src = tmp_path / "doc.tex"
    src.write_text(tex, encoding="utf-8")
    run = subprocess.run([exe, "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=300,
                         check=False)
    log = (tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace") \
        if (tmp_path / "doc.log").exists() else run.stdout
    assert run.returncode == 0, log[-3000:]
    assert (tmp_path / "doc.pdf").stat().st_size > 0
    return log


def test_every_exercise_and_solution_compiles(tmp_path):
    fragments = [exercises.render(exercises.generate(topic, seed), solution=solution,
                                  format="latex")
                 for topic in exercises.list() for seed in SEEDS for solution in (False, True)]
    log = _compile(document("\n\\clearpage\n".join(fragments), "All exercises"), tmp_path)
    assert "Undefined control sequence" not in log
    assert "Missing character" not in log


def test_standalone_document_compiles(tmp_path):
    tex = exercises.render(exercises.generate("values-by-kind", 2), solution=True,
                           format="latex", standalone=True)
    assert tex.startswith("\\documentclass") and tex.rstrip().endswith("\\end{document}")
    _compile(tex, tmp_path)


def test_latex_is_not_markdown():
    ex = exercises.generate("scissors", 1)
    tex = exercises.render(ex, solution=True, format="latex")
    md = exercises.render(ex, solution=True, format="markdown")
    assert tex != md
    assert tex.startswith("\\section*{") and "**" not in tex and "\n# " not in tex
    assert "\\textbf{Step 1." in tex


def test_exercise_displays_in_jupyter():
    ex = exercises.generate("labour-values", 1)
    md = ex._repr_markdown_()
    assert md.startswith("# Labour values") and "$" in md
