"""Answer quality of a question file through answer(), the seeds alone or with more coverage, and plain BM25.

    python -m benchmarks.answers SET.jsonl [--distractors N] [--real DIR] [--explain-misses]
                                 [--threshold-curve]

Each line of SET.jsonl is {"q": ..., "accept": [[seed file, substring], ...], "kind": ...}; an empty
`accept` marks an off-topic question, which should abstain. A snippet is right when its source starts
like the seed file's and it contains the substring (as tests/store/index/test_eval.py matches).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import tempfile
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

from rank_bm25 import BM25Okapi

from benchmarks.baseline import tokens
from benchmarks.generator import articles
from clipdesk.handlers.ask import DEFAULT_K, answer
from clipdesk.handlers.text import clip_question
from clipdesk.store.index import search as search_module
from clipdesk.store.index.search import search
from clipdesk.store.ingest import ingest_text
from clipdesk.store.seeds import ingest_seeds
from clipdesk.store.store import Store
from clipdesk.store.text.article import NotAnArticle

CURVE = [round(0.30 + 0.025 * i, 3) for i in range(21)]  # thresholds 0.30 .. 0.80


def _norm(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')


def accepted(source: str, text: str, accept: Sequence[Sequence[str]]) -> bool:
    """Whether evidence from `source` reading `text` is one of the accepted answers."""
    return any(source.startswith(src[:3]) and _norm(sub) in _norm(text) for src, sub in accept)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class Tally:
    """Counts for one system on one question file."""

    answerable: int = 0
    hit1: int = 0
    hit3: int = 0
    offtopic: int = 0
    abstained_off: int = 0  # off-topic questions that abstained
    abstained_on: int = 0  # answerable questions that abstained
    shapes: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    misses: list[str] = field(default_factory=list)

    def add(self, item: dict, sources: Sequence[tuple[str, str]]) -> None:
        """One question's ranked evidence, (source, text) best first; none is an abstention."""
        shape = self.shapes[item.get("kind", "-")]
        shape[0] += 1
        if item["accept"]:
            self.answerable += 1
            first = bool(sources) and accepted(*sources[0], item["accept"])
            top3 = any(accepted(s, t, item["accept"]) for s, t in sources[:3])
            self.hit1 += first
            self.hit3 += top3
            self.abstained_on += not sources
            shape[1] += first
            shape[2] += top3
            if not first:
                self.misses.append(item["q"])
        else:
            self.offtopic += 1
            self.abstained_off += not sources
            shape[1] += not sources
            shape[2] += not sources
            if sources:
                self.misses.append(item["q"])

    def line(self, name: str) -> str:
        abstentions = self.abstained_off + self.abstained_on
        precision = self.abstained_off / abstentions if abstentions else 1.0
        recall = self.abstained_off / self.offtopic if self.offtopic else 1.0
        n = max(self.answerable, 1)
        return (f"{name:<10} hit@1 {self.hit1 / n:.2f} ({self.hit1}/{self.answerable})  "
                f"hit@3 {self.hit3 / n:.2f} ({self.hit3}/{self.answerable})  "
                f"abstention precision {precision:.2f} recall {recall:.2f} "
                f"({self.abstained_off}/{self.offtopic} off-topic, {self.abstained_on} answerable abstained)")


class PlainBM25:
    """rank_bm25 over every paragraph of the store, with each paragraph's source; it never abstains."""

    def __init__(self, db: Store) -> None:
        rows = db.execute("SELECT COALESCE(a.url, a.source), p.text FROM paragraphs p"
                          " JOIN articles a ON a.id = p.article_id ORDER BY p.id").fetchall()
        self.rows = [(source, text) for source, text in rows]
        self.index = BM25Okapi([tokens(text) for _, text in self.rows])

    def ranked(self, question: str, k: int = DEFAULT_K) -> list[tuple[str, str]]:
        scores = self.index.get_scores(tokens(question))
        best = sorted(range(len(scores)), key=lambda i: -scores[i])[:k]
        return [self.rows[i] for i in best]


@contextmanager
def store(distractors: int, real: Path | None) -> Iterator[Store]:
    """A fresh store holding the seeds, `distractors` generated articles and the .txt files in `real`."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Store.open(Path(tmp) / "answers.db")
        ingest_seeds(db)
        for name, text in articles(distractors, seed=5):
            ingest_text(db, text, name)
        for path in sorted(real.glob("*.txt")) if real else ():
            with contextlib.suppress(NotAnArticle):  # a page of nothing but furniture adds nothing
                ingest_text(db, path.read_text(encoding="utf-8"), path.name)
        try:
            yield db
        finally:
            db.close()


def evaluate(db: Store, questions: list[dict], explain: bool = False) -> tuple[Tally, Tally, list[tuple]]:
    """clipdesk's and plain BM25's tallies, and per question (accept, best relevance, first hit right
    regardless of the threshold) for the threshold curve."""
    ours, bm25, curve = Tally(), Tally(), []
    baseline = PlainBM25(db)
    for item in questions:
        reply = answer(db, item["q"], k=DEFAULT_K)
        ours.add(item, [(s.source, s.text) for s in reply.snippets])
        bm25.add(item, baseline.ranked(item["q"]))
        with mock.patch.object(search_module, "THRESHOLD", float("-inf")):
            result = search(db, clip_question(item["q"]), k=DEFAULT_K)
        top = result.best.relevance if result.best else float("-inf")
        right = bool(result.hits) and accepted(result.hits[0].source, result.hits[0].text, item["accept"])
        curve.append((bool(item["accept"]), top, right))
        if explain and ((item["accept"] and not (reply.snippets and accepted(
                reply.snippets[0].source, reply.snippets[0].text, item["accept"])))
                or (not item["accept"] and reply.snippets)):
            first = reply.snippets[0] if reply.snippets else None
            print(f"  MISS [{item.get('kind', '-')}] {item['q']}\n    best relevance {top:.3f}; got: "
                  + (f"{first.source[:12]} {first.text[:110]!r}" if first else "(abstained)"))
    return ours, bm25, curve


def curve_lines(curve: list[tuple]) -> list[str]:
    """Abstention precision/recall and hit@1 at each threshold of CURVE."""
    lines = ["threshold  abst.precision  abst.recall  hit@1   (best off-topic relevance "
             f"{max((t for a, t, _ in curve if not a), default=float('nan')):.3f}, lowest right answer "
             f"{min((t for a, t, r in curve if a and r), default=float('nan')):.3f})"]
    answerable = sum(a for a, _, _ in curve) or 1
    offtopic = sum(not a for a, _, _ in curve) or 1
    for threshold in CURVE:
        off = sum(1 for a, t, _ in curve if not a and t < threshold)
        on = sum(1 for a, t, _ in curve if a and t < threshold)
        hits = sum(1 for a, t, r in curve if a and r and t >= threshold)
        precision = off / (off + on) if off + on else 1.0
        lines.append(f"{threshold:9.3f}  {precision:14.2f}  {off / offtopic:11.2f}  {hits / answerable:.2f}")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--distractors", type=int, default=0, help="generated articles mixed in")
    parser.add_argument("--real", type=Path, help="a folder of other outlets' .txt articles mixed in")
    parser.add_argument("--explain-misses", action="store_true", help="print each question missed")
    parser.add_argument("--threshold-curve", action="store_true",
                        help="abstention precision/recall and hit@1 over a range of thresholds")
    args = parser.parse_args(argv)
    questions = load(args.questions)
    with store(args.distractors, args.real) as db:
        ours, bm25, curve = evaluate(db, questions, args.explain_misses)
    extra = [f"+{args.distractors} generated" if args.distractors else "",
             f"+{len(list(args.real.glob('*.txt')))} real" if args.real else ""]
    print(f"{args.questions} ({len(questions)} questions), seeds {' '.join(e for e in extra if e)}".rstrip())
    print(ours.line("clipdesk"))
    print(bm25.line("plain BM25"))
    print("shape          n  clipdesk@1  clipdesk@3  (off-topic: abstained)")
    for shape, (n, first, top3) in sorted(ours.shapes.items()):
        print(f"{shape:<12} {n:3d}  {first:10d}  {top3:10d}")
    if args.threshold_curve:
        print("\n".join(curve_lines(curve)))


if __name__ == "__main__":
    main()
