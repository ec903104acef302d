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

OpenMap = Callable[[Path | str], MapPage]
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
