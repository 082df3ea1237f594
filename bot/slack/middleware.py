"""Global Slack middleware: one log line per request received, and redeliveries answered once."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from slack_bolt import BoltResponse
from slack_bolt.async_app import AsyncApp

from clipdesk.bot.slack.context import SlackBot
from clipdesk.bot.slack.sender import PLATFORM

log = logging.getLogger(__name__)


def describe(body: dict) -> tuple[str, str | None, str | None]:
    """(kind, channel, user) of any Slack request body: an event, a slash command or a shortcut."""
    if body.get("type") == "event_callback":
        event = body.get("event") or {}
        channel = event.get("channel")
        return event.get("type", "event"), channel if isinstance(channel, str) else None, event.get("user")
    if "command" in body:
        return f"command {body['command']}", body.get("channel_id"), body.get("user_id")
    channel = (body.get("channel") or {}).get("id")
    user = (body.get("user") or {}).get("id")
    return f"{body.get('type', 'request')} {body.get('callback_id', '')}".strip(), channel, user


def delivery_keys(body: dict) -> list[str]:
    """What identifies a redelivered event: its event_id, and for messages the (channel, ts) pair,
    since a mention in a DM arrives both as app_mention and as message.im."""
    if body.get("type") != "event_callback":
        return []
    event = body.get("event") or {}
    keys = [f"event:{body['event_id']}"] if body.get("event_id") else []
    if event.get("type") in ("app_mention", "message") and event.get("channel") and event.get("ts"):
        keys.append(f"message:{event['channel']}:{event['ts']}")
    return keys


def register(app: AsyncApp, bot: SlackBot) -> None:
    """Log every request, and drop any event already answered (retries, duplicate deliveries)."""

    @app.middleware
    async def received(body: dict, next: Callable[[], Awaitable[None]]) -> BoltResponse | None:
        kind, channel, user = describe(body)
        where = {"platform": PLATFORM, "chat": channel, "user": user, "event": kind}
        log.info("event received", extra=where)
        fresh = [await bot.first_time(key) for key in delivery_keys(body)]
        if not all(fresh):
            log.info("duplicate delivery ignored", extra=where)
            return BoltResponse(status=200, body="")
        await next()
        return None

    @app.error
    async def failed(error: Exception, body: dict) -> None:
        kind, channel, user = describe(body)
        log.error("slack listener failed", exc_info=error, extra={
            "platform": PLATFORM, "chat": channel, "user": user, "event": kind, "error": repr(error)})
