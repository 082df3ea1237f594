"""The Store: the one object that owns a clipdesk database's connection, its caches and the worker
thread every async caller runs store calls on.

    store = Store.open("clipdesk.db")          # migrated; store.execute(sql, params) -> sqlite3 cursor
    hits = search(store, "what did Shoigu say?")                 # synchronous callers (the CLI)
    reply = await store.run(handle, request, store)              # async callers: on the worker thread
    reply = await store.reader.run(compose_digest, store.reader, ...)   # long reads: their own thread
    rows = store.beside(lexical, "paragraph", terms)    # a read on a third connection, meanwhile: a Future
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from clipdesk.store.index.caches import Caches
from clipdesk.store.index.schema import connect, db_path, prepare

if TYPE_CHECKING:
    import sqlite_utils
    from sqlite_utils.db import Table, View

BESIDE_CACHE_KIB = 512  # the companion's page cache: the pages it reads stay in the OS's cache anyway
P = ParamSpec("P")
T = TypeVar("T")
# a statement that begins, ends or marks a transaction itself (after any blanks, ';' and comments)
_CONTROL = re.compile(r"(?:\s|;|\ufeff|--[^\n]*(?:\n|$)|/\*.*?\*/)*"
                      r"(?:BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b", re.IGNORECASE | re.DOTALL)


class Store:
    """A clipdesk database (every store function takes one) on one sqlite3 connection, plus what
    belongs to it alone: the in-memory caches built from it, one worker thread, a second connection
    for long reads and a third for a read run beside this one's (`beside`). Reads and writes go
    through `execute`; sqlite-utils' table helpers (`store["feeds"].rows_where(...)`,
    `store.table("feeds").insert(...)`), which only the writing and delivery code uses, work on the
    same connection and are imported on first use (answering a question imports neither sqlite-utils
    nor the numpy it brings).

    The connection is used by one thread at a time: synchronous code calls store functions
    directly; code on an event loop awaits `run`, which queues the call on the worker thread, so the
    loop never waits on SQLite and writes from the bots, the scheduler and the senders never race.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        self.conn = conn
        self.path = path
        self.caches = Caches()
        self._worker: ThreadPoolExecutor | None = None
        self._reader: Store | None = None
        self._beside: Store | None = None

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, memory: bool = False,
             upgrade: bool = True) -> Store:
        """Open (creating and migrating unless `upgrade` is False) the file, or a new in-memory store."""
        store = cls(connect(path, memory=memory), None if memory else db_path(path))
        prepare(store, path, memory=memory, upgrade=upgrade)
        return store

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None) -> sqlite3.Cursor:
        """Run one statement, as sqlite-utils' `execute` does: a write outside a transaction is
        committed at once, and a failed one leaves no transaction open."""
        conn = self.conn
        was_open = conn.in_transaction
        try:
            cursor = conn.execute(sql) if parameters is None else conn.execute(sql, parameters)
        except Exception:
            if not was_open and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if not was_open and conn.in_transaction and cursor.description is None and not _CONTROL.match(sql):
            conn.execute("COMMIT")
        return cursor

    def enable_wal(self) -> None:
        """Write-ahead logging (readers and the writer do not block each other)."""
        if self.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.execute("PRAGMA journal_mode = wal")

    @functools.cached_property
    def tables(self) -> sqlite_utils.Database:
        """sqlite-utils' helpers on this store's connection (imported here, on first use)."""
        import sqlite_utils

        # the connection's pragmas are set by schema.prepare; no plugin is used: no entry point scan
        return sqlite_utils.Database(self.conn, recursive_triggers=False, execute_plugins=False)

    def __getitem__(self, name: str) -> Table | View:
        return self.tables[name]

    def table(self, name: str) -> Table:
        """sqlite-utils' helpers for one table (insert, update, rows_where ...)."""
        return self.tables.table(name)

    async def run(self, func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """`func(*args, **kwargs)` on the store's worker thread, awaited without blocking the loop."""
        import asyncio  # here: only the bots run a loop, and a CLI question need not import it

        if self._worker is None:
            self._worker = ThreadPoolExecutor(1, thread_name_prefix="clipdesk-store")
        call = functools.partial(func, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._worker, call)

    @property
    def reader(self) -> Store:
        """A read-only companion on its own connection and thread, for reads long enough to hold up
        the worker (composing a digest): WAL lets it read while the worker writes. An in-memory store,
        which no second connection can see, is its own reader."""
        if self.path is None:
            return self
        if self._reader is None:
            self._reader = Store.open(self.path, upgrade=False)
        return self._reader

    def beside(self, func: Callable[..., T], *args: Any) -> Future[T]:
        """`func(store, *args)` started on a read-only companion store (its own connection and thread),
        for a read that can run while this store's connection does another: one search's three FTS5
        tables at once on two cores. An in-memory store, which no second connection can see, runs it
        at once, here."""
        if self.path is None:
            done: Future[T] = Future()
            done.set_result(func(self, *args))
            return done
        if self._beside is None:
            self._beside = Store.open(self.path, upgrade=False)
            self._beside.execute(f"PRAGMA cache_size = -{BESIDE_CACHE_KIB}")
            self._beside._worker = ThreadPoolExecutor(1, thread_name_prefix="clipdesk-beside")
        companion = self._beside
        assert companion._worker is not None
        return companion._worker.submit(func, companion, *args)

    def close(self) -> None:
        """Finish the queued calls, stop the worker threads and close the connections."""
        if self._worker is not None:
            self._worker.shutdown(wait=True)
            self._worker = None
        for companion in (self._reader, self._beside):
            if companion is not None:
                companion.close()
        self._reader = self._beside = None
        self.conn.close()

