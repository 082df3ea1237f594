"""The `clipdesk` command line: ask, quotes, events, sources, ingest, chat and the bots."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
import sqlite_utils

from clipdesk.bot.cli.chat import GREETING, chat
from clipdesk.bot.cli.db import StoreGroup, db_option, open_store
from clipdesk.bot.cli.digest import digest_command, subscriptions_command
from clipdesk.bot.cli.feeds import feeds_command, ingest_urls, is_url
from clipdesk.bot.cli.migrate import migrate_command
from clipdesk.bot.cli.render import one_line, render_text
from clipdesk.bot.cli.serve import serve_command
from clipdesk.bot.cli.slack import slack_command
from clipdesk.bot.cli.telegram import telegram_command
from clipdesk.handlers.ask import DEFAULT_K, answer, explain, explain_text
from clipdesk.handlers.types import Reply
from clipdesk.store.index.listings import list_events, list_quotes, list_sources
from clipdesk.store.index.people import recognise_people
from clipdesk.store.ingest import Outcome, article_files, ingest_paths

PROGRESS_OVER = 3


@click.group(cls=StoreGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="clipdesk")
def cli() -> None:
    """clipdesk: ask questions about news coverage and get sourced quotations back.

    On first use the bundled seed coverage is indexed by itself.
    """


def _echo_json(value: object) -> None:
    click.echo(json.dumps(value, ensure_ascii=False))


def _ask_json(question: str, reply: Reply) -> dict:
    return {
        "question": question,
        "found": reply.found,
        "answer": one_line(reply),
        "snippets": [s.as_dict() for s in reply.snippets],
    }


@cli.command()
@click.argument("question", required=False)
@click.option("-k", "k", type=click.IntRange(1, 50), default=DEFAULT_K, show_default=True,
              help="How many snippets at most.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@click.option("--stdin", "from_stdin", is_flag=True,
              help="Read one question per line from standard input (with --json: one JSON object per line).")
@click.option("--explain", "explaining", is_flag=True,
              help="Also show each hit's lexical and semantic scores, the intent and the threshold.")
@db_option
def ask(question: str | None, k: int, as_json: bool, from_stdin: bool, explaining: bool,
        db_file: Path | None) -> None:
    """Ask a QUESTION about the coverage; answers cite speaker, outlet, date and source."""
    if from_stdin == bool(question):
        raise click.UsageError('give a QUESTION, or --stdin to read questions line by line')
    db = open_store(db_file)
    questions = (line.strip() for line in sys.stdin) if from_stdin else iter([question or ""])
    for q in questions:
        if from_stdin and not q:
            continue
        reply = answer(db, q, k=k)
        why = explain(db, q, k=k) if explaining else None
        if as_json:
            _echo_json({**_ask_json(q, reply), **({"explain": why} if why else {})})
        else:
            click.echo(render_text(reply) + (f"\n\n{explain_text(why)}" if why else "")
                       + ("\n" if from_stdin else ""))


@cli.command()
@click.option("--speaker", help="Only this speaker's quotations (misspellings are fine).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@db_option
def quotes(speaker: str | None, as_json: bool, db_file: Path | None) -> None:
    """List the stored quotations with their speakers and sources."""
    db = open_store(db_file)
    speaker_ids = None
    if speaker:
        people = recognise_people(db, speaker)
        if not people:
            raise click.ClickException(f"no speaker matching {speaker!r} in the coverage")
        speaker_ids = [people[0].id]
    rows = list_quotes(db, speaker_ids)
    if as_json:
        _echo_json(rows)
        return
    for row in rows:
        who = row["speaker"] or "unattributed"
        click.echo(f"\u201c{row['text']}\u201d\n   \u2014 {who} · {row['outlet'] or 'outlet unknown'}"
                   f" · {row['published'] or 'date unknown'} · {row['source']}\n")
    click.echo(f"{len(rows)} quotations.", err=True)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@db_option
def events(as_json: bool, db_file: Path | None) -> None:
    """The timeline of meetings, talks, calls, visits, invitations, conferences and sanctions."""
    db = open_store(db_file)
    rows = list_events(db)
    if as_json:
        _echo_json([{k: v for k, v in row.items() if k != "outlet"} for row in rows])
        return
    for row in rows:
        when = row["date"] or row["date_text"] or "date not stated"
        who = ", ".join(row["participants"])
        where = f" in {row['place']}" if row["place"] else ""
        click.echo(f"{when:<12} {row['kind']}{where}: {who}\n             {row['summary']}"
                   f"\n             \u2014 {row['source']}\n")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@db_option
def sources(as_json: bool, db_file: Path | None) -> None:
    """The indexed articles: title, outlet, date, and what was found in each."""
    db = open_store(db_file)
    rows = list_sources(db)
    if as_json:
        _echo_json([vars(s) for s in rows])
        return
    for s in rows:
        click.echo(f"{s.source}\n   {s.title or '(untitled)'} · {s.outlet or 'outlet unknown'}"
                   f" · {s.published or 'date unknown'} · {s.quotes} quotes, {s.events} events")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
def ingest(paths: tuple[str, ...], db_file: Path | None) -> None:
    """Add articles: .txt files, or folders of them (NAME.meta.json sidecars are read too), or page URLs."""
    db = open_store(db_file)
    urls = [p for p in paths if is_url(p)]
    files = list(article_files(Path(p) for p in paths if not is_url(p)))
    if not files and not urls:
        raise click.ClickException("no .txt files found in " + ", ".join(map(str, paths)))
    outcomes = (_ingest_all(db, files) if files else []) + ingest_urls(db, urls)
    counts = {s: sum(o.status == s for o in outcomes) for s in ("added", "replaced", "unchanged", "error")}
    click.echo(f"{counts['added']} added, {counts['replaced']} replaced, "
               f"{counts['unchanged']} unchanged, {counts['error']} failed.")
    if counts["error"]:
        sys.exit(1)


def _ingest_all(db: sqlite_utils.Database, files: list[Path]) -> list[Outcome]:
    def report(outcome: Outcome) -> None:
        if outcome.status == "error":
            click.echo(f"error: {outcome.path}: {outcome.message}", err=True)
        elif outcome.message:
            click.echo(f"warning: {outcome.path}: {outcome.message}", err=True)

    if len(files) <= PROGRESS_OVER:
        return ingest_paths(db, files, on_file=report)
    with click.progressbar(length=len(files), label="Ingesting", file=sys.stderr) as bar:
        outcomes = ingest_paths(db, files, on_file=lambda outcome: bar.update(1))
    for outcome in outcomes:
        report(outcome)
    return outcomes


@cli.command("chat")
@db_option
def chat_command(db_file: Path | None) -> None:
    """Chat with clipdesk in the terminal, through the same handlers the chat apps use."""
    db = open_store(db_file)
    interactive = sys.stdin.isatty()
    if interactive:
        click.echo(GREETING)

    def lines():
        while True:
            try:
                yield input("> ") if interactive else next(sys.stdin)
            except (EOFError, StopIteration, KeyboardInterrupt):
                return

    chat(db, lines(), lambda text: click.echo(text + "\n"))


for command in (telegram_command, slack_command, digest_command, subscriptions_command, serve_command):
    cli.add_command(command)
cli.add_command(migrate_command)
cli.add_command(feeds_command)


def main() -> None:
    """Console-script entry point."""
    cli()



if __name__ == "__main__":
    main()
