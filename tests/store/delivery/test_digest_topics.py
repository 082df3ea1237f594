"""Digest topics: a topic typed in plain letters keeps the articles that write the name with accents."""

import pytest

from clipdesk.store.delivery.digest import matches_topics, new_articles
from clipdesk.store.ingest import ingest_text

EVER = "9999"  # an upper bound past any ingest time
BODO = ("Arctic port expands\n\n"
        "The harbour authority in Bodø said on Tuesday that a new quay would open next spring, "
        "doubling the number of ferries the town can berth.")


@pytest.mark.parametrize("topic", ["bodo", "Bodø", "BODO"])
def test_a_topic_without_accents_keeps_the_article_written_with_them(db, topic):
    ingest_text(db, BODO, "bodo.txt")
    [article] = new_articles(db, None, EVER)
    assert matches_topics(db, article, (topic,))


def test_a_topic_the_article_does_not_name_drops_it(db):
    ingest_text(db, BODO, "bodo.txt")
    [article] = new_articles(db, None, EVER)
    assert not matches_topics(db, article, ("tromso",))
