"""Leg geometry for maps and exports: densified geodesic paths, split at the antimeridian."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import numpy as np
import numpy.typing as npt

from flightlegs.checks.results import leg_verdicts
from flightlegs.core.geodesy import densify, shift_longitudes, unwrap_longitudes
from flightlegs.core.legs import Leg, measure_many, total_m
from flightlegs.core.route import Route

if TYPE_CHECKING:
    import shapely

    from flightlegs.checks.results import RouteCheck

__all__ = ["SPACING_M", "FloatArray", "antimeridian_parts", "leg_path", "window_centre"]


#: Greatest distance between drawn points of a leg, in metres: a 6,000 km leg
#: becomes 121 points, smooth at any zoom a whole route fits in.
SPACING_M: Final = 50_000.0
#: Most points drawn over all legs of a many-route map.
_MANY_POINT_BUDGET: Final = 200_000


FloatArray = npt.NDArray[np.float64]


def leg_path(leg: Leg, spacing_m: float = SPACING_M) -> FloatArray | None:
    """The geodesic of a leg as points to draw, or ``None`` when an end has no position.

    Parameters
    ----------
    leg
        The leg; its best-guess ends are joined.
    spacing_m
        Greatest distance between consecutive points (see :func:`flightlegs.core.geodesy.densify`).

    Returns
    -------
    numpy.ndarray or None
        ``(n, 2)`` array of ``(lat, lon)`` rows. The first longitude is in
        [-180, 180]; the rest are unwrapped so that consecutive longitudes
        differ by less than 180 degrees (the line may run past +/-180).

    Examples
    --------
    >>> from flightlegs.read.inputs import read_routes
    >>> path = leg_path(read_routes("ANC-SHE")[0].legs()[0])
    >>> float(path[0, 1]), round(float(path[-1, 1]), 3)  # westward across the antimeridian
    (-149.996002, -236.517)
    """
    a, b = leg.origin.position, leg.destination.position
    if a is None or b is None:
        return None
    points = densify(a, b, spacing_m=spacing_m)
    points[:, 1] = unwrap_longitudes(points[:, 1])
    return points


def antimeridian_parts(path: FloatArray) -> list[shapely.LineString]:
    """Cut an unwrapped ``(lat, lon)`` path at the antimeridian into lon/lat lines.

    Each part lies within [-180, 180]; a part that reaches the antimeridian
    ends exactly on it (at 180 or -180) and the next begins on the other side,
    as RFC 7946 section 3.1.9 asks. Parts follow the direction of travel.

    Examples
    --------
    >>> parts = antimeridian_parts(np.array([[60.0, 170.0], [62.0, 190.0]]))
    >>> [[tuple(map(float, c)) for c in p.coords] for p in parts]
    [[(170.0, 60.0), (180.0, 61.0)], [(-180.0, 61.0), (-170.0, 62.0)]]
    """
    import shapely
    import shapely.affinity

    line = shapely.LineString(np.column_stack([path[:, 1], path[:, 0]]))
    lons = path[:, 1]
    first = math.floor((float(lons.min()) + 180.0) / 360.0)
    last = math.floor((float(lons.max()) + 180.0) / 360.0)
    pieces: list[tuple[float, shapely.LineString]] = []
    for turn in range(first, last + 1):
        west = -180.0 + 360.0 * turn
        clipped = shapely.clip_by_rect(line, west, -90.0, west + 360.0, 90.0)
        for piece in getattr(clipped, "geoms", [clipped]):
            if piece.is_empty or not isinstance(piece, shapely.LineString) or piece.length == 0:
                continue
            moved = shapely.affinity.translate(piece, xoff=-360.0 * turn)
            pieces.append((float(line.project(shapely.Point(piece.coords[0]))), moved))
    if not pieces:  # a leg between two points at the same place
        start = shapely.LineString([(path[0, 1], path[0, 0]), (path[-1, 1], path[-1, 0])])
        return [shapely.affinity.translate(start, xoff=-360.0 * first)]
    pieces.sort(key=lambda item: item[0])
    return [piece for _, piece in pieces]


def window_centre(lons: npt.ArrayLike) -> float:
    """Centre of the narrowest longitude window that holds every given longitude.

    The window is the complement of the widest gap between the longitudes on
    the circle; its centre is returned in (-180, 180].

    Examples
    --------
    >>> window_centre([-150.0, 123.5, 126.4, -111.6])  # Alaska and Asia: over the Pacific
    -174.05
    >>> window_centre([-10.0, 20.0])
    5.0
    >>> window_centre([])
    0.0
    """
    values = np.sort(np.mod(np.asarray(lons, dtype=np.float64).ravel(), 360.0))
    if values.size == 0:
        return 0.0
    gaps = np.diff(np.append(values, values[0] + 360.0))
    widest = int(np.argmax(gaps))
    start = values[(widest + 1) % values.size]
    centre = float(start + (360.0 - gaps[widest]) / 2.0)
    centre = (centre + 180.0) % 360.0 - 180.0
    return 180.0 if centre == -180.0 else round(centre, 9)


# ---------------------------------------------------------------------- geometry


@dataclass(slots=True)
class _Layout:
    """The routes' geometry, every longitude in one window around ``centre``."""

    routes: list[Route]
    legs: list[tuple[Leg, ...]]
    verdicts: list[list[str]]
    paths: list[list[FloatArray | None]]
    centre: float

    def shift(self, lon: float) -> float:
        return float(shift_longitudes(lon, self.centre))

    def bounds(self) -> list[list[float]] | None:
        """South-west and north-east corners of the stops and arcs, or None."""
        lats: list[float] = []
        lons: list[float] = []
        for route, paths in zip(self.routes, self.paths, strict=True):
            for stop in route.stops:
                if stop.position is not None:
                    lats.append(stop.position.lat)
                    lons.append(self.shift(stop.position.lon))
            for path in paths:
                if path is not None:
                    lats.extend((float(path[:, 0].min()), float(path[:, 0].max())))
                    lons.extend((float(path[:, 1].min()), float(path[:, 1].max())))
        if not lats:
            return None
        return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _layout(routes: list[Route], checks: list[RouteCheck] | None, many: bool) -> _Layout:
    legs = measure_many(routes)
    spacing = SPACING_M
    if many:  # keep the drawn points within budget: long legs get sparser points
        total = total_m(leg for route_legs in legs for leg in route_legs)
        spacing = max(SPACING_M, total / _MANY_POINT_BUDGET)
    paths = [[leg_path(leg, spacing) for leg in route_legs] for route_legs in legs]
    lons = [s.position.lon for r in routes for s in r.stops if s.position is not None]
    arrays = [p[:, 1] for route_paths in paths for p in route_paths if p is not None]
    centre = window_centre(np.concatenate([np.asarray(lons, dtype=np.float64), *arrays]))
    for route_paths in paths:
        for path in route_paths:
            if path is not None:
                path[:, 1] += float(shift_longitudes(path[0, 1], centre)) - path[0, 1]
    return _Layout(routes, legs, leg_verdicts(routes, checks), paths, centre)
