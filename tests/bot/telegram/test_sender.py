"""The Telegram sender: 429 waits and resends once, gone chats stop their digests, moved chats follow."""

from __future__ import annotations

import time

import pytest

from clipdesk.bot.delivery import TargetGone, TemporaryFailure
from clipdesk.bot.telegram.sender import TelegramSender, bot_for
from clipdesk.bot.telegram.settings import TelegramSettings
from clipdesk.store.delivery.subscriptions import get_subscription, subscribe
from clipdesk.store.store import Store
from tests.fakes.telegram_api import FakeTelegramApi

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
SEND = "sendMessage"


@pytest.fixture
async def telegram():
    async with FakeTelegramApi() as fake:
        yield fake


@pytest.fixture
async def sender(telegram, tmp_path):
    bot = bot_for(TelegramSettings(token=TOKEN, api_base_url=telegram.base_url))
    await bot.initialize()
    yield TelegramSender(bot, Store.open(tmp_path / "clipdesk.db"))
    await bot.shutdown()


async def test_a_429_waits_retry_after_then_resends_once(sender, telegram):
    telegram.rate_limit(SEND, times=1, retry_after=1)
    started = time.monotonic()
    await sender.send_part("42", None, "hello")
    assert time.monotonic() - started >= 1.0
    assert [c["text"] for c in telegram.calls(SEND)] == ["hello", "hello"]


async def test_a_second_429_in_a_row_is_a_temporary_failure(sender, telegram):
    telegram.rate_limit(SEND, times=2, retry_after=1)
    with pytest.raises(TemporaryFailure):
        await sender.send_part("42", None, "hello")
    assert len(telegram.calls(SEND)) == 2


@pytest.mark.parametrize(("status", "description"), [
    (403, "Forbidden: bot was blocked by the user"),
    (403, "Forbidden: bot was kicked from the supergroup chat"),
    (400, "Bad Request: chat not found"),
])
async def test_a_gone_chat_stops_its_subscription(sender, telegram, status, description):
    subscribe(sender.store, "telegram", "-100200")
    subscribe(sender.store, "telegram", "-100300")
    telegram.fail(SEND, status, description)
    with pytest.raises(TargetGone):
        await sender.send_part("-100200", None, "digest")
    assert not get_subscription(sender.store, "telegram", "-100200").active
    assert get_subscription(sender.store, "telegram", "-100300").active


async def test_a_group_that_became_a_supergroup_is_followed_with_its_subscription(sender, telegram):
    subscribe(sender.store, "telegram", "-4001")
    telegram.migrate(SEND, new_chat_id=-1009876543210123)
    await sender.send_part("-4001", None, "digest")
    assert [c["chat_id"] for c in telegram.calls(SEND)] == [-4001, -1009876543210123]
    assert get_subscription(sender.store, "telegram", "-1009876543210123").active
    assert get_subscription(sender.store, "telegram", "-4001") is None


async def test_network_errors_are_retried_with_backoff_then_reported(sender, telegram):
    telegram.fail(SEND, 502, "Bad Gateway", times=2)
    await sender.send_part("42", "7", "hello")
    sent = telegram.calls(SEND)
    assert len(sent) == 3 and sent[-1]["message_thread_id"] == 7
    telegram.fail(SEND, 500, "Internal Server Error", times=None)
    with pytest.raises(TemporaryFailure):
        await sender.send_part("42", None, "hello")
