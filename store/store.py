"""The Store: the one object that owns a clipdesk database's connection, its caches and the worker
thread every async caller runs store calls on.

    store = Store.open("clipdesk.db")          # migrated; a sqlite-utils Database itself
    hits = search(store, "what did Shoigu say?")                 # synchronous callers (the CLI)
    reply = await store.run(handle, request, store)              # async callers: on the worker thread
    reply = await store.reader.run(compose_digest, store.reader, ...)   # long reads: their own thread
"""

from __future__ import annotations

import functools
import os
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import ParamSpec, TypeVar

import sqlite_utils

from clipdesk.store.index.caches import Caches
from clipdesk.store.index.schema import connect, db_path, prepare

P = ParamSpec("P")
T = TypeVar("T")


class Store(sqlite_utils.Database):
    """A clipdesk database (every store function takes one), plus what belongs to it alone: the
    in-memory caches built from it, one worker thread, and a second connection for long reads.

    The connection is used by one thread at a time: synchronous code calls store functions
    directly; code on an event loop awaits `run`, which queues the call on the worker thread, so the
    loop never waits on SQLite and writes from the bots, the scheduler and the senders never race.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        super().__init__(conn, execute_plugins=False)  # no plugin is used: no entry point scan
        self.path = path
        self.caches = Caches()
        self._worker: ThreadPoolExecutor | None = None
        self._reader: Store | None = None

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, memory: bool = False,
             upgrade: bool = True) -> Store:
        """Open (creating and migrating unless `upgrade` is False) the file, or a new in-memory store."""
        store = cls(connect(path, memory=memory), None if memory else db_path(path))
        prepare(store, path, memory=memory, upgrade=upgrade)
        return store

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

    def close(self) -> None:
        """Finish the queued calls, stop the worker thread and close the connections."""
        if self._worker is not None:
            self._worker.shutdown(wait=True)
            self._worker = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        super().close()

