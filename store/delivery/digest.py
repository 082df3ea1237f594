"""What is new since a digest cursor: articles ingested in a range, filtered by topics, grouped by story."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process, utils

from clipdesk.store.index.people import recognise_people
from clipdesk.store.text.spelling import fold

if TYPE_CHECKING:
    from clipdesk.store.store import Store

QUOTES_PER_ARTICLE = 2
EVENTS_PER_ARTICLE = 2
NAME_MATCH = 82  # rapidfuzz ratio between a topic and one word of a name: "shoygu" ~ "shoigu" (83),
#            but not "nato" ~ "nation" (80)
MIN_FUZZY_LEN = 4
SAME_TITLE = 80  # token_set_ratio of two headlines about the same story
MIN_TITLE_WORDS = 4
PREFIX_SHARE = 0.5  # of a headline's letters, in its rarest words, that grouping looks it up by
IDEAL_QUOTE_CHARS = 200
MIN_QUOTE_WORDS = 4  # a scare-quoted word or two is not a quotation worth a digest line


@dataclass(frozen=True)
class NewQuote:
    """A quotation in a new article."""

    text: str
    speaker: str | None
    partial: bool
    paragraph: int

    @property
    def strength(self) -> float:
        """Attributed, whole and substantial quotations first."""
        return (2.0 * bool(self.speaker) + (not self.partial)
                + min(len(self.text), IDEAL_QUOTE_CHARS) / IDEAL_QUOTE_CHARS)


@dataclass(frozen=True)
class NewEvent:
    """An event reported in a new article."""

    kind: str
    date: str | None
    date_text: str | None
    place: str | None
    participants: tuple[str, ...]
    summary: str
    planned: bool = False  # announced, not yet done


@dataclass(frozen=True)
class NewArticle:
    """An article ingested after the cursor, with its strongest quotations and its events."""

    id: str
    source: str  # URL when known, else file name
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None  # ISO when fully known, else as written, else None
    ingested_at: str
    quotes: tuple[NewQuote, ...]
    events: tuple[NewEvent, ...]
    text: str

    @property
    def names(self) -> set[str]:
        """Everyone quoted or taking part in an event."""
        speakers = {q.speaker for q in self.quotes if q.speaker}
        return speakers | {p for e in self.events for p in e.participants}

    @property
    def places(self) -> set[str]:
        return {e.place for e in self.events if e.place}


@dataclass(frozen=True)
class Story:
    """Articles (one or more outlets) covering the same story, the earliest-ingested first."""

    articles: tuple[NewArticle, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets that covered it, each once, in order of ingest (those unknown left out)."""
        return tuple(dict.fromkeys(a.outlet for a in self.articles if a.outlet))

    @property
    def reach(self) -> int:
        """How many outlets covered it (an article whose outlet is unknown counts as one of its own)."""
        return len(self.outlets) + sum(a.outlet is None for a in self.articles)


def new_articles(db: Store, after: str | None, upto: str | None) -> list[NewArticle]:
    """Articles with `after` < ingested_at <= `upto`, oldest ingest first."""
    rows = db.execute(
        """SELECT id, COALESCE(url, source), url, outlet, title, COALESCE(published, published_text),
                  ingested_at FROM articles
           WHERE ingested_at > ? AND ingested_at <= ? ORDER BY ingested_at, id""",
        [after or "", upto or ""],
    ).fetchall()
    return [_article(db, *row) for row in rows]


def _article(db: Store, aid: str, source: str, url: str | None, outlet: str | None,
             title: str | None, published: str | None, ingested_at: str) -> NewArticle:
    quotes = [NewQuote(text, speaker, bool(partial), paragraph)
              for text, speaker, partial, paragraph in db.execute(
                  """SELECT text, speaker, partial, paragraph FROM quotes
                     WHERE article_id = ? ORDER BY paragraph, id""", [aid])
              if len(text.split()) >= MIN_QUOTE_WORDS]
    quotes.sort(key=lambda q: (-q.strength, q.paragraph))
    events = [NewEvent(kind, date, date_text, place, tuple(json.loads(names)), summary, bool(planned))
              for kind, date, date_text, place, names, summary, planned in db.execute(
                  """SELECT kind, date, date_text, place, participants, summary, planned FROM events
                     WHERE article_id = ? ORDER BY date IS NULL, date, paragraph, id""", [aid])]
    text = "\n".join(t for (t,) in db.execute(
        "SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position", [aid]))
    return NewArticle(aid, source, url, outlet, title, published, ingested_at,
                      tuple(quotes[:QUOTES_PER_ARTICLE]), tuple(events[:EVENTS_PER_ARTICLE]), text)


def _proper_words(article: NewArticle) -> set[str]:
    """Every word of a name in the article: its speakers, participants and places, and every
    capitalised word of its title and text (names as written), folded."""
    named = " ".join(article.names | article.places)
    written = re.findall(r"\b[A-Z][\w'\u2019-]+", " ".join(filter(None, (article.title, article.text))))
    return {w for w in re.findall(r"\w+", fold(f"{named} {' '.join(written)}")) if len(w) >= MIN_FUZZY_LEN}


def matches_topics(db: Store, article: NewArticle, topics: tuple[str, ...],
                   people: dict[str, set[str]] | None = None) -> bool:
    """True when the article names any of the topics: a person or place (misspellings allowed) or a word.

    `people` (from topic_people) saves looking the topics' people up again for every article.
    """
    if not topics:
        return True
    people = people if people is not None else topic_people(db, topics)
    body = fold(" ".join(filter(None, (article.title, article.text))))
    proper = _proper_words(article)
    for topic in map(fold, topics):
        if re.search(rf"\b{re.escape(topic)}", body):
            return True
        if people[topic] & article.names:
            return True
        if len(topic) >= MIN_FUZZY_LEN and process.extractOne(topic, proper, scorer=fuzz.ratio,
                                                              score_cutoff=NAME_MATCH):
            return True
    return False


def split_topics(topics: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(wanted, excluded): a topic written "-word" excludes the coverage that names the word."""
    wanted = tuple(t for t in topics if not t.startswith("-"))
    return wanted, tuple(t[1:] for t in topics if t.startswith("-") and len(t) > 1)


def mentions(db: Store, article: NewArticle, words: tuple[str, ...],
             people: dict[str, set[str]]) -> bool:
    """True when the article names any of the words exactly (no misspellings): in its text, or as a person."""
    body = fold(" ".join(filter(None, (article.title, article.text))))
    return any(re.search(rf"\b{re.escape(word)}\b", body) or people[word] & article.names
               for word in map(fold, words))


def topic_people(db: Store, topics: tuple[str, ...]) -> dict[str, set[str]]:
    """The canonical names each (folded) topic is recognised as."""
    return {topic: {p.name for p in recognise_people(db, topic)} for topic in map(fold, topics)}


@dataclass(frozen=True)
class _Keys:
    """What grouping compares of one article, worked out once."""

    names: frozenset[str]
    places: frozenset[str]
    dated: frozenset[tuple[str, str]]  # (kind, date) of its dated events
    title: str | None  # processed (lower case, punctuation as spaces); None when too short to compare
    words: frozenset[str]

    @classmethod
    def of(cls, article: NewArticle) -> _Keys:
        title = article.title if article.title and len(article.title.split()) >= MIN_TITLE_WORDS else None
        processed = utils.default_process(title) if title else None
        return cls(frozenset(article.names), frozenset(article.places),
                   frozenset((e.kind, e.date) for e in article.events if e.date),
                   processed, frozenset(processed.split()) if processed else frozenset())


def _same_story(a: _Keys, b: _Keys) -> bool:
    if a.dated & b.dated and a.names & b.names:
        return True
    if a.title is None or b.title is None:
        return False
    if a.places and b.places and not a.places & b.places:
        return False
    return fuzz.token_set_ratio(a.title, b.title, processor=None) >= SAME_TITLE


def _prefixes(keys: list[_Keys]) -> list[frozenset[str]]:
    """Each headline's rarest words (by how many headlines of the batch hold them) making up PREFIX_SHARE
    of its letters (a word weighs its length + 1, as in the joined string the ratio compares).

    token_set_ratio reaches SAME_TITLE through the shared words only when they make up more than two
    thirds of one headline, so such headlines always share a word of that headline's prefix. Half
    rather than a third also finds nearly every pair matched through alike differing words
    ("promentport" ~ "mentpro"); a pair matched only that way, sharing none of the rarer half of
    either headline, is not compared.
    """
    df = Counter(w for k in keys for w in k.words)
    prefixes = []
    for k in keys:
        need, got, chosen = PREFIX_SHARE * sum(len(w) + 1 for w in k.words), 0, []
        for word in sorted(k.words, key=lambda w: (df[w], w)):
            if got >= need:
                break
            chosen.append(word)
            got += len(word) + 1
        prefixes.append(frozenset(chosen))
    return prefixes


def group_stories(articles: list[NewArticle]) -> list[Story]:
    """Group articles about the same story (similar headlines, or a shared dated event with the
    same people); stories covered by the most outlets first, then with the most articles, then in
    order of ingest.

    Each article joins the earliest story any of whose articles it matches. Only articles sharing a
    dated event, or a headline word among the rarest of one of the two headlines, are compared, so
    the time grows about linearly with the batch.
    """
    keys = [_Keys.of(a) for a in articles]
    prefixes = _prefixes(keys)
    by_word: defaultdict[str, list[int]] = defaultdict(list)
    by_prefix: defaultdict[str, list[int]] = defaultdict(list)
    by_event: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    group_of: list[int] = []
    groups: list[list[NewArticle]] = []
    for i, (article, key) in enumerate(zip(articles, keys, strict=True)):
        candidates = ({j for w in prefixes[i] for j in by_word[w]}
                      | {j for w in key.words for j in by_prefix[w]}
                      | {j for e in key.dated for j in by_event[e]})
        home = next((group_of[j] for j in sorted(candidates, key=lambda j: (group_of[j], j))
                     if _same_story(key, keys[j])), None)
        if home is None:
            home = len(groups)
            groups.append([])
        groups[home].append(article)
        group_of.append(home)
        for w in key.words:
            by_word[w].append(i)
        for w in prefixes[i]:
            by_prefix[w].append(i)
        for e in key.dated:
            by_event[e].append(i)
    stories = [Story(tuple(group)) for group in groups]
    ordered = sorted(enumerate(stories), key=lambda i_s: (-i_s[1].reach, -len(i_s[1].articles), i_s[0]))
    return [story for _, story in ordered]


def whats_new(db: Store, after: str | None, upto: str | None,
              topics: tuple[str, ...] = ()) -> list[Story]:
    """The stories ingested in (after, upto] that match the topics (all of them when none are given)
    and name none of the excluded ones ("-word")."""
    wanted, excluded = split_topics(topics)
    people = topic_people(db, wanted)
    unwanted = topic_people(db, excluded)
    return group_stories([a for a in new_articles(db, after, upto) if matches_topics(db, a, wanted, people)
                          and not (excluded and mentions(db, a, excluded, unwanted))])


def newest_ingest(db: Store) -> str | None:
    """The newest ingested_at in the store (the cursor a digest taken now would cover up to)."""
    return db.execute("SELECT MAX(ingested_at) FROM articles").fetchone()[0]
