"""People and institutions across articles: one canonical row per name, with its aliases."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from clipdesk.store.index.caches import caches_of, read_kept, sidecar, write_kept
from clipdesk.store.index.fts import STOP_WORDS
from clipdesk.store.text.lexicon import (
    DEMONYMS,
    INSTITUTION_WORDS,
    PARTICLES,
    PLACE_WORDS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    is_english_word,
    office_rank,
    words,
)
from clipdesk.store.text.names import HONORIFICS, NAME_TOKEN, POSSESSIVE, normalise_name
from clipdesk.store.text.places import canonical_place, country_of
from clipdesk.store.text.spelling import fold, variants

if TYPE_CHECKING:
    from clipdesk.store.store import Store

# Endings that different romanisations of one name spell differently, each with the one form kept.
ROMANISED_ENDINGS = (("skyy", "ski"), ("skyi", "ski"), ("skiy", "ski"), ("sky", "ski"), ("off", "ov"),
                     ("eff", "ev"), ("iy", "y"), ("yy", "y"))
SURNAME_MATCH = 80  # fuzz.ratio two spellings of a surname need (Shoigu/Shoygu 83, Healey/Healy 91)
FIRST_NAME_MATCH = 75  # fuzz.ratio two spellings of a first name need (Sergey/Sergei 83)
INSTITUTION_MATCH = 92  # fuzz.ratio two institution keys (spelling- and word-order-neutral) need
NAME_FUZZY_MIN = 4  # letters a capitalised unknown word needs to be read as a misspelt name
NAME_FUZZY_EDITS = 2  # letters each of its words may differ by from the name's (Borel/Borrell)
NAME_FUZZY_MATCH = 83  # fuzz.ratio it needs to the whole name (Putn/Putin 89, Josef Borel/Josep Borrell 83)
INITIALISM_MIN = 3  # letters a body's initials need to be its alias ('JEF'; not 'BE', British Embassy)
MIN_WORD = 3  # shorter words name nobody unless written in capitals (EU, UN, G7)
MAX_WIDTH = 4  # the most words an alias spans in a question
QUESTION_WORDS = words(
    "quote quotes quotation quotations events event timeline latest news about regarding cooperation "
    "talks talk meeting meetings war peace minister ministers president secretary defence defense "
    "foreign prime chief spokesman")
# Surnames that are also everyday words: written in lower case in a question they name nobody.
EVERYDAY_SURNAMES = words(
    "may will long young brown white green black grant price rice bush cook king little rich hope love bell "
    "hall wood west north rose page ward stone lord chance hunt mills fox lamb gay short strong swift sharp "
    "small moore banks fields march")
KEPT = "people.marshal"  # the index kept beside the store


@dataclass(frozen=True)
class Recognised:
    """A person or institution recognised in user text, and the words that named it."""

    id: int
    name: str
    kind: str
    matched: str
    score: float


@dataclass
class _Index:
    """The people and aliases of one store, held in memory between calls while the tables are unchanged."""

    key: tuple[int, int] = (-1, -1)
    alias: dict[str, int] = field(default_factory=dict)
    people: dict[int, tuple[str, str]] = field(default_factory=dict)  # id -> (name, kind)
    buckets: dict[tuple[str, int], list[str]] = field(default_factory=dict)  # (initial, length) -> aliases
    surnames: dict[str, dict[str, set[int]]] = field(default_factory=dict)  # initial -> surname -> ids
    institutions: dict[str, int] = field(default_factory=dict)  # spelling-neutral key -> id
    neutral: dict[str, int] = field(default_factory=dict)  # alias in one spelling (defence) -> id

    def add_alias(self, alias: str, pid: int) -> None:
        if alias in self.alias:
            return
        self.alias[alias] = pid
        self.neutral.setdefault(neutral_spelling(alias), pid)
        self.buckets.setdefault((alias[0], len(alias)), []).append(alias)

    def add_person(self, pid: int, name: str, kind: str) -> None:
        self.people[pid] = (name, kind)
        words = normalise_name(name).split()
        if kind == "institution":
            self.institutions.setdefault(institution_key(name), pid)
        elif words:
            self.surnames.setdefault(words[-1][0], {}).setdefault(words[-1], set()).add(pid)


def _state(db: Store) -> tuple[int, int]:
    """Highest alias rowid and person id: both grow with every write, and reading them costs nothing."""
    return tuple(db.execute("SELECT (SELECT COALESCE(MAX(rowid), 0) FROM aliases),"
                            " (SELECT COALESCE(MAX(id), 0) FROM people)").fetchone())


def _index(db: Store) -> _Index:
    """The in-memory index of people and aliases, rebuilt only when the aliases table has changed: from
    the file kept beside the store when that file matches the tables, else from the tables (and kept)."""
    key = _state(db)
    caches = caches_of(db)
    index = caches.people
    if index is not None and index.key == key:
        return index
    path, stamp = sidecar(db, KEPT), _stamp(db)
    index = _load(key, read_kept(path, stamp))
    if index is None:
        index = _Index(key=key)
        for pid, name, kind in db.execute("SELECT id, name, kind FROM people"):
            index.add_person(pid, name, kind)
        for alias, pid in db.execute("SELECT alias, person_id FROM aliases"):
            index.add_alias(alias, pid)
        write_kept(path, stamp, _dump(index))
    caches.people = index
    return index


def _stamp(db: Store) -> list:
    """What the kept index must match: the tables' sizes, highest ids and the names' total length (a
    name is only ever replaced by a fuller one, which is longer), and this module's own file, so that an
    upgraded clipdesk never reads an index its older rules built."""
    code = Path(__file__).stat()
    return [code.st_size, code.st_mtime_ns, *db.execute(
        "SELECT (SELECT COUNT(*) FROM people), (SELECT COALESCE(MAX(id), 0) FROM people),"
        " (SELECT TOTAL(length(name)) FROM people), (SELECT COUNT(*) FROM aliases),"
        " (SELECT COALESCE(MAX(rowid), 0) FROM aliases)").fetchone()]


def _dump(index: _Index) -> dict[str, Any]:
    return {"people": [[pid, name, kind] for pid, (name, kind) in index.people.items()],
            "alias": list(index.alias.items()), "neutral": list(index.neutral.items()),
            "institutions": list(index.institutions.items()),
            "surnames": [[initial, surname, sorted(ids)] for initial, names in index.surnames.items()
                         for surname, ids in names.items()]}


def _load(key: tuple[int, int], kept: Any) -> _Index | None:
    """The index as `_dump` kept it (its dicts in the order they were built), or None."""
    if not isinstance(kept, dict):
        return None
    index = _Index(key=key, alias=dict(kept["alias"]), neutral=dict(kept["neutral"]),
                   institutions=dict(kept["institutions"]),
                   people={pid: (name, kind) for pid, name, kind in kept["people"]})
    for alias in index.alias:
        index.buckets.setdefault((alias[0], len(alias)), []).append(alias)
    for initial, surname, ids in kept["surnames"]:
        index.surnames.setdefault(initial, {})[surname] = set(ids)
    return index


# -- names ----------------------------------------------------------------------------------------

def split_role(written: str) -> tuple[str | None, str]:
    """('UK Defense Secretary', 'Ben Wallace') from 'UK Defense Secretary Ben Wallace'.

    Leading words of a role (titles, nationalities, acronyms, possessives) are split off only when a
    name is left after them; otherwise the words are kept whole as the name.
    """
    words = written.split()
    i = 0
    while i < len(words) - 1 and _is_role_word(words[i]):
        i += 1
    role_end = i
    while 0 < i < len(words) - 1 and fold(words[i]).rstrip(".") in HONORIFICS:
        i += 1
    if i == 0 or not words[i][:1].isupper():
        return None, written
    return " ".join(words[:role_end]).strip(" ,") or None, " ".join(words[i:])


def _is_role_word(word: str) -> bool:
    low = POSSESSIVE.sub("", fold(word)).strip(".,")
    plain = low.replace(".", "")
    return (low in ROLE_HEADS or low in ROLE_MODIFIERS or low in DEMONYMS or low in PLACE_WORDS
            or word.endswith(("'s", "’s"))
            or (word.replace(".", "").isupper() and len(plain) <= 4) or canonical_place(plain) is not None)


def neutral_spelling(text: str) -> str:
    """One spelling for British and American forms alike ('defense ministry' -> 'defence ministry'), and
    for the romanisations of one name ('Peskoff', 'Peskov'; 'Zelenskyy', 'Zelenskiy', 'Zelensky')."""
    return " ".join(_romanised(min(variants(w))) for w in text.split())


def _romanised(word: str) -> str:
    """A name's word with the endings and letters that its romanisations spell differently made one."""
    for ending, same in ROMANISED_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            word = word[:-len(ending)] + same
            break
    return word.replace("kh", "h").replace("ph", "f")


def is_institution(name: str) -> bool:
    """Whether a name is a body (the Kremlin, Downing Street, the Russian Defence Ministry, NATO)."""
    words = normalise_name(name).split()
    if words and words[-1] in ROLE_HEADS:
        return False
    return bool(set(words) & INSTITUTION_WORDS) or (
        len(words) == 1 and name.replace(".", "").isupper() and len(words[0]) >= 2)


def institution_key(name: str) -> str:
    """A spelling- and word-order-neutral key: 'Russia's Ministry of Defence' = 'Russian Defense Ministry'."""
    words = [w for w in normalise_name(name).split() if w not in ("the", "of", "for")]
    return " ".join(sorted(_nation(w) or min(variants(w)) for w in words))


def _nation(word: str) -> str | None:
    """The country a word names or describes, for matching 'Russia's ministry' with 'Russian ministry'."""
    place = country_of(word) or canonical_place(word)
    if place is None and len(word) <= 3:
        place = canonical_place(word.upper())
    return fold(place) if place else None


# -- resolving names met in articles -----------------------------------------------------------------

def resolve_person(db: Store, name: str, role: str | None = None,
                   kind: str = "person") -> tuple[int, str]:
    """The (id, canonical name) for `name` as written, creating the person if new.

    Spellings of one person ('Sergey Shoigu', 'Sergei Shoigu', 'Shoygu') resolve to one row; a role
    written before the name ('UK Defense Secretary Ben Wallace') is split off and kept as the role.
    """
    written = " ".join(name.split())
    if kind == "person" and is_institution(written):
        kind = "institution"
    elif kind == "person":
        written_role, written = split_role(written)
        role = role or written_role
        kind = "institution" if is_institution(written) else kind
    key = normalise_name(written) or fold(written)
    index = _index(db)
    pid = index.alias.get(key)
    if pid is None:
        pid = _institution(index, written) if kind == "institution" else _person(index, key)
    created = pid is None
    if pid is None:
        pid = _create(db, index, _display(written), kind, role)
    else:
        _improve(db, index, pid, written, key, role)
    if _add_aliases(db, index, pid, key, index.people[pid][1], _is_name(written)) or created:
        index.key = _state(db)
    return pid, index.people[pid][0]


def names_of(db: Store, ids: Iterable[int]) -> dict[int, str]:
    """The canonical names of these people as they are now (a later, fuller spelling may replace the
    name `resolve_person` returned)."""
    people = _index(db).people
    return {pid: people[pid][0] for pid in ids}


def _display(written: str) -> str:
    words = written.split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in HONORIFICS:
        words = words[1:]
    return POSSESSIVE.sub("", " ".join(words)) if len(words) == 1 else " ".join(words)


def _person(index: _Index, key: str) -> int | None:
    """The known person a (new) spelling of a name belongs to, by surname and first name."""
    words = key.split()
    if not words:
        return None
    surname, first = words[-1], (words[0] if len(words) > 1 else None)
    known = index.surnames.get(surname[0], {})
    best: tuple[float, int] | None = None
    for other, score, _ in process.extract(surname, list(known), scorer=fuzz.ratio,
                                           score_cutoff=SURNAME_MATCH, limit=8):
        if OSA.distance(surname, other) > _edits(surname):
            continue
        for pid in known[other]:
            theirs = normalise_name(index.people[pid][0]).split()
            their_first = theirs[0] if len(theirs) > 1 else None
            if first and their_first and not _same_first_name(first, their_first):
                continue
            rank = score + (5 if first and their_first else 0) - pid * 1e-9
            if best is None or rank > best[0]:
                best = (rank, pid)
    return best[1] if best else None


def _edits(word: str) -> int:
    """How many letters two spellings of a name of this length may differ by (Shoygu/Shoigu: one)."""
    return 1 if len(word) < 9 else 2


def _same_first_name(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return fuzz.ratio(a, b) >= FIRST_NAME_MATCH


def _institution(index: _Index, written: str) -> int | None:
    key = institution_key(written)
    if key in index.institutions:
        return index.institutions[key]
    best = process.extractOne(key, list(index.institutions), scorer=fuzz.ratio,
                              score_cutoff=INSTITUTION_MATCH)
    return index.institutions[best[0]] if best else None


def _create(db: Store, index: _Index, name: str, kind: str, role: str | None) -> int:
    row = db.execute("SELECT id, name, kind FROM people WHERE name = ?", [name]).fetchone()
    if row is None:
        pid = db.execute("INSERT INTO people (name, kind, role) VALUES (?, ?, ?)",
                         [name, kind, role]).lastrowid
        row = (pid, name, kind)
    index.add_person(*row)
    return row[0]


def _improve(db: Store, index: _Index, pid: int, written: str, key: str,
             role: str | None) -> None:
    """A fuller name replaces a surname-only one ('Wallace' -> 'Ben Wallace'); a missing role is filled,
    and a role that says more of an office replaces one that says less ('UK minister' for 'his British
    counterpart', 'defence secretary' for 'UK minister')."""
    name, kind = index.people[pid]
    if role:
        held = db.execute("SELECT role FROM people WHERE id = ?", [pid]).fetchone()[0]
        if held is None or office_rank(role) > office_rank(held):
            db.execute("UPDATE people SET role = ? WHERE id = ?", [role, pid])
    fuller = _display(written)
    if kind != "person" or len(key.split()) <= len(normalise_name(name).split()):
        return
    if db.execute("SELECT 1 FROM people WHERE name = ?", [fuller]).fetchone():
        return
    db.execute("UPDATE people SET name = ? WHERE id = ?", [fuller, pid])
    db.execute("UPDATE quotes SET speaker = ? WHERE speaker_id = ?", [fuller, pid])
    old, new = json.dumps(name, ensure_ascii=False), json.dumps(fuller, ensure_ascii=False)
    db.execute("UPDATE events SET participants = REPLACE(participants, ?, ?) WHERE instr(participants, ?)",
               [old, new, old])
    index.add_person(pid, fuller, kind)


def _is_name(written: str) -> bool:
    """Whether words are a personal name ('Ben Wallace'), not a role written in its place ('NATO chief')."""
    words = written.split()
    return all(w[:1].isupper() or fold(w) in PARTICLES for w in words) and fold(words[-1]) not in ROLE_HEADS


def initialism(words: list[str]) -> str:
    """What a body of three words or more is shortened to ('jef' of 'joint expeditionary force', its
    small words left out), or '' when it has fewer or the letters spell an English word."""
    initials = "".join(w[0] for w in words if w not in STOP_WORDS and w[0].isalpha())
    return initials if len(initials) >= INITIALISM_MIN and not is_english_word(initials) else ""


def _add_aliases(db: Store, index: _Index, pid: int, key: str, kind: str,
                 name_like: bool) -> bool:
    """Record the name, a person's surname and a body's initials, as aliases; True if any was new."""
    words = key.split()
    aliases = {key}
    if kind == "person" and name_like and len(words) > 1 and len(words[-1]) >= MIN_WORD:
        aliases.add(words[-1])
    elif kind == "institution":
        if words and words[0] == "the":
            aliases.add(" ".join(words[1:]))
        aliases.add(initialism(words))
    new = [a for a in aliases if a and a not in index.alias]
    if new:
        db.conn.executemany("INSERT OR IGNORE INTO aliases (alias, person_id) VALUES (?, ?)",
                            [(a, pid) for a in new])
        for alias in new:
            index.add_alias(alias, pid)
    return bool(new)


# -- recognising names in questions ------------------------------------------------------------------

def recognise_people(db: Store, text: str) -> list[Recognised]:
    """People and institutions named (even misspelt) in `text`, best match first."""
    if not text or not text.strip():
        return []
    index = _index(db)
    if not index.alias:
        return []
    tokens = [(m[0], POSSESSIVE.sub("", fold(m[0]))) for m in NAME_TOKEN.finditer(text[:2000])]
    found: list[tuple[int, float, int, int]] = []  # (width, score, start, pid)
    for i in range(len(tokens)):
        for width in range(min(MAX_WIDTH, len(tokens) - i), 0, -1):
            words = tokens[i:i + width]
            if not _nameable(words):
                continue
            key = " ".join(w for _, w in words)
            if width == 1 and key in EVERYDAY_SURNAMES and words[0][0].islower():
                continue
            pid = index.alias.get(key) or index.neutral.get(neutral_spelling(key))
            score = 100.0
            if pid is None and width <= 2:
                pid, score = _fuzzy(index, key)
            if pid is None and width <= 2 and all(_written_as_name(raw) for raw, _ in words):
                pid, score = _fuzzy_name(index, key)
            if pid is not None:
                found.append((width, score, i, pid))
    return _choose(index, tokens, found)


def _nameable(words: list[tuple[str, str]]) -> bool:
    """Whether these words could name someone: no stop words at the ends, no short lower-case words."""
    for n, (raw, low) in enumerate(words):
        inner = 0 < n < len(words) - 1
        if low in STOP_WORDS and not (inner and low in PARTICLES):
            return False
        if low in QUESTION_WORDS and len(words) == 1:
            return False
        if len(low) < MIN_WORD and not (raw.isupper() or any(c.isdigit() for c in raw) or inner):
            return False
    return True


def _fuzzy(index: _Index, key: str) -> tuple[int | None, float]:
    """The alias a misspelt word or two stands for: same initial, a letter or two apart (two letters
    swapped count as one: 'Jonhson')."""
    if len(key) < 5 or not key.replace(" ", "").isalpha():
        return None, 0.0
    allowed = _edits(key)
    candidates = [a for n in range(len(key) - allowed, len(key) + allowed + 1)
                  for a in index.buckets.get((key[0], n), ())]
    best = process.extractOne(key, candidates, scorer=OSA.distance, score_cutoff=allowed)
    if best is None or _inflection(key, best[0]):
        return None, 0.0
    return index.alias[best[0]], fuzz.ratio(key, best[0])


def _written_as_name(raw: str) -> bool:
    """A capitalised word of a question that is no English word: surely meant as somebody's name."""
    return raw[:1].isupper() and raw[1:].islower() and len(raw) >= NAME_FUZZY_MIN \
        and not is_english_word(raw.lower())


def _fuzzy_name(index: _Index, key: str) -> tuple[int | None, float]:
    """The alias a word or two written as a name stands for when spelt further off (or shorter) than
    _fuzzy allows: same initials, every word within NAME_FUZZY_EDITS letters of the alias's, and the
    whole alike by NAME_FUZZY_MATCH ("Putn" for Putin, "Josef Borel" for Josep Borrell)."""
    parts = key.split()
    candidates = [a for n in range(len(key) - NAME_FUZZY_EDITS * len(parts),
                                   len(key) + NAME_FUZZY_EDITS * len(parts) + 1)
                  for a in index.buckets.get((key[0], n), ())]
    # the whole compared first (in rapidfuzz, over every candidate), the words of the few alike enough
    alike = process.extract(key, candidates, scorer=fuzz.ratio, score_cutoff=NAME_FUZZY_MATCH, limit=None)
    kept = [(-score, at, alias) for alias, score, at in alike
            if len(words := alias.split()) == len(parts)
            and all(w[0] == v[0] and OSA.distance(w, v) <= NAME_FUZZY_EDITS
                    for w, v in zip(parts, words, strict=True))]
    if not kept:
        return None, 0.0
    score, _, alias = min(kept)  # the most alike, the first of equals
    if _inflection(key, alias):
        return None, 0.0
    return index.alias[alias], -score


def _inflection(word: str, alias: str) -> bool:
    """'trust' is not 'Truss', 'wallaces' is no misspelling: an edit at the very end of a short English
    word ('Shoigo', no English word, is Shoigu misspelt)."""
    return word.startswith(alias) or alias.startswith(word) or (
        len(word) == len(alias) and len(word) <= 6 and word[:-1] == alias[:-1] and is_english_word(word))


def _choose(index: _Index, tokens: list[tuple[str, str]], found: list[tuple[int, float, int, int]]
            ) -> list[Recognised]:
    """Longest, best matches first; words already used by a match cannot name another one."""
    used: set[int] = set()
    chosen: dict[int, Recognised] = {}
    order: dict[int, int] = {}
    for width, score, start, pid in sorted(found, key=lambda f: (-f[0], -f[1], f[2])):
        span = set(range(start, start + width))
        if span & used or pid in chosen:
            continue
        used |= span
        name, kind = index.people[pid]
        matched = " ".join(raw for raw, _ in tokens[start:start + width])
        chosen[pid] = Recognised(pid, name, kind, matched, score)
        order[pid] = start
    return sorted(chosen.values(), key=lambda r: (-r.score, order[r.id]))
