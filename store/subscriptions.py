"""Digest subscriptions: who gets a daily digest, when, and about what."""

from __future__ import annotations

import sqlite_utils

from store.db import transaction


def deactivate(db: sqlite_utils.Database, platform: str, chat_id: str, reason: str = "") -> int:
    """Switch off every subscription of a chat or channel the bot can no longer reach."""
    with transaction(db):
        cursor = db.execute(
            "UPDATE subscriptions SET active = 0 WHERE platform = ? AND chat_id = ? AND active = 1",
            [platform, str(chat_id)],
        )
    return cursor.rowcount


def move_chat(db: sqlite_utils.Database, platform: str, old_chat_id: str, new_chat_id: str) -> int:
    """Carry a chat's subscriptions over to its new id (a Telegram group that became a supergroup)."""
    with transaction(db):
        cursor = db.execute(
            "UPDATE OR REPLACE subscriptions SET chat_id = ? WHERE platform = ? AND chat_id = ?",
            [str(new_chat_id), platform, str(old_chat_id)],
        )
    return cursor.rowcount
