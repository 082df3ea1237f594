"""Feed polling under `clipdesk serve`: new items are answerable within a poll, slow feeds hold up nobody."""

from __future__ import annotations

import asyncio
from datetime import date

from clipdesk.bot.config import parse_config
from clipdesk.bot.feed_poller import FeedPoller
from clipdesk.bot.serve import serve
from clipdesk.handlers.commands import handle
from clipdesk.handlers.digest_compose import compose_digest
from clipdesk.handlers.types import Request
from clipdesk.store.delivery.digest import newest_ingest
from clipdesk.store.delivery.feeds import add_feed, find_feed
from clipdesk.store.fetch import Fetcher, FetchSettings
from clipdesk.store.index.listings import list_sources
from clipdesk.store.index.schema import open_db
from clipdesk.store.store import Store
from tests.fakes.news_site import NewsSite, article_page, rss
from tests.fakes.stories import BRIDGE, STRIKE, STRIKE_ELSEWHERE

FETCH = FetchSettings(allow_private=True, interval=0.0, timeout=3.0)


def entry(site: NewsSite, path: str, title: str) -> dict[str, str]:
    return {"title": title, "link": site.url(path), "guid": path, "description": "Teaser.",
            "pubDate": "Mon, 30 Nov 2026 11:00:00 +0000"}


def _site(site: NewsSite) -> NewsSite:
    site.add("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    site.add("/strike", article_page(STRIKE))
    site.add("/strike-courier", article_page(STRIKE_ELSEWHERE))
    site.add("/bridge", article_page(BRIDGE))
    return site


async def wait_until(check, timeout: float = 20.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await asyncio.to_thread(check):
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.1)


async def test_a_slow_or_broken_feed_does_not_hold_up_the_others(tmp_path):
    path = tmp_path / "clipdesk.db"
    with NewsSite() as slow, NewsSite() as fast:
        _site(fast).add("/feed.xml", rss("Harbour Gazette", [entry(fast, "/bridge", BRIDGE.title)]),
                        "application/rss+xml")
        fast.add("/broken.xml", "<rss><channel><item><title>", "application/rss+xml")
        _site(slow).add("/feed.xml", rss("Slow Times", [entry(slow, "/strike", STRIKE.title)]),
                        "application/rss+xml", delay=1.5)
        db = open_db(path)
        for url in (slow.url("/feed.xml"), fast.url("/broken.xml"), fast.url("/feed.xml")):
            add_feed(db, url)
        poller = FeedPoller(Store.open(path), client=Fetcher(FETCH), concurrency=3)
        tasks = await poller.start_due()
        assert len(tasks) == 3 and await poller.start_due() == []  # none is polled twice at once
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        await asyncio.wait(tasks)
        results = {r.feed.url: r for r in (t.result() for t in tasks)}
        assert len(results[fast.url("/feed.xml")].added) == 1
        assert results[fast.url("/broken.xml")].error and len(results[slow.url("/feed.xml")].added) == 1
        assert all(t.result().feed.url != slow.url("/feed.xml") for t in done)
        assert find_feed(db, fast.url("/broken.xml")).failures == 1
        assert await poller.start_due() == []  # nothing is due again before its interval


async def test_under_serve_an_item_published_while_it_runs_is_answerable_and_in_the_digest_once(
        tmp_path, unused_tcp_port):
    path = tmp_path / "clipdesk.db"
    env = {"CLIPDESK_DB": str(path), "CLIPDESK_HEALTH_PORT": str(unused_tcp_port),
           "CLIPDESK_FETCH_ALLOW_PRIVATE": "1", "CLIPDESK_FETCH_INTERVAL": "0", "CLIPDESK_FEED_CHECK": "0.2"}
    with NewsSite() as gazette, NewsSite() as courier:
        _site(gazette).add("/feed.xml", rss("Harbour Gazette", [entry(gazette, "/bridge", BRIDGE.title)]),
                           "application/rss+xml")
        _site(courier).add("/feed.xml", rss("Coastal Courier", []), "application/rss+xml")
        db = open_db(path)
        add_feed(db, gazette.url("/feed.xml"), every=60)
        add_feed(db, courier.url("/feed.xml"), every=60)
        before = newest_ingest(db)
        stop = asyncio.Event()
        task = asyncio.create_task(serve(parse_config(env), env, stop))
        try:
            await wait_until(lambda: len(list_sources(open_db(path))) == 1)
            gazette.add("/feed.xml", rss("Harbour Gazette", [entry(gazette, "/strike", STRIKE.title),
                                                             entry(gazette, "/bridge", BRIDGE.title)]),
                        "application/rss+xml")
            courier.add("/feed.xml", rss("Coastal Courier", [
                entry(courier, "/strike-courier", STRIKE_ELSEWHERE.title)]), "application/rss+xml")
            db.execute("UPDATE feeds SET next_due = '2000-01-01T00:00:00+00:00'")  # the interval has passed
            db.conn.commit()
            await wait_until(lambda: len(list_sources(open_db(path))) == 3)
        finally:
            stop.set()
            await asyncio.wait_for(task, 20)
    answer = handle(Request("cli", "1", "1", "/quote brenner", command="quote", args="brenner"), db)
    assert answer.found and any("protects every job" in s.text for s in answer.snippets)
    digest = compose_digest(db, before, newest_ingest(db), date(2026, 11, 30))
    heads = [s for s in digest.snippets if s.kind == "source"]
    [strike] = [s for s in heads if "strike" in (s.title or "").lower()]  # both outlets' takes: one story
    assert "covered by" in strike.text and {"Harbour Gazette", "Coastal Courier"} <= set(
        strike.text.replace(" and ", ", ").split(" — covered by ")[1].split(", "))
    quoted = {s.url for s in digest.snippets if s.kind == "quote" and "strike" in (s.title or "").lower()}
    assert len(quoted) == 2  # each outlet's strongest quotation
    assert "3 new articles" in digest.text and "2 stories" in digest.text
