"""Tests of the historical datasets: every row sourced, ranges consistent, errors clear."""

from __future__ import annotations

from importlib import resources

import numpy as np
import pandas as pd
import pytest

import nonequivalent as ne
from nonequivalent import datasets

NAMES = list(datasets.list_datasets().index)

HEADER = ",".join(datasets.COLUMNS)
GOOD_ROW = "s,1928,1928,1.0,unit,0.5,2.0,high,Author (2000) p. 1,,"


def test_catalogue_matches_files():
    files = {p.name for p in resources.files("nonequivalent").joinpath("data").iterdir()
             if p.name.endswith(".csv")}
    assert files == {datasets.info(n).file for n in NAMES}
    assert len(NAMES) >= 10


@pytest.mark.parametrize("name", NAMES)
def test_every_row_sourced_and_consistent(name):
    df = datasets.load(name)
    assert tuple(df.columns) == datasets.COLUMNS
    assert len(df) > 0
    assert (df["source"].str.strip() != "").all()
    assert (df["unit"].str.strip() != "").all()
    assert df["confidence"].isin(datasets.CONFIDENCE_LEVELS).all()
    assert np.isfinite(df["value"]).all()
    low_given, high_given = df["low"].notna(), df["high"].notna()
    assert (df.loc[low_given, "low"] <= df.loc[low_given, "value"]).all()
    assert (df.loc[high_given, "value"] <= df.loc[high_given, "high"]).all()
    assert df["year"].between(1900, 1960).all()
    assert df.attrs["name"] == name
    assert df.attrs["citation"] == list(dict.fromkeys(df["source"]))
    assert df.attrs["title"] == datasets.info(name).title


def test_list_alias_and_columns():
    cat = datasets.list()
    assert list(cat.columns) == ["title", "rows", "series", "years", "description"]
    assert cat.loc["grain_harvest", "rows"] == len(datasets.load("grain_harvest"))


def test_submodule_is_lazy_attribute():
    assert ne.datasets is datasets


def test_unknown_dataset_lists_names():
    with pytest.raises(ne.DatasetError) as exc:
        datasets.load("grain_harvest_1999")
    msg = str(exc.value)
    assert "grain_harvest_1999" in msg
    for name in NAMES:
        assert name in msg
    assert isinstance(exc.value, KeyError)


def test_unknown_series_lists_series():
    with pytest.raises(ne.DatasetError, match="western_low_estimate"):
        datasets.load("grain_harvest", series=["no_such_series"])


def test_series_filter_keeps_order_and_citation():
    df = datasets.load("real_wages", series=["zaleski", "schwarz_jasny"])
    assert set(df["series"]) == {"zaleski", "schwarz_jasny"}
    assert all("Filtzer" in s for s in df.attrs["citation"])


def test_grain_harvest_1932_disagreement():
    # Official 1930s figure 69.8; Wheatcroft and Davies' western low estimate 56 +/- 10 %,
    # i.e. 56 * 0.9 = 50.4 to 56 * 1.1 = 61.6: the official figure lies above that band.
    df = datasets.load("grain_harvest")
    y32 = df[df.year == 1932].set_index("series")
    assert y32.loc["soviet_estimate_1930s", "value"] == 69.8
    west = y32.loc["western_low_estimate"]
    assert (west["low"], west["value"], west["high"]) == (50.4, 56.0, 61.6)
    assert y32.loc["soviet_estimate_1930s", "value"] > west["high"]


def test_derived_rows_match_their_inputs():
    # Ratios stated as derived in the notes must equal the ratio of the rows they come from.
    p = datasets.load("procurement_prices_1928").set_index("series")["value"]
    assert p["market_to_official_ratio_wheat"] == round(p["market_price_wheat"]
                                                        / p["official_price_wheat"], 2)
    assert p["market_to_official_ratio_rye"] == round(p["market_price_rye"]
                                                      / p["official_price_rye"], 2)
    s = datasets.load("scissors_1923")
    val = s.set_index(["series", "period"])["value"]
    for period in ("1923-10", "1924-04"):
        ratio = val[("industrial_price_index", period)] / val[("agricultural_price_index",
                                                                period)]
        assert val[("scissors_ratio", period)] == round(ratio, 2)


def test_workers_grew_and_goldman_counts_agree_in_size():
    w = datasets.load("waged_workers", series="workers_and_employees").set_index("year")["value"]
    assert w.loc[1932] > 2 * w.loc[1928]          # 24.2 vs 11.4 million
    g = datasets.load("goldman_2022", series="waged_workers").set_index("year")["value"]
    assert g.loc[1929] == 11.9 and g.loc[1933] == 22.6


def test_goldman_arrest_figures_disagree_and_are_ranged():
    row = datasets.load("goldman_2022", series="nkvd_arrests").iloc[0]
    assert (row["low"], row["value"], row["high"]) == (1575259, 1605259, 1605259)


def test_real_wage_estimates_below_1928():
    df = datasets.load("real_wages")
    base28 = df[df["unit"] == "index, 1928 = 100"]
    assert (base28["value"] < 100).all()
    assert set(base28["series"]) >= {"goldman_2022", "zaleski", "schwarz_jasny"}


@pytest.mark.parametrize(
    ("row", "match"),
    [
        ("s,1928,1928,1.0,unit,,,high,,,", "'source' is empty"),
        ("s,1928,1928,3.0,unit,0.5,2.0,high,A,,", "outside its range"),
        ("s,1928,1928,1.0,unit,,,certain,A,,", "confidence 'certain'"),
        ("s,1928,19x8,1.0,unit,,,high,A,,", "year '19x8'"),
        ("s,1928,1928,lots,unit,,,high,A,,", "value 'lots' is not a number"),
        ("s,1928,1928,inf,unit,,,high,A,,", "not finite"),
        ("s,1928,1928,1.0,unit,,,high,A", "fields"),
    ],
)
def test_malformed_rows_raise(row, match):
    with pytest.raises(ne.DatasetError, match=match) as exc:
        datasets._parse(f"{HEADER}\n{GOOD_ROW}\n{row}\n", "bad.csv")
    assert "'bad.csv' line 3" in str(exc.value)


def test_malformed_header_and_empty_file():
    with pytest.raises(ne.DatasetError, match="columns"):
        datasets._parse("series,value\n", "bad.csv")
    with pytest.raises(ne.DatasetError, match="empty"):
        datasets._parse("", "bad.csv")


def test_good_text_parses():
    df = datasets._parse(f"{HEADER}\n{GOOD_ROW}\n", "ok.csv")
    assert isinstance(df, pd.DataFrame)
    assert df.loc[0, "value"] == 1.0
    assert df.loc[0, "url"] == ""
    assert (df.loc[0, "low"], df.loc[0, "high"]) == (0.5, 2.0)


@pytest.mark.parametrize("series", [5, [5], {"a": 1}, b"x", 1.5])
def test_series_must_be_names(series) -> None:
    name = datasets.list_datasets().index[0]
    with pytest.raises(ne.DatasetError, match="series"):
        datasets.load(name, series=series)
