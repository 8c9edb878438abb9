"""Your own input-output table from a CSV file: labour values by kind and multipliers.

The CSV (``examples/data/town_country_table.csv``) holds one row per sector: the flows it
sells to every sector (one column per buying sector), its gross output, and the hours of
peasant and of industrial labour it uses. The numbers are illustrative. Replace the file
with your own table: the sector names in the first column and the flow column headers
must match.

Method: A = Z diag(x)^-1, L = H diag(x)^-1, λ = l (I - A)^-1 (Leontief 1966; Miller & Blair
2009, ch. 2).
"""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import nonequivalent as ne

CSV = Path(__file__).resolve().parent / "data" / "town_country_table.csv"

table = pd.read_csv(CSV, comment="#", index_col="sector")
sectors = table.index
flows = table[list(sectors)]
gross_output = table["gross_output"]
hours = table[["peasant_hours", "worker_hours"]].T.rename(
    index={"peasant_hours": "peasant", "worker_hours": "worker"})

eco = ne.Economy.from_flows(flows, gross_output, hours)
print(eco.summary())
print()

final_demand = gross_output - flows.sum(axis=1)
print("Final demand implied by the table (gross output minus intermediate sales):")
print(final_demand.round(2).to_string())
print()

by_kind = eco.labour_values(by_kind=True)
values = eco.labour_values()
print("Labour values, hours per rouble of output, by kind:")
print(by_kind.round(4).to_string())
print()
print("Share of peasant labour in the value of each good:")
print((by_kind.loc["peasant"] / values).round(3).to_string())
print()
print("Employment multipliers (hours per rouble of final demand) and output multipliers:")
print(pd.DataFrame({"hours": eco.employment_multipliers(),
                    "output": eco.output_multipliers()}).round(3).to_string())

# Check: the labour embodied in final demand equals the hours worked (λ·y = l·x).
embodied = float(values @ final_demand)
worked = float(hours.to_numpy().sum())
print()
print(f"Labour embodied in final demand: {embodied:.2f} million hours; "
      f"hours worked: {worked:.2f} million")
if not np.isclose(embodied, worked):
    raise SystemExit("the table does not balance: λ·y differs from l·x")

fig, ax = plt.subplots(figsize=(7, 4))
by_kind.T.plot.bar(stacked=True, ax=ax, color=["#7a8b2f", "#b2282e"])
ax.set_ylabel("hours per rouble of output")
ax.set_xlabel("")
ax.set_title("Labour embodied per rouble of output, by kind of labour")
ax.tick_params(axis="x", rotation=0)
fig.text(0.01, 0.01, "Source: illustrative table, examples/data/town_country_table.csv",
         fontsize=7)
fig.tight_layout(rect=(0, 0.04, 1, 1))
fig.savefig("labour_values_by_kind.png", dpi=120)
print("Figure saved to labour_values_by_kind.png")
