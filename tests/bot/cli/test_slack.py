"""`clipdesk slack`: its help, its refusals, and a foreground run stopped by a signal."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import sys

from click.testing import CliRunner

from clipdesk.bot.cli.main import cli
from tests.fakes.slack_api import FakeSlackApi, SignedDelivery

SECRET = "cli-test-signing-secret"
SLACK_VARS = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_BASE_URL",
              "TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_URL", "CLIPDESK_ADMINS")


def test_help_documents_the_options_and_both_modes():
    result = CliRunner().invoke(cli, ["slack", "--help"])
    assert result.exit_code == 0
    for text in ("--port", "--host", "--env-file", "--db", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET",
                 "/slack/events"):
        assert text in result.output


def test_without_a_bot_token_it_explains_how_to_get_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in SLACK_VARS:
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(cli, ["slack"])
    assert result.exit_code == 1
    assert "slack-manifest.yml" in result.output and "SLACK_BOT_TOKEN" in result.output


async def start(tmp_path, slack: FakeSlackApi, db_path) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if k not in SLACK_VARS}
    env |= {"SLACK_BOT_TOKEN": "xoxb-cli-test", "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_BASE_URL": slack.base_url, "CLIPDESK_DB": str(db_path)}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-c", "from clipdesk.bot.cli.main import main; main()",
        "slack", "--port", "0", "--host", "127.0.0.1",
        cwd=tmp_path, env=env, stderr=asyncio.subprocess.PIPE)


async def test_it_serves_in_the_foreground_until_sigterm(tmp_path, seeded_db_path):
    async with FakeSlackApi() as slack:
        process = await start(tmp_path, slack, seeded_db_path)
        port = None
        while port is None:
            line = await asyncio.wait_for(process.stderr.readline(), 20)
            assert line, "clipdesk slack exited early"
            found = re.search(r"on port (\d+)", json.loads(line).get("message", ""))
            port = found and int(found.group(1))
        deliver = SignedDelivery(SECRET, f"http://127.0.0.1:{port}/slack/events")
        await deliver.event(deliver.event_body({"type": "message", "channel_type": "im", "user": "U1",
                                                "text": "sources", "ts": "1.1", "channel": "D1"}))
        [post] = await slack.wait_for("chat.postMessage")
        assert post["channel"] == "D1" and "articles indexed" in post["text"]
        process.send_signal(signal.SIGTERM)
        rest = (await asyncio.wait_for(process.stderr.read(), 20)).decode()
        assert await process.wait() == 0
        assert "slack stopped" in rest and "xoxb-cli-test" not in rest


async def test_a_rejected_token_is_reported_plainly(tmp_path, seeded_db_path):
    async with FakeSlackApi() as slack:
        slack.fail("auth.test", "invalid_auth", times=None)
        process = await start(tmp_path, slack, seeded_db_path)
        err = (await asyncio.wait_for(process.stderr.read(), 20)).decode()
        assert await process.wait() == 1
        assert "invalid_auth" in err and "Traceback" not in err


async def run_to_the_end(tmp_path, db_path, api: str, *args: str) -> tuple[int, str]:
    """Run `clipdesk slack` to its exit; (exit code, everything it wrote to stderr)."""
    env = {k: v for k, v in os.environ.items() if k not in SLACK_VARS}
    env |= {"SLACK_BOT_TOKEN": "xoxb-cli-test", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_BASE_URL": api,
            "CLIPDESK_DB": str(db_path)}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "from clipdesk.bot.cli.main import main; main()", "slack",
        "--host", "127.0.0.1", *args, cwd=tmp_path, env=env, stderr=asyncio.subprocess.PIPE)
    err = (await asyncio.wait_for(process.stderr.read(), 60)).decode()
    return await process.wait(), err


def error_lines(err: str) -> list[str]:
    """The lines meant for a person (log lines are JSON objects)."""
    return [line for line in err.splitlines() if line.strip() and not line.startswith("{")]


async def test_an_unreachable_slack_api_is_one_clear_line(tmp_path, seeded_db_path, unused_tcp_port):
    code, err = await run_to_the_end(tmp_path, seeded_db_path, f"http://127.0.0.1:{unused_tcp_port}/api/",
                                     "--port", "0")
    assert code == 1 and "Traceback" not in err
    [line] = error_lines(err)
    assert "could not reach the Slack API" in line and f"127.0.0.1:{unused_tcp_port}" in line


async def test_a_port_in_use_is_one_clear_line(tmp_path, seeded_db_path):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        async with FakeSlackApi() as slack:
            code, err = await run_to_the_end(tmp_path, seeded_db_path, slack.base_url, "--port", str(port))
    finally:
        taken.close()
    assert code == 1 and "Traceback" not in err
    [line] = error_lines(err)
    assert f"port 127.0.0.1:{port} is already in use" in line and "--port" in line
