"""The one entry point: routing, unknown commands, hostile text, and never raising."""

import asyncio
import threading

import pytest

from clipdesk.handlers import commands
from clipdesk.handlers.commands import handle, handle_async, parse_command
from clipdesk.handlers.help import COMMANDS
from clipdesk.handlers.types import Reply, Request
from clipdesk.store.delivery.seen import first_time
from clipdesk.store.store import Store


def ask(text, command=None, **kw):
    cmd, args = (command, text) if command else parse_command(text)
    return Request(platform="test", chat_id="c", user_id="u", text=text, command=cmd, args=args, **kw)


@pytest.mark.parametrize(("text", "expected"), [
    ("/quote shoigu zero", ("quote", "shoigu zero")),
    ("/quote@clipdesk_bot shoigu", ("quote", "shoigu")),
    ("/quote@other_bot shoigu", (None, "/quote@other_bot shoigu")),
    ("what did Shoigu say?", (None, "what did Shoigu say?")),
    ("/", (None, "")),
])
def test_commands_are_split_from_their_arguments(text, expected):
    assert parse_command(text, "clipdesk_bot") == expected


def test_every_listed_command_has_a_handler(seeded_db):
    for name, _ in COMMANDS:
        reply = handle(ask("", command=name), seeded_db)
        assert reply.text and "don't know the command" not in reply.text


def test_an_unknown_command_points_to_help(seeded_db):
    reply = handle(ask("/frobnicate now"), seeded_db)
    assert "/frobnicate" in reply.text and "/help" in reply.text
    assert not reply.found


def test_a_failing_handler_becomes_an_apology_not_a_crash(seeded_db, monkeypatch):
    def broken(request, db):
        raise RuntimeError("boom")

    monkeypatch.setitem(commands.HANDLERS, "sources", broken)
    reply = handle(ask("/sources"), seeded_db)
    assert "went wrong" in reply.text


def test_the_reply_stays_in_the_asking_thread(seeded_db):
    reply = handle(ask("/help", thread_id="t-42"), seeded_db)
    assert reply.thread_id == "t-42"


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01\x1b[31m", "\"", "(", "NEAR(a b)", "*", ":",
                                  "x" * 20_000, "AND OR NOT"])
def test_hostile_questions_get_an_answer_not_an_exception(seeded_db, text):
    reply = handle(ask(text, command="ask"), seeded_db)
    assert isinstance(reply.text, str) and reply.text


@pytest.mark.parametrize("text", ["/quote NEAR(a b, 3) Shoigu", '/quote "unterminated Shoigu',
                                  "/quote col : * Shoigu", "/who ^^^^ Shoigu"])
def test_query_syntax_beside_a_speakers_name_is_searched_not_an_error(seeded_db, text):
    reply = handle(ask(text), seeded_db)
    assert "went wrong" not in reply.text


async def test_a_long_read_holds_up_no_write_and_no_redelivery_check(seeded_db_path, monkeypatch):
    store = Store.open(seeded_db_path)
    order: list[str] = []
    reading, release = threading.Event(), threading.Event()

    def held_sources(request, store):  # a /sources that takes until the test lets it finish
        reading.set()
        release.wait(10)
        order.append("read answered")
        return Reply(text="done")

    monkeypatch.setitem(commands.HANDLERS, "sources", held_sources)
    read = asyncio.ensure_future(handle_async(ask("/sources"), store))
    assert await asyncio.to_thread(reading.wait, 10)
    assert await asyncio.wait_for(store.run(first_time, store, "test", "update-1"), 10)
    order.append("redelivery checked")
    subscribed = await asyncio.wait_for(handle_async(ask("/subscribe 08:00", is_group=False), store), 10)
    order.append("subscribed")
    release.set()
    assert (await read).text == "done" and subscribed.found
    assert order == ["redelivery checked", "subscribed", "read answered"]
    store.close()
