"""Tracks from files: read each, join each aircraft's points across files, rebuild its legs.

One aircraft's data often comes as a file per day (readsb's ``globe_history``)
or per hour (OpenSky's datasets); its points are joined before legs are
rebuilt, so a flight across midnight stays one leg.

Examples
--------
>>> import tempfile, pathlib
>>> from flightlegs.tracks.synthetic import synthetic_track, to_plain_csv
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "t.csv").write_text(to_plain_csv(synthetic_track(["LSZH", "LFSB"], seed=2)))
>>> [len(t.legs) for t in observe_files([folder / "t.csv"])]
[1]
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from flightlegs.tracks.formats import TrackFile, read_track_file
from flightlegs.tracks.legs import reconstruct_all
from flightlegs.tracks.model import ObservedTrack
from flightlegs.tracks.points import AircraftInfo, ReadCounts, TrackPoints

__all__ = ["observe_files", "observe_tracks"]


def observe_tracks(files: Iterable[TrackFile]) -> list[ObservedTrack]:
    """Every aircraft's legs in some track files as read, joined across files."""
    files = list(files)
    if not files:
        return []
    points = TrackPoints.concat([f.points for f in files])
    infos: dict[str, AircraftInfo] = {}
    counts = ReadCounts()
    for f in files:
        counts = counts + f.counts
        for address, info in f.aircraft.items():
            known = infos.get(address)
            if known is None or (known.registration is None and known.type is None):
                infos[address] = info
    source = files[0].source if len(files) == 1 else f"{len(files)} files"
    return reconstruct_all(points, infos, source, counts)


def observe_files(paths: Iterable[Path | str]) -> list[ObservedTrack]:
    """Every aircraft's legs in several track files, joined across files."""
    return observe_tracks(read_track_file(path) for path in paths)
