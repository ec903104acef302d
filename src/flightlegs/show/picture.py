"""A still picture of a map, for publication: PNG, JPEG or PDF, drawn by headless Chromium.

The picture is the same page :func:`~flightlegs.show.maps.save_map` writes, opened in
Chromium through Playwright (the optional extra ``flightlegs[picture]``), with the
buttons (zoom, full screen, measure, layers) hidden; title, legend, scale and tile
attribution stay. Tiles load from the network when it is there; the bundled basemap
shows where they cannot. A PDF keeps legs, rings and text as vectors.

Chromium is found at ``$FLIGHTLEGS_CHROMIUM``, else Debian's ``/usr/bin/chromium``,
else Playwright's own browser (``playwright install chromium``).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Final

from flightlegs.errors import InputError, MissingDependencyError

if TYPE_CHECKING:
    import folium

__all__ = ["PICTURE_SUFFIXES", "save_picture"]

#: File suffixes a picture can be written as.
PICTURE_SUFFIXES: Final = (".png", ".jpg", ".jpeg", ".pdf")

_HIDE_BUTTONS: Final = (
    ".leaflet-control-zoom,.leaflet-control-fullscreen,.leaflet-control-measure,"
    ".leaflet-control-layers{display:none!important}"
)
# true once the map exists and no tile layer is still loading tiles
_SETTLED: Final = """() => {
  const map = Object.values(window).find((v) => window.L && v instanceof L.Map);
  if (!map || !map._loaded) return false;
  let busy = false;
  map.eachLayer((layer) => { if (layer instanceof L.GridLayer && layer.isLoading()) busy = true; });
  return !busy;
}"""
_INSTALL: Final = (
    "pictures of maps need Playwright and Chromium: pip install 'flightlegs[picture]', "
    "then apt-get install chromium (or playwright install chromium, or set "
    "FLIGHTLEGS_CHROMIUM to a Chromium)"
)


def _chromium() -> str | None:
    """The Chromium to launch, or ``None`` for Playwright's own."""
    given = os.environ.get("FLIGHTLEGS_CHROMIUM")
    if given:
        return given
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


def save_picture(
    m: folium.Map,
    path: Path | str,
    *,
    size: tuple[int, int] = (1200, 800),
    scale: float = 2.0,
    timeout_s: float = 30.0,
) -> Path:
    """Write a still picture of the map; return the path.

    Parameters
    ----------
    m
        A map from :func:`~flightlegs.show.maps.route_map`.
    path
        Where to write: ``.png``, ``.jpg``/``.jpeg`` or ``.pdf``.
    size
        Width and height of the map, in CSS pixels.
    scale
        Device pixels per CSS pixel of a PNG or JPEG (2 is sharp in print).
    timeout_s
        Longest wait for tiles, in seconds; the picture is taken then anyway.

    Raises
    ------
    InputError
        Another suffix, or a size out of range.
    MissingDependencyError
        Playwright or Chromium is missing.
    """
    from flightlegs.show.maps import render_map

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in PICTURE_SUFFIXES:
        raise InputError(
            f"{target}: cannot draw a picture as {suffix or 'a file without a suffix'}; "
            f"expected {', '.join(PICTURE_SUFFIXES)}"
        )
    width, height = size
    if not (100 <= width <= 8000 and 100 <= height <= 8000 and 0.5 <= scale <= 4):
        raise InputError(
            f"picture size {width}x{height} at scale {scale}: expected 100 to 8000 pixels "
            "a side and a scale from 0.5 to 4"
        )
    try:
        import playwright.sync_api  # noqa: F401  (imported again where it is used)
    except ImportError as err:
        raise MissingDependencyError(_INSTALL) from err

    target.parent.mkdir(parents=True, exist_ok=True)
    page = render_map(m)
    # Playwright's sync API refuses to run in a thread with an event loop (Jupyter's, or
    # another sync Playwright's): a worker thread of its own always works
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as worker:
        worker.submit(_draw, page, target, suffix, width, height, scale, timeout_s).result()
    return target


def _draw(
    page: str, target: Path, suffix: str, width: int, height: int, scale: float, timeout_s: float
) -> None:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="flightlegs-picture-") as scratch:
        page_path = Path(scratch) / "map.html"
        page_path.write_text(page, encoding="utf-8")
        with sync_playwright() as playwright:
            try:
                browser = playwright.chromium.launch(
                    executable_path=_chromium(),
                    headless=True,
                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
                )
            except PlaywrightError as err:
                raise MissingDependencyError(f"{_INSTALL} ({err.message.splitlines()[0]})") from err
            try:
                tab = browser.new_page(
                    viewport={"width": width, "height": height}, device_scale_factor=scale
                )
                tab.goto(page_path.as_uri(), wait_until="load")
                tab.add_style_tag(content=_HIDE_BUTTONS)
                # tiles that never come: the basemap is drawn beneath them
                with contextlib.suppress(PlaywrightError):
                    tab.wait_for_function(_SETTLED, timeout=timeout_s * 1000, polling=100)
                tab.wait_for_timeout(200)  # the last tiles fade in
                if suffix == ".pdf":
                    tab.emulate_media(media="screen")
                    tab.pdf(
                        path=str(target),
                        width=f"{width}px",
                        height=f"{height}px",
                        print_background=True,
                        page_ranges="1",
                    )
                else:
                    tab.screenshot(
                        path=str(target),
                        type="png" if suffix == ".png" else "jpeg",
                        animations="disabled",
                    )
            finally:
                browser.close()
