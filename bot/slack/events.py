"""Slack event listeners: mentions in channels (answered in thread), direct messages and their edits."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from clipdesk.bot.slack.context import SlackBot
from clipdesk.bot.slack.request import plain_text, slack_request
from clipdesk.handlers.access import message_keys

EDITED = "message_changed"


def event_keys(body: dict) -> list[str]:
    """The event's id (Slack retries an event it did not see acked)."""
    return [f"event:{body['event_id']}"] if body.get("event_id") else []


def register(app: AsyncApp, bot: SlackBot) -> None:
    """Answer app_mention in the mention's thread, message.im in the DM, and a DM's edit when it
    changes the question (once). Events are acked before these run; the access step follows."""

    async def answer(body: dict, message: dict, channel: str, reply_ts: str | None, context: dict,
                     edited: bool = False) -> None:
        text = plain_text(message.get("text", ""), context.get("bot_user_id"))
        if not text:
            return
        request = await bot.with_admin(slack_request(
            text, channel=channel, user=message.get("user", ""), is_admin=True,
            thread_ts=message.get("thread_ts")))
        delivery = f"{'edited' if edited else 'message'}:{channel}:{message['ts']}"
        if edited:
            delivery += f":{(body.get('event') or {}).get('ts', '')}"
        async with bot.working():
            admission = await bot.admit(request, event_keys(body) + message_keys(
                request, delivery, message["ts"], edited=edited))
            reply = admission.notice or (await bot.answer(request) if admission.answer else None)
            if reply is not None:
                await bot.post(channel, reply_ts, reply)

    @app.event("app_mention")
    async def mention(body: dict, event: dict, context: dict) -> None:
        if event.get("bot_id") or event.get("subtype") or not event.get("ts"):
            return
        await answer(body, event, event["channel"], event.get("thread_ts") or event["ts"], context)

    @app.event("message")
    async def direct_message(body: dict, event: dict, context: dict) -> None:
        if event.get("channel_type") != "im" or event.get("bot_id"):
            return
        if event.get("subtype") == EDITED:
            edited = event.get("message") or {}
            own = edited.get("user") == context.get("bot_user_id")
            if own or edited.get("bot_id") or edited.get("subtype") or not edited.get("ts"):
                return
            await answer(body, edited, event["channel"], edited.get("thread_ts"), context, edited=True)
        elif not event.get("subtype") and event.get("ts"):
            await answer(body, event, event["channel"], event.get("thread_ts"), context)
