"""Databases written by earlier releases: the Slack app opens them, migrates them and answers from them."""

from __future__ import annotations

import shutil

import pytest

from tests.bot.slack.test_app import POST, all_text, dm, running
from tests.store.index.make_fixtures import COMMITS, fixture_path


@pytest.mark.parametrize("commit", sorted(COMMITS))
async def test_an_old_database_is_migrated_and_answers_on_slack(commit, settings, slack, tmp_path):
    copy = tmp_path / "old.db"
    shutil.copy(fixture_path(commit), copy)
    async with running(settings, copy) as (_, deliver):
        status, _ = await deliver.event(deliver.event_body(
            dm("What did Shoigu say about cooperation with London?")))
        [post] = await slack.wait_for(POST, timeout=20)
    assert status == 200 and post["channel"] == "D0ANA"
    assert "Shoigu" in all_text(post) and "zero" in all_text(post)
