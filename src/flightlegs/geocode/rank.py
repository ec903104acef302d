"""From a named place to the airports it may mean, best first.

A report says "Arizona", not "AZA". :func:`rank_candidates` lists the
airports a vague place may stand for, best first, with one sentence saying
why; :func:`stop_for_place` turns a place into a route
:class:`~flightlegs.core.route.Stop` that keeps all of them.

How candidates are ranked
-------------------------
* An airport is its own only candidate.
* A city: the airports that serve it, then airports within
  :data:`CITY_RADIUS_KM` of its main airport.
* A region or a country: every airport in it.

Only airports usable by jets count (a hard runway of 4,000 ft or more:
:func:`~flightlegs.reference.airports.is_jet_usable`) unless there is none. Then
documented operator hubs come first (``data/operator_hubs.csv``: Phoenix–Mesa
Gateway is the ICE Air hub in Arizona, each row with its source), then large
before medium before small airports, scheduled service, and the longest
runway.

Examples
--------
>>> from flightlegs.reference.gazetteer.index import gazetteer
>>> airports, why = rank_candidates(gazetteer().lookup("Arizona")[0])
>>> airports[0].code, why.split(",")[0]
('AZA', 'Arizona: Phoenix–Mesa Gateway Airport (AZA)')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from flightlegs.core.airport import _MAX_NAME_LENGTH, _TYPE_RANK, Airport
from flightlegs.core.geodesy import inverse
from flightlegs.core.route import Evidence, Stop, StopKind
from flightlegs.errors import InputError
from flightlegs.reference.airports import airport_table, is_jet_usable
from flightlegs.reference.gazetteer.index import Gazetteer, gazetteer
from flightlegs.reference.gazetteer.places import Place

if TYPE_CHECKING:
    pass

__all__ = ["CITY_RADIUS_KM", "DEFAULT_LIMIT", "rank_candidates", "stop_for_place"]

#: Airports this close to a city's main airport also serve the city.
CITY_RADIUS_KM: Final = 40.0
#: Most candidates a stop keeps.
DEFAULT_LIMIT: Final = 8
_TYPE_WORDS: Final = {
    "large_airport": "large",
    "medium_airport": "medium",
    "small_airport": "small",
}


# --------------------------------------------------------------------------- ranking


def _hub_ranks(g: Gazetteer, area: str | None) -> dict[str, tuple[int, tuple[str, str, str, str]]]:
    if not area:
        return {}
    return {h[0]: (i, h) for i, h in enumerate(g.hubs(area))}


#: Per gazetteer and country: its jet-usable airports and their latitudes, for _nearby. The
#: gazetteer is kept with them, so that a new one at a reused ``id`` never reads stale rows.
_JET_USABLE: dict[tuple[int, str], tuple[Gazetteer, tuple[Airport, ...], Any]] = {}


def _jet_usable_in(g: Gazetteer, country: str) -> tuple[tuple[Airport, ...], Any]:
    key = (id(g), country)
    found = _JET_USABLE.get(key)
    if found is None or found[0] is not g:
        import numpy as np

        airports = tuple(a for a in g.airports_in(g.country(country)) if is_jet_usable(a))
        found = _JET_USABLE[key] = (g, airports, np.array([a.position.lat for a in airports]))
    return found[1], found[2]


def _nearby(g: Gazetteer, main: Airport, exclude: set[str]) -> list[Airport]:
    """Jet-usable airports of the same country within CITY_RADIUS_KM of ``main``."""
    import numpy as np

    airports, lats = _jet_usable_in(g, main.country)
    # a cheap band first: one degree of latitude is about 111 km
    band: Any = np.flatnonzero(np.abs(lats - main.position.lat) < 0.5) if airports else ()
    pool = [airports[i] for i in band if airports[i].ident not in exclude]
    if not pool:
        return []
    dist, _ = inverse(
        main.position.lat,
        main.position.lon,
        [a.position.lat for a in pool],
        [a.position.lon for a in pool],
    )
    return [a for a, d in zip(pool, dist.tolist(), strict=True) if d <= CITY_RADIUS_KM * 1000]


def _inside(airport: Airport, within: Place) -> bool:
    if within.kind is StopKind.REGION:
        return airport.region == within.region
    if within.kind is StopKind.COUNTRY:
        return airport.country == within.country
    if within.kind is StopKind.AIRPORT and within.airport is not None:
        return airport.ident == within.airport.ident
    return within.country in (None, airport.country) and within.region in (None, airport.region)


def _describe(airport: Airport) -> str:
    words = [f"a {_TYPE_WORDS.get(airport.type, '')} airport".replace("a  ", "an ")]
    if airport.scheduled_service:
        words.append("with scheduled service")
    if airport.longest_runway_ft:
        words.append(f"and a {airport.longest_runway_ft:,.0f} ft runway")
    return " ".join(words).replace("airport and", "airport with")


def _rank(place: Place, limit: int, within: Place | None) -> tuple[tuple[Airport, ...], str]:
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise InputError(f"limit must be a positive whole number, got {limit!r}")
    if place.kind is StopKind.AIRPORT and place.airport is not None:
        return (place.airport,), f"{place.name}: named directly ({place.airport.code})"
    g = gazetteer()
    own = list(g.airports_in(place))
    pool = list(own)
    if place.kind is StopKind.CITY and own:
        usable_own = [a for a in own if is_jet_usable(a)] or own
        main = min(usable_own, key=lambda a: (_TYPE_RANK.get(a.type, 3), not a.scheduled_service))
        pool += _nearby(g, main, {a.ident for a in own})
    if not pool and place.kind in (StopKind.REGION, StopKind.COUNTRY):
        pool = [
            a
            for a in airport_table()
            if (
                a.region == place.region
                if place.kind is StopKind.REGION
                else a.country == place.country
            )
        ]
    notes: list[str] = []
    if within is not None:
        narrowed = [a for a in pool if _inside(a, within)]
        if narrowed:
            pool = narrowed
        elif pool:
            notes.append(f"none lies in {within.name}")
    if not pool:
        return (), f"{place.name}: no airport known there"
    usable = [a for a in pool if is_jet_usable(a)]
    if not usable:
        usable = pool
        notes.append("no airport there has a hard runway of 4,000 ft")
    area = place.region if place.kind is StopKind.REGION else place.country
    hubs = _hub_ranks(g, area)
    own_ids = {a.ident for a in own}

    def key(a: Airport) -> tuple[Any, ...]:
        hub = hubs.get(a.iata or "")
        return (
            0 if a.ident in own_ids else 1,
            hub[0] if hub else len(hubs) + 1,
            _TYPE_RANK.get(a.type, 3),
            0 if a.scheduled_service else 1,
            -(a.longest_runway_ft or 0.0),
            a.ident,
        )

    ranked = sorted(usable, key=key)
    chosen = tuple(ranked[:limit])
    best = chosen[0]
    hub = hubs.get(best.iata or "")
    if hub is not None:
        _, (_, _, source, note) = hub
        why = f"{note} [{source}]"
    elif len(usable) == 1:
        why = "the only candidate"
    else:
        why = _describe(best)
    others = len(chosen) - 1
    tail = (
        f"{others} other candidate{'s' if others != 1 else ''}" if others else "no other candidate"
    )
    if len(usable) > len(chosen):
        tail += f" (of {len(usable)} usable airports)"
    if len(usable) == 1:  # "the only candidate" says it all
        reason = f"{place.name}: {best.name} ({best.code}), {why}"
    else:
        reason = f"{place.name}: {best.name} ({best.code}), {why}; {tail}"
    if notes:
        reason += f" ({'; '.join(notes)})"
    return chosen, reason


def rank_candidates(place: Place, limit: int = DEFAULT_LIMIT) -> tuple[tuple[Airport, ...], str]:
    """The airports a place may mean, best first, and one sentence saying why.

    Parameters
    ----------
    place
        A place from the gazetteer.
    limit
        Most airports returned.

    Returns
    -------
    airports, reason
        At most ``limit`` airports (empty only when none is known there) and
        a sentence naming the best guess and why it was chosen.

    Examples
    --------
    >>> from flightlegs.reference.gazetteer.index import gazetteer
    >>> airports, why = rank_candidates(gazetteer().lookup("Texas")[0], limit=4)
    >>> [a.code for a in airports]
    ['SAT', 'HRL', 'ELP', 'BRO']
    >>> [a.code for a in rank_candidates(gazetteer().lookup("South Korea")[0])[0][:2]]
    ['ICN', 'GMP']
    """
    return _rank(place, limit, None)


def stop_for_place(
    place: Place,
    name: str,
    *,
    evidence: Evidence | None = None,
    within: Place | None = None,
    is_return: bool = False,
    limit: int = DEFAULT_LIMIT,
) -> Stop:
    """A route stop for a place, with its ranked candidate airports.

    Parameters
    ----------
    place
        The place meant.
    name
        The name as the input gave it (kept as the stop's name).
    evidence
        Where the name was read.
    within
        A larger place the stop lies in ("Shenyang" within China): candidates
        outside it are dropped, unless that would leave none.
    is_return
        The stop is an unnamed return ("back to the US").
    limit
        Most candidates kept.

    Examples
    --------
    >>> from flightlegs.reference.gazetteer.index import gazetteer
    >>> g = gazetteer()
    >>> louisiana = g.lookup("Louisiana")[0]
    >>> stop = stop_for_place(g.lookup("Alexandria")[0], "Alexandria", within=louisiana)
    >>> stop.kind.value, stop.code, stop.region
    ('city', 'AEX', 'US-LA')
    """
    candidates, reason = _rank(place, limit, within)
    return Stop(
        name=name,
        kind=place.kind,
        candidates=candidates,
        country=place.country or (within.country if within else None),
        region=place.region
        or (within.region if within and within.kind is StopKind.REGION else None),
        reason=reason,
        evidence=evidence,
        is_return=is_return,
    )


def _check_name(name: object) -> str:
    if not isinstance(name, str):
        raise InputError(f"a place name must be text, not {type(name).__name__}")
    text = " ".join(name.split())
    if not text:
        raise InputError("a place name is empty")
    if len(text) > _MAX_NAME_LENGTH:
        raise InputError(
            f"a place name of {len(text):,} characters is longer than "
            f"the {_MAX_NAME_LENGTH} accepted"
        )
    return text
