"""Strip outputs, execution counts and run metadata from Jupyter notebooks, in place.

Notebooks are committed without outputs: the test suite runs them
(``tests/test_notebooks.py``), so outputs in git would only be stale copies and
noisy diffs. Standard library only, so it runs as a pre-commit hook without
installing anything.

Usage::

    python scripts/strip_notebooks.py                 # every notebooks/*.ipynb
    python scripts/strip_notebooks.py a.ipynb b.ipynb
    python scripts/strip_notebooks.py --check         # change nothing; exit 1 if any would change

Files are written as nbformat writes them (one-space indent, sorted keys, a final
newline), so a stripped notebook saved again by Jupyter and stripped again gives
the same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# Cell metadata written by running a notebook (nbclient timings, Jupyter extensions).
RUN_METADATA = ("execution", "ExecuteTime", "collapsed", "scrolled")


def strip(notebook: Any) -> Any:
    """Return ``notebook`` (a parsed .ipynb) without outputs and run metadata.

    Raises ``ValueError`` when it is not shaped like a notebook.
    """
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    metadata = notebook.get("metadata", {}) if isinstance(notebook, dict) else None
    if not isinstance(cells, list) or not isinstance(metadata, dict):
        raise ValueError("expected a JSON object with a 'cells' list")
    for cell in cells:
        if not isinstance(cell, dict):
            raise ValueError("expected every cell to be a JSON object")
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        for key in RUN_METADATA:
            cell.get("metadata", {}).pop(key, None)
    metadata.pop("widgets", None)
    language = metadata.get("language_info")
    if isinstance(language, dict) and "name" in language:
        # Jupyter adds the Python version and lexer names on save: they change per machine.
        metadata["language_info"] = {"name": language["name"]}
    return notebook


def dumps(notebook: Any) -> str:
    """Serialise as nbformat does."""
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    parser.add_argument("--check", action="store_true", help="report, do not write")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    changed = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
            stripped = dumps(strip(json.loads(text)))
        except (OSError, ValueError) as err:
            print(f"{path}: cannot read as a notebook ({err})", file=sys.stderr)
            return 2
        if stripped != text:
            changed.append(path)
            if not args.check:
                path.write_text(stripped, encoding="utf-8")
    for path in changed:
        verb = "has outputs or run metadata" if args.check else "stripped"
        print(f"{path}: {verb}", file=sys.stderr)
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
