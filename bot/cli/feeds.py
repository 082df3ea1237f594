"""`clipdesk feeds ...`: follow, list, remove, poll, import and export feeds; and ingesting page URLs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
import sqlite_utils

from clipdesk.bot.cli.db import db_option, open_store
from clipdesk.store.delivery.feeds import (
    DEFAULT_EVERY,
    Feed,
    FeedError,
    describe_every,
    find_feed,
    list_feeds,
    parse_every,
    remove_feed,
)
from clipdesk.store.delivery.opml import BadOpml, read_opml, write_opml
from clipdesk.store.feed_ingest import follow, poll_all
from clipdesk.store.fetch import Fetcher, FetchSettings
from clipdesk.store.ingest import Outcome
from clipdesk.store.pages import ingest_url


def fetcher() -> Fetcher:
    """A fetcher with the CLIPDESK_FETCH_* settings; a bad setting is a one-line error."""
    try:
        return Fetcher(FetchSettings.from_env())
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc


def _every(text: str) -> int:
    try:
        return parse_every(text)
    except FeedError as exc:
        raise click.BadParameter(str(exc)) from exc


def status(feed: Feed) -> str:
    """ok, never polled, or FAILING with the count and the last error."""
    if feed.failing:
        return f"FAILING ({feed.failures}x): {feed.last_error}"
    return "ok" if feed.last_ok else "not polled yet"


@click.group("feeds")
def feeds_command() -> None:
    """Follow RSS/Atom feeds; `clipdesk serve` polls them, `clipdesk feeds poll` polls once now."""


@feeds_command.command("add")
@click.argument("url")
@click.option("--every", "every", default=describe_every(DEFAULT_EVERY), show_default=True,
              help="How often to poll: 30m, 2h, 1d...")
@click.option("--name", help="A short name to list and remove it by [default: the site's host].")
@db_option
def add_command(url: str, every: str, name: str | None, db_file: Path | None) -> None:
    """Follow the feed at URL."""
    seconds = _every(every)
    db = open_store(db_file)
    try:
        feed = follow(db, fetcher(), url, name, seconds)
    except FeedError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Following {feed.name} ({feed.url}) every {describe_every(feed.every)}.")


@feeds_command.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@db_option
def list_command(as_json: bool, db_file: Path | None) -> None:
    """The feeds followed, when they were last polled, and any that keep failing with their error."""
    feeds = list_feeds(open_store(db_file))
    if as_json:
        click.echo(json.dumps([{**f.as_dict(), "failing": f.failing} for f in feeds], ensure_ascii=False))
        return
    if not feeds:
        click.echo("No feeds followed. Add one with: clipdesk feeds add URL")
    for feed in feeds:
        title = f" · {feed.title}" if feed.title else ""
        click.echo(f"{feed.name}{title}\n   {feed.url} · every {describe_every(feed.every)}"
                   f" · last poll {feed.last_poll or 'never'} · {status(feed)}")


@feeds_command.command("remove")
@click.argument("feed")
@db_option
def remove_command(feed: str, db_file: Path | None) -> None:
    """Stop following FEED (its URL or name); its articles stay indexed."""
    removed = remove_feed(open_store(db_file), feed)
    if removed is None:
        raise click.ClickException(f"no feed with the URL or name {feed!r}; see clipdesk feeds list")
    click.echo(f"Stopped following {removed.name} ({removed.url}).")


@feeds_command.command("poll")
@db_option
def poll_command(db_file: Path | None) -> None:
    """Poll every feed once now and exit (for cron and tests); exit status 1 if a feed failed."""
    db = open_store(db_file)
    feeds = list_feeds(db)
    if not feeds:
        click.echo("No feeds followed. Add one with: clipdesk feeds add URL")
        return
    results = poll_all(db, fetcher(), feeds)
    for result in results:
        click.echo(result.summary)
        for error in result.errors:
            click.echo(f"error: {error}", err=True)
    added = sum(len(r.added) for r in results)
    polled = len(results)
    click.echo(f"{added} new article{'s' * (added != 1)} from {polled} feed{'s' * (polled != 1)}.")
    if any(r.error for r in results):
        sys.exit(1)


@feeds_command.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--every", "every", default=describe_every(DEFAULT_EVERY), show_default=True,
              help="How often to poll the imported feeds.")
@db_option
def import_command(file: Path, every: str, db_file: Path | None) -> None:
    """Follow every feed listed in an OPML FILE (an RSS reader's export)."""
    seconds = _every(every)
    try:
        outlines = read_opml(file.read_bytes())
    except BadOpml as exc:
        raise click.ClickException(f"{file}: {exc}") from exc
    db = open_store(db_file)
    client, added = fetcher(), 0
    for outline in outlines:
        if find_feed(db, outline.url) is not None:
            click.echo(f"already following {outline.url}", err=True)
            continue
        name = outline.name if outline.name and find_feed(db, outline.name) is None else None
        try:
            follow(db, client, outline.url, name, seconds)
            added += 1
        except FeedError as exc:
            click.echo(f"error: {exc}", err=True)
    click.echo(f"{added} of {len(outlines)} feeds added.")


@feeds_command.command("export")
@db_option
def export_command(db_file: Path | None) -> None:
    """Print the feeds followed as OPML, for an RSS reader or another clipdesk."""
    click.echo(write_opml(list_feeds(open_store(db_file))), nl=False)


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def ingest_urls(db: sqlite_utils.Database, urls: list[str]) -> list[Outcome]:
    """Fetch and ingest each page URL, reporting failures on stderr."""
    client = fetcher()
    outcomes = []
    for url in urls:
        outcome = ingest_url(db, client, url)
        if outcome.status == "error":
            click.echo(f"error: {outcome.message}", err=True)
        outcomes.append(outcome)
    return outcomes
