"""Writes EXIOBASE 3 archives with synthetic numbers, for tests that must not download.

The labels are EXIOBASE 3's: its 49 regions (in EXIOBASE's order), its 200 products and 7
final-demand categories as pymrio ships them (``pymrio/mrio_models/exio3_pxp``), and the
satellite rows of EXIOBASE 3.8.x (value added by component, employment and employment
hours by skill and gender, a few emissions). The archive is laid out as the public one:
``IOT_<year>_pxp.zip`` holding ``IOT_<year>_pxp/`` with ``file_parameters.json``,
``A.txt``, ``Z.txt``, ``Y.txt``, ``x.txt``, ``unit.txt`` and ``satellite/`` with ``F.txt``,
``F_hh.txt`` (direct final-demand rows, as 3.8.x names them) and ``unit.txt``; it is
written by pymrio's own ``save_all`` and ``archive``. The numbers are synthetic.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

#: EXIOBASE 3's 49 regions, in its order.
EXIOBASE_REGIONS = ("AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO "
                    "SE SI SK GB US JP CN CA KR BR IN MX RU AU CH TR TW NO ID ZA WA WL WE WF "
                    "WM").split()

_COMP = "Compensation of employees; wages, salaries, & employers' social contributions: "
SKILLS = ("Low-skilled", "Medium-skilled", "High-skilled")
#: The satellite rows written, with units, in EXIOBASE 3.8.x's order (a few emissions only).
SATELLITE_ROWS = (
    [("Taxes less subsidies on products purchased: Total", "M.EUR"),
     ("Other net taxes on production", "M.EUR")]
    + [(_COMP + s, "M.EUR") for s in SKILLS]
    + [("Operating surplus: Consumption of fixed capital", "M.EUR"),
       ("Operating surplus: Rents on land", "M.EUR"),
       ("Operating surplus: Royalties on resources", "M.EUR"),
       ("Operating surplus: Remaining net operating surplus", "M.EUR")]
    + [(f"Employment: {s} {g}", "1000 p") for s in SKILLS for g in ("male", "female")]
    + [(f"Employment hours: {s} {g}", "M.hr") for s in SKILLS for g in ("male", "female")]
    + [("Employment: Vulnerable employment", "1000 p"),
       ("Employment hours: Vulnerable employment", "M.hr"),
       ("CO2 - combustion - air", "kg"), ("CH4 - agriculture - air", "kg")])


def exiobase_products() -> list[str]:
    """EXIOBASE 3's 200 products, as pymrio ships them."""
    import pymrio

    path = Path(pymrio.__file__).parent / "mrio_models" / "exio3_pxp"
    return pd.read_csv(path / "sectors.tsv", sep="\t")["ExioName"].tolist()


def exiobase_final_demand() -> list[str]:
    """EXIOBASE 3's 7 final-demand categories, as pymrio ships them."""
    import pymrio

    path = Path(pymrio.__file__).parent / "mrio_models" / "exio3_pxp"
    return pd.read_csv(path / "finaldemand.tsv", sep="\t")["ExioName"].tolist()[:7]


def synthetic_table(regions: list[str], products: list[str], seed: int) -> dict:
    """Synthetic coefficients, demand and satellite totals on EXIOBASE's labels.

    Returns a dict with ``A``, ``Y`` (n x (R*7)), ``x``, ``hours`` and ``comp`` (3 x n
    totals by skill), ``F`` (the satellite rows x n) and the labels.
    """
    rng = np.random.default_rng(seed)
    R, m = len(regions), len(products)
    n = R * m
    A = rng.random((n, n)) * 0.05
    for r in range(R):
        A[r * m:(r + 1) * m, r * m:(r + 1) * m] *= 20.0
    A *= (rng.uniform(0.2, 0.6, n) / A.sum(axis=0))[None, :]
    cats = exiobase_final_demand()
    Y = rng.uniform(0.0, 1.0, (n, R * len(cats)))
    for r in range(R):
        Y[r * m:(r + 1) * m, r * len(cats)] += rng.uniform(10.0, 50.0, m)   # households
    x = np.linalg.solve(np.eye(n) - A, Y.sum(axis=1))
    north = np.repeat([reg in _NORTHISH for reg in regions], m)
    q = rng.uniform(0.05, 0.3, (3, n)) * np.where(north, 1.0, 6.0)          # hours per unit
    wage = rng.uniform(10.0, 40.0, (3, n)) * np.where(north, 1.0, 0.1) \
        * np.array([1.0, 1.5, 2.5])[:, None]
    hours = q * x[None, :]
    comp = hours * wage
    other = rng.uniform(0.02, 0.1, (6, n)) * x[None, :]
    F = np.vstack([other[:2], comp, other[2:],
                   hours.repeat(2, axis=0) / 2 / 1.8,                     # persons
                   hours.repeat(2, axis=0) / 2,                           # hours, m/f
                   rng.uniform(0.0, 1.0, (4, n)) * x[None, :]])
    return {"A": A, "Y": Y, "x": x, "hours": hours, "comp": comp, "F": F,
            "regions": regions, "products": products, "categories": cats}


# a rough high-wage set for the synthetic numbers only (any split gives valid tests)
_NORTHISH = set("AT BE CY CZ DE DK EE ES FI FR GR IE IT LU LV MT NL PT SE SI SK GB US JP "
                "CA KR AU CH TW NO".split())


def write_exiobase3(folder: str | Path, year: int, regions: list[str] | None = None,
                    products: list[str] | None = None, seed: int | None = None,
                    as_zip: bool = True) -> tuple[Path, dict]:
    """Write ``IOT_<year>_pxp.zip`` (or the folder) into ``folder``; return its path and
    the synthetic table it holds (:func:`synthetic_table`)."""
    import pymrio

    regions = list(regions or EXIOBASE_REGIONS)
    products = list(products or exiobase_products())
    t = synthetic_table(regions, products, year if seed is None else seed)
    idx = pd.MultiIndex.from_product([regions, products], names=["region", "sector"])
    ycols = pd.MultiIndex.from_product([regions, t["categories"]],
                                       names=["region", "category"])
    A = pd.DataFrame(t["A"], index=idx, columns=idx)
    io = pymrio.IOSystem(
        A=A, Z=A * t["x"][None, :], Y=pd.DataFrame(t["Y"], index=idx, columns=ycols),
        x=pd.DataFrame({"indout": t["x"]}, index=idx),
        unit=pd.DataFrame({"unit": "M.EUR"}, index=idx), name=f"IOT_{year}_pxp")
    rows = pd.Index([r for r, _ in SATELLITE_ROWS], name="stressor")
    F = pd.DataFrame(t["F"], index=rows, columns=idx)
    F_hh = pd.DataFrame(0.0, index=rows, columns=ycols)
    io.satellite = pymrio.Extension(
        name="satellite", F=F, F_Y=F_hh,
        unit=pd.DataFrame({"unit": [u for _, u in SATELLITE_ROWS]}, index=rows))
    name = f"IOT_{year}_pxp"
    folder = Path(folder)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / name
        io.save_all(root)
        sat = root / "satellite"
        (sat / "F_Y.txt").rename(sat / "F_hh.txt")             # EXIOBASE 3.8.x's name
        para = json.loads((sat / "file_parameters.json").read_text())
        para["files"]["F_hh"] = {**para["files"].pop("F_Y"), "name": "F_hh.txt"}
        (sat / "file_parameters.json").write_text(json.dumps(para, indent=4))
        if not as_zip:
            shutil.copytree(root, folder / name)
            return folder / name, t
        target = folder / f"{name}.zip"
        pymrio.archive(source=root, archive=target, path_in_arc=f"{name}/",
                       remove_source=False)
    return target, t
