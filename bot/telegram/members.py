"""Who belongs where on Telegram, asked of the Bot API and kept for a few minutes.

Membership of the allowed chats (CLIPDESK_TELEGRAM_CHATS) decides whether a one-to-one conversation
or an inline query is served: getChatMember against each allowed chat (the bot is a member of those,
so Telegram answers). Chat administrators (getChatAdministrators) decide who may change a group's
digest when CLIPDESK_ADMINS is not set.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from telegram import Bot
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError

log = logging.getLogger(__name__)

KEEP = 300.0  # seconds an answer from the Bot API is trusted
IN_CHAT = frozenset({ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.MEMBER})


class ChatMembers:
    """Cached membership and administrator lookups; an API failure counts as "no" (and is not kept)."""

    def __init__(self, bot: Bot, allowed_chats: frozenset[str], clock: Callable[[], float] = time.monotonic,
                 keep: float = KEEP) -> None:
        self.bot = bot
        self.allowed_chats = allowed_chats
        self.clock = clock
        self.keep = keep
        self._members: dict[str, tuple[float, bool]] = {}
        self._admins: dict[str, tuple[float, frozenset[str]]] = {}

    async def in_allowed_chat(self, user_id: str) -> bool:
        """True when `user_id` is a member of at least one allowed chat."""
        cached = self._members.get(user_id)
        if cached and self.clock() - cached[0] < self.keep:
            return cached[1]
        failed = False
        for chat in sorted(self.allowed_chats):
            try:
                member = await self.bot.get_chat_member(int(chat), int(user_id))
            except TelegramError as exc:
                failed = True
                log.warning("membership not known: %s", exc,
                            extra={"platform": "telegram", "chat": chat, "user": user_id, "event": "member"})
                continue
            if member.status in IN_CHAT or getattr(member, "is_member", False):
                self._members[user_id] = (self.clock(), True)
                return True
        if not failed:
            self._members[user_id] = (self.clock(), False)
        return False

    async def admins(self, chat_id: str) -> frozenset[str]:
        """The user ids of `chat_id`'s administrators (empty when Telegram does not say)."""
        cached = self._admins.get(chat_id)
        if cached and self.clock() - cached[0] < self.keep:
            return cached[1]
        try:
            found = await self.bot.get_chat_administrators(int(chat_id))
        except TelegramError as exc:
            log.warning("administrators not known: %s", exc,
                        extra={"platform": "telegram", "chat": chat_id, "event": "admins"})
            return frozenset()
        ids = frozenset(str(member.user.id) for member in found)
        self._admins[chat_id] = (self.clock(), ids)
        return ids
