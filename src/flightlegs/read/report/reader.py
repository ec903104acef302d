r"""Report text to a route: a rule-based reading of news prose about a flight.

A report names many places; few are stops. The reader reads a report the way
a careful editor would, with rules that can be read, tested and argued with,
in stages, one module each; each module's docstring gives its rules:

1. :mod:`~.layout`: page furniture skipped, datelines noted, sentences split;
2. :mod:`~.mentions`: every place named (gazetteer names and codes, code
   chains, coordinates), overlaps and initials settled;
3. :mod:`~.classify` with the word families of :mod:`~.cues`: a verdict and a
   reason for each mention;
4. :mod:`~.order`: the stops in flight order;
5. :mod:`~.place`: readings that fit the route, airports named in the text,
   returns home (the only stage that geocodes);
6. :mod:`~.facts`: aircraft, people aboard, seats and the flight's date.

:func:`explain_report` returns the reading (every place named, with its
verdict and reason); :func:`parse_report` geocodes it into a route.

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

import bisect
import copy
import datetime as dt
import itertools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from flightlegs.core.route import Evidence, Route, Stop, StopKind
from flightlegs.errors import InputError, UnknownPlaceError
from flightlegs.read.report.classify import HEADING_CUE, PERSON_REASON, _classify
from flightlegs.read.report.cues import (
    _AGO,
    _BARE_FROM,
    _BEFORE_ARRIVING,
    _BOUND_FOR,
    _CLAUSE_BREAK,
    _FIRST_PERSON_FLIGHT,
    _FLIGHT_WORD,
    _GOES_ON_FROM,
    _HEADING_TO,
    _IN_YEAR_WITHIN,
    _INSTEAD_AFTER,
    _INSTEAD_BEFORE,
    _NEW_FLIGHT,
    _NEXT_STORY,
    _ON_THE_WAY_PLAN,
    _OTHER_NEWS,
    _ROUND_TRIP,
)
from flightlegs.read.report.facts import (
    _PEOPLE_TOTAL,
    _dates,
    _flight_date,
    _months_before,
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
from flightlegs.read.report.mentions import (
    _find_mentions,
    _Mention,
    _overlaps,
    _read_initials,
    _read_short_names,
    _same,
)
from flightlegs.read.report.model import (
    MAX_REPORT_CHARS,
    ReportReading,
    Role,
    SetAside,
    StopMention,
)
from flightlegs.read.report.order import _better, _order
from flightlegs.read.report.place import (
    _airport_ident,
    _airport_of_city,
    _fit_ends,
    _fit_runs,
    _fit_to_route,
    _geocode,
    _locate,
    _pin_airport,
    _pin_code_before,
    _position,
    _return_first,
)
from flightlegs.read.report.scoring import FALLBACK_THRESHOLD, RESCUABLE, rescue

if TYPE_CHECKING:
    from collections.abc import Sequence

    from flightlegs.geocode.resolvers import Resolver
    from flightlegs.reference.gazetteer.index import Gazetteer
    from flightlegs.reference.gazetteer.places import Place

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


def _plans_only_when_no_flight(
    by_sentence: list[tuple[_Sentence, list[_Mention]]], gaz: Gazetteer
) -> None:
    """Read a planned route only where the report tells no flown one.

    Reports often give only the plan ("it was to fly first to Cologne, then to
    Gander"): then the plan is the route, each stop marked planned. When the
    report also tells two or more stops that were flown, its plans are what
    did not happen and are set aside, except where the flight was said to be
    going on ("would instead fly straight to New Delhi"): that stays, planned.
    """
    active = [m for _, ms in by_sentence for m in ms if m.active]
    flown = [m for m in active if not m.planned and m.role is not Role.RETURN]
    if len(flown) < 2:
        return
    ends: list[_Mention] = []  # the places flown to, a country and a city in it as one
    for f in flown:
        if not any(_same(f, e, gaz) for e in ends):
            ends.append(f)
    if len(ends) < 2:
        return  # one place flown to, named twice ("landed at Cochin", "at Kochi"): no route
    if len(ends) == 2 and any(
        m.planned and any(_same(m, f, gaz, nested=False) for f in flown) for m in active
    ):
        # "flown from Texel to Kaposvár ... the plan is to fly via Prague, then on to
        # Kaposvár": only the two ends were told as flown, and the plan fills in the way
        return
    planned = [m for m in active if m.planned]
    # "took off from Brize Norton on its way to Mount Pleasant ... The planned route includes
    # Gibraltar, ... and finally RAF Mount Pleasant": the plan of the flight under way, a list
    # that ends where it is bound, is its route
    route_plan = [m for m in planned if m.sentence == planned[-1].sentence]
    if len(route_plan) < 3 or not any(
        _BOUND_FOR.search(f.cue) and _same(route_plan[-1], f, gaz, nested=False) for f in flown
    ):
        route_plan = []
    in_route_plan = {id(m) for m in route_plan}
    pairs = _flown_in_plan(ends, planned, gaz)
    if len(planned) > len(ends) and pairs:
        # "the plan takes them from Texas to Kentucky, on to Maine, ...; right now it is on
        # its first leg, Eagle Pass to Paducah": the places flown so far are the plan's, in
        # its order, and each flown place takes the place of the plan's name for it
        for e, p in pairs:
            if e is p:
                continue
            p.role, p.reason = None, f"the plan's name for {e.text}, flown"
            if e.start > p.start:
                for _, ms in by_sentence:
                    if e in ms:
                        ms.remove(e)
                    if p in ms:
                        ms.insert(ms.index(p), e)
        return
    # "... carried aid to Billund. After that it will collect supplies in Sharjah, and then go
    # on to Manila": the plan from the place flown to in the sentence before
    flown_in = {f.sentence for f in flown}
    onward = {
        s.index for s, _ in by_sentence if s.index - 1 in flown_in and _GOES_ON_FROM.match(s.text)
    }
    told = {s.index: s for s, _ in by_sentence}
    for m in active:
        if (
            not m.planned
            or _ONWARD_PLAN.search(m.cue)
            or m.sentence in onward
            or id(m) in in_route_plan
        ):
            continue
        s = told.get(m.sentence)
        after = s.text[m.end - s.start :] if s is not None and s.start <= m.end else ""
        if _ON_THE_WAY_PLAN.search(m.cue) and _BEFORE_ARRIVING.match(after):
            # "which had left Alexandria, was due to stop first in Miami before landing in the
            # northern Haitian city": a stop planned on the way of the flight told
            continue
        m.role = None
        m.reason = "planned, expected or hypothetical, not flown"


def _flown_in_plan(
    ends: list[_Mention], planned: list[_Mention], gaz: Gazetteer
) -> list[tuple[_Mention, _Mention]]:
    """Each place flown to with the name the plan gives it, if all are in the plan, in order.

    The plan may name places the flight has not reached yet, or one the report
    names twice ("bound for Duxford ... the plan takes them from Texas to
    Kentucky, ..., then to Duxford"): the flown places need only come in the
    plan's order, not at its head. Empty when one of them is not in the plan.
    """
    pairs: list[tuple[_Mention, _Mention]] = []
    k = 0
    for e in ends:
        while k < len(planned) and not _same(e, planned[k], gaz):
            k += 1
        if k == len(planned):
            return []
        pairs.append((e, planned[k]))
        k += 1
    return pairs


#: "the delegation would instead fly straight to New Delhi": where the flight was going on to,
#: kept (and marked planned) beside the stops flown; "aircraft may stop in Alaska" is not
_ONWARD_PLAN = re.compile(
    r"\b(?:will|would|shall)\s+(?:\w+\s+){0,2}?(?:fly|continue|head|go on|travel|proceed"
    # "the plane ... will now set down at March Air Reserve Base": told while in the air
    r"|land|set down|touch down|arrive)\b"
    r"(?:\s+\w+){0,3}\s*$"
)


#: Where a sentence or a line ends, between a stop and a date after it.
_SENTENCE_OR_LINE_END: Final = re.compile(r"[.!?](?:\s|$)|\n")


def _newest_first(stops: list[_Mention], text: str) -> list[_Mention]:
    """A log told newest first (a blog's dated posts) is put back in flight order.

    Each stop takes the date of its own sentence, where that gives a full date
    after it ("departed Dulles on 23 August 2004"), or else of the section it is
    told in (the last full date before it). When those dates only ever go back in
    time, and do so at least once, the sections are read oldest first; within a
    section the order stays.
    """
    dated = [d for d in _dates(text, 0, len(text)) if d.year is not None]
    if len(stops) < 2 or len(dated) < 2:
        return stops
    starts = [d.start for d in dated]  # _dates gives them in text order
    keys: list[tuple[int, int, int]] = []
    for m in stops:
        at = bisect.bisect_left(starts, m.start)
        if at < len(dated) and not _SENTENCE_OR_LINE_END.search(text, m.end, dated[at].start):
            d = dated[at]  # "departed Dulles ... on 23 August 2004": its own sentence's date
        elif at == 0:
            return stops
        else:
            d = dated[at - 1]
        keys.append((d.year or 0, d.month, d.day))
    descending = all(a >= b for a, b in itertools.pairwise(keys))
    if not descending or keys[0] == keys[-1]:
        return stops
    order = sorted(range(len(stops)), key=lambda i: (keys[i], i))
    return [stops[i] for i in order]


def _merge_repeats(stops: list[_Mention], gaz: Gazetteer) -> list[_Mention]:
    """One stop for a place told twice in a row, unless the flight came back to it again.

    "Chartered to carry the soldiers home to Ft. Campbell" and "before making
    its last stop at Ft. Campbell" are one stop.
    """
    merged: list[_Mention] = []
    for m in stops:
        last = merged[-1] if merged else None
        if last is None or m.again or m.chain is not None:
            merged.append(m)
            continue
        if _same(last, m, gaz, nested=False):
            last.also.append(m.start)
            last.planned = last.planned and m.planned
            if m.role is Role.RETURN and len(merged) > 1:
                last.role = Role.RETURN
            continue
        if (
            m.role is not Role.RETURN
            and (ident := _airport_ident(m)) is not None
            and ident == _airport_ident(last)
            and StopKind.AIRPORT in (_kind(last), _kind(m))
        ):
            # "leaves Santa Monica ... arrives at Los Angeles International Airport": a town
            # read as the airport told next to it is that one stop (two towns whose nearest
            # airport is one, Croydon and Heston, are not)
            planned, role = last.planned and m.planned, last.role
            merged[-1] = kept = _better(last, m)
            kept.planned = planned
            if role is Role.RETURN:
                kept.role = Role.RETURN
            continue
        if (
            last.chain is None
            and StopKind.COUNTRY in (_kind(last), _kind(m))
            and _same(last, m, gaz)
        ):
            # "got back from Haiti ... held up in Port-au-Prince": a country, then a city in
            # it, told one after the other, are one stop; the more precise name is kept (not a
            # region: "from Austin to Cameron County, Texas" is a flight within Texas)
            returning = m.role is Role.RETURN and len(merged) > 1
            planned = last.planned and m.planned
            kept = _better(last, m)
            kept.planned = planned
            if returning:
                kept.role = Role.RETURN
            merged[-1] = kept
            continue
        merged.append(m)
    return merged


def _route_length(route: Sequence[_Mention]) -> float:
    """The length of a route in metres, over the stops whose place is known."""
    from flightlegs.core.geodesy import distance_m

    where = [p for p in (_position(m) for m in route) if p is not None]
    return sum(distance_m(a, b) for a, b in itertools.pairwise(where))


def _drop_retold(stops: list[_Mention], gaz: Gazetteer) -> list[_Mention]:
    """One stop for a place the route names twice apart, where the flight did not go back.

    "had landed in Riyadh after a brief stay in Amman ... took off from Ben Gurion
    ... bound for King Khalid International": the lede's Riyadh and the later
    King Khalid are one stop told twice, not two visits. Of the two, the one
    whose removal leaves the shorter route goes; a return, a place told "again",
    a round trip's two ends and a place named alike both times (a revisit,
    "Anchorage" out and back) are kept.
    """
    i = 0
    while i < len(stops):
        j = next(
            (
                j
                for j in range(i + 2, len(stops))
                if stops[i].text != stops[j].text  # a place named alike twice may be a revisit
                and _same(stops[i], stops[j], gaz, nested=False)
                and not (i == 0 and j == len(stops) - 1)
                and Role.RETURN not in (stops[i].role, stops[j].role)
                and not (stops[i].again or stops[j].again)
            ),
            None,
        )
        if j is None:
            i += 1
            continue
        without_i = [m for k, m in enumerate(stops) if k != i]
        without_j = [m for k, m in enumerate(stops) if k != j]
        keep, drop = (j, i) if _route_length(without_i) <= _route_length(without_j) else (i, j)
        stops[keep].also.extend([stops[drop].start, *stops[drop].also])
        if stops[drop].role is Role.DEPARTURE and drop == 0:
            stops[keep].role = Role.DEPARTURE
        stops = [m for k, m in enumerate(stops) if k != drop]
    return stops


#: A stop moved to the end must shorten the route by this share, and by this much (metres).
_TOLD_FIRST_SAVING = 0.4
_TOLD_FIRST_SAVING_M = 3_000_000.0


def _destination_told_first(stops: list[_Mention]) -> list[_Mention]:
    """Put last a landing a report tells first, where the route then doubles back on itself.

    "touched down in Caracas ... Setting out from Russia, the route included
    these stopovers: Yerevan, Algiers, Rabat, Dakar, Nouakchott": a news story
    tells the landing first and the way there after. When moving one landing
    (not the start, a return or a plan) to the end of the route makes it
    :data:`_TOLD_FIRST_SAVING` shorter, and :data:`_TOLD_FIRST_SAVING_M` metres
    shorter, it is the destination.
    """
    if len(stops) < 4 or any(_position(m) is None for m in stops):
        return stops
    whole = _route_length(stops)
    best, best_length = None, whole
    for i in range(1, len(stops) - 1):
        m = stops[i]
        if m.role is not Role.STOP or m.planned or m.start > min(x.start for x in stops[i + 1 :]):
            continue  # only a landing told before every stop the route puts after it
        moved = [*stops[:i], *stops[i + 1 :], m]
        here = _route_length(moved)
        if here < best_length:
            best, best_length = moved, here
    if best is None or whole - best_length < max(_TOLD_FIRST_SAVING * whole, _TOLD_FIRST_SAVING_M):
        return stops
    return best


def _title_destination_last(stops: list[_Mention]) -> list[_Mention]:
    """The place a report's title flies to ("Flight to The Pas") ends the route told after it."""
    titled = [i for i, m in enumerate(stops) if m.titled and m.role is Role.STOP]
    if len(titled) != 1 or titled[0] == len(stops) - 1 or stops[-1].role is Role.RETURN:
        return stops
    i = titled[0]
    return [*stops[:i], *stops[i + 1 :], stops[i]]


def _round_trip(
    stops: list[_Mention], by_sentence: list[tuple[_Sentence, list[_Mention]]]
) -> list[_Mention]:
    """A flight told as a round trip from its departure ends back there."""
    if len(stops) < 2 or stops[0].role is not Role.DEPARTURE or stops[-1].role is Role.RETURN:
        return stops
    told = next((s for s, ms in by_sentence if stops[0] in ms), None)
    if told is None or not _ROUND_TRIP.search(told.text):
        return stops
    return [*stops, _told_again(stops[0], Role.RETURN, "back where a round trip began")]


def _told_again(m: _Mention, role: Role, cue: str) -> _Mention:
    """The same place as a second stop of the route, with its own role and why."""
    again = copy.copy(m)
    again.role, again.also, again.sentences, again.cue = role, [], list(m.sentences), cue
    return again


#: A place told before the first stop that scores at least this is where a route with no
#: departure began ("porters stowed the luggage aboard the Stratocruiser at London Airport").
ORIGIN_THRESHOLD = 0.5
#: "from" before a place, as :data:`_BARE_FROM` or after "in" ("had just come in from Youngstown").
_CAME_FROM: Final = re.compile(rf"{_BARE_FROM.pattern}|\bin from\s*$")
#: Places precise enough to be where a flight began (a country or a region is not).
_ORIGIN_KINDS = frozenset({StopKind.CITY, StopKind.AIRPORT})


def _implied_origin(
    stops: list[_Mention],
    by_sentence: list[tuple[_Sentence, list[_Mention]]],
    gaz: Gazetteer,
    text: str,
) -> list[_Mention]:
    """A departure for a route that names none, where the report implies one.

    Reports often leave the origin to be inferred: the aircraft "came back to
    Ramstein" (so it had left from there), or the text shows it on the ground
    somewhere before any word of flying ("luggage stowed aboard at London
    Airport ... lifted off into the mist"). When no stop is a departure:

    * a route that ends with a return to a town or airport it never left from began
      there ("returned to Luton after a night in Nice": Luton, Nice, Luton);
    * otherwise the place told before the first stop that the scoring stage
      rates likeliest, at least :data:`ORIGIN_THRESHOLD`, is the departure
      (a town or an airport; a country or region is too vague to be one);
    * else the first town or airport the flight is said to be from, wherever told.
    """
    if not stops or any(m.role is Role.DEPARTURE for m in stops):
        return stops
    last = stops[-1]
    if last.role is Role.RETURN and len(stops) >= 2 and _kind(last) in _ORIGIN_KINDS:
        if any(_same(last, m, gaz, nested=False) for m in stops[:-1]):
            return stops
        return [_told_again(last, Role.DEPARTURE, "the base the flight came back to"), *stops]
    first_told = min(min([m.start, *m.also]) for m in stops)
    candidates = [
        m
        for _, ms in by_sentence
        for m in ms
        if m.start < first_told
        and m.reason in RESCUABLE
        and (m.confidence or 0.0) >= ORIGIN_THRESHOLD
        and _kind(m) in _ORIGIN_KINDS
        and not any(_same(m, s, gaz, nested=False) for s in stops)
    ]
    cue = "where the aircraft was before the first stop told (no departure is named)"
    if not candidates and re.search(rf"\b{_FLIGHT_WORD}\b", text.lower()):
        # "a Boeing 737 that had just come in from Youngstown", "after six and a half hours
        # in the air from Kano": the first town or airport a flight is said to be from, in
        # a report of flying
        candidates = [
            m
            for s, ms in by_sentence
            for m in ms
            if m.reason in RESCUABLE
            and _kind(m) in _ORIGIN_KINDS
            and _CAME_FROM.search(text[max(s.start, m.start - 40) : m.start].lower())
            and not any(_same(m, x, gaz, nested=False) for x in stops)
        ][:1]
        cue = "where the aircraft came from (no departure is named)"
    if not candidates:
        return stops
    best = max(candidates, key=lambda m: m.confidence or 0.0)
    best.role, best.reason, best.cue = Role.DEPARTURE, "", cue
    return [best, *stops]


#: The flight went back where it came from: "the plane had to return to the Emirati capital".
_TURNED_BACK: Final = re.compile(
    r"\b(?:turn(?:ed|s|ing)? back|(?:had|was forced|were forced|forced it) to return"
    r"|had to (?:go|fly|head|come) back|(?:was|were) forced (?:to go )?back)\b"
)


#: Words that the flight got to a place, between a destination and the turn back.
_REACHED: Final = re.compile(
    r"(?i)\b(?:land(?:ed|s|ing)?|arriv\w+|reach\w*|touch\w* down|stopp\w+|refuel\w*|got there)\b"
)


def _turned_back_from(
    text: str, by_sentence: list[tuple[_Sentence, list[_Mention]]], gaz: Gazetteer
) -> None:
    """Set aside where a flight set off for when the next sentence turns it back.

    "the aircraft set off for Australia once more on Monday night. Shortly after
    take-off the fault came back and the plane had to return to the Emirati
    capital": it never reached Australia, nor Canberra, where it was due. Only a
    destination told with "for", "bound for" or "heading to", at the end of the
    sentence before the turn, with no landing and no place between it and the turn.
    """
    for (_, ms), (after, later) in itertools.pairwise(by_sentence):
        turned = _TURNED_BACK.search(after.text.lower())
        if not ms or turned is None:
            continue
        turn = after.start + turned.start()
        if any(x.active and x.start < turn for x in later):
            continue
        last = ms[-1]
        if _REACHED.search(text, last.end, turn):
            continue  # "took off for Lagos. It landed there at noon and later had to return"
        if not (last.active and last.role is Role.STOP and _BOUND_FOR.search(last.cue)):
            continue
        # and the plan to land in it: "was due to land in Canberra", in Australia
        for x in [last, *(x for _, g in by_sentence for x in g if x.active and x.planned)]:
            if x is last or _same(x, last, gaz):
                x.role, x.reason = None, "where the flight set off for, but turned back"


def _headings_told_below(
    by_sentence: list[tuple[_Sentence, list[_Mention]]], gaz: Gazetteer
) -> None:
    """Set aside a diary's day heading whose place the day's story tells again as a stop.

    "4/30/05 San Antonio, Tx" heads a day flown from Santa Ana by way of Deming,
    which "left for San Antonio": the heading names where the day ended, and the
    story says when it was reached. A heading whose place the story below it does
    not tell again stays a stop.
    """
    flat = [m for _, ms in by_sentence for m in ms]
    heads = [i for i, m in enumerate(flat) if m.active and m.cue == HEADING_CUE]
    for n, i in enumerate(heads):
        below = flat[i + 1 : heads[n + 1] if n + 1 < len(heads) else len(flat)]
        if any(
            x.active
            and x.role is not Role.RETURN
            and x.cue != HEADING_CUE
            and _same(flat[i], x, gaz)
            for x in below
        ):
            flat[i].role, flat[i].reason = None, "named again below its heading, where it is told"


def _one_flight(by_sentence: list[tuple[_Sentence, list[_Mention]]], other_from: int) -> None:
    """Set aside the places of the flight that is not the report's, where it tells two.

    "The second left Harlingen ...": the report's flights are split at the sentence
    that starts the other one. The first is the report's, unless it is told in fewer
    than two stops (a take-off and no more is no route) and the later one in more, or
    the later one in at least two stops more: "In June it had flown him to Tunis and
    back. The second circuit was flown by a different jet. It left Prague for ..." is a
    report of the second circuit.
    """

    def told(part: Iterable[tuple[_Sentence, list[_Mention]]]) -> int:
        return sum(m.active for _, ms in part for m in ms)

    first = [(s, ms) for s, ms in by_sentence if s.index < other_from]
    later = [(s, ms) for s, ms in by_sentence if s.index >= other_from]
    other = first if told(first) < 2 <= told(later) or told(later) > told(first) + 1 else later
    for _, ms in other:
        for m in ms:
            if not m.reason:
                m.reason = "about another flight in the same report"


def _people_named_again(by_sentence: list[tuple[_Sentence, list[_Mention]]]) -> None:
    """A name the report gives a person's title once is that person wherever it is named.

    "Commodore Kingsford Smith get away easily" ... "Kingsford Smith put the delay
    down to": the second is the aviator too, not Sydney's airport.
    """
    people = {m.text for _, ms in by_sentence for m in ms if m.reason == PERSON_REASON}
    for _, ms in by_sentence:
        for m in ms:
            if m.text in people and m.reason != PERSON_REASON:
                m.role = None
                m.reason = "a person's name (named with a title elsewhere in the report)"


def _another_story(text: str, by_sentence: list[tuple[_Sentence, list[_Mention]]]) -> None:
    """Set aside what a page tells after it turns to its next story.

    A page of old newspapers prints cables one after another: "HINKLER AT
    MALTA ... LINDBERGH AT HAVANA / HAVANA, February 8. Colonel Lindbergh has
    arrived": the second story's places are another flight; so are a news
    item's after "In other news". Only once the first story has told a stop.
    """
    starts = [story.start() for story in _NEXT_STORY.finditer(text)]
    starts += [s.start for s, _ in by_sentence if _OTHER_NEWS.match(s.text)]
    for story_start in sorted(starts):
        told = [m for s, ms in by_sentence if s.start < story_start for m in ms if m.active]
        if not told:
            continue
        for s, ms in by_sentence:
            if s.start < story_start:
                continue
            for m in ms:
                if m.active or m.reason in RESCUABLE:
                    m.role, m.reason = None, "in the next story printed with this one"
        return


def _located_once(by_sentence: list[tuple[_Sentence, list[_Mention]]]) -> None:
    """A name the report locates once means that place wherever it is named alone.

    "ST. PETERSBURG (Florida)" in the dateline, then "put down at St. Petersburg":
    Florida's, not Russia's.
    """
    located: dict[str, Place] = {}
    for _, ms in by_sentence:
        for m in ms:
            if m.within is not None and m.places and m.chain is None:
                located.setdefault(m.text.casefold(), m.places[0])
    for _, ms in by_sentence:
        for m in ms:
            place = located.get(m.text.casefold())
            if m.within is None and place is not None and place in m.places[1:]:
                m.places = (place, *(p for p in m.places if p != place))


def _given_up(text: str, by_sentence: list[tuple[_Sentence, list[_Mention]]]) -> None:
    """Set aside the destination a flight gave up for the place it went to "instead".

    "was flying back to Washington ... It headed instead for Paris": the last place
    told as where the flight was heading (after "to" or "for"), in that sentence or
    the five before it, was not reached.
    """
    flat = [(s.index, m) for s, ms in by_sentence for m in ms]
    for i, (index, m) in enumerate(flat):
        if not m.active or not (
            _INSTEAD_BEFORE.search(text, max(0, m.start - 30), m.start)
            or _INSTEAD_AFTER.match(text, m.end)
        ):
            continue
        for earlier_index, p in reversed(flat[:i]):
            if index - earlier_index > 5:
                break
            if (
                p.active
                and p.role in (Role.STOP, Role.RETURN)
                and _HEADING_TO.search(p.cue)
                and p.named != m.named
            ):
                p.role = None
                p.reason = f"a destination given up: the flight went to {m.text} instead"
                break


def _earlier_trips(
    stops: list[_Mention], text: str, sentences: Sequence[_Sentence], date: dt.date | None
) -> list[_Mention]:
    """Stops told only with dates before the flight's: another, earlier trip.

    "seized at Kennedy Airport in September 2002, changing planes on his way
    back to Canada", in a report of a flight on 8 October 2002: Kennedy and
    Canada are an earlier journey. A stop whose clause holds the flight's own date is kept.
    """
    if date is None or len(stops) < 3:
        return stops
    earlier_trip: dict[int, str] = {}
    for m in stops:
        told = [sentences[i] for i in sorted({m.sentence, *m.sentences})]
        # the sentence up to the end of the clause that names the stop: "in a coma since his
        # March 2016 trial", told after "evacuated by way of Sapporo", does not date Sapporo
        spans = [(s, _clause_end(text, s, m)) for s in told]
        earlier = [w for s, e in spans for w in _before(text, s, e, date)]
        if earlier and all(_before(text, s, e, date) for s, e in spans):
            earlier_trip[id(m)] = (
                f"told with an earlier date ({earlier[0]}) than the flight's"
                f" ({date:%-d %B %Y}): another trip"
            )
    return _another_trip(stops, earlier_trip)


def _before(text: str, sentence: _Sentence, end: int, date: dt.date) -> list[str]:
    """Dates before the flight's in ``sentence`` up to ``end``, as written.

    Those of :func:`_months_before`; or, where the sentence tells of no flight,
    years alone: "gave up his citizenship in 1929 and came back to India", in
    the story of a flight of 1932.
    """
    if found := _months_before(text, sentence.start, end, date):
        return found
    if re.search(rf"\b{_FLIGHT_WORD}\b", sentence.text.lower()):
        return []
    years = list(_IN_YEAR_WITHIN.finditer(text, sentence.start, end))
    if years and all(int(y[1]) < date.year for y in years):
        return [y[1] for y in years]
    return []


def _told_as_past(
    stops: list[_Mention], text: str, sentences: Sequence[_Sentence]
) -> list[_Mention]:
    """Stops told only in clauses set weeks or more before the flight: another trip.

    "Two weeks ago the Queen likewise broke the journey from London to Sydney";
    "a similar flight to Havana last month". At least two stops stay.
    """
    if len(stops) < 3:
        return stops
    past: dict[int, str] = {}
    for m in stops:
        told = [sentences[i] for i in sorted({m.sentence, *m.sentences})]
        # the time told last before the place: "last month ..., and three months ago ... X"
        ago = [[*_AGO.finditer(text, s.start, _clause_end(text, s, m))] for s in told]
        if all(ago):
            past[id(m)] = f"told as {ago[0][-1][0].lower()}: another trip"
    return _another_trip(stops, past)


def _another_trip(stops: list[_Mention], reasons: dict[int, str]) -> list[_Mention]:
    """The stops less those ``reasons`` (by mention id) sets aside, if two stops stay."""
    if len(stops) - len(reasons) < 2:
        return stops
    for m in stops:
        if id(m) in reasons:
            m.reason = reasons[id(m)]
    return [m for m in stops if id(m) not in reasons]


def _clause_end(text: str, sentence: _Sentence, m: _Mention) -> int:
    """Where the clause naming ``m`` (or, for a sentence it is not in, the sentence) ends."""
    if not sentence.start <= m.start < sentence.end:
        return sentence.end
    brk = _DATE_CLAUSE_END.search(text, m.end, sentence.end)
    return brk.start() if brk else sentence.end


#: What ends the words that may date a stop: a comma or a clause break after it.
_DATE_CLAUSE_END = re.compile(rf",|{_CLAUSE_BREAK.pattern}")


def _kind(m: _Mention) -> StopKind | None:
    if m.stop is not None:
        return m.stop.kind
    return m.places[0].kind if m.places else None


def _why(m: _Mention) -> str:
    """What made a mention a stop, in words a reader can check."""
    if m.why:
        return "scored " + f"{m.confidence or 0:.2f}" + " on " + ", ".join(m.why)
    if m.chain is not None:
        return "part of a code chain"
    if not m.cue:
        return "a stop by the rules"
    if m.cue.startswith(
        (
            "listed with",
            "a heading",
            "a dashed route",
            "a list of stops",
            "a leg named",
            "the first",
            "a row of",
            "back where",
            "the base the flight",
            "where the aircraft was",
        )
    ):
        return m.cue
    words = m.cue.split()
    return "after '" + ("… " if len(words) > 6 else "") + " ".join(words[-6:]) + "'"


def _context(text: str, start: int, end: int) -> str:
    """The few words before a place in its sentence, and the place: "officials in Washington"."""
    stop = text.rfind(". ", 0, start)
    line_start = max(text.rfind("\n", 0, start) + 1, stop + 2 if stop >= 0 else 0)
    words = text[max(line_start, start - 60) : start].split()[-4:]
    before = " ".join(words)
    if words and start - 60 > line_start:
        before = "… " + before
    return " ".join(f"{before} {text[start:end]}".split())


#: Why a place named outside the story's lines is set aside.
_NOT_READ = "in a line not read as the story (a headline, caption, table or link)"


def _not_read(text: str, prose: Sequence[tuple[int, int]], gaz: Gazetteer) -> list[SetAside]:
    """The places named outside the lines read as the story: headlines, captions, tables, links.

    They are not read for the route (a headline retells it, a caption or a link
    tells of other days), but each is listed, so that ``--explain`` accounts for
    every place the report names.
    """
    gaps: list[tuple[int, int]] = []
    pos = 0
    for start, end in sorted(prose):
        if start > pos:
            gaps.append((pos, start))
        pos = max(pos, end)
    gaps.append((pos, len(text)))
    found = []
    for start, end in gaps:
        if not text[start:end].strip():
            continue
        for m in gaz.find_mentions(text[start:end]):
            if m.demonym:
                continue
            a, b = start + m.start, start + m.end
            found.append(
                SetAside(
                    " ".join(m.text.split()),
                    a,
                    b,
                    _NOT_READ,
                    _context(text, a, b),
                )
            )
    return found


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
    if not aircraft:
        # "N802TJ (B737-400, iAero)": a log names its aircraft above the entries
        from flightlegs.reference.aircraft import find_aircraft_mentions

        aircraft = [
            (start + a.start, start + a.end, a.spec.designator)
            for start, end in header
            for a in find_aircraft_mentions(text[start:end])
        ]
    mentions = [
        m for m in mentions if not _overlaps(m.start, m.end, [(a, b) for a, b, _ in aircraft])
    ]
    _read_initials(mentions)
    _read_short_names(mentions)
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
                if m.start > others[0] and (m.active or m.reason in RESCUABLE):
                    m.role, m.reason = None, "where another aircraft went"
        by_sentence.append((sentence, ms))
    if other_flight:
        _one_flight(by_sentence, other_from)
    _given_up(text, by_sentence)
    _another_story(text, by_sentence)
    _people_named_again(by_sentence)
    _located_once(by_sentence)
    _headings_told_below(by_sentence, gaz)
    rescue(text, by_sentence)
    _turned_back_from(text, by_sentence, gaz)
    guessed = not any(m.active for _, ms in by_sentence for m in ms)
    if guessed:
        # no sentence says plainly where the flight went: the likeliest places, said to be so
        rescue(text, by_sentence, threshold=FALLBACK_THRESHOLD)
    _plans_only_when_no_flight(by_sentence, gaz)
    for _, ms in by_sentence:
        for m in ms:
            if m.active:
                _pin_airport(m, gaz)
                _airport_of_city(m, gaz)
                _pin_code_before(m, gaz, text)
    stops = _merge_repeats(_newest_first(_order(by_sentence, text, gaz), text), gaz)
    stops = _title_destination_last(stops)
    stops = _round_trip(stops, by_sentence)
    stops = _implied_origin(stops, by_sentence, gaz, text)
    _fit_runs(stops)
    _fit_to_route(stops)
    _fit_ends(stops)
    date = _flight_date(text, sentences, stops, header, datelines)
    stops = _earlier_trips(stops, text, sentences, date)
    stops = _told_as_past(stops, text, sentences)
    stops = _merge_repeats(_drop_retold(stops, gaz), gaz)
    stops = _destination_told_first(stops)
    kept = {id(m) for m in stops}
    for _, ms in by_sentence:
        for m in ms:
            if id(m) not in kept and m.reason:
                set_aside.append(
                    SetAside(
                        " ".join(m.text.split()),
                        m.start,
                        m.end,
                        m.reason,
                        _context(text, m.start, m.end),
                    )
                )

    set_aside.extend(_not_read(text, prose, gaz))
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
        chars = list(s.text)
        for a, b in quotes:
            if a < s.end and s.start < b:
                lo, hi = max(a, s.start) - s.start, min(b, s.end) - s.start
                chars[lo:hi] = " " * (hi - lo)
        unquoted = "".join(chars)
        if people is None and (found := _people(unquoted)) is not None:
            people = found[1]
        if total is None and (stated := _PEOPLE_TOTAL.search(unquoted)):
            total = _number(stated["num"])
        if seats is None:
            seats = _seats(s.text)
    people = total or people
    warnings: list[str] = []
    if not stops:
        warnings.append("no stops found: no sentence says where the flight went")
    elif guessed:
        warnings.append(
            "no sentence says plainly where the flight went: these stops are the likeliest "
            "places the report names, each with its score; check them with --explain"
        )
    named_at = {x.start: " ".join(x.text.split()) for _, ms in by_sentence for x in ms}
    return ReportReading(
        stops=tuple(
            StopMention(
                text=" ".join(m.text.split()),  # "Santo\nDomingo" in wrapped text
                start=m.start,
                end=m.end,
                sentence=sentences[m.sentence].text,
                role=m.role or Role.STOP,
                places=m.places,
                stop=m.stop,
                within=m.within,
                airport=m.airport,
                also=tuple(m.also),
                also_named=tuple(named_at.get(a, m.text) for a in m.also),
                planned=m.planned,
                confidence=1.0 if m.confidence is None else round(m.confidence, 3),
                why=_why(m),
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
    reading: ReportReading | None = None,
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
        Refuse a stop that cannot be placed (the error lists the closest known
        names) instead of keeping it with a warning. A report with no stop is
        refused either way.
    reading
        What :func:`explain_report` already found in ``text``, so a caller that
        shows the reading (``--explain``) does not read the report twice.

    Raises
    ------
    InputError
        The text is not a string, is too long, or says of no place that the
        flight went there (the message points at ``--explain``).
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

    reading = explain_report(text) if reading is None else reading
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
    if not stops:
        named = len(reading.set_aside)
        if not named:
            raise InputError(
                f"{source}: no route found: the text names no place the offline gazetteer "
                "knows (a town, airport, code, region or country); write the route as a code "
                "chain or route file"
            )
        raise InputError(
            f"{source}: no route found: {named} place{'s' if named != 1 else ''} named, "
            "none said to be where the flight went; run with --explain to see why each "
            "was set aside, or write the route as a code chain or route file"
        )
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
        # the places a reader may want back: not demonyms, nor a region naming where a stop is,
        # nor a stop's own code or other name ("Mesa (IWA)", "Sondrestrom (now Kangerlussuaq)"),
        # nor a name in a headline or caption (--explain lists those)
        set_aside=tuple(
            dict.fromkeys(
                f"{s.text}: {s.reason}"
                for s in reading.set_aside
                if not s.reason.startswith(
                    (
                        "a demonym",
                        "locates",
                        "a country used as",
                        "the code of",
                        "another name for",
                        _NOT_READ,
                    )
                )
            )
        ),
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
