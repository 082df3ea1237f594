"""One process, one asyncio loop: every configured platform, the digest scheduler, feed polling, /healthz."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable

from clipdesk.bot.config import Config
from clipdesk.bot.feed_poller import FeedPoller
from clipdesk.bot.health import Health, start_health_server
from clipdesk.bot.scheduler import Scheduler
from clipdesk.bot.service import Service
from clipdesk.store.store import Store

log = logging.getLogger(__name__)

STOP_SECONDS = 8.0  # after SIGTERM, how long work in flight may take before it is cut short (Docker: 30)


def _probe(service: Service) -> Callable[[], bool]:
    """Whether `service` is connected, asked each time health is reported."""
    return lambda: service.connected


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
    deadline: float | None = None
    try:
        for service in services:
            started.append(service)  # stopped even when stopping cuts its start short
            if not await unless_stopped(service.start(), stop):
                log.info("stopped while starting", extra={"platform": service.sender.platform})
                return
            health.watch(service.sender.platform, _probe(service))
            log.info("platform started", extra={"platform": service.sender.platform})
        log.info("serving", extra={"event": "start"})
        work = asyncio.ensure_future(_together(scheduler.run_forever(stop), poller.run_forever(stop)))
        await unless_stopped(asyncio.shield(work), stop)
        deadline = loop_time() + STOP_SECONDS
        await within(work, deadline, "digests and feed polls in flight")
    finally:
        stop.set()
        deadline = deadline or loop_time() + STOP_SECONDS
        for service in reversed(started):
            await within(service.stop(), deadline, f"stopping {service.sender.platform}")
            log.info("platform stopped", extra={"platform": service.sender.platform})
        await runner.cleanup()


async def _together(*parts: Awaitable[None]) -> None:
    """Run `parts` side by side until all are done."""
    await asyncio.gather(*parts)


def loop_time() -> float:
    return asyncio.get_running_loop().time()


async def unless_stopped(work: Awaitable[None], stop: asyncio.Event) -> bool:
    """Await `work` unless `stop` is set first, which cancels it; True when `work` finished."""
    task, stopped = asyncio.ensure_future(work), asyncio.ensure_future(stop.wait())
    await asyncio.wait({task, stopped}, return_when=asyncio.FIRST_COMPLETED)
    stopped.cancel()
    if task.done():
        task.result()
        return True
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    return False


async def within(work: Awaitable[None], deadline: float, what: str) -> None:
    """Await `work` until `deadline` (loop time), then cut it short with a warning. What is cut short
    is what a SIGKILL would cut: deliveries resume at the next start."""
    task = asyncio.ensure_future(work)
    done, _ = await asyncio.wait({task}, timeout=max(0.0, deadline - loop_time()))
    if task in done:
        task.result()
        return
    log.warning("%s cut short after %.0f s", what, STOP_SECONDS, extra={"event": "stop"})
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
