"""Pages into articles: main text and metadata from the HTML, gaps filled from the feed, never invented."""

from __future__ import annotations

import pytest

from clipdesk.store.fetch import Fetcher, FetchSettings
from clipdesk.store.index.listings import list_quotes, list_sources
from clipdesk.store.pages import extract_page, ingest_url, parse_page
from clipdesk.store.text.article import NotAnArticle
from tests.fakes.news_site import NewsSite, Story, article_page
from tests.fakes.stories import MARKET, STRIKE, STRIKE_ELSEWHERE

URL = "https://news.example/2026/strike"
FETCHER = FetchSettings(allow_private=True, interval=0.0, timeout=3.0)


def test_the_article_comes_without_navigation_banners_comments_or_teasers():
    page = extract_page(article_page(STRIKE), URL)
    for furniture in ("cookies", "Share on", "Most read", "Related stories", "Reader1", "Celebrity chef",
                      "Subscribe", "All rights reserved"):
        assert furniture not in page.raw
    assert all(p in page.raw for p in STRIKE.paragraphs)


def test_the_page_states_title_outlet_date_and_author():
    article = parse_page(article_page(STRIKE), URL).article
    assert article.title == STRIKE.title and article.outlet == "Harbour Gazette"
    assert article.published and article.published.startswith("2026-11-30")
    assert article.byline == "Nadia Okafor" and article.url == URL and article.source == URL


def test_the_feed_fills_what_the_page_does_not_state_and_nothing_is_invented():
    bare = article_page(MARKET)
    article = parse_page(bare, URL).article
    assert article.outlet is None and article.published is None
    hinted = parse_page(bare, URL, {"outlet": "Old Town Weekly", "published": "2026-11-28T07:00:00+00:00",
                                    "title": "Ignored: the page has a headline"}).article
    assert hinted.outlet == "Old Town Weekly" and hinted.published == "2026-11-28T07:00:00+00:00"
    assert hinted.title == MARKET.title


def test_a_site_name_the_page_states_beats_the_feeds_title():
    article = parse_page(article_page(STRIKE_ELSEWHERE), URL, {"outlet": "Some Aggregator"}).article
    assert article.outlet == "Coastal Courier"


def test_the_feed_entry_gives_the_time_of_a_day_the_page_states():
    article = parse_page(article_page(STRIKE), URL, {"published": "2026-11-30T08:15:00+00:00"}).article
    assert article.published == "2026-11-30T08:15:00+00:00"
    other_day = parse_page(article_page(STRIKE), URL, {"published": "2026-12-01T09:00:00+00:00"}).article
    assert other_day.published == "2026-11-30"


def test_quotes_and_speakers_are_found_as_in_text_files():
    parsed = parse_page(article_page(STRIKE), URL)
    speakers = {q.speaker for q in parsed.quotes}
    assert {"Tomas Brenner", "Helen Marsh"} <= speakers
    assert any(e.kind == "meeting" for e in parsed.events)


def test_the_canonical_link_is_the_citation_when_it_is_on_the_same_site():
    page = article_page(STRIKE, canonical="https://news.example/strike")
    assert parse_page(page, URL + "?utm_source=feed").article.url == "https://news.example/strike"
    elsewhere = article_page(STRIKE, canonical="https://other.example/strike")
    assert parse_page(elsewhere, URL).article.url == URL
    assert parse_page(article_page(STRIKE), URL + "?utm_campaign=x#comments").article.url == URL


def test_a_page_without_an_article_is_not_one():
    with pytest.raises(NotAnArticle):
        parse_page("<html><body><nav><a href='/'>Home</a></nav><p>Menu</p></body></html>", URL)


def test_ingest_url_fetches_stores_and_reports_each_problem(db):
    with NewsSite() as site:
        site.add("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
        site.add("/strike", article_page(STRIKE))
        latin = Story(title="Caf\u00e9 owners say the \u201cnew rules\u201d will close businesses",
                      outlet="Harbour Gazette", paragraphs=(
                          "Owners of the caf\u00e9s on the sea front said on Friday that the council\u2019s "
                          "new licensing rules would force several of them to close this winter.",
                          "\u201cWe cannot pay another fee,\u201d said Jo\u00e3o Pereira, who runs the "
                          "caf\u00e9 by the lighthouse."))
        site.add("/cafe", article_page(latin).replace('charset="utf-8"', 'charset="windows-1252"')
                 .encode("cp1252"), "text/html")
        site.add("/pdf", b"%PDF-1.4", "application/pdf")
        fetcher = Fetcher(FETCHER)
        assert ingest_url(db, fetcher, site.url("/strike")).status == "added"
        assert ingest_url(db, fetcher, site.url("/strike")).status == "unchanged"
        assert ingest_url(db, fetcher, site.url("/cafe")).status == "added"
        failed = ingest_url(db, fetcher, site.url("/pdf"))
        assert failed.status == "error" and "content type application/pdf" in failed.message
        missing = ingest_url(db, fetcher, site.url("/gone"))
        assert missing.status == "error" and "HTTP 404" in missing.message
    titles = {s.title: s for s in list_sources(db)}
    assert titles[STRIKE.title].url == site.url("/strike")
    assert latin.title in titles
    assert any(q["text"].startswith("We cannot pay another fee") for q in list_quotes(db))


@pytest.mark.parametrize(("head", "above", "published"), [
    ('<meta property="article:published_time" content="2026-11-30T08:00:00Z">', "", "2026-11-30"),
    ("", '<p><time datetime="2026-11-29T10:00:00Z">29 November 2026</time></p>', "2026-11-29"),
    ("", "<footer>\u00a9 2024 Harbour Gazette</footer>", None),  # a copyright year is not a date
])
def test_dates_come_from_the_pages_markup_and_are_never_guessed(head, above, published):
    body = "<p>" + "The strike at the port ended on Sunday after talks between the union and the port. " * 3
    page = f"<html><head><title>Port strike ends</title>{head}</head><body>{above}<article>" \
           f"<h1>Port strike ends</h1>{body}</p></article></body></html>"
    assert extract_page(page, URL).sidecar.get("published") == published
