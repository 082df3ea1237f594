"""A real day's volume: 300 articles in 120 stories make a digest of a few messages that counts the rest."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from clipdesk.bot.slack.render import render
from clipdesk.bot.telegram.render import LIMIT, render_html, units
from clipdesk.handlers.digest_compose import MAX_STORIES, compose_digest
from clipdesk.store.delivery.digest import newest_ingest
from tests.bot.test_digest_support import add_article, distinct_headline

T0 = datetime(2026, 11, 30, 0, 0, tzinfo=UTC)
OUTLETS = ("Harbour Gazette", "Coastal Courier", "Evening Lamp", "Daily Ledger")


def busy_day(db) -> None:
    """60 stories told by one outlet and 60 by all four: 300 articles, each with two quotations."""
    n = 0
    for story in range(120):
        for outlet in OUTLETS[:1 if story % 2 else 4]:
            n += 1
            quotes = ((f"We said at the start that story {story} would take time and it has, {outlet}.",
                       "Helen Marsh"),
                      (f"Nobody expected the numbers in case {story} to move so fast this year.", None))
            add_article(db, distinct_headline(story), outlet,
                        (T0 + timedelta(seconds=n)).isoformat(timespec="microseconds"), quotes=quotes)
    assert n == 300


def test_the_digest_of_a_busy_day_fits_in_a_few_messages_and_says_what_it_left_out(db):
    busy_day(db)
    reply = compose_digest(db, None, newest_ingest(db), date(2026, 11, 30))
    assert "300 new articles in 120 stories" in reply.text
    assert reply.text.endswith(f"{120 - MAX_STORIES} more stories \u2014 /digest all")
    heads = [s for s in reply.snippets if s.kind == "source"]
    assert len(heads) == MAX_STORIES
    everyone = "covered by Harbour Gazette, Coastal Courier, Evening Lamp, Daily Ledger"
    assert all(everyone in s.text for s in heads)  # the stories most outlets covered
    assert len([s for s in reply.snippets if s.kind == "quote"]) <= 2 * MAX_STORIES
    telegram = render_html(reply)
    assert len(telegram) <= 3 and all(units(m) <= LIMIT for m in telegram)
    assert len(render(reply)) <= 2
    everything = compose_digest(db, None, newest_ingest(db), date(2026, 11, 30), limit=None)
    assert len([s for s in everything.snippets if s.kind == "source"]) == 120
