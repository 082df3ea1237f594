"""The shared access step on Slack: rate limit, allow-list, replays and edits, acks before store work."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from dataclasses import replace

import aiohttp

from clipdesk.bot.slack.app import SlackService
from clipdesk.bot.slack.sender import ChannelPace
from clipdesk.store.delivery.subscriptions import get_subscription
from clipdesk.store.store import Store
from tests.bot.slack.test_app import (
    POST,
    RESPONSE,
    SECRET,
    all_text,
    command,
    dm,
    eventually,
    mention,
    probe,
    running,
)
from tests.fakes.slack_api import BOT_USER_ID, FakeSlackApi, SignedDelivery


async def settle(slack: FakeSlackApi, count: int, method: str = POST) -> list[dict]:
    """Wait for `count` calls of `method`, then a moment more: any further call would show up."""
    calls = await slack.wait_for(method, count)
    await asyncio.sleep(0.3)
    return slack.calls(method) if len(slack.calls(method)) > len(calls) else calls


async def test_a_flooding_user_gets_a_few_answers_one_notice_then_silence(settings, slack, seeded_db_path):
    async with running(replace(settings, rate_limit=3), seeded_db_path) as (_, deliver):
        for n in range(40):
            await deliver.event(deliver.event_body(dm("sources", ts=f"1700002000.{n:06d}")))
        await deliver.event(deliver.event_body(dm("help", ts="1700002100.1", user="U0BEN", channel="D0BEN")))

        def to(channel: str) -> list[dict]:
            return [p for p in slack.calls(POST) if p["channel"] == channel]

        await eventually(lambda: len(to("D0ANA")) >= 4 and to("D0BEN"), timeout=20)
        await asyncio.sleep(0.5)
    to_flooder = to("D0ANA")
    assert len(to_flooder) == 4 and len(slack.calls(POST)) == 5
    assert sum("Please wait" in p["text"] for p in to_flooder) == 1
    assert sum("articles indexed" in p["text"] for p in to_flooder) == 3


async def test_an_unlisted_channel_is_refused_once_and_members_of_listed_ones_are_served_in_dms(
        settings, slack, seeded_db_path):
    slack.members = {"C0DESK": ["U0ANA", "U0BEN", BOT_USER_ID]}
    listed = replace(settings, allowed_channels=frozenset({"C0DESK"}))
    async with running(listed, seeded_db_path) as (_, deliver):
        for n in range(3):
            await deliver.event(deliver.event_body(mention("sources", channel="C0OTHER", ts=f"17.{n}")))
        await deliver.event(deliver.event_body(mention("sources", channel="C0DESK", ts="18.1")))
        await deliver.event(deliver.event_body(dm("sources", ts="19.1")))
        await deliver.event(deliver.event_body(dm("sources", ts="19.2", user="U0EVE", channel="D0EVE")))
        posts = await settle(slack, 4)
    by_channel = {p["channel"]: p["text"] for p in posts}
    assert len(posts) == 4
    assert "not enabled" in by_channel["C0OTHER"] and "C0OTHER" in by_channel["C0OTHER"]
    assert "articles indexed" in by_channel["C0DESK"] and "articles indexed" in by_channel["D0ANA"]
    assert "not enabled" in by_channel["D0EVE"]


async def test_a_replayed_slash_command_is_answered_once(app, slack):
    fields = command(slack, "sources", trigger_id="4242.99")
    assert (await app.command(fields))[0] == 200
    await slack.wait_for(RESPONSE)
    assert (await app.command(fields))[0] == 200
    await app.command(command(slack, "help"))
    answers = await settle(slack, 2, RESPONSE)
    assert len(answers) == 2 and "/quote" in answers[1]["text"]


async def test_an_edited_dm_is_answered_once_and_only_when_the_question_changes(app, slack):
    original = dm("quote shoigu", ts="1700003000.000100")
    await app.event(app.event_body(original))
    await slack.wait_for(POST)

    def edit(text: str, at: str) -> dict:
        return {"type": "message", "subtype": "message_changed", "channel": "D0ANA", "channel_type": "im",
                "ts": at, "event_ts": at, "hidden": True,
                "message": {**original, "text": text, "edited": {"user": "U0ANA", "ts": at}},
                "previous_message": original}

    await app.event(app.event_body(edit("Quote  Shoigu", "1700003001.000100")))
    await app.event(app.event_body(edit("events wallace", "1700003002.000100")))
    changed = (await slack.wait_for(POST, 2))[1]
    await app.event(app.event_body(edit("sources", "1700003003.000100")))
    await probe(app, slack, 3)
    await asyncio.sleep(0.3)
    assert [p["channel"] for p in slack.calls(POST)].count("D0ANA") == 2
    assert "Timeline" in all_text(changed)


async def test_events_are_acked_while_the_store_thread_is_busy(settings, slack, seeded_db_path):
    store = Store.open(seeded_db_path)
    service = SlackService(settings, store, ChannelPace(0))
    await service.start()
    deliver = SignedDelivery(SECRET, f"http://127.0.0.1:{service.port}/slack/events")
    release = threading.Event()
    busy = asyncio.ensure_future(store.run(release.wait, 30))
    try:
        statuses = [(await asyncio.wait_for(deliver.event(deliver.event_body(
            dm("sources", ts=f"1700004000.{n}"))), 10))[0] for n in range(3)]
        status, _ = await asyncio.wait_for(deliver.command(command(slack, "sources")), 10)
        assert statuses == [200, 200, 200] and status == 200
        assert not slack.calls(POST) and not busy.done()
    finally:
        release.set()
        await busy
        await slack.wait_for(POST, 3)
        await service.stop()
        store.close()


async def test_malformed_signature_headers_get_401_and_no_traceback(app, slack, caplog):
    caplog.set_level(logging.INFO)
    body = json.dumps(app.event_body(dm("sources")))
    good = app.verifier.generate_signature(timestamp=str(int(time.time())), body=body)
    cases = [{"X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": good},
             {"X-Slack-Request-Timestamp": "1796162707.413", "X-Slack-Signature": good},
             {"X-Slack-Request-Timestamp": "", "X-Slack-Signature": good},
             {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=zz"},
             {}]
    async with aiohttp.ClientSession() as http:
        for headers in cases:
            async with http.post(app.url, data=body.encode(),
                                 headers={"Content-Type": "application/json", **headers}) as response:
                assert response.status == 401
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert (await app.event(json.loads(body)))[0] == 200
    [post] = await slack.wait_for(POST)
    assert post["channel"] == "D0ANA"


async def test_only_its_members_or_listed_admins_subscribe_a_dm(settings, slack, seeded_db_path):
    slack.members = {"D0ANA": ["U0ANA", BOT_USER_ID], "D0BEN": ["U0BEN", "U0CAT"]}
    async with running(replace(settings, admins=frozenset({"U0BOSS"})), seeded_db_path) as (_, deliver):
        await deliver.command(command(slack, "subscribe 09:00 UTC", channel="D0BEN", user="U0ANA"))
        [refused] = await slack.wait_for(RESPONSE)
        await deliver.command(command(slack, "subscribe 09:00 UTC", channel="D0ANA", user="U0ANA"))
        await deliver.command(command(slack, "unsubscribe", channel="D0BEN", user="U0BOSS"))
        await slack.wait_for(RESPONSE, 3)
    store = Store.open(seeded_db_path)
    assert "people in this conversation" in refused["text"] and "CLIPDESK_ADMINS" in refused["text"]
    assert get_subscription(store, "slack", "D0BEN") is None
    assert get_subscription(store, "slack", "D0ANA").active
    assert sum("no daily digest" in r["text"] for r in slack.calls(RESPONSE)) == 1  # the admin's, let in
