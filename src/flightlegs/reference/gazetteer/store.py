"""The gazetteer's packed index, and its cache on disk.

The index is stored as arrays and rows of the airport table, pickled under a
key made from the data files and the code that builds them, so a change to
either rebuilds it.
"""

from __future__ import annotations

import logging
import pickle
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final, NamedTuple

from flightlegs.core.airport import Airport
from flightlegs.core.cache import _fingerprint, cache_dir
from flightlegs.core.files import data_path
from flightlegs.core.route import StopKind
from flightlegs.reference.airports import AirportTable, _Rows
from flightlegs.reference.gazetteer.places import Place

__all__ = []

# --------------------------------------------------------------------------- readings

# how a reading must be written to match in text
_TITLE: Final = 0  # some letter upper case
_EXACT: Final = 1  # exactly one of the spellings
_GUARDED: Final = 2  # a common word: only when followed by ", <its region>"
_TOWN: Final = 3  # a small town's name: upper case, and not the first word of a sentence ("Most")
_FIELD: Final = 4  # a small field named for a place: never matched alone, read after the place

log = logging.getLogger(__name__)


class _Reading(NamedTuple):
    place: Place
    mode: int
    spellings: frozenset[str] | None
    demonym: bool
    prose: bool
    # orders the readings of a name while building; the cache keeps only that order
    rank: tuple[Any, ...] = ()


class _Index(NamedTuple):
    """Everything the gazetteer knows, as built: Place and Airport objects."""

    names: dict[str, tuple[_Reading, ...]]
    blockers: frozenset[str]
    iata: dict[str, tuple[Place, ...]]
    icao: dict[str, tuple[Place, ...]]
    members: dict[Place, tuple[Airport, ...]]
    regions_by_code: dict[str, Place]
    countries_by_code: dict[str, Place]
    state_abbreviations: dict[str, tuple[Place, bool]]
    tail: dict[str, tuple[str, ...]]
    ngram: dict[str, int]
    hubs: dict[str, tuple[tuple[str, str, str, str], ...]]


# a reading in the store: a bare place ref when it matches in prose as titled text
# (most do), else (ref, mode, spellings, demonym, prose)
_PackedReading = int | tuple[int, int, tuple[str, ...] | None, bool, bool]
_KIND_LETTERS: Final = {StopKind.CITY: "c", StopKind.REGION: "r", StopKind.COUNTRY: "n"}
_LETTER_KINDS: Final = {letter: kind for kind, letter in _KIND_LETTERS.items()}


class _Store(NamedTuple):
    """Everything the gazetteer knows, in plain containers: what the cache holds.

    Unpickling 27,000 places and 12,000 airports as objects took most of a
    start; here a place is an int, and :class:`Place` and
    :class:`~flightlegs.core.airport.Airport` objects are made only when a look-up
    reaches them. A ref ``r >= 0`` is row ``r`` of the place columns
    (countries, regions, cities); ``r < 0`` is the airport in row ``~r`` of
    :func:`~flightlegs.reference.airports.airport_table`, shared with it.
    """

    airports: int  # rows in the airport table the refs point into
    place_names: list[str]
    place_kinds: str  # one letter per place, see _KIND_LETTERS
    place_countries: list[str | None]
    place_regions: list[str | None]
    # name -> its readings, best first: one bare ref, or a tuple of packed readings
    names: dict[str, int | tuple[_PackedReading, ...]]
    blockers: frozenset[str]
    iata: dict[str, _Rows]
    icao: dict[str, _Rows]
    # array("I") bytes: the airports of place r are rows member_rows[bounds[r]:bounds[r + 1]]
    member_bounds: bytes
    member_rows: bytes
    regions_by_code: dict[str, int]
    countries_by_code: dict[str, int]
    state_abbreviations: dict[str, tuple[int, bool]]
    tail: dict[str, _Rows]
    ngram: dict[str, int]
    hubs: dict[str, tuple[tuple[str, str, str, str], ...]]


def _pack(ix: _Index, table: AirportTable) -> _Store:
    """The store of a built index; its airports must be rows of ``table``."""
    row_of = {ident: i for i, ident in enumerate(table.column("ident"))}
    refs: dict[Place, int] = {}

    def ref(place: Place) -> int:
        if place.airport is not None:
            row = row_of[place.airport.ident]
            if place != _airport_place(table[row]):
                raise ValueError(f"place {place!r} is not the airport it names")
            return ~row
        return refs.setdefault(place, len(refs))

    def reading(r: _Reading) -> _PackedReading:
        if r.mode == _TITLE and r.spellings is None and not r.demonym and r.prose:
            return ref(r.place)
        spellings = tuple(sorted(r.spellings)) if r.spellings is not None else None
        return (ref(r.place), r.mode, spellings, r.demonym, r.prose)

    def rows(airports: Iterable[Airport]) -> _Rows:
        found = tuple(row_of[a.ident] for a in airports)
        return found[0] if len(found) == 1 else found

    # countries, regions and cities first, so that every one has a ref for its members
    for place in (*ix.countries_by_code.values(), *ix.regions_by_code.values(), *ix.members):
        ref(place)
    names: dict[str, int | tuple[_PackedReading, ...]] = {}
    for key, readings in ix.names.items():
        packed = tuple(reading(r) for r in readings)
        names[key] = packed[0] if len(packed) == 1 and isinstance(packed[0], int) else packed
    tail: dict[str, _Rows] = {}
    for key, idents in ix.tail.items():
        # what a look-up by the table's code indexes finds for each identifier
        hits = [a for ident in idents for a in table.find(ident) if a.ident == ident]
        if hits:
            tail[key] = rows(hits)
    regions = {code: ref(p) for code, p in ix.regions_by_code.items()}
    countries = {code: ref(p) for code, p in ix.countries_by_code.items()}
    states = {k: (ref(p), postal) for k, (p, postal) in ix.state_abbreviations.items()}
    places = list(refs)  # every ref is taken now
    bounds = array("I", [0])
    member_rows = array("I")
    for place in places:
        member_rows.extend(row_of[a.ident] for a in ix.members.get(place, ()))
        bounds.append(len(member_rows))
    return _Store(
        airports=len(table),
        place_names=[p.name for p in places],
        place_kinds="".join(_KIND_LETTERS[p.kind] for p in places),
        place_countries=[p.country for p in places],
        place_regions=[p.region for p in places],
        names=names,
        blockers=ix.blockers,
        iata={code: rows(p.airport for p in ps if p.airport) for code, ps in ix.iata.items()},
        icao={code: rows(p.airport for p in ps if p.airport) for code, ps in ix.icao.items()},
        member_bounds=bounds.tobytes(),
        member_rows=member_rows.tobytes(),
        regions_by_code=regions,
        countries_by_code=countries,
        state_abbreviations=states,
        tail=tail,
        ngram=ix.ngram,
        hubs=ix.hubs,
    )


_airport_place = Place.for_airport


# --------------------------------------------------------------------------- cache

_DATA_FILES: Final = (
    "airports.csv",
    "countries.csv",
    "regions.csv",
    "operator_hubs.csv",
    "airport_aliases.csv",
    "cities.csv",
    "towns.csv",
    "closed_airfields.csv",
    "area_aliases.csv",
    "city_regions.csv",
)
# first item of a cached store; bump it when the layout of _Store changes
_STORE_FORMAT: Final = "flightlegs-gazetteer-11"


def _cache_path(cache: Path | None) -> Path:
    key = _fingerprint(
        [data_path(name) for name in _DATA_FILES],
        # every stage of the build shapes the store, and the store holds rows of the
        # airport table, so the code of both is part of the key
        [
            *sorted(Path(__file__).parent.glob("*.py")),
            Path(__file__).parents[1] / "airports.py",
            Path(__file__).parents[2] / "core" / "airport.py",
        ],
    )
    return (cache or cache_dir()) / f"gazetteer-{key}.pickle"


def _load_cached(path: Path, table: AirportTable) -> _Store | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        log.debug("cannot read gazetteer cache %s: %s", path, err)
        return None
    try:
        fmt, *fields = pickle.loads(data)
        store = _Store(*fields)
    except Exception as err:  # a corrupt or foreign cache is rebuilt, never trusted
        log.debug("ignoring gazetteer cache %s: %s", path, err)
        return None
    places = len(store.place_names)
    if (
        fmt != _STORE_FORMAT
        or store.airports != len(table)
        or not isinstance(store.names, dict)
        or not isinstance(store.place_kinds, str)
        or len(store.place_kinds) != places
        or len(store.member_bounds) != 4 * (places + 1)
    ):
        log.debug("ignoring gazetteer cache %s: not a store of this airport table", path)
        return None
    return store
