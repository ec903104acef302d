"""The real tracks of ../shared/tracks-dev (not in the repository: their licences forbid it).

Skipped when the folder is absent. Each file's legs are checked against the
hand-checked expectations with the scorer's rule: start and end within 10 minutes.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from flightlegs.tracks.observe import observe_files

DEV = Path(__file__).resolve().parents[2] / "shared" / "tracks-dev"
if not DEV.is_dir():
    DEV = Path("/work/shared/tracks-dev")
pytestmark = pytest.mark.skipif(
    not (DEV / "expected_legs.json").is_file(),
    reason="../shared/tracks-dev is absent (real tracks, not redistributable)",
)
CASES = (
    json.loads((DEV / "expected_legs.json").read_text())["files"]
    if (DEV / "expected_legs.json").is_file()
    else []
)
TOLERANCE_S = 600


def _when(text: str | None) -> float | None:
    if not text:
        return None
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_dev_track_legs_and_airports(case: dict[str, Any]) -> None:
    tracks = observe_files([DEV / case["file"]])
    found = [(t.icao24, leg) for t in tracks for leg in t.legs]
    used: set[int] = set()
    wrong_airports = []
    for exp in case["legs"]:
        start = _when(exp["from"].get("time")) or _when(exp["first_seen"])
        end = _when(exp["to"].get("time")) or _when(exp["last_seen"])
        assert start is not None  # every expected leg gives a time or a first_seen
        assert end is not None
        hit = next(
            (i for i, (icao, leg) in enumerate(found) if i not in used and icao == exp["icao24"]
             and abs((leg.takeoff_s or leg.start_s) - start) <= TOLERANCE_S
             and abs((leg.landing_s or leg.end_s) - end) <= TOLERANCE_S),
            None,
        )  # fmt: skip
        if hit is None:
            assert exp.get("optional"), f"missed {exp['icao24']} leg {exp['leg']}"
            continue
        used.add(hit)
        leg = found[hit][1]
        for want, got in (
            (exp["from"]["airport"], leg.origin),
            (exp["to"]["airport"], leg.destination),
        ):
            if want != (got.icao if got else None):
                wrong_airports.append((exp["leg"], want, got.icao if got else None))
    extra = len(found) - len(used)
    assert extra <= 1
    assert len(wrong_airports) <= 3, wrong_airports
