"""The command line: in-process for behaviour, once per entry point as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from geographiclib.geodesic import Geodesic

from flightlegs.cli.main import main
from flightlegs.read.inputs import read_routes

CHAIN = "AZA-ELP-ANC-SHE-ICN"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_legs_json_contract_matches_geographiclib(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "legs", CHAIN, "--format", "json")
    assert status == 0, err
    doc = json.loads(out)
    (route,) = doc["routes"]
    assert route["name"] == CHAIN
    # the keys documented as the contract in flightlegs.show.tables
    assert set(route) == {
        "name", "aircraft", "date", "people", "seats", "source", "stops", "legs",
        "total_km", "total_nm", "total_mi", "warnings", "doubts", "set_aside",
    }  # fmt: skip
    assert set(route["stops"][0]) == {
        "name", "kind", "country", "region", "iata", "icao", "airport", "lat", "lon",
        "is_return", "planned", "confidence", "reason", "evidence", "candidates",
    }  # fmt: skip
    assert set(route["stops"][0]["candidates"][0]) == {
        "ident", "iata", "icao", "name", "lat", "lon", "longest_runway_ft",
    }  # fmt: skip
    assert set(route["legs"][0]) == {
        "leg", "from", "to", "distance_km", "distance_nm", "distance_mi", "distance_km_min",
        "distance_km_max", "distance_nm_min", "distance_nm_max", "bearing_deg", "time_aloft_h",
    }  # fmt: skip
    stops = route["stops"]
    assert [s["iata"] for s in stops] == CHAIN.split("-")
    assert [s["icao"] for s in stops] == ["KIWA", "KELP", "PANC", "ZYTX", "RKSI"]
    assert {s["kind"] for s in stops} == {"airport"}
    assert [s["country"] for s in stops] == ["US", "US", "US", "CN", "KR"]
    assert [s["region"] for s in stops][:3] == ["US-AZ", "US-TX", "US-AK"]
    total = 0.0
    for leg in route["legs"]:
        a, b = stops[leg["from"]], stops[leg["to"]]
        assert leg["to"] == leg["from"] + 1
        ref = Geodesic.WGS84.Inverse(a["lat"], a["lon"], b["lat"], b["lon"])
        assert abs(leg["distance_km"] * 1000 - ref["s12"]) < 1.0
        assert abs(leg["distance_nm"] * 1852 - ref["s12"]) < 1.0
        assert leg["bearing_deg"] == pytest.approx(ref["azi1"] % 360, abs=0.01)
        assert leg["distance_km_min"] == leg["distance_km"] == leg["distance_km_max"]
        total += ref["s12"]
    assert abs(route["total_km"] * 1000 - total) < 1.0


def test_legs_table_in_each_unit(capsys: pytest.CaptureFixture[str]) -> None:
    for unit, anc_she in (("km", "5,892"), ("nm", "3,182"), ("mi", "3,661")):
        status, out, _ = run(capsys, "legs", "ANC-SHE", "--units", unit)
        assert status == 0
        assert f"distance {unit}" in out
        assert anc_she in out
        assert f"total {anc_she} {unit}" in out


def test_legs_table_gives_a_vague_stop_s_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    route = tmp_path / "r.yaml"
    route.write_text("route: AZA > Texas > ANC\n", encoding="utf-8")
    status, out, _ = run(capsys, "legs", str(route))
    assert status == 0
    (leg,) = [line for line in out.splitlines() if line.lstrip().startswith("1 ")]
    low, likely, high = read_routes(str(route))[0].legs()[0].distance("km")
    assert f"{likely:,.0f} ({low:,.0f}–{high:,.0f})" in leg


def test_legs_csv(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "legs", CHAIN, "--format", "csv", "--units", "nm")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("route,leg,from,to,from_code,to_code,distance_nm")
    assert len(lines) == 5
    assert lines[3].split(",")[4:6] == ["ANC", "SHE"]


def test_a_field_known_only_by_its_faa_identifier(capsys: pytest.CaptureFixture[str]) -> None:
    # Fredericktown Regional, Missouri, has no ICAO or IATA code: pilots write H88
    status, out, _ = run(capsys, "legs", "KMTW-H88-KPRX", "--format", "json")
    assert status == 0
    stops = json.loads(out)["routes"][0]["stops"]
    assert [s["region"] for s in stops] == ["US-WI", "US-MO", "US-TX"]
    assert "Fredericktown" in stops[1]["airport"]


def test_several_inputs_and_alternatives(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "legs", "ANC-SHE", "JFK-LHR/CDG", "--format", "json")
    assert status == 0
    assert [r["name"] for r in json.loads(out)["routes"]] == ["ANC-SHE", "JFK-LHR", "JFK-CDG"]


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["legs", "ANC-XNC"], "unknown airport code 'XNC'"),
        (["legs", "AZA--ELP"], "at character 5"),
        (["legs", "no/such/file.yaml"], "no such file"),
        (["legs", "ANC-SHE", "--units", "furlong"], "invalid choice"),
        (["legs"], "required"),
        (["fly", "ANC-SHE"], "invalid choice"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse usage errors exit from the parser
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert needle in err
    assert "Traceback" not in err


def test_directory_input_without_route_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "legs", str(tmp_path))
    assert status == 2
    assert "holds no route files" in err


def test_binary_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "route.txt"
    f.write_bytes(b"\x00\x01\x02ANC-SHE")
    status, _, err = run(capsys, "legs", str(f))
    assert status == 2
    assert "binary" in err


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "flightlegs"],
        [
            sys.executable,
            "-c",
            "import sys; from flightlegs.cli import main; sys.exit(main())",
        ],
    ],
    ids=["python-m", "console-entry"],
)
def test_entry_points_as_subprocess(command: list[str]) -> None:
    ok = subprocess.run([*command, "legs", "ANC-SHE"], capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    assert "3,182" not in ok.stdout  # default unit is km
    assert "5,892" in ok.stdout
    bad = subprocess.run([*command, "legs", "ANC-XNC"], capture_output=True, text=True, check=False)
    assert bad.returncode == 2
    assert bad.stderr.startswith("flightlegs: error: ")
    assert len(bad.stderr.splitlines()) == 1


def test_console_script_is_installed() -> None:
    import shutil
    from pathlib import Path

    script = Path(sys.executable).with_name("flightlegs")
    exe = str(script) if script.exists() else shutil.which("flightlegs")
    assert exe, "the flightlegs console script is not installed"
    done = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert done.stdout.startswith("flightlegs ")


def test_very_long_chain_argument_is_a_chain_not_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    # longer than any file name the OS accepts: must still be read as a chain
    chain = "-".join(["ANC", "SHE"] * 300)
    status, out, err = run(capsys, "legs", chain, "--format", "csv")
    assert status == 0, err
    assert len(out.splitlines()) == 600


def test_nul_byte_argument_is_one_clean_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "legs", "ANC\x00SHE")
    assert status == 2
    assert len(err.strip().splitlines()) == 1
