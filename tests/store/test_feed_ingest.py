"""Polling feeds from a local news site: full text from pages, each story once, failures kept to the feed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from clipdesk.store.delivery.feeds import add_feed, find_feed
from clipdesk.store.feed_ingest import FULL_TEXT_WORDS, BrokenFeed, parse_feed, poll_feed
from clipdesk.store.fetch import Fetcher, FetchSettings
from clipdesk.store.index.listings import list_quotes, list_sources
from clipdesk.store.pages import ingest_url
from tests.fakes.news_site import NewsSite, article_page, atom, rss
from tests.fakes.stories import BRIDGE, MARKET, STRIKE

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
FETCH = FetchSettings(allow_private=True, interval=0.0, timeout=3.0)


def item(site: NewsSite, path: str, title: str, guid: str | None = None, **extra: str) -> dict[str, str]:
    return {"title": title, "link": site.url(path), "guid": guid or path,
            "pubDate": "Mon, 30 Nov 2026 08:15:00 +0000", "description": "A short teaser.", **extra}


@pytest.fixture
def site():
    with NewsSite() as running:
        running.add("/robots.txt", "User-agent: *\nDisallow: /members/\n", "text/plain")
        running.add("/strike", article_page(STRIKE))
        running.add("/bridge", article_page(BRIDGE))
        running.add("/market", article_page(MARKET))
        running.add("/feed.xml", rss("Harbour Gazette", [item(running, "/strike", STRIKE.title),
                                                         item(running, "/bridge", BRIDGE.title)]),
                    "application/rss+xml", gzip=True)
        yield running


@pytest.fixture
def fetcher():
    return Fetcher(FETCH)


def test_a_summary_only_feed_is_ingested_with_full_text_from_its_pages(db, site, fetcher):
    feed = add_feed(db, site.url("/feed.xml"), now=NOW)
    result = poll_feed(db, fetcher, feed, NOW)
    assert len(result.added) == 2 and not result.errors
    sources = {s.title: s for s in list_sources(db)}
    strike = sources[STRIKE.title]
    assert strike.url == site.url("/strike") and strike.outlet == "Harbour Gazette"
    assert strike.published.startswith("2026-11-30")
    assert any(q["speaker"] == "Tomas Brenner" and "protects every job" in q["text"] for q in list_quotes(db))


def test_a_second_poll_with_nothing_new_is_conditional_and_ingests_nothing(db, site, fetcher):
    feed = add_feed(db, site.url("/feed.xml"), now=NOW)
    poll_feed(db, fetcher, feed, NOW)
    pages = len(site.requests)
    again = poll_feed(db, fetcher, find_feed(db, feed.url), NOW)
    assert again.not_modified and again.added == []
    [conditional] = site.requests[pages:]
    assert conditional.path == "/feed.xml" and conditional.headers["if-none-match"]


def test_a_changed_feed_brings_only_its_new_story(db, site, fetcher):
    feed = add_feed(db, site.url("/feed.xml"), now=NOW)
    poll_feed(db, fetcher, feed, NOW)
    site.add("/feed.xml", rss("Harbour Gazette", [item(site, "/market", MARKET.title),
                                                  item(site, "/strike", STRIKE.title),
                                                  item(site, "/bridge", BRIDGE.title)]),
             "application/rss+xml")
    before = len(site.requests)
    result = poll_feed(db, fetcher, find_feed(db, feed.url), NOW)
    assert len(result.added) == 1 and [r.path for r in site.requests[before:]] == ["/feed.xml", "/market"]
    market = next(s for s in list_sources(db) if s.title == MARKET.title)
    assert market.outlet == "Harbour Gazette"  # the page names none: the feed's title is the outlet
    assert market.published.startswith("2026-11-30T08:15")  # the entry's date: the page gives none


def test_a_story_reposted_relinked_or_in_two_feeds_is_one_article(db, site, fetcher):
    site.add("/feed.xml", rss("Harbour Gazette", [
        item(site, "/strike", STRIKE.title, guid="a"), item(site, "/strike", STRIKE.title, guid="a"),
        item(site, "/strike?utm_source=rss", STRIKE.title, guid="b")]), "application/rss+xml")
    site.add("/other.xml", atom("Aggregator", [{"title": STRIKE.title, "link": "/strike#top", "id": "x"}]),
             "application/atom+xml")
    first = poll_feed(db, fetcher, add_feed(db, site.url("/feed.xml"), now=NOW), NOW)
    second = poll_feed(db, fetcher, add_feed(db, site.url("/other.xml"), now=NOW), NOW)
    assert len(first.added) == 1 and first.known == 1 and second.known == 1 and second.added == []
    assert [s.title for s in list_sources(db)] == [STRIKE.title]
    assert len(site.hits("/strike")) == 1


def test_a_page_ingested_by_hand_is_not_stored_again_from_a_feed(db, site, fetcher):
    assert ingest_url(db, fetcher, site.url("/strike?utm_source=share")).status == "added"
    result = poll_feed(db, fetcher, add_feed(db, site.url("/feed.xml"), now=NOW), NOW)
    assert result.known == 1 and len(result.added) == 1 and len(site.hits("/strike")) == 1
    assert sorted(s.title for s in list_sources(db)) == sorted([STRIKE.title, BRIDGE.title])


def test_a_full_content_entry_needs_no_page(db, site, fetcher):
    sentence = "The pier reopened after repairs that took most of the year."
    words = " ".join([sentence] * (FULL_TEXT_WORDS // 10))
    content = f"<p>{words}</p><p>\u201cIt is good to have it back,\u201d said harbour master Ruth Ellis.</p>"
    site.add("/full.xml", rss("Pier News", [item(site, "/nowhere", "Pier reopens after repairs",
                                                 content=content)]), "application/rss+xml")
    result = poll_feed(db, fetcher, add_feed(db, site.url("/full.xml"), now=NOW), NOW)
    assert len(result.added) == 1 and site.hits("/nowhere") == []
    [source] = list_sources(db)
    assert source.title == "Pier reopens after repairs" and source.outlet == "Pier News"


def test_a_failing_page_is_retried_next_poll_and_the_rest_is_stored(db, site, fetcher):
    site.add("/feed.xml", rss("Harbour Gazette", [item(site, "/strike", STRIKE.title),
                                                  item(site, "/members/scoop", "Members only"),
                                                  item(site, "/missing", "Gone")]), "application/rss+xml")
    feed = add_feed(db, site.url("/feed.xml"), now=NOW)
    result = poll_feed(db, fetcher, feed, NOW)
    assert len(result.added) == 1 and len(result.errors) == 2
    assert any("robots.txt disallows" in e for e in result.errors)
    assert any("HTTP 404" in e for e in result.errors)
    feed = find_feed(db, feed.url)
    assert feed.failures == 0 and feed.etag is None  # the feed is fine; its next poll fetches in full
    site.add("/missing", article_page(BRIDGE))
    again = poll_feed(db, fetcher, feed, NOW)
    assert len(again.added) == 1 and not again.not_modified


def test_a_broken_feed_is_marked_with_its_error(db, site, fetcher):
    site.add("/broken.xml", "<rss><channel><title>Oops</title><item><title>Half", "application/rss+xml")
    feed = add_feed(db, site.url("/broken.xml"), now=NOW)
    result = poll_feed(db, fetcher, feed, NOW)
    feed = find_feed(db, feed.url)
    assert result.error and "not a readable feed" in feed.last_error and feed.failures == 1


def test_a_web_page_given_as_a_feed_says_where_its_feed_is(db, site, fetcher):
    home = article_page(STRIKE).replace("</head>", '<link rel="alternate" type="application/rss+xml" '
                                                   'title="Gazette" href="/feed.xml"></head>')
    site.add("/home", home)
    feed = add_feed(db, site.url("/home"), now=NOW)
    poll_feed(db, fetcher, feed, NOW)
    assert find_feed(db, feed.url).last_error.endswith(f"it names its feed: {site.url('/feed.xml')}")


def test_a_feed_behind_redirects_and_rate_limits(db, site, fetcher):
    site.redirect("/rss", "/feeds/main")
    site.redirect("/feeds/main", "/feed.xml", 302)
    assert len(poll_feed(db, fetcher, add_feed(db, site.url("/rss"), now=NOW), NOW).added) == 2
    site.rate_limit("/busy.xml", retry_after=7200)
    feed = add_feed(db, site.url("/busy.xml"), now=NOW)
    poll_feed(db, fetcher, feed, NOW)
    feed = find_feed(db, feed.url)
    assert "HTTP 429" in feed.last_error
    assert (datetime.fromisoformat(feed.next_due) - NOW).total_seconds() == 7200


def test_entries_without_links_and_entity_declarations_are_left_out():
    body = rss("Gazette", [{"title": "no link", "link": ""}]).encode()
    assert parse_feed(body, "https://x.example/feed").entries == ()
    bomb = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel>&a;</channel></rss>'
    with pytest.raises(BrokenFeed, match="entities"):
        parse_feed(bomb, "https://x.example/feed")


RSS_1 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://x.example/"><title>Old Style Wire</title><link>https://x.example/</link></channel>
  <item rdf:about="https://x.example/a"><title>First item</title><link>https://x.example/a</link>
    <dc:date>2026-11-30T07:00:00Z</dc:date><dc:source>Harbour Gazette</dc:source></item>
</rdf:RDF>"""
RSS_091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Plain Wire</title>
<item><title>Second item</title><link>https://y.example/b</link></item></channel></rss>"""


def test_rss_1_0_and_0_91_are_read_with_their_dates_and_titles():
    [first] = parse_feed(RSS_1, "https://x.example/rss").entries
    assert (first.link, first.title, first.published) == ("https://x.example/a", "First item",
                                                          "2026-11-30T07:00:00+00:00")
    assert first.outlet == "Old Style Wire"
    plain = parse_feed(RSS_091, "https://y.example/rss")
    assert plain.title == "Plain Wire" and plain.entries[0].published is None  # no date given, none made


def test_a_poll_stopped_half_way_leaves_the_rest_for_the_next_one(db, site, fetcher):
    feed = add_feed(db, site.url("/feed.xml"), now=NOW)
    taken = []
    first = poll_feed(db, fetcher, feed, NOW, stopped=lambda: taken.append(1) or len(taken) > 1)
    assert len(first.added) == 1 and find_feed(db, feed.url).etag is None
    rest = poll_feed(db, fetcher, find_feed(db, feed.url), NOW)
    assert len(rest.added) == 1 and not rest.not_modified
