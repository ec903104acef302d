"""``flightlegs check``: routes against their aircraft, with an exit status for CI."""

from __future__ import annotations

import argparse
import gc
import sys
from typing import TYPE_CHECKING

from flightlegs.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_input_options,
    paragraph,
    read,
    tell_problems,
)

if TYPE_CHECKING:
    from flightlegs.checks.results import RouteCheck
    from flightlegs.checks.settings import CheckSettings

__all__ = ["register", "run"]


_EXAMPLES = """\
examples:
  flightlegs check AZA-ELP-ANC-SHE-ICN --aircraft GLF5
  flightlegs check report.txt --strict
  flightlegs check flights.csv --quiet
  flightlegs check routes/ --format github --junit report.xml   # CI: annotations and JUnit
"""

#: Routes checked at a time, so the progress bar moves on a large batch.
_CHUNK = 10_000


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command to the ``flightlegs`` parser."""
    # "resolve": the shared input options may define --strict too; here it means both.
    check = sub.add_parser(
        "check",
        help="check routes against the aircraft: range, fuel stops, seats, runways, speeds",
        description=paragraph(
            "Check each route against its aircraft (range, fuel stops, seats, runways, "
            "speeds) and against doubt about what was read (no stop or one stop read, a detour "
            "that suggests a mistyped code). "
            "Exit status: 0 plausible, 1 implausible, any warning with --strict, or some input "
            "could not be read, 2 nothing could be read or bad usage. A bad file, route or row "
            "is reported where it is and the rest are still checked (--fail-fast: stop at it). "
            "Settings come from [tool.flightlegs] in the nearest pyproject.toml; flags override "
            "them."
        ),
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        conflict_handler="resolve",
    )
    add_input_options(check)
    check.add_argument(
        "--format",
        choices=["text", "json", "junit", "github"],
        default="text",
        help="what stdout gets: text for people (default), json (the contract in "
        "docs/ci.md), junit XML, or github workflow annotations (::error file=...,line=...)",
    )
    check.add_argument(
        "--junit",
        metavar="FILE",
        help="also write JUnit XML to FILE, whatever --format says (one run for CI)",
    )
    check.add_argument(
        "--json",
        metavar="FILE",
        help="also write the JSON document to FILE, whatever --format says",
    )
    check.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="text format: only the routes that fail or are doubtful, and the summary",
    )
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


def _settings(args: argparse.Namespace) -> CheckSettings:
    """The project's settings, with the command line's flags over them."""
    from dataclasses import replace

    from flightlegs.checks.config import load_config
    from flightlegs.checks.settings import CheckSettings

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
    return replace(settings, **overrides)  # type: ignore[arg-type]


def run(args: argparse.Namespace) -> int:
    """Check the routes; exit 1 when one fails or an input could not be read."""
    import time

    from flightlegs.checks.results import CheckResults
    from flightlegs.checks.rules import check_routes
    from flightlegs.cli.progress import Progress
    from flightlegs.show.check_output import iter_render, render, summary

    started = time.perf_counter()
    settings = _settings(args)
    # The command owns its process, so it may pause the cyclic collector, which
    # would otherwise rescan the young generations over and over while a batch
    # allocates hundreds of thousands of small acyclic objects (a third faster
    # on 10,000 routes). check_routes itself leaves the process as it found it.
    gc.disable()
    with Progress() as progress:
        reading = read(args, progress)
        problems = reading.problems
        if not reading.routes and problems and args.format == "text":
            progress.close()
            tell_problems(problems)
            return EXIT_USAGE
        routes = list(reading.routes)
        progress.phase("checking", total=len(routes))
        checked: list[RouteCheck] = []
        for start in range(0, len(routes), _CHUNK):
            checked.extend(check_routes(routes[start : start + _CHUNK], settings).routes)
            progress.update(min(_CHUNK, len(routes) - start))
        report = CheckResults(routes=tuple(checked), settings=settings)
        strict = settings.strict
        if not report.routes and problems:
            status = EXIT_USAGE
        elif report.failed(strict=strict) or problems:
            status = EXIT_FINDINGS
        else:
            status = EXIT_OK
        for option, fmt in ((args.junit, "junit"), (args.json, "json")):
            if option:
                _write(option, render(report, fmt, strict, problems))
        progress.phase("writing", total=len(routes))
        try:
            for chunk in iter_render(report, args.format, strict, problems, quiet=args.quiet):
                sys.stdout.write(chunk)
                progress.update()
            sys.stdout.flush()
        except BrokenPipeError:
            # `check big.csv | head -1`: the reader left, the verdict stands.
            _silence_stdout()
            return status
    if args.format != "text":
        seconds = time.perf_counter() - started
        print(summary(report, strict, len(problems), seconds), file=sys.stderr)
    return status


def _write(path: str, text: str) -> None:
    from pathlib import Path

    from flightlegs.errors import InputError

    out = Path(path)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as err:
        raise InputError(f"{out}: cannot write ({err.strerror or err})") from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush does not fail again."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind stdout (tests capture it)
        pass
    finally:
        os.close(devnull)
