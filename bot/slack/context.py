"""What every Slack listener shares: the Store (its one worker thread), the settings, the sender and
the access step (redelivery dedupe, channel allow-list, rate limit) every listener runs after its ack."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace

from clipdesk.bot.delivery import TargetGone, TemporaryFailure
from clipdesk.bot.slack.members import ChannelMembers
from clipdesk.bot.slack.sender import PLATFORM, SlackSender
from clipdesk.bot.slack.settings import SlackSettings
from clipdesk.handlers.access import Access, Admission
from clipdesk.handlers.commands import handle_async
from clipdesk.handlers.digest import ADMIN_COMMANDS
from clipdesk.handlers.redelivery import first_delivery
from clipdesk.handlers.types import Reply, Request
from clipdesk.store.store import Store

log = logging.getLogger(__name__)
DRAIN_SECONDS = 10.0
LISTED_ADMINS = "the users listed in CLIPDESK_ADMINS"
DM_MEMBERS = "the people in this conversation"


class SlackBot:
    """Answers Requests off the event loop and posts Replies; listeners hold one of these."""

    def __init__(self, settings: SlackSettings, store: Store, sender: SlackSender) -> None:
        self.settings = settings
        self.sender = sender
        self.store = store
        self.members = ChannelMembers(sender.client, settings.allowed_channels)
        self.access = Access(per_minute=settings.rate_limit, allowed_chats=settings.allowed_channels,
                             first_time=self.first_time, member=self.members.in_allowed_channel)
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

    async def admit(self, request: Request, keys: list[str]) -> Admission:
        """The shared access step; runs after the ack, since its dedupe is store work."""
        admission = await self.access.admit(request, keys)
        if not admission.answer:
            why = "notice sent" if admission.notice else "seen before or over the limit"
            log.info("not answered: %s", why, extra={
                "platform": PLATFORM, "chat": request.chat_id, "user": request.user_id, "event": "dropped"})
        return admission

    async def with_admin(self, request: Request) -> Request:
        """`request` with who may change the chat's digest decided: CLIPDESK_ADMINS when set (everyone
        otherwise) in channels; in a DM, the people in it (anyone else needs to be a listed admin)."""
        if request.command not in ADMIN_COMMANDS:
            return request
        listed = bool(self.settings.admins) and request.user_id in self.settings.admins
        if request.is_group:
            admin = self.settings.is_admin(request.user_id)
            return replace(request, is_admin=admin, admin_rule=LISTED_ADMINS)
        if await self.members.in_conversation(request.chat_id, request.user_id):
            return request
        return replace(request, is_group=True, is_admin=listed,
                       admin_rule=DM_MEMBERS + (f" or {LISTED_ADMINS}" if self.settings.admins else ""))

    async def first_time(self, key: str) -> bool:
        """True the first time this delivery key is seen (Slack retries and duplicate events)."""
        return await first_delivery(self.store, PLATFORM, key)

    async def post(self, channel: str, thread_ts: str | None, reply: Reply) -> bool:
        """Post every part of `reply`; False (already logged) when the channel cannot take it."""
        try:
            for part in self.sender.render(reply):
                await self.sender.post(channel, thread_ts, part)
        except (TargetGone, TemporaryFailure):
            return False
        return True
