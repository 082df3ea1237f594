"""Feed commands: /feeds lists the feeds followed (for everyone); admins add and remove feeds, /add pages."""

from __future__ import annotations

from clipdesk.handlers.digest import command
from clipdesk.handlers.following import add_page_soon, fetcher, follow
from clipdesk.handlers.types import Reply, Request
from clipdesk.store.delivery.feeds import (
    DEFAULT_EVERY,
    Feed,
    FeedError,
    describe_every,
    list_feeds,
    parse_every,
    remove_feed,
)
from clipdesk.store.store import Store

MAX_LISTED = 30
ADD_WAIT = 8.0  # seconds /add waits for a page before answering that it is still coming
ADMINS_ONLY = "Only clipdesk's admins may {what}."


def _url(word: str) -> str:
    """A URL as typed, or as Slack wraps it: <https://x.example/a> or <https://x.example/a|x.example/a>."""
    return word.strip("<>").split("|", 1)[0]


def _line(feed: Feed) -> str:
    head = f"{feed.name} — {feed.url} (every {describe_every(feed.every)})"
    pages = f"; {feed.pages_failing} page{'s' * (feed.pages_failing != 1)} not stored yet" \
        if feed.pages_failing else ""
    if feed.failing:
        return f"⚠ {head}: failing ({feed.failures}x): {feed.last_error}{pages}"
    return f"• {head}" + ("" if feed.last_ok else ": not polled yet") + pages


def _listing(request: Request, db: Store) -> Reply:
    feeds = list_feeds(db)
    if not feeds:
        return Reply(text=f"No feeds are followed yet. Admins can add one with "
                          f"{command(request.platform, 'feeds')} add URL", thread_id=request.thread_id)
    failing = sum(f.failing for f in feeds)
    lines = [_line(f) for f in feeds[:MAX_LISTED]]
    if len(feeds) > MAX_LISTED:
        lines.append(f"… and {len(feeds) - MAX_LISTED} more (clipdesk feeds list shows them all).")
    lead = f"{len(feeds)} feed{'s' * (len(feeds) != 1)} followed"
    lead += f", {failing} failing" if failing else ""
    return Reply(text=lead + ":\n" + "\n".join(lines), thread_id=request.thread_id, found=True)


def _add(request: Request, db: Store, words: list[str]) -> Reply:
    usage = f"Usage: {command(request.platform, 'feeds')} add URL [30m|2h|1d] [name]"
    if not words:
        return Reply(text=usage, thread_id=request.thread_id)
    url, rest = _url(words[0]), words[1:]
    try:
        every = parse_every(rest[0]) if rest and rest[0][:1].isdigit() else None
        name = " ".join(rest[1:] if every else rest) or None
        feed = follow(db, fetcher(), url, name, every or DEFAULT_EVERY)
    except (FeedError, ValueError) as exc:
        return Reply(text=f"Not added: {exc}\n{usage}", thread_id=request.thread_id)
    return Reply(text=f"Following {feed.name} ({feed.url}) every {describe_every(feed.every)}; "
                      "its new articles are indexed at each poll.", thread_id=request.thread_id, found=True)


def _remove(request: Request, db: Store, words: list[str]) -> Reply:
    if not words:
        return Reply(text=f"Usage: {command(request.platform, 'feeds')} remove NAME",
                     thread_id=request.thread_id)
    removed = remove_feed(db, " ".join(words).strip("<>"))
    if removed is None:
        return Reply(text=f"No feed is named {' '.join(words)!r}. {command(request.platform, 'feeds')} "
                          "lists them.", thread_id=request.thread_id)
    return Reply(text=f"Stopped following {removed.name}; its articles stay indexed.",
                 thread_id=request.thread_id, found=True)


def handle_feeds(request: Request, db: Store) -> Reply:
    """/feeds: the feeds followed (failing ones with their last error); /feeds add URL, /feeds remove NAME."""
    action, *words = request.args.split() or ["list"]
    action = action.lower()
    if action == "list":
        return _listing(request, db)
    if action not in ("add", "remove"):
        return Reply(text=f"I don't know /feeds {action}. Try {command(request.platform, 'feeds')}, "
                          "or (admins) add URL / remove NAME.", thread_id=request.thread_id)
    if not request.is_admin:
        return Reply(text=ADMINS_ONLY.format(what=f"{action} feeds"), thread_id=request.thread_id)
    return _add(request, db, words) if action == "add" else _remove(request, db, words)


def handle_add(request: Request, db: Store) -> Reply:
    """/add URL: fetch an article page now and index it (admins only)."""
    if not request.is_admin:
        return Reply(text=ADMINS_ONLY.format(what="add pages"), thread_id=request.thread_id)
    words = request.args.split()
    if len(words) != 1:
        return Reply(text=f"Usage: {command(request.platform, 'add')} URL (one article page)",
                     thread_id=request.thread_id)
    url = _url(words[0])
    try:
        outcome = add_page_soon(db, fetcher(), url, ADD_WAIT)
    except ValueError as exc:
        return Reply(text=f"Not added: {exc}", thread_id=request.thread_id)
    if outcome is None:
        return Reply(text=f"Still fetching {url} (the site is slow); it is indexed as soon as it arrives, "
                          f"and {command(request.platform, 'sources')} lists it then.",
                     thread_id=request.thread_id)
    if outcome.status == "error":
        return Reply(text=f"Not added: {outcome.message}", thread_id=request.thread_id)
    row = db.execute("SELECT title, outlet, COALESCE(published, published_text) FROM articles WHERE id = ?",
                     [outcome.article_id]).fetchone()
    title, outlet, published = row if row else (None, None, None)
    about = " · ".join(filter(None, (title or "untitled", outlet or "outlet unknown",
                                     published or "date unknown")))
    verb = {"added": "Added", "replaced": "Updated", "unchanged": "Already indexed"}[outcome.status]
    return Reply(text=f"{verb}: {about}. Ask about it now.", thread_id=request.thread_id, found=True)


FEED_COMMANDS = {"feeds": handle_feeds, "add": handle_add}
