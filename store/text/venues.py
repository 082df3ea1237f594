"""Venues: the summit or conference on whose sidelines (or to attend which) another event happens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from clipdesk.store.text.lexicon import BODY_WORDS
from clipdesk.store.text.places import is_country

# Words that open the name of a gathering something else happens at: 'on the sidelines of the G7 summit',
# 'to attend the NATO summit', 'looking ahead to this week's summit'; 'at' and 'during' only when a word of
# VENUE_WORD follows ('at the Presidential Villa' is a building).
VENUE_CUE = re.compile(r"\b(?:(?P<strong>on\s+the\s+(?:sidelines?|occasion)\s+of|to\s+attend"
                       r"|(?P<ahead>ahead\s+of|looking\s+ahead\s+to|in\s+the\s+run-up\s+to))|at|during)\s+",
                       re.I)
# Where the gathering's name ends: a comma, a place ('in Goa'), a time ('last year'), a new clause.
VENUE_END = re.compile(r"[,.;:(]|\s(?:in|on|to|which|where|that|who|last|this|next|earlier|later|and)\b")
VENUE_WORD = re.compile(
    r"\b(?:(?P<summit>summit)|conference|forum|conclave|meeting|meet|session|assembly)s?\b", re.I)
# Words without one of which a sentence names no venue.
HINTS = ("summit", "conference", "forum", "conclave", "meet", "session", "assembly", "sidelines", "occasion",
         "attend", "ahead", "run-up")
# A 'who' clause about the subject ('X, who was visiting Rome to attend the summit, held talks'):
# background, not the event the sentence reports.
WHO_ASIDE = re.compile(r",\s+who\b[^.;]*?,(?=\s+(?:\w+ed|held|met|had|spoke|made|took|paid)\b)")
ABBREVIATION = re.compile(r"(?:[A-Z]{2,}|G-?\d{1,2}|[A-Z]+\d+)$")  # 'NATO', 'SCO', 'G7', 'G-20'
POSSESSIVE_NAME = re.compile(r"\b([A-Z][\w.-]*)['’]s\b")  # "the UK's"
WORD = re.compile(r"[\w-]+")
OF = re.compile(r"\s+of\b")
# A capitalised name, with 'of' or 'and' inside ('Association of Southeast Asian Nations').
NAME_RUN = re.compile(r"\b[A-Z][\w-]*(?:\s+(?:(?:of|and|for)\s+)?[A-Z][\w-]*)*")


@dataclass(frozen=True)
class Venue:
    """Where in a sentence a gathering is named, and the word naming it ('summit'), if any."""

    start: int
    end: int
    kind: str | None
    trigger: re.Match[str] | None
    ahead: bool = False  # 'ahead of the summit': the people of the sentence are not shown attending it


@lru_cache(maxsize=64)
def venues(sentence: str) -> tuple[Venue, ...]:
    """The gatherings a sentence names as the setting of something else."""
    low = sentence.lower()
    if not any(hint in low for hint in HINTS):
        return ()
    found: list[Venue] = []
    for cue in VENUE_CUE.finditer(sentence):
        stop = VENUE_END.search(sentence, cue.end())
        # the name may carry a bracketed abbreviation: 'the Shanghai Cooperation Organisation (SCO) meeting'
        while stop and stop[0] == "(" and (close := sentence.find(")", stop.end())) > 0:
            stop = VENUE_END.search(sentence, close + 1)
        end = stop.start() if stop else len(sentence)
        words = list(VENUE_WORD.finditer(sentence, cue.end(), end))
        if words or cue["strong"]:
            word = words[-1] if words else None
            kind = None if word is None else "summit" if word["summit"] else "conference"
            found.append(Venue(cue.start(), end, kind, word, bool(cue["ahead"])))
    return tuple(found)


def background(sentence: str) -> list[tuple[int, int]]:
    """Spans of a sentence that set the scene rather than report its event: venues and 'who' clauses."""
    asides = [m.span() for m in WHO_ASIDE.finditer(sentence)] if ", who " in sentence else []
    return [(v.start, v.end) for v in venues(sentence)] + asides


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def holders(venue: Venue, sentence: str) -> list[str]:
    """The bodies whose gathering the venue is: an abbreviation or a country's possessive in its name ('the
    G7 Hiroshima Summit', "the UK's AI Summit"), or the body after 'of' ('a conclave of the ministers of the
    Shanghai Cooperation Organisation'). A name of the gathering alone ('the Recovery Conference') names
    nobody."""
    if venue.trigger is None:
        return []
    name = sentence[venue.start:venue.trigger.start()]
    owners = [m[1] for m in POSSESSIVE_NAME.finditer(name)
              if ABBREVIATION.fullmatch(m[1]) or is_country(m[1])]
    names = owners or [w for w in WORD.findall(name) if ABBREVIATION.fullmatch(w)]
    rest = sentence[venue.trigger.end():venue.end]
    for run in NAME_RUN.finditer(rest if OF.match(rest) else ""):
        words = run[0].split()
        if rest[run.end():run.end() + 2] == " (" or ABBREVIATION.fullmatch(run[0]) or is_country(run[0]) \
                or BODY_WORDS.intersection(w.lower() for w in words):
            names.append(run[0])
            if rest[run.end():run.end() + 2] == " (":
                break  # 'the Shanghai Cooperation Organisation (SCO)': the abbreviation is the same body
    return list(dict.fromkeys(names))
