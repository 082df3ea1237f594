"""Names folded for matching: lower case, no accents, courtesy titles or possessive."""

from __future__ import annotations

import re

from clipdesk.store.text.lexicon import COURTESY_TITLES
from clipdesk.store.text.spelling import fold

HONORIFICS = frozenset(title.lower() for title in COURTESY_TITLES)  # stripped from the front of a name
NAME_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
POSSESSIVE = re.compile(r"['’]s?$")


def normalise_name(name: str) -> str:
    """A name folded for matching: lower case, no accents, honorifics or possessive, single spaces."""
    words = [POSSESSIVE.sub("", w) for w in NAME_TOKEN.findall(fold(name))]
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)
