"""Ingest: read article files (with optional .meta.json sidecars) and write them to the store."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from clipdesk.store.index.bulk import deferred_fts, optimise_fts
from clipdesk.store.index.people import names_of, resolve_person
from clipdesk.store.index.schema import transaction
from clipdesk.store.index.vectors import store_vectors
from clipdesk.store.prepare import Parsed, Prepared, parse, prepare_file
from clipdesk.store.text.article import NotAnArticle, article_id
from clipdesk.store.text.model import Article
from clipdesk.store.workers import ParseWorkers

if TYPE_CHECKING:
    from clipdesk.store.store import Store

PARALLEL_FROM = 64  # files; fewer are parsed in this process
WRITE_BATCH = 200  # articles per write transaction
OPTIMISE_AFTER = 1_000  # articles added by one ingest call before its FTS5 indexes are merged
CHUNK = 16  # files per task sent to a parse worker
AHEAD = 3  # tasks per worker submitted ahead of the writer

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome:
    """What happened to one file: added, unchanged, replaced, or error (with a message)."""

    path: str
    status: str
    message: str = ""
    article_id: str | None = None


@dataclass
class Tally:
    """What an ingest did: how many files ended each way, and the outcomes with something to say (errors,
    warnings), so that its memory grows with the failures, not with the files."""

    counts: Counter[str] = field(default_factory=Counter)
    notable: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        """Count one file's outcome."""
        self.counts[outcome.status] += 1
        if outcome.status == "error" or outcome.message:
            self.notable.append(outcome)


def now_iso() -> str:
    """The current UTC time as ISO 8601 with microseconds (sortable as text)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def ingest_text(db: Store, raw: str, source: str,
                sidecar: dict | None = None) -> Outcome:
    """Parse and store one article; the same text twice is stored once (NotAnArticle if it has none)."""
    aid = article_id(raw)
    if _known(db, aid):
        return Outcome(source, "unchanged", article_id=aid)
    parsed = parse(raw, source, sidecar)
    with transaction(db):
        return store_many(db, [parsed])[0]


def ingest_texts(db: Store, items: Iterable[tuple[str, str]]) -> list[Outcome]:
    """Parse and store many (raw text, source) pairs, WRITE_BATCH articles per transaction; a text
    with no article in it gets an error Outcome and the rest go in."""
    outcomes: list[Outcome] = []
    for batch in _batches(items, WRITE_BATCH):
        prepared = []
        for raw, source in batch:
            aid = article_id(raw)
            if _known(db, aid):
                prepared.append(Prepared(source, known=aid))
                continue
            try:
                prepared.append(Prepared(source, parse(raw, source)))
            except NotAnArticle as exc:
                prepared.append(Prepared(source, error=f"no article in it ({exc})"))
        outcomes += write_prepared(db, prepared)
    _optimise_after(db, sum(o.status == "added" for o in outcomes))
    return outcomes


def _optimise_after(db: Store, added: int) -> None:
    """After an ingest that added OPTIMISE_AFTER articles or more, merge the FTS5 indexes."""
    if added >= OPTIMISE_AFTER:
        optimise_fts(db)


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _known(db: Store, aid: str) -> bool:
    return db.execute("SELECT 1 FROM articles WHERE id = ?", [aid]).fetchone() is not None


def store_parsed(db: Store, parsed: Parsed) -> Outcome:
    """Write one parsed article (inside the caller's transaction), replacing an older text of its source."""
    return store_many(db, [parsed])[0]


@dataclass(frozen=True)
class _Resolved:
    """A parsed article with the people of its quotations and events resolved to ids."""

    parsed: Parsed
    speakers: list[int | None]
    participants: list[list[int]]


def store_many(db: Store, batch: Sequence[Parsed]) -> list[Outcome]:
    """Write parsed articles (inside the caller's transaction), each replacing an older text of its
    source; one Outcome per article.

    An article's people are resolved first, then the rows of the whole batch are inserted with the
    people's final names and indexed in bulk (see bulk.deferred_fts), then embedded in one call.
    """
    outcomes = []
    pending: list[_Resolved] = []
    ids: set[str] = set()
    sources: set[str] = set()
    for parsed in batch:
        article = parsed.article
        if article.id in ids or article.source in sources:  # it needs the earlier rows indexed
            _write_rows(db, pending)
            pending, ids, sources = [], set(), set()
        if _known(db, article.id):
            outcomes.append(Outcome(article.source, "unchanged", article_id=article.id))
            continue
        replaced = db.execute("SELECT id FROM articles WHERE source = ?", [article.source]).fetchall()
        for (old_id,) in replaced:
            _delete_article(db, old_id)
        pending.append(_resolve(db, parsed))
        ids.add(article.id)
        sources.add(article.source)
        outcomes.append(Outcome(article.source, "replaced" if replaced else "added", article_id=article.id))
    _write_rows(db, pending)
    return outcomes


def _resolve(db: Store, parsed: Parsed) -> _Resolved:
    speakers = [resolve_person(db, q.speaker, q.speaker_role, q.speaker_kind)[0] if q.speaker else None
                for q in parsed.quotes]
    participants = [[resolve_person(db, name)[0] for name in event.participants] for event in parsed.events]
    return _Resolved(parsed, speakers, participants)


_INSERT_QUOTE = ("INSERT INTO quotes (article_id, paragraph, text, speaker_id, speaker, speaker_role, cue,"
                 " partial) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
_INSERT_EVENT = ("INSERT INTO events (article_id, paragraph, kind, date, date_text, place, participants,"
                 " summary, planned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")


def _write_rows(db: Store, pending: list[_Resolved]) -> None:
    if not pending:
        return
    names = names_of(db, {pid for r in pending for pid in (*filter(None, r.speakers),
                                                             *(p for e in r.participants for p in e))})
    quote_rows, event_rows = [], []
    with deferred_fts(db):
        for resolved in pending:
            article = resolved.parsed.article
            _write_article(db, article)
            for quote, speaker_id in zip(resolved.parsed.quotes, resolved.speakers, strict=True):
                quote_rows.append((article.id, quote.paragraph, quote.text, speaker_id,
                                   names[speaker_id] if speaker_id else None, quote.speaker_role, quote.cue,
                                   int(quote.partial)))
            for event, people in zip(resolved.parsed.events, resolved.participants, strict=True):
                event_rows.append((article.id, event.paragraph, event.kind, event.date, event.date_text,
                                   event.place, json.dumps([names[p] for p in people], ensure_ascii=False),
                                   event.summary, int(event.planned)))
        db.conn.executemany(_INSERT_QUOTE, quote_rows)
        db.conn.executemany(_INSERT_EVENT, event_rows)
    store_vectors(db, [r.parsed.article.id for r in pending])


def _write_article(db: Store, article: Article) -> None:
    db.conn.execute(
        "INSERT INTO articles (id, source, url, outlet, title, standfirst, published, published_text,"
        " byline, dateline, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (article.id, article.source, article.url, article.outlet, article.title, article.standfirst,
         article.published, article.published_text, article.byline, article.dateline, now_iso()))
    db.conn.executemany(
        "INSERT INTO paragraphs (article_id, position, text) VALUES (?, ?, ?)",
        [(article.id, i, text) for i, text in enumerate(article.paragraphs)])


def _delete_article(db: Store, aid: str) -> None:
    for table in ("quotes", "events", "paragraphs"):
        db.execute(f"DELETE FROM {table} WHERE article_id = ?", [aid])
    db.execute("DELETE FROM articles WHERE id = ?", [aid])


def article_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The .txt files named directly or found (recursively, sorted) in the folders given: a folder's
    entry names are held one folder at a time, never a path for every file."""
    for path in map(Path, paths):
        yield from _txt_files(path, set()) if path.is_dir() else (path,)


def _txt_files(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path]:
    """The .txt files under `folder`, sorted by name within each folder; a folder reached again through
    a link is read once, and an unreadable one is skipped."""
    try:
        info = folder.stat()
        names = sorted(os.listdir(folder))
    except OSError:
        return
    if (info.st_dev, info.st_ino) in seen:
        return
    seen.add((info.st_dev, info.st_ino))
    for name in names:
        path = folder / name
        if path.is_dir():
            yield from _txt_files(path, seen)
        elif name.endswith(".txt"):
            yield path


def write_prepared(db: Store, batch: list[Prepared]) -> list[Outcome]:
    """Store a batch of prepared files in one transaction, one Outcome per file."""
    with transaction(db):
        stored = iter(store_many(db, [item.parsed for item in batch if item.parsed is not None]))
    outcomes = []
    for item in batch:
        if item.known:
            outcomes.append(Outcome(item.path, "unchanged", article_id=item.known))
        elif item.parsed is None:
            outcomes.append(Outcome(item.path, "error", item.error))
        else:
            done = next(stored)
            outcomes.append(Outcome(item.path, done.status, item.warning, done.article_id))
    return outcomes


def ingest_file(db: Store, path: Path) -> Outcome:
    """Ingest one file; problems with it become an error Outcome naming the file."""
    return write_prepared(db, [prepare_file(path)])[0]


def ingest_paths(db: Store, paths: Iterable[str | Path],
                 on_file: Callable[[Outcome], None] | None = None) -> Tally:
    """Ingest every file under `paths`; one bad file never stops the batch. `on_file` hears of each
    file as it is done; the Tally returned keeps counts and only the outcomes worth telling.

    Many files are parsed in worker processes (one per CPU, started fresh: see workers.py), CHUNK
    files a task with at most AHEAD tasks a worker given out but not yet written, so the parsed
    articles held in memory stay bounded however many files there are; they are written WRITE_BATCH
    to a transaction.
    """
    files = iter(article_files(paths))
    first = list(islice(files, PARALLEL_FROM))
    workers = min(os.cpu_count() or 1, 8)
    tally = Tally()
    with ExitStack() as stack:
        if len(first) == PARALLEL_FROM and workers > 1:
            pool = stack.enter_context(ParseWorkers(workers))
            prepared = pool.prepared(chain(first, files), CHUNK, workers * AHEAD)
        else:
            prepared = map(prepare_file, chain(first, files))
        for batch in _batches(prepared, WRITE_BATCH):
            for outcome in write_prepared(db, batch):
                tally.add(outcome)
                if on_file:
                    on_file(outcome)
    _optimise_after(db, tally.counts["added"])
    return tally
