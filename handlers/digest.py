"""Digest commands: subscribe, unsubscribe, subscription, digest."""

from __future__ import annotations

import sqlite_utils

from handlers.types import Reply, Request


def _coming(request: Request, db: sqlite_utils.Database) -> Reply:
    return Reply(text="Daily digests are coming soon: this command is not available yet.",
                 thread_id=request.thread_id)


DIGEST_COMMANDS = {name: _coming for name in ("subscribe", "unsubscribe", "subscription", "digest")}
