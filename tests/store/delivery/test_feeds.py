"""Feed state: adding, finding, removing, when a feed is due, and how failures slow it down."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from clipdesk.store.delivery.feeds import (
    MAX_BACKOFF,
    FeedError,
    add_feed,
    canonical_url,
    due_feeds,
    find_feed,
    list_feeds,
    parse_every,
    record_failure,
    record_success,
    remove_feed,
)

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def test_intervals_are_read_in_seconds_minutes_hours_and_days():
    assert [parse_every(t) for t in ("30m", "2h", "1d", "90s", "45")] == [1800, 7200, 86400, 90, 2700]
    for bad in ("soon", "10s", "30 days", "-5m"):
        with pytest.raises(FeedError):
            parse_every(bad)


def test_a_feed_is_added_once_named_after_its_host_and_due_at_once(db):
    feed = add_feed(db, "https://www.harbour.example/rss.xml", now=NOW)
    assert feed.name == "harbour.example" and due_feeds(db, NOW) == [feed]
    with pytest.raises(FeedError, match="already following"):
        add_feed(db, "https://WWW.harbour.example/rss.xml#top")
    second = add_feed(db, "https://www.harbour.example/world.xml", now=NOW)
    assert second.name == "harbour.example-2"
    with pytest.raises(FeedError, match="already named"):
        add_feed(db, "https://other.example/rss", name="Harbour.Example")
    with pytest.raises(FeedError, match="not an http"):
        add_feed(db, "ftp://files.example/feed")


def test_a_feed_is_found_and_removed_by_url_or_name(db):
    add_feed(db, "https://harbour.example/rss", name="Gazette", now=NOW)
    assert find_feed(db, "gazette") == find_feed(db, "https://harbour.example/rss")
    assert remove_feed(db, "GAZETTE") is not None
    assert list_feeds(db) == [] and remove_feed(db, "Gazette") is None


def test_a_success_schedules_the_next_poll_one_interval_on_and_keeps_validators(db):
    feed = add_feed(db, "https://harbour.example/rss", every=1800, now=NOW)
    record_success(db, feed, title="Harbour Gazette", etag='"v1"', now=NOW)
    feed = find_feed(db, "harbour.example")
    assert feed.etag == '"v1"' and feed.title == "Harbour Gazette"
    assert due_feeds(db, NOW + timedelta(minutes=29)) == []
    assert due_feeds(db, NOW + timedelta(minutes=30)) == [feed]


def test_failures_back_off_up_to_a_day_honour_retry_after_and_clear_on_success(db):
    feed = add_feed(db, "https://harbour.example/rss", every=1800, now=NOW)
    waits = []
    for _ in range(8):
        feed = record_failure(db, feed, "https://harbour.example/rss: HTTP 500", now=NOW)
        waits.append(datetime.fromisoformat(feed.next_due) - NOW)
    assert waits[:3] == [timedelta(minutes=30), timedelta(hours=1), timedelta(hours=2)]
    assert max(waits) == timedelta(seconds=MAX_BACKOFF) and feed.failures == 8 and feed.failing
    feed = record_failure(db, feed, "HTTP 429", retry_after=3 * 86400, now=NOW)
    assert datetime.fromisoformat(feed.next_due) - NOW == timedelta(days=3)
    record_success(db, feed, now=NOW)
    feed = find_feed(db, feed.url)
    assert feed.failures == 0 and feed.last_error is None


def test_one_article_is_one_url_whatever_the_tracking_parameters():
    assert canonical_url("HTTPS://News.Example:443/a?id=7&utm_source=rss&fbclid=x#comments") == \
        "https://news.example/a?id=7"
    assert canonical_url("http://news.example:8080") == "http://news.example:8080/"
    assert canonical_url("https://news.example/story.php?cid=7&ref=rss") != canonical_url(
        "https://news.example/story.php?cid=8&ref=rss")  # an article's own id is kept
