"""The shared access step: redeliveries and unchanged edits dropped, one notice per flood, the allow-list."""

from __future__ import annotations

from collections import Counter

import pytest

from clipdesk.handlers.access import Access, Admission, message_keys
from clipdesk.handlers.ratelimit import WINDOW
from clipdesk.handlers.types import Request


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Seen:
    """Delivery keys recorded so far, as the store's seen table keeps them."""

    def __init__(self) -> None:
        self.keys: set[str] = set()

    async def __call__(self, key: str) -> bool:
        fresh = key not in self.keys
        self.keys.add(key)
        return fresh


def ask(text: str = "what did shoigu say?", chat: str = "-100", user: str = "7", group: bool = True
        ) -> Request:
    return Request(platform="telegram", chat_id=chat, user_id=user, text=text, args=text, is_group=group)


def outcome(admission: Admission) -> str:
    if admission.answer:
        return "answer"
    return "notice" if admission.notice else "silent"


@pytest.fixture
def clock() -> Clock:
    return Clock()


def access(clock: Clock, per_minute: int = 10, **more) -> Access:
    return Access(per_minute=per_minute, first_time=Seen(), clock=clock, **more)


async def test_a_flood_gets_its_answers_then_one_notice_then_silence_until_the_window_ends(clock):
    gate = access(clock)
    flood = Counter([outcome(await gate.admit(ask())) for _ in range(1000)])
    assert flood == {"answer": 10, "notice": 1, "silent": 989}
    clock.now += WINDOW
    later = [outcome(await gate.admit(ask())) for _ in range(12)]
    assert later == ["answer"] * 10 + ["notice", "silent"]


async def test_the_notice_says_how_long_to_wait_and_other_users_are_not_held_up(clock):
    gate = access(clock, per_minute=2)
    for _ in range(2):
        await gate.admit(ask(user="1"))
    clock.now += 20
    notice = (await gate.admit(ask(user="1"))).notice
    assert notice is not None and "2 questions" in notice.text and "41 seconds" in notice.text
    assert (await gate.admit(ask(user="2"))).answer


async def test_a_delivery_seen_before_is_dropped_without_a_word(clock):
    gate = access(clock)
    request = ask()
    assert (await gate.admit(request, message_keys(request, "update:1", "55"))).answer
    again = await gate.admit(request, message_keys(request, "update:1", "55"))
    assert not again.answer and again.notice is None


async def test_an_edit_is_answered_only_when_it_changes_the_question_and_only_once(clock):
    gate = access(clock)
    original = ask("what did Shoigu say?")
    assert (await gate.admit(original, message_keys(original, "update:1", "55"))).answer
    same = ask("What did  shoigu say?")
    assert outcome(await gate.admit(same, message_keys(same, "update:2", "55", edited=True))) == "silent"
    changed = ask("what did Wallace say?")
    assert (await gate.admit(changed, message_keys(changed, "update:3", "55", edited=True))).answer
    third = ask("what did Putin say?")
    assert outcome(await gate.admit(third, message_keys(third, "update:4", "55", edited=True))) == "silent"
    other = ask("what did Putin say?")
    assert (await gate.admit(other, message_keys(other, "update:5", "56"))).answer


async def test_an_unlisted_group_gets_one_refusal_a_minute_naming_its_id(clock):
    gate = access(clock, allowed_chats=frozenset({"-100999"}))
    first = await gate.admit(ask(chat="-100123"))
    assert not first.answer and first.notice is not None and "-100123" in first.notice.text
    assert [outcome(await gate.admit(ask(chat="-100123"))) for _ in range(50)] == ["silent"] * 50
    assert (await gate.admit(ask(chat="-100999"))).answer
    clock.now += WINDOW
    assert outcome(await gate.admit(ask(chat="-100123"))) == "notice"


async def test_one_to_one_conversations_are_served_for_members_of_a_listed_chat(clock):
    members = {"7"}

    async def member(user: str) -> bool:
        return user in members

    gate = access(clock, allowed_chats=frozenset({"-100999"}), member=member)
    assert (await gate.admit(ask(chat="7", user="7", group=False))).answer
    assert outcome(await gate.admit(ask(chat="8", user="8", group=False))) == "notice"
    assert outcome(await gate.admit(ask(chat="-100555", user="7"))) == "notice"


async def test_without_an_allow_list_every_chat_is_served(clock):
    gate = access(clock)
    assert (await gate.admit(ask(chat="-1"))).answer and (await gate.admit(ask(chat="5", group=False))).answer
