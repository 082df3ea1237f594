"""Web pages into articles: trafilatura finds the main text and metadata; the .txt pipeline does the rest."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import trafilatura

from clipdesk.store.delivery.feeds import canonical_url
from clipdesk.store.fetch import HTML_TYPES, Fetcher, FetchError
from clipdesk.store.index.schema import transaction
from clipdesk.store.ingest import Outcome, store_parsed
from clipdesk.store.prepare import Parsed, parse
from clipdesk.store.text.article import NotAnArticle
from clipdesk.store.text.metadata import canonical_outlet, normalise_published

if TYPE_CHECKING:
    from clipdesk.store.store import Store

log = logging.getLogger(__name__)

# Dates only from the page's markup (meta tags, JSON-LD, <time>, the URL), never guessed from its text.
DATE_PARAMS = {"original_date": True, "extensive_search": False}


@dataclass(frozen=True)
class Page:
    """A page's article as raw text for the pipeline, its metadata as a sidecar, and its canonical URL."""

    url: str
    raw: str
    sidecar: dict[str, str]


def extract_page(html: str, url: str, hints: Mapping[str, str | None] | None = None) -> Page:
    """The main text of an HTML page (no navigation, comments or teasers) and what it states about itself.

    `hints` (a feed entry's title, published, outlet) fill what the page does not state.
    Raise NotAnArticle when the page holds no article text.
    """
    hints = hints or {}
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, date_extraction_params=DATE_PARAMS)
    text = doc.text if doc is not None and not isinstance(doc, dict) else None
    if doc is None or isinstance(doc, dict) or not text or not text.strip():
        raise NotAnArticle("no article text on the page")
    canonical = canonical_url(_canonical(doc.url, url))
    title = _one_line(doc.title) or _one_line(hints.get("title"))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if title and lines[0].casefold() != title.casefold():
        lines.insert(0, title)
    if doc.author and not any(line.lower().startswith("by ") for line in lines[:3]):
        lines.insert(1 if title else 0, f"By {_one_line(doc.author)}")
    sidecar = {"url": canonical, "title": title or "",
               "outlet": _stated_site(doc.sitename, canonical) or _one_line(hints.get("outlet")) or "",
               "published": _published(doc.date, hints.get("published")) or ""}
    return Page(canonical, "\n\n".join(lines), {k: v for k, v in sidecar.items() if v})


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _canonical(stated: str | None, fetched: str) -> str:
    """The page's own canonical URL when it is an absolute http(s) URL on the same site, else the fetched."""
    if stated and urlsplit(stated).scheme in ("http", "https") and \
            (urlsplit(stated).hostname or "").removeprefix("www.") == \
            (urlsplit(fetched).hostname or "").removeprefix("www."):
        return stated
    return fetched


def _stated_site(sitename: str | None, url: str) -> str | None:
    """The site name the page states; a name trafilatura only made from the host name is not one."""
    name = _one_line(sitename)
    host = urlsplit(url).netloc.lower()
    if not name or name.lower().removeprefix("www.") in host:
        return None
    return canonical_outlet(name)


def _published(page_date: str | None, entry_date: str | None) -> str | None:
    """The page's date; the feed entry's when the page states none, or states the same day less exactly."""
    entry = normalise_published(entry_date)
    if not page_date:
        return entry
    if entry and entry[:10] == page_date[:10]:
        return entry
    return normalise_published(page_date)


def parse_page(html: str, url: str, hints: Mapping[str, str | None] | None = None) -> Parsed:
    """A page's article with its quotations and events, cited by its canonical URL."""
    page = extract_page(html, url, hints)
    return parse(page.raw, page.url, page.sidecar)


def fetch_page(fetcher: Fetcher, url: str, hints: Mapping[str, str | None] | None = None) -> Parsed:
    """Fetch and parse one article page; raise FetchError or NotAnArticle."""
    fetched = fetcher.fetch(url, accept=HTML_TYPES)
    return parse_page(fetched.text(), fetched.url, hints)


def ingest_url(db: Store, fetcher: Fetcher, url: str,
               hints: Mapping[str, str | None] | None = None) -> Outcome:
    """Fetch, parse and store one page; every problem becomes an error Outcome naming the URL."""
    try:
        parsed = fetch_page(fetcher, url, hints)
    except FetchError as exc:
        return Outcome(url, "error", str(exc))
    except NotAnArticle as exc:
        return Outcome(url, "error", f"{url}: no article in it ({exc})")
    except Exception as exc:  # odd markup tripping a rule must not stop a batch
        log.exception("parsing %s failed", url)
        return Outcome(url, "error", f"{url}: could not be parsed ({type(exc).__name__}: {exc})")
    with transaction(db):
        stored = store_parsed(db, parsed)
    return Outcome(url, stored.status, article_id=stored.article_id)
