"""Sanitising user text before it reaches the store."""

from __future__ import annotations

import unicodedata

MAX_QUESTION_CHARS = 500


def clip_question(text: str | None) -> str:
    """User text without control characters, whitespace collapsed, at most MAX_QUESTION_CHARS."""
    if not text:
        return ""
    cleaned = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return " ".join(cleaned.split())[:MAX_QUESTION_CHARS].strip()
