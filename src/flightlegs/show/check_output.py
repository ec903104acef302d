r"""Check reports as text, JSON, JUnit XML and GitHub Actions annotations.

Each renderer takes a :class:`~flightlegs.checks.results.CheckResults` and returns a
string; none prints. ``strict`` makes warnings count as failures, as
``flightlegs check --strict`` does.

The JSON document is a contract that scripts rely on::

    {"verdict": "ok" | "warning" | "implausible", "failed": bool, "strict": bool,
     "settings": {"route_factor", "reserve_min", ...},
     "errors": [{"source", "line", "message"}],
     "routes": [{"name", "verdict", "doubtful", "source",
                 "aircraft": {"designator", "name", "is_family"} | null,
                 "findings": [{"check", "severity", "leg", "stop", "message", "data"}]}]}

``leg`` is a 1-based leg number, ``stop`` a 0-based index into the route's
stops (as ``from`` and ``to`` of ``flightlegs legs --format json`` are; the
tables people read, such as :meth:`CheckResults.frame`, number stops from 1);
either may be ``null``. ``doubtful`` is true when a ``doubt`` finding says the
route may not be what the input meant (its verdict is then at least
``warning``). ``errors`` lists each file, route or row that could not be read
(``line`` 1-based, or ``null``); ``failed`` is true when there is one.
``data`` holds the numbers behind the message (floats rounded to 3 decimals,
``null`` for unknown). Fields may be added;
none will be removed or change meaning without a major version.

Examples
--------
>>> from flightlegs.checks.rules import check_routes
>>> from flightlegs.read.inputs import read_routes
>>> report = check_routes(read_routes("ANC-SHE"), aircraft="E145")
>>> print(render(report, "github").splitlines()[0][:55])
::error title=flightlegs range%3A ANC-SHE::Leg 1 Anchor
>>> escape_property("a:b,c%\n")
'a%3Ab%2Cc%25%0A'
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

from flightlegs.checks.results import CHECKS, CheckResults, Finding, RouteCheck, Severity
from flightlegs.errors import FlightlegsError, InputError
from flightlegs.read.inputs import Problem

__all__ = [
    "FORMATS",
    "Format",
    "escape_data",
    "escape_property",
    "iter_render",
    "locate",
    "render",
    "report_document",
    "report_github",
    "report_json",
    "report_junit",
    "report_text",
    "summary",
]

Format = Literal["text", "json", "junit", "github"]
#: The formats :func:`render` knows.
FORMATS: Final[tuple[str, ...]] = ("text", "json", "junit", "github")

_VERDICT_WORDS: Final = {
    Severity.OK: "plausible",
    Severity.WARNING: "plausible, with warnings",
    Severity.IMPLAUSIBLE: "IMPLAUSIBLE",
}
_TAGS: Final = {Severity.OK: "ok", Severity.WARNING: "warning", Severity.IMPLAUSIBLE: "IMPLAUSIBLE"}


def iter_render(
    report: CheckResults,
    fmt: str = "text",
    strict: bool = False,
    problems: Sequence[Problem] = (),
    quiet: bool = False,
) -> Iterator[str]:
    """Render a check report in one of :data:`FORMATS`, piece by piece.

    Text, JSON and GitHub output come one route (or line) at a time, so a large
    report can be written out without holding it all in memory twice.

    Parameters
    ----------
    report
        The check results.
    fmt
        One of :data:`FORMATS`.
    strict
        Warnings count as failures.
    problems
        What could not be read (:func:`flightlegs.read.inputs.read_inputs`):
        ``could not read`` lines in text, an ``errors`` list in JSON, an
        ``<error>`` test case in JUnit, an ``::error`` annotation on GitHub.
    quiet
        Text only: the routes that fail and the summary, not every finding.

    Raises
    ------
    InputError
        For an unknown format (before anything is yielded).
    """
    chunks: dict[str, Callable[[CheckResults, bool, Sequence[Problem], bool], Iterator[str]]] = {
        "text": _text_chunks,
        "json": _json_chunks,
        "junit": _junit_chunks,
        "github": _github_chunks,
    }
    try:
        chunker = chunks[fmt]
    except KeyError:
        raise InputError(f"unknown report format {fmt!r}; expected one of {FORMATS}") from None
    return chunker(report, strict, tuple(problems), quiet)


def render(
    report: CheckResults,
    fmt: str = "text",
    strict: bool = False,
    problems: Sequence[Problem] = (),
) -> str:
    """Render a check report in one of :data:`FORMATS` (see :func:`iter_render`)."""
    return "".join(iter_render(report, fmt, strict, problems))


def _where(problem: Problem) -> str:
    """A problem's message, with its line when the message does not say it."""
    if (
        problem.line is not None
        and f"line {problem.line}" not in problem.message
        and (f"row {problem.line}" not in problem.message)
    ):
        return f"{problem.message} (line {problem.line})"
    return problem.message


# --------------------------------------------------------------------------- text


def _groups(route: RouteCheck) -> list[tuple[str, list[Finding]]]:
    """Findings in flight order: the route, then stop 0, leg 1, stop 1, leg 2, ..."""
    general = [f for f in route.findings if f.leg is None and f.stop is None]
    by_stop: dict[int, list[Finding]] = {}
    by_leg: dict[int, list[Finding]] = {}
    for f in route.findings:
        if f.leg is not None:
            by_leg.setdefault(f.leg, []).append(f)
        elif f.stop is not None:
            by_stop.setdefault(f.stop, []).append(f)
    groups: list[tuple[str, list[Finding]]] = [("", general)] if general else []
    stops = route.route.stops
    legs = {leg.number: leg for leg in route.legs}
    for i in range(max(len(stops), 1)):
        if i in by_stop:
            name = stops[i].label if i < len(stops) else f"stop {i}"
            groups.append((f"at {name}", by_stop[i]))
        if i + 1 in by_leg:
            leg = legs.get(i + 1)
            what = (
                f"leg {i + 1} {leg.origin.label} -> {leg.destination.label}"
                if leg is not None
                else f"leg {i + 1}"
            )
            groups.append((what, by_leg[i + 1]))
    return groups


def report_text(report: CheckResults, strict: bool = False) -> str:
    """A readable report: per route a verdict line, then findings grouped by stop and leg.

    Examples
    --------
    >>> from flightlegs.checks.rules import check_routes
    >>> from flightlegs.read.inputs import read_routes
    >>> text = report_text(check_routes(read_routes("ANC-SHE"), aircraft="E145"))
    >>> text.splitlines()[0]
    'ANC-SHE: IMPLAUSIBLE (checked as an Embraer ERJ 145)'
    """
    return "".join(_text_chunks(report, strict, (), False))


def _text_chunks(
    report: CheckResults, strict: bool, problems: Sequence[Problem], quiet: bool
) -> Iterator[str]:
    if problems:
        yield "".join(f"could not read: {_where(p)}\n" for p in problems) + "\n"
    if quiet:
        failing = [r for r in report.routes if r.failed(strict) or r.doubtful]
        if failing:
            yield "".join(f"{r.name}: {_verdict_words(r)}\n" for r in failing) + "\n"
        yield summary(report, strict, len(problems)) + "\n"
        return
    for route in report.routes:
        label = next((f.data.get("label") for f in route.findings if f.check == "aircraft"), None)
        aircraft = f" (checked as {label})" if route.aircraft is not None and label else ""
        lines = [f"{route.name}: {_verdict_words(route)}{aircraft}"]
        for heading, findings in _groups(route):
            indent = "  "
            if heading:
                lines.append(f"  {heading}")
                indent = "    "
            for f in findings:
                tag = f"[{_TAGS[f.severity]}]"
                lines.append(
                    textwrap.fill(
                        f"{tag} {f.message}",
                        width=100,
                        initial_indent=indent,
                        subsequent_indent=indent + " " * (len(tag) + 1),
                        break_long_words=False,
                        break_on_hyphens=False,
                    )
                )
        yield "\n".join(lines) + "\n\n"
    yield summary(report, strict, len(problems)) + "\n"


def _verdict_words(route: RouteCheck) -> str:
    """``plausible``, ``plausible, with warnings``, ``DOUBTFUL`` or ``IMPLAUSIBLE``."""
    if route.verdict is Severity.WARNING and route.doubtful:
        return "DOUBTFUL"
    return _VERDICT_WORDS[route.verdict]


def summary(
    report: CheckResults, strict: bool = False, unreadable: int = 0, seconds: float | None = None
) -> str:
    """One line of counts: ``3 routes: 1 plausible, 1 with warnings, 1 implausible``.

    Doubtful routes (see :attr:`RouteCheck.doubtful`) are counted among those
    with warnings and named when there are any; so are ``unreadable`` inputs
    (routes, rows or files that could not be read), and the time taken.

    Examples
    --------
    >>> from flightlegs.checks.rules import check_routes
    >>> from flightlegs.read.inputs import read_routes
    >>> summary(check_routes(read_routes("AZA-AZA, ANC-SHE"), aircraft="GLF5"))
    '2 routes: 1 plausible, 1 with warnings (1 doubtful), 0 implausible'
    """
    counts = {s: 0 for s in Severity}
    doubtful = 0
    for r in report.routes:
        verdict = r.verdict
        counts[verdict] += 1
        doubtful += verdict is Severity.WARNING and r.doubtful
    total = len(report.routes)
    return (
        f"{total:,} route{'s' if total != 1 else ''}: "
        f"{counts[Severity.OK]:,} plausible, {counts[Severity.WARNING]:,} with warnings"
        + (f" ({doubtful:,} doubtful)" if doubtful else "")
        + f", {counts[Severity.IMPLAUSIBLE]:,} implausible"
        + (f"; {unreadable:,} could not be read" if unreadable else "")
        + (f" in {seconds:,.{0 if seconds >= 10 else 1}f} s" if seconds is not None else "")
        + (" (strict: warnings fail)" if strict else "")
    )


# --------------------------------------------------------------------------- JSON


def _json_value(value: object) -> object:
    if isinstance(value, float):
        return None if not math.isfinite(value) else round(value, 3)
    return value


def _route_document(r: RouteCheck) -> dict[str, Any]:
    return {
        "name": r.name,
        "verdict": str(r.verdict),
        "doubtful": r.doubtful,
        "source": r.route.source,
        "aircraft": None
        if r.aircraft is None
        else {
            "designator": r.aircraft.designator,
            "name": r.aircraft.name,
            "is_family": r.aircraft.is_family,
        },
        "findings": [
            {
                "check": f.check,
                "severity": str(f.severity),
                "leg": f.leg,
                "stop": f.stop,
                "message": f.message,
                "data": {k: _json_value(v) for k, v in f.data.items()},
            }
            for f in r.findings
        ],
    }


def _head(report: CheckResults, strict: bool, problems: Sequence[Problem] = ()) -> dict[str, Any]:
    return {
        "verdict": str(report.verdict),
        "failed": report.failed(strict) or bool(problems),
        "strict": strict,
        "settings": report.settings.as_dict(),
        "errors": [{"source": p.source, "line": p.line, "message": p.message} for p in problems],
    }


def report_document(
    report: CheckResults, strict: bool = False, problems: Sequence[Problem] = ()
) -> dict[str, Any]:
    """The JSON contract (see the module docstring) as Python objects."""
    return {
        **_head(report, strict, problems),
        "routes": [_route_document(r) for r in report.routes],
    }


def report_json(report: CheckResults, strict: bool = False) -> str:
    """The report as a JSON document (see the module docstring), one route per line.

    Each route is encoded on its own line by the C encoder: indenting the whole
    document would take Python's slow encoder and several times the memory for
    thousands of routes.

    Examples
    --------
    >>> from flightlegs.checks.rules import check_routes
    >>> from flightlegs.read.inputs import read_routes
    >>> doc = json.loads(report_json(check_routes(read_routes("ANC-SHE"), aircraft="E145")))
    >>> doc["verdict"], doc["routes"][0]["findings"][1]["check"]
    ('implausible', 'range')
    """
    return "".join(_json_chunks(report, strict, (), False))


def _json_chunks(
    report: CheckResults, strict: bool, problems: Sequence[Problem], quiet: bool
) -> Iterator[str]:
    head = json.dumps(_head(report, strict, problems), ensure_ascii=False)
    yield f'{head[:-1]},\n"routes": ['
    for n, route in enumerate(report.routes):
        yield ("\n" if n == 0 else ",\n") + json.dumps(_route_document(route), ensure_ascii=False)
    yield "\n]}\n"


# --------------------------------------------------------------------------- JUnit


def _skip_reason(route: RouteCheck, check: str) -> str | None:
    """Why a check produced no finding for a route, or ``None`` if that is a pass."""
    if check in ("unresolved", "doubt"):
        return None
    if check == "speed" and not any(s.arrival or s.departure for s in route.route.stops):
        return "no times reported at the stops"
    if route.aircraft is None:
        return "no known aircraft type"
    if check == "seats":
        if route.route.people is None and route.route.seats is None:
            return "no people or seats reported"
        return "no seat count for this aircraft"
    if check == "stop-needed" and len(route.route.stops) < 3:
        return "no intermediate stop"
    return f"not checked: the aircraft table lacks a figure the {check} check needs"


def _junit_chunks(
    report: CheckResults, strict: bool, problems: Sequence[Problem], quiet: bool
) -> Iterator[str]:
    yield report_junit(report, strict, problems)


def report_junit(
    report: CheckResults, strict: bool = False, problems: Sequence[Problem] = ()
) -> str:
    """JUnit XML: one testsuite, one testcase per route and check.

    An implausible finding is a ``<failure>`` (so is a warning with ``strict``);
    a check that could not run is ``<skipped>``; every message is also in the
    test case's ``<system-out>``, which CI servers show next to the test. Each
    input that could not be read is a ``read`` test case with an ``<error>``.

    Examples
    --------
    >>> from flightlegs.checks.rules import check_routes
    >>> from flightlegs.read.inputs import read_routes
    >>> import xml.etree.ElementTree as ET
    >>> root = ET.fromstring(report_junit(check_routes(read_routes("ANC-SHE"), aircraft="E145")))
    >>> root.tag, root.find("testsuite").get("failures")
    ('testsuites', '1')
    """
    import xml.etree.ElementTree as ET

    tests = failures = skipped = 0
    suite = ET.Element("testsuite", name="flightlegs check")
    properties = ET.SubElement(suite, "properties")
    for key, value in report.settings.as_dict().items():
        ET.SubElement(properties, "property", name=key, value=str(value))
    ET.SubElement(properties, "property", name="warnings_fail", value=str(strict))
    for problem in problems:
        tests += 1
        case = ET.SubElement(suite, "testcase", name="read", classname=problem.source, time="0")
        case.set("file", problem.source)
        if problem.line is not None:
            case.set("line", str(problem.line))
        error = ET.SubElement(case, "error", message=_where(problem), type="InputError")
        error.text = _where(problem)
    for route in report.routes:
        by_check: dict[str, list[Finding]] = {}
        for f in route.findings:
            by_check.setdefault(f.check, []).append(f)
        for check in CHECKS:
            findings = by_check.get(check, [])
            reason = None if findings else _skip_reason(route, check)
            if not findings and reason is not None and check == "stop-needed":
                continue  # not applicable rather than not run
            tests += 1
            case = ET.SubElement(suite, "testcase", name=check, classname=route.name, time="0")
            if route.route.source:
                case.set("file", route.route.source)
            if reason is not None:
                skipped += 1
                ET.SubElement(case, "skipped", message=reason)
                continue
            worst = Severity.worst(f.severity for f in findings)
            lines = "\n".join(f"[{f.severity}] {f.message}" for f in findings)
            if worst is Severity.IMPLAUSIBLE or (strict and worst is Severity.WARNING):
                failures += 1
                first = next(f for f in findings if f.severity is worst)
                failure = ET.SubElement(case, "failure", message=first.message, type=str(worst))
                failure.text = lines
            if lines:
                ET.SubElement(case, "system-out").text = lines
    for key, value in (
        ("tests", tests),
        ("failures", failures),
        ("errors", len(problems)),
        ("skipped", skipped),
    ):
        suite.set(key, str(value))
    suite.set("time", "0")
    root = ET.Element(
        "testsuites",
        name="flightlegs check",
        tests=str(tests),
        failures=str(failures),
        errors=str(len(problems)),
        skipped=str(skipped),
        time="0",
    )
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --------------------------------------------------------------------------- GitHub


def escape_data(text: str) -> str:
    """Escape an annotation's message as GitHub's workflow commands require (%, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape an annotation property (file, title): also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


_WHERE = re.compile(r"^(?P<path>.*?)(?: \((?P<where>[^()]*)\))?$")
_ROW = re.compile(r"\b(?:row|line) (\d+)\b")


# Separators around a route string on a line of a route file: CSV cells, YAML and
# TOML values, JSON strings. A chain itself holds letters, digits, "-" and "/".
_CELL = re.compile(r"[\s,;:\"'=\[\]{}()]+")


@dataclass(frozen=True, slots=True)
class _FileIndex:
    """A file's line starts, and the line where each cell-like token first appears."""

    newlines: tuple[int, ...]
    tokens: Mapping[str, int]


@functools.lru_cache(maxsize=64)
def _file_index(path: str) -> _FileIndex | None:
    from flightlegs.read.inputs import read_text

    try:
        text = read_text(Path(path))
    except FlightlegsError:
        return None
    tokens: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        for token in _CELL.split(line):
            if token:
                tokens.setdefault(token, number)
    newlines = tuple(m.start() for m in re.finditer("\n", text))
    return _FileIndex(newlines=newlines, tokens=tokens)


def _line(index: _FileIndex, sentence: str, start: int) -> int:
    """The 1-based line a stop was read from.

    A code chain (in a route file, or a text file holding one) is found as a
    whole cell: "ANC-SHE" is not the one inside "AZA-ANC-SHE-ICN". A report's
    evidence ``start`` is an offset into the whole file.
    """
    line = index.tokens.get(sentence.strip()) if sentence and " " not in sentence else None
    if line is not None:
        return line
    return bisect.bisect_left(index.newlines, max(start, 0)) + 1


def locate(route: RouteCheck, finding: Finding) -> tuple[str | None, int | None]:
    """The input file and 1-based line a finding points at, where known.

    The stop the finding is about (a leg's origin; for the whole route, its
    first stop) carries evidence of where it was read: a report's text offset,
    a CSV row, or just the file.
    """
    stops = route.route.stops
    index = finding.stop
    if index is None and finding.leg is not None:
        index = finding.leg - 1
    candidates: Iterable[int] = [index] if index is not None else range(len(stops))
    for i in candidates:
        evidence = stops[i].evidence if 0 <= i < len(stops) else None
        if evidence is None:
            continue
        match = _WHERE.match(evidence.source)
        path = match.group("path") if match else ""
        if not path or path.startswith("<"):
            return None, None
        where = (match.group("where") if match else None) or ""
        row = _ROW.search(where)
        if row:
            return path, int(row.group(1))
        file_index = None if where else _file_index(path)
        if file_index is None:
            return path, None
        return path, _line(file_index, evidence.sentence, evidence.start)
    return None, None


def report_github(report: CheckResults, strict: bool = False) -> str:
    """GitHub Actions workflow commands: one ``::error`` or ``::warning`` per finding.

    Implausible findings are errors; warnings are warnings (errors with
    ``strict``). ``file`` and ``line`` are given where the input says where
    the stop was read.
    """
    return "".join(_github_chunks(report, strict, (), False))


def _github_chunks(
    report: CheckResults, strict: bool, problems: Sequence[Problem], quiet: bool
) -> Iterator[str]:
    for problem in problems:
        props = []
        if not problem.source.startswith("<") and Path(problem.source).is_file():
            props.append(f"file={escape_property(problem.source)}")
            if problem.line is not None:
                props.append(f"line={problem.line}")
        props.append(f"title={escape_property('flightlegs: could not read')}")
        yield f"::error {','.join(props)}::{escape_data(problem.message)}\n"
    for route, f in report.findings:
        if f.severity is Severity.OK:
            continue
        level = "error" if f.severity is Severity.IMPLAUSIBLE or strict else "warning"
        path, line = locate(route, f)
        props = []
        if path:
            props.append(f"file={escape_property(path)}")
            if line:
                props.append(f"line={line}")
        props.append(f"title={escape_property(f'flightlegs {f.check}: {route.name}')}")
        yield f"::{level} {','.join(props)}::{escape_data(f.message)}\n"
