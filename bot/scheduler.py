"""The digest scheduler: each minute, send every due digest exactly once, on every platform, concurrently.

A digest goes out as: record the intent (a pending delivery with its cursor), send the rendered parts
from the first one not yet recorded, record each accepted part at once, and mark the delivery sent
together with advancing the subscription's cursor as soon as the last part is accepted.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import sqlite_utils

from clipdesk.bot.delivery import Sender, TargetGone, TemporaryFailure
from clipdesk.handlers.digest import command
from clipdesk.handlers.digest_compose import compose_digest
from clipdesk.handlers.types import Reply
from clipdesk.store.delivery.deliveries import (
    PENDING,
    Delivery,
    begin_delivery,
    deliveries_from,
    finish_delivery,
    give_up,
    pending_deliveries,
    record_part,
    retry_later,
)
from clipdesk.store.delivery.subscriptions import Subscription, deactivate, list_subscriptions
from clipdesk.store.index.schema import open_db

if TYPE_CHECKING:
    from clipdesk.bot.health import Health

log = logging.getLogger(__name__)

DEFAULT_CONCURRENCY = 64
SEND_TIMEOUT = 300.0  # a send that hangs this long frees its slot and is retried in a later pass


@dataclass
class PassSummary:
    """What one pass did: digests due, sent (with parts), empty, retried later, gone, missed."""

    due: int = 0
    sent: int = 0
    parts: int = 0
    empty: int = 0
    retry: int = 0
    gone: int = 0
    missed: int = 0
    no_sender: int = 0
    stopped: int = 0


class Scheduler:
    """Finds the digests due each minute and fans them out across chats, `concurrency` at a time."""

    def __init__(self, db: sqlite_utils.Database | str | os.PathLike, senders: dict[str, Sender],
                 health: Health | None = None, *, concurrency: int = DEFAULT_CONCURRENCY,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.db = db if isinstance(db, sqlite_utils.Database) else open_db(db)
        self.senders = senders
        self.health = health
        self.concurrency = concurrency
        self.clock = clock
        self._slots: asyncio.Semaphore | None = None
        self._in_flight: set[int] = set()
        self._stopping = False

    def _tick(self, when: datetime | None = None) -> None:
        if self.health is not None:
            self.health.tick(when)

    def plan(self, now: datetime, summary: PassSummary) -> list[tuple[Subscription, str]]:
        """(subscription, local day) of every digest to send or resume now.

        Today's digest is due once its local time has passed (so a restart catches up on today's
        missed digests, never on earlier days'). A digest cut off on an earlier day is finished if it
        had begun reaching the chat, and given up as missed if nothing of it was sent.
        """
        subs = {s.id: s for s in list_subscriptions(self.db, active_only=True)}
        records = deliveries_from(self.db, (now - timedelta(days=2)).date())
        jobs: list[tuple[Subscription, str]] = []
        for sub in subs.values():
            if sub.id in self._in_flight:
                continue
            if sub.platform not in self.senders:
                summary.no_sender += 1
                continue
            today = sub.due_today(now)
            record = records.get((sub.id, str(today[0]))) if today else None
            if today and (record is None or record.state == PENDING):
                jobs.append((sub, str(today[0])))
        for delivery in pending_deliveries(self.db):
            sub = subs.get(delivery.subscription_id)
            if sub is None or sub.platform not in self.senders or sub.id in self._in_flight:
                continue
            if delivery.local_date >= str(sub.local_date(now)):
                continue
            if delivery.parts_sent:
                jobs.append((sub, delivery.local_date))
            else:
                give_up(self.db, delivery.id, "missed: its day passed before it could be sent")
                summary.missed += 1
        summary.due = len(jobs)
        return jobs

    async def run_due(self, now: datetime | None = None) -> PassSummary:
        """One pass: send (or resume) every digest due at `now`, and wait for them all."""
        now = (now or self.clock()).astimezone(UTC)
        self._tick()
        summary = PassSummary()
        jobs = self.plan(now, summary)
        self._in_flight.update(sub.id for sub, _ in jobs)
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.concurrency)
        composed: dict[tuple, Reply | None] = {}
        rendered: dict[tuple[str, Reply], list[Any]] = {}
        try:
            await asyncio.gather(*(self._deliver(sub, day, now, summary, composed, rendered)
                                   for sub, day in jobs))
        finally:
            self._in_flight.difference_update(sub.id for sub, _ in jobs)
        if jobs:
            log.info("digest pass: %s", vars(summary), extra={"event": "digest_pass"})
        return summary

    def _compose(self, sub: Subscription, delivery: Delivery,
                 composed: dict[tuple, Reply | None]) -> Reply | None:
        key = (sub.cursor, delivery.cursor, sub.topics, sub.notify_empty, delivery.local_date, sub.thread_id,
               sub.platform)
        if key not in composed:
            composed[key] = compose_digest(self.db, sub.cursor, delivery.cursor,
                                           date.fromisoformat(delivery.local_date), sub.topics,
                                           sub.notify_empty, sub.thread_id or None,
                                           more=f"{command(sub.platform, 'digest')} all")
        return composed[key]

    async def _deliver(self, sub: Subscription, day: str, now: datetime, summary: PassSummary,
                       composed: dict[tuple, Reply | None],
                       rendered: dict[tuple[str, Reply], list[Any]]) -> None:
        assert self._slots is not None
        async with self._slots:
            if self._stopping:
                summary.stopped += 1
                return
            delivery = begin_delivery(self.db, sub.id, day, now)
            if delivery is None:
                return
            sender = self.senders[sub.platform]
            reply = self._compose(sub, delivery, composed)
            if reply is not None and (sub.platform, reply) not in rendered:
                rendered[sub.platform, reply] = sender.render(reply)
            parts = rendered[sub.platform, reply] if reply is not None else []
            extra = {"platform": sub.platform, "chat": sub.chat_id, "subscription": sub.id}
            try:
                for index in range(delivery.parts_sent, len(parts)):
                    await self._send(sender, sub, parts[index])
                    if index + 1 < len(parts):
                        record_part(self.db, delivery.id, index + 1)
                finish_delivery(self.db, delivery, max(len(parts), delivery.parts_sent))
            except TargetGone as exc:
                deactivate(self.db, sub.platform, sub.chat_id, str(exc))
                give_up(self.db, delivery.id, f"target gone: {exc}")
                summary.gone += 1
                log.warning("digest target gone; subscription deactivated",
                            extra={**extra, "error": str(exc)})
            except TemporaryFailure as exc:
                retry_later(self.db, delivery.id, f"temporary: {exc}")
                summary.retry += 1
                log.warning("digest send failed for now; retrying next pass",
                            extra={**extra, "error": str(exc)})
            except Exception as exc:
                retry_later(self.db, delivery.id, f"error: {exc!r}")
                summary.retry += 1
                log.exception("digest send failed; retrying next pass", extra=extra)
            else:
                if parts:
                    summary.sent += 1
                    summary.parts += len(parts) - delivery.parts_sent
                else:
                    summary.empty += 1
            finally:
                self._tick()

    async def _send(self, sender: Sender, sub: Subscription, part: Any) -> None:
        try:
            await asyncio.wait_for(sender.send_part(sub.chat_id, sub.thread_id or None, part), SEND_TIMEOUT)
        except TimeoutError as exc:
            raise TemporaryFailure(f"no answer in {SEND_TIMEOUT:.0f} s") from exc

    async def run_forever(self, stop: asyncio.Event) -> None:
        """A pass at start (catching up on today), then one at the top of every minute, until `stop`.

        A pass that outlasts its minute keeps going while the next one starts (a subscription is
        never in two passes at once). On stop, digests already being sent finish; the rest wait for
        the next start, which resumes them.
        """
        passes: set[asyncio.Task] = set()
        try:
            while not stop.is_set():
                task = asyncio.create_task(self._logged_pass())
                passes.add(task)
                task.add_done_callback(passes.discard)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=60 - time.time() % 60)
        finally:
            self._stopping = True
            await asyncio.gather(*passes, return_exceptions=True)

    async def _logged_pass(self) -> None:
        try:
            await self.run_due()
        except Exception:
            log.exception("digest pass failed", extra={"event": "digest_pass"})
