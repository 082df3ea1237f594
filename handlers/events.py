"""The events handler: a timeline of meetings, calls, visits and more, optionally filtered."""

from __future__ import annotations

from clipdesk.handlers.text import clip_question
from clipdesk.handlers.types import Reply, Request, Snippet
from clipdesk.store.index.listings import list_events
from clipdesk.store.index.people import recognise_people
from clipdesk.store.store import Store
from clipdesk.store.text.places import recognise_places

MAX_EVENTS = 15


def handle_events(request: Request, store: Store) -> Reply:
    """/events [person or place]: the timeline, oldest first, undated events last."""
    about = clip_question(request.args)
    person = place = None
    if about:
        people = recognise_people(store, about)
        places = recognise_places(about)
        person = people[0].name if people else None
        place = places[0] if places and not person else None
        if person is None and place is None:
            return Reply(text=f"I don't know anyone or anywhere called \u201c{about}\u201d in the coverage.",
                         thread_id=request.thread_id)
    events = list_events(store, person=person, place=place)
    if not events:
        scope = f" involving {person or place}" if about else ""
        return Reply(text=f"No events{scope} in the indexed coverage.", thread_id=request.thread_id)
    shown = events[:MAX_EVENTS]
    snippets = tuple(
        Snippet(kind="event", text=_line(e), outlet=e["outlet"], published=e["date"] or e["date_text"],
                source=e["source"], url=e["source"] if e["source"].startswith("http") else None)
        for e in shown
    )
    more = f" (first {MAX_EVENTS} of {len(events)})" if len(events) > MAX_EVENTS else ""
    scope = f" involving {person or place}" if about else ""
    return Reply(text=f"Timeline{scope}{more}:", snippets=snippets, thread_id=request.thread_id,
                 found=True)


def _line(event: dict) -> str:
    when = event["date"] or event["date_text"] or "date not stated"
    return f"{when} — {event['summary']}"
