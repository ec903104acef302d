"""Time, size and peak memory of route maps: flightlegs' many-route map against the naive map.

    python benchmarks/bench_maps.py [--sizes 100 1000 5000] [--browser]

For each size N, N random routes of 2-4 stops between the bundled large airports
(seeded, so every run maps the same routes) are drawn two ways, each in a fresh
Python process so that peak memory is the process's own:

* flightlegs: ``route_map`` + ``save_map`` (one GeoJSON layer of legs and one of stops);
* naive: one ``folium.PolyLine`` (the same densified arcs) and one ``folium.Marker`` per
  leg, with a tooltip and a popup each, saved with ``Map.save``.

Printed per case: build + save time (routes already parsed; imports excluded), HTML size,
peak resident memory (``ru_maxrss``, imports included), and the naive/flightlegs ratios.
The targets for 5,000 routes are <= 3 s, <= 10 MB and <= 1 GB on one core.

With ``--browser`` the flightlegs map of the largest size is also opened in headless
Chromium with the browser tests' offline harness, and the time to a ready map and to an
idle network is printed (median of 3).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"seconds": 3.0, "mb": 10.0, "peak_mb": 1024.0}


def random_routes(count: int, seed: int = 5) -> list:
    import numpy as np

    from flightlegs.core.route import Route
    from flightlegs.reference.airports import airport_table

    table = airport_table()
    large = [a for a in table if a.type == "large_airport"]
    rng = np.random.default_rng(seed)
    routes = []
    for i in range(count):
        picks = rng.choice(len(large), size=int(rng.integers(2, 5)), replace=False)
        routes.append(Route.from_airports([large[j] for j in picks], name=f"flight {i + 1}"))
    return routes


def build_flightlegs(routes: list, path: Path) -> None:
    from flightlegs.show.maps import route_map, save_map

    save_map(route_map(routes), path)


def build_naive(routes: list, path: Path) -> None:
    import folium

    from flightlegs.show.geometry import leg_path

    m = folium.Map(location=(20, 0), zoom_start=2)
    for route in routes:
        for leg in route.legs():
            points = leg_path(leg)
            if points is None:
                continue
            text = f"{route.name} leg {leg.number}: {leg.km:,.0f} km"
            folium.PolyLine(points.tolist(), tooltip=text, popup=text).add_to(m)
            end = leg.destination.position
            folium.Marker((end.lat, end.lon), tooltip=leg.destination.code, popup=text).add_to(m)
    m.save(path)


def run_one(how: str, count: int, out: Path) -> dict:
    """Build one map in this process; return its figures."""
    import folium  # noqa: F401  imported before timing, as a caller would have

    import flightlegs.show.maps  # noqa: F401

    routes = random_routes(count)
    start = time.perf_counter()
    (build_flightlegs if how == "flightlegs" else build_naive)(routes, out)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "mb": out.stat().st_size / 1e6, "peak_mb": peak_kb / 1024}


def in_subprocess(how: str, count: int, out: Path) -> dict:
    # taskset keeps the child on one core, as the target asks, where it is available
    cmd = [sys.executable, __file__, "--one", how, str(count), str(out)]
    if Path("/usr/bin/taskset").exists():
        cmd = ["/usr/bin/taskset", "-c", "0", *cmd]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def browser_times(path: Path, runs: int = 3) -> tuple[float, float]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
    import harness
    from playwright.sync_api import sync_playwright

    missing = harness.missing_requirements()
    if missing:
        raise SystemExit("browser: missing " + "; ".join(missing))
    ready, idle = [], []
    with sync_playwright() as playwright:
        browser = harness.launch_chromium(playwright)
        for _ in range(runs):
            shown = harness.open_map(browser, path)
            shown.assert_clean()
            ready.append(shown.ready_seconds)
            idle.append(shown.idle_seconds)
            shown.close()
        browser.close()
    return statistics.median(ready), statistics.median(idle)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument(
        "--browser", action="store_true", help="also time the largest map in Chromium"
    )
    parser.add_argument("--one", nargs=3, metavar=("HOW", "N", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        how, count, out = args.one
        print(json.dumps(run_one(how, int(count), Path(out))))
        return

    print(f"{'routes':>7} {'map':<11} {'build+save':>10} {'HTML':>9} {'peak RSS':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        largest = None
        for count in args.sizes:
            figures = {}
            for how in ("flightlegs", "naive"):
                out = Path(tmp) / f"{how}-{count}.html"
                figures[how] = in_subprocess(how, count, out)
                f = figures[how]
                print(
                    f"{count:>7,} {how:<11} {f['seconds']:>9.2f}s {f['mb']:>7.2f}MB"
                    f" {f['peak_mb']:>7.0f}MB"
                )
            ours, naive = figures["flightlegs"], figures["naive"]
            ratios = "  ".join(
                f"{k} x{naive[k] / ours[k]:.1f}" for k in ("seconds", "mb", "peak_mb")
            )
            print(f"{'':>7} naive/ours  {ratios}")
            if count >= 5000:
                verdicts = [
                    f"{k} {'ok' if ours[k] <= limit else 'OVER'} (<= {limit:g})"
                    for k, limit in TARGETS.items()
                ]
                print(f"{'':>7} targets     {'; '.join(verdicts)}")
            largest = Path(tmp) / f"flightlegs-{count}.html"
        if args.browser and largest is not None:
            ready, idle = browser_times(largest)
            print(
                f"browser: {largest.name} ready {ready:.2f}s, network idle {idle:.2f}s (median of 3)"
            )


if __name__ == "__main__":
    main()
