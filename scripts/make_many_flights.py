"""Write ``examples/many-flights.csv``: made-up charter and airlift flights.

The flights are **synthetic**. They exist so that ``notebooks/02-many-flights.ipynb``
has a few hundred routes to summarise, check and map. Nothing in the file describes
a real flight, although every airport is a real one from ``data/airports.csv`` and
every aircraft a real type from ``data/aircraft.csv``.

How a flight is made (seed fixed, so the file is the same on every run):

1. Pick a scenario (removal charters from US hubs to Central America, Mexico, the
   Caribbean and South America; long-haul removals with a fuel stop; European joint
   return flights; business-jet charters; military airlift), weighted.
2. Pick its stops from the scenario's airports: an origin, one or more drops, and
   sometimes the way back. About one route in seven names a state or a country
   ("Texas > Honduras") instead of codes, as reports do.
3. Pick an aircraft from the scenario's types **by a rule of thumb that does not use
   flightlegs' checks**: every leg, over every candidate airport, at most 75 % of the
   type's published range, and every best-guess airport with a runway at least as
   long as the type's take-off field length. A route no type fits is drawn again.
4. People aboard: between 30 % and 95 % of the type's typical seats.

Then a handful of deliberately implausible flights are added (``notes`` starts with
``planted:`` and says what is wrong), so the notebook can show whether the checks
find exactly those.

Usage::

    python scripts/make_many_flights.py            # writes examples/many-flights.csv
    python scripts/make_many_flights.py --check    # exit 1 if the file is out of date
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from flightlegs import airport_table, lookup_aircraft
from flightlegs.core.route import Route
from flightlegs.read.routefiles import routes_from_csv

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "examples" / "many-flights.csv"
SEED = 20240330
NORMAL_FLIGHTS = 212
RANGE_SHARE = 0.75  # longest leg over published range, at most
FIRST_DAY = dt.date(2023, 1, 1)
DAYS = 730
COLUMNS = ("name", "date", "aircraft", "route", "people", "seats", "source", "notes")

# Where vague rows name a state or a country instead of a code.
PLACE_OF = {
    "AZA": "Arizona", "SAT": "Texas", "HRL": "Texas", "ELP": "Texas", "BRO": "Texas",
    "IAH": "Texas", "AEX": "Louisiana", "MIA": "Florida",
    "GUA": "Guatemala", "SAL": "El Salvador", "SAP": "Honduras", "XPL": "Honduras",
    "TGU": "Honduras", "MGA": "Nicaragua", "PAP": "Haiti", "SDQ": "Dominican Republic",
    "KIN": "Jamaica", "BOG": "Colombia", "UIO": "Ecuador", "GYE": "Ecuador", "LIM": "Peru",
    "GEO": "Guyana",
}  # fmt: skip


@dataclass(frozen=True)
class Scenario:
    what: str
    weight: int
    aircraft: tuple[str, ...]
    origins: tuple[str, ...] = ()
    destinations: tuple[tuple[str, ...], ...] = ()  # groups; one flight drops within one group
    drops: tuple[int, int] = (1, 1)
    round_trip: float = 0.0
    itineraries: tuple[tuple[str, ...], ...] = ()  # fixed stop lists, instead of the above
    vague: float = 0.0


def _codes(text: str) -> tuple[str, ...]:
    return tuple(text.split())


US_HUBS = _codes("AZA SAT HRL ELP BRO AEX MIA")
EUROPE = _codes("VIE MUC DUS STN CPH ARN AMS BRU WAW ATH FCO")

SCENARIOS = (
    Scenario(
        "removal charter to Central America",
        30,
        _codes("B738 B734 B733 MD83 A320 A319 E190"),
        US_HUBS,
        (_codes("GUA SAL SAP XPL TGU MGA"),),
        drops=(1, 3),
        round_trip=0.5,
        vague=0.2,
    ),
    Scenario(
        "repatriation to the interior of Mexico",
        12,
        _codes("E190 E145 CRJ2 B738 A320"),
        _codes("ELP HRL SAT AZA BRO"),
        (_codes("MEX GDL MTY VSA TAP OAX"),),
        round_trip=0.3,
    ),
    Scenario(
        "removal charter to the Caribbean or South America",
        16,
        _codes("B738 A320 A321 B752 B763"),
        _codes("MIA AEX SAT HRL IAH"),
        (_codes("PAP SDQ KIN GEO"), _codes("BOG UIO GYE LIM")),
        drops=(1, 2),
        round_trip=0.3,
        vague=0.2,
    ),
    Scenario(
        "long-haul removal with a fuel stop",
        8,
        _codes("B763 B752 A321 GLF5"),
        itineraries=(
            _codes("AEX DKR ACC"),
            _codes("AEX DKR LOS"),
            _codes("MIA DKR CKY"),
            _codes("AEX DKR NKC"),
            _codes("AEX SNN DEL"),
            _codes("AZA ANC SHE"),
            _codes("AZA ANC ICN"),
            _codes("AEX BGR SNN TBS"),
        ),
    ),
    Scenario(
        "European joint return flight",
        20,
        _codes("A320 A321 B738 B752 B763 E190"),
        EUROPE,
        (
            _codes("LOS ACC DKR ABV BKO"),
            _codes("TBS EVN"),
            _codes("TIA PRN BEG"),
            _codes("ISB LHE DAC"),
            _codes("ALG TUN"),
        ),
        drops=(1, 2),
    ),
    Scenario(
        "business-jet charter",
        8,
        _codes("GLF5 GLF6"),
        _codes("TEB VNY LTN AZA MIA BFI"),
        (_codes("LTN NRT TEB KEF ANC HNL SJO PTY"),),
    ),
    Scenario(
        "military airlift",
        6,
        _codes("C17 C130"),
        itineraries=(
            _codes("DOV RMS RZE"),
            _codes("CHS RMS KWI"),
            _codes("DOV KEF RMS"),
            _codes("RMS RZE"),
            _codes("RMS KWI"),
            _codes("DOV RMS"),
        ),
    ),
)

# Deliberately implausible flights: (aircraft, route, people, seats, what is wrong).
PLANTED = (
    ("E145", "AZA-ANC-SHE", 9, None,
     "Mesa to Anchorage (about 2,230 nm) and Anchorage to Shenyang (about 3,180 nm) are "
     "both beyond an ERJ 145's published range of 2,000 nm"),
    ("B738", "AEX-LOS", 150, 189,
     "Alexandria to Lagos nonstop is about 5,500 nm, far beyond a 737-800"),
    ("CRJ2", "HRL-LIM", 40, None,
     "Harlingen to Lima is about 2,580 nm; a CRJ200's published range is 1,700 nm"),
    ("E145", "SAT-GUA", 72, None, "72 people aboard a 50-seat ERJ 145"),
    ("B763", "AEX-EYW-PAP", 180, None,
     "Key West's 4,801 ft runway is half the field length a 767-300 needs"),
    ("GLF5", "MIA-HKG", 8, 14,
     "Miami to Hong Kong nonstop is about 7,800 nm, beyond a Gulfstream V's 6,500 nm"),
    ("A321", "STN-DAC", 120, None,
     "Stansted to Dhaka nonstop is about 4,300 nm; an A321's published range is 3,200 nm"),
    ("B734", "SAT-GUA-SAL", 130, 220, "a 220-seat cabin in a 737-400, which seats at most 188"),
)  # fmt: skip


def _route(text: str) -> Route:
    """Read one route exactly as the CSV reader will (names resolved by the gazetteer)."""
    return routes_from_csv(f"route\n{text}\n", source="<generator>")[0]


def _fits(aircraft: str, route: Route) -> bool:
    """The rule of thumb of step 3 of the module docstring."""
    spec = lookup_aircraft(aircraft)
    (kind,) = spec.members
    if kind.range_nm is None or kind.takeoff_field_ft is None:
        return False
    longest = max(leg.distance("nm")[2] for leg in route.legs())
    if longest > RANGE_SHARE * kind.range_nm:
        return False
    for stop in route.stops:
        runway = stop.airport.longest_runway_ft if stop.airport else None
        if runway is None or runway < kind.takeoff_field_ft:
            return False
    return True


def _stops(rng: random.Random, scenario: Scenario) -> list[str]:
    if scenario.itineraries:
        return list(rng.choice(scenario.itineraries))
    origin = rng.choice(scenario.origins)
    places = [c for c in rng.choice(scenario.destinations) if c != origin]
    drops = rng.sample(places, min(len(places), rng.randint(*scenario.drops)))
    if scenario.what == "European joint return flight" and rng.random() < 0.4:
        # a second European state joins on the way out
        pickup = rng.choice([c for c in EUROPE if c != origin])
        drops.insert(0, pickup)
    stops = [origin, *drops]
    if rng.random() < scenario.round_trip:
        stops.append(origin)
    return stops


def _route_text(rng: random.Random, scenario: Scenario, stops: list[str]) -> str:
    if rng.random() < scenario.vague:
        names = [PLACE_OF.get(code, code) for code in stops]
        inner = names[1:-1] if names[-1] == names[0] else names[1:]
        if len(set(inner)) == len(inner) and names[0] not in inner:
            return " > ".join(names)
    return "-".join(stops)


# Airports whose municipality in the table is not the city a reader would name.
CITY_OF = {"BRU": "Brussels", "SHE": "Shenyang", "SAL": "San Salvador", "ICN": "Seoul"}


def _label(route: Route) -> str:
    def place(i: int) -> str:
        stop = route.stops[i]
        if stop.kind == "airport" and stop.airport is not None:
            return CITY_OF.get(stop.code, stop.airport.municipality)
        return stop.name

    last = len(route.stops) - 1
    if route.stops[last].code == route.stops[0].code and last > 1:
        last -= 1  # name a round trip after its farthest drop, not its home
    return f"{place(0)} to {place(last)}"


def _people(rng: random.Random, aircraft: str) -> int | None:
    (kind,) = lookup_aircraft(aircraft).members
    seats = kind.typical_seats or kind.max_seats
    if seats is None or aircraft in {"C17", "C130"}:
        return None  # airlift flights carry cargo as well; no head count
    return rng.randint(max(1, round(0.3 * seats)), round(0.95 * seats))


def build() -> str:
    """Return the CSV text."""
    rng = random.Random(SEED)
    table = airport_table()
    for code in {
        c
        for s in SCENARIOS
        for group in (s.origins, *s.destinations, *s.itineraries)
        for c in group
    }:
        table.by_code(code)  # fail loudly on a code the bundled table lacks

    rows: list[dict[str, object]] = []
    weights = [s.weight for s in SCENARIOS]
    while len(rows) < NORMAL_FLIGHTS:
        scenario = rng.choices(SCENARIOS, weights)[0]
        text = _route_text(rng, scenario, _stops(rng, scenario))
        route = _route(text)
        fitting = [a for a in scenario.aircraft if _fits(a, route)]
        if not fitting:
            continue
        aircraft = rng.choice(fitting)
        people = _people(rng, aircraft)
        typical = lookup_aircraft(aircraft).typical_seats
        seats = round(typical.high) if typical is not None and rng.random() < 0.3 else None
        rows.append(
            {
                "label": _label(route),
                "date": FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS)),
                "aircraft": aircraft,
                "route": text,
                "people": people,
                "seats": seats,
                "notes": f"synthetic: {scenario.what}",
            }
        )
    for aircraft, text, people, seats, wrong in PLANTED:
        rows.append(
            {
                "label": _label(_route(text)),
                "date": FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS)),
                "aircraft": aircraft,
                "route": text,
                "people": people,
                "seats": seats,
                "notes": f"planted: {wrong}",
            }
        )
    rows.sort(key=lambda r: (r["date"], r["route"]))

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for number, row in enumerate(rows, start=1):
        writer.writerow(
            [
                f"F{number:03d} {row['label']}",
                row["date"],
                row["aircraft"],
                row["route"],
                "" if row["people"] is None else row["people"],
                "" if row["seats"] is None else row["seats"],
                "",
                row["notes"],
            ]
        )
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is out of date")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date; run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {text.count(chr(10)) - 1} flights to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
