"""Resolvers: a stop's name in, a placed stop out.

A :class:`Resolver` turns a name into a stop. :class:`OfflineResolver` (the
default) uses the bundled gazetteer and airport codes;
:class:`~flightlegs.geocode.online.GeopyResolver` asks a geopy geocoder and
is used only when asked for (:func:`make_resolver`).

>>> OfflineResolver().resolve("Shenyang").code
'SHE'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from flightlegs.core.airport import _CODE, Airport
from flightlegs.core.route import Evidence, Stop, StopKind
from flightlegs.errors import InputError, UnknownPlaceError
from flightlegs.geocode.online import GeopyResolver, default_user_agent
from flightlegs.geocode.rank import _check_name, stop_for_place
from flightlegs.reference.airports import AirportTable, airport_table
from flightlegs.reference.gazetteer.index import Gazetteer, gazetteer
from flightlegs.reference.gazetteer.places import Place

if TYPE_CHECKING:
    pass

__all__ = ["OfflineResolver", "Resolver", "make_resolver"]


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
                return (Place.for_airport(ap),), None
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
                return (Place.for_airport(ap),), None
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


def _place_inside(place: Place, area: Place) -> bool:
    if area.kind is StopKind.REGION:
        return place.region == area.region
    return place.country == area.country


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
            from flightlegs.errors import MissingDependencyError

            raise MissingDependencyError(
                "the nominatim resolver needs geopy: pip install geopy"
            ) from err
        return GeopyResolver(Nominatim(user_agent=default_user_agent()), **options)
    raise InputError(f"unknown resolver {name!r}; expected offline or nominatim")
