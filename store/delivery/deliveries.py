"""Digest delivery records: one row per subscription and local day, written before and after sending.

The row is the intent (state pending, with the cursor the digest covers) before the first part goes
out, then counts the parts the platform accepted, then is marked sent together with advancing the
subscription's cursor, in one transaction. A restarted process resumes a pending row at parts_sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from clipdesk.store.index.schema import transaction

if TYPE_CHECKING:
    from clipdesk.store.store import Store

PENDING, SENT, FAILED = "pending", "sent", "failed"


@dataclass(frozen=True)
class Delivery:
    """One subscription's digest for one local day, and how far sending it has got."""

    id: int
    subscription_id: int
    local_date: str
    state: str
    cursor: str | None
    parts_sent: int
    created_at: str
    sent_at: str | None
    error: str | None


def _now(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).isoformat()


def get_delivery(db: Store, subscription_id: int, local_date: date | str) -> Delivery | None:
    """The delivery record of a subscription for one local day, if any."""
    rows = list(db["deliveries"].rows_where("subscription_id = ? AND local_date = ?",
                                            [subscription_id, str(local_date)]))
    return Delivery(**rows[0]) if rows else None


def deliveries_from(db: Store, earliest: date | str) -> dict[tuple[int, str], Delivery]:
    """Every delivery for local days from `earliest` on, keyed by (subscription id, local day)."""
    rows = db["deliveries"].rows_where("local_date >= ?", [str(earliest)])
    return {(r["subscription_id"], r["local_date"]): Delivery(**r) for r in rows}


def latest_deliveries(db: Store) -> dict[int, Delivery]:
    """Each subscription's most recent delivery record, by subscription id."""
    rows = db.execute("""SELECT * FROM deliveries WHERE id IN
                         (SELECT MAX(id) FROM deliveries GROUP BY subscription_id)""")
    columns = [c[0] for c in rows.description]
    return {d.subscription_id: d for d in (Delivery(**dict(zip(columns, r, strict=True))) for r in rows)}


def pending_deliveries(db: Store) -> list[Delivery]:
    """Deliveries begun but not finished (a crash, a restart or a temporary failure interrupted them)."""
    return [Delivery(**r) for r in db["deliveries"].rows_where("state = ?", [PENDING], order_by="id")]


def begin_delivery(db: Store, subscription_id: int, local_date: date | str,
                   now: datetime | None = None) -> Delivery | None:
    """Record the intent to send a day's digest, or return the pending one to resume.

    Returns None when that day's digest is already sent (or given up). The cursor is the newest
    ingested_at at this moment, read inside the write transaction, so every article up to it is
    committed: a later ingest always lands after it and goes into the next digest.
    """
    with transaction(db):
        existing = get_delivery(db, subscription_id, local_date)
        if existing is not None:
            return existing if existing.state == PENDING else None
        (newest,) = db.execute("SELECT MAX(ingested_at) FROM articles").fetchone()
        (start,) = db.execute("SELECT cursor FROM subscriptions WHERE id = ?", [subscription_id]).fetchone()
        cursor = max(filter(None, (newest, start)), default=None)
        db.table("deliveries").insert({
            "subscription_id": subscription_id, "local_date": str(local_date), "state": PENDING,
            "cursor": cursor, "parts_sent": 0, "created_at": _now(now),
        })
    return get_delivery(db, subscription_id, local_date)


def record_part(db: Store, delivery_id: int, parts_sent: int) -> None:
    """Record that the first `parts_sent` parts were accepted by the platform."""
    with transaction(db):
        db.execute("UPDATE deliveries SET parts_sent = ? WHERE id = ? AND parts_sent < ?",
                   [parts_sent, delivery_id, parts_sent])


def finish_delivery(db: Store, delivery: Delivery, parts_sent: int,
                    now: datetime | None = None) -> None:
    """Mark the digest sent and move the subscription's cursor up to what it covered, atomically."""
    with transaction(db):
        db.execute("UPDATE deliveries SET state = ?, parts_sent = ?, sent_at = ?, error = NULL WHERE id = ?",
                   [SENT, parts_sent, _now(now), delivery.id])
        if delivery.cursor is not None:
            db.execute("UPDATE subscriptions SET cursor = ? WHERE id = ? AND (cursor IS NULL OR cursor < ?)",
                       [delivery.cursor, delivery.subscription_id, delivery.cursor])


def retry_later(db: Store, delivery_id: int, error: str) -> None:
    """Keep the digest pending (a later pass resumes it) and note why this attempt stopped."""
    with transaction(db):
        db.execute("UPDATE deliveries SET error = ? WHERE id = ?", [error[:500], delivery_id])


def give_up(db: Store, delivery_id: int, error: str) -> None:
    """Mark the digest failed for good (target gone, or its day passed before anything was sent)."""
    with transaction(db):
        db.execute("UPDATE deliveries SET state = ?, error = ? WHERE id = ?",
                   [FAILED, error[:500], delivery_id])
