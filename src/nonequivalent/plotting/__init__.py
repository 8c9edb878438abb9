"""Figures: the scissors, the extraction curve, surplus by group, earners, plan variants.

Every function takes plain labelled pandas data (or a library result that offers
``to_frame()``) and returns a :class:`matplotlib.figure.Figure`. Figures are built with the
object-oriented API (:class:`~matplotlib.figure.Figure`, never :mod:`matplotlib.pyplot`),
so nothing is displayed, no global state is touched and no display is needed: save a
figure with ``fig.savefig("file.png")``. Each figure carries a title, axis labels with
units, and a source line at the bottom that cites where its numbers come from (the
``source`` argument, else the data's ``attrs["source"]``).

The quantities drawn are defined elsewhere in the library, with their sources:
the scissors index (Preobrazhensky, *The New Economics*, 1926, ch. 2), the
extraction curve ``(p^e - p) q(p)`` of a marketing response (Sah & Stiglitz, "The
economics of price scissors", *AER* 74, 1984), surplus accounts by group (Barsov 1969;
Ellman, *Economic Journal* 85, 1975; Harrison, 1985), earners needed per household
``m1 = m0 / (1 - delta)`` (Marx, *Capital* I, ch. 15 §3a) and the variant paths of the
planning models.

>>> import pandas as pd
>>> from nonequivalent import plotting
>>> prices = pd.DataFrame({"industrial": [100, 118, 140], "agricultural": [100, 98, 97]},
...                       index=pd.Index([1926, 1927, 1928], name="year"))
>>> fig = plotting.scissors_figure(prices, source="Source: illustrative numbers.")
>>> fig.axes[0].get_title()
'The price scissors'
"""

from __future__ import annotations

from ..errors import PlotDataError
from ._common import GROUP_COLOURS, check_figure_path, save_figure
from .figures import (
    earners_figure,
    extraction_figure,
    scissors_figure,
    surplus_figure,
    variants_figure,
)
from .report import figure_of_report, report_figure

__all__ = [
    "GROUP_COLOURS",
    "PlotDataError",
    "check_figure_path",
    "earners_figure",
    "extraction_figure",
    "figure_of_report",
    "report_figure",
    "save_figure",
    "scissors_figure",
    "surplus_figure",
    "variants_figure",
]
