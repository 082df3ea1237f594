"""Irregular verbs: a question's 'meet' finds the coverage's 'met', and the other way round."""

from clipdesk.store.index.search import search
from clipdesk.store.ingest import ingest_text
from clipdesk.store.text.verbs import verb_forms

ARTICLE = """Harvest talks in Valmora

VALMORA, May 4 - Lena Ostrova spoke to reporters about the harvest on Monday, saying the grain would
be sold at last year's price.

Ostrova held talks with the farmers' union in Valmora on Tuesday, and the union's leader Amir Hadad
said the price was fair.

Ostrova later met the mayor, Ilse Marr, and the two lost no time in agreeing a new market hall.
"""


def test_the_forms_stemming_does_not_join_are_one_verb():
    assert {"met", "meet"} <= verb_forms("meet") and "meet" in verb_forms("met")
    assert {"lose", "lost"} <= verb_forms("LOST")
    assert verb_forms("harvest") == frozenset()


def test_a_question_in_the_present_finds_the_coverage_in_the_past(db):
    ingest_text(db, ARTICLE, "harvest.txt")
    for question, expected in (("Whom did Ostrova meet?", "met the mayor"),
                               ("Did Ostrova hold talks?", "held talks"),
                               ("What did Ostrova lose no time doing?", "lost no time")):
        hits = search(db, question).hits
        assert hits and expected in hits[0].text, question
