"""The airport value type, and the constants every reader of codes shares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from flightlegs.core.geodesy import LatLon

__all__ = ["Airport"]


#: An airport code as written: three (IATA, FAA) or four (ICAO) letters or digits.
_CODE: Final = re.compile(r"[A-Za-z0-9]{3,4}")
#: Larger airports first when several answer to one name or code.
_TYPE_RANK: Final = {"large_airport": 0, "medium_airport": 1, "small_airport": 2}
#: Longest place name accepted from any input, in characters.
_MAX_NAME_LENGTH: Final = 300


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
        >>> from flightlegs.reference.airports import airport_table
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
        >>> from flightlegs.reference.airports import airport_table
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
