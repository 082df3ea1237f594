"""Feed polling inside `clipdesk serve`: due feeds polled in threads beside the digest scheduler's loop.

Each feed is polled in its own thread with its own connection to the store file, a few at a time
(fetching and parsing never run on the loop or the store's worker); a slow or failing feed holds up
nobody (its backoff is in the store), and a feed is never in two polls at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from clipdesk.handlers.following import Feed, Fetcher, PollResult, due_feeds, fetcher, poll_one
from clipdesk.store.store import Store

log = logging.getLogger(__name__)

DEFAULT_TICK = 30.0  # seconds between looks for due feeds
DEFAULT_CONCURRENCY = 4


class FeedPoller:
    """Looks for due feeds every `tick` seconds and polls them, `concurrency` at a time."""

    def __init__(self, store: Store, env: Mapping[str, str] | None = None, *, client: Fetcher | None = None,
                 tick: float = DEFAULT_TICK, concurrency: int = DEFAULT_CONCURRENCY,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.store = store
        self.fetcher = client or fetcher(env)
        self.tick = tick
        self.clock = clock
        self._slots = asyncio.Semaphore(concurrency)
        self._in_flight: dict[int, asyncio.Task[PollResult | None]] = {}
        self._stopping = threading.Event()  # read by the polling threads between entries

    def _poll(self, feed: Feed) -> PollResult | None:
        """One poll on a connection of its own (a store in memory, which no other connection sees, is
        polled on its worker instead)."""
        own = Store.open(self.store.path, upgrade=False) if self.store.path else self.store
        try:
            return poll_one(own, self.fetcher, feed, self.clock(), self._stopping.is_set)
        finally:
            if own is not self.store:
                own.close()

    async def _run(self, feed: Feed) -> PollResult | None:
        async with self._slots:
            try:
                if self.store.path:
                    result = await asyncio.to_thread(self._poll, feed)
                else:
                    result = await self.store.run(self._poll, feed)
            except Exception:
                log.exception("feed poll failed", extra={"event": "feed_poll", "feed": feed.name})
                return None
        if result is not None and (result.added or result.error or result.errors):
            log.info("feed polled: %s", result.summary,
                     extra={"event": "feed_poll", "feed": feed.name, "added": len(result.added)})
        return result

    async def start_due(self) -> list[asyncio.Task[PollResult | None]]:
        """Start polling every due feed not already being polled; the tasks started."""
        try:
            due = await self.store.run(due_feeds, self.store, self.clock())
        except Exception:
            log.exception("looking for due feeds failed", extra={"event": "feed_poll"})
            return []
        started = []
        for feed in due:
            if feed.id in self._in_flight:
                continue
            task = asyncio.create_task(self._run(feed))
            self._in_flight[feed.id] = task
            task.add_done_callback(self._forget(feed.id))
            started.append(task)
        return started

    def _forget(self, feed_id: int) -> Callable[[asyncio.Task[PollResult | None]], None]:
        def done(_: asyncio.Task[PollResult | None]) -> None:
            self._in_flight.pop(feed_id, None)
        return done

    async def run_forever(self, stop: asyncio.Event) -> None:
        """Poll due feeds each tick until `stop`; polls under way then finish the entry they are on and
        leave the rest for the next start."""
        try:
            while not stop.is_set():
                await self.start_due()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=self.tick)
        finally:
            self._stopping.set()
            await asyncio.gather(*self._in_flight.values(), return_exceptions=True)
