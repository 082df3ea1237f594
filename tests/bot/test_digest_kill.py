"""`clipdesk digest --run-due` killed (SIGKILL) mid fan-out and restarted: nothing lost, nothing repeated but
the one part per channel that was in flight when the process died.

That window is the documented one: a part the platform has received but whose acceptance the store has not
yet recorded (the fake records a message on arrival and answers after a delay) is sent again on restart.
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

import pytest

from bot.slack_render import render
from handlers.digest_compose import compose_digest
from store.db import open_db
from store.deliveries import SENT, latest_deliveries
from store.digest import newest_ingest
from store.subscriptions import list_subscriptions, subscribe
from tests.fakes.slack_api import FakeSlackApi, Recorded

POST = "chat.postMessage"
CHANNELS = [f"CKILL{n:03d}" for n in range(30)]
ANSWER_DELAY = 0.05  # the fake answers each post this long after receiving it
RECORD_MARGIN = 0.3  # ample time for the killed process to record an answered post in its store
# (share of all the fan-out's posts received, then seconds waited) before the SIGKILL. Each channel's second
# part waits a second after its first (Slack's pace), so waiting 0.6 s kills between the two waves.
KILL_POINTS = ((0.0, 0), (0.1, 0), (0.3, 0), (0.5, 0), (0.5, 0.6), (0.25, 0.6), (0.52, 0), (0.75, 0),
               (0.9, 0.02), (1.0, 0))
MAX_RUNS = 4


@dataclass
class KillRun:
    """What the channels received when the run was killed `wait` s after `kill_after` posts, then finished."""

    kill_after: int
    wait: float
    killed_at: float  # time.monotonic()
    posts: list[Recorded]
    runs: int

    @property
    def received(self) -> dict[str, list[str]]:
        """channel -> the fallback text of every post it received, in order."""
        received: dict[str, list[str]] = {}
        for post in self.posts:
            received.setdefault(post.body["channel"], []).append(post.body["text"])
        return received

    @property
    def duplicates(self) -> int:
        return sum(len(texts) - len(set(texts)) for texts in self.received.values())

    @property
    def repeated_long_before_the_kill(self) -> list[tuple[str, float]]:
        """Repeats whose first copy arrived before the in-flight window: (channel, seconds before kill)."""
        seen: dict[tuple[str, str], float] = {}
        late = []
        for post in self.posts:
            key = (post.body["channel"], post.body["text"])
            if key in seen and self.killed_at - seen[key] > ANSWER_DELAY + RECORD_MARGIN:
                late.append((key[0], round(self.killed_at - seen[key], 2)))
            seen.setdefault(key, post.at)
        return late


@pytest.fixture(scope="module")
def subscribed_path(seeded_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeded store with every channel subscribed to a digest that is due now (copy before use)."""
    path = tmp_path_factory.mktemp("kill") / "subscribed.db"
    shutil.copy(seeded_path, path)
    db = open_db(path)
    for channel in CHANNELS:
        subscribe(db, "slack", channel, at="00:00", tz="UTC", now=datetime.now(UTC) - timedelta(days=1))
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def expected_parts(db_path: Path) -> list[str]:
    """The fallback texts of today's digest, which every channel's identical subscription should get."""
    db = open_db(db_path)
    try:
        sub = list_subscriptions(db)[0]
        reply = compose_digest(db, sub.cursor, newest_ingest(db), datetime.now(UTC).date())
        assert reply is not None
        return [part["text"] for part in render(reply)]
    finally:
        db.close()


def all_sent(db_path: Path) -> bool:
    db = open_db(db_path)
    try:
        states = [d.state for d in latest_deliveries(db).values()]
        return len(states) == len(CHANNELS) and set(states) == {SENT}
    finally:
        db.close()


async def run_due(slack: FakeSlackApi, db_path: Path, workdir: Path) -> asyncio.subprocess.Process:
    env = {**os.environ, "SLACK_BOT_TOKEN": "xoxb-1111-2222-killTESTtoken", "CLIPDESK_DB": str(db_path),
           "SLACK_API_BASE_URL": slack.base_url, "TELEGRAM_BOT_TOKEN": ""}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "digest", "--run-due", env=env, cwd=workdir,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)


async def kill_and_finish(slack: FakeSlackApi, template: Path, workdir: Path, kill_after: int,
                          wait: float = 0) -> KillRun:
    """A fresh copy of `template`; run the digest, SIGKILL it `wait` s after `kill_after` posts have arrived,
    then run it again until every digest is recorded sent."""
    workdir.mkdir(parents=True, exist_ok=True)
    db_path = workdir / "clipdesk.db"
    shutil.copy(template, db_path)
    slack.reset()
    slack.slow(POST, ANSWER_DELAY)
    first = await run_due(slack, db_path, workdir)
    await slack.wait_for(POST, count=kill_after, timeout=30)
    await asyncio.sleep(wait)
    with contextlib.suppress(ProcessLookupError):  # it finished first
        first.kill()
    killed_at = time.monotonic()
    await first.wait()
    runs = 1
    while not all_sent(db_path):
        assert runs < MAX_RUNS, "the digests were still not all sent"
        again = await run_due(slack, db_path, workdir)
        _, err = await asyncio.wait_for(again.communicate(), 30)
        assert again.returncode == 0, err.decode()[-2000:]
        runs += 1
    return KillRun(kill_after, wait, killed_at, [r for r in slack.requests if r.method == POST], runs)


def check(run: KillRun, parts: list[str]) -> None:
    """Every channel got every part, in order, each once but for at most one part repeated back to back."""
    assert set(run.received) == set(CHANNELS), f"killed after {run.kill_after}"
    assert run.repeated_long_before_the_kill == []
    for channel, texts in run.received.items():
        collapsed = [t for i, t in enumerate(texts) if i == 0 or t != texts[i - 1]]
        assert collapsed == parts, (run.kill_after, channel, texts)
        assert len(texts) - len(parts) <= 1, (run.kill_after, channel, Counter(texts))


async def test_sigkill_at_any_point_of_a_fan_out_loses_nothing_and_repeats_at_most_the_part_in_flight(
        subscribed_path, tmp_path):
    parts = expected_parts(subscribed_path)
    total = len(parts) * len(CHANNELS)
    runs = []
    async with FakeSlackApi() as slack:
        for n, (share, wait) in enumerate(KILL_POINTS):
            k = max(1, round(total * share))
            run = await kill_and_finish(slack, subscribed_path, tmp_path / f"kill{n}", k, wait)
            check(run, parts)
            runs.append(run)
    print(f"\n{len(runs)} kill points over {total} posts: "
          + ", ".join(f"k={r.kill_after}+{r.wait}s: {r.duplicates}" for r in runs)
          + f"; {sum(r.duplicates for r in runs)} repeated parts in all")
    between_waves = [r for r in runs if r.wait > ANSWER_DELAY + RECORD_MARGIN]
    assert between_waves and all(r.duplicates == 0 for r in between_waves)
