"""The App Home tab: how to use clipdesk and which coverage is indexed (views.publish)."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from clipdesk.bot.slack.context import SlackBot
from clipdesk.bot.slack.render import fit, link
from clipdesk.bot.slack.request import slack_request
from clipdesk.store.index.listings import Source, list_sources

MAX_SOURCES = 40  # a Home view holds at most 100 blocks
USAGE = ("*How to use clipdesk*\n"
         "\u2022 Mention me in a channel with a question: @clipdesk what did Wallace say in Moscow?\n"
         "\u2022 Or send me a direct message.\n"
         "\u2022 Slash command: /clipdesk quote shoigu \u00b7 /clipdesk who \"below zero\" \u00b7 "
         "/clipdesk events wallace \u00b7 /clipdesk sources \u00b7 /clipdesk subscribe 08:00 Europe/London "
         "\u00b7 /clipdesk help\n"
         "\u2022 On any message: \u22ee More actions \u2192 *Find quotes* to find where it was said.\n"
         "Every answer names the speaker, the outlet, the date and the source.")


def source_line(s: Source) -> str:
    """One indexed article: title (linked), outlet, date and what was found in it, escaped."""
    title = s.title or s.source
    head = link(s.url, title) or fit(title, 300)
    facts = [fit(p, 200) for p in (s.outlet, s.published) if p]
    facts.append(f"{s.quotes} quotations, {s.events} events")
    return f"*{head}*\n" + " \u00b7 ".join(facts)


def home_view(sources: list[Source]) -> dict:
    """The Home tab view: usage, then the indexed sources (newest first)."""
    blocks: list[dict] = [
        {"type": "header", "text": {"type": "plain_text", "text": "clipdesk"}},
        {"type": "section", "text": {"type": "mrkdwn", "text": USAGE}},
        {"type": "divider"},
        {"type": "section", "text": {"type": "mrkdwn",
                                     "text": f"*Indexed coverage* ({len(sources)} articles)"
                                     if sources else "No coverage is indexed yet."}},
    ]
    blocks += [{"type": "section", "text": {"type": "mrkdwn", "text": source_line(s)}}
               for s in sources[:MAX_SOURCES]]
    if len(sources) > MAX_SOURCES:
        blocks.append({"type": "context", "elements": [
            {"type": "mrkdwn", "text": f"\u2026and {len(sources) - MAX_SOURCES} more: /clipdesk sources"}]})
    return {"type": "home", "blocks": blocks}


def notice_view(text: str) -> dict:
    """A Home tab that only says `text` (the chat is not enabled, or the user should slow down)."""
    return {"type": "home", "blocks": [
        {"type": "header", "text": {"type": "plain_text", "text": "clipdesk"}},
        {"type": "section", "text": {"type": "mrkdwn", "text": fit(text, 2000)}}]}


def register(app: AsyncApp, bot: SlackBot) -> None:
    """Publish the Home tab whenever a user opens it (after the access step, as for a question)."""

    @app.event("app_home_opened")
    async def home_opened(body: dict, event: dict, client: AsyncWebClient) -> None:
        if event.get("tab", "home") != "home" or not event.get("user"):
            return
        user = event["user"]
        request = slack_request("sources", channel=event.get("channel") or f"D{user}", user=user,
                                is_admin=True)
        keys = [f"event:{body['event_id']}"] if body.get("event_id") else []
        async with bot.working():
            admission = await bot.admit(request, keys)
            if admission.notice is not None:
                await client.views_publish(user_id=user, view=notice_view(admission.notice.text))
            if admission.answer:
                sources = await bot.run(list_sources, bot.db)
                await client.views_publish(user_id=user, view=home_view(sources))
