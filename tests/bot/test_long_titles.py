"""A 5,000-character title (and URL) from a sidecar: answers, /sources and digests still deliver, within
each platform's limits, through the real clients and the fake Telegram and Slack servers; a part the
platform refuses for good (HTTP 400) is skipped, and the digest and the subscription's cursor move on."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import pytest

from clipdesk.bot.scheduler import Scheduler
from clipdesk.bot.slack.render import MAX_BLOCKS, MESSAGE_CHARS, SECTION_CHARS
from clipdesk.bot.telegram.settings import TelegramSettings
from clipdesk.store.delivery.deliveries import SENT, latest_deliveries
from clipdesk.store.delivery.subscriptions import get_subscription
from clipdesk.store.index.schema import open_db
from clipdesk.store.ingest import ingest_paths
from clipdesk.store.store import Store
from tests.bot.slack.test_app import POST, SECRET, dm
from tests.bot.slack.test_app import running as slack_running
from tests.bot.telegram.html import visible_text
from tests.bot.telegram.test_app import SEND, TOKEN, answer_to
from tests.bot.telegram.test_app import running as telegram_running
from tests.bot.test_digest_delivery import DAY, METHOD, chats, platform_api, posts, sender, subscribe_all
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.telegram_api import FakeTelegramApi

TITLE = ("Harbour pilots walk out as the long dispute over night shifts spreads along the coast " * 60)[:5000]
QUESTION = "What did Marit Oosterhuis say about the night shifts?"
ARTICLE = """Pilots strike

By Sam Vries

DELFZIJL, March 4, 2025 (Reuters) - Harbour pilots stopped work on Tuesday in a dispute over night shifts.

"We will not guide a single ship at night until the rota is fixed," pilots' union chair Marit Oosterhuis said.

The port authority said talks would resume on Friday.
"""


@pytest.fixture
def long_title_db(seeded_db_path: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "pilots.txt").write_text(ARTICLE)
    (folder / "pilots.meta.json").write_text(json.dumps(
        {"title": TITLE, "url": "https://example.org/pilots/" + "x" * 5000, "outlet": "Reuters " * 700}))
    db = open_db(seeded_db_path)
    assert ingest_paths(db, [folder]).counts == {"added": 1}
    db.close()
    return seeded_db_path


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def within_telegram(text: str) -> str:
    assert utf16(text) <= 4096
    return visible_text(text)


def within_slack(message: dict) -> str:
    assert len(message["text"]) <= MESSAGE_CHARS and len(message["blocks"]) <= MAX_BLOCKS
    for block in message["blocks"]:
        for piece in [block["text"]] if block["type"] == "section" else block["elements"]:
            assert len(piece["text"]) <= SECTION_CHARS
    return message["text"]


async def test_telegram_answers_and_sources_citing_a_5000_character_title_arrive_within_4096(long_title_db):
    async with FakeTelegramApi() as telegram:
        settings = TelegramSettings(token=TOKEN, api_base_url=telegram.base_url, poll_timeout=1)
        async with telegram_running(settings, long_title_db):
            answer = await answer_to(telegram, telegram.message_update(QUESTION))
            before = len(telegram.calls(SEND))
            telegram.queue(telegram.message_update("/sources", chat_id=77, user_id=77))
            await telegram.wait_for(SEND, before + 1)
            await asyncio.sleep(0.5)  # every part of the list
            sources = [m["text"] for m in telegram.calls(SEND)[before:]]
    assert "rota is fixed" in within_telegram(answer["text"]) and "\u2026" in answer["text"]
    shown = " ".join(within_telegram(text) for text in sources)
    assert "Harbour pilots walk out" in shown and "6 articles indexed" in shown


async def test_slack_answers_and_sources_citing_a_5000_character_title_arrive_within_limits(
        long_title_db):
    async with FakeSlackApi() as slack:
        from clipdesk.bot.slack.settings import SlackSettings

        settings = SlackSettings(bot_token="xoxb-test", signing_secret=SECRET, api_base_url=slack.base_url,
                                 host="127.0.0.1", port=0)
        async with slack_running(settings, long_title_db) as (_, deliver):
            await deliver.event(deliver.event_body(dm(QUESTION)))
            [answer] = await slack.wait_for(POST, 1)
            await deliver.event(deliver.event_body(dm("sources", ts="1700000300.000100")))
            posted = await slack.wait_for(POST, 2)
    assert "rota is fixed" in within_slack(answer)
    assert all(within_slack(m) for m in posted[1:]) and "Harbour pilots walk out" in posted[-1]["text"]


@pytest.mark.parametrize("platform", ["slack", "telegram"])
async def test_digests_with_a_5000_character_title_are_sent_within_limits(platform, long_title_db):
    [chat] = chats(platform, ["desk"]).values()
    subscribe_all(platform, long_title_db, {chat: ("08:00", "UTC")})
    async with platform_api(platform) as fake:
        store = Store.open(long_title_db)
        summary = await Scheduler(store, {platform: sender(platform, fake, store)}).run_due(
            DAY.replace(hour=8, minute=30))
        calls = fake.calls(METHOD[platform])
    assert summary.sent == 1 and summary.retry == 0 and len(calls) == summary.parts
    for call in calls:
        within_slack(call) if platform == "slack" else within_telegram(call["text"])
    assert any("Harbour pilots walk out" in call["text"] for call in calls)


@pytest.mark.parametrize("platform", ["slack", "telegram"])
async def test_a_part_refused_for_good_is_skipped_and_the_digest_and_cursor_move_on(
        platform, long_title_db, caplog):
    [chat] = chats(platform, ["desk"]).values()
    subscribe_all(platform, long_title_db, {chat: ("08:00", "UTC")})
    async with platform_api(platform) as fake:
        if platform == "slack":
            fake.fail(METHOD[platform], "msg_too_long", times=1)
        else:
            fake.fail(METHOD[platform], 400, "Bad Request: message is too long", times=1)
        store = Store.open(long_title_db)
        out = sender(platform, fake, store)
        scheduler = Scheduler(store, {platform: out})
        with caplog.at_level(logging.ERROR):
            first = await scheduler.run_due(DAY.replace(hour=8, minute=30))
        later = await scheduler.run_due(DAY.replace(hour=8, minute=31))
        tried = posts(platform, fake)
    assert first.sent == 1 and first.retry == 0 and later.due == 0 and out.rejected == 1
    assert len(tried) == first.parts  # the refused part was tried once, the rest sent once each
    assert any(getattr(r, "event", "") == "part_rejected" for r in caplog.records)
    db = open_db(long_title_db)
    [delivery] = latest_deliveries(db).values()
    assert delivery.state == SENT
    assert get_subscription(db, platform, chat).cursor == delivery.cursor is not None
