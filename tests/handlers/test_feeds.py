"""/feeds and /add through the one handler entry point, as every platform calls it."""

from __future__ import annotations

import time

import pytest

from clipdesk.handlers.commands import handle, parse_command
from clipdesk.handlers.help import help_text
from clipdesk.handlers.types import Request
from clipdesk.store.delivery.feeds import add_feed, find_feed, list_feeds, record_failure
from clipdesk.store.index.listings import list_sources
from clipdesk.store.store import Store
from tests.fakes.news_site import NewsSite, article_page
from tests.fakes.stories import STRIKE


def say(db, text: str, is_admin: bool = True, platform: str = "telegram"):
    command, args = parse_command(text)
    return handle(Request(platform=platform, chat_id="42", user_id="7", text=text, command=command, args=args,
                          is_admin=is_admin, is_group=True), db)


@pytest.fixture
def site(monkeypatch):
    monkeypatch.setenv("CLIPDESK_FETCH_ALLOW_PRIVATE", "1")
    monkeypatch.setenv("CLIPDESK_FETCH_INTERVAL", "0")
    with NewsSite() as running:
        running.add("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
        running.add("/strike", article_page(STRIKE))
        yield running


def test_everyone_sees_the_feeds_and_which_are_failing_with_their_error(db):
    add_feed(db, "https://harbour.example/rss", name="Gazette")
    broken = add_feed(db, "https://courier.example/rss", name="Courier")
    record_failure(db, broken, "https://courier.example/rss: HTTP 500 Internal Server Error")
    reply = say(db, "/feeds", is_admin=False)
    assert "2 feeds followed, 1 failing" in reply.text
    failing = next(line for line in reply.text.splitlines() if "Courier" in line)
    assert failing.startswith("⚠") and "HTTP 500 Internal Server Error" in failing
    assert "failing" not in next(line for line in reply.text.splitlines() if "Gazette" in line)


def test_only_admins_add_or_remove_feeds(db, site):
    assert "Only clipdesk's admins" in say(db, f"/feeds add {site.url('/rss')}", is_admin=False).text
    assert list_feeds(db) == []
    added = say(db, f"/feeds add {site.url('/rss')} 2h Harbour Gazette")
    assert added.found and "Following Harbour Gazette" in added.text and "every 2h" in added.text
    assert find_feed(db, "harbour gazette").every == 7200
    assert "Only clipdesk's admins" in say(db, "/feeds remove Harbour Gazette", is_admin=False).text
    assert "Stopped following Harbour Gazette" in say(db, "/feeds remove Harbour Gazette").text
    assert "No feed is named" in say(db, "/feeds remove Harbour Gazette").text


def test_a_feed_on_a_private_address_is_refused_unless_allowed(db, site, monkeypatch):
    monkeypatch.delenv("CLIPDESK_FETCH_ALLOW_PRIVATE")
    reply = say(db, "/feeds add http://10.0.0.8/rss")
    assert "Not added" in reply.text and "10.0.0.8 is a private address" in reply.text
    reply = say(db, f"/add {site.url('/strike')}")
    assert "Not added" in reply.text and "loopback" in reply.text and site.requests == []


def test_an_admins_add_indexes_the_page_and_its_quotes_are_found(db, site):
    assert "Only clipdesk's admins" in say(db, f"/add {site.url('/strike')}", is_admin=False).text
    added = say(db, f"/add {site.url('/strike')}")
    assert added.found and f"Added: {STRIKE.title} · Harbour Gazette · 2026-11-30" in added.text
    assert "Already indexed" in say(db, f"/add <{site.url('/strike')}|{site.url('/strike')[7:]}>").text
    quote = say(db, "/quote brenner", is_admin=False)
    assert quote.found and any("protects every job" in s.text and s.url == site.url("/strike")
                               for s in quote.snippets)
    assert "HTTP 404" in say(db, f"/add {site.url('/gone')}").text


def test_bad_arguments_get_usage_and_help_lists_the_commands(db):
    assert "Usage" in say(db, "/add").text and "Usage" in say(db, "/feeds add").text
    assert "/clipdesk feeds" in say(db, "/feeds frobnicate", platform="slack").text
    assert "/feeds" in help_text() and "/add" in help_text()


def test_a_slow_site_holds_add_up_only_briefly_and_its_page_arrives_anyway(site, tmp_path, monkeypatch):
    monkeypatch.setattr("clipdesk.handlers.feeds.ADD_WAIT", 0.3)
    site.add("/slow", article_page(STRIKE), delay=1.5)
    store = Store.open(tmp_path / "clipdesk.db")
    started = time.monotonic()
    reply = say(store, f"/add {site.url('/slow')}")
    assert "Still fetching" in reply.text and time.monotonic() - started < 1.2
    deadline = time.monotonic() + 10
    while not any(s.title == STRIKE.title for s in list_sources(store)):
        assert time.monotonic() < deadline, "the page never arrived"
        time.sleep(0.1)
