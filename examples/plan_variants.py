"""Three courses for the first Five-Year Plan, solved on one linear-programming model.

NEP continuation (Bukharin): maximize discounted consumption, keep capacity.
The left course (Preobrazhensky): maximize heavy-industry capacity with the real wage held.
The maximum variant (1929): the same objective with the real-wage floor halved, forced
procurement bounding the grain that leaves the village, and livestock losses eating into
agricultural capacity.

The economy (three sectors, peasant and worker labour, capital coefficients) and every
parameter are illustrative assumptions chosen to show the mechanics, not a calibration of
the Soviet economy. Each plan is a PuLP model solved by HiGHS; shadow prices are reported
with the sign convention of ``nonequivalent.planning.solvers``.

Sources: E. Zaleski, Planning for Economic Growth in the Soviet Union, 1918-1932 (1971);
A. Erlich, The Soviet Industrialization Debate (1960); L. V. Kantorovich, The Best Use of
Economic Resources (1959); W. Z. Goldman, "Blood on the Red Banner", International Review
of Social History (2022), CC BY 4.0.
"""

import dataclasses
import warnings

import matplotlib

matplotlib.use("Agg")

import pandas as pd

import nonequivalent as ne
from nonequivalent import plotting
from nonequivalent.planning.solvers import DegeneracyWarning

sectors = ["agriculture", "light industry", "heavy industry"]
A = pd.DataFrame([[0.20, 0.30, 0.05],
                  [0.05, 0.10, 0.05],
                  [0.05, 0.10, 0.25]], index=sectors, columns=sectors)
B = pd.DataFrame([[0.2, 0.0, 0.0],
                  [0.1, 0.2, 0.2],
                  [0.5, 1.0, 2.0]], index=sectors, columns=sectors)
eco = ne.Economy(A, labour={"peasant": [0.8, 0.0, 0.0], "worker": [0.0, 0.3, 0.5]},
                 capital=B)
worker_basket = {"agriculture": 0.5, "light industry": 0.3}
peasant_basket = {"agriculture": 0.6, "light industry": 0.2}

left = ne.MultiYearPlan(
    eco, years=5, start_year=1928,
    initial_capacity={"agriculture": 1000, "light industry": 400, "heavy industry": 200},
    labour_supply={"peasant": 800.0, "worker": 300.0},
    migration=20.0, womens_entry=15.0, depreciation=0.05,
    worker_basket=worker_basket, peasant_basket=peasant_basket,
    real_wage_floor=1.0, subsistence=1.0,
    objective="heavy_capacity", heavy_sector="heavy industry", name="left course")
variants = [
    dataclasses.replace(left, objective="consumption", discount=0.95, name="NEP continuation"),
    left,
    dataclasses.replace(left, real_wage_floor=0.5, livestock_loss=0.05,
                        marketed_good="agriculture", marketed_limit=600.0,
                        name="maximum variant"),
]

lam = eco.values_array
basket_value = {"workers": lam @ pd.Series(worker_basket).reindex(sectors, fill_value=0),
                "peasants": lam @ pd.Series(peasant_basket).reindex(sectors, fill_value=0)}

rows, paths = {}, {}
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DegeneracyWarning)  # reported in the table instead
    results = {v.name: v.solve() for v in variants}
for name, res in results.items():
    cap = pd.Series(lam @ res.capacity.to_numpy(), index=res.capacity.columns)
    cons = sum(res.consumption.loc[g] * basket_value[g] for g in res.consumption.index)
    years = res.output.columns
    paths[name] = pd.DataFrame({"capacity": 100 * cap[years] / cap.iloc[0],
                                "consumption": 100 * cons / cons.iloc[0]},
                               index=pd.Index(years, name="year"))
    rows[name] = {
        "heavy capacity 1933": res.capacity.loc["heavy industry"].iloc[-1],
        "agricultural capacity 1933": res.capacity.loc["agriculture"].iloc[-1],
        "mean real wage (1928 = 1)": res.real_wage.mean(),
        "consumption 1932 (1928 = 100)": paths[name]["consumption"].iloc[-1],
        "accumulation 1928-32 (hours)": res.accumulation.sum(),
        "shadow prices unique": not res.degenerate,
    }
    print(res)
    print()

table = pd.DataFrame(rows).T
print("The three courses compared:")
print(table.to_string(float_format=lambda v: f"{v:,.2f}"))
print()

# What one more unit of real wage would cost the left course, year by year.
print("Left course: shadow price of the real-wage floor (heavy capacity per unit of floor):")
print(results["left course"].duals("wage_floor").round(3).to_string())
print()

# The tempo-consumption trade-off: heavy capacity reached for each real-wage floor.
floors = [1.0, 0.9, 0.8, 0.7, 0.6, 0.5]
tradeoff = pd.Series({f: dataclasses.replace(left, real_wage_floor=f).solve().objective
                      for f in floors}, name="heavy capacity 1933")
tradeoff.index.name = "real-wage floor"
print(tradeoff.round(1).to_string())

fig = plotting.variants_figure(paths, unit="1928 = 100, in labour values",
                               source="Illustrative three-sector plan (assumed coefficients).")
fig.savefig("plan_variants.png", dpi=120)
print("Figure saved to plan_variants.png")
