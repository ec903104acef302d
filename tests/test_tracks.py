"""Tracks: readers, cleaning, reconstruction, routes, compare and the CLI, on made-up tracks.

Synthetic tracks (flightlegs.tracks.synthetic) have known legs and real-feed noise:
jitter, altitudes off by the day's pressure, spikes, dropped rows, frozen repeats.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flightlegs.cli.main import main
from flightlegs.errors import InputError
from flightlegs.read.chains import parse_chain
from flightlegs.show.track_output import render_tracks, tracks_document
from flightlegs.tracks.clean import clean_points, rolling_median
from flightlegs.tracks.compare import compare_route
from flightlegs.tracks.formats import is_track_file, read_track_bytes, read_track_file
from flightlegs.tracks.legs import reconstruct, reconstruct_all
from flightlegs.tracks.model import ObservedTrack
from flightlegs.tracks.points import TrackPoints, points_from_columns
from flightlegs.tracks.routes import track_routes
from flightlegs.tracks.synthetic import synthetic_track, to_plain_csv


def ends(track: ObservedTrack) -> list[tuple[str | None, str | None]]:
    return [
        (leg.origin.icao if leg.origin else None, leg.destination.icao if leg.destination else None)
        for leg in track.legs
    ]


# -- reconstruction -------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_a_three_stop_day_gives_its_two_legs(seed: int) -> None:
    track = reconstruct(synthetic_track(["LSZH", "LFSB", "EDDF"], seed=seed))
    assert ends(track) == [("LSZH", "LFSB"), ("LFSB", "EDDF")]
    assert all(
        leg.origin is not None
        and leg.origin.observed
        and leg.destination is not None
        and leg.destination.observed
        for leg in track.legs
    )


def test_takeoff_and_landing_times_are_the_rolls() -> None:
    pts = synthetic_track(["LSZH", "LFSB"], seed=3)
    leg = reconstruct(pts).legs[0]
    assert leg.takeoff_s is not None
    assert leg.landing_s is not None
    assert pts.time_s[0] < leg.takeoff_s < leg.landing_s < pts.time_s[-1]


def test_a_track_first_seen_at_cruise_has_an_unknown_origin() -> None:
    track = reconstruct(synthetic_track(["LFPG", "LEMD"], seed=1, airborne_start=True))
    assert len(track.legs) == 1
    assert track.legs[0].origin is None
    assert track.legs[0].takeoff_s is None
    assert track.legs[0].destination is not None
    assert track.legs[0].destination.icao == "LEMD"


def test_a_low_pass_is_an_event_not_a_landing() -> None:
    track = reconstruct(synthetic_track(["EGMC", "EGLL"], seed=4, low_pass_at="EGLC"))
    assert ends(track) == [("EGMC", "EGLL")]
    low_passes = [e for e in track.events if e.kind == "low_pass"]
    assert [e.airport.icao if e.airport else None for e in low_passes] == ["EGLC"]


def test_a_cruise_gap_is_not_a_stop() -> None:
    pts = synthetic_track(["KJFK", "KLAX"], seed=2)
    mid = len(pts) // 2
    keep = np.ones(len(pts), dtype=bool)
    keep[mid : mid + 600] = False  # 50 minutes unseen at cruise
    assert len(reconstruct(pts.take(keep)).legs) == 1


def test_a_stop_hidden_in_a_gap_splits_the_legs_and_is_not_observed() -> None:
    pts = synthetic_track(["LSZH", "LFSB", "EDDF"], seed=5, stop_s=3 * 3600)
    ground_at_bsl = (pts.onground == 1) & (np.abs(pts.lat_deg - 47.59) < 0.05)
    track = reconstruct(pts.take(~ground_at_bsl))
    assert len(track.legs) == 2
    assert track.legs[0].landing_s is None
    assert track.legs[1].takeoff_s is None


def test_slow_low_flight_is_not_on_the_ground() -> None:
    pts = synthetic_track(["EGMD", "LFAT"], seed=6, cruise_ft=1000, cruise_kt=45)
    assert len(reconstruct(pts).legs) == 1


def test_a_surface_only_aircraft_has_no_leg() -> None:
    pts = synthetic_track(["LSZH", "LFSB"], seed=7)
    assert reconstruct(pts.take(pts.onground == 1)).legs == ()


def test_several_aircraft_in_one_set_of_points() -> None:
    both = TrackPoints.concat(
        [synthetic_track(["LSZH", "LFSB"], icao24="aaaaaa"),
         synthetic_track(["EGLL", "EHAM"], icao24="bbbbbb")]
    )  # fmt: skip
    tracks = reconstruct_all(both)
    assert [t.icao24 for t in tracks] == ["aaaaaa", "bbbbbb"]
    assert [ends(t) for t in tracks] == [[("LSZH", "LFSB")], [("EGLL", "EHAM")]]


# -- cleaning --------------------------------------------------------------------------


def test_frozen_repeats_are_dropped() -> None:
    pts = synthetic_track(["LSZH", "LFSB"], seed=0)
    doubled = TrackPoints.concat([pts, pts.take(slice(0, None, 2))])
    _, counts = clean_points(doubled)
    assert counts.repeated_times + counts.frozen >= len(pts) // 2


@given(st.lists(st.floats(-1e5, 1e5), min_size=1, max_size=60), st.integers(1, 11))
@settings(max_examples=60, deadline=None)
def test_rolling_median_stays_within_the_values(values: list[float], window: int) -> None:
    arr = np.array(values)
    med = rolling_median(arr, window)
    assert len(med) == len(arr)
    assert med.min() >= arr.min()
    assert med.max() <= arr.max()


# -- readers ---------------------------------------------------------------------------


def _readsb(points: TrackPoints) -> bytes:
    base = float(points.time_s[0])
    trace = []
    for i in range(len(points)):
        alt = "ground" if points.onground[i] == 1 else int(points.altitude_ft[i])
        details = {"flight": "TEST1   "} if i % 40 == 0 else None
        flags = 2 if i == 0 else 0
        trace.append([points.time_s[i] - base, points.lat_deg[i], points.lon_deg[i], alt,
                      float(points.groundspeed_kt[i]), None, flags, None, details])  # fmt: skip
    doc = {"icao": "abc123", "r": "HB-XYZ", "t": "GLF5", "timestamp": base, "trace": trace}
    return gzip.compress(json.dumps(doc).encode())


def _opensky_csv(points: TrackPoints) -> str:
    rows = ["time,icao24,lat,lon,velocity,heading,vertrate,callsign,onground,alert,spi,squawk,"
            "baroaltitude,geoaltitude,lastposupdate,lastcontact"]  # fmt: skip
    for i in range(len(points)):
        t = points.time_s[i]
        rows.append(
            f"{t:.0f},{points.icao24[i]},{points.lat_deg[i]},{points.lon_deg[i]},"
            f"{points.groundspeed_kt[i] * 1852 / 3600},,,TEST1   ,"
            f"{'true' if points.onground[i] == 1 else 'false'},false,false,,"
            f"{points.altitude_ft[i] * 0.3048},,{t - 1},{t - 0.5}"
        )
    rows.append(f"{points.time_s[-1] + 400:.0f},abc123,47.0,8.0,0,,,,false,,,,0,,1.0,1.0")  # stale
    return "\n".join(rows) + "\n"


def _fr24_csv(points: TrackPoints) -> str:
    rows = ["Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction"]
    for i in range(0, len(points), 3):
        alt = 0 if points.onground[i] == 1 else round(points.altitude_ft[i])
        rows.append(f'{points.time_s[i]:.0f},x,TEST1,"{points.lat_deg[i]},{points.lon_deg[i]}",'
                    f"{alt},{points.groundspeed_kt[i]:.0f},90")  # fmt: skip
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("fmt", ["readsb-trace", "opensky-csv", "fr24-csv", "plain-csv"])
def test_every_reader_gives_the_same_legs(fmt: str) -> None:
    pts = synthetic_track(["LSZH", "LFSB"], seed=8)
    data = {
        "readsb-trace": lambda: _readsb(pts),
        "opensky-csv": lambda: _opensky_csv(pts).encode(),
        "fr24-csv": lambda: _fr24_csv(pts).encode(),
        "plain-csv": lambda: to_plain_csv(pts).encode(),
    }[fmt]()
    track = read_track_bytes(data, "t")
    assert track.format == fmt
    (observed,) = reconstruct_all(track.points, track.aircraft)
    assert ends(observed) == [("LSZH", "LFSB")]


def test_readsb_units_flags_and_details() -> None:
    track = read_track_bytes(_readsb(synthetic_track(["LSZH", "LFSB"], seed=8)), "t")
    assert track.aircraft["abc123"].registration == "HB-XYZ"
    assert set(track.points.callsign.tolist()) == {"TEST1"}  # carried forward
    assert track.points.new_leg[0]
    assert np.isnan(track.points.altitude_ft[track.points.onground == 1]).all()


def test_opensky_stale_rows_are_counted_not_fatal() -> None:
    track = read_track_bytes(_opensky_csv(synthetic_track(["LSZH", "LFSB"])).encode(), "t")
    assert track.counts.stale == 1
    assert track.points.altitude_ft.max() > 3_000  # metres became feet


def test_opensky_rest_states() -> None:
    doc = {"time": 1_700_000_010, "states": [
        ["4b1801", "SWR1   ", "CH", 1_700_000_009, 1_700_000_009, 8.55, 47.45, 3048.0, False,
         100.0, 90.0, 5.0, None, 3100.0, "1000", False, 0],
        ["4b1802", None, "CH", 1_600_000_000, 1_600_000_000, 8.5, 47.4, None, True, 0.0,
         0.0, 0.0, None, None, None, False, 0],
    ]}  # fmt: skip
    track = read_track_bytes(json.dumps(doc).encode(), "t")
    assert track.format == "opensky-rest"
    assert track.counts.stale == 1
    assert track.points.altitude_ft.round().tolist() == [10000.0]
    assert track.points.groundspeed_kt.round(1).tolist() == [194.4]


def test_traffic_records_in_milliseconds() -> None:
    recs = [
        {"timestamp": 1_700_000_000_000 + 1000 * i, "icao24": "3924e5", "latitude": 45.0,
         "longitude": 5.0 + i / 100, "altitude": 20_000, "groundspeed": 300}
        for i in range(3)
    ]  # fmt: skip
    track = read_track_bytes(json.dumps(recs).encode(), "t")
    assert track.format == "traffic-json"
    assert track.points.time_s.tolist() == [1.7e9, 1.7e9 + 1, 1.7e9 + 2]
    assert track.points.icao24[0] == "3924e5"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"a,b,c\n1,2,3\n", "line 1: header"),
        (b'{"routes": []}', "match no track format"),
        (b"{not json", "not valid JSON"),
        (b"\x1f\x8bnot gzip", "damaged gzip"),
    ],
)
def test_bad_input_is_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_track_bytes(data, "bad.file")


def test_bad_rows_are_counted() -> None:
    pts, counts = points_from_columns(
        {
            "time": (np.array([1.0, 2.0, 3.0]), "s"),
            "lat": (np.array([45.0, np.nan, 99.0]), "deg"),
            "lon": (np.array([5.0, 5.0, 5.0]), "deg"),
        }
    )
    assert (len(pts), counts.no_position, counts.bad) == (1, 1, 1)


# -- routes, compare, output --------------------------------------------------------------


def test_observed_legs_are_a_route() -> None:
    (route,) = track_routes(reconstruct(synthetic_track(["LSZH", "LFSB", "EDDF"])))
    assert [s.code for s in route.stops] == ["ZRH", "BSL", "FRA"]
    assert route.stops[1].arrival is not None
    assert route.stops[1].departure is not None
    assert round(route.legs()[0].km) == 78


def test_compare_names_missing_and_unreported_stops() -> None:
    flown = [reconstruct(synthetic_track(["LSZH", "LFSB", "EDDF"]))]
    assert compare_route(parse_chain("ZRH-BSL-FRA")[0], flown).agrees
    result = compare_route(parse_chain("ZRH-MUC-FRA")[0], flown)
    statuses = [m.status for m in result.matches]
    assert sorted(statuses) == ["flown", "flown", "missing", "unreported"]
    assert not result.agrees


def test_the_json_contract() -> None:
    doc = tracks_document([reconstruct(synthetic_track(["LSZH", "LFSB"]))])
    (track,) = doc["tracks"]
    assert {"icao24", "registration", "type", "legs", "events"} <= set(track)
    (leg,) = track["legs"]
    assert set(leg) == {"callsign", "start_utc", "end_utc", "takeoff_utc", "landing_utc", "from",
                        "to", "distance_km", "duration_s", "points"}  # fmt: skip
    assert {"icao", "iata", "name", "observed", "confidence", "distance_km"} <= set(leg["from"])
    assert leg["takeoff_utc"].endswith("Z")
    assert render_tracks([], "geojson").startswith("{")


# -- the command line --------------------------------------------------------------------


@pytest.fixture
def track_csv(tmp_path: Path) -> Path:
    path = tmp_path / "flight.csv"
    path.write_text(to_plain_csv(synthetic_track(["LSZH", "LFSB", "EDDF"], seed=9)))
    return path


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "geojson"])
def test_track_command(track_csv: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["track", str(track_csv), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "LFSB" in out


def test_track_command_bad_file_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("nothing,here\n")
    assert main(["track", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "bad.csv" in err


def test_compare_command_exit_status(track_csv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "ZRH-BSL-FRA", str(track_csv)]) == 0
    assert main(["compare", "ZRH-FRA", str(track_csv)]) == 1
    assert "unreported" in capsys.readouterr().out


def test_check_and_map_take_track_files(track_csv: Path, tmp_path: Path) -> None:
    assert is_track_file(track_csv)
    assert main(["check", str(track_csv), "--aircraft", "GLF5"]) in (0, 1)
    out = tmp_path / "map.html"
    assert main(["map", str(track_csv), "-o", str(out)]) == 0
    html = out.read_text()
    assert "#d73027" in html  # the low part of the track, coloured by altitude
    assert "timeDimension" in html  # the time slider


def test_read_track_file_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.json: cannot read"):
        read_track_file(tmp_path / "missing.json")
