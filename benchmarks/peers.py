"""`python -m benchmarks.peers`: clipdesk's ask against plain retrieval engines over the same paragraphs.

Every system answers the same questions (the benchmark's mix, common-word questions included) over the
same paragraphs of one cached store: clipdesk `answer()` (k=3, with citations and, when on, semantic
matching), FTS5 itself (the question's content words ANDed, `ORDER BY rank LIMIT 10` on clipdesk's
own index), and three BM25 engines given the same words (any of them, top 10): rank_bm25, bm25s
and tantivy (the `bench` extra). Systems take turns question by question (the order rotating), each
question's time is the median of its passes, and p50/p99 are over the questions. rank_bm25 scores
every paragraph per question in Python, so it is run only up to RANK_BM25_MAX paragraphs.
`--engines` picks the engines (at 1M articles the two that hold every paragraph in a Python list need
more memory than a small machine has; tantivy reads them from the store one at a time).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.run import CACHE, build, machine, mix, percentile
from clipdesk.handlers.ask import answer
from clipdesk.store.index import fts
from clipdesk.store.index.schema import open_db
from clipdesk.store.store import Store

RANK_BM25_MAX = 20_000  # paragraphs (it scores every one per question, in Python)
ENGINES = ("rank_bm25", "bm25s", "tantivy")
TOP = 10

Search = Callable[[str], object]


@dataclass
class Peer:
    """One system: how to ask it a question, and what building its index cost."""

    name: str
    search: Search
    build_s: float = 0.0


def words(question: str) -> list[str]:
    """The words every engine is given: the question's content words (no stop words), lower case."""
    return fts.content_terms(question)


def fts5_raw(db: Store) -> Search:
    def search(question: str) -> object:
        terms = words(question)
        if not terms:
            return []
        expression = fts.all_of([fts.phrase(t) for t in terms])
        return db.execute("SELECT rowid, rank FROM paragraphs_fts WHERE paragraphs_fts MATCH ?"
                          " ORDER BY rank LIMIT ?", [expression, TOP]).fetchall()
    return search


def rank_bm25_peer(texts: list[str]) -> Search:
    from rank_bm25 import BM25Okapi

    index = BM25Okapi([fts.tokens(t) for t in texts])
    return lambda question: index.get_top_n(words(question), texts, n=TOP)


def bm25s_peer(texts: list[str]) -> Search:
    import bm25s

    index = bm25s.BM25()
    index.index([fts.tokens(t) for t in texts], show_progress=False)
    backend = "numba" if _has("numba") else "numpy"
    vocab = index.vocab_dict

    def search(question: str) -> object:
        known = [w for w in words(question) if w in vocab]
        if not known:
            return []
        return index.retrieve([known], k=TOP, show_progress=False, backend_selection=backend)
    return search


def tantivy_peer(texts: Iterable[str]) -> Search:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text", stored=False, tokenizer_name="en_stem")
    index = tantivy.Index(builder.build())
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    for text in texts:
        writer.add_document(tantivy.Document(text=text))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()

    def search(question: str) -> object:
        terms = words(question)
        if not terms:
            return []
        query = index.parse_query(" ".join(f'"{t}"' for t in terms), ["text"])
        return searcher.search(query, TOP).hits
    return search


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def _built(name: str, make: Callable[[], Search]) -> Peer:
    gc.collect()
    started = time.perf_counter()
    search = make()
    return Peer(name, search, time.perf_counter() - started)


def _paragraphs(db: Store) -> Iterator[str]:
    for (text,) in db.conn.execute("SELECT text FROM paragraphs ORDER BY id"):
        yield text


def peers(db: Store, count: int, engines: Iterable[str] = ENGINES) -> list[Peer]:
    """clipdesk and every engine asked for and installed, each built over the store's `count` paragraphs."""
    out = [Peer("clipdesk answer()", lambda q: answer(db, q)), Peer("FTS5 AND + rank", fts5_raw(db))]
    wanted = set(engines)
    listed = "rank_bm25" in wanted and _has("rank_bm25") and count <= RANK_BM25_MAX or \
        "bm25s" in wanted and _has("bm25s")
    texts = list(_paragraphs(db)) if listed else []
    if "rank_bm25" in wanted and _has("rank_bm25") and count <= RANK_BM25_MAX:
        out.append(_built("rank_bm25", lambda: rank_bm25_peer(texts)))
    if "bm25s" in wanted and _has("bm25s"):
        backend = "numba" if _has("numba") else "numpy"
        out.append(_built(f"bm25s ({backend})", lambda: bm25s_peer(texts)))
    if "tantivy" in wanted and _has("tantivy"):
        out.append(_built("tantivy", lambda: tantivy_peer(texts or _paragraphs(db))))
    return out


def interleaved(systems: list[Peer], asked: list[str], passes: int) -> dict[str, list[float]]:
    """Milliseconds per question for each system: the median of `passes` timings, the systems taking
    turns on each question in an order that rotates from question to question."""
    times: dict[str, list[list[float]]] = {s.name: [[] for _ in asked] for s in systems}
    for question in asked:  # warm-up: page cache, memos, the model
        for system in systems:
            system.search(question)
    for _ in range(passes):
        for i, question in enumerate(asked):
            for j in range(len(systems)):
                system = systems[(i + j) % len(systems)]
                started = time.perf_counter()
                system.search(question)
                times[system.name][i].append((time.perf_counter() - started) * 1000)
    return {name: [statistics.median(t) for t in per_question] for name, per_question in times.items()}


def compare(n: int, seed: int = 1, per_kind: int = 50, passes: int = 3, cache: Path = CACHE,
            version: str | None = None, engines: Iterable[str] = ENGINES) -> str:
    """The markdown table for one store size."""
    path, _ = build(n, seed, cache, version)
    asked = [q for _, q in mix(path, seed, per_kind)]
    db = open_db(path)
    count = db.execute("SELECT COUNT(*) FROM paragraphs").fetchone()[0]
    systems = peers(db, count, engines)
    times = interleaved(systems, asked, passes)
    best = {name: (statistics.median(t), percentile(t, 0.99)) for name, t in times.items()}
    reference = best.get("tantivy")
    lines = [f"{n:,} articles, {count:,} paragraphs, {len(asked)} questions, median of {passes} passes",
             "", "| system | build s | p50 ms | p99 ms | p50 / tantivy | p99 / tantivy |",
             "|---|---:|---:|---:|---:|---:|"]
    for system in systems:
        p50, p99 = best[system.name]
        ratios = (f"{p50 / reference[0]:.1f}× | {p99 / reference[1]:.1f}×" if reference else "— | —")
        built = f"{system.build_s:.1f}" if system.build_s else "—"
        lines.append(f"| {system.name} | {built} | {p50:.2f} | {p99:.2f} | {ratios} |")
    db.close()
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.peers", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    parser.add_argument("--questions", type=int, default=50, help="questions of each kind")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--engines", default=",".join(ENGINES),
                        help=f"comma-separated engines to compare against (of {', '.join(ENGINES)})")
    parser.add_argument("--built-with", default=None,
                        help="use stores cached by this earlier version of the writing code")
    args = parser.parse_args()
    print(machine(), "\n")
    for n in (int(s) for s in args.sizes.split(",") if s.strip()):
        print(compare(n, per_kind=args.questions, passes=args.passes, version=args.built_with,
                      engines=args.engines.split(",")), "\n", flush=True)


if __name__ == "__main__":
    main()
