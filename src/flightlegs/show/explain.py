"""The reader's account of a report, for people: every place named, its verdict and why.

``flightlegs legs report.txt --explain`` prints it (on standard error, so the
command's own output stays a clean table, CSV or JSON): one line a place, in
the order the report names them, so a journalist can see why "officials in
Washington" is not a stop and write the route they mean in a route file.

Examples
--------
>>> from flightlegs.read.report.reader import explain_report
>>> print(explanation("note.txt", explain_report(
...     "Officials in Washington said the jet left Boise and landed in Anchorage.")))
... # doctest: +NORMALIZE_WHITESPACE
note.txt: 3 places named: 2 stops, 1 set aside
  set aside  Washington  where officials or an organisation sit, not a stop
  stop 1     Boise       departure, after 'said the jet left'
  stop 2     Anchorage   stop, after 'and landed in'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flightlegs.read.report.model import ReportReading, SetAside

__all__ = ["explanation"]


def explanation(source: str, reading: ReportReading) -> str:
    """Every place a report names, in text order, with its verdict and the reason."""
    rows: list[tuple[int, str, str, str]] = []
    for number, stop in enumerate(reading.stops, 1):
        what = stop.role.value + (", planned" if stop.planned else "")
        rows.append((stop.start, f"stop {number}", stop.text, f"{what}, {stop.why}"))
        named = stop.also_named or (stop.text,) * len(stop.also)
        rows.extend(
            (
                at,
                f"stop {number}",
                name,
                "named again" if name == stop.text else f"the same stop as {stop.text}",
            )
            for at, name in zip(stop.also, named, strict=False)
        )
    rows.extend(
        (s.start, "set aside", s.text, f"{s.reason}: '{s.context}'" if _unruled(s) else s.reason)
        for s in reading.set_aside
    )
    rows.sort(key=lambda r: r[0])
    names = len(rows)
    head = (
        f"{source}: {names} place{'s' if names != 1 else ''} named: "
        f"{len(reading.stops)} stop{'s' if len(reading.stops) != 1 else ''}, "
        f"{len(reading.set_aside)} set aside"
    )
    if not rows:
        return head
    verdict_w = max(len(r[1]) for r in rows)
    name_w = min(32, max(len(_one_line(r[2])) for r in rows))
    lines = [head]
    for _, verdict, name, why in rows:
        lines.append(f"  {verdict:<{verdict_w}}  {_one_line(name)[:32]:<{name_w}}  {why}")
    lines.extend(f"  note: {w}" for w in reading.warnings)
    return "\n".join(lines)


def _unruled(s: SetAside) -> bool:
    """A place set aside for want of a cue or as a plan: the words around it say why."""
    return bool(s.context) and s.reason in (
        "no cue says the flight went there",
        "planned, expected or hypothetical, not flown",
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())
