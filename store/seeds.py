"""The bundled seed coverage, ingested by itself the first time a database is created."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from clipdesk.store.ingest import Tally, ingest_paths

if TYPE_CHECKING:
    from clipdesk.store.store import Store


def seeds_dir() -> Path:
    """Where the bundled articles are: the clipdesk.seeds package (the repository's seeds/ folder)."""
    return Path(str(files("clipdesk.seeds")))


def ingest_seeds(db: Store) -> Tally:
    """Ingest the bundled seed articles."""
    return ingest_paths(db, [seeds_dir()])
