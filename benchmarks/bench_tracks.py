"""Track benchmarks: leg reconstruction against a naive pandas splitter, nearest airport, import.

Run: ``python benchmarks/bench_tracks.py [--aircraft 200] [--no-dask]``.

Synthetic tracks (:mod:`flightlegs.tracks.synthetic`, 1 s rows) are rebuilt
by flightlegs and by the 40-line pandas splitter people write first (split
where ``onground`` changes or a gap exceeds 10 minutes), in the same run;
figures are ratios as much as rates, since machines here are noisy.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def make_points(n_aircraft: int):  # type: ignore[no-untyped-def]
    from flightlegs.tracks.points import TrackPoints
    from flightlegs.tracks.synthetic import synthetic_track

    routes = [
        ["LSZH", "LFSB", "EDDF"],
        ["EGLL", "EHAM"],
        ["KJFK", "KBOS", "KPHL"],
        ["LFPG", "LEMD"],
    ]
    parts = [
        synthetic_track(
            routes[i % len(routes)], seed=i, step_s=1.0, icao24=f"{i:06x}", start_s=1.7e9 + i * 60
        )
        for i in range(n_aircraft)
    ]
    return TrackPoints.concat(parts)


def naive_pandas(points) -> int:  # type: ignore[no-untyped-def]
    """The splitter people write first: a leg between onground changes or long gaps."""
    import pandas as pd

    df = pd.DataFrame(
        {
            "icao24": points.icao24,
            "time": points.time_s,
            "lat": points.lat_deg,
            "lon": points.lon_deg,
            "altitude": points.altitude_ft,
            "onground": points.onground == 1,
        }
    )
    legs = 0
    for _, g in df.sort_values(["icao24", "time"]).groupby("icao24"):
        air = g[~g.onground]
        if air.empty:
            continue
        new = (air.time.diff() > 600) | (air.index.to_series().diff() > 1)
        for _, leg in air.groupby(new.cumsum()):
            if len(leg) > 10 and leg.altitude.max() > 1000:
                legs += 1
    return legs


def timed(fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--aircraft", type=int, default=200)
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args()

    from flightlegs.geocode.snap import nearest_airport_indexes
    from flightlegs.tracks.legs import reconstruct_all

    points, t_make = timed(lambda: make_points(args.aircraft))
    n = len(points)
    print(f"{n:,} synthetic points of {args.aircraft} aircraft made in {t_make:.1f} s")
    reconstruct_all(points.take(slice(0, 5000)))  # warm the airport table and the trees
    tracks, t_ours = timed(lambda: reconstruct_all(points))
    legs_ours = sum(len(t.legs) for t in tracks)
    legs_naive, t_naive = timed(lambda: naive_pandas(points))
    print(
        f"flightlegs reconstruct: {n / t_ours / 1e6:.2f} M points/s ({t_ours:.2f} s, {legs_ours} legs)"
    )
    print(
        f"naive pandas splitter : {n / t_naive / 1e6:.2f} M points/s ({t_naive:.2f} s, {legs_naive} legs)"
    )
    print(f"ratio flightlegs/naive: {t_naive / t_ours:.2f}x")

    rng = np.random.default_rng(0)
    lat = np.degrees(np.arcsin(rng.uniform(-1, 1, 1_000_000)))
    lon = rng.uniform(-180, 180, 1_000_000)
    nearest_airport_indexes(lat[:10], lon[:10], usable="any")
    _, t_near = timed(lambda: nearest_airport_indexes(lat, lon, usable="any"))
    print(f"nearest airport, 1M points, all {32_000:,} airfields: {t_near:.2f} s")

    code = "import flightlegs.cli.track, flightlegs.tracks.observe"
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        runs.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare = time.perf_counter() - t0
    print(f"import of the track command: {min(runs) - bare:.2f} s beyond a bare interpreter "
          f"(traffic 2.13: 1.5 s, issue 11)")  # fmt: skip
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process (points, legs, naive frame): {rss_mb:.0f} MB")

    if args.no_dask:
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    from flightlegs.tracks.scale import observe_parquet

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "tracks"
        folder.mkdir()
        for k, (_, where) in enumerate(points.aircraft()):
            part = points.take(where)
            pq.write_table(
                pa.table({"icao24": part.icao24.astype(str), "time": part.time_s,
                          "lat": part.lat_deg, "lon": part.lon_deg, "altitude": part.altitude_ft,
                          "groundspeed": part.groundspeed_kt, "onground": part.onground == 1}),
                folder / f"part-{k // 25:03d}-{k:05d}.parquet",
            )  # fmt: skip
        dask_tracks, t_dask = timed(lambda: observe_parquet([folder], progress=False))
        legs_dask = sum(len(t.legs) for t in dask_tracks)
        print(f"dask, local 2-worker cluster, from Parquet: {n / t_dask / 1e6:.2f} M points/s "
              f"({t_dask:.1f} s incl. cluster start, {legs_dask} legs)")  # fmt: skip


if __name__ == "__main__":
    main()
