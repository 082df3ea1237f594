"""`clipdesk feeds ...` and `clipdesk ingest URL` against a local news site."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from clipdesk.bot.cli.main import cli
from tests.fakes.news_site import NewsSite, article_page, rss
from tests.fakes.stories import BRIDGE, STRIKE


@pytest.fixture
def site():
    with NewsSite() as running:
        running.add("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
        running.add("/strike", article_page(STRIKE))
        running.add("/bridge", article_page(BRIDGE))
        items = [{"title": s.title, "link": running.url(p), "guid": p, "description": "Teaser only."}
                 for p, s in (("/strike", STRIKE), ("/bridge", BRIDGE))]
        running.add("/feed.xml", rss("Harbour Gazette", items), "application/rss+xml")
        running.add("/broken.xml", "<rss><channel><item>", "application/rss+xml")
        yield running


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("CLIPDESK_DB", str(tmp_path / "clipdesk.db"))
    monkeypatch.setenv("CLIPDESK_FETCH_ALLOW_PRIVATE", "1")
    monkeypatch.setenv("CLIPDESK_FETCH_INTERVAL", "0")
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke


def _sources(run) -> dict:
    return {s["title"]: s for s in json.loads(run("sources", "--json").stdout)}


def test_add_then_poll_ingests_the_articles_and_a_second_poll_is_conditional(run, site):
    added = run("feeds", "add", site.url("/feed.xml"), "--every", "15m", "--name", "Gazette")
    assert added.exit_code == 0 and "Following Gazette" in added.stdout and "every 15m" in added.stdout
    first = run("feeds", "poll")
    assert first.exit_code == 0 and "Gazette: 2 new" in first.stdout
    strike = _sources(run)[STRIKE.title]
    assert strike["url"] == site.url("/strike") and strike["outlet"] == "Harbour Gazette"
    assert strike["published"].startswith("2026-11-30") and strike["quotes"] >= 2
    quotes = run("quotes", "--speaker", "Brenner").stdout
    assert "protects every job on the docks" in quotes and site.url("/strike") in quotes
    before = len(site.requests)
    second = run("feeds", "poll")
    assert "Gazette: not modified" in second.stdout and "0 new articles" in second.stdout
    assert [r.path for r in site.requests[before:] if r.path != "/robots.txt"] == ["/feed.xml"]
    assert site.requests[-1].headers.get("if-none-match")


def test_a_failing_feed_is_marked_in_the_list_and_does_not_stop_the_others(run, site):
    run("feeds", "add", site.url("/broken.xml"), "--name", "Broken")
    run("feeds", "add", site.url("/feed.xml"), "--name", "Gazette")
    polled = run("feeds", "poll")
    assert polled.exit_code == 1 and "Gazette: 2 new" in polled.stdout and "Broken: failed" in polled.stdout
    listing = run("feeds", "list").stdout
    assert "FAILING (1x)" in listing and "not a readable feed" in listing
    rows = {r["name"]: r for r in json.loads(run("feeds", "list", "--json").stdout)}
    assert rows["Broken"]["failing"] and not rows["Gazette"]["failing"] and rows["Gazette"]["last_ok"]
    site.add("/feed.xml", rss("Harbour Gazette", [{"title": "Gone", "link": site.url("/gone"), "guid": "g"}]),
             "application/rss+xml")
    run("feeds", "poll")
    assert "ok (1 page not stored yet, retried at the next polls)" in run("feeds", "list").stdout


def test_remove_by_name_and_unknown_names(run, site):
    run("feeds", "add", site.url("/feed.xml"), "--name", "Gazette")
    assert "Stopped following Gazette" in run("feeds", "remove", "gazette").stdout
    missing = run("feeds", "remove", "Gazette")
    assert missing.exit_code == 1 and "no feed with the URL or name 'Gazette'" in missing.stderr
    assert "No feeds followed" in run("feeds", "list").stdout


def test_bad_intervals_and_duplicates_get_one_line_errors(run, site):
    assert "not an interval" in run("feeds", "add", site.url("/feed.xml"), "--every", "often").stderr
    run("feeds", "add", site.url("/feed.xml"))
    again = run("feeds", "add", site.url("/feed.xml"))
    assert again.exit_code == 1 and "already following" in again.stderr


def test_export_then_import_into_another_store(run, site, tmp_path, monkeypatch):
    run("feeds", "add", site.url("/feed.xml"), "--name", "Gazette")
    run("feeds", "add", site.url("/broken.xml"), "--name", "Broken")
    opml = tmp_path / "feeds.opml"
    opml.write_text(run("feeds", "export").stdout)
    monkeypatch.setenv("CLIPDESK_DB", str(tmp_path / "other.db"))
    imported = run("feeds", "import", str(opml))
    assert "2 of 2 feeds added" in imported.stdout
    assert {r["name"] for r in json.loads(run("feeds", "list", "--json").stdout)} == {"Gazette", "Broken"}
    hostile = tmp_path / "evil.opml"
    hostile.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><opml/>')
    refused = run("feeds", "import", str(hostile))
    assert refused.exit_code == 1 and "DOCTYPE" in refused.stderr


def test_ingest_takes_page_urls_beside_files(run, site, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Ferry services resume\n\nThe ferry between the two islands resumed on Monday after "
                    "storms kept it in port for a week, the operator said.\n")
    result = run("ingest", site.url("/strike"), str(note), site.url("/nothing-here"))
    assert "2 added" in result.stdout and "1 failed" in result.stdout and result.exit_code == 1
    assert "HTTP 404" in result.stderr
    assert _sources(run)[STRIKE.title]["url"] == site.url("/strike")


def test_private_addresses_are_refused_unless_allowed(run, site, monkeypatch):
    monkeypatch.delenv("CLIPDESK_FETCH_ALLOW_PRIVATE")
    result = run("ingest", site.url("/strike"))
    assert result.exit_code == 1 and "127.0.0.1 is a loopback address" in result.stderr
    assert "CLIPDESK_FETCH_ALLOW_PRIVATE=1" in result.stderr and site.requests == []
    refused = run("feeds", "add", site.url("/feed.xml"))
    assert refused.exit_code == 1 and "loopback" in refused.stderr
