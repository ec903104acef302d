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
        "  flightlegs export report.txt --format csv\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_input_options(export)
    export.add_argument(
        "--format",
        choices=["geojson", "kml", "csv"],
        help="geojson, kml or csv (default: from the -o suffix, else geojson)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    export.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the routes in the asked format, to a file or stdout."""
    from pathlib import Path

    from flightlegs.checks.config import load_config
    from flightlegs.checks.rules import check_routes
    from flightlegs.show.export import export_routes

    suffixes = {".geojson": "geojson", ".json": "geojson", ".kml": "kml", ".csv": "csv"}
    fmt = args.format or suffixes.get(Path(args.output or "").suffix.lower(), "geojson")
    routes, status = read_or_fail(args)
    if status == EXIT_USAGE:
        return status
    text = export_routes(routes, fmt, checks=check_routes(routes, load_config().check))
    if args.output is None:
        sys.stdout.write(text)
        return status
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(out)
    return status
