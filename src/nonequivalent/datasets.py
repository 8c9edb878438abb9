"""Historical series on the Soviet town–country economy, 1913–1940, with their sources.

Every dataset is a tidy CSV file in ``nonequivalent/data/`` with one row per figure and the
columns of :data:`COLUMNS`:

``series``
    what is measured (e.g. ``western_low_estimate``);
``period``, ``year``
    the period as the source gives it (``"1923-10"``, ``"1929-1935"``, ``"1932 (lowered)"``)
    and an integer year for sorting and filtering (the first year of a span);
``value``, ``unit``
    the figure as the source states it, and its unit;
``low``, ``high``
    the range where the source gives one, or where sources disagree (the note says which);
    empty (NaN) where no range is given;
``confidence``
    ``high`` (statistical handbook or a scholarly work quoted directly), ``medium`` (a
    scholarly figure quoted at second hand, or approximate wording such as "about half"),
    ``low`` (a secondary web page without its underlying source, or a figure derived from
    wording);
``source``, ``url``
    author, work and page, table or section; a figure read on a web page is cited "as quoted
    in" that page, with the page's address;
``note``
    definitions, derivations and disagreements.

Only figures whose source was actually read are included; what is missing, and why, is listed
in the documentation page *Historical data* (``docs/data.md``). Nothing here is a calibration
assumption: the calibrated parameters live in :mod:`nonequivalent.scenarios`, each labelled as
historical or assumed.

The background article is W. Z. Goldman, "Blood on the Red Banner: Primitive Accumulation in
the World's First Socialist State", *International Review of Social History* (online 16 March
2022), open access under CC BY 4.0; the dataset ``goldman_2022`` collects its figures.

>>> from nonequivalent import datasets
>>> "grain_harvest" in datasets.list().index
True
>>> df = datasets.load("grain_harvest", series="western_low_estimate")
>>> df.loc[df.year == 1932, ["value", "low", "high"]].iloc[0].tolist()
[56.0, 50.4, 61.6]
>>> df.attrs["title"]
'Grain harvest estimates, 1909-1940 (several series)'
"""

from __future__ import annotations

import builtins
import csv
import dataclasses
import functools
import io
import math
from importlib import resources

import numpy as np
import pandas as pd

from .errors import DatasetError

__all__ = ["COLUMNS", "CONFIDENCE_LEVELS", "DatasetInfo", "info", "list_datasets", "load"]

#: Columns of every dataset file, in order.
COLUMNS: tuple[str, ...] = ("series", "period", "year", "value", "unit", "low", "high",
                            "confidence", "source", "url", "note")

#: Allowed values of the ``confidence`` column.
CONFIDENCE_LEVELS: tuple[str, ...] = ("high", "medium", "low")


@dataclasses.dataclass(frozen=True)
class DatasetInfo:
    """Catalogue entry of one dataset.

    Parameters
    ----------
    name : str
        Name used by :func:`load` (also the file stem in ``nonequivalent/data``).
    title : str
        One-line title.
    description : str
        What the dataset holds and how to read it.

    Examples
    --------
    >>> from nonequivalent import datasets
    >>> datasets.info("scissors_1923").file
    'scissors_1923.csv'
    """

    name: str
    title: str
    description: str

    @property
    def file(self) -> str:
        """File name inside ``nonequivalent/data``."""
        return f"{self.name}.csv"

    def __str__(self) -> str:
        return f"{self.name}: {self.title}"


_CATALOGUE: dict[str, DatasetInfo] = {
    d.name: d for d in (
        DatasetInfo(
            "scissors_1923", "Price scissors 1923-1924: industrial and agricultural indices",
            "Industrial and agricultural price indices (1913 = 100) at the peak of the scissors "
            "(October 1923) and after the price cuts (April 1924), the derived scissors ratio, "
            "Dobb's terms-of-exchange ratio for September 1923, and the April 1929 retail price "
            "indices of state and co-operative trade."),
        DatasetInfo(
            "waged_workers", "Waged workers (workers and employees) by year, 1913-1940",
            "Annual average numbers of workers and employees and of manual workers from the "
            "TsSU jubilee yearbook (1913, 1926, 1928, 1932, 1937, 1940); Goldman's 1929 and "
            "1933 figures from Trud v SSSR (1936); entrants 1929-1932; and a second, lower "
            "series of persons employed (1932, 1937, 1940)."),
        DatasetInfo(
            "women_share", "Women's share of waged workers by branch, 1929-1956",
            "Share of women among workers and employees, all branches and by branch, in 1929, "
            "1933, 1 January 1940, 1 October 1945 and 1956; women's share of new hires and of "
            "new entrants to industry, 1929-1935 (Goldman)."),
        DatasetInfo(
            "real_wages", "Real-wage estimates, 1928 = 100, by author",
            "Real wages of workers relative to 1928 according to several authors: Goldman "
            "(2022), Schwarz and Jasny, Zaleski, Filtzer, Allen and Khaustova; and the official "
            "1932-1940 rise (base 1932). The estimates disagree; compare them by year."),
        DatasetInfo(
            "money_wages", "Average annual money wages, 1932-1940",
            "Nominal average annual wages of workers and employees (1932, 1940) and of four "
            "industrial groups (1936, 1937 plan and actual)."),
        DatasetInfo(
            "grain_harvest", "Grain harvest estimates, 1909-1940 (several series)",
            "Official estimates of the 1930s, revised Soviet estimates and Western 'low' "
            "estimates (Wheatcroft and Davies 1994, with stated error bands as low/high); the "
            "official figures as reported in the 1934 press; the 1931 harvest plan targets."),
        DatasetInfo(
            "grain_procurement_exports", "Grain procurement targets and exports, 1927-1933",
            "Procurement plans for 1931 and 1932 (initial and lowered), the 1927 collapse of "
            "procurements (and Stalin's January 1928 figures), grain exports 1930-1931 in "
            "tonnes and rubles (sources disagree on 1930), grain's share of currency "
            "receipts 1929-1932, grain taken from Ukraine."),
        DatasetInfo(
            "procurement_prices_1928", "State procurement and free-market grain prices, 1928",
            "Official procurement prices and free-market prices of wheat and rye in the winter "
            "of 1928 (rubles per pud), their ratios, and the price rises peasants demanded."),
        DatasetInfo(
            "goldman_2022", "Figures from Goldman (2022), 'Blood on the Red Banner'",
            "The quantitative statements of the background article, each with the section and "
            "the footnote (and the work that footnote cites)."),
        DatasetInfo(
            "accumulation_sources", "Who financed Soviet industrial investment: Harrison's bounds",
            "Harrison's (1981-82) upper bounds on the share of annual industrial investment "
            "financed by the agricultural surplus (one third from 1929, one fifth from 1932), "
            "and Goldman's (2022) summary that the workers bore about two thirds."),
        DatasetInfo(
            "class_structure", "Class structure of the population, 1913-1939",
            "Shares of workers and employees, collective farmers, individual peasants and the "
            "propertied classes in the population (1913, 1928, 1932, 1937), and the numbers of "
            "hired farm workers, collective farmers and independent peasants in 1939."),
    )
}


def list_datasets() -> pd.DataFrame:
    """The available datasets, one row each.

    Returns
    -------
    DataFrame
        Indexed by dataset name, with columns ``title``, ``rows``, ``series`` (number of
        distinct series), ``years`` (first–last year) and ``description``.

    Examples
    --------
    >>> from nonequivalent import datasets
    >>> cat = datasets.list()
    >>> int(cat.loc["procurement_prices_1928", "rows"])
    8
    """
    records = []
    for name, meta in _CATALOGUE.items():
        df = load(name)
        records.append({"name": name, "title": meta.title, "rows": len(df),
                        "series": df["series"].nunique(),
                        "years": f"{df['year'].min()}-{df['year'].max()}",
                        "description": meta.description})
    return pd.DataFrame.from_records(records).set_index("name")


#: Alias of :func:`list_datasets` (``nonequivalent.datasets.list()``).
list = list_datasets


def info(name: str) -> DatasetInfo:
    """Catalogue entry of dataset ``name``.

    Raises
    ------
    DatasetError
        Unknown name; the message lists the available names.

    Examples
    --------
    >>> from nonequivalent import datasets
    >>> print(datasets.info("real_wages"))
    real_wages: Real-wage estimates, 1928 = 100, by author
    """
    try:
        return _CATALOGUE[name]
    except (KeyError, TypeError):
        raise DatasetError(
            f"unknown dataset {name!r}; available datasets: {sorted(_CATALOGUE)}."
        ) from None


def load(name: str, series: str | builtins.list[str] | None = None) -> pd.DataFrame:
    """Load a dataset as a tidy DataFrame with its citation in ``DataFrame.attrs``.

    Parameters
    ----------
    name : str
        A name from :func:`list_datasets`.
    series : str or list of str, optional
        Keep only these series.

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS`; ``year`` is int, ``value``, ``low``, ``high`` are float
        (``low``/``high`` NaN where the source gives no range), the others strings.
        ``attrs`` holds ``name``, ``title``, ``description`` and ``citation`` (the distinct
        sources of the rows returned, in order of first appearance).

    Raises
    ------
    DatasetError
        Unknown dataset or series (the message lists the available ones), or a malformed
        file (naming the file, the row and the problem).

    Examples
    --------
    >>> from nonequivalent import datasets
    >>> p = datasets.load("procurement_prices_1928")
    >>> float(p.set_index("series").loc["market_price_wheat", "value"])
    2.2
    >>> datasets.load("real_wages", series="zaleski")["value"].tolist()
    [43.0]
    """
    meta = info(name)
    df = _read(meta.file).copy()   # the cached frame stays as parsed
    if series is not None:
        if isinstance(series, str):
            wanted = [series]
        elif isinstance(series, builtins.list | tuple) and all(isinstance(s, str)
                                                               for s in series):
            wanted = builtins.list(series)
        else:
            raise DatasetError(f"series must be a name or a list of names (strings), got "
                               f"{series!r}.")
        known = builtins.list(dict.fromkeys(df["series"]))
        unknown = [s for s in wanted if s not in known]
        if unknown:
            raise DatasetError(
                f"dataset {name!r} has no series {unknown}; its series are: {known}.")
        df = df[df["series"].isin(wanted)].reset_index(drop=True)
    df.attrs = {
        "name": meta.name,
        "title": meta.title,
        "description": meta.description,
        "citation": builtins.list(dict.fromkeys(df["source"])),
    }
    return df


@functools.cache
def _read(file: str) -> pd.DataFrame:
    """The parsed file, read once per process (callers copy it before changing it)."""
    text = resources.files("nonequivalent").joinpath("data", file).read_text(encoding="utf-8")
    return _parse(text, file)


def _parse(text: str, file: str) -> pd.DataFrame:
    """Parse and check the text of a dataset file (``file`` names it in messages)."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise DatasetError(f"dataset file {file!r} is empty.") from None
    if tuple(header) != COLUMNS:
        raise DatasetError(f"dataset file {file!r} has columns {header}; expected "
                           f"{builtins.list(COLUMNS)}.")
    records = []
    for lineno, row in enumerate(reader, start=2):
        if len(row) != len(COLUMNS):
            raise DatasetError(f"{file!r} line {lineno}: {len(row)} fields, expected "
                               f"{len(COLUMNS)}.")
        rec = dict(zip(COLUMNS, row, strict=True))
        records.append(_check_row(rec, file, lineno))
    df = pd.DataFrame.from_records(records, columns=builtins.list(COLUMNS))
    df["year"] = df["year"].astype(np.int64)
    for col in ("value", "low", "high"):
        df[col] = df[col].astype(float)
    return df


def _number(text: str, what: str, file: str, lineno: int, *, optional: bool) -> float:
    if text == "":
        if optional:
            return math.nan
        raise DatasetError(f"{file!r} line {lineno}: {what} is empty.")
    try:
        x = float(text)
    except ValueError:
        raise DatasetError(f"{file!r} line {lineno}: {what} {text!r} is not a number.") from None
    if not math.isfinite(x):
        raise DatasetError(f"{file!r} line {lineno}: {what} {text!r} is not finite.")
    return x


def _check_row(rec: dict[str, str], file: str, lineno: int) -> dict[str, object]:
    for col in ("series", "period", "unit", "source"):
        if not rec[col].strip():
            raise DatasetError(f"{file!r} line {lineno}: column {col!r} is empty; every "
                               "figure needs it.")
    if rec["confidence"] not in CONFIDENCE_LEVELS:
        raise DatasetError(f"{file!r} line {lineno}: confidence {rec['confidence']!r} is not "
                           f"one of {builtins.list(CONFIDENCE_LEVELS)}.")
    try:
        year = int(rec["year"])
    except ValueError:
        raise DatasetError(f"{file!r} line {lineno}: year {rec['year']!r} is not an "
                           "integer.") from None
    value = _number(rec["value"], "value", file, lineno, optional=False)
    low = _number(rec["low"], "low", file, lineno, optional=True)
    high = _number(rec["high"], "high", file, lineno, optional=True)
    if (not math.isnan(low) and low > value) or (not math.isnan(high) and value > high):
        raise DatasetError(f"{file!r} line {lineno}: value {value} lies outside its range "
                           f"[{rec['low']}, {rec['high']}].")
    out: dict[str, object] = dict(rec)
    out.update(year=year, value=value, low=low, high=high)
    return out
