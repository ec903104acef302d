"""Plausibility checks: could the named aircraft have flown the route as reported.

Each check turns a measured :class:`~flightlegs.core.route.Route` into
:class:`Finding` s: one sentence a journalist can quote, a :class:`Severity`,
and the numbers behind it. Checks never print; :mod:`flightlegs.show.check_output`
renders the findings as text, JSON, JUnit XML or GitHub annotations.

The checks
----------
``aircraft``
    Which type the route was checked against, with the figures used; a warning
    when the type is unknown or lacks figures, naming the checks that could not run.
``unresolved``
    A stop that could not be placed (warning; implausible with ``strict``).
``doubt``
    Whether the route is what the input meant: no stop or a single stop read,
    places set aside, a detour that suggests a mistyped code, a leg from an
    airport to itself (warnings; see :mod:`flightlegs.checks.doubt`).
``range``
    Each leg's great-circle distance against the type's *usable* range: the
    published range less reserves, divided by the route factor, reduced by the
    headwind allowance. Beyond the usable range but within the published range
    plus ``range_tolerance`` is a warning; beyond that, implausible.
``stop-needed``
    For each intermediate stop: would the flight have reached the next stop
    without it? Says whether the stop was needed for fuel, probably a fuel stop
    (direct is within range by less than ``fuel_margin``), or not needed for range.
``seats``
    People reported aboard, and seats reported, against the type's maximum seats.
``runway``
    Each stop's longest runway against the take-off field length (landing field
    length at the last stop, where known). For a vague stop the message counts
    the candidates long enough; the verdict is ``ok`` when the best guess is,
    ``implausible`` when none is.
``speed``
    With times at the stops: the average ground speed each leg implies against
    the cruise speed, and times running backwards.

Uncertainty is carried, not hidden. A vague stop ("Texas") has several candidate
airports, so a leg has a minimum and a maximum distance; a family mention ("a
737") gives every figure as an interval. A verdict is ``ok`` only when it holds
for every candidate and every member, ``implausible`` only when it holds for
none, and the message says which.

Defaults (:class:`CheckSettings`) and where they come from
-----------------------------------------------------------
``route_factor = 1.03``
    Flown distance over great-circle distance. EUROCONTROL's horizontal
    en-route flight-efficiency indicator compares flown routes with the great
    circle: FABEC reported actual trajectories at 96.77 % of great-circle
    efficiency in 2017, i.e. about 3.3 % extra
    (https://www.fabec.eu/performance/environment). ICAO's Carbon Emissions
    Calculator adds 50-125 km to great-circle distances for the same reason
    (ICAO Carbon Emissions Calculator Methodology, "Trip distance").
``reserve_min = 45`` and ``alternate_nm = 200``
    Fuel left on landing: 45 minutes at normal cruising speed after reaching the
    alternate, as US IFR rules require (14 CFR 91.167(a)(3), and 135.223 for
    charters), with the alternate 200 nm away as in the NBAA IFR range format
    business-jet makers quote (missed approach, 200 nm to the alternate, then
    30 minutes' hold). Published ranges often do not say which reserves they
    assume (see ``range_conditions`` in ``data/aircraft.csv``), so deducting
    them errs towards calling a leg marginal, never towards "implausible".
``wind_kt = 0``
    Headwind allowance in knots (negative: tailwind). Still air by default, the
    basis of published ranges; winds on a given day are unknown. The
    ``stop-needed`` finding reports the headwind that would use up the margin.
``range_tolerance = 0.10``
    A leg is implausible only when it is more than 10 % beyond the published
    range flown on a perfect great circle with no reserves and no wind: range
    figures for one type differ by this much between sources.
``fuel_margin = 0.10``
    A direct flight within the usable range by less than 10 % makes the stop
    "probably a fuel stop": US international flag and supplemental rules add
    10 % of the flight time as contingency fuel (14 CFR 121.645(b)(1)).
``runway_margin = 1.0`` and ``runway_implausible = 0.6``
    Field lengths are certified at maximum weight, sea level, standard day.
    A runway shorter than that is a warning (possible at lower weight); shorter
    than 60 % of it is implausible: take-off distance grows with the square of
    weight (e.g. Anderson, *Aircraft Performance and Design*, ground-roll
    equation), so 60 % needs a take-off weight near 77 % of the maximum, already
    a light jet with little fuel.
``speed_margin_kt = 100`` and ``max_tailwind_kt = 250``
    An average ground speed over a leg more than 100 kt above the type's cruise
    speed needs a strong tailwind (warning); more than 250 kt above is beyond
    any jet-stream tailwind averaged over a leg (implausible). Average ground
    speeds from gate times include taxi, climb and descent, so they understate
    cruise ground speed: the thresholds err towards "plausible".
``detour_ratio = 3`` and ``far_ratio = 5``
    A stop whose legs add up to three times the direct distance between its
    neighbours, or an end leg five times the route's longest other leg, is
    doubted as a mistyped code: a fuel, crew or passenger stop on the way
    costs tens of percent (the ``stop-needed`` finding gives that share), not
    a multiple. A warning, never "implausible": the input may be right.

Examples
--------
>>> from flightlegs.read.chains import parse_chain
>>> route = parse_chain("AZA-ELP-ANC-SHE-ICN")[0].with_aircraft("GLF5")
>>> report = check_route(route)
>>> str(report.verdict)
'ok'
>>> alaska = next(f for f in report.findings if f.check == "stop-needed" and f.stop == 2)
>>> alaska.data["outcome"], round(alaska.data["direct_nm"])
('marginal', 5619)
>>> print(alaska.message[:64])
The stop in Anchorage, Alaska (ANC) was probably a fuel stop: El
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from flightlegs.checks.doubt import doubt_findings, is_detour, skipping_routes
from flightlegs.checks.results import CheckResults, DataValue, Finding, RouteCheck, Severity
from flightlegs.checks.settings import CheckSettings
from flightlegs.core.display import duration, span
from flightlegs.core.geodesy import METRES_PER
from flightlegs.core.legs import Leg, measure_many
from flightlegs.core.route import Route, Stop, StopKind
from flightlegs.errors import FlightlegsError
from flightlegs.reference.airports import airport_place

if TYPE_CHECKING:
    from flightlegs.reference.aircraft import AircraftSpec, Interval

__all__ = ["check_route", "check_routes"]


_NM: Final = METRES_PER["nm"]
_INF: Final = float("inf")


# --------------------------------------------------------------------------- naming


def _short(stop: Stop) -> str:
    """A stop in a leg's message: ``Anchorage (ANC)``, ``'Atlantis'``, else its label.

    A sentence names an airport by its city, where a table shows the bare code,
    and quotes a name that could not be placed; anything else reads as
    :attr:`Stop.label <flightlegs.core.route.Stop.label>` does (``Texas (ELP?)``).
    """
    airport = stop.airport
    if stop.kind is StopKind.AIRPORT and airport is not None:
        return f"{airport.city or airport.name} ({airport.code})"
    if airport is None and stop.kind is not StopKind.COORDINATES:
        return repr(stop.name)
    return stop.label


def _long(stop: Stop) -> str:
    """A stop on its own: ``Anchorage, Alaska (ANC)``, ``Alaska (ANC)``, ``Texas (ELP?)``."""
    airport = stop.airport
    if airport is None or stop.kind is not StopKind.AIRPORT:
        return _short(stop)
    return f"{airport_place(airport) or airport.ident} ({airport.code})"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _listing(items: Sequence[str], conjunction: str) -> str:
    """``"a"``, ``"a and b"``, ``"a, b and c"``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _a(label: str) -> str:
    """``"a Gulfstream V"``, ``"an Embraer ERJ 145"``, ``"an MD-82"``.

    Examples
    --------
    >>> [_a(x) for x in ("Gulfstream V", "Airbus A321", "MD-82", "C-130", "Hercules")]
    ['a Gulfstream V', 'an Airbus A321', 'an MD-82', 'a C-130', 'a Hercules']
    """
    first, second = label[:1].upper(), label[1:2]
    # Initials read letter by letter: "an MD-82", "an F-16"; but "a Hercules".
    spelled = first in "FHLMNRSX" and (second.isupper() or second.isdigit() or second == "-")
    return f"{'an' if first in 'AEIOU' or spelled else 'a'} {label}"


def _about(value: float) -> str:
    """A derived figure, rounded to 10 nm, as "about 5,780 nm"."""
    return f"about {round(value, -1):,.0f} nm"


# --------------------------------------------------------------------------- the aircraft


@dataclass(frozen=True, slots=True)
class _Performance:
    """One aircraft's figures turned into the limits the checks compare against."""

    spec: AircraftSpec
    label: str
    # The spec's figures, kept here because AircraftSpec works each one out over
    # its members at every access, and the checks read them for every leg and stop.
    range_nm: Interval | None
    cruise_ktas: Interval | None
    max_seats: Interval | None
    typical_seats: Interval | None
    takeoff_ft: Interval | None
    landing_ft: Interval | None
    # Great-circle distances, nm: usable with reserves/route factor/wind, and the
    # implausibility limit (range plus tolerance), each over the whole family.
    usable_low: float = float("nan")
    usable_high: float = float("nan")
    limit_low: float = float("nan")
    limit_high: float = float("nan")
    reserve_nm: float = float("nan")
    # Figures as shown in messages ("6,500", "5,249\u20137,546", "about 5,780 nm"),
    # formatted once rather than once per finding.
    text: Mapping[str, str] = field(default_factory=dict)

    @property
    def family_note(self) -> str:
        return " (depending on the member of the family)" if self.spec.is_family else ""


_NAN: Final = float("nan")


def _usable_nm(range_nm: float, cruise: float | None, s: CheckSettings) -> float:
    """Great-circle distance coverable with reserves, route factor and wind."""
    if cruise is None:
        trip = range_nm - s.alternate_nm
        ground = trip
    else:
        trip = range_nm - s.alternate_nm - s.reserve_min / 60.0 * cruise
        ground = trip * max(cruise - s.wind_kt, 0.0) / cruise
    return max(ground, 0.0) / s.route_factor


def _label(given: str | None, spec: AircraftSpec) -> str:
    """The name used in messages: as the input wrote it, unless that was a bare code."""
    short = spec.name.split(" (")[0].strip() or spec.designator
    if given:
        text = given.strip()
        for article in ("a ", "an ", "the "):
            if text.lower().startswith(article):
                text = text[len(article) :]
        folded = "".join(ch for ch in text.upper() if ch.isalnum())
        if folded and folded != spec.designator.upper() and sum(ch.isalpha() for ch in text) >= 2:
            return text
    return short


def _performance(spec: AircraftSpec, given: str | None, s: CheckSettings) -> _Performance:
    rng, cruise = spec.range_nm, spec.cruise_ktas
    usable_low = usable_high = limit_low = limit_high = reserve = _NAN
    if rng is not None:
        speeds: tuple[float | None, ...] = (cruise.low, cruise.high) if cruise else (None,)
        corners = [_usable_nm(r, v, s) for r in (rng.low, rng.high) for v in speeds]
        usable_low, usable_high = min(corners), max(corners)
        limit_low = rng.low * (1.0 + s.range_tolerance)
        limit_high = rng.high * (1.0 + s.range_tolerance)
        reserve = s.alternate_nm + (s.reserve_min / 60.0 * cruise.low if cruise else 0.0)
    return _Performance(
        spec=spec,
        label=_label(given, spec),
        range_nm=rng,
        cruise_ktas=cruise,
        max_seats=spec.max_seats,
        typical_seats=spec.typical_seats,
        takeoff_ft=spec.takeoff_field_ft,
        landing_ft=spec.landing_field_ft,
        usable_low=usable_low,
        usable_high=usable_high,
        limit_low=limit_low,
        limit_high=limit_high,
        reserve_nm=reserve,
        text={
            "range": str(rng),
            "cruise": str(cruise),
            "seats": str(spec.max_seats),
            "typical": str(spec.typical_seats),
            "takeoff": str(spec.takeoff_field_ft),
            "landing": str(spec.landing_field_ft),
            "usable": (
                _about(usable_low)
                if round(usable_low, -1) == round(usable_high, -1) or math.isnan(usable_low)
                else f"about {span(round(usable_low, -1), round(usable_high, -1), 'nm')}"
            ),
        },
    )


class _AircraftCache:
    """Aircraft look-ups and derived limits, once per distinct name in a batch."""

    def __init__(self, settings: CheckSettings) -> None:
        self.settings = settings
        self._cache: dict[str, _Performance | str] = {}
        # Findings that depend only on the aircraft (and an airport) repeat across
        # a batch; they are immutable, so each is built once.
        self._aircraft_findings: dict[int, Finding] = {}
        self._runway: dict[tuple[int, str, bool], Finding | None] = {}

    def aircraft_finding(self, perf: _Performance | str | None) -> Finding:
        """The ``aircraft`` finding for ``perf``, built once per batch."""
        key = id(perf)
        hit = self._aircraft_findings.get(key)
        if hit is None:
            hit = self._aircraft_findings[key] = _aircraft_finding(perf, self.settings)
        return hit

    def runway_finding(
        self, index: int, stop: Stop, last: bool, perf: _Performance
    ) -> Finding | None:
        """The ``runway`` finding of a stop; cached for stops pinned to one airport."""
        if len(stop.candidates) != 1 or stop.kind is not StopKind.AIRPORT:
            return _runway_finding(index, stop, last, perf, self.settings)
        key = (id(perf), stop.candidates[0].ident, last)
        if key in self._runway:
            hit = self._runway[key]
        else:
            hit = self._runway[key] = _runway_finding(-1, stop, last, perf, self.settings)
        if hit is None:
            return None
        return Finding(hit.check, hit.severity, hit.message, None, index, hit.data)

    def get(self, given: str | AircraftSpec | None) -> _Performance | str | None:
        """The performance, an error message for an unknown type, or ``None``."""
        if given is None or (isinstance(given, str) and not given.strip()):
            return None
        if not isinstance(given, str):
            return _performance(given, None, self.settings)
        hit = self._cache.get(given)
        if hit is None:
            from flightlegs.reference.aircraft import lookup_aircraft

            try:
                hit = _performance(lookup_aircraft(given), given, self.settings)
            except FlightlegsError as err:
                hit = str(err)
            self._cache[given] = hit
        return hit


def _aircraft_finding(perf: _Performance | str | None, s: CheckSettings) -> Finding:
    if perf is None:
        return Finding(
            "aircraft",
            Severity.WARNING,
            "No aircraft type is known for this route, so the range, stop, seat, runway "
            "and speed checks could not run.",
        )
    if isinstance(perf, str):
        return Finding(
            "aircraft",
            Severity.WARNING,
            f"The aircraft could not be identified ({perf}), so the range, stop, seat, "
            "runway and speed checks could not run.",
            data={"error": perf},
        )
    missing: list[tuple[str, ...]] = []
    if perf.range_nm is None:
        missing.append(("range", "range", "stop"))
    if perf.cruise_ktas is None:
        missing.append(("cruise speed", "speed"))
    if perf.max_seats is None:
        missing.append(("seat count", "seat"))
    if perf.takeoff_ft is None:
        missing.append(("take-off field length", "runway"))
    spec = perf.spec
    data: dict[str, DataValue] = {
        "designator": spec.designator,
        "name": spec.name,
        "is_family": spec.is_family,
        "members": ",".join(m.icao_type for m in spec.members),
        "label": _a(perf.label),
    }
    for key, interval in (
        ("range_nm", perf.range_nm),
        ("cruise_ktas", perf.cruise_ktas),
        ("max_seats", perf.max_seats),
        ("takeoff_field_ft", perf.takeoff_ft),
        ("landing_field_ft", perf.landing_ft),
    ):
        data[f"{key}_low"] = interval.low if interval else None
        data[f"{key}_high"] = interval.high if interval else None
    data["reserve_nm"] = None if math.isnan(perf.reserve_nm) else perf.reserve_nm
    data["usable_nm_low"] = None if math.isnan(perf.usable_low) else perf.usable_low
    data["usable_nm_high"] = None if math.isnan(perf.usable_high) else perf.usable_high
    rng, cruise, seats, takeoff = perf.range_nm, perf.cruise_ktas, perf.max_seats, perf.takeoff_ft
    if missing or rng is None or cruise is None:
        what = _listing([m[0] for m in missing], "or")
        checks = _listing([name for m in missing for name in m[1:]], "and")
        return Finding(
            "aircraft",
            Severity.WARNING,
            f"The aircraft table has no {what} for the {perf.label}, so the {checks} "
            "checks could not run.",
            data=data,
        )
    wind = (
        "in still air"
        if s.wind_kt == 0
        else f"against a {s.wind_kt:g} kt headwind"
        if s.wind_kt > 0
        else f"with a {-s.wind_kt:g} kt tailwind"
    )
    usable = perf.text["usable"]
    return Finding(
        "aircraft",
        Severity.OK,
        f"Checked as {_a(perf.label)}{perf.family_note}: published range "
        f"{rng} nm, usable {usable} after {s.reserve_min:g} min + "
        f"{s.alternate_nm:g} nm reserves and a {(s.route_factor - 1) * 100:g}% route "
        f"allowance {wind}; cruise {cruise} kt; {seats} seats; take-off field {takeoff} ft.",
        data=data,
    )


# --------------------------------------------------------------------------- the checks


def _scope(every: bool, none: bool) -> str:
    return "every" if every else "none" if none else "some"


def _over(vague: bool, family: bool) -> str:
    if vague and family:
        return "candidate airport pairs and family members"
    return "candidate airport pairs" if vague else "members of the family"


def _range_finding(leg: Leg, perf: _Performance, rng: Interval, s: CheckSettings) -> Finding:
    d_min, d, d_max = leg.distance_min_m / _NM, leg.distance_m / _NM, leg.distance_max_m / _NM
    vague, family = leg.is_range, perf.spec.is_family
    ok_scope = _scope(d_max <= perf.usable_low, d_min > perf.usable_high)
    bad_scope = _scope(d_min > perf.limit_high, d_max <= perf.limit_low)
    where = f"Leg {leg.number} {_short(leg.origin)} -> {_short(leg.destination)}"
    dist = f"{d:,.0f} nm ({d * _NM / 1000:,.0f} km)"
    if vague:
        dist += f", {span(d_min, d_max, 'nm')} over the candidate airports"
    usable = perf.text["usable"]
    data: dict[str, DataValue] = {
        "distance_nm": d,
        "distance_nm_min": d_min,
        "distance_nm_max": d_max,
        "usable_nm_low": perf.usable_low,
        "usable_nm_high": perf.usable_high,
        "range_nm_low": rng.low,
        "range_nm_high": rng.high,
        "limit_nm_high": perf.limit_high,
        "within_usable": ok_scope,
        "beyond_limit": bad_scope,
    }
    over = _over(vague, family)
    if ok_scope == "every":
        tail = f" for all {over}" if vague or family else ""
        return Finding(
            "range",
            Severity.OK,
            f"{where} is {dist}, within the {perf.label}'s usable range of {usable}{tail}.",
            leg=leg.number,
            data=data,
        )
    if bad_scope == "every":
        excess = (d_min / rng.high - 1.0) * 100.0
        tail = f" for all {over}" if vague or family else ""
        return Finding(
            "range",
            Severity.IMPLAUSIBLE,
            f"{where} is {dist}, {excess:.0f}% beyond the {perf.label}'s published range "
            f"of {perf.text['range']} nm{tail}: it cannot be flown without refuelling.",
            leg=leg.number,
            data=data,
        )
    if ok_scope == "none" and bad_scope == "none":
        return Finding(
            "range",
            Severity.WARNING,
            f"{where} is {dist}, beyond the {perf.label}'s usable range of {usable} but "
            f"within its published {perf.text['range']} nm: possible only with a tailwind, "
            "a light load or reduced reserves.",
            leg=leg.number,
            data=data,
        )
    if ok_scope == "some":
        first = f"within the {perf.label}'s usable range of {usable} only for some {over}"
    else:
        first = f"beyond the {perf.label}'s usable range of {usable}"
    if bad_scope == "some":
        second = (
            f"more than {s.range_tolerance:.0%} beyond the published range "
            f"({perf.text['range']} nm) for some {over}"
        )
    elif d_max <= rng.low:
        second = f"but within its published {perf.text['range']} nm"
    else:
        second = f"but at most {s.range_tolerance:.0%} beyond its published {perf.text['range']} nm"
    return Finding(
        "range",
        Severity.WARNING,
        f"{where} is {dist}: {first}, {second}.",
        leg=leg.number,
        data=data,
    )


def _same_place(a: Stop, b: Stop) -> bool:
    """Whether two stops are the same airport (or the same point)."""
    if a.point is not None or b.point is not None:
        return a.point == b.point
    return a.airport is not None and b.airport is not None and a.airport.ident == b.airport.ident


def _stop_needed_finding(
    index: int,
    stop: Stop,
    legs: tuple[Leg, Leg, Leg],
    perf: _Performance,
    rng: Interval,
    s: CheckSettings,
) -> Finding:
    before, after, direct = legs
    d_min, d, d_max = (
        direct.distance_min_m / _NM,
        direct.distance_m / _NM,
        direct.distance_max_m / _NM,
    )
    detour = (before.distance_m + after.distance_m) / _NM - d
    cruise = perf.cruise_ktas
    margin = 1.0 + s.fuel_margin
    needed_every = d_min > perf.usable_high
    needed_none = d_max <= perf.usable_low
    comfortable_every = d_max * margin <= perf.usable_low
    # The headwind that would use the margin up exactly, for the likely distance.
    headwind: float | None = None
    if cruise is not None:
        trip = rng.low - s.alternate_nm - s.reserve_min / 60.0 * cruise.low
        if trip > 0:
            headwind = cruise.low * (1.0 - d * s.route_factor / trip)
    usable = perf.text["usable"]
    # A stop the input named as one ("Alaska fuel stop") is not "the stop in" it.
    place = f"the {_long(stop)}" if "stop" in stop.name.lower() else f"the stop in {_long(stop)}"
    ends = f"{_short(direct.origin)} -> {_short(direct.destination)} direct would be"
    dist = f"{d:,.0f} nm" if not direct.is_range else f"{span(d_min, d_max, 'nm')}"
    share = detour / d * 100 if d else _INF
    adds = f"{detour:,.0f} nm" + (f" ({share:.{1 if share < 1 else 0}f}%)" if d else "")
    if needed_every:
        outcome = "needed"
        message = (
            f"{_upper_first(place)} was needed for fuel: {ends} {dist}, beyond the "
            f"{perf.label}'s usable range of {usable}."
        )
    elif comfortable_every and _same_place(direct.origin, direct.destination):
        # A round trip: the stop is where the flight turned back, not a stop on the way.
        outcome = "not needed"
        message = (
            f"{_upper_first(place)} was not needed for range: the flight returns to "
            f"{_short(direct.origin)} after it, so it is the far end of a round trip "
            f"({(before.distance_m + after.distance_m) / _NM:,.0f} nm there and back)."
        )
    elif comfortable_every:
        outcome = "not needed"
        reasons = (
            ", a detour that suggests a mistyped code (see the doubt warning)"
            if is_detour(before, after, direct, s)
            else " and had other reasons, such as crew, customs or passengers"
        )
        message = (
            f"{_upper_first(place)} was not needed for range: {ends} {dist}, well within the "
            f"{perf.label}'s usable range of {usable}; it adds {adds}{reasons}."
        )
    elif needed_none and not direct.is_range and not perf.spec.is_family:
        outcome = "marginal"
        wind = (
            f" (a headwind above {headwind:,.0f} kt would use it up)"
            if headwind is not None and headwind > 0
            else ""
        )
        message = (
            f"{_upper_first(place)} was probably a fuel stop: {ends} {dist}, within the "
            f"{perf.label}'s usable range of {usable} by less than {s.fuel_margin:.0%}{wind}, "
            f"and the stop adds only {adds}."
        )
    else:
        outcome = "maybe"
        over = _over(direct.is_range, perf.spec.is_family)
        # Say where the best guess lies, then how far the uncertainty reaches.
        if d > perf.usable_high:
            relation, others = "beyond", "though within it"
        elif d * margin <= perf.usable_low:
            relation, others = "within", "but beyond or close to it"
        else:
            relation, others = "close to", "and beyond or close to it"
        likely = f"about {d:,.0f} nm" + (" between the best guesses" if direct.is_range else "")
        message = (
            f"{_upper_first(place)} may have been needed for fuel: {ends} {likely}, "
            f"{relation} the {perf.label}'s usable range of {usable}, {others} for some "
            f"{over} ({dist}); the stop adds {adds}."
        )
    return Finding(
        "stop-needed",
        Severity.OK,
        message,
        stop=index,
        data={
            "outcome": outcome,
            "direct_nm": d,
            "direct_nm_min": d_min,
            "direct_nm_max": d_max,
            "detour_nm": detour,
            "usable_nm_low": perf.usable_low,
            "usable_nm_high": perf.usable_high,
            "breakeven_headwind_kt": None if headwind is None else headwind,
            "from_stop": index - 1,
            "to_stop": index + 1,
        },
    )


def _seat_findings(route: Route, perf: _Performance) -> list[Finding]:
    seats = perf.max_seats
    if seats is None:
        return []
    out = []
    typical = perf.typical_seats
    usual = f" (typically {perf.text['typical']})" if typical is not None else ""
    data: dict[str, DataValue] = {
        "people": route.people,
        "seats_reported": route.seats,
        "max_seats_low": seats.low,
        "max_seats_high": seats.high,
        "typical_seats_high": typical.high if typical else None,
    }
    for count, what in ((route.people, "people"), (route.seats, "seats")):
        if count is None:
            continue
        subject = (
            f"{count:,} {'person' if count == 1 else 'people'} reported aboard"
            if what == "people"
            else f"A reported capacity of {count:,} seats"
        )
        if what == "people" and count:
            subject = subject[0].upper() + subject[1:]
        if count <= seats.low:
            severity = Severity.OK
            text = f"{subject} fits the {perf.label}'s {perf.text['seats']} seats{usual}."
            if what == "people":
                text = f"{subject} fit in the {perf.label}'s {perf.text['seats']} seats{usual}."
        elif count > seats.high:
            severity = Severity.IMPLAUSIBLE
            text = (
                f"{subject} {'exceed' if what == 'people' else 'exceeds'} the "
                f"{perf.label}'s maximum of {seats} passenger seats."
            )
        else:
            severity = Severity.WARNING
            text = (
                f"{subject} {'exceed' if what == 'people' else 'exceeds'} the maximum of "
                f"some members of the {perf.label} family ({perf.text['seats']} seats)."
            )
        out.append(Finding("seats", severity, text, data=data))
    if route.people is not None and route.seats is not None and route.people > route.seats:
        out.append(
            Finding(
                "seats",
                Severity.WARNING,
                f"The report gives {route.people:,} people aboard but only {route.seats:,} seats.",
                data=data,
            )
        )
    return out


def _runway_finding(
    index: int, stop: Stop, last: bool, perf: _Performance, s: CheckSettings
) -> Finding | None:
    landing = last and perf.landing_ft is not None
    need = perf.landing_ft if landing else perf.takeoff_ft
    if need is None:
        return None
    verb = "land" if landing else "take off"
    ok_at = need.high * s.runway_margin
    bad_below = need.low * s.runway_implausible
    lengths = [a.longest_runway_ft for a in stop.candidates]
    n = len(lengths)
    data: dict[str, DataValue] = {
        "needed_ft_low": need.low,
        "needed_ft_high": need.high,
        "candidates": n,
        "for": "landing" if landing else "take-off",
    }
    need_text = perf.text["landing" if landing else "takeoff"]
    needs = f"the {need_text} ft {_a(perf.label)} needs to {verb} at maximum weight"
    if n == 0:
        return Finding(
            "runway",
            Severity.WARNING,
            f"No airport is known for {_long(stop)}, so its runway could not be checked "
            f"against {needs}.",
            stop=index,
            data=data,
        )
    known = [x for x in lengths if x is not None]
    long_enough = sum(1 for x in known if x >= ok_at)
    too_short = sum(1 for x in known if x < bad_below)
    data.update(long_enough=long_enough, too_short=too_short, unknown=n - len(known))
    if n == 1:
        length = lengths[0]
        data["runway_ft"] = length
        if length is None:
            return Finding(
                "runway",
                Severity.WARNING,
                f"The runway length of {_long(stop)} is not known, so it could not be checked "
                f"against {needs}.",
                stop=index,
                data=data,
            )
        if long_enough:
            severity, verdict = Severity.OK, "enough for"
        elif too_short:
            severity, verdict = Severity.IMPLAUSIBLE, f"less than {s.runway_implausible:.0%} of"
        else:
            severity, verdict = Severity.WARNING, "shorter than"
        tail = "" if long_enough or too_short else ": possible only well below maximum weight"
        return Finding(
            "runway",
            severity,
            f"{_long(stop)} has a longest runway of {length:,.0f} ft, {verdict} {needs}{tail}.",
            stop=index,
            data=data,
        )
    best = stop.candidates[0]
    best_len = best.longest_runway_ft
    best_text = (
        f"{best.code} has {best_len:,.0f} ft"
        if best_len is not None
        else f"{best.code}'s is unknown"
    )
    # A vague stop's candidates include every small field near the place; the
    # resolver ranks the likely one first, so the verdict follows the best guess.
    if best_len is not None and best_len >= ok_at:
        severity = Severity.OK
    elif too_short == n:
        severity = Severity.IMPLAUSIBLE
    else:
        severity = Severity.WARNING
    if long_enough == n:
        counted = f"All {n} candidate airports for {_long(stop)} have"
    elif long_enough == 0:
        counted = f"None of the {n} candidate airports for {_long(stop)} has"
    else:
        verb_n = "has" if long_enough == 1 else "have"
        counted = f"{long_enough} of the {n} candidate airports for {_long(stop)} {verb_n}"
    return Finding(
        "runway",
        severity,
        f"{counted} a runway long "
        f"enough to {verb} {_a(perf.label)} at maximum weight ({need_text} ft; the best guess "
        f"{best_text}).",
        stop=index,
        data=data,
    )


def _duration(delta: dt.timedelta) -> str:
    return duration(delta.total_seconds() / 3600.0)


def _time_findings(
    route: Route, legs: Sequence[Leg], perf: _Performance | None, s: CheckSettings
) -> list[Finding]:
    out: list[Finding] = []
    stops = route.stops
    if not any(st.arrival or st.departure for st in stops):
        return out
    for i, st in enumerate(stops):
        if st.arrival is not None and st.departure is not None:
            delta = _minus(st.departure, st.arrival)
            if delta is not None and delta < dt.timedelta(0):
                out.append(
                    Finding(
                        "speed",
                        Severity.IMPLAUSIBLE,
                        f"At {_long(st)} the reported departure ({st.departure:%Y-%m-%d %H:%M %Z}) "
                        f"is {_duration(-delta)} before the reported arrival "
                        f"({st.arrival:%Y-%m-%d %H:%M %Z}).",
                        stop=i,
                        data={"ground_time_h": delta.total_seconds() / 3600.0},
                    )
                )
    for leg in legs:
        # Departure, else arrival at the origin (earlier, so the speed is a lower
        # bound); arrival, else departure at the destination (later, likewise).
        t0 = leg.origin.departure or leg.origin.arrival
        t1 = leg.destination.arrival or leg.destination.departure
        if t0 is None or t1 is None:
            continue
        where = f"Leg {leg.number} {_short(leg.origin)} -> {_short(leg.destination)}"
        delta = _minus(t1, t0)
        if delta is None:
            out.append(
                Finding(
                    "speed",
                    Severity.WARNING,
                    f"{where}: the reported times have no time zone, so its speed could not "
                    "be checked.",
                    leg=leg.number,
                )
            )
            continue
        hours = delta.total_seconds() / 3600.0
        if hours <= 0:
            out.append(
                Finding(
                    "speed",
                    Severity.IMPLAUSIBLE,
                    f"{where} arrives {_duration(-delta)} before it departs by the reported times.",
                    leg=leg.number,
                    data={"elapsed_h": hours},
                )
            )
            continue
        if perf is None or perf.cruise_ktas is None or not leg.is_measured:
            continue
        cruise = perf.cruise_ktas
        gs_min, gs = leg.distance_min_m / _NM / hours, leg.distance_m / _NM / hours
        gs_max = leg.distance_max_m / _NM / hours
        warn_at = cruise.high + s.speed_margin_kt
        bad_at = cruise.high + s.max_tailwind_kt
        data: dict[str, DataValue] = {
            "elapsed_h": hours,
            "ground_speed_kt": gs,
            "ground_speed_kt_min": gs_min,
            "ground_speed_kt_max": gs_max,
            "cruise_ktas_high": cruise.high,
        }
        speed = f"{gs:,.0f} kt" if not leg.is_range else span(gs_min, gs_max, "kt")
        took = f"{where} took {_duration(delta)} for {leg.nm:,.0f} nm, an average of {speed}"
        if gs_max <= warn_at:
            severity = Severity.OK
            text = f"{took}, consistent with the {perf.label}'s cruise of {perf.text['cruise']} kt."
        elif gs_min > bad_at:
            severity = Severity.IMPLAUSIBLE
            text = (
                f"{took}: {gs_min - cruise.high:,.0f} kt faster than the {perf.label}'s cruise "
                f"of {perf.text['cruise']} kt, more than any tailwind explains."
            )
        else:
            severity = Severity.WARNING
            text = (
                f"{took}, faster than the {perf.label}'s cruise of {perf.text['cruise']} kt: "
                "it needs a strong tailwind, or the times are wrong."
            )
        out.append(Finding("speed", severity, text, leg=leg.number, data=data))
    return out


def _minus(later: dt.datetime, earlier: dt.datetime) -> dt.timedelta | None:
    """``later - earlier``, or ``None`` when either lacks a time zone."""
    if later.utcoffset() is None or earlier.utcoffset() is None:
        return None
    return later - earlier


def _unresolved_findings(route: Route, s: CheckSettings) -> list[Finding]:
    out = []
    last = len(route.stops) - 1
    for i, st in enumerate(route.stops):
        if st.is_resolved:
            continue
        legs = [n for n in (i, i + 1) if 1 <= n <= last]
        which = " and ".join(str(n) for n in legs)
        affected = (
            f", so leg{'s' if len(legs) > 1 else ''} {which} could not be measured" if legs else ""
        )
        out.append(
            Finding(
                "unresolved",
                Severity.IMPLAUSIBLE if s.strict else Severity.WARNING,
                f"The stop {st.name!r} could not be placed on the map{affected}.",
                stop=i,
                data={"name": st.name, "kind": str(st.kind)},
            )
        )
    return out


def _check_one(
    route: Route,
    legs: tuple[Leg, ...],
    directs: Mapping[int, Leg],
    perf: _Performance | str | None,
    batch: _AircraftCache,
) -> RouteCheck:
    s = batch.settings
    findings: list[Finding] = [batch.aircraft_finding(perf)]
    findings.extend(_unresolved_findings(route, s))
    findings.extend(doubt_findings(route, legs, directs, s))
    known = perf if isinstance(perf, _Performance) else None
    rng = known.range_nm if known is not None else None
    if known is not None and rng is not None:
        findings.extend(_range_finding(leg, known, rng, s) for leg in legs if leg.is_measured)
        for k, direct in directs.items():
            trio = (legs[k - 1], legs[k], direct)
            findings.append(_stop_needed_finding(k, route.stops[k], trio, known, rng, s))
    if known is not None:
        findings.extend(_seat_findings(route, known))
        last = len(route.stops) - 1
        for i, st in enumerate(route.stops):
            if st.is_resolved:
                finding = batch.runway_finding(i, st, i == last and i > 0, known)
                if finding is not None:
                    findings.append(finding)
    findings.extend(_time_findings(route, legs, known, s))
    return RouteCheck(
        route=route,
        legs=legs,
        findings=tuple(findings),
        aircraft=known.spec if known is not None else None,
    )


def check_routes(
    routes: Iterable[Route],
    settings: CheckSettings | None = None,
    aircraft: str | AircraftSpec | None = None,
) -> CheckResults:
    """Check many routes; every leg of every route is measured in one geodesic call.

    Parameters
    ----------
    routes
        The routes to check.
    settings
        The assumptions (:class:`CheckSettings`); the defaults when ``None``.
    aircraft
        Check every route against this type (a name such as ``"GLF5"`` or an
        :class:`~flightlegs.reference.aircraft.AircraftSpec`) instead of each route's own.

    Returns
    -------
    CheckResults
        One :class:`RouteCheck` per route, in order.

    Examples
    --------
    >>> from flightlegs.read.inputs import read_routes
    >>> report = check_routes(read_routes("AZA-ELP-ANC"), aircraft="GLF5")
    >>> [f.data["outcome"] for _, f in report.findings if f.check == "stop-needed"]
    ['not needed']
    """
    s = settings if settings is not None else CheckSettings()
    routes = list(routes)
    return _check_batch(routes, s, aircraft)


def _check_batch(
    routes: list[Route], s: CheckSettings, aircraft: str | AircraftSpec | None
) -> CheckResults:
    cache = _AircraftCache(s)
    perfs = [cache.get(aircraft if aircraft is not None else r.aircraft) for r in routes]
    # One measuring pass: the routes' own legs, then each intermediate stop's
    # "direct" leg that skips it (for the stop-needed and doubt checks).
    skips, owners = skipping_routes(routes)
    measured = measure_many([*routes, *skips])
    directs: list[dict[int, Leg]] = [{} for _ in routes]
    for (n, k), legs in zip(owners, measured[len(routes) :], strict=True):
        directs[n][k] = legs[0]  # its indexes are within the two-stop route
    reports = []
    for n, route in enumerate(routes):
        checked = route
        if aircraft is not None and isinstance(aircraft, str):
            checked = route.with_aircraft(aircraft)
        reports.append(_check_one(checked, measured[n], directs[n], perfs[n], cache))
    return CheckResults(routes=tuple(reports), settings=s)


def check_route(
    route: Route,
    settings: CheckSettings | None = None,
    aircraft: str | AircraftSpec | None = None,
) -> RouteCheck:
    """Check one route (see :func:`check_routes`).

    Examples
    --------
    >>> from flightlegs.read.inputs import read_routes
    >>> route = read_routes("ANC-SHE")[0]
    >>> report = check_route(route, aircraft="Embraer 145")
    >>> str(report.verdict)
    'implausible'
    """
    return check_routes([route], settings, aircraft).routes[0]
