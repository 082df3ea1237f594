"""What every Slack listener shares: the Store (its one worker thread), the settings and the sender."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from clipdesk.bot.delivery import TargetGone, TemporaryFailure
from clipdesk.bot.slack.sender import PLATFORM, SlackSender
from clipdesk.bot.slack.settings import SlackSettings
from clipdesk.handlers.commands import handle_async
from clipdesk.handlers.types import Reply, Request
from clipdesk.store.delivery.seen import first_time
from clipdesk.store.store import Store

log = logging.getLogger(__name__)
DRAIN_SECONDS = 10.0


class SlackBot:
    """Answers Requests off the event loop and posts Replies; listeners hold one of these."""

    def __init__(self, settings: SlackSettings, store: Store, sender: SlackSender) -> None:
        self.settings = settings
        self.sender = sender
        self.store = store
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

    async def answer(self, request: Request) -> Reply:
        """The handlers' Reply, computed off the loop (which keeps acking meanwhile)."""
        return await handle_async(request, self.store)

    async def first_time(self, key: str) -> bool:
        """True the first time this delivery key is seen (Slack retries and duplicate events)."""
        return await self.store.run(first_time, self.store, PLATFORM, key)

    async def post(self, channel: str, thread_ts: str | None, reply: Reply) -> bool:
        """Post every part of `reply`; False (already logged) when the channel cannot take it."""
        try:
            for part in self.sender.render(reply):
                await self.sender.post(channel, thread_ts, part)
        except (TargetGone, TemporaryFailure):
            return False
        return True
