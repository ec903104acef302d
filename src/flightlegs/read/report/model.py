"""What the report reader returns: stop mentions, places set aside, the reading."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from flightlegs.core.files import MAX_TEXT_CHARS
from flightlegs.core.route import Stop

if TYPE_CHECKING:
    from flightlegs.reference.gazetteer.places import Place


__all__ = ["MAX_REPORT_CHARS", "ReportReading", "Role", "SetAside", "StopMention"]

#: Longest report accepted, in characters. News reports are a few thousand;
#: the cap keeps a mistaken multi-megabyte input from being scanned at all.
MAX_REPORT_CHARS = MAX_TEXT_CHARS

# Windows (the words before a mention) are cut to this many characters, so no
# pattern ever runs over more than a short piece of text.
_WINDOW = 160


class Role(StrEnum):
    """What a stop mention says about the flight."""

    DEPARTURE = "departure"
    STOP = "stop"
    RETURN = "return"


@dataclass(frozen=True, slots=True)
class StopMention:
    """A place the report names as a stop of the flight.

    Attributes
    ----------
    text
        The name as written.
    start, end
        Character offsets in the whole report.
    sentence
        The sentence it was read from.
    role
        Departure, stop or return.
    places
        The gazetteer's readings, most likely first; empty for codes and
        coordinates, which come as :attr:`stop`.
    stop
        The stop already resolved (airport codes, coordinates), if any.
    within
        A place the report puts it in ("Bangor, Maine"; "Goose Bay in Labrador").
    airport
        The report calls it an airport or airfield ("Prestwick ... airports").
    also
        Offsets of other mentions of the same stop merged into this one.
    also_named
        Those mentions as written, in the same order ("Wisconsin", refined by
        "Milwaukee" after it).
    planned
        The report gives it as a plan ("was to fly first to Cologne"), not as
        a place the flight is said to have reached.
    confidence
        How sure the reading is, from 0 to 1: 1 for a stop a rule recognised,
        the learned score for one decided by :mod:`~.scoring`.
    why
        What decided it: the cue the rules read, or the features that weighed
        most in the score.
    """

    text: str
    start: int
    end: int
    sentence: str
    role: Role
    places: tuple[Place, ...] = ()
    stop: Stop | None = None
    within: Place | None = None
    airport: bool = False
    also: tuple[int, ...] = ()
    also_named: tuple[str, ...] = ()
    planned: bool = False
    confidence: float = 1.0
    why: str = ""


@dataclass(frozen=True, slots=True)
class SetAside:
    """A place the report names that is not a stop, and why."""

    text: str
    start: int
    end: int
    reason: str
    context: str = ""  # the words before it and the name: "officials in Washington"


@dataclass(frozen=True, slots=True)
class ReportReading:
    """What :func:`explain_report` finds, before any place is geocoded.

    Attributes
    ----------
    stops
        Stop mentions in flight order.
    set_aside
        Places named that are not stops, with the reason, in text order.
    aircraft
        ICAO type designator, or the family name ("Boeing 737"), if named.
    people
        People aboard, if stated.
    seats
        Seating capacity, if stated.
    date
        Date of the flight (its first leg), if it can be told.
    warnings
        What the reader could not settle.
    """

    stops: tuple[StopMention, ...]
    set_aside: tuple[SetAside, ...] = ()
    aircraft: str | None = None
    people: int | None = None
    seats: int | None = None
    date: dt.date | None = None
    warnings: tuple[str, ...] = ()
