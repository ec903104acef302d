"""Read routes from whatever the user gives: a code chain, a file, or standard input.

This is the one place where input is recognised and coerced. Files are told
apart by suffix (``.yaml``/``.yml``, ``.toml``, ``.json``, ``.csv``); anything
else is read as text: a code chain if it is one, otherwise a report.

Examples
--------
>>> [r.name for r in read_routes("AZA-ELP-ANC")]
['AZA-ELP-ANC']
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from flightlegs.core.route import Route
from flightlegs.errors import InputError, RouteSyntaxError
from flightlegs.read.chains import parse_chain

if TYPE_CHECKING:
    from collections.abc import Callable

    from flightlegs.read.report.model import ReportReading

    Explain = Callable[[str, ReportReading], None]
    from flightlegs.geocode.resolvers import Resolver

__all__ = ["MAX_INPUT_BYTES", "read_routes", "read_text"]

#: Largest input file accepted, in bytes (reports are far smaller; this keeps
#: a mistaken multi-gigabyte argument from eating memory).
MAX_INPUT_BYTES = 5_000_000

_STRUCTURED = {".yaml", ".yml", ".toml", ".json", ".csv"}


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, refusing directories, binaries and huge files.

    Raises
    ------
    InputError
        Naming the file and what was wrong.
    """
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(
                f"{path}: {size:,} bytes is larger than the "
                f"{MAX_INPUT_BYTES:,} accepted for one input"
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


def _expand(arguments: Iterable[str]) -> list[str | Path]:
    """Turn arguments into chains and file paths; a folder yields its route files."""
    items: list[str | Path] = []
    for arg in arguments:
        path = Path(arg)
        if arg == "-" or not _could_be_path(path):
            items.append(arg)
        elif path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in {*_STRUCTURED, ".txt"}
            )
            if not found:
                raise InputError(
                    f"{arg}: folder holds no route files (.yaml .toml .json .csv .txt)"
                )
            items.extend(found)
        elif path.suffix and (
            path.exists() or "/" in arg or path.suffix.lower() in {*_STRUCTURED, ".txt"}
        ):
            if not path.exists():
                raise InputError(f"{arg}: no such file")
            items.append(path)
        else:
            items.append(arg)
    return items


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

    if explain is not None:
        explain(source, explain_report(text))
    return [parse_report(text, source=source, resolver=resolver, strict=strict)]


def read_routes(
    *arguments: str,
    resolver: Resolver | None = None,
    strict: bool = False,
    explain: Explain | None = None,
) -> list[Route]:
    """Read every route named by the arguments.

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
    explain
        Called with the source and the reader's account
        (:func:`~flightlegs.read.report.reader.explain_report`) of every
        report read, before its route is built.

    Returns
    -------
    list of Route
        In the order given.

    Raises
    ------
    FlightlegsError
        For any input that cannot be read; the message names the input.
    """
    if not arguments:
        raise InputError("no input given; expected a code chain such as AZA-ELP-ANC, or a file")
    routes: list[Route] = []
    for item in _expand(arguments):
        if item == "-":
            text = sys.stdin.read(MAX_INPUT_BYTES + 1)
            if len(text) > MAX_INPUT_BYTES:
                raise InputError(
                    f"<stdin>: longer than the {MAX_INPUT_BYTES:,} characters accepted"
                )
            routes.extend(_read_text_input(text, "<stdin>", resolver, strict, explain))
        elif isinstance(item, Path):
            suffix = item.suffix.lower()
            if suffix in _STRUCTURED:
                from flightlegs.read.routefiles import read_route_file

                routes.extend(read_route_file(item, resolver=resolver, strict=strict))
            else:
                routes.extend(
                    _read_text_input(read_text(item), str(item), resolver, strict, explain)
                )
        else:
            routes.extend(parse_chain(item))
    return routes
