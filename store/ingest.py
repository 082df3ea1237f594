"""Ingest: read article files (with optional .meta.json sidecars) and write them to the store."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from store.article import NotAnArticle, article_id, parse_article
from store.db import transaction
from store.events import extract_events
from store.model import Article
from store.people import resolve_person
from store.quotes import extract_quotes

MAX_FILE_BYTES = 5_000_000


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


def ingest_text(db: sqlite_utils.Database, raw: str, source: str,
                sidecar: dict | None = None) -> Outcome:
    """Parse and store one article; the same text twice is stored once."""
    aid = article_id(raw)
    if db.execute("SELECT 1 FROM articles WHERE id = ?", [aid]).fetchone():
        return Outcome(source, "unchanged", article_id=aid)
    article = parse_article(raw, source, sidecar)
    quotes = extract_quotes(article)
    events = extract_events(article)
    with transaction(db):
        replaced = db.execute("SELECT id FROM articles WHERE source = ?", [source]).fetchall()
        for (old_id,) in replaced:
            _delete_article(db, old_id)
        _write_article(db, article)
        for quote in quotes:
            speaker_id, speaker = (None, None)
            if quote.speaker:
                speaker_id, speaker = resolve_person(db, quote.speaker, quote.speaker_role)
            db["quotes"].insert({
                "article_id": article.id, "paragraph": quote.paragraph, "text": quote.text,
                "speaker_id": speaker_id, "speaker": speaker, "speaker_role": quote.speaker_role,
                "cue": quote.cue, "partial": int(quote.partial),
            })
        for event in events:
            names = [resolve_person(db, name)[1] for name in event.participants]
            db["events"].insert({
                "article_id": article.id, "paragraph": event.paragraph, "kind": event.kind,
                "date": event.date, "date_text": event.date_text, "place": event.place,
                "participants": json.dumps(names, ensure_ascii=False), "summary": event.summary,
            })
    return Outcome(source, "replaced" if replaced else "added", article_id=article.id)


def _write_article(db: sqlite_utils.Database, article: Article) -> None:
    db["articles"].insert({
        "id": article.id, "source": article.source, "url": article.url,
        "outlet": article.outlet, "title": article.title, "standfirst": article.standfirst,
        "published": article.published, "published_text": article.published_text,
        "byline": article.byline, "dateline": article.dateline, "ingested_at": now_iso(),
    })
    db["paragraphs"].insert_all(
        {"article_id": article.id, "position": i, "text": text}
        for i, text in enumerate(article.paragraphs)
    )


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


def ingest_file(db: sqlite_utils.Database, path: Path) -> Outcome:
    """Ingest one file, turning every problem with it into an error Outcome naming the file."""
    name = str(path)
    try:
        if not path.exists():
            return Outcome(name, "error", "no such file")
        if path.stat().st_size > MAX_FILE_BYTES:
            return Outcome(name, "error", f"larger than {MAX_FILE_BYTES // 1_000_000} MB")
        data = path.read_bytes()
    except OSError as exc:
        return Outcome(name, "error", f"cannot read: {exc.strerror or exc}")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Outcome(name, "error", "not UTF-8 text")
    if not raw.strip():
        return Outcome(name, "error", "empty file")
    sidecar, warning = read_sidecar(path)
    try:
        outcome = ingest_text(db, raw, path.name, sidecar)
    except NotAnArticle as exc:
        return Outcome(name, "error", f"no article in it ({exc})")
    return Outcome(name, outcome.status, warning, outcome.article_id)


def ingest_paths(db: sqlite_utils.Database, paths: Iterable[str | Path],
                 on_file: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Ingest every file under `paths`; one bad file never stops the batch."""
    outcomes = []
    for path in article_files(paths):
        outcome = ingest_file(db, path)
        outcomes.append(outcome)
        if on_file:
            on_file(outcome)
    return outcomes
