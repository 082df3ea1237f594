"""`clipdesk subscriptions` and `clipdesk digest` through click's CliRunner."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner

from clipdesk.bot.cli.digest import digest_command, subscriptions_command
from clipdesk.bot.scheduler import Scheduler
from clipdesk.store.delivery.subscriptions import subscribe
from clipdesk.store.store import Store
from tests.bot.test_digest_support import RecordingSender, add_article


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "clipdesk.db"
    monkeypatch.setenv("CLIPDESK_DB", str(path))
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env
    db = Store.open(path)
    yield db
    db.close()


def run(command, *args):
    return CliRunner().invoke(command, list(args), catch_exceptions=False)


def test_subscriptions_as_a_table_and_as_json(store):
    subscribe(store, "telegram", "12345", at="07:15", tz="Europe/Kyiv", topics=("zelensky", "drones"))
    subscribe(store, "slack", "C0ABC", "1700000000.000100", notify_empty=True)
    table = run(subscriptions_command).stdout.splitlines()
    assert table[0].split() == ["TARGET", "TIME", "ZONE", "TOPICS", "EMPTY", "DAYS", "ACTIVE", "LAST",
                                "DIGEST"]
    assert table[1].split()[:3] == ["slack:C0ABC:1700000000.000100", "08:00", "UTC"]
    assert "zelensky, drones" in table[2] and "Europe/Kyiv" in table[2]
    rows = json.loads(run(subscriptions_command, "--json").stdout)
    assert [r["target"] for r in rows] == ["slack:C0ABC:1700000000.000100", "telegram:12345"]
    assert rows[1]["topics"] == ["zelensky", "drones"] and rows[0]["notify_empty"] is True
    assert rows[1]["last_digest"] is None


async def test_the_table_shows_each_subscriptions_last_digest(store):
    add_article(store, "Talks on grain corridor resume in Istanbul", "Reuters", "2026-02-01T10:00:00+00:00")
    subscribe(store, "telegram", "12345", now=datetime(2026, 2, 1, tzinfo=UTC))
    sender = RecordingSender()
    scheduler = Scheduler(store, {"telegram": sender})
    await scheduler.run_due(datetime(2026, 2, 9, 8, 0, tzinfo=UTC))
    await scheduler.run_due(datetime(2026, 2, 10, 8, 0, tzinfo=UTC))
    [row] = json.loads(run(subscriptions_command, "--json").stdout)
    assert (row["last_digest"], row["last_state"]) == ("2026-02-10", "sent")
    assert "2026-02-10 sent" in run(subscriptions_command).stdout


def test_stopped_subscriptions_only_with_all(store):
    subscribe(store, "telegram", "1")
    store.execute("UPDATE subscriptions SET active = 0")
    store.conn.commit()
    assert json.loads(run(subscriptions_command, "--json").stdout) == []
    assert len(json.loads(run(subscriptions_command, "--json", "--all").stdout)) == 1


def test_preview_prints_the_next_digest_and_records_nothing(store):
    add_article(store, "Navies of six nations hold Baltic exercise", "AP", datetime.now(UTC).isoformat())
    subscribe(store, "telegram", "12345", now=datetime.now(UTC) - timedelta(hours=1))
    result = run(digest_command, "--preview", "telegram:12345")
    assert "Baltic exercise" in result.output and "AP" in result.output
    assert store["deliveries"].count == 0


def test_a_malformed_target_is_refused(store):
    result = CliRunner().invoke(digest_command, ["--preview", "whatsapp"])
    assert result.exit_code == 2 and "telegram:12345" in result.output


def test_run_due_without_tokens_says_which_platforms_it_skips(store):
    subscribe(store, "telegram", "12345", at="00:00", now=datetime.now(UTC) - timedelta(days=2))
    result = CliRunner().invoke(digest_command, ["--run-due"])
    assert result.exit_code == 0
    assert "skipping telegram: TELEGRAM_BOT_TOKEN is not set" in result.stderr
    assert "1 subscriptions wait for a platform that is not configured" in result.output
    assert store["deliveries"].count == 0


def test_digest_needs_one_of_its_modes(store):
    assert CliRunner().invoke(digest_command, []).exit_code == 2
