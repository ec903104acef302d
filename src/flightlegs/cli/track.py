"""``flightlegs track``: ADS-B tracks in, observed legs out."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from flightlegs.cli.common import EXIT_OK

if TYPE_CHECKING:
    from flightlegs.tracks.model import ObservedTrack
    from flightlegs.tracks.points import ReadCounts

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command to the ``flightlegs`` parser."""
    p = sub.add_parser(
        "track",
        help="rebuild legs, stops and airports from ADS-B track files",
        description="Read ADS-B tracks (OpenSky, readsb/ADS-B Exchange, Flightradar24, "
        "traffic JSON, plain CSV or Parquet; the format is recognised from the content) and "
        "print each aircraft's legs with the airports at both ends.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="track files (gzip is fine)")
    p.add_argument("--format", choices=["table", "json", "csv", "geojson"], default="table")
    p.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="local: one process (default); dask: partitioned Parquet on a Dask cluster",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: a running scheduler (default: a local two-worker cluster)",
    )
    p.add_argument("--quiet", action="store_true", help="no summary of dropped rows on stderr")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Rebuild and print the legs of every aircraft in the files."""
    from flightlegs.show.track_output import render_tracks

    if args.engine == "dask":
        from flightlegs.tracks.scale import observe_parquet

        tracks = observe_parquet(args.files, scheduler=args.scheduler, progress=not args.quiet)
    else:
        from flightlegs.tracks.observe import observe_files

        tracks = observe_files(args.files)
    if not args.quiet:
        _summary(tracks)
    print(render_tracks(tracks, args.format))
    return EXIT_OK


def _summary(tracks: Sequence[ObservedTrack]) -> None:
    """One line on stderr per file that had rows dropped."""
    seen: dict[str, ReadCounts] = {}
    for t in tracks:
        seen.setdefault(t.source, t.read_counts)
    for source, c in seen.items():
        if c.dropped:
            print(
                f"flightlegs: {source}: kept {c.kept:,} of {c.rows:,} rows "
                f"({c.no_position:,} without position, {c.stale:,} stale, {c.bad:,} bad)",
                file=sys.stderr,
            )
