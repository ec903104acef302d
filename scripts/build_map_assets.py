"""Vendor the JavaScript, CSS and basemap that make flightlegs maps work with no network.

Writes ``data/web/`` from npm packages, pinned below:

* Leaflet, jQuery (folium's popups are built with ``$(...)``), Leaflet.fullscreen and
  leaflet-measure: the exact versions folium 0.20 links from CDNs, with the images their
  CSS names put inline as ``data:`` URIs, so each stylesheet is one self-contained file;
* ``basemap.json``: Natural Earth's land and country borders at 1:50m (public domain),
  from the ``world-atlas`` package's TopoJSON, decoded, simplified arc by arc (so land
  and borders stay joined) and stored as integer deltas of 1/100 degree;
* ``SOURCE.json``: each package's version, licence, tarball integrity and file hashes,
  and the build date; ``LICENSES.txt``: every package's licence text.

The npm packages are installed into a temporary folder with ``npm install`` (no install
scripts run), or read from ``--node-modules DIR``. The output is deterministic: only the
``built`` date changes (set ``SOURCE_DATE_EPOCH`` to pin it).

Usage::

    python scripts/build_map_assets.py
    python scripts/build_map_assets.py --node-modules tests/browser/node_modules
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "web"

# Degrees a simplified arc may stray from Natural Earth's 1:50m line: 4 km, a pixel or
# two at the zoom levels a route's map opens at.
SIMPLIFY_DEG = 0.04
# Basemap coordinates are stored as whole multiples of 1/QUANTUM degree (about 1 km).
QUANTUM = 100


@dataclass(frozen=True, slots=True)
class Package:
    """An npm package and the files taken from it."""

    name: str
    version: str
    licence_file: str
    files: dict[str, str]  # output name -> path inside the package
    homepage: str


PACKAGES = (
    Package(
        "leaflet",
        "1.9.3",
        "LICENSE",
        {"leaflet.js": "dist/leaflet.js", "leaflet.css": "dist/leaflet.css"},
        "https://leafletjs.com/",
    ),
    Package(
        "jquery",
        "3.7.1",
        "LICENSE.txt",
        {"jquery.min.js": "dist/jquery.min.js"},
        "https://jquery.com/",
    ),
    Package(
        "leaflet.fullscreen",
        "3.0.0",
        "LICENSE",
        {
            "leaflet.fullscreen.js": "Control.FullScreen.js",
            "leaflet.fullscreen.css": "Control.FullScreen.css",
        },
        "https://github.com/brunob/leaflet.fullscreen",
    ),
    Package(
        "leaflet-measure",
        "2.1.7",
        "LICENSE",
        {
            "leaflet-measure.js": "dist/leaflet-measure.min.js",
            "leaflet-measure.css": "dist/leaflet-measure.css",
        },
        "https://github.com/ljagis/leaflet-measure",
    ),
    Package(
        "world-atlas",
        "2.0.2",
        "LICENSE",
        {},  # only read: basemap.json is built from countries-50m.json
        "https://github.com/topojson/world-atlas",
    ),
)
BASEMAP_SOURCE = "countries-50m.json"
NATURAL_EARTH = {
    "name": "Natural Earth 1:50m Admin 0 countries (land merged from them), version 4.1.0",
    "url": "https://www.naturalearthdata.com/downloads/50m-cultural-vectors/",
    "licence": "Public domain (https://www.naturalearthdata.com/about/terms-of-use/)",
}

_CSS_URL = re.compile(r"url\((['\"]?)([^)'\"]+)\1\)")
_MIME = {".png": "image/png", ".svg": "image/svg+xml", ".gif": "image/gif"}


def install(packages: Iterable[Package], folder: Path) -> Path:
    """``npm install`` the pinned packages into ``folder``; return its node_modules."""
    (folder / "package.json").write_text('{"private": true}\n', encoding="utf-8")
    specs = [f"{p.name}@{p.version}" for p in packages]
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-save", *specs],
        cwd=folder,
        check=True,
    )
    return folder / "node_modules"


def package_folder(node_modules: Path, package: Package) -> Path:
    folder = node_modules / package.name
    meta = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    if meta["version"] != package.version:
        raise SystemExit(f"{folder}: version {meta['version']}, expected {package.version}")
    return folder


def integrity(node_modules: Path, package: Package) -> str | None:
    """The registry's hash of the package tarball, as npm recorded it when installing."""
    lock = node_modules / ".package-lock.json"
    if not lock.is_file():
        return None
    entries = json.loads(lock.read_text(encoding="utf-8")).get("packages", {})
    found: str | None = entries.get(f"node_modules/{package.name}", {}).get("integrity")
    return found


def inline_css_urls(css: str, base: Path) -> str:
    """Put each image a stylesheet names into it as a ``data:`` URI."""

    def replace(match: re.Match[str]) -> str:
        target = match.group(2)
        if target.startswith(("data:", "#")):  # already inline, or IE's VML behaviour
            return match.group(0)
        path = base / target
        mime = _MIME.get(path.suffix.lower())
        if mime is None or not path.is_file():
            raise SystemExit(f"{base}: stylesheet names {target!r}, which cannot be inlined")
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f'url("data:{mime};base64,{data}")'

    return _CSS_URL.sub(replace, css)


def vendor(package: Package, folder: Path, out: Path) -> dict[str, str]:
    """Copy the package's files to ``out``; return each output file's sha256."""
    hashes = {}
    for name, relative in package.files.items():
        source = folder / relative
        data = source.read_bytes()
        if name.endswith(".css"):
            data = inline_css_urls(data.decode("utf-8"), source.parent).encode("utf-8")
        (out / name).write_bytes(data)
        hashes[name] = hashlib.sha256(data).hexdigest()
    return hashes


# ---------------------------------------------------------------------- the basemap


def decode_arcs(topology: dict[str, Any]) -> list[np.ndarray]:
    """The topology's arcs as ``(n, 2)`` lon/lat arrays (TopoJSON spec, section 2.1.3)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        points = np.cumsum(np.asarray(arc, dtype=np.float64), axis=0)
        points[:, 0] = points[:, 0] * sx + tx
        points[:, 1] = points[:, 1] * sy + ty
        arcs.append(points)
    return arcs


def simplified(arc: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas-Peucker, keeping both ends, so arcs that meet still meet."""
    if len(arc) <= 2:
        return arc
    return np.asarray(shapely.LineString(arc).simplify(tolerance, preserve_topology=False).coords)


def polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    """The arc indexes of each polygon's rings."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def ring_points(arcs: list[np.ndarray], indexes: list[int]) -> np.ndarray:
    # a negative index ~i means arc i reversed; consecutive arcs share their end point
    parts = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in indexes]
    return np.vstack([parts[0], *(p[1:] for p in parts[1:])])


def continuous(ring: np.ndarray) -> np.ndarray:
    """A ring whose longitudes never jump by more than 180 degrees.

    Natural Earth cuts land at the antimeridian: Chukotka's ring jumps from 179.9 to
    -180 and back, which a map draws as an edge across the whole world. Unwrapped,
    the ring runs on past 180. Antarctica's ring goes once round the pole; it is
    closed along the pole's latitude instead.
    """
    points = ring.copy()
    points[:, 0] = np.rad2deg(np.unwrap(np.deg2rad(points[:, 0])))
    drift = points[-1, 0] - points[0, 0]
    if abs(drift) > 180.0:  # round a pole: close the ring through it
        pole = -90.0 if points[:, 1].mean() < 0 else 90.0
        points = np.vstack([points, [[points[-1, 0], pole], [points[0, 0], pole]]])
    return points


def encoded(points: np.ndarray) -> list[int]:
    """Flat ``[lon0, lat0, dlon1, dlat1, ...]`` in 1/QUANTUM degree, repeated points dropped."""
    whole = np.round(points * QUANTUM).astype(np.int64)
    deltas = np.vstack([whole[:1], np.diff(whole, axis=0)])
    keep = np.any(deltas != 0, axis=1)
    keep[0] = True
    return [int(v) for v in deltas[keep].ravel()]


def basemap(topology: dict[str, Any]) -> dict[str, Any]:
    """Land rings (even-odd fill) and the borders between countries."""
    arcs = [simplified(a, SIMPLIFY_DEG) for a in decode_arcs(topology)]
    land = []
    for geometry in topology["objects"]["land"]["geometries"]:
        for polygon in polygons(geometry):
            for ring in polygon:
                points = encoded(continuous(ring_points(arcs, ring)))
                if len(points) >= 8:  # a ring of fewer than four points draws nothing
                    land.append(points)
    # a border is an arc that two countries share (topojson.mesh with a !== b)
    users: dict[int, set[int]] = {}
    for number, geometry in enumerate(topology["objects"]["countries"]["geometries"]):
        for polygon in polygons(geometry):
            for ring in polygon:
                for index in ring:
                    users.setdefault(index if index >= 0 else ~index, set()).add(number)
    borders = [encoded(arcs[i]) for i in sorted(users) if len(users[i]) > 1]
    return {
        "about": "Natural Earth 1:50m land and country borders, public domain; "
        "flat [lon, lat, dlon, dlat, ...] in 1/100 degree",
        "quantum": QUANTUM,
        "land": land,
        "borders": borders,
    }


# ---------------------------------------------------------------------- main


def build(node_modules: Path, out: Path) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    sources = []
    licences = []
    for package in PACKAGES:
        folder = package_folder(node_modules, package)
        meta = json.loads((folder / "package.json").read_text(encoding="utf-8"))
        hashes = vendor(package, folder, out)
        if package.name == "world-atlas":
            topology = json.loads((folder / BASEMAP_SOURCE).read_text(encoding="utf-8"))
            data = json.dumps(basemap(topology), separators=(",", ":")).encode("utf-8")
            (out / "basemap.json").write_bytes(data + b"\n")
            hashes["basemap.json"] = hashlib.sha256(data + b"\n").hexdigest()
        entry = {
            "package": f"{package.name}@{package.version}",
            "licence": meta["license"],
            "homepage": package.homepage,
            "integrity": integrity(node_modules, package),
            "files": hashes,
        }
        if package.name == "world-atlas":
            entry["data"] = {
                **NATURAL_EARTH,
                "from": BASEMAP_SOURCE,
                "simplified_deg": SIMPLIFY_DEG,
                "quantum_deg": 1 / QUANTUM,
            }
        sources.append(entry)
        text = (folder / package.licence_file).read_text(encoding="utf-8").strip()
        licences.append(f"{package.name} {package.version} ({meta['license']})\n\n{text}\n")
    (out / "LICENSES.txt").write_text(
        "Licences of the files in data/web/ (see SOURCE.json for which file came from where)\n\n"
        + "\n\n".join(licences)
        + f"\n\nbasemap.json: {NATURAL_EARTH['name']}. {NATURAL_EARTH['licence']}.\n",
        encoding="utf-8",
    )
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    built = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()
    source = {"built": built.isoformat(), "builder": "scripts/build_map_assets.py"}
    source["packages"] = sources  # type: ignore[assignment]
    (out / "SOURCE.json").write_text(json.dumps(source, indent=2) + "\n", encoding="utf-8")
    return source


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--node-modules", type=Path, help="read the packages from here")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="default: data/web")
    args = parser.parse_args(argv)
    if args.node_modules:
        source = build(args.node_modules, args.out)
    else:
        with tempfile.TemporaryDirectory() as scratch:
            source = build(install(PACKAGES, Path(scratch)), args.out)
    for entry in source["packages"]:
        for name in entry["files"]:
            size = (args.out / name).stat().st_size
            print(f"{name:<24} {size / 1000:8.1f} kB  from {entry['package']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
