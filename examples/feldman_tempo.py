"""Feldman's question (1928): what tempo does each share of investment in heavy industry buy?

In the Feldman-Domar model the capital-goods sector receives a share γ (``lambda_k``) of
investment; with output-capital ratios β_k (Domar's v1) and β_c (v2) its capacity grows
at the rate γ β_k, and consumption, lower at first for a higher γ, overtakes the slower
path after a while. The economy starts with income Y0 = 100, of which a share α0 = 0.2 is
invested (a capital-goods capacity of 100, consumption 80). This script compares
γ = 0.2, 0.35 and 0.5, checks the closed form against a step-by-step integration, reports
when each faster path overtakes the slowest, and saves a figure. All parameters are
illustrative.

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

beta_k, beta_c, Y0, alpha0 = 0.2, 0.4, 100.0, 0.2
shares = [0.2, 0.35, 0.5]
years = np.arange(0, 41)
inputs = dict(Y0=Y0, alpha0=alpha0, beta_k=beta_k, beta_c=beta_c, times=years)

paths = {g: feldman_domar(lambda_k=g, **inputs) for g in shares}
consumption = pd.DataFrame({f"γ = {g}": p.path["consumption"] for g, p in paths.items()})
print("Consumption by year and investment share of the capital-goods sector:")
print(consumption.iloc[::5].round(1).to_string())
print()

for g in shares:
    sim = feldman_domar(lambda_k=g, **inputs, simulate=True)
    gap = float(np.max(np.abs(sim.path.to_numpy() / paths[g].path.to_numpy() - 1)))
    print(f"γ = {g}: growth rate of investment {g * beta_k:.0%} a year; closed form vs "
          f"Runge-Kutta simulation: max relative gap {gap:.1e}")
print()

for g in shares[1:]:
    print(f"γ = {g} overtakes γ = {shares[0]} in consumption after "
          f"{overtaking_time(g, shares[0], v1=beta_k, v2=beta_c):.1f} years")

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
