"""Digest commands: subscribe, unsubscribe, subscription, digest (a preview that records nothing), and the
listing of every subscription with its last digest."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import available_timezones

from clipdesk.handlers.digest_compose import MAX_STORIES, compose_digest
from clipdesk.handlers.types import Reply, Request
from clipdesk.store.delivery.deliveries import latest_deliveries
from clipdesk.store.delivery.digest import newest_ingest, split_topics
from clipdesk.store.delivery.subscriptions import (
    DEFAULT_TIME,
    DEFAULT_TZ,
    FIRST_DIGEST_LOOKBACK,
    Subscription,
    get_subscription,
    list_subscriptions,
    subscribe,
    unsubscribe,
)
from clipdesk.store.store import Store

ADMIN_COMMANDS = frozenset({"subscribe", "unsubscribe"})  # in a group, only its admins may run these
ALWAYS = "always"  # the word that asks for a one-line notice on days with nothing new
MAX_TOPICS = 10
MAX_TOPIC_CHARS = 40
TIME_LIKE = re.compile(r"^\d{1,2}[:.h]\d{1,2}$|^\d{1,2}(am|pm)$", re.IGNORECASE)
TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class DigestArgsError(ValueError):
    """The /subscribe arguments cannot be understood; the message says why, with an example."""


@dataclass(frozen=True)
class DigestSettings:
    """What /subscribe asked for."""

    time: str = DEFAULT_TIME
    tz: str = DEFAULT_TZ
    topics: tuple[str, ...] = ()
    notify_empty: bool = False


def command(platform: str, name: str) -> str:
    """How a user types a command on this platform: /name, or /clipdesk name in Slack."""
    return f"/clipdesk {name}" if platform == "slack" else f"/{name}"


@cache
def _zones() -> dict[str, str]:
    return {zone.lower(): zone for zone in available_timezones()}


def _zone(word: str) -> str | None:
    """The IANA zone a word names: "UTC", or Area/Location (single-word legacy names like "Poland"
    are topics, not zones)."""
    if "/" not in word and word.upper() not in ("UTC", "GMT"):
        return None
    zone = _zones().get(word.lower())
    if zone is None:
        raise DigestArgsError(f"I don't know the time zone {word!r}. Use an IANA zone name such as "
                              "Europe/London, America/New_York or Asia/Tokyo (or UTC).")
    return zone


def parse_settings(args: str) -> DigestSettings:
    """[HH:MM] [Area/Location] [always] [topics...] [-excluded...] in any order; defaults 08:00 UTC,
    all coverage."""
    at, tz, notify, topics = DEFAULT_TIME, DEFAULT_TZ, False, []
    for word in args.split():
        if TIME_LIKE.match(word):
            match = TIME.match(word)
            if not match:
                raise DigestArgsError(f"{word!r} is not a time of day. Use 24-hour HH:MM, "
                                      "e.g. 08:00 or 17:30.")
            at = f"{int(match[1]):02d}:{match[2]}"
        elif (zone := _zone(word)) is not None:
            tz = zone
        elif word.lower() == ALWAYS:
            notify = True
        else:
            topic = re.sub(r"^\W+|\W+$", "", word.lower())[:MAX_TOPIC_CHARS]
            topic = f"-{topic}" if topic and word.startswith("-") else topic
            if topic and topic not in topics:
                topics.append(topic)
    if len(topics) > MAX_TOPICS:
        raise DigestArgsError(f"At most {MAX_TOPICS} topic words, please.")
    return DigestSettings(at, tz, tuple(topics), notify)


def describe(sub: Subscription) -> str:
    """A subscription in words."""
    wanted, excluded = split_topics(sub.topics)
    about = f"about {', '.join(wanted)}" if wanted else "all new coverage"
    about += f" except what names {', '.join(excluded)}" if excluded else ""
    empty = ("a one-line notice on days with nothing new" if sub.notify_empty
             else "nothing on days with nothing new")
    return f"a daily digest at {sub.time} {sub.tz}, {about}; {empty}"


def refusal(request: Request) -> Reply:
    """Why this user may not change this chat's digest, saying who may."""
    return Reply(text=f"Only {request.admin_rule} may change this chat's digest subscription.",
                 thread_id=request.thread_id)


def handle_subscribe(request: Request, store: Store) -> Reply:
    """/subscribe [HH:MM] [Area/Location] [always] [topics...]: create or update this chat's digest."""
    cmd = command(request.platform, "subscribe")
    if request.is_group and not request.is_admin:
        return refusal(request)
    try:
        settings = parse_settings(request.args)
    except DigestArgsError as exc:
        return Reply(text=f"{exc}\nExample: {cmd} 08:00 Europe/London shoigu nato -football",
                     thread_id=request.thread_id)
    sub = subscribe(store, request.platform, request.chat_id, request.thread_id, at=settings.time,
                    tz=settings.tz, topics=settings.topics, notify_empty=settings.notify_empty)
    hint = "" if settings.notify_empty else f" Add `{ALWAYS}` to be told when there is nothing new."
    return Reply(text=f"Subscribed: {describe(sub)}.{hint} "
                      f"{command(request.platform, 'unsubscribe')} stops it; "
                      f"{command(request.platform, 'digest')} shows today's digest now.",
                 thread_id=request.thread_id, found=True)


def handle_unsubscribe(request: Request, store: Store) -> Reply:
    """/unsubscribe: stop this chat's digest."""
    if request.is_group and not request.is_admin:
        return refusal(request)
    stopped = unsubscribe(store, request.platform, request.chat_id, request.thread_id)
    text = ("Unsubscribed: no more daily digests here." if stopped
            else "This chat has no daily digest to stop.")
    return Reply(text=text, thread_id=request.thread_id, found=stopped)


def handle_subscription(request: Request, store: Store) -> Reply:
    """/subscription: what this chat's digest is set to."""
    sub = get_subscription(store, request.platform, request.chat_id, request.thread_id)
    if sub is None or not sub.active:
        return Reply(text=f"No daily digest here. Start one with e.g. "
                          f"{command(request.platform, 'subscribe')} 08:00 Europe/London",
                     thread_id=request.thread_id)
    return Reply(text=f"This chat gets {describe(sub)}.", thread_id=request.thread_id, found=True)


def handle_digest(request: Request, store: Store) -> Reply:
    """/digest: what the next digest would hold now; it records nothing, so the scheduled one still comes.

    /digest all: every story of the last day (and since the last digest), none left out."""
    sub = get_subscription(store, request.platform, request.chat_id, request.thread_id)
    now = datetime.now(UTC)
    every = request.args.strip().lower() == "all"
    day_ago = (now - FIRST_DIGEST_LOOKBACK).isoformat(timespec="microseconds")
    if sub is not None and sub.active:
        after, topics, day = sub.cursor, sub.topics, sub.local_date(now)
        after = min(after or day_ago, day_ago) if every else after
    else:
        after, topics, day = day_ago, (), now.date()
    reply = compose_digest(store, after, newest_ingest(store), day, topics, thread_id=request.thread_id,
                           limit=None if every else MAX_STORIES,
                           more=f"{command(request.platform, 'digest')} all")
    if reply is None:
        since = ("the last digest" if sub is not None and sub.active
                 else f"the last {_hours(FIRST_DIGEST_LOOKBACK)}")
        return Reply(text=f"Nothing new since {since}.", thread_id=request.thread_id)
    return reply


def subscription_rows(store: Store, active_only: bool = True) -> list[dict]:
    """Every subscription (only the active ones unless `active_only` is False) with its last digest."""
    last = {sub_id: (d.local_date, d.state) for sub_id, d in latest_deliveries(store).items()}
    return [{"target": s.target, "platform": s.platform, "chat_id": s.chat_id,
             "thread_id": s.thread_id or None, "time": s.time, "tz": s.tz, "topics": list(s.topics),
             "notify_empty": s.notify_empty, "active": s.active,
             "last_digest": last.get(s.id, (None, None))[0], "last_state": last.get(s.id, (None, None))[1]}
            for s in list_subscriptions(store, active_only=active_only)]


def _hours(span: timedelta) -> str:
    return f"{int(span.total_seconds() // 3600)} hours"


DIGEST_COMMANDS = {
    "subscribe": handle_subscribe,
    "unsubscribe": handle_unsubscribe,
    "subscription": handle_subscription,
    "digest": handle_digest,
}
