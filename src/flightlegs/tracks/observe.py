"""Tracks from files: read each, rebuild every aircraft's legs.

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

from flightlegs.tracks.formats import read_track_file
from flightlegs.tracks.legs import reconstruct_all
from flightlegs.tracks.model import ObservedTrack

__all__ = ["observe_file", "observe_files"]


def observe_file(path: Path | str) -> list[ObservedTrack]:
    """Every aircraft's legs in one track file."""
    track = read_track_file(path)
    return reconstruct_all(track.points, track.aircraft, track.source, track.counts)


def observe_files(paths: Iterable[Path | str]) -> list[ObservedTrack]:
    """Every aircraft's legs in several track files, file by file."""
    return [t for path in paths for t in observe_file(path)]
