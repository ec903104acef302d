"""Order: the stops of a report in flight order, not in order of mention.

Clock times, weekdays, "earlier" and "en route" words reorder the stops a
report tells out of sequence; repeated mentions of one place are merged.

**Flight order.** Each sentence gives a segment of stops (departures first,
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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from flightlegs.core.route import StopKind
from flightlegs.read.report.cues import (
    _BEFORE_LEAD,
    _DIVERTED,
    _EARLIER,
    _EN_ROUTE,
    _HEADED,
    _ONWARD,
    _WHEN_STOPPED,
)
from flightlegs.read.report.facts import _MONTH_NAME, _WEEKDAY, _WEEKDAYS
from flightlegs.read.report.layout import _CLOCK, _TABLE_ROW, _Sentence
from flightlegs.read.report.mentions import _area, _Mention, _precision, _same
from flightlegs.read.report.model import Role

if TYPE_CHECKING:
    from flightlegs.reference.gazetteer.index import Gazetteer

__all__ = []


# --------------------------------------------------------------------------- flight order


def _segment(mentions: Sequence[_Mention]) -> list[_Mention]:
    """One sentence's stops in flight order."""
    active = [m for m in mentions if m.active]
    for i, m in enumerate(active):
        if m.role is Role.RETURN and any(
            x.role is Role.STOP and not x.via and _ONWARD_OR_THEN.search(x.cue)
            for x in active[i + 1 :]
        ):
            # "back to Van Nuys on Saturday, and then to Teterboro": home, and out again
            m.role = Role.STOP
    ordered: list[_Mention] = []
    for m in active:
        # the destination told last, but for departures after it ("flew them into Nigeria from
        # London, by way of Accra": departures go first in any case)
        dest = len(ordered) - 1
        while dest > 0 and ordered[dest].role is Role.DEPARTURE:
            dest -= 1
        if (
            m.via
            and ordered
            and ordered[dest].role is Role.STOP
            and not ordered[dest].via
            # "landed at Mobile, then flew via Split to Nice": Split comes after Mobile
            and not re.search(r"\b(?:then|next|flew|fly|flying|flown|continu\w+)\W+via$", m.cue)
            # "reached Pearl Harbor, then hopped across the Pacific by way of Midway"
            and not re.search(
                r"\b(?:then|next|continu\w+|onwards?)\b[^.;]*\b(?:via|by way of)$", m.cue
            )
        ):
            # "reached Guam via Midway and Wake": the via stops come first, in their order
            ordered.insert(dest, m)
        else:
            ordered.append(m)
    for i, m in enumerate(ordered):
        if m.role is Role.DEPARTURE and any(
            x.role is Role.STOP and x.named == m.named for x in ordered[:i]
        ):
            m.role = Role.STOP  # "refuelled at Wichita before it lifted off from Wichita"
    if (
        len(ordered) >= 2
        and ordered[0].role is Role.STOP
        and _BEFORE_LEAD.match(ordered[0].cue)
        and all(m.role is Role.STOP for m in ordered[1:])
    ):
        # "Before landing in Tokyo, the plane refuelled in Anchorage": Tokyo comes after
        ordered = [*ordered[1:], ordered[0]]
    for i in range(1, len(ordered)):
        a, b = ordered[i - 1], ordered[i]
        if (
            a.role is Role.STOP
            and b.role is Role.STOP
            and _HEADED.search(a.cue)
            and _WHEN_STOPPED.search(b.cue)
        ):
            # "It was outbound to Kuwait when it stopped in Shannon": Shannon on the way
            ordered[i - 1], ordered[i] = b, a
    departures = [m for m in ordered if m.role is Role.DEPARTURE]
    returns = [m for m in ordered if m.role is Role.RETURN]
    middle = [m for m in ordered if m.role is Role.STOP]
    # "came into Shannon after picking up troops at Robert Gray": Robert Gray first
    first = [m for m in middle if m.first]
    if first:
        middle = first + [m for m in middle if not m.first]
    return departures + middle + returns


_ONWARD_OR_THEN = re.compile(r"\b(?:then|next|later|continu\w+|went on|onwards?|after that)\b")


def _onward(seg_body: list[_Mention]) -> list[_Mention]:
    """The stops a segment goes on to from the last stop told: from its first onward cue."""
    for i, m in enumerate(seg_body[1:], 1):
        if _ONWARD.search(m.cue):
            return seg_body[i:]
    return []


def _better(a: _Mention, b: _Mention) -> _Mention:
    """Keep the more precise of two mentions of one stop; remember both."""
    keep, drop = (b, a) if _precision(b) < _precision(a) else (a, b)
    keep.also.extend([drop.start, *drop.also])
    keep.sentences.extend(s for s in drop.sentences if s not in keep.sentences)
    if Role.DEPARTURE in (a.role, b.role):
        keep.role = Role.DEPARTURE
    keep.first_stop = a.first_stop or b.first_stop
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
        en_route
        and len(body) >= 2
        and len(seg_body) >= 2
        and all(m.role is Role.STOP for m in seg_body)
        and not any(_same(m, body[0], gaz, nested=False) for m in seg_body)
        and not all(any(_same(m, t, gaz) for m in seg_body) for t in body[1:])
    ):
        # "it came down five times on the way: Rome, Beirut, Khartoum ...": the stops between
        # the first and the last, in this order; those told already merge into them
        inner = []
        for m in seg_body:
            for t in body[1:]:
                if _same(m, t, gaz):
                    body.remove(t)
                    m = _better(t, m)
                    break
            inner.append(m)
        begin = max(1, len(body) - 1)
        body[begin:begin] = inner
        itinerary[:] = body + tail + seg_returns
        return begin
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
        onward = _onward(seg_body)
        body[begin:begin] = [m for m in seg_body if m not in onward]
        body.extend(onward)
    elif en_route and len(body) >= 2 and all(m.role is Role.STOP for m in seg_body):
        begin = len(body) - 1
        body[begin:begin] = seg_body
    elif (
        seg_body
        and seg_body[0].role is Role.DEPARTURE
        and body
        and not any(m.role is Role.DEPARTURE for m in body)
    ):
        # "It had departed Fort Bliss, and after refuelling it continued on to Kuwait City":
        # the departure goes first, the stops it went on to after those told so far
        onward = _onward(seg_body)
        begin = 0
        body[0:0] = [m for m in seg_body if m not in onward]
        body.extend(onward)
    elif (
        (leg_end := _last_leg_end(body)) is not None
        and seg_body
        and all(
            m.role is Role.STOP
            and not _ONWARD.search(m.cue)
            # "Day 2 We will head for Iraklion", "Day 3, Luxor": the next leg, not one before
            and not _NEXT_LEG.search(m.cue)
            for m in seg_body
        )
    ):
        # "flown from El Paso to Martha's Vineyard" ... "stopped in Crestview": on the way
        begin = leg_end
        body[begin:begin] = seg_body
    else:
        begin = len(body)
        body.extend(seg_body)
    itinerary[:] = body + tail + seg_returns
    return begin


_NEXT_LEG = re.compile(
    r"^a heading|\b(?:head(?:ed|ing|s)?|left|leave|set off|took off|take off|depart\w*)\s+for$"
    # "on the third and last leg of the trip, Modi will be in": a leg after those told
    r"|\b(?:last|final|next|second|third|fourth|fifth|sixth)\s+(?:and\s+\w+\s+)?"
    r"(?:leg|stage|hop|stop)\b"
)


def _last_leg_end(body: list[_Mention]) -> int | None:
    """Where the far end of the last leg told ("from El Paso to Martha's Vineyard") stands.

    Only when nothing told after that leg follows it in the itinerary: what
    comes after it there was told before it ("the high point was his arrival in
    Nagoya", in a trip's introduction).
    """
    if len(body) < 2:
        return None
    for k in range(len(body) - 1, 0, -1):
        if body[k].end_of_leg:
            return k if all(m.start < body[k].start for m in body[k + 1 :]) else None
    return None


#: A report with this many timed or tabled lines that name stops is read in their order.
_LOG_LINES = 3


#: A dated log's entry opens its line with the day: "June 25.—Left Richmond", "3 June 2003:
#: N379P departed", "Tuesday, 14 May - landed at Keflavik", "2024-03-30: arrived".
_DATE_LED = re.compile(
    r"^\W*(?:[A-Z][a-z]+day,?\s+)?"
    rf"(?:{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAME}"
    r"|(?:19|20)\d\d-\d\d-\d\d)"
    r"(?:,?\s+(?:19|20)\d\d)?\s*(?:\.?\s*[—–:-]|\.(?=\s*[A-Z])|,(?=\s*[A-Z]))"
)


def _logged(sentence: _Sentence, text: str) -> bool:
    """A log's or a schedule's line: a clock time or a date opens it, or it is a table's row.

    A date counts only where it opens the text's line, not a sentence within a paragraph.
    """
    return bool(
        _CLOCK.match(sentence.text)
        or _TABLE_ROW.match(sentence.text)
        or (
            (sentence.start == 0 or text[sentence.start - 1 : sentence.start] == "\n")
            and _DATE_LED.match(sentence.text)
        )
    )


def _order(
    sentences: Sequence[tuple[_Sentence, list[_Mention]]], text: str, gaz: Gazetteer
) -> list[_Mention]:
    itinerary: list[_Mention] = []
    anchor: int | None = None
    days_told: list[str] = []  # weekdays of the sentences with stops so far
    log_first: bool | None = None  # whether the report's log lines come before its prose
    logs = [(s, ms) for s, ms in sentences if _logged(s, text) and any(m.active for m in ms)]
    if len(logs) >= _LOG_LINES:
        # a schedule or log of its own ("9:50AM THE PRESIDENT departs ... 11:20AM arrives
        # Cedar Rapids"): its lines give the order, and the prose around them merges into it
        in_log = {s.index for s, _ in logs}
        sentences = [*logs, *((s, ms) for s, ms in sentences if s.index not in in_log)]
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
        logged = _logged(sentence, text)
        if logged and log_first is None and any(m.active for m in mentions):
            log_first = not itinerary
        # a log read after the story's prose ("This is the official schedule: 9:10am - Leaves
        # Delhi ...") retells the stops told, and is aligned on them like any sentence
        in_order = (logged and log_first is not False) or any(m.again for m in mentions)
        en_route = bool(_EN_ROUTE.search(sentence.text))
        for segment in [*(_segment(g) for g in chains), _segment(prose)]:
            if segment:
                # "returned to San Antonio via Dakar": the way home, after all told so far
                home_via = any(m.role is Role.RETURN for m in segment) and all(
                    m.via for m in segment if m.role is not Role.RETURN
                )
                anchor = _merge(
                    itinerary,
                    segment,
                    earlier,
                    anchor,
                    gaz,
                    in_order=in_order or home_via,
                    # "the route took it by way of Darwin and Cairo": on the way to the last stop
                    en_route=en_route or all(m.via for m in segment),
                    dated_earlier=dated_earlier,
                )
    vetoed = [m for _, ms in sentences for m in ms if m.veto]
    # a landing told plainly outweighs a denial elsewhere, which may be of another flight
    # ("set his plane down at Omsk" and "Post had not stopped at Omsk"); a plan does not
    itinerary = [
        m
        for m in itinerary
        if _landed(m) or not any(_same(m, v, gaz, nested=False) for v in vetoed)
    ]
    out: list[_Mention] = []
    for m in itinerary:
        if (
            out
            and out[-1].role is not Role.RETURN
            and m.role is not Role.RETURN
            and (
                _same(out[-1], m, gaz, nested=False)
                # "fly to Wisconsin for a campaign stop in Milwaukee": the city refines the state
                or (
                    _area(out[-1])[0] in (StopKind.REGION, StopKind.COUNTRY)
                    and m.sentence == out[-1].sentence
                    and _same(out[-1], m, gaz)
                )
            )
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
    return _first_stop_first(_diversion_on_the_way(out))


def _diversion_on_the_way(out: list[_Mention]) -> list[_Mention]:
    """A diversion told before the leg it cut short goes before that leg's end.

    "diverted to Shannon Airport this morning" then "was flying from Athens to JFK
    when it happened": Athens, Shannon, New York, where it went on to.
    """
    for i in range(1, len(out)):
        here, before = out[i], out[i - 1]
        if (
            here.role is not Role.RETURN  # "left Gander again" after: a stop all the same
            and _DIVERTED.search(here.cue)
            and before.end_of_leg
            and before.role is Role.STOP
            and here.start < before.start
            and here.sentence != before.sentence
        ):
            out[i - 1], out[i] = here, before
            if i > 1:
                here.role = Role.STOP  # left again from the diversion: not the route's start
    return out


def _landed(m: _Mention) -> bool:
    """A stop a rule read from words of landing there, not a plan or a scored guess."""
    return (
        m.role is Role.STOP
        and not m.planned
        and m.confidence is None
        and bool(_LANDED_CUE.search(m.cue))
    )


_LANDED_CUE = re.compile(
    r"\b(?:landed|landing|touched down|set [\w'’ -]+ down|put [\w'’ -]+ down|came down"
    r"|arrived|reached)\b"
)


def _first_stop_first(out: list[_Mention]) -> list[_Mention]:
    """The one stop the report calls the first goes right after the departure.

    "The plan is to fly via Prague ... Today's first stop will be in Germany, at
    Höxter-Holzminden": told after Prague, flown before it.
    """
    marked = [i for i, m in enumerate(out) if m.first_stop and m.role is Role.STOP]
    if len(marked) != 1:
        return out
    at = next((i for i, m in enumerate(out) if m.role is not Role.DEPARTURE), len(out))
    (i,) = marked
    if i <= at:
        return out
    return [*out[:at], out[i], *out[at:i], *out[i + 1 :]]
