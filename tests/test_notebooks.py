"""The notebooks run top to bottom, offline, and are committed without outputs.

Each notebook is executed with nbclient in the ``python3`` kernel from the
``notebooks/`` folder (its paths are relative to it), as Jupyter would run it.
The execution tests carry the ``notebook`` marker: ``pytest -m "not notebook"``
leaves them out. The check that committed notebooks are stripped is static and
always runs.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
CELL_TIMEOUT_S = 120
RUN_METADATA = {"execution", "ExecuteTime"}  # what running a notebook adds to a cell

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
def test_notebook_runs_and_shows_tables_and_a_map(path: Path) -> None:
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
