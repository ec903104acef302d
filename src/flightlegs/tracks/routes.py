"""Observed legs as :class:`~flightlegs.core.route.Route` objects, for ``check`` and ``map``.

Consecutive legs that meet at one place become one route; where the track
loses the aircraft between legs (an unknown end), the route is cut, so no leg
is made up between two places the aircraft was not seen to fly between. An
end with no airport (a ship, a field) is a stop at its coordinates; an
unknown end is a stop at the first or last position seen.

Examples
--------
>>> from flightlegs.tracks.synthetic import synthetic_track
>>> from flightlegs.tracks.legs import reconstruct
>>> [r.name for r in track_routes(reconstruct(synthetic_track(["LSZH", "LFSB", "EDDF"])))]
['abc123 TEST1 2023-11-14: ZRH-BSL-FRA']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from flightlegs.core.geodesy import LatLon
from flightlegs.core.route import Route, Stop, StopKind
from flightlegs.tracks.model import LegEnd, ObservedLeg, ObservedTrack

__all__ = ["track_routes", "tracks_routes"]


def _when(time_s: float | None) -> dt.datetime | None:
    return None if time_s is None else dt.datetime.fromtimestamp(time_s, tz=dt.UTC)


def _stop(end: LegEnd | None, leg: ObservedLeg, at_start: bool) -> Stop:
    when = _when(leg.takeoff_s if at_start else leg.landing_s)
    departure, arrival = (when, None) if at_start else (None, when)
    if end is not None and end.airport is not None:
        seen = "seen" if end.observed else "inferred"
        return Stop.at_airport(
            end.airport,
            reason=f"{seen} {'take-off' if at_start else 'landing'} "
            f"{(end.distance_m or 0) / 1000:.1f} km from it ({end.confidence} confidence)",
            departure=departure,
            arrival=arrival,
        )
    if end is not None:
        return Stop(
            name=str(end.position),
            kind=StopKind.COORDINATES,
            point=end.position,
            reason="landed where the airport table has no airport",
            departure=departure,
            arrival=arrival,
        )
    # unknown: measured from where the aircraft was first or last seen
    return Stop(
        name="first seen" if at_start else "last seen",
        kind=StopKind.COORDINATES,
        point=_edge(leg, at_start),
        reason="the track starts or ends airborne: the airport is unknown",
    )


def _edge(leg: ObservedLeg, at_start: bool) -> LatLon:
    where = leg.first_position if at_start else leg.last_position
    return where if where is not None else LatLon(0.0, 0.0)


def _same_place(a: Stop, b: Stop) -> bool:
    if a.airport is not None and b.airport is not None:
        return a.airport == b.airport
    return a.kind is StopKind.COORDINATES and a.point == b.point and a.name == b.name


def track_routes(track: ObservedTrack) -> list[Route]:
    """The routes one aircraft flew: chains of legs that meet at one place."""
    chains: list[list[Stop]] = []
    first_leg: list[ObservedLeg] = []
    for leg in track.legs:
        origin = _stop(leg.origin, leg, at_start=True)
        dest = _stop(leg.destination, leg, at_start=False)
        if chains and leg.origin is not None and _same_place(chains[-1][-1], origin):
            last = chains[-1][-1]
            chains[-1][-1] = Stop(
                name=last.name,
                kind=last.kind,
                candidates=last.candidates,
                point=last.point,
                country=last.country,
                region=last.region,
                reason=last.reason,
                arrival=last.arrival,
                departure=origin.departure,
            )
            chains[-1].append(dest)
        else:
            chains.append([origin, dest])
            first_leg.append(leg)
    routes = []
    for stops, leg in zip(chains, first_leg, strict=True):
        day = dt.datetime.fromtimestamp(leg.start_s, tz=dt.UTC).date()
        codes = "-".join(s.code if s.airport else "?" for s in stops)
        label = " ".join(x for x in (track.icao24, leg.callsign, day.isoformat()) if x)
        routes.append(
            Route(
                stops=tuple(stops),
                name=f"{label}: {codes}",
                aircraft=track.type,
                date=day,
                source=track.source or None,
                notes=f"observed on ADS-B, {len(stops) - 1} legs",
            )
        )
    return routes


def tracks_routes(tracks: Sequence[ObservedTrack]) -> list[Route]:
    """:func:`track_routes` of every track, in order."""
    return [r for t in tracks for r in track_routes(t)]
