"""The `clipdesk digest` and `clipdesk subscriptions` commands."""

from __future__ import annotations

import click


@click.command("digest")
def digest_command() -> None:
    """Run due digests, or preview one."""
    raise click.ClickException("digest is not available yet.")


@click.command("subscriptions")
def subscriptions_command() -> None:
    """List digest subscriptions."""
    raise click.ClickException("subscriptions is not available yet.")
