"""Scoring candidates: one relevance from lexical and semantic evidence, plus what the intent prefers."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from clipdesk.store.index.intent import HOW_MANY, WHEN, WHERE, WHO, mentions_number, states_date

UNSEEN_WEIGHT = 0.5  # a word the coverage never uses is often the asker's own wording: half weight
CONTEXT_WEIGHT = 0.5  # a name found elsewhere in the hit's article (the hit says "he", "the minister")
SOFT_ZERO = 0.45  # word-vector cosine below which a hit's nearest word is not the question's in other words
SOFT_FULL = 0.9  # ... and at which it counts as the word itself ("soldiers" for "troops")
# relevance = LEXICAL_WEIGHT * cover + SEMANTIC_WEIGHT * (cosine - SEMANTIC_ZERO) - topic gap - names missed:
# the weights, floor and threshold fitted together on the dev sets over three coverages (the seeds
# alone, with 25 other outlets' articles, with 300 generated ones): the threshold lies between the best
# off-topic question (0.22 on the seeds, 0.57 with the other outlets) and the lowest question answered
# right within three hits (0.60, 0.64)
LEXICAL_WEIGHT = 1.0
SEMANTIC_WEIGHT = 2.0
TOPIC_FLOOR = 0.2  # a hit supporting the question's topic less than this is probably about something else
TOPIC_GAP_WEIGHT = 5.0  # relevance lost per unit of support under TOPIC_FLOOR
TOPIC_ZERO = 0.0  # the cosine the words besides the names reach with unrelated text
SEMANTIC_ZERO = 0.2  # the cosine unrelated text reaches with this model
MEAN_SIMILARITY = 0.45  # a relevant hit's typical cosine, credited when there are no vectors
NAME_MISS_PENALTY = 2.0  # a person or place the question names, absent from the hit and its article
THRESHOLD = 0.585  # the best hit's relevance needed to answer at all (fitted on the dev sets, see above)
RELATIVE_FLOOR = 0.4  # hits less relevant than this share of the best hit are noise (fitted on the dev sets)
SPEAKER_BONUS = 0.25  # a quotation by the person the question names
WHEN_EVENT_BONUS = 0.15  # an event for a "when" question
WHEN_DATE_BONUS = 0.1  # any evidence stating a date, for a "when" question
WHO_SPEAKER_BONUS = 0.05  # a quotation with a named speaker, for a "who" question
WHERE_PLACE_BONUS = 0.3  # evidence naming a place, for a "where" question
WHERE_EVENT_BONUS = 0.15  # an event with its place, for a "where" question
NUMBER_BONUS = 0.1  # evidence stating a number, for a "how many / how much" question
SPECIFIC_BONUS = {"quote": 0.02, "event": 0.01, "paragraph": 0.0}  # at equal relevance, the exact evidence
BM25_WEIGHT = 0.05  # BM25 only breaks ties between equally relevant hits
FIT_SHARE = 0.7  # evidence of the kind the question asks for leads when at least this share as relevant

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
    manner: bool = False  # the verb of "what did X demand": not part of the topic the hit must support
    domain: bool = False  # "defence" of "the French defence minister": a hit, or its article, must say it
    forms: frozenset[tuple[str, ...]] = frozenset()  # the alternatives as the index's stemmed tokens
    around: frozenset[str] = frozenset()  # words showing a hit's article means it ("British" for the UK)


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


def coverage(terms: Sequence[Term], matched: Iterable[str], context: Iterable[str] = (),
             soft: Mapping[str, float] | None = None) -> float:
    """The weighted share of the question's terms that `matched` contains (`context` counts less, and
    a word said in other words, `soft`, by how close the nearest word is: see soft_credit)."""
    total = sum(t.idf for t in terms)
    found, nearby, near = set(matched), set(context), soft or {}
    mass = sum(t.idf if t.word in found else CONTEXT_WEIGHT * t.idf if t.word in nearby
               else near.get(t.word, 0.0) * t.idf for t in terms)
    return mass / total if total else 0.0


def soft_credit(cosine: float) -> float:
    """The share of a word's weight earned by the nearest word of a hit (word vectors' cosine): none
    up to SOFT_ZERO, all of it at SOFT_FULL."""
    return min(1.0, max(0.0, (cosine - SOFT_ZERO) / (SOFT_FULL - SOFT_ZERO)))


def relevance(cover: float, topic_cover: float | None, similarity: float | None,
              topic_similarity: float | None, names_missed: float) -> float:
    """One calibrated relevance from the lexical cover (0..1) of the whole question and of its topic
    (the words besides its names; None when it has none), the semantic cosines of both (None without
    vectors: the covers alone, on the same scale), and the share of named people and places found
    neither in the hit nor in its article. A hit that hardly supports the topic loses relevance
    steeply (TOPIC_FLOOR): sharing a name or a city with the question is not answering it."""
    if topic_cover is None:  # a question of names only: its topic is its names
        topic = cover
    elif topic_similarity is None:
        topic = topic_cover
    else:
        topic = max(topic_cover, topic_similarity - TOPIC_ZERO)
    if similarity is None:
        similarity = MEAN_SIMILARITY if cover else SEMANTIC_ZERO
    value = (LEXICAL_WEIGHT * cover + SEMANTIC_WEIGHT * (similarity - SEMANTIC_ZERO)
             - TOPIC_GAP_WEIGHT * max(0.0, TOPIC_FLOOR - topic))
    return value - NAME_MISS_PENALTY * names_missed


def fits(intent: str, kind: str, text: str, *, speaker_id: int | None, asked: frozenset[int],
         asks_speaker: bool, new_place: bool, dated: bool, participants: bool,
         on_topic: bool = True, weekday: bool = False, reported: bool = False) -> bool:
    """Whether a hit is the kind of evidence the question asks for: the asked person's own quotation
    holding the question's topic (`on_topic`) for "what did X say about Y", or a paragraph reporting
    X doing it in the question's verb (`reported`: "X warned" for "what did X warn"), a quotation's speaker or
    an event's participants for "who", a date for "when" (a weekday for "what day of the week",
    `weekday`: an event's stored date does not say which), an event's place the question does not
    name for "where", a number for "how many"."""
    if asks_speaker and asked:
        return (kind == "quote" and speaker_id in asked and on_topic) or reported
    if intent == WHO:
        return (kind == "quote" and speaker_id is not None) or (kind == "event" and participants)
    if intent == WHEN:
        return (dated and not weekday) or states_date(text, weekday)
    if intent == WHERE:
        return new_place
    if intent == HOW_MANY:
        return mentions_number(text)
    return False


def score(value: float, kind: str, intent: str, text: str, *, speaker_id: int | None,
          asked: frozenset[int], has_place: bool, rank_share: float, placed_event: bool = False,
          weekday: bool = False) -> float:
    """Relevance first; the intent's preferences and BM25 (`rank_share` in 0..1) after."""
    value += SPECIFIC_BONUS.get(kind, 0.0) + BM25_WEIGHT * rank_share
    if speaker_id is not None and speaker_id in asked:
        value += SPEAKER_BONUS
    if intent == WHO and speaker_id is not None:
        value += WHO_SPEAKER_BONUS
    if intent == WHEN:
        value += WHEN_EVENT_BONUS if kind == "event" else 0.0
        value += WHEN_DATE_BONUS if states_date(text, weekday) else 0.0
    if intent == WHERE and has_place:
        value += WHERE_PLACE_BONUS + (WHERE_EVENT_BONUS if placed_event else 0.0)
    if intent == HOW_MANY and mentions_number(text):
        value += NUMBER_BONUS
    return value
