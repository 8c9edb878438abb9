"""Prepare ``nonequivalent/data/io/uk_ioat_2015.csv`` from the ONS workbook (run once).

Source: Office for National Statistics, *UK input-output analytical tables, 2015*
(product by product, consistent with Blue Book 2018), file ``2015detailedioatsbb18.xls``,
sheet ``IOT`` ("Input-Output table (domestic use, basic prices, product by product)",
£ million), https://www.ons.gov.uk/economy/nationalaccounts/supplyandusetables/datasets/
ukinputoutputanalyticaltablesdetailed; Open Government Licence v3.0. A copy of the workbook
is in the public repository ``wc22m/ukgreen`` (``iouk/2015detailedioatsbb18.xls``), which
is where this script was run from.

The sheet's block (129 product rows and the 7 rows below them; 129 product columns, total
intermediate demand, 11 final-demand columns and total demand) is written as it is,
rounded to 4 decimals (£100; ONS publishes to £1 million), with the product codes as
column keys. Nothing is recomputed: the published totals stay in the file, so that the
loader's tests can check the table against them.

Reading ``.xls`` needs ``xlrd`` (``pip install xlrd``), which the library does not need.

    python scripts/prepare_uk_ioat_2015.py path/to/2015detailedioatsbb18.xls
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

FD_KEYS = ["total_intermediate", "households", "npish", "central_government",
           "local_authorities", "gfcf", "valuables", "inventories", "exports_goods_eu",
           "exports_goods_non_eu", "exports_services_eu", "exports_services_non_eu",
           "total_demand"]
PRIMARY_KEYS = ["total_consumption", "imports", "taxes_on_products",
                "taxes_on_production", "compensation_of_employees",
                "gross_operating_surplus", "total_output"]


def main(path: str) -> None:
    import xlrd

    sheet = xlrd.open_workbook(path).sheet_by_name("IOT")
    codes = [str(c).strip() for c in sheet.row_values(5)[2:131]]
    header = ["code", "label", *codes, *FD_KEYS]
    out = Path(__file__).resolve().parents[1] / "src/nonequivalent/data/io/uk_ioat_2015.csv"
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in range(7, 143):
            row = sheet.row_values(r)
            code = str(row[0]).strip() or PRIMARY_KEYS[r - 136]
            label = " ".join(str(row[1]).split())
            cells = []
            for v in row[2:144]:
                v = round(float(v or 0.0), 4) + 0.0
                cells.append(f"{v:.4f}".rstrip("0").rstrip(".") if v else "0")
            w.writerow([code, label, *cells])
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv[1])
