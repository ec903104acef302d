"""Doubt about what was read: the ``doubt`` check.

The other checks ask whether an aircraft could have flown a route; this one
asks whether the route is what the input meant. Each finding is a warning, so
a doubtful route is never called plausible and fails under ``--strict``:

* no stop was read, or only one, so there is no leg to check;
* the reader set places aside that may have been stops (``Route.set_aside``);
* whatever else the reader could not settle (``Route.warnings``, other than
  the unplaced stops the ``unresolved`` check reports);
* a stop that makes a detour of :attr:`~CheckSettings.detour_ratio` times the
  direct distance between its neighbours (``MIA-PAP-SQD-MIA``: SQD, Shangrao,
  typed for SDQ, Santo Domingo), or a first or last stop whose leg is
  :attr:`~CheckSettings.far_ratio` times the route's longest other leg: the
  likely mistyped code. A stop the route visits twice is a base it returns
  to, and a near round trip (neighbours closer than 100 nm) has no direct
  distance to compare with, so neither is doubted;
* a leg that starts and ends at the same airport.

Examples
--------
>>> from flightlegs.read.chains import parse_chain
>>> [f.data["doubt"] for f in doubt_findings(parse_chain("MIA-PAP-SQD-MIA")[0])]
['detour']
>>> doubt_findings(parse_chain("MIA-PAP-SDQ-MIA")[0])
[]
>>> print(doubt_findings(parse_chain("MIA")[0])[0].message)
Only one stop was read (Miami, Florida (MIA)), so there is no leg to check.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from typing import Final

from flightlegs.checks.results import DataValue, Finding, Severity
from flightlegs.checks.settings import CheckSettings
from flightlegs.core.airport import Airport
from flightlegs.core.geodesy import METRES_PER
from flightlegs.core.legs import Leg, measure_many
from flightlegs.core.route import Route, Stop, StopKind
from flightlegs.reference.airports import airport_place

__all__ = [
    "MIN_DIRECT_NM",
    "MIN_DOUBTED_NM",
    "direct_legs",
    "doubt_findings",
    "is_detour",
    "skipping_routes",
]

_NM: Final = METRES_PER["nm"]
#: Neighbours closer than this (nm) make a round trip, not a detour.
MIN_DIRECT_NM: Final = 100.0
#: A detour or an end leg shorter than this (nm) is not doubted: short hops
#: between nearby fields are ordinary, and a mistyped code lands far away.
MIN_DOUBTED_NM: Final = 500.0
#: At most this many set-aside places are named in one finding.
_LISTED: Final = 5


@functools.lru_cache(maxsize=4096)
def _airport_named(airport: Airport) -> str:
    # airport_place works the city out afresh each time; a batch names the same few often
    return f"{airport_place(airport) or airport.ident} ({airport.code})"


def _place(stop: Stop) -> str:
    """``Shangrao, China (SQD)``, ``'Atlantis'``, or the stop's label."""
    airport = stop.airport
    if stop.kind is StopKind.AIRPORT and airport is not None:
        return _airport_named(airport)
    if airport is None and stop.kind is not StopKind.COORDINATES:
        return repr(stop.name)
    return stop.label


def _pinned(stop: Stop) -> bool:
    """Whether the stop has one position, so a far position is a fact, not a guess."""
    return stop.point is not None or len(stop.candidates) == 1


def _visits(route: Route) -> dict[str, int]:
    counts: dict[str, int] = {}
    for stop in route.stops:
        if stop.is_resolved:
            counts[stop.code] = counts.get(stop.code, 0) + 1
    return counts


def is_detour(before: Leg, after: Leg, direct: Leg, s: CheckSettings) -> bool:
    """Whether flying ``before`` then ``after`` instead of ``direct`` is a doubtful detour.

    Examples
    --------
    >>> from flightlegs.read.chains import parse_chain
    >>> legs = parse_chain("PAP-SQD-MIA")[0].legs()
    >>> direct = parse_chain("PAP-MIA")[0].legs()[0]
    >>> is_detour(legs[0], legs[1], direct, CheckSettings())
    True
    """
    if not (before.is_measured and after.is_measured and direct.is_measured):
        return False
    via, straight = before.distance_m / _NM + after.distance_m / _NM, direct.distance_m / _NM
    return (
        straight >= MIN_DIRECT_NM
        and via - straight >= MIN_DOUBTED_NM
        and via >= s.detour_ratio * straight
    )


def skipping_routes(routes: Sequence[Route]) -> tuple[list[Route], list[tuple[int, int]]]:
    """The two-stop routes that skip each intermediate stop, and whose stop each skips.

    Returns
    -------
    skips, owners
        ``skips[i]`` flies from the stop before stop ``k`` of route ``n`` to
        the stop after it, where ``owners[i] == (n, k)``; only for stops that
        have a position, as do their neighbours.
    """
    skips: list[Route] = []
    owners: list[tuple[int, int]] = []
    for n, route in enumerate(routes):
        stops = route.stops
        for k in range(1, len(stops) - 1):
            a, b = stops[k - 1], stops[k + 1]
            if a.is_resolved and b.is_resolved and stops[k].is_resolved:
                skips.append(Route(stops=(a, b)))
                owners.append((n, k))
    return skips, owners


def direct_legs(routes: Sequence[Route]) -> list[dict[int, Leg]]:
    """For each route, the leg that skips each intermediate stop, measured in one call.

    Returns
    -------
    list of dict
        Per route, ``{stop index: the leg from the stop before it to the stop after}``
        (see :func:`skipping_routes`).
    """
    skips, owners = skipping_routes(routes)
    out: list[dict[int, Leg]] = [{} for _ in routes]
    for (n, k), legs in zip(owners, measure_many(skips), strict=True):
        out[n][k] = legs[0]
    return out


def doubt_findings(
    route: Route,
    legs: Sequence[Leg] | None = None,
    directs: Mapping[int, Leg] | None = None,
    settings: CheckSettings | None = None,
) -> list[Finding]:
    """Every doubt about ``route``: each a ``doubt`` warning whose ``data["doubt"]`` says which.

    Parameters
    ----------
    route
        The route as read.
    legs
        Its measured legs; measured here when ``None``.
    directs
        The legs skipping each intermediate stop (:func:`direct_legs`);
        measured here when ``None``.
    settings
        ``detour_ratio`` and ``far_ratio``; the defaults when ``None``.
    """
    s = settings if settings is not None else CheckSettings()
    if legs is None:
        legs = route.legs()
    if directs is None:
        directs = direct_legs([route])[0]
    stops = route.stops
    out: list[Finding] = []
    read = [w for w in route.warnings if "could not place" not in w]
    if not stops:
        # The reader's own "no stops found: why" says the first half already.
        said = "; ".join(w.removeprefix("no stops found: ") for w in read)
        out.append(
            _doubt(
                "no stops",
                "No stop was read, so nothing could be checked" + (f": {said}." if said else "."),
            )
        )
        read = []
    elif len(stops) == 1:
        out.append(
            _doubt(
                "one stop",
                f"Only one stop was read ({_place(stops[0])}), so there is no leg to check.",
                stop=0,
            )
        )
    out.extend(_doubt("reading", w[:1].upper() + w[1:].rstrip(".") + ".") for w in read)
    if route.set_aside:
        shown = "; ".join(route.set_aside[:_LISTED])
        more = len(route.set_aside) - _LISTED
        tail = f"; and {more} more" if more > 0 else ""
        count = len(route.set_aside)
        out.append(
            _doubt(
                "set aside",
                f"The reader set aside {count} place{'s' if count != 1 else ''} the input "
                f"names as not stops ({shown}{tail}); check that none was one "
                "(flightlegs legs --stops lists them).",
                data={"set_aside": count},
            )
        )
    # Plain floats: NaN for an unmeasured leg, which fails every comparison below.
    nm = [leg.distance_m / _NM for leg in legs]
    visits: dict[str, int] | None = None  # counted only once a stop looks out of the way
    for k, direct in sorted(directs.items()):
        via, straight = nm[k - 1] + nm[k], direct.distance_m / _NM
        if not (
            straight >= MIN_DIRECT_NM
            and via - straight >= MIN_DOUBTED_NM
            and via >= s.detour_ratio * straight
        ):
            continue
        stop = stops[k]
        visits = visits if visits is not None else _visits(route)
        if visits.get(stop.code, 0) > 1 or not _pinned(stop):
            continue
        out.append(
            _doubt(
                "detour",
                f"The stop at {_place(stop)} makes a detour: {_place(direct.origin)} -> "
                f"{stop.code} -> {_place(direct.destination)} is {via:,.0f} nm, "
                f"{via / straight:.0f} times the {straight:,.0f} nm direct; check that "
                f"{stop.code} is the place meant (a mistyped code?).",
                stop=k,
                data={"via_nm": via, "direct_nm": straight, "ratio": via / straight},
            )
        )
    if len(nm) >= 3:
        out.extend(_far_ends(route, legs, nm, s))
    for leg, length in zip(legs, nm, strict=True):
        if length < 1.0 and _pinned(leg.origin) and _pinned(leg.destination):
            out.append(
                _doubt(
                    "same airport",
                    f"Leg {leg.number} starts and ends at {_place(leg.origin)}: a stop "
                    "given twice?",
                    leg=leg.number,
                )
            )
    return out


def _far_ends(
    route: Route, legs: Sequence[Leg], nm: Sequence[float], s: CheckSettings
) -> list[Finding]:
    """A first or last stop far from the rest of a route of three legs or more."""
    out = []
    visits: dict[str, int] | None = None
    for index, leg, length, others in (
        (0, legs[0], nm[0], nm[1:]),
        (len(legs), legs[-1], nm[-1], nm[:-1]),
    ):
        longest = max(others)
        if not (length >= MIN_DOUBTED_NM and length >= s.far_ratio * longest):
            continue  # also when any leg is unmeasured: NaN compares false
        if any(math.isnan(x) for x in others):
            continue
        stop = route.stops[index]
        visits = visits if visits is not None else _visits(route)
        if visits.get(stop.code, 0) > 1 or not _pinned(stop):
            continue
        neighbour = leg.destination if index == 0 else leg.origin
        out.append(
            _doubt(
                "far",
                f"{_place(stop)} is {length:,.0f} nm from {_place(neighbour)}, "
                f"{length / max(longest, 1.0):.0f} times the longest other leg of the route "
                f"({longest:,.0f} nm); check that {stop.code} is the place meant "
                "(a mistyped code?).",
                stop=index,
                data={"leg_nm": length, "longest_other_nm": longest},
            )
        )
    return out


def _doubt(
    kind: str,
    message: str,
    *,
    stop: int | None = None,
    leg: int | None = None,
    data: Mapping[str, DataValue] | None = None,
) -> Finding:
    return Finding(
        "doubt", Severity.WARNING, message, leg=leg, stop=stop, data={"doubt": kind, **(data or {})}
    )
