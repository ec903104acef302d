"""Naming the ends of legs: the nearest airport the aircraft could use.

All look-ups go through the one snap, :func:`flightlegs.geocode.snap.nearest_airport_indexes`
(a k-d tree on unit vectors). Priors on top of the distance: an aircraft that
cruises like a jet uses only airports fit for jets; among airports about
equally near, a larger one is likelier; nothing is named farther than the
limits below, so a glider landing in a field or a helicopter at a hospital
gets ``None`` rather than the nearest runway.

Examples
--------
>>> name, dist, conf = name_ground(47.4547, 8.5624, "jet")
>>> name.icao, round(dist), conf
('LSZH', 1144, 'high')
"""

from __future__ import annotations

import functools
import math
from typing import Final

import numpy as np
import numpy.typing as npt

from flightlegs.core.airport import Airport
from flightlegs.core.geodesy import inverse
from flightlegs.geocode.snap import Usable, nearest_airport_indexes
from flightlegs.reference.airports import airport_table
from flightlegs.tracks.model import Confidence

__all__ = [
    "GROUND_LIMIT_M",
    "aircraft_usable",
    "elevation_near",
    "name_ground",
    "name_joint",
    "name_single",
]

#: Farthest from an airport's reference point that a ground run is still at it.
GROUND_LIMIT_M: Final = 5_000.0
#: Farthest an airborne track end may be from the airport it is inferred to.
SINGLE_LIMIT_M: Final = 12_000.0
#: Farthest each side of a coverage gap may be from the airport of a hidden stop.
JOINT_LIMIT_M: Final = 30_000.0
#: Highest above the airport either side of a hidden stop may be.
JOINT_MAX_HEIGHT_FT: Final = 7_500.0
#: How far a terrain reference is looked for.
ELEVATION_LIMIT_M: Final = 8_000.0
#: Distance weights: a larger airport at the same distance is the likelier one.
_TYPE_WEIGHT: Final = {"large_airport": 0.6, "medium_airport": 0.8, "small_airport": 1.0}
_NM: Final = 1852.0


def aircraft_usable(type_code: str | None, cruise_kt: float) -> Usable:
    """Which airports the aircraft may use: from its type when known, else its speed.

    Examples
    --------
    >>> aircraft_usable("GLF5", 0.0), aircraft_usable(None, 130.0), aircraft_usable(None, 440.0)
    ('jet', 'any', 'jet')
    """
    if type_code:
        from flightlegs.errors import FlightlegsError
        from flightlegs.reference.aircraft import lookup_aircraft

        try:
            speed = lookup_aircraft(type_code).cruise_ktas
        except FlightlegsError:
            speed = None
        if speed is not None:
            return "jet" if speed.high >= 250 else "any"
    return "jet" if cruise_kt >= 250 else "any"


@functools.cache
def _elevations() -> npt.NDArray[np.float64]:
    table = airport_table()
    col = table.column("elevation_ft")
    return np.array([float(v) if v else np.nan for v in col], dtype=np.float64)


def elevation_near(lat_deg: npt.ArrayLike, lon_deg: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Elevation of the nearest airfield within 8 km, in feet; 0 (sea level) when none.

    A stand-in for the terrain under a low aircraft: good enough to tell a
    runway from a circuit, never used for figures.

    Examples
    --------
    >>> elevation_near([47.46, 0.0], [8.55, -30.0]).tolist()
    [1417.0, 0.0]
    """
    rows, _ = nearest_airport_indexes(lat_deg, lon_deg, k=1, usable="any", max_m=ELEVATION_LIMIT_M)
    elev = _elevations()
    out = np.where(rows[:, 0] >= 0, elev[np.maximum(rows[:, 0], 0)], 0.0)
    return np.where(np.isnan(out), 0.0, out)


def _candidates(
    lat: float, lon: float, usable: Usable, limit_m: float, k: int = 8
) -> list[tuple[Airport, float]]:
    rows, _ = nearest_airport_indexes(lat, lon, k=k, usable=usable, max_m=limit_m * 1.01)
    table = airport_table()
    chosen = [table[int(i)] for i in rows[0] if i >= 0]
    if not chosen:
        return []
    dist, _ = inverse(lat, lon, [a.position.lat for a in chosen], [a.position.lon for a in chosen])
    return [(a, float(d)) for a, d in zip(chosen, dist, strict=True) if d <= limit_m]


def _weighted(airport: Airport, dist_m: float) -> float:
    return dist_m * _TYPE_WEIGHT.get(airport.type, 1.0)


def name_ground(
    lat: float, lon: float, usable: Usable
) -> tuple[Airport | None, float | None, Confidence]:
    """The airport a ground run at a position is at, or ``None`` when none is near.

    Returns the airport, its distance in metres and the confidence.
    """
    found = _candidates(lat, lon, usable, GROUND_LIMIT_M)
    if not found:
        return None, None, "high"
    airport, dist = min(found, key=lambda ad: _weighted(*ad))
    conf: Confidence = "high" if dist <= 2_500 else "medium"
    return airport, dist, conf


def _height_ft(airport: Airport, altitude_ft: float) -> float:
    return altitude_ft - (airport.elevation_ft or 0.0)


def name_single(
    lat: float, lon: float, altitude_ft: float, usable: Usable
) -> tuple[Airport | None, float | None, Confidence]:
    """The airport an airborne track end is climbing from or descending to, if plain.

    Named only when the end is close and low enough for an ordinary climb or
    descent (about 4 degrees, plus 1,000 ft for the circuit) to join it to the
    runway; a track first seen at FL320 has no airport.
    """
    if math.isnan(altitude_ft):
        return None, None, "low"
    found = [
        (a, d)
        for a, d in _candidates(lat, lon, usable, SINGLE_LIMIT_M)
        if _height_ft(a, altitude_ft) <= 1_000.0 + 420.0 * d / _NM
    ]
    if not found:
        return None, None, "low"
    airport, dist = min(found, key=lambda ad: _weighted(*ad))
    height = _height_ft(airport, altitude_ft)
    conf: Confidence = "medium" if dist <= 5_000 and height <= 1_500 else "low"
    return airport, dist, conf


def name_joint(
    before: tuple[float, float, float], after: tuple[float, float, float], usable: Usable
) -> tuple[Airport | None, float, float]:
    """The airport of a stop hidden in a coverage gap, seen low on both sides.

    Parameters
    ----------
    before, after
        ``(lat, lon, altitude_ft)`` of the last point before and the first after the gap.

    Returns
    -------
    airport, distance_before_m, distance_after_m
        ``None`` and NaN when no airport is near and low enough on both sides.
    """
    near_a = dict(_candidates(before[0], before[1], usable, JOINT_LIMIT_M, k=16))
    near_b = dict(_candidates(after[0], after[1], usable, JOINT_LIMIT_M, k=16))
    both = [
        (a, near_a[a], near_b[a])
        for a in near_a
        if a in near_b
        and _height_ft(a, before[2]) <= JOINT_MAX_HEIGHT_FT
        and _height_ft(a, after[2]) <= JOINT_MAX_HEIGHT_FT
    ]
    if not both:
        return None, math.nan, math.nan
    airport, da, db = min(both, key=lambda x: _weighted(x[0], x[1] + x[2]))
    return airport, da, db
