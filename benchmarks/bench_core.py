"""Core benchmarks: geodesic throughput, airport table load, CLI cold start.

Run: ``python benchmarks/bench_core.py [--pairs 1000000]``. Figures are printed
with ratios against the naive approach measured in the same run, since
machines here are noisy.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time

import numpy as np


def best_of(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def geodesic_throughput(n_pairs: int, geopy_sample: int) -> None:
    from geopy.distance import geodesic

    from flightlegs.airports import airport_table
    from flightlegs.geodesy import inverse

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
        f"  flightlegs.geodesy.inverse (numpy arrays): {ours:.3f} s  = {ours_rate / 1e6:.2f} M legs/s"
    )
    print(
        f"  geopy.distance.geodesic loop ({geopy_sample:,} pairs): {geopy_rate / 1e3:.1f} k legs/s"
    )
    print(f"  ratio: {ours_rate / geopy_rate:.0f}x geopy; largest difference {worst * 1000:.3f} mm")


def table_load() -> None:
    import pandas as pd

    from flightlegs._data import data_path
    from flightlegs.airports import AirportTable

    path = data_path("airports.csv")
    ours = best_of(lambda: AirportTable.from_csv(path))
    panda = best_of(lambda: pd.read_csv(path, keep_default_na=False, na_values=[""]))
    print("airport table load (32k rows)")
    print(f"  AirportTable.from_csv (stdlib csv, dataclasses, indexes): {ours * 1000:.0f} ms")
    print(f"  pandas.read_csv (columns only, no indexes):             {panda * 1000:.0f} ms")
    cold = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-c",
                "from flightlegs.airports import airport_table; airport_table()",
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


def cli_cold_start(chain: str = "AZA-ELP-ANC-SHE-ICN") -> None:
    cmd = [sys.executable, "-m", "flightlegs", "legs", chain]
    times = []
    for _ in range(7):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    heavy = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys; from flightlegs.cli import main; main(['legs', {chain!r}]);"
            "print(sorted(m for m in ('pandas', 'folium', 'scipy', 'geopy', 'shapely') if m in sys.modules),"
            " file=sys.stderr)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stderr.strip()
    print(f"CLI cold start: flightlegs legs {chain}")
    print(
        f"  median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms over {len(times)} runs"
    )
    print(f"  peak memory (max RSS of the child processes): {peak_kb / 1024:.0f} MB")
    print(f"  heavy packages imported: {heavy}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=1_000_000)
    parser.add_argument("--geopy-sample", type=int, default=5_000)
    args = parser.parse_args()
    geodesic_throughput(args.pairs, args.geopy_sample)
    table_load()
    cli_cold_start()


if __name__ == "__main__":
    main()
