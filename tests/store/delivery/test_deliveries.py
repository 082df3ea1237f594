"""Delivery records: the intent before sending, parts as they are accepted, and sent once per local day."""

from __future__ import annotations

from datetime import UTC, datetime

from clipdesk.store.delivery.deliveries import (
    begin_delivery,
    finish_delivery,
    get_delivery,
    give_up,
    record_part,
    retry_later,
)
from clipdesk.store.delivery.digest import new_articles
from clipdesk.store.delivery.subscriptions import get_subscription, subscribe
from clipdesk.store.ingest import ingest_text

DAY = "2026-02-10"


def article(db, name: str, text: str) -> None:
    ingest_text(db, text, name, {"title": name.replace("-", " ").title(), "outlet": "Interfax"})


def test_the_intent_is_recorded_with_the_newest_ingest_as_its_cursor(db):
    article(db, "talks-resume", "MOSCOW, Feb 9 (Interfax) - Talks on a new treaty resumed in Geneva.")
    sub = subscribe(db, "telegram", "42")
    delivery = begin_delivery(db, sub.id, DAY)
    newest = db.execute("SELECT MAX(ingested_at) FROM articles").fetchone()[0]
    assert (delivery.state, delivery.parts_sent, delivery.cursor) == ("pending", 0, newest)
    assert begin_delivery(db, sub.id, DAY) == delivery  # a restart resumes the same record


def test_a_sent_digest_is_not_begun_again_and_moves_the_cursor(db):
    article(db, "talks-resume", "MOSCOW, Feb 9 (Interfax) - Talks on a new treaty resumed in Geneva.")
    sub = subscribe(db, "telegram", "42")
    delivery = begin_delivery(db, sub.id, DAY)
    record_part(db, delivery.id, 1)
    record_part(db, delivery.id, 0)  # never goes backwards
    assert get_delivery(db, sub.id, DAY).parts_sent == 1
    finish_delivery(db, delivery, 2)
    assert get_delivery(db, sub.id, DAY).state == "sent"
    assert get_delivery(db, sub.id, DAY).parts_sent == 2
    assert begin_delivery(db, sub.id, DAY) is None
    assert get_subscription(db, "telegram", "42").cursor == delivery.cursor


def test_coverage_ingested_after_the_intent_belongs_to_the_next_digest(db):
    article(db, "talks-resume", "MOSCOW, Feb 9 (Interfax) - Talks on a new treaty resumed in Geneva.")
    sub = subscribe(db, "telegram", "42")
    today = begin_delivery(db, sub.id, DAY)
    article(db, "sanctions-widened", "BRUSSELS (Reuters) - The EU widened sanctions on shipping.")
    assert [a.title for a in new_articles(db, sub.cursor, today.cursor)] == ["Talks Resume"]
    finish_delivery(db, today, 1)
    tomorrow = begin_delivery(db, sub.id, "2026-02-11")
    after = get_subscription(db, "telegram", "42").cursor
    assert [a.title for a in new_articles(db, after, tomorrow.cursor)] == ["Sanctions Widened"]


def test_a_temporary_failure_keeps_the_digest_pending_and_a_gone_target_ends_it(db):
    sub = subscribe(db, "telegram", "42")
    other = subscribe(db, "telegram", "43")
    delivery = begin_delivery(db, sub.id, DAY)
    retry_later(db, delivery.id, "temporary: HTTP 502")
    assert get_delivery(db, sub.id, DAY).state == "pending"
    assert get_delivery(db, sub.id, DAY).error == "temporary: HTTP 502"
    gone = begin_delivery(db, other.id, DAY)
    give_up(db, gone.id, "target gone: bot was blocked by the user")
    assert get_delivery(db, other.id, DAY).state == "failed"
    assert begin_delivery(db, other.id, DAY) is None


def test_an_empty_store_still_records_a_digest_that_covers_nothing(db):
    sub = subscribe(db, "slack", "C1", now=datetime(2026, 2, 10, 7, 0, tzinfo=UTC))
    delivery = begin_delivery(db, sub.id, DAY)
    assert delivery.cursor == sub.cursor
    assert new_articles(db, sub.cursor, delivery.cursor) == []
