"""Aircraft types, the names the press gives them, and their published figures.

The bundled table ``data/aircraft.csv`` holds one row per ICAO type designator
(range, cruise speed, seats, weights, field lengths, each with its source);
``data/aircraft_aliases.csv`` maps the ways reports write a type ("Gulfstream V",
"C-37A", "a 737") to a designator or to a family of designators. Both are read
once, lazily, on first use.

A mention resolves to an :class:`AircraftSpec`: one type, or a family whose
figures are :class:`Interval` s over its members ("a 737" may be anything from
a 737-300 to a 737-900ER). Figures nobody published stay ``None``; they are
never guessed.

Examples
--------
>>> spec = lookup_aircraft("Gulfstream V")
>>> spec.designator, spec.range_nm
('GLF5', Interval(low=6500.0, high=6500.0))
>>> [m.spec.designator for m in find_aircraft_mentions("They boarded a Boeing 737-800.")]
['B738']
"""

from __future__ import annotations

import csv
import difflib
import functools
import math
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from flightlegs.core.airport import _MAX_NAME_LENGTH
from flightlegs.core.files import MAX_TEXT_CHARS, data_path
from flightlegs.errors import AircraftError, InputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FIGURES",
    "AircraftMention",
    "AircraftSpec",
    "AircraftType",
    "Interval",
    "Prose",
    "aircraft_table",
    "aircraft_types",
    "find_aircraft_mentions",
    "lookup_aircraft",
]

#: Numeric columns of ``aircraft.csv``, in file order; the unit is in each name.
FIGURES: tuple[str, ...] = (
    "range_nm",
    "cruise_ktas",
    "max_seats",
    "typical_seats",
    "mtow_kg",
    "takeoff_field_ft",
    "landing_field_ft",
    "ceiling_ft",
)
_INT_FIGURES = frozenset({"max_seats", "typical_seats"})
_COLUMNS = (
    "icao_type",
    "name",
    "family",
    "manufacturer",
    "range_nm",
    "range_conditions",
    "cruise_ktas",
    "max_seats",
    "typical_seats",
    "mtow_kg",
    "takeoff_field_ft",
    "landing_field_ft",
    "ceiling_ft",
    "source",
    "notes",
)
_ALIAS_COLUMNS = ("alias", "target", "prose")

_DESIGNATOR = re.compile(r"^[A-Z0-9]{2,4}$")
# Longer look-up strings are not aircraft names; they are refused before any matching.
_MAX_NAME_CHARS = _MAX_NAME_LENGTH
# find_aircraft_mentions reads report text, not books; this guards against runaway input.
_MAX_TEXT_CHARS = MAX_TEXT_CHARS

Prose = Literal["yes", "article", "noun"]
_PROSE_RULES: dict[str, Prose] = {"yes": "yes", "article": "article", "noun": "noun"}

# Words that make a preceding bare model number or ambiguous code an aircraft
# ("a 737 jet", "a G5 plane"), optionally after one descriptive word.
_AIRCRAFT_NOUN = re.compile(
    r"[\s\u00a0]+(?:(?:business|passenger|cargo|charter|chartered|private|military|executive"
    r"|corporate|twin-engine|twinjet)[\s\u00a0]+)?"
    r"(?:jet|jets|jetliners?|aircraft|airplanes?|aeroplanes?|planes?|airliners?|airlifters?"
    r"|transports?)\b",
    re.IGNORECASE,
)
# "a Hercules", "an RAF Hercules", "the IAF Hercules", "its USAF Gulfstream": an article,
# and an operator's initials between (not "the Gulfstream", which may be the maker)
_INDEFINITE_ARTICLE = re.compile(
    r"(?:^|[^\w])(?:(?i:an?)[\s\u00a0]+(?:[A-Z]{2,5}[\s\u00a0]+)?"
    r"|(?i:the|its|their)[\s\u00a0]+[A-Z]{2,5}[\s\u00a0]+)$"
)
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
_TRAILING_NOUN = re.compile(_AIRCRAFT_NOUN.pattern + r"\s*$", re.IGNORECASE)
_PLURAL = re.compile(r"(?:['\u2019]s|s)$", re.IGNORECASE)
# Between the words of a name a report may put spaces, a hyphen or a dash, or nothing.
_SEPARATOR = r"[\s\u00a0]*[-\u2010\u2011\u2012\u2013]?[\s\u00a0]*"
_DASHES = frozenset("-\u2010\u2011\u2012\u2013")
# Where a name may begin: a letter or digit not inside a word, a number ("1.737")
# or a hyphenated code ("X-737").
_WORD_START = re.compile(r"(?<![\w.\-])[^\W_]")
_ASCII_ALNUM = string.ascii_lowercase + string.digits


def _key(text: str) -> str:
    """Fold a name to the form it is matched by: lower case, letters and digits only."""
    return re.sub(r"[\W_]+", "", text.casefold())


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of one figure, e.g. the ranges of a family's members.

    Parameters
    ----------
    low, high
        Bounds, in the unit of the figure; ``low <= high``.

    Examples
    --------
    >>> Interval(2080, 3200).is_exact
    False
    >>> 2500 in Interval(2080, 3200)
    True
    >>> str(Interval(6500, 6500))
    '6,500'
    """

    low: float
    high: float

    def __post_init__(self) -> None:
        for bound in (self.low, self.high):
            if isinstance(bound, bool) or not isinstance(bound, int | float):
                raise InputError(f"interval bound {bound!r}: expected a number")
            if not math.isfinite(bound):
                raise InputError(f"interval bound {bound!r}: expected a finite number")
        if self.low > self.high:
            raise InputError(f"interval [{self.low!r}, {self.high!r}]: low exceeds high")
        object.__setattr__(self, "low", float(self.low))
        object.__setattr__(self, "high", float(self.high))

    @property
    def is_exact(self) -> bool:
        """Whether the interval is a single value."""
        return self.low == self.high

    def __contains__(self, value: object) -> bool:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        return self.low <= value <= self.high

    def __str__(self) -> str:
        if self.is_exact:
            return f"{self.low:,.0f}"
        return f"{self.low:,.0f}\u2013{self.high:,.0f}"

    @classmethod
    def spanning(cls, values: Iterable[float | None]) -> Interval | None:
        """Return the smallest interval holding every known value, or ``None``.

        Parameters
        ----------
        values
            Figures; ``None`` (not published) is skipped.

        Examples
        --------
        >>> Interval.spanning([2935, None, 2080])
        Interval(low=2080.0, high=2935.0)
        >>> Interval.spanning([None]) is None
        True
        """
        known = [value for value in values if value is not None]
        if not known:
            return None
        return cls(min(known), max(known))


@dataclass(frozen=True, slots=True)
class AircraftType:
    """One aircraft type: a row of ``data/aircraft.csv``.

    Every figure is ``None`` when no source for it was found. Units are in the
    names: nautical miles, knots true airspeed, kilograms, feet.

    Attributes
    ----------
    icao_type
        ICAO type designator (ICAO Doc 8643), e.g. ``"GLF5"``.
    name
        Human-readable name of the type and the variants it covers.
    family
        Name of the family of related types, or ``None``.
    manufacturer
        Maker of the type.
    range_nm
        Published range; the conditions are in ``range_conditions``.
    cruise_ktas
        Typical cruise speed, knots true airspeed.
    max_seats, typical_seats
        Most passenger seats allowed or offered, and a typical layout.
    mtow_kg
        Maximum take-off weight.
    takeoff_field_ft, landing_field_ft
        Runway needed to take off at MTOW and to land at maximum landing weight,
        sea level, standard day, unless ``notes`` says otherwise.
    ceiling_ft
        Service ceiling or maximum operating altitude.
    range_conditions
        Payload, speed and reserves behind ``range_nm``, as published.
    source
        Where each figure comes from.
    notes
        Conversions, estimates and disagreements between sources.

    Examples
    --------
    >>> gv = lookup_aircraft("GLF5").members[0]
    >>> gv.icao_type, gv.family, gv.ceiling_ft
    ('GLF5', 'Gulfstream large-cabin', 51000.0)
    """

    icao_type: str
    name: str
    family: str | None
    manufacturer: str
    range_nm: float | None
    cruise_ktas: float | None
    max_seats: int | None
    typical_seats: int | None
    mtow_kg: float | None
    takeoff_field_ft: float | None
    landing_field_ft: float | None
    ceiling_ft: float | None
    range_conditions: str = ""
    source: str = ""
    notes: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.icao_type, str) or not _DESIGNATOR.match(self.icao_type):
            raise InputError(
                f"aircraft type {self.icao_type!r}: expected an ICAO designator "
                "of 2-4 upper-case letters and digits"
            )
        if not self.name.strip():
            raise InputError(f"aircraft type {self.icao_type}: the name is empty")
        for figure in FIGURES:
            value = getattr(self, figure)
            if value is None:
                continue
            whole = figure in _INT_FIGURES
            allowed = int if whole else int | float
            if isinstance(value, bool) or not isinstance(value, allowed):
                raise InputError(
                    f"aircraft type {self.icao_type}: {figure} {value!r}: expected "
                    + ("a whole number" if whole else "a number")
                )
            if not math.isfinite(value) or value <= 0:
                raise InputError(
                    f"aircraft type {self.icao_type}: {figure} {value!r}: expected a "
                    "positive finite number"
                )
        if (
            self.max_seats is not None
            and self.typical_seats is not None
            and self.typical_seats > self.max_seats
        ):
            raise InputError(
                f"aircraft type {self.icao_type}: typical_seats {self.typical_seats} "
                f"exceeds max_seats {self.max_seats}"
            )


@dataclass(frozen=True, slots=True)
class AircraftSpec:
    """What a mention of an aircraft resolves to: one type, or a family of types.

    The figure properties give an :class:`Interval` over the members that have
    the figure, or ``None`` when none has it. For a single type the interval is
    exact.

    Attributes
    ----------
    designator
        The ICAO type designator, or the family name for a family.
    name
        Human-readable name.
    members
        The types covered, in table order.
    is_family
        ``True`` when the mention named a family rather than one type.

    Examples
    --------
    >>> family = lookup_aircraft("a 737")
    >>> family.is_family, [t.icao_type for t in family.members]
    (True, ['B733', 'B734', 'B737', 'B738', 'B739'])
    >>> print(family.range_nm)
    2,080–3,200
    """

    designator: str
    name: str
    members: tuple[AircraftType, ...]
    is_family: bool

    def __post_init__(self) -> None:
        if not self.members:
            raise InputError(f"aircraft {self.designator!r}: a spec needs at least one type")

    def figure(self, figure: str) -> Interval | None:
        """Return one figure over the members, by column name.

        Parameters
        ----------
        figure
            A numeric column of ``aircraft.csv``, e.g. ``"takeoff_field_ft"``.

        Returns
        -------
        Interval or None
            ``None`` when no member has the figure.

        Raises
        ------
        InputError
            If ``figure`` is not a numeric column.

        Examples
        --------
        >>> lookup_aircraft("MD-80").figure("mtow_kg")
        Interval(low=67812.0, high=72575.0)
        """
        if figure not in FIGURES:
            raise InputError(f"unknown aircraft figure {figure!r}; expected one of {FIGURES}")
        return Interval.spanning(getattr(member, figure) for member in self.members)

    def require(self, figure: str) -> Interval:
        """Return one figure over the members, or raise if none has it.

        Parameters
        ----------
        figure
            A numeric column of ``aircraft.csv``.

        Raises
        ------
        AircraftError
            If no member has a published value for ``figure``.

        Examples
        --------
        >>> lookup_aircraft("GLF4").require("takeoff_field_ft")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        flightlegs.errors.AircraftError: no takeoff_field_ft figure for GLF4 (Gulfstream IV ...
        """
        interval = self.figure(figure)
        if interval is None:
            raise AircraftError(f"no {figure} figure for {self.designator} ({self.name})")
        return interval

    def lacking(self, figure: str) -> tuple[str, ...]:
        """Return the designators of the members without ``figure``.

        Examples
        --------
        >>> lookup_aircraft("Gulfstream").lacking("takeoff_field_ft")
        ('GLF4',)
        """
        if figure not in FIGURES:
            raise InputError(f"unknown aircraft figure {figure!r}; expected one of {FIGURES}")
        return tuple(m.icao_type for m in self.members if getattr(m, figure) is None)

    @property
    def range_nm(self) -> Interval | None:
        """Published range, nautical miles."""
        return self.figure("range_nm")

    @property
    def cruise_ktas(self) -> Interval | None:
        """Typical cruise speed, knots true airspeed."""
        return self.figure("cruise_ktas")

    @property
    def max_seats(self) -> Interval | None:
        """Most passenger seats."""
        return self.figure("max_seats")

    @property
    def typical_seats(self) -> Interval | None:
        """Seats in a typical layout."""
        return self.figure("typical_seats")

    @property
    def mtow_kg(self) -> Interval | None:
        """Maximum take-off weight, kilograms."""
        return self.figure("mtow_kg")

    @property
    def takeoff_field_ft(self) -> Interval | None:
        """Take-off field length at MTOW, feet."""
        return self.figure("takeoff_field_ft")

    @property
    def landing_field_ft(self) -> Interval | None:
        """Landing field length at maximum landing weight, feet."""
        return self.figure("landing_field_ft")

    @property
    def ceiling_ft(self) -> Interval | None:
        """Service ceiling, feet."""
        return self.figure("ceiling_ft")


@dataclass(frozen=True, slots=True)
class AircraftMention:
    """An aircraft named in free text.

    Attributes
    ----------
    start, end
        Character offsets of the mention in the text (``text[start:end]``).
    text
        The words as written.
    spec
        What they resolve to.

    Examples
    --------
    >>> mention = find_aircraft_mentions("on a Gulfstream V jet")[0]
    >>> mention.start, mention.end, mention.text
    (5, 17, 'Gulfstream V')
    """

    start: int
    end: int
    text: str
    spec: AircraftSpec


@dataclass(frozen=True, slots=True)
class _Entry:
    """One name a type or family may be looked up by."""

    display: str
    target: str
    prose: Prose


@dataclass(frozen=True, slots=True)
class _Index:
    types: dict[str, AircraftType]
    families: dict[str, tuple[AircraftType, ...]]
    entries: dict[str, _Entry]


def _real(row: dict[str, str], figure: str, number: int) -> float | None:
    text = row[figure].strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise InputError(
            f"aircraft.csv row {number}: {figure} {text!r}: expected a number"
        ) from None


def _whole(row: dict[str, str], figure: str, number: int) -> int | None:
    text = row[figure].strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise InputError(
            f"aircraft.csv row {number}: {figure} {text!r}: expected a whole number"
        ) from None


def _read_rows(name: str, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    path = data_path(name)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != columns:
            raise InputError(f"{path}: expected the columns {', '.join(columns)}")
        yield from enumerate(reader, start=2)


@functools.cache
def _index() -> _Index:
    types: dict[str, AircraftType] = {}
    for number, row in _read_rows("aircraft.csv", _COLUMNS):
        aircraft = AircraftType(
            icao_type=row["icao_type"].strip(),
            name=row["name"].strip(),
            family=row["family"].strip() or None,
            manufacturer=row["manufacturer"].strip(),
            range_nm=_real(row, "range_nm", number),
            cruise_ktas=_real(row, "cruise_ktas", number),
            max_seats=_whole(row, "max_seats", number),
            typical_seats=_whole(row, "typical_seats", number),
            mtow_kg=_real(row, "mtow_kg", number),
            takeoff_field_ft=_real(row, "takeoff_field_ft", number),
            landing_field_ft=_real(row, "landing_field_ft", number),
            ceiling_ft=_real(row, "ceiling_ft", number),
            range_conditions=row["range_conditions"].strip(),
            source=row["source"].strip(),
            notes=row["notes"].strip(),
        )
        if aircraft.icao_type in types:
            raise InputError(f"aircraft.csv row {number}: {aircraft.icao_type} appears twice")
        types[aircraft.icao_type] = aircraft

    families: dict[str, tuple[AircraftType, ...]] = {}
    for aircraft in types.values():
        if aircraft.family is not None:
            families[aircraft.family] = (*families.get(aircraft.family, ()), aircraft)

    entries: dict[str, _Entry] = {}

    def add(entry: _Entry, *, override: bool = False) -> None:
        key = _key(entry.display)
        if not key:
            raise InputError(f"aircraft name {entry.display!r} has no letters or digits")
        known = entries.get(key)
        if known is not None and not override and known.target != entry.target:
            raise InputError(
                f"aircraft name {entry.display!r} means both {known.target} and {entry.target}"
            )
        if known is None or override:
            entries[key] = entry

    designator_keys = {_key(code) for code in types}
    for code in types:
        add(_Entry(code, code, "yes"))
    for family in families:
        add(_Entry(family, family, "yes"))
    seen: dict[str, str] = {}
    for number, row in _read_rows("aircraft_aliases.csv", _ALIAS_COLUMNS):
        alias, target = row["alias"].strip(), row["target"].strip()
        prose = _PROSE_RULES.get(row["prose"].strip())
        if target not in types and target not in families:
            raise InputError(
                f"aircraft_aliases.csv row {number}: {alias!r} points to unknown {target!r}"
            )
        if prose is None:
            raise InputError(
                f"aircraft_aliases.csv row {number}: prose {row['prose']!r}: expected one of "
                + ", ".join(sorted(_PROSE_RULES))
            )
        key = _key(alias)
        if key in seen:
            raise InputError(f"aircraft_aliases.csv row {number}: {alias!r} repeats {seen[key]!r}")
        seen[key] = alias
        # An alias may fold like a designator ("C-130" folds like C130) and then
        # takes that folded form; the designator written exactly still wins.
        add(_Entry(alias, target, prose), override=key in designator_keys)
    return _Index(types=types, families=families, entries=entries)


@functools.cache
def _spec(target: str) -> AircraftSpec:
    index = _index()
    if target in index.types:
        aircraft = index.types[target]
        return AircraftSpec(aircraft.icao_type, aircraft.name, (aircraft,), is_family=False)
    return AircraftSpec(target, target, index.families[target], is_family=True)


def _resolve(text: str) -> _Entry | None:
    """Find the entry for an isolated name, or ``None``."""
    index = _index()
    exact = text.strip().upper()
    if exact in index.types:
        return _Entry(exact, exact, "yes")
    return index.entries.get(_key(text))


def _variants(text: str) -> Iterator[str]:
    """Yield a name as given, then without article, aircraft noun or plural ending."""
    text = text.strip()
    bare = _LEADING_ARTICLE.sub("", text)
    for candidate in (text, bare, _TRAILING_NOUN.sub("", bare)):
        yield candidate
        yield _PLURAL.sub("", candidate)


def _suggestions(text: str) -> list[str]:
    index = _index()
    displays: dict[str, str] = {}
    for key, entry in index.entries.items():
        displays.setdefault(key, entry.display)
    wanted = _key(_TRAILING_NOUN.sub("", _LEADING_ARTICLE.sub("", text.strip())))
    close = difflib.get_close_matches(wanted, list(displays), n=4, cutoff=0.6)
    return [displays[key] for key in close]


def lookup_aircraft(text: str) -> AircraftSpec:
    """Resolve the name of an aircraft type or family.

    Matching ignores case, spaces and punctuation ("G-V", "gv" and "GV" are
    the same), a leading article and a trailing noun ("a Gulfstream jet"). An
    ICAO designator written exactly (``"C130"``) means that designator even
    where an alias folds to the same letters (``"C-130"`` means the family).

    Parameters
    ----------
    text
        The name as written, e.g. ``"Gulfstream V"``, ``"GLF5"``, ``"C-37A"``,
        ``"boeing 737-800"``, ``"an MD-80"``.

    Returns
    -------
    AircraftSpec
        The type, or the family with its members.

    Raises
    ------
    AircraftError
        If the name is unknown; the message quotes it and suggests close names.
    InputError
        If ``text`` is not a string.

    Examples
    --------
    >>> lookup_aircraft("C-37A").designator
    'GLF5'
    >>> lookup_aircraft("an MD-80").designator
    'MD-80'
    >>> lookup_aircraft("Gulfstram V")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    flightlegs.errors.AircraftError: unknown aircraft type 'Gulfstram V'; did you mean ...
    """
    if not isinstance(text, str):
        raise InputError(f"aircraft name {text!r}: expected a string")
    if len(text) > _MAX_NAME_CHARS:
        raise AircraftError(
            f"unknown aircraft type {text[:40]!r}...: longer than {_MAX_NAME_CHARS} characters"
        )
    for candidate in _variants(text):
        entry = _resolve(candidate)
        if entry is not None:
            return _spec(entry.target)
    suggestions = _suggestions(text)
    hint = f"; did you mean {', '.join(map(repr, suggestions))}?" if suggestions else ""
    raise AircraftError(f"unknown aircraft type {text.strip()!r}{hint}")


def _pieces(name: str) -> list[list[str]]:
    """A name's words, each split into its runs of digits and of letters."""
    return [re.findall(r"\d+|[^\W\d_]+", word) for word in re.findall(r"[^\W_]+", name)]


def _flexible(name: str) -> str:
    """Regex for a name with spaces, hyphens or nothing between its words."""
    # Inside a word a hyphen may split letters from digits: A320, A-320.
    words = ["-?".join(re.escape(piece) for piece in pieces) for pieces in _pieces(name)]
    return _SEPARATOR.join(words)


@functools.cache
def _name_pattern(name: str) -> re.Pattern[str]:
    """One name as written in text, with an optional plural, ending a word."""
    return re.compile(rf"(?P<core>{_flexible(name)})(?:['\u2019]s|s)?(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _MentionIndex:
    """The names a mention may use, found by their letters and digits.

    One alternation of every name took a third of a second to compile at
    each start. A name matches text whose letters and digits, once the spaces
    and dashes between them are dropped, spell the name's letters and digits
    ignoring case; so reading those from a word start, for as long as they
    begin some name, gives every name that may match there. Those few are
    tried with their own small patterns in the order the alternation had
    (longest first, so "Boeing 737-800" wins over "Boeing 737"), which keeps
    the matches the same.
    """

    rank: dict[str, int]  # name -> place in the order names are tried
    by_spelling: dict[str, tuple[str, ...]]  # lower-case letters and digits -> names
    prefixes: frozenset[str]  # every beginning of a spelling
    anywhere: tuple[str, ...]  # names with non-ASCII letters, tried at every word start


@functools.cache
def _mention_index() -> _MentionIndex:
    index = _index()
    names = {*index.types, *(entry.display for entry in index.entries.values())}
    ordered = sorted(names, key=lambda name: (-len(_key(name)), name))
    by_spelling: dict[str, list[str]] = {}
    anywhere: list[str] = []
    for name in ordered:
        spelling = "".join(piece for pieces in _pieces(name) for piece in pieces)
        if spelling.isascii():
            by_spelling.setdefault(spelling.lower(), []).append(name)
        else:
            anywhere.append(name)
    return _MentionIndex(
        rank={name: n for n, name in enumerate(ordered)},
        by_spelling={spelling: tuple(found) for spelling, found in by_spelling.items()},
        prefixes=frozenset(s[:n] for s in by_spelling for n in range(1, len(s) + 1)),
        anywhere=tuple(anywhere),
    )


@functools.cache
def _ascii_twin(char: str) -> str | None:
    """The ASCII letter or digit a character matches ignoring case, as ``re`` decides.

    Besides "A"/"a" this pairs a few others: the Kelvin sign with "k", the
    long s with "s".
    """
    return next((c for c in _ASCII_ALNUM if re.fullmatch(c, char, re.IGNORECASE) is not None), None)


def _match_at(text: str, start: int, names: _MentionIndex) -> re.Match[str] | None:
    """The match the alternation of every name would make at a word start, or ``None``."""
    candidates = list(names.anywhere)
    spelled = ""
    for i in range(start, len(text)):
        char = text[i]
        if char.isspace() or char in _DASHES:
            continue
        if char.isascii():
            if not char.isalnum():
                break
            spelled += char.lower()
        elif (twin := _ascii_twin(char)) is not None:
            spelled += twin
        else:
            break
        if spelled not in names.prefixes:
            break
        candidates += names.by_spelling.get(spelled, ())
    for name in sorted(candidates, key=names.rank.__getitem__):
        match = _name_pattern(name).match(text, start)
        if match is not None:
            return match
    return None


def _context_allows(prose: Prose, text: str, start: int, end: int) -> bool:
    if prose == "yes":
        return True
    followed = _AIRCRAFT_NOUN.match(text, end) is not None
    if prose == "noun":
        return followed
    if followed or _INDEFINITE_ARTICLE.search(text[max(0, start - 16) : start]) is not None:
        return True
    # "The Hercules staged through here": the aircraft, doing something; not "the Gulfstream
    # Aerospace plant", whose next word is a name
    return bool(
        re.search(r"\bthe\s+$", text[max(0, start - 8) : start], re.IGNORECASE)
        and re.match(
            r",?\s+(?:was|had|has|is|then|later|finally|came|flew|took|left|made|went|set|will"
            r"|would|[a-z]+ed)\b",
            text[end:],
        )
    )


def find_aircraft_mentions(text: str) -> list[AircraftMention]:
    """Find the aircraft named in free text, in order of appearance.

    Longer names win over shorter ones at the same place ("Boeing 737-800", not
    "Boeing 737"), names match whole words only, and case, spaces and hyphens
    inside a name are free ("Gulfstream-V", "ERJ145", "A-320").

    What is deliberately *not* matched:

    * bare model numbers ("737", "757", ...) and the ambiguous short codes "G4"
      and "G5" unless an aircraft noun follows ("a 737 jet", "a G5 plane"): so
      "737 people", "Flight 737" and "the G5 summit" are not aircraft. "Boeing
      737", "737-800" and "737s" written with a maker or variant always match;
    * "Gulfstream" and "Hercules" alone unless preceded by "a"/"an", followed
      by an aircraft noun, or the subject of a verb ("the Hercules landed"), so
      "Gulfstream Aerospace" is not an aircraft.

    Parameters
    ----------
    text
        Report text, at most 1,000,000 characters.

    Returns
    -------
    list of AircraftMention
        Non-overlapping mentions; an optional plural "s" is included in the span.

    Raises
    ------
    InputError
        If ``text`` is not a string or is too long.

    Examples
    --------
    >>> text = "The Gulfstream V, which seats 14, replaced a 737 jet; 737 people waited."
    >>> [(m.text, m.spec.designator) for m in find_aircraft_mentions(text)]
    [('Gulfstream V', 'GLF5'), ('737', 'Boeing 737')]
    """
    if not isinstance(text, str):
        raise InputError(f"text {text!r}: expected a string")
    if len(text) > _MAX_TEXT_CHARS:
        raise InputError(f"text of {len(text):,} characters: expected at most {_MAX_TEXT_CHARS:,}")
    mentions: list[AircraftMention] = []
    names = _mention_index()
    pos = 0
    while (word := _WORD_START.search(text, pos)) is not None:
        at = word.start()
        head = text[at : at + 2].lower()
        head = head if head.isalnum() else head[:1]  # "A-320", "B 737": the first letter only
        if not names.anywhere and head.isascii() and head not in names.prefixes:
            pos = at + 1  # no name begins with these letters: most words
            continue
        match = _match_at(text, word.start(), names)
        if match is None:
            pos = word.start() + 1
            continue
        start = match.start()
        if re.fullmatch(r"[AB]\d{3}", match.group("core")) and re.match(
            r"-\d{3}\b", text[match.end() :]
        ):
            # "B737-400" is the 737-400, not the designator B737 (a 737-700) and a number
            variant = _match_at(text, word.start() + 1, names)
            if variant is not None and variant.end() > match.end():
                match = variant
        pos = match.end()
        core = match.group("core")
        entry = _resolve(core)
        if entry is None:  # the pattern and the look-up fold names alike; kept as a guard
            continue
        if not _context_allows(entry.prose, text, match.start(), match.end()):
            continue
        spec = _spec(entry.target)
        end = pos = _family_name_after(text, match.end(), spec, names)
        mentions.append(AircraftMention(start, end, text[start:end], spec))
    return mentions


def _family_name_after(text: str, end: int, spec: AircraftSpec, names: _MentionIndex) -> int:
    """Where a mention ends, taking in its family's name after it ("C-130J Hercules").

    The family's name alone ("Hercules") is not read as an aircraft without an
    article before it; after a type of the family it is part of that type's name,
    and no place (Hercules, California) either.
    """
    space = re.match(r"[ \t]+", text[end:])
    if space is None:
        return end
    after = _match_at(text, end + space.end(), names)
    entry = _resolve(after.group("core")) if after is not None else None
    if entry is None:
        return end
    family = _spec(entry.target)
    members = {t.icao_type for t in family.members}
    if family.is_family and members >= {t.icao_type for t in spec.members}:
        return after.end()  # type: ignore[union-attr]  # entry is None when after is
    return end


def aircraft_types() -> tuple[AircraftType, ...]:
    """Return every aircraft type of the bundled table, in file order.

    Examples
    --------
    >>> len(aircraft_types()) >= 25
    True
    >>> aircraft_types()[0].icao_type
    'GLF5'
    """
    return tuple(_index().types.values())


def aircraft_table() -> pd.DataFrame:
    """Return the bundled aircraft table as a pandas DataFrame indexed by designator.

    Missing figures are ``NaN`` (``<NA>`` for the seat counts).

    Examples
    --------
    >>> table = aircraft_table()
    >>> float(table.loc["GLF5", "range_nm"])
    6500.0
    >>> int(table.loc["GLF5", "max_seats"])
    19
    """
    import pandas as pd

    records = [
        {column: getattr(aircraft, column) for column in _COLUMNS} for aircraft in aircraft_types()
    ]
    table = pd.DataFrame.from_records(records, columns=list(_COLUMNS))
    table = table.astype({figure: "Int64" for figure in _INT_FIGURES})
    return table.set_index("icao_type")
