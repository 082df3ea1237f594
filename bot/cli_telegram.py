"""The `clipdesk telegram` command: run clipdesk as a Telegram bot."""

from __future__ import annotations

import click


@click.command("telegram")
def telegram_command() -> None:
    """Run clipdesk as a Telegram bot (TELEGRAM_BOT_TOKEN)."""
    raise click.ClickException("telegram is not available yet.")
