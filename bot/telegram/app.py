"""clipdesk on Telegram: updates become Requests for the neutral handlers, Replies go back as HTML."""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import replace
from urllib.parse import urlparse

from telegram import (
    BotCommand,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseUpdateProcessor,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from clipdesk.bot.delivery import TargetGone, TemporaryFailure
from clipdesk.bot.telegram.members import ChatMembers
from clipdesk.bot.telegram.ordering import PerChatOrder
from clipdesk.bot.telegram.render import render_html
from clipdesk.bot.telegram.sender import NO_PREVIEW, TelegramSender, rate_limiter
from clipdesk.bot.telegram.settings import TelegramSettings
from clipdesk.handlers.access import Access, message_keys
from clipdesk.handlers.cite import citation
from clipdesk.handlers.commands import handle_async, parse_command
from clipdesk.handlers.digest import ADMIN_COMMANDS
from clipdesk.handlers.help import COMMANDS
from clipdesk.handlers.redelivery import first_delivery
from clipdesk.handlers.types import Reply, Request
from clipdesk.store.store import Store

log = logging.getLogger(__name__)

INLINE_RESULTS = 10
DRAIN_SECONDS = 5.0  # how long stopping waits for answers in hand before giving them up
LISTED_ADMINS = "the users listed in CLIPDESK_ADMINS"
ANONYMOUS = (" (you are posting anonymously as the group, so Telegram does not say who you are: "
             "send the command as yourself)")
CHAT_ADMINS = "this chat's Telegram administrators"


class TelegramService:
    """The bot, started and stopped inside a running event loop (polling, or a webhook when configured)."""

    def __init__(self, settings: TelegramSettings, store: Store,
                 updates: BaseUpdateProcessor | None = None) -> None:
        """`updates` says how updates are scheduled: by default concurrently across chats, in order
        within each (PerChatOrder)."""
        if not settings.token:
            raise ValueError("TELEGRAM_BOT_TOKEN is not set.")
        self.settings = settings
        self.application: Application = (
            ApplicationBuilder().token(settings.token)
            .base_url(f"{settings.api_base_url}/bot").base_file_url(f"{settings.api_base_url}/file/bot")
            .rate_limiter(rate_limiter()).concurrent_updates(updates or PerChatOrder()).build())
        self.sender = TelegramSender(self.application.bot, store)
        self.store = store
        self.members = ChatMembers(self.application.bot, settings.allowed_chats)
        self.access = Access(per_minute=settings.rate_limit, allowed_chats=settings.allowed_chats,
                             first_time=self.first_time, member=self.members.in_allowed_chat)
        self.application.add_handler(MessageHandler(filters.TEXT, self.on_message))
        self.application.add_handler(InlineQueryHandler(self.on_inline_query))
        self.application.add_error_handler(self.on_error)

    @property
    def connected(self) -> bool:
        updater = self.application.updater
        return bool(updater and updater.running)

    async def start(self) -> None:
        """Register the command list, then poll or serve the webhook; returns once running."""
        app = self.application
        await app.initialize()
        await app.bot.set_my_commands([BotCommand(name, description) for name, description in COMMANDS])
        await app.start()
        assert app.updater is not None
        if self.settings.webhook_url:
            await app.updater.start_webhook(
                listen=self.settings.webhook_listen, port=self.settings.webhook_port,
                url_path=urlparse(self.settings.webhook_url).path.strip("/"),
                webhook_url=self.settings.webhook_url, secret_token=self.settings.webhook_secret,
                allowed_updates=Update.ALL_TYPES)
        else:
            await app.updater.start_polling(poll_interval=0.0, timeout=self.settings.poll_timeout,
                                            allowed_updates=Update.ALL_TYPES)
        log.info("telegram started as @%s (%s)", app.bot.username,
                 "webhook" if self.settings.webhook_url else "long polling",
                 extra={"platform": "telegram", "event": "start"})

    async def stop(self) -> None:
        """Stop taking updates and give the ones in hand DRAIN_SECONDS to finish (whoever opened the
        store closes it)."""
        app = self.application
        if app.updater and app.updater.running:
            await app.updater.stop()
        if app.running:
            stopping = asyncio.ensure_future(app.stop())
            done, _ = await asyncio.wait({stopping}, timeout=DRAIN_SECONDS)
            if not done:
                processor = app.update_processor
                dropped = processor.cancel_waiting() if isinstance(processor, PerChatOrder) else 0
                log.warning("stopped with %d update(s) unanswered", dropped,
                            extra={"platform": "telegram", "event": "stop"})
            await stopping
        await app.shutdown()

    async def first_time(self, key: str) -> bool:
        """True the first time this delivery key is recorded (redeliveries, repeated edits)."""
        return await first_delivery(self.store, "telegram", key)

    async def on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message, chat, user = update.effective_message, update.effective_chat, update.effective_user
        if message is None or chat is None or user is None or message.text is None:
            return
        where = {"platform": "telegram", "chat": str(chat.id), "user": str(user.id)}
        request = await self.request_for(message)
        if request is None:
            return
        keys = message_keys(request, str(update.update_id), str(message.message_id),
                            edited=update.edited_message is not None)
        admission = await self.access.admit(request, keys)
        if not (admission.answer or admission.notice):
            log.info("update not answered (seen before, unchanged edit or over the limit)",
                     extra={**where, "event": "dropped"})
            return
        log.info("update received", extra={**where, "event": "update"})
        reply = admission.notice or await handle_async(request, self.store)
        try:
            for part in render_html(reply):
                await self.sender.send(chat.id, request.thread_id, part, reply_to=message.message_id)
        except (TargetGone, TemporaryFailure) as exc:
            log.warning("answer not delivered: %s", exc, extra={**where, "event": "error", "error": str(exc)})
            return
        log.info("answer sent", extra={**where, "event": "answer"})

    async def request_for(self, message: Message) -> Request | None:
        """The Request a message makes, or None when a group message is not addressed to the bot."""
        chat, user = message.chat, message.from_user
        username = self.application.bot.username
        command, args = parse_command(message.text or "", username)
        private = chat.type == ChatType.PRIVATE
        replied = message.reply_to_message
        to_bot = bool(replied and replied.from_user and replied.from_user.id == self.application.bot.id)
        mention = re.compile(rf"@{re.escape(username)}\b", re.IGNORECASE) if username else None
        mentioned = command is None and mention is not None and bool(mention.search(message.text or ""))
        if not (private or command or to_bot or mentioned):
            return None
        if mentioned and mention is not None:
            command, args = parse_command(mention.sub(" ", message.text or "").strip(), username)
        reply_to_text = None
        if replied is not None and not to_bot:
            reply_to_text = replied.text or replied.caption
        request = Request(
            platform="telegram", chat_id=str(chat.id), user_id=str(user.id if user else ""),
            text=message.text or "", command=command, args=args,
            thread_id=str(message.message_thread_id) if message.is_topic_message else None,
            reply_to_text=reply_to_text, is_group=not private)
        if private or command not in ADMIN_COMMANDS:
            return request
        is_admin, rule = await self.admin(message)
        return replace(request, is_admin=is_admin, admin_rule=rule)

    async def admin(self, message: Message) -> tuple[bool, str]:
        """Whether the sender may change this group's digest, and who may (in words).

        With CLIPDESK_ADMINS set, only those users; otherwise the chat's Telegram administrators,
        including an administrator posting anonymously as the group itself.
        """
        chat, user = message.chat, message.from_user
        anonymous = message.sender_chat is not None and message.sender_chat.id == chat.id
        if self.settings.admins:
            listed = not anonymous and user is not None and self.settings.is_admin(user.id)
            return listed, LISTED_ADMINS + (ANONYMOUS if anonymous else "")
        if anonymous:
            return True, CHAT_ADMINS
        admins = await self.members.admins(str(chat.id))
        return user is not None and str(user.id) in admins, CHAT_ADMINS

    async def on_inline_query(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.inline_query
        if query is None:
            return
        words = query.query.strip()
        snippets: tuple = ()
        request = Request(platform="telegram", chat_id=f"inline:{query.from_user.id}",
                          user_id=str(query.from_user.id), text=words, command="quote", args=words)
        if words and (await self.access.admit(request)).answer:
            snippets = (await handle_async(request, self.store)).snippets[:INLINE_RESULTS]
        results = [
            InlineQueryResultArticle(
                id=str(n), title=f"{s.speaker or 'Unattributed'}: {s.text[:80]}", description=citation(s),
                input_message_content=InputTextMessageContent(
                    render_html(Reply(text="", snippets=(s,)))[0].strip(), parse_mode=ParseMode.HTML,
                    link_preview_options=NO_PREVIEW))
            for n, s in enumerate(snippets)]
        # With an allow-list, Telegram must not hand one user's cached results to another.
        await query.answer(results, cache_time=60, is_personal=bool(self.settings.allowed_chats))
        log.info("inline answer sent (%d results)", len(results),
                 extra={"platform": "telegram", "user": str(query.from_user.id), "event": "inline"})

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log every failure with where it happened; the bot keeps serving."""
        chat = update.effective_chat.id if isinstance(update, Update) and update.effective_chat else None
        log.error("telegram update failed: %s", context.error, exc_info=context.error,
                  extra={"platform": "telegram", "chat": chat, "event": "error"})
