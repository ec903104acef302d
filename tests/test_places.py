"""Ranking candidate airports, building stops, and the resolvers' shared contract."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from flightlegs.core.geodesy import LatLon, distance_m
from flightlegs.core.route import Evidence, StopKind
from flightlegs.errors import AmbiguousPlaceError, GeocoderError, InputError, UnknownPlaceError
from flightlegs.geocode.online import GeopyResolver
from flightlegs.geocode.rank import CITY_RADIUS_KM, rank_candidates, stop_for_place
from flightlegs.geocode.resolvers import OfflineResolver, Resolver, make_resolver
from flightlegs.geocode.snap import nearest_airports
from flightlegs.reference.airports import is_jet_usable
from flightlegs.reference.gazetteer.index import gazetteer
from flightlegs.reference.gazetteer.places import Place
from tests.offline_geocoder import OfflineGeocoder


def place(name: str, index: int = 0) -> Place:
    return gazetteer().lookup(name)[index]


def codes(name: str, limit: int = 8) -> list[str]:
    return [a.code for a in rank_candidates(place(name), limit=limit)[0]]


# --------------------------------------------------------------------------- ranking


def test_arizona_means_mesa_gateway_the_ice_air_hub() -> None:
    airports, reason = rank_candidates(place("Arizona"))
    assert airports[0].code == "AZA"
    assert "PHX" in [a.code for a in airports]
    assert reason.startswith("Arizona: Phoenix–Mesa Gateway Airport (AZA), the ICE Air charter hub")
    assert "ktar.com" in reason  # the source is cited
    assert "7 other candidates" in reason


def test_texas_is_vague_with_the_hubs_first() -> None:
    found = codes("Texas")
    assert len(found) == 8
    assert set(found[:4]) == {"SAT", "HRL", "ELP", "BRO"}
    assert {"DFW", "IAH"} <= set(found)


def test_shenyang_is_a_city_with_taoxian_first() -> None:
    airports, reason = rank_candidates(place("Shenyang"))
    assert airports[0].code == "SHE"
    assert reason.startswith("Shenyang: Shenyang Taoxian International Airport (SHE)")


def test_south_korea_means_incheon_first() -> None:
    assert codes("South Korea")[:2] == ["ICN", "GMP"]


def test_a_city_includes_airports_nearby() -> None:
    # Mesa's own airports, then Sky Harbor, about 32 km from Mesa Gateway
    found = codes("Mesa")
    assert found[:2] == ["AZA", "MSC"]
    assert "PHX" in found
    aza = rank_candidates(place("Mesa"))[0][0]
    for a in rank_candidates(place("Mesa"))[0]:
        if a.municipality != "Mesa":
            assert distance_m(aza.position, a.position) <= CITY_RADIUS_KM * 1000


def test_candidates_are_usable_by_jets() -> None:
    for name in ("Texas", "Alaska", "Iceland", "Guatemala", "Liaoning"):
        airports, _ = rank_candidates(place(name))
        assert airports
        assert all(is_jet_usable(a) for a in airports), name


def test_a_region_without_jet_runways_still_has_candidates() -> None:
    # Pitcairn has no airport at all; Tokelau none either: honest empty answers
    airports, reason = rank_candidates(gazetteer().country("PN"))
    assert airports == ()
    assert "no airport" in reason


def test_an_airport_is_its_own_only_candidate() -> None:
    airports, reason = rank_candidates(place("Mesa Gateway"))
    assert [a.code for a in airports] == ["AZA"]
    assert "named directly" in reason


@pytest.mark.parametrize("limit", [1, 3])
def test_limit(limit: int) -> None:
    assert len(codes("Texas", limit=limit)) == limit


@pytest.mark.parametrize("limit", [0, -1, 2.5, True])
def test_bad_limit(limit: Any) -> None:
    with pytest.raises(InputError, match="limit"):
        rank_candidates(place("Texas"), limit=limit)


def test_hub_table_cites_a_source_for_every_row() -> None:
    import csv

    from flightlegs.core.files import data_path

    with data_path("operator_hubs.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    table = {a.iata for a in gazetteer().airports() if a.iata}
    for row in rows:
        assert set(row) == {"region", "iata", "operator", "source", "note"}
        assert "https://" in row["source"]
        assert row["iata"] in table
        airport = next(a for a in gazetteer().airports() if a.iata == row["iata"])
        assert airport.region == row["region"]


# --------------------------------------------------------------------------- stops


def test_stop_for_a_city_within_a_country() -> None:
    evidence = Evidence("landed in the Chinese city of Shenyang", 31, 39)
    stop = stop_for_place(place("Shenyang"), "Shenyang", evidence=evidence, within=place("China"))
    assert (stop.kind, stop.code, stop.country, stop.region) == (
        StopKind.CITY,
        "SHE",
        "CN",
        "CN-LN",
    )
    assert stop.evidence == evidence
    assert stop.reason


def test_stop_for_a_country_level_return() -> None:
    stop = stop_for_place(place("the US"), "the US", is_return=True)
    assert stop.is_return
    assert stop.kind is StopKind.COUNTRY
    assert stop.is_vague
    assert stop.code == "AZA"


def test_within_narrows_a_city_to_the_right_one() -> None:
    alexandria = place("Alexandria")
    egypt = stop_for_place(alexandria, "Alexandria", within=gazetteer().country("EG"))
    # the best reading is Louisiana's; Egypt's airports are not in it, so it stays and says so
    assert egypt.code == "AEX"
    assert "none lies in Egypt" in egypt.reason


def test_stop_for_an_airport() -> None:
    stop = stop_for_place(place("Incheon"), "Incheon")
    assert (stop.kind, stop.code, stop.is_vague) == (StopKind.AIRPORT, "ICN", False)


# --------------------------------------------------------------------------- resolvers


class FakeGeocoder:
    """A stand-in for a geopy geocoder: canned Nominatim-style answers, no network."""

    answers: ClassVar[dict[str, tuple[tuple[float, float], dict[str, Any]]]] = {
        "shenyang": (
            (41.8057, 123.4315),
            {"addresstype": "city", "address": {"country_code": "cn"}},
        ),
        "south korea": (
            (36.638, 127.6961),
            {"addresstype": "country", "address": {"country_code": "kr"}},
        ),
        "texas": (
            (31.2639, -98.5456),
            {"addresstype": "state", "address": {"ISO3166-2-lvl4": "US-TX", "country_code": "us"}},
        ),
        "elp": (
            (31.8072, -106.378),
            {"class": "aeroway", "type": "aerodrome", "addresstype": "aeroway"},
        ),
        "mesa gateway": (
            (33.3078, -111.655),
            {"class": "aeroway", "type": "aerodrome"},
        ),
    }

    def __init__(self) -> None:
        self.calls: list[str] = []

    def geocode(self, query: str, exactly_one: bool = True, **kwargs: Any) -> Location | None:
        self.calls.append(query)
        found = self.answers.get(query.casefold())
        if found is None:
            return None
        point, raw = found
        return Location(query.title(), point, raw)


@pytest.fixture(params=["offline", "geopy-fake", "geopy-offline"])
def resolver(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Resolver]:
    if request.param == "offline":
        yield OfflineResolver()
    elif request.param == "geopy-fake":
        yield GeopyResolver(FakeGeocoder(), min_delay_seconds=0, cache_dir=tmp_path)
    else:
        yield GeopyResolver(OfflineGeocoder(), min_delay_seconds=0, cache_dir=tmp_path)


@pytest.mark.parametrize(
    ("name", "kind", "first"),
    [
        ("Shenyang", StopKind.CITY, "SHE"),
        ("South Korea", StopKind.COUNTRY, "ICN"),
        ("Texas", StopKind.REGION, "SAT"),
        ("ELP", StopKind.AIRPORT, "ELP"),
        ("Mesa Gateway", StopKind.AIRPORT, "AZA"),
    ],
)
def test_resolver_contract(resolver: Resolver, name: str, kind: StopKind, first: str) -> None:
    """Every resolver: the right kind, the right best guess, evidence kept, a reason given."""
    assert isinstance(resolver, Resolver)
    evidence = Evidence(f"a stop at {name}", 10, 10 + len(name))
    stop = resolver.resolve(name, evidence=evidence)
    assert stop.kind is kind
    assert stop.code == first
    assert stop.name == name
    assert stop.evidence == evidence
    assert stop.reason
    assert len(stop.candidates) <= 8
    if kind is StopKind.AIRPORT:
        assert len(stop.candidates) == 1


def test_resolver_contract_unknown(resolver: Resolver) -> None:
    with pytest.raises(UnknownPlaceError) as err:
        resolver.resolve("Shenyan Nowhereville")
    assert isinstance(err.value, LookupError)


@pytest.mark.parametrize("bad", ["", "   ", "x" * 301])
def test_resolver_contract_bad_names(resolver: Resolver, bad: str) -> None:
    with pytest.raises(InputError):
        resolver.resolve(bad)


def test_offline_resolver_codes_and_qualified_names() -> None:
    r = OfflineResolver()
    assert r.resolve("KIWA").code == "AZA"
    assert r.resolve("elp").code == "ELP"  # codes in any case, after names
    assert r.resolve("El Paso, TX").code == "ELP"
    alexandria = r.resolve("Alexandria, Egypt")
    assert (alexandria.country, alexandria.code) == ("EG", "HBE")
    with pytest.raises(AmbiguousPlaceError):
        r.resolve("DZI")  # two airports, 60 km apart, share it
    with pytest.raises(UnknownPlaceError, match="Arizona"):
        r.resolve("Arizonaa")


def test_geopy_resolver_rate_limits_and_caches(tmp_path: Path) -> None:
    fake = FakeGeocoder()
    resolver = GeopyResolver(fake, min_delay_seconds=0, cache_dir=tmp_path)
    assert isinstance(resolver._geocode, RateLimiter)
    first = resolver.resolve("Shenyang")
    second = resolver.resolve("Shenyang")
    assert first == second
    assert fake.calls == ["Shenyang"]

    cache = json.loads(resolver.cache_path.read_text(encoding="utf-8"))
    assert "shenyang" in cache["answers"]

    fresh_fake = FakeGeocoder()
    again = GeopyResolver(fresh_fake, min_delay_seconds=0, cache_dir=tmp_path)
    assert again.resolve("Shenyang").code == "SHE"
    assert fresh_fake.calls == []  # answered from the file


def test_geopy_resolver_caches_not_found(tmp_path: Path) -> None:
    fake = FakeGeocoder()
    resolver = GeopyResolver(fake, min_delay_seconds=0, cache_dir=tmp_path)
    for _ in range(2):
        with pytest.raises(UnknownPlaceError):
            resolver.resolve("Atlantis")
    assert fake.calls == ["Atlantis"]


def test_geopy_resolver_unwritable_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    resolver = GeopyResolver(FakeGeocoder(), min_delay_seconds=0, cache_dir=blocker / "sub")
    assert resolver.resolve("Shenyang").code == "SHE"


def test_geopy_errors_become_geocoder_errors(tmp_path: Path) -> None:
    from geopy.exc import GeocoderServiceError

    class Broken:
        def geocode(self, query: str, exactly_one: bool = True) -> Location:
            raise GeocoderServiceError("HTTP Error 403: Forbidden")

    resolver = GeopyResolver(Broken(), min_delay_seconds=0, cache_dir=tmp_path)
    resolver._geocode.error_wait_seconds = 0
    with pytest.raises(GeocoderError, match="403"):
        resolver.resolve("Shenyang")


def test_geopy_resolver_refuses_non_geocoders() -> None:
    with pytest.raises(InputError, match="not a geocoder"):
        GeopyResolver(object())


def test_geopy_resolver_builds_a_geocoder_class_with_a_user_agent(tmp_path: Path) -> None:
    class NeedsAgent(FakeGeocoder):
        def __init__(self, user_agent: str) -> None:
            super().__init__()
            self.user_agent = user_agent

    resolver = GeopyResolver(NeedsAgent, min_delay_seconds=0, cache_dir=tmp_path)
    assert resolver.geocoder.user_agent.startswith("flightlegs/")


def test_offline_geocoder_behind_a_rate_limiter() -> None:
    geocode = RateLimiter(OfflineGeocoder().geocode, min_delay_seconds=0)
    loc = geocode("Arizona")
    assert isinstance(loc, Location)
    assert loc.raw["kind"] == "region"
    assert loc.raw["region"] == "US-AZ"
    assert loc.raw["best"] == "AZA"
    assert loc.raw["iata"] is None
    many = OfflineGeocoder().geocode("Georgia", exactly_one=False)
    assert isinstance(many, list)
    assert [x.raw["kind"] for x in many] == ["region", "country"]
    assert OfflineGeocoder().geocode("Nowhere Special", exactly_one=False) == []


def test_nearest_airports() -> None:
    found = nearest_airports(LatLon(61.2181, -149.9003), k=3)  # downtown Anchorage
    assert {a.code for a, _ in found} == {"ANC", "MRI", "EDF"}
    distances = [d for _, d in found]
    assert distances == sorted(distances)


def test_make_resolver() -> None:
    assert isinstance(make_resolver(None), OfflineResolver)
    assert isinstance(make_resolver("Offline"), OfflineResolver)
    nominatim = make_resolver("nominatim", cache_dir="/nonexistent/never-written")
    assert isinstance(nominatim, GeopyResolver)
    assert nominatim.geocoder.headers["User-Agent"].startswith("flightlegs/")
    with pytest.raises(InputError, match="unknown resolver"):
        make_resolver("bing")


@pytest.mark.network
def test_real_nominatim(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    if "network" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("needs the internet: run with -m network")
    resolver = make_resolver("nominatim", cache_dir=tmp_path)
    stop = resolver.resolve("Shenyang, China")
    assert stop.code == "SHE"
