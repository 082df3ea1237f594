"""The ingest handler: article files and folders into the store, and what became of each file."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from clipdesk.store.ingest import Outcome, Tally, article_files, ingest_paths
from clipdesk.store.store import Store

__all__ = ["Ingested", "Outcome", "Tally", "add_coverage", "coverage_files"]


@dataclass(frozen=True)
class Ingested:
    """The counts a user is told, and the outcomes worth telling (errors and warnings)."""

    tally: Tally

    def count(self, status: str) -> int:
        return self.tally.counts[status]

    @property
    def failed(self) -> bool:
        return self.count("error") > 0

    @property
    def summary(self) -> str:
        return (f"{self.count('added')} added, {self.count('replaced')} replaced, "
                f"{self.count('unchanged')} unchanged, {self.count('error')} failed.")


def coverage_files(paths: Iterable[str | Path]) -> list[Path]:
    """The .txt articles among `paths`, folders read recursively."""
    return list(article_files(paths))


def add_coverage(store: Store, files: list[Path],
                 on_file: Callable[[Outcome], None] | None = None) -> Ingested:
    """Ingest `files` (and their .meta.json sidecars); `on_file` hears of each file as it is done."""
    return Ingested(ingest_paths(store, files, on_file=on_file))
