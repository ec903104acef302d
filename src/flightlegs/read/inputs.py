"""Read routes from whatever the user gives: a code chain, a file, or standard input.

This is the one place where input is recognised and coerced. An argument that
names an existing file or folder is read as one, never as a code chain; files
are told apart by suffix (``.yaml``/``.yml``, ``.toml``, ``.json``, ``.csv``),
and any other file is read as text: a code chain if it is one, otherwise a
report. An argument that names nothing on disk is a code chain; when it is not
one either, the error says both.

:func:`read_inputs` keeps going past a bad argument, file, route or row and
returns what it could not read as :class:`Problem` s, with file and line;
:func:`read_routes` stops at the first.

Examples
--------
>>> [r.name for r in read_routes("AZA-ELP-ANC")]
['AZA-ELP-ANC']
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from flightlegs.core.route import Route
from flightlegs.errors import FlightlegsError, InputError, RouteFileError, RouteSyntaxError
from flightlegs.read.chains import parse_chain

if TYPE_CHECKING:
    from flightlegs.read.report.model import ReportReading

    Explain = Callable[[str, ReportReading], None]
    from flightlegs.geocode.resolvers import Resolver

__all__ = [
    "MAX_INPUT_BYTES",
    "MAX_TABLE_BYTES",
    "Problem",
    "Reading",
    "read_inputs",
    "read_routes",
    "read_text",
]

#: Largest input file accepted, in bytes (reports are far smaller; this keeps
#: a mistaken multi-gigabyte argument from eating memory).
MAX_INPUT_BYTES = 5_000_000
#: Largest CSV of routes accepted, in bytes: a batch of a hundred thousand flights
#: (the most one file may hold) with notes and sources fits.
MAX_TABLE_BYTES = 200_000_000

_STRUCTURED = {".yaml", ".yml", ".toml", ".json", ".csv"}


def read_text(path: Path, limit: int = MAX_INPUT_BYTES) -> str:
    """Read a UTF-8 text file, refusing directories, binaries and files over ``limit`` bytes.

    Raises
    ------
    InputError
        Naming the file and what was wrong.
    """
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                f"{path}: {size:,} bytes is larger than the {limit:,} accepted for one input"
            )
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory; expected a route file or a report") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file; expected text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: byte {err.start} is not UTF-8; save the file as UTF-8") from None


def _could_be_path(path: Path) -> bool:
    """Whether the file system can be asked about ``path`` (a long chain is no file name)."""
    try:
        path.exists()
    except (OSError, ValueError):  # name too long, NUL byte, ...
        return False
    return True


@dataclass(frozen=True, slots=True)
class Problem:
    """An input, or a route or row in one, that could not be read.

    Attributes
    ----------
    source
        The file, ``<stdin>``, or the command-line argument.
    message
        One line: where and what was wrong, as the error says it.
    line
        The 1-based line in ``source``, where known.
    """

    source: str
    message: str
    line: int | None = None

    @classmethod
    def from_error(cls, err: FlightlegsError, source: str) -> Problem:
        """The problem an error describes, with the file and line it names."""
        if isinstance(err, RouteFileError):
            return cls(err.source or source, str(err), err.line)
        return cls(source, str(err))


@dataclass(frozen=True, slots=True)
class Reading:
    """What :func:`read_inputs` read: the routes, and what could not be read.

    Attributes
    ----------
    routes
        In the order given.
    problems
        Each bad argument, file, route or row, in the order met.
    """

    routes: tuple[Route, ...]
    problems: tuple[Problem, ...] = ()


_TEXT_SUFFIXES = {*_STRUCTURED, ".txt"}


def _expand(arg: str) -> list[str | Path]:
    """One argument as chains and file paths: a folder yields its route files.

    An existing file is a file whatever its suffix; a name with a route-file
    suffix or a ``/`` that is not there is a missing file; anything else is
    a code chain.
    """
    path = Path(arg)
    if arg == "-" or not _could_be_path(path):
        return [arg]
    if path.is_dir():
        found = sorted(
            p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _TEXT_SUFFIXES
        )
        if not found:
            raise InputError(f"{arg}: folder holds no route files (.yaml .toml .json .csv .txt)")
        return list(found)
    if path.is_file():
        return [path]
    if path.exists():
        raise InputError(f"{arg}: is not a file or a folder; expected a route file or a report")
    if path.suffix.lower() in _TEXT_SUFFIXES:
        raise InputError(f"{arg}: no such file")
    return [arg]  # "JFK-LHR/CDG" is a chain; "data/routes" fails as one, and says so


def _chain_argument(arg: str) -> list[Route]:
    """A command-line argument read as a code chain.

    Raises
    ------
    InputError
        Saying it was taken for a chain because no file or folder has that
        name, when it reads like a name rather than a chain.
    """
    try:
        return parse_chain(arg)
    except RouteSyntaxError as err:
        looks_like_path = (
            "." in arg or arg.endswith(("/", "\\")) or not any(c in arg for c in "-, ")
        )
        if not looks_like_path:
            raise
        raise InputError(
            f"{arg}: no such file or folder, and not a code chain either ({err.message})"
        ) from None


def _offset(progress: Callable[[int], None] | None, done: int) -> Callable[[int], None] | None:
    """``progress`` told counts within one file as counts over every input."""
    if progress is None:
        return None
    report = progress
    return lambda n: report(done + n)


def _hint_one_stop_arguments(routes: list[Route], counts: list[int]) -> list[Route]:
    """Tell routes of one stop, each from its own argument, how to make them one route."""
    singles = [i for i, n in enumerate(counts) if n == 1 and len(routes[i].stops) == 1]
    if len(singles) < 2:
        return routes
    joined = "-".join(routes[i].name for i in singles)
    hint = (
        "each argument is a route of its own, so this one has a single stop; "
        f"to give one route, join its stops with '-' in one argument: {joined}"
    )
    out = list(routes)
    for i in singles:
        out[i] = replace(out[i], warnings=(*out[i].warnings, hint))
    return out


_PROSE_WORD = re.compile(r"\b[a-z]{3,}\b")


def _looks_like_prose(text: str) -> bool:
    """Whether a text is a report rather than a code chain: long, or with words in lower case.

    Examples
    --------
    >>> _looks_like_prose("AZA-ELP-ANC"), _looks_like_prose("The jet left Mesa for Anchorage.")
    (False, True)
    """
    return len(text) > 2_000 or len(_PROSE_WORD.findall(text)) >= 3


def _read_text_input(
    text: str,
    source: str,
    resolver: Resolver | None = None,
    strict: bool = False,
    explain: Explain | None = None,
) -> list[Route]:
    stripped = text.strip()
    if not stripped:
        raise InputError(f"{source}: is empty; expected a code chain or a report")
    if not _looks_like_prose(stripped):
        try:
            return parse_chain(stripped, source=source)
        except RouteSyntaxError:
            if "\n" not in stripped and not any(c.islower() for c in stripped):
                raise
    from flightlegs.read.report.reader import explain_report, parse_report

    reading = explain_report(text)
    if explain is not None:
        explain(source, reading)
    return [parse_report(text, source=source, resolver=resolver, strict=strict, reading=reading)]


def read_inputs(
    *arguments: str,
    resolver: Resolver | None = None,
    strict: bool = False,
    keep_going: bool = True,
    progress: Callable[[int], None] | None = None,
    explain: Explain | None = None,
) -> Reading:
    """Read every route named by the arguments, keeping going past what cannot be read.

    Parameters
    ----------
    *arguments, resolver, strict
        As for :func:`read_routes`.
    keep_going
        Note a bad argument, file, route or row as a :class:`Problem` and
        read the rest; with ``False`` the first one raises, as
        :func:`read_routes` does.
    progress
        Told the number of routes read so far, after each input and every
        thousand routes of a route file.
    explain
        Called with the source and the reader's account
        (:func:`~flightlegs.read.report.reader.explain_report`) of every
        report read, before its route is built.

    Returns
    -------
    Reading
        The routes, and the problems in the order met.

    Examples
    --------
    >>> reading = read_inputs("ANC-SHE", "ANC-QQQ", "AZA-ELP")
    >>> [r.name for r in reading.routes]
    ['ANC-SHE', 'AZA-ELP']
    >>> print(reading.problems[0].message)  # doctest: +ELLIPSIS
    ANC-QQQ: at character 5: unknown airport code 'QQQ'...
    """
    if not arguments:
        raise InputError("no input given; expected a code chain such as AZA-ELP-ANC, or a file")
    routes: list[Route] = []
    problems: list[Problem] = []
    # per route, how many routes its chain argument made (0: not a chain argument)
    chain_counts: list[int] = []

    def keep(err: FlightlegsError, source: str) -> None:
        if not keep_going:
            raise err
        problems.append(Problem.from_error(err, source))

    for arg in arguments:
        try:
            items = _expand(arg)
        except FlightlegsError as err:
            keep(err, arg)
            continue
        for item in items:
            first = len(routes)
            source = str(item) if isinstance(item, Path) else ("<stdin>" if item == "-" else item)
            try:
                if item == "-":
                    text = sys.stdin.read(MAX_INPUT_BYTES + 1)
                    if len(text) > MAX_INPUT_BYTES:
                        raise InputError(
                            f"<stdin>: longer than the {MAX_INPUT_BYTES:,} characters accepted"
                        )
                    routes.extend(_read_text_input(text, "<stdin>", resolver, strict, explain))
                elif isinstance(item, Path):
                    if item.suffix.lower() in _STRUCTURED:
                        from flightlegs.read.routefiles import read_route_file

                        found: list[RouteFileError] = []
                        done = len(routes)
                        routes.extend(
                            read_route_file(
                                item,
                                resolver=resolver,
                                strict=strict,
                                problems=found if keep_going else None,
                                progress=_offset(progress, done),
                            )
                        )
                        problems.extend(Problem.from_error(e, source) for e in found)
                    else:
                        routes.extend(
                            _read_text_input(read_text(item), source, resolver, strict, explain)
                        )
                else:
                    routes.extend(_chain_argument(item))
            except FlightlegsError as err:
                keep(err, source)
            made = len(routes) - first
            chain_counts.extend([made if isinstance(item, str) and item != "-" else 0] * made)
            if progress is not None:
                progress(len(routes))
    return Reading(tuple(_hint_one_stop_arguments(routes, chain_counts)), tuple(problems))


def read_routes(
    *arguments: str, resolver: Resolver | None = None, strict: bool = False
) -> list[Route]:
    """Read every route named by the arguments, stopping at the first that cannot be read.

    Parameters
    ----------
    *arguments
        Code chains, paths of route files or reports, folders of them, or
        ``"-"`` for standard input.
    resolver
        Resolves place names in route files and reports; the offline
        gazetteer by default (see :func:`flightlegs.geocode.resolvers.make_resolver`).
    strict
        Refuse places that cannot be resolved (the error lists the closest
        known names) and reports with no stops, instead of keeping them with
        a warning.

    Returns
    -------
    list of Route
        In the order given.

    Raises
    ------
    FlightlegsError
        For any input that cannot be read; the message names the input.
    """
    return list(read_inputs(*arguments, resolver=resolver, strict=strict, keep_going=False).routes)
