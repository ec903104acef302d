"""One map, every way a user shows it, the same features drawn: in Chromium, offline.

A map of 1, 50, 51 (the first with one GeoJSON layer) and 5,000 routes is shown through
each path a user has: ``save_map``, folium's own ``m.save()``, Jupyter's ``_repr_html_``
(the page in its iframe's ``srcdoc``) and the ``flightlegs map`` command. Each page must
draw every leg and stop the map object holds, with the network cut off (tiles aborted),
and the self-contained page must ask for nothing at all.
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import folium
import numpy as np
import pytest
from harness import MapPage

from flightlegs.cli.main import main
from flightlegs.core.route import Route, Stop
from flightlegs.reference.airports import airport_table
from flightlegs.show.maps import route_map, save_map

OpenMap = Callable[..., MapPage]
SIZES = (1, 50, 51, 5000)
PATHS = ("save_map", "m.save", "_repr_html_", "cli")

# Leaflet layers drawn on the map, by kind, leaving out the basemap's own two layers.
COUNT_DRAWN = """
() => {
  const key = Object.keys(window).find((k) => k.startsWith('map_') && window[k] instanceof L.Map);
  const counts = {legs: 0, stops: 0, basemap: 0};
  window[key].eachLayer((layer) => {
    if (layer instanceof L.Renderer) return;
    if (layer.options && layer.options.pane === 'flBasemap') counts.basemap += 1;
    else if (layer instanceof L.Marker || layer instanceof L.CircleMarker) counts.stops += 1;
    else if (layer instanceof L.Polyline && layer.getLatLngs().length) counts.legs += 1;
  });
  return counts;
}
"""


def random_routes(count: int, seed: int = 11) -> list[Route]:
    large = [a for a in airport_table() if a.type == "large_airport" and a.icao]
    rng = np.random.default_rng(seed)
    routes = []
    for i in range(count):
        picks = rng.choice(len(large), size=int(rng.integers(2, 4)), replace=False)
        routes.append(Route.from_airports([large[j] for j in picks], name=f"flight {i + 1}"))
    return routes


def walk(element: Any) -> Iterator[Any]:
    yield element
    for child in element._children.values():
        yield from walk(child)


def held(m: folium.Map) -> dict[str, int]:
    """The legs and stops the map object holds, as the browser should draw them."""
    counts = {"legs": 0, "stops": 0}
    for element in walk(m):
        if isinstance(element, folium.GeoJson) and element.layer_name in ("Legs", "Stops"):
            counts[element.layer_name.lower()] += len(element.data["features"])
        elif isinstance(element, folium.FeatureGroup) and element.layer_name == "Legs":
            counts["legs"] += sum(type(e) is folium.PolyLine for e in walk(element))
        elif isinstance(element, folium.FeatureGroup) and element.layer_name == "Stops":
            counts["stops"] += sum(type(e) is folium.Marker for e in walk(element))
    return counts


@pytest.fixture(scope="module", params=SIZES, ids=[f"{n}-routes" for n in SIZES])
def case(request: pytest.FixtureRequest) -> tuple[list[Route], folium.Map, dict[str, int]]:
    routes = random_routes(request.param)
    m = route_map(routes, title="paths")
    return routes, m, held(m)


def _icao(stop: Stop) -> str:
    """The ICAO code of a stop of :func:`random_routes` (which picks airports that have one)."""
    airport = stop.airport
    assert airport is not None
    assert airport.icao is not None
    return airport.icao


def write_path(how: str, routes: list[Route], m: folium.Map, out: Path) -> Path:
    if how == "save_map":
        return save_map(m, out)
    if how == "m.save":
        m.save(str(out))
        return out
    if how == "_repr_html_":
        cell = m._repr_html_()
        srcdoc = re.search(r'srcdoc="([^"]*)"', cell)
        assert srcdoc, "the notebook output holds no iframe srcdoc"
        out.write_text(html.unescape(srcdoc.group(1)), encoding="utf-8")
        return out
    table = out.with_suffix(".csv")
    with table.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["name", "route"])
        for route in routes:
            writer.writerow([route.name, "-".join(_icao(s) for s in route.stops)])
    assert main(["map", str(table), "--title", "paths", "-o", str(out)]) == 0
    return out


@pytest.mark.parametrize("how", PATHS)
def test_every_path_draws_every_leg_offline(
    tmp_path: Path,
    open_map: OpenMap,
    case: tuple[list[Route], folium.Map, dict[str, int]],
    how: str,
) -> None:
    routes, m, expected = case
    assert expected["legs"] >= sum(len(r.stops) - 1 for r in routes)
    path = write_path(how, routes, m, tmp_path / "map.html")
    page = path.read_text(encoding="utf-8")
    assert not re.search(r'<(?:script|link|img)\b[^>]*(?:src|href)="https?://', page)
    shown = open_map(path, tiles="offline")
    shown.assert_clean()
    assert shown.asset_requests == [], "a self-contained map asked for files"
    drawn = shown.page.evaluate(COUNT_DRAWN)
    assert drawn == {**expected, "basemap": 2}
    if len(routes) in (1, 5000):
        shown.screenshot(f"paths_{len(routes)}_{how}")


def test_paths_give_the_same_page(tmp_path: Path) -> None:
    routes = random_routes(51)
    m = route_map(routes, title="paths")
    pages = {how: write_path(how, routes, m, tmp_path / f"{i}.html") for i, how in enumerate(PATHS)}
    texts = {how: p.read_bytes() for how, p in pages.items()}
    assert texts["save_map"] == texts["m.save"] == texts["_repr_html_"]
    # the command colours legs as `check` judges them; the page is otherwise the same size
    assert abs(len(texts["cli"]) - len(texts["save_map"])) < 0.05 * len(texts["save_map"])


def test_notebook_iframe_draws_the_map(tmp_path: Path, open_map: OpenMap) -> None:
    m = route_map(random_routes(51), title="in a notebook")
    cell = tmp_path / "cell.html"
    cell.write_text(f"<!DOCTYPE html><html><body>{m._repr_html_()}</body></html>", "utf-8")
    shown = open_map(cell, tiles="offline", ready_in_frame=True)
    shown.assert_clean()
    (frame,) = [f for f in shown.page.frames if f != shown.page.main_frame]
    assert frame.evaluate(COUNT_DRAWN) == {**held(m), "basemap": 2}
