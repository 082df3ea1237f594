"""Feed state: the feeds followed, when each is due, its validators and failures, and the entries seen."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from clipdesk.store.index.schema import transaction

if TYPE_CHECKING:
    from clipdesk.store.store import Store

DEFAULT_EVERY = 1800  # seconds
MIN_EVERY = 60
MAX_EVERY = 7 * 86400
MAX_BACKOFF = 86400  # a failing feed is still tried once a day
MAX_ENTRY_ATTEMPTS = 3  # an entry whose article cannot be stored after this many polls is given up
MAX_NAME_CHARS = 60
_EVERY = re.compile(r"^(\d+)\s*(s|m|min|h|d)?$", re.IGNORECASE)
# Query parameters that only say where a reader came from, never which article it is (utm_* too);
# ambiguous names (ref, src, cid, id...) stay, since dropping one could make two articles one.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid",
                                 "ocid", "cmpid", "ns_mchannel", "ns_source", "ns_campaign", "at_medium",
                                 "at_campaign", "ref_src", "smid"})
_UNIT = {"s": 1, "m": 60, "min": 60, "h": 3600, "d": 86400, None: 60}


class FeedError(ValueError):
    """A feed command that cannot be done (a duplicate, an unknown feed, a bad interval); says why."""


@dataclass(frozen=True)
class Feed:
    """A followed feed and how its polling is going."""

    id: int
    url: str
    name: str
    title: str | None
    every: int
    added_at: str
    last_poll: str | None
    last_ok: str | None
    etag: str | None
    last_modified: str | None
    failures: int
    last_error: str | None
    next_due: str
    pages_failing: int = 0  # entries whose article could not be stored yet (listings count them)

    @property
    def failing(self) -> bool:
        return self.failures > 0

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("name", "url", "title", "every", "last_poll", "last_ok",
                                               "failures", "last_error", "next_due", "pages_failing")}


def parse_every(text: str) -> int:
    """'30m', '2h', '1d', '90s' or a number of minutes, as seconds between MIN_EVERY and MAX_EVERY."""
    match = _EVERY.match(text.strip())
    if not match:
        raise FeedError(f"{text!r} is not an interval; use e.g. 30m, 2h or 1d")
    seconds = int(match[1]) * _UNIT[match[2].lower() if match[2] else None]
    if not MIN_EVERY <= seconds <= MAX_EVERY:
        raise FeedError(f"the interval must be between {MIN_EVERY // 60} minute and "
                        f"{MAX_EVERY // 86400} days")
    return seconds


def describe_every(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def canonical_url(url: str) -> str:
    """A URL as one article is known by: scheme and host in lower case, no default port, fragment or
    tracking parameters (utm_*, fbclid...)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    default = {"http": 80, "https": 443}.get(scheme)
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, default) else f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() not in TRACKING_PARAMETERS and not k.lower().startswith("utm_")]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def _iso(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


def _row(row: dict) -> Feed:
    return Feed(**{k: row[k] for k in Feed.__dataclass_fields__ if k in row})


def list_feeds(db: Store) -> list[Feed]:
    """Every followed feed, by name, with how many of its entries' articles could not be stored yet."""
    rows = db.execute(
        """SELECT f.*, (SELECT COUNT(*) FROM feed_entries e WHERE e.feed_id = f.id AND e.article_id IS NULL
                        AND e.attempts < ?) AS pages_failing
           FROM feeds f ORDER BY f.name""", [MAX_ENTRY_ATTEMPTS])
    columns = [d[0] for d in rows.description]
    return [_row(dict(zip(columns, r, strict=True))) for r in rows.fetchall()]


def find_feed(db: Store, url_or_name: str) -> Feed | None:
    """The feed with this URL or name (names case-insensitively)."""
    key = url_or_name.strip()
    rows = list(db["feeds"].rows_where("url = ? OR lower(name) = lower(?)",
                                       [canonical_url(key) if "://" in key else key, key]))
    return _row(rows[0]) if rows else None


def _default_name(db: Store, url: str) -> str:
    base = (urlsplit(url).netloc.lower().removeprefix("www.") or url)[:MAX_NAME_CHARS]
    taken = {n.lower() for (n,) in db.execute("SELECT name FROM feeds")}
    name, n = base, 1
    while name.lower() in taken:
        n += 1
        name = f"{base}-{n}"
    return name


def add_feed(db: Store, url: str, name: str | None = None, every: int = DEFAULT_EVERY,
             now: datetime | None = None) -> Feed:
    """Follow a feed (due at once); raise FeedError for a URL or name already followed."""
    url = canonical_url(url)
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise FeedError(f"{url!r} is not an http(s) URL")
    name = " ".join((name or "").split())[:MAX_NAME_CHARS]
    if name and "://" in name:
        raise FeedError("a feed's name cannot be a URL")
    with transaction(db):
        if find_feed(db, url) is not None:
            raise FeedError(f"already following {url}")
        if name and find_feed(db, name) is not None:
            raise FeedError(f"a feed is already named {name!r}")
        when = _iso(_now(now))
        db.table("feeds").insert({"url": url, "name": name or _default_name(db, url), "every": every,
                            "added_at": when, "next_due": when, "failures": 0})
    feed = find_feed(db, url)
    assert feed is not None
    return feed


def remove_feed(db: Store, url_or_name: str) -> Feed | None:
    """Stop following a feed (its articles stay); the feed removed, or None if there was none."""
    with transaction(db):
        feed = find_feed(db, url_or_name)
        if feed is not None:
            db.execute("DELETE FROM feed_entries WHERE feed_id = ?", [feed.id])
            db.execute("DELETE FROM feeds WHERE id = ?", [feed.id])
    return feed


def due_feeds(db: Store, now: datetime | None = None) -> list[Feed]:
    """The feeds whose next poll is due at `now`, the longest-waiting first."""
    return [_row(r) for r in db["feeds"].rows_where("next_due <= ?", [_iso(_now(now))], order_by="next_due")]


def record_success(db: Store, feed: Feed, *, title: str | None = None,
                   etag: str | None = None, last_modified: str | None = None, not_modified: bool = False,
                   now: datetime | None = None) -> None:
    """A poll that worked: clear the failures and schedule the next poll one interval on.

    Validators are kept only when given (pass None to drop them, so the next poll fetches in full)."""
    when = _now(now)
    changes: dict[str, object] = {"last_poll": _iso(when), "last_ok": _iso(when), "failures": 0,
                                  "last_error": None, "next_due": _iso(when + timedelta(seconds=feed.every))}
    if not not_modified:
        changes |= {"etag": etag, "last_modified": last_modified, "title": title or feed.title}
    with transaction(db):
        db.table("feeds").update(feed.id, changes)


def record_failure(db: Store, feed: Feed, error: str, retry_after: float | None = None,
                   now: datetime | None = None) -> Feed:
    """A poll that failed: count it, keep the error, and wait longer each time (doubling, up to a day),
    and at least as long as the server asked."""
    when = _now(now)
    failures = feed.failures + 1
    wait = min(feed.every * 2 ** min(failures - 1, 10), max(MAX_BACKOFF, feed.every))
    wait = max(wait, retry_after or 0)
    with transaction(db):
        db.table("feeds").update(feed.id, {"last_poll": _iso(when), "failures": failures,
                                           "last_error": error[:500],
                                           "next_due": _iso(when + timedelta(seconds=wait))})
    updated = find_feed(db, feed.url)
    assert updated is not None
    return updated


def entry_done(db: Store, feed: Feed, guid: str) -> bool:
    """True for an entry already stored, or given up on after MAX_ENTRY_ATTEMPTS."""
    row = db.execute("SELECT article_id, attempts FROM feed_entries WHERE feed_id = ? AND guid = ?",
                     [feed.id, guid]).fetchone()
    return row is not None and (row[0] is not None or row[1] >= MAX_ENTRY_ATTEMPTS)


def article_at(db: Store, url: str) -> str | None:
    """The article already stored for this canonical URL (from any feed, or ingested by URL)."""
    row = db.execute("SELECT id FROM articles WHERE url = ? OR source = ? LIMIT 1", [url, url]).fetchone()
    if row:
        return row[0]
    row = db.execute("SELECT article_id FROM feed_entries WHERE url = ? AND article_id IS NOT NULL LIMIT 1",
                     [url]).fetchone()
    return row[0] if row else None


def mark_entry(db: Store, feed: Feed, guid: str, url: str | None,
               article_id: str | None = None, error: str | None = None, now: datetime | None = None) -> None:
    """Record an entry as stored (its article) or as failed once more (its error)."""
    db.execute(
        """INSERT INTO feed_entries (feed_id, guid, url, article_id, attempts, error, seen_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (feed_id, guid) DO UPDATE SET url = excluded.url, article_id = excluded.article_id,
               attempts = attempts + excluded.attempts, error = excluded.error""",
        [feed.id, guid, url, article_id, int(article_id is None), error, _iso(_now(now))])

