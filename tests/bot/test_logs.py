"""Logs: one JSON line per event with platform and chat; tokens never appear."""

import io
import json
import logging

import pytest

from clipdesk.bot.logs import setup_logging

TG = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


@pytest.fixture(autouse=True)
def restore_root_logger():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def capture(secrets=()):
    stream = io.StringIO()
    setup_logging("INFO", list(secrets), stream=stream)
    return stream


def test_each_event_is_one_json_line_with_platform_and_chat():
    stream = capture()
    logging.getLogger("clipdesk").info("answer sent", extra={"platform": "telegram", "chat": -100123})
    [line] = stream.getvalue().splitlines()
    record = json.loads(line)
    assert record["message"] == "answer sent"
    assert record["platform"] == "telegram" and record["chat"] == -100123


def test_tokens_are_masked_in_messages_urls_and_tracebacks():
    stream = capture(secrets=["my-signing-secret-42"])
    log = logging.getLogger("clipdesk")
    log.info("HTTP Request: POST https://api.telegram.org/bot%s/getUpdates", TG)
    log.info("slack token xoxb-1234-5678-abcdefgh and app xapp-1-A0-123456789")
    try:
        raise RuntimeError("signature my-signing-secret-42 rejected")
    except RuntimeError:
        log.exception("failed")
    out = stream.getvalue()
    for secret in (TG, "xoxb-1234-5678-abcdefgh", "xapp-1-A0-123456789", "my-signing-secret-42"):
        assert secret not in out
    assert out.count("***") >= 4
