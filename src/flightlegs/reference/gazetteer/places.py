"""The gazetteer's value types: a place, and a place named in a text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from flightlegs.core.airport import Airport
from flightlegs.core.route import StopKind
from flightlegs.errors import InputError

__all__ = ["Place", "PlaceMention"]

_PLACE_KINDS: Final = frozenset(
    {StopKind.AIRPORT, StopKind.CITY, StopKind.REGION, StopKind.COUNTRY}
)

# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class Place:
    """A place a name may mean.

    Attributes
    ----------
    name
        Canonical name: ``"Texas"``, ``"South Korea"``, ``"Shenyang"``,
        ``"Phoenix–Mesa Gateway Airport"``.
    kind
        :attr:`~flightlegs.core.route.StopKind.AIRPORT`, ``CITY``, ``REGION`` or
        ``COUNTRY``.
    country
        ISO 3166-1 alpha-2 code.
    region
        ISO 3166-2 code, when the place lies within one region.
    airport
        The airport, for places of kind ``AIRPORT``.

    Examples
    --------
    >>> Place("Texas", StopKind.REGION, "US", "US-TX").label
    'Texas (US-TX)'
    >>> Place("Nowhere", StopKind.AIRPORT, "US", None)
    Traceback (most recent call last):
    ...
    flightlegs.errors.InputError: place 'Nowhere' of kind airport needs an airport
    """

    name: str
    kind: StopKind
    country: str | None
    region: str | None
    airport: Airport | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.kind, StopKind):
            object.__setattr__(self, "kind", StopKind(self.kind))
        if self.kind not in _PLACE_KINDS:
            raise InputError(
                f"place {self.name!r}: kind {self.kind.value!r} is not a place kind; "
                "expected airport, city, region or country"
            )
        if (self.kind is StopKind.AIRPORT) != (self.airport is not None):
            need = "needs an airport" if self.kind is StopKind.AIRPORT else "cannot have an airport"
            raise InputError(f"place {self.name!r} of kind {self.kind.value} {need}")
        if self.country is not None and not (
            len(self.country) == 2
            and self.country.isascii()
            and self.country.isalpha()
            and self.country.isupper()
        ):
            raise InputError(
                f"place {self.name!r}: country {self.country!r} is not an ISO 3166-1 alpha-2 code"
            )

    @property
    def label(self) -> str:
        """``"Texas (US-TX)"``, ``"Shenyang (CN)"``, ``"Incheon International Airport (ICN)"``."""
        if self.airport is not None:
            return f"{self.name} ({self.airport.code})"
        return f"{self.name} ({self.region or self.country or '?'})"

    @classmethod
    def for_airport(cls, airport: Airport) -> Place:
        """The place an airport is: its name, country and region, and itself.

        Examples
        --------
        >>> from flightlegs.reference.airports import airport_table
        >>> p = Place.for_airport(airport_table().by_code("ANC"))
        >>> p.kind.value, p.country, p.region
        ('airport', 'US', 'US-AK')
        """
        return cls(airport.name, StopKind.AIRPORT, airport.country, airport.region or None, airport)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in text.

    Attributes
    ----------
    start, end
        Character offsets of the name in the text (``text[start:end]``).
    text
        The name as written.
    places
        Every reading, most likely first; never empty.
    demonym
        The name was an adjective or demonym ("Chinese", "Alaskan").
    """

    start: int
    end: int
    text: str
    places: tuple[Place, ...]
    demonym: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise InputError(f"mention span {self.start}..{self.end} is not a valid range")
        if not self.places:
            raise InputError(f"mention {self.text!r} has no reading")

    @property
    def place(self) -> Place:
        """The most likely reading."""
        return self.places[0]
