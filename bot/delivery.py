"""What a platform adapter offers the digest scheduler: render a Reply, send one part."""

from __future__ import annotations

from typing import Any, Protocol

from clipdesk.handlers.types import Reply


class TargetGone(Exception):
    """The chat or channel cannot be reached any more (blocked, kicked, deleted, archived)."""


class TemporaryFailure(Exception):
    """Sending failed for now (network, 5xx, rate limits the library gave up on): retry later."""


class Sender(Protocol):
    """One platform's outgoing side, as the digest scheduler uses it."""

    platform: str

    def render(self, reply: Reply) -> list[Any]:
        """The platform messages for a Reply, each within the platform's limits, in order."""
        ...

    async def send_part(self, chat_id: str, thread_id: str | None, part: Any) -> None:
        """Send one rendered message; raise TargetGone or TemporaryFailure on failure."""
        ...


class PartRejected(TemporaryFailure):
    """The platform refused this message for good (HTTP 400: too long, bad entities or blocks); sending
    it again cannot succeed. A sender's send_part logs and counts it and lets the digest move on."""
