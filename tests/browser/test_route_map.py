"""flightlegs maps in headless Chromium: what a person sees, offline.

Screenshots go to ``tests/browser/artifacts/`` for a human to look at.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from harness import MapPage

from flightlegs.checks.rules import check_routes
from flightlegs.core.route import Route
from flightlegs.read.inputs import read_routes
from flightlegs.reference.airports import airport_table
from flightlegs.show.maps import route_map, save_map

OpenMap = Callable[..., MapPage]  # open_map(path, **options), as the conftest fixture gives it
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "gulfstream-charter.txt"

# Leaflet layers of a kind, counted through the map object (works for canvas maps too).
_COUNT_LAYERS = """
(kind) => {
  const key = Object.keys(window).find((k) => k.startsWith('map_') && window[k] instanceof L.Map);
  let n = 0;
  window[key].eachLayer((layer) => { if (layer instanceof L[kind]) n += 1; });
  return n;
}
"""


# Open each layer's popup and tooltip, so that their HTML is put into the page.
_OPEN_EVERYTHING = """
() => {
  const key = Object.keys(window).find((k) => k.startsWith('map_') && window[k] instanceof L.Map);
  window[key].eachLayer((layer) => {
    if (layer.getPopup && layer.getPopup()) { layer.openPopup(); }
    if (layer.getTooltip && layer.getTooltip()) { layer.openTooltip(); }
  });
}
"""


def saved(tmp_path: Path, name: str, routes: list[Route], **kwargs: object) -> Path:
    reports = check_routes(routes)
    return save_map(route_map(routes, checks=reports, **kwargs), tmp_path / f"{name}.html")  # type: ignore[arg-type]


def test_charter_map(tmp_path: Path, open_map: OpenMap) -> None:
    routes = [read_routes("AZA-ELP-ANC-SHE-ICN")[0].with_aircraft("GLF5")]
    shown = open_map(saved(tmp_path, "charter", routes))
    shown.assert_clean()
    assert shown.marker_count() == 5
    assert shown.path_count() == 4
    # Drawn across the Bering Sea, not across the world through Europe
    half_world = shown.world_width_px() / 2
    widths = [box.width for box in shown.path_bboxes()]
    assert 0 < widths[2] < half_world
    assert max(widths) < half_world
    shown.screenshot("route_map_charter")
    # a popup pans the map, so the leg is clicked before the marker
    leg = shown.click_path(2)
    assert "leg 3: ANC → SHE" in leg
    assert "5,892 km · 3,182 nm" in leg
    text = shown.click_marker(2)
    assert "Stop 3: ANC" in text
    assert "Ted Stevens Anchorage International Airport" in text
    assert "runway" in text  # the checks' finding about the stop


def test_markers_sit_on_the_ends_of_the_arcs(tmp_path: Path, open_map: OpenMap) -> None:
    routes = read_routes("ANC-SHE")
    shown = open_map(saved(tmp_path, "anc-she", routes))
    shown.assert_clean()
    anc, she = shown.marker_boxes()
    (arc,) = shown.path_bboxes()
    # Shenyang is the arc's west end, Anchorage its east end (within a marker's size)
    assert abs((she.x + she.width / 2) - arc.x) < 15
    assert abs((anc.x + anc.width / 2) - (arc.x + arc.width)) < 15


def test_example_report_map(tmp_path: Path, open_map: OpenMap) -> None:
    routes = read_routes(str(EXAMPLE))
    shown = open_map(saved(tmp_path, "example", routes))
    shown.assert_clean()
    stops = routes[0].stops
    places = {(s.position.lat, s.position.lon) for s in stops if s.position}
    others = sum(len(s.candidates) - 1 for s in stops if s.is_vague)
    assert shown.marker_count() == len(places) + others
    assert shown.path_count() == len(stops) - 1
    text = shown.click_marker(0)
    assert "Arizona" in text
    assert "The jet took off from Arizona" in text  # the evidence sentence
    shown.screenshot("route_map_example")


def test_hostile_report_runs_no_script(tmp_path: Path, open_map: OpenMap) -> None:
    from flightlegs.read.report.reader import parse_report

    text = (
        "The <img src=x onerror=alert(1)> jet took off from Arizona and stopped in Texas "
        "and Alaska before reaching Shenyang. <script>alert(2)</script> `${alert(3)}` "
        "<svg onload=alert(4)> {{ 1234567 * 3 }}."
    )
    route = parse_report(text, source="<script>alert(5)</script>.txt")
    path = saved(tmp_path, "hostile", [route], title="<img src=y onerror=alert(6)>")
    shown = open_map(path)
    shown.page.evaluate(_OPEN_EVERYTHING)  # every popup and tooltip in the page, in turn
    shown.page.wait_for_timeout(300)  # an onerror handler would have run by now
    assert shown.dialogs == []
    shown.assert_clean()
    assert "<img src=y onerror=alert(6)>" in shown.page.inner_text(".fl-title")
    assert "3703701" not in shown.page.content()


def test_five_thousand_routes_load(tmp_path: Path, open_map: OpenMap) -> None:
    large = [a for a in airport_table() if a.type == "large_airport"]
    rng = np.random.default_rng(7)
    routes = [
        Route.from_airports([large[i] for i in rng.choice(len(large), 3, replace=False)])
        for _ in range(5000)
    ]
    path = save_map(route_map(routes), tmp_path / "many.html")
    shown = open_map(path)
    shown.assert_clean()
    # 10,000 legs, and a second copy of those that run out of the longitude window
    assert 10_000 <= shown.page.evaluate(_COUNT_LAYERS, "Polyline") < 12_000
    assert shown.page.evaluate(_COUNT_LAYERS, "CircleMarker") > 100
    shown.screenshot("route_map_5000")


@pytest.mark.parametrize("tiles", ["OpenStreetMap.Mapnik", "Esri.WorldImagery"])
def test_other_tiles_are_served_offline(tmp_path: Path, open_map: OpenMap, tiles: str) -> None:
    shown = open_map(saved(tmp_path, tiles, read_routes("AZA-ELP"), tiles=tiles))
    shown.assert_clean()
    assert shown.tiles_served > 0


_MAP = "window[Object.keys(window).find((k) => k.startsWith('map_'))]"

# Map boxes, measured in the page: the legend and an open popup.
_BOX = (
    "(selector) => { const r = document.querySelector(selector).getBoundingClientRect(); "
    "return [r.left, r.top, r.right, r.bottom]; }"
)


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_popups_open_clear_of_the_legend_and_link_their_source(
    tmp_path: Path, open_map: OpenMap
) -> None:
    from dataclasses import replace

    from flightlegs.read.report.reader import parse_report

    route = parse_report(EXAMPLE.read_text(encoding="utf-8"), source=str(EXAMPLE))
    route = replace(route, source="https://news.example.org/charter?id=1&x=<b>")
    shown = open_map(saved(tmp_path, "popups", [route]), viewport={"width": 900, "height": 600})
    shown.assert_clean()
    legend = shown.page.evaluate(_BOX, ".fl-legend")
    title = shown.page.evaluate(_BOX, ".fl-title")
    stops = shown.page.locator(".leaflet-marker-pane > .leaflet-marker-icon").count()
    assert stops >= 5
    opening = shown.page.evaluate(
        f"() => {{ const m = {_MAP}; return [m.getCenter(), m.getZoom()]; }}"
    )
    for index in range(stops - 1, -1, -1):  # the last stops' popups are the longest
        # each from the opening view (a popup's pan can push the next marker under a box)
        reset = f"([c, z]) => {{ {_MAP}.closePopup().setView(c, z, {{animate: false}}); }}"
        shown.page.evaluate(reset, opening)
        shown.click_marker(index)
        shown.page.wait_for_timeout(350)  # the pan that makes room ends
        popup = shown.page.evaluate(_BOX, ".leaflet-popup-content-wrapper")
        assert not _overlap(popup, legend), f"marker {index}'s popup is under the legend"
        assert not _overlap(popup, title), f"marker {index}'s popup is under the title"
    shown.screenshot("popup_clear_of_legend")
    link = shown.page.locator(".leaflet-popup-content a").first
    assert link.get_attribute("href") == "https://news.example.org/charter?id=1&x="
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert link.get_attribute("target") == "_blank"


def test_opening_view_holds_the_rings(tmp_path: Path, open_map: OpenMap) -> None:
    routes = read_routes("AZA-ELP")
    path = saved(tmp_path, "rings", routes, rings_from=["1000nm@ELP", "1500km@JFK"])
    shown = open_map(path, tiles="offline")
    shown.assert_clean()
    inside = shown.page.evaluate(
        """() => {
      const key = Object.keys(window).find((k) => k.startsWith('map_'));
      const map = window[key], view = map.getBounds(), out = [];
      map.eachLayer((l) => {
        if (l instanceof L.Polyline && l.options.dashArray === '6 6') {
          out.push(view.contains(l.getBounds()));
        }
      });
      return out;
    }"""
    )
    assert inside == [True, True]
    shown.screenshot("rings_view")
