"""Composing a daily digest as a neutral Reply: one heading per story, its outlets, quotations, events."""

from __future__ import annotations

from datetime import date

from rapidfuzz import fuzz

from clipdesk.handlers.types import Reply, Snippet
from clipdesk.store.delivery.digest import NewArticle, NewEvent, NewQuote, Story, whats_new
from clipdesk.store.store import Store

MAX_STORIES = 15
QUOTES_PER_STORY = 3
EVENTS_PER_STORY = 3
SAME_QUOTE = 90


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _about(topics: tuple[str, ...]) -> str:
    return f" about {', '.join(topics)}" if topics else ""


def _cite(article: NewArticle) -> dict:
    return {"outlet": article.outlet, "published": article.published, "title": article.title,
            "url": article.url, "source": article.source}


def _story_snippets(story: Story) -> list[Snippet]:
    lead, *others = story.articles
    snippets = [Snippet(kind="source", text=lead.title or lead.source, **_cite(lead))]
    snippets += [Snippet(kind="source", text=f"Also: {a.title or a.source}", **_cite(a)) for a in others]
    quotes: list[tuple[NewQuote, NewArticle]] = []
    for quote, article in sorted(((q, a) for a in story.articles for q in a.quotes),
                                 key=lambda qa: -qa[0].strength):
        if not any(fuzz.ratio(quote.text, kept.text) >= SAME_QUOTE for kept, _ in quotes):
            quotes.append((quote, article))
    snippets += [Snippet(kind="quote", text=q.text, speaker=q.speaker, **_cite(a))
                 for q, a in quotes[:QUOTES_PER_STORY]]
    events: dict[tuple, tuple[NewEvent, NewArticle]] = {}
    for article in story.articles:
        for event in article.events:
            events.setdefault((event.kind, event.date or event.summary, event.place), (event, article))
    for event, article in list(events.values())[:EVENTS_PER_STORY]:
        when = event.date or event.date_text
        snippets.append(Snippet(kind="event", text=f"{when}: {event.summary}" if when else event.summary,
                                **_cite(article)))
    return snippets


def digest_reply(stories: list[Story], day: date, topics: tuple[str, ...] = (),
                 thread_id: str | None = None) -> Reply:
    """The digest of `stories` for local `day`, at most MAX_STORIES of them."""
    articles = sum(len(s.articles) for s in stories)
    lead = (f"Daily digest, {_day(day)}: {articles} new article{'s' * (articles != 1)}{_about(topics)} "
            f"in {len(stories)} stor{'ies' if len(stories) != 1 else 'y'}.")
    if len(stories) > MAX_STORIES:
        lead += f" The first {MAX_STORIES} are below; /sources lists everything indexed."
    snippets = tuple(s for story in stories[:MAX_STORIES] for s in _story_snippets(story))
    return Reply(text=lead, snippets=snippets, thread_id=thread_id, found=True)


def nothing_new_reply(day: date, topics: tuple[str, ...] = (), thread_id: str | None = None) -> Reply:
    """The one line for a day with nothing new, for subscribers who asked for it."""
    return Reply(text=f"Daily digest, {_day(day)}: no new coverage{_about(topics)} since the last digest.",
                 thread_id=thread_id)


def compose_digest(store: Store, after: str | None, upto: str | None, day: date,
                   topics: tuple[str, ...] = (), notify_empty: bool = False,
                   thread_id: str | None = None) -> Reply | None:
    """The digest of what was ingested in (after, upto]; None when there is nothing to send."""
    stories = whats_new(store, after, upto, topics)
    if stories:
        return digest_reply(stories, day, topics, thread_id)
    return nothing_new_reply(day, topics, thread_id) if notify_empty else None
