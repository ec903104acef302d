"""Time how long folium maps take to become ready in headless Chromium, offline.

    python benchmarks/bench_browser_map.py [MAP.html ...] [--lines 5000] [--runs 5]

Measures each map given on the command line and a generated folium map of N GeoJSON
lines, with the same offline routing as the browser tests (tests/browser/harness.py), and
prints the median over the runs of:

* ready: navigation start until the Leaflet map exists and has a view;
* idle: navigation start until the last request (tiles, fonts) ended.

Needs what the browser tests need: ``bash .ci/install-browser.sh``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import folium
import numpy as np

# harness.py is a plain module beside the browser tests (tests/ is not a package).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
import harness

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def lines_map(count: int, path: Path, seed: int = 0) -> Path:
    """Save a world map of *count* GeoJSON lines (3-8 points each) with a tooltip each."""
    rng = np.random.default_rng(seed)
    features = []
    for i in range(count):
        points = int(rng.integers(3, 9))
        start = rng.uniform((-170.0, -60.0), (170.0, 70.0))
        steps = rng.normal(0.0, 3.0, size=(points - 1, 2))
        coords = np.vstack([start, start + np.cumsum(steps, axis=0)])
        coords[:, 1] = np.clip(coords[:, 1], -85.0, 85.0)
        features.append(
            {
                "type": "Feature",
                "properties": {"leg": f"leg {i}"},
                "geometry": {"type": "LineString", "coordinates": coords.round(4).tolist()},
            }
        )
    m = folium.Map(location=(20, 0), zoom_start=2)
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        tooltip=folium.GeoJsonTooltip(fields=["leg"]),
    ).add_to(m)
    m.save(path)
    return path


def measure(browser: Browser, path: Path, runs: int) -> tuple[list[float], list[float], list[str]]:
    """Open *path* *runs* times; return the ready and idle seconds and the first problems."""
    ready, idle, problems = [], [], []
    for run in range(runs):
        shown = harness.open_map(browser, path)
        ready.append(shown.ready_seconds)
        idle.append(shown.idle_seconds)
        if run == 0:
            problems = shown.problems()
        shown.close()
    return ready, idle, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("maps", nargs="*", type=Path, help="map HTML files to time")
    parser.add_argument("--lines", type=int, default=5000, help="lines in the generated map")
    parser.add_argument("--runs", type=int, default=5, help="runs per map (median printed)")
    args = parser.parse_args(argv)

    missing = harness.missing_requirements()
    if missing:
        print("cannot run: missing " + "; ".join(missing), file=sys.stderr)
        print(harness.INSTALL_HINT, file=sys.stderr)
        return 2

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        started = time.perf_counter()
        generated = lines_map(args.lines, Path(scratch) / f"lines_{args.lines}.html")
        print(f"generated {args.lines} lines in {time.perf_counter() - started:.2f} s")

        started = time.perf_counter()
        browser = harness.launch_chromium(playwright)
        print(f"browser launch: {time.perf_counter() - started:.2f} s")
        print(f"{'map':<40} {'MB':>6} {'ready s':>8} {'idle s':>8}  (median of {args.runs})")
        for path in [*args.maps, generated]:
            ready, idle, problems = measure(browser, path, args.runs)
            size = path.stat().st_size / 1e6
            print(
                f"{path.name:<40} {size:6.1f} {statistics.median(ready):8.2f} "
                f"{statistics.median(idle):8.2f}"
            )
            for problem in problems:
                print(f"    ! {problem}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
