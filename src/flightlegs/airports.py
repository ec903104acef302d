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
import hashlib
import itertools
import logging
import marshal
import os
import re
import sys
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt

from ._data import data_path
from .errors import AmbiguousPlaceError, InputError, UnknownPlaceError
from .geodesy import LatLon

__all__ = ["Airport", "AirportTable", "airport_table", "cache_dir"]

log = logging.getLogger(__name__)

_CODE = re.compile(r"^[A-Za-z0-9]{3,4}$")
_COLUMNS = (
    "ident", "icao", "iata", "faa", "name", "type", "latitude_deg", "longitude_deg",
    "elevation_ft", "country", "region", "municipality", "scheduled_service",
    "longest_runway_ft", "runway_surface", "keywords",
)  # fmt: skip
_TYPE_RANK = {"large_airport": 0, "medium_airport": 1, "small_airport": 2}
# first item of a packed table; bump it when the packed layout changes
_PACK_FORMAT: Final = "flightlegs-airports-1"


@dataclass(frozen=True, slots=True)
class Airport:
    """One airport of the bundled table.

    Attributes
    ----------
    ident
        OurAirports identifier (usually the ICAO code).
    icao, iata, faa
        Codes; ``None`` when the airport has none.
    name
        Airport name.
    type
        ``large_airport``, ``medium_airport`` or ``small_airport``.
    position
        Coordinates of the airport reference point.
    elevation_ft
        Field elevation in feet, when known.
    country, region
        ISO 3166-1 alpha-2 country and ISO 3166-2 region codes.
    municipality
        The town or city the airport serves.
    scheduled_service
        Whether airlines fly scheduled services there.
    longest_runway_ft
        Length of the longest runway that is not closed, in feet.
    runway_surface
        Surface of that runway (``ASPH``, ``CONC``, ``GRVL``, ...).
    keywords
        Other names (former names, military names), comma separated.
    """

    ident: str
    icao: str | None
    iata: str | None
    faa: str | None
    name: str
    type: str
    position: LatLon
    elevation_ft: float | None
    country: str
    region: str
    municipality: str
    scheduled_service: bool
    longest_runway_ft: float | None
    runway_surface: str
    keywords: str

    @property
    def code(self) -> str:
        """The code people know best: IATA, else ICAO, else the identifier.

        Examples
        --------
        >>> airport_table().by_code("KIWA").code
        'AZA'
        """
        return self.iata or self.icao or self.ident

    @property
    def city(self) -> str:
        """The town or city served, cleaned of the table's district notes.

        OurAirports writes ``"Shenzhen (Bao'an)"`` and, in China,
        ``"Hunnan, Shenyang"`` (district, then city); this gives the city.

        Examples
        --------
        >>> airport_table().by_code("SHE").city
        'Shenyang'
        >>> airport_table().by_code("EZE").city
        'Buenos Aires'
        >>> airport_table().by_code("GLA").city
        'Paisley'
        """
        text = re.sub(r"\s*\([^)]*\)", "", self.municipality).strip()
        parts = [p.strip() for p in text.split(",") if p.strip()]
        if not parts:
            return self.municipality.strip()
        return parts[-1] if self.country == "CN" else parts[0]

    @property
    def label(self) -> str:
        """``"Name (IATA/ICAO)"`` for tables, popups and messages."""
        codes = "/".join(c for c in (self.iata, self.icao or self.ident) if c)
        return f"{self.name} ({codes})"


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
        if not _CODE.match(code.strip()):
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


def cache_dir() -> Path:
    """Where flightlegs keeps caches: ``$XDG_CACHE_HOME/flightlegs`` or ``~/.cache/flightlegs``.

    Examples
    --------
    >>> cache_dir().name
    'flightlegs'
    """
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "flightlegs"


def _fingerprint(data_files: Iterable[Path], sources: Iterable[Path]) -> str:
    """A cache key from the data files' size and mtime and the source of the code reading them.

    Stat calls, not hashes of megabytes of data, so a start costs microseconds;
    the sources are small and hashed whole, so no edit of the code reuses a cache.
    """
    digest = hashlib.sha256(sys.version.encode())  # pickle and marshal formats follow Python
    for path in data_files:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    for path in sources:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


# a cache file's name: its kind, the key made by _fingerprint, and its format
_CACHE_NAME = re.compile(r"(?P<kind>[a-z]+)-[0-9a-f]{24}(?P<suffix>\.[a-z]+)")


def _write_cache(path: Path, data: bytes) -> None:
    """Write a cache file atomically, then delete the older caches it replaces.

    An unwritable cache only costs the next run a rebuild.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as err:
        log.debug("cannot write cache %s: %s", path, err)
        return
    _prune_older(path)


def _prune_older(path: Path) -> None:
    """Delete the caches of ``path``'s kind that are older than it.

    Each change of the data or of the code gives a cache a new key, so without
    this every edit would leave one more file of several megabytes behind. Only
    regular files named like a cache of the same kind and suffix
    (``gazetteer-<key>.pickle``, ``airports-<key>.marshal``) and written no
    later than ``path`` are removed; anything else in the folder is left alone,
    and a file that cannot be removed is left too.
    """
    mine = _CACHE_NAME.fullmatch(path.name)
    if mine is None:
        return
    try:
        written = path.stat().st_mtime_ns
        others = [p for p in path.parent.iterdir() if p.name != path.name]
    except OSError as err:
        log.debug("cannot list caches beside %s: %s", path, err)
        return
    for other in others:
        theirs = _CACHE_NAME.fullmatch(other.name)
        if theirs is None or theirs.group("kind", "suffix") != mine.group("kind", "suffix"):
            continue
        try:
            stat = other.lstat()
            if stat.st_mtime_ns <= written and other.is_file() and not other.is_symlink():
                other.unlink()
        except OSError as err:
            log.debug("cannot remove old cache %s: %s", other, err)


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
