"""Digest fan-out benchmark: N subscriptions sent through a real platform sender to its fake server at
Telegram's 30 messages/s, and the scheduler's own overhead with the limit lifted.

    python -m benchmarks.digest_fanout                   # 1,000 subscriptions rate-limited, 10,000 unlimited
    python -m benchmarks.digest_fanout --limited 10000   # the full 10,000 at 30 msg/s (six minutes or more)
    python -m benchmarks.digest_fanout --platform slack  # the real SlackSender, held to 30 msg/s here
    python -m benchmarks.digest_fanout --topic shoigu    # one-message digests (the seed digest takes two)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from aiolimiter import AsyncLimiter

from clipdesk.bot.delivery import Sender
from clipdesk.bot.scheduler import Scheduler
from clipdesk.handlers.types import Reply
from clipdesk.store.index.schema import transaction
from clipdesk.store.seeds import ingest_seeds
from clipdesk.store.store import Store

TELEGRAM_LIMIT = 30  # messages per second across chats (Bot API broadcast limit)


class NullSender:
    """A sender with no platform behind it: renders one part per digest and accepts it at once."""

    platform = "telegram"

    def __init__(self) -> None:
        self.sent = 0

    def render(self, reply: Reply) -> list[Any]:
        return ["\n".join([reply.text, *(s.text for s in reply.snippets)])[:4096]]

    async def send_part(self, chat_id: str, thread_id: str | None, part: Any) -> None:
        self.sent += 1


class Paced:
    """A Sender held to `rate` messages a second across all chats (Telegram's broadcast limit)."""

    def __init__(self, sender: Sender, rate: float) -> None:
        self.sender = sender
        self.platform = sender.platform
        self.limiter = AsyncLimiter(1, 1 / rate)

    def render(self, reply: Reply) -> list[Any]:
        return self.sender.render(reply)

    async def send_part(self, chat_id: str, thread_id: str | None, part: Any) -> None:
        async with self.limiter:
            await self.sender.send_part(chat_id, thread_id, part)


def store_with_subscriptions(folder: Path, count: int, now: datetime, platform: str = "telegram",
                             topics: tuple[str, ...] = ()) -> Store:
    """A store with the seed coverage and `count` subscriptions, all due at `now`, each with its
    own cursor (as if they subscribed at different moments) so no digest is composed only once."""
    db = Store.open(folder / "bench.db")
    ingest_seeds(db)
    created = now - timedelta(days=2)
    with transaction(db):
        db["subscriptions"].insert_all(
            {"platform": platform, "chat_id": str(100_000 + i), "thread_id": "", "time": "00:00",
             "tz": "UTC", "topics": json.dumps(list(topics)), "notify_empty": 0, "active": 1,
             "created_at": created.isoformat(),
             "cursor": (created - timedelta(days=1, seconds=i)).isoformat(timespec="microseconds")}
            for i in range(count))
    return db


async def overhead(count: int, topics: tuple[str, ...] = ()) -> dict:
    """The scheduler alone: plan, record, compose, render and mark `count` digests, sends free."""
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as folder:
        db = store_with_subscriptions(Path(folder), count, now, topics=topics)
        sender = NullSender()
        started = time.perf_counter()
        summary = await Scheduler(db, {"telegram": sender}).run_due(now)
        elapsed = time.perf_counter() - started
        started = time.perf_counter()
        await Scheduler(db, {"telegram": sender}).run_due(now + timedelta(minutes=1))
        idle = time.perf_counter() - started
        db.close()
    return {"subscriptions": count, "sent": summary.sent, "messages": sender.sent, "seconds": elapsed,
            "per_digest_ms": 1000 * elapsed / count, "idle_pass_seconds": idle}


async def limited(count: int, topics: tuple[str, ...] = ()) -> dict:
    """`count` digests through the real TelegramSender (python-telegram-bot with its AIORateLimiter at
    30 msg/s) to the fake Bot API server."""
    from clipdesk.bot.telegram.sender import TelegramSender, bot_for
    from clipdesk.bot.telegram.settings import TelegramSettings
    from tests.fakes.telegram_api import FakeTelegramApi

    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as folder:
        db = store_with_subscriptions(Path(folder), count, now, topics=topics)
        async with FakeTelegramApi() as fake:
            settings = TelegramSettings(token="123456789:AAbenchTOKEN", api_base_url=fake.base_url)
            sender = TelegramSender(bot_for(settings), db)
            started = time.perf_counter()
            summary = await Scheduler(db, {"telegram": sender}).run_due(now)
            elapsed = time.perf_counter() - started
            received = len(fake.calls("sendMessage"))
        db.close()
    return {"subscriptions": count, "sent": summary.sent, "parts": summary.parts, "received": received,
            "seconds": elapsed, "floor_seconds": summary.parts / TELEGRAM_LIMIT}


async def limited_slack(count: int, topics: tuple[str, ...] = ()) -> dict:
    """`count` digests through the real SlackSender to the fake Slack Web API, held to 30 msg/s overall
    (Slack's own limit is one message a second per channel, which a digest of a few parts barely meets)."""
    from clipdesk.bot.slack.sender import ChannelPace, SlackSender, web_client
    from tests.fakes.slack_api import FakeSlackApi

    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as folder:
        db = store_with_subscriptions(Path(folder), count, now, "slack", topics)
        async with FakeSlackApi() as fake:
            client = web_client("xoxb-bench", fake.base_url)
            slack = SlackSender(client, db, ChannelPace(0))
            started = time.perf_counter()
            summary = await Scheduler(db, {"slack": Paced(slack, TELEGRAM_LIMIT)}).run_due(now)
            elapsed = time.perf_counter() - started
            received = len(fake.calls("chat.postMessage"))
        db.close()
    return {"subscriptions": count, "sent": summary.sent, "parts": summary.parts, "received": received,
            "seconds": elapsed, "floor_seconds": summary.parts / TELEGRAM_LIMIT}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limited", type=int, default=1000, help="subscriptions sent at 30 msg/s")
    parser.add_argument("--unlimited", type=int, default=10_000, help="subscriptions for the overhead run")
    parser.add_argument("--platform", choices=("telegram", "slack"), default="telegram",
                        help="whose real sender and fake server the rate-limited run uses")
    parser.add_argument("--topic", action="append", default=[],
                        help="subscribe to this topic only ('shoigu' makes one-message seed digests)")
    args = parser.parse_args()
    topics = tuple(args.topic)
    if args.unlimited:
        free = asyncio.run(overhead(args.unlimited, topics))
        print(f"overhead (no rate limit, null sender): {free['subscriptions']} digests "
              f"({free['messages']} messages) in {free['seconds']:.2f} s "
              f"= {free['per_digest_ms']:.2f} ms per digest; a pass with nothing due: "
              f"{free['idle_pass_seconds']:.2f} s")
    if args.limited:
        run = asyncio.run((limited if args.platform == "telegram" else limited_slack)(args.limited, topics))
        print(f"rate-limited ({args.platform} sender, {TELEGRAM_LIMIT} msg/s): "
              f"{run['subscriptions']} digests, "
              f"{run['parts']} messages "
              f"({run['received']} received by the fake) in {run['seconds']:.1f} s "
              f"= {run['parts'] / run['seconds']:.1f} msg/s; the 30 msg/s limit alone needs "
              f"{run['floor_seconds']:.1f} s")
        if args.limited < 10_000:
            scale = 10_000 / args.limited
            print(f"EXTRAPOLATED (not measured) to 10,000 such subscriptions: {run['seconds'] * scale:.0f} s "
                  f"(limit floor {run['floor_seconds'] * scale:.0f} s)")


if __name__ == "__main__":
    main()
