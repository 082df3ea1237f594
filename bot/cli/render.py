"""Rendering a Reply as plain terminal text, and a one-line answer for JSON output."""

from __future__ import annotations

import textwrap

from clipdesk.handlers.cite import citation
from clipdesk.handlers.types import Reply, Snippet

WIDTH = 88


def render_text(reply: Reply) -> str:
    """The whole reply as wrapped plain text: the lead, then each snippet and its citation."""
    blocks = [reply.text]
    for i, s in enumerate(reply.snippets, 1):
        body = f"\u201c{s.text}\u201d" if s.kind == "quote" else s.text
        wrapped = textwrap.fill(body, WIDTH, initial_indent=f"{i}. ", subsequent_indent="   ")
        blocks.append(f"{wrapped}\n   \u2014 {citation(s)}")
    return "\n\n".join(blocks)


def one_line(reply: Reply) -> str:
    """The answer in one line: the lead and the best snippet with its citation."""
    if not reply.snippets:
        return reply.text
    best: Snippet = reply.snippets[0]
    body = f"\u201c{best.text}\u201d" if best.kind == "quote" else best.text
    return f"{reply.text} {body} ({citation(best)})"
