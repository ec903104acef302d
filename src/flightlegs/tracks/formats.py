r"""Track file readers, each picked from the file's content, never its name.

Supported (facts on each in the README's "Tracks" section):

- OpenSky state vectors: the historical CSV or Parquet columns
  (``time,icao24,lat,lon,velocity,...,baroaltitude,geoaltitude,lastposupdate,lastcontact``),
  the REST ``/states/all`` JSON (one response, a list of them, or JSON lines), and
  the JSON records that ``traffic`` writes (``timestamp`` in ms, ``altitude`` in ft,
  ``groundspeed`` in kt);
- readsb / ADS-B Exchange / adsb.lol ``trace_full`` and ``trace_recent`` JSON;
- Flightradar24 CSV exports and flight playback JSON;
- the plain CSV or Parquet of flightlegs, whose columns are the field names of
  :data:`~flightlegs.tracks.points.CANONICAL_COLUMNS` with units ft, kt, ft/min,
  and ``time`` in ISO 8601 UTC or Unix seconds.

Any of them may be gzip-compressed. Every reader only maps the format's columns
to the canonical fields with their documented units; the conversion is done in
:func:`~flightlegs.tracks.points.points_from_columns`.

Examples
--------
>>> text = b"Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction\n"
>>> text += b'1712400187,2024-04-06T10:43:07Z,EDW24,"47.45,8.55",0,12,185\n'
>>> track = read_track_bytes(text, "export.csv")
>>> track.format, track.points.groundspeed_kt.tolist(), track.points.onground.tolist()
('fr24-csv', [12.0], [1])
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np

from flightlegs.errors import InputError, MissingDependencyError
from flightlegs.tracks.points import (
    STALE_AFTER_S,
    AircraftInfo,
    RawColumn,
    ReadCounts,
    TrackPoints,
    points_from_columns,
)

__all__ = [
    "MAX_TRACK_BYTES",
    "TrackFile",
    "columns_of_table",
    "is_track_file",
    "read_track_bytes",
    "read_track_file",
]

#: Largest file read whole; larger inputs go through ``--engine dask``.
MAX_TRACK_BYTES: Final = 2 * 1024**3


@dataclass(frozen=True, slots=True)
class TrackFile:
    """A track file as read.

    Attributes
    ----------
    source
        The file's name.
    format
        The format recognised (``opensky-csv``, ``opensky-rest``, ``traffic-json``,
        ``readsb-trace``, ``fr24-csv``, ``fr24-json``, ``plain-csv``, ``parquet``...).
    points
        The usable points, sorted by aircraft and time.
    counts
        Rows read and dropped.
    aircraft
        What the file says about each aircraft, by address.
    """

    source: str
    format: str
    points: TrackPoints
    counts: ReadCounts
    aircraft: Mapping[str, AircraftInfo]


#: Keys whose presence near the start of a JSON file marks it as a track.
_JSON_MARKS: Final = ('"trace"', '"states"', '"result"', '"latitude"', '"lat"')


def is_track_file(path: Path | str) -> bool:
    r"""Whether a file looks like a track, judged from its first 64 KiB.

    For the commands that take both routes and tracks.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = f.write_text("time,icao24,lat,lon,velocity,baroaltitude\n")
    >>> is_track_file(f), is_track_file(f.parent / "missing.csv")
    (True, False)
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(65536)
    except (OSError, ValueError):  # ValueError: a NUL byte in the name
        return False
    if head[:2] == b"\x1f\x8b":
        try:
            head = gzip.GzipFile(fileobj=io.BytesIO(head)).read(65536)
        except (OSError, EOFError):
            head = b""
    if head[:4] == b"PAR1":
        return True
    text = head.decode("utf-8-sig", errors="replace").lstrip()
    if text[:1] in ("{", "["):
        return any(mark in text for mark in _JSON_MARKS) and '"stops"' not in text
    first_line = text.splitlines()[0] if text else ""
    return _scheme(next(csv.reader([first_line]), [])) is not None


def read_track_file(path: Path | str) -> TrackFile:
    """Read a track file in any supported format.

    Raises
    ------
    InputError
        When the file cannot be read or is in no supported format; the message
        names the file and what was expected.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_TRACK_BYTES:
            raise InputError(
                f"{path}: {size:,} bytes is more than one file read whole "
                f"({MAX_TRACK_BYTES:,}); use --engine dask on Parquet"
            )
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    return read_track_bytes(data, str(path))


def read_track_bytes(data: bytes, source: str = "<bytes>") -> TrackFile:
    """Read a track from the bytes of a file, recognising the format from the content."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as err:
            raise InputError(f"{source}: damaged gzip data ({err})") from None
    if data[:4] == b"PAR1":
        return _read_parquet(data, source)
    text = data.decode("utf-8-sig", errors="replace")
    head = text.lstrip()[:1]
    if head in ("{", "["):
        return _read_json(text, source)
    if not head:
        raise InputError(f"{source}: empty file; expected a track (CSV, JSON or Parquet)")
    return _read_csv(text, source)


# -- JSON -------------------------------------------------------------------------------


def _read_json(text: str, source: str) -> TrackFile:
    try:
        doc: Any = json.loads(text)
    except json.JSONDecodeError as err:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        try:  # JSON lines: one REST response or one record per line
            doc = [json.loads(ln) for ln in lines]
        except json.JSONDecodeError:
            raise InputError(f"{source}: line {err.lineno}: not valid JSON ({err.msg})") from None
    if isinstance(doc, dict) and "trace" in doc:
        return _read_readsb(doc, source)
    if isinstance(doc, dict) and "states" in doc:
        return _read_opensky_rest([doc], source)
    if isinstance(doc, dict) and isinstance(doc.get("result"), dict):
        return _read_fr24_json(doc, source)
    if isinstance(doc, list) and doc and all(isinstance(d, dict) and "states" in d for d in doc):
        return _read_opensky_rest(doc, source)
    if isinstance(doc, list) and all(isinstance(d, dict) for d in doc):
        records = _records_to_columns(doc)
        return _from_table(records, source, "json")
    if isinstance(doc, dict) and all(isinstance(v, dict | list) for v in doc.values()):
        # pandas' orient="columns" / "list": {column: {row: value}} or {column: [values]}
        cols = {k: list(v.values()) if isinstance(v, dict) else v for k, v in doc.items()}
        return _from_table(cols, source, "json")
    raise InputError(
        f"{source}: JSON that is no known track format; expected readsb trace "
        "('trace'), OpenSky REST ('states'), Flightradar24 playback ('result') "
        "or a list of records"
    )


def _records_to_columns(records: list[dict[str, Any]]) -> dict[str, list[Any]]:
    names: dict[str, None] = {}
    for rec in records[:1000]:
        names.update(dict.fromkeys(rec))
    return {name: [rec.get(name) for rec in records] for name in names}


def _read_readsb(doc: Mapping[str, Any], source: str) -> TrackFile:
    """Readsb ``trace_full``/``trace_recent``: points are arrays read by index."""
    icao = str(doc.get("icao", "")).strip().lower()
    if not icao:
        raise InputError(f"{source}: readsb trace without 'icao'; expected the aircraft's address")
    try:
        base = float(doc.get("timestamp", 0.0))
    except (TypeError, ValueError):
        raise InputError(
            f"{source}: readsb 'timestamp' {doc.get('timestamp')!r} is not a number"
        ) from None
    trace = doc.get("trace") or []
    if not isinstance(trace, list):
        raise InputError(f"{source}: readsb 'trace' is not a list of points")
    width = 14
    rows = [list(p[:width]) + [None] * (width - len(p)) for p in trace if isinstance(p, list)]
    bad_shape = len(trace) - len(rows)
    cols = list(zip(*rows, strict=True)) if rows else [()] * width
    alt_raw = cols[3]
    on_ground = np.array([a == "ground" for a in alt_raw], dtype=bool)
    flags = np.array([f if isinstance(f, int) else 0 for f in cols[6]], dtype=np.int64)
    alt = np.array(
        [a if isinstance(a, int | float) and not isinstance(a, bool) else np.nan for a in alt_raw],
        dtype=np.float64,
    )
    geo = np.array([np.nan if g is None else g for g in cols[10]], dtype=object)
    geo_ft = np.array([float(g) if isinstance(g, int | float) else np.nan for g in geo])
    # flag 8: the altitude field is geometric, not barometric
    is_geo = (flags & 8) != 0
    geo_ft = np.where(is_geo & np.isnan(geo_ft), alt, geo_ft)
    alt = np.where(is_geo, np.nan, alt)
    callsign: list[str | None] = []
    last: str | None = None
    for details in cols[8]:
        if isinstance(details, dict) and str(details.get("flight") or "").strip():
            last = str(details["flight"]).strip()
        callsign.append(last)  # the details object comes now and then: carry it forward
    columns: dict[str, RawColumn] = {
        "time": (np.array([_num(t) for t in cols[0]]) + base, "s"),
        "lat": (cols[1], "deg"),
        "lon": (cols[2], "deg"),
        "altitude": (alt, "ft"),
        "geoaltitude": (geo_ft, "ft"),
        "groundspeed": (cols[4], "kt"),
        "track": (cols[5], "deg"),
        "vertical_rate": (cols[7], "ft/min"),
        "onground": (np.where(on_ground, 1, np.where(np.isnan(alt) & ~is_geo, -1, 0)), None),
        "callsign": (np.array(callsign, dtype=object), None),
        "new_leg": ((flags & 2) != 0, None),
    }
    points, counts = points_from_columns(columns, icao24=icao, stale=(flags & 1) != 0)
    counts = counts + ReadCounts(rows=bad_shape, bad=bad_shape)
    info = AircraftInfo(icao, _text(doc.get("r")), _text(doc.get("t")))
    return TrackFile(source, "readsb-trace", points, counts, {icao: info})


def _read_opensky_rest(docs: Iterable[Mapping[str, Any]], source: str) -> TrackFile:
    """OpenSky ``/states/all`` responses: each state is an array read by index."""
    rows: list[list[Any]] = []
    stale: list[bool] = []
    for doc in docs:
        when = _num(doc.get("time"))
        for state in doc.get("states") or []:
            if not isinstance(state, list) or len(state) < 17:
                rows.append([None] * 17)
                stale.append(False)
                continue
            rows.append(state[:17])
            last_contact = _num(state[4])
            stale.append(bool(when - last_contact > STALE_AFTER_S))
    cols = list(zip(*rows, strict=True)) if rows else [()] * 17
    # the position's own time where given, else the last contact
    times = [
        _num(tp) if tp is not None else _num(lc) for tp, lc in zip(cols[3], cols[4], strict=True)
    ]
    columns: dict[str, RawColumn] = {
        "icao24": (cols[0], None),
        "callsign": (cols[1], None),
        "time": (np.array(times), "s"),
        "lon": (cols[5], "deg"),
        "lat": (cols[6], "deg"),
        "altitude": (cols[7], "m"),
        "onground": (cols[8], None),
        "groundspeed": (cols[9], "m/s"),
        "track": (cols[10], "deg"),
        "vertical_rate": (cols[11], "m/s"),
        "geoaltitude": (cols[13], "m"),
    }
    points, counts = points_from_columns(columns, stale=np.array(stale, dtype=bool))
    return TrackFile(source, "opensky-rest", points, counts, _infos(points))


def _read_fr24_json(doc: Mapping[str, Any], source: str) -> TrackFile:
    """Flightradar24 flight playback: ``result.response.data.flight``."""
    try:
        flight = doc["result"]["response"]["data"]["flight"]
        track = flight["track"]
    except (KeyError, TypeError):
        raise InputError(
            f"{source}: JSON with 'result' but no result.response.data.flight.track; "
            "expected a Flightradar24 flight playback"
        ) from None
    aircraft = flight.get("aircraft") or {}
    ident = aircraft.get("identification") or {}
    icao = str(ident.get("modes") or "").strip().lower()
    callsign = (flight.get("identification") or {}).get("callsign")
    model = (aircraft.get("model") or {}).get("code")

    def get(point: Any, *keys: str) -> Any:
        for key in keys:
            point = point.get(key) if isinstance(point, dict) else None
        return point

    alt = np.array([_num(get(p, "altitude", "feet")) for p in track])
    columns: dict[str, RawColumn] = {
        "time": ([get(p, "timestamp") for p in track], "s"),
        "lat": ([get(p, "latitude") for p in track], "deg"),
        "lon": ([get(p, "longitude") for p in track], "deg"),
        # 0 ft means on the ground in Flightradar24 data, not sea level
        "altitude": (np.where(alt == 0, np.nan, alt), "ft"),
        "onground": (np.where(alt == 0, 1, np.where(np.isnan(alt), -1, 0)), None),
        "groundspeed": ([get(p, "speed", "kts") for p in track], "kt"),
        "track": ([get(p, "heading") for p in track], "deg"),
        "vertical_rate": ([get(p, "verticalSpeed", "fpm") for p in track], "ft/min"),
        "callsign": (np.full(len(track), callsign or "", dtype=object), None),
    }
    points, counts = points_from_columns(columns, icao24=icao)
    info = AircraftInfo(icao, _text(ident.get("registration")), _text(model))
    return TrackFile(source, "fr24-json", points, counts, {icao: info})


# -- tables: CSV, Parquet, JSON records ------------------------------------------------

#: Column schemes of the table formats: source column -> (canonical field, unit).
_SCHEMES: Final[dict[str, dict[str, tuple[str, str | None]]]] = {
    "opensky": {
        "time": ("time", "s"), "icao24": ("icao24", None), "lat": ("lat", "deg"),
        "lon": ("lon", "deg"), "velocity": ("groundspeed", "m/s"), "heading": ("track", "deg"),
        "vertrate": ("vertical_rate", "m/s"), "callsign": ("callsign", None),
        "onground": ("onground", None), "baroaltitude": ("altitude", "m"),
        "geoaltitude": ("geoaltitude", "m"),
    },
    "traffic": {
        "timestamp": ("time", "ms"), "icao24": ("icao24", None), "latitude": ("lat", "deg"),
        "longitude": ("lon", "deg"), "groundspeed": ("groundspeed", "kt"),
        "track": ("track", "deg"), "vertical_rate": ("vertical_rate", "ft/min"),
        "callsign": ("callsign", None), "onground": ("onground", None),
        "altitude": ("altitude", "ft"), "geoaltitude": ("geoaltitude", "ft"),
    },
    "plain": {
        name: (name, unit) for name, unit in {
            "icao24": None, "time": "s", "lat": "deg", "lon": "deg", "altitude": "ft",
            "geoaltitude": "ft", "groundspeed": "kt", "track": "deg",
            "vertical_rate": "ft/min", "onground": None, "callsign": None, "new_leg": None,
        }.items()
    },
}  # fmt: skip


def _scheme(names: Iterable[str]) -> str | None:
    have = {n.strip().lower() for n in names}
    if {"time", "lat", "lon"} <= have and have & {"baroaltitude", "velocity", "lastcontact"}:
        return "opensky"
    if {"timestamp", "latitude", "longitude"} <= have:
        return "traffic"
    if {"timestamp", "utc", "position", "altitude"} <= have:
        return "fr24"
    if {"time", "lat", "lon"} <= have:
        return "plain"
    return None


def columns_of_table(
    table: Mapping[str, Any], source: str
) -> tuple[str, dict[str, RawColumn], Any]:
    """The canonical columns of a table in a known scheme, and its stale-row mask.

    Used by the file readers and, partition by partition, by the Dask engine.

    Raises
    ------
    InputError
        When the columns match no supported scheme.
    """
    lower = {str(k).strip().lower(): k for k in table}
    scheme = _scheme(lower)
    if scheme is None:
        raise InputError(
            f"{source}: columns {', '.join(list(map(str, table))[:8])} match no track format; "
            "expected OpenSky (time,icao24,lat,lon,...,baroaltitude), traffic "
            "(timestamp,latitude,longitude,altitude), Flightradar24 "
            "(Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction) or "
            "flightlegs (time,lat,lon,altitude,...)"
        )
    if scheme == "fr24":
        return scheme, _fr24_columns(table, lower), None
    columns: dict[str, RawColumn] = {}
    for name, (field, unit) in _SCHEMES[scheme].items():
        if name in lower:
            columns[field] = (table[lower[name]], unit)
    stale = None
    if scheme == "traffic" and "timestamp" in lower:
        columns["time"] = (table[lower["timestamp"]], _epoch_unit(table[lower["timestamp"]]))
        if "last_position" in lower:
            last = _column_floats(table[lower["last_position"]]) / 1e3
            now = _column_floats(columns["time"][0])
            now = now / 1e3 if columns["time"][1] == "ms" else now
            stale = (now - last) > STALE_AFTER_S
    if scheme == "opensky" and "lastcontact" in lower:
        now = _column_floats(table[lower["time"]])
        stale = (now - _column_floats(table[lower["lastcontact"]])) > STALE_AFTER_S
    return scheme, columns, stale


def _epoch_unit(values: Any) -> str:
    """Milliseconds or seconds, from the size of the numbers (ms since 1973 exceed 1e11)."""
    arr = np.asarray(values)
    if arr.dtype.kind not in "fiu":
        return "s"
    finite = arr[np.isfinite(arr.astype(np.float64))]
    return "ms" if finite.size and float(np.median(finite)) > 1e11 else "s"


def _column_floats(values: Any) -> Any:
    arr = np.asarray(values)
    if arr.dtype.kind == "M":
        return arr.astype("datetime64[ns]").astype(np.int64) / 1e9
    if arr.dtype.kind in "fiub":
        return arr.astype(np.float64)
    return np.array([_num(v) for v in arr.tolist()], dtype=np.float64)


def _fr24_columns(table: Mapping[str, Any], lower: Mapping[str, str]) -> dict[str, RawColumn]:
    positions = [str(p or "").split(",") for p in table[lower["position"]]]
    lat = [_num(p[0]) if len(p) == 2 else np.nan for p in positions]
    lon = [_num(p[1]) if len(p) == 2 else np.nan for p in positions]
    alt = _column_floats(table[lower["altitude"]])
    columns: dict[str, RawColumn] = {
        "time": (table[lower["timestamp"]], "s"),
        "lat": (lat, "deg"),
        "lon": (lon, "deg"),
        # Flightradar24 writes 0 ft on the ground, whatever the field's elevation
        "altitude": (np.where(alt == 0, np.nan, alt), "ft"),
        "onground": (np.where(alt == 0, 1, np.where(np.isnan(alt), -1, 0)), None),
    }
    if "speed" in lower:
        columns["groundspeed"] = (table[lower["speed"]], "kt")
    if "direction" in lower:
        columns["track"] = (table[lower["direction"]], "deg")
    if "callsign" in lower:
        columns["callsign"] = (table[lower["callsign"]], None)
    return columns


def _from_table(table: Mapping[str, Any], source: str, container: str) -> TrackFile:
    scheme, columns, stale = columns_of_table(table, source)
    points, counts = points_from_columns(columns, stale=stale)
    lower = {str(k).strip().lower(): k for k in table}
    infos = _infos(points, table, lower)
    return TrackFile(source, f"{scheme}-{container}", points, counts, infos)


def _infos(
    points: TrackPoints,
    table: Mapping[str, Any] | None = None,
    lower: Mapping[str, str] | None = None,
) -> dict[str, AircraftInfo]:
    """Each aircraft's registration and type where the table has those columns."""
    infos = {a: AircraftInfo(a) for a, _ in points.aircraft()}
    if table is None or lower is None or "icao24" not in lower:
        return infos
    reg_col = next((lower[c] for c in ("registration", "r") if c in lower), None)
    type_col = next((lower[c] for c in ("type", "typecode", "t") if c in lower), None)
    if reg_col is None and type_col is None:
        return infos
    addresses = [str(a or "").strip().lower() for a in table[lower["icao24"]]]
    regs = list(table[reg_col]) if reg_col else [None] * len(addresses)
    types = list(table[type_col]) if type_col else [None] * len(addresses)
    for a, r, t in zip(addresses, regs, types, strict=True):
        if a in infos and infos[a].registration is None and (_text(r) or _text(t)):
            infos[a] = AircraftInfo(a, _text(r), _text(t))
    return infos


def _read_csv(text: str, source: str) -> TrackFile:
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    rows = list(reader)
    width = len(header)
    good = [r for r in rows if len(r) == width]
    bad = len(rows) - len(good)
    if _scheme(header) is None:
        raise InputError(
            f"{source}: line 1: header {','.join(header)[:80]!r} matches no track format; "
            "expected OpenSky (time,icao24,lat,lon,...), Flightradar24 "
            "(Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction) or flightlegs "
            "(time,lat,lon,altitude,...)"
        )
    cols = list(zip(*good, strict=True)) if good else [()] * width
    table = {
        name: [v if v != "" else None for v in col] for name, col in zip(header, cols, strict=True)
    }
    track = _from_table(table, source, "csv")
    counts = track.counts + ReadCounts(rows=bad, bad=bad)
    return TrackFile(track.source, track.format, track.points, counts, track.aircraft)


def _read_parquet(data: bytes, source: str) -> TrackFile:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependencyError(
            "reading Parquet tracks needs pyarrow: pip install 'flightlegs[scale]'"
        ) from None
    try:
        table = pq.read_table(io.BytesIO(data))
    except Exception as err:  # pyarrow raises its own error kinds
        raise InputError(f"{source}: not a readable Parquet file ({err})") from None
    columns = {
        name: table.column(name).to_numpy(zero_copy_only=False) for name in table.column_names
    }
    return _from_table(columns, source, "parquet")


def _num(value: Any) -> float:
    if value is None or (isinstance(value, bool | str) and not _is_number(value)):
        return float("nan")
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def _is_number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return not isinstance(value, bool)


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return text or None
