"""`clipdesk digest --run-due` killed (SIGKILL) mid fan-out and restarted, on Slack and on Telegram: nothing
lost, nothing repeated but the one part per chat that was in flight when the process died.

That window is the documented one: a part the platform has received but whose acceptance the store has not
yet recorded (the fakes record a message on arrival and answer after a delay) is sent again on restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from clipdesk.bot.slack.render import render
from clipdesk.bot.telegram.render import render_html
from clipdesk.handlers.digest_compose import compose_digest
from clipdesk.store.delivery.deliveries import SENT, latest_deliveries
from clipdesk.store.delivery.digest import newest_ingest
from clipdesk.store.delivery.subscriptions import list_subscriptions, subscribe
from clipdesk.store.index.schema import open_db
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.telegram_api import FakeTelegramApi

METHOD = {"slack": "chat.postMessage", "telegram": "sendMessage"}
CHATS = {"slack": [f"CKILL{n:03d}" for n in range(30)],
         "telegram": [str(800_000_000 + n) for n in range(30)]}
ANSWER_DELAY = 0.05  # the fakes answer each message this long after receiving it
# On Slack each channel's second part waits a second after its first (Slack's pace): waiting this long after
# a share of the messages has arrived kills the run between the waves.
BETWEEN_WAVES = 0.6
# Time for the killed process to record an answered message in its store, kept under BETWEEN_WAVES so that
# a part repeated across the waves still fails, with room for a loaded machine.
RECORD_MARGIN = BETWEEN_WAVES - ANSWER_DELAY - 0.05
# (share of all the fan-out's messages received, then seconds waited) before the SIGKILL.
KILL_POINTS = ((0.0, 0), (0.25, BETWEEN_WAVES), (0.5, 0), (0.5, BETWEEN_WAVES), (0.52, 0), (0.75, 0),
               (0.9, 0.02), (1.0, 0))
MAX_RUNS = 4


@dataclass
class KillRun:
    """What the chats received when the run was killed `wait` s after `kill_after` messages, then finished."""

    kill_after: int
    wait: float
    killed_at: float  # time.monotonic()
    posts: list[tuple[str, str, float]]  # (chat, text, arrival) of every message request, in order
    runs: int

    @property
    def received(self) -> dict[str, list[str]]:
        """chat -> the text of every message it received, in order."""
        received: dict[str, list[str]] = {}
        for chat, text, _ in self.posts:
            received.setdefault(chat, []).append(text)
        return received

    @property
    def duplicates(self) -> int:
        return sum(len(texts) - len(set(texts)) for texts in self.received.values())

    @property
    def repeated_long_before_the_kill(self) -> list[tuple[str, float]]:
        """Repeats whose first copy arrived before the in-flight window: (chat, seconds before kill)."""
        seen: dict[tuple[str, str], float] = {}
        late = []
        for chat, text, at in self.posts:
            if (chat, text) in seen and self.killed_at - seen[chat, text] > ANSWER_DELAY + RECORD_MARGIN:
                late.append((chat, round(self.killed_at - seen[chat, text], 2)))
            seen.setdefault((chat, text), at)
        return late


def subscribed_store(seeded_path: Path, folder: Path, platform: str) -> Path:
    """The seeded store with every chat subscribed to a digest that is due now (copy before use)."""
    path = folder / f"{platform}-subscribed.db"
    shutil.copy(seeded_path, path)
    db = open_db(path)
    for chat in CHATS[platform]:
        subscribe(db, platform, chat, at="00:00", tz="UTC", now=datetime.now(UTC) - timedelta(days=1))
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def expected_parts(db_path: Path, platform: str) -> list[str]:
    """The message texts of today's digest, which every chat's identical subscription should get."""
    db = open_db(db_path)
    try:
        sub = list_subscriptions(db)[0]
        reply = compose_digest(db, sub.cursor, newest_ingest(db), datetime.now(UTC).date())
        assert reply is not None
        return [part["text"] for part in render(reply)] if platform == "slack" else render_html(reply)
    finally:
        db.close()


def all_sent(db_path: Path, platform: str) -> bool:
    db = open_db(db_path)
    try:
        states = [d.state for d in latest_deliveries(db).values()]
        return len(states) == len(CHATS[platform]) and set(states) == {SENT}
    finally:
        db.close()


async def run_due(platform: str, fake: Any, db_path: Path, workdir: Path) -> asyncio.subprocess.Process:
    if platform == "slack":
        tokens = {"SLACK_BOT_TOKEN": "xoxb-1111-2222-killTESTtoken", "SLACK_API_BASE_URL": fake.base_url,
                  "TELEGRAM_BOT_TOKEN": ""}
    else:
        tokens = {"TELEGRAM_BOT_TOKEN": "123456789:AAkillTESTtokenAAAAAAAAAAAAAAAAAAAA",
                  "TELEGRAM_API_BASE_URL": fake.base_url, "SLACK_BOT_TOKEN": ""}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "clipdesk.bot.cli.main", "digest", "--run-due", env={**os.environ, **tokens,
                                                                     "CLIPDESK_DB": str(db_path)},
        cwd=workdir, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)


def posts(platform: str, fake: Any) -> list[tuple[str, str, float]]:
    chat_key = "channel" if platform == "slack" else "chat_id"
    return [(str(r.body[chat_key]), r.body["text"], r.at)
            for r in fake.requests if r.method == METHOD[platform]]


async def kill_and_finish(platform: str, fake: Any, template: Path, workdir: Path, kill_after: int,
                          wait: float = 0) -> KillRun:
    """A fresh copy of `template`; run the digest, SIGKILL it `wait` s after `kill_after` messages have
    arrived, then run it again until every digest is recorded sent."""
    workdir.mkdir(parents=True, exist_ok=True)
    db_path = workdir / "clipdesk.db"
    shutil.copy(template, db_path)
    fake.reset()
    fake.slow(METHOD[platform], ANSWER_DELAY)
    first = await run_due(platform, fake, db_path, workdir)
    await fake.wait_for(METHOD[platform], count=kill_after, timeout=30)
    await asyncio.sleep(wait)
    with contextlib.suppress(ProcessLookupError):  # it finished first
        first.kill()
    killed_at = time.monotonic()
    await first.wait()
    runs = 1
    while not all_sent(db_path, platform):
        assert runs < MAX_RUNS, "the digests were still not all sent"
        again = await run_due(platform, fake, db_path, workdir)
        _, err = await asyncio.wait_for(again.communicate(), 30)
        assert again.returncode == 0, err.decode()[-2000:]
        runs += 1
    return KillRun(kill_after, wait, killed_at, posts(platform, fake), runs)


def check(run: KillRun, chats: list[str], parts: list[str]) -> None:
    """Every chat got every part, in order, each once but for at most one part repeated back to back."""
    assert set(run.received) == set(chats), f"killed after {run.kill_after}"
    assert run.repeated_long_before_the_kill == []
    for chat, texts in run.received.items():
        collapsed = [t for i, t in enumerate(texts) if i == 0 or t != texts[i - 1]]
        assert collapsed == parts, (run.kill_after, chat, texts)
        assert len(texts) - len(parts) <= 1, (run.kill_after, chat, Counter(texts))


@pytest.mark.parametrize("platform", ["slack", "telegram"])
async def test_sigkill_at_any_point_of_a_fan_out_loses_nothing_and_repeats_at_most_the_part_in_flight(
        platform, seeded_path, tmp_path):
    template = subscribed_store(seeded_path, tmp_path, platform)
    parts = expected_parts(template, platform)
    total = len(parts) * len(CHATS[platform])
    runs = []
    async with FakeSlackApi() if platform == "slack" else FakeTelegramApi() as fake:
        for n, (share, wait) in enumerate(KILL_POINTS):
            k = max(1, round(total * share))
            run = await kill_and_finish(platform, fake, template, tmp_path / f"kill{n}", k, wait)
            check(run, CHATS[platform], parts)
            runs.append(run)
    print(f"\n{platform}: {len(runs)} kill points over {total} messages: "
          + ", ".join(f"k={r.kill_after}+{r.wait}s: {r.duplicates}" for r in runs)
          + f"; {sum(r.duplicates for r in runs)} repeated parts in all")
    if platform == "slack":
        between_waves = [r for r in runs if r.wait >= BETWEEN_WAVES]
        assert between_waves and all(r.duplicates == 0 for r in between_waves)
