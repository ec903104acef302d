"""Mentions: every place a report names, with where it is in the text.

Names and codes come from the gazetteer, code chains and coordinates from
:func:`~flightlegs.read.chains.parse_chain`; overlapping readings are settled
here, before any verdict.

**Mentions** come from :mod:`flightlegs.reference.gazetteer.index` (names, codes),
:func:`flightlegs.read.chains.parse_chain` (code chains such as ``PHX-ELP-ANC``)
and the chain module's coordinate syntax (``35.33N 117.87W``). Names inside
an aircraft mention ("Global 7500") are dropped. A name's initials in
capitals after the name ("SPS" after "San Pedro Sula") mean that place,
not the airport that has them as its code (Wichita Falls).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flightlegs.core.route import Stop, StopKind
from flightlegs.errors import FlightlegsError
from flightlegs.read.report.model import Role

if TYPE_CHECKING:
    from flightlegs.reference.gazetteer.index import Gazetteer
    from flightlegs.reference.gazetteer.places import Place

__all__ = []


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
    planned: bool = False
    first: bool = False  # flown before the stops its sentence tells first
    first_stop: bool = False  # "the first stop will be in Germany": the first after the start
    end_of_leg: bool = False  # the far end of "from X to Y": later stops may come before it
    titled: bool = False  # where the report's title flies to ("Flight to The Pas")
    confidence: float | None = None
    why: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return self.role is not None and not self.reason

    @property
    def named(self) -> str:
        """The name of its likeliest place, or the name as written when it has none."""
        return self.places[0].name if self.places else self.text


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
            ka is not StopKind.CITY or a.places[0].name == b.places[0].name or _one_city(a, b, gaz)
        )
    if StopKind.AIRPORT in (ka, kb) and StopKind.CITY in (ka, kb):
        port, town = (a, b) if ka is StopKind.AIRPORT else (b, a)
        if port.within is not None and _alike(port.within, town.places[0]):
            return True  # "Joint Base Andrews airfield in Washington" and "Washington DC"
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


def _alike(a: Place, b: Place) -> bool:
    """Two readings of one name: the same region, and a word of the name in common.

    >>> from flightlegs.reference.gazetteer.places import Place
    >>> _alike(Place("Washington", StopKind.CITY, "US", "US-DC"),
    ...        Place("Washington", StopKind.REGION, "US", "US-WA"))
    False
    """
    if a == b:
        return True
    words = set(a.name.lower().split()) & set(b.name.lower().split())
    return (a.country, a.region) == (b.country, b.region) and bool(words)


def _one_city(a: _Mention, b: _Mention, gaz: Gazetteer) -> bool:
    """One name inside the other ("New Delhi", "Delhi"), served by the same first airport."""
    wa, wb = (set(m.places[0].name.lower().split()) for m in (a, b))
    if not (wa < wb or wb < wa):
        return False
    first_a, first_b = (gaz.airports_in(m.places[0])[:1] for m in (a, b))
    return bool(first_a) and first_a == first_b


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
    from flightlegs.read.chains import parse_chain
    from flightlegs.reference.aircraft import find_aircraft_mentions
    from flightlegs.reference.gazetteer.names import CODE_STOPLIST

    mentions: list[_Mention] = []
    aircraft: list[tuple[int, int, str]] = []
    family_members: dict[str, set[str]] = {}
    chain_id = 0
    for start, end in prose:
        line = text[start:end]
        planes: list[tuple[int, int, str]] = []
        for a in find_aircraft_mentions(line):
            designator = a.spec.designator
            members = {t.icao_type for t in a.spec.members}
            # "a Gulfstream V ... the Gulfstream made a stop": the family names the same jet
            earlier = [*aircraft, *planes]
            told = next((d for _, _, d in earlier if a.spec.is_family and d in members), None)
            planes.append((start + a.start, start + a.end, told or designator))
            if a.spec.is_family:
                family_members[designator] = members
        aircraft.extend(planes)
        taken: list[tuple[int, int]] = [(a, b) for a, b, _ in planes]
        found: list[_Mention] = []
        for m in _CHAIN.finditer(line):
            if any(code in CODE_STOPLIST for code in m.group(0).split("-")):
                continue  # "MOONLIGHT HOP-OFF" in a headline: words, not codes
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
                found.append(_Mention(s, e, text[s:e].strip(), stop=routes[0].stops[0]))
                taken.append((s, e))
        for pm in gaz.find_mentions(line):
            s, e = start + pm.start, start + pm.end
            if _overlaps(s, e, taken):
                continue
            found.append(_Mention(s, e, pm.text, places=pm.places, demonym=pm.demonym))
        found.sort(key=lambda x: x.start)
        mentions.extend(found)
    # "RAF C-130 Hercules Heads to Antarctica ... a C-130J took off": a family named before
    # a type of it names that type
    types = [d for _, _, d in aircraft if d not in family_members]
    for i, (at, until, d) in enumerate(aircraft):
        if d in family_members:
            told = next((t for t in types if t in family_members[d]), None)
            aircraft[i] = (at, until, told or d)
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


def _read_short_names(mentions: Sequence[_Mention]) -> None:
    """A town's first words mean the town the report names in full.

    "Alice", in a report that names Alice Springs, is Alice Springs, not Alice,
    Texas: a city or airport whose first reading lies in another country than
    the full name's. A region or country keeps its reading ("Kansas" beside
    "Kansas City").
    """
    full: dict[str, _Mention] = {}
    for m in mentions:
        if m.places and m.chain is None and " " in m.text:
            full.setdefault(m.text.split()[0], m)
    for m in mentions:
        named = full.get(m.text)
        if (
            named is not None
            and m.chain is None
            and m.places
            and m.places[0].kind in (StopKind.CITY, StopKind.AIRPORT)
            and m.places[0].country != named.places[0].country
        ):
            m.places, m.stop = named.places, None


def _overlaps(s: int, e: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)
