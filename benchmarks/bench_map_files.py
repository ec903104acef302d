"""Size and load time of a self-contained map against a --cdn map, in headless Chromium.

    python benchmarks/bench_map_files.py [--runs 3] [--before DIR]

Writes the example charter map and a 5,000-route map both ways (``assets="inline"``,
the default, and ``assets="cdn"``) and opens each with the browser tests' offline
harness (CDN files answered from ``tests/browser/node_modules``, tiles with a blank
PNG), printing the file size and the median time to a ready map and to an idle
network. ``--before DIR`` also times the maps in DIR (for instance written by an
older flightlegs) under the same names.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
import harness  # noqa: E402  (a plain module beside the browser tests)

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_maps import random_routes  # noqa: E402


def write_maps(folder: Path) -> list[Path]:
    from flightlegs.checks.rules import check_routes
    from flightlegs.read.inputs import read_routes
    from flightlegs.show.maps import route_map, save_map

    charter = read_routes(str(ROOT / "examples" / "gulfstream-charter.txt"))
    many = random_routes(5000)
    paths = []
    for assets in ("inline", "cdn"):
        m = route_map(charter, checks=check_routes(charter), assets=assets)
        paths.append(save_map(m, folder / f"charter-{assets}.html"))
        paths.append(save_map(route_map(many, assets=assets), folder / f"5000-{assets}.html"))
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="a folder of older maps to time too")
    args = parser.parse_args()
    missing = harness.missing_requirements()
    if missing:
        print("cannot run: missing " + "; ".join(missing), file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        paths = write_maps(Path(scratch))
        if args.before:
            paths += sorted(args.before.glob("*.html"))
        browser = harness.launch_chromium(playwright)
        print(f"{'map':<28} {'size':>9} {'ready s':>8} {'idle s':>7}  (median of {args.runs})")
        for path in paths:
            ready, idle = [], []
            for _ in range(args.runs):
                shown = harness.open_map(browser, path)
                shown.assert_clean()
                ready.append(shown.ready_seconds)
                idle.append(shown.idle_seconds)
                shown.close()
            label = path.name if path.parent.name != args.before else f"before/{path.name}"
            print(
                f"{label:<28} {path.stat().st_size / 1e6:7.2f}MB "
                f"{statistics.median(ready):8.2f} {statistics.median(idle):7.2f}"
            )
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
