"""Who takes part in an event: people, bodies and countries, not places, topics or whoever reports it."""

from __future__ import annotations

import re

from clipdesk.store.text.attribution import Entity, Mention
from clipdesk.store.text.lexicon import (
    BUILDING_HEADS,
    BYLINE_HEADS,
    COMMON,
    HEADLINE_WORDS,
    INSTITUTION_WORDS,
    MONTH_SURNAMES,
    NATIONALITY_ADJECTIVES,
    NATIONS,
    PLACE_HEADS,
    SEATS_OF_POWER,
    SPOKESPEOPLE,
    first_name_gender,
    is_english_word,
)
from clipdesk.store.text.names import normalise_name
from clipdesk.store.text.places import canonical_place, country_of, is_country

# Last words of an event's own name ('the ASEAN Defence Ministers’ Meeting'): not who takes part.
EVENT_NAME_ENDS = frozenset({"meeting", "summit", "conference", "forum", "retreat", "talks", "dialogue"})
# Words before a name that cite it as the source of the report, not as someone taking part.
SOURCE_BEFORE = re.compile(r"\b(?:citing|according\s+to|quoted\s+by|reported\s+by|released\s+(?:by|from)"
                           r"|provided\s+by)\s+(?:the\s+)?$", re.I)
# Words before a gathering that hosts the event: 'a summit on the sidelines of the UN General Assembly'.
SIDELINES_BEFORE = re.compile(r"\b(?:on|at)\s+the\s+(?:sidelines|margins)\s+of\s+(?:the\s+|an?\s+)?$", re.I)
# A role 'of' a body: 'the Ambassador of the Republic of Guinea', 'the secretary of the Security Council'.
ROLE_OF_BODY = re.compile(r"(?i)\b(?:ambassador|secretary|minister|head|chief|director|president|chairman"
                          r"|chair|governor|envoy|commissioner|representative|member|leader|commander)s?"
                          r"\s+(?:of|to|for|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,5}$")
# Between a role or a body and the person it belongs to: ' of the Republic of Guinea, Dr '.
APPOSED = re.compile(r"(?:\s+(?:of|to|for)\s+[^,.;]{0,60})?[^,.;]{0,25},\s*(?:(?:Dr|Mr|Ms|Mrs)\.?\s+)?")
# Words after which names are what was talked about, up to a 'with' that names who talked.
TOPIC_WORD = re.compile(r"\b(?:discussed|discussing|about|regarding|concerning"
                        r"|(?:relations|ties|cooperation)\s+(?:between|with))\b")
TOPIC_BREAK = re.compile(r"\bwith\b|[;.:]")
TOPIC_REACH = 100
REPORTING = re.compile(r"\b(?:said|says|stated|reported|announced|confirmed|tweeted|wrote|posted|added|noted"
                       r"|revealed|claimed|claims|stressed|insisted|explained|emphasi[sz]ed|recalled|disclosed"
                       r"|told\s+(?:the\s+)?(?:[\w.’'-]+\s+){0,2}[\w.’'-]+)\b"
                       r"(?P<that>(?:\s+(?:(?:on|last|this|earlier|later)(?:\s+\w+)?|\w+ly"
                       r"|in\s+(?:a|an|its|his|her|their)\s+\w+))?\s+that\b)?")
SUBJECT_START = re.compile(r"\s*(?:(?:on|last|this)\s+\w+\s+)?")  # 'said on Friday (that) ...'
# A verb of reporting right after a name (or its bracketed abbreviation) that closes the sentence:
# ", the ministry (MoD) has confirmed".
TAIL_SOURCE = re.compile(r"(?:\s*\([^)]{1,12}\)|\))?\s*(?:also\s+|has\s+|have\s+)?"
                         r"(?:said|says|reported|announced|stated|added|confirmed|noted)\b")
# Words of a byline or a wire credit: a name with one of them reported the event, it did not take part.
BYLINE_WORDS = BYLINE_HEADS | {"photographer", "news"}
SPOKEN_TO = re.compile(r"\b(?:call|calls|letter|message|spoke|spoken|talked|wrote)\s+to\s+$")  # not a place
# 'in the plush Fjord Hotel': where, before a building's name
PLACE_CUE = re.compile(r"\b(?:in|at|to|visit(?:ed|ing|s)?|near)\s+(?:the\s+)?"
                       r"(?:(?!(?:which|whom?|that|this|his|her|their|its)\s)[a-z]+\s+)?$", re.I)
# The people sent by a country: 'ministers', 'the delegations', 'his counterparts'.
_DELEGATE_NOUNS = r"ministers|secretaries|leaders|officials|envoys|diplomats|delegations|representatives"
_DELEGATES = (rf"\b(?P<noun>(?i:{_DELEGATE_NOUNS}|counterparts?))\s+(?:of|from|that\s+included|including)\s+")
# Countries whose people take part: 'ministers from Brazil and Norway', 'his counterparts from the
# Netherlands, Chile and the United Arab Emirates', 'the foreign minister of Tajikistan'.
_NAME = r"(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
DELEGATIONS = re.compile(rf"{_DELEGATES}(?P<list>{_NAME}(?:(?:,\s*|,?\s+and\s+){_NAME})*)")
# ... or by their people's adjectives before the noun: 'US and Canadian officials', 'Russian and Chinese
# leaders'.
_ADJECTIVE = r"[A-Z][\w.]*"
NATIONAL_DELEGATIONS = re.compile(
    rf"\b(?P<list>{_ADJECTIVE}(?:(?:,\s*|,?\s+and\s+){_ADJECTIVE})+)\s+(?:(?:top|senior|foreign|defen[cs]e)\s+)?"
    rf"(?:{_DELEGATE_NOUNS})\b")
DELEGATION_HINT = re.compile(rf"(?i:{_DELEGATE_NOUNS}|counterparts?)\s")  # a cheap look before DELEGATIONS
LIST_SEPARATOR = re.compile(r",?\s+and\s+|,\s*")
PICTURE_CREDIT = re.compile(r"(?i)\b(?:photo|picture|image|credit)s?\s*:")
# 'In this photo released from Cyprus' Press Office, A meets B': the office only gave out the picture
PICTURE_SOURCE = re.compile(r"(?i)\b(?:photo|picture|image)s?\s+(?:released|provided|distributed|taken)\s+"
                            r"(?:by|from)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$")
POSSESSIVE_PRONOUN = re.compile(r"\b(?:his|her)\b", re.I)
WORD = re.compile(r"[\w'-]+")  # 'six-way' is one word
# Words that refer back to the people of the sentence before: 'the two ministers', 'both sides', 'they'.
GROUP_REFERENCE = re.compile(r"\b(?:[Tt]he two|[Bb]oth|[Tt]hey|[Tt]he (?:\w+ )?(?:ministers|leaders|sides|men"
                             r"|women|officials|delegations|presidents))\b")
# The event itself as the subject after the verb of reporting: 'A ministry statement said the meeting ...'.
EVENT_SUBJECT = re.compile(r"(?:[Tt]he|[Tt]heir|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+)?"
                           r"(?:meeting|talks|call|visit|summit|conference|negotiations)\b")
# 'It was', 'it is' after which the sentence says what something was: the 'it' refers to nobody.
EXPLETIVE_IT = re.compile(r"\s+(?:is|was|has\s+been|had\s+been)\b")
POSSESSIVE_END = re.compile(r"['’]s$")


def participants(mentions: list[Mention], sentence: str, before: Entity | None,
                  offset: int = 0, trigger: int = 0) -> list[str]:
    """People and bodies named (or referred to by pronoun) in the sentence, in order, once each."""
    names: list[str] = []
    lists = _delegations(sentence) if DELEGATION_HINT.search(sentence) else {}
    for number, mention in enumerate(mentions):
        entity = mention.entity
        at = next((span for span in lists if span[0] <= mention.start - offset < span[1]), None)
        if at is not None:  # 'ministers from Brazil and Norway met'
            names.extend(lists.pop(at))
            continue
        if entity is None or (entity.kind == "institution" and not _is_body(entity.name)):
            continue
        if mention.kind == "role" and _apposed(mention, mentions[number + 1:number + 4], sentence, offset):
            continue  # 'the Ambassador of Chile, Ilse Marr': the role is hers, not someone named before
        if mention.text.lower() == "it" and (EXPLETIVE_IT.match(sentence, mention.end - offset)
                                             or mention.start - offset > trigger):
            continue  # 'It was his first visit': nobody; 'after the talks, ... it has received': not a party
        if BYLINE_WORDS.intersection(f"{entity.name} {mention.role or ''}".lower().split()) \
                or _glued_to_place(entity.name):  # '(Reporter Lin Bo)' wrote the story
            continue
        where = max(0, mention.start - offset)
        if PICTURE_CREDIT.search(sentence, 0, where) \
                or PICTURE_SOURCE.search(sentence, max(0, where - 60), where):
            continue  # '(Photo: Ann Lee / Getty Images)' took the picture
        if entity.kind in ("institution", "person") and _building(entity, mention, sentence, offset):
            continue
        if entity.kind == "institution" and _employer(mention, mentions[number + 1:number + 3], sentence,
                                                      offset):
            continue
        if entity.kind == "person" and spokesperson(entity, mentions[number + 1:number + 2], sentence,
                                                     offset):
            continue  # 'the ministry's spokesman Jo Tan said the two met': he reports the meeting
        if entity.kind == "person" and common_words(entity) or entity.kind == "person" and _placed(
                entity, mention, sentence, offset):
            continue
        name = POSSESSIVE_END.sub("", entity.name)  # "the Trump administration's concerns"
        if entity.kind in ("person", "institution") and name not in names:
            names.append(name)
    names.extend(country for countries in lists.values() for country in countries)
    pronoun = POSSESSIVE_PRONOUN.search(sentence)
    named_first = pronoun and any(
        m.entity and m.entity.kind == "person" and m.start - offset < pronoun.start() for m in mentions)
    if before is not None and before.name not in names and pronoun and not named_first:
        names.insert(0, before.name)
    return once(names)


def once(names: list[str]) -> list[str]:
    """Each participant once: a name that ends another one ("De Mistura" of "Staffan de Mistura") is it."""
    names = list(dict.fromkeys(names))
    folded = [name.casefold().split() for name in names]
    return [name for name, words in zip(names, folded, strict=True)
            if not any(len(other) > len(words) and other[-len(words):] == words for other in folded)]


def spokesperson(entity: Entity, after: list[Mention], sentence: str, offset: int) -> bool:
    """Someone who speaks for a party ('spokesman Jo Tan', 'Jo Tan, spokesperson of the ministry')."""
    roles = [*entity.roles, *(m.text for m in after if m.kind == "role" and m.role
                              and re.fullmatch(r",\s*", sentence[m.start - offset - 2:m.start - offset]))]
    return any(SPOKESPEOPLE.intersection(WORD.findall(role.lower())) for role in roles)


def _employer(mention: Mention, after: list[Mention], sentence: str, offset: int) -> bool:
    """A body in the role of the person named next ('the Ambassador of the Republic of Guinea, Siaka
    Cissoko', 'the secretary of the Security Council, Ivan Petrenko'): the person takes part, not it."""
    start = mention.start - offset
    return bool(ROLE_OF_BODY.search(sentence, max(0, start - 60), start)) \
        and _apposed(mention, after, sentence, offset)


def _apposed(mention: Mention, after: list[Mention], sentence: str, offset: int) -> bool:
    """Whether the person named next is set beside the mention ('the Ambassador of Chile, Ilse Marr')."""
    person = next((m for m in after if m.kind == "person"), None)
    return person is not None and APPOSED.fullmatch(sentence, mention.end - offset, person.start - offset) \
        is not None


def _building(entity: Entity, mention: Mention, sentence: str, offset: int) -> bool:
    """A building after 'at the' or 'in' ('at Marlow Palace'): where the event happened, not who took part."""
    before = sentence[max(0, mention.start - offset - 20):mention.start - offset]
    return entity.name.split()[-1].lower() in BUILDING_HEADS and bool(PLACE_CUE.search(before))


def is_country_word(mention: Mention) -> bool:
    """A country named as such ('Britain', 'the United States'), not its people's adjective."""
    low = mention.text.lower()
    return mention.kind == "bare" and mention.entity is None \
        and (low in NATIONS or is_country(mention.text)) \
        and low not in NATIONALITY_ADJECTIVES and low not in SEATS_OF_POWER


def _delegations(sentence: str) -> dict[tuple[int, int], list[str]]:
    """The countries listed after 'ministers from', 'counterparts from', by where the list is written."""
    lists: dict[tuple[int, int], list[str]] = {}
    for match in DELEGATIONS.finditer(sentence):
        items = [re.sub(r"^the\s+", "", item) for item in LIST_SEPARATOR.split(match["list"])]
        countries = [item for item in items if is_country(item)]
        if countries:
            lists[match.span("list")] = countries
    for match in NATIONAL_DELEGATIONS.finditer(sentence):
        named = [country_of(item) or (canonical_place(item) if is_country(item) else None)
                 for item in LIST_SEPARATOR.split(match["list"])]
        found = [country for country in named if country]
        if len(found) == len(named):
            lists[match.span("list")] = found
    return lists


def _placed(entity: Entity, mention: Mention, sentence: str, offset: int) -> bool:
    """A name after 'in', 'at' or 'visited' with no role or first name to say it is a person: a place
    the gazetteer does not know ('troops in Lashkar Gah'); or one it knows, whatever its first word
    ('in New York City', though 'York' is also a first name)."""
    before = sentence[max(0, mention.start - offset - 20):mention.start - offset]
    if entity.roles or not PLACE_CUE.search(before) or SPOKEN_TO.search(before):
        return False
    written = sentence[mention.start - offset:mention.end - offset]
    return first_name_gender(entity.name.split()[0]) is None or canonical_place(written) is not None


def common_words(entity: Entity) -> bool:
    """A 'person' that is a place, has a function word, or is only capitalised ordinary words ('Framework
    Convention', 'Land Use'): a headline fragment or a thing, unless a first name, a title or a role says
    otherwise."""
    words = entity.name.split()
    ends = {words[0].lower(), words[-1].lower()}
    if any(w in COMMON and not (n and w in MONTH_SURNAMES) or w.lower() in HEADLINE_WORDS
           for n, w in enumerate(words)) or ends & PLACE_HEADS \
            or words[-1].lower() in EVENT_NAME_ENDS or canonical_place(entity.name) is not None:
        return True  # 'Is Open' of a headline, 'Lashkar Gah', 'Hiroshima Summit': not someone
    return not entity.roles and entity.gender is None and first_name_gender(words[0]) is None \
        and all(_ordinary(w) for w in words)  # 'Mr Peters' is someone: a title told his sex


def _ordinary(word: str) -> bool:
    """An English word, inflected or not ('Receiving Letters' is no one's name)."""
    low = word.lower()
    stems = (low, low[:-1] if low.endswith("s") else "", low[:-3] if low.endswith("ing") else "",
             low[:-3] + "e" if low.endswith("ing") else "", low[:-2] if low.endswith("ed") else "",
             low[:-1] if low.endswith("ed") else "")
    return any(is_english_word(stem) for stem in stems if len(stem) > 2)


def _glued_to_place(name: str) -> bool:
    """A name run into the dateline's place ('Xinhua News Agency Moscow'), not a body of that place."""
    words = name.split()
    return (len(words) > 2 and words[-2].lower() not in ("of", "in", "for")
            and canonical_place(words[-1]) is not None)


def reporter_end(sentence: str, mentions: list[Mention], offset: int, trigger: int) -> int:
    """Where the words of whoever reports the event end ('The ministry, in a statement, said the two
    ministers met'): the verb of reporting before the trigger whose clause has a subject of its own."""
    verbs = list(REPORTING.finditer(sentence, 0, trigger))
    if not verbs:
        return 0
    verb = verbs[-1]
    if verb["that"] and verb.end() < trigger:
        return verb.end()  # 'X told the weekly Y on Monday that the two met': X and Y report, whoever met
    # 'said the two ministers met': the clause has a subject of its own
    start = SUBJECT_START.match(sentence, verb.end())
    after = start.end() if start else verb.end()
    subject = any(m.start - offset == after for m in mentions) or GROUP_REFERENCE.match(sentence, after) \
        is not None or EVENT_SUBJECT.match(sentence, after) is not None
    return verb.start() if subject and after < trigger else 0


def _topic(sentence: str, start: int, topics: list[int]) -> bool:
    """Whether the name at `start` follows 'discussed' or 'relations between' (ending at one of `topics`)
    in its clause, with no 'with' (which names who talked) in between."""
    last = max((end for end in topics if start - TOPIC_REACH <= end <= start), default=None)
    return last is not None and TOPIC_BREAK.search(sentence, last, start) is None


def bystander(sentence: str, start: int, end: int, topics: list[int]) -> bool:
    """A name cited as the source of the report ('citing the Russian ministry', ', the ministry said'), what
    was talked about ('discussed relations between Ukraine and the EU', ending at one of `topics`), or the
    gathering the event was held beside ('on the sidelines of the UN General Assembly'), not a participant."""
    if _topic(sentence, start, topics) or SIDELINES_BEFORE.search(sentence, max(0, start - 30), start):
        return True
    return bool(SOURCE_BEFORE.search(sentence, max(0, start - 20), start)) or bool(
        TAIL_SOURCE.match(sentence, end)
        and re.search(r",\s*(?:the\s+)?[\w\s'’.()-]{0,30}$", sentence[:start]))


def _is_body(name: str) -> bool:
    """An institution worth naming as a participant (a ministry, NATO), not a stray capitalised word."""
    words = name.split()
    if len(words) == 1 and is_english_word(name):
        return False  # 'his Cabinet post', 'the Presidency announced': a common noun capitalised
    if words[-1].lower() in EVENT_NAME_ENDS:
        return False  # 'the ASEAN Defence Ministers’ Meeting': the event itself, not who takes part
    return name[:1].isupper() and bool(set(normalise_name(name).split()) & INSTITUTION_WORDS)
