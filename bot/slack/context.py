"""What every Slack listener shares: the store (one worker thread), the settings and the sender."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from clipdesk.bot.delivery import TargetGone, TemporaryFailure
from clipdesk.bot.slack.sender import PLATFORM, SlackSender
from clipdesk.bot.slack.settings import SlackSettings
from clipdesk.handlers.commands import handle
from clipdesk.handlers.types import Reply, Request
from clipdesk.store.delivery.seen import first_time
from clipdesk.store.index.schema import open_db

log = logging.getLogger(__name__)
T = TypeVar("T")
DRAIN_SECONDS = 10.0


class SlackBot:
    """Answers Requests off the event loop and posts Replies; listeners hold one of these."""

    def __init__(self, settings: SlackSettings, db_path: Path | str, sender: SlackSender) -> None:
        self.settings = settings
        self.sender = sender
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="clipdesk-slack-db")
        self.db = open_db(db_path)
        self._busy = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @asynccontextmanager
    async def working(self) -> AsyncIterator[None]:
        """Mark one answer in flight, so that stopping waits for it to go out."""
        self._busy += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._busy -= 1
            if not self._busy:
                self._idle.set()

    async def drain(self, timeout: float = DRAIN_SECONDS) -> None:
        """Wait (up to `timeout` seconds) for the answers in flight to be sent."""
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            log.warning("stopped with %d answer(s) unsent", self._busy, extra={"platform": PLATFORM})

    async def run(self, func: Callable[..., T], *args: Any) -> T:
        """Run a store function in the store's one worker thread (the loop keeps acking meanwhile)."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, func, *args)

    async def answer(self, request: Request) -> Reply:
        return await self.run(handle, request, self.db)

    async def first_time(self, key: str) -> bool:
        """True the first time this delivery key is seen (Slack retries and duplicate events)."""
        return await self.run(first_time, self.db, PLATFORM, key)

    async def post(self, channel: str, thread_ts: str | None, reply: Reply) -> bool:
        """Post every part of `reply`; False (already logged) when the channel cannot take it."""
        try:
            for part in self.sender.render(reply):
                await self.sender.post(channel, thread_ts, part)
        except (TargetGone, TemporaryFailure):
            return False
        return True

    def close(self) -> None:
        self._executor.shutdown(wait=True)
        self.db.close()
