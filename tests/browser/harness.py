"""Open folium maps in headless Chromium with no network: the shared code of the browser tests.

Imported by ``tests/browser/conftest.py`` (pytest fixtures) and by
``benchmarks/bench_browser_map.py``. Nothing here imports flightlegs.

Every request a map makes is answered locally by :class:`AssetResolver`:

* CDN URLs (jsdelivr, cdnjs, code.jquery.com, netdna) from the npm packages pinned in
  ``package.json`` and installed into ``node_modules/`` by ``.ci/install-browser.sh``,
  including what their CSS pulls in (fonts, marker sprites, ``layers.png``);
* map tiles (any ``.../{z}/{x}/{y}[.png]`` or WMS ``GetMap``) with one blank 256x256 PNG;
* two files that are in no npm package are generated: folium's
  ``leaflet.awesome.rotate.min.css`` (only ``.fa-rotate-N`` rules) and the glyphicons-only
  ``bootstrap-glyphicons.css`` of bootstrap 3.0.0 (cut out of bootstrap 3.4.1).

A URL the resolver cannot answer is aborted and recorded in ``MapPage.unserved_urls``, so a
folium upgrade that adds an asset fails a test instead of reaching for the network.
"""

from __future__ import annotations

import json
import os
import re
import struct
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import (
        Browser,
        ConsoleMessage,
        Dialog,
        Page,
        Playwright,
        Request,
        Route,
        ViewportSize,
    )

__all__ = [
    "ARTIFACTS",
    "CHROMIUM_ARGS",
    "INSTALL_HINT",
    "NODE_MODULES",
    "AssetResolver",
    "Box",
    "MapPage",
    "RecordedDialog",
    "Served",
    "chromium_executable",
    "default_resolver",
    "is_tile_url",
    "launch_chromium",
    "missing_requirements",
    "open_map",
]

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE / "node_modules"
PACKAGE_JSON = HERE / "package.json"
ARTIFACTS = HERE / "artifacts"
INSTALL_HINT = "run `bash .ci/install-browser.sh` (as root) to install Chromium and the npm assets"

DEFAULT_CHROMIUM = "/usr/bin/chromium"
VIEWPORT: ViewportSize = {"width": 1024, "height": 768}

# Playwright already gives each launch a fresh temporary profile (--user-data-dir) and
# adds --no-sandbox unless chromium_sandbox=True; it is repeated here because the
# sandbox cannot start as root. The rest keeps Chromium from talking to Google's
# services, and the host-resolver rule makes any request that slipped past page.route
# fail with ERR_NAME_NOT_RESOLVED instead of leaving the machine.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--metrics-recording-only",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)

_CONTENT_TYPES = {
    ".js": "application/javascript",
    ".css": "text/css",
    ".png": "image/png",
    ".gif": "image/gif",
    ".jpg": "image/jpeg",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".eot": "application/vnd.ms-fontobject",
    ".json": "application/json",
    ".html": "text/html",
}

_TILE_PATH = re.compile(r"/\d+/\d+/\d+(?:@\dx)?(?:\.(?:png|jpe?g|webp))?$", re.IGNORECASE)
_WMS_QUERY = re.compile(r"(?:^|&)request=getmap(?:&|$)", re.IGNORECASE)


def is_tile_url(url: str) -> bool:
    """Tell whether *url* asks for a map tile: ``.../{z}/{x}/{y}[@2x][.png]`` or WMS GetMap."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return False
    return bool(_TILE_PATH.search(parts.path) or _WMS_QUERY.search(parts.query))


def _blank_png(size: int = 256, rgb: tuple[int, int, int] = (248, 248, 246)) -> bytes:
    """Encode a one-colour square PNG (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * size, 9))
        + chunk(b"IEND", b"")
    )


BLANK_TILE = _blank_png()


@dataclass(frozen=True, slots=True)
class Served:
    """A response body and its content type."""

    body: bytes
    content_type: str


def _served_file(path: Path) -> Served:
    return Served(path.read_bytes(), _CONTENT_TYPES.get(path.suffix, "application/octet-stream"))


def _awesome_rotate_css() -> bytes:
    # folium's Icon(angle=N) adds the class fa-rotate-N; its CSS file is nothing more.
    rules = (
        f".fa-rotate-{a}{{-webkit-transform:rotate({a}deg);transform:rotate({a}deg)}}"
        for a in range(-359, 360)
    )
    return "\n".join(rules).encode()


_CSS_RULE = re.compile(r"\s*([^{}]+?)\s*\{[^{}]*\}")


def _glyphicons_css(bootstrap3_css: str) -> bytes:
    """Cut the glyphicon @font-face and ``.glyphicon*`` rules out of bootstrap 3's CSS.

    Serving the whole bootstrap 3 stylesheet would restyle the page over bootstrap 5.
    """
    start = bootstrap3_css.find("@font-face")
    if start < 0:
        raise ValueError("bootstrap 3 CSS has no @font-face: cannot build bootstrap-glyphicons.css")
    kept: list[str] = []
    for match in _CSS_RULE.finditer(bootstrap3_css, start):
        selectors = [s.strip() for s in match.group(1).split(",")]
        if selectors == ["@font-face"] or all(s.startswith(".glyphicon") for s in selectors):
            kept.append(match.group(0).strip())
        else:
            break
    if len(kept) < 100:
        raise ValueError(f"found only {len(kept)} glyphicon rules in bootstrap 3 CSS")
    return "\n".join(kept).encode()


def _package_index(node_modules: Path) -> dict[tuple[str, str], Path]:
    """Map (package name, version) to its folder, for every top-level npm package."""
    index: dict[tuple[str, str], Path] = {}
    if not node_modules.is_dir():
        return index
    folders = [p for p in node_modules.iterdir() if not p.name.startswith(".")]
    folders += [p for scope in node_modules.glob("@*") for p in scope.iterdir()]
    for folder in folders:
        manifest = folder / "package.json"
        if manifest.is_file():
            meta = json.loads(manifest.read_text(encoding="utf-8"))
            index[(meta["name"], meta["version"])] = folder
    return index


class AssetResolver:
    """Answer the URLs a folium map requests from local files, or say it cannot.

    Each CDN has one rule: a pattern and the method that turns a match into a file.
    Add a rule here (and a package to ``package.json``) when a test's map needs an
    asset that is reported as unserved.
    """

    # jsdelivr also builds a missing *.min.js / *.min.css on the fly from the plain file,
    # which is how folium can name leaflet.fullscreen's Control.FullScreen.min.js and
    # leaflet-measure's leaflet-measure.min.css, neither of which is in its npm package.
    _JSDELIVR_NPM = re.compile(
        r"https://cdn\.jsdelivr\.net/npm/(@[^/@]+/[^/@]+|[^/@]+)@([^/]+)/(.+)"
    )
    # GitHub repositories whose tagged releases are the same files as an npm package.
    _JSDELIVR_GH = re.compile(r"https://cdn\.jsdelivr\.net/gh/([^/@]+/[^/@]+)@([^/]+)/(.+)")
    _GH_TO_NPM: ClassVar[dict[str, str]] = {"ljagis/leaflet-measure": "leaflet-measure"}
    _FOLIUM_TEMPLATES = re.compile(
        r"https://cdn\.jsdelivr\.net/gh/python-visualization/folium(?:@[^/]+)?/folium/templates/([^/]+)"
    )
    _JQUERY = re.compile(r"https://code\.jquery\.com/jquery-(\d+\.\d+\.\d+)((?:\.min)?\.js)")
    _AWESOME_MARKERS = re.compile(
        r"https://cdnjs\.cloudflare\.com/ajax/libs/Leaflet\.awesome-markers/([^/]+)/(.+)"
    )
    # bootstrap 3.0.0's separate glyphicons stylesheet; 3.0.0 is not on npm, 3.4.1 is.
    _GLYPHICONS = re.compile(
        r"https://netdna\.bootstrapcdn\.com/bootstrap/3\.0\.0/(css|fonts)/(.+)"
    )
    _GLYPHICONS_FROM = ("bootstrap", "3.4.1")

    def __init__(self, node_modules: Path = NODE_MODULES) -> None:
        self.node_modules = node_modules
        self.packages = _package_index(node_modules)
        self._cache: dict[str, Served | None] = {}
        self._rules: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Served | None]], ...]
        self._rules = (
            (self._FOLIUM_TEMPLATES, self._folium_template),
            (self._JSDELIVR_NPM, self._jsdelivr_npm),
            (self._JSDELIVR_GH, self._jsdelivr_gh),
            (self._JQUERY, self._jquery),
            (self._AWESOME_MARKERS, self._awesome_markers),
            (self._GLYPHICONS, self._glyphicons),
        )

    def resolve(self, url: str) -> Served | None:
        """Return what to answer *url* with, or None when it cannot be served locally."""
        if is_tile_url(url):
            return Served(BLANK_TILE, "image/png")
        bare = url.split("#", 1)[0].split("?", 1)[0]
        if bare not in self._cache:
            self._cache[bare] = self._resolve_asset(bare)
        return self._cache[bare]

    def _resolve_asset(self, url: str) -> Served | None:
        for pattern, handler in self._rules:
            match = pattern.fullmatch(url)
            if match:
                return handler(match)
        return None

    def _package_file(self, name: str, version: str, relative: str) -> Served | None:
        folder = self.packages.get((name, version))
        if folder is None:
            return None
        candidates = [relative]
        if ".min." in relative:
            candidates.append(relative.replace(".min.", ".", 1))
        root = folder.resolve()
        for candidate in candidates:
            path = (folder / candidate).resolve()
            if path.is_relative_to(root) and path.is_file():
                return _served_file(path)
        return None

    def _jsdelivr_npm(self, match: re.Match[str]) -> Served | None:
        name, version, relative = match.groups()
        return self._package_file(name, version, relative)

    def _jsdelivr_gh(self, match: re.Match[str]) -> Served | None:
        repo, version, relative = match.groups()
        name = self._GH_TO_NPM.get(repo)
        return None if name is None else self._package_file(name, version, relative)

    def _folium_template(self, match: re.Match[str]) -> Served | None:
        filename = match.group(1)
        if filename == "leaflet.awesome.rotate.min.css":
            return Served(_awesome_rotate_css(), "text/css")
        import folium  # only for the files folium ships itself (heat map plugins)

        shipped = Path(folium.__file__).parent / "templates" / filename
        return _served_file(shipped) if shipped.is_file() else None

    def _jquery(self, match: re.Match[str]) -> Served | None:
        version, suffix = match.groups()
        return self._package_file("jquery", version, f"dist/jquery{suffix}")

    def _awesome_markers(self, match: re.Match[str]) -> Served | None:
        version, relative = match.groups()
        # cdnjs lays the files out flat; the npm copy keeps js/ and css/ (with css/images/).
        folder = "js" if relative.endswith(".js") else "css"
        package = "drmonty-leaflet-awesome-markers"
        return self._package_file(package, version, f"{folder}/{relative}")

    def _glyphicons(self, match: re.Match[str]) -> Served | None:
        kind, relative = match.groups()
        name, version = self._GLYPHICONS_FROM
        if kind == "fonts":
            return self._package_file(name, version, f"dist/fonts/{relative}")
        if relative != "bootstrap-glyphicons.css":
            return None
        css = self._package_file(name, version, "dist/css/bootstrap.css")
        if css is None:
            return None
        return Served(_glyphicons_css(css.body.decode("utf-8")), "text/css")


@cache
def default_resolver() -> AssetResolver:
    """One resolver over ``tests/browser/node_modules``, shared by all maps of a process."""
    return AssetResolver()


def chromium_executable() -> Path:
    """Return the Chromium to drive: ``$FLIGHTLEGS_CHROMIUM`` or Debian's ``/usr/bin/chromium``."""
    return Path(os.environ.get("FLIGHTLEGS_CHROMIUM") or DEFAULT_CHROMIUM)


def _pinned_packages() -> dict[str, tuple[str, str]]:
    """Map each folder name in node_modules to the (package, version) package.json pins."""
    dependencies: dict[str, str] = json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))[
        "dependencies"
    ]
    pinned = {}
    for folder, spec in dependencies.items():
        if spec.startswith("npm:"):  # an alias: "bootstrap3": "npm:bootstrap@3.4.1"
            name, _, version = spec[len("npm:") :].rpartition("@")
        else:
            name, version = folder, spec
        pinned[folder] = (name, version)
    return pinned


def missing_requirements() -> list[str]:
    """List what the browser tests need and do not find; empty when all is there."""
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright Python package (pip install playwright)")
    chromium = chromium_executable()
    if not (chromium.is_file() and os.access(chromium, os.X_OK)):
        missing.append(f"Chromium at {chromium}")
    for folder, (name, version) in _pinned_packages().items():
        manifest = NODE_MODULES / folder / "package.json"
        installed = None
        if manifest.is_file():
            meta = json.loads(manifest.read_text(encoding="utf-8"))
            installed = (meta.get("name"), meta.get("version"))
        if installed != (name, version):
            found = f"{installed[0]}@{installed[1]}" if installed else "nothing"
            missing.append(f"npm {name}@{version} in {NODE_MODULES / folder} (found {found})")
    return missing


def launch_chromium(playwright: Playwright) -> Browser:
    """Launch headless Chromium kept off the network (see ``CHROMIUM_ARGS``)."""
    return playwright.chromium.launch(
        executable_path=str(chromium_executable()),
        headless=True,
        args=list(CHROMIUM_ARGS),
    )


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on screen, in CSS pixels from the viewport's top left corner."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class RecordedDialog:
    """An alert, confirm, prompt or beforeunload dialog the page opened (then dismissed)."""

    type: str
    message: str


# JavaScript run in the page. folium assigns each map to a global `map_<hex>`.
_FIND_MAP = """
() => {
  if (!window.L) return null;
  for (const key of Object.keys(window)) {
    if (key.startsWith('map_') && window[key] instanceof L.Map) return window[key];
  }
  return null;
}
"""
_MAP_READY = f"() => {{ const map = ({_FIND_MAP})(); return Boolean(map && map._loaded); }}"
# Icon markers: Leaflet's own (.leaflet-marker-icon) and awesome-markers (.awesome-marker,
# whose class list has leaflet-marker-icon-<colour> but not leaflet-marker-icon).
_ICON_MARKERS = (
    ".leaflet-marker-pane > .leaflet-marker-icon, .leaflet-marker-pane > .awesome-marker"
)
# SVG paths split into circle markers and the rest (lines, polygons), using Leaflet's layers.
_PATHS = f"""
() => {{
  const map = ({_FIND_MAP})();
  const circles = new Set();
  map.eachLayer((layer) => {{
    if (layer instanceof L.CircleMarker && layer._path) circles.add(layer._path);
  }});
  const all = Array.from(document.querySelectorAll('.leaflet-pane svg path'));
  return {{
    lines: all.filter((p) => !circles.has(p)),
    circles: all.filter((p) => circles.has(p)),
  }};
}}
"""
_SCREEN_BOX = """
(el) => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }
"""
# A point half-way along an SVG path, in viewport pixels: clicking it hits the stroke.
_MIDPOINT = """
(el) => {
  const p = el.getPointAtLength(el.getTotalLength() / 2);
  const m = el.getScreenCTM();
  return [p.x * m.a + p.y * m.c + m.e, p.x * m.b + p.y * m.d + m.f];
}
"""


@dataclass(eq=False)
class MapPage:
    """One map opened in the browser, with everything it did that a test may assert on."""

    page: Page
    html_path: Path
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    unserved_urls: list[str] = field(default_factory=list)
    dialogs: list[RecordedDialog] = field(default_factory=list)
    tiles_served: int = 0
    tiles_refused: int = 0
    """Tiles answered as if the network were down (``open_map(..., tiles="offline")``)."""
    asset_requests: list[str] = field(default_factory=list)
    """Every URL the page asked for that is not a tile (a self-contained map asks for none)."""
    ready_seconds: float = float("nan")
    """From navigation start until the Leaflet map exists and has a view."""
    idle_seconds: float = float("nan")
    """From navigation start until the last request ended (none followed for 500 ms)."""

    # --- what the page did -------------------------------------------------------------

    def problems(self) -> list[str]:
        """Everything that makes the map unclean, one line each."""
        return (
            [f"console error: {m}" for m in self.console_errors]
            + [f"page error: {m}" for m in self.page_errors]
            + [f"failed request: {m}" for m in self.failed_requests]
            + [f"unserved URL (teach tests/browser/harness.py): {u}" for u in self.unserved_urls]
            + [f"dialog: {d.type}({d.message!r})" for d in self.dialogs]
        )

    def assert_clean(self) -> None:
        """Fail unless the map loaded without errors, unserved URLs or dialogs."""
        problems = self.problems()
        if problems:
            raise AssertionError(f"{self.html_path.name}:\n  " + "\n  ".join(problems))

    # --- what a person sees ------------------------------------------------------------

    def zoom(self) -> float:
        """Return the map's current zoom level."""
        return float(self.page.evaluate(f"() => ({_FIND_MAP})().getZoom()"))

    def world_width_px(self) -> float:
        """Return the width of one copy of the world at the current zoom (256 * 2**zoom)."""
        return 256.0 * float(2.0 ** self.zoom())  # typeshed: float ** float may be complex

    def marker_count(self) -> int:
        """Count icon markers (Leaflet's and awesome-markers) plus circle markers."""
        icons = self.page.locator(_ICON_MARKERS).count()
        return icons + self.circle_marker_count()

    def circle_marker_count(self) -> int:
        """Count circle markers (drawn as SVG paths)."""
        return int(self.page.evaluate(f"() => ({_PATHS})().circles.length"))

    def path_count(self) -> int:
        """Count SVG paths that are not circle markers: lines and polygons.

        Maps drawn with ``prefer_canvas=True`` have no SVG paths and count 0.
        """
        return int(self.page.evaluate(f"() => ({_PATHS})().lines.length"))

    def _circles(self) -> list[Any]:
        handle = self.page.evaluate_handle(f"() => ({_PATHS})().circles")
        elements = [p.as_element() for p in handle.get_properties().values()]
        return [e for e in elements if e is not None]

    def marker_boxes(self) -> list[Box]:
        """Return the on-screen box of each marker, in the order of :meth:`click_marker`."""
        icons = self.page.locator(_ICON_MARKERS).element_handles()
        return [Box(*el.evaluate(_SCREEN_BOX)) for el in icons + self._circles()]

    def _lines(self) -> list[Any]:
        handle = self.page.evaluate_handle(f"() => ({_PATHS})().lines")
        elements = [p.as_element() for p in handle.get_properties().values()]
        return [e for e in elements if e is not None]

    def path_bboxes(self) -> list[Box]:
        """Return the on-screen bounding box of each path counted by :meth:`path_count`.

        Leaflet clips paths to the view (plus 10%), so widths are only meaningful for a
        path that is in view, e.g. after ``fit_bounds`` on it.
        """
        return [Box(*el.evaluate(_SCREEN_BOX)) for el in self._lines()]

    def _open_popup_text(self, click: Callable[[], None]) -> str:
        self.page.evaluate(f"() => ({_FIND_MAP})().closePopup()")
        click()
        content = self.page.locator(".leaflet-popup-pane .leaflet-popup-content").last
        content.wait_for(state="visible", timeout=5_000)
        return content.inner_text()

    def click_marker(self, index: int) -> str:
        """Click marker *index* (icon markers in DOM order, then circle markers) and
        return the text of the popup it opens."""
        icons = self.page.locator(_ICON_MARKERS)
        icon_count = icons.count()
        if index < icon_count:
            return self._open_popup_text(lambda: icons.nth(index).click())
        circles = self._circles()
        if index - icon_count >= len(circles):
            raise IndexError(f"no marker {index}: the map has {icon_count + len(circles)}")
        x, y, width, height = circles[index - icon_count].evaluate(_SCREEN_BOX)
        return self._open_popup_text(lambda: self.page.mouse.click(x + width / 2, y + height / 2))

    def click_path(self, index: int) -> str:
        """Click half-way along path *index* (as in :meth:`path_bboxes`) and return the
        text of the popup it opens."""
        lines = self._lines()
        if index >= len(lines):
            raise IndexError(f"no path {index}: the map has {len(lines)}")
        x, y = lines[index].evaluate(_MIDPOINT)
        return self._open_popup_text(lambda: self.page.mouse.click(x, y))

    def screenshot(self, name: str) -> Path:
        """Save a PNG of the viewport as ``tests/browser/artifacts/<name>.png``."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / (re.sub(r"[^\w.-]+", "_", name) + ".png")
        # animations="disabled" finishes fades (popups) and zoom transitions first.
        self.page.screenshot(path=str(path), animations="disabled")
        return path

    def close(self) -> None:
        """Close the page and its browser context."""
        self.page.context.close()


_NEXT_FRAME = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"


class _NetworkQuiet:
    """Track the page's requests in flight, to wait until there has been none for a while.

    Playwright's own ``networkidle`` relies on a Chromium lifecycle event that never came
    for a map of 20,000 GeoJSON lines, although every request had ended.
    """

    def __init__(self, page: Page) -> None:
        self.in_flight: set[Request] = set()
        self.quiet_since = time.perf_counter()
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    def _started(self, request: Request) -> None:
        self.in_flight.add(request)

    def _ended(self, request: Request) -> None:
        self.in_flight.discard(request)
        if not self.in_flight:
            self.quiet_since = time.perf_counter()

    def wait(self, page: Page, quiet: float = 0.5, timeout: float = 30.0) -> float:
        """Wait until no request has been in flight for *quiet* seconds; return since when."""
        deadline = time.perf_counter() + timeout
        while True:
            now = time.perf_counter()
            if not self.in_flight and now - self.quiet_since >= quiet:
                return self.quiet_since
            if now > deadline:
                busy = ", ".join(sorted(r.url for r in self.in_flight)[:5])
                raise TimeoutError(f"requests still in flight after {timeout:.0f} s: {busy}")
            page.wait_for_timeout(50)  # lets Playwright deliver the request events


def open_map(
    browser: Browser,
    html_path: Path | str,
    *,
    resolver: AssetResolver | None = None,
    viewport: ViewportSize | None = None,
    tiles: str = "blank",
    ready_in_frame: bool = False,
) -> MapPage:
    """Open the map at *html_path* in a fresh context, serve it offline, wait until ready.

    Returns once the Leaflet map exists, no request has been in flight for 500 ms and a
    frame has been drawn. Errors are recorded on the returned :class:`MapPage`, not
    raised: call :meth:`MapPage.assert_clean`.

    ``tiles="blank"`` answers tiles with a blank PNG; ``tiles="offline"`` fails them as a
    cut network would (and does not count that as a failed request), so what lies under
    the tiles shows. ``ready_in_frame`` waits for the map in the page's first iframe
    (a notebook cell's ``srcdoc``) instead of the page itself.
    """
    if tiles not in ("blank", "offline"):
        raise ValueError(f"tiles={tiles!r}: expected 'blank' or 'offline'")
    resolver = resolver or default_resolver()
    html_path = Path(html_path).resolve()
    map_url = html_path.as_uri()
    context = browser.new_context(viewport=viewport or VIEWPORT)
    page = context.new_page()
    result = MapPage(page=page, html_path=html_path)

    def handle(route: Route, request: Request) -> None:
        url = request.url
        if url == map_url:
            route.continue_()
            return
        if is_tile_url(url) and tiles == "offline":
            result.tiles_refused += 1
            route.abort("internetdisconnected")
            return
        if not is_tile_url(url):
            result.asset_requests.append(url)
        served = resolver.resolve(url)
        if served is None:
            result.unserved_urls.append(url)
            route.abort("blockedbyclient")
            return
        if is_tile_url(url):
            result.tiles_served += 1
        # Fonts and crossOrigin tiles need CORS: the page is file://, the assets are not.
        route.fulfill(
            status=200,
            body=served.body,
            content_type=served.content_type,
            headers={"Access-Control-Allow-Origin": "*"},
        )

    def on_failed(request: Request) -> None:
        failure = request.failure or "unknown error"
        # Leaflet cancels tiles that a fitBounds or zoom made stale.
        if "ERR_ABORTED" in failure and is_tile_url(request.url):
            return
        if tiles == "offline" and is_tile_url(request.url):
            return
        result.failed_requests.append(f"{request.url}: {failure}")

    def on_console(message: ConsoleMessage) -> None:
        # the console's own line for each tile refused on purpose
        if tiles == "offline" and "ERR_INTERNET_DISCONNECTED" in message.text:
            return
        if message.type == "error":
            result.console_errors.append(message.text)

    def on_dialog(dialog: Dialog) -> None:
        result.dialogs.append(RecordedDialog(dialog.type, dialog.message))
        dialog.dismiss()

    network = _NetworkQuiet(page)
    page.route("**/*", handle)
    page.on("console", on_console)
    page.on("pageerror", lambda e: result.page_errors.append(str(e)))
    page.on("requestfailed", on_failed)
    page.on("dialog", on_dialog)

    from playwright.sync_api import Error as PlaywrightError

    start = time.perf_counter()
    try:
        page.goto(map_url, wait_until="load")
        if ready_in_frame:
            page.wait_for_function("() => window.frames.length > 0", timeout=15_000)
            page.frames[1].wait_for_function(_MAP_READY, timeout=15_000)
        else:
            page.wait_for_function(_MAP_READY, timeout=15_000)
        result.ready_seconds = time.perf_counter() - start
        quiet_since = network.wait(page)
        result.idle_seconds = max(quiet_since - start, result.ready_seconds)
        page.evaluate(_NEXT_FRAME)
    except (PlaywrightError, TimeoutError) as error:
        problems = "\n  ".join(result.problems()) or "(no errors recorded)"
        context.close()
        message = f"{html_path.name} never became a ready map: {error}\n  {problems}"
        raise AssertionError(message) from error
    return result
