"""`flightlegs map -o map.png/.pdf`: a still picture of the map, drawn by headless Chromium.

The maps have no tiles (`--tiles none`) and carry their assets, so no request leaves
the machine; the bundled basemap is the whole base map.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from flightlegs.cli.main import main

CHAIN = "AZA-ELP-ANC-SHE-ICN"


@pytest.mark.usefixtures("browser_requirements")
def test_png_picture_of_the_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "charter.png"
    argv = ["map", CHAIN, "1000nm@ANC", "-o", str(out), "--tiles", "none", "--size", "800x500"]
    assert main(argv) == 0, capsys.readouterr().err
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1600, 1000)  # drawn at twice the CSS size
    assert len(data) > 50_000  # land, legs and text, not a blank page
    artifacts = Path(__file__).resolve().parent / "artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "picture_charter.png").write_bytes(data)


@pytest.mark.usefixtures("browser_requirements")
def test_pdf_picture_of_the_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "charter.pdf"
    assert main(["map", CHAIN, "-o", str(out), "--tiles", "none"]) == 0, capsys.readouterr().err
    data = out.read_bytes()
    assert data[:5] == b"%PDF-"
    assert b"/Count 1" in data  # one page
