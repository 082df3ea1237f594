"""Plain records that the ingest pipeline produces before anything is written to SQLite."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """A cleaned article: metadata (None when unknown) and body paragraphs in order."""

    id: str
    source: str
    paragraphs: tuple[str, ...]
    title: str | None = None
    standfirst: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, only when fully known
    published_text: str | None = None  # the date as written, also partial ("January 27")
    byline: str | None = None
    dateline: str | None = None


@dataclass(frozen=True)
class Quote:
    """A quotation found in a paragraph and whoever it is attributed to (None if unknown)."""

    text: str
    paragraph: int
    speaker: str | None = None
    speaker_role: str | None = None
    cue: str | None = None
    partial: bool = False
    speaker_kind: str = "person"  # "person" | "institution"


@dataclass(frozen=True)
class Event:
    """Something that happened or is planned: a meeting, call, visit, invitation, conference, sanction..."""

    kind: str
    paragraph: int
    summary: str
    participants: tuple[str, ...] = field(default_factory=tuple)
    place: str | None = None
    date: str | None = None  # ISO date when it can be known
    date_text: str | None = None  # the words as written ("on Friday", "January 17")
    planned: bool = False  # announced, not yet done ("Hale will visit Riga next week")


@dataclass(frozen=True)
class Mention:
    """A person or institution named in an article, with the role written beside it."""

    name: str
    role: str | None = None
    kind: str = "person"  # "person" | "institution"
