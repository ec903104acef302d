"""Code chains in Great Circle Mapper's route syntax.

A chain lists stops joined by ``-``. Commas (or plain spaces) separate routes;
``/`` gives alternatives that share the stops around them, so ``JFK-LHR/CDG``
is the two routes ``JFK-LHR`` and ``JFK-CDG``. A stop is an IATA, ICAO or FAA
code in any case, or explicit coordinates:

* hemisphere letters: ``41.64N 123.48E``, ``N41.64 E123.48``, ``41.64N123.48E``
* degrees, minutes, seconds: ``41°38'23"N 123°29'W``
* signed decimal degrees in brackets: ``(41.64, 123.48)`` or ``[-33.9,151.2]``

Each kind of token owns its pattern; every token keeps its position so that an
error can point at it.

Examples
--------
>>> [r.name for r in parse_chain("aza-elp-anc, JFK-LHR/CDG")]
['AZA-ELP-ANC', 'JFK-LHR', 'JFK-CDG']
>>> parse_chain("(61.2,-150.0)-SHE")[0].stops[0].point
LatLon(lat=61.2, lon=-150.0)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from flightlegs.core.geodesy import LatLon
from flightlegs.core.route import Evidence, Route, Stop, StopKind
from flightlegs.errors import AmbiguousPlaceError, InputError, RouteSyntaxError, UnknownPlaceError
from flightlegs.reference.airports import AirportTable, airport_table

__all__ = ["MAX_CHAIN_LENGTH", "MAX_ROUTES", "Token", "TokenKind", "parse_chain", "tokenize"]

#: Longest chain accepted, in characters.
MAX_CHAIN_LENGTH = 10_000
#: Most routes one chain may expand into (alternatives multiply).
MAX_ROUTES = 1_000


class TokenKind(Enum):
    """The kinds of token in a chain."""

    CODE = "code"
    COORDINATES = "coordinates"
    HYPHEN = "-"
    SLASH = "/"
    COMMA = ","
    SPACE = " "


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a chain: its kind, text, position and, for coordinates, the point."""

    kind: TokenKind
    text: str
    start: int
    point: LatLon | None = None

    @property
    def end(self) -> int:
        """Offset just past the token."""
        return self.start + len(self.text)


_NUM = r"\d{1,3}(?:\.\d+)?"
_DMS = (
    r"\d{1,3}(?:\.\d+)?\s*°(?:\s*\d{1,2}(?:\.\d+)?\s*['′])?(?:\s*\d{1,2}(?:\.\d+)?\s*(?:\"|″|''))?"
)


def _dms_to_deg(text: str) -> float:
    parts = [float(p) for p in re.findall(r"\d+(?:\.\d+)?", text)]
    deg = (
        parts[0]
        + (parts[1] / 60 if len(parts) > 1 else 0)
        + (parts[2] / 3600 if len(parts) > 2 else 0)
    )
    return deg


def _signed(value: float, hemisphere: str) -> float:
    return -value if hemisphere.upper() in "SW" else value


def _hemisphere_suffix(m: re.Match[str]) -> tuple[float, float]:
    lat = _signed(_dms_to_deg(m["lat"]), m["ns"])
    lon = _signed(_dms_to_deg(m["lon"]), m["ew"])
    return lat, lon


def _hemisphere_prefix(m: re.Match[str]) -> tuple[float, float]:
    return _signed(float(m["lat"]), m["ns"]), _signed(float(m["lon"]), m["ew"])


def _bracketed(m: re.Match[str]) -> tuple[float, float]:
    return float(m["lat"]), float(m["lon"])


# Coordinate forms, tried in order. Each returns (lat, lon) in degrees.
_COORDINATE_FORMS: tuple[
    tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[float, float]]], ...
] = (
    (
        re.compile(
            rf"(?P<lat>{_DMS}|{_NUM})\s*(?P<ns>[NSns])\s*,?\s*(?P<lon>{_DMS}|{_NUM})\s*(?P<ew>[EWew])(?![A-Za-z0-9])"
        ),
        _hemisphere_suffix,
    ),
    (
        re.compile(
            rf"(?P<ns>[NSns])\s*(?P<lat>{_NUM})\s*,?\s*(?P<ew>[EWew])\s*(?P<lon>{_NUM})(?![A-Za-z0-9.])"
        ),
        _hemisphere_prefix,
    ),
    (
        re.compile(
            r"[(\[]\s*(?P<lat>[+-]?\d{1,3}(?:\.\d+)?)\s*[,;\s]\s*(?P<lon>[+-]?\d{1,3}(?:\.\d+)?)\s*[)\]]"
        ),
        _bracketed,
    ),
)

_CODE = re.compile(r"[A-Za-z0-9]{3,4}(?![A-Za-z0-9])")
_SEPARATORS = {"-": TokenKind.HYPHEN, "/": TokenKind.SLASH, ",": TokenKind.COMMA}
_SPACE = re.compile(r"\s+")


def _match_coordinates(text: str, pos: int) -> Token | None:
    for pattern, convert in _COORDINATE_FORMS:
        m = pattern.match(text, pos)
        if m:
            lat, lon = convert(m)
            if not -90 <= lat <= 90:
                raise RouteSyntaxError(text, f"latitude {lat:g} is outside [-90, 90]", pos)
            if not -180 <= lon <= 180:
                raise RouteSyntaxError(text, f"longitude {lon:g} is outside [-180, 180]", pos)
            return Token(TokenKind.COORDINATES, m.group(0), pos, LatLon(lat, lon))
    return None


def tokenize(text: str) -> list[Token]:
    """Split a chain into tokens, each with its position.

    Raises
    ------
    RouteSyntaxError
        At the first character that starts no token.

    Examples
    --------
    >>> [(t.kind.name, t.text, t.start) for t in tokenize("ANC-she")]
    [('CODE', 'ANC', 0), ('HYPHEN', '-', 3), ('CODE', 'she', 4)]
    """
    if len(text) > MAX_CHAIN_LENGTH:
        raise InputError(
            f"route chain of {len(text):,} characters is longer than "
            f"the {MAX_CHAIN_LENGTH:,} accepted"
        )
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        ch = text[pos]
        if m := _SPACE.match(text, pos):
            tokens.append(Token(TokenKind.SPACE, m.group(0), pos))
            pos = m.end()
            continue
        if ch in _SEPARATORS:
            tokens.append(Token(_SEPARATORS[ch], ch, pos))
            pos += 1
            continue
        coord = _match_coordinates(text, pos)
        if coord is not None:
            tokens.append(coord)
            pos = coord.end
            continue
        if m := _CODE.match(text, pos):
            if m.group(0).isdigit():
                raise RouteSyntaxError(
                    text, f"{m.group(0)!r} is a number, not an airport code", pos
                )
            tokens.append(Token(TokenKind.CODE, m.group(0), pos))
            pos = m.end()
            continue
        word = re.match(r"[A-Za-z0-9]+", text[pos:])
        if word:
            raise RouteSyntaxError(
                text,
                f"{word.group(0)!r} is not an airport code (expected 3-letter IATA, "
                "4-letter ICAO or FAA code) or coordinates",
                pos,
            )
        raise RouteSyntaxError(
            text, f"unexpected character {ch!r}; expected a code, coordinates, '-', '/' or ','", pos
        )
    return tokens


def _paths(text: str, tokens: list[Token]) -> list[list[list[Token]]]:
    """Group tokens into routes, each a list of groups of alternative stops."""
    routes: list[list[list[Token]]] = []
    groups: list[list[Token]] = [[]]
    dangling: Token | None = None  # a '-' or '/' still waiting for its stop

    def close_route() -> None:
        nonlocal groups
        if dangling is not None:
            raise RouteSyntaxError(
                text, f"a stop is missing after {dangling.text!r}", dangling.start
            )
        if groups != [[]]:
            routes.append(groups)
        groups = [[]]

    for tok in tokens:
        if tok.kind in (TokenKind.CODE, TokenKind.COORDINATES):
            if dangling is None and groups != [[]]:
                # two stops with only a space between them: a new route, as in GCM
                close_route()
            groups[-1].append(tok)
            dangling = None
        elif tok.kind in (TokenKind.HYPHEN, TokenKind.SLASH):
            if dangling is not None or groups == [[]]:
                raise RouteSyntaxError(text, f"{tok.text!r} must follow a stop", tok.start)
            if tok.kind is TokenKind.HYPHEN:
                groups.append([])
            dangling = tok
        elif tok.kind is TokenKind.COMMA:
            close_route()
    close_route()
    return routes


def parse_chain(
    text: str, table: AirportTable | None = None, source: str = "<chain>"
) -> list[Route]:
    """Parse a code chain into routes whose stops are airports or coordinates.

    Parameters
    ----------
    text
        The chain, e.g. ``"AZA-ELP-ANC-SHE-ICN"``.
    table
        Airports to resolve codes in; the bundled table by default.
    source
        Name of the input, kept in each stop's evidence.

    Returns
    -------
    list of Route
        One route per comma-separated chain and per combination of ``/``
        alternatives.

    Raises
    ------
    RouteSyntaxError
        Bad syntax, an unknown code (with near-miss suggestions) or an
        ambiguous one; the message points at the token's position.

    Examples
    --------
    >>> parse_chain("PANC-ZYTX")[0].name
    'PANC-ZYTX'
    >>> parse_chain("ANC-XXA")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    flightlegs.errors.RouteSyntaxError: ANC-XXA: at character 5: unknown airport code 'XXA'; ...
    """
    table = table or airport_table()
    tokens = tokenize(text)
    routes = _paths(text, tokens)
    if not routes:
        raise RouteSyntaxError(
            text, "no stops found; expected codes joined by '-', e.g. AZA-ELP-ANC", 0
        )
    resolved: dict[int, Stop] = {}
    for groups in routes:
        for group in groups:
            for tok in group:
                if tok.start not in resolved:
                    resolved[tok.start] = _stop_for(text, tok, table, source)
    hint = _one_stop_hint(text, routes)
    out: list[Route] = []
    for groups in routes:
        warnings = (hint,) if hint and len(groups) == 1 else ()
        for combo in itertools.product(*groups):
            if len(out) >= MAX_ROUTES:
                raise RouteSyntaxError(
                    text, f"the alternatives expand into more than {MAX_ROUTES} routes", 0
                )
            stops = tuple(resolved[tok.start] for tok in combo)
            name = "-".join(
                tok.text.strip().upper() if tok.kind is TokenKind.CODE else tok.text.strip()
                for tok in combo
            )
            out.append(
                Route(
                    stops=stops,
                    name=name,
                    source=None if source == "<chain>" else source,
                    warnings=warnings,
                )
            )
    return out


def _one_stop_hint(text: str, routes: list[list[list[Token]]]) -> str:
    """How to join stops that spaces made into routes of one stop each, or ``""``.

    Examples
    --------
    >>> print(_one_stop_hint("MIA PAP", _paths("MIA PAP", tokenize("MIA PAP")))[-32:])
    join its stops with '-': MIA-PAP
    """
    if len(routes) < 2 or all(len(groups) > 1 for groups in routes):
        return ""
    shown = text if len(text) <= 60 else text[:57] + "..."
    joined = "" if any(c in text for c in ",/") else ": " + "-".join(text.upper().split())
    return (
        f"{shown!r}: spaces separate routes, so this route has a single stop; "
        f"to give one route, join its stops with '-'{joined}"
    )


def _stop_for(text: str, tok: Token, table: AirportTable, source: str) -> Stop:
    evidence = Evidence(text, tok.start, tok.end, source)
    if tok.kind is TokenKind.COORDINATES:
        return Stop(
            name=tok.text.strip(), kind=StopKind.COORDINATES, point=tok.point, evidence=evidence
        )
    try:
        airport = table.by_code(tok.text)
    except (UnknownPlaceError, AmbiguousPlaceError) as err:
        raise RouteSyntaxError(text, str(err), tok.start) from None
    return Stop.at_airport(airport, name=tok.text.upper(), evidence=evidence)
