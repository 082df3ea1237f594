"""A fake news site: a real threaded HTTP server on 127.0.0.1 serving feeds, article pages and robots.txt.

    with NewsSite() as site:
        site.add("/feed.xml", rss("Harbour Gazette", [item(...)]), "application/rss+xml")
        site.add("/a/1", article_page(...))
        site.rate_limit("/a/1", retry_after=1)        # the next request gets 429 Retry-After: 1
        site.redirect("/old", "/a/1")                 # 301 to another path
        ... site.base_url + "/feed.xml" ...
        site.requests                                 # every request: path, headers, time

Every route answers with an ETag and Last-Modified and a 304 to a matching conditional request;
gzip when the route says so and the client accepts it; `delay` seconds late when slow.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


@dataclass
class Route:
    """What one path answers."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    gzip: bool = False
    delay: float = 0.0
    drip: float = 0.0  # seconds between the body's 512-byte pieces
    conditional: bool = True
    modified: float = field(default_factory=time.time)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


@dataclass(frozen=True)
class Seen:
    """One request the site received."""

    path: str
    headers: dict[str, str]
    at: float


class NewsSite:
    """The fake site; `base_url` is http://127.0.0.1:PORT."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self._limits: dict[str, list[int]] = {}
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                site._answer(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> NewsSite:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base_url + path

    def add(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8",
            **options: object) -> Route:
        """Serve `body` at `path` (replacing what was there, with a new ETag and Last-Modified)."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        route = Route(data, content_type, **options)  # type: ignore[arg-type]
        with self._lock:
            old = self.routes.get(path)
            if old is not None and route.modified <= old.modified:
                route.modified = old.modified + 1
            self.routes[path] = route
        return route

    def redirect(self, path: str, to: str, status: int = 301) -> None:
        self.add(path, b"", status=status, headers={"Location": to}, conditional=False)

    def rate_limit(self, path: str, retry_after: int | None, times: int = 1, status: int = 429) -> None:
        """The next `times` requests for `path` get `status` (429 or 503) with Retry-After."""
        self._limits[path] = [status, times, -1 if retry_after is None else retry_after]

    def hits(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.path == path]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]  # a query string changes nothing on this site
        with self._lock:
            headers = {k.lower(): v for k, v in handler.headers.items()}
            self.requests.append(Seen(path, headers, time.monotonic()))
            limit = self._limits.get(path)
            route = self.routes.get(path)
            if limit and limit[1] > 0:
                limit[1] -= 1
                self._send(handler, limit[0], b"slow down", "text/plain",
                           {"Retry-After": str(limit[2])} if limit[2] >= 0 else {})
                return
        if route is None:
            self._send(handler, 404, b"not found", "text/plain", {})
            return
        if route.delay:
            time.sleep(route.delay)
        headers = dict(route.headers)
        if route.conditional:
            headers |= {"ETag": route.etag, "Last-Modified": formatdate(route.modified, usegmt=True)}
            tag = handler.headers.get("If-None-Match")
            since = handler.headers.get("If-Modified-Since")
            if tag == route.etag or (tag is None and since == headers["Last-Modified"]):
                self._send(handler, 304, b"", None, headers)
                return
        body = route.body
        if route.gzip and "gzip" in handler.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        self._send(handler, route.status, body, route.content_type, headers, route.drip)

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str | None,
              headers: dict[str, str], drip: float = 0.0) -> None:
        try:
            handler.send_response(status)
            if content_type:
                handler.send_header("Content-Type", content_type)
            for name, value in headers.items():
                handler.send_header(name, value)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            if status != 304 and drip:
                for start in range(0, len(body), 512):
                    handler.wfile.write(body[start:start + 512])
                    handler.wfile.flush()
                    time.sleep(drip)
            elif status != 304:
                handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@dataclass(frozen=True)
class Story:
    """An article written for the tests, in the shape of a news site's page."""

    title: str
    paragraphs: tuple[str, ...]
    outlet: str | None = None
    published: str | None = None  # ISO date or datetime, on the page when `jsonld` or `meta_date`
    author: str | None = None
    jsonld: bool = True
    summary: str = ""


def article_page(story: Story, base_url: str = "", canonical: str | None = None) -> str:
    """The page of a news site: navigation, a cookie banner, share widgets, the article, related links,
    comments and a "Most read" list; JSON-LD metadata when the story says so."""
    e = html.escape
    meta = []
    if story.jsonld:
        data: dict[str, object] = {"@context": "https://schema.org", "@type": "NewsArticle",
                                   "headline": story.title}
        if story.published:
            data["datePublished"] = story.published
        if story.author:
            data["author"] = {"@type": "Person", "name": story.author}
        if story.outlet:
            data["publisher"] = {"@type": "Organization", "name": story.outlet}
        meta.append(f'<script type="application/ld+json">{json.dumps(data)}</script>')
    if story.outlet:
        meta.append(f'<meta property="og:site_name" content="{e(story.outlet)}">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{e(canonical)}">')
    body = "\n".join(f"<p>{e(p)}</p>" for p in story.paragraphs)
    byline = f'<p class="byline">By <a rel="author" href="/staff">{e(story.author)}</a></p>' \
        if story.author and story.jsonld else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(story.title)}</title>{''.join(meta)}</head>
<body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
 <button>Accept all cookies</button> <button>Manage preferences</button></div>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<main>
<article>
<h1>{e(story.title)}</h1>
{byline}
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
{body}
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/r/1">Ferry timetable changes announced for the winter season</a></li>
<li><a href="/r/2">Local council approves new cycle lanes near the station</a></li></ul></aside>
<section id="comments" class="comments"><h2>Comments (2)</h2>
<div class="comment"><p>Reader1: This is exactly what I expected to happen, honestly.</p></div>
<div class="comment"><p>Reader2: Does anyone know when the next meeting is scheduled?</p></div>
</section>
</main>
<aside class="most-read"><h2>Most read</h2><ol>
<li><a href="/m/1">Celebrity chef opens a restaurant on the pier</a></li>
<li><a href="/m/2">Ten things to do this weekend in the old town</a></li></ol></aside>
<footer><p>&copy; 2026 All rights reserved. <a href="/privacy">Privacy</a>
<a href="/terms">Terms</a></p></footer>
</body></html>"""


def rss(title: str, items: list[dict[str, str]], link: str = "") -> str:
    """An RSS 2.0 feed; each item has title, link and optionally guid, pubDate, description, content."""
    e = html.escape
    out = []
    for it in items:
        parts = [f"<title>{e(it['title'])}</title>", f"<link>{e(it['link'])}</link>"]
        if "guid" in it:
            parts.append(f'<guid isPermaLink="false">{e(it["guid"])}</guid>')
        if "pubDate" in it:
            parts.append(f"<pubDate>{e(it['pubDate'])}</pubDate>")
        if "description" in it:
            parts.append(f"<description>{e(it['description'])}</description>")
        if "content" in it:
            parts.append(f"<content:encoded><![CDATA[{it['content']}]]></content:encoded>")
        out.append(f"<item>{''.join(parts)}</item>")
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{e(title)}</title>'
            f"<link>{e(link)}</link><description>News</description>{''.join(out)}</channel></rss>")


def atom(title: str, entries: list[dict[str, str]]) -> str:
    """An Atom feed; each entry has title, link, id and optionally updated, summary."""
    e = html.escape
    out = []
    for en in entries:
        parts = [f"<title>{e(en['title'])}</title>", f'<link href="{e(en["link"])}"/>',
                 f"<id>{e(en.get('id', en['link']))}</id>",
                 f"<updated>{e(en.get('updated', '2026-11-30T09:00:00Z'))}</updated>"]
        if "summary" in en:
            parts.append(f"<summary>{e(en['summary'])}</summary>")
        out.append(f"<entry>{''.join(parts)}</entry>")
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{e(title)}</title><id>urn:test:{e(title)}</id><updated>2026-11-30T09:00:00Z</updated>"
            f"{''.join(out)}</feed>")
