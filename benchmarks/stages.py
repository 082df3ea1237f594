"""`python -m benchmarks.stages`: what one article costs at each ingest stage (CPU ms, median of passes).

Parsing stages are timed call by call on the same synthetic articles; the writer's parts are found by
difference, writing the same parsed articles into fresh stores with one part switched off at a time:
vectors (CLIPDESK_EMBEDDINGS=none) and FTS5 (the index triggers dropped, the bulk index skipped).
People resolution is timed alone on a fresh store. CPU time (this process, all threads), not wall
time, so that other work on a shared machine counts less.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.generator import articles
from clipdesk.store.index import vectors
from clipdesk.store.index.migrations import BASE_FTS
from clipdesk.store.index.people import resolve_person
from clipdesk.store.index.schema import open_db, transaction
from clipdesk.store.ingest import WRITE_BATCH, store_many
from clipdesk.store.prepare import Parsed
from clipdesk.store.text.article import parse_article
from clipdesk.store.text.events import extract_events
from clipdesk.store.text.quotes import extract_quotes


def cpu_ms(func: Callable[[], object]) -> float:
    started = time.process_time()
    func()
    return (time.process_time() - started) * 1000


def parse_stages(texts: list[tuple[str, str]]) -> tuple[dict[str, float], list[Parsed]]:
    """CPU ms spent cleaning, finding quotations and finding events, over all texts."""
    spent = {"clean": 0.0, "quotes": 0.0, "events": 0.0}
    parsed = []
    for name, raw in texts:
        started = time.process_time()
        article = parse_article(raw, name)
        cleaned = time.process_time()
        quotes = extract_quotes(article)
        quoted = time.process_time()
        events = extract_events(article)
        done = time.process_time()
        spent["clean"] += cleaned - started
        spent["quotes"] += quoted - cleaned
        spent["events"] += done - quoted
        parsed.append(Parsed(article, quotes, events))
    return {k: v * 1000 for k, v in spent.items()}, parsed


@contextmanager
def _fresh_store(fts: bool) -> Iterator:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "stages.db")
        if not fts:  # no trigger left: deferred_fts has nothing to index either
            for table in BASE_FTS:
                for suffix in ("ai", "ad", "au"):
                    db.execute(f"DROP TRIGGER [{table}_{suffix}]")
        yield db
        db.close()


@contextmanager
def _embeddings(on: bool) -> Iterator[None]:
    before = os.environ.get(vectors.ENV)
    if not on:
        os.environ[vectors.ENV] = vectors.OFF
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(vectors.ENV, None)
        else:
            os.environ[vectors.ENV] = before


def write_ms(parsed: list[Parsed], embeddings: bool = True, fts: bool = True) -> float:
    """CPU ms to write every parsed article, WRITE_BATCH to a transaction, into a fresh store."""
    with _fresh_store(fts) as db, _embeddings(embeddings):
        def write() -> None:
            for i in range(0, len(parsed), WRITE_BATCH):
                with transaction(db):
                    store_many(db, parsed[i:i + WRITE_BATCH])
        return cpu_ms(write)


def people_ms(parsed: list[Parsed]) -> float:
    """CPU ms resolving every quotation's speaker and event's participants, into a fresh store."""
    with _fresh_store(fts=True) as db:
        def resolve() -> None:
            with transaction(db):
                for p in parsed:
                    for q in p.quotes:
                        if q.speaker:
                            resolve_person(db, q.speaker, q.speaker_role, q.speaker_kind)
                    for e in p.events:
                        for name in e.participants:
                            resolve_person(db, name)
        return cpu_ms(resolve)


def stages(n: int, seed: int = 11, passes: int = 3) -> dict[str, float]:
    """Median CPU ms per article of each stage over `passes` passes."""
    texts = list(articles(n, seed))
    vectors.model()  # the model, the gazetteer and the name lists are loaded once, outside the timings
    parse_stages(texts[:20])
    runs: dict[str, list[float]] = {}
    for _ in range(passes):
        spent, parsed = parse_stages(texts)
        full = write_ms(parsed)
        no_vectors = write_ms(parsed, embeddings=False)
        bare = write_ms(parsed, embeddings=False, fts=False)
        people = people_ms(parsed)
        spent.update({"people": people, "rows": bare - people, "FTS5": no_vectors - bare,
                      "vectors": full - no_vectors, "write (all)": full})
        for stage, ms in spent.items():
            runs.setdefault(stage, []).append(ms / n)
    return {stage: statistics.median(values) for stage, values in runs.items()}


def table(per_article: dict[str, float]) -> str:
    parse = sum(per_article[s] for s in ("clean", "quotes", "events"))
    total = parse + per_article["write (all)"]
    lines = ["| stage | CPU ms / article | share |", "|---|---:|---:|"]
    for stage, ms in per_article.items():
        lines.append(f"| {stage} | {ms:.3f} | {ms / total:.0%} |")
    lines.append(f"| parse (clean + quotes + events) | {parse:.3f} | {parse / total:.0%} |")
    lines.append(f"| **total** | {total:.3f} | 100% |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stages", description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    print(table(stages(args.articles, passes=args.passes)))


if __name__ == "__main__":
    main()
