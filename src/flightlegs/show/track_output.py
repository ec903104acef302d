"""Observed legs as the JSON contract, a table, CSV or GeoJSON.

The JSON contract (documented in the README's "Tracks" section)::

    {"tracks": [{"icao24", "registration", "type", "source", "points",
                 "legs": [{"callsign", "start_utc", "end_utc", "takeoff_utc", "landing_utc",
                           "from", "to", "distance_km", "duration_s", "points"}],
                 "events": [{"kind", "start_utc", "end_utc", "airport", "lat", "lon",
                             "altitude_ft", "groundspeed_kt", "detail"}],
                 "counts": {...}}]}

where ``from``/``to`` are ``{"icao", "iata", "name", "observed", "confidence",
"distance_km", "lat", "lon"}`` or ``null`` when unknown.

Examples
--------
>>> from flightlegs.tracks.synthetic import synthetic_track
>>> from flightlegs.tracks.legs import reconstruct
>>> doc = tracks_document([reconstruct(synthetic_track(["LSZH", "LFSB"], seed=1))])
>>> leg = doc["tracks"][0]["legs"][0]
>>> leg["from"]["icao"], leg["to"]["icao"], leg["to"]["observed"]
('LSZH', 'LFSB', True)
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from flightlegs.tracks.model import LegEnd, ObservedLeg, ObservedTrack, TrackEvent
from flightlegs.tracks.points import iso_utc

__all__ = ["TRACK_FORMATS", "render_tracks", "tracks_document"]

TRACK_FORMATS = ("table", "json", "csv", "geojson")


def _round(x: float | None, digits: int) -> float | None:
    if x is None or not math.isfinite(x):
        return None
    return round(x, digits)


def _end(end: LegEnd | None) -> dict[str, Any] | None:
    if end is None:
        return None
    a = end.airport
    return {
        "icao": end.icao,
        "iata": a.iata if a else None,
        "name": a.name if a else None,
        "observed": end.observed,
        "confidence": end.confidence,
        "distance_km": _round(end.distance_m / 1000 if end.distance_m is not None else None, 2),
        "lat": round(end.position.lat, 5),
        "lon": round(end.position.lon, 5),
    }


def _leg(leg: ObservedLeg) -> dict[str, Any]:
    return {
        "callsign": leg.callsign,
        "start_utc": iso_utc(leg.start_s),
        "end_utc": iso_utc(leg.end_s),
        "takeoff_utc": iso_utc(leg.takeoff_s),
        "landing_utc": iso_utc(leg.landing_s),
        "from": _end(leg.origin),
        "to": _end(leg.destination),
        "distance_km": round(leg.distance_m / 1000, 1),
        "duration_s": round(leg.duration_s),
        "points": leg.points,
    }


def _event(event: TrackEvent) -> dict[str, Any]:
    a = event.airport
    return {
        "kind": str(event.kind),
        "start_utc": iso_utc(event.start_s),
        "end_utc": iso_utc(event.end_s),
        "airport": (a.icao or a.ident) if a else None,
        "lat": round(event.position.lat, 5) if event.position else None,
        "lon": round(event.position.lon, 5) if event.position else None,
        "altitude_ft": _round(event.altitude_ft, 0),
        "groundspeed_kt": _round(event.groundspeed_kt, 0),
        "detail": event.detail,
    }


def tracks_document(tracks: Sequence[ObservedTrack]) -> dict[str, Any]:
    """The JSON contract for some tracks, as Python objects."""
    return {
        "tracks": [
            {
                "icao24": t.icao24,
                "registration": t.registration,
                "type": t.type,
                "source": t.source,
                "points": t.points,
                "legs": [_leg(leg) for leg in t.legs],
                "events": [_event(e) for e in t.events],
                "counts": {**asdict(t.read_counts), **asdict(t.clean_counts)},
            }
            for t in tracks
        ]
    }


def _code(end: dict[str, Any] | None) -> str:
    if end is None:
        return "?"
    code = end["icao"] or "(no airport)"
    return code if end["observed"] else f"{code}~"


def render_tracks(tracks: Sequence[ObservedTrack], fmt: str = "table") -> str:
    """The tracks' legs in one of :data:`TRACK_FORMATS`.

    In the table, ``?`` is an unknown end and ``~`` marks an airport inferred,
    not seen (take-off or landing outside the data).
    """
    doc = tracks_document(tracks)
    if fmt == "json":
        return json.dumps(doc, indent=2, ensure_ascii=False)
    rows = [(t, leg) for t in doc["tracks"] for leg in t["legs"]]
    if fmt == "csv":
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["icao24", "callsign", "start_utc", "end_utc", "takeoff_utc", "landing_utc",
                    "from", "from_observed", "to", "to_observed", "distance_km", "duration_s",
                    "points"])  # fmt: skip
        for t, leg in rows:
            f, d = leg["from"] or {}, leg["to"] or {}
            w.writerow([t["icao24"], leg["callsign"] or "", leg["start_utc"], leg["end_utc"],
                        leg["takeoff_utc"] or "", leg["landing_utc"] or "", f.get("icao") or "",
                        f.get("observed", ""), d.get("icao") or "", d.get("observed", ""),
                        leg["distance_km"], leg["duration_s"], leg["points"]])  # fmt: skip
        return out.getvalue()
    if fmt == "geojson":
        features = []
        for t, leg in rows:
            ends = [e for e in (leg["from"], leg["to"]) if e is not None]
            features.append(
                {
                    "type": "Feature",
                    "geometry": {
                        "type": "MultiPoint",
                        "coordinates": [[e["lon"], e["lat"]] for e in ends],
                    },
                    "properties": {"icao24": t["icao24"], **{k: v for k, v in leg.items()
                                                             if k not in ("from", "to")},
                                   "from": _code(leg["from"]), "to": _code(leg["to"])},
                }
            )  # fmt: skip
        return json.dumps({"type": "FeatureCollection", "features": features}, indent=2)
    lines = []
    for t in doc["tracks"]:
        head = " ".join(x for x in (t["icao24"], t["registration"], t["type"]) if x)
        lines.append(f"{head}: {len(t['legs'])} legs, {t['points']} points ({t['source']})")
        if t["legs"]:
            lines.append(" leg  callsign  from   to     take-off (UTC)        landing (UTC)"
                         "           km   hours")  # fmt: skip
        for k, leg in enumerate(t["legs"], start=1):
            off = leg["takeoff_utc"] or f"({leg['start_utc']})"
            on = leg["landing_utc"] or f"({leg['end_utc']})"
            lines.append(
                f"{k:4d}  {(leg['callsign'] or '-'):8.8}  {_code(leg['from']):6} "
                f"{_code(leg['to']):6} {off:22} {on:22} {leg['distance_km']:6.0f} "
                f"{leg['duration_s'] / 3600:6.1f}"
            )
        passes = [e for e in t["events"] if e["kind"] in ("low_pass", "touch_and_go")]
        for e in passes:
            lines.append(f"      {e['kind'].replace('_', ' ')} at {e['airport']} {e['start_utc']}")
    lines.append("? unknown end; ~ inferred, not seen; (time) first or last point")
    return "\n".join(lines)
