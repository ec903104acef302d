"""What the checks find: severities, findings, and results per route and per batch.

These types are shared by every consumer of a check (the rules that make
them, the tables, maps and exports that show them, and the comparison of a
reported route with a flown track) and depend on nothing but the route model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Final, NoReturn, TypeAlias

from flightlegs.checks.settings import CheckSettings
from flightlegs.core.legs import Leg
from flightlegs.core.route import Route
from flightlegs.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

    from flightlegs.reference.aircraft import AircraftSpec

__all__ = [
    "CHECKS",
    "VERDICTS",
    "CheckResults",
    "Checks",
    "DataValue",
    "Finding",
    "RouteCheck",
    "Severity",
    "check_list",
    "leg_verdicts",
]


#: The checks, in the order their findings are reported.
CHECKS: Final = (
    "aircraft",
    "unresolved",
    "doubt",
    "range",
    "stop-needed",
    "seats",
    "runway",
    "speed",
)
DataValue = float | int | str | bool | None


class Severity(StrEnum):
    """How bad a finding is: ``ok`` < ``warning`` < ``implausible``.

    Examples
    --------
    >>> Severity.worst([Severity.OK, Severity.IMPLAUSIBLE, Severity.WARNING])
    <Severity.IMPLAUSIBLE: 'implausible'>
    >>> Severity.worst([])
    <Severity.OK: 'ok'>
    """

    OK = "ok"
    WARNING = "warning"
    IMPLAUSIBLE = "implausible"

    @property
    def rank(self) -> int:
        """0, 1 or 2, for ordering."""
        return _RANK[self]

    @classmethod
    def worst(cls, severities: Iterable[Severity]) -> Severity:
        """The worst of ``severities`` (``OK`` when there are none)."""
        worst = cls.OK
        for severity in severities:
            if _RANK[severity] > _RANK[worst]:
                worst = severity
        return worst


_RANK: Final = {Severity.OK: 0, Severity.WARNING: 1, Severity.IMPLAUSIBLE: 2}


class _ReadOnly(dict[str, "DataValue"]):
    """A finding's numbers: read-only like a mapping proxy, but it pickles.

    Findings cross process boundaries (multiprocessing, Dask), which a
    :class:`types.MappingProxyType` cannot.

    Examples
    --------
    >>> import pickle
    >>> d = pickle.loads(pickle.dumps(_ReadOnly({"nm": 3.5})))
    >>> d["nm"], type(d).__name__
    (3.5, '_ReadOnly')
    >>> d["nm"] = 4
    Traceback (most recent call last):
    ...
    TypeError: a finding's data is read-only
    """

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("a finding's data is read-only")

    __setitem__ = __delitem__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse
    __ior__ = _refuse

    def __reduce__(self) -> tuple[type[_ReadOnly], tuple[dict[str, DataValue]]]:
        return (type(self), (dict(self),))


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of one check.

    Attributes
    ----------
    check
        Which check (one of :data:`CHECKS`).
    severity
        ``ok``, ``warning`` or ``implausible``.
    message
        One sentence, with numbers and units, that can be quoted as it is.
    leg
        1-based leg number (:attr:`flightlegs.core.legs.Leg.number`) the finding is
        about, or ``None``.
    stop
        0-based index into the route's stops the finding is about, or ``None``
        (:meth:`CheckResults.frame` shows it as a stop number, from 1).
    data
        The numbers behind the message (distances in nm, lengths in ft, ...),
        read-only.

    Examples
    --------
    >>> f = Finding("seats", Severity.OK, "14 people fit in 19 seats.", data={"people": 14})
    >>> f.data["people"], f.leg
    (14, None)
    """

    check: str
    severity: Severity
    message: str
    leg: int | None = None
    stop: int | None = None
    data: Mapping[str, DataValue] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if not isinstance(self.severity, Severity):
            object.__setattr__(self, "severity", Severity(self.severity))
        if not isinstance(self.data, _ReadOnly):
            object.__setattr__(self, "data", _ReadOnly(self.data))


@dataclass(frozen=True, slots=True)
class RouteCheck:
    """The findings of one route.

    Attributes
    ----------
    route
        The route checked (with the aircraft it was checked against).
    legs
        Its measured legs.
    findings
        Every finding, in :data:`CHECKS` order, then by leg and stop.
    aircraft
        The aircraft type or family the route was checked against, if known.
    """

    route: Route
    legs: tuple[Leg, ...]
    findings: tuple[Finding, ...]
    aircraft: AircraftSpec | None = None

    @property
    def verdict(self) -> Severity:
        """The worst severity of the findings."""
        return Severity.worst(f.severity for f in self.findings)

    @property
    def doubtful(self) -> bool:
        """Whether the route may not be what the input meant (a ``doubt`` warning).

        Such a route is never called plausible: its verdict is at least a warning.
        """
        return any(f.check == "doubt" and f.severity is not Severity.OK for f in self.findings)

    @property
    def name(self) -> str:
        """The route's name, or its stops joined by ``-``."""
        return self.route.name or "-".join(s.code for s in self.route.stops)

    def failed(self, strict: bool = False) -> bool:
        """Whether the route fails: implausible, or with ``strict`` any warning."""
        return self.verdict is Severity.IMPLAUSIBLE or (strict and self.verdict is Severity.WARNING)

    def frame(self) -> pd.DataFrame:
        """The findings as a pandas DataFrame, as :meth:`CheckResults.frame` gives them."""
        return _frame([self])

    def _repr_html_(self) -> str:
        return f"<p><b>{_html(self.name)}</b>: {self.verdict}</p>" + str(
            self.frame()._repr_html_()  # type: ignore[operator]
        )


@dataclass(frozen=True, slots=True)
class CheckResults:
    """The findings of many routes, and the settings they were checked with.

    Examples
    --------
    >>> from flightlegs.checks.rules import check_routes
    >>> from flightlegs.read.inputs import read_routes
    >>> report = check_routes(read_routes("ANC-SHE"), aircraft="E145")
    >>> str(report.verdict), report.failed()
    ('implausible', True)
    """

    routes: tuple[RouteCheck, ...]
    settings: CheckSettings = field(default_factory=CheckSettings)

    @property
    def verdict(self) -> Severity:
        """The worst severity over every route."""
        return Severity.worst(r.verdict for r in self.routes)

    @property
    def findings(self) -> Iterator[tuple[RouteCheck, Finding]]:
        """Every finding with its route, in order."""
        return ((r, f) for r in self.routes for f in r.findings)

    def failed(self, strict: bool = False) -> bool:
        """Whether any route fails (see :meth:`RouteCheck.failed`)."""
        return any(r.failed(strict) for r in self.routes)

    def frame(self) -> pd.DataFrame:
        """The findings as a pandas DataFrame, one row per finding.

        Columns ``route, check, severity, leg, stop, message``; ``route`` is the
        route's name. A table is for people, so ``stop`` counts from 1 like
        ``leg`` and like the stop numbers of ``flightlegs legs --stops`` and of
        the map; :attr:`Finding.stop` and the JSON report keep the 0-based index
        into the route's stops. Either is ``<NA>`` when the finding is not about one.

        Examples
        --------
        >>> from flightlegs.read.inputs import read_routes
        >>> from flightlegs.checks.rules import check_routes
        >>> report = check_routes(read_routes("AZA-ELP-ANC"), aircraft="GLF5")
        >>> report.frame().query("check == 'stop-needed'")[["leg", "stop"]].values.tolist()
        [[<NA>, 2]]
        >>> [f.stop for _, f in report.findings if f.check == "stop-needed"]
        [1]
        """
        return _frame(self.routes)

    def _repr_html_(self) -> str:
        return f"<p>{len(self.routes)} routes: {self.verdict}</p>" + str(
            self.frame()._repr_html_()  # type: ignore[operator]
        )


def _frame(checks: Iterable[RouteCheck]) -> pd.DataFrame:
    """The findings of ``checks`` as a table: leg and stop numbered from 1."""
    import pandas as pd

    rows = [
        (r.name, f.check, str(f.severity), f.leg, None if f.stop is None else f.stop + 1, f.message)
        for r in checks
        for f in r.findings
    ]
    frame = pd.DataFrame(rows, columns=["route", "check", "severity", "leg", "stop", "message"])
    return frame.astype({"leg": "Int64", "stop": "Int64"})


def _html(text: str) -> str:
    import html

    return html.escape(text)


#: Leg verdicts from best to worst; ``unchecked`` when no checks were run.
VERDICTS: Final[tuple[str, ...]] = ("ok", "warning", "implausible", "unchecked")


#: Check results in either form the showing functions accept.
Checks: TypeAlias = "CheckResults | Sequence[RouteCheck]"


def check_list(routes: Sequence[Route], checks: Checks | None) -> list[RouteCheck] | None:
    """One route report per route from a ``CheckResults`` or a sequence, checked for length.

    Raises
    ------
    InputError
        When the number of checks is not the number of routes.
    """
    if checks is None:
        return None
    from flightlegs.checks.results import CheckResults

    found = list(checks.routes if isinstance(checks, CheckResults) else checks)
    if len(found) != len(routes):
        raise InputError(f"got {len(found)} check reports for {len(routes)} routes")
    return found


def leg_verdicts(routes: Sequence[Route], checks: Checks | None = None) -> list[list[str]]:
    """The verdict of every leg: the worst severity of the findings about it.

    Parameters
    ----------
    routes
        The routes.
    checks
        One :class:`flightlegs.checks.results.RouteCheck` per route, a ``CheckResults``,
        or ``None`` when no checks were run.

    Returns
    -------
    list of list of str
        Per route, per leg: ``ok``, ``warning``, ``implausible``, or
        ``unchecked`` when no finding is about the leg (no checks were run, or
        the aircraft is unknown so its range could not be checked).
    """
    from flightlegs.checks.results import Severity

    out: list[list[str]] = []
    checked = check_list(routes, checks)
    for index, route in enumerate(routes):
        by_leg: list[list[Severity]] = [[] for _ in route.stops[1:]]
        for finding in checked[index].findings if checked is not None else ():
            if finding.leg is not None and 1 <= finding.leg <= len(by_leg):
                by_leg[finding.leg - 1].append(finding.severity)
        out.append([str(Severity.worst(found)) if found else "unchecked" for found in by_leg])
    return out


def _renamed_checks(checks: Checks | None, reports: Checks | None, where: str) -> Checks | None:
    """``checks=``, or the ``checks=`` it replaced in 0.2, with a warning."""
    if reports is None:
        return checks
    import warnings

    warnings.warn(
        f"{where}(reports=...) is now {where}(checks=...); reports= goes in 0.3",
        DeprecationWarning,
        stacklevel=3,
    )
    return reports if checks is None else checks


_OLD_NAMES: Final = {"RouteReport": "RouteCheck", "CheckReport": "CheckResults"}


def __getattr__(name: str) -> object:
    """The result types' names before 0.2, with a warning."""
    if name in _OLD_NAMES:
        import warnings

        new = _OLD_NAMES[name]
        warnings.warn(f"{name} is now {new}; the old name goes in 0.3", DeprecationWarning, 2)
        return globals()[new]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
