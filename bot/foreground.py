"""Running one platform service in the foreground until SIGINT or SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal

from clipdesk.bot.service import Service

log = logging.getLogger(__name__)


async def run_until_stopped(service: Service, platform: str) -> None:
    """Start the service, wait for SIGINT or SIGTERM, then stop it."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await service.start()
        log.info("%s running; Ctrl-C stops it", platform, extra={"platform": platform, "event": "start"})
        await stop.wait()
    finally:
        await service.stop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        log.info("%s stopped", platform, extra={"platform": platform, "event": "stop"})
