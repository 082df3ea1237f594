"""A Reply as Telegram HTML messages: quotations in <blockquote>, citations in italics, within 4096.

Telegram counts a message's length in UTF-16 code units, so that is what LIMIT is measured in here
(an emoji is two). Every piece of coverage in a citation (speaker, outlet, title, date, source) is cut
with an ellipsis to FACT_CHARS, and a link longer than URL_CHARS is not made, so any data fits.
"""

from __future__ import annotations

from html import escape

from clipdesk.handlers.types import Reply, Snippet

LIMIT = 4096
CHUNK = 600  # raw characters per piece of a long text; escaping at most quintuples it (&amp;)
FACT_CHARS = 200  # escaped length of one citation fact (a title, an outlet, a speaker...)
URL_CHARS = 1000  # escaped length of the longest link made
ELLIPSIS = "\u2026"


def render_html(reply: Reply) -> list[str]:
    """The messages for a Reply, in order, each valid HTML within Telegram's 4096 characters."""
    blocks = [escape(piece, quote=False) for piece in _pieces(reply.text)]
    for s in reply.snippets:
        quoted = [f"<blockquote>{escape(piece, quote=False)}</blockquote>" for piece in _pieces(_body(s))]
        cited = f"{quoted[-1]}\n{_citation(s)}"
        if units(cited) <= LIMIT:
            quoted[-1] = cited
        else:
            quoted.append(_citation(s))
        blocks.extend(quoted)
    messages: list[str] = []
    current = ""
    for block in blocks:
        joined = f"{current}\n\n{block}" if current else block
        if units(joined) <= LIMIT:
            current = joined
        else:
            messages.append(current)
            current = block
    if current:
        messages.append(current)
    return messages


def _body(s: Snippet) -> str:
    return f"\u201c{s.text}\u201d" if s.kind == "quote" else s.text


def units(text: str) -> int:
    """The length Telegram counts: UTF-16 code units (characters beyond the BMP count twice)."""
    return len(text) + sum(ord(c) > 0xFFFF for c in text)


def fit(text: str, limit: int = FACT_CHARS) -> str:
    """`text` HTML-escaped and cut (with an ellipsis) so the escaped form is at most `limit` units."""
    escaped = escape(text)
    if units(escaped) <= limit:
        return escaped
    out, size = [], units(ELLIPSIS)
    for char in text:
        piece = escape(char)
        if size + units(piece) > limit:
            break
        out.append(piece)
        size += units(piece)
    return "".join(out).rstrip() + ELLIPSIS


def _citation(s: Snippet) -> str:
    """<i>speaker · outlet · date</i> and a link to the source when there is a URL, each piece cut to fit."""
    facts = " · ".join(fit(p) for p in (s.speaker, s.outlet or s.title, s.published) if p)
    line = f"<i>{facts}</i>" if facts else ""
    href = escape(s.url, quote=True) if s.url else ""
    if s.url and s.url.startswith(("http://", "https://")) and units(href) <= URL_CHARS:
        link = f'<a href="{href}">{fit(s.title or s.source or s.url)}</a>'
    else:
        link = fit(s.source or s.url or "")
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
