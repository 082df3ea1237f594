"""Fault-and-abuse harness: hostile updates on both platforms, floods, SIGKILLs during ingest, old schemas.

`python -m benchmarks.harness [--updates 10000] [--kills 20]` runs every part against the real client
libraries and the fake Bot API / Slack Web API on 127.0.0.1, and prints one summary table (kept in
benchmarks/RESULTS.md). A part passes when the bot is still answering afterwards, nothing it sent breaks the
platform's limits, no traceback was logged for a user's input, and the store is consistent.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.generator import articles
from clipdesk.bot.slack.app import SlackService
from clipdesk.bot.slack.sender import ChannelPace
from clipdesk.bot.slack.settings import SlackSettings
from clipdesk.bot.telegram.app import TelegramService
from clipdesk.bot.telegram.settings import TelegramSettings
from clipdesk.store.index.schema import open_db
from clipdesk.store.seeds import ingest_seeds
from clipdesk.store.store import Store
from tests.fakes.news_site import NewsSite, Story, article_page, rss
from tests.fakes.slack_api import BOT_USER_ID, FakeSlackApi, SignedDelivery
from tests.fakes.telegram_api import FakeTelegramApi

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
SECRET = "e3b0c44298fc1c149afbf4c8996fb924"
FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "store" / "index" / "fixtures"
PROBE = "What did Shoigu say about cooperation with London?"
TELEGRAM_LIMIT = 4096
USERS = 5_000  # hostile updates come from this many users, most of them within the rate limit
FLOODER = 9_000_001  # outside the hostile users
SLACK_LIMIT = 40_000
FTS_SYNTAX = [
    '"',
    "NEAR(a b, 3)",
    "a OR",
    "* ^ : -",
    "title:x",
    "(((",
    "AND AND",
    '"unterminated',
    "{x y}",
    "col : *",
    "NOT",
    "- -",
    "^^^^",
    "'; DROP TABLE articles; --",
]
BAD_ARGS = [
    "/subscribe 25:99 Mars/Olympus",
    "/subscribe 08:00 Europe/Atlantis",
    "/subscribe",
    "/unsubscribe x",
    "/digest 9999",
    "/events \u202e",
    "/quote",
    "/who",
    '/who "',
    "/quote \x00\x01",
    "/sources extra",
    "/subscribe 08:00 UTC " + "topic " * 500,
    "/ask",
    "/help@other_bot",
    "/start " + "x" * 3000,
]


@dataclass
class Part:
    """One row of the summary table."""

    name: str
    inputs: int = 0
    crashes: int = 0
    tracebacks: int = 0
    over_limit: int = 0
    inconsistent: int = 0
    notes: list[str] = field(default_factory=list)

    def row(self) -> str:
        verdict = (
            "ok" if not (self.crashes or self.tracebacks or self.over_limit or self.inconsistent) else "FAIL"
        )
        return (
            f"| {self.name} | {self.inputs:,} | {self.crashes} | {self.tracebacks} | {self.over_limit} | "
            f"{self.inconsistent} | {verdict} | {'; '.join(self.notes)} |"
        )


class Tracebacks(logging.Handler):
    """Counts log records that carry a traceback (user input must never produce one)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0
        self.first: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.count += 1
            self.first = self.first or f"{record.name}: {record.getMessage()[:120]}"

    def charge(self, part: Part) -> None:
        """Add the tracebacks seen since the last charge to `part`, with the first one's message."""
        part.tracebacks += self.count
        if self.first:
            part.notes.append(f"first traceback: {self.first}")
        self.count, self.first = 0, None


def _char(rnd: random.Random) -> str:
    """Any code point but a lone surrogate (which no platform can send)."""
    code = rnd.randrange(1, 0x2FFFF)
    return chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd"


def hostile_texts(rnd: random.Random) -> Iterator[str]:
    """An endless mix of garbage, FTS5 syntax, injections, huge and invisible text, and bad command args."""
    makers: list[Callable[[], str]] = [
        lambda: rnd.choice(FTS_SYNTAX) + " " + rnd.choice(["Shoigu", "London", "Wallace", ""]),
        lambda: "".join(_char(rnd) for _ in range(rnd.randrange(1, 200))),
        lambda: "x" * rnd.choice([4097, 40_001, 100_000]),
        lambda: rnd.choice(BAD_ARGS),
        lambda: "<b>" * 50 + "&amp;&#0;<!channel> <@U0ALL> *_~`" + "</a>" * 20,
        lambda: "\u200b\u200d\u2060" * rnd.randrange(1, 100),
        lambda: " \n\t " * rnd.randrange(0, 30),
        lambda: (
            "/quote " + " ".join(rnd.choice(["shoigu", "OR", "*", '"', "NEAR", "‮", "💥"]) for _ in range(40))
        ),
        lambda: "Did " + "very " * rnd.randrange(1, 2000) + "Russia promise not to invade?",
    ]
    while True:
        yield rnd.choice(makers)()


def telegram_update(fake: FakeTelegramApi, text: str, rnd: random.Random, users: int) -> dict[str, Any]:
    """One hostile update of a random shape: message, edit, group mention, reply, inline query, non-text."""
    user = rnd.randrange(1, users + 1)
    shape = rnd.randrange(7)
    if shape == 0:
        return {
            "inline_query": {
                "id": str(rnd.random()),
                "query": text[:300],
                "offset": "",
                "from": {"id": user, "is_bot": False, "first_name": "U"},
            }
        }
    if shape == 1:
        update = fake.message_update(text, chat_id=user, user_id=user)
        return {"edited_message": update["message"] | {"edit_date": int(time.time())}}
    if shape == 2:
        return fake.message_update(
            f"@clipdesk_bot {text}", chat_id=-100_000 - user, chat_type="supergroup", user_id=user
        )
    if shape == 3:
        reply = fake.message_update(text, chat_id=user, user_id=user + 1)["message"]
        return fake.message_update("/quote", chat_id=user, user_id=user, reply_to_message=reply)
    if shape == 4:
        message = fake.message_update("", chat_id=user, user_id=user)["message"]
        message.pop("text")
        return {
            "message": message
            | {
                "sticker": {
                    "file_id": "x",
                    "file_unique_id": "y",
                    "width": 1,
                    "height": 1,
                    "is_animated": False,
                    "is_video": False,
                    "type": "regular",
                }
            }
        }
    if shape == 5:
        return {
            "channel_post": fake.message_update(
                text, chat_id=-200_000 - user, chat_type="channel", user_id=user
            )["message"]
        }
    return fake.message_update(text, chat_id=user, user_id=user)


def _count_apologies(part: Part, texts: list[str]) -> None:
    """A user who sees 'database is locked' or the handlers' apology met a failure: inconsistent."""
    failures = sum("locked" in text.lower() or "went wrong" in text.lower() for text in texts)
    part.inconsistent += failures
    part.notes.append(f"{failures} locked errors or apologies seen by users")


async def _settle(calls: Callable[[], int], quiet: float = 2.0, limit: float = 900.0) -> None:
    """Wait until the count stops growing for `quiet` seconds (or `limit` passes)."""
    start = last_change = time.monotonic()
    seen = calls()
    while time.monotonic() - start < limit and time.monotonic() - last_change < quiet:
        await asyncio.sleep(0.2)
        if calls() != seen:
            seen, last_change = calls(), time.monotonic()


async def telegram_part(db_path: Path, updates: int, seed: int) -> list[Part]:
    """Hostile updates from many users, then one user's flood; the probe question must still be answered."""
    rnd = random.Random(seed)
    hostile, flood = Part("telegram: hostile updates"), Part("telegram: one user floods 1,000 questions")
    caught = Tracebacks()
    logging.getLogger().addHandler(caught)
    async with FakeTelegramApi() as fake:
        settings = TelegramSettings(token=TOKEN, api_base_url=fake.base_url, poll_timeout=1)
        store = Store.open(db_path)
        service = TelegramService(settings, store)  # the default rate limit: 10 a minute per user
        await service.start()
        try:
            texts = hostile_texts(rnd)
            for _ in range(updates):
                fake.queue(telegram_update(fake, next(texts), rnd, users=USERS))
            hostile.inputs = updates
            await _settle(lambda: len(fake.requests))
            hostile.over_limit = sum(
                len(c.get("text", "")) > TELEGRAM_LIMIT for c in fake.calls("sendMessage")
            )
            caught.charge(hostile)
            hostile.notes.append(f"{len(fake.calls('sendMessage')):,} messages sent")
            _count_apologies(hostile, [c.get("text", "") for c in fake.calls("sendMessage")])
            before = len(fake.calls("sendMessage"))
            for n in range(1_000):
                fake.queue(fake.message_update(f"question {n} on Shoigu", chat_id=FLOODER, user_id=FLOODER))
            flood.inputs = 1_000
            fake.queue(fake.message_update(PROBE, chat_id=FLOODER + 1, user_id=FLOODER + 1))
            probe = await _wait_for_chat(fake, "sendMessage", FLOODER + 1, before)
            await _settle(lambda: len(fake.requests))
            to_flooder = [c for c in fake.calls("sendMessage")[before:] if c["chat_id"] == FLOODER]
            notices = sum("wait" in c.get("text", "").lower() for c in to_flooder)
            flood.inconsistent = int(notices > 5)  # a handful of notices at most, then silence
            flood.notes.append(f"{len(to_flooder) - notices} answers and {notices} notices to the flooder")
            flood.notes.append("another user answered" if probe else "another user NOT answered")
            flood.crashes = 0 if probe else 1
            caught.charge(flood)
        finally:
            await service.stop()
            store.close()
            logging.getLogger().removeHandler(caught)
    return [hostile, flood]


async def _wait_for_chat(fake: Any, method: str, chat: int | str, after: int, limit: float = 600.0) -> bool:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if any(str(c.get("chat_id", c.get("channel"))) == str(chat) for c in fake.calls(method)[after:]):
            return True
        await asyncio.sleep(0.1)
    return False


async def slack_part(db_path: Path, requests: int, seed: int) -> list[Part]:
    """Signed hostile events and commands, unsigned and malformed requests; the probe must still answer."""
    rnd = random.Random(seed)
    hostile, forged = Part("slack: hostile signed requests"), Part("slack: unsigned / malformed requests")
    caught = Tracebacks()
    logging.getLogger().addHandler(caught)
    async with FakeSlackApi() as fake:
        settings = SlackSettings(
            bot_token="xoxb-test", signing_secret=SECRET, api_base_url=fake.base_url, host="127.0.0.1", port=0
        )
        store = Store.open(db_path)
        service = SlackService(settings, store, ChannelPace(0))
        await service.start()
        deliver = SignedDelivery(SECRET, f"http://127.0.0.1:{service.port}/slack/events")
        try:
            texts = hostile_texts(rnd)
            statuses: dict[int, int] = {}
            for n in range(requests):
                text, user = next(texts)[:50_000], f"U{rnd.randrange(USERS):05d}"
                if n % 2:
                    event = {
                        "type": "app_mention",
                        "user": user,
                        "text": f"<@{BOT_USER_ID}> {text}",
                        "ts": f"{1_700_000_000 + n}.000100",
                        "channel": "C0NEWS",
                    }
                    status, _ = await deliver.event(deliver.event_body(event))
                else:
                    status, _ = await deliver.command(
                        {
                            "command": "/clipdesk",
                            "text": text,
                            "user_id": user,
                            "channel_id": "C0NEWS",
                            "team_id": "TCLIPTEAM",
                            "response_url": fake.response_url("cmd"),
                            "trigger_id": f"{n}.1.2",
                        }
                    )
                statuses[status] = statuses.get(status, 0) + 1
            hostile.inputs = requests
            hostile.notes.append("statuses " + ", ".join(f"{k}: {v:,}" for k, v in sorted(statuses.items())))
            await _settle(lambda: len(fake.requests))
            caught.charge(hostile)
            forged_statuses: dict[int, int] = {}
            for n in range(max(requests // 10, 50)):
                headers = rnd.choice(
                    [
                        {},
                        {"X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=00"},
                        {"X-Slack-Request-Timestamp": "1796162707.413", "X-Slack-Signature": "v0="},
                        {
                            "X-Slack-Request-Timestamp": str(int(time.time())),
                            "X-Slack-Signature": "v0=" + "0" * 64,
                        },
                    ]
                )
                status = await _raw_post(
                    deliver.url, headers, json.dumps({"type": "url_verification", "challenge": str(n)})
                )
                forged_statuses[status] = forged_statuses.get(status, 0) + 1
                forged.inputs += 1
            forged.inconsistent = sum(v for k, v in forged_statuses.items() if k != 401)
            forged.notes.append(
                "statuses " + ", ".join(f"{k}: {v:,}" for k, v in sorted(forged_statuses.items()))
            )
            await _settle(lambda: len(fake.requests))
            posted = fake.calls("chat.postMessage") + fake.calls("response_url/cmd")
            hostile.over_limit = sum(len(json.dumps(c)) > SLACK_LIMIT for c in posted)
            _count_apologies(hostile, [json.dumps(c, ensure_ascii=False) for c in posted])
            caught.charge(forged)
            before = len(fake.calls("chat.postMessage"))
            await deliver.event(
                deliver.event_body(
                    {
                        "type": "app_mention",
                        "user": "U0PROBE",
                        "channel": "C0PROBE",
                        "text": f"<@{BOT_USER_ID}> {PROBE}",
                        "ts": "1800000000.1",
                    }
                )
            )
            hostile.crashes = (
                0 if await _wait_for_chat(fake, "chat.postMessage", "C0PROBE", before, 60) else 1
            )
            caught.charge(hostile)
        finally:
            await service.stop()
            store.close()
            logging.getLogger().removeHandler(caught)
    return [hostile, forged]


async def _raw_post(url: str, headers: dict[str, str], body: str) -> int:
    import aiohttp

    async with (
        aiohttp.ClientSession() as session,
        session.post(
            url, data=body.encode(), headers=headers | {"Content-Type": "application/json"}
        ) as response,
    ):
        return response.status


def kill_part(work: Path, kills: int, seed: int) -> Part:
    """SIGKILL `clipdesk ingest` at random moments, then finish: the store must equal an uninterrupted one."""
    part = Part("ingest: SIGKILL mid-way, then finish")
    folder = work / "articles"
    folder.mkdir()
    for name, text in articles(600, seed=seed):
        (folder / name).write_text(text, encoding="utf-8")
    rnd = random.Random(seed)
    command = [sys.executable, "-m", "clipdesk.bot.cli.main"]
    clean, killed = work / "clean.db", work / "killed.db"
    subprocess.run(command + ["ingest", "--db", str(clean), str(folder)], check=True, capture_output=True)
    for _ in range(kills):
        process = subprocess.Popen(
            command + ["ingest", "--db", str(killed), str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rnd.uniform(0.3, 3.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        part.inputs += 1
        part.inconsistent += _integrity(killed) != "ok"
    finish = subprocess.run(
        command + ["ingest", "--db", str(killed), str(folder)], capture_output=True, text=True
    )
    part.tracebacks += "Traceback" in finish.stderr
    counts = {path: _counts(path) for path in (clean, killed)}
    if counts[clean] != counts[killed]:
        part.inconsistent += 1
        part.notes.append(f"uninterrupted {counts[clean]} vs killed {counts[killed]}")
    else:
        part.notes.append(
            "articles, paragraphs, quotes, events: " + ", ".join(f"{n:,}" for n in counts[clean])
        )
    return part


def poll_kill_part(work: Path, kills: int, seed: int) -> Part:
    """SIGKILL `clipdesk feeds poll` at random moments, then finish: every entry is one article, once."""
    part = Part("feed poll: SIGKILL mid-way, then finish")
    rnd = random.Random(seed)
    env = os.environ | {"CLIPDESK_FETCH_ALLOW_PRIVATE": "1", "CLIPDESK_FETCH_INTERVAL": "0"}
    command = [sys.executable, "-m", "clipdesk.bot.cli.main"]
    with NewsSite() as site:
        site.add("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
        items = []
        for n, (_, text) in enumerate(articles(150, seed=seed)):
            title, *paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
            site.add(f"/a/{n}", article_page(Story(title=title, paragraphs=tuple(paragraphs))))
            items.append({"title": title, "link": site.url(f"/a/{n}"), "guid": f"a-{n}"})
        site.add("/feed.xml", rss("Harness Herald", items), "application/rss+xml")
        stores = {name: work / f"{name}.db" for name in ("poll-clean", "poll-killed")}
        for path in stores.values():
            subprocess.run(command + ["feeds", "add", "--db", str(path), site.url("/feed.xml")], env=env,
                           check=True, capture_output=True)
        subprocess.run(command + ["feeds", "poll", "--db", str(stores["poll-clean"])], env=env,
                       capture_output=True)
        killed = stores["poll-killed"]
        for _ in range(kills):
            process = subprocess.Popen(command + ["feeds", "poll", "--db", str(killed)], env=env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rnd.uniform(0.5, 4.0))
            process.send_signal(signal.SIGKILL)
            process.wait()
            part.inputs += 1
            part.inconsistent += _integrity(killed) != "ok"
        finish = subprocess.run(command + ["feeds", "poll", "--db", str(killed)], env=env,
                                capture_output=True, text=True)
        part.tracebacks += "Traceback" in finish.stderr
    counts = {name: _counts(path) for name, path in stores.items()}
    urls = _duplicate_urls(killed)
    if counts["poll-clean"] != counts["poll-killed"] or urls:
        part.inconsistent += 1
        part.notes.append(f"uninterrupted {counts['poll-clean']} vs killed {counts['poll-killed']}, "
                          f"{urls} URLs twice")
    else:
        figures = ", ".join(f"{n:,}" for n in counts["poll-clean"])
        part.notes.append(f"articles, paragraphs, quotes, events: {figures}")
    return part


def _duplicate_urls(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM (SELECT url FROM articles WHERE url IS NOT NULL "
                                "GROUP BY url HAVING count(*) > 1)").fetchone()[0])


def _integrity(path: Path) -> str:
    if not path.exists():
        return "ok"
    with sqlite3.connect(path) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def _counts(path: Path) -> tuple[int, ...]:
    with sqlite3.connect(path) as conn:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "paragraphs", "quotes", "events")
        )


def schema_part(work: Path) -> Part:
    """Every old-schema fixture opens, migrates and answers; a newer-than-code file is refused in one line."""
    part = Part("old schemas upgrade and answer; newer refused")
    command = [sys.executable, "-m", "clipdesk.bot.cli.main"]
    for fixture in sorted(FIXTURES.glob("*.db")):
        copy = work / fixture.name
        shutil.copy(fixture, copy)
        done = subprocess.run(
            command + ["ask", "--db", str(copy), "--json", PROBE], capture_output=True, text=True
        )
        part.inputs += 1
        part.tracebacks += "Traceback" in done.stderr
        part.inconsistent += done.returncode != 0 or not json.loads(done.stdout or "{}").get("found")
    newer = work / "newer.db"
    shutil.copy(sorted(FIXTURES.glob("*.db"))[-1], newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 999")
    done = subprocess.run(command + ["ask", "--db", str(newer), PROBE], capture_output=True, text=True)
    part.inputs += 1
    part.tracebacks += "Traceback" in done.stderr
    part.inconsistent += done.returncode == 0 or len(done.stderr.strip().splitlines()) != 1
    part.notes.append(f"newer file: {done.stderr.strip()[:100]!r}")
    return part


def seeded_copy(work: Path, name: str) -> Path:
    path = work / name
    database = open_db(path)
    ingest_seeds(database)
    database.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.harness", description=__doc__)
    parser.add_argument("--updates", type=int, default=10_000, help="hostile updates per platform")
    parser.add_argument("--kills", type=int, default=20, help="SIGKILLs during ingest")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, handlers=[logging.NullHandler()])
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        parts = asyncio.run(telegram_part(seeded_copy(work, "telegram.db"), args.updates, args.seed))
        parts += asyncio.run(slack_part(seeded_copy(work, "slack.db"), args.updates, args.seed))
        parts.append(kill_part(work, args.kills, args.seed))
        parts.append(poll_kill_part(work, args.kills, args.seed))
        parts.append(schema_part(work))
    print("| part | inputs | crashes | tracebacks | over limit | inconsistent | verdict | notes |")
    print("|---|---:|---:|---:|---:|---:|---|---|")
    for part in parts:
        print(part.row())


if __name__ == "__main__":
    main()
