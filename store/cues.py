"""The cue-verb lexicon: verbs of saying that attribute a quotation, in every inflection."""

from __future__ import annotations

import re

# base form -> irregular past (None: regular -ed). Present forms only for verbs that are rarely nouns.
_PRESENT_TOO: dict[str, str | None] = {
    "say": "said", "tell": "told", "write": "wrote", "add": None, "warn": None, "explain": None,
    "insist": None, "stress": None, "argue": None, "urge": None, "admit": "admitted",
    "acknowledge": None, "concede": None, "predict": None, "suggest": None, "reveal": None,
    "reiterate": None, "maintain": None, "deny": "denied", "recall": None, "emphasise": None,
    "emphasize": None, "underline": None, "declare": None, "announce": None, "assert": None,
    "allege": None, "complain": None, "describe": None, "castigate": None, "accuse": None,
    "criticise": None, "criticize": None, "condemn": None, "dismiss": None, "reject": None,
    "observe": None, "conclude": None, "confirm": None, "continue": None, "ask": None,
}
_PAST_ONLY: dict[str, str | None] = {
    "note": None, "reply": "replied", "remark": None, "caution": None, "vow": None, "promise": None,
    "comment": None, "quip": "quipped", "respond": None, "counter": None, "state": None,
    "claim": None, "protest": None, "recount": None, "pledge": None, "tweet": None, "post": None,
    "point": None, "call": None, "dub": "dubbed", "brand": None, "label": "labelled", "term": None,
    "demand": None, "praise": None, "cite": None, "welcome": None, "hail": None, "blast": None,
    "report": None, "quote": None,
}


def _forms(base: str, past: str | None, present: bool) -> set[str]:
    consonant_y = base.endswith("y") and base[-2] not in "aeiou"
    regular = base[:-1] + "ied" if consonant_y else (base + "d" if base.endswith("e") else base + "ed")
    past = past or regular
    doubled = past == base + base[-1] + "ed"
    gerund = (base[:-1] if base.endswith("e") else base) + (base[-1] if doubled else "") + "ing"
    forms = {past, gerund}
    if present:
        third = base[:-1] + "ies" if consonant_y else (
            base + "es" if base.endswith(("s", "sh", "ch", "x")) else base + "s")
        forms |= {base, third}
    return forms


CUE_WORDS: frozenset[str] = frozenset(
    {w for base, past in _PRESENT_TOO.items() for w in _forms(base, past, True)}
    | {w for base, past in _PAST_ONLY.items() for w in _forms(base, past, False)}
)
CUE_RE = re.compile(r"\b(?:" + "|".join(sorted(CUE_WORDS, key=len, reverse=True)) + r")\b")


def is_cue(word: str) -> bool:
    """True when `word` (lower case) is an inflection of a verb of saying."""
    return word in CUE_WORDS


def is_participle(word: str) -> bool:
    """True for a cue in -ing form ("saying", "adding"), whose subject is the clause's subject."""
    return word.endswith("ing") and word in CUE_WORDS
