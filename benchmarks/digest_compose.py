"""Digest composition time for 500..3,000 new articles: story grouping pairwise (before) and bucketed (now).

    python -m benchmarks.digest_compose [--sizes 500,1000,2000,3000]

One store of synthetic coverage (benchmarks/generator.py) where about a third of the articles are other
outlets' takes on an earlier story (its headline with a word changed) is built once. For each size the
first N articles are grouped by the old all-pairs comparison (kept here as the reference) and by
store.delivery.digest.group_stories, the groupings are checked to be the same, and compose_digest is
timed end to end (reading the articles, grouping, building the Reply).

The last columns show what a digest does to the event loop in `serve`: a heartbeat task sleeps 5 ms
over and over while one digest of N articles is composed, first on the loop itself (as the scheduler
did before) and then by a Scheduler pass, which composes on the Store's reader thread. The longest
gap between two heartbeats is how long a Slack ack would have waited. With --acks, the real Slack app
(HTTP mode, against the fake Web API) takes a signed event every 20 ms while four digests of N articles
are composed, on the loop and then by a Scheduler pass, and each event's ack time is recorded.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from rapidfuzz import fuzz, utils

from benchmarks.generator import World, articles
from clipdesk.bot.scheduler import Scheduler
from clipdesk.handlers.digest_compose import compose_digest
from clipdesk.store.delivery.digest import (
    MIN_TITLE_WORDS,
    SAME_TITLE,
    NewArticle,
    Story,
    group_stories,
    new_articles,
)
from clipdesk.store.delivery.subscriptions import subscribe
from clipdesk.store.index.schema import transaction
from clipdesk.store.ingest import ingest_paths
from clipdesk.store.store import Store

SIZES = (500, 1000, 2000, 3000)
BEAT = 0.005  # seconds the heartbeat sleeps
RETOLD = 0.35  # share of articles that retell an earlier story


def _pairwise_same_story(a: NewArticle, b: NewArticle) -> bool:
    dated = [{(e.kind, e.date) for e in x.events if e.date} for x in (a, b)]
    if dated[0] & dated[1] and a.names & b.names:
        return True
    if not (a.title and b.title) or min(len(a.title.split()), len(b.title.split())) < MIN_TITLE_WORDS:
        return False
    if a.places and b.places and not a.places & b.places:
        return False
    return fuzz.token_set_ratio(a.title, b.title, processor=utils.default_process) >= SAME_TITLE


def pairwise_group_stories(items: list[NewArticle]) -> list[Story]:
    """The grouping as it was: every article against every member of every earlier group."""
    groups: list[list[NewArticle]] = []
    for article in items:
        home = next((g for g in groups if any(_pairwise_same_story(article, o) for o in g)), None)
        if home is None:
            groups.append([article])
        else:
            home.append(article)
    ordered = sorted(enumerate(groups), key=lambda ig: (-len(ig[1]), ig[0]))
    return [Story(tuple(group)) for _, group in ordered]


def coverage(n: int, folder: Path, seed: int = 3) -> Path:
    """n article files; some retell an earlier one's story under a slightly different headline."""
    rnd = random.Random(seed)
    world = World(seed)
    titles: list[str] = []
    for name, raw in articles(n, seed=seed, world=world):
        lines = raw.split("\n")
        if titles and rnd.random() < RETOLD:
            words = rnd.choice(titles).split()
            words[rnd.randrange(len(words))] = rnd.choice(["new", "fresh", "more", "latest"])
            lines[1] = " ".join(words)
        titles.append(lines[1])
        (folder / name).write_text("\n".join(lines))
    return folder


def _ids(stories: list[Story]) -> list[tuple[str, ...]]:
    return [tuple(a.id for a in s.articles) for s in stories]


class _NullSender:
    platform = "telegram"

    def render(self, reply: object) -> list[object]:
        return [reply]

    async def send_part(self, chat_id: str, thread_id: str | None, part: object) -> None:
        return None


async def _longest_gap(work: asyncio.Future | asyncio.Task) -> float:
    """The longest wait between two heartbeats while `work` runs."""
    gaps: list[float] = []
    while not work.done():
        started = time.perf_counter()
        await asyncio.sleep(BEAT)
        gaps.append(time.perf_counter() - started - BEAT)
    await work
    return max(gaps, default=0.0)


async def loop_stalls(db: Store, after: str | None, upto: str) -> tuple[float, float]:
    """(longest heartbeat gap while the digest of (after, upto] is composed on the loop, the same while
    a Scheduler pass composes and sends it)."""
    async def on_the_loop() -> None:
        await asyncio.sleep(BEAT)
        compose_digest(db, after, upto, date(2026, 12, 2))

    before = await _longest_gap(asyncio.ensure_future(on_the_loop()))
    with transaction(db):
        db.execute("DELETE FROM deliveries")
        db.execute("DELETE FROM subscriptions")
    subscribe(db, "telegram", "bench", at="00:00", now=datetime(2000, 1, 1, tzinfo=UTC))
    with transaction(db):
        db.execute("UPDATE subscriptions SET cursor = ?", [after or ""])
    scheduler = Scheduler(db, {"telegram": _NullSender()})
    now = await _longest_gap(asyncio.ensure_future(scheduler.run_due(datetime.now(UTC) + timedelta(days=1))))
    return before, now


async def ack_times(db: Store, cursors: list[str | None], upto: str) -> tuple[list[float], list[float]]:
    """Ack times of signed Slack events sent every 20 ms while the digests after each of `cursors` are
    composed: (on the loop, by a Scheduler pass sending them to Slack channels)."""
    from clipdesk.bot.slack.app import SlackService
    from clipdesk.bot.slack.sender import ChannelPace
    from clipdesk.bot.slack.settings import SlackSettings
    from tests.fakes.slack_api import FakeSlackApi, SignedDelivery

    secret = "bench-signing-secret"
    async with FakeSlackApi() as fake:
        settings = SlackSettings(bot_token="xoxb-bench", signing_secret=secret, api_base_url=fake.base_url,
                                 host="127.0.0.1", port=0)
        service = SlackService(settings, db, ChannelPace(0))
        await service.start()
        deliver = SignedDelivery(secret, f"http://127.0.0.1:{service.port}/slack/events")

        async def acks_during(work: asyncio.Future) -> list[float]:
            times: list[float] = []
            n = 0
            while not work.done():
                n += 1
                event = {"type": "message", "channel": "C0TALK", "user": "U0TALK", "text": "chatter",
                         "ts": f"{time.time():.6f}{n}"}  # a channel message: acked, then not answered
                started = time.perf_counter()
                await deliver.event(deliver.event_body(event))
                times.append(time.perf_counter() - started)
                await asyncio.sleep(0.02)
            await work
            return times

        async def on_the_loop() -> None:
            for after in cursors:
                await asyncio.sleep(0.02)
                compose_digest(db, after, upto, date(2026, 12, 2))

        before = await acks_during(asyncio.ensure_future(on_the_loop()))
        with transaction(db):
            db.execute("DELETE FROM deliveries")
            db.execute("DELETE FROM subscriptions")
        for i, after in enumerate(cursors):
            subscribe(db, "slack", f"C0DIGEST{i}", at="00:00", now=datetime(2000, 1, 1, tzinfo=UTC))
            with transaction(db):
                db.execute("UPDATE subscriptions SET cursor = ? WHERE chat_id = ?",
                           [after or "", f"C0DIGEST{i}"])
        scheduler = Scheduler(db, {"slack": service.sender})
        due = datetime.now(UTC) + timedelta(days=1)
        now = await acks_during(asyncio.ensure_future(scheduler.run_due(due)))
        await service.stop()
    return before, now


def measure(sizes: tuple[int, ...], repeats: int = 3, acks: bool = False) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        db = Store.open(Path(tmp) / "digest.db")
        ingest_paths(db, [coverage(max(sizes), folder)])
        every = new_articles(db, None, "9999")
        for n in sizes:
            first = every[:n]
            started = time.perf_counter()
            before = pairwise_group_stories(first)
            pairwise = time.perf_counter() - started
            started = time.perf_counter()
            now = group_stories(first)
            bucketed = time.perf_counter() - started
            started = time.perf_counter()
            reply = compose_digest(db, None, first[-1].ingested_at, date(2026, 12, 2))
            composed = time.perf_counter() - started
            after = every[-n - 1].ingested_at if n < len(every) else None
            stalls = [asyncio.run(loop_stalls(db, after, every[-1].ingested_at)) for _ in range(repeats)]
            rows.append({"articles": n, "stories": len(now), "same": _ids(before) == _ids(now),
                         "pairwise_s": pairwise, "bucketed_s": bucketed, "compose_s": composed,
                         "snippets": len(reply.snippets) if reply else 0,
                         "stall_loop_s": statistics.median(b for b, _ in stalls),
                         "stall_pass_s": statistics.median(p for _, p in stalls)})
            if acks:
                cursors = [every[-n - 1 - i].ingested_at if n + i < len(every) else None for i in range(4)]
                rows[-1]["acks"] = asyncio.run(ack_times(db, cursors, every[-1].ingested_at))
        db.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.digest_compose", description=__doc__)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated article counts")
    parser.add_argument("--acks", action="store_true",
                        help="also time Slack acks while four digests are composed")
    args = parser.parse_args()
    sizes = tuple(int(s) for s in args.sizes.split(",") if s.strip())
    print("| new articles | stories | grouping before (pairwise) | grouping now | compose_digest now "
          "| same groups | loop stalled, composed on the loop | loop stalled, scheduler pass | ratio |")
    print("|---:|---:|---:|---:|---:|:---:|---:|---:|---:|")
    rows = measure(sizes, acks=args.acks)
    for r in rows:
        ratio = r["stall_loop_s"] / max(r["stall_pass_s"], 1e-6)
        print(f"| {r['articles']:,} | {r['stories']:,} | {r['pairwise_s']:.2f} s | {r['bucketed_s']:.3f} s "
              f"| {r['compose_s']:.2f} s | {'yes' if r['same'] else 'NO'} "
              f"| {1000 * r['stall_loop_s']:.0f} ms | {1000 * r['stall_pass_s']:.0f} ms | {ratio:.0f}x |",
              flush=True)
    if args.acks:
        print("\n| new articles | digests | acks | ack p50, composed on the loop | max "
              "| ack p50, scheduler pass | max |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            before, now = r["acks"]
            print(f"| {r['articles']:,} | 4 | {len(before)} / {len(now)} "
                  f"| {1000 * statistics.median(before):.0f} ms | {1000 * max(before):.0f} ms "
                  f"| {1000 * statistics.median(now):.0f} ms | {1000 * max(now):.0f} ms |")


if __name__ == "__main__":
    main()
