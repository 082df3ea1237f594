"""The events handler: the timeline of meetings, calls, visits and more, or one person's or place's."""

from __future__ import annotations

from dataclasses import dataclass

from clipdesk.handlers.text import clip_question
from clipdesk.handlers.types import Reply, Request, Snippet
from clipdesk.store.index.listings import list_events
from clipdesk.store.index.people import recognise_people
from clipdesk.store.store import Store
from clipdesk.store.text.places import recognise_places

MAX_EVENTS = 15


@dataclass(frozen=True)
class Timeline:
    """The events about `about` (everything when empty), oldest first, undated last; `known` is False
    when `about` names no one and nowhere in the coverage."""

    events: list[dict]
    about: str = ""
    subject: str | None = None
    known: bool = True

    @property
    def scope(self) -> str:
        return f" involving {self.subject}" if self.subject else ""


def timeline(store: Store, about: str = "") -> Timeline:
    """The timeline, or the part of it involving the person or place `about` names."""
    about = clip_question(about)
    if not about:
        return Timeline(list_events(store))
    people = recognise_people(store, about)
    places = recognise_places(about)
    person = people[0].name if people else None
    place = places[0] if places and not person else None
    if person is None and place is None:
        return Timeline([], about, known=False)
    return Timeline(list_events(store, person=person, place=place), about, person or place)


def when(event: dict) -> str:
    """An event's date, else its date as written, else that none is stated; 'planned' for what was
    announced rather than done."""
    date = event["date"] or event["date_text"] or "date not stated"
    return f"{date}, planned" if event["planned"] else date


def handle_events(request: Request, store: Store) -> Reply:
    """/events [person or place]: the timeline, oldest first, undated events last."""
    found = timeline(store, request.args)
    if not found.known:
        unknown = f"I don't know anyone or anywhere called \u201c{found.about}\u201d in the coverage."
        return Reply(text=unknown, thread_id=request.thread_id)
    if not found.events:
        return Reply(text=f"No events{found.scope} in the indexed coverage.", thread_id=request.thread_id)
    snippets = tuple(
        Snippet(kind="event", text=f"{when(e)} \u2014 {e['summary']}", outlet=e["outlet"],
                published=e["date"] or e["date_text"], source=e["source"],
                url=e["source"] if e["source"].startswith("http") else None)
        for e in found.events[:MAX_EVENTS]
    )
    more = f" (first {MAX_EVENTS} of {len(found.events)})" if len(found.events) > MAX_EVENTS else ""
    return Reply(text=f"Timeline{found.scope}{more}:", snippets=snippets, thread_id=request.thread_id,
                 found=True)
