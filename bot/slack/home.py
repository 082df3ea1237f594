"""The App Home tab: how to use clipdesk, then the sources handler's answer (views.publish)."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from clipdesk.bot.slack.context import SlackBot
from clipdesk.bot.slack.render import units
from clipdesk.bot.slack.request import slack_request
from clipdesk.handlers.types import Reply

MAX_BLOCKS = 100  # what a Home view holds; /sources shows at most 30 articles (2 blocks each)
USAGE = ("*How to use clipdesk*\n"
         "\u2022 Mention me in a channel with a question: @clipdesk what did Wallace say in Moscow?\n"
         "\u2022 Or send me a direct message.\n"
         "\u2022 Slash command: /clipdesk quote shoigu \u00b7 /clipdesk who \"below zero\" \u00b7 "
         "/clipdesk events wallace \u00b7 /clipdesk sources \u00b7 /clipdesk subscribe 08:00 Europe/London "
         "\u00b7 /clipdesk help\n"
         "\u2022 On any message: \u22ee More actions \u2192 *Find quotes* to find where it was said.\n"
         "Every answer names the speaker, the outlet, the date and the source.")


def home_view(reply: Reply) -> dict:
    """The Home tab view: usage, then what /sources answers (the indexed articles, newest first)."""
    blocks: list[dict] = [
        {"type": "header", "text": {"type": "plain_text", "text": "clipdesk"}},
        {"type": "section", "text": {"type": "mrkdwn", "text": USAGE}},
        {"type": "divider"},
    ]
    blocks += [block for unit, _ in units(reply) for block in unit]
    return {"type": "home", "blocks": blocks[:MAX_BLOCKS]}


def register(app: AsyncApp, bot: SlackBot) -> None:
    """Publish the Home tab whenever a user opens it (after the access step, as for a question)."""

    @app.event("app_home_opened")
    async def home_opened(body: dict, event: dict, client: AsyncWebClient) -> None:
        if event.get("tab", "home") != "home" or not event.get("user"):
            return
        user = event["user"]
        request = slack_request("sources", channel=event.get("channel") or f"D{user}", user=user,
                                is_admin=bot.settings.is_admin(user))
        keys = [f"event:{body['event_id']}"] if body.get("event_id") else []
        async with bot.working():
            admission = await bot.admit(request, keys)
            reply = admission.notice or (await bot.answer(request) if admission.answer else None)
            if reply is not None:
                await client.views_publish(user_id=user, view=home_view(reply))
