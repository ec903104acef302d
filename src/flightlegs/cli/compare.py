"""``flightlegs compare``: a reported route against the tracks of the flight."""

from __future__ import annotations

import argparse

from flightlegs.cli.common import EXIT_FINDINGS, EXIT_OK

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command to the ``flightlegs`` parser."""
    p = sub.add_parser(
        "compare",
        help="say whether a reported route matches what the tracks show was flown",
        description="Compare a report or route (code chain, route file, report text) with "
        "ADS-B tracks: which reported stops were flown and where, which are missing, which "
        "observed stops the report omits, whether dates and times agree. Exit status 1 when "
        "they disagree.",
    )
    p.add_argument("route", metavar="REPORT_OR_ROUTE", help="code chain, route file or report")
    p.add_argument("tracks", nargs="+", metavar="TRACKS", help="track files")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Compare and print; 1 when any reported route disagrees with the tracks."""
    from flightlegs.read.inputs import read_routes
    from flightlegs.show.compare_output import render_comparison
    from flightlegs.tracks.compare import compare_route
    from flightlegs.tracks.observe import observe_files

    routes = read_routes(args.route)
    tracks = observe_files(args.tracks)
    comparisons = [compare_route(r, tracks) for r in routes]
    print(render_comparison(comparisons, args.format))
    return EXIT_OK if all(c.agrees for c in comparisons) else EXIT_FINDINGS
