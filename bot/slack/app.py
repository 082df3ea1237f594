"""The Slack app: Bolt AsyncApp construction, listener wiring, and the service that runs it
(HTTP mode on /slack/events, or Socket Mode when an app-level token is set)."""

from __future__ import annotations

import logging

from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

from clipdesk.bot.slack import commands, events, home, middleware, shortcuts
from clipdesk.bot.slack.context import SlackBot
from clipdesk.bot.slack.http import guarded
from clipdesk.bot.slack.sender import ChannelPace, SlackSender, web_client
from clipdesk.bot.slack.settings import SlackSettings
from clipdesk.store.store import Store

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
LISTENERS = (middleware, commands, events, shortcuts, home)


def build_app(bot: SlackBot) -> AsyncApp:
    """A Bolt AsyncApp using the sender's Web API client, with every clipdesk listener registered."""
    app = AsyncApp(client=bot.sender.client, signing_secret=bot.settings.signing_secret or "",
                   request_verification_enabled=not bot.settings.socket_mode,
                   logger=logging.getLogger("slack_bolt"))
    register(app, bot)
    return app


def register(app: AsyncApp, bot: SlackBot) -> None:
    """Wire middleware, the slash command, events, the shortcut and the Home tab."""
    for module in LISTENERS:
        module.register(app, bot)


class SlackService:
    """clipdesk on Slack, started and stopped inside a running event loop."""

    def __init__(self, settings: SlackSettings, store: Store, pace: ChannelPace | None = None) -> None:
        if not settings.bot_token:
            raise ValueError("SLACK_BOT_TOKEN is not set.")
        if not (settings.socket_mode or settings.signing_secret):
            raise ValueError("Set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode).")
        self.settings = settings
        self.sender = SlackSender(web_client(settings.bot_token, settings.api_base_url), store, pace)
        self.bot = SlackBot(settings, store, self.sender)
        self.app = build_app(self.bot)
        self.port: int | None = None
        self._runner: web.AppRunner | None = None
        self._socket: AsyncSocketModeHandler | None = None

    @property
    def connected(self) -> bool:
        """HTTP mode: serving; Socket Mode: the WebSocket session is open."""
        if self._socket is not None:
            session = self._socket.client.current_session
            return session is not None and not session.closed
        return self._runner is not None

    async def start(self) -> None:
        """Check the bot token, then serve HTTP or connect the socket; returns once running."""
        auth = await self.sender.client.auth_test()
        where = {"platform": "slack", "event": "start"}
        if self.settings.socket_mode:
            self._socket = AsyncSocketModeHandler(self.app, self.settings.app_token)
            await self._socket.connect_async()
            log.info("slack connected in Socket Mode as %s", auth.get("user_id"), extra=where)
            return
        runner = web.AppRunner(guarded(self.app.web_app(path=EVENTS_PATH, port=self.settings.port)),
                               access_log=None)
        await runner.setup()
        await web.TCPSite(runner, self.settings.host, self.settings.port).start()
        self._runner = runner
        self.port = runner.addresses[0][1]
        log.info("slack serving %s on port %s as %s", EVENTS_PATH, self.port, auth.get("user_id"),
                 extra=where)

    async def stop(self) -> None:
        """Stop taking requests and let the answers in flight go out (the store's opener closes it)."""
        if self._socket is not None:
            await self._socket.close_async()
            self._socket = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        await self.bot.drain()
