"""``flightlegs export``: stops and legs as GeoJSON, KML or CSV."""

from __future__ import annotations

import argparse
import sys

from flightlegs.cli.common import EXIT_USAGE, add_input_options, paragraph, read_or_fail

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command to the ``flightlegs`` parser."""
    export = sub.add_parser(
        "export",
        help="write stops and legs as GeoJSON, KML or CSV",
        description=paragraph(
            "Write the stops and the geodesic legs for GIS tools: GeoJSON or KML "
            "(points and densified lines, each leg with its distance and check verdict) or CSV "
            "(one row per leg)."
        ),
        epilog="examples:\n"
        "  flightlegs export AZA-ELP-ANC -o charter.geojson\n"
        "  flightlegs export flights.csv --format kml -o flights.kml\n"
        "  flightlegs export report.txt --format csv\n"
        "  flightlegs export many.csv --precision 4 --spacing-km 200 -o small.geojson\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_input_options(export)
    export.add_argument(
        "--format",
        choices=["geojson", "kml", "csv"],
        help="geojson, kml or csv (default: from the -o suffix, else geojson)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    export.add_argument(
        "--precision",
        type=int,
        default=6,
        metavar="N",
        help="decimal places of coordinates, 0 to 9 (default 6, about 0.1 m; 4 is about 11 m)",
    )
    export.add_argument(
        "--spacing-km",
        type=float,
        default=50.0,
        metavar="KM",
        help="greatest distance between the points written along a leg (default 50; "
        "200 keeps the curve smooth at world scale in a quarter of the size)",
    )
    export.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the routes in the asked format, to a file or stdout."""
    from pathlib import Path

    from flightlegs.checks.config import load_config
    from flightlegs.checks.rules import check_routes
    from flightlegs.core.files import atomic_write
    from flightlegs.show.export import Detail, iter_export

    suffixes = {".geojson": "geojson", ".json": "geojson", ".kml": "kml", ".csv": "csv"}
    fmt = args.format or suffixes.get(Path(args.output or "").suffix.lower(), "geojson")
    routes, status = read_or_fail(args)
    if status == EXIT_USAGE:
        return status
    detail = Detail(digits=args.precision, spacing_km=args.spacing_km)
    pieces = iter_export(routes, fmt, check_routes(routes, load_config().check), detail=detail)
    if args.output is None:
        for piece in pieces:
            sys.stdout.write(piece)
        return status
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    # written as it is made, so a batch never sits whole in memory; an interrupted
    # export leaves the old file as it was
    atomic_write(out, pieces)
    print(out)
    return status
