"""Irregular verbs: the past forms the index's stemmer does not join to their verb (met / meet)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _groups() -> dict[str, frozenset[str]]:
    """Each verb and each of its irregular forms -> the verb with all of them (data/verbs.tsv, written
    by tools/make_verbs_data.py from lemminflect's tables)."""
    text = (resources.files("clipdesk.store.text") / "data" / "verbs.tsv").read_text(encoding="utf-8")
    groups: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            group = frozenset(line.split("\t"))
            for word in group:
                groups[word] = groups.get(word, frozenset()) | group
    return groups


def verb_forms(word: str) -> frozenset[str]:
    """A verb's forms that stemming does not join, with the verb ('meet' -> meet, met; 'lost' -> lose,
    lost); empty for a word that is none of them."""
    return _groups().get(word.lower(), frozenset())
