"""Telegram test fixtures: the fake Bot API, settings pointing at it, and a running bot."""

from __future__ import annotations

import pytest

from clipdesk.bot.telegram.settings import TelegramSettings
from tests.bot.telegram.test_app import TOKEN, running
from tests.fakes.telegram_api import FakeTelegramApi


@pytest.fixture
async def telegram():
    async with FakeTelegramApi() as fake:
        yield fake


@pytest.fixture
def settings(telegram: FakeTelegramApi) -> TelegramSettings:
    return TelegramSettings(token=TOKEN, api_base_url=telegram.base_url, poll_timeout=1)


@pytest.fixture
async def bot(settings, seeded_db_path):
    async with running(settings, seeded_db_path) as service:
        yield service
