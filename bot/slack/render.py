"""Rendering a Reply as Slack messages: Block Kit sections and contexts, a plain-text fallback, escaped."""

from __future__ import annotations

from clipdesk.handlers.types import Reply, Snippet

MAX_BLOCKS = 50
SECTION_CHARS = 3000
PART_CHARS = 300
URL_CHARS = 1000
MESSAGE_CHARS = 39_000
ELLIPSIS = "\u2026"
ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def escape(text: str) -> str:
    """Slack's three control characters escaped, so no text becomes a mention, a link or <!channel>."""
    return "".join(ESCAPES.get(c, c) for c in text)


def fit(text: str, limit: int) -> str:
    """`text` escaped, cut (with an ellipsis) so that the escaped form is at most `limit` characters."""
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    out, size = [], len(ELLIPSIS)
    for char in text:
        piece = ESCAPES.get(char, char)
        if size + len(piece) > limit:
            break
        out.append(piece)
        size += len(piece)
    return "".join(out).rstrip() + ELLIPSIS


def link(url: str | None, label: str) -> str | None:
    """<url|label> for a web address (mrkdwn); None for anything else."""
    if (not url or not url.startswith(("http://", "https://")) or len(url) > URL_CHARS
            or any(c in url for c in "<>| \n")):
        return None
    return f"<{url.replace('&', '&amp;')}|{escape(label)}>"


def citation_mrkdwn(s: Snippet) -> str:
    """speaker · outlet · date · <url|source>, leaving out whatever is unknown, every piece escaped."""
    parts = [fit(p, PART_CHARS) for p in (s.speaker, s.outlet or s.title, s.published) if p]
    where = s.url or s.source
    if where:
        parts.append(link(s.url, "source") or fit(where, PART_CHARS))
    return " \u00b7 ".join(parts)


def citation_plain(s: Snippet) -> str:
    """The citation as plain (escaped) fallback text, each piece cut to fit."""
    parts = [fit(p, PART_CHARS) for p in (s.speaker, s.outlet or s.title, s.published) if p]
    where = s.url or s.source
    if where:
        parts.append(fit(where, URL_CHARS))
    return " \u00b7 ".join(parts)


def snippet_body(s: Snippet) -> str:
    return f"\u201c{s.text}\u201d" if s.kind == "quote" else s.text


def quote_mrkdwn(s: Snippet) -> str:
    """The snippet as a mrkdwn block quote, within a section's text limit."""
    lines = fit(snippet_body(s), SECTION_CHARS - 40).splitlines() or [""]
    return "\n".join(f"&gt; {line}" if s.kind == "quote" else line for line in lines)


def section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def context(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def units(reply: Reply) -> list[tuple[list[dict], str]]:
    """The reply as (blocks, fallback text) pieces that must stay together in one message."""
    pieces = [([section(fit(reply.text, SECTION_CHARS))], fit(reply.text, SECTION_CHARS))]
    for s in reply.snippets:
        blocks = [section(quote_mrkdwn(s))]
        cite = citation_mrkdwn(s)
        if cite:
            blocks.append(context(cite))
        fallback = fit(snippet_body(s), SECTION_CHARS) + (f" \u2014 {citation_plain(s)}" if cite else "")
        pieces.append((blocks, fallback))
    return pieces


def render(reply: Reply) -> list[dict]:
    """Slack messages {"text", "blocks"} for a Reply: at most 50 blocks and ~40k characters each."""
    messages: list[dict] = []
    blocks: list[dict] = []
    texts: list[str] = []
    for unit_blocks, text in units(reply):
        size = sum(len(t) + 2 for t in texts)
        if blocks and (len(blocks) + len(unit_blocks) > MAX_BLOCKS or size + len(text) > MESSAGE_CHARS):
            messages.append({"text": "\n\n".join(texts), "blocks": blocks})
            blocks, texts = [], []
        blocks.extend(unit_blocks)
        texts.append(text)
    messages.append({"text": "\n\n".join(texts), "blocks": blocks})
    return messages
