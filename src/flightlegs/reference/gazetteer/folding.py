"""How the gazetteer compares names: case, accents and punctuation folded away.

>>> fold("São Paulo–Guarulhos")
'sao paulo guarulhos'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, NamedTuple

__all__ = ["fold"]

# --------------------------------------------------------------------------- folding

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|&")
_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "æ": "ae", "Æ": "ae",
     "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ß": "ss", "'": "", "’": ""}
)  # fmt: skip
_SYNONYMS: Final = {
    "st": "saint",
    "ste": "sainte",
    "ft": "fort",
    "mt": "mount",
    "intl": "international",
    "&": "and",
}


def _fold_token(token: str) -> str:
    if token.isascii():
        folded = token.lower().replace("'", "")
    else:
        decomposed = unicodedata.normalize("NFKD", token.translate(_LETTERS))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _SYNONYMS.get(folded, folded)


class _Token(NamedTuple):
    start: int
    end: int
    raw: str
    folded: str


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    for m in _TOKEN.finditer(text):
        start, end, raw = m.start(), m.end(), m.group(0)
        if len(raw) > 2 and raw[-2] in "'’" and raw[-1] in "sS":
            end -= 2
            raw = raw[:-2]
        out.append(_Token(start, end, raw, _fold_token(raw)))
    return out


def fold(name: str) -> str:
    """The normalised form names are matched by: words folded to lower-case ASCII.

    Examples
    --------
    >>> fold("Phoenix–Mesa Gateway")
    'phoenix mesa gateway'
    >>> fold("St. Côte d'Ivoire's")
    'saint cote divoire'
    """
    return " ".join(t.folded for t in _tokens(name))


# gap allowed between the words of one name: spaces, hyphens, dashes, dots, slashes
# ("Cox's Bazar", "Hawke's Bay": a name's own possessive, which its folded form drops)
_JOIN_GAP = re.compile(r"(?:['’][sS])?(?:[ \t\-‐‑‒–—./]{1,3}|\.? ?\n ?)")
