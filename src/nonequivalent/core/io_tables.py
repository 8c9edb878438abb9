"""Real national input-output tables shipped with the library, with their sources.

:func:`load_io_table` reads a table from ``nonequivalent/data/io/`` (a CSV of the published
table and a TOML file of its metadata: source, address, licence, units, how it was
prepared) into an :class:`IOTable`: the inter-product flows, the final-demand columns, the
primary-input rows and the table's own published totals, which :meth:`IOTable.check_totals`
compares with the sums of the parts.

Tables
------
``uk_ioat_2015``
    Office for National Statistics, *UK input-output analytical tables, 2015*, domestic
    use at basic prices, product by product (129 products, £ million), Open Government
    Licence v3.0. Labour: compensation of employees only (no hours); no capital stocks.

>>> from nonequivalent.core.io_tables import load_io_table
>>> uk = load_io_table("uk_ioat_2015")
>>> uk
IOTable('uk_ioat_2015': 129 products, 2015, £ million, current prices)
>>> round(float(uk.gross_output.sum()))     # published total output of the 129 products
3238681
"""

from __future__ import annotations

import dataclasses
import functools
import io
import tomllib
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result
from ..errors import DatasetError

__all__ = ["IO_TABLES", "IOTable", "load_io_table"]

#: Tables available to :func:`load_io_table`.
IO_TABLES: tuple[str, ...] = ("uk_ioat_2015",)

_FINAL = ["households", "npish", "central_government", "local_authorities", "gfcf",
          "valuables", "inventories", "exports_goods_eu", "exports_goods_non_eu",
          "exports_services_eu", "exports_services_non_eu"]
_PRIMARY = ["imports", "taxes_on_products", "taxes_on_production",
            "compensation_of_employees", "gross_operating_surplus"]


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class IOTable(Result):
    """A published input-output table (product by product), its parts and its totals.

    Every pandas attribute is returned as a copy. Units are the table's (``meta["units"]``).

    Attributes
    ----------
    name : str
    meta : dict
        ``title``, ``year``, ``units``, ``source``, ``url``, ``licence``, ``derivation``,
        ``labour``, ``capital``.
    """

    name: str
    meta: dict[str, Any]
    _table: pd.DataFrame

    _title = "Input-output table"

    @property
    def products(self) -> pd.Index:
        """Product codes (the table's own)."""
        return self._table.index[: self._n].copy()

    @property
    def _n(self) -> int:
        return int(np.flatnonzero(self._table.index == "total_consumption")[0])

    @property
    def labels(self) -> pd.Series:
        """Product names by code."""
        return self._table["label"].iloc[: self._n].copy()

    @property
    def flows(self) -> pd.DataFrame:
        """Inter-product flows ``Z`` (row product used to make column product)."""
        codes = self.products
        return self._table.loc[codes, list(codes)].astype(float).copy()

    @property
    def final_demand(self) -> pd.DataFrame:
        """Final demand for domestic products by category (households ... exports)."""
        return self._table.loc[self.products, _FINAL].astype(float).copy()

    @property
    def primary_inputs(self) -> pd.DataFrame:
        """Rows below the flows: imports, taxes, compensation of employees, surplus."""
        return self._table.loc[_PRIMARY, list(self.products)].astype(float).copy()

    @property
    def gross_output(self) -> pd.Series:
        """Published total output by product (the table's ``Total Output`` row)."""
        return self._table.loc["total_output", list(self.products)].astype(float).rename(
            "gross output")

    @property
    def compensation_of_employees(self) -> pd.Series:
        """The wage bill by product (the only labour row of the table)."""
        return self._table.loc["compensation_of_employees", list(self.products)].astype(
            float).rename("compensation of employees")

    def published_totals(self) -> dict[str, pd.Series]:
        """The table's own totals: ``total_output`` (row), ``total_demand`` (column),
        ``total_intermediate`` (column) and ``total_consumption`` (row)."""
        p = list(self.products)
        t = self._table
        return {"total_output": t.loc["total_output", p].astype(float),
                "total_demand": t.loc[p, "total_demand"].astype(float),
                "total_intermediate": t.loc[p, "total_intermediate"].astype(float),
                "total_consumption": t.loc["total_consumption", p].astype(float)}

    def check_totals(self) -> pd.Series:
        """Largest absolute gap between each published total and the sum of its parts.

        ``total_demand`` = flows row sum + final demand; ``total_output`` = flows column
        sum + primary inputs; ``total_intermediate`` and ``total_consumption`` = the flows'
        row and column sums; ``output = demand``: total output equals total demand for
        every product (Miller and Blair, *Input-Output Analysis*, 2009, §2.2).
        """
        Z = self.flows.to_numpy()
        pub = {k: v.to_numpy() for k, v in self.published_totals().items()}
        gaps = {
            "total_demand": Z.sum(1) + self.final_demand.to_numpy().sum(1) - pub["total_demand"],
            "total_output": Z.sum(0) + self.primary_inputs.to_numpy().sum(0)
            - pub["total_output"],
            "total_intermediate": Z.sum(1) - pub["total_intermediate"],
            "total_consumption": Z.sum(0) - pub["total_consumption"],
            "output = demand": pub["total_output"] - pub["total_demand"],
        }
        return pd.Series({k: float(np.abs(v).max()) for k, v in gaps.items()},
                         name=f"largest gap ({self.meta['units']})")

    def economy(self) -> Any:
        """The table as an :class:`~nonequivalent.Economy` (``A = Z diag(x)⁻¹``).

        The labour row is compensation of employees per unit of output (``"wages"``, £
        of wages per £ of output: the table has no hours), and the final demand is the
        table's total final demand for domestic products (W. Leontief, *Input-Output
        Economics*, 1966; Miller and Blair 2009, eq. 2.4).
        """
        from .economy import Economy

        x = self.gross_output.to_numpy()
        # A = Z diag(x)^-1 directly: Economy.from_flows refuses a product whose deliveries
        # exceed its output (final demand < 0), which a published table may have (23.5-6,
        # cement, through a fall in inventories)
        A = self.flows.to_numpy() / x
        wages = self.compensation_of_employees.to_numpy() / x
        return Economy(A, {"wages": wages}, sectors=list(self.products),
                       final_demand=self.final_demand.sum(axis=1).to_numpy())

    def key_figures(self) -> list[tuple[str, Any, str]]:
        """Size and totals."""
        return [("products", self._n, ""), ("year", self.meta["year"], ""),
                ("total output", float(self.gross_output.sum()), self.meta["units"])]

    def __repr__(self) -> str:
        return (f"IOTable({self.name!r}: {self._n} products, {self.meta['year']}, "
                f"{self.meta['units']})")

    def summary(self) -> str:
        """Title, size, source and licence."""
        return "\n".join([f"{self.meta['title']} ({self.name})",
                          f"{self._n} products; {self.meta['units']}",
                          f"source: {self.meta['source']}", f"url: {self.meta['url']}",
                          f"licence: {self.meta['licence']}",
                          f"labour: {self.meta['labour']}", f"capital: {self.meta['capital']}"])

    __str__ = summary


def load_io_table(name: str = "uk_ioat_2015") -> IOTable:
    """Load a shipped input-output table (see the module docstring for the list).

    Raises
    ------
    DatasetError
        Unknown name (the message lists the available tables).
    """
    if name not in IO_TABLES:
        raise DatasetError(f"unknown input-output table {name!r}; available: "
                           f"{list(IO_TABLES)}.")
    table, meta = _read(name)
    return IOTable(name, dict(meta), table.copy())


@functools.cache
def _read(name: str) -> tuple[pd.DataFrame, dict[str, Any]]:
    base = resources.files("nonequivalent").joinpath("data", "io")
    meta = tomllib.loads(base.joinpath(f"{name}.toml").read_text(encoding="utf-8"))
    text = base.joinpath(f"{name}.csv").read_text(encoding="utf-8")
    table = pd.read_csv(io.StringIO(text), dtype={"code": str}, keep_default_na=False)
    table = table.set_index("code")
    return table, meta
