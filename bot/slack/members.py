"""Who belongs to which Slack conversation (conversations.members), kept for a few minutes.

Membership of the allowed channels (CLIPDESK_SLACK_CHANNELS) decides whether a user's DM and Home tab
are served; membership of a DM decides whether a user may subscribe it without being an admin.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)

KEEP = 300.0  # seconds a member list is trusted
PAGE = 1000


class ChannelMembers:
    """Cached member lists; a conversation Slack will not list counts as having no members (not kept)."""

    def __init__(self, client: AsyncWebClient, allowed_channels: frozenset[str],
                 clock: Callable[[], float] = time.monotonic, keep: float = KEEP) -> None:
        self.client = client
        self.allowed_channels = allowed_channels
        self.clock = clock
        self.keep = keep
        self._lists: dict[str, tuple[float, frozenset[str]]] = {}

    async def members(self, channel: str) -> frozenset[str]:
        """The user ids in `channel` (every page of conversations.members)."""
        cached = self._lists.get(channel)
        if cached and self.clock() - cached[0] < self.keep:
            return cached[1]
        found: set[str] = set()
        cursor = None
        try:
            while True:
                page = await self.client.conversations_members(channel=channel, limit=PAGE, cursor=cursor)
                found.update(page.get("members") or [])
                cursor = (page.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    break
        except (SlackApiError, TimeoutError, aiohttp.ClientError) as exc:
            log.warning("members of %s not known: %r", channel, exc,
                        extra={"platform": "slack", "chat": channel, "event": "members"})
            return frozenset()
        self._lists[channel] = (self.clock(), frozenset(found))
        return self._lists[channel][1]

    async def in_allowed_channel(self, user: str) -> bool:
        """True when `user` is a member of at least one allowed channel."""
        for channel in sorted(self.allowed_channels):
            if user in await self.members(channel):
                return True
        return False

    async def in_conversation(self, channel: str, user: str) -> bool:
        return user in await self.members(channel)
