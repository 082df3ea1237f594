"""/healthz reports each platform's connection and the scheduler's last tick."""

from datetime import UTC, datetime, timedelta

import aiohttp

from clipdesk.bot.health import Health, start_health_server


async def get(port):
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/healthz") as r:
        return r.status, await r.json()


async def test_healthy_when_platforms_are_connected_and_the_scheduler_ticks(unused_tcp_port):
    health = Health()
    health.set_platform("telegram", True)
    health.set_platform("slack", True)
    health.tick()
    runner = await start_health_server(health, "127.0.0.1", unused_tcp_port)
    try:
        status, body = await get(unused_tcp_port)
        assert status == 200 and body["status"] == "ok"
        assert body["platforms"] == {"telegram": "connected", "slack": "connected"}
        health.set_platform("slack", False)
        status, body = await get(unused_tcp_port)
        assert status == 503 and body["platforms"]["slack"] == "disconnected"
    finally:
        await runner.cleanup()


def test_a_scheduler_that_stopped_ticking_is_reported():
    health = Health()
    health.tick(datetime.now(UTC) - timedelta(minutes=10))
    healthy, body = health.report()
    assert not healthy and body["scheduler"]["ok"] is False
