"""``flightlegs map``: the routes on an interactive HTML map."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from flightlegs.cli.common import EXIT_USAGE, add_input_options, paragraph, read_or_fail

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command to the ``flightlegs`` parser."""
    maps = sub.add_parser(
        "map",
        help="draw the routes on an interactive HTML map",
        description=paragraph(
            "Draw the routes as geodesic lines on one self-contained HTML map, each "
            "leg coloured as 'flightlegs check' judges it, with optional range rings."
        ),
        epilog="examples:\n"
        "  flightlegs map AZA-ELP-ANC-SHE-ICN -o charter.html --aircraft GLF5\n"
        "  flightlegs map report.txt -o report.html --rings-from 3\n"
        "  flightlegs map flights.csv -o flights.html --tiles none\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_input_options(maps)
    maps.add_argument("-o", "--output", required=True, metavar="FILE.html", help="map to write")
    maps.add_argument("--title", help="title shown on the map (default: the route's name)")
    # One value per flag (repeatable, or comma-separated): `nargs="+"` would swallow
    # the positional inputs that follow it.
    maps.add_argument(
        "--rings-from",
        action="append",
        default=[],
        metavar="STOP",
        help="draw range rings around a stop: its number (1, 2, ...) or code; "
        "repeat the flag or separate stops with commas (--rings-from 3,ANC)",
    )
    maps.add_argument(
        "--ring-nm", type=float, metavar="NM", help="ring radius (default: the aircraft's range)"
    )
    maps.add_argument(
        "--tiles", help="base map: an xyzservices name, or none (default: Esri.WorldGrayCanvas)"
    )
    maps.add_argument(
        "--force", action="store_true", help="replace an existing file not written by flightlegs"
    )
    maps.set_defaults(func=run)


def _ring_stops(values: Sequence[str]) -> list[str]:
    """The stops of every ``--rings-from``: each flag gives one, or several joined by commas.

    Examples
    --------
    >>> _ring_stops(["3", "anc, SHE"])
    ['3', 'anc', 'SHE']
    """
    from flightlegs.errors import InputError

    stops: list[str] = []
    for value in values:
        parts = [part.strip() for part in value.split(",")]
        if "" in parts:
            raise InputError(
                f"--rings-from {value!r}: an empty stop; expected stop numbers (1, 2, ...) "
                "or codes, separated by commas"
            )
        stops.extend(parts)
    return stops


def run(args: argparse.Namespace) -> int:
    """Draw the routes, coloured as ``check`` judges them, and save the map."""
    from pathlib import Path

    from flightlegs.checks.config import load_config
    from flightlegs.checks.rules import check_routes
    from flightlegs.errors import InputError
    from flightlegs.show.maps import DEFAULT_TILES, is_flightlegs_map, route_map, save_map

    out = Path(args.output)
    if out.is_dir():
        raise InputError(f"{out}: is a folder; expected a file name such as {out / 'map.html'}")
    if out.exists() and not args.force and not is_flightlegs_map(out):
        raise InputError(
            f"{out}: exists and was not written by flightlegs; add --force to replace it"
        )
    routes, status = read_or_fail(args)
    if status == EXIT_USAGE:
        return status
    m = route_map(
        routes,
        checks=check_routes(routes, load_config().check),  # legs coloured as `check` judges
        title=args.title,
        rings_from=_ring_stops(args.rings_from),
        ring_nm=args.ring_nm,
        tiles=args.tiles or DEFAULT_TILES,
    )
    _add_flown_tracks(m, args.inputs)
    print(save_map(m, out))
    return status


def _add_flown_tracks(m: object, inputs: Sequence[str]) -> None:
    """Draw the flown track of every aircraft in the track files among the inputs."""
    from flightlegs.tracks.formats import is_track_file, read_track_file

    paths = [i for i in inputs if i != "-" and is_track_file(i)]
    if not paths:
        return
    from flightlegs.show.track_layer import add_track_layer
    from flightlegs.tracks.clean import clean_points
    from flightlegs.tracks.points import TrackPoints

    points = TrackPoints.concat([read_track_file(p).points for p in paths])
    for address, where in points.aircraft():
        cleaned, _ = clean_points(points.take(where))
        add_track_layer(m, cleaned, name=address)
