"""``flightlegs map``: the routes on an interactive HTML map, or a still picture of it."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from flightlegs.cli.common import EXIT_USAGE, add_input_options, paragraph, read_or_fail

__all__ = ["register", "run"]

_PAGE_SUFFIXES = (".html", ".htm")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command to the ``flightlegs`` parser."""
    maps = sub.add_parser(
        "map",
        help="draw the routes on an interactive HTML map (or a PNG/PDF picture)",
        description=paragraph(
            "Draw the routes as geodesic lines on a map, each leg coloured as 'flightlegs "
            "check' judges it. FILE.html is one self-contained page that works with no "
            "network; FILE.png, .jpg or .pdf is a still picture of it, drawn by headless "
            "Chromium. Range rings may also be given among the inputs in Great Circle "
            "Mapper's form (1000@JFK)."
        ),
        epilog="examples:\n"
        "  flightlegs map AZA-ELP-ANC-SHE-ICN -o charter.html --aircraft GLF5\n"
        "  flightlegs map report.txt -o report.html --rings-from 3\n"
        "  flightlegs map AZA-ELP-ANC-SHE-ICN 3000nm@ANC -o rings.png\n"
        "  flightlegs map flights.csv -o flights.html --tiles none --cdn\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_input_options(maps)
    maps.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="map to write: .html (interactive), .png, .jpg or .pdf (a picture)",
    )
    maps.add_argument("--title", help="title shown on the map (default: the route's name)")
    # One value per flag (repeatable, or comma-separated): `nargs="+"` would swallow
    # the positional inputs that follow it.
    maps.add_argument(
        "--rings-from",
        action="append",
        default=[],
        metavar="RING",
        help="draw range rings: around a stop, by number (1, 2, ...) or code, with the "
        "radius of --ring-nm or the aircraft's range; or DISTANCE[nm|km|mi]@PLACE as in "
        "Great Circle Mapper (1000@JFK, 1800km@ANC; a bare number is nm); repeat the flag "
        "or separate rings with commas (--rings-from 3,ANC)",
    )
    maps.add_argument(
        "--ring-nm", type=float, metavar="NM", help="ring radius (default: the aircraft's range)"
    )
    maps.add_argument(
        "--tiles",
        help="base map: a name as folium or xyzservices write it, in any case "
        "(OpenStreetMap, Esri.WorldImagery), a URL template https://.../{z}/{x}/{y}.png "
        "with --attribution, or none (default: Esri.WorldGrayCanvas)",
    )
    maps.add_argument("--attribution", help="who made the tiles, shown on the map (plain text)")
    maps.add_argument("--tiles-key", metavar="KEY", help="API key for tiles that need one")
    maps.add_argument(
        "--cdn",
        action="store_true",
        help="link Leaflet and its plugins from CDNs instead of carrying them in the page: "
        "a small file that needs the network, without the offline basemap",
    )
    maps.add_argument(
        "--size",
        default="1200x800",
        metavar="WxH",
        help="size of a picture in CSS pixels, drawn at twice that (default: 1200x800)",
    )
    maps.add_argument(
        "--force", action="store_true", help="replace an existing file not written by flightlegs"
    )
    maps.set_defaults(func=run)


def _rings(values: Sequence[str]) -> list[str]:
    """The rings of every ``--rings-from``: each flag gives one, or several joined by commas.

    A comma between digits belongs to a number (``1,000nm@JFK``).

    Examples
    --------
    >>> _rings(["3", "anc, SHE", "1,000nm@JFK,2"])
    ['3', 'anc', 'SHE', '1,000nm@JFK', '2']
    """
    import re

    from flightlegs.errors import InputError

    rings: list[str] = []
    for value in values:
        parts = [part.strip() for part in re.split(r",(?!\d{3}(?:\D|$))", value)]
        if "" in parts:
            raise InputError(
                f"--rings-from {value!r}: an empty ring; expected stop numbers (1, 2, ...), "
                "codes or DISTANCE@PLACE (1000@JFK), separated by commas"
            )
        rings.extend(parts)
    return rings


def _size(text: str) -> tuple[int, int]:
    """``"1200x800"`` as ``(1200, 800)``.

    Examples
    --------
    >>> _size("1600x900")
    (1600, 900)
    """
    from flightlegs.errors import InputError

    width, sep, height = text.lower().partition("x")
    if not (sep and width.strip().isdigit() and height.strip().isdigit()):
        raise InputError(f"--size {text}: expected WIDTHxHEIGHT in pixels, such as 1200x800")
    return int(width), int(height)


def run(args: argparse.Namespace) -> int:
    """Draw the routes, coloured as ``check`` judges them, and save the map or its picture."""
    from pathlib import Path

    from flightlegs.checks.config import load_config
    from flightlegs.checks.rules import check_routes
    from flightlegs.errors import InputError
    from flightlegs.show.picture import PICTURE_SUFFIXES
    from flightlegs.show.rings import is_ring_text
    from flightlegs.show.tiles import DEFAULT_TILES, resolve_tiles

    out = Path(args.output)
    if out.is_dir():
        raise InputError(f"{out}: is a folder; expected a file name such as {out / 'map.html'}")
    suffix = out.suffix.lower()
    if suffix not in (*_PAGE_SUFFIXES, *PICTURE_SUFFIXES):
        hint = "; Chromium cannot write SVG: use .pdf for vector lines" if suffix == ".svg" else ""
        raise InputError(
            f"{out}: cannot write a map as {suffix or 'a file without a suffix'}{hint}; "
            f"expected .html, or {', '.join(PICTURE_SUFFIXES)} for a picture"
        )
    picture = suffix in PICTURE_SUFFIXES
    if picture and args.cdn:
        raise InputError("--cdn: a picture is drawn from the self-contained page; leave it out")
    if not picture:
        from flightlegs.show.maps import is_flightlegs_map

        if out.exists() and not args.force and not is_flightlegs_map(out):
            raise InputError(
                f"{out}: exists and was not written by flightlegs; add --force to replace it"
            )
    size = _size(args.size) if picture else None
    tiles = resolve_tiles(
        args.tiles or DEFAULT_TILES, args.attribution, api_key=args.tiles_key, option="--tiles"
    )
    # Great Circle Mapper takes rings in its path box: 1000@JFK among the inputs
    rings = [text for text in args.inputs if is_ring_text(text)]
    args.inputs = [text for text in args.inputs if not is_ring_text(text)]
    if not args.inputs:
        raise InputError("no routes to map: only range rings were given")
    routes, status = read_or_fail(args)
    if status == EXIT_USAGE:
        return status

    from flightlegs.show.maps import route_map, save_map

    m = route_map(
        routes,
        checks=check_routes(routes, load_config().check),  # legs coloured as `check` judges
        title=args.title,
        rings_from=[*_rings(args.rings_from), *rings],
        ring_nm=args.ring_nm,
        tiles=tiles,
        assets="cdn" if args.cdn else "inline",
    )
    _add_flown_tracks(m, args.inputs)
    if size is not None:
        from flightlegs.show.picture import save_picture

        print(save_picture(m, out, size=size))
    else:
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
