"""Polling one feed: a conditional GET, its entries parsed with feedparser, each new story stored once."""

from __future__ import annotations

import calendar
import html
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urljoin

import feedparser

from clipdesk.store.delivery.feeds import (
    DEFAULT_EVERY,
    Feed,
    FeedError,
    add_feed,
    article_at,
    canonical_url,
    entry_done,
    mark_entry,
    record_failure,
    record_success,
)
from clipdesk.store.fetch import HTML_TYPES, XML_TYPES, Fetcher, FetchError
from clipdesk.store.index.schema import transaction
from clipdesk.store.ingest import store_parsed
from clipdesk.store.pages import fetch_page, parse_page
from clipdesk.store.prepare import Parsed
from clipdesk.store.text.article import NotAnArticle

if TYPE_CHECKING:
    from clipdesk.store.store import Store

log = logging.getLogger(__name__)

FULL_TEXT_WORDS = 120  # an entry carrying at least this many words of content is used without its page
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_FEED_TYPE = re.compile(r"application/(?:rss|atom)\+xml", re.IGNORECASE)
_HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


class BrokenFeed(ValueError):
    """The document is not a feed clipdesk can read; the message says why in one line."""


@dataclass(frozen=True)
class Entry:
    """One feed entry: its id, link and what it says about its article."""

    guid: str
    link: str
    title: str | None
    published: str | None  # ISO 8601 UTC, only when the entry gives a date
    outlet: str | None  # the entry's <source>, else the feed's title
    content: str | None  # full HTML content, when the entry carries some

    def hints(self) -> dict[str, str | None]:
        return {"title": self.title, "published": self.published, "outlet": self.outlet}


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    entries: tuple[Entry, ...]


def parse_feed(body: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """RSS 0.9x/1.0/2.0 or Atom bytes as entries (duplicate ids once); raise BrokenFeed."""
    if b"<!ENTITY" in body[:65536].upper():
        raise BrokenFeed("the feed declares XML entities; refused")
    parsed = feedparser.parse(body, response_headers={"content-type": content_type or "application/xml",
                                                      "content-location": url})
    title = " ".join(parsed.feed.get("title", "").split()) or None
    entries: dict[str, Entry] = {}
    for item in parsed.entries:
        link = (item.get("link") or "").strip()
        if not link.startswith(("http://", "https://")):
            continue
        guid = (item.get("id") or link).strip()
        if guid in entries:
            continue
        source = item.get("source") or {}
        entries[guid] = Entry(guid, link, " ".join(html.unescape(item.get("title", "")).split()) or None,
                              _iso(item.get("published_parsed") or item.get("updated_parsed")),
                              " ".join(source.get("title", "").split()) or title, _content(item))
    if not entries and (parsed.bozo or not parsed.version):
        offered = _offered_feed(body, url)
        if offered:
            raise BrokenFeed(f"this is a web page, not a feed; it names its feed: {offered}")
        why = parsed.get("bozo_exception") or "no RSS or Atom in it"
        raise BrokenFeed(f"not a readable feed ({why})")
    return ParsedFeed(title, tuple(entries.values()))


def _offered_feed(body: bytes, url: str) -> str | None:
    """The feed a web page names in <link rel="alternate" type="application/rss+xml|atom+xml" href>."""
    for tag in _LINK_TAG.findall(body[:200_000].decode("utf-8", errors="replace")):
        if "alternate" in tag.lower() and _FEED_TYPE.search(tag) and (href := _HREF.search(tag)):
            return urljoin(url, html.unescape(href.group(1)))
    return None


def _iso(struct: object) -> str | None:
    if not struct:
        return None
    return datetime.fromtimestamp(calendar.timegm(struct), UTC).isoformat()  # type: ignore[arg-type]


def _content(item: feedparser.FeedParserDict) -> str | None:
    """The entry's full content (content:encoded, Atom content), when it is long enough to be the article."""
    for part in item.get("content") or ():
        value = part.get("value") or ""
        if len(value.split()) >= FULL_TEXT_WORDS:
            return value
    return None


@dataclass
class PollResult:
    """What one poll of one feed did."""

    feed: Feed
    not_modified: bool = False
    added: list[str] = field(default_factory=list)  # article ids
    known: int = 0  # entries whose story was already stored (another feed, a re-post, a re-link)
    errors: list[str] = field(default_factory=list)  # one line per entry that failed
    error: str | None = None  # the feed itself failed

    @property
    def summary(self) -> str:
        if self.error:
            return f"{self.feed.name}: failed: {self.error}"
        if self.not_modified:
            return f"{self.feed.name}: not modified"
        failed = f", {len(self.errors)} failed" if self.errors else ""
        return f"{self.feed.name}: {len(self.added)} new, {self.known} already stored{failed}"


def poll_feed(db: Store, fetcher: Fetcher, feed: Feed, now: datetime | None = None,
              stopped: Callable[[], bool] = lambda: False) -> PollResult:
    """Poll one feed now; every failure is recorded on the feed (or its entry), never raised.

    When `stopped()` turns true the entries not yet taken are left for the next poll."""
    result = PollResult(feed)
    try:
        fetched = fetcher.fetch(feed.url, accept=XML_TYPES | HTML_TYPES, etag=feed.etag,
                                last_modified=feed.last_modified)
        if fetched.not_modified:
            record_success(db, feed, not_modified=True, now=now)
            result.not_modified = True
            return result
        parsed = parse_feed(fetched.body, fetched.url, fetched.content_type)
    except (FetchError, BrokenFeed) as exc:
        result.error = str(exc) if isinstance(exc, FetchError) else f"{feed.url}: {exc}"
        record_failure(db, feed, result.error, getattr(exc, "retry_after", None), now)
        return result
    except Exception as exc:  # a feed must never stop the others
        log.exception("polling %s failed", feed.url)
        result.error = f"{feed.url}: {type(exc).__name__}: {exc}"
        record_failure(db, feed, result.error, None, now)
        return result
    interrupted = False
    for entry in parsed.entries:
        if stopped():
            interrupted = True
            break
        _take(db, fetcher, feed, entry, result, now)
    done = not result.errors and not interrupted
    record_success(db, feed, title=parsed.title, etag=fetched.etag if done else None,
                   last_modified=fetched.last_modified if done else None, now=now)
    return result


def _take(db: Store, fetcher: Fetcher, feed: Feed, entry: Entry, result: PollResult,
          now: datetime | None) -> None:
    """Store one entry's article unless it is stored already (by this entry, or under its URL)."""
    if entry_done(db, feed, entry.guid):
        return
    url = canonical_url(entry.link)
    known = article_at(db, url)
    if known is None:
        try:
            parsed = _article(fetcher, entry)
        except (FetchError, NotAnArticle) as exc:
            message = str(exc) if isinstance(exc, FetchError) else f"{entry.link}: no article in it ({exc})"
            _failed(db, feed, entry, url, message, result, now)
            return
        except Exception as exc:  # odd markup tripping a rule must not stop the feed
            log.exception("parsing %s failed", entry.link)
            _failed(db, feed, entry, url, f"{entry.link}: could not be parsed ({type(exc).__name__})",
                    result, now)
            return
        url = canonical_url(parsed.article.url or url)
        known = article_at(db, url)
        if known is None:
            with transaction(db):
                stored = store_parsed(db, parsed)
                mark_entry(db, feed, entry.guid, url, stored.article_id, now=now)
            result.added.append(stored.article_id or "")
            return
    with transaction(db):
        mark_entry(db, feed, entry.guid, url, known, now=now)
    result.known += 1


def _failed(db: Store, feed: Feed, entry: Entry, url: str, message: str,
            result: PollResult, now: datetime | None) -> None:
    with transaction(db):
        mark_entry(db, feed, entry.guid, url, error=message, now=now)
    result.errors.append(message)


def _article(fetcher: Fetcher, entry: Entry) -> Parsed:
    """The entry's article: from its own full content, else (a summary-only entry) from its page."""
    if entry.content:
        title = f"<h1>{html.escape(entry.title)}</h1>" if entry.title else ""
        try:
            return parse_page(f"<html><body><article>{title}{entry.content}</article></body></html>",
                              entry.link, entry.hints())
        except NotAnArticle:
            pass
    return fetch_page(fetcher, entry.link, entry.hints())


def follow(db: Store, fetcher: Fetcher, url: str, name: str | None = None,
           every: int = DEFAULT_EVERY) -> Feed:
    """Start following a feed whose address the fetcher may reach; raise FeedError saying why not."""
    try:
        fetcher.check(url)
    except FetchError as exc:
        raise FeedError(str(exc)) from exc
    return add_feed(db, url, name, every)
