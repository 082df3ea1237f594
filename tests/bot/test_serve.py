"""`clipdesk serve`: both platforms and the scheduler in one process, stopped by SIGTERM without loss."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest
from click.testing import CliRunner

from clipdesk.bot.cli.main import cli
from clipdesk.bot.config import parse_config
from clipdesk.bot.serve import serve
from clipdesk.store.delivery.deliveries import latest_deliveries
from clipdesk.store.delivery.subscriptions import subscribe
from clipdesk.store.index.schema import open_db
from tests.fakes.slack_api import BOT_USER_ID, FakeSlackApi, SignedDelivery
from tests.fakes.telegram_api import FakeTelegramApi

SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
SLACK_TOKEN = "xoxb-1111-2222-serveTESTtoken"
TELEGRAM_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
POST = "chat.postMessage"


def slack_env(slack: FakeSlackApi, db_path: Path, slack_port: int, health_port: int) -> dict[str, str]:
    return {"SLACK_BOT_TOKEN": SLACK_TOKEN, "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_BASE_URL": slack.base_url, "SLACK_PORT": str(slack_port),
            "CLIPDESK_DB": str(db_path), "CLIPDESK_HEALTH_PORT": str(health_port)}


async def wait_until(check, timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def wait_until_async(ask, check, timeout: float = 20.0) -> None:
    """Ask again until the answer passes `check` (the platforms start one after the other)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not check(await ask()):
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def healthz(port: int) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/healthz") as r:
        return r.status, await r.json()


async def test_serve_answers_on_telegram_and_slack_at_once_and_stops_cleanly(seeded_db_path,
                                                                            unused_tcp_port_factory):
    slack_port, health_port = unused_tcp_port_factory(), unused_tcp_port_factory()
    async with FakeSlackApi() as slack, FakeTelegramApi() as telegram:
        env = {**slack_env(slack, seeded_db_path, slack_port, health_port),
               "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN, "TELEGRAM_API_BASE_URL": telegram.base_url}
        stop = asyncio.Event()
        task = asyncio.create_task(serve(parse_config(env), env, stop))
        deliver = SignedDelivery(SECRET, f"http://127.0.0.1:{slack_port}/slack/events")

        await wait_up(health_port)
        both = {"telegram": "connected", "slack": "connected"}
        await wait_until_async(lambda: healthz(health_port), lambda answer: answer[1]["platforms"] == both)
        status, body = await healthz(health_port)
        assert status == 200 and body["platforms"] == both

        event = {"type": "app_mention", "user": "U0ANA", "ts": "1700000100.000100", "channel": "C0NEWS",
                 "text": f"<@{BOT_USER_ID}> what did Shoigu say about cooperation with London?",
                 "event_ts": "1700000100.000100"}
        telegram.queue(telegram.message_update("What did Shoigu say about cooperation with London?"))
        assert (await deliver.event(deliver.event_body(event)))[0] == 200
        [answer] = await slack.wait_for(POST)
        [telegram_answer] = await telegram.wait_for("sendMessage")
        assert telegram_answer["chat_id"] == 42 and "below zero" in telegram_answer["text"]
        assert answer["channel"] == "C0NEWS" and answer["thread_ts"] == "1700000100.000100"
        assert "Shoigu" in json.dumps(answer["blocks"])

        stop.set()
        await asyncio.wait_for(task, 10)
        with pytest.raises(aiohttp.ClientError):
            await healthz(health_port)


async def serve_process(env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    """`clipdesk serve` in a child process logging to `log`, returned once /healthz answers."""
    with log.open("ab") as out:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "clipdesk.bot.cli.main", "serve", env={**os.environ, **env},
            stdout=asyncio.subprocess.DEVNULL, stderr=out)
    await wait_up(int(env["CLIPDESK_HEALTH_PORT"]))
    return process


async def wait_up(port: int, timeout: float = 20.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        try:
            await healthz(port)
            return
        except aiohttp.ClientError:
            assert asyncio.get_running_loop().time() < deadline, "serve did not come up"
            await asyncio.sleep(0.05)


async def test_sigterm_during_a_digest_fan_out_loses_and_repeats_nothing(seeded_db_path, tmp_path,
                                                                     unused_tcp_port_factory):
    channels = [f"C{n:04d}" for n in range(100)]  # more than the scheduler sends at once
    db = open_db(seeded_db_path)
    for channel in channels:
        subscribe(db, "slack", channel, at="00:00", tz="UTC", now=datetime.now(UTC) - timedelta(days=1))
    db.close()
    async with FakeSlackApi() as slack, FakeTelegramApi() as telegram:
        env = {**slack_env(slack, seeded_db_path, unused_tcp_port_factory(), unused_tcp_port_factory()),
               "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN, "TELEGRAM_API_BASE_URL": telegram.base_url,
               "CLIPDESK_LOG_LEVEL": "DEBUG"}
        slack.slow(POST, 0.5)
        log = tmp_path / "serve.log"
        first = await serve_process(env, log)
        await slack.wait_for(POST, count=1, timeout=20)
        first.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(first.wait(), 20) == 0, log.read_text()[-2000:]
        err = log.read_text()
        assert SLACK_TOKEN not in err and TELEGRAM_TOKEN.split(":")[1] not in err
        assert '"platform": "slack"' in err and '"platform": "telegram"' in err
        reached_before_restart = {c["channel"] for c in slack.calls(POST)}
        assert 0 < len(reached_before_restart) < len(channels)

        second = await serve_process(env, log)
        await wait_until(lambda: {c["channel"] for c in slack.calls(POST)} >= set(channels), timeout=30)
        await asyncio.sleep(0.5)
        second.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(second.wait(), 20) == 0, log.read_text()[-2000:]

    per_channel = Counter(c["channel"] for c in slack.calls(POST))
    db = open_db(seeded_db_path)
    parts = {d.subscription_id: d.parts_sent for d in latest_deliveries(db).values()}
    assert set(per_channel) == set(channels)
    assert len(set(per_channel.values())) == 1, per_channel  # every channel got the same digest once
    assert sorted(set(parts.values())) == [next(iter(per_channel.values()))]


def run_cli(args: list[str], env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    clean = {k: "" for k in ("TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN",
                             "SLACK_SIGNING_SECRET", "TELEGRAM_WEBHOOK_URL")}
    monkeypatch.chdir(tmp_path)  # no stray .env
    return CliRunner().invoke(cli, args, env={**clean, "CLIPDESK_DB": str(tmp_path / "c.db"), **env})


def test_serve_without_any_token_explains_the_setup_and_points_to_chat(tmp_path, monkeypatch):
    result = run_cli(["serve"], {}, tmp_path, monkeypatch)
    assert result.exit_code == 1
    assert "TELEGRAM_BOT_TOKEN" in result.output and "SLACK_BOT_TOKEN" in result.output
    assert "clipdesk chat" in result.output


def test_serve_lists_every_configuration_problem_before_starting(tmp_path, monkeypatch):
    result = run_cli(["serve"], {"SLACK_BOT_TOKEN": "xoxb-1-2", "TELEGRAM_BOT_TOKEN": "nonsense"}, tmp_path,
                     monkeypatch)
    assert result.exit_code == 1
    assert "neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET" in result.output
    assert "TELEGRAM_BOT_TOKEN does not look like a bot token" in result.output
    assert not (tmp_path / "c.db").exists()


def test_an_unreachable_platform_is_a_clear_error_without_the_token(tmp_path, monkeypatch, unused_tcp_port):
    env = {"SLACK_BOT_TOKEN": SLACK_TOKEN, "SLACK_SIGNING_SECRET": SECRET,
           "SLACK_API_BASE_URL": f"http://127.0.0.1:{unused_tcp_port}/api/", "SLACK_PORT": "0",
           "CLIPDESK_HEALTH_PORT": "0"}
    result = run_cli(["serve"], env, tmp_path, monkeypatch)
    assert result.exit_code == 1
    assert "could not keep serving" in result.output
    assert SLACK_TOKEN not in result.output


class Blackhole:
    """A server on 127.0.0.1 that takes connections and requests and never answers (an API gone quiet)."""

    async def __aenter__(self) -> Blackhole:
        self.clients: list[asyncio.StreamWriter] = []
        self.server = await asyncio.start_server(self._swallow, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def _swallow(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.clients.append(writer)
        while await reader.read(65536):
            pass

    async def __aexit__(self, *exc: object) -> None:
        for writer in self.clients:
            writer.close()
        self.server.close()


async def test_sigterm_stops_serve_while_both_apis_hang(seeded_db_path, tmp_path, unused_tcp_port_factory):
    async with Blackhole() as quiet:
        env = {"SLACK_BOT_TOKEN": SLACK_TOKEN, "SLACK_SIGNING_SECRET": SECRET, "SLACK_PORT": "0",
               "SLACK_API_BASE_URL": f"http://127.0.0.1:{quiet.port}/api/",
               "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN, "TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{quiet.port}",
               "CLIPDESK_DB": str(seeded_db_path), "CLIPDESK_HEALTH_PORT": str(unused_tcp_port_factory())}
        log = tmp_path / "serve.log"
        process = await serve_process(env, log)
        await wait_until(lambda: quiet.clients)  # the first platform is waiting on its API
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 25) == 0, log.read_text()[-2000:]
    err = log.read_text()
    assert "stopped while starting" in err and "Traceback" not in err
