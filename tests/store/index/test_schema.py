"""The store file: WAL, busy timeout, FTS5 indexes, a schema version, plain SQLite."""

import sqlite3

from clipdesk.store.index.schema import SCHEMA_VERSION, open_db


def test_a_new_store_is_a_plain_sqlite_file_with_wal_and_a_schema_version(tmp_path):
    path = tmp_path / "c.db"
    db = open_db(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    db.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "paragraphs", "quotes", "events", "people", "aliases",
            "subscriptions", "deliveries"} <= tables
    assert {"paragraphs_fts", "quotes_fts", "events_fts"} <= tables


def test_opening_twice_keeps_the_data(tmp_path):
    path = tmp_path / "c.db"
    db = open_db(path)
    db["articles"].insert({"id": "a", "source": "a.txt", "ingested_at": "2026-01-01"})
    db.close()
    assert open_db(path)["articles"].count == 1


def test_paragraph_text_is_searchable_through_fts5(db):
    db["articles"].insert({"id": "a", "source": "a.txt", "ingested_at": "2026-01-01"})
    db["paragraphs"].insert({"article_id": "a", "position": 0, "text": "Ministers negotiated in Geneva."})
    hits = db.execute("SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH 'negotiate'").fetchall()
    assert len(hits) == 1
