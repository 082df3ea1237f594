"""Sending to Telegram, for answers and digests: HTML parts, and every failure turned into what it means."""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot, LinkPreviewOptions, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter
from telegram.ext import AIORateLimiter, ExtBot

from clipdesk.bot.delivery import PartRejected, TargetGone, TemporaryFailure
from clipdesk.bot.telegram.render import render_html
from clipdesk.bot.telegram.settings import TelegramSettings
from clipdesk.handlers.deliveries import chat_moved, target_gone
from clipdesk.handlers.types import Reply
from clipdesk.store.store import Store

log = logging.getLogger(__name__)

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
NETWORK_TRIES = 3
BACKOFF = 0.5  # seconds, doubled after each failed try


def rate_limiter() -> AIORateLimiter:
    """Telegram's limits (30 messages/s overall, 20/min per group); a 429 waits, then one resend."""
    return AIORateLimiter(overall_max_rate=30, overall_time_period=1, group_max_rate=20,
                          group_time_period=60, max_retries=1)


class TelegramSender:
    """Renders Replies as HTML and sends them; TargetGone and TemporaryFailure say what went wrong."""

    platform = "telegram"

    def __init__(self, bot: Bot, store: Store) -> None:
        self.bot = bot
        self.store = store
        self.rejected = 0  # digest parts Telegram refused for good

    def render(self, reply: Reply) -> list[str]:
        return render_html(reply)

    async def send_part(self, chat_id: str, thread_id: str | None, part: str) -> None:
        """Send one digest part; a part Telegram refuses for good is logged, counted and skipped."""
        try:
            await self.send(chat_id, thread_id, part)
        except PartRejected as exc:
            self.rejected += 1
            log.error("digest part refused for good, skipped: %s", exc,
                      extra={"platform": "telegram", "chat": chat_id, "event": "part_rejected",
                             "error": str(exc), "chars": len(part)})

    async def send(self, chat_id: str | int, thread_id: str | None, text: str,
                   reply_to: int | None = None) -> Message:
        """Send one HTML message, following a group's move to a supergroup and retrying network errors."""
        chat = str(chat_id)
        for attempt in range(NETWORK_TRIES):
            try:
                return await self.bot.send_message(
                    chat_id=int(chat), text=text, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                    message_thread_id=int(thread_id) if thread_id else None,
                    reply_parameters=ReplyParameters(reply_to, allow_sending_without_reply=True)
                    if reply_to else None)
            except ChatMigrated as exc:
                new_chat = str(exc.new_chat_id)
                moved = await self.store.run(chat_moved, self.store, self.platform, chat, new_chat)
                log.info("chat moved to %s (%d subscriptions follow)", new_chat, moved,
                         extra={"platform": "telegram", "chat": chat, "event": "chat_migrated"})
                chat = new_chat
            except RetryAfter as exc:
                raise TemporaryFailure(f"rate limited again after one wait: {exc.message}") from exc
            except Forbidden as exc:
                await self._gone(chat, exc.message)
                raise TargetGone(exc.message) from exc
            except BadRequest as exc:
                if "chat not found" in exc.message.lower():
                    await self._gone(chat, exc.message)
                    raise TargetGone(exc.message) from exc
                raise PartRejected(exc.message) from exc  # a 400 answers the same part the same way
            except NetworkError as exc:  # also TimedOut and 5xx answers
                if attempt + 1 == NETWORK_TRIES:
                    raise TemporaryFailure(exc.message) from exc
                log.warning("network error, retrying: %s", exc.message,
                            extra={"platform": "telegram", "chat": chat, "error": exc.message})
                await asyncio.sleep(BACKOFF * 2 ** attempt)
        raise TemporaryFailure("the chat kept moving")

    async def aclose(self) -> None:
        """Release the bot's HTTP connections (after a one-off digest run)."""
        await self.bot.shutdown()

    async def _gone(self, chat: str, reason: str) -> None:
        stopped = await self.store.run(target_gone, self.store, self.platform, chat, reason)
        log.warning("chat unreachable, %d subscriptions stopped: %s", stopped, reason,
                    extra={"platform": "telegram", "chat": chat, "error": reason})


def bot_for(settings: TelegramSettings) -> ExtBot:
    """A rate-limited bot for the configured Bot API server."""
    return ExtBot(settings.token, base_url=f"{settings.api_base_url}/bot",
                  base_file_url=f"{settings.api_base_url}/file/bot", rate_limiter=rate_limiter())


def sender_from_env(env: dict[str, str], store: Store) -> TelegramSender:
    """A TelegramSender for `clipdesk digest --run-due`, from TELEGRAM_BOT_TOKEN and TELEGRAM_API_BASE_URL."""
    return TelegramSender(bot_for(TelegramSettings.from_env(env)), store)
