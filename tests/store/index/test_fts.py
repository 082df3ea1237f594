"""Query shaping: whatever the user types, FTS5 receives only quoted words."""

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clipdesk.store.index import fts
from clipdesk.store.index.schema import FTS_TOKENIZER


@pytest.fixture(scope="module")
def index() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(text, speaker, tokenize='{FTS_TOKENIZER}')")
    conn.executemany("INSERT INTO t VALUES (?, ?)", [
        ("Cooperation could go below zero, the minister warned", "Sergei Shoigu"),
        ("The defence secretary met his counterpart in Moscow", "Ben Wallace"),
        ("NEAR the border AND across it, troops OR tanks", "Not Anyone"),
    ])
    return conn


def count(conn: sqlite3.Connection, expression: str) -> int:
    return conn.execute("SELECT COUNT(*) FROM t WHERE t MATCH ?", [expression]).fetchone()[0]


def test_stop_words_and_question_words_are_dropped():
    assert fts.content_terms("What did the minister say about the zero?") == ["minister", "zero"]


def test_words_are_lower_cased_deduplicated_and_bounded():
    assert fts.content_terms("Moscow moscow MOSCOW") == ["moscow"]
    assert len(fts.content_terms(" ".join(f"word{i}" for i in range(100)))) == fts.MAX_TERMS
    assert all(len(t) <= fts.MAX_TOKEN_CHARS for t in fts.content_terms("x" * 500))


def test_operators_typed_by_the_user_are_searched_as_words(index):
    expression = fts.all_of([fts.any_of([w]) for w in fts.tokens("NEAR AND OR")])
    assert count(index, expression) == 1


def test_alternatives_match_either_spelling(index):
    assert count(index, fts.any_of(["defence", "defense"])) == 1
    assert count(index, fts.any_of(["kyiv", "kiev"])) == 0


def test_a_column_filter_restricts_to_that_column(index):
    assert count(index, fts.in_column("speaker", fts.phrase("Shoigu"))) == 1
    assert count(index, fts.in_column("text", fts.phrase("Shoigu"))) == 0


def test_text_without_words_gives_no_expression():
    assert fts.phrase("?!* :^()") == ""
    assert fts.any_of(["", "()", '"']) == ""


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_user_text_makes_a_valid_expression(index, text):
    expression = fts.all_of([fts.any_of([w]) for w in fts.content_terms(text)])
    if expression:
        count(index, expression)
    for scoped in (fts.in_column("speaker", fts.phrase(text)), fts.any_of([text, text[::-1]])):
        if scoped:
            count(index, scoped)


def test_remembered_word_counts_follow_every_change_to_the_index():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute(f"CREATE VIRTUAL TABLE p_fts USING fts5(text, tokenize='{FTS_TOKENIZER}')")
    memo: dict = {}

    def counted() -> dict[str, int]:
        return fts.doc_counts(conn, "p", ["troop", "tank"], memo)

    conn.executemany("INSERT INTO p_fts (rowid, text) VALUES (?, ?)",
                     [(1, "Troops crossed"), (2, "Troops and tanks")])
    assert counted() == {"troop": 2, "tank": 1}
    assert counted() == {"troop": 2, "tank": 1}  # remembered
    conn.execute("DELETE FROM p_fts WHERE rowid = 1")
    assert counted() == {"troop": 1, "tank": 1}
    conn.execute("BEGIN")
    conn.execute("INSERT INTO p_fts (rowid, text) VALUES (3, 'More tanks')")
    assert counted() == {"troop": 1, "tank": 2}  # an open transaction's own write is counted
    conn.execute("ROLLBACK")
    assert counted() == {"troop": 1, "tank": 1}


def test_finding_stems_leaves_no_transaction_open():
    conn = sqlite3.connect(":memory:")
    assert fts.stems(conn, ["soldiers", "talks"]) == {"soldiers": "soldier", "talks": "talk"}
    assert not conn.in_transaction


def test_bm25_from_remembered_counts_is_sqlites_own_rank():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute(f"CREATE VIRTUAL TABLE q_fts USING fts5(text, speaker, tokenize='{FTS_TOKENIZER}')")
    conn.executemany("INSERT INTO q_fts (rowid, text, speaker) VALUES (?, ?, ?)", [
        (1, "Troops crossed the river; more troops followed", "Ben Wallace"),
        (2, "Tanks and troops at the border", None),
        (3, "The talks on tanks went on", "Sergei Shoigu"),
        (4, "Nothing of the kind", "Troops Spokesman"),
        (5, "Ben Wallace and troops of Ben", "Wallace Ben"),
    ])
    memo: dict = {}
    # phrases of two words and column filters too, where (as here) a phrase's document count is its
    # rarest word's and a filtered word is in no other column
    asked = ['"troops"', '"troops" AND "tanks"', '("tanks" OR "troops") AND "the"', '"tank" OR "tank"',
             '"ben wallace"', '{speaker} : "wallace"', '{speaker} : ("wallace" OR "shoigu") AND "troops"']
    for expression in asked:
        ranked = conn.execute("SELECT rowid, rank FROM q_fts WHERE q_fts MATCH ? ORDER BY rowid DESC",
                              [expression]).fetchall()
        assert fts.bm25(conn, "q", expression, [r for r, _ in ranked], memo) == pytest.approx(dict(ranked))
