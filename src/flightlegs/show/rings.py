"""Range rings as people write them: a stop, or Great Circle Mapper's ``1000nm@JFK``.

Great Circle Mapper draws a ring for ``DISTANCE@PLACE`` in its path box, the
distance optionally followed by a unit (``1000km@LAX``). flightlegs reads the same
form; a bare number is in nautical miles, the unit of ``--ring-nm``. Without a
distance (``ANC``, ``3``) the radius comes from ``--ring-nm`` or the aircraft.

Examples
--------
>>> parse_ring("1000@JFK")
Ring(where='JFK', radius_m=1852000.0, text='1000@JFK')
>>> parse_ring("1,500 km@lhr").radius_m, parse_ring("1,500 km@lhr").where
(1500000.0, 'lhr')
>>> parse_ring("3")
Ring(where='3', radius_m=None, text='3')
>>> is_ring_text("1000nm@JFK"), is_ring_text("AZA-ELP")
(True, False)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final

from flightlegs.core.geodesy import METRES_PER
from flightlegs.errors import InputError

__all__ = ["MAX_RING_M", "Ring", "is_ring_text", "parse_ring"]

#: Largest radius: half the Earth's circumference (about 10,800 nm), past which a ring
#: closes again on the far side.
MAX_RING_M: Final = 10_800 * METRES_PER["nm"]

_UNITS: Final = {"": "nm", "nm": "nm", "nmi": "nm", "km": "km", "mi": "mi", "sm": "mi"}
_RING: Final = re.compile(
    r"\s*(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[a-z]*)\s*@\s*(?P<where>\S.*?)\s*",
    re.IGNORECASE,
)
_MAX_TEXT: Final = 200  # longer text is no ring spec (and never reaches the pattern)


@dataclass(frozen=True, slots=True)
class Ring:
    """Where to draw a range ring, and how far out.

    Attributes
    ----------
    where
        A stop number (``"3"``), or a code or name of a stop or airport (``"ANC"``).
    radius_m
        Radius in metres, or ``None`` for the ``ring_nm`` of the map or the
        aircraft's published range.
    text
        The ring as it was written, for messages.
    """

    where: str
    radius_m: float | None = None
    text: str = ""

    def __post_init__(self) -> None:
        if not self.where:
            raise InputError(f"range ring {self.text!r}: no stop or airport after the '@'")
        if self.radius_m is not None and not (
            math.isfinite(self.radius_m) and 0 < self.radius_m < MAX_RING_M
        ):
            raise InputError(
                f"range ring {self.text or self.where!r}: the radius must be more than 0 "
                "and less than 10,800 nm (20,000 km)"
            )


def is_ring_text(text: str) -> bool:
    """Whether ``text`` is written as ``DISTANCE[UNIT]@PLACE``."""
    return len(text) <= _MAX_TEXT and _RING.fullmatch(text) is not None


def parse_ring(text: str | int) -> Ring:
    """A ring from ``"1000@JFK"``, ``"1000nm@JFK"``, ``"1800km@ANC"``, ``"ANC"`` or ``3``.

    Raises
    ------
    InputError
        An unknown unit, or a radius out of range.
    """
    if isinstance(text, int):
        return Ring(str(text), None, str(text))
    cleaned = text.strip()
    match = _RING.fullmatch(cleaned) if len(cleaned) <= _MAX_TEXT else None
    if match is None:
        if "@" in cleaned:
            raise InputError(
                f"range ring {cleaned!r}: expected DISTANCE@PLACE, such as 1000@JFK, "
                "1000nm@JFK, 1800km@ANC or 1200mi@SEA"
            )
        return Ring(cleaned, None, cleaned)
    unit = _UNITS.get(match["unit"].lower())
    if unit is None:
        raise InputError(
            f"range ring {cleaned!r}: unknown unit {match['unit']!r}; expected nm (the "
            "default), km or mi"
        )
    number = float(match["number"].replace(",", ""))
    return Ring(match["where"], number * METRES_PER[unit], cleaned)
