"""A tiny run of the benchmark code: every figure of the table is measured and plausible."""

from __future__ import annotations

from benchmarks.generator import World, articles
from benchmarks.run import measure, table
from store.article import parse_article
from store.quotes import extract_quotes


def test_generated_articles_are_deterministic_and_go_through_the_pipeline():
    world = World(3, people=50, places=20, vocabulary=500)
    first, again = list(articles(20, 3, world)), list(articles(20, 3, world))
    assert first == again
    parsed = [parse_article(text, name) for name, text in first]
    assert all(a.paragraphs for a in parsed)
    assert sum(len(extract_quotes(a)) for a in parsed) >= 20


def test_a_small_run_fills_every_column_of_the_table(tmp_path):
    row = measure(30, seed=5, per_kind=2, cache=tmp_path)
    assert row.ingest_rate > 0 and row.serial_rate > 0
    assert 0 < row.p50_ms <= row.p99_ms
    assert row.rss_mb > 10 and row.bytes_per_article > 100
    assert row.bm25_p50_ms is not None and row.ratio is not None
    text = table([row])
    assert text.splitlines()[2].startswith("| 30 |") and "—" not in text
    assert measure(30, seed=5, per_kind=2, cache=tmp_path).ingest_rate == row.ingest_rate  # cached store
