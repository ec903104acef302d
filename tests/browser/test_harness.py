"""Tests of the browser harness itself, on maps built with folium directly.

Each self-check shows that an assertion the map tests rely on can fail: an unserved asset
is caught, a script injected through a popup opens a dialog that is caught, and a route
drawn across the antimeridian is measurably wider than one that is not.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import folium
import numpy as np
import pytest
from branca.element import Figure
from folium.plugins import Fullscreen, MeasureControl
from harness import AssetResolver, MapPage, RecordedDialog
from pyproj import Geod

FRANKFURT = (50.03, 8.57)
HELSINKI = (60.32, 24.96)
OSLO = (60.19, 11.10)
ANCHORAGE = (61.17, -150.0)
SHENYANG = (41.64, 123.48)

OpenMap = Callable[..., MapPage]


def save(m: folium.Map, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.html"
    m.save(path)
    return path


def full_featured_map() -> folium.Map:
    m = folium.Map(location=(55, 15), zoom_start=4, tiles="OpenStreetMap")
    folium.TileLayer("Esri.WorldImagery", name="Imagery").add_to(m)
    airports = folium.FeatureGroup(name="Airports").add_to(m)
    folium.Marker(
        FRANKFURT,
        popup=folium.Popup("Frankfurt FRA"),
        tooltip="FRA",
        icon=folium.Icon(color="blue", icon="plane", prefix="fa", angle=45),
    ).add_to(airports)
    folium.Marker(HELSINKI, popup=folium.Popup("Helsinki HEL")).add_to(airports)
    folium.PolyLine(  # type: ignore[no-untyped-call]  # folium leaves __init__ unannotated
        [FRANKFURT, HELSINKI], color="red", weight=4, tooltip="FRA-HEL"
    ).add_to(m)
    leg = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"route": "HEL-OSL", "km": 790},
                "geometry": {
                    "type": "LineString",
                    "coordinates": [[HELSINKI[1], HELSINKI[0]], [OSLO[1], OSLO[0]]],
                },
            }
        ],
    }
    folium.GeoJson(
        leg,
        name="Legs",
        style_function=lambda _: {"color": "#1f78b4", "weight": 5},
        tooltip=folium.GeoJsonTooltip(fields=["route"]),
        popup=folium.GeoJsonPopup(fields=["route", "km"]),
    ).add_to(m)
    folium.LayerControl().add_to(m)
    Fullscreen().add_to(m)  # type: ignore[no-untyped-call]  # folium leaves __init__ unannotated
    MeasureControl().add_to(m)  # type: ignore[no-untyped-call]
    root = m.get_root()
    assert isinstance(root, Figure)  # branca types Map.get_root() as any Element
    root.header.add_child(folium.Element("<title>Harness check</title>"))
    root.html.add_child(
        folium.Element(
            '<h3 id="map-title" style="position:absolute;top:8px;left:60px;z-index:1000;'
            'background:white;padding:2px 8px">Harness check</h3>'
        )
    )
    return m


def test_full_featured_map_renders_offline(tmp_path: Path, open_map: OpenMap) -> None:
    shown = open_map(save(full_featured_map(), tmp_path, "full"))

    shown.assert_clean()
    assert shown.tiles_served > 0
    assert shown.page.title() == "Harness check"
    assert shown.page.locator("#map-title").inner_text() == "Harness check"
    for control in (
        ".leaflet-control-layers",
        ".leaflet-control-zoom-fullscreen",
        ".leaflet-control-measure",
    ):
        assert shown.page.locator(control).is_visible(), control
    assert shown.page.locator(".awesome-marker i.fa-plane.fa-rotate-45").count() == 1
    assert shown.marker_count() == 2
    assert shown.path_count() == 2
    screenshot = shown.screenshot("harness_full_featured")
    assert screenshot.stat().st_size > 10_000

    assert shown.click_marker(0) == "Frankfurt FRA"
    assert shown.click_marker(1) == "Helsinki HEL"
    geojson_popup = shown.click_path(1)
    assert "HEL-OSL" in geojson_popup
    assert "790" in geojson_popup
    shown.assert_clean()


def urls_in_page_and_css(page_html: str, resolver: AssetResolver) -> set[str]:
    """The JS/CSS URLs in *page_html*, plus every url() that their stylesheets reference."""
    urls = set(re.findall(r'(?:src|href)="(https://[^"]+)"', page_html))
    for url in list(urls):
        served = resolver.resolve(url)
        if url.split("?")[0].endswith(".css") and served is not None:
            for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)", served.body.decode("utf-8")):
                if not ref.startswith(("data:", "#")):
                    urls.add(urljoin(url, ref))
    return urls


def test_every_asset_of_the_map_and_its_css_is_served(asset_resolver: AssetResolver) -> None:
    # The browser fetches only what a map uses (no glyphicon, no retina sprite here), so
    # check every URL folium emits and every file its CSS can pull in, browser or not.
    urls = urls_in_page_and_css(full_featured_map().get_root().render(), asset_resolver)

    assert len(urls) > 30
    assert any("glyphicons-halflings-regular.woff2" in url for url in urls)
    assert sorted(url for url in urls if asset_resolver.resolve(url) is None) == []


def test_tile_urls_of_common_providers_get_the_blank_tile(asset_resolver: AssetResolver) -> None:
    tiles = [
        "https://tile.openstreetmap.org/4/8/5.png",
        "https://a.basemaps.cartocdn.com/light_all/4/8/5@2x.png",
        "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/4/5/8",
        "https://tiles.stadiamaps.com/tiles/stamen_toner/4/8/5.png",
        "https://ows.example.org/wms?service=WMS&request=GetMap&layers=x&bbox=0,0,1,1",
    ]
    for url in tiles:
        served = asset_resolver.resolve(url)
        assert served is not None, url
        assert served.content_type == "image/png"
        assert served.body.startswith(b"\x89PNG")
    assert asset_resolver.resolve("https://example.org/ajax/libs/thing.js") is None


def test_circle_markers_count_as_markers_not_paths(tmp_path: Path, open_map: OpenMap) -> None:
    m = folium.Map(location=(55, 15), zoom_start=4)
    folium.CircleMarker(OSLO, radius=8, popup="Oslo OSL", fill=True).add_to(m)
    folium.PolyLine([FRANKFURT, HELSINKI]).add_to(m)  # type: ignore[no-untyped-call]

    shown = open_map(save(m, tmp_path, "circles"))

    shown.assert_clean()
    assert shown.marker_count() == 1
    assert shown.circle_marker_count() == 1
    assert shown.path_count() == 1
    assert shown.click_marker(0) == "Oslo OSL"


def test_unserved_asset_is_recorded_and_fails_clean_check(
    tmp_path: Path, open_map: OpenMap
) -> None:
    # What a folium upgrade to a newer Leaflet would look like: a version not pinned.
    url = "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js"
    m = folium.Map(location=(55, 15), zoom_start=4)
    root = m.get_root()
    assert isinstance(root, Figure)  # branca types Map.get_root() as any Element
    root.header.add_child(folium.JavascriptLink(url))

    shown = open_map(save(m, tmp_path, "unserved"))

    assert shown.unserved_urls == [url]
    with pytest.raises(AssertionError, match=re.escape(url)):
        shown.assert_clean()
    shown.unserved_urls.clear()  # provoked on purpose: do not fail at teardown


def popup_map(popup_html: str) -> folium.Map:
    m = folium.Map(location=FRANKFURT, zoom_start=5)
    folium.Marker(FRANKFURT, popup=folium.Popup(popup_html)).add_to(m)
    return m


IMG_ONERROR = "<img src=x onerror=alert(1)>"


def test_escaped_popup_runs_no_script(tmp_path: Path, open_map: OpenMap) -> None:
    shown = open_map(save(popup_map(html.escape(IMG_ONERROR)), tmp_path, "escaped"))

    assert shown.click_marker(0) == IMG_ONERROR
    assert shown.dialogs == []
    shown.assert_clean()


def test_unescaped_popup_script_is_caught(tmp_path: Path, open_map: OpenMap) -> None:
    # Self-check: without this, "no dialog" above could mean dialogs go unnoticed.
    shown = open_map(save(popup_map(IMG_ONERROR), tmp_path, "unescaped"))
    shown.click_marker(0)

    assert shown.dialogs == [RecordedDialog("alert", "1")]
    with pytest.raises(AssertionError, match="dialog"):
        shown.assert_clean()
    # The broken image asked for file:///.../x next to the map.
    assert [url.rsplit("/", 1)[-1] for url in shown.unserved_urls] == ["x"]
    shown.unserved_urls.clear()


def escape_for_folium_popup(text: str) -> str:
    """Escape *text* for folium.Popup, which embeds it in a JavaScript template literal."""
    escaped = html.escape(text)
    return escaped.replace("\\", "&#92;").replace("`", "&#96;").replace("$", "&#36;")


TEMPLATE_LITERAL_BREAKOUT = "${alert(2)}"


def test_html_escape_alone_lets_template_literal_code_run(
    tmp_path: Path, open_map: OpenMap
) -> None:
    # folium 0.20 renders popups as $(`...`) in a script: `${...}` is evaluated there.
    m = popup_map(html.escape(TEMPLATE_LITERAL_BREAKOUT))
    shown = open_map(save(m, tmp_path, "template_literal"))

    assert shown.dialogs == [RecordedDialog("alert", "2")]
    shown.dialogs.clear()


@pytest.mark.parametrize(
    "text",
    [IMG_ONERROR, TEMPLATE_LITERAL_BREAKOUT, "`+alert(3)+`", "</script><script>alert(4)</script>"],
)
def test_popup_escaped_for_template_literal_shows_text_and_runs_nothing(
    tmp_path: Path, open_map: OpenMap, text: str
) -> None:
    shown = open_map(save(popup_map(escape_for_folium_popup(text)), tmp_path, "popup"))

    assert shown.click_marker(0) == text
    assert shown.dialogs == []
    shown.assert_clean()


def great_circle(start: tuple[float, float], end: tuple[float, float]) -> list[tuple[float, float]]:
    """(lat, lon) points along the geodesic, longitudes in [-180, 180] as pyproj gives them."""
    inner = Geod(ellps="WGS84").npts(start[1], start[0], end[1], end[0], 40)
    return [start, *((lat, lon) for lon, lat in inner), end]


def antimeridian_map(points: list[tuple[float, float]]) -> folium.Map:
    m = folium.Map(tiles="OpenStreetMap")
    folium.PolyLine(points, color="red", weight=3).add_to(m)  # type: ignore[no-untyped-call]
    for point in (points[0], points[-1]):
        folium.CircleMarker(point, radius=6, fill=True).add_to(m)
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    m.fit_bounds([(min(lats), min(lons)), (max(lats), max(lons))])
    return m


def test_route_across_antimeridian_is_measurably_wrong_until_unwrapped(
    tmp_path: Path, open_map: OpenMap
) -> None:
    naive = great_circle(ANCHORAGE, SHENYANG)
    lons = np.array([lon for _, lon in naive])
    assert np.abs(np.diff(lons)).max() > 180  # the jump at the antimeridian

    drawn = open_map(save(antimeridian_map(naive), tmp_path, "antimeridian_naive"))
    drawn.assert_clean()
    (line,) = drawn.path_bboxes()
    assert line.width > drawn.world_width_px() / 2
    drawn.screenshot("harness_antimeridian_naive")

    unwrapped_lons = np.degrees(np.unwrap(np.radians(lons)))
    unwrapped = [(lat, float(lon)) for (lat, _), lon in zip(naive, unwrapped_lons, strict=True)]
    fixed = open_map(save(antimeridian_map(unwrapped), tmp_path, "antimeridian_unwrapped"))
    fixed.assert_clean()
    (line,) = fixed.path_bboxes()
    assert line.width < fixed.world_width_px() / 2
    # The end markers moved with the line: both sit at its ends, not a world away.
    ends = sorted(box.x + box.width / 2 for box in fixed.marker_boxes())
    assert ends == pytest.approx([line.x, line.x + line.width], abs=4)
    fixed.screenshot("harness_antimeridian_unwrapped")
