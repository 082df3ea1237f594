"""Opening the clipdesk SQLite file: WAL, busy timeout, the schema, FTS5 indexes and migrations."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from clipdesk.store.index.vectors import ensure_schema as ensure_vector_schema

SCHEMA_VERSION = 1
DEFAULT_DB = "clipdesk.db"
BUSY_TIMEOUT_MS = 10_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,            -- content hash of the raw text
    source TEXT NOT NULL,           -- file name, or URL when one is known
    url TEXT,
    outlet TEXT,
    title TEXT,
    standfirst TEXT,
    published TEXT,                 -- ISO 8601, only when fully known
    published_text TEXT,            -- the date as written (may be partial)
    byline TEXT,
    dateline TEXT,
    ingested_at TEXT NOT NULL       -- UTC ISO 8601, for "what is new"
);
CREATE INDEX IF NOT EXISTS articles_ingested_at ON articles(ingested_at);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);

CREATE TABLE IF NOT EXISTS paragraphs (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS paragraphs_article ON paragraphs(article_id, position);

CREATE TABLE IF NOT EXISTS people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,      -- canonical name
    kind TEXT NOT NULL DEFAULT 'person',  -- person | institution
    role TEXT                       -- role as written where first seen
);

CREATE TABLE IF NOT EXISTS aliases (
    alias TEXT PRIMARY KEY,         -- normalised (lower case, no accents)
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS aliases_person ON aliases(person_id);

CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    paragraph INTEGER NOT NULL,     -- position of the paragraph in its article
    text TEXT NOT NULL,
    speaker_id INTEGER REFERENCES people(id),
    speaker TEXT,                   -- canonical speaker name (denormalised for search)
    speaker_role TEXT,
    cue TEXT,
    partial INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id);

CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    paragraph INTEGER NOT NULL,
    kind TEXT NOT NULL,
    date TEXT,
    date_text TEXT,
    place TEXT,
    participants TEXT NOT NULL DEFAULT '[]',  -- JSON list of canonical names
    summary TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_date ON events(date);

CREATE TABLE IF NOT EXISTS subscriptions (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    thread_id TEXT NOT NULL DEFAULT '',
    time TEXT NOT NULL DEFAULT '08:00',
    tz TEXT NOT NULL DEFAULT 'UTC',
    topics TEXT NOT NULL DEFAULT '',
    notify_empty INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    cursor TEXT,                    -- ingested_at high-water mark of the last digest sent
    UNIQUE (platform, chat_id, thread_id)
);

CREATE TABLE IF NOT EXISTS seen (
    platform TEXT NOT NULL,
    key TEXT NOT NULL,              -- update_id, event_id, or channel:ts
    seen_at TEXT NOT NULL,
    PRIMARY KEY (platform, key)
);

CREATE TABLE IF NOT EXISTS deliveries (
    id INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
    local_date TEXT NOT NULL,       -- the subscriber's local day this digest is for
    state TEXT NOT NULL,            -- pending | sent | failed
    cursor TEXT,                    -- ingested_at high-water mark this digest covers
    parts_sent INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    error TEXT,
    UNIQUE (subscription_id, local_date)
);
"""

FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"
FTS_TABLES: dict[str, list[str]] = {
    "paragraphs": ["text"],
    "quotes": ["text", "speaker"],
    "events": ["summary", "participants", "place"],
}


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file to use: an explicit path, else $CLIPDESK_DB, else ./clipdesk.db."""
    return Path(explicit or os.environ.get("CLIPDESK_DB") or DEFAULT_DB)


def open_db(path: str | os.PathLike | None = None, *, memory: bool = False) -> sqlite_utils.Database:
    """Open (creating and migrating if needed) a clipdesk database."""
    if memory:
        db = sqlite_utils.Database(memory=True)
    else:
        conn = sqlite3.connect(str(db_path(path)), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        db = sqlite_utils.Database(conn)
        db.enable_wal()
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = NORMAL")
    migrate(db)
    ensure_vector_schema(db)
    return db


def migrate(db: sqlite_utils.Database) -> None:
    """Bring the schema up to SCHEMA_VERSION (recorded in PRAGMA user_version)."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version >= SCHEMA_VERSION:
        return
    db.conn.executescript(SCHEMA)
    with transaction(db):
        for table, columns in FTS_TABLES.items():
            if not db[table].detect_fts():
                db[table].enable_fts(columns, create_triggers=True, tokenize=FTS_TOKENIZER)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """A write transaction taken with BEGIN IMMEDIATE, so concurrent writers queue, not fail."""
    conn = db.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    else:
        conn.commit()
