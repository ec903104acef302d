"""The notebooks run top to bottom, offline, and are committed without outputs.

Each notebook is executed with nbclient in the ``python3`` kernel from the
``notebooks/`` folder (its paths are relative to it), as Jupyter would run it.
The execution tests carry the ``notebook`` marker: ``pytest -m "not notebook"``
leaves them out. The check that committed notebooks are stripped is static and
always runs.
"""

from __future__ import annotations

import concurrent.futures
import html
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
CELL_TIMEOUT_S = 120
RUN_METADATA = {"execution", "ExecuteTime"}  # what running a notebook adds to a cell

# Lines of legs each notebook's map must draw in the browser: the charter's six stops make
# five legs; examples/many-flights.csv holds 220 routes of 425 legs (as the map's subtitle
# says), one of which runs out of the map's longitude window and is drawn again one world
# away, so that both its ends meet their markers.
EXPECTED_LEGS = {"01-gulfstream-charter": 5, "02-many-flights": 426}

# Printed text each notebook must show, beyond a table and a map: the point of its story.
EXPECTED_TEXT = {
    "01-gulfstream-charter": ["verdict: ", "Shenyang → US direct: "],
    "02-many-flights": ["220 flights, ", "::error file=", "would exit with status 1"],
}


def _executed(path: Path) -> Any:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    return notebook


def _outputs(notebook: Any) -> list[Any]:
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]


def test_there_are_notebooks() -> None:
    assert [p.stem for p in PATHS] == sorted(EXPECTED_TEXT)


@pytest.mark.notebook
@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_notebook_runs_and_shows_tables_and_a_map(path: Path, tmp_path: Path) -> None:
    notebook = _executed(path)
    outputs = _outputs(notebook)
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"]

    pages = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="dataframe"' in page for page in pages), "no DataFrame shown"
    maps = [html.unescape(page) for page in pages if "<iframe srcdoc=" in page]
    assert len(maps) == 1, f"expected one inline map, found {len(maps)}"
    assert '<meta name="generator" content="flightlegs' in maps[0]
    assert "L.map(" in maps[0]

    printed = "".join(o.text for o in outputs if o.output_type == "stream")
    for text in EXPECTED_TEXT[path.stem]:
        assert text in printed

    # the map in the cell's iframe, as a browser draws it: every leg, not a placeholder's one
    (cell,) = [page for page in pages if "<iframe srcdoc=" in page]
    page = re.search(r'<iframe srcdoc="([^"]*)"', cell)
    assert page, "the map's cell output holds no iframe srcdoc"
    drawn = _legs_drawn(html.unescape(page.group(1)), tmp_path)
    assert drawn == EXPECTED_LEGS[path.stem]


def _legs_drawn(page: str, folder: Path) -> int:
    """Legs (Leaflet lines off the basemap and range rings) the page draws in Chromium."""
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    import harness

    missing = harness.missing_requirements()
    if missing:
        reason = "counting legs needs " + "; ".join(missing)
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    path = folder / "cell.html"
    path.write_text(page, encoding="utf-8")

    def count() -> int:
        with sync_playwright() as playwright:
            browser = harness.launch_chromium(playwright)
            try:
                shown = harness.open_map(browser, path, tiles="offline")
                shown.assert_clean()
                return int(shown.page.evaluate(_COUNT_LEGS))
            finally:
                browser.close()

    # Playwright's sync API refuses a thread with a running asyncio loop, which the
    # notebook kernel's client can leave behind; a fresh thread has none.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(count).result()


_COUNT_LEGS = """
() => {
  const key = Object.keys(window).find((k) => k.startsWith('map_') && window[k] instanceof L.Map);
  let legs = 0;
  window[key].eachLayer((layer) => {
    const ring = layer.options && layer.options.dashArray === '6 6';
    if (layer instanceof L.Polyline && layer.options.pane !== 'flBasemap' && !ring) legs += 1;
  });
  return legs;
}
"""


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_committed_notebook_is_stripped(path: Path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    dirty = [
        number
        for number, cell in enumerate(notebook["cells"], start=1)
        if cell["cell_type"] == "code"
        and (
            cell["outputs"]
            or cell["execution_count"] is not None
            or RUN_METADATA & cell["metadata"].keys()
        )
    ]
    assert not dirty, (
        f"{path.name}: cells {dirty} hold outputs or execution counts; "
        f"run python scripts/strip_notebooks.py {path.relative_to(ROOT)}"
    )
