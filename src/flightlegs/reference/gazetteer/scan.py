"""Find the places named in a text: names, abbreviations and airport codes.

The scanner walks the text's tokens, matches the longest name at each, and
keeps a code or an ambiguous word only where the context says it is a place.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

from flightlegs.core.files import MAX_TEXT_CHARS
from flightlegs.core.route import StopKind
from flightlegs.errors import InputError
from flightlegs.reference.airports import _rows
from flightlegs.reference.gazetteer.folding import _JOIN_GAP, _Token, _tokens, fold
from flightlegs.reference.gazetteer.names import (
    _AREAL_WORDS,
    _FIRST_RANK_REGIONS,
    _GENERIC_WORDS,
    _WELL_KNOWN_REGIONS,
    BASE_KIND_ABBREVIATIONS,
    BASE_KINDS,
    CLOSED_SUFFIX,
    CODE_STOPLIST,
    COMMON_WORDS,
)
from flightlegs.reference.gazetteer.places import Place, PlaceMention
from flightlegs.reference.gazetteer.store import _EXACT, _FIELD, _GUARDED, _TITLE, _TOWN, _Reading

if TYPE_CHECKING:
    from flightlegs.core.airport import Airport
    from flightlegs.reference.gazetteer.index import Gazetteer

__all__ = ["MAX_TEXT_LENGTH", "find_mentions"]

#: Longest text :meth:`Gazetteer.find_mentions` accepts, in characters.
MAX_TEXT_LENGTH: Final = MAX_TEXT_CHARS


def find_mentions(gaz: Gazetteer, text: str) -> list[PlaceMention]:
    """Find place names and airport codes in text (see :meth:`Gazetteer.find_mentions`)."""
    if not isinstance(text, str):
        raise InputError(f"text to scan must be a string, not {type(text).__name__}")
    if len(text) > MAX_TEXT_LENGTH:
        raise InputError(
            f"text of {len(text):,} characters is longer than the {MAX_TEXT_LENGTH:,} accepted"
        )
    toks = _tokens(text)
    mentions: list[PlaceMention] = []
    people: set[str] = set()  # words the text uses as a person's name ("Thomas Cartwright")
    i = 0
    n = len(toks)
    while i < n:
        if _is_date_month(toks, i):
            i += 1  # "on 14 October", "May 3": a date, not the airport or town of that name
            continue
        found = _match_names(gaz, text, toks, i)
        if found is not None and (named := found[0]) is not None:
            # "Boston Logan", "Milan Linate": a city and one of its airports, not a person
            joined = _city_airport(gaz, text, toks, named, found[1])
            if joined is not None:
                found = joined
            elif found[1] == i + 1:
                found = (_unless_a_name(gaz, text, toks, i, named, mentions), i + 1)
                if (
                    found[0] is None
                    and i > 0
                    and _capitalised_neighbour(text, toks[i - 1], toks[i])
                    and not (mentions and mentions[-1].end == toks[i - 1].end)
                    and toks[i - 1].raw.isalpha()
                    and toks[i - 1].raw.istitle()
                ):
                    people.add(toks[i].folded)  # "Thomas Cartwright": a first name, then this
            if found[0] is not None and found[0].end == named.end:
                found = (_with_fields(gaz, toks[i : found[1]], found[0]), found[1])
        if found is None:
            found = _match_code(gaz, text, toks, i)
        if found is None:
            found = _match_after_comma(gaz, text, toks, i, mentions)
        if found is None:
            found = _misspelt_at(gaz, text, toks, i)
        if found is None:
            i += 1
            continue
        mention, i = found
        if mention is not None:
            mentions.append(_with_possessive(text, mention))
    return _narrow_by_context(text, _drop_lone_fields(_unless_named_people(mentions, people)))


def _unless_named_people(mentions: list[PlaceMention], people: set[str]) -> list[PlaceMention]:
    """A word the text uses as someone's name is that person wherever it stands alone.

    "according to Thomas Cartwright ... Cartwright said": the surname, named in full
    once, is not the town in Labrador later on.
    """
    if not people:
        return mentions
    out = []
    for m in mentions:
        if " " not in m.text and fold(m.text) in people:
            kept = tuple(p for p in m.places if not _name_prone(p))
            if not kept:
                continue
            m = PlaceMention(m.start, m.end, m.text, kept, m.demonym)
        out.append(m)
    return out


def _with_possessive(text: str, mention: PlaceMention) -> PlaceMention:
    """The name's own "'s" (St. John's), which the words of the name leave out."""
    tail = text[mention.end : mention.end + 2]
    if tail not in ("'s", "’s") or text[mention.end + 2 : mention.end + 3].isalnum():
        return mention
    if not mention.places[0].name.endswith(("'s", "’s")):
        return mention
    end = mention.end + 2
    return dataclasses.replace(mention, end=end, text=text[mention.start : end])


_MONTHS: Final = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
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
    ]
)


def _is_date_month(toks: Sequence[_Token], i: int) -> bool:
    """A month's name beside a day or a year ("14 October", "May 3", "March 2024")."""
    if toks[i].folded not in _MONTHS:
        return False
    before = toks[i - 1].raw if i > 0 else ""
    after = toks[i + 1].raw if i + 1 < len(toks) else ""
    return any(re.fullmatch(r"\d{1,4}(?:st|nd|rd|th)?[.,]?", t) for t in (before, after))


@functools.lru_cache(maxsize=4096)
def _airport_words(ap: Airport) -> frozenset[str]:
    """The folded words of an airport's name and other names."""
    return _words_of(f"{ap.name} {ap.keywords.replace(',', ' ')}")


@functools.lru_cache(maxsize=4096)
def _words_of(name: str) -> frozenset[str]:
    return frozenset(fold(name).split())


def _city_airport(
    gaz: Gazetteer, text: str, toks: Sequence[_Token], mention: PlaceMention, j: int
) -> tuple[PlaceMention, int] | None:
    """A city and the name of one of its airports, read as that airport.

    "Boston Logan", "Milan Linate", "Dallas Love Field", "Houston Hobby": the
    words after the city must all be words of the airport's name or of its
    other names, and not only generic ones ("Airport", "International").
    """
    cities = [p for p in mention.places[:2] if p.kind is StopKind.CITY]
    if not cities or j >= len(toks) or text[mention.end : toks[j].start] not in (" ", "-"):
        return None
    run = 1
    while (
        run < 3
        and j + run < len(toks)
        and text[toks[j + run - 1].end : toks[j + run].start] in (" ", "-")
    ):
        run += 1
    for k in range(run, 0, -1):
        span = toks[j : j + k]
        if not all(t.raw[:1].isupper() for t in span):
            continue
        words = [t.folded for t in span if t.folded not in _GENERIC_WORDS]
        if not words or (len(words) == 1 and len(words[0]) < 3):
            continue
        for city in cities:
            city_words = _words_of(city.name)
            for ap in gaz.airports_in(city):
                named = _airport_words(ap)
                code = k == 1 and span[0].raw in (ap.iata, ap.icao)  # "New York JFK"
                if code or (
                    all(w in named for w in words) and not all(w in city_words for w in words)
                ):
                    end = span[-1].end
                    place = Place.for_airport(ap)
                    joined = PlaceMention(
                        mention.start, end, text[mention.start : end], (place,), False
                    )
                    return joined, j + k
    return None


def _run_length(gaz: Gazetteer, text: str, toks: Sequence[_Token], i: int) -> int:
    limit = min(gaz._ix.ngram.get(toks[i].folded, 0), len(toks) - i)
    run = 1
    while run < limit and _JOIN_GAP.fullmatch(text, toks[i + run - 1].end, toks[i + run].start):
        run += 1
    return run if limit else 0


_OWNERS_FIELD: Final = re.compile(
    r"['’]s\s+(?:Field|Airfield|Strip|Airstrip|Farm|Ranch|Landing|Meadow|Pasture|Paddock)\b"
)


def _unless_a_name(
    gaz: Gazetteer,
    text: str,
    toks: Sequence[_Token],
    i: int,
    mention: PlaceMention,
    before: list[PlaceMention],
) -> PlaceMention | None:
    """Drop city, airport and minor-region readings of a word that is part of a person's name.

    "Thomas Cartwright", "Kurt Campbell", "Nancy Pelosi": a one-word place
    right after or right before another capitalised word (with only a space
    between) that is neither a place nor a common lead-in word ("In",
    "From", "Central") is taken for a name.
    """
    if mention.demonym:
        return mention
    prone = [p for p in mention.places if _name_prone(p)]
    if not prone:
        return mention
    # "Lester's Field", "Wiley's Strip": an owner's name, not the town of the same name
    person = bool(_OWNERS_FIELD.match(text, toks[i].end))
    if not person and i > 0 and _capitalised_neighbour(text, toks[i - 1], toks[i]):
        person = not (before and before[-1].end == toks[i - 1].end)
    if not person and i + 1 < len(toks) and _capitalised_neighbour(text, toks[i], toks[i + 1]):
        nxt = _match_names(gaz, text, toks, i + 1) or _match_code(gaz, text, toks, i + 1)
        # "George Bush Intercontinental Airport": the first name of an airport's namesake
        person = (
            nxt is None
            or nxt[0] is None
            or (nxt[1] > i + 2 and all(p.kind is StopKind.AIRPORT for p in nxt[0].places))
            # "George Bush": two towns side by side are a person's names, not two places
            or (
                any(p.kind is StopKind.CITY for p in mention.places)
                and all(p.kind is StopKind.CITY for p in nxt[0].places)
            )
        )
    if not person:
        return mention
    kept = tuple(p for p in mention.places if not _name_prone(p))
    if not kept:
        return None
    return PlaceMention(mention.start, mention.end, mention.text, kept, mention.demonym)


def _match_names(
    gaz: Gazetteer, text: str, toks: Sequence[_Token], i: int
) -> tuple[PlaceMention | None, int] | None:
    run = _run_length(gaz, text, toks, i)
    for k in range(run, 0, -1):
        span = toks[i : i + k]
        key = " ".join(t.folded for t in span) if k > 1 else span[0].folded
        if key in gaz._ix.blockers and _has_upper(span):
            return None, i + k
        readings = gaz._readings(key)
        if not readings:
            if (field := _named_field(gaz, text, toks, i, k, key)) is not None:
                return field, i + k
            continue
        raw = " ".join(t.raw for t in span)
        if k == 1 and _looks_like_code(span[0].raw) and _is_code(gaz, span[0].raw):
            exact = [r for r in readings if r.mode == _EXACT and raw in (r.spellings or ())]
            if not exact:
                return None  # an upper-case code: let the code matcher have it
        accepted = [r for r in readings if r.prose and _accepts(r, raw, span, text)]
        weak = False
        if not accepted:
            accepted = _guarded(gaz, text, toks, i + k, readings)
            if not accepted:
                accepted, weak = _flown_field(gaz, text, toks, i, k, readings)
            if not accepted:
                continue
        if _COUNTY_AFTER.match(text, span[-1].end) and all(
            r.place.kind in (StopKind.CITY, StopKind.AIRPORT) for r in accepted
        ):
            # "Oakland County, MI", "Orange County, California": a county named for a
            # city, which may lie in another state (the state named after it says where)
            return None, i + k + 1
        start, end = span[0].start, span[-1].end
        mention = (_WeakMention if weak else PlaceMention)(
            start,
            end,
            text[start:end],
            tuple(r.place for r in accepted),
            all(r.demonym for r in accepted),
        )
        return mention, i + k
    return None


def _named_field(
    gaz: Gazetteer, text: str, toks: Sequence[_Token], i: int, k: int, key: str
) -> PlaceMention | None:
    """A small field the index keeps out of prose, named beside an airport word.

    "from Texel International Airport", "at the airfield of Höxter-Holzminden": the
    field's name without its generic words, where the report says it is an airfield,
    or where a flight verb governs the name ("fly to Wellesbourne"), which no other
    place bears.
    """
    span, j = toks[i : i + k], i + k
    idents = gaz._ix.tail.get(key)
    if not idents or not _has_upper(span) or key in COMMON_WORDS:
        return None
    words = key.split()
    while words and words[-1] in _GENERIC_WORDS:
        words.pop()
    if words != key.split() and gaz._readings(" ".join(words)):
        return None  # "the Louth Airport strip": the town first, its field a later reading
    start, end = span[0].start, span[-1].end
    lead = text[max(0, start - 40) : start]
    places = tuple(dict.fromkeys(gaz._place(~row) for row in _rows(idents)))
    if not (
        _FIELD_AFTER.match(text, end)
        or _FIELD_BEFORE.search(lead[-30:])
        or (_leads(_FLY_TO, lead) and _alone(text, span))  # "fly to Wellesbourne"
        # a leg line: "Day 1 : Rayne - Alderney", "Coulommiers - Abbeville 1hr05 - Rayne"
        or _LEG_AFTER.match(text, end)
        or _LEG_BEFORE.search(lead)
    ):
        places, weak = _field_evidence(gaz, text, toks, j, span, places)
        if weak and places:
            return _WeakMention(start, end, text[start:end], places)
    return PlaceMention(start, end, text[start:end], places) if places else None


@dataclasses.dataclass(frozen=True)
class _WeakMention(PlaceMention):
    """A small field found by a word of travel alone: kept if the text names its country again."""


def _drop_lone_fields(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Keep each :class:`_WeakMention` whose country another place of the text lies in.

    "Captain Jones", "left Brooklands (England)": a word before a name is thin
    evidence that it is some small field abroad; a field in a country the
    report names elsewhere ("to Archerfield", beside Mareeba and Emerald) is kept.
    """
    countries = {p.country for m in mentions if not isinstance(m, _WeakMention) for p in m.places}
    return [
        PlaceMention(m.start, m.end, m.text, kept, m.demonym) if isinstance(m, _WeakMention) else m
        for m in mentions
        if not isinstance(m, _WeakMention)
        or (kept := tuple(p for p in m.places if p.country in countries))
    ]


#: A field's own code in brackets after its name: "Minute Man Field (6B6)", "Fredricktown (H88)".
_CODE_AFTER: Final = re.compile(r"\s*\(([A-Z0-9]{3,4})\)")
#: A word that takes an aircraft to or from the name after it, in a sentence about flying.
_TRAVEL_LEAD: Final = re.compile(
    r"\b(?:from|into|out of|via|leaving|left|departed|departing|reached"
    r"|(?:north|south|east|west)(?:east|west)?(?:wards?)? to|back to"
    r"|(?:went|go|goes|going|got \w+|took \w+|flies \w+|on|over|up|down|across) to)\s+$"
)
_FLIGHT_NEAR: Final = re.compile(
    r"\b(?:fl(?:y|ies|ew|own|ying|ight|ights)|land(?:ed|ing|s)?|touch(?:ed)? down|took off"
    r"|take-?off|airborne|aircraft|plane|pilot|ferry|leg|runway|refuell?(?:ed|ing)?|fuel stop"
    r"|depart\w*|arriv\w*)\b",
    re.I,
)
_SENTENCE_END: Final = re.compile(r"[.!?](?=\s)|\n\s*\n")


#: A bare preposition of travel, read with a flight word in the sentence ("a leg to").
_TO_AT: Final = re.compile(r"\b(?:to|at|in|into|from)\s+$")
#: A diary's present tense: "we refuel at", "stop in".
_DIARY_STOP: Final = re.compile(r"\b(?:refuels?|stops?|arrives?|lands?) (?:at|in)\s+$")
#: A name misspelt by one letter in seven ("Elborton"), two from ten ("Tenneant Creek").
_MISSPELT_MIN: Final = 7
_MISSPELT_TWO: Final = 10


def _misspelt_at(
    gaz: Gazetteer, text: str, toks: Sequence[_Token], i: int
) -> tuple[PlaceMention, int] | None:
    """An unknown name a flight verb governs, read as the place it is one or two letters from.

    Old reports and hurried blogs misspell the towns they fly to ("we refuel at
    Elborton", "landed at Tenneant Creek", "Provodencialis"). Where "landed at",
    "flew to" or the like governs a capitalised name the gazetteer does not
    know, the name is read as the one place name, read in prose, that is
    nearest in spelling: at most one letter off in a name of seven letters, two
    in a name of ten, and no other name as near.
    """
    first = toks[i]
    if not first.raw[:1].isupper() or first.raw.isupper() or first.folded in COMMON_WORDS:
        return None
    lead = text[max(0, first.start - 40) : first.start]
    governed = bool(
        _leads(_FLOWN_TO, lead)
        or _leads(_FLY_TO, lead)
        or _leads(_FIELD_LEAD, lead)
        or _leads(_DIARY_STOP, lead)
        or (_TO_AT.search(lead) and _flight_near(text, first.start, first.end))
    )
    for k in (2, 1):
        span = toks[i : i + k]
        if len(span) < k or not all(t.raw[:1].isupper() for t in span):
            continue
        if k == 2 and not _JOIN_GAP.fullmatch(text, span[0].end, span[1].start):
            continue
        word = "".join(t.folded for t in span)
        if (
            len(word) < _MISSPELT_MIN
            or not word.isalpha()
            or gaz._readings(" ".join(t.folded for t in span))
        ):
            continue  # too short to tell, or a name the gazetteer knows (a field read by rules)
        start, end = span[0].start, span[-1].end
        areas: set[str | None] = set()
        if not governed:
            # "the next fuel stop, Landcaster, South Carolina": the region after it says so
            if i + k >= len(toks) or not _comma_between(text, end, toks[i + k].start):
                continue
            follow = _region_at(gaz, text, toks, i + k)
            if follow is None:
                continue
            areas = {a.region or a.country for a in follow[0]}
        key = gaz._misspelt(word, 2 if len(word) >= _MISSPELT_TWO else 1)
        if key is None:
            continue
        places = tuple(r.place for r in gaz._readings(key) if r.prose)
        if not governed:
            places = tuple(p for p in places if p.region in areas or p.country in areas)
            if not places:
                continue
        return PlaceMention(start, end, text[start:end], places), i + k
    return None


def _field_evidence(
    gaz: Gazetteer,
    text: str,
    toks: Sequence[_Token],
    j: int,
    span: Sequence[_Token],
    places: tuple[Place, ...],
) -> tuple[tuple[Place, ...], bool]:
    """The small fields of ``places`` the words around their name point to; none if no word does.

    A small field's name is kept out of running text, where such a word is most
    often something else, unless the text says which field it is: its own code
    in brackets after it ("Minute Man Field (6B6)"), the region or country
    that holds it after a comma ("Duxford, England", "Fredricktown, MO"), or a
    word of travel before it in a sentence about flying ("leaving Tedderfield",
    "a ferry flight south to Archerfield"). The last is weak evidence: ``True``
    with the places says so.
    """
    start, end = span[0].start, span[-1].end
    code = _CODE_AFTER.match(text, end)
    if code is not None:
        own = tuple(
            p
            for p in places
            if p.airport is not None
            and code.group(1) in (p.airport.ident, p.airport.faa, p.airport.icao, p.airport.iata)
        )
        if own:
            return own, False
    if j < len(toks) and _comma_between(text, toks[j - 1].end, toks[j].start):
        follow = _region_at(gaz, text, toks, j)
        if follow is not None:
            areas = {a.region or a.country for a in follow[0]}
            held = tuple(p for p in places if p.region in areas or p.country in areas)
            if held:
                return held, False
    lead = text[max(0, start - 40) : start]
    if _TRAVEL_LEAD.search(lead) and _alone(text, span) and _flight_near(text, start, end):
        return places, True
    return (), False


def _flight_near(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``text[start:end]`` tells of flying."""
    left = max(0, start - 200)
    for m in _SENTENCE_END.finditer(text, left, start):
        left = m.end()
    right = _SENTENCE_END.search(text, end, min(len(text), end + 200))
    return bool(
        _FLIGHT_NEAR.search(text, left, right.start() if right else min(len(text), end + 200))
    )


def _alone(text: str, span: Sequence[_Token]) -> bool:
    """A name that is not the start of a longer one ("Southern California") nor a direction."""
    words = [t.folded for t in span]
    if all(w in _AREAL_WORDS for w in words):
        return False
    return not re.match(r"\s+[A-Z][a-z]", text[span[-1].end : span[-1].end + 3])


def _with_fields(gaz: Gazetteer, span: Sequence[_Token], mention: PlaceMention) -> PlaceMention:
    """A place matched in text, and after its readings the small fields named for it.

    "made Louth": the town in Lincolnshire first, and Louth's airstrip in New
    South Wales after it, for the route around the mention to choose; the
    field alone is never matched.
    """
    key = " ".join(t.folded for t in span)
    fields = [r.place for r in gaz._readings(key) if r.mode == _FIELD]
    if not fields:
        return mention
    places = (*mention.places, *(p for p in fields if p not in mention.places))
    return PlaceMention(mention.start, mention.end, mention.text, places, mention.demonym)


def _flown_field(
    gaz: Gazetteer,
    text: str,
    toks: Sequence[_Token],
    i: int,
    k: int,
    readings: Iterable[_Reading],
) -> tuple[list[_Reading], bool]:
    """A small field's name, kept where a flight verb governs it ("a fuel stop at Wilcannia").

    The short names of small airports are not matched in running text, where
    most such words are something else; after "landed at" or "made" they are
    the field.
    """
    span, j = toks[i : i + k], i + k
    raw = " ".join(t.raw for t in span)
    # small fields, open or closed ("left Lympne"), and small towns ("landed at Niebla")
    fields = [
        r
        for r in readings
        if not r.prose and r.mode == _TITLE and r.place.kind in (StopKind.AIRPORT, StopKind.CITY)
    ]
    if not fields or not _has_upper(span) or raw.isupper() or raw.lower() in COMMON_WORDS:
        return [], False
    # a field before a town of its name ("into Duxford": the aerodrome, then the village); and
    # "to Cameron County": a small town's name that begins a longer one is not the town
    towns = [r for r in fields if _small_town(r.place)] if _alone(text, span) else []
    fields = [r for r in fields if not _small_town(r.place)] + towns
    lead = text[max(0, span[0].start - 40) : span[0].start]
    if _FIELD_AFTER.match(text, span[-1].end):
        return fields, False  # "Texel International Airport", "Höxter airfield": the report says so
    kept, weak = _field_evidence(gaz, text, toks, j, span, tuple(r.place for r in fields))
    if _leads(_FLOWN_TO, lead) or _leads(_FIELD_LEAD, lead):
        # "set out from Croydon ... In England": the verb says it is a field; what the text
        # says around it, which of the fields of that name
        return ([r for r in fields if r.place in kept] or fields), weak and bool(kept)
    return [r for r in fields if r.place in kept], weak


def _small_town(place: Place) -> bool:
    """A town read only as a flight's stop, not a closed airfield.

    A GeoNames town of fewer than 15,000 people (``build._add_small_towns``), or the
    town of a small airport, which the index keeps out of prose the same way.
    """
    return place.kind is StopKind.CITY and not place.name.endswith(CLOSED_SUFFIX)


def _guarded(
    gaz: Gazetteer, text: str, toks: Sequence[_Token], j: int, readings: Iterable[_Reading]
) -> list[_Reading]:
    """Readings of a common word, kept when the next words name its region."""
    guarded = [r for r in readings if r.mode == _GUARDED]
    if not guarded or j >= len(toks) or not _comma_between(text, toks[j - 1].end, toks[j].start):
        return []
    follow = _region_at(gaz, text, toks, j)
    if follow is None:
        return []
    regions = {p.region or p.country for p in follow[0]}
    return [r for r in guarded if r.place.region in regions or r.place.country in regions]


def _region_at(
    gaz: Gazetteer, text: str, toks: Sequence[_Token], j: int
) -> tuple[tuple[Place, ...], int] | None:
    """A region or country named at token ``j``: by name or by state abbreviation."""
    run = _run_length(gaz, text, toks, j)
    for k in range(run, 0, -1):
        span = toks[j : j + k]
        key = " ".join(t.folded for t in span)
        raw = " ".join(t.raw for t in span)
        places = tuple(
            r.place
            for r in gaz._readings(key)
            if r.place.kind in (StopKind.REGION, StopKind.COUNTRY) and _accepts(r, raw, span)
        )
        if places:
            return places, j + k
    abbr = _abbreviation_at(gaz, text, toks, j)
    if abbr is not None:
        return (abbr[0],), abbr[1]
    return None


def _abbreviation_at(
    gaz: Gazetteer, text: str, toks: Sequence[_Token], j: int
) -> tuple[Place, int, int] | None:
    """A US state abbreviation at token ``j``: ``(place, next token, end offset)``."""
    abbrevs = gaz._ix.state_abbreviations
    for k in (2, 1):
        if j + k > len(toks):
            continue
        span = toks[j : j + k]
        if k == 2 and not _JOIN_GAP.fullmatch(text, span[0].end, span[1].start):
            continue
        key = "".join(t.raw for t in span)
        entry = abbrevs.get(key) or abbrevs.get(key.capitalize() if k == 1 else key)
        if entry is None:
            continue
        ref, postal = entry
        place = gaz._place(ref)
        end = span[-1].end
        if postal:
            if not key.isupper():
                continue
        elif not span[0].raw[:1].isupper():
            continue
        if end < len(text) and text[end] == ".":
            end += 1
        return place, j + k, end
    return None


def _match_after_comma(
    gaz: Gazetteer, text: str, toks: Sequence[_Token], i: int, mentions: list[PlaceMention]
) -> tuple[PlaceMention | None, int] | None:
    """A state abbreviation after "<place>, ", or a postal one after "<place> " (Alexandria LA)."""
    if not mentions or i == 0 or mentions[-1].end != toks[i - 1].end:
        return None
    comma = _comma_between(text, toks[i - 1].end, toks[i].start)
    if not comma and text[toks[i - 1].end : toks[i].start] != " ":
        return None
    found = _abbreviation_at(gaz, text, toks, i)
    if found is None:
        return None
    place, nxt, end = found
    if not comma and (
        nxt != i + 1
        or len(toks[i].raw) != 2
        or not any(p.country == "US" and p.kind is not StopKind.REGION for p in mentions[-1].places)
    ):
        return None
    start = toks[i].start
    return PlaceMention(start, end, text[start:end], (place,)), nxt


def _is_code(gaz: Gazetteer, raw: str) -> bool:
    return raw not in CODE_STOPLIST and (raw in gaz._ix.iata or raw in gaz._ix.icao)


def _match_code(
    gaz: Gazetteer, text: str, toks: Sequence[_Token], i: int
) -> tuple[PlaceMention, int] | None:
    tok = toks[i]
    raw = tok.raw
    if not _looks_like_code(raw) or raw in CODE_STOPLIST:
        return None
    if _REGISTRATION_PREFIX.search(text, max(0, tok.start - 4), tok.start):
        return None  # "HA-ANI", "VH-EAJ", "G-ABCD": an aircraft's registration mark
    if raw in BASE_KIND_ABBREVIATIONS and _NAME_AFTER.match(text, tok.end):
        return None  # "NAS Sigonella", "CFB Trenton": the kind of base before its name
    places = gaz._code_places(raw)
    if not places and len(raw) == 4:
        places = _named_code(gaz, text, toks, i)
        if places:
            return PlaceMention(tok.start, tok.end, raw, places), i + 1
    if not places or _in_capitals(gaz, text, toks, i) or not _code_context(gaz, text, toks, i):
        return None
    return PlaceMention(tok.start, tok.end, raw, places), i + 1


_NAME_AFTER: Final = re.compile(r"\s+[A-Z][a-z]")


def _named_code(gaz: Gazetteer, text: str, toks: Sequence[_Token], i: int) -> tuple[Place, ...]:
    """A small field's ICAO code just after its name: "Koblenz-Winningen EDRK".

    The codes of small fields are not read alone in text, where most such
    tokens are something else; after a word of the field's own name they are
    the field.
    """
    if not i or not text[toks[i - 1].end : toks[i].start].isspace():
        return ()
    word = toks[i - 1].folded
    return tuple(
        Place.for_airport(a)
        for a in gaz._table.find(toks[i].raw)
        if a.icao == toks[i].raw and word in _airport_words(a)
    )


#: The nationality mark and dash of a registration ("HA-", "VH-", "G-", "5Y-"); no airport
#: code has one or two characters, so a chain of codes never looks like this.
_REGISTRATION_PREFIX: Final = re.compile(r"(?<![\w-])[A-Z0-9]?[A-Z]-$")


def _code_context(gaz: Gazetteer, text: str, toks: Sequence[_Token], i: int) -> bool:
    """Whether the words around an upper-case token make it an airport code.

    Codes are joined by dashes or slashes ("ELP-ANC"), bracketed
    ("(ELP)"), fill a cell of a table, stand next to another code, or follow or precede a word of
    travel ("from ELP", "to ANC", "via ICN", "ELP airport"). "The BJP said"
    is not an airport.
    """
    tok = toks[i]
    before = text[toks[i - 1].end if i else max(0, tok.start - 3) : tok.start]
    after = text[tok.end : toks[i + 1].start if i + 1 < len(toks) else tok.end + 3]
    if "(" in before and ")" in after:
        return True
    if any(c in before for c in "|\t") and (any(c in after for c in "|\t\n") or not after.strip()):
        return True  # a cell of a table: "06/28 | KBGR | CYYR | 3.1"
    joined = "-–—/>→"
    if i and any(c in before for c in joined) and _code_at(gaz, toks[i - 1]):
        return True
    if i + 1 < len(toks) and any(c in after for c in joined) and _code_at(gaz, toks[i + 1]):
        return True
    if i and before.isspace():
        prev = toks[i - 1]
        if prev.folded in _CODE_LEAD or (_looks_like_code(prev.raw) and _is_code(gaz, prev.raw)):
            return True

    if i + 1 < len(toks) and after.isspace():
        nxt = toks[i + 1]
        if nxt.folded in _CODE_TRAIL or _code_at(gaz, nxt):
            return True
    return False


def _code_at(gaz: Gazetteer, tok: _Token) -> bool:
    return _looks_like_code(tok.raw) and _is_code(gaz, tok.raw)


def _in_capitals(gaz: Gazetteer, text: str, toks: Sequence[_Token], i: int) -> bool:
    """Whether token ``i`` stands among upper-case words that are not codes (a headline)."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(toks):
            continue
        a, b = (toks[j].end, toks[i].start) if j < i else (toks[i].end, toks[j].start)
        if not text[a:b].isspace():
            continue
        raw = toks[j].raw
        if len(raw) >= 3 and raw.isalpha() and raw.isupper() and not _is_code(gaz, raw):
            return True
    return False


# words that make the upper-case token after them an airport code ("from ELP")
_CODE_LEAD: Final = frozenset(
    """
    from to via at in into of through and or then between left leaving departed departing
    departs arrived arriving arrives landed landing lands reached reaching for over near
    toward towards back return returned returning stop stopped stopover refuel refueled
    refuelled refueling refuelling diverted routed flew flying flies fly continued onward
    airport airports out dep depart arr arrive dest destination orig origin code icao iata
    """.split()  # noqa: SIM905
)
# words that make the upper-case token before them an airport code ("ELP to")
_CODE_TRAIL: Final = frozenset(
    "to and or then via airport international before after".split()  # noqa: SIM905
)
# capitalised words that may stand next to a place without making it a person's name
_LEAD_INS: Final = frozenset(
    """
    from to in at via and the of for on into near over through back then or a an by with
    toward towards between outside inside across leaving left landed arrived departed
    flight flights airport international air base city county state province region island
    bay north south east west central northern southern eastern western northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern upper lower
    greater downtown metro rural coastal inland monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october
    november december where when while after before during since until via flew fly flying
    reached reaching reaches arriving arrives departing departs leaving lands landing stopped
    refuelled refueled returned returning diverted continued headed crossed passed visited
    """.split()  # noqa: SIM905
)


def _name_prone(place: Place) -> bool:
    """Readings a person's name is often mistaken for: cities, airports, minor regions."""
    if place.kind in (StopKind.CITY, StopKind.AIRPORT):
        return True
    return place.kind is StopKind.REGION and (place.country or "") not in (
        _FIRST_RANK_REGIONS | _WELL_KNOWN_REGIONS
    )


def _capitalised_neighbour(text: str, left: _Token, right: _Token) -> bool:
    """Whether two tokens stand side by side, only spaces between, both capitalised words."""
    if text[left.end : right.start] not in (" ", "  "):
        return False
    for tok in (left, right):
        if not (tok.raw[:1].isupper() and tok.raw[1:2].islower()):
            return False
    # "McChord Field", "Ramstein Air Base": an airport word after a name is no surname; nor
    # before one ("Naval Air Station Sigonella")
    return (
        left.folded not in _LEAD_INS | _GENERIC_WORDS
        and right.folded not in _LEAD_INS | _GENERIC_WORDS
    )


def _looks_like_code(raw: str) -> bool:
    return len(raw) in (3, 4) and raw.isascii() and raw.isalpha() and raw.isupper()


#: More words that put an aircraft down at a small field ("made Louth", "a fuel stop at Cobar").
#: An airport word after a small field's name: "Texel International Airport", "Lydd airfield".
_FIELD_AFTER: Final = re.compile(
    r"\s+(?:(?:International|Regional|Municipal|County)\s+)?(?i:airport|airfield|aerodrome"
    r"|airstrip|air strip|strip|flugplatz|flugplatzes)\b"
    # "Minute Man Field", "Tedderfield Air Park": written as part of the name
    r"|\s+(?:Air\s+)?(?:Field|Park)\b|\s+Airpark\b"
)
_FIELD_BEFORE: Final = re.compile(
    r"\b(?i:airfield|airstrip|aerodrome|airport|strip|flugplatz)\s+(?:of|at|in|near)?\s*$"
    # "Naval Air Station Sigonella", "RAF Lakenheath": a base's kind before its name
    r"|\b(?:"
    + "|".join(sorted((*BASE_KINDS, *BASE_KIND_ABBREVIATIONS), key=len, reverse=True))
    + r")\s+$"
)
#: "to Plymouth", "- Wick" after a line's first word: a leg from that place.
_LEG_AFTER: Final = re.compile(r"\s+(?:to|[-–—])\s+[A-Z][a-z]")
#: ", FL" after a town: its state's postal code.
_STATE_AFTER: Final = re.compile(r",\s*[A-Z]{2}\b(?![.'’-]?[A-Za-z])")
#: "Abbeville 1hr05 - " before a line's next name: the leg before it, with its time.
_LEG_BEFORE: Final = re.compile(r"[A-Z][a-z]+(?:\s+\d[\w.:]*)?\s+[-–—]\s+$")
#: A flight verb that puts an aircraft down at a field, in the past or the diary's present.
_FLY_TO: Final = re.compile(
    r"\b(?:fl(?:y|ies|ew|own|ying)|land(?:s|ed|ing)?|touch(?:es|ed)? down|night-?stop(?:s|ped)?"
    r"|put(?:s|ting)? down)(?: \w+ly| on| back| again| us| them| him| her| it| me)?"
    r" (?:to|at|in|into)\s+$"
)
_FIELD_LEAD: Final = re.compile(
    r"\b(?:made|put down (?:at|in)|overnighted (?:at|in)|(?:fuel|rest|lunch|technical"
    r"|refuell?ing|overnight)\s+(?:stop|landing|break)s?\s+(?:at|in)"
    # "off we went westbound, first stop Chinchilla"
    r"|(?:first|next|second|third|last|final)\s+(?:stop|landing)(?:\s+(?:was|at|in))?,?)\s+$"
)


#: A capital that begins a sentence or a line, before a word in lower case.
_SENTENCE_CAPITAL: Final = re.compile(r"(?:^|(?<=[\n.!?;:])\s*)[A-Z](?=[a-z])")


def _leads(pattern: re.Pattern[str], lead: str) -> bool:
    r"""Whether the words before a name match ``pattern``, also where they begin a sentence.

    A log's line or a diary's sentence begins with the verb ("Landed at Tours",
    "Refuelled at Cahors"), which the patterns hold in lower case.

    Examples
    --------
    >>> _leads(re.compile(r"\blanded at\s+$"), "Landed at ")
    True
    """
    if pattern.search(lead):
        return True
    lowered = _SENTENCE_CAPITAL.sub(lambda m: m[0].lower(), lead)
    return lowered != lead and bool(pattern.search(lowered))


#: A county's word after a name: the county, not the town ("Oakland County").
_COUNTY_AFTER: Final = re.compile(
    r"\s+(?:County|Parish|Borough)\b(?!\s+(?i:airport|regional|international|int|airfield|field))"
)


def _has_upper(span: Sequence[_Token]) -> bool:
    return any(not t.raw.islower() for t in span)


#: A flight verb and its preposition just before a name: the name is a place, whatever else
#: the word means ("flew on to Wick", "landed at Mobile", "refuelled in Split").
_FLOWN_TO: Final = re.compile(
    r"\b(?:landed|landing|lands|touched down|arrived|arriving|arrives|stopped|stopping"
    r"|refuell?ed|refuell?ing|diverted|diverting|departed|departing|flew|flown|flying"
    r"|continued|continuing|headed|heading|bound)(?: \w+ly| on| back| again)?"
    r" (?:to|at|in|into|from|for|via)\s+$"
    # "landed in formation at Hourtin", "came down safely at Trentham"
    r"|\b(?:landed|came down|touched down|put down)(?: [a-z]+){1,3} (?:at|in)\s+$"
    r"|\bcame down (?:at|in)\s+$"
    # "Plymouth to Hourtin (Bordeaux). 380 miles.": a log's leg line, from its first name
    r"|(?:^|\n)[ \t>*-]*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+to\s+$"
    r"|\b(?:left|leaving|leaves|leave|reached|reaching|reaches|reach)\s+$"
    # "set out from Croydon on the morning of May 5", "has passed through Vienna"
    r"|\b(?:set|sets|setting|started|starting) (?:out|off) from\s+$|\btook off from\s+$"
    r"|\b(?:passed|passing|passes) through\s+$"
    r"|\b(?:via|by way of)\s+$"
    # "from Putian to Van": the second of a from-to pair
    r"|\bfrom\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?:to|for)\s+$"
    r"|\b(?:left|leaving|departed|departing)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+for\s+$"
)


def _accepts(reading: _Reading, raw: str, span: Sequence[_Token], text: str = "") -> bool:
    if reading.mode == _EXACT:
        return reading.spellings is not None and raw in reading.spellings
    if reading.mode == _TITLE:
        return _has_upper(span)
    if reading.mode == _TOWN:
        # "Most of the crew": a sentence's first word is upper case whatever it is
        lead = text[: span[0].start].rstrip(" \t\"'“‘([*-•")
        if _has_upper(span) and _LEG_AFTER.match(text, span[-1].end):
            return True  # "Felixstowe to Plymouth.": a log's leg line begins with the place
        if _has_upper(span) and _STATE_AFTER.match(text, span[-1].end):
            return True  # "* Opa-locka, FL": a town its state's postal code locates
        return _has_upper(span) and bool(lead) and lead[-1] not in ".!?:\n"
    # a common word stands alone only when written with an accent, which English words are not
    # ("Malé" is the Maldives' capital, "Male" may be the word; "Colón" the city, "Colon" not),
    # or where a flight verb governs it: "flew on to Wick", "landed at Mobile"
    if not _has_upper(span):
        return False
    if any(not c.isascii() and c.isalpha() for c in raw):
        return True
    lead = text[max(0, span[0].start - 40) : span[0].start]
    return _leads(_FLOWN_TO, lead)


def _comma_between(text: str, a: int, b: int) -> bool:
    gap = text[a:b]
    return gap.strip() == "," or gap.strip() == ".,"


def _narrow_by_context(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Put first the readings of "City, Region" that lie in the region that follows."""
    out = list(mentions)
    for i in range(len(out) - 1):
        here, nxt = out[i], out[i + 1]
        if not _comma_between(text, here.end, nxt.start) or len(here.places) < 2:
            continue
        areas = {p.region for p in nxt.places if p.kind is StopKind.REGION} | {
            p.country for p in nxt.places if p.kind is StopKind.COUNTRY
        }
        inside = [p for p in here.places if p.region in areas or p.country in areas]
        if inside:
            rest = [p for p in here.places if p not in inside]
            out[i] = PlaceMention(here.start, here.end, here.text, (*inside, *rest), here.demonym)
    return out
