"""`python -m benchmarks.pages`: per-article cost of a web page (trafilatura, then the pipeline) vs .txt.

The same generated articles go both ways in one run: as the .txt text through `parse` (cleaning, quotes,
events), and as a news-site page (navigation, cookie banner, share widgets, related links, comments,
"Most read", JSON-LD) through `parse_page`. Medians of per-article times over ROUNDS rounds, and the ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from benchmarks.generator import World, articles
from clipdesk.store.pages import extract_page, parse_page
from clipdesk.store.prepare import parse
from clipdesk.store.text.article import parse_article
from tests.fakes.news_site import Story, article_page

ROUNDS = 5


def _median_ms(step: Callable[[int], object], count: int) -> float:
    """The median over ROUNDS x `count` calls of the per-call time, in milliseconds."""
    timings = []
    for _ in range(ROUNDS):
        for i in range(count):
            started = time.perf_counter()
            step(i)
            timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pages", description=__doc__)
    parser.add_argument("-n", type=int, default=100, help="articles")
    args = parser.parse_args()
    raws = list(articles(args.n, 7, World(7)))
    pages = []
    for name, raw in raws:
        article = parse_article(raw, name)
        story = Story(title=article.title or name, paragraphs=article.paragraphs, author=article.byline,
                      outlet="Harbour Gazette", published="2026-11-30T08:00:00+00:00")
        pages.append((f"https://news.example/{name.removesuffix('.txt')}", article_page(story)))
    parse_page(pages[0][1], pages[0][0])  # warm up: trafilatura's and the gazetteer's first-use costs
    text = _median_ms(lambda i: parse(raws[i][1], raws[i][0]), len(raws))
    page = _median_ms(lambda i: parse_page(pages[i][1], pages[i][0]), len(pages))
    extract = _median_ms(lambda i: extract_page(pages[i][1], pages[i][0]), len(pages))
    size = statistics.median(len(html.encode()) for _, html in pages) / 1000
    print(f"{len(raws)} generated articles (median page {size:.1f} kB), median ms per article over "
          f"{ROUNDS} rounds:")
    print(f"  .txt file  (parse, quotes, events)            {text:8.2f}")
    print(f"  web page   (trafilatura, then the same)        {page:8.2f}   x{page / text:.2f} the .txt path")
    print(f"    of which trafilatura's extraction            {extract:8.2f}")


if __name__ == "__main__":
    main()
