"""The bundled seed coverage, ingested by itself the first time a database is created."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from store.ingest import Outcome, ingest_paths


def seeds_dir() -> Path:
    """Where the bundled articles are: inside the installed package, or in the source tree."""
    packaged = Path(__file__).parent / "seeds"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "seeds"


def ingest_seeds(db: sqlite_utils.Database) -> list[Outcome]:
    """Ingest the bundled seed articles."""
    return ingest_paths(db, [seeds_dir()])
