"""Digest subscriptions: who gets a daily digest, when (local time and IANA zone), and about what."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from clipdesk.store.index.schema import transaction

if TYPE_CHECKING:
    from clipdesk.store.store import Store

DEFAULT_TIME = "08:00"
DEFAULT_TZ = "UTC"
FIRST_DIGEST_LOOKBACK = timedelta(hours=24)


@dataclass(frozen=True)
class Subscription:
    """One chat's (or thread's) daily digest settings and how far its digests have got."""

    id: int
    platform: str
    chat_id: str
    thread_id: str  # "" when the digest goes to the chat itself
    time: str  # "HH:MM", local to tz
    tz: str  # IANA zone name
    topics: tuple[str, ...]
    notify_empty: bool
    active: bool
    created_at: str
    cursor: str | None  # articles.ingested_at high-water mark already covered

    @property
    def target(self) -> str:
        """platform:chat_id[:thread_id], as the CLI shows it."""
        return ":".join(p for p in (self.platform, self.chat_id, self.thread_id) if p)

    def local_date(self, now: datetime) -> date:
        """The subscriber's calendar day at `now`."""
        return now.astimezone(ZoneInfo(self.tz)).date()

    def due_at(self, day: date) -> datetime:
        """When the digest for local `day` is due, in UTC.

        A time that does not exist that day (spring forward) falls on the same wall-clock reading
        before the change, i.e. one hour later in the new offset; a time that happens twice (fall
        back) is due at its first occurrence. Either way there is one due time per local day.
        """
        hour, minute = map(int, self.time.split(":"))
        local = datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(self.tz))
        return local.astimezone(UTC)

    def due_today(self, now: datetime) -> tuple[date, datetime] | None:
        """(local day, due time) when today's digest is due at `now`; None before the time of day
        or when the subscription began after today's time (its first digest is tomorrow's)."""
        day = self.local_date(now)
        due = self.due_at(day)
        if now < due or due < datetime.fromisoformat(self.created_at):
            return None
        return day, due


def _row(row: dict) -> Subscription:
    return Subscription(
        id=row["id"], platform=row["platform"], chat_id=row["chat_id"], thread_id=row["thread_id"],
        time=row["time"], tz=row["tz"], topics=tuple(json.loads(row["topics"] or "[]")),
        notify_empty=bool(row["notify_empty"]), active=bool(row["active"]),
        created_at=row["created_at"], cursor=row["cursor"],
    )


def get_subscription(db: Store, platform: str, chat_id: str,
                     thread_id: str | None = None) -> Subscription | None:
    """The subscription of a chat (or one thread of it), active or not."""
    rows = list(db["subscriptions"].rows_where(
        "platform = ? AND chat_id = ? AND thread_id = ?", [platform, str(chat_id), thread_id or ""]))
    return _row(rows[0]) if rows else None


def subscription_by_id(db: Store, sub_id: int) -> Subscription | None:
    """The subscription with this id, if it still exists."""
    rows = list(db["subscriptions"].rows_where("id = ?", [sub_id]))
    return _row(rows[0]) if rows else None


def list_subscriptions(db: Store, active_only: bool = False) -> list[Subscription]:
    """Every subscription (or only the active ones), by platform and chat."""
    where = "active = 1" if active_only else None
    return [_row(r) for r in db["subscriptions"].rows_where(where, order_by="platform, chat_id, thread_id")]


def subscribe(db: Store, platform: str, chat_id: str, thread_id: str | None = None, *,
              at: str = DEFAULT_TIME, tz: str = DEFAULT_TZ, topics: tuple[str, ...] = (),
              notify_empty: bool = False, now: datetime | None = None) -> Subscription:
    """Create or update the one subscription of (platform, chat, thread).

    A new (or re-activated) subscription starts FIRST_DIGEST_LOOKBACK back, so its first digest
    carries the last day's coverage; updating an active one keeps its cursor, so nothing is repeated.
    """
    ZoneInfo(tz)  # raises for an unknown zone
    now = (now or datetime.now(UTC)).astimezone(UTC)
    start = (now - FIRST_DIGEST_LOOKBACK).isoformat(timespec="microseconds")
    settings = {"time": at, "tz": tz, "topics": json.dumps(list(topics), ensure_ascii=False),
                "notify_empty": int(notify_empty)}
    key = [platform, str(chat_id), thread_id or ""]
    with transaction(db):
        old = get_subscription(db, *key)
        if old is None:
            db.table("subscriptions").insert({"platform": key[0], "chat_id": key[1], "thread_id": key[2],
                                              **settings, "active": 1, "created_at": now.isoformat(),
                                              "cursor": start})
        elif old.active:
            db.table("subscriptions").update(old.id, settings)
        else:
            db.table("subscriptions").update(old.id, {**settings, "active": 1, "created_at": now.isoformat(),
                                                      "cursor": max(old.cursor or start, start)})
    sub = get_subscription(db, *key)
    assert sub is not None
    return sub


def unsubscribe(db: Store, platform: str, chat_id: str, thread_id: str | None = None) -> bool:
    """Stop a chat's (or thread's) digest; True when there was an active one.

    The row stays (inactive) so that its delivery record still allows one digest per local day.
    """
    with transaction(db):
        cursor = db.execute(
            "UPDATE subscriptions SET active = 0 WHERE platform = ? AND chat_id = ? AND thread_id = ? "
            "AND active = 1", [platform, str(chat_id), thread_id or ""])
    return cursor.rowcount == 1


def deactivate(db: Store, platform: str, chat_id: str, reason: str = "") -> int:
    """Switch off every subscription of a chat or channel the bot can no longer reach."""
    with transaction(db):
        cursor = db.execute(
            "UPDATE subscriptions SET active = 0 WHERE platform = ? AND chat_id = ? AND active = 1",
            [platform, str(chat_id)],
        )
    return cursor.rowcount


def move_chat(db: Store, platform: str, old_chat_id: str, new_chat_id: str) -> int:
    """Carry a chat's subscriptions over to its new id (a Telegram group that became a supergroup)."""
    with transaction(db):
        cursor = db.execute(
            "UPDATE OR REPLACE subscriptions SET chat_id = ? WHERE platform = ? AND chat_id = ?",
            [str(new_chat_id), platform, str(old_chat_id)],
        )
    return cursor.rowcount
