"""Event extraction: meetings, talks, calls, visits, invitations, conferences, sanctions."""

from __future__ import annotations

from store.model import Article, Event


def extract_events(article: Article) -> list[Event]:
    """Every event the article reports, with participants, place and date where known."""
    return []
