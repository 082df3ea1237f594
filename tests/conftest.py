"""Shared fixtures: an empty store, and a store holding the bundled seed coverage."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clipdesk.store.seeds import ingest_seeds, seeds_dir
from clipdesk.store.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def db() -> Store:
    """An empty in-memory clipdesk store."""
    return Store.open(memory=True)


@pytest.fixture(scope="session")
def seeded_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file with the seeds ingested once per test session (copy it before writing)."""
    path = tmp_path_factory.mktemp("seeded") / "seeded.db"
    database = Store.open(path)
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
def seeded_db(seeded_db_path: Path) -> Store:
    """An open, writable store holding the seed coverage."""
    return Store.open(seeded_db_path)


@pytest.fixture
def seeds() -> Path:
    """The bundled seed articles."""
    return seeds_dir()
