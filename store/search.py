"""The retrieval core: a question in, ranked and cited evidence out (or an abstention)."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils


@dataclass(frozen=True)
class Hit:
    """One ranked piece of evidence with everything needed to cite it."""

    kind: str  # "quote" | "event" | "paragraph"
    text: str
    score: float
    article_id: str
    paragraph: int
    source: str  # the article's URL when known, else its file name
    speaker: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO when fully known, else the date as written
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class SearchResult:
    """Ranked hits, best first; `found` is False when the coverage has nothing relevant."""

    hits: tuple[Hit, ...] = field(default_factory=tuple)
    intent: str = "what"  # who | what | when | where

    @property
    def found(self) -> bool:
        return bool(self.hits)


def search(db: sqlite_utils.Database, question: str, k: int = 5) -> SearchResult:
    """Answer a free question with at most k hits, or none when nothing is relevant."""
    return SearchResult()


def find_quotes(db: sqlite_utils.Database, speaker: str | None = None, words: str | None = None,
                k: int = 5) -> list[Hit]:
    """Quotations by a speaker (fuzzy-matched) and/or containing words, best first."""
    return []


def who_said(db: sqlite_utils.Database, phrase: str, k: int = 5) -> list[Hit]:
    """Quotations that match a phrase, with their speakers, best first."""
    return []
