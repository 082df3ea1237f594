"""Structured logging: one JSON line per event, with platform and chat, and secrets masked."""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime

TOKEN_PATTERNS = re.compile(
    r"(\d{5,}:[A-Za-z0-9_-]{20,})"  # Telegram bot tokens (also inside Bot API URLs)
    r"|(xox[abposr]-[A-Za-z0-9-]{8,})"  # Slack bot/user tokens
    r"|(xapp-[A-Za-z0-9-]{8,})"  # Slack app-level tokens
)
MASK = "***"
EXTRA_FIELDS = ("platform", "chat", "user", "event", "subscription", "part", "error")


class RedactingFormatter(logging.Formatter):
    """Formats a record as one JSON line, with known secrets and token shapes masked."""

    def __init__(self, secrets: list[str] | None = None) -> None:
        super().__init__()
        self.secrets = sorted((s for s in secrets or [] if len(s) >= 6), key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        return TOKEN_PATTERNS.sub(MASK, text)

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in EXTRA_FIELDS:
            if hasattr(record, field):
                line[field] = getattr(record, field)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return self.redact(json.dumps(line, ensure_ascii=False, default=str))


def setup_logging(level: str = "INFO", secrets: list[str] | None = None,
                  stream=None) -> logging.Handler:
    """Send every log record through one redacting JSON-line handler on stderr."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(RedactingFormatter(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(max(logging.WARNING, root.level))
    return handler
