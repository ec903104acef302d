"""A comparison of a reported route with the flown one, as a table or JSON.

Examples
--------
>>> from flightlegs.read.chains import parse_chain
>>> from flightlegs.tracks.compare import compare_route
>>> from flightlegs.tracks.synthetic import synthetic_track
>>> from flightlegs.tracks.legs import reconstruct
>>> flown = [reconstruct(synthetic_track(["LSZH", "LFSB"]))]
>>> print(render_comparison([compare_route(parse_chain("ZRH-BSL")[0], flown)]).splitlines()[0])
ZRH-BSL against abc123: agrees
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from flightlegs.tracks.compare import Comparison, StopMatch
from flightlegs.tracks.points import iso_utc

__all__ = ["comparison_document", "render_comparison"]


def _match(m: StopMatch) -> dict[str, Any]:
    seen = m.observed
    a = seen.airport if seen else None
    return {
        "status": m.status,
        "reported": m.reported.label if m.reported else None,
        "airport": (a.icao or a.ident) if a else None,
        "airport_name": a.name if a else None,
        "observed": seen.observed if seen else None,
        "arrival_utc": iso_utc(seen.arrival_s) if seen else None,
        "departure_utc": iso_utc(seen.departure_s) if seen else None,
        "time_consistent": m.time_ok,
    }


def comparison_document(comparisons: Sequence[Comparison]) -> dict[str, Any]:
    """The comparisons as JSON-ready objects."""
    return {
        "comparisons": [
            {
                "route": c.route.name,
                "icao24": c.icao24,
                "agrees": c.agrees,
                "date_consistent": c.date_ok,
                "stops": [_match(m) for m in c.matches],
            }
            for c in comparisons
        ]
    }


def render_comparison(comparisons: Sequence[Comparison], fmt: str = "table") -> str:
    """The comparisons as ``table`` or ``json``."""
    doc = comparison_document(comparisons)
    if fmt == "json":
        return json.dumps(doc, indent=2, ensure_ascii=False)
    lines = []
    for c in doc["comparisons"]:
        verdict = "agrees" if c["agrees"] else "DISAGREES"
        lines.append(f"{c['route']} against {c['icao24'] or 'no aircraft'}: {verdict}")
        for s in c["stops"]:
            where = s["airport"] or "-"
            how = "" if s["observed"] is None else (" (seen)" if s["observed"] else " (inferred)")
            when = s["arrival_utc"] or s["departure_utc"] or ""
            said = s["reported"] or "(not in the report)"
            flag = " time inconsistent" if s["time_consistent"] is False else ""
            lines.append(f"  {s['status']:10} {said:28.28} {where}{how} {when}{flag}")
        if c["date_consistent"] is False:
            lines.append("  the report's date does not match the flown dates")
    return "\n".join(lines)
