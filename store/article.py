"""Raw scraped text (plus optional sidecar metadata) in, a clean Article out."""

from __future__ import annotations

import hashlib

from store.model import Article


class NotAnArticle(ValueError):
    """The text holds no article (empty, or nothing left after boilerplate is dropped)."""


def article_id(raw: str) -> str:
    """The content hash that identifies an article: the same text is the same article."""
    return hashlib.sha256(raw.strip().encode("utf-8")).hexdigest()[:16]


def parse_article(raw: str, source: str, sidecar: dict | None = None) -> Article:
    """Clean `raw` and pull out its metadata; raise NotAnArticle when there is no article."""
    paragraphs = tuple(line.strip() for line in raw.splitlines() if line.strip())
    if not paragraphs:
        raise NotAnArticle("no article text")
    sidecar = sidecar or {}
    return Article(
        id=article_id(raw),
        source=source,
        paragraphs=paragraphs,
        title=sidecar.get("title"),
        outlet=sidecar.get("outlet"),
        url=sidecar.get("url"),
        published=sidecar.get("published"),
    )
