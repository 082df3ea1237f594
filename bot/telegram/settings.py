"""The Telegram adapter's settings, read from the environment."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

DEFAULT_API = "https://api.telegram.org"


def _ids(raw: str) -> frozenset[str]:
    return frozenset(item.strip() for item in raw.split(",") if item.strip())


@dataclass(frozen=True)
class TelegramSettings:
    """Token, where the Bot API is, polling or webhook, and who may use the bot."""

    token: str
    api_base_url: str = DEFAULT_API
    webhook_url: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    webhook_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    allowed_chats: frozenset[str] = frozenset()
    admins: frozenset[str] = frozenset()
    rate_limit: int = 10
    poll_timeout: int = 10

    def is_admin(self, user_id: int | str) -> bool:
        """True for a listed admin, and for everyone when no admins are listed."""
        return not self.admins or str(user_id) in self.admins

    @classmethod
    def from_env(cls, env: dict[str, str]) -> TelegramSettings:
        """Read TELEGRAM_BOT_TOKEN, TELEGRAM_API_BASE_URL, TELEGRAM_WEBHOOK_URL/_LISTEN/_PORT/_SECRET,
        CLIPDESK_TELEGRAM_CHATS, CLIPDESK_ADMINS and CLIPDESK_RATE_LIMIT."""
        more: dict = {}
        if env.get("TELEGRAM_WEBHOOK_SECRET", "").strip():
            more["webhook_secret"] = env["TELEGRAM_WEBHOOK_SECRET"].strip()
        return cls(
            token=env.get("TELEGRAM_BOT_TOKEN", "").strip(),
            api_base_url=(env.get("TELEGRAM_API_BASE_URL", "").strip() or DEFAULT_API).rstrip("/"),
            webhook_url=env.get("TELEGRAM_WEBHOOK_URL", "").strip() or None,
            webhook_listen=env.get("TELEGRAM_WEBHOOK_LISTEN", "").strip() or "0.0.0.0",
            webhook_port=int(env.get("TELEGRAM_WEBHOOK_PORT", "").strip() or 8443),
            allowed_chats=_ids(env.get("CLIPDESK_TELEGRAM_CHATS", "")),
            admins=_ids(env.get("CLIPDESK_ADMINS", "")),
            rate_limit=int(env.get("CLIPDESK_RATE_LIMIT", "").strip() or 10),
            **more,
        )
