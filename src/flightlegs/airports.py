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

    Build it with :func:`airport_table` (cached) or :meth:`from_csv`.

    Parameters
    ----------
    airports
        The airports, in table order.
    """

    def __init__(self, airports: list[Airport]) -> None:
        self._airports = airports
        self._by_iata: dict[str, list[int]] = {}
        self._by_icao: dict[str, list[int]] = {}
        self._by_faa: dict[str, list[int]] = {}
        for i, ap in enumerate(airports):
            if ap.iata:
                self._by_iata.setdefault(ap.iata, []).append(i)
            for code in {ap.icao, ap.ident}:
                if code:
                    self._by_icao.setdefault(code, []).append(i)
            if ap.faa and ap.faa != ap.iata:
                self._by_faa.setdefault(ap.faa, []).append(i)
        self.lat: npt.NDArray[np.float64] = np.array([a.position.lat for a in airports])
        self.lon: npt.NDArray[np.float64] = np.array([a.position.lon for a in airports])

    @classmethod
    def from_csv(cls, path: Path | str) -> AirportTable:
        """Read a table in the bundled ``airports.csv`` format.

        Raises
        ------
        InputError
            When the file misses a column or holds a bad value.
        """
        path = Path(path)
        airports: list[Airport] = []
        with path.open(newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            try:
                for row in reader:
                    airports.append(
                        Airport(
                            ident=row["ident"],
                            icao=row["icao"] or None,
                            iata=row["iata"] or None,
                            faa=row["faa"] or None,
                            name=row["name"],
                            type=row["type"],
                            position=LatLon(
                                float(row["latitude_deg"]), float(row["longitude_deg"])
                            ),
                            elevation_ft=_opt_float(row["elevation_ft"]),
                            country=row["country"],
                            region=row["region"],
                            municipality=row["municipality"],
                            scheduled_service=row["scheduled_service"] == "1",
                            longest_runway_ft=_opt_float(row["longest_runway_ft"]),
                            runway_surface=row["runway_surface"],
                            keywords=row["keywords"],
                        )
                    )
            except (KeyError, ValueError) as err:
                raise InputError(
                    f"{path}: line {reader.line_num}: not an airports table ({err})"
                ) from None
        return cls(airports)

    def __len__(self) -> int:
        return len(self._airports)

    def __iter__(self) -> Iterator[Airport]:
        return iter(self._airports)

    def __getitem__(self, index: int) -> Airport:
        return self._airports[index]

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
                return tuple(self._airports[i] for i in hits)
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
            ap = self._airports[index[c][0]]
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
