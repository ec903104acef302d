"""Routes and legs as text: aligned tables, CSV and the JSON contract.

The JSON document printed by ``flightlegs legs --format json`` is a contract
that scripts rely on::

    {"routes": [{"name", "aircraft", "date", "people", "seats", "source",
                 "stops": [{"name", "kind", "country", "region", "iata", "icao",
                            "airport", "lat", "lon", "is_return", "planned", "confidence",
                            "reason", "evidence",
                            "candidates": [{"ident", "iata", "icao", "name", "lat", "lon",
                                            "longest_runway_ft"}]}],
                 "legs": [{"leg", "from", "to", "distance_km", "distance_nm",
                           "distance_mi", "distance_km_min", "distance_km_max",
                           "distance_nm_min", "distance_nm_max", "bearing_deg",
                           "time_aloft_h"}],
                 "total_km", "total_nm", "total_mi", "warnings", "doubts", "set_aside"}]}

``from`` and ``to`` are 0-based indexes into ``stops`` (the tables for people
number stops from 1). Distances of a leg whose end could not be placed are
``null``. ``time_aloft_h`` is ``null`` unless the aircraft's cruise speed is
known. ``warnings`` lists what could not be read or placed; ``doubts`` why the
route may not be what the input meant (the ``doubt`` findings of
``flightlegs check``: no stop or one stop read, a detour that suggests a
mistyped code, ...); ``set_aside`` the places the reader did not take as stops,
each as ``"name: why"``. Fields may be added; none will be removed or change
meaning without a major version.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from typing import Any

from flightlegs.core.display import duration, figure, span
from flightlegs.core.geodesy import METRES_PER, Unit
from flightlegs.core.legs import Leg, total_m
from flightlegs.core.route import Route, Stop

__all__ = [
    "legs_csv",
    "legs_table",
    "route_doubts",
    "routes_document",
    "routes_json",
    "stop_dict",
    "stops_table",
]


def _num(value: float, digits: int = 3) -> float | None:
    return None if math.isnan(value) else round(value, digits)


def stop_dict(stop: Stop, max_candidates: int = 10) -> dict[str, Any]:
    """One stop as a JSON-ready dictionary (see the module's contract)."""
    pos = stop.position
    best = stop.airport
    return {
        "name": stop.name,
        "kind": str(stop.kind),
        "country": stop.country,
        "region": stop.region,
        "iata": best.iata if best else None,
        "icao": (best.icao or best.ident) if best else None,
        "airport": best.name if best else None,
        "lat": pos.lat if pos else None,
        "lon": pos.lon if pos else None,
        "is_return": stop.is_return,
        "planned": stop.planned,
        "confidence": stop.confidence,
        "reason": stop.reason or None,
        "evidence": None
        if stop.evidence is None
        else {
            "sentence": stop.evidence.sentence,
            "start": stop.evidence.start,
            "end": stop.evidence.end,
            "source": stop.evidence.source,
        },
        "candidates": [
            {
                "ident": a.ident,
                "iata": a.iata,
                "icao": a.icao,
                "name": a.name,
                "lat": a.position.lat,
                "lon": a.position.lon,
                "longest_runway_ft": a.longest_runway_ft,
            }
            for a in stop.candidates[:max_candidates]
        ],
    }


def _leg_dict(leg: Leg, cruise_ktas: float | None) -> dict[str, Any]:
    km_min, km, km_max = leg.distance("km")
    nm_min, nm, nm_max = leg.distance("nm")
    return {
        "leg": leg.number,
        "from": leg.origin_index,
        "to": leg.destination_index,
        "distance_km": _num(km),
        "distance_nm": _num(nm),
        "distance_mi": _num(leg.mi),
        "distance_km_min": _num(km_min),
        "distance_km_max": _num(km_max),
        "distance_nm_min": _num(nm_min),
        "distance_nm_max": _num(nm_max),
        "bearing_deg": _num(leg.bearing_deg, 2),
        "time_aloft_h": _num(leg.time_aloft_h(cruise_ktas), 2)
        if cruise_ktas and leg.is_measured
        else None,
    }


def route_doubts(routes: Sequence[Route], legs: Sequence[Sequence[Leg]]) -> list[list[str]]:
    """Each route's doubts as sentences (:func:`flightlegs.checks.doubt.doubt_findings`).

    Examples
    --------
    >>> from flightlegs.read.chains import parse_chain
    >>> r = parse_chain("MIA-PAP-SQD-MIA")
    >>> print(route_doubts(r, [x.legs() for x in r])[0][0][:65])
    The stop at Shangrao, China (SQD) makes a detour: Port-au-Prince,
    """
    from flightlegs.checks.doubt import direct_legs, doubt_findings

    directs = direct_legs(routes)
    return [
        [f.message for f in doubt_findings(route, route_legs, direct)]
        for route, route_legs, direct in zip(routes, legs, directs, strict=True)
    ]


def routes_document(
    routes: Sequence[Route],
    legs: Sequence[Sequence[Leg]],
    cruise: Sequence[float | None] | None = None,
) -> dict[str, Any]:
    """The JSON contract as a Python dictionary.

    Parameters
    ----------
    routes
        The routes.
    legs
        The measured legs of each route (from :func:`flightlegs.core.legs.measure_many`).
    cruise
        Cruise speed in knots for each route, or ``None`` where unknown.
    """
    cruise = cruise or [None] * len(routes)
    doubts = route_doubts(routes, legs)
    out = []
    for route, route_legs, ktas, doubt in zip(routes, legs, cruise, doubts, strict=True):
        total = total_m(route_legs)
        out.append(
            {
                "name": route.name,
                "aircraft": route.aircraft,
                "date": route.date.isoformat() if route.date else None,
                "people": route.people,
                "seats": route.seats,
                "source": route.source,
                "stops": [stop_dict(s) for s in route.stops],
                "legs": [_leg_dict(leg, ktas) for leg in route_legs],
                "total_km": round(total / METRES_PER["km"], 3),
                "total_nm": round(total / METRES_PER["nm"], 3),
                "total_mi": round(total / METRES_PER["mi"], 3),
                "warnings": list(route.warnings),
                "doubts": doubt,
                "set_aside": list(route.set_aside),
            }
        )
    return {"routes": out}


def routes_json(
    routes: Sequence[Route],
    legs: Sequence[Sequence[Leg]],
    cruise: Sequence[float | None] | None = None,
) -> str:
    """The JSON contract as text, indented, keys in a stable order.

    Examples
    --------
    >>> from flightlegs.read.chains import parse_chain
    >>> r = parse_chain("AZA-ELP")[0]
    >>> leg = json.loads(routes_json([r], [r.legs()]))["routes"][0]["legs"][0]
    >>> leg["from"], leg["to"], leg["distance_nm"]  # from and to index the stops
    (0, 1, 282.243)
    """
    return json.dumps(routes_document(routes, legs, cruise), indent=2, ensure_ascii=False)


def _fmt_distance(leg: Leg, unit: Unit) -> str:
    """A table cell: the best guess, then the range over the candidates: ``1,024 (980–1,210)``."""
    if not leg.is_measured:
        return "?"
    lo, likely, hi = leg.distance(unit)
    return f"{figure(likely)} ({span(lo, hi)})" if leg.is_range else figure(likely)


def _align(rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def legs_table(
    route: Route,
    legs: Sequence[Leg],
    unit: Unit = "km",
    cruise_ktas: float | None = None,
    doubts: Sequence[str] | None = None,
) -> str:
    """An aligned text table of a route's legs, for the terminal.

    Below the total, one ``warning:`` line for each stop that could not be
    placed and each doubt (``doubts``, or :func:`route_doubts` when ``None``).

    Examples
    --------
    >>> from flightlegs.read.chains import parse_chain
    >>> r = parse_chain("ANC-SHE")[0]
    >>> print(legs_table(r, r.legs(), unit="nm"))
    ANC-SHE
    leg  from  to   distance nm  bearing  time aloft
      1  ANC   SHE        3,182     291°           -
    total 3,182 nm
    """
    header = [f"{route.name or 'route'}"]
    extras = [v for v in (route.aircraft, route.date.isoformat() if route.date else None) if v]
    if extras:
        header[0] += "  (" + ", ".join(extras) + ")"
    rows = [["leg", "from", "to", f"distance {unit}", "bearing", "time aloft"]]
    for leg in legs:
        time = "-"
        if cruise_ktas and leg.is_measured:
            time = duration(leg.time_aloft_h(cruise_ktas))
        rows.append(
            [
                str(leg.number),
                leg.origin.label,
                leg.destination.label,
                _fmt_distance(leg, unit),
                f"{leg.bearing_deg:.0f}°" if leg.is_measured else "?",
                time,
            ]
        )
    total = total_m(legs) / METRES_PER[unit]
    footer = f"total {total:,.0f} {unit}"
    if any(not leg.is_measured for leg in legs):
        footer += " (legs marked ? have an unplaced end)"
    if doubts is None:
        doubts = route_doubts([route], [legs])[0]
    notes = [w for w in route.warnings if "could not place" in w]
    warned = [f"warning: {note}" for note in (*notes, *doubts)]
    table = _align(rows, right={0, 3, 4, 5}) if len(rows) > 1 else "(no legs)"
    return "\n".join([*header, table, footer, *warned])


def stops_table(route: Route) -> str:
    """An aligned text table of a route's stops, numbered from 1, with evidence and candidates.

    Below it, why each vague stop's airports were chosen, and the places the
    reader set aside as not stops (:attr:`Route.set_aside`), where there are any.

    Examples
    --------
    >>> from flightlegs.read.chains import parse_chain
    >>> print(stops_table(parse_chain("AZA-ELP")[0]).splitlines()[2])
    1  AZA   airport  Phoenix–Mesa Gateway Airport (AZA/KIWA)               AZA-ELP
    """
    rows = [["#", "stop", "kind", "best guess", "candidates", "evidence"]]
    for i, stop in enumerate(route.stops, start=1):
        best = (
            stop.airport.label
            if stop.airport
            else (str(stop.point) if stop.point else "unresolved")
        )
        others = ", ".join(a.code for a in stop.candidates[1:6])
        if len(stop.candidates) > 6:
            others += f" (+{len(stop.candidates) - 6})"
        evidence = stop.evidence.sentence.strip().replace("\n", " ") if stop.evidence else ""
        if len(evidence) > 70:
            # show the words around the name, not always the sentence's opening
            at = max(0, evidence.find(stop.name))
            start = max(0, min(at - 30, len(evidence) - 64))
            evidence = ("..." if start else "") + evidence[start : start + 64].strip() + "..."
        name = stop.name + (" (return)" if stop.is_return else "")
        rows.append([str(i), name, str(stop.kind), best, others, evidence])
    lines = [route.name or "route", _align(rows, right={0})]
    reasons = [
        f"  {i}. {s.reason}"
        if s.reason.startswith(f"{s.name}:")
        else f"  {i}. {s.name}: {s.reason}"
        for i, s in enumerate(route.stops, start=1)
        if s.reason
    ]
    if reasons:
        lines += ["why these airports:", *reasons]
    if route.set_aside:
        lines += ["set aside, not taken as stops:", *(f"  - {p}" for p in route.set_aside)]
    return "\n".join(lines)


def legs_csv(
    routes: Sequence[Route],
    legs: Sequence[Sequence[Leg]],
    unit: Unit = "km",
    cruise: Sequence[float | None] | None = None,
) -> str:
    """Every leg of every route as CSV, distances in ``unit``; an unmeasured leg's are empty.

    Examples
    --------
    >>> from flightlegs.read.chains import parse_chain
    >>> r = parse_chain("AZA-ELP")[0]
    >>> print(legs_csv([r], [r.legs()], unit="nm").splitlines()[1])
    AZA-ELP,1,AZA,ELP,AZA,ELP,282.243,282.243,282.243,107.13,
    """
    cruise = cruise or [None] * len(routes)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(
        [
            "route", "leg", "from", "to", "from_code", "to_code",
            f"distance_{unit}", f"distance_{unit}_min", f"distance_{unit}_max",
            "bearing_deg", "time_aloft_h",
        ]
    )  # fmt: skip
    for route, route_legs, ktas in zip(routes, legs, cruise, strict=True):
        for leg in route_legs:
            row: list[object] = [
                route.name,
                leg.number,
                leg.origin.name,
                leg.destination.name,
                leg.origin.code,
                leg.destination.code,
            ]
            if leg.is_measured:
                low, likely, high = leg.distance(unit)
                aloft = f"{leg.time_aloft_h(ktas):.2f}" if ktas else ""
                row += [
                    f"{likely:.3f}",
                    f"{low:.3f}",
                    f"{high:.3f}",
                    f"{leg.bearing_deg:.2f}",
                    aloft,
                ]
            else:
                row += [""] * 5
            writer.writerow(row)
    return buf.getvalue()
