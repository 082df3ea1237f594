"""The `clipdesk slack` command: run clipdesk as a Slack app."""

from __future__ import annotations

import click


@click.command("slack")
def slack_command() -> None:
    """Run clipdesk as a Slack app (SLACK_BOT_TOKEN)."""
    raise click.ClickException("slack is not available yet.")
