"""Benchmark ``flightlegs check``: routes per second end to end, peak memory, cold start.

Run: ``python benchmarks/bench_checks.py [--routes 10000]``.

1. Writes a CSV of random airport-code chains (2-6 stops, unique IATA codes of
   large and medium airports from the bundled table, a mix of aircraft types
   and passenger counts) to a temporary folder.
2. In process: reads it with :func:`flightlegs.read.inputs.read_routes`, checks it
   with :func:`flightlegs.checks.rules.check_routes` (one geodesic call for every
   leg), renders JSON; best of 3, with the share of each step.
3. Peak memory: ``tracemalloc`` over one in-process run (Python allocations),
   and the peak resident set of ``flightlegs check FILE --format F`` run as a
   subprocess for each format (everything: interpreter, numpy, the airport table).
4. Cold start: the median wall time of ``flightlegs check`` on the example
   report and on a code chain, as a subprocess, and which heavy packages the
   check path imports (it should import neither pandas nor folium).

Targets: >= 1,000 routes/s end to end (10,000 for the checks alone),
<= 500 MB, cold start well under 1 s.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "gulfstream-charter.txt"
AIRCRAFT = ["GLF5", "Gulfstream V", "B738", "E145", "a 737", "A320", "B763", "C-37A"]


def write_routes(path: Path, count: int, seed: int = 42) -> None:
    from flightlegs.reference.airports import airport_table

    table = airport_table()
    codes = sorted(
        a.iata
        for a in table
        if a.iata and a.type in {"large_airport", "medium_airport"} and len(table.find(a.iata)) == 1
    )
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["name", "aircraft", "people", "route"])
        for n in range(count):
            stops = rng.sample(codes, rng.randint(2, 6))
            writer.writerow([f"r{n}", rng.choice(AIRCRAFT), rng.randint(1, 250), "-".join(stops)])


def best_of(fn, repeat: int = 3) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def in_process(path: Path, count: int) -> None:
    from flightlegs.checks.rules import check_routes
    from flightlegs.read.inputs import read_routes
    from flightlegs.show.check_output import render

    read_routes(str(path))  # warm the airport table and the aircraft index
    t_read, routes = best_of(lambda: read_routes(str(path)))
    t_check, report = best_of(lambda: check_routes(routes))  # type: ignore[arg-type]
    t_json, _ = best_of(lambda: render(report, "json"))  # type: ignore[arg-type]
    t_text, _ = best_of(lambda: render(report, "text"))  # type: ignore[arg-type]
    t_github, _ = best_of(lambda: render(report, "github"), repeat=1)  # type: ignore[arg-type]
    total = t_read + t_check + t_json
    findings = sum(len(r.findings) for r in report.routes)  # type: ignore[attr-defined]
    print(f"routes: {count:,} ({findings:,} findings)")
    print(f"  read CSV      {t_read:6.3f} s  {count / t_read:9,.0f} routes/s")
    print(f"  check         {t_check:6.3f} s  {count / t_check:9,.0f} routes/s")
    print(f"  render JSON   {t_json:6.3f} s  {count / t_json:9,.0f} routes/s")
    print(f"  render text   {t_text:6.3f} s  {count / t_text:9,.0f} routes/s")
    print(f"  render github {t_github:6.3f} s  {count / t_github:9,.0f} routes/s (reads the file)")
    print(f"  end to end    {total:6.3f} s  {count / total:9,.0f} routes/s (read + check + JSON)")

    tracemalloc.start()
    render(check_routes(read_routes(str(path))), "json")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  peak Python allocations (tracemalloc): {peak / 2**20:,.0f} MB")


def subprocess_run(path: Path, count: int) -> None:
    # Linux carries ru_maxrss across fork and exec, so a child forked from this
    # (large) process would report our peak; a small launcher reports the child's own.
    launcher = (
        "import os, subprocess, sys\n"
        "child = subprocess.Popen(sys.argv[2:], stdout=open(sys.argv[1], 'wb'), "
        "stderr=subprocess.DEVNULL)\n"
        "_, status, usage = os.wait4(child.pid, 0)\n"
        "print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)\n"
    )
    for fmt in ("json", "text", "junit", "github"):
        with tempfile.NamedTemporaryFile(suffix=f".{fmt}") as out:
            command = [sys.executable, "-m", "flightlegs", "check", str(path), "--format", fmt]
            t0 = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", launcher, out.name, *command],
                capture_output=True,
                text=True,
                check=True,
            )
            elapsed = time.perf_counter() - t0
            status, peak_kb = (int(x) for x in done.stdout.split())
            size = Path(out.name).stat().st_size
        print(
            f"subprocess `flightlegs check FILE --format {fmt}`: exit {status}, "
            f"{elapsed:.2f} s, {count / elapsed:,.0f} routes/s, "
            f"peak RSS {peak_kb / 1024:,.0f} MB, {size / 2**20:,.1f} MB out"
        )


def cold_start(repeat: int = 5) -> None:
    for label, args in (
        ("example report", [str(EXAMPLE)]),
        ("code chain", ["AZA-ELP-ANC-SHE-ICN", "--aircraft", "GLF5"]),
    ):
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "flightlegs", "check", *args],
                capture_output=True,
                check=False,
            )
            times.append(time.perf_counter() - t0)
        print(
            f"cold start, {label}: median {statistics.median(times):.2f} s (min {min(times):.2f})"
        )
    probe = (
        "import sys, io, contextlib\n"
        "from flightlegs.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', {str(EXAMPLE)!r}])\n"
        "print(','.join(m for m in ('pandas', 'folium', 'scipy', 'geopy', 'shapely') "
        "if m in sys.modules) or 'none')\n"
    )
    heavy = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    print(f"heavy packages imported by the check path: {heavy.stdout.strip() or heavy.stderr}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--routes", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "routes.csv"
        write_routes(path, args.routes)
        in_process(path, args.routes)
        subprocess_run(path, args.routes)
    cold_start()


if __name__ == "__main__":
    main()
