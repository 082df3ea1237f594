"""The plain BM25 baseline: rank_bm25 over the same paragraphs, no FTS, no re-ranking."""

from __future__ import annotations

import re

from rank_bm25 import BM25Okapi

from clipdesk.store.store import Store

WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return WORD.findall(text.lower())


class Baseline:
    """Every paragraph of the store in one in-memory BM25 index."""

    def __init__(self, db: Store) -> None:
        rows = db.execute("SELECT text FROM paragraphs ORDER BY id").fetchall()
        self.texts = [row[0] for row in rows]
        self.index = BM25Okapi([tokens(text) for text in self.texts])

    def search(self, question: str, k: int = 3) -> list[str]:
        return self.index.get_top_n(tokens(question), self.texts, n=k)
