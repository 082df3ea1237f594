"""A Reply as Telegram HTML messages: quotations in <blockquote>, citations in italics, within 4096."""

from __future__ import annotations

from html import escape

from clipdesk.handlers.types import Reply, Snippet

LIMIT = 4096
CHUNK = 600  # raw characters per piece of a long text; escaping at most quintuples it (&amp;)


def render_html(reply: Reply) -> list[str]:
    """The messages for a Reply, in order, each valid HTML within Telegram's 4096 characters."""
    blocks = [escape(piece, quote=False) for piece in _pieces(reply.text)]
    for s in reply.snippets:
        quoted = [f"<blockquote>{escape(piece, quote=False)}</blockquote>" for piece in _pieces(_body(s))]
        quoted[-1] += "\n" + _citation(s)
        blocks.extend(quoted)
    messages: list[str] = []
    current = ""
    for block in blocks:
        joined = f"{current}\n\n{block}" if current else block
        if len(joined) <= LIMIT:
            current = joined
        else:
            messages.append(current)
            current = block
    if current:
        messages.append(current)
    return messages


def _body(s: Snippet) -> str:
    return f"\u201c{s.text}\u201d" if s.kind == "quote" else s.text


def _citation(s: Snippet) -> str:
    """<i>speaker · outlet · date</i> and a link to the source when there is a URL."""
    facts = " · ".join(escape(p) for p in (s.speaker, s.outlet or s.title, s.published) if p)
    line = f"<i>{facts}</i>" if facts else ""
    if s.url and s.url.startswith(("http://", "https://")):
        link = f'<a href="{escape(s.url, quote=True)}">{escape(s.title or s.source or s.url)}</a>'
    else:
        link = escape(s.source)
    return " \u2014 ".join(p for p in (line, link) if p)


def _pieces(text: str) -> list[str]:
    """`text` cut at paragraph, then line, then word boundaries into pieces of at most CHUNK."""
    pieces: list[str] = []
    for paragraph in text.split("\n\n"):
        while len(paragraph) > CHUNK:
            cut = paragraph.rfind("\n", 0, CHUNK)
            if cut <= 0:
                cut = paragraph.rfind(" ", 0, CHUNK)
            if cut <= 0:
                cut = CHUNK
            pieces.append(paragraph[:cut])
            paragraph = paragraph[cut:].lstrip()
        pieces.append(paragraph)
    merged: list[str] = []
    for piece in pieces:
        if merged and len(merged[-1]) + len(piece) + 2 <= CHUNK:
            merged[-1] += "\n\n" + piece
        else:
            merged.append(piece)
    return merged or [""]
