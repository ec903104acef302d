"""``flightlegs check``: exit statuses, the four output formats, settings, one subprocess run."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from flightlegs.checks.results import CHECKS
from flightlegs.checks.rules import check_routes
from flightlegs.cli.main import main
from flightlegs.read.inputs import read_routes
from flightlegs.show.check_output import escape_data, escape_property, render

SEED = "AZA-ELP-ANC-SHE-ICN"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(["check", *argv])
    except SystemExit as stop:  # argparse's usage errors
        status = int(stop.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(autouse=True)
def _no_project_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty folder, so no pyproject.toml up the tree changes the defaults."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)


# ----------------------------------------------------------------- exit statuses


def test_seed_route_is_plausible(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, SEED, "--aircraft", "GLF5")
    assert status == 0, err
    assert out.splitlines()[0].startswith(f"{SEED}: plausible")
    assert "The stop in Anchorage, Alaska (ANC)" in out


def test_embraer_to_shenyang_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "ANC-SHE", "--aircraft", "Embraer 145")
    assert status == 1
    assert "IMPLAUSIBLE" in out.splitlines()[0]


def test_warnings_pass_unless_strict(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "ANC-SHE")[0] == 0  # no aircraft: a warning
    status, out, _ = run(capsys, "ANC-SHE", "--strict")
    assert status == 1
    assert "strict: warnings fail" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["ANC-QQQ"],
        ["ANC-SHE", "--aircraft", "Sopwith Camel"],
        ["ANC-SHE", "--route-factor", "0.5"],
        ["ANC-SHE", "--wind-kt", "fast"],
        ["ANC-SHE", "--format", "xml"],
        ["no-such-file.yaml"],
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_flags_change_the_settings(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, SEED, "--aircraft", "GLF5", "--format", "json", "--wind-kt", "40",
        "--route-factor", "1.05", "--reserve-min", "30",
    )  # fmt: skip
    assert status == 0
    settings = json.loads(out)["settings"]
    assert (settings["wind_kt"], settings["route_factor"], settings["reserve_min"]) == (
        40.0,
        1.05,
        30.0,
    )


def test_pyproject_settings_and_flags_over_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    (project / "routes").mkdir(parents=True)
    (project / "pyproject.toml").write_text(
        "[tool.flightlegs]\nwind-kt = 40\nreserve-min = 30\n", encoding="utf-8"
    )
    monkeypatch.chdir(project / "routes")
    status, out, _ = run(capsys, SEED, "--aircraft", "GLF5", "--format", "json", "--wind-kt", "0")
    assert status == 0
    doc = json.loads(out)
    assert (doc["settings"]["wind_kt"], doc["settings"]["reserve_min"]) == (0.0, 30.0)
    # With the file's headwind, the Alaska stop becomes a needed fuel stop.
    status, out, _ = run(capsys, SEED, "--aircraft", "GLF5", "--format", "json")
    alaska = next(
        f
        for f in json.loads(out)["routes"][0]["findings"]
        if f["check"] == "stop-needed" and f["stop"] == 2
    )
    assert alaska["data"]["outcome"] == "needed"


def test_bad_pyproject_is_exit_2_naming_file_and_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.flightlegs]\nwind-kt = 'x'\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys, SEED)
    assert status == 2
    assert "pyproject.toml: [tool.flightlegs] wind-kt 'x'" in err


def test_pyproject_strict_fails_on_warnings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.flightlegs]\nstrict = true\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "ANC-SHE")[0] == 1


# ----------------------------------------------------------------- formats


def test_text_groups_findings_by_stop_and_leg(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, SEED, "--aircraft", "GLF5")
    headings = [line.strip() for line in out.splitlines() if re.match(r"^  (leg|at) ", line)]
    assert headings[:4] == ["at AZA", "leg 1 AZA -> ELP", "at ELP", "leg 2 ELP -> ANC"]
    assert out.rstrip().endswith("1 route: 1 plausible, 0 with warnings, 0 implausible")


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, SEED, "ANC-SHE", "--aircraft", "E145", "--format", "json")
    assert status == 1
    doc = json.loads(out)
    assert set(doc) >= {"verdict", "routes", "settings", "failed"}
    assert doc["verdict"] == "implausible"
    assert [r["name"] for r in doc["routes"]] == [SEED, "ANC-SHE"]
    for route in doc["routes"]:
        assert set(route) >= {"name", "verdict", "findings", "aircraft"}
        assert route["aircraft"]["designator"] == "E145"
        for f in route["findings"]:
            assert set(f) >= {"check", "severity", "leg", "stop", "message", "data"}
            assert f["check"] in CHECKS
            assert f["severity"] in {"ok", "warning", "implausible"}
            assert f["leg"] is None or isinstance(f["leg"], int)
            assert f["stop"] is None or isinstance(f["stop"], int)
        rank = ["ok", "warning", "implausible"]
        worst = max((f["severity"] for f in route["findings"]), key=rank.index)
        assert route["verdict"] == worst


def test_junit_parses_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, SEED, "ANC-SHE", "--aircraft", "E145", "--format", "junit")
    assert status == 1
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    suite = suites[0]
    cases = suite.findall("testcase")
    for attr in ("name", "tests", "failures", "errors", "skipped", "time"):
        assert suite.get(attr) is not None
    assert int(suite.get("tests", "-1")) == len(cases)
    failures = [c for c in cases if c.find("failure") is not None]
    skipped = [c for c in cases if c.find("skipped") is not None]
    assert int(suite.get("failures", "-1")) == len(failures)
    assert int(suite.get("skipped", "-1")) == len(skipped)
    assert root.get("tests") == suite.get("tests")
    for case in cases:
        assert case.get("classname") in {SEED, "ANC-SHE"}
        assert case.get("name") in CHECKS
        float(case.get("time", "x"))
    # Every implausible finding is a failure of its route's check.
    report = check_routes(read_routes(SEED, "ANC-SHE"), aircraft="E145")
    failing = {(r.name, f.check) for r, f in report.findings if f.severity == "implausible"}
    assert failing
    assert {(c.get("classname"), c.get("name")) for c in failures} == failing
    for case in failures:
        failure = case.find("failure")
        assert failure is not None
        assert failure.get("type") == "implausible"
        assert failure.get("message")


def test_junit_is_read_by_a_junit_parser(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from junitparser import Failure, JUnitXml

    _, out, _ = run(capsys, SEED, "ANC-SHE", "--aircraft", "E145", "--format", "junit")
    path = tmp_path / "flightlegs.xml"
    path.write_text(out, encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    suites = list(xml)
    assert len(suites) == 1
    cases = list(suites[0])
    failed = {
        (case.classname, case.name)
        for case in cases
        if any(isinstance(r, Failure) for r in case.result)
    }
    report = check_routes(read_routes(SEED, "ANC-SHE"), aircraft="E145")
    assert failed == {(r.name, f.check) for r, f in report.findings if f.severity == "implausible"}
    assert suites[0].tests == len(cases)
    assert suites[0].failures == len(failed)


def test_junit_strict_turns_warnings_into_failures(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "ANC-SHE", "--format", "junit", "--strict")
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None
    failed = [c.get("name") for c in suite.iter("testcase") if c.find("failure") is not None]
    assert failed == ["aircraft"]


def unescape(text: str) -> str:
    return (
        text.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n")
        .replace("%0D", "\r").replace("%25", "%")
    )  # fmt: skip


def test_github_annotations_are_escaped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    routes = tmp_path / "routes.yaml"
    routes.write_text(
        'routes:\n  - name: "odd: name, 100%"\n    aircraft: E145\n    route: ANC-SHE\n',
        encoding="utf-8",
    )
    status, out, _ = run(capsys, str(routes), "--format", "github")
    assert status == 1
    lines = out.splitlines()
    assert lines
    command = re.compile(r"^::(error|warning) (?P<props>[^:]*)::(?P<message>[^\r\n]*)$")
    report = check_routes(read_routes(str(routes)))
    expected = [f.message for _, f in report.findings if f.severity != "ok"]
    messages = []
    for line in lines:
        match = command.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match.group("props").split(","))
        assert unescape(props["title"]) == "flightlegs range: odd: name, 100%"
        assert unescape(props["file"]) == str(routes)
        assert props["line"] == "4"
        messages.append(unescape(match.group("message")))
    assert messages == expected
    assert any("%" in m for m in messages)  # "59% beyond": escaped as %25 in the line


def test_escaping_rules() -> None:
    assert escape_data("50%\r\nx: y, z") == "50%25%0D%0Ax: y, z"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_points_at_the_csv_row(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "routes.csv"
    path.write_text(
        f"name,aircraft,route\nseed,GLF5,{SEED}\nsmall,E145,ANC-SHE\n", encoding="utf-8"
    )
    _, out, _ = run(capsys, str(path), "--format", "github")
    assert out.startswith(f"::error file={escape_property(str(path))},line=3,")


def test_render_refuses_unknown_format() -> None:
    from flightlegs.errors import InputError

    with pytest.raises(InputError, match="unknown report format"):
        render(check_routes([]), "yaml")


# ----------------------------------------------------------------- the console script


def test_console_script_as_a_subprocess() -> None:
    script = Path(sys.executable).with_name("flightlegs")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "flightlegs"]
    done = subprocess.run(
        [*command, "check", "ANC-SHE", "--aircraft", "E145", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["verdict"] == "implausible"
    bad = subprocess.run(
        [*command, "check", "ANC-QQQ"], capture_output=True, text=True, timeout=60, check=False
    )
    assert bad.returncode == 2
    assert bad.stderr.startswith("flightlegs: error:")
    assert "Traceback" not in bad.stderr


def test_pre_commit_hook_runs_on_route_files_only() -> None:
    import yaml

    hooks = yaml.safe_load((Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text())
    (hook,) = hooks
    assert hook["id"] == "flightlegs-check"
    assert hook["entry"] == "flightlegs check"
    files = re.compile(hook["files"])
    for path in (
        "routes/charters.yaml",
        "data/flights/2024.csv",
        "march.routes.csv",
        "x.route.toml",
    ):
        assert files.search(path), path
    for path in (".github/workflows/ci.yml", "pyproject.toml", "package.json", "data/other.csv"):
        assert not files.search(path), path
