"""Global Slack middleware: one log line per request received (no store work here: it runs before
the ack; redeliveries are dropped by the access step each listener runs after acking)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

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


def register(app: AsyncApp, bot: SlackBot) -> None:
    """Log every request as it arrives."""

    @app.middleware
    async def received(body: dict, next: Callable[[], Awaitable[None]]) -> None:
        kind, channel, user = describe(body)
        log.info("event received", extra={"platform": PLATFORM, "chat": channel, "user": user, "event": kind})
        await next()

    @app.error
    async def failed(error: Exception, body: dict) -> None:
        kind, channel, user = describe(body)
        log.error("slack listener failed", exc_info=error, extra={
            "platform": PLATFORM, "chat": channel, "user": user, "event": kind, "error": repr(error)})
