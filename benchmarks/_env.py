"""What a benchmark figure depends on, printed above every benchmark's results.

The CPU model and the SIMD level numpy dispatches to (AVX2 and AVX-512 change the speed of
every vectorized loop), the BLAS library with its kernel architecture and threads, the load
average at the start, and the versions of Python and of the libraries timed. Also the
summary every figure of docs/performance.md uses: the median of several runs and their
spread (the lowest and the highest), so that one lucky or unlucky run is not a result.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from importlib import metadata


def cpu_model() -> str:
    """The CPU's model name (``/proc/cpuinfo`` on Linux, else the platform's string)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def simd_level() -> str:
    """The SIMD extensions numpy was built for (baseline) and found on this CPU."""
    import numpy as np

    try:
        simd = np.show_config(mode="dicts").get("SIMD Extensions", {})
    except TypeError:  # numpy < 1.26 prints only
        return "unknown"
    found = " ".join(simd.get("found", [])) or "none beyond the baseline"
    missing = " ".join(simd.get("not found", []))
    return (f"baseline {' '.join(simd.get('baseline', []))}, found {found}"
            + (f", not found {missing}" if missing else ""))


def blas() -> str:
    """The BLAS numpy and scipy call, with its kernel architecture and thread count."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "unknown (threadpoolctl not installed)"
    import numpy  # noqa: F401  (load the BLAS before asking which it is)

    libs = [f"{i['internal_api']} {i['version']} ({i.get('architecture') or '?'}, "
            f"{i['num_threads']} threads)" for i in threadpool_info() if i["user_api"] == "blas"]
    return "; ".join(dict.fromkeys(libs)) or "none found"


def load() -> str:
    """The 1-, 5- and 15-minute load averages, with the number of CPUs."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min) on {os.cpu_count()} CPUs"


def versions(packages: Iterable[str]) -> str:
    out = [f"python {platform.python_version()}"]
    for name in packages:
        try:
            out.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name} (not installed)")
    return ", ".join(out)


def header(packages: Sequence[str] = ("nonequivalent", "numpy", "scipy", "pandas"),
           file=None) -> None:
    """Print the machine, its load and the library versions, one per line."""
    file = file or sys.stdout
    print(f"date      {time.strftime('%Y-%m-%d %H:%M:%S %Z')}", file=file)
    print(f"CPU       {cpu_model()}", file=file)
    print(f"SIMD      {simd_level()}", file=file)
    print(f"BLAS      {blas()}", file=file)
    print(f"load      {load()}", file=file)
    print(f"versions  {versions(packages)}", file=file)
    file.flush()


def spread(values: Sequence[float], fmt: str = "{:.3f}") -> str:
    """``median [lowest–highest] (n runs)`` of ``values``."""
    med = statistics.median(values)
    if len(values) == 1:
        return f"{fmt.format(med)} (1 run)"
    return (f"{fmt.format(med)} [{fmt.format(min(values))}–{fmt.format(max(values))}] "
            f"({len(values)} runs)")


def repeat(fn: Callable[[], float], n: int) -> list[float]:
    """The values of ``n`` calls of ``fn`` (each returns the figure of one run)."""
    if n < 1:
        raise ValueError(f"--repeats must be at least 1; got {n}")
    return [fn() for _ in range(n)]


def add_repeats(parser, default: int = 3, why: str = "") -> None:
    """Add the ``--repeats N`` option every benchmark takes (each figure: median of N runs)."""
    parser.add_argument("--repeats", type=int, default=default,
                        help=f"runs of every timed path; each figure is their median with "
                             f"the lowest and highest beside it (default {default}"
                             + (f": {why}" if why else "") + ")")


def check_repeats(parser, n: int) -> int:
    if n < 1:
        parser.error(f"--repeats must be at least 1; got {n}")
    return n


def verdict(passed: Sequence[bool]) -> str:
    """``met``, ``not met`` or ``met on k of N runs`` for the runs' pass/fail list."""
    k, n = sum(bool(p) for p in passed), len(passed)
    if k == n:
        return "met" if n == 1 else f"met (all {n} runs)"
    if k == 0:
        return "not met" if n == 1 else f"not met (none of {n} runs)"
    return f"met on {k} of {n} runs"


def target(label: str, values: Sequence[float], ok: Callable[[float], bool],
           fmt: str = "{:.3f}", file=None) -> bool:
    """Print ``label: median [lo–hi] (N runs): verdict``, judged run by run; all met?"""
    passed = [ok(v) for v in values]
    print(f"target  {label}: {spread(values, fmt)}: {verdict(passed)}", file=file or sys.stdout,
          flush=True)
    return all(passed)
