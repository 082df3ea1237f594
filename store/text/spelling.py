"""Spelling: folding case and accents, and British/American variants of a word (defence/defense)."""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

from clipdesk.store.text.lexicon import words

# Stems whose British spelling ends -our where American ends -or (colour/color, favourable/favorable).
_OUR = words(
    "arbour ardour armour behaviour candour clamour colour demeanour endeavour favour fervour flavour "
    "glamour harbour honour humour labour neighbour odour parlour rancour rigour rumour saviour savour "
    "splendour succour tumour valour vapour vigour")
# Stems whose British spelling ends -re where American ends -er (centre/center, theatres/theaters).
_RE = words(
    "calibre centre fibre litre lustre manoeuvre meagre metre sabre sceptre sombre spectre theatre")
# Verbs that double a final l before -ed/-ing/-er in British spelling only (travelled/traveled).
_LL = words(
    "barrel bevel cancel channel counsel cudgel dial duel enamel equal fuel funnel grovel jewel kennel "
    "label level libel marvel model panel pedal quarrel revel rival shovel signal snorkel total towel "
    "travel tunnel unravel yodel")
# Words that simply differ (British first); inflections ending in -s/-es/-d/-ed/-ing follow them.
_PAIRS = {
    "defence": "defense", "offence": "offense", "pretence": "pretense", "licence": "license",
    "programme": "program", "catalogue": "catalog", "dialogue": "dialog", "analogue": "analog",
    "grey": "gray", "aluminium": "aluminum", "plough": "plow", "sceptic": "skeptic",
    "sceptical": "skeptical", "mould": "mold", "smoulder": "smolder", "judgement": "judgment",
    "ageing": "aging", "pyjamas": "pajamas", "moustache": "mustache", "enquiry": "inquiry",
    "enquiries": "inquiries", "artefact": "artifact", "sulphur": "sulfur", "manoeuvre": "maneuver",
    "paediatric": "pediatric", "anaesthetic": "anesthetic", "haemorrhage": "hemorrhage",
    "oestrogen": "estrogen", "foetus": "fetus", "encyclopaedia": "encyclopedia",
    "enrol": "enroll", "fulfil": "fulfill", "instil": "instill", "skilful": "skillful", "wilful": "willful",
    "jewellery": "jewelry", "marvellous": "marvelous",
    "practise": "practice", "gaol": "jail", "cosy": "cozy",
}
_INFLECTIONS = ("", "s", "es", "d", "ed", "ing", "r", "rs", "ment", "ments")
# Words written with -ise (or -ize) on both sides of the Atlantic: never switched.
_ISE_FIXED = words(
    "advise advertise apprise arise chastise circumcise comprise compromise concise demise despise devise "
    "disguise enterprise excise exercise expertise franchise improvise incise merchandise paradise porpoise "
    "precise premise promise raise praise reprise revise rise sunrise supervise surmise surprise televise "
    "tortoise treatise otherwise likewise clockwise noise poise cruise bruise guise anise valise braise "
    "mortise size seize prize capsize baize maize downsize resize oversize outsize assize")
_ISE = re.compile(r"^(\w*[^aeiouy\W])([iy])([sz])(e|es|ed|ing|er|ers|ation|ations|ational|able)$")


def fold(text: str) -> str:
    """Lower case in plain Latin letters: 'Zelenskyy’s' -> "zelenskyy's", 'Bodø' -> 'bodo'.

    The one fold for comparing names, places and topic words everywhere (unidecode transliterates).
    """
    return unidecode(text).lower()


def variants(word: str) -> set[str]:
    """The word (lower-cased) and its British/American spellings: 'defence' -> {defence, defense}."""
    return set(_variants(fold(word.strip())))


@lru_cache(maxsize=1 << 14)
def _variants(word: str) -> frozenset[str]:
    found = {word}
    if len(word) < 4:
        return frozenset(found)
    found |= _pair_variants(word)
    found |= _our_variants(word)
    found |= _re_variants(word)
    found |= _ll_variants(word)
    found |= _ise_variants(word)
    if word.endswith(("lyse", "lysed", "lyses", "lysing")):
        found.add(word.replace("lys", "lyz"))
    elif word.endswith(("lyze", "lyzed", "lyzes", "lyzing")):
        found.add(word.replace("lyz", "lys"))
    return frozenset(found)


def _pair_variants(word: str) -> set[str]:
    found = set()
    for british, american in _PAIRS.items():
        for a, b in ((british, american), (american, british)):
            if word.startswith(a) and word[len(a):] in _INFLECTIONS:
                rest = word[len(a):]
                # programme+s -> programs; defence+s -> defenses: inflect each side by its own ending
                found.add(_inflect(b, rest))
    return found


def _inflect(base: str, rest: str) -> str:
    if rest in ("d", "r", "rs") and not base.endswith("e"):
        rest = "e" + rest
    if rest in ("ed", "es", "ing") and base.endswith("e"):
        base = base[:-1]
    return base + rest


def _our_variants(word: str) -> set[str]:
    for stem in _OUR:
        british, american = stem, stem[:-3] + "or"
        if british in word:
            return {word.replace(british, american)}
        if american in word:
            return {word.replace(american, british)}
    return set()


_RE_ENDINGS = {"re": "er", "res": "ers", "red": "ered", "ring": "ering"}


def _re_variants(word: str) -> set[str]:
    for stem in _RE:
        root = stem[:-2]
        for british, american in _RE_ENDINGS.items():
            if word.endswith(root + british):
                return {word[: -len(british)] + american}
            if word.endswith(root + american):
                return {word[: -len(american)] + british}
    return set()


def _ll_variants(word: str) -> set[str]:
    found = set()
    for stem in _LL:
        if not word.startswith(stem):
            continue
        rest = word[len(stem):]
        if rest.startswith("l") and rest[1:] in ("ed", "ing", "er", "ers", "or", "ors", "ation"):
            found.add(stem + rest[1:])
        elif rest in ("ed", "ing", "er", "ers", "or", "ors"):
            found.add(stem + "l" + rest)
    return found


def _ise_variants(word: str) -> set[str]:
    match = _ISE.match(word)
    if not match:
        return set()
    stem, vowel, s, ending = match.groups()
    if len(stem) < 3 or stem.endswith("w"):
        return set()
    base = stem + vowel + s + "e"
    if base in _ISE_FIXED or base.replace("z", "s") in _ISE_FIXED or base.endswith(
            ("wise", "vise", "cise", "guise", "prise", "mise", "size", "vize", "cize")):
        return set()
    if vowel == "y":
        return set()
    return {stem + vowel + ("z" if s == "s" else "s") + ending}
