"""Timings of the report reader and the route-file reader; prints figures, asserts nothing.

The reader is timed on every report in the repository (the made-up corpus and
the 40 real reports of tests/reports-dev), against the naive approach in the
same run: the gazetteer listing the places named, with no reading at all. A
report of 1 MB (real prose repeated), and 0.8 MB of log lines with no full stop, show the
time stays bounded.

Run: python benchmarks/bench_reports.py
"""

from __future__ import annotations

import contextlib
import json
import statistics
import tempfile
import time
from pathlib import Path

from flightlegs.errors import InputError
from flightlegs.read.report.reader import explain_report, parse_report
from flightlegs.read.routefiles import read_route_file
from flightlegs.reference.gazetteer.index import gazetteer

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_d51b1f53c5358254.txt"
CORPUS = ROOT / "tests" / "reports"


def best_of(fn: object, repeat: int = 20) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    seed = SEED.read_text(encoding="utf-8") if SEED.exists() else None
    start = time.perf_counter()
    parse_report(seed or "The jet took off from Arizona and landed in Shenyang.")
    # a position given as coordinates loads the nearest-airport tree once: a load, not reading
    parse_report("The jet left Anchorage and landed at 64.8N 147.7W.")
    print(f"first reports (gazetteer, tables, tree loaded): {time.perf_counter() - start:8.3f} s")
    if seed is not None:
        warm = best_of(lambda: parse_report(seed))
        print(
            f"seed report parsed and resolved, warm:      {warm * 1000:8.1f} ms  (target < 50 ms)"
        )
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    texts += [
        json.loads(p.read_text(encoding="utf-8"))["text"]
        for p in sorted((ROOT / "tests" / "reports-dev").glob("*.json"))
        if p.name != "split.json"
    ]
    gaz = gazetteer()
    rounds = 5
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            with contextlib.suppress(InputError):  # no route found: still read in full
                parse_report(text)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            gaz.find_mentions(text)
    naive = time.perf_counter() - start
    n = len(texts) * rounds
    print(f"{len(texts)} reports x {rounds}, read and geocoded:     {n / ours:8.0f} reports/s")
    print(f"  naive (gazetteer names only), same run:   {n / naive:8.0f} reports/s")
    print(f"  reading costs {ours / naive:.1f}x the naive listing (target >= 100 reports/s)")
    big = (" ".join(texts[-40:]) * 40)[:1_000_000]
    start = time.perf_counter()
    explain_report(big)
    print(f"a 1 MB report read:                       {time.perf_counter() - start:8.2f} s")
    # a log pasted with no full stop anywhere: one "sentence" but for the reader's cap on
    # sentence length, which keeps each place's look back over its clause short
    legs = "\n".join(f"AMA - Amarillo (fuel) {i}" for i in range(30_000))
    start = time.perf_counter()
    explain_report("Our trip\n\nThese were my legs:\n" + legs + "\n")
    print(f"0.8 MB of leg lines with no full stop:    {time.perf_counter() - start:8.2f} s")
    per = [best_of(lambda t=t: explain_report(t), repeat=3) for t in texts]
    print(f"  median per report:                        {statistics.median(per) * 1000:8.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "flights.csv"
        routes = [
            "AZA-ELP-ANC-SHE-ICN",
            "Arizona > Texas > Alaska > Shenyang",
            "HRL-GUA-SAL-SAP-HRL",
        ]
        rows = [
            f"f{i},2024-03-{i % 28 + 1:02d},B738,{routes[i % 3]},{i % 150}" for i in range(10_000)
        ]
        path.write_text(
            "name,date,aircraft,route,people\n" + "\n".join(rows) + "\n", encoding="utf-8"
        )
        start = time.perf_counter()
        read = read_route_file(path)
        elapsed = time.perf_counter() - start
        print(f"CSV of {len(read):,} rows read:                 {elapsed:8.3f} s")


if __name__ == "__main__":
    main()
