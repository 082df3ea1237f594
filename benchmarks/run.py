"""Build synthetic stores, then measure ingest, ask latency, memory and size against a BM25 baseline."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.baseline import Baseline
from benchmarks.generator import KINDS, World, articles, questions
from clipdesk.handlers.ask import answer
from clipdesk.store.index.caches import SIDECAR
from clipdesk.store.index.schema import open_db
from clipdesk.store.ingest import ingest_paths, ingest_texts

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(__file__).resolve().parent / ".cache"


@dataclass
class Row:
    """One size's measurements (None where not measured)."""

    articles: int
    ingest_rate: float
    serial_rate: float
    p50_ms: float
    p99_ms: float
    rss_mb: float
    bytes_per_article: float
    by_kind: dict[str, tuple[float, float]] = field(default_factory=dict)  # kind -> (p50, p99) ms
    ingest_rss_mb: float | None = None  # peak RSS of the ingesting process tree
    bm25_build_s: float | None = None
    bm25_p50_ms: float | None = None
    bm25_p99_ms: float | None = None

    @property
    def ratio(self) -> float | None:
        return self.p50_ms / self.bm25_p50_ms if self.bm25_p50_ms else None


# The code that decides what a store holds (retrieval code is left out: it reads a store, never writes it).
WRITERS = ["store/*.py", "store/text/*.py", "store/index/people.py", "store/index/vectors.py",
           "store/index/wordcache.py", "store/index/bulk.py", "store/index/migrations.py",
           "store/index/schema.py", "benchmarks/generator.py"]


def code_version() -> str:
    """A hash of the code that writes a store, so a cached store is rebuilt when ingest changes."""
    digest = hashlib.sha256()
    for path in sorted({p for pattern in WRITERS for p in ROOT.glob(pattern)}):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    sizes: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        children.setdefault(int(fields["PPid"]), []).append(int(entry.name))
        sizes[int(entry.name)] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += sizes.get(current, 0)
        todo += children.get(current, [])
    return total / 1024


class PeakMemory:
    """The peak resident memory of this process tree, sampled in a thread while the block runs."""

    def __init__(self, every_s: float = 0.25) -> None:
        self.every_s, self.peak_mb = every_s, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, tree_rss_mb(os.getpid()))
            self._stop.wait(self.every_s)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mb = max(self.peak_mb, tree_rss_mb(os.getpid()))


def build(n: int, seed: int, cache: Path = CACHE, version: str | None = None) -> tuple[Path, dict]:
    """A store of n synthetic articles (cached) and what was measured when it was built: the ingest
    rate (articles/s), its seconds, and the peak RSS of the ingesting process tree (MB). `version`
    takes a store cached by an earlier version of the writing code (see code_version) instead."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{n}-{seed}-{version or code_version()}.db"
    if version and not path.exists():
        raise FileNotFoundError(f"no store of {n} articles built by version {version} in {cache}")
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        return path, json.loads(meta.read_text())
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        folder = Path(tmp)
        for name, text in articles(n, seed):
            (folder / name).write_text(text, encoding="utf-8")
        building = path.with_suffix(".building")
        db = open_db(building)
        with PeakMemory() as memory:
            started = time.perf_counter()
            ingest_paths(db, [folder])
            seconds = time.perf_counter() - started
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
    building.replace(path)
    kept = Path(f"{building}{SIDECAR}")  # the caches the ingest kept go with the store they describe
    if kept.exists():
        shutil.rmtree(f"{path}{SIDECAR}", ignore_errors=True)
        kept.replace(f"{path}{SIDECAR}")
    built = {"ingest_rate": n / seconds, "ingest_s": seconds, "ingest_rss_mb": memory.peak_mb}
    meta.write_text(json.dumps(built))
    return path, built


def serial_rate(n: int, seed: int) -> float:
    """Articles per second through ingest_texts (one process, batched commits) into a fresh store."""
    db = open_db(memory=True)
    texts = [(text, name) for name, text in articles(n, seed + 1)]
    started = time.perf_counter()
    ingest_texts(db, texts)
    return n / (time.perf_counter() - started)


def mix(path: Path, seed: int, per_kind: int) -> list[tuple[str, str]]:
    db = open_db(path)
    quotes = db.execute("SELECT speaker, text FROM quotes WHERE speaker IS NOT NULL AND partial = 0 "
                        "ORDER BY id LIMIT 500").fetchall()
    db.close()
    return questions(World(seed), [(s, t) for s, t in quotes], seed, per_kind)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed(func, asked: list[str], warm_up: bool = True) -> list[float]:
    """Milliseconds per question (after one warm-up pass, for the store's page cache)."""
    for question in asked if warm_up else []:
        func(question)
    times = []
    for question in asked:
        started = time.perf_counter()
        func(question)
        times.append((time.perf_counter() - started) * 1000)
    return times


def peak_rss_mb(path: Path, asked: list[str]) -> float:
    """Peak resident memory of a fresh process that opens the store and answers every question."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the (large) parent across fork and exec.
    script = ("import json, sys\n"
              "from clipdesk.store.index.schema import open_db\nfrom clipdesk.handlers.ask import answer\n"
              "db = open_db(sys.argv[1])\n"
              "for q in json.load(sys.stdin): answer(db, q)\n"
              "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))\n")
    out = subprocess.run([sys.executable, "-c", script, str(path)], input=json.dumps(asked), text=True,
                         capture_output=True, check=True, cwd=ROOT)
    return int(out.stdout.strip()) / 1024


def by_kind(kinds: list[str], times: list[float]) -> dict[str, tuple[float, float]]:
    """(p50, p99) milliseconds for each kind of question."""
    return {kind: (statistics.median(t), percentile(t, 0.99))
            for kind in KINDS if (t := [ms for k, ms in zip(kinds, times, strict=True) if k == kind])}


def measure(n: int, seed: int = 1, per_kind: int = 20, baseline_max: int = 100_000,
            cache: Path = CACHE, version: str | None = None) -> Row:
    """Every figure for one size: questions go through the ask handler, as a chat message does."""
    path, built = build(n, seed, cache, version)
    mixed = mix(path, seed, per_kind)
    kinds, asked = [k for k, _ in mixed], [q for _, q in mixed]
    db = open_db(path)
    ours = timed(lambda q: answer(db, q), asked)
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    row = Row(n, built["ingest_rate"], serial_rate(min(n, 1000), seed), statistics.median(ours),
              percentile(ours, 0.99), peak_rss_mb(path, asked), size / n, by_kind(kinds, ours),
              ingest_rss_mb=built["ingest_rss_mb"])
    if n <= baseline_max:
        started = time.perf_counter()
        base = Baseline(db)
        row.bm25_build_s = time.perf_counter() - started
        theirs = timed(base.search, asked, warm_up=False)  # all in memory: nothing to warm
        row.bm25_p50_ms, row.bm25_p99_ms = statistics.median(theirs), percentile(theirs, 0.99)
        del base
    db.close()
    return row


def table(rows: list[Row]) -> str:
    """The results as one markdown table."""
    def fmt(value: float | None, digits: int = 1) -> str:
        return "—" if value is None else f"{value:,.{digits}f}"

    lines = ["| articles | ingest art/s (parallel) | ingest art/s (serial) | ingest peak RSS MB (tree) "
             "| ask p50 ms | ask p99 ms | ask peak RSS MB | DB bytes/article | BM25 build s | BM25 p50 ms "
             "| BM25 p99 ms | p50 clipdesk/BM25 |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r.articles:,} | {fmt(r.ingest_rate, 0)} | {fmt(r.serial_rate, 0)} | "
                     f"{fmt(r.ingest_rss_mb, 0)} | {fmt(r.p50_ms, 2)} | {fmt(r.p99_ms, 2)} | "
                     f"{fmt(r.rss_mb, 0)} | "
                     f"{fmt(r.bytes_per_article, 0)} | {fmt(r.bm25_build_s, 1)} | "
                     f"{fmt(r.bm25_p50_ms, 2)} | {fmt(r.bm25_p99_ms, 2)} | {fmt(r.ratio, 3)} |")
    lines += ["", "| articles | " + " | ".join(f"{kind} p50 / p99 ms" for kind in KINDS) + " |",
              "|---:|" + "---:|" * len(KINDS)]
    for r in rows:
        cells = [f"{fmt(p50, 2)} / {fmt(p99, 2)}"
                 for p50, p99 in (r.by_kind.get(k, (None, None)) for k in KINDS)]
        lines.append(f"| {r.articles:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"
