"""The Telegram bot end to end: the real python-telegram-bot Application against the fake Bot API."""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager
from dataclasses import replace

import aiohttp
import pytest

from clipdesk.bot.telegram.app import TelegramService
from clipdesk.bot.telegram.settings import TelegramSettings
from clipdesk.handlers.help import COMMANDS
from clipdesk.store.index.schema import open_db
from clipdesk.store.ingest import ingest_text
from clipdesk.store.store import Store
from tests.bot.telegram.html import visible_text
from tests.fakes.telegram_api import BOT_ID, BOT_USERNAME, FakeTelegramApi

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
SEND = "sendMessage"
ASK = "What did Shoigu say about cooperation with London?"


@asynccontextmanager
async def running(settings: TelegramSettings, db_path):
    store = Store.open(db_path)
    service = TelegramService(settings, store)
    await service.start()
    try:
        yield service
    finally:
        await service.stop()
        store.close()


async def answer_to(telegram: FakeTelegramApi, update: dict, count: int | None = None) -> dict:
    """Queue `update` and return the next sendMessage."""
    before = len(telegram.calls(SEND))
    telegram.queue(update)
    sent = await telegram.wait_for(SEND, count or before + 1)
    return sent[-1]


async def sent_to(telegram: FakeTelegramApi, chat_id: int, timeout: float = 10.0) -> dict:
    """The first message sent to `chat_id`, once there is one."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not (found := [m for m in telegram.calls(SEND) if m["chat_id"] == chat_id]):
        assert asyncio.get_running_loop().time() < deadline, f"nothing sent to {chat_id}"
        await asyncio.sleep(0.01)
    return found[0]


async def quiet_then_answer(telegram: FakeTelegramApi, update: dict) -> None:
    """Queue `update`, then a private question; the only answer must be the private one's."""
    before = len(telegram.calls(SEND))
    telegram.queue(update)
    telegram.queue(telegram.message_update("/sources", chat_id=99, user_id=99))
    sent = await telegram.wait_for(SEND, before + 1)
    await asyncio.sleep(0.3)
    assert [m["chat_id"] for m in telegram.calls(SEND)[before:]] == [99]
    assert len(sent) == before + 1


async def test_a_private_question_is_answered_in_html_as_a_reply(bot, telegram):
    update = telegram.message_update(ASK)
    sent = await answer_to(telegram, update)
    assert sent["chat_id"] == 42 and sent["parse_mode"] == "HTML"
    assert sent["reply_parameters"]["message_id"] == update["message"]["message_id"]
    assert sent["link_preview_options"] == {"is_disabled": True}
    assert "<blockquote>" in sent["text"] and "<i>Sergey Shoigu" in sent["text"]
    assert "below zero" in visible_text(sent["text"])


async def test_start_registers_the_command_list(bot, telegram):
    [registered] = telegram.calls("setMyCommands")
    assert [(c["command"], c["description"]) for c in registered["commands"]] == list(COMMANDS)


@pytest.mark.parametrize("command", ["/start", "/help", "/sources", "/events wallace", "/quote shoigu zero",
                                     "/who below zero", "/subscription", "/digest"])
async def test_every_command_answers(bot, telegram, command):
    sent = await answer_to(telegram, telegram.message_update(command))
    assert "went wrong" not in sent["text"] and "don't know the command" not in sent["text"]
    visible_text(sent["text"])


async def test_in_groups_only_commands_mentions_and_replies_to_the_bot_are_answered(bot, telegram):
    group = {"chat_id": -100555, "chat_type": "supergroup"}
    await quiet_then_answer(telegram, telegram.message_update("what did shoigu say?", **group))
    await quiet_then_answer(telegram, telegram.message_update("/sources@some_other_bot", **group))
    mention = await answer_to(telegram, telegram.message_update(f"@{BOT_USERNAME} {ASK}", **group))
    assert mention["chat_id"] == -100555 and "below zero" in mention["text"]
    own = {"message_id": 5, "date": 0, "chat": {"id": -100555, "type": "supergroup"},
           "text": "earlier answer", "from": {"id": BOT_ID, "is_bot": True, "first_name": "clipdesk"}}
    reply = await answer_to(telegram, telegram.message_update(ASK, reply_to_message=own, **group))
    assert "below zero" in reply["text"]
    command = await answer_to(telegram, telegram.message_update(f"/sources@{BOT_USERNAME}", **group))
    assert command["chat_id"] == -100555


async def test_a_forum_topic_is_answered_in_the_same_topic(bot, telegram):
    sent = await answer_to(telegram, telegram.message_update(
        f"@{BOT_USERNAME} {ASK}", chat_id=-100777, chat_type="supergroup", message_thread_id=12,
        is_topic_message=True))
    assert sent["message_thread_id"] == 12


async def test_a_bare_quote_replying_to_a_message_finds_the_source_of_that_claim(bot, telegram):
    claim = {"message_id": 7, "date": 0, "chat": {"id": -100555, "type": "supergroup"},
             "from": {"id": 1, "is_bot": False, "first_name": "Bo"},
             "text": "Shoigu said cooperation is about to go below zero"}
    sent = await answer_to(telegram, telegram.message_update(
        "/quote", chat_id=-100555, chat_type="supergroup", reply_to_message=claim))
    assert sent["text"].startswith("Quotations matching that message")
    assert "Sergey Shoigu" in sent["text"]


async def test_coverage_text_is_escaped(settings, telegram, db_path_with_markup):
    async with running(settings, db_path_with_markup):
        sent = await answer_to(telegram, telegram.message_update("/quote jansen"))
    assert "&lt;b&gt;" in sent["text"] and "&amp;" in sent["text"]
    assert "<b>" in visible_text(sent["text"])


@pytest.fixture
def db_path_with_markup(seeded_db_path):
    article = ("Dock strike vote\n\nROTTERDAM, March 3, 2025 (Reuters) - Workers voted.\n\n"
               '"We want <b>2%</b> & nothing less, and we will strike," union leader Niek Jansen said.\n')
    ingest_text(open_db(seeded_db_path), article, "rotterdam.txt")
    return seeded_db_path


async def test_an_update_seen_again_after_a_restart_is_answered_once(settings, telegram, seeded_db_path):
    async with running(settings, seeded_db_path):
        await answer_to(telegram, telegram.message_update(ASK))
    telegram.redeliver()
    async with running(settings, seeded_db_path):
        later = await answer_to(telegram, telegram.message_update("/sources", chat_id=99, user_id=99))
        await asyncio.sleep(0.3)
    assert later["chat_id"] == 99
    assert len([m for m in telegram.calls(SEND) if m["chat_id"] == 42]) == 1


async def test_asking_too_fast_gets_a_polite_reply(settings, telegram, seeded_db_path):
    async with running(replace(settings, rate_limit=2), seeded_db_path):
        for _ in range(2):
            assert "Shoigu" in (await answer_to(telegram, telegram.message_update(ASK)))["text"]
        slow = await answer_to(telegram, telegram.message_update(ASK))
    assert "Please wait" in slow["text"]


async def test_chats_outside_the_allow_list_are_refused(settings, telegram, seeded_db_path):
    async with running(replace(settings, allowed_chats=frozenset({"-100999"})), seeded_db_path):
        refused = await answer_to(telegram, telegram.message_update(ASK, chat_id=42))
        allowed = await answer_to(telegram, telegram.message_update(
            f"/ask {ASK}", chat_id=-100999, chat_type="supergroup"))
    assert "not enabled for this chat" in refused["text"] and "42" in refused["text"]
    assert "below zero" in allowed["text"]


async def test_a_failing_send_is_logged_and_the_bot_keeps_serving(bot, telegram, caplog):
    telegram.fail(SEND, 502, "Bad Gateway", times=3)
    telegram.fail(SEND, 400, "Bad Request: can't parse entities", times=1)
    with caplog.at_level(logging.WARNING):
        telegram.queue(telegram.message_update(ASK, chat_id=1, user_id=1))
        telegram.queue(telegram.message_update(ASK, chat_id=2, user_id=2))
        telegram.queue(telegram.message_update(ASK, chat_id=3, user_id=3))
        sent = await telegram.wait_for(SEND, 5)
        telegram.queue(telegram.message_update(ASK, chat_id=4, user_id=4))
        later = await sent_to(telegram, 4)
    assert {m["chat_id"] for m in sent} == {1, 2, 3} and "below zero" in later["text"]
    assert any(r.getMessage().startswith("answer not delivered") for r in caplog.records)


async def test_a_blocked_user_stops_that_chats_digest_and_the_bot_carries_on(bot, telegram, seeded_db_path):
    from clipdesk.store.delivery.subscriptions import get_subscription, subscribe

    subscribe(open_db(seeded_db_path), "telegram", "42")
    telegram.fail(SEND, 403, "Forbidden: bot was blocked by the user")
    telegram.queue(telegram.message_update(ASK))
    await telegram.wait_for(SEND, 1)
    later = await answer_to(telegram, telegram.message_update(ASK, chat_id=43, user_id=43))
    assert later["chat_id"] == 43
    assert not get_subscription(open_db(seeded_db_path), "telegram", "42").active


async def test_inline_mode_offers_cited_quotations(bot, telegram):
    telegram.queue({"inline_query": {"id": "q1", "from": {"id": 5, "is_bot": False, "first_name": "Ana"},
                                     "query": "shoigu zero", "offset": ""}})
    [answer] = await telegram.wait_for("answerInlineQuery")
    assert answer["inline_query_id"] == "q1" and answer["results"]
    first = answer["results"][0]
    assert first["title"].startswith("Sergey Shoigu") and "002_" in first["description"]
    content = first["input_message_content"]
    assert content["parse_mode"] == "HTML" and "<blockquote>" in content["message_text"]
    visible_text(content["message_text"])


async def test_webhook_mode_accepts_only_requests_with_the_secret(settings, telegram, seeded_db_path,
                                                                  unused_tcp_port):
    hooked = replace(settings, webhook_url="https://bot.example.org/telegram", webhook_listen="127.0.0.1",
                     webhook_port=unused_tcp_port, webhook_secret="s3cret-token")
    update = telegram.message_update(ASK, chat_id=77, user_id=77)
    update["update_id"] = 501
    url = f"http://127.0.0.1:{unused_tcp_port}/telegram"
    async with running(hooked, seeded_db_path), aiohttp.ClientSession() as http:
        [registered] = telegram.calls("setWebhook")
        assert registered["url"] == "https://bot.example.org/telegram"
        assert registered["secret_token"] == "s3cret-token"
        async with http.post(url, json=update) as response:
            assert response.status == 403
        wrong = {"X-Telegram-Bot-Api-Secret-Token": "wrong"}
        async with http.post(url, json=update, headers=wrong) as response:
            assert response.status == 403
        async with http.post(url, json=update,
                             headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-token"}) as response:
            assert response.status == 200
        [sent] = await telegram.wait_for(SEND)
    assert sent["chat_id"] == 77 and "below zero" in sent["text"]
