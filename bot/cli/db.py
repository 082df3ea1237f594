"""The --db option, opening the store (seeding an empty one), and store errors turned into one line."""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from clipdesk.store.index.schema import NewerSchema, db_path
from clipdesk.store.store import Store

db_option = click.option(
    "--db", "db_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="SQLite database file [env CLIPDESK_DB; default ./clipdesk.db].",
)

OPENED = "clipdesk.db_path"  # click context meta key: the store file the command opened

# SQLite's result code -> what it means for the user and what to do, "{path}" filled in.
ADVICE = {
    "SQLITE_FULL": "the disk is full; articles written before it filled are kept: free some space "
                   "and run the command again",
    "SQLITE_CORRUPT": "the file is damaged; restore it from a backup (or try `sqlite3 {path} .recover`)",
    "SQLITE_NOTADB": "give the path of a clipdesk database with --db, or move this file away",
    "SQLITE_CANTOPEN": "it cannot be opened; check that its folder exists and is writable",
    "SQLITE_READONLY": "it is read-only; check the file's and its folder's permissions",
    "SQLITE_BUSY": "another process holds it locked; try again when that process is done",
    "SQLITE_IOERR": "reading or writing it failed; check the disk",
    "SQLITE_PERM": "access to it was refused; check the file's permissions",
}


def open_store(db_file: Path | None, notice: Callable[[str], None] | None = None) -> Store:
    """Open (and migrate) the store; when it holds no articles yet, index the bundled seeds first.

    The contents decide, not the file's existence: a first run interrupted after the file appeared,
    or a 0-byte file, is seeded on the next open.
    """
    path = db_path(db_file)
    context = click.get_current_context(silent=True)
    if context is not None:
        context.find_root().meta[OPENED] = path
    with store_errors(path):
        db = Store.open(path)
        if needs_seeds(db):
            from clipdesk.store.seeds import ingest_seeds  # the ingest pipeline, only for a new store

            added = ingest_seeds(db).counts["added"]
            (notice or _stderr)(f"clipdesk: new database {path}: indexed the {added} bundled seed articles.")
    return db


def needs_seeds(db: Store) -> bool:
    """True for a store with no articles at all."""
    return db.execute("SELECT NOT EXISTS (SELECT 1 FROM articles)").fetchone()[0] == 1


def describe(path: Path | str, exc: BaseException) -> str:
    """One line naming the file, what went wrong and what to do."""
    if isinstance(exc, NewerSchema):
        return str(exc)
    if isinstance(exc, sqlite3.Error):
        code = (getattr(exc, "sqlite_errorname", "") or "").split("_")[:2]
        advice = ADVICE.get("_".join(code))
        if advice:
            return f"{path}: {exc}: {advice.format(path=path)}"
        return f"{path}: {exc}"
    return f"{path}: {exc}"


@contextmanager
def store_errors(path: Path | str | None = None) -> Iterator[None]:
    """Turn SQLite errors (and a too-new schema) into a one-line click error naming the file."""
    try:
        yield
    except (sqlite3.Error, NewerSchema) as exc:
        raise click.ClickException(describe(path or _opened(), exc)) from exc


class StoreGroup(click.Group):
    """A command group whose commands report store errors (full disk, damaged file...) in one line,
    and whose `lazy` commands ({name: "module:attribute"}) are imported only when asked for."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy and name not in self.commands:
            module, attribute = self.lazy[name].split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context) -> Any:
        with store_errors():
            return super().invoke(ctx)


def _opened() -> Path:
    context = click.get_current_context(silent=True)
    opened = context.find_root().meta.get(OPENED) if context is not None else None
    return opened or db_path(None)


def _stderr(message: str) -> None:
    click.echo(message, err=True)
