"""Digests end to end through the real SlackSender and slack_sdk to the fake Slack Web API server."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.scheduler import Scheduler
from bot.slack_sender import ChannelPace, SlackSender, web_client
from store.db import open_db
from store.deliveries import SENT, latest_deliveries
from store.ingest import ingest_text
from store.subscriptions import get_subscription, subscribe
from tests.fakes.slack_api import FakeSlackApi

TOKEN = "xoxb-1111-2222-digestTESTtoken"
POST = "chat.postMessage"
YESTERDAY = datetime.now(UTC) - timedelta(days=1)
DAY = datetime(2030, 1, 15, tzinfo=UTC)  # a winter Tuesday: London on UTC, New York UTC-5, Tokyo UTC+9

NEW_STORY = "\n".join([
    "Kyiv power grid hit again as temperatures drop, operator says",
    "KYIV (Reuters) - Ukraine's grid operator Ukrenergo said on Monday that overnight strikes had damaged "
    "substations in three regions, leaving tens of thousands of homes without heating.",
    "\u201cRepair crews are working around the clock, but the damage is serious,\u201d Ukrenergo chief "
    "Volodymyr Kudrytskyi told reporters in Kyiv.",
])
NEW_TITLE = "Kyiv power grid hit again as temperatures drop, operator says"


def sender(slack: FakeSlackApi, db_path: Path) -> SlackSender:
    return SlackSender(web_client(TOKEN, slack.base_url), db_path, ChannelPace(0))


def subscribe_all(db_path: Path, channels: dict[str, tuple[str, str]], **options) -> None:
    db = open_db(db_path)
    for channel, (at, tz) in channels.items():
        subscribe(db, "slack", channel, at=at, tz=tz, now=YESTERDAY, **options)
    db.close()


def texts(slack: FakeSlackApi, channel: str) -> list[str]:
    """The fallback text of every chat.postMessage request to `channel`, in order (rejected ones too)."""
    return [c["text"] for c in slack.calls(POST) if c["channel"] == channel]


def seed_titles(db_path: Path) -> list[str]:
    db = open_db(db_path)
    try:
        return [row["title"] for row in db["articles"].rows if row["title"]]
    finally:
        db.close()


async def test_due_digests_reach_each_zones_channel_at_its_local_time_as_block_kit(seeded_db_path):
    subscribe_all(seeded_db_path, {"CLONDON": ("08:00", "Europe/London"), "CTOKYO": ("08:00", "Asia/Tokyo"),
                                   "CNEWYORK": ("08:00", "America/New_York")})
    async with FakeSlackApi() as slack:
        scheduler = Scheduler(seeded_db_path, {"slack": sender(slack, seeded_db_path)})
        first = await scheduler.run_due(DAY.replace(hour=9))  # London 09:00, Tokyo 18:00, New York 04:00
        reached_first = {c["channel"] for c in slack.calls(POST)}
        again = await scheduler.run_due(DAY.replace(hour=12, minute=59))  # New York 07:59
        assert again.due == 0
        await scheduler.run_due(DAY.replace(hour=13, minute=1))  # New York 08:01

    assert first.sent == 2 and reached_first == {"CLONDON", "CTOKYO"}
    calls = slack.calls(POST)
    assert Counter(c["channel"] for c in calls) == {ch: first.parts // 2 for ch in
                                                    ("CLONDON", "CTOKYO", "CNEWYORK")}
    for channel in ("CLONDON", "CTOKYO", "CNEWYORK"):
        assert texts(slack, channel)[0].startswith("Daily digest, Tue 15 Jan 2030: 5 new articles")
        blocks = [block for c in calls if c["channel"] == channel for block in c["blocks"]]
        assert blocks and {block["type"] for block in blocks} <= {"section", "context", "divider", "header"}
        shown = json.dumps(blocks, ensure_ascii=False)
        assert all(title in shown for title in seed_titles(seeded_db_path))


def accepted_once(slack: FakeSlackApi, channels: list[str], rejected: int) -> Counter:
    """Every (channel, part) the fake received, checking that the only repeats are the `rejected` ones."""
    received = Counter((c["channel"], c["text"]) for c in slack.calls(POST))
    assert {channel for channel, _ in received} == set(channels)
    assert sum(received.values()) - len(received) == rejected, received
    return received


async def test_a_429_storm_is_waited_out_and_each_digest_arrives_exactly_once(seeded_db_path):
    channels = [f"C{n:03d}" for n in range(6)]
    subscribe_all(seeded_db_path, {ch: ("08:00", "UTC") for ch in channels})
    async with FakeSlackApi() as slack:
        slack.rate_limit(POST, times=3, retry_after=1)
        summary = await Scheduler(seeded_db_path, {"slack": sender(slack, seeded_db_path)}).run_due(
            DAY.replace(hour=8, minute=30))

    assert summary.sent == len(channels) and summary.retry == 0
    received = accepted_once(slack, channels, rejected=3)
    parts_per_channel = Counter(channel for channel, _ in received)
    assert set(parts_per_channel.values()) == {summary.parts // len(channels)}
    db = open_db(seeded_db_path)
    assert {(d.state, d.parts_sent) for d in latest_deliveries(db).values()} == {
        (SENT, summary.parts // len(channels))}


async def test_a_gone_channel_is_switched_off_and_the_others_still_get_theirs(seeded_db_path):
    channels = ["CARCHIVED", "CDELETED", "CLIVE1", "CLIVE2"]
    subscribe_all(seeded_db_path, {ch: ("08:00", "UTC") for ch in channels})
    async with FakeSlackApi() as slack:
        slack.fail(POST, "is_archived", times=1)
        slack.fail(POST, "channel_not_found", times=1)
        scheduler = Scheduler(seeded_db_path, {"slack": sender(slack, seeded_db_path)}, concurrency=1)
        summary = await scheduler.run_due(DAY.replace(hour=8, minute=30))  # one at a time, by channel
        next_day = await scheduler.run_due(DAY.replace(hour=8, minute=30) + timedelta(days=1))

    assert summary.gone == 2 and summary.sent == 2
    assert texts(slack, "CARCHIVED") == texts(slack, "CDELETED") == [texts(slack, "CLIVE1")[0]]
    assert texts(slack, "CLIVE1") == texts(slack, "CLIVE2") and len(texts(slack, "CLIVE1")) == 2
    db = open_db(seeded_db_path)
    active = {ch: get_subscription(db, "slack", ch).active for ch in channels}
    assert active == {"CARCHIVED": False, "CDELETED": False, "CLIVE1": True, "CLIVE2": True}
    assert next_day.due == 2


async def test_a_server_error_is_retried_in_a_later_pass_without_repeating_the_part_sent(seeded_db_path):
    subscribe_all(seeded_db_path, {"CNEWS": ("08:00", "UTC"), "CDESK": ("08:00", "UTC")})
    async with FakeSlackApi() as slack:
        scheduler = Scheduler(seeded_db_path, {"slack": sender(slack, seeded_db_path)}, concurrency=1)
        slack.slow(POST, 0.2)
        first_pass = asyncio.create_task(scheduler.run_due(DAY.replace(hour=8, minute=5)))
        await slack.wait_for(POST, count=2)  # the first channel's second part has arrived, not been answered
        slack.server_error(POST, times=1, status=503)
        first = await first_pass
        failed_channel = slack.calls(POST)[1]["channel"]
        second = await scheduler.run_due(DAY.replace(hour=8, minute=6))
        third = await scheduler.run_due(DAY.replace(hour=8, minute=7))

    assert (first.sent, first.retry) == (1, 1)
    assert (second.due, second.sent, second.parts) == (1, 1, 1)
    assert third.due == 0
    other = texts(slack, "CNEWS" if failed_channel == "CDESK" else "CDESK")
    assert texts(slack, failed_channel) == [other[0], other[1], other[1]]  # part 2 rejected, then resent
    accepted_once(slack, ["CNEWS", "CDESK"], rejected=1)


async def test_coverage_ingested_between_passes_is_in_the_next_digest_and_never_again(seeded_db_path):
    subscribe_all(seeded_db_path, {"CDAILY": ("07:00", "Europe/London")}, notify_empty=True)
    async with FakeSlackApi() as slack:
        scheduler = Scheduler(seeded_db_path, {"slack": sender(slack, seeded_db_path)})
        await scheduler.run_due(DAY.replace(hour=7, minute=1))
        first_day = len(slack.calls(POST))
        db = open_db(seeded_db_path)
        ingest_text(db, NEW_STORY, "reuters-kyiv-grid.txt", {"outlet": "Reuters", "title": NEW_TITLE})
        db.close()
        await scheduler.run_due(DAY.replace(hour=7, minute=1) + timedelta(days=1))
        second_day = slack.calls(POST)[first_day:]
        await scheduler.run_due(DAY.replace(hour=7, minute=1) + timedelta(days=2))
        third_day = slack.calls(POST)[first_day + len(second_day):]

    first_text = json.dumps(slack.calls(POST)[:first_day], ensure_ascii=False)
    assert NEW_TITLE not in first_text
    [news] = second_day
    assert news["text"].startswith("Daily digest, Wed 16 Jan 2030: 1 new article in 1 story")
    shown = json.dumps(news["blocks"], ensure_ascii=False)
    assert NEW_TITLE in shown and "Repair crews are working around the clock" in shown
    assert not any(title in shown for title in seed_titles(seeded_db_path) if title != NEW_TITLE)
    [quiet] = third_day
    assert "no new coverage" in quiet["text"] and NEW_TITLE not in json.dumps(quiet, ensure_ascii=False)
