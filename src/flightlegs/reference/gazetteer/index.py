"""The offline gazetteer: place names in text, and what each may mean.

Checks of flights name their stops loosely: "Arizona", "the northeastern
Chinese city of Shenyang", "South Korea", "El Paso, Texas", "ELP". The
gazetteer knows countries, first-level regions, cities and airports, all
built from the bundled OurAirports tables plus a small curated list of
aliases and demonyms, and finds them in text without any network.

What it knows
-------------
Countries
    Every name in ``countries.csv`` plus common aliases ("USA", "U.S.",
    "America", "the States", "Britain", "UK", "Korea", "Holland", "Czechia",
    "Ivory Coast", "DRC", ...) and about 130 demonyms ("Chinese",
    "South Korean", "Guatemalans", ...). A demonym is a mention of the
    country with :attr:`PlaceMention.demonym` set.
Regions
    Every named region in ``regions.csv``, also without administrative
    suffixes ("Liaoning" for "Liaoning Province"), and outside the US and
    Canada without "Island(s)" or "Atoll(s)" ("Midway", "Wake", "Canary"):
    those bare island names rank after any airport or city of the same name
    ("Midway" is Chicago's airport first). US states match by name;
    their postal codes and AP abbreviations match only right after a
    comma that follows another place ("Mesa, Ariz.", "El Paso, TX"), never
    alone: "IN", "OR", "ME" and "HI" are words.
Cities
    The municipalities airports serve. "Hunnan, Shenyang" yields both
    "Hunnan" and "Shenyang"; "Köln (Cologne)" both names; "Tampere /
    Pirkkala" both. Airports of one name and country less than 80 km apart
    make one city, so "Seoul" is one place although its two airports lie in
    two regions. Such a city lies in the one of those regions that bears its
    name, since a capital usually names the region around it: Seoul in
    KR-11, not Incheon; San Salvador in SV-SS, although its main airport lies
    in La Paz. Outside the US and Canada a region named for the city alone
    ("Banjul City", "Riga City", "Dakar Region") holds the city even when its
    airport lies outside it: Banjul is in GM-B, its airport at Yundum in
    GM-W. When no region bears the name and the airports lie in several
    (Washington: Virginia and Maryland), the city has no region. A county's
    name is not an airport's: "Gillette-Campbell County Airport" gives no
    "Campbell".
Airports
    Full names, and short names made by dropping generic words
    ("International", "Airport", "Air Base", "Air Force Base", "Airfield",
    "Regional", "Municipal", "County", "Field", "Joint Base", ...) and a
    leading city name: "Phoenix–Mesa Gateway Airport" is also "Phoenix Mesa
    Gateway" and "Mesa Gateway"; "Joint Base Andrews" also "Andrews".
    Former names from OurAirports' keywords count too ("Andrews Air Force
    Base"), and the names the data lacks, from ``data/airport_aliases.csv``
    (one alias, the airport's OurAirports ident and a public source per row:
    "Joint Base Pearl Harbor-Hickam", "Stratton Air National Guard Base",
    "Midway Atoll", "Guantanamo Bay"). IATA codes and ICAO codes are found
    in text as upper-case tokens.

Guards against false matches
----------------------------
* A short name is kept only if it has four characters or more, is not a
  common English word (``Field``, ``Valley``, ``Falcon``: see
  :data:`COMMON_WORDS`), and does not name another place that does not
  contain the airport (the keyword "England Air Force Base" gives
  Alexandria, Louisiana no "England").
* In text, only airports a jet report plausibly means get name entries:
  large and medium airports, those with scheduled service or a runway of
  5,000 ft or more, and military fields (Air Force Base, Joint Base, Naval
  Air Station, ...). That leaves out some 24,000 private strips named
  "Hope", "Ranch" or "Independence". :meth:`Gazetteer.lookup` still finds
  the others by their full names.
* A city, airport or other region name that is a common English word
  ("Mobile", "Reading", "Page") is found in text only when followed by its
  region: "Mobile, Alabama" or "Page, Ariz.", or when written with an accent,
  which English words never are: "Malé" is the Maldives' capital, "Colón"
  the Panamanian city.
* A name matches in text only if some letter of it is upper case: "Texas",
  "TEXAS" and "the States" do, "china" and "turkey" do not. Look-ups by
  :meth:`Gazetteer.lookup` ignore case.
* Codes match only as upper-case tokens of exactly three (IATA) or four
  (ICAO) letters; never inside a run of upper-case words ("ICE AIR
  FLIGHTS"), never a common acronym ("ICE", "CBP", "DHS", "FAA", "GAO",
  ...: see :data:`CODE_STOPLIST`), and four-letter US codes only when they
  are real ICAO codes (``K...``/``P...``).
* Some phrases are read and skipped so that their parts do not match:
  "Central America", "Gulf of Mexico", "Alaska Airlines", "Korean Air",
  "New York Times", ...

Readings of one name are ordered most likely first: a US state or
Canadian province before a country of the same name ("Georgia"), a city
with a large airport before its region ("New York"), a country before a
region or city of its name elsewhere ("Mexico", "Lebanon"), and among
cities of one name the one with an operator hub or the bigger airport
("Alexandria": Louisiana before Egypt).

Matching folds case, accents and punctuation: "Phoenix–Mesa" (en dash)
is "Phoenix-Mesa" is "Phoenix Mesa"; "Guantánamo" is "Guantanamo"; "St."
is "Saint", "Ft." is "Fort", "Mt." is "Mount".

Building and caching
--------------------
The index is built on first use (never at import), in about a second,
and saved as a pickle under ``$XDG_CACHE_HOME/flightlegs`` (or
``~/.cache/flightlegs``), keyed by the data files' sizes and modification
times and by the source of this module and of :mod:`flightlegs.reference.airports`.
The pickle holds only plain containers: places are ints, airports are rows of
:func:`~flightlegs.reference.airports.airport_table` (shared with it, not copied), and
:class:`Place` and :class:`~flightlegs.core.airport.Airport` objects are made
when a look-up first reaches them. Later runs load it in tens of
milliseconds. An unwritable or corrupt cache is skipped and the index rebuilt
in memory. Writing a new cache deletes the older ``gazetteer-*.pickle`` files
beside it (and the airport table's cache its older ``airports-*.marshal``
files), so edits of the data or the code do not pile up stale caches.

Examples
--------
>>> g = gazetteer()
>>> [(p.kind.value, p.region or p.country) for p in g.lookup("Georgia")]
[('region', 'US-GA'), ('country', 'GE')]
>>> for m in g.find_mentions("From Mesa, Ariz. to South Korea via ELP."):
...     print(m.start, m.text, "->", m.place.label)
5 Mesa -> Mesa (US-AZ)
11 Ariz. -> Arizona (US-AZ)
20 South Korea -> South Korea (KR)
36 ELP -> El Paso International Airport (ELP)
"""

from __future__ import annotations

import bisect
import difflib
import functools
import logging
import pickle
from array import array
from pathlib import Path

from flightlegs.core.airport import _MAX_NAME_LENGTH, Airport
from flightlegs.core.cache import _write_cache, caching
from flightlegs.core.route import StopKind
from flightlegs.errors import InputError, UnknownPlaceError
from flightlegs.reference.airports import AirportTable, _rows, airport_table
from flightlegs.reference.gazetteer import scan
from flightlegs.reference.gazetteer.build import _build_index
from flightlegs.reference.gazetteer.folding import fold
from flightlegs.reference.gazetteer.places import Place, PlaceMention
from flightlegs.reference.gazetteer.store import (
    _KIND_LETTERS,
    _LETTER_KINDS,
    _STORE_FORMAT,
    _TITLE,
    _airport_place,
    _cache_path,
    _load_cached,
    _pack,
    _Reading,
    _Store,
)

__all__ = ["Gazetteer", "gazetteer", "load_gazetteer"]

log = logging.getLogger(__name__)


# words that alone name no particular place ("North West", "Central", "Islands")


# --------------------------------------------------------------------------- the gazetteer


class Gazetteer:
    """Place names and their readings, with look-up and scanning of text.

    Build it with :func:`gazetteer` (cached in memory and on disk).
    """

    def __init__(self, index: _Store, table: AirportTable | None = None) -> None:
        self._ix = index
        self._table = table if table is not None else airport_table()
        if len(self._table) != index.airports:
            raise InputError(
                f"the gazetteer refers to {index.airports:,} airports, "
                f"the airport table has {len(self._table):,}"
            )
        self._member_bounds = array("I", index.member_bounds)
        self._member_rows = array("I", index.member_rows)
        self._places: dict[int, Place] = {}
        self._readings_of: dict[str, tuple[_Reading, ...]] = {}
        self._members: dict[int, tuple[Airport, ...]] = {}
        self._ref_of: dict[tuple[str, str, str | None, str | None], int] | None = None
        self._prose_keys: list[str] | None = None
        self._spellings: dict[tuple[str, int], list[tuple[str, str, int]]] | None = None
        self._misspellings: dict[tuple[str, int], str | None] = {}

    # -- the store, unpacked on demand ---------------------------------------------

    def _place(self, ref: int) -> Place:
        place = self._places.get(ref)
        if place is None:
            if ref < 0:
                place = _airport_place(self._table[~ref])
            else:
                ix = self._ix
                place = Place(
                    ix.place_names[ref],
                    _LETTER_KINDS[ix.place_kinds[ref]],
                    ix.place_countries[ref],
                    ix.place_regions[ref],
                )
            self._places[ref] = place
        return place

    def _readings(self, key: str) -> tuple[_Reading, ...]:
        """The readings of a folded name, best first; ``()`` when none."""
        made = self._readings_of.get(key)
        if made is None:
            packed = self._ix.names.get(key)
            if packed is None:
                return ()
            made = self._readings_of[key] = tuple(
                _Reading(self._place(r), _TITLE, None, False, True)
                if isinstance(r, int)
                else _Reading(
                    self._place(r[0]),
                    r[1],
                    frozenset(r[2]) if r[2] is not None else None,
                    r[3],
                    r[4],
                )
                for r in ((packed,) if isinstance(packed, int) else packed)
            )
        return made

    def _misspelt(self, word: str, most: int) -> str | None:
        """The one folded name read in prose within ``most`` edits of ``word`` (spaces aside).

        Names are compared with those of the same first two letters and nearly the same
        length; ``None`` when none is that near, or two are equally near.
        """
        if (word, most) not in self._misspellings:
            self._misspellings[(word, most)] = self._nearest_spelling(word, most)
        return self._misspellings[(word, most)]

    def _nearest_spelling(self, word: str, most: int) -> str | None:
        if self._spellings is None:
            buckets: dict[tuple[str, int], list[tuple[str, str, int]]] = {}
            for key, packed in self._ix.names.items():
                bare = key.replace(" ", "")
                if len(bare) >= 6 and (
                    isinstance(packed, int) or any(isinstance(r, int) or r[4] for r in packed)
                ):
                    buckets.setdefault((bare[:2], len(bare)), []).append(
                        (bare, key, _letters(bare))
                    )
            self._spellings = buckets
        best: list[str] = []
        nearest = most + 1
        mask = _letters(word)
        for n in range(len(word) - most, len(word) + most + 1):
            for bare, key, letters in self._spellings.get((word[:2], n), ()):
                # an edit adds or removes at most two of the letters a name uses
                if (mask ^ letters).bit_count() > 2 * min(nearest, most):
                    continue
                d = _edits(word, bare, nearest + 1)
                if d < nearest:
                    best, nearest = [key], d
                elif d == nearest and key not in best:
                    best.append(key)
        return best[0] if len(best) == 1 and 0 < nearest <= most else None

    def _code_places(self, code: str) -> tuple[Place, ...]:
        """The airports an upper-case IATA (3 letters) or ICAO (4) code names in text."""
        hits = (self._ix.iata if len(code) == 3 else self._ix.icao).get(code)
        return () if hits is None else tuple(self._place(~row) for row in _rows(hits))

    def _members_of(self, ref: int) -> tuple[Airport, ...]:
        made = self._members.get(ref)
        if made is None:
            rows = self._member_rows[self._member_bounds[ref] : self._member_bounds[ref + 1]]
            made = self._members[ref] = tuple(self._table[row] for row in rows)
        return made

    # -- look-ups ---------------------------------------------------------------

    def _names_in_prose(self) -> list[str]:
        """The folded names with a reading matched in prose, sorted (made once, when asked)."""
        if self._prose_keys is None:
            self._prose_keys = sorted(
                k
                for k, packed in self._ix.names.items()
                if isinstance(packed, int) or any(isinstance(r, int) or r[4] for r in packed)
            )
        return self._prose_keys

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place a name may mean, best first; ``()`` when none.

        Case, accents and punctuation are ignored. Upper-case IATA and ICAO
        codes, ISO 3166-2 codes ("US-TX") and US postal codes ("TX") are
        understood too. Names of small airfields that are not matched in
        text are found here by their full name.

        Examples
        --------
        >>> g = gazetteer()
        >>> [p.kind.value for p in g.lookup("the States")]
        ['country']
        >>> g.lookup("shenyang")[0].name
        'Shenyang'
        >>> g.lookup("ELP")[0].airport.icao
        'KELP'
        >>> g.lookup("Nowhere Special")
        ()
        """
        if not isinstance(name, str):
            raise InputError(f"a place name must be text, not {type(name).__name__}")
        stripped = name.strip()
        if not stripped or len(stripped) > _MAX_NAME_LENGTH:
            return ()
        key = fold(stripped)
        if key.startswith("the ") and key not in self._ix.names:
            key = key[4:]
        found: list[Place] = [r.place for r in self._readings(key)]
        if stripped.isupper() and stripped.isalpha():
            if len(stripped) in (3, 4):
                found += self._code_places(stripped)
            elif len(stripped) == 2 and stripped in self._ix.state_abbreviations:
                found.append(self._place(self._ix.state_abbreviations[stripped][0]))
        upper = stripped.upper()
        if upper in self._ix.regions_by_code and "-" in upper:
            found.append(self._place(self._ix.regions_by_code[upper]))
        if not found and key in self._ix.tail:
            found = [self._place(~row) for row in _rows(self._ix.tail[key])]
        return tuple(dict.fromkeys(found))

    def longer_names_in(self, name: str, area: Place) -> tuple[Place, ...]:
        """The cities and airports in ``area`` whose names begin with ``name``, best first.

        A report shortens a long name ("Petropavlovsk in Russia" for
        Petropavlovsk-Kamchatsky); where the short name means a place elsewhere,
        the area named beside it says which longer one it stands for.

        Examples
        --------
        >>> g = gazetteer()
        >>> [p.name for p in g.longer_names_in("Petropavlovsk", g.country("RU"))]
        ['Petropavlovsk-Kamchatsky']
        """
        head = fold(name) + " "
        keys = self._names_in_prose()
        found: list[Place] = []
        for i in range(bisect.bisect_left(keys, head), len(keys)):
            if not keys[i].startswith(head):
                break
            found += [
                r.place
                for r in self._readings(keys[i])
                if r.prose
                and r.place.kind in (StopKind.CITY, StopKind.AIRPORT)
                and r.place.country == area.country
                and (area.kind is StopKind.COUNTRY or r.place.region == area.region)
            ]
        return tuple(dict.fromkeys(found))

    def airports(self) -> tuple[Airport, ...]:
        """Every airport the gazetteer holds: usable by jets, matched in text, or with IATA code."""
        return tuple(
            a for ref in self._ix.countries_by_code.values() for a in self._members_of(ref)
        )

    def airports_in(self, place: Place) -> tuple[Airport, ...]:
        """The airports the gazetteer holds for a place, unranked.

        For an airport, the airport; for a city, the airports that serve it;
        for a region or country, the airports in it that are usable by jets,
        matched in text, or have an IATA code.

        Examples
        --------
        >>> g = gazetteer()
        >>> sorted(a.code for a in g.airports_in(g.lookup("Shenyang")[0]))
        ['SHE', 'ZYYY']
        """
        if place.airport is not None:
            return (place.airport,)
        if self._ref_of is None:
            ix = self._ix
            self._ref_of = {
                key: ref
                for ref, key in enumerate(
                    zip(
                        ix.place_names,
                        ix.place_kinds,
                        ix.place_countries,
                        ix.place_regions,
                        strict=True,
                    )
                )
            }
        letter = _KIND_LETTERS.get(place.kind, "")
        ref = self._ref_of.get((place.name, letter, place.country, place.region))
        return () if ref is None else self._members_of(ref)

    def region(self, code: str) -> Place:
        """The region with an ISO 3166-2 code, e.g. ``"US-AZ"``.

        Raises
        ------
        UnknownPlaceError
            No such region.

        Examples
        --------
        >>> gazetteer().region("US-AZ").name
        'Arizona'
        """
        try:
            return self._place(self._ix.regions_by_code[code.strip().upper()])
        except KeyError:
            raise UnknownPlaceError(code, what="region code") from None

    def country(self, code: str) -> Place:
        """The country with an ISO 3166-1 alpha-2 code, e.g. ``"KR"``.

        Raises
        ------
        UnknownPlaceError
            No such country.

        Examples
        --------
        >>> gazetteer().country("kr").name
        'South Korea'
        """
        try:
            return self._place(self._ix.countries_by_code[code.strip().upper()])
        except KeyError:
            raise UnknownPlaceError(code, what="country code") from None

    def hubs(self, area: str) -> tuple[tuple[str, str, str, str], ...]:
        """Documented operator hubs in a region or country: ``(iata, operator, source, note)``.

        Read from ``data/operator_hubs.csv``, in the file's order.

        Examples
        --------
        >>> [h[0] for h in gazetteer().hubs("US-AZ")]
        ['AZA']
        """
        return self._ix.hubs.get(area, ())

    def suggest(self, name: str, limit: int = 5) -> tuple[str, ...]:
        """The known names closest to ``name``, for error messages.

        Examples
        --------
        >>> gazetteer().suggest("Shenyng")[0]
        'Shenyang'
        >>> gazetteer().suggest("Arizonaa")[0]
        'Arizona'
        """
        key = fold(name)[:_MAX_NAME_LENGTH] if isinstance(name, str) else ""
        if not key:
            return ()
        keys = self._names_in_prose()
        pool = [k for k in keys if k[:1] == key[:1] and abs(len(k) - len(key)) <= 3]
        close = difflib.get_close_matches(key, pool, n=limit * 2, cutoff=0.7)
        if len(close) < limit:
            close += difflib.get_close_matches(key, keys, n=limit, cutoff=0.8)
        out: list[str] = []
        for k in close:
            readings = self._readings(k)
            label = readings[0].place.name
            shown = label if k == fold(label) or len(readings) > 1 else k.title()
            if shown not in out:
                out.append(shown)
        return tuple(out[:limit])

    def find_mentions(self, text: str) -> list[PlaceMention]:
        """Find place names and airport codes in text.

        Scans once, left to right, taking the longest known name at each word
        (up to seven words), so "South Korea" is one mention and not "Korea".
        Mentions do not overlap and lie on word boundaries.

        Raises
        ------
        InputError
            ``text`` is not a string or is longer than :data:`MAX_TEXT_LENGTH`.

        Examples
        --------
        >>> ms = gazetteer().find_mentions("They flew from El Paso, Texas to Anchorage.")
        >>> [(m.start, m.end, m.text, m.place.kind.value) for m in ms]
        [(15, 22, 'El Paso', 'city'), (24, 29, 'Texas', 'region'), (33, 42, 'Anchorage', 'city')]
        """
        return scan.find_mentions(self, text)

    def __repr__(self) -> str:
        return f"<Gazetteer: {len(self._ix.names):,} names, {len(self._ix.iata):,} IATA codes>"


def load_gazetteer(cache: Path | None = None, *, use_cache: bool = True) -> Gazetteer:
    """Build the gazetteer, or load it from the on-disk cache.

    Parameters
    ----------
    cache
        Folder of the cache; :func:`cache_dir` by default.
    use_cache
        ``False`` always builds from the data files and writes nothing, as
        ``FLIGHTLEGS_CACHE_DIR=off`` does.
    """
    table = airport_table()
    if not use_cache or not caching():
        return Gazetteer(_pack(_build_index(table), table), table)
    path = _cache_path(cache)
    store = _load_cached(path, table)
    if store is None:
        store = _pack(_build_index(table), table)
        _write_cache(path, pickle.dumps((_STORE_FORMAT, *store), protocol=pickle.HIGHEST_PROTOCOL))
    return Gazetteer(store, table)


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer of the bundled data, built once per process.

    Examples
    --------
    >>> gazetteer() is gazetteer()
    True
    """
    return load_gazetteer()


def _letters(word: str) -> int:
    """The set of characters of ``word``, as bits of an int (one bit per character code)."""
    bits = 0
    for c in word:
        bits |= 1 << (ord(c) & 63)
    return bits


def _edits(a: str, b: str, stop: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``stop`` once it reaches ``stop``.

    >>> _edits("elborton", "elberton", 3), _edits("tenneantcreek", "tennantcreek", 3)
    (1, 1)
    >>> _edits("abcdef", "uvwxyz", 2)
    2
    """
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        low = i
        for j, cb in enumerate(b, 1):
            cur = min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
            prev, row[j] = row[j], cur
            low = min(low, cur)
        if low >= stop:
            return stop
    return min(row[-1], stop)
