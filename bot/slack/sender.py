"""Sending Slack messages: the Web API client, a per-channel pace, and the digest Sender for Slack.

    client = web_client("xoxb-...", base_url=fake.base_url)   # 429s waited per Retry-After
    sender = SlackSender(client, store)
    for part in sender.render(reply):
        await sender.send_part("C123", None, part)              # TargetGone / TemporaryFailure
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from clipdesk.bot.delivery import PartRejected, TargetGone, TemporaryFailure
from clipdesk.bot.slack.render import render
from clipdesk.handlers.deliveries import target_gone
from clipdesk.handlers.types import Reply
from clipdesk.store.store import Store

log = logging.getLogger(__name__)

PLATFORM = "slack"
GONE_ERRORS = frozenset({"channel_not_found", "not_in_channel", "is_archived", "account_inactive"})
# The message itself is refused: the same part would be refused again.
REJECTED_ERRORS = frozenset({"msg_too_long", "invalid_blocks", "invalid_blocks_format", "no_text",
                             "invalid_attachments", "too_many_attachments", "invalid_arguments",
                             "metadata_too_large", "invalid_metadata_format"})
RATE_LIMIT_RETRIES = 3
MIN_INTERVAL = 1.0  # seconds between two messages to one channel (Slack allows about one per second)


def web_client(token: str, base_url: str | None = None) -> AsyncWebClient:
    """An AsyncWebClient that waits out 429s per Retry-After (and retries dropped connections)."""
    client = AsyncWebClient(token=token, base_url=base_url) if base_url else AsyncWebClient(token=token)
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES))
    return client


class ChannelPace:
    """At most one message per `interval` seconds to each channel; other channels do not wait."""

    def __init__(self, interval: float = MIN_INTERVAL) -> None:
        self.interval = interval
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._last: dict[str, float] = {}

    async def send(self, channel: str, call: Any) -> Any:
        """Await `call()` once the channel's previous message is `interval` seconds old."""
        async with self._locks[channel]:
            wait = self._last.get(channel, -self.interval) + self.interval - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                return await call()
            finally:
                self._last[channel] = time.monotonic()


class SlackSender:
    """The Slack side of the digest scheduler (and of every answer the app posts)."""

    platform = PLATFORM

    def __init__(self, client: AsyncWebClient, store: Store, pace: ChannelPace | None = None) -> None:
        self.client = client
        self.store = store
        self.pace = pace or ChannelPace()
        self.rejected = 0  # digest parts Slack refused for good

    def render(self, reply: Reply) -> list[dict]:
        """{"text", "blocks"} messages, each within Slack's block and text limits."""
        return render(reply)

    async def send_part(self, chat_id: str, thread_id: str | None, part: dict) -> None:
        """Post one message; TargetGone (subscription switched off) or TemporaryFailure on failure.

        A part Slack refuses for good (too long, invalid blocks) is logged, counted and skipped.
        """
        try:
            await self.post(chat_id, thread_id, part)
        except PartRejected:
            self.rejected += 1

    async def post(self, channel: str, thread_ts: str | None, part: dict) -> dict:
        """chat.postMessage at the channel's pace; the API's answer, or TargetGone / TemporaryFailure."""
        where = {"platform": PLATFORM, "chat": channel}

        async def call() -> Any:
            return await self.client.chat_postMessage(
                channel=channel, thread_ts=thread_ts, text=part["text"], blocks=part["blocks"],
                unfurl_links=False, unfurl_media=False)

        try:
            response = await self.pace.send(channel, call)
        except SlackApiError as exc:
            error = exc.response.get("error") if isinstance(exc.response.data, dict) else None
            if error in GONE_ERRORS:
                stopped = await self.store.run(target_gone, self.store, PLATFORM, channel, error)
                log.warning("channel gone; %d subscription(s) switched off", stopped,
                            extra={**where, "event": "target_gone", "error": error})
                raise TargetGone(f"{channel}: {error}") from exc
            if error in REJECTED_ERRORS or exc.response.status_code == 400:
                log.error("message refused for good, skipped", extra={
                    **where, "event": "part_rejected", "error": error or "HTTP 400",
                    "chars": len(part.get("text", ""))})
                raise PartRejected(f"{channel}: {error or 400}") from exc
            log.error("chat.postMessage failed", extra={
                **where, "event": "send_failed", "error": error or f"HTTP {exc.response.status_code}"})
            raise TemporaryFailure(f"{channel}: {error or exc.response.status_code}") from exc
        except (TimeoutError, aiohttp.ClientError) as exc:
            log.error("chat.postMessage failed", extra={**where, "event": "send_failed", "error": repr(exc)})
            raise TemporaryFailure(f"{channel}: {exc!r}") from exc
        log.info("answer sent", extra={**where, "event": "sent", "part": response.get("ts")})
        return response.data if isinstance(response.data, dict) else {}
