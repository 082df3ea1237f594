"""A question as the store understands it: role phrases standing for the people given those roles."""

from clipdesk.store.index.question import understand
from clipdesk.store.ingest import ingest_text

ARTICLE = """Ministers meet over the harbour dispute

VALMORA, May 4 - French Foreign Minister Odile Marchetti said on Tuesday that the harbour dispute
could be settled by the summer.

"We are close to an agreement," Marchetti told reporters after the talks.
"""


def _asked(db, question: str) -> set[str]:
    ids = understand(db, question).speaker_ids
    return {db.execute("SELECT name FROM people WHERE id = ?", [i]).fetchone()[0] for i in ids}


def test_a_role_phrase_stands_for_the_person_given_that_role(db):
    ingest_text(db, ARTICLE, "harbour.txt")
    assert _asked(db, "What did the French foreign minister say?") == {"Odile Marchetti"}


def test_a_role_phrase_with_another_portfolio_is_not_that_person(db):
    """Two words of three in common, but "defence" is not her portfolio."""
    ingest_text(db, ARTICLE, "harbour.txt")
    assert _asked(db, "What did the French defence minister say?") == set()
