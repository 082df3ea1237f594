"""Ingest: read article files (with optional .meta.json sidecars) and write them to the store."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

import sqlite_utils

from clipdesk.store.index.people import resolve_person
from clipdesk.store.index.schema import transaction
from clipdesk.store.index.vectors import store_article_vectors
from clipdesk.store.text.article import NotAnArticle, article_id, parse_article
from clipdesk.store.text.events import extract_events
from clipdesk.store.text.model import Article, Event, Quote
from clipdesk.store.text.quotes import extract_quotes

MAX_FILE_BYTES = 5_000_000
PARALLEL_FROM = 64  # files; fewer are parsed in this process
WRITE_BATCH = 100  # articles per write transaction

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    """What happened to one file: added, unchanged, replaced, or error (with a message)."""

    path: str
    status: str
    message: str = ""
    article_id: str | None = None


def now_iso() -> str:
    """The current UTC time as ISO 8601 with microseconds (sortable as text)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class Parsed:
    """An article with its quotations and events, ready to be written (picklable for workers)."""

    article: Article
    quotes: list[Quote]
    events: list[Event]


def parse(raw: str, source: str, sidecar: dict | None = None) -> Parsed:
    """Clean one article and extract its quotations and events; raise NotAnArticle if none."""
    article = parse_article(raw, source, sidecar)
    return Parsed(article, extract_quotes(article), extract_events(article))


def ingest_text(db: sqlite_utils.Database, raw: str, source: str,
                sidecar: dict | None = None) -> Outcome:
    """Parse and store one article; the same text twice is stored once."""
    aid = article_id(raw)
    if _known(db, aid):
        return Outcome(source, "unchanged", article_id=aid)
    parsed = parse(raw, source, sidecar)
    with transaction(db):
        return store_parsed(db, parsed)


def _known(db: sqlite_utils.Database, aid: str) -> bool:
    return db.execute("SELECT 1 FROM articles WHERE id = ?", [aid]).fetchone() is not None


def store_parsed(db: sqlite_utils.Database, parsed: Parsed) -> Outcome:
    """Write a parsed article (inside the caller's transaction), replacing an older text of its source."""
    article = parsed.article
    if _known(db, article.id):
        return Outcome(article.source, "unchanged", article_id=article.id)
    replaced = db.execute("SELECT id FROM articles WHERE source = ?", [article.source]).fetchall()
    for (old_id,) in replaced:
        _delete_article(db, old_id)
    _write_article(db, article)
    conn = db.conn
    quote_rows = []
    for quote in parsed.quotes:
        speaker_id, speaker = (None, None)
        if quote.speaker:
            speaker_id, speaker = resolve_person(db, quote.speaker, quote.speaker_role, quote.speaker_kind)
        quote_rows.append((article.id, quote.paragraph, quote.text, speaker_id, speaker,
                           quote.speaker_role, quote.cue, int(quote.partial)))
    conn.executemany(
        "INSERT INTO quotes (article_id, paragraph, text, speaker_id, speaker, speaker_role, cue, partial)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", quote_rows)
    conn.executemany(
        "INSERT INTO events (article_id, paragraph, kind, date, date_text, place, participants, summary)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(article.id, event.paragraph, event.kind, event.date, event.date_text, event.place,
          json.dumps([resolve_person(db, name)[1] for name in event.participants], ensure_ascii=False),
          event.summary) for event in parsed.events])
    store_article_vectors(db, article.id)
    return Outcome(article.source, "replaced" if replaced else "added", article_id=article.id)


def _write_article(db: sqlite_utils.Database, article: Article) -> None:
    db.conn.execute(
        "INSERT INTO articles (id, source, url, outlet, title, standfirst, published, published_text,"
        " byline, dateline, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (article.id, article.source, article.url, article.outlet, article.title, article.standfirst,
         article.published, article.published_text, article.byline, article.dateline, now_iso()))
    db.conn.executemany(
        "INSERT INTO paragraphs (article_id, position, text) VALUES (?, ?, ?)",
        [(article.id, i, text) for i, text in enumerate(article.paragraphs)])


def _delete_article(db: sqlite_utils.Database, aid: str) -> None:
    for table in ("quotes", "events", "paragraphs"):
        db.execute(f"DELETE FROM {table} WHERE article_id = ?", [aid])
    db.execute("DELETE FROM articles WHERE id = ?", [aid])


def article_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The .txt files named directly or found (recursively, sorted) in the folders given."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if not p.is_dir())
        else:
            yield path


def read_sidecar(path: Path) -> tuple[dict | None, str]:
    """The NAME.meta.json next to NAME.txt, if any, and a warning if it cannot be used."""
    meta = path.with_name(path.stem + ".meta.json")
    if not meta.exists():
        return None, ""
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"ignored sidecar {meta.name}: {exc}"
    if not isinstance(data, dict):
        return None, f"ignored sidecar {meta.name}: expected a JSON object"
    keep = ("url", "outlet", "published", "title")
    return {k: str(data[k]) for k in keep if data.get(k)}, ""


@dataclass(frozen=True)
class Prepared:
    """One file read and parsed, without the database: its article, or why it has none."""

    path: str
    parsed: Parsed | None = None
    error: str = ""
    warning: str = ""


def prepare_file(path: Path) -> Prepared:
    """Read and parse one file, turning every problem with it into an error naming the file."""
    name = str(path)
    try:
        if not path.exists():
            return Prepared(name, error="no such file")
        if path.stat().st_size > MAX_FILE_BYTES:
            return Prepared(name, error=f"larger than {MAX_FILE_BYTES // 1_000_000} MB")
        data = path.read_bytes()
    except OSError as exc:
        return Prepared(name, error=f"cannot read: {exc.strerror or exc}")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Prepared(name, error="not UTF-8 text")
    if not raw.strip():
        return Prepared(name, error="empty file")
    sidecar, warning = read_sidecar(path)
    try:
        return Prepared(name, parse(raw, path.name, sidecar), warning=warning)
    except NotAnArticle as exc:
        return Prepared(name, error=f"no article in it ({exc})")
    except Exception as exc:  # a rule tripping over odd text must not stop the batch
        log.exception("parsing %s failed", name)
        return Prepared(name, error=f"could not be parsed ({type(exc).__name__}: {exc})")


def write_prepared(db: sqlite_utils.Database, batch: list[Prepared]) -> list[Outcome]:
    """Store a batch of prepared files in one transaction, one Outcome per file."""
    outcomes = []
    with transaction(db):
        for item in batch:
            if item.parsed is None:
                outcomes.append(Outcome(item.path, "error", item.error))
                continue
            stored = store_parsed(db, item.parsed)
            outcomes.append(Outcome(item.path, stored.status, item.warning, stored.article_id))
    return outcomes


def ingest_file(db: sqlite_utils.Database, path: Path) -> Outcome:
    """Ingest one file; problems with it become an error Outcome naming the file."""
    return write_prepared(db, [prepare_file(path)])[0]


def ingest_paths(db: sqlite_utils.Database, paths: Iterable[str | Path],
                 on_file: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Ingest every file under `paths`; one bad file never stops the batch.

    Many files are parsed in worker processes (one per CPU) and written in batched transactions.
    """
    files = list(article_files(paths))
    outcomes: list[Outcome] = []
    workers = min(os.cpu_count() or 1, 8)
    with ExitStack() as stack:
        if len(files) >= PARALLEL_FROM and workers > 1:
            pool = stack.enter_context(ProcessPoolExecutor(workers))
            prepared = iter(pool.map(prepare_file, files, chunksize=16))
        else:
            prepared = map(prepare_file, files)
        while batch := list(islice(prepared, WRITE_BATCH)):
            for outcome in write_prepared(db, batch):
                outcomes.append(outcome)
                if on_file:
                    on_file(outcome)
    return outcomes
