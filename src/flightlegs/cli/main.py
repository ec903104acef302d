"""The ``flightlegs`` command line.

Every sub-command reads routes through :func:`flightlegs.read.inputs.read_routes`.
Any :class:`~flightlegs.errors.FlightlegsError` becomes one line on stderr
and exit status 2; heavy packages are imported only by the commands that
need them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from flightlegs import __version__
from flightlegs.core.route import Route
from flightlegs.errors import FlightlegsError

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _cruise_ktas(route: Route) -> float | None:
    """Cruise speed of the route's aircraft, or ``None`` when unknown."""
    if not route.aircraft:
        return None
    from flightlegs.reference.aircraft import lookup_aircraft

    try:
        speed = lookup_aircraft(route.aircraft).cruise_ktas
    except FlightlegsError:
        return None
    return None if speed is None else (speed.low + speed.high) / 2


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="code chain (AZA-ELP-ANC), route file (.yaml .toml .json .csv), "
        "report (.txt), folder, or - for standard input",
    )
    p.add_argument("--aircraft", metavar="TYPE", help="aircraft type, e.g. GLF5 or 'Gulfstream V'")
    p.add_argument(
        "--strict",
        action="store_true",
        help="refuse any place that cannot be resolved, listing the closest known names",
    )
    p.add_argument(
        "--geocoder",
        choices=["offline", "nominatim"],
        default="offline",
        help="how place names are resolved: the bundled gazetteer (default) or "
        "OpenStreetMap's Nominatim (needs the network)",
    )


def _read(args: argparse.Namespace) -> list[Route]:
    from flightlegs.read.inputs import read_routes

    resolver = None
    if args.geocoder != "offline":
        from flightlegs.geocode.resolvers import make_resolver

        resolver = make_resolver(args.geocoder)
    routes = read_routes(*args.inputs, resolver=resolver, strict=args.strict)
    if args.aircraft:
        from flightlegs.reference.aircraft import lookup_aircraft

        lookup_aircraft(args.aircraft)  # fail early on an unknown type
        routes = [r.with_aircraft(args.aircraft) for r in routes]
    return routes


def _cmd_legs(args: argparse.Namespace) -> int:
    from flightlegs.core.legs import measure_many
    from flightlegs.show.tables import legs_csv, legs_table, routes_json, stops_table

    routes = _read(args)
    legs = measure_many(routes)
    cruise = [_cruise_ktas(r) for r in routes]
    if args.format == "json":
        print(routes_json(routes, legs, cruise))
    elif args.format == "csv":
        sys.stdout.write(legs_csv(routes, legs, unit=args.units, cruise=cruise))
    else:
        blocks = []
        for route, route_legs, ktas in zip(routes, legs, cruise, strict=True):
            block = legs_table(route, route_legs, unit=args.units, cruise_ktas=ktas)
            if args.stops:
                block = stops_table(route) + "\n\n" + block
            blocks.append(block)
        print("\n\n".join(blocks))
    return EXIT_OK


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


def _cmd_map(args: argparse.Namespace) -> int:
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
    routes = _read(args)
    m = route_map(
        routes,
        reports=check_routes(routes, load_config().check),  # legs coloured as `check` judges
        title=args.title,
        rings_from=_ring_stops(args.rings_from),
        ring_nm=args.ring_nm,
        tiles=args.tiles or DEFAULT_TILES,
    )
    print(save_map(m, out))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from flightlegs.checks.config import load_config
    from flightlegs.checks.rules import check_routes
    from flightlegs.show.export import export_routes

    suffixes = {".geojson": "geojson", ".json": "geojson", ".kml": "kml", ".csv": "csv"}
    fmt = args.format or suffixes.get(Path(args.output or "").suffix.lower(), "geojson")
    routes = _read(args)
    text = export_routes(routes, fmt, reports=check_routes(routes, load_config().check))
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(out)
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from flightlegs.checks.config import load_config
    from flightlegs.checks.rules import check_routes
    from flightlegs.checks.settings import CheckSettings
    from flightlegs.show.check_output import iter_render

    settings = load_config().check  # [tool.flightlegs] of the nearest pyproject.toml
    flags = {
        "route_factor": "--route-factor",
        "reserve_min": "--reserve-min",
        "wind_kt": "--wind-kt",
    }
    overrides: dict[str, float | bool] = {
        name: CheckSettings.validate(name, getattr(args, name), flag)
        for name, flag in flags.items()
        if getattr(args, name) is not None
    }
    if args.strict:
        overrides["strict"] = True
    settings = replace(settings, **overrides)  # type: ignore[arg-type]
    report = check_routes(_read(args), settings)
    for chunk in iter_render(report, args.format, strict=settings.strict):
        sys.stdout.write(chunk)
    return EXIT_FINDINGS if report.failed(strict=settings.strict) else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``flightlegs`` command."""
    parser = _Parser(
        prog="flightlegs",
        description="Turn reports of flights into checked, mapped routes.",
    )
    parser.add_argument("--version", action="version", version=f"flightlegs {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    legs = sub.add_parser("legs", help="print each leg's distance, bearing and time aloft")
    _add_input_options(legs)
    legs.add_argument("--format", choices=["table", "csv", "json"], default="table")
    legs.add_argument("--units", choices=["km", "nm", "mi"], default="km")
    legs.add_argument(
        "--stops", action="store_true", help="also list stops with evidence and candidates"
    )
    legs.set_defaults(func=_cmd_legs)

    # "resolve": the shared input options may define --strict too; here it means both.
    check = sub.add_parser(
        "check",
        help="check routes against the aircraft: range, fuel stops, seats, runways, speeds",
        description="Exit status: 0 plausible, 1 implausible (or any warning with --strict), "
        "2 bad input. Settings come from [tool.flightlegs] in the nearest pyproject.toml; "
        "flags override them.",
        conflict_handler="resolve",
    )
    _add_input_options(check)
    check.add_argument("--format", choices=["text", "json", "junit", "github"], default="text")
    check.add_argument(
        "--strict",
        action="store_true",
        help="warnings fail too, and places that cannot be resolved are refused",
    )
    check.add_argument(
        "--route-factor", type=float, metavar="F", help="flown / great-circle distance (1.03)"
    )
    check.add_argument(
        "--reserve-min", type=float, metavar="MIN", help="reserve fuel, minutes at cruise (45)"
    )
    check.add_argument(
        "--wind-kt", type=float, metavar="KT", help="headwind allowance; negative: tailwind (0)"
    )
    check.set_defaults(func=_cmd_check)

    maps = sub.add_parser("map", help="draw the routes on an interactive HTML map")
    _add_input_options(maps)
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
    maps.set_defaults(func=_cmd_map)

    export = sub.add_parser("export", help="write stops and legs as GeoJSON, KML or CSV")
    _add_input_options(export)
    export.add_argument(
        "--format",
        choices=["geojson", "kml", "csv"],
        help="output format (default: from the -o suffix, else geojson)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    export.set_defaults(func=_cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Examples
    --------
    >>> main(["legs", "AZA-ELP", "--units", "nm"])
    AZA-ELP
    leg  from  to   distance nm  bearing  time aloft
      1  AZA   ELP          282     107°           -
    total 282 nm
    0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.func(args)
    except FlightlegsError as err:
        print(f"flightlegs: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `flightlegs legs ... | head`
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
