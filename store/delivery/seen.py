"""Remembering which incoming updates were already answered, so redeliveries are answered once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from clipdesk.store.index.schema import transaction

if TYPE_CHECKING:
    from clipdesk.store.store import Store

KEEP = timedelta(days=3)


def first_time(db: Store, platform: str, key: str) -> bool:
    """Record `key` as seen on `platform`; True only the first time it is recorded."""
    now = datetime.now(UTC)
    with transaction(db):
        cursor = db.execute(
            "INSERT OR IGNORE INTO seen (platform, key, seen_at) VALUES (?, ?, ?)",
            [platform, key, now.isoformat()],
        )
        fresh = cursor.rowcount == 1
        if fresh and now.second == 0:
            db.execute("DELETE FROM seen WHERE seen_at < ?", [(now - KEEP).isoformat()])
    return fresh
