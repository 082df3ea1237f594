"""The /healthz endpoint: each platform's connection and the digest scheduler's last tick."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from aiohttp import web

STALE_TICK = timedelta(minutes=3)


@dataclass
class Health:
    """What the running process knows about itself; components update it as they go."""

    platforms: dict[str, Callable[[], bool]] = field(default_factory=dict)
    last_tick: datetime | None = None
    started: datetime = field(default_factory=lambda: datetime.now(UTC))

    def set_platform(self, name: str, connected: bool) -> None:
        """Record a platform's connection as a fixed state."""
        self.platforms[name] = lambda: connected

    def watch(self, name: str, probe: Callable[[], bool]) -> None:
        """Ask `probe` for the platform's connection each time health is reported."""
        self.platforms[name] = probe

    def tick(self, when: datetime | None = None) -> None:
        self.last_tick = when or datetime.now(UTC)

    def report(self, now: datetime | None = None) -> tuple[bool, dict]:
        """(healthy, body): healthy when every platform is connected and the scheduler ticks."""
        now = now or datetime.now(UTC)
        scheduler_ok = (self.last_tick is not None and now - self.last_tick <= STALE_TICK) or (
            self.last_tick is None and now - self.started <= STALE_TICK)
        connected = {name: probe() for name, probe in self.platforms.items()}
        healthy = all(connected.values()) and scheduler_ok
        return healthy, {
            "status": "ok" if healthy else "degraded",
            "platforms": {name: ("connected" if ok else "disconnected")
                          for name, ok in connected.items()},
            "scheduler": {"last_tick": self.last_tick.isoformat() if self.last_tick else None,
                          "ok": scheduler_ok},
        }


def health_app(health: Health) -> web.Application:
    """An aiohttp app serving GET /healthz: 200 when healthy, 503 otherwise, JSON either way."""

    async def healthz(request: web.Request) -> web.Response:
        healthy, body = health.report()
        return web.json_response(body, status=200 if healthy else 503)

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    return app


async def start_health_server(health: Health, host: str, port: int) -> web.AppRunner:
    """Serve /healthz on host:port until the returned runner is cleaned up."""
    runner = web.AppRunner(health_app(health), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner
