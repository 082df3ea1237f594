"""The --db option every command shares, and opening the store (seeding it on first use)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click
import sqlite_utils

from clipdesk.store.index.schema import db_path, open_db
from clipdesk.store.seeds import ingest_seeds

db_option = click.option(
    "--db", "db_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="SQLite database file [env CLIPDESK_DB; default ./clipdesk.db].",
)


def open_store(db_file: Path | None, notice: Callable[[str], None] | None = None) -> sqlite_utils.Database:
    """Open the store; when its file does not exist yet, index the bundled seeds first."""
    path = db_path(db_file)
    fresh = not path.exists()
    try:
        db = open_db(path)
    except Exception as exc:  # sqlite3.DatabaseError, OSError: a file that is not a database
        raise click.ClickException(f"cannot open database {path}: {exc}") from exc
    if fresh:
        outcomes = ingest_seeds(db)
        added = sum(o.status == "added" for o in outcomes)
        (notice or _stderr)(f"clipdesk: new database {path}: indexed the {added} bundled seed articles.")
    return db


def _stderr(message: str) -> None:
    click.echo(message, err=True)
