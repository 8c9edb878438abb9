"""Global non-equivalent exchange on pymrio's bundled test system (no download).

The test system has no labour rows, so the library gives it illustrative ones (an
assumption, not data): compensation by skill as shares of value added, hours as
compensation divided by a wage that is about ten times higher in regions 1-3 ("North")
than in regions 4-6 ("South"). Then: the hours each bloc gives and receives in final
goods, skill by skill, the exchange ratio, and the wage value of the net flow at Northern
wages (Hickel, Hanbury Lemos & Barbour 2024, Nat. Commun. 15:6298). Last, Emmanuel's
(1972) two-country case of unequal exchange.

Needs the optional extra: pip install ".[mrio]" (from a clone).
"""

import nonequivalent as ne

mrio, blocs = ne.illustrative_test_system()
print(mrio)
print(blocs)

account = ne.global_exchange_account(mrio, blocs)
pairs = account.pairs
print("\nSouth -> North, by skill (hours; wage value at Northern wages):")
print(pairs[["hours_given", "hours_received", "net_hours", "exchange_ratio",
             "wage_value"]].round(2).to_string())

total = pairs.loc[("all", "South", "North")]
print(f"\nThe South gives {total['exchange_ratio']:.2f} hours for every hour it receives; "
      f"the North appropriates {total['net_hours']:,.0f} hours net, worth "
      f"{total['wage_value']:,.0f} at Northern wages (illustrative labour rows).")

fig = account.figure()
fig.savefig("global_exchange.png", dpi=120)
print("figure written to global_exchange.png")

res = ne.emmanuel_exchange(constant_capital={"centre": 10, "periphery": 10},
                           hours={"centre": 10, "periphery": 10},
                           wage={"centre": 0.8, "periphery": 0.2})
print()
print(res.summary())
