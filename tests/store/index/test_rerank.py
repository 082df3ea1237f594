"""Which evidence fits the kind of answer a question asks for (rerank.fits)."""

import pytest

from clipdesk.store.index.intent import HOW_MANY, WHAT, WHEN, WHERE, WHO
from clipdesk.store.index.rerank import fits

NOBODY: frozenset[int] = frozenset()


def _fits(intent, kind="paragraph", text="", *, speaker_id=None, asked=NOBODY, asks_speaker=False,
          new_place=False, dated=False, participants=False):
    return fits(intent, kind, text, speaker_id=speaker_id, asked=asked, asks_speaker=asks_speaker,
                new_place=new_place, dated=dated, participants=participants)


def test_what_did_x_say_wants_x_s_own_quotation():
    assert _fits(WHAT, "quote", "We must be ready", speaker_id=7, asked=frozenset({7}), asks_speaker=True)
    assert not _fits(WHAT, "quote", "We must be ready", speaker_id=8, asked=frozenset({7}), asks_speaker=True)
    assert not _fits(WHAT, "paragraph", "Sandvik said we must be ready", asked=frozenset({7}),
                     asks_speaker=True)


def test_who_wants_a_speaker_or_the_people_taking_part():
    assert _fits(WHO, "quote", "We must be ready", speaker_id=3)
    assert not _fits(WHO, "quote", "We must be ready")
    assert _fits(WHO, "event", "The ministers met", participants=True)
    assert not _fits(WHO, "paragraph", "The ministers met")


@pytest.mark.parametrize(("text", "dated", "expected"), [
    ("The ministers met in Tromso on March 2.", False, True),
    ("They spoke on Friday.", False, True),
    ("The ministers met in Tromso.", True, True),
    ("The ministers met in Tromso.", False, False),
])
def test_when_wants_a_date(text, dated, expected):
    assert _fits(WHEN, "event" if dated else "paragraph", text, dated=dated) is expected


def test_where_wants_a_place_the_question_does_not_already_name():
    assert _fits(WHERE, "event", "They met in Tromso", new_place=True)
    assert not _fits(WHERE, "event", "They met in Tromso")


@pytest.mark.parametrize(("text", "expected"), [
    ("Over 100,000 troops are at the border.", True),
    ("Up to a third of the budget goes on the war.", True),
    ("Troops are massing at the border.", False),
])
def test_how_many_wants_a_number(text, expected):
    assert _fits(HOW_MANY, "paragraph", text) is expected


def test_a_plain_what_question_has_no_preferred_kind():
    assert not _fits(WHAT, "quote", "We must be ready", speaker_id=3)
