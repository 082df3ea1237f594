"""The `clipdesk slack` command: run clipdesk as a Slack app in the foreground."""

from __future__ import annotations

import asyncio
import errno
from pathlib import Path

import click

from clipdesk.bot.cli.db import db_option
from clipdesk.bot.cli.setup import start_up
from clipdesk.bot.foreground import run_until_stopped
from clipdesk.store.store import Store

NO_SLACK = """SLACK_BOT_TOKEN is not set.

Create the app from deploy/slack-manifest.yml (api.slack.com/apps -> Create New App -> From a manifest),
install it to your workspace, then
  export SLACK_BOT_TOKEN=xoxb-...       (OAuth & Permissions -> Bot User OAuth Token)
and either
  export SLACK_APP_TOKEN=xapp-...       (Socket Mode: Basic Information -> App-Level Tokens,
                                         scope connections:write)
or
  export SLACK_SIGNING_SECRET=...       (HTTP mode: Basic Information -> Signing Secret)"""


@click.command("slack")
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="HTTP mode: port for Slack's requests at /slack/events [env SLACK_PORT; default: 3000].")
@click.option("--host", default=None, help="HTTP mode: address to listen on [default: 0.0.0.0].")
@click.option("--env-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Read settings from this file as well [default: ./.env when it exists].")
@db_option
def slack_command(port: int | None, host: str | None, env_file: Path | None, db_file: Path | None) -> None:
    """Run clipdesk as a Slack app until Ctrl-C or SIGTERM.

    Needs SLACK_BOT_TOKEN (xoxb-) and either SLACK_APP_TOKEN (xapp-, Socket Mode: no public URL
    needed) or SLACK_SIGNING_SECRET (HTTP mode: Slack posts to http://HOST:PORT/slack/events).
    CLIPDESK_ADMINS (comma-separated Slack user ids) limits who may subscribe channels to digests,
    CLIPDESK_SLACK_CHANNELS the channels it serves, CLIPDESK_RATE_LIMIT questions per user per minute.
    SLACK_API_BASE_URL sends Web API calls elsewhere (for testing).
    """
    import aiohttp
    from slack_sdk.errors import SlackApiError

    from clipdesk.bot.slack.app import SlackService
    from clipdesk.bot.slack.settings import SlackSettings

    env, config = start_up(env_file, db_file, lambda config: config.slack, NO_SLACK)
    store = Store.open(config.db)
    settings = SlackSettings.from_env(env, port=port, host=host)
    try:
        service = SlackService(settings, store)
        asyncio.run(run_until_stopped(service, "slack"))
    except SlackApiError as exc:
        raise click.ClickException(f"Slack refused: {exc.response.get('error')} "
                                   "(check SLACK_BOT_TOKEN and SLACK_APP_TOKEN)") from exc
    except (aiohttp.ClientError, TimeoutError) as exc:
        api = settings.api_base_url or "https://slack.com/api/"
        raise click.ClickException(f"could not reach the Slack API at {api} ({unreachable(exc)}): "
                                   "check the network connection (or SLACK_API_BASE_URL)") from exc
    except OSError as exc:
        where = f"{settings.host}:{settings.port}"
        if exc.errno == errno.EADDRINUSE:
            raise click.ClickException(f"port {where} is already in use: stop what listens there or "
                                       "choose another port (--port or SLACK_PORT)") from exc
        raise click.ClickException(f"cannot listen on {where}: {exc.strerror or exc}") from exc
    finally:
        store.close()


def unreachable(exc: BaseException) -> str:
    """What went wrong reaching an API, in a few words."""
    if isinstance(exc, TimeoutError):
        return "no answer in time"
    return str(getattr(exc, "os_error", None) or exc) or type(exc).__name__
