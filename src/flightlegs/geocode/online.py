"""Online geocoding through geopy: opt-in, rate-limited, cached on disk.

Each answer is snapped to the nearest airports usable by jets, so an online
answer becomes the same kind of stop as an offline one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from flightlegs.core.cache import cache_dir
from flightlegs.core.files import atomic_write
from flightlegs.core.geodesy import LatLon
from flightlegs.core.route import Evidence, Stop, StopKind
from flightlegs.errors import AmbiguousPlaceError, GeocoderError, InputError, UnknownPlaceError
from flightlegs.geocode.rank import DEFAULT_LIMIT, _check_name, stop_for_place
from flightlegs.geocode.snap import nearest_airports
from flightlegs.reference.airports import airport_table
from flightlegs.reference.gazetteer.index import gazetteer
from flightlegs.reference.gazetteer.places import Place

if TYPE_CHECKING:
    pass

__all__ = ["GeopyResolver", "default_user_agent"]


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
            atomic_write(self.cache_path, payload)
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
