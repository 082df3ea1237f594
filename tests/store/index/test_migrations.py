"""Migrations: databases made by earlier releases open, migrate and answer; newer files are refused."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from clipdesk.handlers.ask import answer
from clipdesk.store.delivery.deliveries import get_delivery
from clipdesk.store.delivery.seen import first_time
from clipdesk.store.delivery.subscriptions import list_subscriptions
from clipdesk.store.index.migrations import MIGRATIONS, Migration, check_numbering, migrate, sql
from clipdesk.store.index.people import recognise_people, resolve_person
from clipdesk.store.index.schema import SCHEMA_VERSION, NewerSchema, open_db, transaction
from tests.store.index.make_fixtures import COMMITS, fixture_path


def _version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture(params=sorted(COMMITS))
def old_db(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A private copy of a database written by the store code of an earlier commit."""
    copy = tmp_path / f"old_{request.param}.db"
    shutil.copy(fixture_path(request.param), copy)
    return copy


def test_an_old_database_migrates_and_answers_with_its_subscriptions_and_deliveries(old_db):
    assert _version(old_db) < SCHEMA_VERSION
    db = open_db(old_db)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    reply = answer(db, "what did Shoigu say about cooperation with London?")
    assert reply.found and any("Shoigu" in s.text for s in reply.snippets)
    assert first_time(db, "telegram", "update:1") and not first_time(db, "telegram", "update:1")
    subs = {s.platform: s for s in list_subscriptions(db)}
    assert subs["telegram"].chat_id == "-1001234" and subs["telegram"].tz == "Europe/London"
    assert subs["telegram"].cursor == "2026-11-20T06:00:00+00:00"
    assert subs["slack"].chat_id == "C0NEWS" and subs["slack"].time == "09:30"
    delivery = get_delivery(db, subs["telegram"].id, "2026-11-21")
    assert delivery is not None and delivery.state == "sent" and delivery.parts_sent == 2
    db.close()
    assert _version(old_db) == SCHEMA_VERSION and open_db(old_db)["articles"].count == 5


def test_a_file_from_a_newer_clipdesk_is_refused_naming_both_versions_and_left_alone(tmp_path):
    path = tmp_path / "future.db"
    open_db(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchema) as refused:
        open_db(path)
    message = str(refused.value)
    assert str(path) in message and f"version {SCHEMA_VERSION + 3}" in message
    assert f"up to {SCHEMA_VERSION}" in message
    assert path.read_bytes() == before


def test_a_failing_step_leaves_the_file_at_the_previous_version_with_nothing_half_made(tmp_path):
    path = tmp_path / "c.db"
    open_db(path).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE bookmarks (url TEXT PRIMARY KEY)")
        conn.execute("INSERT INTO bookmarks VALUES ('https://example.org/rss')")
        raise RuntimeError("step failed halfway")

    steps = [*MIGRATIONS, Migration(SCHEMA_VERSION + 1, "bookmarks", broken)]
    db = open_db(path, upgrade=False)
    with pytest.raises(RuntimeError):
        migrate(db.conn, steps)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert not db["bookmarks"].exists()


def test_a_step_that_rewrites_tables_backs_the_file_up_first(tmp_path):
    path = tmp_path / "c.db"
    db = open_db(path)
    db["articles"].insert({"id": "a", "source": "a.txt", "title": "Talks", "ingested_at": "2026-01-01"})
    rewrite = Migration(SCHEMA_VERSION + 1, "articles.title NOT NULL", sql("""
        CREATE TABLE articles_new AS SELECT * FROM articles;
        DELETE FROM articles;
    """), rewrites=True)
    applied = migrate(db.conn, [*MIGRATIONS, rewrite])
    assert applied == [rewrite] and db["articles"].count == 0
    [backup] = tmp_path.glob("c.db.v*.bak")
    assert backup.name.startswith(f"c.db.v{SCHEMA_VERSION}-")
    assert _version(backup) == SCHEMA_VERSION
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT title FROM articles").fetchall() == [("Talks",)]


def test_steps_already_applied_by_another_process_are_not_applied_again(tmp_path):
    path = tmp_path / "c.db"
    runs: list[int] = []
    step = Migration(SCHEMA_VERSION + 1, "count", lambda conn: runs.append(1))
    first, second = open_db(path), open_db(path)
    assert migrate(first.conn, [*MIGRATIONS, step]) == [step]
    assert migrate(second.conn, [*MIGRATIONS, step]) == []
    assert runs == [1]


def test_the_steps_are_numbered_one_to_n_in_order():
    check_numbering(MIGRATIONS)
    with pytest.raises(ValueError):
        check_numbering([*MIGRATIONS, Migration(SCHEMA_VERSION + 2, "gap", sql(""))])


def test_a_new_file_gets_every_step_including_seen(tmp_path):
    db = open_db(tmp_path / "new.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
    assert db["seen"].exists()


def test_an_old_database_gets_its_vectors_once_with_progress_on_stderr(old_db, capfd):
    db = open_db(old_db)
    progress = capfd.readouterr().err
    rows = sum(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
               for table in ("paragraphs", "quotes", "events"))
    assert f"{rows}/{rows} rows" in progress
    assert db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0] == rows
    hit = answer(db, "Is Moscow's economy bent out of shape by the war?").snippets[0]
    assert "economy is distorted" in hit.text
    db.close()
    open_db(old_db).close()
    assert "sentence vectors" not in capfd.readouterr().err


def test_an_interrupted_backfill_resumes_on_the_next_open(old_db, monkeypatch, capfd):
    from clipdesk.store.index import vectors

    monkeypatch.setattr(vectors, "BACKFILL_BATCH", 4)
    real_write = vectors._write
    calls = []

    def dies_on_the_third_batch(*args):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        real_write(*args)

    monkeypatch.setattr(vectors, "_write", dies_on_the_third_batch)
    with pytest.raises(KeyboardInterrupt):
        open_db(old_db)
    monkeypatch.setattr(vectors, "_write", real_write)
    db = open_db(old_db)
    assert vectors.missing_count(db) == 0
    assert db.execute("SELECT COUNT(*) FROM vector_backfill").fetchone()[0] == 0


def test_a_new_database_has_nothing_to_backfill(tmp_path, capfd):
    db = open_db(tmp_path / "new.db")
    assert db["vectors"].exists() and db.execute("SELECT COUNT(*) FROM vector_backfill").fetchone()[0] == 0
    assert "sentence vectors" not in capfd.readouterr().err


def test_bodies_registered_before_initials_were_kept_are_found_by_them_after_the_upgrade(tmp_path):
    path = tmp_path / "old.db"
    db = open_db(path)
    with transaction(db):
        pid, _ = resolve_person(db, "Joint Expeditionary Force", kind="institution")
        db.execute("DELETE FROM aliases WHERE alias = 'jef'")
    db.execute("PRAGMA user_version = 5")
    db.close()
    db = open_db(path)
    assert [p.id for p in recognise_people(db, "What did the JEF agree?")] == [pid]
    db.close()
