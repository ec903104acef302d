r"""Report text to a route: a rule-based reading of news prose about a flight.

A report names many places; few are stops. This module reads a report the way
a careful editor would, with rules that can be read, tested and argued with
(no statistics, no learned model):

1. **Page furniture is skipped.** The text is cut into lines; a line is prose
   only if it ends like a sentence and is not a headline in Title Case, a
   numbered list item or what follows a "Trending" / "Most popular" marker.
   A list item that begins with a clock time is a timeline entry, and prose
   ("• 06:10 (UTC−3): the Boeing 767 takes off from ...").
   A dateline ("LONDON, May 3 —") is noted and its place and date ignored.
2. **Sentences** are split with their character offsets (abbreviations such as
   "U.S." and "Sept." do not end a sentence).
3. **Mentions** come from :mod:`flightlegs.gazetteer` (names, codes),
   :func:`flightlegs.chains.parse_chain` (code chains such as ``PHX-ELP-ANC``)
   and the chain module's coordinate syntax (``35.33N 117.87W``). Names inside
   an aircraft mention ("Global 7500") are dropped. A name's initials in
   capitals after the name ("SPS" after "San Pedro Sula") mean that place,
   not the airport that has them as its code (Wichita Falls).
4. **Each mention is classified by the words before it** (its *window*, back to
   the previous place named in the sentence) and around it:

   * departure cues: *took off from, departed, left, flew out of, set out from,
     on its way from, started the day in, from X to Y* (but not *flying in
     from*, which says where someone came from), a log's *dep*, and
     *X's runway* in a sentence that says the aircraft lifted off;
   * stop cues: *stopped in, a refuelling stop in, fuel stops at, via, landed
     in, touched down, arrived in, reaching, continued on to, then on to, flew
     to, another in, spent the night at, crossed the ice cap to, then across
     Davis Strait to*, an arrow (*Alexandria LA → San Pedro Sula*), and a
     log's *arr*;
   * return cues: *heading back to, flew back to, returned to, was back at*;
   * an airport named before its town ("Bandaranaike International Airport
     at Katunayake") is the stop, pinned to that town's airport; so are
     "Iqaluit's airport", "the airport at Kulusuk" and "Nuuk airport", but not
     "its home base in Santiago", which names only the town;
   * list continuations (*X, Y and Z*) take the role of the list's first item;
     *City, Region* and *X in Region* qualify the place before them;
   * set aside: demonyms (*Chinese nationals*), *X-based*, quotations
     (but not a crew's own account: "We took off from Abuja ..."),
     negations (*did not stop in, never reached, instead of, rather than*),
     plans and hypotheses (*planned, would, was due to, asked that*; but "a
     scheduled stop in Vienna" was made), what was
     cancelled (*scrapped, dropped, scrubbed*), travel by road or sea
     (*driven to, by boat, on the road from*), other flights (*for comparison, in past years,
     in the past two years, the second left ...*), locators (*west of, near*)
     and any place with no cue at all (*officials in Washington*). A
     sentence that opens *In 2019* when the report's latest full date is in
     a later year is background about other flights. A
     sentence opening on *a first, an earlier, a separate, 2nd* (flight)
     turns to another flight, as *the second* does. "The night before flying
     back" does not mark what it tells as earlier.

   Coordinates are a stop when their clause says the aircraft came down there
   ("it landed on the water beside the boat at 55.33N 132.02W"). A stop in a
   sentence about *the flight back* is a return. When a flight *was diverted
   to* a place, the destination named before the diversion in that sentence
   ("flying from Tokyo to Seattle") is set aside. Where *an ambulance jet
   bound for* went, and places in a sentence that names a different aircraft
   type and not the flight's ("a chartered Challenger 605 took them to
   Anchorage"), belong to another aircraft; what is *to be flown in from*,
   *waited for* or *was expected on Thursday* has not happened; what aircraft
   did *each time* is habit.

   A place that a negation says the flight *did not* reach ("It never reached
   Camarillo") is struck from the route even if named as a destination.
5. **Flight order.** Each sentence gives a segment of stops (departures first,
   *via* stops before the destination they lead to, returns last). Segments
   are merged into one itinerary: a segment that names a place already in the
   itinerary is aligned on it (so legs told out of order fall into place, and
   a country named in one sentence is refined by a city of it named in
   another: "reaching China" + "landed in Shenyang" is one stop, Shenyang); a
   segment marked as earlier (*earlier that morning, before that, had flown*)
   goes before the previous segment; a lone departure goes first; anything
   else follows. Consecutive repeats are merged. *Via* stops keep their order
   ("via Midway and Wake"). Further rules:

   * a sentence that says its stop was made *on the way* puts it before the
     last stop already told;
   * log lines and timeline entries (sentences that begin with a clock time,
     "1909Z arr PANC") are told in flight order, so each follows the one
     before it without alignment: a log may pass the same airport twice; a
     stop named *again* ("had to stop in N'Djamena again") is a second visit,
     added the same way;
   * a segment dated a few weekdays before those told so far ("we took off
     from Abuja on Saturday" after "landed at Abuja's airport on Sunday") that
     leaves from the only place the flight was said to land makes that
     landing the return home;
   * a route of three or more stops that ends where it began ends with a
     return.
6. **Readings that fit the route.** A name between two stops that has several
   readings is read as the one that lies on the way from the stop before to
   the stop after, when the first reading would send the flight far off it:
   between Hickam and Wake, "Midway" is Midway Atoll, not Chicago Midway.
   End stops and round trips are left with the gazetteer's first reading.
7. **Facts**: the aircraft (first aircraft mention in a sentence with stops,
   else the first in the prose), the people aboard (*carrying 135 deportees*,
   *with 14 people aboard*, *~130 on board*, *284 of its citizens*, *the pilot
   and two passengers*, *two pilots and an engineer aboard*; a stated total,
   *in all 120 people*, *all 38 returnees*, wins over the first count; counts
   in quotations, casualties (*killing 14 people*, *eleven people have died*)
   and sentences from the one that turns to another flight on are ignored),
   the seats (*seating capacity of 14*, *a 189-seat cabin*) and the flight date: a full
   date in a sentence of the first stop (a weekday there is resolved against
   the nearest full date), else the last day line ("11 JUN 2024" alone on a
   line, heading a log's entries) above the first stop, else the first date in
   a sentence with a stop, else the first date in the prose or header.
   Numeric dates are read only when their order is plain: "4/16/24" can only
   be month first and "14/05/2024" only day first; "5/6/24" is not guessed.
   A date without a year takes the year of the report's own date (header
   line, dateline or first dated sentence), moved back a year if it would fall
   after it.

Returns: a return stop ("heading back to the US") is resolved like any other
place, and then, when the place contains the route's origin, its candidate
airports are reordered so that the origin's airport and then the other
airports of the origin's region come first: charters most often fly home to
their base, and a best guess in the origin's region keeps the return leg's
distance honest.

Examples
--------
>>> reading = read_report(
...     "The jet took off from Anchorage and stopped in Shenyang before heading back to the US."
... )
>>> [(m.text, m.role.value) for m in reading.stops]
[('Anchorage', 'departure'), ('Shenyang', 'stop'), ('US', 'return')]
>>> route = parse_report("A Gulfstream V left Arizona on March 30, 2024, and landed in Alaska.")
>>> [s.name for s in route.stops], route.aircraft, route.date.isoformat()
(['Arizona', 'Alaska'], 'GLF5', '2024-03-30')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import FlightlegsError, InputError, UnknownPlaceError
from .route import Evidence, Route, Stop, StopKind

if TYPE_CHECKING:
    from .gazetteer import Gazetteer, Place
    from .geodesy import LatLon
    from .places import Resolver

__all__ = [
    "MAX_REPORT_CHARS",
    "ReportReading",
    "Role",
    "SetAside",
    "StopMention",
    "parse_report",
    "read_report",
]

#: Longest report accepted, in characters. News reports are a few thousand;
#: the cap keeps a mistaken multi-megabyte input from being scanned at all.
MAX_REPORT_CHARS = 1_000_000

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


@dataclass(frozen=True, slots=True)
class SetAside:
    """A place the report names that is not a stop, and why."""

    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class ReportReading:
    """What :func:`read_report` finds, before any place is geocoded.

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


# --------------------------------------------------------------------------- text layout


@dataclass(frozen=True, slots=True)
class _Sentence:
    start: int
    end: int
    text: str
    index: int


_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "mt",
        "ft",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "maj",
        "gov",
        "sen",
        "rep",
        "rev",
        "prof",
        "jr",
        "sr",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "est",
        "approx",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "ariz",
        "calif",
        "colo",
        "conn",
        "fla",
        "ill",
        "ind",
        "kan",
        "ky",
        "la",
        "md",
        "mass",
        "mich",
        "minn",
        "miss",
        "mo",
        "mont",
        "neb",
        "nev",
        "okla",
        "ore",
        "pa",
        "tenn",
        "tex",
        "va",
        "vt",
        "wash",
        "wis",
        "wyo",
    ]
)
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[•*·▪-])\s+")
# A log line or timeline entry begins with a clock time ("1402Z dep KIWA", "• 06:10 (UTC−3): ...")
_CLOCK = re.compile(
    r"^\W*(?:\d{3,4}Z|\d{1,2}[:.h]\d\d(?:\s*[ap]\.?m\b\.?)?)(?!\w|:\d)", re.IGNORECASE
)
_FURNITURE_MARKER = re.compile(
    r"^\s*(?:trending(?: stories| now)?|most (?:popular|read)|latest stories|related(?: stories"
    r"| articles| news)?|read more|also read|recommended(?: stories)?|more from [\w ]+|"
    r"you may also like|tags)\s*:?\s*$",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^\s*[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]{2,40}(?:\s*\([^)\n]{1,40}\))?\s*,?\s*"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*)?(?:—|–|--)\s*"
)


def _is_prose(line: str) -> bool:
    """A line reads as prose: ends like a sentence and is not a headline or list item."""
    text = line.strip()
    words = text.split()
    if len(words) < 3 or (_LIST_ITEM.match(text) and not _CLOCK.match(text)):
        return False
    if not re.search(r"[.!?][\"”’')\]]*$", text) and not (
        len(words) >= 12 and text.endswith(":")  # a paragraph leading into a list
    ):
        return False
    long_words = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    capitalised = [w for w in long_words if w[0].isupper()]
    return not (len(long_words) >= 4 and len(capitalised) / len(long_words) >= 0.75)


def _prose_lines(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """``(prose, header)``: spans of prose lines, and of the first lines before any prose."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            spans.append((pos, pos + len(body)))
        pos += len(line)
    prose: list[tuple[int, int]] = []
    header: list[tuple[int, int]] = []
    furniture = False
    for start, end in spans:
        line = text[start:end]
        if _FURNITURE_MARKER.match(line):
            furniture = True
            continue
        if not furniture and _is_prose(line):
            prose.append((start, end))
        elif not prose and len(header) < 3:
            header.append((start, end))
    if not prose:  # a bare line of text ("flew from Boise to Anchorage") is still prose
        prose = [
            s
            for s in spans
            if not _LIST_ITEM.match(line := text[s[0] : s[1]]) or _CLOCK.match(line)
        ]
        header = []
    return prose, header


def _split_sentences(text: str, start: int, end: int, first_index: int) -> list[_Sentence]:
    out: list[_Sentence] = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        word = re.search(r"([A-Za-z.]+)$", text[max(begin, m.start() - 12) : m.start()])
        token = word.group(1).lower().strip(".") if word else ""
        if token in _ABBREVIATIONS or len(token.replace(".", "")) == 1 or "." in token:
            continue
        out.append(_Sentence(begin, m.end(), text[begin : m.end()], first_index + len(out)))
        begin = m.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        out.append(_Sentence(begin, end, text[begin:end], first_index + len(out)))
    return out


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside double quotation marks (straight or curly) in one line."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for m in re.finditer(r"[\"“”]", text[start:end]):
        pos = start + m.start()
        ch = m.group(0)
        if opened is None and ch != "”":
            opened = pos
        elif opened is not None and ch != "“":
            spans.append((opened, pos + 1))
            opened = None
    if opened is not None:  # an unclosed quote runs to the end of the paragraph
        spans.append((opened, end))
    return spans


# --------------------------------------------------------------------------- cue phrases

_FLIGHT_WORD = (
    r"(?:flew|flown|fly|flying|flight|plane|jet|aircraft|airplane|airliner|charter|hop|leg"
    r"|airlift|tanker|turboprop|transport|took off|take off|taking off|departed|landed)"
)
_ADVERB = r"(?:\s+(?:first|briefly|safely|again|later|finally|eventually|then|there|overnight|"
_ADVERB += r"shortly|initially|nonstop|non-stop|directly|straight|back|on|over|\w+ly))?"
_DEPARTURE_CUE = re.compile(
    r"(?:\b(?:took|taken|taking|takes|take) off(?: from)?|\blifted off(?: from)?"
    r"|\b(?:departed|departing|departs|depart|dep\.?|left|leaving|leaves)(?: from)?"
    r"|\b(?:flew|flying|flown|fly|flies) out of|\bout of"
    r"|\b(?:set|setting|sets) (?:out|off)(?: from)?|\bstarted out (?:from|in|at)"
    r"|\boriginat(?:ed|ing) (?:in|at|from)|\bon (?:its|the|their) way from"
    r"|\b(?:begun|began|begins|started|starting|starts)(?: out)? (?:at|in|from)"
    r"|\b(?:began|begun|begins|started|starting|starts) (?:the|its|their) (?:day|trip|journey|tour"
    r"|run|rotation|mission) (?:at|in|from))\s*$"
)
_STOP_CUE = re.compile(
    r"(?:\b(?:stopped|stopping|stops|stop|stopover|stop-over|layover|night-stop|night-stopped"
    r"|refuel\w*|fuel stops?|technical stop|landed|landing|lands|land|touched down|touching down"
    r"|touches down|arrived|arriving|arrives|called|calling|on the ground|on the ramp|parked"
    r"|came down|coming down|comes down)"
    + _ADVERB
    + r"(?: on (?:its|the) (?:wheels|floats|water))?\s+(?:in|at|on)"
    r"|\b(?:reached|reaching)|\bvia|\banother (?:one |stop )?(?:in|at)"
    r"|\b(?:spent|spending|spends) (?:the|that|a|one|its) (?:night|day|nights|days) (?:at|in|on)"
    r"|\b(?:crossed|crossing|crosses) (?:the )?[\w -]{1,30}? to"
    r"|\bthen (?:across|over) [\w -]{1,30}? to"
    r"|\b(?:continued|continuing|continues|went|proceeded|proceeding|pressed|flew|flown|flying"
    r"|flies|headed|heading|heads|moved|carried on)\s+(?:on\s+)?(?:on\s+)?(?:to|for|into)"
    r"|\b(?:then|and then),?\s+(?:on\s+)?to|\b(?:on|onward|onwards) to"
    r"|\b(?:bound for|destined for|en route to|on (?:its|the|their) way to)"
    r"|\b(?:approach|final approach|descent) (?:to|into)"
    r"|\b(?:landing site|landing point) (?:was|as|at|is)|(?:→|->|⇒|>)"
    r"|\b(?:flight|leg|hop|diverted|diverting|arr\.?)\s+(?:to|for|into)?|\barr\.?"
    r")\s*$"
)
_RETURN_CUE = re.compile(
    r"\b(?:back (?:home )?(?:to|at|in)|returned to|returning to|returns to|return to|home to"
    r"|(?:heading|headed|heads|flying|flew|flown|went|going) home to)\s*$"
)
_SHORT_TO = re.compile(
    r"\W*(?:(?:and|then|nonstop|non-stop|straight|directly|on|onward|back)\W+){0,2}to"
)
# "flying in from Istanbul": where someone or something came in from, not a departure
_BARE_FROM = re.compile(r"(?<!\bin )\bfrom\s*$")
_PEOPLE_FROM = re.compile(
    r"\b(?:nationals|deportees|migrants|immigrants|citizens|people|returnees|detainees|families"
    r"|men|women|children|relatives|residents|refugees|workers|students|those|campaigners"
    r"|officials|came|come|comes|coming|hail|hails|were|are|crossed|crossing|collected"
    r"|driven|trucked|bused|bussed|walked)\s+(?:\w+\s+)?(?:from|of|in)\s*$"
)
_DESCRIPTOR = re.compile(
    r"(?:\b(?:the|a|an|its|their)\s+)?(?:\b(?!(?:in|at|on|to|from|via|of|and|the)\b)[\w'’-]+\s+)"
    r"{0,3}?\b(?:city|town|port|capital|island|state|province|region|village|hub|airport|airfield"
    r"|air base|base|field|station|helipad|heliport)(?:\s+(?:of|at|in)|,)\s*$"
)
_ARTICLE = re.compile(r"\b(?:the|a|an)\s*$")
_AIRPORT_WORDS = re.compile(r"\b(?:airport|airfield|air base|base|field|station)\b")
_LIST_JOIN = re.compile(r"^\s*(?:,|,?\s+(?:and|or|&)|,?\s+and\s+then)\s+(?:the\s+)?$")
_QUALIFIER_JOIN = re.compile(
    r"^\s*(?:,\s*|\s+|,\s+)(?:(?:in|on)\s+)?(?:the\s+)?(?:(?:[a-z]+-)?[a-z]+ern\s+|central\s+)?$"
)
_LOCATOR = re.compile(
    r"\b(?:(?:north|south|east|west)(?:[ -]?(?:east|west))?(?:ern)?\s+of|near|nearby|outside"
    r"(?: of)?|close to|beside|off the coast of|across from|just of)\s+(?:the\s+)?$"
)
_BASED = re.compile(r"^[-‐ ]?(?:based|headquartered|registered)\b", re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(?:not|n't|never|no|without|nor)\b(?:\W+\w+){0,4}?\W+(?:stop\w*|land\w*|refuel\w*|reach\w*"
    r"|touch\w*|call\w*|arriv\w*|fl[yoe]w?\w*|go|went|head\w*)\b"
)
_VETO = re.compile(
    r"\b(?:did not|didn't|did n't|never|does not|has not|had not)\s+(?:\w+\s+)?(?:stop|land|refuel"
    r"|reach|touch|call|arrive|fly|go)\w*(?:\s+\w+)?\s+(?:in|at|on|to|down in|down at|over in)?\s*"
    r"(?:the\s+)?$"
)
_ALTERNATIVE = re.compile(r"\b(?:instead of|rather than|in place of)\b")
_HYPOTHETICAL = re.compile(
    r"\b(?:will|would|shall|could|might|may|planned|planning|plans?|due to"
    r"|scheduled(?!\s+(?:stop|stopover|refuel\w*|fuel stop|technical stop|landing))|schedule"
    r"|expected to|intended|intends?|hoped|hopes?|hoping|wanted|wants?|asked|requested|proposed"
    r"|suggested|supposed to|was to|were to|is to|are to|set to|going to|if|unless|until|whether"
    r"|rumou?red|said the jet would|allow|allowed|waiting for|awaiting"
    r"|to be (?:flown|sent|shipped|brought|delivered|trucked))\b"
)
_CANCELLED = re.compile(
    r"\b(?:cancell?ed|canceled|scrapped|scrubbed|called off|abandoned|aborted|dropped(?! off)"
    r"|did not happen|never happened|suspended|postponed|refused)\b"
)
_OTHER_FLIGHTS = re.compile(
    r"\b(?:for comparison|in past years|past years|in previous years|for decades|for years"
    r"|no longer|formerly|earlier (?:this|last) (?:week|month|year)|last (?:week|month|year)"
    r"|in the (?:past|last) (?:\w+ )?(?:weeks|months|years)"
    r"|(?:twice|once|three times) a (?:day|week|month|year)|every (?:day|week|month)"
    r"|each (?:week|month|time)|every time|regularly|routinely|usually|often|earlier deployments"
    r"|spends?)\b"
)
# travel that is not flying: "by road", "on foot" (one list for both patterns below)
_BY_SURFACE = r"by (?:boat|sea|road|bus|car|train|truck|ferry|land)|on foot"
_SURFACE = re.compile(
    r"\b(?:driven|drove|drive|trucked|bused|bussed|walked|walk|"
    + _BY_SURFACE
    + r"|sailed|shipped|on the road|overland)\b"
)
_NEW_FLIGHT = re.compile(
    r"^\W*(?:(?:the|a)\s+(?:second|third|fourth|other|next|later)|(?:(?:the|a)\s+)?(?:2nd|3rd|\d+th)"
    r"|(?:a|an)\s+(?:first|earlier"
    r"|previous|separate))\b(?!\s+(?:leg|stop|hop|day))",
    re.IGNORECASE,
)
# "stopped to refuel in Iceland on the way": a stop between the ends already told
_EN_ROUTE = re.compile(r"\b(?:on the way|along the way|en route|on its way)\b(?!\s+(?:to|from)\b)")
# "We took off from Abuja ... and refuelled in N'Djamena": a crew's own account is the route
_FIRST_PERSON_FLIGHT = re.compile(
    r"\b(?:[Ww]e|I)\s+(?:\w+\s+){0,2}?(?:took off|flew|landed|refuell?ed|departed|left|stopped"
    r"|touched down|had to stop)\b"
)
# "In 2019 one flight stopped in San Salvador": a sentence set in an earlier year
_IN_YEAR = re.compile(r"^\W*In ((?:19|20)\d\d)\b")
_TOUCHDOWN = re.compile(
    r"\b(?:landed|landing|touched down|came down|coming down|ditched|set down|alighted)\b"
)
_OTHER_AIRCRAFT = re.compile(
    r"\b(?:an?|another)\s+(?:[\w-]+\s+){0,2}(?:jet|plane|aircraft|helicopter|airliner)\s+"
    r"(?:bound for|headed for|heading for|headed to|heading to)\s*$"
)
# not "return flight": a deportation is a "return flight" that does not come back
_FLIGHT_BACK = re.compile(r"\b(?:flight|trip|journey|leg|hop) back\b")
_DIVERTED = re.compile(r"\b(?:diverted|diverting|diverts|divert)\s+(?:to|into)?\s*$")
_EARLIER = re.compile(
    r"\b(?:earlier|before that|before then|prior to that|previously|the (?:day|night|evening|"
    r"morning) before)\b(?!\s+\w+ing\b)"
    r"|\bhad\s+(?:\w+\s+)?(?:flown|stopped|left|departed|taken off|landed"
    r"|set out|begun|started"
    r"|refuell?ed|touched down|arrived|been flown)\b",
    re.IGNORECASE,
)
# "Zurich's Runway 28 was still wet when ... an A320 lifted off": the airport it left
_RUNWAY_AFTER = re.compile(
    r"['’]s\s+(?:[Rr]unway|apron|ramp|[Gg]ate|terminal|tarmac)\b[^.;]{0,160}?\b(?:lifted off"
    r"|took off|taking off|departed|pushed back)\b(?!\s+from\b)"
)
_DEMONYM_PLACE = re.compile(r"\s+(?:airfield|airport|air base|airstrip|military base)\b")
_NAMED_AIRPORT_AFTER = re.compile(
    r"^['’]s\s+((?:[A-Z][\w'’–-]*\s+){1,3}(?:[Aa]irport|[Aa]irfield|[Aa]ir [Bb]ase))\b"
)
_NAMED_AIRPORT_BEFORE = re.compile(
    r"((?:[A-Z][\w'’.–-]*\s+){1,4}(?:[Aa]irport|[Aa]irfield|[Aa]ir [Bb]ase))\s+(?:at|in|of),?\s+$"
)
_AIRPORTS_AFTER = re.compile(
    r"^(?:['’]s(?:\s+(?:main|international|local))?)?\s+(?:airports?|airfields?|air bases?)\b",
    re.IGNORECASE,
)
_SURFACE_AFTER = re.compile(r"^\W{0,3}(?:" + _BY_SURFACE + ")")
_CANCEL_AFTER = re.compile(
    r"^[^.;:]{0,60}?\b(?:was|were|had been|has been)\s+(?:cancell?ed|canceled|scrapped|scrubbed"
    r"|called off|dropped|abandoned)\b"
)
# "a French transport from New Caledonia was expected on Thursday"
_EXPECTED_AFTER = re.compile(
    r"^[^.;:]{0,40}?\b(?:was|were|is|are)\s+(?:expected|due|scheduled|planned|set)\b"
)
_HABIT_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:(?:twice|once|three times) a (?:day|week|month|year)|every (?:day|week|"
    r"month)|next (?:week|month|year)|later this (?:week|month|year))\b"
)
_CLAUSE_BREAK = re.compile(
    r"[;:]|\bbut\b|—|–|,\s+(?:so|and so|because|while|whereas)\b|\bbecause\b"
)


# --------------------------------------------------------------------------- mentions


@dataclass(slots=True)
class _Mention:
    """A place mention being classified (mutable working state)."""

    start: int
    end: int
    text: str
    places: tuple[Place, ...] = ()
    stop: Stop | None = None
    demonym: bool = False
    chain: int | None = None
    sentence: int = -1
    role: Role | None = None
    reason: str = ""
    via: bool = False
    from_cue: bool = False
    veto: bool = False
    airport: bool = False
    airport_name: str = ""
    cue: str = ""
    again: bool = False
    within: Place | None = None
    also: list[int] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return self.role is not None and not self.reason


def _precision(m: _Mention) -> int:
    kind = m.stop.kind if m.stop is not None else (m.places[0].kind if m.places else None)
    if m.airport and kind is not StopKind.AIRPORT:
        kind = StopKind.CITY
    order = {
        StopKind.AIRPORT: 0,
        StopKind.COORDINATES: 0,
        StopKind.CITY: 1,
        StopKind.REGION: 2,
        StopKind.COUNTRY: 3,
    }
    return order.get(kind, 4) if kind is not None else 4


def _area(m: _Mention) -> tuple[StopKind | None, str | None, str | None, str | None]:
    """``(kind, country, region, airport ident)`` of a mention's best reading."""
    if m.stop is not None:
        ap = m.stop.airport
        return m.stop.kind, m.stop.country, m.stop.region, ap.ident if ap else None
    if not m.places:
        return None, None, None, None
    p = m.places[0]
    return p.kind, p.country, p.region, p.airport.ident if p.airport else None


def _airports_of(m: _Mention, gaz: Gazetteer) -> frozenset[str]:
    if m.stop is not None:
        return frozenset(a.ident for a in m.stop.candidates)
    if not m.places:
        return frozenset()
    return frozenset(a.ident for a in gaz.airports_in(m.places[0]))


def _same(a: _Mention, b: _Mention, gaz: Gazetteer, *, nested: bool = True) -> bool:
    """Whether two mentions name the same stop (or, with ``nested``, one inside the other)."""
    ka, ca, ra, pa = _area(a)
    kb, cb, rb, pb = _area(b)
    if ka is None or kb is None:
        return False
    if a.stop is not None and b.stop is not None and a.stop.point and b.stop.point:
        return a.stop.point == b.stop.point
    if pa and pb:
        return pa == pb
    if ka is kb and ka is not StopKind.AIRPORT:
        return (ca, ra) == (cb, rb) and (
            ka is not StopKind.CITY or a.places[0].name == b.places[0].name
        )
    if StopKind.AIRPORT in (ka, kb) and StopKind.CITY in (ka, kb):
        port, town = (a, b) if ka is StopKind.AIRPORT else (b, a)
        return bool(_airports_of(port, gaz) & _airports_of(town, gaz))
    if not nested:
        return False
    for coarse, fine in ((a, b), (b, a)):
        kc, cc, rc, _ = _area(coarse)
        _kf, cf, rf, _ = _area(fine)
        if _precision(coarse) <= _precision(fine) or cc is None:
            continue
        if kc is StopKind.COUNTRY and cf == cc:
            return True
        if kc is StopKind.REGION and rc is not None and rf == rc:
            return True
    return False


def _contains(outer: Place, inner: Sequence[Place]) -> bool:
    if outer.kind is StopKind.COUNTRY:
        return any(p.country == outer.country and p is not outer for p in inner)
    if outer.kind is StopKind.REGION:
        return any(p.region == outer.region and p.kind is not StopKind.REGION for p in inner)
    if outer.kind is StopKind.CITY:
        return any(p.kind is StopKind.AIRPORT and p.region == outer.region for p in inner)
    return False


def _find_mentions(
    text: str, prose: Sequence[tuple[int, int]], gaz: Gazetteer
) -> tuple[list[_Mention], list[tuple[int, int, str]]]:
    """Place mentions and aircraft mentions ``(start, end, designator)`` in the prose lines."""
    from .aircraft import find_aircraft_mentions
    from .chains import parse_chain

    mentions: list[_Mention] = []
    aircraft: list[tuple[int, int, str]] = []
    chain_id = 0
    for start, end in prose:
        line = text[start:end]
        planes = [
            (start + a.start, start + a.end, a.spec.designator)
            for a in find_aircraft_mentions(line)
        ]
        aircraft.extend(planes)
        taken: list[tuple[int, int]] = [(a, b) for a, b, _ in planes]
        found: list[_Mention] = []
        for m in _CHAIN.finditer(line):
            try:
                routes = parse_chain(m.group(0))
            except FlightlegsError:
                continue
            if len(routes) != 1:
                continue
            chain_id += 1
            for stop in routes[0].stops:
                assert stop.evidence is not None  # parse_chain always records it
                s = start + m.start() + stop.evidence.start
                e = start + m.start() + stop.evidence.end
                found.append(_Mention(s, e, text[s:e], stop=stop, chain=chain_id))
            taken.append((start + m.start(), start + m.end()))
        for m in _COORDINATES.finditer(line):
            s, e = start + m.start(), start + m.end()
            if _overlaps(s, e, taken):
                continue
            try:
                routes = parse_chain(m.group(0))
            except FlightlegsError:
                continue
            if len(routes) == 1 and len(routes[0].stops) == 1:
                point_stop = _locate(routes[0].stops[0])
                found.append(_Mention(s, e, text[s:e].strip(), stop=point_stop))
                taken.append((s, e))
        for pm in gaz.find_mentions(line):
            s, e = start + pm.start, start + pm.end
            if _overlaps(s, e, taken):
                continue
            found.append(_Mention(s, e, pm.text, places=pm.places, demonym=pm.demonym))
        found.sort(key=lambda x: x.start)
        mentions.extend(found)
    return mentions, aircraft


_CHAIN = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{2,3}(?:-[A-Z][A-Z0-9]{2,3})+(?![\w-])")
_COORDINATES = re.compile(
    r"(?<![\w.])\d{1,2}(?:\.\d+)?\s*°?\s*[NS]\s*,?\s*\d{1,3}(?:\.\d+)?\s*°?\s*[EW](?![\w])"
)


def _read_initials(mentions: Sequence[_Mention]) -> None:
    """A name's initials in capitals ("SPS" after "San Pedro Sula") mean that place, not a code."""
    named: dict[str, _Mention] = {}
    for m in mentions:
        words = re.findall(r"[A-Za-zÀ-ÿ]+", m.text)
        if len(words) >= 2 and m.places and m.chain is None:
            named.setdefault("".join(w[0] for w in words).upper(), m)
    for m in mentions:
        full = named.get(m.text)
        if full is not None and m.text.isupper() and m.chain is None and full.start < m.start:
            m.places, m.stop = full.places, None


def _locate(stop: Stop) -> Stop:
    """Give a coordinate stop the country and region of the nearest airport within 100 km."""
    from .places import nearest_airports

    if stop.point is None:
        return stop
    near = nearest_airports(stop.point, k=1)
    if not near or near[0][1] > 100_000:
        return stop
    airport = near[0][0]
    return replace(stop, country=airport.country, region=airport.region or None)


def _pin_airport(m: _Mention, gaz: Gazetteer) -> None:
    """A name the report calls an airport ("Prestwick ... airports") becomes that airport."""
    from .gazetteer import Place, fold

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
    key = fold(m.airport_name or m.text)
    rank = {"large_airport": 0, "medium_airport": 1}
    best = min(ports, key=lambda a: (key not in fold(a.name), rank.get(a.type, 2), a.ident))
    m.places = (
        Place(best.name, StopKind.AIRPORT, best.country, best.region or None, best),
        *m.places,
    )


def _overlaps(s: int, e: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)


# --------------------------------------------------------------------------- classification


def _tail(text: str) -> str:
    """A window as the cue patterns see it: lower case, spaces folded, trimmed."""
    return re.sub(r"\s+", " ", text[-_WINDOW:].lower().replace("’", "'"))


def _strip_descriptor(window: str) -> tuple[str, bool]:
    """Drop "the northeastern Chinese city of" and articles before a name."""
    airport = False
    m = _DESCRIPTOR.search(window)
    if m:
        # "the airport at Kulusuk" names an airport; "its home base in Santiago" only a town
        airport = bool(_AIRPORT_WORDS.search(m.group(0))) and not re.match(
            r"\s*(?:its|their)\b", m.group(0)
        )
        window = window[: m.start()]
    window = _ARTICLE.sub("", window).rstrip()
    window = re.sub(r"[\w'-]+'s$", "", window).rstrip()  # "Palermo's Falcone-Borsellino airport"
    return window, airport


def _classify(
    text: str,
    sentence: _Sentence,
    mentions: list[_Mention],
    quotes: Sequence[tuple[int, int]],
    dateline_end: int,
    gaz: Gazetteer,
    report_year: int | None = None,
) -> None:
    """Give each mention of one sentence a role, or a reason to set it aside."""
    sent_lower = sentence.text.lower()
    whole_reason = ""
    if _OTHER_FLIGHTS.search(sent_lower):
        whole_reason = "about other flights or habits, not this flight"
    elif (
        (past := _IN_YEAR.match(sentence.text))
        and report_year is not None
        and int(past[1]) < report_year
    ):
        whole_reason = "about an earlier year's flights, not this flight"
    previous: _Mention | None = None
    for m in mentions:
        m.sentence = sentence.index
        m.sentences = [sentence.index]
        if m.demonym and (noun := _DEMONYM_PLACE.match(text, m.end)):
            # "a refuelling stop at a Honduran airfield": the country, airport unknown
            m.demonym = False
            m.end = noun.end()
            m.text = text[m.start : m.end]
        if m.demonym:
            m.reason = "a demonym (people or things of a country), not a place"
            continue
        window_start = previous.end if previous is not None else sentence.start
        raw_window = text[window_start : m.start]
        window = _tail(raw_window)
        clause_start = sentence.start
        for br in _CLAUSE_BREAK.finditer(text, sentence.start, m.start):
            clause_start = br.end()
        clause_left = _tail(text[clause_start : m.start])
        after = text[m.end : min(sentence.end, m.end + 80)]
        next_break = _CLAUSE_BREAK.search(text, m.end, sentence.end)
        clause = text[clause_start : next_break.start() if next_break else sentence.end].lower()
        prev = previous
        previous = m
        m.airport = bool(_AIRPORTS_AFTER.match(after))
        m.again = bool(re.match(r"\s+again\b", after))
        if m.start < dateline_end:
            m.reason = "in the dateline"
        elif _overlaps(m.start, m.end, quotes):
            m.reason = "inside a quotation"
        elif _BASED.match(after):
            m.reason = "where an organisation is based"
        elif whole_reason:
            m.reason = whole_reason
        elif _CANCELLED.search(clause):
            m.reason = "in a clause about something cancelled or that did not happen"
        elif _VETO.search(window):
            m.reason = "the report says the flight did not go there"
            m.veto = True
        elif _NEGATION.search(window[-80:]):
            m.reason = "negated"
        elif _ALTERNATIVE.search(window):
            m.reason = "named as the alternative not taken"
        elif _HYPOTHETICAL.search(clause_left):
            m.reason = "planned, expected or hypothetical, not flown"
        elif _SURFACE.search(clause_left) or _SURFACE_AFTER.match(after):
            m.reason = "travel by road or sea, not a flight"
        elif _CANCEL_AFTER.match(after) or _HABIT_AFTER.match(after):
            m.reason = "cancelled, habitual or in the future"
        elif _EXPECTED_AFTER.match(after):
            m.reason = "expected, not yet flown"
        elif _LOCATOR.search(window):
            m.reason = "a locator (west of, near), not a stop"
        if m.reason:
            continue
        if prev is not None and _QUALIFIER_JOIN.match(raw_window) and _qualifies(m, prev):
            m.reason = f"locates {prev.text}"
            prev.within = m.places[0] if m.places else None
            if prev.places and m.places:
                inside = [p for p in prev.places if _contains(m.places[0], [p])]
                if inside:
                    prev.places = (*inside, *(p for p in prev.places if p not in inside))
            previous = prev  # "Bangor, Maine, and another in ..." continues from Bangor
            continue
        if prev is not None and _LIST_JOIN.match(raw_window) and m.chain is None:
            m.role, m.via, m.from_cue = prev.role, prev.via, prev.from_cue
            m.reason = prev.reason if prev.reason and not prev.reason.startswith("locates") else ""
            if m.role is None and not m.reason:
                m.reason = "no cue says the flight went there"
            continue
        if m.chain is not None:
            m.role = Role.STOP
            continue
        cue, airport = _strip_descriptor(window)
        m.airport = m.airport or airport
        if named := _NAMED_AIRPORT_AFTER.match(after):
            # "Palermo's Falcone-Borsellino airport": the airport, named after its city
            m.airport = True
            m.airport_name = named.group(1)
            m.text = named.group(1)
            m.start, m.end = m.end + named.start(1), m.end + named.end(1)
        elif named := _NAMED_AIRPORT_BEFORE.search(raw_window):
            # "Bandaranaike International Airport at Katunayake": the airport of that town
            m.airport = True
            m.airport_name = named.group(1)
            m.text = named.group(1)
            m.start, m.end = window_start + named.start(1), window_start + named.end(1)
        m.cue = cue
        if _RETURN_CUE.search(cue):
            m.role = Role.RETURN
        elif _DEPARTURE_CUE.search(cue) or _RUNWAY_AFTER.match(text, m.end, sentence.end):
            m.role = Role.DEPARTURE
        elif _STOP_CUE.search(cue):
            m.role = Role.STOP
            m.via = cue.endswith("via")
        elif _BARE_FROM.search(cue) and not _PEOPLE_FROM.search(cue):
            m.from_cue = True
        elif (
            _SHORT_TO.fullmatch(cue)
            and any(x.active or x.from_cue for x in mentions if x.start < m.start)
        ) or re.search(r"\b" + _FLIGHT_WORD + r"(?:\s+\w+)?\s+to$", cue):
            m.role = Role.STOP
        elif (
            m.stop is not None
            and m.stop.kind is StopKind.COORDINATES
            and _TOUCHDOWN.search(clause_left)
        ):
            m.role = Role.STOP  # "it landed on the water beside the boat at 55.33N 132.02W"
        if m.role is Role.STOP and _OTHER_AIRCRAFT.search(cue):
            m.role = None
            m.reason = "where another aircraft went"
            continue
        if m.role is Role.STOP and _FLIGHT_BACK.search(sent_lower[: m.start - sentence.start]):
            m.role = Role.RETURN  # "the flight back, which ended ... at Ketchikan"
        if m.role is None and not m.from_cue:
            m.reason = "no cue says the flight went there"
    # "from X" is a departure when the sentence also names where the flight went,
    # or speaks of flying ("flew from", "a flight from")
    for i, m in enumerate(mentions):
        if not m.from_cue or m.reason:
            continue
        later = any(x.active and x.role is not Role.DEPARTURE for x in mentions[i + 1 :])
        flying = re.search(rf"\b{_FLIGHT_WORD}\b", _tail(text[sentence.start : m.start]))
        if later or flying:
            m.role = Role.DEPARTURE
        else:
            m.reason = "no cue says the flight went there"
    # "flying from Tokyo to Seattle was diverted to Cold Bay": Seattle was not reached
    diverted = [m for m in mentions if m.active and _DIVERTED.search(m.cue)]
    for m in mentions:
        if diverted and m.active and m.role is Role.STOP and m.start < diverted[0].start:
            m.role = None
            m.reason = "the planned destination of a diverted flight"
    # "Prestwick, Keflavik and Narsarsuaq airports": the suffix covers the list
    for i in range(len(mentions) - 1, 0, -1):
        here, before = mentions[i], mentions[i - 1]
        if here.airport and before.active and _LIST_JOIN.match(text[before.end : here.start]):
            before.airport = True


def _qualifies(m: _Mention, prev: _Mention) -> bool:
    """``m`` is a region or country that contains the place named just before it."""
    if not m.places or m.places[0].kind not in (StopKind.REGION, StopKind.COUNTRY):
        return False
    inner = list(prev.places)
    if prev.stop is not None and prev.stop.candidates:
        a = prev.stop.candidates[0]
        inner = [p for p in m.places if p.country == a.country and (p.region in (None, a.region))]
        return bool(inner) and (
            m.places[0].kind is StopKind.COUNTRY or m.places[0].region == a.region
        )
    return any(_contains(p, inner) for p in m.places)


# --------------------------------------------------------------------------- flight order


def _segment(mentions: Sequence[_Mention]) -> list[_Mention]:
    """One sentence's stops in flight order."""
    active = [m for m in mentions if m.active]
    ordered: list[_Mention] = []
    for m in active:
        if m.via and ordered and ordered[-1].role is Role.STOP and not ordered[-1].via:
            # "reached Guam via Midway and Wake": the via stops come first, in their order
            ordered.insert(len(ordered) - 1, m)
        else:
            ordered.append(m)
    departures = [m for m in ordered if m.role is Role.DEPARTURE]
    returns = [m for m in ordered if m.role is Role.RETURN]
    middle = [m for m in ordered if m.role is Role.STOP]
    return departures + middle + returns


def _better(a: _Mention, b: _Mention) -> _Mention:
    """Keep the more precise of two mentions of one stop; remember both."""
    keep, drop = (b, a) if _precision(b) < _precision(a) else (a, b)
    keep.also.extend([drop.start, *drop.also])
    keep.sentences.extend(s for s in drop.sentences if s not in keep.sentences)
    if Role.DEPARTURE in (a.role, b.role):
        keep.role = Role.DEPARTURE
    if keep.within is None:
        keep.within = drop.within
    return keep


def _merge(
    itinerary: list[_Mention],
    segment: list[_Mention],
    earlier: bool,
    anchor: int | None,
    gaz: Gazetteer,
    *,
    in_order: bool = False,
    en_route: bool = False,
    dated_earlier: bool = False,
) -> int:
    """Merge one segment into the itinerary; return where the segment begins in it."""
    body = [m for m in itinerary if m.role is not Role.RETURN]
    tail = [m for m in itinerary if m.role is Role.RETURN]
    hit: tuple[int, int] | None = None
    if in_order:  # a log line follows the one before it, repeats and all
        seg = [m for m in segment if m.role is not Role.RETURN]
        if seg and body and _same(seg[0], body[-1], gaz, nested=False):
            body[-1] = _better(body[-1], seg.pop(0))
        begin = len(body)
        itinerary[:] = body + seg + tail + [m for m in segment if m.role is Role.RETURN]
        return begin
    for j, s in enumerate(segment):
        if s.role is Role.RETURN:
            continue
        for i, t in enumerate(body):
            if _same(s, t, gaz):
                hit = (i, j)
                break
        if hit:
            break
    seg_body = [m for m in segment if m.role is not Role.RETURN]
    seg_returns = [m for m in segment if m.role is Role.RETURN]
    if (
        hit is not None
        and dated_earlier
        and segment[hit[1]].role is Role.DEPARTURE
        and hit[0] == len(body) - 1
        and not any(m.role is Role.DEPARTURE for m in body)
    ):
        # "landed at Abuja on Sunday" ... "we took off from Abuja on Saturday": the lead told
        # the arrival home first; the flight went out from there and came back
        home = body.pop()
        home.role = Role.RETURN
        itinerary[:] = seg_body + body + tail + seg_returns + [home]
        return 0
    if hit is not None:
        i, j = hit
        body[i] = _better(body[i], segment[j])
        before = [m for m in segment[:j] if m.role is not Role.RETURN]
        body[i:i] = before
        begin = i
        cursor = i + len(before)
        for s in segment[j + 1 :]:
            if s.role is Role.RETURN:
                continue
            k = next((k for k in range(cursor + 1, len(body)) if _same(s, body[k], gaz)), None)
            if k is not None:
                body[k] = _better(body[k], s)
                cursor = k
            else:
                body.insert(cursor + 1, s)
                cursor += 1
    elif earlier and anchor is not None and body:
        begin = min(anchor, len(body))
        while begin < len(body) and body[begin].role is Role.DEPARTURE and begin + 1 < len(body):
            if seg_body and seg_body[0].role is Role.DEPARTURE:
                break
            begin += 1
        body[begin:begin] = seg_body
    elif en_route and len(body) >= 2 and all(m.role is Role.STOP for m in seg_body):
        begin = len(body) - 1
        body[begin:begin] = seg_body
    elif (
        seg_body
        and seg_body[0].role is Role.DEPARTURE
        and body
        and not any(m.role is Role.DEPARTURE for m in body)
    ):
        begin = 0
        body[0:0] = seg_body
    else:
        begin = len(body)
        body.extend(seg_body)
    itinerary[:] = body + tail + seg_returns
    return begin


def _order(
    sentences: Sequence[tuple[_Sentence, list[_Mention]]], text: str, gaz: Gazetteer
) -> list[_Mention]:
    itinerary: list[_Mention] = []
    anchor: int | None = None
    days_told: list[str] = []  # weekdays of the sentences with stops so far
    for sentence, mentions in sentences:
        groups: dict[int | None, list[_Mention]] = {}
        for m in mentions:
            groups.setdefault(m.chain, []).append(m)
        chains = [g for k, g in groups.items() if k is not None]
        prose = groups.get(None, [])
        earlier = bool(_EARLIER.search(text[sentence.start : sentence.end]))
        day = _WEEKDAY.search(sentence.text)
        dated_earlier = day is not None and any(
            (_WEEKDAYS.index(d.lower()) - _WEEKDAYS.index(day.group(1).lower())) % 7 in (1, 2, 3)
            for d in days_told
        )
        if day is not None and any(m.active for m in mentions):
            days_told.append(day.group(1))
        in_order = bool(_CLOCK.match(sentence.text)) or any(m.again for m in mentions)
        en_route = bool(_EN_ROUTE.search(sentence.text))
        for segment in [*(_segment(g) for g in chains), _segment(prose)]:
            if segment:
                anchor = _merge(
                    itinerary,
                    segment,
                    earlier,
                    anchor,
                    gaz,
                    in_order=in_order,
                    en_route=en_route,
                    dated_earlier=dated_earlier,
                )
    vetoed = [m for _, ms in sentences for m in ms if m.veto]
    itinerary = [m for m in itinerary if not any(_same(m, v, gaz, nested=False) for v in vetoed)]
    out: list[_Mention] = []
    for m in itinerary:
        if (
            out
            and out[-1].role is not Role.RETURN
            and m.role is not Role.RETURN
            and _same(out[-1], m, gaz, nested=False)
        ):
            out[-1] = _better(out[-1], m)
        else:
            out.append(m)
    if (
        len(out) >= 3
        and out[0].role is Role.DEPARTURE
        and out[-1].role is not Role.RETURN
        and _same(out[0], out[-1], gaz, nested=False)
    ):
        out[-1].role = Role.RETURN  # a flight that ends where it began has come back
    return out


# A name between two stops is read as another place of that name when that place lies on the
# way (the way through it at most this many times the direct distance, or this many metres
# longer, whichever allows more) ...
_ON_THE_WAY = 1.5
_ON_THE_WAY_M = 500_000.0
# ... and the first reading makes the way more than this many times as long ...
_DETOUR_RATIO = 2.0
# ... and longer by more than this (metres): a detour of a few hundred km proves nothing.
_DETOUR_MIN_M = 2_000_000.0


def _place_position(place: Place) -> LatLon | None:
    """Where a reading lies: its airport, or its best-guess airport."""
    from .places import rank_candidates

    if place.airport is not None:
        return place.airport.position
    airports, _ = rank_candidates(place, limit=1)
    return airports[0].position if airports else None


def _position(m: _Mention) -> LatLon | None:
    if m.stop is not None:
        return m.stop.position
    return _place_position(m.places[0]) if m.places else None


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
    from .geodesy import distance_m

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
        ):
            m.places = (best, *(p for p in m.places if p != best))


# --------------------------------------------------------------------------- facts


_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    r"|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)\.?"
)
_DATE_FORMS = (
    re.compile(
        rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    ),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    ),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
    # "4/16/24", "14/05/2024": read only when the order is plain (see _numeric_date)
    re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)?\d\d)(?![\d/])"),
)
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True, slots=True)
class _Date:
    start: int
    end: int
    month: int
    day: int
    year: int | None


def _dates(text: str, start: int, end: int) -> list[_Date]:
    found: list[_Date] = []
    taken: list[tuple[int, int]] = []
    for form in _DATE_FORMS:
        for m in form.finditer(text, start, end):
            if _overlaps(m.start(), m.end(), taken):
                continue
            if "a" in m.groupdict():
                if (numeric := _numeric_date(int(m["a"]), int(m["b"]))) is None:
                    continue
                month, day = numeric
            else:
                month = (
                    int(m["mnum"])
                    if "mnum" in m.groupdict() and m["mnum"]
                    else _MONTHS[m["month"][:3].lower()]
                )
                day = int(m["day"])
            year = int(m["year"]) if m["year"] else None
            if year is not None and year < 100:
                year += 2000
            try:
                dt.date(year or 2000, month, day)
            except ValueError:
                continue
            found.append(_Date(m.start(), m.end(), month, day, year))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _numeric_date(a: int, b: int) -> tuple[int, int] | None:
    """``(month, day)`` of a numeric date "a/b/y" whose order is plain, else None.

    "4/16/24" can only be month first and "14/05/2024" only day first; "5/6/24"
    could be either, and a wrong date is worse than none.
    """
    if 1 <= a <= 12 < b <= 31:
        return a, b
    if 1 <= b <= 12 < a <= 31:
        return b, a
    return None


def _resolve_date(d: _Date, reference: dt.date | None) -> dt.date | None:
    if d.year is not None:
        return dt.date(d.year, d.month, d.day)
    if reference is None:
        return None
    try:
        guess = dt.date(reference.year, d.month, d.day)
        if guess > reference + dt.timedelta(days=1):
            guess = dt.date(reference.year - 1, d.month, d.day)
    except ValueError:  # 29 February in a common year
        return None
    return guess


def _weekday_before(name: str, anchor: dt.date) -> dt.date:
    back = (anchor.weekday() - _WEEKDAYS.index(name.lower())) % 7
    return anchor - dt.timedelta(days=back)


_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_NUMBER_WORD = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:{_UNITS}))?"
    rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_UNITS})"
)
_NUM = rf"(?P<num>\d{{1,3}}(?:,\d{{3}})*|(?i:{_NUMBER_WORD}))(?![\w-])"
_PEOPLE_NOUN = (
    r"(?:(?i:people|persons|passengers|deportees|migrants|immigrants|nationals|returnees|detainees"
    r"|men|women|children|personnel|airmen|soldiers|troops|pilots|crew|crew members|officers"
    r"|executives|staff|medics|nurses|doctors|paramedics|scientists|marines|sailors|guards|agents"
    r"|escorts|specialists|rescuers|responders|firefighters|advisers|advisors|experts|volunteers"
    r"|engineers|citizens)|[A-Z][a-z]+(?:an|en|in)s)"
)
_MODIFIER = r"[A-Za-z][\w'-]*"
_PEOPLE = re.compile(
    rf"\b{_NUM}\s+(?:(?!(?:with|and|or|of|the|a|an|on|in|to|from|for|at|by|after|before|than"
    rf"|more|about|were|was|had|have)\b){_MODIFIER}\s+){{0,2}}?(?P<noun>{_PEOPLE_NOUN})\b"
    r"(?!\s+of\b(?!\s+the\b))"
)
# "~130 on board", "284 of its citizens": a count named by where it is or whose it is
_PEOPLE_BARE = (
    re.compile(rf"\b{_NUM}\s+(?:(?:were|are|was)\s+)?(?:on board|aboard|onboard)\b"),
    re.compile(
        rf"\b{_NUM}\s+of\s+(?:its|their|his|her|the country's)\s+(?:own\s+)?(?:{_PEOPLE_NOUN})\b"
    ),
)
# "In all 120 people were aboard", "with all 38 returnees": the stated total
_PEOPLE_TOTAL = re.compile(
    rf"\b(?:in all|all|a total of|in total|altogether|total of)\s+(?:the\s+)?{_NUM}\s+"
    rf"(?:{_MODIFIER}\s+){{0,2}}?(?:{_PEOPLE_NOUN})\b",
    re.IGNORECASE,
)
# "two pilots and an engineer aboard": one more
_AND_ONE_MORE = re.compile(r"\s+and\s+(?:an?|one)\s+[a-z-]+\s+(?:aboard|on board|onboard)\b")
# "killing at least 14 people", "eleven people have died": casualties, not people aboard
_CASUALTY_BEFORE = re.compile(
    r"\b(?:killing|killed|kills|kill|injuring|injured|wounding|wounded|leaving|left|dead|death of"
    r"|deaths of)\s+(?:at least\s+|about\s+|some\s+|nearly\s+|more than\s+)?$",
    re.IGNORECASE,
)
_CASUALTY_AFTER = re.compile(
    r"^\s+(?:\w+\s+){0,2}?(?:(?:have|had|has|were|are|was)\s+)?(?:died|killed|dead|injured|missing"
    r"|hurt|wounded)\b"
)
_PEOPLE_PLUS_ONE = re.compile(
    rf"\b(?:pilot|captain|\w+)\s+and\s+{_NUM}\s+(?:other\s+)?(?:passengers|people)\b",
    re.IGNORECASE,
)
_PEOPLE_FULL = re.compile(
    rf"\b(?:all|every one of)\b[^.;]{{0,30}}?\b{_NUM}\s+(?:passenger\s+)?seats\s+(?:was|were)\s+"
    r"(?:taken|filled|occupied|full)\b"
)
_CARRY = re.compile(
    r"\b(?:aboard|on board|onboard|carrying|carried|carries|with|removed|deported|bringing|brought"
    r"|took|flown by|flew|returned|repatriated|transported|pilot|crew|take on|took on|taking on"
    r"|pick up|picked up|taking|take|takes|left|departed)\b",
    re.IGNORECASE,
)
_CAPACITY_BEFORE = re.compile(r"\b(?:seat|seats|seating|capacity|up to|can carry|could carry)\s*$")
_SEATS = (
    re.compile(r"\bseating capacity of (?:about |up to |around |some )?(?P<num>\d{1,3})\b"),
    re.compile(r"\b(?P<num>\d{1,3})[- ]seat(?:er|s)?\b(?!\s+(?:was|were)\b)"),
    re.compile(r"\b(?P<num>\d{1,3})\s+(?:passenger\s+)?seats\b"),
    re.compile(r"\b(?:seats|seat|carry) (?:up to )?(?P<num>\d{1,3})\b(?! (?:of|in|on)\b)"),
)


def _number(word: str) -> int | None:
    w = word.lower().replace(",", "")
    if w.isdigit():
        return int(w)
    if w in _NUMBER_WORDS:
        return _NUMBER_WORDS[w]
    if w in _TENS:
        return _TENS[w]
    if "-" in w:
        tens, _, unit = w.partition("-")
        if tens in _TENS and unit in _NUMBER_WORDS and 0 < _NUMBER_WORDS[unit] < 10:
            return _TENS[tens] + _NUMBER_WORDS[unit]
    return None


def _people(sentence: str) -> tuple[int, int] | None:
    """``(position, count)`` of the first count of people aboard in a sentence."""
    found: list[tuple[int, int]] = []
    for m in _PEOPLE_FULL.finditer(sentence):
        n = _number(m["num"])
        if n:
            found.append((m.start(), n))
    for m in _PEOPLE_PLUS_ONE.finditer(sentence):
        n = _number(m["num"])
        if n:
            found.append((m.start(), n + 1))
    for form in _PEOPLE_BARE:
        for m in form.finditer(sentence):
            n = _number(m["num"])
            if n and n <= 1000:
                found.append((m.start(), n))
    if _CARRY.search(sentence):
        for m in _PEOPLE.finditer(sentence):
            if _CAPACITY_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):
                continue  # "can seat 14 passengers" is a capacity, not a count aboard
            if _CASUALTY_BEFORE.search(sentence, max(0, m.start() - 40), m.start()):
                continue
            if _CASUALTY_AFTER.match(sentence, m.end()):
                continue
            if _number(m["num"]) and _AND_ONE_MORE.match(sentence, m.end()):
                found.append((m.start(), (_number(m["num"]) or 0) + 1))
                continue
            n = _number(m["num"])
            if n and n <= 1000 and not (m["noun"][0].isupper() and m["noun"].lower() in {"s"}):
                found.append((m.start(), n))
    return min(found) if found else None


def _seats(sentence: str) -> int | None:
    best: tuple[int, int] | None = None
    for form in _SEATS:
        for m in form.finditer(sentence):
            n = int(m["num"])
            if 0 < n <= 1000 and (best is None or m.start() < best[0]):
                best = (m.start(), n)
    return best[1] if best else None


# --------------------------------------------------------------------------- reading


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise InputError(f"a report must be text, not {type(text).__name__}")
    if len(text) > MAX_REPORT_CHARS:
        raise InputError(
            f"report of {len(text):,} characters is longer than the {MAX_REPORT_CHARS:,} accepted; "
            "pass the article itself, not a whole site or archive"
        )
    return text


def read_report(text: str) -> ReportReading:
    """Read a report: its stops in flight order, and the facts about the flight.

    Nothing is geocoded here beyond the gazetteer's readings of each name;
    :func:`parse_report` turns the reading into a :class:`~flightlegs.route.Route`.

    Parameters
    ----------
    text
        The report, at most :data:`MAX_REPORT_CHARS` characters.

    Raises
    ------
    InputError
        The text is not a string or is too long.

    Examples
    --------
    >>> r = read_report(
    ...     "MIAMI, June 2 — The Miami-based operator's 737 left Harlingen, Texas, on June 1, "
    ...     "2024, with 120 deportees aboard, stopped in Guatemala City and did not stop in "
    ...     "Honduras."
    ... )
    >>> [m.text for m in r.stops], r.people, r.date.isoformat()
    (['Harlingen', 'Guatemala City'], 120, '2024-06-01')
    >>> sorted({s.reason for s in r.set_aside})[:2]
    ['in the dateline', 'locates Harlingen']
    """
    from .gazetteer import gazetteer

    text = _check_text(text)
    gaz = gazetteer()
    prose, header = _prose_lines(text)
    sentences: list[_Sentence] = []
    quotes: list[tuple[int, int]] = []
    datelines: list[tuple[int, int]] = []
    for start, end in prose:
        if dateline := _DATELINE.match(text, start, end):
            datelines.append((start, dateline.end()))
        sentences.extend(_split_sentences(text, start, end, len(sentences)))
        quotes.extend(
            q for q in _quote_spans(text, start, end) if not _FIRST_PERSON_FLIGHT.search(text, *q)
        )
    mentions, aircraft = _find_mentions(text, prose, gaz)
    mentions = [
        m for m in mentions if not _overlaps(m.start, m.end, [(a, b) for a, b, _ in aircraft])
    ]
    _read_initials(mentions)

    # the latest full date's year is the report's own: sentences set before it are background
    report_year = max((d.year for d in _dates(text, 0, len(text)) if d.year), default=None)
    by_sentence: list[tuple[_Sentence, list[_Mention]]] = []
    k = 0
    other_flight = False
    other_from = len(sentences)
    set_aside: list[SetAside] = []
    for sentence in sentences:
        ms: list[_Mention] = []
        while k < len(mentions) and mentions[k].start < sentence.end:
            if mentions[k].start >= sentence.start:
                ms.append(mentions[k])
            k += 1
        if not other_flight and _NEW_FLIGHT.match(sentence.text) and by_sentence:
            other_flight = any(m.active for _, group in by_sentence for m in group)
            other_from = sentence.index if other_flight else other_from
        dateline_end = next((e for s, e in datelines if s <= sentence.start < e), -1)
        _classify(text, sentence, ms, quotes, dateline_end, gaz, report_year)
        # "a chartered Challenger 605 took them to Anchorage": another aircraft's trip
        others = [
            a for a, _, d in aircraft if sentence.start <= a < sentence.end and d != aircraft[0][2]
        ]
        if others and not any(
            sentence.start <= a < sentence.end for a, _, d in aircraft if d == aircraft[0][2]
        ):
            for m in ms:
                if m.active and m.start > others[0]:
                    m.role, m.reason = None, "where another aircraft went"
        if other_flight:
            for m in ms:
                if not m.reason:
                    m.reason = "about another flight in the same report"
        by_sentence.append((sentence, ms))
    for _, ms in by_sentence:
        for m in ms:
            if m.active:
                _pin_airport(m, gaz)
    stops = _order(by_sentence, text, gaz)
    _fit_to_route(stops)
    kept = {id(m) for m in stops}
    for _, ms in by_sentence:
        for m in ms:
            if id(m) not in kept and m.reason:
                set_aside.append(SetAside(m.text, m.start, m.end, m.reason))

    stop_sentences = sorted({i for m in stops for i in m.sentences})
    excluded_sentences = {
        s.index for s, ms in by_sentence if any(m.reason.startswith("about") for m in ms)
    }
    # -- facts
    plane = next(
        (
            d
            for a, b, d in aircraft
            for i in stop_sentences
            if sentences[i].start <= a < sentences[i].end
        ),
        aircraft[0][2] if aircraft else None,
    )
    people = seats = total = None
    for s in sentences:
        if s.index in excluded_sentences or s.index >= other_from:
            continue
        # counts inside quotations are someone's words, not the report's
        unquoted = "".join(
            " " if _overlaps(s.start + i, s.start + i + 1, quotes) else c
            for i, c in enumerate(s.text)
        )
        if people is None and (found := _people(unquoted)) is not None:
            people = found[1]
        if total is None and (stated := _PEOPLE_TOTAL.search(unquoted)):
            total = _number(stated["num"])
        if seats is None:
            seats = _seats(s.text)
    people = total or people
    date = _flight_date(text, sentences, stops, header, datelines)
    warnings: list[str] = []
    if not stops:
        warnings.append("no stops found: no sentence says where the flight went")
    return ReportReading(
        stops=tuple(
            StopMention(
                text=m.text,
                start=m.start,
                end=m.end,
                sentence=sentences[m.sentence].text,
                role=m.role or Role.STOP,
                places=m.places,
                stop=m.stop,
                within=m.within,
                airport=m.airport,
                also=tuple(m.also),
            )
            for m in stops
        ),
        set_aside=tuple(sorted(set_aside, key=lambda s: s.start)),
        aircraft=plane,
        people=people,
        seats=seats,
        date=date,
        warnings=tuple(warnings),
    )


def _flight_date(
    text: str,
    sentences: Sequence[_Sentence],
    stops: Sequence[_Mention],
    header: Sequence[tuple[int, int]],
    datelines: Sequence[tuple[int, int]],
) -> dt.date | None:
    if not stops:
        return None
    excluded = list(datelines)
    header_dates = [d for s, e in header for d in _dates(text, s, e)]
    prose_dates = [
        d
        for s in sentences
        for d in _dates(text, s.start, s.end)
        if not _overlaps(d.start, d.end, excluded)
    ]
    dated = [
        d for d in header_dates + [d for s, e in datelines for d in _dates(text, s, e)] if d.year
    ]
    first_year = next((d for d in prose_dates if d.year), None)
    reference = None
    if dated:
        reference = dt.date(dated[0].year or 1, dated[0].month, dated[0].day)
    elif first_year is not None and first_year.year:
        reference = dt.date(first_year.year, first_year.month, first_year.day)
    if reference is None and (m := re.search(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b", text[:200])):
        reference = dt.date(int(m[1]), int(m[2]), int(m[3]))

    def in_sentences(indexes: Iterable[int]) -> list[_Date]:
        spans = [(sentences[i].start, sentences[i].end) for i in indexes]
        return [d for d in prose_dates if any(a <= d.start < b for a, b in spans)]

    full = [d for d in (_resolve_date(x, reference) for x in prose_dates) if d is not None]
    first = stops[0]
    for d in in_sentences(first.sentences):
        resolved = _resolve_date(d, reference)
        if resolved is not None:
            return resolved
    day_lines = [
        d
        for line in re.finditer(r"(?m)^[^\S\n]*(\S[^\n]*?)[^\S\n]*$", text[: first.start])
        for d in _dates(text, line.start(1), line.end(1))
        if (d.start, d.end) == (line.start(1), line.end(1)) and d.year
    ]
    if day_lines:  # a log's day line ("11 JUN 2024") heads the entries below it
        return _resolve_date(day_lines[-1], reference)
    anchor = full[0] if full else reference
    if anchor is not None:
        for i in first.sentences:
            s = sentences[i]
            w = _WEEKDAY.search(s.text)
            if w:
                return _weekday_before(w.group(1), anchor)
    for d in in_sentences(sorted({i for m in stops for i in m.sentences})):
        resolved = _resolve_date(d, reference)
        if resolved is not None:
            return resolved
    if full:
        return full[0]
    for d in header_dates:
        resolved = _resolve_date(d, reference)
        if resolved is not None:
            return resolved
    return None


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
    from .places import OfflineResolver, stop_for_place

    evidence = Evidence(mention.sentence, mention.start, mention.end, source)
    is_return = mention.role is Role.RETURN
    if mention.stop is not None:
        return replace(mention.stop, name=mention.text, evidence=evidence, is_return=is_return)
    if resolver is not None and not isinstance(resolver, OfflineResolver):
        return replace(resolver.resolve(mention.text, evidence=evidence), is_return=is_return)
    return stop_for_place(
        mention.places[0],
        mention.text,
        evidence=evidence,
        within=mention.within,
        is_return=is_return,
    )


def parse_report(
    text: str,
    source: str = "<text>",
    *,
    resolver: Resolver | None = None,
    strict: bool = False,
) -> Route:
    """Read a report and geocode its stops into a :class:`~flightlegs.route.Route`.

    Parameters
    ----------
    text
        The report.
    source
        Its name (file name or URL), kept in each stop's evidence.
    resolver
        Resolves each stop's name; by default the gazetteer's reading found in
        the text is placed offline, which keeps "Bangor, Maine" in Maine.
    strict
        Refuse a report with no stops or with a stop that cannot be placed
        (the error lists the closest known names) instead of returning the
        route with warnings.

    Raises
    ------
    InputError
        The text is not a string, is too long, or (``strict``) has no stops.
    UnknownPlaceError
        (``strict``) a stop cannot be placed.

    Examples
    --------
    >>> route = parse_report(
    ...     "The charter took off from Mesa Gateway airport, stopped in Anchorage and "
    ...     "made a stop in South Korea before heading back to the US."
    ... )
    >>> [(s.name, s.kind.value, s.is_return) for s in route.stops]  # doctest: +NORMALIZE_WHITESPACE
    [('Mesa Gateway', 'airport', False), ('Anchorage', 'city', False),
     ('South Korea', 'country', False), ('US', 'country', True)]
    >>> route.stops[-1].code  # the return is assumed to go home to the origin
    'AZA'
    """
    from .gazetteer import gazetteer

    reading = read_report(text)
    gaz = gazetteer()
    stops: list[Stop] = []
    warnings = list(reading.warnings)
    for mention in reading.stops:
        try:
            stop = _geocode(mention, source, resolver)
        except (UnknownPlaceError, LookupError) as err:
            if strict:
                raise
            stop = Stop(mention.text, StopKind.UNKNOWN, reason=str(err),
                        evidence=Evidence(mention.sentence, mention.start, mention.end, source),
                        is_return=mention.role is Role.RETURN)  # fmt: skip
        if stop.is_return:
            stop = _return_first(stop, stops[0] if stops else None)
        if not stop.is_resolved:
            if strict:
                raise UnknownPlaceError(mention.text, gaz.suggest(mention.text))
            warnings.append(f"could not place {mention.text!r}")
        stops.append(stop)
    if strict and not stops:
        raise InputError(f"{source}: no stops found: no sentence says where the flight went")
    named = source not in ("<text>", "<stdin>", "")
    name = Path(source).stem if named and "://" not in source else " > ".join(s.name for s in stops)
    return Route(
        stops=tuple(stops),
        name=name or "report",
        aircraft=reading.aircraft,
        date=reading.date,
        people=reading.people,
        seats=reading.seats,
        source=source if named else None,
        warnings=tuple(warnings),
    )
