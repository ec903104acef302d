"""The JavaScript, CSS and basemap vendored in ``data/web/``, put inline into a map's page.

``scripts/build_map_assets.py`` builds ``data/web/`` from npm packages (versions,
licences and hashes in ``data/web/SOURCE.json``). A self-contained map carries these
files in its page instead of folium's links to CDNs, so it works with no network;
the basemap (Natural Earth land and borders, public domain) is drawn under the tiles
and shows wherever tiles cannot load.

Examples
--------
>>> sorted(FOLIUM_LINKS)[:3]
['Control.FullScreen.css', 'Control.Fullscreen.js', 'jquery']
>>> "leaflet.js" in vendored_versions()
True
"""

from __future__ import annotations

import functools
import json
from typing import Any, Final, Literal

from flightlegs.core.files import data_path

__all__ = [
    "FOLIUM_LINKS",
    "UNUSED_LINKS",
    "Assets",
    "asset_text",
    "inline_tag",
    "vendored_versions",
]

#: How a map's page gets its JavaScript and CSS: carried inline, or linked from CDNs.
Assets = Literal["inline", "cdn"]

#: folium's name of each link it puts in a page -> the vendored file that stands in for it.
FOLIUM_LINKS: Final[dict[str, str]] = {
    "leaflet": "leaflet.js",
    "jquery": "jquery.min.js",  # folium builds popups with $(`...`)[0]
    "leaflet_css": "leaflet.css",
    "Control.Fullscreen.js": "leaflet.fullscreen.js",
    "Control.FullScreen.css": "leaflet.fullscreen.css",
    "leaflet_measure_js": "leaflet-measure.js",
    "leaflet_measure_css": "leaflet-measure.css",
}

#: folium's default links that flightlegs maps never use (their markers are DivIcons,
#: not awesome-markers, and nothing is styled with Bootstrap): left out of inline pages.
UNUSED_LINKS: Final = frozenset(
    {
        "bootstrap",
        "bootstrap_css",
        "awesome_markers",
        "awesome_markers_css",
        "awesome_markers_font_css",
        "awesome_rotate_css",
        "glyphicons_css",
    }
)

# Written for flightlegs (not vendored): the basemap layer and popups kept clear of boxes.
HELPERS: Final = "flightlegs-map.js"
BASEMAP: Final = "basemap.json"


@functools.cache
def asset_text(name: str) -> str:
    """The text of a file in ``data/web/``.

    Examples
    --------
    >>> asset_text("leaflet.js").startswith("/* @preserve")
    True
    """
    return data_path(f"web/{name}").read_text(encoding="utf-8")


def inline_tag(name: str) -> str:
    """A ``<script>`` or ``<style>`` element holding the file ``name`` of ``data/web/``.

    Examples
    --------
    >>> inline_tag("leaflet.css")[:7]
    '<style>'
    """
    text = asset_text(name)
    tag = "style" if name.endswith(".css") else "script"
    if f"</{tag}" in text.lower():  # it would end the element early
        raise ValueError(f"data/web/{name} holds '</{tag}' and cannot be put inline")
    return f"<{tag}>/* {name}: see data/web/SOURCE.json */\n{text}</{tag}>"


def basemap_script(map_name: str) -> str:
    """JavaScript that draws the bundled basemap under the tiles of the map ``map_name``."""
    return f"flightlegs.basemap({map_name}, {asset_text(BASEMAP).strip()});"


@functools.cache
def vendored_versions() -> dict[str, str]:
    """Each vendored file and the npm package it came from (``"leaflet@1.9.3"``)."""
    source: dict[str, Any] = json.loads(asset_text("SOURCE.json"))
    return {name: p["package"] for p in source["packages"] for name in p["files"]}
