"""``flightlegs legs``: each leg's distance, bearing and time aloft."""

from __future__ import annotations

import argparse
import sys

from flightlegs.cli.common import (
    EXIT_USAGE,
    add_input_options,
    cruise_ktas,
    paragraph,
    read_or_fail,
)

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command to the ``flightlegs`` parser."""
    legs = sub.add_parser(
        "legs",
        help="print each leg's distance, bearing and time aloft",
        description=paragraph(
            "Measure each leg on the WGS84 ellipsoid: distance (a range for a vague "
            "stop such as 'Texas'), initial bearing, and time aloft at the aircraft's cruise "
            "speed. Doubts about what was read (no stop or one stop, a detour that suggests a "
            "mistyped code) are printed as warning lines under the table."
        ),
        epilog="examples:\n"
        "  flightlegs legs AZA-ELP-ANC-SHE-ICN --units nm\n"
        "  flightlegs legs report.txt --stops          # what was read, and from where\n"
        "  flightlegs legs flights.csv --format csv > legs.csv\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_input_options(legs)
    legs.add_argument(
        "--format",
        choices=["table", "csv", "json"],
        default="table",
        help="table for people (default), csv (one row per leg), or json (the contract "
        "documented in flightlegs.show.tables)",
    )
    legs.add_argument(
        "--units",
        choices=["km", "nm", "mi"],
        default="km",
        help="distance unit of the table and CSV: kilometres (default), nautical miles or "
        "statute miles; JSON always gives all three",
    )
    legs.add_argument(
        "--stops",
        action="store_true",
        help="also list each stop with its evidence and candidate airports, and the places "
        "the reader set aside as not stops",
    )
    legs.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the legs of every route."""
    from flightlegs.core.legs import measure_many
    from flightlegs.show.tables import (
        legs_csv,
        legs_table,
        route_doubts,
        routes_json,
        stops_table,
    )

    routes, status = read_or_fail(args)
    if status == EXIT_USAGE:
        return status
    legs = measure_many(routes)
    cruise = [cruise_ktas(r) for r in routes]
    if args.format == "json":
        print(routes_json(routes, legs, cruise))
    elif args.format == "csv":
        sys.stdout.write(legs_csv(routes, legs, unit=args.units, cruise=cruise))
    else:
        blocks = []
        doubts = route_doubts(routes, legs)
        for route, route_legs, ktas, doubt in zip(routes, legs, cruise, doubts, strict=True):
            block = legs_table(route, route_legs, unit=args.units, cruise_ktas=ktas, doubts=doubt)
            if args.stops:
                block = stops_table(route) + "\n\n" + block
            blocks.append(block)
        print("\n\n".join(blocks))
    return status
