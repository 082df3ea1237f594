"""Following feeds and adding pages: what the CLI, the chat commands and `serve`'s poller share."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime

from clipdesk.store.delivery.feeds import (
    DEFAULT_EVERY,
    Feed,
    FeedError,
    describe_every,
    due_feeds,
    find_feed,
    list_feeds,
    parse_every,
    remove_feed,
)
from clipdesk.store.delivery.opml import BadOpml, read_opml, write_opml
from clipdesk.store.feed_ingest import PollResult, follow, poll_feed
from clipdesk.store.fetch import Fetcher, FetchSettings
from clipdesk.store.ingest import Outcome
from clipdesk.store.pages import ingest_url
from clipdesk.store.store import Store

__all__ = ["BadOpml", "DEFAULT_EVERY", "Feed", "FeedError", "Fetcher", "Imported", "Outcome", "PollResult",
           "add_page_soon", "add_pages", "describe_every", "due_feeds", "export_opml", "fetcher", "follow",
           "followed",
           "import_opml", "parse_every", "poll_feeds", "poll_one", "unfollow"]


def fetcher(env: Mapping[str, str] | None = None) -> Fetcher:
    """A fetcher with the CLIPDESK_FETCH_* settings of `env` (the process environment when None);
    raise ValueError for a bad setting."""
    return Fetcher(FetchSettings.from_env(env))


def followed(store: Store) -> list[Feed]:
    """Every feed followed, by name."""
    return list_feeds(store)


def unfollow(store: Store, url_or_name: str) -> Feed | None:
    """Stop following a feed (its articles stay); the feed, or None when there was none."""
    return remove_feed(store, url_or_name)


def poll_feeds(store: Store, client: Fetcher, feeds: list[Feed] | None = None) -> list[PollResult]:
    """Poll the feeds (every one when None) one after another; a failing one never stops the rest."""
    return [poll_feed(store, client, feed) for feed in (list_feeds(store) if feeds is None else feeds)]


def poll_one(store: Store, client: Fetcher, feed: Feed, now: datetime | None = None,
             stopped: Callable[[], bool] = lambda: False) -> PollResult | None:
    """Poll one feed as it is in the store now; None when it was removed (or replaced) meanwhile."""
    current = find_feed(store, feed.url)
    if current is None or current.id != feed.id:
        return None
    return poll_feed(store, client, current, now, stopped)


@dataclass
class Imported:
    """What an OPML import did: feeds added, and a line for each one that was not."""

    added: int = 0
    listed: int = 0
    skipped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def import_opml(store: Store, client: Fetcher, data: bytes, every: int = DEFAULT_EVERY) -> Imported:
    """Follow every feed an OPML document lists; raise BadOpml for a document that is not one."""
    outlines = read_opml(data)
    done = Imported(listed=len(outlines))
    for outline in outlines:
        if find_feed(store, outline.url) is not None:
            done.skipped.append(f"already following {outline.url}")
            continue
        name = outline.name if outline.name and find_feed(store, outline.name) is None else None
        try:
            follow(store, client, outline.url, name, every)
            done.added += 1
        except FeedError as exc:
            done.errors.append(str(exc))
    return done


def export_opml(store: Store) -> str:
    """The feeds followed as an OPML document."""
    return write_opml(list_feeds(store))


def add_pages(store: Store, client: Fetcher, urls: list[str]) -> list[Outcome]:
    """Fetch and ingest each page; every problem is an error Outcome naming the URL."""
    return [ingest_url(store, client, url) for url in urls]


_PAGES = ThreadPoolExecutor(2, thread_name_prefix="clipdesk-page")


def _add_alone(path: str, client: Fetcher, url: str) -> Outcome:
    own = Store.open(path, upgrade=False)
    try:
        return ingest_url(own, client, url)
    finally:
        own.close()


def add_page_soon(store: Store, client: Fetcher, url: str, wait: float) -> Outcome | None:
    """Fetch and ingest one page on a thread and connection of its own, waiting at most `wait` seconds:
    its Outcome, or None while it is still coming (it is stored when it arrives). The caller (the
    store's worker, in chat) is held up `wait` seconds at most, whatever the site does. A store in
    memory, which no other connection sees, is written by the caller."""
    if store.path is None:
        return ingest_url(store, client, url)
    future = _PAGES.submit(_add_alone, str(store.path), client, url)
    try:
        return future.result(timeout=wait)
    except TimeoutError:
        return None
