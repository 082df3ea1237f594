"""The digest scheduler: each minute, send every due digest exactly once, on every platform, concurrently.

A digest goes out as: record the intent (a pending delivery with its cursor), send the rendered parts
from the first one not yet recorded, record each accepted part at once, and mark the delivery sent
together with advancing the subscription's cursor as soon as the last part is accepted. Every store
call runs on the Store's worker thread and digests are composed on its reader's, so the event loop
(and the acks the bots owe their platforms) never waits for either.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from clipdesk.bot.delivery import Sender, TargetGone, TemporaryFailure
from clipdesk.handlers.deliveries import (
    Delivery,
    Subscription,
    delivered,
    due_digests,
    failed_for_now,
    part_delivered,
    start_delivery,
    target_gone,
)
from clipdesk.handlers.digest import command
from clipdesk.handlers.digest_compose import compose_digest
from clipdesk.handlers.types import Reply
from clipdesk.store.store import Store

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

    def __init__(self, store: Store, senders: dict[str, Sender], health: Health | None = None, *,
                 concurrency: int = DEFAULT_CONCURRENCY,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.store = store
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

    async def run_due(self, now: datetime | None = None) -> PassSummary:
        """One pass: send (or resume) every digest due at `now`, and wait for them all."""
        now = (now or self.clock()).astimezone(UTC)
        self._tick()
        summary = PassSummary()
        busy = frozenset(self._in_flight)
        due = await self.store.run(due_digests, self.store, now, set(self.senders), busy)
        jobs = due.jobs
        summary.due, summary.missed, summary.no_sender = len(jobs), due.missed, due.no_sender
        self._in_flight.update(sub.id for sub, _ in jobs)
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.concurrency)
        composed: dict[tuple, asyncio.Future[Reply | None]] = {}
        rendered: dict[tuple[str, Reply], list[Any]] = {}
        try:
            await asyncio.gather(*(self._deliver(sub, day, now, summary, composed, rendered)
                                   for sub, day in jobs))
        finally:
            self._in_flight.difference_update(sub.id for sub, _ in jobs)
        if jobs:
            log.info("digest pass: %s", vars(summary), extra={"event": "digest_pass"})
        return summary

    async def _compose(self, sub: Subscription, delivery: Delivery,
                       composed: dict[tuple, asyncio.Future[Reply | None]]) -> Reply | None:
        """The digest for this delivery, composed once per pass for all the chats that share it, on the
        reader's thread: a digest of thousands of articles holds up neither the loop nor the worker."""
        key = (sub.cursor, delivery.cursor, sub.topics, sub.notify_empty, delivery.local_date, sub.thread_id,
               sub.platform)
        if key not in composed:
            reader = self.store.reader
            composed[key] = asyncio.ensure_future(reader.run(
                compose_digest, reader, sub.cursor, delivery.cursor, date.fromisoformat(delivery.local_date),
                sub.topics, sub.notify_empty, sub.thread_id or None,
                more=f"{command(sub.platform, 'digest')} all"))
        return await asyncio.shield(composed[key])

    async def _deliver(self, sub: Subscription, day: str, now: datetime, summary: PassSummary,
                       composed: dict[tuple, asyncio.Future[Reply | None]],
                       rendered: dict[tuple[str, Reply], list[Any]]) -> None:
        assert self._slots is not None
        async with self._slots:
            if self._stopping:
                summary.stopped += 1
                return
            delivery = await self.store.run(start_delivery, self.store, sub, day, now)
            if delivery is None:
                return
            sender = self.senders[sub.platform]
            reply = await self._compose(sub, delivery, composed)
            if reply is not None and (sub.platform, reply) not in rendered:
                rendered[sub.platform, reply] = sender.render(reply)
            parts = rendered[sub.platform, reply] if reply is not None else []
            extra = {"platform": sub.platform, "chat": sub.chat_id, "subscription": sub.id}
            try:
                for index in range(delivery.parts_sent, len(parts)):
                    await self._send(sender, sub, parts[index])
                    if index + 1 < len(parts):
                        await self.store.run(part_delivered, self.store, delivery, index + 1)
                sent = max(len(parts), delivery.parts_sent)
                await self.store.run(delivered, self.store, delivery, sent)
            except TargetGone as exc:
                await self.store.run(target_gone, self.store, sub.platform, sub.chat_id, str(exc), delivery)
                summary.gone += 1
                log.warning("digest target gone; subscription deactivated",
                            extra={**extra, "error": str(exc)})
            except TemporaryFailure as exc:
                await self.store.run(failed_for_now, self.store, delivery, f"temporary: {exc}")
                summary.retry += 1
                log.warning("digest send failed for now; retrying next pass",
                            extra={**extra, "error": str(exc)})
            except Exception as exc:
                await self.store.run(failed_for_now, self.store, delivery, f"error: {exc!r}")
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
