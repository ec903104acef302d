"""Route maps by structure: the folium objects, the rendered HTML, and the map command."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import folium
import folium.plugins
import numpy as np
import pytest
from branca.element import Element
from folium.map import FitBounds
from hypothesis import given
from hypothesis import strategies as st

from flightlegs.checks.rules import check_routes
from flightlegs.cli.main import main
from flightlegs.core.geodesy import shift_longitudes
from flightlegs.core.route import Evidence, Route, Stop, StopKind
from flightlegs.errors import InputError
from flightlegs.read.inputs import read_routes
from flightlegs.reference.airports import airport_table
from flightlegs.show.assets import asset_text, vendored_versions
from flightlegs.show.geometry import window_centre
from flightlegs.show.maps import (
    MANY_ROUTES,
    VERDICT_COLOURS,
    is_flightlegs_map,
    render_map,
    route_map,
    save_map,
)

E = TypeVar("E", bound=Element)

CHAIN = "AZA-ELP-ANC-SHE-ICN"
HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "`${alert(3)}`",
    "{{ 1234567 * 3 }}",  # branca renders each piece again as a Jinja template
    "{% raw %}",
    "</script><script>alert(4)</script>",
)


def walk(element: Element) -> Iterator[Element]:
    """Every element under ``element``, depth first, in the order they were added."""
    yield element
    for child in element._children.values():
        yield from walk(child)


def of_type(m: Element, kind: type[E]) -> list[E]:
    """The elements under ``m`` of exactly the class ``kind`` (not of its subclasses)."""
    return [e for e in walk(m) if isinstance(e, kind) and type(e) is kind]


def layer(m: folium.Map, name: str) -> folium.FeatureGroup:
    (group,) = [g for g in of_type(m, folium.FeatureGroup) if g.layer_name == name]
    return group


def tooltip_text(element: Element) -> str:
    (tooltip,) = [c for c in element._children.values() if isinstance(c, folium.Tooltip)]
    return str(tooltip.text)


@pytest.fixture(scope="module")
def charter() -> Route:
    return read_routes(CHAIN)[0].with_aircraft("GLF5")


@pytest.fixture(scope="module")
def charter_map(charter: Route) -> folium.Map:
    return route_map(charter, checks=check_routes([charter]), rings_from=["ANC"])


def vague_route(name: str = "Charter", evidence: str = "It flew from Arizona to Texas.") -> Route:
    by_code = airport_table().by_code
    texas = tuple(by_code(c) for c in ("SAT", "ELP", "IAH", "DFW"))
    return Route(
        (
            Stop.at_airport(by_code("AZA"), name="Arizona", evidence=Evidence(evidence, 16, 23)),
            Stop(
                "Texas",
                StopKind.REGION,
                candidates=texas,
                reason="an ICE Air hub",
                evidence=Evidence(evidence, 27, 32),
            ),
            Stop.at_airport(by_code("ANC")),
        ),
        name=name,
    )


# ------------------------------------------------------------------ structure


def test_layers_controls_and_tiles(charter_map: folium.Map) -> None:
    names = [g.layer_name for g in of_type(charter_map, folium.FeatureGroup)]
    assert names == ["Legs", "Stops", "Range rings"]
    assert len(of_type(charter_map, folium.LayerControl)) == 1
    assert len(of_type(charter_map, folium.plugins.Fullscreen)) == 1
    assert len(of_type(charter_map, folium.plugins.MeasureControl)) == 1
    (tiles,) = of_type(charter_map, folium.TileLayer)
    assert "arcgisonline.com" in tiles.tiles
    attribution = tiles.options["attribution"]
    assert isinstance(attribution, str)
    assert "Esri" in attribution


def test_one_marker_per_stop_with_popup(charter_map: folium.Map) -> None:
    markers = of_type(layer(charter_map, "Stops"), folium.Marker)
    assert len(markers) == 5
    assert [tooltip_text(m) for m in markers] == [
        f"{i}. {code}" for i, code in enumerate(CHAIN.split("-"), start=1)
    ]
    popup = render_map(charter_map)
    assert "Ted Stevens Anchorage International Airport" in popup
    assert "PANC" in popup
    # the place reads as the checks' sentences write it: the state in the US, else the country
    assert "<th>Place</th><td>Anchorage, Alaska</td>" in popup
    assert "<th>Place</th><td>Shenyang, China</td>" in popup
    assert "Anchorage, Alaska (ANC)" in popup  # in a finding about the stop


def test_legs_have_distance_time_and_verdict(charter_map: folium.Map) -> None:
    lines = of_type(layer(charter_map, "Legs"), folium.PolyLine)
    assert len(lines) == 4
    anc_she = tooltip_text(lines[2])
    assert "leg 3: ANC → SHE" in anc_she
    assert "5,892 km · 3,182 nm" in anc_she
    assert "≈ 6 h 56 min aloft at 459 kt" in anc_she  # 3,182 nm / 459 kt
    assert "verdict: " in anc_she
    assert ">ok<" in anc_she
    assert {line.options["color"] for line in lines} == {VERDICT_COLOURS["ok"]}


def test_implausible_legs_are_red() -> None:
    route = read_routes("ANC-SHE")[0].with_aircraft("E145")  # 2,000 nm range
    m = route_map(route, checks=check_routes([route]))
    (line,) = of_type(m, folium.PolyLine)
    assert line.options["color"] == VERDICT_COLOURS["implausible"]
    assert "implausible" in render_map(m)


def test_unchecked_legs_without_reports() -> None:
    m = route_map(read_routes(CHAIN))
    colours = {line.options["color"] for line in of_type(m, folium.PolyLine)}
    assert colours == {VERDICT_COLOURS["unchecked"]}


def test_vague_stop_candidates_layer_and_dashed_legs() -> None:
    route = vague_route()
    m = route_map(route)
    candidates = of_type(layer(m, "Other candidate airports"), folium.CircleMarker)
    assert len(candidates) == 3  # the best guess is the stop's own marker
    assert "Candidate 2 of 4 for stop 2 (Texas)" in tooltip_text(candidates[0])
    assert "El Paso" in tooltip_text(candidates[0])
    first, second = of_type(layer(m, "Legs"), folium.PolyLine)
    assert first.options["dashArray"] == second.options["dashArray"] == "10 5"
    low, _, high = route.legs()[0].distance("km")
    assert f"{low:,.0f}–{high:,.0f} km" in tooltip_text(first)
    html = render_map(m)
    assert "It flew from Arizona to Texas." in html  # the evidence sentence
    assert "an ICE Air hub" in html  # the reason for the best guess


def test_a_return_to_the_same_airport_is_one_marker() -> None:
    m = route_map(read_routes("AZA-ELP-AZA")[0])
    markers = of_type(m, folium.Marker)
    assert [tooltip_text(x) for x in markers] == ["1. AZA · 3. AZA", "2. ELP"]
    page = render_map(m)
    assert "<b>Stop 1: AZA</b>" in page
    assert "<b>Stop 3: AZA</b>" in page


def test_several_routes_share_one_marker_per_airport() -> None:
    m = route_map(read_routes("AZA-ELP", "ELP-ANC"))
    markers = of_type(layer(m, "Stops"), folium.Marker)
    assert [tooltip_text(x) for x in markers] == [
        "AZA: 1 stops on 1 routes",
        "ELP: 2 stops on 2 routes",
        "ANC: 1 stops on 1 routes",
    ]
    (icon,) = [c for c in markers[1]._children.values() if isinstance(c, folium.DivIcon)]
    icon_html = icon.options["html"]
    assert isinstance(icon_html, str)
    assert icon_html.endswith(">ELP</div>")  # the code, not a stop number
    text = render_map(m)
    assert text.count("<b>Stop 2: ELP</b>") == 1  # of AZA-ELP
    assert text.count("<b>Stop 1: ELP</b>") == 1  # of ELP-ANC


def test_arcs_out_of_the_window_get_a_copy_that_meets_the_markers() -> None:
    route = read_routes("JFK-LHR-DEL-SYD-LAX-JFK")[0]  # around the world: no window holds it
    m = route_map(route)
    lines = of_type(layer(m, "Legs"), folium.PolyLine)
    assert len(lines) > len(route.legs())
    marker_lons = {round(marker_lon(x), 3) for x in of_type(m, folium.Marker)}
    starts = {round(float(lons_of(line)[0]), 3) for line in lines}
    ends = {round(float(lons_of(line)[-1]), 3) for line in lines}
    assert marker_lons <= starts | ends
    for line in lines:  # each copy is continuous
        assert np.abs(np.diff(lons_of(line))).max() < 180.0


def test_range_rings_from_stop_numbers_codes_and_aircraft(charter: Route) -> None:
    by_number = route_map(charter, rings_from=["3"], ring_nm=1000)
    by_code = route_map(charter, rings_from=["anc"], ring_nm=1000)
    for m in (by_number, by_code):
        (ring,) = of_type(layer(m, "Range rings"), folium.PolyLine)
        assert "1,000 nm" in tooltip_text(ring)
    (ring,) = of_type(route_map(charter, rings_from=["ANC"]), folium.PolyLine)[-1:]
    assert "6,500 nm" in tooltip_text(ring)  # the Gulfstream V's published range
    with pytest.raises(InputError, match="matches no stop"):
        route_map(charter, rings_from=["XYZ"], ring_nm=1000)
    with pytest.raises(InputError, match="--ring-nm\\) or a known aircraft"):
        route_map(read_routes(CHAIN), rings_from=["ANC"])


def test_tiles() -> None:
    route = read_routes("AZA-ELP")
    assert of_type(route_map(route, tiles="none"), folium.TileLayer) == []
    (osm,) = of_type(route_map(route, tiles="OpenStreetMap.Mapnik"), folium.TileLayer)
    assert "openstreetmap.org" in osm.tiles
    with pytest.raises(InputError, match="unknown tiles"):
        route_map(route, tiles="NoSuch.Provider")
    with pytest.raises(InputError, match="needs an API key"):
        route_map(route, tiles="CartoDB.Positron")


def test_bad_arguments() -> None:
    with pytest.raises(InputError, match="no routes"):
        route_map([])
    routes = read_routes("AZA-ELP, ANC-SHE")
    with pytest.raises(InputError, match="1 check reports for 2 routes"):
        route_map(routes, checks=check_routes(routes[:1]))
    with pytest.raises(InputError, match="ring radius"):
        route_map(routes, rings_from=["1"], ring_nm=-5)


# ------------------------------------------------------------------ the antimeridian


def marker_lon(marker: folium.Marker) -> float:
    """A marker's longitude (every marker of a route map has a location)."""
    assert marker.location is not None
    return float(marker.location[1])


def lons_of(element: folium.PolyLine | folium.Marker) -> np.ndarray:
    points = element.locations if isinstance(element, folium.PolyLine) else [element.location]
    return np.asarray(points, dtype=float)[:, 1]


def test_everything_in_one_longitude_window(charter_map: folium.Map) -> None:
    legs = of_type(layer(charter_map, "Legs"), folium.PolyLine)
    markers = of_type(layer(charter_map, "Stops"), folium.Marker)
    anc_she = lons_of(legs[2])
    assert anc_she.min() < -180.0  # it runs west past the antimeridian, unbroken
    assert np.abs(np.diff(anc_she)).max() < 180.0
    everything = np.concatenate([*(lons_of(line) for line in legs), *(lons_of(m) for m in markers)])
    assert everything.max() - everything.min() < 180.0  # one window, no wrap across the world
    # the arcs' ends are the markers: Anchorage's and Shenyang's markers sit on the arc
    ends = [(round(lons_of(line)[0], 4), round(lons_of(line)[-1], 4)) for line in legs]
    marker_lons = [round(marker_lon(m), 4) for m in markers]
    assert [a for a, _ in ends] == marker_lons[:-1]
    assert [b for _, b in ends] == marker_lons[1:]
    (bounds,) = of_type(charter_map, FitBounds)
    (south, west), (north, east) = bounds.bounds
    # the opening view holds the range ring around ANC too
    (ring,) = of_type(layer(charter_map, "Range rings"), folium.PolyLine)
    everything = np.concatenate([everything, lons_of(ring)])
    assert west == pytest.approx(everything.min(), abs=1e-4)
    assert east == pytest.approx(everything.max(), abs=1e-4)
    assert south < 32.0
    assert north > 61.0


def test_candidates_and_rings_share_the_window() -> None:
    by_code = airport_table().by_code
    route = Route(
        (
            Stop.at_airport(by_code("ANC")),
            Stop("China", StopKind.COUNTRY, candidates=(by_code("SHE"), by_code("PEK"))),
        ),
        name="ANC-China",
    )
    m = route_map(route, rings_from=["ANC"], ring_nm=500)
    (leg,) = of_type(layer(m, "Legs"), folium.PolyLine)
    (pek,) = of_type(layer(m, "Other candidate airports"), folium.CircleMarker)
    (ring,) = of_type(layer(m, "Range rings"), folium.PolyLine)
    west_end = lons_of(leg)[-1]
    assert lons_of(leg)[0] - west_end > 80.0  # drawn westward, over the Bering Sea
    assert abs(marker_lon(pek) - west_end) < 10.0  # beside Shenyang, not a world away
    assert abs(lons_of(ring).mean() - lons_of(leg)[0]) < 5.0  # around Anchorage


@given(
    st.floats(-180, 180),
    st.lists(st.floats(0, 200), min_size=1, max_size=30),
)
def test_window_centre_holds_a_band_narrower_than_half_the_world(
    start: float, offsets: list[float]
) -> None:
    lons = (np.asarray(offsets) + start + 180.0) % 360.0 - 180.0
    centre = window_centre(lons)
    shifted = shift_longitudes(lons, centre)
    assert shifted.max() - shifted.min() <= max(offsets) - min(offsets) + 1e-6


# ------------------------------------------------------------------ escaping


def hostile_route() -> Route:
    text = " ".join(HOSTILE) + " It flew from Arizona to Texas."
    route = vague_route(name=" ".join(HOSTILE), evidence=text)
    by_code = airport_table().by_code
    odd = Stop(HOSTILE[1], StopKind.CITY, candidates=(by_code("SHE"),), reason=HOSTILE[0])
    return Route((*route.stops, odd), name=route.name, aircraft=HOSTILE[3], notes=HOSTILE[4])


def without_vendored(page: str) -> str:
    """The page less the vendored files put inline (jQuery's code holds '<script>')."""
    for name in vendored_versions():
        if name.endswith((".js", ".css")):
            page = page.replace(asset_text(name), "")
    return page


def assert_defused(page: str) -> None:
    page = without_vendored(page)
    assert "<script>alert" not in page
    assert "<img" not in page
    assert "${alert" not in page
    assert "3703701" not in page  # {{ 1234567 * 3 }} was not evaluated
    assert page.count("</script>") == len(re.findall(r"<script[ >]", page))


def test_hostile_text_is_escaped_everywhere() -> None:
    route = hostile_route()
    m = route_map(route, title=HOSTILE[5], rings_from=["1"], ring_nm=100)
    page = render_map(m)
    assert_defused(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown as text, not dropped
    assert "&#123;&#123; 1234567 * 3 &#125;&#125;" in page
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(4)&lt;/script&gt;</title>" in page


def test_hostile_report_is_escaped() -> None:
    from flightlegs.read.report.reader import parse_report

    text = (
        "The <img src=x onerror=alert(1)> jet took off from Arizona and stopped in Texas and "
        "Alaska before reaching Shenyang. {{ 1234567 * 3 }} <script>alert(1)</script>."
    )
    route = parse_report(text, source="<script>alert(2)</script>.txt")
    assert_defused(render_map(route_map(route, checks=check_routes([route]))))


def test_hostile_text_in_the_many_routes_geojson() -> None:
    routes = [hostile_route()] * (MANY_ROUTES + 1)
    page = render_map(route_map(routes))
    assert_defused(page)


# ------------------------------------------------------------------ determinism and output


def test_same_input_gives_byte_identical_html(tmp_path: Path) -> None:
    def build() -> str:
        route = read_routes(CHAIN)[0].with_aircraft("GLF5")
        return render_map(route_map(route, rings_from=["3"]))

    first, second = build(), build()
    assert first == second
    assert not re.search(r"_[0-9a-f]{32}\b", first)  # no random folium id is left
    assert re.search(r"\bmap_fl1\b", first)
    save_map(route_map(vague_route()), tmp_path / "a.html")
    save_map(route_map(vague_route()), tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_render_does_not_touch_input_that_looks_like_an_id() -> None:
    lookalike = "a" * 32
    page = render_map(route_map(vague_route(name=f"flight_{lookalike}")))
    assert f"flight_{lookalike}" in page


def test_save_map_creates_folders_and_marks_the_file(tmp_path: Path) -> None:
    path = save_map(route_map(read_routes("AZA-ELP")), tmp_path / "deep" / "er" / "m.html")
    assert path.is_file()
    assert is_flightlegs_map(path)
    head = path.read_text(encoding="utf-8")[:400]
    assert '<meta name="generator" content="flightlegs ' in head
    (tmp_path / "other.html").write_text("<html>not ours</html>")
    assert not is_flightlegs_map(tmp_path / "other.html")
    assert not is_flightlegs_map(tmp_path / "missing.html")


# ------------------------------------------------------------------ many routes


def test_many_routes_are_one_geojson_layer() -> None:
    routes = read_routes(*["AZA-ELP-ANC-SHE"] * (MANY_ROUTES + 1))
    m = route_map(routes, checks=check_routes([r.with_aircraft("GLF5") for r in routes]))
    assert of_type(m, folium.PolyLine) == []
    assert of_type(m, folium.Marker) == []
    legs, stops = [e for e in walk(m) if isinstance(e, folium.GeoJson)]
    features = legs.data["features"]
    assert len(features) == 3 * len(routes)
    assert {f["geometry"]["type"] for f in features} == {"LineString"}
    coords = np.asarray(features[2]["geometry"]["coordinates"])
    assert np.all(np.round(coords, 5) == coords)  # rounded to 5 decimals
    assert np.abs(np.diff(coords[:, 0])).max() < 180.0  # ANC-SHE unwrapped, lon first
    assert features[2]["properties"]["leg"] == "3: ANC → SHE"
    assert features[2]["properties"]["verdict"] == "ok"
    assert len(stops.data["features"]) == 4  # one point per airport
    assert {f["properties"]["routes"] for f in stops.data["features"]} == {len(routes)}
    page = render_map(m)
    assert page.count('{"type":"Feature"') == len(features) + 4  # the data is in the page
    tooltips = [e for e in walk(m) if isinstance(e, folium.GeoJsonTooltip)]
    assert [t.fields for t in tooltips] == [
        ["route", "leg", "distance", "verdict"],
        ["stop", "airport", "routes"],
    ]


# ------------------------------------------------------------------ the command


def test_map_command_writes_and_refuses_foreign_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "maps" / "charter.html"
    assert main(["map", CHAIN, "--aircraft", "GLF5", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert is_flightlegs_map(out)
    first = out.read_bytes()
    assert main(["map", CHAIN, "--aircraft", "GLF5", "-o", str(out)]) == 0  # ours: replaced
    assert out.read_bytes() == first

    foreign = tmp_path / "notes.html"
    foreign.write_text("<p>my notes</p>")
    assert main(["map", CHAIN, "-o", str(foreign)]) == 2
    err = capsys.readouterr().err
    assert "not written by flightlegs" in err
    assert "--force" in err
    assert foreign.read_text() == "<p>my notes</p>"
    assert main(["map", CHAIN, "-o", str(foreign), "--force"]) == 0
    assert is_flightlegs_map(foreign)


def test_map_command_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "m.html"
    argv = ["map", CHAIN, "-o", str(out), "--title", "Charter <b>", "--tiles", "none"]
    assert main([*argv, "--rings-from", "3", "--ring-nm", "800"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<title>Charter &lt;b&gt;</title>" in page
    assert "tile_layer" not in page
    assert "Range ring from ANC: 800 nm" in page
    assert "Range ring from SHE" not in page
    # before the inputs, one stop per flag: the chain is still read as the input
    rings = ["--rings-from", "SHE", "--rings-from", "1,elp", "--ring-nm", "800"]
    assert main(["map", *rings, CHAIN, "-o", str(out), "--tiles", "none"]) == 0
    page = out.read_text(encoding="utf-8")
    for code in ("SHE", "AZA", "ELP"):
        assert f"Range ring from {code}: 800 nm" in page
    assert "Range ring from ANC" not in page
    assert main([*argv, "--rings-from", "3,", "--ring-nm", "800"]) == 2
    assert "--rings-from '3,': an empty ring" in capsys.readouterr().err
    assert main(["map", CHAIN, "-o", str(tmp_path), "--force"]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main(["map", CHAIN, "-o", str(out), "--rings-from", "9", "--ring-nm", "5"]) == 2
    assert main(["map", CHAIN, "-o", str(out), "--tiles", "CartoDB.Positron"]) == 2


# ------------------------------------------------------------------ issue 12: assets, tiles, rings


def test_self_contained_page_links_nothing_and_cdn_page_is_small() -> None:
    route = read_routes("AZA-ELP")
    inline = render_map(route_map(route))
    cdn = render_map(route_map(route, assets="cdn"))
    assert not re.search(r'<(?:script|link)\b[^>]*(?:src|href)="https?://', inline)
    assert "flightlegs.basemap(" in inline
    assert "leaflet@1.9.3/dist/leaflet.js" in cdn
    assert "flightlegs.basemap(" not in cdn
    assert "flightlegs.popupsClear(" in cdn  # popups keep clear of the legend either way
    assert len(cdn) * 5 < len(inline)
    # folium's unused Bootstrap and Font Awesome are left out of the inline page
    assert "bootstrap" not in without_vendored(inline).lower()


def test_vendored_files_are_the_versions_folium_links() -> None:
    versions = vendored_versions()
    for element in (folium.Map, folium.plugins.Fullscreen, folium.plugins.MeasureControl):
        for name, url in [*element.default_js, *element.default_css]:
            from flightlegs.show.assets import FOLIUM_LINKS

            if name in FOLIUM_LINKS:
                package, _, version = versions[FOLIUM_LINKS[name]].rpartition("@")
                assert f"{package}@{version}" in url or f"{package}-{version}" in url, url


def test_render_is_the_same_however_the_map_is_shown(tmp_path: Path) -> None:
    m = route_map(read_routes("AZA-ELP-ANC"), title="Same")
    first = render_map(m)
    m.save(str(tmp_path / "saved.html"))
    save_map(m, tmp_path / "ours.html")
    assert (tmp_path / "saved.html").read_text(encoding="utf-8") == first
    assert (tmp_path / "ours.html").read_text(encoding="utf-8") == first
    assert render_map(m) == first  # rendering again adds nothing


def test_many_route_data_is_whole_in_every_path(tmp_path: Path) -> None:
    import html

    routes = read_routes(", ".join(["AZA-ELP-ANC"] * (MANY_ROUTES + 1)))
    m = route_map(routes)
    srcdoc = re.search(r'srcdoc="([^"]*)"', m._repr_html_())
    assert srcdoc is not None
    page = html.unescape(srcdoc.group(1))
    assert "flightlegs_data" not in page  # no placeholder left
    assert page.count('"type":"LineString"') == 2 * (MANY_ROUTES + 1)


@pytest.mark.parametrize(
    ("given", "name"),
    [
        ("OpenStreetMap", "OpenStreetMap.Mapnik"),
        ("openstreetmap", "OpenStreetMap.Mapnik"),
        ("esri.worldimagery", "Esri.WorldImagery"),
        ("OpenTopoMap", "OpenTopoMap"),
    ],
)
def test_tiles_by_folium_and_xyzservices_names_in_any_case(given: str, name: str) -> None:
    from flightlegs.show.tiles import resolve_tiles

    provider = resolve_tiles(given)
    assert provider is not None
    assert provider.name == name


def test_tiles_from_a_url_template_need_an_attribution() -> None:
    url = "https://tiles.example.org/{z}/{x}/{y}.png"
    (tiles,) = of_type(
        route_map(read_routes("AZA-ELP"), tiles=url, attribution="<b>Example</b>"), folium.TileLayer
    )
    assert tiles.tiles == url
    assert tiles.options["attribution"] == "&lt;b&gt;Example&lt;/b&gt;"
    with pytest.raises(InputError, match="needs attribution="):
        route_map(read_routes("AZA-ELP"), tiles=url)
    with pytest.raises(InputError, match=r"lacks \{x\}"):
        route_map(
            read_routes("AZA-ELP"), tiles="https://t.example.org/{z}/{y}.png", attribution="x"
        )


def test_map_command_tiles_errors_speak_of_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "m.html")
    cases = {
        "Esri.WorldGrey": "did you mean",
        "https://t.example.org/{z}/{x}/{y}.png": "needs --attribution",
        "CartoDB.Positron": "add --tiles-key KEY",
    }
    for tiles, words in cases.items():
        assert main(["map", "AZA-ELP", "-o", out, "--tiles", tiles]) == 2
        err = capsys.readouterr().err
        assert words in err
        assert "TileProvider" not in err
        assert err.count("\n") == 1
    url = "https://t.example.org/{z}/{x}/{y}.png"
    assert main(["map", "AZA-ELP", "-o", out, "--tiles", url, "--attribution", "Me"]) == 0
    assert "t.example.org" in Path(out).read_text(encoding="utf-8")
    assert main(["map", "AZA-ELP", "-o", out, "--tiles", "OpenStreetMap"]) == 0


def test_map_command_takes_great_circle_mapper_rings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "m.html"
    argv = ["map", CHAIN, "-o", str(out), "--tiles", "none"]
    assert main([*argv, "--rings-from", "1000@JFK", "--rings-from", "1,852km@ANC"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Range ring from JFK: 1000" in page  # JFK is no stop: the airport is looked up
    assert "Range ring from ANC: 1,852km" in page
    # among the inputs, as in Great Circle Mapper's path box
    assert main(["map", CHAIN, "500mi@SHE", "-o", str(out), "--tiles", "none"]) == 0
    assert "Range ring from SHE: 500mi" in out.read_text(encoding="utf-8")
    assert main([*argv, "--rings-from", "1000parsec@JFK"]) == 2
    assert "unknown unit 'parsec'" in capsys.readouterr().err


def test_ring_forms() -> None:
    from flightlegs.show.rings import parse_ring

    assert parse_ring("1000nm@JFK").radius_m == pytest.approx(1_852_000)
    assert parse_ring("1000 km @ JFK").radius_m == pytest.approx(1_000_000)
    assert parse_ring("1000MI@jfk").radius_m == pytest.approx(1_609_344)
    assert parse_ring("ANC").radius_m is None
    with pytest.raises(InputError, match="less than 10,800 nm"):
        parse_ring("20000nm@JFK")
    with pytest.raises(InputError, match="expected DISTANCE@PLACE"):
        parse_ring("@JFK")


@pytest.mark.parametrize("name", ["m.svg", "m.txt", "m", "m.gif"])
def test_map_command_refuses_other_suffixes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    assert main(["map", "AZA-ELP", "-o", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert "expected .html, or .png" in err
    assert not (tmp_path / name).exists()


def test_picture_without_playwright_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from flightlegs.errors import MissingDependencyError
    from flightlegs.show.picture import save_picture

    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'flightlegs\[picture\]'"):
        save_picture(route_map(read_routes("AZA-ELP")), tmp_path / "m.png")
