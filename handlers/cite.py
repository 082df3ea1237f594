"""Turning store hits into cited Snippets."""

from __future__ import annotations

from clipdesk.handlers.types import Snippet
from clipdesk.store.index.search import Hit


def snippet(hit: Hit) -> Snippet:
    """The neutral Snippet for a store Hit, citation included."""
    return Snippet(
        kind=hit.kind, text=hit.text, speaker=hit.speaker, outlet=hit.outlet,
        published=hit.published, title=hit.title, url=hit.url, source=hit.source,
        score=hit.score,
    )


def citation(s: Snippet) -> str:
    """speaker · outlet · date · source, leaving out whatever is unknown."""
    parts = [s.speaker, s.outlet or s.title, s.published, s.url or s.source]
    return " · ".join(p for p in parts if p)
