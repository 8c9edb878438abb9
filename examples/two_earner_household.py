"""The two-earner household of the 1930s ("two workers for the price of one", Goldman 2022).

During the first Five-Year Plan the real wages of industrial workers fell by about half.
A family that kept its basket needed a second wage; women entered waged work in record
numbers. With the family basket held, a real-wage cut δ needs m1 = m0 / (1 - δ) earners,
and the state obtains (m1 - m0) h more hours of labour per household for the same family
consumption (Marx, Capital I, ch. 15 §3a).

The household and its basket come from the calibrated scenario ``ussr-1928`` (assumptions,
documented there); the real-wage estimates and their range are historical figures from the
bundled dataset ``real_wages``.

Sources: W. Z. Goldman, "Blood on the Red Banner", International Review of Social History
(2022), CC BY 4.0, and Women at the Gates (2002); J. G. Chapman, Real Wages in Soviet Russia
since 1928 (1963); E. Zaleski, Stalinist Planning for Economic Growth (1980).
"""

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd

import nonequivalent as ne
from nonequivalent import datasets, plotting, scenarios

wages = datasets.load("real_wages")
print(wages.attrs["title"])
for _, row in wages[wages.unit == "index, 1928 = 100"].iterrows():
    print(f"  {row.series:<18} {row.period}: {row.value:5.0f}  [{row.confidence}]")
print()

scenario = scenarios.load("ussr-1928")
eco = scenario.economy()
family = scenario.household()
print(family)
print(ne.household_account(eco, family))
print()

# The cut of 1928-1932: about half (Goldman, Chapman); Zaleski's estimate is deeper.
goldman = wages[(wages.series == "goldman_2022") & (wages.period == "1932")].iloc[0]
cuts = {"central estimate": 1 - goldman.value / 100, "deepest estimate": 1 - goldman.low / 100}
rows = {}
for label, delta in cuts.items():
    result = ne.family_wage_cut(eco, family, delta)
    print(f"{label}: real wage cut {delta:.0%}")
    print(result)
    print()
    frame = result.to_frame()
    rows[label] = frame["after"]
rows["1928"] = frame["before"]
print("Before and after, per household:")
print(pd.DataFrame(rows)[["1928", *cuts]].round(3).to_string())
print()

# Earners needed along the whole range of cuts, fractional and in whole persons.
real_wage = np.linspace(100, 40, 61)
needed = pd.DataFrame(
    {"earners needed": [ne.earners_needed(1, 1 - w / 100).fractional for w in real_wage],
     "whole earners": [ne.earners_needed(1, 1 - w / 100).whole for w in real_wage]},
    index=pd.Index(real_wage, name="real wage"))
observed = pd.DataFrame({"earners": [1.0, ne.earners_needed(1, cuts["central estimate"])
                                     .fractional],
                         "label": ["1928", "1932"]},
                        index=pd.Index([100.0, goldman.value], name="real wage"))
fig = plotting.earners_figure(needed, observed=observed, wage_unit="index, 1928 = 100",
                              source="Source: m1 = m0/(1 - δ); real wage 1932 from dataset "
                                     "real_wages (Goldman 2022, Chapman 1963).")
fig.savefig("earners_needed.png", dpi=120)
print("Figure saved to earners_needed.png")

# The scale of it: households turned into two-earner households by the urban women hired
# in 1929-1932 (37 % of 10.8 million new workers; spread evenly over the years).
figures = datasets.load("goldman_2022").set_index("series")
share = figures.loc["women_share_of_new_hires", "value"] / 100
new = figures.loc["entrants_to_waged_labour", "value"]
dyn = ne.workforce_dynamics(years=[1929, 1930, 1931, 1932], totals=new / 4,
                            shares={"peasant migrants": 1 - share, "urban women": share})
print()
print(dyn)
extra = dyn.households["two-earner households"].sum() * family.hours_per_earner
print(f"Extra hours a year to the state from those second earners: {extra:,.0f} million")
