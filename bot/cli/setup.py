"""Start-up shared by the long-running commands: validated configuration, logging, the store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import click

from clipdesk.bot.cli.db import open_store
from clipdesk.bot.config import Config, ConfigError, load_env, parse_config, secrets
from clipdesk.bot.logs import setup_logging


def start_up(env_file: Path | None, db_file: Path | None, ready: Callable[[Config], bool], missing: str,
             overrides: dict[str, str | None] | None = None) -> tuple[dict[str, str], Config]:
    """The environment and its Config, or a ClickException listing every problem (or `missing`
    when `ready` says the platform needed is not configured); then logging and the store."""
    try:
        env = load_env(env_file)
        env.update({key: value for key, value in (overrides or {}).items() if value})
        config = parse_config(env)
    except ConfigError as exc:
        raise click.ClickException(f"configuration problem:\n{exc}") from exc
    if not ready(config):
        raise click.ClickException(missing)
    if db_file is not None:
        config = replace(config, db=db_file)
    setup_logging(config.log_level, secrets(env))
    open_store(config.db).close()
    return env, config
