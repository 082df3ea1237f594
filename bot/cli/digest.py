"""The `clipdesk digest` (run due digests once, or preview one) and `clipdesk subscriptions` commands."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import click

from clipdesk.bot.cli.db import db_option, open_store
from clipdesk.bot.cli.render import render_text
from clipdesk.bot.config import load_env
from clipdesk.bot.delivery import Sender
from clipdesk.bot.scheduler import DEFAULT_CONCURRENCY, PassSummary, Scheduler
from clipdesk.handlers.commands import handle
from clipdesk.handlers.digest import subscription_rows
from clipdesk.handlers.types import Request
from clipdesk.store.store import Store


def build_senders(env: dict[str, str], store: Store) -> dict[str, Sender]:
    """A Sender for each platform whose bot token is set; the others are skipped with a note."""
    senders: dict[str, Sender] = {}
    if env.get("TELEGRAM_BOT_TOKEN"):
        from clipdesk.bot.telegram.sender import sender_from_env as telegram_sender

        senders["telegram"] = telegram_sender(env, store)
    else:
        click.echo("skipping telegram: TELEGRAM_BOT_TOKEN is not set", err=True)
    if env.get("SLACK_BOT_TOKEN"):
        from clipdesk.bot.slack.sender import SlackSender, web_client
        from clipdesk.bot.slack.settings import SlackSettings

        settings = SlackSettings.from_env(env)
        senders["slack"] = SlackSender(web_client(settings.bot_token, settings.api_base_url), store)
    else:
        click.echo("skipping slack: SLACK_BOT_TOKEN is not set", err=True)
    return senders


def describe_pass(summary: PassSummary) -> str:
    """One line saying what a pass did."""
    line = (f"{summary.due} digests due: {summary.sent} sent ({summary.parts} messages), "
            f"{summary.empty} with nothing new, {summary.retry} to retry, {summary.gone} targets gone")
    if summary.missed:
        line += f", {summary.missed} missed (their day passed)"
    if summary.no_sender:
        line += f"; {summary.no_sender} subscriptions wait for a platform that is not configured"
    return line + "."


def parse_target(target: str) -> tuple[str, str, str | None]:
    """platform:chat_id[:thread_id] -> (platform, chat_id, thread_id)."""
    platform, _, rest = target.partition(":")
    chat_id, _, thread_id = rest.rpartition(":") if rest.count(":") else (rest, "", "")
    if platform not in ("telegram", "slack", "terminal") or not chat_id:
        raise click.BadParameter("give platform:chat_id[:thread_id], e.g. telegram:12345 or slack:C0123ABC",
                                 param_hint="--preview")
    return platform, chat_id, thread_id or None


@click.command("digest")
@click.option("--run-due", is_flag=True, help="Send every digest due now, once, then exit (for cron).")
@click.option("--preview", "target", metavar="TARGET",
              help="Print what TARGET's next digest would hold (e.g. telegram:12345, slack:C0123ABC); "
                   "records nothing.")
@click.option("--concurrency", type=click.IntRange(1, 1000), default=DEFAULT_CONCURRENCY, show_default=True,
              help="How many chats are sent to at once.")
@click.option("--env-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Read bot tokens from this file as well [default: ./.env when it exists].")
@db_option
def digest_command(run_due: bool, target: str | None, concurrency: int, env_file: Path | None,
                   db_file: Path | None) -> None:
    """Send the digests that are due now (--run-due), or preview one chat's (--preview TARGET).

    --run-due sends through every platform whose bot token is set (TELEGRAM_BOT_TOKEN,
    SLACK_BOT_TOKEN; TELEGRAM_API_BASE_URL and SLACK_API_BASE_URL point them elsewhere) and
    catches up on today's digests missed while nothing was running. Each subscription gets one
    digest per local day however often it runs; do not run it beside `clipdesk serve`.
    """
    if run_due == bool(target):
        raise click.UsageError("give --run-due or --preview TARGET")
    db = open_store(db_file)
    if target:
        platform, chat_id, thread_id = parse_target(target)
        reply = handle(Request(platform=platform, chat_id=chat_id, user_id="cli", text="/digest",
                               command="digest", thread_id=thread_id), db)
        click.echo(render_text(reply))
        return
    senders = build_senders(load_env(env_file), db)
    summary = asyncio.run(_run_once(Scheduler(db, senders, concurrency=concurrency)))
    click.echo(describe_pass(summary))


async def _run_once(scheduler: Scheduler) -> PassSummary:
    try:
        return await scheduler.run_due()
    finally:
        for sender in scheduler.senders.values():
            close = getattr(sender, "aclose", None)
            if close is not None:
                await close()


@click.command("subscriptions")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.option("--all", "show_all", is_flag=True, help="Include stopped subscriptions.")
@db_option
def subscriptions_command(as_json: bool, show_all: bool, db_file: Path | None) -> None:
    """List digest subscriptions: target, time and zone, topics, and the last digest."""
    rows = subscription_rows(open_store(db_file), active_only=not show_all)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    if not rows:
        click.echo("No subscriptions. A chat subscribes with /subscribe 08:00 Europe/London", err=True)
        return
    header = ("TARGET", "TIME", "ZONE", "TOPICS", "EMPTY DAYS", "ACTIVE", "LAST DIGEST")
    table = [header] + [(r["target"], r["time"], r["tz"], ", ".join(r["topics"]) or "(all)",
                         "one line" if r["notify_empty"] else "silent", "yes" if r["active"] else "no",
                         f"{r['last_digest']} {r['last_state']}" if r["last_digest"] else "-") for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
