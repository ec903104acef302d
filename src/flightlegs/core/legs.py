"""Legs: the measured hops between consecutive stops of a route.

Every candidate pair of a leg is measured in one vectorised call, so a vague
stop gives each leg a minimum, a likely (best guess to best guess) and a
maximum distance.

Examples
--------
>>> from flightlegs.read.chains import parse_chain
>>> route = parse_chain("AZA-ELP-ANC-SHE-ICN")[0]
>>> [round(leg.nm) for leg in measure(route)]
[282, 2445, 3182, 285]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from flightlegs.core.geodesy import METRES_PER, Unit, convert, inverse
from flightlegs.core.route import Route, Stop

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Leg", "legs_frame", "measure", "measure_many", "total_m"]

_NAN = float("nan")


@dataclass(frozen=True, slots=True)
class Leg:
    """One leg of a route.

    Attributes
    ----------
    number
        1-based leg number within the route.
    origin_index, destination_index
        Indexes of the leg's ends in the route's stops.
    origin, destination
        The stops themselves.
    distance_m
        Ellipsoidal distance between the best-guess positions, in metres
        (NaN when either end has no position).
    distance_min_m, distance_max_m
        Shortest and longest distance over every pair of candidate airports.
    bearing_deg
        Initial true bearing from the best-guess origin, in [0, 360).
    """

    number: int
    origin_index: int
    destination_index: int
    origin: Stop
    destination: Stop
    distance_m: float
    distance_min_m: float
    distance_max_m: float
    bearing_deg: float

    @property
    def is_measured(self) -> bool:
        """Whether both ends have a position, so the leg has a distance."""
        return not np.isnan(self.distance_m)

    @property
    def is_range(self) -> bool:
        """Whether the distance is uncertain (a vague stop at either end)."""
        return self.is_measured and self.distance_max_m - self.distance_min_m > 1.0

    @property
    def km(self) -> float:
        """Best-guess distance in kilometres."""
        return self.distance_m / METRES_PER["km"]

    @property
    def nm(self) -> float:
        """Best-guess distance in nautical miles."""
        return self.distance_m / METRES_PER["nm"]

    @property
    def mi(self) -> float:
        """Best-guess distance in statute miles."""
        return self.distance_m / METRES_PER["mi"]

    def distance(self, unit: Unit | str = "km") -> tuple[float, float, float]:
        """``(min, likely, max)`` distance in ``unit``."""
        return (
            float(convert(self.distance_min_m, unit)),
            float(convert(self.distance_m, unit)),
            float(convert(self.distance_max_m, unit)),
        )

    def time_aloft_h(self, cruise_ktas: float) -> float:
        """Hours in the air at ``cruise_ktas`` knots true airspeed in still air.

        Examples
        --------
        >>> from flightlegs.read.chains import parse_chain
        >>> leg = parse_chain("ANC-SHE")[0].legs()[0]
        >>> round(leg.time_aloft_h(459), 2)
        6.93
        """
        return self.nm / cruise_ktas


def total_m(legs: Iterable[Leg]) -> float:
    """Total of the best-guess distances of the legs that could be measured, in metres.

    Examples
    --------
    >>> from flightlegs.read.chains import parse_chain
    >>> round(total_m(parse_chain("AZA-ELP-ANC")[0].legs()) / 1000)
    5051
    """
    return sum(leg.distance_m for leg in legs if leg.is_measured)


def measure(route: Route) -> tuple[Leg, ...]:
    """Measure the legs of one route (see :func:`measure_many`)."""
    return measure_many([route])[0]


def measure_many(routes: Sequence[Route]) -> list[tuple[Leg, ...]]:
    """Measure the legs of many routes with one geodesic call.

    Parameters
    ----------
    routes
        Routes whose consecutive stops become legs.

    Returns
    -------
    list of tuple of Leg
        The legs of each route, in the routes' order.

    Examples
    --------
    >>> from flightlegs.read.chains import parse_chain
    >>> [[round(leg.km) for leg in legs] for legs in measure_many(parse_chain("AZA-ELP, ANC-SHE"))]
    [[523], [5892]]
    """
    # Flatten every candidate pair of every leg into one set of arrays.
    lat1: list[float] = []
    lon1: list[float] = []
    lat2: list[float] = []
    lon2: list[float] = []
    starts: list[int] = []  # first pair of each measured leg
    # per route, per leg: its place in `starts`, or -1 when an end has no position
    plan: list[list[int]] = []
    for route in routes:
        legs_plan = []
        for origin, destination in itertools.pairwise(route.stops):
            a, b = origin.positions, destination.positions
            if not a or not b:
                legs_plan.append(-1)
                continue
            legs_plan.append(len(starts))
            starts.append(len(lat1))
            for pa in a:
                for pb in b:
                    lat1.append(pa.lat)
                    lon1.append(pa.lon)
                    lat2.append(pb.lat)
                    lon2.append(pb.lon)
        plan.append(legs_plan)

    dist, bearing = inverse(lat1, lon1, lat2, lon2)
    if starts:
        idx = np.asarray(starts)
        d_min = np.minimum.reduceat(dist, idx)
        d_max = np.maximum.reduceat(dist, idx)
        likely, first_bearing = dist[idx], bearing[idx]
    out: list[tuple[Leg, ...]] = []
    for route, legs_plan in zip(routes, plan, strict=True):
        legs = []
        for i, k in enumerate(legs_plan):
            if k < 0:
                values = (_NAN, _NAN, _NAN, _NAN)
            else:
                values = (
                    float(likely[k]),
                    float(d_min[k]),
                    float(d_max[k]),
                    float(first_bearing[k]),
                )
            legs.append(Leg(i + 1, i, i + 1, route.stops[i], route.stops[i + 1], *values))
        out.append(tuple(legs))
    return out


def legs_frame(route: Route, cruise_ktas: float | None = None) -> pd.DataFrame:
    """The legs of a route as a pandas DataFrame, one row per leg.

    Parameters
    ----------
    route
        The route to tabulate.
    cruise_ktas
        Cruise true airspeed in knots; when given, a ``time_aloft_h`` column
        gives hours at that speed in still air.

    Returns
    -------
    pandas.DataFrame
        Columns ``leg, from, to, from_code, to_code, distance_km, distance_nm,
        distance_mi, distance_km_min, distance_km_max, distance_nm_min,
        distance_nm_max, bearing_deg`` and,
        with ``cruise_ktas``, ``time_aloft_h``.

    Examples
    --------
    >>> from flightlegs.read.chains import parse_chain
    >>> df = legs_frame(parse_chain("AZA-ELP-ANC")[0], cruise_ktas=459)
    >>> df[["from_code", "to_code"]].values.tolist()
    [['AZA', 'ELP'], ['ELP', 'ANC']]
    >>> round(float(df["distance_km"].sum()))
    5051
    """
    import pandas as pd

    legs = measure(route)
    rows = []
    for leg in legs:
        km_min, km, km_max = leg.distance("km")
        nm_min, nm, nm_max = leg.distance("nm")
        row: dict[str, object] = {
            "leg": leg.number,
            "from": leg.origin.name,
            "to": leg.destination.name,
            "from_code": leg.origin.code,
            "to_code": leg.destination.code,
            "distance_km": km,
            "distance_nm": nm,
            "distance_mi": leg.mi,
            "distance_km_min": km_min,
            "distance_km_max": km_max,
            "distance_nm_min": nm_min,
            "distance_nm_max": nm_max,
            "bearing_deg": leg.bearing_deg,
        }
        if cruise_ktas:
            row["time_aloft_h"] = leg.time_aloft_h(cruise_ktas)
        rows.append(row)
    columns = [
        "leg", "from", "to", "from_code", "to_code", "distance_km", "distance_nm",
        "distance_mi", "distance_km_min", "distance_km_max", "distance_nm_min",
        "distance_nm_max", "bearing_deg",
    ]  # fmt: skip
    if cruise_ktas:
        columns.append("time_aloft_h")
    return pd.DataFrame(rows, columns=columns)
