"""The CI example in docs/ci.md runs as written, and installs the version pyproject.toml names."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "ci.md"
ANNOTATION = re.compile(r"^::(?P<level>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def workflow() -> dict[str, object]:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(# \.github/workflows/routes\.yml\n.*?)```", text, re.S)
    assert block, "docs/ci.md has no GitHub Actions workflow"
    data = yaml.safe_load(block.group(1))
    assert isinstance(data, dict)
    return data


def steps() -> list[dict[str, str]]:
    jobs = workflow()["jobs"]
    assert isinstance(jobs, dict)
    return list(jobs["check"]["steps"])


def test_install_step_pins_the_released_version() -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    (install,) = [s for s in steps() if s.get("name") == "Install flightlegs"]
    assert install["run"] == f'pip install "git+${{FLIGHTLEGS_GIT}}@v{version}"'
    assert f"@v{version}" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install flightlegs\n" not in DOC.read_text(encoding="utf-8")


def test_check_step_runs_as_written(tmp_path: Path) -> None:
    """The step's own command, in a checkout with a routes/ folder: one good, one bad file."""
    from junitparser import Error, Failure, JUnitXml

    (check,) = [s for s in steps() if s.get("name") == "Check routes"]
    routes = tmp_path / "routes"
    routes.mkdir()
    shutil.copy(ROOT / "examples" / "gulfstream-charter.yaml", routes)
    (routes / "flights.csv").write_text(
        "name,aircraft,route\nlong,E145,ANC-SHE\ntypo,GLF5,AZA-QQQ\n", encoding="utf-8"
    )
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    if shutil.which("flightlegs", path=env["PATH"]) is None:
        pytest.skip("the flightlegs console script is not installed next to this Python")
    done = subprocess.run(
        ["bash", "-eo", "pipefail", "-c", check["run"]],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr  # the E145 cannot fly it, a row cannot be read
    found = [ANNOTATION.match(line) for line in done.stdout.splitlines()]
    assert all(found), done.stdout
    props = [dict(p.split("=", 1) for p in m["props"].split(",")) for m in found if m]
    files = {p.get("file") for p in props}
    assert "routes/flights.csv" in files
    bad = next(p for p in props if p.get("line") == "3")
    assert bad["file"] == "routes/flights.csv"
    for p in props:
        if "file" in p:
            assert (tmp_path / p["file"]).is_file()
    xml = JUnitXml.fromfile(str(tmp_path / "flightlegs-junit.xml"))
    cases = [case for suite in xml for case in suite]
    assert any(isinstance(r, Error) for c in cases for r in c.result)
    assert any(isinstance(r, Failure) for c in cases if c.classname == "long" for r in c.result)
