"""Start-up time: ``import nonequivalent``, ``nonequivalent --version`` and ``--help``
against numpy + scipy.linalg + pandas alone.

Each measurement runs in a fresh Python process (``python -c "import ..."``; the commands
as ``python -m nonequivalent --version``, the code the ``nonequivalent`` script runs), so nothing is
cached in memory between them; the operating system's file cache is warmed by one run of
each command first. The two commands alternate, and the median of ``--repeat`` runs is
printed for each, with the difference: the wall time, and the CPU time of the child process
(user + system, from ``resource.getrusage``), which other work on a busy machine disturbs
much less than the wall time. The target, for each, is a difference of at most 0.15 s: the
library itself should cost little beyond the three packages it is built on, because what
only some paths need (PuLP, highspy, scipy.optimize, scipy.stats, sympy, matplotlib, the
planning, exact, symbolic and exercise modules) is loaded on first use, and each command
of the ``nonequivalent`` program imports what it uses in its handler. The spread of the
runs (lowest and highest) is printed beside each median, under a header with the CPU, its
SIMD level, the load and the versions.

Before measuring, the library's bytecode is compiled (``compileall``, as ``pip install``
does for an installed package), so that both commands read cached bytecode: otherwise, with
an editable install and ``PYTHONDONTWRITEBYTECODE`` set, every run of ``import
nonequivalent`` would recompile the library's source (about 0.3 s here) while numpy, scipy
and pandas load their compiled bytecode.

The last lines list the heavy modules that ``import nonequivalent`` or ``--version`` still
load, with the library module that first imports each (from ``python -X importtime``).

Run:

    python benchmarks/import_time.py [--repeat 15]   (from the repository's root)
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import pathlib
import resource
import statistics
import subprocess
import sys
import time

from _env import header, spread, verdict

BASELINE = "import numpy, scipy.linalg, pandas"
LIBRARY = "import nonequivalent"
#: What is timed against the baseline: a label and the arguments of ``python``.
MEASURED = ((LIBRARY, ["-c", LIBRARY]),
            ("nonequivalent --version", ["-m", "nonequivalent", "--version"]),
            ("nonequivalent --help", ["-m", "nonequivalent", "--help"]))
TARGET = 0.15
HEAVY = ("scipy.optimize", "scipy.sparse", "scipy.sparse.linalg", "scipy.stats", "sympy",
         "pulp", "highspy", "matplotlib", "nonequivalent.planning.static",
         "nonequivalent.exact", "nonequivalent.exact.symbolic", "nonequivalent.exercises",
         "nonequivalent.mrio", "nonequivalent.exchange.dual_economy", "tomllib",
         "tqdm", "rich")


def run_once(args: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one fresh ``python *args``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def loaded_by(statement: str = LIBRARY) -> dict[str, str]:
    """For each heavy module loaded by ``statement``: the library module importing it."""
    code = (f"import sys, contextlib, io\nwith contextlib.redirect_stdout(io.StringIO()):\n"
            f"    {statement}\n"
            f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout.split()
    trace = subprocess.run([sys.executable, "-X", "importtime", "-c", statement],
                           check=True, capture_output=True, text=True).stderr.splitlines()
    # -X importtime prints a module after the modules it imports, indented by depth; the
    # first library module at a lower depth after a heavy module is the one importing it
    rows = []
    for line in trace:
        if "|" not in line:
            continue
        name_part = line.split("|")[-1]
        depth = (len(name_part) - len(name_part.lstrip())) // 2
        rows.append((name_part.strip(), depth))
    found: dict[str, str] = {}
    for mod in out:
        idx = next((i for i, (n, _) in enumerate(rows) if n == mod), None)
        if idx is None:  # reached through a package __getattr__: use its first submodule
            idx = next((i for i, (n, _) in enumerate(rows) if n.startswith(mod + ".")), None)
        if idx is None:
            continue
        depth = rows[idx][1]
        parent = next((n for n, d in rows[idx + 1:] if d < depth
                       and n.startswith("nonequivalent")), "?")
        found[mod] = parent
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", "--repeats", dest="repeat", type=int, default=15,
                    help="alternating runs of each command (default 15)")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error(f"--repeat must be at least 1; got {args.repeat}")
    spec = importlib.util.find_spec("nonequivalent")
    if spec is None or spec.origin is None:
        ap.error("nonequivalent is not installed in this Python")
    package = pathlib.Path(spec.origin).parent
    compileall.compile_dir(package, quiet=1)  # as an installed package has its bytecode
    header()
    runs: dict[str, list[tuple[float, float]]] = {BASELINE: []}
    runs.update({label: [] for label, _ in MEASURED})
    commands = [(BASELINE, ["-c", BASELINE]), *MEASURED]
    for _, command in commands:
        run_once(command)  # warm the file cache
    for _ in range(args.repeat):
        for label, command in commands:
            runs[label].append(run_once(command))
    print(f"fresh-process times, median [lowest–highest] of {args.repeat} alternating runs "
          "(library bytecode compiled):")
    ok = True
    for k, unit in ((1, "CPU"), (0, "wall")):
        base = statistics.median(r[k] for r in runs[BASELINE])
        print(f"  {unit:<4} {BASELINE:<36} {spread([r[k] for r in runs[BASELINE]])} s")
        for label, _ in MEASURED:
            values = [r[k] for r in runs[label]]
            diff = statistics.median(values) - base
            ok &= diff <= TARGET
            print(f"  {unit:<4} {label:<36} {spread(values)} s   difference {diff:+.3f} s "
                  f"(target <= {TARGET:.2f} s, on the medians): {verdict([diff <= TARGET])}")
    statements = {LIBRARY: LIBRARY,
                  "nonequivalent --version": "from nonequivalent.cli import main; "
                                             "main(['--version'])"}
    for label, statement in statements.items():
        heavy = loaded_by(statement)
        if heavy:
            print(f"still loaded by `{label}` (module: first imported by):")
            for mod, parent in heavy.items():
                print(f"  {mod}: {parent}")
        else:
            print(f"none of {', '.join(HEAVY)} is loaded by `{label}`.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
