"""People and institutions across articles: one canonical row per name, with its aliases."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils


def resolve_person(db: sqlite_utils.Database, name: str, role: str | None = None,
                   kind: str = "person") -> tuple[int, str]:
    """The (id, canonical name) for `name` as written, creating the person if new."""
    row = db.execute("SELECT id, name FROM people WHERE name = ?", [name]).fetchone()
    if row:
        return row[0], row[1]
    db.execute("INSERT INTO people (name, kind, role) VALUES (?, ?, ?)", [name, kind, role])
    pid = db.execute("SELECT id FROM people WHERE name = ?", [name]).fetchone()[0]
    db.execute("INSERT OR IGNORE INTO aliases (alias, person_id) VALUES (?, ?)", [name.lower(), pid])
    return pid, name


@dataclass(frozen=True)
class Recognised:
    """A person or institution recognised in user text, and the words that named it."""

    id: int
    name: str
    kind: str
    matched: str
    score: float


def recognise_people(db: sqlite_utils.Database, text: str) -> list[Recognised]:
    """People and institutions named (even misspelt) in `text`, best match first."""
    return []
