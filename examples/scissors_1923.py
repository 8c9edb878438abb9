"""The price scissors of 1923 and the grain-crisis trap of 1927-28.

Part 1 reads the bundled industrial and agricultural price indices (1913 = 100) for
October 1923, the peak of the "scissors crisis", and April 1924, after the state cut
industrial prices; it computes the scissors index and the transfer a peasant seller would
have made at 1913 relative prices.

Part 2 asks how far the state could squeeze the procurement price of grain. With the
marketing response of the calibrated scenario ``ussr-1928`` (an assumption: isoelastic,
elasticity 0.5), the extraction (p^e - p) q(p), with p^e the labour-value price of grain,
peaks at p* = ε p^e / (1 + ε); below p* a harder squeeze collects less, the trap the
1927-28 procurement crisis revealed.

Sources: L. Trotsky, report to the Twelfth Party Congress (1923); E. Preobrazhensky, The New
Economics (1926), ch. 2; R. K. Sah and J. E. Stiglitz, "The economics of price scissors",
American Economic Review 74 (1984); W. Z. Goldman, "Blood on the Red Banner",
International Review of Social History (2022), CC BY 4.0. The index values and their sources
are printed from the dataset.
"""

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd

import nonequivalent as ne
from nonequivalent import datasets, plotting, scenarios

# ---------------------------------------------------------------- part 1: the scissors
data = datasets.load("scissors_1923")
print(data.attrs["title"])
blades = data[data.series.isin(["industrial_price_index", "agricultural_price_index"])]
for _, row in blades.iterrows():
    rng = "" if np.isnan(row.high) else f" (range {row.low:g}-{row.high:g})"
    print(f"  {row.period}  {row.series:<26} {row.value:6.0f}{rng}  [{row.confidence}]")
print(f"  source: {blades.source.iloc[0]}")
print()

indices = (blades.pivot(index="period", columns="series", values="value")
           .rename(columns={"industrial_price_index": "industrial",
                            "agricultural_price_index": "agricultural"}))
indices.loc["1913"] = 100.0
indices = indices.sort_index()
sigma = ne.scissors_index(indices["industrial"], indices["agricultural"], base="1913")
indices["scissors"] = sigma
print("Scissors index σ = (P_m / P_m,1913) / (P_a / P_a,1913):")
print(sigma.round(3).to_string())
print()

# The high end of the industrial index in October 1923 (290) widens the blades further.
high = data.loc[(data.series == "industrial_price_index") & (data.period == "1923-10"),
                "high"].iloc[0]
agri = indices.loc["1923-10", "agricultural"]
print(f"With the high industrial estimate ({high:g}) σ(1923-10) = {high / agri:.3f}")

# A peasant who sells 100 units of grain (worth 1 each at 1913 relative prices) and spends
# the proceeds on manufactures gives up p^e q (1 - 1/σ) at the benchmark.
for period in ("1923-10", "1924-04"):
    loss = ne.two_good_transfer(1.0, 100.0, sigma.loc[period])
    print(f"  transfer on 100 units of grain sold, {period}: {loss:.1f} (1913 prices)")
print()

fig = plotting.scissors_figure(
    indices.loc[:, ["industrial", "agricultural", "scissors"]],
    source=f"Source: dataset scissors_1923 ({blades.source.iloc[0][:80]}...)")
fig.savefig("scissors_1923.png", dpi=120)
print("Figure saved to scissors_1923.png")
print()

# ---------------------------------------------------------------- part 2: the squeeze
scenario = scenarios.load("ussr-1928")
response = scenario.marketing_response()
eco = scenario.economy()
# Equivalent price of grain: its labour-value price μλ in the scenario (rubles per unit;
# the 1928 procurement price is 1 by the scenario's choice of units).
benchmark_price = float(scenario.equivalence_benchmark(eco).prices["agriculture"])
print(f"Benchmark (labour-value) price of grain: {benchmark_price:.3f}; 1928 price: 1")
optimum = ne.squeeze_optimum(response, benchmark_price)
print(optimum)
for price in (1.0, 0.75, optimum.price, 0.25):
    q = float(response(price))
    e = float(ne.extraction(response, benchmark_price, price))
    print(f"  procurement price {price:5.3f}: marketed {q:8.1f}, extraction {e:8.1f}")
print(ne.squeeze_diagnostic(response, benchmark_price, price=0.25))

grid = np.linspace(0.0, benchmark_price, 201)
curve = ne.extraction(response, benchmark_price, pd.Series(grid, index=grid))
fig = plotting.extraction_figure(
    curve, optimum=optimum, current=1.0, benchmark_price=benchmark_price,
    unit="million rubles", price_unit="rubles per unit (1928 price = 1)",
    source="Scenario ussr-1928: isoelastic marketing response (an assumption), ε = "
           f"{response.elasticity:g}.")
fig.savefig("grain_squeeze.png", dpi=120)
print("Figure saved to grain_squeeze.png")
