"""Socket Mode: with an app-level token the service connects over the fake's WebSocket and answers there."""

from __future__ import annotations

from clipdesk.bot.slack.app import SlackService
from clipdesk.bot.slack.sender import ChannelPace
from clipdesk.bot.slack.settings import SlackSettings
from clipdesk.store.store import Store
from tests.fakes.slack_api import BOT_USER_ID, TEAM_ID, FakeSlackApi


async def test_socket_mode_connects_acks_envelopes_answers_and_disconnects(seeded_db_path):
    async with FakeSlackApi() as slack:
        settings = SlackSettings(bot_token="xoxb-test", app_token="xapp-1-test", api_base_url=slack.base_url)
        service = SlackService(settings, Store.open(seeded_db_path), ChannelPace(0))
        assert not service.connected
        await service.start()
        try:
            assert service.connected and service.port is None
            [opened] = [r for r in slack.requests if r.method == "apps.connections.open"]
            assert opened.headers["Authorization"] == "Bearer xapp-1-test"
            event = {"type": "app_mention", "user": "U0ANA", "text": f"<@{BOT_USER_ID}> quote shoigu",
                     "ts": "1700002000.000100", "channel": "C0NEWS"}
            envelope_id = await slack.socket_send("events_api", {
                "type": "event_callback", "team_id": TEAM_ID, "event_id": "EvSOCKET1", "event": event})
            acks = await slack.wait_for("socket/ack")
            assert acks[0]["envelope_id"] == envelope_id
            [post] = await slack.wait_for("chat.postMessage")
            assert post["channel"] == "C0NEWS" and post["thread_ts"] == "1700002000.000100"
            assert "Shoigu" in post["text"]
        finally:
            await service.stop()
        assert not service.connected
