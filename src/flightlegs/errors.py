"""The one error hierarchy of flightlegs.

Every error raised on purpose by flightlegs derives from :class:`FlightlegsError`
and also from the matching built-in exception, so callers may catch either.
The command line turns any :class:`FlightlegsError` into one line on stderr and
exit status 2.

Examples
--------
>>> try:
...     raise RouteSyntaxError("AZA-XX1", "unexpected character '1'", position=6)
... except ValueError as err:
...     print(err)
AZA-XX1: at character 7: unexpected character '1'
"""

from __future__ import annotations

__all__ = [
    "AircraftError",
    "AmbiguousPlaceError",
    "FlightlegsError",
    "GeocoderError",
    "InputError",
    "MissingDependencyError",
    "RouteFileError",
    "RouteSyntaxError",
    "UnknownPlaceError",
]


class FlightlegsError(Exception):
    """Base class of every error flightlegs raises on purpose."""


class InputError(FlightlegsError, ValueError):
    """Input that cannot be used: wrong kind, too large, unreadable, out of range."""


class RouteSyntaxError(InputError):
    """A code chain or coordinate that does not follow the route syntax.

    Parameters
    ----------
    text
        The whole input being parsed.
    message
        What was wrong and what was expected.
    position
        Zero-based character offset of the offending token in ``text``.
    """

    def __init__(self, text: str, message: str, position: int | None = None) -> None:
        self.text = text
        self.message = message
        self.position = position
        where = f"at character {position + 1}: " if position is not None else ""
        shown = text if len(text) <= 80 else text[:77] + "..."
        super().__init__(f"{shown}: {where}{message}")


class RouteFileError(InputError):
    """A route file (YAML, TOML, JSON, CSV) that does not follow the schema.

    Parameters
    ----------
    message
        The whole message: the file, where in it, what was wrong.
    source
        The file's name, when known.
    line
        The 1-based line the problem is on, when known.
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        self.source = source
        self.line = line
        super().__init__(message)


class UnknownPlaceError(FlightlegsError, LookupError):
    """A place, code or name that matches nothing known.

    Parameters
    ----------
    name
        The name as given.
    suggestions
        The closest known names, best first.
    """

    def __init__(self, name: str, suggestions: tuple[str, ...] = (), what: str = "place") -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown {what} {name!r}{hint}")


class AmbiguousPlaceError(FlightlegsError, LookupError):
    """A code or name that matches several places and cannot be settled alone.

    Parameters
    ----------
    name
        The name as given.
    matches
        A short description of each match.
    """

    def __init__(self, name: str, matches: tuple[str, ...]) -> None:
        self.name = name
        self.matches = tuple(matches)
        super().__init__(f"ambiguous {name!r}: matches {'; '.join(self.matches)}")


class GeocoderError(FlightlegsError, RuntimeError):
    """A geocoding service failed: unreachable, refused, over quota or timed out."""


class AircraftError(FlightlegsError, LookupError):
    """An aircraft type that is unknown or has no figure for what was asked."""


class MissingDependencyError(FlightlegsError, ImportError):
    """An optional package is needed for this feature; the message says what to install."""
