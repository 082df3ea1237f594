"""The `clipdesk telegram` command: run clipdesk as a Telegram bot in the foreground."""

from __future__ import annotations

import asyncio
from pathlib import Path

import click

from clipdesk.bot.cli.db import db_option
from clipdesk.bot.cli.setup import start_up
from clipdesk.bot.config import secrets
from clipdesk.bot.foreground import run_until_stopped
from clipdesk.bot.logs import RedactingFormatter
from clipdesk.store.store import Store

NO_TELEGRAM = """TELEGRAM_BOT_TOKEN is not set.

Talk to @BotFather in Telegram: /newbot, pick a name, and copy the token it gives you, then
  export TELEGRAM_BOT_TOKEN=123456789:AA...
(or put it in a .env file). To try clipdesk without a chat app: clipdesk chat"""


@click.command("telegram")
@click.option("--webhook-url", default=None,
              help="Take updates by webhook at this https URL [env TELEGRAM_WEBHOOK_URL; "
                   "default: long polling].")
@click.option("--listen", default=None,
              help="Webhook mode: address to listen on [env TELEGRAM_WEBHOOK_LISTEN; default 0.0.0.0].")
@click.option("--port", type=click.IntRange(1, 65535), default=None,
              help="Webhook mode: port to listen on [env TELEGRAM_WEBHOOK_PORT; default 8443].")
@click.option("--env-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Read settings from this file as well [default: ./.env when it exists].")
@db_option
def telegram_command(webhook_url: str | None, listen: str | None, port: int | None, env_file: Path | None,
                     db_file: Path | None) -> None:
    """Run clipdesk as a Telegram bot until Ctrl-C or SIGTERM.

    Needs TELEGRAM_BOT_TOKEN (from @BotFather). Long polling by default; with a webhook URL,
    Telegram posts updates to it and each must carry TELEGRAM_WEBHOOK_SECRET in the
    X-Telegram-Bot-Api-Secret-Token header (403 otherwise). TELEGRAM_API_BASE_URL points the bot
    at a self-hosted Bot API server. CLIPDESK_TELEGRAM_CHATS limits the chats it serves,
    CLIPDESK_ADMINS who may subscribe groups, CLIPDESK_RATE_LIMIT questions per user per minute.
    """
    from telegram.error import TelegramError

    from clipdesk.bot.telegram.app import TelegramService
    from clipdesk.bot.telegram.settings import TelegramSettings

    overrides = {"TELEGRAM_WEBHOOK_URL": webhook_url, "TELEGRAM_WEBHOOK_LISTEN": listen,
                 "TELEGRAM_WEBHOOK_PORT": str(port) if port else None}
    env, config = start_up(env_file, db_file, lambda config: config.telegram, NO_TELEGRAM, overrides)
    store = Store.open(config.db)
    try:
        service = TelegramService(TelegramSettings.from_env(env), store)
        asyncio.run(run_until_stopped(service, "telegram"))
    except (TelegramError, OSError) as exc:
        message = RedactingFormatter(secrets(env)).redact(f"Telegram could not be reached or refused: {exc}")
        raise click.ClickException(message) from exc
    finally:
        store.close()
