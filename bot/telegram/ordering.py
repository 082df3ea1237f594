"""Telegram updates processed concurrently across chats and in order within each chat.

PTB's Application hands every update to this processor as its own task. Updates of one chat (or one
inline-querying user) wait for each other in arrival order, so a chat flooding the bot, or waiting
on its group rate limit, never delays another chat's answer; at most `running` updates run at once.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

QUEUED = 1_000_000  # updates waiting in their chat's line do not count against `running`
RUNNING = 64


def chat_key(update: object) -> str:
    """Which line an update waits in: its chat, an inline query's user, or a line of its own."""
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return f"chat:{update.effective_chat.id}"
        if update.effective_user is not None:
            return f"user:{update.effective_user.id}"
        return f"update:{update.update_id}"
    return f"object:{id(update)}"


class PerChatOrder(BaseUpdateProcessor):
    """One line per chat, lines served side by side; `cancel_waiting` ends them all (at shutdown)."""

    def __init__(self, running: int = RUNNING) -> None:
        super().__init__(QUEUED)
        self._running = asyncio.BoundedSemaphore(running)
        self._lines: dict[str, asyncio.Lock] = {}
        self._waiting: dict[str, int] = {}
        self._tasks: set[asyncio.Task[Any]] = set()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = chat_key(update)
        line = self._lines.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        started = False
        try:
            async with line, self._running:
                started = True
                await coroutine
        finally:
            if not started and inspect.iscoroutine(coroutine):
                coroutine.close()
            if task is not None:
                self._tasks.discard(task)
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key], self._lines[key]

    def cancel_waiting(self) -> int:
        """Cancel every update still waiting or running; how many there were."""
        for task in self._tasks:
            task.cancel()
        return len(self._tasks)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release: the Application waits for its own tasks."""
