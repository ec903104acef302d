"""What reconstruction finds: legs, their ends, events, per aircraft.

Examples
--------
>>> end = LegEnd(None, observed=False, confidence="low", position=LatLon(45.0, 5.0),
...              distance_m=None, altitude_ft=22000.0)
>>> end.icao is None
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from flightlegs.core.airport import Airport
from flightlegs.core.geodesy import LatLon
from flightlegs.errors import InputError
from flightlegs.tracks.clean import CleanCounts
from flightlegs.tracks.points import ReadCounts

__all__ = ["Confidence", "EventKind", "LegEnd", "ObservedLeg", "ObservedTrack", "TrackEvent"]

Confidence = Literal["high", "medium", "low"]


class EventKind(StrEnum):
    """Things seen in flight that are not landings."""

    LOW_PASS = "low_pass"
    TOUCH_AND_GO = "touch_and_go"
    COVERAGE_GAP = "coverage_gap"
    HIDDEN_STOP = "hidden_stop"


@dataclass(frozen=True, slots=True)
class LegEnd:
    """Where a leg began or ended.

    Attributes
    ----------
    airport
        The airport named, or ``None`` when the place has no airport in the table
        or was not seen.
    observed
        Whether the take-off or landing itself is in the data (ground run seen).
    confidence
        How sure the naming is.
    position
        The track's position the airport was named from.
    distance_m
        From ``position`` to the airport's reference point, when named.
    altitude_ft
        Altitude at ``position`` (NaN when unknown).
    """

    airport: Airport | None
    observed: bool
    confidence: Confidence
    position: LatLon
    distance_m: float | None
    altitude_ft: float

    def __post_init__(self) -> None:
        if self.confidence not in ("high", "medium", "low"):
            raise InputError(f"confidence {self.confidence!r}: expected high, medium or low")

    @property
    def icao(self) -> str | None:
        """The airport's ICAO code (or table identifier), if named."""
        if self.airport is None:
            return None
        return self.airport.icao or self.airport.ident


@dataclass(frozen=True, slots=True)
class ObservedLeg:
    """One flight from a take-off (seen or not) to a landing (seen or not).

    Times are Unix seconds; ``takeoff_s``/``landing_s`` are ``None`` when that
    moment is not in the data. ``origin``/``destination`` are ``None`` when the
    end is unknown (the track starts or ends airborne away from any airport).
    """

    callsign: str | None
    start_s: float
    end_s: float
    takeoff_s: float | None
    landing_s: float | None
    origin: LegEnd | None
    destination: LegEnd | None
    distance_m: float
    points: int
    first_position: LatLon | None = None
    last_position: LatLon | None = None
    first_index: int = field(default=0, compare=False)
    last_index: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        if self.end_s < self.start_s:
            raise InputError(f"leg ends ({self.end_s}) before it starts ({self.start_s})")

    @property
    def duration_s(self) -> float:
        """Take-off to landing where seen, else first to last point."""
        start = self.takeoff_s if self.takeoff_s is not None else self.start_s
        end = self.landing_s if self.landing_s is not None else self.end_s
        return max(0.0, end - start)


@dataclass(frozen=True, slots=True)
class TrackEvent:
    """A low pass, touch-and-go, coverage gap or inferred stop."""

    kind: EventKind
    start_s: float
    end_s: float
    airport: Airport | None = None
    position: LatLon | None = None
    altitude_ft: float = float("nan")
    groundspeed_kt: float = float("nan")
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ObservedTrack:
    """Everything rebuilt for one aircraft."""

    icao24: str
    registration: str | None
    type: str | None
    legs: tuple[ObservedLeg, ...]
    events: tuple[TrackEvent, ...]
    points: int
    source: str = ""
    read_counts: ReadCounts = field(default_factory=ReadCounts)
    clean_counts: CleanCounts = field(default_factory=CleanCounts)
