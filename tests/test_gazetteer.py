"""The offline gazetteer: names, readings, mentions in text, and its cache."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flightlegs.core.route import StopKind
from flightlegs.errors import FlightlegsError, InputError, UnknownPlaceError
from flightlegs.reference.gazetteer.folding import fold
from flightlegs.reference.gazetteer.index import Gazetteer, gazetteer, load_gazetteer
from flightlegs.reference.gazetteer.names import CODE_STOPLIST
from flightlegs.reference.gazetteer.places import Place, PlaceMention


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return gazetteer()


def kinds_and_codes(places: tuple[Place, ...]) -> list[tuple[str, str | None]]:
    return [(p.kind.value, p.airport.code if p.airport else p.region or p.country) for p in places]


# --------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("South Korea", "KR"),
        ("Korea", "KR"),
        ("North Korea", "KP"),
        ("the US", "US"),
        ("U.S.", "US"),
        ("USA", "US"),
        ("United States of America", "US"),
        ("America", "US"),
        ("the States", "US"),
        ("Britain", "GB"),
        ("Great Britain", "GB"),
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("Russia", "RU"),
        ("China", "CN"),
        ("mainland China", "CN"),
        ("Taiwan", "TW"),
        ("Holland", "NL"),
        ("Czechia", "CZ"),
        ("Ivory Coast", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("Cote dIvoire", "CI"),
        ("DRC", "CD"),
        ("Republic of the Congo", "CG"),
        ("Guatemala", "GT"),
        ("Mauritania", "MR"),
        ("Iceland", "IS"),
    ],
)
def test_countries_and_aliases(g: Gazetteer, name: str, code: str) -> None:
    best = g.lookup(name)[0]
    assert (best.kind, best.country, best.region) == (StopKind.COUNTRY, code, None)


def test_congo_alone_has_both_readings(g: Gazetteer) -> None:
    assert kinds_and_codes(g.lookup("Congo")) == [("country", "CD"), ("country", "CG")]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Chinese", "CN"),
        ("South Korean", "KR"),
        ("Korean", "KR"),
        ("American", "US"),
        ("Mexican", "MX"),
        ("Guatemalans", "GT"),
        ("Honduran", "HN"),
        ("Salvadoran", "SV"),
        ("Haitian", "HT"),
        ("Venezuelan", "VE"),
        ("Indian", "IN"),
        ("Senegalese", "SN"),
        ("Mauritanian", "MR"),
        ("Ukrainian", "UA"),
        ("Filipino", "PH"),
        ("Alaskan", "US-AK"),
    ],
)
def test_demonyms(g: Gazetteer, name: str, code: str) -> None:
    best = g.lookup(name)[0]
    assert (best.region or best.country) == code
    [mention] = g.find_mentions(f"The {name} passengers")
    assert mention.demonym
    assert mention.text == name


@pytest.mark.parametrize(
    ("name", "region", "canonical"),
    [
        ("Texas", "US-TX", "Texas"),
        ("Arizona", "US-AZ", "Arizona"),
        ("Alaska", "US-AK", "Alaska"),
        ("Louisiana", "US-LA", "Louisiana"),
        ("Liaoning", "CN-LN", "Liaoning"),
        ("Liaoning Province", "CN-LN", "Liaoning"),
        ("Fujian", "CN-FJ", "Fujian"),
        ("Guangdong", "CN-GD", "Guangdong"),
        ("Manitoba", "CA-MB", "Manitoba"),
        ("England", "GB-ENG", "England"),
        ("US-TX", "US-TX", "Texas"),
    ],
)
def test_regions(g: Gazetteer, name: str, region: str, canonical: str) -> None:
    best = g.lookup(name)[0]
    assert (best.kind, best.region, best.name) == (StopKind.REGION, region, canonical)


def test_georgia_is_the_state_first_and_the_country_second(g: Gazetteer) -> None:
    assert kinds_and_codes(g.lookup("Georgia")) == [("region", "US-GA"), ("country", "GE")]


def test_a_city_with_a_large_airport_comes_before_a_region_of_its_name(g: Gazetteer) -> None:
    # Ontario International (California) is a large airport; the province follows
    assert kinds_and_codes(g.lookup("Ontario"))[:2] == [("city", "US-CA"), ("region", "CA-ON")]
    assert kinds_and_codes(g.lookup("Washington"))[:2] == [("city", "US-DC"), ("region", "US-WA")]


@pytest.mark.parametrize(
    ("name", "country", "region", "first"),
    [
        ("Shenyang", "CN", "CN-LN", "SHE"),
        ("El Paso", "US", "US-TX", "ELP"),
        ("Anchorage", "US", "US-AK", "ANC"),
        ("Mesa", "US", "US-AZ", "AZA"),
        ("Seoul", "KR", "KR-11", "ICN"),  # airports in two regions, one of them named Seoul
        ("San Salvador", "SV", "SV-SS", "SAL"),  # SAL lies in La Paz, Ilopango in San Salvador
        ("Harlingen", "US", "US-TX", "HRL"),
        ("Alexandria", "US", "US-LA", "AEX"),  # the ICE Air hub, before Egypt's
        ("Guantánamo", "CU", "CU-14", "GAO"),
        ("New York", "US", "US-NY", "JFK"),
        # a region named for the city alone holds it, though the airport lies outside it
        ("Banjul", "GM", "GM-B", "BJL"),  # the airport is at Yundum, West Coast (GM-W)
        ("Riga", "LV", "LV-RIX", "RIX"),
        # the airport lies in the city region (data/airport_fixes.csv)
        ("N'Djamena", "TD", "TD-ND", "NDJ"),
        ("Bogotá", "CO", "CO-DC", "BOG"),
        # OurAirports names only the district (Seyhan); data/airport_fixes.csv names the city
        ("Adana", "TR", "TR-01", "ADA"),
    ],
)
def test_cities(g: Gazetteer, name: str, country: str, region: str | None, first: str) -> None:
    from flightlegs.geocode.rank import rank_candidates

    best = g.lookup(name)[0] if name != "Guantánamo" else g.lookup(name)[1]
    assert (best.kind, best.country, best.region) == (StopKind.CITY, country, region)
    assert rank_candidates(best)[0][0].code == first


@pytest.mark.parametrize(
    ("code", "region"),
    [
        ("BOG", "CO-DC"),  # El Dorado lies in Bogotá's Capital District, not Cundinamarca
        ("LIM", "PE-CAL"),  # Jorge Chávez lies in Callao, not Lima Region
        ("NDJ", "TD-ND"),  # N'Djamena's airport lies in the city, not Chari-Baguirmi
        ("BJL", "GM-W"),  # Banjul's airport lies at Yundum, outside the city
    ],
)
def test_airports_of_capitals_lie_in_their_own_region(g: Gazetteer, code: str, region: str) -> None:
    airports = [p for p in g.lookup(code) if p.airport is not None]
    assert airports[0].region == region


def test_a_county_name_is_not_an_airport_name(g: Gazetteer) -> None:
    # Gillette's airport was "Gillette Campbell County Airport"; a lone surname is not it
    assert g.find_mentions("Governor Campbell toured the hangar.") == []
    text = "The battalion flew out of Campbell Army Airfield on Tuesday."
    mention = g.find_mentions(text)[0]
    assert mention.text == "Campbell Army Airfield"
    assert mention.place.airport is not None
    assert mention.place.airport.code == "HOP"


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Jets took off from MCAS Cherry Point at dawn.", "MCAS Cherry Point", "KNKT"),
        (
            "They left Marine Corps Air Station Cherry Point for Europe.",
            "Marine Corps Air Station Cherry Point",
            "KNKT",
        ),
        (
            "The charter landed at Bandaranaike International Airport before noon.",
            "Bandaranaike International Airport",
            "CMB",
        ),
    ],
)
def test_military_and_official_airport_names_in_text(
    g: Gazetteer, text: str, name: str, code: str
) -> None:
    mention = g.find_mentions(text)[0]
    assert mention.text == name
    assert mention.place.airport is not None
    assert mention.place.airport.code == code


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("A turboprop stopped at Goose Bay and then Iqaluit.", ["Goose Bay", "Iqaluit"]),
        ("It refuelled at Nuuk airport, then Kulusuk.", ["Nuuk airport", "Kulusuk"]),
        ("Buses left Florence, Ariz., for the ramp at Mesa, Ariz.", None),
        ("Relief landed in Gaziantep after the quake.", ["Gaziantep"]),
    ],
)
def test_arctic_and_abbreviated_places_are_found(
    g: Gazetteer, text: str, names: list[str] | None
) -> None:
    found = [m.text for m in g.find_mentions(text)]
    if names is None:
        assert found == ["Florence", "Ariz.", "Mesa", "Ariz."]
        mesa = g.find_mentions(text)[2]
        assert mesa.place.region == "US-AZ"
    else:
        assert found == names


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Washington", "US-DC"),  # airports in Virginia and Maryland, none of them "Washington"
        ("Cincinnati", "US-OH"),  # CVG lies in Kentucky, Lunken in Ohio
        ("Beirut", "LB-BA"),  # the airport lies in Mount Lebanon; the city is Beirut Governorate
        # a city that is a region of its own, though its airports lie in the province named for
        # it ("Moscow (city)" against Moscow Oblast) or in another (data/city_regions.csv)
        ("Moscow", "RU-MOW"),
        ("Kiev", "UA-30"),
        ("Minsk", "BY-HM"),
        ("Sofia", "BG-22"),
        ("Caracas", "VE-A"),
        ("Berlin", "DE-BE"),
        ("Islamabad", "PK-IS"),
        ("Buenos Aires", "AR-C"),
    ],
)
def test_a_city_whose_airports_lie_outside_it_keeps_its_own_region(
    g: Gazetteer, name: str, region: str
) -> None:
    city = g.lookup(name)[0]
    assert (city.kind, city.region) == (StopKind.CITY, region)
    # the city is still served by its airports, wherever they lie
    assert g.airports_in(city)


def test_municipality_with_a_district_yields_the_city(g: Gazetteer) -> None:
    # OurAirports files Shenyang Taoxian under "Hunnan, Shenyang"
    assert g.lookup("Hunnan")[0].kind is StopKind.CITY
    shenyang = g.lookup("Shenyang")[0]
    assert shenyang.name == "Shenyang"
    assert {a.code for a in g.airports_in(shenyang)} >= {"SHE"}


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Mesa Gateway", "AZA"),
        ("Phoenix-Mesa Gateway", "AZA"),
        ("Phoenix–Mesa Gateway Airport", "AZA"),
        ("phoenix mesa gateway", "AZA"),
        ("Williams Gateway", "AZA"),  # a former name, from the keywords
        ("Joint Base Andrews", "ADW"),
        ("Andrews Air Force Base", "ADW"),
        ("Andrews", "ADW"),
        ("Elmendorf", "EDF"),
        ("Joint Base Elmendorf-Richardson", "EDF"),
        ("JBER", "EDF"),
        ("Incheon", "ICN"),
        ("Ramstein", "RMS"),
        ("Ramstein Air Base", "RMS"),
        ("Keflavik", "KEF"),
        ("Wake Island", "AWK"),
        ("Midway Atoll", "MDY"),
        ("Joint Base Pearl Harbor-Hickam", "HIK"),  # from data/airport_aliases.csv
        ("Joint Base Pearl Harbor–Hickam", "HIK"),
        ("Hickam Field", "HIK"),
        ("Stratton Air National Guard Base", "SCH"),
        ("Stratton ANGB", "SCH"),
        ("Chicago Midway", "MDW"),
        ("Guantanamo Bay", "NBW"),
        ("Guantanamo", "NBW"),
        ("Taoxian", "SHE"),
        ("Sky Harbor", "PHX"),
        ("O'Hare", "ORD"),
        ("Ft. Lauderdale-Hollywood International", "FLL"),
    ],
)
def test_airport_names(g: Gazetteer, name: str, code: str) -> None:
    from flightlegs.geocode.rank import rank_candidates

    places = g.lookup(name)
    assert any(p.airport is not None and p.airport.code == code for p in places)
    # the best reading is the airport, or a place it is the first candidate of ("Ramstein")
    assert rank_candidates(places[0])[0][0].code == code


@pytest.mark.parametrize("name", ["Shannon", "El Paso", "Anchorage"])
def test_a_city_named_for_its_airport_leads_to_it(g: Gazetteer, name: str) -> None:
    from flightlegs.geocode.rank import rank_candidates

    codes = {"Shannon": "SNN", "El Paso": "ELP", "Anchorage": "ANC"}
    assert rank_candidates(g.lookup(name)[0])[0][0].code == codes[name]


def test_airport_aliases_are_sourced_and_name_known_airports(g: Gazetteer) -> None:
    import csv

    from flightlegs.core.files import data_path

    with data_path("airport_aliases.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ["alias", "ident", "source"]
        rows = list(reader)
    assert rows
    assert len({fold(r["alias"]) for r in rows}) == len(rows), "an alias is listed twice"
    for row in rows:
        assert row["source"].startswith("https://"), row
        found = [p.airport.ident for p in g.lookup(row["alias"]) if p.airport]
        assert row["ident"] in found, row


@pytest.mark.parametrize(
    ("name", "region", "country"),
    [
        ("Midway", "UM-71", "UM"),
        ("Wake", "UM-79", "UM"),
        ("Canary", "ES-CN", "ES"),
        ("Addu", "MV-01", "MV"),
    ],
)
def test_an_island_region_is_named_without_island(
    g: Gazetteer, name: str, region: str, country: str
) -> None:
    assert (region, country) in [(p.region, p.country) for p in g.lookup(name)]


def test_island_words_are_kept_on_us_and_canadian_regions(g: Gazetteer) -> None:
    assert g.lookup("Rhode") == ()
    # Prince Edward, Ontario is a town; the island province is never named without "Island"
    kinds = [p.kind for p in g.lookup("Prince Edward")]
    assert kinds
    assert set(kinds) == {StopKind.CITY}
    assert g.region("ES-CN").name == "Canary Islands"  # the region keeps its full name


def test_a_bare_island_name_does_not_hide_an_airport_of_that_name(g: Gazetteer) -> None:
    # "Midway" is Chicago's airport first; the atoll is a further reading, for context to pick
    assert kinds_and_codes(g.lookup("Midway"))[:2] == [("airport", "MDW"), ("region", "UM-71")]


@pytest.mark.parametrize(("code", "ident"), [("ELP", "KELP"), ("SHE", "ZYTX"), ("KIWA", "KIWA")])
def test_upper_case_codes_in_lookup(g: Gazetteer, code: str, ident: str) -> None:
    places = g.lookup(code)
    assert any(p.airport is not None and p.airport.ident == ident for p in places)


def test_lower_case_words_are_not_codes(g: Gazetteer) -> None:
    assert g.lookup("the") == ()
    assert all(p.kind is not StopKind.AIRPORT for p in g.lookup("and"))


def test_small_airfields_are_found_by_full_name_only(g: Gazetteer) -> None:
    # a 2,500 ft gravel strip: known to lookup, never matched in text
    places = g.lookup("Lowell Field")  # two strips, in Alaska and Georgia
    assert {p.airport.ident for p in places if p.airport} == {"00AK", "9GA5"}
    # "Lowell" alone is the town in Massachusetts; the strip itself is never matched
    found = g.find_mentions("We met at Lowell Field.")
    assert [m.text for m in found] == ["Lowell"]
    assert found[0].places[0].kind is StopKind.CITY
    assert all(p.airport.ident not in {"00AK", "9GA5"} for p in found[0].places if p.airport)


def test_a_small_field_named_for_a_town_is_its_last_reading(g: Gazetteer) -> None:
    # Louth Airport, a 3,494 ft strip in New South Wales, comes after the town in Lincolnshire
    (found,) = g.find_mentions("Mike and I made Louth by dusk.")
    assert found.places[0].country == "GB"
    assert [p.airport.ident for p in found.places[1:] if p.airport] == ["YLOH"]
    # and is never matched on its own
    assert g.find_mentions("We landed at the Louth Airport strip.")[0].text == "Louth"


@pytest.mark.parametrize("name", ["", "   ", "Nowhere Special", "x" * 1000])
def test_unknown_names_give_nothing(g: Gazetteer, name: str) -> None:
    assert g.lookup(name) == ()


def test_lookup_refuses_non_text(g: Gazetteer) -> None:
    with pytest.raises(InputError, match="must be text"):
        g.lookup(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Shenyan", "Shenyang"),
        ("Arizonaa", "Arizona"),
        ("Anchorge", "Anchorage"),
        ("Teksas", "Texas"),
    ],
)
def test_suggestions(g: Gazetteer, name: str, expected: str) -> None:
    assert expected in g.suggest(name)


def test_region_and_country_by_code(g: Gazetteer) -> None:
    assert g.region("us-az").name == "Arizona"
    assert g.country("KR").name == "South Korea"
    with pytest.raises(UnknownPlaceError):
        g.region("XX-99")


def test_place_validates() -> None:
    with pytest.raises(InputError, match="not a place kind"):
        Place("Somewhere", StopKind.COORDINATES, None, None)
    with pytest.raises(InputError, match="alpha-2"):
        Place("Somewhere", StopKind.COUNTRY, "USA", None)
    from flightlegs.reference.airports import airport_table

    phx = airport_table().by_code("PHX")
    with pytest.raises(InputError, match="cannot have an airport"):
        Place("Phoenix", StopKind.CITY, "US", "US-AZ", phx)


def test_fold() -> None:
    assert fold("Phoenix–Mesa") == fold("Phoenix-Mesa") == fold("phoenix mesa")
    assert fold("St. Louis") == fold("Saint Louis")
    assert fold("Ft. Worth") == fold("Fort Worth")
    assert fold("Guantánamo") == "guantanamo"
    assert fold("Reykjavík") == "reykjavik"


# --------------------------------------------------------------------------- mentions


def spans(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (
            m.text,
            m.place.kind.value,
            m.place.airport.code if m.place.airport else m.place.region or m.place.country,
        )
        for m in gazetteer().find_mentions(text)
    ]


def test_mention_spans_are_exact() -> None:
    text = "The jet left Mesa, Arizona, stopped in El Paso, Texas, and went on to Shenyang."
    for m in gazetteer().find_mentions(text):
        assert text[m.start : m.end] == m.text
    assert spans(text) == [
        ("Mesa", "city", "US-AZ"),
        ("Arizona", "region", "US-AZ"),
        ("El Paso", "city", "US-TX"),
        ("Texas", "region", "US-TX"),
        ("Shenyang", "city", "CN-LN"),
    ]


def test_longest_match_wins() -> None:
    assert spans("Next came a stop in South Korea.") == [("South Korea", "country", "KR")]
    assert spans("A South Korean official said so.") == [("South Korean", "country", "KR")]
    assert spans("Flights to North Korea are rare.") == [("North Korea", "country", "KP")]
    assert spans("They landed at Phoenix–Mesa Gateway Airport.") == [
        ("Phoenix–Mesa Gateway Airport", "airport", "AZA")
    ]


def test_codes_are_upper_case_tokens_only() -> None:
    assert spans("The charter went ELP to ANC, then SHE and ICN.") == [
        ("ELP", "airport", "ELP"),
        ("ANC", "airport", "ANC"),
        ("SHE", "airport", "SHE"),
        ("ICN", "airport", "ICN"),
    ]
    assert spans("she and the ice were there; and then some") == []


@pytest.mark.parametrize("word", ["ICE", "CBP", "DHS", "FAA", "GAO", "NGO", "CEO"])
def test_acronyms_are_not_airports(word: str) -> None:
    assert word in CODE_STOPLIST
    assert spans(f"A spokesperson for {word} declined to comment.") == []


def test_usa_is_the_country_not_an_airport() -> None:
    assert spans("Deported from the USA last week.") == [("USA", "country", "US")]


def test_codes_in_a_headline_are_not_airports() -> None:
    assert spans("ICE AIR FLIGHTS SUMMARY FOR THE MONTH") == []


def test_four_letter_icao_codes() -> None:
    assert spans("Filed as KIWA to PANC.") == [
        ("KIWA", "airport", "AZA"),
        ("PANC", "airport", "ANC"),
    ]


def test_state_abbreviations_only_after_a_place() -> None:
    assert spans("Mesa, Ariz. and El Paso, TX and Alexandria, La.") == [
        ("Mesa", "city", "US-AZ"),
        ("Ariz.", "region", "US-AZ"),
        ("El Paso", "city", "US-TX"),
        ("TX", "region", "US-TX"),
        ("Alexandria", "city", "US-LA"),
        ("La.", "region", "US-LA"),
    ]
    # never alone: these are words
    assert spans("IN the morning, OR later, ME and HI were there. La la land.") == []


def test_city_readings_follow_the_region_that_follows() -> None:
    [egypt, _] = gazetteer().find_mentions("Alexandria, Egypt")
    assert egypt.place.country == "EG"
    [louisiana, _] = gazetteer().find_mentions("Alexandria, Louisiana")
    assert louisiana.place.region == "US-LA"


def test_common_words_need_their_region() -> None:
    assert spans("Reading the report, Mobile phones buzzed.") == []
    assert spans("They flew from Mobile, Alabama.") == [
        ("Mobile", "city", "US-AL"),
        ("Alabama", "region", "US-AL"),
    ]


def test_an_accented_spelling_is_a_name_not_a_common_word() -> None:
    # "male" and "colon" are English words, matched alone only with their region ...
    assert spans("A Male nurse met the Colon surgeon.") == []
    # ... but English words carry no accents: written so, they are the places
    assert spans("The jet continued on to Malé.") == [("Malé", "city", "MV-MLE")]
    assert spans("It landed in Colón.") == [("Colón", "city", "PA-3")]


def test_lower_case_names_are_words() -> None:
    assert spans("fine china and a roast turkey") == []
    assert spans("TEXAS and Texas") == [("TEXAS", "region", "US-TX"), ("Texas", "region", "US-TX")]


def test_blocked_phrases() -> None:
    assert spans("Migrants from Central America flew Alaska Airlines.") == []
    assert spans("The New York Times reported it.") == []
    assert spans("Back to the States.") == [("the States", "country", "US")]


def test_georgia_in_text_has_both_readings() -> None:
    [m] = gazetteer().find_mentions("A stop in Georgia.")
    assert [p.kind for p in m.places] == [StopKind.REGION, StopKind.COUNTRY]


def test_possessives_and_punctuation() -> None:
    assert spans("China's foreign ministry; Texas' governor") == [
        ("China", "country", "CN"),
        ("Texas", "region", "US-TX"),
    ]


def test_a_newline_inside_a_name() -> None:
    assert spans("They went to South\nKorea.") == [("South\nKorea", "country", "KR")]


def test_find_mentions_refuses_non_text() -> None:
    with pytest.raises(InputError):
        gazetteer().find_mentions(b"Texas")  # type: ignore[arg-type]


def test_mention_validates() -> None:
    with pytest.raises(InputError):
        PlaceMention(3, 1, "x", ())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_scans_safely(text: str) -> None:
    try:
        mentions = gazetteer().find_mentions(text)
    except FlightlegsError:
        return
    last = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last  # in order, not overlapping
        assert text[m.start : m.end] == m.text
        assert m.places
        last = m.end


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Texas",
                "South Korea",
                "ELP",
                "to",
                "from",
                ",",
                "and",
                "Mesa",
                "Ariz.",
                "USA",
                "ICE",
                "the",
                "Chinese",
                "\n",
                "–",
                "St.",
                "Georgia",
                "Alaska",
                "SHE",
            ]
        ),
        max_size=40,
    )
)
def test_place_like_text_scans_safely(words: list[str]) -> None:
    text = " ".join(words)
    for m in gazetteer().find_mentions(text):
        assert text[m.start : m.end] == m.text


# --------------------------------------------------------------------------- cache


def test_cache_is_written_and_reused(tmp_path: Path) -> None:
    built = load_gazetteer(tmp_path)
    [cached] = tmp_path.glob("gazetteer-*.pickle")
    again = load_gazetteer(tmp_path)
    assert again.lookup("Texas") == built.lookup("Texas")
    assert [p.airport.code for p in again.lookup("Mesa Gateway") if p.airport] == ["AZA"]
    assert cached.stat().st_size > 0


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    load_gazetteer(tmp_path)
    [cached] = tmp_path.glob("gazetteer-*.pickle")
    cached.write_bytes(b"not a pickle")
    assert load_gazetteer(tmp_path).lookup("Texas")[0].region == "US-TX"
    cached.write_bytes(pickle.dumps({"something": "else"}))
    assert load_gazetteer(tmp_path).lookup("Texas")[0].region == "US-TX"


def test_unwritable_cache_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    g = load_gazetteer(blocker / "cache")
    assert g.lookup("Texas")[0].region == "US-TX"


def test_a_new_cache_deletes_older_ones_of_its_kind_only(tmp_path: Path) -> None:
    import os

    def old(name: str) -> Path:
        path = tmp_path / name
        path.write_bytes(b"stale")
        os.utime(path, (1_000_000_000, 1_000_000_000))  # 2001
        return path

    stale = [old("gazetteer-0123456789abcdef01234567.pickle")]
    kept = [
        old("airports-0123456789abcdef01234567.marshal"),  # another kind
        old("gazetteer-0123456789abcdef01234567.marshal"),  # another suffix
        old("gazetteer-notes.pickle"),  # not a cache name
        old("notes.txt"),
        old(".gazetteer-0123456789abcdef01234567-x.tmp"),
    ]
    folder = tmp_path / "gazetteer-76543210fedcba9876543210.pickle"
    folder.mkdir()  # named like a cache, but a folder
    newer = tmp_path / "gazetteer-fedcba9876543210fedcba98.pickle"
    newer.write_bytes(b"written by another version after this one")
    os.utime(newer, (4_000_000_000, 4_000_000_000))  # 2096
    kept += [folder, newer]

    load_gazetteer(tmp_path)
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in kept)
    [new] = set(tmp_path.iterdir()) - set(kept)
    assert new.name.startswith("gazetteer-")
    assert new.suffix == ".pickle"


def test_pruning_caches_ignores_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from flightlegs.core.cache import _write_cache

    stale = tmp_path / "airports-0123456789abcdef01234567.marshal"
    stale.write_bytes(b"stale")
    os_unlink = Path.unlink

    def refuse(self: Path, missing_ok: bool = False) -> None:
        if self == stale:
            raise PermissionError(f"cannot remove {self}")
        os_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse)
    fresh = tmp_path / "airports-fedcba9876543210fedcba98.marshal"
    _write_cache(fresh, b"fresh")
    assert fresh.read_bytes() == b"fresh"
    assert stale.exists()


def test_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from flightlegs.core.cache import cache_dir

    monkeypatch.delenv("FLIGHTLEGS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "flightlegs"


def test_flightlegs_cache_dir_comes_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from flightlegs.core.cache import cache_dir, caching

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("FLIGHTLEGS_CACHE_DIR", str(tmp_path / "mine"))
    assert (cache_dir(), caching()) == (tmp_path / "mine", True)
    monkeypatch.setenv("FLIGHTLEGS_CACHE_DIR", "OFF")
    assert (cache_dir(), caching()) == (tmp_path / "xdg" / "flightlegs", False)


def test_no_cache(tmp_path: Path) -> None:
    g = load_gazetteer(tmp_path, use_cache=False)
    assert g.lookup("Arizona")[0].region == "US-AZ"
    assert list(tmp_path.iterdir()) == []


def test_people_named_like_towns_are_not_places() -> None:
    assert spans("Deputy Secretary Kurt Campbell met Nancy Pelosi and Thomas Cartwright.") == []
    # a place next to a place, or after a lead-in word, stays a place
    assert spans("Flights From Anchorage Alaska") == [
        ("Anchorage", "city", "US-AK"),
        ("Alaska", "region", "US-AK"),
    ]


def test_acronyms_without_travel_words_are_not_codes() -> None:
    assert spans("The BJP won; the IPL final is on. IND-W beat BAN-W.") == []
    assert spans("Routing ELP-ANC-SHE, then (ICN).") == [
        ("ELP", "airport", "ELP"),
        ("ANC", "airport", "ANC"),
        ("SHE", "airport", "SHE"),
        ("ICN", "airport", "ICN"),
    ]


def test_a_report_paragraph() -> None:
    text = (
        "A small jet left Phoenix–Mesa Gateway on Saturday, stopped in Texas and then in "
        "Alaska, and went on to the northeastern Chinese city of Shenyang. It also touched "
        "down in South Korea before heading back to the States, a monitor said."
    )
    assert spans(text) == [
        ("Phoenix–Mesa Gateway", "airport", "AZA"),
        ("Texas", "region", "US-TX"),
        ("Alaska", "region", "US-AK"),
        ("Chinese", "country", "CN"),
        ("Shenyang", "city", "CN-LN"),
        ("South Korea", "country", "KR"),
        ("the States", "country", "US"),
    ]


@pytest.mark.parametrize(
    ("name", "country", "region"),
    [
        ("Glasgow", "GB", "GB-SCT"),  # its airport is filed under Paisley
        ("Jhansi", "IN", "IN-UP"),  # no airport of its own
        ("Insein", "MM", "MM-06"),
        ("Ramenskoye", "RU", "RU-MOS"),
    ],
)
def test_towns_without_an_airport_of_their_name_are_found(
    g: Gazetteer, name: str, country: str, region: str
) -> None:
    first = g.lookup(name)[0]
    assert (first.kind, first.country, first.region) == (StopKind.CITY, country, region)
    assert g.airports_in(first), "a town is served by the airports near it"


@pytest.mark.parametrize(
    ("old", "country", "name"),
    [("Marseilles", "FR", "Marseille"), ("Akyab", "MM", "Sittwe"), ("Leghorn", "IT", "Livorno")],
)
def test_former_and_english_names_of_cities(
    g: Gazetteer, old: str, country: str, name: str
) -> None:
    first = g.lookup(old)[0]
    assert (first.country, first.name) == (country, name)


def test_a_small_towns_other_name_hides_no_airport(g: Gazetteer) -> None:
    # Midland, Texas is also called "Midway"; Chicago's airport keeps the name
    assert kinds_and_codes(g.lookup("Midway"))[0] == ("airport", "MDW")


def test_two_towns_side_by_side_are_a_persons_names(g: Gazetteer) -> None:
    found = g.find_mentions("It left George Bush Intercontinental Airport for Bogota.")
    assert [m.text for m in found][-1] == "Bogota"
    assert "George" not in [m.text for m in found]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Azores", "PT-20"),
        ("Falklands", "FK"),
        ("Crete", "GR-M"),
        ("Canaries", "ES-CN"),
        ("Spitzbergen", "NO-21"),
    ],
)
def test_islands_by_their_everyday_names(g: Gazetteer, name: str, code: str) -> None:
    first = g.lookup(name)[0]
    assert (first.region or first.country) == code


@pytest.mark.parametrize(
    ("city", "first", "also"),
    [
        ("London", "LHR", "SEN"),  # Southend, filed under London, is 80 km from Heathrow
        ("Chicago", "ORD", "RFD"),  # Rockford sells itself as Chicago's third airport
    ],
)
def test_a_second_cluster_of_a_name_follows_the_first(city: str, first: str, also: str) -> None:
    from flightlegs.geocode.rank import rank_candidates

    airports, _ = rank_candidates(gazetteer().lookup(city)[0], limit=20)
    codes = [a.iata for a in airports]
    assert codes[0] == first
    assert also in codes


def test_a_town_whose_municipality_lists_only_an_airstrip_is_read_in_prose() -> None:
    # Bloemfontein's only airport filed under its name is an airstrip; BFN lies beside it
    found = [m.text for m in gazetteer().find_mentions("The jet flew from Bloemfontein to Durban.")]
    assert found == ["Bloemfontein", "Durban"]


@pytest.mark.parametrize(
    "text",
    ["The jet flew from Antananarivo to Ha'il.", "The plane left Hue for Hanoi."],
)
def test_a_common_word_that_is_a_town_counts_in_a_from_to_pair(text: str) -> None:
    assert len(gazetteer().find_mentions(text)) == 2


def test_a_name_with_its_own_possessive_is_one_name() -> None:
    found = gazetteer().find_mentions("The plane flew from Dhaka to Cox's Bazar.")
    assert [m.text for m in found] == ["Dhaka", "Cox's Bazar"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The jet left Boston Logan at dawn.", "BOS"),  # Boston and Logan, Utah: no person
        ("The jet left Milan Linate at dawn.", "LIN"),
        ("The jet left Dallas Love Field at dawn.", "DAL"),
        ("The jet left Chicago O'Hare at dawn.", "ORD"),
        ("The jet left New York JFK at dawn.", "JFK"),
        ("The jet left Love Field at dawn.", "DAL"),  # the name after the city, generic word kept
    ],
)
def test_a_city_and_the_name_of_its_airport_are_that_airport(text: str, code: str) -> None:
    found = gazetteer().find_mentions(text)
    assert len(found) == 1
    airport = found[0].places[0].airport
    assert airport is not None
    assert airport.iata == code


@pytest.mark.parametrize(("name", "icao"), [("Ohakea", "NZOH"), ("Whenuapai", "NZWP")])
def test_an_air_force_base_is_found_by_its_own_name(name: str, icao: str) -> None:
    # "RNZAF Base Ohakea": the air force's prefix is no part of the name people use
    found = gazetteer().find_mentions(f"The Boeing 757 had taken off from {name} at dawn.")
    assert [m.places[0].airport.icao for m in found if m.places[0].airport] == [icao]


def test_an_airports_short_name_taken_by_a_town_elsewhere_is_a_later_reading(g: Gazetteer) -> None:
    # the Queensland town first; Palm Beach International after it, for the route to choose
    readings = kinds_and_codes(g.lookup("Palm Beach"))
    assert readings[0] == ("city", "AU-QLD")
    assert ("airport", "PBI") in readings[1:]


@pytest.mark.parametrize(
    ("name", "city"),
    [("Frankfurt", "Frankfurt am Main"), ("Bombay", "Mumbai"), ("Saigon", "Ho Chi Minh City")],
)
def test_a_citys_other_name_that_its_airport_also_bears_is_the_city(
    g: Gazetteer, name: str, city: str
) -> None:
    first = g.lookup(name)[0]
    assert (first.kind, first.name) == (StopKind.CITY, city)


def test_a_great_city_named_like_its_region_is_the_city_when_two_airports_bear_its_name(
    g: Gazetteer,
) -> None:
    assert kinds_and_codes(g.lookup("Istanbul"))[0] == ("city", "TR-34")  # IST and SAW
    # Incheon's one airport is what a report means by "Incheon"; the city follows it
    assert [p.kind for p in g.lookup("Incheon")][:2] == [StopKind.AIRPORT, StopKind.CITY]


@pytest.mark.parametrize(("name", "country"), [("Tontouta", "NC"), ("Pago", "AS"), ("Walla", "US")])
def test_names_people_shorten_are_found(name: str, country: str) -> None:
    # "La Tontouta" without its article; a doubled name said once (Pago Pago)
    (first, *_) = gazetteer().lookup(name)
    assert first.country == country


def test_delhi_is_the_city_before_the_territory() -> None:
    (first, *_) = gazetteer().lookup("Delhi")
    assert (first.kind, first.country) == (StopKind.CITY, "IN")


def test_a_small_field_is_found_where_a_flight_verb_governs_its_name() -> None:
    gaz = gazetteer()
    found = [m.text for m in gaz.find_mentions("We fly to Wellesbourne and then on to Sleap.")]
    # "on to" carries the flight on, in a sentence of flying, to a field of the same country
    assert found == ["Wellesbourne", "Sleap"]
    assert not gaz.find_mentions("Wellesbourne is a village.")
    # a direction or the start of a longer name is not a field
    assert [m.text for m in gaz.find_mentions("It flies to Southern California.")] == ["California"]


def test_a_small_field_is_found_in_a_leg_line() -> None:
    gaz = gazetteer()
    assert [m.text for m in gaz.find_mentions("Day 4 : Abbeville 1hr05 - Rayne 1hr15")] == [
        "Abbeville",
        "Rayne",
    ]
    assert [m.text for m in gaz.find_mentions("Day 1 : Rayne - Alderney")][:1] == ["Rayne"]


def _idents(text: str) -> list[tuple[str, str | None]]:
    return [
        (m.text, m.places[0].airport.ident if m.places[0].airport else None)
        for m in gazetteer().find_mentions(text)
    ]


def test_a_closed_airfield_is_a_place_of_history_served_by_the_airports_around_it() -> None:
    gaz = gazetteer()
    (m, _) = gaz.find_mentions("Hinkler set out from Croydon yesterday to fly alone. In England")
    assert m.text == "Croydon"
    assert (m.places[0].name, m.places[0].country) == ("Croydon Airport (closed)", "GB")
    # the Queensland field of the same name is not an English report's Croydon
    assert all(p.country == "GB" for p in m.places)
    served = gaz.airports_in(m.places[0])
    assert served
    assert all(a.country == "GB" for a in served)
    # the full name is read anywhere; the short name only where travel governs it
    assert [x.text for x in gaz.find_mentions("Croydon Airport was busy.")] == ["Croydon Airport"]
    assert gaz.find_mentions("The Lympne meeting drew crowds.") == []
    # a short name never stands beside a town read in prose: Paducah is the town alone
    (paducah, *_) = gaz.find_mentions("We flew from Paducah to New York.")
    assert not any(p.name.endswith("(closed)") for p in paducah.places)


def test_a_misspelt_town_that_a_flight_verb_governs_is_the_town_nearest_in_spelling() -> None:
    gaz = gazetteer()
    (m,) = gaz.find_mentions("Against headwinds we landed at Tenneant Creek to refuel.")
    assert (m.text, m.places[0].name) == ("Tenneant Creek", "Tennant Creek")
    # no verb governs it, but the state after it says which town it is
    found = gaz.find_mentions("As we close on the next fuel stop, Landcaster, South Carolina, fog")
    assert found[0].text == "Landcaster"
    assert {p.region for p in found[0].places} == {"US-SC"}
    # ungoverned, too short to tell, or a name the gazetteer knows: never guessed
    assert gaz.find_mentions("Tenneant Creek is a dusty place.") == []
    assert gaz.find_mentions("We flew to Pariss.") == []
    assert [m.text for m in gaz.find_mentions("flew from Austin to Cameron County, Texas")][:1] == [
        "Austin"
    ]


def test_a_surname_named_in_full_once_is_that_person_wherever_it_stands_alone() -> None:
    text = (
        "The jet landed in Shenyang, according to Thomas Cartwright of a monitoring group."
        " It went on to Seoul, Cartwright said."
    )
    assert [m.text for m in gazetteer().find_mentions(text)] == ["Shenyang", "Seoul"]
    # never named as a person, the word is the place
    assert [m.text for m in gazetteer().find_mentions("It went on to Cartwright.")] == [
        "Cartwright"
    ]


def test_a_small_fields_icao_code_is_read_right_after_its_name() -> None:
    assert _idents("A field I had heard good things about: Koblenz-Winningen EDRK.") == [
        ("EDRK", "EDRK")
    ]
    # alone, or after a word that is not its name, the code of a small field is not read
    assert _idents("The code EDRK was on the chart.") == []
    assert _idents("Frobisher Bay came next.")[0] == ("Frobisher Bay", "CYFB")


def test_a_small_field_is_found_by_its_code_in_brackets() -> None:
    # the field's own code says which of the fields of that name is meant
    assert _idents("Out of Minute Man Field (6B6) we turned southwest.") == [("Minute Man", "6B6")]
    assert _idents("Out of Minute Man (QQQ) we turned southwest.") == []


def test_a_small_field_is_found_by_its_region_after_a_comma() -> None:
    found = _idents("A trip that will carry it into Duxford, England next week.")
    assert found[0] == ("Duxford", "EGSU")
    assert _idents("Duxford is a village.") == []


def test_a_small_field_after_a_word_of_travel_needs_its_country_named_again() -> None:
    text = "The Islander left Mareeba for the south, then made a ferry flight south to Archerfield."
    assert ("Archerfield", "YBAF") in _idents(text)
    # the same words, but no other place of that country: thin evidence, not read
    assert _idents("The Islander made a ferry flight south to Archerfield.") == []
    # any verb of going, with the flight told in the same sentence
    for said in ("the pilot took us to", "we went on to", "the aircraft went to"):
        text = f"The Cessna took off from Coober Pedy at dawn, and {said} Oodnadatta for fuel."
        assert ("Oodnadatta", "YOOD") in _idents(text), said
    # a person after "to" is no field, however a flight is told around him
    assert all(
        t != "Jones"
        for t, _ in _idents(
            "Airborne again over Gander, she went forward to Jones at the controls."
        )
    )


@pytest.mark.parametrize(
    ("name", "country", "region"),
    [
        ("Antigua", "AG", None),  # the island of Antigua and Barbuda's capital
        ("Tortola", "VG", None),
        ("Bougainville", "PG", "PG-NSB"),
        ("Espiritu Santo", "VU", "VU-SAM"),
        ("Los Negros", "PG", "PG-MRL"),
        ("Lanzarote", "ES", "ES-CN"),
        ("Oahu", "US", "US-HI"),
        ("Barbuda", "AG", "AG-10"),
    ],
)
def test_islands_known_by_their_own_name(
    g: Gazetteer, name: str, country: str, region: str | None
) -> None:
    place = g.lookup(name)[0]
    assert (place.country, place.region) == (country, region)
    assert g.airports_in(place), "an island a flight lands on has an airport"


def test_an_island_named_as_its_airport_stays_the_airport(g: Gazetteer) -> None:
    place = g.lookup("Fuerteventura")[0]
    assert place.airport is not None
    assert place.airport.iata == "FUE"


def test_a_town_named_with_its_country_takes_that_countrys_airport(g: Gazetteer) -> None:
    # Flores, Guatemala is served by Mundo Maya International (filed under San Benito); the
    # Azores' Flores Airport is another place of the name (data/airport_aliases.csv)
    text = "We flew as a group from McAllen to Flores, Guatemala, the gateway to Tikal."
    flores = next(m for m in g.find_mentions(text) if m.text == "Flores")
    assert "GT" in {p.country for p in flores.places}
    assert "PT" in {p.country for p in flores.places}


@pytest.mark.parametrize(
    ("name", "region"),
    [
        # Belgium's first-level regions, as for Spain's communities and Italy's regions; OurAirports
        # files Belgian airports under provinces (data/region_codes.csv)
        ("Antwerp", "BE-VLG"),
        ("Melsbroek", "BE-VLG"),
        ("Charleroi", "BE-WAL"),
        ("Flanders", "BE-VLG"),
        ("Wallonia", "BE-WAL"),
        ("Brussels", "BE-BRU"),
    ],
)
def test_belgian_places_lie_in_belgiums_regions(g: Gazetteer, name: str, region: str) -> None:
    assert g.lookup(name)[0].region == region


@pytest.mark.parametrize(
    ("name", "region"),
    [
        # Morocco's twelve regions of 2015, not OurAirports' provinces; Nairobi City County,
        # not the province Kenya had until 2013 (data/region_codes.csv)
        ("Marrakech", "MA-07"),
        ("Rabat", "MA-04"),
        ("Tangier", "MA-01"),
        ("Nairobi", "KE-30"),
    ],
)
def test_moroccan_and_kenyan_places_take_isos_current_regions(
    g: Gazetteer, name: str, region: str
) -> None:
    assert g.lookup(name)[0].region == region


def test_a_small_town_located_by_its_states_postal_code_is_found(g: Gazetteer) -> None:
    # a town too small to be read alone in prose is a place when its state follows it
    assert [m.text for m in g.find_mentions("* Opa-locka, FL")] == ["Opa-locka", "FL"]
    assert [m.text for m in g.find_mentions("Opa-locka is a city.")] == []


def test_a_peoples_word_among_an_airports_keywords_is_not_its_name() -> None:
    # OurAirports lists "British" among RAF Akrotiri's keywords; in prose it is the people's word
    (british,) = gazetteer().find_mentions("It flew from the British Antarctic Survey base.")
    assert british.demonym
    assert british.places[0].country == "GB"
    found = [m.text for m in gazetteer().find_mentions("It flew to RAF Akrotiri.")]
    assert found == ["RAF Akrotiri"]


def test_a_small_town_is_known_by_name_and_read_in_prose_only_as_a_flights_stop() -> None:
    gaz = gazetteer()
    # a town of a few thousand people (GeoNames' cities1000), with the airports around it
    (niebla, *_) = gaz.lookup("Niebla")
    assert (niebla.kind, niebla.country, niebla.region) == (StopKind.CITY, "ES", "ES-AN")
    assert any(ap.iata == "SVQ" for ap in gaz.airports_in(niebla))
    # in prose only where a word of flying governs the name
    assert [m.text for m in gaz.find_mentions("We flew to Niebla for fuel.")] == ["Niebla"]
    assert gaz.find_mentions("Niebla was quiet that year.") == []
    # a town's name at the head of a longer name is not the town
    found = gaz.find_mentions("The jet flew on to Cameron County, Texas.")
    assert all(p.name != "Cameron" for m in found for p in m.places)
    # a town named for water (Lake Hopatcong, New Jersey, 9,000 people) is left out: such a
    # name in a report is most often the water a flight passes
    assert gaz.lookup("Lake Hopatcong") == ()


def test_london_airport_is_heathrow_first_as_in_reports_of_its_first_twenty_years() -> None:
    # Heathrow was "London Airport" from 1946 to 1966; London, Ontario's airport comes next
    found = [p.airport.iata for p in gazetteer().lookup("London Airport") if p.airport]
    assert found[:2] == ["LHR", "YXU"]


@pytest.mark.parametrize(
    "text",
    [
        "The flight landed in formation at Hourtin at 14.05.",  # words between verb and "at"
        "Then off we went westbound, first stop Hourtin.",  # "first stop", "next stop"
        "Plymouth to Hourtin. 380 miles.",  # a log's leg line, from its first name
        "The seaplanes came down at Hourtin.",
    ],
)
def test_more_words_of_flying_govern_a_small_towns_name(text: str) -> None:
    assert [m.text for m in gazetteer().find_mentions(text)][-1:] == ["Hourtin"]


def test_a_small_towns_name_is_not_read_after_words_that_do_not_fly_to_it() -> None:
    assert gazetteer().find_mentions("The pilot met a man from Hourtin, who sold boats.") == []


def test_a_small_fields_short_name_hides_no_city_of_a_hundred_thousand() -> None:
    # Flugplatz Freiburg's short name is never read in prose; the city of 230,000 is
    (first, *_) = gazetteer().lookup("Freiburg")
    assert (first.kind, first.region) == (StopKind.CITY, "DE-BW")
    assert [m.text for m in gazetteer().find_mentions("Tomorrow we go on to Freiburg.")] == [
        "Freiburg"
    ]


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # Pasadena, Maryland, has an airport of its name; the cities of Texas and California do not
        ("The jet flew from Pasadena, California, to Albuquerque.", "US-CA"),
        ("The jet flew from Pasadena, Texas, to Albuquerque.", "US-TX"),
        ("The jet flew from Glendale, California, to Albuquerque.", "US-CA"),
        ("The jet flew from Heidelberg, Germany, to Lyon.", "DE-BW"),
        # across the river from Kansas City, Missouri, whose airports serve both
        ("The DC-1 flew from Kansas City, Kansas, to Columbus.", "US-KS"),
        # a town of 34,000; the first Augusta is Georgia's
        ("The flying boat flew to Augusta, Sicily, from Bournemouth, then to Bahrain.", "IT-82"),
        # Plymouth Municipal's town, never read in prose alone, after Plymouth in England
        ("The Cessna flew to Plymouth, Massachusetts, from DuBois.", "US-MA"),
    ],
)
def test_a_city_is_not_hidden_by_a_place_of_its_name_in_another_region(
    text: str, region: str
) -> None:
    from flightlegs.read.report.reader import parse_report

    stops = parse_report(text).stops
    assert region in [s.region for s in stops]
    assert all(s.kind is not StopKind.REGION for s in stops)  # the region locates the town


def test_a_city_hidden_by_a_smaller_place_of_its_name_comes_after_that_place() -> None:
    # offered for a region or the route to choose, never ahead of what the name meant before
    (first, *rest) = gazetteer().lookup("Pasadena")
    assert first.region == "US-MD"
    assert {"US-CA", "US-TX"} <= {p.region for p in rest}


def test_a_small_town_of_two_common_words_is_read_by_way_of_it() -> None:
    # "Harbour Grace" is two English words, but together the name of a town in Newfoundland
    found = gazetteer().find_mentions("The pair flew by way of Harbour Grace to Chester.")
    assert [(m.text, m.places[0].region) for m in found][:1] == [("Harbour Grace", "CA-NL")]
    assert gazetteer().find_mentions("There was harbour grace in the old days.") == []


def test_a_base_kinds_abbreviation_before_a_name_is_not_an_airport_code() -> None:
    # NAS is Nassau's IATA code, and the kind of base in "NAS Sigonella"
    found = [m.text for m in gazetteer().find_mentions("The P-8 flew from NAS Sigonella to Rota.")]
    assert "NAS" not in found
    assert "Sigonella" in found
    assert [m.text for m in gazetteer().find_mentions("Flights to NAS resumed.")] == ["NAS"]


def test_a_half_of_an_airports_slashed_name_that_names_a_field_is_its_name() -> None:
    # OurAirports: "Naha Airport / JASDF Naha Air Base" (Okinawa); Tahuna's is "Naha Airport"
    found = [p.airport.iata for p in gazetteer().lookup("Naha Airport") if p.airport]
    assert found[0] == "OKA"
    assert "NAH" in found


@pytest.mark.parametrize(
    "text",
    ["The jet flew on to Oakland County, Michigan.", "We went to Orange County, California."],
)
def test_a_county_named_for_a_city_is_not_the_city(text: str) -> None:
    # Oakland County lies in Michigan and Oakland in California
    assert [m.text for m in gazetteer().find_mentions(text)][:1] != ["Oakland"]
    assert "Orange" not in [m.text for m in gazetteer().find_mentions(text)]


def test_a_countys_airport_is_still_read() -> None:
    found = [m.text for m in gazetteer().find_mentions("We landed at Chester County airport.")]
    assert found == ["Chester"]


def test_a_countrys_name_is_the_country_before_a_town_abroad_of_that_name() -> None:
    # Armenia, Quindío (Colombia) has an airport; "Armenia" in a report is the country
    first, *rest = gazetteer().lookup("Armenia")
    assert (first.kind, first.country) == (StopKind.COUNTRY, "AM")
    assert "CO" in {p.country for p in rest}
    # a city in the country of its name stays first
    assert gazetteer().lookup("Singapore")[0].kind is StopKind.CITY


@pytest.mark.parametrize(
    ("name", "code"),
    [("Persia", "IR"), ("Siam", "TH"), ("Ceylon", "LK"), ("Dutch East Indies", "ID")],
)
def test_former_names_of_countries_read_as_the_country(name: str, code: str) -> None:
    # reports of history: "hopped across Persia and India"
    first = gazetteer().lookup(name)[0]
    assert (first.kind, first.country) == (StopKind.COUNTRY, code)


def test_an_airport_read_by_its_former_name() -> None:
    # Harry Reid International was McCarran International until December 2021
    found = gazetteer().find_mentions("We landed at McCarran International Airport at 1:15pm.")
    assert [(m.text, m.places[0].airport.iata) for m in found if m.places[0].airport] == [
        ("McCarran International Airport", "LAS")
    ]


@pytest.mark.parametrize(
    ("text", "name", "iata"),
    [
        # rendition logs name the Polish airport by its village (data/airport_aliases.csv)
        ("The Gulfstream landed at Szymany on 5 June.", "Szymany", "SZY"),
        ("It flew on to Sea-Tac International Airport.", "Sea-Tac International Airport", "SEA"),
        ("The Electra reached Dum Dum at dusk.", "Dum Dum", "CCU"),
        ("From Hudaidah the jet flew on to Islamabad.", "Hudaidah", "HOD"),
    ],
)
def test_an_airport_read_by_the_name_people_use(text: str, name: str, iata: str) -> None:
    found = {m.text: m.places[0] for m in gazetteer().find_mentions(text)}
    place = found[name]
    assert place.airport is not None
    assert place.airport.iata == iata


def test_a_great_citys_old_name_is_read_where_its_namesakes_are_not_read_in_prose() -> None:
    # Bagdad, Arizona and its airfield are never read in prose; "Bagdad" of 1930 is Baghdad
    found = gazetteer().find_mentions("She flew on from Bagdad to Bushire in a day.")
    assert [(m.text, m.places[0].country) for m in found] == [("Bagdad", "IQ"), ("Bushire", "IR")]
