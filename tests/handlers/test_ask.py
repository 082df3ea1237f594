"""The ask handler: lead text naming the speaker, cited snippets, honest abstention."""

import pytest

from clipdesk.handlers.ask import EMPTY, NOTHING, answer
from clipdesk.store.index.people import resolve_person
from clipdesk.store.index.vectors import backfill_vectors
from clipdesk.store.ingest import ingest_text

ARTICLE = """Ministers meet in Vilnius over air defence

VILNIUS, May 4 (Interfax) - Lithuanian Defence Minister Laurynas Kasciunas said on Thursday \
the Baltic states would buy more air defence systems together.
"We will buy together, because alone we buy too slowly," Kasciunas said after the meeting.
The ministers met at the Vilnius defence ministry.
"""


@pytest.fixture
def coverage(db):
    ingest_text(db, ARTICLE, "interfax_vilnius.txt")
    db.execute("DELETE FROM quotes")  # the tests below place their own quotations
    db.execute("DELETE FROM events")
    return db


def _quote(db, text, speaker):
    aid = db.execute("SELECT id FROM articles").fetchone()[0]
    speaker_id, name = resolve_person(db, speaker) if speaker else (None, None)
    db["quotes"].insert({"article_id": aid, "paragraph": 1, "text": text, "speaker_id": speaker_id,
                         "speaker": name})
    backfill_vectors(db)  # as ingest would have: every row has its vector


def test_a_quotation_is_introduced_by_its_speaker(coverage):
    _quote(coverage, "We will buy together, because alone we buy too slowly", "Laurynas Kasciunas")
    reply = answer(coverage, "What did Kasciunas say about buying together?", thread_id="t1")
    assert reply.found and reply.thread_id == "t1"
    assert reply.text == "Laurynas Kasciunas said:"
    first = reply.snippets[0]
    assert (first.kind, first.speaker) == ("quote", "Laurynas Kasciunas")
    assert first.source == "interfax_vilnius.txt"


def test_an_unattributed_quotation_says_so(coverage):
    _quote(coverage, "We will buy together, because alone we buy too slowly", None)
    reply = answer(coverage, "buy together alone too slowly")
    assert reply.snippets[0].kind == "quote" and "without naming the speaker" in reply.text


def test_a_paragraph_answer_is_introduced_neutrally(coverage):
    reply = answer(coverage, "Will the Baltic states buy air defence systems?")
    assert reply.found and reply.text == "From the coverage:"
    assert "more air defence systems together" in reply.snippets[0].text


def test_nothing_relevant_is_an_abstention_not_a_guess(coverage):
    reply = answer(coverage, "What did Olaf Scholz say about air defence?", thread_id="t2")
    assert (reply.found, reply.snippets, reply.text, reply.thread_id) == (False, (), NOTHING, "t2")


@pytest.mark.parametrize("question", ["", "   ", "\x00\x07"])
def test_an_empty_question_gets_an_example(coverage, question):
    reply = answer(coverage, question)
    assert reply.text == EMPTY and not reply.found
