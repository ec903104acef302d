"""Fixtures for tests that open folium maps in headless Chromium, offline.

A map test writes its HTML somewhere (``tmp_path``), opens it and asserts on what a
person would see (every test in this folder is marked ``browser`` automatically)::

    def test_route_map(tmp_path, open_map):
        path = tmp_path / "route.html"
        make_the_map().save(path)
        shown = open_map(path)
        shown.assert_clean()
        assert shown.marker_count() == 2
        assert "Anchorage" in shown.click_marker(0)

The routing, waiting and measuring code lives in ``harness.py`` (shared with
``benchmarks/bench_browser_map.py``). Without Chromium or the npm assets the tests are
skipped on a developer's machine and fail under ``CI``; ``bash .ci/install-browser.sh``
installs both.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import harness
import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder `browser`, so ``-m "not browser"`` leaves them out."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="session")
def browser_requirements() -> None:
    """Skip (developer machine) or fail (CI) when Chromium or the npm assets are missing."""
    missing = harness.missing_requirements()
    if missing:
        reason = "browser tests need " + "; ".join(missing) + f": {harness.INSTALL_HINT}"
        if _in_ci():
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def asset_resolver(browser_requirements: None) -> harness.AssetResolver:
    """The resolver that answers the maps' CDN and tile URLs from local files."""
    return harness.default_resolver()


@pytest.fixture(scope="session")
def browser(browser_requirements: None) -> Iterator[Browser]:
    """One headless Chromium for the whole session, kept off the network."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = harness.launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def open_map(
    browser: Browser, asset_resolver: harness.AssetResolver
) -> Iterator[Callable[..., harness.MapPage]]:
    """Return ``open_map(path, **options) -> MapPage``: open a saved map offline, wait until
    it is ready (options as ``harness.open_map`` takes them).

    Each map gets its own browser context, closed after the test. A URL the harness could
    not serve fails the test at teardown even if the test never looked; a test that
    provokes one on purpose clears ``unserved_urls`` after asserting on it.
    """
    opened: list[harness.MapPage] = []

    def open_one(path: Path | str, **options: Any) -> harness.MapPage:
        shown = harness.open_map(browser, path, resolver=asset_resolver, **options)
        opened.append(shown)
        return shown

    yield open_one
    unserved = [f"{m.html_path.name}: {url}" for m in opened for url in m.unserved_urls]
    for shown in opened:
        shown.close()
    if unserved:
        pytest.fail(
            "the map requested URLs the harness cannot serve offline; teach "
            "tests/browser/harness.py (and package.json) to serve them:\n  "
            + "\n  ".join(unserved),
            pytrace=False,
        )
