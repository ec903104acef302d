"""Cleaning one aircraft's points before legs are rebuilt.

Real feeds repeat old states, freeze positions, interpolate across gaps and
send spikes. Each step here removes one kind of bad row and counts it; none of
them decides anything about legs.

1. Repeated times: the first row of each time is kept.
2. Frozen rows: a position identical to the previous row's is an old position
   sent again (60 % of some military feeds); only the first is kept.
3. Interpolated stretches: runs of rows whose position and altitude change
   exactly linearly were made up by a resampler; their inside rows are dropped,
   so the stretch becomes the coverage gap it was.
4. Position jumps: a row that is far from both neighbours at an impossible
   speed is dropped.
5. Altitude and speed spikes: values far from the median of their neighbours
   become NaN; a barometric altitude that disagrees with the geometric one
   where the geometric one agrees with its neighbours is replaced by it.

Examples
--------
>>> import numpy as np
>>> from flightlegs.tracks.points import points_from_columns
>>> t = np.arange(0.0, 100.0, 10.0)
>>> alt = np.full(10, 5000.0)
>>> alt[4] = 500.0  # a spike
>>> pts, _ = points_from_columns({"time": (t, "s"), "lat": (45 + t / 1e4, "deg"),
...     "lon": (np.full(10, 5.0) + np.sin(t) / 1e4, "deg"), "altitude": (alt, "ft")})
>>> cleaned, counts = clean_points(pts)
>>> np.isnan(cleaned.altitude_ft[4]), counts.altitude_spikes
(np.True_, 1)
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Final

import numpy as np
import numpy.typing as npt

from flightlegs.core.geodesy import sphere_distance_m
from flightlegs.tracks.points import TrackPoints

__all__ = ["CleanCounts", "clean_points", "rolling_median"]

FloatArray = npt.NDArray[np.float64]

#: An interpolated stretch is at least this many exactly linear rows.
_MIN_LINEAR_RUN: Final = 12
#: Faster than this between rows is a position error, in knots.
_MAX_PLAUSIBLE_KT: Final = 1000.0
#: An altitude this far from its neighbours' median is a spike, in feet.
_ALTITUDE_SPIKE_FT: Final = 1200.0
#: A ground speed this far from its neighbours' median is a spike, in knots.
_SPEED_SPIKE_KT: Final = 120.0
_KT: Final = 1852.0 / 3600.0  # metres per second in a knot


@dataclass(frozen=True, slots=True)
class CleanCounts:
    """Rows removed or values blanked by :func:`clean_points`."""

    repeated_times: int = 0
    frozen: int = 0
    interpolated: int = 0
    jumps: int = 0
    altitude_spikes: int = 0
    speed_spikes: int = 0

    def __add__(self, other: CleanCounts) -> CleanCounts:
        return CleanCounts(
            *(getattr(self, f.name) + getattr(other, f.name) for f in fields(CleanCounts))
        )


def rolling_median(values: FloatArray, window: int) -> FloatArray:
    """The median of each value's centred window of ``window`` rows, ignoring NaN.

    NaN are filled from the previous value first (then the next), so a window
    never lacks a median while the array has a number.

    Examples
    --------
    >>> rolling_median(np.array([1.0, 1.0, 9.0, 1.0, 1.0]), 3).tolist()
    [1.0, 1.0, 1.0, 1.0, 1.0]
    """
    n = len(values)
    if n == 0:
        return values.copy()
    filled = _fill(values)
    half = window // 2
    padded = np.concatenate([np.full(half, filled[0]), filled, np.full(half, filled[-1])])
    windows = np.lib.stride_tricks.sliding_window_view(padded, 2 * half + 1)
    # a partition finds the middle value without sorting each window
    return np.partition(windows, half, axis=1)[:, half].copy()


def _fill(values: FloatArray) -> FloatArray:
    """NaN replaced by the previous number, and leading NaN by the first number."""
    valid = ~np.isnan(values)
    if not valid.any():
        return np.zeros_like(values)
    idx = np.where(valid, np.arange(len(values)), 0)
    np.maximum.accumulate(idx, out=idx)
    out = values[idx]
    first = int(np.argmax(valid))
    out[:first] = values[first]
    return out


def _linear_interior(points: TrackPoints) -> npt.NDArray[np.bool_]:
    """Rows inside runs where position and altitude move exactly linearly in time."""
    n = len(points)
    if n < _MIN_LINEAR_RUN:
        return np.zeros(n, dtype=bool)
    t = points.time_s
    step = np.diff(t)
    linear = np.abs(np.diff(step)) < 1e-6
    for col, tol in ((points.lat_deg, 1e-7), (points.lon_deg, 1e-7), (points.altitude_ft, 1e-2)):
        rate = np.diff(col) / np.where(step > 0, step, np.nan)
        second = np.abs(np.diff(rate)) * step[1:]
        linear &= (second < tol) | (np.isnan(second) & np.isnan(col[1:-1]))
    # rows whose position does not move are not interpolation but a parked aircraft
    moving = sphere_distance_m(points.lat_deg[:-2], points.lon_deg[:-2],
                               points.lat_deg[2:], points.lon_deg[2:]) > 1.0  # fmt: skip
    linear &= moving
    flag = np.zeros(n, dtype=bool)
    flag[1:-1] = linear
    # keep runs of at least _MIN_LINEAR_RUN rows only
    edges = np.diff(np.r_[0, flag.astype(np.int8), 0])
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    keep_runs = (ends - starts) >= _MIN_LINEAR_RUN
    out = np.zeros(n, dtype=bool)
    for a, b in zip(starts[keep_runs], ends[keep_runs], strict=True):
        out[a:b] = True
    return out


def clean_points(points: TrackPoints) -> tuple[TrackPoints, CleanCounts]:
    """One aircraft's points with bad rows removed and spikes blanked.

    Parameters
    ----------
    points
        The points of one aircraft, sorted by time.

    Returns
    -------
    TrackPoints, CleanCounts
        The cleaned points and what was removed.
    """
    n0 = len(points)
    if n0 == 0:
        return points, CleanCounts()
    t = points.time_s
    first_of_time = np.r_[True, np.diff(t) > 0]
    points = points.take(first_of_time)
    repeated = n0 - len(points)

    same_place = np.r_[
        False,
        (np.diff(points.lat_deg) == 0) & (np.diff(points.lon_deg) == 0),
    ]
    # a parked aircraft may send one position again and again: that is no error,
    # but the rows add nothing either, so they go too, the first staying
    points = points.take(~same_place)
    frozen = int(same_place.sum())

    interior = _linear_interior(points)
    points = points.take(~interior)
    interpolated = int(interior.sum())

    jumps = _jumps(points)
    points = points.take(~jumps)

    alt = points.altitude_ft.copy()
    geo = points.geoaltitude_ft
    alt = np.where(np.isnan(alt), _geo_as_baro(alt, geo), alt)
    spikes = np.zeros(len(alt), dtype=bool)
    if len(alt) >= 5:
        med = rolling_median(alt, 9)
        spikes = np.abs(alt - med) > _ALTITUDE_SPIKE_FT
        geo_ok = np.abs(geo - med) < _ALTITUDE_SPIKE_FT / 2
        fixed = spikes & geo_ok
        alt = np.where(fixed, geo, np.where(spikes, np.nan, alt))
    gs = points.groundspeed_kt.copy()
    speed_spikes = np.zeros(len(gs), dtype=bool)
    if len(gs) >= 5:
        speed_spikes = np.abs(gs - rolling_median(gs, 9)) > _SPEED_SPIKE_KT
        gs[speed_spikes] = np.nan
    cleaned = TrackPoints(
        icao24=points.icao24,
        time_s=points.time_s,
        lat_deg=points.lat_deg,
        lon_deg=points.lon_deg,
        altitude_ft=alt,
        geoaltitude_ft=geo,
        groundspeed_kt=gs,
        track_deg=points.track_deg,
        vertical_rate_fpm=points.vertical_rate_fpm,
        onground=points.onground,
        callsign=points.callsign,
        new_leg=points.new_leg,
    )
    counts = CleanCounts(
        repeated_times=repeated,
        frozen=frozen,
        interpolated=interpolated,
        jumps=int(jumps.sum()),
        altitude_spikes=int(spikes.sum()),
        speed_spikes=int(speed_spikes.sum()),
    )
    return cleaned, counts


def _geo_as_baro(alt: FloatArray, geo: FloatArray) -> FloatArray:
    """Geometric altitude shifted by the track's median baro-minus-geo offset."""
    both = ~np.isnan(alt) & ~np.isnan(geo)
    offset = float(np.median(alt[both] - geo[both])) if both.any() else 0.0
    return geo + offset


def _jumps(points: TrackPoints) -> npt.NDArray[np.bool_]:
    """Rows reached and left at an impossible speed."""
    n = len(points)
    if n < 3:
        return np.zeros(n, dtype=bool)
    lat, lon, t = points.lat_deg, points.lon_deg, points.time_s
    d = sphere_distance_m(lat[:-1], lon[:-1], lat[1:], lon[1:])
    dt = np.maximum(np.diff(t), 1.0)
    # a fixed 5 km allowance absorbs the position noise of rows a second apart
    fast = d > np.maximum(_MAX_PLAUSIBLE_KT * _KT * dt, 5_000.0)
    jump = np.zeros(n, dtype=bool)
    jump[1:-1] = fast[:-1] & fast[1:]
    return jump
