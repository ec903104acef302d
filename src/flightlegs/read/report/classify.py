"""Classification: a verdict and a reason for every place a report names.

A place governed by a travel or spatial word in a sentence about the flight is
a stop (origin, stop, destination, return) unless a stated reason sets it
aside; the reason is kept so the reading can be explained.

**Each mention is classified by the words before it** (its *window*, back to
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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Final

from flightlegs.core.route import StopKind
from flightlegs.read.report.cues import (
    _AFTER_DOING,
    _AFTER_PLACE,
    _AFTER_PLACE_AFTER,
    _AIRCRAFT_WAS,
    _AIRPORT_WORDS,
    _AIRPORTS_AFTER,
    _ALTERNATIVE,
    _ARRIVED_AS_AFTER,
    _ARTICLE,
    _ATTRIBUTIVE,
    _BARE_FROM,
    _BASED,
    _BEFORE_EVENT,
    _BEFORE_FLYING_AFTER,
    _BOARDED_AFTER,
    _BOUND_FOR,
    _CAME_OWN_WAY,
    _CANCEL_AFTER,
    _CANCELLED,
    _CARRIED_TO,
    _CLAUSE_BREAK,
    _DEMONYM_PLACE,
    _DEPARTURE_CUE,
    _DESCRIPTOR,
    _DIVERTED,
    _EXPECTED_AFTER,
    _FAMILY_PREP,
    _FAMILY_STOP,
    _FIELD_OF_PREV,
    _FLEW_AFTER,
    _FLEW_THEM_TO,
    _FLIGHT_BACK,
    _FLIGHT_WORD,
    _FLOWN_HERE,
    _FLOWN_PEOPLE_FROM,
    _FLOWN_VERB,
    _GENERIC_NAME,
    _HABIT_AFTER,
    _HOME_OF,
    _HYPOTHETICAL,
    _IN_FROM,
    _IN_YEAR,
    _LANDFORM_AFTER,
    _LIST_JOIN,
    _LOCATOR,
    _LOGGED_AFTER,
    _MOVED_FROM,
    _MOVED_ONWARD,
    _NAMED_AIRPORT_AFTER,
    _NAMED_AIRPORT_BEFORE,
    _NEGATION,
    _NEXT_STOP_AFTER,
    _ON_THE_WAY_AFTER,
    _ON_WATER,
    _ORGANISATION_AFTER,
    _OTHER_AIRCRAFT,
    _OTHER_FLIGHTS,
    _OVERFLIGHT,
    _PEOPLE_FROM,
    _PERSON_TITLE,
    _PLACE_AT,
    _PLAN_LEAD,
    _PRONOUN_WAS,
    _QUALIFIER_JOIN,
    _REACHED_AT,
    _RECORD,
    _REFUEL,
    _RETURN_CUE,
    _RUNWAY_AFTER,
    _RUNWAY_AT,
    _SEAT_OF,
    _SHORT_TO,
    _SKIPPED,
    _SPEAKS_AFTER,
    _STOP_CUE,
    _STOP_WAS_AFTER,
    _STOPS_LIST,
    _SURFACE,
    _SURFACE_AFTER,
    _TAKE_OFF,
    _THEN_FLEW_AFTER,
    _TIME_BEFORE_PLACE,
    _TIME_ZONE,
    _TO_JOIN,
    _TOUCHDOWN,
    _TURNED_AWAY,
    _UNKNOWN_BEFORE,
    _UNKNOWN_FIELD,
    _UNKNOWN_NEAR,
    _VETO,
    _WALKED_BACK,
    _WATCHED_ARRIVE_AFTER,
    _WATER_AFTER,
    _WENT_AHEAD,
    _WHERE_LANDED_AFTER,
    _WITH_STOP,
)
from flightlegs.read.report.layout import (
    _LOG_DATE,
    _PLACE_HEADING,
    _TABLE_ROW,
    _in_stops_list,
    _is_heading,
    _Sentence,
)
from flightlegs.read.report.mentions import _contains, _Mention, _overlaps
from flightlegs.read.report.model import _WINDOW, Role
from flightlegs.read.report.scoring import RESCUABLE
from flightlegs.reference.gazetteer.names import BASE_KIND_ABBREVIATIONS, BASE_KINDS

if TYPE_CHECKING:
    from flightlegs.reference.gazetteer.index import Gazetteer
    from flightlegs.reference.gazetteer.places import Place

__all__ = []


# --------------------------------------------------------------------------- classification


def _tail(text: str) -> str:
    """A window as the cue patterns see it: lower case, spaces folded, trimmed."""
    return re.sub(r"\s+", " ", text[-_WINDOW:].lower().replace("’", "'"))


#: "did not reach home in Palm Beach until early in the morning": late, not never
_NOT_UNTIL_AFTER: Final = re.compile(r"[^.;:]{0,40}?\buntil\b")
#: A remark in brackets after a name: "(fuel stop)", "(customs)"
_REMARK: Final = re.compile(r"^\s*\([^()\n]{1,30}\)")
#: A clause that gives the route as the list after it: "my route to Wichita was", "the
#: itinerary: ", "the planned route went", "the planned route for ZH868, which also takes in
#: equipment movements, includes".
_ROUTE_WAS: Final = re.compile(
    r"\b(?:route|routing|itinerary|flight plan)\b[^.;]{0,40}?\b(?:was|is|went|goes|runs|ran|read"
    r"|will be|would be)\s*:?\s*$|\b(?:route|routing|itinerary)\s*:\s*$"
    r"|\b(?:route|routing|itinerary|flight plan)\b[^.;:]{0,100}?\b(?:includ(?:e|es|ed)"
    r"|compris(?:e|es|ed)|t(?:ake|akes|ook) in)(?:\s+(?:stops?|calls?)\s+(?:in|at))?\s+(?:the\s+)?$"
)


#: Where a leg of a trip takes someone: "on the third and last leg of the trip, Modi will be
#: in", "the second stage saw the crew at".
_LEG_SPENT_IN: Final = re.compile(
    r"\b(?:leg|stage)\s+of\s+(?:the|his|her|their|its|our|my)\s+(?:trip|tour|journey|visit"
    r"|flight)\b[^.;]{0,50}?\b(?:will be|would be|is|was|be|stays?|stayed|spends?|spent"
    r"|saw (?:him|her|them|us|the \w+))\s+(?:\w+\s+)?(?:in|at)"
    # "will be in the Japanese city of Hiroshima"
    r"(?:\s+the\s+[\w\s-]{0,30}?\b(?:city|town|port|capital|island)\s+of)?\s*$"
)


def _strip_descriptor(window: str) -> tuple[str, bool]:
    """Drop "the northeastern Chinese city of" and articles before a name."""
    airport = False
    m = _DESCRIPTOR.search(window)
    if m is None and (plural := _PLURAL_PLACES_IN.search(window)):
        # "to make stops at airports in the Czech Republic": places in a country named after
        # its article ("Mactan base in the Philippines" is one base the country locates)
        m = _DESCRIPTOR.search(window[: plural.end("noun")] + " in ")
    if m:
        # "the airport of the Brazilian city of Fortaleza": one descriptor after another
        while m:
            # "the airport at Kulusuk" names an airport; "its home base in Santiago" only a town
            airport = airport or (
                bool(_AIRPORT_WORDS.search(m.group(0)))
                and not re.match(r"\s*(?:its|their)\b", m.group(0))
            )
            window = window[: m.start()]
            m = _DESCRIPTOR.search(window)
    elif field := _UNKNOWN_FIELD.search(window):
        airport = True  # "land at Argyll airport St Vincent": at St Vincent
        window = window[: field.start(1)]
    elif kind := _BASE_KIND_BEFORE.search(window):
        airport = True  # "took off from Canadian AFB Bagotville": from Bagotville
        window = window[: kind.start()]
    window = _ARTICLE.sub("", window).rstrip()
    window = re.sub(r"[\w'-]+'s$", "", window).rstrip()  # "Palermo's Falcone-Borsellino airport"
    # "put down at bleak Gander": at Gander
    window = _EPITHET.sub(lambda e: e.group(1) or e.group(2), window)
    return window, airport


#: The flight's landing told after the place it carried people from.
_LANDED_AFTER: Final = re.compile(
    r"[^.;:]{0,60}?\b(?:arrived|landed|touched down|came down|reached)\b"
)
#: "airports in the", "bases in the": places of a kind in the country named next
_PLURAL_PLACES_IN: Final = re.compile(
    r"\b(?P<noun>airports|airfields|air bases|bases|cities|towns|ports|islands)\s+in\s+the\s*$"
)
#: The kind of base written before its name, with a people's word before it: "Canadian AFB
#: Bagotville", "NAS Sigonella", "Naval Support, Souda Bay" (a window is in lower case).
_BASE_KIND_BEFORE: Final = re.compile(
    r"(?:\b(?!(?:at|in|into|to|from|via|of|for|out|near|and)\b)[a-z.]+\s+)?\b(?:"
    + "|".join(
        sorted((k.lower() for k in (*BASE_KINDS, *BASE_KIND_ABBREVIATIONS)), key=len, reverse=True)
    )
    + r")\s*,?\s*$"
)
#: One word that describes the place between a preposition and its name: "put down at bleak
#: Gander", "flew into war-torn Sudan", "landed in nearby Tucson".
_EPITHET: Final = re.compile(
    r"\b(at|in|into|onto|from)\s+(?!(?:least|all|and|or|which|that|what|when|where|who|once"
    r"|last|first|time|order|turn|front|place|search|case|part|addition|charge)\b)"
    r"[a-z]+(?:-[a-z]+)?$"
    # "before it continues to Southern California": a part of the place, not another word
    r"|\b(to|towards?|for|via)\s+(?i:north|south|east|west|central|upper|lower)"
    r"(?i:ern|east|west|eastern|western)?$"
)


#: The verdict on a name a person's title comes before.
PERSON_REASON: Final = "a person's name (a title comes before it), not a place"
#: The cue of a heading line that is a place: "Day 4: Narsarsuaq, Greenland".
HEADING_CUE: Final = "a heading that names where the writer is"


def _surface_governs(clause_left: str) -> bool:
    """Travel by road or sea leads to the place, with no flight told after it.

    "drove to the airport in Gander and flew to Shannon": the drive ends
    before "flew", so Shannon is reached by air.
    """
    last = None
    for last in _SURFACE.finditer(clause_left):  # noqa: B007 - the last one is wanted
        pass
    if last is None:
        return False
    return not _FLEW_AFTER.search(clause_left, last.end())


def _habit_scope(sentence: _Sentence, at: int) -> tuple[int, int] | None:
    """The part of a sentence a habit word speaks of; ``None`` for all of it.

    "The jet, which usually flies for a Miami firm, landed in Havana": the
    habit is the relative clause's, not the landing's. Anywhere else it speaks
    of the whole sentence ("charter jets had reached Caracas twice a month,
    most of them from Texas").
    """
    text = sentence.text
    left = max(text.rfind(",", 0, at), text.rfind(";", 0, at))
    if left < 0 or not re.match(r"[,;]\s*(?:which|who|whose|that)\b", text[left:]):
        return None
    right_c = [i for i in (text.find(",", at), text.find(";", at)) if i >= 0]
    right = min(right_c) if right_c else len(text)
    return sentence.start + left, sentence.start + right


def _names_heading(
    text: str, sentence: _Sentence, m: _Mention, mentions: Sequence[_Mention]
) -> bool:
    """A heading line that is the place (and what locates it), perhaps with a day and time.

    "Reykjavik, Iceland", "Day 4: Narsarsuaq, Greenland", "Thule, Greenland, 14 June, 0600Z":
    a log or blog names where the writer was. "Haiti Relief Update" is not one: the place
    must be the whole name the heading gives.
    """
    heading = _PLACE_HEADING.match(sentence.text)
    if heading is None:
        return False
    start, end = (sentence.start + i for i in heading.span("place"))
    if heading["place2"] and m.start == sentence.start + heading.start("place2"):
        start, end = (sentence.start + i for i in heading.span("place2"))
    if m.start != start:
        return False
    if m.end == end:
        return True
    sep = re.match(r",\s*", text[m.end : end])
    return sep is not None and any(x.start == m.end + sep.end() and x.end == end for x in mentions)


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
    habit_span: tuple[int, int] | None = None
    if habit := _OTHER_FLIGHTS.search(sent_lower):
        whole_reason = "about other flights or habits, not this flight"
        habit_span = _habit_scope(sentence, habit.start())
    elif (
        (past := _IN_YEAR.match(sentence.text))
        and report_year is not None
        and int(past[1]) < report_year
    ):
        whole_reason = "about an earlier year's flights, not this flight"

    previous: _Mention | None = None
    qualifier: _Mention | None = None
    opened: dict[int, int] = {}  # where each mention's window begins
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
        if _PERSON_TITLE.search(text, max(sentence.start, m.start - 60), m.start) and not (
            m.stop is not None
        ):
            m.reason = PERSON_REASON
            continue
        areas = any(p.kind in (StopKind.COUNTRY, StopKind.REGION) for p in m.places)
        if areas and _ATTRIBUTIVE.match(text[m.end : min(sentence.end, m.end + 40)]):
            m.reason = "a country used as an adjective (a US air base), not a place"
            continue
        window_start = previous.end if previous is not None else sentence.start
        if qualifier is not None and qualifier.end > window_start:
            # "via Sofia in Bulgaria to the USA": the words after what located the last place
            window_start = qualifier.end
        if (
            previous is not None
            and _BASE_KIND_BEFORE.fullmatch(_tail(text[previous.start : m.start]))
            and any(p.kind is StopKind.COUNTRY for p in previous.places)
        ):
            # "from Canadian AFB Bagotville": the people's word names whose base it is; the
            # words before it govern the base
            previous.role, previous.reason = None, f"the country whose base {m.text} is"
            window_start = opened.get(id(previous), sentence.start)
        opened[id(m)] = window_start
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
        if prev is not None and _bracketed_area(text, qualifier if qualifier else prev, m):
            # "Guam (US)", "Nuuk (Denmark)": the country a territory belongs to, in brackets,
            # though the gazetteer files the place under its own code; a list goes on past it
            m.reason = f"locates {prev.text}"
            previous, qualifier = prev, m
            continue
        if prev is not None and _is_alias(text, qualifier if qualifier else prev, m):
            # "Sondrestrom (now Kangerlussuaq)": one place under two names; a list goes on past it
            m.reason = f"another name for {prev.text}"
            previous, qualifier = prev, m
            continue
        m.airport = bool(_AIRPORTS_AFTER.match(after))
        m.again = bool(re.match(r"\s+again\b", after))
        if m.start < dateline_end:
            m.reason = "in the dateline"
        elif _overlaps(m.start, m.end, quotes):
            m.reason = "inside a quotation"
        elif _BASED.match(after):
            m.reason = "where an organisation is based"
        elif _ORGANISATION_AFTER.match(after):
            m.reason = "part of an organisation's name, not a place"
        elif _TIME_ZONE.match(after):
            m.reason = "a time zone (local time there), not a place"
        elif whole_reason and (habit_span is None or habit_span[0] <= m.start < habit_span[1]):
            m.reason = whole_reason
        elif _CANCELLED.search(clause):
            m.reason = "in a clause about something cancelled or that did not happen"
        elif _VETO.search(window) and not _NOT_UNTIL_AFTER.match(after):
            m.reason = "the report says the flight did not go there"
            m.veto = True
        elif _TURNED_AWAY.search(clause_left):
            m.reason = "the flight was turned away or refused a landing there"
        elif _NEGATION.search(window[-80:]) and not _NOT_UNTIL_AFTER.match(after):
            m.reason = "negated"
        elif _SKIPPED.search(window):
            m.reason = "a stop the flight skipped"
        elif _ALTERNATIVE.search(window):
            m.reason = "named as the alternative not taken"
        elif _HYPOTHETICAL.search(clause_left):
            m.planned = True  # read like any stop, and marked: a plan is often the only route
        elif (
            _surface_governs(clause_left) or _SURFACE_AFTER.match(after)
        ) and not _BOARDED_AFTER.match(after):
            m.reason = "travel by road or sea, not a flight"
        elif _CANCEL_AFTER.match(after) or _HABIT_AFTER.match(after):
            m.reason = "cancelled, habitual or in the future"
        elif _EXPECTED_AFTER.match(after):
            m.planned = True  # "Amritsar ... is due to": a plan, read as one
        elif (
            _SEAT_OF.search(window)
            and not _WATCHED_ARRIVE_AFTER.match(after)
            and not _ARRIVED_AS_AFTER.match(after)
        ):
            m.reason = "where officials or an organisation sit, not a stop"
        elif (water := _WATER_AFTER.match(text, m.end, sentence.end)) and not (
            _ON_WATER.search(window) or _any_cue(_strip_descriptor(window)[0])
        ):
            m.reason = "a body of water named for the place, not a stop"
        elif _LANDFORM_AFTER.match(text, m.end, sentence.end):
            m.reason = "a landform or area named for the place (a basin, a range), not a stop"
        elif water:
            # "a technical stop at Souda Bay in Crete": the bay names the base; what follows
            # locates the whole name
            m.end = water.end()
            m.text = text[m.start : m.end]
        elif (
            _SPEAKS_AFTER.match(text, m.end, sentence.end)
            and m.places
            and m.places[0].kind is not StopKind.AIRPORT
            and not _any_cue(_strip_descriptor(window)[0])
            # "Word from Hinkler at Malta says": where the speaker is, not who speaks
            and not re.search(r"\b(?:at|in)\s*$", window)
        ):
            m.reason = 'stands for a government or its people ("Beijing said"), not a stop'
        elif _RECORD.search(clause_left):
            m.reason = "names the record the flight set, not a leg of it"
        elif _REACHED_AT.search(window):
            m.reason = "where someone was reached for comment, not a stop"
        elif _HOME_OF.search(window):
            m.reason = "where someone lives, works or was born, not a stop"
        elif _OVERFLIGHT.search(window):
            m.reason = "flown over or crossed, not landed at"
        elif prev is not None and (its := _airport_named_near(text, prev, m, gaz)) is not None:
            # "Capital Airport near Peking": Peking's airport of that name, not a region
            # called Capital; the city locates it
            prev.places = (its, *(p for p in prev.places if p != its))
            prev.airport = True
            m.reason = f"locates {prev.text}"
            previous = prev
            continue
        elif _LOCATOR.search(window):
            unknown = _UNKNOWN_NEAR.search(raw_window)
            if (
                unknown is not None
                and (
                    _DEPARTURE_CUE.search(_tail(raw_window[: unknown.end("cue")]))
                    or _BARE_FROM.search(_tail(raw_window[: unknown.end("cue")]))
                    or _leads_somewhere(_tail(raw_window[: unknown.end("cue")]))
                    # "flew from New Jersey to an airport near Washington"
                    or (
                        raw_window[: unknown.end("cue")].strip(" ,") == "to"
                        and prev is not None
                        and (prev.from_cue or prev.role is Role.DEPARTURE)
                    )
                )
            ):
                # "took off from Lester's Field near St. John's": a field the gazetteer does
                # not hold; the town it is near is where the flight left from
                raw_window = raw_window[: unknown.end("cue")]
                window = _tail(raw_window)
            else:
                m.reason = "a locator (west of, near), not a stop"
                between = text[prev.end : m.start] if prev is not None else ""
                if prev is not None and len(between) <= 30 and "," not in between:
                    # "went on to Yokota Air Base near Tokyo, and then to Utapao": the list goes
                    # on from the base, past the town it is near
                    previous, qualifier = prev, m
                    continue
        if (
            not m.reason
            and not m.planned
            and _PLAN_LEAD.search(text[sentence.start : clause_start].lower())
            and not _FLOWN_VERB.search(clause_left)
        ):
            # "The plan is to fly via Prague, stay a day, and then carry on to Kaposvar": the
            # plan goes on into the clauses after it until a clause says what was flown
            m.planned = True
        if m.reason:
            continue
        if named := _NAMED_AIRPORT_AFTER.match(after):
            # "Palermo's Falcone-Borsellino airport": the airport, named after its city
            m.airport = True
            m.airport_name = named.group(1)
            m.text = named.group(1)
            m.start, m.end = m.end + named.start(1), m.end + named.end(1)
        elif (named := _NAMED_AIRPORT_BEFORE.search(raw_window)) and not _GENERIC_NAME.fullmatch(
            named.group(1)
        ):
            # "Bandaranaike International Airport at Katunayake": the airport of that town
            m.airport = True
            m.airport_name = named.group(1)
            m.text = named.group(1)
            m.start, m.end = window_start + named.start(1), window_start + named.end(1)
        join = raw_window
        if qualifier is not None and prev is not None and qualifier.start > prev.end:
            # "Amritsar in Punjab, India": India too locates Amritsar;
            # "Cairo, Egypt and Amman": the list goes on past the qualifier
            join = text[qualifier.end : m.start]
            # "Crestview, in the Florida Panhandle, and in Spartanburg": past the qualifier's noun
            join = re.sub(r"^(?:\s+[A-Za-z][\w'-]*){1,3}(?=,)", "", join)
        if (base := _NAMED_AIRPORT_BEFORE.search(join)) and _LIST_JOIN.match(join[: base.start(1)]):
            # "at Robert Gray air base in Texas and at Pope air base in North Carolina": the
            # list goes on to the base named before the region
            join = join[: base.start(1)]
        qualified_by, qualifier = qualifier, None
        if (
            prev is not None
            and _QUALIFIER_JOIN.match(join)
            and (
                _qualifies(m, prev)
                or (_LOCATOR_JOIN.fullmatch(join) is not None and _region_around(m, prev))
                or (_LOCATOR_JOIN.fullmatch(join) is not None and _shortened(m, prev, gaz))
                or (
                    # "Córdova airport at Rionegro", "Joint Base Elmendorf-Richardson in Anchorage"
                    (
                        _AIRPORT_AT.match(join)
                        or (
                            _AIRPORT_IN.fullmatch(join)
                            and prev.places
                            and prev.places[0].kind is StopKind.AIRPORT
                        )
                    )
                    and _serves(m, prev)
                )
                or (
                    # "Joint Base Andrews military airfield in Washington": said to be in it,
                    # though it lies over the border (Maryland)
                    _AIRPORT_AT.match(join)
                    and prev.places
                    and prev.places[0].kind is StopKind.AIRPORT
                    and bool(m.places)
                    and m.places[0].country == prev.places[0].country
                )
                or (join.strip() == "," and _city_around(m, prev, gaz))
            )
        ):
            m.reason = f"locates {prev.text}"
            prev.within = m.places[0] if m.places else None
            if prev.places and m.places:
                inside = [p for p in prev.places if _contains(m.places[0], [p])]
                if inside:
                    prev.places = (*inside, *(p for p in prev.places if p not in inside))
            previous = prev  # "Bangor, Maine, and another in ..." continues from Bangor
            qualifier = m
            continue
        if (
            prev is not None
            and join.strip() == ","
            and re.fullmatch(r"[A-Z]{2}", m.text)
            and m.places
            and m.places[0].kind is StopKind.REGION
            and prev.places
            and prev.places[0].kind is StopKind.CITY
            and prev.chain is None
        ):
            # "Washington, MI": a town of that name the gazetteer does not know in Michigan;
            # the state stands for it, not a Washington elsewhere
            m.reason = f"locates {prev.text}, a town not known there"
            prev.places, prev.stop = (m.places[0],), None
            prev.within = m.places[0]
            previous, qualifier = prev, m
            continue
        if (
            prev is not None
            and prev.role is None
            and m.chain is None
            and re.fullmatch(r"\s*-\s*to\s*-\s*", raw_window)
        ):
            # "a Gander-to-Shannon flight": a leg, from the first to the second
            prev.role, prev.reason, prev.cue = Role.DEPARTURE, "", "a leg named X-to-Y"
            m.role, m.cue = Role.STOP, "a leg named X-to-Y"
            continue
        if (
            prev is not None
            and prev.role is None
            and m.chain is None
            and (raw_window.strip() in ("to", "→", "->") or join.strip() in ("to", "→", "->"))
            and (_is_heading(sentence.text) or _only_a_leg(text, sentence, mentions))
        ):
            # a heading "Calcutta to Insein": a leg, from the first to the second
            prev.role, prev.reason, prev.cue = Role.DEPARTURE, "", "a heading"
            m.role, m.cue = Role.STOP, "a heading"
            continue
        if m.chain is None and _TABLE_ROW.match(sentence.text):
            # "06/28 | KBGR | CYYR | 3.1": a leg, from the first place of the row to the next
            m.role = Role.DEPARTURE if prev is None else Role.STOP
            m.cue = "a row of a table"
            continue
        if prev is None and m.chain is None and _names_heading(text, sentence, m, mentions):
            m.role, m.cue = Role.STOP, HEADING_CUE
            continue
        if (
            prev is not None
            # "Levelland (fuel stop), Santa Fe": a remark in brackets does not end the list;
            # nor does a name the gazetteer does not hold ("Senegal, the Ascension Islands, Rio")
            and (
                _LIST_JOIN.match(join)
                or _LIST_JOIN.match(_REMARK.sub("", join))
                or _LIST_JOIN.match(_UNKNOWN_ITEM.sub("", join))
            )
            and m.chain is None
        ):
            m.role, m.via, m.from_cue = prev.role, prev.via, prev.from_cue
            m.planned = m.planned or prev.planned  # "nine stops: Hawaii, Fiji, ...": all planned
            if re.search(r"\bvia\s*$", join):
                m.via, m.role = True, Role.STOP  # "to Kabul, via Cairo": Cairo on the way
            elif prev.cue.endswith("between") and prev.role is Role.DEPARTURE:
                m.role = Role.STOP  # "between Dakar and Nouakchott": the leg's other end
            elif re.search(r"\bto\s*$", join) and (prev.from_cue or prev.role is Role.DEPARTURE):
                # "from Gary, Indiana, to Port-au-Prince": where the flight from Gary went
                m.role, m.from_cue = Role.STOP, False
            m.first = prev.first  # "after picking up troops at A and at B": both flown first
            m.cue = "to" if m.role is Role.STOP and not prev.role else f"listed with {prev.text}"
            m.reason = prev.reason if prev.reason and not prev.reason.startswith("locates") else ""
            if m.role is None and not m.reason:
                m.reason = "no cue says the flight went there"
            continue
        if m.chain is not None:
            m.role = Role.STOP
            continue
        if prev is not None and prev.active and _FIELD_OF_PREV.fullmatch(join):
            # "the first stop will be in Germany, at the airfield of Höxter-Holzminden": the
            # same stop, more precisely (merged with it when the route is put in order)
            m.role, m.planned, m.via = prev.role, prev.planned, prev.via
            m.first, m.first_stop = prev.first, prev.first_stop
            m.cue = f"the airfield of the stop before ({prev.text})"
            continue
        colon = text.rfind(":", sentence.start, m.start)
        if (
            not m.reason
            and colon >= 0
            and _STOPS_LIST.search(text[sentence.start : colon + 1].lower())
            and (prev is None or prev.end < colon)
            # the first name the list gives, or one after names the gazetteer does not know
            # ("as follows: Evergreen, Andalusia")
            # ("to refuel: in New Jersey, in Ireland and in Bulgaria")
            and _UNKNOWN_NAMES.fullmatch(re.sub(r"(?:in|at)\s*$", "", text[colon + 1 : m.start]))
        ):
            m.role, m.cue = Role.STOP, "a list of stops after a colon"
            # "The tour will take the King ... with nine stops: Hawaii, Fiji, ...": a plan
            m.planned = bool(_HYPOTHETICAL.search(text[sentence.start : m.start].lower()))
            continue
        if (
            not m.reason
            and prev is None
            and m.chain is None
            and _in_stops_list(text, sentence.start)
        ):
            # "These were my legs:" and a line for each stop, "AMA - Amarillo"
            m.role, m.cue = Role.STOP, "an item of a list of stops, a line each"
            continue
        if (
            prev is not None
            and text[m.start - 1 : m.start] == "("
            and text[m.end : m.end + 1] == ")"
            and re.fullmatch(r"[\s,]*\(", text[(qualified_by or prev).end : m.start])
            and (own := _own_code(m, prev, gaz))
        ):
            m.places = (own, *(p for p in m.places if p != own))
            # "Fredricktown, MO (H88)", "Majuro (MAJ)": the code says which airport it is
            m.reason = f"the code of {prev.text}"
            prev.places = (m.places[0], *prev.places)
            prev.airport = True
            previous, qualifier = prev, m  # "Majuro (MAJ) and Tarawa": the list goes on
            continue
        cue, airport = _strip_descriptor(window)
        m.airport = m.airport or airport
        m.cue = cue
        if (timeless := _TIME_BEFORE_PLACE.sub("", cue)) != cue and not (
            _RETURN_CUE.search(cue) or _DEPARTURE_CUE.search(cue) or _STOP_CUE.search(cue)
        ):
            cue = timeless  # "pressed on the same afternoon to Lajes": pressed on to Lajes
        if _WALKED_BACK.search(cue) and not _FLOWN_HERE.search(sent_lower):
            # "3,500 people have come back to India", "barred from going back to the United
            # States": people went back, in a sentence that tells no flight
            m.reason = "where people went back to, not said of the flight"
            continue
        if _CAME_OWN_WAY.search(clause_left):
            m.reason = "where people came from on a journey of their own, not this flight"
            continue
        if _BOARDED_AFTER.match(after):
            m.role = Role.DEPARTURE  # "to San Diego, where they boarded a flight"
        elif _RETURN_CUE.search(cue):
            m.role = Role.RETURN
        elif (
            _DEPARTURE_CUE.search(cue)
            or _RUNWAY_AFTER.match(text, m.end, sentence.end)
            or (_MOVED_FROM.search(cue) and _MOVED_ONWARD.match(after))
        ):
            # "deported from Harlingen to ...", not "deported from the US" alone: people's origin
            m.role = Role.DEPARTURE
        elif _STOP_CUE.search(cue):
            m.role = Role.STOP
            m.via = cue.endswith(("via", "by way of"))
        elif (
            _BEFORE_FLYING_AFTER.match(after)
            and _PLACE_AT.search(cue)
            and not any(x.active for x in mentions if x.start < m.start)
        ):
            m.role = Role.STOP  # "remarks at a factory in Bowling Green before flying to"
        elif _RUNWAY_AT.search(cue):
            # "raced along the runway at London Airport" as it took off: where it left from
            m.role = Role.DEPARTURE if _TAKE_OFF.search(clause) else Role.STOP
        elif _BEFORE_EVENT.search(cue) and any(x.active for x in mentions if x.start < m.start):
            m.role = Role.STOP  # "stops in Ohio and Iowa before the evening rally in Des Moines"
        elif _WATCHED_ARRIVE_AFTER.match(after):
            m.role = Role.STOP  # "onlookers at Palmietfontein Airport saw the jet sweep in"
        elif stop_was := _STOP_WAS_AFTER.match(after):
            # "San Diego was our first stop of the day"
            m.role, m.cue = Role.STOP, stop_was.group(0).strip()
            m.first = m.first_stop = stop_was["nth"] == "first"
        elif _WHERE_LANDED_AFTER.match(after):
            m.role = Role.STOP  # "circling Lord Howe Island, where we put down for fuel"
        elif _AFTER_PLACE.search(cue) and _AFTER_PLACE_AFTER.match(after):
            m.role = Role.STOP  # "and after Cairo it flew to Prestwick"
        elif re.search(r"\bbetween$", cue) and re.search(rf"\b{_FLIGHT_WORD}\b", clause):
            m.role = Role.DEPARTURE  # "Between Dakar and Nouakchott the jet climbed to"
        elif _ROUTE_WAS.search(clause_left):
            # "My route to Wichita Kansas was Sydney, Tontouta, Pago, ...": the list is the route
            m.role, m.cue = Role.STOP, clause_left.strip()
        elif _LEG_SPENT_IN.search(clause_left):
            # "On the first leg of the trip Modi will be in the Japanese city of Hiroshima"
            m.role, m.cue = Role.STOP, clause_left.strip()
        elif _NEXT_STOP_AFTER.search(clause_left):
            m.role, m.cue = Role.STOP, clause_left.strip()  # "the next stop after Guam is Manila"
        elif _LOGGED_AFTER.match(text, m.end, sentence.end):
            m.role = Role.STOP  # "12 March, Shannon (SNN), 0614Z arr from Bangor"
        elif _AIRCRAFT_WAS.search(clause_left) or _CARRIED_TO.search(clause_left):
            m.role = Role.STOP  # "the Gulfstream was in Malta", "the C-17 brought them to"
        elif _PRONOUN_WAS.search(clause_left) and (
            re.search(rf"\b{_FLIGHT_WORD}\b", sent_lower)
            or any(x.active for x in mentions if x.start < m.start)
        ):
            m.role = Role.STOP  # "lifted off from Croydon; the next morning it was at Lyon"
        elif re.match(r"\s*(?:→|->|⇒|=>|>)\s*[A-Z]", after):
            m.role, m.cue = Role.STOP, "the first of a chain of arrows"  # "Anchorage → Seoul"
        elif re.match(r"-bound\b", after):
            m.role = Role.STOP  # "the Manila-bound jet": where it was flying to
        elif _FLOWN_PEOPLE_FROM.search(cue) and (
            _MOVED_ONWARD.match(after) or _LANDED_AFTER.match(after)
        ):
            # "flew 130 people from San Antonio to Port-au-Prince", "a flight carrying
            # migrants from Texas arrived in Bogota"
            m.role = Role.DEPARTURE
        elif _BARE_FROM.search(cue) and not _PEOPLE_FROM.search(cue) and not _IN_FROM.search(cue):
            m.from_cue = True
        elif (
            (
                _SHORT_TO.fullmatch(cue)
                and any(x.active or x.from_cue for x in mentions if x.start < m.start)
            )
            or re.search(r"\b" + _FLIGHT_WORD + _NOT_OWNED + r"(?:\s+\w+)?\s+to$", cue)
            or _FLEW_THEM_TO.search(cue)
        ):
            m.role = Role.STOP
        elif _FAMILY_PREP.search(cue) and _FAMILY_STOP.search(clause_left):
            m.role = Role.STOP  # "took off for Poland", "came into Shannon", "staged through"
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
        if m.role is not None and _WENT_AHEAD.search(cue):
            m.role = None
            m.reason = "where others went ahead to, not this flight"
            continue
        if m.role is Role.STOP and _FLIGHT_BACK.search(sent_lower[: m.start - sentence.start]):
            m.role = Role.RETURN  # "the flight back, which ended ... at Ketchikan"
        if (
            m.role is None
            and areas
            and (unknown := _UNKNOWN_BEFORE.search(raw_window))
            and (
                _leads_somewhere(_tail(raw_window[: unknown.end("cue")]))
                or (
                    raw_window[: unknown.end("cue")].strip() == "to"
                    and prev is not None
                    and (prev.active or prev.from_cue)
                )
            )
        ):
            # "flew from Austin to Cameron County, Texas": a place the gazetteer does not
            # know, in a region it does; the region is the stop
            m.role, m.cue = Role.STOP, unknown.group(0).strip()
        if (
            m.role is Role.STOP
            and _REFUEL.search(cue)
            and any(
                x.active and x.role is Role.STOP and _BOUND_FOR.search(x.cue)
                for x in mentions
                if x.start < m.start
            )
        ):
            m.via = True  # "headed for Amritsar, and is due to stop to refuel in Ramstein"
        if (
            m.role is Role.STOP
            and _AFTER_DOING.search(text[window_start : m.start].lower())
            and any(x.active and x.role is Role.STOP for x in mentions if x.start < m.start)
            # "and after a night at Guam alighted on Manila Bay": before what follows, not first
            and not _THEN_FLEW_AFTER.match(after)
        ):
            m.first = True
        if m.role is Role.STOP and re.search(
            r"\bfirst (?:planned )?(?:fuel |refuell?ing |night )?stop\b", cue
        ):
            m.first = m.first_stop = True  # "Today's first stop will be in Germany"
        if m.role is Role.STOP and _ON_THE_WAY_AFTER.match(after):
            m.via = True  # "took off for Poland, stopping for fuel in Germany along the way"
        if m.role is Role.STOP and (w := _WITH_STOP.search(text, window_start, m.start)):
            earlier = [x for x in mentions if x.start < m.start and x.active]
            if earlier and (
                (w.group(0).lstrip().startswith(",") and earlier[-1].role is Role.STOP)
                or (earlier[-1].via and _WITH_STOP.search(earlier[-1].cue))
            ):
                m.via = True  # "made Louth, with a rest stop at Wellington": before Louth
        if m.role is None and not m.from_cue:
            m.reason = "no cue says the flight went there"
    # "from X" is a departure when the sentence also names where the flight went,
    # or speaks of flying ("flew from", "a flight from")
    for i, m in enumerate(mentions):
        if not m.from_cue or m.reason:
            continue
        later = any(x.active and x.role is not Role.DEPARTURE for x in mentions[i + 1 :])
        flying = re.search(rf"\b{_FLIGHT_WORD}\b", _tail(text[sentence.start : m.start]))
        # "came into Nairobi from Entebbe": where the stop just told was reached from
        reached = any(
            x.active
            and x.role is Role.STOP
            and m.start - x.end <= 40
            and not _CLAUSE_BREAK.search(text, x.end, m.start)
            for x in mentions[:i]
        )
        if later or flying or reached:
            m.role = Role.DEPARTURE
            onward = [x for x in mentions[i + 1 :] if x.active and x.role is not Role.DEPARTURE]
            if onward and all(x.planned for x in onward) and not flying:
                m.planned = True  # "From Japan, Modi will go on to Port Moresby": the plan's
        else:
            m.reason = "no cue says the flight went there"
    _name_chains(text, sentence, mentions)
    _to_chains(text, sentence, mentions)
    # "flying from Tokyo to Seattle was diverted to Cold Bay": Seattle was not reached
    diverted = [m for m in mentions if m.active and _DIVERTED.search(m.cue)]
    for m in mentions:
        if diverted and m.active and m.role is Role.STOP and m.start < diverted[0].start:
            m.role = None
            m.reason = "the planned destination of a diverted flight"
    # "flown from El Paso to Martha's Vineyard", "Leg 3: Bangor to Keflavik": a leg's far end,
    # which stops told later without an onward word come before
    active = [m for m in mentions if m.active]
    if (
        len(active) == 2
        and active[0].role is Role.DEPARTURE
        and active[1].role is Role.STOP
        and (
            active[1].cue in ("a heading", "a dashed route")
            # "had departed Joint Base Andrews Airport for Nnamdi Azikiwe Airport"
            or re.search(
                r"\bto$|^(?:\W*\w+\W+)?for$", text[active[0].end : active[1].start].strip().lower()
            )
        )
    ):
        active[1].end_of_leg = True
    if active and active[-1].role is Role.STOP and _BOUND_FOR.search(active[-1].cue):
        active[-1].end_of_leg = True  # "left Croydon ... bound for Australia": stops come before
    if (
        sentence.index == 0
        and _is_heading(sentence.text)
        and len(active) == 1
        and active[0].role is Role.STOP
        and re.search(r"\b(?:flight|flying|flew|journey|trip|voyage)\s+to$", active[0].cue)
    ):
        active[0].end_of_leg = active[0].titled = True  # "Flight to The Pas": where it ends
    # "Prestwick, Keflavik and Narsarsuaq airports": the suffix covers the list
    for i in range(len(mentions) - 1, 0, -1):
        here, before = mentions[i], mentions[i - 1]
        if here.airport and before.active and _LIST_JOIN.match(text[before.end : here.start]):
            before.airport = True


#: between "<name> Airport" and the city it serves: "Capital Airport near Peking"
_AIRPORT_NEAR: Final = re.compile(
    r"\s+(?:international\s+)?(?:airport|airfield|aerodrome|air\s+base)"
    # "the St. Charles Aerodrome on Portage Avenue West in Winnipeg": past its street
    r"(?:\s+on(?:\s+[A-Z][\w'’.-]*){1,4}?)?"
    r"(?:\s*,\s*|\s+(?:in|at|near|outside|serving)\s+)",
    re.IGNORECASE,
)


def _airport_named_near(text: str, prev: _Mention, m: _Mention, gaz: Gazetteer) -> Place | None:
    """The airport of city ``m`` whose name holds ``prev``'s words: "Capital Airport near Peking".

    A name told with "Airport" and then a city is that city's airport of the name, whatever
    else the name may mean on its own (Capital is also a region of Bahrain).
    """
    from flightlegs.reference.gazetteer.folding import fold
    from flightlegs.reference.gazetteer.places import Place as _Place

    if not m.places or not _AIRPORT_NEAR.fullmatch(text, prev.end, m.start):
        return None
    if any(p.kind is StopKind.AIRPORT for p in prev.places[:1]):
        return None  # the name is an airport already
    words = set(fold(prev.text).split())
    if not words:
        return None
    for a in gaz.airports_in(m.places[0]):
        if words <= set(fold(a.name).split()):
            return _Place.for_airport(a)
    if m.places[0].kind is StopKind.CITY and not _contains(m.places[0], prev.places[:1]):
        # "the St. Charles Aerodrome ... in Winnipeg": a field the gazetteer does not know, in
        # the city named (not St. Charles, Missouri)
        return m.places[0]
    return None


def _own_code(m: _Mention, prev: _Mention, gaz: Gazetteer) -> Place | None:
    """The airport a bracketed code after a place names: "Mesa (IWA)" is Mesa's, by FAA code."""
    from flightlegs.reference.gazetteer.places import Place as _Place

    code = m.text.strip().upper()
    if prev.places and code.isalnum() and 3 <= len(code) <= 4:
        for a in gaz.airports_in(prev.places[0]):
            if code in (a.iata, a.icao, a.faa):
                return _Place.for_airport(a)
    if m.places and m.places[0].kind is StopKind.AIRPORT:
        return m.places[0]
    return None


def _any_cue(cue: str) -> bool:
    """Some cue pattern reads the clause up to the place."""
    return bool(
        _RETURN_CUE.search(cue)
        or _DEPARTURE_CUE.search(cue)
        or _STOP_CUE.search(cue)
        or _FAMILY_STOP.search(cue)
    )


def _leads_somewhere(cue: str) -> bool:
    """A clause up to a preposition says the flight went to what follows it."""
    return bool(_STOP_CUE.search(cue) or _FAMILY_STOP.search(cue))


#: Between a place and the region it lies in: "Bagotville in Quebec", "Bagotville, Quebec".
_LOCATOR_JOIN: Final = re.compile(r"\s*,\s*|\s+in\s+")


def _region_around(m: _Mention, prev: _Mention) -> bool:
    """``m``, read first as a city, has a reading as the region that holds ``prev``.

    "Bagotville in Quebec": the province, not the city. Its readings are put region
    first. A name said again ("Tunis to Benghazi" after "Oran to Tunis") is no region.
    """
    if (
        not m.places
        or m.places[0].kind is not StopKind.CITY
        or prev.stop is not None
        or not prev.places
        or m.text.casefold() == prev.text.casefold()
    ):
        return False
    for p in m.places[1:]:
        if p.kind is StopKind.REGION and _contains(p, [prev.places[0]]):
            m.places = (p, *(q for q in m.places if q != p))
            return True
    return False


#: Capitalised words and the commas between them: names of places the gazetteer does not know.
#: "a jet belonging to Florida real estate magnate ...", "a C-17 assigned to Dover": whose
#: the aircraft is, not where it flew
_NOT_OWNED: Final = (
    r"(?!\s+(?:belong(?:s|ed|ing)?|owned|registered|leased|sold|assigned|based|close|next"
    r"|similar|linked|tied|related)\s+to$)"
)
#: One item of a list that names no place the gazetteer holds: ", the Ascension Islands"
_UNKNOWN_ITEM: Final = re.compile(r"^,\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*(?=,)")
_UNKNOWN_NAMES: Final = re.compile(r"[\s,;]*(?:[A-Z][\w.'’-]*[\s,;]+){0,4}")


def _shortened(m: _Mention, prev: _Mention, gaz: Gazetteer) -> bool:
    """``m`` is the country or region of a place ``prev`` names that its readings missed.

    "Plymouth, Massachusetts": the town is a reading of the name never matched in
    prose alone. "Petropavlovsk in Russia": the name alone is Petropavl, in
    Kazakhstan; in Russia it is Petropavlovsk-Kamchatsky. ``prev`` now reads that place.
    """
    if (
        not m.places
        or m.places[0].kind not in (StopKind.REGION, StopKind.COUNTRY)
        or prev.stop is not None
        or not prev.places
        or any(_contains(m.places[0], [p]) for p in prev.places)
    ):
        return False
    area = m.places[0]
    # "Plymouth, Massachusetts": a reading of the name itself that text alone does not match
    # (a small field's town), then a longer name ("Petropavlovsk-Kamchatsky")
    inside = [p for p in gaz.lookup(prev.text) if _contains(area, [p])]
    longer = tuple(inside) or gaz.longer_names_in(prev.text, area)
    if longer:
        prev.places = longer
    return bool(longer)


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


_AIRPORT_AT: Final = re.compile(
    # "Joint Base Andrews military airfield in Washington"
    r"\s+(?:(?:military|civil|civilian|main|old|new|international|private)\s+)?"
    r"(?:airport|airfield|aerodrome|air base)\s+(?:at|in|near)\s+$",
    re.I,
)
#: between an airport's name and the city it serves ("Joint Base Elmendorf-Richardson in Anchorage")
_AIRPORT_IN: Final = re.compile(r"\s+(?:in|at|near)\s+|,\s*")


def _serves(m: _Mention, prev: _Mention) -> bool:
    """``m`` is a city one of whose airports ``prev`` names ("Córdova airport at Rionegro")."""
    airports = {p.airport.ident for p in prev.places if p.airport is not None}
    return any(
        p.kind is StopKind.CITY and _contains(p, [q for q in prev.places if q.airport is not None])
        for p in m.places
    ) and bool(airports)


def _city_around(m: _Mention, prev: _Mention, gaz: Gazetteer) -> bool:
    """``m`` is the city a town just named lies in: "Insein, Rangoon"; "Paya Lebar, Singapore".

    The town is a city of the gazetteer whose nearest main airport is the one
    ``m`` names or serves: the two are one stop, named twice.
    """
    towns = [p for p in prev.places[:1] if p.kind is StopKind.CITY]
    if not towns or not m.places or m.places[0].kind not in (StopKind.CITY, StopKind.AIRPORT):
        return False
    served = gaz.airports_in(towns[0])[:1]
    city = m.places[0]
    if not served or city == towns[0]:
        return False
    if city.airport is not None:
        return city.airport.ident == served[0].ident
    return served[0].ident in {a.ident for a in gaz.airports_in(city)[:3]}


# "St. John's - The Azores", "Calgary (YYC) - Fuel Stop: Thunder Bay (YQT)"
_NAME_JOIN = re.compile(
    r"\s{0,2}[-–—→>]\s{0,2}(?:(?i:fuel|tech|technical|refuel|refuelling|customs|overnight)"
    r"\s+(?i:stop)\s*:?\s*)?(?:[Tt]he\s+)?"
    # "Dushanbe – Sherkat, Afghanistan": a strip the gazetteer does not know, its country for it
    r"(?:[A-Z][a-z][\w'’-]*(?:\s[A-Z][a-z][\w'’-]*)?,\s)?"
    # "Barcaldine – Shandonvale Station – Winton": a field the gazetteer does not know, between
    r"(?:[A-Z][a-z][\w'’.-]*(?:\s[A-Z][a-z][\w'’.-]*){0,2}\s{1,2}[-–—→>]\s{1,2})*"
)
# what may come before a log line's dashed route: "Mon 3/3", "14 June:", "AC8150", "> Day 2 :"
_LOG_LEAD = re.compile(r"[>\s]*[\w/.:,#()–—-]*(?:\s+[\w/.:,#()–—-]+){0,3}\s*")
#: Unknown names that end a dashed route: "... – Kununurra – Elquestro".
_UNKNOWN_TAIL = re.compile(r"(?:\s*[-–—]\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})*[\s.]*")
#: A log line's lead that makes even two names joined by a dash a leg: "Day 3 : Annemasse -
#: Coulommiers", "Leg 4 - ", "Sunday, August 25, 2013: Day 1 - Aiken, SC-Goose Bay".
_LEG_LEAD = re.compile(r"(?i:.*\b(?:day|leg|stage|hop|flight)\s+\d{1,3}\b\s*[:.–—-]?\s*$)")
#: What a log writes after a name before the dash to the next: "(Channel Islands)", "1hr30",
#: "3h15", "(0:45)", "2.5 hrs", "(via Lake Geneva)".
_LEG_NOISE = re.compile(
    r"(?:\s*\([^()\n]{0,40}\)|\s*\d{1,2}(?:[.,]\d)?\s*(?:hours?|hrs?|h)\s*\d{0,2}(?:\s*min\w*)?"
    r"|\s*\d{1,2}[:.]\d\d\b)*"
)


def _past_noise(text: str, at: int) -> int:
    """Where what a log writes after a name (a flight time, a remark in brackets) ends."""
    noise = _LEG_NOISE.match(text, at)
    return noise.end() if noise is not None else at


def _past_its_details(text: str, end: int, m: _Mention) -> int | None:
    """Where a name's details end, when ``m`` is one of them; ``None`` when it is a name.

    In a chain of names, a code in brackets ("Mesa (IWA)"), what locates a name
    ("Aiken, SC") and another name for it are read past to the next name.
    """
    gap = text[end : m.start]
    if (gap == " (" and text[m.end : m.end + 1] == ")" and m.text.isupper()) or (
        m.reason.startswith(("locates", "the code of", "another name for"))
        and re.fullmatch(r",?\s*\(?", gap)
    ):
        return m.end + (text[m.end : m.end + 1] == ")")
    return None


def _name_chains(text: str, sentence: _Sentence, mentions: list[_Mention]) -> None:
    """Names joined by dashes in a sentence about a flight, or a log line, are its route.

    "A Boeing 737 flew Miami-Port-au-Prince-Santo Domingo-Miami": three or more
    places, each joined to the next by a dash or an arrow, read as a code chain
    is read: the first the departure, the others stops in order. A code in
    brackets after a name ("Mesa (IWA) - San Antonio (SAT)") is that name's, so
    is what locates it ("Aiken, SC-Goose Bay, Canada") and what a log writes
    between legs (a flight time, a remark in brackets: "Alderney - Le Mans 1hr30 -
    Annemasse (via Lake Geneva) 3hr15"). A line that is nothing but a date or
    flight number and such a route ("Mon 3/3  Mesa (IWA) - San Antonio (SAT) -
    Guatemala City (GUA)") is a flight log's entry, with or without a word of
    flying; after "Day 3:" or "Leg 2 -" two names are a leg already.
    """
    # "We routed Stornoway - Vagar - Reykjavik": a route's word is as good as a flight's here
    flight = bool(re.search(rf"\b(?:{_FLIGHT_WORD}|rout(?:e|es|ed|ing))\b", sentence.text.lower()))
    for run, end in _runs(text, mentions, _NAME_JOIN, lambda m: m.chain is None and not m.demonym):
        lead = text[sentence.start : run[0].start]
        tail = text[_past_noise(text, end) : sentence.end]
        log_line = bool(_LOG_LEAD.fullmatch(lead)) and bool(_UNKNOWN_TAIL.fullmatch(tail))
        leg_line = len(run) >= 2 and (
            (bool(_LEG_LEAD.match(lead)) and bool(re.match(r"\s*(?:[:;.,–—-]|$)", tail)))
            # a flight plan's line that is nothing but the leg: "Glasgow, Scotland - Frankfurt"
            or _whole_line(text, sentence, run[0].start, end)
        )
        if (len(run) >= 3 and (flight or log_line)) or leg_line:
            for i, x in enumerate(run):
                x.role = Role.DEPARTURE if i == 0 else Role.STOP
                x.reason, x.via, x.from_cue, x.cue = "", False, False, "a dashed route"


def _whole_line(text: str, sentence: _Sentence, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a line of its own, after a label or a date if any.

    The label is a log's ("Leg 2:"), the date a log's too ("09DEC06").
    """
    line_start = max(sentence.start, text.rfind("\n", 0, start) + 1)
    line_end = text.find("\n", end)
    line_end = sentence.end if line_end < 0 else min(line_end, sentence.end)
    return (
        "\n" not in text[start:end]
        and bool(
            re.fullmatch(rf"\s*(?:[A-Za-z][\w ]{{0,30}}:)?\s*{_LOG_DATE}", text[line_start:start])
        )
        and not text[_past_noise(text, end) : line_end].strip(" .")
    )


def _runs(
    text: str,
    mentions: Sequence[_Mention],
    join: re.Pattern[str],
    can_join: Callable[[_Mention], bool],
) -> list[tuple[list[_Mention], int]]:
    """Runs of names, each joined to the one before by ``join``, and where each run ends.

    A name's bracketed code, what locates it and another name for it are read past
    (:func:`_past_its_details`); so is what a log writes after it (:func:`_past_noise`).
    """
    runs: list[tuple[list[_Mention], int]] = []
    run: list[_Mention] = []
    end = 0  # where the last name of the run ends, with its code and what locates it
    for m in mentions:
        if run and (past := _past_its_details(text, end, m)) is not None:
            end = past
            continue
        if can_join(m) and (not run or join.fullmatch(text, _past_noise(text, end), m.start)):
            run.append(m)
            end = m.end
            continue
        if run:
            runs.append((run, end))
        run, end = ([m], m.end) if can_join(m) else ([], 0)
    if run:
        runs.append((run, end))
    return runs


#: Verdicts a chain of "to"s overrules: the rules found no cue, or only a plan.
_CHAIN_OVERRULES: Final = RESCUABLE | {""}


def _to_chains(text: str, sentence: _Sentence, mentions: list[_Mention]) -> None:
    """Three or more names joined by "to" are a route: "Kolkata to Fujairah to Luxor to Majorca".

    Only names no stated reason set aside are joined (what locates a name, its code and
    another name for it are skipped over); the chain is planned where its clause says so.
    """

    def joinable(m: _Mention) -> bool:
        return not m.demonym and m.reason in _CHAIN_OVERRULES

    for run in _linked_legs(text, _runs(text, mentions, _TO_JOIN, joinable)):
        if len({x.named for x in run}) < 3:
            continue
        planned = any(x.planned for x in run) or bool(
            _HYPOTHETICAL.search(text[sentence.start : run[0].start].lower())
        )
        for i, x in enumerate(run):
            # "on to western New York, to Maine, then to Newfoundland": a chain that a "to"
            # leads into goes on from the places before it
            x.role = Role.DEPARTURE if i == 0 and x.role is not Role.STOP else Role.STOP
            x.reason, x.via, x.from_cue = "", False, False
            x.cue = "a chain of names joined by to"
            x.planned = planned


#: What may stand between one leg and the next that starts where it ended: its time or length
#: ("Oran to Tunis, 6 hours; Tunis to Benghazi").
_BETWEEN_LEGS: Final = re.compile(
    r"[\s,;:.]*(?:\(?[\d\s,./½¼¾]*(?:hours?|hrs?|h|minutes?|mins?|miles|mi|km|nm)\b\)?"
    r"[\s,;:.]*)*(?:and|then)?[\s,;:]*"
)


def _linked_legs(text: str, runs: list[tuple[list[_Mention], int]]) -> Iterator[list[_Mention]]:
    """Runs joined by "to", and legs that start where the one before ended, as one route.

    "Lympne to Oran, 12 hours; Oran to Tunis, 6 hours; Tunis to Benghazi": each leg is
    a run of two names; told one after another, each from the last one's end, they are
    one route of four stops (the repeated names are merged with the stops they repeat).
    """
    chain: list[_Mention] = []
    end = 0
    for run, run_end in runs:
        if (
            chain
            and len(run) >= 2
            and run[0].named == chain[-1].named
            and _BETWEEN_LEGS.fullmatch(text, end, run[0].start)
        ):
            chain.extend(run)
        else:
            if chain:
                yield chain
            chain = list(run)
        end = run_end
    if chain:
        yield chain


_ALIAS_OPEN: Final = re.compile(
    r"\s*\(\s*(?:(?:now|today|formerly|then|later|once|also|or|aka|a\.k\.a\.|present-day|modern"
    r"|known as|called|renamed)\s+)*"
    r"(?-i:[A-Z][a-z]+\s+)?$",  # "Tontouta (French Noumea)": a people's word names whose it is
    re.IGNORECASE,
)


_LEG_LENGTH: Final = r"(?:[-–—\s]*\d[\d,.]*\s*(?:miles|mi|km|kilometres|kilometers|nm)\b[\s.]*)?"


def _only_a_leg(text: str, sentence: _Sentence, mentions: Sequence[_Mention]) -> bool:
    """A line that is two places and "to", with what locates them: "Accra, Ghana to Libreville."."""
    if "\n" in sentence.text.strip():
        return False
    rest = sentence.text
    for m in sorted(mentions, key=lambda x: -x.start):
        a, b = m.start - sentence.start, m.end - sentence.start
        if 0 <= a <= b <= len(rest):
            rest = rest[:a] + " " + rest[b:]
    # "Felixstowe to Plymouth. - 276 miles.": a log's leg line, perhaps with its length
    return bool(re.fullmatch(r"[\s,.;:]*(?:to|→|->)[\s,.;:]*" + _LEG_LENGTH, rest))


def _bracketed_area(text: str, before: _Mention, m: _Mention) -> bool:
    """Whether ``m`` is a country or region in brackets just after the place named before it."""
    return (
        before.end <= m.start
        and bool(m.places)
        and m.places[0].kind in (StopKind.REGION, StopKind.COUNTRY)
        and bool(before.places)
        and before.places[0] != m.places[0]  # Guam is a country of its own, ISO's GU
        and not _qualifies(m, before)  # "St. Petersburg (Florida)": the locator's own rule
        and bool(_ALIAS_OPEN.fullmatch(text, before.end, m.start))
        and text[m.end : m.end + 3].lstrip().startswith(")")
    )


def _is_alias(text: str, before: _Mention, m: _Mention) -> bool:
    """Whether ``m`` is another name, in brackets, for the place named just before it."""
    if before.end > m.start or m.text.isupper():  # "MO (KFAM)": a code says which airport
        return False
    if _qualifies(m, before):
        return False  # "St. Petersburg (Florida)": the region it lies in, not another name
    return bool(_ALIAS_OPEN.fullmatch(text, before.end, m.start)) and text[
        m.end : m.end + 3
    ].lstrip().startswith(")")
