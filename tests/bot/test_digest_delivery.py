"""Digests end to end through the real platform senders (SlackSender on slack_sdk, TelegramSender on
python-telegram-bot) to the fake Slack Web API and Bot API servers."""

from __future__ import annotations

import asyncio
import html
import json
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from clipdesk.bot.delivery import Sender
from clipdesk.bot.scheduler import Scheduler
from clipdesk.bot.slack.sender import ChannelPace, SlackSender, web_client
from clipdesk.bot.telegram.sender import NETWORK_TRIES, TelegramSender, bot_for
from clipdesk.bot.telegram.settings import TelegramSettings
from clipdesk.store.delivery.deliveries import SENT, latest_deliveries
from clipdesk.store.delivery.subscriptions import get_subscription, subscribe
from clipdesk.store.index.schema import open_db
from clipdesk.store.ingest import ingest_text
from clipdesk.store.store import Store
from tests.bot.test_digest_support import add_article
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.telegram_api import FakeTelegramApi

SLACK_TOKEN = "xoxb-1111-2222-digestTESTtoken"
TELEGRAM_TOKEN = "123456789:AAdigestTESTtokenAAAAAAAAAAAAAAAAAA"
METHOD = {"slack": "chat.postMessage", "telegram": "sendMessage"}
YESTERDAY = datetime.now(UTC) - timedelta(days=1)
DAY = datetime(2030, 1, 15, tzinfo=UTC)  # a winter Tuesday: London on UTC, New York UTC-5, Tokyo UTC+9
PLATFORMS = pytest.mark.parametrize("platform", ["slack", "telegram"])

NEW_STORY = "\n".join([
    "Kyiv power grid hit again as temperatures drop, operator says",
    "KYIV (Reuters) - Ukraine's grid operator Ukrenergo said on Monday that overnight strikes had damaged "
    "substations in three regions, leaving tens of thousands of homes without heating.",
    "\u201cRepair crews are working around the clock, but the damage is serious,\u201d Ukrenergo chief "
    "Volodymyr Kudrytskyi told reporters in Kyiv.",
])
NEW_TITLE = "Kyiv power grid hit again as temperatures drop, operator says"


OTHER_HEADLINES = ("Navy orders four new frigates", "Army recruitment falls short of its target",
                   "Air force retires its transport fleet", "Cyber command opens a northern base",
                   "Veterans agency faces a funding review", "Border guards get new patrol boats",
                   "Reservists called up for winter exercises", "Shipyard wins a submarine contract")


def more_stories(db_path: Path) -> None:
    """Eight more stories (each with two quotations) ingested now."""
    db = open_db(db_path)
    for i, headline in enumerate(OTHER_HEADLINES):
        add_article(db, headline, "Reuters", datetime.now(UTC).isoformat(timespec="microseconds"),
                    quotes=((f"We have planned this for {i + 2} years and it will be delivered on time.",
                             "John Healey"),
                            (f"The country cannot afford to wait another {i + 3} winters for it.",
                             "Ben Wallace")))
    db.close()


def chats(platform: str, names: list[str]) -> dict[str, str]:
    """A chat id per name: Slack channel ids, or Telegram private chat ids (positive numbers)."""
    if platform == "slack":
        return {name: f"C{name.upper()}" for name in names}
    return {name: str(700_000_100 + i) for i, name in enumerate(names)}


@asynccontextmanager
async def platform_api(platform: str) -> AsyncIterator[Any]:
    async with (FakeSlackApi() if platform == "slack" else FakeTelegramApi()) as fake:
        yield fake


def sender(platform: str, fake: Any, store: Store) -> Sender:
    """The real sender of `platform` pointed at its fake (no Slack per-channel pacing; Telegram's limiter)."""
    if platform == "slack":
        return SlackSender(web_client(SLACK_TOKEN, fake.base_url), store, ChannelPace(0))
    settings = TelegramSettings(token=TELEGRAM_TOKEN, api_base_url=fake.base_url)
    return TelegramSender(bot_for(settings), store)


def subscribe_all(platform: str, db_path: Path, targets: dict[str, tuple[str, str]], **options) -> None:
    db = open_db(db_path)
    for chat, (at, tz) in targets.items():
        subscribe(db, platform, chat, at=at, tz=tz, now=YESTERDAY, **options)
    db.close()


def posts(platform: str, fake: Any) -> list[tuple[str, str]]:
    """(chat, text) of every message request the fake received, in order (rejected ones too)."""
    if platform == "slack":
        return [(c["channel"], c["text"]) for c in fake.calls(METHOD[platform])]
    return [(str(c["chat_id"]), c["text"]) for c in fake.calls(METHOD[platform])]


def texts(platform: str, fake: Any, chat: str) -> list[str]:
    return [text for to, text in posts(platform, fake) if to == chat]


def shown(platform: str, fake: Any, chat: str) -> str:
    """What the chat shows: Slack's blocks, or Telegram's HTML text, as plain searchable text."""
    if platform == "slack":
        return json.dumps([c["blocks"] for c in fake.calls(METHOD[platform]) if c["channel"] == chat],
                          ensure_ascii=False)
    return html.unescape("\n".join(texts(platform, fake, chat)))


def seed_titles(db_path: Path) -> list[str]:
    db = open_db(db_path)
    try:
        return [row["title"] for row in db["articles"].rows if row["title"]]
    finally:
        db.close()


@PLATFORMS
async def test_due_digests_reach_each_zones_chat_at_its_local_time_formatted_for_the_platform(
        platform, seeded_db_path):
    chat = chats(platform, ["london", "tokyo", "newyork"])
    subscribe_all(platform, seeded_db_path, {chat["london"]: ("08:00", "Europe/London"),
                                             chat["tokyo"]: ("08:00", "Asia/Tokyo"),
                                             chat["newyork"]: ("08:00", "America/New_York")})
    async with platform_api(platform) as fake:
        scheduler = Scheduler(store := Store.open(seeded_db_path), {platform: sender(platform, fake, store)})
        first = await scheduler.run_due(DAY.replace(hour=9))  # London 09:00, Tokyo 18:00, New York 04:00
        reached_first = {to for to, _ in posts(platform, fake)}
        again = await scheduler.run_due(DAY.replace(hour=12, minute=59))  # New York 07:59
        await scheduler.run_due(DAY.replace(hour=13, minute=1))  # New York 08:01

        assert first.sent == 2 and reached_first == {chat["london"], chat["tokyo"]}
        assert again.due == 0
        assert Counter(to for to, _ in posts(platform, fake)) == {c: first.parts // 2 for c in chat.values()}
        for to in chat.values():
            assert html.unescape(texts(platform, fake, to)[0]).startswith(
                "Daily digest, Tue 15 Jan 2030: 5 new articles")
            assert all(title in shown(platform, fake, to) for title in seed_titles(seeded_db_path))
        if platform == "slack":
            blocks = [b for c in fake.calls(METHOD[platform]) for b in c["blocks"]]
            assert blocks and {b["type"] for b in blocks} <= {"section", "context", "divider", "header"}
        else:
            assert {c["parse_mode"] for c in fake.calls(METHOD[platform])} == {"HTML"}
            assert all("<blockquote>" in text for _, text in posts(platform, fake))


def accepted_once(platform: str, fake: Any, chats: list[str], rejected: int) -> Counter:
    """Every (chat, part) the fake received, checking that the only repeats are the `rejected` ones."""
    received = Counter(posts(platform, fake))
    assert {chat for chat, _ in received} == set(chats)
    assert sum(received.values()) - len(received) == rejected, received
    return received


@PLATFORMS
async def test_a_429_storm_is_waited_out_and_each_digest_arrives_exactly_once(platform, seeded_db_path):
    targets = list(chats(platform, [f"n{n}" for n in range(6)]).values())
    subscribe_all(platform, seeded_db_path, {chat: ("08:00", "UTC") for chat in targets})
    async with platform_api(platform) as fake:
        fake.rate_limit(METHOD[platform], times=3, retry_after=1)
        scheduler = Scheduler(store := Store.open(seeded_db_path), {platform: sender(platform, fake, store)})
        passes = [await scheduler.run_due(DAY.replace(hour=8, minute=30))]
        while passes[-1].retry:  # Telegram's limiter waits out one 429 per message; a second is retried later
            assert len(passes) < 3
            passes.append(await scheduler.run_due(DAY.replace(hour=8, minute=30 + len(passes))))

        received = accepted_once(platform, fake, targets, rejected=3)
    parts = sum(p.parts for p in passes) // len(targets)
    assert sum(p.sent for p in passes) == len(targets)
    assert set(Counter(chat for chat, _ in received).values()) == {parts}
    db = open_db(seeded_db_path)
    assert {(d.state, d.parts_sent) for d in latest_deliveries(db).values()} == {(SENT, parts)}


@PLATFORMS
async def test_a_gone_chat_is_switched_off_and_the_others_still_get_theirs(platform, seeded_db_path):
    chat = chats(platform, ["archived", "deleted", "live1", "live2"])
    subscribe_all(platform, seeded_db_path, {c: ("08:00", "UTC") for c in chat.values()})
    async with platform_api(platform) as fake:
        if platform == "slack":
            fake.fail(METHOD[platform], "is_archived", times=1)
            fake.fail(METHOD[platform], "channel_not_found", times=1)
        else:
            fake.fail(METHOD[platform], 403, "Forbidden: bot was blocked by the user")
            fake.fail(METHOD[platform], 400, "Bad Request: chat not found")
        scheduler = Scheduler(store := Store.open(seeded_db_path), {platform: sender(platform, fake, store)},
                              concurrency=1)
        summary = await scheduler.run_due(DAY.replace(hour=8, minute=30))  # one at a time, in chat order
        next_day = await scheduler.run_due(DAY.replace(hour=8, minute=30) + timedelta(days=1))

        assert summary.gone == 2 and summary.sent == 2
        first_part = [texts(platform, fake, chat["live1"])[0]]
        assert texts(platform, fake, chat["archived"]) == texts(platform, fake, chat["deleted"]) == first_part
        assert texts(platform, fake, chat["live1"]) == texts(platform, fake, chat["live2"])
        assert len(texts(platform, fake, chat["live1"])) == summary.parts // 2
    db = open_db(seeded_db_path)
    active = {name: get_subscription(db, platform, c).active for name, c in chat.items()}
    assert active == {"archived": False, "deleted": False, "live1": True, "live2": True}
    assert next_day.due == 2


@PLATFORMS
async def test_a_server_error_is_retried_in_a_later_pass_without_repeating_the_part_sent(
        platform, seeded_db_path):
    chat = chats(platform, ["news", "desk"])
    subscribe_all(platform, seeded_db_path, {c: ("08:00", "UTC") for c in chat.values()})
    more_stories(seeded_db_path)  # a digest of several parts on both platforms
    # Slack: one 503 fails the part; Telegram's sender first tries NETWORK_TRIES times itself.
    rejected = 1 if platform == "slack" else NETWORK_TRIES
    async with platform_api(platform) as fake:
        scheduler = Scheduler(store := Store.open(seeded_db_path), {platform: sender(platform, fake, store)},
                              concurrency=1)
        fake.slow(METHOD[platform], 0.2)
        first_pass = asyncio.create_task(scheduler.run_due(DAY.replace(hour=8, minute=5)))
        await fake.wait_for(METHOD[platform], count=2)  # the first chat's second part, not yet answered
        if platform == "slack":
            fake.server_error(METHOD[platform], times=rejected, status=503)
        else:
            fake.fail(METHOD[platform], 502, "Bad Gateway", times=rejected)
        first = await first_pass
        failed_chat = posts(platform, fake)[1][0]
        second = await scheduler.run_due(DAY.replace(hour=8, minute=6))
        third = await scheduler.run_due(DAY.replace(hour=8, minute=7))

        assert (first.sent, first.retry) == (1, 1)
        assert (second.due, second.sent, second.parts) == (1, 1, 1)
        assert third.due == 0
        other = texts(platform, fake, next(c for c in chat.values() if c != failed_chat))
        assert texts(platform, fake, failed_chat) == [other[0]] + [other[1]] * (rejected + 1)
        accepted_once(platform, fake, list(chat.values()), rejected=rejected)


@PLATFORMS
async def test_coverage_ingested_between_passes_is_in_the_next_digest_and_never_again(
        platform, seeded_db_path):
    [daily] = chats(platform, ["daily"]).values()
    subscribe_all(platform, seeded_db_path, {daily: ("07:00", "Europe/London")}, notify_empty=True)
    async with platform_api(platform) as fake:
        scheduler = Scheduler(store := Store.open(seeded_db_path), {platform: sender(platform, fake, store)})
        await scheduler.run_due(DAY.replace(hour=7, minute=1))
        first_day = shown(platform, fake, daily)
        db = open_db(seeded_db_path)
        ingest_text(db, NEW_STORY, "reuters-kyiv-grid.txt", {"outlet": "Reuters", "title": NEW_TITLE})
        db.close()
        fake.reset()
        await scheduler.run_due(DAY.replace(hour=7, minute=1) + timedelta(days=1))
        [news] = texts(platform, fake, daily)
        second_day = shown(platform, fake, daily)
        fake.reset()
        await scheduler.run_due(DAY.replace(hour=7, minute=1) + timedelta(days=2))
        [quiet] = texts(platform, fake, daily)

    assert NEW_TITLE not in first_day
    assert html.unescape(news).startswith("Daily digest, Wed 16 Jan 2030: 1 new article in 1 story")
    assert NEW_TITLE in second_day and "Repair crews are working around the clock" in second_day
    assert not any(title in second_day for title in seed_titles(seeded_db_path) if title != NEW_TITLE)
    assert "no new coverage" in quiet and "Kyiv" not in quiet
