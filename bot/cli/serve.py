"""The `clipdesk serve` command: every configured platform and the digest scheduler in one process."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import click

from clipdesk.bot.cli.db import db_option
from clipdesk.bot.cli.setup import start_up
from clipdesk.bot.config import secrets
from clipdesk.bot.logs import RedactingFormatter

log = logging.getLogger(__name__)

NO_PLATFORM = """Nothing to serve: neither TELEGRAM_BOT_TOKEN nor SLACK_BOT_TOKEN is set.

  Telegram: create a bot with @BotFather, then  export TELEGRAM_BOT_TOKEN=123456:ABC...
  Slack:    create the app from deploy/slack-manifest.yml, then export SLACK_BOT_TOKEN=xoxb-...
            and SLACK_APP_TOKEN=xapp-... (Socket Mode) or SLACK_SIGNING_SECRET=... (HTTP mode)

Put them in the environment or in a .env file. To try clipdesk without a chat app: clipdesk chat"""


@click.command("serve")
@click.option("--env-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Read settings from this file as well [default: ./.env when it exists].")
@click.option("--health-port", type=click.IntRange(0, 65535), default=None,
              help="Port of the /healthz endpoint [env CLIPDESK_HEALTH_PORT; default 8080].")
@db_option
def serve_command(env_file: Path | None, health_port: int | None, db_file: Path | None) -> None:
    """Run every configured platform and the digest scheduler in one process.

    Telegram runs when TELEGRAM_BOT_TOKEN is set, Slack when SLACK_BOT_TOKEN is; digests go out
    on both. SIGTERM or Ctrl-C stops it gracefully: in-flight messages finish first.
    """
    from clipdesk.bot.serve import serve

    port = {"CLIPDESK_HEALTH_PORT": str(health_port) if health_port is not None else None}
    env, config = start_up(env_file, db_file, lambda config: bool(config.platforms), NO_PLATFORM, port)
    try:
        asyncio.run(serve(config, env))
    except Exception as exc:  # a platform refusing the token, an unreachable API, a port in use
        log.exception("serve stopped on an error", extra={"event": "error"})
        message = RedactingFormatter(secrets(env)).redact(f"could not keep serving: {exc}")
        raise click.ClickException(message) from exc
