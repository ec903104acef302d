"""From a named place to the airports it may mean, and resolvers of names to stops.

A report says "Arizona", not "AZA". :func:`rank_candidates` lists the
airports a vague place may stand for, best first, with one sentence saying
why; :func:`stop_for_place` turns a place into a route
:class:`~flightlegs.route.Stop` that keeps all of them.

How candidates are ranked
-------------------------
* An airport is its own only candidate.
* A city: the airports that serve it, then airports within
  :data:`CITY_RADIUS_KM` of its main airport.
* A region or a country: every airport in it.

Only airports usable by jets count (a hard runway of 4,000 ft or more:
:func:`~flightlegs.gazetteer.is_jet_usable`) unless there is none. Then
documented operator hubs come first (``data/operator_hubs.csv``: Phoenix–Mesa
Gateway is the ICE Air hub in Arizona, each row with its source), then large
before medium before small airports, scheduled service, and the longest
runway.

Resolvers
---------
A :class:`Resolver` turns a name into a stop. :class:`OfflineResolver` (the
default) uses the bundled gazetteer and airport codes. :class:`GeopyResolver`
asks any geopy geocoder, rate-limited and cached on disk, and snaps the
answer to the nearest airports; it is used only when asked for
(:func:`make_resolver`). :class:`OfflineGeocoder` is the gazetteer behind a
geopy-style ``geocode`` method.

Examples
--------
>>> from flightlegs.gazetteer import gazetteer
>>> airports, why = rank_candidates(gazetteer().lookup("Arizona")[0])
>>> airports[0].code, why.split(",")[0]
('AZA', 'Arizona: Phoenix–Mesa Gateway Airport (AZA)')
>>> OfflineResolver().resolve("Shenyang").code
'SHE'
"""

from __future__ import annotations

import functools
import json
import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol, runtime_checkable

from .airports import Airport, AirportTable, airport_table
from .errors import AmbiguousPlaceError, GeocoderError, InputError, UnknownPlaceError
from .gazetteer import Gazetteer, Place, cache_dir, gazetteer, is_jet_usable
from .geodesy import LatLon, inverse
from .route import Evidence, Stop, StopKind

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from geopy.location import Location

__all__ = [
    "CITY_RADIUS_KM",
    "GeopyResolver",
    "OfflineGeocoder",
    "OfflineResolver",
    "Resolver",
    "default_user_agent",
    "make_resolver",
    "nearest_airports",
    "rank_candidates",
    "stop_for_place",
]

#: Airports this close to a city's main airport also serve the city.
CITY_RADIUS_KM: Final = 40.0
#: Most candidates a stop keeps.
DEFAULT_LIMIT: Final = 8
_MAX_NAME_LENGTH: Final = 300
_CODE = re.compile(r"[A-Za-z0-9]{3,4}")
_TYPE_RANK: Final = {"large_airport": 0, "medium_airport": 1, "small_airport": 2}
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


def _nearby(g: Gazetteer, main: Airport, exclude: set[str]) -> list[Airport]:
    """Jet-usable airports of the same country within CITY_RADIUS_KM of ``main``."""
    pool = [
        a
        for a in g.airports_in(g.country(main.country))
        if a.ident not in exclude
        and is_jet_usable(a)
        # a cheap box first: one degree of latitude is about 111 km
        and abs(a.position.lat - main.position.lat) < 0.5
    ]
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
    >>> from flightlegs.gazetteer import gazetteer
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
    >>> from flightlegs.gazetteer import gazetteer
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


# --------------------------------------------------------------------------- resolvers


@runtime_checkable
class Resolver(Protocol):
    """Turns a place name or code into a route stop."""

    def resolve(self, name: str, *, evidence: Evidence | None = None) -> Stop:
        """The stop a name means, with its candidates.

        Raises
        ------
        UnknownPlaceError
            Nothing known by that name; the error carries suggestions.
        AmbiguousPlaceError
            A code shared by several airports.
        """
        ...


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


class OfflineResolver:
    """Resolve names with the bundled gazetteer and airport codes; no network.

    Upper-case codes ("ELP", "KIWA") are tried as airport codes first; other
    names as places ("Texas", "Mesa Gateway", "El Paso, TX"), then as codes
    in any case ("elp").

    Examples
    --------
    >>> r = OfflineResolver()
    >>> r.resolve("ELP").kind.value, r.resolve("El Paso, TX").code
    ('airport', 'ELP')
    >>> r.resolve("Arizonaa")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    flightlegs.errors.UnknownPlaceError: unknown place 'Arizonaa'; did you mean Arizona...
    """

    def __init__(self, places: Gazetteer | None = None, table: AirportTable | None = None) -> None:
        self._places = places
        self._table = table

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer used (the bundled one unless given)."""
        if self._places is None:
            self._places = gazetteer()
        return self._places

    def _airport(self, code: str) -> Airport | None:
        table = self._table or airport_table()
        try:
            return table.by_code(code)
        except UnknownPlaceError:
            return None

    def places(self, name: str) -> tuple[tuple[Place, ...], Place | None]:
        """Every reading of a name, best first, and the larger place it was qualified by.

        Raises
        ------
        AmbiguousPlaceError
            The name is an airport code shared by several airports.
        """
        text = _check_name(name)
        code_like = bool(_CODE.fullmatch(text))
        if code_like and text.isupper():
            ap = self._airport(text)
            if ap is not None:
                return (_airport_place(ap),), None
        g = self.gazetteer
        found = g.lookup(text)
        if found:
            return found, None
        if "," in text:
            head, _, qualifier = text.rpartition(",")
            outer = [
                p for p in g.lookup(qualifier) if p.kind in (StopKind.REGION, StopKind.COUNTRY)
            ]
            inner = g.lookup(head)
            for area in outer:
                inside = [p for p in inner if _place_inside(p, area)]
                if inside:
                    return tuple(inside), area
            if inner:
                return inner, None
        if code_like:
            ap = self._airport(text)
            if ap is not None:
                return (_airport_place(ap),), None
        return (), None

    def resolve(self, name: str, *, evidence: Evidence | None = None) -> Stop:
        """The stop a name means (see :class:`Resolver`)."""
        text = _check_name(name)
        found, within = self.places(text)
        if not found:
            raise UnknownPlaceError(text, self._suggest(text))
        return stop_for_place(found[0], text, evidence=evidence, within=within)

    def _suggest(self, text: str) -> tuple[str, ...]:
        names = self.gazetteer.suggest(text)
        if _CODE.fullmatch(text):
            names = (*(self._table or airport_table()).suggest(text, limit=3), *names)
        return names[:5]


def _airport_place(ap: Airport) -> Place:
    return Place(ap.name, StopKind.AIRPORT, ap.country, ap.region or None, ap)


def _place_inside(place: Place, area: Place) -> bool:
    if area.kind is StopKind.REGION:
        return place.region == area.region
    return place.country == area.country


# --------------------------------------------------------------------------- geopy

_KIND_WORDS: Final[dict[str, StopKind]] = {
    "country": StopKind.COUNTRY,
    "state": StopKind.REGION,
    "province": StopKind.REGION,
    "region": StopKind.REGION,
    "state_district": StopKind.REGION,
    "administrative": StopKind.REGION,
    "city": StopKind.CITY,
    "town": StopKind.CITY,
    "village": StopKind.CITY,
    "municipality": StopKind.CITY,
    "hamlet": StopKind.CITY,
    "suburb": StopKind.CITY,
    "airport": StopKind.AIRPORT,
    "aerodrome": StopKind.AIRPORT,
}


def default_user_agent() -> str:
    """The user agent flightlegs gives geocoding services.

    Examples
    --------
    >>> default_user_agent().startswith("flightlegs/")
    True
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        v = version("flightlegs")
    except PackageNotFoundError:
        v = "0+unknown"
    return f"flightlegs/{v} (+offline-first route checker)"


def _kind_from_raw(raw: dict[str, Any]) -> StopKind:
    """The kind of place a geocoder's raw answer describes; CITY when it does not say."""
    for field in ("kind", "addresstype", "type", "class"):
        value = raw.get(field)
        if isinstance(value, str) and value.lower() in _KIND_WORDS:
            return _KIND_WORDS[value.lower()]
    rank = raw.get("place_rank")
    if isinstance(rank, int | str) and str(rank).isdigit():
        level = int(rank)
        if level <= 4:
            return StopKind.COUNTRY
        if level <= 10:
            return StopKind.REGION
    return StopKind.CITY


def _country_from_raw(raw: dict[str, Any]) -> str | None:
    found = raw.get("address")
    address: dict[str, Any] = found if isinstance(found, dict) else {}
    for value in (raw.get("country"), raw.get("country_code"), address.get("country_code")):
        if isinstance(value, str) and len(value) == 2 and value.isalpha():
            return value.upper()
    return None


def _region_from_raw(raw: dict[str, Any]) -> str | None:
    found = raw.get("address")
    address: dict[str, Any] = found if isinstance(found, dict) else {}
    for value in (raw.get("region"), address.get("ISO3166-2-lvl4"), address.get("ISO3166-2-lvl3")):
        if isinstance(value, str) and "-" in value:
            return value.upper()
    return None


@functools.cache
def _snap_tree() -> tuple[Any, tuple[Airport, ...]]:
    """A k-d tree over the 3-D unit vectors of the airports usable by jets."""
    import numpy as np
    from scipy.spatial import cKDTree

    airports = tuple(a for a in gazetteer().airports() if is_jet_usable(a))
    lat = np.radians([a.position.lat for a in airports])
    lon = np.radians([a.position.lon for a in airports])
    return cKDTree(_unit_vectors(lat, lon)), airports


def _unit_vectors(
    lat: npt.NDArray[np.float64], lon: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    import numpy as np

    return np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])


def nearest_airports(point: LatLon, k: int = DEFAULT_LIMIT) -> list[tuple[Airport, float]]:
    """The ``k`` airports usable by jets nearest to a point, with distances in metres.

    Examples
    --------
    >>> [(a.code, round(d / 1000)) for a, d in nearest_airports(LatLon(41.80, 123.43), k=1)]
    [('SHE', 18)]
    """
    import numpy as np

    tree, airports = _snap_tree()
    k = max(1, min(k, len(airports)))
    vec = _unit_vectors(np.radians([point.lat]), np.radians([point.lon]))
    _, idx = tree.query(vec, k=k)
    chosen = [airports[int(i)] for i in np.atleast_1d(idx[0])]
    dist, _ = inverse(
        point.lat, point.lon, [a.position.lat for a in chosen], [a.position.lon for a in chosen]
    )
    return list(zip(chosen, dist.tolist(), strict=True))


class GeopyResolver:
    """Resolve names with a geopy geocoder, rate-limited and cached on disk.

    Parameters
    ----------
    geocoder
        A geopy geocoder (an instance, or a class to build with
        ``user_agent``), or anything with geopy's ``geocode(query,
        exactly_one=True)``.
    user_agent
        For a geocoder class: the user agent to give it
        (:func:`default_user_agent` by default). Nominatim refuses requests
        without one.
    min_delay_seconds
        Least time between two requests (Nominatim's policy: one a second).
    cache_dir
        Folder of the answer cache, a JSON file per geocoder, keyed by query;
        ``<cache dir>/geocode`` by default. Answers, including "not found",
        are kept until the file is deleted.

    Notes
    -----
    An answer's kind (country, region, city, airport) comes from the
    geocoder's raw answer where it says so, else the stop is a city.
    Countries and regions the gazetteer knows are ranked as the offline
    resolver ranks them (hubs first); other answers are snapped to the
    nearest airports usable by jets, nearest first.
    """

    def __init__(
        self,
        geocoder: Any,
        *,
        user_agent: str | None = None,
        min_delay_seconds: float = 1.0,
        cache_dir: Path | str | None = None,
    ) -> None:
        from geopy.extra.rate_limiter import RateLimiter

        if isinstance(geocoder, type):
            geocoder = geocoder(user_agent=user_agent or default_user_agent())
        if not callable(getattr(geocoder, "geocode", None)):
            raise InputError(f"{geocoder!r} is not a geocoder: it has no geocode() method")
        self.geocoder = geocoder
        self.name = type(geocoder).__name__
        self._geocode = RateLimiter(
            geocoder.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=2,
            error_wait_seconds=max(2.0, min_delay_seconds),
            swallow_exceptions=False,
        )
        folder = Path(cache_dir) if cache_dir is not None else _default_cache_dir() / "geocode"
        self.cache_path = folder / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', self.name).lower()}.json"
        self._answers: dict[str, dict[str, Any] | None] = self._read_cache()

    def _read_cache(self) -> dict[str, dict[str, Any] | None]:
        try:
            data = json.loads(self.cache_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        answers = data.get("answers") if isinstance(data, dict) else None
        return dict(answers) if isinstance(answers, dict) else {}

    def _write_cache(self) -> None:
        payload = json.dumps(
            {"geocoder": self.name, "answers": self._answers},
            ensure_ascii=False,
            indent=1,
            sort_keys=True,
            default=str,
        )
        try:
            self.cache_path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(
                dir=self.cache_path.parent, prefix=".geocode-", suffix=".tmp"
            )
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(payload)
            os.replace(tmp, self.cache_path)
        except OSError:
            pass  # an unwritable cache only means asking again next time

    def _answer(self, query: str) -> dict[str, Any] | None:
        key = query.casefold()
        if key in self._answers:
            return self._answers[key]
        from geopy.exc import GeopyError

        try:
            location = self._geocode(query, exactly_one=True)
        except GeopyError as err:
            raise GeocoderError(f"{self.name} could not geocode {query!r}: {err}") from err
        if isinstance(location, list):
            location = location[0] if location else None
        answer = None
        if location is not None:
            raw = location.raw if isinstance(location.raw, dict) else {}
            answer = {
                "address": str(location.address),
                "latitude": float(location.latitude),
                "longitude": float(location.longitude),
                "raw": json.loads(json.dumps(raw, default=str)),
            }
        self._answers[key] = answer
        self._write_cache()
        return answer

    def resolve(self, name: str, *, evidence: Evidence | None = None) -> Stop:
        """The stop a name means (see :class:`Resolver`)."""
        text = _check_name(name)
        answer = self._answer(text)
        if answer is None:
            raise UnknownPlaceError(text, gazetteer().suggest(text))
        raw: dict[str, Any] = answer.get("raw") or {}
        point = LatLon(answer["latitude"], answer["longitude"])
        said = f"{self.name}: {answer['address']} at {point}"
        g = gazetteer()
        kind = _kind_from_raw(raw)
        for code_field in ("ident", "icao", "iata"):
            code = raw.get(code_field)
            if kind is StopKind.AIRPORT and isinstance(code, str) and code:
                try:
                    ap = airport_table().by_code(code)
                except (UnknownPlaceError, AmbiguousPlaceError, InputError):
                    continue
                return Stop.at_airport(
                    ap, name=text, evidence=evidence, reason=f"{said}: {ap.label}"
                )
        country, region = _country_from_raw(raw), _region_from_raw(raw)
        area: Place | None = None
        try:
            if kind is StopKind.REGION and region:
                area = g.region(region)
            elif kind is StopKind.COUNTRY and country:
                area = g.country(country)
        except UnknownPlaceError:
            area = None
        if area is not None:
            stop = stop_for_place(area, text, evidence=evidence)
            return _with_reason(stop, f"{said}; {stop.reason}")
        near = nearest_airports(point, k=DEFAULT_LIMIT)
        if kind is StopKind.AIRPORT and near and near[0][1] <= 5_000:
            ap = near[0][0]
            return Stop.at_airport(ap, name=text, evidence=evidence, reason=f"{said}: {ap.label}")
        if kind is StopKind.AIRPORT:
            kind = StopKind.CITY
        listed = ", ".join(f"{a.code} {d / 1000:,.0f} km" for a, d in near[:3])
        return Stop(
            name=text,
            kind=kind,
            candidates=tuple(a for a, _ in near),
            country=country,
            region=region,
            reason=f"{said}; nearest airports usable by jets: {listed}",
            evidence=evidence,
        )


def _with_reason(stop: Stop, reason: str) -> Stop:
    from dataclasses import replace

    return replace(stop, reason=reason)


def _default_cache_dir() -> Path:
    return cache_dir()


class OfflineGeocoder:
    """The offline gazetteer behind geopy's ``geocode`` interface.

    Answers are :class:`geopy.location.Location` objects whose ``raw`` dict
    carries ``kind``, ``name``, ``country``, ``region``, ``candidates``
    (identifiers, best first) and, for airports, ``iata``, ``icao`` and
    ``ident``; for other places ``best``, the best guess's code. The point of a city, region or
    country is its best candidate airport's. It never touches the network,
    so ``RateLimiter(OfflineGeocoder().geocode)`` works as with any geocoder.

    Examples
    --------
    >>> loc = OfflineGeocoder().geocode("Shenyang")
    >>> loc.raw["kind"], loc.raw["best"], round(loc.latitude, 2)
    ('city', 'SHE', 41.64)
    >>> OfflineGeocoder().geocode("Nowhere Special") is None
    True
    """

    def __init__(self, resolver: OfflineResolver | None = None) -> None:
        self._resolver = resolver or OfflineResolver()

    def geocode(
        self, query: str, exactly_one: bool = True, **kwargs: Any
    ) -> Location | list[Location] | None:
        """Geocode a name: one :class:`~geopy.location.Location`, a list, or ``None``."""
        from geopy.location import Location

        places, within = self._resolver.places(query)
        found: list[Location] = []
        for place in places:
            candidates, _ = _rank(place, DEFAULT_LIMIT, within)
            if not candidates:
                continue
            best = candidates[0]
            raw: dict[str, Any] = {
                "kind": place.kind.value,
                "name": place.name,
                "country": place.country,
                "region": place.region,
                "iata": best.iata if place.kind is StopKind.AIRPORT else None,
                "icao": best.icao if place.kind is StopKind.AIRPORT else None,
                "ident": best.ident if place.kind is StopKind.AIRPORT else None,
                "candidates": [a.ident for a in candidates],
            }
            if place.kind is not StopKind.AIRPORT:
                raw["best"] = best.code  # the best guess, for information
            address = ", ".join(x for x in (place.name, place.region, place.country) if x)
            found.append(Location(address, (best.position.lat, best.position.lon), raw))
            if exactly_one:
                return found[0]
        if exactly_one:
            return None
        return found


def make_resolver(name: str | None = None, **options: Any) -> Resolver:
    """A resolver by name: ``None`` or ``"offline"`` (the default), or ``"nominatim"``.

    Nominatim is OpenStreetMap's geocoder; it needs the network, and is used
    only when asked for by name.

    Examples
    --------
    >>> type(make_resolver()).__name__
    'OfflineResolver'
    >>> make_resolver("bing")
    Traceback (most recent call last):
    ...
    flightlegs.errors.InputError: unknown resolver 'bing'; expected offline or nominatim
    """
    key = (name or "offline").strip().lower()
    if key == "offline":
        return OfflineResolver()
    if key == "nominatim":
        try:
            from geopy.geocoders import Nominatim
        except ImportError as err:  # pragma: no cover - geopy is a dependency
            from .errors import MissingDependencyError

            raise MissingDependencyError(
                "the nominatim resolver needs geopy: pip install geopy"
            ) from err
        return GeopyResolver(Nominatim(user_agent=default_user_agent()), **options)
    raise InputError(f"unknown resolver {name!r}; expected offline or nominatim")
