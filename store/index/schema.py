"""Opening the clipdesk SQLite file: WAL, busy timeout, foreign keys, and its migrations (migrations.py)."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from clipdesk.store.index.migrations import FTS_TOKENIZER, NewerSchema, latest, migrate, refuse_newer
from clipdesk.store.index.vectors import backfill_pending

if TYPE_CHECKING:
    from clipdesk.store.store import Store

SCHEMA_VERSION = latest()
DEFAULT_DB = "clipdesk.db"
BUSY_TIMEOUT_MS = 10_000

__all__ = ["FTS_TOKENIZER", "NewerSchema", "SCHEMA_VERSION", "connect", "db_path", "open_db", "prepare",
           "transaction"]


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file to use: an explicit path, else $CLIPDESK_DB, else ./clipdesk.db."""
    return Path(explicit or os.environ.get("CLIPDESK_DB") or DEFAULT_DB)


def open_db(path: str | os.PathLike | None = None, *, memory: bool = False, upgrade: bool = True) -> Store:
    """Open a clipdesk database, creating it and applying pending migrations (unless `upgrade` is False);
    rows a store held before it had vectors get theirs once, with a progress line on stderr.

    A file whose schema is newer than this code raises NewerSchema before anything is written to it;
    a file that is not a database raises sqlite3.DatabaseError. The same as Store.open, for scripts.
    """
    from clipdesk.store.store import Store  # which opens its connection through connect() and prepare()

    return Store.open(path, memory=memory, upgrade=upgrade)


def connect(path: str | os.PathLike | None = None, *, memory: bool = False) -> sqlite3.Connection:
    """A connection to the file (or a new in-memory database) usable from any one thread at a time."""
    where = ":memory:" if memory else str(db_path(path))
    return sqlite3.connect(where, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)


def prepare(db: Store, path: str | os.PathLike | None = None, *, memory: bool = False,
            upgrade: bool = True) -> None:
    """Busy timeout, WAL, foreign keys, recursive triggers (a REPLACE fires the delete triggers that
    keep the full-text indexes right), then the pending migrations and the rows' missing vectors
    (vectors.backfill_pending); closes `db` if any of it fails."""
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA recursive_triggers = ON")
        if not memory:
            refuse_newer(db.conn, str(db_path(path)))
            db.enable_wal()
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")
        if upgrade:
            migrate(db.conn)
            backfill_pending(db, stderr_progress)
    except BaseException:
        db.close()
        raise


def stderr_progress(done: int, total: int) -> None:
    """The vector backfill's progress as one line on stderr, rewritten in place."""
    sys.stderr.write(f"\rclipdesk: computing sentence vectors for older coverage: {done}/{total} rows"
                     + ("\n" if done >= total else ""))
    sys.stderr.flush()


@contextmanager
def transaction(db: Store) -> Iterator[None]:
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
