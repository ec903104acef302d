"""The route model: stops in flight order, with where each came from.

A :class:`Route` is what every input (code chain, route file, report text)
becomes, and what legs, checks, tables and maps are made from. Stops keep
their ranked candidate airports, so a vague stop ("Texas") stays honest.

Examples
--------
>>> from flightlegs.reference.airports import airport_table
>>> t = airport_table()
>>> route = Route.from_airports([t.by_code("ANC"), t.by_code("SHE")], name="ANC-SHE")
>>> [s.code for s in route.stops]
['ANC', 'SHE']
>>> round(route.legs()[0].km)
5892
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from flightlegs.core.airport import Airport
from flightlegs.core.geodesy import LatLon
from flightlegs.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

    from flightlegs.core.legs import Leg

__all__ = ["Evidence", "Route", "Stop", "StopKind"]


class StopKind(StrEnum):
    """How precisely a stop is known."""

    AIRPORT = "airport"
    CITY = "city"
    REGION = "region"
    COUNTRY = "country"
    COORDINATES = "coordinates"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where in the input a stop was read: the sentence and the character span.

    Attributes
    ----------
    sentence
        The sentence (or line, or token) the stop was read from.
    start, end
        Character offsets of the place name in the whole input text.
    source
        The input's name (file name or ``"<text>"``).
    """

    sentence: str
    start: int
    end: int
    source: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise InputError(f"evidence span {self.start}..{self.end} is not a valid range")


@dataclass(frozen=True, slots=True)
class Stop:
    """One stop of a route.

    Attributes
    ----------
    name
        The place as the input named it ("Texas", "ANC", "Shenyang").
    kind
        How precise the stop is (:class:`StopKind`).
    candidates
        Airports the stop may be, best first; the first is the best guess.
        Empty for coordinates and for stops that could not be resolved.
    point
        Explicit coordinates, for stops given as coordinates.
    country, region
        ISO 3166-1 alpha-2 and ISO 3166-2 codes where known.
    reason
        Why the best guess was chosen.
    evidence
        Where the stop was read, for stops from text.
    is_return
        The stop is an unnamed return (e.g. "heading back to the US").
    arrival, departure
        Times at the stop, when the input gives them (timezone-aware).
    planned
        The source gives the stop as a plan, not as a place reached.
    confidence
        How sure the reading of the source is, from 0 to 1, for stops read
        from report text; ``None`` for stops given outright.
    """

    name: str
    kind: StopKind
    candidates: tuple[Airport, ...] = ()
    point: LatLon | None = None
    country: str | None = None
    region: str | None = None
    reason: str = ""
    evidence: Evidence | None = None
    is_return: bool = False
    arrival: dt.datetime | None = None
    departure: dt.datetime | None = None
    planned: bool = False
    confidence: float | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.kind, StopKind):
            object.__setattr__(self, "kind", StopKind(self.kind))
        if self.kind is StopKind.COORDINATES and self.point is None:
            raise InputError(f"stop {self.name!r} is given as coordinates but has none")

    @classmethod
    def at_airport(cls, airport: Airport, name: str | None = None, **kwargs: object) -> Stop:
        """A stop pinned to one airport.

        Examples
        --------
        >>> from flightlegs.reference.airports import airport_table
        >>> Stop.at_airport(airport_table().by_code("ICN")).region
        'KR-28'
        """
        return cls(
            name=name or airport.code,
            kind=StopKind.AIRPORT,
            candidates=(airport,),
            country=airport.country,
            region=airport.region or None,
            **kwargs,  # type: ignore[arg-type]
        )

    @property
    def airport(self) -> Airport | None:
        """The best-guess airport, if any."""
        return self.candidates[0] if self.candidates else None

    @property
    def position(self) -> LatLon | None:
        """Where the stop is drawn and measured from: the point or the best guess."""
        if self.point is not None:
            return self.point
        return self.candidates[0].position if self.candidates else None

    @property
    def positions(self) -> tuple[LatLon, ...]:
        """Every position the stop may have: each candidate, or the point."""
        if self.point is not None:
            return (self.point,)
        return tuple(a.position for a in self.candidates)

    @property
    def is_resolved(self) -> bool:
        """Whether the stop has a position at all."""
        return self.point is not None or bool(self.candidates)

    @property
    def is_vague(self) -> bool:
        """Whether the stop has more than one candidate airport."""
        return len(self.candidates) > 1

    @property
    def code(self) -> str:
        """The best guess's code, or the name when there is no airport."""
        return self.candidates[0].code if self.candidates else self.name

    @property
    def label(self) -> str:
        """A short human label: ``"Texas (ELP?)"``, ``"ANC"``, ``"35.2000N 140.1000E"``."""
        if self.kind is StopKind.AIRPORT and self.candidates:
            return self.candidates[0].code
        if self.kind is StopKind.COORDINATES and self.point is not None:
            return str(self.point)
        if self.is_vague:
            return f"{self.name} ({self.candidates[0].code}?)"
        if self.candidates:
            return f"{self.name} ({self.candidates[0].code})"
        return self.name


@dataclass(frozen=True, slots=True)
class Route:
    """An ordered sequence of stops, with what is known about the flight.

    Attributes
    ----------
    stops
        Stops in flight order.
    name
        A label for tables and maps.
    aircraft
        The aircraft as given (``"Gulfstream V"``, ``"GLF5"``), if known.
    date
        Date of the (first) flight, if known.
    people
        People reported aboard, if known.
    seats
        Seating capacity reported, if known.
    source
        Where the route came from: a URL or a file name.
    notes
        Free notes.
    warnings
        What could not be read or placed, one sentence each.
    set_aside
        Places the input names that the reader did not take as stops, each
        as ``"name: why"`` (``"Miami: where the detainees were held"``); the
        report reader fills it, code chains and route files leave it empty.
    """

    stops: tuple[Stop, ...]
    name: str = ""
    aircraft: str | None = None
    date: dt.date | None = None
    people: int | None = None
    seats: int | None = None
    source: str | None = None
    notes: str = ""
    warnings: tuple[str, ...] = field(default=())
    set_aside: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not isinstance(self.stops, tuple):
            object.__setattr__(self, "stops", tuple(self.stops))
        for name in ("warnings", "set_aside"):
            if not isinstance(getattr(self, name), tuple):
                object.__setattr__(self, name, tuple(getattr(self, name)))
        for count, what in ((self.people, "people"), (self.seats, "seats")):
            if count is not None and count < 0:
                raise InputError(f"route {self.name!r}: {what} cannot be negative ({count})")

    @classmethod
    def from_airports(cls, airports: Sequence[Airport], name: str = "", **kwargs: object) -> Route:
        """A route through the given airports, in order."""
        stops = tuple(Stop.at_airport(a) for a in airports)
        return cls(stops=stops, name=name or "-".join(s.code for s in stops), **kwargs)  # type: ignore[arg-type]

    def with_aircraft(self, aircraft: str | None) -> Route:
        """A copy with the aircraft set (``None`` keeps the current one)."""
        return self if aircraft is None else replace(self, aircraft=aircraft)

    def legs(self) -> tuple[Leg, ...]:
        """The legs between consecutive stops, measured on WGS84."""
        from flightlegs.core.legs import measure

        return measure(self)

    def legs_frame(self, cruise_ktas: float | None = None) -> pd.DataFrame:
        """The legs as a pandas DataFrame (see :func:`flightlegs.core.legs.legs_frame`)."""
        from flightlegs.core.legs import legs_frame

        return legs_frame(self, cruise_ktas=cruise_ktas)

    @property
    def total_m(self) -> float:
        """Total of the best-guess leg distances, in metres."""
        from flightlegs.core.legs import total_m

        return total_m(self.legs())
