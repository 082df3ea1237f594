"""Places and their aliases (Kyiv/Kiev), recognised in text."""

from __future__ import annotations


def recognise_places(text: str) -> list[str]:
    """Canonical names of the places named in `text`, in order of appearance."""
    return []
