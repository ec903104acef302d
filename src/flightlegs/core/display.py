"""How distances and places are written for people: one way each.

The terminal tables, the checks' sentences, the map's popups and the KML
descriptions write their figures through these helpers, so a distance reads
``5,892 km`` and a range ``5,249–7,546 nm`` wherever it is shown.

Examples
--------
>>> span(5249.4, 7546.2, "nm")
'5,249–7,546 nm'
>>> from flightlegs.read.chains import parse_chain
>>> leg = parse_chain("ANC-SHE")[0].legs()[0]
>>> leg_distance(leg)
'5,892 km · 3,182 nm'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flightlegs.core.geodesy import METRES_PER

if TYPE_CHECKING:
    from flightlegs.core.legs import Leg

__all__ = ["duration", "figure", "km_nm", "leg_distance", "span"]


def figure(value: float) -> str:
    """A whole number with thousands separators: ``5,892``."""
    return f"{value:,.0f}"


def span(low: float, high: float, unit: str = "") -> str:
    """``low–high unit`` with an en dash, or one figure when both round alike.

    Examples
    --------
    >>> span(1000.2, 1000.4, "kt")
    '1,000 kt'
    >>> span(980, 1210)
    '980–1,210'
    """
    tail = f" {unit}" if unit else ""
    if round(low) == round(high):
        return f"{figure(low)}{tail}"
    return f"{figure(low)}\u2013{figure(high)}{tail}"


def duration(hours: float) -> str:
    """A time in hours and minutes: ``6 h 56 min``; negative times keep their sign.

    Examples
    --------
    >>> duration(6.93)
    '6 h 56 min'
    >>> duration(-0.5)
    '-0 h 30 min'
    """
    minutes = round(hours * 60.0)
    sign = "-" if minutes < 0 else ""
    whole, rest = divmod(abs(minutes), 60)
    return f"{sign}{whole} h {rest:02d} min"


def km_nm(metres: float) -> str:
    """A distance in both units: ``5,892 km · 3,182 nm``."""
    return f"{figure(metres / METRES_PER['km'])} km · {figure(metres / METRES_PER['nm'])} nm"


def leg_distance(leg: Leg) -> str:
    """A leg's distance in km and nm; for a vague stop, the range and the best guess.

    Examples
    --------
    >>> from flightlegs.core.route import Route, Stop, StopKind
    >>> from flightlegs.reference.airports import airport_table
    >>> t = airport_table()
    >>> texas = Stop("Texas", StopKind.REGION, candidates=(t.by_code("ELP"), t.by_code("IAH")))
    >>> leg_distance(Route((Stop.at_airport(t.by_code("AZA")), texas)).legs()[0])
    '523–1,589 km · 282–858 nm (best guess 523 km)'
    """
    if not leg.is_range:
        return km_nm(leg.distance_m)
    low, likely, high = leg.distance("km")
    nm_low, _, nm_high = leg.distance("nm")
    return (
        f"{span(low, high, 'km')} · {span(nm_low, nm_high, 'nm')} (best guess {figure(likely)} km)"
    )
