"""Core benchmarks: geodesic throughput, airport table load, CLI cold start.

Run: ``python benchmarks/bench_core.py [--pairs 1000000] [--only cold]``.
Figures are printed with ratios against the naive approach or a bare
interpreter measured in the same run, since machines here are noisy.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def best_of(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def geodesic_throughput(n_pairs: int, geopy_sample: int) -> None:
    from geopy.distance import geodesic

    from flightlegs.core.geodesy import inverse
    from flightlegs.reference.airports import airport_table

    table = airport_table()
    rng = np.random.default_rng(42)
    i = rng.integers(0, len(table), n_pairs)
    j = rng.integers(0, len(table), n_pairs)
    lat1, lon1, lat2, lon2 = table.lat[i], table.lon[i], table.lat[j], table.lon[j]

    ours = best_of(lambda: inverse(lat1, lon1, lat2, lon2), repeat=3)
    ours_rate = n_pairs / ours

    pts = list(
        zip(
            lat1[:geopy_sample],
            lon1[:geopy_sample],
            lat2[:geopy_sample],
            lon2[:geopy_sample],
            strict=True,
        )
    )

    def naive() -> list[float]:
        return [geodesic((a, b), (c, d)).meters for a, b, c, d in pts]

    slow = best_of(naive, repeat=3)
    geopy_rate = geopy_sample / slow
    # the two agree: same ellipsoid, same algorithm family
    d, _ = inverse(
        lat1[:geopy_sample], lon1[:geopy_sample], lat2[:geopy_sample], lon2[:geopy_sample]
    )
    worst = float(np.max(np.abs(d - np.asarray(naive()))))
    print(f"geodesic distances, {n_pairs:,} random airport pairs")
    print(
        f"  flightlegs.core.geodesy.inverse (numpy arrays): {ours:.3f} s  = {ours_rate / 1e6:.2f} M legs/s"
    )
    print(
        f"  geopy.distance.geodesic loop ({geopy_sample:,} pairs): {geopy_rate / 1e3:.1f} k legs/s"
    )
    print(f"  ratio: {ours_rate / geopy_rate:.0f}x geopy; largest difference {worst * 1000:.3f} mm")


def table_load() -> None:
    import pandas as pd

    from flightlegs.core.files import data_path
    from flightlegs.reference.airports import AirportTable

    path = data_path("airports.csv")
    from flightlegs.reference.airports import airport_table

    ours = best_of(lambda: AirportTable.from_csv(path))
    panda = best_of(lambda: pd.read_csv(path, keep_default_na=False, na_values=[""]))
    airport_table()  # writes the packed cache if this is a first run
    packed = best_of(airport_table.__wrapped__)  # the uncached body: loads the packed cache
    print("airport table load (32k rows)")
    print(f"  AirportTable.from_csv (stdlib csv, packed columns, indexes): {ours * 1000:.0f} ms")
    print(f"  pandas.read_csv (columns only, no indexes):                 {panda * 1000:.0f} ms")
    print(
        f"  airport_table() from its packed cache:                      {packed * 1000:.0f} ms"
        f"  ({ours / packed:.0f}x faster than parsing)"
    )
    cold = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-c",
                "from flightlegs.reference.airports import airport_table; airport_table()",
            ],
            check=True,
        )
        cold.append(time.perf_counter() - t0)
    bare = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - t0)
    print(
        f"  cold process importing flightlegs and loading the table: {statistics.median(cold) * 1000:.0f} ms"
        f" (bare interpreter {statistics.median(bare) * 1000:.0f} ms)"
    )


#: The commands whose start-up users wait for, with what they read.
COLD_COMMANDS: dict[str, list[str]] = {
    "check a prose report": ["check", "examples/gulfstream-charter.txt"],
    "check a YAML route file": ["check", "examples/gulfstream-charter.yaml"],
    "legs of a code chain": ["legs", "AZA-ELP-ANC-SHE-ICN"],
}
HEAVY = ("pandas", "folium", "scipy", "geopy", "shapely", "sklearn", "branca", "jinja2")
_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def _run_child(args: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in kB (bytes on macOS) and exit status of one child process."""
    t0 = time.perf_counter()
    child = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)  # wait() would not give the child's own peak
    child.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - t0, usage.ru_maxrss, child.returncode


def _import_breakdown(args: list[str]) -> tuple[float, dict[str, float], list[str]]:
    """Total import time (s), time of the main groups (s), heavy packages imported: one run."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "flightlegs", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    total = 0.0
    groups: dict[str, float] = defaultdict(float)
    seen: set[str] = set()
    for line in done.stderr.splitlines():
        m = _IMPORT_LINE.match(line)
        if m is None:
            continue
        own, cumulative, depth, name = int(m[1]), int(m[2]), len(m[3]) // 2, m[4]
        if depth == 0:
            total += cumulative / 1e6
        top = name.split(".")[0]
        seen.add(top)
        if top == "flightlegs":
            groups["flightlegs' own modules"] += own / 1e6
        elif name in ("numpy", "pyproj", "yaml", "importlib.metadata") and name not in groups:
            groups[name] = cumulative / 1e6  # first import, with what it pulls in
    groups["everything else"] = total - sum(groups.values())
    return total, dict(groups), sorted(seen & set(HEAVY))


def cold_start(runs: int = 7) -> None:
    """Cold start of each command in COLD_COMMANDS: wall time, import share, peak memory.

    Each run is a new process; the on-disk caches (airport table, gazetteer)
    are warmed by one run first, as a user's second run would find them.
    """
    bare = [_run_child([sys.executable, "-c", "pass"])[0] for _ in range(runs)]
    print(
        f"CLI cold start, median of {runs} new processes (bare interpreter {statistics.median(bare) * 1000:.0f} ms)"
    )
    if sys.flags.dont_write_bytecode:
        print("  note: PYTHONDONTWRITEBYTECODE is set, so every run compiles flightlegs' sources")
    for label, args in COLD_COMMANDS.items():
        command = [sys.executable, "-m", "flightlegs", *args]
        _, _, status = _run_child(command)  # builds the caches on a first-ever run
        if status not in (0, 1):
            raise SystemExit(f"flightlegs {' '.join(args)} failed with exit status {status}")
        results = [_run_child(command) for _ in range(runs)]
        wall = statistics.median(r[0] for r in results)
        peak_mb = max(r[1] for r in results) / (1024 * 1024 if sys.platform == "darwin" else 1024)
        # -X importtime slows imports a little and one run is noisy: medians of three
        breakdowns = [_import_breakdown(args) for _ in range(3)]
        total = statistics.median(b[0] for b in breakdowns)
        groups = {
            name: statistics.median(b[1].get(name, 0.0) for b in breakdowns)
            for name in breakdowns[0][1]
        }
        heavy = sorted({name for b in breakdowns for name in b[2]})
        print(f"  flightlegs {' '.join(args)}  ({label})")
        print(
            f"    median {wall * 1000:.0f} ms, min {min(r[0] for r in results) * 1000:.0f} ms; "
            f"peak memory {peak_mb:.0f} MB"
        )
        parts = ", ".join(f"{name} {t * 1000:.0f}" for name, t in groups.items())
        print(
            f"    imports {total * 1000:.0f} ms ({total / wall:.0%} of the run): {parts} ms; "
            f"work after imports about {(wall - total) * 1000:.0f} ms"
        )
        print(f"    heavy packages imported: {heavy or 'none'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=1_000_000)
    parser.add_argument("--geopy-sample", type=int, default=5_000)
    parser.add_argument(
        "--only", choices=["geodesic", "table", "cold"], help="run one section of the benchmark"
    )
    args = parser.parse_args()
    if args.only in (None, "geodesic"):
        geodesic_throughput(args.pairs, args.geopy_sample)
    if args.only in (None, "table"):
        table_load()
    if args.only in (None, "cold"):
        cold_start()


if __name__ == "__main__":
    main()
