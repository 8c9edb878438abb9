"""Who paid for industrialization? Surplus accounts for 1928 and 1932 and their change.

The built-in scenarios ``ussr-1928`` and ``ussr-1932`` describe the town-country economy
before the "great turn" and at the end of the first Five-Year Plan (real wages about half,
two earners per family, larger compulsory deliveries). Their parameters are partly
historical and mostly calibration assumptions; each scenario lists which is which.

For each year the surplus account says what peasants, workers and two-earner households
give the state, in hours and in money at the labour-value benchmark. The change in the
accumulation fund between the two years is split exactly among its sources (Shapley value).
This is the accounting question of Barsov (1969), Ellman (1975) and Harrison (1985);
Goldman (2022) summarizes Harrison's answer: workers, not peasants, bore about two thirds.

Sources: A. A. Barsov, Balans stoimostnykh obmenov mezhdu gorodom i derevnei (1969);
M. Ellman, Economic Journal 85 (1975); M. Harrison, Journal of Development Studies 22
(1985); W. Z. Goldman, "Blood on the Red Banner", International Review of Social History
(2022), CC BY 4.0.
"""

import matplotlib

matplotlib.use("Agg")

import pandas as pd

from nonequivalent import plotting, scenarios

pair = scenarios.pair("ussr-1928", "ussr-1932")
accounts = {}
for scenario in (pair.base, pair.later):
    provenance = scenario.provenance_frame()
    counts = provenance["kind"].value_counts().to_dict()
    print(f"{scenario.name}: {counts.get('historical', 0)} historical and "
          f"{counts.get('assumption', 0)} assumed parameters")
    account = scenario.surplus_account()
    accounts[scenario.name] = account
    print(account)
    print()

hours = pd.DataFrame({name: acc.table["surplus_hours"] for name, acc in accounts.items()})
print("Surplus given to the state (million hours):")
print(hours.round(0).to_string())
print()

for measure in ("hours", "money"):
    sources = pair.sources_of_accumulation(measure=measure)
    print(sources)
    print()
    by_group = sources.to_frame().groupby("group")["share"].sum()
    print(f"Shares of the change in the fund by group ({measure}):")
    print(by_group.round(3).to_string())
    print()

fig = plotting.surplus_figure(hours, unit="million hours",
                              source="Scenarios ussr-1928 and ussr-1932 (partly calibrated; "
                                     "see their provenance).")
fig.savefig("who_paid.png", dpi=120)
print("Figure saved to who_paid.png")
