"""Never silently wrong: doubt as findings, batches that keep going, CI in one run.

Real files in a temporary folder, the command line run in process and as a
subprocess, JUnit read back with junitparser.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flightlegs.checks.doubt import doubt_findings
from flightlegs.checks.results import Severity
from flightlegs.checks.rules import check_route
from flightlegs.cli.main import main
from flightlegs.core.route import Route, Stop, StopKind
from flightlegs.read.chains import parse_chain
from flightlegs.read.inputs import read_inputs
from flightlegs.reference.airports import airport_table

SCRIPT = Path(sys.executable).with_name("flightlegs")
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "flightlegs"]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty folder: no pyproject.toml settings, relative file names."""
    monkeypatch.chdir(tmp_path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as stop:
        status = int(stop.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def kinds(chain: str) -> list[str]:
    return [str(f.data["doubt"]) for f in doubt_findings(parse_chain(chain)[0])]


# ----------------------------------------------------------------- doubt findings


@pytest.mark.parametrize(
    ("chain", "expected"),
    [
        ("MIA-PAP-SQD-MIA", ["detour"]),  # SQD (Shangrao) typed for SDQ
        ("MIA-PAP-SDQ-MIA", []),
        ("SQD-PAP-SDQ-MIA", ["far"]),  # the typo at the start: no detour to measure
        ("AZA-ELP-ANC-SHE-ICN", []),  # the long legs of a real charter
        ("AZA-ELP-AZA", []),  # a round trip turns at ELP
        ("MIA-PAP-MIA-SDQ-MIA", []),  # back to base between two trips
        ("LAX-SFO-NRT", []),  # a short hop, then across the Pacific
        ("AZA-AZA", ["same airport"]),
        ("MIA", ["one stop"]),
    ],
)
def test_doubt_kinds(chain: str, expected: list[str]) -> None:
    assert kinds(chain) == expected


def test_detour_names_the_stop_and_the_ratio() -> None:
    (finding,) = doubt_findings(parse_chain("MIA-PAP-SQD-MIA")[0])
    assert finding.severity is Severity.WARNING
    assert finding.stop == 2
    assert "Shangrao, China (SQD)" in finding.message
    assert "25 times the 620 nm direct" in finding.message
    assert finding.data["ratio"] == pytest.approx(24.7, abs=0.1)


def test_typo_is_never_plausible_and_the_stop_check_does_not_excuse_it() -> None:
    report = check_route(parse_chain("MIA-PAP-SQD-MIA")[0], aircraft="B744")
    assert report.doubtful
    assert report.verdict is Severity.WARNING  # a 747 has the range, the route is still doubted
    assert report.failed(strict=True)
    stop = next(f for f in report.findings if f.check == "stop-needed" and f.stop == 2)
    assert "had other reasons" not in stop.message
    assert "mistyped code" in stop.message


def test_a_route_with_no_stop_or_set_aside_places_is_doubted() -> None:
    empty = check_route(Route(stops=(), name="report", warnings=("no stops found: nothing",)))
    assert empty.doubtful
    assert [f.data["doubt"] for f in empty.findings if f.check == "doubt"] == ["no stops"]
    assert "nothing could be checked: nothing." in empty.findings[-1].message
    route = parse_chain("AZA-ELP")[0]
    aside = Route(stops=route.stops, set_aside=("Miami: where they were held", "Texas: origin"))
    (finding,) = doubt_findings(aside)
    assert finding.data == {"doubt": "set aside", "set_aside": 2}
    assert "Miami: where they were held; Texas: origin" in finding.message


def test_round_trip_is_not_a_direct_flight_to_itself() -> None:
    report = check_route(parse_chain("AZA-ELP-AZA")[0], aircraft="GLF5")
    (stop,) = [f for f in report.findings if f.check == "stop-needed"]
    assert "Mesa (AZA) -> Mesa (AZA)" not in stop.message
    assert "far end of a round trip" in stop.message
    assert stop.data["outcome"] == "not needed"  # the JSON contract keeps its values


def test_runway_count_agrees_with_its_verb() -> None:
    table = airport_table()
    long_one = table.by_code("ELP")
    short = [a for a in table if a.longest_runway_ft and a.longest_runway_ft < 2000][:2]
    vague = Stop("Somewhere", StopKind.REGION, candidates=(long_one, *short))
    route = Route(stops=(Stop.at_airport(table.by_code("AZA")), vague), name="x")
    runway = [f for f in check_route(route, aircraft="GLF5").findings if f.check == "runway"]
    text = runway[-1].message
    assert text.startswith("1 of the 3 candidate airports for"), text
    assert " has a runway long enough" in text


# ----------------------------------------------------------------- the command line


def test_report_with_no_stop_is_an_error_in_every_format(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    report = "Officials in Miami said a Boeing 737 was seen on 14 May.\n"
    outs = {}
    for fmt in ("text", "json", "github"):
        monkeypatch.setattr("sys.stdin", io.StringIO(report))
        status, outs[fmt], _err = run(capsys, "check", "-", "--format", fmt)
        assert status == 2, fmt  # nothing could be read: never a plausible route
        assert "1 plausible" not in outs[fmt]
        assert "report: plausible" not in outs[fmt]
    assert (
        "no route found" in json.loads(outs["json"].split("\n0 routes")[0])["errors"][0]["message"]
    )
    assert "::error" in outs["github"]
    assert "--explain" in outs["github"]


def test_a_dashed_route_in_prose_is_read_and_a_typo_is_doubtful(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr(
        "sys.stdin",
        io.StringIO("A Boeing 737 flew Miami-Port-au-Prince-Santo Domingo-Miami on 14 May.\n"),
    )
    status, out, _ = run(capsys, "legs", "-", "--format", "json")
    assert status == 0
    assert [s["iata"] for s in json.loads(out)["routes"][0]["stops"]][1:3] == ["PAP", "SDQ"]
    assert run(capsys, "check", "MIA", "--aircraft", "GLF5", "--strict")[0] == 1  # one stop


def test_legs_table_shows_the_doubts(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "legs", "MIA-PAP-SQD-MIA")
    assert status == 0
    assert "warning: The stop at Shangrao, China (SQD) makes a detour" in out
    status, out, _ = run(capsys, "legs", "MIA-PAP-SQD-MIA", "--format", "json")
    assert "makes a detour" in json.loads(out)["routes"][0]["doubts"][0]


@pytest.mark.parametrize("argv", [["MIA PAP SDQ MIA"], ["MIA", "PAP", "SDQ", "MIA"]])
def test_space_separated_codes_get_a_hint(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, _ = run(capsys, "legs", *argv)
    assert status == 0
    assert out.count("Only one stop was read") == 4
    assert out.count("join its stops with '-'") == 4
    assert "MIA-PAP-SDQ-MIA" in out


def test_missing_folder_and_suffixless_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "legs", "routes")
    assert status == 2
    assert "routes: no such file or folder, and not a code chain either" in err
    (tmp_path / "report").write_text(
        "The charter took off from Mesa Gateway airport and stopped in Anchorage.\n",
        encoding="utf-8",
    )
    (tmp_path / "ANC").write_text("AZA-ELP\n", encoding="utf-8")
    status, out, err = run(capsys, "legs", "report", "ANC")
    assert status == 0, err
    assert "Anchorage" in out
    assert "AZA   ELP" in out  # the file named ANC, not the airport


# ----------------------------------------------------------------- batches keep going

CSV = """name,aircraft,route
good,GLF5,AZA-ELP-ANC
typo,GLF5,AZA-QQQ
far,E145,ANC-SHE
ragged,GLF5,AZA-ELP,extra
fine,GLF5,ANC-SHE
"""


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    (tmp_path / "flights.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "charter.yaml").write_text(
        "routes:\n"
        "  - name: one\n"
        "    aircraft: E145\n"
        "    stops:\n"
        "      - ANC\n"
        "      - SHE\n"
        "  - name: two\n"
        "    route: AZA-XQQ\n",
        encoding="utf-8",
    )
    (tmp_path / "charter.toml").write_text(
        '[[routes]]\nname = "a"\nroute = "AZA-ELP"\n\n'
        '[[routes]]\nname = "b"\naircraft = "E145"\nroute = "ANC-SHE"\n',
        encoding="utf-8",
    )
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    return tmp_path


def test_bad_rows_are_reported_where_they_are_and_the_rest_checked(batch: Path) -> None:
    reading = read_inputs("flights.csv", "charter.yaml", "charter.toml", "broken.json")
    assert [r.name for r in reading.routes] == ["good", "far", "fine", "one", "a", "b"]
    where = [(p.source, p.line) for p in reading.problems]
    assert where == [
        ("flights.csv", 3),
        ("flights.csv", 5),
        ("charter.yaml", 8),
        ("broken.json", 1),
    ]
    assert "unknown airport code 'QQQ'" in reading.problems[0].message
    assert "4 cells but the header names 3 columns" in reading.problems[1].message


def test_github_and_junit_in_one_run(batch: Path) -> None:
    from junitparser import Error, Failure, JUnitXml

    done = subprocess.run(
        [*COMMAND, "check", "flights.csv", "charter.yaml", "charter.toml", "broken.json",
         "--format", "github", "--junit", "report.xml"],
        capture_output=True, text=True, timeout=120, check=False, cwd=batch,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("::error file=flights.csv,line=3,")
    assert any(x.startswith("::error file=charter.yaml,line=8,") for x in lines)
    assert any(x.startswith("::error file=broken.json,line=1,") for x in lines)
    # findings carry lines too: the E145 legs, in the CSV, the YAML stop list and the TOML table
    ranges = [x for x in lines if "title=flightlegs range" in x]
    assert {x.split(",title=")[0] for x in ranges} == {
        "::error file=flights.csv,line=4",
        "::error file=charter.yaml,line=5",
        "::error file=charter.toml,line=8",
    }
    assert "could not be read" in done.stderr  # the summary
    xml = JUnitXml.fromfile(str(batch / "report.xml"))
    cases = [case for suite in xml for case in suite]
    errors = [c for c in cases if any(isinstance(r, Error) for r in c.result)]
    failures = [c for c in cases if any(isinstance(r, Failure) for r in c.result)]
    assert [c.classname for c in errors] == [
        "flights.csv",
        "flights.csv",
        "charter.yaml",
        "broken.json",
    ]
    assert {c.classname for c in failures} == {"far", "one", "b"}


def test_json_lists_the_errors(capsys: pytest.CaptureFixture[str], batch: Path) -> None:
    status, out, _ = run(capsys, "check", "flights.csv", "--format", "json")
    assert status == 1
    doc = json.loads(out)
    assert doc["failed"] is True
    assert [(e["source"], e["line"]) for e in doc["errors"]] == [
        ("flights.csv", 3),
        ("flights.csv", 5),
    ]
    assert [r["name"] for r in doc["routes"]] == ["good", "far", "fine"]


def test_fail_fast_and_nothing_read(capsys: pytest.CaptureFixture[str], batch: Path) -> None:
    status, out, err = run(capsys, "check", "flights.csv", "--fail-fast")
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "flights.csv: row 3, column route" in err
    status, out, err = run(capsys, "check", "broken.json", "ANC-QQQ")
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 2


def test_quiet_prints_the_failures_and_the_summary(
    capsys: pytest.CaptureFixture[str], batch: Path
) -> None:
    status, out, _ = run(capsys, "check", "flights.csv", "--quiet")
    assert status == 1
    assert out.splitlines() == [
        "could not read: flights.csv: row 3, column route: AZA-QQQ: at character 5: "
        + out.splitlines()[0].split("at character 5: ", 1)[1],
        "could not read: flights.csv: row 5: 4 cells but the header names 3 columns",
        "",
        "far: IMPLAUSIBLE",
        "",
        "3 routes: 2 plausible, 0 with warnings, 1 implausible; 2 could not be read",
    ]


def test_closed_pipe_keeps_the_failing_status(tmp_path: Path) -> None:
    rows = "\n".join(f"r{i},E145,ANC-SHE" for i in range(3000))
    (tmp_path / "big.csv").write_text(f"name,aircraft,route\n{rows}\n", encoding="utf-8")
    proc = subprocess.Popen(
        [*COMMAND, "check", "big.csv"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # `| head -1`
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 1, err
    assert first.startswith("r0: IMPLAUSIBLE")
    assert "Traceback" not in err
    assert "BrokenPipe" not in err


def test_progress_stays_off_the_pipes(batch: Path) -> None:
    done = subprocess.run(
        [*COMMAND, "check", "flights.csv", "--format", "json"],
        capture_output=True, text=True, timeout=60, check=False, cwd=batch,
    )  # fmt: skip
    # stderr is a pipe: no bar, just the summary line
    assert done.stderr.splitlines()[-1].startswith("3 routes: 2 plausible")
    assert "\r" not in done.stderr
    json.loads(done.stdout)


def test_a_chain_on_many_rows_points_at_each_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rows = "".join(f"r{i},E145,ANC-SHE\n" for i in range(3))
    (tmp_path / "same.csv").write_text(f"name,aircraft,route\n{rows}", encoding="utf-8")
    status, out, _ = run(capsys, "check", "same.csv", "--format", "github")
    assert status == 1
    ranges = [x.split(",title=")[0] for x in out.splitlines() if "title=flightlegs range" in x]
    assert ranges == [f"::error file=same.csv,line={n}" for n in (2, 3, 4)]
