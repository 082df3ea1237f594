"""Composing a daily digest as a neutral Reply: per story its headline, the outlets that covered it, its
strongest quotations and a dated event; the stories most outlets covered first, the rest counted."""

from __future__ import annotations

from datetime import date

from rapidfuzz import fuzz

from clipdesk.handlers.types import Reply, Snippet
from clipdesk.store.delivery.digest import NewArticle, NewEvent, NewQuote, Story, split_topics, whats_new
from clipdesk.store.store import Store

MAX_STORIES = 10
QUOTES_PER_STORY = 2
EVENTS_PER_STORY = 1
OUTLETS_NAMED = 6  # outlets listed under a headline; more are counted
SAME_QUOTE = 90


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _about(topics: tuple[str, ...]) -> str:
    wanted, excluded = split_topics(topics)
    about = f" about {', '.join(wanted)}" if wanted else ""
    return about + (f" (not {', '.join(excluded)})" if excluded else "")


def _cite(article: NewArticle) -> dict:
    return {"outlet": article.outlet, "published": article.published, "title": article.title,
            "url": article.url, "source": article.source}


def _covered_by(story: Story) -> str:
    outlets = story.outlets
    if story.reach < 2:
        return ""
    named = ", ".join(outlets[:OUTLETS_NAMED])
    more = story.reach - min(len(outlets), OUTLETS_NAMED)
    others = f"{' and ' if named else ''}{more} other{'s' * (more != 1)}" if more else ""
    return f" \u2014 covered by {named}{others}"


def _story_snippets(story: Story) -> list[Snippet]:
    lead = story.articles[0]
    snippets = [Snippet(kind="source", text=(lead.title or lead.source) + _covered_by(story), **_cite(lead))]
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
            if event.date or event.date_text:
                events.setdefault((event.kind, event.date or event.summary, event.place), (event, article))
    for event, article in list(events.values())[:EVENTS_PER_STORY]:
        when = event.date or event.date_text
        when = f"{when}, planned" if event.planned else when
        snippets.append(Snippet(kind="event", text=f"{when}: {event.summary}" if when else event.summary,
                                **_cite(article)))
    return snippets


def _stories(n: int) -> str:
    return f"{n} stor{'ies' if n != 1 else 'y'}"


def _more(n: int) -> str:
    return f"{n} more stor{'ies' if n != 1 else 'y'}"


def digest_reply(stories: list[Story], day: date, topics: tuple[str, ...] = (),
                 thread_id: str | None = None, limit: int | None = MAX_STORIES,
                 more: str = "/digest all") -> Reply:
    """The digest of `stories` for local `day`: the first `limit` of them (all when None); `more` is
    the command that shows them all."""
    articles = sum(len(s.articles) for s in stories)
    lead = (f"Daily digest, {_day(day)}: {articles} new article{'s' * (articles != 1)}{_about(topics)} "
            f"in {_stories(len(stories))}.")
    shown = stories if limit is None else stories[:limit]
    if len(shown) < len(stories):
        lead += (f" Below, the {len(shown)} covered by the most outlets; "
                 f"{_more(len(stories) - len(shown))} \u2014 {more}")
    snippets = tuple(s for story in shown for s in _story_snippets(story))
    return Reply(text=lead, snippets=snippets, thread_id=thread_id, found=True)


def nothing_new_reply(day: date, topics: tuple[str, ...] = (), thread_id: str | None = None) -> Reply:
    """The one line for a day with nothing new, for subscribers who asked for it."""
    return Reply(text=f"Daily digest, {_day(day)}: no new coverage{_about(topics)} since the last digest.",
                 thread_id=thread_id)


def compose_digest(store: Store, after: str | None, upto: str | None, day: date,
                   topics: tuple[str, ...] = (), notify_empty: bool = False,
                   thread_id: str | None = None, limit: int | None = MAX_STORIES,
                   more: str = "/digest all") -> Reply | None:
    """The digest of what was ingested in (after, upto]; None when there is nothing to send."""
    stories = whats_new(store, after, upto, topics)
    if stories:
        return digest_reply(stories, day, topics, thread_id, limit, more)
    return nothing_new_reply(day, topics, thread_id) if notify_empty else None
