"""A geocoder with geopy's interface that answers from the offline gazetteer.

The tests put it behind :class:`~flightlegs.geocode.online.GeopyResolver`
and geopy's ``RateLimiter`` to exercise the online path without the network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flightlegs.core.route import StopKind
from flightlegs.geocode.rank import DEFAULT_LIMIT, _rank
from flightlegs.geocode.resolvers import OfflineResolver

if TYPE_CHECKING:
    from geopy.location import Location

__all__ = ["OfflineGeocoder"]


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
