"""Slack test fixtures: the fake Web API, settings pointing at it, and a running app in HTTP mode."""

from __future__ import annotations

import pytest

from clipdesk.bot.slack.settings import SlackSettings
from tests.bot.slack.test_app import SECRET, running
from tests.fakes.slack_api import FakeSlackApi


@pytest.fixture
async def slack():
    async with FakeSlackApi() as fake:
        yield fake


@pytest.fixture
def settings(slack: FakeSlackApi) -> SlackSettings:
    return SlackSettings(bot_token="xoxb-test", signing_secret=SECRET, api_base_url=slack.base_url,
                         host="127.0.0.1", port=0)


@pytest.fixture
async def app(settings, seeded_db_path):
    async with running(settings, seeded_db_path) as (service, deliver):
        yield deliver
