"""Shared by the digest tests: coverage written straight into the store, and a recording Sender."""

from __future__ import annotations

import asyncio
import hashlib
import json
import random
import string
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from clipdesk.bot.delivery import TargetGone, TemporaryFailure
from clipdesk.handlers.types import Reply


def distinct_headline(i: int, words: int = 6) -> str:
    """A headline of made-up words, its own story: no two share enough words to be grouped."""
    rng = random.Random(i)
    return " ".join("".join(rng.choices(string.ascii_lowercase, k=7)) for _ in range(words)).capitalize()


def add_article(db: sqlite_utils.Database, title: str | None, outlet: str | None, ingested_at: str, *,
                published: str | None = None, url: str | None = None, body: str = "",
                quotes: tuple[tuple[str, str | None], ...] = (),
                events: tuple[dict, ...] = ()) -> str:
    """Store one article with its quotations (text, speaker) and events, as ingest would."""
    aid = hashlib.sha256(f"{title}{outlet}{ingested_at}{body}".encode()).hexdigest()[:16]
    db["articles"].insert({"id": aid, "source": f"{aid}.txt", "url": url, "outlet": outlet, "title": title,
                           "published": published, "ingested_at": ingested_at})
    paragraphs = [body or title or "", *(f"\u201c{text}\u201d, {who or 'a spokesman'} said."
                                         for text, who in quotes)]
    db["paragraphs"].insert_all({"article_id": aid, "position": i, "text": t}
                                for i, t in enumerate(paragraphs))
    for i, (text, speaker) in enumerate(quotes, 1):
        db["quotes"].insert({"article_id": aid, "paragraph": i, "text": text, "speaker": speaker,
                             "cue": "said", "partial": 0})
    for event in events:
        db["events"].insert({"article_id": aid, "paragraph": 0, "kind": event["kind"],
                             "date": event.get("date"), "date_text": event.get("date_text"),
                             "place": event.get("place"),
                             "participants": json.dumps(event.get("participants", [])),
                             "summary": event["summary"]})
    return aid


@dataclass
class RecordingSender:
    """A Sender that renders a Reply into plain-text parts of at most `limit` characters and records
    every part it is asked to send, per chat; chats can be made gone, failing, or slow."""

    platform: str = "telegram"
    limit: int = 400
    gone: set[str] = field(default_factory=set)
    failures: dict[str, int] = field(default_factory=dict)  # chat -> how many sends fail before success
    fail_at: dict[str, int] = field(default_factory=dict)  # chat -> which part (0-based) fails
    delays: dict[str, float] = field(default_factory=dict)
    sent: dict[str, list[str]] = field(default_factory=dict)

    def render(self, reply: Reply) -> list[Any]:
        lines = [reply.text] + [f"[{s.kind}] {s.text} \u2014 {s.speaker or ''} {s.outlet or ''} "
                                f"{s.published or ''}" for s in reply.snippets]
        parts, current = [], ""
        for line in lines:
            if current and len(current) + len(line) + 1 > self.limit:
                parts.append(current)
                current = ""
            current = f"{current}\n{line}" if current else line[: self.limit]
        return [*parts, current] if current else parts

    async def send_part(self, chat_id: str, thread_id: str | None, part: Any) -> None:
        await asyncio.sleep(self.delays.get(chat_id, 0))
        if chat_id in self.gone:
            raise TargetGone(f"chat {chat_id} blocked the bot")
        received = self.sent.setdefault(chat_id, [])
        if self.failures.get(chat_id) and len(received) == self.fail_at.get(chat_id, 0):
            self.failures[chat_id] -= 1
            raise TemporaryFailure("HTTP 502")
        received.append(part)
