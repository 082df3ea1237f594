"""A question as the store understands it: weighted terms, the people it names, the answer it wants."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from clipdesk.store.index import fts
from clipdesk.store.index.caches import caches_of
from clipdesk.store.index.intent import WHAT, answer_words, intent, speaker_slot, speaking_verb
from clipdesk.store.index.people import Recognised, recognise_people
from clipdesk.store.index.rerank import Term, weight
from clipdesk.store.text.lexicon import (
    DEMONYMS,
    EXPANSIONS,
    GENERIC_HEADS,
    OFFICE_DOMAINS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    ROLE_SYNONYMS,
    is_english_word,
)
from clipdesk.store.text.places import (
    canonical_place,
    capital_and_country,
    country_of,
    place_variants,
    recognise_places,
)
from clipdesk.store.text.spelling import variants
from clipdesk.store.text.verbs import verb_forms

if TYPE_CHECKING:
    from clipdesk.store.store import Store

SPELT_LIKE = 75  # rapidfuzz ratio a misspelt name needs to a word of the name it is taken for
_WORD = re.compile(r"[^\W_]+")
_YEAR = re.compile(r"(1[89]|20)\d\d")


@dataclass(frozen=True)
class Question:
    """A question as the store understands it: weighted terms and the people it names."""

    terms: tuple[Term, ...]
    speaker_ids: frozenset[int]
    intent: str = WHAT
    asks_speaker: bool = False  # "what did X say", "according to X": X's own words are wanted
    speaker_names: frozenset[str] = frozenset()  # the names (and surnames) of the people asked to speak

    @property
    def topic(self) -> str:
        """What the question asks about its people and places: its other meaning-bearing words."""
        return " ".join(t.word for t in self.terms if not (t.entity or t.name or t.manner))


def understand(db: Store, text: str) -> Question:
    """The question's weighted terms (each with its other spellings), the people it asks to speak,
    and the kind of answer it wants."""
    # "in which city", "what day", "take place": what kind of answer, not what it is about
    answer_kind = set(fts.tokens(answer_words(text)))
    words = [w for w in fts.content_terms(text) if w not in answer_kind]
    named = _names(text)
    people = [p for p in recognise_people(db, text) if _spelt_like(db, p)] if words else []
    slot = set(fts.tokens(speaker_slot(text)))
    asked_for = intent(text)
    # "what did X demand": the verb is how X spoke; "when did X report that ...": it is what happened
    manner = set(fts.tokens(speaking_verb(text))) if asked_for == WHAT else set()
    raw: list[Term] = []
    speaker_ids: set[int] = set()
    speaker_names: set[str] = set()
    for person in people:
        used = [w for w in fts.tokens(person.matched) if w in words]
        if not used:
            continue
        words = [w for w in words if w not in used]
        # a country speaks through its officials ('according to the UK' is Healey's words): never the one
        # speaker every hit must name
        places = recognise_places(person.matched)
        asked = (not slot or bool(slot & set(used))) and not places
        aliases = _aliases(db, person)
        if asked:
            speaker_ids.add(person.id)
            speaker_names.update(aliases)
        raw.append(Term(" ".join(used), frozenset({person.matched, *aliases,
                                                   *(v for place in places for v in place_variants(place))}),
                        entity=True, topic=not asked, speaker=asked and bool(slot),
                        around=frozenset(w for place in places for w in _around(place))))
    written = {w.lower(): w for w in _WORD.findall(text)}  # 'Rusia' as written: a capital, a misspelt place
    for word in words:
        named_places = recognise_places(written.get(word, word))
        places = named_places or _place_of_demonym(word)
        alternatives = {word, *variants(word), *verb_forms(word), *EXPANSIONS.get(word, ()),
                        *(v for place in places for v in place_variants(place))}
        raw.append(Term(word, frozenset(alternatives), entity=bool(places), name=word in named,
                        manner=word in manner,
                        around=frozenset(w for place in named_places for w in _around(place))))
    phrases = _role_phrases(text)
    domains = {w for phrase in phrases if phrase & ROLE_HEADS for w in phrase & OFFICE_DOMAINS}
    raw = [replace(t, domain=True) if t.word in domains else t for t in raw]
    raw = _with_role_holders(db, raw, slot, speaker_ids, speaker_names, phrases)
    return Question(_weighed(db, raw), frozenset(speaker_ids), asked_for, bool(slot),
                    frozenset(speaker_names))


def _weighed(db: Store, raw: list[Term]) -> tuple[Term, ...]:
    """The terms with their stemmed forms, document counts and weights.

    A phrase is counted as its rarest word, a term as the sum of its alternatives (exact counts from
    the index's vocabulary, so common words weigh less the more common they are)."""
    phrases = {a: fts.tokens(a)[: fts.MAX_TERMS] for t in raw for a in t.alternatives}
    stem = fts.stems(db.conn, (w for words in phrases.values() for w in words))
    counts = fts.doc_counts(db.conn, "paragraphs", stem.values(), caches_of(db).counts)
    total = _paragraph_count(db)
    terms = []
    for term in raw:
        forms = frozenset(tuple(stem[w] for w in phrases[a]) for a in term.alternatives if phrases[a])
        df = min(total, sum(min(counts[w] for w in form) for form in forms))
        terms.append(replace(term, forms=forms, df=df, idf=weight(df, total, term.name)))
    return tuple(terms)


def _with_role_holders(db: Store, raw: list[Term], slot: set[str], speaker_ids: set[int],
                       speaker_names: set[str], phrases: list[set[str]]) -> list[Term]:
    """The terms with a role phrase ("the UK defence secretary") also matched by the names of the
    person the coverage gives that role: most of the role's words (at least two) found among the
    question's, in any spelling or other word for it, and no word left out of one of the question's
    role phrases (`phrases`) that holds them ("the French defence minister" is not the French foreign
    minister; "the British defence secretary" stays Healey beside "NATO defence ministers"), where a
    generic head ("the UK defence chief") stands for the role's own. The role's words stay (others
    may hold it too).

    Each distinct role is compared with the question once; its holders are then taken in the
    registry's order."""
    words = {t.word: _lowered(t.alternatives) for t in raw if not t.entity or len(t.word.split()) == 1}
    holders: list[tuple[int, int, str, set[str]]] = []
    for role, held in _roles(db).items():
        used: set[str] = set()
        hits = 0
        role_words = _role_words(role)
        for role_word in role_words:
            found = _role_word_in(_spellings(role_word), words)
            hits += bool(found)
            used |= found
        if used and set(role_words) & ROLE_HEADS:
            used |= {w for phrase in phrases if phrase & used for w in phrase & GENERIC_HEADS}
        touched = [phrase for phrase in phrases if phrase & used]
        if hits >= 2 and hits * 3 >= 2 * len(role_words) and (
                not touched or any(phrase <= used for phrase in touched)):
            holders += [(order, holder, name, used) for order, holder, name in held]
    for _, holder, name, used in sorted(holders):
        if any(name in t.alternatives for t in raw):
            continue
        names = _aliases(db, Recognised(holder, name, "person", name, 100.0))
        if not slot or slot & used:
            speaker_ids.add(holder)
            speaker_names.update(names)
        raw = [replace(t, alternatives=t.alternatives | names) if t.word in used else t for t in raw]
    return raw


def _role_phrases(text: str) -> list[set[str]]:
    """The question's runs of role words and nations, as distinct words: "the French defence minister"
    gives {french, defence, minister}."""
    runs: list[set[str]] = [set()]
    for word in fts.tokens(text):
        if word in fts.STOP_WORDS:
            runs.append(set())
        elif word in ROLE_HEADS or word in ROLE_MODIFIERS or word in DEMONYMS or recognise_places(word):
            runs[-1].add(word)
        else:
            runs.append(set())
    return [run for run in runs if len(run) > 1]


def _role_word_in(spellings: frozenset[str], words: dict[str, set[str]]) -> set[str]:
    """The question words that say a role word: one word in any of its spellings, or every word of
    a phrase for it ("press secretary")."""
    for spelling in spellings:
        parts = spelling.split()
        if len(parts) == 1:
            found = {word for word, alternatives in words.items() if spelling in alternatives}
        else:
            found = set(parts) if set(parts) <= set(words) else set()
        if found:
            return found
    return set()


def _roles(db: Store) -> dict[str, list[tuple[int, int, str]]]:
    """Each role the coverage gives people, with its holders as (registry order, id, name), memoised
    while the registry is unchanged."""
    count = db.execute("SELECT COUNT(*) FROM people").fetchone()[0]
    caches = caches_of(db)
    cached = caches.roles
    if cached is None or cached[0] != count:
        rows = db.execute("SELECT id, name, role FROM people WHERE kind = 'person' AND role IS NOT NULL"
                          " AND role != name").fetchall()
        roles: dict[str, list[tuple[int, int, str]]] = {}
        for order, (holder, name, role) in enumerate(rows):
            roles.setdefault(role, []).append((order, holder, name))
        cached = (count, roles)
        caches.roles = cached
    return cached[1]


@lru_cache(maxsize=4096)
def _role_words(role: str) -> list[str]:
    return fts.content_terms(role)


@lru_cache(maxsize=4096)
def _spellings(word: str) -> frozenset[str]:
    places = recognise_places(word) or _place_of_demonym(word)
    return frozenset(_lowered({word, *variants(word), *ROLE_SYNONYMS.get(word, ()),
                               *(v for place in places for v in place_variants(place))}))


def _lowered(phrases: frozenset[str] | set[str]) -> set[str]:
    return {p.lower() for p in phrases}


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


@lru_cache(maxsize=1024)
def _around(place: str) -> frozenset[str]:
    """Words showing that an article means a place it does not name: its country's demonyms, and the
    country a capital stands for or the capital standing for a country, with their demonyms (a deal
    "with Kyiv" is one "with Ukraine")."""
    related = capital_and_country(place)
    return frozenset({*_demonyms_of(place),
                      *(w for other in related for w in (*place_variants(other), *_demonyms_of(other)))})


@lru_cache(maxsize=1024)
def _demonyms_of(place: str) -> tuple[str, ...]:
    """The words for a country's people and things ('UK' -> british, english, ...): an article saying
    "the British defence secretary" names the UK."""
    canonical = canonical_place(place)
    return tuple(d for d in DEMONYMS if canonical and country_of(d) == canonical)


def _names(text: str) -> set[str]:
    """Words that name someone or something: capitalised inside the question, a year, or in the
    speaker slot and no ordinary English word ("what did scholz say", not "what do spy agencies think")."""
    words = _WORD.findall(text)
    capitalised = {w.lower() for w in words[1:] if w[:1].isupper()}
    years = {w for w in words if _YEAR.fullmatch(w)}  # "the 2026 summit" is not the 2024 one
    slot = {w for w in fts.tokens(speaker_slot(text)) if not _ordinary(w)}
    return (capitalised | years | slot) - fts.STOP_WORDS


def _ordinary(word: str) -> bool:
    """An ordinary English word, or the plural of one."""
    singular = (word[:-3] + "y") if word.endswith("ies") else word[:-1] if word.endswith("s") else word
    return is_english_word(word) or is_english_word(singular)


def _aliases(db: Store, person: Recognised) -> set[str]:
    """The phrases that name a recognised person in the coverage (surnames alone, for people)."""
    rows = db.execute("SELECT alias FROM aliases WHERE person_id = ?", [person.id]).fetchall()
    names = {person.name, *(r[0] for r in rows)}
    if person.kind == "person":
        names |= {n.split()[-1] for n in names if len(n.split()[-1]) > 2}
    return names


def _spelt_like(db: Store, person: Recognised) -> bool:
    """Whether every word that named the person is close to a word of one of their names.

    A second look at fuzzy recognition, so an unknown name is never taken for the nearest known one.
    """
    names = {w for alias in _aliases(db, person) for w in fts.tokens(alias)}
    return all(max((fuzz.ratio(w, n) for n in names), default=0) >= SPELT_LIKE
               for w in fts.tokens(person.matched))


def _paragraph_count(db: Store) -> int:
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM paragraphs").fetchone()[0]


def person_id(db: Store, speaker: str) -> int | None:
    """The id of the person `speaker` names: the canonical name, else a fuzzy recognition."""
    row = db.execute("SELECT id FROM people WHERE name = ?", [speaker]).fetchone()
    if row:
        return row[0]
    people = recognise_people(db, speaker)
    return people[0].id if people else None
