"""deploy/slack-manifest.yml against what the running app actually handles."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from clipdesk.bot.slack.app import EVENTS_PATH, SlackService
from clipdesk.bot.slack.commands import COMMAND
from clipdesk.bot.slack.sender import ChannelPace
from clipdesk.bot.slack.settings import SlackSettings
from clipdesk.bot.slack.shortcuts import CALLBACK_ID
from clipdesk.store.store import Store
from tests.fakes.slack_api import FakeSlackApi, SignedDelivery

MANIFEST = Path(__file__).resolve().parents[3] / "deploy" / "slack-manifest.yml"
SECRET = "manifest-test-secret"
EVENT_SCOPES = {"app_mention": "app_mentions:read", "message.im": "im:history"}
SAMPLES = {
    "app_mention": {"type": "app_mention", "user": "U1", "text": "<@UCLIPBOT> help", "ts": "1.1",
                    "channel": "C1"},
    "message.im": {"type": "message", "channel_type": "im", "user": "U1", "text": "help", "ts": "1.2",
                   "channel": "D1"},
    "app_home_opened": {"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home"},
}


@pytest.fixture(scope="module")
def manifest() -> dict:
    return yaml.safe_load(MANIFEST.read_text())


@pytest.fixture
async def deliver(seeded_db_path):
    async with FakeSlackApi() as slack:
        settings = SlackSettings(bot_token="xoxb-test", signing_secret=SECRET, api_base_url=slack.base_url,
                                 host="127.0.0.1", port=0)
        service = SlackService(settings, Store.open(seeded_db_path), ChannelPace(0))
        await service.start()
        yield SignedDelivery(SECRET, f"http://127.0.0.1:{service.port}{EVENTS_PATH}"), slack
        await service.stop()


def test_manifest_declares_the_command_shortcut_scopes_and_socket_mode(manifest):
    features, settings = manifest["features"], manifest["settings"]
    assert [c["command"] for c in features["slash_commands"]] == [COMMAND]
    assert [(s["type"], s["callback_id"]) for s in features["shortcuts"]] == [("message", CALLBACK_ID)]
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    events = settings["event_subscriptions"]["bot_events"]
    assert {"chat:write", "commands"} <= scopes
    assert {EVENT_SCOPES[e] for e in events if e in EVENT_SCOPES} <= scopes
    assert features["app_home"]["home_tab_enabled"] and features["app_home"]["messages_tab_enabled"]
    assert settings["socket_mode_enabled"] is True and settings["interactivity"]["is_enabled"] is True
    urls = [settings["event_subscriptions"]["request_url"], settings["interactivity"]["request_url"],
            *(c["url"] for c in features["slash_commands"])]
    assert all(url.endswith(EVENTS_PATH) for url in urls)


async def test_every_manifest_event_is_handled_by_the_app_and_others_are_not(manifest, deliver):
    app, slack = deliver
    events = manifest["settings"]["event_subscriptions"]["bot_events"]
    assert set(events) == set(SAMPLES)
    for name in events:
        status, _ = await app.event(app.event_body(SAMPLES[name]))
        assert status == 200, name
    await slack.wait_for("chat.postMessage", 2)
    await slack.wait_for("views.publish")
    unhandled = {"type": "reaction_added", "user": "U1", "reaction": "eyes", "item": {}}
    assert (await app.event(app.event_body(unhandled)))[0] == 404


async def test_the_manifests_command_and_shortcut_reach_the_app(manifest, deliver):
    app, slack = deliver
    for command in manifest["features"]["slash_commands"]:
        status, _ = await app.command({"command": command["command"], "text": "help", "channel_id": "C1",
                                       "user_id": "U1", "response_url": slack.response_url("cmd"),
                                       "team_id": "T1", "trigger_id": "1"})
        assert status == 200
    for shortcut in manifest["features"]["shortcuts"]:
        status, _ = await app.interaction({"type": "message_action", "callback_id": shortcut["callback_id"],
                                           "user": {"id": "U1"}, "channel": {"id": "C1"}, "trigger_id": "2",
                                           "response_url": slack.response_url("cmd"),
                                           "message": {"ts": "2.1", "text": "below zero"}})
        assert status == 200
    assert await slack.wait_for("response_url/cmd") and await slack.wait_for("chat.postMessage")
