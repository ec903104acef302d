"""The bundled airport table and look-ups by IATA, ICAO or FAA code.

The table is read once, lazily, from ``data/airports.csv`` (built from
OurAirports' public-domain data by ``scripts/build_airports.py``), and kept
packed in a cache file beside the gazetteer's (see :func:`cache_dir`), so
later runs load it in milliseconds instead of parsing 3 MB of CSV; a new cache
file replaces the older ones of its kind. Codes are matched
case-insensitively. A code that names more than one airport raises
:class:`~flightlegs.errors.AmbiguousPlaceError`; it is never settled silently.

Examples
--------
>>> table = airport_table()
>>> table.by_code("aza").name
'Phoenix–Mesa Gateway Airport'
>>> table.by_code("ZYTX").iata
'SHE'
"""

from __future__ import annotations

import csv
import functools
import itertools
import logging
import marshal
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt

from flightlegs.core.airport import _CODE, _TYPE_RANK, Airport
from flightlegs.core.cache import _fingerprint, _write_cache, cache_dir, caching
from flightlegs.core.files import data_path
from flightlegs.core.geodesy import LatLon
from flightlegs.errors import AmbiguousPlaceError, InputError, UnknownPlaceError

__all__ = ["AirportTable", "airport_place", "airport_table", "is_jet_usable"]

log = logging.getLogger(__name__)

_COLUMNS = (
    "ident", "icao", "iata", "faa", "name", "type", "latitude_deg", "longitude_deg",
    "elevation_ft", "country", "region", "municipality", "scheduled_service",
    "longest_runway_ft", "runway_surface", "keywords",
)  # fmt: skip
# first item of a packed table; bump it when the packed layout changes
_PACK_FORMAT: Final = "flightlegs-airports-1"


def _opt_float(text: str) -> float | None:
    return float(text) if text else None


class _PackedColumn:
    """One text column as a single string and the offsets between its values.

    Two objects instead of 32,000 small strings: the cache loads them in a
    millisecond, and a value is sliced out only when an airport is needed.
    """

    __slots__ = ("_bounds", "_text")

    def __init__(self, text: str, bounds: array[int]) -> None:
        self._text = text
        self._bounds = bounds

    @classmethod
    def pack(cls, values: Sequence[str]) -> _PackedColumn:
        bounds = array("I", [0])
        bounds.extend(itertools.accumulate(map(len, values)))
        return cls("".join(values), bounds)

    def __getitem__(self, i: int) -> str:
        return self._text[self._bounds[i] : self._bounds[i + 1]]

    def __len__(self) -> int:
        return len(self._bounds) - 1

    def values(self) -> list[str]:
        text, bounds = self._text, self._bounds
        return [text[a:b] for a, b in itertools.pairwise(bounds)]


# a code's rows: one row index, or a tuple of them for the few codes that several
# airports share (a bare int keeps the 40,000-entry indexes to one object each)
_Rows = int | tuple[int, ...]


def _index_rows(index: dict[str, list[int]]) -> dict[str, _Rows]:
    return {code: rows[0] if len(rows) == 1 else tuple(rows) for code, rows in index.items()}


def _rows(hits: _Rows) -> tuple[int, ...]:
    return (hits,) if isinstance(hits, int) else hits


class AirportTable:
    """The airports, with code indexes and coordinate arrays.

    The table is held as packed columns; :class:`Airport` objects are made on
    first use, so loading stays fast. Build it with :func:`airport_table`
    (cached) or :meth:`from_csv`.

    Parameters
    ----------
    columns
        Column name to the column's text values, all of one length, with the
        columns of ``data/airports.csv``.
    """

    def __init__(self, columns: dict[str, list[str]]) -> None:
        missing = [c for c in _COLUMNS if c not in columns]
        if missing:
            raise InputError(f"airport table lacks the columns {', '.join(missing)}")
        lat = np.array(columns["latitude_deg"], dtype=np.float64)
        lon = np.array(columns["longitude_deg"], dtype=np.float64)
        by_iata: dict[str, list[int]] = {}
        by_icao: dict[str, list[int]] = {}
        by_faa: dict[str, list[int]] = {}
        for i, (ident, icao, iata, faa) in enumerate(
            zip(columns["ident"], columns["icao"], columns["iata"], columns["faa"], strict=True)
        ):
            if iata:
                by_iata.setdefault(iata, []).append(i)
            by_icao.setdefault(ident, []).append(i)
            if icao and icao != ident:
                by_icao.setdefault(icao, []).append(i)
            if faa and faa != iata:
                by_faa.setdefault(faa, []).append(i)
        self._adopt(
            {name: _PackedColumn.pack(values) for name, values in columns.items()},
            lat,
            lon,
            (_index_rows(by_iata), _index_rows(by_icao), _index_rows(by_faa)),
        )

    def _adopt(
        self,
        columns: dict[str, _PackedColumn],
        lat: npt.NDArray[np.float64],
        lon: npt.NDArray[np.float64],
        indexes: tuple[dict[str, _Rows], dict[str, _Rows], dict[str, _Rows]],
    ) -> None:
        self._cols = columns
        # the packed columns in _COLUMNS order, for making a whole row at once
        self._row_parts = [(columns[name]._text, columns[name]._bounds) for name in _COLUMNS]
        self._size = len(columns["ident"])
        self._made: list[Airport | None] = [None] * self._size
        self.lat: npt.NDArray[np.float64] = lat
        self.lon: npt.NDArray[np.float64] = lon
        self._by_iata, self._by_icao, self._by_faa = indexes

    @classmethod
    def from_csv(cls, path: Path | str) -> AirportTable:
        """Read a table in the bundled ``airports.csv`` format.

        Raises
        ------
        InputError
            When the file misses a column or holds a bad value.
        """
        path = Path(path)
        with path.open(newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            rows = list(reader)
        bad = next((n for n, row in enumerate(rows, start=2) if len(row) != len(header)), None)
        if bad is not None or any(c not in header for c in _COLUMNS):
            where = f"line {bad}" if bad is not None else "line 1"
            raise InputError(
                f"{path}: {where}: not an airports table "
                f"(expected the columns {', '.join(_COLUMNS)})"
            )
        columns = {
            name: list(col) for name, col in zip(header, zip(*rows, strict=True), strict=True)
        }
        if not rows:
            columns = {name: [] for name in header}
        try:
            table = cls(columns)
        except ValueError as err:
            raise InputError(f"{path}: not an airports table ({err})") from None
        return table

    # -- packed form: what the cache holds ------------------------------------------

    def _pack(self) -> bytes:
        """The table as one :mod:`marshal` blob of strings, bytes, ints and dicts."""
        return marshal.dumps(
            (
                _PACK_FORMAT,
                self._size,
                {name: (c._text, c._bounds.tobytes()) for name, c in self._cols.items()},
                self.lat.tobytes(),
                self.lon.tobytes(),
                (self._by_iata, self._by_icao, self._by_faa),
            )
        )

    @classmethod
    def _unpack(cls, blob: bytes) -> AirportTable:
        """The table :meth:`_pack` wrote; ``ValueError`` or ``TypeError`` if it is not one."""
        fmt, size, packed, lat, lon, indexes = marshal.loads(blob)
        if fmt != _PACK_FORMAT or not isinstance(packed, dict) or len(indexes) != 3:
            raise ValueError("not a packed airport table")
        columns: dict[str, _PackedColumn] = {}
        for name, (text, bounds) in packed.items():
            offsets = array("I")
            offsets.frombytes(bounds)
            if not isinstance(text, str) or len(offsets) != size + 1 or offsets[-1] != len(text):
                raise ValueError(f"packed airport column {name!r} is damaged")
            columns[name] = _PackedColumn(text, offsets)
        if any(c not in columns for c in _COLUMNS) or not all(isinstance(i, dict) for i in indexes):
            raise ValueError("packed airport table lacks columns or indexes")
        # copies: arrays over the blob's bytes would be read-only
        lat_deg = np.frombuffer(lat, dtype=np.float64).copy()
        lon_deg = np.frombuffer(lon, dtype=np.float64).copy()
        if len(lat_deg) != size or len(lon_deg) != size:
            raise ValueError("packed airport coordinates are damaged")
        table = cls.__new__(cls)
        table._adopt(columns, lat_deg, lon_deg, indexes)
        return table

    def _make(self, i: int) -> Airport:
        j = i + 1
        # one pass over the columns: a place's candidates make thousands of airports
        # at once ("the United States")
        values = [text[b[i] : b[j]] for text, b in self._row_parts]
        (ident, icao, iata, faa, name, kind, _, _, elevation, country, region, municipality,
         scheduled, runway, surface, keywords) = values  # fmt: skip
        return Airport(
            ident=ident,
            icao=icao or None,
            iata=iata or None,
            faa=faa or None,
            name=name,
            type=kind,
            position=LatLon(float(self.lat[i]), float(self.lon[i])),
            elevation_ft=_opt_float(elevation),
            country=country,
            region=region,
            municipality=municipality,
            scheduled_service=scheduled == "1",
            longest_runway_ft=_opt_float(runway),
            runway_surface=surface,
            keywords=keywords,
        )

    def column(self, name: str) -> list[str]:
        """One column's text values, in table order (for vectorised filters)."""
        return self._cols[name].values()

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[Airport]:
        return (self[i] for i in range(self._size))

    def __getitem__(self, index: int) -> Airport:
        index = range(self._size)[index]  # negative indexes and bounds, as for lists
        made = self._made[index]
        if made is None:
            made = self._made[index] = self._make(index)
        return made

    def find(self, code: str) -> tuple[Airport, ...]:
        """Every airport a code could mean, in order of precedence.

        IATA codes come first, then ICAO codes and identifiers, then FAA local
        codes (for US airfields without an IATA code), as Great Circle Mapper
        reads them. Only the first kind that matches is returned.

        Examples
        --------
        >>> [a.ident for a in airport_table().find("iwa")]  # IATA IWA is Ivanovo
        ['UUBI']
        >>> [a.ident for a in airport_table().find("l35")]  # FAA code, no IATA
        ['KL35']
        """
        key = code.strip().upper()
        for index in (self._by_iata, self._by_icao, self._by_faa):
            hits = index.get(key)
            if hits is not None:
                return tuple(self[i] for i in _rows(hits))
        return ()

    def by_code(self, code: str) -> Airport:
        """The one airport with this IATA, ICAO or FAA code.

        Raises
        ------
        UnknownPlaceError
            No airport has the code; the error suggests near-miss codes.
        AmbiguousPlaceError
            Several airports share the code; the error lists them with their
            ICAO codes so the user can pick one.

        Examples
        --------
        >>> airport_table().by_code("ANC").icao
        'PANC'
        >>> airport_table().by_code("QQX")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        flightlegs.errors.UnknownPlaceError: unknown airport code 'QQX'...
        """
        if not _CODE.fullmatch(code.strip()):
            raise InputError(f"{code!r} is not an airport code: expected 3 or 4 letters or digits")
        hits = self.find(code)
        if not hits:
            raise UnknownPlaceError(code, self.suggest(code), what="airport code")
        if len(hits) > 1:
            raise AmbiguousPlaceError(
                code,
                tuple(f"{a.label} in {a.municipality or a.region}, {a.country}" for a in hits),
            )
        return hits[0]

    def suggest(self, code: str, limit: int = 5) -> tuple[str, ...]:
        """Known codes one letter away from ``code``, larger airports first.

        Examples
        --------
        >>> "ANC" in airport_table().suggest("ANX")
        True
        """
        key = code.strip().upper()
        index = self._by_iata if len(key) == 3 else self._by_icao
        found: set[str] = set()
        for pos in range(len(key)):
            for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789":
                cand = key[:pos] + ch + key[pos + 1 :]
                if cand != key and cand in index:
                    found.add(cand)

        def rank(c: str) -> tuple[int, int, str]:
            ap = self[_rows(index[c])[0]]
            return (_TYPE_RANK.get(ap.type, 9), 0 if ap.scheduled_service else 1, c)

        return tuple(sorted(found, key=rank)[:limit])


@functools.cache
def airport_table() -> AirportTable:
    """The bundled airport table, read once and cached.

    The first run parses ``data/airports.csv`` and packs the table into
    :func:`cache_dir`; later runs load the packed table, keyed by the CSV's size
    and modification time and by this module's source.

    Examples
    --------
    >>> len(airport_table()) > 20_000
    True
    """
    path = data_path("airports.csv")
    if not caching():
        return AirportTable.from_csv(path)
    cache = cache_dir() / f"airports-{_fingerprint([path], [Path(__file__)])}.marshal"
    try:
        return AirportTable._unpack(cache.read_bytes())
    except FileNotFoundError:
        pass
    except Exception as err:  # a corrupt or foreign cache is rebuilt, never trusted
        log.debug("ignoring airport table cache %s: %s", cache, err)
    table = AirportTable.from_csv(path)
    _write_cache(cache, table._pack())
    return table


_SOFT_SURFACES: Final = frozenset(
    {"TURF", "DIRT", "SAND", "WATER", "SNOW", "ICE", "GRVL", "UNPAVED", "CORAL", "WOOD", "G", "S"}
)


def is_jet_usable(airport: Airport) -> bool:
    """Whether a business or airline jet can plausibly use the airport.

    A hard runway of 4,000 ft or more; when the runway is not known, a large
    airport or a medium one with scheduled service.

    Examples
    --------
    >>> from flightlegs.reference.airports import airport_table
    >>> is_jet_usable(airport_table().by_code("AZA"))
    True
    >>> is_jet_usable(airport_table().by_code("00AK")) # 2,500 ft of gravel
    False
    """
    if airport.longest_runway_ft is None:
        return airport.type == "large_airport" or (
            airport.type == "medium_airport" and airport.scheduled_service
        )
    return airport.longest_runway_ft >= 4000 and airport.runway_surface not in _SOFT_SURFACES


def airport_place(airport: Airport) -> str:
    """Where an airport is: its city and state in the US, its city and country elsewhere.

    Empty when the table records neither. Reads the names of regions and
    countries from the bundled tables, without loading the gazetteer.

    Examples
    --------
    >>> airport_place(airport_table().by_code("ANC"))
    'Anchorage, Alaska'
    >>> airport_place(airport_table().by_code("SHE"))
    'Shenyang, China'
    """
    names = _area_names()
    wider = names.get(airport.region) if airport.country == "US" else names.get(airport.country)
    return ", ".join(p for p in (airport.city, wider) if p)


@functools.cache
def _area_names() -> dict[str, str]:
    """Names of countries (``"CN"``) and US states (``"US-AK"``) by code."""
    names: dict[str, str] = {}
    for name in ("countries.csv", "regions.csv"):
        with data_path(name).open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if name == "countries.csv" or row["country"] == "US":
                    names[row["code"]] = row["name"]
    return names
