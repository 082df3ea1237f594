"""The Slack adapter's settings, read from the environment."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_PORT = 3000
DEFAULT_HOST = "0.0.0.0"


@dataclass(frozen=True)
class SlackSettings:
    """Tokens and where to listen. Socket Mode when an app-level token is set, HTTP mode otherwise."""

    bot_token: str
    app_token: str | None = None
    signing_secret: str | None = None
    api_base_url: str | None = None
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    admins: frozenset[str] = frozenset()
    allowed_channels: frozenset[str] = frozenset()
    rate_limit: int = 10

    @property
    def socket_mode(self) -> bool:
        return bool(self.app_token)

    def is_admin(self, user_id: str) -> bool:
        """True for a listed admin, and for everyone when no admins are listed."""
        return not self.admins or user_id in self.admins

    @classmethod
    def from_env(cls, env: dict[str, str], port: int | None = None, host: str | None = None) -> SlackSettings:
        """Read SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_BASE_URL, SLACK_PORT,
        CLIPDESK_ADMINS, CLIPDESK_SLACK_CHANNELS and CLIPDESK_RATE_LIMIT."""
        base = env.get("SLACK_API_BASE_URL", "").strip() or None
        if base and not base.endswith("/"):
            base += "/"
        admins = _ids(env.get("CLIPDESK_ADMINS", ""))
        return cls(
            bot_token=env.get("SLACK_BOT_TOKEN", "").strip(),
            app_token=env.get("SLACK_APP_TOKEN", "").strip() or None,
            signing_secret=env.get("SLACK_SIGNING_SECRET", "").strip() or None,
            api_base_url=base,
            host=host or DEFAULT_HOST,
            port=int(env.get("SLACK_PORT") or DEFAULT_PORT) if port is None else port,
            admins=admins,
            allowed_channels=_ids(env.get("CLIPDESK_SLACK_CHANNELS", "")),
            rate_limit=int(env.get("CLIPDESK_RATE_LIMIT", "").strip() or 10),
        )


def _ids(raw: str) -> frozenset[str]:
    return frozenset(item.strip() for item in raw.split(",") if item.strip())
