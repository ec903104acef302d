"""A non-editable install works from any directory, with its data inside the wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # --no-build-isolation: build with the hatchling already installed, without the network
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
    )
    (found,) = out.glob("flightlegs-*.whl")
    return found


def test_wheel_ships_code_data_and_types(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "flightlegs/__init__.py",
        "flightlegs/py.typed",
        "flightlegs/data/airports.csv",
        "flightlegs/data/countries.csv",
        "flightlegs/data/regions.csv",
    ):
        assert needed in names
    assert not any(n.startswith("tests/") for n in names)


def test_installed_copy_runs_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import flightlegs, json; from flightlegs.core.files import data_path;"
            "print(json.dumps([flightlegs.__file__, str(data_path('airports.csv'))]))",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    module, data = json.loads(probe.stdout)
    assert Path(module).is_relative_to(target)
    assert Path(data).is_relative_to(target)
    legs = subprocess.run(
        [sys.executable, "-m", "flightlegs", "legs", "AZA-ELP-ANC-SHE-ICN", "--format", "json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    route = json.loads(legs.stdout)["routes"][0]
    assert [s["icao"] for s in route["stops"]] == ["KIWA", "KELP", "PANC", "ZYTX", "RKSI"]
