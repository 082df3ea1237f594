"""The `clipdesk` command line: ask, quotes, events, sources, ingest, chat and the bots."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from clipdesk.bot.cli.db import StoreGroup, db_option, open_store
from clipdesk.bot.cli.render import event_lines, one_line, quote_lines, render_text, source_lines
from clipdesk.handlers.ask import DEFAULT_K, answer, explain, explain_text
from clipdesk.handlers.types import Reply

if TYPE_CHECKING:
    from clipdesk.handlers.ingest import Ingested
    from clipdesk.store.store import Store

PROGRESS_OVER = 3
# Commands defined in their own modules, imported only when run (a question imports no bot, feed or
# ingest code): name -> "module:attribute".
LAZY_COMMANDS = {
    "telegram": "clipdesk.bot.cli.telegram:telegram_command",
    "slack": "clipdesk.bot.cli.slack:slack_command",
    "digest": "clipdesk.bot.cli.digest:digest_command",
    "subscriptions": "clipdesk.bot.cli.digest:subscriptions_command",
    "serve": "clipdesk.bot.cli.serve:serve_command",
    "migrate": "clipdesk.bot.cli.migrate:migrate_command",
    "feeds": "clipdesk.bot.cli.feeds:feeds_command",
}


@click.group(cls=StoreGroup, lazy=LAZY_COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
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
        if from_stdin and not q and not as_json:
            continue  # with --json, output line N answers input line N, blank or not
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
    from clipdesk.handlers.quotes import quotations

    rows = quotations(open_store(db_file), speaker)
    if rows is None:
        raise click.ClickException(f"no speaker matching {speaker!r} in the coverage")
    if as_json:
        _echo_json(rows)
        return
    for row in rows:
        click.echo(quote_lines(row))
    click.echo(f"{len(rows)} quotations.", err=True)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@db_option
def events(as_json: bool, db_file: Path | None) -> None:
    """The timeline of meetings, talks, calls, visits, invitations, conferences and sanctions."""
    from clipdesk.handlers.events import timeline

    rows = timeline(open_store(db_file)).events
    if as_json:
        _echo_json([{k: v for k, v in row.items() if k != "outlet"} for row in rows])
        return
    for row in rows:
        click.echo(event_lines(row))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@db_option
def sources(as_json: bool, db_file: Path | None) -> None:
    """The indexed articles: title, outlet, date, and what was found in each."""
    from clipdesk.handlers.sources import indexed

    rows = indexed(open_store(db_file))
    if as_json:
        _echo_json([vars(s) for s in rows])
        return
    for s in rows:
        click.echo(source_lines(s))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
def ingest(paths: tuple[str, ...], db_file: Path | None) -> None:
    """Add articles: .txt files, or folders of them (NAME.meta.json sidecars are read too), or page URLs."""
    from clipdesk.bot.cli.feeds import ingest_urls, is_url
    from clipdesk.handlers.ingest import Ingested, Tally, coverage_files

    store = open_store(db_file)
    urls = [p for p in paths if is_url(p)]
    files = coverage_files(p for p in paths if not is_url(p))
    if not files and not urls:
        raise click.ClickException("no .txt files found in " + ", ".join(map(str, paths)))
    tally = _ingest_all(store, files).tally if files else Tally()
    for outcome in ingest_urls(store, urls):
        tally.add(outcome)
    done = Ingested(tally)
    click.echo(done.summary)
    if done.failed:
        sys.exit(1)


def _ingest_all(store: Store, files: list[Path]) -> Ingested:
    from clipdesk.handlers.ingest import Outcome, add_coverage

    def report(outcome: Outcome) -> None:
        if outcome.status == "error":
            click.echo(f"error: {outcome.path}: {outcome.message}", err=True)
        elif outcome.message:
            click.echo(f"warning: {outcome.path}: {outcome.message}", err=True)

    if len(files) <= PROGRESS_OVER:
        return add_coverage(store, files, on_file=report)
    with click.progressbar(length=len(files), label="Ingesting", file=sys.stderr) as bar:
        done = add_coverage(store, files, on_file=lambda outcome: bar.update(1))
    for outcome in done.tally.notable:
        report(outcome)
    return done


@cli.command("chat")
@db_option
def chat_command(db_file: Path | None) -> None:
    """Chat with clipdesk in the terminal, through the same handlers the chat apps use."""
    from clipdesk.bot.cli.chat import GREETING, chat

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


def main() -> None:
    """Console-script entry point."""
    cli()



if __name__ == "__main__":
    main()
