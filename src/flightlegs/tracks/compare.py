"""A reported route set against what was flown.

The reported stops and the observed stops are aligned in flight order (the
longest common subsequence, where a reported stop matches an observed airport
when that airport is one of its candidates or lies in its region or country:
"Texas" is flown when the aircraft landed anywhere in Texas). Then:

- each reported stop is *flown* (at which airport, seen or inferred, and when)
  or *missing*;
- each observed stop the report does not mention is *unreported*;
- the report's date (and any times given at stops) are checked against the
  observed times.

Examples
--------
>>> from flightlegs.read.chains import parse_chain
>>> from flightlegs.tracks.synthetic import synthetic_track
>>> from flightlegs.tracks.legs import reconstruct
>>> flown = [reconstruct(synthetic_track(["LSZH", "LFSB", "EDDF"]))]
>>> result = compare_route(parse_chain("ZRH-FRA")[0], flown)
>>> [(m.status, m.airport.icao if m.airport else None) for m in result.matches]
[('flown', 'LSZH'), ('unreported', 'LFSB'), ('flown', 'EDDF')]
>>> result.agrees
False
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from flightlegs.core.airport import Airport
from flightlegs.core.route import Route, Stop, StopKind
from flightlegs.tracks.model import ObservedTrack

__all__ = ["Comparison", "ObservedStop", "StopMatch", "compare_route", "observed_stops"]

Status = Literal["flown", "missing", "unreported"]

#: Reported times at a stop agree with the observed ones within this many hours.
TIME_TOLERANCE_H = 3.0


@dataclass(frozen=True, slots=True)
class ObservedStop:
    """A place the aircraft was at: a named airport, or ``None`` (no airport or unknown)."""

    airport: Airport | None
    observed: bool
    arrival_s: float | None
    departure_s: float | None
    icao24: str


@dataclass(frozen=True, slots=True)
class StopMatch:
    """One line of the comparison."""

    status: Status
    reported: Stop | None
    observed: ObservedStop | None
    time_ok: bool | None = None

    @property
    def airport(self) -> Airport | None:
        """The airport flown to, when the stop was flown or is unreported."""
        return self.observed.airport if self.observed else None


@dataclass(frozen=True, slots=True)
class Comparison:
    """The reported route against the observed legs of the best-matching aircraft."""

    route: Route
    icao24: str | None
    matches: tuple[StopMatch, ...]
    date_ok: bool | None

    @property
    def agrees(self) -> bool:
        """Every reported stop flown, none unreported, dates and times consistent."""
        return (
            all(m.status == "flown" and m.time_ok is not False for m in self.matches)
            and self.date_ok is not False
        )


def observed_stops(track: ObservedTrack) -> list[ObservedStop]:
    """The places an aircraft was at, in order: each leg's origin, then its destination."""
    stops: list[ObservedStop] = []
    for leg in track.legs:
        origin = leg.origin.airport if leg.origin else None
        if stops and stops[-1].airport is not None and stops[-1].airport == origin:
            last = stops[-1]
            stops[-1] = ObservedStop(last.airport, last.observed, last.arrival_s,
                                     leg.takeoff_s, track.icao24)  # fmt: skip
        elif leg.origin is not None:
            stops.append(ObservedStop(origin, leg.origin.observed, None, leg.takeoff_s,
                                      track.icao24))  # fmt: skip
        if leg.destination is not None:
            stops.append(ObservedStop(leg.destination.airport, leg.destination.observed,
                                      leg.landing_s, None, track.icao24))  # fmt: skip
    return stops


def _matches(reported: Stop, seen: ObservedStop) -> bool:
    airport = seen.airport
    if airport is None:
        return False
    if airport in reported.candidates:
        return True
    if reported.kind is StopKind.REGION and reported.region:
        return airport.region == reported.region
    if reported.kind is StopKind.COUNTRY and reported.country:
        return airport.country == reported.country
    return False


def _align(reported: Sequence[Stop], seen: Sequence[ObservedStop]) -> list[StopMatch]:
    """Longest common subsequence of the reported and observed stops."""
    n, m = len(reported), len(seen)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if _matches(reported[i], seen[j]):
                best[i][j] = 1 + best[i + 1][j + 1]
            else:
                best[i][j] = max(best[i + 1][j], best[i][j + 1])
    out: list[StopMatch] = []
    i = j = 0
    while i < n or j < m:
        if (
            i < n
            and j < m
            and _matches(reported[i], seen[j])
            and best[i][j] == 1 + best[i + 1][j + 1]
        ):
            out.append(StopMatch("flown", reported[i], seen[j], _time_ok(reported[i], seen[j])))
            i, j = i + 1, j + 1
        elif j < m and (i == n or best[i][j + 1] >= best[i + 1][j]):
            if seen[j].airport is not None:  # an unknown end is no stop the report omits
                out.append(StopMatch("unreported", None, seen[j]))
            j += 1
        else:
            out.append(StopMatch("missing", reported[i], None))
            i += 1
    return out


def _time_ok(reported: Stop, seen: ObservedStop) -> bool | None:
    checks = []
    for said, flown in ((reported.arrival, seen.arrival_s), (reported.departure, seen.departure_s)):
        if said is not None and flown is not None:
            checks.append(abs(said.timestamp() - flown) <= TIME_TOLERANCE_H * 3600)
    return all(checks) if checks else None


def _date_ok(route: Route, tracks: Sequence[ObservedTrack]) -> bool | None:
    if route.date is None:
        return None
    days = {
        dt.datetime.fromtimestamp(t, tz=dt.UTC).date()
        for track in tracks
        for leg in track.legs
        for t in (leg.start_s, leg.end_s)
    }
    if not days:
        return None
    # a day either way: reports give local dates, legs are in UTC
    return any(abs((d - route.date).days) <= 1 for d in days)


def compare_route(route: Route, tracks: Sequence[ObservedTrack]) -> Comparison:
    """Compare a reported route with the observed tracks (the best-matching aircraft).

    When the tracks hold several aircraft, the one whose stops match most
    reported stops is taken.
    """
    best: tuple[int, int, list[StopMatch], ObservedTrack | None] = (-1, 0, [], None)
    for track in tracks:
        matches = _align(route.stops, observed_stops(track))
        flown = sum(m.status == "flown" for m in matches)
        extra = -sum(m.status == "unreported" for m in matches)
        if (flown, extra) > best[:2]:
            best = (flown, extra, matches, track)
    _, _, matches, chosen = best
    if chosen is None:
        matches = [StopMatch("missing", s, None) for s in route.stops]
    return Comparison(
        route=route,
        icao24=chosen.icao24 if chosen else None,
        matches=tuple(matches),
        date_ok=_date_ok(route, [chosen]) if chosen else None,
    )
