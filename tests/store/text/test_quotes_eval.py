"""Quotation accuracy through the real pipeline: the shared annotation, our seed annotation, other outlets."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from clipdesk.store.seeds import seeds_dir
from clipdesk.store.text.article import parse_article
from clipdesk.store.text.model import Quote
from clipdesk.store.text.quotes import extract_quotes
from tests.conftest import SHARED

DATA = Path(__file__).parent / "data"
SHARED_ANNOTATION = SHARED / "eval" / "quotes.json"
STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _norm(text: str) -> str:
    text = " ".join(text.translate(STRAIGHT).casefold().split())
    return text.removeprefix("the ")


@cache
def _quotes(folder: Path, name: str) -> tuple[Quote, ...]:
    article = parse_article((folder / name).read_text(encoding="utf-8"), name)
    return tuple(extract_quotes(article))


def _accepted(entry: dict) -> set[str]:
    """Accepted speakers, normalised; an empty list means the speaker is unknown and must stay None."""
    return {_norm(s) for s in entry["speakers"]} or {""}


def _matches(entry: dict, quote: Quote) -> bool:
    return _norm(entry["text"]) in _norm(quote.text)


def _score(annotation: dict, folder: Path) -> dict:
    """Recall (found with an accepted speaker), precision of what was stored, and forbidden stores."""
    gold = annotation["quotes"]
    found = {"full": 0, "all": 0}
    missed = []
    for entry in gold:
        hit = any(_matches(entry, q) and _norm(q.speaker or "") in _accepted(entry)
                  for q in _quotes(folder, entry["seed"]))
        found["all"] += hit
        if not hit:
            missed.append((entry["seed"], entry["text"]))
        found["full"] += hit and entry["tier"] == "full"
    stored = correct = 0
    articles = {e["seed"] for e in gold} | {e["seed"] for e in annotation.get("not_quotes", [])}
    wrong = []
    for name in sorted(articles):
        ignore = [e for e in annotation.get("ignore", []) if e["seed"] == name]
        for quote in _quotes(folder, name):
            if any(_matches(e, quote) for e in ignore):
                continue
            stored += 1
            good = any(_matches(e, quote) and _norm(quote.speaker or "") in _accepted(e)
                       for e in gold if e["seed"] == name)
            correct += good
            if not good:
                wrong.append((name, quote.text[:50], quote.speaker))
    forbidden = [(e["text"], q.text) for e in annotation.get("not_quotes", [])
                 for q in _quotes(folder, e["seed"]) if _matches(e, q) or _norm(q.text) in _norm(e["text"])]
    full_total = sum(e["tier"] == "full" for e in gold)
    return {"recall_full": found["full"] / full_total, "recall": found["all"] / len(gold),
            "precision": correct / stored if stored else 1.0, "stored": stored, "wrong": wrong,
            "missed": missed, "forbidden": forbidden, "gold": len(gold)}


def _report(label: str, tally: dict) -> None:
    print(f"\n{label}: {tally['gold']} annotated, recall {tally['recall']:.1%} "
          f"(full-sentence {tally['recall_full']:.1%}), precision {tally['precision']:.1%} "
          f"of {tally['stored']} stored; missed: {tally['missed']}; wrong: {tally['wrong']}")


@pytest.mark.skipif(not SHARED_ANNOTATION.exists(), reason="shared evaluation data not present")
def test_shared_annotation_every_full_quotation_with_an_accepted_speaker():
    tally = _score(json.loads(SHARED_ANNOTATION.read_text(encoding="utf-8")), seeds_dir())
    _report("shared annotation", tally)
    assert tally["recall_full"] == 1.0, tally
    assert tally["forbidden"] == [], tally


def test_own_annotation_of_all_five_seeds_meets_the_targets():
    tally = _score(json.loads((DATA / "seed_quotes.json").read_text(encoding="utf-8")), seeds_dir())
    _report("own seed annotation", tally)
    assert tally["recall"] >= 0.95, tally
    assert tally["precision"] >= 0.95, tally
    assert tally["forbidden"] == [], tally


def test_articles_in_other_outlets_styles_meet_the_targets():
    annotation = json.loads((DATA / "outlet_quotes.json").read_text(encoding="utf-8"))
    assert len({e["seed"] for e in annotation["quotes"]}) >= 6
    tally = _score(annotation, DATA / "outlets")
    _report("other outlets", tally)
    assert tally["recall"] >= 0.95, tally
    assert tally["precision"] >= 0.95, tally

