"""The /clipdesk slash command: ack at once, then (access step, answer) through the response_url."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond

from clipdesk.bot.slack.context import SlackBot
from clipdesk.bot.slack.request import plain_text, slack_request
from clipdesk.bot.slack.sender import PLATFORM

log = logging.getLogger(__name__)

COMMAND = "/clipdesk"


def register(app: AsyncApp, bot: SlackBot) -> None:
    """`/clipdesk quote shoigu`, `/clipdesk sources`, `/clipdesk what did ... say?` and the rest."""

    @app.command(COMMAND)
    async def clipdesk(ack: AsyncAck, command: dict, respond: AsyncRespond) -> None:
        await ack()
        channel, user = command.get("channel_id", ""), command.get("user_id", "")
        text = plain_text(command.get("text", "")) or "help"
        where = {"platform": PLATFORM, "chat": channel, "user": user, "event": COMMAND}
        async with bot.working():
            request = await bot.with_admin(slack_request(text, channel=channel, user=user, is_admin=True))
            keys = [f"trigger:{command['trigger_id']}"] if command.get("trigger_id") else []
            admission = await bot.admit(request, keys)
            if admission.notice is not None:
                await respond(text=admission.notice.text, response_type="ephemeral")
                return
            if not admission.answer:
                return
            reply = await bot.answer(request)
            for part in bot.sender.render(reply):
                response = await respond(text=part["text"], blocks=part["blocks"], response_type="in_channel")
                if response.status_code != 200:
                    log.error("slash command answer failed",
                              extra={**where, "error": f"HTTP {response.status_code}"})
                    return
                log.info("answer sent", extra=where)
