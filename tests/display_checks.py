"""What every result shows in a notebook and a terminal, checked in one place."""

from __future__ import annotations

from typing import Any

import pandas as pd

from nonequivalent._results import Result


def check_display_surface(res: Any) -> pd.DataFrame:
    """A result: one-line repr, a right-aligned HTML table, a non-empty labelled frame.

    Returns the frame for further checks.
    """
    assert isinstance(res, Result), type(res)
    text = repr(res)
    assert "\n" not in text and len(text) < 250, text
    html = res._repr_html_()
    assert "<table" in html and "text-align:right" in html
    frame = res.to_frame()
    assert isinstance(frame, pd.DataFrame) and not frame.empty
    return frame
