"""Facts: the flight's date, the people aboard and the seats.

**Facts**: the aircraft (first aircraft mention in a sentence with stops,
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
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from flightlegs.read.report.layout import _Sentence
from flightlegs.read.report.mentions import _Mention, _overlaps

if TYPE_CHECKING:
    pass

__all__ = []


# --------------------------------------------------------------------------- facts


_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
#: A month's name, in full, short or in capitals, with no group of its own.
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    r"|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)\.?"
)
_MONTH = rf"(?P<month>{_MONTH_NAME})"
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
    """The dates written in ``text[start:end]``, in text order.

    The whole text is read once (the reader asks of many spans of one report).

    >>> [(d.month, d.day, d.year) for d in _dates("Left on 3 May 2020, back May 9.", 0, 31)]
    [(5, 3, 2020), (5, 9, None)]
    """
    return [d for d in _all_dates(text) if start <= d.start and d.end <= end]


@functools.lru_cache(maxsize=8)
def _all_dates(text: str) -> tuple[_Date, ...]:
    start, end = 0, len(text)
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
    return tuple(sorted(found, key=lambda d: d.start))


_MONTH_YEAR = re.compile(rf"\b(?:in\s+)?{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b")


def _months_before(text: str, start: int, end: int, flight: dt.date) -> list[str]:
    """Dates in ``text[start:end]`` earlier than the flight, as written; [] if any is not.

    Full dates count when more than :data:`_EARLIER_DAYS` before the flight, a month
    and year ("in September 2002") when its whole month is. A day without a year
    takes the year that puts it nearest the flight: "Jan. 16", told of a flight
    begun on 11 September 1911, is in 1912.

    >>> t = "seized at Kennedy Airport in September 2002 on his way home"
    >>> _months_before(t, 0, len(t), dt.date(2002, 10, 8))
    ['September 2002']
    >>> _months_before(t, 0, len(t), dt.date(2002, 9, 30))
    []
    >>> t = "by Jan. 16 he had reached Evergreen"
    >>> _months_before(t, 0, len(t), dt.date(1911, 9, 11))
    []
    """
    earlier: list[str] = []
    taken: list[tuple[int, int]] = []
    for d in _dates(text, start, end):
        taken.append((d.start, d.end))
        day = dt.date(d.year, d.month, d.day) if d.year else _nearest_year(d, flight)
        if day is None:  # 29 February in no year near the flight's
            continue
        if (flight - day).days <= _EARLIER_DAYS:
            return []
        earlier.append(text[d.start : d.end])
    for m in _MONTH_YEAR.finditer(text, start, end):
        if _overlaps(m.start("month"), m.end(), taken):
            continue
        if (int(m["year"]), _MONTHS[m["month"][:3].lower()]) >= (flight.year, flight.month):
            return []
        earlier.append(text[m.start("month") : m.end()])
    return earlier


#: A date told with a stop more than this many days before the flight's is another trip (a
#: tour or a circuit of flights runs over days, and the date read may be a later day's).
_EARLIER_DAYS = 10


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


def _nearest_year(d: _Date, reference: dt.date) -> dt.date | None:
    """A yearless date as the day of that name nearest the reference, before or after it.

    >>> _nearest_year(_Date(0, 6, 5, 24, None), dt.date(1930, 5, 5))
    datetime.date(1930, 5, 24)
    >>> _nearest_year(_Date(0, 6, 1, 2, None), dt.date(2023, 12, 28))
    datetime.date(2024, 1, 2)
    """
    guesses = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            guesses.append(dt.date(year, d.month, d.day))
        except ValueError:  # 29 February in a common year
            continue
    return min(guesses, key=lambda g: abs((g - reference).days)) if guesses else None


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

    told_first = first_year if not dated else None

    def resolve(d: _Date) -> dt.date | None:
        # "On 5 May 1930 she left Croydon ... on 24 May she landed at Darwin": a date told
        # after the narrative's own full date is the nearest such day to it, in either direction
        if (
            told_first is not None
            and reference is not None
            and d.year is None
            and d.start > told_first.start
        ):
            return _nearest_year(d, reference)
        return _resolve_date(d, reference)

    def in_sentences(indexes: Iterable[int]) -> list[_Date]:
        spans = [(sentences[i].start, sentences[i].end) for i in indexes]
        return [d for d in prose_dates if any(a <= d.start < b for a, b in spans)]

    full = [d for d in (resolve(x) for x in prose_dates) if d is not None]
    first = stops[0]
    for d in in_sentences(first.sentences):
        resolved = resolve(d)
        if resolved is not None:
            return resolved
    day_lines = [
        d
        for line in re.finditer(r"(?m)^[^\S\n]*(\S[^\n]*?)[^\S\n]*$", text[: first.start])
        for d in _dates(text, line.start(1), line.end(1))
        if (d.start, d.end) == (line.start(1), line.end(1)) and d.year
    ]
    if day_lines:  # a log's day line ("11 JUN 2024") heads the entries below it
        return resolve(day_lines[-1])
    anchor = full[0] if full else reference
    if anchor is not None:
        for i in first.sentences:
            s = sentences[i]
            w = _WEEKDAY.search(s.text)
            if w:
                return _weekday_before(w.group(1), anchor)
    for d in in_sentences(sorted({i for m in stops for i in m.sentences})):
        resolved = resolve(d)
        if resolved is not None:
            return resolved
    if full:
        return full[0]
    for d in header_dates:
        resolved = resolve(d)
        if resolved is not None:
            return resolved
    return None
