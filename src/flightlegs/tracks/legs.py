"""Rebuilding legs, stops and events from one aircraft's cleaned points.

The rules, each general rather than tuned to one feed:

- **On the ground** means slow *and* low: the speed implied by the positions
  over half a minute (reported ground speeds freeze, and resamplers interpolate
  them across stops) under 35 kt, and either the source's ground flag or an
  altitude within 600 ft of the nearest airfield's elevation. Slow alone is not
  ground (gliders, helicopters, surveillance aircraft fly at 30-60 kt); a flag
  alone is not ground (flags are set at FL310).
- Short airborne blips on the ground and short ground blips in the air are
  smoothed away.
- **A coverage gap is not a stop** unless the aircraft could not have kept
  flying: the speed implied across the gap is well under its usual speed and
  the gap is long enough for how low it was on both sides (minutes at circuit
  height, half an hour below 5,000 ft, three hours at any height).
- **Low passes, go-arounds and touch-and-gos** are low points near an airport
  while still fast: events, never landings.
- **An end seen airborne** is named only by geometry an ordinary climb or
  descent can join to a runway (:func:`~flightlegs.tracks.airports.name_single`),
  or, for a stop hidden in a gap, when both sides are near the same airport
  (:func:`~flightlegs.tracks.airports.name_joint`); otherwise it is unknown.

Examples
--------
>>> from flightlegs.tracks.synthetic import synthetic_track
>>> track = reconstruct(synthetic_track(["LSZH", "LFSB"], seed=1))
>>> [(leg.origin.icao, leg.destination.icao) for leg in track.legs]
[('LSZH', 'LFSB')]
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from typing import Final

import numpy as np
import numpy.typing as npt

from flightlegs.core.geodesy import LatLon, inverse, sphere_distance_m
from flightlegs.geocode.snap import Usable
from flightlegs.tracks.airports import (
    GROUND_LIMIT_M,
    aircraft_usable,
    elevation_near,
    name_ground,
    name_joint,
    name_single,
)
from flightlegs.tracks.clean import CleanCounts, clean_points, rolling_median
from flightlegs.tracks.model import (
    Confidence,
    EventKind,
    LegEnd,
    ObservedLeg,
    ObservedTrack,
    TrackEvent,
)
from flightlegs.tracks.points import AircraftInfo, ReadCounts, TrackPoints

__all__ = ["reconstruct", "reconstruct_all"]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

_KT: Final = 1852.0 / 3600.0
#: Slower than this, by the positions, may be on the ground.
GROUND_SPEED_KT: Final = 35.0
#: Within this height of the airfield's elevation may be on the ground (baro error included).
GROUND_HEIGHT_FT: Final = 600.0
#: Faster than this, by the positions, a flagged row is in the air.
ROLL_SPEED_KT: Final = 180.0
#: Slower than this for this long, by the positions, is standing on the ground.
STILL_SPEED_KT: Final = 25.0
STILL_S: Final = 120.0
#: The terrain stand-in is looked up once per this many seconds of low rows.
ELEVATION_EVERY_S: Final = 10.0
#: Rows farther apart in time than this leave a coverage gap.
GAP_S: Final = 120.0
#: Half-width of the window the implied speed is measured over.
SPEED_WINDOW_S: Final = 15.0
#: An airborne run shorter than this, and never high, is a blip on the ground.
MIN_AIRBORNE_S: Final = 90.0
#: A leg must climb at least this high above the field, or be this fast, to be a flight.
MIN_LEG_HEIGHT_FT: Final = 400.0
MIN_LEG_SPEED_KT: Final = 60.0
#: The altitude trend at an airborne end is read over this long, and counts past this change.
TREND_S: Final = 120.0
TREND_FT: Final = 150.0
#: A low pass: below this height near an airport, still fast.
LOW_PASS_HEIGHT_FT: Final = 500.0
#: How long a gap must be to hide a stop, by how high the aircraft was on both sides.
_GAP_STOP_RULES: Final = ((1_500.0, 120.0), (5_000.0, 1_800.0), (math.inf, 3 * 3600.0))
#: Across a gap slower than this share of its usual speed, the aircraft was not flying on.
_GAP_SLOW_SHARE: Final = 0.5


def reconstruct(
    points: TrackPoints,
    info: AircraftInfo | None = None,
    source: str = "",
    read_counts: ReadCounts | None = None,
) -> ObservedTrack:
    """The legs, stops and events of one aircraft.

    Parameters
    ----------
    points
        One aircraft's points, sorted by time (as a reader returns them).
    info
        Registration and type, when the file gives them.
    source
        The file the points came from.
    read_counts
        What the reader dropped, carried into the result.
    """
    icao24 = str(points.icao24[0]) if len(points) else (info.icao24 if info else "")
    info = info or AircraftInfo(icao24)
    cleaned, counts = clean_points(points)
    legs, events = _rebuild(cleaned, info)
    return ObservedTrack(
        icao24=icao24,
        registration=info.registration,
        type=info.type,
        legs=tuple(legs),
        events=tuple(events),
        points=len(cleaned),
        source=source,
        read_counts=read_counts or ReadCounts(rows=len(points), kept=len(points)),
        clean_counts=counts,
    )


def reconstruct_all(
    points: TrackPoints,
    aircraft: Mapping[str, AircraftInfo] | None = None,
    source: str = "",
    read_counts: ReadCounts | None = None,
) -> list[ObservedTrack]:
    """:func:`reconstruct` for every aircraft in ``points``; aircraft with no leg are kept.

    ``read_counts`` are the whole file's, given to each of its tracks.
    """
    aircraft = aircraft or {}
    tracks = []
    for address, where in points.aircraft():
        part = points.take(where)
        tracks.append(reconstruct(part, aircraft.get(address), source, read_counts))
    return tracks


# -- the steps --------------------------------------------------------------------------


def _segments(t: FloatArray) -> npt.NDArray[np.intp]:
    """An id per row that changes after every coverage gap."""
    out = np.zeros(len(t), dtype=np.intp)
    np.cumsum(np.diff(t) > GAP_S, out=out[1:])
    return out


def _implied_speed_kt(p: TrackPoints, segment: npt.NDArray[np.intp]) -> FloatArray:
    """Speed over ground from the positions over a window, not crossing gaps."""
    t = p.time_s
    n = len(t)
    idx = np.arange(n)
    lo = np.searchsorted(t, t - SPEED_WINDOW_S, side="left")
    hi = np.searchsorted(t, t + SPEED_WINDOW_S, side="right") - 1
    lo = np.minimum(lo, np.maximum(idx - 1, 0))
    hi = np.maximum(hi, np.minimum(idx + 1, n - 1))
    # stay inside the row's own segment
    seg_start = np.searchsorted(segment, segment, side="left")
    seg_end = np.searchsorted(segment, segment, side="right") - 1
    lo = np.maximum(lo, seg_start)
    hi = np.minimum(hi, seg_end)
    span = t[hi] - t[lo]
    dist = sphere_distance_m(p.lat_deg[lo], p.lon_deg[lo], p.lat_deg[hi], p.lon_deg[hi])
    with np.errstate(invalid="ignore", divide="ignore"):
        speed = np.where(span > 0, dist / span / _KT, np.nan)
    return speed


def _elevation_along(p: TrackPoints, rows: npt.NDArray[np.intp]) -> FloatArray:
    """:func:`elevation_near` for the rows, looked up about every 10 s and carried between."""
    t = p.time_s[rows]
    bucket = np.floor(t / ELEVATION_EVERY_S)
    first = np.r_[True, bucket[1:] != bucket[:-1]]
    looked = rows[first]
    elev = elevation_near(p.lat_deg[looked], p.lon_deg[looked])
    return np.asarray(elev[np.cumsum(first) - 1], dtype=np.float64)


def _runs(flag: BoolArray) -> list[tuple[int, int]]:
    """``(start, stop)`` index pairs of the runs of True."""
    edges = np.diff(np.r_[0, flag.astype(np.int8), 0])
    return list(
        zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(), strict=False)
    )


def _ground_state(
    p: TrackPoints, height_ft: FloatArray, speed_kt: FloatArray, segment: npt.NDArray[np.intp]
) -> BoolArray:
    t = p.time_s
    alt_known = ~np.isnan(height_ft)
    speed = np.where(np.isnan(speed_kt), p.groundspeed_kt, speed_kt)
    slow = speed < GROUND_SPEED_KT
    # no speed at all (a lone row between gaps): a ground flag or a height near the field decides
    unknown_speed = np.isnan(speed)
    low = np.where(alt_known, height_ft < GROUND_HEIGHT_FT, p.onground == 1)
    flagged = p.onground == 1
    stopped = (slow & (low | flagged)) | (unknown_speed & low & (flagged | alt_known))
    # a flag with a sensible altitude far above the field is wrong
    stopped &= ~(alt_known & (height_ft > 3 * GROUND_HEIGHT_FT) & ~slow)
    # the take-off and landing rolls: flagged, low, at runway speeds
    rolling = flagged & (low | ~alt_known) & ~(speed > ROLL_SPEED_KT)
    # standing still for minutes is on the ground whatever the altitude says: no
    # aircraft flies at walking pace, and stuck altitudes (FL260 on the apron) occur
    smooth_kt = rolling_median(np.nan_to_num(speed_kt, nan=math.inf), 9)
    still = (smooth_kt < STILL_SPEED_KT) & ~(p.groundspeed_kt >= GROUND_SPEED_KT)
    for a, b in _runs(still):
        if t[b - 1] - t[a] >= STILL_S:
            stopped[a:b] = True
    ground = stopped | rolling
    # a run on the ground that never slows down is a touch-and-go, not a stop,
    # unless the data begins or ends in it
    for a, b in _runs(ground):
        if a > 0 and b < len(ground) and not stopped[a:b].any():
            ground[a:b] = False
    # smooth: short, low airborne blips inside one segment are ground
    for a, b in _runs(~ground):
        if a == 0 or b == len(ground):
            continue
        if segment[a - 1] != segment[a] or segment[b - 1] != segment[b]:
            continue
        dur = t[b] - t[a - 1]
        high = np.nanmax(height_ft[a:b]) if alt_known[a:b].any() else 0.0
        if dur < MIN_AIRBORNE_S and high < 2 * GROUND_HEIGHT_FT:
            ground[a:b] = True
    # and a ground blip of one or two rows amid flight, inside a segment, is flight
    for a, b in _runs(ground):
        if a == 0 or b == len(ground) or b - a > 2:
            continue
        if segment[a - 1] == segment[a] and segment[b - 1] == segment[b]:
            ground[a:b] = False
    return np.asarray(ground, dtype=np.bool_)


def _gap_hides_stop(
    p: TrackPoints,
    i: int,
    height_ft: FloatArray,
    usual_kt: float,
) -> bool:
    """Whether the gap after row ``i`` hides a landing and a take-off."""
    dt = p.time_s[i + 1] - p.time_s[i]
    dist = float(sphere_distance_m(p.lat_deg[i], p.lon_deg[i], p.lat_deg[i + 1], p.lon_deg[i + 1]))
    across_kt = dist / dt / _KT
    if across_kt > _GAP_SLOW_SHARE * usual_kt and dt < 12 * 3600.0:
        return False
    h = np.array([height_ft[i], height_ft[i + 1]])
    highest = float(np.nanmax(h)) if not np.isnan(h).all() else math.inf
    for ceiling, min_s in _GAP_STOP_RULES:
        if highest < ceiling:
            if dt < min_s:
                return False
            if math.isinf(ceiling):
                return True
            # a landing is flown down into and a take-off climbs out: a low-level
            # flight that drops out of coverage does neither
            down = _trend_ft(p, i, before=True) <= -TREND_FT
            up = _trend_ft(p, i + 1, before=False) >= TREND_FT
            # near the ground both must show; higher up, a long gap and one of them will do
            return (down and up) if ceiling <= _GAP_STOP_RULES[0][0] else (down or up)
    return False


def _trend_ft(p: TrackPoints, i: int, before: bool) -> float:
    """Altitude change over :data:`TREND_S` up to row ``i`` (``before``) or from it."""
    t, alt = p.time_s, p.altitude_ft
    window = (t <= t[i]) & (t >= t[i] - TREND_S) if before else (t >= t[i]) & (t <= t[i] + TREND_S)
    near = alt[window]
    near = near[~np.isnan(near)]
    if near.size < 2:
        return 0.0
    return float(near[-1] - near[0])


def _rebuild(p: TrackPoints, info: AircraftInfo) -> tuple[list[ObservedLeg], list[TrackEvent]]:
    n = len(p)
    if n < 2:
        return [], []
    t = p.time_s
    segment = _segments(t)
    speed = _implied_speed_kt(p, segment)
    alt = p.altitude_ft
    # terrain reference only where it can matter: low or unknown altitude
    elev = np.zeros(n)
    lowish = np.isnan(alt) | (alt < 15_000)
    if lowish.any():
        elev[lowish] = _elevation_along(p, np.flatnonzero(lowish))
    height = alt - elev
    ground = _ground_state(p, height, speed, segment)

    airborne_speed = speed[~ground & (speed > MIN_LEG_SPEED_KT)]
    usual = float(np.nanmedian(airborne_speed)) if airborne_speed.size else 100.0
    fast = float(np.nanpercentile(airborne_speed, 90)) if airborne_speed.size else 100.0
    usable = aircraft_usable(info.type, fast)

    # split points: ground rows, and gaps between airborne rows that hide a stop
    gap_after = np.flatnonzero(np.diff(t) > GAP_S)
    hidden = [
        int(i)
        for i in gap_after
        if not (ground[i] and ground[i + 1]) and _gap_hides_stop(p, int(i), height, usual)
    ]
    hidden_set = set(hidden)
    events: list[TrackEvent] = []
    for i in gap_after.tolist():
        if ground[i] and ground[i + 1]:
            continue
        kind = EventKind.HIDDEN_STOP if i in hidden_set else EventKind.COVERAGE_GAP
        if kind is EventKind.COVERAGE_GAP and t[i + 1] - t[i] < 300:
            continue
        events.append(
            TrackEvent(
                kind,
                float(t[i]),
                float(t[i + 1]),
                position=LatLon(float(p.lat_deg[i]), float(p.lon_deg[i])),
                altitude_ft=float(alt[i]),
                detail=f"{(t[i + 1] - t[i]) / 60:.0f} min unseen",
            )
        )

    # airborne runs, cut at hidden stops
    runs: list[tuple[int, int]] = []
    for a, b in _runs(~ground):
        cuts = [i + 1 for i in hidden if a <= i < b - 1]
        bounds = [a, *cuts, b]
        runs += [(x, y) for x, y in itertools.pairwise(bounds) if y > x]
    gap_rows = {int(i) for i in gap_after}
    runs = [
        (a, b)
        for a, b in runs
        if _is_flight(
            t[a:b],
            height[a:b],
            speed[a:b],
            at_edge=a == 0 or b == n or (a - 1) in gap_rows or (b - 1) in gap_rows,
        )
    ]

    legs: list[ObservedLeg] = []
    for k, (a, b) in enumerate(runs):
        prev_b = runs[k - 1][1] if k else 0
        next_a = runs[k + 1][0] if k + 1 < len(runs) else n
        origin, takeoff_s, first = _start_end(p, a, prev_b, ground, height, usable, hidden_set)
        dest, landing_s, last = _finish_end(p, b, next_a, ground, height, usable, hidden_set)
        legs.append(
            ObservedLeg(
                callsign=_callsign(p.callsign[first : last + 1]),
                start_s=float(t[first]),
                end_s=float(t[last]),
                takeoff_s=takeoff_s,
                landing_s=landing_s,
                origin=origin,
                destination=dest,
                distance_m=_along_track_m(p, a, b),
                points=last - first + 1,
                first_position=_pos(p, first),
                last_position=_pos(p, last),
                first_index=first,
                last_index=last,
            )
        )
    legs = _join_hidden_stops(p, legs, height, usable)
    events += _low_passes(p, runs, height, speed, ground)
    events.sort(key=lambda e: e.start_s)
    return legs, events


def _is_flight(t: FloatArray, h: FloatArray, speed: FloatArray, at_edge: bool) -> bool:
    """Whether an airborne run is a flight, not noise on the ground.

    ``at_edge``: the run begins or ends where the data does (or at a gap), so a
    short run may be an approach or climb-out cut off by coverage.
    """
    if len(t) < 2 or t[-1] - t[0] < 10.0:
        return False
    # three rows high enough: one spike does not make a flight
    if int((np.nan_to_num(h, nan=-math.inf) >= MIN_LEG_HEIGHT_FT).sum()) >= 3:
        return True
    quick = np.nan_to_num(speed, nan=0.0) > MIN_LEG_SPEED_KT
    if quick.sum() >= 3 and t[quick][-1] - t[quick][0] >= 60.0:
        return True
    return at_edge and int((np.nan_to_num(speed, nan=0.0) > 80.0).sum()) >= 3


def _split_ground(t: FloatArray, a: int, b: int) -> int:
    """Where a ground run between two legs is divided: at its longest gap, else its middle."""
    if b - a <= 1:
        return a
    steps = np.diff(t[a:b])
    i = int(np.argmax(steps))
    if steps[i] > GAP_S:
        return a + i + 1
    mid = (t[a] + t[b - 1]) / 2
    return int(np.searchsorted(t, mid, side="left"))


def _start_end(
    p: TrackPoints,
    a: int,
    prev_b: int,
    ground: BoolArray,
    height: FloatArray,
    usable: Usable,
    hidden: set[int],
) -> tuple[LegEnd | None, float | None, int]:
    """The origin of the leg whose airborne run starts at row ``a``."""
    t = p.time_s
    if a > 0 and ground[a - 1] and (t[a] - t[a - 1] <= 5 * GAP_S):
        g = a - 1  # the last ground row: the take-off roll
        first = _split_ground(t, prev_b, a) if prev_b < a else a
        airport, dist, conf = name_ground(p.lat_deg[g], p.lon_deg[g], usable)
        end = LegEnd(airport, True, conf, _pos(p, g), dist, float(p.altitude_ft[g]))
        return end, float(t[a]), min(first, g)
    # first seen airborne: at the start of the data, or after a gap
    return _airborne_end(p, a, usable, climbing=True), None, a


def _finish_end(
    p: TrackPoints,
    b: int,
    next_a: int,
    ground: BoolArray,
    height: FloatArray,
    usable: Usable,
    hidden: set[int],
) -> tuple[LegEnd | None, float | None, int]:
    """The destination of the leg whose airborne run ends before row ``b``."""
    t = p.time_s
    n = len(t)
    if b < n and ground[b] and (t[b] - t[b - 1] <= 5 * GAP_S):
        stop_end = next_a if next_a > b else n
        last = _split_ground(t, b, stop_end) - 1 if next_a < n else stop_end - 1
        last = max(last, b)
        # name the stop from where the aircraft slowed down, not where it parked
        airport, dist, conf = name_ground(p.lat_deg[b], p.lon_deg[b], usable)
        end = LegEnd(airport, True, conf, _pos(p, b), dist, float(p.altitude_ft[b]))
        return end, float(t[b]), last
    return _airborne_end(p, b - 1, usable, climbing=False), None, b - 1


def _airborne_end(p: TrackPoints, i: int, usable: Usable, climbing: bool) -> LegEnd | None:
    """The airport an end seen airborne is inferred to, when the geometry is plain.

    A first row must not be descending and a last row not climbing: an
    aircraft seen last climbing away from a field is not landing there.
    """
    change = _trend_ft(p, i, before=not climbing)
    # climbing: altitude rises after the first row; descending: it fell before the last
    if (change < -TREND_FT) if climbing else (change > TREND_FT):
        return None
    airport, dist, conf = name_single(
        float(p.lat_deg[i]), float(p.lon_deg[i]), float(p.altitude_ft[i]), usable
    )
    if airport is None:
        return None
    return LegEnd(airport, False, conf, _pos(p, i), dist, float(p.altitude_ft[i]))


def _join_hidden_stops(
    p: TrackPoints, legs: list[ObservedLeg], height: FloatArray, usable: Usable
) -> list[ObservedLeg]:
    """Name a stop between two legs seen only airborne, from both sides together."""
    from dataclasses import replace

    out = list(legs)
    for k in range(len(out) - 1):
        before, after = out[k], out[k + 1]
        if before.landing_s is not None or after.takeoff_s is not None:
            continue
        if (
            before.destination is not None
            and after.origin is not None
            and before.destination.airport == after.origin.airport
        ):
            continue
        i, j = before.last_index, after.first_index
        airport, da, db = name_joint(
            (float(p.lat_deg[i]), float(p.lon_deg[i]), float(p.altitude_ft[i])),
            (float(p.lat_deg[j]), float(p.lon_deg[j]), float(p.altitude_ft[j])),
            usable,
        )
        if airport is None:
            continue
        conf: Confidence = "medium" if max(da, db) <= 10_000 else "low"
        out[k] = replace(
            before,
            destination=LegEnd(airport, False, conf, _pos(p, i), da, float(p.altitude_ft[i])),
        )
        out[k + 1] = replace(
            after, origin=LegEnd(airport, False, conf, _pos(p, j), db, float(p.altitude_ft[j]))
        )
    return out


def _low_passes(
    p: TrackPoints,
    runs: list[tuple[int, int]],
    height: FloatArray,
    speed: FloatArray,
    ground: BoolArray,
) -> list[TrackEvent]:
    """Low points near an airport, still fast, inside a leg: not landings."""
    from flightlegs.tracks.airports import name_ground as near_airport

    events: list[TrackEvent] = []
    t = p.time_s
    for a, b in runs:
        low = np.zeros(b - a, dtype=bool)
        inner = slice(a, b)
        low = np.nan_to_num(height[inner], nan=math.inf) < LOW_PASS_HEIGHT_FT
        # the climb-out and the final approach of the leg itself are not passes
        low &= (t[inner] - t[a] > 120.0) & (t[b - 1] - t[inner] > 120.0)
        for x, y in _runs(low):
            i = a + x + int(np.nanargmin(height[a + x : a + y]))
            airport, dist, _ = near_airport(p.lat_deg[i], p.lon_deg[i], "any")
            if airport is None or dist is None or dist > GROUND_LIMIT_M:
                continue
            flagged = bool((p.onground[a + x : a + y] == 1).any())
            kind = EventKind.TOUCH_AND_GO if flagged else EventKind.LOW_PASS
            slowest = float(np.nanmin(speed[a + x : a + y])) if y > x else math.nan
            events.append(
                TrackEvent(
                    kind,
                    float(t[a + x]),
                    float(t[a + y - 1]),
                    airport=airport,
                    position=_pos(p, i),
                    altitude_ft=float(p.altitude_ft[i]),
                    groundspeed_kt=slowest,
                    detail=f"lowest {height[i]:.0f} ft above the field at {slowest:.0f} kt",
                )
            )
    return events


def _along_track_m(p: TrackPoints, a: int, b: int) -> float:
    """Distance flown over rows ``a:b``, on WGS84, sampled about every 30 s."""
    t = p.time_s[a:b]
    if len(t) < 2:
        return 0.0
    keep = np.r_[True, np.diff(np.floor((t - t[0]) / 30.0)) > 0]
    keep[-1] = True
    lat, lon = p.lat_deg[a:b][keep], p.lon_deg[a:b][keep]
    dist, _ = inverse(lat[:-1], lon[:-1], lat[1:], lon[1:])
    return float(dist.sum())


def _callsign(values: npt.NDArray[np.str_]) -> str | None:
    """The callsign flown longest in the rows (runs counted, no sort of strings)."""
    if len(values) == 0:
        return None
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    lengths = np.diff(np.r_[starts, len(values)])
    totals: dict[str, int] = {}
    for start, length in zip(starts.tolist(), lengths.tolist(), strict=True):
        name = values[start]
        if name:
            totals[name] = totals.get(name, 0) + length
    return max(totals, key=lambda k: totals[k]) if totals else None


def _pos(p: TrackPoints, i: int) -> LatLon:
    return LatLon(float(p.lat_deg[i]), float(p.lon_deg[i]))


def clean_counts_of(tracks: list[ObservedTrack]) -> CleanCounts:
    """The cleaning counts of several tracks, added up."""
    total = CleanCounts()
    for track in tracks:
        total = total + track.clean_counts
    return total
