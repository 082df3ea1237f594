"""What a platform adapter (TelegramService, SlackService) offers the process that runs it."""

from __future__ import annotations

from typing import Protocol

from clipdesk.bot.delivery import Sender


class Service(Protocol):
    """A platform adapter started and stopped inside a running event loop."""

    @property
    def sender(self) -> Sender:
        """Its outgoing side, which the digest scheduler sends through."""
        ...

    @property
    def connected(self) -> bool:
        """Whether it is taking updates now (for /healthz)."""
        ...

    async def start(self) -> None:
        """Connect and start taking updates; returns once running."""
        ...

    async def stop(self) -> None:
        """Stop taking updates and let the answers in flight go out."""
        ...
