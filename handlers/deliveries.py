"""Digest delivery, platform-neutral: which digests are due, and each step of sending one recorded as
it happens. The scheduler in bot/ does the sending, calling these on the Store's worker thread."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from clipdesk.store.delivery.deliveries import (
    PENDING,
    Delivery,
    begin_delivery,
    deliveries_from,
    finish_delivery,
    give_up,
    pending_deliveries,
    record_part,
    retry_later,
)
from clipdesk.store.delivery.subscriptions import Subscription, deactivate, list_subscriptions, move_chat
from clipdesk.store.index.schema import transaction
from clipdesk.store.store import Store

__all__ = ["Delivery", "Due", "Subscription", "chat_moved", "delivered", "due_digests", "failed_for_now",
           "part_delivered", "start_delivery", "target_gone"]


@dataclass
class Due:
    """The digests to send or resume now, as (subscription, local day), and what was left out."""

    jobs: list[tuple[Subscription, str]] = field(default_factory=list)
    missed: int = 0  # given up: their day passed before anything of them was sent
    no_sender: int = 0  # waiting for a platform that is not running


def due_digests(store: Store, now: datetime, platforms: Collection[str],
                busy: Collection[int] = ()) -> Due:
    """Every digest to send or resume at `now` on `platforms`, leaving out the subscriptions in `busy`.

    Today's digest is due once its local time has passed (so a restart catches up on today's missed
    digests, never on earlier days'). A digest cut off on an earlier day is finished if it had begun
    reaching the chat, and given up as missed if nothing of it was sent.
    """
    due = Due()
    subs = {s.id: s for s in list_subscriptions(store, active_only=True)}
    records = deliveries_from(store, (now - timedelta(days=2)).date())
    for sub in subs.values():
        if sub.id in busy:
            continue
        if sub.platform not in platforms:
            due.no_sender += 1
            continue
        today = sub.due_today(now)
        record = records.get((sub.id, str(today[0]))) if today else None
        if today and (record is None or record.state == PENDING):
            due.jobs.append((sub, str(today[0])))
    for delivery in pending_deliveries(store):
        owner = subs.get(delivery.subscription_id)
        if owner is None or owner.platform not in platforms or owner.id in busy:
            continue
        if delivery.local_date >= str(owner.local_date(now)):
            continue
        if delivery.parts_sent:
            due.jobs.append((owner, delivery.local_date))
        else:
            give_up(store, delivery.id, "missed: its day passed before it could be sent")
            due.missed += 1
    return due


def start_delivery(store: Store, sub: Subscription, day: str, now: datetime) -> Delivery | None:
    """Record the intent to send `day`'s digest (or find the one under way); None if it went out already."""
    return begin_delivery(store, sub.id, day, now)


def part_delivered(store: Store, delivery: Delivery, parts_sent: int) -> None:
    """Record that the first `parts_sent` parts reached the chat."""
    record_part(store, delivery.id, parts_sent)


def delivered(store: Store, delivery: Delivery, parts_sent: int) -> None:
    """Mark the digest sent and move the subscription's cursor, together."""
    finish_delivery(store, delivery, parts_sent)


def failed_for_now(store: Store, delivery: Delivery, reason: str) -> None:
    """Leave the digest pending, to be resumed by a later pass."""
    retry_later(store, delivery.id, reason)


def target_gone(store: Store, platform: str, chat_id: str, reason: str,
                delivery: Delivery | None = None) -> int:
    """Switch off the subscriptions of a chat that cannot be reached any more (and give up the digest
    under way), in one transaction; how many subscriptions stopped."""
    with transaction(store):
        stopped = deactivate(store, platform, chat_id, reason)
        if delivery is not None:
            give_up(store, delivery.id, f"target gone: {reason}")
    return stopped


def chat_moved(store: Store, platform: str, old_chat_id: str, new_chat_id: str) -> int:
    """Let a chat's subscriptions follow it to its new id (a Telegram group become a supergroup)."""
    return move_chat(store, platform, old_chat_id, new_chat_id)
