"""`clipdesk feeds ...`: follow, list, remove, poll, import and export feeds; and ingesting page URLs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from clipdesk.bot.cli.db import db_option, open_store
from clipdesk.handlers.following import (
    DEFAULT_EVERY,
    BadOpml,
    Feed,
    FeedError,
    Fetcher,
    Outcome,
    add_pages,
    describe_every,
    export_opml,
    fetcher,
    follow,
    followed,
    import_opml,
    parse_every,
    poll_feeds,
    unfollow,
)
from clipdesk.store.store import Store


def _fetcher() -> Fetcher:
    """A fetcher with the CLIPDESK_FETCH_* settings; a bad setting is a one-line error."""
    try:
        return fetcher()
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc


def _every(text: str) -> int:
    try:
        return parse_every(text)
    except FeedError as exc:
        raise click.BadParameter(str(exc)) from exc


def status(feed: Feed) -> str:
    """ok, never polled, or FAILING with the count and the last error."""
    pages = f" ({feed.pages_failing} page{'s' * (feed.pages_failing != 1)} not stored yet, retried at the " \
        "next polls)" if feed.pages_failing else ""
    if feed.failing:
        return f"FAILING ({feed.failures}x): {feed.last_error}{pages}"
    return ("ok" if feed.last_ok else "not polled yet") + pages


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
        feed = follow(db, _fetcher(), url, name, seconds)
    except FeedError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Following {feed.name} ({feed.url}) every {describe_every(feed.every)}.")


@feeds_command.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@db_option
def list_command(as_json: bool, db_file: Path | None) -> None:
    """The feeds followed, when they were last polled, and any that keep failing with their error."""
    feeds = followed(open_store(db_file))
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
    removed = unfollow(open_store(db_file), feed)
    if removed is None:
        raise click.ClickException(f"no feed with the URL or name {feed!r}; see clipdesk feeds list")
    click.echo(f"Stopped following {removed.name} ({removed.url}).")


@feeds_command.command("poll")
@db_option
def poll_command(db_file: Path | None) -> None:
    """Poll every feed once now and exit (for cron and tests); exit status 1 if a feed failed."""
    db = open_store(db_file)
    feeds = followed(db)
    if not feeds:
        click.echo("No feeds followed. Add one with: clipdesk feeds add URL")
        return
    results = poll_feeds(db, _fetcher(), feeds)
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
        done = import_opml(open_store(db_file), _fetcher(), file.read_bytes(), seconds)
    except BadOpml as exc:
        raise click.ClickException(f"{file}: {exc}") from exc
    for line in done.skipped:
        click.echo(line, err=True)
    for error in done.errors:
        click.echo(f"error: {error}", err=True)
    click.echo(f"{done.added} of {done.listed} feeds added.")


@feeds_command.command("export")
@db_option
def export_command(db_file: Path | None) -> None:
    """Print the feeds followed as OPML, for an RSS reader or another clipdesk."""
    click.echo(export_opml(open_store(db_file)), nl=False)


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def ingest_urls(store: Store, urls: list[str]) -> list[Outcome]:
    """Fetch and ingest each page URL, reporting failures on stderr."""
    if not urls:
        return []
    outcomes = add_pages(store, _fetcher(), urls)
    for outcome in outcomes:
        if outcome.status == "error":
            click.echo(f"error: {outcome.message}", err=True)
    return outcomes
