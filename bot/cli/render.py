"""Plain terminal text: a Reply, a one-line answer for JSON output, and the lines of the CLI listings."""

from __future__ import annotations

import textwrap

from clipdesk.handlers.cite import citation
from clipdesk.handlers.events import when
from clipdesk.handlers.sources import Source
from clipdesk.handlers.types import Reply, Snippet

WIDTH = 88
DOT = " \u00b7 "


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


def quote_lines(row: dict) -> str:
    """One quotation of `clipdesk quotes`: the words, then speaker, outlet, date and source."""
    facts = (row["speaker"] or "unattributed", row["outlet"] or "outlet unknown",
             row["published"] or "date unknown", row["source"])
    return f"\u201c{row['text']}\u201d\n   \u2014 {DOT.join(facts)}\n"


def event_lines(row: dict) -> str:
    """One event of `clipdesk events`: when, what and where, who, then the summary and source."""
    where = f" in {row['place']}" if row["place"] else ""
    return (f"{when(row):<12} {row['kind']}{where}: {', '.join(row['participants'])}\n"
            f"             {row['summary']}\n             \u2014 {row['source']}\n")


def source_lines(s: Source) -> str:
    """One article of `clipdesk sources`: its file or URL, then title, outlet, date and counts."""
    facts = (s.title or "(untitled)", s.outlet or "outlet unknown", s.published or "date unknown",
             f"{s.quotes} quotes, {s.events} events")
    return f"{s.source}\n   {DOT.join(facts)}"
