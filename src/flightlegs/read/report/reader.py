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
3. **Mentions** come from :mod:`flightlegs.reference.gazetteer.index` (names, codes),
   :func:`flightlegs.read.chains.parse_chain` (code chains such as ``PHX-ELP-ANC``)
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
>>> reading = explain_report(
...     "The jet took off from Anchorage and stopped in Shenyang before heading back to the US."
... )
>>> [(m.text, m.role.value) for m in reading.stops]
[('Anchorage', 'departure'), ('Shenyang', 'stop'), ('US', 'return')]
>>> route = parse_report("A Gulfstream V left Arizona on March 30, 2024, and landed in Alaska.")
>>> [s.name for s in route.stops], route.aircraft, route.date.isoformat()
(['Arizona', 'Alaska'], 'GLF5', '2024-03-30')
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from flightlegs.core.route import Evidence, Route, Stop, StopKind
from flightlegs.errors import InputError, UnknownPlaceError
from flightlegs.read.report.classify import _classify
from flightlegs.read.report.cues import _FIRST_PERSON_FLIGHT, _NEW_FLIGHT
from flightlegs.read.report.facts import (
    _PEOPLE_TOTAL,
    _dates,
    _flight_date,
    _number,
    _people,
    _seats,
)
from flightlegs.read.report.layout import (
    _DATELINE,
    _prose_lines,
    _quote_spans,
    _Sentence,
    _split_sentences,
)
from flightlegs.read.report.mentions import _find_mentions, _Mention, _overlaps, _read_initials
from flightlegs.read.report.model import (
    MAX_REPORT_CHARS,
    ReportReading,
    Role,
    SetAside,
    StopMention,
)
from flightlegs.read.report.order import _order
from flightlegs.read.report.place import (
    _fit_to_route,
    _geocode,
    _locate,
    _pin_airport,
    _return_first,
)

if TYPE_CHECKING:
    from flightlegs.geocode.resolvers import Resolver

__all__ = ["explain_report", "parse_report", "read_report"]


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


def explain_report(text: str) -> ReportReading:
    """Read a report: its stops in flight order, and the facts about the flight.

    Nothing is geocoded here beyond the gazetteer's readings of each name;
    :func:`parse_report` turns the reading into a :class:`~flightlegs.core.route.Route`.

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
    >>> r = explain_report(
    ...     "MIAMI, June 2 — The Miami-based operator's 737 left Harlingen, Texas, on June 1, "
    ...     "2024, with 120 deportees aboard, stopped in Guatemala City and did not stop in "
    ...     "Honduras."
    ... )
    >>> [m.text for m in r.stops], r.people, r.date.isoformat()
    (['Harlingen', 'Guatemala City'], 120, '2024-06-01')
    >>> sorted({s.reason for s in r.set_aside})[:2]
    ['in the dateline', 'locates Harlingen']
    """
    from flightlegs.reference.gazetteer.index import gazetteer

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
    for m in mentions:  # a position given as coordinates takes the country around it
        if m.stop is not None and m.chain is None:
            m.stop = _locate(m.stop)

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


def parse_report(
    text: str,
    source: str = "<text>",
    *,
    resolver: Resolver | None = None,
    strict: bool = False,
) -> Route:
    """Read a report and geocode its stops into a :class:`~flightlegs.core.route.Route`.

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
    from flightlegs.reference.gazetteer.index import gazetteer

    reading = explain_report(text)
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


def read_report(text: str) -> ReportReading:
    """The name of :func:`explain_report` before 0.2 (deprecated).

    Every other ``read_*`` function takes a path; this one takes text, and
    what it returns is the reader's account of every place the text names.
    """
    import warnings

    warnings.warn(
        "read_report(text) is now explain_report(text); the old name goes in 0.3",
        DeprecationWarning,
        stacklevel=2,
    )
    return explain_report(text)
