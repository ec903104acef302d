"""Plausibility checks, with expectations computed from independent inputs.

Distances come from GeographicLib on the coordinates in ``data/airports.csv``
read with the csv module; aircraft figures from ``data/aircraft.csv`` read the
same way; the usable range is recomputed here from the documented formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import itertools
from pathlib import Path

import pandas as pd
import pytest
from geographiclib.geodesic import Geodesic

from flightlegs.checks.config import config_from_text, find_pyproject, load_config
from flightlegs.checks.results import CHECKS, Finding, RouteCheck, Severity
from flightlegs.checks.rules import check_route, check_routes
from flightlegs.checks.settings import CheckSettings
from flightlegs.core.route import Route, Stop, StopKind
from flightlegs.errors import InputError
from flightlegs.read.chains import parse_chain
from flightlegs.reference.aircraft import lookup_aircraft
from flightlegs.reference.airports import airport_table

DATA = Path(__file__).resolve().parents[1] / "data"
NM = 1852.0
UTC = dt.UTC


# ----------------------------------------------------------------- independent inputs


@functools.cache
def airport_rows() -> dict[str, dict[str, str]]:
    with (DATA / "airports.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_iata: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        if row["iata"]:
            by_iata.setdefault(row["iata"], []).append(row)
    return {code: hits[0] for code, hits in by_iata.items() if len(hits) == 1}


@functools.cache
def aircraft_row(designator: str) -> dict[str, str]:
    with (DATA / "aircraft.csv").open(encoding="utf-8", newline="") as fh:
        return next(row for row in csv.DictReader(fh) if row["icao_type"] == designator)


def figure(designator: str, column: str) -> float:
    return float(aircraft_row(designator)[column])


def gc_nm(a: str, b: str) -> float:
    ra, rb = airport_rows()[a], airport_rows()[b]
    line = Geodesic.WGS84.Inverse(
        float(ra["latitude_deg"]),
        float(ra["longitude_deg"]),
        float(rb["latitude_deg"]),
        float(rb["longitude_deg"]),
    )
    return float(line["s12"]) / NM


def usable_nm(designator: str, wind_kt: float = 0.0, route_factor: float = 1.03) -> float:
    """The documented formula: (range - 200 nm - 45 min at cruise) x (V - W) / V / factor."""
    rng, cruise = figure(designator, "range_nm"), figure(designator, "cruise_ktas")
    trip = rng - 200.0 - 0.75 * cruise
    return trip * (cruise - wind_kt) / cruise / route_factor


def outcome(direct: float, usable: float, margin: float = 0.10) -> str:
    if direct > usable:
        return "needed"
    return "marginal" if direct * (1 + margin) > usable else "not needed"


def chain(text: str, aircraft: str | None = None, **kwargs: object) -> Route:
    from dataclasses import replace

    route = parse_chain(text)[0]
    return replace(route, aircraft=aircraft, **kwargs)  # type: ignore[arg-type]


def only(report: RouteCheck, check: str, **where: int) -> Finding:
    hits = [
        f
        for f in report.findings
        if f.check == check and all(getattr(f, k) == v for k, v in where.items())
    ]
    assert len(hits) == 1, [f.message for f in report.findings]
    return hits[0]


def vague(name: str, *codes: str, kind: StopKind = StopKind.REGION) -> Stop:
    table = airport_table()
    return Stop(name=name, kind=kind, candidates=tuple(table.by_code(c) for c in codes))


def at(code: str, **times: dt.datetime) -> Stop:
    return Stop.at_airport(airport_table().by_code(code), None, **times)


# ----------------------------------------------------------------- the seed-like route


SEED = "AZA-ELP-ANC-SHE-ICN"


def test_seed_route_is_plausible_for_a_gulfstream_v() -> None:
    report = check_route(chain(SEED, "GLF5"))
    assert report.verdict is Severity.OK
    usable = usable_nm("GLF5")
    ranges = [f for f in report.findings if f.check == "range"]
    assert [f.leg for f in ranges] == [1, 2, 3, 4]
    codes = SEED.split("-")
    for f, (a, b) in zip(ranges, itertools.pairwise(codes), strict=True):
        assert f.severity is Severity.OK
        assert f.data["distance_nm"] == pytest.approx(gc_nm(a, b), abs=0.01)
        assert gc_nm(a, b) <= usable
        assert f"{gc_nm(a, b):,.0f} nm" in f.message
        assert f"about {round(usable, -1):,.0f} nm" in f.message
    assert {f.check for f in report.findings} >= {"aircraft", "range", "stop-needed", "runway"}


@pytest.mark.parametrize(
    ("stop", "before", "after"), [(1, "AZA", "ANC"), (2, "ELP", "SHE"), (3, "ANC", "ICN")]
)
def test_each_stop_says_whether_it_was_needed_for_range(stop: int, before: str, after: str) -> None:
    report = check_route(chain(SEED, "GLF5"))
    f = only(report, "stop-needed", stop=stop)
    direct, usable = gc_nm(before, after), usable_nm("GLF5")
    assert f.data["direct_nm"] == pytest.approx(direct, abs=0.01)
    assert f.data["outcome"] == outcome(direct, usable)
    assert f"{direct:,.0f} nm" in f.message
    detour = gc_nm(before, SEED.split("-")[stop]) + gc_nm(SEED.split("-")[stop], after) - direct
    assert f.data["detour_nm"] == pytest.approx(detour, abs=0.01)


def test_the_alaska_stop() -> None:
    """Texas -> Shenyang direct against the Gulfstream V's usable range, in still air and wind."""
    still = only(check_route(chain(SEED, "GLF5")), "stop-needed", stop=2)
    direct = gc_nm("ELP", "SHE")
    assert still.message.startswith("The stop in Anchorage, Alaska (ANC)")
    assert "El Paso (ELP) -> " in still.message
    assert "(SHE) direct would be" in still.message
    # The headwind that uses the margin up, recomputed: usable(W) == direct.
    rng, cruise = figure("GLF5", "range_nm"), figure("GLF5", "cruise_ktas")
    breakeven = cruise * (1 - direct * 1.03 / (rng - 200 - 0.75 * cruise))
    assert still.data["breakeven_headwind_kt"] == pytest.approx(breakeven, abs=0.01)
    # Against a headwind above the break-even one, direct is beyond range: the stop was needed.
    windy = CheckSettings(wind_kt=breakeven + 15)
    needed = only(check_route(chain(SEED, "GLF5"), windy), "stop-needed", stop=2)
    assert direct > usable_nm("GLF5", wind_kt=breakeven + 15)
    assert needed.data["outcome"] == "needed"
    assert needed.message.startswith("The stop in Anchorage, Alaska (ANC) was needed for fuel:")
    usable = usable_nm("GLF5", wind_kt=breakeven + 15)
    assert (
        f"beyond the Gulfstream V / G550's usable range of about {round(usable, -1):,.0f} nm"
        in (needed.message)
    )


def test_seed_with_a_vague_texas_stop_says_for_which_candidates() -> None:
    texas = ("ELP", "SAT", "IAH")
    stops = (at("AZA"), vague("Texas", *texas), at("ANC"), at("SHE"))
    report = check_route(Route(stops=stops, name="seed", aircraft="Gulfstream V"))
    f = only(report, "stop-needed", stop=2)
    directs = [gc_nm(t, "SHE") for t in texas]
    usable = usable_nm("GLF5")
    assert f.data["direct_nm_min"] == pytest.approx(min(directs), abs=0.01)
    assert f.data["direct_nm_max"] == pytest.approx(max(directs), abs=0.01)
    assert min(directs) <= usable < max(directs)  # the premise: some candidates need the stop
    assert f.data["outcome"] == "maybe"
    assert "some candidate airport pairs" in f.message
    assert "Gulfstream V's" in f.message  # named as the input named it
    leg = only(report, "range", leg=2)
    assert leg.data["distance_nm_max"] == pytest.approx(
        max(gc_nm(t, "ANC") for t in texas), abs=0.01
    )
    assert leg.severity is Severity.OK
    assert "for all candidate airport pairs" in leg.message


# ----------------------------------------------------------------- range


def test_embraer_145_cannot_fly_anchorage_to_shenyang() -> None:
    report = check_route(chain("ANC-SHE", "E145"))
    f = only(report, "range", leg=1)
    rng = figure("E145", "range_nm")
    assert gc_nm("ANC", "SHE") > rng * 1.10
    assert f.severity is Severity.IMPLAUSIBLE
    assert report.verdict is Severity.IMPLAUSIBLE
    assert f"{rng:,.0f} nm" in f.message
    excess = (gc_nm("ANC", "SHE") / rng - 1) * 100
    assert f"{excess:.0f}% beyond" in f.message


def _pair_between(designator: str, low: float, high: float) -> tuple[str, str]:
    """Two big airports whose great-circle distance lies in (low, high] nm."""
    codes = ["ANC", "SEA", "LAX", "ORD", "JFK", "MIA", "HNL", "NRT", "ICN", "PEK", "LHR", "FRA"]
    for a, b in itertools.combinations(codes, 2):
        if low < gc_nm(a, b) <= high:
            return a, b
    raise AssertionError(f"no pair between {low} and {high} nm")


def test_range_warning_between_usable_and_published_range() -> None:
    usable, rng = usable_nm("B738"), figure("B738", "range_nm")
    a, b = _pair_between("B738", usable, rng)
    f = only(check_route(chain(f"{a}-{b}", "B738")), "range", leg=1)
    assert f.severity is Severity.WARNING
    assert "possible only with a tailwind, a light load or reduced reserves" in f.message


@pytest.mark.parametrize(
    ("candidates", "expected", "phrase"),
    [
        (("SEA", "YVR"), Severity.OK, "for all candidate airport pairs"),
        (("SEA", "ORD"), Severity.WARNING, "only for some candidate airport pairs"),
        (("JFK", "MIA"), Severity.IMPLAUSIBLE, "for all candidate airport pairs"),
    ],
)
def test_vague_stop_verdict_for_all_some_none(
    candidates: tuple[str, ...], expected: Severity, phrase: str
) -> None:
    usable, limit = usable_nm("E145"), figure("E145", "range_nm") * 1.10
    distances = [gc_nm("ANC", c) for c in candidates]
    # The premise, from independent distances.
    if expected is Severity.OK:
        assert max(distances) <= usable
    elif expected is Severity.IMPLAUSIBLE:
        assert min(distances) > limit
    else:
        assert min(distances) <= usable < max(distances)
    route = Route(stops=(at("ANC"), vague("Somewhere", *candidates)), aircraft="E145")
    f = only(check_route(route), "range", leg=1)
    assert f.severity is expected
    assert phrase in f.message
    assert f.data["distance_nm_min"] == pytest.approx(min(distances), abs=0.01)


@pytest.mark.parametrize(
    ("pair", "expected"),
    [
        (("SEA", "ORD"), Severity.OK),
        (("ANC", "SHE"), Severity.WARNING),
        (("JFK", "SIN"), Severity.IMPLAUSIBLE),
    ],
)
def test_family_mention_gives_ranges(pair: tuple[str, str], expected: Severity) -> None:
    members = ["B733", "B734", "B737", "B738", "B739"]
    usables = [usable_nm(m) for m in members]
    limits = [figure(m, "range_nm") * 1.10 for m in members]
    d = gc_nm(*pair)
    if d <= min(usables):
        want = Severity.OK
    elif d > max(limits):
        want = Severity.IMPLAUSIBLE
    else:
        want = Severity.WARNING
    assert want is expected  # the premise
    report = check_route(chain("-".join(pair), "a 737"))
    f = only(report, "range", leg=1)
    assert f.severity is expected
    assert report.aircraft is not None
    assert report.aircraft.is_family
    low = min(figure(m, "range_nm") for m in members)
    high = max(figure(m, "range_nm") for m in members)
    aircraft = only(report, "aircraft")
    assert f"{low:,.0f}\u2013{high:,.0f} nm" in aircraft.message


# ----------------------------------------------------------------- seats


def test_737_800_with_300_people_is_implausible() -> None:
    report = check_route(chain("JFK-MIA", "Boeing 737-800", people=300))
    f = only(report, "seats")
    assert figure("B738", "max_seats") < 300
    assert f.severity is Severity.IMPLAUSIBLE
    assert f"{figure('B738', 'max_seats'):,.0f}" in f.message
    assert "300 people" in f.message


def test_people_and_seats_that_fit() -> None:
    report = check_route(chain(SEED, "GLF5", people=14, seats=14))
    findings = [f for f in report.findings if f.check == "seats"]
    assert [f.severity for f in findings] == [Severity.OK, Severity.OK]
    assert "14 people reported aboard fit" in findings[0].message


def test_more_people_than_reported_seats_is_a_warning() -> None:
    report = check_route(chain("JFK-MIA", "B738", people=150, seats=100))
    assert Severity.WARNING in {f.severity for f in report.findings if f.check == "seats"}


# ----------------------------------------------------------------- runway


def test_saba_runway_is_too_short_for_a_gulfstream() -> None:
    saba = airport_rows()["SAB"]
    runway = float(saba["longest_runway_ft"])
    takeoff = figure("GLF5", "takeoff_field_ft")
    assert runway < 0.6 * takeoff  # the premise, from the bundled table and the aircraft table
    report = check_route(chain("SXM-SAB-SXM", "GLF5"))
    f = only(report, "runway", stop=1)
    assert f.severity is Severity.IMPLAUSIBLE
    assert f"{runway:,.0f} ft" in f.message
    assert f"{takeoff:,.0f} ft" in f.message
    assert report.verdict is Severity.IMPLAUSIBLE


def test_runway_between_the_thresholds_is_a_warning() -> None:
    takeoff = figure("GLF5", "takeoff_field_ft")
    code = next(
        c
        for c, row in sorted(airport_rows().items())
        if row["longest_runway_ft"]
        and 0.6 * takeoff <= float(row["longest_runway_ft"]) < takeoff
        and row["type"] == "medium_airport"
    )
    f = only(check_route(chain(f"{code}-ANC", "GLF5")), "runway", stop=0)
    assert f.severity is Severity.WARNING
    assert "possible only well below maximum weight" in f.message


def test_vague_stop_counts_candidates_with_a_long_enough_runway() -> None:
    takeoff = figure("GLF5", "takeoff_field_ft")
    stop = vague("Caribbean", "SAB", "SXM", "SBH")
    long_enough = sum(
        float(airport_rows()[c]["longest_runway_ft"]) >= takeoff for c in ("SAB", "SXM", "SBH")
    )
    route = Route(stops=(at("MIA"), stop, at("MIA")), aircraft="GLF5")
    f = only(check_route(route), "runway", stop=1)
    assert f.message.startswith(f"{long_enough} of the 3 candidate airports")
    assert f.severity is (Severity.IMPLAUSIBLE if long_enough == 0 else Severity.WARNING)


# ----------------------------------------------------------------- times


def _timed(knots: float) -> Route:
    hours = gc_nm("ANC", "SHE") / knots
    dep = dt.datetime(2024, 3, 30, 1, 0, tzinfo=UTC)
    stops = (at("ANC", departure=dep), at("SHE", arrival=dep + dt.timedelta(hours=hours)))
    return Route(stops=stops, aircraft="GLF5")


def test_900_knots_is_implausible() -> None:
    f = only(check_route(_timed(900)), "speed", leg=1)
    assert f.severity is Severity.IMPLAUSIBLE
    assert f.data["ground_speed_kt"] == pytest.approx(900, abs=0.5)
    assert "900 kt" in f.message


def test_cruise_speed_is_ok_and_a_strong_tailwind_a_warning() -> None:
    cruise = figure("GLF5", "cruise_ktas")
    assert only(check_route(_timed(cruise - 30)), "speed", leg=1).severity is Severity.OK
    assert only(check_route(_timed(cruise + 150)), "speed", leg=1).severity is Severity.WARNING


def test_arriving_before_departing_is_implausible() -> None:
    dep = dt.datetime(2024, 3, 30, 12, 0, tzinfo=UTC)
    stops = (at("ANC", departure=dep), at("SHE", arrival=dep - dt.timedelta(hours=1)))
    f = only(check_route(Route(stops=stops, aircraft="GLF5")), "speed", leg=1)
    assert f.severity is Severity.IMPLAUSIBLE
    assert "before it departs" in f.message


def test_departing_a_stop_before_arriving_is_implausible() -> None:
    t = dt.datetime(2024, 3, 30, 12, 0, tzinfo=UTC)
    stops = (at("ANC"), at("SHE", arrival=t, departure=t - dt.timedelta(minutes=30)), at("ICN"))
    f = only(check_route(Route(stops=stops, aircraft="GLF5")), "speed", stop=1)
    assert f.severity is Severity.IMPLAUSIBLE
    assert "0 h 30 min before" in f.message


def test_times_without_time_zone_are_a_warning_even_without_aircraft() -> None:
    t = dt.datetime(2024, 3, 30, 12, 0)
    stops = (at("ANC", departure=t), at("SHE", arrival=t + dt.timedelta(hours=7)))
    f = only(check_route(Route(stops=stops)), "speed", leg=1)
    assert f.severity is Severity.WARNING
    assert "time zone" in f.message


# ----------------------------------------------------------------- unresolved, aircraft


def test_unresolved_stop_is_a_warning_and_implausible_under_strict() -> None:
    stops = (at("ANC"), Stop(name="Atlantis", kind=StopKind.UNKNOWN), at("SHE"))
    route = Route(stops=stops, aircraft="GLF5")
    f = only(check_route(route), "unresolved", stop=1)
    assert f.severity is Severity.WARNING
    assert "legs 1 and 2" in f.message
    strict = only(check_route(route, CheckSettings(strict=True)), "unresolved", stop=1)
    assert strict.severity is Severity.IMPLAUSIBLE
    assert not [f for f in check_route(route).findings if f.check == "range"]


def test_no_aircraft_says_which_checks_could_not_run() -> None:
    report = check_route(chain("ANC-SHE"))
    f = only(report, "aircraft")
    assert f.severity is Severity.WARNING
    for check in ("range", "seat", "runway", "speed"):
        assert check in f.message
    assert report.aircraft is None
    assert {f.check for f in report.findings} == {"aircraft"}


def test_unknown_aircraft_is_a_warning_not_an_error() -> None:
    f = only(check_route(chain("ANC-SHE", "Sopwith Camel")), "aircraft")
    assert f.severity is Severity.WARNING
    assert "Sopwith Camel" in f.message


def test_aircraft_lacking_figures_names_the_checks() -> None:
    f = only(check_route(chain("ANC-SHE", "GLF4")), "aircraft")
    assert f.severity is Severity.WARNING
    assert "runway" in f.message


def test_aircraft_argument_overrides_the_route() -> None:
    report = check_routes([chain("ANC-SHE", "GLF5")], aircraft="E145")
    assert report.routes[0].route.aircraft == "E145"
    assert report.verdict is Severity.IMPLAUSIBLE


# ----------------------------------------------------------------- settings and model


def test_settings_change_the_usable_range() -> None:
    f = only(
        check_route(chain("ANC-SHE", "GLF5"), CheckSettings(route_factor=1.1, wind_kt=50)), "range"
    )
    assert f.data["usable_nm_low"] == pytest.approx(usable_nm("GLF5", 50, 1.1), abs=0.01)


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"route_factor": 0.9}, "route_factor 0.9"),
        ({"wind_kt": "30"}, "expected a number"),
        ({"strict": 1}, "true or false"),
        ({"runway_margin": 0.8, "runway_implausible": 0.9}, "runway_implausible"),
    ],
)
def test_bad_settings_are_refused(kwargs: dict[str, object], words: str) -> None:
    with pytest.raises(InputError, match=words):
        CheckSettings(**kwargs)  # type: ignore[arg-type]


def test_runway_at_the_last_stop_is_checked_for_landing() -> None:
    report = check_route(chain("AZA-ELP-ANC", "GLF5"))
    spec = lookup_aircraft("GLF5")
    assert spec.landing_field_ft is not None
    assert spec.takeoff_field_ft is not None
    runways = {f.stop: f for f in report.findings if f.check == "runway"}
    assert [runways[i].data["for"] for i in range(3)] == ["take-off", "take-off", "landing"]
    assert runways[2].data["needed_ft_high"] == spec.landing_field_ft.high
    assert f"the {spec.landing_field_ft} ft a Gulfstream V" in runways[2].message
    assert "needs to land at maximum weight" in runways[2].message
    assert f"the {spec.takeoff_field_ft} ft" in runways[1].message
    assert "needs to take off" in runways[1].message


def test_findings_are_immutable_and_ordered() -> None:
    report = check_route(chain(SEED, "GLF5"))
    order = [CHECKS.index(f.check) for f in report.findings]
    assert order[0] == 0
    with pytest.raises(TypeError):
        report.findings[0].data["x"] = 1  # type: ignore[index]
    assert Severity.worst([Severity.WARNING, Severity.OK]) is Severity.WARNING
    assert hash(report.findings[0]) == hash(report.findings[0])


def test_frame_has_one_row_per_finding() -> None:
    report = check_routes([chain(SEED, "GLF5"), chain("ANC-SHE", "E145")])
    frame = report.frame()
    assert list(frame.columns) == ["route", "check", "severity", "leg", "stop", "message"]
    assert len(frame) == sum(len(r.findings) for r in report.routes)
    assert set(frame["severity"]) == {"ok", "implausible"}
    assert "<table" in report._repr_html_()
    # people read the table: stops count from 1, as legs do; Finding.stop stays an index
    findings = [f for _, f in report.findings]
    assert frame["stop"].tolist() == [pd.NA if f.stop is None else f.stop + 1 for f in findings]
    assert frame["leg"].tolist() == [pd.NA if f.leg is None else f.leg for f in findings]
    alaska = frame[(frame["check"] == "stop-needed") & (frame["stop"] == 3)]
    assert len(alaska) == 1
    assert "Anchorage" in alaska["message"].iloc[0]
    assert report.routes[0].frame().equals(frame[frame["route"] == SEED].reset_index(drop=True))


def test_many_routes_match_one_at_a_time() -> None:
    routes = [chain(SEED, "GLF5"), chain("ANC-SHE", "E145"), chain("JFK-MIA", "a 737", people=300)]
    batch = check_routes(routes)
    for route, report in zip(routes, batch.routes, strict=True):
        assert report.findings == check_route(route).findings


# ----------------------------------------------------------------- pyproject settings


def test_settings_from_the_nearest_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname = 'x'\n\n"
        "[tool.flightlegs]\nwind-kt = 30\nroute_factor = 1.05\nstrict = true\n",
        encoding="utf-8",
    )
    deeper = tmp_path / "a" / "b"
    deeper.mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text("[project]\nname = 'inner'\n", encoding="utf-8")
    monkeypatch.chdir(deeper)
    assert find_pyproject() == tmp_path / "pyproject.toml"
    config = load_config()
    assert config.path == tmp_path / "pyproject.toml"
    assert (config.check.wind_kt, config.check.route_factor, config.check.strict) == (
        30.0,
        1.05,
        True,
    )
    assert config.check.reserve_min == CheckSettings().reserve_min


def test_no_pyproject_gives_the_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.path is None
    assert config.check == CheckSettings()


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (
            "[tool.flightlegs]\nwind-kt = 'strong'\n",
            r"pyproject.toml: \[tool.flightlegs\] wind-kt 'strong': expected a number",
        ),
        (
            "[tool.flightlegs]\nroute-factor = 3\n",
            r"route-factor 3: expected a number from 1 to 1.5",
        ),
        (
            "[tool.flightlegs]\nreserve = 30\n",
            r"reserve: unknown key \(did you mean 'reserve-min'\?\)",
        ),
        ("[tool.flightlegs]\nstrict = 'yes'\n", r"strict 'yes': expected true or false"),
        ("[tool.flightlegs\n", r"pyproject.toml: not valid TOML"),
        ("[tool]\nflightlegs = 3\n", r"must be a table"),
        ("[tool.flightlegs]\nwind-kt = 1\nwind_kt = 2\n", r"given twice"),
    ],
)
def test_bad_pyproject_values_name_the_file_and_key(body: str, words: str) -> None:
    with pytest.raises(InputError, match=words):
        config_from_text(body, "pyproject.toml")


def test_pyproject_with_another_tool_table_only_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    assert find_pyproject(tmp_path) is None
