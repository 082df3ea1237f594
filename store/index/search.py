"""The retrieval core: a question in, ranked and cited evidence out (or an abstention).

Candidates come from FTS5 (one statement per table over the question's rare words, best BM25 first)
and from the stored sentence vectors (nearest to the question's); every candidate is then scored in
Python: which question words it holds (common words too), its cosine to the question, and whether the
people and places the question names are in it or its article. The best hit's relevance decides
whether to answer at all.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from clipdesk.store.index import fts, vectors
from clipdesk.store.index.caches import caches_of
from clipdesk.store.index.intent import (
    WHEN,
    WHERE,
    WHO,
    asks_city,
    asks_published,
    asks_weekday,
    states_date,
    without_piece_words,
)
from clipdesk.store.index.question import Question, person_id, understand
from clipdesk.store.index.rerank import (
    FIT_SHARE,
    RELATIVE_FLOOR,
    THRESHOLD,
    TOPIC_FLOOR,
    Candidate,
    Term,
    coverage,
    fits,
    relevance,
    score,
    soft_credit,
)
from clipdesk.store.text.lexicon import sentences
from clipdesk.store.text.places import is_country, recognise_places

if TYPE_CHECKING:
    from clipdesk.store.store import Store

MAX_QUESTION_CHARS = 1000
PER_TABLE = 20  # candidates fetched from each FTS table (more when more hits are asked for)
SEMANTIC_CANDIDATES = 30  # candidates taken from the vector scan
RARE_MIN = 2000  # a word in at most this many paragraphs (or RARE_SHARE of them) drives the FTS query
RARE_SHARE = 0.002
# ... but the words driving one statement hold at most this many paragraphs together: `ORDER BY rank`
# costs about 5 µs a matching row, so on a large store the rarest words drive and the others are
# credited in Python (a store of 1M articles would otherwise walk 20,000 rows a word)
RARE_POSTINGS = 6000
CONTEXT_CHECKS = 12  # candidates (the most hopeful) whose article is searched for the names they lack
# a term's paragraphs are fetched whole when it is in fewer than this many for each article to look
# in: one FTS5 range lookup costs about as much as fetching 250 rowids
RANGE_LOOKUP_ROWS = 250
SOFT_CHECKS = 20  # candidates (the most hopeful by words and meaning) whose words stand in for missing ones
SCAN_BELOW = THRESHOLD  # the whole store's vectors are scanned when the words found nothing this relevant
TABLES = {"quote": "quotes", "event": "events", "paragraph": "paragraphs"}
SHORT_QUOTE_WORDS = 6  # a quotation this short is cited in its sentence ("adding that … 'jumping ahead'")
REPORT_REACH = 80  # characters between the person named and the verb of a paragraph reporting them


@dataclass(frozen=True)
class Hit:
    """One ranked piece of evidence with everything needed to cite it."""

    kind: str  # "quote" | "event" | "paragraph" | "article" (when it was published)
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
    lexical: float = 0.0  # the share of the question's weighted words it holds (0..1)
    semantic: float | None = None  # its cosine to the question (None without vectors)
    relevance: float = 0.0  # the calibrated relevance compared with the threshold
    fit: bool = False  # the kind of evidence the question asks for (rerank.fits)


@dataclass(frozen=True)
class SearchResult:
    """Ranked hits, best first; `found` is False when the coverage has nothing relevant."""

    hits: tuple[Hit, ...] = field(default_factory=tuple)
    intent: str = "what"  # who | what | when | where | how many
    threshold: float = THRESHOLD
    best: Hit | None = None  # the most relevant candidate, even when it fell under the threshold

    @property
    def found(self) -> bool:
        return bool(self.hits)


@dataclass(frozen=True)
class _Scored:
    """A candidate with its ranking value, its relevance and the evidence behind them."""

    value: float
    relevance: float
    candidate: Candidate
    cover: float = 0.0
    similarity: float | None = None
    fit: bool = False  # the kind of evidence the question asks for (see rerank.fits)


@dataclass(frozen=True)
class _Row:
    """A candidate row's searchable columns (and their words, found once) and what citing it needs."""

    text: str
    columns: dict[str, str]
    speaker_id: int | None
    place: str | None
    article_id: str
    dated: bool = False  # an event with its date
    participants: bool = False  # an event naming who took part

    @cached_property
    def words(self) -> dict[str, list[str]]:
        return {name: fts.tokens(text) for name, text in self.columns.items()}


def search(db: Store, question: str, k: int = 5) -> SearchResult:
    """Answer a free question with at most k hits, or none when nothing is relevant."""
    question = (question or "")[:MAX_QUESTION_CHARS]
    published = asks_published(question)
    if published:  # "when was the piece on X published": search for X, answer with its article's date
        question = without_piece_words(question)
    q = understand(db, question)
    if not q.terms or k < 1:
        return SearchResult(intent=q.intent)
    limit = max(k, PER_TABLE)
    # the paragraphs, the largest table, are searched on a second connection while this one does the rest
    paragraphs = db.beside(_lexical, "paragraph", q.terms, "", limit)
    lexical = {kind: _lexical(db, kind, q.terms, "", limit) for kind in TABLES if kind != "paragraph"}
    lexical["paragraph"] = paragraphs.result()
    found = {(kind, rowid): rank for kind in TABLES for rowid, rank in lexical[kind]}
    queries = vectors.embed_question(db, [question, q.topic] if q.topic else [question])
    named_places = frozenset(recognise_places(question))
    weekday, city = asks_weekday(question), asks_city(question)
    in_article: dict = {}  # which articles name which question words, found once for both rounds
    if queries is None:
        scored = _score_all(db, found, None, q, named_places, in_article, weekday, city)
    else:
        similar = vectors.similarities(db, queries, found)
        scored = _score_all(db, found, similar, q, named_places, in_article, weekday, city)
        if max((s.relevance for s in scored), default=-1.0) < SCAN_BELOW:
            # the words found nothing convincing: look for the meaning over the whole store
            nearest = vectors.nearest(db, queries, SEMANTIC_CANDIDATES)
            extra = {key: 0.0 for key in nearest if key not in found}
            scored += _score_all(db, extra, nearest, q, named_places, in_article, weekday, city)
    if not scored:
        return SearchResult(intent=q.intent)
    best = max(scored, key=lambda s: s.relevance)
    own_words = q.asks_speaker and bool(q.speaker_ids)
    hits = _best(db, scored, k, own_words) if best.relevance >= THRESHOLD else []
    hits = [_in_sentence(db, h, q.intent == WHO) for h in hits]
    top = _hit(db, best)
    if hits and published:
        hits = _published_first(db, hits, k)
    elif hits and q.intent == WHEN and not states_date(top.text, weekday):
        hits = _dated_first(db, top, best, hits, k, weekday)
    return SearchResult(hits=tuple(hits), intent=q.intent, best=top)


def find_quotes(db: Store, speaker: str | None = None, words: str | None = None,
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
        newest = db.execute("SELECT id FROM quotes WHERE speaker_id = ? ORDER BY partial, id DESC LIMIT ?",
                            [speaker_id, k]).fetchall()
        return [_hit(db, _Scored(1.0, 1.0, Candidate("quote", r[0], 0.0, frozenset()))) for r in newest]
    scope = ""
    if speaker_id is not None:
        name = db.execute("SELECT name FROM people WHERE id = ?", [speaker_id]).fetchone()[0]
        scope = fts.in_column("speaker", fts.phrase(name))
    found = _lexical(db, "quote", terms, scope, max(k, PER_TABLE))
    rows = _rows(db, "quote", [rowid for rowid, _ in found])
    scored = []
    for rowid, rank in found:
        row = rows[rowid]
        if speaker_id is not None and row.speaker_id != speaker_id:
            continue
        cover = coverage(terms, _matched(terms, "quote", row, db))
        if cover:
            scored.append(_Scored(cover, cover, Candidate("quote", rowid, rank, frozenset()), cover))
    return _best(db, scored, k)


def who_said(db: Store, phrase: str, k: int = 5) -> list[Hit]:
    """Quotations that match a phrase, with their speakers, best first."""
    terms = understand(db, (phrase or "")[:MAX_QUESTION_CHARS]).terms
    if not terms:
        return []
    exact = fts.in_column("text", fts.phrase(" ".join(fts.tokens(phrase)[:fts.MAX_TERMS])))
    verbatim = {rowid for rowid, _ in _match(db, "quotes", exact, max(k, PER_TABLE))} if exact else set()
    found = _lexical(db, "quote", terms, "", max(k, PER_TABLE))
    rows = _rows(db, "quote", [rowid for rowid, _ in found])
    scored = []
    for rowid, rank in found:
        cover = coverage(terms, _matched(terms, "quote", rows[rowid], db))
        value = cover + (1.0 if rowid in verbatim else 0.0)
        scored.append(_Scored(value, cover, Candidate("quote", rowid, rank, frozenset()), cover))
    return _best(db, scored, k)


# -- finding candidates ---------------------------------------------------------------------------

def _match(db: Store, table: str, expression: str, limit: int,
           by_rank: bool = True) -> list[tuple[int, float]]:
    """(rowid, rank) of the best `limit` rows; without ranking, the newest rows instead (their BM25
    computed from the store's remembered word counts where fts.bm25 can, as SQLite's own would walk
    every posting list of those common words)."""
    if not by_rank:
        rowids = [r[0] for r in db.execute(
            f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
            [expression, limit]).fetchall()]
        ranks = fts.bm25(db.conn, table, expression, rowids, caches_of(db).counts)
        if ranks is not None or not rowids:
            return [(rowid, ranks[rowid]) for rowid in rowids] if ranks else []
    order = "rank" if by_rank else "rowid DESC"
    return db.execute(
        f"SELECT rowid, rank FROM {table}_fts WHERE {table}_fts MATCH ? ORDER BY {order} LIMIT ?",
        [expression, limit]).fetchall()


def rare_ceiling(db: Store) -> int:
    """The document count above which a word is too common to drive an FTS5 query."""
    total = db.execute("SELECT COALESCE(MAX(id), 0) FROM paragraphs").fetchone()[0]
    return min(RARE_POSTINGS, max(RARE_MIN, int(RARE_SHARE * total)))


def _lexical(db: Store, kind: str, terms: Sequence[Term], scope: str,
             limit: int) -> list[tuple[int, float]]:
    """Rows holding any of the question's rarest words (and every speaker it requires), best BM25 first.

    One statement per table: `ORDER BY rank` walks the posting list of every word in the MATCH, so
    common words stay out of it and are credited in Python (see _matched). A question of common
    words only takes the newest rows holding its two rarest words.
    """
    ceiling = rare_ceiling(db)
    required = [t for t in terms if t.speaker]
    scope = fts.all_of([scope, *(_expression(t, kind) for t in required)])
    rare = _within_postings([t for t in terms if 0 < t.df <= ceiling and not t.speaker])
    if rare:  # a speaker in more paragraphs than the ceiling: the newest rows, ranked in Python
        words = "(" + " OR ".join(_expression(t, kind) for t in rare) + ")"
        return _match(db, TABLES[kind], fts.all_of([scope, words]), limit,
                      by_rank=max((t.df for t in required), default=0) <= ceiling)
    if scope:
        return _match(db, TABLES[kind], scope, limit,
                      by_rank=min((t.df for t in required), default=0) <= ceiling)
    common = sorted((t for t in terms if t.df > 0), key=lambda t: t.df)[:2]
    if not common:
        return []
    return _match(db, TABLES[kind], fts.all_of([_expression(t, kind) for t in common]), limit, by_rank=False)


def _within_postings(rare: list[Term]) -> list[Term]:
    """The rarest of these words whose paragraphs add up to at most RARE_POSTINGS (the rarest always)."""
    chosen: list[Term] = []
    held = 0
    for term in sorted(rare, key=lambda t: t.df):
        held += term.df
        if chosen and held > RARE_POSTINGS:
            break
        chosen.append(term)
    return chosen


def _expression(term: Term, kind: str) -> str:
    """The term as FTS5 syntax; in quotations, the person asked to speak is looked for as the speaker,
    other people named in what is said."""
    expression = fts.any_of(term.alternatives)
    if kind == "quote" and (term.topic or term.speaker):
        return fts.in_column("speaker" if term.speaker else "text", expression)
    return expression


# -- scoring and citing ---------------------------------------------------------------------------

def _score_all(db: Store, found: dict[tuple[str, int], float],
               similar: dict[tuple[str, int], Any] | None, q: Question,
               named_places: frozenset[str], in_article: dict, weekday: bool,
               city: bool) -> list[_Scored]:
    """Every candidate scored: its relevance (lexical, semantic, names) and its ranking value
    (`in_article` memoises _find_named for one question)."""
    rows: dict[tuple[str, int], _Row] = {}
    for kind in TABLES:
        ids = [rowid for k, rowid in found if k == kind]
        rows.update(((kind, rowid), row) for rowid, row in _rows(db, kind, ids).items())
    best_rank = min(found.values(), default=0.0) or -1.0  # BM25 ranks are negative: the best is lowest
    names = [t for t in q.terms if t.entity or t.name or t.domain]  # what a hit must name, or its article
    topics = [t for t in q.terms if not (t.entity or t.name or t.manner)]
    matched = {key: _matched(q.terms, key[0], row, db) for key, row in rows.items()}
    matched = {key: words for key, words in matched.items() if _speaker_ok(q, key[0], rows[key], words)}
    hopes = {key: coverage(q.terms, words, [t.word for t in names]) for key, words in matched.items()}
    checked = set(sorted(hopes, key=lambda key: -hopes[key])[:CONTEXT_CHECKS])
    promising = sorted(hopes, key=lambda key: -(hopes[key] + _cosine(similar, key)))[:SOFT_CHECKS]
    soft = _said_otherwise(q, {key: rows[key] for key in promising}, {key: matched[key] for key in promising})
    reporting = _reporting(q)
    _find_named(db, {(rows[key].article_id, t) for key in checked for t in names
                     if t.word not in matched[key] and (t.df or t.name)}, in_article)
    scored = []
    for key, words in matched.items():
        row = rows[key]
        missing = [t for t in names if t.word not in words]
        context = [t.word for t in missing
                   if key in checked and (t.df or t.name) and in_article[(row.article_id, t.word)]]
        cover = coverage(q.terms, words, context, soft.get(key))
        mass = sum(t.idf for t in names)
        missed = sum(t.idf for t in missing if t.word not in context) / mass if mass else 0.0
        cosines = similar.get(key) if similar is not None else None
        similarity = float(cosines[0]) if cosines is not None else None
        topic_similarity = float(cosines[1]) if cosines is not None and len(cosines) > 1 else None
        topic_cover = coverage(topics, words, (), soft.get(key)) if topics else None
        value = relevance(cover, topic_cover, similarity, topic_similarity,
                          missed)
        places = set(recognise_places(row.text) + ([row.place] if row.place else [])) if q.intent == WHERE \
            else set()
        if city:  # "in which city": a country is no answer
            places = {p for p in places if not is_country(p)}
        ranked = score(value, key[0], q.intent, row.text, speaker_id=row.speaker_id,
                       asked=q.speaker_ids if q.asks_speaker or q.intent == WHO else frozenset(),
                       has_place=bool(places), rank_share=found[key] / best_rank if best_rank < 0 else 0.0,
                       placed_event=key[0] == "event" and bool(row.place), weekday=weekday)
        fit = fits(q.intent, key[0], row.text, speaker_id=row.speaker_id, asked=q.speaker_ids,
                   asks_speaker=q.asks_speaker, new_place=bool(row.place) and row.place not in named_places
                   and not (city and is_country(row.place or "")),
                   dated=row.dated, participants=row.participants,
                   on_topic=key[0] == "quote" and q.asks_speaker and row.speaker_id in q.speaker_ids
                   and _says_topic(db, topics, row, soft.get(key)), weekday=weekday,
                   reported=key[0] != "quote" and reporting is not None and bool(reporting.search(row.text)))
        scored.append(_Scored(ranked, value, Candidate(key[0], key[1], found[key], frozenset(words)),
                              cover, similarity, fit))
    return scored


def _reporting(q: Question) -> re.Pattern[str] | None:
    """For "what did X warn": a person asked to speak named, then the question's verb in the same
    sentence in any form ("Healey on Thursday warned"); None when the question asks no one in a verb
    of its own."""
    verbs = {form for t in q.terms if t.manner for form in t.alternatives}
    if not (q.asks_speaker and verbs and q.speaker_names):
        return None
    names = "|".join(map(re.escape, sorted(q.speaker_names, key=len, reverse=True)))
    said = "|".join(map(re.escape, sorted(verbs, key=len, reverse=True)))
    return re.compile(rf"\b(?:{names})\b[^.!?]{{0,{REPORT_REACH}}}?\b(?:{said})\w*", re.IGNORECASE)


def _cosine(similar: dict[tuple[str, int], Any] | None, key: tuple[str, int]) -> float:
    cosines = similar.get(key) if similar is not None else None
    return float(cosines[0]) if cosines is not None else 0.0


def _said_otherwise(q: Question, rows: dict[tuple[str, int], _Row],
                    matched: dict[tuple[str, int], set[str]]) -> dict[tuple[str, int], dict[str, float]]:
    """For each candidate, the credit (rerank.soft_credit) of each ordinary question word it lacks,
    from the nearest of its own words by word vectors: "troops" for "soldiers", "losing" for "losses".
    Names are never credited this way; nothing without vectors."""
    plain = [t.word for t in q.terms
             if not (t.entity or t.name or t.speaker or t.topic) and " " not in t.word]
    lacking = {key: [w for w in plain if w not in words] for key, words in matched.items()}
    wanted = sorted({w for words in lacking.values() for w in words})
    if not wanted:
        return {}
    own = {key: sorted({w for words in rows[key].words.values() for w in words
                        if w not in fts.STOP_WORDS and not w.isdigit()}) for key in lacking if lacking[key]}
    vocabulary = sorted({w for words in own.values() for w in words})
    asked, seen = vectors.word_vectors(wanted), vectors.word_vectors(vocabulary)
    if asked is None or seen is None or not vocabulary:
        return {}
    cosines = asked @ seen.T
    column_of = {w: i for i, w in enumerate(vocabulary)}
    out: dict[tuple[str, int], dict[str, float]] = {}
    for key, words in own.items():
        if words:
            nearest = dict(zip(wanted, cosines[:, [column_of[w] for w in words]].max(axis=1).tolist(),
                               strict=True))
            out[key] = {w: soft_credit(nearest[w]) for w in lacking[key]}
    return out


def _says_topic(db: Store, topics: Sequence[Term], row: _Row,
                soft: dict[str, float] | None) -> bool:
    """Whether the words themselves (not who says them: a role matches its holder's name) hold
    enough of the question's topic (TOPIC_FLOOR), in any word form or in other words."""
    if not topics:
        return True
    said = _matched(topics, "paragraph", _Row(row.text, {"text": row.text}, None, None, row.article_id), db)
    return coverage(topics, said, (), soft) >= TOPIC_FLOOR


def _speaker_ok(q: Question, kind: str, row: _Row, words: set[str]) -> bool:
    """A "what did X say" question is answered only with evidence naming X (X's own words, for quotes)."""
    required = [t for t in q.terms if t.speaker]
    if not required:
        return True
    if kind == "quote":
        return row.speaker_id in q.speaker_ids or all(t.word in words for t in required)
    return all(t.word in words for t in required)


def _matched(terms: Sequence[Term], kind: str, row: _Row, db: Store) -> set[str]:
    """The question terms a row holds, compared as the index's stemmed tokens; in quotations the
    person asked to speak counts in the speaker column, other people in what is said."""
    stemmed = {name: fts.stemmed(db.conn, words) for name, words in row.words.items()}
    present = {name: set(tokens) for name, tokens in stemmed.items()}  # a form's first token, looked up
    found = set()
    for term in terms:
        if kind == "quote" and term.speaker:
            where = ["speaker"]
        elif kind == "quote" and term.topic:
            where = ["text"]
        else:
            where = list(stemmed)
        if any(form[0] in present[c] and _holds(stemmed[c], form) for c in where for form in term.forms):
            found.add(term.word)
    return found


def _holds(tokens: list[str], form: tuple[str, ...]) -> bool:
    if len(form) == 1:
        return form[0] in tokens
    n = len(form)
    return any(tuple(tokens[i:i + n]) == form for i in range(len(tokens) - n + 1))


def _find_named(db: Store, pairs: set[tuple[str, Term]], memo: dict) -> None:
    """Whether each article's outlet, title or any paragraph contains the term, kept in `memo` (one
    question's) by (article, word): "the TASS report" names the article by its outlet.

    An article's paragraphs are a contiguous rowid range. A term in fewer than RANGE_LOOKUP_ROWS
    paragraphs for each article to check has its paragraphs fetched once and found in each range by
    bisection; a commoner one is looked for in each range by an FTS5 range lookup.
    """
    todo: dict[str, tuple[Term, list[str]]] = {}
    for article_id, term in sorted(pairs, key=lambda pair: (pair[1].word, pair[0])):
        if (article_id, term.word) not in memo:
            todo.setdefault(term.word, (term, []))[1].append(article_id)
    unknown = sorted({a for _, articles in todo.values() for a in articles} - memo.keys())
    if unknown:
        marks = ",".join("?" * len(unknown))
        spans = {a: (first, last) for a, first, last in db.execute(
            f"SELECT article_id, MIN(id), MAX(id) FROM paragraphs WHERE article_id IN ({marks})"
            " GROUP BY article_id", unknown).fetchall()}
        mastheads = {a: fts.tokens(f"{outlet or ''} {title or ''}") for a, outlet, title in db.execute(
            f"SELECT id, outlet, title FROM articles WHERE id IN ({marks})", unknown).fetchall()}
        for a in unknown:
            memo[a] = (*spans.get(a, (None, None)), mastheads.get(a, []))
    for term, articles in todo.values():
        forms = [tuple(fts.tokens(a)) for a in term.alternatives]
        expression = fts.any_of(term.alternatives | term.around)
        postings = None
        if len(articles) * RANGE_LOOKUP_ROWS > term.df:
            postings = sorted(r[0] for r in db.execute(
                "SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ?", [expression]).fetchall())
        for a in articles:
            first, last, masthead = memo[a]
            named = any(_holds(masthead, form) for form in forms)
            if not named and first is not None:
                if postings is not None:
                    at = bisect_left(postings, first)
                    named = at < len(postings) and postings[at] <= last
                else:
                    named = db.execute("SELECT 1 FROM paragraphs_fts WHERE paragraphs_fts MATCH ?"
                                       " AND rowid BETWEEN ? AND ? LIMIT 1",
                                       [expression, first, last]).fetchone() is not None
            memo[(a, term.word)] = named


_ROWS = {
    "quote": "SELECT id, text, speaker, speaker_id, NULL, article_id, 0 FROM quotes WHERE id IN ({})",
    "event": "SELECT id, summary, participants, NULL, place, article_id,"
             " COALESCE(date, date_text) IS NOT NULL FROM events WHERE id IN ({})",
    "paragraph": "SELECT id, text, NULL, NULL, NULL, article_id, 0 FROM paragraphs WHERE id IN ({})",
}


def _rows(db: Store, kind: str, rowids: list[int]) -> dict[int, _Row]:
    if not rowids:
        return {}
    sql = _ROWS[kind].format(",".join("?" * len(rowids)))
    out = {}
    for rowid, text, other, speaker_id, place, article_id, dated in db.execute(sql, rowids).fetchall():
        columns = {"text": text}
        if kind == "quote":
            columns["speaker"] = other or ""
        elif kind == "event":
            columns.update(participants=other or "", place=place or "")
        took_part = kind == "event" and bool(json.loads(other or "[]"))
        out[rowid] = _Row(text, columns, speaker_id, place, article_id, bool(dated), took_part)
    return out


def _best(db: Store, scored: list[_Scored], k: int, fit_leads: bool = False) -> list[Hit]:
    """The k best relevant hits, one per paragraph of an article (its best-scoring evidence); evidence
    of the kind the question asks for (rerank.fits) leads when it is nearly as relevant as the best,
    or (`fit_leads`: the asked person's own words on the topic) when it holds nearly as much of the
    question as the most relevant hit does."""
    top = max((s.relevance for s in scored), default=0.0)
    cover = max((s.cover for s in scored if s.relevance == top), default=0.0)

    def leads(s: _Scored) -> bool:
        own_words = fit_leads and s.candidate.kind == "quote"  # not a paragraph reporting them
        return s.fit and (own_words and s.cover >= FIT_SHARE * cover or s.relevance >= FIT_SHARE * top)

    relevant = sorted((s for s in scored if s.relevance >= RELATIVE_FLOOR * top or leads(s)),
                      key=lambda s: (not leads(s), -s.value))
    hits: list[Hit] = []
    seen: set[tuple[str, int]] = set()
    for s in relevant:
        hit = _hit(db, s)
        if (hit.article_id, hit.paragraph) in seen:
            continue
        seen.add((hit.article_id, hit.paragraph))
        hits.append(hit)
        if len(hits) == k:
            break
    return hits


def _in_sentence(db: Store, hit: Hit, credited: bool = False) -> Hit:
    """A quotation of a few words cited as the sentence that holds it, whose other words say what it is
    about (the speaker stays in the citation); a quotation that is most of its sentence stays as it is.
    `credited` (a "who" question): any quotation is cited with the words of its sentence that say who
    spoke ('…,” EU foreign policy chief Josep Borrell said.')."""
    if hit.kind != "quote" or len(hit.text.split()) > SHORT_QUOTE_WORDS and not credited:
        return hit
    row = db.execute("SELECT text FROM paragraphs WHERE article_id = ? AND position = ?",
                     [hit.article_id, hit.paragraph]).fetchone()
    if row is None:
        return hit
    text = row[0]
    at = text.find(hit.text)
    if at < 0:
        return hit
    spans = sentences(text)
    start = next((a for a, b in spans if a <= at < b), 0)
    end = next((b for a, b in spans if a < at + len(hit.text) <= b), len(text))
    sentence = text[start:end].strip()
    if len(sentence.split()) < 2 * len(hit.text.split()) and not (
            credited and len(sentence.split()) > len(hit.text.split())):
        return hit
    return replace(hit, kind="paragraph", text=sentence)


def _published_first(db: Store, hits: list[Hit], k: int) -> list[Hit]:
    """For "when was the piece on X published": the leading hit's article, as its page dates it, leads
    (nothing changes when the article gives no date: an unknown date stays unknown)."""
    lead = hits[0]
    if not lead.published:
        return hits
    written = db.execute("SELECT published_text FROM articles WHERE id = ?", [lead.article_id]).fetchone()[0]
    whole = bool(written) and bool(re.search(r"\b(19|20)\d\d\b", written))
    said = written if whole else lead.published  # the page's own words when they give the year
    by = f" by {lead.outlet}" if lead.outlet else ""
    text = f"Published {said}{by}" + (f": {lead.title}" if lead.title else "")
    return [replace(lead, kind="article", text=text, speaker=None, fit=True), *hits][:k]


def _dated_first(db: Store, top: Hit, best: _Scored, hits: list[Hit], k: int,
                 weekday: bool) -> list[Hit]:
    """For a "when" question whose most relevant evidence states no date: the paragraph of its article
    that dates it leads (its own paragraph when that has the date, else the article's first dated
    paragraph, where news states when its story happened), with the relevance of what it dates; when
    no paragraph gives a date, the date the article was published leads (see _published_first)."""
    rows = db.execute("SELECT id, position, text FROM paragraphs WHERE article_id = ? ORDER BY position",
                      [top.article_id]).fetchall()
    dated = [(rowid, position) for rowid, position, text in rows if states_date(text, weekday)]
    if not dated:
        return _published_first(db, hits, k)
    rowid, position = next((d for d in dated if d[1] == top.paragraph), dated[0])
    lifted = _hit(db, _Scored(best.value, best.relevance, Candidate("paragraph", rowid, 0.0, frozenset()),
                              fit=True))
    rest = [h for h in hits if (h.article_id, h.paragraph) != (top.article_id, position)]
    return [lifted, *rest][:k]


_CITED = {
    "quote": "SELECT q.text, q.article_id, q.paragraph, q.speaker FROM quotes q WHERE q.id = ?",
    "event": "SELECT e.summary, e.article_id, e.paragraph, NULL FROM events e WHERE e.id = ?",
    "paragraph": "SELECT p.text, p.article_id, p.position, NULL FROM paragraphs p WHERE p.id = ?",
}


def _hit(db: Store, s: _Scored) -> Hit:
    c = s.candidate
    text, article_id, paragraph, speaker = db.execute(_CITED[c.kind], [c.rowid]).fetchone()
    source, url, outlet, published, title = db.execute(
        "SELECT COALESCE(url, source), url, outlet, COALESCE(published, published_text), title"
        " FROM articles WHERE id = ?", [article_id]).fetchone()
    return Hit(kind=c.kind, text=text, score=s.value, article_id=article_id, paragraph=paragraph,
               source=source, speaker=speaker, outlet=outlet, published=published, title=title, url=url,
               lexical=s.cover, semantic=s.similarity, relevance=s.relevance, fit=s.fit)
