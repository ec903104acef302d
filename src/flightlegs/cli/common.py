"""What every command shares: the parser class, exit statuses, input options, reading."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, NoReturn

from flightlegs.core.route import Route
from flightlegs.errors import FlightlegsError

if TYPE_CHECKING:
    from flightlegs.cli.progress import Progress
    from flightlegs.read.inputs import Problem, Reading
    from flightlegs.read.report.model import ReportReading

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "Parser",
    "add_input_options",
    "cruise_ktas",
    "paragraph",
    "read",
    "read_or_fail",
    "tell_problems",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        """Print one line naming the error and how to get help; exit 2."""
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def paragraph(text: str) -> str:
    """A command's description wrapped as ``--help`` shows it (its examples keep their lines).

    Examples
    --------
    >>> print(paragraph("word " * 20))
    word word word word word word word word word word word word word word word word
    word word word word
    """
    import textwrap

    return textwrap.fill(" ".join(text.split()), width=79)


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
        help="code chain (AZA-ELP-ANC; spaces or commas separate routes), route file "
        "(.yaml .toml .json .csv), report (.txt, or any other existing file), folder, "
        "or - for standard input",
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
        "--fail-fast",
        action="store_true",
        help="stop at the first input, route or row that cannot be read (exit 2) instead "
        "of reporting it and going on with the rest",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="for a report: list every place it names, in order, with its verdict (a stop, "
        "or set aside) and the reason, on standard error",
    )


def read(args: argparse.Namespace, progress: Progress | None = None) -> Reading:
    """The routes the command line names, with ``--aircraft`` applied to each.

    A bad input, route or row is a :class:`~flightlegs.read.inputs.Problem`
    and the rest are still read; with ``--fail-fast`` the first one raises.
    """
    from flightlegs.read.inputs import Reading, read_inputs

    resolver = None
    if args.geocoder != "offline":
        from flightlegs.geocode.resolvers import make_resolver

        resolver = make_resolver(args.geocoder)
    if args.aircraft:
        from flightlegs.reference.aircraft import lookup_aircraft

        lookup_aircraft(args.aircraft)  # fail early on an unknown type
    explain = None
    if getattr(args, "explain", False):
        from flightlegs.show.explain import explanation

        def explain(source: str, told: ReportReading) -> None:
            print(explanation(source, told), file=sys.stderr, flush=True)

    from flightlegs.tracks.formats import is_track_file

    # track files (ADS-B) become the routes observed in them
    tracks = [i for i in args.inputs if i != "-" and is_track_file(i)]
    others = [i for i in args.inputs if i not in tracks]
    if progress is not None:
        progress.phase("reading")
    reading = (
        read_inputs(
            *others,
            resolver=resolver,
            strict=args.strict,
            keep_going=not args.fail_fast,
            progress=None if progress is None else progress.to,
            explain=explain,
        )
        if others
        else Reading((), ())
    )
    if tracks:
        from flightlegs.tracks.observe import observe_files
        from flightlegs.tracks.routes import tracks_routes

        reading = Reading(
            (*reading.routes, *tracks_routes(observe_files(tracks))), reading.problems
        )
    if args.aircraft:
        routes = tuple(r.with_aircraft(args.aircraft) for r in reading.routes)
        reading = Reading(routes, reading.problems)
    return reading


def tell_problems(problems: tuple[Problem, ...]) -> None:
    """Each input that could not be read, one ``flightlegs: error:`` line on stderr."""
    for problem in problems:
        print(f"flightlegs: error: {problem.message}", file=sys.stderr)


def read_or_fail(args: argparse.Namespace) -> tuple[list[Route], int]:
    """The routes, and the exit status their reading calls for.

    Each input that could not be read is told on stderr; the status is 1 when
    some could not be read, 2 when none could (the command then has nothing
    to do), else 0.
    """
    reading = read(args)
    tell_problems(reading.problems)
    if not reading.routes and reading.problems:
        return [], EXIT_USAGE
    return list(reading.routes), EXIT_FINDINGS if reading.problems else EXIT_OK
