"""Route files: every format, the schema's errors and their messages, CSV batches."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from flightlegs.cli.main import main
from flightlegs.core.route import StopKind
from flightlegs.errors import RouteFileError, UnknownPlaceError
from flightlegs.read.inputs import read_routes
from flightlegs.read.routefiles import read_route_file, routes_from_csv, routes_from_data

EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.mark.parametrize("suffix", ["yaml", "toml", "json"])
def test_examples_read_alike(suffix: str) -> None:
    route = read_route_file(EXAMPLES / f"gulfstream-charter.{suffix}")[0]
    assert route.name == "Gulfstream charter, Mesa to Shenyang and back"
    assert (route.aircraft, route.seats, route.date) == ("GLF5", 14, dt.date(2024, 3, 30))
    assert [s.kind for s in route.stops] == [
        StopKind.AIRPORT, StopKind.REGION, StopKind.REGION,
        StopKind.AIRPORT, StopKind.COUNTRY, StopKind.COUNTRY,
    ]  # fmt: skip
    assert route.stops[2].name == "Alaska fuel stop"
    assert route.stops[0].departure == dt.datetime(2024, 3, 30, 13, 10, tzinfo=dt.UTC)
    assert route.stops[-1].is_return
    assert route.source == "https://example.org/flight-notes/gulfstream-charter"


def test_example_csv() -> None:
    routes = read_route_file(EXAMPLES / "flights.csv")
    assert len(routes) == 20
    seed = next(r for r in routes if r.name == "Gulfstream to Shenyang")
    assert [s.name for s in seed.stops] == ["Arizona", "Texas", "Alaska", "Shenyang", "South Korea"]
    assert seed.seats == 14
    assert seed.people is None


def test_coordinates_stop(tmp_path: Path) -> None:
    data = {"route": "35.33N 117.87W > HSH"}
    assert routes_from_data(data)[0].stops[0].kind is StopKind.COORDINATES
    data2 = {"stops": [{"lat": 35.33, "lon": -117.87}, "HSH"]}
    assert routes_from_data(data2)[0].stops[0].point is not None


def test_list_and_routes_forms() -> None:
    one = {"route": "AZA-ELP"}
    assert len(routes_from_data([one, one])) == 2
    assert routes_from_data({"routes": [one]})[0].name == "AZA > ELP"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"route": "AZA-ELP", "sets": 4}, r"x\.yaml: unknown field 'sets'; did you mean 'seats'\?"),
        ({"name": "no stops"}, r"expected either 'route' \(a code chain\) or 'stops'"),
        ({"route": "AZA-ELP", "stops": ["AZA"]}, "not both"),
        ({"route": "AZA"}, "at least two stops, got 1"),
        ({"route": "AZA ELP"}, "is 2 routes"),
        (
            {"route": "AZA-ELP", "date": "30/03/2024"},
            r"date: expected a date as YYYY-MM-DD, got '30/03/2024'",
        ),
        (
            {"route": "AZA-ELP", "people": -3},
            r"people: expected a whole number of 0 or more, got -3",
        ),
        ({"route": "AZA-ELP", "seats": True}, "seats: expected a whole number"),
        ({"route": "AZA-ELP", "aircraft": False}, "aircraft: expected text, got False"),
        ({"route": "AZA-ELP", "notes": ["a"]}, "notes: expected text, got a list"),
        ({"route": "ANC-XXA"}, r"route: ANC-XXA: at character 5: unknown airport code 'XXA'"),
        ({"route": "Arizona-Texas"}, "place names are joined with ' > '"),
        ({"stops": ["AZA", 42]}, r"stops\[1\]: expected a code, a place name or a mapping, got 42"),
        (
            {"stops": ["AZA", {"place": "Texas", "code": "ELP"}]},
            r"stops\[1\]: expected exactly one of",
        ),
        ({"stops": ["AZA", {"lat": 95, "lon": 0}]}, r"stops\[1\]: latitude 95(\.0)? is outside"),
        ({"stops": ["AZA", {"lat": "north", "lon": 0}]}, r"stops\[1\]\.lat: expected a number"),
        ({"stops": ["AZA", {"code": "ELP", "arrival": "2024-03-30T10:00"}]}, "has no time zone"),
        ({"stops": ["AZA", {"code": "ELP", "return": "yes"}]}, r"return: expected true or false"),
        ({"routes": [{"route": "AZA-ELP"}], "name": "x"}, "holds nothing else"),
        ({"routes": []}, "holds no routes"),
        ("AZA-ELP", "expected a route or a list of routes, got 'AZA-ELP'"),
        (
            [{"route": "AZA-ELP"}, 3],
            r"routes\[1\]: expected a route \(a mapping of fields\), got 3",
        ),
    ],
)
def test_schema_errors(data: object, message: str) -> None:
    with pytest.raises(RouteFileError, match=message):
        routes_from_data(data, "x.yaml")


def test_blank_text_fields_are_not_given() -> None:
    data = {"route": "AZA-ELP", "name": " ", "aircraft": "  ", "source": "", "notes": None}
    route = routes_from_data(data, "x.yaml")[0]
    assert (route.name, route.aircraft, route.source, route.notes) == (
        "AZA > ELP",
        None,
        "x.yaml",
        "",
    )


def test_unknown_place_best_effort_and_strict() -> None:
    data = {"route": "AZA > Xyzzyville"}
    route = routes_from_data(data, "x.yaml")[0]
    assert route.stops[1].kind is StopKind.UNKNOWN
    assert "Xyzzyville" in route.warnings[0]
    with pytest.raises(RouteFileError, match=r"x\.yaml: route stop 2: unknown place 'Xyzzyville'"):
        routes_from_data(data, "x.yaml", strict=True)


def test_strict_lists_close_names() -> None:
    with pytest.raises(RouteFileError, match="did you mean Arizona"):
        routes_from_data({"route": "Arizonaa > ELP"}, strict=True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("name,date\nx,2024-01-01\n", r"row 1: no 'route' column"),
        ("name,rout\nx,AZA-ELP\n", r"row 1: unknown column 'rout'; did you mean 'route'\?"),
        ("name,route\nx,AZA-ELP\ny,\n", r"row 3, column route: is empty"),
        ("name,route,date\nx,AZA-ELP,2024-13-01\n", r"row 2, column date: expected a date"),
        ("name,route,people\nx,AZA-ELP,many\n", r"row 2, column people: expected a whole number"),
        ("name,route\nx,AZA-ELP,extra\n", r"row 2: 3 cells but the header names 2 columns"),
        ("name,route\n", "holds a header but no routes"),
        ("route,route\nAZA-ELP,AZA-ELP\n", "appears twice"),
    ],
)
def test_csv_errors(text: str, message: str) -> None:
    with pytest.raises(RouteFileError, match=message):
        routes_from_csv(text, "f.csv")


def test_csv_place_names_resolved_once() -> None:
    calls: list[str] = []

    from flightlegs.geocode.resolvers import make_resolver

    real = make_resolver()

    class Counting:
        def resolve(self, name: str, *, evidence: object = None) -> object:
            calls.append(name)
            return real.resolve(name)

    rows = "".join(f"r{i},Arizona > Texas > ANC\n" for i in range(200))
    routes = routes_from_csv("name,route\n" + rows, resolver=Counting())  # type: ignore[arg-type]
    assert len(routes) == 200
    assert sorted(calls) == ["Arizona", "Texas"]
    assert routes[5].stops[1].evidence is not None
    assert "row 7" in routes[5].stops[1].evidence.source


def test_bad_syntax_names_file_and_line(tmp_path: Path) -> None:
    cases = {
        "a.yaml": ("name: [unclosed\n", r"a\.yaml: line \d+, column \d+: not valid YAML"),
        "a.json": ('{"route": "AZA-ELP",}', r"a\.json: line 1, column \d+: not valid JSON"),
        "a.toml": ("route = \n", r"a\.toml: not valid TOML"),
        "e.yaml": ("", r"e\.yaml: is empty"),
    }
    for name, (text, message) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(RouteFileError, match=message):
            read_route_file(path)


def test_yaml_python_tags_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text("route: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(RouteFileError, match="not valid YAML"):
        read_route_file(path)


def test_read_routes_dispatches_and_passes_strict(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("route: AZA > Xyzzyville\n", encoding="utf-8")
    assert read_routes(str(path))[0].warnings
    with pytest.raises(RouteFileError):
        read_routes(str(path), strict=True)


def test_ten_thousand_csv_rows(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    rows = [
        f"f{i},2024-01-{i % 28 + 1:02d},B738,{'AZA-GUA' if i % 2 else 'Texas > Shenyang'},{i % 200}"
        for i in range(10_000)
    ]
    path.write_text("name,date,aircraft,route,people\n" + "\n".join(rows) + "\n", encoding="utf-8")
    routes = read_route_file(path)
    assert len(routes) == 10_000
    assert routes[-1].stops[0].name == "AZA"


# --------------------------------------------------------------------------- CLI


def test_cli_legs_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["legs", str(EXAMPLES / "gulfstream-charter.yaml"), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    route = doc["routes"][0]
    assert route["aircraft"] == "GLF5"
    assert route["date"] == "2024-03-30"
    assert next(s["iata"] for s in route["stops"]) == "AZA"
    assert route["stops"][-1]["is_return"] is True
    assert len(route["legs"]) == 5


def test_cli_report_with_stops(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "note.txt"
    report.write_text(
        "A Gulfstream V took off from Arizona on March 30, 2024, stopped in Alaska and "
        "landed in the northeastern Chinese city of Shenyang.\n",
        encoding="utf-8",
    )
    assert main(["legs", str(report), "--stops"]) == 0
    out = capsys.readouterr().out
    assert "Shenyang" in out
    assert "evidence" in out
    assert "GLF5" in out


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        ("route: AZA-ELP\nsets: 3\n", ".yaml", "unknown field 'sets'"),
        ("name,route\nx,ANC-XXA\n", ".csv", "unknown airport code 'XXA'"),
        ("route: AZA > Xyzzyville\n", ".yaml", "unknown place 'Xyzzyville'"),
    ],
)
def test_cli_bad_file_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, suffix: str, message: str
) -> None:
    path = tmp_path / f"bad{suffix}"
    path.write_text(content, encoding="utf-8")
    assert main(["legs", str(path), "--strict"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("flightlegs: error: ")
    assert message in lines[0]
    assert "Traceback" not in captured.err


def test_cli_strict_report_with_unknown_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("Officials met on Tuesday to talk about flights.\n", encoding="utf-8")
    assert main(["legs", str(path), "--strict"]) == 2
    assert "no route found" in capsys.readouterr().err


def test_unknown_place_error_type() -> None:
    assert issubclass(UnknownPlaceError, LookupError)


def test_a_csv_batch_larger_than_a_report_is_read(tmp_path: Path) -> None:
    from flightlegs.read.inputs import MAX_INPUT_BYTES

    notes = "x" * 30_000
    rows = [f"f{i},AZA-ELP-ANC,{notes}" for i in range(200)]
    path = tmp_path / "batch.csv"
    path.write_text("name,route,notes\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert path.stat().st_size > MAX_INPUT_BYTES
    routes = read_route_file(path)
    assert len(routes) == 200
    assert routes[-1].name == "f199"
