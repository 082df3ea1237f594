"""Telegram under load: chats answered side by side (in order within each), floods cost one notice."""

from __future__ import annotations

from dataclasses import replace

from telegram.ext import SimpleUpdateProcessor

from clipdesk.bot.telegram.app import TelegramService
from clipdesk.store.store import Store
from tests.bot.telegram.test_app import SEND, running, sent_to
from tests.fakes.telegram_api import BOT_USERNAME, FakeTelegramApi

GROUP = -100555
PRIVATE = 99


def flood_the_group(telegram: FakeTelegramApi, questions: int, users: int) -> list[dict]:
    """`questions` commands in the group from `users` different people, then one private question."""
    group = [telegram.queue(telegram.message_update(f"/sources@{BOT_USERNAME}", chat_id=GROUP,
                                                    chat_type="supergroup", user_id=1000 + n % users))
             for n in range(questions)]
    telegram.queue(telegram.message_update("/sources", chat_id=PRIVATE, user_id=PRIVATE))
    return group


async def test_a_private_question_is_answered_before_a_busy_groups_backlog(settings, telegram,
                                                                          seeded_db_path):
    telegram.slow_chat(GROUP, 0.2)  # every answer in the group takes a while to go out
    async with running(settings, seeded_db_path):
        group = flood_the_group(telegram, 100, users=100)
        private = await sent_to(telegram, PRIVATE)
        answered_in_group = [m for m in telegram.calls(SEND) if m["chat_id"] == GROUP]
        assert "articles indexed" in private["text"]
        assert len(answered_in_group) < 10
        await telegram.wait_for(SEND, 10)
    in_order = [m["reply_parameters"]["message_id"] for m in telegram.calls(SEND) if m["chat_id"] == GROUP]
    asked = [u["message"]["message_id"] for u in group]
    assert in_order == asked[:len(in_order)]


async def test_handled_one_at_a_time_the_same_backlog_holds_the_private_answer_back(
        settings, telegram, seeded_db_path):
    """The same scene with PTB's sequential processing: what the per-chat order fixes."""
    telegram.slow_chat(GROUP, 0.2)
    store = Store.open(seeded_db_path)
    service = TelegramService(settings, store, updates=SimpleUpdateProcessor(1))
    await service.start()
    try:
        flood_the_group(telegram, 5, users=5)
        await sent_to(telegram, PRIVATE)
        assert [m["chat_id"] for m in telegram.calls(SEND)] == [GROUP] * 5 + [PRIVATE]
    finally:
        await service.stop()
        store.close()


async def test_a_thousand_questions_from_one_user_get_their_answers_and_one_notice(
        settings, telegram, seeded_db_path):
    async with running(replace(settings, rate_limit=10), seeded_db_path):
        for _ in range(1000):
            telegram.queue(telegram.message_update(f"/sources@{BOT_USERNAME}", chat_id=GROUP,
                                                   chat_type="supergroup", user_id=7))
        telegram.queue(telegram.message_update(f"/help@{BOT_USERNAME}", chat_id=GROUP, chat_type="supergroup",
                                               user_id=8))
        sent = await telegram.wait_for(SEND, 12, timeout=60)
        telegram.queue(telegram.message_update("/help", chat_id=PRIVATE, user_id=PRIVATE))
        await sent_to(telegram, PRIVATE)
    to_group = [m["text"] for m in telegram.calls(SEND) if m["chat_id"] == GROUP]
    assert len(to_group) == 12 and len(sent) >= 12
    assert sum("Please wait" in text for text in to_group) == 1
    assert sum("articles indexed" in text for text in to_group) == 10
    assert "/quote" in to_group[-1]  # the other user's /help, after the flood
