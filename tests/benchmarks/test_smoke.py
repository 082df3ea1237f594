"""A tiny run of the benchmark code: every figure of the table is measured and plausible."""

from __future__ import annotations

from benchmarks.generator import KINDS, World, articles
from benchmarks.peers import compare
from benchmarks.run import measure, table
from clipdesk.store.text.article import parse_article
from clipdesk.store.text.quotes import extract_quotes


def test_generated_articles_are_deterministic_and_go_through_the_pipeline():
    world = World(3, people=50, places=20, vocabulary=500)
    first, again = list(articles(40, 3, world)), list(articles(40, 3, world))
    assert first == again
    parsed = [parse_article(text, name) for name, text in first]
    counts = [len(a.paragraphs) for a in parsed]
    assert min(counts) >= 3 and max(counts) <= 21 and 5 <= sum(counts) / len(counts) <= 20
    assert sum(len(extract_quotes(a)) for a in parsed) >= 40
    raw = "\n".join(text for _, text in first)
    assert "\u201c" in raw and '"' in raw  # curly and straight quotation marks
    other_spellings = {f"{p.first} {s}" for p in world.people for s in p.other_surnames}
    assert any(name in raw for name in other_spellings)  # people are sometimes misspelt


def test_a_small_run_fills_every_column_of_the_table(tmp_path):
    row = measure(30, seed=5, per_kind=2, cache=tmp_path)
    assert row.ingest_rate > 0 and row.serial_rate > 0 and row.ingest_rss_mb > 10
    assert 0 < row.p50_ms <= row.p99_ms
    assert row.rss_mb > 10 and row.bytes_per_article > 100
    assert set(row.by_kind) == set(KINDS) and all(0 < p50 <= p99 for p50, p99 in row.by_kind.values())
    assert row.bm25_build_s and row.bm25_p50_ms is not None and row.ratio is not None
    text = table([row])
    assert text.splitlines()[2].startswith("| 30 |") and "—" not in text
    assert text.splitlines()[-1].startswith("| 30 |")
    assert measure(30, seed=5, per_kind=2, cache=tmp_path).ingest_rate == row.ingest_rate  # cached store


def test_the_pages_benchmark_measures_both_paths(monkeypatch, capsys):
    from benchmarks import pages

    monkeypatch.setattr("sys.argv", ["pages", "-n", "3"])
    pages.main()
    out = capsys.readouterr().out
    assert ".txt file" in out and "web page" in out and " the .txt path" in out


def test_the_peers_table_can_leave_out_the_engines_that_hold_every_paragraph(tmp_path):
    text = compare(30, seed=5, per_kind=1, passes=1, cache=tmp_path, engines=())
    rows = [line.split(" | ")[0] for line in text.splitlines() if line.startswith("| ") and "ms" not in line]
    assert rows == ["| clipdesk answer()", "| FTS5 AND + rank"]
