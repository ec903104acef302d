"""All geodesy of flightlegs, on the WGS84 ellipsoid, vectorised over numpy arrays.

One :class:`pyproj.Geod` does the work. Every function here takes latitude
before longitude, as people write coordinates; pyproj's longitude-first order
stays inside this module. Distances are in metres; convert at the edges with
:func:`convert`.

Examples
--------
>>> km = convert(distance_m(LatLon(61.1744, -149.996), LatLon(41.6398, 123.483)), "km")
>>> round(float(km), 1)
5892.2
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final, Literal

import numpy as np
import numpy.typing as npt
from pyproj import Geod

from flightlegs.errors import InputError

__all__ = [
    "GEOD",
    "METRES_PER",
    "ArrayLike",
    "FloatArray",
    "LatLon",
    "Unit",
    "circle",
    "convert",
    "densify",
    "distance_m",
    "inverse",
    "shift_longitudes",
    "sphere_distance_m",
    "unwrap_longitudes",
]

#: The one WGS84 ellipsoid every distance in flightlegs is measured on.
GEOD: Final = Geod(ellps="WGS84")

Unit = Literal["m", "km", "nm", "mi"]

#: Metres in each unit: the international nautical mile (1852 m) and the
#: international statute mile (1609.344 m), both exact by definition.
METRES_PER: Final[dict[str, float]] = {"m": 1.0, "km": 1000.0, "nm": 1852.0, "mi": 1609.344}

FloatArray = npt.NDArray[np.float64]
ArrayLike = npt.ArrayLike


@dataclass(frozen=True, slots=True)
class LatLon:
    """A point on the WGS84 ellipsoid, latitude first, in decimal degrees.

    Longitude is normalised into [-180, 180].

    Examples
    --------
    >>> LatLon(41.64, 123.48)
    LatLon(lat=41.64, lon=123.48)
    >>> LatLon(10, 190).lon
    -170.0
    >>> LatLon(91, 0)
    Traceback (most recent call last):
    ...
    flightlegs.errors.InputError: latitude 91 is outside [-90, 90]
    """

    lat: float
    lon: float

    def __post_init__(self) -> None:
        lat, lon = float(self.lat), float(self.lon)
        if not math.isfinite(lat) or not -90.0 <= lat <= 90.0:
            raise InputError(f"latitude {self.lat} is outside [-90, 90]")
        if not math.isfinite(lon):
            raise InputError(f"longitude {self.lon} is not a finite number")
        object.__setattr__(self, "lat", lat)
        object.__setattr__(self, "lon", _wrap180(lon))

    def __str__(self) -> str:
        ns = "N" if self.lat >= 0 else "S"
        ew = "E" if self.lon >= 0 else "W"
        return f"{abs(self.lat):.4f}{ns} {abs(self.lon):.4f}{ew}"


def _wrap180(lon: float) -> float:
    if -180.0 <= lon <= 180.0:  # leave valid input untouched (no rounding noise)
        return lon
    return (lon + 180.0) % 360.0 - 180.0


def convert(metres: ArrayLike, unit: Unit | str) -> FloatArray | float:
    """Convert a distance in metres into ``unit`` (``m``, ``km``, ``nm`` or ``mi``).

    Examples
    --------
    >>> convert(1852.0, "nm")
    1.0
    >>> convert(np.array([1000.0, 2000.0]), "km").tolist()
    [1.0, 2.0]
    """
    try:
        factor = METRES_PER[unit]
    except KeyError:
        raise InputError(
            f"unknown distance unit {unit!r}; expected one of {', '.join(METRES_PER)}"
        ) from None
    if np.isscalar(metres):
        return float(metres) / factor  # type: ignore[arg-type]
    return np.asarray(metres, dtype=np.float64) / factor


def inverse(
    lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike
) -> tuple[FloatArray, FloatArray]:
    """Solve the inverse geodesic problem for arrays of point pairs.

    Parameters
    ----------
    lat1, lon1, lat2, lon2
        Degrees; arrays (or scalars) that broadcast together.

    Returns
    -------
    distance_m, bearing_deg
        Ellipsoidal distance in metres and initial true bearing in [0, 360).
        Coincident points have distance 0 and bearing 0.

    Examples
    --------
    >>> d, b = inverse([0.0], [0.0], [0.0], [1.0])
    >>> round(float(d[0]), 3), round(float(b[0]), 1)
    (111319.491, 90.0)
    """
    la1, lo1, la2, lo2 = np.broadcast_arrays(
        *(np.asarray(a, dtype=np.float64) for a in (lat1, lon1, lat2, lon2))
    )
    if la1.size == 0:
        empty = np.zeros(la1.shape)
        return empty, empty.copy()
    az, _, dist = GEOD.inv(
        np.ascontiguousarray(lo1),
        np.ascontiguousarray(la1),
        np.ascontiguousarray(lo2),
        np.ascontiguousarray(la2),
    )
    dist = np.asarray(dist, dtype=np.float64).reshape(la1.shape)
    bearing = np.mod(np.asarray(az, dtype=np.float64).reshape(la1.shape), 360.0)
    bearing = np.where(dist == 0.0, 0.0, bearing)
    return dist, bearing


#: Mean Earth radius (IUGG), for the spherical distance used only to filter and choose.
MEAN_EARTH_RADIUS_M: Final = 6_371_008.8


def sphere_distance_m(
    lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike
) -> FloatArray:
    """Great-circle distance on a sphere, in metres: fast, for filtering only.

    Up to 0.56 % off the ellipsoid (benchmarks in the README), about 15 times
    faster than :func:`inverse`; figures shown to people come from :func:`inverse`.

    Examples
    --------
    >>> round(float(sphere_distance_m(0.0, 0.0, 0.0, 1.0)))
    111195
    """
    la1, lo1, la2, lo2 = (
        np.radians(np.asarray(a, dtype=np.float64)) for a in (lat1, lon1, lat2, lon2)
    )
    h = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
    return np.asarray(2.0 * MEAN_EARTH_RADIUS_M * np.arcsin(np.sqrt(np.minimum(h, 1.0))))


def distance_m(a: LatLon, b: LatLon) -> float:
    """Ellipsoidal distance in metres between two points.

    Examples
    --------
    >>> round(distance_m(LatLon(0, 0), LatLon(0, 180)) / 1000)
    20004
    """
    dist, _ = inverse(a.lat, a.lon, b.lat, b.lon)
    return float(dist)


def densify(a: LatLon, b: LatLon, spacing_m: float = 50_000.0, min_points: int = 8) -> FloatArray:
    """Points along the geodesic from ``a`` to ``b``, for drawing.

    Parameters
    ----------
    a, b
        The ends of the leg.
    spacing_m
        Greatest distance between consecutive points, in metres.
    min_points
        Fewest points returned (ends included), so short legs still curve.

    Returns
    -------
    numpy.ndarray
        ``(n, 2)`` array of ``(lat, lon)`` rows from ``a`` to ``b`` inclusive;
        longitudes in [-180, 180] (use :func:`unwrap_longitudes` before drawing).

    Examples
    --------
    >>> pts = densify(LatLon(61.17, -150.0), LatLon(41.64, 123.48), spacing_m=500_000)
    >>> pts.shape
    (13, 2)
    >>> pts[0].tolist(), pts[-1].tolist()
    ([61.17, -150.0], [41.64, 123.48])
    """
    if spacing_m <= 0:
        raise InputError(f"spacing_m must be positive, got {spacing_m}")
    total = distance_m(a, b)
    n = max(min_points, math.ceil(total / spacing_m) + 1)
    if total == 0.0:
        return np.array([[a.lat, a.lon]] * 2, dtype=np.float64)
    line = GEOD.inv_intermediate(
        a.lon, a.lat, b.lon, b.lat, npts=n, initial_idx=0, terminus_idx=0, return_back_azimuth=True
    )
    out = np.column_stack([np.asarray(line.lats), np.asarray(line.lons)])
    out[0] = (a.lat, a.lon)
    out[-1] = (b.lat, b.lon)
    return out


def unwrap_longitudes(lons: ArrayLike) -> FloatArray:
    """Make consecutive longitudes differ by less than 180 degrees.

    A line that crosses the antimeridian then continues past +/-180 instead of
    jumping across the whole map, which is how Leaflet draws it correctly.

    Examples
    --------
    >>> unwrap_longitudes([170.0, 179.0, -179.0, -170.0]).tolist()
    [170.0, 179.0, 181.0, 190.0]
    """
    arr = np.asarray(lons, dtype=np.float64)
    if arr.size < 2:
        return arr.copy()
    return np.rad2deg(np.unwrap(np.deg2rad(arr)))


def shift_longitudes(lons: ArrayLike, center: float) -> FloatArray:
    """Shift longitudes by whole turns into the window ``[center - 180, center + 180)``.

    Used to place markers, rings and bounds in the same continuous longitude
    window as a route drawn with :func:`unwrap_longitudes`.

    Examples
    --------
    >>> shift_longitudes([-150.0, 123.5], center=190.0).tolist()
    [210.0, 123.5]
    """
    arr = np.asarray(lons, dtype=np.float64)
    return (arr - (center - 180.0)) % 360.0 + (center - 180.0)


def circle(center: LatLon, radius_m: float, n: int = 180) -> FloatArray:
    """A geodesic circle (range ring): points at ``radius_m`` from ``center``.

    Parameters
    ----------
    center
        Centre of the ring.
    radius_m
        Geodesic radius in metres; must be positive and less than half the
        meridian's length.
    n
        Number of distinct points; the ring is closed (first point repeated).

    Returns
    -------
    numpy.ndarray
        ``(n + 1, 2)`` array of ``(lat, lon)``, longitudes unwrapped so that the
        ring is continuous around ``center``.

    Examples
    --------
    >>> ring = circle(LatLon(61.17, -150.0), 1_000_000, n=36)
    >>> ring.shape
    (37, 2)
    >>> d, _ = inverse(61.17, -150.0, ring[:, 0], ring[:, 1])
    >>> bool(np.allclose(d, 1_000_000, atol=1e-3))
    True
    """
    if not 0 < radius_m < 20_003_931.0:
        raise InputError(f"radius_m must be in (0, 20003931) metres, got {radius_m}")
    if n < 3:
        raise InputError(f"a circle needs at least 3 points, got {n}")
    az = np.linspace(0.0, 360.0, n, endpoint=False)
    lon, lat, _ = GEOD.fwd(
        np.full(n, center.lon), np.full(n, center.lat), az, np.full(n, float(radius_m))
    )
    lat = np.append(np.asarray(lat), lat[0])
    lon = shift_longitudes(np.append(np.asarray(lon), lon[0]), center.lon)
    # a ring that encloses a pole cannot be closed in one longitude window; unwrap it
    lon = unwrap_longitudes(lon)
    return np.column_stack([lat, lon])
