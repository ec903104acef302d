"""The nearest usable airports to a position: one snap for reports and tracks.

A k-d tree over the airports' 3-D unit vectors answers in microseconds; the
distances are then measured on the WGS84 ellipsoid.

>>> from flightlegs.core.geodesy import LatLon
>>> [(a.code, round(m / 1000)) for a, m in nearest_airports(LatLon(61.2, -149.9), k=1)]
[('MRI', 3)]
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from flightlegs.core.airport import Airport
from flightlegs.core.geodesy import LatLon, inverse
from flightlegs.geocode.rank import DEFAULT_LIMIT
from flightlegs.reference.airports import is_jet_usable
from flightlegs.reference.gazetteer.index import gazetteer

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["nearest_airports"]


@functools.cache
def _snap_tree() -> tuple[Any, tuple[Airport, ...]]:
    """A k-d tree over the 3-D unit vectors of the airports usable by jets."""
    import numpy as np
    from scipy.spatial import cKDTree

    airports = tuple(a for a in gazetteer().airports() if is_jet_usable(a))
    lat = np.radians([a.position.lat for a in airports])
    lon = np.radians([a.position.lon for a in airports])
    return cKDTree(_unit_vectors(lat, lon)), airports


def _unit_vectors(
    lat: npt.NDArray[np.float64], lon: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    import numpy as np

    return np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])


def nearest_airports(point: LatLon, k: int = DEFAULT_LIMIT) -> list[tuple[Airport, float]]:
    """The ``k`` airports usable by jets nearest to a point, with distances in metres.

    Examples
    --------
    >>> [(a.code, round(d / 1000)) for a, d in nearest_airports(LatLon(41.80, 123.43), k=1)]
    [('SHE', 18)]
    """
    import numpy as np

    tree, airports = _snap_tree()
    k = max(1, min(k, len(airports)))
    vec = _unit_vectors(np.radians([point.lat]), np.radians([point.lon]))
    _, idx = tree.query(vec, k=k)
    chosen = [airports[int(i)] for i in np.atleast_1d(idx[0])]
    dist, _ = inverse(
        point.lat, point.lon, [a.position.lat for a in chosen], [a.position.lon for a in chosen]
    )
    return list(zip(chosen, dist.tolist(), strict=True))
