"""The committed example map is what `make demo` writes today, byte for byte."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from flightlegs.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "maps" / "gulfstream-charter.html"


def demo_map_command() -> list[str]:
    """The arguments of the `flightlegs map` line of the Makefile's demo target."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^demo:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe, "the Makefile has no demo target"
    for line in recipe.group(1).splitlines():
        words = shlex.split(line)
        if len(words) > 1 and words[0].endswith("flightlegs") and words[1] == "map":
            return words[1:]
    pytest.fail("`make demo` does not run `flightlegs map`")


def test_demo_writes_the_committed_map() -> None:
    argv = demo_map_command()
    assert argv[argv.index("-o") + 1] == str(COMMITTED.relative_to(ROOT))


def test_committed_example_map_is_current(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = demo_map_command()
    out = tmp_path / COMMITTED.name
    argv[argv.index("-o") + 1] = str(out)
    monkeypatch.chdir(ROOT)  # the input path, and the settings of pyproject.toml, as make sees them
    assert main(argv) == 0, capsys.readouterr().err
    if not COMMITTED.is_file():
        pytest.fail(f"{COMMITTED.relative_to(ROOT)} is missing: run make demo")
    if out.read_bytes() != COMMITTED.read_bytes():
        pytest.fail(
            f"stale map: {COMMITTED.relative_to(ROOT)} differs from a fresh one; run make demo"
        )
