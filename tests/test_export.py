"""GeoJSON (RFC 7946), KML and CSV exports, and the export command."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import folium
import numpy as np
import pytest
import shapely
from branca.element import Element

from flightlegs.checks.rules import check_routes
from flightlegs.cli.main import main
from flightlegs.core.route import Evidence, Route, Stop, StopKind
from flightlegs.errors import InputError
from flightlegs.read.inputs import read_routes
from flightlegs.reference.airports import airport_table
from flightlegs.show.export import export_routes, routes_csv, routes_geojson, routes_kml
from flightlegs.show.geometry import antimeridian_parts, leg_path
from flightlegs.show.maps import route_map

CHAIN = "AZA-ELP-ANC-SHE-ICN"
KML = {"k": "http://www.opengis.net/kml/2.2"}
HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> ]]>'


def legs_of(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in doc["features"] if f["geometry"]["type"] != "Point"]


def hostile_route() -> Route:
    by_code = airport_table().by_code
    return Route(
        (
            Stop.at_airport(by_code("ANC"), name=HOSTILE, evidence=Evidence(HOSTILE, 0, 8)),
            Stop('=HYPERLINK("http://x")', StopKind.CITY, candidates=(by_code("SHE"),)),
        ),
        name="@SUM(1+1)",
    )


# ------------------------------------------------------------------ GeoJSON


def test_geojson_is_rfc7946_lon_lat() -> None:
    doc = json.loads(export_routes(read_routes(CHAIN), "geojson"))
    assert doc["type"] == "FeatureCollection"
    points = [f for f in doc["features"] if f["geometry"]["type"] == "Point"]
    by_code = airport_table().by_code
    for feature in points:
        lon, lat = feature["geometry"]["coordinates"]
        airport = by_code(feature["properties"]["code"])
        assert (lon, lat) == pytest.approx((airport.position.lon, airport.position.lat), abs=1e-6)
    for feature in doc["features"]:
        geometry = shapely.geometry.shape(feature["geometry"])
        assert geometry.is_valid
        minx, miny, maxx, maxy = geometry.bounds
        assert -180.0 <= minx <= maxx <= 180.0
        assert -90.0 <= miny <= maxy <= 90.0


def test_anc_she_is_cut_at_the_antimeridian() -> None:
    (leg,) = legs_of(routes_geojson(read_routes("ANC-SHE")))
    assert leg["geometry"]["type"] == "MultiLineString"
    east, west = leg["geometry"]["coordinates"]  # in the direction of flight
    assert east[0] == pytest.approx([-149.996002, 61.1744])  # Anchorage
    assert west[-1] == pytest.approx([123.483002, 41.639801])  # Shenyang
    assert east[-1][0] == -180.0
    assert west[0][0] == 180.0
    assert east[-1][1] == west[0][1]  # the same crossing point on both sides
    for part in (east, west):
        assert np.abs(np.diff(np.asarray(part)[:, 0])).max() < 180.0
    props = leg["properties"]
    assert (props["from_code"], props["to_code"], props["leg"]) == ("ANC", "SHE", 1)
    assert props["distance_km"] == pytest.approx(5892.2, abs=0.1)
    assert props["distance_nm"] == pytest.approx(3181.5, abs=0.1)
    assert props["verdict"] == "unchecked"


def test_legs_that_stay_on_one_side_are_linestrings() -> None:
    legs = legs_of(routes_geojson(read_routes(CHAIN)))
    assert [f["geometry"]["type"] for f in legs] == [
        "LineString", "LineString", "MultiLineString", "LineString",
    ]  # fmt: skip


def test_eastward_crossing_and_antimeridian_parts() -> None:
    (leg,) = legs_of(routes_geojson(read_routes("SHE-ANC")))
    west, east = leg["geometry"]["coordinates"]
    assert west[-1][0] == 180.0
    assert east[0][0] == -180.0
    parts = antimeridian_parts(np.array([[0.0, 10.0], [1.0, 20.0]]))
    assert len(parts) == 1  # nothing to cut
    same_place = antimeridian_parts(np.array([[5.0, 179.0], [5.0, 179.0]]))
    assert len(same_place) == 1


def test_verdicts_from_checks() -> None:
    routes = [read_routes("ANC-SHE")[0].with_aircraft("E145")]
    (leg,) = legs_of(routes_geojson(routes, check_routes(routes)))
    assert leg["properties"]["verdict"] == "implausible"
    with pytest.raises(InputError, match="2 check reports for 1 routes"):
        routes_geojson(routes, check_routes(routes * 2))


def test_same_densified_lines_as_the_map() -> None:
    route = read_routes("ANC-SHE")[0]
    path = leg_path(route.legs()[0])
    assert path is not None
    wrapped = np.column_stack([(path[:, 1] + 180.0) % 360.0 - 180.0, path[:, 0]])
    (leg,) = legs_of(routes_geojson([route]))
    east, west = (np.asarray(part) for part in leg["geometry"]["coordinates"])
    exported = np.concatenate([east[:-1], west[1:]])  # without the two cut points
    assert np.allclose(exported, wrapped, atol=1e-6)
    (line,) = [e for e in walk_lines(route_map(route))]
    drawn = np.asarray(line.locations)
    assert np.allclose((drawn[:, 1] + 180.0) % 360.0 - 180.0, wrapped[:, 0], atol=1e-5)
    assert np.allclose(drawn[:, 0], wrapped[:, 1], atol=1e-5)


def walk_lines(m: folium.Map) -> list[folium.PolyLine]:
    found: list[folium.PolyLine] = []
    stack: list[Element] = [m]
    while stack:
        element = stack.pop()
        if isinstance(element, folium.PolyLine):
            found.append(element)
        stack.extend(element._children.values())
    return found


def test_hostile_names_are_data_in_geojson() -> None:
    text = export_routes([hostile_route()], "geojson")
    doc = json.loads(text)
    assert doc["features"][0]["properties"]["name"] == HOSTILE
    assert doc["features"][0]["properties"]["evidence"] == HOSTILE


# ------------------------------------------------------------------ KML


def test_kml_parses_and_places_everything() -> None:
    root = ET.fromstring(routes_kml(read_routes(CHAIN)))
    marks = root.findall(".//k:Placemark", KML)
    assert len(marks) == 5 + 4
    names = [m.findtext("k:name", namespaces=KML) for m in marks]
    assert names[:5] == [f"{i}. {c}" for i, c in enumerate(CHAIN.split("-"), start=1)]
    assert names[7] == "Leg 3: ANC to SHE"
    for text in root.iterfind(".//k:coordinates", KML):
        assert text.text is not None
        values = np.array([[float(v) for v in c.split(",")] for c in text.text.split()])
        assert np.all(np.abs(values[:, 0]) <= 180.0)
        assert np.all(np.abs(values[:, 1]) <= 90.0)
    anc_she_text = marks[7].findtext(".//k:coordinates", namespaces=KML)
    assert anc_she_text is not None
    anc_she = anc_she_text.split()
    anc_she_path = leg_path(read_routes(CHAIN)[0].legs()[2])
    assert anc_she_path is not None
    assert len(anc_she) == len(anc_she_path)
    assert marks[7].findtext("k:styleUrl", namespaces=KML) == "#leg-unchecked"


def test_kml_describes_legs_as_the_map_does() -> None:
    by_code = airport_table().by_code
    texas = Stop("Texas", StopKind.REGION, candidates=(by_code("SAT"), by_code("ELP")))
    route = Route((Stop.at_airport(by_code("AZA")), texas, Stop.at_airport(by_code("ANC"))))
    marks = ET.fromstring(routes_kml([route])).findall(".//k:Placemark", KML)[3:]
    tooltips = [
        str(c.text)
        for line in walk_lines(route_map(route))
        for c in line._children.values()
        if isinstance(c, folium.Tooltip)
    ]
    for leg, mark in zip(route.legs(), marks, strict=True):
        low, likely, high = leg.distance("km")
        nm_low, _, nm_high = leg.distance("nm")
        distance = (
            f"{low:,.0f}–{high:,.0f} km · {nm_low:,.0f}–{nm_high:,.0f} nm "
            f"(best guess {likely:,.0f} km)"
        )
        assert mark.findtext("k:description", namespaces=KML) == f"{distance}; verdict: unchecked"
        (tooltip,) = [t for t in tooltips if f" leg {leg.number}: " in t]
        assert f"<br>{distance}<br>" in tooltip


def test_kml_escapes_names_and_descriptions() -> None:
    text = routes_kml([hostile_route()])
    assert "<script>" not in text
    assert "<img" not in text
    root = ET.fromstring(text)
    first = root.find(".//k:Placemark", KML)
    assert first is not None
    assert first.findtext("k:name", namespaces=KML) == "1. ANC"
    description = first.findtext("k:description", namespaces=KML)
    assert description is not None
    assert HOSTILE in description
    folder_name = root.find(".//k:Folder/k:name", KML)
    assert folder_name is not None
    assert folder_name.text == "@SUM(1+1)"


# ------------------------------------------------------------------ CSV


def test_csv_rows_for_stops_and_legs() -> None:
    rows = list(csv.DictReader(io.StringIO(routes_csv(read_routes(CHAIN)))))
    assert [r["record"] for r in rows] == ["stop"] * 5 + ["leg"] * 4
    assert [r["code"] for r in rows[:5]] == CHAIN.split("-")
    anc_she = rows[7]
    assert (anc_she["from_code"], anc_she["to_code"]) == ("ANC", "SHE")
    assert float(anc_she["distance_km"]) == pytest.approx(5892.2, abs=0.1)
    geometry = shapely.from_wkt(anc_she["wkt"])
    assert geometry.geom_type == "MultiLineString"
    assert shapely.from_wkt(rows[0]["wkt"]).coords[0] == pytest.approx((-111.654999, 33.3078))


def test_csv_defuses_spreadsheet_formulas() -> None:
    rows = list(csv.DictReader(io.StringIO(routes_csv([hostile_route()]))))
    assert rows[0]["route"] == "'@SUM(1+1)"
    assert rows[1]["name"] == '\'=HYPERLINK("http://x")'
    assert rows[0]["name"] == HOSTILE  # csv quoting keeps the rest intact


# ------------------------------------------------------------------ the command


def test_export_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "ANC-SHE"]) == 0  # GeoJSON to stdout by default
    assert json.loads(capsys.readouterr().out)["type"] == "FeatureCollection"
    out = tmp_path / "sub" / "charter.kml"
    assert main(["export", CHAIN, "--aircraft", "GLF5", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    root = ET.parse(out).getroot()
    styles = {
        m.findtext("k:styleUrl", namespaces=KML) for m in root.iterfind(".//k:Placemark", KML)
    }
    assert styles == {None, "#leg-ok"}  # stops have no style; every GV leg is in range
    assert main(["export", CHAIN, "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("record,route,number")
    with pytest.raises(SystemExit, match="2"):
        main(["export", CHAIN, "--format", "shp"])
    with pytest.raises(InputError, match="unknown export format"):
        export_routes(read_routes(CHAIN), "shp")


def test_precision_and_spacing_make_a_smaller_file_of_the_same_features(tmp_path: Path) -> None:
    full, small = tmp_path / "full.geojson", tmp_path / "small.geojson"
    assert main(["export", "examples/many-flights.csv", "-o", str(full)]) == 0
    argv = ["export", "examples/many-flights.csv", "-o", str(small)]
    assert main([*argv, "--precision", "3", "--spacing-km", "400"]) == 0
    a, b = json.loads(full.read_text()), json.loads(small.read_text())
    assert [f["properties"] for f in a["features"]] == [f["properties"] for f in b["features"]]
    assert small.stat().st_size < full.stat().st_size * 0.6
    point = next(f for f in b["features"] if f["geometry"]["type"] == "Point")
    assert all(round(v, 3) == v for v in point["geometry"]["coordinates"])


def test_the_pieces_are_the_whole_export() -> None:
    from flightlegs.show.export import Detail, iter_export

    routes = read_routes("examples/many-flights.csv")
    for fmt in ("geojson", "csv", "kml"):
        whole = export_routes(routes, fmt, detail=Detail(digits=5))
        pieces = list(iter_export(routes, fmt, detail=Detail(digits=5)))
        assert "".join(pieces) == whole
        if fmt != "kml":
            assert len(pieces) > len(routes)  # written as it is made, not held whole


@pytest.mark.parametrize(("flag", "value"), [("--precision", "12"), ("--spacing-km", "0")])
def test_out_of_range_detail_is_one_line_and_exit_2(
    flag: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "AZA-ELP", flag, value]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "expected" in err
