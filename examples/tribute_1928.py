"""Stalin's 1928 "tribute": what the peasantry paid through prices and taxes.

In July 1928 Stalin told the Central Committee that the peasant paid the state a "tribute",
a super-tax, twice over: by overpaying for manufactures and by being underpaid for grain;
direct taxes came on top. This script computes the three parts for the built-in calibrated
scenario ``ussr-1928`` against two benchmarks of "equivalent" prices, and how the tribute
moves with the procurement price of grain.

The scenario's economy and flows are calibration assumptions (each one documented in the
scenario's provenance); the free-market to official price ratio for wheat in the winter of
1928 is a historical figure from the bundled dataset ``procurement_prices_1928``.

Sources: J. V. Stalin, speech to the plenum of the Central Committee, 9 July 1928 (Works,
vol. 11); E. Preobrazhensky, The New Economics (1926), ch. 2; W. Z. Goldman, "Blood on the
Red Banner", International Review of Social History (2022), CC BY 4.0.
"""

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

import nonequivalent as ne
from nonequivalent import datasets, scenarios

scenario = scenarios.load("ussr-1928")
print(scenario.summary())
print()

eco = scenario.economy()
prices = scenario.prices_series()
peasants = scenario.peasants()

# Benchmark 1: labour-value prices μλ (the scenario's own choice, MELT by the New
# Interpretation).
labour_values = scenario.equivalence_benchmark(eco)

# Benchmark 2: the free-market price of grain relative to the official procurement price
# (wheat, winter 1928), manufactures at their state prices.
data = datasets.load("procurement_prices_1928").set_index("series")
market_ratio = float(data.loc["market_to_official_ratio_wheat", "value"])
free_market = ne.given_benchmark(prices.mul(pd.Series({"agriculture": market_ratio}),
                                            fill_value=1.0),
                                 f"free-market grain price ({market_ratio:g} x official)")
print(f"Free-market / official wheat price, winter 1928: {market_ratio:g}")
print(f"  source: {data.loc['market_to_official_ratio_wheat', 'source']}")
print()

rows = {}
for bench in (labour_values, free_market):
    t = ne.tribute(peasants, prices, bench)
    print(t)
    print(f"  the same sum as a tax on the peasants' sales: {ne.equivalent_tax_rate(t):.1%}")
    print()
    rows[bench.name] = t.parts

print("Tribute by part (millions of 1928 rubles at each benchmark):")
print(pd.DataFrame(rows).round(1).to_string())
print()

# Labour accounts: hours given and received by the peasantry.
account = ne.exchange_account(eco, peasants, prices, labour_values)
row = account.by_group.loc["peasants"]
print(f"Peasants give {row.labour_given:,.0f} million hours in what they sell and receive "
      f"{row.labour_received:,.0f} in what they buy: non-equivalence ratio "
      f"{row.nonequivalence_ratio:.2f}.")
print()

# The tribute as the procurement price of grain moves from half to twice today's.
factors = np.linspace(0.5, 2.0, 61)
scenarios_p = ne.scaled_price_matrix(prices, "agriculture", factors)
sweep = ne.transfer_sweep(eco, peasants, scenarios_p, labour_values)
tribute = sweep.tribute["peasants"]
parity = float(np.interp(0.0, (tribute - peasants.taxes).to_numpy()[::-1], factors[::-1]))
print(f"At these quantities the price policy stops taxing the peasants (tribute = taxes) "
      f"when the grain price is {parity:.2f} times the 1928 procurement price.")

fig = Figure(figsize=(7, 4.2), layout="constrained")
ax = fig.subplots()
ax.plot(factors, tribute.to_numpy(), color="#7a8b2f", lw=2, label="tribute")
ax.axhline(peasants.taxes, color="0.4", ls="--", lw=1, label="direct taxes alone")
ax.axvline(1.0, color="#b2282e", lw=1, label="1928 procurement price")
ax.set_xlabel("procurement price of grain, multiple of the 1928 price")
ax.set_ylabel("tribute (million rubles at labour-value prices)")
ax.set_title("The peasants' tribute and the price of grain (scenario ussr-1928)")
ax.legend(fontsize=8)
fig.savefig("tribute_1928.png", dpi=120)
print("Figure saved to tribute_1928.png")
