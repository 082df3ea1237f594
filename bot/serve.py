"""One process, one asyncio loop: every configured platform, the digest scheduler, feed polling, /healthz."""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Protocol

from clipdesk.bot.config import Config
from clipdesk.bot.delivery import Sender
from clipdesk.bot.feed_poller import FeedPoller
from clipdesk.bot.health import Health, start_health_server
from clipdesk.bot.scheduler import Scheduler
from clipdesk.store.store import Store

log = logging.getLogger(__name__)


class Service(Protocol):
    """A running platform adapter as serve drives it."""

    sender: Sender
    connected: bool

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


def build_services(config: Config, env: dict[str, str], store: Store) -> list[Service]:
    """The platform adapters the configuration switches on (each library is imported only if used)."""
    services: list[Service] = []
    if config.telegram:
        from clipdesk.bot.telegram.app import TelegramService
        from clipdesk.bot.telegram.settings import TelegramSettings

        services.append(TelegramService(TelegramSettings.from_env(env), store))
    if config.slack:
        from clipdesk.bot.slack.app import SlackService
        from clipdesk.bot.slack.settings import SlackSettings

        services.append(SlackService(SlackSettings.from_env(env), store))
    return services


async def serve(config: Config, env: dict[str, str], stop: asyncio.Event | None = None) -> None:
    """Run until SIGTERM/SIGINT (or `stop` is set), then shut down in order, losing nothing."""
    stop = stop or asyncio.Event()
    store = Store.open(config.db)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await _serve(config, env, store, Health(), stop)
    finally:
        store.close()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
        log.info("stopped", extra={"event": "stop"})


async def _serve(config: Config, env: dict[str, str], store: Store, health: Health,
                 stop: asyncio.Event) -> None:
    services = build_services(config, env, store)
    scheduler = Scheduler(store, {s.sender.platform: s.sender for s in services}, health)
    poller = FeedPoller(store, env, tick=config.feed_check)
    runner = await start_health_server(health, config.health_host, config.health_port)
    started: list[Service] = []
    try:
        for service in services:
            await service.start()
            started.append(service)
            health.watch(service.sender.platform, lambda s=service: s.connected)
            log.info("platform started", extra={"platform": service.sender.platform})
        log.info("serving", extra={"event": "start"})
        await asyncio.gather(scheduler.run_forever(stop), poller.run_forever(stop))
    finally:
        stop.set()
        for service in reversed(started):
            await service.stop()
            log.info("platform stopped", extra={"platform": service.sender.platform})
        await runner.cleanup()
