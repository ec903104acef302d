"""The report reader, rule by rule, on the styles of the second corpus batch (cases 30-49).

Each test is one phrasing the reader's module docstring documents: monitors' logs
and timelines, numeric dates, airport words, counts aboard, diversions, other
aircraft and background sentences.
"""

from __future__ import annotations

import datetime as dt

import pytest

from flightlegs.core.route import StopKind
from flightlegs.read.report.reader import explain_report, parse_report


def _stops(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.role.value) for m in explain_report(text).stops]


# --------------------------------------------------------------------------- logs and timelines


def test_log_lines_keep_flight_order_and_repeats() -> None:
    text = (
        "11 JUN 2024\n"
        "1402Z dep KIWA; 1909Z arr PANC.\n"
        "2031Z dep PANC; 0656Z arr ZSPD.\n"
        "0912Z dep ZSPD; 1027Z arr PANC.\n"
        "2110Z dep PANC; 0218Z arr KIWA.\n"
    )
    route = parse_report(text)
    assert [s.code for s in route.stops] == ["AZA", "ANC", "PVG", "ANC", "AZA"]
    assert route.stops[-1].is_return  # ends where it began
    assert route.date == dt.date(2024, 6, 11)  # the day line above the first entry


def test_timeline_bullets_with_clock_times_are_read() -> None:
    text = (
        "The ministry released this timeline of the day, with local times and offsets:\n"
        "• 06:10: the jet takes off from Iquique.\n"
        "• 09:50: lands at Lima for fuel.\n"
    )
    assert _stops(text) == [("Iquique", "departure"), ("Lima", "stop")]


TERSE_LOG = (
    "Easter trip, part 2\n"
    "Woke to grey skies over Cherbourg\n"
    "Paid the landing fee and walked out to the aircraft\n"
    "Airborne just after ten with a light headwind\n"
    "Cruised down past Rouen at three thousand feet\n"
    "Landed at Tours with the tanks nearly half full\n"
    "Lunch in the club house while the fuel bowser came\n"
    "Took off again for Biarritz an hour later\n"
    "Long descent over the pine forests of the Landes\n"
    "Parked on the grass at Biarritz as the sun went down\n"
)


def test_a_log_told_in_short_lines_without_full_stops_is_read() -> None:
    # a forum post written as one short line per event: its lines are the story, not headings
    assert [n for n, role in _stops(TERSE_LOG) if role != "departure"][-2:] == ["Tours", "Biarritz"]


@pytest.mark.parametrize("line", ["Landed at Tours.", "Landed at Tours with fuel to spare"])
def test_a_verb_that_begins_a_line_governs_the_place_after_it(line: str) -> None:
    # "Tours" is also an English word, read as the town only where a flight verb governs it
    assert _stops(line) == [("Tours", "stop")]


def test_a_few_short_lines_among_prose_are_still_headings() -> None:
    text = "Easter trip, part 2\nPhotos from the day out\n" + (
        "We flew from Cherbourg to Tours on Saturday. The next day we went on to Biarritz.\n"
    )
    assert "Cherbourg" in [n for n, _ in _stops(text)]
    assert "Photos" not in " ".join(n for n, _ in _stops(text))


def test_a_paragraph_cut_off_mid_sentence_is_still_prose() -> None:
    # a page's excerpt may end inside a sentence: the paragraph's own sentences are the story
    text = (
        "Ferry flight diary\n\n"
        "Well, in Wichita I met Alex, who would fly with me as far as Nairobi. We left at "
        "0900 for Cincinnati, a leg of about four hours over farmland and small towns. Every "
        "one of them had an airstrip of its own. As we passed St Louis I could see the arch, and"
    )
    assert ("Cincinnati", "stop") in _stops(text)


def test_a_diarys_dated_day_heading_names_the_days_stops() -> None:
    text = (
        "5/01/05 Galveston, TX and Corpus Christi, TX\n"
        "Day two of the trip. Short hops and a windy beach, and an early night.\n"
    )
    assert _stops(text) == [("Galveston", "stop"), ("Corpus Christi", "stop")]


def test_a_day_headings_place_told_again_below_it_is_read_where_it_is_told() -> None:
    # the heading names where the day ended; the story says when it got there
    text = (
        "4/30/05 San Antonio, Tx\n"
        "Day one. I launched from Santa Ana at 6:45am and flew to Deming, New Mexico, "
        "where I fuelled up and left for San Antonio.\n"
    )
    names = [n for n, _ in _stops(text)]
    assert names.index("Deming") < names.index("San Antonio")


def test_plain_list_items_are_still_skipped() -> None:
    text = "The jet left Boise and landed in Reno.\n• Related: flights from Denver to Omaha.\n"
    assert [n for n, _ in _stops(text)] == ["Boise", "Reno"]


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("4/16/24", dt.date(2024, 4, 16)),
        ("14/05/2024", dt.date(2024, 5, 14)),
        ("11 JUN 2024", dt.date(2024, 6, 11)),
    ],
)
def test_numeric_and_capital_dates(written: str, expected: dt.date) -> None:
    assert explain_report(f"On {written} the jet left Boise and landed in Reno.").date == expected


def test_ambiguous_numeric_date_is_not_guessed() -> None:
    assert explain_report("On 5/6/24 the jet left Boise and landed in Reno.").date is None


# --------------------------------------------------------------------------- airports


@pytest.mark.parametrize(
    "phrase",
    ["Iqaluit's airport", "the airport at Iqaluit", "the airport in Iqaluit", "Iqaluit airport"],
)
def test_airport_words_pin_the_airport(phrase: str) -> None:
    stop = parse_report(f"The plane left Bangor and flew on to {phrase}.").stops[-1]
    assert (stop.kind, stop.code) == (StopKind.AIRPORT, "YFB")


def test_home_base_names_only_the_town() -> None:
    stop = explain_report("The plane left Lima and landed back at its home base in Santiago.").stops
    assert (stop[-1].text, stop[-1].role.value, stop[-1].airport) == ("Santiago", "return", False)


def test_airport_named_before_its_town_is_the_stop() -> None:
    text = "The jet left Narita and landed at Bandaranaike International Airport at Katunayake."
    assert _stops(text)[-1] == ("Bandaranaike International Airport", "stop")


# --------------------------------------------------------------------------- people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("The jet left Boise with ~130 on board and landed in Reno.", 130),
        ("Iraq flew 284 of its citizens home from Minsk to Erbil.", 284),
        ("The jet left Boise with two pilots and an engineer aboard and landed in Reno.", 3),
        ("The jet left Boise with 24 people and landed in Reno with all 38 returnees.", 38),
        ("The quake killed 14 people. The jet left Boise with 32 rescuers and landed in Reno.", 32),
    ],
)
def test_people_aboard(text: str, people: int) -> None:
    assert explain_report(text).people == people


# --------------------------------------------------------------------------- what is not a stop


def test_diversion_strikes_the_planned_destination() -> None:
    text = "A jet flying from Tokyo to Seattle was diverted to Cold Bay after an oil warning."
    assert _stops(text) == [("Tokyo", "departure"), ("Cold Bay", "stop")]


def test_another_aircraft_type_in_a_sentence_is_another_trip() -> None:
    text = (
        "A Gulfstream G650 left Haneda and landed at Cold Bay. "
        "A chartered Challenger 605 then took the passengers on to Anchorage."
    )
    assert [n for n, _ in _stops(text)] == ["Haneda", "Cold Bay"]


def test_earlier_year_sentence_is_background() -> None:
    text = (
        "On March 12, 2025, the jet took off from Houston and landed in Bogota. "
        "In 2019 one flight stopped in San Salvador."
    )
    assert [n for n, _ in _stops(text)] == ["Houston", "Bogota"]


def test_flying_in_from_is_where_people_came_from() -> None:
    text = "Most had reached Minsk flying in from Istanbul. The jet left Minsk and landed in Erbil."
    assert [n for n, _ in _stops(text)] == ["Minsk", "Erbil"]


def test_stop_on_the_way_goes_before_the_destination() -> None:
    text = "The C-17 left Cherry Point and landed at Evenes. It stopped in Iceland on the way."
    assert [n for n, _ in _stops(text)] == ["Cherry Point", "Iceland", "Evenes"]


def test_coordinates_where_the_aircraft_came_down_are_a_stop() -> None:
    text = (
        "The floatplane took off from Ketchikan. It landed on the water beside the boat at "
        "55.33N 132.02W. The flight back ended with the plane coming down at Ketchikan "
        "International Airport."
    )
    assert [r for _, r in _stops(text)] == ["departure", "stop", "return"]


def test_crew_account_in_quotes_is_the_route_and_the_lead_is_the_return() -> None:
    text = (
        "ABUJA, May 7, 2023 — A C-130H landed at Nnamdi Azikiwe International Airport on Sunday. "
        "The commander said: \"We took off from Abuja early on Saturday, refuelled in N'Djamena "
        'and were on the ground at Port Sudan in the afternoon." '
        '"Coming back we had to stop in N\'Djamena again," he said.'
    )
    reading = explain_report(text)
    assert [(m.text, m.role.value) for m in reading.stops] == [
        ("Abuja", "departure"),
        ("N'Djamena", "stop"),
        ("Port Sudan", "stop"),
        ("N'Djamena", "stop"),
        ("Nnamdi Azikiwe International Airport", "return"),
    ]
    assert reading.date == dt.date(2023, 5, 6)


def test_an_officials_quote_is_still_set_aside() -> None:
    text = 'The jet left Boise and landed in Reno. "Flights to Denver will follow," he said.'
    assert [n for n, _ in _stops(text)] == ["Boise", "Reno"]


def test_stops_told_after_the_destination_they_came_before() -> None:
    # "reached Cooma, with a fuel stop at Goulburn": Goulburn lies before Cooma
    reading = explain_report(
        "After two days in the Snowy Mountains we reached Cooma, with a fuel stop at Goulburn"
        " on the way from Bankstown."
    )
    assert [s.text for s in reading.stops] == ["Bankstown", "Goulburn", "Cooma"]


def test_a_basin_named_for_a_city_is_not_a_stop() -> None:
    reading = explain_report(
        "Low cloud over the Perth basin kept us on the ground at Jandakot until noon, when we"
        " left for Geraldton."
    )
    assert [s.text for s in reading.stops] == ["Jandakot", "Geraldton"]
    (perth,) = [x for x in reading.set_aside if x.text == "Perth"]
    assert "landform" in perth.reason


@pytest.mark.parametrize("title", ["Mr.", "President", "Gov.", "Senator", "Sheikh"])
def test_a_name_after_a_title_is_a_person(title: str) -> None:
    # Houston the city would be the departure of "Houston flew to Denver"
    reading = explain_report(
        f"The jet left Omaha on Monday, and then {title} Houston flew to Denver."
    )
    assert [s.text for s in reading.stops] == ["Omaha", "Denver"]
    # the gazetteer itself passes over some titled names; where it does not, the reason says so
    assert all("person" in x.reason for x in reading.set_aside if x.text == "Houston")


def test_a_place_whose_name_starts_with_a_title_is_still_a_place() -> None:
    reading = explain_report(
        "The jet flew from Anchorage to King Salmon, then on to Prince George."
    )
    assert [s.text for s in reading.stops] == ["Anchorage", "King Salmon", "Prince George"]


def test_a_stop_told_only_with_an_earlier_date_is_another_trip() -> None:
    reading = explain_report(
        "On 14 March 2019 the leased Learjet left Wichita, refuelled at Gander and landed at"
        " Shannon. The same crew had flown it to Oslo in January 2019 for a survey."
    )
    assert [s.text for s in reading.stops] == ["Wichita", "Gander", "Shannon"]
    (oslo,) = [x for x in reading.set_aside if x.text == "Oslo"]
    assert "earlier date (January 2019)" in oslo.reason
    assert reading.date == dt.date(2019, 3, 14)


def test_later_days_of_a_trip_are_kept() -> None:
    reading = explain_report(
        "On 2 June 1934 the pair left Croydon for Rome. On 5 June they flew on to Cairo, and on"
        " 9 June they reached Karachi."
    )
    assert [s.text for s in reading.stops] == ["Croydon", "Rome", "Cairo", "Karachi"]


def test_a_bracketed_qualifier_with_a_peoples_word_is_another_name() -> None:
    # "Tontouta (French Noumea)", "Pago (American Samoa)": each bracket says where the stop is
    reading = explain_report(
        "My route was Sydney, Tontouta (French Noumea), Pago (American Samoa), Hilo, Wichita."
    )
    assert [s.text for s in reading.stops] == ["Sydney", "Tontouta", "Pago", "Hilo", "Wichita"]
    assert [s.places[0].country for s in reading.stops[1:3]] == ["NC", "AS"]


def test_names_joined_by_to_are_a_route_and_a_plan_where_the_clause_says_so() -> None:
    reading = explain_report(
        "For now we plan on Perth to Learmonth to Bali to Darwin, weather permitting."
    )
    assert [(s.text, s.role.value) for s in reading.stops] == [
        ("Perth", "departure"),
        ("Learmonth", "stop"),
        ("Bali", "stop"),
        ("Darwin", "stop"),
    ]
    assert all(s.planned for s in reading.stops)


def test_two_names_joined_by_to_without_a_flight_word_are_not_a_chain() -> None:
    reading = explain_report("Fans came from Perth to Darwin for the final.")
    assert not any(s.text == "Perth" and s.role.value == "departure" for s in reading.stops)


def test_where_a_stop_was_reached_from_is_the_departure_before_it() -> None:
    reading = explain_report("The Hercules came into Nairobi from Entebbe.")
    assert [(s.text, s.role.value) for s in reading.stops] == [
        ("Entebbe", "departure"),
        ("Nairobi", "stop"),
    ]  # and Hercules, California, is the aircraft


def test_flown_with_what_it_carried_is_still_flown_to() -> None:
    reading = explain_report("The jet positioned to Luton empty, then flew the party to Lyon.")
    assert [s.text for s in reading.stops] == ["Luton", "Lyon"]


def test_legs_on_lines_of_their_own_and_a_dashed_chain_with_articles() -> None:
    reading = explain_report(
        "Day 2\n\nAccra, Ghana to Libreville, Gabon.\n\n"
        "A week or so before that, our friend John had flown it over the ocean from Bangor,"
        " Maine - St. John's, Newfoundland - The Azores - Accra, Ghana, with a friend of his.\n"
    )
    assert [s.text for s in reading.stops] == [
        "Bangor",
        "St. John's",
        "Azores",
        "Accra",
        "Libreville",
    ]


def test_the_crews_airline_trips_are_not_the_aircrafts_route() -> None:
    reading = explain_report(
        "I ferried the Cessna from Reykjavik to Waco. That meant two airline trips: first Los"
        " Angeles to Chicago to London to Reykjavik, and home from Dallas at the end."
    )
    assert [s.text for s in reading.stops] == ["Reykjavik", "Waco"]


def test_a_small_field_named_as_an_airfield_and_a_plan_that_goes_on() -> None:
    reading = explain_report(
        "The whole trip is flown visually, from Texel International Airport to Kaposvar."
        " The plan is to fly via Prague, stay there a day, and then carry on to the final"
        " destination, Kaposvar. Today's first stop will be in Germany, at the airfield of"
        " Höxter-Holzminden, where we'll refuel."
    )
    assert [s.text for s in reading.stops] == ["Texel", "Höxter-Holzminden", "Prague", "Kaposvar"]
    assert [s.planned for s in reading.stops] == [False, True, True, False]
    texel = reading.stops[0].places[0].airport
    assert texel is not None
    assert texel.icao == "EHTX"


def test_a_registration_mark_is_not_an_airport_code() -> None:
    # "ANI" is Aniak, Alaska; "HA-ANI" is an Antonov's registration
    reading = explain_report("Bringing HA-ANI home: the Antonov flew from Texel Airport to Prague.")
    assert [s.text for s in reading.stops] == ["Texel", "Prague"]


def test_the_family_name_of_the_aircraft_told_is_the_same_aircraft() -> None:
    reading = explain_report(
        "A Gulfstream V left Mesa and landed in Anchorage; the Gulfstream then made a stop in"
        " Seoul."
    )
    assert [s.text for s in reading.stops] == ["Mesa", "Anchorage", "Seoul"]


def test_a_headline_in_capitals_is_not_a_code_chain_and_a_clock_time_ends_a_sentence() -> None:
    reading = explain_report(
        "MOONLIGHT HOP-OFF\n\nThe airwoman left Lydd at 4.10 a.m. and came down at Marseilles."
        " She was expected in Athens by 4.30 p.m. Instead, she landed at Brindisi.\n"
    )
    assert [s.text for s in reading.stops] == ["Lydd", "Marseilles", "Brindisi"]
    assert not reading.stops[-1].planned


def test_a_date_in_a_later_clause_does_not_date_the_stop_and_cities_in_one() -> None:
    reading = explain_report(
        "On 13 June 2017 the medevac jet left Pyongyang and flew to New Delhi. It went by way"
        " of a U.S. military base in Sapporo and had waited there long, since his March 2016"
        " trial. The jet reached Delhi at noon."
    )
    assert [s.text for s in reading.stops][:2] == ["Pyongyang", "Sapporo"]
    assert len(reading.stops) == 3  # New Delhi and Delhi are one stop


def test_an_itinerary_line_of_names_and_codes_with_a_fuel_stop_label() -> None:
    reading = explain_report(
        "Trip Number Three\n\nItinerary: Winnipeg (YWG) - Fuel Stop: Thunder Bay (YQT) - Halifax"
        " (YHZ) - Winnipeg (YWG)\n\nThe call came an hour before I was due at the hangar, and we"
        " were airborne soon after that with the patient.\n"
    )
    assert [s.text for s in reading.stops] == ["Winnipeg", "Thunder Bay", "Halifax", "Winnipeg"]


def test_a_plain_landing_outweighs_a_denial_about_another_flier() -> None:
    reading = explain_report(
        "Hughes set his two-motored plane down at Omsk tonight, at the end of a flight from"
        " Moscow. That put him ahead of the late Wiley Post, who had not stopped at Omsk."
    )
    assert [s.text for s in reading.stops] == ["Moscow", "Omsk"]
    (post,) = [x for x in reading.set_aside if x.text == "Wiley Post"]
    assert "person" in post.reason


def test_day_lines_with_a_comma_or_a_time_of_day_name_the_stops() -> None:
    reading = explain_report(
        "The actual route takes us on the first day from the Netherlands to Rome.\n"
        "Day 2 We will head for Iraklion, Crete.\nDay 3, Luxor, Egypt\n"
        "Day 5 late afternoon: Entebbe, Uganda!\n"
    )
    assert [s.text for s in reading.stops] == [
        "the Netherlands",
        "Rome",
        "Iraklion",
        "Luxor",
        "Entebbe",
    ]


def test_a_rerouted_flight_and_a_countrys_air_base_and_money_moved_out_of_a_country() -> None:
    reading = explain_report(
        "A charter flying from the US airbase at Bagram to Dubai was re-routed to Bandar Abbas."
        " The deal had moved 8 billion dollars in assets out of Iran."
    )
    assert [(s.text, s.role.value) for s in reading.stops] == [
        ("Bagram", "departure"),
        ("Bandar Abbas", "stop"),
    ]
    (dubai,) = [x for x in reading.set_aside if x.text == "Dubai"]
    assert "diverted" in dubai.reason


def test_of_two_flights_told_the_one_told_in_more_stops_is_the_reports() -> None:
    reading = explain_report(
        "On Monday a Learjet took off from Wichita with two patients aboard."
        " The second flight that day was the one the families had waited for: a Boeing 737"
        " left Laredo at dawn, refuelled at Tapachula and landed in Managua by noon."
    )
    assert [s.text for s in reading.stops] == ["Laredo", "Tapachula", "Managua"]
    (wichita,) = [x for x in reading.set_aside if x.text == "Wichita"]
    assert "another flight" in wichita.reason


def test_a_first_flight_told_in_more_stops_stays_the_reports() -> None:
    reading = explain_report(
        "The Gulfstream left Teterboro, refuelled in Gander and landed at Shannon."
        " A second jet flew from Boston to Keflavik."
    )
    assert [s.text for s in reading.stops] == ["Teterboro", "Gander", "Shannon"]


def test_a_skipped_stop_is_not_a_stop() -> None:
    reading = explain_report(
        "The tanker left Mildenhall, refuelled at Lajes, but skipped its usual stop in"
        " Bermuda and landed at Dover. Another idea, a stop at Goose Bay, was bypassed too."
    )
    assert [s.text for s in reading.stops] == ["Mildenhall", "Lajes", "Dover"]


def test_timeline_entries_are_read_as_sentences() -> None:
    reading = explain_report(
        "The foreign minister spent Tuesday in the Balkans, the pool reported.\n\n"
        "The minister's day, all times local:\n"
        "6:05 am: the Falcon takes off from Ciampino\n"
        "8:40 am: lands at Tirana for a two-hour meeting\n"
        "11:15 am: wheels up again, bound for Podgorica\n"
    )
    assert [s.text for s in reading.stops] == ["Ciampino", "Tirana", "Podgorica"]


def test_a_destination_given_up_for_another_is_not_a_stop() -> None:
    reading = explain_report(
        "The envoy's Gulfstream was flying home to Ottawa from Doha when it landed at Gander"
        " for fuel. The crew waited two hours. Then the jet did not leave for Ottawa as"
        " planned: it flew instead to Reykjavik."
    )
    assert [s.text for s in reading.stops] == ["Doha", "Gander", "Reykjavik"]
    reasons = {x.reason for x in reading.set_aside if x.text == "Ottawa"}
    assert any("given up" in r for r in reasons)
    assert "negated" in reasons


def test_a_place_landed_at_instead_replaces_the_one_it_was_bound_for() -> None:
    reading = explain_report(
        "The Moth left Benghazi bound for Alexandria. Headwinds slowed it, and it came down at"
        " Tobruk instead."
    )
    assert [s.text for s in reading.stops] == ["Benghazi", "Tobruk"]


def test_stops_told_weeks_before_are_another_trip() -> None:
    reading = explain_report(
        "The charter left Mesa on Tuesday, refuelled at Alexandria and landed in Guatemala City"
        " that evening. Last month the crew stopped at Harlingen on the same run, and three"
        " months ago they went by way of Brownsville."
    )
    assert [s.text for s in reading.stops] == ["Mesa", "Alexandria", "Guatemala City"]
    reasons = {x.text: x.reason for x in reading.set_aside}
    assert "last month" in reasons["Harlingen"]
    assert "three months ago" in reasons["Brownsville"]


def test_a_trip_last_august_is_another_trip() -> None:
    reading = explain_report(
        "The Gulfstream left Miami, refuelled in Bucharest and landed in New Delhi. Last"
        " August, an aircraft with the minister on board came home from Warsaw."
    )
    assert [s.text for s in reading.stops] == ["Miami", "Bucharest", "New Delhi"]


def test_a_list_of_stops_one_to_an_item_is_read_in_its_order() -> None:
    reading = explain_report(
        "The freighter left Novosibirsk on Monday and made these stops on the way:\n"
        "* Almaty (Kazakhstan)\n"
        "* Tashkent (Uzbekistan)\n"
        "* Baku (Azerbaijan)\n"
        "Its cargo was not declared.\n"
    )
    assert [s.text for s in reading.stops] == ["Novosibirsk", "Almaty", "Tashkent", "Baku"]
    assert {x.text for x in reading.set_aside} >= {"Kazakhstan", "Uzbekistan", "Azerbaijan"}


def test_a_diarys_present_tense_flight_after_a_drive_and_a_flight_nearly_made() -> None:
    reading = explain_report(
        "Tomorrow's plan is simple. I drive to the hangar, and fly to Wellesbourne to pick up"
        " my co-pilot. Then we fly to Lydd for customs. Last year we very nearly flew to"
        " Deauville, but the weather closed in."
    )
    assert [s.text for s in reading.stops][:2] == ["Wellesbourne", "Lydd"]
    assert "Deauville" not in [s.text for s in reading.stops]


def test_the_story_goes_on_after_a_read_more_block() -> None:
    reading = explain_report(
        "A chartered Airbus left Manchester on Monday with 40 people aboard.\n\n"
        "Read more\n"
        "Home Office defends removal flights\n"
        "Court halts Rwanda plan\n\n"
        "Flight trackers show that the aircraft stopped in Sofia for fuel and reached Tbilisi"
        " early on Tuesday, where the passengers were handed over to the police.\n"
    )
    assert [s.text for s in reading.stops] == ["Manchester", "Sofia", "Tbilisi"]


def test_a_place_told_in_the_lede_and_again_in_the_route_is_one_stop() -> None:
    reading = explain_report(
        "A business jet from Israel landed in Riyadh on Tuesday after a night in Amman.\n\n"
        "Tracking sites show the jet leaving Ben Gurion Airport at 23:21 on Monday; it spent"
        " the night at Queen Alia International Airport, then took off at 10:08, bound for"
        " King Khalid International Airport."
    )
    names = [s.text for s in reading.stops]
    assert names[-1] == "King Khalid International Airport"
    assert "Riyadh" not in names  # the same airport, told first in the lede
    assert names == ["Ben Gurion", "Queen Alia International Airport", names[-1]]


def test_a_logs_leg_lines_with_their_lengths_name_the_route() -> None:
    reading = explain_report(
        "Tuesday May 3rd 1932\n\nFelixstowe to Plymouth. - 276 miles.\n\n"
        "The boats were moored off the air station by one o'clock.\n\n"
        "Thursday May 5th\n\nPlymouth to Brest. 180 miles.\n"
    )
    assert [s.text for s in reading.stops] == ["Felixstowe", "Plymouth", "Brest"]


def test_a_landing_told_first_is_the_destination_when_the_route_would_double_back() -> None:
    reading = explain_report(
        "A Russian freighter touched down in Havana on Sunday after a journey of four days.\n\n"
        "It had left Moscow on Thursday and made these stops on the way:\n"
        "* Belgrade (Serbia)\n* Algiers (Algeria)\n* Dakar (Senegal)\n"
    )
    assert [s.text for s in reading.stops] == ["Moscow", "Belgrade", "Algiers", "Dakar", "Havana"]


def test_a_landing_told_first_stays_where_the_route_runs_on_from_it() -> None:
    reading = explain_report(
        "The charter from Boston landed in Bangor at dawn. Later it flew on to Shannon,"
        " then to Frankfurt and Vienna."
    )
    assert [s.text for s in reading.stops] == ["Boston", "Bangor", "Shannon", "Frankfurt", "Vienna"]


def test_a_name_after_a_title_initials_and_a_bracketed_given_name_is_a_person() -> None:
    reading = explain_report(
        "With Lt Col H.A. (Pierre) van Ryneveld in command, the Vimy left Brooklands for"
        " Rome. The money went to the Bank of England."
    )
    assert "van Ryneveld" not in [s.text for s in reading.stops]
    assert "Bank" not in [s.text for s in reading.stops]


def test_a_quoted_statement_that_tells_the_flight_as_done_is_read() -> None:
    reading = explain_report(
        'The ministry said: "On Friday a 12-member crew flew tents and water from Chennai to'
        ' Mactan. Our crew then flew on to Tacloban." The aircraft has since returned to India.'
    )
    assert [s.text for s in reading.stops] == ["Chennai", "Mactan", "Tacloban", "India"]
    # a quotation that tells no flight still speaks of something else
    other = explain_report(
        'The jet left Gander for Shannon. "We hope to see Reykjavik one day," the pilot said.'
    )
    assert [s.text for s in other.stops] == ["Gander", "Shannon"]


def test_a_stop_told_in_the_past_perfect_of_an_evacuation_came_before() -> None:
    reading = explain_report(
        "A military aircraft carrying the patient landed in Cincinnati late on Tuesday. He had"
        " been evacuated by way of a U.S. military base in Sapporo."
    )
    assert [s.text for s in reading.stops] == ["Sapporo", "Cincinnati"]


def test_a_flight_of_deportees_from_a_country_left_from_it() -> None:
    reading = explain_report(
        "A charter flight of deportees from the United States touched down at Lungi Airport on"
        " Wednesday. The plane had stopped in Senegal to refuel, and it then left for Ghana."
    )
    assert [s.text for s in reading.stops][:3] == ["United States", "Senegal", "Lungi"]


def test_a_name_given_a_title_once_is_that_person_elsewhere_in_the_report() -> None:
    reading = explain_report(
        "At dawn the Southern Cross took off from Darwin for Koepang, and a crowd watched"
        " Commodore Kingsford Smith get away. Kingsford Smith put the delay down to red tape."
    )
    assert "Kingsford Smith" not in [s.text for s in reading.stops]
    assert [s.text for s in reading.stops] == ["Darwin", "Koepang"]


def test_stopovers_in_a_list_are_stops() -> None:
    reading = explain_report(
        "The charter took off from Madrid at nine and made stopovers in Murcia and Malaga"
        " before arriving at its final destination, Dakar."
    )
    assert [s.text for s in reading.stops] == ["Madrid", "Murcia", "Malaga", "Dakar"]


def test_a_plan_fills_the_way_between_a_country_and_its_city_and_the_destination() -> None:
    reading = explain_report(
        "A flight with 400 migrants aboard has left Minsk for Baghdad. The aircraft is to come"
        " down in Erbil first, then at Baghdad airport. The plane had flown out of Belarus"
        " before dawn."
    )
    assert [s.text for s in reading.stops] == ["Minsk", "Erbil", "Baghdad"]
    assert [s.planned for s in reading.stops][:2] == [False, True]


def test_a_field_the_gazetteer_does_not_know_names_the_place_it_lies_in() -> None:
    reading = explain_report(
        "We left Grantley Adams at noon. Storms built up ahead, so we diverted and put down at"
        " Kellerman airfield Dominica for two hours before going on to Antigua."
    )
    assert [s.text for s in reading.stops] == ["Grantley Adams", "Dominica", "Antigua"]


def test_a_diversion_told_as_a_judgement_is_a_stop() -> None:
    reading = explain_report(
        "The Cessna left Nassau at dawn. Fog closed in, and we judged it wise to divert to"
        " Marsh Harbour, then flew on to West Palm Beach."
    )
    assert [s.text for s in reading.stops] == ["Nassau", "Marsh Harbour", "West Palm Beach"]


def test_a_life_told_in_an_earlier_year_is_not_the_flight() -> None:
    reading = explain_report(
        "She grew up in Kenya, trained as a nurse in 1931 and came back to England. On 4"
        " September 1936 she flew her Vega Gull from Abingdon to Halifax, Nova Scotia."
    )
    assert [s.text for s in reading.stops] == ["Abingdon", "Halifax"]


def test_a_flying_club_is_not_an_airfield() -> None:
    reading = explain_report(
        "He learned to fly at the Aero Club of Kenya. In 1936 the Vega Gull flew from Abingdon"
        " to Halifax."
    )
    assert [s.text for s in reading.stops] == ["Abingdon", "Halifax"]


def test_a_towns_first_word_means_the_town_named_in_full() -> None:
    reading = explain_report(
        "The Auster refuelled at Darwin and flew on to Alice Springs. After a night at Alice"
        " the aircraft left for Adelaide."
    )
    stops = reading.stops
    assert [s.text for s in stops] == ["Darwin", "Alice Springs", "Adelaide"]
    assert {s.places[0].country for s in stops} == {"AU"}
    assert "Alice" in stops[1].also_named  # the same stop, named again


def test_the_legs_flown_so_far_begin_the_plan_they_are_part_of() -> None:
    reading = explain_report(
        "The ferry plan runs from Florida to Georgia, then on to Ohio, to Quebec, then to"
        " Labrador, Greenland and Iceland. This morning the Caravan flew its first leg, from"
        " Fort Lauderdale to Savannah, Georgia."
    )
    stops = reading.stops
    assert [s.text for s in stops] == [
        "Fort Lauderdale",
        "Savannah",
        "Ohio",
        "Quebec",
        "Labrador",
        "Greenland",
        "Iceland",
    ]
    assert [s.planned for s in stops] == [False, False, True, True, True, True, True]


def test_where_an_advance_team_went_ahead_is_not_a_stop() -> None:
    reading = explain_report(
        "The minister's jet took off from Brasília on Monday and landed in Lisbon. A security"
        " team that went ahead to Madrid on Sunday was recalled."
    )
    assert [s.text for s in reading.stops] == ["Brasília", "Lisbon"]
    assert any(a.text == "Madrid" and "went ahead" in a.reason for a in reading.set_aside)


@pytest.mark.parametrize(
    "clause",
    [
        "officials who had flown out from Lympne to greet the crew",
        "the Air Officer Commanding, who had come over by air from Southampton,",
    ],
)
def test_where_people_came_from_on_a_journey_of_their_own_is_not_a_stop(clause: str) -> None:
    reading = explain_report(
        f"The flying boats left Felixstowe at dawn and alighted at Plymouth, where {clause}"
        " inspected the aircraft."
    )
    assert [s.text for s in reading.stops] == ["Felixstowe", "Plymouth"]


def test_a_line_of_names_joined_by_dashes_is_a_route_past_the_names_it_does_not_know() -> None:
    # a trip's route as a line under its title; "Shandonvale Station" and "Elquestro" are
    # strips the gazetteer does not know, and do not break the route around them
    reading = explain_report(
        "Off to the Kimberley\n\n"
        "Longreach – Shandonvale Station – Winton – Mt Isa – Kununurra – Elquestro\n\n"
        "10th May 2023. Tomorrow we set off at last. The forecast was blue skies."
    )
    assert [s.text for s in reading.stops] == ["Longreach", "Winton", "Mt Isa", "Kununurra"]


def test_an_airfield_said_to_be_in_a_city_over_the_border_is_that_citys_stop() -> None:
    reading = explain_report(
        "After talks in Washington DC, the president flew out of Joint Base Andrews military"
        " airfield in Washington on Tuesday, bound for Accra."
    )
    assert [s.text for s in reading.stops] == ["Joint Base Andrews", "Accra"]
    assert any(a.text == "Washington" and "locates" in a.reason for a in reading.set_aside)


def test_a_place_in_an_organisations_name_is_not_a_stop() -> None:
    reading = explain_report(
        "The freighter left Seattle with supplies given by Singapore Airlines staff. It"
        " stopped in Anchorage and flew on to Tokyo."
    )
    assert [s.text for s in reading.stops] == ["Seattle", "Anchorage", "Tokyo"]
    reasons = {a.text: a.reason for a in reading.set_aside}
    assert "organisation" in reasons["Singapore"]


def test_what_an_aircraft_carried_from_donors_to_a_place_took_it_there() -> None:
    reading = explain_report(
        "The 747 freighter left Stansted on Sunday. The freighter carried aid from Oxfam, the"
        " Red Cross and two church groups to Billund, where more was loaded."
    )
    assert [s.text for s in reading.stops] == ["Stansted", "Billund"]


def test_a_plan_told_right_after_the_last_leg_flown_goes_on_from_it() -> None:
    reading = explain_report(
        "The Antonov took off from Leipzig and flew to Baku on Monday. After that it will"
        " pick up tents in Dubai, and then go on to its final destination of Dhaka."
    )
    stops = reading.stops
    assert [s.text for s in stops] == ["Leipzig", "Baku", "Dubai", "Dhaka"]
    assert [s.planned for s in stops] == [False, False, True, True]


def test_one_place_flown_to_named_twice_leaves_the_plan_as_the_route() -> None:
    reading = explain_report(
        "Most of the patients had landed at Dhaka airport last month; others had flown into"
        " Dhaka in May. The relief flight will"
        " come directly from Doha, arriving at Dhaka at noon. It will then go on to Chittagong,"
        " and the flight will return to Doha from there."
    )
    stops = reading.stops
    assert [s.text for s in stops] == ["Doha", "Dhaka", "Chittagong", "Doha"]
    assert all(s.planned for s in stops[2:])


def test_a_list_of_bases_with_their_abbreviation_and_country_goes_on() -> None:
    reading = explain_report(
        "We ferried the C-141 from Charleston by way of Lajes, Azores, Mildenhall AB, England,"
        " Incirlik AB, Turkey and Bahrain to Dhahran."
    )
    assert [s.text for s in reading.stops] == [
        "Charleston",
        "Lajes",
        "Mildenhall",
        "Incirlik",
        "Bahrain",
        "Dhahran",
    ]


def test_where_people_went_back_to_is_not_the_flights_return() -> None:
    reading = explain_report(
        "The C-130 took off from Chania and landed at Larnaca at noon. Since the war began,"
        " some 2,000 people have come back to Greece, officials said."
    )
    assert [s.text for s in reading.stops] == ["Chania", "Larnaca"]
    assert any(a.text == "Greece" and "went back" in a.reason for a in reading.set_aside)


@pytest.mark.parametrize(
    ("text", "stops"),
    [
        # a pilot's words for arriving: the engines shut down there, the aircraft got into it
        (
            "We left Tucson at noon. Just as darkness fell, we shut down in El Paso.",
            ["Tucson", "El Paso"],
        ),
        (
            "The DC-10 left Sacramento on Monday and got into Albuquerque at 8 p.m.",
            ["Sacramento", "Albuquerque"],
        ),
        (
            "I took off from Crete at dawn. After a short turnaround in Alexandria I was"
            " airborne again, heading for Luxor.",
            ["Crete", "Alexandria", "Luxor"],
        ),
        # the usual route, through its places
        (
            "I delivered the Cessna from Reykjavik to Wichita along the usual route through"
            " Narsarsuaq, Greenland; Goose Bay, Canada; and Bangor, Maine.",
            ["Reykjavik", "Narsarsuaq", "Goose Bay", "Bangor", "Wichita"],
        ),
        # a place told before its cue
        (
            "We were wheels-up from Van Nuys a little after six. Fresno was our first stop of"
            " the day, and we flew on to Napa.",
            ["Van Nuys", "Fresno", "Napa"],
        ),
        # a clock time and an adverb between the departure and its destination
        (
            "The deportees boarded in Santiago, and the aircraft departed at 11:00 a.m."
            " directly for Lima.",
            ["Santiago", "Lima"],
        ),
        # what locates the place, between it and the landing told after it
        (
            "We got away from Luton at last around 4:30 PM and flew on to Kano, Nigeria, where"
            " we put down for fuel.",
            ["Luton", "Kano"],
        ),
    ],
)
def test_pilots_and_reporters_words_for_a_stop(text: str, stops: list[str]) -> None:
    assert [s.text for s in explain_report(text).stops] == stops


def test_so_many_people_carried_to_a_place_took_the_flight_there() -> None:
    reading = explain_report(
        "The charter set off from Oslo Gardermoen, made a stop in Copenhagen, and carried 41"
        " deportees in all to Kabul."
    )
    assert [s.text for s in reading.stops] == ["Oslo Gardermoen", "Copenhagen", "Kabul"]


def test_a_days_schedule_of_towns_with_their_states_is_the_route() -> None:
    reading = explain_report(
        "Today's schedule:\n* Washington, MI\n* Dubuque, IA\n* Opa-locka, FL\n\nAF1 went wheels"
        " up at 9:11 a.m. and touched down at 10:16 a.m. at Oakland County International"
        " Airport in Waterford Township, MI."
    )
    stops = reading.stops
    # Washington, Michigan is a town the gazetteer does not know: the state stands for it,
    # and the airport flown to there is that stop
    assert [s.text for s in stops] == [
        "Oakland County International Airport",
        "Dubuque",
        "Opa-locka",
    ]
    assert all(s.places[0].country == "US" for s in stops)
    assert any(a.text == "MI" and "not known there" in a.reason for a in reading.set_aside)


def test_the_next_story_of_a_newspaper_column_is_another_flight() -> None:
    reading = explain_report(
        "AMY JOHNSON AT KARACHI\n\nLONDON, May 15.\nMiss Johnson, who left Croydon on"
        " Monday, flew on from Baghdad and landed at Karachi this afternoon.\n\n"
        "BYRD AT THE POLE\n\nNEW YORK, May 14.\nCommander Byrd has arrived at Spitsbergen after"
        " flying from Kings Bay to the North Pole and back.\n"
    )
    assert "Spitsbergen" not in [s.text for s in reading.stops]
    assert any("next story" in a.reason for a in reading.set_aside)


def test_a_name_located_once_means_that_place_where_it_is_named_alone() -> None:
    reading = explain_report(
        "ST. PETERSBURG (Florida), December 27.\nThe pilot put down at St. Petersburg"
        " yesterday after flying non-stop from Cape Town."
    )
    stops = reading.stops
    assert [s.text for s in stops] == ["Cape Town", "St. Petersburg"]
    assert stops[1].places[0].region == "US-FL"


def test_a_flight_plans_lines_of_one_leg_each_are_the_route() -> None:
    reading = explain_report(
        "Flight plan:\nPrestwick, Scotland - Keflavik\nKeflavik – Narsarsuaq, Greenland\n"
        "Narsarsuaq, Greenland – Kangiqsujuaq, Canada\nKangiqsujuaq, Canada – Sherkat,"
        " Afghanistan\n\nThe Twin Otter left on 4 November."
    )
    stops = reading.stops
    # the last strip is not known: its country stands for it
    assert [s.text for s in stops] == [
        "Prestwick",
        "Keflavik",
        "Narsarsuaq",
        "Kangiqsujuaq",
        "Afghanistan",
    ]


def test_a_stop_planned_first_on_the_way_of_the_flight_told_is_kept() -> None:
    reading = explain_report(
        "An ICE flight arriving in Guatemala City on Friday carried 80 people. The plane,"
        " which had left Harlingen, was due to stop first in San Salvador before landing in"
        " the Guatemalan capital."
    )
    stops = reading.stops
    assert [s.text for s in stops] == ["Harlingen", "San Salvador", "Guatemala City"]
    assert stops[1].planned


def test_a_wartime_ferry_flights_ordered_route_and_its_old_field_names() -> None:
    reading = explain_report(
        "Our takeoff from Hunter Field, Georgia was on 2 March 1944. The ordered route ran via"
        " Richmond and Hartford to Dow Field, Maine. With the compass out we had to make an"
        " emergency landing at Grenier. Once it cleared we carried on to our jumping off point,"
        " Goose Bay, Labrador. Bluie West 1, Greenland came next, then Reykjavik."
    )
    assert [s.text for s in reading.stops] == [
        "Hunter Field",
        "Grenier",
        "Goose Bay",
        "Bluie West 1",
        "Reykjavik",
    ]
    codes = [s.places[0].airport.iata for s in reading.stops[:4] if s.places[0].airport]
    assert codes == ["SVN", "MHT", "UAK"]  # Savannah's, Manchester's and Narsarsuaq's fields


def test_a_pioneer_flights_title_field_and_steering_for_a_town() -> None:
    reading = explain_report(
        "Flight to Prince Albert\n\nAt 11 a.m. the pilots climbed away from the St. Charles"
        " Aerodrome on Portage Avenue West in Winnipeg. They landed at Dauphin for fuel, then"
        " steered for Swan River and spent the night there."
    )
    stops = reading.stops
    assert [s.text for s in stops] == ["St. Charles", "Dauphin", "Swan River", "Prince Albert"]
    # an aerodrome the gazetteer does not know, in the city named after it
    assert stops[0].places[0].region == "CA-MB"


def test_where_the_flight_was_turned_away_is_not_a_stop() -> None:
    reading = explain_report(
        "The hijacked 747 left Mashhad on April 8. The jet was turned away from Beirut and"
        " from Damascus, and it came down at Larnaca after midnight."
    )
    assert [s.text for s in reading.stops] == ["Mashhad", "Larnaca"]
    assert {a.text for a in reading.set_aside if "turned away" in a.reason} == {
        "Beirut",
        "Damascus",
    }


def test_what_a_page_tells_in_other_news_is_another_flight() -> None:
    reading = explain_report(
        "The charter with 294 Americans touched down at Karachi first and then went on to"
        " Lahore, where it took off for Doha. In other news, a PIA flight landed at Islamabad"
        " with 195 Pakistanis who had been stuck in Istanbul."
    )
    assert [s.text for s in reading.stops] == ["Karachi", "Lahore", "Doha"]


def test_a_planned_fuel_stop_told_as_made_is_a_stop() -> None:
    reading = explain_report(
        "We lifted off from Frederick at nine. After the river we headed for our first"
        " planned fuel stop, Lancaster. Starting up again after fueling, we went on to"
        " Richmond."
    )
    stops = reading.stops
    assert [s.text for s in stops] == ["Frederick", "Lancaster", "Richmond"]
    assert not stops[1].planned


def test_an_airports_generic_words_belong_to_the_name_before_them() -> None:
    reading = explain_report(
        "The charter left El Paso at noon. It was flying as Flight 48, and its destination was"
        " La Aurora International Airport in Guatemala City, Guatemala."
    )
    # the city is not an airport called "International Airport"
    named = [a.text for a in reading.set_aside] + [s.text for s in reading.stops]
    assert "International Airport" not in named
    assert "Guatemala City" in named


def test_a_logs_dated_leg_lines_name_the_route_between_its_table_figures() -> None:
    # a delivery log pasted from a table: one leg a line, its date first, figures between
    reading = explain_report(
        "Delivery schedule, all times local\n\n"
        "2019-04-02 Wichita - Goose Bay\n4.1\n"
        "03APR19 Goose Bay - Reykjavik\n3.6\n"
        "04/04 Reykjavik - Prestwick\n2.9\n\n"
        "Note: the Reykjavik figure was corrected after the flight.\n"
    )
    assert [s.text for s in reading.stops] == ["Wichita", "Goose Bay", "Reykjavik", "Prestwick"]
    # a date and two names in a sentence of prose are no leg line
    prose = explain_report("On 04/04 Reykjavik - a town of cafés - was quiet. We flew to Derby.")
    assert [s.text for s in prose.stops] == ["Derby"]


def test_collecting_people_or_cargo_at_a_place_is_a_stop() -> None:
    reading = explain_report(
        "The chartered jet left Paris and collected 20 more deportees at Madrid,"
        " then flew to Lagos."
    )
    assert [s.text for s in reading.stops] == ["Paris", "Madrid", "Lagos"]
    # people who "had been collected" from detention came by road, not by this flight
    held = explain_report(
        "The Airbus took off from Leipzig with 84 people who had been collected from detention"
        " in Thuringia and Bavaria. It landed in Hanoi."
    )
    assert [s.text for s in held.stops] == ["Leipzig", "Hanoi"]


def test_a_long_sentence_of_place_names_is_prose_not_a_headline() -> None:
    # most of its long words are names, as in a title-case headline; but it is a sentence
    text = (
        "NEW TURBOPROP REACHES HOME\n\n"
        "The delivery crew said it was a long way round.\n\n"
        "From Montreal the crew flew to Winnipeg, then on to Anchorage and Nome in Alaska, "
        "Magadan in Russia, Sapporo and Tokyo in Japan, then Guam, Port Moresby in Papua New "
        "Guinea, Cairns and finally Brisbane.\n"
    )
    found = [m.text for m in explain_report(text).stops]
    assert found[:3] == ["Montreal", "Winnipeg", "Anchorage"]
    assert found[-1] == "Brisbane"


def test_places_outside_the_story_are_listed_as_not_read() -> None:
    text = (
        "Jet lands in Manila\n\n"
        "The jet left Guam on Monday and landed in Manila.\n\n"
        "Photo: the jet at Tokyo Haneda last year\n\n"
        "Read more\nFlights from Bangkok resume\n"
    )
    reading = explain_report(text)
    assert [m.text for m in reading.stops] == ["Guam", "Manila"]
    unread = [s.text for s in reading.set_aside if s.reason.startswith("in a line not read")]
    assert unread == ["Manila", "Tokyo Haneda", "Bangkok"]


def test_a_paragraph_after_a_picture_placeholder_is_read() -> None:
    text = (
        "The Long Way South\n\n"
        "[map: route-small] On 2 March the expedition's aircraft left Stavanger for Reykjavik, "
        "where it waited two days for the weather.\n\n"
        "[Photo: the aircraft at Tromso in 1978]\n"
    )
    reading = explain_report(text)
    assert [m.text for m in reading.stops] == ["Stavanger", "Reykjavik"]
    # the caption alone is still not read
    assert any(
        s.text == "Tromso" and s.reason.startswith("in a line not read") for s in reading.set_aside
    )


def test_a_family_named_before_its_type_is_the_same_aircraft() -> None:
    # the headline names the family, the story the type: one aircraft, not another's trip
    text = (
        "RAF C-130 Hercules heads south\n\n"
        "A C-130J took off from RAF Brize Norton on its way to Mount Pleasant Airfield.\n"
    )
    assert [m.text for m in explain_report(text).stops] == ["RAF Brize Norton", "Mount Pleasant"]


def test_a_planned_route_that_includes_its_stops_is_the_route_of_the_flight_under_way() -> None:
    text = (
        "A C-130J took off from RAF Brize Norton on its way to Mount Pleasant. The planned"
        " route, which also takes in other tasks, includes Gibraltar, Senegal, the Ascension"
        " Islands, Rio de Janeiro and finally Mount Pleasant.\n"
    )
    reading = explain_report(text)
    assert [s.name for s in parse_report(text).stops] == [
        "RAF Brize Norton", "Gibraltar", "Senegal", "Rio de Janeiro", "Mount Pleasant",
    ]  # fmt: skip
    # the list goes on past a name the gazetteer does not hold, and is marked planned
    assert [m.planned for m in reading.stops if m.text == "Rio de Janeiro"] == [True]
    # a plan that ends elsewhere than where the flight is bound stays set aside
    other = explain_report(
        "A C-130J took off from RAF Brize Norton on its way to Mount Pleasant. The planned"
        " route includes Gibraltar, Senegal and Dakar.\n"
    )
    assert [m.text for m in other.stops] == ["RAF Brize Norton", "Mount Pleasant"]


def test_a_route_line_after_route_colon_names_the_stops() -> None:
    text = (
        "Gulfstream III, operated by a charter firm\n\n"
        "Route: Washington DC – Luton – Larnaca – Kabul – Palma de Mallorca – Gander\n\n"
        "The jet was hired to go back to Kabul.\n"
    )
    names = [s.name for s in parse_report(text).stops]
    assert names[:6] == [
        "Washington DC", "Luton", "Larnaca", "Kabul", "Palma de Mallorca", "Gander",
    ]  # fmt: skip


def test_the_flight_told_in_more_stops_is_the_reports_when_it_tells_two() -> None:
    text = (
        "In June the agency had flown him from Kabul to Tunis and back. The second circuit was"
        " flown by a different jet. It left Prague for Constanta, went on to Rabat, then flew to"
        " Dubai and on to Kabul.\n"
    )
    assert [s.name for s in parse_report(text).stops] == [
        "Prague", "Constanta", "Rabat", "Dubai", "Kabul",
    ]  # fmt: skip


def test_a_stop_takes_the_date_of_its_own_sentence_when_it_gives_one() -> None:
    # the summary's later date does not make the departure the newest section of a log
    text = (
        "On 26 August 2004 he was flown out of Kabul.\n\n"
        "The jet departed Dulles Airport on 23 August 2004 and flew to Prague. On 24 August it"
        " left for Constanta.\n"
    )
    assert [s.name for s in parse_report(text).stops][:3] == ["Dulles", "Prague", "Constanta"]


def test_a_list_of_stops_a_line_each_after_an_announcing_colon() -> None:
    text = (
        "Alaska '03\n\n"
        "We made the trip from Houston up to Anchorage, and I kept more or less to the route"
        " of the highway. These were my legs (some 2,900 nautical miles each way):\n"
        "AMA - Amarillo\n"
        "CYQL - Lethbridge (landed to clear customs, which meant sitting on the ground for ten"
        " minutes and then leaving again)\n"
        "CYXJ - Fort St John (fuel stop)\n"
        "ANC - Anchorage\n\n"
        "The weather held most of the way, and the customs officers were courteous on both"
        " sides of the border, though the paperwork took longer than the flying some days.\n"
    )
    names = [s.name for s in parse_report(text).stops]
    assert names == ["Houston", "Amarillo", "Lethbridge", "Fort St John", "Anchorage"]
    # lines under a heading that announces no stops are no list of them
    plain = explain_report(
        "Alaska '03\n\nWe flew to Denver. The towns I liked best of all the trip:\n"
        "AMA - Amarillo, for its steaks\nYQL - Lethbridge, for its bridge\n"
    )
    assert [m.text for m in plain.stops] == ["Denver"]


def test_a_list_announced_as_the_way_out_may_follow_a_blank_line() -> None:
    # a blog's list under "The way out went like this:", a blank line between them
    text = (
        "Last Friday we set off for a conference in Logan, Utah. The way out went like this:\n"
        "\n"
        "- Toronto City, ON (start)\n"
        "- Port Huron, MI (clear customs)\n"
        "- Fort Dodge, IA (fuel stop)\n"
        "- Casper, WY (overnight stop)\n"
        "- Logan, UT (final destination)\n"
        "\n"
        "We came back a week later, tired and happy.\n"
    )
    names = [s.name for s in parse_report(text).stops]
    assert names == ["Toronto City", "Port Huron", "Fort Dodge", "Casper", "Logan"]


def test_a_code_that_opens_a_list_line_is_the_named_stops_airport() -> None:
    # "Perth Airport" alone reads as Western Australia's; EGPT is Perth/Scone, in Scotland
    text = (
        "We flew these legs:\n\n- EHLE - Lelystad Airport\n- EGMD - Lydd Airport\n"
        "- EGPT - Perth Airport\n"
    )
    codes = [s.airport.icao for s in parse_report(text).stops if s.airport is not None]
    assert codes == ["EHLE", "EGMD", "EGPT"]
    # a code whose airport lies far from every reading of the name says nothing of it
    far = parse_report("We flew these legs:\n\n- EHLE - Lelystad Airport\n- KDXR - Lydd\n")
    assert [s.airport.icao for s in far.stops if s.airport is not None] == ["EHLE", "EGMD"]


def test_a_diversion_told_first_goes_before_the_end_of_the_leg_it_cut_short() -> None:
    text = (
        "An airliner bound for Toronto diverted to Gander on Tuesday after a passenger fell"
        " ill.\n\nThe Airbus A330 was flying from Lisbon to Toronto when the crew asked for"
        " help. It left Gander again two hours later.\n"
    )
    assert [s.name for s in parse_report(text).stops] == ["Lisbon", "Gander", "Toronto"]


def test_a_jet_belonging_to_someone_is_not_flown_to_them() -> None:
    reading = explain_report(
        "They had flown on a private jet belonging to Florida real estate magnate Gil Dezer."
        " The jet flew from Arizona to Tel Aviv.\n"
    )
    assert [m.text for m in reading.stops] == ["Arizona", "Tel Aviv"]


def test_refuelling_stops_listed_after_a_colon_go_between_the_ends_told() -> None:
    text = (
        "ICE deported the men from the United States, flying them from Arizona to Tel Aviv."
        " The Gulfstream put down three times on the way to refuel: in New Jersey, in Ireland"
        " and in Bulgaria.\n"
    )
    names = [s.name for s in parse_report(text).stops]
    assert names == ["Arizona", "New Jersey", "Ireland", "Bulgaria", "Tel Aviv"]


def test_a_leaders_planned_legs_and_the_schedule_after_them() -> None:
    text = (
        "The prime minister leaves on Friday on a six-day visit to three countries, the"
        " ministry said on Tuesday, and will attend two summits on the way.\n\n"
        "On the first leg of the trip he will be in the Japanese city of Hiroshima from May 19"
        " to 21 for the summit of the G7 economies.\n\n"
        "From Japan, he will go on to Port Moresby, where on May 22 he will co-host a forum.\n\n"
        "On the third and last leg of the trip, he will be in Sydney from May 22 to 24.\n\n"
        "This is the official schedule for the visits:\n\n"
        "May 19, Friday\n\n"
        "8pm - Arrives in Hiroshima\n\n"
        "9pm - Dinner with the delegation\n"
    )
    reading = explain_report(text)
    assert [m.text for m in reading.stops] == ["Hiroshima", "Port Moresby", "Sydney"]
    assert all(m.planned for m in reading.stops)


def test_passed_through_and_got_in_to_are_stops_and_an_earlier_message_no_other_flight() -> None:
    text = (
        "DELHI, Monday. Miss Johnson got in to Calcutta this evening. An earlier message said"
        " she had been held up at Allahabad. Miss Johnson set out from Croydon on May 5, and has"
        " passed through Vienna, Aleppo and Bushire.\n"
    )
    names = [m.text for m in explain_report(text).stops]
    assert {"Calcutta", "Croydon", "Vienna", "Aleppo", "Bushire"} <= set(names)
    # an earlier message is about the same flight, not another one
    aside = {s.text: s.reason for s in explain_report(text).set_aside}
    assert aside.get("Allahabad") != "about another flight in the same report"


def test_a_schedule_after_a_prose_lead_gives_the_order() -> None:
    text = (
        "On Wednesday the President sets off on a three-day tour, with stops in Iowa and"
        " Arizona on the first day.\n\n"
        "9:50AM THE PRESIDENT departs the White House en route Joint Base Andrews\n\n"
        "10:05AM THE PRESIDENT departs Joint Base Andrews en route Cedar Rapids, IA\n\n"
        "11:20AM THE PRESIDENT arrives Cedar Rapids, IA\n\n"
        "1:30PM THE PRESIDENT departs Cedar Rapids, IA en route Phoenix, AZ\n\n"
        "3:35PM THE PRESIDENT arrives Phoenix, AZ\n"
    )
    assert [s.name for s in parse_report(text).stops] == [
        "Joint Base Andrews", "Cedar Rapids", "Phoenix",
    ]  # fmt: skip


def test_a_dated_log_after_the_news_gives_the_order() -> None:
    # a newspaper's latest news first (Karachi, Basra, Baghdad and a plan for Athens), then
    # the stages so far, each line opening with its date: the log is the route, the news
    # merges into it, and a log's line may begin with its verb ("Reached Rangoon")
    text = (
        "BASRA, Sunday. The monoplane took off from Karachi at dawn today and reached Basra at"
        " noon, leaving again for Baghdad almost at once. It will leave Baghdad for Athens"
        " tomorrow.\n\n"
        "The flight so far, stage by stage:\n"
        "June 25.\u2014Left Darwin for Singapore.\n"
        "June 27.\u2014Reached Rangoon from Singapore.\n"
        "June 29: Flew from Rangoon to Calcutta.\n"
        "July 2 - Flew from Calcutta to Karachi.\n"
    )
    assert [s.name for s in parse_report(text).stops] == [
        "Darwin", "Singapore", "Rangoon", "Calcutta", "Karachi", "Basra", "Baghdad",
    ]  # fmt: skip


def test_a_town_read_as_the_airport_told_next_to_it_is_one_stop() -> None:
    # Santa Monica's best airport is LAX: "leaves Santa Monica ... arrives at LAX" is no leg
    text = (
        "The President leaves Santa Monica by helicopter and arrives at Los Angeles"
        " International Airport at noon. He then flies to Palm Springs, and later returns to"
        " Los Angeles International Airport.\n"
    )
    stops = parse_report(text).stops
    assert [s.airport.iata for s in stops if s.airport is not None] == ["LAX", "PSP", "LAX"]
    assert stops[-1].is_return


def test_a_joint_base_before_its_name_is_the_bases_kind() -> None:
    text = (
        "The C-5M left Travis Air Force Base and stopped at Joint Base Charleston, South"
        " Carolina, to load supplies, then flew on to Soto Cano Air Base in Honduras.\n"
    )
    codes = [s.airport.iata for s in parse_report(text).stops if s.airport is not None]
    assert codes == ["SUU", "CHS", "XPL"]


def test_a_first_stop_with_an_aside_and_an_organisation_that_names_no_town() -> None:
    reading = explain_report(
        "MR. RHODES: Our first stop, obviously, is Thailand. The Thais intercepted a shipment"
        " from North Korea that was headed for Hamas.\n"
    )
    assert [m.text for m in reading.stops] == ["Thailand"]
    # "Hamas" is an other name GeoNames gives Hamm, Germany: no place is read for it
    assert "Hamas" not in [s.text for s in reading.set_aside]


def test_where_people_work_is_no_stop_and_a_list_goes_on_past_a_town_a_base_is_near() -> None:
    text = (
        "Eric Daido is a state firefighter at Honolulu Airport. Since Monday the mission has"
        " taken the crew from Hickam to a snowy Elmendorf Air Force Base, where they loaded"
        " pallets. From there the C-17 went on to Yokota Air Base near Tokyo, and then to"
        " Utapao.\n"
    )
    names = [m.text for m in explain_report(text).stops]
    assert names == ["Hickam", "Elmendorf Air Force Base", "Yokota Air Base", "Utapao"]


def test_a_run_with_no_full_stop_is_cut_into_sentences_at_its_line_breaks() -> None:
    from flightlegs.read.report.layout import _MAX_SENTENCE_CHARS, _split_sentences

    text = "\n".join(f"AMA - Amarillo (fuel stop number {i})" for i in range(300))
    sentences = _split_sentences(text, 0, len(text), 0)
    assert len(sentences) > 1
    assert all(len(s.text) <= _MAX_SENTENCE_CHARS for s in sentences)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    # cut at line breaks: every piece starts a line, and together they hold the whole text
    assert all(s.start == 0 or text[s.start - 1] == "\n" for s in sentences)
    assert "".join(s.text + "\n" for s in sentences).rstrip("\n") == text
