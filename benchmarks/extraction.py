"""`python -m benchmarks.extraction`: per-article cost of text extraction (parse, quotes, events, places)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from clipdesk.store.seeds import seeds_dir
from clipdesk.store.text.article import parse_article
from clipdesk.store.text.events import extract_events
from clipdesk.store.text.places import _recognise, recognise_places
from clipdesk.store.text.quotes import extract_quotes

OUTLETS = Path(__file__).resolve().parents[1] / "tests" / "store" / "text" / "data" / "outlets"
ROUNDS = 5


def _best(step: Callable[[], object], count: int) -> float:
    """Milliseconds per article, best of ROUNDS."""
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        step()
        timings.append((time.perf_counter() - started) / count * 1000)
    return min(timings)


def main() -> None:
    files = [p for folder in (seeds_dir(), OUTLETS) for p in sorted(folder.glob("*.txt"))]
    raws = [(p.read_text(encoding="utf-8"), p.name) for p in files]
    started = time.perf_counter()
    recognise_places("talks in Paris")
    print(f"gazetteer built once in {(time.perf_counter() - started) * 1000:.0f} ms")
    articles = [parse_article(raw, name) for raw, name in raws]
    n = len(articles)
    print(f"{n} articles (seeds and the own-written outlet corpus), ms per article, best of {ROUNDS}:")
    print(f"  parse_article   {_best(lambda: [parse_article(r, s) for r, s in raws], n):.3f}")
    print(f"  extract_quotes  {_best(lambda: [extract_quotes(a) for a in articles], n):.3f}")
    print(f"  extract_events  {_best(lambda: [extract_events(a) for a in articles], n):.3f}")
    paragraphs = [p for a in articles for p in a.paragraphs]
    print(f"  places (uncached) {_best(lambda: [_recognise.__wrapped__(p) for p in paragraphs], n):.3f}")


if __name__ == "__main__":
    main()
