"""The neutral conversation types every platform adapter speaks: Request in, Reply out."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Request:
    """One thing a user said to the bot, stripped of platform objects.

    `command` is the command word without its slash ("ask", "quote", ...) or None for plain
    text; `args` is the text after the command (or the whole text for plain questions).
    `reply_to_text` is the text of the message being replied to, when there is one.
    `is_admin` is decided by the adapter (CLIPDESK_ADMINS, or the platform's own chat administrators);
    `admin_rule` says in words who counts as an admin there, for refusals.
    """

    platform: str
    chat_id: str
    user_id: str
    text: str
    command: str | None = None
    args: str = ""
    thread_id: str | None = None
    reply_to_text: str | None = None
    is_admin: bool = True
    is_group: bool = False
    admin_rule: str = "this chat's admins"


@dataclass(frozen=True)
class Snippet:
    """One piece of evidence with its citation."""

    kind: str  # "quote" | "event" | "paragraph"
    text: str
    speaker: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str = ""
    score: float = 0.0

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "text": self.text,
            "speaker": self.speaker,
            "outlet": self.outlet,
            "published": self.published,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class Reply:
    """What the bot answers: a lead text, the evidence, and where to answer."""

    text: str
    snippets: tuple[Snippet, ...] = field(default_factory=tuple)
    thread_id: str | None = None
    found: bool = False
