"""OPML import and export, and hostile OPML refused."""

from __future__ import annotations

import pytest

from clipdesk.store.delivery.feeds import add_feed, list_feeds
from clipdesk.store.delivery.opml import BadOpml, read_opml, write_opml

READER_EXPORT = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>My subscriptions</title></head><body>
  <outline text="News" title="News">
    <outline type="rss" text="Harbour Gazette" title="Harbour Gazette" xmlUrl="https://harbour.example/rss"/>
    <outline type="rss" text="Coastal Courier" xmlUrl="https://courier.example/atom.xml"/>
  </outline>
  <outline type="rss" text="Duplicate" xmlUrl="https://harbour.example/rss"/>
  <outline text="A folder with no feed"/>
</body></opml>"""


def test_feeds_are_read_from_nested_outlines_once_each():
    outlines = read_opml(READER_EXPORT)
    assert [(o.url, o.name) for o in outlines] == [("https://harbour.example/rss", "Harbour Gazette"),
                                                   ("https://courier.example/atom.xml", "Coastal Courier")]


def test_an_export_reads_back_as_the_same_feeds(db):
    add_feed(db, "https://harbour.example/rss", name="Harbour Gazette")
    add_feed(db, "https://courier.example/atom.xml", name="Courier & Co")
    again = read_opml(write_opml(list_feeds(db)).encode())
    assert {(o.url, o.name) for o in again} == {(f.url, f.name) for f in list_feeds(db)}


@pytest.mark.parametrize(("data", "why"), [
    (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><opml><body>&lol;</body></opml>', "DOCTYPE"),
    (b"<opml><body><outline xmlUrl='x'>", "not well-formed"),
    (b"<rss><channel/></rss>", "not <opml>"),
])
def test_hostile_or_broken_opml_is_refused_with_a_reason(data, why):
    with pytest.raises(BadOpml, match=why):
        read_opml(data)
