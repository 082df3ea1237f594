"""Hostile questions: any text gets an answer or a polite nothing, never an exception, always fast."""

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clipdesk.store.index.schema import open_db
from clipdesk.store.index.search import find_quotes, search, who_said
from clipdesk.store.ingest import ingest_text

SECONDS = 1.0
SYNTAX = ['"', '""', "(", ")", "()", "*", ":", "^", "-", "+", "NEAR(a b)", "AND", "OR NOT", "speaker:",
          "text : zero", "{speaker}", '"unterminated', "a*b", "^shoigu", "x OR", "NOT NOT", "\x00", "\u202e",
          "\ufeff", "\ud7ff", "zero)", "' OR 1=1 --", "%", "_", "\\", "NEAR/2", "@@", "\n\r\t"]


@pytest.fixture(scope="module")
def store():
    db = open_db(memory=True)
    ingest_text(db, "Minister says cooperation could go below zero\n\n"
                    "\"Cooperation is close to zero,\" the minister said in Moscow on Friday.\n", "a.txt")
    return db


def _all_lookups(db, text):
    started = time.perf_counter()
    result = search(db, text, k=5)
    quotes = find_quotes(db, speaker=text or None, words=text or None)
    said = who_said(db, text)
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS
    assert isinstance(result.hits, tuple) and isinstance(quotes, list) and isinstance(said, list)
    return result


@pytest.mark.parametrize("text", SYNTAX + [" ".join(SYNTAX), "zero " * 2000, "z" * 10_000, ""])
def test_fts_syntax_and_oversized_questions_are_harmless(store, text):
    _all_lookups(store, text)


def test_syntax_around_real_words_still_finds_them(store):
    assert _all_lookups(store, 'NEAR("cooperation" AND zero*)^').found


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_random_unicode_never_raises(store, text):
    _all_lookups(store, text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(SYNTAX + ["zero", "cooperation", "moscow", "shoigu"]), max_size=30))
def test_random_mixtures_of_syntax_and_words_never_raise(store, parts):
    _all_lookups(store, " ".join(parts))
