"""Databases written by earlier releases: the Telegram bot opens them, migrates them and answers from them."""

from __future__ import annotations

import shutil

import pytest

from tests.bot.telegram.test_app import ASK, answer_to, running
from tests.store.index.make_fixtures import COMMITS, fixture_path


@pytest.mark.parametrize("commit", sorted(COMMITS))
async def test_an_old_database_is_migrated_and_answers_on_telegram(commit, settings, telegram, tmp_path):
    copy = tmp_path / "old.db"
    shutil.copy(fixture_path(commit), copy)
    async with running(settings, copy):
        sent = await answer_to(telegram, telegram.message_update(ASK, chat_id=51, user_id=51))
    assert sent["chat_id"] == 51 and "Shoigu" in sent["text"] and "zero" in sent["text"]
