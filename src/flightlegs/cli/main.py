"""The ``flightlegs`` command line.

Every command reads routes through :func:`flightlegs.read.inputs.read_routes`
and lives in its own module here, registering its options with
``register(sub)`` and running with ``run(args)``. Any
:class:`~flightlegs.errors.FlightlegsError` becomes one line on stderr and exit
status 2; heavy packages are imported only by the commands that need them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from flightlegs import __version__
from flightlegs.cli import check, compare, export, legs, track
from flightlegs.cli import map as map_command
from flightlegs.cli.common import EXIT_OK, EXIT_USAGE, Parser
from flightlegs.errors import FlightlegsError

__all__ = ["COMMANDS", "build_parser", "main"]

#: The commands, in the order ``flightlegs --help`` lists them.
COMMANDS = (legs, check, map_command, export, track, compare)


def build_parser() -> Parser:
    """The argument parser of the ``flightlegs`` command."""
    parser = Parser(
        prog="flightlegs",
        description="Turn reports of flights into checked, mapped routes.",
        epilog="examples:\n"
        "  flightlegs legs AZA-ELP-ANC-SHE-ICN --units nm\n"
        "  flightlegs check report.txt --aircraft GLF5\n"
        "  flightlegs map flights.csv -o flights.html\n"
        "  flightlegs export flights.csv -o flights.geojson\n"
        "\nflightlegs COMMAND --help describes each command and its options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"flightlegs {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for command in COMMANDS:
        command.register(sub)
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
