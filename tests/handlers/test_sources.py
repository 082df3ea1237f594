"""/sources lists the indexed coverage with its citations."""

from clipdesk.handlers.commands import handle
from clipdesk.handlers.types import Request


def test_sources_lists_every_seed_article(seeded_db):
    reply = handle(Request("test", "c", "u", "/sources", command="sources"), seeded_db)
    assert reply.found
    assert reply.text.startswith("5 articles indexed")
    assert len({s.source for s in reply.snippets}) == 5


def test_sources_on_an_empty_store_says_how_to_add_coverage(db):
    reply = handle(Request("test", "c", "u", "/sources", command="sources"), db)
    assert not reply.found and "clipdesk ingest" in reply.text
