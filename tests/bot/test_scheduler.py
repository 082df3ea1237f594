"""The digest scheduler with an injected clock: due times across zones and DST, catch-up, retries,
blocked chats, concurrency, stopping, and coverage ingested while it runs."""

from __future__ import annotations

import asyncio
import threading
import time
from datetime import UTC, date, datetime, timedelta

import pytest

from clipdesk.bot import scheduler as scheduler_module
from clipdesk.bot.health import Health
from clipdesk.bot.scheduler import Scheduler
from clipdesk.handlers.commands import handle
from clipdesk.handlers.digest_compose import compose_digest
from clipdesk.handlers.types import Request
from clipdesk.store.delivery.deliveries import get_delivery, pending_deliveries
from clipdesk.store.delivery.digest import newest_ingest
from clipdesk.store.delivery.subscriptions import get_subscription, subscribe
from clipdesk.store.store import Store
from tests.bot.test_digest_support import RecordingSender, add_article

LONG_AGO = datetime(2026, 1, 1, tzinfo=UTC)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


HEADLINES = ("Spending on defence budgets rises again", "Navy orders four new frigates",
             "Army recruitment falls short", "Air force retires its transport fleet",
             "Cyber command opens a northern base", "Veterans agency faces a funding review")


def story(db, when: datetime, n: int = 1, outlet: str = "Reuters") -> None:
    """`n` articles, each its own story."""
    for i in range(n):
        quote = f"Quote {i}: we will keep spending on defence for as long as it takes."
        add_article(db, f"{HEADLINES[i]} {when:%d %b}", outlet,
                    iso(when + timedelta(seconds=i)), quotes=((quote, "John Healey"),))


async def run_every(scheduler: Scheduler, start: datetime, end: datetime, step: timedelta) -> None:
    now = start
    while now <= end:
        await scheduler.run_due(now)
        now += step


async def test_each_zone_gets_its_digest_at_its_own_local_time(db):
    story(db, LONG_AGO)
    sender = RecordingSender()
    for chat, tz in (("london", "Europe/London"), ("tokyo", "Asia/Tokyo"), ("newyork", "America/New_York")):
        subscribe(db, "telegram", chat, at="08:00", tz=tz, notify_empty=True, now=LONG_AGO)
    scheduler = Scheduler(db, {"telegram": sender})
    deliveries: list[tuple[str, datetime]] = []
    now = utc(2026, 6, 1, 20, 0)  # summer time: Tokyo +9, London +1, New York -4
    while now <= utc(2026, 6, 2, 19, 0):
        before = {chat: len(parts) for chat, parts in sender.sent.items()}
        await scheduler.run_due(now)
        deliveries += [(chat, now) for chat, parts in sorted(sender.sent.items())
                       if len(parts) > before.get(chat, 0)]
        now += timedelta(minutes=1)
    # at start, London's and New York's 1 June digests were already due (caught up); then each 2 June one
    assert deliveries == [("london", utc(2026, 6, 1, 20, 0)), ("newyork", utc(2026, 6, 1, 20, 0)),
                          ("tokyo", utc(2026, 6, 1, 23, 0)), ("london", utc(2026, 6, 2, 7, 0)),
                          ("newyork", utc(2026, 6, 2, 12, 0))]


@pytest.mark.parametrize(("tz", "at", "day", "expected_utc"), [
    ("Europe/London", "01:30", (2026, 3, 29), utc(2026, 3, 29, 1, 30)),  # 01:30 does not exist: 02:30 BST
    ("Europe/London", "01:30", (2026, 10, 25), utc(2026, 10, 25, 0, 30)),  # 01:30 happens twice: the first
    ("America/New_York", "02:30", (2026, 3, 8), utc(2026, 3, 8, 7, 30)),
    ("America/New_York", "01:30", (2026, 11, 1), utc(2026, 11, 1, 5, 30)),
])
async def test_a_dst_change_day_still_brings_exactly_one_digest(db, tz, at, day, expected_utc):
    sender = RecordingSender()
    sub = subscribe(db, "telegram", "c1", at=at, tz=tz, notify_empty=True, now=LONG_AGO)
    scheduler = Scheduler(db, {"telegram": sender})
    start = datetime(*day, tzinfo=UTC) - timedelta(hours=12)
    assert (await scheduler.run_due(start)).sent == 1  # the day before's, caught up
    sent_at = []
    now = start + timedelta(minutes=5)
    while now <= start + timedelta(hours=35):
        summary = await scheduler.run_due(now)
        if summary.sent:
            sent_at.append(now)
        now += timedelta(minutes=5)
    assert sent_at == [expected_utc]
    assert get_delivery(db, sub.id, "-".join(f"{p:02d}" for p in day)).state == "sent"


async def test_after_downtime_only_todays_missed_digest_is_caught_up(db):
    story(db, LONG_AGO)
    subscribe(db, "telegram", "c1", at="08:00", tz="Europe/Berlin", now=LONG_AGO)
    sender = RecordingSender()
    scheduler = Scheduler(db, {"telegram": sender})
    # the process was down for three days and comes back at 15:00 Berlin time
    summary = await scheduler.run_due(utc(2026, 2, 10, 14, 0))
    assert summary.sent == 1 and len(sender.sent["c1"]) == 1
    await run_every(scheduler, utc(2026, 2, 10, 14, 1), utc(2026, 2, 10, 22, 59), timedelta(minutes=7))
    assert len(sender.sent["c1"]) == 1


async def test_a_subscription_made_after_its_time_starts_tomorrow(db):
    story(db, utc(2026, 2, 10, 9, 0))
    subscribe(db, "telegram", "c1", at="08:00", now=utc(2026, 2, 10, 10, 0))
    sender = RecordingSender()
    scheduler = Scheduler(db, {"telegram": sender})
    await scheduler.run_due(utc(2026, 2, 10, 10, 1))
    assert sender.sent == {}
    await scheduler.run_due(utc(2026, 2, 11, 8, 0))
    assert len(sender.sent["c1"]) == 1


async def test_nothing_new_sends_nothing_unless_asked_for_a_line(db):
    subscribe(db, "telegram", "quiet", now=LONG_AGO)
    subscribe(db, "telegram", "wants-line", notify_empty=True, now=LONG_AGO)
    sender = RecordingSender()
    summary = await Scheduler(db, {"telegram": sender}).run_due(utc(2026, 2, 10, 9, 0))
    assert "quiet" not in sender.sent
    assert len(sender.sent["wants-line"]) == 1 and "no new coverage" in sender.sent["wants-line"][0]
    assert summary.empty == 1 and summary.sent == 1


async def test_coverage_ingested_while_running_goes_into_the_next_digest_only(db):
    story(db, utc(2026, 2, 9, 12, 0))
    subscribe(db, "telegram", "c1", now=utc(2026, 2, 9, 1, 0))
    sender = RecordingSender()
    scheduler = Scheduler(db, {"telegram": sender})
    await scheduler.run_due(utc(2026, 2, 10, 8, 0))
    add_article(db, "Ministers agree new sanctions package on shipping", "BBC", iso(utc(2026, 2, 10, 12, 0)))
    await scheduler.run_due(utc(2026, 2, 10, 13, 0))  # same day: already sent
    await scheduler.run_due(utc(2026, 2, 11, 8, 0))
    first, second = sender.sent["c1"]
    assert "defence budgets" in first and "sanctions" not in first
    assert "sanctions" in second and "defence budgets" not in second


async def test_a_blocked_chat_is_switched_off_and_the_others_still_get_theirs(db):
    story(db, LONG_AGO)
    for chat in ("a", "blocked", "c"):
        subscribe(db, "telegram", chat, now=LONG_AGO)
    sender = RecordingSender(gone={"blocked"})
    scheduler = Scheduler(db, {"telegram": sender})
    summary = await scheduler.run_due(utc(2026, 2, 10, 8, 0))
    assert set(sender.sent) == {"a", "c"} and summary.gone == 1
    assert not get_subscription(db, "telegram", "blocked").active
    await scheduler.run_due(utc(2026, 2, 11, 8, 0))
    assert set(sender.sent) == {"a", "c"}


async def test_a_temporary_failure_is_retried_later_that_day_without_repeating_sent_parts(db):
    story(db, LONG_AGO, n=6)
    sub = subscribe(db, "telegram", "flaky", now=LONG_AGO)
    sender = RecordingSender(limit=200, failures={"flaky": 2}, fail_at={"flaky": 1})
    scheduler = Scheduler(db, {"telegram": sender})
    first = await scheduler.run_due(utc(2026, 2, 10, 8, 0))
    assert first.retry == 1 and len(sender.sent["flaky"]) == 1
    assert get_delivery(db, sub.id, "2026-02-10").parts_sent == 1
    await scheduler.run_due(utc(2026, 2, 10, 8, 1))
    await scheduler.run_due(utc(2026, 2, 10, 8, 2))
    parts = sender.sent["flaky"]
    expected = sender.render(compose_digest(db, sub.cursor, newest_ingest(db), date(2026, 2, 10)))
    assert parts == expected and len(parts) > 2
    assert get_delivery(db, sub.id, "2026-02-10").state == "sent"


async def test_a_digest_left_half_sent_yesterday_is_finished_but_an_unstarted_one_is_dropped(db):
    story(db, LONG_AGO, n=6)
    half = subscribe(db, "telegram", "half", now=LONG_AGO)
    unstarted = subscribe(db, "telegram", "unstarted", now=LONG_AGO)
    sender = RecordingSender(limit=200, failures={"half": 1, "unstarted": 1}, fail_at={"half": 1})
    scheduler = Scheduler(db, {"telegram": sender})
    await scheduler.run_due(utc(2026, 2, 10, 8, 0))  # both cut off; no retry before the day ends
    assert len(sender.sent["half"]) == 1 and sender.sent["unstarted"] == []
    summary = await scheduler.run_due(utc(2026, 2, 11, 7, 0))  # the next day, before its time
    assert summary.missed == 1 and get_delivery(db, unstarted.id, "2026-02-10").state == "failed"
    assert get_delivery(db, half.id, "2026-02-10").state == "sent"
    expected = sender.render(compose_digest(db, half.cursor, newest_ingest(db), date(2026, 2, 10)))
    assert sender.sent["half"] == expected and sender.sent["unstarted"] == []
    assert pending_deliveries(db) == []


async def test_one_slow_chat_does_not_hold_up_the_others(db):
    story(db, LONG_AGO)
    for chat in ("slow", *map(str, range(20))):
        subscribe(db, "telegram", chat, now=LONG_AGO)
    sender = RecordingSender(delays={"slow": 0.5})
    scheduler = Scheduler(db, {"telegram": sender}, concurrency=4)
    task = asyncio.create_task(scheduler.run_due(utc(2026, 2, 10, 8, 0)))
    started = time.monotonic()
    while len(sender.sent) < 20 and time.monotonic() - started < 2:
        await asyncio.sleep(0.01)
    assert len(sender.sent) == 20 and "slow" not in sender.sent
    await task
    assert "slow" in sender.sent


async def test_stopping_lets_started_digests_finish_and_the_rest_go_out_after_restart(db):
    story(db, LONG_AGO, n=4)
    chats = [str(i) for i in range(12)]
    for chat in chats:
        subscribe(db, "telegram", chat, now=LONG_AGO)
    sender = RecordingSender(limit=150, delays={chat: 0.05 for chat in chats})
    expected = len(sender.render(compose_digest(db, get_subscription(db, "telegram", "0").cursor,
                                                newest_ingest(db), date(2026, 2, 10))))
    now = utc(2026, 2, 10, 9, 0)
    health = Health()
    scheduler = Scheduler(db, {"telegram": sender}, health, concurrency=3, clock=lambda: now)
    stop = asyncio.Event()
    runner = asyncio.create_task(scheduler.run_forever(stop))
    while not sender.sent:
        await asyncio.sleep(0.01)
    stop.set()
    await runner
    assert health.report()[1]["scheduler"]["ok"] and health.last_tick is not None
    assert 0 < len(sender.sent) < len(chats)
    assert all(len(parts) == expected for parts in sender.sent.values())  # nothing cut off half-way
    await Scheduler(db, {"telegram": sender}).run_due(now)
    assert sorted(sender.sent) == sorted(chats)
    assert all(len(parts) == expected for parts in sender.sent.values())


async def test_subscriptions_of_a_platform_without_a_sender_wait(db):
    story(db, LONG_AGO)
    subscribe(db, "slack", "C1", now=LONG_AGO)
    summary = await Scheduler(db, {"telegram": RecordingSender()}).run_due(utc(2026, 2, 10, 9, 0))
    assert summary.no_sender == 1 and summary.sent == 0


async def test_the_loop_and_the_store_keep_answering_while_a_digest_is_being_composed(tmp_path, monkeypatch):
    store = Store.open(tmp_path / "clipdesk.db")
    story(store, LONG_AGO, n=3)
    subscribe(store, "telegram", "desk", now=LONG_AGO - timedelta(days=1))
    order: list[str] = []
    composing, release = threading.Event(), threading.Event()

    def held_compose(*args, **kwargs):  # a digest that takes until the test lets it finish
        composing.set()
        release.wait(10)
        order.append("digest composed")
        return compose_digest(*args, **kwargs)

    monkeypatch.setattr(scheduler_module, "compose_digest", held_compose)
    sender = RecordingSender()
    sending = asyncio.create_task(Scheduler(store, {"telegram": sender}).run_due(utc(2026, 1, 1, 9, 0)))
    assert await asyncio.to_thread(composing.wait, 10)
    ticks = [await asyncio.sleep(0, n) for n in range(3)]  # the loop runs other tasks meanwhile
    sources = Request("telegram", "other", "u", "/sources", command="sources")
    reply = await asyncio.wait_for(store.run(handle, sources, store), 10)  # and the store answers
    order.append("question answered")
    release.set()
    summary = await sending
    assert order == ["question answered", "digest composed"] and ticks == [0, 1, 2]
    assert reply.found and summary.sent == 1 and sender.sent["desk"]
    store.close()
