"""The terminal adapter: `clipdesk chat`, talking to the same handlers the chat platforms use."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from clipdesk.bot.cli.render import render_text
from clipdesk.handlers.commands import handle, parse_command
from clipdesk.handlers.types import Request
from clipdesk.store.store import Store

QUIT = {"quit", "exit", "/quit", "/exit"}
GREETING = "clipdesk chat — ask about the coverage, /help for commands, Ctrl-D or /quit to leave."


def request_from_line(line: str) -> Request:
    """A terminal line as a neutral Request (commands start with a slash)."""
    command, args = parse_command(line)
    return Request(platform="terminal", chat_id="terminal", user_id="terminal", text=line,
                   command=command, args=args)


def chat(store: Store, lines: Iterable[str], out: Callable[[str], None]) -> None:
    """Answer each line until one says quit or the input ends."""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if line.lower() in QUIT:
            break
        out(render_text(handle(request_from_line(line), store)))
