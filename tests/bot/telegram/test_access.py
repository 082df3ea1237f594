"""The shared access step on Telegram: inline queries and private chats of members, admins, edits."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from clipdesk.store.delivery.subscriptions import get_subscription
from clipdesk.store.store import Store
from tests.bot.telegram.test_app import ASK, SEND, answer_to, running, sent_to
from tests.fakes.telegram_api import BOT_USERNAME, FakeTelegramApi

DESK = -100999
ANONYMOUS_ADMIN = {"id": 1087968824, "is_bot": True, "first_name": "Group", "username": "GroupAnonymousBot"}


def inline(telegram: FakeTelegramApi, user: int, query_id: str) -> dict:
    return telegram.queue({"inline_query": {"id": query_id, "query": "shoigu zero", "offset": "",
                                            "from": {"id": user, "is_bot": False, "first_name": "Ana"}}})


async def inline_results(telegram: FakeTelegramApi, query_id: str) -> list[dict]:
    for _ in range(500):
        for answer in telegram.calls("answerInlineQuery"):
            if answer["inline_query_id"] == query_id:
                return answer["results"]
        await asyncio.sleep(0.01)
    raise AssertionError(f"inline query {query_id} was not answered")


async def test_inline_queries_answer_only_members_of_an_allowed_chat(settings, telegram, seeded_db_path):
    telegram.members = {DESK: {5: "member", 6: "administrator"}}
    async with running(replace(settings, allowed_chats=frozenset({str(DESK)})), seeded_db_path):
        for user, query in ((5, "q-member"), (6, "q-admin"), (7, "q-stranger")):
            inline(telegram, user, query)
        member, admin, stranger = [await inline_results(telegram, q)
                                   for q in ("q-member", "q-admin", "q-stranger")]
    assert member and admin and "Shoigu" in member[0]["title"]
    assert stranger == []
    assert all(a["is_personal"] for a in telegram.calls("answerInlineQuery"))  # no shared cache
    asked = {(c["chat_id"], c["user_id"]) for c in telegram.calls("getChatMember")}
    assert asked == {(DESK, 5), (DESK, 6), (DESK, 7)}


async def test_a_private_chat_is_served_when_its_user_is_in_an_allowed_chat(settings, telegram,
                                                                          seeded_db_path):
    telegram.members = {DESK: {5: "member"}}
    async with running(replace(settings, allowed_chats=frozenset({str(DESK)})), seeded_db_path):
        member = await answer_to(telegram, telegram.message_update(ASK, chat_id=5, user_id=5))
        stranger = await answer_to(telegram, telegram.message_update(ASK, chat_id=7, user_id=7))
    assert "below zero" in member["text"]
    assert "not enabled for this chat" in stranger["text"]


def group_update(telegram: FakeTelegramApi, text: str, user: int = 5, **more) -> dict:
    return telegram.message_update(f"{text}", chat_id=DESK, chat_type="supergroup", user_id=user, **more)


async def test_without_an_admin_list_the_groups_telegram_administrators_decide(settings, telegram,
                                                                             seeded_db_path):
    telegram.members = {DESK: {5: "administrator", 6: "member"}}
    async with running(settings, seeded_db_path):
        refused = await answer_to(telegram, group_update(telegram, f"/subscribe@{BOT_USERNAME} 09:00 UTC", 6))
        assert get_subscription(Store.open(seeded_db_path), "telegram", str(DESK)) is None
        done = await answer_to(telegram, group_update(telegram, f"/subscribe@{BOT_USERNAME} 09:00 UTC", 5))
        anonymous = group_update(telegram, f"/subscribe@{BOT_USERNAME} 10:00 UTC",
                                 sender_chat={"id": DESK, "type": "supergroup", "title": "News desk"})
        anonymous["message"]["from"] = ANONYMOUS_ADMIN
        by_group = await answer_to(telegram, anonymous)
    assert "Telegram administrators" in refused["text"]
    assert done["text"].startswith("Subscribed") and by_group["text"].startswith("Subscribed")
    assert get_subscription(Store.open(seeded_db_path), "telegram", str(DESK)).time == "10:00"


async def test_with_an_admin_list_only_listed_users_decide_and_anonymous_admins_are_told_why(
        settings, telegram, seeded_db_path):
    telegram.members = {DESK: {5: "administrator"}}
    async with running(replace(settings, admins=frozenset({"8"})), seeded_db_path):
        chat_admin = await answer_to(telegram, group_update(telegram, f"/subscribe@{BOT_USERNAME}", 5))
        anonymous = group_update(telegram, f"/unsubscribe@{BOT_USERNAME}",
                                 sender_chat={"id": DESK, "type": "supergroup", "title": "News desk"})
        anonymous["message"]["from"] = ANONYMOUS_ADMIN
        hidden = await answer_to(telegram, anonymous)
        listed = await answer_to(telegram, group_update(telegram, f"/subscribe@{BOT_USERNAME}", 8))
    assert "CLIPDESK_ADMINS" in chat_admin["text"]
    assert "CLIPDESK_ADMINS" in hidden["text"] and "anonymously" in hidden["text"]
    assert listed["text"].startswith("Subscribed")


async def test_an_edited_question_is_answered_once_and_only_when_it_changes(bot, telegram):
    original = telegram.message_update("/quote shoigu", chat_id=5, user_id=5)
    await answer_to(telegram, original)

    def edit(text: str) -> dict:
        return {"edited_message": {**original["message"], "text": text, "edit_date": 1}}

    telegram.queue(edit("/quote  Shoigu"))
    telegram.queue(edit("/events wallace"))
    telegram.queue(edit("/sources"))
    telegram.queue(telegram.message_update("/help", chat_id=5, user_id=5))
    sent = await telegram.wait_for(SEND, 3)
    await sent_to(telegram, 5)
    await asyncio.sleep(0.3)
    texts = [m["text"] for m in telegram.calls(SEND)]
    assert len(texts) == 3 and "Timeline" in sent[1]["text"] and "/quote" in texts[2]
