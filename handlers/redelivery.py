"""Redelivery dedupe for the async adapters: each delivery key recorded on the Store's worker thread."""

from __future__ import annotations

from clipdesk.store.delivery.seen import first_time
from clipdesk.store.store import Store


async def first_delivery(store: Store, platform: str, key: str) -> bool:
    """True only the first time `key` arrives on `platform` (Telegram update ids, Slack event ids...)."""
    return await store.run(first_time, store, platform, key)
