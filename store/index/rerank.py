"""Scoring candidates: how much of the question they cover (IDF-weighted), plus what the intent prefers."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from clipdesk.store.index.intent import WHEN, WHERE, WHO, mentions_date

MIN_COVERAGE = 0.5  # share of the question's IDF mass a hit must contain to count as relevant
RELATIVE_FLOOR = 0.7  # hits covering less than this share of the best hit's coverage are noise
UNSEEN_WEIGHT = 0.5  # a word the coverage never uses is often the asker's own wording: half weight
CONTEXT_WEIGHT = 0.5  # a name found elsewhere in the hit's article (the hit says "he", "the minister")
SPEAKER_BONUS = 0.25  # a quotation by the person the question names
WHEN_EVENT_BONUS = 0.15  # an event for a "when" question
WHEN_DATE_BONUS = 0.1  # any evidence stating a date, for a "when" question
WHO_SPEAKER_BONUS = 0.05  # a quotation with a named speaker, for a "who" question
WHERE_PLACE_BONUS = 0.1  # evidence naming a place, for a "where" question
SPECIFIC_BONUS = {"quote": 0.02, "event": 0.01, "paragraph": 0.0}  # at equal cover, the exact evidence
BM25_WEIGHT = 0.05  # BM25 only breaks ties between equally covering hits


@dataclass(frozen=True)
class Term:
    """One meaning-bearing word of a question and the phrases that may stand for it in the coverage."""

    word: str
    alternatives: frozenset[str]
    idf: float = 0.0
    df: int = 0
    entity: bool = False  # a recognised person or place
    topic: bool = False  # a person asked about, not asked to speak: never matched as a quote's speaker
    speaker: bool = False  # the person a "what did X say" question asks to speak: every hit must name them
    name: bool = False  # written with a capital inside the question


@dataclass(frozen=True)
class Candidate:
    """A row found by FTS5, the question terms it contains, and its BM25 rank (lower is better)."""

    kind: str
    rowid: int
    rank: float
    matched: frozenset[str]


def idf(df: int, total: int) -> float:
    """BM25's inverse document frequency (always positive; largest for words the coverage lacks)."""
    return math.log((total - df + 0.5) / (df + 0.5) + 1.0)


def weight(df: int, total: int, name: bool) -> float:
    """A term's weight: its IDF, halved for an ordinary word that no paragraph contains.

    Names the coverage lacks keep their full weight (and veto the answer, see search).
    """
    value = idf(df, total)
    return value * UNSEEN_WEIGHT if df == 0 and not name else value


def coverage(terms: Sequence[Term], matched: Iterable[str], context: Iterable[str] = ()) -> float:
    """The weighted share of the question's terms that `matched` contains (`context` counts less)."""
    total = sum(t.idf for t in terms)
    found, nearby = set(matched), set(context)
    mass = sum(t.idf if t.word in found else CONTEXT_WEIGHT * t.idf if t.word in nearby else 0.0
               for t in terms)
    return mass / total if total else 0.0


def score(cover: float, kind: str, intent: str, text: str, *, speaker_id: int | None,
          asked: frozenset[int], has_place: bool, rank_share: float) -> float:
    """Coverage first; the intent's preferences and BM25 (`rank_share` in 0..1) after."""
    value = cover + SPECIFIC_BONUS.get(kind, 0.0) + BM25_WEIGHT * rank_share
    if speaker_id is not None and speaker_id in asked:
        value += SPEAKER_BONUS
    if intent == WHO and speaker_id is not None:
        value += WHO_SPEAKER_BONUS
    if intent == WHEN:
        value += WHEN_EVENT_BONUS if kind == "event" else 0.0
        value += WHEN_DATE_BONUS if mentions_date(text) else 0.0
    if intent == WHERE and has_place:
        value += WHERE_PLACE_BONUS
    return value
