"""The "Find quotes" message shortcut: quotations matching a message, posted in its thread."""

from __future__ import annotations

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond

from clipdesk.bot.slack.context import SlackBot
from clipdesk.bot.slack.request import plain_text, slack_request

CALLBACK_ID = "find_quotes"
NOT_IN_CHANNEL = ("I can't post in this channel. Add me first (/invite @clipdesk), "
                  "then use Find quotes again.")


def register(app: AsyncApp, bot: SlackBot) -> None:
    """Look up the shortcut's message as a quotation and answer in that message's thread."""

    @app.message_shortcut(CALLBACK_ID)
    async def find_quotes(ack: AsyncAck, shortcut: dict, respond: AsyncRespond, context: dict) -> None:
        await ack()
        message = shortcut.get("message") or {}
        channel = (shortcut.get("channel") or {}).get("id", "")
        user = (shortcut.get("user") or {}).get("id", "")
        thread_ts = message.get("thread_ts") or message.get("ts")
        quoted = plain_text(message.get("text", ""), context.get("bot_user_id"))
        request = slack_request("", channel=channel, user=user, is_admin=bot.settings.is_admin(user),
                                thread_ts=message.get("thread_ts"), reply_to_text=quoted, command="quote")
        keys = [f"trigger:{shortcut['trigger_id']}"] if shortcut.get("trigger_id") else []
        async with bot.working():
            admission = await bot.admit(request, keys)
            if admission.notice is not None:
                await respond(text=admission.notice.text, response_type="ephemeral")
            if not admission.answer:
                return
            reply = await bot.answer(request)
            if not await bot.post(channel, thread_ts, reply):
                await respond(text=NOT_IN_CHANNEL, response_type="ephemeral")
