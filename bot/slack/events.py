"""Slack event listeners: mentions in channels (answered in thread) and direct messages."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from clipdesk.bot.slack.context import SlackBot
from clipdesk.bot.slack.request import plain_text, slack_request


def register(app: AsyncApp, bot: SlackBot) -> None:
    """Answer app_mention in the mention's thread and message.im in the DM."""

    @app.event("app_mention")
    async def mention(event: dict, context: dict) -> None:
        if event.get("bot_id") or event.get("subtype"):
            return
        text = plain_text(event.get("text", ""), context.get("bot_user_id"))
        request = slack_request(text, channel=event["channel"], user=event.get("user", ""),
                                is_admin=bot.settings.is_admin(event.get("user", "")),
                                thread_ts=event.get("thread_ts"))
        async with bot.working():
            reply = await bot.answer(request)
            await bot.post(event["channel"], event.get("thread_ts") or event["ts"], reply)

    @app.event("message")
    async def direct_message(event: dict, context: dict) -> None:
        if event.get("bot_id") or event.get("subtype") or event.get("channel_type") != "im":
            return
        text = plain_text(event.get("text", ""), context.get("bot_user_id"))
        if not text:
            return
        request = slack_request(text, channel=event["channel"], user=event.get("user", ""),
                                is_admin=bot.settings.is_admin(event.get("user", "")),
                                thread_ts=event.get("thread_ts"))
        async with bot.working():
            reply = await bot.answer(request)
            await bot.post(event["channel"], event.get("thread_ts"), reply)
