"""Speaker resolution: people, roles, pronouns and institutions mentioned as an article goes along."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from clipdesk.store.text.lexicon import (
    BODY_WORDS,
    COMMON,
    COMMON_BODIES,
    CUE_RE,
    CUE_WORDS,
    DETERMINERS,
    FEMALE_NAMES,
    GENERIC_HEADS,
    GROUP_NOUNS,
    HONORIFICS,
    INDEFINITE,
    IRREGULAR_FINITE,
    MALE_NAMES,
    MINISTERIAL,
    MONTH_SURNAMES,
    NATIONALITY_ADJECTIVES,
    NATIONS,
    NON_VERBS,
    OFFICE_DOMAINS,
    OFFICES_GENERAL,
    PAGEANT_WORDS,
    PARTICLES,
    PLACE_HEADS,
    PLACE_WORDS,
    PLURAL_HEADS,
    POST_NOMINALS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SEATS_OF_POWER,
    SETTLEMENT_HEADS,
    SPOKESPEOPLE,
    SUBORDINATES,
    UNNAMED_SUBJECTS,
    first_name_gender,
    is_english_word,
    office_rank,
)
from clipdesk.store.text.places import is_country

WORD_MEMO = 1 << 13  # words whose class is remembered (a worker keeps two such memos: about 2 MB each)
WORD_RE = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[-'’]\w+)*")
TOKEN_RE = re.compile(r"\w[\w'’-]*")  # faster than WORD_RE; "U.S." comes out as "U", "S"
AFTER_SUBJECT_RE = re.compile(
    r",?(?:\s+(?:of|from|at)\s+(?:the\s+)?(?:[a-z0-9-]+\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?"
    r"(?:\s+(?:also|has|had|have|was|were|is|will|would|later|then|again|further|previously|once|"
    r"never|not|on\s+[A-Z]\w+day|\w+ly|,?\s*(?:on|for)\s+(?:his|her|its|their)\s+part,?))*\s+([a-z]\w*)"
)
HYPHENATED_NAME_RE = re.compile(r"(?:al|el|ad|ar|as|an|abu|bin|ibn)-[A-Z]")
RANK_RE = re.compile(r"\b(?:vice|deputy|under)[\s-]", re.I)
LOWER_NEXT_RE = re.compile(r" [a-z]")
# A lone name that its own clause calls 'its' is a body: 'Boeing had improved its offer'.
ITS_AFTER_RE = re.compile(r"\s+(?:has|had|have|also|then)?\s*[a-z]+(?:\s+[a-z]+){0,5}?\s+its\b")
DOTTED_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}")  # 'U.S.', 'U.K.'
AGE_RE = re.compile(r"\d{1,3}-year-old")
DATELINE_RE = re.compile(
    r"[A-Z][A-Z .'-]+\b(?:,[^()\n]{0,30})?\s*(?:\([^)]{1,30}\)|/[^/]{1,12}/\.?)?\s*[-—–]+\s")
STARTS = frozenset({"hon", "det", "head", "nat", "org", "mod", "group", "cap", "pron"})
STRONG = frozenset({"hon", "head", "nat", "org", "group", "cap"})
USEFUL = frozenset({"hon", "det", "head", "nat", "org", "mod", "group", "cap"})
ASIDE_RE = re.compile(r",\s+((?:[^,.;:“”\"«»]|\.(?!\s)){1,120})(?=,)")
_MISSPELT_MIN = 5  # a surname shorter than this is not matched to another one it is close to
_PRONOUN_REACH = 3  # people named most recently that a he/she with no salient antecedent may refer to
# A bracketed note after a name: party and state '(D-Conn.)', a club '(Rovers)', an age '(63)'.
# A lone surname as the subject of a speech verb or of a past tense: 'Koen said', 'Noves, 61, joked',
# 'said Koen', 'Koen was asked'.
SPEAKS_AFTER_RE = re.compile(rf"(?:,[^,.;:]{{1,40}},)?\s+(?:\w+ly\s+)?(?:{CUE_RE.pattern}|[a-z]{{3,}}ed\b"
                             r"|was\s+(?:asked|pressed|questioned)\b)")
SPEAKS_NEXT_RE = re.compile(rf"(?:\s+(?:of|for|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?"
                            rf"\s+(?P<cue>{CUE_RE.pattern})")
# the agent of a passive, who did what the sentence tells: 'The petition was presented by X'
AGENT_BEFORE_RE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en|wn)\s+"
                             r"(?:(?:in|over|up|out)\s+)?by\s+$")
JOINED_AFTER_RE = re.compile(r",?\s+(?:and|&)\s")
EXPLETIVE_IT_RE = re.compile(r"\s+(?:is|was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?"
                             r"(?:expected|understood|believed|thought|reported|said|likely|unclear|clear|"
                             r"possible|feared|hoped|known)\s+(?:that|to)\b")
SAID_BEFORE_RE = re.compile(rf"\b(?:{CUE_RE.pattern})\s+$")
# the cue, then lower-case words of the role that the name's mention does not take in
SAID_DESCRIBED_RE = re.compile(rf",\s+(?:{CUE_RE.pattern})\s+(?:the\s+)?"
                               r"(?:(?!(?:that|to|of|with|by|for|and)\s)[a-z]+\s+){1,3}$")
NAMED_OWNER_RE = re.compile(r"\b[A-Z][\w-]*['’]s\s")  # 'Ann Lee's spokesperson': the role is hers to give
OCCUPATION_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "eer")
PARTICLE_BEFORE_RE = re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(PARTICLES))})\s$")
# A name after one of these is a place, a topic or an object, not a subject: 'made in Helmand saying',
# 'On Petrak, he added'.
LOCATIVE_BEFORE_RE = re.compile(  # 'in Kyiv', 'at 4114 Robinwood Drive'
    r"(?i)\b(?:in|at|from|near|into|across|inside|outside|around|to|on|about|of|for|with|over|against)\s"
    r"(?:\d{1,5}[a-z]?\s)?$")
LOCATIVE_REACH = 15  # characters before a mention searched for LOCATIVE_BEFORE_RE
# A name set between commas after the role of someone met or received: 'received letters from the
# Ambassador of Chile, Ana Ruiz, at the palace'.
ROLE_APPOSED_RE = re.compile(r"\b(?:from|to|with|by|received|met|meeting|thanked|welcomed)\s+"
                             r"(?:the\s+|his\s+|her\s+|their\s+)?(?:[\w'’-]+\s+){0,3}?(?i:"
                             + "|".join(sorted(ROLE_HEADS)) + r")\b[^,.;:]{0,60},\s$")
PLACE_APPOSED_RE = re.compile(r"\b(?:in|at|from|near)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}(?i:"
                              + "|".join(sorted(PLACE_HEADS | SETTLEMENT_HEADS)) + r")s?,\s$")
DIRECTION_BEFORE_RE = re.compile(r"\b(?:northern|southern|eastern|western|central)\s$")  # ', northern Gaza,'
# A name after one of these was spoken to or cited, it does not speak: 'X told BBC1's Andrew Marr Show',
# 'Xinhua, citing the ministry, said'. (Right after a quotation, 'asked' is its credit: '“Is it real?” asked
# Pashinyan.')
OBJECT_BEFORE_RE = re.compile(r"\b(?:told|tells|telling|(?<![”\"»] )(?<![”\"»], )asked|asking|informed|urged"
                              r"|thanked|quoting|citing)"
                              r"\s+(?:the\s+)?(?:[A-Z][\w.-]*['’]s\s+)?(?:(?!that\b|and\b|but\b)[a-z]+\s+){0,3}$")
# 'Welcoming Sheikh Tamim, the US leader said': the name is what the opening participle acts on
PARTICIPLE_OPENING_RE = re.compile(r"(?:^|[.!?]\s*)\s*[A-Z][a-z]+ing\s+$")
BRACKET_RE = re.compile(r"\s?\(([^()“”\"]{1,30})\)")


@dataclass
class Entity:
    """Someone (or some body) the article talks about, under the fullest name it gives."""

    name: str
    kind: str = "person"  # "person" | "institution" | "as-written"
    roles: list[str] = field(default_factory=list)
    gender: str | None = None
    seen: int = 0
    acted: int = 0  # when a body was last the subject of a clause
    spoke: int = 0  # ... of a verb of saying

    @property
    def role(self) -> str | None:
        """The first of the roles written next to the name that says most of an office (see office_rank:
        'defence secretary', not 'his British counterpart', which says only how they stand to someone
        else), if any."""
        return max(self.roles, key=office_rank, default=None)


@dataclass
class Mention:
    """Words in a paragraph that refer to a speaker candidate, with what they resolve to."""

    start: int
    end: int
    kind: str  # person | institution | pronoun | role | bare
    text: str
    entity: Entity | None = None
    subject: bool = False
    role: str | None = None
    indefinite: bool = False


@lru_cache(maxsize=WORD_MEMO)
def _key(word: str) -> str:
    return re.sub(r"['’]s$", "", word).lower()


def _nations(text: str) -> set[str]:
    return {NATIONS[_key(w)] for w in WORD_RE.findall(text) if _key(w) in NATIONS}


def _other_office(heads: set[str], entity: Entity) -> bool:
    """True when a role noun names someone who works for another ('the presidential aide') or an
    official, and the person's stated roles are all of other offices (the president's, an MP's)."""
    theirs = {h for role in entity.roles for h in _heads(role) & ROLE_HEADS}
    if theirs and heads & ROLE_HEADS == {"official"} and "official" not in theirs:
        return True  # 'the senior official told ANI' is not the MP or minister named before
    return bool(heads & SUBORDINATES and theirs) and not heads & theirs


def _bodies(text: str) -> set[str]:
    """The capitalised words of a role that are neither a nation nor an office: the team, party or body
    it is held in ('Heart' of 'the Heart coach', 'Victory' of 'Victory assistant coach')."""
    return {_key(w) for w in WORD_RE.findall(text) if w[0].isupper() and _key(w) not in NATIONS
            and _key(w) not in ROLE_HEADS and _key(w) not in OFFICE_DOMAINS and _key(w) not in ROLE_MODIFIERS}


def _rank(text: str) -> bool:
    """True for a deputy's or vice's role."""
    return bool(RANK_RE.search(text))


def is_plural_role(text: str) -> bool:
    """True for a role held by several ('EU leaders', 'NATO defence ministers'): no he or she."""
    return bool(_heads(text) & PLURAL_HEADS)


def _heads(text: str) -> set[str]:
    words = {_key(w).replace("defense", "defence") for w in WORD_RE.findall(text)}
    if "pm" in words:  # 'the PM'
        words |= {"prime", "minister"}
    heads = words & ROLE_HEADS
    if heads & SPOKESPEOPLE or {"press", "secretary"} <= words:  # a press secretary is a spokesperson
        heads |= SPOKESPEOPLE
    elif heads & MINISTERIAL:
        heads |= {"minister"}
    return heads | (words & OFFICE_DOMAINS)


class Discourse:
    """Who has been mentioned so far, for resolving surnames, pronouns, role nouns and 'the ministry'."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.surnames: dict[str, Entity] = {}
        self.first_names: dict[str, Entity] = {}
        # role heads of unnamed sources ("a European diplomat"), and the body a spokesperson spoke for
        self.anonymous: dict[str, Entity | None] = {}
        self.documents: dict[str, Entity] = {}  # who issued the last statement, tweet, readout ...
        self.clock = 0

    def touch(self, entity: Entity) -> Entity:
        """Mark `entity` as the most recently mentioned."""
        self.clock += 1
        entity.seen = self.clock
        return entity

    def person(self, tokens: list[str], name: str, role: str | None, gender: str | None,
               speaking: bool = False) -> Entity | None:
        """The person named `name` (its words `tokens`): a full name, a surname met before in full, or a
        lone surname that is `speaking` ('said Koen')."""
        entity = self.entities.get(name.lower())
        if len(tokens) == 1:
            entity = self.surnames.get(name.lower()) or entity or self.first_names.get(name.lower())
            if entity is None and speaking:
                entity = self._misspelt(name)
            if entity is None and not role and not gender and not speaking:
                return None
        if entity is None:
            entity = Entity(name, "person")
            self.entities[name.lower()] = entity
        if len(tokens) > 1:
            single = self.entities.get(tokens[-1].lower())
            if single and single is not entity and single.kind == "person":
                entity.roles.extend(r for r in single.roles if r not in entity.roles)
                self.entities[tokens[-1].lower()] = entity
            # a namesake named later ('his wife Ada Okafor') leaves the bare surname to the one named first
            self.surnames.setdefault(tokens[-1].lower(), entity)
            self.first_names[tokens[0].lower()] = entity
        if role and role not in entity.roles:
            entity.roles.append(role)
        first = tokens[0].lower()
        entity.gender = entity.gender or gender or (
            "f" if first in FEMALE_NAMES else "m" if first in MALE_NAMES and len(tokens) > 1 else None)
        return self.touch(entity)

    def _misspelt(self, surname: str) -> Entity | None:
        """The person whose surname a speaking surname misspells ('said Hecker' after Dieter Hecking)."""
        low = surname.lower()
        if len(low) < _MISSPELT_MIN:
            return None
        near = [e for key, e in self.surnames.items() if key[:4] == low[:4]
                and Levenshtein.distance(key, low, score_cutoff=3) <= 3]
        return near[0] if len(near) == 1 else None

    def institution(self, text: str) -> Entity | None:
        """The body named by `text`; a bare 'the ministry' is the latest ministry mentioned."""
        words = text.split()
        if len(words) == 1 and words[0].islower() and words[0] not in COMMON_BODIES:
            for entity in self._recent("institution"):
                if words[0] in entity.name.lower():
                    return self.touch(entity)
            return None
        entity = self.entities.setdefault(text.lower(), Entity(text, "institution"))
        return self.touch(entity)

    def group(self, touch: bool = True, noun: str = "") -> Entity | None:
        """The latest body mentioned, for 'the bloc', 'the grouping's ministers', 'it said'; for 'the
        department', the latest whose name holds that noun when one does (the Treasury Department)."""
        recent = self._recent("institution")
        if not recent:
            return None
        chosen = next((e for e in recent if noun and noun in e.name.lower().split()), recent[0])
        return self.touch(chosen) if touch else chosen

    def acting(self) -> Entity | None:
        """The body that last spoke, else the one last the subject of a clause, for 'it said'; None if no
        body has been either (one only mentioned in passing does not speak)."""
        bodies = [e for e in self.entities.values() if e.kind == "institution" and e.acted]
        spoke = [e for e in bodies if e.spoke]
        if spoke:
            return max(spoke, key=lambda e: e.spoke)
        return max(bodies, key=lambda e: e.acted, default=None)

    def pronoun(self, word: str, salient: list[Entity]) -> Entity | None:
        """The most recent salient person a he/she can refer to."""
        gender = {"he": "m", "she": "f"}.get(word.lower())
        recent: list[Entity] = []
        for entity in reversed(salient):  # ('EU leaders' who spoke is no he or she)
            if entity.kind == "person" and entity not in recent and not is_plural_role(entity.name):
                recent.append(entity)
        compatible = [e for e in recent if e.gender in (None, gender)]
        # women are fewer in the news and their names are better known to the lexicon: a "she" goes to a
        # woman among the last two people named rather than to a man whose sex the lexicon cannot tell
        known = [e for e in recent[:2] if e.gender == "f"] if gender == "f" else []
        if known:
            return known[0]
        if not compatible:
            return None
        best = compatible[0]
        if best.gender is None and gender and _guessed(best) not in (None, gender):
            # a first name that is most often the other sex's ('Grace Okafor met Neil Brennan. He said'):
            # another person just named whose first name fits, an object of the sentence too
            other = next((e for e in self._recent("person")[:_PRONOUN_REACH]
                          if e is not best and (e.gender or _guessed(e)) == gender), None)
            return other or best
        return best

    def role_noun(self, text: str, salient: list[Entity]) -> Entity | None:
        """The person whose roles best match a role noun such as 'the UK minister'; none for the role of
        someone else named in it ('Prime Minister Ann Lee's official spokesperson')."""
        if NAMED_OWNER_RE.search(text):
            return None
        nations, heads = _nations(text), _heads(text)
        if heads & PLURAL_HEADS:
            return None
        generic = bool(heads & GENERIC_HEADS)
        best, best_score = None, 1.0
        people = self._recent("person")
        for entity in people:
            roles = " ".join(entity.roles)
            theirs = _nations(roles)
            if nations and not nations & theirs and (theirs or len(people) > 1):
                continue  # 'the Polish minister' is not a minister whose nationality is another or unknown
            if _rank(text) != _rank(roles):
                continue
            bodies, their_bodies = _bodies(text), _bodies(roles)
            if bodies and their_bodies and not bodies & their_bodies:
                continue  # 'the Heart coach' is not 'Victory assistant coach Kevin Muscat'
            their_heads = _heads(roles)
            score = 2.0 * len(nations & theirs) + 2 * len(heads & their_heads)
            if heads & SUBORDINATES and their_heads & SUBORDINATES and not heads & their_heads:
                score += 2  # 'the presidential aide' is the president's spokesman named before
            if generic and entity.roles:
                score += 1
            if score > 1 and entity in salient[-_PRONOUN_REACH:]:
                score += 0.5  # of two presidents, 'the President' is the one the story follows
            if score > best_score:
                best, best_score = entity, score
        definite = text.lower().startswith("the ")
        if best is None and nations and definite:
            # 'the Russian minister' after 'Minister Sergei Shoigu': the one holder of the office whose
            # nationality the article left unstated, when every other holder's is another
            holders = [e for e in people if heads & _heads(" ".join(e.roles))]
            unstated = [e for e in holders if not _nations(" ".join(e.roles))]
            best = unstated[0] if len(unstated) == 1 and len(holders) > 1 else None
        if best is None and definite and heads & self.anonymous.keys():
            return self.anonymous[next(iter(heads & self.anonymous.keys()))]
        if best is None and definite:
            # 'the Polish minister' is the last salient person only if nothing says otherwise: a stated
            # nationality must be theirs, unless they are the only person the article has named
            alone = len(people) == 1
            best = next((e for e in reversed(salient)
                         if not (nations and _nations(" ".join(e.roles)) - nations)
                         and not (e.roles == [e.name] and not heads & _heads(e.name))
                         and (not nations or alone or nations & _nations(" ".join(e.roles)))
                         and not _other_office(heads, e)), None)
        if best is None and heads & SPOKESPEOPLE and not re.search(r"\b[A-Z]", text):
            return self.group(touch=False)
        return self.touch(best) if best else None

    def named_later(self, text: str) -> Entity | None:
        """The one person the whole article names in the office a role phrase that found nobody describes
        ('the Israeli leader told reporters' before 'Israeli Prime Minister Benjamin Netanyahu'): their
        roles hold the phrase's nationality and its head, or any office of that nationality for a 'leader'
        or 'chief'; None when no one or several fit."""
        nations, heads = _nations(text), _heads(text)
        owner = NAMED_OWNER_RE.search(text)  # "Ann Lee's spokesperson" is not Lee; the Kremlin's is a body's
        if not heads or heads & PLURAL_HEADS or owner and _key(owner[0].strip()) not in SEATS_OF_POWER:
            return None
        generic = heads <= GENERIC_HEADS
        # of the phrase's nationality; of none stated, for a body's role ("the Kremlin's spokesman" is the
        # one spokesman named), never for a nationality's ('the Polish minister' is no minister of none)
        fits, unstated = [], []
        for entity in self._recent("person"):
            roles = " ".join(entity.roles)
            their_heads, theirs = _heads(roles), _nations(roles)
            if entity.roles == [entity.name] or not their_heads or _rank(text) != _rank(roles):
                continue
            if nations <= theirs and (heads & their_heads or generic and nations):
                fits.append(entity)
            elif not theirs and heads & their_heads:
                unstated.append(entity)
        chosen = fits or (unstated if owner else [])
        return chosen[0] if len(chosen) == 1 else None

    def holder_of(self, initials: str) -> Entity | None:
        """The person last named whose role the capitals stand for ('EAM' for 'External Affairs Minister')."""
        if not 2 <= len(initials) <= 5 or not initials.isupper():
            return None
        return next((e for e in self._recent("person") if any(
            _initials(role) == initials for role in e.roles)), None)

    def _recent(self, kind: str) -> list[Entity]:
        found = [e for e in self.entities.values() if e.kind == kind and e.seen]
        return sorted(found, key=lambda e: e.seen, reverse=True)


@lru_cache(maxsize=WORD_MEMO)
def _class(word: str) -> str:
    low = _key(word)
    if low in ("he", "she", "it", "they"):
        return "pron"
    if low in DETERMINERS:
        return "det"
    if word in COMMON or low.endswith("ing") and low in CUE_WORDS:  # 'Accusing X of …, Gen Rawat said'
        return "common"
    if word in HONORIFICS:
        return "hon"
    if word in PARTICLES:
        return "particle"
    if HYPHENATED_NAME_RE.match(word):
        return "cap"
    if low in ROLE_HEADS or "-" in low and ROLE_HEADS.intersection(low.split("-")):
        return "head"
    if low in NATIONS or word[0].isupper() and (low in PLACE_WORDS or _country_word(word)):
        return "nat"
    if low in SEATS_OF_POWER or low in COMMON_BODIES or (len(word) > 1 and word.isupper()) \
            or word[0].isupper() and (
            low in BODY_WORDS or any(c.isdigit() for c in word)):
        return "org"
    if low in ROLE_MODIFIERS:
        return "mod"
    if low in GROUP_NOUNS and word[0].islower():
        return "group"
    if word[0].isupper():
        return "cap"
    return "other"


def _initials(role: str) -> str:
    """The capitals a role is shortened to: 'EAM' of 'External Affairs Minister'."""
    return "".join(w[0] for w in WORD_RE.findall(role) if w[0].isupper())


def _country_word(word: str) -> bool:
    """'Chile', 'Peru': a one-word country of the gazetteer that is neither a first name (Georgia, Jordan)
    nor written in capitals (a body's initials)."""
    return not word.isupper() and first_name_gender(word) is None and is_country(word)


def scan(text: str, discourse: Discourse, salient: list[Entity]) -> list[Mention]:
    """Mentions of speaker candidates in `text` (quotations already blanked out), in order."""
    dateline = DATELINE_RE.match(text)
    begin = dateline.end() if dateline else 0
    tokens = list(TOKEN_RE.finditer(text, begin))
    classes = [_class(m[0]) for m in tokens]
    for n in range(1, len(tokens)):
        if tokens[n][0] in MONTH_SURNAMES and classes[n - 1] == "hon" \
                and not (n + 1 < len(tokens) and tokens[n + 1][0][0].isdigit()):
            classes[n] = "cap"  # 'Mrs May said': a surname after a title, not the month
    for n, cls in enumerate(classes):
        if cls == "hon" and (n + 1 == len(classes) or classes[n + 1] not in ("cap", "hon")):
            # a title with no name after it: 'the Captain said' is a role, 'Dame' alone a name
            classes[n] = "head" if _key(tokens[n][0]) in ROLE_HEADS else "cap"
        elif cls == "det" and tokens[n][0] == "A" and n + 1 < len(tokens) and len(tokens[n + 1][0]) == 1 \
                and tokens[n + 1][0].isupper():
            classes[n] = "cap"  # 'A K Antony said': an initial, not an article
        elif cls == "other" and n > 1 and classes[n - 2:n] == ["nat", "mod"] and tokens[n][0] in BODY_WORDS:
            classes[n] = "org"  # 'the Pakistan foreign office said': a body, written in lower case
        elif cls == "org" and n and classes[n - 1] == "cap" and first_name_gender(tokens[n - 1][0]) \
                and tokens[n][0].isalpha() and _key(tokens[n][0]) not in BODY_WORDS:
            classes[n] = "cap"  # 'Fumio KISHIDA': a surname in capitals after a first name
        elif tokens[n][0] in MONTH_SURNAMES and n and classes[n - 1] == "cap" and first_name_gender(
                tokens[n - 1][0]) and not (n + 1 < len(tokens) and tokens[n + 1][0][0].isdigit()):
            classes[n] = "cap"  # 'Theresa May met': a surname, not the month ('in May 2019')
        elif cls == "nat" and tokens[n][0].lower() in PLACE_WORDS and n and classes[n - 1] == "cap" \
                and first_name_gender(tokens[n - 1][0]):
            classes[n] = "cap"  # 'Warren East said': a surname, not a point of the compass
        elif cls == "hon" and tokens[n][0] == "Miss" and n + 1 < len(tokens) and (
                _key(tokens[n + 1][0]) in PAGEANT_WORDS or _key(tokens[n + 1][0]) in NATIONS):
            classes[n] = classes[n + 1] = "other"  # 'a Miss World event': a beauty pageant, not a woman
        elif cls == "hon" and tokens[n][0] == "General" and n and _key(tokens[n - 1][0]) in OFFICES_GENERAL:
            classes[n] = "mod"  # 'Secretary General Mark Rutte': part of the office, not a rank
    for n, dotted in _dotted_nations(text, tokens):
        classes[n:n + dotted] = ["nat"] * dotted  # 'the U.S. giant': a country, not a body
    mentions: list[Mention] = []
    done = 0
    for i in [n for n, cls in enumerate(classes) if cls in STARTS]:
        if i < done:
            continue
        if classes[i] == "pron":
            word = tokens[i][0]
            mention = Mention(tokens[i].start(), tokens[i].end(), "pronoun", word)
            low = word.lower()
            if low in ("he", "she"):
                mention.entity = discourse.pronoun(low, salient)
            elif low == "it" and not EXPLETIVE_IT_RE.match(text, mention.end):
                # 'it said' is a body that was the subject of a clause, not one mentioned; 'it is expected
                # that he will say' is nobody
                speaks = SPEAKS_NEXT_RE.match(text, mention.end)
                mention.entity = discourse.acting() if speaks else discourse.group(touch=False)
            _note(text, mention, mentions, salient)
            continue
        if tokens[i][0] in ("of", "for"):
            continue
        if _age_descriptor(text, tokens, i):
            # 'the 45-year-old added': the person last spoken of, as a he or she would be
            span = tokens[i].start(), tokens[i + 1].end()
            mention = Mention(*span, "role", text[span[0]:span[1]], discourse.pronoun("they", salient))
            _note(text, mention, mentions, salient)
            done = i + 2
            continue
        done = _run_end(text, tokens, classes, i)
        if STRONG.intersection(classes[i:done]):
            for mention in _interpret(text, tokens[i:done], classes[i:done], discourse, salient):
                person = mention.kind == "person"
                near = max(0, mention.start - 8)
                particle = PARTICLE_BEFORE_RE.search(text, near, mention.start) if person else None
                if particle:  # 'bin Farhan told': the particle begins the name
                    mention.start = particle.start()
                _note(text, mention, mentions, salient)
    _merge_appositions(text, mentions)
    return mentions


def _dotted_nations(text: str, tokens: list[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """(first token, token count) of each country written in dotted initials ('U.S.', 'U.K.')."""
    found = [m for m in DOTTED_RE.finditer(text) if m[0].replace(".", "").lower() in NATIONS]
    if found:
        at = {t.start(): n for n, t in enumerate(tokens)}
        for m in found:
            if m.start() in at:
                yield at[m.start()], m[0].count(".")


def _age_descriptor(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """True when tokens[i] is the 'the' of 'the 45-year-old' before a verb."""
    return tokens[i][0] in ("the", "The") and i + 1 < len(tokens) and AGE_RE.fullmatch(tokens[i + 1][0]) \
        is not None and LOWER_NEXT_RE.match(text, tokens[i + 1].end()) is not None


def _note(text: str, mention: Mention, mentions: list[Mention], salient: list[Entity]) -> None:
    """Record a mention; people in subject position (or 'according to X') become salient, unless the
    mention sits in an aside about the person before it ('X, director of Y, said')."""
    mention.subject = _is_subject(text, mention)
    person = next((m for m in reversed(mentions) if m.kind == "person"), None)
    aside = aside_end(text, person.end) if person else None
    mentions.append(mention)
    entity = mention.entity
    if aside is not None and mention.start < aside:
        return
    if entity and entity.kind == "person" and (mention.subject or _after_according(text, mention.start)):
        salient.append(entity)
    elif mention.kind == "role" and mention.subject and SPEAKS_NEXT_RE.match(text, mention.end) \
            and (speaker := role_speaker(mention)):
        salient.append(speaker)
    elif entity and entity.kind == "institution" and mention.subject:
        entity.acted = entity.seen
        if SPEAKS_NEXT_RE.match(text, mention.end):
            entity.spoke = entity.seen


def _run_end(text: str, tokens: list[re.Match[str]], classes: list[str], i: int) -> int:
    """End (exclusive) of the run of name/role/institution words starting at token i."""
    j = i + 1
    while j < len(tokens):
        cls = classes[j]
        if tokens[j][0] == "and" and _domain_goes_on(tokens, classes, i, j):
            j += 1  # 'Minister of Mines and Steel Development': the office's domain goes on
            continue
        joins_names = classes[j - 1] in ("cap", "particle") and j + 1 < len(tokens) \
            and classes[j + 1] in ("cap", "particle")
        if cls == "particle" and not joins_names:
            break
        inner_the = tokens[j - 1][0] == "of" and j + 1 < len(tokens) and classes[j + 1] in ("mod", "head")
        if cls not in USEFUL and cls != "particle" or cls == "det" and not inner_the:
            break
        gap_start, gap_end = tokens[j - 1].end(), tokens[j].start()
        spaced = gap_end - gap_start == 1 and text[gap_start] == " "
        initial = classes[j - 1] == "hon" or len(tokens[j - 1][0]) == 1 and tokens[j - 1][0].isupper()
        if not spaced and not (initial and text[gap_start:gap_end] in (". ", ".")):
            break
        if tokens[j][0] in ("of", "for") and classes[j - 1] not in ("head", "org", "mod"):
            break
        if classes[j - 1] == "org" and tokens[j - 1][0].isupper() and cls == "cap" and j + 1 < len(tokens) \
                and classes[j + 1] == "cap" and first_name_gender(tokens[j][0]):
            break  # 'Ambassador to the UN Marta Kovac said': a person's name after a body's initials
        j += 1
    while j > i and tokens[j - 1][0] in ("of", "for"):
        j -= 1
    return j


def _domain_goes_on(tokens: list[re.Match[str]], classes: list[str], i: int, j: int) -> bool:
    """True when the 'and' at token j joins two parts of an office's domain ('Minister of Mines and Steel
    Development'), not two people ('Secretary of State Rex Tillerson and Chinese Foreign Minister ...')."""
    if j + 1 >= len(tokens) or not tokens[j + 1][0][0].isupper() or not tokens[j - 1][0][0].isupper() \
            or classes[j + 1] not in USEFUL or classes[j + 1] == "nat":
        return False
    of = next((n for n in range(j - 1, i, -1) if tokens[n][0] in ("of", "for") and classes[n - 1] == "head"),
              None)
    return of is not None and not any(first_name_gender(tokens[n][0]) for n in range(of + 1, j))


def _interpret(text: str, run: list[re.Match[str]], classes: list[str],
               discourse: Discourse, salient: list[Entity]) -> list[Mention]:
    """The mentions in one run of name, title and institution words."""
    if len(run) == 1 and classes[0] == "cap":
        return [_single_name(text, run[0], discourse)]
    named = len(run)
    while named > 1 and run[named - 1][0] in POST_NOMINALS and classes[named - 2] == "cap":
        named -= 1
    if named < len(run):  # 'Jane Doe MP said': the name, its letters a role
        found = _interpret(text, run[:named], classes[:named], discourse, salient)
        for mention in found:
            if mention.end == run[named - 1].end():
                mention.end = run[-1].end()
                if mention.kind == "person" and mention.entity:
                    _add_role(mention.entity, text[run[named].start():run[-1].end()])
        return found
    nationality = _nationality_noun(text, run)
    if nationality:
        # 'the Englishman continued', 'the Spaniard said': the person last spoken of, not a name
        entity = discourse.pronoun(nationality, salient)
        return [Mention(run[0].start(), run[-1].end(), "role", text[run[0].start():run[-1].end()], entity)]
    start = 1 if classes[0] == "det" else 0
    k = len(run)
    while k > start and classes[k - 1] in ("cap", "particle"):
        k -= 1
    owner = max((n for n in range(k, len(run) - 1) if run[n][0].endswith(("’s", "'s"))), default=None)
    if owner is not None:
        k = owner + 1
    after_of = run[k - 1][0] if k > start else text[max(0, run[0].start() - 4):run[0].start()].strip()
    seat = _first_name_at(run[k:]) if len(run) - k >= 3 and after_of in ("for", "of") else 0
    k += seat  # 'Member for Durack Melissa Price': the seat, then the name
    last_head = max((n for n in range(start, len(run)) if classes[n] == "head"), default=None)
    domain = run[last_head + 1:] if last_head is not None else []
    if domain and domain[0][0] in ("for", "of") and len(domain) > 1 and all(
            t[0][0].isupper() or t[0] in ("and", "of", "for", "the") for t in domain[1:]) \
            and not any(first_name_gender(t[0]) is not None for t in domain[2:-1]) and (
            k == len(run) or len(run) - k == 1 and first_name_gender(run[k][0]) is None):
        # 'the Minister of Mines and Steel Development': the office's domain, not a person named Mines
        begin, end = run[0].start(), run[-1].end()
        phrase = text[run[start].start():end]
        entity = None if text.startswith(", ", end) else discourse.role_noun(text[begin:end], salient)
        return [Mention(begin, end, "role", phrase, entity, role=phrase)]
    if len(run) - k >= 3 and "nat" in classes[start:k] and "head" not in classes[start:k] \
            and first_name_gender(run[k][0]) is None:
        k += 1  # "Irish Taoiseach Micheal Martin": an unknown title between nationality and name
    name = run[k:]
    prefix = run[start:k]
    prefix_classes = classes[start:k]
    prefix_words = [t[0] for t in prefix]
    gender = next((HONORIFICS[w] for w in prefix_words if w in HONORIFICS), None)
    role_tokens = [t for t, c in zip(prefix, prefix_classes, strict=True) if c != "hon"]
    has_head = "head" in prefix_classes or bool(prefix) and prefix_classes[-1] == "cap"
    role = text[role_tokens[0].start():role_tokens[-1].end()] if has_head and role_tokens else None
    begin, end = run[0].start(), run[-1].end()
    complement = _complement(prefix)
    if name and classes[0] == "det" and not has_head and _key(name[-1][0]) in PLACE_HEADS:
        return []  # 'the Teesta River', 'the Gaza Strip': a place, not a body
    # 'the Indian Ministry of External Affairs Randhir Jaiswal': a body, then a person's name
    personal = bool(seat) or "org" in prefix_classes and not {"hon", "head"} & set(prefix_classes) \
        and 2 <= len(name) <= 3 and (first_name_gender(name[0][0]) is not None
                                     or not any(is_english_word(_key(t[0])) for t in name))
    if name and not personal and (
            complement or classes[0] == "det" and not has_head and "hon" not in prefix_classes):
        whole = text[run[start].start():end]
        kind = "role" if has_head else "institution"
        entity = None if has_head else discourse.institution(whole)
        return [Mention(begin, end, kind, whole, entity, role=whole if has_head else None)]
    if name and "org" in prefix_classes and "of" in prefix_words and first_name_gender(name[0][0]) is None \
            and all(is_english_word(_key(t[0])) for t in name):
        # 'the Office of Foreign Assets Control': the words of a body's name, not a person's
        whole = text[run[start].start():end]
        if has_head:  # 'director of the Office of Foreign Assets Control': someone's role
            return [Mention(begin, end, "role", whole, role=whole)]
        return [Mention(begin, end, "institution", whole, discourse.institution(whole))]
    if name and len(name) >= 3 and _occupation(name[0][0]) and first_name_gender(name[1][0]):
        role, name = role or name[0][0], name[1:]  # 'Percussionist Renzo Spiteri': the occupation, the name
    if name:
        tokens = [re.sub(r"['’]s$", "", t[0]) for t in name]
        if not (len(tokens) == 2 and first_name_gender(tokens[0])):  # 'Theresa May' keeps her surname
            tokens = [t for t in tokens if t not in COMMON] or tokens
        written = re.sub(r"['’]s$", "", text[name[0].start():end])
        if sum(_key(t[0]) not in PARTICLES for t in name) > 4:
            return []  # a run of capitals, not a name; 'Mohammed bin Abdulrahman bin Jassim Al Thani' is one
        entity = discourse.person(tokens, written, role, gender)
        if entity is not None:
            return [Mention(run[start].start(), end, "person", written, entity, role=role)]
        if prefix and set(prefix_classes) & {"org", "nat"}:
            return _interpret(text, run[:k], classes[:k], discourse, salient)
        return [Mention(run[start].start(), end, "bare", re.sub(r"['’]s$", "", text[run[start].start():end]))]
    if not prefix:
        return []
    phrase = text[prefix[0].start():end]
    last_head = max((n for n, c in enumerate(classes) if c == "head"), default=-1)
    if "group" in classes and has_head:
        entity = discourse.group()
        tail = " ".join(t[0] for t in run[classes.index("group") + 1:])
        return [Mention(begin, end, "role", phrase, entity, role=tail)]
    if has_head and last_head == len(run) - 1:
        indefinite = run[0][0].lower() in INDEFINITE
        # 'a Ministry of Defence spokesman' is someone unnamed, never the defence secretary named before
        entity = None if indefinite else discourse.role_noun(text[begin:end], salient)
        if indefinite:
            heads = _heads(phrase) & ROLE_HEADS
            qualified = heads & SPOKESPEOPLE and re.search(r"\b[A-Z]", phrase)
            source = Entity(phrase, "as-written") if qualified else None
            discourse.anonymous.update(dict.fromkeys(heads, source))
        return [Mention(begin, end, "role", phrase, entity, role=phrase, indefinite=indefinite)]
    if classes[-1] == "group" and classes[0] == "det":
        return [Mention(begin, end, "institution", phrase, discourse.group(noun=run[-1][0].lower()))]
    if classes[-1] == "mod" and run[-1][0][0].isupper() and any(  # 'the Joint Chiefs of Staff said'
            c == "head" and t[0][0].isupper() and _key(t[0]) in PLURAL_HEADS
            for t, c in zip(run, classes, strict=True)):
        return [Mention(begin, end, "institution", phrase, discourse.institution(phrase))]
    holder = discourse.holder_of(run[-1][0]) if len(run) == 2 and classes == ["det", "org"] else None
    if holder is not None:  # 'the EAM said' after 'External Affairs Minister S Jaishankar'
        return [Mention(begin, end, "role", phrase, discourse.touch(holder), role=phrase)]
    if "org" in prefix_classes and re.search(r"\bsources?$", phrase):
        return [Mention(begin, end, "role", phrase, role=phrase)]  # 'the EC source': someone unnamed in it
    if "org" in prefix_classes:
        name_text = re.sub(r"\s+(?:statement|spokesman|spokeswoman|spokesperson)s?$", "", phrase)
        if name_text.islower() and " " in name_text:
            entity = discourse.institution(name_text.split()[-1]) or discourse.institution(name_text)
        else:
            entity = discourse.institution(name_text)
        return [Mention(begin, end, "institution", name_text, entity)]
    if set(prefix_classes) <= {"nat", "mod"} and any(w[0].isupper() for w in prefix_words):
        if _key(prefix_words[-1]) in NATIONALITY_ADJECTIVES and LOWER_NEXT_RE.match(text, end):
            return []
        return [Mention(begin, end, "bare", phrase)]
    return []


def _occupation(word: str) -> bool:
    """'Drummer', 'Percussionist', 'Historian': an English noun for someone's work, no first name."""
    return word.endswith(OCCUPATION_ENDINGS) and first_name_gender(word) is None \
        and is_english_word(_key(word))


def _nationality_noun(text: str, run: list[re.Match[str]]) -> str | None:
    """The pronoun a 'the' and a nationality noun before a verb stand for ('the Englishman said' is a he,
    'the German added' a he or she); None for any other run. A capital 'The German' may be a title."""
    if len(run) != 2 or run[0][0] not in ("the", "The") or not LOWER_NEXT_RE.match(text, run[1].end()):
        return None
    low = _key(run[1][0])
    for suffix, pronoun in (("woman", "she"), ("man", "he")):
        if low.endswith(suffix) and low.removesuffix(suffix) in NATIONALITY_ADJECTIVES:
            return pronoun
    return "they" if run[0][0] == "the" and low in NATIONALITY_ADJECTIVES else None


def _first_name_at(name: list[re.Match[str]]) -> int:
    """Where a person's name begins in capitalised words after 'of'/'for': at the first known first
    name after a word that is none ('Durack Melissa Price'), else at the start."""
    if first_name_gender(name[0][0]) is not None:
        return 0
    return next((n for n in range(1, len(name) - 1) if first_name_gender(name[n][0]) is not None), 0)


def _single_name(text: str, token: re.Match[str], discourse: Discourse) -> Mention:
    """A lone capitalised word: a surname met before in full, or a name or place taken as written."""
    word = token[0]
    if word.endswith(("’s", "'s")):
        word = word[:-2]
    said_after = bool(SPEAKS_AFTER_RE.match(text, token.end()))
    speaking = said_after or bool(SAID_BEFORE_RE.search(text, max(0, token.start() - 20), token.start()))
    # ', Tripe said.' is a surname; 'Sirens sounded' opening a sentence, 'suggested Argentine kin' are not
    credited = said_after and text[:token.start()].rstrip().endswith(",") and len(word) > 3
    if speaking and not credited and any(
            is_english_word(w) for w in (word, word.removesuffix("s"), _es_plural_of(word))):
        speaking = False
    entity = discourse.person([word], word, None, None, speaking)
    lone = entity is None or " " not in entity.name and not entity.roles  # never named in full
    if lone and ITS_AFTER_RE.match(text, token.end()) and first_name_gender(word) is None \
            and _key(word) not in NATIONS:
        if entity is not None:
            entity.kind = "institution"  # 'Boeing’s offer' read as a surname's until now
        return Mention(token.start(), token.end(), "institution", word, discourse.institution(word))
    return Mention(token.start(), token.end(), "person" if entity else "bare", word, entity)


def _es_plural_of(word: str) -> str:
    """The noun a plural in -es is of ('Witnesses' -> 'Witness'); '' for a word that is none ('Moyes')."""
    stem = word.removesuffix("es")
    return stem if stem != word and stem.endswith(("s", "x", "z", "ch", "sh")) else ""


def _complement(prefix: list[re.Match[str]]) -> bool:
    """'a spokesperson for General Dynamics': the capitalised words after 'for' name a body."""
    for n in range(len(prefix) - 1, 0, -1):
        if prefix[n][0] in ("of", "for"):
            return prefix[n - 1][0].islower() and all(t[0][0].isupper() for t in prefix[n + 1:])
    return False


def _guessed(entity: Entity) -> str | None:
    """The sex gender-guesser's list gives the first word of a full name, if any."""
    words = entity.name.split()
    return first_name_gender(words[0]) if len(words) > 1 else None


def aside_end(text: str, pos: int) -> int | None:
    """Where an aside after a name ends (at its closing comma): ', R-Miss., who chairs the panel,'."""
    end = None
    for _ in range(3):
        bracket = BRACKET_RE.match(text, pos)
        if bracket:  # the aside is the bracket: its end is where the cue or a comma may follow
            end = pos = bracket.end() - 1
            if not ASIDE_RE.match(text, pos + 1):
                break
            pos += 1
            continue
        match = ASIDE_RE.match(text, pos)
        if not match or CUE_RE.search(match.group(1)):
            break
        end = pos = match.end()
    return end


def _merge_appositions(text: str, mentions: list[Mention]) -> None:
    """'His British counterpart, Ben Wallace,' and 'Ben Wallace, the defence secretary, said' give roles;
    names inside such an aside ('Jane Cooper, deputy chief of RenewableUK, said') are not speakers."""
    n = 0
    while n < len(mentions):
        first = mentions[n]
        second = mentions[n + 1] if n + 1 < len(mentions) else None
        if second and first.kind == "role" and second.kind == "person" and second.entity \
                and text[first.end:second.start] == ", " and not _heads(first.text) & PLURAL_HEADS:
            # 'his counterpart, Ben Wallace'; not 'a meeting of foreign ministers, Wang said'
            _add_role(second.entity, first.text)
            second.start = first.start
            mentions.pop(n)
            continue
        unclosed = SPEAKS_NEXT_RE.match(text, second.end) if second and second.kind == "role" \
            and not second.indefinite else None  # '… talks with Ann Lee, a spokesman said': a new clause
        if second and unclosed and first.kind == "person" and first.entity \
                and text[first.end:second.start] == ", " \
                and not PARTICIPLE_OPENING_RE.search(text, 0, first.start):
            # 'Ann Lee, spokesperson of the ministry tweeted': the closing comma of the aside left out
            first.end = unclosed.start("cue")
            _add_role(first.entity, text[second.start:first.end].strip())
            mentions[n + 1:] = [m for m in mentions[n + 1:] if m.start >= first.end]
            continue
        entity = first.entity if first.kind == "person" else None
        end = aside_end(text, first.end) if entity is not None else None
        if entity is not None and end is not None:
            for part in text[first.end:end].split(","):
                if ROLE_HEADS & {_key(w) for w in WORD_RE.findall(part)}:
                    _add_role(entity, part)
                    break
            mentions[n + 1:] = [m for m in mentions[n + 1:] if m.start >= end]
        n += 1


def _add_role(entity: Entity, role: str) -> None:
    role = re.sub(r"^(?:the|a|an|his|her|its|their)\s+", "", role.strip(), flags=re.I)
    if role not in entity.roles:
        entity.roles.append(role)


def _is_subject(text: str, mention: Mention) -> bool:
    placed = LOCATIVE_BEFORE_RE.search(text, max(0, mention.start - LOCATIVE_REACH), mention.start) \
        or apposed(text, mention) \
        or OBJECT_BEFORE_RE.search(text, max(0, mention.start - 40), mention.start)
    if text[mention.end - 2:mention.end] in ("’s", "'s") or placed:
        return False
    if SAID_BEFORE_RE.search(text, max(0, mention.start - 20), mention.start) or (
            mention.kind == "person" and mention.role and SAID_DESCRIBED_RE.search(
                text, max(0, mention.start - 60), mention.start)):
        return True  # '…, said Defence Minister X.', '…, said department assistant director X.
    if AGENT_BEFORE_RE.search(text, max(0, mention.start - 40), mention.start):
        return not JOINED_AFTER_RE.match(text, mention.end)  # 'led by X and Y': a pair is no one's he or she
    match = AFTER_SUBJECT_RE.match(text, mention.end)
    if match and match.group(1) in UNNAMED_SUBJECTS and match.start(1) == mention.end + 1:
        return False  # '500 Headcorn villagers signed': the name says which villagers, who are unnamed
    if match and match.group(1) not in NON_VERBS:  # 'Maha Shivratri festival', not 'Ann Lee was modest'
        return not (match.start(1) == mention.end + 1 and _unknown_name_before_noun(mention, match.group(1)))
    end = aside_end(text, mention.end)
    if end is not None and text[end:end + 1] == ")":
        end += 1  # 'Ruth Calder (D-Ore.) spoke'
    after_aside = AFTER_SUBJECT_RE.match(text, end) if end is not None else None
    return after_aside is not None and after_aside.group(1) not in NON_VERBS


def _unknown_name_before_noun(mention: Mention, word: str) -> bool:
    """True for capitalised words that no title, role or stated sex marks as a person's, before a common
    noun rather than a verb: 'Maha Shivratri festival' names a festival."""
    entity = mention.entity
    if mention.kind != "person" or entity is None or entity.roles or mention.role or entity.gender:
        return False
    finite = word.endswith(("ed", "s")) or word in IRREGULAR_FINITE or word in CUE_WORDS
    return not finite and is_english_word(word)


def apposed(text: str, mention: Mention) -> bool:
    """True when the mention is set between commas after a place it names ('a source in the state capital,
    Maiduguri, said', 'an official in Gaza City, northern Gaza, warned') or after the role of someone met
    ('from the Ambassador of Chile, Ana Ruiz, at')."""
    direction = DIRECTION_BEFORE_RE.search(text, max(0, mention.start - 10), mention.start)
    start = direction.start() if direction else mention.start
    return text.startswith(",", mention.end) and text.startswith(",", max(0, start - 2)) and bool(
        PLACE_APPOSED_RE.search(text, max(0, start - 60), start)
        or ROLE_APPOSED_RE.search(text, max(0, mention.start - 100), mention.start))


def _after_according(text: str, start: int) -> bool:
    return text[max(0, start - 14):start].lower().endswith("according to ")


def role_speaker(mention: Mention) -> Entity | None:
    """The person a role that speaks stands for when the article never names them ('the Algerian Foreign
    Minister said'), known by the role alone, so that the next 'he said' is theirs too."""
    if mention.kind == "role" and mention.entity is None:
        name, _ = speaker_of(mention)
        if name:
            mention.entity = Entity(name, "person", [name])
    return mention.entity


def speaker_of(mention: Mention) -> tuple[str | None, str | None]:
    """(speaker name as written, role as written) for a mention, or (None, None) when unresolved."""
    if mention.entity:
        return mention.entity.name, mention.role or mention.entity.role
    anonymous = mention.indefinite and not _heads(mention.text) & SPOKESPEOPLE
    if mention.kind == "role" and not anonymous and _nations(mention.text) | {
            w for w in WORD_RE.findall(mention.text) if w[0].isupper()}:
        text = re.sub(r"^(?:the|a|an)\s+", "", mention.text, flags=re.I)
        return text, text
    if mention.kind == "bare" and len(mention.text) > 1:  # 'Q' of 'L&Q' is no one's name
        return mention.text, None
    return None, None
