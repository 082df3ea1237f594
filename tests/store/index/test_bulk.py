"""Bulk writing: the FTS5 indexes written once per batch equal those the row triggers give, and a
batched ingest is idempotent and survives being killed."""

import os
import signal
import subprocess
import sys
import time

import pytest

from benchmarks.generator import articles
from clipdesk.store.index.migrations import BASE_FTS
from clipdesk.store.index.schema import open_db
from clipdesk.store.index.search import search
from clipdesk.store.ingest import ingest_text, ingest_texts

TEXTS = [(text, name) for name, text in articles(60, seed=3)]
QUESTIONS = ["What did the defence secretary say?", "When did they meet?", "talks sanctions exporters",
             "Who said we will not be bullied?"]


def _triggers(db) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}


def _index_is_sound(db) -> None:
    for table in BASE_FTS:  # raises if an index entry and its row disagree
        db.execute(f"INSERT INTO {table}_fts ({table}_fts, rank) VALUES ('integrity-check', 1)")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _answers(db) -> list:
    return [[(h.kind, h.article_id, h.paragraph) for h in search(db, q, k=5).hits] for q in QUESTIONS]


@pytest.fixture(scope="module")
def one_by_one():
    db = open_db(memory=True)
    for text, name in TEXTS:
        ingest_text(db, text, name)
    return db


def test_a_batched_ingest_indexes_and_answers_as_one_article_at_a_time(one_by_one):
    db = open_db(memory=True)
    outcomes = ingest_texts(db, TEXTS)
    assert [o.status for o in outcomes] == ["added"] * len(TEXTS)
    _index_is_sound(db)
    assert _triggers(db) == _triggers(one_by_one)
    for table in ("articles", "paragraphs", "quotes", "events", "people"):
        assert db[table].count == one_by_one[table].count
    assert _answers(db) == _answers(one_by_one)
    assert any(_answers(db))


def test_rows_written_after_a_batch_are_still_indexed_by_the_triggers(db):
    ingest_texts(db, TEXTS[:3])
    aid = db.execute("SELECT id FROM articles LIMIT 1").fetchone()[0]
    db.execute("INSERT INTO paragraphs (article_id, position, text) VALUES (?, 99, 'zyxwvut appears')", [aid])
    assert db.execute("SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH 'zyxwvut'").fetchall()
    _index_is_sound(db)


def test_a_batched_ingest_is_idempotent_and_replaces_within_a_batch(db):
    first = ingest_texts(db, TEXTS[:10])
    again = ingest_texts(db, TEXTS[:10] + TEXTS[:2])
    assert [o.status for o in again] == ["unchanged"] * 12
    counts = {t: db[t].count for t in ("articles", "paragraphs", "quotes", "events")}
    text, name = TEXTS[10]
    edited = text.replace("said", "stated", 1)
    outcomes = ingest_texts(db, [(text, name), (text, name), (edited, name), ("   ", "blank.txt")])
    assert [o.status for o in outcomes] == ["added", "unchanged", "replaced", "error"]
    assert db["articles"].count == counts["articles"] + 1
    assert {o.article_id for o in first} <= {r[0] for r in db.execute("SELECT id FROM articles")}
    _index_is_sound(db)


def test_a_fuller_name_later_in_the_batch_renames_the_earlier_quotations(db):
    ingest_texts(db, [
        ("Talks stall\n\nLONDON (Reuters) - \"We will not move,\" Wallace said on Monday.\n", "one.txt"),
        ("Talks resume\n\nLONDON (Reuters) - \"We will move,\" Ben Wallace said on Tuesday.\n", "two.txt"),
    ])
    assert {r[0] for r in db.execute("SELECT speaker FROM quotes")} == {"Ben Wallace"}
    named = db.execute("SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'speaker: ben'").fetchone()[0]
    assert named == 2
    _index_is_sound(db)


KILLED = """
import sys
from benchmarks.generator import articles
from clipdesk.store.index.schema import open_db
from clipdesk.store.ingest import ingest_texts
db = open_db(sys.argv[1])
ingest_texts(db, ((text, name) for name, text in articles(5000, seed=4)))
"""


def test_a_killed_batched_ingest_leaves_a_sound_store_that_a_rerun_completes(tmp_path):
    path = tmp_path / "killed.db"
    env = {**os.environ, "CLIPDESK_EMBEDDINGS": "none", "PYTHONPATH": os.getcwd()}
    worker = subprocess.Popen([sys.executable, "-c", KILLED, str(path)], env=env)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.2)
            if path.exists() and open_db(path)["articles"].count >= 200:
                break
        assert worker.poll() is None, "the ingest ended before it could be killed"
        worker.send_signal(signal.SIGKILL)
    finally:
        worker.wait()
    db = open_db(path)
    stored = db["articles"].count
    assert stored >= 200 and stored % 200 == 0  # whole batches, nothing half-written
    assert _triggers(db) >= {f"{t}_ai" for t in BASE_FTS}
    _index_is_sound(db)
    assert not db.execute("SELECT 1 FROM quotes q WHERE NOT EXISTS"
                          " (SELECT 1 FROM articles a WHERE a.id = q.article_id)").fetchone()
    ingest_texts(db, [(text, name) for name, text in articles(stored + 50, seed=4)])
    assert db["articles"].count == stored + 50
    _index_is_sound(db)


def test_a_batch_that_fails_midway_leaves_the_triggers_and_the_index_as_they_were(db):
    from clipdesk.store.index.bulk import deferred_fts
    from clipdesk.store.index.schema import transaction

    ingest_texts(db, TEXTS[:2])
    before = (_triggers(db), db["paragraphs"].count)
    with pytest.raises(ZeroDivisionError), transaction(db), deferred_fts(db):
        aid = db.execute("SELECT id FROM articles LIMIT 1").fetchone()[0]
        db.execute("INSERT INTO paragraphs (article_id, position, text) VALUES (?, 50, 'lost')", [aid])
        assert "paragraphs_ai" not in _triggers(db)
        raise ZeroDivisionError("a rule tripped over odd text")
    assert (_triggers(db), db["paragraphs"].count) == before
    _index_is_sound(db)


def test_a_large_ingest_merges_each_index_into_one_segment_and_answers_the_same(one_by_one, monkeypatch):
    from clipdesk.store import ingest

    monkeypatch.setattr(ingest, "WRITE_BATCH", 7)  # many batches: many segments before the merge
    monkeypatch.setattr(ingest, "OPTIMISE_AFTER", len(TEXTS))
    segments = "SELECT COUNT(DISTINCT segid) FROM paragraphs_fts_idx"
    db = open_db(memory=True)
    ingest_texts(db, TEXTS[:-1])  # too few to merge
    assert db.execute(segments).fetchone()[0] > 1
    db = open_db(memory=True)
    ingest_texts(db, TEXTS)
    for table in BASE_FTS:
        assert db.execute(f"SELECT COUNT(DISTINCT segid) FROM {table}_fts_idx").fetchone()[0] == 1
    _index_is_sound(db)
    assert _answers(db) == _answers(one_by_one)
