"""Feldman's question (1928): what tempo does each share of investment in heavy industry buy?

In the Feldman-Domar model the capital-goods sector receives a share γ of investment;
its capacity grows at the rate γ v1, and consumption, lower at first for a higher γ,
overtakes the slower path after a while. This script compares γ = 0.2, 0.35 and 0.5,
checks the closed form against a step-by-step integration, reports when each faster path
overtakes the slowest, and saves a figure. All parameters are illustrative.

Sources: G. A. Feldman, "K teorii tempov narodnogo dokhoda", Planovoe khozyaistvo 1928
no. 11-12; E. D. Domar, "A Soviet model of growth", Essays in the Theory of Economic Growth
(1957), ch. 9.
"""

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from nonequivalent.planning import feldman_domar, overtaking_time

v1, v2, K1_0, C0 = 0.2, 0.4, 100.0, 80.0
shares = [0.2, 0.35, 0.5]
years = np.arange(0, 41)

paths = {g: feldman_domar(g, v1, v2, K1_0=K1_0, C0=C0, times=years) for g in shares}
consumption = pd.DataFrame({f"γ = {g}": p.path["consumption"] for g, p in paths.items()})
print("Consumption by year and investment share of the capital-goods sector:")
print(consumption.iloc[::5].round(1).to_string())
print()

for g in shares:
    sim = feldman_domar(g, v1, v2, K1_0=K1_0, C0=C0, times=years, simulate=True)
    gap = float(np.max(np.abs(sim.path.to_numpy() / paths[g].path.to_numpy() - 1)))
    print(f"γ = {g}: growth rate of investment {g * v1:.0%} a year; closed form vs "
          f"Runge-Kutta simulation: max relative gap {gap:.1e}")
print()

for g in shares[1:]:
    print(f"γ = {g} overtakes γ = {shares[0]} in consumption after "
          f"{overtaking_time(g, shares[0], v1, v2):.1f} years")

fig = Figure(figsize=(7, 4.2), layout="constrained")
ax = fig.subplots()
for col in consumption:
    ax.plot(consumption.index, consumption[col], lw=2, label=col)
ax.set_xlabel("years")
ax.set_ylabel("consumption (initial = 80)")
ax.set_title("Feldman-Domar: consumption paths by investment share γ")
ax.legend()
fig.savefig("feldman_tempo.png", dpi=120)
print("Figure saved to feldman_tempo.png")
