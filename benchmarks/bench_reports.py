"""Timings of the report reader and the route-file reader; prints figures, asserts nothing.

Run: python benchmarks/bench_reports.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from flightlegs.read.report.reader import parse_report
from flightlegs.read.routefiles import read_route_file

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
    print(f"first report (gazetteer and tables loaded): {time.perf_counter() - start:8.3f} s")
    if seed is not None:
        warm = best_of(lambda: parse_report(seed))
        print(
            f"seed report parsed and resolved, warm:      {warm * 1000:8.1f} ms  (target < 50 ms)"
        )
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    rounds = 5
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            parse_report(text)
    elapsed = time.perf_counter() - start
    print(
        f"corpus ({len(texts)} reports x {rounds}):            {len(texts) * rounds / elapsed:8.0f} reports/s"
    )
    per = [best_of(lambda t=t: parse_report(t), repeat=3) for t in texts]
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
