"""Route files: YAML, TOML, JSON and CSV, one schema, validated in one place.

The schema is documented for users in ``docs/route-files.md``. In short, a file
holds one route, a list of routes, or a mapping with ``routes: [...]``; each
route has ``name``, ``date``, ``aircraft``, ``people``, ``seats``, ``source``,
``notes`` and either ``route`` (a code chain such as ``AZA-ELP-ANC``, or place
names joined by ``>``) or ``stops`` (a list of codes, place names or mappings
``{place | code | lat + lon, name, arrival, departure, return}``). A CSV file
holds one route per row with the same fields as columns, ``route`` required.

Every problem is a :class:`~flightlegs.errors.RouteFileError` whose message
names the file, where in it (``routes[2].stops[1].place``, ``row 7, column
route``) and what was expected.

Examples
--------
>>> data = {"name": "charter", "date": "2024-03-30", "aircraft": "GLF5", "route": "AZA-ELP-ANC"}
>>> route = routes_from_data(data, "example.yaml")[0]
>>> route.name, route.date.isoformat(), [s.code for s in route.stops]
('charter', '2024-03-30', ['AZA', 'ELP', 'ANC'])
>>> routes_from_data({"route": "AZA-ELP", "sets": 4}, "example.yaml")
Traceback (most recent call last):
...
flightlegs.errors.RouteFileError: example.yaml: unknown field 'sets'; did you mean 'seats'? ...
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import difflib
import io
import json
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flightlegs.core.geodesy import LatLon
from flightlegs.core.route import Evidence, Route, Stop, StopKind
from flightlegs.errors import (
    AmbiguousPlaceError,
    FlightlegsError,
    RouteFileError,
    RouteSyntaxError,
    UnknownPlaceError,
)
from flightlegs.read.chains import parse_chain

if TYPE_CHECKING:
    from flightlegs.geocode.resolvers import Resolver

__all__ = [
    "CSV_COLUMNS",
    "MAX_ROUTES_PER_FILE",
    "MAX_STOPS_PER_ROUTE",
    "ROUTE_FIELDS",
    "STOP_FIELDS",
    "read_route_file",
    "routes_from_csv",
    "routes_from_data",
]

#: Fields a route may have, in YAML, TOML and JSON.
ROUTE_FIELDS = ("name", "date", "aircraft", "people", "seats", "source", "notes", "route", "stops")
#: Fields a stop given as a mapping may have.
STOP_FIELDS = ("place", "code", "lat", "lon", "name", "arrival", "departure", "return")
#: Columns a CSV file may have; ``route`` is the one required.
CSV_COLUMNS = ("name", "date", "aircraft", "route", "people", "seats", "source", "notes")
#: Most routes one file may hold.
MAX_ROUTES_PER_FILE = 100_000
#: Most stops one route may have.
MAX_STOPS_PER_ROUTE = 1_000

# An upper-case word of 3-4 letters or digits is read as an airport code; any
# other text is a place name (write {place: USA} to force a name).
_CODE = re.compile(r"[A-Z0-9]{3,4}")
_PLACE_SEPARATOR = ">"
_ROW_WHERE = re.compile(r"row (\d+)\b")


def _suggest(name: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


@dataclass
class _Reader:
    """Turns decoded file content into routes; owns the messages and the caches.

    One reader serves one file, so a place name used on many rows of a CSV file
    is resolved once.
    """

    source: str
    resolver: Resolver | None = None
    strict: bool = False
    #: Where each part of the file starts ("routes[2].stops[1]" -> line 14).
    lines: Mapping[str, int] = field(default_factory=dict)
    #: Where bad routes go when reading keeps going past them; None: raise.
    problems: list[RouteFileError] | None = None
    #: Told the number of routes read so far, every thousand routes.
    progress: Callable[[int], None] | None = None
    _places: dict[str, Stop | FlightlegsError] = field(default_factory=dict)
    _chains: dict[str, list[Route] | RouteSyntaxError] = field(default_factory=dict)
    _used: set[int] = field(default_factory=set)  # ids of cached stops a route already has

    # -- messages -----------------------------------------------------------

    def line_of(self, where: str) -> int | None:
        """The line a part of the file starts on: its own, else its nearest parent's."""
        row = _ROW_WHERE.match(where)
        if row:
            return int(row.group(1))
        while True:
            if where in self.lines:
                return self.lines[where]
            cut = max(where.rfind("."), where.rfind("["))
            if cut <= 0:
                return self.lines.get("")
            where = where[:cut]

    def error(self, where: str, message: str) -> RouteFileError:
        place = f"{where}: " if where else ""
        line = self.line_of(where) if where else None
        shown = (
            f"line {line}, {place}" if line is not None and not where.startswith("row") else place
        )
        return RouteFileError(f"{self.source}: {shown}{message}", source=self.source, line=line)

    def keep_going(self, err: RouteFileError) -> None:
        """Note a bad route and go on, or raise it when reading stops at the first."""
        if self.problems is None:
            raise err
        self.problems.append(err)

    # -- scalar fields ------------------------------------------------------

    def text(self, value: object, where: str) -> str:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.error(where, f"expected text, got {_shown(value)}")
        return str(value).strip()

    def optional_text(self, entry: Mapping[Any, Any], key: str, prefix: str) -> str | None:
        """A text field, or ``None`` when it is missing, empty or blank."""
        value = entry.get(key)
        return (self.text(value, f"{prefix}{key}") or None) if value is not None else None

    def count(self, value: object, where: str) -> int | None:
        if value is None or value == "":
            return None
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.error(where, f"expected a whole number of 0 or more, got {_shown(value)}")
        return value

    def date(self, value: object, where: str) -> dt.date | None:
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.error(where, f"expected a date as YYYY-MM-DD, got {_shown(value)}")

    def moment(self, value: object, where: str) -> dt.datetime | None:
        if value is None or value == "":
            return None
        moment: dt.datetime | None = None
        if isinstance(value, dt.datetime):
            moment = value
        elif isinstance(value, str):
            try:
                moment = dt.datetime.fromisoformat(value.strip())
            except ValueError:
                moment = None
        if moment is None:
            raise self.error(
                where, f"expected a date and time such as 2024-03-30T06:15Z, got {_shown(value)}"
            )
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise self.error(
                where,
                f"{_shown(value)} has no time zone; add Z for UTC or an offset such as +09:00",
            )
        return moment

    # -- stops --------------------------------------------------------------

    def place(self, name: str, where: str, evidence: Evidence) -> Stop:
        """Resolve a place name once per file; later uses copy the first answer."""
        found = self._places.get(name)
        if found is None:
            found = self._resolve(name)
            self._places[name] = found
        if isinstance(found, FlightlegsError):
            if self.strict:
                raise self.error(where, str(found))
            return Stop(name=name, kind=StopKind.UNKNOWN, reason=str(found), evidence=evidence)
        return replace(found, evidence=evidence)

    def _resolve(self, name: str) -> Stop | FlightlegsError:
        resolver = self.resolver
        if resolver is None:
            from flightlegs.geocode.resolvers import make_resolver

            resolver = self.resolver = make_resolver(None)
        try:
            return resolver.resolve(name)
        except (UnknownPlaceError, AmbiguousPlaceError) as err:
            return err

    def chain(self, text: str, where: str) -> list[Route]:
        found = self._chains.get(text)
        if found is None:
            try:
                found = parse_chain(text, source=self.source)
            except RouteSyntaxError as err:
                found = err
            self._chains[text] = found
        if isinstance(found, RouteSyntaxError):
            hint = ""
            if any(c.islower() for c in text):
                hint = "; place names are joined with ' > ', e.g. 'Arizona > Texas > Alaska'"
            raise self.error(where, f"{found}{hint}")
        return found

    def text_stop(self, text: str, where: str) -> Stop:
        """A stop written as one string: a code, coordinates or a place name."""
        evidence = Evidence(text, 0, len(text), f"{self.source} ({where})")
        if not text:
            raise self.error(where, "expected a code or a place name, got an empty string")
        if _CODE.fullmatch(text) or _looks_like_coordinates(text):
            routes = self.chain(text, where)
            if len(routes) == 1 and len(routes[0].stops) == 1:
                return replace(routes[0].stops[0], evidence=evidence)
        return self.place(text, where, evidence)

    def mapping_stop(self, entry: Mapping[Any, Any], where: str) -> Stop:
        self.check_fields(entry, STOP_FIELDS, where)
        given = [key for key in ("place", "code") if entry.get(key) not in (None, "")]
        has_point = "lat" in entry or "lon" in entry
        if len(given) + has_point != 1:
            raise self.error(where, "expected exactly one of 'place', 'code' or 'lat' with 'lon'")
        label = self.text(entry["name"], f"{where}.name") if entry.get("name") else None
        if has_point:
            stop = self.point_stop(entry, where, label)
        elif given == ["code"]:
            code = self.text(entry["code"], f"{where}.code")
            routes = self.chain(code, f"{where}.code")
            if len(routes) != 1 or len(routes[0].stops) != 1:
                raise self.error(f"{where}.code", f"expected one airport code, got {code!r}")
            stop = routes[0].stops[0]
        else:
            name = self.text(entry["place"], f"{where}.place")
            if not name:
                raise self.error(f"{where}.place", "expected a place name, got an empty string")
            stop = self.place(name, f"{where}.place", Evidence(name, 0, len(name), self.source))
        is_return = entry.get("return", False)
        if not isinstance(is_return, bool):
            raise self.error(f"{where}.return", f"expected true or false, got {_shown(is_return)}")
        return replace(
            stop,
            name=label or stop.name,
            arrival=self.moment(entry.get("arrival"), f"{where}.arrival"),
            departure=self.moment(entry.get("departure"), f"{where}.departure"),
            is_return=is_return,
            evidence=replace(stop.evidence, source=f"{self.source} ({where})")
            if stop.evidence
            else None,
        )

    def point_stop(self, entry: Mapping[Any, Any], where: str, label: str | None) -> Stop:
        values = []
        for key in ("lat", "lon"):
            value = entry.get(key)
            if isinstance(value, str):
                with contextlib.suppress(ValueError):
                    value = float(value)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise self.error(
                    f"{where}.{key}", "expected a number in degrees, got " + _shown(value)
                )
            values.append(float(value))
        try:
            point = LatLon(values[0], values[1])
        except FlightlegsError as err:
            raise self.error(where, str(err)) from None
        return Stop(name=label or str(point), kind=StopKind.COORDINATES, point=point)

    def stops_from_text(self, text: str, where: str) -> tuple[Stop, ...]:
        """The ``route`` field: a code chain, or stops joined by ``>``."""
        text = text.strip()
        if not text:
            raise self.error(where, "expected a code chain such as AZA-ELP-ANC, got nothing")
        if _PLACE_SEPARATOR in text:
            parts = [p.strip() for p in text.split(_PLACE_SEPARATOR)]
            if len(parts) > MAX_STOPS_PER_ROUTE:
                raise self.error(where, f"more than {MAX_STOPS_PER_ROUTE:,} stops")
            return tuple(self.text_stop(p, f"{where} stop {i}") for i, p in enumerate(parts, 1))
        routes = self.chain(text, where)
        if len(routes) != 1:
            raise self.error(
                where,
                f"{text!r} is {len(routes)} routes (spaces, commas and '/' separate routes); "
                "join the stops of one route with '-', or give each route its own entry",
            )
        return routes[0].stops

    # -- routes -------------------------------------------------------------

    def check_fields(self, entry: Mapping[Any, Any], known: Sequence[str], where: str) -> None:
        for key in entry:
            if not isinstance(key, str) or key not in known:
                name = str(key)
                raise self.error(
                    where,
                    f"unknown field {name!r}{_suggest(name, known)} (expected {', '.join(known)})",
                )

    def route(self, entry: object, where: str, default_name: str, sep: str = ".") -> Route:
        if not isinstance(entry, Mapping):
            raise self.error(where, f"expected a route (a mapping of fields), got {_shown(entry)}")
        self.check_fields(entry, ROUTE_FIELDS, where)
        prefix = f"{where}{sep}" if where else ""
        has_route = entry.get("route") not in (None, "")
        has_stops = "stops" in entry
        if has_route == has_stops:
            raise self.error(
                where,
                "expected either 'route' (a code chain) or 'stops' (a list)"
                + (", not both" if has_route else ""),
            )
        if has_route:
            route_text = self.text(entry["route"], f"{prefix}route")
            stops = self.stops_from_text(route_text, f"{prefix}route")
        else:
            items = entry["stops"]
            if not isinstance(items, list):
                raise self.error(f"{prefix}stops", f"expected a list of stops, got {_shown(items)}")
            if len(items) > MAX_STOPS_PER_ROUTE:
                raise self.error(f"{prefix}stops", f"more than {MAX_STOPS_PER_ROUTE:,} stops")
            built = []
            for i, item in enumerate(items):
                at = f"{prefix}stops[{i}]"
                if isinstance(item, Mapping):
                    built.append(self.mapping_stop(item, at))
                elif isinstance(item, str):
                    built.append(self.text_stop(item.strip(), at))
                else:
                    raise self.error(
                        at, f"expected a code, a place name or a mapping, got {_shown(item)}"
                    )
            stops = tuple(built)
        if len(stops) < 2:
            raise self.error(where, f"a route needs at least two stops, got {len(stops)}")
        name = self.optional_text(entry, "name", prefix) or ""
        aircraft = self.optional_text(entry, "aircraft", prefix)
        source = self.optional_text(entry, "source", prefix)
        notes = self.optional_text(entry, "notes", prefix) or ""
        stops = self.stamped(stops, where, prefix, has_route)
        unresolved = [s.name for s in stops if not s.is_resolved]
        warnings = tuple(
            f"{self.source}: {where or 'route'}: could not place {n!r}" for n in unresolved
        )
        return Route(
            stops=stops,
            name=name or default_name or " > ".join(s.name for s in stops),
            aircraft=aircraft,
            date=self.date(entry.get("date"), f"{prefix}date"),
            people=self.count(entry.get("people"), f"{prefix}people"),
            seats=self.count(entry.get("seats"), f"{prefix}seats"),
            source=source or self.source,
            notes=notes,
            warnings=warnings,
        )

    def stamped(
        self, stops: tuple[Stop, ...], where: str, prefix: str, has_route: bool
    ) -> tuple[Stop, ...]:
        """The stops with evidence naming this route's line, so findings point at it.

        A chain used on many rows is parsed once, and its stops' evidence
        would otherwise name the file only, or the first row that used it. In
        a CSV file the first row to use a chain keeps it as it is (the line is
        found from the chain itself), so a file of distinct routes costs nothing.
        """
        if not self.lines and not where.startswith("row"):
            return stops
        if where.startswith("row"):
            fresh = [id(stop) for stop in stops if stop.evidence is not None]
            if len(fresh) == len(stops) and self._used.isdisjoint(fresh):
                self._used.update(fresh)
                return stops
        out = []
        for i, stop in enumerate(stops):
            part = f"{prefix}route" if has_route else f"{prefix}stops[{i}]"
            line = self.line_of(part)
            if line is None:
                out.append(stop)
                continue
            label = where or "route"
            tag = (
                f"{self.source} ({label}, line {line})"
                if not where.startswith("row")
                else (f"{self.source} ({where})")
            )
            evidence = stop.evidence or Evidence(stop.name, 0, len(stop.name), tag)
            out.append(replace(stop, evidence=replace(evidence, source=tag)))
        return tuple(out)

    def document(self, data: object) -> list[Route]:
        if isinstance(data, Mapping) and "routes" in data:
            if set(data) != {"routes"}:
                extra = sorted(str(k) for k in data if k != "routes")
                raise self.error(
                    "",
                    "a file with 'routes' holds nothing else; "
                    f"move {', '.join(extra)} into a route",
                )
            data = data["routes"]
            prefix = "routes"
        else:
            prefix = ""
        if isinstance(data, Mapping):
            return [self.route(data, "", "")]
        if not isinstance(data, list):
            raise self.error(prefix, f"expected a route or a list of routes, got {_shown(data)}")
        if not data:
            raise self.error(prefix, "holds no routes")
        if len(data) > MAX_ROUTES_PER_FILE:
            raise self.error(prefix, f"more than {MAX_ROUTES_PER_FILE:,} routes")
        name = prefix or "routes"
        routes = []
        for i, item in enumerate(data):
            try:
                routes.append(self.route(item, f"{name}[{i}]", ""))
            except RouteFileError as err:
                self.keep_going(err)
            if self.progress is not None and i % 1000 == 999:
                self.progress(i + 1)
        return routes


def _shown(value: object) -> str:
    """A value as a message shows it: its type for containers, its text for scalars."""
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _looks_like_coordinates(text: str) -> bool:
    return bool(re.search(r"\d", text)) and not re.search(r"[A-Za-z]{2,}", text)


def routes_from_data(
    data: object,
    source: str = "<data>",
    *,
    resolver: Resolver | None = None,
    strict: bool = False,
    lines: Mapping[str, int] | None = None,
    problems: list[RouteFileError] | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Route]:
    """Routes from already-decoded content (what YAML, TOML or JSON decode to).

    Parameters
    ----------
    data
        One route (a mapping), a list of routes, or ``{"routes": [...]}``.
    source
        Name used in messages and as each route's default ``source``.
    resolver
        Place resolver for place names; the offline one by default.
    strict
        Refuse place names that cannot be resolved instead of keeping them as
        unplaced stops with a warning.
    lines
        The line each part of the file starts on (``"routes[2]"``: 14), for
        messages and for the evidence findings point at.
    problems
        When given, a bad route is appended here and the others are still
        read; otherwise the first one raises.
    progress
        Told the number of routes read so far, every thousand routes.

    Raises
    ------
    RouteFileError
        Naming ``source``, the field and what was expected.
    """
    return _Reader(source, resolver, strict, lines or {}, problems, progress).document(data)


def routes_from_csv(
    text: str,
    source: str = "<csv>",
    *,
    resolver: Resolver | None = None,
    strict: bool = False,
    problems: list[RouteFileError] | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Route]:
    r"""Routes from CSV text: a header row, then one route per row.

    Rows are numbered as a spreadsheet shows them (the header is row 1).
    With ``problems``, a bad row is appended there and the others are still
    read; without, the first bad row raises. ``progress`` is told the number
    of routes read so far every thousand routes.

    Examples
    --------
    >>> text = "name,date,aircraft,route\nfirst,2024-03-30,GLF5,AZA-ELP\n"
    >>> [(r.name, r.stops[-1].code) for r in routes_from_csv(text)]
    [('first', 'ELP')]
    """
    reader = _Reader(source, resolver, strict, problems=problems, progress=progress)
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(rows, None)
    except csv.Error as err:
        raise reader.error("row 1", f"not valid CSV ({err})") from None
    if header is None or not any(cell.strip() for cell in header):
        raise reader.error("", "is empty; expected a header row such as name,date,aircraft,route")
    columns = [cell.strip().lower() for cell in header]
    for name in columns:
        if name not in CSV_COLUMNS:
            raise reader.error(
                "row 1",
                f"unknown column {name!r}{_suggest(name, CSV_COLUMNS)} "
                f"(expected {', '.join(CSV_COLUMNS)})",
            )
    if "route" not in columns:
        raise reader.error("row 1", f"no 'route' column; expected columns {', '.join(CSV_COLUMNS)}")
    if len(set(columns)) != len(columns):
        raise reader.error("row 1", "a column name appears twice")
    routes: list[Route] = []
    try:
        for row in rows:
            line = rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(columns):
                reader.keep_going(
                    reader.error(
                        f"row {line}",
                        f"{len(row)} cells but the header names {len(columns)} columns",
                    )
                )
                continue
            if len(routes) >= MAX_ROUTES_PER_FILE:
                raise reader.error(f"row {line}", f"more than {MAX_ROUTES_PER_FILE:,} routes")
            entry = {name: cell for name, cell in zip(columns, row, strict=False) if cell.strip()}
            try:
                if "route" not in entry:
                    raise reader.error(f"row {line}, column route", "is empty; expected a route")
                routes.append(reader.route(entry, f"row {line}", f"row {line}", sep=", column "))
            except RouteFileError as err:
                reader.keep_going(err)
            if progress is not None and len(routes) % 1000 == 0:
                progress(len(routes))
    except csv.Error as err:
        raise reader.error(f"row {rows.line_num}", f"not valid CSV ({err})") from None
    if not routes and not reader.problems:
        raise reader.error("", "holds a header but no routes")
    return routes


def _yaml_load(text: str) -> tuple[object, dict[str, int]]:
    """YAML content and the line each part starts on, from one parse."""
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    top = node
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "routes":
                top = value
                break
    if isinstance(top, yaml.SequenceNode):
        for i, item in enumerate(top.value):
            _yaml_lines(item, f"routes[{i}]", lines)
    else:
        _yaml_lines(top, "", lines)
    return data, lines


def _yaml_lines(node: Any, where: str, lines: dict[str, int]) -> None:
    """Record the line of ``node`` and of its parts, named as the reader names them."""
    import yaml

    lines[where] = node.start_mark.line + 1
    prefix = f"{where}." if where else ""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                _yaml_lines(value, f"{prefix}{key.value}", lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _yaml_lines(item, f"{where}[{i}]", lines)


_TOML_TABLE = re.compile(r"^\s*\[\[\s*routes\s*\]\]")
_TOML_KEY = re.compile(r"^\s*(\w+)\s*=")


def _toml_lines(text: str) -> dict[str, int]:
    """The line of each ``[[routes]]`` table and of each top-level key in it.

    :mod:`tomllib` keeps no positions; a route file's tables and keys are
    plain enough to find by their lines. Inline tables are left unnamed.
    """
    lines: dict[str, int] = {}
    where, count = "", -1
    lines[""] = 1
    for number, line in enumerate(text.split("\n"), start=1):
        if _TOML_TABLE.match(line):
            count += 1
            where = f"routes[{count}]"
            lines[where] = number
            continue
        if line.lstrip().startswith("["):
            continue  # another table: a stops table or a nested one
        key = _TOML_KEY.match(line)
        if key:
            name = f"{where}.{key.group(1)}" if where else key.group(1)
            lines.setdefault(name, number)
    return lines


def _decode(path: Path, text: str) -> tuple[object, dict[str, int]]:
    """The file's content and the line each part starts on (empty where unknown)."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".yaml", ".yml"):
            return _yaml_load(text)
        if suffix == ".toml":
            return tomllib.loads(text), _toml_lines(text)
        if suffix == ".json":
            return json.loads(text), {}
    except json.JSONDecodeError as err:
        raise RouteFileError(
            f"{path}: line {err.lineno}, column {err.colno}: not valid JSON ({err.msg})",
            source=str(path),
            line=err.lineno,
        ) from None
    except tomllib.TOMLDecodeError as err:
        at = re.search(r"at line (\d+)", str(err))
        raise RouteFileError(
            f"{path}: not valid TOML ({err})",
            source=str(path),
            line=int(at.group(1)) if at else None,
        ) from None
    except Exception as err:  # yaml.YAMLError and its subclasses
        import yaml

        if not isinstance(err, yaml.YAMLError):
            raise
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise RouteFileError(
            f"{path}: {where}not valid YAML ({problem})",
            source=str(path),
            line=mark.line + 1 if mark else None,
        ) from None
    except RecursionError:
        raise RouteFileError(f"{path}: nested too deeply to be a route file") from None
    raise RouteFileError(
        f"{path}: unknown route file type {suffix!r}; expected .yaml, .toml, .json or .csv"
    )


def read_route_file(
    path: str | Path,
    *,
    resolver: Resolver | None = None,
    strict: bool = False,
    problems: list[RouteFileError] | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Route]:
    r"""Read every route in a YAML, TOML, JSON or CSV route file.

    Parameters
    ----------
    path
        The file; its suffix (``.yaml``/``.yml``, ``.toml``, ``.json``,
        ``.csv``) says its format.
    resolver
        Place resolver for place names; the offline one by default.
    strict
        Refuse place names that cannot be resolved (the message lists the
        closest known names) instead of keeping them as unplaced stops.
    problems
        When given, a bad route or row is appended here, with its line, and
        the others are still read; otherwise the first one raises. A file
        that cannot be decoded at all raises either way.
    progress
        Told the number of routes read so far, every thousand routes.

    Returns
    -------
    list of Route
        In file order.

    Raises
    ------
    RouteFileError
        The file breaks the schema; the message says where and what was expected.
    InputError
        The file cannot be read (missing, too large, not UTF-8).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = Path(tmp) / "r.toml"
    ...     _ = p.write_text('name = "hop"\nroute = "ANC-SHE"\n', encoding="utf-8")
    ...     [s.code for s in read_route_file(p)[0].stops]
    ['ANC', 'SHE']
    """
    from flightlegs.read.inputs import MAX_INPUT_BYTES, MAX_TABLE_BYTES, read_text

    path = Path(path)
    text = read_text(path, MAX_TABLE_BYTES if path.suffix.lower() == ".csv" else MAX_INPUT_BYTES)
    if path.suffix.lower() == ".csv":
        return routes_from_csv(
            text, str(path), resolver=resolver, strict=strict, problems=problems, progress=progress
        )
    data, lines = _decode(path, text)
    if data is None:
        raise RouteFileError(f"{path}: is empty; expected a route or a list of routes")
    return routes_from_data(
        data,
        str(path),
        resolver=resolver,
        strict=strict,
        lines=lines,
        problems=problems,
        progress=progress,
    )
