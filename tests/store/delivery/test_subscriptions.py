"""Subscriptions: one per chat and thread, updated by resubscribing, with due times in their own zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfoNotFoundError

import pytest

from clipdesk.store.delivery.subscriptions import (
    FIRST_DIGEST_LOOKBACK,
    deactivate,
    get_subscription,
    list_subscriptions,
    move_chat,
    subscribe,
    unsubscribe,
)

NOW = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)


def test_defaults_are_eight_in_the_morning_utc_and_all_coverage(db):
    sub = subscribe(db, "telegram", "42", now=NOW)
    assert (sub.time, sub.tz, sub.topics, sub.notify_empty, sub.active) == ("08:00", "UTC", (), False, True)
    assert sub.cursor == (NOW - FIRST_DIGEST_LOOKBACK).isoformat(timespec="microseconds")


def test_resubscribing_updates_the_one_subscription_and_keeps_its_cursor(db):
    first = subscribe(db, "slack", "C1", now=NOW)
    db["subscriptions"].update(first.id, {"cursor": "2026-02-10T08:00:00.000000+00:00"})
    again = subscribe(db, "slack", "C1", at="17:30", tz="Asia/Tokyo", topics=("nato",), notify_empty=True,
                      now=NOW + timedelta(days=3))
    assert again.id == first.id and len(list_subscriptions(db)) == 1
    settings = (again.time, again.tz, again.topics, again.notify_empty)
    assert settings == ("17:30", "Asia/Tokyo", ("nato",), True)
    assert again.cursor == "2026-02-10T08:00:00.000000+00:00"


def test_threads_of_one_chat_subscribe_separately(db):
    subscribe(db, "telegram", "-100", None, now=NOW)
    subscribe(db, "telegram", "-100", "7", topics=("sanctions",), now=NOW)
    assert get_subscription(db, "telegram", "-100").topics == ()
    assert get_subscription(db, "telegram", "-100", "7").topics == ("sanctions",)


def test_an_unknown_zone_is_refused(db):
    with pytest.raises(ZoneInfoNotFoundError):
        subscribe(db, "telegram", "42", tz="Europe/Atlantis", now=NOW)
    assert list_subscriptions(db) == []


def test_unsubscribing_then_resubscribing_starts_afresh_without_a_backlog(db):
    subscribe(db, "telegram", "42", now=NOW)
    assert unsubscribe(db, "telegram", "42") is True
    assert unsubscribe(db, "telegram", "42") is False
    assert list_subscriptions(db, active_only=True) == []
    later = NOW + timedelta(days=30)
    back = subscribe(db, "telegram", "42", now=later)
    assert back.active and back.cursor == (later - FIRST_DIGEST_LOOKBACK).isoformat(timespec="microseconds")
    assert back.created_at == later.isoformat()


def test_a_gone_chat_is_deactivated_in_every_thread_and_a_migrated_chat_keeps_its_digest(db):
    subscribe(db, "telegram", "-1", None, now=NOW)
    subscribe(db, "telegram", "-1", "3", now=NOW)
    subscribe(db, "telegram", "-2", now=NOW)
    assert deactivate(db, "telegram", "-1") == 2
    assert [s.chat_id for s in list_subscriptions(db, active_only=True)] == ["-2"]
    assert move_chat(db, "telegram", "-2", "-1002") == 1
    assert get_subscription(db, "telegram", "-1002").active


@pytest.mark.parametrize(("tz", "day", "expected"), [
    ("Europe/London", date(2026, 1, 15), datetime(2026, 1, 15, 8, 0, tzinfo=UTC)),
    ("Europe/London", date(2026, 7, 15), datetime(2026, 7, 15, 7, 0, tzinfo=UTC)),
    ("Asia/Kolkata", date(2026, 7, 15), datetime(2026, 7, 15, 2, 30, tzinfo=UTC)),
    ("America/Los_Angeles", date(2026, 7, 15), datetime(2026, 7, 15, 15, 0, tzinfo=UTC)),
    ("Australia/Sydney", date(2026, 7, 15), datetime(2026, 7, 14, 22, 0, tzinfo=UTC)),
])
def test_the_due_time_is_the_local_time_in_the_subscribers_zone(db, tz, day, expected):
    sub = subscribe(db, "telegram", "42", tz=tz, now=datetime(2025, 1, 1, tzinfo=UTC))
    assert sub.due_at(day) == expected
    assert sub.due_today(expected - timedelta(minutes=1)) is None
    assert sub.due_today(expected) == (day, expected)
    assert sub.due_today(expected + timedelta(hours=5)) == (day, expected)
