"""The bundled airport table and look-ups by IATA, ICAO or FAA code.

The table is read once, lazily, from ``data/airports.csv`` (built from
OurAirports' public-domain data by ``scripts/build_airports.py``). Codes are
matched case-insensitively. A code that names more than one airport raises
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
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from ._data import data_path
from .errors import AmbiguousPlaceError, InputError, UnknownPlaceError
from .geodesy import LatLon

__all__ = ["Airport", "AirportTable", "airport_table"]

_CODE = re.compile(r"^[A-Za-z0-9]{3,4}$")
_COLUMNS = (
    "ident", "icao", "iata", "faa", "name", "type", "latitude_deg", "longitude_deg",
    "elevation_ft", "country", "region", "municipality", "scheduled_service",
    "longest_runway_ft", "runway_surface", "keywords",
)  # fmt: skip
_TYPE_RANK = {"large_airport": 0, "medium_airport": 1, "small_airport": 2}


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
    def label(self) -> str:
        """``"Name (IATA/ICAO)"`` for tables, popups and messages."""
        codes = "/".join(c for c in (self.iata, self.icao or self.ident) if c)
        return f"{self.name} ({codes})"


def _opt_float(text: str) -> float | None:
    return float(text) if text else None


class AirportTable:
    """The airports, with code indexes and coordinate arrays.

    The table is held as columns; :class:`Airport` objects are made on first
    use, so loading stays fast. Build it with :func:`airport_table` (cached)
    or :meth:`from_csv`.

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
        self._cols = columns
        self._size = len(columns["ident"])
        self._made: list[Airport | None] = [None] * self._size
        self.lat: npt.NDArray[np.float64] = np.array(columns["latitude_deg"], dtype=np.float64)
        self.lon: npt.NDArray[np.float64] = np.array(columns["longitude_deg"], dtype=np.float64)
        self._by_iata: dict[str, list[int]] = {}
        self._by_icao: dict[str, list[int]] = {}
        self._by_faa: dict[str, list[int]] = {}
        for i, (ident, icao, iata, faa) in enumerate(
            zip(columns["ident"], columns["icao"], columns["iata"], columns["faa"], strict=True)
        ):
            if iata:
                self._by_iata.setdefault(iata, []).append(i)
            self._by_icao.setdefault(ident, []).append(i)
            if icao and icao != ident:
                self._by_icao.setdefault(icao, []).append(i)
            if faa and faa != iata:
                self._by_faa.setdefault(faa, []).append(i)

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

    def _make(self, i: int) -> Airport:
        c = self._cols
        return Airport(
            ident=c["ident"][i],
            icao=c["icao"][i] or None,
            iata=c["iata"][i] or None,
            faa=c["faa"][i] or None,
            name=c["name"][i],
            type=c["type"][i],
            position=LatLon(float(self.lat[i]), float(self.lon[i])),
            elevation_ft=_opt_float(c["elevation_ft"][i]),
            country=c["country"][i],
            region=c["region"][i],
            municipality=c["municipality"][i],
            scheduled_service=c["scheduled_service"][i] == "1",
            longest_runway_ft=_opt_float(c["longest_runway_ft"][i]),
            runway_surface=c["runway_surface"][i],
            keywords=c["keywords"][i],
        )

    def column(self, name: str) -> list[str]:
        """One column's text values, in table order (for vectorised filters)."""
        return self._cols[name]

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
            if hits:
                return tuple(self[i] for i in hits)
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
            ap = self[index[c][0]]
            return (_TYPE_RANK.get(ap.type, 9), 0 if ap.scheduled_service else 1, c)

        return tuple(sorted(found, key=rank)[:limit])


@functools.cache
def airport_table() -> AirportTable:
    """The bundled airport table, read once and cached.

    Examples
    --------
    >>> len(airport_table()) > 20_000
    True
    """
    return AirportTable.from_csv(data_path("airports.csv"))
