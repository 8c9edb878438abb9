"""The Harrison question with intervals: how much did the peasants finance, given the ranges?

Harrison (Science and Society 45(4), 1981-82, pp. 390-391, drawing on Barsov 1969 and Ellman
1975) bounded agriculture's part: from 1929 the agricultural surplus never financed more
than one third of annual industrial investment, and from 1932 never more than one fifth.
In 1985 (Journal of Development Studies 22(1)) he concluded that mobilising labour power
had mattered more than mobilising products. "About two thirds on the workers" is Goldman's
(2022) summary, printed here beside the bounds. Every parameter of the built-in scenarios
``ussr-1928`` and ``ussr-1932`` carries a range; this script draws them (uniform, Latin
hypercube), evaluates the two-year report for each draw and asks, for the peasants' share
of the change in the accumulation fund 1928 -> 1932, in hours and in money at benchmark
prices: P(share <= 1/3) and P(share <= 1/5). Newly hired workers (the "employment" factor)
count with the workers; the same probabilities are printed with them counted as mobilised
peasant labour.

Run:  python examples/harrison_question.py [--draws 32] [--seed 1928]
      (--scheduler ADDRESS runs on Dask)

Sources: A. A. Barsov (1969); M. Ellman, Economic Journal 85 (1975); M. Harrison, Science
and Society 45 (1981-82) and Journal of Development Studies 22 (1985); W. Z. Goldman,
International Review of Social History (2022), CC BY 4.0.
"""

import argparse

import matplotlib

matplotlib.use("Agg")

import nonequivalent as ne

ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("--draws", type=int, default=32)
ap.add_argument("--seed", type=int, default=1928)
ap.add_argument("--scheduler", default=None)
args = ap.parse_args()

res = ne.report_uncertainty("ussr-1928", "ussr-1932", draws=args.draws, seed=args.seed,
                            scheduler=args.scheduler)
p = res.propagation
print(f"{p.draws} draws ({p.method}, seed {p.seed}) of {len(p.parameters)} uncertain "
      "parameters")
print()

totals = ["peasants.total", "workers.total", "two_earner_households.total"]
table = res.interval("sources").loc[totals, ["share_hours", "share_money"]]
print("Shares of the change in the accumulation fund 1928 → 1932, %, central [p5–p95]")
print("(newly hired workers counted with the workers):")
print(table.to_string())
print()


def peasants(r, column, employment="workers"):
    """The peasants' share, %; with employment='peasants' the newly hired count as
    mobilised peasant labour (the contributions are the same, only the group moves)."""
    share = r.value("sources", "peasants.total", column)
    if employment == "peasants":
        share += r.value("sources", "workers.employment", column)
    return share


for employment in ("workers", "peasants"):
    who = ("newly hired counted with the workers" if employment == "workers"
           else "newly hired counted as mobilised peasant labour")
    print(f"Harrison's bounds on the peasants' share ({who}):")
    for column, unit in (("share_hours", "hours"), ("share_money", "money")):
        for bound, text in ((100 / 3, "1/3"), (20.0, "1/5")):
            prob = res.probability(
                lambda r, c=column, b=bound, e=employment: peasants(r, c, e) <= b)
            print(f"  P(peasants' share ({unit}) <= {text}) = {prob:.3f}")
    print()

goldman = res.probability(lambda r: r.value("sources", "workers.total", "share_hours")
                          >= 200 / 3)
print("Goldman's (2022) summary, 'about two thirds' on the workers: "
      f"P(workers' share (hours) >= 2/3) = {goldman:.3f}")
print(f"The Monte Carlo error of a probability is at most about {(0.25 / p.draws) ** 0.5:.3f} "
      f"with {p.draws} draws.")

fig = res.figure("sources", "share_hours")
fig.savefig("harrison_intervals.png", dpi=120)
print("Figure saved to harrison_intervals.png")
