"""Listings over the store: sources, quotations and the events timeline."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clipdesk.store.store import Store


@dataclass(frozen=True)
class Source:
    """An indexed article and how much was found in it."""

    source: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    quotes: int
    events: int
    ingested_at: str


def list_sources(db: Store) -> list[Source]:
    """Every indexed article, newest publication first (unknown dates last)."""
    rows = db.execute(
        """SELECT a.source, a.title, a.outlet, COALESCE(a.published, a.published_text), a.url,
                  (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id),
                  (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id), a.ingested_at
           FROM articles a ORDER BY a.published IS NULL, a.published DESC, a.source"""
    ).fetchall()
    return [Source(*row) for row in rows]


def list_quotes(db: Store, speaker_ids: list[int] | None = None) -> list[dict]:
    """Quotations in article order, optionally only those of some speakers; one-to-three-word
    fragments are phrases, not quotations, and are left out."""
    where, params = "", []
    if speaker_ids is not None:
        where = f"WHERE q.speaker_id IN ({','.join('?' * len(speaker_ids))})"
        params = list(speaker_ids)
    rows = db.execute(
        f"""SELECT q.text, q.speaker, q.speaker_role, COALESCE(a.url, a.source), a.outlet,
                   COALESCE(a.published, a.published_text), q.paragraph
            FROM quotes q JOIN articles a ON a.id = q.article_id {where}
            ORDER BY a.source, q.paragraph, q.id""",
        params,
    ).fetchall()
    keys = ("text", "speaker", "speaker_role", "source", "outlet", "published", "paragraph")
    from clipdesk.store.text.quotes import is_fragment  # the extraction rules, only when listing quotes

    return [dict(zip(keys, row, strict=True)) for row in rows if not is_fragment(row[0])]


def list_events(db: Store, article_ids: list[str] | None = None,
                person: str | None = None, place: str | None = None) -> list[dict]:
    """The events timeline: dated events in date order, then undated ones as written."""
    rows = db.execute(
        """SELECT e.kind, e.date, e.date_text, e.place, e.participants, e.summary, e.planned,
                  COALESCE(a.url, a.source), a.id, a.outlet
           FROM events e JOIN articles a ON a.id = e.article_id
           ORDER BY e.date IS NULL, e.date, a.source, e.paragraph"""
    ).fetchall()
    events = []
    for kind, date, date_text, ev_place, participants, summary, planned, source, aid, outlet in rows:
        names = json.loads(participants)
        if article_ids is not None and aid not in article_ids:
            continue
        if person is not None and person not in names:
            continue
        if place is not None and (ev_place or "").lower() != place.lower():
            continue
        events.append({
            "kind": kind, "date": date, "date_text": date_text, "place": ev_place,
            "participants": names, "summary": summary, "planned": bool(planned), "source": source,
            "outlet": outlet,
        })
    return events
