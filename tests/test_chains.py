"""Code chains in Great Circle Mapper's syntax: routes, alternatives, coordinates, errors."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flightlegs.core.route import StopKind
from flightlegs.errors import FlightlegsError, InputError, RouteSyntaxError
from flightlegs.read.chains import MAX_CHAIN_LENGTH, TokenKind, parse_chain, tokenize


def codes(chain: str) -> list[list[str]]:
    return [[s.code for s in r.stops] for r in parse_chain(chain)]


@pytest.mark.parametrize(
    ("chain", "expected"),
    [
        ("AZA-ELP-ANC-SHE-ICN", [["AZA", "ELP", "ANC", "SHE", "ICN"]]),
        ("aza-elp-anc", [["AZA", "ELP", "ANC"]]),
        ("KIWA-KELP-PANC-ZYTX-RKSI", [["AZA", "ELP", "ANC", "SHE", "ICN"]]),
        ("AZA-kelp-Panc", [["AZA", "ELP", "ANC"]]),
        ("ANC-SHE,SHE-ICN", [["ANC", "SHE"], ["SHE", "ICN"]]),
        ("ANC-SHE, SHE-ICN", [["ANC", "SHE"], ["SHE", "ICN"]]),
        ("ANC-SHE SHE-ICN", [["ANC", "SHE"], ["SHE", "ICN"]]),
        ("ANC - SHE - ICN", [["ANC", "SHE", "ICN"]]),
        ("JFK-LHR/CDG", [["JFK", "LHR"], ["JFK", "CDG"]]),
        ("JFK/EWR-LHR", [["JFK", "LHR"], ["EWR", "LHR"]]),
        ("SFO-LAX/SJC-ORD", [["SFO", "LAX", "ORD"], ["SFO", "SJC", "ORD"]]),
        ("ANC-SHE,", [["ANC", "SHE"]]),
        ("ADW-RMS", [["ADW", "RMS"]]),
    ],
)
def test_chains(chain: str, expected: list[list[str]]) -> None:
    assert codes(chain) == expected


def test_route_names_follow_the_chain() -> None:
    assert [r.name for r in parse_chain("kiwa-elp, JFK-LHR/CDG")] == [
        "KIWA-ELP",
        "JFK-LHR",
        "JFK-CDG",
    ]


def test_tokens_keep_positions() -> None:
    toks = tokenize("ANC-SHE, (61.2,-150)")
    assert [(t.kind, t.start) for t in toks if t.kind is not TokenKind.SPACE] == [
        (TokenKind.CODE, 0),
        (TokenKind.HYPHEN, 3),
        (TokenKind.CODE, 4),
        (TokenKind.COMMA, 7),
        (TokenKind.COORDINATES, 9),
    ]


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        ("41.64N 123.48E", 41.64, 123.48),
        ("41.64N123.48E", 41.64, 123.48),
        ("41.64n 123.48e", 41.64, 123.48),
        ("33.94S 151.18E", -33.94, 151.18),
        ("61.17N 150.0W", 61.17, -150.0),
        ("N41.64 E123.48", 41.64, 123.48),
        ("S33.94 W70.79", -33.94, -70.79),
        ("(41.64, 123.48)", 41.64, 123.48),
        ("[-33.94,151.18]", -33.94, 151.18),
        ("(61.17 -150)", 61.17, -150.0),
        ("41°38'N 123°29'E", 41 + 38 / 60, 123 + 29 / 60),
        ("41° 38′ 24″N 123° 29′ 0″E", 41 + 38 / 60 + 24 / 3600, 123 + 29 / 60),
        ("0N 180E", 0.0, 180.0),
        ("90S 0E", -90.0, 0.0),
    ],
)
def test_coordinates(text: str, lat: float, lon: float) -> None:
    (route,) = parse_chain(f"ANC-{text}")
    stop = route.stops[1]
    assert stop.kind is StopKind.COORDINATES
    assert stop.point is not None
    assert stop.point.lat == pytest.approx(lat)
    assert stop.point.lon == pytest.approx(lon)
    assert route.legs()[0].is_measured


@pytest.mark.parametrize(
    ("chain", "position", "pattern"),
    [
        ("ANC-XNC", 5, "unknown airport code 'XNC'; did you mean ANC"),
        ("AZA--ELP", 5, "must follow a stop"),
        ("-AZA", 1, "must follow a stop"),
        ("AZA-", 4, "stop is missing after '-'"),
        ("AZA-ELP-", 8, "stop is missing"),
        ("JFK-LHR/", 8, "stop is missing after '/'"),
        ("AZA-,ELP", 4, "stop is missing"),
        ("AZA-ELP;ANC", 8, "unexpected character ';'"),
        ("AZA-PHOENIX", 5, "'PHOENIX' is not an airport code"),
        ("AZA-1234", 5, "is a number"),
        ("ANC-(95.0, 10)", 5, "latitude 95 is outside"),
        ("ANC-10N 200E", 5, "longitude 200 is outside"),
        ("AZA-DZI", 5, "ambiguous 'DZI'"),
    ],
)
def test_errors_point_at_the_token(chain: str, position: int, pattern: str) -> None:
    with pytest.raises(RouteSyntaxError, match=pattern) as err:
        parse_chain(chain)
    assert err.value.position == position - 1
    assert f"at character {position}" in str(err.value)


@pytest.mark.parametrize("chain", ["", "   ", ",", ", ,"])
def test_empty_chain(chain: str) -> None:
    with pytest.raises(RouteSyntaxError, match="no stops"):
        parse_chain(chain)


def test_oversized_chain_is_refused() -> None:
    with pytest.raises(InputError, match="longer than"):
        parse_chain("ANC-" * (MAX_CHAIN_LENGTH // 4 + 1))


def test_alternatives_cannot_explode() -> None:
    with pytest.raises(RouteSyntaxError, match="more than"):
        parse_chain("-".join(["ANC/SHE/ICN/ELP"] * 6))


def test_evidence_spans_the_token() -> None:
    chain = "aza-ELP"
    stop = parse_chain(chain)[0].stops[1]
    assert stop.evidence is not None
    assert chain[stop.evidence.start : stop.evidence.end] == "ELP"


@given(st.text(max_size=60))
def test_arbitrary_text_raises_only_our_errors(text: str) -> None:
    try:
        routes = parse_chain(text)
    except FlightlegsError:
        return
    assert all(len(r.stops) >= 1 for r in routes)


@given(st.text(alphabet="ANCSHEIL-/, 0123456789.NSEW()", max_size=40))
def test_chain_alphabet_raises_only_our_errors(text: str) -> None:
    with contextlib.suppress(FlightlegsError):
        parse_chain(text)
