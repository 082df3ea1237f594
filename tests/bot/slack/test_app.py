"""The Slack app end to end: signed requests to the real Bolt app in HTTP mode, the fake Web API behind it."""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import time
from contextlib import asynccontextmanager
from dataclasses import replace

import pytest

from clipdesk.bot.slack.app import SlackService
from clipdesk.bot.slack.render import escape
from clipdesk.bot.slack.sender import ChannelPace
from clipdesk.bot.slack.settings import SlackSettings
from clipdesk.store.delivery.subscriptions import get_subscription, subscribe
from clipdesk.store.index.listings import list_sources
from clipdesk.store.index.schema import open_db
from clipdesk.store.ingest import ingest_text
from clipdesk.store.store import Store
from tests.fakes.slack_api import BOT_ID, BOT_USER_ID, FakeSlackApi, SignedDelivery

SECRET = "e3b0c44298fc1c149afbf4c8996fb924"
POST = "chat.postMessage"
RESPONSE = "response_url/cmd"
ROTTERDAM = """Dock workers vote to strike over pay at Rotterdam port

By Jane Doe

ROTTERDAM, March 3, 2025 (Reuters) - Dock workers at Europe's largest port voted on Monday to strike over pay.

"Tell <!channel> and <@U0BOSS> that we will not accept 2% & nothing more," union leader Niek Jansen said.

The port authority said talks would continue.
"""


@asynccontextmanager
async def running(settings: SlackSettings, db_path):
    store = Store.open(db_path)
    service = SlackService(settings, store, ChannelPace(0))
    await service.start()
    try:
        yield service, SignedDelivery(SECRET, f"http://127.0.0.1:{service.port}/slack/events")
    finally:
        await service.stop()
        store.close()


TRIGGERS = itertools.count(1)


def command(slack: FakeSlackApi, text: str, channel: str = "C0NEWS", user: str = "U0ANA",
            trigger_id: str | None = None) -> dict[str, str]:
    """A slash command's fields; each gets a trigger_id of its own unless one is given."""
    return {"token": "legacy", "team_id": "TCLIPTEAM", "channel_id": channel, "channel_name": "news",
            "user_id": user, "user_name": "ana", "command": "/clipdesk", "text": text,
            "response_url": slack.response_url("cmd"), "trigger_id": trigger_id or f"1.2.{next(TRIGGERS)}",
            "api_app_id": "ACLIP"}


def mention(text: str, ts: str = "1700000100.000100", channel: str = "C0NEWS", **more) -> dict:
    return {"type": "app_mention", "user": "U0ANA", "text": f"<@{BOT_USER_ID}> {text}", "ts": ts,
            "channel": channel, "event_ts": ts, **more}


def dm(text: str, ts: str = "1700000200.000100", channel: str = "D0ANA", **more) -> dict:
    return {"type": "message", "channel_type": "im", "user": "U0ANA", "text": text, "ts": ts,
            "channel": channel, "event_ts": ts, **more}


def all_text(message: dict) -> str:
    """Every piece of text a Slack client would show (or parse) from a posted message."""
    return json.dumps({"text": message.get("text"), "blocks": message.get("blocks")}, ensure_ascii=False)


async def probe(deliver: SignedDelivery, slack: FakeSlackApi, count: int) -> list[dict]:
    """Send a DM that is answered and wait for it: everything sent before has been dealt with."""
    await deliver.event(deliver.event_body(dm("sources", ts=f"1700009999.{count:06d}", channel="D0PROBE")))
    return await slack.wait_for(POST, count)


async def eventually(check, timeout: float = 3.0) -> None:
    """Wait until check() is truthy (for effects that follow the last Web API call)."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.01)


# Signature checks (HTTP mode)

async def test_signed_requests_are_accepted_and_bad_or_stale_signatures_get_401(app, slack):
    body = app.event_body(dm("sources"))
    assert (await app.event(body, bad_signature=True))[0] == 401
    assert (await app.event(body, age=6 * 60))[0] == 401
    assert (await app.event(body, age=4 * 60))[0] == 200
    [post] = await slack.wait_for(POST)
    assert post["channel"] == "D0ANA"


async def test_url_verification_challenge_is_answered(app):
    status, text = await app.event({"type": "url_verification", "token": "x", "challenge": "c-123"})
    assert status == 200 and "c-123" in text


# The slash command

async def test_a_slash_command_is_acked_at_once_and_answered_through_response_url(app, slack):
    started = time.monotonic()
    status, body = await app.command(command(slack, "quote shoigu"))
    assert status == 200 and time.monotonic() - started < 3
    [answer] = await slack.wait_for(RESPONSE)
    assert answer["response_type"] == "in_channel"
    assert "Shoigu" in answer["text"]
    assert answer["blocks"][0]["text"]["text"].startswith("Quotations by")


@pytest.mark.parametrize(("text", "expected"), [
    ("what did Wallace say in Moscow?", "constructive"),
    ('who "below zero"', "below zero"),
    ("events wallace", "Timeline"),
    ("sources", "articles indexed"),
    ("help", "/quote"),
    ("", "/quote"),
])
async def test_slash_command_words_reach_their_handlers(app, slack, text, expected):
    await app.command(command(slack, text))
    [answer] = await slack.wait_for(RESPONSE)
    assert expected in answer["text"]


async def test_slash_command_subscribe_subscribes_the_channel(app, slack, seeded_db_path):
    await app.command(command(slack, "subscribe 08:00 Europe/London"))
    await slack.wait_for(RESPONSE)
    sub = get_subscription(open_db(seeded_db_path), "slack", "C0NEWS")
    assert sub is not None and sub.active and (sub.time, sub.tz) == ("08:00", "Europe/London")


async def test_only_listed_admins_subscribe_channels_but_anyone_their_dm(settings, slack, seeded_db_path):
    admins = replace(settings, admins=frozenset({"U0BOSS"}))
    slack.members["D0ANA"] = ["U0ANA", BOT_USER_ID]
    async with running(admins, seeded_db_path) as (_, deliver):
        await deliver.command(command(slack, "subscribe 09:00 UTC", channel="C0NEWS", user="U0ANA"))
        await deliver.command(command(slack, "subscribe 09:00 UTC", channel="D0ANA", user="U0ANA"))
        await deliver.command(command(slack, "subscribe 07:30 UTC", channel="C0DESK", user="U0BOSS"))
        await slack.wait_for(RESPONSE, 3)
    db = open_db(seeded_db_path)
    assert get_subscription(db, "slack", "C0NEWS") is None
    assert get_subscription(db, "slack", "D0ANA").active
    assert get_subscription(db, "slack", "C0DESK").time == "07:30"


# Mentions, DMs, the shortcut and the Home tab

async def test_a_mention_is_answered_in_a_new_thread_under_it(app, slack):
    await app.event(app.event_body(mention("what did Wallace say in Moscow?", ts="1700000100.000100")))
    [post] = await slack.wait_for(POST)
    assert post["channel"] == "C0NEWS" and post["thread_ts"] == "1700000100.000100"
    assert "constructive" in post["text"]


async def test_a_mention_inside_a_thread_is_answered_in_that_thread(app, slack):
    event = mention("quote shoigu", ts="1700000300.000100", thread_ts="1700000000.000001")
    await app.event(app.event_body(event))
    [post] = await slack.wait_for(POST)
    assert post["thread_ts"] == "1700000000.000001"
    assert post["blocks"][0]["text"]["text"].startswith("Quotations by")


async def test_a_direct_message_is_answered_directly(app, slack):
    await app.event(app.event_body(dm("events wallace")))
    [post] = await slack.wait_for(POST)
    assert post["channel"] == "D0ANA" and "thread_ts" not in post
    assert "Timeline" in post["text"]


async def test_the_bots_own_messages_and_message_subtypes_are_ignored(app, slack):
    own = dm("Quotations by Sergei Shoigu:", user=BOT_USER_ID, bot_id=BOT_ID, ts="1700000400.000100")
    edited = dm("quote shoigu", subtype="message_changed", ts="1700000401.000100")
    other_bot = dm("quote shoigu", bot_id="B0OTHER", ts="1700000402.000100")
    for event in (own, edited, other_bot):
        assert (await app.event(app.event_body(event)))[0] == 200
    posts = await probe(app, slack, 1)
    assert [p["channel"] for p in posts] == ["D0PROBE"]


async def test_find_quotes_shortcut_posts_matching_quotations_in_the_messages_thread(app, slack):
    payload = {"type": "message_action", "callback_id": "find_quotes", "trigger_id": "1.2",
               "team": {"id": "TCLIPTEAM"}, "user": {"id": "U0ANA"}, "channel": {"id": "C0NEWS"},
               "response_url": slack.response_url("cmd"),
               "message": {"type": "message", "user": "U0BEN", "ts": "1700000500.000100",
                           "text": "Someone said cooperation is close to zero and about to go below zero?"}}
    assert (await app.interaction(payload))[0] == 200
    [post] = await slack.wait_for(POST)
    assert post["channel"] == "C0NEWS" and post["thread_ts"] == "1700000500.000100"
    assert "Shoigu" in post["text"] and "below zero" in post["text"]


async def test_find_quotes_where_the_bot_is_not_in_the_channel_tells_the_user(app, slack):
    slack.fail(POST, "not_in_channel")
    payload = {"type": "message_action", "callback_id": "find_quotes", "trigger_id": "1.2",
               "user": {"id": "U0ANA"}, "channel": {"id": "C0PRIVATE"},
               "response_url": slack.response_url("cmd"),
               "message": {"type": "message", "user": "U0BEN", "ts": "1700000600.000100",
                           "text": "below zero"}}
    await app.interaction(payload)
    [answer] = await slack.wait_for(RESPONSE)
    assert answer["response_type"] == "ephemeral" and "/invite" in answer["text"]


async def test_the_home_tab_lists_the_indexed_sources_and_how_to_use_the_app(app, slack, seeded_db_path):
    await app.event(app.event_body({"type": "app_home_opened", "user": "U0ANA", "channel": "D0ANA",
                                    "tab": "home", "event_ts": "1700000700.000100"}))
    [published] = await slack.wait_for("views.publish")
    assert published["user_id"] == "U0ANA" and published["view"]["type"] == "home"
    shown = all_text(published["view"])
    titles = [s.title for s in list_sources(open_db(seeded_db_path)) if s.title]
    assert titles and all(json.dumps(escape(t), ensure_ascii=False)[1:-1] in shown for t in titles)
    assert "/clipdesk quote" in shown and "Find quotes" in shown


# Block Kit and escaping

async def test_answers_are_block_kit_quotes_with_a_citation_context_and_a_fallback(app, slack):
    await app.event(app.event_body(dm("quote shoigu")))
    [post] = await slack.wait_for(POST)
    lead, quote, cite = post["blocks"][:3]
    assert quote["type"] == "section" and quote["text"]["text"].startswith("&gt; \u201c")
    assert cite["type"] == "context" and "Shoigu" in cite["elements"][0]["text"]
    assert " \u00b7 " in cite["elements"][0]["text"]
    assert quote["text"]["text"][len("&gt; \u201c"):][:30] in post["text"]


async def test_coverage_and_user_text_never_become_mentions_or_links(app, slack, seeded_db_path):
    ingest_text(open_db(seeded_db_path), ROTTERDAM, "reuters_rotterdam.txt")
    await app.event(app.event_body(dm("quote Jansen")))
    await app.event(app.event_body(dm("events &lt;!here&gt; &amp; &lt;@U0BOSS&gt;", ts="1700000800.000100")))
    quoted, echoed = await slack.wait_for(POST, 2)
    shown = all_text(quoted) + all_text(echoed)
    for raw in ("<!channel>", "<!here>", "<@U0BOSS>"):
        assert raw not in shown
    assert "&lt;!channel&gt;" in all_text(quoted) and "2% &amp; nothing more" in all_text(quoted)
    assert "&lt;!here&gt;" in all_text(echoed)


# Redeliveries, rate limits, gone channels, logging

async def test_a_retried_event_is_answered_once(app, slack):
    body = app.event_body(mention("quote shoigu", ts="1700000900.000100"))
    await app.event(body)
    assert (await app.event(body, retry_num=1))[0] == 200
    assert (await app.event(body, retry_num=2))[0] == 200
    posts = await probe(app, slack, 2)
    assert [p["channel"] for p in posts] == ["C0NEWS", "D0PROBE"]


async def test_the_same_message_delivered_as_two_events_is_answered_once(app, slack):
    text = f"<@{BOT_USER_ID}> sources"
    await app.event(app.event_body(dm(text, ts="1700001000.000100")))
    same = {**mention("sources", ts="1700001000.000100", channel="D0ANA"), "text": text}
    await app.event(app.event_body(same))
    posts = await probe(app, slack, 2)
    assert [p["channel"] for p in posts] == ["D0ANA", "D0PROBE"]


async def test_a_rate_limited_answer_waits_for_retry_after_then_goes_out(app, slack):
    slack.rate_limit(POST, times=1, retry_after=1)
    started = time.monotonic()
    await app.event(app.event_body(dm("sources")))
    posts = await slack.wait_for(POST, 2)
    assert time.monotonic() - started >= 1.0
    assert posts[0] == posts[1]


async def test_a_gone_channel_loses_its_subscription_is_logged_and_the_app_carries_on(
        app, slack, seeded_db_path, caplog):
    subscribe(open_db(seeded_db_path), "slack", "C0GONE", at="08:00", tz="UTC")
    slack.fail(POST, "channel_not_found")
    caplog.set_level(logging.INFO)
    await app.event(app.event_body(mention("sources", channel="C0GONE", ts="1700001100.000100")))
    await slack.wait_for(POST)

    def gone() -> list[logging.LogRecord]:
        return [r for r in caplog.records if getattr(r, "error", None) == "channel_not_found"]

    await eventually(gone)
    assert gone()[0].chat == "C0GONE" and gone()[0].platform == "slack"
    assert not get_subscription(open_db(seeded_db_path), "slack", "C0GONE").active
    posts = await probe(app, slack, 2)
    assert posts[-1]["channel"] == "D0PROBE"


async def test_one_log_line_per_event_received_and_answer_sent_with_channel_and_platform(app, slack, caplog):
    caplog.set_level(logging.INFO)
    await app.event(app.event_body(mention("sources", channel="C0LOG", ts="1700001200.000100")))
    await slack.wait_for(POST)

    def lines() -> list[tuple[str, str]]:
        return [(r.getMessage(), r.chat) for r in caplog.records
                if getattr(r, "platform", None) == "slack" and getattr(r, "chat", None) == "C0LOG"]

    await eventually(lambda: len(lines()) >= 2)
    assert lines() == [("event received", "C0LOG"), ("answer sent", "C0LOG")]


async def test_stopping_lets_answers_in_flight_go_out_first(settings, slack, seeded_db_path):
    slack.rate_limit(POST, times=1, retry_after=1)
    service = SlackService(settings, Store.open(seeded_db_path), ChannelPace(0))
    await service.start()
    assert service.connected
    deliver = SignedDelivery(SECRET, f"http://127.0.0.1:{service.port}/slack/events")
    await deliver.event(deliver.event_body(dm("sources")))
    await slack.wait_for(POST)
    await service.stop()
    assert len(slack.calls(POST)) == 2 and not service.connected
