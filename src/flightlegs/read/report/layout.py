"""Layout: a report's lines, sentences, datelines and quotations.

**Page furniture is skipped.** The text is cut into lines; a line is prose
only if it ends like a sentence and is not a headline in Title Case, a
numbered list item or what follows a "Trending" / "Most popular" marker.
A list item that begins with a clock time is a timeline entry, and prose
("• 06:10 (UTC−3): the Boeing 767 takes off from ...").
A dateline ("LONDON, May 3 —") is noted and its place and date ignored.

**Sentences** are split with their character offsets (abbreviations such as
"U.S." and "Sept." do not end a sentence).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from flightlegs.read.report.cues import _STOPS_LIST

if TYPE_CHECKING:
    pass

__all__ = []


# --------------------------------------------------------------------------- text layout


@dataclass(frozen=True, slots=True)
class _Sentence:
    start: int
    end: int
    text: str
    index: int


_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
#: Words that begin a sentence far more often than they follow "p.m." inside one.
_STARTS_SENTENCE = re.compile(
    r"\s+(?:It|The|He|She|We|They|I|A|An|On|After|Before|Then|Later|There|This|That|Its"
    r"|Their|His|Her|Our|When|By|From|Shortly|Soon|At|In|Instead|However|Meanwhile|Earlier"
    r"|Next|But|Once|While|During|Although|Miss|Mr|Mrs|Ms)\b"
)
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "mt",
        "ft",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "maj",
        "gov",
        "sen",
        "rep",
        "rev",
        "prof",
        "jr",
        "sr",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "est",
        "approx",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "ariz",
        "calif",
        "colo",
        "conn",
        "fla",
        "ill",
        "ind",
        "kan",
        "ky",
        "la",
        "md",
        "mass",
        "mich",
        "minn",
        "miss",
        "mo",
        "mont",
        "neb",
        "nev",
        "okla",
        "ore",
        "pa",
        "tenn",
        "tex",
        "va",
        "vt",
        "wash",
        "wis",
        "wyo",
    ]
)
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[•*·▪-])\s+")
# A log line or timeline entry begins with a clock time ("1402Z dep KIWA", "• 06:10 (UTC−3): ...")
_CLOCK = re.compile(
    # "0614Z", "9:10am", "14h30", and "8pm" of a schedule
    r"^\W*(?:\d{3,4}Z|\d{1,2}[:.h]\d\d(?:\s*[ap]\.?m\b\.?)?|\d{1,2}\s?[ap]\.?m\b\.?)(?!\w|:\d)",
    re.IGNORECASE,
)
_FURNITURE_MARKER = re.compile(
    r"^\s*(?:trending(?: stories| now)?|most (?:popular|read)|latest stories|related(?: stories"
    r"| articles| news)?|read more|also read|recommended(?: stories)?|more from [\w ]+|"
    r"you may also like|tags)\s*:?\s*$",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"\s*[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]{2,40}(?:\s*\([^)\n]{1,40}\))?\s*,?\s*"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*)?(?:—|–|--)\s*"
)


#: A link to other stories, not a heading of this one ("• Related: flights from Denver").
#: A photo's caption or credit on a line of its own: "[photo: Mike departing Aiken]",
#: "(Photos: above, departing Aiken; right, arriving at Frederick.)", "Pictured: ...".
#: What a picture shows is not what the text tells of the flight.
_CAPTION = re.compile(
    r"^\s*[\[(]?\s*(?:photos?|pictures?|images?|pictured|caption|credits?|video|map)"
    r"(?:\s*\([^)]{0,30}\))?\s*[:|]",
    re.IGNORECASE,
)
_LINK_LINE = re.compile(
    r"\b(?:related|read more|see also|more from|also read|watch|listen)\b\s*:", re.I
)
#: The date a log's line may open with: "09DEC06", "12/09/2006", "2006-12-09" (optional).
_LOG_DATE = r"(?:(?:\d{1,2}[A-Z]{3}\d{2,4}|\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?)\s+)?"
#: A name in a line of names: "Kabul", "Palma de Mallorca", "Washington DC".
_LINE_NAME = (
    r"[A-Z][\w'’.]+(?:\s+(?:(?:de|da|del|des|do|la|le|of|upon|am|sur)\s+)?[A-Z][\w'’.]+){0,3}"
)
#: A heading that gives a route: a code chain, or "Calcutta to Insein".
_ROUTE_HEADING = re.compile(
    r"(?<![\w-])[A-Z][A-Z0-9]{2,3}(?:-[A-Z][A-Z0-9]{2,3})+(?![\w-])"
    r"|\b[A-Z][\w'’.]+(?:[ ,]+[A-Z][\w'’.]+){0,3}\s+(?:to|→|->)\s+[A-Z][\w'’.]+"
    # "Day 1 - Aiken, SC-Goose Bay, Canada": a day's leg, its names joined by a dash
    r"|\b(?i:day|leg|stage)\s+\d{1,3}\s*[:–—-]\s*[A-Z][\w'’.]+(?:,?\s+[A-Z][\w'’.]+){0,3}"
    r"\s*[-–—]\s*[A-Z][\w'’.]+"
    # "Itinerary: Toronto (YYZ) - Calgary (YYC) - ...": names with their codes, dashed
    r"|[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*){0,3}\s+\([A-Z]{3,4}\)\s*[-–—>]"
    # a flight plan's line: "Glasgow, Scotland - Frankfurt Rhein AFB", the whole line, or a
    # log's line of one leg with its date first: "09DEC06 Tenerife - Bermuda"
    rf"|^\s*{_LOG_DATE}[A-Z][\w'’.]+(?:,?\s+[A-Z][\w'’.]+){{0,4}}\s+[-–—]\s+[A-Z][\w'’.]+"
    r"(?:,?\s+[A-Z][\w'’.]+){0,4}\s*$"
    # a route on a line of its own: "Chinchilla – Barcaldine – Shandonvale Station – Winton",
    # "Route: Washington DC – Luton – Larnaca – Kabul"
    rf"|^\s*(?:(?i:route|routing|itinerary|flight path|stops)\s*:\s*)?{_LOG_DATE}{_LINE_NAME}"
    rf"(?:\s+[-–—]\s+{_LINE_NAME}){{2,}}\s*$"
)

_TITLE_WORD = r"[A-Z][a-zà-ÿ][\w'’.-]*"
_DAY_MONTH = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?)"
)
#: A heading that names where the writer is: "Reykjavik, Iceland", "Day 4: Narsarsuaq,
#: Greenland", "Thule, Greenland, 14 June, 0600Z". Title case only: an all-capitals
#: "SYDNEY, October 24" is a news dateline, where the reporter files from.
_PLACE_HEADING = re.compile(
    # "Day 4: Narsarsuaq, Greenland", "Day 3, Luxor, Egypt", "Day 5 late afternoon: Entebbe!"
    # "* Yerevan (Armenia)": an item of a list of stops
    r"^\s*(?:(?:[*•·▪-]|\d{1,2}[.)])\s+)?"
    r"(?P<prefix>(?i:day|leg|stop|stage|part)\s+[\w]+(?:\s+[a-z]+){0,2}\s*[:,–—-]\s*"
    # "4/30/05 San Antonio, Tx", "30 April 2005: Deming": a diary's day
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\s*[:,–—-]?\s*|{_DAY_MONTH},?\s+\d{{4}}\s*[:,–—-]?\s*)?"
    rf"(?P<place>{_TITLE_WORD}(?:[ -]{_TITLE_WORD}){{0,3}}"
    # "Dubuque, IA": a state's postal code after the town
    rf"(?:,\s*(?:{_TITLE_WORD}(?:\s{_TITLE_WORD}){{0,2}}|[A-Z][A-Za-z]\.?))?)"
    # "Galveston, TX and New Orleans, LA": the day's two stops
    rf"(?:\s+(?:and|&)\s+(?P<place2>{_TITLE_WORD}(?:[ -]{_TITLE_WORD}){{0,3}}"
    rf"(?:,\s*(?:{_TITLE_WORD}(?:\s{_TITLE_WORD}){{0,2}}|[A-Z][A-Za-z]\.?))?))?"
    rf"(?:\s*\({_TITLE_WORD}(?:\s{_TITLE_WORD}){{0,2}}\))?"
    rf"(?:,?\s+(?:(?:[A-Z][a-z]+day,?\s+)?{_DAY_MONTH}(?:,?\s+\d{{4}})?))?"
    r"(?:,?\s+(?:\d{3,4}\s?Z|\d{1,2}[:.]\d\d(?:\s*(?:UTC|GMT|Z|local))?))?\s*!?\s*$",
)

#: A row of a table of legs, cells split by "|" or tabs: "06/28 | KBGR | CYYR | 3.1".
_TABLE_ROW = re.compile(r"^[^|\t\n]*(?:[|\t][^|\t\n]*){2,}$")


#: How a sentence ends: a full stop, question or exclamation mark, and any closing quote.
_ENDS_SENTENCE = re.compile(r"[.!?][\"”’')\]]*$")


def _is_heading(sentence_text: str) -> bool:
    """A short line that does not end like a sentence, or a label and a fragment: a heading.

    "Leg 3: Bangor to Keflavik" and "Day one of the expedition: Sydney to Norfolk
    Island." are headings; a sentence is not.
    """
    text = sentence_text.strip()
    if len(text) >= 120:
        return False
    if not _ENDS_SENTENCE.search(text):
        return True
    label, colon, fragment = text.partition(":")
    return bool(colon) and len(label.split()) <= 6 and len(fragment.split()) <= 8


def _is_prose(line: str) -> bool:
    """A line reads as prose: ends like a sentence and is not a headline or list item."""
    text = line.strip()
    words = text.split()
    if len(words) < 3 or (_LIST_ITEM.match(text) and not _CLOCK.match(text)):
        return False
    if _CLOCK.match(text) and len(words) >= 4 and any(w.islower() for w in words):
        return True  # a timeline entry: "9:30 pm: POTUS lands at Joint Base Andrews"
    if not _ENDS_SENTENCE.search(text) and not (
        len(words) >= 12 and text.endswith(":")  # a paragraph leading into a list
    ):
        # a paragraph cut off mid-sentence (a page's excerpt ends "... it looked beautiful
        # from") is prose still, when it holds sentences of its own
        return len(words) >= 2 * _SENTENCE_WORDS and len(_SENTENCE_END.findall(text)) >= 2
    if len(words) >= _SENTENCE_WORDS:
        # "From Toronto the crew flew to Calgary, then on to Anchorage and Nome in Alaska,
        # ...": a long sentence of place names is still a sentence, not a headline
        return True
    long_words = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    capitalised = [w for w in long_words if w[0].isupper()]
    return not (len(long_words) >= 4 and len(capitalised) / len(long_words) >= 0.75)


#: A line of this many words that ends like a sentence is one, however many names it holds.
_SENTENCE_WORDS = 20


def _table_rows(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Starts of the lines that are rows of a table: two or more lines in a row with as many cells.

    "Date | From | To" over "06/28 | KBGR | CYYR" is a table; a lone "Home | US | Mexico"
    is a site's navigation.
    """
    rows: set[int] = set()
    run: list[int] = []
    cells = -1
    for start, end in [*spans, (-1, -1)]:
        line = text[start:end] if start >= 0 else ""
        count = len(re.findall(r"[|\t]", line)) if _TABLE_ROW.match(line) else -1
        if count >= 0 and count == cells:
            run.append(start)
            continue
        if len(run) >= 2:
            rows.update(run)
        run, cells = ([start], count) if count >= 0 else ([], -1)
    return rows


def _prose_lines(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """``(prose, header)``: spans of prose lines, and of the first lines before any prose."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            spans.append((pos, pos + len(body)))
        pos += len(line)
    rows = _table_rows(text, spans)
    log = _terse_log(text, spans)
    if not log:  # a log's short lines are its entries, not a paragraph wrapped
        spans = _unwrap(text, spans, rows)
    prose: list[tuple[int, int]] = []
    header: list[tuple[int, int]] = []
    furniture = False
    for start, end in spans:
        line = text[start:end]
        if log and _log_line(line):
            prose.append((start, end))
            continue
        if _FURNITURE_MARKER.match(line):
            furniture = True
            continue
        if furniture and _is_prose(line) and len(line.split()) >= _PARAGRAPH_WORDS:
            furniture = False  # "Read more" and its links end where the story's prose goes on
        if _CAPTION.match(line):
            # "[map: world-sml] On the 23rd November the aircraft left England ...": a
            # placeholder for a picture, then the paragraph it stood in
            close = line.find("]") + 1 if line.lstrip().startswith("[") else 0
            rest = line[close:]
            if close and not furniture and _is_prose(rest) and len(rest.split()) >= 8:
                prose.append((start + close + len(rest) - len(rest.lstrip()), end))
            continue
        if not furniture and (_is_prose(line) or _in_stops_list(text, start)):
            prose.append((start, end))
            continue
        if not prose and len(header) < 3:
            header.append((start, end))
        if (
            not furniture
            and (_ROUTE_HEADING.search(line) or _PLACE_HEADING.match(line) or start in rows)
            and not line.lstrip().startswith("[")
            and not _LINK_LINE.search(line)
        ):
            # "Leg 3: Bangor to Keflavik", "YYJ-YVR-ANC (AC8150)", "Reykjavik, Iceland"
            prose.append((start, end))
    if not prose:  # a bare line of text ("flew from Boise to Anchorage") is still prose
        prose = [
            s
            for s in spans
            if not _LIST_ITEM.match(line := text[s[0] : s[1]]) or _CLOCK.match(line)
        ]
        header = []
    return prose, header


#: The longest line that is read as one item of a list of stops.
_LIST_LINE_CHARS: Final = 200


def _in_stops_list(text: str, at: int) -> bool:
    """The line at ``at`` is one of a list of stops announced by a line ending in a colon.

    "These were my legs (some 2,900 nautical miles each way):" then "T41 - LaPorte",
    "AMA - Amarillo", ...: every line up to the announcing one is short and ends with no
    full stop, and no blank line comes between.
    """
    return text.rfind("\n", 0, at) + 1 in _stops_list_lines(text)


@functools.lru_cache(maxsize=4)
def _stops_list_lines(text: str) -> frozenset[int]:
    """Where each line of an announced list of stops begins, in one pass over the lines."""
    starts: set[int] = set()
    announced = listed = False
    pos = 0
    for raw in text.splitlines(keepends=True):
        line = raw.strip()
        if not line:
            # a blank line ends the list, but may stand between it and the line announcing it
            announced = announced and not listed
        elif line.endswith(":"):
            announced, listed = bool(_STOPS_LIST.search(line.lower())), False
        elif len(line) > _LIST_LINE_CHARS or line.endswith("."):
            announced = False
        elif announced:
            starts.add(pos)
            listed = True
        pos += len(raw)
    return frozenset(starts)


def _log_line(line: str) -> bool:
    """A line of a terse log that tells what happened: four words or more, two in lower case."""
    words = line.split()
    return len(words) >= _LOG_WORDS and sum(w.islower() for w in words) >= 2


def _terse_log(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a text is told in short lines with no full stops, as a pilot's forum post may be.

    "Airborne on time / Made it as far as Stokenchurch mast / Landed at Caen": most of
    its lines read as a log's entries, not headings, and they are the story.
    """
    lines = [text[a:b].strip() for a, b in spans]
    lines = [ln for ln in lines if len(ln.split()) >= 3]
    if len(lines) < _LOG_LINES:
        return False
    bare = [
        ln for ln in lines if not (_ENDS_SENTENCE.search(ln) or ln.endswith(":")) and _log_line(ln)
    ]
    return len(bare) * 2 >= len(lines)


#: A log's entry has this many words at least ...
_LOG_WORDS = 4
#: ... and a text is a log only when half of its lines, and this many at least, are entries.
_LOG_LINES = 8


#: A line of prose this long after a "Read more" block is the story again, not a link.
_PARAGRAPH_WORDS = 15
#: A text is hard-wrapped when most of its lines are at most this long ...
_WRAP_COLUMNS = 120
# ... and a line this close to the longest of them runs on into the next.
_RUNS_ON = 0.6


def _unwrap(text: str, spans: list[tuple[int, int]], rows: set[int]) -> list[tuple[int, int]]:
    """Join the lines of hard-wrapped paragraphs (an e-mail, a newsletter, a pasted PDF).

    A text whose lines are nearly all at most :data:`_WRAP_COLUMNS` long is
    wrapped; a line at least :data:`_RUNS_ON` times as long as its longest
    line runs on into the next one unless a blank line, a list item, a table
    row or a page-furniture marker comes between. The joined span keeps the
    text's own offsets: its line breaks are spaces to the sentences in it.
    """
    if len(spans) < 3:
        return spans
    lengths = [e - s for s, e in spans]
    short = [n for n in lengths if n <= _WRAP_COLUMNS]
    if len(short) < 0.8 * len(lengths):
        return spans
    width = max(short)
    out: list[tuple[int, int]] = []
    for (start, end), length in zip(spans, lengths, strict=True):
        if out:
            prev_start, prev_end = out[-1]
            last_line = text[text.rfind("\n", 0, prev_end) + 1 : prev_end]
            line = text[start:end]
            if (
                text[prev_end:start].count("\n") == 1
                and _RUNS_ON * width <= len(last_line) <= _WRAP_COLUMNS
                and length <= _WRAP_COLUMNS
                and start not in rows
                and prev_start not in rows
                and not _LIST_ITEM.match(line)
                and not _FURNITURE_MARKER.match(line)
                and not _FURNITURE_MARKER.match(last_line)
            ):
                out[-1] = (prev_start, end)
                continue
        out.append((start, end))
    return out


#: The longest sentence read as one (the longest in the labelled corpora is 442 characters).
#: A longer run with no sentence end, such as a list of lines with no full stop, is cut at its
#: line breaks or spaces, so what each place's clause looks back over stays short.
_MAX_SENTENCE_CHARS = 2_000


def _split_sentences(text: str, start: int, end: int, first_index: int) -> list[_Sentence]:
    spans = [piece for s in _sentence_spans(text, start, end) for piece in _cut_long(text, *s)]
    return [_Sentence(a, b, text[a:b], first_index + i) for i, (a, b) in enumerate(spans)]


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most :data:`_MAX_SENTENCE_CHARS`.

    Each cut falls at a line break, or else at a space, where the piece has one.
    """
    pieces: list[tuple[int, int]] = []
    while end - start > _MAX_SENTENCE_CHARS:
        limit = start + _MAX_SENTENCE_CHARS
        cut = text.rfind("\n", start + 1, limit)
        if cut < 0:
            cut = text.rfind(" ", start + 1, limit)
        cut = limit if cut < 0 else cut
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        word = re.search(r"([A-Za-z.]+)$", text[max(begin, m.start() - 12) : m.start()])
        token = word.group(1).lower().strip(".") if word else ""
        # "at 2 p.m. It had left Honolulu": a clock time can end a sentence too
        clock_end = token in ("a.m", "p.m") and _STARTS_SENTENCE.match(text, m.end(), end)
        # "at a cruise of 148 km/h. On May 20 ...": a unit's last letter, not an initial
        unit_end = len(token) == 1 and text[m.start() - 2 : m.start() - 1] == "/"
        if (token in _ABBREVIATIONS or len(token.replace(".", "")) == 1 or "." in token) and not (
            clock_end or unit_end
        ):
            continue
        out.append((begin, m.end()))
        begin = m.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        out.append((begin, end))
    return out


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside double quotation marks (straight or curly) in one line."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for m in re.finditer(r"[\"“”]", text[start:end]):
        pos = start + m.start()
        ch = m.group(0)
        if opened is None and ch != "”":
            opened = pos
        elif opened is not None and ch != "“":
            spans.append((opened, pos + 1))
            opened = None
    if opened is not None:  # an unclosed quote runs to the end of the paragraph
        spans.append((opened, end))
    return spans
