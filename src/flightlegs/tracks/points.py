"""Track points with units in their names, and the one place units are converted.

Every reader hands :func:`points_from_columns` its columns as read, each with the
unit the format documents; this module converts them to feet, knots, feet per
minute and Unix seconds, drops rows that cannot be used and counts why. Nothing
else in flightlegs converts a track unit.

Examples
--------
>>> import numpy as np
>>> pts, counts = points_from_columns(
...     {
...         "icao24": (np.array(["3C6444", "3c6444"]), None),
...         "time": (np.array([1.7e9, 1.7e9 + 10]), "s"),
...         "lat": (np.array([50.0, 95.0]), "deg"),
...         "lon": (np.array([8.0, 8.1]), "deg"),
...         "altitude": (np.array([3048.0, 3050.0]), "m"),
...     }
... )
>>> pts.icao24.tolist(), pts.altitude_ft.round().tolist(), counts.bad
(['3c6444'], [10000.0], 1)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from flightlegs.errors import InputError

__all__ = [
    "CANONICAL_COLUMNS",
    "AircraftInfo",
    "ReadCounts",
    "TrackPoints",
    "iso_utc",
    "points_from_columns",
]

FloatArray = npt.NDArray[np.float64]
#: A column as read: its values and the unit the format documents (None for text and flags).
RawColumn = tuple[Any, str | None]

#: Factors to the unit in each canonical column's name.
_TO_CANONICAL: Final[dict[tuple[str, str], float]] = {
    ("ft", "ft"): 1.0,
    ("m", "ft"): 1.0 / 0.3048,
    ("kt", "kt"): 1.0,
    ("m/s", "kt"): 3600.0 / 1852.0,
    ("km/h", "kt"): 1000.0 / 1852.0,
    ("mph", "kt"): 1609.344 / 1852.0,
    ("ft/min", "ft/min"): 1.0,
    ("m/s", "ft/min"): 60.0 / 0.3048,
    ("deg", "deg"): 1.0,
    ("s", "s"): 1.0,
    ("ms", "s"): 1e-3,
}

#: Canonical field -> the unit it is held in; the plain CSV/Parquet format uses these names.
CANONICAL_COLUMNS: Final[dict[str, str | None]] = {
    "icao24": None,
    "time": "s",
    "lat": "deg",
    "lon": "deg",
    "altitude": "ft",
    "geoaltitude": "ft",
    "groundspeed": "kt",
    "track": "deg",
    "vertical_rate": "ft/min",
    "onground": None,
    "callsign": None,
    "new_leg": None,
}

#: Rows OpenSky keeps sending after the last contact are stale past this many seconds
#: (OpenSky datasets README: vectors continue up to 300 s after the last contact).
STALE_AFTER_S: Final = 15.0


@dataclass(frozen=True, slots=True)
class ReadCounts:
    """How many rows a reader saw and why it dropped some.

    Attributes
    ----------
    rows
        Rows in the input.
    kept
        Rows kept as track points.
    no_position
        Rows without a latitude or longitude.
    bad
        Rows with a value out of range (latitude, longitude, time).
    stale
        Rows the source marks as repeating an old position.
    """

    rows: int = 0
    kept: int = 0
    no_position: int = 0
    bad: int = 0
    stale: int = 0

    def __add__(self, other: ReadCounts) -> ReadCounts:
        return ReadCounts(
            *(getattr(self, f.name) + getattr(other, f.name) for f in fields(ReadCounts))
        )

    @property
    def dropped(self) -> int:
        """Rows not kept."""
        return self.rows - self.kept


@dataclass(frozen=True, slots=True)
class AircraftInfo:
    """What a file says about an aircraft besides its positions."""

    icao24: str
    registration: str | None = None
    type: str | None = None


@dataclass(frozen=True, slots=True)
class TrackPoints:
    """Positions of one or more aircraft, sorted by aircraft and time.

    Floats are NaN where unknown; ``onground`` is 1 (reported on the ground),
    0 (reported airborne) or -1 (not reported).

    Attributes
    ----------
    icao24
        Lower-case 24-bit address in hex (a leading ``~`` marks a non-ICAO one).
    time_s
        Unix time in seconds.
    lat_deg, lon_deg
        WGS84 position.
    altitude_ft
        Barometric (pressure) altitude.
    geoaltitude_ft
        Geometric (GNSS) altitude.
    groundspeed_kt, track_deg, vertical_rate_fpm
        Speed over ground, track angle, vertical rate.
    onground
        The source's ground flag.
    callsign
        Callsign with padding removed, ``""`` when unknown.
    new_leg
        The source's own start-of-leg flag (readsb).
    """

    icao24: npt.NDArray[np.str_]
    time_s: FloatArray
    lat_deg: FloatArray
    lon_deg: FloatArray
    altitude_ft: FloatArray
    geoaltitude_ft: FloatArray
    groundspeed_kt: FloatArray
    track_deg: FloatArray
    vertical_rate_fpm: FloatArray
    onground: npt.NDArray[np.int8]
    callsign: npt.NDArray[np.str_]
    new_leg: npt.NDArray[np.bool_]

    def __post_init__(self) -> None:
        n = len(self.time_s)
        if any(len(getattr(self, f.name)) != n for f in fields(self)):
            raise InputError("track columns differ in length")

    def __len__(self) -> int:
        return len(self.time_s)

    def take(self, index: npt.NDArray[Any] | slice) -> TrackPoints:
        """The points at ``index`` (a boolean mask, integer indexes or a slice)."""
        return TrackPoints(*(getattr(self, f.name)[index] for f in fields(self)))

    def aircraft(self) -> list[tuple[str, slice]]:
        """Each aircraft's address and the slice of its points."""
        if not len(self):
            return []
        starts = np.flatnonzero(np.r_[True, self.icao24[1:] != self.icao24[:-1]])
        ends = np.r_[starts[1:], len(self)]
        return [
            (str(self.icao24[a]), slice(int(a), int(b))) for a, b in zip(starts, ends, strict=False)
        ]

    @classmethod
    def concat(cls, parts: list[TrackPoints]) -> TrackPoints:
        """Several sets of points as one, sorted again by aircraft and time."""
        if not parts:
            return points_from_columns({"time": (np.zeros(0), "s")})[0]
        joined = cls(*(np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(cls)))
        order = np.lexsort((joined.time_s, joined.icao24))
        return joined.take(order)


def _floats(values: Any, unit: str | None, want: str) -> FloatArray:
    """Numbers in the canonical unit; text that is not a number becomes NaN."""
    arr = np.asarray(values)
    if arr.dtype.kind not in "fiub":
        arr = np.array([_to_float(v) for v in arr.tolist()], dtype=np.float64)
    out = arr.astype(np.float64, copy=True)
    if unit is None or (unit, want) not in _TO_CANONICAL:
        raise InputError(f"cannot convert a track column from {unit!r} to {want!r}")
    factor = _TO_CANONICAL[(unit, want)]
    if factor != 1.0:
        out *= factor
    return out


def _to_float(value: Any) -> float:
    if value is None or isinstance(value, bool):
        return float("nan") if value is None else float(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def _times(values: Any, unit: str | None) -> FloatArray:
    """Unix seconds from numbers (in ``unit``), ISO 8601 text or datetime64."""
    arr = np.asarray(values)
    if arr.dtype.kind == "M":
        return arr.astype("datetime64[ns]").astype(np.int64) / 1e9
    if arr.dtype.kind in "fiu":
        return _floats(arr, unit or "s", "s")
    out = np.empty(len(arr), dtype=np.float64)
    for i, v in enumerate(arr.tolist()):
        out[i] = _parse_time(v)
    return out


def _parse_time(value: Any) -> float:
    if value is None:
        return float("nan")
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip()
    try:
        return float(text)
    except ValueError:
        pass
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return float("nan")
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.timestamp()


def _flags(values: Any) -> npt.NDArray[np.int8]:
    """1, 0 or -1 (unknown) from booleans, numbers or text."""
    arr = np.asarray(values)
    if arr.dtype.kind == "b":
        return arr.astype(np.int8)
    if arr.dtype.kind in "fiu":
        out = np.where(np.isnan(arr.astype(np.float64)), -1, arr != 0)
        return out.astype(np.int8)
    table = {"true": 1, "1": 1, "t": 1, "yes": 1, "false": 0, "0": 0, "f": 0, "no": 0}
    return np.array(
        [v if isinstance(v, bool) else table.get(str(v).strip().lower(), -1) for v in arr.tolist()],
        dtype=np.int8,
    )


def _texts(values: Any, n: int, lower: bool = False) -> npt.NDArray[np.str_]:
    if values is None:
        return np.full(n, "", dtype=object)
    out = []
    for v in np.asarray(values, dtype=object).tolist():
        if v is None or (isinstance(v, float) and v != v):
            out.append("")
        else:
            text = str(v).strip()
            if isinstance(v, float) and text.endswith(".0"):
                text = text[:-2]  # an address or callsign read as a number
            out.append(text.lower() if lower else text)
    return np.array(out, dtype=object)


def points_from_columns(
    columns: Mapping[str, RawColumn], icao24: str = "", stale: Any = None
) -> tuple[TrackPoints, ReadCounts]:
    """Convert a reader's columns to :class:`TrackPoints`, dropping unusable rows.

    Parameters
    ----------
    columns
        Canonical field name (see :data:`CANONICAL_COLUMNS`) to ``(values, unit)``,
        the unit as the source documents it (``"m"``, ``"m/s"``, ``"ms"``...).
        ``time``, ``lat`` and ``lon`` are needed; other fields may be missing.
    icao24
        The address to use when there is no ``icao24`` column.
    stale
        Optional boolean mask of rows the source marks as stale.

    Returns
    -------
    TrackPoints, ReadCounts
        The points sorted by aircraft and time, and what was dropped.
    """
    if "time" not in columns:
        raise InputError("track has no time column")
    time_s = _times(*columns["time"])
    n = len(time_s)

    def num(name: str) -> FloatArray:
        if name not in columns:
            return np.full(n, np.nan)
        values, unit = columns[name]
        want = CANONICAL_COLUMNS[name]
        assert want is not None  # numeric canonical fields all have a unit
        return _floats(values, unit, want)

    lat, lon = num("lat"), num("lon")
    if "icao24" in columns:
        address = _texts(columns["icao24"][0], n, lower=True)
    else:
        address = np.full(n, icao24.lower(), dtype=object)
    onground = _flags(columns["onground"][0]) if "onground" in columns else np.full(n, -1, np.int8)
    new_leg = (
        _flags(columns["new_leg"][0]) == 1 if "new_leg" in columns else np.zeros(n, dtype=bool)
    )
    callsign = _texts(columns["callsign"][0] if "callsign" in columns else None, n)
    points = TrackPoints(
        icao24=address,
        time_s=time_s,
        lat_deg=lat,
        lon_deg=lon,
        altitude_ft=num("altitude"),
        geoaltitude_ft=num("geoaltitude"),
        groundspeed_kt=num("groundspeed"),
        track_deg=num("track"),
        vertical_rate_fpm=num("vertical_rate"),
        onground=onground,
        callsign=callsign,
        new_leg=new_leg,
    )
    no_position = np.isnan(lat) | np.isnan(lon)
    bad = ~no_position & ((np.abs(lat) > 90) | (np.abs(lon) > 180))
    bad |= ~np.isfinite(time_s) | (time_s < 0)
    stale_rows = np.zeros(n, dtype=bool) if stale is None else np.asarray(stale, dtype=bool)
    stale_rows &= ~(no_position | bad)
    keep = ~(no_position | bad | stale_rows)
    kept = points.take(keep)
    order = np.lexsort((kept.time_s, kept.icao24))
    counts = ReadCounts(
        rows=n,
        kept=int(keep.sum()),
        no_position=int(no_position.sum()),
        bad=int(bad.sum()),
        stale=int(stale_rows.sum()),
    )
    return kept.take(order), counts


def iso_utc(time_s: float | None) -> str | None:
    """ISO 8601 UTC text for Unix seconds, to the second.

    Examples
    --------
    >>> iso_utc(1712400187.4)
    '2024-04-06T10:43:07Z'
    >>> iso_utc(None) is None
    True
    """
    if time_s is None or time_s != time_s:
        return None
    return dt.datetime.fromtimestamp(round(time_s), tz=dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
