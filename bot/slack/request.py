"""Slack message text into a neutral Request: mentions and escapes taken out, the command word found."""

from __future__ import annotations

import re

from clipdesk.handlers.commands import HANDLERS
from clipdesk.handlers.types import Request

SLACK_MARKUP = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")
UNESCAPES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


def plain_text(text: str, bot_user_id: str | None = None) -> str:
    """Slack message text as the user typed it: the bot's mention removed, links and mentions as
    their labels, &lt; &gt; &amp; decoded."""

    def label(match: re.Match[str]) -> str:
        target, name = match.group(1), match.group(2)
        if bot_user_id and target == f"@{bot_user_id}":
            return " "
        return name or target

    out = SLACK_MARKUP.sub(label, text or "")
    for escaped, char in UNESCAPES:
        out = out.replace(escaped, char)
    return " ".join(out.split())


def command_and_args(text: str) -> tuple[str | None, str]:
    """("quote", "shoigu") when the first word names a command (a leading slash is fine);
    (None, text) for a plain question."""
    first, _, rest = text.partition(" ")
    name = first.lstrip("/").lower()
    if name in HANDLERS:
        return name, rest.strip()
    return None, text


def slack_request(text: str, *, channel: str, user: str, is_admin: bool, thread_ts: str | None = None,
                  reply_to_text: str | None = None, command: str | None = None) -> Request:
    """The Request for `text` said by `user` in `channel` (DM channel ids start with D)."""
    name, args = (command, text) if command else command_and_args(text)
    return Request(platform="slack", chat_id=channel, user_id=user, text=text, command=name, args=args,
                   thread_id=thread_ts, reply_to_text=reply_to_text, is_admin=is_admin,
                   is_group=not channel.startswith("D"))
