"""Scoring: a second look, with learned weights, at places no rule decided.

The rules of :mod:`~.classify` set a place aside for a stated reason (a
demonym, a negation, a quotation, a locator, travel by road ...) or, when no
phrase they know governs it, because "no cue says the flight went there".
Real prose governs its stops with words no phrase list holds ("staged
through", "came into", "picking up troops at", "took off for"), so a place
set aside only for the want of a cue, or because the clause gives a plan
rather than a flight, is scored here instead.

Each such mention is described by readable features: the word families
(:data:`FAMILIES`: flying, landing, leaving, refuelling, carrying, road and
rail, residence ...) before and after it in its clause, the word just before
it, the kind of place, whether the sentence speaks of an aircraft or gives a
clock time, whether the place opens its clause or stands in a heading, whether
the place is named again elsewhere. A logistic model adds up one weight per
feature; the weights are learned by ``scripts/train_reader.py`` from the
labelled reports in ``tests/reports/``, ``tests/reports-fresh/`` and both
halves of ``tests/reports-dev/`` (the held-out half is scored with weights
learned without it), and kept with their provenance in
``data/reader_weights.json``. The model learns from every place the reports
name, those the rules decided too, and is not told what the rules decided: so
it learns what the words around a stop look like, whatever phrase the rules
know, and a stop told in words no rule holds scores like one told plainly.
A mention scoring above :data:`THRESHOLD` becomes a stop
(``planned`` when its clause gives a plan), and its verdict names the three
features that weighed most, so every decision can be read and argued with.

Examples
--------
>>> from flightlegs.read.report.scoring import families
>>> sorted(families("it staged through and later refuelled at"))
['fuel', 'place_at', 'stage']
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Final

from flightlegs.core.files import data_path
from flightlegs.core.route import StopKind
from flightlegs.read.report.cues import _CLAUSE_BREAK, _FLIGHT_WORD, _HYPOTHETICAL
from flightlegs.read.report.model import Role

if TYPE_CHECKING:
    from flightlegs.read.report.layout import _Sentence
    from flightlegs.read.report.mentions import _Mention

__all__ = [
    "FALLBACK_THRESHOLD",
    "FAMILIES",
    "RESCUABLE",
    "THRESHOLD",
    "families",
    "features",
    "load_weights",
    "rescue",
    "score",
    "training_rows",
]

#: Word families by stem: what a clause says happened at, to or from a place.
FAMILIES: Final[dict[str, str]] = {
    "fly": r"fl(?:y|ew|own|ying|ies|ight|ights)|airlift\w*|ferr(?:y|ied|ying)",
    "land": r"land(?:ed|ing|s)?|touch(?:ed|es|ing)? down|came (?:in)?to|come (?:in)?to|put down",
    "leave": r"d[eé]part\w*|left|leav\w*|took off|take[sn]? off|taking off|lift\w* off|set off"
    r"|set out|launch\w*|started|began|out of",
    "arrive": r"arriv\w*|reach\w*|got to|made it to|end(?:ed|ing|s)? (?:at|in)|terminat\w*",
    "stop": r"stop\w*|stopover|call(?:ed|ing)? at|visit\w*|layover|overnight\w*|night\w* (?:at|in)"
    r"|spent|stay\w*|waited|pause\w*",
    "fuel": r"refuel\w*|fuel\w*|tank(?:ed|ing)",
    "stage": r"stag(?:ed|ing)|transit\w*|via|through|by way of|routed|route|cleared customs"
    r"|technical|tech stop",
    "onward": r"continu\w*|onward\w*|on to|onto|then|next|proceed\w*|went on|moved on|push\w* on"
    r"|carr(?:y|ied|ying|ies) on|press\w* on|flew on|fly on"
    r"|hop\w*|leg|before",
    "head": r"head\w*|bound|toward\w*|for|destin\w*|direct\w*",
    # "home" but not "its home base", which is where a flight starts
    "return": r"return\w*|back|home(?!\s+(?:base|airport|field|port|town|state))|homeward",
    "carry": r"carr(?:y|ied|ying)|pick\w* up|picked|drop\w*|deliver\w*|took|brought|collect\w*"
    r"|deport\w*|evacuat\w*|board\w*|embark\w*|load\w*|unload\w*",
    "divert": r"divert\w*|emergency|forced|diversion",
    "surface": r"driv\w*|drove|road|train|rail|bus|car|boat|ship|sail\w*|motorcade|convoy|walk\w*"
    r"|ferry boat|by sea|by land|on foot",
    # where people are, live or watch from, not where the aircraft went
    "resident": r"born|lives?|lived|resident|native|hometown|home town|grew up|based|headquarter\w*"
    r"|capital|officials?|government|ministry|embassy|authorit\w*|president|minister|court"
    r"|spotters?|watchers?|observers?|hobbyists?|enthusiasts?|witness\w*|journalists?|reporters?"
    r"|fans|crowds?",
    "origin": r"from",
    "place_at": r"at|in|into|over|near|outside",
}
_FAMILY_PATTERNS: Final = {
    name: re.compile(rf"\b(?:{pattern})\b") for name, pattern in FAMILIES.items()
}
_FLIGHT: Final = re.compile(rf"\b{_FLIGHT_WORD}\b|\b(?:aircraft|pilot|crew|runway|airport)\b")
#: Capitalised words that start a sentence or a line rather than name a place.
_LEADS: Final = frozenset(
    "from to at in via then and after before on for into day leg stage stop dep arr".split()  # noqa: SIM905
)
#: Verdicts of the rules that only say no rule decided; scoring may overturn them.
RESCUABLE: Final = frozenset(
    {
        "no cue says the flight went there",
        "planned, expected or hypothetical, not flown",
    }
)
#: A line this short, with no full stop, is a heading or a log line rather than prose.
_HEADING_CHARS: Final = 70
_CLOCK: Final = re.compile(
    r"\b\d{1,2}[:.]\d\d\b|\b\d{3,4}\s?(?:z|utc|gmt|hrs|hours)\b|\b\d{1,2}\s?[ap]\.?m\b"
)
_BEFORE_CHARS: Final = 90
_AFTER_CHARS: Final = 60


def families(text: str) -> set[str]:
    """The word families named in ``text`` (lower case)."""
    return {name for name, pattern in _FAMILY_PATTERNS.items() if pattern.search(text)}


def _clause_bounds(text: str, sentence: _Sentence, start: int, end: int) -> tuple[int, int]:
    left = sentence.start
    for br in _CLAUSE_BREAK.finditer(text, sentence.start, start):
        left = br.end()
    right = _CLAUSE_BREAK.search(text, end, sentence.end)
    return left, right.start() if right else sentence.end


def features(
    text: str, sentence: _Sentence, m: _Mention, first: bool, next_start: int | None = None
) -> dict[str, float]:
    """The readable features of one mention, each with its value (1 for a present feature).

    The words after a mention are read up to the next place named (``next_start``):
    "we reached Cooma" tells of Cooma, not of the place named before it.
    """
    left, right = _clause_bounds(text, sentence, m.start, m.end)
    if next_start is not None and next_start > m.end:
        right = min(right, next_start)
    before = text[max(left, m.start - _BEFORE_CHARS) : m.start].lower()
    after = text[m.end : min(right, m.end + _AFTER_CHARS)].lower()
    near_as_written = text[max(left, m.start - 25) : m.start]
    near = near_as_written.lower()
    out: dict[str, float] = {"bias": 1.0}
    for fam in families(before):
        out[f"before:{fam}"] = 1.0
    for fam in families(near):
        out[f"near:{fam}"] = 1.0
    for fam in families(after):
        out[f"after:{fam}"] = 1.0
    # the word just before, in the text's own case: a name there ("Fiji, Samoa") is one
    # feature, so that no weight is learned for one report's place
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", near_as_written)
    words = [w for w in words if w.lower() not in ("the", "a", "an", "its", "their", "his", "her")]
    if words:
        last = words[-1]
        out[
            "word:<name>"
            if last[0].isupper() and last.lower() not in _LEADS
            else f"word:{last.lower()}"
        ] = 1.0
    kind = m.stop.kind if m.stop is not None else (m.places[0].kind if m.places else None)
    if m.airport or kind is StopKind.AIRPORT:
        out["kind:airport"] = 1.0
    elif kind is not None:
        out[f"kind:{kind.value}"] = 1.0
    if _FLIGHT.search(sentence.text.lower()):
        out["sentence:flight"] = 1.0
    if _HYPOTHETICAL.search(text[left : m.start].lower()):
        out["clause:plan"] = 1.0
    if re.match(r"\s*\([A-Z0-9]{3,4}\)", text[m.end : m.end + 8]):
        out["code:in-parentheses"] = 1.0
    if re.match(r"[’']s\b", text[m.end : m.end + 3]):
        out["possessive"] = 1.0
    if first:
        out["named:first"] = 1.0
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if len(line) <= _HEADING_CHARS and not line.rstrip().endswith((".", "?", "!")):
        out["line:heading"] = 1.0  # "Day 1 - Aiken, SC-Goose Bay", "In Khartoum, Sudan"
    if _CLOCK.search(sentence.text.lower()):
        out["sentence:clock"] = 1.0  # "0614Z", "7.20 o'clock", "11:00 a.m.": a log or a diary
    if not any(c.isalpha() for c in text[left : m.start]):
        out["clause:starts"] = 1.0  # "Gander, then Shannon": the clause begins with the place
    return out


@functools.cache
def load_weights() -> Mapping[str, float]:
    """The learned weights of ``data/reader_weights.json`` (empty when there is none)."""
    try:
        raw = json.loads(data_path("reader_weights.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {str(k): float(v) for k, v in raw["weights"].items()}


def score(feats: Mapping[str, float], weights: Mapping[str, float]) -> tuple[float, list[str]]:
    """The probability that a mention is a stop, and the features that weighed most.

    Examples
    --------
    >>> p, why = score({"bias": 1.0, "near:land": 1.0}, {"bias": -1.0, "near:land": 3.0})
    >>> round(p, 3), why
    (0.881, ['near:land'])
    """
    z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
    top = sorted(
        (k for k in feats if k != "bias" and weights.get(k, 0.0) != 0.0),
        key=lambda k: -abs(weights.get(k, 0.0)),
    )
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), top[:3]


def _role(m: _Mention, feats: Mapping[str, float]) -> Role:
    if "near:return" in feats:
        return Role.RETURN
    if "near:leave" in feats or "near:origin" in feats:
        return Role.DEPARTURE
    return Role.STOP


#: A mention scored above this becomes a stop (tuned on the tune half only).
THRESHOLD: Final = 0.70


def _described(
    text: str,
    by_sentence: Iterable[tuple[_Sentence, Sequence[_Mention]]],
    only: frozenset[str] | None = None,
) -> Iterator[tuple[_Mention, dict[str, float]]]:
    """Every mention with its features, in text order (demonyms left out).

    With ``only``, just the mentions whose verdict is one of those (the others'
    features are not worked out).
    """
    seen: set[str] = set()
    for sentence, ms in by_sentence:
        starts = sorted(m.start for m in ms)
        for m in ms:
            key = m.named
            first = key not in seen
            seen.add(key)
            if not m.demonym and (only is None or m.reason in only):
                k = bisect.bisect_left(starts, m.end)
                yield m, features(text, sentence, m, first, starts[k] if k < len(starts) else None)


#: When neither the rules nor :data:`THRESHOLD` find a single stop, the mentions in sentences
#: about a flight that score at least this are read instead, as a doubtful guess that says so.
FALLBACK_THRESHOLD: Final = 0.35


def rescue(
    text: str,
    by_sentence: Sequence[tuple[_Sentence, Sequence[_Mention]]],
    weights: Mapping[str, float] | None = None,
    *,
    threshold: float = THRESHOLD,
) -> None:
    """Score every mention the rules set aside only for want of a cue; keep those likely stops.

    ``threshold`` below :data:`THRESHOLD` is the last resort of a report with no
    stop otherwise: only mentions in sentences about a flight are then kept.
    """
    weights = load_weights() if weights is None else weights
    if not weights or not _FLIGHT.search(text.lower()):
        return  # the weights were learned from reports of flights; this text tells of none
    for m, feats in _described(text, by_sentence, RESCUABLE):
        if threshold < THRESHOLD and "sentence:flight" not in feats:
            continue
        p, why = score(feats, weights)
        m.confidence = p
        if p < threshold:
            continue
        m.planned = m.reason.startswith("planned") or "clause:plan" in feats
        m.role = _role(m, feats)
        m.reason = ""
        m.why = tuple(why)


def training_rows(
    text: str, by_sentence: Iterable[tuple[_Sentence, Sequence[_Mention]]]
) -> list[tuple[_Mention, dict[str, float]]]:
    """Every mention with its features, for ``scripts/train_reader.py``.

    The mentions the rules decided teach the model what the word families
    around a stop look like; only the rescuable ones are ever scored.
    """
    return list(_described(text, by_sentence))
