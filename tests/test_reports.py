"""The report reader against the corpus in tests/reports, and phrase by phrase.

Each ``tests/reports/NN-slug.yaml`` holds the expected reading of ``NN-slug.txt``
(``00-seed.yaml`` is the expected reading of the seed report, read from the
shared folder beside the repository). Every aspect (stops, aircraft, people,
seats, date, places that are not stops) is its own test, so a failure names
what went wrong. Cases beyond the reader or its data are marked
``xfail(strict=True)`` with the reason below, so fixing them is noticed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
import types
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flightlegs.core.route import Route, StopKind
from flightlegs.errors import FlightlegsError, InputError, UnknownPlaceError
from flightlegs.read.report.model import MAX_REPORT_CHARS, Role
from flightlegs.read.report.reader import explain_report, parse_report
from flightlegs.reference.gazetteer.index import gazetteer

HERE = Path(__file__).parent
CORPUS = HERE / "reports"
SEED = HERE.parent.parent / "shared" / "seed" / "000_d51b1f53c5358254.txt"

#: (case prefix, aspect) -> why it fails. Each is checked to still fail (strict xfail).
KNOWN: dict[tuple[str, str], str] = {
    ("48", "stops"): "gazetteer: a place that ends a longer proper name ('University Hospital "
    "Galway') is not found, so the hospital helipad stop is missed",
    # The scorer learns from the words around every stop of the real reports, not from the
    # rules' verdicts; that found 5 more of the 92 held-out stops, and reads an airport after
    # "at" as a stop even where the clause is about something else. (Case 39's 'Plane
    # spotters at Keflavik' scores close to the threshold: refits of the weights have read it
    # as a stop and not; the weights learned from 270 fresh reports do not, so it passes.)
    ("49", "stops"): "scoring: 'the airport at Luganville suffered minor damage' reads as a stop",
    ("49", "not_stops"): "scoring: 'the airport at Luganville suffered minor damage' reads as "
    "a stop",
}

ASPECTS = ("stops", "aircraft", "people", "seats", "date", "not_stops")


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    text = text.replace("-", " ").replace("–", " ")
    return " ".join(w for w in text.split() if w not in {"the", "airport"})


def _same_name(got: str, want: str) -> bool:
    """Names match when they fold alike or name the same place ("US", "United States")."""
    a, b = _fold(got), _fold(want)
    if a == b or a in b or b in a:
        return True
    g = gazetteer()
    return bool({p.name for p in g.lookup(got)} & {p.name for p in g.lookup(want)})


def _cases() -> list[Any]:
    params = []
    for expected in sorted(CORPUS.glob("*.yaml")):
        prefix = expected.name[:2]
        for aspect in ASPECTS:
            marks = []
            if (prefix, aspect) in KNOWN:
                marks.append(pytest.mark.xfail(reason=KNOWN[prefix, aspect], strict=True))
            params.append(
                pytest.param(expected, aspect, id=f"{expected.stem}-{aspect}", marks=marks)
            )
    return params


_ROUTES: dict[Path, tuple[Route, dict[str, Any]]] = {}


def _route(expected: Path) -> tuple[Route, dict[str, Any]]:
    if expected not in _ROUTES:
        spec = yaml.safe_load(expected.read_text(encoding="utf-8"))
        if expected.name.startswith("00-"):
            if not SEED.exists():
                pytest.skip(
                    f"the seed report is not at {SEED}: the shared folder does not sit beside "
                    "this checkout"
                )
            text = SEED.read_text(encoding="utf-8")
        else:
            text = expected.with_suffix(".txt").read_text(encoding="utf-8")
        source = expected.with_suffix(".txt").name
        try:
            route: Any = parse_report(text, source=source)
        except InputError as err:  # a report without a route: its facts are still read
            if spec["stops"] or "no route found" not in str(err):
                raise
            reading = explain_report(text)
            route = types.SimpleNamespace(
                stops=(), aircraft=reading.aircraft, people=reading.people,
                seats=reading.seats, date=reading.date,
            )  # fmt: skip
        _ROUTES[expected] = (route, spec)
    return _ROUTES[expected]


def _stop_key(stop: Any) -> tuple[Any, ...]:
    return (
        str(stop.kind),
        stop.country,
        stop.region,
        stop.code if stop.kind is StopKind.AIRPORT else None,
        stop.is_return,
    )


def _expected_key(item: dict[str, Any]) -> tuple[Any, ...]:
    return (
        item["kind"],
        item.get("country"),
        item.get("region"),
        item.get("airport"),
        bool(item.get("return", False)),
    )


@pytest.mark.parametrize(("expected", "aspect"), _cases())
def test_corpus(expected: Path, aspect: str) -> None:
    route, spec = _route(expected)
    if aspect == "stops":
        assert [_stop_key(s) for s in route.stops] == [_expected_key(i) for i in spec["stops"]]
        for stop, item in zip(route.stops, spec["stops"], strict=True):
            if item.get("airport"):
                continue  # a pinned airport is identified by its code; its name may be a code
            assert _same_name(stop.name, item["place"]), (stop.name, item["place"])
    elif aspect == "aircraft":
        assert route.aircraft == spec["aircraft"]
    elif aspect in ("people", "seats"):
        assert getattr(route, aspect) == spec[aspect]
    elif aspect == "date":
        want = spec["date"]
        assert route.date == (
            want if isinstance(want, dt.date) or want is None else dt.date.fromisoformat(want)
        )
    else:
        names = {_fold(s.name) for s in route.stops}
        wrong = [n for n in spec.get("not_stops", []) if _fold(n) in names]
        assert not wrong, f"{wrong} read as stops"


# --------------------------------------------------------------------------- the seed


def test_seed_paraphrase_gives_the_seed_route() -> None:
    """Our own short retelling of the seed report reads to the seed's route."""
    text = (CORPUS.parent / "data" / "seed_paraphrase.txt").read_text(encoding="utf-8")
    route = parse_report(text)
    assert [(s.name, s.kind.value, s.is_return) for s in route.stops] == [
        ("Arizona", "region", False),
        ("Texas", "region", False),
        ("Alaska", "region", False),
        ("Shenyang", "city", False),
        ("South Korea", "country", False),
        ("US", "country", True),
    ]
    assert (route.aircraft, route.seats, route.people) == ("GLF5", 14, None)
    assert route.date == dt.date(2024, 3, 30)
    assert route.stops[-1].code == route.stops[0].code  # the return goes home first


# --------------------------------------------------------------------------- phrasings


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.role.value) for m in explain_report(text).stops]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The jet took off from Boise and stopped in Reno and Fresno before reaching Anchorage.",
            [("Boise", "departure"), ("Reno", "stop"), ("Fresno", "stop"), ("Anchorage", "stop")],
        ),
        (
            "The plane flew from Denver to Anchorage via Seattle.",
            [("Denver", "departure"), ("Seattle", "stop"), ("Anchorage", "stop")],
        ),
        (
            "The jet left Tucson, made a refuelling stop in Gander and continued on to Dublin.",
            [("Tucson", "departure"), ("Gander", "stop"), ("Dublin", "stop")],
        ),
        (
            "The charter left Omaha, made a refueling stop in Bangor before heading back to Omaha.",
            [("Omaha", "departure"), ("Bangor", "stop"), ("Omaha", "return")],
        ),
        (
            "The aircraft departed Houston and landed in Merida, Mexico.",
            [("Houston", "departure"), ("Merida", "stop")],
        ),
    ],
)
def test_phrasing(text: str, expected: list[tuple[str, str]]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # travel words by family, each worded as real reports word them
        ("The flying boat is to reach Horta tomorrow.", [("Horta", "stop")]),
        ("Mike and I made Louth by dusk.", [("Louth", "stop")]),
        ("The aircraft paused at Gander for fuel.", [("Gander", "stop")]),
        ("It was held up by customs in Key West.", [("Key West", "stop")]),
        ("The passengers connected through Gander.", [("Gander", "stop")]),
        ("The jet transited Gander.", [("Gander", "stop")]),
        ("The jet sat on the tarmac in Gander for hours.", [("Gander", "stop")]),
        ("The jet was spotted at Gander airport on Monday.", [("Gander", "stop")]),
        ("Flight-tracking data showed the plane in Gander.", [("Gander", "stop")]),
        ("The Manila-bound jet was delayed.", [("Manila", "stop")]),
        ("It ended its journey at Gander.", [("Gander", "stop")]),
        ("Passengers boarded in Gander.", [("Gander", "departure")]),
        ("It was a Gander-to-Shannon flight.", [("Gander", "departure"), ("Shannon", "stop")]),
        (
            "The men were flown from Banjul to Kabul, via Cairo.",
            [("Banjul", "departure"), ("Cairo", "stop"), ("Kabul", "stop")],
        ),
        (
            "The two men were rendered from Banjul to Kabul. Others were deported from Peru.",
            [("Banjul", "departure"), ("Kabul", "stop")],
        ),
        (
            "The jet flew from Niagara Falls to Liberia, then Ghana, and on to Nigeria.",
            [
                ("Niagara Falls", "departure"),
                ("Liberia", "stop"),
                ("Ghana", "stop"),
                ("Nigeria", "stop"),
            ],
        ),
        (
            "We ferried the jet from Amsterdam via Sondrestrom Greenland (now Kangerlussuaq);"
            " Goose Bay, Canada; and at last Greensboro, North Carolina.",
            [
                ("Amsterdam", "departure"),
                ("Sondrestrom", "stop"),
                ("Goose Bay", "stop"),
                ("Greensboro", "stop"),
            ],
        ),
        (
            "She flew from Calcutta to Insein, Rangoon.",
            [("Calcutta", "departure"), ("Insein", "stop")],
        ),
        (
            "The aircraft flew on from Nadi to Majuro (MAJ) and Tarawa (TRW).",
            [("Nadi", "departure"), ("Majuro", "stop"), ("Tarawa", "stop")],
        ),
        (
            "According to tracking data, the Gulfstream was in Malta on Monday and in Tripoli"
            " the following day.",
            [("Malta", "stop"), ("Tripoli", "stop")],
        ),
        (
            "On 4 June the Dakota lifted off from Paris; the next morning it was at Lyon,"
            " and by nightfall at Marseille.",
            [("Paris", "departure"), ("Lyon", "stop"), ("Marseille", "stop")],
        ),
        (
            "The plane's itinerary included Dakar, Accra and Lagos.",
            [("Dakar", "stop"), ("Accra", "stop"), ("Lagos", "stop")],
        ),
        (
            "The charter, which had come from Miami, refuelled in Panama City before"
            " continuing on to Lima.",
            [("Miami", "departure"), ("Panama City", "stop"), ("Lima", "stop")],
        ),
        (
            "Its first port of call was Reykjavik; from there it crossed to Goose Bay.",
            [("Reykjavik", "stop"), ("Goose Bay", "stop")],
        ),
        (
            "The deportees were put aboard an ICE Air flight in Alexandria, Louisiana,"
            " which landed in San Pedro Sula four hours later.",
            [("Alexandria", "departure"), ("San Pedro Sula", "stop")],
        ),
        (
            # it came back to Luton, so it had left from there
            "The aircraft returned to Luton after a night in Nice.",
            [("Luton", "departure"), ("Nice", "stop"), ("Luton", "return")],
        ),
        (
            "Air Force One wheels down at Joint Base Andrews after the flight from Ramstein.",
            [("Ramstein", "departure"), ("Joint Base Andrews", "stop")],
        ),
        (
            "Sightings: 12 March, Shannon (SNN), 0614Z arr from Bangor; 0820Z dep for Kuwait.",
            [("Bangor", "departure"), ("Shannon", "stop"), ("Kuwait", "stop")],
        ),
        (
            "The jet landed at Mobile, then flew via Split to Nice.",
            [("Mobile", "stop"), ("Split", "stop"), ("Nice", "stop")],
        ),
        ("After three days of fog we flew on to Wick.", [("Wick", "stop")]),
        (
            "Air Force One was wheels up at 8:31 for Louisville.",
            [("Louisville", "stop")],
        ),
        (
            "The jet flew from Dakar to Nouakchott. It returned to San Antonio via Dakar.",
            [
                ("Dakar", "departure"),
                ("Nouakchott", "stop"),
                ("Dakar", "stop"),
                ("San Antonio", "return"),
            ],
        ),
        (
            "The Gulfstream landed at Bromma. It had come from Washington, and after Cairo"
            " it flew to Prestwick.",
            [
                ("Washington", "departure"),
                ("Bromma", "stop"),
                ("Cairo", "stop"),
                ("Prestwick", "stop"),
            ],
        ),
        (
            "The 767 landed at Shannon at 07:40. It had departed Fort Bliss late last night,"
            " and after refuelling it continued on to Kuwait City.",
            [("Fort Bliss", "departure"), ("Shannon", "stop"), ("Kuwait City", "stop")],
        ),
        ("The jet left Dallas for Havana.", [("Dallas", "departure"), ("Havana", "stop")]),
        ("The plane flew over the Gulf of Mexico to Havana.", [("Havana", "stop")]),
        (
            "Passengers were bused from Tijuana to San Diego, where they boarded a flight"
            " to Seattle.",
            [("San Diego", "departure"), ("Seattle", "stop")],
        ),
        (
            "Cleared for take-off, the airliner raced along the runway at Gander and climbed"
            " away to the east.",
            [("Gander", "departure")],
        ),
        (
            "Hours later crowds at Entebbe watched the silver jet sweep in.",
            [("Entebbe", "stop")],
        ),
        (
            "The Comet left London and reached Johannesburg the next day. It took on fuel at"
            " Beirut. It came down five times on the way: Rome, Beirut, Khartoum, Entebbe and"
            " Livingstone.",
            [
                ("London", "departure"),
                ("Rome", "stop"),
                ("Beirut", "stop"),
                ("Khartoum", "stop"),
                ("Entebbe", "stop"),
                ("Livingstone", "stop"),
                ("Johannesburg", "stop"),
            ],
        ),
        (
            "She flew from Karachi to Jhansi. I still believe I can set a record for this flight"
            " to Australia.",
            [("Karachi", "departure"), ("Jhansi", "stop")],  # the goal of the journey, not reached
        ),
        (
            "The aircraft flew 130 people from San Antonio to Port-au-Prince on Thursday.",
            [("San Antonio", "departure"), ("Port-au-Prince", "stop")],
        ),
        (
            "The flight originated at Harlingen and terminated in Tegucigalpa after a stop in"
            " San Pedro Sula.",
            [("Harlingen", "departure"), ("San Pedro Sula", "stop"), ("Tegucigalpa", "stop")],
        ),
        (
            "On 5 May the jet landed in Lagos. On 3 May it had left Lisbon, and on 4 May it"
            " stopped in Dakar.",  # the month May is no "may" of a plan
            [("Lisbon", "departure"), ("Dakar", "stop"), ("Lagos", "stop")],
        ),
        (
            "The jet reached Guam at 2 p.m. It had left Honolulu at 6 a.m. and stopped at Wake.",
            [("Honolulu", "departure"), ("Wake", "stop"), ("Guam", "stop")],
        ),
        (
            "Before landing in Tokyo, the plane refuelled in Anchorage.",
            [("Anchorage", "stop"), ("Tokyo", "stop")],
        ),
        (
            "The flight took off from Boston with no delay and landed at Shannon.",
            [("Boston", "departure"), ("Shannon", "stop")],  # "no delay" negates no landing
        ),
        ("Not long after, the jet landed in Gander.", [("Gander", "stop")]),
        ("It flew without stopping in Gander to Shannon.", [("Shannon", "stop")]),
        (
            "Last week the jet flew from Mesa to Guatemala City.",  # the week the report tells
            [("Mesa", "departure"), ("Guatemala City", "stop")],
        ),
        (
            "The jet, which usually flies for a Miami charter firm, landed in Havana.",
            [("Havana", "stop")],  # the habit is the relative clause's
        ),
        (
            "The C-17 dropped supplies at Kandahar and flew on to Bagram.",
            [("Kandahar", "stop"), ("Bagram", "stop")],
        ),
        (
            "The aircraft flew from Denver to Boise, where officials refused to comment.",
            [("Denver", "departure"), ("Boise", "stop")],
        ),
        ("The crew drove to the airport in Gander and flew to Shannon.", [("Shannon", "stop")]),
        (
            "After a bus ride, the deportees boarded the plane in Mesa, which flew to"
            " Guatemala City.",
            [("Mesa", "departure"), ("Guatemala City", "stop")],
        ),
        (
            "It went Anchorage → Seoul → Shenyang.",  # a chain: its first name is where it left
            [("Anchorage", "departure"), ("Seoul", "stop"), ("Shenyang", "stop")],
        ),
        (
            "Passengers disembarked at Ponta Delgada in the Azores.",
            [("Ponta Delgada", "stop")],
        ),
        (
            "The jet was diverted to Goose Bay, Labrador, after a medical emergency.",
            [("Goose Bay", "stop")],  # Labrador locates it: no town in Queensland
        ),
        (
            "Mr Biden flew to Rzeszow aboard a C-32, then took a train to Kyiv.",
            [("Rzeszow", "stop")],
        ),
        (
            # the kind of base before its name, a people's word before that
            "The president's jet took off from Canadian AFB Bagotville for Singapore.",
            [("Bagotville", "departure"), ("Singapore", "stop")],
        ),
        (
            # Quebec is first the city; after a place in the province, the province
            "The jet took off from Bagotville in Quebec and landed in Gander.",
            [("Bagotville", "departure"), ("Gander", "stop")],
        ),
        (
            # a list announced by its stages, after a name the gazetteer does not know
            "Fowler left Biloxi and flew the rest in three stages, as follows: Evergreen, "
            "Andalusia, Thomasville and Jacksonville.",
            [
                ("Biloxi", "departure"),
                ("Andalusia", "stop"),
                ("Thomasville", "stop"),
                ("Jacksonville", "stop"),
            ],
        ),
        (
            # a time after each place of a list: "Christchurch at 8.10, Blenheim at 10.45"
            "McGregor reached Dunedin at 5.10 a.m., Christchurch at 8.10, Blenheim at 10.45 "
            "and got to Wellington at 11.45.",
            [
                ("Dunedin", "stop"),
                ("Christchurch", "stop"),
                ("Blenheim", "stop"),
                ("Wellington", "stop"),
            ],
        ),
        (
            "We left Wichita on Monday; the route would take us through Cincinnati and Bangor.",
            [("Wichita", "departure"), ("Cincinnati", "stop"), ("Bangor", "stop")],
        ),
        (
            # the way between told as a river or a shore: "down the Tigris to Basra"
            "He flew first to Damascus, then down the Euphrates to Baghdad and down the Tigris "
            "to Basra, next along the shore of the Gulf to Bushire.",
            [("Damascus", "stop"), ("Baghdad", "stop"), ("Basra", "stop"), ("Bushire", "stop")],
        ),
        (
            "She landed at Lympne. The next day an aerial escort accompanied her to Croydon "
            "Airport.",
            [("Lympne", "stop"), ("Croydon Airport", "stop")],
        ),
        (
            "The president will then leave Rome for L'Aquila, Italy, for the summit.",
            [("Rome", "departure"), ("L'Aquila", "stop")],
        ),
        (
            "It had ferried south from Mareeba, where it had arrived the day before from Horn "
            "Island.",
            [("Horn Island", "departure")],
        ),
        (
            # every form of the verb: "will leave for", "sets off for", "is taking off for"
            "The prime minister will leave for Dodoma on Saturday and sets off for Nairobi "
            "on Sunday.",
            [("Dodoma", "stop"), ("Nairobi", "stop")],
        ),
        (
            # a long name shortened: alone, Petropavlovsk is Petropavl, in Kazakhstan
            "The Q400 flew from Nome to Petropavlovsk in Russia, followed by Sapporo.",
            [("Nome", "departure"), ("Petropavlovsk", "stop"), ("Sapporo", "stop")],
        ),
        (
            # a territory's country in brackets locates it, and the list goes on past it
            "The crew flew to Tokyo, then to Guam (US), Port Moresby and Cairns.",
            [("Tokyo", "stop"), ("Guam", "stop"), ("Port Moresby", "stop"), ("Cairns", "stop")],
        ),
        (
            # one descriptor after another, a demonym between
            "The jet left Vienna and landed at the airport of the Brazilian city of Fortaleza.",
            [("Vienna", "departure"), ("Fortaleza", "stop")],
        ),
        (
            "After spending some 18 hours at Vienna, the jet took off for Lisbon.",
            [("Vienna", "stop"), ("Lisbon", "stop")],
        ),
        (
            "The charter left Houston and made stops at airports in the Czech Republic and "
            "Bulgaria before it reached Islamabad.",
            [
                ("Houston", "departure"),
                ("Czech Republic", "stop"),
                ("Bulgaria", "stop"),
                ("Islamabad", "stop"),
            ],
        ),
        (
            "The crew flew to Calgary, then on to Anchorage, followed by Sapporo and Tokyo.",
            [("Calgary", "stop"), ("Anchorage", "stop"), ("Sapporo", "stop"), ("Tokyo", "stop")],
        ),
        (
            "We left Carlisle and crossed the moors on our way to Inverness.",
            [("Carlisle", "departure"), ("Inverness", "stop")],
        ),
        (
            # the words after the place that locates a stop govern the next one
            "The jet flew on its way from Kuwait via Sofia in Bulgaria to the USA.",
            [("Kuwait", "departure"), ("Sofia", "stop"), ("USA", "stop")],
        ),
        (
            "A flight carrying 135 migrants from Texas arrived in Bogota on Sunday.",
            [("Texas", "departure"), ("Bogota", "stop")],
        ),
        (
            "After leaving Guantanamo, the plane touched down at Naval Air Station Sigonella.",
            [("Guantanamo", "departure"), ("Sigonella", "stop")],
        ),
        (
            # a schedule's present tense
            "The president departs Cincinnati for Joint Base Andrews at 6 p.m.",
            [("Cincinnati", "departure"), ("Joint Base Andrews", "stop")],
        ),
        (
            "We routed Stornoway - Vagar - Reykjavik, all in one day.",
            [("Stornoway", "departure"), ("Vagar", "stop"), ("Reykjavik", "stop")],
        ),
        (
            "The charter left Stansted at 9pm and was due in Lagos at dawn.",
            [("Stansted", "departure"), ("Lagos", "stop")],
        ),
        (
            "The Clipper touched at Midway and Wake before reaching Manila.",
            [("Midway", "stop"), ("Wake", "stop"), ("Manila", "stop")],
        ),
        (
            "The patrol aircraft flew from NAS Sigonella to Souda Bay.",
            [("Sigonella", "departure"), ("Souda Bay", "stop")],
        ),
        (
            "The tanker left Mildenhall and put down for fuel at Lajes.",
            [("Mildenhall", "departure"), ("Lajes", "stop")],
        ),
        (
            "The transport left Bangor at dawn and headed towards Gander.",
            [("Bangor", "departure"), ("Gander", "stop")],
        ),
        (
            "After fuelling at Kano the crew set out toward Lagos.",
            [("Kano", "stop"), ("Lagos", "stop")],
        ),
        (
            "From Carlisle we made for Perth to refuel, then flew on to Kirkwall.",
            [("Carlisle", "departure"), ("Perth", "stop"), ("Kirkwall", "stop")],
        ),
        (
            "The crossing had been scheduled for Monday, but the crew were snowed in at Gander"
            " until Thursday, when they flew on to Shannon.",
            [("Gander", "stop"), ("Shannon", "stop")],
        ),
        (
            "The helicopter flew from the hospital in Galway to Shannon.",
            [("Galway", "departure"), ("Shannon", "stop")],
        ),
        (
            "Records show the jet made a round trip from Teterboro to Palm Beach.",
            [("Teterboro", "departure"), ("Palm Beach", "stop"), ("Teterboro", "return")],
        ),
        (
            "The jet flew from Lagos to Accra and back to Abuja.",
            [("Lagos", "departure"), ("Accra", "stop"), ("Abuja", "return")],
        ),
        (
            "It was outbound to Kuwait when it stopped in Shannon.",
            [("Shannon", "stop"), ("Kuwait", "stop")],
        ),
        (
            "It flew from Gary, Ind., to Port-au-Prince.",
            [("Gary", "departure"), ("Port-au-Prince", "stop")],
        ),
        (
            "Wheels up for Guam at 11:15. We are told the next stop after Guam is Manila.",
            [("Guam", "stop"), ("Manila", "stop")],
        ),
        (
            "They took off from Gander and crash-landed in a bog at Clifden, in County Galway.",
            # Clifden, a town of 1,500, is read where "landed ... at" governs it, its county
            # locating it
            [("Gander", "departure"), ("Clifden", "stop")],
        ),
        (
            "In 1919 they took off from Lester's Field near St. John's, Newfoundland, and"
            " landed in Ireland.",  # an owner's field, not Leicester: the town it is near
            [("St. John's", "departure"), ("Ireland", "stop")],
        ),
        ("The jet landed at Bagram near Kabul.", [("Bagram", "stop")]),
        (
            "N379P departed Dulles at 1530Z, arrived Larnaca 0240Z, departed 0345Z for Baghdad.",
            [("Dulles", "departure"), ("Larnaca", "stop"), ("Baghdad", "stop")],
        ),
        (
            "Records place the plane at Palma on 22 January and in Skopje the next day.",
            [("Palma", "stop"), ("Skopje", "stop")],
        ),
        (
            "Between Dakar and Nouakchott the jet climbed to 35,000 feet.",
            [("Dakar", "departure"), ("Nouakchott", "stop")],
        ),
        (
            "Relations between Senegal and Mauritania are tense; the jet flew to Nouakchott.",
            [("Nouakchott", "stop")],
        ),
        (
            "The C-17 brought the team to Ramstein.",
            [("Ramstein", "stop")],
        ),
        (
            "It was refuelled at Wichita before it lifted off from Wichita bound for Denver.",
            [("Wichita", "stop"), ("Denver", "stop")],
        ),
    ],
)
def test_travel_word_families(text: str, expected: list[tuple[str, str]]) -> None:
    assert _names(text) == expected


def test_the_flight_a_tally_reaches_is_not_the_subject() -> None:
    # "aid now reaches Ukraine": a present-tense habit of something else, not a stop
    text = "The jet landed at Rzeszow, through which most military aid now reaches Ukraine."
    assert [m.text for m in explain_report(text).stops] == ["Rzeszow"]


def test_a_town_named_after_a_comma_free_state_code() -> None:
    stops = explain_report("The flight went from Alexandria LA to San Pedro Sula.").stops
    assert [m.text for m in stops] == ["Alexandria", "San Pedro Sula"]
    assert stops[0].within is not None
    assert stops[0].within.region == "US-LA"


def test_a_base_named_before_its_region_is_that_regions_airport() -> None:
    route = parse_report(
        "The jet picked up troops at Robert Gray air base in Texas and at Pope air base"
        " in North Carolina, then flew to Shannon."
    )
    assert [s.code for s in route.stops] == ["GRK", "POB", "SNN"]


def test_a_flight_going_on_is_kept_as_planned() -> None:
    text = (
        "The jet had taken off from Auckland and landed in Townsville to refuel. The spokesman"
        " said meetings in Mumbai would be dropped, and that the delegation would instead fly"
        " straight to New Delhi on Tuesday."
    )
    stops = explain_report(text).stops
    assert [(m.text, m.planned) for m in stops] == [
        ("Auckland", False),
        ("Townsville", False),
        ("New Delhi", True),
    ]


def test_list_of_three_stops() -> None:
    text = "The ferry left Goose Bay and made fuel stops at Narsarsuaq, Reykjavik and Stornoway."
    assert [n for n, _ in _names(text)] == ["Goose Bay", "Narsarsuaq", "Reykjavik", "Stornoway"]


def test_code_chain_in_prose_is_the_route() -> None:
    r = explain_report("Trackers logged the jet as PHX-ELP-ANC on Monday.")
    assert [m.stop.code for m in r.stops if m.stop] == ["PHX", "ELP", "ANC"]


def test_icao_chain_in_prose() -> None:
    r = explain_report("The flight ran KIWA-PANC overnight.")
    assert [m.stop.code for m in r.stops if m.stop] == ["AZA", "ANC"]


def test_via_stops_keep_their_order() -> None:
    text = "The tanker left Boise and reached Anchorage via Spokane and Juneau."
    assert [m.text for m in explain_report(text).stops] == [
        "Boise",
        "Spokane",
        "Juneau",
        "Anchorage",
    ]


def test_the_legs_flown_so_far_take_their_place_in_a_plan_that_names_its_end_first() -> None:
    text = (
        "The fighter is due to reach Glasgow in three weeks. The plan takes it from Texas to "
        "Kentucky, on to Maine, then Newfoundland and Iceland, and on to Glasgow. On Monday it "
        "flew its first leg, from Eagle Pass to Paducah."
    )
    stops = [(m.text, m.planned) for m in explain_report(text).stops]
    # the flown places stand for the plan's Texas and Kentucky; the rest is still the plan
    assert stops == [
        ("Eagle Pass", False),
        ("Paducah", False),
        ("Maine", True),
        ("Newfoundland", True),
        ("Iceland", True),
        ("Glasgow", True),
    ]


def test_what_the_flight_had_no_fuel_to_do_is_not_a_stop() -> None:
    text = (
        "The pilots left Bagram for Dubai but told the controllers they lacked the fuel to get "
        "back to Bagram, so they landed at Bandar Abbas."
    )
    reading = explain_report(text)
    assert [m.text for m in reading.stops] == ["Bagram", "Dubai", "Bandar Abbas"]
    assert [s.reason for s in reading.set_aside if s.text == "Bagram"] == [
        "planned, expected or hypothetical, not flown"
    ]


def test_a_via_stop_goes_before_the_destination_told_before_the_departure() -> None:
    # "into X from Y, by way of Z": the departure goes first, the way before the destination
    text = "A chartered jet flew the men into Senegal from Madrid, by way of Casablanca."
    assert [m.text for m in explain_report(text).stops] == ["Madrid", "Casablanca", "Senegal"]


def test_legs_that_each_start_where_the_last_ended_are_one_route() -> None:
    text = (
        "The papers printed the pilot's times as she went: Rome to Tunis, 5 hours; Tunis to "
        "Benghazi, 9 1/2 hours; Benghazi to Cairo, 7 hours."
    )
    assert [m.text for m in explain_report(text).stops] == ["Rome", "Tunis", "Benghazi", "Cairo"]
    # two pairs that do not meet are no route
    unlinked = "The pilot said Rome to Tunis is short, and Madrid to Lisbon shorter."
    assert not any("chain" in m.why for m in explain_report(unlinked).stops)


def _stops(text: str) -> list[tuple[str, str, str | None, str]]:
    return [(s.name, s.kind.value, s.region or s.country, s.code) for s in parse_report(text).stops]


@pytest.mark.parametrize(
    ("text", "between"),
    [
        # Chicago Midway would make Honolulu-Guam twice as long; the atoll lies on the way
        ("The transport left Honolulu and reached Guam via Midway.", ("region", "UM-71")),
        ("The tanker left Hickam, stopped at Midway and flew on to Wake.", ("region", "UM-71")),
        # on the way from Denver to Boston, Midway is Chicago's airport
        ("The jet left Denver, stopped at Midway and flew on to Boston.", ("airport", "US-IL")),
        # a short hop: Portland, Maine adds 300 km, Portland, Oregon 8,000
        ("The jet left Boston, stopped in Portland and landed in New York.", ("city", "US-ME")),
        ("The jet left Seattle, stopped in Portland and landed in Reno.", ("city", "US-OR")),
    ],
)
def test_a_name_between_two_stops_is_the_place_on_the_way(
    text: str, between: tuple[str, str]
) -> None:
    assert _stops(text)[1][1:3] == between


@pytest.mark.parametrize(
    "text",
    [
        # a round trip has no "way": Paris stays Paris, France, not the nearest Paris
        "The jet left Anchorage, stopped in Paris and returned to Anchorage.",
        # an end stop is not judged by the way
        "The jet left Anchorage and landed in Paris.",
    ],
)
def test_round_trips_and_end_stops_keep_the_first_reading(text: str) -> None:
    assert ("Paris", "city", "FR-IDF", "CDG") in _stops(text)


def test_a_located_name_is_not_moved_by_the_route() -> None:
    text = "The jet left Honolulu, stopped in Midway, Illinois, and flew on to Guam."
    assert _stops(text)[1][2] == "US-IL"


def test_military_base_names_from_the_alias_table() -> None:
    text = (
        "The Hercules left Stratton Air National Guard Base in Scotia, New York, and flew "
        "to Goose Bay. A second one left Joint Base Pearl Harbor-Hickam for Guam."
    )
    assert _stops(text)[0] == ("Stratton Air National Guard Base", "airport", "US-NY", "SCH")
    reading = explain_report("The tanker took off from Joint Base Pearl Harbor–Hickam.")
    assert [m.places[0].airport.code for m in reading.stops if m.places[0].airport] == ["HIK"]


def test_an_accented_capital_is_a_stop() -> None:
    text = "The jet refuelled in Doha and continued on to Malé, in the Maldives."
    assert _stops(text)[-1] == ("Malé", "city", "MV-MLE", "MLE")


def test_a_capital_takes_the_region_named_after_it() -> None:
    # San Salvador's airport (SAL) lies in La Paz; the city lies in San Salvador department
    text = "The charter left Harlingen, Texas, and landed in San Salvador."
    assert _stops(text)[-1] == ("San Salvador", "city", "SV-SS", "SAL")


def test_city_refines_a_country_named_elsewhere() -> None:
    text = (
        "A charter landed in the southwestern Chinese city of Chengdu on May 2, 2024. "
        "The jet had taken off from Guam before reaching China."
    )
    assert [m.text for m in explain_report(text).stops] == ["Guam", "Chengdu"]


def test_legs_told_out_of_order_are_put_in_flight_order() -> None:
    text = (
        "The jet landed in Anchorage on Friday. Earlier that morning it had flown from Juneau. "
        "Before that, it had stopped in Portland, having set out from Seattle."
    )
    assert [m.text for m in explain_report(text).stops] == [
        "Seattle",
        "Portland",
        "Juneau",
        "Anchorage",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of Chinese nationals were aboard when the plane landed in Manila.",
        "The Miami-based operator's jet landed in Manila.",
        "Officials in Washington said the jet landed in Manila.",
        "The jet did not stop in Honolulu and landed in Manila.",
        "Instead of refuelling in Honolulu, the jet landed in Manila.",
        "A planned stop in Honolulu was cancelled; the jet landed in Manila.",
        'The jet landed in Manila. "We would rather go to Honolulu," an official said.',
        "TOKYO, May 3 — The jet landed in Manila.",
        "Deportees from Fujian were aboard when the jet landed in Manila.",
    ],
)
def test_places_that_are_not_stops(text: str) -> None:
    assert [m.text for m in explain_report(text).stops] == ["Manila"]


def test_page_furniture_is_skipped() -> None:
    text = (
        "The jet landed in Manila on June 3, 2024.\n\nTrending Stories\n"
        "  1. Man Held At Mumbai Airport With Gold\n  2. Flights Resume To Srinagar\n"
        "Related Story Headline About Delhi And Lahore\n"
    )
    assert [m.text for m in explain_report(text).stops] == ["Manila"]


def test_never_reached_strikes_the_destination() -> None:
    text = "The Cessna flew from Henderson to Bakersfield. It never reached Bakersfield."
    assert [m.text for m in explain_report(text).stops] == ["Henderson"]


@pytest.mark.parametrize(
    ("text", "people", "seats"),
    [
        ("The jet, carrying 135 deportees, took off from Harlingen.", 135, None),
        ("The jet left Harlingen with 14 people aboard.", 14, None),
        ("The jet left Harlingen with about 80 passengers.", 80, None),
        ("The Gulfstream, which typically has a seating capacity of 14, left Mesa.", None, 14),
        ("The 50-seat jet left Boise with nine deportees aboard.", 9, 50),
        ("The pilot and two passengers left Henderson in the Cessna.", 3, None),
        ("Border agents arrested 37,000 migrants last year; a jet left Mesa.", None, None),
    ],
)
def test_people_and_seats(text: str, people: int | None, seats: int | None) -> None:
    r = explain_report(text)
    assert (r.people, r.seats) == (people, seats)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The jet left Mesa on March 30, 2024, for Anchorage.", dt.date(2024, 3, 30)),
        ("The jet left Mesa on 30 March 2024 for Anchorage.", dt.date(2024, 3, 30)),
        (
            "date 2024-05-09 World\n\nThe jet left Mesa on March 30 and landed in Anchorage.",
            dt.date(2024, 3, 30),
        ),
        (
            "date 2024-01-09 World\n\nThe jet left Mesa on Dec. 30 and landed in Anchorage.",
            dt.date(2023, 12, 30),
        ),
        ("The jet left Mesa on Tuesday and landed in Anchorage.", None),
    ],
)
def test_dates(text: str, date: dt.date | None) -> None:
    assert explain_report(text).date == date


def test_aircraft_designator() -> None:
    assert (
        explain_report("A Gulfstream V took off from Mesa and landed in Anchorage.").aircraft
        == "GLF5"
    )


def test_evidence_points_at_the_name() -> None:
    text = "The jet took off from Boise and landed in Anchorage."
    route = parse_report(text, source="note.txt")
    for stop in route.stops:
        assert stop.evidence is not None
        assert text[stop.evidence.start : stop.evidence.end] == stop.name
        assert stop.evidence.source == "note.txt"


def test_no_route_is_an_error_that_says_what_was_named() -> None:
    text = "Officials in Washington discussed removal flights on Tuesday."
    for strict in (False, True):
        with pytest.raises(InputError, match=r"no route found: 1 place named.*--explain"):
            parse_report(text, source="note.txt", strict=strict)
    reading = explain_report(text)
    assert reading.stops == ()
    assert [(s.text, s.reason) for s in reading.set_aside] == [
        ("Washington", "where officials or an organisation sit, not a stop")
    ]
    # a text that names no place at all says so, rather than pointing at --explain
    with pytest.raises(InputError, match=r"no route found: the text names no place"):
        parse_report("Nothing happened on Tuesday.", source="note.txt")


def test_strict_unknown_place_is_refused() -> None:
    class Nowhere:
        def resolve(self, name: str, *, evidence: object = None) -> object:
            raise UnknownPlaceError(name, ("Boston",))

    text = "The jet took off from Boise and landed in Anchorage."
    with pytest.raises(UnknownPlaceError, match="Boise"):
        parse_report(text, resolver=Nowhere(), strict=True)  # type: ignore[arg-type]
    route = parse_report(text, resolver=Nowhere())  # type: ignore[arg-type]
    assert [s.kind for s in route.stops] == [StopKind.UNKNOWN, StopKind.UNKNOWN]
    assert route.warnings


def test_roles_are_enum_values() -> None:
    assert Role("return") is Role.RETURN


# --------------------------------------------------------------------------- robustness


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_raises_only_flightlegs_errors(text: str) -> None:
    with contextlib.suppress(FlightlegsError):
        parse_report(text)


_WORDS = st.sampled_from(
    ["took off from", "landed in", "via", "Texas", "Shenyang", "the US", "did not stop in",
     "heading back to", ",", ".", "and", "ANC-SHE", "March 30", "\n", '"', "35.2N 140.1E",
     "Chinese", "Miami-based", "Before that,", "14 people aboard", "capital,"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=60))
def test_report_like_text_raises_only_flightlegs_errors(words: list[str]) -> None:
    try:
        route = parse_report(" ".join(words))
    except FlightlegsError:
        return
    assert all(s.evidence is not None for s in route.stops)


def test_ten_megabytes_are_refused_quickly() -> None:
    text = "The jet stopped in Texas. " * (10_000_000 // 26)
    started = time.perf_counter()
    with pytest.raises(InputError, match="longer than"):
        explain_report(text)
    assert time.perf_counter() - started < 1.0
    assert len(text) > MAX_REPORT_CHARS


def test_non_text_is_refused() -> None:
    with pytest.raises(InputError, match="must be text"):
        explain_report(b"bytes")  # type: ignore[arg-type]


def test_a_report_with_no_plain_cue_gets_its_likeliest_stops_flagged() -> None:
    from flightlegs.read.report.scoring import THRESHOLD

    reading = explain_report("Anchorage and Seattle: the jet, a Gulfstream V.")
    assert reading.stops, "the likeliest place of a sentence about a flight is read"
    assert all(s.confidence < THRESHOLD for s in reading.stops)
    assert any("no sentence says plainly" in w for w in reading.warnings)


@pytest.mark.parametrize(
    ("heading", "first"),
    [
        ("Thule, Greenland, 14 June, 0600Z", "Thule"),
        ("Day 4: Narsarsuaq, Greenland", "Narsarsuaq"),
        ("Reykjavik, Iceland", "Reykjavik"),
    ],
)
def test_a_heading_that_names_a_place_is_where_the_writer_was(heading: str, first: str) -> None:
    text = f"{heading}\n\nWe started the engines at dawn. Hours later we landed at Iqaluit.\n"
    assert _names(text) == [(first, "stop"), ("Iqaluit", "stop")]


def test_people_who_came_from_a_place_did_not_fly_from_it() -> None:
    text = "The migrants, who came from Honduras, were flown to Tapachula and then to Tijuana."
    assert _names(text) == [("Tapachula", "stop"), ("Tijuana", "stop")]


@pytest.mark.parametrize(
    "heading",
    [
        "SYDNEY, October 24, 2016",  # a news dateline: where the reporter files from
        "Haiti Relief Update",  # the place is not the whole heading
    ],
)
def test_a_dateline_or_a_title_is_not_a_stop(heading: str) -> None:
    text = f"{heading}\n\nThe relief jet landed at Iqaluit on Monday.\n"
    assert _names(text) == [("Iqaluit", "stop")]


def test_populous_cities_are_read_in_a_plain_sentence() -> None:
    # every city of a million or more in data/cities.csv, paired with another: the names the
    # bundled towns give must survive the reader's cues ("Dallas for" once read as "as for")
    import csv

    from flightlegs.core.files import data_path

    with data_path("cities.csv").open(encoding="utf-8") as f:
        names = sorted({r["name"] for r in csv.DictReader(f) if int(r["population"]) >= 1_000_000})
    names = [n for n in names if n.isascii() and "'" not in n and "," not in n]
    misread = []
    for i, a in enumerate(names):
        b = names[(i * 7 + 3) % len(names)]
        if a != b and _names(f"The plane left {a} for {b}.") != [(a, "departure"), (b, "stop")]:
            misread.append((a, b))
    assert len(names) > 300
    assert len(misread) <= len(names) // 50, misread


def test_the_month_of_may_is_not_a_plan() -> None:
    stops = explain_report("On 3 May the jet left Lisbon and on 4 May it landed in Dakar.").stops
    assert [(m.text, m.planned) for m in stops] == [("Lisbon", False), ("Dakar", False)]
    stops = explain_report("The jet may stop in Dakar.").stops
    assert [(m.text, m.planned) for m in stops] == [("Dakar", True)]


@pytest.mark.parametrize(
    "text",
    [
        "The jet waited at Gander until dawn and then flew to Shannon.",
        "The jet was allowed to land at Gander and then flew to Shannon.",
    ],
)
def test_waiting_until_or_being_allowed_is_no_plan(text: str) -> None:
    assert [m.planned for m in explain_report(text).stops] == [False, False]


@pytest.mark.parametrize(
    "table",
    [
        "Date | From | To | Hours\n06/28 | KBGR | CYYR | 3.1\n06/29 | CYYR | BGBW | 4.0\n",
        "Date\tFrom\tTo\n2004-01-23\tSkopje\tBaghdad\n2004-01-24\tBaghdad\tKabul\n",
    ],
)
def test_a_table_of_legs_is_read_row_by_row(table: str) -> None:
    stops = explain_report(f"Logbook\n\n{table}").stops
    assert len(stops) == 3
    assert stops[0].role.value == "departure"
    assert all(m.why == "a row of a table" for m in stops)


@pytest.mark.parametrize(
    "text",
    ["The jet flew over Iran to reach Pakistan.", "After crossing Iran the jet reached Pakistan."],
)
def test_a_place_flown_over_is_set_aside_and_says_so(text: str) -> None:
    reading = explain_report(text)
    assert [m.text for m in reading.stops] == ["Pakistan"]
    assert [(s.text, s.reason) for s in reading.set_aside] == [
        ("Iran", "flown over or crossed, not landed at")
    ]


def test_a_home_town_is_set_aside_and_says_so() -> None:
    reading = explain_report("The pilot, a native of Ohio, flew from Denver to Boise.")
    assert [m.text for m in reading.stops] == ["Denver", "Boise"]
    assert [(s.text, s.reason) for s in reading.set_aside] == [
        ("Ohio", "where someone lives, works or was born, not a stop")
    ]


def test_a_lone_line_of_cells_is_navigation_not_a_table() -> None:
    text = "Home | US | Mexico\n\nThe flight landed in Lagos on Monday after leaving Madrid.\n"
    assert _names(text) == [("Madrid", "departure"), ("Lagos", "stop")]


def test_a_shortened_name_is_the_longer_one_in_the_country_named_beside_it() -> None:
    route = parse_report("The Q400 flew from Nome to Petropavlovsk in Russia, then to Sapporo.")
    assert [s.code for s in route.stops] == ["OME", "PKC", "CTS"]


def test_a_day_told_without_a_year_is_in_the_year_nearest_the_flight() -> None:
    # "Jan. 16", told of a trip begun in September 1911, is January 1912: not an earlier trip
    text = (
        "On Sept. 11, 1911, Fowler took off from Los Angeles. He reached Orange, Texas, on "
        "Dec. 7 and landed at Biloxi on Jan. 11. On Jan. 16 he flew on to Evergreen, Alabama."
    )
    assert [s.name for s in parse_report(text).stops][-2:] == ["Biloxi", "Evergreen"]


def test_where_the_aircraft_came_from_is_the_departure_of_a_route_that_names_none() -> None:
    text = (
        "The deportees were put aboard a Boeing 737 that had just come in from Youngstown, "
        "Ohio. Later it landed in Alexandria and then in Harrisburg."
    )
    assert [s.name for s in parse_report(text).stops] == ["Youngstown", "Alexandria", "Harrisburg"]


@pytest.mark.parametrize(
    "text",
    [
        "The jet landed in Alexandria and then in Harrisburg, not far from Youngstown.",
        "The seaplane landed at Horta, then moored about 200 miles from Ponta Delgada.",
    ],
)
def test_a_place_a_distance_is_measured_from_is_not_where_the_flight_left(text: str) -> None:
    names = [m.text for m in explain_report(text).stops]
    assert "Youngstown" not in names
    assert "Ponta Delgada" not in names


def test_a_duration_or_a_units_last_letter_does_not_put_the_stops_after_it_first() -> None:
    # "had taken 15 hours" is how long a leg was, not an earlier flight; "km/h." ends a sentence
    text = (
        "The seaplane got to Halifax on May 14. That first stage had taken 15 hours at a "
        "cruise of 148 km/h. On May 20 it went on to Ponta Delgada and reached Lisbon."
    )
    assert [s.name for s in parse_report(text).stops] == ["Halifax", "Ponta Delgada", "Lisbon"]


def test_names_told_one_after_another_are_read_together_as_a_route() -> None:
    # Croydon's first reading is an outback strip in Queensland, and Rome has its Georgia; each
    # first reading fits the other, but only the English field makes a route with Naples
    route = parse_report("The Avian landed at Croydon, then flew on to Rome and Naples.")
    assert [(s.name, s.country) for s in route.stops] == [
        ("Croydon", "GB"),
        ("Rome", "IT"),
        ("Naples", "IT"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Fog kept the jet from landing at Bangui, so it went on to Gbadolite.",
        "Bad weather prevented the plane from making its scheduled refuelling stop in Bangui. "
        "It was diverted to Gbadolite.",
    ],
)
def test_a_stop_the_flight_was_kept_from_making_is_not_flown(text: str) -> None:
    reading = explain_report(text)
    assert [m.text for m in reading.stops] == ["Gbadolite"]
    assert [s.reason for s in reading.set_aside if s.text == "Bangui"] == ["negated"]


def test_where_people_got_out_of_on_their_own_is_not_where_the_flight_left() -> None:
    text = (
        "The evacuation flight from Suceava, routed via Dubai, reached Delhi with 170 "
        "Indians who had got out of Ukraine."
    )
    assert "Ukraine" not in [m.text for m in explain_report(text).stops]


def test_where_a_flight_set_off_for_but_turned_back_from_is_not_a_stop() -> None:
    text = (
        "The minister left Berlin on Sunday and was due to land in Canberra on Monday. After a "
        "refuelling stop at Abu Dhabi the aircraft set off for Australia. Shortly after take-off "
        "the fault came back and the plane had to return to Abu Dhabi."
    )
    reading = explain_report(text)
    assert "Australia" not in [m.text for m in reading.stops]
    assert "Canberra" not in [m.text for m in reading.stops]


def test_a_destination_reached_before_the_turn_back_is_a_stop() -> None:
    text = "The jet took off for Lagos. It landed there at noon and later had to return to Accra."
    assert "Lagos" in [m.text for m in explain_report(text).stops]
