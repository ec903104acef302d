"""Tests of the aircraft table, its aliases, look-ups and mention finding."""

from __future__ import annotations

import csv
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flightlegs.core.files import data_path
from flightlegs.errors import AircraftError, FlightlegsError, InputError
from flightlegs.reference.aircraft import (
    FIGURES,
    AircraftSpec,
    AircraftType,
    Interval,
    aircraft_table,
    aircraft_types,
    find_aircraft_mentions,
    lookup_aircraft,
)

REQUIRED_TYPES = {
    "GLF4", "GLF5", "GLF6",
    "B733", "B734", "B737", "B738", "B739",
    "MD82", "MD83",
    "A319", "A320", "A321",
    "E145", "E190", "CRJ2",
    "B752", "B763", "B772",
    "C17", "C130",
}  # fmt: skip

#: Types named by reports in tests/reports, and the other types added with them.
REPORTED_TYPES = {
    "C208", "PC12", "GL7T", "GLEX", "CL35", "CL60", "FA7X", "F900",
    "A332", "A333", "C5M", "LJ45", "B38M", "A20N", "B77W", "B748",
    "E75L", "AT76", "DH8D", "A400", "DHC6", "IL76", "S92",
}  # fmt: skip

#: Loose physical bounds per figure: a value outside them is a unit or typing mistake.
PLAUSIBLE = {
    # light aircraft (a Super Cub: 100 kt, one passenger, 794 kg) down to the airliners
    "range_nm": (300, 10_000),
    "cruise_ktas": (60, 560),
    "max_seats": (1, 900),
    "typical_seats": (1, 700),
    "mtow_kg": (400, 700_000),
    "takeoff_field_ft": (500, 14_000),
    "landing_field_ft": (500, 12_000),
    # A helicopter (S92) tops out far lower than any fixed-wing type in the table.
    "ceiling_ft": (10_000, 55_000),
}


def _rows(name: str) -> list[dict[str, str]]:
    with data_path(name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- integrity of the bundled data -------------------------------------------------------


def test_designators_are_unique_and_required_types_present() -> None:
    codes = [row["icao_type"] for row in _rows("aircraft.csv")]
    assert len(codes) == len(set(codes))
    assert len(codes) >= 25
    assert set(codes) >= REQUIRED_TYPES | REPORTED_TYPES
    assert any(code in {"B789", "B744", "A359"} for code in codes)


def test_every_numeric_cell_is_empty_or_positive() -> None:
    for row in _rows("aircraft.csv"):
        for figure in FIGURES:
            cell = row[figure].strip()
            if cell:
                value = float(cell)
                assert math.isfinite(value), (row["icao_type"], figure)
                assert value > 0, (row["icao_type"], figure)


def test_every_figure_is_physically_plausible() -> None:
    for row in _rows("aircraft.csv"):
        for figure, (low, high) in PLAUSIBLE.items():
            cell = row[figure].strip()
            if cell:
                assert low <= float(cell) <= high, (row["icao_type"], figure, cell)


def test_every_published_range_states_its_conditions() -> None:
    for row in _rows("aircraft.csv"):
        assert row["range_conditions"].strip(), row["icao_type"]


def test_every_row_with_a_figure_names_a_source() -> None:
    for row in _rows("aircraft.csv"):
        assert row["source"].strip(), row["icao_type"]
        assert "http" in row["source"] or "OpenAP" in row["source"], row["icao_type"]


def test_estimates_and_conversions_are_flagged_in_notes() -> None:
    # A cruise speed worked out from a Mach number is not a published figure.
    for row in _rows("aircraft.csv"):
        if "x 573.6 kt" in row["notes"]:
            assert "COMPUTED" in row["notes"], row["icao_type"]


def test_every_alias_target_exists_and_aliases_do_not_repeat() -> None:
    types = {row["icao_type"] for row in _rows("aircraft.csv")}
    families = {row["family"] for row in _rows("aircraft.csv") if row["family"]}
    folded: set[str] = set()
    for row in _rows("aircraft_aliases.csv"):
        assert row["target"] in types | families, row
        assert row["prose"] in {"yes", "article", "noun"}, row
        key = "".join(ch for ch in row["alias"].casefold() if ch.isalnum())
        assert key not in folded, row["alias"]
        folded.add(key)


def test_families_group_the_expected_types() -> None:
    by_code = {t.icao_type: t for t in aircraft_types()}
    assert {by_code[c].family for c in ("GLF4", "GLF5", "GLF6")} == {"Gulfstream large-cabin"}
    assert {by_code[c].family for c in ("B733", "B734", "B737", "B738", "B739")} == {"Boeing 737"}
    assert {by_code[c].family for c in ("MD82", "MD83")} == {"MD-80"}
    assert {by_code[c].family for c in ("A319", "A320", "A321")} == {"Airbus A320 family"}
    assert {by_code[c].family for c in ("A332", "A333")} == {"Airbus A330"}
    assert {by_code[c].family for c in ("CL35", "CL60")} == {"Bombardier Challenger"}
    assert {by_code[c].family for c in ("GL7T", "GLEX")} == {"Bombardier Global"}
    assert {by_code[c].family for c in ("FA7X", "F900")} == {"Dassault Falcon trijet"}
    assert {by_code[c].family for c in ("B772", "B77W")} == {"Boeing 777"}
    assert {by_code[c].family for c in ("B744", "B748")} == {"Boeing 747"}
    # Re-engined generations are families of their own: "a 737" is a Classic or an NG.
    assert by_code["B38M"].family == "Boeing 737 MAX"
    assert by_code["A20N"].family == "Airbus A320neo family"


def test_table_loads_as_typed_rows() -> None:
    types = aircraft_types()
    assert all(isinstance(t, AircraftType) for t in types)
    gv = next(t for t in types if t.icao_type == "GLF5")
    assert isinstance(gv.max_seats, int)
    assert gv.mtow_kg is None  # not found in a readable source: left empty, not guessed


def test_aircraft_table_is_indexed_by_designator() -> None:
    table = aircraft_table()
    assert table.index.name == "icao_type"
    assert table.index.is_unique
    assert table["typical_seats"]["B738"] == 162
    assert table["mtow_kg"].isna()["GLF5"]


# --- value types -------------------------------------------------------------------------


def test_interval_validates_its_bounds() -> None:
    assert Interval(1, 1).is_exact
    assert not Interval(1, 2).is_exact
    with pytest.raises(InputError, match="low exceeds high"):
        Interval(2, 1)
    with pytest.raises(InputError, match="finite"):
        Interval(0, math.inf)
    with pytest.raises(ValueError, match="expected a number"):
        Interval("1", 2)  # type: ignore[arg-type]


def test_interval_membership_and_text() -> None:
    span = Interval(2080, 3200)
    assert 2080 in span
    assert 3200.5 not in span
    assert "3000" not in span
    assert str(span) == "2,080\u20133,200"


def test_aircraft_type_refuses_impossible_figures() -> None:
    good = aircraft_types()[0]
    fields = {name: getattr(good, name) for name in good.__dataclass_fields__}
    with pytest.raises(InputError, match="range_nm"):
        AircraftType(**{**fields, "range_nm": -5.0})
    with pytest.raises(InputError, match="designator"):
        AircraftType(**{**fields, "icao_type": "gulfstream"})
    with pytest.raises(InputError, match="exceeds max_seats"):
        AircraftType(**{**fields, "max_seats": 10, "typical_seats": 12})


# --- look-ups ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "designator"),
    [
        ("Gulfstream V", "GLF5"),
        ("gulfstream v", "GLF5"),
        ("Gulfstream 5", "GLF5"),
        ("Gulfstream-V", "GLF5"),
        ("G-V", "GLF5"),
        ("GV", "GLF5"),
        ("G5", "GLF5"),
        ("C-37A", "GLF5"),
        ("C-37B", "GLF5"),
        ("c37a", "GLF5"),
        ("G550", "GLF5"),
        ("GLF5", "GLF5"),
        ("glf5", "GLF5"),
        ("Gulfstream IV", "GLF4"),
        ("G-IV", "GLF4"),
        ("G650", "GLF6"),
        ("Boeing 737-800", "B738"),
        ("boeing 737-800", "B738"),
        ("737-800", "B738"),
        ("737 800", "B738"),
        ("a Boeing 737-800", "B738"),
        ("737-800s", "B738"),
        ("737-900ER", "B739"),
        ("MD-82", "MD82"),
        ("MD 83", "MD83"),
        ("Airbus A320", "A320"),
        ("A320", "A320"),
        ("A-320", "A320"),
        ("Embraer 145", "E145"),
        ("ERJ-145", "E145"),
        ("ERJ145", "E145"),
        ("E145", "E145"),
        ("an Embraer 145 jet", "E145"),
        ("E190", "E190"),
        ("CRJ-200", "CRJ2"),
        ("757-200", "B752"),
        ("777-200ER", "B772"),
        ("C-17", "C17"),
        ("C-17 Globemaster", "C17"),
        ("C-17 Globemaster III", "C17"),
        ("C130", "C130"),
        ("C-130H", "C130"),
        ("C-130J", "C30J"),
        ("Super Hercules", "C30J"),
        ("LC-130", "C130"),  # ski-equipped C-130H
        ("LC-130H", "C130"),
        ("Cessna 208B Grand Caravan", "C208"),
        ("Caravan", "C208"),
        ("a Cessna Caravan", "C208"),
        ("C-208", "C208"),
        ("PC-12", "PC12"),
        ("Pilatus PC-12", "PC12"),
        ("PC-12 NGX", "PC12"),
        ("Global 7500", "GL7T"),
        ("Bombardier Global 7500", "GL7T"),
        ("Global Express", "GLEX"),
        ("Global 6000", "GLEX"),
        ("Challenger 350", "CL35"),
        ("Challenger 604", "CL60"),
        ("Bombardier Challenger 605", "CL60"),
        ("Challenger 650", "CL60"),
        ("Falcon 7X", "FA7X"),
        ("Dassault Falcon 900EX", "F900"),
        ("A330-200", "A332"),
        ("Airbus A330-300", "A333"),
        ("KC-30A", "A332"),  # the tanker-transports share the A330-200's figures
        ("A330 MRTT", "A332"),
        ("RAF Voyager", "A332"),
        ("a Voyager", "A332"),
        ("C-5", "C5M"),
        ("C-5M", "C5M"),
        ("C-5M Super Galaxy", "C5M"),
        ("Galaxy", "C5M"),
        ("Learjet 45", "LJ45"),
        ("737 MAX 8", "B38M"),
        ("A320neo", "A20N"),
        ("777-300ER", "B77W"),
        ("Boeing 747-8", "B748"),
        ("E175", "E75L"),
        ("Embraer 175", "E75L"),
        ("ATR 72", "AT76"),
        ("ATR-72-600", "AT76"),
        ("Q400", "DH8D"),
        ("Dash 8", "DH8D"),
        ("Dash 8-400", "DH8D"),
    ],
)
def test_names_resolve_to_a_type(text: str, designator: str) -> None:
    spec = lookup_aircraft(text)
    assert spec.designator == designator
    assert not spec.is_family
    assert spec.members[0].icao_type == designator


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("a 737", "Boeing 737"),
        ("737", "Boeing 737"),
        ("Boeing 737", "Boeing 737"),
        ("Gulfstream", "Gulfstream large-cabin"),
        ("a Gulfstream", "Gulfstream large-cabin"),
        ("a Gulfstream jet", "Gulfstream large-cabin"),
        ("MD-80", "MD-80"),
        ("an MD-80", "MD-80"),
        ("A320 family", "Airbus A320 family"),
        ("C-130", "C-130 Hercules"),
        ("Hercules", "C-130 Hercules"),
        ("a Dreamliner", "Boeing 787"),
        ("A330", "Airbus A330"),
        ("an Airbus A330", "Airbus A330"),
        ("737 MAX", "Boeing 737 MAX"),
        ("a Challenger jet", "Bombardier Challenger"),
        ("Bombardier Global", "Bombardier Global"),
    ],
)
def test_family_mentions_resolve_to_the_family(text: str, family: str) -> None:
    spec = lookup_aircraft(text)
    assert spec.is_family
    assert spec.designator == family
    assert all(member.family == family for member in spec.members)


@pytest.mark.parametrize("family", ["a 737", "an MD-80", "Airbus A320 family", "Gulfstream"])
def test_families_give_wide_intervals(family: str) -> None:
    spec = lookup_aircraft(family)
    assert len(spec.members) >= 2
    assert spec.range_nm is not None
    assert spec.range_nm.low < spec.range_nm.high
    # Members may agree on a figure (both MD-80s seat 172): then the interval is exact.
    for figure in FIGURES:
        interval = spec.figure(figure)
        values = [getattr(m, figure) for m in spec.members if getattr(m, figure) is not None]
        if interval is None:
            assert not values
        else:
            assert (interval.low, interval.high) == (min(values), max(values))


def test_a_single_type_gives_exact_intervals() -> None:
    spec = lookup_aircraft("GLF5")
    assert spec.range_nm is not None
    assert spec.range_nm.is_exact
    assert 6300 <= spec.range_nm.low <= 6800  # published GV/G550 range ~6,500-6,750 nm


def test_the_case_figures_of_the_gulfstream_v() -> None:
    spec = lookup_aircraft("Gulfstream V")
    assert spec.typical_seats == Interval(14, 14)  # "typically has a seating capacity of 14"
    assert spec.max_seats is not None
    assert spec.max_seats.high >= 14
    assert spec.takeoff_field_ft is not None
    assert spec.ceiling_ft == Interval(51000, 51000)
    assert spec.mtow_kg is None


def test_a_helicopter_has_no_field_length() -> None:
    # Take-off and landing runs mean nothing for the S-92, so the row leaves them empty.
    spec = lookup_aircraft("Sikorsky S-92")
    assert spec.designator == "S92"
    assert spec.members[0].takeoff_field_ft is None
    assert spec.members[0].landing_field_ft is None
    assert spec.members[0].range_nm is not None


def test_figures_by_name_and_missing_figures() -> None:
    family = lookup_aircraft("Gulfstream")
    assert family.figure("range_nm") == family.range_nm
    assert family.lacking("takeoff_field_ft") == ("GLF4",)
    with pytest.raises(InputError, match="unknown aircraft figure"):
        family.figure("wingspan_m")
    with pytest.raises(AircraftError, match="no mtow_kg figure for GLF4"):
        lookup_aircraft("GLF4").require("mtow_kg")
    assert lookup_aircraft("C17").require("takeoff_field_ft").low > 0


def test_specs_are_shared_and_frozen() -> None:
    spec = lookup_aircraft("GV")
    assert spec is lookup_aircraft("Gulfstream V")
    assert isinstance(spec, AircraftSpec)
    with pytest.raises(AttributeError):
        spec.designator = "B738"  # type: ignore[misc]


def test_unknown_type_quotes_the_input_and_suggests_names() -> None:
    with pytest.raises(AircraftError) as caught:
        lookup_aircraft("Gulfstram V")
    message = str(caught.value)
    assert "'Gulfstram V'" in message
    assert "Gulfstream V" in message
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, FlightlegsError)


@pytest.mark.parametrize("text", ["", "   ", "Concorde", "x" * 500, "Boeing"])
def test_nonsense_names_raise_aircraft_error(text: str) -> None:
    with pytest.raises(AircraftError, match="unknown aircraft type"):
        lookup_aircraft(text)


def test_non_strings_are_refused() -> None:
    with pytest.raises(InputError, match="expected a string"):
        lookup_aircraft(737)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="expected a string"):
        find_aircraft_mentions(None)  # type: ignore[arg-type]


# --- mentions in prose -------------------------------------------------------------------


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.spec.designator) for m in find_aircraft_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Records show the Gulfstream V, which seats about a dozen, left Mesa at dawn.",
            [("Gulfstream V", "GLF5")],
        ),
        (
            "Detainees boarded a Boeing 737-800 chartered by the agency in El Paso.",
            [("Boeing 737-800", "B738")],
        ),
        ("An Embraer 145 jet then flew the last leg.", [("Embraer 145", "E145")]),
        ("The ERJ-145 and two ERJ145s were parked.", [("ERJ-145", "E145"), ("ERJ145s", "E145")]),
        ("Flight logs list a C-37A and, later, a G550.", [("C-37A", "GLF5"), ("G550", "GLF5")]),
        ("It was a 737 jet, not an MD-80.", [("737", "Boeing 737"), ("MD-80", "MD-80")]),
        ("A Gulfstream business jet landed.", [("Gulfstream", "Gulfstream large-cabin")]),
        ("Officials used a Gulfstream.", [("Gulfstream", "Gulfstream large-cabin")]),
        (
            "Two C-130s and a C-17 Globemaster III arrived.",
            [("C-130s", "C-130 Hercules"), ("C-17 Globemaster III", "C17")],
        ),
        ("The jet (GLF5) refuelled.", [("GLF5", "GLF5")]),
        ("an a-320 and an A320", [("a-320", "A320"), ("A320", "A320")]),
        (
            "the gulfstream-v, the G-V and the GV",
            [("gulfstream-v", "GLF5"), ("G-V", "GLF5"), ("GV", "GLF5")],
        ),
    ],
)
def test_mentions_in_sentences(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "737 people were on the manifest.",
        "Flight 737 left at noon.",
        "Leaders met at the G5 summit.",
        "The G4 countries lobbied.",
        "Gulfstream Aerospace reported earnings.",
        "Hercules slew the hydra.",
        "They paid 757 dollars each for 767 seats.",
        "Room A320B and grid cell B7380 are unrelated.",
        "Version 1.737 was released; see item X-737.",
        "Agent GVX filed form G5X.",
        "A migrant caravan reached the border; the caravan of families rested.",
        "They rented a Dodge Grand Caravan at the airport.",
        "Pilatus Aircraft reported record sales; Mount Pilatus was clouded.",
        "The Space Shuttle Challenger and a Challenger 2 tank.",
        "SpaceX launched a Falcon 9 rocket; Dassault Falcon Jet Corp. said nothing.",
        "He filmed it on a Samsung Galaxy phone; the galaxy is far away.",
        "The Voyager 1 probe and Star Trek: Voyager.",
        "A Citroen C5 and an injured C5 vertebra; form C-5 was filed.",
        "Flight 7378 and flight 7478 were delayed.",
        "The Global Express courier service shipped it.",
        "An Atlas Air freighter passed the Atlas Mountains; the atlas lay open.",
        "Ilyushin's design bureau marked its anniversary.",
    ],
)
def test_no_false_hits(text: str) -> None:
    assert find_aircraft_mentions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Cessna 208B Grand Caravan lost power and set down on a dry lake; the Caravan was "
            "later trucked out.",
            [("Cessna 208B Grand Caravan", "C208")],
        ),
        ("The ferry crew flew a new PC-12 from Switzerland.", [("PC-12", "PC12")]),
        ("The operator's Caravan aircraft was grounded.", [("Caravan", "C208")]),
        ("A Bombardier Global 7500 left Haneda.", [("Bombardier Global 7500", "GL7T")]),
        (
            "Spotters logged a Bombardier Challenger 605 and later a Challenger 350.",
            [("Bombardier Challenger 605", "CL60"), ("Challenger 350", "CL35")],
        ),
        ("A Dassault Falcon 7X landed at dawn.", [("Dassault Falcon 7X", "FA7X")]),
        (
            "An RAAF KC-30A tanker flew nonstop; an RAF Voyager followed.",
            [("KC-30A", "A332"), ("RAF Voyager", "A332")],
        ),
        ("The chartered Airbus A330 took off late.", [("Airbus A330", "Airbus A330")]),
        (
            "A C-5M Super Galaxy and a C-5 shared the ramp with a Galaxy transport.",
            [("C-5M Super Galaxy", "C5M"), ("C-5", "C5M"), ("Galaxy", "C5M")],
        ),
        ("An LC-130 Hercules flew to Greenland.", [("LC-130 Hercules", "C130")]),
        ("An IAF Hercules landed; the Hercules came back.", [("Hercules", "C-130 Hercules")] * 2),
        (
            "An A320neo, a 737 MAX 8 and a Boeing 777-300ER waited.",
            [("A320neo", "A20N"), ("737 MAX 8", "B38M"), ("Boeing 777-300ER", "B77W")],
        ),
        (
            "Commuters took a Q400, an ATR 72 and an E175.",
            [("Q400", "DH8D"), ("ATR 72", "AT76"), ("E175", "E75L")],
        ),
        ("a 747-8 jet and a 737-8 aircraft", [("747-8", "B748"), ("737-8", "B38M")]),
        (
            "An RAF A400M Atlas left Lyneham; the Atlas aircraft refuelled.",
            [("A400M Atlas", "A400"), ("Atlas", "A400")],
        ),
        (
            "A DHC-6 Twin Otter and a second Twin Otter.",
            [("DHC-6 Twin Otter", "DHC6"), ("Twin Otter", "DHC6")],
        ),
        (
            "An Ilyushin Il-76 landed; the Il-76 then left, and an Ilyushin followed.",
            [("Ilyushin Il-76", "IL76"), ("Il-76", "IL76"), ("Ilyushin", "IL76")],
        ),
        (
            "A Sikorsky S-92 winched him up; the S-92 flew on.",
            [("Sikorsky S-92", "S92"), ("S-92", "S92")],
        ),
    ],
)
def test_mentions_of_the_reported_types(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


def test_the_737_family_is_still_classic_and_ng() -> None:
    members = [t.icao_type for t in lookup_aircraft("a 737").members]
    assert members == ["B733", "B734", "B737", "B738", "B739"]


def test_tanker_transport_range_covers_the_reported_nonstop_leg() -> None:
    # The KC-30A flew Amberley-Travis (about 11,500 km, 6,210 nm) nonstop.
    spec = lookup_aircraft("KC-30A")
    assert spec.range_nm is not None
    assert spec.range_nm.low > 11_500 * 0.539957


def test_long_range_business_jets_have_their_published_range() -> None:
    assert lookup_aircraft("Global 7500").range_nm == Interval(7700, 7700)
    assert lookup_aircraft("Falcon 7X").range_nm == Interval(5950, 5950)
    assert lookup_aircraft("Challenger 350").range_nm == Interval(3200, 3200)
    family = lookup_aircraft("Bombardier Global")
    assert family.range_nm == Interval(6150, 7700)
    assert lookup_aircraft("777-200ER").range_nm == Interval(7065, 7065)


def test_longest_name_wins_and_offsets_point_into_the_text() -> None:
    text = "Passengers said the Boeing 737-800 was full."
    (mention,) = find_aircraft_mentions(text)
    assert mention.text == "Boeing 737-800"
    assert text[mention.start : mention.end] == mention.text
    assert mention.spec is lookup_aircraft("B738")


def test_overlong_text_is_refused() -> None:
    from flightlegs.core.files import MAX_TEXT_CHARS

    with pytest.raises(InputError, match="expected at most"):
        find_aircraft_mentions("a" * (MAX_TEXT_CHARS + 1))


@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    mentions = find_aircraft_mentions(text)
    previous_end = 0
    for mention in mentions:
        assert previous_end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        previous_end = mention.end


@given(
    st.lists(
        st.sampled_from(
            ["a", "Boeing", "737-800", "flew", "737", "people", "Gulfstream", "V", "jet", ","]
        ),
        max_size=12,
    )
)
def test_arbitrary_aircraft_words_never_raise(words: list[str]) -> None:
    for mention in find_aircraft_mentions(" ".join(words)):
        assert isinstance(mention.spec, AircraftSpec)


def test_a_types_family_name_after_it_is_part_of_the_mention() -> None:
    # "Hercules" alone needs an article to be an aircraft; after a C-130J it is its name
    found = find_aircraft_mentions("a Royal Air Force C-130J Hercules flown by 47 Squadron")
    assert [(m.text, m.spec.designator) for m in found] == [("C-130J Hercules", "C30J")]
    # a family's name after a type of another family is not taken in
    other = find_aircraft_mentions("the C-130J Globemaster")
    assert [m.text for m in other] == ["C-130J", "Globemaster"]
