"""The nearest usable airports to positions: one snap for reports and tracks.

A k-d tree over the airports' 3-D unit vectors answers in microseconds per
point; the distances are then measured on the WGS84 ellipsoid. Which airports
are in the tree depends on who lands there: ``"jet"`` keeps those a business or
airline jet can use (:func:`~flightlegs.reference.airports.is_jet_usable`),
``"any"`` keeps every airfield of the table (light aircraft, gliders,
helicopters).

>>> from flightlegs.core.geodesy import LatLon
>>> [(a.code, round(m / 1000)) for a, m in nearest_airports(LatLon(61.2, -149.9), k=1)]
[('MRI', 3)]
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Literal

from flightlegs.core.airport import Airport
from flightlegs.core.geodesy import LatLon, inverse
from flightlegs.geocode.rank import DEFAULT_LIMIT
from flightlegs.reference.airports import airport_table, is_jet_usable

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["Usable", "nearest_airport_indexes", "nearest_airports", "snap_airports"]

#: Which airports an aircraft may use: those fit for jets, or every airfield.
Usable = Literal["jet", "any"]

_EARTH_RADIUS_M = 6_371_008.8


@functools.cache
def _snap_tree(usable: Usable = "jet") -> tuple[Any, npt.NDArray[np.intp]]:
    """A k-d tree over the 3-D unit vectors of the usable airports, and their table rows."""
    import numpy as np
    from scipy.spatial import cKDTree

    table = airport_table()
    if usable == "jet":
        rows = np.array([i for i, a in enumerate(table) if is_jet_usable(a)], dtype=np.intp)
    else:
        rows = np.arange(len(table), dtype=np.intp)
    lat = np.radians(table.lat[rows])
    lon = np.radians(table.lon[rows])
    return cKDTree(_unit_vectors(lat, lon)), rows


def snap_airports(usable: Usable = "jet") -> tuple[Airport, ...]:
    """The airports the snap considers for ``usable``, in table order."""
    table = airport_table()
    return tuple(table[int(i)] for i in _snap_tree(usable)[1])


def _unit_vectors(
    lat: npt.NDArray[np.float64], lon: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    import numpy as np

    return np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])


def nearest_airport_indexes(
    lat_deg: npt.ArrayLike,
    lon_deg: npt.ArrayLike,
    k: int = 1,
    usable: Usable = "jet",
    max_m: float | None = None,
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float64]]:
    """The ``k`` nearest usable airports to many points at once.

    Vectorised over the points: one tree query for all of them. Distances are
    on a sphere of the mean Earth radius (the chord through the tree), within
    0.5 % of the ellipsoid, which is enough to choose; measure a chosen one
    with :func:`~flightlegs.core.geodesy.inverse`.

    Parameters
    ----------
    lat_deg, lon_deg
        Positions, in degrees.
    k
        Airports per point.
    usable
        ``"jet"`` or ``"any"`` (see the module docstring).
    max_m
        Farthest distance to look; beyond it the row is ``-1`` and the distance inf.

    Returns
    -------
    rows, distance_m
        Arrays of shape ``(n, k)``: rows of :func:`~flightlegs.reference.airports.airport_table`
        and spherical distances, nearest first.

    Examples
    --------
    >>> from flightlegs.reference.airports import airport_table
    >>> rows, dist = nearest_airport_indexes([47.46, 0.0], [8.55, -30.0], max_m=50_000)
    >>> airport_table()[int(rows[0, 0])].icao, rows[1, 0], dist[1, 0]
    ('LSZH', np.int64(-1), np.float64(inf))
    """
    import numpy as np

    tree, table_rows = _snap_tree(usable)
    k = max(1, min(k, len(table_rows)))
    lat = np.radians(np.atleast_1d(np.asarray(lat_deg, dtype=np.float64)))
    lon = np.radians(np.atleast_1d(np.asarray(lon_deg, dtype=np.float64)))
    chord_max = np.inf if max_m is None else 2.0 * np.sin(min(max_m / _EARTH_RADIUS_M, np.pi) / 2)
    chord, idx = tree.query(_unit_vectors(lat, lon), k=k, distance_upper_bound=chord_max)
    chord = np.asarray(chord, dtype=np.float64).reshape(len(lat), k)
    idx = np.asarray(idx).reshape(len(lat), k)
    found = idx < len(table_rows)
    rows = np.where(found, table_rows[np.minimum(idx, len(table_rows) - 1)], -1)
    dist = np.where(found, 2.0 * _EARTH_RADIUS_M * np.arcsin(np.minimum(chord / 2, 1.0)), np.inf)
    return rows.astype(np.intp), dist


def nearest_airports(
    point: LatLon, k: int = DEFAULT_LIMIT, usable: Usable = "jet"
) -> list[tuple[Airport, float]]:
    """The ``k`` usable airports nearest to a point, with WGS84 distances in metres.

    Examples
    --------
    >>> [(a.code, round(d / 1000)) for a, d in nearest_airports(LatLon(41.80, 123.43), k=1)]
    [('SHE', 18)]
    """
    rows, _ = nearest_airport_indexes(point.lat, point.lon, k=k, usable=usable)
    table = airport_table()
    chosen = [table[int(i)] for i in rows[0] if i >= 0]
    dist, _ = inverse(
        point.lat, point.lon, [a.position.lat for a in chosen], [a.position.lon for a in chosen]
    )
    return list(zip(chosen, dist.tolist(), strict=True))
