"""Shared fixtures: an empty store, and a store holding the bundled seed coverage."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlite_utils

from clipdesk.store.index.schema import open_db
from clipdesk.store.seeds import ingest_seeds, seeds_dir

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def db() -> sqlite_utils.Database:
    """An empty in-memory clipdesk store."""
    return open_db(memory=True)


@pytest.fixture(scope="session")
def seeded_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file with the seeds ingested once per test session (copy it before writing)."""
    path = tmp_path_factory.mktemp("seeded") / "seeded.db"
    database = open_db(path)
    ingest_seeds(database)
    database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


@pytest.fixture
def seeded_db_path(seeded_path: Path, tmp_path: Path) -> Path:
    """A private copy of the seeded database file that a test may write to."""
    copy = tmp_path / "clipdesk.db"
    shutil.copy(seeded_path, copy)
    return copy


@pytest.fixture
def seeded_db(seeded_db_path: Path) -> sqlite_utils.Database:
    """An open, writable store holding the seed coverage."""
    return open_db(seeded_db_path)


@pytest.fixture
def seeds() -> Path:
    """The bundled seed articles."""
    return seeds_dir()
