"""Build the gazetteer's index from the bundled tables.

Countries, regions, cities, airports, their aliases and operator hubs are
read from ``data/`` and turned into one name index; cities served by several
airports are clustered. The result is packed by :mod:`~.store` and cached.
"""

from __future__ import annotations

import csv
import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final

from flightlegs.core.airport import _TYPE_RANK, Airport
from flightlegs.core.files import data_path
from flightlegs.core.geodesy import LatLon
from flightlegs.core.route import StopKind
from flightlegs.reference.airports import AirportTable
from flightlegs.reference.gazetteer.folding import _tokens, fold
from flightlegs.reference.gazetteer.names import (
    _AIRPORT_ALIASES_FIRST,
    _AMBIGUOUS_COUNTRY_ALIASES,
    _AP_STATES,
    _AREAL_WORDS,
    _BLOCKERS,
    _COUNTRY_ALIASES,
    _DEMONYMS,
    _DISTRICT_SUFFIXES,
    _EXACT_AIRPORT_ALIASES,
    _EXACT_COUNTRY_ALIASES,
    _FIELD_WORDS,
    _FIRST_RANK_REGIONS,
    _GENERIC_BY_FIRST,
    _GENERIC_WORDS,
    _ISLAND_SUFFIXES,
    _MILITARY,
    _REGION_SUFFIXES,
    _WEAK_GENERIC,
    _WELL_KNOWN_REGIONS,
    CLOSED_SUFFIX,
    COMMON_WORDS,
    _is_strip,
)
from flightlegs.reference.gazetteer.places import Place
from flightlegs.reference.gazetteer.store import (
    _EXACT,
    _FIELD,
    _GUARDED,
    _TITLE,
    _TOWN,
    _airport_place,
    _Index,
    _Reading,
)

__all__ = []

#: French articles that lead an airport's name but not the name people use ("La Tontouta");
#: not Spanish or Arabic ones, which stay in the name (El Paso, Al Udeid).
_ARTICLES: Final = frozenset({"la", "le", "les"})
_CITY_CLUSTER_KM: Final = 80.0
#: A town this populous ranks with the cities of large airports (Glasgow before Glasgow, Montana).
_POPULOUS: Final = 250_000
#: A town this populous is read in prose though a small field bears its name.
_BIG_TOWN: Final = 100_000
#: The rank of a reading offered after all the others of its name.
_LAST_TIER: Final = 9
#: A town this large that shares its name with its region is read as the city first.
_GREAT_CITY: Final = 1_000_000
#: How far an airport may be from a town without one of its own to serve it.
_TOWN_AIRPORT_KM: Final = 50.0
#: Most words in one name matched in text ("Democratic Republic of the Congo").
_MAX_NGRAM: Final = 7


def _in_prose(airport: Airport) -> bool:
    """Whether the airport's names are matched in running text."""
    return (
        airport.type != "small_airport"
        or airport.scheduled_service
        or (airport.longest_runway_ft or 0) >= 5000
        or bool(_MILITARY.search(airport.name))
    )


def _airport_weight(airport: Airport, hub_rank: int) -> tuple[int, int, int, float, str]:
    """Sort key: hubs, then large before small, scheduled service, longest runway."""
    return (
        hub_rank,
        _TYPE_RANK.get(airport.type, 3),
        0 if airport.scheduled_service else 1,
        -(airport.longest_runway_ft or 0.0),
        airport.ident,
    )


# --------------------------------------------------------------------------- building


# the data repeat names a lot (municipalities, keywords): fold each once while building
_cfold = functools.lru_cache(maxsize=1 << 17)(fold)


def _read_csv(name: str) -> list[dict[str, str]]:
    with data_path(name).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _km(a: LatLon, b: LatLon) -> float:
    """Great-circle distance on a sphere, for clustering only (not shown to users)."""
    la1, la2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = la2 - la1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _strip_generic(words: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    i = 0
    while i < len(words):
        for phrase in _GENERIC_BY_FIRST.get(words[i], ()):
            if words[i : i + len(phrase)] == phrase:
                i += len(phrase)
                break
        else:
            out.append(words[i])
            i += 1
    return tuple(out)


def _name_parts(name: str) -> list[str]:
    """A name and its alternatives: without brackets, bracketed parts, slash-separated parts."""
    parts: list[str] = []
    outer = re.sub(r"\([^)]*\)", " ", name)
    parts.append(" ".join(outer.split()))
    parts += [p.strip() for p in re.findall(r"\(([^)]*)\)", name)]
    for piece in list(parts):
        if "/" in piece:
            parts += [p.strip() for p in piece.split("/")]
    return [p for p in dict.fromkeys(parts) if p]


def _city_names(municipality: str, not_cities: set[str]) -> list[str]:
    """City names in a municipality field: "Hunnan, Shenyang" -> Hunnan, Shenyang."""
    out: list[str] = []
    for part in _name_parts(municipality):
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        if not pieces:
            continue
        if len(_cfold(pieces[0])) >= 3:
            out.append(pieces[0])
        if len(pieces) > 1:
            key = _cfold(pieces[-1])
            if len(key) >= 3 and key not in not_cities and not key.isdigit():
                out.append(pieces[-1])
    return list(dict.fromkeys(out))


_SERVED_TYPES: Final = ("large_airport", "medium_airport")


def _ok_short(key: str) -> bool:
    """Whether a derived short name is distinctive enough to keep."""
    words = key.split()
    if len(key) < 4 or not words:
        return False
    if all(w in _GENERIC_WORDS or w in COMMON_WORDS or len(w) <= 2 for w in words):
        return False
    return not (len(words) == 1 and (key in COMMON_WORDS or key.isdigit()))


class _Builder:
    """Collects readings, then freezes them into an :class:`_Index`."""

    def __init__(self) -> None:
        self.names: dict[str, list[_Reading]] = defaultdict(list)

    def add(
        self,
        key: str,
        place: Place,
        rank: tuple[Any, ...],
        *,
        mode: int = _TITLE,
        spellings: Iterable[str] | None = None,
        demonym: bool = False,
        prose: bool = True,
    ) -> None:
        if not key:
            return
        if mode in (_TITLE, _TOWN) and prose and place.kind is not StopKind.COUNTRY:
            words = key.split()
            if (len(words) == 1 and key in COMMON_WORDS) or all(w in _AREAL_WORDS for w in words):
                mode = _GUARDED
        spelled = frozenset(spellings) if spellings is not None else None
        for i, old in enumerate(self.names[key]):
            if old.place == place:
                if rank < old.rank or (prose and not old.prose):
                    self.names[key][i] = _Reading(
                        place, mode, spelled, demonym, prose or old.prose, min(rank, old.rank)
                    )
                return
        self.names[key].append(_Reading(place, mode, spelled, demonym, prose, rank))


#: A half of an airport's name that names an airfield ("Naha Airport"), not only its town.
_FIELD_NAMED: Final = re.compile(
    r"\b(?:airport|aeroporto|aeropuerto|aéroport|flughafen|airfield|aerodrome|air base|airbase"
    r"|air station|airstrip|airpark|field)\b",
    re.IGNORECASE,
)
#: airfields OurAirports lists as closed, written by scripts/build_airports.py
_CLOSED: Final = "closed_airfields.csv"
#: A small town named for the water or landform a flight passes is not read: its name begins
#: with one of the first words ("Lake Geneva") or ends with one of the others ("Manhasset Bay");
#: "Harbour Grace" is a town.
_WATER_FIRST: Final = frozenset({"lake", "gulf", "sea", "ocean", "river", "strait", "mount"})
_WATER_LAST: Final = frozenset(
    {
        *("bay", "beach", "channel", "creek", "falls", "gulf", "harbor", "harbour", "hill"),
        *("island", "isle", "lake", "lagoon", "mountain", "ocean", "point", "river", "sea"),
        *("shore", "sound", "spring", "springs", "strait", "valley"),
    }
)
#: GeoNames' towns of 1,000 to 14,999 people, written by scripts/build_cities.py
_SMALL_TOWNS: Final = "towns.csv"
#: hand-made: cities that are an ISO 3166-2 region of their own, each with a source
_OWN_REGIONS: Final = "city_regions.csv"


def _closed_names(field: dict[str, str]) -> Iterator[tuple[str, str]]:
    """A closed field's names, whole and without their generic words ("croydon airport")."""
    keywords = [k.strip() for k in field["keywords"].split(",") if _keyword_is_name(k)]
    for source in [field["name"], *keywords]:
        for part in _name_parts(source):
            folded = tuple(_cfold(part).split())
            yield " ".join(folded), " ".join(_strip_generic(folded))


def _add_closed_fields(
    b: _Builder,
    closed: list[dict[str, str]],
    towns: _Towns,
    weight: dict[str, tuple[int, int, int, float, str]],
    members: dict[Place, tuple[Airport, ...]],
    not_cities: set[str],
) -> None:
    """Airfields long closed (Croydon, Lympne, Tempelhof, Kai Tak), which reports of history name.

    Each is a place served by the open airports around it. Its full name is
    read in prose ("Croydon Airport"); its short name ("Croydon") after every
    other reading of it, and only where a word of travel governs it (see
    :func:`~flightlegs.reference.gazetteer.scan._flown_field`). Neither is
    added beside a place read in prose under that name: "London Airport" stays
    Heathrow, "Paducah" the town.
    """
    for field in closed:
        where = LatLon(float(field["latitude_deg"]), float(field["longitude_deg"]))
        site = _Town(_cfold(field["name"]), field["name"], (), field["country"], None, where, 0)
        nearby = towns.airports_near(site, weight)
        if not nearby:
            continue
        place = Place(
            field["name"] + CLOSED_SUFFIX, StopKind.CITY, field["country"], field["region"] or None
        )
        members[place] = nearby
        served = weight[nearby[0].ident]
        for whole, short in _closed_names(field):
            if (
                short != whole
                and _ok_short(whole)  # not a keyword of generic words ("Naval Air Station")
                and not any(r.prose for r in b.names.get(whole, ()))
            ):
                b.add(whole, place, (2, served, 2))
            if (
                _ok_short(short)
                and short not in not_cities
                and not any(r.prose for r in b.names.get(short, ()))
            ):
                b.add(short, place, (9, served), prose=False)


def _add_small_towns(
    b: _Builder,
    small: _Towns,
    towns: _Towns,
    weight: dict[str, tuple[int, int, int, float, str]],
    members: dict[Place, tuple[Airport, ...]],
    not_cities: set[str],
) -> None:
    """Towns of fewer than 15,000 people (Niebla, Hourtin), read only as a flight's stop.

    Their names are mostly words, surnames and other places' names as well, so each
    is its name's last reading and never matched in prose on its own: only where a
    word of flying governs it ("landed at Niebla", see
    :func:`~flightlegs.reference.gazetteer.scan._flown_field`), like a small
    airfield's. None is added under a name the index reads in prose already, nor
    under a small field's ("Wellesbourne" is the airfield; ``not_cities`` holds those).
    """
    named = [
        town
        for town in small.all
        if not (
            len(town.key) < 4
            or town.key in not_cities
            or town.key in COMMON_WORDS
            # a one-word name must be distinctive; words together make a name ("Harbour Grace")
            or (" " not in town.key and not _ok_short(town.key))
            # "Lake Geneva", "Manhasset Bay": a town named for the water a flight crosses
            or town.key.split()[0] in _WATER_FIRST
            or town.key.split()[-1] in _WATER_LAST
            # a name read in prose, or a field's; other small towns of the name may share it
            or any(r.place.kind is not StopKind.CITY or r.prose for r in b.names.get(town.key, ()))
        )
    ]
    for town, nearby in zip(named, towns.airports_near_all(named, weight), strict=True):
        if not nearby:
            continue
        place = Place(town.name, StopKind.CITY, town.country, town.region)
        members[place] = nearby
        b.add(town.key, place, (10, -town.population, weight[nearby[0].ident]), prose=False)


def _build_index(table: AirportTable) -> _Index:
    countries = _read_csv("countries.csv")
    regions = _read_csv("regions.csv")
    hub_rows = _read_csv("operator_hubs.csv")
    alias_rows = _read_csv("airport_aliases.csv")

    b = _Builder()
    countries_by_code: dict[str, Place] = {}
    for c in countries:
        if c["code"] == "ZZ":
            continue
        countries_by_code[c["code"]] = Place(c["name"], StopKind.COUNTRY, c["code"], None)
    regions_by_code: dict[str, Place] = {}
    regions_full = {r["code"]: r["name"] for r in regions}
    for r in regions:
        if r["name"].startswith("("):
            continue
        regions_by_code[r["code"]] = Place(
            _region_name(r["name"]), StopKind.REGION, r["country"], r["code"]
        )

    hubs: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    hub_rank: dict[str, int] = {}
    for h in hub_rows:
        entry = (h["iata"], h["operator"], h["source"], h["note"])
        hubs[h["region"]].append(entry)
        hubs[h["region"][:2]].append(entry)
        hub_rank.setdefault(h["iata"], len(hub_rank))

    # -- airports -----------------------------------------------------------------
    stored: list[Airport] = []
    tail: dict[str, list[str]] = defaultdict(list)
    strips: list[int] = []
    columns = ("ident", "iata", "type", "scheduled_service", "longest_runway_ft", "name")
    for row, (ident, iata_code, kind, scheduled, runway, name) in enumerate(
        zip(*(table.column(c) for c in columns), strict=True)
    ):
        if not _is_strip(kind, iata_code, scheduled == "1", float(runway or 0) or None, name):
            stored.append(table[row])
        else:
            tail[_cfold(name)].append(ident)
            strips.append(row)
            # "Texel Airfield" is "Texel Airport" in a blog: its name without the generic
            # words, matched in text only beside an airport word (see scan._flown_field)
            for part in _name_parts(name):
                field_key = " ".join(_strip_generic(tuple(_cfold(part).split())))
                if field_key != _cfold(name) and _ok_short(field_key):
                    tail[field_key].append(ident)
    weight = {a.ident: _airport_weight(a, hub_rank.get(a.iata or "", 99)) for a in stored}
    airport_place = {a.ident: _airport_place(a) for a in stored}

    # -- countries, aliases, demonyms ---------------------------------------------
    for place in countries_by_code.values():
        b.add(_cfold(place.name), place, (1, 0))
        bare = re.sub(r"\s*\([^)]*\)", "", place.name)
        if bare != place.name:
            b.add(_cfold(bare), place, (1, 1))
    for alias, code in _COUNTRY_ALIASES.items():
        b.add(_cfold(alias), countries_by_code[code], (1, 0))
    for alias, code in _EXACT_COUNTRY_ALIASES.items():
        spell = " ".join(t.raw for t in _tokens(alias))
        b.add(_cfold(alias), countries_by_code[code], (1, 0), mode=_EXACT, spellings={spell})
    for alias, codes in _AMBIGUOUS_COUNTRY_ALIASES.items():
        for n, code in enumerate(codes):
            b.add(_cfold(alias), countries_by_code[code], (1, n))

    def area(code: str) -> Place:
        return regions_by_code[code] if "-" in code else countries_by_code[code]

    # islands and areas people name that are not ISO names ("the Azores", "Falklands", "Crete")
    for named_area in _read_csv("area_aliases.csv"):
        b.add(_cfold(named_area["alias"]), area(named_area["code"]), (1, 0))
    for word, code in _DEMONYMS.items():
        place = area(code)
        b.add(_cfold(word), place, (1, 0), demonym=True)
        if not word.endswith(("ese", "sh", "ch", "ss", "Swiss")):
            b.add(_cfold(word + "s"), place, (1, 0), demonym=True)
    b.add("czechs", countries_by_code["CZ"], (1, 0), demonym=True)
    demonyms = {k for k, rs in b.names.items() if any(r.demonym for r in rs)}

    # -- regions ------------------------------------------------------------------
    country_keys = {_cfold(p.name) for p in countries_by_code.values()}
    state_abbreviations: dict[str, tuple[Place, bool]] = {}
    island_keys: list[tuple[str, Place]] = []
    for code, place in regions_by_code.items():
        country = place.country or ""
        tier: float
        if country in _FIRST_RANK_REGIONS:
            tier = 0
        elif country in _WELL_KNOWN_REGIONS:
            tier = 1.5
        else:
            tier = 3
        keys = [_cfold(place.name), _cfold(regions_full[code])]
        folded = keys[1]
        for suffix in _REGION_SUFFIXES:
            if folded.endswith(" " + suffix):
                keys.append(folded[: -len(suffix) - 1])
        if country not in _FIRST_RANK_REGIONS:
            # "Midway", "Wake", "Canary": an island region named bare (never "Rhode"), added
            # after the airports so that it does not block an airport's short name ("Midway")
            for suffix in _ISLAND_SUFFIXES:
                bare = folded[: -len(suffix) - 1]
                if folded.endswith(" " + suffix) and _ok_short(bare):
                    island_keys.append((bare, place))
        if country == "KR" and folded.endswith("do") and " " not in folded:
            keys.append(folded[:-2])
        for n, key in enumerate(dict.fromkeys(keys)):
            if n and not _ok_short(key):
                continue
            b.add(key, place, (tier, 0, n))
        if country == "US":
            state_abbreviations[code[3:]] = (place, True)
    for abbr, postal in _AP_STATES.items():
        state_abbreviations[abbr] = (regions_by_code["US-" + postal], False)

    # -- cities -------------------------------------------------------------------
    not_cities = country_keys | {_cfold(p.name) for p in regions_by_code.values()}
    region_keys = {
        code: {_cfold(p.name), _cfold(regions_full[code])} for code, p in regions_by_code.items()
    }
    # regions that are one city ("Banjul City", "Lima Region"), by city name and country; not in
    # the US and Canada, whose states share names with cities elsewhere (Washington)
    # ("Osh City" before "Osh Region")
    districts: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for code, p in regions_by_code.items():
        folded = _cfold(regions_full[code])  # "Beirut Governorate", which is called "Beirut"
        for order, suffix in enumerate(_DISTRICT_SUFFIXES):
            if folded.endswith(" " + suffix) and p.country not in _FIRST_RANK_REGIONS:
                districts[(folded[: -len(suffix) - 1], p.country or "")].append((order, code))
    towns = _Towns(_read_csv("cities.csv"), stored)
    # cities that are a region of their own, though their airports lie in another (Moscow,
    # Caracas, Berlin): the city's region, by folded name and country
    own_region = {(_cfold(r["city"]), r["country"]): r["region"] for r in _read_csv(_OWN_REGIONS)}
    groups: dict[tuple[str, str], list[tuple[str, Airport]]] = defaultdict(list)
    for ap in stored:
        for city in _city_names(ap.municipality, not_cities):
            groups[(_cfold(city), ap.country)].append((city, ap))
    members: dict[Place, tuple[Airport, ...]] = {}
    city_places: dict[str, list[Place]] = defaultdict(list)
    for (key, country), items in groups.items():
        items.sort(key=lambda item: weight[item[1].ident])
        clusters: list[list[tuple[str, Airport]]] = []
        for item in items:
            for cluster in clusters:
                if _km(cluster[0][1].position, item[1].position) <= _CITY_CLUSTER_KM:
                    cluster.append(item)
                    break
            else:
                clusters.append([item])
        for cluster in clusters:
            spelled = max(
                {c for c, _ in cluster}, key=lambda c: (sum(x == c for x, _ in cluster), c)
            )
            ranked = sorted(districts.get((key, country), []))
            best_rank = [code for order, code in ranked if order == ranked[0][0]] if ranked else []
            region = _city_region(
                key,
                {a.region for _, a in cluster},
                region_keys,
                best_rank[0] if len(best_rank) == 1 else None,
                city_itself=bool(ranked) and ranked[0][0] == 0,
            )
            airports = tuple(a for _, a in cluster)
            town = towns.claim(key, country, airports[0].position)
            if region is None and town is not None and town.region:
                region = town.region  # Cincinnati, Ohio, whose airports lie in Kentucky too
            region = own_region.get((key, country), region)
            place = Place(spelled, StopKind.CITY, country, region)
            if place in members:
                # a second cluster of the same name in the same region (Southend, filed under
                # London, 80 km from Heathrow): it follows the first, never replaces it
                members[place] = (*members[place], *airports)
                continue
            prose = any(_in_prose(a) for a in airports)
            mode = _TITLE
            if town is not None and not prose:
                # Bloemfontein, whose municipality lists only an airstrip: a town of 15,000 or
                # more is read in prose, served by the airports around it as well
                near = {a.ident: a for a in (*airports, *towns.airports_near(town, weight))}
                airports = tuple(sorted(near.values(), key=lambda a: weight[a.ident]))
                prose = True
                mode = _TITLE if town.population >= _POPULOUS else _TOWN
            members[place] = airports
            best = airports[0]
            populous = town is not None and town.population >= _POPULOUS
            hub = (best.iata or "") in hub_rank  # Alexandria, Louisiana: ICE Air's
            tier = 0 if best.type == "large_airport" or populous or hub else 2
            if key in country_keys and not populous:
                tier = 3  # "Liberia" is the country before the town in Costa Rica
            b.add(key, place, (tier, weight[best.ident]), mode=mode, prose=prose)
            city_places[key].append(place)
            if town is not None:
                town.place = place
    # -- airports by name -------------------------------------------------------------
    place_keys = set(b.names)
    later: list[tuple[str, Airport]] = []
    for ap in stored:
        place = airport_place[ap.ident]
        prose = _in_prose(ap)
        rank = (2, weight[ap.ident])
        b.add(_cfold(ap.name), place, rank, prose=prose)
        sources = [ap.name] + [
            k.strip()
            for k in ap.keywords.split(",")
            # "RAF Akrotiri" lists "British" among its keywords: a people's word, not its name
            if _keyword_is_name(k) and _cfold(k.strip()) not in demonyms
        ]
        cities_here = {_cfold(c) for c in _city_names(ap.municipality, not_cities)}
        for n, source in enumerate(sources):
            for part in _name_parts(source):
                words = tuple(_cfold(part).split())
                if not words:
                    continue
                full = " ".join(words)
                # a keyword's name, or one of a name's halves ("Naha Airport / JASDF Naha Air
                # Base" is also "Naha Airport"), is a name of the airport as a whole
                if (
                    (n or ("/" in source and _FIELD_NAMED.search(part)))
                    and full != _cfold(ap.name)
                    and _ok_short(full)
                ):
                    b.add(full, place, (2, weight[ap.ident], 1), prose=prose)
                if words[-1] in _FIELD_WORDS:
                    key = " ".join(words[:-1])
                    if _ok_short(key) and (key not in place_keys or _contains(b.names[key], ap)):
                        b.add(key, place, (2, weight[ap.ident], 1), prose=prose)
                short = _strip_generic(words)
                key = " ".join(short)
                if len(short) == 1 and _WEAK_GENERIC & set(words):
                    key = full  # "Cook County Airport" is not "Cook"
                if (
                    key != full
                    and _ok_short(key)
                    and (key not in place_keys or _contains(b.names[key], ap))
                ):
                    b.add(key, place, (2, weight[ap.ident], 2), prose=prose)
                if key != full and len(short) > 1 and ap.iata and ap.type in _SERVED_TYPES:
                    later.append((key, ap))
                if not n and len(short) > 1 and short[0] in _ARTICLES:
                    # "La Tontouta International Airport" is "Tontouta" in prose
                    bare = " ".join(short[1:])
                    if _ok_short(bare) and bare not in place_keys:
                        b.add(bare, place, (2, weight[ap.ident], 2), prose=prose)
                for lead in range(1, len(short)):
                    head = " ".join(short[:lead])
                    if head in COMMON_WORDS or not (head in cities_here or head in city_places):
                        continue
                    key = " ".join(short[lead:])
                    if f"{key} county" in full:
                        continue  # "Gillette Campbell County Airport" is not "Campbell"
                    if _ok_short(key) and key not in place_keys:
                        b.add(key, place, (2, weight[ap.ident], 3), prose=prose)
                        continue
                    # "Love Field": the name after the city with its generic word, when that
                    # word is what makes it a name ("Dallas Love Field"; "love" alone is not)
                    after = " ".join(words[lead:]) if words[:lead] == short[:lead] else ""
                    if (
                        after
                        and after != key
                        and after not in place_keys
                        and len(after.split()) >= 2
                        and not all(w in _GENERIC_WORDS for w in after.split())
                    ):
                        b.add(after, place, (2, weight[ap.ident], 3), prose=prose)
    for alias_row in alias_rows:
        ident = alias_row["ident"]
        if ident in airport_place:
            b.add(_cfold(alias_row["alias"]), airport_place[ident], (2, weight[ident], 0))
    for key, place in island_keys:
        b.add(key, place, (3, 9))  # after the cities and airports of the name
    for alias, ident in _AIRPORT_ALIASES_FIRST.items():
        if ident in airport_place:
            b.add(_cfold(alias), airport_place[ident], (-1,))
    for alias, ident in _EXACT_AIRPORT_ALIASES.items():
        if ident in airport_place:
            b.add(_cfold(alias), airport_place[ident], (2, 0), mode=_EXACT, spellings={alias})

    # towns no airport is filed under (Jhansi; Glasgow, whose airport is Paisley's): a small
    # one only where its name is new, so that it hides no airport ("Midway") or island
    closed = _read_csv(_CLOSED)
    closed_short = {short for field in closed for _, short in _closed_names(field)}
    for town in towns.unclaimed(not_cities):
        known, hidden = b.names.get(town.key, []), False
        if (
            town.population >= _BIG_TOWN
            and not any(r.prose for r in known)
            and town.key not in closed_short
        ):
            # an open small airfield's short name, never read in prose alone, hides no city
            # of 100,000 ("Freiburg", not only Flugplatz Freiburg); a closed field's still
            # does, since reports of history mean the field ("Croydon")
            known = []
        if (
            known
            and town.population < _POPULOUS
            and town.key not in closed_short
            and not any(
                r.place.country == town.country and r.place.region == town.region for r in known
            )
        ):
            # a city of 15,000 or more is not hidden by a place of its name in another region:
            # Pasadena, Texas and California, beside Pasadena, Maryland, whose airport bears the
            # name; Kansas City, Kansas, across the river from Missouri's; Augusta, Sicily. The
            # region named after it ("Pasadena, California") or the route then chooses; it
            # follows the readings the name had, which stay first where nothing else is said
            known, hidden = [], True
        if known and (
            town.population < _POPULOUS
            or any(_near(r.place, town.position, members) for r in known)
        ):
            continue
        nearby = towns.airports_near(town, weight)
        if not nearby:
            continue
        region = own_region.get((town.key, town.country), town.region)
        place = Place(town.name, StopKind.CITY, town.country, region)
        members[place] = nearby
        tier = 0 if town.population >= _POPULOUS else 2
        mode = _TITLE if town.population >= _POPULOUS else _TOWN
        b.add(town.key, place, (_LAST_TIER if hidden else tier, weight[nearby[0].ident]), mode=mode)
        town.place = place
    _add_closed_fields(b, closed, towns, weight, members, not_cities)
    # a great city that gives its name to its region (Istanbul, Tokyo): the city, before the
    # region and the airports of its name, outside the US and Canada, whose states are not cities
    region_named = {
        (_cfold(p.name), p.country)
        for p in regions_by_code.values()
        if _cfold(p.name) not in country_keys
    }
    for town in towns.all:
        if (
            town.claimed
            or town.place is not None
            or (town.key, town.country) not in region_named
            or town.population < _GREAT_CITY
            or town.country in _FIRST_RANK_REGIONS
            or any(r.place.kind is StopKind.CITY for r in b.names.get(town.key, ()))
        ):
            continue
        nearby = towns.airports_near(town, weight)
        if not nearby:
            continue
        region = own_region.get((town.key, town.country), town.region)
        place = Place(town.name, StopKind.CITY, town.country, region)
        members[place] = nearby
        # first where two of its airports bear its name (Istanbul's IST and SAW); after the
        # airport that is the one to bear it (Incheon's), before the region
        named = [
            a for a in nearby if town.key in {_cfold(c) for c in _city_names(a.municipality, set())}
        ]
        # where the country's regions are well known (and rank before airports), still
        # before its region: "flew from Delhi" is the city, not the territory
        city_rank = 0 if len(named) >= 2 else 1.4 if town.country in _WELL_KNOWN_REGIONS else 2.5
        b.add(town.key, place, (city_rank, weight[nearby[0].ident]))
        town.place = place
    # their other names (Calcutta, Akyab, Leghorn), where the name is new or names only towns
    # a tenth the size (Calcutta, Western Cape): never over an airport's or another city's name
    population = {t.place: t.population for t in towns.all if t.place is not None}
    for town in towns.all:
        if town.place is None:
            continue
        served = weight[members[town.place][0].ident]
        for other in town.alternates:
            key = _cfold(other)
            if key == town.key or key in not_cities or not _ok_short(key):
                continue
            own = {a.ident for a in members[town.place]}
            existing = b.names.get(key, ())
            # "Bagdad" in a report of 1930: Bagdad, Arizona and its airfield are never read in
            # prose, so the great city's other name is
            if (existing and not any(r.prose for r in existing)) or all(
                r.rank[0] == _LAST_TIER  # a town offered only after the others ("Pasadena")
                or population.get(r.place, town.population) * 10 < town.population
                # "Frankfurt" is the short name of Frankfurt am Main's airport, and the city
                or (r.place.airport is not None and r.place.airport.ident in own)
                for r in b.names.get(key, ())
            ):
                b.add(key, town.place, (1 if town.population >= _POPULOUS else 3, served))

    # "Pago" for Pago Pago, "Wagga" for Wagga Wagga: a doubled name is said once, where the
    # single word names nothing else
    for key in [k for k in b.names if len(k.split()) == 2 and len(set(k.split())) == 1]:
        single = key.split()[0]
        if _ok_short(single) and single not in b.names:
            for reading in list(b.names[key]):
                b.add(
                    single,
                    reading.place,
                    (*reading.rank, 9),
                    mode=reading.mode,
                    prose=reading.prose,
                )
    # "Palm Beach" is a town in Queensland first, and Palm Beach International after it: an
    # airport's short name that is another place's comes last, for the route or a region
    # named beside it ("Palm Beach, Florida") to choose
    for key, ap in later:
        if key in b.names and not _contains(b.names[key], ap):
            b.add(key, airport_place[ap.ident], (5, weight[ap.ident]), prose=_in_prose(ap))

    # "Louth" in an outback log is the airstrip at Louth, New South Wales, as well as the town in
    # Lincolnshire: a small field named for a place the index knows is that name's last
    # reading, never matched in prose on its own, for the route around it to choose
    for row in strips:
        strip = table[row]
        parts = _cfold(strip.name).split()
        if len(parts) < 2 or parts[-1] not in _FIELD_WORDS:
            continue
        key = " ".join(parts[:-1])
        if key in b.names and key not in COMMON_WORDS:
            b.add(
                key,
                _airport_place(strip),
                (6, _airport_weight(strip, 99)),
                mode=_FIELD,
                prose=False,
            )

    # last, so that no other name of a larger place is kept out by a small town's
    _add_small_towns(
        b, _Towns(_read_csv(_SMALL_TOWNS), []), towns, weight, members, not_cities | set(tail)
    )

    # -- members of regions and countries ----------------------------------------------
    in_region: dict[str, list[Airport]] = defaultdict(list)
    in_country: dict[str, list[Airport]] = defaultdict(list)
    for ap in stored:
        in_region[ap.region].append(ap)
        in_country[ap.country].append(ap)
    for code, place in regions_by_code.items():
        members[place] = tuple(in_region.get(code, ()))
    for code, place in countries_by_code.items():
        members[place] = tuple(in_country.get(code, ()))

    # -- codes ---------------------------------------------------------------------------
    iata: dict[str, list[Place]] = defaultdict(list)
    icao: dict[str, list[Place]] = defaultdict(list)
    for ap in stored:
        place = airport_place[ap.ident]
        if ap.iata:
            iata[ap.iata].append(place)
        if ap.icao and (ap.country != "US" or ap.icao[0] in "KP"):
            icao[ap.icao].append(place)

    names = {key: _country_first(sorted(rs, key=_reading_order)) for key, rs in b.names.items()}
    blockers = frozenset(_cfold(p) for p in _BLOCKERS)
    ngram: dict[str, int] = {}
    fields = [k for k in tail if k not in names]
    for key in (*names, *blockers, *fields):
        first, *rest = key.split()
        if len(rest) < _MAX_NGRAM:
            ngram[first] = max(ngram.get(first, 0), len(rest) + 1)
    return _Index(
        names=names,
        blockers=blockers,
        iata={k: tuple(v) for k, v in iata.items()},
        icao={k: tuple(v) for k, v in icao.items()},
        members=members,
        regions_by_code=regions_by_code,
        countries_by_code=countries_by_code,
        state_abbreviations=state_abbreviations,
        tail={k: tuple(v) for k, v in tail.items() if k not in names},
        ngram=ngram,
        hubs={k: tuple(v) for k, v in hubs.items()},
    )


@dataclass
class _Town:
    """A row of ``cities.csv``: a GeoNames populated place."""

    key: str
    name: str
    alternates: tuple[str, ...]
    country: str
    region: str | None
    position: LatLon
    population: int
    claimed: bool = False
    place: Place | None = None


class _Towns:
    """The bundled towns, found by name and country or by position."""

    def __init__(self, rows: list[dict[str, str]], airports: list[Airport]) -> None:
        self.all = [
            _Town(
                _cfold(r["name"]),
                r["name"],
                tuple(a for a in r.get("alternates", "").split("|") if a),
                r["country"],
                r["region"] or None,
                LatLon(float(r["latitude"]), float(r["longitude"])),
                int(r["population"]),
            )
            for r in rows
        ]
        self.by_name: dict[tuple[str, str], list[_Town]] = defaultdict(list)
        for town in sorted(self.all, key=lambda t: -t.population):
            self.by_name[(town.key, town.country)].append(town)
        self.grid: dict[tuple[int, int], list[Airport]] = defaultdict(list)
        for ap in airports:
            self.grid[_cell(ap.position)].append(ap)

    def claim(self, key: str, country: str, where: LatLon) -> _Town | None:
        """The most populous town of this name and country near ``where``, marked as taken."""
        for town in self.by_name.get((key, country), ()):
            if _km(town.position, where) <= _CITY_CLUSTER_KM:
                town.claimed = True
                return town
        return None

    def unclaimed(self, not_cities: set[str]) -> list[_Town]:
        """Towns no airport's city took whose names may be read as towns."""
        return [
            t
            for t in self.all
            if not t.claimed
            and t.key not in not_cities
            and (len(t.key) >= 4 or t.population >= _POPULOUS)
            and not t.key.isdigit()
        ]

    def airports_near(
        self, town: _Town, weight: dict[str, tuple[int, int, int, float, str]]
    ) -> tuple[Airport, ...]:
        """The airports serving a town: those within 50 km by rank, else the nearest within 150."""
        lat, lon = _cell(town.position)
        around = [
            (_km(town.position, ap.position), ap)
            for dlat in (-1, 0, 1)
            for dlon in (-1, 0, 1)
            for ap in self.grid.get((lat + dlat, lon + dlon), ())
        ]
        close = sorted(
            (ap for d, ap in around if d <= _TOWN_AIRPORT_KM), key=lambda a: weight[a.ident]
        )
        if close:
            return tuple(close)
        return tuple(ap for d, ap in sorted(around, key=lambda x: x[0])[:3] if d <= 150.0)

    def airports_near_all(
        self, towns: list[_Town], weight: dict[str, tuple[int, int, int, float, str]]
    ) -> list[tuple[Airport, ...]]:
        """:meth:`airports_near` of many towns at once, one distance matrix per grid cell."""
        import numpy as np

        by_cell: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, town in enumerate(towns):
            by_cell[_cell(town.position)].append(i)
        out: list[tuple[Airport, ...]] = [()] * len(towns)
        for (lat, lon), members in by_cell.items():
            around = [
                ap
                for dlat in (-1, 0, 1)
                for dlon in (-1, 0, 1)
                for ap in self.grid.get((lat + dlat, lon + dlon), ())
            ]
            if not around:
                continue
            a_lat = np.radians([ap.position.lat for ap in around])[None, :]
            a_lon = np.radians([ap.position.lon for ap in around])[None, :]
            t_lat = np.radians([towns[i].position.lat for i in members])[:, None]
            t_lon = np.radians([towns[i].position.lon for i in members])[:, None]
            h = (
                np.sin((a_lat - t_lat) / 2) ** 2
                + np.cos(t_lat) * np.cos(a_lat) * np.sin((a_lon - t_lon) / 2) ** 2
            )
            km = 6371.0 * 2 * np.arcsin(np.minimum(1.0, np.sqrt(h)))
            for row, i in enumerate(members):
                close = sorted(
                    (around[j] for j in np.flatnonzero(km[row] <= _TOWN_AIRPORT_KM)),
                    key=lambda a: weight[a.ident],
                )
                if close:
                    out[i] = tuple(close)
                else:
                    nearest = np.argsort(km[row], kind="stable")[:3]
                    out[i] = tuple(around[j] for j in nearest if km[row, j] <= 150.0)
        return out


def _near(place: Place, where: LatLon, members: dict[Place, tuple[Airport, ...]]) -> bool:
    """Whether a place is at ``where``: an airport or city within a city's reach of it."""
    airports = (place.airport,) if place.airport is not None else members.get(place, ())
    if place.kind not in (StopKind.AIRPORT, StopKind.CITY):
        return False
    return any(_km(a.position, where) <= _CITY_CLUSTER_KM for a in airports)


def _cell(p: LatLon) -> tuple[int, int]:
    return math.floor(p.lat), math.floor(p.lon)


def _city_region(
    key: str,
    regions: set[str],
    region_keys: dict[str, set[str]],
    district: str | None = None,
    *,
    city_itself: bool = False,
) -> str | None:
    """The region of a city whose airports lie in ``regions``.

    ``district`` first when ``city_itself``: a region that is the city and no
    more ("Moscow (city)", "Minsk City"), though the city's airports lie in the
    province named for it (Moscow Oblast, Minsk Region). Else the region of
    the airports that bears the city's name, since a capital usually gives its
    name to the region around it (San Salvador's airports lie in the
    departments of San Salvador and La Paz; Seoul's in Seoul and Incheon).
    Failing that, ``district``: a region of the city's country named for the
    city alone ("Banjul City", "Lima Region"), which is the city itself even
    though its airport lies outside it (Banjul's, at Yundum, in West Coast
    Region). Failing that, the airports' one region, or none when they lie in
    several (Washington's in Virginia and Maryland, neither named Washington),
    in which case the caller takes the town's own region where it knows the town.

    >>> keys = {"RU-MOS": {"moscow"}, "RU-MOW": {"moscow"}}
    >>> _city_region("moscow", {"RU-MOS"}, keys, "RU-MOW", city_itself=True)
    'RU-MOW'
    >>> _city_region("moscow", {"RU-MOS"}, keys, "RU-MOW")
    'RU-MOS'
    """
    if city_itself and district is not None:
        return district
    named = [code for code in regions if key in region_keys.get(code, ())]
    if len(named) == 1:
        return named[0]
    if district is not None:
        return district
    if len(regions) == 1:
        return next(iter(regions)) or None
    return None


def _region_name(name: str) -> str:
    """A region's everyday name: "Liaoning Province" -> "Liaoning", "México (state)" -> "México"."""
    short = re.sub(r"\s*\((?:state|disputed)\)$", "", name)
    for suffix in _REGION_SUFFIXES:
        words = short.split()
        if len(words) > 1 and _cfold(short).endswith(" " + suffix):
            short = " ".join(words[: len(words) - len(suffix.split())])
            break
    return short


def _keyword_is_name(keyword: str) -> bool:
    """Whether an OurAirports keyword is a name (not a code or a number)."""
    k = keyword.strip()
    return len(k) >= 4 and any(c.islower() for c in k) and not any(c.isdigit() for c in k)


def _contains(readings: Iterable[_Reading], airport: Airport) -> bool:
    """Whether some reading is a place that contains the airport."""
    for r in readings:
        p = r.place
        if (
            p.kind is StopKind.AIRPORT
            and p.airport is not None
            and p.airport.ident == airport.ident
        ):
            return True
        if (
            p.kind is StopKind.CITY
            and p.country == airport.country
            and p.region in (None, airport.region)
            and _cfold(p.name) in {_cfold(c) for c in _city_names(airport.municipality, set())}
        ):
            return True
        if p.kind is StopKind.REGION and p.region == airport.region:
            return True
        if p.kind is StopKind.COUNTRY and p.country == airport.country and not r.demonym:
            return True
    return False


_KIND_ORDER: Final = {
    StopKind.CITY: 0,
    StopKind.AIRPORT: 1,
    StopKind.REGION: 2,
    StopKind.COUNTRY: 3,
}


def _country_first(readings: list[_Reading]) -> tuple[_Reading, ...]:
    """A country's name is the country before a town of that name in another country.

    "Armenia" is the country, then Armenia, Quindío (Colombia); "Singapore" stays the
    city of Singapore, in the country of that name.
    """
    countries = [r for r in readings if r.place.kind is StopKind.COUNTRY and not r.demonym]
    if countries and readings[0].place.kind is StopKind.CITY:
        first = countries[0]
        if first.place.country != readings[0].place.country:
            return (first, *(r for r in readings if r is not first))
    return tuple(readings)


def _reading_order(r: _Reading) -> tuple[Any, ...]:
    return (r.rank[0], _KIND_ORDER[r.place.kind], r.rank[1:], r.place.name, r.place.region or "")
