"""Configuration from the environment and an optional .env file, validated with clear errors."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from dotenv import dotenv_values

from clipdesk.handlers.following import fetcher

SECRET_VARS = ("TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN",
               "SLACK_SIGNING_SECRET")
TELEGRAM_TOKEN = re.compile(r"^\d+:[A-Za-z0-9_-]{20,}$")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
SLACK_CHANNEL = re.compile(r"[CGD][A-Z0-9]{2,}")


class ConfigError(ValueError):
    """The configuration cannot work; the message lists every problem found."""


@dataclass(frozen=True)
class Config:
    """What `clipdesk serve` runs and how."""

    db: Path
    telegram: bool
    slack: bool
    slack_socket_mode: bool
    health_host: str
    health_port: int
    log_level: str
    feed_check: float = 30.0  # seconds between looks for due feeds

    @property
    def platforms(self) -> list[str]:
        return [name for name, on in (("telegram", self.telegram), ("slack", self.slack)) if on]


def load_env(env_file: Path | None = None, environ: dict[str, str] | None = None) -> dict[str, str]:
    """The environment with a .env file's values filled in (real environment variables win)."""
    env = dict(os.environ if environ is None else environ)
    path = env_file or Path(".env")
    if path.is_file():
        for key, value in dotenv_values(path).items():
            if value is not None:
                env.setdefault(key, value)
    elif env_file is not None:
        raise ConfigError(f"env file {env_file} does not exist")
    return env


def parse_config(env: dict[str, str]) -> Config:
    """Validate `env` and build the Config; raise ConfigError listing every problem."""
    problems: list[str] = []
    tg_token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
    slack_bot = env.get("SLACK_BOT_TOKEN", "").strip()
    slack_app = env.get("SLACK_APP_TOKEN", "").strip()
    signing = env.get("SLACK_SIGNING_SECRET", "").strip()
    if tg_token and not TELEGRAM_TOKEN.match(tg_token):
        problems.append("TELEGRAM_BOT_TOKEN does not look like a bot token from @BotFather "
                        "(digits, a colon, then letters).")
    webhook = env.get("TELEGRAM_WEBHOOK_URL", "").strip()
    if webhook and not tg_token:
        problems.append("TELEGRAM_WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is not.")
    if webhook and not webhook.startswith("https://"):
        problems.append("TELEGRAM_WEBHOOK_URL must be an https:// URL (Telegram only calls HTTPS webhooks).")
    if slack_bot and not slack_bot.startswith("xoxb-"):
        problems.append("SLACK_BOT_TOKEN should be the bot token that starts with xoxb-.")
    if slack_bot and not (slack_app or signing):
        problems.append("SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor "
                        "SLACK_SIGNING_SECRET (HTTP mode) is.")
    if (slack_app or signing) and not slack_bot:
        problems.append("SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not.")
    if slack_app and not slack_app.startswith("xapp-"):
        problems.append("SLACK_APP_TOKEN should be the app-level token that starts with xapp-.")
    telegram_chats = _items(env, "CLIPDESK_TELEGRAM_CHATS")
    if any(not re.fullmatch(r"-?\d+", i) for i in telegram_chats):
        problems.append("CLIPDESK_TELEGRAM_CHATS must be comma-separated numeric chat ids, "
                        "e.g. -1001234567890,42.")
    if any(not SLACK_CHANNEL.fullmatch(i) for i in _items(env, "CLIPDESK_SLACK_CHANNELS")):
        problems.append("CLIPDESK_SLACK_CHANNELS must be comma-separated Slack channel ids (C…, G… or D…), "
                        "e.g. C0123ABCD,G0456EFGH; a channel's id is at the bottom of its About tab.")
    _int(env, "CLIPDESK_RATE_LIMIT", 10, 1, 10_000, problems)
    port = _int(env, "CLIPDESK_HEALTH_PORT", 8080, 0, 65535, problems)
    _int(env, "SLACK_PORT", 3000, 0, 65535, problems)
    _int(env, "TELEGRAM_WEBHOOK_PORT", 8443, 1, 65535, problems)
    try:
        fetcher(env)
    except ValueError as exc:
        problems.append(f"{exc}.")
    feed_check = _seconds(env, "CLIPDESK_FEED_CHECK", problems)
    level = env.get("CLIPDESK_LOG_LEVEL", "INFO").upper()
    if level not in LOG_LEVELS:
        problems.append(f"CLIPDESK_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}.")
    if problems:
        raise ConfigError("\n".join(problems))
    return Config(
        db=Path(env.get("CLIPDESK_DB") or "clipdesk.db"),
        telegram=bool(tg_token),
        slack=bool(slack_bot),
        slack_socket_mode=bool(slack_app),
        health_host=env.get("CLIPDESK_HEALTH_HOST", "127.0.0.1"),
        health_port=port,
        log_level=level,
        feed_check=feed_check or 30.0,
    )


def secrets(env: dict[str, str]) -> list[str]:
    """The secret values in `env`, to be masked wherever they might be printed."""
    return [env[name] for name in SECRET_VARS if env.get(name)]


def _items(env: dict[str, str], name: str) -> list[str]:
    return [i.strip() for i in env.get(name, "").split(",") if i.strip()]


def _int(env: dict[str, str], name: str, default: int, low: int, high: int, problems: list[str]) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        problems.append(f"{name} must be a whole number from {low} to {high}, not {raw!r}.")
        return default
    return int(raw)


def _seconds(env: dict[str, str], name: str, problems: list[str]) -> float | None:
    """A number of seconds (positive) from `env`, None when unset; a bad value is a problem."""
    raw = env.get(name, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value > 0:
        problems.append(f"{name} must be a positive number of seconds, not {raw!r}.")
        return None
    return value
