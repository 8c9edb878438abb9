"""Figures: each is produced headless, carries its title, axis labels and source, and saves.

The data here are small hand-made tables; what is checked is the figure (what a reader
sees), not the economics, which the modules that compute the numbers test.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from nonequivalent import plotting
from nonequivalent.errors import NonequivalentError
from nonequivalent.plotting import PlotDataError

YEARS = pd.Index([1926, 1927, 1928], name="year")


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.texts]


def source_line(fig: Figure) -> str:
    lines = [t.get_text() for t in fig.texts if t.get_gid() == "source"]
    assert len(lines) == 1
    return lines[0]


def legend_labels(ax) -> list[str]:
    legend = ax.get_legend()
    assert legend is not None
    return [t.get_text() for t in legend.get_texts()]


def prices_frame() -> pd.DataFrame:
    frame = pd.DataFrame({"industrial": [100.0, 118.0, 140.0],
                          "agricultural": [100.0, 98.0, 97.0]}, index=YEARS)
    # σ = (140/100) / (97/100) = 1.443...
    frame["scissors"] = frame["industrial"] / frame["agricultural"]
    frame.attrs["source"] = "Source: a hand-made table"
    return frame


def test_scissors_from_price_indices() -> None:
    fig = plotting.scissors_figure(prices_frame())
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    assert ax.get_title() == "The price scissors"
    assert ax.get_xlabel() == "year"
    assert "price index" in ax.get_ylabel() and "100" in ax.get_ylabel()
    assert legend_labels(ax)[:2] == ["industrial prices", "agricultural prices"]
    # the last scissors value is written on the plot
    assert any(t.get_text() == "σ = 1.44" for t in ax.texts)
    # the source comes from the data's attrs when none is given
    assert source_line(fig) == "Source: a hand-made table"
    # whole years on the x axis, not 1926.5
    ticks = [t for t in ax.get_xticks() if YEARS.min() <= t <= YEARS.max()]
    assert all(float(t).is_integer() for t in ticks)


def test_scissors_from_index_series_and_explicit_source() -> None:
    sigma = pd.Series([1.0, 1.2, 1.4], index=YEARS)
    fig = plotting.scissors_figure(sigma, source="Davies (1989), table 5")
    ax = fig.axes[0]
    assert ax.get_ylabel() == "scissors index σ (base period = 1)"
    assert "parity (σ = 1)" in legend_labels(ax)
    assert source_line(fig) == "Source: Davies (1989), table 5"


def test_scissors_missing_column_is_a_clear_error() -> None:
    bad = pd.DataFrame({"industry": [1.0, 2.0]})
    with pytest.raises(PlotDataError, match="agricultural"):
        plotting.scissors_figure(bad)
    assert issubclass(PlotDataError, NonequivalentError)
    assert issubclass(PlotDataError, ValueError)
    # the message names what is missing, what is there, and how to give the data
    with pytest.raises(PlotDataError, match=r"columns 'industrial' and 'agricultural' "
                                            r"missing \(have \['industry'\]\); give price"):
        plotting.scissors_figure(bad)
    with pytest.raises(PlotDataError, match=r"column 'agricultural' missing \(have "
                                            r"\['industrial'\]\)"):
        plotting.scissors_figure(pd.DataFrame({"industrial": [1.0, 2.0]}))


def test_extraction_marks_maximum_and_current_position() -> None:
    # q(p) = p^0.5 (ε = 0.5), pᵉ = 1: E(p) = (1 - p) p^0.5, maximum at p* = ε/(1+ε) = 1/3
    p = np.linspace(0.02, 1.0, 50)
    curve = pd.Series((1.0 - p) * np.sqrt(p), index=p)
    fig = plotting.extraction_figure(curve, optimum=1 / 3, current=0.2, benchmark_price=1.0,
                                     unit="roubles", price_unit="roubles per pood",
                                     source="model")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "procurement price p (roubles per pood)"
    assert ax.get_ylabel() == "extraction (roubles)"
    labels = legend_labels(ax)
    assert "maximum: p* = 0.333" in labels
    assert "current price: p = 0.2" in labels
    assert "benchmark pᵉ = 1" in labels
    star = next(line for line in ax.get_lines() if line.get_label().startswith("maximum"))
    # the star sits on the curve: E(1/3) = (2/3) sqrt(1/3) = 0.3849
    assert star.get_ydata()[0] == pytest.approx((2 / 3) * np.sqrt(1 / 3), rel=1e-3)


def test_extraction_accepts_an_optimum_object() -> None:
    class Optimum:  # the shape of a squeeze-optimum result: a price and its extraction
        price = 0.5
        extraction = 0.25

    p = np.linspace(0.0, 1.0, 11)
    curve = pd.Series(p * (1 - p), index=p)
    ax = plotting.extraction_figure(curve, optimum=Optimum(), source="model").axes[0]
    star = next(line for line in ax.get_lines() if line.get_label().startswith("maximum"))
    assert star.get_ydata()[0] == 0.25


def test_extraction_rejects_empty_or_nan() -> None:
    with pytest.raises(PlotDataError, match="non-empty"):
        plotting.extraction_figure(pd.Series([], dtype=float))
    with pytest.raises(PlotDataError, match="NaN"):
        plotting.extraction_figure(pd.Series([1.0, np.nan], index=[0.1, 0.2]))


def surplus_table() -> pd.DataFrame:
    table = pd.DataFrame({"1928": [30.0, 50.0, 0.0, -80.0], "1932": [40.0, 90.0, 25.0, -155.0]},
                         index=["peasants", "workers", "two-earner households", "state"])
    table.columns.name = "year"
    return table


def test_surplus_stacked_bars_for_two_periods() -> None:
    fig = plotting.surplus_figure(surplus_table(), unit="million hours", source="model")
    ax = fig.axes[0]
    assert ax.get_title() == "Surplus by group"
    assert ax.get_ylabel() == "surplus given (million hours)"
    assert ax.get_xlabel() == "year"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1928", "1932"]
    # the state (the receiver) is left out; the three giving groups are stacked
    assert legend_labels(ax) == ["peasants", "workers", "two-earner households"]
    assert len(ax.patches) == 3 * 2
    # totals on top of each bar: 30 + 50 + 0 = 80 and 40 + 90 + 25 = 155
    assert {"total 80", "total 155"} <= {t.get_text() for t in ax.texts}
    # stacking: the workers' bar in 1932 starts where the peasants' ends
    workers_1932 = ax.patches[3]
    assert workers_1932.get_y() == pytest.approx(40.0)
    assert workers_1932.get_height() == pytest.approx(90.0)


def test_surplus_from_mapping_of_series_and_negative_entries() -> None:
    data = {"1928": pd.Series({"peasants": 10.0, "workers": -4.0}),
            "1932": pd.Series({"peasants": 12.0, "workers": 20.0})}
    ax = plotting.surplus_figure(data, source="model").axes[0]
    heights = [p.get_height() for p in ax.patches]
    assert heights == [10.0, 12.0, -4.0, 20.0]
    # the negative entry hangs below zero
    assert ax.patches[2].get_y() == 0.0


def test_surplus_errors() -> None:
    with pytest.raises(PlotDataError, match="no group left"):
        plotting.surplus_figure(pd.DataFrame({"1928": [1.0]}, index=["state"]))
    with pytest.raises(PlotDataError, match="pick the one column"):
        plotting.surplus_figure({"1928": pd.DataFrame({"a": [1.0], "b": [2.0]})})


def test_earners_against_real_wage() -> None:
    wage = np.linspace(100.0, 40.0, 13)
    data = pd.DataFrame({"earners needed": 100.0 / wage,
                         "whole earners": np.ceil(100.0 / wage - 1e-12)}, index=wage)
    observed = pd.DataFrame({"observed": [1.2, 1.9], "label": ["1928", "1932"]},
                            index=[100.0, 52.0])
    fig = plotting.earners_figure(data, observed=observed, source="model")
    ax = fig.axes[0]
    assert ax.get_ylabel() == "earners per household (persons)"
    assert ax.get_xlabel().startswith("real wage per earner (index, base = 100)")
    assert legend_labels(ax) == ["earners needed", "whole earners", "observed"]
    assert {"1928", "1932"} <= {t.get_text() for t in ax.texts}
    # wages fall to the right
    left, right = ax.get_xlim()
    assert left > right


def test_variant_paths_two_panels_and_long_table() -> None:
    long = pd.DataFrame({"variant": ["NEP"] * 3 + ["maximum"] * 3,
                         "year": [1928, 1929, 1930] * 2,
                         "capacity": [100, 104, 108, 100, 115, 135],
                         "consumption": [100, 103, 106, 100, 92, 80]})
    fig = plotting.variants_figure(long, unit="1928 = 100", source="model")
    cap, cons = fig.axes
    assert (cap.get_title(), cons.get_title()) == ("Productive capacity", "Consumption")
    assert cap.get_ylabel() == "capacity (1928 = 100)"
    assert cons.get_ylabel() == "consumption (1928 = 100)"
    assert cap.get_xlabel() == "year"
    assert legend_labels(cons) == ["NEP", "maximum"]
    assert list(cons.get_lines()[1].get_ydata()) == [100, 92, 80]


def test_variant_paths_errors() -> None:
    with pytest.raises(PlotDataError, match="'consumption' missing"):
        plotting.variants_figure({"NEP": pd.DataFrame({"capacity": [1.0]}, index=YEARS[:1])})
    with pytest.raises(PlotDataError, match="variant"):
        plotting.variants_figure(pd.DataFrame({"capacity": [1.0], "consumption": [1.0]}))


def test_report_figure_panels_and_png(tmp_path: Path) -> None:
    p = np.linspace(0.05, 1.0, 30)
    fig = plotting.report_figure(
        scissors=prices_frame(),
        extraction={"curve": pd.Series((1 - p) * np.sqrt(p), index=p), "optimum": 1 / 3,
                    "current": 0.25, "benchmark_price": 1.0},
        surplus=surplus_table(),
        earners=pd.Series(100.0 / np.linspace(100, 50, 6), index=np.linspace(100, 50, 6),
                          name="earners needed"),
        title="ussr-1928", surplus_unit="million hours",
        source="Source: scenario ussr-1928")
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert titles == ["The price scissors", "Squeezing harder collects less",
                      "Surplus by group", "Earners needed to keep the family basket"]
    assert fig.get_suptitle() == "ussr-1928"
    assert source_line(fig) == "Source: scenario ussr-1928"
    assert all(ax.get_xlabel() and ax.get_ylabel() for ax in fig.axes)
    out = plotting.save_figure(fig, tmp_path / "report.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 20_000


def test_report_figure_odd_number_of_panels_hides_the_spare_axes() -> None:
    fig = plotting.report_figure(scissors=pd.Series([1.0, 1.3], index=[1913, 1928]),
                                 surplus=surplus_table(), earners=pd.Series([1.0, 2.0],
                                                                           index=[100, 50]),
                                 source="model")
    assert [ax.get_visible() for ax in fig.axes] == [True, True, True, False]


def test_report_figure_needs_a_part() -> None:
    with pytest.raises(PlotDataError, match="at least one"):
        plotting.report_figure()
    with pytest.raises(PlotDataError, match="curve"):
        plotting.report_figure(extraction={"optimum": 1.0})
    curve = pd.Series([0.1, 0.2], index=[0.2, 0.4])
    with pytest.raises(PlotDataError, match=r"unknown extraction keys \['colour'\]"):
        plotting.report_figure(extraction={"curve": curve, "colour": "red"})


def test_plot_data_error_is_one_class_everywhere() -> None:
    import nonequivalent as ne
    from nonequivalent import errors

    assert ne.PlotDataError is errors.PlotDataError is PlotDataError
    with pytest.raises(ne.PlotDataError):
        plotting.check_figure_path("figure.unknown-suffix")


def test_default_source_line_is_present() -> None:
    fig = plotting.scissors_figure(pd.Series([1.0, 1.1], index=[1927, 1928]))
    assert source_line(fig).startswith("Source:")


def test_save_figure_errors(tmp_path: Path) -> None:
    fig = plotting.scissors_figure(pd.Series([1.0, 1.1], index=[1927, 1928]), source="m")
    with pytest.raises(PlotDataError, match="suffixes"):
        plotting.save_figure(fig, tmp_path / "figure.unknown")
    with pytest.raises(PlotDataError, match="does not exist"):
        plotting.save_figure(fig, tmp_path / "missing" / "figure.png")
    for suffix in ("svg", "pdf"):
        assert plotting.save_figure(fig, tmp_path / f"f.{suffix}").stat().st_size > 0


def test_no_pyplot_state_is_touched() -> None:
    import sys

    before = "matplotlib.pyplot" in sys.modules
    plotting.scissors_figure(pd.Series([1.0, 1.1], index=[1927, 1928]), source="m")
    assert ("matplotlib.pyplot" in sys.modules) == before


# ---------------------------------------------------------------------- result kinds
def _accounts():
    import nonequivalent as ne

    eco = ne.Economy([[0, 0], [0, 0]], labour=[1, 1], sectors=["grain", "cloth"])
    bench = ne.labour_value_benchmark(eco, melt=2.0)
    peasants = ne.Group("peasants", sells={"grain": 10}, buys={"cloth": 5})
    acc = ne.surplus_account(eco, {"grain": 0.5, "cloth": 1.0}, bench, peasants,
                             ne.Worker(8, 8, {"grain": 2, "cloth": 2},
                                       retail_prices={"grain": 2.0, "cloth": 2.0}),
                             n_workers=10)
    xacc = ne.exchange_account(eco, peasants, {"grain": 0.5, "cloth": 1.0}, bench)
    return ne, acc, xacc


def test_surplus_figure_draws_a_surplus_account_in_hours_or_money() -> None:
    _, acc, _ = _accounts()
    # hours: peasants 5, workers 40 (state left out); money at μ = 2: 10 and 80
    ax = plotting.surplus_figure(acc, source="model").axes[0]
    assert [p.get_height() for p in ax.patches] == [5.0, 40.0, 0.0]
    ax = plotting.surplus_figure({"1928": acc}, unit="money", source="model").axes[0]
    assert [p.get_height() for p in ax.patches] == [10.0, 80.0, 0.0]


@pytest.mark.parametrize("figure", ["surplus_figure", "scissors_figure", "earners_figure",
                                    "extraction_figure", "variants_figure"])
def test_figures_refuse_a_result_of_another_kind_naming_it(figure) -> None:
    ne, _, xacc = _accounts()
    for wrong in (xacc, ne.tribute(xacc), ne.earners_needed(1, 0.5)):
        with pytest.raises(PlotDataError, match=type(wrong).__name__) as info:
            getattr(plotting, figure)(wrong)
        assert "expected" in str(info.value)


def test_surplus_figure_names_the_result_it_wants() -> None:
    _, _, xacc = _accounts()
    with pytest.raises(PlotDataError, match=r"SurplusAccount.*got ExchangeAccount"):
        plotting.surplus_figure(xacc)
    with pytest.raises(PlotDataError, match=r"1932.*got ExchangeAccount"):
        plotting.surplus_figure({"1932": xacc})
