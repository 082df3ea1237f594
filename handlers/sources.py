"""The sources handler: what coverage is indexed (for /sources, the Slack Home tab and the CLI)."""

from __future__ import annotations

from clipdesk.handlers.types import Reply, Request, Snippet
from clipdesk.store.index.listings import Source, list_sources
from clipdesk.store.store import Store

MAX_SOURCES = 30


def indexed(store: Store) -> list[Source]:
    """Every indexed article with what was found in it, newest publication first."""
    return list_sources(store)


def handle_sources(request: Request, store: Store) -> Reply:
    """/sources: the indexed articles, newest first."""
    sources = indexed(store)
    if not sources:
        return Reply(text="No coverage is indexed yet. Add some with `clipdesk ingest PATH`.",
                     thread_id=request.thread_id)
    snippets = tuple(
        Snippet(kind="source", text=s.title or s.source, outlet=s.outlet, published=s.published,
                title=s.title, url=s.url, source=s.url or s.source)
        for s in sources[:MAX_SOURCES]
    )
    quotes = sum(s.quotes for s in sources)
    events = sum(s.events for s in sources)
    return Reply(
        text=f"{len(sources)} articles indexed, with {quotes} quotations and {events} events:",
        snippets=snippets, thread_id=request.thread_id, found=True,
    )
