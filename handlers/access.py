"""The one step every platform runs before answering: redelivery dedupe, chat allow-list, rate limit.

    access = Access(per_minute=10, allowed_chats=frozenset({"-100123"}), first_time=seen, member=member)
    admission = await access.admit(request, keys=message_keys(request, "update:77", message_id="5"))
    if admission.answer: ...answer...  elif admission.notice: ...send it...  else: ...say nothing...
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from clipdesk.handlers.ratelimit import RateLimit
from clipdesk.handlers.types import Reply, Request

NOT_ALLOWED = "clipdesk is not enabled for this chat. Ask whoever runs it to add the chat id {chat}."
SLOW_DOWN = ("You have asked {limit} questions in the last minute. Please wait {wait} seconds and ask "
             "again; I will not answer before then.")

FirstTime = Callable[[str], Awaitable[bool]]
"""Records a delivery key; True only the first time that key is recorded."""
Member = Callable[[str], Awaitable[bool]]
"""True when a user is a member of one of the allowed chats."""


@dataclass(frozen=True)
class Admission:
    """The access step's decision: answer, send `notice` instead, or (neither) say nothing."""

    answer: bool
    notice: Reply | None = None


DROP = Admission(answer=False)
ANSWER = Admission(answer=True)


class Access:
    """Decides, for every Request a platform receives, whether it is answered.

    In order: a delivery already seen (any of `keys` recorded before) is dropped silently; a chat
    outside the allow-list gets one refusal per minute; a user over the rate limit gets one notice
    per minute and silence otherwise. With an allow-list, a group chat must be listed; a one-to-one
    conversation (private chat, DM, inline query, Home tab) is served when it is listed or when
    `member` says its user belongs to a listed chat.
    """

    def __init__(self, *, per_minute: int, first_time: FirstTime, allowed_chats: frozenset[str] = frozenset(),
                 member: Member | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.allowed_chats = allowed_chats
        self.first_time = first_time
        self.member = member
        self.limit = RateLimit(per_minute, clock)
        self.refusals = RateLimit(1, clock)  # one refusal a minute per chat outside the allow-list

    async def chat_allowed(self, request: Request) -> bool:
        """Whether the allow-list lets `request`'s chat (or, one-to-one, its user) in."""
        if not self.allowed_chats or request.chat_id in self.allowed_chats:
            return True
        if request.is_group or self.member is None:
            return False
        return await self.member(request.user_id)

    async def admit(self, request: Request, keys: Sequence[str] = ()) -> Admission:
        """The decision for `request`; `keys` identify its delivery (checked in order, stopping at the
        first one seen before, so a later key is only recorded when every earlier one was new)."""
        for key in keys:
            if not await self.first_time(key):
                return DROP
        if not await self.chat_allowed(request):
            if self.refusals.check(f"{request.platform}:{request.chat_id}").allowed:
                return Admission(False, Reply(text=NOT_ALLOWED.format(chat=request.chat_id),
                                              thread_id=request.thread_id))
            return DROP
        verdict = self.limit.check(f"{request.platform}:{request.user_id}")
        if verdict.allowed:
            return ANSWER
        if verdict.notify:
            text = SLOW_DOWN.format(limit=self.per_minute, wait=int(verdict.wait) + 1)
            return Admission(False, Reply(text=text, thread_id=request.thread_id))
        return DROP


def question(request: Request) -> str:
    """What a Request asks, with case and spacing folded: an edit that leaves it equal asks nothing new."""
    return f"{(request.command or 'ask').lower()} {' '.join(request.args.lower().split())}"


def message_keys(request: Request, delivery: str, message_id: str, edited: bool = False) -> list[str]:
    """Delivery keys for a chat message: its delivery, the question it asks, and for an edit the one
    answer an edit may get. An edit is answered only when it changes the question, and at most once."""
    digest = hashlib.sha256(question(request).encode()).hexdigest()[:16]
    where = f"{request.chat_id}:{message_id}"
    keys = [delivery, f"question:{where}:{digest}"]
    return [*keys, f"edit:{where}"] if edited else keys
