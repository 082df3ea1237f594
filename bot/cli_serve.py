"""The `clipdesk serve` command: every configured platform and the digest scheduler in one process."""

from __future__ import annotations

import click


@click.command("serve")
def serve_command() -> None:
    """Run every configured platform and the digest scheduler in one process."""
    raise click.ClickException("serve is not available yet.")
