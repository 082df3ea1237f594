"""The Slack Sender against the fake Web API: posting, 429 waits, gone channels, temporary failures."""

from __future__ import annotations

import time

import pytest

from clipdesk.bot.delivery import TargetGone, TemporaryFailure
from clipdesk.bot.slack.sender import ChannelPace, SlackSender, web_client
from clipdesk.handlers.types import Reply, Snippet
from clipdesk.store.delivery.subscriptions import get_subscription, subscribe
from clipdesk.store.index.schema import open_db
from clipdesk.store.store import Store
from tests.fakes.slack_api import FakeSlackApi

REPLY = Reply(text="Quotations by Ana Ruiz:", found=True, snippets=(
    Snippet(kind="quote", text="We will not back down.", speaker="Ana Ruiz", outlet="Reuters",
            published="2025-03-02", url="https://example.com/a", source="a.txt"),))


@pytest.fixture
async def slack():
    async with FakeSlackApi() as fake:
        yield fake


def sender_for(slack: FakeSlackApi, db_path, interval: float = 0.0) -> SlackSender:
    return SlackSender(web_client("xoxb-test", slack.base_url), Store.open(db_path), ChannelPace(interval))


async def test_a_part_is_posted_to_the_channel_and_thread(slack, seeded_db_path):
    sender = sender_for(slack, seeded_db_path)
    [part] = sender.render(REPLY)
    await sender.send_part("C100", "1700000000.000200", part)
    [call] = slack.calls("chat.postMessage")
    assert call["channel"] == "C100" and call["thread_ts"] == "1700000000.000200"
    assert call["blocks"] == part["blocks"] and "We will not back down." in call["text"]
    assert sender.platform == "slack"


async def test_a_429_is_waited_out_per_retry_after(slack, seeded_db_path):
    sender = sender_for(slack, seeded_db_path)
    slack.rate_limit("chat.postMessage", times=1, retry_after=1)
    started = time.monotonic()
    await sender.send_part("C100", None, sender.render(REPLY)[0])
    assert time.monotonic() - started >= 1.0
    assert len(slack.calls("chat.postMessage")) == 2


@pytest.mark.parametrize("error", ["channel_not_found", "not_in_channel", "is_archived", "account_inactive"])
async def test_a_gone_channel_raises_target_gone_and_loses_its_subscription(slack, seeded_db_path, error):
    db = open_db(seeded_db_path)
    subscribe(db, "slack", "C404", at="08:00", tz="Europe/London")
    sender = sender_for(slack, seeded_db_path)
    slack.fail("chat.postMessage", error)
    with pytest.raises(TargetGone):
        await sender.send_part("C404", None, sender.render(REPLY)[0])
    assert not get_subscription(db, "slack", "C404").active


async def test_server_errors_and_other_api_errors_are_temporary(slack, seeded_db_path):
    db = open_db(seeded_db_path)
    subscribe(db, "slack", "C500")
    sender = sender_for(slack, seeded_db_path)
    slack.server_error("chat.postMessage", status=503)
    with pytest.raises(TemporaryFailure):
        await sender.send_part("C500", None, sender.render(REPLY)[0])
    slack.fail("chat.postMessage", "internal_error")
    with pytest.raises(TemporaryFailure):
        await sender.send_part("C500", None, sender.render(REPLY)[0])
    assert get_subscription(db, "slack", "C500").active


async def test_an_unreachable_api_is_a_temporary_failure(seeded_db_path):
    async with FakeSlackApi() as fake:
        base = fake.base_url
    sender = SlackSender(web_client("xoxb-test", base), Store.open(seeded_db_path), ChannelPace(0))
    with pytest.raises(TemporaryFailure):
        await sender.send_part("C1", None, sender.render(REPLY)[0])


async def test_one_channel_gets_at_most_one_message_a_second_others_do_not_wait(slack, seeded_db_path):
    sender = sender_for(slack, seeded_db_path, interval=0.5)
    part = sender.render(REPLY)[0]
    for channel in ("C1", "C1", "C2"):
        await sender.send_part(channel, None, part)
    records = [r for r in slack.requests if r.method == "chat.postMessage"]
    assert records[1].at - records[0].at >= 0.5
    assert records[2].at - records[1].at < 0.3
