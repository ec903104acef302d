"""Made-up tracks with known legs and realistic noise, for tests, docs and benchmarks.

A track visits airports in order: taxi, take-off roll, climb, cruise on the
great circle, descent, landing roll, a stop on the ground, and so on. Noise is
what real feeds show: position jitter of a few metres, altitudes in 25 ft
steps off by the day's pressure (up to a few hundred feet on the ground),
occasional altitude spikes, dropped rows and frozen repeats.

Examples
--------
>>> pts = synthetic_track(["LSZH", "LFSB"], seed=0)
>>> len(pts) > 200, pts.icao24[0]
(True, 'abc123')
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Sequence

import numpy as np

from flightlegs.core.geodesy import GEOD
from flightlegs.reference.airports import airport_table
from flightlegs.tracks.points import TrackPoints, points_from_columns

__all__ = ["synthetic_track", "to_plain_csv"]

_KT = 1852.0 / 3600.0


def synthetic_track(
    airports: Sequence[str],
    seed: int = 0,
    step_s: float = 5.0,
    start_s: float = 1_700_000_000.0,
    cruise_ft: float = 31_000.0,
    cruise_kt: float = 430.0,
    stop_s: float = 3_600.0,
    icao24: str = "abc123",
    callsign: str = "TEST1",
    low_pass_at: str | None = None,
    drop_share: float = 0.02,
    airborne_start: bool = False,
) -> TrackPoints:
    """A noisy track through ``airports`` (codes), with a ground stop at each inner one.

    Parameters
    ----------
    airports
        Airport codes visited in order; the legs are between consecutive ones.
    seed
        Seed of the noise.
    step_s
        Seconds between rows.
    cruise_ft, cruise_kt
        Cruise altitude and ground speed.
    stop_s
        Time on the ground at every stop, and taxi time at both ends.
    low_pass_at
        An airport code flown over at 100 ft without landing, on the first leg.
    drop_share
        Share of rows dropped at random.
    airborne_start
        Start the data at cruise altitude halfway through the first leg.
    """
    rng = np.random.default_rng(seed)
    table = airport_table()
    places = [table.by_code(code) for code in airports]
    t, lat, lon, alt, gs, ground = [], [], [], [], [], []
    now = start_s

    def emit(la: float, lo: float, h: float, v: float, on: bool) -> None:
        nonlocal now
        t.append(now)
        lat.append(la)
        lon.append(lo)
        alt.append(h)
        gs.append(v)
        ground.append(on)
        now += step_s

    def sit(a_lat: float, a_lon: float, elev: float, seconds: float) -> None:
        for _ in range(int(seconds / step_s)):
            emit(a_lat, a_lon, elev, rng.uniform(0, 12), True)

    for k, (a, b) in enumerate(itertools.pairwise(places)):
        ea, eb = a.elevation_ft or 0.0, b.elevation_ft or 0.0
        if k == 0 and not airborne_start:
            sit(a.position.lat, a.position.lon, ea, stop_s / 4)
        az, _, dist = GEOD.inv(a.position.lon, a.position.lat, b.position.lon, b.position.lat)
        # ground roll, then a profile over the distance: climb, cruise, descend
        if not (airborne_start and k == 0):
            for v in np.linspace(10, 150, 8):
                emit(a.position.lat, a.position.lon, ea, float(v), True)
        top = min(cruise_ft, max(3_000.0, dist / 1852 * 250))
        via = None
        if k == 0 and low_pass_at:
            via = table.by_code(low_pass_at)
        s = 0.0
        while s < dist:
            frac_climb = (s / 1852) * 320  # ~3 degrees
            frac_desc = ((dist - s) / 1852) * 320
            h = min(top, ea + frac_climb, eb + frac_desc)
            v = min(cruise_kt, 150 + (h / max(top, 1.0)) * (cruise_kt - 150))
            lo, la, _ = GEOD.fwd(a.position.lon, a.position.lat, az, s)
            if via is not None:
                d_via = GEOD.inv(lo, la, via.position.lon, via.position.lat)[2]
                if d_via < 6_000:
                    h = min(h, (via.elevation_ft or 0.0) + 100 + d_via / 1852 * 320)
            if airborne_start and k == 0 and s < dist / 2:
                s += v * _KT * step_s
                continue
            emit(la, lo, h, v, False)
            s += v * _KT * step_s
        for v in np.linspace(130, 15, 10):
            emit(b.position.lat, b.position.lon, eb, float(v), True)
        if k + 1 < len(places) - 1:
            sit(b.position.lat, b.position.lon, eb, stop_s)
        else:
            sit(b.position.lat, b.position.lon, eb, stop_s / 4)
    n = len(t)
    t_a = np.array(t)
    la_a = np.array(lat) + rng.normal(0, 3e-5, n)
    lo_a = np.array(lon) + rng.normal(0, 3e-5, n)
    qnh_ft = rng.uniform(-300, 300)
    alt_a = np.round((np.array(alt) + qnh_ft + rng.normal(0, 15, n)) / 25) * 25
    spikes = rng.random(n) < 0.003
    alt_a[spikes] -= rng.uniform(2_000, 8_000, int(spikes.sum()))
    on = np.array(ground)
    keep = rng.random(n) >= drop_share
    # frozen repeats: some rows sent twice with the same position, a second later
    rep = np.flatnonzero(rng.random(n) < 0.01)
    cols = {
        "time": np.r_[t_a, t_a[rep] + 1.0],
        "lat": np.r_[la_a, la_a[rep]],
        "lon": np.r_[lo_a, lo_a[rep]],
        "altitude": np.r_[alt_a, alt_a[rep]],
        "groundspeed": np.r_[np.array(gs), np.array(gs)[rep]],
        "onground": np.r_[on, on[rep]],
    }
    mask = np.r_[keep, keep[rep]]
    points, _ = points_from_columns(
        {
            "icao24": (np.full(int(mask.sum()), icao24, dtype=object), None),
            "callsign": (np.full(int(mask.sum()), callsign, dtype=object), None),
            "time": (cols["time"][mask], "s"),
            "lat": (cols["lat"][mask], "deg"),
            "lon": (cols["lon"][mask], "deg"),
            "altitude": (cols["altitude"][mask], "ft"),
            "groundspeed": (cols["groundspeed"][mask], "kt"),
            "onground": (cols["onground"][mask], None),
        }
    )
    return points


def to_plain_csv(points: TrackPoints) -> str:
    """The points as the plain CSV format of flightlegs (ISO 8601 times).

    Examples
    --------
    >>> print(to_plain_csv(synthetic_track(["LSZH", "LFSB"])).splitlines()[0])
    icao24,time,lat,lon,altitude,groundspeed,onground,callsign
    """
    import datetime as dt

    out = io.StringIO()
    out.write("icao24,time,lat,lon,altitude,groundspeed,onground,callsign\n")
    for i in range(len(points)):
        when = dt.datetime.fromtimestamp(float(points.time_s[i]), tz=dt.UTC)
        alt = points.altitude_ft[i]
        gs = points.groundspeed_kt[i]
        out.write(
            f"{points.icao24[i]},{when.isoformat().replace('+00:00', 'Z')},"
            f"{points.lat_deg[i]:.6f},{points.lon_deg[i]:.6f},"
            f"{'' if math.isnan(alt) else f'{alt:.0f}'},{'' if math.isnan(gs) else f'{gs:.0f}'},"
            f"{'true' if points.onground[i] == 1 else 'false'},{points.callsign[i]}\n"
        )
    return out.getvalue()
