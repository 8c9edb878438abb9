"""Three courses for the first Five-Year Plan, solved on one linear-programming model.

NEP continuation (Bukharin): slow tempo, consumption first, procurement prices at parity.
The left course (Preobrazhensky): heavy industry funded by price policy, floors kept.
The 1929 maximum variant: forced procurement, livestock losses, the real-wage floor halved.

The three are the library's built-in variants (``nonequivalent.planning.variants``), applied
to one calibrated three-sector multi-year plan; every coefficient of that plan is a
calibration assumption, not a historical record. Each plan is a PuLP model solved by HiGHS.
The script prints the comparison table, the hours each group gives in each variant, the
trade-off between the real-wage floor and heavy-industry capacity, and saves two figures.

Sources: N. Bukharin, "Notes of an Economist" (Pravda, 30 September 1928); E. Preobrazhensky,
The New Economics (1926); E. Zaleski, Planning for Economic Growth in the Soviet Union,
1918-1932 (1971); L. V. Kantorovich, The Best Use of Economic Resources (1959); W. Z. Goldman,
"Blood on the Red Banner", International Review of Social History (2022), CC BY 4.0.
"""

import dataclasses

import matplotlib

matplotlib.use("Agg")

import pandas as pd

import nonequivalent as ne
from nonequivalent import plotting

for variant in ne.BUILTIN_VARIANTS:
    print(f"{variant.name}: {variant.description}")
    print(f"  source: {variant.source}")
print()

comparison = ne.compare()
print("The three courses on the same model:")
print(comparison.table.T.round(3).to_string())
comparison.figure.savefig("plan_variants_compare.png", dpi=120)
print("Figure saved to plan_variants_compare.png")
print()

results = comparison.results  # the solved plans, by variant name
for name, res in results.items():
    print(f"{name}: hours given and received by group, 1928-1932")
    print(ne.plan_labour_account(res).round(2).to_string())
    print()

# Capacity and consumption paths, in labour values, 1928 = 100.
paths = {}
for name, res in results.items():
    plan = res.plan
    lam = plan.economy.values_array
    capacity = pd.Series(lam @ res.capacity.to_numpy(), index=res.capacity.columns)
    baskets = {"workers": pd.Series(plan.worker_basket), "peasants": pd.Series(plan.peasant_basket)}
    consumption = sum(
        res.consumption.loc[g] * float(lam @ baskets[g].reindex(plan.economy.sectors,
                                                                fill_value=0.0).to_numpy())
        for g in res.consumption.index)
    years = res.output.columns
    paths[name] = pd.DataFrame({"capacity": 100 * capacity[years] / capacity.iloc[0],
                                "consumption": 100 * consumption / consumption.iloc[0]},
                               index=pd.Index(years, name="year"))
fig = plotting.variants_figure(paths, unit="1928 = 100, in labour values",
                               source="Built-in variants on the calibrated plan "
                                      "(calibration assumptions, not records).")
fig.savefig("plan_variants_paths.png", dpi=120)
print("Figure saved to plan_variants_paths.png")
print()

# The tempo-consumption trade-off of the left course: heavy capacity growth for each floor.
floors = [1.0, 0.9, 0.8, 0.7, 0.6, 0.5]
variants = [dataclasses.replace(ne.LEFT_COURSE, name=f"left course, wage floor {f}",
                                real_wage_floor=f) for f in floors]
tradeoff = ne.compare(variants).table
print("Left course with a lower real-wage floor:")
print(tradeoff[["heavy capacity growth", "accumulation, whole plan (hours of labour value)",
                "share: workers"]]
      .round(3).to_string())
