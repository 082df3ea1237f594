"""A question as the store understands it: weighted terms, the people it names, the answer it wants."""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, replace

import sqlite_utils
from rapidfuzz import fuzz

from clipdesk.store.index import fts
from clipdesk.store.index.intent import WHAT, intent, speaker_slot
from clipdesk.store.index.people import Recognised, recognise_people
from clipdesk.store.index.rerank import Term, weight
from clipdesk.store.text.places import canonical_place, place_variants, recognise_places
from clipdesk.store.text.spelling import variants

SPELT_LIKE = 75  # rapidfuzz ratio a misspelt name needs to a word of the name it is taken for
DF_CAP = 2000  # document frequencies are counted up to here: beyond it a word is simply common
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Question:
    """A question as the store understands it: weighted terms and the people it names."""

    terms: tuple[Term, ...]
    speaker_ids: frozenset[int]
    intent: str = WHAT

    @property
    def names_missing_from_coverage(self) -> bool:
        """A name the user wrote (capitalised, unrecognised) that no paragraph contains."""
        return any(t.name and t.df == 0 for t in self.terms)


_DF_CACHE: weakref.WeakKeyDictionary[sqlite_utils.Database, tuple[tuple[int, int], dict[str, int]]] = (
    weakref.WeakKeyDictionary())


def understand(db: sqlite_utils.Database, text: str) -> Question:
    """The question's weighted terms (each with its other spellings), the people it asks to speak,
    and the kind of answer it wants."""
    words = fts.content_terms(text)
    named = _names(text)
    people = [p for p in recognise_people(db, text) if _spelt_like(db, p)] if words else []
    slot = set(fts.tokens(speaker_slot(text)))
    raw: list[Term] = []
    speaker_ids: set[int] = set()
    for person in people:
        used = [w for w in fts.tokens(person.matched) if w in words]
        if not used:
            continue
        words = [w for w in words if w not in used]
        asked = not slot or bool(slot & set(used))
        if asked:
            speaker_ids.add(person.id)
        raw.append(Term(" ".join(used), frozenset({person.matched, *_aliases(db, person)}), entity=True,
                        topic=not asked, speaker=asked and bool(slot)))
    for word in words:
        places = recognise_places(word) or _place_of_demonym(word)
        alternatives = {word, *variants(word), *(v for place in places for v in place_variants(place))}
        raw.append(Term(word, frozenset(alternatives), entity=bool(places), name=word in named))
    total, counts = _paragraph_count(db), _df_counts(db)
    terms = []
    for term in raw:
        df = _df(db, fts.any_of(term.alternatives), counts)
        terms.append(replace(term, df=df, idf=weight(df, total, term.name)))
    return Question(tuple(terms), frozenset(speaker_ids), intent(text))


_DEMONYMS = (("ian", ("ia", "e", "", "a")), ("ean", ("e", "a")), ("an", ("a", "")), ("ish", ("ain", "")),
             ("ese", ("a", "")), ("i", ("", "istan")))


def _place_of_demonym(word: str) -> list[str]:
    """The country a word like 'Russian', 'Ukrainian' or 'British' is formed from, if it is a known place."""
    for suffix, endings in _DEMONYMS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            for ending in endings:
                place = canonical_place(word[: -len(suffix)] + ending)
                if place:
                    return [place]
    return []


def _names(text: str) -> set[str]:
    """Words that name someone or something: capitalised inside the question, or in the speaker slot."""
    words = _WORD.findall(text)
    capitalised = {w.lower() for w in words[1:] if w[:1].isupper()}
    return (capitalised | set(fts.tokens(speaker_slot(text)))) - fts.STOP_WORDS


def _aliases(db: sqlite_utils.Database, person: Recognised) -> set[str]:
    """The phrases that name a recognised person in the coverage (surnames alone, for people)."""
    rows = db.execute("SELECT alias FROM aliases WHERE person_id = ?", [person.id]).fetchall()
    names = {person.name, *(r[0] for r in rows)}
    if person.kind == "person":
        names |= {n.split()[-1] for n in names if len(n.split()[-1]) > 2}
    return names


def _spelt_like(db: sqlite_utils.Database, person: Recognised) -> bool:
    """Whether every word that named the person is close to a word of one of their names.

    A second look at fuzzy recognition, so an unknown name is never taken for the nearest known one.
    """
    names = {w for alias in _aliases(db, person) for w in fts.tokens(alias)}
    return all(max((fuzz.ratio(w, n) for n in names), default=0) >= SPELT_LIKE
               for w in fts.tokens(person.matched))


def _paragraph_count(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM paragraphs").fetchone()[0]


def _df_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """The document-frequency cache of this store, emptied whenever the store has changed."""
    generation = (db.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes)
    cached = _DF_CACHE.get(db)
    if cached is None or cached[0] != generation:
        cached = (generation, {})
        _DF_CACHE[db] = cached
    return cached[1]


def _df(db: sqlite_utils.Database, expression: str, counts: dict[str, int]) -> int:
    """How many paragraphs match `expression`, counted up to DF_CAP (memoised in `counts`)."""
    if not expression:
        return 0
    if expression not in counts:
        counts[expression] = db.execute(
            "SELECT COUNT(*) FROM (SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ? LIMIT ?)",
            [expression, DF_CAP]).fetchone()[0]
    return counts[expression]


def person_id(db: sqlite_utils.Database, speaker: str) -> int | None:
    """The id of the person `speaker` names: the canonical name, else a fuzzy recognition."""
    row = db.execute("SELECT id FROM people WHERE name = ?", [speaker]).fetchone()
    if row:
        return row[0]
    people = recognise_people(db, speaker)
    return people[0].id if people else None
