"""Placing: the one stage of the reader that geocodes.

Pins a name the report calls an airport to that airport, fits vague stops to
the route around them, gives coordinates their country, and turns each stop
mention into a route :class:`~flightlegs.core.route.Stop`.

**Readings that fit the route.** A name between two stops that has several
readings is read as the one that lies on the way from the stop before to
the stop after, when the first reading would send the flight far off it:
between Hickam and Wake, "Midway" is Midway Atoll, not Chicago Midway.
End stops and round trips are left with the gazetteer's first reading.

Returns: a return stop ("heading back to the US") is resolved like any other
place, and then, when the place contains the route's origin, its candidate
airports are reordered so that the origin's airport and then the other
airports of the origin's region come first: charters most often fly home to
their base, and a best guess in the origin's region keeps the return leg's
distance honest.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from flightlegs.core.airport import _TYPE_RANK, Airport
from flightlegs.core.route import Evidence, Stop, StopKind
from flightlegs.read.report.mentions import _Mention
from flightlegs.read.report.model import Role, StopMention

if TYPE_CHECKING:
    from flightlegs.core.geodesy import LatLon
    from flightlegs.geocode.resolvers import Resolver
    from flightlegs.reference.gazetteer.index import Gazetteer
    from flightlegs.reference.gazetteer.places import Place

__all__ = []


def _locate(stop: Stop) -> Stop:
    """Give a coordinate stop the country and region of the nearest airport within 100 km."""
    from flightlegs.geocode.snap import nearest_airports

    if stop.point is None:
        return stop
    near = nearest_airports(stop.point, k=1)
    if not near or near[0][1] > 100_000:
        return stop
    airport = near[0][0]
    return replace(stop, country=airport.country, region=airport.region or None)


def _pin_airport(m: _Mention, gaz: Gazetteer) -> None:
    """A name the report calls an airport ("Prestwick ... airports") becomes that airport."""
    from flightlegs.reference.gazetteer.folding import fold
    from flightlegs.reference.gazetteer.places import Place

    if not m.airport or not m.places or m.places[0].kind is StopKind.AIRPORT:
        return
    place = m.places[0]
    for name in (m.airport_name, f"{m.text} Airport", f"{place.name} Airport"):
        if not name:
            continue
        pinned = [
            p for p in gaz.lookup(name) if p.kind is StopKind.AIRPORT and p.country == place.country
        ]
        if pinned:
            m.places = (pinned[0], *m.places)
            return
    ports = gaz.airports_in(place)
    if not ports:
        return
    # "Pope air base in North Carolina": the region's airport whose name or other names
    # ("Pope Field", "Pope AFB") carry the name's own words
    stem = _GENERIC_AIRPORT_WORDS.sub(" ", fold(m.airport_name or m.text)).split()

    def named(a: Airport) -> bool:
        words = set(fold(f"{a.name} {a.keywords}").replace(",", " ").split())
        return bool(stem) and all(w in words for w in stem)

    best = min(ports, key=lambda a: (not named(a), _TYPE_RANK.get(a.type, 2), a.ident))
    m.places = (Place.for_airport(best), *m.places)


#: A line of a list that opens with the stop's airport code: "- EGPT - Perth Airport".
_CODE_OPENS_LINE: Final = re.compile(
    r"[ \t]*(?:[-*•·][ \t]*)?([A-Z][A-Z0-9]{2,3})[ \t]*[-–—:][ \t]*"
)
#: The most characters a list line's bullet and code take before the name.
_CODE_LEAD_CHARS: Final = 16
#: The code's airport is the name's when it lies this near one of the name's readings.
_CODE_NEAR_M: Final = 60_000.0


def _pin_code_before(m: _Mention, gaz: Gazetteer, text: str) -> None:
    """A name after its airport's code on a list's line is that airport.

    "EGPT - Perth Airport" in a pilot's list of stops: Perth/Scone in Scotland,
    not the Perth Airport of Western Australia that the name alone reads as.
    The code counts when its airport lies within :data:`_CODE_NEAR_M` of one
    of the name's readings.
    """
    from flightlegs.core.geodesy import distance_m

    if m.stop is not None or not m.places:
        return
    # a code line's lead is short: look back no further than it can be
    window = max(0, m.start - _CODE_LEAD_CHARS)
    line_start = text.rfind("\n", window, m.start) + 1
    if line_start == 0 and window > 0:
        return
    code = _CODE_OPENS_LINE.fullmatch(text, line_start, m.start)
    if code is None:
        return
    ports = [
        (p, a)
        for p in gaz.lookup(code[1])
        if (a := p.airport) is not None and code[1] in (a.iata, a.icao, a.faa)
    ]
    for port, airport in ports:
        for reading in m.places[:_RUN_READINGS]:
            there = _place_position(reading)
            if there is not None and distance_m(there, airport.position) <= _CODE_NEAR_M:
                m.places = (port, *(p for p in m.places if p != port))
                return


_GENERIC_AIRPORT_WORDS: Final = re.compile(
    r"\b(?:international|regional|municipal|airport|airfield|aerodrome|airstrip|air base|airbase"
    r"|air force base|afb|army airfield|air field|field|base|air station|station)\b"
)


# A name between two stops is read as another place of that name when that place lies on the
# way (the way through it at most this many times the direct distance, or this many metres
# longer, whichever allows more) ...
_ON_THE_WAY = 1.5
_ON_THE_WAY_M = 500_000.0
# ... and the first reading makes the way more than this many times as long ...
_DETOUR_RATIO = 2.0
# ... and longer by more than this (metres): a detour of a few hundred km proves nothing.
_DETOUR_MIN_M = 2_000_000.0


@functools.lru_cache(maxsize=8192)
def _best_airport(place: Place) -> Airport | None:
    """A reading's airport, or its best-guess airport (kept: a region's is costly to rank)."""
    from flightlegs.geocode.rank import rank_candidates

    if place.airport is not None:
        return place.airport
    airports, _ = rank_candidates(place, limit=1)
    return airports[0] if airports else None


def _place_position(place: Place) -> LatLon | None:
    """Where a reading lies: the position of :func:`_best_airport`."""
    airport = _best_airport(place)
    return airport.position if airport is not None else None


def _airport_ident(m: _Mention) -> str | None:
    """The airport a town or airport stop is read as; ``None`` for a region or a country."""
    if m.stop is not None:
        return m.stop.airport.ident if m.stop.airport is not None else None
    if not m.places or m.places[0].kind not in (StopKind.CITY, StopKind.AIRPORT):
        return None
    airport = _best_airport(m.places[0])
    return airport.ident if airport is not None else None


def _position(m: _Mention) -> LatLon | None:
    if m.stop is not None:
        return m.stop.position
    return _place_position(m.places[0]) if m.places else None


#: A first reading that makes the way through it this many times the way through another, and
#: longer by this many metres, is astray even when neither lies on the way.
_ASTRAY_RATIO = 3.0
_ASTRAY_MIN_M = 5_000_000.0


def _fit_to_route(stops: Sequence[_Mention]) -> None:
    """Read a name between two stops as the place of that name that lies on the way.

    "left Hickam ... reached Guam via Midway and Wake": Chicago Midway, the
    first reading of "Midway", would make the way from Hawaii to Wake four
    times as long as Midway Atoll does, which lies on it. A reading lies on the
    way when going through it is at most :data:`_ON_THE_WAY` times the
    distance from the stop before to the stop after, or :data:`_ON_THE_WAY_M`
    longer (Boston to New York via Portland, Maine); it comes first when the
    first reading makes that way more than :data:`_DETOUR_RATIO` times as long
    and longer by :data:`_DETOUR_MIN_M`. End stops, round trips (where nothing
    is "on the way"), names the report locates ("Bangor, Maine") and codes are
    left as they are.
    """
    from flightlegs.core.geodesy import distance_m

    for i in range(1, len(stops) - 1):
        m = stops[i]
        if m.stop is not None or m.within is not None or len(m.places) < 2:
            continue
        before, after = _position(stops[i - 1]), _position(stops[i + 1])
        here = _place_position(m.places[0])
        if before is None or after is None or here is None:
            continue
        direct = distance_m(before, after)
        way = distance_m(before, here) + distance_m(here, after)
        best, shortest = m.places[0], way
        for place in m.places[1:]:
            there = _place_position(place)
            if there is not None:
                length = distance_m(before, there) + distance_m(there, after)
                if length < shortest:
                    best, shortest = place, length
        if (
            shortest <= max(_ON_THE_WAY * direct, direct + _ON_THE_WAY_M)
            and way > _DETOUR_RATIO * shortest
            and way - shortest > _DETOUR_MIN_M
        ) or (way > _ASTRAY_RATIO * shortest and way - shortest > _ASTRAY_MIN_M):
            # "began in Texas, flew to Palm Beach and then went on to New Orleans": Palm Beach,
            # Florida, out of the way as it is, not Palm Beach, Queensland, half a world off
            m.places = (best, *(p for p in m.places if p != best))


#: At most this many readings of each name in a run are tried together, and so many in all.
_RUN_READINGS: Final = 4
_RUN_COMBINATIONS: Final = 256
#: What each step down a name's readings adds to the way a run's readings make, in metres.
_LATER_READING_M: Final = 2_000_000.0


def _has_readings_to_choose(m: _Mention) -> bool:
    """A stop with readings to choose among: a town or airport not located, coded or pinned."""
    return (
        m.stop is None
        and m.within is None
        and len(m.places) >= 2
        and m.places[0].kind in (StopKind.CITY, StopKind.AIRPORT)
    )


def _fit_runs(stops: Sequence[_Mention]) -> None:
    """Read names told one after another as the places of those names that make a route.

    "landed at Croydon, then flew on to Rome and Naples": Croydon's first reading
    is a strip in Queensland, and Rome's first fits it no worse than any, so
    neither is read again by :func:`_fit_to_route`, which looks at one name at a
    time. Here the readings of a run of such names (the first :data:`_RUN_READINGS`
    of each) are tried together, with the stops either side of the run, each
    later reading costing :data:`_LATER_READING_M` more. The way the first readings
    make is given up for the cheapest when it is more than :data:`_DETOUR_RATIO`
    times as long and longer by :data:`_DETOUR_MIN_M`.
    """
    start = 0
    while start < len(stops):
        end = start
        while end < len(stops) and _has_readings_to_choose(stops[end]):
            end += 1
        if end - start < 2:
            start = end + 1
            continue
        run = stops[start:end]
        options = [
            [(k, p, _place_position(p)) for k, p in enumerate(m.places[:_RUN_READINGS])]
            for m in run
        ]
        left = _position(stops[start - 1]) if start > 0 else None
        right = _position(stops[end]) if end < len(stops) else None
        start = end + 1
        if math.prod(len(o) for o in options) > _RUN_COMBINATIONS:
            continue
        first = _run_cost(left, [o[0] for o in options], right)
        if first is None:
            continue
        best, cheapest = None, first
        for combo in itertools.product(*options):
            cost = _run_cost(left, combo, right)
            if cost is not None and cost < cheapest:
                best, cheapest = combo, cost
        if best is None or not (
            first > _DETOUR_RATIO * cheapest and first - cheapest > _DETOUR_MIN_M
        ):
            continue
        for m, (_, place, _) in zip(run, best, strict=True):
            m.places = (place, *(p for p in m.places if p != place))


def _run_cost(
    left: LatLon | None,
    combo: Sequence[tuple[int, Place, LatLon | None]],
    right: LatLon | None,
) -> float | None:
    """The way, in metres, through one choice of readings, with what the later ones cost.

    Each later reading of a name costs as much as a long leg: "Paris" and "Shannon"
    are not Paris, Tennessee, and a Shannon near it, for being close together.
    ``None`` when a reading has no position to measure.
    """
    from flightlegs.core.geodesy import distance_m

    if any(where is None for _, _, where in combo):
        return None
    points = [q for q in (left, *(where for _, _, where in combo), right) if q is not None]
    legs = sum(distance_m(a, b) for a, b in itertools.pairwise(points))
    return legs + sum(k * _LATER_READING_M for k, _, _ in combo)


# An end stop is read as another place of its name when its first reading makes the end leg
# this many times the route's longest other leg, and longer than it by this many metres ...
_END_OUTLIER = 3.0
_END_OUTLIER_M = 2_000_000.0
# ... and the other reading makes it no longer than this many times that leg, or this much more.
_END_FITS = 1.5
_END_FITS_M = 500_000.0
# A small field named for the place (a strip without a code) is read only when the first reading
# makes the end leg this many times the longest other leg: a long last leg is common, a strip rare.
_FIELD_OUTLIER = 4.0


def _is_field(place: Place) -> bool:
    """Whether the reading is a small field, one the gazetteer reads only after its place."""
    from flightlegs.reference.gazetteer.names import _is_strip

    ap = place.airport
    return ap is not None and _is_strip(
        ap.type, ap.iata, ap.scheduled_service, ap.longest_runway_ft, ap.name
    )


def _fit_ends(stops: Sequence[_Mention]) -> None:
    """Read an end stop as the place of its name that does not make its leg an outlier.

    A Comet's "London Airport" before Rome, Beirut and Khartoum is London's
    airport in England, not the airport of that name in Ontario: the first
    reading would make the first leg 7,000 km when no other leg is longer
    than 3,000. An end stop is read again when its first reading makes its
    leg more than :data:`_END_OUTLIER` times the longest other leg (and
    :data:`_END_OUTLIER_M` longer); the first of its other readings, in the
    gazetteer's order, that keeps the leg within :data:`_END_FITS` times that
    leg (or :data:`_END_FITS_M` longer) is taken, airports after cities
    and areas; a small field named for the place only past :data:`_FIELD_OUTLIER`
    times the longest other leg ("Wellington" in a day of outback flying is the
    strip in New South Wales). Names the report locates
    and codes are left as they are, and so are routes of fewer than three
    stops, whose one leg has nothing to compare with.
    """
    from flightlegs.core.geodesy import distance_m

    if len(stops) < 3:
        return
    where = [_position(m) for m in stops]
    legs = [
        distance_m(a, b) if a is not None and b is not None else None
        for a, b in itertools.pairwise(where)
    ]
    for end, neighbour, leg, others in (
        (0, 1, legs[0], legs[1:]),
        (len(stops) - 1, len(stops) - 2, legs[-1], legs[:-1]),
    ):
        m = stops[end]
        near = where[neighbour]
        known = [d for d in others if d is not None]
        if (
            m.stop is not None
            or m.within is not None
            or len(m.places) < 2
            or leg is None
            or near is None
            or not known
        ):
            continue
        longest = max(known)
        if leg <= max(_END_OUTLIER * longest, longest + _END_OUTLIER_M):
            continue
        # an airstrip's other name ("London Airport" is also Eday's) comes after the cities
        for place in sorted(m.places[1:], key=lambda p: p.kind is StopKind.AIRPORT):
            if _is_field(place) and leg <= _FIELD_OUTLIER * longest:
                continue
            there = _place_position(place)
            if there is not None and distance_m(there, near) <= max(
                _END_FITS * longest, longest + _END_FITS_M
            ):
                m.places = (place, *(p for p in m.places if p != place))
                break


def _airport_of_city(m: _Mention, gaz: Gazetteer) -> None:
    """After the airport called "London Airport", the cities called London, whose it may be."""
    from flightlegs.reference.gazetteer.folding import fold

    if not m.places or m.places[0].kind is not StopKind.AIRPORT:
        return
    words = fold(m.text).split()
    if len(words) < 2 or words[-1] not in ("airport", "aerodrome", "airfield"):
        return
    cities = [p for p in gaz.lookup(" ".join(words[:-1])) if p.kind is StopKind.CITY]
    m.places = (*m.places, *(p for p in cities if p not in m.places))


# --------------------------------------------------------------------------- geocoding


def _return_first(stop: Stop, origin: Stop | None) -> Stop:
    """Put the origin's airport, then its region's airports, first among a return's candidates."""
    if origin is None or origin.airport is None or len(stop.candidates) < 2:
        return stop
    home = origin.airport
    if stop.country not in (None, home.country) or stop.region not in (None, home.region):
        return stop
    ranked = sorted(
        stop.candidates,
        key=lambda a: 0 if a.ident == home.ident else 1 if a.region == home.region else 2,
    )
    if home.ident not in {a.ident for a in ranked}:
        ranked.insert(0, home)
    reason = (
        f"return to the origin ({home.code}) assumed first: charters most often fly home to base"
    )
    return replace(
        stop, candidates=tuple(ranked), reason=reason + ("; " + stop.reason if stop.reason else "")
    )


def _geocode(mention: StopMention, source: str, resolver: Resolver | None) -> Stop:
    from flightlegs.geocode.rank import stop_for_place
    from flightlegs.geocode.resolvers import OfflineResolver

    evidence = Evidence(mention.sentence, mention.start, mention.end, source)
    read = {
        "is_return": mention.role is Role.RETURN,
        "planned": mention.planned,
        "confidence": mention.confidence,
    }
    if mention.stop is not None:
        return replace(mention.stop, name=mention.text, evidence=evidence, **read)  # type: ignore[arg-type]
    if resolver is not None and not isinstance(resolver, OfflineResolver):
        return replace(resolver.resolve(mention.text, evidence=evidence), **read)  # type: ignore[arg-type]
    stop = stop_for_place(
        mention.places[0],
        mention.text,
        evidence=evidence,
        within=mention.within,
        is_return=mention.role is Role.RETURN,
    )
    return replace(stop, planned=mention.planned, confidence=mention.confidence)
