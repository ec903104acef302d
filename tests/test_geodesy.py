"""Geodesy against GeographicLib, plus properties that must hold everywhere."""

from __future__ import annotations

import math

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic
from hypothesis import given, settings
from hypothesis import strategies as st

from flightlegs.core.geodesy import (
    LatLon,
    circle,
    convert,
    densify,
    distance_m,
    inverse,
    shift_longitudes,
    unwrap_longitudes,
)
from flightlegs.errors import InputError
from flightlegs.reference.airports import airport_table

WGS84 = Geodesic.WGS84

# Real airport pairs: short hops, long hauls, both hemispheres, the antimeridian, the poles' side.
PAIRS = [
    ("AZA", "ELP"),
    ("ELP", "ANC"),
    ("ANC", "SHE"),
    ("SHE", "ICN"),
    ("ICN", "AZA"),
    ("SNN", "JFK"),
    ("SYD", "SCL"),
    ("AKL", "HNL"),
    ("NRT", "SFO"),
    ("JNB", "PER"),
    ("LHR", "SIN"),
    ("GRU", "LIS"),
    ("FAI", "OSL"),
    ("KEF", "ANC"),
    ("MDZ", "AKL"),
    ("ADW", "RMS"),
    ("NAN", "PPT"),
    ("LAX", "LAX"),
]


def _reference(a: LatLon, b: LatLon) -> tuple[float, float]:
    g = WGS84.Inverse(a.lat, a.lon, b.lat, b.lon)
    return g["s12"], g["azi1"] % 360.0


@pytest.mark.parametrize(("origin", "destination"), PAIRS)
def test_distance_matches_geographiclib_to_a_millimetre(origin: str, destination: str) -> None:
    table = airport_table()
    a, b = table.by_code(origin).position, table.by_code(destination).position
    expected, azimuth = _reference(a, b)
    got, bearing = inverse(a.lat, a.lon, b.lat, b.lon)
    assert abs(float(got) - expected) < 1e-3
    if expected > 0:
        assert (
            math.isclose(float(bearing), azimuth, abs_tol=1e-6)
            or abs(float(bearing) - azimuth) > 359.999
        )


def test_inverse_is_vectorised_over_arrays() -> None:
    table = airport_table()
    a = [table.by_code(o).position for o, _ in PAIRS]
    b = [table.by_code(d).position for _, d in PAIRS]
    got, _ = inverse([p.lat for p in a], [p.lon for p in a], [p.lat for p in b], [p.lon for p in b])
    assert got.shape == (len(PAIRS),)
    expected = [_reference(p, q)[0] for p, q in zip(a, b, strict=True)]
    np.testing.assert_allclose(got, expected, atol=1e-3, rtol=0)


lats = st.floats(-90, 90, allow_nan=False)
lons = st.floats(-180, 180, allow_nan=False)
points = st.builds(LatLon, lats, lons)


@given(points, points)
def test_distance_is_symmetric(a: LatLon, b: LatLon) -> None:
    assert math.isclose(distance_m(a, b), distance_m(b, a), rel_tol=1e-9, abs_tol=1e-6)


@given(points, points, points)
def test_triangle_inequality(a: LatLon, b: LatLon, c: LatLon) -> None:
    assert distance_m(a, c) <= distance_m(a, b) + distance_m(b, c) + 1e-3


@given(points)
def test_distance_to_itself_is_zero(a: LatLon) -> None:
    assert distance_m(a, a) == pytest.approx(0.0, abs=1e-6)


@given(st.floats(-89.9, 89.9), lons)
def test_antipodal_points_agree_with_geographiclib(lat: float, lon: float) -> None:
    a = LatLon(lat, lon)
    b = LatLon(-lat, lon + 180.0)
    assert distance_m(a, b) == pytest.approx(_reference(a, b)[0], abs=1e-3)
    # no two points on WGS84 are farther apart than half the meridian
    assert distance_m(a, b) <= 20_003_931.46


@given(lons, lons)
def test_pole_to_pole_is_two_quarter_meridians(lon1: float, lon2: float) -> None:
    assert distance_m(LatLon(90, lon1), LatLon(-90, lon2)) == pytest.approx(
        20_003_931.4586, abs=1e-3
    )


@given(st.floats(-80, 80), st.floats(0.01, 5))
def test_antimeridian_crossing_is_short(lat: float, half_gap: float) -> None:
    east = LatLon(lat, 180.0 - half_gap)
    west = LatLon(lat, -180.0 + half_gap)
    # the short way across 180 degrees, not around the world
    assert distance_m(east, west) < 2 * half_gap * 111_400 + 1


def test_latlon_validates_and_normalises() -> None:
    assert LatLon(0, 190).lon == -170
    assert LatLon(0, -180).lon == -180
    with pytest.raises(InputError, match="latitude"):
        LatLon(-90.5, 0)
    with pytest.raises(InputError, match="finite"):
        LatLon(0, float("nan"))


def test_convert_units() -> None:
    assert convert(1852.0, "nm") == 1.0
    assert convert(1609.344, "mi") == 1.0
    with pytest.raises(InputError, match="unknown distance unit"):
        convert(1.0, "furlong")


@settings(max_examples=50)
@given(points, points)
def test_densified_points_lie_on_the_geodesic(a: LatLon, b: LatLon) -> None:
    pts = densify(a, b, spacing_m=200_000)
    total = distance_m(a, b)
    d_from_a, _ = inverse(a.lat, a.lon, pts[:, 0], pts[:, 1])
    d_to_b, _ = inverse(pts[:, 0], pts[:, 1], b.lat, b.lon)
    # every point splits the leg exactly: a->p + p->b == a->b
    np.testing.assert_allclose(d_from_a + d_to_b, total, atol=1.0)
    steps, _ = inverse(pts[:-1, 0], pts[:-1, 1], pts[1:, 0], pts[1:, 1])
    assert steps.max() <= 200_000 + 1.0


def test_anchorage_shenyang_arc_unwraps_across_the_pacific() -> None:
    table = airport_table()
    anc, she = table.by_code("ANC").position, table.by_code("SHE").position
    pts = densify(anc, she)
    raw_jumps = np.abs(np.diff(pts[:, 1]))
    assert raw_jumps.max() > 180  # the raw line jumps from -180 to +180
    lon = unwrap_longitudes(pts[:, 1])
    assert np.abs(np.diff(lon)).max() < 180
    assert lon[0] == pytest.approx(anc.lon)
    assert lon[-1] == pytest.approx(she.lon - 360)
    # both ends stay within one 360-degree window around the middle of the arc
    center = float(lon.mean())
    ends = shift_longitudes([anc.lon, she.lon], center)
    assert ends.tolist() == pytest.approx([lon[0], lon[-1]])


@settings(max_examples=30)
@given(st.floats(-85, 85), lons, st.floats(10_000, 8_000_000))
def test_circle_points_are_at_the_radius(lat: float, lon: float, radius: float) -> None:
    ring = circle(LatLon(lat, lon), radius, n=24)
    assert ring.shape == (25, 2)
    d, _ = inverse(lat, lon, ring[:, 0], ring[:, 1])
    np.testing.assert_allclose(d, radius, rtol=1e-9, atol=1e-3)
    # closed: the same point again (a ring around a pole ends one turn further east or west)
    assert ring[0, 0] == ring[-1, 0]
    turns = (ring[-1, 1] - ring[0, 1]) / 360.0
    assert turns == pytest.approx(round(turns), abs=1e-9)
    assert np.abs(np.diff(ring[:, 1])).max() < 180


def test_circle_rejects_bad_radius() -> None:
    with pytest.raises(InputError, match="radius"):
        circle(LatLon(0, 0), -1.0)
