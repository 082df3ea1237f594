"""The retrieval core: a question in, ranked and cited evidence out (or an abstention)."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field

import sqlite_utils

from clipdesk.store.index import fts
from clipdesk.store.index.intent import WHERE
from clipdesk.store.index.question import DF_CAP, Question, person_id, understand
from clipdesk.store.index.rerank import (
    CONTEXT_WEIGHT,
    MIN_COVERAGE,
    RELATIVE_FLOOR,
    Candidate,
    Term,
    coverage,
    score,
)
from clipdesk.store.text.places import recognise_places

MAX_QUESTION_CHARS = 1000
PER_TABLE = 12  # candidates fetched from each FTS table (more when more hits are asked for)
MAX_QUERIES = 16  # FTS5 queries per table and question, at most
CONTEXT_CHECKS = 4  # candidates per table (the most hopeful) whose article is searched for missing names
TABLES = {"quote": "quotes", "event": "events", "paragraph": "paragraphs"}


@dataclass(frozen=True)
class Hit:
    """One ranked piece of evidence with everything needed to cite it."""

    kind: str  # "quote" | "event" | "paragraph"
    text: str
    score: float
    article_id: str
    paragraph: int
    source: str  # the article's URL when known, else its file name
    speaker: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO when fully known, else the date as written
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class SearchResult:
    """Ranked hits, best first; `found` is False when the coverage has nothing relevant."""

    hits: tuple[Hit, ...] = field(default_factory=tuple)
    intent: str = "what"  # who | what | when | where

    @property
    def found(self) -> bool:
        return bool(self.hits)


@dataclass(frozen=True)
class _Scored:
    """A candidate with its ranking score and its relevance (the coverage part of the score)."""

    value: float
    cover: float
    candidate: Candidate


def search(db: sqlite_utils.Database, question: str, k: int = 5) -> SearchResult:
    """Answer a free question with at most k hits, or none when nothing is relevant."""
    question = (question or "")[:MAX_QUESTION_CHARS]
    q = understand(db, question)
    if not q.terms or q.names_missing_from_coverage or k < 1:
        return SearchResult(intent=q.intent)
    scored: list[_Scored] = []
    for kind in TABLES:
        scored.extend(_score_all(db, kind, _relaxed(db, kind, q.terms, "", max(k, PER_TABLE)), q))
    return SearchResult(hits=tuple(_best(db, scored, k)), intent=q.intent)


def find_quotes(db: sqlite_utils.Database, speaker: str | None = None, words: str | None = None,
                k: int = 5) -> list[Hit]:
    """Quotations by a speaker (fuzzy-matched) and/or containing words, best first."""
    speaker, words = (speaker or "")[:MAX_QUESTION_CHARS], (words or "")[:MAX_QUESTION_CHARS]
    speaker_id = person_id(db, speaker) if speaker else None
    if speaker and speaker_id is None:
        return []
    terms = understand(db, words).terms
    if not terms:
        if speaker_id is None:
            return []
        rows = db.execute("SELECT id FROM quotes WHERE speaker_id = ? ORDER BY partial, id DESC LIMIT ?",
                          [speaker_id, k]).fetchall()
        return [_hit(db, 1.0, Candidate("quote", r[0], 0.0, frozenset())) for r in rows]
    scope = ""
    if speaker_id is not None:
        name = db.execute("SELECT name FROM people WHERE id = ?", [speaker_id]).fetchone()[0]
        scope = fts.in_column("speaker", fts.phrase(name))
    found = _relaxed(db, "quote", terms, scope, max(k, PER_TABLE))
    if speaker_id is not None and found:
        details = _details(db, "quote", [c.rowid for c in found])
        found = [c for c in found if details[c.rowid][1] == speaker_id]
    return _best(db, [_Scored(cover, cover, c) for c in found if (cover := coverage(terms, c.matched))], k)


def who_said(db: sqlite_utils.Database, phrase: str, k: int = 5) -> list[Hit]:
    """Quotations that match a phrase, with their speakers, best first."""
    terms = understand(db, (phrase or "")[:MAX_QUESTION_CHARS]).terms
    if not terms:
        return []
    exact = fts.in_column("text", fts.phrase(" ".join(fts.tokens(phrase)[:fts.MAX_TERMS])))
    verbatim = {rowid for rowid, _ in _match(db, "quotes", exact, max(k, PER_TABLE))} if exact else set()
    scored = []
    for c in _relaxed(db, "quote", terms, "", max(k, PER_TABLE)):
        cover = coverage(terms, c.matched)
        scored.append(_Scored(cover + (1.0 if c.rowid in verbatim else 0.0), cover, c))
    return _best(db, scored, k)


# -- finding candidates ---------------------------------------------------------------------------

def _match(db: sqlite_utils.Database, table: str, expression: str, limit: int,
           common: bool = False) -> list[tuple[int, float]]:
    """(rowid, rank) of the best `limit` rows; for a very common expression, the newest rows instead."""
    order = "rowid DESC" if common else "rank"
    return db.execute(
        f"SELECT rowid, rank FROM {table}_fts WHERE {table}_fts MATCH ? ORDER BY {order} LIMIT ?",
        [expression, limit]).fetchall()


def _relaxed(db: sqlite_utils.Database, kind: str, terms: Sequence[Term], scope: str,
             limit: int) -> list[Candidate]:
    """Rows matching the most informative combinations of the question's terms, best first.

    Combinations are tried in decreasing weight (names left out still count CONTEXT_WEIGHT, as
    the article may name them elsewhere): all terms (AND) first, then the sets one term smaller,
    and so on, stopping when `limit` rows are found, when the weight falls under the relevance
    threshold, or after MAX_QUERIES queries. A row keeps the first (the heaviest) combination it
    matched.
    """
    required = [t for t in terms if t.speaker]
    usable = [t for t in terms if t.df > 0 and not t.speaker]
    scope = fts.all_of([scope, *(_expression(t, kind) for t in required)])
    total = sum(t.idf for t in terms)
    base = sum(t.idf for t in required)
    found: dict[int, Candidate] = {}
    frontier = [(-base - sum(t.idf for t in usable), tuple(range(len(usable))))]
    visited: set[tuple[int, ...]] = set()
    queries = 0
    while frontier and len(found) < limit and queries < MAX_QUERIES:
        bound, subset = heapq.heappop(frontier)
        if not (subset or required) or -bound < MIN_COVERAGE * total:
            break
        kept = [*required, *(usable[i] for i in subset)]
        expression = fts.all_of([scope, *(_expression(t, kind) for t in kept if not t.speaker)])
        common = min(t.df for t in kept) >= DF_CAP
        matched = frozenset(t.word for t in kept)
        queries += 1
        for rowid, rank in _match(db, TABLES[kind], expression, limit, common):
            found.setdefault(rowid, Candidate(kind, rowid, rank, matched))
        for i in subset:
            child = tuple(j for j in subset if j != i)
            if child not in visited:
                visited.add(child)
                dropped = usable[i]
                # a dropped name may still be credited from the rest of the article
                loss = dropped.idf * (1 - CONTEXT_WEIGHT if dropped.entity or dropped.name else 1)
                heapq.heappush(frontier, (bound + loss, child))
    return list(found.values())


def _expression(term: Term, kind: str) -> str:
    """The term as FTS5 syntax; in quotations, the person asked to speak is looked for as the speaker,
    other people named in what is said."""
    expression = fts.any_of(term.alternatives)
    if kind == "quote" and (term.topic or term.speaker):
        return fts.in_column("speaker" if term.speaker else "text", expression)
    return expression


# -- scoring and citing ---------------------------------------------------------------------------

def _score_all(db: sqlite_utils.Database, kind: str, candidates: list[Candidate],
               q: Question) -> list[_Scored]:
    if not candidates:
        return []
    details = _details(db, kind, [c.rowid for c in candidates])
    best_rank = min(c.rank for c in candidates) or -1.0
    names = [t for t in q.terms if (t.entity or t.name) and t.df > 0]
    in_article: dict = {}
    hopes = {c.rowid: coverage(q.terms, c.matched, [t.word for t in names]) for c in candidates}
    checked = {c.rowid for c in sorted(candidates, key=lambda c: -hopes[c.rowid])[:CONTEXT_CHECKS]}
    scored = []
    for c in candidates:
        text, speaker_id, place, article_id = details[c.rowid]
        context = []
        if c.rowid in checked and hopes[c.rowid] >= MIN_COVERAGE:
            context = [t.word for t in names if t.word not in c.matched
                       and _named_in_article(db, article_id, t, in_article)]
        cover = coverage(q.terms, c.matched, context)
        value = score(cover, kind, q.intent, text,
                      speaker_id=speaker_id, asked=q.speaker_ids,
                      has_place=q.intent == WHERE and bool(place or recognise_places(text)),
                      rank_share=c.rank / best_rank if best_rank < 0 else 0.0)
        scored.append(_Scored(value, cover, c))
    return scored


def _named_in_article(db: sqlite_utils.Database, article_id: str, term: Term,
                      memo: dict) -> bool:
    """Whether any paragraph of the article contains the term (memoised for one question).

    The article's paragraphs are a contiguous rowid range, so the check is an FTS5 range lookup.
    """
    key = (article_id, term.word)
    if key not in memo:
        if article_id not in memo:
            memo[article_id] = db.execute("SELECT MIN(id), MAX(id) FROM paragraphs WHERE article_id = ?",
                                          [article_id]).fetchone()
        first, last = memo[article_id]
        memo[key] = first is not None and bool(db.execute(
            "SELECT 1 FROM paragraphs_fts WHERE paragraphs_fts MATCH ? AND rowid BETWEEN ? AND ? LIMIT 1",
            [fts.any_of(term.alternatives), first, last]).fetchone())
    return memo[key]


def _details(db: sqlite_utils.Database, kind: str,
             rowids: list[int]) -> dict[int, tuple[str, int | None, str | None, str]]:
    marks = ",".join("?" * len(rowids))
    sql = {
        "quote": f"SELECT id, text, speaker_id, NULL, article_id FROM quotes WHERE id IN ({marks})",
        "event": f"SELECT id, summary, NULL, place, article_id FROM events WHERE id IN ({marks})",
        "paragraph": f"SELECT id, text, NULL, NULL, article_id FROM paragraphs WHERE id IN ({marks})",
    }[kind]
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in db.execute(sql, rowids).fetchall()}


def _best(db: sqlite_utils.Database, scored: list[_Scored], k: int) -> list[Hit]:
    """The k best relevant hits, one per paragraph of an article (its best-scoring evidence)."""
    floor = max([MIN_COVERAGE, *(RELATIVE_FLOOR * s.cover for s in scored)])
    relevant = sorted((s for s in scored if s.cover >= floor), key=lambda s: -s.value)
    hits: list[Hit] = []
    seen: set[tuple[str, int]] = set()
    for s in relevant:
        hit = _hit(db, s.value, s.candidate)
        if (hit.article_id, hit.paragraph) in seen:
            continue
        seen.add((hit.article_id, hit.paragraph))
        hits.append(hit)
        if len(hits) == k:
            break
    return hits


_CITED = {
    "quote": "SELECT q.text, q.article_id, q.paragraph, q.speaker FROM quotes q WHERE q.id = ?",
    "event": "SELECT e.summary, e.article_id, e.paragraph, NULL FROM events e WHERE e.id = ?",
    "paragraph": "SELECT p.text, p.article_id, p.position, NULL FROM paragraphs p WHERE p.id = ?",
}


def _hit(db: sqlite_utils.Database, value: float, c: Candidate) -> Hit:
    text, article_id, paragraph, speaker = db.execute(_CITED[c.kind], [c.rowid]).fetchone()
    source, url, outlet, published, title = db.execute(
        "SELECT COALESCE(url, source), url, outlet, COALESCE(published, published_text), title"
        " FROM articles WHERE id = ?", [article_id]).fetchone()
    return Hit(kind=c.kind, text=text, score=value, article_id=article_id, paragraph=paragraph,
               source=source, speaker=speaker, outlet=outlet, published=published, title=title, url=url)
