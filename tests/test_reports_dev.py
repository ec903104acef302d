"""The reader on real reports: the labelled development set, scored as the hidden sets are.

``tests/reports-dev/split.json`` halves the 40 cases once. The reader's rules and
the scoring stage's weights are tuned on ``tune``; ``held_out`` is never tuned
on. The floors below are today's scores, so a change that loses stops on real
prose fails here even when every made-up case still passes.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from flightlegs.core.route import Route
from flightlegs.errors import InputError
from flightlegs.read.report.reader import parse_report

HERE = Path(__file__).parent / "reports-dev"
SPLIT = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
_STOP = {"airport", "international", "air", "base", "force", "the", "city", "field", "joint"}
#: (exact routes, stops found in order) at least, per half, as measured when set.
FLOORS = {"tune": (8, 55), "held_out": (0, 35)}


def _words(s: str | None) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", (s or "").lower())) - _STOP


def _matches(exp: dict[str, Any], stop: Any) -> bool:
    best = stop.airport
    if exp.get("iata") and best is not None and best.iata:
        return bool(exp["iata"].upper() == best.iata.upper())
    if exp.get("country") and stop.country and exp["country"] != stop.country:
        return False
    if exp.get("kind") == "country":
        return True
    if exp.get("region") and stop.region and exp["region"] != stop.region:
        return False
    if exp.get("kind") == "region":
        return True
    names = _words(stop.name) | _words(best.city if best is not None else None)
    return bool(_words(exp["name"]) & names)


def _in_order(expected: list[dict[str, Any]], got: tuple[Any, ...]) -> int:
    t = [[0] * (len(got) + 1) for _ in range(len(expected) + 1)]
    for i, e in enumerate(expected):
        for j, g in enumerate(got):
            t[i + 1][j + 1] = t[i][j] + 1 if _matches(e, g) else max(t[i][j + 1], t[i + 1][j])
    return t[-1][-1]


def _score(half: str) -> tuple[int, int, int]:
    return _score_files([HERE / name for name in SPLIT[half]])


def _score_files(paths: list[Path]) -> tuple[int, int, int]:
    """(exact routes, stops found in order, stops expected) over labelled real reports."""
    exact = found = total = 0
    for path in paths:
        name = path.name
        case = json.loads(path.read_text(encoding="utf-8"))
        expected = case["expected_stops"]
        total += len(expected)
        try:
            route: Route = parse_report(case["text"], source=name)
        except InputError:
            continue
        k = _in_order(expected, route.stops)
        found += k
        exact += k == len(expected) == len(route.stops)
    return exact, found, total


def test_the_split_is_whole_and_disjoint() -> None:
    cases = {p.name for p in HERE.glob("*.json") if p.name != "split.json"}
    assert set(SPLIT["tune"]) | set(SPLIT["held_out"]) == cases
    assert not set(SPLIT["tune"]) & set(SPLIT["held_out"])
    assert len(cases) == 40


@pytest.mark.parametrize("half", ["tune", "held_out"])
def test_the_reader_keeps_its_score_on_real_reports(half: str) -> None:
    exact, found, total = _score(half)
    floor_exact, floor_found = FLOORS[half]
    assert exact >= floor_exact, f"{half}: {exact} routes exact"
    assert found >= floor_found, f"{half}: {found}/{total} stops in order"


def test_the_learned_weights_are_those_the_script_makes() -> None:
    root = Path(__file__).parents[1]
    done = subprocess.run(
        [sys.executable, str(root / "scripts" / "train_reader.py"), "--check"],
        capture_output=True, text=True, cwd=root,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


FRESH = Path(__file__).parent / "reports-fresh"
#: (exact routes, stops found in order) at least on tests/reports-fresh, as measured when set.
FRESH_FLOOR = (64, 1010)  # 290 reports, 1410 stops (2026-12-08, eighth session)


def test_the_fresh_real_reports_keep_their_score() -> None:
    exact, found, _ = _score_files(sorted(FRESH.glob("*.json")))
    assert exact >= FRESH_FLOOR[0]
    assert found >= FRESH_FLOOR[1]
