"""Run every benchmark script in this folder, one after the other, and print their figures.

Usage: ``python benchmarks/run.py [NAME ...]`` where NAME filters the scripts
(``core``, ``reports``, ``checks``, ``maps``, ``browser_map``).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:
        scripts = [s for s in scripts if any(name in s.stem for name in argv)]
    failed = []
    for script in scripts:
        print(f"=== {script.name}", flush=True)
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, str(script)], check=False)
        print(
            f"--- {script.name}: {time.perf_counter() - t0:.1f} s, exit {done.returncode}\n",
            flush=True,
        )
        if done.returncode:
            failed.append(script.name)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
