"""Numbered forward-only schema migrations, each one transaction under the write lock, in PRAGMA user_version.

To change the schema, append one step to MIGRATIONS with the next number; never edit a step that has
shipped. A step that rewrites existing tables (copies a table to change a column, say) sets
`rewrites=True`, and the file is copied with VACUUM INTO beside itself before that step runs:

    Migration(3, "vectors: one embedding per paragraph", sql('''
        CREATE TABLE vectors (paragraph_id INTEGER PRIMARY KEY REFERENCES paragraphs(id) ON DELETE CASCADE,
                              embedding BLOB NOT NULL);
    '''))
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"


class NewerSchema(Exception):
    """The file was written by a newer clipdesk than this one: its schema is past the last known step."""


@dataclass(frozen=True)
class Migration:
    """One schema step: `apply` runs inside the step's transaction; the file is then at `version`."""

    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]
    rewrites: bool = False  # rewrites existing tables: back the file up (VACUUM INTO) first


def sql(script: str) -> Callable[[sqlite3.Connection], None]:
    """A step that runs the statements of `script` one by one (inside the step's transaction)."""
    def apply(conn: sqlite3.Connection) -> None:
        for statement in statements(script):
            conn.execute(statement)
    return apply


def statements(script: str) -> list[str]:
    """The complete SQL statements of a script (trigger bodies kept whole); executescript would commit."""
    out: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            out.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement in a migration: {pending.strip()[:80]!r}")
    return out


BASE_SCHEMA = """
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

BASE_FTS: dict[str, list[str]] = {
    "paragraphs": ["text"],
    "quotes": ["text", "speaker"],
    "events": ["summary", "participants", "place"],
}


def _fts(table: str, columns: list[str]) -> str:
    """An external-content FTS5 index of `table` kept in step by triggers (sqlite-utils' layout)."""
    cols = ", ".join(f"[{c}]" for c in columns)
    new = ", ".join(f"new.[{c}]" for c in columns)
    old = ", ".join(f"old.[{c}]" for c in columns)
    fts = f"[{table}_fts]"
    return f"""
CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING FTS5 ({cols}, tokenize='{FTS_TOKENIZER}', content=[{table}]);
CREATE TRIGGER IF NOT EXISTS [{table}_ai] AFTER INSERT ON [{table}] BEGIN
  INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new});
END;
CREATE TRIGGER IF NOT EXISTS [{table}_ad] AFTER DELETE ON [{table}] BEGIN
  INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES('delete', old.rowid, {old});
END;
CREATE TRIGGER IF NOT EXISTS [{table}_au] AFTER UPDATE ON [{table}] BEGIN
  INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES('delete', old.rowid, {old});
  INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new});
END;
"""


def _base(conn: sqlite3.Connection) -> None:
    """The tables of the first release; an older interrupted first run may have left some of them."""
    sql(BASE_SCHEMA)(conn)
    for table, columns in BASE_FTS.items():
        fresh = not _exists(conn, f"{table}_fts")
        sql(_fts(table, columns))(conn)
        if fresh:
            conn.execute(f"INSERT INTO [{table}_fts]([{table}_fts]) VALUES ('rebuild')")


def _exists(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [table]).fetchone() is not None


def _vectors(conn: sqlite3.Connection) -> None:
    """The sentence vectors beside FTS5, and for a store that already holds coverage, the mark that
    its rows still need theirs (computed once, after the step: vectors.backfill_pending)."""
    sql(VECTORS)(conn)
    if conn.execute("SELECT EXISTS (SELECT 1 FROM paragraphs) OR EXISTS (SELECT 1 FROM quotes)"
                    " OR EXISTS (SELECT 1 FROM events)").fetchone()[0]:
        conn.execute("INSERT OR IGNORE INTO vector_backfill (id) VALUES (1)")


def _initialisms(conn: sqlite3.Connection) -> None:
    from clipdesk.store.index.people import initialism  # people's module reads the store through fts
    from clipdesk.store.text.names import normalise_name

    rows = conn.execute("SELECT id, name FROM people WHERE kind = 'institution'").fetchall()
    shortened = [(initialism(normalise_name(name).split()), pid) for pid, name in rows]
    conn.executemany("INSERT OR IGNORE INTO aliases (alias, person_id) VALUES (?, ?)",
                     [(short, pid) for short, pid in shortened if short])


# Files made between 63b4f30 and this step already have the vector tables at user_version 2 (opening
# them created those); hence IF NOT EXISTS, and their older rows are embedded by the backfill too.
VECTORS = """
CREATE TABLE IF NOT EXISTS vectors (
    kind TEXT NOT NULL,             -- paragraph | quote | event
    row INTEGER NOT NULL,           -- the id of the row in its table
    bits BLOB NOT NULL,             -- sign bits of the vector (dim / 8 bytes)
    vec BLOB NOT NULL,              -- the vector quantised to int8 (dim bytes)
    PRIMARY KEY (kind, row)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS paragraphs_vector_gone AFTER DELETE ON paragraphs
    BEGIN DELETE FROM vectors WHERE kind = 'paragraph' AND row = old.id; END;
CREATE TRIGGER IF NOT EXISTS quotes_vector_gone AFTER DELETE ON quotes
    BEGIN DELETE FROM vectors WHERE kind = 'quote' AND row = old.id; END;
CREATE TRIGGER IF NOT EXISTS events_vector_gone AFTER DELETE ON events
    BEGIN DELETE FROM vectors WHERE kind = 'event' AND row = old.id; END;
CREATE TABLE IF NOT EXISTS vector_model (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,             -- the model the stored vectors come from
    dim INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS vector_backfill (
    id INTEGER PRIMARY KEY CHECK (id = 1)  -- present while rows made before this step lack vectors
);
"""

MIGRATIONS: list[Migration] = [
    Migration(1, "articles, paragraphs, people, quotes, events, subscriptions, deliveries; FTS5", _base),
    # Files made between 8041534 and this step already have `seen` at user_version 1; hence IF NOT EXISTS.
    Migration(2, "seen: updates already answered (redelivery dedupe)", sql("""
        CREATE TABLE IF NOT EXISTS seen (
            platform TEXT NOT NULL,
            key TEXT NOT NULL,              -- update_id, event_id, or channel:ts
            seen_at TEXT NOT NULL,
            PRIMARY KEY (platform, key)
        );
    """)),
    Migration(3, "feeds and the entries seen in them; articles looked up by URL", sql("""
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL UNIQUE,
            title TEXT,                     -- the feed's title: its articles' outlet unless a page names one
            every INTEGER NOT NULL,         -- seconds between polls
            added_at TEXT NOT NULL,
            last_poll TEXT,
            last_ok TEXT,
            etag TEXT,
            last_modified TEXT,
            failures INTEGER NOT NULL DEFAULT 0,  -- consecutive
            last_error TEXT,
            next_due TEXT NOT NULL          -- UTC ISO 8601
        );
        CREATE TABLE feed_entries (
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            guid TEXT NOT NULL,             -- the entry's id, else its link
            url TEXT,                       -- canonical URL of its article
            article_id TEXT,                -- NULL while its article could not be stored
            attempts INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (feed_id, guid)
        );
        CREATE INDEX feed_entries_url ON feed_entries(url);
        CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
    """)),
    Migration(4, "vectors: sentence vectors of paragraphs, quotations and events", _vectors),
    Migration(5, "events: whether an event is announced rather than done", sql("""
        ALTER TABLE events ADD COLUMN planned INTEGER NOT NULL DEFAULT 0;
    """)),
    Migration(6, "aliases: the initials of bodies already registered ('JEF')", _initialisms),
]


def latest(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """The schema version the code writes: the last step's number."""
    return migrations[-1].version if migrations else 0


def check_numbering(migrations: Sequence[Migration]) -> None:
    """Steps are numbered 1, 2, 3 ... in order, with no gap and no repeat."""
    numbers = [m.version for m in migrations]
    if numbers != list(range(1, len(numbers) + 1)):
        raise ValueError(f"migrations must be numbered 1..{len(numbers)} in order, got {numbers}")


def file_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def refuse_newer(conn: sqlite3.Connection, where: str, migrations: Sequence[Migration] = MIGRATIONS) -> None:
    """Raise NewerSchema when the file's version is past the code's last step."""
    version, known = file_version(conn), latest(migrations)
    if version > known:
        raise NewerSchema(f"{where} has schema version {version}, newer than this clipdesk knows "
                          f"(up to {known}); upgrade clipdesk or use another database")


def pending(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    """The steps not yet applied to this file."""
    version = file_version(conn)
    return [m for m in migrations if m.version > version]


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS,
            now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> list[Migration]:
    """Apply every pending step in order, each in its own BEGIN IMMEDIATE transaction; the steps applied.

    The version is read again under the write lock, so two processes opening an old file at once
    apply each step once. A step with `rewrites` is preceded by a VACUUM INTO copy of the file.
    """
    check_numbering(migrations)
    refuse_newer(conn, _file(conn) or "the database", migrations)
    applied: list[Migration] = []
    for step in pending(conn, migrations):
        if step.rewrites:
            backup(conn, step.version - 1, now())
        conn.execute("BEGIN IMMEDIATE")
        try:
            if file_version(conn) >= step.version:  # another process got there first
                conn.rollback()
                continue
            step.apply(conn)
            conn.execute(f"PRAGMA user_version = {step.version:d}")
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
        applied.append(step)
        log.info("schema migrated to version %d: %s", step.version, step.name,
                 extra={"event": "migrated", "version": step.version})
    return applied


def backup(conn: sqlite3.Connection, version: int, when: datetime) -> Path | None:
    """Copy the file (VACUUM INTO) to NAME.vVERSION-TIMESTAMP.bak beside it; None for a memory database."""
    path = _file(conn)
    if not path:
        return None
    target = Path(f"{path}.v{version}-{when:%Y%m%dT%H%M%S%fZ}.bak")
    conn.execute("VACUUM INTO ?", [str(target)])
    log.info("backed up %s to %s before a migration", path, target, extra={"event": "backup"})
    return target


def _file(conn: sqlite3.Connection) -> str:
    """The main database's file name ('' in memory)."""
    return next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"), "")
