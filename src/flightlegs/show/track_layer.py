"""The flown track on a folium map: coloured by altitude, with a time slider.

Kept apart from :mod:`flightlegs.show.maps` on purpose: it only adds layers to
a map that module made, so the two change independently.

Examples
--------
>>> import folium
>>> from flightlegs.tracks.synthetic import synthetic_track
>>> m = folium.Map()
>>> add_track_layer(m, synthetic_track(["LSZH", "LFSB"]), name="abc123")
>>> html = m.get_root().render()
>>> "timeDimension" in html, altitude_colour(500) in html
(True, True)
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Final

import numpy as np

from flightlegs.tracks.points import TrackPoints

__all__ = ["ALTITUDE_COLOURS", "add_track_layer", "altitude_colour"]

#: Altitude bands in feet and their colours, low (warm) to high (cool).
ALTITUDE_COLOURS: Final = (
    (1_000.0, "#d73027"),
    (5_000.0, "#fc8d59"),
    (10_000.0, "#fee090"),
    (20_000.0, "#91bfdb"),
    (30_000.0, "#4575b4"),
    (math.inf, "#313695"),
)
#: Most line pieces and slider points drawn per aircraft, so big tracks stay light.
MAX_PIECES: Final = 2_000
MAX_SLIDER_POINTS: Final = 400


def altitude_colour(altitude_ft: float) -> str:
    """The colour of an altitude (grey when unknown).

    Examples
    --------
    >>> altitude_colour(500), altitude_colour(35_000), altitude_colour(float("nan"))
    ('#d73027', '#313695', '#999999')
    """
    if math.isnan(altitude_ft):
        return "#999999"
    return next(colour for top, colour in ALTITUDE_COLOURS if altitude_ft < top)


def _thin(n: int, most: int) -> np.ndarray[Any, np.dtype[np.intp]]:
    if n <= most:
        return np.arange(n)
    return np.unique(np.linspace(0, n - 1, most).round().astype(np.intp))


def add_track_layer(m: Any, points: TrackPoints, name: str = "track") -> None:
    """Add one aircraft's flown track to a folium map.

    Two layers: the track as line pieces coloured by altitude (one GeoJSON
    layer, so thousands of pieces stay fast), and the aircraft's position over
    time with a slider (``TimestampedGeoJson``).
    """
    import folium
    from folium.plugins import TimestampedGeoJson

    if len(points) < 2:
        return
    keep = _thin(len(points), MAX_PIECES + 1)
    lat = points.lat_deg[keep].round(5)
    lon = points.lon_deg[keep].round(5)
    alt = points.altitude_ft[keep]
    # break the line where the track has a coverage gap rather than draw across it
    gap = np.diff(points.time_s[keep]) > 600
    pieces = [
        {
            "type": "Feature",
            "geometry": {
                "type": "LineString",
                "coordinates": [
                    [float(lon[i]), float(lat[i])],
                    [float(lon[i + 1]), float(lat[i + 1])],
                ],
            },
            "properties": {"colour": altitude_colour(float(alt[i]))},
        }
        for i in range(len(keep) - 1)
        if not gap[i]
    ]
    folium.GeoJson(
        {"type": "FeatureCollection", "features": pieces},
        name=f"{name} altitude",
        style_function=lambda f: {"color": f["properties"]["colour"], "weight": 3, "opacity": 0.9},
    ).add_to(m)
    slider = _thin(len(points), MAX_SLIDER_POINTS)
    stamps = [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [float(points.lon_deg[i]), float(points.lat_deg[i])],
            },
            "properties": {
                "time": dt.datetime.fromtimestamp(float(points.time_s[i]), tz=dt.UTC).isoformat(),
                "popup": f"{name} {_alt_text(float(points.altitude_ft[i]))}",
                "icon": "circle",
                "iconstyle": {
                    "fillColor": altitude_colour(float(points.altitude_ft[i])),
                    "fillOpacity": 0.9,
                    "stroke": "false",
                    "radius": 5,
                },
            },
        }
        for i in slider
    ]
    TimestampedGeoJson(  # type: ignore[no-untyped-call]
        {"type": "FeatureCollection", "features": stamps},
        period="PT1M",
        duration="PT10M",
        add_last_point=True,
        auto_play=False,
    ).add_to(m)


def _alt_text(altitude_ft: float) -> str:
    return "altitude unknown" if math.isnan(altitude_ft) else f"{altitude_ft:,.0f} ft"
