"""``flightlegs check``: routes against their aircraft, with an exit status for CI."""

from __future__ import annotations

import argparse
import gc
import sys

from flightlegs.cli.common import EXIT_FINDINGS, EXIT_OK, add_input_options, read

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command to the ``flightlegs`` parser."""
    # "resolve": the shared input options may define --strict too; here it means both.
    check = sub.add_parser(
        "check",
        help="check routes against the aircraft: range, fuel stops, seats, runways, speeds",
        description="Exit status: 0 plausible, 1 implausible (or any warning with --strict), "
        "2 bad input. Settings come from [tool.flightlegs] in the nearest pyproject.toml; "
        "flags override them.",
        conflict_handler="resolve",
    )
    add_input_options(check)
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
    check.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Check the routes; exit 1 when one fails."""
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
    # The command owns its process, so it may pause the cyclic collector, which
    # would otherwise rescan the young generations over and over while a batch
    # allocates hundreds of thousands of small acyclic objects (a third faster
    # on 10,000 routes). check_routes itself leaves the process as it found it.
    gc.disable()
    report = check_routes(read(args), settings)
    for chunk in iter_render(report, args.format, strict=settings.strict):
        sys.stdout.write(chunk)
    return EXIT_FINDINGS if report.failed(strict=settings.strict) else EXIT_OK
