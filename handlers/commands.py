"""The one entry point every platform calls: route a Request to its handler, never raise; and, for async
adapters, the Store thread it runs on."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from clipdesk.handlers.ask import handle_ask
from clipdesk.handlers.digest import DIGEST_COMMANDS
from clipdesk.handlers.events import handle_events
from clipdesk.handlers.feeds import FEED_COMMANDS
from clipdesk.handlers.help import handle_help
from clipdesk.handlers.quotes import handle_quote, handle_who
from clipdesk.handlers.sources import handle_sources
from clipdesk.handlers.types import Reply, Request
from clipdesk.store.store import Store

log = logging.getLogger(__name__)

Handler = Callable[[Request, Store], Reply]

HANDLERS: dict[str, Handler] = {
    "start": handle_help,
    "help": handle_help,
    "ask": handle_ask,
    "quote": handle_quote,
    "quotes": handle_quote,
    "who": handle_who,
    "events": handle_events,
    "sources": handle_sources,
    **DIGEST_COMMANDS,
    **FEED_COMMANDS,
}
WRITES = frozenset({"subscribe", "unsubscribe"})  # the commands that change the store


def handle(request: Request, store: Store) -> Reply:
    """Answer one Request. Unknown commands and internal errors become polite replies."""
    command = (request.command or "ask").lower()
    handler = HANDLERS.get(command)
    if handler is None:
        return Reply(text=f"I don't know the command /{command}. Try /help.",
                     thread_id=request.thread_id)
    try:
        return handler(request, store)
    except Exception:
        log.exception("handler %s failed on %r", command, request.text[:200])
        return Reply(text="Sorry, something went wrong answering that. It has been logged.",
                     thread_id=request.thread_id)


def handle_async(request: Request, store: Store) -> Awaitable[Reply]:
    """`handle` off the event loop: on the store's worker thread for a command that writes, else on its
    reader's, so a long read (a digest preview, a big timeline) holds up no write and no redelivery
    check, and so no platform's ack."""
    if (request.command or "ask").lower() in WRITES:
        return store.run(handle, request, store)
    reader = store.reader
    return reader.run(handle, request, reader)


def parse_command(text: str, bot_username: str | None = None) -> tuple[str | None, str]:
    """Split "/quote@botname shoigu zero" into ("quote", "shoigu zero"); plain text is (None, text)."""
    stripped = (text or "").strip()
    if not stripped.startswith("/"):
        return None, stripped
    head, _, rest = stripped.partition(" ")
    name, _, at = head[1:].partition("@")
    if at and bot_username and at.lower() != bot_username.lower():
        return None, stripped
    return name.lower() or None, rest.strip()
