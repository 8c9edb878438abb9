"""The README's printed report is exactly what ``nonequivalent report`` prints."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from pathlib import Path

from nonequivalent.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_readme_report_block_is_the_command_output() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("```text\n", 1)[1].split("```", 1)[0]
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(["report"]) == 0
    assert buf.getvalue() == block


def test_readme_commands_are_marked_for_ci() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for tag in ("<!-- ci:main -->", "<!-- ci:test -->"):
        after = text.split(tag, 1)[1]
        assert after.lstrip().startswith("```bash\n")
    assert "nonequivalent report" in text.split("<!-- ci:main -->", 1)[1].split("```", 2)[1]
