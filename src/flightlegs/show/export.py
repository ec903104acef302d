"""Routes as geometry for other tools: GeoJSON, KML and CSV.

Every format carries the same densified geodesic lines as the map
(:func:`leg_path`), so a leg looks the same in QGIS, Google Earth and the
browser. GeoJSON follows RFC 7946: longitude before latitude, and a line that
crosses the antimeridian is cut there into the parts of a ``MultiLineString``
(section 3.1.9). KML leaves the antimeridian to the viewer, so its longitudes
are simply wrapped into [-180, 180]. CSV holds one row per stop and per leg,
with the geometry as WKT.

Verdicts come from :mod:`flightlegs.checks.rules` reports when given; otherwise
every leg is ``unchecked``.

Examples
--------
>>> from flightlegs.read.inputs import read_routes
>>> doc = routes_geojson(read_routes("ANC-SHE"))
>>> leg = [f for f in doc["features"] if f["geometry"]["type"] != "Point"][0]
>>> leg["geometry"]["type"], leg["properties"]["from_code"], leg["properties"]["to_code"]
('MultiLineString', 'ANC', 'SHE')
>>> [part[-1][0] for part in leg["geometry"]["coordinates"]]  # ends at -180, then at SHE
[-180.0, 123.483002]
"""

from __future__ import annotations

import csv
import io
import json
import math
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal

import numpy as np
import numpy.typing as npt

from flightlegs.checks.results import _renamed_checks, leg_verdicts
from flightlegs.core.display import leg_distance
from flightlegs.core.legs import Leg, measure_many
from flightlegs.core.route import Route, Stop
from flightlegs.errors import InputError
from flightlegs.show.geometry import SPACING_M, antimeridian_parts, leg_path

if TYPE_CHECKING:
    from flightlegs.checks.results import Checks

__all__ = [
    "FORMATS",
    "Detail",
    "FloatArray",
    "Format",
    "export_routes",
    "iter_export",
    "routes_csv",
    "routes_geojson",
    "routes_kml",
]

FloatArray = npt.NDArray[np.float64]
Format = Literal["geojson", "kml", "csv"]
FORMATS: Final[tuple[str, ...]] = ("geojson", "kml", "csv")

#: Decimal places of exported coordinates by default: 1e-6 degrees is about 0.1 m.
_DIGITS: Final = 6
#: Routes measured at a time while streaming, so memory does not grow with the batch.
_CHUNK: Final = 1_000


@dataclass(frozen=True, slots=True)
class Detail:
    """How finely geometry is written: coordinate decimals and the spacing of leg points.

    Fifty thousand routes at the defaults make about 600 MB of GeoJSON;
    ``Detail(digits=4, spacing_km=200)`` (11 m, a point every 200 km, still a
    smooth great circle at world scale) makes a fraction of it.

    Examples
    --------
    >>> Detail(digits=4, spacing_km=200).spacing_m
    200000.0
    >>> Detail(digits=12)
    Traceback (most recent call last):
    ...
    flightlegs.errors.InputError: precision 12: expected 0 to 9 decimal places
    """

    digits: int = _DIGITS
    spacing_km: float = SPACING_M / 1000.0

    def __post_init__(self) -> None:
        if not 0 <= self.digits <= 9:
            raise InputError(f"precision {self.digits}: expected 0 to 9 decimal places")
        if not (math.isfinite(self.spacing_km) and 1.0 <= self.spacing_km <= 5000.0):
            raise InputError(f"spacing {self.spacing_km} km: expected 1 to 5,000 km")

    @property
    def spacing_m(self) -> float:
        """The greatest distance between written points of a leg, in metres."""
        return self.spacing_km * 1000.0


def _round(values: Iterable[float], digits: int = _DIGITS) -> list[float]:
    return [round(float(v), digits) for v in values]


def _leg_geometry(path: FloatArray, digits: int = _DIGITS) -> dict[str, Any]:
    parts = antimeridian_parts(path)
    coords = [[_round(xy, digits) for xy in part.coords] for part in parts]
    if len(coords) == 1:
        return {"type": "LineString", "coordinates": coords[0]}
    return {"type": "MultiLineString", "coordinates": coords}


def _stop_props(route: Route, number: int, stop: Stop) -> dict[str, Any]:
    best = stop.airport
    return {
        "route": route.name,
        "stop": number,
        "name": stop.name,
        "code": stop.code if stop.candidates else None,
        "icao": (best.icao or best.ident) if best else None,
        "airport": best.name if best else None,
        "kind": str(stop.kind),
        "candidates": len(stop.candidates),
        "reason": stop.reason or None,
        "evidence": stop.evidence.sentence if stop.evidence else None,
    }


def _leg_props(route: Route, leg: Leg, verdict: str) -> dict[str, Any]:
    def dist(value: float) -> float | None:
        return None if math.isnan(value) else round(value, 3)

    km_min, km, km_max = leg.distance("km")
    return {
        "route": route.name,
        "leg": leg.number,
        "from": leg.origin.name,
        "to": leg.destination.name,
        "from_code": leg.origin.code,
        "to_code": leg.destination.code,
        "distance_km": dist(km),
        "distance_nm": dist(leg.nm),
        "distance_km_min": dist(km_min),
        "distance_km_max": dist(km_max),
        "verdict": verdict,
    }


def routes_geojson(
    routes: Sequence[Route], checks: Checks | None = None, *, detail: Detail = Detail()
) -> dict[str, Any]:
    """The routes as an RFC 7946 GeoJSON FeatureCollection.

    Stops are ``Point`` features (``route, stop, name, code, icao, airport,
    kind, candidates, reason, evidence``); legs are ``LineString`` features,
    or ``MultiLineString`` when they cross the antimeridian (``route, leg,
    from, to, from_code, to_code, distance_km, distance_nm, distance_km_min,
    distance_km_max, verdict``). Stops and legs without a position are left out.

    Examples
    --------
    >>> from flightlegs.read.inputs import read_routes
    >>> doc = routes_geojson(read_routes("AZA-ELP"))
    >>> [f["geometry"]["type"] for f in doc["features"]]
    ['Point', 'Point', 'LineString']
    >>> doc["features"][0]["geometry"]["coordinates"]  # longitude first
    [-111.654999, 33.3078]
    """
    return {"type": "FeatureCollection", "features": list(_features(routes, checks, detail))}


def _measured(
    routes: Sequence[Route], checks: Checks | None
) -> Iterator[tuple[Route, list[Leg], list[str]]]:
    """Each route with its legs and their verdicts, measured a chunk at a time."""
    verdicts = leg_verdicts(routes, checks)
    for first in range(0, len(routes), _CHUNK):
        chunk = routes[first : first + _CHUNK]
        measured = measure_many(chunk)
        yield from zip(chunk, measured, verdicts[first : first + _CHUNK], strict=True)


def _features(
    routes: Sequence[Route], checks: Checks | None, detail: Detail
) -> Iterator[dict[str, Any]]:
    for route, legs, route_verdicts in _measured(routes, checks):
        for number, stop in enumerate(route.stops, start=1):
            pos = stop.position
            if pos is None:
                continue
            yield {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": _round((pos.lon, pos.lat), detail.digits),
                },
                "properties": _stop_props(route, number, stop),
            }
        for leg, verdict in zip(legs, route_verdicts, strict=True):
            path = leg_path(leg, detail.spacing_m)
            if path is None:
                continue
            yield {
                "type": "Feature",
                "geometry": _leg_geometry(path, detail.digits),
                "properties": _leg_props(route, leg, verdict),
            }


# KML colours are aabbggrr.
_KML_COLOURS: Final = {
    "ok": "ff50981a",
    "warning": "ff1482e0",
    "implausible": "ff2730d7",
    "unchecked": "ffb87f2c",
}
_KML_NS: Final = "http://www.opengis.net/kml/2.2"


def _stop_description(number: int, stop: Stop) -> str:
    best = stop.airport
    lines = [f"Stop {number}: {stop.name} ({stop.kind})"]
    if best is not None:
        lines.append(f"Airport: {best.label}")
    if stop.is_vague:
        others = ", ".join(a.code for a in stop.candidates[1:])
        lines.append(f"Other candidates: {others}")
    if stop.reason:
        lines.append(f"Why: {stop.reason}")
    if stop.evidence is not None:
        lines.append(f"Evidence: {stop.evidence.sentence}")
    return "\n".join(lines)


def routes_kml(
    routes: Sequence[Route], checks: Checks | None = None, *, detail: Detail = Detail()
) -> str:
    """The routes as a KML 2.2 document for Google Earth.

    One folder per route, with a placemark per stop and a tessellated
    ``LineString`` per leg, styled by verdict. Text is escaped by
    :mod:`xml.etree.ElementTree`, so any name is safe.

    Examples
    --------
    >>> import xml.etree.ElementTree as ET
    >>> from flightlegs.read.inputs import read_routes
    >>> root = ET.fromstring(routes_kml(read_routes("ANC-SHE")))
    >>> ns = {"k": "http://www.opengis.net/kml/2.2"}
    >>> [p.findtext("k:name", namespaces=ns) for p in root.iter(f"{{{ns['k']}}}Placemark")]
    ['1. ANC', '2. SHE', 'Leg 1: ANC to SHE']
    """
    ET.register_namespace("", _KML_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
        element = ET.SubElement(parent, f"{{{_KML_NS}}}{tag}")
        if text is not None:
            element.text = text
        return element

    kml = ET.Element(f"{{{_KML_NS}}}kml")
    document = sub(kml, "Document")
    sub(document, "name", routes[0].name if len(routes) == 1 else f"{len(routes)} routes")
    for verdict, colour in _KML_COLOURS.items():
        style = sub(document, "Style")
        style.set("id", f"leg-{verdict}")
        line_style = sub(style, "LineStyle")
        sub(line_style, "color", colour)
        sub(line_style, "width", "3")
    d = detail.digits
    for route, legs, route_verdicts in _measured(routes, checks):
        folder = sub(document, "Folder")
        sub(folder, "name", route.name)
        for number, stop in enumerate(route.stops, start=1):
            pos = stop.position
            if pos is None:
                continue
            mark = sub(folder, "Placemark")
            sub(mark, "name", f"{number}. {stop.label}")
            sub(mark, "description", _stop_description(number, stop))
            sub(sub(mark, "Point"), "coordinates", f"{pos.lon:.{d}f},{pos.lat:.{d}f},0")
        for leg, verdict in zip(legs, route_verdicts, strict=True):
            path = leg_path(leg, detail.spacing_m)
            if path is None:
                continue
            mark = sub(folder, "Placemark")
            sub(mark, "name", f"Leg {leg.number}: {leg.origin.label} to {leg.destination.label}")
            sub(mark, "description", f"{leg_distance(leg)}; verdict: {verdict}")
            sub(mark, "styleUrl", f"#leg-{verdict}")
            line = sub(mark, "LineString")
            sub(line, "tessellate", "1")
            lons = (path[:, 1] + 180.0) % 360.0 - 180.0
            # keep the exact ends, which the modulo could move from 180 to -180
            lons[0], lons[-1] = leg.origin.position.lon, leg.destination.position.lon  # type: ignore[union-attr]
            sub(
                line,
                "coordinates",
                " ".join(
                    f"{lon:.{d}f},{lat:.{d}f},0" for lat, lon in zip(path[:, 0], lons, strict=True)
                ),
            )
    ET.indent(kml)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(kml, encoding="unicode") + "\n"


_CSV_COLUMNS: Final = (
    "record", "route", "number", "name", "code", "kind", "lat", "lon",
    "from", "to", "from_code", "to_code", "distance_km", "distance_nm",
    "distance_km_min", "distance_km_max", "verdict", "wkt",
)  # fmt: skip


def _cell(text: str | None) -> str:
    """Text for a spreadsheet cell, defused: a leading = + - @ would start a formula."""
    if not text:
        return ""
    return "'" + text if text[0] in "=+-@\t\r" else text


def routes_csv(
    routes: Sequence[Route], checks: Checks | None = None, *, detail: Detail = Detail()
) -> str:
    """The routes as one CSV table: a ``stop`` row per stop, a ``leg`` row per leg.

    Columns: ``record, route, number, name, code, kind, lat, lon, from, to,
    from_code, to_code, distance_km, distance_nm, distance_km_min,
    distance_km_max, verdict, wkt``. ``wkt`` holds the geometry in longitude,
    latitude order (a ``MULTILINESTRING`` for a leg that crosses the
    antimeridian), which QGIS reads directly. Text that a spreadsheet would
    run as a formula is prefixed with ``'``.

    Examples
    --------
    >>> from flightlegs.read.inputs import read_routes
    >>> rows = routes_csv(read_routes("AZA-ELP")).splitlines()
    >>> rows[0][:40]
    'record,route,number,name,code,kind,lat,l'
    >>> [r.split(",")[0] for r in rows[1:]]
    ['stop', 'stop', 'leg']
    """
    return "".join(_csv_chunks(routes, checks, detail))


def _csv_chunks(routes: Sequence[Route], checks: Checks | None, detail: Detail) -> Iterator[str]:
    """The CSV table, a route's rows at a time."""
    import shapely

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    d = detail.digits

    def num(value: float, digits: int = 3) -> str:
        return "" if math.isnan(value) else f"{value:.{digits}f}"

    for route, legs, route_verdicts in _measured(routes, checks):
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
        for number, stop in enumerate(route.stops, start=1):
            pos = stop.position
            row = dict.fromkeys(_CSV_COLUMNS, "")
            row.update(
                record="stop",
                route=_cell(route.name),
                number=str(number),
                name=_cell(stop.name),
                code=_cell(stop.code if stop.candidates else ""),
                kind=str(stop.kind),
            )
            if pos is not None:
                row.update(
                    lat=f"{pos.lat:.{d}f}",
                    lon=f"{pos.lon:.{d}f}",
                    wkt=f"POINT ({pos.lon:.{d}f} {pos.lat:.{d}f})",
                )
            writer.writerow(row.values())
        for leg, verdict in zip(legs, route_verdicts, strict=True):
            path = leg_path(leg, detail.spacing_m)
            km_min, km, km_max = leg.distance("km")
            row = dict.fromkeys(_CSV_COLUMNS, "")
            row.update(
                record="leg",
                route=_cell(route.name),
                number=str(leg.number),
                **{
                    "from": _cell(leg.origin.name),
                    "to": _cell(leg.destination.name),
                    "from_code": _cell(leg.origin.code),
                    "to_code": _cell(leg.destination.code),
                },
                distance_km=num(km),
                distance_nm=num(leg.nm),
                distance_km_min=num(km_min),
                distance_km_max=num(km_max),
                verdict=verdict,
            )
            if path is not None:
                parts = antimeridian_parts(path)
                geometry = parts[0] if len(parts) == 1 else shapely.MultiLineString(parts)
                row["wkt"] = shapely.to_wkt(geometry, rounding_precision=d, trim=True)
            writer.writerow(row.values())
    yield buf.getvalue()


def export_routes(
    routes: Sequence[Route],
    fmt: Format | str,
    checks: Checks | None = None,
    *,
    detail: Detail = Detail(),
    reports: Checks | None = None,
) -> str:
    """The routes as text in ``fmt``: ``geojson``, ``kml`` or ``csv``.

    :func:`iter_export` gives the same text in pieces, for writing a large
    batch without holding it in memory.

    GeoJSON is written one feature a line: compact, and a diff shows which
    feature changed.

    Examples
    --------
    >>> from flightlegs.read.inputs import read_routes
    >>> lines = export_routes(read_routes("AZA-ELP"), "geojson").splitlines()
    >>> len(lines), json.loads(lines[3].rstrip(","))["properties"]["distance_km"]
    (5, 522.714)
    >>> export_routes(read_routes("AZA-ELP"), "shp")
    Traceback (most recent call last):
    ...
    flightlegs.errors.InputError: unknown export format 'shp'; expected one of geojson, kml, csv

    Raises
    ------
    InputError
        For an unknown format.
    """
    checks = _renamed_checks(checks, reports, "export_routes")
    return "".join(iter_export(routes, fmt, checks, detail=detail))


def iter_export(
    routes: Sequence[Route],
    fmt: Format | str,
    checks: Checks | None = None,
    *,
    detail: Detail = Detail(),
) -> Iterator[str]:
    """The text of :func:`export_routes`, in pieces, so a batch is written as it is made.

    GeoJSON comes a feature at a time and CSV a route at a time; KML, a tree,
    comes whole.

    Examples
    --------
    >>> from flightlegs.read.inputs import read_routes
    >>> pieces = list(iter_export(read_routes("AZA-ELP"), "geojson", detail=Detail(digits=2)))
    >>> len(pieces), json.loads(pieces[1])["geometry"]["coordinates"]
    (5, [-111.65, 33.31])
    """
    if fmt == "geojson":
        yield '{"type": "FeatureCollection", "features": [\n'
        for i, feature in enumerate(_features(routes, checks, detail)):
            yield (",\n" if i else "") + json.dumps(feature, ensure_ascii=False)
        yield "\n]}\n"
    elif fmt == "kml":
        yield routes_kml(routes, checks, detail=detail)
    elif fmt == "csv":
        yield from _csv_chunks(routes, checks, detail)
    else:
        raise InputError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
