"""The help text and the command list that platforms show to users."""

from __future__ import annotations

from clipdesk.handlers.types import Reply, Request
from clipdesk.store.store import Store

COMMANDS: tuple[tuple[str, str], ...] = (
    ("ask", "Ask a question about the coverage"),
    ("quote", "Quotations by a speaker and/or words: /quote shoigu zero"),
    ("who", "Who said a phrase: /who below zero"),
    ("events", "Timeline of meetings, calls, visits: /events wallace"),
    ("sources", "What coverage is indexed"),
    ("subscribe", "Daily digest: /subscribe 08:00 Europe/London [topics] [-excluded]"),
    ("unsubscribe", "Stop the daily digest"),
    ("subscription", "Show this chat's digest settings"),
    ("digest", "Preview today's digest now"),
    ("feeds", "Feeds followed; admins: /feeds add URL [30m], /feeds remove NAME"),
    ("add", "Admins: index an article page now: /add URL"),
    ("help", "How to use clipdesk"),
)

HELP = """clipdesk answers questions about the news coverage it has indexed, always with the source.

Just ask, e.g. "What did Shoigu say about cooperation with London?"

Commands:
{commands}

Every answer names the speaker, the outlet, the date (where the article gives it) and the source."""


def help_text() -> str:
    """The full help text."""
    lines = "\n".join(f"/{name} — {desc}" for name, desc in COMMANDS)
    return HELP.format(commands=lines)


def handle_help(request: Request, store: Store) -> Reply:
    """Answer /help and /start."""
    return Reply(text=help_text(), thread_id=request.thread_id, found=True)
