"""Quick start: labour values and gross output of a two-sector town–country economy."""

import nonequivalent as ne

eco = ne.Economy(
    [[0.2, 0.3], [0.1, 0.4]],
    labour={"peasant": [0.5, 0.0], "worker": [0.0, 0.25]},
    sectors=["agriculture", "industry"],
)
print(eco.summary())
print()
print("Gross output for final demand (100, 50):")
print(eco.gross_output([100, 50]).round(3).to_string())
print()
print("Labour values by kind (hours per unit):")
print(eco.labour_values(by_kind=True).round(4).to_string())
