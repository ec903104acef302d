"""What every command shares: the parser class, exit statuses, input options, reading."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, NoReturn

from flightlegs.core.route import Route
from flightlegs.errors import FlightlegsError

if TYPE_CHECKING:
    from flightlegs.read.report.model import ReportReading

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "Parser",
    "add_input_options",
    "cruise_ktas",
    "read",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        """Print one line naming the error and how to get help; exit 2."""
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def cruise_ktas(route: Route) -> float | None:
    """Cruise speed of the route's aircraft, or ``None`` when unknown."""
    if not route.aircraft:
        return None
    from flightlegs.reference.aircraft import lookup_aircraft

    try:
        speed = lookup_aircraft(route.aircraft).cruise_ktas
    except FlightlegsError:
        return None
    return None if speed is None else (speed.low + speed.high) / 2


def add_input_options(p: argparse.ArgumentParser) -> None:
    """The options every command takes: inputs, aircraft, strictness, geocoder."""
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="code chain (AZA-ELP-ANC), route file (.yaml .toml .json .csv), "
        "report (.txt), ADS-B track file (see flightlegs track), folder, or - for standard input",
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
    p.add_argument(
        "--explain",
        action="store_true",
        help="for a report: list every place it names, in order, with its verdict (a stop, "
        "or set aside) and the reason, on standard error",
    )


def read(args: argparse.Namespace) -> list[Route]:
    """The routes the command line names, with ``--aircraft`` applied to each."""
    from flightlegs.read.inputs import read_routes

    resolver = None
    if args.geocoder != "offline":
        from flightlegs.geocode.resolvers import make_resolver

        resolver = make_resolver(args.geocoder)
    explain = None
    if getattr(args, "explain", False):
        from flightlegs.show.explain import explanation

        def explain(source: str, reading: ReportReading) -> None:
            print(explanation(source, reading), file=sys.stderr, flush=True)

    from flightlegs.tracks.formats import is_track_file

    # track files (ADS-B) become the routes observed in them
    tracks = [i for i in args.inputs if i != "-" and is_track_file(i)]
    others = [i for i in args.inputs if i not in tracks]
    routes = (
        read_routes(*others, resolver=resolver, strict=args.strict, explain=explain)
        if others
        else []
    )
    if tracks:
        from flightlegs.tracks.observe import observe_files
        from flightlegs.tracks.routes import tracks_routes

        routes += tracks_routes(observe_files(tracks))
    if args.aircraft:
        from flightlegs.reference.aircraft import lookup_aircraft

        lookup_aircraft(args.aircraft)  # fail early on an unknown type
        routes = [r.with_aircraft(args.aircraft) for r in routes]
    return routes
