"""`clipdesk migrate`: bring a store's schema up to this version explicitly, saying what was done."""

from __future__ import annotations

from pathlib import Path

import click

from clipdesk.bot.cli.db import db_option, store_errors
from clipdesk.store.index.migrations import file_version, migrate, pending
from clipdesk.store.index.schema import SCHEMA_VERSION, db_path, open_db, stderr_progress
from clipdesk.store.index.vectors import backfill_pending


@click.command("migrate")
@click.option("--dry-run", is_flag=True, help="Only list the steps that would run.")
@db_option
def migrate_command(dry_run: bool, db_file: Path | None) -> None:
    """Apply the pending schema migrations to the store (opening it does this too)."""
    path = db_path(db_file)
    with store_errors(path):
        db = open_db(path, upgrade=False)
        try:
            before = file_version(db.conn)
            steps = pending(db.conn)
            if dry_run:
                for step in steps:
                    click.echo(f"would apply {step.version}: {step.name}")
            else:
                for step in migrate(db.conn):
                    click.echo(f"applied {step.version}: {step.name}")
                backfill_pending(db, stderr_progress)
        finally:
            db.close()
    if not steps:
        click.echo(f"{path}: schema version {before}, up to date.")
    elif not dry_run:
        click.echo(f"{path}: schema version {before} -> {SCHEMA_VERSION}.")
