"""Telegram fairness benchmark: N questions in one busy group, then one private question; how long the
private answer takes with per-chat ordering (the default) and with PTB's one-at-a-time processing.

The real TelegramService (python-telegram-bot with its AIORateLimiter: 20 messages a minute per
group) runs against the fake Bot API, which takes `--latency` seconds to accept each group message.
The one-at-a-time baseline runs only up to 19 group questions: beyond the group's budget of 20 a
minute it waits minutes, and so does its shutdown (it must answer the whole backlog first).

    python -m benchmarks.telegram_fairness                  # 19 and 100 group questions, 3 runs each
    python -m benchmarks.telegram_fairness --group 5,19,100 --runs 5
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from telegram.ext import BaseUpdateProcessor, SimpleUpdateProcessor

from clipdesk.bot.telegram.app import TelegramService
from clipdesk.bot.telegram.ordering import PerChatOrder
from clipdesk.bot.telegram.settings import TelegramSettings
from clipdesk.store.seeds import ingest_seeds
from clipdesk.store.store import Store

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
GROUP, PRIVATE = -100555, 99
BASELINE_MAX = 19  # group questions the one-at-a-time baseline can answer within the group's budget
TIMEOUT = 30.0
SENT = "sendMessage"


async def private_answer_after(db_path: Path, group_questions: int, updates: BaseUpdateProcessor,
                               latency: float) -> float | None:
    """Seconds from queueing the private question to its answer (None: not answered within TIMEOUT)."""
    from tests.fakes.telegram_api import BOT_USERNAME, FakeTelegramApi

    async with FakeTelegramApi() as telegram:
        telegram.slow_chat(GROUP, latency)
        settings = TelegramSettings(token=TOKEN, api_base_url=telegram.base_url, poll_timeout=1,
                                    rate_limit=1000)
        store = Store.open(db_path)
        service = TelegramService(settings, store, updates=updates)
        await service.start()
        try:
            for n in range(group_questions):
                telegram.queue(telegram.message_update(f"/sources@{BOT_USERNAME}", chat_id=GROUP,
                                                       chat_type="supergroup", user_id=1000 + n))
            asked = time.monotonic()
            telegram.queue(telegram.message_update("/sources", chat_id=PRIVATE, user_id=PRIVATE))
            while not (answered := [r.at for r in telegram.requests
                                    if r.method == SENT and r.body.get("chat_id") == PRIVATE]):
                if time.monotonic() > asked + TIMEOUT:
                    return None
                await asyncio.sleep(0.005)
            return answered[0] - asked
        finally:
            await service.stop()
            store.close()


def seeded(folder: Path) -> Path:
    path = folder / "seeded.db"
    store = Store.open(path)
    ingest_seeds(store)
    store.close()
    return path


def run(sizes: list[int], runs: int, latency: float) -> str:
    """The results table, one row per group size."""
    lines = ["| group questions | per-chat median s | one-at-a-time median s | ratio |",
             "|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as tmp:
        seed = seeded(Path(tmp))
        for size in sizes:
            figures: dict[str, list[float | None]] = {"per_chat": [], "serial": []}
            for n in range(runs):
                for name in ("per_chat", "serial"):
                    if name == "serial" and size > BASELINE_MAX:
                        continue
                    copy = Path(tmp) / f"{name}-{size}-{n}.db"
                    shutil.copy(seed, copy)
                    updates = PerChatOrder() if name == "per_chat" else SimpleUpdateProcessor(1)
                    figures[name].append(asyncio.run(private_answer_after(copy, size, updates, latency)))
            per_chat, serial = _median(figures["per_chat"]), _median(figures["serial"])
            ratio = f"{serial / per_chat:.0f}×" if per_chat and serial else "—"
            shown = _show(serial) if size <= BASELINE_MAX else "not run"
            lines.append(f"| {size} | {_show(per_chat)} | {shown} | {ratio} |")
    return "\n".join(lines)


def _median(values: list[float | None]) -> float | None:
    """The median, or None when half or more of the runs did not finish."""
    done = sorted(v for v in values if v is not None)
    return statistics.median(done) if len(done) * 2 > len(values) else None


def _show(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else f"> {TIMEOUT:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.telegram_fairness", description=__doc__)
    parser.add_argument("--group", default="19,100", help="comma-separated group backlog sizes")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--latency", type=float, default=0.05,
                        help="seconds the fake takes to accept each group message")
    args = parser.parse_args()
    print(run([int(s) for s in args.group.split(",")], args.runs, args.latency))


if __name__ == "__main__":
    main()
